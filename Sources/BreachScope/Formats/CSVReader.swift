/// Reads delimiter-separated values (RFC 4180 and the usual deviations) as a push parser.
///
/// - Quoted fields may hold delimiters, doubled quotes and CR/LF/CRLF newlines; a quote inside an
///   unquoted field and text after a closing quote are kept literally.
/// - The delimiter (`,` `;` tab `|`) is sniffed over the first 64 KB unless given: the candidate
///   whose count per record (outside quotes) is most consistent wins.
/// - The first non-blank row is a header when `FieldClassifier` recognises one of its cells, or
///   when its cells are mostly distinct, non-numeric labels and the rows below differ in kind
///   (digits or `@` where the header has none), unless a cell of it validates as the kind of
///   value its column holds (an ID, e-mail, phone, … over an ID, e-mail, phone column). Without a
///   header, columns are `column1`….
/// - Columns whose header gives no hint (header-less tables, unknown words) are classified from
///   their values in the buffered first rows (`ColumnSampler`): names, addresses, phones, IDs….
/// - Each row is a record; fields are trimmed of surrounding spaces; empty fields are skipped;
///   cells beyond the header are delivered as `columnN`.
/// - Fields that lie within one chunk are delivered straight from it; others are assembled in a
///   reused buffer. The result does not depend on how the input is chunked.
public struct CSVReader: DocumentReader {
    /// The delimiter in use: given, or sniffed once 64 KB (or the whole input) were seen.
    public private(set) var delimiter: UInt8?
    /// Size limits (`maxFieldBytes` applies).
    public let limits: ReadLimits
    /// Whether the first row was taken as a header (known once the first rows were read).
    public private(set) var hasHeader = false
    /// Column names given from outside (a `bcp` format file beside a header-less data file,
    /// `BCPFormat`): the first row is data, and the columns are named by these.
    public var presetHeader: [String]?
    /// Per column of a preset header, the namespace of the row key it holds, if any
    /// (`InformixExport`: `pacjent.id` and `wynik.pacjent_id` both hold a patient's row key):
    /// each such cell is also a link-key field.
    public var presetRelations: [String?]?
    /// Declared row-key columns, by column index.
    private var relationColumns: [Int: Int] = [:]
    let classify: @Sendable (String) -> FieldHint?

    /// Bytes examined to sniff the delimiter.
    static let sniffWindow = 64 * 1024
    /// Rows (and bytes) collected before deciding whether the first row is a header and sampling
    /// column values.
    static let headerSampleRows = 64
    static let headerSampleBytes = 1 << 20

    private static let quote = UInt8(ascii: "\""), lf: UInt8 = 0x0A, cr: UInt8 = 0x0D
    private static let space: UInt8 = 0x20, tab: UInt8 = 0x09

    /// A reader for `delimiter` (sniffed when nil).
    public init(delimiter: UInt8? = nil, limits: ReadLimits = .init()) {
        self.init(delimiter: delimiter, limits: limits, classify: { FieldClassifier.hint(forLabel: $0) })
    }

    /// A reader with an injected label classifier (tests, custom vocabularies).
    public init(delimiter: UInt8? = nil, limits: ReadLimits = .init(), classify: @escaping @Sendable (String) -> FieldHint?) {
        self.delimiter = delimiter
        self.limits = limits
        self.classify = classify
    }

    // MARK: State

    private enum State { case fieldStart, unquoted, quoted, quoteSeen }
    /// Bytes held until the delimiter is sniffed.
    private var sniffBuffer: [UInt8] = []
    private var state = State.fieldStart
    /// Assembles a field that crosses chunks or holds doubled quotes (`usingAcc`).
    private var acc: [UInt8] = []
    private var usingAcc = false
    private var line = 1
    /// Document offset of the current chunk's first byte.
    private var chunkOffset = 0
    /// A CR ended the last row: an LF right after it belongs to it.
    private var skipLF = false
    /// Inside quotes, the previous byte was CR (so an LF does not count another line).
    private var quotedPrevCR = false
    private var fieldLine = 1, fieldOffset = 0
    private var cellIndex = 0
    private var rowStarted = false
    /// Non-empty cells of the current row so far, and whether it is a totals row (`isTotals`).
    private var rowCells = 0
    private var totalsRow = false
    private var rowLine = 1, rowOffset = 0
    private var recordOpen = false
    /// The last column that names a row's person (a name, an ID, a card), at least the left
    /// half's last, or -1: a row whose first value stands right of it continues the record above
    /// (`emit`); and whether the last row's record is held open for such a row.
    private var identityEnd = -1
    private var heldEnd = false
    private var columnIDs: [Int] = []
    /// Column names by index (header cells, or `columnN`), and the readers of cells that hold
    /// JSON by index (`cellField`).
    private var columnNames: [String] = []
    private var cellReaders: [Int: JSONReader] = [:]
    /// Hints for columns by index, decided from the header and the sampled values.
    private var columnHints: [FieldHint] = []
    /// The hints a named table's columns were declared with (empty without a header).
    private var declaredHints: [FieldHint] = []
    /// Columns of labels inside a notes cell (`labelledLines`), by column index and label.
    private var noteColumns: [String: Int] = [:]

