import BreachScope
import BreachScopeTesting
import Foundation
import Testing

/// Controller attribution end to end (issue #4, item 1): column values with aliases and a map,
/// an unlisted value, document paths (including an archive member), an external register, the
/// default; per-controller counts, the overlap table, `persons --controller`, stored rules reused
/// by a later scan, and changed column rules re-applied to documents already scanned.
@Suite struct ControllerScanTests {
    @Test func rulesAttributeEveryPersonExactly() throws {
        let dir = try CLIRunner.temporaryDirectory("ctl")
        defer { try? FileManager.default.removeItem(at: dir) }
        var rng = SeededRNG(seed: 91)
        let ids = (0..<12).map { _ in Synthetic.nationalID(.fiHetu, using: &rng) }
        let leak = dir.appendingPathComponent("leak")
        try FileManager.default.createDirectory(at: leak.appendingPathComponent("exports/tays"), withIntermediateDirectories: true)
        // Deliveries: persons 0–3 in PIRHA (three spellings), 4–5 in Päijät-Häme (map "Lahti"),
        // 6 in an unlisted region, 7 with an empty cell (default).
        let areas = ["PIRKANMAAN  HVA", "pirkanmaan hva.", "Pirkanmaa", "PIRHA", "Lahti", "Päijät-Häme", "Kainuu", ""]
        var rows = ["henkilötunnus;sähköposti;hyvinvointialue"]
        for i in 0..<8 { rows.append("\(ids[i]);p\(i)@example.fi;\(areas[i])") }
        try rows.joined(separator: "\n").write(to: leak.appendingPathComponent("toimitukset.csv"), atomically: true, encoding: .utf8)
        // A path rule: person 0 again (shared with PIRHA → HUS) and person 8.
        try ["email", "p0@example.fi", "p8@example.fi"].joined(separator: "\n")
            .write(to: leak.appendingPathComponent("exports/tays/potilaat.csv"), atomically: true, encoding: .utf8)
        // A register: persons 9 and 10 belong to Helsinki by their HETU; row 3 is broken.
        try ["henkilötunnus;sähköposti", "\(ids[9]);p9@example.fi", "\(ids[10]);p10@example.fi", "\(ids[11]);p11@example.fi"].joined(separator: "\n")
            .write(to: leak.appendingPathComponent("asiakkaat.csv"), atomically: true, encoding: .utf8)
        try FileManager.default.createDirectory(at: dir.appendingPathComponent("registers"), withIntermediateDirectories: true)
        try ["hetu;alue", "\(ids[9]);Helsinki", "\(ids[10]);Helsingfors stad", "123456-0000;Helsinki"].joined(separator: "\n")
            .write(to: dir.appendingPathComponent("registers/helsinki.csv"), atomically: true, encoding: .utf8)
        let rules = """
            organisation: { id: westlog, name: "WestLog Oy" }
            default: organisation
            controllers:
              - { id: pirha, name: Pirkanmaan hyvinvointialue, aliases: [Pirkanmaa, PIRHA, Pirkanmaan HVA] }
              - { id: phhva, name: Päijät-Hämeen hyvinvointialue, aliases: [Päijät-Häme] }
              - { id: hus, name: HUS-yhtymä }
              - { id: helsinki, name: Helsingin kaupunki, aliases: [Helsinki, Helsingfors stad] }
            rules:
              - { id: by-area, columns: [hyvinvointialue], map: { Lahti: phhva } }
              - { id: tays-exports, paths: ["exports/tays/**"], controller: hus }
              - { id: helsinki-register, register: registers/helsinki.csv, key: national_id, key_column: hetu, controller_column: alue }
            """
        try rules.write(to: dir.appendingPathComponent("rules.yaml"), atomically: true, encoding: .utf8)

        let cli = CLIRunner(workspace: dir.appendingPathComponent("ws"), environment: ["BREACHSCOPE_KEY": String(repeating: "3c", count: 32)])
        #expect(try cli.run(["init", "--incident", "W", "--organisation", "WestLog Oy", "--role", "processor"]).status == 0)
        let scan = try cli.run(["scan", leak.path, "--quiet", "--controllers", dir.appendingPathComponent("rules.yaml").path])
        #expect(scan.status == 0, "\(scan.stderr)")
        #expect(scan.stderr.contains("register rule 'helsinki-register', line 4"))
        #expect(!scan.stderr.contains("123456-0000"))           // the rejected value is not echoed

        let r = try JSONDecoder().decode(Report.self, from: Data(try cli.run(["report", "--format", "json"]).stdout.utf8))
        #expect(r.persons == 12)
        let byName = Dictionary(uniqueKeysWithValues: r.controllers.map { ($0.name, $0) })
        #expect(byName["Pirkanmaan hyvinvointialue"]?.persons == 4)
        #expect(byName["Pirkanmaan hyvinvointialue"]?.exclusive == 3)
        #expect(byName["Päijät-Hämeen hyvinvointialue"]?.persons == 2)
        #expect(byName["Kainuu"]?.persons == 1 && byName["Kainuu"]?.listed == false)
        #expect(byName["HUS-yhtymä"]?.persons == 2)
        #expect(byName["Helsingin kaupunki"]?.persons == 2)
        #expect(byName["Helsingin kaupunki"]?.rules.map(\.rule) == ["helsinki-register"])
        // Person 7 (empty area) and person 11 (no rule) go to the default.
        #expect(byName["WestLog Oy"]?.persons == 2)
        #expect(byName["WestLog Oy"]?.rules.map(\.rule) == ["default"])
        #expect(r.overlaps.count == 1 && r.overlaps.first?.persons == 1)
        #expect(r.sharedPersons == 1 && r.unattributed == 0)

        // Exactly PIRHA's people, by id or by name.
        let pirha = try cli.run(["persons", "--controller", "pirha", "--reveal"]).stdout.split(separator: "\n")
        #expect(pirha.count == 4)
        for i in 0..<4 { #expect(pirha.contains { $0.contains(ids[i]) }) }
        #expect(try cli.run(["persons", "--controller", "HUS-yhtymä"]).stdout.split(separator: "\n").count == 2)

        // New column rules (Kainuu becomes listed) re-apply to the documents already scanned.
        try (rules.replacingOccurrences(of: "  - { id: hus,", with: "  - { id: kainuu, name: Kainuun hyvinvointialue, aliases: [Kainuu] }\n  - { id: hus,"))
            .write(to: dir.appendingPathComponent("rules2.yaml"), atomically: true, encoding: .utf8)
        #expect(try cli.run(["scan", leak.path, "--quiet", "--controllers", dir.appendingPathComponent("rules2.yaml").path]).status == 0)
        let r2 = try JSONDecoder().decode(Report.self, from: Data(try cli.run(["report", "--format", "json"]).stdout.utf8))
        #expect(r2.controllers.contains { $0.name == "Kainuun hyvinvointialue" && $0.persons == 1 && $0.listed })
        #expect(!r2.controllers.contains { $0.name == "Kainuu" })
        // A later scan without --controllers keeps using the stored rules.
        let extra = dir.appendingPathComponent("extra")
        try FileManager.default.createDirectory(at: extra, withIntermediateDirectories: true)
        try ["henkilötunnus;hyvinvointialue", "\(ids[11]);PIRHA"].joined(separator: "\n")
            .write(to: extra.appendingPathComponent("lisä.csv"), atomically: true, encoding: .utf8)
        #expect(try cli.run(["scan", extra.path, "--quiet", "--batch", "b2"]).status == 0)
        let r3 = try JSONDecoder().decode(Report.self, from: Data(try cli.run(["report", "--format", "json"]).stdout.utf8))
        #expect(r3.controllers.first { $0.name == "Pirkanmaan hyvinvointialue" }?.persons == 5)
        // Person 11 now has a controller: the default no longer applies to them.
        #expect(r3.controllers.first { $0.name == "WestLog Oy" }?.persons == 1)
    }
}
