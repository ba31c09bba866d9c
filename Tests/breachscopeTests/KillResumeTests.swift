import Foundation
import Testing

/// A scan killed with SIGKILL at any point and run again ends with exactly the same store
/// contents (persons, identifiers, elements, documents, counts) as an uninterrupted scan.
@Suite(.serialized) struct KillResumeTests {
    static let key = String(repeating: "5a", count: 32)

    /// A generated corpus (scripts/make-corpus.py, fictitious people) shared by the tests.
    static let corpus = CLIRunner.generatedData("corpus-kill", script: "scripts/make-corpus.py",
                                                arguments: ["dense", "--persons", "30000", "--seed", "11"])

    func snapshot(_ cli: CLIRunner) throws -> (persons: String, report: String) {
        let persons = try cli.run(["persons", "--reveal"]).stdout
        var report = try JSONSerialization.jsonObject(with: Data(try cli.run(["report", "--format", "json"]).stdout.utf8)) as! [String: Any]
        report["documents"] = (report["documents"] as! [[String: Any]]).map { d -> [String: Any] in
            var d = d; d.removeValue(forKey: "scanned_at"); return d
        }
        let data = try JSONSerialization.data(withJSONObject: report, options: [.sortedKeys])
        return (persons, String(decoding: data, as: UTF8.self))
    }

    @Test func killedScansResumeToTheSameStore() throws {
        try killAndResume(Self.corpus.path, delays: [150, 500, 1200], persons: 30000)
    }

    /// The corpus's one 2.6 MB file read in parts of 1 MiB by both workers, killed while parts
    /// are read: the resumed store equals one scan reading it whole.
    @Test func killedScansReadingInPartsResumeToTheSameStore() throws {
        try killAndResume(Self.corpus.path, delays: [100, 250, 600], persons: 30000, extra: ["--part-mb", "1", "--threads", "2"])
    }

    /// The same corpus as a ZIP and a `.tar.gz` (members extracted one at a time into the
    /// temporary area): a kill mid-archive resumes to the same store, and the temporary area of the
    /// killed process is cleaned up by the next scan.
    @Test func killedScansInsideArchivesResumeToTheSameStore() throws {
        let dir = try CLIRunner.temporaryDirectory("kill-archives")
        defer { try? FileManager.default.removeItem(at: dir) }
        func run(_ tool: String, _ args: [String], cwd: URL) throws {
            let p = Process()
            p.executableURL = URL(fileURLWithPath: "/usr/bin/env")
            p.arguments = [tool] + args
            p.currentDirectoryURL = cwd
            p.standardOutput = FileHandle.nullDevice
            try p.run(); p.waitUntilExit()
            precondition(p.terminationStatus == 0, "\(tool) failed")
        }
        try FileManager.default.createDirectory(at: dir.appendingPathComponent("leak"), withIntermediateDirectories: true)
        let files = try FileManager.default.contentsOfDirectory(atPath: Self.corpus.path).filter { $0 != ".done" }.sorted()
        try run("zip", ["-q", dir.appendingPathComponent("leak/corpus.zip").path] + files, cwd: Self.corpus)
        try run("tar", ["czf", dir.appendingPathComponent("leak/corpus.tar.gz").path] + files, cwd: Self.corpus)
        try killAndResume(dir.appendingPathComponent("leak").path, delays: [400, 1500], persons: 30000)
    }

    /// Scans `corpus` whole once, then kills scans with `extra` arguments after each delay (twice)
    /// and resumes them; every resumed store must equal the whole one.
    func killAndResume(_ corpus: String, delays: [Int], persons: Int, extra: [String] = []) throws {
        let reference = CLIRunner(workspace: CLIRunner.temporaryWorkspace(), environment: ["BREACHSCOPE_KEY": Self.key])
        defer { try? FileManager.default.removeItem(at: reference.workspace) }
        let done = try reference.run(["scan", corpus, "--quiet"])
        #expect(done.status == 0, "\(done.stderr)")
        let expected = try snapshot(reference)
        #expect(expected.persons.split(separator: "\n").count == persons)

        var killedAtLeastOnce = false
        for delayMs in delays {
            let cli = CLIRunner(workspace: CLIRunner.temporaryWorkspace(), environment: ["BREACHSCOPE_KEY": Self.key])
            defer { try? FileManager.default.removeItem(at: cli.workspace) }
            // Kill twice at the same delay: during the first run, and during the resumed one.
            for _ in 0..<2 {
                let p = Process()
                p.executableURL = CLIRunner.binary
                p.arguments = ["scan", corpus, "--quiet", "--workspace", cli.workspace.path] + extra
                p.environment = ["BREACHSCOPE_KEY": Self.key, "PATH": "/usr/bin:/bin"]
                p.standardOutput = FileHandle.nullDevice
                p.standardError = FileHandle.nullDevice
                try p.run()
                usleep(useconds_t(delayMs * 1000))
                kill(p.processIdentifier, SIGKILL)
                p.waitUntilExit()
                if p.terminationReason == .uncaughtSignal { killedAtLeastOnce = true }
            }
            let resumed = try cli.run(["scan", corpus, "--quiet"] + extra)
            #expect(resumed.status == 0, "\(resumed.stderr)")
            let got = try snapshot(cli)
            #expect(got.persons == expected.persons, "persons differ after kill at \(delayMs) ms")
            #expect(got.report == expected.report, "report differs after kill at \(delayMs) ms")
        }
        #expect(killedAtLeastOnce)
    }
}
