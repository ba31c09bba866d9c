import Foundation
import Synchronization

/// Options of one scan.
public struct ScanOptions: Sendable {
    public var roots: [String]
    public var batch: String = "default"
    /// When the batch was published by the attackers (ISO 8601 date), for the timeline.
    public var publishedAt: String?
    /// Worker threads (files are scanned in parallel, one file per worker at a time).
    public var threads: Int = max(1, ProcessInfo.processInfo.activeProcessorCount)
    /// Forces the text encoding of every document (otherwise detected per document).
    public var encoding: TextEncoding?
    public var limits = ReadLimits()
    /// Countries tried, in order, for phone numbers written in national form.
    public var phoneCountries: [String] = PhoneDetector().defaultCountries
    /// Bytes read per `read(2)` call.
    public var chunkSize = 1 << 20
    /// A UTF-8 CSV/TSV or NDJSON document of at least twice this size that the other workers
    /// would wait for (`ScanWork`) is cut into parts of about this size at record boundaries,
    /// read by several workers at once (0: never). The first part, read alone before the others
    /// can start, is a quarter of it.
    public var partBytes = 4 << 20
    /// Zip-bomb and nesting limits for archives.
    public var archives = ArchiveLimits()
    /// Controller rules given for this scan (`scan --controllers FILE`): the parsed rules and the
    /// file's text, stored in the workspace and used by later scans and resolves. Without them,
    /// the rules stored by an earlier scan apply.
    public var controllerRules: (rules: ControllerRules, yaml: String, base: String)?
    /// Infer special categories with the shipped rule packs (and `categoryRules`, a directory of
    /// the user's own packs).
    public var categories = true
    public var categoryRules: String?
    /// Set by `run`: the scope the workers record.
    var scope: ScanScope?
    /// PDF pages without a text layer are read by OCR (tesseract); otherwise they are reported
    /// as needing OCR.
    public var ocr = false
    /// Tesseract languages for `ocr`, `+`-joined.
    public var ocrLanguages = PageOCR.defaultLanguages
    /// Seconds each page's rendering and recognition may take.
    public var ocrPageTimeout = PageOCR.defaultPageTimeout
    public init(roots: [String]) { self.roots = roots }
}

/// Live counters of a running scan, read by the progress display.
public final class ScanProgress: Sendable {
    public let totalFiles = Atomic<Int>(0)
    public let totalBytes = Atomic<Int>(0)
    public let filesDone = Atomic<Int>(0)
    public let bytesDone = Atomic<Int>(0)
    public let failed = Atomic<Int>(0)
    /// 0 while files are read, 1 while persons are resolved.
    public let phase = Atomic<Int>(0)
    public init() {}
}

/// What a scan did.
public struct ScanSummary: Sendable, Codable {
    public var files = 0
    public var unchanged = 0
    public var scanned = 0
    public var skipped = 0
    public var failed = 0
    public var bytes = 0
    public var records = 0
    public var findings = 0
    public var seconds = 0.0
    /// Of `seconds`: reading, detecting and writing; then resolving persons.
    public var scanSeconds = 0.0
    public var resolveSeconds = 0.0
    /// Things the user should know that are not document outcomes (rejected register rows).
    public var warnings: [String] = []
}

