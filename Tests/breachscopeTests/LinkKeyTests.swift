import Foundation
import Testing

/// Rows without identifiers (purchases) join their owners through a shared card or customer
/// number, whatever the two files call the column.
@Suite struct LinkKeyTests {
    @Test func purchasesJoinCustomersThroughCardNumbers() throws {
        let fm = FileManager.default
        let dir = try CLIRunner.temporaryDirectory("links")
        defer { try? fm.removeItem(at: dir) }
        // 100000000123 is no payment card (Luhn fails): a loyalty card under a "card_no" header.
        try Data("""
            isikukood;nimi;card_no;payment card
            49403136526;Kati Kask;100000000123;4111 1111 1111 1111
            38001085718;Jaan Tamm;100000000456;
            """.utf8).write(to: dir.appendingPathComponent("customers.csv"))
        try Data("""
            {"kliendikaart": "100000000123", "toode": "Vitamiin D3", "tellimus": "ORD-1"}
            {"kliendikaart": "100000000999", "toode": "Hambapasta", "tellimus": "ORD-2"}
            """.utf8).write(to: dir.appendingPathComponent("purchases.ndjson"))
        try Data("card,amount\n4111-1111-1111-1111,12.50\n".utf8).write(to: dir.appendingPathComponent("payments.csv"))

        let cli = CLIRunner(workspace: CLIRunner.temporaryWorkspace())
        defer { try? fm.removeItem(at: cli.workspace) }
        #expect(try cli.run(["scan", dir.path, "--quiet"]).status == 0)
        let lines = try cli.run(["persons", "--reveal"]).stdout.split(separator: "\n").map(String.init)
        #expect(lines.count == 2, "the unknown card 100000000999 is nobody: \(lines)")
        let kati = try #require(lines.first { $0.contains("Kati Kask") })
        #expect(kati.contains("\"elements\":[\"national_id\",\"name\",\"purchase_history\",\"loyalty_card\",\"payment_card\"]"), "\(kati)")
        #expect(kati.contains("\"documents\":[\"customers.csv\",\"payments.csv\",\"purchases.ndjson\"]"), "\(kati)")
        let jaan = try #require(lines.first { $0.contains("Jaan Tamm") })
        #expect(jaan.contains("\"documents\":[\"customers.csv\"]"))
    }
}
