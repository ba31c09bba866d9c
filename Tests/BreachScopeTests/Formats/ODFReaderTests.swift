import Foundation
import Testing
@testable import BreachScope
import BreachScopeTesting

@Suite struct ODFReaderTests {
    static let ns = "xmlns:office=\"urn:oasis:names:tc:opendocument:xmlns:office:1.0\" xmlns:table=\"urn:oasis:names:tc:opendocument:xmlns:table:1.0\" xmlns:text=\"urn:oasis:names:tc:opendocument:xmlns:text:1.0\""

    func read(_ body: String, spreadsheet: Bool, extra: [(String, String)] = []) throws -> (visitor: RecordingVisitor, result: Result<String, ReadError>) {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("bs-odf-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: dir) }
        let url = dir.appendingPathComponent(spreadsheet ? "t.ods" : "t.odt")
        let mime = spreadsheet ? "application/vnd.oasis.opendocument.spreadsheet" : "application/vnd.oasis.opendocument.text"
        try XLSXFixture.write([("mimetype", mime), ("content.xml", "<?xml version=\"1.0\"?><office:document-content \(Self.ns)><office:body>\(body)</office:body></office:document-content>")] + extra, to: url)
        var reader = ODFReader(limits: ReadLimits())
        reader.spreadsheet = spreadsheet
        var visitor = RecordingVisitor()
        do throws(ReadError) {
            let d = try reader.read(path: url.path, visitor: &visitor)
            return (visitor, .success(d))
        } catch {
            return (visitor, .failure(error))
        }
    }

    func person(seed: UInt64) -> (id: String, email: String) {
        var rng = SeededRNG(seed: seed)
        return (Synthetic.nationalID(.eeIsikukood, using: &rng), Synthetic.email(first: "Mari", last: "Maasikas", using: &rng))
    }

    @Test func odsSheetsAreTables() throws {
        let p = person(seed: 3), q = person(seed: 4)
        func s(_ t: String, repeat r: Int = 1) -> String { "<table:table-cell office:value-type=\"string\"\(r > 1 ? " table:number-columns-repeated=\"\(r)\"" : "")><text:p>\(t)</text:p></table:table-cell>" }
        func n(_ v: String) -> String { "<table:table-cell office:value-type=\"float\" office:value=\"\(v)\"><text:p>3,80E+10</text:p></table:table-cell>" }
        let sheet = "<office:spreadsheet><table:table table:name=\"P\">"
            + "<table:table-row>\(s("Isikukood"))\(s("Nimi"))\(s("E-post"))</table:table-row>"
            + "<table:table-row>\(n(p.id))\(s("Mari Maasikas"))\(s(p.email))</table:table-row>"
            + "<table:table-row table:number-rows-repeated=\"3\"><table:table-cell table:number-columns-repeated=\"1024\"/></table:table-row>"
            + "<table:table-row>\(s(q.id))<table:table-cell table:number-columns-repeated=\"1\"/>\(s(q.email))</table:table-row>"
            + "</table:table></office:spreadsheet>"
        let (v, result) = try read(sheet, spreadsheet: true)
        #expect(try result.get() == "1 sheet")
        #expect(v.recordStrings == ["Isikukood=\(p.id)|Nimi=Mari Maasikas|E-post=\(p.email)", "Isikukood=\(q.id)|E-post=\(q.email)"])
        let begins = v.events.compactMap { if case let .begin(line, _) = $0 { line } else { nil } }
        #expect(begins == [2, 6])
    }

    /// A flat OpenDocument spreadsheet (`.fods`: one XML file, `office:document`) is read as its
    /// packaged form is, and detected by its extension.
    @Test func flatSpreadsheets() throws {
        let p = person(seed: 5)
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("bs-fods-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: dir) }
        let url = dir.appendingPathComponent("rejestr_Gdansk_2023-10.fods")
        let xml = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<office:document \(Self.ns) office:mimetype=\"application/vnd.oasis.opendocument.spreadsheet\">"
            + "<office:body><office:spreadsheet><table:table table:name=\"Rejestr\">"
            + "<table:table-row><table:table-cell><text:p>PESEL</text:p></table:table-cell><table:table-cell><text:p>Nazwisko i imię</text:p></table:table-cell></table:table-row>"
            + "<table:table-row><table:table-cell><text:p>\(p.id)</text:p></table:table-cell><table:table-cell><text:p>Wróbel Krzysztof</text:p></table:table-cell></table:table-row>"
            + "</table:table></office:spreadsheet></office:body></office:document>"
        try Data(xml.utf8).write(to: url)
        let head = Array(xml.utf8.prefix(64))
        #expect(head.withUnsafeBufferPointer { FileFormat.detect(path: url.path, prefix: $0) } == .ods)
        var reader = ODFReader(limits: ReadLimits())
        reader.spreadsheet = true
        var visitor = RecordingVisitor()
        let d = try reader.read(path: url.path, visitor: &visitor)
        #expect(d == "1 sheet")
        #expect(visitor.recordStrings == ["PESEL=\(p.id)|Nazwisko i imię=Wróbel Krzysztof"])
    }

    @Test func odtParagraphsAndTables() throws {
        let p = person(seed: 5)
        let body = "<office:text><text:h>Andmed</text:h><text:p>Nimi:<text:s/><text:span>Mari Maasikas</text:span></text:p>"
            + "<text:p>Isikukood: \(p.id)</text:p><text:p/>"
            + "<table:table><table:table-row><table:table-cell><text:p>E-post</text:p></table:table-cell></table:table-row>"
            + "<table:table-row><table:table-cell><text:p>\(p.email)</text:p></table:table-cell></table:table-row></table:table>"
        let (v, result) = try read(body + "</office:text>", spreadsheet: false)
        #expect(try result.get() == "6 paragraphs, 1 table")
        #expect(v.recordStrings == ["-=Andmed|Nimi=Mari Maasikas|Isikukood=\(p.id)", "E-post=\(p.email)"])
    }

    @Test func encryptedAndDetection() throws {
        let manifest = "<manifest:manifest xmlns:manifest=\"urn:oasis:names:tc:opendocument:xmlns:manifest:1.0\"><manifest:file-entry manifest:full-path=\"content.xml\"><manifest:encryption-data/></manifest:file-entry></manifest:manifest>"
        let r = try read("<office:text/>", spreadsheet: false, extra: [("META-INF/manifest.xml", manifest)]).result
        guard case .failure(let e) = r else { Issue.record("read encrypted"); return }
        #expect(e.kind == .unsupported)
        var head: [UInt8] = [0x50, 0x4B, 0x03, 0x04] + [UInt8](repeating: 0, count: 26) + Array("mimetype".utf8)
        head += Array("application/vnd.oasis.opendocument.spreadsheet".utf8)
        #expect(head.withUnsafeBufferPointer { FileFormat.detect(path: "noext", prefix: $0) } == .ods)
        #expect([0x50, 0x4B, 0x03, 0x04, 0].withUnsafeBufferPointer { FileFormat.detect(path: "a.odt", prefix: $0) } == .odt)
    }
}