    // Until the header decision, rows are collected here.
    private struct SampleCell { var index: Int; var value: [UInt8]; var line: Int; var offset: Int }
    private struct SampleRow { var line: Int; var offset: Int; var cells: [SampleCell] }
    private var collecting = true
    /// An entity–attribute–value table (`klient_id;atribuut;väärtus`): the columns of the
    /// entity, the attribute's name and its value; the current row's cells and entity, and the
    /// columns declared per attribute (`eavRow`).
    private var eav: (entity: Int, attribute: Int, value: Int)?
    private var eavCells: [SampleCell] = []
    private var eavEntity: [UInt8] = []
    private var eavColumns: [[UInt8]: Int] = [:]
    private var sample: [SampleRow] = []
    private var sampleRow: [SampleCell] = []
    private var sampleBytes = 0

    // MARK: DocumentReader

    public mutating func consume(_ chunk: UnsafeBufferPointer<UInt8>, visitor: inout some RecordVisitor) throws(ReadError) {
        guard delimiter == nil else { return try parse(chunk, visitor: &visitor) }
        if sniffBuffer.isEmpty && chunk.count >= Self.sniffWindow {
            delimiter = Self.sniffDelimiter(UnsafeBufferPointer(rebasing: chunk[0..<Self.sniffWindow]), complete: false)?.delimiter ?? UInt8(ascii: ",")
            return try parse(chunk, visitor: &visitor)
        }
        let take = Swift.min(Self.sniffWindow - sniffBuffer.count, chunk.count)
        sniffBuffer.append(contentsOf: UnsafeBufferPointer(rebasing: chunk[0..<take]))
        guard sniffBuffer.count >= Self.sniffWindow else { return }
        try parseSniffBuffer(complete: false, visitor: &visitor)
        try parse(UnsafeBufferPointer(rebasing: chunk[take...]), visitor: &visitor)
    }

    public mutating func finish(visitor: inout some RecordVisitor) throws(ReadError) {
        if delimiter == nil { try parseSniffBuffer(complete: true, visitor: &visitor) }
        switch state {
        case .quoted:
            if collecting { decideHeader(visitor: &visitor) }
            throw ReadError(.malformed, "unterminated quoted field starting at line \(fieldLine)")
        case .quoteSeen, .unquoted:
            try deliver(UnsafeBufferPointer(start: nil, count: 0), visitor: &visitor)
        case .fieldStart:
            break
        }
        state = .fieldStart
        if rowStarted { endRow(visitor: &visitor) }
        if collecting { decideHeader(visitor: &visitor) }
        if (eav != nil || heldEnd) && recordOpen {
            visitor.endRecord()
            recordOpen = false
            heldEnd = false
        }
    }

    /// Ends the last row's record, held open for a continuation row: at a cut, where another
    /// reader goes on with the rows after it.
    mutating func endHeldRecord(visitor: inout some RecordVisitor) {
        if heldEnd {
            visitor.endRecord()
            recordOpen = false
            heldEnd = false
        }
    }

    /// A copy that reads on from a cut (`SegmentCuts`): at document offset `offset`, on `line`,
    /// with this reader's delimiter, header and column hints. Nil unless this reader stands
    /// between records with its header decided — the state a cut leaves it in.
    func resumed(at offset: Int, line: Int) -> CSVReader? {
        guard delimiter != nil, sniffBuffer.isEmpty, !collecting, state == .fieldStart, !usingAcc, !skipLF,
              !rowStarted, !recordOpen else { return nil }
        var copy = self
        copy.chunkOffset = offset
        copy.line = line
        // (A part declares its cells' JSON paths itself: the ids of this one's are not its own.)
        copy.cellReaders = [:]
        return copy
    }

    /// Where the reader stands: the next byte's document offset and its line.
    var position: (offset: Int, line: Int) { (chunkOffset, line) }

    private mutating func parseSniffBuffer(complete: Bool, visitor: inout some RecordVisitor) throws(ReadError) {
        let buffer = sniffBuffer
        sniffBuffer = []
        delimiter = buffer.withUnsafeBufferPointer { Self.sniffDelimiter($0, complete: complete)?.delimiter } ?? UInt8(ascii: ",")
        let count = buffer.count
        try buffer.withUnsafeBufferPointer { (p: UnsafeBufferPointer<UInt8>) throws(ReadError) in
            precondition(p.count == count)
            try parse(p, visitor: &visitor)
        }
    }

    // MARK: Parser

    /// The first delimiter, LF or CR in `p` at or after `from`, or `p.count` (`VectorSearch`).
    @inline(__always)
    static func fieldEnd(_ p: UnsafeBufferPointer<UInt8>, from: Int, delimiter: UInt8) -> Int {
        guard let base = p.baseAddress else { return from }
        let d = SIMD16<UInt8>(repeating: delimiter), lf = SIMD16<UInt8>(repeating: Self.lf), cr = SIMD16<UInt8>(repeating: Self.cr)
        return VectorSearch.first(UnsafeRawPointer(base), from: from, p.count, vector: { v in
            VectorSearch.lanes(v .== d) | VectorSearch.lanes(v .== lf) | VectorSearch.lanes(v .== cr)
        }, byte: { c in c == delimiter || c == Self.lf || c == Self.cr })
    }

