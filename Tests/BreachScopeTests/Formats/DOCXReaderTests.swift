import Foundation
import Testing
@testable import BreachScope
import BreachScopeTesting

@Suite struct DOCXReaderTests {
    /// Writes raw parts to a temporary `.docx` and reads it.
    func read(parts: [(String, String)], raw: [UInt8]? = nil) throws -> (visitor: RecordingVisitor, result: Result<String, ReadError>) {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("bs-docx-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: dir) }
        let url = dir.appendingPathComponent("kiri.docx")
        if let raw { try Data(raw).write(to: url) } else { try XLSXFixture.write(parts, to: url) }
        var reader = DOCXReader(limits: ReadLimits())
        var visitor = RecordingVisitor()
        do throws(ReadError) {
            let d = try reader.read(path: url.path, visitor: &visitor)
            return (visitor, .success(d))
        } catch {
            return (visitor, .failure(error))
        }
    }

    func read(_ fixture: DOCXFixture) throws -> (visitor: RecordingVisitor, result: Result<String, ReadError>) {
        try read(parts: fixture.parts())
    }

    /// Word 2003 XML (`<?mso-application progid="Word.Document"?>`, `w:wordDocument`): one XML
    /// file whose body is read as a `.docx`'s; a surname split over runs is one name, and the
    /// label-and-value table's rows are labelled fields.
    @Test func word2003XMLIsReadAsDocx() throws {
        let ps = people(1, seed: 13)
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("bs-wordml-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: dir) }
        let url = dir.appendingPathComponent("S23-04294_nosutijums.xml")
        func row(_ label: String, _ runs: [String]) -> String {
            "<w:tr><w:tc><w:p><w:r><w:rPr><w:b/></w:rPr><w:t>\(label)</w:t></w:r></w:p></w:tc><w:tc><w:p>"
                + runs.map { "<w:r><w:t>\($0)</w:t></w:r>" }.joined() + "</w:p></w:tc></w:tr>"
        }
        let xml = "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n<?mso-application progid=\"Word.Document\"?>\n"
            + "<w:wordDocument xmlns:w=\"http://schemas.microsoft.com/office/word/2003/wordml\"><o:DocumentProperties><o:Author>Dace Kalniņa</o:Author></o:DocumentProperties>"
            + "<w:body><w:p><w:r><w:t>NOSŪTĪJUMS</w:t></w:r></w:p><w:tbl>"
            + row("Pacients:", ["Jānis ", "Krūmiņ", "š"]) + row("Personas kods:", [ps[0].id])
            + "</w:tbl><w:p><w:r><w:t>Paraugs: S23-04294</w:t></w:r></w:p></w:body></w:wordDocument>"
        try Data(xml.utf8).write(to: url)
        let head = Array(xml.utf8.prefix(512))
        #expect(head.withUnsafeBufferPointer { FileFormat.detect(path: url.path, prefix: $0) } == .docx)
        #expect(Array("<?xml version=\"1.0\"?><root/>".utf8).withUnsafeBufferPointer { FileFormat.detect(path: "a.xml", prefix: $0) } == nil)
        var reader = DOCXReader(limits: ReadLimits())
        var visitor = RecordingVisitor()
        #expect(try reader.read(path: url.path, visitor: &visitor).hasSuffix(" paragraphs, 1 table"))
        let all = visitor.recordStrings.joined(separator: "\n")
        #expect(all.contains("Jānis Krūmiņš") && all.contains(ps[0].id) && !all.contains("Dace"), "\(all)")
    }

    @Test func paragraphsTablesAndHeadersBecomeRecords() throws {
        let ps = people(4, seed: 11)
        let doc = DOCXFixture(body: [
            .paragraph("Patsiendi andmed"),
            .paragraph("Nimi: \(ps[0].name)"),
            .paragraph("Isikukood: \(ps[0].id)"),
            .paragraph(""),
            .paragraph("Nimi:\t\(ps[1].name)"),
            .paragraph("E-post: \(ps[1].email)"),
            .table([["Isikukood", "Nimi", "E-post"], [ps[2].id, ps[2].name, ps[2].email], [ps[3].id, ps[3].name, ps[3].email]]),
            .paragraph("Lõpp"),
        ], headers: [["Vastutav \(ps[0].email)"]])
        let (v, result) = try read(doc)
        #expect(try result.get() == "17 paragraphs, 1 table")
        #expect(v.recordStrings == [
            "-=Patsiendi andmed|Nimi=\(ps[0].name)|Isikukood=\(ps[0].id)",
            "Nimi=\(ps[1].name)|E-post=\(ps[1].email)",
            "Isikukood=\(ps[2].id)|Nimi=\(ps[2].name)|E-post=\(ps[2].email)",
            "Isikukood=\(ps[3].id)|Nimi=\(ps[3].name)|E-post=\(ps[3].email)",
            "-=Lõpp",
            "-=Vastutav \(ps[0].email)",
        ])
        let begins = v.events.compactMap { if case let .begin(line, _) = $0 { line } else { nil } }
        #expect(begins == [1, 5, 10, 13, 16, 17])
        #expect(v.events.contains(.field(value: ps[0].id, column: 1, line: 3, offset: 0)))
        let declares = v.events.compactMap { if case let .declare(name, hint, _) = $0 { "\(name):\(hint)" } else { nil } }
        #expect(declares.contains("Isikukood:\(FieldHint.nationalID(.eeIsikukood))"))
    }

