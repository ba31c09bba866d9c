import Foundation
import GRDB
import Testing
@testable import BreachScope
import BreachScopeTesting

/// Builds a store from hand-made records (no readers or detectors involved).
final class StoreFixture {
    let dir: URL
    let ws: Workspace
    var docs: [Int64] = []

    init() throws {
        dir = FileManager.default.temporaryDirectory.appendingPathComponent("bs-resolve-\(UUID().uuidString)")
        ws = try Workspace(path: dir.path, create: true, environment: ["BREACHSCOPE_KEY": String(repeating: "42", count: 32)])
    }
    deinit { try? FileManager.default.removeItem(at: dir) }

    typealias Item = (kind: ValueKind, value: String?, element: ElementType?)

    /// One document with the given records.
    func document(_ name: String, batch: String = "b1", publishedAt: String? = nil, _ records: [[Item]]) throws {
        let file = WalkedFile(path: "/fixture/" + name, name: name, size: 1, mtime: 1)
        let planned = try ws.store.plan([file], batch: batch, publishedAt: publishedAt, vault: ws.vault).scan
        let id = planned[0].id
        docs.append(id)
        var batch = ScanBatch(documentID: id)
        for (n, rec) in records.enumerated() {
            var items: [PendingItem] = []
            for it in rec {
                if let v = it.value {
                    let bytes = Array(v.utf8)
                    let h = ws.vault.hash(kind: it.kind, bytes)
                    batch.values.append(PendingValue(kind: it.kind, hash: h, plaintext: bytes))
                    items.append(PendingItem(value: Int64(batch.values.count - 1), code: it.element?.code ?? PendingItem.linkKeyCode,
                                             field: -1, line: Int32(n + 1), offset: n * 10))
                } else {
                    items.append(PendingItem(value: -1, code: it.element!.code, field: -1, line: Int32(n + 1), offset: n * 10))
                }
            }
            batch.records.append(PendingRecord(ordinal: n, line: n + 1, offset: n * 10, language: nil, items: items))
        }
        batch.outcome = DocumentOutcome(status: .scanned, records: records.count, findings: 0)
        let writer = try StoreWriter(store: ws.store, vault: ws.vault)
        writer.start()
        writer.submit(batch)
        try writer.finish()
    }

    func persons() throws -> [PersonRow] {
        try Resolver(store: ws.store, vault: ws.vault).run()
        var out: [PersonRow] = []
        try PersonExport(store: ws.store, vault: ws.vault).each(reveal: true) { out.append($0) }
        return out
    }
}

extension DocumentOutcome {
    init(status: Status, records: Int, findings: Int) {
        self.init(status: status, reason: nil, format: "csv", encoding: "utf-8", records: records, findings: findings)
    }
}

@Suite struct ResolverTests {
    let id1: StoreFixture.Item = (.identifier(.eeIsikukood), "38001085718", .nationalID)
    let id2: StoreFixture.Item = (.identifier(.eeIsikukood), "49403136526", .nationalID)
    let sharedMail: StoreFixture.Item = (.identifier(.email), "perekond@example.ee", .email)
    let purchase: StoreFixture.Item = (.element(.purchaseHistory), nil, .purchaseHistory)

    @Test func familyInboxNeverMergesTwoNationalIDs() throws {
        let f = try StoreFixture()
        try f.document("customers.csv", [[id1, sharedMail], [id2, sharedMail]])
        try f.document("orders.csv", [[sharedMail, purchase]])
        let persons = try f.persons()
        #expect(persons.count == 2)
        for p in persons {
            #expect(p.identifiers.contains { $0.type == "email" && $0.value == "perekond@example.ee" })
            #expect(p.elements == ["national_id", "email", "purchase_history"])
            #expect(p.documents == ["customers.csv", "orders.csv"])
        }
        #expect(Set(persons.flatMap { $0.identifiers.filter { $0.type == "ee_isikukood" }.map(\.value) }) == ["38001085718", "49403136526"])
        let report = try Report.build(store: f.ws.store, vault: f.ws.vault)
        #expect(report.personsInConflicts == 2)
        #expect(report.sharedIdentifiers == 1)
    }

