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

    /// Decides about the header from the held rows, declares columns and replays the rows.
    private mutating func decideHeader(visitor: inout some RecordVisitor) {
        collecting = false
        var rows = sample
        sample = []
        for i in rows.indices { rows[i].cells.sort { $0.0 < $1.0 } }  // a no-op for well-formed sheets
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
            visitor.beginRecord(line: row.number, offset: 0)
            for (index, value) in row.cells {
                let column = columnID(index, visitor: &visitor)
                value.withUnsafeBufferPointer { visitor.field($0, column: column, line: row.number, offset: 0) }
            }
            visitor.endRecord()
        }
    }
}
