import Foundation
import ZIPFoundation

/// Builds archives for tests: ZIP files through ZIPFoundation (any member names, including
/// hostile ones such as `../../evil.csv`), tar and gzip files through the `tar` and `gzip`
/// commands, encrypted ZIPs through the `zip` command when it is installed. Synthetic data only.
public enum ArchiveFixture {
    /// Writes a ZIP file at `url` with the given members (deflated unless `stored`).
    public static func zip(_ url: URL, _ members: [(String, [UInt8])], stored: Bool = false) throws {
        try? FileManager.default.removeItem(at: url)
        let archive = try Archive(url: url, accessMode: .create)
        for (path, bytes) in members {
            let data = Data(bytes)
            try archive.addEntry(with: path, type: .file, uncompressedSize: Int64(data.count),
                                 compressionMethod: stored ? .none : .deflate) { position, size in
                data.subdata(in: Int(position)..<Int(position) + size)
            }
        }
    }

    /// Writes the given files under a fresh directory and runs `tar` there to make `url`
    /// (`gzip: true` → `.tar.gz`). `links` adds symbolic links (name → target).
    public static func tar(_ url: URL, _ members: [(String, [UInt8])], links: [(String, String)] = [], gzip: Bool) throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("bs-tarsrc-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: dir) }
        var names: [String] = []
        for (path, bytes) in members {
            let file = dir.appendingPathComponent(path)
            try FileManager.default.createDirectory(at: file.deletingLastPathComponent(), withIntermediateDirectories: true)
            try Data(bytes).write(to: file)
            names.append(path)
        }
        for (name, target) in links {
            try FileManager.default.createSymbolicLink(atPath: dir.appendingPathComponent(name).path, withDestinationPath: target)
            names.append(name)
        }
        try run("tar", ["-c" + (gzip ? "z" : "") + "f", url.path, "-C", dir.path] + names)
    }

    /// Gzips `bytes` into `url` with the `gzip` command.
    public static func gzip(_ url: URL, _ bytes: [UInt8]) throws {
        let plain = url.deletingPathExtension()
        try Data(bytes).write(to: plain)
        try run("gzip", ["-f", "-n", plain.path])
    }

    /// Whether the `zip` command is installed (for encrypted fixtures).
    public static var hasZipCommand: Bool { (try? run("zip", ["-v"])) != nil }

    /// An encrypted (ZipCrypto) ZIP made with `zip -P`.
    public static func encryptedZip(_ url: URL, name: String, _ bytes: [UInt8], password: String = "pw") throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("bs-zipsrc-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: dir) }
        try Data(bytes).write(to: dir.appendingPathComponent(name))
        try? FileManager.default.removeItem(at: url)
        try run("zip", ["-q", "-P", password, url.path, name], cwd: dir)
    }

    /// Runs a command; returns its standard output lines; throws when it fails.
    @discardableResult
    public static func run(_ tool: String, _ args: [String], cwd: URL? = nil) throws -> [String] {
        let p = Process()
        p.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        p.arguments = [tool] + args
        if let cwd { p.currentDirectoryURL = cwd }
        let out = Pipe()
        p.standardOutput = out
        p.standardError = FileHandle.nullDevice
        try p.run()
        let data = out.fileHandleForReading.readDataToEndOfFile()
        p.waitUntilExit()
        guard p.terminationStatus == 0 else { throw CocoaError(.executableLoad) }
        return String(decoding: data, as: UTF8.self).split(separator: "\n").map(String.init)
    }
}