/// Drives a scan: walk → plan (resumable) → parallel readers and detectors → store writer →
/// resolver. Blocking file reads run on dedicated worker threads, not the concurrency pool.
public enum Scanner {
    public static func run(store: Store, vault: Vault, options: ScanOptions, progress: ScanProgress = ScanProgress()) throws -> ScanSummary {
        let start = Date()
        let expander = try ArchiveExpander(limits: options.archives)
        defer { expander.removeTemporaryArea() }
        // The workspace itself (store, key file) is never a document, even under a scanned folder.
        let workspace = store.url.deletingLastPathComponent().standardizedFileURL.path + "/"
        let walked = try Walker.walk(options.roots).filter { !URL(fileURLWithPath: $0.path).standardizedFileURL.path.hasPrefix(workspace) }
        var scoped = options
        // Controller rules: new ones are stored; changed column rules mean every document of this
        // scan is read again, so no document keeps attributions of rules that no longer hold.
        var rules: ControllerRules?
        var force = false
        var warnings: [String] = []
        if let given = options.controllerRules {
            let stored = try store.meta("controllers_yaml")
            force = stored != nil && stored != given.yaml && given.rules.hasColumnRules
            try store.setMeta(["controllers_yaml": given.yaml, "controllers_base": given.base])
            rules = given.rules
        } else if let yaml = try store.meta("controllers_yaml") {
            rules = try ControllerScope.parse(yaml: yaml, base: try store.meta("controllers_base"))
        }
        let categories = options.categories ? try CategoryMatcher.builtin(adding: options.categoryRules.map { URL(fileURLWithPath: $0) }) : nil
        let prepared = try ScanScope.prepare(store: store, vault: vault, rules: rules, categories: categories, phoneCountries: options.phoneCountries)
        scoped.scope = prepared.scope
        let options = scoped
        for r in prepared.rejected.prefix(20) { warnings.append("register rule '\(r.rule)', line \(r.line): \(r.reason)") }
        if prepared.rejected.count > 20 { warnings.append("… and \(prepared.rejected.count - 20) more register rows rejected") }
        let files = expander.expand(walked) { !force && ((try? store.isFinishedAndUnchanged($0, vault: vault)) ?? false) }
        let (plannedAll, unchanged) = try store.plan(files, batch: options.batch, publishedAt: options.publishedAt, force: force, vault: vault)
        // Archive containers are finished after all their members, so a killed scan re-expands them.
        let planned = plannedAll.filter { $0.file.container == nil }
        let containers = plannedAll.filter { $0.file.container != nil }
        progress.totalFiles.store(plannedAll.count, ordering: .relaxed)
        progress.totalBytes.store(plannedAll.reduce(0) { $0 + $1.file.size }, ordering: .relaxed)

        if plannedAll.isEmpty, try store.meta("resolved") == "1", options.controllerRules == nil {
            // Nothing new or changed: the store is already complete.
            var summary = ScanSummary()
            summary.warnings = warnings
            summary.files = files.count
            summary.unchanged = unchanged
            summary.seconds = Date().timeIntervalSince(start)
            return summary
        }
        let writer = try StoreWriter(store: store, vault: vault)
        var clock = PhaseClock("scan")
        writer.start()
        // One file can keep every worker busy (its parts), so workers are not limited to files.
        let threads = planned.isEmpty ? 1 : max(1, options.threads)
        let work = ScanWork(sizes: planned.map(\.file.size), workers: threads)
        let summaries = Mutex<ScanSummary>(ScanSummary())
        let scanner = FieldScanner(phoneCountries: options.phoneCountries)
        /// Counts a document's outcome (when it was read in parts, the last part calls it).
        @Sendable func completed(_ doc: Store.PlannedDocument, _ outcome: DocumentOutcome, _ counted: ByteCounter) {
            progress.filesDone.add(1, ordering: .relaxed)
            // Bytes were counted as they were read; count the rest (skipped parts, whole-file formats).
            progress.bytesDone.add(max(0, doc.file.size - counted.value.load(ordering: .relaxed)), ordering: .relaxed)
            if outcome.status == .failed { progress.failed.add(1, ordering: .relaxed) }
            summaries.withLock { s in
                switch outcome.status {
                case .scanned: s.scanned += 1
                case .skipped: s.skipped += 1
                case .failed: s.failed += 1
                }
                s.records += outcome.records
                s.findings += outcome.findings
                if doc.file.container == nil { s.bytes += doc.file.size }
            }
        }
        /// Reads one planned file, in parts added to `work` when it gives one (a file to be cut),
        /// and tells it when it is decided.
        @Sendable func scanOne(_ planned: Store.PlannedDocument, _ buffer: inout [UInt8], _ cache: ArchiveExpander.ZipCache,
                               work: ScanWork?) {
            var doc = planned
            var source: String?
            if doc.file.member != nil && doc.file.problem == nil {
                do { source = try expander.materialize(doc.file, cache: cache) } catch {
                    doc.file.problem = .failed
                    doc.file.reason = error.message
                }
            }
            let counted = ByteCounter()
            let document = doc
            let scan = DocumentScan(doc: doc, vault: vault, scanner: scanner, options: options, writer: writer,
                                    progress: progress, counted: counted, source: source, temporaryArea: expander.temporaryArea.path,
                                    work: work, completion: { completed(document, $0, counted) })
            // Nil: the document is read in parts; the last part completes it and removes `source`.
            guard let outcome = scan.run(&buffer) else { return }
            if let source { unlink(source) }
            work?.decided()
            completed(doc, outcome, counted)
        }
        DispatchQueue.concurrentPerform(iterations: threads) { _ in
            var buffer = [UInt8](repeating: 0, count: options.chunkSize)
            let cache = ArchiveExpander.ZipCache()
            while let task = work.next() {
                switch task {
                case .file(let i, let cut): scanOne(planned[i], &buffer, cache, work: cut ? work : nil)
                case .part(let part):
                    DocumentScan.readPart(part, &buffer, vault: vault, scanner: scanner, options: options, writer: writer,
                                      progress: progress, work: work)
                }
            }
        }
        var buffer: [UInt8] = []
        for doc in containers { scanOne(doc, &buffer, ArchiveExpander.ZipCache(), work: nil) }
        clock.lap("workers")
        try writer.finish()
        clock.lap("writer backlog")
        let scanned = Date()
        progress.phase.store(1, ordering: .relaxed)
        try Resolver(store: store, vault: vault).run(written: writer.takeWritten())
        var summary = summaries.withLock { $0 }
        summary.scanSeconds = scanned.timeIntervalSince(start)
        summary.resolveSeconds = Date().timeIntervalSince(scanned)
        summary.files = files.count
        summary.unchanged = unchanged
        summary.warnings = warnings
        summary.seconds = Date().timeIntervalSince(start)
        return summary
    }
}

