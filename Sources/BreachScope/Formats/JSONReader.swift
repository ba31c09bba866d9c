#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Streaming reader for JSON documents and NDJSON (JSON Lines).
///
/// A push tokenizer over UTF-8 bytes: chunks may split anywhere (inside strings, escapes,
/// `\uXXXX` surrogate pairs, numbers, literals). Only the current token and the stack of open
/// containers are kept, never the document; nesting is handled with an explicit stack.
///
/// Records:
/// - NDJSON (`lines: true`): each line's value is one record. A malformed line is skipped and
///   counted in `malformedLines` (fields read before the error are still delivered, then the
///   record ends); `finish` throws `.malformed` only when every non-blank line failed.
/// - JSON (`lines: false`): each object that is an element of an array not itself inside a
///   record is one record (`[{…},{…}]`, `{"customers":[{…}],"orders":[{…}]}`). An object stored
///   under a data-like key (`{"38001085718": {…}}`, `{"mari@example.ee": {…}}`) is one too.
///   Leaves outside such records form a record of their own (so a top-level object without
///   arrays of objects is one record). Several whitespace-separated top-level values are
///   accepted (many `.json` dumps are concatenated values).
///
/// Fields: every string and number leaf is a field (strings unescaped to UTF-8, numbers as their
/// text; `true`/`false`/`null` are not fields). The column is the path with array indices as `[]`
/// (`$.customers[].contact.email`), declared once per distinct path with the hint the last key
/// gives (`FieldClassifier`), else the hint inherited from an address-like parent
/// (`.addressPart`), a delivery parent (`.delivery`) or, for array elements, the array's key.
/// Keys that look like data (five or more digits, or an `@`) become `*` in paths — the path
/// never carries personal data — and are delivered as fields of column `parent.*`.
/// Field offsets point at the first content byte (after the opening quote).
public struct JSONReader: DocumentReader {
    /// NDJSON mode: one value per line.
    public let lines: Bool
    /// Size and depth limits.
    public let limits: ReadLimits
    /// NDJSON lines skipped because they were not valid JSON.
    public private(set) var malformedLines: Int = 0
    private var goodLines = 0

    // Position of the start of the next chunk, and the current line.
    private var base = 0
    private var line = 1

    // Lexer.
    private enum Lex: UInt8 { case none, string, escape, unicode, number, literal, skipLine }
    private var lex: Lex = .none
    private var stringIsKey = false
    private var buf: [UInt8] = []
    private var tokenOffset = 0
    private var tokenLine = 1
    private var unicodeCount = 0
    private var unicodeValue: UInt32 = 0
    private var pendingHigh: UInt32? = nil
    private var numberState: UInt8 = 0
    private var literal: StaticString = "true"
    private var literalIndex = 0

    // Parser.
    private enum Expect: UInt8 { case topValue, value, valueOrEnd, keyOrEnd, key, colon, commaOrEnd, afterTop }
    private var expect: Expect = .topValue
    private struct Frame {
        var isArray: Bool
        var node: Int32
        /// Arrays: the node of their elements. Objects: the node of the current key's value.
        var child: Int32
        /// Objects: where the next key is expected in the parent node's `keyNames` (records of
        /// one export repeat their keys in the same order).
        var nextKey: Int = 0
        /// Objects: the node its value key's scalar is read under, when an attribute key named
        /// it (`{"name": "first_name", "value": "Nadežda"}`: `readsAttributeLabel`).
        var attributeNode: Int32 = -1
        /// Objects: their column header (`"columns": ["pesel", "imie", …]`), an index in
        /// `headers`; arrays: the header their scalars are read under (a row of `"rows"`).
        var header: Int32 = -1
        /// Arrays: the element being read (commas so far).
        var index: Int32 = 0
        /// Objects: a `type` or `role` said the object is the organisation's agent (Intercom's
        /// `author: {"type": "admin", "name": …, "email": …}`): its contacts are staff's.
        var agent = false
        /// Objects: a `type` or `role` said the object is a customer's, under a key that names
        /// staff (Help Scout's `createdBy: {"type": "customer", …}` on a customer's thread).
        var customer = false
    }
    private var stack: [Frame] = []

    // Records.
    private var inRecord = false
    /// Stack index of the object whose end ends the record; -1 for a record of loose leaves
    /// (JSON) or a line (NDJSON).
    private var recordRoot = -1
    /// NDJSON: where the current line's value starts; its record begins at its first field (or
    /// when the line ends well), so a line that fails before any field leaves no empty record.
    private var lineStart: (line: Int, offset: Int)? = nil
    private var pendingKey: (bytes: [UInt8], node: Int32, line: Int, offset: Int)? = nil
    private var failure: ReadError? = nil

    // Paths.
    private struct PathNode {
        var name: String
        var hint: FieldHint
        /// Under a key that names someone or something other than the record's person
        /// (`orderingProvider`, `pets`, `tests`, `store`): names, addresses, phones and birth
        /// dates there are not the person's (`FieldClassifier.namesOtherEntity`).
        var otherEntity = false
        var column: Int = -1
        var arrayChild: Int32 = -1
        var wildcardChild: Int32 = -1
        /// The first keys seen under this node, in order, with their nodes: a compare against
        /// the expected next key is much cheaper than hashing the key.
        var keyNames: [[UInt8]] = []
        var keyNodes: [Int32] = []
        /// The key names an attribute of a key/value list (`name`, `key`, `field`, `type`), or
        /// holds its value (`value`): `readsAttributeLabel`.
        var attributeKey = false
        var attributeValue = false
        /// Values of an attribute key read as labels, and not.
        var attributeHits: Int32 = 0
        var attributeMisses: Int32 = 0
        /// The key holds a columnar table's header (`columns`) or its rows (`rows`).
        var headerKey = false
        var rowsKey = false
        /// The key holds a key/value list (`attributes`, `fields`): its objects are no records.
        var attributeList = false
        /// An Elasticsearch bulk action at a line's top (`{"index": {"_id": "K0481587"}}`).
        var bulkAction = false
        /// The key holds a route's stops (`steps`, `stops`): each is a record of its own, inside
        /// the route's too (a route planner's `routes[].steps[]`, one customer per stop).
        var stopsKey = false
        /// The key is an object's `type` or `role` (`Frame.agent`), or holds coordinates
        /// (`namesCoordinates`): asked once per path, not per value.
        var roleKey = false
        var coordinatesKey = false
    }
    private struct ChildKey: Hashable {
        var parent: Int32
        var key: [UInt8]
    }
    private var nodes: [PathNode] = [PathNode(name: "$", hint: .none)]
    private var children: [ChildKey: Int32] = [:]
    /// How many strings deep this document is (a JSON string's JSON is read once more, not deeper).
    private var nestedDepth = 0
    /// Columnar tables' headers: the nodes of their columns.
    private var headers: [[Int32]] = []
    /// Attribute labels read so far and their hints (`readsAttributeLabel`).
    private var attributeHints: [[UInt8]: FieldHint] = [:]
    /// Distinct paths kept per document; further keys share their parent's `*` path.
    private static let maxPaths = 50_000

    /// `lines`: NDJSON (one value per line) rather than one JSON document.
    /// A reader of a JSON text that starts at `line` and byte `offset` of its document (the
    /// object literals of a shell session, `MongoShellReader`).
    init(lines: Bool, limits: ReadLimits, startingAt line: Int, offset: Int) {
        self.init(lines: lines, limits: limits)
        self.line = line
        self.base = offset
    }

    public init(lines: Bool, limits: ReadLimits = .init()) {
        self.lines = lines
        self.limits = limits
    }

    // MARK: - DocumentReader

    public mutating func consume(_ chunk: UnsafeBufferPointer<UInt8>, visitor: inout some RecordVisitor) throws(ReadError) {
        if let failure { throw failure }
        do {
            try run(chunk, &visitor)
        } catch {
            fail(error, &visitor)
            throw error
        }
        base += chunk.count
    }

    public mutating func finish(visitor: inout some RecordVisitor) throws(ReadError) {
        if let failure { throw failure }
        do {
            try end(&visitor)
        } catch {
            fail(error, &visitor)
            throw error
        }
    }

    /// NDJSON lines read well (see `malformedLines`).
    public var wellFormedLines: Int { goodLines }
    /// Whether `finish` fails an NDJSON document whose every line is malformed. A part of a
    /// document read in parallel leaves that to the whole document.
    var failsAllMalformed = true

