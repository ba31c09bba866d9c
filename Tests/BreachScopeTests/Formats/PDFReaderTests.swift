import Foundation
import Testing
import BreachScopeTesting
@testable import BreachScope

/// PDF through `pdftotext` (poppler-utils, installed by `.ci/run`; these tests require it).
/// PDFs are written by `Synthetic.pdf`; a fake tool (a shell script) pins the stream handling.
@Suite struct PDFReaderTests {
    static func pesels(_ count: Int, seed: UInt64 = 31) -> [String] {
        var rng = SeededRNG(seed: seed)
        return (0..<count).map { _ in Synthetic.nationalID(.plPesel, using: &rng) }
    }

    /// A fresh scratch folder.
    static func folder() -> URL {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("bs-pdf-\(UUID().uuidString)")
        try! FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        return url
    }

    static func write(_ bytes: [UInt8], _ name: String, in dir: URL, executable: Bool = false) -> String {
        let path = dir.appendingPathComponent(name).path
        #expect(FileManager.default.createFile(atPath: path, contents: Data(bytes), attributes: executable ? [.posixPermissions: 0o755] : nil))
        return path
    }

    /// Reads `path`; the visitor and either the description or the error.
    static func read(_ path: String, reader: PDFReader = PDFReader(limits: .init())) -> (visitor: RecordingVisitor, result: Result<String, ReadError>) {
        var reader = reader
        var visitor = RecordingVisitor()
        do throws(ReadError) {
            let description = try reader.read(path: path, visitor: &visitor)
            return (visitor, .success(description))
        } catch {
            return (visitor, .failure(error))
        }
    }

    static func error(_ result: Result<String, ReadError>) -> ReadError? {
        if case let .failure(e) = result { return e }
        return nil
    }

    @Test func pdftotextIsInstalled() {
        #expect(PDFReader(limits: .init()).resolveTool() != nil, "install poppler-utils (.ci/run does)")
    }

