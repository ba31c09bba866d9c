#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Finds special-category evidence (health, genetic, lab, prescription, product) in a field's
/// bytes, driven by rule packs. The hot path works 8 bytes at a time: a SWAR mask finds word
/// starts; at each, the first four folded bytes are tested in a bloom filter (`CategoryIndex`)
/// and the first two against a code gate, so a word that begins no term costs a few instructions. Terms are compared case-folded
/// (`UTF8Fold`), symbols as written; codes go to `CategoryCodeMatcher`. Conditions (context
/// words, columns, a nearby number, another category) are resolved once per span.
///
/// A final class of constants: the workers share one, and taking it out of the scan scope (once
/// per record) retains one object, not each of its arrays and tables.
public final class CategoryMatcher: Sendable {
    /// All rules of all packs, in pack order.
    public let rules: [CategoryRule]
    /// The packs the matcher was built from.
    public let packs: [CategoryRulePack]

    struct Compiled: Sendable {
        var category: ElementType
        var implies: [ElementType]
        var unconditional: Bool
        var contextBit: UInt64
        var columnBit: UInt64
        var nearNumber: Int
        var withMask: UInt32
    }

    struct Entry: Sendable {
        var bytes: [UInt8]
        var rules: [Int32]
        var contextMask: UInt64
        /// The match must end at a word boundary (false for `prefix*` terms and terms ending in
        /// punctuation such as `dg.`).
        var wordEnd: Bool
    }

    struct Candidate {
        var rule: Int32
        var offset: Int
        var length: Int
    }

    static let capacity = 64

    let compiled: [Compiled]
    /// Per rule: its category's code, and its implied categories' codes as
    /// `impliedCodes[impliedStarts[r] ..< impliedStarts[r + 1]]`.
    let ruleCategoryCodes: [UInt8]
    let impliedStarts: [Int32]
    let impliedCodes: [UInt8]
    let ruleIndex: [String: Int]
    let tables: CategoryIndex
    let columnGroups: [[String]]

