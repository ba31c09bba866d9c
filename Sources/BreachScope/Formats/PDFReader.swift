#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import Synchronization

/// PDF documents, read through poppler's `pdftotext` (Debian package `poppler-utils`).
///
/// `pdftotext -layout -enc UTF-8 <file> -` runs as a child process (spawned directly, reaped by
/// this reader, so a timeout kill can never hit another process). Its output is streamed through
/// a fixed read buffer into a `TextReader`, so labelled lines (`PESEL: …`) become fields exactly
/// as in text files; only the current line and one read buffer are held, never a whole page or
/// document. Pages are separated by form feeds: each one ends the current record (as a blank
/// line does), and the `line` passed to the visitor is the 1-based page number, so findings keep
/// their page. Offsets are byte offsets in the extracted text.
///
/// Pages without text (`pdftotext` prints nothing visible for them) are noted. With `ocr` set,
/// each of them is rendered and read by tesseract (`PageOCR`) after the text pages, one page at
/// a time, its text going through the same `TextReader` with the page number as the line (one
/// record per page, as for text pages); `ocrPages` then counts them and the scanner records the
/// format as `pdf+ocr`. Without `ocr`, a document whose pages all lack text is skipped as
/// image-only; a mixed one is read and its description names the pages that need OCR.
///
/// Errors: `pdftotext` missing → `.unsupported` (the document is skipped and says why); a PDF
/// whose text layer is empty → `.unsupported("image-only PDF, needs OCR")`; a non-zero exit
/// (encrypted, corrupt) → `.malformed` with pdftotext's own error line, without the path or any
/// quoted text; no answer within `timeout` seconds → the child is killed, `.limit`.
public struct PDFReader: FileDocumentReader {
    /// Seconds a single `pdftotext` run may take by default.
    public static let defaultTimeout: Double = 120
    /// Why PDFs are skipped when the tool is not installed.
    public static let missingToolMessage = "PDF text extraction needs pdftotext (Debian package poppler-utils), which is not installed"
    /// Why PDFs without a text layer are skipped.
    public static let imageOnlyMessage = "image-only PDF, needs OCR"

    /// Size limits for the text (`maxLineBytes` applies, as in `TextReader`).
    public let limits: ReadLimits
    /// The `pdftotext` executable; nil looks it up in `PATH`.
    public var toolPath: String?
    /// Seconds before `pdftotext` is killed and the document fails.
    public var timeout: Double
    /// OCR for pages without text; nil = off (such pages are reported as needing OCR).
    public var ocr: PageOCR? = nil
    /// Pages read by OCR in the last `read`.
    public private(set) var ocrPages = 0

    /// Bytes read from the child per `read(2)`.
    static let readBufferSize = 64 << 10
    /// Bytes of the child's stderr kept (the rest is drained and dropped).
    static let maxStderrBytes = 4096

    /// A reader that finds `pdftotext` in `PATH` and allows it `defaultTimeout` seconds.
    public init(limits: ReadLimits) {
        self.init(limits: limits, toolPath: nil)
    }

    /// A reader with an explicit tool path (nil = `PATH` lookup) and timeout in seconds.
    public init(limits: ReadLimits = .init(), toolPath: String?, timeout: Double = PDFReader.defaultTimeout) {
        self.limits = limits
        self.toolPath = toolPath
        self.timeout = timeout
    }

