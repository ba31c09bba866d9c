import Foundation
import Testing

/// The binary's help and exit codes, as documented in its help and the README.
@Suite struct CLITests {
    @Test func helpListsTheWorkflowAndExitCodes() throws {
        let cli = CLIRunner(workspace: CLIRunner.temporaryWorkspace())
        let help = try cli.run(["--help"])
        #expect(help.status == 0)
        for word in ["init", "scan", "status", "report", "persons", "lookup", "Exit codes: 0 ok; 3", "64 usage error"] {
            #expect(help.stdout.contains(word), "help lacks \(word)")
        }
        let scanHelp = try cli.run(["scan", "--help"])
        #expect(scanHelp.stdout.contains("--encoding") && scanHelp.stdout.contains("--batch") && scanHelp.stdout.contains("--quiet"))
    }

    /// `scan` starts itself again with glibc's malloc asking for transparent huge pages where the
    /// kernel gives them on request, and keeps a user's own setting of that tunable.
    @Test func scanAsksForHugePagesOnceAndKeepsTheUsersChoice() throws {
        let ws = CLIRunner.temporaryWorkspace()
        defer { try? FileManager.default.removeItem(at: ws) }
        let leak = try CLIRunner.temporaryDirectory("thp")
        defer { try? FileManager.default.removeItem(at: leak) }
        try Data("name,email\nMari Maasikas,mari.maasikas@example.ee\n".utf8).write(to: leak.appendingPathComponent("a.csv"))
        let mode = (try? String(contentsOfFile: "/sys/kernel/mm/transparent_hugepage/enabled", encoding: .utf8)) ?? ""
        var cli = CLIRunner(workspace: ws)
        cli.environment = ["BREACHSCOPE_TRACE": "1", "GLIBC_TUNABLES": "glibc.malloc.arena_max=4"]
        let first = try cli.run(["scan", leak.path, "--quiet"])
        #expect(first.status == 0, "\(first.stderr)")
        let lines = first.stderr.split(separator: "\n").filter { $0.hasPrefix("malloc tunables: ") }
        #expect(lines.count == 1, "one process reports, after the restart: \(lines)")
        if mode.contains("[madvise]") {
            #expect(lines.first == "malloc tunables: glibc.malloc.arena_max=4:glibc.malloc.hugetlb=1")
        } else {
            #expect(lines.first == "malloc tunables: glibc.malloc.arena_max=4")
        }
        cli.environment["GLIBC_TUNABLES"] = "glibc.malloc.hugetlb=0"
        let off = try cli.run(["scan", leak.path, "--quiet"])
        #expect(off.status == 0)
        #expect(off.stderr.contains("malloc tunables: glibc.malloc.hugetlb=0\n"))
        let report = try JSONSerialization.jsonObject(with: Data(try cli.run(["report", "--format", "json"]).stdout.utf8)) as? [String: Any]
        #expect(report?["persons"] as? Int == 1)
    }

    @Test func usageErrorsExit64AndRuntimeErrorsExit1() throws {
        let ws = CLIRunner.temporaryWorkspace()
        defer { try? FileManager.default.removeItem(at: ws) }
        let cli = CLIRunner(workspace: ws)
        #expect(try cli.run(["scan"]).status == 64)                                   // no path
        #expect(try cli.run(["scan", "/tmp", "--encoding", "klingon"]).status == 64)
        #expect(try cli.run(["persons", "--element", "shoe_size"]).status == 64)
        #expect(try cli.run(["lookup"]).status == 64)
        let missing = try cli.run(["report"])                                         // no workspace yet
        #expect(missing.status == 1)
        #expect(missing.stderr.contains("no workspace"))
        let noSuchPath = try cli.run(["scan", "/nonexistent/leak", "--quiet"])
        #expect(noSuchPath.status == 1)
        #expect(noSuchPath.stderr.contains("no such file or directory"))
    }

    @Test func aWrongKeyIsRefusedWithoutLeakingAnything() throws {
        let ws = CLIRunner.temporaryWorkspace()
        defer { try? FileManager.default.removeItem(at: ws) }
        let a = CLIRunner(workspace: ws, environment: ["BREACHSCOPE_KEY": String(repeating: "11", count: 32)])
        #expect(try a.run(["scan", CLIRunner.examples.appendingPathComponent("leak/lab").path, "--quiet"]).status == 0)
        let b = CLIRunner(workspace: ws, environment: ["BREACHSCOPE_KEY": String(repeating: "22", count: 32)])
        let wrong = try b.run(["persons", "--reveal"])
        #expect(wrong.status == 1)
        #expect(wrong.stderr.contains("different key"))
        #expect(wrong.stdout.isEmpty)
    }
}