    /// Builds a matcher. Rule ids must be unique over all packs.
    public init(packs: [CategoryRulePack]) throws {
        self.packs = packs
        var rules: [CategoryRule] = []
        var ruleIndex: [String: Int] = [:]
        var packIDs = Set<String>()
        for pack in packs {
            guard packIDs.insert(pack.id).inserted else {
                throw CategoryRuleError(file: pack.source, "pack id '\(pack.id)' is already loaded")
            }
            for r in pack.rules {
                if let prev = ruleIndex[r.id] {
                    let other = packs.first { $0.rules.contains { $0.id == rules[prev].id } }?.source ?? "?"
                    throw CategoryRuleError(file: pack.source, ruleID: r.id, "duplicate rule id (also in \(other))")
                }
                ruleIndex[r.id] = rules.count
                rules.append(r)
            }
        }
        self.rules = rules
        self.ruleIndex = ruleIndex

        var contextGroups: [[String]: Int] = [:]
        var columnGroups: [[String]: Int] = [:]
        var terms: [[UInt8]: Entry] = [:]
        var symbols: [[UInt8]: Entry] = [:]
        var hgvs: [Int32] = [], upper: [(CategoryCodeMatcher, Int32)] = [], rsid: [Int32] = []
        var compiled: [Compiled] = []

        func addTerm(_ word: String, rule: Int32?, context: UInt64, caseSensitive: Bool) {
            var raw = Array(word.utf8)
            var wordEnd = true
            if raw.last == UInt8(ascii: "*") { raw.removeLast(); wordEnd = false }
            if let l = raw.last, !UTF8Fold.isWord(l) { wordEnd = false }
            let key = caseSensitive ? raw : UTF8Fold.fold(raw)
            var e = (caseSensitive ? symbols[key] : terms[key]) ?? Entry(bytes: key, rules: [], contextMask: 0, wordEnd: wordEnd)
            if let r = rule, !e.rules.contains(r) { e.rules.append(r) }
            e.contextMask |= context
            e.wordEnd = e.wordEnd && wordEnd
            if caseSensitive { symbols[key] = e } else { terms[key] = e }
        }

        for (k, r) in rules.enumerated() {
            let source = packs.first { $0.rules.contains { $0.id == r.id } }?.source ?? "?"
            let idx = Int32(k)
            var contextBit: UInt64 = 0, columnBit: UInt64 = 0
            if !r.context.isEmpty {
                let key = r.context.sorted()
                let g = contextGroups[key] ?? contextGroups.count
                guard g < 64 else { throw CategoryRuleError(file: source, ruleID: r.id, "more than 64 distinct context lists over all packs") }
                contextGroups[key] = g
                contextBit = 1 << UInt64(g)
                for w in r.context { addTerm(w, rule: nil, context: contextBit, caseSensitive: false) }
            }
            if !r.columns.isEmpty {
                let key = r.columns.map { $0.lowercased() }.sorted()
                let g = columnGroups[key] ?? columnGroups.count
                guard g < 64 else { throw CategoryRuleError(file: source, ruleID: r.id, "more than 64 distinct column lists over all packs") }
                columnGroups[key] = g
                columnBit = 1 << UInt64(g)
            }
            switch r.pattern {
            case .terms(let ws): for w in ws { addTerm(w, rule: idx, context: 0, caseSensitive: false) }
            case .symbols(let ws): for w in ws { addTerm(w, rule: idx, context: 0, caseSensitive: true) }
            case .code(.hgvs): hgvs.append(idx)
            case .code(.rsid): rsid.append(idx)
            case .code(let m): upper.append((m, idx))
            }
            var withMask: UInt32 = 0
            for c in r.with { withMask |= 1 << UInt32(c.code) }
            compiled.append(Compiled(category: r.category, implies: r.implies, unconditional: r.isUnconditional,
                                     contextBit: contextBit, columnBit: columnBit, nearNumber: r.nearNumber ?? 0,
                                     withMask: withMask))
        }
        self.compiled = compiled
        ruleCategoryCodes = compiled.map(\.category.code)
        var starts: [Int32] = [0], codes: [UInt8] = []
        for r in compiled {
            codes += r.implies.map(\.code)
            starts.append(Int32(codes.count))
        }
        impliedStarts = starts
        impliedCodes = codes
        var groups = [[String]](repeating: [], count: columnGroups.count)
        for (k, g) in columnGroups { groups[g] = k }
        self.columnGroups = groups

        self.tables = CategoryIndex(terms: Array(terms.values), symbols: Array(symbols.values),
                                    hgvs: hgvs, upper: upper, rsid: rsid)
    }

    /// The rule with this id.
    public func rule(_ id: String) -> CategoryRule? { ruleIndex[id].map { rules[$0] } }

    /// Which column lists a column name satisfies; compute once per column and pass to `scan`.
    public func columns(for column: String?) -> CategoryColumns {
        guard let c = column, !columnGroups.isEmpty else { return .none }
        let name = Array(c.lowercased().utf8)
        var mask: UInt64 = 0
        for (g, words) in columnGroups.enumerated() where words.contains(where: { CategoryMatcher.contains(name, Array($0.utf8)) }) {
            mask |= 1 << UInt64(g)
        }
        return CategoryColumns(mask: mask)
    }

    static func contains(_ hay: [UInt8], _ needle: [UInt8]) -> Bool {
        needle.isEmpty || firstIndex(of: needle, in: hay) != nil
    }

    /// Where `needle` first stands in `hay` at or after `from` (nil: nowhere, or `needle` is
    /// empty). `memchr` finds each candidate first byte (vectorised), `memcmp` the rest: callers
    /// run it over a document's first 64 KB (`DocumentFormat.isMongoShell`) and for every code
    /// found in prose (`RecordAssembler.relativeBefore`).
    static func firstIndex(of needle: [UInt8], in hay: [UInt8], from: Int = 0) -> Int? {
        hay.withUnsafeBufferPointer { firstIndex(of: needle, in: $0, from: from) }
    }

    /// `firstIndex(of:in:from:)` over bytes the caller holds (no copy into an array).
    static func firstIndex(of needle: [UInt8], in h: UnsafeBufferPointer<UInt8>, from: Int = 0) -> Int? {
        guard !needle.isEmpty, from >= 0, needle.count <= h.count - from else { return nil }
        return needle.withUnsafeBufferPointer { w in
            guard let base = h.baseAddress, let wb = w.baseAddress else { return nil }
            var i = from
            let last = h.count - w.count   // the last index the needle can start at
            while i <= last, let hit = memchr(base + i, Int32(w[0]), last - i + 1) {
                let k = UnsafePointer(hit.assumingMemoryBound(to: UInt8.self)) - base
                if memcmp(base + k, wb, w.count) == 0 { return k }
                i = k + 1
            }
            return nil
        }
    }

