import Foundation

/// Category hits of short column values already searched in one document: a table column
/// repeats a few values (products, statuses, pharmacies) a million times, and the matcher is a
/// pure function of a value and its column. The column is part of the key and the bytes are
/// kept and compared.
///
/// Flat, for the cache: a table of 16,384 keys (128 KB, at most half full, linear probing)
/// points into entries stored in insertion order, their bytes in one buffer and their hits in
/// another (as the matcher's rule index and place: nothing reference-counted). Lookups of
/// values that never repeat (order numbers, timestamps) touch only the key table. The key is a
/// word-at-a-time hash of column and bytes.
struct CategoryMemoTable {
    private struct Entry {
        var column: Int32
        var length: Int32
        var byteStart: Int32
        var hitStart: Int32
        var hitEnd: Int32
    }
    static let maxBytes = 64
    static let maxEntries = 8192
    private static let tableSize = 16384
    /// Allocated at the first insertion (an empty table costs nothing to make: the assembler
    /// swaps it out of `self` for every record).
    private var keys: [UInt64] = []  // 0: free
    private var slots: [Int32] = []
    private var entries: [Entry] = []
    private var bytes: [UInt8] = []
    private var hits: [CategoryMatcher.RuleHit] = []

    var count: Int { entries.count }

    /// Hash of a column ordinal and a value's bytes, 8 bytes at a time; never 0.
    static func key(_ span: UnsafeBufferPointer<UInt8>, column: Int32) -> UInt64 {
        var h: UInt64 = 0x9E37_79B9_7F4A_7C15 ^ UInt64(UInt32(bitPattern: column)) ^ UInt64(span.count) << 32
        guard let p = span.baseAddress else { return h | 1 }
        let n = span.count
        var i = 0
        while i + 8 <= n {
            h = (h ^ UnsafeRawPointer(p + i).loadUnaligned(as: UInt64.self)) &* 0xBF58_476D_1CE4_E5B9
            h ^= h >> 31
            i += 8
        }
        if i < n {
            var w: UInt64 = 0
            var k = n - 1
            while k >= i { w = w << 8 | UInt64(p[k]); k -= 1 }
            h = (h ^ w) &* 0x94D0_49BB_1331_11EB
            h ^= h >> 29
        }
        return h | 1
    }

    /// The remembered hits of `span` in `column` (indices for `hit(_:)`), or nil.
    func lookup(_ span: UnsafeBufferPointer<UInt8>, column: Int32, key: UInt64) -> Range<Int>? {
        guard !keys.isEmpty else { return nil }
        var s = Int(truncatingIfNeeded: key >> 40) & (Self.tableSize - 1)
        while keys[s] != 0 {
            if keys[s] == key {
                let e = entries[Int(slots[s])]
                if e.column == column && Int(e.length) == span.count,
                   span.isEmpty || bytes.withUnsafeBufferPointer({ b in
                       memcmp(b.baseAddress! + Int(e.byteStart), span.baseAddress!, span.count) == 0
                   }) {
                    return Int(e.hitStart)..<Int(e.hitEnd)
                }
            }
            s = (s + 1) & (Self.tableSize - 1)
        }
        return nil
    }

    func hit(_ i: Int) -> CategoryMatcher.RuleHit { hits[i] }

    /// Remembers the hits of `span` in `column` (once the table holds `maxEntries`, nothing).
    mutating func insert(_ span: UnsafeBufferPointer<UInt8>, column: Int32, key: UInt64, hits found: UnsafeBufferPointer<CategoryMatcher.RuleHit>) {
        guard entries.count < Self.maxEntries, span.count <= Self.maxBytes else { return }
        if keys.isEmpty {
            keys = [UInt64](repeating: 0, count: Self.tableSize)
            slots = [Int32](repeating: 0, count: Self.tableSize)
        }
        var s = Int(truncatingIfNeeded: key >> 40) & (Self.tableSize - 1)
        while keys[s] != 0 { s = (s + 1) & (Self.tableSize - 1) }
        keys[s] = key
        slots[s] = Int32(entries.count)
        entries.append(Entry(column: column, length: Int32(span.count), byteStart: Int32(bytes.count),
                             hitStart: Int32(hits.count), hitEnd: Int32(hits.count + found.count)))
        bytes.append(contentsOf: span)
        hits.append(contentsOf: found)
    }
}
