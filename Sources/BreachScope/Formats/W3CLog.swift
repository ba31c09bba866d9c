/// W3C extended log files with comma-separated fields, as Exchange writes its message tracking
/// and protocol logs: `#` directives (`#Software:`, `#Version:`, `#Date:`) and the column names
/// on the `#Fields:` line, then one row per line with CSV quoting. Read as a table with those
/// columns (`CSVReader.presetHeader`): a `message-id` column is no one's address, a
/// `message-subject` text. (IIS's space-separated logs stay text, whose lines' query strings
/// `TextReader` decodes.)
enum W3CLog {
    /// The column names of a W3C log whose first line is a `#` directive and whose `#Fields:`
    /// line, within its first 16 lines, names three or more columns set apart by commas; nil
    /// for anything else.
    static func header(_ p: UnsafeBufferPointer<UInt8>) -> (delimiter: UInt8, fields: [String])? {
        guard p.count > 8, p[0] == UInt8(ascii: "#") else { return nil }
        var start = 0, lines = 0
        while start < p.count && lines < 16 && p[start] == UInt8(ascii: "#") {
            var end = start
            while end < p.count && p[end] != 0x0A { end += 1 }
            var e = end
            if e > start && p[e - 1] == 0x0D { e -= 1 }
            let line = UnsafeBufferPointer(rebasing: p[start..<e])
            if line.count > 9, line[0..<8].elementsEqual("#Fields:".utf8) {
                let rest = line[8...]
                let delimiter = UInt8(ascii: ",")
                let fields = rest.split(separator: delimiter).map { f in
                    String(decoding: f.drop(while: { $0 == 0x20 }).reversed().drop(while: { $0 == 0x20 }).reversed(), as: UTF8.self)
                }.filter { !$0.isEmpty }
                return fields.count >= 3 ? (delimiter, fields) : nil
            }
            start = end + 1
            lines += 1
        }
        return nil
    }
}
