@testable import BreachScope
import BreachScopeTesting

/// A `RecordVisitor` for tests: records every call in order.
struct RecordingVisitor: RecordVisitor {
    enum Event: Equatable, CustomStringConvertible {
        case declare(name: String, hint: FieldHint, id: Int)
        case begin(line: Int, offset: Int)
        case field(value: String, column: Int, line: Int, offset: Int)
        case end

        var description: String {
            switch self {
            case let .declare(name, hint, id): "declare(\(name), \(hint), \(id))"
            case let .begin(line, offset): "begin(\(line)@\(offset))"
            case let .field(value, column, line, offset): "field(\(value.debugDescription), col \(column), \(line)@\(offset))"
            case .end: "end"
            }
        }
    }

    var events: [Event] = []
    var columnNames: [String] = []

    mutating func declareColumn(name: String, hint: FieldHint) -> Int {
        columnNames.append(name)
        events.append(.declare(name: name, hint: hint, id: columnNames.count - 1))
        return columnNames.count - 1
    }
    mutating func beginRecord(line: Int, offset: Int) { events.append(.begin(line: line, offset: offset)) }
    mutating func field(_ value: UnsafeBufferPointer<UInt8>, column: Int, line: Int, offset: Int) {
        events.append(.field(value: String(decoding: value, as: UTF8.self), column: column, line: line, offset: offset))
    }
    mutating func endRecord() { events.append(.end) }

    /// Records as lists of (column name or "-", value).
    var records: [[(String, String)]] {
        var out: [[(String, String)]] = []
        for e in events {
            switch e {
            case .begin: out.append([])
            case let .field(value, column, _, _):
                out[out.count - 1].append((column >= 0 ? columnNames[column] : "-", value))
            default: break
            }
        }
        return out
    }

    /// The hint of the column the first field with `value` was read under.
    func hint(of value: String) -> FieldHint? {
        for case let .field(v, column, _, _) in events where v == value {
            return events.compactMap { e -> FieldHint? in if case let .declare(_, h, id) = e, id == column { h } else { nil } }.first
        }
        return nil
    }

    /// Records flattened to "name=value|name=value" strings, easy to compare.
    var recordStrings: [String] {
        records.map { $0.map { "\($0.0)=\($0.1)" }.joined(separator: "|") }
    }
}

/// Runs a reader over `document` in chunks of `chunkSize` bytes (0 = one chunk).
func readDocument<R: DocumentReader>(_ reader: R, _ document: [UInt8], chunkSize: Int = 0) -> (visitor: RecordingVisitor, error: ReadError?) {
    var reader = reader
    var visitor = RecordingVisitor()
    let size = chunkSize <= 0 ? Swift.max(document.count, 1) : chunkSize
    do throws(ReadError) {
        try document.withUnsafeBufferPointer { (all: UnsafeBufferPointer<UInt8>) throws(ReadError) in
            var i = 0
            while i < all.count {
                let end = Swift.min(i + size, all.count)
                try reader.consume(UnsafeBufferPointer(rebasing: all[i..<end]), visitor: &visitor)
                i = end
            }
        }
        try reader.finish(visitor: &visitor)
        return (visitor, nil)
    } catch {
        return (visitor, error)
    }
}

/// Encodes a string in a single-byte codepage using the transcoder's own tables (nil if a
/// character has no byte in it).
func encodeSingleByte(_ s: String, _ encoding: TextEncoding) -> [UInt8]? {
    guard let table = TextEncoding.highTable(encoding) else { return nil }
    var reverse: [UInt32: UInt8] = [:]
    for (k, cp) in table.enumerated() where cp != 0xFFFD { reverse[UInt32(cp)] = UInt8(0x80 + k) }
    var out: [UInt8] = []
    for u in s.unicodeScalars {
        if u.value < 0x80 { out.append(UInt8(u.value)) }
        else if let b = reverse[u.value] { out.append(b) }
        else { return nil }
    }
    return out
}

/// Transcodes a whole byte array at once.
func transcodeAll(_ bytes: [UInt8], _ encoding: TextEncoding) -> (text: String, invalid: Int) {
    var t = Transcoder(encoding)
    var out: [UInt8] = []
    bytes.withUnsafeBufferPointer { t.decode($0, into: &out) }
    t.finish(into: &out)
    return (String(decoding: out, as: UTF8.self), t.invalidSequences)
}

/// `n` synthetic people (valid isikukood, name, e-mail) for the document reader tests.
func people(_ n: Int, seed: UInt64) -> [(id: String, name: String, email: String)] {
    var rng = SeededRNG(seed: seed)
    let names = [("Mari", "Maasikas"), ("Jaan", "Saar"), ("Liis", "Mägi"), ("Peeter", "Sepp")]
    return (0..<n).map { k in
        let (first, last) = names[k % names.count]
        return (Synthetic.nationalID(.eeIsikukood, using: &rng), "\(first) \(last)", Synthetic.email(first: first, last: last, using: &rng))
    }
}