    public mutating func read(path: String, visitor: inout some RecordVisitor) throws(ReadError) -> String {
        ocrPages = 0
        guard let tool = resolveTool() else { throw ReadError(.unsupported, Self.missingToolMessage) }
        // A path starting with `-` would be taken for an option.
        let file = path.hasPrefix("-") ? "./" + path : path
        let child = try Child.spawn(tool, ["-layout", "-enc", "UTF-8", file, "-"])
        var text = PageText(reader: TextReader(limits: limits))
        let (timeout, ocr) = (self.timeout, self.ocr)
        var recognised = 0
        defer { ocrPages = recognised }
        return try withUnsafeMutablePointer(to: &visitor) { (pointer) throws(ReadError) -> String in
            var pages = PageVisitor(base: pointer)
            let run = child.collect(timeout: timeout) { text.consume($0, visitor: &pages) } finish: {
                text.endOfOutput(visitor: &pages)
                return text.failure
            }
            if run.timedOut { throw ReadError(.limit, "pdftotext timed out after \(Self.seconds(timeout)) s") }
            if let error = run.readError { throw error }
            if let failure = run.failure(path: path) { throw ReadError(.malformed, failure) }
            let (total, empty, hasText) = (text.pages, text.emptyPages, text.hasText)
            let count = total == 1 ? "1 page" : "\(total) pages"
            func finish() throws(ReadError) {
                text.finish(visitor: &pages)
                if let failure = text.failure { throw failure }
            }
            if empty.isEmpty {
                try finish()
                return count
            }
            guard let ocr else {
                if !hasText { throw ReadError(.unsupported, Self.imageOnlyMessage) }
                try finish()
                return count + " (\(Self.pageList(empty)) without text: needs OCR)"
            }
            let tools: (renderer: String, tesseract: String)
            switch ocr.tools() {
            case .success(let t): tools = t
            case .failure(let reason):
                if !hasText { throw ReadError(.unsupported, Self.imageOnlyMessage + "; " + reason.message) }
                try finish()
                return count + " (\(Self.pageList(empty)) without text not read: \(reason.message))"
            }
            var spacing = PageOCR.Spacing()
            for page in empty {
                text.startPage(page, visitor: &pages)
                try ocr.recognise(page: page, pdf: file, tools: tools, consume: { chunk in
                    spacing.clean(chunk) { text.consume($0, visitor: &pages) }
                }, finish: {
                    text.closePage(visitor: &pages)
                    return text.failure
                })
                recognised += 1
            }
            try finish()
            return recognised == total ? count + ", all by OCR" : count + ", \(recognised) by OCR"
        }
    }

    /// "page 3" or "pages 1, 3, 4" (at most 10 numbers, then "… (N in all)").
    static func pageList(_ pages: [Int]) -> String {
        if pages.count == 1 { return "page \(pages[0])" }
        let shown = pages.prefix(10).map(String.init).joined(separator: ", ")
        return "pages " + shown + (pages.count > 10 ? " … (\(pages.count) in all)" : "")
    }

    /// The tool to run: `toolPath` if it is executable, else `pdftotext` from `PATH`.
    func resolveTool() -> String? {
        PageOCR.locate(toolPath, "pdftotext")
    }

    static func seconds(_ t: Double) -> String {
        t == t.rounded() && abs(t) < 1e15 ? String(Int(t)) : String(t)
    }

    // MARK: Text

    /// Turns the child's stdout into `TextReader` input: splits pages at form feeds, keeps
    /// UTF-8 sequences whole across reads, replaces invalid bytes, counts pages and notes
    /// whether any visible character appeared.
    struct PageText {
        var reader: TextReader
        /// Form feeds seen (pages finished).
        var formFeeds = 0
        /// Text bytes after the last form feed (a last page without its form feed).
        var tailBytes = 0
        var hasText = false
        /// The current page showed a visible character.
        var pageHasText = false
        /// 1-based numbers of the pages without any visible character, in order.
        var emptyPages: [Int] = []
        /// The last byte given to the reader (a line feed ends a line; two end a record).
        var lastByte: UInt8 = 0x0A
        /// The start of a UTF-8 sequence cut by the read buffer.
        var carry: [UInt8] = []
        var staging: [UInt8] = []
        var decoded: [UInt8] = []
        var transcoder = Transcoder(.utf8)
        var failure: ReadError? = nil

        var pages: Int { formFeeds + (tailBytes > 0 ? 1 : 0) }

        /// Output bytes, as read.
        mutating func consume<B: RecordVisitor>(_ chunk: UnsafeBufferPointer<UInt8>, visitor: inout PageVisitor<B>) {
            guard failure == nil, let base = chunk.baseAddress else { return }
            var i = 0
            while i < chunk.count {
                let ff = memchr(base + i, 0x0C, chunk.count - i).map { UnsafePointer($0.assumingMemoryBound(to: UInt8.self)) - base } ?? chunk.count
                if ff > i { text(UnsafeBufferPointer(rebasing: chunk[i..<ff]), visitor: &visitor) }
                if ff == chunk.count { break }
                pageEnded(visitor: &visitor)
                i = ff + 1
            }
        }

