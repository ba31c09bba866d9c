import Foundation
import ZIPFoundation

/// Excel 2007+ workbooks (`.xlsx`, `.xlsm`), read from the ZIP archive without holding a
/// worksheet in memory.
///
/// - Parts: `xl/workbook.xml` gives the sheets in order, `xl/_rels/workbook.xml.rels` the part of
///   each, `xl/sharedStrings.xml` the shared strings (rich-text runs joined, phonetic runs left
///   out; held in memory as the sheets' dictionary, at most `maxSharedStringBytes`).
/// - Each worksheet is streamed (ZIPFoundation's chunked extraction) through `XMLScanner` and
///   read as a table by `SpreadsheetTable`: header row, column hints, one record per row with the
///   spreadsheet row number as its line (offsets are 0).
/// - Cells: shared (`t="s"`), inline (`t="inlineStr"`) and formula (`t="str"`) strings, numbers
///   (`t="n"` or none; date serials as they are), booleans as `TRUE`/`FALSE`; errors skipped.
///   Numbers that are integers are delivered as their digits (`3.8001085718E+10` →
///   `38001085718`, no `.0`) so ID codes stored as numbers are found. An identifier whose digits
///   were lost (an integer of more than 15 digits, or text like `3.8001E+10`) is a *damaged
///   number*: nothing is delivered for it and it is counted in the description
///   (`"2 sheets, 1 damaged number"`). See `SpreadsheetNumber`.
/// - Errors: not a ZIP archive or no workbook part → `.malformed`; an encrypted ZIP member →
///   `.unsupported`. Messages name parts and sheet numbers, never cell content.
public struct XLSXReader: FileDocumentReader {
    /// Size limits (`maxFieldBytes` caps one cell's text).
    public let limits: ReadLimits
    /// Most bytes of shared strings held for a workbook.
    public var maxSharedStringBytes = 256 << 20
    /// Damaged numbers (lost identifier digits) met in the last `read`.
    public private(set) var damagedNumbers = 0
    /// Sheets read in the last `read`.
    public private(set) var sheetsRead = 0

    public init(limits: ReadLimits) { self.limits = limits }

    public mutating func read(path: String, visitor: inout some RecordVisitor) throws(ReadError) -> String {
        damagedNumbers = 0
        sheetsRead = 0
        let archive: Archive
        do { archive = try Archive(url: URL(fileURLWithPath: path), accessMode: .read) } catch {
            throw ReadError(.malformed, "not a valid ZIP archive")
        }
        if Self.hasEncryptedMember(path: path) { throw ReadError(.unsupported, "encrypted, not scanned") }
        guard let workbook = archive["xl/workbook.xml"] else { throw ReadError(.malformed, "no xl/workbook.xml part: not an Excel workbook") }

        // Sheets in workbook order, by relationship id.
        var sheetIDs: [[UInt8]] = []
        try OfficeZIP.parse(archive, workbook, part: "xl/workbook.xml", maxTextBytes: limits.maxFieldBytes) { (x: inout XMLScanner, event: XMLEvent) throws(ReadError) in
            if event == .start && x.isNamed("sheet") { sheetIDs.append(x.attribute("id") ?? []) }
        }
        var targets: [[UInt8]: String] = [:]
        var sharedStringsPart = "xl/sharedStrings.xml"
        if let rels = archive["xl/_rels/workbook.xml.rels"] {
            try OfficeZIP.parse(archive, rels, part: "xl/_rels/workbook.xml.rels", maxTextBytes: limits.maxFieldBytes) { (x: inout XMLScanner, event: XMLEvent) throws(ReadError) in
                guard event == .start, x.isNamed("Relationship"), let id = x.attribute("Id"), let target = x.attribute("Target") else { return }
                let part = Self.partPath(String(decoding: target, as: UTF8.self))
                targets[id] = part
                if let type = x.attribute("Type"), type.count >= 14, type.suffix(14).elementsEqual("/sharedStrings".utf8) { sharedStringsPart = part }
            }
        }
        var shared = SharedStrings()
        if let entry = archive[sharedStringsPart] { shared = try readSharedStrings(archive, entry, part: sharedStringsPart) }

        for (k, id) in sheetIDs.enumerated() {
            let part = targets[id] ?? "xl/worksheets/sheet\(k + 1).xml"
            guard part.hasPrefix("xl/worksheets/") else { continue }  // chart sheets, dialogs: no cells
            guard let entry = archive[part] else { throw ReadError(.malformed, "the part of sheet \(k + 1) is missing") }
            try readSheet(archive, entry, number: k + 1, shared: shared, visitor: &visitor)
            sheetsRead += 1
        }
        var description = sheetsRead == 1 ? "1 sheet" : "\(sheetsRead) sheets"
        if damagedNumbers > 0 { description += damagedNumbers == 1 ? ", 1 damaged number" : ", \(damagedNumbers) damaged numbers" }
        return description
    }

