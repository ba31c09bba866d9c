/// Hand-written byte scanners for code-shaped evidence of a special category, used by rule packs
/// with `match:`. Each is asked only at a word start and returns the length of the code there
/// (0: no match). The caller has checked that the byte before `i` is no word byte.
///
/// - `hgvs`: HGVS variant notation — `c.68_69delAG`, `c.5266dupC`, `c.1521_1523delCTT`,
///   `g.12345A>G`, `c.-12+3C>T`, `p.Glu23fs`, `p.(Arg117His)`, `p.Phe508del`, `p.G12D`. A position
///   alone (`c.5 km`, `p.25`) is no variant: a change (`del`, `dup`, `ins`, `>`, an amino acid…) is required.
/// - `icd10`: `[A-TV-Z]\d\d(\.\d{1,2})?` not followed by `-`/`/`/`.` + digit (`A10-2023`) and not
///   preceded by `X-`/`X/` (`ORD-A10`). Packs should require a context word or a diagnosis column.
/// - `atc`: a full ATC code `[ABCDGHJLMNPRSV]\d\d[A-Z][A-Z]\d\d` (`A10BA02`), whole word.
/// - `atc4`: a level-4 ATC group `[ABCDGHJLMNPRSV]\d\d[A-Z][A-Z]` (`A10AB`), whole word.
/// - `rsid`: a dbSNP reference `rs\d{3,}` (`rs4988235`), whole word.
public enum CategoryCodeMatcher: String, Sendable, CaseIterable, Codable {
    case hgvs, icd10, atc, atc4, rsid

    /// Length of this code at `i` in `p[0..<n]`, or 0.
    @inline(__always)
    func match(_ p: UnsafePointer<UInt8>, _ n: Int, _ i: Int) -> Int {
        switch self {
        case .hgvs: return CategoryCodeMatcher.hgvs(p, n, i)
        case .icd10: return CategoryCodeMatcher.icd10(p, n, i)
        case .atc: return CategoryCodeMatcher.atc(p, n, i, full: true)
        case .atc4: return CategoryCodeMatcher.atc(p, n, i, full: false)
        case .rsid: return CategoryCodeMatcher.rsid(p, n, i)
        }
    }

    @inline(__always) static func digit(_ b: UInt8) -> Bool { (b &- 0x30) < 10 }
    @inline(__always) static func upper(_ b: UInt8) -> Bool { (b &- 0x41) < 26 }
    @inline(__always) static func alnum(_ b: UInt8) -> Bool { (b &- 0x30) < 10 || ((b | 0x20) &- 0x61) < 26 }
    /// True when position `j` ends a word (end of span or a byte that is no letter/digit).
    @inline(__always) static func endsWord(_ p: UnsafePointer<UInt8>, _ n: Int, _ j: Int) -> Bool {
        j >= n || !UTF8Fold.isWord(p[j])
    }
    /// `X-`/`X/` right before `i` where X is a letter or digit: part of a longer reference.
    @inline(__always) static func joinedBefore(_ p: UnsafePointer<UInt8>, _ i: Int) -> Bool {
        guard i >= 2 else { return false }
        let s = p[i - 1]
        return (s == 0x2D || s == 0x2F || s == 0x5F) && alnum(p[i - 2])
    }
    /// `-`/`/`/`.` + digit right at `j`: the code continues as a number (`A10-2023`, `E11.123`).
    @inline(__always) static func joinedAfter(_ p: UnsafePointer<UInt8>, _ n: Int, _ j: Int) -> Bool {
        guard j + 1 < n else { return false }
        let s = p[j]
        return (s == 0x2D || s == 0x2F || s == 0x2E) && digit(p[j + 1])
    }

    static func icd10(_ p: UnsafePointer<UInt8>, _ n: Int, _ i: Int) -> Int {
        let c = p[i]
        guard i + 3 <= n, upper(c), c != 0x55, digit(p[i + 1]), digit(p[i + 2]) else { return 0 }
        var j = i + 3
        if j + 1 < n && p[j] == 0x2E && digit(p[j + 1]) {
            j += 2
            if j < n && digit(p[j]) { j += 1 }
        }
        guard endsWord(p, n, j), !joinedAfter(p, n, j), !joinedBefore(p, i) else { return 0 }
        return j - i
    }

