/// InsERT's EDI++ exchange files (`.epp`, written by Subiekt GT, Rachmistrz, Rewizor and many
/// Polish shops and labs): sections `[INFO]`, `[NAGLOWEK]`, `[ZAWARTOSC]` of comma-separated
/// rows with CSV quoting, and no column names anywhere (the layouts are only in InsERT's manual).
///
/// - A document's `[NAGLOWEK]` row (an invoice, `"FS",1,0,100,"FS 100/10/2023",…,"Halina
///   Piotrowska",…`) and its `[ZAWARTOSC]` item rows; a named section's `[NAGLOWEK]`
///   (`"KONTRAHENCI"`, the buyers' register) and its `[ZAWARTOSC]` rows.
/// - Each kind of row (`INFO`, `NAGLOWEK`, `ZAWARTOSC`, `KONTRAHENCI`, …) is a table of its own:
///   a `CSVReader` whose columns (`KONTRAHENCI[11]`) are decided by their values, as a
///   headerless export's are, so a column of `721 710 741` is the buyers' phones.
/// - Each row is a record. Lines and offsets are the file's.
public struct EDIPPReader: DocumentReader {
    public let limits: ReadLimits
    private var lines: ChunkLines
    private var line = 0
    private enum Section { case none, info, header, content }
    private var section = Section.none
    /// Whether the current `[NAGLOWEK]` has had its first row.
    private var headerSeen = false
    /// The table the current `[ZAWARTOSC]` rows belong to.
    private var contentKind = Self.items
    private var tables: [String: Table] = [:]
    private var order: [String] = []

    static let items = "ZAWARTOSC"
    static let presetColumns = 80

    /// One kind of row: its reader, and where its rows are in the file.
    struct Table {
        var reader: CSVReader
        /// Per row given to the reader: its offset in the reader's input, the file's line and the
        /// file's offset. (Pruned to the rows the reader may still report.)
        var map: [(local: Int, line: Int, offset: Int)] = []
        var localBytes = 0
    }

    public init(limits: ReadLimits = .init()) {
        self.limits = limits
        lines = ChunkLines(cap: limits.maxLineBytes)
    }

    /// Whether a document is an EDI++ file: `[INFO]` first, then a version row (`"1.05",…`).
    static func isEDIPP(_ p: [UInt8]) -> Bool {
        var i = 0
        if p.count >= 3 && p[0] == 0xEF && p[1] == 0xBB && p[2] == 0xBF { i = 3 }
        let tag = Array("[INFO]".utf8)
        guard p.count >= i + tag.count + 6, p[i..<(i + tag.count)].elementsEqual(tag) else { return false }
        i += tag.count
        while i < p.count && (p[i] == 0x0D || p[i] == 0x0A) { i += 1 }
        return p.count > i + 3 && p[i] == UInt8(ascii: "\"") && p[i + 1] == UInt8(ascii: "1") && p[i + 2] == UInt8(ascii: ".")
    }

    public mutating func consume(_ chunk: UnsafeBufferPointer<UInt8>, visitor: inout some RecordVisitor) throws(ReadError) {
        var i = 0
        while let (bytes, offset) = lines.next(in: chunk, from: &i) { try sourceLine(bytes, offset: offset, visitor: &visitor) }
    }

    public mutating func finish(visitor: inout some RecordVisitor) throws(ReadError) {
        if let (bytes, offset) = lines.rest() { try sourceLine(bytes, offset: offset, visitor: &visitor) }
        for kind in order {
            guard var table = tables.removeValue(forKey: kind) else { continue }
            var mapped = Mapped(inner: consume visitor, map: table.map)
            do throws(ReadError) {
                try table.reader.finish(visitor: &mapped)
            } catch {
                visitor = mapped.inner
                throw error
            }
            visitor = mapped.inner
        }
    }

