import Foundation
import Synchronization

// Large UTF-8 CSV/TSV and NDJSON documents that the other workers would wait for are read by
// several workers at once (`ScanWork` says which). Otherwise one big table (a common leak) is
// read by one core, and at the end of a scan one worker reads its last file alone.
//
// The worker that opens such a document finds its cuts (`SegmentCuts`), then reads it from the
// start up to the first cut. Everything a later part needs is decided there: the CSV delimiter,
// header and sampled column hints, the JSON paths seen, the columns, and the country votes for
// ambiguous national IDs. The reader and the assembler, as they stand at that cut, are the seed
// of every later part. It then publishes the parts; any worker reads one from its cut to the
// next one with a copy of the seed. The last part to finish sends the document's outcome, after
// all parts' records, so a document marked finished has all its records.
//
// The parts give what one reading from the start gives:
// - the same records, lines and offsets;
// - ordinals that keep the document's order (a part numbers from its first byte's offset);
// - the evidence of each category rule's first hit in the document (the writer keeps the
//   lowest offset).
// Two things can differ from such a reading:
// - A part meets the country votes of the first part only, not those of the parts before it.
//   They settle a national ID valid in two countries (EE/LT), and are decided by the first
//   part (a quarter of a part's size: thousands of rows of a table).
// - A column first seen after the first part (a JSON path, a CSV row wider than the header)
//   is numbered by the part that meets it first. The names stored are the same.

/// What the workers of a scan take: the next planned file while few parts are queued, else a
/// part of a document being read in parallel. A file's first part (up to its first usable cut)
/// is read by one worker alone; with parts still queued, the others keep busy meanwhile, and
/// no worker waits for the last file's parts at the end. A worker with nothing to take waits
/// while a file handed out may still be cut into parts.
///
/// Cutting costs a reading of the file to find the cuts, so a file is cut only when the others
/// would otherwise wait for it: when it is larger than the share of the files not yet handed
/// out that each other worker would read (the last large files of a scan, a leak that is one
/// big table). Many files of similar size keep every worker busy without it.
final class ScanWork: @unchecked Sendable {
    enum Task {
        /// A planned file, and whether it may be cut into parts.
        case file(Int, cut: Bool)
        case part(DocumentPart)
    }

    private let cond = NSCondition()
    private let fileCount: Int
    private var nextFile = 0
    private var parts: [DocumentPart] = []
    /// Files handed out to be cut whose worker has not yet said whether it did.
    private var undecided = 0

    /// Parts queued below which a worker opens the next file.
    private let fewParts: Int
    private let workers: Int
    /// Bytes of each planned file, and of the files not yet handed out.
    private let sizes: [Int]
    private var remaining: Int

    init(sizes: [Int], workers: Int) {
        fileCount = sizes.count
        self.sizes = sizes
        remaining = sizes.reduce(0, +)
        self.workers = workers
        fewParts = 2 * workers
    }

    func next() -> Task? {
        cond.lock(); defer { cond.unlock() }
        while true {
            if !parts.isEmpty && (parts.count >= fewParts || nextFile == fileCount) { return .part(parts.removeFirst()) }
            if nextFile < fileCount {
                let i = nextFile
                nextFile += 1
                remaining -= sizes[i]
                let cut = workers > 1 && remaining < sizes[i] * (workers - 1)
                if cut { undecided += 1 }
                return .file(i, cut: cut)
            }
            if undecided == 0 { return nil }
            cond.wait()
        }
    }

    /// The worker of a file handed out by `next` to be cut publishes its parts (none: it read it
    /// whole).
    func decided(_ new: [DocumentPart] = []) {
        cond.lock(); defer { cond.unlock() }
        parts.append(contentsOf: new)
        undecided -= 1
        cond.broadcast()
    }
}

/// A part of a document read in parallel: from the cut at file offset `start` (on `line`) to
/// the next cut, or to the end of the file.
struct DocumentPart: Sendable {
    let document: SegmentedDocument
    let index: Int
    let start: Int
    let end: Int?
    let line: Int
}

/// A reader whose parts can be read from cuts (`SegmentCuts`).
protocol ResumableReader: DocumentReader {
    /// A copy that reads on at document offset `offset`, on `line`; nil unless the reader
    /// stands between records with everything a part needs decided.
    func resumed(at offset: Int, line: Int) -> Self?
    /// The next byte's document offset, and its line.
    var position: (offset: Int, line: Int) { get }
    /// Ends a record the reader holds open for what may follow it (`CSVReader`'s continuation
    /// rows): at a cut, where another reader goes on.
    mutating func endHeldRecord(visitor: inout some RecordVisitor)
}

extension CSVReader: ResumableReader {}
extension JSONReader: ResumableReader {
    mutating func endHeldRecord(visitor: inout some RecordVisitor) {}
}

/// The reader of a document read in parallel, as it stands at the end of the first part.
enum PartReader: @unchecked Sendable {
    case csv(CSVReader)
    case ndjson(JSONReader)

