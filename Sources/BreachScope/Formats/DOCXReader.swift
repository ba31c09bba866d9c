import Foundation
import ZIPFoundation

/// Word 2007+ documents (`.docx`, `.docm`), read from the ZIP archive by streaming the XML of
/// `word/document.xml`, then the headers and footers (`word/header*.xml`, `word/footer*.xml`),
/// footnotes, endnotes and comments.
///
/// - Paragraphs (`w:p`; text in `w:t`, `w:tab` → tab, `w:br`/`w:cr` → newline) are lines of an
///   inner `TextReader`: `Nimi: Mari Maasikas` becomes a labelled field, other text free text,
///   and blank paragraphs, tables and part boundaries separate records. A paragraph inside a
///   text box continues the paragraph holding it; `mc:Fallback` copies are skipped.
/// - Tables (`w:tbl`, rows `w:tr`, cells `w:tc`, `w:gridSpan` honoured) are read like spreadsheet
///   sheets by `SpreadsheetTable`: the first row is a header when it looks like one, each other
///   row is a record. A cell's paragraphs are joined with a space; nested tables are cell text.
/// - `line` is the 1-based paragraph index over all parts (a table row's line is that of its
///   first paragraph); offsets are 0. The description is `"N paragraphs, M tables"`.
/// - Errors: not a ZIP archive or no `word/document.xml` → `.malformed`; encrypted (a compound
///   file, or an encrypted member) → `.unsupported`. Messages never contain document content.
public struct DOCXReader: FileDocumentReader {
    /// Size limits (`maxFieldBytes` caps one paragraph's text).
    public let limits: ReadLimits
    /// Paragraphs read in the last `read`.
    public private(set) var paragraphs = 0
    /// Top-level tables read in the last `read`.
    public private(set) var tables = 0

    public init(limits: ReadLimits) { self.limits = limits }

    public mutating func read(path: String, visitor: inout some RecordVisitor) throws(ReadError) -> String {
        paragraphs = 0
        tables = 0
        if ODFReader.isFlat(path: path, marker: "w:wordDocument") {
            // Word 2003 XML (`<?mso-application progid="Word.Document"?>`): the body is
            // `document.xml`'s, in one XML file.
            let limits = self.limits
            try withUnsafeMutablePointer(to: &visitor) { (base) throws(ReadError) in
                var text = ParagraphText(limits: limits, base: base)
                try readPart(part: "document.xml", text: &text, base: base) { (handle) throws(ReadError) in
                    try ODFReader.parseFlat(path: path, maxTextBytes: limits.maxFieldBytes, handle)
                }
                try text.finish()
            }
            return "\(paragraphs) paragraph\(paragraphs == 1 ? "" : "s"), \(tables) table\(tables == 1 ? "" : "s")"
        }
        let archive = try OfficeZIP.open(path: path)
        guard let document = archive["word/document.xml"] else { throw ReadError(.malformed, "no word/document.xml part: not a Word document") }
        var parts: [(String, Entry)] = [("word/document.xml", document)]
        var extra: [(String, Entry)] = []
        for entry in archive where entry.type == .file {
            let p = entry.path
            guard p.hasPrefix("word/"), p.hasSuffix(".xml"), !p.dropFirst(5).contains("/") else { continue }
            let name = p.dropFirst(5).dropLast(4)
            if name.hasPrefix("header") || name.hasPrefix("footer") || name == "footnotes" || name == "endnotes" || name == "comments" {
                extra.append((p, entry))
            }
        }
        extra.sort { Self.partOrder($0.0) < Self.partOrder($1.0) }
        parts += extra

        let limits = self.limits
        try withUnsafeMutablePointer(to: &visitor) { (base) throws(ReadError) in
            var text = ParagraphText(limits: limits, base: base)
            for (name, entry) in parts {
                try readPart(part: name, text: &text, base: base) { (handle) throws(ReadError) in
                    try OfficeZIP.parse(archive, entry, part: name, maxTextBytes: limits.maxFieldBytes, handle)
                }
                try text.breakRecord()
            }
            try text.finish()
        }
        return "\(paragraphs) paragraph\(paragraphs == 1 ? "" : "s"), \(tables) table\(tables == 1 ? "" : "s")"
    }

    /// Headers before footers, then notes and comments; numbers in numeric order.
    static func partOrder(_ path: String) -> (Int, Int, String) {
        let name = path.dropFirst(5).dropLast(4)
        let kinds = ["header", "footer", "footnotes", "endnotes", "comments"]
        let kind = kinds.firstIndex { name.hasPrefix($0) } ?? kinds.count
        let number = Int(name.drop { !$0.isNumber }) ?? 0
        return (kind, number, path)
    }

