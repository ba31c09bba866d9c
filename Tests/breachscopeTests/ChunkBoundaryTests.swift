import Foundation
import Testing

/// Values and multi-byte characters cut by the 1 MiB read chunks are still found whole.
@Suite struct ChunkBoundaryTests {
    @Test func valuesAcrossChunkBoundariesAreFound() throws {
        let fm = FileManager.default
        let dir = try CLIRunner.temporaryDirectory("chunks")
        defer { try? fm.removeItem(at: dir) }
        var text = [UInt8]()
        var planted: [String] = []
        let filler = Array("Жили-были дед да баба, и была у них курочка Ряба. Õunapuu äär. ".utf8)
        for boundary in [1 << 20, 2 << 20, 3 << 20] {
            for shift in [-9, -3] {
                let mail = "isik\(boundary + shift + 100)@example.ee"
                while text.count < boundary + shift - 1 { text.append(filler[text.count % filler.count] < 0x80 ? filler[text.count % filler.count] : 0x20) }
                text.append(0x20)
                text.append(contentsOf: Array(mail.utf8))
                text.append(contentsOf: Array("\n\n".utf8))
                planted.append(mail)
                text.append(contentsOf: filler)
            }
        }
        // A two-byte character cut by the 4 MiB chunk boundary.
        while text.count < (4 << 20) - 1 { text.append(0x20) }
        text.append(contentsOf: Array("ЖЖ liis.lepik@example.ee\n".utf8))
        planted.append("liis.lepik@example.ee")
        text.append(contentsOf: filler)
        try Data(text).write(to: dir.appendingPathComponent("big.txt"))
        let cli = CLIRunner(workspace: CLIRunner.temporaryWorkspace())
        defer { try? fm.removeItem(at: cli.workspace) }
        let scan = try cli.run(["scan", dir.path, "--quiet"])
        #expect(scan.status == 0, "\(scan.stderr)")
        let persons = try cli.run(["persons", "--reveal"]).stdout
        for mail in planted { #expect(persons.contains("\"\(mail)\""), "\(mail) lost at a chunk boundary") }
        #expect(persons.split(separator: "\n").count == planted.count)
        let status = try cli.run(["status", "--all"]).stdout
        #expect(status.contains("[text, utf-8]"), "\(status)")
        #expect(!status.contains("invalid"), "a character cut by a chunk boundary is not invalid: \(status)")
    }
}