    /// A copy that reads on from a cut (`SegmentCuts`): at document offset `offset`, on `line`,
    /// with this reader's paths and their columns, and no lines counted yet. Nil unless this is
    /// an NDJSON reader that stands between lines.
    func resumed(at offset: Int, line: Int) -> JSONReader? {
        guard lines, failure == nil, lex == .none, expect == .topValue, stack.isEmpty, !inRecord, lineStart == nil,
              pendingKey == nil else { return nil }
        var copy = self
        copy.base = offset
        copy.line = line
        copy.malformedLines = 0
        copy.goodLines = 0
        return copy
    }

    /// Moves a JSON reader that stands between top-level values on to document offset
    /// `offset`, on `line`, keeping its paths and their columns: a text's next JSON block
    /// (`TextReader.endJSONBlock`). False when it stands inside a value.
    mutating func move(to offset: Int, line: Int) -> Bool {
        guard !lines, failure == nil, lex == .none, expect == .topValue, stack.isEmpty, !inRecord, pendingKey == nil else { return false }
        base = offset
        self.line = line
        return true
    }

    /// Where the reader stands: the next byte's document offset and its line.
    var position: (offset: Int, line: Int) { (base, line) }

    /// Remember the error (later calls rethrow it) and close the open record, so the visitor
    /// still sees well-formed records; the fields read before the error stay delivered.
    private mutating func fail<V: RecordVisitor>(_ error: ReadError, _ v: inout V) {
        failure = error
        if inRecord { v.endRecord() }
        inRecord = false
    }

    // MARK: - Tokenizer

    private static let quote = UInt8(ascii: "\""), backslash = UInt8(ascii: "\\")

    /// The first quote, backslash or control character other than tab in `p` at or after
    /// `from`, or `p.count` (`VectorSearch`).
    @inline(__always)
    static func plainEnd(_ p: UnsafeBufferPointer<UInt8>, from: Int) -> Int {
        guard let base = p.baseAddress else { return from }
        let q = SIMD16<UInt8>(repeating: quote), bs = SIMD16<UInt8>(repeating: backslash)
        let space = SIMD16<UInt8>(repeating: 0x20), tab = SIMD16<UInt8>(repeating: 0x09)
        return VectorSearch.first(UnsafeRawPointer(base), from: from, p.count, vector: { v in
            VectorSearch.lanes(v .== q) | VectorSearch.lanes(v .== bs) | (VectorSearch.lanes(v .< space) & ~VectorSearch.lanes(v .== tab))
        }, byte: { b in b == quote || b == backslash || (b < 0x20 && b != 0x09) })
    }

    private mutating func run<V: RecordVisitor>(_ p: UnsafeBufferPointer<UInt8>, _ v: inout V) throws(ReadError) {
        let n = p.count
        var i = 0
        var segStart = 0  // start of raw token bytes not yet copied into `buf`
        while i < n {
            switch lex {
            case .none:
                let b = p[i]
                switch b {
                case 0x20, 0x09, 0x0D:
                    i += 1
                case 0x0A:
                    if lines { try endLine(at: i, &v) }
                    line += 1
                    i += 1
                case UInt8(ascii: "\""):
                    switch expect {
                    case .keyOrEnd, .key:
                        stringIsKey = true
                    case .topValue, .value, .valueOrEnd:
                        stringIsKey = false
                        try beginValue(isObject: false, at: i, &v)
                    default:
                        try syntax("unexpected string", at: i, p, &i, &v); continue
                    }
                    lex = .string
                    tokenOffset = base + i + 1
                    tokenLine = line
                    buf.clear()
                    pendingHigh = nil
                    i += 1
                    segStart = i
                case UInt8(ascii: "{"), UInt8(ascii: "["):
                    guard expect == .topValue || expect == .value || expect == .valueOrEnd else {
                        try syntax("unexpected bracket", at: i, p, &i, &v); continue
                    }
                    let isArray = b == UInt8(ascii: "[")
                    try beginValue(isObject: !isArray, at: i, &v)
                    guard stack.count < limits.maxDepth else {
                        throw ReadError(.limit, "JSON nested deeper than \(limits.maxDepth) levels at byte \(base + i)")
                    }
                    let node = currentValueNode()
                    if isArray {
                        var frame = Frame(isArray: true, node: node, child: arrayChild(of: node))
                        // A row of a columnar table (`"rows": [[100000, 37100792649, "Irena", …], …]`):
                        // a record, its values under the header's columns.
                        if !lines, stack.count >= 2, stack[stack.count - 1].isArray, nodes[Int(stack[stack.count - 1].node)].rowsKey,
                           !stack[stack.count - 2].isArray, stack[stack.count - 2].header >= 0 {
                            frame.header = stack[stack.count - 2].header
                            if inRecord { v.endRecord() }
                            v.beginRecord(line: line, offset: base + i)
                            inRecord = true
                            recordRoot = stack.count
                        } else if !lines, stack.count >= 2, stack[stack.count - 1].isArray, !stack[stack.count - 2].isArray,
                                  stack[stack.count - 1].header < 0, !nodes[Int(stack[stack.count - 1].node)].coordinatesKey {
                            // A row of a table without a header (Loki's and Prometheus' `"values": [["1698…",
                            // "level=info … pesel=… email=…"], …]`, a sheet's `values`): a record of its own,
                            // as a route's stop is in its route's.
                            if inRecord { v.endRecord() }
                            v.beginRecord(line: line, offset: base + i)
                            inRecord = true
                            recordRoot = stack.count
                        }
                        stack.append(frame)
                        expect = .valueOrEnd
                    } else {
                        stack.append(Frame(isArray: false, node: node, child: -1))
                        expect = .keyOrEnd
                    }
                    i += 1
                case UInt8(ascii: "}"), UInt8(ascii: "]"):
                    let isArray = b == UInt8(ascii: "]")
                    guard let top = stack.last, top.isArray == isArray,
                          expect == .commaOrEnd || expect == (isArray ? .valueOrEnd : .keyOrEnd)
                    else { try syntax("unexpected closing bracket", at: i, p, &i, &v); continue }
                    stack.removeLast()
                    if !lines && inRecord && recordRoot == stack.count {
                        v.endRecord()
                        inRecord = false
                        recordRoot = -1
                    }
                    valueDone(&v)
                    i += 1
                case UInt8(ascii: ","):
                    guard expect == .commaOrEnd, let top = stack.last else {
                        try syntax("unexpected comma", at: i, p, &i, &v); continue
                    }
                    expect = top.isArray ? .value : .key
                    if top.isArray { stack[stack.count - 1].index += 1 }
                    i += 1
                case UInt8(ascii: ":"):
                    guard expect == .colon else { try syntax("unexpected colon", at: i, p, &i, &v); continue }
                    expect = .value
                    i += 1
                case UInt8(ascii: "-"), UInt8(ascii: "0")...UInt8(ascii: "9"):
                    guard expect == .topValue || expect == .value || expect == .valueOrEnd else {
                        try syntax("unexpected number", at: i, p, &i, &v); continue
                    }
                    try beginValue(isObject: false, at: i, &v)
                    lex = .number
                    numberState = 0
                    tokenOffset = base + i
                    tokenLine = line
                    buf.clear()
                    segStart = i
                    // The first byte goes through the number automaton below.
                case UInt8(ascii: "t"), UInt8(ascii: "f"), UInt8(ascii: "n"):
                    guard expect == .topValue || expect == .value || expect == .valueOrEnd else {
                        try syntax("unexpected literal", at: i, p, &i, &v); continue
                    }
                    try beginValue(isObject: false, at: i, &v)
                    literal = b == UInt8(ascii: "t") ? "true" : b == UInt8(ascii: "f") ? "false" : "null"
                    literalIndex = 1
                    lex = .literal
                    i += 1
                case 0xEF where base + i == 0, 0xBB where base + i == 1, 0xBF where base + i == 2:
                    i += 1  // byte-order mark
                default:
                    try syntax("unexpected character", at: i, p, &i, &v); continue
                }

            case .string:
                // Fast scan of plain bytes.
                i = Self.plainEnd(p, from: i)
                guard i < n else { break }
                let b = p[i]
                if b == Self.quote {
                    if buf.isEmpty && pendingHigh == nil {
                        let value = UnsafeBufferPointer(rebasing: p[segStart..<i])
                        try checkSize(value.count, at: i)
                        try stringDone(value, &v)
                    } else {
                        try flush(p, segStart, i)
                        if pendingHigh != nil { appendReplacement() }
                        var value = buf
                        if latinEscapes {
                            // Facebook's exports write each UTF-8 byte as its own escape
                            // (`P\u00c3\u00a4rn`): such a string is read as the UTF-8 it spells.
                            latinEscapes = false
                            if let repaired = Self.utf8FromLatinEscapes(value) { value = repaired }
                        }
                        try value.withUnsafeBufferPointer { (value) throws(ReadError) in try stringDone(value, &v) }
                    }
                    lex = .none
                    i += 1
                } else if b == Self.backslash {
                    try flush(p, segStart, i)
                    lex = .escape
                    i += 1
                } else {
                    try syntax("control character in string", at: i, p, &i, &v)
                }

            case .escape:
                let b = p[i]
                let decoded: UInt8
                switch b {
                case UInt8(ascii: "\""), UInt8(ascii: "\\"), UInt8(ascii: "/"): decoded = b
                case UInt8(ascii: "b"): decoded = 0x08
                case UInt8(ascii: "f"): decoded = 0x0C
                case UInt8(ascii: "n"): decoded = 0x0A
                case UInt8(ascii: "r"): decoded = 0x0D
                case UInt8(ascii: "t"): decoded = 0x09
                case UInt8(ascii: "u"):
                    lex = .unicode
                    unicodeCount = 0
                    unicodeValue = 0
                    i += 1
                    continue
                default:
                    try syntax("invalid escape", at: i, p, &i, &v); continue
                }
                if pendingHigh != nil { appendReplacement() }
                try append(decoded, at: i)
                lex = .string
                i += 1
                segStart = i

            case .unicode:
                let b = p[i]
                let digit: UInt32
                switch b {
                case UInt8(ascii: "0")...UInt8(ascii: "9"): digit = UInt32(b - 0x30)
                case UInt8(ascii: "a")...UInt8(ascii: "f"): digit = UInt32(b - 0x61 + 10)
                case UInt8(ascii: "A")...UInt8(ascii: "F"): digit = UInt32(b - 0x41 + 10)
                default: try syntax("invalid unicode escape", at: i, p, &i, &v); continue
                }
                unicodeValue = unicodeValue << 4 | digit
                unicodeCount += 1
                i += 1
                if unicodeCount == 4 {
                    try unicodeDone(at: i)
                    lex = .string
                    segStart = i
                }

            case .number:
                while i < n {
                    let b = p[i]
                    let isDigit = b &- 0x30 < 10
                    var next: UInt8 = 255
                    switch numberState {
                    case 0: next = b == UInt8(ascii: "-") ? 8 : isDigit ? (b == 0x30 ? 1 : 2) : 255
                    case 8: next = isDigit ? (b == 0x30 ? 1 : 2) : 255
                    case 1: next = b == UInt8(ascii: ".") ? 3 : (b | 0x20) == UInt8(ascii: "e") ? 5 : 255
                    case 2: next = isDigit ? 2 : b == UInt8(ascii: ".") ? 3 : (b | 0x20) == UInt8(ascii: "e") ? 5 : 255
                    case 3: next = isDigit ? 4 : 255
                    case 4: next = isDigit ? 4 : (b | 0x20) == UInt8(ascii: "e") ? 5 : 255
                    case 5: next = isDigit ? 7 : (b == UInt8(ascii: "+") || b == UInt8(ascii: "-")) ? 6 : 255
                    case 6, 7: next = isDigit ? 7 : 255
                    default: break
                    }
                    if next == 255 { break }
                    numberState = next
                    i += 1
                }
                guard i < n else { break }
                // A byte that cannot continue the number ends it.
                guard numberState == 1 || numberState == 2 || numberState == 4 || numberState == 7 else {
                    try syntax("invalid number", at: i, p, &i, &v); continue
                }
                try numberDone(p, segStart, i, &v)

            case .literal:
                let b = p[i]
                guard b == literal.utf8Start[literalIndex] else {
                    try syntax("invalid literal", at: i, p, &i, &v); continue
                }
                literalIndex += 1
                i += 1
                if literalIndex == literal.utf8CodeUnitCount {
                    lex = .none
                    valueDone(&v)
                }

            case .skipLine:
                while i < n && p[i] != 0x0A { i += 1 }
                if i < n { lex = .none }  // the newline itself is handled as a blank line
            }
        }
        // Keep the raw bytes of a token that continues in the next chunk.
        if lex == .string || lex == .number { try flush(p, segStart, n) }
    }