    private mutating func readPart<V: RecordVisitor>(part: String, text: inout ParagraphText<V>, base: UnsafeMutablePointer<V>,
                                                    parse: ((inout XMLScanner, XMLEvent) throws(ReadError) -> Void) throws(ReadError) -> Void)
        throws(ReadError) {
        var paragraphDepth = 0, tableDepth = 0, propertiesDepth = 0, fallbackDepth = 0
        var table = SpreadsheetTable()
        var rowLine = 0, column = -1, span = 1
        var cell: [UInt8] = []
        var inCell = false
        var paragraphIndex = paragraphs
        let maxCell = limits.maxFieldBytes
        try parse { (x: inout XMLScanner, event: XMLEvent) throws(ReadError) in
            if event == .start {
                if x.isNamed("Fallback") { fallbackDepth += 1; return }
                guard fallbackDepth == 0 else { return }
                if x.isNamed("p") {
                    if paragraphDepth > 0 {  // text box paragraph inside a paragraph
                        if !x.text.isEmpty { x.text.append(0x0A) }
                    } else {
                        x.text.clear()
                        paragraphIndex += 1
                        if tableDepth == 1 && inCell && rowLine == 0 { rowLine = paragraphIndex }
                    }
                    paragraphDepth += 1
                } else if x.isNamed("pPr") || x.isNamed("rPr") {
                    propertiesDepth += 1
                } else if paragraphDepth > 0 && propertiesDepth == 0 {
                    if x.isNamed("t") { x.collecting = true }
                    else if x.isNamed("tab") { x.text.append(0x09) }
                    else if x.isNamed("br") || x.isNamed("cr") { x.text.append(0x0A) }
                    else if x.isNamed("noBreakHyphen") { x.text.append(UInt8(ascii: "-")) }
                } else if x.isNamed("tbl") {
                    tableDepth += 1
                    if tableDepth == 1 {
                        try text.breakRecord()
                        table = SpreadsheetTable()
                        tables += 1
                    }
                } else if tableDepth == 1 && x.isNamed("tr") {
                    column = -1; rowLine = 0; span = 1
                } else if tableDepth == 1 && x.isNamed("tc") {
                    column += span; span = 1
                    cell.clear()
                    inCell = true
                } else if tableDepth == 1 && inCell && x.isNamed("gridSpan") {
                    if let v = x.attribute("val"), let n = XLSXReader.decimal(v[...]), n > 1, n < 1000 { span = n }
                }
                return
            }
            // End tags.
            if x.isNamed("Fallback") { fallbackDepth = Swift.max(0, fallbackDepth - 1); return }
            guard fallbackDepth == 0 else { return }
            if x.isNamed("t") {
                x.collecting = false
            } else if x.isNamed("pPr") || x.isNamed("rPr") {
                propertiesDepth = Swift.max(0, propertiesDepth - 1)
            } else if x.isNamed("p") {
                guard paragraphDepth > 0 else { return }
                paragraphDepth -= 1
                guard paragraphDepth == 0 else { return }
                x.collecting = false
                propertiesDepth = 0
                if tableDepth == 0 {
                    try text.paragraph(x.text, index: paragraphIndex)
                } else if inCell {
                    try OfficeZIP.appendToCell(&cell, x.text, max: maxCell)
                }
                x.text.clear()
            } else if x.isNamed("tc") && tableDepth == 1 {
                inCell = false
                let value = cell.withUnsafeBufferPointer { p in
                    // Tabs and line breaks inside a cell become spaces: the cell is one value.
                    Array(OfficeZIP.trimmed(p)).map { $0 == 0x09 || $0 == 0x0A ? 0x20 : $0 }
                }
                if !value.isEmpty {
                    let line = rowLine > 0 ? rowLine : paragraphIndex
                    value.withUnsafeBufferPointer { table.cell($0, column: column, row: line, visitor: &base.pointee) }
                }
            } else if x.isNamed("tr") && tableDepth == 1 {
                table.endRow(rowLine > 0 ? rowLine : paragraphIndex, visitor: &base.pointee)
                span = 1
            } else if x.isNamed("tbl") && tableDepth > 0 {
                tableDepth -= 1
                if tableDepth == 0 { table.finish(visitor: &base.pointee) }
            }
        }
        if tableDepth > 0 { table.finish(visitor: &base.pointee) }
        paragraphs = paragraphIndex
    }
}
