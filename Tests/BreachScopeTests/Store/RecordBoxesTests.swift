import Foundation
import GRDB
import Testing
@testable import BreachScope

@Suite struct RecordBoxesTests {
    /// A record's packed items (value id = ordinal + 1, an e-mail at its line).
    static func items(_ ordinal: Int) -> [UInt8] {
        PackedItems.encode([PackedItems.Item(valueID: Int64(ordinal + 1), code: ElementType.email.code, field: 2, line: ordinal + 2, offset: 40 * ordinal)],
                           recordLine: ordinal + 2, recordOffset: 40 * ordinal)
    }

    static func language(_ ordinal: Int) -> String? { ordinal % 3 == 0 ? nil : ordinal % 3 == 1 ? "et" : "~fi" }

    struct Seen: Equatable { var document: Int64; var ordinal: Int; var line: Int; var offset: Int; var language: String?; var items: [UInt8] }

    static func seen(_ document: Int64, _ r: RecordBoxes.Record) -> Seen {
        Seen(document: document, ordinal: r.ordinal, line: r.line, offset: r.offset,
             language: r.language.map { String(decoding: $0, as: UTF8.self) }, items: Array(r.items))
    }

    static func expected(_ document: Int64, _ ordinal: Int) -> Seen {
        Seen(document: document, ordinal: ordinal, line: ordinal + 2, offset: 40 * ordinal, language: language(ordinal), items: items(ordinal))
    }

    static func box(_ ordinals: [Int]) -> [UInt8] {
        var out: [UInt8] = []
        for o in ordinals {
            items(o).withUnsafeBytes { RecordBoxes.append(ordinal: o, line: o + 2, offset: 40 * o, language: language(o), items: $0, to: &out) }
        }
        return out
    }

    @Test func boxesRoundTripEveryField() {
        let data = Self.box(Array(0..<300))
        var got: [Seen] = []
        data.withUnsafeBytes { RecordBoxes.decode($0, count: 300) { got.append(Self.seen(7, $0)) } }
        #expect(got == (0..<300).map { Self.expected(7, $0) })
    }

    @Test func damagedBoxesGiveWhatIsWhole() {
        let data = Self.box([0, 1, 2])
        let one = Self.box([0]).count
        for (cut, whole) in [(one - 1, 0), (one, 1), (one + 3, 1), (data.count - 1, 2), (data.count, 3)] {
            var n = 0
            Array(data[..<cut]).withUnsafeBytes { RecordBoxes.decode($0, count: 3) { _ in n += 1 } }
            #expect(n == whole, "cut at \(cut)")
        }
    }

    static func store() throws -> (DatabaseQueue, URL) {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("bs-rec-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        return (try DatabaseQueue(path: dir.appendingPathComponent("r.sqlite").path), dir)
    }

    static func document(_ db: Database, _ id: Int64) throws {
        try db.execute(sql: "INSERT INTO document(id, path_hash, path_sealed, batch, size, mtime, status) VALUES(?, ?, x'00', 'b', 1, 1, 'scanned')",
                       arguments: [id, Data([UInt8(id)])])
    }

    /// Boxes are read by document and ordinal, whatever order they were written in, and one
    /// document's records can be read alone.
    @Test func readsInDocumentAndOrdinalOrder() throws {
        let (queue, dir) = try Self.store()
        defer { try? FileManager.default.removeItem(at: dir) }
        try Schema.migrator.migrate(queue)
        try queue.write { db in
            for d in [Int64(2), 1] { try Self.document(db, d) }
            // Document 2 in two slices written out of order; a slice of document 1 after them.
            for (d, ordinals) in [(Int64(2), [3, 4, 5]), (2, [0, 1, 2]), (1, [0, 1]), (2, [7, 6])] {
                try db.execute(sql: "INSERT INTO record_box(document_id, first_ordinal, count, data) VALUES(?, ?, ?, ?)",
                               arguments: [d, ordinals.min()!, ordinals.count, Data(Self.box(ordinals))])
            }
        }
        try queue.read { db in
            var all: [Seen] = []
            try RecordBoxes.forEach(db) { all.append(Self.seen($0, $1)) }
            #expect(all == [0, 1].map { Self.expected(1, $0) } + (0...7).map { Self.expected(2, $0) })
            var two: [Seen] = []
            try RecordBoxes.forEach(db, document: 2) { two.append(Self.seen($0, $1)) }
            #expect(two == (0...7).map { Self.expected(2, $0) })
        }
    }

    /// A v4 workspace (one `record` row per record) migrates to boxes of one document's records.
    @Test func v4RecordRowsMigrate() throws {
        let (queue, dir) = try Self.store()
        defer { try? FileManager.default.removeItem(at: dir) }
        try Schema.migrator.migrate(queue, upTo: "v4")
        try queue.write { db in
            for d in [Int64(1), 2] { try Self.document(db, d) }
            for (d, n) in [(Int64(2), 3), (1, 300)] {
                for o in (0..<n).reversed() {
                    try db.execute(sql: "INSERT INTO record(document_id, ordinal, line, offset, language, items) VALUES(?, ?, ?, ?, ?, ?)",
                                   arguments: [d, o, o + 2, 40 * o, Self.language(o), Data(Self.items(o))])
                }
            }
        }
        try Schema.migrator.migrate(queue)
        try queue.read { db in
            #expect(try Bool.fetchOne(db, sql: "SELECT COUNT(*) > 0 FROM sqlite_master WHERE name = 'record'") == false)
            let boxes = try Row.fetchAll(db, sql: "SELECT document_id, first_ordinal, count FROM record_box ORDER BY id")
            #expect(boxes.map { [$0[0] as Int64, $0[1], $0[2]] } == [[1, 0, 256], [1, 256, 44], [2, 0, 3]])
            var all: [Seen] = []
            try RecordBoxes.forEach(db) { all.append(Self.seen($0, $1)) }
            #expect(all == (0..<300).map { Self.expected(1, $0) } + (0..<3).map { Self.expected(2, $0) })
        }
    }
}
