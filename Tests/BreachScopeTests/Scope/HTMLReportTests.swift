import Foundation
#if canImport(FoundationXML)
import FoundationXML
#endif
import Testing
@testable import BreachScope

/// A parsed element of the report (the report is XHTML-compatible, so `XMLParser` reads it).
final class XNode {
    let name: String
    let attributes: [String: String]
    var children: [XNode] = []
    var text = ""
    init(_ name: String, _ attributes: [String: String]) { self.name = name; self.attributes = attributes }

    var descendants: [XNode] { children.flatMap { [$0] + $0.descendants } }
    /// All text below this node, in document order.
    var allText: String { text + children.map(\.allText).joined() }
    subscript(_ a: String) -> String? { attributes[a] }
    func first(id: String) -> XNode? { descendants.first { $0["id"] == id } }
    func all(_ name: String) -> [XNode] { descendants.filter { $0.name == name } }
    /// Exact numbers carried in `data-n` below this node, in document order.
    var numbers: [Int] { descendants.compactMap { $0["data-n"].flatMap(Int.init) } }
    var classes: Set<String> { Set((attributes["class"] ?? "").split(separator: " ").map(String.init)) }
}

final class XTreeBuilder: NSObject, XMLParserDelegate {
    var stack: [XNode] = [XNode("#document", [:])]
    var error: Error?
    func parser(_ parser: XMLParser, didStartElement name: String, namespaceURI: String?, qualifiedName: String?, attributes: [String: String]) {
        let n = XNode(name, attributes)
        stack.last!.children.append(n)
        stack.append(n)
    }
    func parser(_ parser: XMLParser, didEndElement name: String, namespaceURI: String?, qualifiedName: String?) { stack.removeLast() }
    // Text is kept only where no child element has started yet or after them, concatenated: enough for cells.
    func parser(_ parser: XMLParser, foundCharacters string: String) {
        let n = stack.last!
        if let last = n.children.last, last.name == "#text" { last.text += string } else {
            let t = XNode("#text", [:]); t.text = string; n.children.append(t)
        }
    }
    func parser(_ parser: XMLParser, parseErrorOccurred parseError: Error) { error = parseError }

    static func parse(_ html: String) throws -> XNode {
        let p = XMLParser(data: Data(html.utf8))
        let b = XTreeBuilder()
        p.delegate = b
        let ok = p.parse()
        if !ok { throw b.error ?? p.parserError ?? CocoaError(.fileReadCorruptFile) }
        return b.stack[0]
    }
}

@Suite struct HTMLReportTests {
    static let hostile = "a<b>&\"c\".csv"
    static let generated = Date(timeIntervalSince1970: 1_740_000_000)  // 2025-02-19 21:20 UTC