    // MARK: - Token completion

    private mutating func flush(_ p: UnsafeBufferPointer<UInt8>, _ from: Int, _ to: Int) throws(ReadError) {
        guard to > from else { return }
        if pendingHigh != nil { appendReplacement() }
        try checkSize(buf.count + (to - from), at: to)
        buf.append(contentsOf: UnsafeBufferPointer(rebasing: p[from..<to]))
    }

    @inline(__always)
    private func checkSize(_ count: Int, at i: Int) throws(ReadError) {
        if count > limits.maxFieldBytes {
            throw ReadError(.limit, "JSON token longer than \(limits.maxFieldBytes) bytes at byte \(tokenOffset)")
        }
    }

    private mutating func append(_ byte: UInt8, at i: Int) throws(ReadError) {
        try checkSize(buf.count + 4, at: i)
        buf.append(byte)
    }

    /// The string being read has an escape of a UTF-8 lead byte's value (`\u00c3`): maybe
    /// mojibake (`utf8FromLatinEscapes`).
    private var latinEscapes = false

    /// A string whose characters are all below U+0100 and, taken as bytes, are valid UTF-8 with a
    /// character of two bytes or more (`PÃ¤rn` → `Pärn`): those bytes. Nil for any other string.
    static func utf8FromLatinEscapes(_ value: [UInt8]) -> [UInt8]? {
        var bytes: [UInt8] = []
        bytes.reserveCapacity(value.count)
        var i = 0, multibyte = false
        while i < value.count {
            let b = value[i]
            if b < 0x80 { bytes.append(b); i += 1; continue }
            // Only U+0080–U+00FF, as two UTF-8 bytes `C2`/`C3` xx.
            guard (b == 0xC2 || b == 0xC3), i + 1 < value.count else { return nil }
            bytes.append((b & 0x03) << 6 | value[i + 1] & 0x3F)
            multibyte = true
            i += 2
        }
        guard multibyte, String(validating: bytes, as: UTF8.self) != nil else { return nil }
        return bytes
    }

    private mutating func appendReplacement() {
        pendingHigh = nil
        buf.append(contentsOf: [0xEF, 0xBF, 0xBD] as [UInt8])
    }

    private mutating func unicodeDone(at i: Int) throws(ReadError) {
        let u = unicodeValue
        try checkSize(buf.count + 4, at: i)
        if u >= 0xD800 && u <= 0xDBFF {
            if pendingHigh != nil { appendReplacement() }
            pendingHigh = u
            return
        }
        var scalar = u
        if u >= 0xDC00 && u <= 0xDFFF {
            guard let high = pendingHigh else { appendReplacement(); return }
            scalar = 0x10000 + ((high - 0xD800) << 10) + (u - 0xDC00)
            pendingHigh = nil
        } else if pendingHigh != nil {
            appendReplacement()
        }
        if scalar >= 0xC2 && scalar <= 0xF4 { latinEscapes = true }
        switch scalar {
        case 0..<0x80:
            buf.append(UInt8(scalar))
        case 0x80..<0x800:
            buf.append(UInt8(0xC0 | scalar >> 6))
            buf.append(UInt8(0x80 | scalar & 0x3F))
        case 0x800..<0x10000:
            buf.append(UInt8(0xE0 | scalar >> 12))
            buf.append(UInt8(0x80 | scalar >> 6 & 0x3F))
            buf.append(UInt8(0x80 | scalar & 0x3F))
        default:
            buf.append(UInt8(0xF0 | scalar >> 18))
            buf.append(UInt8(0x80 | scalar >> 12 & 0x3F))
            buf.append(UInt8(0x80 | scalar >> 6 & 0x3F))
            buf.append(UInt8(0x80 | scalar & 0x3F))
        }
    }