        /// End of pdftotext's output: a last page without its form feed is noted.
        mutating func endOfOutput(visitor: inout some RecordVisitor) {
            guard failure == nil else { return }
            flushCarry(visitor: &visitor)
            if tailBytes > 0 && !pageHasText { emptyPages.append(formFeeds + 1) }
        }

        /// Before OCR text of `page`: later records carry its number.
        mutating func startPage<B: RecordVisitor>(_ page: Int, visitor: inout PageVisitor<B>) {
            tailBytes = 0
            visitor.page = page
        }

        /// After OCR text of a page: its last record ends (unless a form feed already ended it).
        mutating func closePage<B: RecordVisitor>(visitor: inout PageVisitor<B>) {
            guard failure == nil else { return }
            flushCarry(visitor: &visitor)
            if tailBytes > 0 {
                let page = visitor.page
                pageEnded(visitor: &visitor)
                visitor.page = page
            }
        }

        /// End of all text: the reader's last record ends.
        mutating func finish(visitor: inout some RecordVisitor) {
            guard failure == nil else { return }
            flushCarry(visitor: &visitor)
            do throws(ReadError) { try reader.finish(visitor: &visitor) } catch { failure = error }
        }

        /// Text of the current page (no form feed in it).
        private mutating func text(_ p: UnsafeBufferPointer<UInt8>, visitor: inout some RecordVisitor) {
            tailBytes += p.count
            if !pageHasText {
                for b in p where b != 0x20 && b != 0x09 && b != 0x0A && b != 0x0D { pageHasText = true; hasText = true; break }
            }
            if carry.isEmpty {
                deliverComplete(p, visitor: &visitor)
            } else {
                staging.clear()
                staging.append(contentsOf: carry)
                staging.append(contentsOf: p)
                carry.clear()
                var s: [UInt8] = []
                swap(&s, &staging)
                s.withUnsafeBufferPointer { deliverComplete($0, visitor: &visitor) }
                swap(&s, &staging)
            }
        }

        /// Delivers `p` up to its last complete UTF-8 sequence; keeps the rest in `carry`.
        private mutating func deliverComplete(_ p: UnsafeBufferPointer<UInt8>, visitor: inout some RecordVisitor) {
            let end = UTF8Validation.completeEnd(p, start: 0, end: p.count)
            deliver(UnsafeBufferPointer(rebasing: p[0..<end]), visitor: &visitor)
            if end < p.count { carry.append(contentsOf: UnsafeBufferPointer(rebasing: p[end...])) }
        }

        /// A page ended: its lines and record end, the next page begins.
        private mutating func pageEnded<B: RecordVisitor>(visitor: inout PageVisitor<B>) {
            flushCarry(visitor: &visitor)
            // The form feed becomes a line feed (offsets stay true) when the page's last line
            // already ended; otherwise one byte more is needed to end the record.
            let lf: [UInt8] = [0x0A, 0x0A]
            lf.withUnsafeBufferPointer { deliver(UnsafeBufferPointer(rebasing: $0[0..<(lastByte == 0x0A ? 1 : 2)]), visitor: &visitor) }
            if !pageHasText { emptyPages.append(formFeeds + 1) }
            pageHasText = false
            formFeeds += 1
            tailBytes = 0
            visitor.page = formFeeds + 1
        }

        /// An incomplete sequence before a page break or the end is invalid: replaced.
        private mutating func flushCarry(visitor: inout some RecordVisitor) {
            guard !carry.isEmpty else { return }
            var c: [UInt8] = []
            swap(&c, &carry)
            c.withUnsafeBufferPointer { deliver($0, visitor: &visitor) }
        }