    // MARK: Worksheets

    private enum CellType { case number, shared, inline, formula, boolean, error, date }

    private mutating func readSheet(_ archive: Archive, _ entry: Entry, number: Int, shared: SharedStrings,
                                    visitor: inout some RecordVisitor) throws(ReadError) {
        var table = SpreadsheetTable()
        var inSheetData = false, inCell = false, inInline = false, phonetic = 0, hasValue = false
        var row = 0, column = -1, type = CellType.number
        try OfficeZIP.parse(archive, entry, part: "sheet \(number)", maxTextBytes: limits.maxFieldBytes) { (x: inout XMLScanner, event: XMLEvent) throws(ReadError) in
            if event == .start {
                if !inSheetData { if x.isNamed("sheetData") { inSheetData = true }; return }
                if x.isNamed("c") {
                    inCell = true; hasValue = false
                    x.text.clear()
                    if let r = x.attributeRange("r"), let ref = Self.cellReference(x.tag[r]) {
                        column = ref.column
                        if ref.row > 0 { row = ref.row }
                    } else {
                        column += 1
                    }
                    type = Self.cellType(x)
                } else if !inCell {
                    if x.isNamed("row") {
                        if let r = x.attributeRange("r"), let n = Self.decimal(x.tag[r]) { row = n } else { row += 1 }
                        column = -1
                    }
                } else if x.isNamed("v") {
                    x.collecting = true; hasValue = true
                } else if x.isNamed("is") {
                    inInline = true
                } else if x.isNamed("rPh") {
                    phonetic += 1
                } else if x.isNamed("t") && inInline && phonetic == 0 {
                    x.collecting = true; hasValue = true
                }
                return
            }
            // End tags.
            guard inSheetData else { return }
            if inCell {
                if x.isNamed("v") || x.isNamed("t") { x.collecting = false }
                else if x.isNamed("rPh") { phonetic = Swift.max(0, phonetic - 1) }
                else if x.isNamed("is") { inInline = false }
                else if x.isNamed("c") {
                    inCell = false; inInline = false; phonetic = 0; x.collecting = false
                    if hasValue { deliverCell(x.text, type: type, row: row, column: column, shared: shared, table: &table, visitor: &visitor) }
                }
            } else if x.isNamed("row") {
                table.endRow(row, visitor: &visitor)
            } else if x.isNamed("sheetData") {
                inSheetData = false
            }
        }
        table.finish(visitor: &visitor)
    }

    /// The cell's `t` attribute, compared in place (no allocation per cell).
    private static func cellType(_ x: XMLScanner) -> CellType {
        guard let r = x.attributeRange("t"), let first = r.first.map({ x.tag[$0] }) else { return .number }
        switch (r.count, first) {
        case (1, UInt8(ascii: "s")): return .shared
        case (9, UInt8(ascii: "i")): return .inline
        case (3, UInt8(ascii: "s")): return .formula
        case (1, UInt8(ascii: "b")): return .boolean
        case (1, UInt8(ascii: "e")): return .error
        case (1, UInt8(ascii: "d")): return .date
        default: return .number
        }
    }

