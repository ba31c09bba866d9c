import Foundation
import ZIPFoundation

/// OpenDocument spreadsheets (`.ods`) and text documents (`.odt`), read by streaming
/// `content.xml` from the ZIP archive.
///
/// - ODS: each `table:table` is a sheet read by `SpreadsheetTable` (header row when it looks like
///   one, one record per row, `line` = row number). `table:number-columns-repeated` and
///   `table:number-rows-repeated` advance the position (a repeated non-empty cell or row is
///   delivered once); numbers use `office:value` (integers as their digits, see
///   `SpreadsheetNumber`). Description `"N sheets"`.
/// - ODT: paragraphs (`text:p`, `text:h`; `text:tab` → tab, `text:line-break` → newline,
///   `text:s` → space) are lines of an inner `TextReader` (labelled lines become fields, blank
///   paragraphs separate records), tables are read like DOCX tables. `line` = paragraph index.
///   Description `"N paragraphs, M tables"`.
/// - Errors: not a ZIP archive or no `content.xml` → `.malformed`; encrypted → `.unsupported`
///   (ODF encryption keeps the ZIP readable but declares it in `META-INF/manifest.xml`).
public struct ODFReader: FileDocumentReader {
    /// Size limits (`maxFieldBytes` caps one paragraph's or cell's text).
    public let limits: ReadLimits
    /// Read `content.xml` as a spreadsheet (`.ods`) rather than a text document.
    public var spreadsheet = false

    /// Most columns of a sheet (LibreOffice and Excel both stop at 16,384); a cell with content
    /// past it fails the document instead of growing the column table without bound.
    static let maxColumns = 16_384
    /// Most rows one `number-rows-repeated` counts for (keeps row numbers from overflowing).
    static let maxRowRepeat = 1 << 20

    public init(limits: ReadLimits) { self.limits = limits }

