import Testing
@testable import BreachScope

/// The flat category memo gives back exactly what was put in, per column and bytes, and stops
/// taking entries when full.
@Suite struct CategoryMemoTableTests {
    static func hit(_ rule: Int32, _ offset: Int32) -> CategoryMatcher.RuleHit {
        CategoryMatcher.RuleHit(rule: rule, offset: offset, length: 3)
    }

    @Test func lookupsMatchColumnAndBytes() {
        var memo = CategoryMemoTable()
        func put(_ text: String, _ column: Int32, _ hits: [CategoryMatcher.RuleHit]) {
            let b = Array(text.utf8)
            b.withUnsafeBufferPointer { s in
                hits.withUnsafeBufferPointer { memo.insert(s, column: column, key: CategoryMemoTable.key(s, column: column), hits: $0) }
            }
        }
        func get(_ text: String, _ column: Int32) -> [String]? {
            let b = Array(text.utf8)
            return b.withUnsafeBufferPointer { s in
                memo.lookup(s, column: column, key: CategoryMemoTable.key(s, column: column)).map { r in r.map { "r\(memo.hit($0).rule)@\(memo.hit($0).offset)/\(memo.hit($0).length)" } }
            }
        }
        put("Insulin pen 3 ml", 2, [Self.hit(7, 0)])
        put("Hand cream 50 ml", 2, [])
        put("Insulin pen 3 ml", 5, [Self.hit(9, 1), Self.hit(7, 0)])
        #expect(get("Insulin pen 3 ml", 2) == ["r7@0/3"])
        #expect(get("Insulin pen 3 ml", 5) == ["r9@1/3", "r7@0/3"])
        #expect(get("Hand cream 50 ml", 2) == [])
        #expect(get("Hand cream 50 ml", 5) == nil)
        #expect(get("Insulin pen 3 ml ", 2) == nil)
        #expect(get("insulin pen 3 ml", 2) == nil)
        #expect(get("", 2) == nil)
        put("", 2, [])
        #expect(get("", 2) == [])
        // Values whose bytes differ only in the last of 8-byte words and in length.
        for n in 1...40 { put(String(repeating: "a", count: n), 1, [Self.hit(Int32(n), Int32(n))]) }
        for n in 1...40 { #expect(get(String(repeating: "a", count: n), 1) == ["r\(n)@\(n)/3"]) }
    }

    @Test func fullTableTakesNoMore() {
        var memo = CategoryMemoTable()
        for i in 0..<(CategoryMemoTable.maxEntries + 100) {
            let b = Array("order \(i)".utf8)
            b.withUnsafeBufferPointer { memo.insert($0, column: 0, key: CategoryMemoTable.key($0, column: 0), hits: UnsafeBufferPointer(start: nil, count: 0)) }
        }
        #expect(memo.count == CategoryMemoTable.maxEntries)
        let first = Array("order 0".utf8), late = Array("order \(CategoryMemoTable.maxEntries + 50)".utf8)
        #expect(first.withUnsafeBufferPointer { memo.lookup($0, column: 0, key: CategoryMemoTable.key($0, column: 0)) } == 0..<0)
        #expect(late.withUnsafeBufferPointer { memo.lookup($0, column: 0, key: CategoryMemoTable.key($0, column: 0)) } == nil)
    }
}
