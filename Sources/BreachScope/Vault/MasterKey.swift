import Crypto
import Foundation

/// The workspace master key. It never enters the database: it lives in a key file (mode 0600)
/// beside the database or in the `BREACHSCOPE_KEY` environment variable (64 hex digits).
/// Losing it makes the store unreadable by design.
/// `@unchecked Sendable`: `SymmetricKey` is an immutable value that swift-crypto does not mark
/// `Sendable` yet.
public struct MasterKey: @unchecked Sendable {
    public static let environmentVariable = "BREACHSCOPE_KEY"
    public static let fileName = "master.key"

    let key: SymmetricKey

    public init(bytes: [UInt8]) throws {
        guard bytes.count == 32 else { throw VaultError.badKey("the master key must be 32 bytes (64 hex digits)") }
        key = SymmetricKey(data: bytes)
    }

    /// A fresh random key.
    public static func generate() -> MasterKey {
        try! MasterKey(bytes: SymmetricKey(size: .bits256).withUnsafeBytes { Array($0) })
    }

    /// Hex form (64 lower-case hex digits), as stored in the key file.
    public var hex: String { key.withUnsafeBytes { Hex.encode(Array($0)) } }

    public init(hex: String) throws {
        let trimmed = hex.trimmingCharacters(in: .whitespacesAndNewlines)
        guard let bytes = Hex.decode(trimmed) else {
            throw VaultError.badKey("the master key must be 64 hex digits")
        }
        try self.init(bytes: bytes)
    }

    /// Loads the key for a workspace: `BREACHSCOPE_KEY` when set, else `<workspace>/master.key`.
    /// With `create`, a missing key file is created with mode 0600.
    public static func load(workspace: URL, environment: [String: String] = ProcessInfo.processInfo.environment,
                            create: Bool) throws -> MasterKey {
        if let env = environment[environmentVariable], !env.isEmpty {
            return try MasterKey(hex: env)
        }
        let url = workspace.appendingPathComponent(fileName)
        if FileManager.default.fileExists(atPath: url.path) {
            let text = try String(contentsOf: url, encoding: .utf8)
            return try MasterKey(hex: text)
        }
        guard create else {
            throw VaultError.badKey("no key: set \(environmentVariable) or restore \(url.path)")
        }
        let key = generate()
        let fd = open(url.path, O_WRONLY | O_CREAT | O_EXCL, 0o600)
        guard fd >= 0 else { throw VaultError.badKey("cannot create key file \(url.path) (errno \(errno))") }
        defer { close(fd) }
        let line = Array((key.hex + "\n").utf8)
        guard line.withUnsafeBytes({ write(fd, $0.baseAddress, $0.count) }) == line.count else {
            throw VaultError.badKey("cannot write key file \(url.path)")
        }
        return key
    }
}

/// Errors about keys and sealed values. Messages never contain personal data.
public enum VaultError: Error, CustomStringConvertible, Sendable {
    case badKey(String)
    case cannotOpen
    public var description: String {
        switch self {
        case .badKey(let m): m
        case .cannotOpen: "a sealed value could not be opened: wrong key or damaged store"
        }
    }
}

/// Lower-case hex encoding.
public enum Hex {
    public static func encode(_ bytes: some Sequence<UInt8>) -> String {
        let digits = Array("0123456789abcdef".utf8)
        var out = [UInt8]()
        for b in bytes { out.append(digits[Int(b >> 4)]); out.append(digits[Int(b & 15)]) }
        return String(decoding: out, as: UTF8.self)
    }
    public static func decode(_ s: String) -> [UInt8]? {
        let u = Array(s.utf8)
        guard u.count % 2 == 0 else { return nil }
        var out = [UInt8](); out.reserveCapacity(u.count / 2)
        func nib(_ c: UInt8) -> UInt8? {
            switch c {
            case 0x30...0x39: c - 0x30
            case 0x61...0x66: c - 0x61 + 10
            case 0x41...0x46: c - 0x41 + 10
            default: nil
            }
        }
        var i = 0
        while i < u.count {
            guard let h = nib(u[i]), let l = nib(u[i + 1]) else { return nil }
            out.append(h << 4 | l); i += 2
        }
        return out
    }
}
