#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// A map from keyed hash to a number (value id, index), with open addressing and linear probing.
///
/// `Dictionary<ValueHash, _>` runs SipHash over 16 bytes that are already uniformly random (an
/// HMAC), and it is the writer's hottest table on dense data (millions of distinct values).
/// Here the hash's own bits pick the slot, and a slot holds the key and its number together (24
/// bytes, one cache miss per lookup). At most 3/4 full: 4.25M values take 8M slots, 192 MB.
///
/// A slot stores `number ^ Int64.min`, so a slot of zero bytes is free (`Int64.min` cannot be
/// stored) and a new table needs no pass that marks its slots free: large tables come straight
/// from `mmap` (zero pages, touched as they fill) in 2 MiB huge pages where the kernel allows
/// them. Growing a table of millions of slots was mostly page faults of 4 KiB pages (440 of the
/// 660 samples of `grow` on the dense-wide corpus).
struct ValueHashMap {
    fileprivate struct Slot {
        var hi: UInt64
        var lo: UInt64
        var stored: Int64  // number ^ Int64.min; 0: free
    }
    private var table: SlotTable
    private var mask: Int
    private(set) var count = 0
    /// Where `warm` leaves what it loaded (so the loads are not optimised away).
    private var warmed: Int64 = 0

    init(capacity: Int = 16) {
        var n = 16
        while n * 3 < capacity * 4 + 4 { n <<= 1 }
        table = SlotTable(count: n)
        mask = n - 1
    }

    @inline(__always) private func slot(_ h: ValueHash) -> Int { Int(truncatingIfNeeded: h.lo ^ (h.hi >> 17)) & mask }

    subscript(_ h: ValueHash) -> Int64? {
        let s = table.slots
        var i = slot(h)
        while s[i].stored != 0 {
            if s[i].hi == h.hi && s[i].lo == h.lo { return s[i].stored ^ Int64.min }
            i = (i + 1) & mask
        }
        return nil
    }

    /// Sets the number for `h` (replacing an earlier one).
    mutating func set(_ h: ValueHash, _ v: Int64) {
        let (i, present) = slotForWriting(h, v)
        if present { table.slots[i].stored = v ^ Int64.min }
    }

    /// The number stored for `h`; if there is none, stores `v` for it and returns nil. One walk
    /// of the probe sequence, where a lookup and then `set` walked it twice for a new value.
    mutating func findOrInsert(_ h: ValueHash, _ v: Int64) -> Int64? {
        let (i, present) = slotForWriting(h, v)
        return present ? table.slots[i].stored ^ Int64.min : nil
    }

    /// The slot holding `h` (`present`), or the free slot where `h` is now stored with `v`; the
    /// table grown and unshared first.
    @inline(__always)
    private mutating func slotForWriting(_ h: ValueHash, _ v: Int64) -> (slot: Int, present: Bool) {
        precondition(v != Int64.min, "Int64.min marks a free slot")
        if (count + 1) * 4 > (mask + 1) * 3 { grow() }
        if !isKnownUniquelyReferenced(&table) { table = table.copy() }
        let s = table.slots
        var i = slot(h)
        while s[i].stored != 0 {
            if s[i].hi == h.hi && s[i].lo == h.lo { return (i, true) }
            i = (i + 1) & mask
        }
        s[i] = Slot(hi: h.hi, lo: h.lo, stored: v ^ Int64.min)
        count += 1
        return (i, false)
    }

    /// Loads the first slot of each hash before a loop looks them up: independent loads overlap
    /// their cache misses, while a lookup loop waits for each miss in turn (a map of millions of
    /// values misses on nearly every lookup).
    mutating func warm<C: Sequence>(_ hashes: C) where C.Element == ValueHash {
        var acc: Int64 = 0
        let s = table.slots
        for h in hashes { acc &+= s[slot(h)].stored }
        warmed &+= acc
    }

    /// Empties the map, keeping its storage.
    mutating func removeAll() {
        guard count > 0 else { return }
        if !isKnownUniquelyReferenced(&table) { table = SlotTable(count: mask + 1); count = 0; return }
        memset(table.slots, 0, (mask + 1) * MemoryLayout<Slot>.stride)
        count = 0
    }

    private mutating func grow() {
        let old = table, oldCount = mask + 1
        let n = oldCount * 2
        table = SlotTable(count: n)
        mask = n - 1
        let s = table.slots
        for j in 0..<oldCount where old.slots[j].stored != 0 {
            let e = old.slots[j]
            var i = slot(ValueHash(hi: e.hi, lo: e.lo))
            while s[i].stored != 0 { i = (i + 1) & mask }
            s[i] = e
        }
    }
}

/// The slots of a `ValueHashMap`, zeroed: from `calloc` when small, from `mmap` (2 MiB aligned,
/// huge pages advised) when large.
private final class SlotTable {
    let slots: UnsafeMutablePointer<ValueHashMap.Slot>
    let count: Int
    private let mapped: Int  // bytes mapped, 0 when from calloc
    private static let huge = 2 << 20

    init(count: Int) {
        self.count = count
        let bytes = count * MemoryLayout<ValueHashMap.Slot>.stride
        #if os(Linux)
        if bytes >= Self.huge {
            // Over-map by 2 MiB to align the start, then unmap the slack on both sides.
            let length = (bytes + Self.huge - 1) / Self.huge * Self.huge
            if let raw = mmap(nil, length + Self.huge, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0), raw != MAP_FAILED {
                let address = Int(bitPattern: raw)
                let start = (address + Self.huge - 1) / Self.huge * Self.huge
                if start > address { munmap(raw, start - address) }
                let end = address + length + Self.huge
                if end > start + length { munmap(UnsafeMutableRawPointer(bitPattern: start + length), end - (start + length)) }
                let p = UnsafeMutableRawPointer(bitPattern: start)!
                _ = madvise(p, length, MADV_HUGEPAGE)
                slots = p.bindMemory(to: ValueHashMap.Slot.self, capacity: count)
                mapped = length
                return
            }
        }
        #endif
        slots = calloc(count, MemoryLayout<ValueHashMap.Slot>.stride)!.bindMemory(to: ValueHashMap.Slot.self, capacity: count)
        mapped = 0
    }

    func copy() -> SlotTable {
        let t = SlotTable(count: count)
        t.slots.update(from: slots, count: count)
        return t
    }

    deinit {
        #if os(Linux)
        if mapped > 0 { munmap(UnsafeMutableRawPointer(slots), mapped); return }
        #endif
        free(slots)
    }
}