    @Test func sharedIdentifiersAndLinkKeysJoinRecordsAcrossFiles() throws {
        let f = try StoreFixture()
        let mail: StoreFixture.Item = (.identifier(.email), "kati@example.ee", .email)
        let phone: StoreFixture.Item = (.identifier(.phone), "+37251234567", .phone)
        let name: StoreFixture.Item = (.element(.name), "Kati Kask", .name)
        let card: StoreFixture.Item = (.linkKey, "loyalty_card\u{0}1234567", nil)
        let otherCard: StoreFixture.Item = (.linkKey, "loyalty_card\u{0}7654321", nil)
        try f.document("a.csv", [[mail, phone, card]])
        try f.document("b.csv", [[phone, name]])
        try f.document("purchases.csv", [[card, purchase], [otherCard, purchase]])
        try f.document("names.txt", [[(.element(.name), "Jaan Tamm", .name)]])
        let persons = try f.persons()
        #expect(persons.count == 2)  // Kati (3 files) + the name-only record; the unlinked card is nobody
        let kati = try #require(persons.first { $0.name == "Kati Kask" })
        #expect(kati.elements == ["name", "email", "phone", "purchase_history"])
        #expect(kati.documents == ["a.csv", "b.csv", "purchases.csv"])
        #expect(kati.identifiers.map(\.type) == ["email", "phone"])
    }

    @Test func personIDsAreStableAcrossRebuildsAndWriteOrder() throws {
        let a = try StoreFixture(), b = try StoreFixture()
        let mail: StoreFixture.Item = (.identifier(.email), "x@example.fi", .email)
        try a.document("one.csv", [[id1], [mail]])
        try a.document("two.csv", [[id2, mail]])
        try b.document("two.csv", [[id2, mail]])
        try b.document("one.csv", [[id1], [mail]])
        let pa = try a.persons(), pb = try b.persons()
        #expect(pa.map(\.person) == pb.map(\.person))
        #expect(pa.count == 2)
        #expect(try a.persons().map(\.person) == pa.map(\.person))
    }

    @Test func personKeysFormatToTheVaultsPersonIDs() throws {
        let f = try StoreFixture()
        let vault = f.ws.vault
        // Fictitious anchors: fixed bit patterns and hashes of synthetic values.
        let anchors = [ValueHash(hi: 0, lo: 0), ValueHash(hi: .max, lo: .max), ValueHash(hi: 0x0123_4567_89AB_CDEF, lo: 42),
                       vault.hash(label: "record", "synthetic:1"), vault.hash(label: "record", "synthetic:2")]
        let keys = Resolver.personKeys(anchors, vault: vault)
        #expect(keys.count == anchors.count)
        for (a, k) in zip(anchors, keys) {
            #expect(vault.personKey(anchor: a) == k)
            #expect(Vault.personIDText(k) == vault.personID(anchor: a))
        }
        // Ordering keys orders the ids.
        let byKey = keys.indices.sorted { keys[$0] < keys[$1] }.map { Vault.personIDText(keys[$0]) }
        #expect(byKey == byKey.sorted())
        #expect(Vault.personIDText(0x00ff_0000_0000_0a0b) == "p_00ff000000000a0b")
    }

    @Test func uniqDropsRepeatedNeighboursInPlace() {
        typealias T = StoredPerson.Triple
        var a = [T(what: 1, rule: 1, document: 1), T(what: 1, rule: 1, document: 1), T(what: 1, rule: 2, document: 1),
                 T(what: 2, rule: 1, document: 1), T(what: 2, rule: 1, document: 1)]
        a.removeRepeatedNeighbours()
        #expect(a == [T(what: 1, rule: 1, document: 1), T(what: 1, rule: 2, document: 1), T(what: 2, rule: 1, document: 1)])
        var one = [T(what: 3, rule: 3, document: 3)]
        one.removeRepeatedNeighbours()
        #expect(one.count == 1)
    }

