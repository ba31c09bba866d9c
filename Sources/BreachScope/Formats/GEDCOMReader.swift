/// Reads GEDCOM 5.5 pedigrees (`.ged`: a genetics lab's family trees), line by line (`LEVEL
/// [@XREF@] TAG [VALUE]`):
///
/// - Each individual (`0 @I1@ INDI`) is a record: its `NAME` (`Urmas /Kuusik/`, the surname's
///   slashes dropped) under a name label, its birth date (`BIRT` · `DATE 28 SEP 1972`) as
///   `1972-09-28` under a birth-date label, `ADDR`, `PHON` and `EMAIL` under theirs, its `IDNO`
///   (a national code), `NOTE`s and a death's cause as text.
/// - An individual who died (`DEAT`) is no data subject: the record is not read.
/// - The submitter (`0 @U1@ SUBM`, the lab's geneticist) is staff: their name and contacts are
///   no one's. Families (`FAM`), the header and sources give nothing.
///
/// A record's line is its level-0 line; offsets are those of the lines.
public struct GEDCOMReader: DocumentReader {
    public let limits: ReadLimits
    private var lines: ChunkLines
    private var line = 0
    private enum Kind { case none, individual, submitter }
    private var kind = Kind.none
    private var recordLine = 0, recordOffset = 0
    /// The open record's fields: label ("" text), value, line, offset.
    private var fields: [(label: String, value: [UInt8], line: Int, offset: Int)] = []
    private var died = false
    /// The level-1 tag the current lines are under (`BIRT`, `NOTE`).
    private var parent: [UInt8] = []
    private var columns: [String: Int] = [:]

    public init(limits: ReadLimits = .init()) {
        self.limits = limits
        lines = ChunkLines(cap: limits.maxLineBytes)
    }

    public mutating func consume(_ chunk: UnsafeBufferPointer<UInt8>, visitor: inout some RecordVisitor) throws(ReadError) {
        var i = 0
        while let (bytes, offset) = lines.next(in: chunk, from: &i) { gedcomLine(bytes, offset: offset, visitor: &visitor) }
    }

    public mutating func finish(visitor: inout some RecordVisitor) throws(ReadError) {
        if let (bytes, offset) = lines.rest() { gedcomLine(bytes, offset: offset, visitor: &visitor) }
        endRecord(visitor: &visitor)
    }

    /// Whether a document is a GEDCOM file: its first line (after a BOM or spaces) is `0 HEAD`.
    static func isGEDCOM(_ p: [UInt8]) -> Bool {
        var i = 0
        if p.count >= 3 && p[0] == 0xEF && p[1] == 0xBB && p[2] == 0xBF { i = 3 }
        while i < p.count && (p[i] == 0x20 || p[i] == 0x0D || p[i] == 0x0A) { i += 1 }
        let head = Array("0 HEAD".utf8)
        guard i + head.count <= p.count, p[i..<(i + head.count)].elementsEqual(head) else { return false }
        return i + head.count == p.count || p[i + head.count] == 0x0D || p[i + head.count] == 0x0A || p[i + head.count] == 0x20
    }

