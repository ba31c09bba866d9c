import BreachScopeTesting
import Foundation
import Testing

/// Archives end to end: a ZIP holding a CSV, a nested `.tar.gz` and a `../../evil.csv` member,
/// an encrypted ZIP and a zip bomb. Every member is a document (`leak.zip!/customers.csv`), the
/// count equals the files on disk plus the members `zipinfo -1` / `tar tf` list, persons inside
/// are found under those names, nothing is written outside the temporary area and that area is
/// gone after the scan; a re-scan leaves everything unchanged.
@Suite struct ArchiveScanTests {
    static func pesel(seed: UInt64) -> String {
        var rng = SeededRNG(seed: seed)
        return Synthetic.nationalID(.plPesel, using: &rng)
    }

    @Test func membersAreDocumentsAndPersonsInsideAreFound() throws {
        let root = try CLIRunner.temporaryDirectory("archive-e2e")
        defer { try? FileManager.default.removeItem(at: root) }
        let dir = root.appendingPathComponent("a/b/leak")
        let tmp = root.appendingPathComponent("tmp")
        let build = root.appendingPathComponent("build")
        for d in [dir, tmp, build] { try FileManager.default.createDirectory(at: d, withIntermediateDirectories: true) }

        let customer = Self.pesel(seed: 301), patient = Self.pesel(seed: 302)
        let nested = build.appendingPathComponent("nested.tar.gz")
        try ArchiveFixture.tar(nested, [("dir/patients.ndjson", Array("{\"name\":\"Ewa Testowa\",\"pesel\":\"\(patient)\"}\n".utf8))], gzip: true)
        let leak = dir.appendingPathComponent("leak.zip")
        try ArchiveFixture.zip(leak, [
            ("customers.csv", Array("name,pesel\nJan Przykładowy,\(customer)\n".utf8)),
            ("nested.tar.gz", Array(try Data(contentsOf: nested))),
            ("../../evil.csv", Array("name,pesel\nZofia Testowa,\(Self.pesel(seed: 303))\n".utf8)),
        ])
        try ArchiveFixture.zip(dir.appendingPathComponent("bomb.zip"), [("zeros.csv", [UInt8](repeating: 0x30, count: 8 << 20))])
        let encrypted = ArchiveFixture.hasZipCommand
        if encrypted {
            try ArchiveFixture.encryptedZip(dir.appendingPathComponent("secret.zip"), name: "secret.csv",
                                            Array("pesel\n\(Self.pesel(seed: 304))\n".utf8))
        }

        var cli = CLIRunner(workspace: CLIRunner.temporaryWorkspace())
        cli.environment["TMPDIR"] = tmp.path
        defer { try? FileManager.default.removeItem(at: cli.workspace) }
        let scan = try cli.run(["scan", dir.path, "--quiet", "--max-ratio", "50"])
        #expect(scan.status == 3, "the zip bomb fails: \(scan.stderr)")
        #expect(try FileManager.default.contentsOfDirectory(atPath: tmp.path).isEmpty, "temporary area removed")
        let evil = try FileManager.default.subpathsOfDirectory(atPath: root.path).filter { $0.hasSuffix("evil.csv") }
        #expect(evil.isEmpty, "\(evil)")

        // The expected documents: files on disk plus the members zipinfo / tar list (no directories).
        let zipMembers = try ArchiveFixture.run("zipinfo", ["-1", leak.path]).filter { !$0.hasSuffix("/") }
        let tarMembers = try ArchiveFixture.run("tar", ["tzf", nested.path]).filter { !$0.hasSuffix("/") }
        var expected = ["leak.zip", "bomb.zip", "bomb.zip!/zeros.csv"] + zipMembers.map { "leak.zip!/" + $0 }
            + tarMembers.map { "leak.zip!/nested.tar.gz!/" + $0 }
        if encrypted { expected += ["secret.zip", "secret.zip!/secret.csv"] }

        let json = try cli.run(["status", "--all", "--format", "json"]).stdout
        let status = try JSONSerialization.jsonObject(with: Data(json.utf8)) as! [String: Any]
        let docs = status["documents"] as! [[String: Any]]
        var outcome: [String: (String, String?)] = [:]
        for d in docs { outcome[d["document"] as! String] = (d["status"] as! String, d["reason"] as? String) }
        #expect(Set(outcome.keys) == Set(expected), "\(outcome.keys.sorted())")
        #expect(docs.count == expected.count)
        #expect((status["files"] as! [String: Any])["total"] as? Int == expected.count)
        #expect(outcome["leak.zip"]?.0 == "scanned")
        #expect(outcome["leak.zip!/customers.csv"]?.0 == "scanned")
        #expect(outcome["leak.zip!/nested.tar.gz"]?.0 == "scanned")
        #expect(outcome["leak.zip!/nested.tar.gz!/dir/patients.ndjson"]?.0 == "scanned")
        #expect(outcome["leak.zip!/../../evil.csv"]?.0 == "scanned")
        #expect(outcome["bomb.zip!/zeros.csv"]?.0 == "failed")
        #expect(outcome["bomb.zip!/zeros.csv"]?.1?.hasPrefix("zip bomb: ratio ") == true, "\(String(describing: outcome["bomb.zip!/zeros.csv"]))")
        if encrypted {
            #expect(outcome["secret.zip!/secret.csv"]?.0 == "skipped")
            #expect(outcome["secret.zip!/secret.csv"]?.1 == "encrypted, not scanned")
        }
        let text = try cli.run(["status", "--all"]).stdout
        #expect(text.contains("scanned  leak.zip  [archive, zip, 3 members]"), "\(text)")
        #expect(text.contains("scanned  leak.zip!/nested.tar.gz  [archive, tar.gz, 1 member]"), "\(text)")

        let lookupCustomer = try cli.run(["lookup", "--national-id", customer]).stdout
        #expect(lookupCustomer.contains("leak.zip!/customers.csv"), "\(lookupCustomer)")
        let lookupPatient = try cli.run(["lookup", "--national-id", patient]).stdout
        #expect(lookupPatient.contains("leak.zip!/nested.tar.gz!/dir/patients.ndjson"), "\(lookupPatient)")

        // Re-scanning: archives are unchanged, not re-expanded; their members stay.
        let again = try cli.run(["scan", dir.path, "--quiet", "--format", "json", "--max-ratio", "50"])
        let summary = try JSONSerialization.jsonObject(with: Data(again.stdout.utf8)) as! [String: Any]
        #expect(summary["scanned"] as? Int == 0, "\(again.stdout)")
        #expect(summary["unchanged"] as? Int == (encrypted ? 3 : 2))
        let after = try JSONSerialization.jsonObject(with: Data(try cli.run(["status", "--all", "--format", "json"]).stdout.utf8)) as! [String: Any]
        #expect((after["documents"] as! [[String: Any]]).count == expected.count)
        #expect(try FileManager.default.contentsOfDirectory(atPath: tmp.path).isEmpty)
    }
}
