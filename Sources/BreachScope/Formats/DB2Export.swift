import Foundation

/// A DB2 `EXPORT TO … OF DEL` file (`WYNIKI.del`) has no header: the command-line processor
/// script that made it (`export_wyniki.clp` beside it) names its columns in the export's
/// `SELECT` (`SELECT z.NR_ZLECENIA, p.PESEL, p.NAZWISKO, …`). With them the rows are read as a
/// table under that header (`CSVReader.presetHeader`), as a `bcp` file's are (`BCPFormat`).
public enum DB2Export {
    /// The columns of a `.del` file on disk, from a `.clp`, `.sql` or `.db2` script beside it
    /// whose `EXPORT TO` names the file; nil when there is none.
    public static func beside(_ path: String) -> [String]? {
        let url = URL(fileURLWithPath: path)
        guard url.pathExtension.lowercased() == "del" else { return nil }
        let file = url.lastPathComponent.lowercased()
        let dir = url.deletingLastPathComponent().path
        return ScriptsBeside.first(in: dir, extensions: ["clp", "sql", "db2"], maxBytes: 1 << 20) { columns(in: $0, for: file) }
    }

    /// The select list's column names of the script's export to `file` (its name, lower case):
    /// an alias's prefix (`p.`) dropped, an `AS` name used, quotes removed. Nil for fewer than two.
    static func columns(in script: String, for file: String) -> [String]? {
        let text = script.split(separator: "\n", omittingEmptySubsequences: false)
            .filter { !$0.trimmingCharacters(in: .whitespaces).hasPrefix("--") }.joined(separator: "\n")
        for statement in text.split(separator: ";") {
            let upper = statement.uppercased()
            guard let to = upper.range(of: "EXPORT TO ") else { continue }
            let target = upper[to.upperBound...].prefix { !$0.isWhitespace }
            let name = target.split(separator: "/").last.map { $0.split(separator: "\\").last ?? $0 }.map { $0.lowercased() } ?? ""
            guard name == file, upper[to.upperBound...].contains(" OF DEL"),
                  let select = upper.range(of: "SELECT ", range: to.upperBound..<upper.endIndex),
                  let from = upper.range(of: "FROM", range: select.upperBound..<upper.endIndex) else { continue }
            // (Upper-casing keeps the offsets of these ASCII statements.)
            let list = String(statement)[select.upperBound..<from.lowerBound]
            var items: [String] = [], depth = 0, current = ""
            for ch in list {
                if ch == "(" { depth += 1 } else if ch == ")" { depth -= 1 }
                if ch == "," && depth == 0 { items.append(current); current = "" } else { current.append(ch) }
            }
            items.append(current)
            let columns = items.map { item -> String in
                let words = item.split(whereSeparator: { $0.isWhitespace })
                var column = words.count >= 3 && words[words.count - 2].uppercased() == "AS" ? String(words.last!) : String(words.last ?? "")
                if let dot = column.lastIndex(of: ".") { column = String(column[column.index(after: dot)...]) }
                return column.trimmingCharacters(in: CharacterSet(charactersIn: "\"'`"))
            }
            guard columns.count >= 2, columns.allSatisfy({ !$0.isEmpty }) else { continue }
            return columns
        }
        return nil
    }
}
