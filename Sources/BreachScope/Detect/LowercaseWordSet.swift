/// A fixed set of lower-case words, asked whether a span of bytes lower-cased is one of them:
/// the span's 64-bit FNV-1a hash (`NameDetector.fnvLowercased`, no copy of the span) is looked up
/// in an open-addressing table (no `Set`, whose SipHash cost too much on checks that run for
/// every name and every e-mail address). Two different words of a real text sharing a 64-bit
/// hash is out of reach in practice.
struct LowercaseWordSet: Sendable {
    /// Hashes by slot, 0 for an empty slot; the size is a power of two, at least twice the words.
    private let slots: [UInt64]

    init(_ words: some Collection<[UInt8]>) {
        var size = 16
        while size < 2 * words.count { size *= 2 }
        var slots = [UInt64](repeating: 0, count: size)
        for w in words {
            let h = w.withUnsafeBufferPointer { NameDetector.fnv($0) }
            var slot = Int(truncatingIfNeeded: h) & (size - 1)
            while slots[slot] != 0 && slots[slot] != h { slot = (slot + 1) & (size - 1) }
            slots[slot] = h
        }
        self.slots = slots
    }

    /// Whether `t[start..<end]`, lower-cased as `NameDetector.lowercaseInPlace` does, is a word
    /// of the set.
    func contains(_ t: UnsafeBufferPointer<UInt8>, _ start: Int, _ end: Int) -> Bool {
        contains(hash: NameDetector.fnvLowercased(t, start, end))
    }

    /// Whether a word whose `NameDetector.fnvLowercased` hash is `h` is in the set (one hash
    /// probed in several sets).
    func contains(hash h: UInt64) -> Bool {
        slots.withUnsafeBufferPointer { slots in
            let mask = slots.count - 1
            var slot = Int(truncatingIfNeeded: h) & mask
            while slots[slot] != 0 {
                if slots[slot] == h { return true }
                slot = (slot + 1) & mask
            }
            return false
        }
    }
}