    private mutating func stringDone<V: RecordVisitor>(_ value: UnsafeBufferPointer<UInt8>, _ v: inout V) throws(ReadError) {
        if stringIsKey {
            let parent = stack[stack.count - 1].node
            if Self.isDataLike(value) {
                let node = wildcardChild(of: parent)
                stack[stack.count - 1].child = node
                pendingKey = (Array(value), node, tokenLine, tokenOffset)
            } else {
                let child = keyChild(value, of: parent, frame: stack.count - 1)
                stack[stack.count - 1].child = child
                if lines && stack.count == 1 { topKey(bulkAction: nodes[Int(child)].bulkAction, &v) }
            }
            expect = .colon
        } else {
            let node = currentValueNode()
            if stack.count >= 2, let top = stack.last, top.isArray, nodes[Int(top.node)].headerKey, !stack[stack.count - 2].isArray {
                addHeaderColumn(value)
            }
            if stack.count <= 2 && !openEHR && nodes[Int(node)].name.hasSuffix("._type") {
                // (An openEHR document: its parts are one record, its relationships others.)
                openEHR = Self.openEHRTypes.contains(String(decoding: value, as: UTF8.self))
            }
            if nodes[Int(node)].attributeKey && readsAttributeLabel(value, node: node) {
                valueDone(&v)
                return
            }
            if nodes[Int(node)].attributeValue, readsWrappedLabel(value, node: node) {
                valueDone(&v)
                return
            }
            if nestedDepth < 2 && Self.holdsJSON(value) && readNested(value, under: node, &v) {
                valueDone(&v)
                return
            }
            if value.count >= 24 && Self.holdsPipeTable(value) {
                readNestedText(value, &v)
                valueDone(&v)
                return
            }
            if let top = stack.last, !top.isArray {
                if !top.agent, value.count <= 12, nodes[Int(node)].roleKey, Self.agentTypes.contains(value.map { ASCII.lower($0) }) {
                    stack[stack.count - 1].agent = true
                } else if !top.customer, value.count <= 12, nodes[Int(node)].roleKey, Self.customerTypes.contains(value.map { ASCII.lower($0) }) {
                    stack[stack.count - 1].customer = true
                } else if top.customer, let n = customerNode(node) {
                    emitField(value, node: n, line: tokenLine, offset: tokenOffset, &v)
                    valueDone(&v)
                    return
                } else if top.agent {
                    switch nodes[Int(node)].hint {
                    case .email, .fullName, .firstName, .lastName, .phone:
                        emitField(value, node: agentNode(node), line: tokenLine, offset: tokenOffset, &v)
                        valueDone(&v)
                        return
                    default: break
                    }
                }
            }
            emitField(value, node: attributeValueNode(node), line: tokenLine, offset: tokenOffset, &v)
            if value.count >= 16 && nodes[Int(node)].hint == .none { logfmtFields(value, under: node, &v) }
            valueDone(&v)
        }
    }

    /// A logfmt event in a string (Loki's `values: [[ts, "level=info msg=\"SMS wysłany\"
    /// tel=570640333 pacjent=\"Marek Olszewski\""]]`): a pair whose key names a person's element
    /// is also a field of its own path, `<string>{tel}`, with that key's hint.
    private mutating func logfmtFields<V: RecordVisitor>(_ value: UnsafeBufferPointer<UInt8>, under node: Int32, _ v: inout V) {
        for pair in Logfmt.pairs(value) {
            let key = Array(value[pair.key])
            let keyNode = syntheticNode(.logfmt, key, under: node) { p in
                var hint = FieldClassifier.hint(forLabel: String(decoding: key, as: UTF8.self)) ?? .none
                if !Logfmt.reads(hint, key: key) { hint = .nonPersonal }
                return PathNode(name: p.name + "{" + String(decoding: key, as: UTF8.self) + "}",
                                hint: Self.hint(hint, otherEntity: p.otherEntity), otherEntity: p.otherEntity)
            }
            guard nodes[Int(keyNode)].hint != .nonPersonal else { continue }
            let at = tokenOffset + pair.value.lowerBound
            let raw = UnsafeBufferPointer(rebasing: value[pair.value])
            if pair.quoted && raw.contains(UInt8(ascii: "\\")) {
                Logfmt.unescaped(raw).withUnsafeBufferPointer { emitField($0, node: keyNode, line: tokenLine, offset: at, &v) }
            } else {
                emitField(raw, node: keyNode, line: tokenLine, offset: at, &v)
            }
        }
    }

    /// Whether a string holds a JSON object or array (`"text": "{\"page\":1,\"patients\":[…]}"`
    /// in a HAR capture, a message queue's payload).
    static func holdsJSON(_ value: UnsafeBufferPointer<UInt8>) -> Bool {
        func isSpace(_ b: UInt8) -> Bool { b == 0x20 || b == 0x0A || b == 0x0D || b == 0x09 }
        guard value.count >= 2, let first = value.firstIndex(where: { !isSpace($0) }),
              let last = value.lastIndex(where: { !isSpace($0) }) else { return false }
        return (value[first] == UInt8(ascii: "{") && value[last] == UInt8(ascii: "}"))
            || (value[first] == UInt8(ascii: "[") && value[last] == UInt8(ascii: "]"))
    }

    /// A reader for the JSON in one column's cells (`{"name": "…", "email": "…"}` in a CSV
    /// column `requester`): paths under `column>$` (`requester>$.name`), read by `readCell`.
    static func cellReader(column: String, limits: ReadLimits) -> JSONReader {
        var reader = JSONReader(lines: false, limits: limits)
        reader.nodes[0].name = column + ">$"
        reader.nestedDepth = 1
        return reader
    }

    /// Reads a table cell's JSON as fields of the row's record (the cell's objects make no
    /// records of their own). One reader serves all of a column's cells, so each path is declared
    /// once per document. False when the cell is not JSON after all; the fields read before the
    /// error stay delivered.
    mutating func readCell(_ value: UnsafeBufferPointer<UInt8>, line: Int, offset: Int, visitor: inout some RecordVisitor) -> Bool {
        var cell = JSONReader(lines: false, limits: limits)
        cell.nestedDepth = nestedDepth
        exchangePaths(with: &cell)
        cell.base = offset
        cell.line = line
        // (Moved, not copied: a copy would make the visitor's arrays copy on their next write.)
        var fields = FieldsOnly(inner: consume visitor)
        var read = true
        do {
            try cell.consume(value, visitor: &fields)
            try cell.finish(visitor: &fields)
        } catch {
            read = false
        }
        visitor = fields.inner
        exchangePaths(with: &cell)
        return read
    }

    /// The paths of the JSON read in a node's strings (`readNested`), by node.
    private var nestedPaths: [Int32: JSONReader] = [:]

    /// Swaps the paths and what was learnt about them (nodes, children, column headers,
    /// attribute labels) with `other`'s: `readCell` lends them to a fresh parser and takes them back.
    private mutating func exchangePaths(with other: inout JSONReader) {
        swap(&other.nodes, &nodes)
        swap(&other.children, &children)
        swap(&other.headers, &headers)
        swap(&other.attributeHints, &attributeHints)
    }

    /// Reads a string's JSON as a document of its own, its paths under the string's; false,
    /// and the string is read as text, when it is not JSON after all.
    /// A fresh parser reads each string, with the paths the strings of the same node declared
    /// before (`nestedPaths`): each path is declared once per document, as with `readCell`
    /// (an SNS log's every line holds SES's JSON in its `Message`; a reader per line would
    /// declare the same columns again for each, and no sentence would repeat in one column).
    private mutating func readNested<V: RecordVisitor>(_ value: UnsafeBufferPointer<UInt8>, under node: Int32, _ v: inout V) -> Bool {
        var nested = JSONReader(lines: false, limits: limits)
        nested.nestedDepth = nestedDepth + 1
        if var kept = nestedPaths.removeValue(forKey: node) {
            nested.exchangePaths(with: &kept)
            swap(&nested.nestedPaths, &kept.nestedPaths)
        } else {
            nested.nodes[0].name = nodes[Int(node)].name + ">$"
        }
        nested.base = tokenOffset
        nested.line = tokenLine
        let read = readApart(&nested, value, &v)
        nestedPaths[node] = nested
        return read
    }

    /// Reads a string's content with `reader` as a document of its own (`readNested`,
    /// `readNestedText`): its records stand apart from the one around the string, which goes on
    /// after them. False when the reader failed; the fields it read before stay delivered.
    private func readApart<R: DocumentReader, V: RecordVisitor>(_ reader: inout R, _ value: UnsafeBufferPointer<UInt8>, _ v: inout V) -> Bool {
        let open = inRecord
        if open { v.endRecord() }
        defer { if open { v.beginRecord(line: tokenLine, offset: tokenOffset) } }
        do {
            try reader.consume(value, visitor: &v)
            try reader.finish(visitor: &v)
            return true
        } catch {
            return false
        }
    }