/// Scans one document: open, sniff encoding and format, stream chunks through the transcoder
/// and the format's reader into a `RecordAssembler`. Never throws: every problem becomes the
/// document's outcome with a reason that holds no content.
struct DocumentScan {
    let doc: Store.PlannedDocument
    let vault: Vault
    let scanner: FieldScanner
    let options: ScanOptions
    let writer: StoreWriter
    let progress: ScanProgress
    /// Bytes of this document already added to `progress` (shared by its parts).
    var counted = ByteCounter()
    /// The extracted copy of an archive member, read instead of `doc.file.path`.
    var source: String? = nil
    /// The scan's temporary area (OCR page images); nil = the system's temp folder.
    var temporaryArea: String? = nil
    /// The scan's work list, to which a large document's parts are added (nil: read whole).
    var work: ScanWork? = nil
    /// Counts the outcome of a document read in parts (called by its last part).
    var completion: @Sendable (DocumentOutcome) -> Void = { _ in }
    private var bytesPath: String { source ?? doc.file.path }

    /// Reads the document; nil when it goes on in parts (`SegmentedScan.swift`), which send its
    /// outcome themselves.
    func run(_ buffer: inout [UInt8]) -> DocumentOutcome? {
        var assembler = RecordAssembler(documentID: doc.id, vault: vault, fieldScanner: scanner,
                                        splitConflictingBlocks: true, scope: options.scope, documentSize: doc.file.size,
                                        submit: { writer.submit($0) })
        assembler.deliveryList = FieldClassifier.namesDeliveries(fileName: doc.file.name)
        guard var outcome = scan(&buffer, &assembler) else { return nil }
        assembler.finishDocument()
        outcome.records = assembler.recordCount
        outcome.findings = assembler.findingCount
        assembler.flush(outcome: outcome)
        return outcome
    }

