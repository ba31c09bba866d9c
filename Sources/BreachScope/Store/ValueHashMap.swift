#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// A map from keyed hash to a number (value id, index), with open addressing and linear probing.
///
/// `Dictionary<ValueHash, _>` runs SipHash over 16 bytes that are already uniformly random (an
/// HMAC), and it is the writer's hottest table on dense data (millions of distinct values).
/// Here the hash's own bits pick the slot, and a slot holds the key and its number together in
/// 16 bytes: the hash's high word, the upper half of its low word, and the number (0 up to
/// 2³² − 2, value ids) in the lower half. So 96 of the hash's 128 bits tell two values apart:
/// two different values of one workspace share them with a probability of about n²/2⁹⁷
/// (10⁻¹⁴ for 10⁸ values), and an HMAC's bits cannot be aimed without the key. At most 3/4
/// full: 4.25M values take 8M slots, 128 MB (it was 24 bytes a slot, 192 MB, before session 15).
///
/// A slot whose number half is zero is free (numbers are stored plus one), so a new table needs
/// no pass that marks its slots free: large tables come straight from `mmap` (zero pages,
/// touched as they fill) in 2 MiB huge pages where the kernel allows them. Growing a table of
/// millions of slots was mostly page faults of 4 KiB pages (440 of the 660 samples of `grow` on
/// the dense-wide corpus).
///
/// The map grows by steps: a full table becomes `old`, and each later insertion moves the next
/// `moveRun` of its slots into the new table (twice the size) until all are moved. Moving a
/// table of 4M slots at once took the writer 0.25–0.35 s, in which the workers filled the
/// writer's queue and waited: one core idle, or, when it came at the end of the scan, the whole
/// scan waiting for it. Now the work is spread over the next insertions, and a move still
/// unfinished when the map is dropped is never done. While a table is being moved, a key is
/// either in the new table (moved, or inserted since) or in the unmoved part of `old`, so a
/// lookup tries the new table first and then `old`.
struct ValueHashMap {
    /// 16 bytes: the hash's high word, and its low word's upper half with `number + 1` in the
    /// lower half (0 there: a free slot). Four slots share a cache line, so a probe walk
    /// mostly stays in the line `warm` loaded.
    fileprivate struct Slot {
        var hi: UInt64
        var rest: UInt64
        @inline(__always) var isFree: Bool { UInt32(truncatingIfNeeded: rest) == 0 }
        @inline(__always) var number: Int64 { Int64(rest & 0xFFFF_FFFF) - 1 }
        @inline(__always) func holds(_ h: ValueHash) -> Bool { hi == h.hi && (rest ^ h.lo) >> 32 == 0 }
        @inline(__always) init(_ h: ValueHash, _ number: Int64) {
            hi = h.hi
            rest = h.lo & 0xFFFF_FFFF_0000_0000 | UInt64(number + 1)
        }
    }
    /// The largest number a map holds (value ids of one workspace: 4,294,967,294).
    static let maxNumber = Int64(UInt32.max) - 1
    private var table: SlotTable
    private var mask: Int
    /// While the map grows: the previous table, read only; its slots below `moved` are in
    /// `table` already.
    private var old: SlotTable?
    private var oldMask = 0
    private var moved = 0
    /// Keys in `table` (the others are in `old`'s unmoved slots).
    private var inTable = 0
    private(set) var count = 0
    /// Whether a full table is still being moved into a larger one (for tests).
    var isMoving: Bool { old != nil }
    /// Where `warm` leaves what it loaded (so the loads are not optimised away).
    private var warmed: UInt64 = 0
    /// Slots of `old` moved per insertion: a table of n slots is moved within n/16
    /// insertions, long before the new one (2n slots, 3n/8 full at most when the move began)
    /// fills to 3/4.
    static let moveRun = 16

    init(capacity: Int = 16) {
        var n = 16
        while n * 3 < capacity * 4 + 4 { n <<= 1 }
        table = SlotTable(count: n)
        mask = n - 1
    }

    /// From the high word only: a slot keeps it whole, so a move can place the slot again.
    @inline(__always) private static func slot(_ hi: UInt64, _ mask: Int) -> Int {
        Int(truncatingIfNeeded: hi ^ (hi >> 29)) & mask
    }

    /// The slot holding `h` in `s`, or nil.
    @inline(__always)
    private static func find(_ h: ValueHash, in s: UnsafeMutablePointer<Slot>, mask: Int) -> Int? {
        var i = slot(h.hi, mask)
        while !s[i].isFree {
            if s[i].holds(h) { return i }
            i = (i + 1) & mask
        }
        return nil
    }