    /// The byte loop. Unquoted fields are found by scanning for the delimiter or a newline only;
    /// quoted ones by scanning for the next quote.
    private mutating func parse(_ p: UnsafeBufferPointer<UInt8>, visitor: inout some RecordVisitor) throws(ReadError) {
        let n = p.count
        guard n > 0 else { return }
        let delim = delimiter!
        let trimTab = delim != Self.tab
        let base = chunkOffset
        var i = 0
        // Current field content is acc (when usingAcc) + p[segStart..<segEnd or scan position].
        var segStart = 0, segEnd = 0
        var st = state  // kept in a register; written back below
        scan: while i < n {
            switch st {
            case .fieldStart:
                let b = p[i]
                if skipLF {
                    skipLF = false
                    if b == Self.lf { i += 1; continue }
                }
                if !rowStarted { rowStarted = true; rowLine = line; rowOffset = base + i }
                if b == Self.space || (b == Self.tab && trimTab) { i += 1; continue }
                if b == delim { cellIndex += 1; i += 1; continue }
                if b == Self.lf || b == Self.cr {
                    if cellIndex > 0 { cellIndex += 1 }
                    endRow(visitor: &visitor)
                    line += 1; i += 1; skipLF = b == Self.cr
                    continue
                }
                fieldLine = line
                if b == Self.quote {
                    i += 1
                    st = .quoted; fieldOffset = base + i; segStart = i; quotedPrevCR = false
                } else {
                    st = .unquoted; fieldOffset = base + i; segStart = i
                }
            case .unquoted:
                let j = Self.fieldEnd(p, from: i, delimiter: delim)
                i = j
                if j == n { break scan }
                try deliver(UnsafeBufferPointer(rebasing: p[segStart..<j]), visitor: &visitor)
                i = terminate(p[j], delimiter: delim, at: j, visitor: &visitor); st = .fieldStart
            case .quoted:
                var j = i
                var l = line, prevCR = quotedPrevCR
                while j < n {
                    let c = p[j]
                    if c == Self.quote { break }
                    if c == Self.lf { if !prevCR { l += 1 }; prevCR = false }
                    else if c == Self.cr { l += 1; prevCR = true }
                    else { prevCR = false }
                    j += 1
                }
                line = l; quotedPrevCR = prevCR
                if j == n { i = n; break scan }
                segEnd = j; st = .quoteSeen; i = j + 1
            case .quoteSeen:
                let b = p[i]
                if b == Self.quote {  // a doubled quote is one literal quote
                    try appendToField(UnsafeBufferPointer(rebasing: p[segStart..<segEnd]))
                    try appendToField(CollectionOfOne(Self.quote))
                    i += 1; segStart = i; st = .quoted; quotedPrevCR = false
                } else if b == delim || b == Self.lf || b == Self.cr {
                    try deliver(UnsafeBufferPointer(rebasing: p[segStart..<segEnd]), visitor: &visitor)
                    i = terminate(b, delimiter: delim, at: i, visitor: &visitor); st = .fieldStart
                } else {  // text after the closing quote: kept, the field continues unquoted
                    try appendToField(UnsafeBufferPointer(rebasing: p[segStart..<segEnd]))
                    segStart = i; st = .unquoted
                }
            }
        }
        // Keep what the chunk holds of an open field.
        switch st {
        case .unquoted, .quoted: try appendToField(UnsafeBufferPointer(rebasing: p[segStart..<n]))
        case .quoteSeen: try appendToField(UnsafeBufferPointer(rebasing: p[segStart..<segEnd]))
        case .fieldStart: break
        }
        state = st
        chunkOffset += n
    }

    /// After a field ended at the delimiter or newline `b` (index `j`): returns the next index.
    @inline(__always)
    private mutating func terminate(_ b: UInt8, delimiter delim: UInt8, at j: Int, visitor: inout some RecordVisitor) -> Int {
        if b != delim {
            endRow(visitor: &visitor)
            line += 1
            skipLF = b == Self.cr
        }
        return j + 1
    }

    private mutating func appendToField(_ bytes: some Collection<UInt8>) throws(ReadError) {
        if acc.count + bytes.count > limits.maxFieldBytes { throw tooLong() }
        acc.append(contentsOf: bytes)
        usingAcc = true
    }

    private func tooLong() -> ReadError {
        ReadError(.limit, "field starting at line \(fieldLine) is longer than the limit of \(limits.maxFieldBytes) bytes")
    }

    /// The current field ends with `tail` (its bytes still in the chunk).
    private mutating func deliver(_ tail: UnsafeBufferPointer<UInt8>, visitor: inout some RecordVisitor) throws(ReadError) {
        if usingAcc {
            try appendToField(tail)
            var buffer: [UInt8] = []
            swap(&buffer, &acc)
            buffer.withUnsafeBufferPointer { emit($0, visitor: &visitor) }
            buffer.clear()
            swap(&buffer, &acc)
            usingAcc = false
        } else {
            if tail.count > limits.maxFieldBytes { throw tooLong() }
            emit(tail, visitor: &visitor)
        }
        cellIndex += 1
    }