    private func scan(_ buffer: inout [UInt8], _ assembler: inout RecordAssembler) -> DocumentOutcome? {
        func outcome(_ s: DocumentOutcome.Status, _ reason: String?, format: String? = nil, encoding: String? = nil) -> DocumentOutcome {
            DocumentOutcome(status: s, reason: reason, format: format, encoding: encoding, records: 0, findings: 0)
        }
        if let detail = doc.file.container {
            return outcome(doc.file.problem ?? .scanned, doc.file.reason, format: "archive", encoding: detail)
        }
        if let problem = doc.file.problem { return outcome(problem, doc.file.reason) }
        let fd = open(bytesPath, O_RDONLY)
        guard fd >= 0 else { return outcome(.failed, "cannot open file (errno \(errno))") }
        defer { close(fd) }
        let n = readFull(fd, &buffer)
        guard n >= 0 else { return outcome(.failed, "read error (errno \(errno))") }
        if n == 0 { return outcome(.skipped, "empty file") }

        let fileFormat = buffer.withUnsafeBufferPointer { b -> FileFormat? in
            let prefix = UnsafeBufferPointer(rebasing: b[0..<n])
            // A renamed office file (`export.bin` that is a .docx) is read as what it is.
            return FileFormat.detect(path: doc.file.name, prefix: prefix) ?? (FileFormat.isZip(prefix) ? FileFormat.sniffZip(path: bytesPath) : nil)
        }
        if let fileFormat { return readFile(fileFormat, &assembler) }
        if let legacy = buffer.withUnsafeBufferPointer({ FileFormat.legacyReason(path: doc.file.name, prefix: UnsafeBufferPointer(rebasing: $0[0..<n])) }) {
            return outcome(.skipped, legacy, format: "ole")
        }
        let guess: EncodingGuess = buffer.withUnsafeBufferPointer { TextEncoding.detect(UnsafeBufferPointer(rebasing: $0[0..<min(n, 65536)])) }
        if guess.isBinary && options.encoding == nil { return outcome(.skipped, "binary, unknown type") }
        var encoding = options.encoding ?? guess.encoding
        var transcoder = Transcoder(encoding)
        var decoded: [UInt8] = []
        decoded.reserveCapacity(buffer.count + buffer.count / 2)
        buffer.withUnsafeBufferPointer { transcoder.decode(UnsafeBufferPointer(rebasing: $0[0..<n]), into: &decoded) }
        let format = decoded.withUnsafeBufferPointer {
            DocumentFormat.detect(path: doc.file.name, prefix: UnsafeBufferPointer(rebasing: $0[0..<min($0.count, 65536)]))
        }
        var encodingName = options.encoding != nil ? encoding.rawValue + " (forced)" : encoding.rawValue + (guess.confident ? "" : " (guessed)")
        // HTML/XML declare their charset: a declared code page wins over a guess (not over a
        // BOM, `--encoding`, or content that is valid multi-byte UTF-8).
        if format == .html || format == .xml, options.encoding == nil,
           guess.encoding.isSingleByte || guess.reason == "ASCII only",
           let declared = buffer.withUnsafeBufferPointer({ HTMLReader.declaredCharset(UnsafeBufferPointer(rebasing: $0[0..<n])) }),
           declared.isSingleByte, declared != encoding {
            encoding = declared
            encodingName = declared.rawValue + " (declared)"
            transcoder = Transcoder(declared)
            decoded.clear()
            buffer.withUnsafeBufferPointer { transcoder.decode(UnsafeBufferPointer(rebasing: $0[0..<n]), into: &decoded) }
        }
        let state = Drive(fd: fd, format: format, encodingName: encodingName)
        // Valid UTF-8 goes to the reader straight from the read buffer; other encodings through
        // the transcoder.
        let inPlace = encoding == .utf8 || encoding == .utf8BOM
        let bom = n >= 3 && buffer[0] == 0xEF && buffer[1] == 0xBB && buffer[2] == 0xBF ? 3 : 0
        func run<R: DocumentReader>(_ r: R) -> DocumentOutcome? {
            var r = r
            guard inPlace else { return drive(&r, state, &buffer, &decoded, &transcoder, &assembler) }
            return self.outcome(of: driveUTF8(&r, fd, &buffer, filled: n, start: bom, limit: nil, &assembler), r, state, assembler)
        }
        /// CSV/TSV/NDJSON: large UTF-8 ones are read in parts.
        func runCuttable<R: ResumableReader>(_ r: R) -> DocumentOutcome? {
            inPlace ? readCuttable(r, state, &buffer, filled: n, bom: bom, &assembler) : run(r)
        }
        // A bcp data file whose format file stands beside it (`export.dat`, `export.fmt`).
        if format == .text || format == .csv || format == .tsv, source == nil, let bcp = BCPFormat.beside(doc.file.path) {
            var reader = CSVReader(delimiter: bcp.delimiter, limits: options.limits)
            reader.presetHeader = bcp.columns
            return run(reader)
        }
        // A DB2 export (`WYNIKI.del`) whose CLP script beside it names the columns.
        if format == .text || format == .csv || format == .tsv, source == nil, let columns = DB2Export.beside(doc.file.path) {
            var reader = CSVReader(delimiter: UInt8(ascii: ","), limits: options.limits)
            reader.presetHeader = columns
            return run(reader)
        }
        // An Informix `dbexport` unload file (`pacje00100.unl`) whose schema beside it names its
        // columns and the row keys that join its tables.
        if format == .text || format == .csv || format == .tsv, source == nil, let unl = InformixExport.beside(doc.file.path) {
            var reader = CSVReader(delimiter: unl.delimiter, limits: options.limits)
            reader.presetHeader = unl.columns
            reader.presetRelations = unl.relations
            return run(reader)
        }
        // A W3C extended log (IIS, Exchange's message tracking): a table under its `#Fields:`.
        if format == .text || format == .csv || format == .tsv,
           let w3c = decoded.withUnsafeBufferPointer({ W3CLog.header(UnsafeBufferPointer(rebasing: $0[0..<min($0.count, 65536)])) }) {
            var reader = CSVReader(delimiter: w3c.delimiter, limits: options.limits)
            reader.presetHeader = w3c.fields
            return run(reader)
        }
        // A fixed-width export whose layout file stands beside it (`ASIAKAS.DAT`, `ASIAKAS.CPY`).
        if format == .text || format == .csv || format == .tsv, source == nil, let layout = FixedLayout.beside(doc.file.path) {
            return run(FixedWidthReader(layout: layout, limits: options.limits))
        }
        assembler.spreadsDocumentCategories = format == .text || format == .rtf || format == .html || format == .latex
        // A mail's `headers.txt` lists one address per block: no form.
        assembler.readsForms = assembler.spreadsDocumentCategories && !doc.file.name.hasSuffix("!/headers.txt")
        if case .mailPart(let part)? = doc.file.member, let cut = doc.file.name.range(of: "!/", options: .backwards) {
            switch part.content {
            case .headers: assembler.mailMessage = (String(doc.file.name[..<cut.lowerBound]), true)
            case .body: assembler.mailMessage = (String(doc.file.name[..<cut.lowerBound]), false)
            case .raw: break
            }
        }
        switch format {
        case .csv: return runCuttable(CSVReader(limits: options.limits))
        case .tsv: return runCuttable(CSVReader(delimiter: 0x09, limits: options.limits))
        case .json: return run(JSONReader(lines: false, limits: options.limits))
        case .ndjson: return runCuttable(JSONReader(lines: true, limits: options.limits))
        case .sql: return run(SQLDumpReader(limits: options.limits))
        case .text: return run(TextReader(limits: options.limits))
        case .rtf: return run(RTFReader(limits: options.limits))
        case .html: return run(HTMLReader(limits: options.limits))
        case .xml: return run(XMLDocumentReader(limits: options.limits))
        case .hl7: return run(HL7Reader(limits: options.limits))
        case .hl7xml: return run(HL7XMLReader(limits: options.limits))
        case .mt940: return run(MT940Reader(limits: options.limits))
        case .edipp: return run(EDIPPReader(limits: options.limits))
        case .properties: return run(PropertiesReader(limits: options.limits))
        case .latex: return run(LaTeXReader(limits: options.limits))
        case .mongoShell: return run(MongoShellReader(limits: options.limits))
        case .gedcom: return run(GEDCOMReader(limits: options.limits))
        case .vcard: return run(VCardReader(limits: options.limits))
        case .edifact: return run(EDIFACTReader(limits: options.limits))
        case .textproto: return run(TextProtoReader(limits: options.limits))
        case .yaml:
            var reader = TextReader(limits: options.limits)
            reader.yaml = true
            return run(reader)
        case .binary: return outcome(.skipped, "binary, unknown type")
        }
    }

