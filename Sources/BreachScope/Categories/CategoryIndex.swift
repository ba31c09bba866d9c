/// The category matcher's hot tables in flat, manually allocated memory, so the scan loop does
/// no reference counting. At each word start the first four bytes are loaded, case-folded and cut
/// at the first non-word byte (the *word key*: `TSH 2` → `tsh\0`, `Hemoglobiin` → `hemo`); then
/// 1. an 8 KB bloom filter over the word keys of every term and symbol says whether any can start,
/// 2. an open-addressing table maps the key to the entries sharing it (longest first), which are
///    compared byte by byte (terms case-folded, symbols as written).
/// Code matchers (`hgvs`, `icd10`, …) are gated by an 8 KB bit table over the raw byte pair.
/// Immutable after `init`.
final class CategoryIndex: @unchecked Sendable {
    struct FlatEntry {
        var bytesStart: Int32
        var bytesCount: Int32
        var ruleStart: Int32
        var ruleCount: Int32
        var contextMask: UInt64
        var wordEnd: Bool
        var folded: Bool
        /// A `prefix*` term: the match runs on to the end of the word.
        var extends: Bool
    }

    /// Code gate: bit set for raw byte pairs where a code matcher can start.
    let any: UnsafeMutablePointer<UInt64>
    let foldTable: UnsafeMutablePointer<UInt8>
    let bloom: UnsafeMutablePointer<UInt64>
    let slotKeys: UnsafeMutablePointer<UInt64>
    let slotRanges: UnsafeMutablePointer<UInt32>
    let slotMask: Int
    let entries: UnsafeMutablePointer<FlatEntry>
    let bytes: UnsafeMutablePointer<UInt8>
    let ruleIDs: UnsafeMutablePointer<Int32>
    let codeKinds: UnsafeMutablePointer<CategoryCodeMatcher>
    let codeRules: UnsafeMutablePointer<Int32>
    let codeCount: Int
    /// Some prefix term (`gen*`) is shorter than four bytes: shorter keys must be tried too.
    let shortPrefix: Bool

    /// The word key of a folded entry: its first four bytes, cut at the first non-word byte.
    static func wordKey(_ folded: [UInt8]) -> UInt32 {
        var key: UInt32 = 0
        for k in 0..<min(4, folded.count) {
            guard UTF8Fold.isWord(folded[k]) else { break }
            key |= UInt32(folded[k]) << UInt32(8 * k)
        }
        return key
    }

    /// Word bytes before the first non-word byte (at most 4).
    static func leadingWordBytes(_ b: [UInt8]) -> Int {
        var k = 0
        while k < min(4, b.count) && UTF8Fold.isWord(b[k]) { k += 1 }
        return k
    }