    @Test func recordTableKeepsListsPerRecordAndInternsLanguages() {
        var t = RecordTable()
        func lang(_ s: String) -> UInt16 { Array(s.utf8).withUnsafeBytes { t.language($0) } }
        let et = lang("et"), guess = lang("~fi")
        #expect(lang("et") == et && lang("~fi") == guess && et != guess && et != 0)
        #expect(t.languageNames == ["", "et", "~fi"])
        t.open(document: 3, ordinal: 0, language: et)
        var bits: UInt32 = 0
        t.item(code: ElementType.email.code, stored: 40, value: 5, elements: &bits)
        t.item(code: PendingItem.linkKeyCode, stored: 42, value: 7, elements: &bits)
        t.item(code: PackedItems.reasonBase + 9, stored: 1, value: nil, elements: &bits)
        t.close(elements: bits)
        t.open(document: 2, ordinal: 1, language: 0)
        t.close(elements: 0)
        #expect(t.count == 2 && t.maxDocument == 3)
        #expect(Array(t.values[t.valueRange(0)]) == [5, 7] && t.valueRange(1).isEmpty)
        #expect(t.reasonRange(0).count == 1 && t.reasonRange(1).isEmpty && t.attributionRange(0).isEmpty)
        #expect(t.elements == [1 << UInt32(ElementType.email.code) | 1 << 9, 0], "link keys set no element bit")
    }

    @Test func personsMergedByAReviewerKeepTheirRecordsAndMarkTheMerge() throws {
        let f = try StoreFixture()
        // Same name and date of birth, no shared identifier: a weak candidate.
        let name: StoreFixture.Item = (.element(.name), "Mari Maasikas", .name)
        let dob: StoreFixture.Item = (.element(.dateOfBirth), "1980-01-08", .dateOfBirth)
        try f.document("a.csv", [[(.identifier(.email), "mari.m@example.ee", .email), name, dob]])
        try f.document("b.csv", [[(.identifier(.phone), "+37251110000", .phone), name, dob]])
        #expect(try f.persons().count == 2)
        let key = try f.ws.store.pool.read { try String.fetchOne($0, sql: "SELECT key FROM candidate") }
        let candidate = try #require(key)
        try f.ws.store.pool.write { try $0.execute(sql: "INSERT INTO decision(key, decision, decided_at) VALUES(?, 'accept', '2026-01-01')", arguments: [candidate]) }
        let merged = try f.persons()
        #expect(merged.count == 1)
        #expect(merged.first?.documents == ["a.csv", "b.csv"])
    }

    @Test func rowsSortByKeyThenPersonLikeAComparisonSort() {
        var rng = SeededRNG(seed: 7)
        var rows: [(key: UInt64, person: Int32)] = (0..<5000).map { i in (UInt64.random(in: 0...UInt64.max, using: &rng), Int32(i)) }
        // Crowded buckets and equal keys (ties go by person).
        for i in 0..<300 { rows.append((0xABCD_0000_0000_0000 | UInt64(i % 40), Int32(5000 + i))) }
        rows.append((rows[10].key, 9999)); rows.append((0, 10_000)); rows.append((.max, 10_001))
        rows.shuffle(using: &rng)
        let expected = rows.sorted { $0.key != $1.key ? $0.key < $1.key : $0.person < $1.person }
        var got = rows
        Resolver.sortRows(&got)
        #expect(got.map(\.key) == expected.map(\.key))
        #expect(got.map(\.person) == expected.map(\.person))
    }
}

/// Person keys hashed on another thread as anchors are published are the keys computed after.
@Suite struct PersonKeyStreamTests {
    @Test func keysMatchThoseComputedAfterwards() throws {
        let f = try StoreFixture(), ws = f.ws
        var rng = SeededRNG(seed: 11)
        let anchors = (0..<50_000).map { _ in ValueHash(hi: UInt64.random(in: 0...UInt64.max, using: &rng), lo: UInt64.random(in: 0...UInt64.max, using: &rng)) }
        let stream = PersonKeyStream(capacity: anchors.count, vault: ws.vault)
        for (i, a) in anchors.enumerated() {
            stream.publish(a)
            if i % 10_000 == 0 { usleep(2_000) }  // let the hashing thread catch up and wait
        }
        let keys = stream.close()
        #expect(keys == Resolver.personKeys(anchors, vault: ws.vault))
        #expect(keys.count == anchors.count)
        let empty = PersonKeyStream(capacity: 0, vault: ws.vault)
        #expect(empty.close().isEmpty)
    }
}