    /// Scans one field. `column`: the field's column or label name if any (any case), nil for
    /// free text. Hits are emitted in offset order, offsets relative to the span.
    public func scan(_ span: UnsafeBufferPointer<UInt8>, column: String?, _ emit: (CategoryHit) -> Void) {
        scan(span, columns: columns(for: column), emit)
    }

    /// Scans one field with a precomputed column mask (the fast form for tables).
    public func scan(_ span: UnsafeBufferPointer<UInt8>, columns: CategoryColumns, _ emit: (CategoryHit) -> Void) {
        scanRules(span, columns: columns) { hit in
            let r = compiled[Int(hit.rule)]
            emit(CategoryHit(category: r.category, implies: r.implies, ruleID: rules[Int(hit.rule)].id,
                             offset: Int(hit.offset), length: Int(hit.length)))
        }
    }

    /// A hit as its rule's index in `rules` and its place in the span: no strings or arrays per
    /// hit (the assembler's form; `category(ofRule:)` and `implied(byRule:)` give the rest).
    struct RuleHit: Equatable {
        var rule: Int32
        var offset: Int32
        var length: Int32
    }

    /// The category code rule `rule` (an index in `rules`) establishes.
    @inline(__always) func category(ofRule rule: Int32) -> UInt8 { ruleCategoryCodes[Int(rule)] }

    /// Where the codes of the further categories rule `rule` implies are in `impliedCodes`, in
    /// the rule's order.
    @inline(__always) func implied(byRule rule: Int32) -> Range<Int> {
        Int(impliedStarts[Int(rule)])..<Int(impliedStarts[Int(rule) + 1])
    }

    /// `scan` with hits as `RuleHit`s, in the same order.
    func scanRules(_ span: UnsafeBufferPointer<UInt8>, columns: CategoryColumns, _ emit: (RuleHit) -> Void) {
        guard let p = span.baseAddress, span.count >= 2 else { return }
        let n = span.count
        withUnsafeTemporaryAllocation(of: Candidate.self, capacity: CategoryMatcher.capacity) { buf in
            var state = ScanState(buffer: buf.baseAddress!)
            let t = tables
            let gate = t.any
            let bloom = t.bloom
            let shortPrefix = t.shortPrefix
            let hi: UInt64 = 0x8080_8080_8080_8080
            var i = 0
            var carry: UInt64 = 0
            while i < n {
                var x: UInt64
                if i + 8 <= n {
                    x = UInt64(littleEndian: UnsafeRawPointer(p + i).loadUnaligned(as: UInt64.self))
                } else {
                    x = 0
                    var k = n - 1
                    while k >= i { x = x << 8 | UInt64(p[k]); k -= 1 }
                }
                // Word bytes: ≥ 0x80, digits, letters (exact per byte, no carries across bytes).
                let x7 = x & 0x7F7F_7F7F_7F7F_7F7F
                let digit = (x7 &+ 0x5050_5050_5050_5050) & ~(x7 &+ 0x4646_4646_4646_4646)
                let y = x7 | 0x2020_2020_2020_2020
                let letter = (y &+ 0x1F1F_1F1F_1F1F_1F1F) & ~(y &+ 0x0505_0505_0505_0505)
                let w = (x | digit | letter) & hi
                var starts = w & ~(w << 8 | carry)
                carry = w >> 56
                while starts != 0 {
                    let pos = i &+ (starts.trailingZeroBitCount >> 3)
                    starts &= starts &- 1
                    if pos < state.lastEnd { continue }
                    let raw: UInt32
                    if pos + 4 <= n {
                        raw = UInt32(littleEndian: UnsafeRawPointer(p + pos).loadUnaligned(as: UInt32.self))
                    } else {
                        raw = UInt32(p[pos]) | (pos + 1 < n ? UInt32(p[pos + 1]) << 8 : 0) | 0x8000_0000
                    }
                    let b0 = UInt8(truncatingIfNeeded: raw), b1 = UInt8(truncatingIfNeeded: raw >> 8)
                    // Codes start `X9`, `c.`, `rs`: test the second byte before the gate table.
                    if ((b1 &- 0x30) < 10 || b1 == 0x2E || (b1 == 0x73 && b0 == 0x72)) && codeGate(gate, b0, b1) {
                        probe(p, n, pos, &state)
                        continue
                    }
                    // Non-ASCII or at the span's end: the slow key.
                    let k = raw & 0x8080_8080 == 0 ? CategoryIndex.asciiKey(raw) : t.slowKey(p, n, pos)
                    let h = CategoryIndex.hash(k)
                    if bloom[h >> 6] & (1 << UInt64(h & 63)) != 0 || (shortPrefix && t.candidate(k)) {
                        probeText(p, n, pos, k, &state)
                    }
                }
                i += 8
            }
            guard state.count > 0 else { return }
            resolve(p, n, columns, &state, emit)
        }
    }

