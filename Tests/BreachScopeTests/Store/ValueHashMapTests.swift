import Testing
@testable import BreachScope

@Suite struct ValueHashMapTests {
    /// Agrees with a Dictionary over many keys, including keys that collide on their slot bits
    /// and the all-zero hash, through growth and after `removeAll`.
    @Test func behavesLikeADictionary() {
        var rng = SystemRandomNumberGenerator()
        var map = ValueHashMap()
        var reference: [ValueHash: Int64] = [:]
        // Same low bits, different high bits: they all probe the same slot first.
        var keys = (0..<500).map { ValueHash(hi: UInt64($0) << 40, lo: 7) }
        keys += (0..<20_000).map { _ in ValueHash(hi: rng.next(), lo: rng.next()) }
        keys.append(ValueHash(hi: 0, lo: 0))
        for (i, k) in keys.enumerated() {
            map.set(k, Int64(i)); reference[k] = Int64(i)
        }
        for (i, k) in keys.enumerated() where i % 3 == 0 { map.set(k, -Int64(i)); reference[k] = -Int64(i) }
        #expect(map.count == reference.count)
        for k in keys { #expect(map[k] == reference[k]) }
        #expect(map[ValueHash(hi: 1, lo: 1)] == nil)
        map.removeAll()
        #expect(map.count == 0)
        #expect(map[keys[0]] == nil)
        #expect(map[ValueHash(hi: 0, lo: 0)] == nil)
        map.set(keys[5], 42)
        #expect(map[keys[5]] == 42)
        #expect(map.count == 1)
        // Warming the slots changes nothing.
        map.warm(keys)
        #expect(map[keys[5]] == 42)
        #expect(map[keys[6]] == nil)
    }

    /// A map sized for n values holds them.
    @Test func sizedUpFront() {
        var map = ValueHashMap(capacity: 3_000)
        var rng = SystemRandomNumberGenerator()
        let keys = (0..<3_000).map { _ in ValueHash(hi: rng.next(), lo: rng.next()) }
        for (i, k) in keys.enumerated() { map.set(k, Int64(i)) }
        #expect(map.count == 3_000)
        for (i, k) in keys.enumerated() { #expect(map[k] == Int64(i)) }
    }
}