    /// `reader` when it is one that parts can copy and it stands at `cut` (document offset
    /// `offset`), with the delimiter the cuts were found with.
    init?<R: ResumableReader>(_ reader: R, offset: Int, line: Int, delimiter: UInt8?) {
        guard reader.position == (offset, line), reader.resumed(at: offset, line: line) != nil else { return nil }
        if let r = reader as? CSVReader, r.delimiter == delimiter {
            self = .csv(r)
        } else if let r = reader as? JSONReader, r.lines, delimiter == nil {
            self = .ndjson(r)
        } else {
            return nil
        }
    }
}

/// One document read in parts: what they share (the seed), and what they add up to.
final class SegmentedDocument: @unchecked Sendable {
    let doc: Store.PlannedDocument
    /// The file read (an archive member's extracted copy, removed when the last part is done).
    let path: String
    let source: String?
    let format: DocumentFormat
    let encodingName: String
    /// Bytes of a byte-order mark before the document's first byte.
    let bom: Int
    let counted: ByteCounter
    let reader: PartReader
    let seed: RecordAssembler
    let columns: SharedColumns
    private let tally: Mutex<Tally>
    /// Called once, by the last part, with the document's outcome (already sent to the writer).
    let completion: @Sendable (DocumentOutcome) -> Void

    struct Tally {
        var remaining: Int
        var records = 0
        var findings = 0
        var invalid = 0
        var wellFormedLines = 0
        var malformedLines = 0
        /// The first part's failure (by part index) with its message.
        var failure: (part: Int, message: String)?
    }

    /// What one part read.
    struct PartResult {
        var records = 0
        var findings = 0
        var invalid = 0
        var wellFormedLines = 0
        var malformedLines = 0
        var failure: String?
    }

    init(doc: Store.PlannedDocument, path: String, source: String?, format: DocumentFormat, encodingName: String, bom: Int,
         counted: ByteCounter, reader: PartReader, seed: RecordAssembler, parts: Int,
         completion: @escaping @Sendable (DocumentOutcome) -> Void) {
        self.doc = doc
        self.path = path
        self.source = source
        self.format = format
        self.encodingName = encodingName
        self.bom = bom
        self.counted = counted
        self.reader = reader
        self.seed = seed
        columns = SharedColumns(count: seed.columns.count)
        tally = Mutex(Tally(remaining: parts))
        self.completion = completion
    }

    /// Part `index` is done and its records were handed to the writer. The last part gets the
    /// document's outcome back (to send after its records).
    func finished(part index: Int, _ r: PartResult) -> DocumentOutcome? {
        tally.withLock { t -> DocumentOutcome? in
            t.records += r.records
            t.findings += r.findings
            t.invalid += r.invalid
            t.wellFormedLines += r.wellFormedLines
            t.malformedLines += r.malformedLines
            if let m = r.failure, t.failure.map({ index < $0.part }) ?? true { t.failure = (index, m) }
            t.remaining -= 1
            return t.remaining == 0 ? outcome(t) : nil
        }
    }

    private func outcome(_ t: Tally) -> DocumentOutcome {
        var status = DocumentOutcome.Status.scanned
        var reason: String?
        if let f = t.failure {
            status = .failed
            reason = f.message + (t.records > 0 ? " (\(t.records) records read elsewhere in the file were kept)" : "")
        } else if format == .ndjson && t.malformedLines > 0 && t.wellFormedLines == 0 {
            status = .failed
            reason = "NDJSON: all \(t.malformedLines) lines are malformed"
        }
        let encoding = t.invalid > 0 ? encodingName + " (\(t.invalid) invalid sequences replaced)" : encodingName
        return DocumentOutcome(status: status, reason: reason, format: format.rawValue, encoding: encoding,
                               records: t.records, findings: t.findings)
    }
}

extension DocumentScan {
    /// Reads a CSV/TSV/NDJSON document, in parts when it is large enough and the scan has a work
    /// list (nil: the parts go on). Otherwise, or when the document cannot be cut, it is read
    /// whole as before.
    func readCuttable<R: ResumableReader>(_ reader: R, _ state: Drive, _ buffer: inout [UInt8], filled n: Int, bom: Int,
                                          _ assembler: inout RecordAssembler) -> DocumentOutcome? {
        var reader = reader
        var cuts: [SegmentCuts.Cut] = []
        var delimiter: UInt8?
        // The cuts are found by reading the file once before its parts read it: a file larger
        // than a quarter of the memory (the page cache may not hold it until then) is read whole
        // rather than twice from disk.
        if work != nil, options.threads > 1, options.partBytes > 0, doc.file.size >= 2 * options.partBytes,
           UInt64(doc.file.size) <= ProcessInfo.processInfo.physicalMemory / 4 {
            var scratch = [UInt8](repeating: 0, count: max(options.chunkSize, CSVReader.sniffWindow))
            if let csv = reader as? CSVReader {
                // The delimiter the reader will sniff: from the same first 64 KB.
                delimiter = csv.delimiter ?? scratch.withUnsafeMutableBytes { b -> UInt8? in
                    let got = pread(state.fd, b.baseAddress!, CSVReader.sniffWindow, off_t(bom))
                    guard got == CSVReader.sniffWindow else { return nil }
                    return CSVReader.sniffDelimiter(UnsafeBufferPointer(start: b.baseAddress!.assumingMemoryBound(to: UInt8.self), count: got),
                                                    complete: false)?.delimiter ?? UInt8(ascii: ",")
                }
            }
            if !(reader is CSVReader) || delimiter != nil {
                cuts = SegmentCuts.find(fd: state.fd, start: bom, every: options.partBytes, first: options.partBytes / 4,
                                        delimiter: delimiter, buffer: &scratch) ?? []
            }
        }
        let end = driveUTF8(&reader, state.fd, &buffer, filled: n, start: bom, limit: nil, &assembler, cuts: cuts) { reader, assembler, k in
            reader.endHeldRecord(visitor: &assembler)
            return fork(reader, &assembler, state, cuts: cuts[k...], bom: bom, delimiter: delimiter)
        }
        return outcome(of: end, reader, state, assembler)
    }

