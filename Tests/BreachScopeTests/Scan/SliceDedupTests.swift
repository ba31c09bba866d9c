import Foundation
import Testing
@testable import BreachScope

/// The assembler keeps a value repeated nearby once per slice and may append one repeated far
/// apart again (its cache of recent values is small); either way the store must hold each value
/// once and the persons must not change.
@Suite struct SliceDedupTests {
    @Test func repeatsNearAndFarAreStoredOnce() throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("bs-dedup-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: dir) }
        // 9,000 distinct e-mails (one slice) with one address every 1,500 rows (pushed out of the
        // cache in between), then the same address in 60 consecutive rows.
        let distinct = 9_000
        var csv = "email;note\n", repeats = 0
        for i in 0..<distinct {
            csv += "user\(i)@example.com;row \(i)\n"
            if i % 1_500 == 0 { csv += "Same.Person@example.com;far \(i)\n"; repeats += 1 }
        }
        for i in 0..<60 { csv += "same.person@EXAMPLE.com;near \(i)\n" }
        try csv.write(to: dir.appendingPathComponent("list.csv"), atomically: true, encoding: .utf8)
        let ws = try Workspace(path: dir.appendingPathComponent("ws").path, create: true,
                               environment: ["BREACHSCOPE_KEY": String(repeating: "4d", count: 32)])
        _ = try Scanner.run(store: ws.store, vault: ws.vault, options: ScanOptions(roots: [dir.appendingPathComponent("list.csv").path]))
        #expect(repeats == 6)
        let values = try ws.store.pool.read { db in try ValueBoxes.count(db) }
        #expect(values == distinct + 1)
        var persons = 0, same: [PersonRow] = []
        try PersonExport(store: ws.store, vault: ws.vault).each(reveal: true) { row in
            persons += 1
            if row.identifiers.contains(where: { $0.value == "same.person@example.com" }) { same.append(row) }
        }
        #expect(persons == distinct + 1)
        #expect(same.count == 1)
        #expect(same.first?.identifiers.count == 1)
    }
}
