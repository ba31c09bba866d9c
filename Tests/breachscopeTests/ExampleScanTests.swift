import Foundation
import Testing

/// End to end on the bundled synthetic leak (`Examples/leak`, made by scripts/make-examples.py,
/// whose ground truth is `Examples/expected.json`).
@Suite(.serialized) struct ExampleScanTests {
    struct Expected: Decodable {
        struct Files: Decodable { var total: Int; var failed: Int; var skipped: Int }
        var persons: Int
        var elements: [String: Int]
        var files: Files
    }

    let expected: Expected = try! JSONDecoder().decode(Expected.self, from: Data(contentsOf: CLIRunner.examples.appendingPathComponent("expected.json")))
    let leak = CLIRunner.examples.appendingPathComponent("leak").path

    @Test func scanFindsExactlyTheGroundTruth() throws {
        let ws = CLIRunner.temporaryWorkspace()
        defer { try? FileManager.default.removeItem(at: ws) }
        let cli = CLIRunner(workspace: ws)
        let initRun = try cli.run(["init", "--incident", "Example leak", "--organisation", "Example Pharmacy", "--aware-at", "2023-10-05"])
        #expect(initRun.status == 0, "\(initRun.stderr)")
        let attrs = try FileManager.default.attributesOfItem(atPath: ws.appendingPathComponent("master.key").path)
        #expect((attrs[.posixPermissions] as? NSNumber)?.intValue == 0o600)

        let scan = try cli.run(["scan", leak, "--quiet"])
        #expect(scan.status == 3, "one file of the sample is truncated on purpose: \(scan.stderr)")
        #expect(scan.stderr.contains("1 files failed"))

        let report = try JSONSerialization.jsonObject(with: Data(try cli.run(["report", "--format", "json"]).stdout.utf8)) as! [String: Any]
        #expect(report["persons"] as? Int == expected.persons)
        var elements: [String: Int] = [:]
        for e in report["elements"] as! [[String: Any]] { elements[e["element"] as! String] = e["persons"] as? Int }
        #expect(elements == expected.elements)
        let files = report["files"] as! [String: Any]
        #expect(files["total"] as? Int == expected.files.total)
        #expect(files["failed"] as? Int == expected.files.failed)
        #expect(files["skipped"] as? Int == expected.files.skipped)

        let status = try cli.run(["status"])
        #expect(status.stdout.contains("failed   export_truncated.json"))
        #expect(status.stdout.contains("skipped  scan.bin"))
        #expect(status.stdout.contains("binary"))

        // persons: one line per person, masked.
        let lines = try cli.run(["persons"]).stdout.split(separator: "\n")
        #expect(lines.count == expected.persons)
        let revealed = try cli.run(["persons", "--reveal"]).stdout
        let firstID = try firstIsikukood()
        #expect(revealed.contains("\"value\":\"\(firstID)\""))
        #expect(!lines.joined().contains(firstID))
        #expect(lines.joined().contains("\"value\":\"\(firstID.prefix(4))*****\(firstID.suffix(2))\""))

        // Re-scanning the same files adds nothing.
        let again = try cli.run(["scan", leak, "--quiet", "--format", "json"])
        let summary = try JSONSerialization.jsonObject(with: Data(again.stdout.utf8)) as! [String: Any]
        #expect(summary["unchanged"] as? Int == expected.files.total)
        #expect(try cli.run(["persons", "--reveal"]).stdout == revealed)
    }

    @Test func lookupCollapsesTwoLabReportsIntoOnePerson() throws {
        let ws = CLIRunner.temporaryWorkspace()
        defer { try? FileManager.default.removeItem(at: ws) }
        let cli = CLIRunner(workspace: ws)
        try cli.run(["scan", leak, "--quiet"])
        let report = try String(contentsOfFile: leak + "/lab/wynik_0001.txt", encoding: .utf8)
        let pesel = try #require(report.split(separator: "\n").first { $0.hasPrefix("PESEL: ") }).dropFirst(7)
        let out = try cli.run(["lookup", "--national-id", String(pesel), "--format", "json"])
        #expect(out.status == 0, "\(out.stderr)")
        let results = try JSONSerialization.jsonObject(with: Data(out.stdout.utf8)) as! [[String: Any]]
        #expect(results.count == 1)
        let person = results[0]["person"] as! [String: Any]
        #expect(person["documents"] as? [String] == ["lab/wynik_0001.txt", "lab/wynik_0002.txt"])
        #expect(person["elements"] as? [String] == ["national_id", "name", "postal_address", "date_of_birth", "lab_result"])
        #expect(person["language"] as? String == "pl")
        let occurrences = results[0]["occurrences"] as! [[String: Any]]
        #expect(occurrences.contains { $0["field"] as? String == "PESEL" && $0["line"] as? Int == 5 })
        // Unknown but valid value: not found, exit 0.
        let none = try cli.run(["lookup", "--email", "nobody@example.org"])
        #expect(none.status == 0 && none.stdout.contains("Not found"))
        // Invalid value: clear error, exit 1, value not echoed.
        let bad = try cli.run(["lookup", "--national-id", "12345"])
        #expect(bad.status == 1 && !bad.stderr.contains("12345"))
    }

    @Test func noPlantedValueAppearsInPlaintextInTheStoreOrOutput() throws {
        let ws = CLIRunner.temporaryWorkspace()
        defer { try? FileManager.default.removeItem(at: ws) }
        let cli = CLIRunner(workspace: ws)
        let scan = try cli.run(["scan", leak])  // not quiet: progress/log output is checked too
        let report = try cli.run(["report"])
        let status = try cli.run(["status", "--all"])
        let persons = try cli.run(["persons", "--format", "csv"])
        var planted = try plantedValues()
        #expect(planted.count > 300)
        planted.insert("Kati Kask")
        var haystacks: [(String, Data)] = [("stdout+stderr", Data((scan.stdout + scan.stderr + report.stdout + report.stderr + status.stdout + persons.stdout).utf8))]
        for file in try FileManager.default.contentsOfDirectory(atPath: ws.path) {
            haystacks.append((file, try Data(contentsOf: ws.appendingPathComponent(file))))
        }
        #expect(haystacks.contains { $0.0.hasSuffix(".sqlite-wal") || $0.0.hasSuffix(".sqlite") })
        for (name, data) in haystacks {
            for value in planted {
                #expect(data.range(of: Data(value.utf8)) == nil, "plaintext personal data in \(name)")
            }
        }
    }

    /// Identifiers, e-mails, phone numbers and names planted in the sample's customer export.
    func plantedValues() throws -> Set<String> {
        var out = Set<String>()
        let csv = try String(contentsOfFile: leak + "/customers.csv", encoding: .utf8)
        for line in csv.split(separator: "\r\n").dropFirst() {
            let cells = line.split(separator: ";", omittingEmptySubsequences: false).map(String.init)
            out.insert(cells[0])
            out.insert(cells[1] + " " + cells[2])
            if !cells[3].isEmpty { out.insert(cells[3].lowercased()) }
            if !cells[4].isEmpty { out.insert("+372" + cells[4].dropFirst(5).replacingOccurrences(of: " ", with: "")) }
            out.insert(cells[6])
        }
        return out
    }

    func firstIsikukood() throws -> String {
        let csv = try String(contentsOfFile: leak + "/customers.csv", encoding: .utf8)
        return String(csv.split(separator: "\r\n")[1].prefix(11))
    }
}