    /// Whether a string holds a Markdown table (an issue's description listing the persons it
    /// concerns: `| Name | Email | Patient ID |`, `|---|---|---|`, one row per person): a line
    /// that starts with `|` followed by a separator line of `-`, `:` and `|`.
    static func holdsPipeTable(_ value: UnsafeBufferPointer<UInt8>) -> Bool {
        guard let base = value.baseAddress, memchr(base, Int32(UInt8(ascii: "|")), value.count) != nil else { return false }
        var start = 0, previousRow = false
        while start < value.count {
            let end = memchr(base + start, 0x0A, value.count - start).map { UnsafePointer($0.assumingMemoryBound(to: UInt8.self)) - base } ?? value.count
            var a = start
            while a < end && value[a] == 0x20 { a += 1 }
            if a < end && value[a] == UInt8(ascii: "|") {
                let separator = value[a..<end].allSatisfy { $0 == UInt8(ascii: "|") || $0 == UInt8(ascii: "-") || $0 == UInt8(ascii: ":") || $0 == 0x20 || $0 == 0x0D }
                    && value[a..<end].contains(UInt8(ascii: "-"))
                if separator && previousRow { return true }
                previousRow = !separator
            } else {
                previousRow = false
            }
            start = end + 1
        }
        return false
    }

    /// A string's text read as a text document (`holdsPipeTable`): its table's rows are records
    /// of their own, apart from the one around the string, which goes on after them.
    private mutating func readNestedText<V: RecordVisitor>(_ value: UnsafeBufferPointer<UInt8>, _ v: inout V) {
        var text = TextReader(limits: limits)
        text.readsJSONLines = false
        text.chunkOffset = tokenOffset
        text.line = tokenLine
        // (A text reader fails only on limits; the string's fields read so far stand.)
        _ = readApart(&text, value, &v)
    }

    /// A column of a columnar table's header (`"columns": ["id", "pesel", "imie", …]`), on the
    /// object that holds it: `$.rows[].pesel`, hinted by its label.
    private mutating func addHeaderColumn(_ label: UnsafeBufferPointer<UInt8>) {
        let objectFrame = stack.count - 2
        if stack[objectFrame].header < 0 {
            stack[objectFrame].header = Int32(headers.count)
            headers.append([])
        }
        let node = syntheticNode(.header, Array(label), under: stack[objectFrame].node) { p in
            let name = String(decoding: label, as: UTF8.self)
            let otherEntity = p.otherEntity || FieldClassifier.namesOtherEntity(name)
            let hint = Self.hint(FieldClassifier.hint(forLabel: name) ?? .none, otherEntity: otherEntity)
            return PathNode(name: p.name + ".rows[]." + name, hint: hint, otherEntity: otherEntity)
        }
        headers[Int(stack[objectFrame].header)].append(node)
    }

    /// A key/value list's attribute name (`{"name": "first_name", "value": "Nadežda"}`,
    /// `{"key": "email", "value": …}`, `{"type": "mobile", "value": "0450344415"}`): when the
    /// value of an attribute key is a label (`FieldClassifier.hint(forLabel:)`), the object's
    /// value key is read under it, and the label is no one's name. Once a list's keys are
    /// known to be labels (the object has a value key), its other attribute names (`sex`)
    /// are dropped too. A key whose values are mostly not labels (a name column, where one
    /// junk value may read as a label) stops being asked after 64 of them.
    private mutating func readsAttributeLabel(_ value: UnsafeBufferPointer<UInt8>, node: Int32, frame: Int? = nil,
                                              unknown: Bool = false) -> Bool {
        let n = Int(node)
        guard nodes[n].attributeMisses < 64 || nodes[n].attributeHits * 2 >= nodes[n].attributeMisses,
              let top = frame ?? stack.indices.last, !stack[top].isArray else { return false }
        stack[top].attributeNode = -1
        if value.count <= 48, value.contains(where: ASCII.isLetter) {
            let label = Array(value)
            var hint = attributeHints[label]
            if hint == nil, let h = FieldClassifier.hint(forLabel: String(decoding: value, as: UTF8.self)) {
                hint = h
                if attributeHints.count < 1024 { attributeHints[label] = h }
            }
            if hint == nil && unknown && !value.contains(where: { $0 &- 0x30 < 10 }) { hint = FieldHint.none }
            if let hint {
                nodes[n].attributeHits += 1
                stack[top].attributeNode = attributeNode(label, hint: hint, under: stack[top].node)
                return true
            }
        }
        if frame != nil { return false }
        nodes[n].attributeMisses += 1
        // A related person's entry among the contacts (`{"type": "relative", "name": "Karl-Erik
        // von Bonsdorff", "relation": "make", "phone": …}`): the object's further keys are read
        // under `<object>.relative`, a related person's group (`FieldClassifier.relatedGroup`).
        // (`relatedGroup` knows every whole label `namesRelatedPerson` does.)
        if value.count <= 48, FieldClassifier.relatedGroup(String(decoding: value, as: UTF8.self)) != nil {
            stack[top].node = syntheticNode(.relative, [], under: stack[top].node) { p in
                PathNode(name: p.name + ".relative", hint: .none, otherEntity: p.otherEntity)
            }
            return true
        }
        // Another attribute name of a key/value list (`sex`, `dob_verified`): a lower-case token
        // under a key whose values were labels, in objects that have a value key.
        let parent = Int(stack[top].node)
        return nodes[n].attributeHits > 0 && nodes[parent].keyNodes.contains { nodes[Int($0)].attributeValue }
            && value.allSatisfy { ASCII.isLower($0) || ASCII.isDigit($0) || $0 == UInt8(ascii: "_") }
    }

    /// A wrapped attribute's label (openEHR's `ELEMENT`: `{"name": {"_type": "DV_TEXT", "value":
    /// "eesnimi"}, "value": {"_type": "DV_TEXT", "value": "Rein"}}`): a value key's string in an
    /// object under an attribute key is the label of the object around that, whose value key's
    /// object is read under it (`attributeValueNode`). A label that says nothing known
    /// (`Diagnoos`, `Uuring`) is still one, read as text under its own name, once the object is
    /// known for a typed wrapper (`_type`) or for a value key of its own; a name (`{"name":
    /// {"value": "Mari Maasikas"}}`) is read as one.
    private mutating func readsWrappedLabel(_ value: UnsafeBufferPointer<UInt8>, node: Int32) -> Bool {
        guard stack.count >= 2, let top = stack.last, !top.isArray, nodes[Int(top.node)].attributeKey,
              !stack[stack.count - 2].isArray else { return false }
        let outer = Int(stack[stack.count - 2].node)
        let typed = nodes[Int(top.node)].keyNames.contains(Self.typeKey)
            || nodes[outer].keyNodes.contains { nodes[Int($0)].attributeValue }
        return readsAttributeLabel(value, node: node, frame: stack.count - 2, unknown: typed && !Self.looksLikeName(value))
    }

    static let typeKey = Array("_type".utf8)
    static let sharePointMetadata = Array("__metadata".utf8)

    /// A name with XML-encoded characters (`_xHHHH_`, as SharePoint and Excel write them:
    /// `Seuraava_x0020_toimitus`, `Yhteyshenkil_x00f6_`) decoded; any other name as it is.
    static func decodedXMLName(_ name: String) -> String {
        guard name.contains("_x") else { return name }
        var out = "", rest = Substring(name)
        while let r = rest.range(of: "_x") {
            let after = rest[r.upperBound...]
            let hex = after.prefix(4)
            if hex.count == 4, after.dropFirst(4).first == "_", let code = UInt32(hex, radix: 16), let scalar = Unicode.Scalar(code) {
                out += rest[..<r.lowerBound]
                out.unicodeScalars.append(scalar)
                rest = after.dropFirst(5)
            } else {
                out += rest[..<r.upperBound]
                rest = after
            }
        }
        return out + rest
    }

    /// An openEHR document (a demographic `PERSON`, a `COMPOSITION`, an `EHR_STATUS`): its
    /// arrays of objects (`identities`, `details.items`, `contacts`, `content`) are parts of one
    /// record, the document's; only a `relationships` entry (a child's legal representative)
    /// is a record of its own. Set by the document's top-level `_type`.
    private var openEHR = false
    static let openEHRTypes: Set<String> = ["PERSON", "COMPOSITION", "EHR_STATUS", "EHR", "ORGANISATION", "GROUP", "AGENT",
                                            "ROLE", "FOLDER", "VERSIONED_COMPOSITION", "ORIGINAL_VERSION"]