    /// Trims and hands over one field value.
    private mutating func emit(_ value: UnsafeBufferPointer<UInt8>, visitor: inout some RecordVisitor) {
        let trimTab = delimiter != Self.tab
        var a = 0, b = value.count
        while a < b && (value[a] == Self.space || (value[a] == Self.tab && trimTab)) { a += 1 }
        while b > a && (value[b - 1] == Self.space || (value[b - 1] == Self.tab && trimTab)) { b -= 1 }
        guard a < b else { return }
        let trimmed = UnsafeBufferPointer(rebasing: value[a..<b])
        if collecting {
            sampleRow.append(SampleCell(index: cellIndex, value: Array(trimmed), line: fieldLine, offset: fieldOffset + a))
            sampleBytes += b - a
            return
        }
        if eav != nil {
            eavCells.append(SampleCell(index: cellIndex, value: Array(trimmed), line: fieldLine, offset: fieldOffset + a))
            return
        }
        // A totals row under the table (`Yhteensä,201 asiakasta`, `Kokku proove;42`): no one's.
        if rowCells == 0 && (Self.isTotals(trimmed) || Self.isReportFooter(trimmed)) { totalsRow = true }
        rowCells += 1
        if totalsRow { return }
        if heldEnd {
            // A spreadsheet's merged cells leave a person's second contact on a row of its own,
            // under the person's row (`;;;;;5700 0591;mobiil`): a row whose first value stands
            // right of every column that names someone continues the record above.
            heldEnd = false
            if cellIndex <= identityEnd { visitor.endRecord(); recordOpen = false }
        }
        if !recordOpen { visitor.beginRecord(line: rowLine, offset: rowOffset); recordOpen = true }
        cellField(trimmed, index: cellIndex, line: fieldLine, offset: fieldOffset + a, visitor: &visitor)
    }

    /// Hands over one cell of a record. A cell that holds a JSON object (`{"name": "Laura
    /// McDonald", "email": "…", "phone": "1-415-555-0199"}` under `requester`) is read as JSON:
    /// each key a field of the row, under the column's name (`requester>$.name`).
    private mutating func cellField(_ value: UnsafeBufferPointer<UInt8>, index: Int, line: Int, offset: Int,
                                    visitor: inout some RecordVisitor) {
        let column = columnID(index, visitor: &visitor)
        if value.count >= 8 && value[0] == UInt8(ascii: "{") && value[value.count - 1] == UInt8(ascii: "}") {
            var reader = cellReaders.removeValue(forKey: index)
                ?? JSONReader.cellReader(column: columnNames[index], limits: limits)
            let read = reader.readCell(value, line: line, offset: offset, visitor: &visitor)
            cellReaders[index] = reader
            if read { return }
        }
        visitor.field(value, column: column, line: line, offset: offset)
        if value.count >= 12, index < declaredHints.count, declaredHints[index] == .none, value.contains(Self.lf) {
            labelledLines(value, index: index, line: line, offset: offset, visitor: &visitor)
        }
        if let relations = presetRelations, index < relations.count, let ns = relations[index] {
            let id: Int
            if let known = relationColumns[index] {
                id = known
            } else {
                id = visitor.declareColumn(name: columnNames[index] + " (row key)", hint: .linkKey(namespace: ns))
                relationColumns[index] = id
            }
            visitor.field(value, column: id, line: line, offset: offset)
        }
    }

    /// The `Label: value` lines of a multi-line notes cell (an Asana task's `Notes`: `Osoite:
    /// Kirkkokatu 9 A 8, 15100 Lahti`): a line whose label names a person's element is also a
    /// field of that label's column (`Notes>Osoite`), as in a text document.
    private mutating func labelledLines(_ value: UnsafeBufferPointer<UInt8>, index: Int, line: Int, offset: Int,
                                        visitor: inout some RecordVisitor) {
        var start = 0
        while start < value.count {
            var end = start
            while end < value.count && value[end] != 0x0A { end += 1 }
            var a = start, b = end
            while a < b && (value[a] == Self.space || value[a] == Self.tab) { a += 1 }
            while b > a && (value[b - 1] == Self.cr || value[b - 1] == Self.space) { b -= 1 }
            let text = UnsafeBufferPointer(rebasing: value[a..<b])
            if text.count >= 4, let split = TextReader.splitLabel(text), split.label.count <= 32, !split.value.isEmpty {
                let label = String(decoding: text[split.label], as: UTF8.self)
                let key = "\(index)>" + label
                var column = noteColumns[key]
                if column == nil && noteColumns.count < 256 {
                    switch classify(label) {
                    case nil, .none?, .nonPersonal?, .linkKey?, .purchase?: column = -1
                    case let hint?: column = visitor.declareColumn(name: columnNames[index] + ">" + label, hint: hint)
                    }
                    noteColumns[key] = column
                }
                if let column, column >= 0 {
                    visitor.field(UnsafeBufferPointer(rebasing: text[split.value]), column: column, line: line,
                                  offset: offset + a + split.value.lowerBound)
                }
            }
            start = end + 1
        }
    }

    private mutating func endRow(visitor: inout some RecordVisitor) {
        if collecting {
            if !sampleRow.isEmpty {
                sample.append(SampleRow(line: rowLine, offset: rowOffset, cells: sampleRow))
                sampleRow = []
                if sample.count >= Self.headerSampleRows || sampleBytes >= Self.headerSampleBytes {
                    decideHeader(visitor: &visitor)
                }
            }
        } else if eav != nil {
            let cells = eavCells
            eavCells.removeAll(keepingCapacity: true)
            eavRow(cells, line: rowLine, offset: rowOffset, visitor: &visitor)
        } else if recordOpen {
            if identityEnd >= 0 {
                heldEnd = true
            } else {
                visitor.endRecord()
                recordOpen = false
            }
        }
        cellIndex = 0
        rowStarted = false
        rowCells = 0
        totalsRow = false
    }

