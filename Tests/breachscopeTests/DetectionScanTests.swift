import BreachScope
import BreachScopeTesting
import Foundation
import Testing

/// Files are read as what they are, not what their names say: a Word document renamed
/// `export.bin` is read as DOCX (not expanded as a ZIP archive), legacy binary Office and Outlook
/// files are skipped with a reason that names them, and a workspace inside the scanned folder is
/// never scanned itself.
@Suite struct DetectionScanTests {
    func byNameFormat(_ r: Report, _ name: String) -> String? { r.documents.first { $0.document == name }?.format }

    @Test func renamedOfficeFilesLegacyFormatsAndTheWorkspaceItself() throws {
        let dir = try CLIRunner.temporaryDirectory("detect")
        defer { try? FileManager.default.removeItem(at: dir) }
        var rng = SeededRNG(seed: 5)
        let id = Synthetic.nationalID(.eeIsikukood, using: &rng)
        try DOCXFixture(body: [.paragraph("Nimi: Mari Maasikas"), .paragraph("Isikukood: \(id)")])
            .write(to: dir.appendingPathComponent("export.bin"))
        // The same kind of renamed file inside an archive.
        let id2 = Synthetic.nationalID(.eeIsikukood, using: &rng)
        let inner = dir.appendingPathComponent("inner.docx")
        try DOCXFixture(body: [.paragraph("Nimi: Kati Kask"), .paragraph("Isikukood: \(id2)")]).write(to: inner)
        try ArchiveFixture.zip(dir.appendingPathComponent("arhiiv.zip"), [("raportid/export.dat", Array(try Data(contentsOf: inner)))])
        try FileManager.default.removeItem(at: inner)
        let ole: [UInt8] = [0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1] + [UInt8](repeating: 0, count: 504)
        try Data(ole).write(to: dir.appendingPathComponent("hinnakiri.xls"))
        try Data(ole).write(to: dir.appendingPathComponent("kiri.msg"))
        // The workspace lives inside the scanned folder.
        let cli = CLIRunner(workspace: dir.appendingPathComponent("ws"), environment: ["BREACHSCOPE_KEY": String(repeating: "4d", count: 32)])
        #expect(try cli.run(["scan", dir.path, "--quiet"]).status == 0)
        let second = try cli.run(["scan", dir.path, "--quiet", "--format", "json"])   // the store now exists under dir
        #expect(second.stdout.contains("\"files\" : 4"))   // the unchanged archive is not expanded again; no workspace file
        let r = try JSONDecoder().decode(Report.self, from: Data(try cli.run(["report", "--format", "json"]).stdout.utf8))
        #expect(r.files.total == 5)   // export.bin, arhiiv.zip and its member, hinnakiri.xls, kiri.msg
        #expect(byNameFormat(r, "arhiiv.zip!/raportid/export.dat") == "docx")
        let byName = Dictionary(uniqueKeysWithValues: r.documents.map { ($0.document, $0) })
        #expect(byName["export.bin"]?.format == "docx" && byName["export.bin"]?.status == "scanned")
        #expect(byName["hinnakiri.xls"]?.status == "skipped" && byName["hinnakiri.xls"]?.reason?.contains("legacy Excel .xls") == true)
        #expect(byName["kiri.msg"]?.status == "skipped" && byName["kiri.msg"]?.reason?.contains("Outlook .msg") == true)
        let persons = try cli.run(["persons", "--reveal"]).stdout
        #expect(persons.contains(id) && persons.contains("Mari Maasikas"))
        #expect(persons.contains(id2) && persons.contains("Kati Kask"))
    }
}
