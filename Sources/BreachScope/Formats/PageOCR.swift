#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import Synchronization

/// OCR of PDF pages that have no text layer: poppler's `pdftoppm -r 300 -gray` renders one page
/// into a PGM image in the scan's temporary area, `tesseract <image> - -l <languages>` reads it,
/// and the image is removed at once (one page image at a time: bounded disk and memory).
///
/// Both tools are spawned directly (no shell), each with the per-page timeout; tesseract runs with
/// `OMP_THREAD_LIMIT=1`, so parallel scan workers do not oversubscribe the cores. Debian packages:
/// `poppler-utils` (pdftoppm) and `tesseract-ocr` with `tesseract-ocr-est`, `-fin`, `-swe`, `-pol`,
/// `-eng` for the default languages.
public struct PageOCR: Sendable {
    /// Estonian, Finnish, Swedish, Polish and English (tesseract's codes, `+`-joined).
    public static let defaultLanguages = "est+fin+swe+pol+eng"
    /// Seconds each of rendering and recognising one page may take by default.
    public static let defaultPageTimeout: Double = 300
    /// Resolution of the rendered page, dots per inch.
    public static let dpi = 300
    /// Why OCR cannot run when tesseract is missing.
    public static let missingTesseractMessage = "OCR needs tesseract (Debian package tesseract-ocr), which is not installed"
    /// Why OCR cannot run when pdftoppm is missing.
    public static let missingRendererMessage = "OCR needs pdftoppm (Debian package poppler-utils), which is not installed"

    /// Tesseract language codes joined by `+`, e.g. `est+fin+swe+pol+eng`.
    public var languages: String
    /// Seconds before a page's `pdftoppm` or `tesseract` run is killed and the document fails.
    public var pageTimeout: Double
    /// Folder for the page image (the scan's temporary area); nil = the system's temp folder.
    public var temporaryDirectory: String?
    /// The `tesseract` executable; nil looks it up in `PATH`.
    public var tesseractPath: String?
    /// The `pdftoppm` executable; nil looks it up in `PATH`.
    public var pdftoppmPath: String?

    /// OCR in `languages`, with `pageTimeout` seconds per tool run and page images in `temporaryDirectory`.
    public init(languages: String = PageOCR.defaultLanguages, pageTimeout: Double = PageOCR.defaultPageTimeout,
                temporaryDirectory: String? = nil) {
        self.languages = languages
        self.pageTimeout = pageTimeout
        self.temporaryDirectory = temporaryDirectory
    }

    /// Page image names: unique within the process (the temporary area is per scan).
    static let counter = Atomic<Int>(0)
    /// Languages each tesseract executable has data for (`tesseract --list-langs`), asked once.
    static let installed = Mutex<[String: Set<String>]>([:])

    /// The two tools, or the reason OCR cannot run (tools missing, language data missing).
    func tools() -> Result<(renderer: String, tesseract: String), ReadError> {
        guard let tesseract = Self.locate(tesseractPath, "tesseract") else {
            return .failure(ReadError(.unsupported, Self.missingTesseractMessage))
        }
        guard let renderer = Self.locate(pdftoppmPath, "pdftoppm") else {
            return .failure(ReadError(.unsupported, Self.missingRendererMessage))
        }
        let wanted = languages.split(separator: "+").map(String.init).filter { !$0.isEmpty }
        if wanted.isEmpty { return .failure(ReadError(.unsupported, "OCR needs at least one language")) }
        if let have = Self.languages(of: tesseract, timeout: min(pageTimeout, 60)) {
            let missing = wanted.filter { !have.contains($0) }
            if !missing.isEmpty {
                let packages = missing.map { "tesseract-ocr-" + String($0.lowercased().map { $0 == "_" ? "-" : $0 }) }
                return .failure(ReadError(.unsupported, "OCR language data missing: \(missing.joined(separator: ", ")) (Debian packages \(packages.joined(separator: ", ")))"))
            }
        }
        return .success((renderer, tesseract))
    }