    private mutating func sourceLine(_ bytes: [UInt8], offset: Int, visitor: inout some RecordVisitor) throws(ReadError) {
        line += 1
        var end = bytes.count
        if end > 0 && bytes[end - 1] == 0x0D { end -= 1 }
        let text = bytes[..<end]
        if text.first == UInt8(ascii: "["), text.last == UInt8(ascii: "]") {
            switch String(decoding: text, as: UTF8.self) {
            case "[INFO]": section = .info
            case "[NAGLOWEK]": section = .header; headerSeen = false
            case "[ZAWARTOSC]": section = .content
            default: section = .none
            }
            return
        }
        guard !text.isEmpty else { return }
        switch section {
        case .none: try feed("TEXT", bytes, offset: offset, visitor: &visitor)
        case .info: try feed("INFO", bytes, offset: offset, visitor: &visitor)
        case .header:
            if !headerSeen, let name = Self.sectionName(text) {
                // A named section: `"KONTRAHENCI"` alone.
                contentKind = name
                headerSeen = true
                return
            }
            if !headerSeen { contentKind = Self.items }
            headerSeen = true
            try feed("NAGLOWEK", bytes, offset: offset, visitor: &visitor)
        case .content: try feed(contentKind, bytes, offset: offset, visitor: &visitor)
        }
    }

    /// The name of a named section's header row: one quoted upper-case word or words
    /// (`"KONTRAHENCI"`, `"GRUPY KONTRAHENTOW"`).
    static func sectionName(_ t: ArraySlice<UInt8>) -> String? {
        guard t.count >= 3, t.first == UInt8(ascii: "\""), t.last == UInt8(ascii: "\"") else { return nil }
        let inner = t.dropFirst().dropLast()
        guard inner.count <= 40, inner.contains(where: ASCII.isUpper),
              inner.allSatisfy({ ASCII.isUpper($0) || $0 == 0x20 || $0 == UInt8(ascii: "_") || ASCII.isDigit($0) }) else { return nil }
        return String(decoding: inner, as: UTF8.self)
    }

    /// Gives a row to its kind's table.
    private mutating func feed(_ kind: String, _ bytes: [UInt8], offset: Int, visitor: inout some RecordVisitor) throws(ReadError) {
        var table: Table
        if let t = tables.removeValue(forKey: kind) {
            table = t
        } else {
            var reader = CSVReader(delimiter: UInt8(ascii: ","), limits: limits)
            reader.presetHeader = (1...Self.presetColumns).map { "\(kind)[\($0)]" }
            table = Table(reader: reader)
            order.append(kind)
        }
        table.map.append((table.localBytes, line, offset))
        var row = bytes
        row.append(0x0A)
        table.localBytes += row.count
        var mapped = Mapped(inner: consume visitor, map: table.map)
        do throws(ReadError) {
            try row.withUnsafeBufferPointer { (p) throws(ReadError) in try table.reader.consume(p, visitor: &mapped) }
        } catch {
            visitor = mapped.inner
            tables[kind] = table
            throw error
        }
        visitor = mapped.inner
        // (Rows before the one the reader last began a record in are not asked for again: the
        // map keeps the rows of a sample held for the column decision, and no more.)
        if let at = mapped.reported, let k = table.map.lastIndex(where: { $0.local <= at }), k > 0 {
            table.map.removeFirst(k)
        }
        tables[kind] = table
    }

    /// Passes a table's records on with the file's lines and offsets.
    struct Mapped<Inner: RecordVisitor>: RecordVisitor {
        var inner: Inner
        let map: [(local: Int, line: Int, offset: Int)]
        /// The reader's offset of the last record it began.
        var reported: Int?

        init(inner: consuming Inner, map: [(local: Int, line: Int, offset: Int)]) {
            self.inner = inner
            self.map = map
        }

        /// The file's line and offset of a reader's offset: by the last row starting at or
        /// before it.
        func place(line: Int, offset: Int) -> (line: Int, offset: Int) {
            guard !map.isEmpty else { return (line, offset) }
            if offset < map[0].local { return (map[0].line, map[0].offset) }
            var lo = 0, hi = map.count - 1
            while lo < hi {
                let mid = (lo + hi + 1) / 2
                if map[mid].local <= offset { lo = mid } else { hi = mid - 1 }
            }
            return (map[lo].line, map[lo].offset + (offset - map[lo].local))
        }

        mutating func declareColumn(name: String, hint: FieldHint) -> Int { inner.declareColumn(name: name, hint: hint) }
        mutating func beginRecord(line: Int, offset: Int) {
            reported = offset
            let p = place(line: line, offset: offset)
            inner.beginRecord(line: p.line, offset: p.offset)
        }
        mutating func field(_ value: UnsafeBufferPointer<UInt8>, column: Int, line: Int, offset: Int) {
            let p = place(line: line, offset: offset)
            inner.field(value, column: column, line: p.line, offset: p.offset)
        }
        mutating func endRecord() { inner.endRecord() }
        func wantsLabel(_ name: String) -> Bool { inner.wantsLabel(name) }
    }
}
