import BreachScope
import BreachScopeTesting
import Foundation
import Testing

/// End to end: an Excel workbook with two sheets (IDs stored as numbers, one in scientific form)
/// is scanned and its people are found.
@Suite struct XLSXScanTests {
    @Test func workbookPeopleAreFound() throws {
        let fm = FileManager.default
        let dir = fm.temporaryDirectory.appendingPathComponent("bs-xlsx-e2e-\(UUID().uuidString)")
        try fm.createDirectory(at: dir, withIntermediateDirectories: true)
        defer { try? fm.removeItem(at: dir) }

        var rng = SeededRNG(seed: 2024)
        let names = [("Kadri", "Kask"), ("Jaan", "Saar"), ("Liis", "Mägi"), ("Peeter", "Sepp")]
        let people = names.map { (first, last) in
            (id: Synthetic.nationalID(.eeIsikukood, using: &rng), name: "\(first) \(last)", email: Synthetic.email(first: first, last: last, using: &rng))
        }
        typealias C = XLSXFixture.Cell
        let patients = XLSXFixture.Sheet(name: "Patsiendid", rows: [[.shared("Isikukood"), .shared("Nimi"), .shared("E-post")]]
            + people.prefix(2).map { [.number($0.id), .shared($0.name), .shared($0.email)] })
        let old = XLSXFixture.Sheet(name: "Arhiiv", rows: [[.inline("Nimi"), .inline("Isikukood"), .inline("E-post")]]
            + people.suffix(2).map { p in
                let scientific = p.id.prefix(1) + "." + p.id.dropFirst() + "E+10"
                return [.inline(p.name), .number(String(scientific)), .inline(p.email)]
            })
        try XLSXFixture(sheets: [patients, old]).write(to: dir.appendingPathComponent("patsiendid.xlsx"))

        let cli = CLIRunner(workspace: CLIRunner.temporaryWorkspace())
        defer { try? fm.removeItem(at: cli.workspace) }
        let scan = try cli.run(["scan", dir.path, "--quiet"])
        #expect(scan.status == 0, "\(scan.stderr)")
        let status = try cli.run(["status", "--all"]).stdout
        #expect(status.contains("[xlsx, 2 sheets]"), "\(status)")
        let revealed = try cli.run(["persons", "--reveal"]).stdout
        #expect(revealed.split(separator: "\n").count == people.count, "\(revealed)")
        for p in people {
            #expect(revealed.contains("\"value\":\"\(p.id)\""), "\(p.id)")
            #expect(revealed.contains(p.email.lowercased()))
        }
    }
}