    /// Renders page `page` of `pdf` and streams tesseract's text into `consume`. The page image
    /// is removed before this returns, whatever happened.
    func recognise(page: Int, pdf: String, tools: (renderer: String, tesseract: String),
                   consume: (UnsafeBufferPointer<UInt8>) -> Void, finish: () -> ReadError?) throws(ReadError) {
        let dir = temporaryDirectory ?? (getenv("TMPDIR").map { String(cString: $0) } ?? "/tmp")
        let prefix = dir + "/ocr-\(getpid())-\(Self.counter.add(1, ordering: .relaxed).newValue)"
        let image = prefix + ".pgm"
        defer { unlink(image) }
        let render = try PDFReader.Child.spawn(tools.renderer, ["-r", String(Self.dpi), "-gray", "-f", String(page), "-l", String(page),
                                                                 "-singlefile", pdf, prefix], tool: "pdftoppm")
        let rendered = render.collect(timeout: pageTimeout, consume: { _ in }, finish: { nil })
        if rendered.timedOut { throw ReadError(.limit, "pdftoppm timed out on page \(page) after \(PDFReader.seconds(pageTimeout)) s") }
        if let error = rendered.readError { throw error }
        if let failure = rendered.failure(path: pdf, tool: "pdftoppm") { throw ReadError(.malformed, failure + " (page \(page))") }
        let read = try PDFReader.Child.spawn(tools.tesseract, [image, "-", "-l", languages, "--dpi", String(Self.dpi)],
                                             tool: "tesseract", environment: ["OMP_THREAD_LIMIT=1"])
        let outcome = read.collect(timeout: pageTimeout, consume: consume, finish: finish)
        if outcome.timedOut { throw ReadError(.limit, "tesseract timed out on page \(page) after \(PDFReader.seconds(pageTimeout)) s") }
        if let error = outcome.readError { throw error }
        if let failure = outcome.failure(path: image, tool: "tesseract") { throw ReadError(.malformed, failure + " (page \(page))") }
    }

    /// `explicit` if executable, else `name` from `PATH`.
    static func locate(_ explicit: String?, _ name: String) -> String? {
        if let explicit { return access(explicit, X_OK) == 0 ? explicit : nil }
        guard let raw = getenv("PATH") else { return nil }
        for dir in String(cString: raw).split(separator: ":") where !dir.isEmpty {
            let candidate = String(dir) + "/" + name
            if access(candidate, X_OK) == 0 { return candidate }
        }
        return nil
    }

    /// The languages `tesseract --list-langs` names (cached per executable); nil if it cannot say.
    static func languages(of tesseract: String, timeout: Double) -> Set<String>? {
        if let known = installed.withLock({ $0[tesseract] }) { return known }
        guard let child = try? PDFReader.Child.spawn(tesseract, ["--list-langs"], tool: "tesseract") else { return nil }
        var out: [UInt8] = []
        let outcome = child.collect(timeout: timeout, consume: { if out.count < 1 << 16 { out.append(contentsOf: $0) } }, finish: { nil })
        guard !outcome.timedOut, outcome.status == 0 else { return nil }
        // First line: `List of available languages in "…" (N):`, then one code per line.
        let lines = out.split(separator: 0x0A).dropFirst().map { Self.trimmed(String(decoding: $0, as: UTF8.self)) }
        let set = Set(lines.filter { !$0.isEmpty && !$0.contains(" ") })
        installed.withLock { $0[tesseract] = set }
        return set
    }

    /// `text` without leading and trailing spaces, tabs and line ends (no Foundation).
    static func trimmed(_ text: String) -> String {
        let isSpace: (Character) -> Bool = { $0 == " " || $0 == "\t" || $0 == "\r" || $0 == "\n" }
        guard let first = text.firstIndex(where: { !isSpace($0) }), let last = text.lastIndex(where: { !isSpace($0) }) else { return "" }
        return String(text[first...last])
    }

    /// Removes the spaces tesseract puts after an `@` (`name@ example.com`): an e-mail address
    /// never holds one, and OCR of clear print splits it there routinely. Streamed: the state
    /// carries across chunks.
    struct Spacing {
        /// The last byte kept was an `@` (spaces after it are dropped).
        var afterAt = false
        var out: [UInt8] = []

        mutating func clean(_ chunk: UnsafeBufferPointer<UInt8>, _ deliver: (UnsafeBufferPointer<UInt8>) -> Void) {
            out.clear()
            for b in chunk {
                if afterAt && b == 0x20 { continue }
                afterAt = b == 0x40
                out.append(b)
            }
            out.withUnsafeBufferPointer { deliver($0) }
        }
    }
}
