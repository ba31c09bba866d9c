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
}
