import Foundation
import GRDB
import Testing
@testable import BreachScope

/// The resolver gets the same persons whether a first scan hands it what the writer wrote
/// (`WrittenData`) or it reads the store back.
@Suite struct WrittenDataTests {
    static let packageRoot = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().deletingLastPathComponent()

    /// Every resolver output table, row by row.
    static func resolved(_ store: Store) throws -> [String] {
        try store.pool.read { db in
            var out: [String] = []
            for sql in ["SELECT first_id, count, hex(data) FROM person_box ORDER BY first_id",
                        "SELECT kind, value_id, persons, pids FROM conflict ORDER BY id",
                        "SELECT key, a, b, score, evidence, status FROM candidate ORDER BY id"] {
                for row in try Row.fetchAll(db, sql: sql) { out.append(row.description) }
                out.append("--")
            }
            return out
        }
    }

    static func workspace() throws -> (Workspace, URL) {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("bs-written-\(UUID().uuidString)")
        return (try Workspace(path: dir.path, create: true, environment: ["BREACHSCOPE_KEY": String(repeating: "5a", count: 32)]), dir)
    }

    /// Two files whose persons share no strong identifier but a name and a date of birth (a
    /// weak-identity candidate), and a family inbox (a conflict).
    static func weakPair() throws -> URL {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("bs-written-leak-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        try """
            Name;Date of birth;Email;Isikukood
            Mari Tamm;1980-01-08;mari.tamm@example.ee;
            Jaan Kask;1975-03-02;perekond@example.ee;37503020213
            Liis Kask;1977-06-15;perekond@example.ee;47706150229
            """.write(to: dir.appendingPathComponent("customers.csv"), atomically: true, encoding: .utf8)
        try """
            Nimi,Sünniaeg,Telefon
            Mari Tamm,08.01.1980,+372 5123 4567
            """.write(to: dir.appendingPathComponent("deliveries.csv"), atomically: true, encoding: .utf8)
        return dir
    }

    @Test(arguments: ["examples", "weak pair"])
    func firstScanResolvesAsTheStoreDoes(_ leak: String) throws {
        let root = leak == "examples" ? Self.packageRoot.appendingPathComponent("Examples/leak") : try Self.weakPair()
        defer { if leak != "examples" { try? FileManager.default.removeItem(at: root) } }
        let (ws, dir) = try Self.workspace()
        defer { try? FileManager.default.removeItem(at: dir) }
        var options = ScanOptions(roots: [root.path])
        options.threads = 2
        _ = try Scanner.run(store: ws.store, vault: ws.vault, options: options)
        let fromMemory = try Self.resolved(ws.store)
        #expect(fromMemory.count > 3, "persons were found")
        if leak == "weak pair" {
            #expect(fromMemory.contains { $0.contains("pending") }, "a weak-identity candidate: \(fromMemory)")
            #expect(fromMemory.contains { $0.contains("shared_identifier") }, "a conflict")
        }
        try Resolver(store: ws.store, vault: ws.vault).run()
        #expect(try Self.resolved(ws.store) == fromMemory)
    }

    @Test func onlyAScanOfAnEmptyStoreKeepsWhatItWrote() throws {
        let (ws, dir) = try Self.workspace()
        defer { try? FileManager.default.removeItem(at: dir) }
        func write(_ name: String, _ values: [String]) throws -> WrittenData? {
            let file = WalkedFile(path: "/fixture/" + name, name: name, size: 1, mtime: 1)
            let id = try ws.store.plan([file], batch: "b1", publishedAt: nil, vault: ws.vault).scan[0].id
            var batch = ScanBatch(documentID: id)
            for (n, v) in values.enumerated() {
                let bytes = Array(v.utf8), kind = ValueKind.identifier(.email)
                batch.values.append(PendingValue(kind: kind, hash: ws.vault.hash(kind: kind, bytes), plaintext: bytes))
                batch.records.append(PendingRecord(ordinal: n, line: n + 1, offset: 0, language: n == 0 ? "et" : nil,
                                                   items: [PendingItem(value: Int64(n), code: ElementType.email.code, field: 0, line: Int32(n + 1), offset: 0)]))
            }
            batch.outcome = DocumentOutcome(status: .scanned, records: values.count, findings: values.count)
            let writer = try StoreWriter(store: ws.store, vault: ws.vault)
            writer.start()
            writer.submit(batch)
            try writer.finish()
            return writer.takeWritten()
        }
        var first = try #require(try write("a.csv", ["a@example.ee", "b@example.ee"]))
        #expect(first.firstValueID == 1)
        #expect(first.kinds == [ValueKind.identifier(.email).rawValue, ValueKind.identifier(.email).rawValue])
        #expect(first.hashes == [ws.vault.hash(kind: .identifier(.email), Array("a@example.ee".utf8)),
                                 ws.vault.hash(kind: .identifier(.email), Array("b@example.ee".utf8))])
        let records = first.takeRecords()
        #expect(records.count == 2)
        #expect(records.ordinals == [0, 1])
        #expect(records.languages.map { records.languageNames[Int($0)] } == ["et", ""])
        #expect(records.values == [0, 1], "dense indices: id − firstValueID")
        #expect(records.elements == [1 << UInt32(ElementType.email.code), 1 << UInt32(ElementType.email.code)])
        // The store now holds values and records: a second scan must read it back instead.
        #expect(try write("b.csv", ["c@example.ee"]) == nil)
    }
}
