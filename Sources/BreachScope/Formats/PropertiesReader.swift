/// Reads Java `.properties` files (`java.util.Properties.store()`: a till's offline loyalty
/// cache). Keys that name an entity by its number (`card.2900911000473.owner=Evelin V\u00E4li`,
/// `card.2900911000473.ik=4950…`) are gathered into one record per entity, whatever order the
/// lines come in (a `Hashtable` stores them scattered): the number under the entity's word
/// (`card`: the card) and each field under its own name (`owner` of a card or customer is its
/// owner's name). Other keys are labelled fields of a record each.
///
/// - Lines: `key=value`, `key: value` or `key value`; `#` and `!` comments; a line ending in an
///   odd number of `\` continues on the next; `\uXXXX`, `\t`, `\n`, `\r`, `\f` and any other
///   escaped character are decoded (`\:` is `:`).
/// - An entity's record is emitted when the document ends (at most `maxEntities` are held;
///   beyond that each line is a record of its own), at the line of its first key.
public struct PropertiesReader: DocumentReader {
    public let limits: ReadLimits
    let classify: @Sendable (String) -> FieldHint?

    public init(limits: ReadLimits = .init()) {
        self.init(limits: limits, classify: { FieldClassifier.hint(forLabel: $0) })
    }

    public init(limits: ReadLimits = .init(), classify: @escaping @Sendable (String) -> FieldHint?) {
        self.limits = limits
        self.classify = classify
    }

    static let maxEntities = 100_000

    private var line: [UInt8] = []
    private var logical: [UInt8] = []
    private var lineNumber = 0
    private var logicalLine = 0
    private var lineOffset = 0
    private var logicalOffset = 0
    private var chunkOffset = 0
    private var continued = false
    private var columns: [String: Int] = [:]
    private struct Entity {
        var line: Int
        var offset: Int
        var fields: [(column: Int, value: [UInt8])]
    }
    private var entities: [Entity] = []
    private var entityIndex: [[UInt8]: Int] = [:]

    public mutating func consume(_ chunk: UnsafeBufferPointer<UInt8>, visitor: inout some RecordVisitor) throws(ReadError) {
        for (i, b) in chunk.enumerated() {
            if b == 0x0A {
                try endLine(visitor: &visitor)
                lineOffset = chunkOffset + i + 1
            } else if b != 0x0D {
                if line.count >= limits.maxLineBytes { throw ReadError(.limit, "a properties line is longer than \(limits.maxLineBytes) bytes") }
                line.append(b)
            }
        }
        chunkOffset += chunk.count
    }

    public mutating func finish(visitor: inout some RecordVisitor) throws(ReadError) {
        if !line.isEmpty || continued { try endLine(visitor: &visitor) }
        for e in entities {
            visitor.beginRecord(line: e.line, offset: e.offset)
            for f in e.fields { f.value.withUnsafeBufferPointer { visitor.field($0, column: f.column, line: e.line, offset: e.offset) } }
            visitor.endRecord()
        }
        entities.removeAll()
        entityIndex.removeAll()
    }

    private mutating func endLine(visitor: inout some RecordVisitor) throws(ReadError) {
        lineNumber += 1
        defer { line.removeAll(keepingCapacity: true) }
        var a = 0
        while a < line.count && (line[a] == 0x20 || line[a] == 0x09 || line[a] == 0x0C) { a += 1 }
        if !continued {
            if a == line.count || line[a] == UInt8(ascii: "#") || line[a] == UInt8(ascii: "!") { return }
            logicalLine = lineNumber
            logicalOffset = lineOffset + a
            logical.removeAll(keepingCapacity: true)
        }
        // An odd number of trailing backslashes continues the line.
        var slashes = 0
        while slashes < line.count - a && line[line.count - 1 - slashes] == UInt8(ascii: "\\") { slashes += 1 }
        continued = slashes % 2 == 1
        guard logical.count + line.count <= limits.maxFieldBytes else { throw ReadError(.limit, "a property longer than \(limits.maxFieldBytes) bytes") }
        logical.append(contentsOf: line[a..<(line.count - (continued ? 1 : 0))])
        if !continued { property(visitor: &visitor) }
    }

