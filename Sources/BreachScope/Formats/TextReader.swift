#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Reads plain text: records are blocks of lines separated by blank lines.
///
/// A line `Label: value` (also `Label = value`, `Label — value`, `Label<TAB>value`) whose label
/// (≤ 40 bytes) the classifier recognises becomes a field of a column declared with that label
/// and hint; every other non-blank line is one free-text field (column -1). Lines longer than
/// `ReadLimits.maxLineBytes` are delivered as free-text pieces of that size overlapping by 256
/// bytes, so a long line is never held whole. Line numbers are 1-based; offsets are byte
/// offsets in the decoded document. The result does not depend on how the input is chunked.
public struct TextReader: DocumentReader {
    /// Size limits (`maxLineBytes` applies).
    public let limits: ReadLimits
    let classify: @Sendable (String) -> FieldHint?

    /// Longest label considered.
    static let maxLabelBytes = 40
    /// Bytes shared by consecutive pieces of a long line (so values on a cut are seen whole).
    static let pieceOverlap = 256
    /// Unrecognised labels remembered (to skip classifying them again); recognised ones always are.
    static let labelCacheLimit = 4096

    /// Reads YAML (`yamlLine`): a sequence's mappings are records, keys are labels.
    public var yaml = false
    /// Inside a Markdown document's YAML front matter (read as YAML until it ends).
    private var frontMatter = false
    /// The indentation of a related person's key (`esindaja:`) whose mapping is being read, or -1.
    private var yamlRelatedIndent = -1

    /// A reader using `FieldClassifier` for labels.
    public init(limits: ReadLimits = .init()) {
        self.init(limits: limits, classify: { FieldClassifier.hint(forLabel: $0) })
    }

    /// A reader with an injected label classifier (tests, custom vocabularies).
    public init(limits: ReadLimits = .init(), classify: @escaping @Sendable (String) -> FieldHint?) {
        self.limits = limits
        self.classify = classify
    }

    /// The current line's bytes when it crosses chunks (only its last piece once it was cut).
    private var pending: [UInt8] = []
    /// Document offset of `pending[0]`.
    private var pendingOffset = 0
    /// The current line was longer than the limit and pieces of it were delivered.
    private var cutLine = false
    /// The current line and the next chunk's offset (set by a reader that hands a string's text
    /// on, `JSONReader.readNestedText`, to the string's place).
    var line = 1
    var chunkOffset = 0
    /// Whether a line that is a JSON document is read as JSON (`readJSON`, `jsonBlockLine`); not in a JSON
    /// string's text (`JSONReader.readNestedText`), which is read once, not deeper.
    var readsJSONLines = true
    /// A pretty-printed JSON document being gathered (`jsonBlockLine`): from a line that is `{`
    /// or `[` alone to the line that closes it. Its bytes as in the document, where each of its
    /// lines starts (buffer index, document offset, line number), its depth of brackets, whether
    /// one is open, and whether its lines are being read again as text (`endJSONBlock`).
    private var jsonBlock: [UInt8] = []
    private var jsonBlockLines: [(start: Int, offset: Int, line: Int)] = []
    private var jsonBlockDepth = 0
    private var jsonBlockOpen = false
    private var replayingJSONBlock = false
    /// The reader of the document's JSON blocks, between them (`endJSONBlock`).
    private var jsonBlockReader: JSONReader?
    /// JSON documents read in a row (`readJSON`).
    private var jsonReadsInARow = 0
    static let maxJSONBlock = 16 << 20
    private var recordOpen = false
    /// Label bytes → column id, or -1 for labels the classifier does not know.
    private var labels: [[UInt8]: Int] = [:]
    /// Declared label columns whose hint is personal (not `.none` or `.nonPersonal`).
    private var personalColumns = Set<Int>()
    private var unknownLabels = 0
    /// The columns of the fixed-width table being read (`fixedHeader`): each one's start in the
    /// line and its column id (-1: a label the classifier does not know, read as text).
    private var fixedColumns: [(start: Int, column: Int)] = []
    /// A headerless list's first line, held until the next says whether it is a list
    /// (`headlessRow`), and whether a list is being read.
    private var heldRow: (bytes: [UInt8], a: Int, line: Int, offset: Int)?
    private var headlessActive = false
    /// A fixed-width table was found in this document (`tableWindow`).
    private var sawTable = false
    private var headlessColumns: (name: Int, address: Int) = (-1, -1)
    /// The line after a printed list's name line (`gapFields`), where its address may stand.
    private var listAddressLine = -1
    /// The line after a question about the address (`asksForAddress`), where a speaker's
    /// answer may give it.
    private var addressAnswerLine = -1
    /// The signature being read under a closing line (`MailSignature`): its lines, held until
    /// its block ends, and the quote depth (`>` marks) it stands at (-1: none is being read).
    private var signature: [(bytes: [UInt8], line: Int, offset: Int)] = []
    private var signatureDepth = -1
    /// The columns of a staff member's signature: its first line, and every line.
    private var signatureColumns: (name: Int, contact: Int) = (-1, -1)
    /// The column of a letter's writer's name under their closing (`RecordAssembler.writerNameColumn`).
    private var writerColumn = -1
    /// Lines left to look for Ruby hashes in (`hashRocketLines`).
    private var hashRocketBudget = TextReader.hashRocketLines
    /// Lines left to look for logfmt events in (`Logfmt`; as many as for Ruby hashes).
    private var logfmtBudget = TextReader.hashRocketLines
    /// Lines left to look for InfluxDB points in (`LineProtocol`), and the columns of their keys.
    private var lineProtocolBudget = TextReader.hashRocketLines
    private var lineProtocolColumns: [[UInt8]: (Int, FieldHint)] = [:]
    private var logfmtLabels: [[UInt8]: (Int, FieldHint)] = [:]
    /// YAML: the indentation of the sequence whose mappings are records (-1: none seen yet), and
    /// the column of the last key without a value, whose block sequence's items are its values.
    private var yamlItemIndent = -1
    private var yamlParent = -1
    /// Label bytes → the column of a related person's names, or -1 (`relatedColumn`).
    private var relatedLabels: [[UInt8]: Int] = [:]
    /// A Markdown table's columns once its header and separator rows were read (`pipeRow`), and
    /// the last line that could be a header: its line number and its cells' labels.
    private var pipeColumns: [Int]?
    private var pipeHeader: (line: Int, labels: [[UInt8]])?
    /// Query parameters' keys → their columns (or -1) and hints (`queryColumn`).
    private var queryLabels: [[UInt8]: (Int, FieldHint)] = [:]
    /// The column of a query's first and last name joined (`?name`), once declared.
    private var queryNameColumn = -1
    private var fixedRows = 0
    /// The line of the last sender label of a quoted message's header block (`From:`,
    /// `Lähettäjä:`) in the current block (-1: none).
    private var senderLine = -1
    /// A postal label's lines held until the next says whether they are one (`addressLine`):
    /// the name line, then the street line. Not held while a signature's lines are replayed.
    private var heldAddress: [(bytes: [UInt8], line: Int, offset: Int)] = []
    private var holdsAddress = true
    /// The current block holds a postal label: its colonless labels are read (`DOB 08/02/1945`).
    private var addressBlock = false
    /// The last non-blank line's bytes (trimmed; only lines of at most `maxRuledLine` bytes),
    /// a table's header when a dashed rule follows it (`ruledHeader`).
    private var lastLine: [UInt8] = []
    /// The last non-blank line where the caller's buffer holds it (no copy per line); copied into
    /// `lastLine` when the buffer goes (`keepLastLine`).
    private var lastLineRef: UnsafeBufferPointer<UInt8>?
    /// A query tool's table under its dashed rule (`ruledHeader`): each column's range in the
    /// line and its column id (-1: a label the classifier does not know, read as text).
    private var ruledColumns: [(range: Range<Int>, column: Int)] = []
    /// A query tool's expanded records are being read (`expandedLine`).
    private var expandedRecords = false

    private var maxLine: Int { Swift.max(limits.maxLineBytes, 2) }
    private var overlap: Int { Swift.min(Self.pieceOverlap, maxLine / 2) }

    // MARK: DocumentReader

    public mutating func consume(_ chunk: UnsafeBufferPointer<UInt8>, visitor: inout some RecordVisitor) throws(ReadError) {
        let n = chunk.count
        var i = 0
        while i < n {
            // memchr is vectorised: lines are found at memory speed.
            let j = memchr(chunk.baseAddress! + i, 0x0A, n - i).map { UnsafePointer($0.assumingMemoryBound(to: UInt8.self)) - chunk.baseAddress! } ?? n
            if j == n {  // the line goes on in the next chunk
                if pending.isEmpty && !cutLine { pendingOffset = chunkOffset + i }
                appendPending(UnsafeBufferPointer(rebasing: chunk[i..<n]), visitor: &visitor)
                break
            }
            if pending.isEmpty && !cutLine {
                lineEnded(UnsafeBufferPointer(rebasing: chunk[i..<j]), offset: chunkOffset + i, visitor: &visitor)
            } else {
                appendPending(UnsafeBufferPointer(rebasing: chunk[i..<j]), visitor: &visitor)
                flushPending(visitor: &visitor)
            }
            line += 1
            i = j + 1
        }
        keepLastLine()
        chunkOffset += n
    }

    public mutating func finish(visitor: inout some RecordVisitor) throws(ReadError) {
        if !pending.isEmpty || cutLine { flushPending(visitor: &visitor) }
        if jsonBlockOpen { endJSONBlock(visitor: &visitor) }
        if !heldAddress.isEmpty { flushHeldAddress(visitor: &visitor) }
        if signatureDepth >= 0 { endSignature(visitor: &visitor) }
        endHeadlessRows(visitor: &visitor)
        if recordOpen { visitor.endRecord(); recordOpen = false }
        emitHeldRelated(visitor: &visitor)
    }

    // MARK: Lines