    @inline(__always)
    func codeGate(_ gate: UnsafeMutablePointer<UInt64>, _ b0: UInt8, _ b1: UInt8) -> Bool {
        let pair = Int(b0) << 8 | Int(b1)
        return gate[pair >> 6] & (1 << UInt64(pair & 63)) != 0
    }

    struct ScanState {
        var buffer: UnsafeMutablePointer<Candidate>
        var count = 0
        var context: UInt64 = 0
        var lastEnd = 0
        init(buffer: UnsafeMutablePointer<Candidate>) { self.buffer = buffer }

        @inline(__always)
        mutating func add(_ rule: Int32, _ offset: Int, _ length: Int) {
            lastEnd = max(lastEnd, offset + length)
            guard count < CategoryMatcher.capacity else { return }
            buffer[count] = Candidate(rule: rule, offset: offset, length: length)
            count += 1
        }
    }

    /// Work at a word start where a code may begin (terms and symbols too).
    @inline(never)
    func probe(_ p: UnsafePointer<UInt8>, _ n: Int, _ pos: Int, _ state: inout ScanState) {
        let t = tables
        let k = t.key(p, n, pos)
        if t.candidate(k) { probeText(p, n, pos, k, &state) }
        let b0 = p[pos], b1 = pos + 1 < n ? p[pos + 1] : 0
        for c in 0..<t.codeCount {
            let kind = t.codeKinds[c]
            let len: Int
            switch kind {
            case .hgvs: guard b1 == 0x2E else { continue }; len = CategoryCodeMatcher.hgvs(p, n, pos)
            case .rsid: guard b0 == 0x72 && b1 == 0x73 else { continue }; len = CategoryCodeMatcher.rsid(p, n, pos)
            default: guard (b0 &- 0x41) < 26 && (b1 &- 0x30) < 10 else { continue }; len = kind.match(p, n, pos)
            }
            if len > 0 { state.add(t.codeRules[c], pos, len) }
        }
    }

    /// Terms and symbols whose word key is `key`, longest first (and, when some prefix term is
    /// shorter than four bytes, those under the key's 3- and 2-byte cuts).
    @inline(never)
    func probeText(_ p: UnsafePointer<UInt8>, _ n: Int, _ pos: Int, _ key: UInt32, _ state: inout ScanState) {
        var matched = false
        lookup(p, n, pos, key, &matched, &state)
        if tables.shortPrefix {
            if key > 0xFF_FFFF { lookup(p, n, pos, key & 0xFF_FFFF, &matched, &state) }
            if key > 0xFFFF { lookup(p, n, pos, key & 0xFFFF, &matched, &state) }
        }
    }

    @inline(__always)
    func lookup(_ p: UnsafePointer<UInt8>, _ n: Int, _ pos: Int, _ key: UInt32, _ matched: inout Bool, _ state: inout ScanState) {
        let t = tables
        let r = t.range(key)
        guard r != 0 else { return }
        let start = Int(r >> 8)
        for e in start..<(start + Int(r & 0xFF)) {
            let entry = t.entries[e]
            let len = t.compare(entry, p, n, pos)
            guard len > 0 else { continue }
            state.context |= entry.contextMask
            // Longest rule match only; shorter entries still contribute context.
            if !matched && entry.ruleCount > 0 {
                matched = true
                for r in 0..<Int(entry.ruleCount) { state.add(t.ruleIDs[Int(entry.ruleStart) + r], pos, len) }
            }
        }
    }

