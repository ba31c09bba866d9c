/// A map from keyed hash to a number (value id, index), with open addressing and linear probing.
///
/// `Dictionary<ValueHash, _>` runs SipHash over 16 bytes that are already uniformly random (an
/// HMAC), and it is the writer's hottest table on dense data (millions of distinct values).
/// Here the hash's own bits pick the slot, and a slot holds the key and its number together (24
/// bytes, one cache miss per lookup; `Int64.min` marks a free slot, so it cannot be stored). At
/// most 3/4 full: 4.25M values take 8M slots, 192 MB.
struct ValueHashMap {
    private struct Slot {
        var hi: UInt64
        var lo: UInt64
        var value: Int64
    }
    private static let free = Int64.min
    private var slots: [Slot]
    private var mask: Int
    private(set) var count = 0
    /// Where `warm` leaves what it loaded (so the loads are not optimised away).
    private var warmed: Int64 = 0

    init(capacity: Int = 16) {
        var n = 16
        while n * 3 < capacity * 4 + 4 { n <<= 1 }
        slots = [Slot](repeating: Slot(hi: 0, lo: 0, value: Self.free), count: n)
        mask = n - 1
    }

    @inline(__always) private func slot(_ h: ValueHash) -> Int { Int(truncatingIfNeeded: h.lo ^ (h.hi >> 17)) & mask }

    subscript(_ h: ValueHash) -> Int64? {
        slots.withUnsafeBufferPointer { s in
            var i = slot(h)
            while s[i].value != Self.free {
                if s[i].hi == h.hi && s[i].lo == h.lo { return s[i].value }
                i = (i + 1) & mask
            }
            return nil
        }
    }

    /// Sets the number for `h` (replacing an earlier one).
    mutating func set(_ h: ValueHash, _ v: Int64) {
        precondition(v != Self.free, "Int64.min marks a free slot")
        if (count + 1) * 4 > slots.count * 3 { grow() }
        let mask = mask
        var i = slot(h)
        let added: Bool = slots.withUnsafeMutableBufferPointer { s in
            while s[i].value != Self.free {
                if s[i].hi == h.hi && s[i].lo == h.lo { s[i].value = v; return false }
                i = (i + 1) & mask
            }
            s[i] = Slot(hi: h.hi, lo: h.lo, value: v)
            return true
        }
        if added { count += 1 }
    }

    /// Loads the first slot of each hash before a loop looks them up: independent loads overlap
    /// their cache misses, while a lookup loop waits for each miss in turn (a map of millions of
    /// values misses on nearly every lookup).
    mutating func warm<C: Sequence>(_ hashes: C) where C.Element == ValueHash {
        var acc: Int64 = 0
        slots.withUnsafeBufferPointer { s in
            for h in hashes { acc &+= s[slot(h)].value }
        }
        warmed &+= acc
    }

    /// Empties the map, keeping its storage.
    mutating func removeAll() {
        guard count > 0 else { return }
        for i in slots.indices { slots[i].value = Self.free }
        count = 0
    }

    private mutating func grow() {
        var bigger = ValueHashMap(capacity: slots.count)
        for s in slots where s.value != Self.free { bigger.set(ValueHash(hi: s.hi, lo: s.lo), s.value) }
        self = bigger
    }
}
