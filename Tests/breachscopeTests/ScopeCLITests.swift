import BreachScope
import BreachScopeTesting
import Foundation
import Testing

/// Issue #4 end to end through the binary: two batches with `--published-at`, `diff`, the batch
/// timeline, held-but-not-exposed, the review queue with a decision that survives a re-scan,
/// and a controller's hand-off (`export`).
@Suite struct ScopeCLITests {
    struct Person { var id: String; var mail: String; var phone: String; var name: String; var dob: String }

    func people(_ n: Int, seed: UInt64) -> [Person] {
        var rng = SeededRNG(seed: seed)
        let firsts = ["Mari", "Kati", "Jaan", "Peeter", "Liis", "Tiit", "Anu", "Mart"], lasts = ["Tamm", "Saar", "Kask", "Mets", "Ilves", "Lepp"]
        return (0..<n).map { i in
            let f = firsts[i % firsts.count], l = lasts[(i / firsts.count) % lasts.count]
            return Person(id: Synthetic.nationalID(.eeIsikukood, using: &rng), mail: "\(f.lowercased()).\(l.lowercased())@example.ee",
                          phone: Synthetic.phone(country: "EE", international: true, using: &rng).e164, name: "\(f) \(l)", dob: "19\(50 + i % 40)-0\(1 + i % 9)-1\(i % 9)")
        }
    }

