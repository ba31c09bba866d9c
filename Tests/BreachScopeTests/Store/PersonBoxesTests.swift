import Foundation
import GRDB
import Testing
@testable import BreachScope

@Suite struct PersonBoxesTests {
    static func person(_ id: Int64) -> StoredPerson {
        StoredPerson(rowID: id, pid: String(format: "p_%016llx", UInt64(id) &* 0x9E37_79B9_7F4A_7C15),
                     language: id % 3 == 0 ? nil : id % 3 == 1 ? "et" : "~fi", flags: Int(id % 4),
                     values: [id, id + 1_000, id + 300_000], exposures: [.init(element: 3, document: 1, occurrences: Int(id % 5) + 1),
                                                                        .init(element: 7, document: 2, occurrences: 1)],
                     attributions: id % 2 == 0 ? [.init(what: 4, rule: 2, document: 1)] : [],
                     reasons: id % 5 == 0 ? [.init(what: 13, rule: 9, document: 2)] : [])
    }

    static func same(_ a: StoredPerson, _ b: StoredPerson) -> Bool {
        a.rowID == b.rowID && a.pid == b.pid && a.language == b.language && a.flags == b.flags && a.values == b.values
            && a.exposures == b.exposures && a.attributions == b.attributions && a.reasons == b.reasons
    }

    @Test func boxesRoundTripEveryField() throws {
        var box: [UInt8] = []
        let persons = (1...64).map(Self.person)
        for p in persons { PersonBoxes.append(p, to: &box) }
        var out: [StoredPerson] = []
        box.withUnsafeBytes { PersonBoxes.decode($0, firstID: 1, count: 64) { out.append($0) } }
        #expect(out.count == 64)
        for (a, b) in zip(persons, out) { #expect(Self.same(a, b), "\(a.rowID)") }
    }

    /// A box cut short or with a length past its end gives the persons before the damage.
    @Test func damagedBoxesGiveWhatIsWhole() throws {
        var box: [UInt8] = []
        for p in (1...3).map(Self.person) { PersonBoxes.append(p, to: &box) }
        var one: [UInt8] = []
        PersonBoxes.append(Self.person(1), to: &one)
        for cut in [one.count, one.count + 5, box.count - 1] {
            var n = 0
            Array(box[..<cut]).withUnsafeBytes { PersonBoxes.decode($0, firstID: 1, count: 3) { _ in n += 1 } }
            #expect(n == (cut == box.count - 1 ? 2 : 1), "cut at \(cut)")
        }
        var bad = box; bad[0] = 0x7f   // pid length far past the end
        var n = 0
        bad.withUnsafeBytes { PersonBoxes.decode($0, firstID: 1, count: 3) { _ in n += 1 } }
        #expect(n == 0)
    }

    /// A v3 workspace (one `person` row per person) migrates to boxes with the same row ids and
    /// persons; a gap in row ids starts a new box.
    @Test func v3PersonRowsMigrate() throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("bs-v3-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: dir) }
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        let queue = try DatabaseQueue(path: dir.appendingPathComponent("p.sqlite").path)
        try Schema.migrator.migrate(queue, upTo: "v3")
        let ids: [Int64] = Array(1...130) + [200, 201]
        try queue.write { db in
            for id in ids {
                let p = Self.person(id)
                try db.execute(sql: "INSERT INTO person(id, pid, language, flags, vals, exposures, attributions, reasons) VALUES(?, ?, ?, ?, ?, ?, ?, ?)",
                               arguments: [id, p.pid, p.language, p.flags, Data(StoredPerson.packValues(p.values)),
                                           Data(StoredPerson.packExposures(p.exposures)),
                                           id == 7 ? nil : Data(StoredPerson.packTriples(p.attributions)), Data(StoredPerson.packTriples(p.reasons))])
            }
        }
        try Schema.migrator.migrate(queue)
        try queue.read { db in
            #expect(try Bool.fetchOne(db, sql: "SELECT COUNT(*) > 0 FROM sqlite_master WHERE name = 'person'") == false)
            let boxes = try Row.fetchAll(db, sql: "SELECT first_id, count FROM person_box ORDER BY first_id")
            #expect(boxes.map { [$0["first_id"] as Int64, $0["count"] as Int64] } == [[1, 64], [65, 64], [129, 2], [200, 2]])
            var got: [StoredPerson] = []
            try StoredPerson.forEach(db) { got.append($0) }
            #expect(got.count == ids.count)
            for (id, p) in zip(ids, got) { #expect(Self.same(p, Self.person(id)), "\(id)") }
        }
    }
}