    private mutating func gedcomLine(_ raw: [UInt8], offset: Int, visitor: inout some RecordVisitor) {
        line += 1
        var b = raw.count
        while b > 0 && (raw[b - 1] == 0x0D || raw[b - 1] == 0x20) { b -= 1 }
        var a = 0
        while a < b && raw[a] == 0x20 { a += 1 }
        guard a < b, ASCII.isDigit(raw[a]) else { return }
        var k = a
        var level = 0
        while k < b && ASCII.isDigit(raw[k]) { level = level * 10 + ASCII.digit(raw[k]); k += 1 }
        guard k < b, raw[k] == 0x20 else { return }
        k += 1
        var xref = false
        if k < b && raw[k] == UInt8(ascii: "@") {
            xref = true
            while k < b && raw[k] != 0x20 { k += 1 }
            k += 1
        }
        var t = k
        while t < b && raw[t] != 0x20 { t += 1 }
        guard t > k else { return }
        let tag = Array(raw[k..<t])
        let valueStart = t < b ? t + 1 : b
        let value = Array(raw[valueStart..<b])
        if level == 0 {
            endRecord(visitor: &visitor)
            recordLine = line
            recordOffset = offset + a
            kind = !xref ? .none : tag == Array("INDI".utf8) ? .individual : tag == Array("SUBM".utf8) ? .submitter : .none
            return
        }
        guard kind != .none else { return }
        let at = offset + valueStart
        if level == 1 { parent = tag }
        switch (level, String(decoding: tag, as: UTF8.self)) {
        case (1, "NAME"):
            let name = value.filter { $0 != UInt8(ascii: "/") }
            fields.append((kind == .submitter ? RecordAssembler.staffNameColumn : "name", LaTeXReader.collapsed(name), line, at))
        case (1, "DEAT"):
            died = true
        case (1, "EMAIL"), (2, "EMAIL"):
            fields.append((kind == .submitter ? RecordAssembler.staffColumn : "email", value, line, at))
        case (1, "PHON"), (2, "PHON"):
            fields.append((kind == .submitter ? RecordAssembler.staffColumn : "phone", value, line, at))
        case (1, "ADDR"):
            fields.append((kind == .submitter ? RecordAssembler.staffColumn : "address", value, line, at))
        case (2, "CONT"), (2, "CONC"), (2, "ADR1"), (2, "CITY"), (2, "POST"):
            // (An address's or a note's continuation: its text.)
            if parent == Array("ADDR".utf8), kind == .individual { fields.append(("address", value, line, at)) }
            else if kind == .individual { fields.append(("", value, line, at)) }
        case (2, "DATE") where parent == Array("BIRT".utf8):
            fields.append(("date of birth", Self.isoDate(value) ?? value, line, at))
        case (1, "IDNO"), (1, "SSN"), (1, "NOTE"), (2, "CAUS"), (1, "OCCU"):
            if kind == .individual { fields.append(("", value, line, at)) }
        default:
            break
        }
    }

    private mutating func endRecord(visitor: inout some RecordVisitor) {
        defer { fields.removeAll(); died = false; kind = .none; parent = [] }
        // (A dead relative is no data subject.)
        guard kind != .none, !died, !fields.isEmpty else { return }
        visitor.beginRecord(line: recordLine, offset: recordOffset)
        for f in fields where !f.value.isEmpty {
            let column: Int
            if f.label.isEmpty {
                column = -1
            } else if let known = columns[f.label] {
                column = known
            } else {
                let hint: FieldHint = f.label.hasPrefix("(") ? .nonPersonal : (FieldClassifier.hint(forLabel: f.label) ?? .none)
                column = visitor.declareColumn(name: f.label, hint: hint)
                columns[f.label] = column
            }
            f.value.withUnsafeBufferPointer { visitor.field($0, column: column, line: f.line, offset: f.offset) }
        }
        visitor.endRecord()
    }

    /// `28 SEP 1972` → `1972-09-28`; nil for partial or qualified dates (`ABT 1950`, `1984`).
    static func isoDate(_ v: [UInt8]) -> [UInt8]? {
        let parts = v.split(separator: 0x20)
        guard parts.count == 3, parts[0].count <= 2, parts[0].allSatisfy(ASCII.isDigit), parts[2].count == 4,
              parts[2].allSatisfy(ASCII.isDigit), let m = months.firstIndex(of: Array(parts[1]).map { ASCII.isLower($0) ? $0 & 0xDF : $0 }) else { return nil }
        let day = parts[0].count == 1 ? [UInt8(ascii: "0")] + Array(parts[0]) : Array(parts[0])
        let month = [UInt8(ascii: "0") + UInt8((m + 1) / 10), UInt8(ascii: "0") + UInt8((m + 1) % 10)]
        return Array(parts[2]) + [UInt8(ascii: "-")] + month + [UInt8(ascii: "-")] + day
    }

    static let months: [[UInt8]] = ["JAN", "FEB", "MAR", "APR", "MAY", "JUN", "JUL", "AUG", "SEP", "OCT", "NOV", "DEC"].map { Array($0.utf8) }
}
