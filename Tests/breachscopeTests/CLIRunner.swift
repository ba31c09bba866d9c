import Foundation

/// Runs the built `breachscope` binary, as a user would.
struct CLIRunner {
    struct Result {
        var status: Int32
        var stdout: String
        var stderr: String
    }

    static let binary: URL = {
        // Tests run from the package's build directory, next to the executable.
        let here = URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent()
        for dir in [here, here.deletingLastPathComponent(), here.deletingLastPathComponent().deletingLastPathComponent()] {
            let candidate = dir.appendingPathComponent("breachscope")
            if FileManager.default.isExecutableFile(atPath: candidate.path) { return candidate }
        }
        let root = packageRoot
        for config in ["debug", "release"] {
            let candidate = root.appendingPathComponent(".build/\(config)/breachscope")
            if FileManager.default.isExecutableFile(atPath: candidate.path) { return candidate }
        }
        fatalError("breachscope binary not found; run `swift build` first")
    }()

    static let packageRoot = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    static let examples = packageRoot.appendingPathComponent("Examples")

    var workspace: URL
    var environment: [String: String] = [:]

    @discardableResult
    func run(_ args: [String], cwd: URL? = nil) throws -> Result {
        let p = Process()
        p.executableURL = CLIRunner.binary
        p.arguments = args + ["--workspace", workspace.path]
        var env = ProcessInfo.processInfo.environment
        env.removeValue(forKey: "BREACHSCOPE_KEY")
        for (k, v) in environment { env[k] = v }
        p.environment = env
        if let cwd { p.currentDirectoryURL = cwd }
        let out = Pipe(), err = Pipe()
        p.standardOutput = out
        p.standardError = err
        try p.run()
        // Read both pipes concurrently with the process so large outputs never block it.
        nonisolated(unsafe) var errData = Data()
        let errReader = Thread { errData = err.fileHandleForReading.readDataToEndOfFile() }
        errReader.start()
        let outData = out.fileHandleForReading.readDataToEndOfFile()
        p.waitUntilExit()
        while !errReader.isFinished { usleep(1000) }
        return Result(status: p.terminationStatus, stdout: String(decoding: outData, as: UTF8.self), stderr: String(decoding: errData, as: UTF8.self))
    }

    /// A fresh, existing temporary directory for test files (the caller removes it).
    static func temporaryDirectory(_ prefix: String) throws -> URL {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("bs-\(prefix)-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        return dir
    }

    /// A directory for data generated once per test process by `script` (cached by the process
    /// id and the script's content, so a reused pid never finds data of an older generator).
    static func generatedDataDirectory(_ prefix: String, script: String) -> URL {
        var h: UInt64 = 0xcbf29ce484222325
        for file in [script, "scripts/synthetic.py"] {   // the generators share synthetic.py
            for b in (try? Data(contentsOf: packageRoot.appendingPathComponent(file))) ?? Data() { h = (h ^ UInt64(b)) &* 0x100000001b3 }
        }
        return FileManager.default.temporaryDirectory.appendingPathComponent("bs-\(prefix)-\(getpid())-\(String(h, radix: 16))")
    }

    static func temporaryWorkspace() -> URL {
        FileManager.default.temporaryDirectory.appendingPathComponent("bs-e2e-\(UUID().uuidString)")
    }
}