        private mutating func deliver(_ p: UnsafeBufferPointer<UInt8>, visitor: inout some RecordVisitor) {
            guard failure == nil, !p.isEmpty else { return }
            do throws(ReadError) {
                if UTF8Validation.isValid(p) {
                    try reader.consume(p, visitor: &visitor)
                    lastByte = p[p.count - 1]
                } else {
                    decoded.clear()
                    transcoder.decode(p, into: &decoded)
                    transcoder.finish(into: &decoded)
                    try decoded.withUnsafeBufferPointer { (d: UnsafeBufferPointer<UInt8>) throws(ReadError) in
                        try reader.consume(d, visitor: &visitor)
                    }
                    if let last = decoded.last { lastByte = last }
                }
            } catch {
                failure = error
            }
        }
    }

    /// Passes records to the scanner's visitor with the page number as `line`.
    struct PageVisitor<Base: RecordVisitor>: RecordVisitor {
        let base: UnsafeMutablePointer<Base>
        /// The page being read, 1-based.
        var page = 1

        mutating func declareColumn(name: String, hint: FieldHint) -> Int { base.pointee.declareColumn(name: name, hint: hint) }
        mutating func beginRecord(line: Int, offset: Int) { base.pointee.beginRecord(line: page, offset: offset) }
        mutating func field(_ value: UnsafeBufferPointer<UInt8>, column: Int, line: Int, offset: Int) {
            base.pointee.field(value, column: column, line: page, offset: offset)
        }
        mutating func endRecord() { base.pointee.endRecord() }
    }

    // MARK: Child process

    /// One `pdftotext` child: its pid and the read ends of its stdout and stderr pipes.
    struct Child {
        var pid: pid_t
        var stdout: Int32
        var stderr: Int32

        /// What a finished (or killed) child left.
        struct Outcome {
            var timedOut = false
            /// Exit status, or nil when a signal ended it (`signal` then says which).
            var status: Int32? = nil
            var signal: Int32 = 0
            var stderr: [UInt8] = []
            var readError: ReadError? = nil

            /// The `.malformed` message for a failed run, nil when it succeeded.
            func failure(path: String, tool: String = "pdftotext") -> String? {
                if status == 0 { return nil }
                let how = status.map { "exit status \($0)" } ?? "signal \(signal)"
                guard let line = PDFReader.errorLine(stderr, path: path) else { return "\(tool) failed (\(how))" }
                return "\(tool) failed (\(how)): \(line)"
            }
        }

        /// Held from creating the pipes until the child has them: pipes are made close-on-exec
        /// under it, so a child spawned by another scanner thread never inherits (and holds
        /// open) another child's pipe.
        static let spawnLock = Mutex<Void>(())

        /// Starts `tool` (named `name` in messages) with stdin from /dev/null, stdout/stderr to
        /// fresh pipes, and this process's environment plus `environment` (`KEY=value` entries).
        static func spawn(_ tool: String, _ arguments: [String], tool name: String = "pdftotext",
                          environment: [String] = []) throws(ReadError) -> Child {
            let argv: [UnsafeMutablePointer<CChar>?] = ([tool] + arguments).map { strdup($0) } + [nil]
            defer { for a in argv { free(a) } }
            var envp: [UnsafeMutablePointer<CChar>?] = []
            if !environment.isEmpty {
                let keys = Set(environment.map { $0.split(separator: "=", maxSplits: 1).first.map(String.init) ?? $0 })
                var k = 0
                while let entry = environ[k] {
                    let text = String(cString: entry)
                    let key = text.split(separator: "=", maxSplits: 1).first.map(String.init) ?? text
                    if !keys.contains(key) { envp.append(strdup(entry)) }
                    k += 1
                }
                envp += environment.map { strdup($0) }
                envp.append(nil)
            }
            defer { for e in envp { free(e) } }
            var (rc, child) = (Int32(0), Child?.none)
            // ETXTBSY: a process forked elsewhere still holds the (just written) tool open for
            // writing for an instant; retry briefly.
            for attempt in 0..<20 {
                (rc, child) = spawnLock.withLock { _ in
                    argv.withUnsafeBufferPointer { args in
                        envp.isEmpty ? spawnLocked(tool, args.baseAddress!, environ)
                                     : envp.withUnsafeBufferPointer { spawnLocked(tool, args.baseAddress!, $0.baseAddress!) }
                    }
                }
                guard rc == ETXTBSY else { break }
                usleep(UInt32(5_000 * (attempt + 1)))
            }
            guard let child else {
                if rc == ENOENT || rc == EACCES {
                    let message = switch name {
                    case "tesseract": PageOCR.missingTesseractMessage
                    case "pdftoppm": PageOCR.missingRendererMessage
                    default: PDFReader.missingToolMessage
                    }
                    throw ReadError(.unsupported, message)
                }
                throw ReadError(.io, "cannot start \(name) (errno \(rc))")
            }
            return child
        }