    /// The logical line's key and value, escapes decoded.
    private mutating func property(visitor: inout some RecordVisitor) {
        var i = 0
        var key: [UInt8] = []
        while i < logical.count {
            let b = logical[i]
            if b == UInt8(ascii: "\\") && i + 1 < logical.count { key.append(contentsOf: Self.unescape(logical, &i)); continue }
            if b == UInt8(ascii: "=") || b == UInt8(ascii: ":") || b == 0x20 || b == 0x09 { break }
            key.append(b); i += 1
        }
        while i < logical.count && (logical[i] == 0x20 || logical[i] == 0x09) { i += 1 }
        if i < logical.count && (logical[i] == UInt8(ascii: "=") || logical[i] == UInt8(ascii: ":")) { i += 1 }
        while i < logical.count && (logical[i] == 0x20 || logical[i] == 0x09) { i += 1 }
        var value: [UInt8] = []
        while i < logical.count {
            if logical[i] == UInt8(ascii: "\\") && i + 1 < logical.count { value.append(contentsOf: Self.unescape(logical, &i)); continue }
            value.append(logical[i]); i += 1
        }
        guard !key.isEmpty, !value.isEmpty else { return }
        // `card.2900911000473.owner`: an entity's word, its number (with a digit), a field.
        let parts = key.split(separator: UInt8(ascii: "."), omittingEmptySubsequences: false)
        if parts.count == 3, parts[0].count >= 2, parts[1].count >= 4, parts[1].contains(where: ASCII.isDigit), !parts[2].isEmpty,
           entities.count < Self.maxEntities || entityIndex[Array(key[..<(parts[0].count + 1 + parts[1].count)])] != nil {
            let entityWord = String(decoding: parts[0], as: UTF8.self), field = String(decoding: parts[2], as: UTF8.self)
            let id = Array(key[..<(parts[0].count + 1 + parts[1].count)])
            let k: Int
            if let known = entityIndex[id] { k = known } else {
                k = entities.count
                entityIndex[id] = k
                var e = Entity(line: logicalLine, offset: logicalOffset, fields: [])
                e.fields.append((column(entityWord, hint: nil, visitor: &visitor), Array(parts[1])))
                entities.append(e)
            }
            // (A card's or a customer's `owner`, `holder` or `name` is its owner's name.)
            let ownerHint: FieldHint? = ["owner", "holder", "name"].contains(field.lowercased()) ? .fullName : nil
            entities[k].fields.append((column(entityWord + "." + field, hint: ownerHint, label: field, visitor: &visitor), value))
            return
        }
        let col = column(String(decoding: key, as: UTF8.self), hint: nil, visitor: &visitor)
        visitor.beginRecord(line: logicalLine, offset: logicalOffset)
        value.withUnsafeBufferPointer { visitor.field($0, column: col, line: logicalLine, offset: logicalOffset) }
        visitor.endRecord()
    }

    /// The column named `name`, hinted by `hint` or by `label`'s (else `name`'s) classification;
    /// -1 (free text) when nothing names it.
    private mutating func column(_ name: String, hint: FieldHint?, label: String? = nil, visitor: inout some RecordVisitor) -> Int {
        if let id = columns[name] { return id }
        guard let h = hint ?? classify(label ?? name) else { columns[name] = -1; return -1 }
        let id = visitor.declareColumn(name: name, hint: h)
        columns[name] = id
        return id
    }

    /// Decodes the escape at `i` (`\uXXXX`, `\t`, `\n`, `\r`, `\f`, or the character itself) as
    /// UTF-8 and moves `i` past it.
    static func unescape(_ s: [UInt8], _ i: inout Int) -> [UInt8] {
        let c = s[i + 1]
        i += 2
        switch c {
        case UInt8(ascii: "t"): return [0x09]
        case UInt8(ascii: "n"): return [0x0A]
        case UInt8(ascii: "r"): return [0x0D]
        case UInt8(ascii: "f"): return [0x0C]
        case UInt8(ascii: "u"):
            guard i + 4 <= s.count else { return [] }
            var v: UInt32 = 0
            for k in 0..<4 {
                guard let h = MailDecoder.hex(s[i + k]) else { return [] }
                v = v << 4 | UInt32(h)
            }
            i += 4
            var out: [UInt8] = []
            Transcoder.appendUTF8(v >= 0xD800 && v <= 0xDFFF ? 0xFFFD : v, to: &out)
            return out
        default: return [c]
        }
    }
}
