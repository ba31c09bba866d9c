/// A map from keyed hash to a number (value id, index), with open addressing and linear probing.
///
/// `Dictionary<ValueHash, _>` runs SipHash over 16 bytes that are already uniformly random (an
/// HMAC), and it is the writer's and assembler's hottest table on dense data (millions of
/// distinct values). Here the hash's own bits pick the slot.
struct ValueHashMap {
    private var his: [UInt64]
    private var los: [UInt64]
    private var values: [Int64]
    /// Slot in use; a separate array keeps the all-zero hash a valid key.
    private var used: [Bool]
    private var mask: Int
    private(set) var count = 0

    init(capacity: Int = 16) {
        var n = 16
        while n < capacity * 2 { n <<= 1 }
        his = [UInt64](repeating: 0, count: n)
        los = his
        values = [Int64](repeating: 0, count: n)
        used = [Bool](repeating: false, count: n)
        mask = n - 1
    }

    @inline(__always) private func slot(_ h: ValueHash) -> Int { Int(truncatingIfNeeded: h.lo ^ (h.hi >> 17)) & mask }

    subscript(_ h: ValueHash) -> Int64? {
        var i = slot(h)
        while used[i] {
            if his[i] == h.hi && los[i] == h.lo { return values[i] }
            i = (i + 1) & mask
        }
        return nil
    }

    /// Sets the number for `h` (replacing an earlier one).
    mutating func set(_ h: ValueHash, _ v: Int64) {
        if (count + 1) * 2 > his.count { grow() }
        var i = slot(h)
        while used[i] {
            if his[i] == h.hi && los[i] == h.lo { values[i] = v; return }
            i = (i + 1) & mask
        }
        used[i] = true; his[i] = h.hi; los[i] = h.lo; values[i] = v
        count += 1
    }

    /// Empties the map, keeping its storage.
    mutating func removeAll() {
        guard count > 0 else { return }
        for i in used.indices { used[i] = false }
        count = 0
    }

    private mutating func grow() {
        var bigger = ValueHashMap(capacity: his.count)
        for i in used.indices where used[i] { bigger.set(ValueHash(hi: his[i], lo: los[i]), values[i]) }
        self = bigger
    }
}