    public mutating func read(path: String, visitor: inout some RecordVisitor) throws(ReadError) -> String {
        // A flat OpenDocument file (`.fods`, `.fodt`): the whole document is one XML file whose
        // `office:body` is `content.xml`'s.
        let flat = Self.isFlat(path: path)
        var archive: Archive?, content: Entry?
        if !flat {
            let zip = try OfficeZIP.open(path: path)
            if let manifest = zip["META-INF/manifest.xml"] {
                var encrypted = false
                try OfficeZIP.parse(zip, manifest, part: "META-INF/manifest.xml", maxTextBytes: limits.maxFieldBytes) { (x: inout XMLScanner, event: XMLEvent) throws(ReadError) in
                    if event == .start && x.isNamed("encryption-data") { encrypted = true }
                }
                if encrypted { throw ReadError(.unsupported, "encrypted, not scanned") }
            }
            guard let entry = zip["content.xml"] else { throw ReadError(.malformed, "no content.xml part: not an OpenDocument file") }
            archive = zip
            content = entry
        }
        let limits = self.limits, spreadsheet = self.spreadsheet
        func parseContent(_ handle: (inout XMLScanner, XMLEvent) throws(ReadError) -> Void) throws(ReadError) {
            if let archive, let content {
                try OfficeZIP.parse(archive, content, part: "content.xml", maxTextBytes: limits.maxFieldBytes, handle)
            } else {
                try Self.parseFlat(path: path, maxTextBytes: limits.maxFieldBytes, handle)
            }
        }
        var paragraphs = 0, tables = 0
        try withUnsafeMutablePointer(to: &visitor) { (base) throws(ReadError) in
            var text = ParagraphText(limits: limits, base: base)
            var paragraphDepth = 0, tableDepth = 0
            var table = SpreadsheetTable()
            var row = 0, rowLine = 0, column = -1, columnRepeat = 1, rowRepeat = 1
            var cell: [UInt8] = [], number: [UInt8]? = nil
            var inCell = false
            let maxCell = limits.maxFieldBytes
            try parseContent { (x: inout XMLScanner, event: XMLEvent) throws(ReadError) in
                if event == .start {
                    if x.isNamed("p") || x.isNamed("h") {
                        if paragraphDepth > 0 { if !x.text.isEmpty { x.text.append(0x0A) } } else {
                            x.text.clear()
                            paragraphs += 1
                            if tableDepth == 1 && inCell && rowLine == 0 { rowLine = paragraphs }
                        }
                        paragraphDepth += 1
                        x.collecting = true
                    } else if paragraphDepth > 0 {
                        if x.isNamed("tab") { x.text.append(0x09) }
                        else if x.isNamed("line-break") { x.text.append(0x0A) }
                        else if x.isNamed("s") {
                            let n = x.attribute("c").flatMap { XLSXReader.decimal($0[...]) } ?? 1
                            x.text.append(contentsOf: repeatElement(0x20, count: Swift.min(Swift.max(n, 1), 64)))
                        }
                    } else if x.isNamed("table") {
                        tableDepth += 1
                        if tableDepth == 1 {
                            if !spreadsheet { try text.breakRecord() }
                            table = SpreadsheetTable(); tables += 1; row = 0
                        }
                    } else if tableDepth == 1 && x.isNamed("table-row") {
                        // A row starts: a cell left open by a broken end tag is over.
                        column = -1; columnRepeat = 1; rowLine = 0; inCell = false
                        rowRepeat = Swift.min(x.attribute("number-rows-repeated").flatMap { XLSXReader.decimal($0[...]) } ?? 1, Self.maxRowRepeat)
                        row += 1
                    } else if tableDepth == 1 && (x.isNamed("table-cell") || x.isNamed("covered-table-cell")) {
                        column += columnRepeat
                        columnRepeat = Swift.min(x.attribute("number-columns-repeated").flatMap { XLSXReader.decimal($0[...]) } ?? 1, Self.maxColumns)
                        cell.clear()
                        number = x.attribute("value-type").map { $0.elementsEqual("float".utf8) || $0.elementsEqual("percentage".utf8) || $0.elementsEqual("currency".utf8) } == true ? x.attribute("value") : nil
                        inCell = true
                    }
                    return
                }
                if x.isNamed("p") || x.isNamed("h") {
                    guard paragraphDepth > 0 else { return }
                    paragraphDepth -= 1
                    guard paragraphDepth == 0 else { return }
                    x.collecting = false
                    if tableDepth == 0 {
                        if !spreadsheet { try text.paragraph(x.text, index: paragraphs) }
                    } else if inCell {
                        try OfficeZIP.appendToCell(&cell, x.text, max: maxCell)
                    }
                    x.text.clear()
                } else if tableDepth == 1 && (x.isNamed("table-cell") || x.isNamed("covered-table-cell")) {
                    guard inCell else { return }
                    inCell = false
                    guard column >= 0 else { return }
                    if column >= Self.maxColumns && (number != nil || !cell.isEmpty) {
                        throw ReadError(.limit, "a table cell after column \(Self.maxColumns): not a valid sheet")
                    }
                    let line = spreadsheet ? row : (rowLine > 0 ? rowLine : paragraphs)
                    if let v = number {
                        v.withUnsafeBufferPointer { p in
                            let t = OfficeZIP.trimmed(p)
                            guard !t.isEmpty else { return }
                            switch SpreadsheetNumber.numeric(t) {
                            case .asIs: table.cell(t, column: column, row: line, visitor: &base.pointee)
                            case .digits(let d): d.withUnsafeBufferPointer { table.cell($0, column: column, row: line, visitor: &base.pointee) }
                            case .damaged: break
                            }
                        }
                    } else {
                        let value = cell.map { $0 == 0x09 || $0 == 0x0A ? 0x20 : $0 }
                        if !value.isEmpty { value.withUnsafeBufferPointer { table.cell($0, column: column, row: line, visitor: &base.pointee) } }
                    }
                } else if tableDepth == 1 && x.isNamed("table-row") {
                    table.endRow(spreadsheet ? row : (rowLine > 0 ? rowLine : paragraphs), visitor: &base.pointee)
                    row += Swift.max(rowRepeat, 1) - 1
                } else if x.isNamed("table") && tableDepth > 0 {
                    tableDepth -= 1
                    if tableDepth == 0 { table.finish(visitor: &base.pointee) }
                }
            }
            if tableDepth > 0 { table.finish(visitor: &base.pointee) }
            try text.finish()
        }
        if spreadsheet { return tables == 1 ? "1 sheet" : "\(tables) sheets" }
        return "\(paragraphs) paragraph\(paragraphs == 1 ? "" : "s"), \(tables) table\(tables == 1 ? "" : "s")"
    }

    /// Whether the file is a flat OpenDocument XML file rather than a ZIP package.
    /// (`marker`: the root element's name that says so, in the first 4 KB.)
    static func isFlat(path: String, marker: String = "office:document") -> Bool {
        guard let handle = FileHandle(forReadingAtPath: path) else { return false }
        defer { try? handle.close() }
        let head = (try? handle.read(upToCount: 4096)) ?? Data()
        guard head.count >= 4, !(head[0] == 0x50 && head[1] == 0x4B) else { return false }
        return head.range(of: Data(marker.utf8)) != nil
    }

    /// Streams a flat file's XML through `handle`, 64 KB at a time.
    static func parseFlat(path: String, maxTextBytes: Int, _ handle: (inout XMLScanner, XMLEvent) throws(ReadError) -> Void) throws(ReadError) {
        guard let file = FileHandle(forReadingAtPath: path) else { throw ReadError(.io, "cannot open the file") }
        defer { try? file.close() }
        var scanner = XMLScanner(maxTextBytes: maxTextBytes)
        while true {
            let chunk: Data
            do { chunk = try file.read(upToCount: 64 * 1024) ?? Data() } catch { throw ReadError(.io, "read failed") }
            if chunk.isEmpty { break }
            let bytes = [UInt8](chunk)
            try bytes.withUnsafeBufferPointer { (p: UnsafeBufferPointer<UInt8>) throws(ReadError) in
                var i = 0
                while let event = try scanner.next(p, at: &i) { try handle(&scanner, event) }
            }
        }
    }
}
