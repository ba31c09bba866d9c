import Foundation

/// The record layout of a fixed-width export (a mainframe's or a POS system's `.DAT` file without
/// a header row), read from the layout file delivered beside it: a COBOL copybook
/// (`05 AS-SUKUNIMI PIC X(25).`) or a layout table (`CARD-NO  4  13  9(13)  loyalty card …`).
///
/// A field's name says what it holds through `FieldClassifier`, after a prefix common to all
/// fields (`AS-`) and trailing digits (`PUH1`) are dropped; `FILLER` is skipped. Layouts with
/// binary fields (`COMP`, `COMP-3`), `OCCURS` or `REDEFINES` are not used.
public struct FixedLayout: Sendable, Equatable {
    public struct Field: Sendable, Equatable {
        public var name: String
        /// 0-based start and length in bytes of the line.
        public var start: Int
        public var length: Int
        public var description: String
    }
    public var fields: [Field]

    /// Sibling files that may hold the layout of `path` (same stem; `.CPY`, `.cpy`, `.cbl`,
    /// `_layout.txt`, `.layout`, any case of the suffix as written).
    public static func candidates(for path: String) -> [String] {
        let url = URL(fileURLWithPath: path)
        let stem = url.deletingPathExtension().path
        return [".CPY", ".cpy", ".cbl", ".CBL", ".cob", "_layout.txt", "_LAYOUT.TXT", "_layout.TXT", ".layout", ".LAYOUT",
                "_record_layout.txt"].map { stem + $0 }
    }

    /// The layout for a data file on disk, when a layout file stands beside it (only for files
    /// whose extension says they are data: `.dat`, `.fix`, `.fwf`, `.prn`, none).
    public static func beside(_ path: String) -> FixedLayout? {
        let ext = URL(fileURLWithPath: path).pathExtension.lowercased()
        guard ["dat", "fix", "fwf", "prn", ""].contains(ext) else { return nil }
        for candidate in candidates(for: path) where candidate != path && FileManager.default.fileExists(atPath: candidate) {
            guard let data = FileManager.default.contents(atPath: candidate), data.count <= 1 << 20 else { continue }
            if let layout = parse(String(decoding: data, as: UTF8.self)) { return layout }
        }
        return nil
    }

    /// Parses a copybook or a layout table; nil when neither gives at least two fields.
    public static func parse(_ text: String) -> FixedLayout? {
        copybook(text) ?? table(text)
    }

    /// `05 NAME PIC X(25).` lines, in order; a group item (`01 REC.`) has no PIC.
    static func copybook(_ text: String) -> FixedLayout? {
        var fields: [Field] = []
        var offset = 0
        for raw in text.split(whereSeparator: \.isNewline) {
            var line = String(raw)
            if line.count > 6, line.prefix(6).allSatisfy({ $0 == " " || $0.isNumber }) { line = String(line.dropFirst(6)) }  // sequence area
            let t = line.trimmingCharacters(in: .whitespaces)
            if t.hasPrefix("*") || t.isEmpty { continue }
            let upper = t.uppercased()
            if upper.contains(" COMP") || upper.contains("OCCURS") || upper.contains("REDEFINES") { return nil }
            let words = t.split(separator: " ", omittingEmptySubsequences: true)
            guard words.count >= 4, words[0].allSatisfy(\.isNumber), let pic = words.firstIndex(where: { $0.uppercased() == "PIC" || $0.uppercased() == "PICTURE" }),
                  pic + 1 < words.count, let length = picLength(String(words[pic + 1])) else { continue }
            let name = String(words[1]).trimmingCharacters(in: CharacterSet(charactersIn: "."))
            fields.append(Field(name: name, start: offset, length: length, description: ""))
            offset += length
        }
        return fields.count >= 2 ? FixedLayout(fields: fields) : nil
    }

    /// A picture's length: `X(25)`, `9(8)`, `X`, `XXX`, `9(4)V99`, `S9(5)` (sign in the digit).
    static func picLength(_ pic: String) -> Int? {
        var p = pic.uppercased()
        while p.hasSuffix(".") { p.removeLast() }
        guard !p.isEmpty else { return nil }
        var total = 0
        var chars = Array(p)
        var i = 0
        if chars.first == "S" { chars.removeFirst() }
        while i < chars.count {
            let c = chars[i]
            guard "X9AVZ".contains(c) else { return nil }
            if c == "V" { i += 1; continue }
            if i + 1 < chars.count && chars[i + 1] == "(" {
                guard let close = chars[(i + 1)...].firstIndex(of: ")"), let n = Int(String(chars[(i + 2)..<close])) else { return nil }
                total += n
                i = close + 1
            } else {
                total += 1
                i += 1
            }
        }
        return total > 0 ? total : nil
    }

    /// A layout table: a line `NAME POS LEN …` with a 1-based position and a length, the rest of
    /// the line (after a picture, if any) its description. At least two such lines whose
    /// positions follow each other.
    static func table(_ text: String) -> FixedLayout? {
        var fields: [Field] = []
        for raw in text.split(whereSeparator: \.isNewline) {
            let words = raw.split(separator: " ", omittingEmptySubsequences: true)
            guard words.count >= 3, let pos = Int(words[1]), let len = Int(words[2]), pos >= 1, len >= 1, len < 10_000,
                  words[0].first?.isLetter == true else { continue }
            var rest = words.dropFirst(3)
            if let first = rest.first, picLength(String(first)) != nil { rest = rest.dropFirst() }
            fields.append(Field(name: String(words[0]), start: pos - 1, length: len, description: rest.joined(separator: " ")))
        }
        guard fields.count >= 2 else { return nil }
        for k in 1..<fields.count where fields[k].start < fields[k - 1].start { return nil }
        return FixedLayout(fields: fields)
    }

