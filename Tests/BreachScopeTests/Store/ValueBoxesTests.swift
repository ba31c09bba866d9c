import Foundation
import GRDB
import Testing
@testable import BreachScope

@Suite struct ValueBoxesTests {
    static let key = String(repeating: "42", count: 32)

    /// 150 distinct e-mails in one slice: three boxes (64 + 64 + 22) with consecutive ids, each
    /// value readable by id, kinds and hashes in the clear, plaintexts sealed.
    @Test func valuesGoInBoxesOfConsecutiveIds() throws {
        let f = try StoreFixture()
        let mails = (0..<150).map { "person.\($0)@example.ee" }
        try f.document("a.csv", mails.map { [(.identifier(.email), $0, .email)] })
        try f.ws.store.pool.read { db in
            let boxes = try Row.fetchAll(db, sql: "SELECT first_id, count FROM value_box ORDER BY first_id")
            #expect(boxes.map { $0["first_id"] as Int64 } == [1, 65, 129])
            #expect(boxes.map { $0["count"] as Int } == [64, 64, 22])
            var seen: [Int64: ValueHash] = [:]
            try ValueBoxes.forEach(db) { id, kind, hash in
                #expect(kind == ValueKind.identifier(.email).rawValue)
                seen[id] = hash
            }
            #expect(seen.count == 150)
            let reader = try ValueReader(db, vault: f.ws.vault)
            for (i, mail) in mails.enumerated() {
                let id = Int64(i + 1)
                let v = try #require(try reader.value(id))
                #expect(String(decoding: v.plaintext, as: UTF8.self) == mail)
                #expect(seen[id] == f.ws.vault.hash(kind: .identifier(.email), Array(mail.utf8)))
            }
            #expect(try reader.value(151) == nil)
            #expect(try reader.kind(0) == nil)
            #expect(try ValueBoxes.ids(db, hashes: [f.ws.vault.hash(kind: .identifier(.email), Array(mails[70].utf8))]) == [71])
        }
        // A second document continues the ids; a value seen before keeps its id.
        try f.document("b.csv", [[(.identifier(.email), mails[3], .email)], [(.identifier(.email), "new@example.ee", .email)]])
        try f.ws.store.pool.read { db in
            let next = try ValueBoxes.nextID(db)
            #expect(next == 152)
            let added = try ValueReader(db, vault: f.ws.vault).string(151)
            #expect(added == "new@example.ee")
        }
    }

    /// Link keys are never shown: their box slot holds no plaintext.
    @Test func linkKeysAreStoredWithoutPlaintext() throws {
        let f = try StoreFixture()
        try f.document("a.csv", [[(.identifier(.email), "kati@example.ee", .email), (.linkKey, "card\u{0}123456789", nil)]])
        try f.ws.store.pool.read { db in
            let reader = try ValueReader(db, vault: f.ws.vault)
            let key = try #require(try reader.value(2))
            #expect(key.kind == .linkKey)
            #expect(key.plaintext.isEmpty)
        }
    }

    /// A box opens only with the workspace's key.
    @Test func aWrongKeyCannotOpenABox() throws {
        let f = try StoreFixture()
        try f.document("a.csv", [[(.identifier(.email), "kati@example.ee", .email)]])
        let other = Vault(master: MasterKey.generate())
        try f.ws.store.pool.read { db in
            let reader = try ValueReader(db, vault: other)
            #expect(try reader.kind(1) == .identifier(.email))
            #expect(throws: VaultError.self) { _ = try reader.value(1) }
        }
    }

    /// A box whose kinds blob was cut short gives no value for the missing slots (no crash).
    @Test func aShortKindsBlobIsNoCrash() throws {
        let f = try StoreFixture()
        try f.document("a.csv", (0..<3).map { [(.identifier(.email), "p\($0)@example.ee", .email)] })
        try f.ws.store.pool.write { db in try db.execute(sql: "UPDATE value_box SET kinds = substr(kinds, 1, 2)") }
        try f.ws.store.pool.read { db in
            let reader = try ValueReader(db, vault: f.ws.vault)
            let first = try reader.string(1), third = try reader.value(3), kind = try reader.kind(2)
            #expect(first == "p0@example.ee")
            #expect(third == nil)
            #expect(kind == nil)
        }
    }

