import Foundation

/// A file found by the `Walker`.
public struct WalkedFile: Sendable, Hashable {
    /// Absolute path (identity of the document across runs).
    public var path: String
    /// Display name: the path relative to the scanned root (`customers.csv`, `2023/lab/r1.txt`).
    public var name: String
    public var size: Int
    public var mtime: Double
    /// Set when the walker already knows the file cannot be scanned (symlink, special file,
    /// unreadable directory): the document is recorded as skipped or failed with this reason.
    public var problem: DocumentOutcome.Status?
    public var reason: String?
    /// Set on an archive expanded into member documents: the detail shown with its outcome
    /// (`zip, 3 members`). Its own document is finished after all its members.
    public var container: String? = nil
    /// Set on an archive member: where its bytes are (`ArchiveExpander.materialize` extracts
    /// them to the temporary area just before the member is scanned).
    public var member: ArchiveExpander.Source? = nil
}

/// Lists the files under the given roots, sorted, without following symbolic links.
/// Every entry it meets ends up in the list — problems included — so nothing is passed over
/// silently.
public enum Walker {
    public static func walk(_ roots: [String]) throws -> [WalkedFile] {
        var out: [WalkedFile] = []
        let fm = FileManager.default
        for root in roots {
            let rootURL = URL(fileURLWithPath: root).standardizedFileURL
            var isDir: ObjCBool = false
            guard fm.fileExists(atPath: rootURL.path, isDirectory: &isDir) else {
                throw WalkError.missing(root)
            }
            let prefix = roots.count > 1 ? rootURL.lastPathComponent + "/" : ""
            if !isDir.boolValue {
                out.append(entry(rootURL.path, name: roots.count > 1 ? rootURL.lastPathComponent : rootURL.lastPathComponent))
                continue
            }
            var stack = [rootURL.path]
            while let dir = stack.popLast() {
                let children: [String]
                do {
                    children = try fm.contentsOfDirectory(atPath: dir).sorted()
                } catch {
                    let rel = relative(dir, to: rootURL.path)
                    out.append(WalkedFile(path: dir, name: prefix + rel, size: 0, mtime: 0, problem: .failed,
                                          reason: "directory could not be listed"))
                    continue
                }
                var subdirs: [String] = []
                for c in children {
                    let p = dir + "/" + c
                    var st = stat()
                    guard lstat(p, &st) == 0 else {
                        out.append(WalkedFile(path: p, name: prefix + relative(p, to: rootURL.path), size: 0, mtime: 0,
                                              problem: .failed, reason: "cannot stat file (errno \(errno))"))
                        continue
                    }
                    if (st.st_mode & S_IFMT) == S_IFDIR { subdirs.append(p); continue }
                    out.append(entry(p, name: prefix + relative(p, to: rootURL.path)))
                }
                stack.append(contentsOf: subdirs.reversed())
            }
        }
        return out.sorted { $0.name < $1.name }
    }

    static func entry(_ path: String, name: String) -> WalkedFile {
        var st = stat()
        guard lstat(path, &st) == 0 else {
            return WalkedFile(path: path, name: name, size: 0, mtime: 0, problem: .failed, reason: "cannot stat file (errno \(errno))")
        }
        let mtime = Double(st.st_mtim.tv_sec) + Double(st.st_mtim.tv_nsec) / 1e9
        var f = WalkedFile(path: path, name: name, size: Int(st.st_size), mtime: mtime)
        switch st.st_mode & S_IFMT {
        case S_IFREG: break
        case S_IFLNK: f.problem = .skipped; f.reason = "symbolic link, not followed"
        default: f.problem = .skipped; f.reason = "not a regular file (device, socket or pipe)"
        }
        if f.problem == nil && access(path, R_OK) != 0 { f.problem = .failed; f.reason = "permission denied" }
        return f
    }

    static func relative(_ path: String, to root: String) -> String {
        if path == root { return URL(fileURLWithPath: path).lastPathComponent }
        return path.hasPrefix(root + "/") ? String(path.dropFirst(root.count + 1)) : path
    }
}

/// Errors finding the files to scan.
public enum WalkError: Error, CustomStringConvertible {
    case missing(String)
    public var description: String {
        switch self { case .missing(let p): "no such file or directory: \(p)" }
    }
}