    @Test func tabsBreaksAndPropertiesAreHandled() throws {
        // `w:tab` in paragraph properties is a tab stop, not text; `w:br` starts a new line.
        let (v, result) = try read(DOCXFixture(body: [.paragraph("Olek\tüks\nNimi: Mari Maasikas")]))
        #expect(try result.get() == "1 paragraph, 0 tables")
        #expect(v.recordStrings == ["-=Olek\tüks|Nimi=Mari Maasikas"])
    }

    @Test func tableWithoutHeaderAndSpannedCells() throws {
        let ps = people(2, seed: 5)
        let ns = "xmlns:w=\"http://schemas.openxmlformats.org/wordprocessingml/2006/main\""
        func cell(_ t: String, span: Int = 1) -> String {
            "<w:tc><w:tcPr>\(span > 1 ? "<w:gridSpan w:val=\"\(span)\"/>" : "")</w:tcPr><w:p><w:r><w:t>\(t)</w:t></w:r></w:p><w:p/></w:tc>"
        }
        let body = "<w:tbl><w:tr>\(cell(ps[0].id))\(cell(ps[0].name, span: 2))\(cell(ps[0].email))</w:tr><w:tr>\(cell(ps[1].id))\(cell(""))\(cell(ps[1].name))\(cell(ps[1].email))</w:tr></w:tbl>"
        let (v, result) = try read(parts: [("word/document.xml", "<w:document \(ns)><w:body>\(body)</w:body></w:document>")])
        #expect(try result.get() == "14 paragraphs, 1 table")
        let begins = v.events.compactMap { if case let .begin(line, _) = $0 { line } else { nil } }
        #expect(begins == [1, 7])
        #expect(v.recordStrings == [
            "column1=\(ps[0].id)|column2=\(ps[0].name)|column4=\(ps[0].email)",
            "column1=\(ps[1].id)|column3=\(ps[1].name)|column4=\(ps[1].email)",
        ])
    }

    @Test func errorsNeverContainContent() throws {
        let notZip = try read(parts: [], raw: Array("Isikukood: 38001085718 not a zip".utf8)).result
        guard case .failure(let e1) = notZip else { Issue.record("read a non-zip"); return }
        #expect(e1.kind == .malformed)
        #expect(!e1.message.contains("38001085718"))
        let noDocument = try read(parts: [("word/styles.xml", "<w:styles/>")]).result
        guard case .failure(let e2) = noDocument else { Issue.record("read without document.xml"); return }
        #expect(e2.kind == .malformed)
        let compound = try read(parts: [], raw: [0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1] + [UInt8](repeating: 0, count: 512)).result
        guard case .failure(let e3) = compound else { Issue.record("read a compound file"); return }
        #expect(e3.kind == .unsupported)
    }

    @Test func detection() {
        func detect(_ path: String, _ bytes: [UInt8]) -> FileFormat? { bytes.withUnsafeBufferPointer { FileFormat.detect(path: path, prefix: $0) } }
        #expect(detect("a/Kiri.DOCX", [0x50, 0x4B, 0x03, 0x04, 0]) == .docx)
        #expect(detect("kiri.docx", [0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1]) == .docx)
        #expect(detect("kiri.zip", [0x50, 0x4B, 0x03, 0x04, 0]) == nil)
        #expect(detect("kiri.docx", Array("plain text".utf8)) == nil)
    }
}