    private mutating func columnID(_ index: Int, visitor: inout some RecordVisitor) -> Int {
        while columnIDs.count <= index {
            let k = columnIDs.count
            columnIDs.append(visitor.declareColumn(name: "column\(k + 1)", hint: k < columnHints.count ? columnHints[k] : .none))
            columnNames.append("column\(k + 1)")
        }
        return columnIDs[index]
    }

    // MARK: Header

    /// Decides about the header from the collected rows, declares columns and replays the rows.
    private mutating func decideHeader(visitor: inout some RecordVisitor) {
        collecting = false
        var rows = sample
        sample = []
        sampleRow = []
        // Title lines above the header (`Tervisetäht Apteek OÜ - püsikliendiprogramm`,
        // `Väljavõte seisuga 12.09.2023;;;`) are read as free text, not taken for the header.
        let cellRows = rows.map { $0.cells.map { ($0.index, $0.value) } }
        let preamble = presetHeader != nil ? 0
            : Self.taggedHeaderRow(cellRows, classify: classify) ?? Self.preambleRows(rows.map { $0.cells.map(\.index) })
        let title = preamble > 0 ? visitor.declareColumn(name: Self.titleColumn, hint: .none) : -1
        for row in rows.prefix(preamble) {
            visitor.beginRecord(line: row.line, offset: row.offset)
            for cell in row.cells {
                cell.value.withUnsafeBufferPointer { visitor.field($0, column: title, line: cell.line, offset: cell.offset) }
            }
            visitor.endRecord()
        }
        rows.removeFirst(preamble)
        let cells = Array(cellRows.dropFirst(preamble))
        hasHeader = presetHeader == nil && Self.looksLikeHeader(cells, classify: classify)
        let first = hasHeader ? 1 : 0
        var sampled = Self.sampledHints(Array(cells.dropFirst(first)))
        // A header-less export's first column of distinct codes (`PK-213319|EKHOLM|Bo|…`) is its
        // customer number: the order rows of other files name their customer by it.
        // So is a first column of card numbers in digit groups (`77-9841-9917|4960…|WARD|Lucy|…`):
        // the loyalty card, which purchase rows elsewhere give without the dashes.
        // (Read as phones by their digits alone: `7798419917` fits the North American plan.)
        if !hasHeader, let k = sampled.first, k == nil || k == .phone {
            let first = rows.compactMap { $0.cells.first { $0.index == 0 }?.value }
            if k == nil && ColumnSampler.isCustomerCodeColumn(first) { sampled[0] = .linkKey(namespace: "customer") }
            else if ColumnSampler.isGroupedCardColumn(first) { sampled[0] = .loyaltyCard }
        }
        columnHints = sampled.map { $0 ?? .none }
        var decided = columnHints
        if let preset = presetHeader {
            // Named from outside: a known name decides, else the column's values.
            decided = []
            for k in 0..<Swift.max(preset.count, sampled.count) {
                let fromValues: FieldHint = k < sampled.count ? sampled[k] ?? .none : .none
                let name = k < preset.count ? preset[k] : "column\(k + 1)"
                let hint: FieldHint = classify(name)
                    ?? (fromValues == .phone && (FieldClassifier.namesInternalID(name) || FieldClassifier.namesMeasure(name)) ? .none : fromValues)
                columnIDs.append(visitor.declareColumn(name: name, hint: hint))
                columnNames.append(name)
                decided.append(hint)
            }
        }
        if hasHeader, let header = rows.first {
            decided = []
            let width = (header.cells.last?.index ?? -1) + 1
            let headerNames = (0..<width).map { k in header.cells.first(where: { $0.index == k }).map { String(decoding: $0.value, as: UTF8.self) } ?? "" }
            let codes = FieldClassifier.postalCodesBesideAddress(headerNames)
            for k in 0..<width {
                let fromValues: FieldHint = k < sampled.count ? sampled[k] ?? .none : .none
                if let cell = header.cells.first(where: { $0.index == k }) {
                    let name = String(decoding: cell.value, as: UTF8.self)
                    // A header the classifier knows decides (`.none` too: a notes column);
                    // an unknown one is decided by the column's values.
                    // (Not a key's column whose numbers read as phones: `sync_id` 79542419; nor a
                    // measure's: `loc.end` 78083538.)
                    let hint: FieldHint = codes[k] ? .addressPart : classify(name)
                        ?? (fromValues == .phone && (FieldClassifier.namesInternalID(name) || FieldClassifier.namesMeasure(name))
                            ? .none : fromValues)
                    columnIDs.append(visitor.declareColumn(name: name, hint: hint))
                    columnNames.append(name)
                    decided.append(hint)
                } else {
                    columnIDs.append(visitor.declareColumn(name: "column\(k + 1)", hint: fromValues))
                    columnNames.append("column\(k + 1)")
                    decided.append(fromValues)
                }
            }
        }
        // Continuation rows only in tables of five columns or more, from the right half on (a
        // contact list's row without its name, `;anna@…;+372…`, is another person's).
        if decided.count >= 5, let last = decided.lastIndex(where: Self.namesPerson) {
            identityEnd = Swift.max(last, (decided.count + 1) / 2 - 1)
        }
        declaredHints = hasHeader || presetHeader != nil ? decided : []
        if hasHeader, let header = rows.first { eav = eavColumns(header.cells, rows.dropFirst(first).map(\.cells)) }
        for row in rows.dropFirst(first) {
            if let cell = row.cells.first, cell.value.withUnsafeBufferPointer({ Self.isTotals($0) || Self.isReportFooter($0) }) { continue }
            if eav != nil {
                eavRow(row.cells, line: row.line, offset: row.offset, visitor: &visitor)
                continue
            }
            if let first = row.cells.first?.index, identityEnd >= 0 && recordOpen && first > identityEnd {
                // (A continuation row: `emit`.)
            } else {
                if recordOpen { visitor.endRecord() }
                visitor.beginRecord(line: row.line, offset: row.offset)
            }
            recordOpen = true
            for cell in row.cells {
                cell.value.withUnsafeBufferPointer { cellField($0, index: cell.index, line: cell.line, offset: cell.offset, visitor: &visitor) }
            }
        }
        if recordOpen && eav == nil {
            if identityEnd >= 0 {
                heldEnd = true
            } else {
                visitor.endRecord()
                recordOpen = false
            }
        }
    }

