import Testing
@testable import BreachScope

/// The flat category memo gives back exactly what was put in, per column and bytes, and stops
/// taking entries when full.
@Suite struct CategoryMemoTableTests {
    static func hit(_ rule: String, _ offset: Int) -> CategoryHit {
        CategoryHit(category: .healthData, implies: [.purchaseHistory], ruleID: rule, offset: offset, length: 3)
    }

    @Test func lookupsMatchColumnAndBytes() {
        var memo = CategoryMemoTable()
        func put(_ text: String, _ column: Int32, _ hits: [(hit: CategoryHit, rule: Int64?)]) {
            let b = Array(text.utf8)
            b.withUnsafeBufferPointer { memo.insert($0, column: column, key: CategoryMemoTable.key($0, column: column), hits: hits) }
        }
        func get(_ text: String, _ column: Int32) -> [String]? {
            let b = Array(text.utf8)
            return b.withUnsafeBufferPointer { s in
                memo.lookup(s, column: column, key: CategoryMemoTable.key(s, column: column)).map { r in r.map { "\(memo.hit($0).hit.ruleID)@\(memo.hit($0).hit.offset)/\(memo.hit($0).rule ?? -1)" } }
            }
        }
        put("Insulin pen 3 ml", 2, [(Self.hit("rx.insulin", 0), 7)])
        put("Hand cream 50 ml", 2, [])
        put("Insulin pen 3 ml", 5, [(Self.hit("rx.other", 1), nil), (Self.hit("rx.insulin", 0), 7)])
        #expect(get("Insulin pen 3 ml", 2) == ["rx.insulin@0/7"])
        #expect(get("Insulin pen 3 ml", 5) == ["rx.other@1/-1", "rx.insulin@0/7"])
        #expect(get("Hand cream 50 ml", 2) == [])
        #expect(get("Hand cream 50 ml", 5) == nil)
        #expect(get("Insulin pen 3 ml ", 2) == nil)
        #expect(get("insulin pen 3 ml", 2) == nil)
        #expect(get("", 2) == nil)
        put("", 2, [])
        #expect(get("", 2) == [])
        // Values whose bytes differ only in the last of 8-byte words and in length.
        for n in 1...40 { put(String(repeating: "a", count: n), 1, [(Self.hit("r\(n)", n), Int64(n))]) }
        for n in 1...40 { #expect(get(String(repeating: "a", count: n), 1) == ["r\(n)@\(n)/\(n)"]) }
    }

    @Test func fullTableTakesNoMore() {
        var memo = CategoryMemoTable()
        for i in 0..<(CategoryMemoTable.maxEntries + 100) {
            let b = Array("order \(i)".utf8)
            b.withUnsafeBufferPointer { memo.insert($0, column: 0, key: CategoryMemoTable.key($0, column: 0), hits: []) }
        }
        #expect(memo.count == CategoryMemoTable.maxEntries)
        let first = Array("order 0".utf8), late = Array("order \(CategoryMemoTable.maxEntries + 50)".utf8)
        #expect(first.withUnsafeBufferPointer { memo.lookup($0, column: 0, key: CategoryMemoTable.key($0, column: 0)) } == 0..<0)
        #expect(late.withUnsafeBufferPointer { memo.lookup($0, column: 0, key: CategoryMemoTable.key($0, column: 0)) } == nil)
    }
}
