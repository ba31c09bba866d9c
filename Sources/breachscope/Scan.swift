import ArgumentParser
import BreachScope
import Foundation

struct Scan: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Scan leaked files and record who and what they expose.",
        discussion: """
            Walks the given files and directories, reads text, CSV/TSV, JSON and NDJSON, detects \
            identifiers and personal data, stores them pseudonymised and resolves persons. \
            Archives (ZIP, tar, gzip, .tar.gz/.tgz, nested up to --max-archive-depth) are read \
            member by member: a member is a document named `outer.zip!/dir/inner.tar.gz!/file.csv`, \
            extracted one at a time into a private temporary area that is removed after the scan. \
            Encrypted ZIP members are recorded as skipped ("encrypted, not scanned"); tar links are \
            not followed; zip bombs (the limits below) fail the member or archive with a reason. \
            Resumable: files already scanned and unchanged are skipped; a killed scan continues \
            where it stopped when run again. One broken file never stops the scan: every file ends \
            as scanned, skipped or failed, with a reason (`breachscope status`). \
            Creates the workspace if it does not exist yet. \
            Exit code 3 when the scan finished but some files failed.
            """)

    @OptionGroup var options: WorkspaceOptions
    @Argument(help: "Files or directories to scan.") var paths: [String]
    @Option(help: "Name of this delivery of leaked files (batches are compared with `breachscope diff`).") var batch: String = "batch1"
    @Option(name: .customLong("published-at"), help: "When this batch was published (ISO 8601 date), shown on the report's timeline.")
    var publishedAt: String?
    @Option(help: "Force a text encoding for every file (utf-8, utf-16le, utf-16be, windows-1250, windows-1251, windows-1252, windows-1257, iso-8859-1, -2, -4, -13, -15). Default: detected per file.")
    var encoding: String?
    @Option(help: "Worker threads (default: the number of cores).") var threads: Int?
    @Option(name: .customLong("part-mb"), help: "A UTF-8 CSV, TSV or NDJSON file of at least twice this size (MiB) that the other workers would wait for (a large last file, one big table) is cut at record boundaries into parts of about this size, read by all workers at once; 0 reads every file whole.")
    var partMB: Int = 4
    @Option(name: .customLong("phone-countries"), help: "Countries tried, in order, for phone numbers written without a country code (ISO codes, comma-separated).")
    var phoneCountries: String?
    @Option(name: .customLong("max-field-mb"), help: "Longest CSV field or JSON string kept in memory, in MiB; a longer one fails the document with a reason.")
    var maxFieldMB: Int = 16
    @Option(name: .customLong("max-json-depth"), help: "Deepest JSON nesting accepted; deeper documents fail with a reason.")
    var maxJSONDepth: Int = 512
    @Option(name: .customLong("max-line-mb"), help: "Longest text line scanned as one span, in MiB; longer lines are scanned in overlapping pieces.")
    var maxLineMB: Int = 1
    @Option(name: .customLong("max-archive-depth"), help: "Deepest archive nesting expanded (the outer archive is 1); deeper archives are skipped with a reason.")
    var maxArchiveDepth: Int = 3
    @Option(name: .customLong("max-member-mb"), help: "Largest uncompressed archive member extracted, in MiB; larger members fail with a reason.")
    var maxMemberMB: Int = 1024
    @Option(name: .customLong("max-ratio"), help: "Largest compression ratio (uncompressed:compressed) accepted for archive members over 1 MiB; higher ratios fail as zip bombs.")
    var maxRatio: Int = 200
    @Option(name: .customLong("max-archive-gb"), help: "Most bytes extracted from one archive, in GiB; further members fail with a reason.")
    var maxArchiveGB: Int = 8
    @Option(name: .customLong("max-mail-body-mb"), help: "Largest mail body (text or HTML, decoded whole) read, in MiB; a larger body fails with a reason (attachments are decoded in chunks under --max-member-mb).")
    var maxMailBodyMB: Int = 64
    @Option(name: .customLong("max-archive-members"), help: "Most members listed per archive; an archive with more fails with a reason (the first ones are scanned).")
    var maxArchiveMembers: Int = 100_000
    @Option(name: .customLong("controllers"), help: "Controller attribution rules (YAML, see docs/controllers.md). Stored in the workspace: later scans and reports use them until new rules are given.")
    var controllers: String?
    @Flag(help: "Read PDF pages without a text layer (scans) by OCR: each page is rendered with pdftoppm (poppler-utils) and read by tesseract (tesseract-ocr and its language packages), one page image at a time in the temporary area. Without it such PDFs are skipped as \"image-only PDF, needs OCR\".")
    var ocr = false
    @Option(name: .customLong("ocr-languages"), help: "Tesseract languages for --ocr, joined by '+' (Debian packages tesseract-ocr-<code>).")
    var ocrLanguages: String = PageOCR.defaultLanguages
    @Option(name: .customLong("ocr-page-timeout"), help: "Seconds the rendering and the recognition of one page may each take with --ocr; a slower page fails the PDF with a reason.")
    var ocrPageTimeout: Int = Int(PageOCR.defaultPageTimeout)
    @Option(help: "A directory of your own special-category rule packs (*.yaml, see docs/rules.md), added to the shipped ones.")
    var rules: String?
    @Flag(name: .customLong("no-categories"), help: "Do not infer special categories (health, genetic, lab, prescription data).")
    var noCategories = false
    @Flag(help: "No progress display or log lines.") var quiet = false
    @Flag(help: "Print the report (as `breachscope report`) after the scan.") var report = false
    @Option(help: "Summary format: text or json.") var format: OutputFormat = .text

    func validate() throws {
        if let encoding, TextEncoding(label: encoding) == nil {
            throw ValidationError("unknown encoding '\(encoding)'; use one of: \(TextEncoding.allCases.map(\.rawValue).joined(separator: ", "))")
        }
        if let publishedAt, Init.parseDate(publishedAt) == nil {
            throw ValidationError("--published-at must be an ISO 8601 date (2024-03-01) or date-time")
        }
        if let threads, threads < 1 { throw ValidationError("--threads must be at least 1") }
        if partMB < 0 { throw ValidationError("--part-mb must be 0 or more") }
        if maxFieldMB < 1 || maxLineMB < 1 || maxJSONDepth < 1 || maxArchiveDepth < 1 || maxMemberMB < 1 || maxRatio < 1
            || maxArchiveGB < 1 || maxArchiveMembers < 1 || maxMailBodyMB < 1 || ocrPageTimeout < 1 { throw ValidationError("limits must be at least 1") }
        let languages = ocrLanguages.split(separator: "+", omittingEmptySubsequences: false)
        if languages.isEmpty || languages.contains(where: { $0.isEmpty || !$0.allSatisfy({ $0.isLetter || $0.isNumber || $0 == "_" }) }) {
            throw ValidationError("--ocr-languages takes tesseract language codes joined by '+', e.g. \(PageOCR.defaultLanguages)")
        }
    }

    func run() throws {
        // Started again for huge pages, if useful, before the arguments were parsed (`HugePages`).
        if ProcessInfo.processInfo.environment["BREACHSCOPE_TRACE"] != nil {
            FileHandle.standardError.write(Data("malloc tunables: \(ProcessInfo.processInfo.environment["GLIBC_TUNABLES"] ?? "none")\n".utf8))
        }
        let ws = try options.open(create: true)
        var opts = ScanOptions(roots: paths)
        opts.batch = batch
        opts.publishedAt = publishedAt
        opts.categories = !noCategories
        opts.categoryRules = rules
        if let encoding { opts.encoding = TextEncoding(label: encoding) }
        if let threads { opts.threads = threads }
        opts.partBytes = partMB << 20
        opts.limits.maxFieldBytes = maxFieldMB << 20
        opts.limits.maxDepth = maxJSONDepth
        opts.limits.maxLineBytes = maxLineMB << 20
        opts.archives.maxDepth = maxArchiveDepth
        opts.archives.maxMemberBytes = maxMemberMB << 20
        opts.archives.maxRatio = maxRatio
        opts.archives.maxArchiveBytes = maxArchiveGB << 30
        opts.archives.maxMembers = maxArchiveMembers
        opts.archives.maxMailBodyBytes = maxMailBodyMB << 20
        if let controllers {
            let url = URL(fileURLWithPath: controllers)
            do {
                let rules = try ControllerRules.load(url)
                let yaml = try String(contentsOf: url, encoding: .utf8)
                opts.controllerRules = (rules, yaml, url.deletingLastPathComponent().standardizedFileURL.path)
            } catch { throw CleanExit.fail(error) }
        }
        opts.ocr = ocr
        opts.ocrLanguages = ocrLanguages
        opts.ocrPageTimeout = Double(ocrPageTimeout)
        if let phoneCountries { opts.phoneCountries = phoneCountries.split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces).uppercased() } }
        let progress = ScanProgress()
        let display = quiet ? nil : ProgressDisplay(progress: progress)
        display?.start()
        let summary: ScanSummary
        do {
            summary = try Scanner.run(store: ws.store, vault: ws.vault, options: opts, progress: progress)
        } catch {
            display?.stop()
            throw CleanExit.fail(error)
        }
        display?.stop()
        for w in summary.warnings { FileHandle.standardError.write(Data("warning: \(w)\n".utf8)) }
        if format == .json {
            try printJSON(summary)
        } else {
            let mbps = summary.seconds > 0 ? Double(summary.bytes) / 1e6 / summary.seconds : 0
            print("""
                Scanned \(summary.files) files in \(String(format: "%.1f", summary.seconds)) s (\(String(format: "%.1f", mbps)) MB/s): \
                \(summary.scanned) scanned, \(summary.skipped) skipped, \(summary.failed) failed, \(summary.unchanged) unchanged since the last scan.
                \(Report.grouped(summary.records)) records, \(Report.grouped(summary.findings)) findings. Run `breachscope report` for the scope.
                """)
        }
        if report {
            do {
                let r = try Report.build(store: ws.store, vault: ws.vault)
                if format == .json { try printJSON(r) } else { print(""); print(ReportText.render(r)) }
            } catch { throw CleanExit.fail(error) }
        }
        if summary.failed > 0 {
            FileHandle.standardError.write(Data("\(summary.failed) files failed; `breachscope status` lists them with reasons.\n".utf8))
            throw ExitCode(3)
        }
    }
}

