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
}