    struct Drive { var fd: Int32; var format: DocumentFormat; var encodingName: String }

    /// Whole-file formats (spreadsheets, PDF): the reader takes the path.
    private func readFile(_ format: FileFormat, _ assembler: inout RecordAssembler) -> DocumentOutcome {
        func run<R: FileDocumentReader>(_ type: R.Type, configure: (inout R) -> Void = { _ in }) -> DocumentOutcome {
            var reader = R(limits: options.limits)
            configure(&reader)
            // A PDF read (partly) by OCR is recorded as `pdf+ocr`.
            func name() -> String { ((reader as? PDFReader)?.ocrPages ?? 0) > 0 ? format.rawValue + "+ocr" : format.rawValue }
            do {
                let detail = try reader.read(path: bytesPath, visitor: &assembler)
                return DocumentOutcome(status: .scanned, reason: nil, format: name(), encoding: detail, records: 0, findings: 0)
            } catch {
                let kept = assembler.recordCount > 0 ? " (\(assembler.recordCount) records read before it were kept)" : ""
                let status: DocumentOutcome.Status = error.kind == .unsupported ? .skipped : .failed
                return DocumentOutcome(status: status, reason: error.message + kept, format: name(), encoding: nil, records: 0, findings: 0)
            }
        }
        assembler.spreadsDocumentCategories = format == .pdf || format == .docx || format == .odt
        assembler.readsForms = assembler.spreadsDocumentCategories
        switch format {
        case .xlsx: return run(XLSXReader.self)
        case .pdf:
            return run(PDFReader.self) {
                if options.ocr {
                    $0.ocr = PageOCR(languages: options.ocrLanguages, pageTimeout: options.ocrPageTimeout, temporaryDirectory: temporaryArea)
                }
            }
        case .docx: return run(DOCXReader.self)
        case .ods, .odt: return run(ODFReader.self) { $0.spreadsheet = format == .ods }
        }
    }

