import Foundation
import Testing
import BreachScopeTesting
@testable import BreachScope

/// OCR of PDF pages without a text layer (`PDFReader.ocr`, `PageOCR`): tesseract with the
/// et/fi/sv/pl/en data and poppler-utils are installed by scripts/test; these tests require them.
/// Scanned PDFs are made at test time by scripts/make-scanned-pdf.py (synthetic persons; the page
/// is rendered by pdftoppm and wrapped as a plain image, so it has no text layer at all).
@Suite struct PageOCRTests {
    struct Truth: Decodable {
        struct Page: Decodable {
            var page: Int
            var kind: String
            var name: String
            var email: String
            var id: String
            var id_label: String
        }
        var pages: [Page]
    }

    static let packageRoot = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().deletingLastPathComponent()

    /// Writes a scanned PDF (`mixed`: scanned, text, scanned pages) into `dir`; its truth.
    static func scannedPDF(in dir: URL, name: String = "skan.pdf", mixed: Bool, seed: Int = 21) throws -> (path: String, truth: Truth) {
        let path = dir.appendingPathComponent(name).path
        let p = Process()
        p.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        p.arguments = ["python3", packageRoot.appendingPathComponent("scripts/make-scanned-pdf.py").path, path, "--seed", String(seed)]
            + (mixed ? ["--mixed"] : [])
        let out = Pipe()
        p.standardOutput = out
        try p.run()
        let data = out.fileHandleForReading.readDataToEndOfFile()
        p.waitUntilExit()
        #expect(p.terminationStatus == 0)
        return (path, try JSONDecoder().decode(Truth.self, from: data))
    }

    static func folder() -> URL {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("bs-ocr-\(UUID().uuidString)")
        try! FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        return url
    }

    static func read(_ path: String, ocr: PageOCR?) -> (visitor: RecordingVisitor, result: Result<String, ReadError>, ocrPages: Int) {
        var reader = PDFReader(limits: .init())
        reader.ocr = ocr
        var visitor = RecordingVisitor()
        do throws(ReadError) {
            let description = try reader.read(path: path, visitor: &visitor)
            return (visitor, .success(description), reader.ocrPages)
        } catch {
            return (visitor, .failure(error), reader.ocrPages)
        }
    }

    /// Field values with their page (the visitor's line).
    static func fields(_ v: RecordingVisitor) -> [(page: Int, name: String, value: String)] {
        v.events.compactMap { e in
            if case let .field(value, column, line, _) = e { return (line, column >= 0 ? v.columnNames[column] : "-", value) }
            return nil
        }
    }

    @Test func tesseractAndLanguagesAreInstalled() throws {
        let tools = try PageOCR().tools().get()
        #expect(tools.tesseract.hasSuffix("tesseract"))
        #expect(tools.renderer.hasSuffix("pdftoppm"))
    }

    /// One PDF: page 1 scanned, page 2 a text layer, page 3 scanned. OCR reads pages 1 and 3,
    /// pdftotext page 2; every page's person (name, national ID, e-mail) is found on its page,
    /// one record per page, and no page image is left behind.
    @Test func mixedPDFPagesWithoutTextAreReadByOCR() throws {
        let dir = Self.folder()
        defer { try? FileManager.default.removeItem(at: dir) }
        let images = dir.appendingPathComponent("tmp")
        try FileManager.default.createDirectory(at: images, withIntermediateDirectories: true)
        let (path, truth) = try Self.scannedPDF(in: dir, mixed: true)
        #expect(truth.pages.map(\.kind) == ["image", "text", "image"])

        let (v, result, ocrPages) = Self.read(path, ocr: PageOCR(temporaryDirectory: images.path))
        #expect(try result.get() == "3 pages, 2 by OCR")
        #expect(ocrPages == 2)
        let fields = Self.fields(v)
        for page in truth.pages {
            let onPage = fields.filter { $0.page == page.page }
            // The national ID under its label: exact (an OCR slip would fail the checksum anyway).
            #expect(onPage.contains { $0.name == page.id_label && $0.value == page.id }, "page \(page.page): \(onPage)")
            #expect(onPage.contains { $0.name == "Name" && $0.value == page.name }, "page \(page.page): \(onPage)")
            // OCR may read the label "Email" as "E mail"; the address itself must be whole.
            #expect(onPage.contains { $0.value == page.email }, "page \(page.page): \(onPage)")
        }
        // Text page first (pdftotext), then the OCR pages in order; records never span pages
        // (blank lines split a page's records, as for text pages: title, person, results).
        let begins = v.events.compactMap { e -> Int? in if case let .begin(line, _) = e { return line }; return nil }
        #expect(begins == [2, 2, 2, 1, 1, 1, 3, 3, 3], "\(begins)")
        #expect(try FileManager.default.contentsOfDirectory(atPath: images.path).isEmpty)
    }

