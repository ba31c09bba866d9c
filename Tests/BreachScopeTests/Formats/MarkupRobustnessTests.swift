import Testing
@testable import BreachScope
import BreachScopeTesting

/// Random markup soup through the RTF, HTML and XML readers in random chunks: no crash, and
/// the visitor always sees well-formed `begin field* end` records (never a field outside a
/// record or a record inside another).
@Suite struct MarkupRobustnessTests {
    static let html = ["<", ">", "</", "<p>", "</p>", "<div>", "</div>", "<table>", "</table>", "<tr>", "</tr>", "<td>", "</td>", "<th>",
                       "&", "&amp;", "&#", "&#x1F600;", "&otilde", "<!--", "-->", "<script>", "</script>", "</scr", "<br>", "<br/>", "\"", "'", "=",
                       "Nimi: ", "a@b.ee", "\n", " ", "\t", "<dt>", "</dt>", "<dd>", "</dl>", "<input value=", "<pre>", "</pre>", "<!DOCTYPE", "<?",
                       "<li>", "<ul>", "</ul>", "<hr>", "<h1>", "<caption>", "x"]
    static let rtf = ["{", "}", "\\", "\\par ", "\\'e4", "\\'", "\\'9", "\\u-10179?", "\\u", "\\u353", "\\cell ", "\\row ", "\\intbl ", "\\pard ",
                      "\\trowd ", "{\\*\\x ", "{\\fonttbl ", "\\f1 ", "\\fcharset238 ", "\\bin3 ", "\\uc2 ", "\\tab ", "x", " ", "\n", "Nimi: ",
                      "\\page ", "\\line", "\\nestcell ", "\\nestrow ", "\\-", "\\~", "\\ansicpg1250 ", "{\\pict ", "ä"]
    static let xml = ["<", ">", "</a>", "<a>", "<b x='1'>", "</b>", "<c/>", "&", "&#x41;", "&lol;", "<!DOCTYPE x [<!ENTITY a 'b'>]>",
                      "<![CDATA[", "]]>", "<!--", "-->", "<?pi?>", "text", " ", "\n", "\"", "<field name=\"email\">", "</field>", "<ns:a xmlns:ns='u'>", "</ns:a>"]

    func wellFormed(_ events: [RecordingVisitor.Event], failed: Bool) -> Bool {
        var open = false
        for e in events {
            switch e {
            case .begin: if open { return false }; open = true
            case .field: if !open { return false }
            case .end: if !open { return false }; open = false
            case .declare: break
            }
        }
        return !open || failed  // a reader that throws leaves the record to the scanner
    }

    func soup(_ fragments: [String], prefix: String, using rng: inout SeededRNG) -> [UInt8] {
        var s = prefix
        for _ in 0..<Int.random(in: 0...80, using: &rng) { s += fragments.randomElement(using: &rng)! }
        return Array(s.utf8)
    }

    @Test func randomSoupNeverBreaksTheVisitorProtocol() {
        var rng = SeededRNG(seed: 99)
        var limits = ReadLimits()
        limits.maxDepth = 16
        limits.maxFieldBytes = 64
        for round in 0..<600 {
            let chunk = Int.random(in: 1...17, using: &rng)
            let h = readDocument(HTMLReader(limits: limits), soup(Self.html, prefix: "", using: &rng), chunkSize: chunk)
            #expect(wellFormed(h.visitor.events, failed: h.error != nil), "html round \(round)")
            let r = readDocument(RTFReader(limits: limits), soup(Self.rtf, prefix: "{\\rtf1 ", using: &rng), chunkSize: chunk)
            #expect(wellFormed(r.visitor.events, failed: r.error != nil), "rtf round \(round)")
            let x = readDocument(XMLDocumentReader(limits: limits), soup(Self.xml, prefix: "<r>", using: &rng), chunkSize: chunk)
            #expect(wellFormed(x.visitor.events, failed: x.error != nil), "xml round \(round)")
        }
    }
}