    /// Streams the rest of the file through one concrete reader (generic, so it specialises).
    private func drive<R: DocumentReader>(_ reader: inout R, _ state: Drive, _ buffer: inout [UInt8], _ decoded: inout [UInt8],
                                          _ transcoder: inout Transcoder, _ assembler: inout RecordAssembler) -> DocumentOutcome {
        let encodingName = state.encodingName
        do {
            while true {
                try decoded.withUnsafeBufferPointer { try reader.consume($0, visitor: &assembler) }
                decoded.clear()
                let n = readFull(state.fd, &buffer)
                guard n >= 0 else { throw ReadError(.io, "read error (errno \(errno))") }
                if n == 0 { break }
                buffer.withUnsafeBufferPointer { transcoder.decode(UnsafeBufferPointer(rebasing: $0[0..<n]), into: &decoded) }
            }
            transcoder.finish(into: &decoded)
            if !decoded.isEmpty { try decoded.withUnsafeBufferPointer { try reader.consume($0, visitor: &assembler) } }
            try reader.finish(visitor: &assembler)
        } catch {
            return failed(Self.message(error), state, encodingName, assembler)
        }
        return scanned(state, Self.withNote(encodingName, reader), invalid: transcoder.invalidSequences)
    }

    /// The detail shown by `status`, with what the reader wants to say about a document read in full.
    static func withNote<R: DocumentReader>(_ encodingName: String, _ reader: R) -> String {
        guard let note = (reader as? XMLDocumentReader)?.note else { return encodingName }
        return encodingName + "; " + note
    }

    /// How reading a document (or a part) ended.
    enum DriveEnd {
        /// Read to the end; `invalid` sequences were replaced.
        case read(invalid: Int)
        case failed(String)
        /// Cut at a cut point: the rest is read in parts.
        case forked
    }

    /// What a reader's error says (readers throw only `ReadError`s; their messages hold no
    /// content).
    static func message(_ error: Error) -> String {
        (error as? ReadError)?.message ?? "read failed"
    }

    /// The outcome of a document read whole.
    func outcome<R: DocumentReader>(of end: DriveEnd, _ reader: R, _ state: Drive, _ assembler: RecordAssembler) -> DocumentOutcome? {
        switch end {
        case .read(let invalid): return scanned(state, Self.withNote(state.encodingName, reader), invalid: invalid)
        case .failed(let message): return failed(message, state, state.encodingName, assembler)
        case .forked: return nil
        }
    }

