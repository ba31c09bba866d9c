import Foundation
import Testing
@testable import BreachScope

/// The assembler remembers the category hits of short column values per document; a value seen
/// again must give the same hits as the first time, in every row, and a value in another column
/// is searched on its own.
@Suite struct CategoryMemoTests {
    /// Scans `files` (name, text) in a fresh workspace, with the rule packs of `rules` (file
    /// name, YAML) added, and returns the revealed persons.
    func scan(_ files: [(String, String)], rules: [(String, String)] = []) throws -> [PersonRow] {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("bs-memo-\(UUID().uuidString)")
        let leak = dir.appendingPathComponent("leak"), packs = dir.appendingPathComponent("rules")
        try FileManager.default.createDirectory(at: leak, withIntermediateDirectories: true)
        try FileManager.default.createDirectory(at: packs, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: dir) }
        for (name, text) in files { try text.write(to: leak.appendingPathComponent(name), atomically: true, encoding: .utf8) }
        for (name, text) in rules { try text.write(to: packs.appendingPathComponent(name), atomically: true, encoding: .utf8) }
        let ws = try Workspace(path: dir.appendingPathComponent("ws").path, create: true,
                               environment: ["BREACHSCOPE_KEY": String(repeating: "3c", count: 32)])
        var options = ScanOptions(roots: files.map { leak.appendingPathComponent($0.0).path })
        if !rules.isEmpty { options.categoryRules = packs.path }
        _ = try Scanner.run(store: ws.store, vault: ws.vault, options: options)
        var rows: [PersonRow] = []
        try PersonExport(store: ws.store, vault: ws.vault).each(reveal: true) { rows.append($0) }
        return rows
    }

    @Test func repeatedColumnValuesKeepTheirCategories() throws {
        // Five customers buy the same product; the last row's product sits in a note instead.
        let rows = try scan([("orders.csv", """
            Isikukood;Nimi;product;note
            38001085718;Mari Tamm;Hand cream 50 ml;
            49403136526;Liis Kask;Hand cream 50 ml;
            37503020213;Jaan Kask;Hand cream 50 ml;
            47706150229;Kati Mets;Hand cream 50 ml;
            39001010229;Peeter Saar;;Hand cream 50 ml
            """)])
        #expect(rows.count == 5)
        let buyers = rows.filter { $0.elements.contains("purchase_history") }.map { $0.identifiers.first?.value ?? "" }.sorted()
        #expect(buyers == ["37503020213", "38001085718", "47706150229", "49403136526"], "\(rows.map(\.elements))")
    }

    /// Columns of numbers, dates and amounts (`order_no`, `quantity`, `Tilausnumero`) are not
    /// searched for special categories: on a million-row table they were most of the search.
    /// A column that a rule names (`columns:` in a user pack) still is, and so is a column whose
    /// bare name may hold an order's contents (`order`).
    @Test func numericColumnsAreNotSearchedUnlessARuleNamesThem() throws {
        // The product words sit where no product is expected: a number column, an order column.
        let orders = """
            Isikukood;Nimi;quantity;order
            38001085718;Mari Tamm;Vaippa M 28 kpl;
            49403136526;Liis Kask;;Vaippa M 28 kpl
            """
        let codes = """
            Isikukood;Nimi;amount
            37503020213;Jaan Kask;HX-77
            """
        let pack = """
            pack: local
            description: a code that lives in the amount column
            rules:
              - id: local-amount-code
                category: health_data
                symbols: [HX-77]
                columns: [amount]
                explain: Our own code.
            """
        var health: [String: Bool] = [:]
        for p in try scan([("orders.csv", orders), ("codes.csv", codes)], rules: [("local.yaml", pack)]) {
            health[p.identifiers.first?.value ?? ""] = p.elements.contains("health_data")
        }
        #expect(health == ["38001085718": false, "49403136526": true, "37503020213": true], "\(health)")
        #expect(FieldClassifier.holdsOnlyNumbers("order_no") && FieldClassifier.holdsOnlyNumbers("Tilausnumero")
                && FieldClassifier.holdsOnlyNumbers("ordered_at") && !FieldClassifier.holdsOnlyNumbers("order")
                && !FieldClassifier.holdsOnlyNumbers("product"))
    }
}
