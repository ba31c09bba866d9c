/// Reads a saved MongoDB shell session (`mongosh`, the legacy `mongo` shell): its prompts,
/// commands and messages are text (`TextReader`); the documents it printed are JavaScript object
/// literals, written as JSON as they are read and read by `JSONReader`, so each document of a
/// `find()` is a record with its fields by path (`email`, `name.first`, `phones[].number`).
///
/// - A printed value starts on a line with `{` or `[` at its start and ends where its brackets
///   close; its lines are blank lines to the text reader (which ends its record there).
/// - Object literals: unquoted keys (`email:` → `"email":`), single-quoted strings (`'PPS'` →
///   `"PPS"`), the shell's wrappers (`ObjectId("…")`, `ISODate('…')`, `NumberLong(…)`,
///   `Long('…')`, `Decimal128(…)`, `UUID(…)`, `BinData(0, '…')`, `new Date(…)`) as their last
///   argument, and the shell's elisions and constants (`[Object]`, `undefined`, `NaN`) as `null`.
/// - A value that is no valid JSON once written so is read as far as it goes; the session goes on.
///
/// Lines and offsets are the session's.
public struct MongoShellReader: DocumentReader {
    public let limits: ReadLimits
    private var text: TextReader
    private var json: JSONReader?
    private var lines: ChunkLines
    private var line = 0
    /// Open `{` / `[` of the value being read.
    private var depth = 0
    /// Wrapper calls open (`ObjectId(`): the output length their argument starts at, and the
    /// bracket depth they were opened at.
    private var calls: [(start: Int, depth: Int)] = []
    private var out: [UInt8] = []

    public init(limits: ReadLimits = .init()) {
        self.limits = limits
        text = TextReader(limits: limits)
        lines = ChunkLines(cap: limits.maxLineBytes)
    }

    public mutating func consume(_ chunk: UnsafeBufferPointer<UInt8>, visitor: inout some RecordVisitor) throws(ReadError) {
        var i = 0
        while let (bytes, offset) = lines.next(in: chunk, from: &i) { try sourceLine(bytes, offset: offset, visitor: &visitor) }
    }

    public mutating func finish(visitor: inout some RecordVisitor) throws(ReadError) {
        if let (bytes, offset) = lines.rest() { try sourceLine(bytes, offset: offset, visitor: &visitor) }
        try flushBatch(label: nil, visitor: &visitor)
        endValue(visitor: &visitor)
        try text.finish(visitor: &visitor)
    }

    /// Whether a line starts a printed value: `{` or `[` first, with nothing but a value after.
    static func startsValue(_ p: [UInt8]) -> Bool {
        guard let first = p.first, first == UInt8(ascii: "{") || first == UInt8(ascii: "[") else { return false }
        // (`[2023-09-01 10:00] INFO …`, `[x] done` are log lines: a value's first line ends with
        // its opening or goes on with a key, a string, a number or a bracket.)
        var k = 1
        while k < p.count && (p[k] == 0x20 || p[k] == 0x0D) { k += 1 }
        guard k < p.count else { return true }
        let c = p[k]
        if c == UInt8(ascii: "{") || c == UInt8(ascii: "[") || c == UInt8(ascii: "'") || c == UInt8(ascii: "\"")
            || c == UInt8(ascii: "]") || c == UInt8(ascii: "}") { return true }
        if ASCII.isDigit(c) { return first == UInt8(ascii: "[") && !p.contains(UInt8(ascii: ":")) }
        // `{ _id: ObjectId(…), … }`: a key and its colon.
        var j = k
        while j < p.count && (ASCII.isAlnum(p[j]) || p[j] == UInt8(ascii: "_") || p[j] == UInt8(ascii: "$")) { j += 1 }
        while j < p.count && p[j] == 0x20 { j += 1 }
        return j > k && j < p.count && p[j] == UInt8(ascii: ":")
    }

    /// A Neo4j Cypher export's row batch (`UNWIND [{_id:3, properties:{pesel:"…", imie:"Ewa"}}] AS row`,
    /// APOC's and `neo4j-admin`'s dumps): the list after `UNWIND ` is a printed value.
    static let unwind = Array("UNWIND [".utf8)

    /// A Cypher row batch read whole on its line, kept until the statement's next line names its
    /// nodes' label (`CREATE (n:`UNIQUE IMPORT LABEL`{…}) SET n += row.properties SET n:Lekarz;`):
    /// the batch's JSON, its line and its offset.
    private var batch: (json: [UInt8], line: Int, offset: Int)?