    /// Appends part of a line that crosses chunks, cutting a piece off whenever more than
    /// `maxLine` bytes are held.
    private mutating func appendPending(_ bytes: UnsafeBufferPointer<UInt8>, visitor: inout some RecordVisitor) {
        var k = 0
        while k < bytes.count {
            let take = Swift.min(bytes.count - k, maxLine + 1 - pending.count)
            pending.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[k..<(k + take)]))
            k += take
            if pending.count > maxLine {
                openRecord(offset: pendingOffset, visitor: &visitor)
                pending.withUnsafeBufferPointer { p in
                    visitor.field(UnsafeBufferPointer(rebasing: p[0..<maxLine]), column: -1, line: line, offset: pendingOffset)
                }
                let drop = maxLine - overlap
                pending.removeFirst(drop)
                pendingOffset += drop
                cutLine = true
            }
        }
    }

    /// The line held in `pending` ended.
    private mutating func flushPending(visitor: inout some RecordVisitor) {
        var bytes: [UInt8] = []
        swap(&bytes, &pending)
        if cutLine {  // the rest of a cut line is its last piece
            var end = bytes.count
            if end > 0 && bytes[end - 1] == 0x0D { end -= 1 }
            bytes.withUnsafeBufferPointer { p in
                visitor.field(UnsafeBufferPointer(rebasing: p[0..<end]), column: -1, line: line, offset: pendingOffset)
            }
            cutLine = false
        } else {
            bytes.withUnsafeBufferPointer {
                lineEnded($0, offset: pendingOffset, visitor: &visitor)
                keepLastLine()
            }
        }
        bytes.clear()
        swap(&bytes, &pending)
    }

    /// One whole line (without its LF) starting at document offset `offset`.
    private mutating func lineEnded(_ p: UnsafeBufferPointer<UInt8>, offset: Int, visitor: inout some RecordVisitor) {
        if jsonBlockOpen && jsonBlockLine(p, offset: offset, visitor: &visitor) { return }
        if p.count >= 3 && p[0] == 0xE2 && (p[1] == 0x94 || p[1] == 0x95) && p.count <= Self.maxRuledLine {
            // A table drawn with box characters (sqlite3's `.mode box`, `psql`'s unicode border):
            // its lines as their ASCII drawing (`─` `-`, `│` `|`, corners and crossings `+`).
            var ascii = Self.boxDrawingAsASCII(p)
            ascii.withUnsafeBufferPointer { lineEnded($0, offset: offset, visitor: &visitor) }
            keepLastLine()
            ascii.removeAll()
            return
        }
        if p.count > maxLine {  // cut into overlapping pieces straight from the chunk
            if !heldAddress.isEmpty { flushHeldAddress(visitor: &visitor) }
            lastLineRef = nil
            lastLine.removeAll(keepingCapacity: true)
            openRecord(offset: offset, visitor: &visitor)
            var start = 0
            while true {
                var end = Swift.min(start + maxLine, p.count)
                let last = start + maxLine >= p.count
                if last && end > start && p[end - 1] == 0x0D { end -= 1 }
                visitor.field(UnsafeBufferPointer(rebasing: p[start..<end]), column: -1, line: line, offset: offset + start)
                if last { break }
                start += maxLine - overlap
            }
            return
        }
        var a = 0, b = p.count
        if b > 0 && p[b - 1] == 0x0D { b -= 1 }
        // (A form feed, a printer's page break, is blank: `LBL_….prn` spools.)
        while a < b && (p[a] == 0x20 || p[a] == 0x09 || p[a] == 0x0C) { a += 1 }
        while b > a && (p[b - 1] == 0x20 || p[b - 1] == 0x09 || p[b - 1] == 0x0C) { b -= 1 }
        if !heldAddress.isEmpty {
            if a < b && addressLine(UnsafeBufferPointer(rebasing: p[a..<b]), offset: offset + a, visitor: &visitor) { return }
            flushHeldAddress(visitor: &visitor)
        }
        if a == b {  // blank: ends the block
            if signatureDepth >= 0 { endSignature(visitor: &visitor) }
            senderLine = -1
            addressBlock = false
            ruledColumns.removeAll()
            lastLine.removeAll(keepingCapacity: true)
            lastLineRef = nil
            expandedRecords = false
            fixedColumns.removeAll()
            pipeColumns = nil
            endHeadlessRows(visitor: &visitor)
            if recordOpen { visitor.endRecord(); recordOpen = false }
            emitHeldRelated(visitor: &visitor)
            return
        }
        if b - a == 1, p[a] == UInt8(ascii: "{") || p[a] == UInt8(ascii: "["), readsJSONLines, !replayingJSONBlock {
            // A pretty-printed JSON document starts (a `curl -v` trace's response body).
            endTextBlock(visitor: &visitor)
            jsonBlockOpen = true
            jsonBlockDepth = 1
            jsonBlock.removeAll(keepingCapacity: true)
            jsonBlockLines.removeAll(keepingCapacity: true)
            jsonBlockLines.append((0, offset + a, line))
            jsonBlock.append(contentsOf: UnsafeBufferPointer(rebasing: p[a...]))
            jsonBlock.append(0x0A)
            return
        }
        if readsJSONLines, b - a >= 32, p[b - 1] == UInt8(ascii: "}") || p[b - 1] == UInt8(ascii: "]"),
           Self.opensJSON(UnsafeBufferPointer(rebasing: p[a..<b])) {
            // A line that is a JSON document (a `curl -v` trace's response body, a log's JSON
            // line): its objects are records of their own, not one line naming everyone in it.
            if readJSON(UnsafeBufferPointer(rebasing: p[a..<b]), line: line, offset: offset + a, visitor: &visitor) { return }
        }
        if p[a] == UInt8(ascii: "("), dicomLine(UnsafeBufferPointer(rebasing: p[a..<b]), offset: offset + a, visitor: &visitor) { return }
        if (expandedRecords || p[a] == UInt8(ascii: "-") || p[a] == UInt8(ascii: "*"))
            && expandedLine(UnsafeBufferPointer(rebasing: p[a..<b]), offset: offset + a, visitor: &visitor) { return }
        if p[a] == UInt8(ascii: "*"), let h = Self.orgHeadline(UnsafeBufferPointer(rebasing: p[a..<b])) {
            // An org-mode entry's headline (`** DONE Epp Kivi – KCNH2 vastuse selgitamine  :CARDIO:`):
            // it opens the entry's record, and the name it starts with is its person's.
            if signatureDepth >= 0 { endSignature(visitor: &visitor) }
            endHeadlessRows(visitor: &visitor)
            if recordOpen { visitor.endRecord(); recordOpen = false }
            emitHeldRelated(visitor: &visitor)
            openRecord(offset: offset + a, visitor: &visitor)
            declareListColumns(visitor: &visitor)
            visitor.field(UnsafeBufferPointer(rebasing: p[(a + h.name.lowerBound)..<(a + h.name.upperBound)]),
                          column: headlessColumns.name, line: line, offset: offset + a + h.name.lowerBound)
            if !h.rest.isEmpty {
                visitor.field(UnsafeBufferPointer(rebasing: p[(a + h.rest.lowerBound)..<(a + h.rest.upperBound)]),
                              column: -1, line: line, offset: offset + a + h.rest.lowerBound)
            }
            return
        }
        if !ruledColumns.isEmpty {
            if ruledRow(p, a: a, b: b, offset: offset, visitor: &visitor) { return }
            ruledColumns.removeAll()
        }
        if (p[a] == UInt8(ascii: "-") || p[a] == UInt8(ascii: "+") || p[a] == UInt8(ascii: "=")) && (lastLineRef != nil || !lastLine.isEmpty)
            && ruledHeader(UnsafeBufferPointer(rebasing: p[0..<b]), visitor: &visitor) {
            lastLine.removeAll(keepingCapacity: true)
            lastLineRef = nil
            return
        }
        lastLineRef = b <= Self.maxRuledLine ? UnsafeBufferPointer(rebasing: p[0..<b]) : nil
        if lastLineRef == nil { lastLine.removeAll(keepingCapacity: true) }
        if b - a == 3 && a == 0 && (line == 1 || frontMatter), p[a] == UInt8(ascii: "-") || p[a] == UInt8(ascii: "."),
           p[a + 1] == p[a] && p[a + 2] == p[a], line == 1 ? p[a] == UInt8(ascii: "-") && !yaml : true {
            // A Markdown document's YAML front matter (`---` on its first line, to the next `---`
            // or `...`): read as YAML, so `nimi: "LEPIK, Elo"` is the name without its quotes.
            frontMatter = line == 1
            yaml = frontMatter
            if recordOpen { visitor.endRecord(); recordOpen = false }
            return
        }
        if yaml && yamlLine(p, a: a, b: b, offset: offset, visitor: &visitor) { return }
        if p[a] == UInt8(ascii: "|") && b - a >= 3 && p[b - 1] == UInt8(ascii: "|") {
            if pipeRow(UnsafeBufferPointer(rebasing: p[a..<b]), offset: offset + a, visitor: &visitor) { return }
        } else if pipeColumns != nil {
            pipeColumns = nil
        }
        if (signatureDepth >= 0 || b - a <= Self.longestClosingLine) && signatureLine(p, a: a, b: b, offset: offset, visitor: &visitor) {
            return
        }
        let whole = UnsafeBufferPointer(rebasing: p[0..<b])
        if !fixedColumns.isEmpty && fixedRow(whole, offset: offset, visitor: &visitor) { return }
        // Tables set their cells apart by wide gaps; prose and logs rarely have one, and are
        // told apart eight bytes at a time before any table rule looks at the line. Past the
        // first 4 MiB of a document without a table (a log, a prose dump), no line is asked.
        var gapped = false
        if (offset < Self.tableWindow || sawTable) && Self.hasWideGap(UnsafeBufferPointer(rebasing: p[a..<b])) {
            if fixedHeader(whole, visitor: &visitor) { return }
            if headlessRow(whole, a: a, offset: offset, visitor: &visitor) { return }
            gapped = true
        } else {
            endHeadlessRows(visitor: &visitor)
        }
        textLine(p, a: a, b: b, offset: offset, gapped: gapped, visitor: &visitor)
    }

    /// A line while a pretty-printed JSON document is gathered: kept, and when its brackets
    /// close (at the end of a line) the document is read as JSON. False when the line after
    /// the opening `{` or `[` does not go on as JSON (the block is dropped: `{` alone says
    /// nothing, and this line is read as text). A document that fails as JSON, or that the
    /// file ends inside, is read line by line as text instead, so nothing of it is lost.
    private mutating func jsonBlockLine(_ p: UnsafeBufferPointer<UInt8>, offset: Int, visitor: inout some RecordVisitor) -> Bool {
        if jsonBlockLines.count == 1 {
            var i = 0
            while i < p.count && (p[i] == 0x20 || p[i] == 0x09) { i += 1 }
            let object = jsonBlock[0] == UInt8(ascii: "{")
            let goesOn = i < p.count && (object ? p[i] == UInt8(ascii: "\"") || p[i] == UInt8(ascii: "}")
                                                : p[i] == UInt8(ascii: "{") || p[i] == UInt8(ascii: "[") || p[i] == UInt8(ascii: "\"")
                                                  || p[i] == UInt8(ascii: "]") || ASCII.isDigit(p[i]))
            if !goesOn {
                jsonBlockOpen = false
                return false
            }
        }
        jsonBlockLines.append((jsonBlock.count, offset, line))
        jsonBlock.append(contentsOf: p)
        jsonBlock.append(0x0A)
        var inString = false, escaped = false
        for c in p {
            if inString {
                if escaped { escaped = false } else if c == UInt8(ascii: "\\") { escaped = true } else if c == UInt8(ascii: "\"") { inString = false }
            } else if c == UInt8(ascii: "\"") {
                inString = true
            } else if c == UInt8(ascii: "{") || c == UInt8(ascii: "[") {
                jsonBlockDepth += 1
            } else if c == UInt8(ascii: "}") || c == UInt8(ascii: "]") {
                jsonBlockDepth -= 1
            }
        }
        if jsonBlockDepth <= 0 || jsonBlock.count > Self.maxJSONBlock { endJSONBlock(visitor: &visitor) }
        return true
    }

    /// Reads the gathered JSON document (`jsonBlockLine`), or its lines as text when it is
    /// unbalanced or no JSON.
    private mutating func endJSONBlock(visitor: inout some RecordVisitor) {
        jsonBlockOpen = false
        var block: [UInt8] = []
        swap(&block, &jsonBlock)
        defer { block.removeAll(keepingCapacity: true); swap(&block, &jsonBlock) }
        if jsonBlockDepth == 0 {
            // Log4j's JSON layout sets its events apart by a comma after each (`},`).
            var end = block.count
            while end > 0 && (block[end - 1] == 0x0A || block[end - 1] == 0x0D || block[end - 1] == 0x20) { end -= 1 }
            if end > 0 && block[end - 1] == UInt8(ascii: ",") { end -= 1 }
            // (A block that is no JSON is read as text: `readJSON`.)
            let read = block.withUnsafeBufferPointer { b in
                readJSON(UnsafeBufferPointer(rebasing: b[0..<end]), line: jsonBlockLines[0].line, offset: jsonBlockLines[0].offset, visitor: &visitor)
            }
            if read { return }
        }
        let lines = jsonBlockLines, current = line
        replayingJSONBlock = true
        for (k, l) in lines.enumerated() {
            let end = k + 1 < lines.count ? lines[k + 1].start - 1 : block.count - 1
            line = l.line
            block.withUnsafeBufferPointer { lineEnded(UnsafeBufferPointer(rebasing: $0[l.start..<end]), offset: l.offset, visitor: &visitor) }
        }
        replayingJSONBlock = false
        line = current
        lastLineRef = nil
    }

    /// Whether a line opens a JSON object or array of objects (`{"data": [{"id": …`, `[{"a": …`).
    static func opensJSON(_ t: UnsafeBufferPointer<UInt8>) -> Bool {
        var i = 1
        while i < t.count && t[i] == 0x20 { i += 1 }
        guard i < t.count else { return false }
        return t[0] == UInt8(ascii: "{") ? t[i] == UInt8(ascii: "\"") : t[0] == UInt8(ascii: "[") && t[i] == UInt8(ascii: "{")
    }

    /// Ends what the text has open (a signature, headless rows, the record, held relatives, the
    /// line a rule would make a header of) before a JSON document's records.
    private mutating func endTextBlock(visitor: inout some RecordVisitor) {
        if signatureDepth >= 0 { endSignature(visitor: &visitor) }
        endHeadlessRows(visitor: &visitor)
        if recordOpen { visitor.endRecord(); recordOpen = false }
        emitHeldRelated(visitor: &visitor)
        lastLine.removeAll(keepingCapacity: true)
        lastLineRef = nil
    }

    /// Reads a JSON document of the text (a line that is one, `endJSONBlock`) with the document's one
    /// JSON reader (`jsonBlockReader`: paths declared once, however many lines or blocks), read
    /// once without a visitor first: false, and nothing delivered, when it is no JSON.
    private mutating func readJSON(_ t: UnsafeBufferPointer<UInt8>, line: Int, offset: Int, visitor: inout some RecordVisitor) -> Bool {
        var json = jsonBlockReader ?? JSONReader(lines: false, limits: limits)
        if !json.move(to: offset, line: line) {
            json = JSONReader(lines: false, limits: limits, startingAt: line, offset: offset)
        }
        func read(_ reader: inout JSONReader, _ v: inout some RecordVisitor) -> Bool {
            do {
                try reader.consume(t, visitor: &v)
                try reader.finish(visitor: &v)
                return true
            } catch {
                return false
            }
        }
        // (Once 16 in a row were JSON, a log of JSON lines, the probe is skipped: a line that
        // then fails is read as text too, the fields before its error twice.)
        if jsonReadsInARow < 16 {
            var probe = json, nothing = NullVisitor()
            guard read(&probe, &nothing) else { jsonReadsInARow = 0; return false }
        }
        endTextBlock(visitor: &visitor)
        if read(&json, &visitor) {
            jsonBlockReader = json
            jsonReadsInARow += 1
            return true
        }
        jsonBlockReader = nil
        let trusted = jsonReadsInARow >= 16
        jsonReadsInARow = 0
        return !trusted
    }

    /// Where a form-encoded JSON value stands in a line (`mandrill_events=%5B%7B%22event…`, an
    /// nginx log's request body): after `=`, from `%5B` or `%7B` to a quote, a space or `&`.
    static func formEncodedJSON(_ t: UnsafeBufferPointer<UInt8>) -> Range<Int>? {
        guard let base = t.baseAddress, t.count >= 16 else { return nil }
        var i = 0
        while i < t.count, let hit = memchr(base + i, Int32(UInt8(ascii: "%")), t.count - i) {
            let k = UnsafePointer(hit.assumingMemoryBound(to: UInt8.self)) - base
            i = k + 1
            guard k >= 1, k + 5 < t.count, t[k - 1] == UInt8(ascii: "="),
                  t[k + 1] == UInt8(ascii: "5") || t[k + 1] == UInt8(ascii: "7"),
                  t[k + 2] == UInt8(ascii: "B") || t[k + 2] == UInt8(ascii: "b") else { continue }
            var end = k
            while end < t.count && t[end] != UInt8(ascii: "\"") && t[end] != 0x20 && t[end] != UInt8(ascii: "&") { end += 1 }
            return k..<end
        }
        return nil
    }

    /// A non-blank line read as text: a labelled field, a related person's record, a printed
    /// list's fields set apart by wide gaps (`gapped`: the line has one), or free text.
    private mutating func textLine(_ p: UnsafeBufferPointer<UInt8>, a: Int, b: Int, offset: Int, gapped: Bool = false,
                                   visitor: inout some RecordVisitor) {
        let text = UnsafeBufferPointer(rebasing: p[a..<b])
        if let r = Self.formEncodedJSON(text), let decoded = Self.percentDecoded(UnsafeBufferPointer(rebasing: text[r])),
           decoded.first == UInt8(ascii: "[") || decoded.first == UInt8(ascii: "{") {
            // A webhook's logged form body (`mandrill_events=%5B%7B%22event%22…`): its JSON, read
            // as JSON once decoded. (A URL's query is read as well, for its other parameters; a
            // body alone is not read again as text, whose encoded subject no template rule sees.)
            if decoded.withUnsafeBufferPointer({ readJSON($0, line: line, offset: offset + a + r.lowerBound, visitor: &visitor) }),
               !Self.hasQuery(text) {
                return
            }
        }
        if ASCII.isDigit(text[0]), Self.hasQuery(text) || Self.encodedAt(text) != nil {
            // A log line (a timestamp or an address first) with a URL's query, or an address
            // encoded in its path (an S3 access log's `profiles/keisha_moore%40inbox.test.json`):
            // one request, whose parameters are one person's, is a record of its own.
            beginLineRecord(offset: offset + a, visitor: &visitor)
            visitor.field(text, column: -1, line: line, offset: offset + a)
            queryFields(text, offset: offset + a, visitor: &visitor)
            encodedAddresses(text, offset: offset + a, visitor: &visitor)
            visitor.endRecord()
            return
        }
        if ASCII.isDigit(text[0]), let args = Self.redisArguments(text) {
            // A redis `MONITOR` line: one command, whose arguments are one key's.
            beginLineRecord(offset: offset + a, visitor: &visitor)
            redisFields(args, offset: offset + a, visitor: &visitor)
            visitor.endRecord()
            return
        }
        if lineProtocolBudget > 0 {
            let pairs = LineProtocol.pairs(text)
            if !pairs.isEmpty {
                // An InfluxDB point (`ost,kaart=2900… toode="Ibumetin 400 mg N20" 1692…`): a
                // record of its own, its known tags and fields under their keys.
                // (Not the line as text: a product's EAN in every buyer's line would read as a
                // payment card they share. Another key's string field is text of its own.)
                lineProtocolBudget = Self.hashRocketLines
                beginLineRecord(offset: offset + a, visitor: &visitor)
                lineProtocolFields(text, pairs, offset: offset + a, visitor: &visitor)
                visitor.endRecord()
                return
            }
            lineProtocolBudget -= 1
        }
        if logfmtBudget > 0 {
            let pairs = Logfmt.pairs(text)
            if !pairs.isEmpty {
                // A logfmt event (`level=info … tel=570640333 pacjent="Marek Olszewski"`): its
                // text, and each pair whose key names a person's element under that key.
                // (One event, one record: a log's lines are different persons'.)
                logfmtBudget = Self.hashRocketLines
                beginLineRecord(offset: offset + a, visitor: &visitor)
                visitor.field(text, column: -1, line: line, offset: offset + a)
                logfmtFields(text, pairs, offset: offset + a, visitor: &visitor)
                visitor.endRecord()
                return
            }
            logfmtBudget -= 1
        }
        var labelled = Self.splitLabel(text)
        if labelled == nil, text.count > 3, text[0] == UInt8(ascii: ":"), ASCII.isLetter(text[1]),
           let s = Self.splitLabel(UnsafeBufferPointer(rebasing: text[1...])), text[s.label.upperBound + 1] == UInt8(ascii: ":") {
            // An AsciiDoc attribute (`:patsient: Maie Pärn`): its name is the label.
            labelled = ((s.label.lowerBound + 1)..<(s.label.upperBound + 1), (s.value.lowerBound + 1)..<(s.value.upperBound + 1))
        }
        if let split = labelled, split.label.count <= 16, recipientsLine(text, split, offset: offset + a, visitor: &visitor) { return }
        openRecord(offset: offset, visitor: &visitor)
        let answersAddress = line == addressAnswerLine
        if Self.asksForAddress(text) { addressAnswerLine = line + 1 }
        if line == listAddressLine && text.count <= 120 && ColumnSampler.isAddress(Array(text)) && labelled == nil {
            // The line under a printed list's name (`    KALLIOKATU 24, 00134 HELSINKI`).
            visitor.field(text, column: headlessColumns.address, line: line, offset: offset + a)
            return
        }
        if let split = labelled {
            // The label's bytes, copied once for both label tables.
            let label = Array(text[split.label])
            if let related = relatedColumn(label, visitor: &visitor) {
                // `Lapsevanem: Anu Sepapere, +372 5988 6849` in a child's block: the parent's
                // own record, read once the child's block ends (so the child's lines below it,
                // `Näidustus: …`, stay the child's).
                heldRelated.append((Array(text[split.value]), related, line, offset + a + split.value.lowerBound))
                return
            }
            let column = labelColumn(label, visitor: &visitor)
            if column >= 0 {
                // A form's line may hold several fields set apart by a wide gap
                // (`PESEL: brak   Dokument: paszport FE222750`): each known label starts one.
                var value = split.value, current = column
                while let next = nextLabelledField(text, in: value, visitor: &visitor) {
                    visitor.field(UnsafeBufferPointer(rebasing: text[value.lowerBound..<next.end]), column: current, line: line,
                                  offset: offset + a + value.lowerBound)
                    value = next.value
                    current = next.column
                }
                visitor.field(UnsafeBufferPointer(rebasing: text[value]), column: current, line: line,
                              offset: offset + a + value.lowerBound)
                return
            }
            // A call transcript's answer: `Agentti: Voitteko vahvistaa osoitteen?` then
            // `Soittaja: Sepänkatu 60 D 9, 02708 Espoo.` (the speaker's label says nothing).
            var value = split.value
            if text[value.upperBound - 1] == UInt8(ascii: ".") { value = value.lowerBound..<(value.upperBound - 1) }
            if answersAddress, !value.isEmpty, ColumnSampler.isAddress(Array(text[value])) {
                declareListColumns(visitor: &visitor)
                visitor.field(UnsafeBufferPointer(rebasing: text[value]), column: headlessColumns.address, line: line,
                              offset: offset + a + value.lowerBound)
                return
            }
        }
        if gapped && gapFields(text, offset: offset + a, visitor: &visitor) { return }
        if !gapped && labelled == nil {
            if holdsAddress && text.count <= 60 && (ASCII.isUpper(text[0]) || text[0] >= 0xC3) && Self.isListName(text) {
                // Maybe a postal label's name line (`TAYLOR, GARY A` over `1735 PARK AVE`).
                heldAddress.append((Array(text), line, offset + a))
                return
            }
            if addressBlock, let f = labelledPart(text, 0..<text.count, split: nil, colonless: true, visitor: &visitor),
               personalColumns.contains(f.column) {
                visitor.field(UnsafeBufferPointer(rebasing: text[f.value]), column: f.column, line: line, offset: offset + a + f.value.lowerBound)
                return
            }
        }
        if line <= Self.proseAddressLines, let r = Self.proseAddress(text) {
            // `Uus kaart palun saata aadressile Tamme 113, 20103 Narva.`
            declareListColumns(visitor: &visitor)
            visitor.field(UnsafeBufferPointer(rebasing: text[r]), column: headlessColumns.address, line: line, offset: offset + a + r.lowerBound)
        }
        visitor.field(text, column: -1, line: line, offset: offset + a)
        if let base = text.baseAddress, memchr(base, 0x3F, text.count) != nil {
            queryFields(text, offset: offset + a, visitor: &visitor)
        }
        // (Looked for while lines keep showing them: a log without any in its first lines is read
        // without the extra pass.)
        if hashRocketBudget > 0 {
            if Self.hasHashRocket(text) {
                hashRocketBudget = Self.hashRocketLines
                hashRocketFields(text, offset: offset + a, visitor: &visitor)
            } else {
                hashRocketBudget -= 1
            }
        }
    }

    /// The arguments of a redis `MONITOR` line (`1695794404.778030 [0 10.20.4.13:43170] "HSET"
    /// "kaart:2900…" "omanik" "T\xc3\xb5nis Oja" …`) with redis's escapes undone (`\xHH`, `\"`,
    /// `\\`, `\n`, `\r`, `\t`); nil for any other line.
    static func redisArguments(_ text: UnsafeBufferPointer<UInt8>) -> [[UInt8]]? {
        let n = text.count
        var i = 0
        while i < n && i < 24 && (ASCII.isDigit(text[i]) || text[i] == UInt8(ascii: ".")) { i += 1 }
        guard i >= 10, i + 2 < n, text[i] == 0x20, text[i + 1] == UInt8(ascii: "[") else { return nil }
        var j = i + 2
        while j < n && j < i + 72 && text[j] != UInt8(ascii: "]") { j += 1 }
        guard j + 2 < n, text[j] == UInt8(ascii: "]"), text[j + 1] == 0x20, text[j + 2] == UInt8(ascii: "\"") else { return nil }
        var args: [[UInt8]] = []
        var k = j + 2
        while k < n {
            guard text[k] == UInt8(ascii: "\""), args.count < 256 else { return nil }
            k += 1
            var arg: [UInt8] = []
            while k < n && text[k] != UInt8(ascii: "\"") {
                guard text[k] == UInt8(ascii: "\\"), k + 1 < n else { arg.append(text[k]); k += 1; continue }
                switch text[k + 1] {
                case UInt8(ascii: "x") where k + 3 < n:
                    guard let hi = MailDecoder.hex(text[k + 2]), let lo = MailDecoder.hex(text[k + 3]) else { return nil }
                    arg.append(hi << 4 | lo); k += 4
                case UInt8(ascii: "n"): arg.append(0x0A); k += 2
                case UInt8(ascii: "r"): arg.append(0x0D); k += 2
                case UInt8(ascii: "t"): arg.append(0x09); k += 2
                default: arg.append(text[k + 1]); k += 2
                }
            }
            guard k < n else { return nil }
            args.append(arg)
            k += 1
            while k < n && text[k] == 0x20 { k += 1 }
        }
        return args.isEmpty ? nil : args
    }

    /// A redis command's arguments as fields. A hash's (`HSET`, `HMSET`) fields are values of
    /// their names' columns (`omanik`, `isikukood`, `tel`); a key's part after its prefix is a
    /// value of the prefix's column (`kaart:2900…`); anything else is text (`otp:+372…`, a set's
    /// member). Arguments that are not UTF-8 (binary values) are left out.
    private mutating func redisFields(_ args: [[UInt8]], offset: Int, visitor: inout some RecordVisitor) {
        guard args.count >= 2 else { return }
        let command = args[0].map(ASCII.lower)
        func text(_ value: [UInt8], column: Int) {
            guard value.withUnsafeBufferPointer({ UTF8Validation.isValid($0) }) else { return }
            value.withUnsafeBufferPointer { visitor.field($0, column: column, line: line, offset: offset) }
        }
        let key = args[1]
        if let colon = key.lastIndex(of: UInt8(ascii: ":")), colon > 0, colon + 1 < key.count,
           case let (column, _) = queryColumn(Array(key[..<colon]), visitor: &visitor), column >= 0 {
            text(Array(key[(colon + 1)...]), column: column)
        } else {
            text(key, column: -1)
        }
        var rest = args[2...]
        if command == Array("hset".utf8) || command == Array("hmset".utf8) || command == Array("hsetnx".utf8) {
            while rest.count >= 2 {
                let (column, _) = queryColumn(rest[rest.startIndex], visitor: &visitor)
                text(rest[rest.startIndex + 1], column: column)
                rest = rest.dropFirst(2)
            }
        }
        for value in rest { text(value, column: -1) }
    }

    /// A document's first lines, where a letter's sentences are read for a postal address
    /// (`proseAddress`); a log's later lines are not.
    static let proseAddressLines = 300

    /// Words after which a sentence gives a postal address (lower case; ` to ` as in `send the
    /// card to …`).
    static let proseAddressCues: [[UInt8]] = ["aadressile", "aadress", "address", "adres", "adress", "osoittee", "osoite",
                                             "адрес", "Адрес", " to ", " på ", " na ", " an "].map { Array($0.utf8) }

    /// The postal address a sentence ends with after an address word (`saata aadressile Tamme
    /// 113, 20103 Narva.`, `send the new card to Mustamäe tee 80, 71020 Viljandi.`, `Новая карта
    /// по адресу: Kuuse 6-60, 20103 Narva.`): from a capitalised word or a number after the cue
    /// to the end, an address by `ColumnSampler.isAddress` whose last words are a postal code and
    /// a town. Nil for anything else.
    static func proseAddress(_ text: UnsafeBufferPointer<UInt8>) -> Range<Int>? {
        guard text.count >= 16, text.count <= 240, let base = text.baseAddress, memchr(base, 0x2C, text.count) != nil else { return nil }
        var end = text.count
        while end > 0 && (text[end - 1] == 0x20 || text[end - 1] == UInt8(ascii: ".") || text[end - 1] == UInt8(ascii: "!")) { end -= 1 }
        // The last two words: a postal code (`20103`, `00-950`, `LV-1010`, `114 55` as two) and a town.
        var t = end
        while t > 0 && text[t - 1] != 0x20 && text[t - 1] != 0x2C { t -= 1 }
        guard t < end, text[t..<end].allSatisfy({ ASCII.isLetter($0) || $0 >= 0x80 || $0 == UInt8(ascii: "-") }) else { return nil }
        var z = t
        while z > 0 && text[z - 1] == 0x20 { z -= 1 }
        var zs = z
        while zs > 0 && text[zs - 1] != 0x20 && text[zs - 1] != 0x2C { zs -= 1 }
        let digits = text[zs..<z].filter(ASCII.isDigit).count
        guard digits >= 3, digits <= 6, z - zs <= 9 else { return nil }
        let lower = NameDetector.lowercase(Array(text[0..<zs]))
        for cue in proseAddressCues {
            guard let at = CategoryMatcher.firstIndex(of: cue, in: lower) else { continue }
            var k = at + cue.count
            var tries = 0
            while k < zs && tries < 4 {
                while k < zs && !(ASCII.isUpper(text[k]) || text[k] >= 0xC3 || Self.isStreetPrefix(text, k)) { k += 1 }
                guard k < zs, k == 0 || text[k - 1] == 0x20 || text[k - 1] == UInt8(ascii: ":") else {
                    while k < zs && text[k] != 0x20 { k += 1 }
                    continue
                }
                tries += 1
                // The street and its number before a comma, then the postal code and the town.
                if let comma = text[k..<zs].lastIndex(of: 0x2C), text[k..<comma].contains(where: ASCII.isDigit),
                   ColumnSampler.isAddress(Array(text[k..<end])) { return k..<end }
                while k < zs && text[k] != 0x20 { k += 1 }
            }
        }
        return nil
    }

    /// Whether a street's abbreviation starts at `k` (`ul. Lipowa`, `al. Jana Pawła`, `ул. Ленина`).
    static func isStreetPrefix(_ text: UnsafeBufferPointer<UInt8>, _ k: Int) -> Bool {
        guard k == 0 || text[k - 1] == 0x20 else { return false }
        for prefix in streetPrefixes where k + prefix.count <= text.count && text[k..<(k + prefix.count)].elementsEqual(prefix) { return true }
        return false
    }
    static let streetPrefixes: [[UInt8]] = ["ul. ", "al. ", "pl. ", "os. "].map { Array($0.utf8) }

    /// Text lines read for Ruby hashes after the last one that had a pair (`hashRocketBudget`).
    static let hashRocketLines = 2000

    /// Whether a line holds a Ruby hash's pair (`"email"=>"…"`: a Rails log's `Parameters:`).
    static func hasHashRocket(_ text: UnsafeBufferPointer<UInt8>) -> Bool {
        guard let base = text.baseAddress else { return false }
        var i = 0
        while i < text.count, let hit = memchr(base + i, Int32(UInt8(ascii: ">")), text.count - i) {
            let k = UnsafePointer(hit.assumingMemoryBound(to: UInt8.self)) - base
            if k >= 2 && text[k - 1] == UInt8(ascii: "=") && text[k - 2] == UInt8(ascii: "\"") { return true }
            i = k + 1
        }
        return false
    }

    /// The pairs of a Ruby hash in a log line (`Parameters: {"account"=>{"email"=>"…",
    /// "first_name"=>"Ashley", "last_name"=>"Lewis"}}`): a known key's string value is a field of
    /// its column, as a URL query's parameter is (`queryColumn`); a first and a last name of one
    /// line are one name.
    private mutating func hashRocketFields(_ text: UnsafeBufferPointer<UInt8>, offset: Int, visitor: inout some RecordVisitor) {
        var given: (value: [UInt8], column: Int, offset: Int)?, family: (value: [UInt8], column: Int, offset: Int)?
        var i = 0
        let n = text.count
        while i < n {
            guard text[i] == UInt8(ascii: "\"") else { i += 1; continue }
            // A quoted key, `=>`, then a quoted value.
            var k = i + 1
            while k < n && text[k] != UInt8(ascii: "\"") { k += 1 }
            guard k + 3 < n, text[k + 1] == UInt8(ascii: "="), text[k + 2] == UInt8(ascii: ">") else { i = k + 1; continue }
            let key = i + 1..<k
            i = k + 3
            guard text[i] == UInt8(ascii: "\""), key.count <= 32 else { continue }
            var end = i + 1
            while end < n && text[end] != UInt8(ascii: "\"") { end += text[end] == UInt8(ascii: "\\") ? 2 : 1 }
            guard end < n else { break }
            let value = (i + 1)..<end
            i = end + 1
            guard !value.isEmpty else { continue }
            let (column, hint) = queryColumn(Array(text[key]), visitor: &visitor)
            guard column >= 0 else { continue }
            let at = offset + value.lowerBound
            switch hint {
            case .firstName: given = (Array(text[value]), column, at)
            case .lastName: family = (Array(text[value]), column, at)
            default: visitor.field(UnsafeBufferPointer(rebasing: text[value]), column: column, line: line, offset: at)
            }
        }
        emitNameParts(given: given, family: family, visitor: &visitor)
    }

    /// Ends the open record and begins one for this line alone (a request, a command, a point,
    /// an event); its caller ends it.
    private mutating func beginLineRecord(offset: Int, visitor: inout some RecordVisitor) {
        if recordOpen { visitor.endRecord(); recordOpen = false }
        visitor.beginRecord(line: line, offset: offset)
    }

    /// An InfluxDB point's known tags and fields under their keys, another key's string field as
    /// text (`lineProtocolColumn`).
    private mutating func lineProtocolFields(_ text: UnsafeBufferPointer<UInt8>, _ pairs: [(key: Range<Int>, value: Range<Int>, quoted: Bool)],
                                             offset: Int, visitor: inout some RecordVisitor) {
        for pair in pairs {
            // (A key that names nothing personal, `ean`, is not read at all.)
            let (column, hint) = lineProtocolColumn(Array(text[pair.key]), visitor: &visitor)
            guard column >= 0 || (hint != .nonPersonal && pair.quoted) else { continue }
            LineProtocol.unescaped(UnsafeBufferPointer(rebasing: text[pair.value])).withUnsafeBufferPointer {
                visitor.field($0, column: column, line: line, offset: offset + pair.value.lowerBound)
            }
        }
    }

    /// The column of an InfluxDB point's tag or field key (`kaart`, `toode`): one the classifier
    /// gives a hint other than none (a card, a customer key, a product), else -1 with the hint
    /// (`.nonPersonal` for a key that names nothing personal, `ean`).
    private mutating func lineProtocolColumn(_ key: [UInt8], visitor: inout some RecordVisitor) -> (Int, FieldHint) {
        let classify = self.classify
        return Self.keyColumn(key, label: String(decoding: key, as: UTF8.self), name: String(decoding: key, as: UTF8.self),
                              cache: &lineProtocolColumns, classify: classify, visitor: &visitor) { $0 != .none && $0 != .nonPersonal }
    }

    /// A logfmt line's pairs (`Logfmt.pairs`) whose key the classifier gives a person's element,
    /// as a URL query's parameters are read (`queryColumn`); a first and a last name of one line
    /// are one name.
    private mutating func logfmtFields(_ text: UnsafeBufferPointer<UInt8>, _ pairs: [(key: Range<Int>, value: Range<Int>, quoted: Bool)],
                                       offset: Int, visitor: inout some RecordVisitor) {
        var given: (value: [UInt8], column: Int, offset: Int)?, family: (value: [UInt8], column: Int, offset: Int)?
        for pair in pairs {
            let (column, hint) = logfmtColumn(Array(text[pair.key]), visitor: &visitor)
            guard column >= 0 else { continue }
            let raw = UnsafeBufferPointer(rebasing: text[pair.value])
            let value = pair.quoted ? Logfmt.unescaped(raw) : Array(raw)
            let at = offset + pair.value.lowerBound
            switch hint {
            case .firstName: given = (value, column, at)
            case .lastName: family = (value, column, at)
            default: value.withUnsafeBufferPointer { visitor.field($0, column: column, line: line, offset: at) }
            }
        }
        emitNameParts(given: given, family: family, visitor: &visitor)
    }

    /// The column and hint of a logfmt key: one the classifier gives a person's element, a
    /// delivery's, a purchase's or a customer key (`Logfmt.reads`), or -1.
    private mutating func logfmtColumn(_ key: [UInt8], visitor: inout some RecordVisitor) -> (Int, FieldHint) {
        let classify = self.classify, label = String(decoding: key, as: UTF8.self)
        return Self.keyColumn(key, label: label, name: Self.queryColumnPrefix + label, cache: &logfmtLabels,
                              classify: classify, visitor: &visitor) { Logfmt.reads($0, key: key) }
    }

    /// A query's or a hash's first and last name as one name; either alone in its column.
    private mutating func emitNameParts(given: (value: [UInt8], column: Int, offset: Int)?, family: (value: [UInt8], column: Int, offset: Int)?,
                                        visitor: inout some RecordVisitor) {
        if let g = given, let f = family {
            if queryNameColumn < 0 { queryNameColumn = visitor.declareColumn(name: Self.queryColumnPrefix + "name", hint: .fullName) }
            (g.value + [0x20] + f.value).withUnsafeBufferPointer {
                visitor.field($0, column: queryNameColumn, line: line, offset: Swift.min(g.offset, f.offset))
            }
        } else if let one = given ?? family {
            one.value.withUnsafeBufferPointer { visitor.field($0, column: one.column, line: line, offset: one.offset) }
        }
    }

    /// The line after a held postal label's name (`heldAddress`): its street line
    /// (`1735 PARK AVE`, `Kalliokatu 24 B 5`), then its town line (`CINCINNATI OH 45281`,
    /// `00134 HELSINKI`), which make the name the label's person and the two lines its address
    /// (`(list name)`, `(list address)`, as a printed list's). True when the line was taken; false
    /// leaves the held lines to be read as text.
    private mutating func addressLine(_ t: UnsafeBufferPointer<UInt8>, offset: Int, visitor: inout some RecordVisitor) -> Bool {
        if heldAddress.count == 1 {
            guard Self.isStreetLine(t) else { return false }
            heldAddress.append((Array(t), line, offset))
            return true
        }
        guard Self.isTownLine(t) else { return false }
        let (name, street) = (heldAddress[0], heldAddress[1])
        heldAddress.removeAll(keepingCapacity: true)
        declareListColumns(visitor: &visitor)
        name.bytes.withUnsafeBufferPointer { visitor.field($0, column: headlessColumns.name, line: name.line, offset: name.offset) }
        let address = street.bytes + Array(", ".utf8) + Array(t)
        address.withUnsafeBufferPointer { visitor.field($0, column: headlessColumns.address, line: street.line, offset: street.offset) }
        addressBlock = true
        return true
    }

    /// Reads the held postal label's lines as text after all.
    private mutating func flushHeldAddress(visitor: inout some RecordVisitor) {
        for l in heldAddress { l.bytes.withUnsafeBufferPointer { visitor.field($0, column: -1, line: l.line, offset: l.offset) } }
        heldAddress.removeAll(keepingCapacity: true)
    }

    /// A label's street line: an address by `ColumnSampler.isAddress` (a street word:
    /// `1735 PARK AVE`, `Kalliokatu 24`), of at most 60 bytes, with no `:` or `@`.
    static func isStreetLine(_ t: UnsafeBufferPointer<UInt8>) -> Bool {
        guard t.count <= 60, !t.contains(where: { $0 == UInt8(ascii: ":") || $0 == UInt8(ascii: "@") }) else { return false }
        return ColumnSampler.isAddress(Array(t))
    }

    /// A label's town line: `CINCINNATI OH 45281(-1234)` (a town, a state's two capitals and a
    /// ZIP code), or a postal code and a town (`00134 HELSINKI`, `10115 Tallinn`, `00-950 Warszawa`,
    /// `LV-1010 Rīga`, `114 55 Stockholm`, `0150 Oslo`): no other digits.
    static func isTownLine(_ t: UnsafeBufferPointer<UInt8>) -> Bool {
        guard t.count >= 6, t.count <= 60 else { return false }
        let words = t.split(separator: 0x20)
        guard words.count >= 2 else { return false }
        func digits(_ w: some Collection<UInt8>) -> Bool { !w.isEmpty && w.allSatisfy { $0 &- 0x30 < 10 } }
        // A town's words have no digit, and its first word is capitalised (`2014 annual report` is none).
        func town(_ w: some Collection<UInt8>) -> Bool {
            guard let c = w.first, ASCII.isLetter(c) || c >= 0xC3 else { return false }
            return !w.contains { $0 &- 0x30 < 10 }
        }
        func capitalised(_ w: some Collection<UInt8>) -> Bool { w.first.map { ASCII.isUpper($0) || $0 >= 0xC3 } ?? false }
        // North America: the town, the state, the ZIP code.
        let last = words[words.count - 1], state = words[words.count - 2]
        let zip = last.split(separator: UInt8(ascii: "-"), omittingEmptySubsequences: false)
        if words.count >= 3, zip.count <= 2, zip[0].count == 5, digits(zip[0]), zip.count == 1 || (zip[1].count == 4 && digits(zip[1])),
           state.count == 2, state.allSatisfy(ASCII.isUpper), words.dropLast(2).allSatisfy(town), capitalised(words[0]) {
            return true
        }
        // A postal code first.
        var rest = 1
        let first = words[0]
        let parts = first.split(separator: UInt8(ascii: "-"), omittingEmptySubsequences: false)
        if digits(first) && (first.count == 4 || first.count == 5) {
        } else if digits(first) && first.count == 3 && words.count >= 3 && words[1].count == 2 && digits(words[1]) {
            rest = 2
        } else if parts.count == 2, digits(parts[1]),
                  (parts[0].count == 2 && digits(parts[0]) && parts[1].count == 3)
                    || (parts[0].count == 2 && parts[0].allSatisfy(ASCII.isUpper) && (parts[1].count == 4 || parts[1].count == 5)) {
        } else {
            return false
        }
        return words.count > rest && words[rest...].allSatisfy(town) && capitalised(words[rest])
    }

    /// A query tool's expanded display, one record per block: `psql`'s `\x` (`-[ RECORD 3 ]+-----`
    /// then `nimi        | Charlotte Walker` lines) and the MySQL client's `\G`
    /// (`*************************** 3. row ***************************` then `nimi: …` lines,
    /// read as labels are). The header line starts a record; under `psql`'s, each `label | value`
    /// line is a labelled field. True when the line was taken.
    private mutating func expandedLine(_ t: UnsafeBufferPointer<UInt8>, offset: Int, visitor: inout some RecordVisitor) -> Bool {
        if Self.isExpandedHeader(t) {
            if recordOpen { visitor.endRecord(); recordOpen = false }
            expandedRecords = t[0] == UInt8(ascii: "-")
            return true
        }
        guard expandedRecords else { return false }
        let bar = t.firstIndex(of: UInt8(ascii: "|")) ?? 0
        let label = Self.trimmedSpaces(UnsafeBufferPointer(rebasing: t[0..<bar]))
        guard bar > 0, bar <= Self.maxLabelBytes + 8, !label.isEmpty else {
            // Past the records (`(2 rows)`): the last one ends.
            expandedRecords = false
            if recordOpen { visitor.endRecord(); recordOpen = false }
            return false
        }
        openRecord(offset: offset, visitor: &visitor)
        let value = Self.trimmedSpaces(UnsafeBufferPointer(rebasing: t[(bar + 1)...]))
        if !value.isEmpty {
            let column = labelColumn(label, visitor: &visitor)
            visitor.field(value, column: column, line: line, offset: offset + (value.baseAddress! - t.baseAddress!))
        }
        return true
    }

    /// An org-mode headline that starts with a person's name: stars, a space, maybe a TODO
    /// keyword (capital letters: `DONE`, `OOTEL`) and a priority (`[#A]`), then a name of two to
    /// four capitalised words (`TextReader.isListName`) and, after a dash or a colon, the rest of
    /// the title; trailing tags (`:CARDIO:`) are no part of it. A single star without a keyword
    /// or tags is a Markdown bullet, not a headline. The ranges are in `t`; `rest` may be empty.
    static func orgHeadline(_ t: UnsafeBufferPointer<UInt8>) -> (name: Range<Int>, rest: Range<Int>)? {
        var i = 0
        while i < t.count && t[i] == UInt8(ascii: "*") { i += 1 }
        guard i < t.count, t[i] == 0x20 else { return nil }
        let stars = i
        while i < t.count && t[i] == 0x20 { i += 1 }
        var end = t.count
        // Tags: `:A:B:` after a space at the end.
        var tags = false
        if end - i > 3 && t[end - 1] == UInt8(ascii: ":") {
            var k = end - 2
            while k > i && t[k] != 0x20 { k -= 1 }
            if k > i && t[k + 1] == UInt8(ascii: ":") && k + 2 < end
                && t[(k + 1)..<end].allSatisfy({ ASCII.isAlnum($0) || $0 == UInt8(ascii: ":") || $0 == UInt8(ascii: "_") || $0 == UInt8(ascii: "@") }) {
                end = k
                tags = true
                while end > i && t[end - 1] == 0x20 { end -= 1 }
            }
        }
        // A TODO keyword: two to ten capital letters, then a space.
        var k = i, keyword = false
        while k < end && ASCII.isUpper(t[k]) { k += 1 }
        if k - i >= 2 && k - i <= 10 && k < end && t[k] == 0x20 {
            keyword = true
            i = k
            while i < end && t[i] == 0x20 { i += 1 }
        }
        guard stars >= 2 || keyword || tags else { return nil }
        if end - i >= 5 && t[i] == UInt8(ascii: "[") && t[i + 1] == UInt8(ascii: "#") && t[i + 3] == UInt8(ascii: "]") {
            i += 4
            while i < end && t[i] == 0x20 { i += 1 }
        }
        guard i < end else { return nil }
        // The name ends at a dash set apart by spaces (`–`, `—`, `-`), a colon or a bracket; a
        // task's verb may stand before it (`TODO Helistada: Triin Reinsalu (tel …) – vastus …`).
        let title = UnsafeBufferPointer(rebasing: t[..<end])
        func name(from start: Int) -> (name: Range<Int>, rest: Range<Int>)? {
            var nameEnd = end, restStart = end, j = start
            while j < end {
                if t[j] == UInt8(ascii: ":") || t[j] == UInt8(ascii: "(") { nameEnd = j; restStart = t[j] == UInt8(ascii: ":") ? j + 1 : j; break }
                let dash = spacedDash(title, at: j)
                if dash > 0 { nameEnd = j; restStart = j + 1 + dash; break }
                j += 1
            }
            while nameEnd > start && t[nameEnd - 1] == 0x20 { nameEnd -= 1 }
            guard nameEnd > start else { return nil }
            let name = UnsafeBufferPointer(rebasing: t[start..<nameEnd])
            guard isListName(name), isCapitalisedName(name) else { return nil }
            while restStart < end && t[restStart] == 0x20 { restStart += 1 }
            return (start..<nameEnd, min(restStart, end)..<end)
        }
        if let found = name(from: i) { return found }
        guard let colon = t[i..<end].firstIndex(of: UInt8(ascii: ":")), !t[i..<colon].contains(0x20) else { return nil }
        var after = colon + 1
        while after < end && t[after] == 0x20 { after += 1 }
        return after < end ? name(from: after) : nil
    }

    /// The width of a dash set apart by spaces at `j` (`j` is the space before it: ` - `, ` – `,
    /// ` — `): 1 or 3 bytes, 0 when there is none.
    static func spacedDash(_ t: UnsafeBufferPointer<UInt8>, at j: Int) -> Int {
        guard t[j] == 0x20, j + 2 < t.count else { return 0 }
        if t[j + 1] == UInt8(ascii: "-") && t[j + 2] == 0x20 { return 1 }
        if j + 4 < t.count && t[j + 1] == 0xE2 && t[j + 2] == 0x80 && (t[j + 3] == 0x93 || t[j + 3] == 0x94) && t[j + 4] == 0x20 { return 3 }
        return 0
    }

    /// `-[ RECORD 12 ]` (with its rule) or `*** 12. row ***`.
    static func isExpandedHeader(_ t: UnsafeBufferPointer<UInt8>) -> Bool {
        guard t.count >= 10, t.count <= 400 else { return false }
        if t[0] == UInt8(ascii: "-") && t[1] == UInt8(ascii: "[") {
            return t[2...].starts(with: " RECORD ".utf8)
        }
        guard t[0] == UInt8(ascii: "*"), t[t.count - 1] == UInt8(ascii: "*") else { return false }
        var k = 0
        while k < t.count && t[k] == UInt8(ascii: "*") { k += 1 }
        guard k >= 5, k < t.count, t[k] == 0x20 else { return false }
        let rest = t[(k + 1)...]
        guard let dot = rest.firstIndex(of: UInt8(ascii: ".")), dot > rest.startIndex,
              rest[rest.startIndex..<dot].allSatisfy({ $0 &- 0x30 < 10 }) else { return false }
        return t[(dot + 1)...].starts(with: " row ".utf8)
    }

    /// Copies the last line out of the caller's buffer before the buffer goes.
    private mutating func keepLastLine() {
        guard let r = lastLineRef else { return }
        lastLine.removeAll(keepingCapacity: true)
        lastLine.append(contentsOf: r)
        lastLineRef = nil
    }

    /// A line with its box-drawing characters (U+2500–U+257F) written as ASCII: horizontal lines
    /// `-`, vertical ones `|`, corners, tees and crossings `+`.
    static func boxDrawingAsASCII(_ p: UnsafeBufferPointer<UInt8>) -> [UInt8] {
        var out: [UInt8] = []
        out.reserveCapacity(p.count)
        var i = 0
        while i < p.count {
            if p[i] == 0xE2 && i + 2 < p.count && (p[i + 1] == 0x94 || p[i + 1] == 0x95) {
                let scalar = 0x2500 + (Int(p[i + 1] - 0x94) << 6) + Int(p[i + 2] & 0x3F)
                switch scalar {
                case 0x2500, 0x2501, 0x2504, 0x2505, 0x2508, 0x2509, 0x254C, 0x254D, 0x2550: out.append(UInt8(ascii: "-"))
                case 0x2502, 0x2503, 0x2506, 0x2507, 0x250A, 0x250B, 0x254E, 0x254F, 0x2551: out.append(UInt8(ascii: "|"))
                default: out.append(UInt8(ascii: "+"))
                }
                i += 3
                continue
            }
            out.append(p[i])
            i += 1
        }
        return out
    }

    /// Longest line read as a query tool's table header or row.
    static let maxRuledLine = 1000

    /// A dashed rule under a table's header, as query tools print them: `sqlcmd`'s and SQL*Plus's
    /// runs of dashes set apart by spaces (`---------- -------------------- ------`), Firebird
    /// `isql`'s of `=` (`============ =========== ===`), `psql`'s
    /// joined by `+` (`----+------+----`), the MySQL client's framed (`+----+------+`). Each run
    /// is a column; its label is the header line's text above it (`lastLine`). The table is read
    /// when a label names a person or a person's contact, address, ID, birth date, customer
    /// number, card or account; its lines below are rows (`ruledRow`). True when the rule was
    /// taken.
    private mutating func ruledHeader(_ p: UnsafeBufferPointer<UInt8>, visitor: inout some RecordVisitor) -> Bool {
        guard p.count <= Self.maxRuledLine, let runs = Self.ruleRuns(p), runs.count >= 2 else { return false }
        keepLastLine()   // (the header above, in one buffer)
        var labels: [[UInt8]] = []
        var personal = false
        let headerStarts = lastLine.contains(where: { $0 >= 0x80 }) ? FixedWidthReader.characterStarts(lastLine) : nil
        for r in runs {
            let t = lastLine.withUnsafeBufferPointer { Array($0[Self.ruledCell($0, Self.byteRange(r, headerStarts, $0.count)).text]) }
            guard t.count <= Self.maxLabelBytes, !t.contains(where: { $0 &- 0x30 < 10 }) else { return false }
            labels.append(t)
            if !t.isEmpty, let hint = classify(String(decoding: t, as: UTF8.self)) {
                switch hint {
                // (A customer's, a patient's or a card's number: the rows are theirs, joined by it —
                // `isql`'s results under `ID_PACJENTA`, sqlite3's purchases under `kaart_nr`.)
                case .fullName, .firstName, .lastName, .postalAddress, .phone, .email, .nationalID, .dateOfBirth, .linkKey,
                     .loyaltyCard, .paymentCard, .iban: personal = true
                default: break
                }
            }
        }
        guard personal else { return false }
        if recordOpen { visitor.endRecord(); recordOpen = false }
        sawTable = true
        let codes = FieldClassifier.postalCodesBesideAddress(labels.map { String(decoding: $0, as: UTF8.self) })
        ruledColumns = zip(runs, labels).enumerated().map { k, column in
            let (r, label) = column
            if codes[k] {
                // (`ULICA · KOD · MIASTO`: the postal code.)
                return (r, visitor.declareColumn(name: String(decoding: label, as: UTF8.self), hint: .addressPart))
            }
            guard !label.isEmpty else { return (r, -1) }
            let known = labelColumn(label, visitor: &visitor)
            // (Any other label is still its column's name, as a CSV header is: `BADANIE` over
            // `CRP` is what says the abbreviation is a lab test.)
            return (r, known >= 0 ? known : visitor.declareColumn(name: String(decoding: label, as: UTF8.self), hint: .none))
        }
        return true
    }

    /// The runs of dashes of a query tool's rule (`ruledHeader`): dashes (or `=`), set apart by
    /// one space, `+` or `|` (framed rules start and end with `+`); nil for any other line.
    static func ruleRuns(_ p: UnsafeBufferPointer<UInt8>) -> [Range<Int>]? {
        var runs: [Range<Int>] = []
        var start = -1
        for i in 0..<p.count {
            switch p[i] {
            case UInt8(ascii: "-"), UInt8(ascii: "="):
                if start < 0 { start = i }
            case 0x20, UInt8(ascii: "+"), UInt8(ascii: "|"):
                if start >= 0 { runs.append(start..<i); start = -1 }
                // (Two spaces between runs: a ruler drawn in prose, not a query tool's.)
                if p[i] == 0x20 && i + 1 < p.count && p[i + 1] == 0x20 && !runs.isEmpty { return nil }
            default:
                return nil
            }
        }
        if start >= 0 { runs.append(start..<p.count) }
        return runs.allSatisfy({ $0.count >= 1 }) ? runs : nil
    }

    /// A ruled table's cell at `r` in line `p`: its text's range (spaces and `|` around it
    /// trimmed) and where the cell ends. A value longer than its column (`+358 (0)45 586 8797`
    /// under 18 dashes) runs on to the next space or `|`.
    static func ruledCell(_ p: UnsafeBufferPointer<UInt8>, _ r: Range<Int>) -> (text: Range<Int>, end: Int) {
        guard r.lowerBound < p.count else { return (p.count..<p.count, p.count) }
        var end = Swift.min(r.upperBound, p.count)
        while end < p.count && p[end] != 0x20 && p[end] != UInt8(ascii: "|") && p[end - 1] != 0x20 { end += 1 }
        var a = r.lowerBound, b = end
        while a < b && (p[a] == 0x20 || p[a] == UInt8(ascii: "|")) { a += 1 }
        while b > a && (p[b - 1] == 0x20 || p[b - 1] == UInt8(ascii: "|")) { b -= 1 }
        return (a..<b, end)
    }

    /// A rule's column range `r` (in characters: query tools align by them) as bytes of a line
    /// whose characters start at `starts` (nil: an ASCII line, where the two are the same).
    static func byteRange(_ r: Range<Int>, _ starts: [Int]?, _ count: Int) -> Range<Int> {
        guard let starts else { return r }
        func byte(_ i: Int) -> Int { i < starts.count ? starts[i] : count + (i - starts.count) }
        return byte(r.lowerBound)..<byte(r.upperBound)
    }

    /// A row of a ruled table (`ruledHeader`): each column's cell a field of its column (`NULL`
    /// is none), the row a record. A cell that ran past its column moves the rest of the row
    /// along. Not a row: a line with text left of the first column, or a tool's row count
    /// (`(96 rows)`: `psql` prints it right under the rows).
    private mutating func ruledRow(_ p: UnsafeBufferPointer<UInt8>, a: Int, b: Int, offset: Int, visitor: inout some RecordVisitor) -> Bool {
        guard b <= Self.maxRuledLine, a + 1 >= ruledColumns[0].range.lowerBound else { return false }
        let row = UnsafeBufferPointer(rebasing: p[0..<b])
        if Self.ruleRuns(row) != nil {   // a framed table's closing rule
            ruledColumns.removeAll()
            return true
        }
        if p[a] == UInt8(ascii: "(") && !row.contains(UInt8(ascii: "|")) { return false }
        visitor.beginRecord(line: line, offset: offset + a)
        // (Columns count characters: `Łódź` is four of them and seven bytes.)
        let starts = row.contains(where: { $0 >= 0x80 }) ? FixedWidthReader.characterStarts(Array(row)) : nil
        var shift = 0
        for c in ruledColumns {
            let r = Self.byteRange(c.range, starts, row.count)
            let cell = Self.ruledCell(row, (r.lowerBound + shift)..<(r.upperBound + shift))
            shift = Swift.max(shift, cell.end - r.upperBound)
            let text = cell.text
            // (`NULL`, Firebird's `<null>`: none.)
            guard !text.isEmpty, !(text.count == 4 && row[text].elementsEqual("NULL".utf8)),
                  !(text.count == 6 && row[text].elementsEqual("<null>".utf8)) else { continue }
            visitor.field(UnsafeBufferPointer(rebasing: row[text]), column: c.column, line: line, offset: offset + text.lowerBound)
        }
        visitor.endRecord()
        return true
    }

    /// A forwarded or quoted message's header block in a body (`From: Amanda Adams <…>`, `Date:`,
    /// `To: <rxhelp@…>`): its sender line (with an address) is read with the block, but each
    /// recipient of a `To:`/`Cc:` line under it (within `headerBlockLines`) is a record of its own, as in a
    /// message's own headers. (Otherwise every customer who wrote to one help desk would share its
    /// address with the others.) True when the line was taken.
    private mutating func recipientsLine(_ text: UnsafeBufferPointer<UInt8>, _ split: (label: Range<Int>, value: Range<Int>),
                                         offset: Int, visitor: inout some RecordVisitor) -> Bool {
        if Self.senderLabels.contains(text, split.label.lowerBound, split.label.upperBound) {
            // Only a sender with an address opens a header block (`Od: 01.03.2024` is a date range's).
            if let base = text.baseAddress, memchr(base + split.value.lowerBound, 0x40, split.value.count) != nil { senderLine = line }
            return false
        }
        guard senderLine > 0, line - senderLine <= Self.headerBlockLines,
              Self.recipientLabels.contains(text, split.label.lowerBound, split.label.upperBound) else { return false }
        if recordOpen { visitor.endRecord(); recordOpen = false }
        for r in Self.addressPieces(UnsafeBufferPointer(rebasing: text[split.value])) {
            let at = split.value.lowerBound + r.lowerBound
            visitor.beginRecord(line: line, offset: offset + at)
            visitor.field(UnsafeBufferPointer(rebasing: text[at..<(split.value.lowerBound + r.upperBound)]), column: -1, line: line,
                          offset: offset + at)
            visitor.endRecord()
        }
        return true
    }

    /// Lines a quoted header block spans from its sender to its last recipient.
    static let headerBlockLines = 6

    /// Labels of a quoted message's sender, in the languages of the mail clients' forward headers.
    static let senderLabels = LowercaseWordSet([
        "from", "sender", "saatja", "kellelt", "lähettäjä", "från", "avsändare", "fra", "od", "nadawca", "von",
        "absender", "от", "отправитель", "no", "sūtītājs", "nuo", "siuntėjas",
    ].map { Array($0.utf8) })

    /// Labels of a quoted message's recipients.
    static let recipientLabels = LowercaseWordSet([
        "to", "cc", "bcc", "kellele", "adressaat", "koopia", "vastaanottaja", "kopio", "till", "kopia", "mottagare",
        "til", "kopi", "do", "dw", "an", "kopie", "кому", "копия", "kam", "kopija", "saņēmējs", "gavėjas",
    ].map { Array($0.utf8) })

    /// The addresses of a recipients' list (`Mari Maasikas <mari@…>; "Tamm, Jaan" <jaan@…>`): cut at
    /// a `,` or `;` outside quotes and angle brackets once the piece holds an `@` (so
    /// `Maasikas, Mari <mari@…>` stays whole); spaces around each piece trimmed.
    static func addressPieces(_ v: UnsafeBufferPointer<UInt8>) -> [Range<Int>] {
        var pieces: [Range<Int>] = []
        var start = 0, quoted = false, angle = false, sawAt = false
        func close(_ end: Int) {
            var a = start, b = end
            while a < b && (v[a] == 0x20 || v[a] == 0x09) { a += 1 }
            while b > a && (v[b - 1] == 0x20 || v[b - 1] == 0x09) { b -= 1 }
            if a < b { pieces.append(a..<b) }
        }
        for k in 0..<v.count {
            switch v[k] {
            case UInt8(ascii: "\""): quoted.toggle()
            case UInt8(ascii: "<") where !quoted: angle = true
            case UInt8(ascii: ">") where !quoted: angle = false
            case UInt8(ascii: "@"): sawAt = true
            case UInt8(ascii: ","), UInt8(ascii: ";"):
                if !quoted && !angle && sawAt { close(k); start = k + 1; sawAt = false }
            default: break
            }
        }
        close(v.count)
        return pieces
    }

    /// The parameters of a URL's query string in a log line (`GET /confirm?email=mark1994%40example.com
    /// &fn=Mark&ln=De+la+Cruz&src=pps`), percent-decoded (`+` is a space): a known key's value is
    /// a field of its column (`?email`); a first and a last name (`fn`, `ln`, `first_name` …) of
    /// one query are one name; another key's encoded value is text. (The line itself was read
    /// as text: its plain values are found there.)
    private mutating func queryFields(_ text: UnsafeBufferPointer<UInt8>, offset: Int, visitor: inout some RecordVisitor) {
        var i = 0
        while let q = UnsafeBufferPointer(rebasing: text[i...]).firstIndex(where: { $0 == 0x3F || $0 == 0x09 }) {
            var j = i + q + 1
            i = j
            var given: (value: [UInt8], column: Int, offset: Int)?, family: (value: [UInt8], column: Int, offset: Int)?
            // Parameters up to the URL's end: a space, a quote or a bracket.
            while j < text.count {
                var k = j
                while k < text.count && Self.isQueryKeyByte(text[k]) { k += 1 }
                guard k > j, k - j <= 32, k < text.count, text[k] == UInt8(ascii: "=") else { break }
                var end = k + 1
                var encoded = false
                while end < text.count {
                    let b = text[end]
                    if b == UInt8(ascii: "&") || b == 0x20 || b == 0x09 || b == UInt8(ascii: "\"") || b == UInt8(ascii: "'")
                        || b == UInt8(ascii: ">") || b == UInt8(ascii: "#") { break }
                    if b == UInt8(ascii: "%") || b == UInt8(ascii: "+") { encoded = true }
                    end += 1
                }
                if end > k + 1 {
                    let (column, hint) = queryColumn(Array(text[j..<k]), visitor: &visitor)
                    if column >= 0 || encoded, let value = Self.percentDecoded(UnsafeBufferPointer(rebasing: text[(k + 1)..<end])) {
                        let at = offset + k + 1
                        switch hint {
                        case .firstName: given = (value, column, at)
                        case .lastName: family = (value, column, at)
                        default: value.withUnsafeBufferPointer { visitor.field($0, column: column, line: line, offset: at) }
                        }
                    }
                }
                guard end < text.count, text[end] == UInt8(ascii: "&") else { break }
                j = end + 1
            }
            emitNameParts(given: given, family: family, visitor: &visitor)
        }
    }

    /// A row of a Markdown table (`| S23-005460 | Kask, Kärt | 46001228274 | Lynchi … |`, trimmed):
    /// under a header (`| Proov | Patsient | Isikukood | Test |`) and its separator (`|---|---|`),
    /// each row is a record of its own, its cells under their header's labels (unknown ones as
    /// text). True when the line was read as such; a possible header is read as text too.
    private mutating func pipeRow(_ row: UnsafeBufferPointer<UInt8>, offset: Int, visitor: inout some RecordVisitor) -> Bool {
        let cells = Self.pipeCells(row)
        if let columns = pipeColumns {
            if recordOpen { visitor.endRecord(); recordOpen = false }
            visitor.beginRecord(line: line, offset: offset)
            for (k, cell) in cells.enumerated() where !cell.isEmpty {
                visitor.field(UnsafeBufferPointer(rebasing: row[cell]), column: k < columns.count ? columns[k] : -1, line: line,
                              offset: offset + cell.lowerBound)
            }
            visitor.endRecord()
            return true
        }
        // (An org-mode table's rule crosses its columns with `+`: `|------+-----------|`.)
        if let header = pipeHeader, header.line == line - 1,
           header.labels.count == cells.count
            && cells.allSatisfy({ c in !c.isEmpty && row[c].allSatisfy { $0 == UInt8(ascii: "-") || $0 == UInt8(ascii: ":") || $0 == 0x20 } })
            || row.count > 2 && row[1] == UInt8(ascii: "-")
            && row.reduce(1, { $0 + ($1 == UInt8(ascii: "+") ? 1 : 0) }) == header.labels.count
            && row.allSatisfy({ $0 == UInt8(ascii: "-") || $0 == UInt8(ascii: "+") || $0 == UInt8(ascii: "|") || $0 == UInt8(ascii: ":") }) {
            if recordOpen { visitor.endRecord(); recordOpen = false }
            pipeColumns = header.labels.map { $0.isEmpty ? -1 : labelColumn($0, visitor: &visitor) }
            pipeHeader = nil
            return true
        }
        pipeHeader = cells.count <= 32 ? (line, cells.map { c in
            var label = Array(row[c])
            while let f = label.first, Self.isEmphasis(f) { label.removeFirst() }
            while let l = label.last, Self.isEmphasis(l) { label.removeLast() }
            return label
        }) : nil
        return false
    }

    /// The cells of a Markdown table's row between its outer `|`s, trimmed, as ranges of `row`.
    static func pipeCells(_ row: UnsafeBufferPointer<UInt8>) -> [Range<Int>] {
        var cells: [Range<Int>] = []
        var start = 1
        for i in 1..<row.count where row[i] == UInt8(ascii: "|") && row[i - 1] != UInt8(ascii: "\\") {
            var a = start, b = i
            while a < b && row[a] == 0x20 { a += 1 }
            while b > a && row[b - 1] == 0x20 { b -= 1 }
            cells.append(a..<b)
            start = i + 1
        }
        return cells
    }

    /// Whether a line holds a URL's query (`?` and a key with `=`).
    /// Where the first `%40` (a percent-encoded `@`) of a line stands, or nil.
    static func encodedAt(_ text: UnsafeBufferPointer<UInt8>, from: Int = 0) -> Int? {
        guard let base = text.baseAddress else { return nil }
        var i = from
        while i + 2 < text.count, let hit = memchr(base + i, 0x25, text.count - i - 2) {
            let k = UnsafePointer(hit.assumingMemoryBound(to: UInt8.self)) - base
            if text[k + 1] == UInt8(ascii: "4") && text[k + 2] == UInt8(ascii: "0") { return k }
            i = k + 1
        }
        return nil
    }

    /// The words of a log line that hold a percent-encoded address outside a query's parameter
    /// (`GET /bucket/profiles/keisha_moore%40inbox.test.json`), decoded, as text of the line's
    /// record. (A query's parameters are `queryFields`'.)
    private mutating func encodedAddresses(_ text: UnsafeBufferPointer<UInt8>, offset: Int, visitor: inout some RecordVisitor) {
        var from = 0
        while let k = Self.encodedAt(text, from: from) {
            var a = k, b = k
            while a > 0 && !Self.endsEncodedWord(text[a - 1]) { a -= 1 }
            while b < text.count && !Self.endsEncodedWord(text[b]) { b += 1 }
            from = b
            // (In a query's parameter: read there.)
            // (Each word once: the search goes on after its end.)
            guard !text[a..<k].contains(UInt8(ascii: "=")),
                  var decoded = Self.percentDecoded(UnsafeBufferPointer(rebasing: text[a..<b])) else { continue }
            // (An object's key ends in its file's extension: `…@inbox.test.json`.)
            if let dot = decoded.lastIndex(of: UInt8(ascii: ".")), Self.fileExtensions.contains(Array(decoded[(dot + 1)...])) {
                decoded.removeSubrange(dot...)
            }
            decoded.withUnsafeBufferPointer { visitor.field($0, column: -1, line: line, offset: offset + a) }
        }
    }

    static let fileExtensions: Set<[UInt8]> = Set(["json", "xml", "csv", "txt", "pdf", "png", "jpg", "jpeg", "html", "gz", "zip",
                                                   "avro", "parquet", "eml", "msg", "doc", "docx", "xlsx"].map { Array($0.utf8) })

    /// A byte that ends a URL's word in a log line: a space, a quote, a bracket, a `/` or `?`.
    @inline(__always)
    static func endsEncodedWord(_ b: UInt8) -> Bool {
        b == 0x20 || b == 0x09 || b == UInt8(ascii: "\"") || b == UInt8(ascii: "'") || b == UInt8(ascii: "/")
            || b == UInt8(ascii: "?") || b == UInt8(ascii: "&") || b == UInt8(ascii: "<") || b == UInt8(ascii: ">")
    }

    static func hasQuery(_ text: UnsafeBufferPointer<UInt8>) -> Bool {
        guard let base = text.baseAddress else { return false }
        // After `?` (a URL's query), or after a tab (a W3C log's `cs-uri-query` field, CloudFront's:
        // `…\temail=m.ramirez%2540webmail.test&first=Mark\t…`).
        for opener in [UInt8(ascii: "?"), UInt8(0x09)] {
            // (A tab's query has two parameters or more: most log lines with tabs have no `&`.)
            if opener == 0x09 && memchr(base, Int32(UInt8(ascii: "&")), text.count) == nil { break }
            var i = 0
            while i < text.count, let hit = memchr(base + i, Int32(opener), text.count - i) {
                var k = UnsafePointer(hit.assumingMemoryBound(to: UInt8.self)) - base + 1
                i = k
                while k < text.count && isQueryKeyByte(text[k]) { k += 1 }
                if k > i && k < text.count && text[k] == UInt8(ascii: "=") { return true }
            }
        }
        return false
    }

    /// The column and hint of a query parameter's key (`?email`, `?fn`): a label the classifier
    /// gives a person's element (`fn`, `ln`: a first and a last name), or -1 — never a link key
    /// (`id=` in a URL joins nothing).
    private mutating func queryColumn(_ key: [UInt8], visitor: inout some RecordVisitor) -> (Int, FieldHint) {
        if let known = queryLabels[key] { return known }
        var label = String(decoding: key, as: UTF8.self)
        switch label.lowercased() {
        case "fn", "first", "given": label = "first name"
        case "ln", "last", "family": label = "last name"
        default: break
        }
        let classify = self.classify
        return Self.keyColumn(key, label: label, name: Self.queryColumnPrefix + String(decoding: key, as: UTF8.self), cache: &queryLabels,
                              classify: classify, visitor: &visitor) { hint in
            switch hint {
            case .none, .nonPersonal, .linkKey, .purchase, .delivery: false
            default: true
            }
        }
    }

    /// The column and hint of a key inside a line (a URL query's parameter, a logfmt pair's, an
    /// InfluxDB point's tag or field): the label's column, declared once as `name` when `reads`
    /// keeps its hint, or -1 with the hint it has (nil: `.none`); kept in `cache` by the key's
    /// bytes, up to `labelCacheLimit` keys.
    private static func keyColumn(_ key: [UInt8], label: String, name: String, cache: inout [[UInt8]: (Int, FieldHint)],
                                  classify: (String) -> FieldHint?, visitor: inout some RecordVisitor,
                                  reads: (FieldHint) -> Bool) -> (Int, FieldHint) {
        if let known = cache[key] { return known }
        guard cache.count < labelCacheLimit else { return (-1, .none) }
        let hint = classify(label) ?? .none
        let known = reads(hint) ? (visitor.declareColumn(name: name, hint: hint), hint) : (-1, hint)
        cache[key] = known
        return known
    }

    /// The start of a query parameter's column name (`?email`).
    public static let queryColumnPrefix = "?"

    private static func isQueryKeyByte(_ b: UInt8) -> Bool {
        ASCII.isAlnum(b) || b == UInt8(ascii: "_") || b == UInt8(ascii: "-") || b == UInt8(ascii: ".")
            || b == UInt8(ascii: "[") || b == UInt8(ascii: "]")
    }

    /// A query parameter's value with `%HH` decoded and `+` as a space; nil when the result is
    /// not UTF-8 (`%E4` of a Latin-1 form: left to the line's text).
    static func percentDecoded(_ raw: UnsafeBufferPointer<UInt8>) -> [UInt8]? {
        guard var value = percentDecodedOnce(raw) else { return nil }
        // Encoded twice (a log of an already encoded URL: `%2540` for `@`): decoded again.
        if raw.count >= 5, value.contains(UInt8(ascii: "%")), CategoryMatcher.firstIndex(of: encodedPercent, in: raw) != nil,
           let again = value.withUnsafeBufferPointer({ percentDecodedOnce($0) }) {
            value = again
        } else if raw.count >= 5, value.contains(UInt8(ascii: "+")), CategoryMatcher.firstIndex(of: encodedPlus, in: raw) != nil {
            // (`last=De%2Bla%2BCruz` in a query encoded twice: a `+` between letters was a space.)
            for k in 1..<max(1, value.count - 1) where value[k] == UInt8(ascii: "+")
                && ASCII.isLetter(value[k - 1]) && ASCII.isLetter(value[k + 1]) { value[k] = 0x20 }
        }
        return value
    }

    static let encodedPercent = Array("%25".utf8), encodedPlus = Array("%2B".utf8)

    static func percentDecodedOnce(_ raw: UnsafeBufferPointer<UInt8>) -> [UInt8]? {
        var value: [UInt8] = []
        value.reserveCapacity(raw.count)
        var i = 0
        while i < raw.count {
            let b = raw[i]
            if b == UInt8(ascii: "+") {
                value.append(0x20)
            } else if b == UInt8(ascii: "%"), i + 2 < raw.count, let h = MailDecoder.hex(raw[i + 1]), let l = MailDecoder.hex(raw[i + 2]) {
                value.append(h << 4 | l)
                i += 2
            } else {
                value.append(b)
            }
            i += 1
        }
        return value.withUnsafeBufferPointer { UTF8Validation.isValid($0) } ? value : nil
    }

    /// A YAML line (`yaml`), trimmed to `a..<b`; true when it was read. A mapping that is an item
    /// of a sequence (`- id: 92950` then `  pesel: '55020387349'`) is a record: the first such
    /// item's indentation is the records' level, and each item there starts one (so does `---`).
    /// A key with a value is a labelled field; a known label's value is read without its quotes,
    /// a flow sequence's items (`emails: ["a@…", "b@…"]`) and a block sequence's under a key
    /// (`phones:` then `- +372 …`) each as the key's field. Comments and other lines are text.
    private mutating func yamlLine(_ p: UnsafeBufferPointer<UInt8>, a: Int, b: Int, offset: Int,
                                   visitor: inout some RecordVisitor) -> Bool {
        var c = a
        if b - a == 3 && (p[a] == UInt8(ascii: "-") && p[a + 1] == UInt8(ascii: "-") && p[a + 2] == UInt8(ascii: "-")) {
            if recordOpen { visitor.endRecord(); recordOpen = false }
            return true
        }
        if p[c] == UInt8(ascii: "#") { return true }
        if p[c] == UInt8(ascii: "-") && (c + 1 == b || p[c + 1] == 0x20) {
            c += 1
            while c < b && p[c] == 0x20 { c += 1 }
            let rest = UnsafeBufferPointer(rebasing: p[c..<b])
            guard Self.yamlKey(rest) != nil else {
                // A scalar item: a value of the key above.
                guard yamlParent >= 0, c < b else { return false }
                openRecord(offset: offset + a, visitor: &visitor)
                let v = Self.unquoted(rest)
                visitor.field(UnsafeBufferPointer(rebasing: rest[v]), column: yamlParent, line: line, offset: offset + c + v.lowerBound)
                return true
            }
            if yamlItemIndent < 0 { yamlItemIndent = a }
            if a == yamlItemIndent && recordOpen { visitor.endRecord(); recordOpen = false }
        }
        let text = UnsafeBufferPointer(rebasing: p[c..<b])
        guard let key = Self.yamlKey(text) else { return false }
        if yamlRelatedIndent >= 0 && a <= yamlRelatedIndent {
            // The related person's mapping ended.
            if recordOpen { visitor.endRecord(); recordOpen = false }
            yamlRelatedIndent = -1
        }
        if key.value.isEmpty && FieldClassifier.namesRelatedPerson(String(decoding: text[key.label], as: UTF8.self)) {
            // `esindaja:` over `  nimi: Igor Volkov` · `  isikukood: …`: a related person's
            // mapping is a record of its own, not the patient's above it.
            if recordOpen { visitor.endRecord(); recordOpen = false }
            yamlRelatedIndent = a
        }
        openRecord(offset: offset + c, visitor: &visitor)
        let column = labelColumn(UnsafeBufferPointer(rebasing: text[key.label]), visitor: &visitor)
        guard !key.value.isEmpty else {
            yamlParent = column
            return true
        }
        yamlParent = -1
        guard column >= 0 else {
            // A party's key (`customer: "Hyvönen Marjatta"`) whose value is a name: the name.
            let v = Self.unquoted(UnsafeBufferPointer(rebasing: text[key.value]))
            let name = UnsafeBufferPointer(rebasing: text[(key.value.lowerBound + v.lowerBound)..<(key.value.lowerBound + v.upperBound)])
            if Self.partyKeys.contains(String(decoding: text[key.label], as: UTF8.self).lowercased()) && Self.isListName(name) {
                declareListColumns(visitor: &visitor)
                visitor.field(name, column: headlessColumns.name, line: line, offset: offset + c + key.value.lowerBound + v.lowerBound)
            } else {
                visitor.field(text, column: -1, line: line, offset: offset + c)
            }
            return true
        }
        let value = UnsafeBufferPointer(rebasing: text[key.value])
        let base = offset + c + key.value.lowerBound
        if value.count >= 2 && (value[0] == UInt8(ascii: "[") && value[value.count - 1] == UInt8(ascii: "]")
                                || value[0] == UInt8(ascii: "{") && value[value.count - 1] == UInt8(ascii: "}")) {
            // A flow collection: each item (or each pair's value) is a field of the key.
            var start = 1, quote: UInt8 = 0
            for k in 1..<value.count {
                let ch = value[k]
                if quote != 0 { if ch == quote { quote = 0 }; continue }
                if ch == UInt8(ascii: "\"") || ch == UInt8(ascii: "'") { quote = ch; continue }
                guard ch == UInt8(ascii: ",") || k == value.count - 1 else { continue }
                var item = UnsafeBufferPointer(rebasing: value[start..<k])
                var itemStart = start
                if value[0] == UInt8(ascii: "{"), let pair = Self.yamlKey(Self.trimmedSpaces(item)) {
                    let t = Self.trimmedSpaces(item)
                    itemStart += (t.baseAddress! - item.baseAddress!) + pair.value.lowerBound
                    item = UnsafeBufferPointer(rebasing: t[pair.value])
                }
                let v = Self.unquoted(item)
                if !v.isEmpty {
                    visitor.field(UnsafeBufferPointer(rebasing: item[v]), column: column, line: line, offset: base + itemStart + v.lowerBound)
                }
                start = k + 1
            }
            return true
        }
        let v = Self.unquoted(value)
        visitor.field(UnsafeBufferPointer(rebasing: value[v]), column: column, line: line, offset: base + v.lowerBound)
        return true
    }

    /// YAML keys naming a party, whose value may be a name or a number (`customer`, `asiakas`).
    static let partyKeys: Set<String> = [
        "customer", "client", "recipient", "consignee", "receiver", "patient", "member", "buyer", "contact",
        "asiakas", "vastaanottaja", "potilas", "klient", "klienta", "patsient", "saaja", "kund", "mottagare",
        "pacjent", "odbiorca", "kunde", "empfänger", "клиент", "пациент", "получатель",
    ]

    /// A YAML key and its value (`first_name: Karl-Tarmo`, `attributes:`): a key of letters,
    /// digits, `_`, `-`, `.` or spaces (maybe quoted), then `:` and a space or the line's end.
    static func yamlKey(_ p: UnsafeBufferPointer<UInt8>) -> (label: Range<Int>, value: Range<Int>)? {
        var k = 0
        let n = p.count
        var start = 0, end = 0
        if n > 0 && (p[0] == UInt8(ascii: "\"") || p[0] == UInt8(ascii: "'")) {
            let q = p[0]
            k = 1
            while k < n && p[k] != q { k += 1 }
            guard k < n else { return nil }
            start = 1; end = k; k += 1
        } else {
            while k < n && (ASCII.isAlnum(p[k]) || p[k] >= 0x80 || p[k] == UInt8(ascii: "_") || p[k] == UInt8(ascii: "-")
                            || p[k] == UInt8(ascii: ".") || p[k] == 0x20) { k += 1 }
            end = k
            while end > 0 && p[end - 1] == 0x20 { end -= 1 }
        }
        guard end > start, end - start <= maxLabelBytes, k < n, p[k] == UInt8(ascii: ":"),
              k + 1 == n || p[k + 1] == 0x20 else { return nil }
        var v = k + 1
        while v < n && p[v] == 0x20 { v += 1 }
        var e = n
        // A comment after the value (` # …`) is not part of it.
        if v < n && (p[v] == UInt8(ascii: "\"") || p[v] == UInt8(ascii: "'")) {
            var j = v + 1
            while j < n && p[j] != p[v] { j += 1 }
            if j < n { e = j + 1 }
        } else if v < n {
            var j = v
            while j + 1 < n && !(p[j] == 0x20 && p[j + 1] == UInt8(ascii: "#")) { j += 1 }
            if j + 1 < n { e = j }
        }
        return (start..<end, v..<Swift.max(v, e))
    }

    /// A value without its surrounding spaces and quotes.
    static func unquoted(_ p: UnsafeBufferPointer<UInt8>) -> Range<Int> {
        var a = 0, b = p.count
        while a < b && p[a] == 0x20 { a += 1 }
        while b > a && p[b - 1] == 0x20 { b -= 1 }
        if b - a >= 2 && (p[a] == UInt8(ascii: "\"") || p[a] == UInt8(ascii: "'")) && p[b - 1] == p[a] { a += 1; b -= 1 }
        return a..<b
    }

    static func trimmedSpaces(_ p: UnsafeBufferPointer<UInt8>) -> UnsafeBufferPointer<UInt8> {
        var a = 0, b = p.count
        while a < b && p[a] == 0x20 { a += 1 }
        while b > a && p[b - 1] == 0x20 { b -= 1 }
        return UnsafeBufferPointer(rebasing: p[a..<b])
    }

    /// A closing line with its quote marks (`> > Lugupidamisega`).
    static let longestClosingLine = MailSignature.longestClosing + 16

    /// Takes a closing line (`MailSignature.isClosing`, after any `>` quote marks, or AsciiDoc's
    /// `[.signature]`) and the lines of the signature under it, at the same quote depth, until a
    /// blank line or `MailSignature.maxLines`; true when the line was taken. A line the signature does not
    /// take ends it (`endSignature`) and is read as usual.
    private mutating func signatureLine(_ p: UnsafeBufferPointer<UInt8>, a: Int, b: Int, offset: Int,
                                        visitor: inout some RecordVisitor) -> Bool {
        var c = a, depth = 0
        while c < b && (p[c] == UInt8(ascii: ">") || p[c] == 0x20 || p[c] == 0x09) {
            if p[c] == UInt8(ascii: ">") { depth += 1 }
            c += 1
        }
        if signatureDepth >= 0 {
            if depth == signatureDepth && c < b && signature.count < MailSignature.maxLines {
                // (AsciiDoc's hard line break, `Liis Kallas +`, is no part of the line.)
                let end = b - c > 2 && p[b - 1] == UInt8(ascii: "+") && p[b - 2] == 0x20 ? b - 2 : b
                signature.append((Array(p[c..<end]), line, offset + c))
                return true
            }
            endSignature(visitor: &visitor)
        }
        // (An AsciiDoc document's `[.signature]` block opens a signature as a closing does.)
        guard b - c <= MailSignature.longestClosing + 4, c < b,
              MailSignature.isClosing(UnsafeBufferPointer(rebasing: p[c..<b])) || p[c..<b].elementsEqual(Self.asciidocSignature)
        else { return false }
        endHeadlessRows(visitor: &visitor)
        signatureDepth = depth
        return true
    }

    static let asciidocSignature = Array("[.signature]".utf8)

    /// Reads the signature held by `signatureLine`. A staff member's (a line names a role or an
    /// organisation: `palveluohjaaja`, `Kalamaja Lastekliinik`) is a record of its own whose
    /// lines are staff fields: its e-mails and phones are no one's, wherever they occur. Any other
    /// is read as text in the current record, its first line as the writer's name when it is one
    /// and a phone or an e-mail follows (`Terveisin` · `Matti Virtanen` · `040 123 4567`).
    private mutating func endSignature(visitor: inout some RecordVisitor) {
        var lines: [(bytes: [UInt8], line: Int, offset: Int)] = []
        swap(&lines, &signature)
        let depth = signatureDepth
        signatureDepth = -1
        defer {
            lines.removeAll(keepingCapacity: true)
            swap(&lines, &signature)
        }
        guard !lines.isEmpty else { return }
        if lines.contains(where: { MailSignature.namesRoleOrOrganisation($0.bytes) }) {
            if recordOpen { visitor.endRecord(); recordOpen = false }
            if signatureColumns.name < 0 {
                signatureColumns = (visitor.declareColumn(name: RecordAssembler.staffNameColumn, hint: .nonPersonal),
                                    visitor.declareColumn(name: RecordAssembler.staffColumn, hint: .nonPersonal))
            }
            visitor.beginRecord(line: lines[0].line, offset: lines[0].offset)
            for (i, l) in lines.enumerated() {
                l.bytes.withUnsafeBufferPointer { p in
                    visitor.field(p, column: i == 0 ? signatureColumns.name : signatureColumns.contact, line: l.line, offset: l.offset)
                }
            }
            visitor.endRecord()
            return
        }
        // The name is read only beside a contact of the signature's own: a name alone under a
        // closing is the mail's writer, known from its header or its text already.
        let contact = lines.dropFirst().contains { l in
            l.bytes.contains(UInt8(ascii: "@")) || l.bytes.reduce(0) { $0 + ($1 &- 0x30 < 10 ? 1 : 0) } >= 7
        }
        let current = line
        holdsAddress = false
        defer { holdsAddress = true }
        for (i, l) in lines.enumerated() {
            line = l.line
            l.bytes.withUnsafeBufferPointer { p in
                if i == 0 && contact && Self.isListName(p) {
                    openRecord(offset: l.offset, visitor: &visitor)
                    declareListColumns(visitor: &visitor)
                    visitor.field(p, column: headlessColumns.name, line: l.line, offset: l.offset)
                } else if i == 0 && !contact && depth == 0 && lines.count <= 2 && Self.isListName(p) && Self.isCapitalisedName(p) {
                    // The writer's own name under their closing (`Parimate soovidega` · `Kadri
                    // Pärn`): a record of its own, which a small form joins to its one person
                    // (`RecordAssembler.joinsFormsName`).
                    if recordOpen { visitor.endRecord(); recordOpen = false }
                    openRecord(offset: l.offset, visitor: &visitor)
                    if writerColumn < 0 { writerColumn = visitor.declareColumn(name: RecordAssembler.writerNameColumn, hint: .fullName) }
                    visitor.field(p, column: writerColumn, line: l.line, offset: l.offset)
                } else {
                    textLine(p, a: 0, b: p.count, offset: l.offset, visitor: &visitor)
                }
            }
        }
        line = current
    }

    /// Whether every word of a name starts with a capital, in any script (`Kadri Pärn`, `Елена
    /// Иванова`; not a team's `Клиентская служба`).
    static func isCapitalisedName(_ p: UnsafeBufferPointer<UInt8>) -> Bool {
        let words = String(decoding: p, as: UTF8.self).split(whereSeparator: { $0 == " " || $0 == "-" })
        return words.count >= 2 && words.allSatisfy { $0.first?.isUppercase == true }
    }

    /// A printed list's line (`PULKKINEN TERTTU     Syntymäaika 15.06.1947   Asiakasnro HUS-611469`,
    /// `Puh. +358444420157     Tuote: ESS-101 Essi Pants Maxi L`): parts set apart by wide gaps,
    /// each a known label and its value with or without a colon; the first part may be the
    /// person's name instead. Read when at least one part is a personal labelled field (a phone,
    /// a birth date, a customer number); the other parts are text.
    private mutating func gapFields(_ text: UnsafeBufferPointer<UInt8>, offset: Int, visitor: inout some RecordVisitor) -> Bool {
        guard text.count <= 400, let parts = Self.gapSegments(text, limit: 8), parts.count >= 2 else { return false }
        // Labels without a colon only on a list's line: after a name, or beside a label with one
        // (a log's `WARN  duplicate email kati@…` is text).
        let name = Self.isListName(UnsafeBufferPointer(rebasing: text[parts[0]])) ? parts[0] : nil
        let splits = parts.map { Self.splitLabel(UnsafeBufferPointer(rebasing: text[$0])) }
        let colonless = name != nil || splits.contains { $0 != nil }
        var fields: [(value: Range<Int>, column: Int)] = []
        for (part, split) in zip(parts, splits) where part != name {
            fields.append(labelledPart(text, part, split: split, colonless: colonless, visitor: &visitor) ?? (part, -1))
        }
        // (A route sheet's title `NORDLOG  AJOLISTA  01.09.2023   KULJETTAJA: Sami` is text.)
        guard fields.contains(where: { personalColumns.contains($0.column) }) else { return false }
        if let name {
            declareListColumns(visitor: &visitor)
            visitor.field(UnsafeBufferPointer(rebasing: text[name]), column: headlessColumns.name, line: line, offset: offset + name.lowerBound)
            listAddressLine = line + 1
        }
        for f in fields {
            visitor.field(UnsafeBufferPointer(rebasing: text[f.value]), column: f.column, line: line, offset: offset + f.value.lowerBound)
        }
        return true
    }

    /// A part of a printed list's line that is a known label and its value: `Tuote: ESS-101 …`,
    /// or, when `colonless`, a capitalised label of one or two words without a colon before a
    /// value whose first word has a digit (`Syntymäaika 15.06.1947`, `Puh. 040 …`, `Asiakasnro
    /// HUS-611469`). `split` is the part's `splitLabel`. The value's range in `text` and the
    /// label's column.
    private mutating func labelledPart(_ text: UnsafeBufferPointer<UInt8>, _ part: Range<Int>,
                                       split: (label: Range<Int>, value: Range<Int>)?, colonless: Bool,
                                       visitor: inout some RecordVisitor) -> (value: Range<Int>, column: Int)? {
        let p = UnsafeBufferPointer(rebasing: text[part])
        if let split {
            let column = labelColumn(UnsafeBufferPointer(rebasing: p[split.label]), visitor: &visitor)
            return column >= 0 ? ((part.lowerBound + split.value.lowerBound)..<(part.lowerBound + split.value.upperBound), column) : nil
        }
        // A printed label is capitalised (`Syntymäaika`, `Puh.`).
        guard colonless, !p.isEmpty, ASCII.isUpper(p[0]) || p[0] >= 0xC3 else { return nil }
        var end = 0
        for _ in 0..<2 {
            while end < p.count && p[end] != 0x20 { end += 1 }
            guard end < p.count else { return nil }
            var label = end
            while label > 0 && (p[label - 1] == UInt8(ascii: ".") || p[label - 1] == UInt8(ascii: ":")) { label -= 1 }
            var value = end
            while value < p.count && p[value] == 0x20 { value += 1 }
            // Without a colon, the value's first word has a digit (`Mail-order pharmacy` is a
            // table's text, not an e-mail).
            var word = value
            while word < p.count && p[word] != 0x20 && !ASCII.isDigit(p[word]) { word += 1 }
            if label > 0 && label <= Self.maxLabelBytes && word < p.count && ASCII.isDigit(p[word]) {
                let column = labelColumn(UnsafeBufferPointer(rebasing: p[0..<label]), visitor: &visitor)
                if column >= 0 { return ((part.lowerBound + value)..<part.upperBound, column) }
            }
            end = value
        }
        return nil
    }

    /// A printed list's name: two to four words, each capitalised, no digit or colon.
    static func isListName(_ p: UnsafeBufferPointer<UInt8>) -> Bool {
        guard p.count <= 60, !p.contains(where: { $0 &- 0x30 < 10 || $0 == UInt8(ascii: ":") }) else { return false }
        let words = p.split(whereSeparator: { $0 == 0x20 || $0 == UInt8(ascii: ",") })
        guard words.count >= 2, words.count <= 4, words.allSatisfy({ w in
            guard let c = w.first else { return false }
            return ASCII.isUpper(c) || c >= 0xC3
        }) else { return false }
        return NameDetector.normalize(p) != nil
    }

    /// In a labelled value, the next field after a gap of two spaces or a tab whose label is
    /// known: where the current value ends, the next one's range (in `text`) and its column.
    private mutating func nextLabelledField(_ text: UnsafeBufferPointer<UInt8>, in value: Range<Int>,
                                            visitor: inout some RecordVisitor) -> (end: Int, value: Range<Int>, column: Int)? {
        var i = value.lowerBound + 1
        while i < value.upperBound - 1 {
            let gap = text[i] == 0x09 || (text[i] == 0x20 && text[i + 1] == 0x20)
            // (Or a middle dot between spaces: `**PESEL:** 61051039157 · **Data urodzenia:** …`.)
            let dot = !gap && text[i] == 0x20 && i + 3 < value.upperBound && text[i + 1] == 0xC2 && text[i + 2] == 0xB7
                && text[i + 3] == 0x20
            guard gap || dot else { i += 1; continue }
            let end = i
            if dot { i += 3 }
            while i < value.upperBound && (text[i] == 0x20 || text[i] == 0x09) { i += 1 }
            let rest = UnsafeBufferPointer(rebasing: text[i..<value.upperBound])
            if let split = Self.splitLabel(rest) {
                let column = labelColumn(UnsafeBufferPointer(rebasing: rest[split.label]), visitor: &visitor)
                if column >= 0 { return (end, (i + split.value.lowerBound)..<(i + split.value.upperBound), column) }
            }
        }
        return nil
    }

    // MARK: Fixed-width tables

    /// The words of a line set apart by gaps of two or more spaces or a tab (`  1  Gun Lindholm
    /// Strandvägen 42`), as ranges of `p`; nil when there are more than `limit`.
    static func gapSegments(_ p: UnsafeBufferPointer<UInt8>, limit: Int = 24) -> [Range<Int>]? {
        var out: [Range<Int>] = []
        var i = 0
        let n = p.count
        while i < n {
            while i < n && (p[i] == 0x20 || p[i] == 0x09) { i += 1 }
            guard i < n else { break }
            let start = i
            while i < n {
                if p[i] == 0x09 || (p[i] == 0x20 && (i + 1 == n || p[i + 1] == 0x20 || p[i + 1] == 0x09)) { break }
                i += 1
            }
            out.append(start..<i)
            if out.count > limit { return nil }
        }
        return out
    }

    /// Bytes of a document within which fixed-width tables are looked for (beyond, only once one
    /// was found).
    static let tableWindow = 4 << 20

    /// Whether a line has two spaces in a row or a tab.
    static func hasWideGap(_ p: UnsafeBufferPointer<UInt8>) -> Bool {
        guard let base = p.baseAddress, !p.isEmpty else { return false }
        if memchr(base, 0x09, p.count) != nil { return true }
        // Eight bytes at a time: the high bit of each byte that is a space (exact zero-byte
        // test of `x ^ 0x20…`), then a space whose next byte is one too.
        let raw = UnsafeRawPointer(base)
        let low7: UInt64 = 0x7F7F_7F7F_7F7F_7F7F
        var k = 0
        var carry = false
        while k + 8 <= p.count {
            let x = raw.loadUnaligned(fromByteOffset: k, as: UInt64.self) ^ 0x2020_2020_2020_2020
            let z = ~(((x & low7) &+ low7) | x | low7)
            if z & (z >> 8) != 0 || (carry && z & 0x80 != 0) { return true }
            carry = z & 0x8000_0000_0000_0000 != 0
            k += 8
        }
        if carry && k < p.count && p[k] == 0x20 { return true }
        while k + 1 < p.count {
            if p[k] == 0x20 && p[k + 1] == 0x20 { return true }
            k += 1
        }
        return false
    }

    /// Whether a line is a rule under or over a table (`-----`, `=====`, `+----+`).
    static func isRule(_ p: UnsafeBufferPointer<UInt8>) -> Bool {
        var marks = 0
        for c in p {
            switch c {
            case UInt8(ascii: "-"), UInt8(ascii: "="), UInt8(ascii: "_"): marks += 1
            case 0x20, 0x09, UInt8(ascii: "+"), UInt8(ascii: "|"): continue
            default: return false
            }
        }
        return marks >= 3
    }

    /// A fixed-width table's header (`  #  Asiakas   Osoite   Postinro  Puhelin   Ltk  Huom`):
    /// three or more labels set apart by wide gaps, no digits, one naming a person and another
    /// a name's companion (an address, a phone, an ID, a birth date). Its lines below are rows:
    /// each row is a record, its words the columns' fields. A results table under a report's
    /// patient (`Badanie   Wynik   Jedn.`) names no one and stays the report's text.
    private mutating func fixedHeader(_ p: UnsafeBufferPointer<UInt8>, visitor: inout some RecordVisitor) -> Bool {
        // (Lines reach here with a wide gap: `hasWideGap`.)
        guard p.count <= 400 else { return false }
        guard let segments = Self.gapSegments(p), segments.count >= 3 else { return false }
        var naming = false, companion = false
        var hints: [FieldHint?] = []
        for r in segments {
            guard r.count <= Self.maxLabelBytes, !p[r].contains(where: { $0 &- 0x30 < 10 || $0 == UInt8(ascii: ":") }) else { return false }
            let hint = classify(String(decoding: UnsafeBufferPointer(rebasing: p[r]), as: UTF8.self))
            hints.append(hint)
            switch hint {
            case .fullName?, .firstName?, .lastName?: naming = true
            case .postalAddress?, .addressPart?, .phone?, .email?, .nationalID?, .dateOfBirth?: companion = true
            default: break
            }
        }
        guard naming && companion else { return false }
        sawTable = true
        if recordOpen { visitor.endRecord(); recordOpen = false }
        fixedColumns = segments.enumerated().map { k, r in
            (r.lowerBound, hints[k] == nil ? -1 : labelColumn(UnsafeBufferPointer(rebasing: p[r]), visitor: &visitor))
        }
        fixedRows = 0
        return true
    }

    /// A line under a fixed-width header: a rule right below the header is skipped, a later
    /// rule ends the table, and so does a line of fewer than two words (read as text). A row is
    /// one record; a word goes to the column of its position (in order when every cell is
    /// filled, since an overlong cell pushes the next ones right).
    private mutating func fixedRow(_ p: UnsafeBufferPointer<UInt8>, offset: Int, visitor: inout some RecordVisitor) -> Bool {
        if Self.isRule(p) {
            if fixedRows > 0 { fixedColumns.removeAll() }
            return true
        }
        guard let segments = Self.gapSegments(p, limit: fixedColumns.count + 4), segments.count >= 2 else {
            fixedColumns.removeAll()
            return false
        }
        fixedRows += 1
        if recordOpen { visitor.endRecord() }
        visitor.beginRecord(line: line, offset: offset + segments[0].lowerBound)
        recordOpen = true
        var previous = -1
        for (k, r) in segments.enumerated() {
            var c: Int
            if segments.count == fixedColumns.count {
                c = k
            } else {
                c = fixedColumns.lastIndex(where: { $0.start <= r.lowerBound + 1 }) ?? 0
                c = Swift.min(Swift.max(c, previous + 1), fixedColumns.count - 1)
            }
            previous = c
            visitor.field(UnsafeBufferPointer(rebasing: p[r]), column: fixedColumns[c].column, line: line, offset: offset + r.lowerBound)
        }
        visitor.endRecord()
        recordOpen = false
        return true
    }

    /// A headerless fixed-width list (`Karjalainen, Timo     Asematie 35 B     Helsinki
    /// toimituksia 1`): consecutive lines of three or more words set apart by wide gaps, each
    /// starting with a person's name. From the second such line on, each line is a record: its
    /// name, its address (a street word with its number, and the town after it) and the rest as
    /// text. A lone such line is text, as before.
    private mutating func headlessRow(_ p: UnsafeBufferPointer<UInt8>, a: Int, offset: Int, visitor: inout some RecordVisitor) -> Bool {
        guard let cells = Self.headlessCells(p) else {
            endHeadlessRows(visitor: &visitor)
            return false
        }
        if !headlessActive {
            guard let held = heldRow else {
                heldRow = (Array(p), a, line, offset)
                return true
            }
            // The held line and this one: a list.
            heldRow = nil
            headlessActive = true
            sawTable = true
            if recordOpen { visitor.endRecord(); recordOpen = false }
            held.bytes.withUnsafeBufferPointer { h in
                if let heldCells = Self.headlessCells(h) { emitHeadlessRow(h, heldCells, line: held.line, offset: held.offset, visitor: &visitor) }
            }
        }
        emitHeadlessRow(p, cells, line: line, offset: offset, visitor: &visitor)
        return true
    }

    /// Ends a headerless list; a held line that stayed alone is read as text after all.
    private mutating func endHeadlessRows(visitor: inout some RecordVisitor) {
        headlessActive = false
        guard let held = heldRow else { return }
        heldRow = nil
        let current = line
        line = held.line
        held.bytes.withUnsafeBufferPointer { textLine($0, a: held.a, b: $0.count, offset: held.offset, visitor: &visitor) }
        line = current
    }

    /// The cells of a headerless list's line: three to twelve words set apart by wide gaps, the
    /// first a name of two to four capitalised words (`Karjalainen, Timo`, `Mäkelä Aino`), no digit.
    static func headlessCells(_ p: UnsafeBufferPointer<UInt8>) -> [Range<Int>]? {
        guard p.count <= 400, p.contains(where: { $0 == 0x20 }) else { return nil }
        guard let cells = gapSegments(p, limit: 12), cells.count >= 3 else { return nil }
        guard isListName(UnsafeBufferPointer(rebasing: p[cells[0]])) else { return nil }
        // A person's row has a phone or an e-mail, which joins it to the person's other records
        // (a product table's `Vitamin C   4.99   2` has none). A list of names and addresses
        // alone (an invoice breakdown) stays one block: read a person per line, its names
        // would meet their namesakes and their addresses (without postal codes) no one.
        guard cells.dropFirst().contains(where: { r in
            let cell = Array(p[r])
            return ColumnSampler.isPhone(cell) || cell.contains(UInt8(ascii: "@"))
        }) else { return nil }
        return cells
    }

    private mutating func emitHeadlessRow(_ p: UnsafeBufferPointer<UInt8>, _ cells: [Range<Int>], line: Int, offset: Int, visitor: inout some RecordVisitor) {
        declareListColumns(visitor: &visitor)
        visitor.beginRecord(line: line, offset: offset + cells[0].lowerBound)
        visitor.field(UnsafeBufferPointer(rebasing: p[cells[0]]), column: headlessColumns.name, line: line, offset: offset + cells[0].lowerBound)
        var k = 1
        var addressDone = false
        while k < cells.count {
            let cell = Array(p[cells[k]])
            if !addressDone && ColumnSampler.isAddress(cell) {
                addressDone = true
                var address = cell
                // The town in the next cell (`Helsinki`, `00530 Helsinki`).
                if k + 1 < cells.count, Self.isTown(p[cells[k + 1]]) {
                    address += [UInt8(ascii: ","), 0x20] + Array(p[cells[k + 1]])
                    k += 1
                }
                address.withUnsafeBufferPointer { visitor.field($0, column: headlessColumns.address, line: line, offset: offset + cells[k].lowerBound) }
            } else {
                visitor.field(UnsafeBufferPointer(rebasing: p[cells[k]]), column: -1, line: line, offset: offset + cells[k].lowerBound)
            }
            k += 1
        }
        visitor.endRecord()
        recordOpen = false
    }

    /// A town, maybe after its postal code: one or two capitalised words (`Helsingfors`,
    /// `00530 Helsinki`, `Kohtla-Järve`).
    static func isTown(_ cell: some Collection<UInt8>) -> Bool {
        var words = Array(cell).split(separator: 0x20)
        if let w = words.first, w.count >= 4, w.count <= 6, w.allSatisfy({ $0 &- 0x30 < 10 || $0 == UInt8(ascii: "-") }) { words.removeFirst() }
        guard !words.isEmpty, words.count <= 2 else { return false }
        return words.allSatisfy { w in
            guard let c = w.first, ASCII.isUpper(c) || c >= 0xC3 else { return false }
            return !w.contains { $0 &- 0x30 < 10 }
        }
    }

    /// The columns of names and addresses read without a label of their own (lists, answers),
    /// declared once.
    private mutating func declareListColumns(visitor: inout some RecordVisitor) {
        if headlessColumns.name < 0 {
            headlessColumns = (visitor.declareColumn(name: "(list name)", hint: .fullName),
                               visitor.declareColumn(name: "(list address)", hint: .postalAddress))
        }
    }

    /// Whether a line is a question about a postal address (`Voitteko vahvistaa osoitteen?`,
    /// `Kan ni bekräfta adressen?`, `Can you confirm your address?`): it ends with `?` and holds
    /// an address word (ASCII case folded; Cyrillic `адрес` as written).
    static func asksForAddress(_ p: UnsafeBufferPointer<UInt8>) -> Bool {
        guard p.count >= 6, p.count <= 200, p[p.count - 1] == UInt8(ascii: "?") else { return false }
        let lower = p.map { ASCII.lower($0) }
        return addressQuestionWords.contains { CategoryMatcher.contains(lower, $0) }
    }

    static let addressQuestionWords: [[UInt8]] = ["osoit", "adres", "addres", "aadres", "дрес"].map { Array($0.utf8) }

    /// A line of DCMTK's `dcmdump` (`(0010,0010) PN [KOZŁOWSKA^URSZULA]  #  18, 1 PatientName`):
    /// the patient's attributes are fields of the dump's record under labels the classifier
    /// knows (a person name's `Family^Given^Middle` as `Given Middle Family`, a `DA` date as
    /// `YYYY-MM-DD`); the patient's ID, history and the study's description are text; a
    /// physician's or an operator's name is staff; other attributes (UIDs, the institution,
    /// pixel data) are none. True when the line was one.
    private mutating func dicomLine(_ t: UnsafeBufferPointer<UInt8>, offset: Int, visitor: inout some RecordVisitor) -> Bool {
        guard t.count > 16, t[5] == UInt8(ascii: ","), t[10] == UInt8(ascii: ")"), t[11] == 0x20,
              t[1..<5].allSatisfy({ MailDecoder.hex($0) != nil }), t[6..<10].allSatisfy({ MailDecoder.hex($0) != nil }) else { return false }
        guard let hash = t.lastIndex(of: UInt8(ascii: "#")), hash > 14 else { return true }
        var k = t.count
        while k > hash && t[k - 1] != 0x20 { k -= 1 }
        let keyword = Array(t[k...])
        guard let kind = Self.dicomKeywords[keyword], let open = t[12..<hash].firstIndex(of: UInt8(ascii: "[")),
              let close = t[open..<hash].lastIndex(of: UInt8(ascii: "]")), close > open + 1 else { return true }
        var value = Array(t[(open + 1)..<close])
        let vr = Array(t[12..<Swift.min(14, t.count)])
        if vr == Array("PN".utf8) {
            let parts = value.split(separator: UInt8(ascii: "^"), omittingEmptySubsequences: false)
            var words: [ArraySlice<UInt8>] = []
            if parts.count > 1 { words.append(parts[1]) }
            if parts.count > 2 { words.append(parts[2]) }
            words.append(parts[0])
            value = Array(words.filter { !$0.isEmpty }.joined(separator: [0x20]))
        } else if vr == Array("DA".utf8), value.count == 8, value.allSatisfy(ASCII.isDigit) {
            value = Array(value[0..<4]) + [UInt8(ascii: "-")] + Array(value[4..<6]) + [UInt8(ascii: "-")] + Array(value[6..<8])
        }
        guard !value.isEmpty else { return true }
        let column: Int
        switch kind {
        case "": column = -1
        case "(staff name)":
            if dicomStaffColumn < 0 { dicomStaffColumn = visitor.declareColumn(name: RecordAssembler.staffNameColumn, hint: .nonPersonal) }
            column = dicomStaffColumn
        default: column = labelColumn(Array(kind.utf8), visitor: &visitor)
        }
        openRecord(offset: offset, visitor: &visitor)
        value.withUnsafeBufferPointer { visitor.field($0, column: column, line: line, offset: offset + open + 1) }
        return true
    }

    private var dicomStaffColumn = -1

    /// `dcmdump`'s keywords read (`dicomLine`): the label each is read under ("" text).
    static let dicomKeywords: [[UInt8]: String] = {
        let table: [(String, String)] = [
            ("PatientName", "name"), ("OtherPatientNames", "name"), ("PatientBirthDate", "date of birth"),
            ("PatientAddress", "address"), ("PatientTelephoneNumbers", "phone"), ("PatientID", ""), ("OtherPatientIDs", ""),
            ("AdditionalPatientHistory", ""), ("StudyDescription", ""), ("ReasonForTheRequestedProcedure", ""),
            ("AdmittingDiagnosesDescription", ""), ("RequestedProcedureDescription", ""), ("PatientComments", ""),
            ("ReferringPhysicianName", "(staff name)"), ("RequestingPhysician", "(staff name)"),
            ("PerformingPhysicianName", "(staff name)"), ("OperatorsName", "(staff name)"), ("NameOfPhysiciansReadingStudy", "(staff name)"),
        ]
        var out: [[UInt8]: String] = [:]
        for (k, v) in table { out[Array(k.utf8)] = v }
        return out
    }()

    private mutating func openRecord(offset: Int, visitor: inout some RecordVisitor) {
        if !recordOpen {
            emitHeldRelated(visitor: &visitor)
            visitor.beginRecord(line: line, offset: offset)
            recordOpen = true
        }
    }

    /// Related persons' lines of the block (`heldRelated`), each a record of its own; called
    /// where no record is open.
    private mutating func emitHeldRelated(visitor: inout some RecordVisitor) {
        guard !heldRelated.isEmpty else { return }
        for r in heldRelated {
            visitor.beginRecord(line: r.line, offset: r.offset)
            r.value.withUnsafeBufferPointer { visitor.field($0, column: r.column, line: r.line, offset: r.offset) }
            visitor.endRecord()
        }
        heldRelated.removeAll()
    }

    private var heldRelated: [(value: [UInt8], column: Int, line: Int, offset: Int)] = []

    /// For a label naming a related person (`FieldClassifier.namesRelatedPerson`), its column of
    /// names (declared once per label); nil for other labels.
    private mutating func relatedColumn(_ key: [UInt8], visitor: inout some RecordVisitor) -> Int? {
        guard key.count <= 32 else { return nil }
        if let known = relatedLabels[key] { return known >= 0 ? known : nil }
        guard relatedLabels.count < Self.labelCacheLimit else { return nil }
        let name = String(decoding: key, as: UTF8.self)
        let id = FieldClassifier.namesRelatedPerson(name) ? visitor.declareColumn(name: name, hint: .fullName) : -1
        relatedLabels[key] = id
        return id >= 0 ? id : nil
    }

    /// The declared column for a label, or -1 when the classifier does not recognise it.
    private mutating func labelColumn(_ label: UnsafeBufferPointer<UInt8>, visitor: inout some RecordVisitor) -> Int {
        labelColumn(Array(label), visitor: &visitor)
    }

    /// `labelColumn` for a label's bytes already copied (`key`).
    private mutating func labelColumn(_ key: [UInt8], visitor: inout some RecordVisitor) -> Int {
        if let known = labels[key] { return known }
        let name = String(decoding: key, as: UTF8.self)
        if let hint = classify(name) ?? (visitor.wantsLabel(name) ? FieldHint.nonPersonal : nil) {
            let id = visitor.declareColumn(name: name, hint: hint)
            labels[key] = id
            if hint != .none && hint != .nonPersonal { personalColumns.insert(id) }
            return id
        }
        if unknownLabels < Self.labelCacheLimit { labels[key] = -1; unknownLabels += 1 }
        return -1
    }

    /// Splits a trimmed line into label and value at the first `:`, `=`, tab, em dash or en dash
    /// that follows a label of 1…40 bytes containing a letter. Nil when there is no such label or
    /// the value is empty. Ranges index `p`.
    static func splitLabel(_ p: UnsafeBufferPointer<UInt8>) -> (label: Range<Int>, value: Range<Int>)? {
        let n = p.count
        // Labels are words: a line starting with a digit is a timestamp or a number, not `Label:`.
        guard n > 0, !(p[0] &- 0x30 < 10), let base = p.baseAddress else { return nil }
        let limit = Swift.min(n, maxLabelBytes + 8)  // room for spaces before the separator
        var k = 0
        var sepLength = 0
        // The first `:`, `=`, tab, or em/en dash (E2 80 94 / E2 80 93), 16 bytes at a time.
        // (Vector operands and bit casts: the mask operators with a scalar operand compile to a
        // loop over the lanes.)
        let raw = UnsafeRawPointer(base)
        let colon = SIMD16<UInt8>(repeating: 0x3A), equals = SIMD16<UInt8>(repeating: 0x3D)
        let tab = SIMD16<UInt8>(repeating: 0x09), dash = SIMD16<UInt8>(repeating: 0xE2)
        search: while k < limit {
            if k + 16 <= n {
                let v = raw.loadUnaligned(fromByteOffset: k, as: SIMD16<UInt8>.self)
                let hit = unsafeBitCast(v .== colon, to: SIMD16<UInt8>.self) | unsafeBitCast(v .== equals, to: SIMD16<UInt8>.self)
                    | unsafeBitCast(v .== tab, to: SIMD16<UInt8>.self) | unsafeBitCast(v .== dash, to: SIMD16<UInt8>.self)
                let halves = unsafeBitCast(hit, to: SIMD2<UInt64>.self)
                for half in 0..<2 {
                    var m = halves[half]
                    while m != 0 {
                        let tz = m.trailingZeroBitCount
                        let j = k + half * 8 + tz >> 3
                        if j >= limit { break search }
                        if p[j] != 0xE2 { k = j; sepLength = 1; break search }
                        if j + 2 < n && p[j + 1] == 0x80 && (p[j + 2] == 0x94 || p[j + 2] == 0x93) { k = j; sepLength = 3; break search }
                        m &= ~(UInt64(0xFF) << UInt64(tz & ~7))
                    }
                }
                k += 16
            } else {
                let c = p[k]
                if c == UInt8(ascii: ":") || c == UInt8(ascii: "=") || c == 0x09 { sepLength = 1; break }
                if c == 0xE2 && k + 2 < n && p[k + 1] == 0x80 && (p[k + 2] == 0x94 || p[k + 2] == 0x93) { sepLength = 3; break }
                k += 1
            }
        }
        guard sepLength > 0 else { return nil }
        // Markdown's emphasis around a label (`**Pacjent:** Łuczak Marcin`, `__Adres__: …`).
        var labelStart = 0
        while labelStart < k && isEmphasis(p[labelStart]) { labelStart += 1 }
        var labelEnd = k
        while labelEnd > labelStart && (p[labelEnd - 1] == 0x20 || p[labelEnd - 1] == 0x09 || isEmphasis(p[labelEnd - 1])) { labelEnd -= 1 }
        guard labelEnd > labelStart && labelEnd - labelStart <= maxLabelBytes else { return nil }
        var hasLetter = false
        for x in labelStart..<labelEnd where (p[x] | 0x20) >= 0x61 && (p[x] | 0x20) <= 0x7A || p[x] >= 0x80 { hasLetter = true; break }
        guard hasLetter else { return nil }
        var v = k + sepLength
        var end = n
        if labelStart > 0 {
            while v < n && isEmphasis(p[v]) { v += 1 }
            while end > v && isEmphasis(p[end - 1]) { end -= 1 }  // `**Pacjent: Jan Kowalski**`
        }
        while v < end && (p[v] == 0x20 || p[v] == 0x09) { v += 1 }
        guard v < end else { return nil }
        return (labelStart..<labelEnd, v..<end)
    }

    @inline(__always) static func isEmphasis(_ b: UInt8) -> Bool {
        b == UInt8(ascii: "*") || b == UInt8(ascii: "_")
    }
}

/// A visitor that keeps nothing: a JSON line or block is read through it first to learn whether
/// it is JSON (`TextReader.readJSON`).
private struct NullVisitor: RecordVisitor {
    var columns = 0
    mutating func declareColumn(name: String, hint: FieldHint) -> Int { columns += 1; return columns - 1 }
    mutating func beginRecord(line: Int, offset: Int) {}
    mutating func field(_ value: UnsafeBufferPointer<UInt8>, column: Int, line: Int, offset: Int) {}
    mutating func endRecord() {}
}