    /// A synthetic report shaped like a processor's leak: three controllers, two batches and a
    /// third, special categories, held categories, weak evidence, 230 scanned and 3 bad documents.
    static func sample() -> Report {
        var r = Report()
        r.incident = "Apteekki & Kumppanit customer database leak"
        r.organisation = "Fictitious Logistics Oy"
        r.role = "processor"
        r.awareAt = "2025-02-03"
        for i in 0..<230 {
            r.documents.append(.init(document: String(format: "exports/batch-%03d.csv", i), status: "scanned", reason: nil, format: i % 3 == 0 ? "json" : "csv",
                                     encoding: "utf-8", size: 10_000 + i, records: 100 + i, findings: 300 + i, batch: i < 120 ? "batch1" : "batch2"))
        }
        r.documents.append(.init(document: hostile, status: "failed", reason: "truncated at byte 4,096 <EOF>", format: "csv", encoding: nil,
                                 size: 4096, records: 12, findings: 30, batch: "batch2"))
        r.documents.append(.init(document: "scan.tiff", status: "skipped", reason: "unsupported format (image)", format: nil, encoding: nil,
                                 size: 2_000_000, records: 0, findings: 0, batch: "batch1"))
        r.documents.append(.init(document: "secret.zip", status: "skipped", reason: "encrypted archive", format: "zip", encoding: nil,
                                 size: 77_000, records: 0, findings: 0, batch: "batch3"))
        r.documents.sort { $0.document < $1.document }
        r.files = .init(total: 233, scanned: 230, skipped: 2, failed: 1, pending: 0, bytes: r.documents.reduce(0) { $0 + $1.size })
        r.records = r.documents.reduce(0) { $0 + $1.records }
        r.findings = r.documents.reduce(0) { $0 + $1.findings }
        r.persons = 31_450
        r.personsInConflicts = 14
        r.sharedIdentifiers = 7
        r.elements = [
            .init(element: "name", persons: 31_390, values: nil), .init(element: "national_id", persons: 31_207, values: 31_402),
            .init(element: "email", persons: 28_911, values: 29_034), .init(element: "phone", persons: 20_555, values: 20_601),
            .init(element: "postal_address", persons: 18_000, values: nil), .init(element: "purchase_history", persons: 9_000, values: nil),
            .init(element: "health_data", persons: 412, values: nil), .init(element: "genetic_data", persons: 1, values: nil),
        ]
        r.identifiers = [.init(type: "fi_hetu", values: 31_402, persons: 31_207), .init(type: "email", values: 29_034, persons: 28_911),
                         .init(type: "phone", values: 20_601, persons: 20_555)]
        r.topDocuments = [.init(document: "exports/batch-000.csv", persons: 12_000), .init(document: hostile, persons: 9)]
        let health = Report.CategoryCount(category: "health_data", persons: 412, rules: [
            .init(rule: "products.incontinence", persons: 300, example: "TENA Lady…"),
            .init(rule: "products.glucose_strips", persons: 150, example: "Accu-Chek…")])
        let genetic = Report.CategoryCount(category: "genetic_data", persons: 1, rules: [.init(rule: "hgvs.cdna", persons: 1, example: "c.68_6…")])
        r.categories = [health, genetic]
        r.controllers = [
            .init(id: "hva_pirkanmaa", name: "Pirkanmaan hyvinvointialue", persons: 12_000, exclusive: 11_500,
                  elements: [.init(element: "name", persons: 12_000, values: nil), .init(element: "national_id", persons: 11_980, values: 11_990)],
                  categories: [health], notExposed: ["iban"], rules: [.init(rule: "field.hyvinvointialue", persons: 12_000, example: nil)]),
            .init(id: "hva_lansi_uusimaa", name: "Länsi-Uudenmaan hyvinvointialue & erikoissairaanhoito, a very long official name", persons: 9_000,
                  exclusive: 8_700, elements: [.init(element: "name", persons: 9_000, values: nil)], categories: [], notExposed: ["iban", "prescription"],
                  rules: [.init(rule: "register.customers", persons: 8_990, example: nil), .init(rule: "path.lansi", persons: 10, example: nil)]),
            .init(id: "apteekki", name: "Apteekki & Kumppanit", persons: 10_700, exclusive: 10_400,
                  elements: [.init(element: "email", persons: 10_600, values: 10_650)], categories: [genetic], notExposed: [],
                  rules: [.init(rule: "default", persons: 10_700, example: nil)]),
        ]
        r.overlaps = [.init(a: "hva_pirkanmaa", b: "hva_lansi_uusimaa", persons: 300), .init(a: "hva_pirkanmaa", b: "apteekki", persons: 200)]
        r.unattributed = 57
        r.batches = [
            .init(batch: "batch1", publishedAt: "2025-01-10", documents: 121, newPersons: 20_000, knownWithNewData: 0, unchanged: 0, cumulativePersons: 20_000),
            .init(batch: "batch2", publishedAt: "2025-01-17", documents: 111, newPersons: 9_000, knownWithNewData: 1_200, unchanged: 300, cumulativePersons: 29_000),
            .init(batch: "batch3", publishedAt: nil, documents: 1, newPersons: 2_450, knownWithNewData: 40, unchanged: 10, cumulativePersons: 31_450),
        ]
        r.held = ["national_id", "name", "email", "phone", "iban", "credentials", "prescription"]
        r.notExposed = ["iban", "credentials", "prescription"]
        r.weak = .init(candidates: 48, pending: 5, accepted: 30, rejected: 13, personsOnWeakEvidence: 29)
        r.statements = r.makeStatements()
        return r
    }

    /// Every SVG geometry attribute is a finite number (no NaN from a zero maximum).
    static func coordinatesAreFinite(_ doc: XNode) -> Bool {
        let keys = ["x", "y", "x1", "x2", "y1", "y2", "width", "height", "cx", "cy", "r"]
        for svg in doc.descendants where svg.name == "svg" {
            for n in svg.descendants { for k in keys { if let v = n[k], Double(v)?.isFinite != true { return false } } }
            for p in svg.all("polyline") {
                for c in p["points"]!.split(whereSeparator: { $0 == " " || $0 == "," }) where Double(c)?.isFinite != true { return false }
            }
        }
        return true
    }

