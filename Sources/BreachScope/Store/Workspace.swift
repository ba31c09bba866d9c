import Foundation

/// A workspace: a directory holding the SQLite store and (unless `BREACHSCOPE_KEY` is set) the
/// key file `master.key` with mode 0600.
public struct Workspace: Sendable {
    public static let defaultPath = "breachscope-data"
    public let url: URL
    public let store: Store
    public let vault: Vault

    /// Opens (or with `create`, creates) the workspace at `path`.
    public init(path: String, create: Bool, environment: [String: String] = ProcessInfo.processInfo.environment) throws {
        url = URL(fileURLWithPath: path)
        let dbExists = FileManager.default.fileExists(atPath: url.appendingPathComponent(Store.fileName).path)
        guard create || dbExists else {
            throw WorkspaceError.missing(path)
        }
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        let key = try MasterKey.load(workspace: url, environment: environment, create: create && !dbExists)
        vault = Vault(master: key)
        store = try Store(workspace: url)
        try store.checkKey(vault)
    }
}

/// Errors opening a workspace.
public enum WorkspaceError: Error, CustomStringConvertible {
    case missing(String)
    /// More distinct values than one workspace holds (`ValueHashMap.maxNumber`).
    case full(Int64)
    public var description: String {
        switch self {
        case .missing(let p): "no workspace at \(p): run `breachscope init` or `breachscope scan` first (or pass --workspace)"
        case .full(let n): "this workspace holds the most distinct values one workspace can (\(n)): scan the rest into another workspace"
        }
    }
}
