/// The category matcher's hot tables in flat, manually allocated memory, so the scan loop does
/// no reference counting. Three filters, cheapest first:
/// 1. an 8 KB bit table over the raw byte pair at a word start (can anything start here?),
/// 2. a 16 KB bloom filter over the first 2, 3 or 4 case-folded bytes of every term and symbol,
/// 3. an open-addressing table from those prefixes to the entries sharing them (longest first),
///    which are then compared byte by byte (terms case-folded, symbols as written).
/// Code matchers (`hgvs`, `icd10`, …) are gated by a 64 KB flag table instead. Immutable after `init`.
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

    let any: UnsafeMutablePointer<UInt64>
    let flags: UnsafeMutablePointer<UInt8>
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
    /// Entries of 2 or 3 bytes exist; `open2`/`open3`: some of them need no word end after them.
    let has2: Bool, has3: Bool, open2: Bool, open3: Bool

    static func prefix(_ folded: [UInt8]) -> (key: UInt32, cls: Int) {
        var key: UInt32 = 0
        for k in 0..<min(4, folded.count) { key |= UInt32(folded[k]) << UInt32(8 * k) }
        return (key, min(4, folded.count))
    }

    init(terms: [CategoryMatcher.Entry], symbols: [CategoryMatcher.Entry], hgvs: [Int32], upper: [(CategoryCodeMatcher, Int32)], rsid: [Int32]) {
        let tagged = terms.map { ($0, true) } + symbols.map { ($0, false) }
        let all = tagged.map { (e: $0.0, folded: $0.1, p: CategoryIndex.prefix(UTF8Fold.fold($0.0.bytes))) }
            .sorted { a, b in
                if a.p.cls != b.p.cls { return a.p.cls > b.p.cls }
                if a.p.key != b.p.key { return a.p.key < b.p.key }
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
        bloom = .allocate(capacity: 2048)
        bloom.initialize(repeating: 0, count: 2048)
        var h2 = false, h3 = false, o2 = false, o3 = false
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
            let (key, cls) = item.p
            if cls == 2 { h2 = true; if !e.wordEnd { o2 = true } }
            if cls == 3 { h3 = true; if !e.wordEnd { o3 = true } }
            let h = CategoryIndex.hash(key, cls)
            bloom[h >> 6] |= 1 << UInt64(h & 63)
            // Slot: key tagged with its class (never 0), range = start << 8 | count (≤ 255).
            let tag = UInt64(cls) << 32 | UInt64(key)
            var s = CategoryIndex.hash(key, cls) & slotMask
            while slotKeys[s] != 0 && slotKeys[s] != tag { s = (s + 1) & slotMask }
            if slotKeys[s] == 0 { slotKeys[s] = tag; slotRanges[s] = UInt32(k) << 8 }
            if slotRanges[s] & 0xFF < 0xFF { slotRanges[s] += 1 }
        }
        (has2, has3, open2, open3) = (h2, h3, o2, o3)

        let codes: [(CategoryCodeMatcher, Int32)] = hgvs.map { (.hgvs, $0) } + upper + rsid.map { (.rsid, $0) }
        codeCount = codes.count
        codeKinds = .allocate(capacity: max(1, codes.count))
        codeRules = .allocate(capacity: max(1, codes.count))
        for (k, c) in codes.enumerated() {
            (codeKinds + k).initialize(to: c.0)
            codeRules[k] = c.1
        }
        foldTable = .allocate(capacity: 256 + 192)
        for b in 0..<256 { foldTable[b] = UTF8Fold.ascii[b] }
        for c in 0..<192 { foldTable[256 + c] = UTF8Fold.continuation[c] }

        // Folded first byte pairs of all entries (a space also stands for tab/CR/LF).
        var pairs = [Bool](repeating: false, count: 65536)
        for item in all {
            let f = UTF8Fold.fold(item.e.bytes)
            pairs[Int(f[0]) << 8 | Int(f[1])] = true
        }
        any = .allocate(capacity: 1024)
        any.initialize(repeating: 0, count: 1024)
        flags = .allocate(capacity: 65536)
        flags.initialize(repeating: 0, count: 65536)
        for b0 in 0..<256 {
            for b1 in 0..<256 {
                var f: UInt8 = 0
                let f0 = Int(UTF8Fold.fold(0, UInt8(b0))) << 8
                let s1 = (b1 == 0x09 || b1 == 0x0A || b1 == 0x0D) ? 0x20 : Int(UTF8Fold.fold(UInt8(b0), UInt8(b1)))
                if pairs[f0 | s1] { f |= CategoryMatcher.termFlag }
                if !hgvs.isEmpty && b1 == 0x2E && (b0 == 0x63 || b0 == 0x67 || b0 == 0x6E || b0 == 0x6D || b0 == 0x72 || b0 == 0x70) {
                    f |= CategoryMatcher.hgvsFlag
                }
                if !upper.isEmpty && (b0 &- 0x41) < 26 && (b1 &- 0x30) < 10 { f |= CategoryMatcher.codeFlag }
                if !rsid.isEmpty && b0 == 0x72 && b1 == 0x73 { f |= CategoryMatcher.rsidFlag }
                let key = b0 << 8 | b1
                flags[key] = f
                if f != 0 { any[key >> 6] |= 1 << UInt64(key & 63) }
            }
        }
    }

    /// `UTF8Fold.fold` over this index's own copy of the tables (no lazy globals in the loop).
    @inline(__always)
    func fold(_ prev: UInt8, _ b: UInt8) -> UInt8 {
        if b < 0x80 { return foldTable[Int(b)] }
        if b < 0xC0 && prev >= 0xC3 && prev <= 0xC5 { return foldTable[256 &+ Int(prev - 0xC3) &* 64 &+ Int(b - 0x80)] }
        return b
    }

    @inline(__always)
    static func hash(_ key: UInt32, _ cls: Int) -> Int {
        let m: UInt32 = cls == 4 ? 0x9E37_79B1 : (cls == 3 ? 0x85EB_CA77 : 0xC2B2_AE3D)
        return Int((key &* m) >> 15)
    }

    @inline(__always)
    func inBloom(_ key: UInt32, _ cls: Int) -> Bool {
        let h = CategoryIndex.hash(key, cls)
        return bloom[h >> 6] & (1 << UInt64(h & 63)) != 0
    }

    /// The first four bytes at `pos`, case-folded, whitespace as a space; zero-padded at the end.
    @inline(__always)
    func key(_ p: UnsafePointer<UInt8>, _ n: Int, _ pos: Int) -> UInt32 {
        if pos + 4 <= n {
            let k = UInt32(littleEndian: UnsafeRawPointer(p + pos).loadUnaligned(as: UInt32.self))
            if k & 0x8080_8080 == 0 {
                let upper = (k &+ 0x3F3F_3F3F) & ~(k &+ 0x2525_2525) & 0x8080_8080
                // Control bytes (tab, CR, LF stand for a space) take the slow path.
                let control = (k &- 0x2020_2020) & ~k & 0x8080_8080
                if control == 0 { return k | upper >> 2 }
            }
        }
        return slowKey(p, n, pos)
    }

    @inline(never)
    func slowKey(_ p: UnsafePointer<UInt8>, _ n: Int, _ pos: Int) -> UInt32 {
        var prev: UInt8 = 0
        var k: UInt32 = 0
        for j in 0..<min(4, n - pos) {
            var b = p[pos + j]
            if b == 0x09 || b == 0x0A || b == 0x0D { b = 0x20 }
            k |= UInt32(fold(prev, b)) << UInt32(8 * j)
            prev = b
        }
        return k
    }

    /// Whether a term or symbol can start at word start `pos` with prefix `k`.
    @inline(__always)
    func textCandidate(_ p: UnsafePointer<UInt8>, _ n: Int, _ pos: Int, _ k: UInt32) -> Bool {
        if inBloom(k, 4) { return true }
        if has3 && (open3 || pos + 3 >= n || !UTF8Fold.isWord(p[pos + 3])) && inBloom(k & 0xFF_FFFF, 3) { return true }
        if has2 && (open2 || pos + 2 >= n || !UTF8Fold.isWord(p[pos + 2])) && inBloom(k & 0xFFFF, 2) { return true }
        return false
    }

    /// Entry range (start << 8 | count) for a prefix, 0 if none.
    @inline(__always)
    func range(_ key: UInt32, _ cls: Int) -> UInt32 {
        let tag = UInt64(cls) << 32 | UInt64(key)
        var s = CategoryIndex.hash(key, cls) & slotMask
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
        any.deallocate(); flags.deallocate(); foldTable.deallocate(); bloom.deallocate()
        slotKeys.deallocate(); slotRanges.deallocate()
        entries.deallocate(); bytes.deallocate(); ruleIDs.deallocate()
        codeKinds.deallocate(); codeRules.deallocate()
    }
}
