import Foundation

/// The scripts a database export keeps beside its data files (a DB2 export's `.clp`, an
/// Informix `dbexport`'s `.sql` schema), read to name the columns of a header-less file.
enum ScriptsBeside {
    /// The first answer `read` gives for the text of a file in `dir` whose extension is one of
    /// `extensions` (lower case), tried in name order; files over `maxBytes` are skipped.
    static func first<T>(in dir: String, extensions: Set<String>, maxBytes: Int, _ read: (String) -> T?) -> T? {
        guard let entries = try? FileManager.default.contentsOfDirectory(atPath: dir) else { return nil }
        for entry in entries.sorted() where extensions.contains(URL(fileURLWithPath: entry).pathExtension.lowercased()) {
            guard let data = FileManager.default.contents(atPath: dir + "/" + entry), data.count <= maxBytes else { continue }
            if let answer = read(String(decoding: data, as: UTF8.self)) { return answer }
        }
        return nil
    }
}