    static func rendered(_ r: Report = sample()) throws -> (String, XNode) {
        let html = HTMLReport.render(r, generatedAt: generated)
        // For a look in a browser: BREACHSCOPE_HTML_SAMPLE=/tmp/sample.html swift test --filter HTMLReportTests
        if let out = ProcessInfo.processInfo.environment["BREACHSCOPE_HTML_SAMPLE"], r.persons == 31_450 {
            try? html.write(toFile: out, atomically: true, encoding: .utf8)
        }
        return (html, try XTreeBuilder.parse(html))
    }

    @Test func parsesAsXMLAndNeedsNothingFromOutside() throws {
        let (html, doc) = try Self.rendered()
        #expect(html.hasPrefix("<!DOCTYPE html>"))
        #expect(doc.children.first?.name == "html")
        let lower = html.lowercased()
        for banned in ["<script", "http://", "https://", "url(", "@import", "<img", "<link", "<iframe", "src=", "onload="] {
            #expect(!lower.contains(banned), "found \(banned)")
        }
        #expect(Self.coordinatesAreFinite(doc))
        #expect(doc.all("title").first?.allText == "Scope report: Apteekki & Kumppanit customer database leak")
        #expect(doc.first(id: "findings")?.all("li").map(\.allText) == Self.sample().statements)
        #expect(html.contains("2025-02-19 21:20 UTC"))
        let facts = doc.descendants.first { $0.classes.contains("facts") }!.allText
        #expect(facts.contains("Fictitious Logistics Oy") && facts.contains("processor") && facts.contains("2025-02-03"))
        let categories = doc.first(id: "categories")!.allText
        #expect(categories.contains("inferred by a named rule"))
        #expect(categories.contains("products.incontinence") && categories.contains("TENA Lady…") && categories.contains("c.68_6…"))
    }