    /// A report's footer line under the table (Salesforce's `Copyright (c) 2000-2023
    /// salesforce.com, inc.`, `Confidential Information - Do Not Distribute`, `Generated By:  …`):
    /// no one's.
    static func isReportFooter(_ cell: UnsafeBufferPointer<UInt8>) -> Bool {
        guard cell.count >= 12, cell.count <= 160, ASCII.isUpper(cell[0]) else { return false }
        let head = cell.prefix(24).map(ASCII.lower)
        return reportFooters.contains { head.starts(with: $0) }
    }

    static let reportFooters: [[UInt8]] = ["copyright (c)", "copyright ©", "confidential information", "generated by:", "generated by "]
        .map { Array($0.utf8) }

    /// A totals row's first cell: a word for a total (`Yhteensä`, `Kokku proove`, `Total:`,
    /// `Итого`) and at most two more words.
    /// (Asked of every row's first cell: no copy; the first word, ASCII lower-cased, packed into
    /// two words and compared with the totals words'.)
    static func isTotals(_ cell: UnsafeBufferPointer<UInt8>) -> Bool {
        guard cell.count <= 40, let first = cell.first, ASCII.isLetter(first) || first >= 0xC3 else { return false }
        var end = 0
        while end < cell.count && cell[end] != 0x20 { end += 1 }
        var word = end
        while word > 0 && (cell[word - 1] == UInt8(ascii: ":") || cell[word - 1] == UInt8(ascii: ".")) { word -= 1 }
        guard word >= 2, word <= 16 else { return false }
        var words = 1
        for b in cell[end...] where b == 0x20 { words += 1 }
        guard words <= 3 else { return false }
        let key = DecoyContext.packed(UnsafeBufferPointer(rebasing: cell[0..<word]))
        return totalsKeys.contains { $0.lo == key.lo && $0.hi == key.hi }
    }

    /// Words for a total (lower case; Cyrillic in both cases, which `DecoyContext.packed` does
    /// not lower).
    static let totalsKeys: [(lo: UInt64, hi: UInt64)] = [
        "yhteensä", "totalt", "total", "totals", "kokku", "razem", "łącznie", "итого", "Итого", "всего", "Всего", "ИТОГО",
        "summa", "insgesamt", "gesamt", "kopā", "iš", "sum", "grand", "subtotal", "vahesumma", "välisumma",
    ].map { w in Array(w.utf8).withUnsafeBufferPointer { DecoyContext.packed($0) } }

    /// Whether a column's hint names the row's person: a name, a national ID, a card or a
    /// customer's key (`identityEnd`).
    static func namesPerson(_ hint: FieldHint) -> Bool {
        switch hint {
        case .fullName, .firstName, .lastName, .nationalID, .loyaltyCard, .paymentCard, .linkKey: return true
        default: return false
        }
    }

    /// Entity–attribute–value columns: a header with an attribute column (`atribuut`,
    /// `attribute`, `field`, `key`) and a value column (`väärtus`, `value`), at most six columns,
    /// and sampled attribute names of which at least a third are labels (`isikukood`,
    /// `eesnimi`, `e_post`). The entity is the first other column (`klient_id`).
    private func eavColumns(_ header: [SampleCell], _ rows: [[SampleCell]]) -> (entity: Int, attribute: Int, value: Int)? {
        guard header.count >= 3, header.count <= 6 else { return nil }
        func key(_ cell: SampleCell) -> String { FieldClassifier.normalize(String(decoding: cell.value, as: UTF8.self)) }
        guard let attribute = header.first(where: { Self.attributeHeaders.contains(key($0)) })?.index,
              let value = header.first(where: { Self.valueHeaders.contains(key($0)) })?.index,
              let entity = header.first(where: { $0.index != attribute && $0.index != value })?.index else { return nil }
        let names = rows.compactMap { $0.first { $0.index == attribute }?.value }
        let labels = names.filter { classify(String(decoding: $0, as: UTF8.self)) != nil }.count
        return !names.isEmpty && labels * 3 >= names.count ? (entity, attribute, value) : nil
    }

    static let attributeHeaders: Set<String> = Set([
        "atribuut", "attribute", "attr", "field", "field name", "key", "property", "parameter", "param", "tunnus",
        "attribuutti", "kenttä", "fält", "egenskap", "atrybut", "pole", "атрибут", "параметр", "поле", "atribūts",
        "lauks", "atributas", "laukas", "merkmal", "feld", "felt", "egenskab",
    ].map(FieldClassifier.normalize))
    static let valueHeaders: Set<String> = Set([
        "väärtus", "value", "val", "arvo", "värde", "wartość", "значение", "vērtība", "reikšmė", "wert", "verdi", "værdi",
    ].map(FieldClassifier.normalize))

