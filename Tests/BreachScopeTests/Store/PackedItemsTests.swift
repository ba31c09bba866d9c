import Testing
@testable import BreachScope

@Suite struct PackedItemsTests {
    @Test func roundTripsItemsWithLargeAndNegativeDeltas() {
        let items = [
            PackedItems.Item(valueID: 1, code: 0, field: -1, line: 10, offset: 1000),
            PackedItems.Item(valueID: 9_000_000_000, code: 255, field: 3, line: 12, offset: 5_000_000_000),
            PackedItems.Item(valueID: 0, code: 10, field: 0, line: 9, offset: 990),
        ]
        let blob = PackedItems.encode(items, recordLine: 10, recordOffset: 1000)
        var back: [PackedItems.Item] = []
        blob.withUnsafeBytes { PackedItems.decode($0, recordLine: 10, recordOffset: 1000) { back.append($0) } }
        #expect(back == items)
    }
}
