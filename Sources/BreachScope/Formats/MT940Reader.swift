/// Reads SWIFT MT940 bank statements (`:20:`, `:25:` account, `:61:` statement lines, `:86:`
/// information to the account owner): each statement line with its `:86:` is a record of the
/// counterparty who paid or was paid (a patient's payment, a refund).
///
/// - A structured `:86:` (`020~00TR01~20OPLATA ZA BADANIA PESEL~2149050660189~3020102630…`: a
///   three-digit code, then subfields behind `~` or `?` and a two-digit number, over several
///   lines) gives the title (`~20`…`~29`, joined: a PESEL split over two subfields is whole
///   again) as text, the counterparty's name (`~32` + `~33`), account (`~38` IBAN, else `~31`)
///   and address (`~62`, `~63`, `~64`). An unstructured one is text.
/// - Not read: the statement's own account (`:25:`: the holder's, no counterparty's), balances,
///   amounts, dates, references.
/// - A line is the `:61:` line's number; an offset is its byte offset.
public struct MT940Reader: DocumentReader {
    public let limits: ReadLimits

    public init(limits: ReadLimits = .init()) { self.limits = limits }

    private var line: [UInt8] = []
    private var lineNumber = 0
    private var lineOffset = 0
    private var chunkOffset = 0
    /// The current tag (`86`, `61` …) and its value so far (continuation lines appended).
    private var tag: [UInt8] = []
    private var value: [UInt8] = []
    private var recordLine = 0, recordOffset = 0
    private var columns: [String: Int] = [:]

    public mutating func consume(_ chunk: UnsafeBufferPointer<UInt8>, visitor: inout some RecordVisitor) throws(ReadError) {
        for (i, b) in chunk.enumerated() {
            if b == 0x0A {
                endLine(visitor: &visitor)
                lineOffset = chunkOffset + i + 1
            } else if b != 0x0D {
                if line.count >= limits.maxLineBytes { throw ReadError(.limit, "an MT940 line is longer than \(limits.maxLineBytes) bytes") }
                line.append(b)
            }
        }
        chunkOffset += chunk.count
    }

    public mutating func finish(visitor: inout some RecordVisitor) throws(ReadError) {
        if !line.isEmpty { endLine(visitor: &visitor) }
        endTag(visitor: &visitor)
    }

    private mutating func endLine(visitor: inout some RecordVisitor) {
        lineNumber += 1
        defer { line.removeAll(keepingCapacity: true) }
        // `:86:…` starts a tag; any other line continues the current one (`-` ends a message).
        if line.count >= 4, line[0] == UInt8(ascii: ":"), let close = line[1...].firstIndex(of: UInt8(ascii: ":")), close <= 5 {
            endTag(visitor: &visitor)
            tag = Array(line[1..<close])
            value = Array(line[(close + 1)...])
            if tag == Array("61".utf8) { recordLine = lineNumber; recordOffset = lineOffset }
        } else if line.first == UInt8(ascii: "-") && line.count <= 2 {
            // `-` (or `-}`) ends a statement message.
            endTag(visitor: &visitor)
        } else if !tag.isEmpty, value.count < limits.maxFieldBytes {
            value.append(0x0A)
            value.append(contentsOf: line)
        }
    }

    private mutating func endTag(visitor: inout some RecordVisitor) {
        defer { tag.removeAll(keepingCapacity: true); value.removeAll(keepingCapacity: true) }
        guard tag == Array("86".utf8), recordLine > 0 else { return }
        visitor.beginRecord(line: recordLine, offset: recordOffset)
        let fields = Self.subfields(value)
        if fields.isEmpty {
            emit(value.map { $0 == 0x0A ? 0x20 : $0 }, "86 text", .none, visitor: &visitor)
        } else {
            func join(_ keys: ClosedRange<Int>, _ separator: [UInt8]) -> [UInt8] {
                Array(keys.compactMap { fields[$0] }.filter { !$0.isEmpty }.joined(separator: separator))
            }
            emit(join(20...29, [0x20]), "86 title", .none, visitor: &visitor)
            emit(join(32...33, []), "86 name", .fullName, visitor: &visitor)
            emit(fields[38] ?? fields[31] ?? [], "86 account", .iban, visitor: &visitor)
            emit(join(62...64, Array(", ".utf8)), "86 address", .postalAddress, visitor: &visitor)
        }
        visitor.endRecord()
        recordLine = 0
    }

    /// The subfields of a structured `:86:` by number, or none: a three-digit code, then `~NN`
    /// (or `?NN`) subfields; line breaks inside a subfield are dropped.
    static func subfields(_ v: [UInt8]) -> [Int: [UInt8]] {
        guard v.count >= 6, v[0...2].allSatisfy(ASCII.isDigit), v[3] == UInt8(ascii: "~") || v[3] == UInt8(ascii: "?") else { return [:] }
        let sep = v[3]
        var out: [Int: [UInt8]] = [:]
        var i = 3
        while i + 2 < v.count {
            guard v[i] == sep, ASCII.isDigit(v[i + 1]), ASCII.isDigit(v[i + 2]) else { i += 1; continue }
            let key = ASCII.digit(v[i + 1]) * 10 + ASCII.digit(v[i + 2])
            var j = i + 3
            var text: [UInt8] = []
            while j < v.count && v[j] != sep {
                if v[j] != 0x0A { text.append(v[j]) }
                j += 1
            }
            while let last = text.last, last == 0x20 { text.removeLast() }
            out[key] = text
            i = j
        }
        return out
    }

    private mutating func emit(_ value: [UInt8], _ name: String, _ hint: FieldHint, visitor: inout some RecordVisitor) {
        guard !value.isEmpty else { return }
        let id: Int
        if let known = columns[name] { id = known } else {
            id = visitor.declareColumn(name: name, hint: hint)
            columns[name] = id
        }
        value.withUnsafeBufferPointer { visitor.field($0, column: id, line: recordLine, offset: recordOffset) }
    }
}