    /// One row of an entity–attribute–value table: the entity's rows in a run are one record;
    /// the value is read under a column named by its attribute (`eesnimi` → a first name), and
    /// the attribute's name is no one's.
    private mutating func eavRow(_ cells: [SampleCell], line: Int, offset: Int, visitor: inout some RecordVisitor) {
        guard let eav, !cells.isEmpty else { return }
        let entity = cells.first { $0.index == eav.entity }?.value ?? []
        if !recordOpen || entity != eavEntity {
            if recordOpen { visitor.endRecord() }
            visitor.beginRecord(line: line, offset: offset)
            recordOpen = true
            eavEntity = entity
        }
        let label = cells.first { $0.index == eav.attribute }?.value
        for cell in cells where cell.index != eav.attribute {
            var column: Int
            if cell.index == eav.value, let label {
                if let known = eavColumns[label] {
                    column = known
                } else {
                    let name = String(decoding: label, as: UTF8.self)
                    column = visitor.declareColumn(name: name, hint: classify(name) ?? .none)
                    if eavColumns.count < 4096 { eavColumns[label] = column }
                }
            } else {
                column = columnID(cell.index, visitor: &visitor)
            }
            cell.value.withUnsafeBufferPointer { visitor.field($0, column: column, line: cell.line, offset: cell.offset) }
        }
    }

    /// The column of a table's title lines (read as text): the export's issuer, period, payer.
    public static let titleColumn = "(title)"

    /// How many leading rows are title lines: up to three rows with text in their first two
    /// cells only, above rows that typically fill four or more (`cells`: the indices of each
    /// sampled row's non-empty cells). Two rows at least are left for a header and a record.
    static func preambleRows(_ cells: [[Int]]) -> Int {
        guard cells.count >= 3 else { return 0 }
        let typical = cells.map(\.count).sorted()[cells.count / 2]
        guard typical >= 4 else { return 0 }
        var n = 0
        while n < 3 && n + 2 < cells.count && cells[n].allSatisfy({ $0 < 2 }) { n += 1 }
        return n
    }

    /// A file of tagged records (`HDR|…`, `FLD|PATIENT_ID|LAST_NAME|…`, `PAT|PPS708194|YOUNG|…`,
    /// `TRL|0000147`; or `H|`, `C|`, `D|`, `T|`): every row's first cell is a short upper-case
    /// tag, most rows are of one tag (the data), and a row of another tag above them names the
    /// columns. Returns that row's index (the rows above it are title lines), or nil.
    static func taggedHeaderRow(_ rows: [[(Int, [UInt8])]], classify: (String) -> FieldHint?) -> Int? {
        guard rows.count >= 4 else { return nil }
        func tag(_ row: [(Int, [UInt8])]) -> [UInt8]? {
            guard let first = row.first, first.0 == 0, (1...4).contains(first.1.count),
                  first.1.allSatisfy({ ASCII.isUpper($0) || ASCII.isDigit($0) }), first.1.contains(where: ASCII.isUpper) else { return nil }
            return first.1
        }
        var tags: [[UInt8]] = []
        for row in rows {
            guard let t = tag(row) else { return nil }
            tags.append(t)
        }
        var counts: [[UInt8]: Int] = [:]
        for t in tags { counts[t, default: 0] += 1 }
        guard (2...8).contains(counts.count), let data = counts.max(by: { $0.value < $1.value || ($0.value == $1.value && $0.key.lexicographicallyPrecedes($1.key)) }),
              data.value * 2 >= rows.count, let firstData = tags.firstIndex(of: data.key) else { return nil }
        for h in 0..<min(firstData, 5) where tags[h] != data.key {
            let names = rows[h].dropFirst()
            guard names.count >= 3, names.allSatisfy({ cell in
                let letters = cell.1.filter { ASCII.isLetter($0) || $0 >= 0x80 }.count
                return letters * 2 > cell.1.count && !cell.1.contains(UInt8(ascii: "@"))
            }) else { continue }
            let table = [rows[h]] + rows.indices.filter { tags[$0] == data.key }.prefix(20).map { rows[$0] }
            if looksLikeHeader(table, classify: classify) { return h }
        }
        return nil
    }

    /// The value-sampled hint of each column (by index) of `rows` (non-empty cells as
    /// `(column index, value)`), `nil` where the values agree on nothing.
    static func sampledHints(_ rows: [[(Int, [UInt8])]]) -> [FieldHint?] {
        var columns: [[[UInt8]]] = []
        for row in rows {
            for (index, value) in row {
                while columns.count <= index { columns.append([]) }
                columns[index].append(value)
            }
        }
        var hints = columns.map { ColumnSampler.hint(forValues: $0) }
        // Headerless tables often split the name (`WARD|Lucy|lucy.ward@…`): two neighbouring
        // columns of single capitalised words that together are unique per row.
        var k = 0
        while k + 1 < hints.count {
            if hints[k] == nil && hints[k + 1] == nil, let (first, last) = ColumnSampler.namePair(rows.map { row in
                (row.first { $0.0 == k }?.1, row.first { $0.0 == k + 1 }?.1)
            }) {
                hints[k] = first ? .firstName : .lastName
                hints[k + 1] = first ? .lastName : .firstName
                k += 2
            } else {
                k += 1
            }
        }
        // A headerless table's dates that are the birth dates of its national IDs.
        if let idColumn = hints.firstIndex(where: { if case .nationalID(_?) = $0 { true } else { false } }),
           case .nationalID(let type?) = hints[idColumn] {
            for k in hints.indices where hints[k] == nil {
                let pairs = rows.map { row in (date: row.first { $0.0 == k }?.1, id: row.first { $0.0 == idColumn }?.1) }
                if ColumnSampler.isBirthDateColumn(pairs, type: type) { hints[k] = .dateOfBirth }
            }
        }
        return hints
    }