    init(terms: [CategoryMatcher.Entry], symbols: [CategoryMatcher.Entry], hgvs: [Int32], upper: [(CategoryCodeMatcher, Int32)], rsid: [Int32]) {
        let tagged = terms.map { ($0, true) } + symbols.map { ($0, false) }
        let all = tagged.map { (e: $0.0, folded: $0.1, key: CategoryIndex.wordKey(UTF8Fold.fold($0.0.bytes))) }
            .sorted { a, b in
                if a.key != b.key { return a.key < b.key }
                if a.e.bytes.count != b.e.bytes.count { return a.e.bytes.count > b.e.bytes.count }
                return a.e.bytes.lexicographicallyPrecedes(b.e.bytes)
            }
        entries = .allocate(capacity: max(1, all.count))
        bytes = .allocate(capacity: max(1, all.reduce(0) { $0 + $1.e.bytes.count }))
        ruleIDs = .allocate(capacity: max(1, all.reduce(0) { $0 + $1.e.rules.count }))
        var slots = 64
        while slots < all.count * 4 { slots *= 2 }
        slotMask = slots - 1
        slotKeys = .allocate(capacity: slots)
        slotKeys.initialize(repeating: 0, count: slots)
        slotRanges = .allocate(capacity: slots)
        slotRanges.initialize(repeating: 0, count: slots)
        bloom = .allocate(capacity: 1024)
        bloom.initialize(repeating: 0, count: 1024)
        var short = false
        var bo = 0, ro = 0
        for (k, item) in all.enumerated() {
            let e = item.e
            for (j, b) in e.bytes.enumerated() { bytes[bo + j] = b }
            for (j, r) in e.rules.enumerated() { ruleIDs[ro + j] = r }
            (entries + k).initialize(to: FlatEntry(bytesStart: Int32(bo), bytesCount: Int32(e.bytes.count), ruleStart: Int32(ro),
                                                  ruleCount: Int32(e.rules.count), contextMask: e.contextMask,
                                                  wordEnd: e.wordEnd, folded: item.folded,
                                                  extends: !e.wordEnd && UTF8Fold.isWord(e.bytes[e.bytes.count - 1])))
            bo += e.bytes.count
            ro += e.rules.count
            let key = item.key
            let extends = !e.wordEnd && UTF8Fold.isWord(e.bytes[e.bytes.count - 1])
            // `gen*`: a prefix shorter than the key length needs the slow path's shorter keys.
            if extends && CategoryIndex.leadingWordBytes(e.bytes) < 4 && CategoryIndex.leadingWordBytes(e.bytes) == e.bytes.count { short = true }
            let h = CategoryIndex.hash(key)
            bloom[h >> 6] |= 1 << UInt64(h & 63)
            // Slot: the key (never 0: entries start with a word byte), range = start << 8 | count (≤ 255).
            let tag = UInt64(key)
            var s = h & slotMask
            while slotKeys[s] != 0 && slotKeys[s] != tag { s = (s + 1) & slotMask }
            if slotKeys[s] == 0 { slotKeys[s] = tag; slotRanges[s] = UInt32(k) << 8 }
            if slotRanges[s] & 0xFF < 0xFF { slotRanges[s] += 1 }
        }
        shortPrefix = short

        let codes: [(CategoryCodeMatcher, Int32)] = hgvs.map { (.hgvs, $0) } + upper + rsid.map { (.rsid, $0) }
        codeCount = codes.count
        codeKinds = .allocate(capacity: max(1, codes.count))
        codeRules = .allocate(capacity: max(1, codes.count))
        for (k, c) in codes.enumerated() {
            (codeKinds + k).initialize(to: c.0)
            codeRules[k] = c.1
        }
        foldTable = .allocate(capacity: 256 + 192 + 128)
        for b in 0..<256 { foldTable[b] = UTF8Fold.ascii[b] }
        for c in 0..<192 { foldTable[256 + c] = UTF8Fold.continuation[c] }
        for c in 0..<128 { foldTable[448 + c] = UTF8Fold.cyrillic[c] }

        any = .allocate(capacity: 1024)
        any.initialize(repeating: 0, count: 1024)
        for b0 in 0..<256 {
            for b1 in 0..<256 {
                var code = false
                if !hgvs.isEmpty && b1 == 0x2E && (b0 == 0x63 || b0 == 0x67 || b0 == 0x6E || b0 == 0x6D || b0 == 0x72 || b0 == 0x70) { code = true }
                if !upper.isEmpty && (b0 &- 0x41) < 26 && (b1 &- 0x30) < 10 { code = true }
                if !rsid.isEmpty && b0 == 0x72 && b1 == 0x73 { code = true }
                let key = b0 << 8 | b1
                if code { any[key >> 6] |= 1 << UInt64(key & 63) }
            }
        }
    }

    /// `UTF8Fold.fold` over this index's own copy of the tables (no lazy globals in the loop).
    @inline(__always)
    func fold(_ prev: UInt8, _ b: UInt8) -> UInt8 {
        if b < 0x80 { return foldTable[Int(b)] }
        if b < 0xC0 {
            if prev >= 0xC3 && prev <= 0xC5 { return foldTable[256 &+ Int(prev - 0xC3) &* 64 &+ Int(b - 0x80)] }
            if prev == 0xD0 || prev == 0xD1 { return foldTable[448 &+ Int(prev - 0xD0) &* 64 &+ Int(b - 0x80)] }
            return b
        }
        return b == 0xD1 ? 0xD0 : b
    }

    @inline(__always)
    static func hash(_ key: UInt32) -> Int { Int((key &* 0x9E37_79B1) >> 16) }