    static let atcGroups: [Bool] = table("ABCDGHJLMNPRSV")

    static func atc(_ p: UnsafePointer<UInt8>, _ n: Int, _ i: Int, full: Bool) -> Int {
        let len = full ? 7 : 5
        guard i + len <= n, atcGroups[Int(p[i])], digit(p[i + 1]), digit(p[i + 2]), upper(p[i + 3]), upper(p[i + 4]) else { return 0 }
        if full { guard digit(p[i + 5]), digit(p[i + 6]) else { return 0 } }
        guard endsWord(p, n, i + len), !joinedAfter(p, n, i + len), !joinedBefore(p, i) else { return 0 }
        return len
    }

    static func rsid(_ p: UnsafePointer<UInt8>, _ n: Int, _ i: Int) -> Int {
        guard i + 5 <= n, p[i] == 0x72, p[i + 1] == 0x73 else { return 0 }
        var j = i + 2
        while j < n && digit(p[j]) { j += 1 }
        guard j - i - 2 >= 3, endsWord(p, n, j) else { return 0 }
        return j - i
    }

    // MARK: HGVS

    /// `c.`, `g.`, `n.`, `m.`, `r.` (nucleotide) or `p.` (protein) notation.
    static func hgvs(_ p: UnsafePointer<UInt8>, _ n: Int, _ i: Int) -> Int {
        guard i + 4 <= n, p[i + 1] == 0x2E else { return 0 }
        let end: Int
        switch p[i] {
        case 0x63, 0x67, 0x6E, 0x6D: end = nucleotide(p, n, i + 2, rna: false)
        case 0x72: end = nucleotide(p, n, i + 2, rna: true)
        case 0x70: end = protein(p, n, i + 2)
        default: return 0
        }
        guard end > 0, endsWord(p, n, end) else { return 0 }
        return end - i
    }

    /// A nucleotide position: `[-*]?\d+([+-]\d+)?`; returns the end or 0.
    @inline(__always)
    static func position(_ p: UnsafePointer<UInt8>, _ n: Int, _ start: Int) -> Int {
        var j = start
        if j < n && (p[j] == 0x2D || p[j] == 0x2A) { j += 1 }
        let d0 = j
        while j < n && digit(p[j]) { j += 1 }
        guard j > d0 else { return 0 }
        if j + 1 < n && (p[j] == 0x2B || p[j] == 0x2D) && digit(p[j + 1]) {
            j += 1
            while j < n && digit(p[j]) { j += 1 }
        }
        return j
    }

    @inline(__always)
    static func base(_ b: UInt8, rna: Bool) -> Bool {
        rna ? (b == 0x61 || b == 0x63 || b == 0x67 || b == 0x75 || b == 0x6E)
            : (b == 0x41 || b == 0x43 || b == 0x47 || b == 0x54 || b == 0x4E)
    }

    @inline(__always)
    static func has(_ p: UnsafePointer<UInt8>, _ n: Int, _ j: Int, _ word: StaticString) -> Bool {
        let len = word.utf8CodeUnitCount
        guard j + len <= n else { return false }
        let w = word.utf8Start
        for k in 0..<len where p[j + k] != w[k] { return false }
        return true
    }