    /// Header heuristics over the first rows (non-empty cells as `(column index, value)`).
    static func looksLikeHeader(_ rows: [[(Int, [UInt8])]], classify: (String) -> FieldHint?) -> Bool {
        guard let header = rows.first, !header.isEmpty else { return false }
        func counts(_ v: [UInt8]) -> (letters: Int, digits: Int, at: Bool) {
            var letters = 0, digits = 0, at = false
            for b in v {
                if b >= 0x30 && b <= 0x39 { digits += 1 }
                else if (b | 0x20) >= 0x61 && (b | 0x20) <= 0x7A || b >= 0x80 { letters += 1 }
                else if b == UInt8(ascii: "@") { at = true }
            }
            return (letters, digits, at)
        }
        func labelLike(_ v: [UInt8]) -> Bool {
            let c = counts(v)
            return c.letters > 0 && c.digits < c.letters && !c.at && v.count <= 100
        }
        func dataLike(_ v: [UInt8]) -> Bool { let c = counts(v); return c.digits > 0 || c.at }

        if header.contains(where: { labelLike($0.1) && classify(String(decoding: $0.1, as: UTF8.self)) != nil }) {
            return true
        }
        let labels = header.filter { labelLike($0.1) }.count
        guard labels * 2 > header.count else { return false }
        guard Set(header.map(\.1)).count == header.count else { return false }
        let below = rows.dropFirst()
        guard !below.isEmpty else { return false }
        for (index, value) in header where !dataLike(value) {
            var present = 0, data = 0
            for row in below {
                guard let cell = row.first(where: { $0.0 == index }) else { continue }
                present += 1
                if dataLike(cell.1) { data += 1 }
            }
            if present > 0 && data * 2 >= present { return !firstRowIsData(rows) }
        }
        return false
    }

    /// True when a cell of the first row validates as the kind of value that the rows below hold
    /// in its column (a valid ID over an ID column, an address over addresses): labels are not.
    /// Names are left out: a two-word label in title case reads like one.
    static func firstRowIsData(_ rows: [[(Int, [UInt8])]]) -> Bool {
        guard let first = rows.first else { return false }
        let hints = sampledHints(Array(rows.dropFirst()))
        for (index, value) in first where index < hints.count {
            guard let hint = hints[index] else { continue }
            switch hint {
            case .fullName: continue
            default: if ColumnSampler.accepts(value, as: hint) { return true }
            }
        }
        return false
    }

    // MARK: Delimiter sniffing

    /// What `sniffDelimiter` found.
    struct DelimiterGuess: Equatable {
        var delimiter: UInt8
        /// The most common number of fields per record.
        var fieldsPerRecord: Int
        /// Non-blank records examined, and how many had `fieldsPerRecord` fields.
        var records: Int
        var consistentRecords: Int
    }

    static let delimiterCandidates: [UInt8] = [UInt8(ascii: ","), UInt8(ascii: ";"), 0x09, UInt8(ascii: "|")]

    /// Picks the candidate delimiter whose count per record (outside quotes) is most consistent,
    /// then most frequent. `complete` says `p` is the whole input (else its last record, possibly
    /// cut, is ignored). Nil when no candidate occurs.
    static func sniffDelimiter(_ p: UnsafeBufferPointer<UInt8>, complete: Bool) -> DelimiterGuess? {
        var best: DelimiterGuess?
        for d in delimiterCandidates {
            var counts: [Int: Int] = [:]
            var records = 0, current = 0, inQuotes = false, nonBlank = false
            var i = 0
            let n = p.count
            func endRecord() {
                if nonBlank { counts[current, default: 0] += 1; records += 1 }
                current = 0; nonBlank = false
            }
            while i < n && records < 200 {
                let b = p[i]
                if b == quote { inQuotes.toggle(); nonBlank = true }
                else if inQuotes { }
                else if b == d { current += 1; nonBlank = true }
                else if b == lf || b == cr { endRecord() }
                else if b != space { nonBlank = true }
                i += 1
            }
            if i == n && complete && !inQuotes { endRecord() }
            guard records > 0 else { continue }
            let (mode, consistent) = counts.max { a, b in a.value != b.value ? a.value < b.value : a.key < b.key }!
            guard mode > 0 else { continue }
            let guess = DelimiterGuess(delimiter: d, fieldsPerRecord: mode + 1, records: records, consistentRecords: consistent)
            if let b = best {
                // Compare consistency ratios without division; then the field count.
                let lhs = consistent * b.records, rhs = b.consistentRecords * records
                if lhs > rhs || (lhs == rhs && mode + 1 > b.fieldsPerRecord) { best = guess }
            } else {
                best = guess
            }
        }
        return best
    }
}
