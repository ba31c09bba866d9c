import BreachScope
import BreachScopeTesting
import Foundation
import Testing

/// End to end: a Word document with a labelled paragraph block, a table and a header is
/// scanned and its people are found.
@Suite struct DOCXScanTests {
    @Test func documentPeopleAreFound() throws {
        let fm = FileManager.default
        let dir = fm.temporaryDirectory.appendingPathComponent("bs-docx-e2e-\(UUID().uuidString)")
        try fm.createDirectory(at: dir, withIntermediateDirectories: true)
        defer { try? fm.removeItem(at: dir) }

        var rng = SeededRNG(seed: 2025)
        let names = [("Kadri", "Kask"), ("Jaan", "Saar"), ("Liis", "Mägi")]
        let people = names.map { (first, last) in
            (id: Synthetic.nationalID(.eeIsikukood, using: &rng), name: "\(first) \(last)", email: Synthetic.email(first: first, last: last, using: &rng))
        }
        let doc = DOCXFixture(body: [
            .paragraph("Saatekiri"),
            .paragraph(""),
            .paragraph("Nimi: \(people[0].name)"),
            .paragraph("Isikukood: \(people[0].id)"),
            .paragraph("E-post: \(people[0].email)"),
            .paragraph(""),
            .table([["Isikukood", "Nimi", "E-post"]] + people.dropFirst().map { [$0.id, $0.name, $0.email] }),
        ], headers: [["Apteek OÜ"]])
        try doc.write(to: dir.appendingPathComponent("saatekiri.docx"))

        let cli = CLIRunner(workspace: CLIRunner.temporaryWorkspace())
        defer { try? fm.removeItem(at: cli.workspace) }
        let scan = try cli.run(["scan", dir.path, "--quiet"])
        #expect(scan.status == 0, "\(scan.stderr)")
        let status = try cli.run(["status", "--all"]).stdout
        #expect(status.contains("[docx, 16 paragraphs, 1 table]"), "\(status)")
        let revealed = try cli.run(["persons", "--reveal"]).stdout
        #expect(revealed.split(separator: "\n").count == people.count, "\(revealed)")
        for p in people {
            #expect(revealed.contains("\"value\":\"\(p.id)\""), "\(p.id)")
            #expect(revealed.contains(p.email.lowercased()))
        }
    }
}