    /// The label a field's name gives (`AS-SUKUNIMI` → `SUKUNIMI`, `PUH1` → `PUH`), with its
    /// hint: the description's when it names a loyalty card, else the classifier's for the name,
    /// else a product's for an item's or article's field.
    func labels(classify: (String) -> FieldHint?) -> [(label: String, hint: FieldHint)?] {
        let names = fields.map(\.name)
        // A prefix all names share (`AS-`).
        var prefix = ""
        if let first = names.first, let dash = first.firstIndex(where: { $0 == "-" || $0 == "_" }) {
            let p = String(first[...dash])
            if names.filter({ $0.uppercased() != "FILLER" }).allSatisfy({ $0.hasPrefix(p) }) { prefix = p }
        }
        return fields.map { f in
            guard f.name.uppercased() != "FILLER" else { return nil }
            var label = String(f.name.dropFirst(prefix.count))
            while let last = label.last, last.isNumber { label.removeLast() }
            label = label.replacingOccurrences(of: "-", with: " ").replacingOccurrences(of: "_", with: " ")
            let lowerDescription = f.description.lowercased()
            if lowerDescription.contains("loyalty") || lowerDescription.contains("kliendikaart") || lowerDescription.contains("bonus card") {
                return (label, .loyaltyCard)
            }
            var hint = classify(label) ?? .none
            // An item's description or article number (`ITEM-DESCR`, `ITEM-EAN`: 13 digits that
            // may pass Luhn) is what was bought.
            let words = label.uppercased().split(separator: " ")
            if hint == .none, words.contains(where: { ["ITEM", "PRODUCT", "TUOTE", "TOODE", "ARTIKEL", "ARTICLE", "EAN", "GTIN", "SKU"].contains($0) }) {
                hint = .purchase
            }
            return (label, hint)
        }
    }
}

/// Reads a fixed-width export with a known `FixedLayout`: each non-blank line is a record, each
/// field its bytes at the layout's position (trailing and leading spaces dropped). A line is the
/// record's line; offsets are the fields' byte offsets.
public struct FixedWidthReader: DocumentReader {
    public let limits: ReadLimits
    let layout: FixedLayout
    let classify: @Sendable (String) -> FieldHint?

    public init(layout: FixedLayout, limits: ReadLimits = .init(), classify: @escaping @Sendable (String) -> FieldHint? = { FieldClassifier.hint(forLabel: $0) }) {
        self.layout = layout
        self.limits = limits
        self.classify = classify
        lines = ChunkLines(cap: limits.maxLineBytes)
    }

    private var lines: ChunkLines
    private var line = 0
    private var columns: [Int]?

    public mutating func consume(_ chunk: UnsafeBufferPointer<UInt8>, visitor: inout some RecordVisitor) throws(ReadError) {
        var i = 0
        while let (bytes, offset) = lines.next(in: chunk, from: &i) { endLine(bytes, offset, visitor: &visitor) }
    }

    public mutating func finish(visitor: inout some RecordVisitor) throws(ReadError) {
        if let (bytes, offset) = lines.rest() { endLine(bytes, offset, visitor: &visitor) }
    }

    private mutating func endLine(_ bytes: [UInt8], _ currentOffset: Int, visitor: inout some RecordVisitor) {
        line += 1
        var bytes = bytes
        if bytes.last == 0x0D { bytes.removeLast() }
        guard bytes.contains(where: { $0 != 0x20 }) else { return }
        if columns == nil {
            columns = layout.labels(classify: classify).map { l in l.map { visitor.declareColumn(name: $0.label, hint: $0.hint) } ?? -2 }
        }
        visitor.beginRecord(line: line, offset: currentOffset)
        // Offsets are bytes; a field may start inside a multi-byte letter of a decoded line (the
        // layout counts the source code page's bytes): such a field is read from the next letter.
        let charStarts = Self.characterStarts(bytes)
        for (k, f) in layout.fields.enumerated() {
            let column = columns![k]
            guard column != -2, f.start < charStarts.count else { continue }
            var a = charStarts[f.start], b = f.start + f.length < charStarts.count ? charStarts[f.start + f.length] : bytes.count
            while a < b && bytes[a] == 0x20 { a += 1 }
            while b > a && bytes[b - 1] == 0x20 { b -= 1 }
            guard a < b else { continue }
            bytes.withUnsafeBufferPointer { p in
                visitor.field(UnsafeBufferPointer(rebasing: p[a..<b]), column: column, line: line, offset: currentOffset + a)
            }
        }
        visitor.endRecord()
    }

    /// The byte index of each character of a UTF-8 line (the layout counts characters: one per
    /// byte of the single-byte code page the export was written in).
    static func characterStarts(_ bytes: [UInt8]) -> [Int] {
        var out: [Int] = []
        out.reserveCapacity(bytes.count + 1)
        for (i, b) in bytes.enumerated() where b & 0xC0 != 0x80 { out.append(i) }
        return out
    }
}
