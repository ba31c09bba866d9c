import Foundation
import GRDB
import Testing
@testable import BreachScope

@Suite struct StoreWriterTests {
    /// Regression: with multi-row inserts, a value repeated within one slice was inserted twice.
    @Test func aValueRepeatedWithinASliceIsStoredOnce() throws {
        let f = try StoreFixture()
        let mail: StoreFixture.Item = (.identifier(.email), "kati@example.ee", .email)
        var records: [[StoreFixture.Item]] = []
        // (Cards, not phones: an address beside 70 people's numbers would be a sender's line.)
        for i in 0..<70 { records.append([mail, (.element(.loyaltyCard), "29000001\(String(format: "%05d", i))", .loyaltyCard)]) }
        try f.document("a.csv", records)
        let count = try f.ws.store.pool.read { db in try Int.fetchOne(db, sql: "SELECT SUM(count) FROM value_box") }
        #expect(count == 71)  // one e-mail, 70 cards
        let persons = try f.persons()
        #expect(persons.count == 1)
        #expect(persons[0].identifiers.count == 1)
    }
}