/// Progress on stderr: a live line on a terminal, a plain log line every few seconds otherwise.
final class ProgressDisplay: @unchecked Sendable {
    let progress: ScanProgress
    let tty = isatty(2) != 0
    private var thread: Thread?
    private let stopped = DispatchSemaphore(value: 0)
    private let lock = NSLock()
    private var running = true
    let start0 = Date()

    init(progress: ScanProgress) { self.progress = progress }

    func start() {
        let t = Thread { [self] in
            let interval: TimeInterval = tty ? 0.2 : 5
            while isRunning {
                Thread.sleep(forTimeInterval: tty ? 0.2 : 0.25)
                if !isRunning { break }
                if tty || Date().timeIntervalSince(lastLog) >= interval { render(final: false) }
            }
            stopped.signal()
        }
        thread = t
        t.start()
    }

    private var lastLog = Date()
    private var isRunning: Bool { lock.lock(); defer { lock.unlock() }; return running }

    func stop() {
        lock.lock(); running = false; lock.unlock()
        stopped.wait()
        render(final: true)
    }

    func render(final: Bool) {
        let files = progress.filesDone.load(ordering: .relaxed), total = progress.totalFiles.load(ordering: .relaxed)
        let bytes = progress.bytesDone.load(ordering: .relaxed), totalBytes = progress.totalBytes.load(ordering: .relaxed)
        let failed = progress.failed.load(ordering: .relaxed)
        let secs = max(0.001, Date().timeIntervalSince(start0))
        let mbps = Double(bytes) / 1e6 / secs
        let eta = bytes > 0 && totalBytes > bytes ? Double(totalBytes - bytes) / (Double(bytes) / secs) : 0
        if progress.phase.load(ordering: .relaxed) == 1 {
            let text = "files \(files)/\(total) read; resolving persons…"
            if tty { FileHandle.standardError.write(Data(("\r\u{1B}[K" + text + (final ? "\n" : "")).utf8)) }
            else if !final { lastLog = Date(); FileHandle.standardError.write(Data(("progress: " + text + "\n").utf8)) }
            return
        }
        let line = String(format: "files %d/%d  %.1f/%.1f MB  %.1f MB/s", files, total, Double(bytes) / 1e6,
                          Double(totalBytes) / 1e6, mbps) + "  ETA \(Self.duration(eta))  failed \(failed)"
        if tty {
            FileHandle.standardError.write(Data(("\r\u{1B}[K" + line + (final ? "\n" : "")).utf8))
        } else if !final {
            lastLog = Date()
            FileHandle.standardError.write(Data(("progress: " + line + "\n").utf8))
        }
    }

    static func duration(_ s: Double) -> String {
        let t = Int(s.rounded())
        return t >= 3600 ? String(format: "%dh%02dm", t / 3600, (t % 3600) / 60) : String(format: "%d:%02d", t / 60, t % 60)
    }
}