    /// Whether a string reads as a person's name (two or more capitalised words), not a label.
    static func looksLikeName(_ value: UnsafeBufferPointer<UInt8>) -> Bool {
        let words = value.split(separator: 0x20)
        return words.count >= 2 && words.allSatisfy { w in w.first.map { ASCII.isUpper($0) || $0 >= 0xC3 } ?? false }
    }

    /// Nodes the reader makes up under an object, beside its keys: a columnar header's column
    /// (`<object>.rows[].<label>`), an attribute's value (`<object>{<label>}`), a related
    /// person's keys (`<object>.relative`). Kept in `children` under a leading tag byte.
    private enum Synthetic: UInt8 { case attribute = 0, header = 1, relative = 2, agent = 3, logfmt = 4, customer = 5 }

    /// Values of an object's `type` or `role` that make it the organisation's agent (`Frame.agent`).
    static let agentTypes: Set<[UInt8]> = Set(["admin", "bot", "operator", "agent", "teammate", "team", "staff"].map { Array($0.utf8) })

    /// Values of an object's `type` or `role` that make it a customer's (`Frame.customer`).
    static let customerTypes: Set<[UInt8]> = Set(["customer", "client", "patient", "contact", "visitor", "lead", "end-user",
                                                  "end_user", "enduser"].map { Array($0.utf8) })

    /// The node a customer's value is read under when its path names staff (`Frame.customer`:
    /// Help Scout's `createdBy.email` on a customer's thread): `<parent>.customer_<key>`, with the
    /// key's own hint; nil when the path names no staff or the key no element of a person's.
    private mutating func customerNode(_ node: Int32) -> Int32? {
        let n = syntheticNode(.customer, [], under: node) { p in
            let (parent, key) = Self.lastKey(p.name)
            guard p.otherEntity, FieldClassifier.namesStaffMember(p.name) else { return PathNode(name: "", hint: .none, otherEntity: false) }
            let hint = FieldClassifier.hint(forLabel: key) ?? FieldClassifier.namePart(key) ?? .none
            switch hint {
            case .email, .phone, .fullName, .firstName, .lastName:
                return PathNode(name: parent + ".customer_" + key, hint: hint, otherEntity: false)
            default:
                return PathNode(name: "", hint: .none, otherEntity: false)
            }
        }
        return nodes[Int(n)].name.isEmpty ? nil : n
    }

    /// The node an agent's contact is read under (`Frame.agent`): `<parent>.supportagent_<key>`,
    /// staff's and no person's.
    private mutating func agentNode(_ node: Int32) -> Int32 {
        syntheticNode(.agent, [], under: node) { p in
            let (parent, key) = Self.lastKey(p.name)
            return PathNode(name: parent + ".supportagent_" + key, hint: .nonPersonal, otherEntity: true)
        }
    }

    /// A path split before its last key (`$.threads[].createdBy.email` → `$.threads[].createdBy`,
    /// `email`).
    static func lastKey(_ name: String) -> (parent: String, key: String) {
        let cut = name.lastIndex(of: ".") ?? name.startIndex
        return (String(name[..<cut]), String(name[cut...].drop(while: { $0 == "." })))
    }

    /// The made-up node `tag`/`label` under `object`, made by `make` from the object's node once.
    private mutating func syntheticNode(_ tag: Synthetic, _ label: [UInt8], under object: Int32, make: (PathNode) -> PathNode) -> Int32 {
        let key = ChildKey(parent: object, key: [tag.rawValue] + label)
        if let node = children[key] { return node }
        let node = addNode(make(nodes[Int(object)]))
        children[key] = node
        return node
    }

    /// The node of an attribute's value: `<object>{label}` with the label's hint.
    private mutating func attributeNode(_ label: [UInt8], hint: FieldHint, under object: Int32) -> Int32 {
        syntheticNode(.attribute, label, under: object) { p in
            PathNode(name: p.name + "{" + String(decoding: label, as: UTF8.self) + "}",
                     hint: Self.hint(hint, otherEntity: p.otherEntity), otherEntity: p.otherEntity)
        }
    }

    /// The node a scalar is read under: its key's, or, for the value key of a key/value list's
    /// object, its attribute's (`attributeNode`).
    @inline(__always)
    private func attributeValueNode(_ node: Int32) -> Int32 {
        if nodes[Int(node)].attributeValue, let top = stack.last, top.attributeNode >= 0 { return top.attributeNode }
        // A wrapped attribute's value (`readsWrappedLabel`): the scalars of its value key's object,
        // up to three levels down (`value.value`, `value.defining_code.code_string`), except its
        // type (`_type`).
        var k = stack.count - 1
        while k >= 1 && k >= stack.count - 3 {
            if stack[k - 1].attributeNode >= 0 && !stack[k].isArray && nodes[Int(stack[k].node)].attributeValue {
                return nodes[Int(node)].name.hasSuffix("._type") ? node : stack[k - 1].attributeNode
            }
            k -= 1
        }
        return node
    }

    private mutating func numberDone<V: RecordVisitor>(_ p: UnsafeBufferPointer<UInt8>, _ from: Int, _ to: Int, _ v: inout V) throws(ReadError) {
        lex = .none
        let node = attributeValueNode(currentValueNode())
        if buf.isEmpty {
            let value = UnsafeBufferPointer(rebasing: p[from..<to])
            try checkSize(value.count, at: to)
            emitField(value, node: node, line: tokenLine, offset: tokenOffset, &v)
        } else {
            try flush(p, from, to)
            let value = buf
            value.withUnsafeBufferPointer { emitField($0, node: node, line: tokenLine, offset: tokenOffset, &v) }
        }
        valueDone(&v)
    }

    // MARK: - Structure and records

    /// Whether a key holds coordinates (GeoJSON's `coordinates`, `bbox`): its arrays of arrays
    /// are points, no table's rows.
    static func namesCoordinates(_ key: String) -> Bool {
        let last = key.lowercased()
        return last.hasPrefix("coordinates") || ["bbox", "coords", "points", "path", "polygon", "polygons", "multipolygon",
                                                 "linestring", "geometry"].contains(last)
    }

    /// The path node of the value that starts now.
    private func currentValueNode() -> Int32 {
        guard let top = stack.last else { return 0 }
        if top.isArray && top.header >= 0 {
            let columns = headers[Int(top.header)]
            if Int(top.index) < columns.count { return columns[Int(top.index)] }
        }
        return top.child
    }

    private mutating func beginValue<V: RecordVisitor>(isObject: Bool, at i: Int, _ v: inout V) throws(ReadError) {
        if lines {
            if stack.isEmpty {
                lineStart = (line, base + i)
            }
        } else if isObject, let top = stack.last, top.isArray || pendingKey != nil,
                  !inRecord || recordRoot == -1 || top.isArray && nodes[Int(top.node)].stopsKey,
                  !(top.isArray && nodes[Int(top.node)].attributeList),
                  !(openEHR && stack.count >= 2 && !nodes[Int(top.node)].name.hasSuffix(".relationships")) {
            if inRecord { v.endRecord() }
            v.beginRecord(line: line, offset: base + i)
            inRecord = true
            recordRoot = stack.count
        }
        if let key = pendingKey {
            pendingKey = nil
            key.bytes.withUnsafeBufferPointer {
                emitField($0, node: key.node, line: key.line, offset: key.offset, &v)
            }
        }
    }

    private mutating func emitField<V: RecordVisitor>(_ value: UnsafeBufferPointer<UInt8>, node: Int32, line: Int, offset: Int, _ v: inout V) {
        if !inRecord {
            if let start = lineStart {
                v.beginRecord(line: start.line, offset: start.offset)
            } else {
                v.beginRecord(line: line, offset: offset)
            }
            inRecord = true
            recordRoot = -1
        }
        var column = nodes[Int(node)].column
        if column < 0 {
            column = v.declareColumn(name: nodes[Int(node)].name, hint: nodes[Int(node)].hint)
            nodes[Int(node)].column = column
        }
        v.field(value, column: column, line: line, offset: offset)
    }

    private mutating func valueDone<V: RecordVisitor>(_ v: inout V) {
        guard stack.isEmpty else {
            expect = .commaOrEnd
            return
        }
        if lines {
            expect = .afterTop
        } else {
            if inRecord { v.endRecord() }
            inRecord = false
            recordRoot = -1
            expect = .topValue
        }
    }