    /// Normalises one cell's value and hands it to the table.
    private mutating func deliverCell(_ raw: [UInt8], type: CellType, row: Int, column: Int, shared: SharedStrings,
                                      table: inout SpreadsheetTable, visitor: inout some RecordVisitor) {
        guard column >= 0 else { return }
        switch type {
        case .error:
            return
        case .boolean:
            let value: [UInt8] = raw.first == UInt8(ascii: "1") ? Array("TRUE".utf8) : Array("FALSE".utf8)
            value.withUnsafeBufferPointer { table.cell($0, column: column, row: row, visitor: &visitor) }
        case .shared:
            guard let index = Self.decimal(raw[...]), index < shared.count else { return }
            shared.bytes.withUnsafeBufferPointer { all in
                deliverText(UnsafeBufferPointer(rebasing: all[shared.range(index)]), row: row, column: column, table: &table, visitor: &visitor)
            }
        case .inline, .formula, .date:
            raw.withUnsafeBufferPointer { deliverText($0, row: row, column: column, table: &table, visitor: &visitor) }
        case .number:
            raw.withUnsafeBufferPointer { p in
                let v = Self.trimmed(p)
                guard !v.isEmpty else { return }
                switch SpreadsheetNumber.numeric(v) {
                case .asIs: table.cell(v, column: column, row: row, visitor: &visitor)
                case .digits(let d): d.withUnsafeBufferPointer { table.cell($0, column: column, row: row, visitor: &visitor) }
                case .damaged: damagedNumbers += 1
                }
            }
        }
    }

    private mutating func deliverText(_ p: UnsafeBufferPointer<UInt8>, row: Int, column: Int, table: inout SpreadsheetTable, visitor: inout some RecordVisitor) {
        let v = Self.trimmed(p)
        guard !v.isEmpty else { return }
        switch SpreadsheetNumber.text(v) {
        case .asIs: table.cell(v, column: column, row: row, visitor: &visitor)
        case .digits(let d): d.withUnsafeBufferPointer { table.cell($0, column: column, row: row, visitor: &visitor) }
        case .damaged: damagedNumbers += 1
        }
    }

    private static func trimmed(_ p: UnsafeBufferPointer<UInt8>) -> UnsafeBufferPointer<UInt8> {
        func space(_ b: UInt8) -> Bool { b == 0x20 || b == 0x09 || b == 0x0A || b == 0x0D }
        var a = 0, b = p.count
        while a < b && space(p[a]) { a += 1 }
        while b > a && space(p[b - 1]) { b -= 1 }
        return UnsafeBufferPointer(rebasing: p[a..<b])
    }

    // MARK: Shared strings

    /// The shared string table: all strings' bytes back to back and where each ends.
    struct SharedStrings {
        var bytes: [UInt8] = []
        var ends: [Int] = []
        var count: Int { ends.count }
        func range(_ i: Int) -> Range<Int> { (i == 0 ? 0 : ends[i - 1])..<ends[i] }
    }

    private func readSharedStrings(_ archive: Archive, _ entry: Entry, part: String) throws(ReadError) -> SharedStrings {
        var table = SharedStrings()
        var phonetic = 0
        let cap = maxSharedStringBytes
        try OfficeZIP.parse(archive, entry, part: part, maxTextBytes: limits.maxFieldBytes) { (x: inout XMLScanner, event: XMLEvent) throws(ReadError) in
            if event == .start {
                if x.isNamed("si") { x.text.clear(); phonetic = 0 }
                else if x.isNamed("rPh") { phonetic += 1 }
                else if x.isNamed("t") && phonetic == 0 { x.collecting = true }
            } else {
                if x.isNamed("t") { x.collecting = false }
                else if x.isNamed("rPh") { phonetic = Swift.max(0, phonetic - 1) }
                else if x.isNamed("si") {
                    if table.bytes.count + x.text.count > cap {
                        throw ReadError(.limit, "shared strings are larger than the limit of \(cap) bytes")
                    }
                    table.bytes.append(contentsOf: x.text)
                    table.ends.append(table.bytes.count)
                }
            }
        }
        return table
    }

