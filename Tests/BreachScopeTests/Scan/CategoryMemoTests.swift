import Foundation
import Testing
@testable import BreachScope

/// The assembler remembers the category hits of short column values per document; a value seen
/// again must give the same hits as the first time, in every row, and a value in another column
/// is searched on its own.
@Suite struct CategoryMemoTests {
    @Test func repeatedColumnValuesKeepTheirCategories() throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("bs-memo-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: dir) }
        // Five customers buy the same product; the last row's product sits in a note instead.
        try """
            Isikukood;Nimi;product;note
            38001085718;Mari Tamm;Hand cream 50 ml;
            49403136526;Liis Kask;Hand cream 50 ml;
            37503020213;Jaan Kask;Hand cream 50 ml;
            47706150229;Kati Mets;Hand cream 50 ml;
            39001010229;Peeter Saar;;Hand cream 50 ml
            """.write(to: dir.appendingPathComponent("orders.csv"), atomically: true, encoding: .utf8)
        let ws = try Workspace(path: dir.appendingPathComponent("ws").path, create: true,
                               environment: ["BREACHSCOPE_KEY": String(repeating: "3c", count: 32)])
        _ = try Scanner.run(store: ws.store, vault: ws.vault, options: ScanOptions(roots: [dir.appendingPathComponent("orders.csv").path]))
        var rows: [PersonRow] = []
        try PersonExport(store: ws.store, vault: ws.vault).each(reveal: true) { rows.append($0) }
        #expect(rows.count == 5)
        let buyers = rows.filter { $0.elements.contains("purchase_history") }.map { $0.identifiers.first?.value ?? "" }.sorted()
        #expect(buyers == ["37503020213", "38001085718", "47706150229", "49403136526"], "\(rows.map(\.elements))")
    }

    /// Columns of numbers, dates and amounts (`order_no`, `quantity`, `Tilausnumero`) are not
    /// searched for special categories: on a million-row table they were most of the search.
    /// A column that a rule names (`columns:` in a user pack) still is, and so is a column whose
    /// bare name may hold an order's contents (`order`).
    @Test func numericColumnsAreNotSearchedUnlessARuleNamesThem() throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("bs-numcol-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: dir) }
        // The product words sit where no product is expected: a number column, an order column.
        try """
            Isikukood;Nimi;quantity;order
            38001085718;Mari Tamm;Vaippa M 28 kpl;
            49403136526;Liis Kask;;Vaippa M 28 kpl
            """.write(to: dir.appendingPathComponent("orders.csv"), atomically: true, encoding: .utf8)
        let rules = dir.appendingPathComponent("rules")
        try FileManager.default.createDirectory(at: rules, withIntermediateDirectories: true)
        try """
            pack: local
            description: a code that lives in the amount column
            rules:
              - id: local-amount-code
                category: health_data
                symbols: [HX-77]
                columns: [amount]
                explain: Our own code.
            """.write(to: rules.appendingPathComponent("local.yaml"), atomically: true, encoding: .utf8)
        try """
            Isikukood;Nimi;amount
            37503020213;Jaan Kask;HX-77
            """.write(to: dir.appendingPathComponent("codes.csv"), atomically: true, encoding: .utf8)
        let ws = try Workspace(path: dir.appendingPathComponent("ws").path, create: true,
                               environment: ["BREACHSCOPE_KEY": String(repeating: "3c", count: 32)])
        var options = ScanOptions(roots: [dir.appendingPathComponent("orders.csv").path, dir.appendingPathComponent("codes.csv").path])
        options.categoryRules = rules.path
        _ = try Scanner.run(store: ws.store, vault: ws.vault, options: options)
        var health: [String: Bool] = [:]
        try PersonExport(store: ws.store, vault: ws.vault).each(reveal: true) {
            health[$0.identifiers.first?.value ?? ""] = $0.elements.contains("health_data")
        }
        #expect(health == ["38001085718": false, "49403136526": true, "37503020213": true], "\(health)")
        #expect(FieldClassifier.holdsOnlyNumbers("order_no") && FieldClassifier.holdsOnlyNumbers("Tilausnumero")
                && FieldClassifier.holdsOnlyNumbers("ordered_at") && !FieldClassifier.holdsOnlyNumbers("order")
                && !FieldClassifier.holdsOnlyNumbers("product"))
    }
}