    @Test func sectionsComeInOrder() throws {
        let (_, doc) = try Self.rendered()
        #expect(doc.all("section").compactMap { $0["id"] } == ["findings", "summary", "elements", "controllers", "categories", "batches",
                                                                 "not-exposed", "weak-evidence", "identifiers", "top-documents", "documents"])
    }

    @Test func tablesCarryTheReportNumbersExactly() throws {
        let r = Self.sample()
        let (_, doc) = try Self.rendered(r)
        func numbers(_ id: String) -> [Int]? { doc.first(id: id)?.numbers }
        #expect(numbers("summary-table") == [r.persons, r.records, r.findings, 233, 230, 2, 1, 14, 7, r.files.bytes])
        var elementNumbers: [Int] = []
        for e in r.elements { elementNumbers.append(e.persons); if let v = e.values { elementNumbers.append(v) } }
        #expect(numbers("elements-table") == elementNumbers)
        var controllerNumbers: [Int] = []
        for c in r.controllers {
            controllerNumbers += [c.persons, c.exclusive]
            controllerNumbers += c.elements.map(\.persons)
            controllerNumbers += c.categories.map(\.persons)
            controllerNumbers += c.rules.map(\.persons)
        }
        #expect(numbers("controllers-table") == controllerNumbers)
        // Matrix rows/columns in controller order: pirkanmaa, länsi-uusimaa, apteekki; diagonal has no number.
        #expect(numbers("overlaps-table") == [300, 200, 300, 0, 200, 0])
        #expect(numbers("categories-table") == [412, 300, 150, 1, 1])
        #expect(numbers("batches-table") == r.batches.flatMap { [$0.documents, $0.newPersons, $0.knownWithNewData, $0.unchanged, $0.cumulativePersons] })
        #expect(numbers("weak-table") == [48, 5, 30, 13, 29])
        #expect(numbers("identifiers-table") == r.identifiers.flatMap { [$0.values, $0.persons] })
        #expect(numbers("top-documents-table") == [12_000, 9])
        #expect(numbers("problems-table") == [4096, 12, 2_000_000, 0, 77_000, 0])  // failed first, then skipped by name
        #expect(numbers("formats-table") == [154, 153, 0, 1, 0, 77, 77, 0, 0, 0, 1, 0, 1, 0, 0, 1, 0, 1, 0, 0])
        #expect(doc.first(id: "controllers")?.descendants.first { $0.classes.contains("unattributed") }?.numbers == [57])
        // Every printed number is the grouped form of its exact value (sizes print in KiB/MiB).
        for n in doc.descendants where n["data-n"] != nil && n.name != "rect" && n.name != "circle" {
            let text = n.allText, v = Int(n["data-n"]!)!
            #expect(text == Report.grouped(v) || text.hasSuffix("iB") || text.hasSuffix("bytes"), "\(text) vs \(v)")
        }
        #expect(doc.first(id: "summary-table")!.allText.contains("31,450"))
    }

    @Test func scannedDocumentsStopAt200WithANote() throws {
        let (_, doc) = try Self.rendered()
        let table = doc.first(id: "scanned-table")!
        let body = table.all("tbody")[0].children.filter { $0.name == "tr" }
        #expect(body.count == 200)
        #expect(body.first?.children.first { $0.name == "td" }?.allText == "exports/batch-000.csv")
        let more = doc.first(id: "documents")!.descendants.first { $0.classes.contains("more") }
        #expect(more?.numbers == [30])
        #expect(more?.allText.hasPrefix("30 more in the JSON report") == true)
    }

    @Test func escapesWhatComesFromData() throws {
        var r = Self.sample()
        r.documents.append(.init(document: "ctl\u{1}char.csv", status: "failed", reason: "bad\u{7}byte", format: nil, encoding: nil,
                                 size: 1, records: 0, findings: 0, batch: "b"))
        let (html, doc) = try Self.rendered(r)
        #expect(!html.contains("a<b>"))
        #expect(html.contains("a&lt;b&gt;&amp;&quot;c&quot;.csv"))
        let cells = doc.all("td").filter { $0.classes.contains("doc") }.map(\.allText)
        #expect(cells.contains(Self.hostile))
        #expect(cells.contains("ctl\u{FFFD}char.csv"))
        #expect(doc.first(id: "problems-table")!.allText.contains("truncated at byte 4,096 <EOF>"))
        #expect(doc.first(id: "controllers-table")!.allText.contains("Apteekki & Kumppanit"))
        #expect(HTMLMarkup.escape("plain") == "plain")
        #expect(HTMLMarkup.escape("'<&>\"") == "&#39;&lt;&amp;&gt;&quot;")
    }

    @Test func sectionsWithoutDataAreLeftOut() throws {
        var r = Report()
        r.files = .init(total: 1, scanned: 1, bytes: 10)
        r.documents = [.init(document: "one.csv", status: "scanned", reason: nil, format: "csv", encoding: "utf-8", size: 10, records: 1, findings: 1, batch: "b1")]
        r.persons = 1
        r.elements = [.init(element: "email", persons: 1, values: 1)]
        let (html, doc) = try Self.rendered(r)
        #expect(doc.all("section").compactMap { $0["id"] } == ["summary", "elements", "documents"])
        for id in ["overlaps-table", "problems-table", "chart-batches", "chart-controllers", "weak-table", "held-table"] {
            #expect(doc.first(id: id) == nil, "\(id) should be absent")
        }
        #expect(!html.contains("more in the JSON report"))
        // Held categories all found: the section shows, without a "not found" sentence.
        r.held = ["email"]
        let (_, doc2) = try Self.rendered(r)
        #expect(doc2.first(id: "not-exposed")?.allText.contains("Every data category the breached system held was found") == true)
    }

    @Test func notExposedSentenceNamesTheMissingCategories() throws {
        let (_, doc) = try Self.rendered()
        let s = doc.first(id: "not-exposed")!.descendants.first { $0.classes.contains("statement") }!.allText
        #expect(s == "Bank account (IBAN), credentials (passwords) and prescriptions were not found in the leaked data.")
        let status = doc.first(id: "held-table")!.all("tr").dropFirst().map { $0.children.last!.allText }
        #expect(status == ["found", "found", "found", "found", "not found", "not found", "not found"])
    }

    @Test func barWidthsAreProportionalToValues() throws {
        let r = Self.sample()
        let (_, doc) = try Self.rendered(r)
        let rects = doc.first(id: "chart-elements")!.all("rect").filter { $0.classes.contains("bar") }
        #expect(rects.map { Int($0["data-n"]!)! } == r.elements.map(\.persons))
        let widths = rects.map { Double($0["width"]!)! }
        let k = widths[0] / Double(r.elements[0].persons)
        for (w, e) in zip(widths, r.elements) { #expect(abs(w - k * Double(e.persons)) < 0.02, "\(e.element): \(w)") }
        #expect(widths.allSatisfy { $0 <= SVGChart.barWidth - SVGChart.labelWidth - SVGChart.valueRoom })
        #expect(widths.max()! > 300)  // the axis maximum is close to the largest value
        // Each bar row has its full label and exact value in a <title>; long labels are cut with an ellipsis.
        let controllers = doc.first(id: "chart-controllers")!
        #expect(controllers.all("rect").compactMap { $0["data-n"].flatMap(Int.init) } == [12_000, 9_000, 10_700, 57])
        let long = r.controllers[1].name
        #expect(controllers.all("title").contains { $0.allText == "\(long): 9,000" })
        let labels = controllers.all("text").filter { $0.classes.contains("label") }.map(\.allText)
        #expect(labels.contains(String(long.prefix(SVGChart.labelChars - 1)) + "…"))
        #expect(labels.allSatisfy { $0.count <= SVGChart.labelChars })
        #expect(controllers.all("title").first?["id"] == "chart-controllers-title")
        // Documents by outcome: scanned, skipped, failed, pending.
        #expect(doc.first(id: "chart-outcomes")!.all("rect").compactMap { $0["data-n"].flatMap(Int.init) } == [230, 2, 1, 0])
    }

    @Test func timelineHasOneBarPerBatchAndACumulativeLine() throws {
        let r = Self.sample()
        let (_, doc) = try Self.rendered(r)
        let chart = doc.first(id: "chart-batches")!
        let bars = chart.all("rect").filter { $0.classes.contains("bar") }
        #expect(bars.count == r.batches.count)
        #expect(bars.map { Int($0["data-n"]!)! } == r.batches.map(\.newPersons))
        let heights = bars.map { Double($0["height"]!)! }, k = heights[0] / 20_000
        for (h, b) in zip(heights, r.batches) { #expect(abs(h - k * Double(b.newPersons)) < 0.02) }
        let xs = bars.map { Double($0["x"]!)! }
        #expect(xs == xs.sorted() && Set(xs).count == xs.count)
        let points = chart.all("polyline")[0]["points"]!.split(separator: " ")
        #expect(points.count == r.batches.count)
        #expect(chart.all("circle").map { Int($0["data-n"]!)! } == r.batches.map(\.cumulativePersons))
        let ys = points.map { Double($0.split(separator: ",")[1])! }
        #expect(ys == ys.sorted(by: >))  // cumulative rises, so y falls
        let texts = chart.all("text").map(\.allText)
        #expect(texts.contains("2025-01-17") && texts.contains("batch3") && texts.contains("31,450") && texts.contains("2,450"))
    }

    @Test func chartsHandleNoneOneAndZero() throws {
        for svg in [SVGChart.bars(id: "c", title: "t", []), SVGChart.timeline(id: "c", title: "t", [])] {
            let doc = try XTreeBuilder.parse(svg)
            #expect(doc.all("text").map(\.allText) == ["No data"])
            #expect(doc.all("rect").isEmpty)
        }
        let one = try XTreeBuilder.parse(SVGChart.bars(id: "c", title: "t", [.init(label: "x", value: 0)]))
        #expect(one.all("rect").map { $0["width"] } == ["0"])
        let single = try XTreeBuilder.parse(SVGChart.timeline(id: "c", title: "t", [.init(label: "only", date: nil, new: 5, cumulative: 5)]))
        #expect(single.all("rect").filter { $0.classes.contains("bar") }.count == 1)
        let zeros = SVGChart.timeline(id: "c", title: "t", [.init(label: "a", date: nil, new: 0, cumulative: 0), .init(label: "b", date: nil, new: 0, cumulative: 0)])
        #expect(Self.coordinatesAreFinite(try XTreeBuilder.parse(zeros)))
        let many = try XTreeBuilder.parse(SVGChart.timeline(id: "c", title: "t", (0..<60).map { .init(label: "weekly-drop-\($0)", date: "2025-03-01", new: $0, cumulative: $0 * ($0 + 1) / 2) }))
        #expect(many.all("rect").filter { $0.classes.contains("bar") }.count == 60)
        #expect(SVGChart.niceAxis(31_402) == (max: 40_000, step: 10_000))
        #expect(SVGChart.niceAxis(3) == (max: 3, step: 1))
        #expect(SVGChart.niceAxis(0) == (max: 1, step: 1))
    }

    @Test func emptyReportOfAFreshWorkspaceRenders() throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("bs-html-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: dir) }
        let ws = try Workspace(path: dir.path, create: true, environment: ["BREACHSCOPE_KEY": String(repeating: "42", count: 32)])
        let r = try Report.build(store: ws.store, vault: ws.vault)
        let (html, doc) = try Self.rendered(r)
        #expect(doc.all("section").compactMap { $0["id"] } == ["findings", "summary"])
        #expect(!html.contains("<svg"))
        #expect(html.contains("Nothing has been scanned in this workspace yet."))
        let (_, bare) = try Self.rendered(Report())
        #expect(bare.all("section").compactMap { $0["id"] } == ["summary"])
    }
}
