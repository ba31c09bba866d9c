/// The output side shared by the markup readers (`HTMLReader`, `RTFReader`): running text
/// becomes lines of an inner `TextReader` (so `Nimi: Mari Maasikas` is a labelled field and blank
/// lines separate records), tables become `SpreadsheetTable`s (header detection and column
/// classification exactly as for CSV).
///
/// - Text is fed to the `TextReader` as it arrives (nothing is held per line; long lines are cut
///   by the text reader), each record's `line` is the source line where its text started.
/// - Table rows are buffered until the row ends, so a nested table (read as a table of its own)
///   never interleaves its records with the outer row. The first row with two or more cells
///   decides the table's kind: a key/value table (first cell a `<th>` followed by data cells, or
///   a first cell ending in `:`) is read as labelled text lines (`label<TAB>value`), one record per
///   table; any other table is a grid. Rows with a single cell before that are title lines.
/// - A cell that holds several lines (paragraphs in a layout table) is read as text, not as a
///   cell value, streamed from its second line on (a page inside one `<td>` is never held).
///   One-line cells are capped at `maxFieldBytes` (a `.limit` error).
struct MarkupText {
    let limits: ReadLimits
    /// The source line of the input position; set by the reader.
    var sourceLine = 1
    /// Tables read (all levels).
    private(set) var tableCount = 0

    private var reader: TextReader
    private var staged: [UInt8] = []
    private var lineHasContent = false
    private var lineStart = 1
    private var tables: [Table] = []
    /// `beginTable` calls beyond the nesting cap (their structure is ignored).
    private var ignoredTables = 0
    static let maxTableNesting = 32
    private static let stageLimit = 64 * 1024

    private enum Mode { case undecided, grid, keyValue }

    private struct Table {
        var sheet = SpreadsheetTable()
        var mode = Mode.undecided
        var gridRows = 0
        var row: [(Int, [UInt8])] = []
        var rowHeaders: [Bool] = []
        var rowLine = 0
        var inRow = false
        var inCell = false
        /// The current cell turned out to be a layout cell: its text goes to the text reader.
        var streaming = false
        var cell: [UInt8] = []
        var cellIsHeader = false
        var column = -1
    }

    init(limits: ReadLimits) {
        self.limits = limits
        reader = TextReader(limits: limits)
    }

    /// True while text goes into a table cell.
    var inCell: Bool { tables.last?.inCell ?? false }

