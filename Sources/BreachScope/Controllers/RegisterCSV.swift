/// A small CSV reader for register files (a few columns, read once): RFC 4180 quotes, the
/// delimiter sniffed from the header line (`,` `;` tab), a UTF-8 BOM skipped, CRLF or LF.
/// Each row carries the line it starts on (1 = header).
struct RegisterCSV {
    struct Row { var line: Int; var fields: [[UInt8]] }

    let header: [String]
    let rows: [Row]

    init(_ data: [UInt8]) {
        var start = 0
        if data.count >= 3 && data[0] == 0xEF && data[1] == 0xBB && data[2] == 0xBF { start = 3 }
        let delimiter = Self.sniff(data, from: start)
        var all: [Row] = []
        var fields: [[UInt8]] = []
        var field: [UInt8] = []
        var line = 1, rowLine = 1
        var inQuotes = false, quoted = false
        var i = start
        let n = data.count
        func endRow() {
            fields.append(field)
            field = []
            // Blank lines are not rows.
            if !(fields.count == 1 && fields[0].isEmpty && !quoted) { all.append(Row(line: rowLine, fields: fields)) }
            fields = []
            quoted = false
        }
        while i < n {
            let b = data[i]
            if inQuotes {
                if b == 0x22 {
                    if i + 1 < n && data[i + 1] == 0x22 { field.append(0x22); i += 2; continue }
                    inQuotes = false
                } else {
                    if b == 0x0A { line += 1 }
                    field.append(b)
                }
                i += 1
                continue
            }
            switch b {
            case 0x22 where field.allSatisfy({ $0 == 0x20 }):
                field.removeAll()
                inQuotes = true
                quoted = true
            case delimiter:
                fields.append(field)
                field = []
            case 0x0D where i + 1 < n && data[i + 1] == 0x0A:
                break
            case 0x0A, 0x0D:
                endRow()
                line += 1
                rowLine = line
            default:
                field.append(b)
            }
            i += 1
        }
        if !field.isEmpty || !fields.isEmpty || quoted { endRow() }
        header = all.first.map { $0.fields.map { String(decoding: $0, as: UTF8.self) } } ?? []
        rows = Array(all.dropFirst())
    }

    /// The delimiter most frequent outside quotes on the first line (ties: `,` then `;` then tab).
    static func sniff(_ data: [UInt8], from start: Int) -> UInt8 {
        let candidates: [UInt8] = [0x2C, 0x3B, 0x09]
        var counts = [0, 0, 0]
        var inQuotes = false
        var i = start
        while i < data.count {
            let b = data[i]
            if b == 0x22 { inQuotes.toggle() } else if !inQuotes {
                if b == 0x0A || b == 0x0D { break }
                if let k = candidates.firstIndex(of: b) { counts[k] += 1 }
            }
            i += 1
        }
        var best = 0
        for k in 1..<3 where counts[k] > counts[best] { best = k }
        return candidates[best]
    }
}
