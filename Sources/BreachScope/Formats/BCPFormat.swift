import Foundation

/// A SQL Server `bcp` format file beside a header-less data file (`export.dat` and `export.fmt`):
/// it names the data file's columns and gives its field terminator, so the rows are read as a
/// table with that header (`CSVReader.presetHeader`). Both forms are read:
/// - XML (`<BCPFORMAT>`): `<FIELD ID="1" TERMINATOR="|"/>` and `<COLUMN SOURCE="1" NAME="LAST_NAME"/>`;
/// - non-XML: a version line, a count line, then `1  SQLCHAR  0  12  "|"  1  PATIENT_NO  ""` per field.
public struct BCPFormat: Sendable, Equatable {
    /// Column names in the data file's field order.
    public var columns: [String]
    /// The field terminator (one byte; `\t` is a tab).
    public var delimiter: UInt8

    /// The format file's candidates for a data file: its stem with `.fmt`, `.xml` or `.format.xml`.
    static func candidates(for path: String) -> [String] {
        let stem = URL(fileURLWithPath: path).deletingPathExtension().path
        return [".fmt", ".FMT", ".xml", ".format.xml"].map { stem + $0 }
    }

    /// The format for a data file on disk (`.dat`, `.bcp`, `.txt`, `.csv` or no extension), when one
    /// stands beside it.
    public static func beside(_ path: String) -> BCPFormat? {
        let ext = URL(fileURLWithPath: path).pathExtension.lowercased()
        guard ["dat", "bcp", "txt", "csv", ""].contains(ext) else { return nil }
        for candidate in candidates(for: path) where candidate != path && FileManager.default.fileExists(atPath: candidate) {
            guard let data = FileManager.default.contents(atPath: candidate), data.count <= 1 << 20 else { continue }
            if let format = parse(Array(data)) { return format }
        }
        return nil
    }

    /// A format file's columns and terminator; nil when it is neither form, names fewer than two
    /// columns, or its terminator is not one byte.
    public static func parse(_ bytes: [UInt8]) -> BCPFormat? {
        let text = String(decoding: bytes, as: UTF8.self)
        return text.contains("<BCPFORMAT") ? xml(text) : plain(text)
    }

    static func xml(_ text: String) -> BCPFormat? {
        func attribute(_ name: String, in tag: Substring) -> String? {
            guard let r = tag.range(of: " " + name + "=\"") else { return nil }
            let rest = tag[r.upperBound...]
            guard let end = rest.firstIndex(of: "\"") else { return nil }
            return String(rest[..<end])
        }
        var terminators: [Int: String] = [:]
        var columns: [(Int, String)] = []
        for part in text.split(separator: "<").dropFirst() {
            let tag = part.prefix { $0 != ">" }
            if tag.hasPrefix("FIELD "), let id = attribute("ID", in: tag).flatMap(Int.init) {
                terminators[id] = attribute("TERMINATOR", in: tag)
            } else if tag.hasPrefix("COLUMN "), let source = attribute("SOURCE", in: tag).flatMap(Int.init),
                      let name = attribute("NAME", in: tag) {
                columns.append((source, name))
            }
        }
        columns.sort { $0.0 < $1.0 }
        // The terminator of the fields between columns (the last one ends the row).
        let between = columns.dropLast().compactMap { terminators[$0.0] }
        return make(columns.map(\.1), terminator: between.first)
    }

    static func plain(_ text: String) -> BCPFormat? {
        let lines = text.split(whereSeparator: \.isNewline).map { $0.trimmingCharacters(in: .whitespaces) }
        guard lines.count >= 4, Double(lines[0]) != nil, let count = Int(lines[1]), count >= 2, lines.count >= 2 + count else { return nil }
        var columns: [String] = []
        var terminator: String?
        for line in lines[2..<(2 + count)] {
            // `1  SQLCHAR  0  12  "|"  1  PATIENT_NO  ""`: the terminator is quoted, the name the 7th word.
            guard let open = line.firstIndex(of: "\""), let close = line[line.index(after: open)...].firstIndex(of: "\"") else { return nil }
            let after = line[line.index(after: close)...].split(separator: " ", omittingEmptySubsequences: true)
            guard after.count >= 2 else { return nil }
            if terminator == nil { terminator = String(line[line.index(after: open)..<close]) }
            columns.append(String(after[1]))
        }
        return make(columns, terminator: terminator)
    }

    static func make(_ columns: [String], terminator: String?) -> BCPFormat? {
        guard columns.count >= 2, let t = terminator else { return nil }
        let unescaped = t.replacingOccurrences(of: "\\t", with: "\t")
        guard unescaped.utf8.count == 1, let b = unescaped.utf8.first, b != 0x0A, b != 0x0D else { return nil }
        return BCPFormat(columns: columns, delimiter: b)
    }
}