    @Test func labelledFieldsReachTheVisitorWithTheirPage() throws {
        let ids = Self.pesels(2)
        let dir = Self.folder()
        defer { try? FileManager.default.removeItem(at: dir) }
        let path = Self.write(Synthetic.pdf(pages: [
            ["Laboratorium Przykładowe", "Imię i nazwisko: Zofia Testowa", "PESEL: \(ids[0])"],
            ["Imię i nazwisko: Jan Próbny", "PESEL: \(ids[1])", "Hemoglobina 13.5 g/dl"],
        ]), "wyniki.pdf", in: dir)
        let (v, result) = Self.read(path)
        #expect(try result.get() == "2 pages")
        #expect(v.recordStrings == [
            "-=Laboratorium Przykładowe|Imię i nazwisko=Zofia Testowa|PESEL=\(ids[0])",
            "Imię i nazwisko=Jan Próbny|PESEL=\(ids[1])|-=Hemoglobina 13.5 g/dl",
        ])
        #expect(v.events.contains(.declare(name: "PESEL", hint: .nationalID(.plPesel), id: 1)))
        let pesel = v.columnNames.firstIndex(of: "PESEL")!
        let lines = v.events.compactMap { e -> Int? in
            if case let .field(_, column, line, _) = e, column == pesel { return line }
            return nil
        }
        #expect(lines == [1, 2])
        let begins = v.events.compactMap { e -> Int? in if case let .begin(line, _) = e { return line }; return nil }
        #expect(begins == [1, 2])
        #expect(v.events.filter { $0 == .end }.count == 2)
    }

    @Test func blankLinesStillSplitRecordsWithinAPage() throws {
        let ids = Self.pesels(2, seed: 5)
        let dir = Self.folder()
        defer { try? FileManager.default.removeItem(at: dir) }
        // A Td gap of two lines makes pdftotext print a blank line.
        let path = Self.write(Synthetic.pdf(pages: [["PESEL: \(ids[0])", "", "PESEL: \(ids[1])"]]), "a.pdf", in: dir)
        let (v, result) = Self.read(path)
        #expect(try result.get() == "1 page")
        #expect(v.recordStrings == ["PESEL=\(ids[0])", "PESEL=\(ids[1])"])
    }

    @Test func imageOnlyPDFIsUnsupported() {
        let dir = Self.folder()
        defer { try? FileManager.default.removeItem(at: dir) }
        let path = Self.write(Synthetic.pdf(pages: [nil, nil]), "skan.pdf", in: dir)
        let (v, result) = Self.read(path)
        let e = Self.error(result)
        #expect(e?.kind == .unsupported)
        #expect(e?.message.contains("image-only") == true)
        #expect(v.events.isEmpty)
    }

    @Test func corruptPDFIsMalformedWithoutThePath() {
        let dir = Self.folder()
        defer { try? FileManager.default.removeItem(at: dir) }
        var bytes = Synthetic.pdf(pages: [["PESEL: \(Self.pesels(1)[0])"]])
        bytes = Array(bytes[0..<40])  // header and part of the catalog: no xref, no trailer
        let path = Self.write(bytes, "Zofia Testowa wyniki.pdf", in: dir)
        let e = Self.error(Self.read(path).result)
        #expect(e?.kind == .malformed)
        #expect(e?.message.hasPrefix("pdftotext failed (exit status 1): ") == true, "\(String(describing: e))")
        #expect(e?.message.contains("Error") == true)
        #expect(e?.message.contains("Zofia") == false)
        #expect(e?.message.contains(dir.path) == false)
    }

    @Test func missingToolIsUnsupportedAndNamesThePackage() {
        let dir = Self.folder()
        defer { try? FileManager.default.removeItem(at: dir) }
        let path = Self.write(Synthetic.pdf(pages: [["Wynik: ujemny"]]), "a.pdf", in: dir)
        let reader = PDFReader(toolPath: dir.appendingPathComponent("no-such-pdftotext").path)
        let e = Self.error(Self.read(path, reader: reader).result)
        #expect(e?.kind == .unsupported)
        #expect(e?.message.contains("poppler-utils") == true)
        #expect(e?.message.contains("pdftotext") == true)
    }

    @Test func slowToolIsKilledAtTheTimeout() {
        let dir = Self.folder()
        defer { try? FileManager.default.removeItem(at: dir) }
        let tool = Self.write(Array("#!/bin/sh\nprintf 'PESEL: 1\\n'\nexec sleep 30\n".utf8), "pdftotext", in: dir, executable: true)
        let path = Self.write(Synthetic.pdf(pages: [["x"]]), "a.pdf", in: dir)
        let start = Date()
        let e = Self.error(Self.read(path, reader: PDFReader(toolPath: tool, timeout: 0.5)).result)
        #expect(e == ReadError(.limit, "pdftotext timed out after 0.5 s"))
        #expect(Date().timeIntervalSince(start) < 10)
    }

    /// A fake `pdftotext` that prints a prepared file: form feeds without a line end before
    /// them, a last page without its form feed, a character cut by the 64 KiB read buffer,
    /// an invalid byte.
    @Test func streamSplitsPagesAndKeepsCharactersWhole() throws {
        let ids = Self.pesels(3, seed: 9)
        let dir = Self.folder()
        defer { try? FileManager.default.removeItem(at: dir) }
        let tool = Self.write(Array("#!/bin/sh\nexec cat \"$4\"\n".utf8), "pdftotext", in: dir, executable: true)
        var out = Array("PESEL: \(ids[0])\u{0C}\u{0C}Nazwisko: Próbna\n".utf8)
        // Filler lines so that "ę" of "Imię" straddles the first 64 KiB read.
        let target = PDFReader.readBufferSize - 3  // where "Imi" starts
        let filler = Array("wynik prawidłowy..\n".utf8)
        while out.count + filler.count + 2 <= target { out += filler }
        while out.count < target - 1 { out.append(0x2E) }  // at least one dot: no blank line
        out.append(0x0A)
        out += Array("Imię: Zofia Testowa\n\u{0C}PESEL: \(ids[1])\nOpis: ".utf8) + [0xFF] + Array(" brak\n\nPESEL: \(ids[2])".utf8)
        let path = Self.write(out, "a.txt", in: dir)
        let (v, result) = Self.read(path, reader: PDFReader(toolPath: tool))
        #expect(try result.get() == "4 pages (page 2 without text: needs OCR)")
        let fields = v.events.compactMap { e -> String? in
            if case let .field(value, column, line, _) = e, column >= 0 { return "\(line):\(v.columnNames[column])=\(value)" }
            return nil
        }
        #expect(fields == [
            "1:PESEL=\(ids[0])", "3:Nazwisko=Próbna", "3:Imię=Zofia Testowa", "4:PESEL=\(ids[1])", "4:PESEL=\(ids[2])",
        ])
        #expect(v.recordStrings.filter { $0.contains("-=Opis: \u{FFFD} brak") }.count == 1)
        #expect(v.recordStrings.count == 4)
    }

    @Test(arguments: [
        ("Syntax Warning: May not be a PDF file (continuing anyway)\nSyntax Error: Couldn't find trailer dictionary\n",
         "Syntax Error: Couldn't find trailer dictionary"),
        ("I/O Error: Couldn't open file '/data/leak/Zofia Testowa.pdf': No such file or directory.\n",
         "I/O Error: Couldn't open file '…': No such file or directory."),
        ("Syntax Error (812): Unknown operator 'Zofia'\n", "Syntax Error (812): Unknown operator '…'"),
        ("Command Line Error: Incorrect password\n", "Command Line Error: Incorrect password"),
        ("just a note\n", "just a note"),
        ("\n\n", nil),
    ] as [(String, String?)])
    func errorLineDropsPathAndQuotedText(stderr: String, expected: String?) {
        #expect(PDFReader.errorLine(Array(stderr.utf8), path: "/data/leak/Zofia Testowa.pdf") == expected)
    }
}
