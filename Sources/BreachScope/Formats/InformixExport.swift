import Foundation

/// An Informix `dbexport` directory (`LABDB.exp/`): the schema `LABDB.sql` and one unload file
/// per table (`pacje00100.unl`), rows of `|`-separated values with no header. The schema names
/// each file before its table (`{ unload file name = pacje00100.unl number of rows = 222 }`,
/// then `create table "informix".pacjent (id serial, pesel char(11), …)`), so the rows are read
/// as a table under those columns (`CSVReader.presetHeader`), as a DB2 export's are
/// (`DB2Export`). A table's `id` and another's `pacjent_id` hold one row key
/// (`SQLDumpReader.relationNamespace`), scoped to the export directory: a result row joins its
/// patient's row.
public enum InformixExport {
    /// The columns, the row-key namespaces and the delimiter of a `.unl` file on disk, from the
    /// `.sql` schema beside it; nil when there is none.
    public static func beside(_ path: String) -> (columns: [String], relations: [String?], delimiter: UInt8)? {
        let url = URL(fileURLWithPath: path)
        guard url.pathExtension.lowercased() == "unl" else { return nil }
        let file = url.lastPathComponent.lowercased()
        let dir = url.deletingLastPathComponent().path
        return ScriptsBeside.first(in: dir, extensions: ["sql"], maxBytes: 4 << 20) { schema in
            guard let tables = tables(in: schema), let table = tables.first(where: { $0.file == file }) else { return nil }
            let names = tables.map(\.name)
            let relations = table.columns.map { column in
                SQLDumpReader.relationNamespace(table: table.name, column: column, tables: names).map {
                    namespacePrefix + dir + ":" + $0.dropFirst(SQLDumpReader.relationPrefix.count)
                }
            }
            return (table.columns, relations, delimiter(in: schema))
        }
    }

    /// The namespace prefix of an export's row keys (followed by its directory): one export's
    /// `pacjent` 1004 is not another's.
    static let namespacePrefix = "dbexport:"

    /// The schema's delimiter (`{ DATABASE labdb  delimiter | }`), `|` by default.
    static func delimiter(in schema: String) -> UInt8 {
        guard let r = schema.range(of: "delimiter "), let c = schema[r.upperBound...].first(where: { $0 != " " }),
              let b = c.asciiValue, b != UInt8(ascii: "}") else { return UInt8(ascii: "|") }
        return b
    }

    /// The schema's tables with unload files: each `{ unload file name = X … }` and the
    /// `create table` after it (owner and quotes dropped), its column names in order (not its
    /// constraints). Nil when there are none.
    static func tables(in schema: String) -> [(file: String, name: String, columns: [String])]? {
        var out: [(file: String, name: String, columns: [String])] = []
        var rest = schema[...]
        while let unload = rest.range(of: "unload file name =") {
            let after = rest[unload.upperBound...].drop(while: { $0 == " " })
            let file = String(after.prefix { !$0.isWhitespace && $0 != "}" }).lowercased()
            guard let create = after.range(of: "create table", options: .caseInsensitive),
                  let open = after[create.upperBound...].firstIndex(of: "(") else { break }
            var name = after[create.upperBound..<open].trimmingCharacters(in: .whitespacesAndNewlines)
            if let dot = name.lastIndex(of: ".") { name = String(name[name.index(after: dot)...]) }
            name = name.trimmingCharacters(in: CharacterSet(charactersIn: "\"'`"))
            var depth = 0, current = "", items: [String] = []
            var end = after.endIndex
            for i in after[open...].indices {
                let ch = after[i]
                if ch == "(" { depth += 1; if depth == 1 { continue } }
                if ch == ")" { depth -= 1; if depth == 0 { end = i; break } }
                if ch == "," && depth == 1 { items.append(current); current = "" } else { current.append(ch) }
            }
            items.append(current)
            let columns = items.compactMap { item -> String? in
                let words = item.split(whereSeparator: { $0.isWhitespace })
                guard let first = words.first else { return nil }
                let word = first.lowercased()
                if ["primary", "unique", "check", "constraint", "foreign", "distinct"].contains(word) { return nil }
                return String(first).trimmingCharacters(in: CharacterSet(charactersIn: "\"'`"))
            }
            if !file.isEmpty && columns.count >= 2 { out.append((file, name, columns)) }
            rest = after[end...]
        }
        return out.isEmpty ? nil : out
    }
}