    subscript(_ h: ValueHash) -> Int64? {
        if let i = Self.find(h, in: table.slots, mask: mask) { return table.slots[i].number }
        if let o = old, let i = Self.find(h, in: o.slots, mask: oldMask) { return o.slots[i].number }
        return nil
    }

    /// Sets the number for `h` (replacing an earlier one). Finishes a move in progress first (only
    /// the loading of stored values sets; the scan's writer uses `findOrInsert`).
    mutating func set(_ h: ValueHash, _ v: Int64) {
        if old != nil { unshare(); finishMove() }
        let (i, present) = slotForWriting(h, v)
        if present { table.slots[i] = Slot(h, v) }
    }

    /// The number stored for `h`; if there is none, stores `v` for it and returns nil. One walk
    /// of the probe sequence, where a lookup and then `set` walked it twice for a new value.
    mutating func findOrInsert(_ h: ValueHash, _ v: Int64) -> Int64? {
        let (i, present) = slotForWriting(h, v)
        guard present else { return nil }
        return i >= 0 ? table.slots[i].number : old!.slots[~i].number
    }

    /// The slot holding `h` (`present`: in `table`, or `~slot` in `old`), or the free slot of
    /// `table` where `h` is now stored with `v`; the table grown, unshared and moved on first.
    @inline(__always)
    private mutating func slotForWriting(_ h: ValueHash, _ v: Int64) -> (slot: Int, present: Bool) {
        precondition(v >= 0 && v <= Self.maxNumber, "a map holds numbers 0...\(Self.maxNumber)")
        unshare()
        if (inTable + 1) * 4 > (mask + 1) * 3 { grow() } else if old != nil { moveSome() }
        let s = table.slots
        var i = Self.slot(h.hi, mask)
        while !s[i].isFree {
            if s[i].holds(h) { return (i, true) }
            i = (i + 1) & mask
        }
        if let o = old, let j = Self.find(h, in: o.slots, mask: oldMask) { return (~j, true) }
        s[i] = Slot(h, v)
        inTable += 1
        count += 1
        return (i, false)
    }

    /// Makes `table` this map's own (a copy of the map shares it). `old` is only read, so it
    /// may stay shared.
    @inline(__always) private mutating func unshare() {
        if !isKnownUniquelyReferenced(&table) { table = table.copy() }
    }

    /// Loads the first slot of each hash before a loop looks them up: independent loads overlap
    /// their cache misses, while a lookup loop waits for each miss in turn (a map of millions of
    /// values misses on nearly every lookup). While a table is being moved, a new key is looked
    /// for in both, so both are loaded.
    mutating func warm<C: Sequence>(_ hashes: C) where C.Element == ValueHash {
        var acc: UInt64 = 0
        let s = table.slots
        if let o = old {
            for h in hashes { acc &+= s[Self.slot(h.hi, mask)].rest &+ o.slots[Self.slot(h.hi, oldMask)].rest }
        } else {
            for h in hashes { acc &+= s[Self.slot(h.hi, mask)].rest }
        }
        warmed &+= acc
    }

    /// Empties the map, keeping its storage.
    mutating func removeAll() {
        guard count > 0 else { return }
        old = nil
        inTable = 0
        count = 0
        if !isKnownUniquelyReferenced(&table) { table = SlotTable(count: mask + 1); return }
        memset(table.slots, 0, (mask + 1) * MemoryLayout<Slot>.stride)
    }

    /// Starts moving a full table into one twice its size.
    private mutating func grow() {
        if old != nil { finishMove() }
        old = table
        oldMask = mask
        moved = 0
        table = SlotTable(count: (mask + 1) * 2)
        mask = mask * 2 + 1
        inTable = 0
        moveSome()
    }

    /// Moves the next `moveRun` slots of `old`.
    private mutating func moveSome() { move(upTo: min(moved + Self.moveRun, oldMask + 1)) }

    private mutating func finishMove() { move(upTo: oldMask + 1) }

    /// Moves `old`'s slots from `moved` to `end` into `table`; drops `old` once all are moved.
    private mutating func move(upTo end: Int) {
        guard let o = old else { return }
        let from = o.slots, s = table.slots
        var j = moved, added = 0
        while j < end {
            let e = from[j]
            if !e.isFree {
                var i = Self.slot(e.hi, mask)
                while !s[i].isFree { i = (i + 1) & mask }
                s[i] = e
                added += 1
            }
            j += 1
        }
        inTable += added
        moved = j
        if j > oldMask { old = nil }
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
