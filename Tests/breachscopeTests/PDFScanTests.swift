import BreachScopeTesting
import Foundation
import Testing

/// PDFs end to end: a lab report's person is found with the page of each finding; an image-only
/// and a corrupt PDF are skipped / failed with their reason; without pdftotext every PDF is
/// skipped with a reason that names the package to install.
@Suite struct PDFScanTests {
    static func pesel(seed: UInt64) -> String {
        var rng = SeededRNG(seed: seed)
        return Synthetic.nationalID(.plPesel, using: &rng)
    }

    static func folder(_ files: [String: [UInt8]]) throws -> URL {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("bs-pdf-e2e-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        for (name, bytes) in files { try Data(bytes).write(to: dir.appendingPathComponent(name)) }
        return dir
    }

    @Test func labReportPersonIsFoundWithPages() throws {
        let id = Self.pesel(seed: 44)
        let dir = try Self.folder([
            "wyniki_laboratorium.pdf": Synthetic.pdf(pages: [
                ["Laboratorium Przykładowe sp. z o.o.", "Sprawozdanie z badania nr 2024/118", "",
                 "Imię i nazwisko: Zofia Testowa", "PESEL: \(id)"],
                ["Hemoglobina 13.5 g/dl", "Leukocyty 6.1 tys/ul", "", "Pacjent: Zofia Testowa", "PESEL: \(id)"],
            ]),
            "skan.pdf": Synthetic.pdf(pages: [nil]),
            "uszkodzony.pdf": Array(Synthetic.pdf(pages: [["PESEL: \(id)"]]).prefix(60)),
        ])
        defer { try? FileManager.default.removeItem(at: dir) }
        let cli = CLIRunner(workspace: CLIRunner.temporaryWorkspace())
        defer { try? FileManager.default.removeItem(at: cli.workspace) }

        let scan = try cli.run(["scan", dir.path, "--quiet"])
        #expect(scan.status == 3, "the corrupt PDF fails: \(scan.stderr)")
        let persons = try cli.run(["persons", "--reveal"]).stdout.split(separator: "\n")
        #expect(persons.count == 1)
        #expect(persons.first?.contains("\"value\":\"\(id)\"") == true, "\(persons)")

        let status = try cli.run(["status", "--all"]).stdout
        #expect(status.contains("scanned  wyniki_laboratorium.pdf  [pdf, 2 pages]"), "\(status)")
        #expect(status.contains("skipped  skan.pdf  [pdf]  — image-only PDF, needs OCR"), "\(status)")
        #expect(status.contains("failed   uszkodzony.pdf  [pdf]  — pdftotext failed (exit status 1)"), "\(status)")
        #expect(!status.contains(id))

        let lookup = try cli.run(["lookup", "--national-id", id]).stdout
        #expect(lookup.contains("wyniki_laboratorium.pdf:1"), "\(lookup)")
        #expect(lookup.contains("wyniki_laboratorium.pdf:2"), "\(lookup)")
    }

    @Test func withoutPdftotextEveryPDFIsSkippedWithTheReason() throws {
        let dir = try Self.folder([
            "a.pdf": Synthetic.pdf(pages: [["PESEL: \(Self.pesel(seed: 45))"]]),
            "b.txt": Array("PESEL: \(Self.pesel(seed: 46))\n".utf8),
        ])
        defer { try? FileManager.default.removeItem(at: dir) }
        var cli = CLIRunner(workspace: CLIRunner.temporaryWorkspace())
        cli.environment["PATH"] = dir.path  // no pdftotext there
        defer { try? FileManager.default.removeItem(at: cli.workspace) }

        let scan = try cli.run(["scan", dir.path, "--quiet"])
        #expect(scan.status != 3, "a skipped PDF is not a failure: \(scan.stderr)")
        let status = try cli.run(["status"]).stdout
        #expect(status.contains("skipped  a.pdf  [pdf]  — PDF text extraction needs pdftotext (Debian package poppler-utils), which is not installed"), "\(status)")
        #expect(try cli.run(["persons"]).stdout.split(separator: "\n").count == 1)
    }

    /// A scanned (image-only) PDF from scripts/make-scanned-pdf.py; its person's national ID and e-mail.
    static func scannedPDF(in dir: URL, seed: Int) throws -> (id: String, email: String) {
        let p = Process()
        p.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        p.arguments = ["python3", CLIRunner.packageRoot.appendingPathComponent("scripts/make-scanned-pdf.py").path,
                       dir.appendingPathComponent("skan.pdf").path, "--seed", String(seed)]
        let out = Pipe()
        p.standardOutput = out
        try p.run()
        let data = out.fileHandleForReading.readDataToEndOfFile()
        p.waitUntilExit()
        #expect(p.terminationStatus == 0)
        struct Truth: Decodable { struct Page: Decodable { var id: String; var email: String }; var pages: [Page] }
        let page = try JSONDecoder().decode(Truth.self, from: data).pages[0]
        return (page.id, page.email)
    }

    @Test func ocrReadsAScannedPDFAndRecordsIt() throws {
        let dir = try Self.folder([:])
        defer { try? FileManager.default.removeItem(at: dir) }
        let (id, email) = try Self.scannedPDF(in: dir, seed: 21)
        let cli = CLIRunner(workspace: CLIRunner.temporaryWorkspace())
        defer { try? FileManager.default.removeItem(at: cli.workspace) }

        let scan = try cli.run(["scan", dir.path, "--quiet", "--ocr"])
        #expect(scan.status == 0, "\(scan.stderr)")
        let persons = try cli.run(["persons", "--reveal"]).stdout.split(separator: "\n")
        #expect(persons.count == 1, "\(persons)")
        #expect(persons.first?.contains("\"value\":\"\(id)\"") == true, "\(persons)")
        #expect(persons.first?.contains(email) == true, "\(persons)")
        let status = try cli.run(["status", "--all"]).stdout
        #expect(status.contains("scanned  skan.pdf  [pdf+ocr, 1 page, all by OCR]"), "\(status)")
        let lookup = try cli.run(["lookup", "--national-id", id]).stdout
        #expect(lookup.contains("skan.pdf:1"), "\(lookup)")
    }

    @Test func ocrWithoutTesseractSkipsWithTheReason() throws {
        let dir = try Self.folder([:])
        defer { try? FileManager.default.removeItem(at: dir) }
        _ = try Self.scannedPDF(in: dir, seed: 5)
        // A PATH with poppler's tools but no tesseract.
        let bin = dir.appendingPathComponent("bin")
        try FileManager.default.createDirectory(at: bin, withIntermediateDirectories: true)
        for tool in ["pdftotext", "pdftoppm"] {
            try FileManager.default.createSymbolicLink(atPath: bin.appendingPathComponent(tool).path, withDestinationPath: "/usr/bin/" + tool)
        }
        var cli = CLIRunner(workspace: CLIRunner.temporaryWorkspace())
        cli.environment["PATH"] = bin.path
        defer { try? FileManager.default.removeItem(at: cli.workspace) }

        let scan = try cli.run(["scan", dir.appendingPathComponent("skan.pdf").path, "--quiet", "--ocr"])
        #expect(scan.status == 0, "a skipped PDF is not a failure: \(scan.stderr)")
        let status = try cli.run(["status", "--all"]).stdout
        #expect(status.contains("skipped  skan.pdf  [pdf]  — image-only PDF, needs OCR; OCR needs tesseract (Debian package tesseract-ocr), which is not installed"), "\(status)")
    }
}