    private mutating func sourceLine(_ bytes: [UInt8], offset: Int, visitor: inout some RecordVisitor) throws(ReadError) {
        line += 1
        if batch != nil { try flushBatch(label: Self.cypherLabel(bytes), visitor: &visitor) }
        // (The value of an `UNWIND` line starts at its list.)
        let skip = json == nil && !skipping && bytes.starts(with: Self.unwind) ? Self.unwind.count - 1 : 0
        if json == nil && !skipping {
            guard skip > 0 || Self.startsValue(bytes) else {
                try bytes.withUnsafeBufferPointer { (p) throws(ReadError) in try text.consume(p, visitor: &visitor) }
                try blank(0, visitor: &visitor)
                return
            }
            json = JSONReader(lines: false, limits: limits, startingAt: line, offset: offset + skip)
            depth = 0
            calls.removeAll()
        }
        // (A blank line of the same length to the text reader: its record ends before the
        // value's begin, and its offsets stay the session's.)
        try blank(bytes.count, visitor: &visitor)
        out.removeAll(keepingCapacity: true)
        closedAt = nil
        if skip > 0 { convert(Array(bytes[skip...])) } else { convert(bytes) }
        if skip > 0, let end = closedAt {
            // A batch on one line waits for its label: on this line after its list
            // (`… AS row MERGE (n:Pacjent{…})`), or on the next.
            json = nil
            batch = (Array(out[..<end.out]), line, offset + skip)
            let label = Self.cypherLabel(Array(bytes[(skip + end.line)...]))
            if label != nil { try flushBatch(label: label, visitor: &visitor) }
            return
        }
        out.append(0x0A)
        if skipping {
            if depth <= 0 { skipping = false }
            return
        }
        if var reader = json {
            json = nil
            do throws(ReadError) {
                try out.withUnsafeBufferPointer { (p) throws(ReadError) in try reader.consume(p, visitor: &visitor) }
                json = reader
            } catch {
                // (Read as far as it went; the rest of the value is skipped.)
                json = nil
                skipping = depth > 0
                return
            }
        }
        if depth <= 0 { endValue(visitor: &visitor) }
    }

    private var skipping = false
    /// Where the value converted by `convert` closed, if it did: `out`'s length then, and the
    /// index in the line after it.
    private var closedAt: (out: Int, line: Int)?

    private var spaces: [UInt8] = []

    /// `count` spaces and a line feed to the text reader.
    private mutating func blank(_ count: Int, visitor: inout some RecordVisitor) throws(ReadError) {
        spaces.removeAll(keepingCapacity: true)
        spaces.append(contentsOf: repeatElement(0x20, count: count))
        spaces.append(0x0A)
        try spaces.withUnsafeBufferPointer { (p) throws(ReadError) in try text.consume(p, visitor: &visitor) }
    }

    /// Reads the kept batch, under its label's key where its statement names one
    /// (`{"Lekarz": [{…}]}`: a physician's name is no patient's), so its rows are
    /// `Lekarz[].properties.imie`.
    private mutating func flushBatch(label: [UInt8]?, visitor: inout some RecordVisitor) throws(ReadError) {
        guard let kept = batch else { return }
        batch = nil
        var doc: [UInt8] = []
        if let label {
            doc.append(UInt8(ascii: "{"))
            doc.append(UInt8(ascii: "\""))
            doc.append(contentsOf: label)
            doc.append(contentsOf: Array("\":".utf8))
        }
        let prefix = doc.count
        doc.append(contentsOf: kept.json)
        if label != nil { doc.append(UInt8(ascii: "}")) }
        doc.append(0x0A)
        var reader = JSONReader(lines: false, limits: limits, startingAt: kept.line, offset: kept.offset - prefix)
        do throws(ReadError) {
            try doc.withUnsafeBufferPointer { (p) throws(ReadError) in try reader.consume(p, visitor: &visitor) }
            try reader.finish(visitor: &visitor)
        } catch {}
    }

    static let excludedLabel = Array("UNIQUE IMPORT LABEL".utf8)

    /// The first node label a Cypher statement's line names, other than APOC's import label:
    /// `SET n:Lekarz`, `(n:Pacjent{…})`, `` (:`Pacjent`) ``.
    static func cypherLabel(_ p: [UInt8]) -> [UInt8]? {
        var i = 0
        let n = p.count
        while i < n {
            guard p[i] == UInt8(ascii: ":") else { i += 1; continue }
            // The variable before the colon, then `(` or `SET ` before it.
            var v = i
            while v > 0 && (ASCII.isAlnum(p[v - 1]) || p[v - 1] == UInt8(ascii: "_")) { v -= 1 }
            let opens = v > 0 && p[v - 1] == UInt8(ascii: "(")
            let sets = v >= 4 && v < i && p[(v - 4)..<v].elementsEqual("SET ".utf8)
            i += 1
            guard opens || sets else { continue }
            var label: [UInt8]
            if i < n && p[i] == UInt8(ascii: "`") {
                guard let close = p[(i + 1)...].firstIndex(of: UInt8(ascii: "`")) else { return nil }
                label = Array(p[(i + 1)..<close])
                i = close + 1
            } else {
                var j = i
                while j < n && (ASCII.isAlnum(p[j]) || p[j] == UInt8(ascii: "_") || p[j] >= 0x80) { j += 1 }
                label = Array(p[i..<j])
                i = j
            }
            label.removeAll { $0 == UInt8(ascii: "\"") || $0 == UInt8(ascii: "\\") }
            if !label.isEmpty && label != excludedLabel { return label }
        }
        return nil
    }