        /// `spawn` under `spawnLock`: the error number, or the child.
        private static func spawnLocked(_ tool: String, _ argv: UnsafePointer<UnsafeMutablePointer<CChar>?>,
                                        _ envp: UnsafePointer<UnsafeMutablePointer<CChar>?>) -> (Int32, Child?) {
            var out: [Int32] = [-1, -1], err: [Int32] = [-1, -1]
            guard pipe(&out) == 0 else { return (errno, nil) }
            guard pipe(&err) == 0 else {
                let e = errno
                close(out[0]); close(out[1])
                return (e, nil)
            }
            for fd in out + err { _ = fcntl(fd, F_SETFD, FD_CLOEXEC) }
            #if canImport(Darwin)
            var actions: posix_spawn_file_actions_t? = nil
            var attributes: posix_spawnattr_t? = nil
            #else
            var actions = posix_spawn_file_actions_t()
            var attributes = posix_spawnattr_t()
            #endif
            posix_spawn_file_actions_init(&actions)
            posix_spawnattr_init(&attributes)
            defer { posix_spawn_file_actions_destroy(&actions); posix_spawnattr_destroy(&attributes) }
            posix_spawn_file_actions_addopen(&actions, 0, "/dev/null", O_RDONLY, 0)
            posix_spawn_file_actions_adddup2(&actions, out[1], 1)
            posix_spawn_file_actions_adddup2(&actions, err[1], 2)
            // The child starts with no blocked signals and SIGPIPE at its default.
            var none = sigset_t(), pipeSignal = sigset_t()
            sigemptyset(&none)
            sigemptyset(&pipeSignal)
            sigaddset(&pipeSignal, SIGPIPE)
            posix_spawnattr_setsigmask(&attributes, &none)
            posix_spawnattr_setsigdefault(&attributes, &pipeSignal)
            posix_spawnattr_setflags(&attributes, Int16(POSIX_SPAWN_SETSIGMASK | POSIX_SPAWN_SETSIGDEF))

            var pid: pid_t = 0
            let rc = posix_spawn(&pid, tool, &actions, &attributes, argv, envp)
            close(out[1]); close(err[1])
            guard rc == 0 else {
                close(out[0]); close(err[0])
                return (rc, nil)
            }
            return (0, Child(pid: pid, stdout: out[0], stderr: err[0]))
        }

