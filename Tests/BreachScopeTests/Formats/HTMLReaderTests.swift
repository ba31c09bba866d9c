import Foundation
import Testing
@testable import BreachScope
import BreachScopeTesting

@Suite struct HTMLReaderTests {
    func read(_ html: String, chunkSize: Int = 0, limits: ReadLimits = ReadLimits()) -> (visitor: RecordingVisitor, error: ReadError?) {
        readDocument(HTMLReader(limits: limits), Array(html.utf8), chunkSize: chunkSize)
    }

    @Test func labelledLinesEntitiesAndScripts() {
        let ps = people(2, seed: 3)
        let html = """
        <!DOCTYPE html><html><head><title>Kiri</title><style>p { color: red }</style>
        <script>var x = "<p>Nimi: Vale Inimene</p>";</script></head><body>
        <!-- <p>Nimi: Kommentaar</p> -->
        <div class="card"><p>Nimi: \(ps[0].name.replacingOccurrences(of: "ä", with: "&auml;"))</p>
        <p>Isikukood: \(ps[0].id)</p><p>E-post: \(ps[0].email.replacingOccurrences(of: "@", with: "&#64;"))</p></div>
        <div class="card"><p>Nimi:
            \(ps[1].name)</p><p>Isikukood:&nbsp;\(ps[1].id)</p></div>
        <p>M&otilde;ni &amp; teine &#x161;&#353; &unknown; tekst</p>
        </body></html>
        """
        for chunk in [0, 1, 7] {
            let (v, error) = read(html, chunkSize: chunk)
            #expect(error == nil)
            #expect(v.recordStrings == [
                "-=Kiri",
                "Nimi=\(ps[0].name)|Isikukood=\(ps[0].id)|E-post=\(ps[0].email)",
                "Nimi=\(ps[1].name)|Isikukood=\(ps[1].id)",
                "-=Mõni & teine šš &unknown; tekst",
            ], "chunk \(chunk)")
        }
    }

    @Test func brSeparatesRecordsAndDefinitionLists() {
        let ps = people(2, seed: 4)
        let (v, error) = read("Nimi: \(ps[0].name)<br>Isikukood: \(ps[0].id)<br><br>Nimi: \(ps[1].name)<BR/>Isikukood: \(ps[1].id)<hr><dl><dt>E-post</dt><dd>\(ps[1].email)</dd></dl><label>Isikukood</label> <input type=text name=x value=\"\(ps[0].id)\"><input name=\"email\" value='\(ps[0].email)'>")
        #expect(error == nil)
        #expect(v.recordStrings == [
            "Nimi=\(ps[0].name)|Isikukood=\(ps[0].id)",
            "Nimi=\(ps[1].name)|Isikukood=\(ps[1].id)",
            "E-post=\(ps[1].email)",
            "Isikukood=\(ps[0].id)|email=\(ps[0].email)",
        ])
    }

    @Test func tablesAreTables() {
        let ps = people(3, seed: 5)
        let rows = ps.map { "<tr><td>\($0.id)<td>\($0.name)<td>\($0.email)" }.joined(separator: "\n")
        let html = "<p>Patsiendid</p><table><caption>Nimekiri</caption><thead><tr><th>Isikukood</th><th colspan=2>Nimi</th><th>E-post</th></tr></thead><tbody>\n\(rows)\n</tbody></table><p>Lõpp</p>"
        for chunk in [0, 3] {
            let (v, error) = read(html, chunkSize: chunk)
            #expect(error == nil)
            #expect(v.recordStrings == ["-=Patsiendid", "-=Nimekiri"] + ps.map { "Isikukood=\($0.id)|Nimi=\($0.name)|E-post=\($0.email)" } + ["-=Lõpp"])
            #expect(v.events.contains(.declare(name: "Isikukood", hint: .nationalID(.eeIsikukood), id: 0)))
            let begins = v.events.compactMap { if case let .begin(line, _) = $0 { line } else { nil } }
            #expect(begins == [1, 1, 2, 3, 4, 5], "\(begins)")
        }
    }

    @Test func headerlessTableIsSampledAndKeyValueTablesAreLabelledLines() {
        let ps = people(3, seed: 6)
        let grid = ps.map { "<tr><td>\($0.name)</td><td>\($0.id)</td><td>Tamme 5<br>Tartu</td></tr>" }.joined()
        let kv = "<table><tr><th>Nimi</th><td>\(ps[0].name)</td></tr><tr><th>Isikukood</th><td>\(ps[0].id)</td></tr></table>"
        let kv2 = "<table><tr><td>E-post:</td><td>\(ps[1].email)</td></tr><tr><td>Nimi:</td><td>\(ps[1].name)</td></tr></table>"
        let (v, error) = read("<table>\(grid)</table>\(kv)\(kv2)")
        #expect(error == nil)
        let records = v.recordStrings
        #expect(records.count == 5, "\(records)")
        #expect(records[0] == "column1=\(ps[0].name)|column2=\(ps[0].id)|column3=Tamme 5 Tartu")
        #expect(records[3] == "Nimi=\(ps[0].name)|Isikukood=\(ps[0].id)")
        #expect(records[4] == "E-post=\(ps[1].email)|Nimi=\(ps[1].name)")
        let hints = v.events.compactMap { if case let .declare(name, hint, _) = $0, name == "column2" { hint } else { nil } }
        #expect(hints == [.nationalID(.eeIsikukood)])
    }

    @Test func nestedAndLayoutTables() {
        let ps = people(2, seed: 7)
        let inner = "<table><tr><th>Isikukood</th><th>E-post</th></tr>" + ps.map { "<tr><td>\($0.id)</td><td>\($0.email)</td></tr>" }.joined() + "</table>"
        let html = "<table><tr><td>Menüü</td><td>\(inner)</td></tr><tr><td><p>Nimi: \(ps[0].name)</p><p>Isikukood: \(ps[0].id)</p></td></tr></table>"
        let (v, error) = read(html)
        #expect(error == nil)
        #expect(v.recordStrings == [
            "Isikukood=\(ps[0].id)|E-post=\(ps[0].email)",
            "Isikukood=\(ps[1].id)|E-post=\(ps[1].email)",
            "-=Menüü",
            "Nimi=\(ps[0].name)|Isikukood=\(ps[0].id)",
        ])
    }

    @Test func unclosedTagsAndTruncatedInput() {
        let ps = people(2, seed: 8)
        let (v, error) = read("<html><body><p>Nimi: \(ps[0].name)<p>Isikukood: \(ps[0].id)<table><tr><td>Isikukood<td>Nimi<tr><td>\(ps[1].id)<td>\(ps[1].name)<div><a href=\"x")
        #expect(error == nil)
        #expect(v.recordStrings == ["Nimi=\(ps[0].name)|Isikukood=\(ps[0].id)", "Isikukood=\(ps[1].id)|Nimi=\(ps[1].name)"])
    }

    @Test func hostileNestingAndHugeAttributesStayBounded() {
        let deep = String(repeating: "<div>", count: 100_000) + "E-post: a@b.ee" + String(repeating: "</div>", count: 100_000)
        let (v, error) = read(deep, chunkSize: 65536)
        #expect(error == nil)
        #expect(v.recordStrings == ["E-post=a@b.ee"])
        let tables = String(repeating: "<table><tr><td>", count: 10_000) + "x"
        #expect(read(tables).error == nil)
        let huge = "<p title=\"" + String(repeating: "a", count: 20 << 20) + "\">E-post: a@b.ee</p>"
        let (h, herror) = read(huge, chunkSize: 1 << 20)
        #expect(herror == nil)
        #expect(h.recordStrings == ["E-post=a@b.ee"])
    }

    @Test func pageSizedLayoutCellIsStreamedAsText() {
        var limits = ReadLimits()
        limits.maxFieldBytes = 1000
        let body = String(repeating: "<p>Lorem ipsum dolor sit amet</p>\n", count: 2000)
        let (v, error) = read("<table><tr><td>Menüü</td><td><p>Nimi: Mari Maasikas</p>\(body)<p>E-post: mari@example.ee</p></td></tr></table>", chunkSize: 4096, limits: limits)
        #expect(error == nil)
        let records = v.recordStrings
        #expect(records.first == "Nimi=Mari Maasikas|" + String(repeating: "-=Lorem ipsum dolor sit amet|", count: 2000) + "E-post=mari@example.ee")
        #expect(records.last == "-=Menüü")
    }

    @Test func longCellFailsWithLimit() {
        var limits = ReadLimits()
        limits.maxFieldBytes = 1000
        let (_, error) = read("<table><tr><td>" + String(repeating: "x", count: 2000) + "</td></tr></table>", limits: limits)
        #expect(error?.kind == .limit)
        #expect(error?.message == "a table cell is longer than the limit of 1000 bytes")
    }

    @Test(arguments: [
        ("<meta charset=\"windows-1257\">", TextEncoding.windows1257),
        ("<META HTTP-EQUIV=\"Content-Type\" CONTENT=\"text/html; charset=ISO-8859-2\">", .iso8859_2),
        ("<?xml version=\"1.0\" encoding=\"windows-1250\"?><a/>", .windows1250),
        ("<meta charset=utf-8>", .utf8),
    ])
    func declaredCharset(_ head: String, _ expected: TextEncoding) {
        let document = head.hasPrefix("<?xml") ? head : "<html><head>" + head
        let found = Array(document.utf8).withUnsafeBufferPointer { HTMLReader.declaredCharset($0) }
        #expect(found == expected)
    }

    @Test func noDeclaredCharset() {
        #expect(Array("<html><p>charset=windows-1257</p>".utf8).withUnsafeBufferPointer { HTMLReader.declaredCharset($0) } == nil)
        #expect(Array("<meta charset=utf-16>".utf8).withUnsafeBufferPointer { HTMLReader.declaredCharset($0) } == nil)
    }
}
