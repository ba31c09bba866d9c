import Foundation
import Testing
@testable import BreachScope

@Suite("CategoryRulePack")
struct CategoryRulePackTests {
    static func tempDir() -> URL {
        let u = FileManager.default.temporaryDirectory.appendingPathComponent("bs-rules-\(UUID().uuidString)")
        try! FileManager.default.createDirectory(at: u, withIntermediateDirectories: true)
        return u
    }

    @Test func shippedPacksLoad() throws {
        let packs = try CategoryMatcher.builtinPacks()
        #expect(Set(packs.map(\.id)) == ["genetics", "diagnoses", "lab", "prescription", "products"])
        let m = try CategoryMatcher(packs: packs)
        #expect(m.rules.count == packs.reduce(0) { $0 + $1.rules.count })
        for r in m.rules { #expect(!r.explain.isEmpty, "\(r.id)") }
        #expect(m.rule("hgvs-variant")?.category == .geneticData)
    }

    /// (yaml, expected error text).
    static let bad: [(String, String)] = [
        ("pack: x\nrules:\n  - id: foo\n    category: bar\n    terms: [abc]\n    explain: e\n",
         "categories/x.yaml, rule 'foo': unknown category 'bar'"),
        ("pack: x\nrules:\n  - id: foo\n    category: name\n    terms: [abc]\n    explain: e\n",
         "categories/x.yaml, rule 'foo': unknown category 'name'"),
        ("pack: x\nrules:\n  - id: foo\n    category: health_data\n    match: regex\n    explain: e\n",
         "categories/x.yaml, rule 'foo': unknown matcher 'regex'"),
        ("pack: x\nrules:\n  - id: foo\n    category: health_data\n    terms: [abc]\n    symbols: [ABC]\n    explain: e\n",
         "categories/x.yaml, rule 'foo': needs exactly one of 'match', 'terms', 'symbols'"),
        ("pack: x\nrules:\n  - id: foo\n    category: health_data\n    terms: [a]\n    explain: e\n",
         "categories/x.yaml, rule 'foo': term 'a' must be at least two bytes"),
        ("pack: x\nrules:\n  - id: foo\n    category: health_data\n    terms: [abc]\n",
         "categories/x.yaml, rule 'foo': missing 'explain'"),
        ("pack: x\nrules:\n  - id: foo\n    category: health_data\n    terms: [abc]\n    explain: e\n  - id: foo\n    category: health_data\n    terms: [abd]\n    explain: e\n",
         "categories/x.yaml, rule 'foo': duplicate rule id"),
        ("pack: x\nrules:\n  - id: foo\n    category: health_data\n    implies: [purchase]\n    terms: [abc]\n    explain: e\n",
         "categories/x.yaml, rule 'foo': unknown category 'purchase'"),
        ("pack: x\nrules: [1, 2\n", "categories/x.yaml: invalid YAML"),
        ("rules: []\n", "categories/x.yaml: missing 'pack' id"),
    ]

    @Test("bad packs name file and rule", arguments: bad.indices)
    func badPack(_ k: Int) {
        let (yaml, message) = Self.bad[k]
        do {
            _ = try CategoryRulePack.parse(yaml, source: "categories/x.yaml")
            Issue.record("accepted: \(yaml)")
        } catch {
            #expect("\(error)".hasPrefix(message), "\(error)")
        }
    }

    @Test func loadFromFileNamesTheFile() throws {
        let dir = Self.tempDir()
        defer { try? FileManager.default.removeItem(at: dir) }
        let url = dir.appendingPathComponent("mine.yaml")
        try "pack: mine\nrules:\n  - id: r1\n    category: cure\n    terms: [abc]\n    explain: e\n".write(to: url, atomically: true, encoding: .utf8)
        #expect(throws: CategoryRuleError.self) { try CategoryRulePack.load(url) }
        do { _ = try CategoryRulePack.load(url) } catch {
            #expect("\(error)" .hasPrefix("\(dir.lastPathComponent)/mine.yaml, rule 'r1': unknown category 'cure'"))
        }
    }

    @Test func userPacksAddToBuiltinOnes() throws {
        let dir = Self.tempDir()
        defer { try? FileManager.default.removeItem(at: dir) }
        try """
        pack: local-products
        description: A pharmacy's own catalogue
        rules:
          - id: local-compression-stockings
            category: health_data
            implies: [purchase_history, delivery_info]
            terms: [kompressioonsukad, compression stocking*]
            explain: Compression stockings are prescribed for venous disease.
        """.write(to: dir.appendingPathComponent("local.yaml"), atomically: true, encoding: .utf8)
        try "not a pack".write(to: dir.appendingPathComponent("README.txt"), atomically: true, encoding: .utf8)
        let m = try CategoryMatcher.builtin(adding: dir)
        let found = CategoryTest.found("Compression stockings and TENA Slip", matcher: m)
        #expect(found == ["local-compression-stockings:Compression stockings", "product-incontinence-brand:TENA"])
        let h = CategoryTest.hits("kompressioonsukad", matcher: m)
        #expect(h.first?.implies == [.purchaseHistory, .deliveryInfo])
    }

    @Test func duplicateRuleIDsAcrossPacksAreAnError() throws {
        let dir = Self.tempDir()
        defer { try? FileManager.default.removeItem(at: dir) }
        try "pack: clash\nrules:\n  - id: hgvs-variant\n    category: genetic_data\n    terms: [xyzzy]\n    explain: e\n"
            .write(to: dir.appendingPathComponent("clash.yaml"), atomically: true, encoding: .utf8)
        do {
            _ = try CategoryMatcher.builtin(adding: dir)
            Issue.record("duplicate accepted")
        } catch {
            #expect("\(error)".hasPrefix("\(dir.lastPathComponent)/clash.yaml, rule 'hgvs-variant': duplicate rule id (also in categories/genetics.yaml)"), "\(error)")
        }
    }

    @Test func conditionsCombine() throws {
        let pack = CategoryRulePack(id: "t", rules: [
            CategoryRule(id: "sym", category: .labResult, pattern: .symbols(["XQ"]), context: ["kontekst"], columns: ["labor"], explain: "e"),
            CategoryRule(id: "num", category: .labResult, pattern: .symbols(["ZQ"]), nearNumber: 4, explain: "e"),
            CategoryRule(id: "with", category: .labResult, pattern: .symbols(["WQ"]), with: [.labResult], explain: "e"),
            CategoryRule(id: "short-prefix", category: .healthData, pattern: .terms(["qv*", "kvx*"]), explain: "e"),
        ])
        let m = try CategoryMatcher(packs: [pack])
        #expect(CategoryTest.found("XQ", matcher: m).isEmpty)
        #expect(CategoryTest.found("XQ kontekst", matcher: m) == ["sym:XQ"])
        #expect(CategoryTest.found("XQ", column: "Laboratory", matcher: m) == ["sym:XQ"])
        #expect(CategoryTest.found("ZQ 12", matcher: m) == ["num:ZQ"])
        #expect(CategoryTest.found("ZQ is 12", matcher: m).isEmpty)
        #expect(CategoryTest.found("WQ", matcher: m).isEmpty)
        #expect(CategoryTest.found("WQ ZQ 1", matcher: m) == ["with:WQ", "num:ZQ"])
        // Prefix terms shorter than the 4-byte word key run to the end of the word.
        #expect(CategoryTest.found("QVARTZ kvxy kv qv", matcher: m) == ["short-prefix:QVARTZ", "short-prefix:kvxy", "short-prefix:qv"])
        #expect(CategoryTest.found("ZQ 1 WQ", matcher: m) == ["num:ZQ", "with:WQ"])
        #expect(m.columns(for: "LABOR_VALUE") != .none)
        #expect(m.columns(for: nil) == .none)
    }
}