    /// A damaged box fails with the vault error, never a crash or garbage.
    @Test func damagedBoxesFailCleanly() throws {
        let vault = Vault(master: try MasterKey(hex: Self.key))
        var sealer = Sealer(vault: vault)
        var values = PendingValues()
        for i in 0..<3 { values.append(kind: .element(.name), hash: ValueHash(hi: UInt64(i), lo: 0), plaintext: Array("Mari \(i)".utf8)) }
        let box = ValueBoxes.encode(values, [0, 1, 2][...], sealer: &sealer)
        #expect(try ValueReader.open(box.sealed, count: 3, vault: vault).map { String(decoding: $0, as: UTF8.self) } == ["Mari 0", "Mari 1", "Mari 2"])
        #expect(throws: VaultError.self) { _ = try ValueReader.open(box.sealed, count: 4, vault: vault) }
        var flipped = box.sealed; flipped[20] ^= 1
        #expect(throws: VaultError.self) { _ = try ValueReader.open(flipped, count: 3, vault: vault) }
        #expect(throws: VaultError.self) { _ = try ValueReader.open([9, 1, 2], count: 1, vault: vault) }
        #expect(throws: VaultError.self) { _ = try ValueReader.open([ValueBoxes.perValue, 50, 1], count: 1, vault: vault) }
    }

    /// A v2 workspace (one `value` row per value) migrates to boxes with the same ids; its
    /// per-value sealed bytes still open, and ids after a gap start a new box.
    @Test func v2ValueRowsMigrateKeepingIds() throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("bs-v2-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: dir) }
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        let vault = Vault(master: try MasterKey(hex: Self.key))
        let queue = try DatabaseQueue(path: dir.appendingPathComponent("v.sqlite").path)
        try Schema.migrator.migrate(queue, upTo: "v2")
        let ids: [Int64] = Array(1...70) + [100, 101]
        try queue.write { db in
            for id in ids {
                let kind: ValueKind = id == 101 ? .linkKey : .identifier(.email)
                let plain = Array("p\(id)@example.ee".utf8)
                try db.execute(sql: "INSERT INTO value(id, kind, hash, sealed) VALUES(?, ?, ?, ?)",
                               arguments: [id, Int(kind.rawValue), Data(vault.hash(kind: kind, plain).bytes),
                                           kind.isLinkKey ? Data() : Data(vault.seal(plain))])
            }
        }
        try Schema.migrator.migrate(queue)
        try queue.read { db in
            #expect(try Bool.fetchOne(db, sql: "SELECT COUNT(*) > 0 FROM sqlite_master WHERE name = 'value'") == false)
            let boxes = try Row.fetchAll(db, sql: "SELECT first_id, count FROM value_box ORDER BY first_id")
            #expect(boxes.map { [$0["first_id"] as Int64, $0["count"] as Int64] } == [[1, 64], [65, 6], [100, 2]])
            let reader = try ValueReader(db, vault: vault)
            for id in ids where id != 101 { #expect(try reader.string(id) == "p\(id)@example.ee") }
            #expect(try reader.value(101)?.kind == .linkKey)
            #expect(try reader.value(101)?.plaintext == [])
            #expect(try reader.value(80) == nil)
            #expect(try ValueBoxes.nextID(db) == 102)
            var n = 0
            try ValueBoxes.forEach(db) { id, kind, hash in
                n += 1
                let plain = Array("p\(id)@example.ee".utf8)
                #expect(hash == vault.hash(kind: ValueKind(rawValue: kind), plain))
            }
            #expect(n == ids.count)
        }
    }
}