    /// NDJSON: a newline at byte `i` (outside strings).
    private mutating func endLine<V: RecordVisitor>(at i: Int, _ v: inout V) throws(ReadError) {
        switch expect {
        case .topValue:
            return  // blank line
        case .afterTop:
            if !inRecord, let start = lineStart { v.beginRecord(line: start.line, offset: start.offset) }
            if lineAction == true {
                // An Elasticsearch bulk action: its document is the next line, the same record.
                inRecord = true
                heldAction = true
            } else {
                v.endRecord()
                inRecord = false
                heldAction = false
            }
            lineAction = nil
            lineStart = nil
            goodLines += 1
            expect = .topValue
        default:
            lineFailed(&v)
        }
    }

    /// Elasticsearch `_bulk` files: an action line (`{"index": {"_index": …, "_id": "K0481587"}}`)
    /// and its document's line make one record (`endLine`); an action after an action (a
    /// `delete` has no document) ends the one held.
    private static let bulkActionKeys: Set<String> = ["index", "create", "update", "delete"]
    private var lineAction: Bool?
    private var heldAction = false

    private mutating func topKey<V: RecordVisitor>(bulkAction: Bool, _ v: inout V) {
        if bulkAction && heldAction && lineAction == nil {
            v.endRecord()
            inRecord = false
            heldAction = false
        }
        lineAction = (lineAction ?? true) && bulkAction
    }

    private mutating func lineFailed<V: RecordVisitor>(_ v: inout V) {
        if inRecord { v.endRecord() }
        inRecord = false
        heldAction = false
        lineAction = nil
        recordRoot = -1
        lineStart = nil
        malformedLines += 1
        stack.clear()
        buf.clear()
        pendingHigh = nil
        pendingKey = nil
        expect = .topValue
        lex = .none
    }

    /// A syntax error at byte `i`: throws for JSON; for NDJSON skips the rest of the line.
    private mutating func syntax<V: RecordVisitor>(_ what: String, at i: Int, _ p: UnsafeBufferPointer<UInt8>, _ index: inout Int, _ v: inout V) throws(ReadError) {
        guard lines else {
            throw ReadError(.malformed, "JSON syntax error (\(what)) at byte \(base + i), line \(line)")
        }
        lineFailed(&v)
        if p[i] == 0x0A {
            index = i  // the newline ends the line: handle it as a blank line
        } else {
            lex = .skipLine
            index = i + 1
        }
    }

    private mutating func end<V: RecordVisitor>(_ v: inout V) throws(ReadError) {
        if lex == .number, numberState == 1 || numberState == 2 || numberState == 4 || numberState == 7 {
            let value = buf
            lex = .none
            value.withUnsafeBufferPointer { emitField($0, node: currentValueNode(), line: tokenLine, offset: tokenOffset, &v) }
            valueDone(&v)
        }
        if lines {
            if lex == .skipLine {
                lex = .none
            } else if lex != .none || (expect != .topValue && expect != .afterTop) {
                lineFailed(&v)
            } else if expect == .afterTop {
                try endLine(at: 0, &v)
            }
            if failsAllMalformed && malformedLines > 0 && goodLines == 0 {
                throw ReadError(.malformed, "NDJSON: all \(malformedLines) lines are malformed")
            }
            return
        }
        guard lex == .none, expect == .topValue, stack.isEmpty else {
            throw ReadError(.malformed, "JSON document truncated at byte \(base), line \(line)")
        }
        if inRecord { v.endRecord() }
        inRecord = false
    }

    // MARK: - Paths

    /// Keys that are values (IDs, e-mails, dates) rather than names. (An `@` starts a JSON-LD
    /// key, `@type`, and an OData annotation's part, `birthdate@OData.Community.Display.V1.FormattedValue`,
    /// `_parentcustomerid_value@Microsoft.Dynamics.CRM.lookuplogicalname`: names both.)
    static func isDataLike(_ key: UnsafeBufferPointer<UInt8>) -> Bool {
        var digits = 0
        for (i, b) in key.enumerated() {
            if b == UInt8(ascii: "@") { return i > 0 && !isAnnotation(UnsafeBufferPointer(rebasing: key[(i + 1)...])) }
            if b &- 0x30 < 10 { digits += 1 }
        }
        return digits >= 5
    }

    private static func isAnnotation(_ p: UnsafeBufferPointer<UInt8>) -> Bool {
        for prefix in ["odata.", "microsoft."] where p.count > prefix.utf8.count {
            if zip(p, prefix.utf8).allSatisfy({ ASCII.lower($0) == $1 }) { return true }
        }
        return false
    }

    private mutating func arrayChild(of parent: Int32) -> Int32 {
        let existing = nodes[Int(parent)].arrayChild
        if existing >= 0 { return existing }
        let p = nodes[Int(parent)]
        let node = addNode(PathNode(name: p.name + "[]", hint: p.hint, otherEntity: p.otherEntity))
        nodes[Int(parent)].arrayChild = node
        return node
    }

    private mutating func wildcardChild(of parent: Int32) -> Int32 {
        let existing = nodes[Int(parent)].wildcardChild
        if existing >= 0 { return existing }
        let p = nodes[Int(parent)]
        let node = addNode(PathNode(name: p.name + ".*", hint: Self.inherited(from: p.hint) ?? .none, otherEntity: p.otherEntity))
        nodes[Int(parent)].wildcardChild = node
        return node
    }

    /// The node for `key` under `parent`.
    private mutating func keyChild(_ key: UnsafeBufferPointer<UInt8>, of parent: Int32, frame: Int) -> Int32 {
        let pi = Int(parent)
        let guess = stack[frame].nextKey
        let known = nodes[pi].keyNames.count
        if guess < known && Self.equal(nodes[pi].keyNames[guess], key) {
            stack[frame].nextKey = guess + 1
            return nodes[pi].keyNodes[guess]
        }
        for k in 0..<known where Self.equal(nodes[pi].keyNames[k], key) {
            stack[frame].nextKey = k + 1
            return nodes[pi].keyNodes[k]
        }
        let keyBytes = Array(key)
        if let node = children[ChildKey(parent: parent, key: keyBytes)] { return node }
        if nodes.count >= Self.maxPaths { return wildcardChild(of: parent) }
        // (SharePoint's and Excel's XML-encoded names: `Toimitusv_x00e4_li` is `Toimitusväli`.)
        let label = Self.decodedXMLName(String(decoding: key, as: UTF8.self))
        let p = nodes[Int(parent)]
        if Self.isTypeWrapper(label, parent: p.name) {
            // DynamoDB's `"givenName": {"S": "Anthony"}`, Firestore's `"firstName": {"stringValue":
            // "Zofia"}`: the key names the value's type; the value is the parent key's.
            return register(PathNode(name: p.name + "." + label, hint: p.hint, otherEntity: p.otherEntity), key: keyBytes, parent: parent, frame: frame)
        }
        var hint = FieldClassifier.hint(forLabel: label)
        if hint == nil, label == "Title", p.keyNames.contains(Self.sharePointMetadata) {
            // A SharePoint list item's title (`"Title": "Heikkilä Eeva"`): a customer list's
            // names are kept in it (its first column, whatever the list calls it).
            hint = .fullName
        }
        // (A span's or a browser's `name`: software's, `sms.otp.send`, `Mobile Safari`.)
        if hint == .fullName && FieldClassifier.namesSoftwareThing(p.name) { hint = .nonPersonal }
        if hint == nil, p.hint == .fullName {
            // `"name": {"first": …, "last": …}`
            hint = FieldClassifier.namePart(label)
        }
        if hint == nil, p.hint == .loyaltyCard || p.hint == .paymentCard, Self.numberKeys.contains(FieldClassifier.normalize(label)) {
            // `"kaart": {"number": "2853609691340", "tase": "kuld"}`: the card's number.
            hint = p.hint
        }
        // (A document's top-level `rows` are its result set, CouchDB's `_all_docs` and a query
        // API's, not a receipt's lines.)
        let normalized = FieldClassifier.normalize(label)
        let resultSet = parent == 0 && Self.rowsKeys.contains(normalized)
        let otherEntity = p.otherEntity || (FieldClassifier.namesOtherEntity(label) && !resultSet)
        // A notes key (`.none`) under a delivery or address object is part of it.
        var childHint = (hint == FieldHint.none ? nil : hint)
            ?? (p.hint == .delivery && Self.namesMailTransport(label) ? FieldHint.nonPersonal : Self.inherited(from: p.hint)) ?? .none
        // An order's lines (`"items": [{"name": "Pakiet wątrobowy", "qty": 1}]`): what was bought
        // is the line's name or title. An API page's `items` are its records
        // (`{"id": 5669651, "pacjent": {…}, "zgodaMarketing": false}`): their other keys keep
        // what they say.
        if p.hint == .purchase, Self.productNameKeys.contains(FieldClassifier.normalize(label)) {
            childHint = .purchase
        }
        childHint = Self.hint(childHint, otherEntity: otherEntity)
        // Any other key under a staff member (Okta's `actor.alternateId`): theirs too.
        if childHint == .none && otherEntity && FieldClassifier.namesStaffMember(p.name + "." + label) { childHint = .nonPersonal }
        // A typed document's type (`"_type": "ITEM_TREE"` under an address) is no part of it.
        if label == "_type" { childHint = .nonPersonal }
        var path = PathNode(name: p.name + "." + label, hint: childHint, otherEntity: otherEntity)
        // (A typed document's `_type`, openEHR's `"_type": "PERSON"`, names no attribute.)
        path.attributeKey = Self.attributeKeys.contains(normalized) && label.first != "_"
        path.attributeValue = Self.attributeValueKeys.contains(normalized)
        path.headerKey = Self.headerKeys.contains(normalized)
        path.rowsKey = Self.rowsKeys.contains(normalized)
        path.attributeList = Self.attributeListKeys.contains(normalized)
        path.stopsKey = Self.stopsKeys.contains(normalized)
        path.roleKey = normalized == "type" || normalized == "role"
        path.coordinatesKey = Self.namesCoordinates(label)
        path.bulkAction = lines && parent == 0 && Self.bulkActionKeys.contains(label)
        if lines && p.bulkAction && label == "_id" {
            // The document's id: the key the action's document, and other files, name it by.
            path.hint = .linkKey(namespace: "customer")
        }
        return register(path, key: keyBytes, parent: parent, frame: frame)
    }