    private mutating func endValue(visitor: inout some RecordVisitor) {
        guard var reader = json else { return }
        json = nil
        do throws(ReadError) { try reader.finish(visitor: &visitor) } catch {}
    }

    // MARK: Object literals → JSON

    /// Writes a line of an object literal as JSON into `out`, keeping `depth` and `calls`.
    mutating func convert(_ p: [UInt8]) {
        var i = 0
        let n = p.count
        while i < n {
            let b = p[i]
            switch b {
            case UInt8(ascii: "'"), UInt8(ascii: "\""):
                // A string: single quotes become double ones, a double quote inside is escaped.
                out.append(UInt8(ascii: "\""))
                var j = i + 1
                while j < n && p[j] != b {
                    if p[j] == UInt8(ascii: "\\") && j + 1 < n {
                        if p[j + 1] == UInt8(ascii: "'") { out.append(UInt8(ascii: "'")) } else { out.append(p[j]); out.append(p[j + 1]) }
                        j += 2
                        continue
                    }
                    if p[j] == UInt8(ascii: "\"") { out.append(UInt8(ascii: "\\")) }
                    out.append(p[j])
                    j += 1
                }
                out.append(UInt8(ascii: "\""))
                i = j + 1
            case UInt8(ascii: "{"), UInt8(ascii: "["):
                depth += 1
                out.append(b)
                i += 1
            case UInt8(ascii: "}"), UInt8(ascii: "]"):
                depth -= 1
                out.append(b)
                i += 1
                if depth == 0 && closedAt == nil { closedAt = (out.count, i) }
            case UInt8(ascii: "("):
                calls.append((out.count, depth))
                i += 1
            case UInt8(ascii: ")"):
                if !calls.isEmpty { calls.removeLast() }
                i += 1
            case UInt8(ascii: ","):
                // (Between a wrapper's arguments only the last stays: `BinData(0, 'AQID')`.)
                if let call = calls.last, call.depth == depth {
                    out.removeSubrange(call.start...)
                } else {
                    out.append(b)
                }
                i += 1
            default:
                if ASCII.isDigit(b) || (b == UInt8(ascii: "-") && i + 1 < n && ASCII.isDigit(p[i + 1])) {
                    // A number, its exponent too (`1.5e-7`).
                    var j = i + 1
                    while j < n && (ASCII.isDigit(p[j]) || p[j] == UInt8(ascii: ".") || p[j] == UInt8(ascii: "e")
                                    || p[j] == UInt8(ascii: "E") || ((p[j] == UInt8(ascii: "+") || p[j] == UInt8(ascii: "-"))
                                                                     && (p[j - 1] == UInt8(ascii: "e") || p[j - 1] == UInt8(ascii: "E")))) { j += 1 }
                    out.append(contentsOf: p[i..<j])
                    i = j
                } else if ASCII.isLetter(b) || b == UInt8(ascii: "_") || b == UInt8(ascii: "$") {
                    var j = i
                    while j < n && (ASCII.isAlnum(p[j]) || p[j] == UInt8(ascii: "_") || p[j] == UInt8(ascii: "$")) { j += 1 }
                    let word = Array(p[i..<j])
                    var k = j
                    while k < n && p[k] == 0x20 { k += 1 }
                    if k < n && p[k] == UInt8(ascii: ":") {
                        out.append(UInt8(ascii: "\""))
                        out.append(contentsOf: word)
                        out.append(UInt8(ascii: "\""))
                    } else if k < n && p[k] == UInt8(ascii: "(") {
                        // A wrapper: its argument stands for it.
                    } else if word == Self.newWord {
                        // `new Date(…)`
                    } else if Self.constants.contains(word) {
                        out.append(contentsOf: word)
                    } else {
                        out.append(contentsOf: Self.null)
                    }
                    i = j
                } else {
                    out.append(b)
                    i += 1
                }
            }
        }
    }

    static let newWord = Array("new".utf8)
    static let null = Array("null".utf8)
    static let constants: Set<[UInt8]> = Set(["true", "false", "null"].map { Array($0.utf8) })
}