        /// Reads stdout into `consume` and stderr into a bounded buffer until both close or
        /// `timeout` seconds pass (then the child is killed), and reaps the child.
        func collect(timeout: Double, consume: (UnsafeBufferPointer<UInt8>) -> Void, finish: () -> ReadError?) -> Outcome {
            var outcome = Outcome()
            var buffer = [UInt8](repeating: 0, count: PDFReader.readBufferSize)
            var fds = [pollfd(fd: stdout, events: Int16(POLLIN), revents: 0), pollfd(fd: stderr, events: Int16(POLLIN), revents: 0)]
            let deadline = Self.now() + max(timeout, 0)
            while fds[0].fd >= 0 || fds[1].fd >= 0 {
                let left = deadline - Self.now()
                if left <= 0 {
                    outcome.timedOut = true
                    kill(pid, SIGKILL)  // not reaped yet: the pid is still ours
                    break
                }
                let r = poll(&fds, 2, Int32(min(left * 1000 + 1, 60_000)))
                if r < 0 {
                    if errno == EINTR { continue }
                    outcome.readError = ReadError(.io, "waiting for a child process failed (errno \(errno))")
                    kill(pid, SIGKILL)
                    break
                }
                for k in 0..<2 where fds[k].fd >= 0 && fds[k].revents != 0 {
                    let n = buffer.withUnsafeMutableBytes { readFD(fds[k].fd, $0.baseAddress!, $0.count) }
                    if n < 0 && (errno == EINTR || errno == EAGAIN) { continue }
                    if n <= 0 { fds[k].fd = -1; continue }
                    if k == 0 {
                        buffer.withUnsafeBufferPointer { consume(UnsafeBufferPointer(rebasing: $0[0..<n])) }
                    } else if outcome.stderr.count < PDFReader.maxStderrBytes {
                        let take = min(n, PDFReader.maxStderrBytes - outcome.stderr.count)
                        outcome.stderr.append(contentsOf: buffer[0..<take])
                    }
                }
            }
            close(stdout); close(stderr)
            var status: Int32 = 0
            // Output closed: the child is normally exiting; one that lingers is killed at the deadline.
            while true {
                let r = waitpid(pid, &status, outcome.timedOut ? 0 : WNOHANG)
                if r == pid { break }
                if r < 0 { if errno == EINTR { continue }; break }
                if Self.now() >= deadline { outcome.timedOut = true; kill(pid, SIGKILL); continue }
                usleep(2000)
            }
            if status & 0x7F == 0 { outcome.status = (status >> 8) & 0xFF } else { outcome.signal = status & 0x7F }
            if !outcome.timedOut && outcome.readError == nil { outcome.readError = finish() }
            return outcome
        }

        static func now() -> Double {
            var t = timespec()
            clock_gettime(CLOCK_MONOTONIC, &t)
            return Double(t.tv_sec) + Double(t.tv_nsec) / 1e9
        }
    }

    /// The line of pdftotext's stderr worth showing: the first mentioning an error, else the
    /// first non-blank one. The file path and anything quoted are removed (quoted parts can be
    /// document bytes, e.g. an unknown operator), and only printable ASCII is kept.
    static func errorLine(_ stderr: [UInt8], path: String) -> String? {
        let pathBytes = Array(path.utf8)
        var best: [UInt8]? = nil
        for raw in stderr.split(whereSeparator: { $0 == 0x0A || $0 == 0x0D }) {
            var line = Array(raw)
            if !pathBytes.isEmpty { line = removing(pathBytes, from: line) }
            var out: [UInt8] = []
            var quote: UInt8 = 0
            for (k, c) in line.enumerated() {
                if quote != 0 {
                    if c == quote { quote = 0; out += Array("…'".utf8) }
                    continue
                }
                // A quote opens after a space or bracket (an apostrophe inside a word does not).
                if (c == 0x27 || c == 0x22) && (k == 0 || line[k - 1] == 0x20 || line[k - 1] == 0x28 || line[k - 1] == 0x5B) {
                    quote = c; out.append(0x27); continue
                }
                if c >= 0x20 && c < 0x7F && !(c == 0x20 && (out.isEmpty || out.last == 0x20)) { out.append(c) }
                if out.count >= 160 { break }
            }
            if quote != 0 { out += Array("…'".utf8) }
            while out.last == 0x20 { out.removeLast() }
            if out.isEmpty { continue }
            if best == nil { best = out }
            if String(decoding: out, as: UTF8.self).contains("Error") {
                best = out
                break
            }
        }
        return best.map { String(decoding: $0, as: UTF8.self) }
    }

    /// `bytes` with every occurrence of `needle` removed.
    private static func removing(_ needle: [UInt8], from bytes: [UInt8]) -> [UInt8] {
        var out: [UInt8] = []
        var i = 0
        while i < bytes.count {
            if bytes[i] == needle[0] && i + needle.count <= bytes.count && bytes[i..<(i + needle.count)].elementsEqual(needle) {
                i += needle.count
            } else {
                out.append(bytes[i]); i += 1
            }
        }
        return out
    }
}

/// `read(2)`, named apart from `PDFReader.read`.
private func readFD(_ fd: Int32, _ buffer: UnsafeMutableRawPointer, _ count: Int) -> Int {
    read(fd, buffer, count)
}