    /// UTF-8 documents: each chunk is cut after its last complete character; a valid chunk is
    /// read in place, one with invalid bytes goes through the transcoder (U+FFFD, counted).
    /// The buffer holds `filled` bytes read from the file's start (or the part's); reading
    /// begins at `start` (after a byte-order mark) and stops after `limit` bytes of the file.
    /// At each of `cuts` (file offsets), `fork` may take over the rest of the document.
    func driveUTF8<R: DocumentReader>(_ reader: inout R, _ fd: Int32, _ buffer: inout [UInt8], filled firstCount: Int, start first: Int,
                                      limit: Int?, _ assembler: inout RecordAssembler, cuts: [SegmentCuts.Cut] = [],
                                      fork: (inout R, inout RecordAssembler, Int) -> Bool = { _, _, _ in false }) -> DriveEnd {
        var filled = firstCount
        var start = first
        var fallback = Transcoder(.utf8)
        var decoded: [UInt8] = []
        var eof = false
        var remaining = (limit ?? Int.max) - firstCount
        var bufferOffset = 0  // file offset of buffer[0], relative to where reading began
        var nextCut = 0
        do {
            while true {
                var end = eof ? filled : buffer.withUnsafeBufferPointer { UTF8Validation.completeEnd($0, start: start, end: filled) }
                var atCut = false
                if nextCut < cuts.count && cuts[nextCut].offset - bufferOffset <= end {
                    end = cuts[nextCut].offset - bufferOffset
                    atCut = true
                }
                try buffer.withUnsafeBufferPointer { p in
                    let chunk = UnsafeBufferPointer(rebasing: p[start..<end])
                    if UTF8Validation.isValid(chunk) {
                        try reader.consume(chunk, visitor: &assembler)
                    } else {
                        decoded.clear()
                        fallback.decode(chunk, into: &decoded)
                        fallback.finish(into: &decoded)
                        try decoded.withUnsafeBufferPointer { try reader.consume($0, visitor: &assembler) }
                    }
                }
                if atCut {
                    if fork(&reader, &assembler, nextCut) { return .forked }
                    nextCut += 1
                    start = end
                    continue
                }
                if eof { break }
                let tail = filled - end
                for k in 0..<tail { buffer[k] = buffer[end + k] }
                bufferOffset += end
                start = 0
                let n = readFull(fd, &buffer, from: tail, max: remaining)
                guard n >= 0 else { throw ReadError(.io, "read error (errno \(errno))") }
                remaining -= n
                filled = tail + n
                if n == 0 { eof = true; if filled == 0 { break } }
            }
            try reader.finish(visitor: &assembler)
        } catch {
            return .failed(Self.message(error))
        }
        return .read(invalid: fallback.invalidSequences)
    }

    /// The outcome of a stream document that failed part-way (what was read is kept).
    func failed(_ message: String, _ state: Drive, _ encodingName: String, _ assembler: RecordAssembler) -> DocumentOutcome {
        let kept = assembler.recordCount > 0 ? " (\(assembler.recordCount) records read before it were kept)" : ""
        return DocumentOutcome(status: .failed, reason: message + kept, format: state.format.rawValue,
                               encoding: encodingName, records: 0, findings: 0)
    }

    func scanned(_ state: Drive, _ encodingName: String, invalid: Int) -> DocumentOutcome {
        let name = invalid > 0 ? encodingName + " (\(invalid) invalid sequences replaced)" : encodingName
        return DocumentOutcome(status: .scanned, reason: nil, format: state.format.rawValue, encoding: name, records: 0, findings: 0)
    }

    /// Reads until the buffer is full or the file ends; returns bytes read or -1. Counts the bytes
    /// for the progress display.
    func readFull(_ fd: Int32, _ buffer: inout [UInt8], from: Int = 0, max: Int = Int.max) -> Int {
        let n = readRaw(fd, &buffer, from: from, max: max)
        if n > 0 {
            progress.bytesDone.add(n, ordering: .relaxed)
            counted.value.add(n, ordering: .relaxed)
        }
        return n
    }

    private func readRaw(_ fd: Int32, _ buffer: inout [UInt8], from: Int, max: Int = Int.max) -> Int {
        var total = from
        let cap = buffer.count - from > max ? from + max : buffer.count
        while total < cap {
            let r = buffer.withUnsafeMutableBytes { read(fd, $0.baseAddress! + total, cap - total) }
            if r < 0 { if errno == EINTR { continue }; return -1 }
            if r == 0 { break }
            total += r
        }
        return total - from
    }
}

/// A shared byte count (an `Atomic` in a class, so the struct holding it stays copyable).
final class ByteCounter: Sendable {
    let value = Atomic<Int>(0)
}
