/// One sheet of a spreadsheet as a table, handled exactly like a CSV table: the first non-empty
/// row is a header when `CSVReader.looksLikeHeader` says so (its cells name the columns and
/// `FieldClassifier` hints them), columns without a hint are classified from their values in
/// the first 64 rows (`ColumnSampler`), and each further row is a record whose `line` is the
/// spreadsheet row number. Columns without a header cell are `columnN` (N = 1 for column A).
///
/// Cells arrive row by row (`cell`, then `endRow`); the first rows are held until the header is
/// decided, the rest go straight to the visitor.
struct SpreadsheetTable {
    let classify: (String) -> FieldHint?
    /// Whether the first row was taken as a header (known after the first rows).
    private(set) var hasHeader = false
    /// Decides the header question instead of `CSVReader.looksLikeHeader` (HTML `<th>` rows).
    var forcedHeader: Bool?

    private var collecting = true
    private struct Row { var number: Int; var cells: [(Int, [UInt8])] }
    private var sample: [Row] = []
    private var sampleBytes = 0
    private var current: [(Int, [UInt8])] = []
    private var recordOpen = false
    private var totalsRow = false
    /// Declared column ids by column index (-1 = not declared yet).
    private var columnIDs: [Int] = []
    private var columnHints: [FieldHint] = []

    init(classify: @escaping (String) -> FieldHint? = { FieldClassifier.hint(forLabel: $0) }) {
        self.classify = classify
    }

    /// One non-empty cell of row `row` at column index `column` (A = 0).
    mutating func cell(_ value: UnsafeBufferPointer<UInt8>, column: Int, row: Int, visitor: inout some RecordVisitor) {
        if collecting {
            current.append((column, Array(value)))
            sampleBytes += value.count
            return
        }
        // A totals row under the table (`Kokku proove`, `Yhteensä`): no one's.
        if !recordOpen && CSVReader.isTotals(value) { totalsRow = true }
        if totalsRow { return }
        if !recordOpen { visitor.beginRecord(line: row, offset: 0); recordOpen = true }
        visitor.field(value, column: columnID(column, visitor: &visitor), line: row, offset: 0)
    }

    /// Row `row` ended.
    mutating func endRow(_ row: Int, visitor: inout some RecordVisitor) {
        if collecting {
            guard !current.isEmpty else { return }
            sample.append(Row(number: row, cells: current))
            current = []
            if sample.count >= CSVReader.headerSampleRows || sampleBytes >= CSVReader.headerSampleBytes {
                decideHeader(visitor: &visitor)
            }
        } else if recordOpen {
            visitor.endRecord()
            recordOpen = false
        }
        totalsRow = false
    }

    /// The sheet ended (call after the last `endRow`).
    mutating func finish(visitor: inout some RecordVisitor) {
        if collecting { decideHeader(visitor: &visitor) }
        if recordOpen { visitor.endRecord(); recordOpen = false }
    }

    private mutating func columnID(_ index: Int, visitor: inout some RecordVisitor) -> Int {
        while columnIDs.count <= index { columnIDs.append(-1) }
        if columnIDs[index] < 0 {
            columnIDs[index] = visitor.declareColumn(name: "column\(index + 1)", hint: index < columnHints.count ? columnHints[index] : .none)
        }
        return columnIDs[index]
    }

    /// A form laid out as a table of two columns, a label and its value per row (`PESEL` |
    /// `53090434204`, `Telefon` | `+48 …` in a referral): at most 32 rows, none wider than two
    /// cells, and at least half of the labels known ones, two at least.
    static func isForm(_ rows: [[(Int, [UInt8])]], classify: (String) -> FieldHint?) -> Bool {
        guard rows.count >= 2, rows.count <= 32, rows.allSatisfy({ $0.allSatisfy { $0.0 <= 1 } }) else { return false }
        let labelled = rows.filter { $0.count == 2 && $0[0].0 == 0 }
        let known = labelled.filter { classify(String(decoding: $0[0].1, as: UTF8.self)) != nil }.count
        return known >= 2 && known * 2 >= rows.count
    }

    /// A form table's rows as one record: each value under a column named by its label.
    private mutating func readForm(_ rows: [Row], visitor: inout some RecordVisitor) {
        var labels: [String: Int] = [:]
        visitor.beginRecord(line: rows[0].number, offset: 0)
        for row in rows {
            if row.cells.count == 2 {
                let name = String(decoding: row.cells[0].1, as: UTF8.self)
                let column = labels[name] ?? visitor.declareColumn(name: name, hint: classify(name) ?? .none)
                labels[name] = column
                row.cells[1].1.withUnsafeBufferPointer { visitor.field($0, column: column, line: row.number, offset: 0) }
            } else {
                for (_, value) in row.cells { value.withUnsafeBufferPointer { visitor.field($0, column: -1, line: row.number, offset: 0) } }
            }
        }
        // (The table ends with its rows: `finish` closes the record.)
        recordOpen = true
    }

    /// Decides about the header from the held rows, declares columns and replays the rows.
    private mutating func decideHeader(visitor: inout some RecordVisitor) {
        collecting = false
        var rows = sample
        sample = []
        for i in rows.indices { rows[i].cells.sort { $0.0 < $1.0 } }  // a no-op for well-formed sheets
        if forcedHeader != true && Self.isForm(rows.map(\.cells), classify: classify) {
            readForm(rows, visitor: &visitor)
            return
        }
        hasHeader = forcedHeader ?? CSVReader.looksLikeHeader(rows.map(\.cells), classify: classify)
        let first = hasHeader ? 1 : 0
        let sampled = CSVReader.sampledHints(rows.dropFirst(first).map(\.cells))
        columnHints = sampled.map { $0 ?? .none }
        if hasHeader, let header = rows.first {
            for (index, value) in header.cells {
                let name = String(decoding: value, as: UTF8.self)
                // A known header decides (`.none` too: a notes column); else the values.
                let hint: FieldHint = classify(name) ?? (index < sampled.count ? sampled[index] ?? .none : .none)
                while columnIDs.count <= index { columnIDs.append(-1) }
                if columnIDs[index] < 0 { columnIDs[index] = visitor.declareColumn(name: name, hint: hint) }
            }
        }
        for row in rows.dropFirst(first) {
            if let cell = row.cells.first, cell.1.withUnsafeBufferPointer({ CSVReader.isTotals($0) }) { continue }
            visitor.beginRecord(line: row.number, offset: 0)
            for (index, value) in row.cells {
                let column = columnID(index, visitor: &visitor)
                value.withUnsafeBufferPointer { visitor.field($0, column: column, line: row.number, offset: 0) }
            }
            visitor.endRecord()
        }
    }
}
