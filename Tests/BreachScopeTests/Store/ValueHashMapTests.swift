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
        var keys = (0..<500).map { ValueHash(hi: UInt64($0) << 40, lo: 7 << 32) }
        keys += (0..<20_000).map { _ in ValueHash(hi: rng.next(), lo: rng.next()) }
        keys.append(ValueHash(hi: 0, lo: 0))
        for (i, k) in keys.enumerated() {
            map.set(k, Int64(i)); reference[k] = Int64(i)
        }
        for (i, k) in keys.enumerated() where i % 3 == 0 { map.set(k, ValueHashMap.maxNumber - Int64(i)); reference[k] = ValueHashMap.maxNumber - Int64(i) }
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

    /// `findOrInsert` returns what is stored, or stores the new number once: the same map as
    /// a lookup followed by `set` for each new key, through growth and colliding slots.
    @Test func findOrInsertIsLookupThenSet() {
        var rng = SystemRandomNumberGenerator()
        var one = ValueHashMap(), two = ValueHashMap()
        var keys = (0..<300).map { ValueHash(hi: UInt64($0) << 40, lo: 9) }
        keys += (0..<50_000).map { _ in ValueHash(hi: rng.next(), lo: rng.next()) }
        keys += keys.shuffled().prefix(20_000)   // repeats
        var next: Int64 = 1
        for k in keys {
            let found = one.findOrInsert(k, next)
            let expected = two[k]
            #expect(found == expected)
            if expected == nil { two.set(k, next); next += 1 }
        }
        #expect(one.count == two.count)
        #expect(keys.allSatisfy { one[$0] == two[$0] })
        var shared = one
        #expect(shared.findOrInsert(ValueHash(hi: 5, lo: 5), 99) == nil)
        #expect(one[ValueHash(hi: 5, lo: 5)] == nil && shared[ValueHash(hi: 5, lo: 5)] == 99)   // copies stay apart
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

    /// Past 2 MiB of slots the table comes from mmap: 200,000 keys grow through both kinds of
    /// storage, numbers 0 and the largest included, and `removeAll` empties a mapped table.
    @Test func largeTablesFromMmap() {
        var rng = SystemRandomNumberGenerator()
        var map = ValueHashMap()
        let keys = (0..<200_000).map { _ in ValueHash(hi: rng.next(), lo: rng.next()) }
        func number(_ i: Int) -> Int64 { i == 1 ? ValueHashMap.maxNumber : Int64(i) }
        for (i, k) in keys.enumerated() { map.set(k, number(i)) }
        #expect(map.count == keys.count)
        var wrong = 0
        for (i, k) in keys.enumerated() where map[k] != number(i) { wrong += 1 }
        #expect(wrong == 0)
        #expect(map[ValueHash(hi: 1, lo: 2)] == nil)
        map.removeAll()
        #expect(map.count == 0)
        #expect(keys.prefix(1_000).allSatisfy { map[$0] == nil })
        map.set(keys[7], 7)
        #expect(map[keys[7]] == 7)
    }

    /// A copy is a value: changing one map leaves the other as it was (small and mapped tables).
    @Test func copiesAreIndependent() {
        for n in [100, 150_000] {
            var a = ValueHashMap()
            let keys = (0..<n).map { ValueHash(hi: UInt64($0) &* 0x9E37_79B9_7F4A_7C15, lo: UInt64($0)) }
            for (i, k) in keys.enumerated() { a.set(k, Int64(i)) }
            var b = a
            b.set(keys[0], 5_000_000)
            b.set(ValueHash(hi: 3, lo: 3), 3)
            #expect(a[keys[0]] == 0 && a[ValueHash(hi: 3, lo: 3)] == nil && a.count == n)
            #expect(b[keys[0]] == 5_000_000 && b[ValueHash(hi: 3, lo: 3)] == 3 && b.count == n + 1)
            var c = a
            c.removeAll()
            #expect(c.count == 0 && c[keys[1]] == nil && a[keys[1]] == 1)
        }
    }

    /// Growth moves the full table by steps: while a move is under way, keys inserted before the
    /// growth (moved or not yet), keys inserted during it, repeats and `set` all agree with a
    /// Dictionary, and a copy taken mid-move goes its own way.
    @Test func growsByStepsAndStaysCorrectMidMove() {
        var rng = SystemRandomNumberGenerator()
        var map = ValueHashMap()
        var reference: [ValueHash: Int64] = [:]
        var keys: [ValueHash] = []
        var movesSeen = 0, checkedMidMove = 0
        var next: Int64 = 1
        for n in 0..<120_000 {
            // Every 7th key repeats an earlier one; a run of keys shares its first slot.
            let k = n % 7 == 3 && !keys.isEmpty ? keys[Int.random(in: 0..<keys.count, using: &rng)]
                : n % 1_000 < 20 ? ValueHash(hi: UInt64(n) << 40, lo: 11) : ValueHash(hi: rng.next(), lo: rng.next())
            let found = map.findOrInsert(k, next)
            #expect(found == reference[k])
            if found == nil { reference[k] = next; keys.append(k); next += 1 }
            if map.isMoving {
                movesSeen += 1
                if n % 389 == 0 {   // everything is findable mid-move, through both tables
                    checkedMidMove += 1
                    #expect(keys.allSatisfy { map[$0] == reference[$0] })
                    #expect(map[ValueHash(hi: 3, lo: 4)] == nil)
                    var copy = map
                    copy.set(keys[0], ValueHashMap.maxNumber)
                    #expect(copy.findOrInsert(ValueHash(hi: 8, lo: 8), 5) == nil)
                    #expect(map[keys[0]] == reference[keys[0]] && map[ValueHash(hi: 8, lo: 8)] == nil)
                    #expect(copy[keys[0]] == ValueHashMap.maxNumber && copy[ValueHash(hi: 8, lo: 8)] == 5 && copy.count == map.count + 1)
                }
            }
        }
        #expect(movesSeen > 0 && checkedMidMove > 0)
        #expect(map.count == reference.count)
        #expect(keys.allSatisfy { map[$0] == reference[$0] })
        map.warm(keys.prefix(100))
        // `set` on a key still in the old table.
        while !map.isMoving { _ = map.findOrInsert(ValueHash(hi: rng.next(), lo: rng.next()), 1) }
        map.set(keys[1], 77)
        #expect(map[keys[1]] == 77 && !map.isMoving)
        map.removeAll()
        #expect(map.count == 0 && map[keys[1]] == nil)
    }

    /// A slot keeps 96 of the hash's bits: hashes that differ in their high word or in the upper
    /// half of their low word are different keys, also when they start on the same slot.
    @Test func keysDifferInTheirHighWordOrTheUpperHalfOfTheLowWord() {
        var map = ValueHashMap()
        let base = ValueHash(hi: 0x1234_5678_9ABC_DEF0, lo: 0x0FED_CBA9_8765_4321)
        let upperLow = ValueHash(hi: base.hi, lo: base.lo ^ 1 << 32)
        let highWord = ValueHash(hi: base.hi ^ 1 << 63, lo: base.lo)   // same first slot in small tables
        #expect(map.findOrInsert(base, 1) == nil)
        #expect(map.findOrInsert(upperLow, 2) == nil)
        #expect(map.findOrInsert(highWord, 3) == nil)
        #expect(map[base] == 1 && map[upperLow] == 2 && map[highWord] == 3 && map.count == 3)
        #expect(map.findOrInsert(base, 9) == 1)
    }
}
