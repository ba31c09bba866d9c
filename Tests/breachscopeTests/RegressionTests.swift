import Foundation
import Testing

/// Bugs found on the way, each pinned by the test named after it.
@Suite struct RegressionTests {
    /// A log without blank lines is one text block; once split line by line it crossed the
    /// writer's slice size (10,000 records) and referenced values of a slice already sent: the
    /// writer trapped on an index out of range.
    @Test func longLogBlockSplitAcrossWriterSlicesDoesNotCrash() throws {
        let dir = try CLIRunner.temporaryDirectory("longlog")
        defer { try? FileManager.default.removeItem(at: dir) }
        var log = ""
        for i in 0..<25_000 { log += "2023-05-12T10:00:00Z INFO mail sent to user\(i)@example.com\n" }
        try Data(log.utf8).write(to: dir.appendingPathComponent("app.log"))
        let cli = CLIRunner(workspace: CLIRunner.temporaryWorkspace())
        defer { try? FileManager.default.removeItem(at: cli.workspace) }
        let scan = try cli.run(["scan", dir.path, "--quiet"])
        #expect(scan.status == 0, "\(scan.stderr)")
        let report = try JSONSerialization.jsonObject(with: Data(try cli.run(["report", "--format", "json"]).stdout.utf8)) as! [String: Any]
        #expect(report["persons"] as? Int == 25_000)
    }

    /// `Name <address>` gave the address but lost the name, and a list line
    /// `To: Kati Kask <kati@…>, Jaan Tamm <jaan@…>` made one person of two.
    @Test func displayNamesAndAddressListsAreSplitPerPerson() throws {
        let dir = try CLIRunner.temporaryDirectory("names")
        defer { try? FileManager.default.removeItem(at: dir) }
        try Data("Recipient,note\nJohn Smith <john.smith77@example.com>,ok\n\"Mari Maasikas\" <mari@example.ee>,x\n".utf8)
            .write(to: dir.appendingPathComponent("a.csv"))
        try Data("To: Kati Kask <kati@example.ee>, Jaan Tamm <jaan@example.ee>\nContact us at info@example.com\n".utf8)
            .write(to: dir.appendingPathComponent("b.txt"))
        let cli = CLIRunner(workspace: CLIRunner.temporaryWorkspace())
        defer { try? FileManager.default.removeItem(at: cli.workspace) }
        #expect(try cli.run(["scan", dir.path, "--quiet"]).status == 0)
        let lines = try cli.run(["persons", "--reveal"]).stdout.split(separator: "\n")
        #expect(lines.count == 5)
        for (name, mail) in [("John Smith", "john.smith77@example.com"), ("Mari Maasikas", "mari@example.ee"),
                             ("Kati Kask", "kati@example.ee"), ("Jaan Tamm", "jaan@example.ee")] {
            #expect(lines.contains { $0.contains("\"name\":\"\(name)\"") && $0.contains("\"value\":\"\(mail)\"") }, "\(name)")
        }
        #expect(lines.contains { $0.contains("info@example.com") && !$0.contains("\"name\"") })
    }
}