    /// Adds a key's node under its parent (and to the parent's first 32 keys, tried first).
    private mutating func register(_ path: PathNode, key: [UInt8], parent: Int32, frame: Int) -> Int32 {
        let node = addNode(path)
        children[ChildKey(parent: parent, key: key)] = node
        let pi = Int(parent), known = nodes[pi].keyNames.count
        if known < 32 {
            nodes[pi].keyNames.append(key)
            nodes[pi].keyNodes.append(node)
            stack[frame].nextKey = known + 1
        }
        return node
    }

    /// Keys that name a value's type in typed JSON: DynamoDB's export (`S`, `N`, `M`, `L`, …),
    /// Firestore's REST documents (`stringValue`, `mapValue.fields`, `arrayValue.values`, …) and
    /// MongoDB's extended JSON (`$numberLong`, `$date`, `$oid`).
    static func isTypeWrapper(_ label: String, parent: String) -> Bool {
        if typeWrappers.contains(label) { return true }
        return label == "fields" && parent.hasSuffix(".mapValue") || label == "values" && parent.hasSuffix(".arrayValue")
    }

    static let typeWrappers: Set<String> = [
        "S", "N", "B", "SS", "NS", "BS", "M", "L", "BOOL", "NULL",
        "stringValue", "integerValue", "doubleValue", "timestampValue", "booleanValue", "nullValue", "mapValue",
        "arrayValue", "referenceValue", "bytesValue", "geoPointValue",
        // MongoDB's extended JSON (`mongoexport`): `"telefon": {"$numberLong": "48787976037"}`.
        "$numberLong", "$numberInt", "$numberDouble", "$numberDecimal", "$date", "$oid",
    ]

    @inline(__always)
    private static func equal(_ a: [UInt8], _ b: UnsafeBufferPointer<UInt8>) -> Bool {
        guard a.count == b.count else { return false }
        return a.withUnsafeBufferPointer { a in
            for i in 0..<a.count where a[i] != b[i] { return false }
            return true
        }
    }

    /// Keys that name an attribute in a key/value list, and keys that hold its value (normalised).
    static let attributeKeys: Set<String> = ["name", "key", "field", "fieldname", "attribute", "attributename", "attr",
                                             "type", "kind", "label", "property", "propertyname", "parameter", "param"]
    static let attributeValueKeys: Set<String> = ["value", "val", "data", "content", "text", "v", "fieldvalue", "attributevalue"]

    /// A columnar table's header and rows (`{"columns": [...], "rows": [[...], ...]}`), and keys of
    /// key/value lists (normalised).
    static let headerKeys: Set<String> = ["columns", "cols", "header", "headers", "columnnames", "fieldnames", "fields"]
    static let rowsKeys: Set<String> = ["rows", "data", "values", "records", "items", "results"]
    static let attributeListKeys: Set<String> = ["attributes", "attribute", "attrs", "fields", "customfields", "properties",
                                                 "props", "params", "parameters", "extensions", "extension", "telecom",
                                                 "identifiers", "identifier", "keyvalues", "pairs"]

    /// Keys of a route's stops (normalised): `JSONReader.PathNode.stopsKey`.
    static let stopsKeys: Set<String> = ["steps", "stops", "jobs", "waypoints",
                                         "pysahdykset", "stopp", "peatused", "przystanki"]

    /// Keys of a card's number under the card's key (normalised).
    static let numberKeys: Set<String> = Set([
        "number", "no", "nr", "num", "code", "id", "numero", "numer", "nummer", "kood", "number", "numurs", "номер",
    ].map(FieldClassifier.normalize))

    /// Keys of an order line that name what was bought (normalised).
    static let productNameKeys: Set<String> = Set([
        "name", "title", "description", "desc", "product", "productname", "product name", "label",
        "nimi", "nimetus", "kirjeldus", "toode", "nimike", "kuvaus", "tuote", "namn", "benämning",
        "beskrivning", "vara", "nazwa", "opis", "produkt", "bezeichnung", "beschreibung",
        "navn", "beskrivelse", "название", "наименование", "описание", "товар", "nosaukums",
        "apraksts", "pavadinimas", "aprašymas", "prekė",
    ].map(FieldClassifier.normalize))

    /// A hint under a key naming someone or something else (`orderedBy`, `provider`, `pets`):
    /// names, addresses, phones, e-mails and birth dates there are that party's, no data
    /// subject's (`"orderedBy": {"name": "dr. Eve Kõrts", "email": "eve.korts@…"}`).
    private static func hint(_ hint: FieldHint, otherEntity: Bool) -> FieldHint {
        guard otherEntity else { return hint }
        switch hint {
        case .fullName, .firstName, .lastName, .postalAddress, .addressPart, .phone, .email, .dateOfBirth: return .nonPersonal
        default: return hint
        }
    }

    /// A mail's delivery report's key (SES's `delivery.processingTimeMillis`, `smtpResponse`,
    /// `reportingMTA`, `remoteMtaIp`): a message's, not a parcel's, whatever its object is called.
    static func namesMailTransport(_ label: String) -> Bool {
        let key = FieldClassifier.normalize(label)
        return mailTransportTokens.contains { key.contains($0) }
    }

    static let mailTransportTokens = ["smtp", "mta", "millis", "processingtime", "remoteip", "sendingip", "bounce",
                                      "complaint", "diagnostic", "recipient"]

    private static func inherited(from parent: FieldHint) -> FieldHint? {
        switch parent {
        case .postalAddress, .addressPart: .addressPart
        case .delivery: .delivery
        default: nil
        }
    }

    private mutating func addNode(_ node: PathNode) -> Int32 {
        nodes.append(node)
        return Int32(nodes.count - 1)
    }
}

/// Passes a nested reader's columns and fields on, and none of its record bounds: the fields
/// join the record around them (`JSONReader.readCell`).
struct FieldsOnly<Inner: RecordVisitor>: RecordVisitor {
    var inner: Inner
    mutating func declareColumn(name: String, hint: FieldHint) -> Int { inner.declareColumn(name: name, hint: hint) }
    mutating func beginRecord(line: Int, offset: Int) {}
    mutating func field(_ value: UnsafeBufferPointer<UInt8>, column: Int, line: Int, offset: Int) {
        inner.field(value, column: column, line: line, offset: offset)
    }
    mutating func endRecord() {}
    func wantsLabel(_ name: String) -> Bool { inner.wantsLabel(name) }
}