    @Test func withoutOCRMixedPDFReadsTheTextPageAndNamesTheOthers() throws {
        let dir = Self.folder()
        defer { try? FileManager.default.removeItem(at: dir) }
        let (path, truth) = try Self.scannedPDF(in: dir, mixed: true)
        let (v, result, ocrPages) = Self.read(path, ocr: nil)
        #expect(try result.get() == "3 pages (pages 1, 3 without text: needs OCR)")
        #expect(ocrPages == 0)
        let values = Self.fields(v).map(\.value)
        #expect(values.contains(truth.pages[1].id))
        #expect(!values.contains(truth.pages[0].id))
        #expect(!values.contains(truth.pages[2].id))
    }

    @Test func withoutOCRAScannedPDFStillNeedsOCR() throws {
        let dir = Self.folder()
        defer { try? FileManager.default.removeItem(at: dir) }
        let (path, _) = try Self.scannedPDF(in: dir, mixed: false)
        let (v, result, _) = Self.read(path, ocr: nil)
        guard case let .failure(e) = result else { Issue.record("read: \(result)"); return }
        #expect(e == ReadError(.unsupported, PDFReader.imageOnlyMessage))
        #expect(v.events.isEmpty)
    }

    @Test func missingTesseractIsUnsupportedAndNamesThePackage() throws {
        let dir = Self.folder()
        defer { try? FileManager.default.removeItem(at: dir) }
        let (path, _) = try Self.scannedPDF(in: dir, mixed: false)
        var ocr = PageOCR()
        ocr.tesseractPath = dir.appendingPathComponent("no-such-tesseract").path
        let (_, result, ocrPages) = Self.read(path, ocr: ocr)
        guard case let .failure(e) = result else { Issue.record("read: \(result)"); return }
        #expect(e.kind == .unsupported)
        #expect(e.message == "image-only PDF, needs OCR; OCR needs tesseract (Debian package tesseract-ocr), which is not installed")
        #expect(ocrPages == 0)
    }

    @Test func missingLanguageDataNamesItsPackage() throws {
        let dir = Self.folder()
        defer { try? FileManager.default.removeItem(at: dir) }
        let (path, _) = try Self.scannedPDF(in: dir, mixed: false)
        let (_, result, _) = Self.read(path, ocr: PageOCR(languages: "eng+zzz"))
        guard case let .failure(e) = result else { Issue.record("read: \(result)"); return }
        #expect(e.kind == .unsupported)
        #expect(e.message.hasSuffix("OCR language data missing: zzz (Debian packages tesseract-ocr-zzz)"), "\(e.message)")
    }

    /// A fake tesseract that hangs: killed at the page timeout (pdftoppm, real, renders within it);
    /// the page image is removed.
    @Test func slowTesseractIsKilledAtThePageTimeout() throws {
        let dir = Self.folder()
        defer { try? FileManager.default.removeItem(at: dir) }
        let images = dir.appendingPathComponent("tmp")
        try FileManager.default.createDirectory(at: images, withIntermediateDirectories: true)
        let (path, _) = try Self.scannedPDF(in: dir, mixed: false)
        let tool = dir.appendingPathComponent("tesseract").path
        #expect(FileManager.default.createFile(atPath: tool, contents: Data("#!/bin/sh\n[ \"$1\" = --list-langs ] && { echo 'List:'; echo eng; exit 0; }\nexec sleep 30\n".utf8),
                                               attributes: [.posixPermissions: 0o755]))
        var ocr = PageOCR(languages: "eng", pageTimeout: 5, temporaryDirectory: images.path)
        ocr.tesseractPath = tool
        let start = Date()
        let (_, result, _) = Self.read(path, ocr: ocr)
        guard case let .failure(e) = result else { Issue.record("read: \(result)"); return }
        #expect(e == ReadError(.limit, "tesseract timed out on page 1 after 5 s"))
        #expect(Date().timeIntervalSince(start) < 25)
        #expect(try FileManager.default.contentsOfDirectory(atPath: images.path).isEmpty)
    }

    @Test(arguments: [
        ("mari.tamm@ example.com", "mari.tamm@example.com"),
        ("a@  b.ee and c @ d.fi", "a@b.ee and c @d.fi"),
        ("no at here", "no at here"),
        ("ends with @", "ends with @"),
        ("@\n x", "@\n x"),
    ])
    func spacesAfterAtAreDropped(input: String, expected: String) {
        var spacing = PageOCR.Spacing()
        var out: [UInt8] = []
        // One byte at a time: the state carries across chunks.
        for b in Array(input.utf8) {
            [b].withUnsafeBufferPointer { spacing.clean($0) { out += $0 } }
        }
        #expect(String(decoding: out, as: UTF8.self) == expected)
    }
}