    @Test func batchesDiffReviewAndControllerHandOff() throws {
        let dir = try CLIRunner.temporaryDirectory("scope")
        defer { try? FileManager.default.removeItem(at: dir) }
        let ws = dir.appendingPathComponent("ws")
        let cli = CLIRunner(workspace: ws, environment: ["BREACHSCOPE_KEY": String(repeating: "5a", count: 32)])
        let p = people(30, seed: 44)
        let b1 = dir.appendingPathComponent("leak/batch1"), b2 = dir.appendingPathComponent("leak/batch2")
        try FileManager.default.createDirectory(at: b1, withIntermediateDirectories: true)
        try FileManager.default.createDirectory(at: b2, withIntermediateDirectories: true)
        // Batch 1: persons 0–19 with ID and e-mail.
        try (["isikukood;email"] + p[0..<20].map { "\($0.id);\($0.mail)" }).joined(separator: "\n")
            .write(to: b1.appendingPathComponent("kliendid.csv"), atomically: true, encoding: .utf8)
        // Batch 2: persons 10–14 again (unchanged), 15–19 with a new phone, 20–29 new; and a
        // name + birth-date list with no strong identifier shared with person 0 (a candidate).
        var rows = ["isikukood;email;telefon"]
        rows += p[10..<15].map { "\($0.id);\($0.mail);" }
        rows += p[15..<20].map { "\($0.id);\($0.mail);\($0.phone)" }
        rows += p[20..<30].map { "\($0.id);\($0.mail);" }
        try rows.joined(separator: "\n").write(to: b2.appendingPathComponent("tulemused.csv"), atomically: true, encoding: .utf8)
        try ["nimi;sünniaeg;email", "\(p[0].name);\(p[0].dob);\(p[0].name.lowercased().replacingOccurrences(of: " ", with: "_"))@example.com"]
            .joined(separator: "\n").write(to: b2.appendingPathComponent("registreerimine.csv"), atomically: true, encoding: .utf8)
        try ["nimi;sünniaeg;isikukood", "\(p[0].name);\(p[0].dob);\(p[0].id)"]
            .joined(separator: "\n").write(to: b1.appendingPathComponent("patsient.csv"), atomically: true, encoding: .utf8)

        #expect(try cli.run(["init", "--incident", "Lab", "--organisation", "Synlab Test", "--held", "national_id,email,phone,iban,prescription"]).status == 0)
        #expect(try cli.run(["scan", b1.path, "--batch", "first", "--published-at", "2024-01-10", "--quiet"]).status == 0)
        #expect(try cli.run(["scan", b2.path, "--batch", "second", "--published-at", "2024-02-01", "--quiet"]).status == 0)

        let diff = try cli.run(["diff", "--batch", "second", "--format", "json"])
        #expect(diff.status == 0)
        let d = try JSONDecoder().decode(BatchDiff.self, from: Data(diff.stdout.utf8))
        #expect(d.earlierBatches == ["first"])
        #expect(d.newPersons.count == 11)            // persons 20–29 and the registration-only person
        #expect(d.unchanged.count == 5)
        #expect(d.knownWithNewData.count == 5)
        #expect(d.knownWithNewData.allSatisfy { $0.newElements == ["phone"] })
        #expect(d.notInBatch == 10)                  // persons 0–9
        #expect(try cli.run(["diff", "--batch", "third"]).status == 1)

        // Review: the registration row (name + birth date + another e-mail) is a candidate for person 0.
        let q = try JSONDecoder().decode(Review.Queue.self, from: Data(try cli.run(["review", "--format", "json"]).stdout.utf8))
        #expect(q.candidates.count == 1)
        let candidate = try #require(q.candidates.first)
        #expect(candidate.evidence == ["name+date_of_birth"])
        #expect(!candidate.names.joined().contains(p[0].name))       // masked
        var report = try JSONDecoder().decode(Report.self, from: Data(try cli.run(["report", "--format", "json"]).stdout.utf8))
        #expect(report.persons == 31)
        #expect(try cli.run(["review", "accept", candidate.id]).status == 0)
        report = try JSONDecoder().decode(Report.self, from: Data(try cli.run(["report", "--format", "json"]).stdout.utf8))
        #expect(report.persons == 30)
        #expect(report.weak.personsOnWeakEvidence == 1)
        // The decision survives a re-scan of changed content.
        try (rows + ["\(p[29].id);\(p[29].mail);\(p[29].phone)"]).joined(separator: "\n")
            .write(to: b2.appendingPathComponent("tulemused.csv"), atomically: true, encoding: .utf8)
        #expect(try cli.run(["scan", b2.path, "--batch", "second", "--quiet"]).status == 0)
        report = try JSONDecoder().decode(Report.self, from: Data(try cli.run(["report", "--format", "json"]).stdout.utf8))
        #expect(report.persons == 30)
        #expect(report.batches.map(\.batch) == ["first", "second"])
        #expect(report.batches.map(\.cumulativePersons) == [20, 30])   // the accepted merge folds the registration into person 0
        #expect(report.batches.map(\.publishedAt) == ["2024-01-10", "2024-02-01"])
        #expect(report.notExposed == ["prescription", "iban"])
        #expect(report.controllers.map(\.name) == ["Synlab Test"])
        #expect(report.controllers.first?.persons == 30)

        // Hand-off: every person of the (default) controller, nothing else.
        let out = dir.appendingPathComponent("handoff")
        let export = try cli.run(["export", "--controller", "Synlab Test", "--out", out.path])
        #expect(export.status == 0, "\(export.stderr)")
        let jsonl = try String(contentsOf: out.appendingPathComponent("persons.jsonl"), encoding: .utf8)
        #expect(jsonl.split(separator: "\n").count == 30)
        #expect(!jsonl.contains(p[3].mail))          // masked without --reveal
        let evidence = try String(contentsOf: out.appendingPathComponent("evidence.jsonl"), encoding: .utf8)
        #expect(evidence.split(separator: "\n").count == 30)
        #expect(evidence.contains("\"rule\":\"default\""))
        for f in ["persons.csv", "report.json", "report.txt", "report.html"] {
            #expect(FileManager.default.fileExists(atPath: out.appendingPathComponent(f).path), "\(f) missing")
        }
        let missing = try cli.run(["export", "--controller", "Somebody Else", "--out", dir.appendingPathComponent("x").path])
        #expect(missing.status == 1 && missing.stderr.contains("no controller"))
    }
}