    @inline(__always)
    func inBloom(_ key: UInt32) -> Bool {
        let h = CategoryIndex.hash(key)
        return bloom[h >> 6] & (1 << UInt64(h & 63)) != 0
    }

    /// Whether some term or symbol can start with word key `k`.
    @inline(__always)
    func candidate(_ k: UInt32) -> Bool {
        if inBloom(k) { return true }
        return shortPrefix && (inBloom(k & 0xFF_FFFF) || inBloom(k & 0xFFFF))
    }

    /// The word key at `pos`: four bytes, case-folded, cut at the first non-word byte.
    @inline(__always)
    func key(_ p: UnsafePointer<UInt8>, _ n: Int, _ pos: Int) -> UInt32 {
        if pos + 4 <= n {
            let k = UInt32(littleEndian: UnsafeRawPointer(p + pos).loadUnaligned(as: UInt32.self))
            if k & 0x8080_8080 == 0 { return CategoryIndex.asciiKey(k) }
        }
        return slowKey(p, n, pos)
    }

    /// The word key of four ASCII bytes (SWAR, no branches).
    @inline(__always)
    static func asciiKey(_ raw: UInt32) -> UInt32 {
        let digit = (raw &+ 0x5050_5050) & ~(raw &+ 0x4646_4646)
        let y = raw | 0x2020_2020
        let letter = (y &+ 0x1F1F_1F1F) & ~(y &+ 0x0505_0505)
        let upper = (raw &+ 0x3F3F_3F3F) & ~(raw &+ 0x2525_2525) & 0x8080_8080
        let nonWord = ~(digit | letter) & 0x8080_8080
        // Keep the bytes before the first non-word byte (all four when there is none).
        let lowest = nonWord & (0 &- nonWord)
        return (raw | upper >> 2) & ((lowest >> 7) &- 1)
    }

    @inline(never)
    func slowKey(_ p: UnsafePointer<UInt8>, _ n: Int, _ pos: Int) -> UInt32 {
        var prev: UInt8 = 0
        var k: UInt32 = 0
        for j in 0..<min(4, n - pos) {
            let b = p[pos + j]
            guard UTF8Fold.isWord(b) else { break }
            k |= UInt32(fold(prev, b)) << UInt32(8 * j)
            prev = b
        }
        return k
    }

    /// Entry range (start << 8 | count) for a word key, 0 if none.
    @inline(__always)
    func range(_ key: UInt32) -> UInt32 {
        let tag = UInt64(key)
        var s = CategoryIndex.hash(key) & slotMask
        while true {
            let v = slotKeys[s]
            if v == tag { return slotRanges[s] }
            if v == 0 { return 0 }
            s = (s + 1) & slotMask
        }
    }

    @inline(__always) static func isSpace(_ b: UInt8) -> Bool { b == 0x20 || b == 0x09 || b == 0x0A || b == 0x0D }

    /// Length of entry `e` at `pos`, or 0. A space in a term matches any run of whitespace.
    @inline(__always)
    func compare(_ e: FlatEntry, _ p: UnsafePointer<UInt8>, _ n: Int, _ pos: Int) -> Int {
        var j = pos
        var prev: UInt8 = 0
        let t = bytes + Int(e.bytesStart)
        for k in 0..<Int(e.bytesCount) {
            let tb = t[k]
            if tb == 0x20 {
                guard j < n, CategoryIndex.isSpace(p[j]) else { return 0 }
                while j < n && CategoryIndex.isSpace(p[j]) { j += 1 }
                prev = 0x20
                continue
            }
            guard j < n else { return 0 }
            let b = p[j]
            if (e.folded ? fold(prev, b) : b) != tb { return 0 }
            prev = b
            j += 1
        }
        if e.wordEnd && j < n && UTF8Fold.isWord(p[j]) { return 0 }
        if e.extends { while j < n && UTF8Fold.isWord(p[j]) { j += 1 } }
        return j - pos
    }

    deinit {
        any.deallocate(); foldTable.deallocate(); bloom.deallocate()
        slotKeys.deallocate(); slotRanges.deallocate()
        entries.deallocate(); bytes.deallocate(); ruleIDs.deallocate()
        codeKinds.deallocate(); codeRules.deallocate()
    }
}