    /// Applies the rules' conditions to the span's candidates and emits the accepted ones.
    func resolve(_ p: UnsafePointer<UInt8>, _ n: Int, _ columns: CategoryColumns, _ state: inout ScanState, _ emit: (RuleHit) -> Void) {
        let c = state.buffer
        var accepted: UInt64 = 0
        var categories: UInt32 = 0
        for k in 0..<state.count {
            let r = compiled[Int(c[k].rule)]
            var ok = r.unconditional || r.contextBit & state.context != 0 || r.columnBit & columns.mask != 0
            if !ok && r.nearNumber > 0 {
                let end = c[k].offset + c[k].length
                var j = end
                while j < n && j < end + r.nearNumber {
                    if (p[j] &- 0x30) < 10 {
                        // For a lab result the number is a measured value (`6.1 mmol/l`, `100
                        // mg/dL`): a dose or a pack size (`D3-vitamiin 2000 IU N90`) is a product.
                        guard r.category == .labResult else { ok = true; break }
                        var k = j
                        while k < n && ((p[k] &- 0x30) < 10 || p[k] == UInt8(ascii: ".") || p[k] == UInt8(ascii: ",")) { k += 1 }
                        // `N90` (a pack of ninety) and `D3` are names, not values.
                        let glued = j > 0 && (ASCII.isLetter(p[j - 1]) || p[j - 1] >= 0x80)
                        if !glued && !Self.isDoseUnit(p, k, n) { ok = true; break }
                        j = k
                        continue
                    }
                    j += 1
                }
            }
            if ok {
                accepted |= 1 << UInt64(k)
                categories |= 1 << UInt32(r.category.code)
            }
        }
        for k in 0..<state.count where accepted & (1 << UInt64(k)) == 0 {
            let r = compiled[Int(c[k].rule)]
            if r.withMask & categories != 0 { accepted |= 1 << UInt64(k) }
        }
        for k in 0..<state.count where accepted & (1 << UInt64(k)) != 0 {
            emit(RuleHit(rule: c[k].rule, offset: Int32(truncatingIfNeeded: c[k].offset), length: Int32(truncatingIfNeeded: c[k].length)))
        }
    }

    /// Units of a dose or a pack, lower case (after a number, then a space or not).
    static let doseUnits: [[UInt8]] = ["iu", "ui", "mg", "mcg", "µg", "ug", "tk", "tbl", "tabl", "tab", "kaps",
                                       "caps", "kpl", "pcs", "szt", "шт", "st"].map { Array($0.utf8) }

    /// Whether the number ending at `k` is followed by a dose unit that ends there (not `mg/dL`).
    static func isDoseUnit(_ p: UnsafePointer<UInt8>, _ k: Int, _ n: Int) -> Bool {
        var i = k
        if i < n && p[i] == 0x20 { i += 1 }
        for unit in doseUnits where i + unit.count <= n {
            var same = true
            for (d, u) in unit.enumerated() where ASCII.lower(p[i + d]) != u { same = false; break }
            guard same else { continue }
            let e = i + unit.count
            if e == n || !(ASCII.isLetter(p[e]) || p[e] >= 0x80 || p[e] == UInt8(ascii: "/")) { return true }
        }
        return false
    }

    /// A masked piece of the evidence: short matches (≤ 4 characters: `TSH`, `TENA`) as written,
    /// longer ones cut to at most 6 visible characters and `…` (`c.68_6…`, `hemogl…`).
    public static func evidence(_ span: UnsafeBufferPointer<UInt8>, _ hit: CategoryHit) -> String {
        evidence(span, offset: hit.offset, length: hit.length)
    }

    static func evidence(_ span: UnsafeBufferPointer<UInt8>, offset: Int, length: Int) -> String {
        let lo = max(0, min(offset, span.count))
        let hi = max(lo, min(offset + length, span.count))
        let s = String(decoding: UnsafeBufferPointer(rebasing: span[lo..<hi]), as: UTF8.self)
        let chars = Array(s)
        if chars.count <= 4 { return s }
        let keep = min(6, max(3, chars.count / 2))
        return String(chars.prefix(keep)) + "…"
    }
}