    /// Running text (already whitespace-normalised by the caller as it wishes).
    mutating func append(_ bytes: UnsafeBufferPointer<UInt8>, visitor: inout some RecordVisitor) throws(ReadError) {
        guard !bytes.isEmpty else { return }
        if let top = tables.indices.last, tables[top].inCell, !tables[top].streaming {
            if tables[top].cell.last == 0x0A {
                // A second line: the cell is a layout cell, read as text from here on.
                guard bytes.contains(where: { $0 != 0x20 && $0 != 0x09 }) else { return }
                try startStreaming(top, visitor: &visitor)
                try append(bytes, visitor: &visitor)
                return
            }
            if tables[top].cell.count + bytes.count > limits.maxFieldBytes {
                throw ReadError(.limit, "a table cell is longer than the limit of \(limits.maxFieldBytes) bytes")
            }
            if tables[top].cell.isEmpty {
                // Leading blanks of a cell are dropped.
                var a = 0
                while a < bytes.count && (bytes[a] == 0x20 || bytes[a] == 0x09) { a += 1 }
                tables[top].cell.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[a...]))
            } else {
                tables[top].cell.append(contentsOf: bytes)
            }
            return
        }
        if !lineHasContent {
            var a = 0
            while a < bytes.count && (bytes[a] == 0x20 || bytes[a] == 0x09) { a += 1 }
            guard a < bytes.count else { return }
            lineStart = sourceLine
            lineHasContent = true
            staged.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[a...]))
        } else {
            staged.append(contentsOf: bytes)
        }
        if staged.count >= Self.stageLimit { try flush(visitor: &visitor) }
    }

    /// Appends one byte of text.
    mutating func append(byte: UInt8, visitor: inout some RecordVisitor) throws(ReadError) {
        try withUnsafePointer(to: byte) { (p) throws(ReadError) in try append(UnsafeBufferPointer(start: p, count: 1), visitor: &visitor) }
    }

    /// Whether the current text line (or cell line) has content.
    var lineIsEmpty: Bool {
        if let t = tables.last, t.inCell, !t.streaming { return t.cell.isEmpty || t.cell.last == 0x0A }
        return !lineHasContent
    }

    /// Turns the current cell of table `top` into text: what it holds so far and all that
    /// follows until the cell ends go to the text reader (so a page-sized layout cell is streamed).
    private mutating func startStreaming(_ top: Int, visitor: inout some RecordVisitor) throws(ReadError) {
        var content: [UInt8] = []
        swap(&content, &tables[top].cell)
        tables[top].streaming = true
        try closeTextRecord(visitor: &visitor)
        let line = sourceLine
        sourceLine = tables[top].rowLine
        try content.withUnsafeBufferPointer { (p) throws(ReadError) in try append(p, visitor: &visitor) }
        sourceLine = line
        lineHasContent = false  // the content ends with its line break
        try flush(visitor: &visitor)
    }

    /// Ends the current line. A `hard` break (`<br>`, RTF `\par`) on an empty line is a blank
    /// line, which ends the text record; a soft one (block element boundaries) is dropped there.
    mutating func lineBreak(hard: Bool, visitor: inout some RecordVisitor) throws(ReadError) {
        if let top = tables.indices.last, tables[top].inCell, !tables[top].streaming {
            if !tables[top].cell.isEmpty && tables[top].cell.last != 0x0A {
                while tables[top].cell.last == 0x20 { tables[top].cell.removeLast() }
                tables[top].cell.append(0x0A)
            }
            return
        }
        guard lineHasContent || hard else { return }
        staged.append(0x0A)
        lineHasContent = false
        try flush(visitor: &visitor)
    }

    /// A forced line break (`<br>`, RTF `\line`): a space inside a one-line cell (so
    /// `<td>Tamme 5<br>Tartu</td>` stays one value), otherwise a hard line break.
    mutating func lineBreakOrCellSpace(visitor: inout some RecordVisitor) throws(ReadError) {
        if let top = tables.indices.last, tables[top].inCell, !tables[top].streaming {
            if let last = tables[top].cell.last, last != 0x20 && last != 0x0A { tables[top].cell.append(0x20) }
            return
        }
        try lineBreak(hard: true, visitor: &visitor)
    }

    /// Ends the current text record (a blank line).
    mutating func recordBreak(visitor: inout some RecordVisitor) throws(ReadError) {
        if let t = tables.last, t.inCell, !t.streaming { try lineBreak(hard: false, visitor: &visitor); return }
        try closeTextRecord(visitor: &visitor)
    }

    // MARK: Tables

    mutating func beginTable(visitor: inout some RecordVisitor) throws(ReadError) {
        if tables.count >= Self.maxTableNesting { ignoredTables += 1; return }
        if let t = tables.last, t.inCell, !t.streaming { try lineBreak(hard: false, visitor: &visitor) } else { try closeTextRecord(visitor: &visitor) }
        tables.append(Table())
        tableCount += 1
    }

    mutating func beginRow(visitor: inout some RecordVisitor) throws(ReadError) {
        guard let top = tables.indices.last, ignoredTables == 0 else { return }
        if tables[top].inRow { try endRow(visitor: &visitor) }
        tables[top].inRow = true
        tables[top].column = -1
        tables[top].rowLine = sourceLine
    }

    mutating func beginCell(header: Bool, visitor: inout some RecordVisitor) throws(ReadError) {
        guard let top = tables.indices.last, ignoredTables == 0 else { return }
        if tables[top].inCell { try endCell(visitor: &visitor) }
        if !tables[top].inRow { try beginRow(visitor: &visitor) }
        tables[top].inCell = true
        tables[top].streaming = false
        tables[top].column += 1
        tables[top].cell.clear()
        tables[top].cellIsHeader = header
    }

    mutating func endCell(visitor: inout some RecordVisitor) throws(ReadError) {
        guard let top = tables.indices.last, ignoredTables == 0, tables[top].inCell else { return }
        tables[top].inCell = false
        if tables[top].streaming {
            tables[top].streaming = false
            try closeTextRecord(visitor: &visitor)
            return
        }
        var value = tables[top].cell
        tables[top].cell.clear()
        while let last = value.last, last == 0x20 || last == 0x0A || last == 0x09 || last == 0x0D { value.removeLast() }
        guard !value.isEmpty else { return }
        if value.contains(0x0A) {
            // Several lines: a layout cell, read as text.
            try closeTextRecord(visitor: &visitor)
            let line = sourceLine
            sourceLine = tables[top].rowLine
            try value.withUnsafeBufferPointer { (p) throws(ReadError) in try append(p, visitor: &visitor) }
            sourceLine = line
            try closeTextRecord(visitor: &visitor)
            return
        }
        for k in value.indices where value[k] == 0x09 { value[k] = 0x20 }
        tables[top].row.append((tables[top].column, value))
        tables[top].rowHeaders.append(tables[top].cellIsHeader)
    }

    mutating func endRow(visitor: inout some RecordVisitor) throws(ReadError) {
        guard let top = tables.indices.last, ignoredTables == 0, tables[top].inRow else { return }
        if tables[top].inCell { try endCell(visitor: &visitor) }
        tables[top].inRow = false
        let row = tables[top].row, headers = tables[top].rowHeaders
        tables[top].row.clear()
        tables[top].rowHeaders.clear()
        guard !row.isEmpty else { return }
        let rowLine = tables[top].rowLine
        if tables[top].mode == .undecided {
            if row.count == 1 {
                try textLine(row, line: rowLine, visitor: &visitor)
                return
            }
            let labelled = (headers[0] && !headers.dropFirst().allSatisfy { $0 }) || row[0].1.last == UInt8(ascii: ":")
            tables[top].mode = labelled ? .keyValue : .grid
            if labelled { try closeTextRecord(visitor: &visitor) }
            else if headers.allSatisfy({ $0 }) { tables[top].sheet.forcedHeader = true }
        }
        switch tables[top].mode {
        case .keyValue:
            try textLine(row, line: rowLine, visitor: &visitor)
        case .grid, .undecided:
            try closeTextRecord(visitor: &visitor)
            for (column, value) in row {
                value.withUnsafeBufferPointer { tables[top].sheet.cell($0, column: column, row: rowLine, visitor: &visitor) }
            }
            tables[top].sheet.endRow(rowLine, visitor: &visitor)
            tables[top].gridRows += 1
        }
    }

    mutating func endTable(visitor: inout some RecordVisitor) throws(ReadError) {
        if ignoredTables > 0 { ignoredTables -= 1; return }
        guard let top = tables.indices.last else { return }
        if tables[top].inRow { try endRow(visitor: &visitor) }
        try closeTextRecord(visitor: &visitor)
        tables[top].sheet.finish(visitor: &visitor)
        tables.removeLast()
    }

    /// The input ended: close open tables and the last text record.
    mutating func finish(visitor: inout some RecordVisitor) throws(ReadError) {
        ignoredTables = 0
        while !tables.isEmpty { try endTable(visitor: &visitor) }
        try flush(visitor: &visitor)
        try withUnsafeMutablePointer(to: &visitor) { (base) throws(ReadError) in
            var v = ParagraphVisitor(base: base, paragraph: lineStart)
            try reader.finish(visitor: &v)
        }
    }

    // MARK: Internals

    /// A row as one text line: cells joined by tabs (so `Nimi<TAB>Mari` is a labelled line).
    private mutating func textLine(_ row: [(Int, [UInt8])], line: Int, visitor: inout some RecordVisitor) throws(ReadError) {
        let saved = sourceLine
        sourceLine = line
        defer { sourceLine = saved }
        var joined: [UInt8] = []
        for (k, cell) in row.enumerated() {
            if k > 0 { joined.append(0x09) }
            joined.append(contentsOf: cell.1)
        }
        try lineBreak(hard: false, visitor: &visitor)
        try joined.withUnsafeBufferPointer { (p) throws(ReadError) in try append(p, visitor: &visitor) }
        try lineBreak(hard: false, visitor: &visitor)
    }

    /// Ends the text record so table records do not overlap it.
    private mutating func closeTextRecord(visitor: inout some RecordVisitor) throws(ReadError) {
        if lineHasContent { staged.append(0x0A); lineHasContent = false }
        staged.append(0x0A)
        try flush(visitor: &visitor)
    }

    private mutating func flush(visitor: inout some RecordVisitor) throws(ReadError) {
        guard !staged.isEmpty else { return }
        let line = lineStart
        var bytes: [UInt8] = []
        swap(&bytes, &staged)
        try withUnsafeMutablePointer(to: &visitor) { (base) throws(ReadError) in
            var v = ParagraphVisitor(base: base, paragraph: line)
            try bytes.withUnsafeBufferPointer { (p) throws(ReadError) in try reader.consume(p, visitor: &v) }
        }
        bytes.clear()
        swap(&bytes, &staged)
    }
}
