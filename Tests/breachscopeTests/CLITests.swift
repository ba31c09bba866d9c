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
