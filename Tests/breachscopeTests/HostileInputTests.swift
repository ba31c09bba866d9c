import Foundation
import Testing

/// Broken, hostile and odd files each end as failed or skipped with a reason that holds no
/// content; the scan goes on and still finds the person in the good file beside them.
@Suite struct HostileInputTests {
    @Test func everyFileEndsWithAnOutcomeAndTheScanGoesOn() throws {
        let fm = FileManager.default
        let dir = try CLIRunner.temporaryDirectory("hostile")
        defer { try? fm.removeItem(at: dir) }
        func write(_ name: String, _ data: Data) throws { try data.write(to: dir.appendingPathComponent(name)) }
        try write("good.csv", Data("Nimi;Isikukood;E-post\nKati Kask;49403136526;kati.kask@example.ee\n".utf8))
        try write("deep.json", Data(String(repeating: "[", count: 100_000).utf8))
        try write("huge_field.csv", Data("id,note\n1,".utf8) + Data(repeating: UInt8(ascii: "x"), count: 3 << 20))
        var longLine = Data(repeating: UInt8(ascii: "y"), count: 5 << 20)
        longLine.append(Data(" contact: jaan.tamm@example.ee".utf8))  // no newline anywhere
        try write("long_line.txt", longLine)
        try write("broken_quote.csv", Data("name,email\n\"Mari Maasikas,mari@example.ee\n".utf8))
        try write("invalid_utf8.txt", Data([0x61, 0x62, 0xC3, 0x28, 0x20]) + Data(" mail: liis.lepik@example.ee\n".utf8) + Data([0xFF, 0xFE, 0xFD, 0x41]))
        try write("empty.txt", Data())
        try write("program.bin", Data([0x7F, 0x45, 0x4C, 0x46, 2, 1, 1, 0] + [UInt8](repeating: 0, count: 4000)))
        try write("ndjson_bad.ndjson", Data("{\"email\": \"piret@example.ee\"}\n{\"email\": \n{\"name\": \"Piret Pärn\", \"email\": \"piret@example.ee\"}\n".utf8))
        try fm.createSymbolicLink(atPath: dir.appendingPathComponent("link.csv").path, withDestinationPath: dir.appendingPathComponent("good.csv").path)

        let cli = CLIRunner(workspace: CLIRunner.temporaryWorkspace())
        defer { try? fm.removeItem(at: cli.workspace) }
        let scan = try cli.run(["scan", dir.path, "--quiet", "--max-field-mb", "2", "--max-line-mb", "1"])
        #expect(scan.status == 3, "\(scan.stderr)")
        let status = try JSONSerialization.jsonObject(with: Data(try cli.run(["status", "--all", "--format", "json"]).stdout.utf8)) as! [String: Any]
        var outcome: [String: (String, String?)] = [:]
        for d in status["documents"] as! [[String: Any]] {
            outcome[d["document"] as! String] = (d["status"] as! String, d["reason"] as? String)
        }
        #expect(outcome.count == 10, "every file on disk is accounted for")
        #expect(outcome["good.csv"]?.0 == "scanned")
        #expect(outcome["deep.json"]?.0 == "failed")
        #expect(outcome["deep.json"]?.1?.contains("nested deeper than 512") == true)
        #expect(outcome["huge_field.csv"]?.0 == "failed")
        #expect(outcome["long_line.txt"]?.0 == "scanned")
        #expect(outcome["broken_quote.csv"]?.0 == "failed")
        #expect(outcome["broken_quote.csv"]?.1?.contains("unterminated") == true)
        #expect(outcome["invalid_utf8.txt"]?.0 == "scanned")
        #expect(outcome["empty.txt"]?.0 == "skipped")
        #expect(outcome["program.bin"]?.1 == "binary, unknown type")
        #expect(outcome["ndjson_bad.ndjson"]?.0 == "scanned")
        #expect(outcome["link.csv"]?.0 == "skipped")
        for (name, o) in outcome {
            for secret in ["Mari", "mari@", "xxxxxxxx", "yyyyyyyy", "Kati", "49403136526"] {
                #expect(o.1?.contains(secret) != true, "reason of \(name) leaks content")
            }
        }
        // The good data is all found: Kati (csv), Jaan (end of a 5 MB line), Liis (among invalid
        // bytes), Piret (two NDJSON lines around a broken one).
        let persons = try cli.run(["persons", "--reveal"]).stdout
        for mail in ["kati.kask@example.ee", "jaan.tamm@example.ee", "liis.lepik@example.ee", "piret@example.ee"] {
            #expect(persons.contains(mail), "\(mail) not found")
        }
        #expect(persons.split(separator: "\n").count == 4)
    }
}