    /// At the document's first usable cut: publishes the parts from it on, with the reader and
    /// the assembler as seed. False (the document is read on whole) when the reader does not
    /// stand where the cut says.
    private func fork<R: ResumableReader>(_ reader: R, _ assembler: inout RecordAssembler, _ state: Drive,
                                         cuts: ArraySlice<SegmentCuts.Cut>, bom: Int, delimiter: UInt8?) -> Bool {
        guard let work, let first = cuts.first,
              let seedReader = PartReader(reader, offset: first.offset - bom, line: first.line, delimiter: delimiter)
        else { return false }
        let cuts = Array(cuts)
        // The first part's records go to the writer before the parts are published (and before
        // the assembler becomes the seed, which then holds no slice).
        assembler.flush(outcome: nil)
        let document = SegmentedDocument(doc: doc, path: source ?? doc.file.path, source: source, format: state.format,
                                         encodingName: state.encodingName, bom: bom, counted: counted, reader: seedReader,
                                         seed: assembler, parts: cuts.count + 1, completion: completion)
        let parts = cuts.indices.map { i in
            DocumentPart(document: document, index: i + 1, start: cuts[i].offset, end: i + 1 < cuts.count ? cuts[i + 1].offset : nil,
                         line: cuts[i].line)
        }
        var mine = SegmentedDocument.PartResult(records: assembler.recordCount, findings: assembler.findingCount)
        if let json = reader as? JSONReader { mine.wellFormedLines = json.wellFormedLines; mine.malformedLines = json.malformedLines }
        work.decided(parts)
        if let outcome = document.finished(part: 0, mine) { finish(document, outcome) }
        return true
    }

    /// Reads one part (a worker took it from the work list).
    static func readPart(_ part: DocumentPart, _ buffer: inout [UInt8], vault: Vault, scanner: FieldScanner, options: ScanOptions,
                     writer: StoreWriter, progress: ScanProgress, work: ScanWork) {
        let d = part.document
        let scan = DocumentScan(doc: d.doc, vault: vault, scanner: scanner, options: options, writer: writer, progress: progress,
                                counted: d.counted, source: d.source, work: work, completion: d.completion)
        switch d.reader {
        case .csv(let r): scan.readPart(part, seed: r, &buffer)
        case .ndjson(var r):
            r.failsAllMalformed = false
            scan.readPart(part, seed: r, &buffer)
        }
    }

    private func readPart<R: ResumableReader>(_ part: DocumentPart, seed: R, _ buffer: inout [UInt8]) {
        let d = part.document
        let offset = part.start - d.bom
        var assembler = d.seed.forPart(at: offset, columns: d.columns)
        var result = SegmentedDocument.PartResult()
        let fd = open(d.path, O_RDONLY)
        if fd < 0 {
            result.failure = "cannot open file (errno \(errno))"
        } else if lseek(fd, off_t(part.start), SEEK_SET) < 0 {
            result.failure = "cannot seek to byte \(part.start) (errno \(errno))"
        } else if var reader = seed.resumed(at: offset, line: part.line) {
            switch driveUTF8(&reader, fd, &buffer, filled: 0, start: 0, limit: part.end.map { $0 - part.start }, &assembler) {
            case .read(let invalid): result.invalid = invalid
            case .failed(let message): result.failure = message
            case .forked: break
            }
            if let json = reader as? JSONReader { result.wellFormedLines = json.wellFormedLines; result.malformedLines = json.malformedLines }
        } else {
            result.failure = "internal: the reader cannot go on at byte \(part.start)"
        }
        if fd >= 0 { close(fd) }
        assembler.flush(outcome: nil)
        result.records = assembler.recordCount
        result.findings = assembler.findingCount
        if let outcome = d.finished(part: part.index, result) { finish(d, outcome) }
    }

    /// The last part of `d` is done: its outcome goes to the writer after every part's records.
    private func finish(_ d: SegmentedDocument, _ outcome: DocumentOutcome) {
        var b = ScanBatch(documentID: d.doc.id)
        b.outcome = outcome
        writer.submit(b)
        if let source = d.source { unlink(source) }
        d.completion(outcome)
    }
}