    static func nucleotide(_ p: UnsafePointer<UInt8>, _ n: Int, _ start: Int, rna: Bool) -> Int {
        var j = position(p, n, start)
        guard j > 0 else { return 0 }
        if j + 1 < n && p[j] == 0x5F {
            let k = position(p, n, j + 1)
            guard k > 0 else { return 0 }
            j = k
        }
        guard j < n else { return 0 }
        // Substitution `A>G`.
        if base(p[j], rna: rna) && j + 2 < n && p[j + 1] == 0x3E && base(p[j + 2], rna: rna) { return j + 3 }
        if p[j] == 0x3D { return j + 1 }  // `=` no change
        let word: Int, needsBases: Bool
        if has(p, n, j, "delins") { word = 6; needsBases = true }
        else if has(p, n, j, "del") || has(p, n, j, "dup") || has(p, n, j, "inv") { word = 3; needsBases = false }
        else if has(p, n, j, "ins") { word = 3; needsBases = true }
        else { return 0 }
        var k = j + word
        let b0 = k
        while k < n && base(p[k], rna: rna) { k += 1 }
        // `ins` may give a length instead of bases (`ins12`).
        if k == b0 && needsBases { while k < n && digit(p[k]) { k += 1 } }
        guard !needsBases || k > b0 else { return 0 }
        return k
    }

    static let aminoAcids: [StaticString] = ["Ala", "Arg", "Asn", "Asp", "Cys", "Gln", "Glu", "Gly", "His", "Ile", "Leu",
                                             "Lys", "Met", "Phe", "Pro", "Ser", "Thr", "Trp", "Tyr", "Val", "Ter", "Sec", "Pyl", "Xaa"]
    static let oneLetter: [Bool] = table("ACDEFGHIKLMNPQRSTVWY")

    static func table(_ s: String) -> [Bool] {
        var t = [Bool](repeating: false, count: 256)
        for b in s.utf8 { t[Int(b)] = true }
        return t
    }

    /// An amino acid at `j` (three-letter, or one-letter when `single`); returns the end or 0.
    @inline(__always)
    static func amino(_ p: UnsafePointer<UInt8>, _ n: Int, _ j: Int, single: Bool) -> Int {
        guard j < n else { return 0 }
        if single { return oneLetter[Int(p[j])] ? j + 1 : 0 }
        guard upper(p[j]) else { return 0 }
        for a in aminoAcids where has(p, n, j, a) { return j + 3 }
        return 0
    }

    static func protein(_ p: UnsafePointer<UInt8>, _ n: Int, _ start: Int) -> Int {
        var j = start
        let paren = j < n && p[j] == 0x28
        if paren { j += 1 }
        // `p.(=)`, `p.?`, `p.0` carry no person-specific change worth reporting.
        var single = false
        var k = amino(p, n, j, single: false)
        if k == 0 { single = true; k = amino(p, n, j, single: true) }
        guard k > 0 else { return 0 }
        j = k
        let d0 = j
        while j < n && digit(p[j]) { j += 1 }
        guard j > d0 else { return 0 }
        if j + 1 < n && p[j] == 0x5F {  // range `Lys23_Val25del`
            let a = amino(p, n, j + 1, single: single)
            guard a > 0 else { return 0 }
            j = a
            let d1 = j
            while j < n && digit(p[j]) { j += 1 }
            guard j > d1 else { return 0 }
        }
        guard j < n else { return 0 }
        var changed = false
        if has(p, n, j, "delins") {
            j += 6; changed = true
            while true { let a = amino(p, n, j, single: single); if a == 0 { break }; j = a }
        } else if has(p, n, j, "del") || has(p, n, j, "dup") {
            j += 3; changed = true
        } else if has(p, n, j, "ins") {
            j += 3
            while true { let a = amino(p, n, j, single: single); if a == 0 { break }; j = a; changed = true }
        } else if p[j] == 0x2A || p[j] == 0x3D {
            j += 1; changed = true
        } else {
            let a = amino(p, n, j, single: single)
            if a > 0 { j = a; changed = true }
        }
        // Frameshift: `fs`, `fsTer17`, `fs*17`.
        if has(p, n, j, "fs") {
            j += 2; changed = true
            if has(p, n, j, "Ter") { j += 3 } else if j < n && p[j] == 0x2A { j += 1 }
            while j < n && digit(p[j]) { j += 1 }
        }
        guard changed else { return 0 }
        if paren {
            guard j < n && p[j] == 0x29 else { return 0 }
            j += 1
        }
        return j
    }
}