    // MARK: Archive and XML plumbing

    /// A relationship target as an archive path: relative to `xl/`, or absolute from the root.
    static func partPath(_ target: String) -> String {
        var parts: [Substring] = target.hasPrefix("/") ? [] : ["xl"]
        for piece in target.split(separator: "/") {
            if piece == "." { continue }
            if piece == ".." { if !parts.isEmpty { parts.removeLast() }; continue }
            parts.append(piece)
        }
        return parts.joined(separator: "/")
    }

    /// `B12` → column 1, row 12 (row 0 when the reference has no row).
    static func cellReference(_ ref: ArraySlice<UInt8>) -> (column: Int, row: Int)? {
        var column = 0, row = 0, letters = 0
        for b in ref {
            let upper = b & 0xDF
            if upper >= UInt8(ascii: "A") && upper <= UInt8(ascii: "Z") && row == 0 {
                column = column * 26 + Int(upper - UInt8(ascii: "A")) + 1
                letters += 1
                guard letters <= 3 else { return nil }
            } else if b >= 0x30 && b <= 0x39 {
                row = row * 10 + Int(b - 0x30)
                guard row < 100_000_000 else { return nil }
            } else if b != UInt8(ascii: "$") {
                return nil
            }
        }
        guard letters > 0 else { return nil }
        return (column - 1, row)
    }

    static func decimal(_ s: ArraySlice<UInt8>) -> Int? {
        guard !s.isEmpty, s.count <= 12 else { return nil }
        var n = 0
        for b in s {
            guard b >= 0x30 && b <= 0x39 else { return nil }
            n = n * 10 + Int(b - 0x30)
        }
        return n
    }

    /// Whether a member of the ZIP file has its encryption flag set (read from the central
    /// directory, which ZIPFoundation does not expose). ZIP64 archives are not checked.
    static func hasEncryptedMember(path: String) -> Bool {
        let fd = open(path, O_RDONLY)
        guard fd >= 0 else { return false }
        defer { close(fd) }
        var st = stat()
        guard fstat(fd, &st) == 0 else { return false }
        let size = Int(st.st_size)
        let tailCount = Swift.min(size, 22 + 65535)
        guard tailCount >= 22 else { return false }
        var tail = [UInt8](repeating: 0, count: tailCount)
        guard tail.withUnsafeMutableBytes({ pread(fd, $0.baseAddress, tailCount, off_t(size - tailCount)) }) == tailCount else { return false }
        func le16(_ a: [UInt8], _ i: Int) -> Int { Int(a[i]) | Int(a[i + 1]) << 8 }
        func le32(_ a: [UInt8], _ i: Int) -> Int { le16(a, i) | le16(a, i + 2) << 16 }
        var e = tailCount - 22
        while e >= 0 && le32(tail, e) != 0x0605_4B50 { e -= 1 }
        guard e >= 0 else { return false }
        let cdSize = le32(tail, e + 12), cdOffset = le32(tail, e + 16)
        guard cdSize != 0xFFFF_FFFF, cdOffset != 0xFFFF_FFFF, cdSize <= 64 << 20, cdOffset + cdSize <= size else { return false }
        var cd = [UInt8](repeating: 0, count: cdSize)
        guard cd.withUnsafeMutableBytes({ pread(fd, $0.baseAddress, cdSize, off_t(cdOffset)) }) == cdSize else { return false }
        var i = 0
        while i + 46 <= cd.count && le32(cd, i) == 0x0201_4B50 {
            if le16(cd, i + 8) & 1 != 0 { return true }
            i += 46 + le16(cd, i + 28) + le16(cd, i + 30) + le16(cd, i + 32)
        }
        return false
    }
}
