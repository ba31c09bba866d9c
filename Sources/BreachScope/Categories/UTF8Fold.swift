/// Byte-level case folding for the category matcher: ASCII upper → lower, the two-byte UTF-8
/// sequences of Latin-1 Supplement (`Ä`→`ä`, `Õ`→`õ`, `Å`→`å`) and Latin Extended-A
/// (`Ł`→`ł`, `Ś`→`ś`, `Ż`→`ż`, `Š`→`š`), and Cyrillic (`Диагноз` is `диагноз`). A fold never
/// changes a sequence's length (`Ÿ`, `Ŀ` and `İ` are left as written).
///
/// Each byte folds knowing only the byte before it, so a fold cannot change a lead byte by what
/// follows it. Cyrillic upper and lower case differ in the lead byte for `Р`–`Я` (`D0 A0`–`AF`
/// against `D1 80`–`8F`) and `Ѐ`–`Џ` (`D0 80`–`8F` against `D1 90`–`9F`), so Cyrillic folds to a
/// canonical form instead of the lower case: lead `D1` becomes `D0`, `А`–`П` become `а`–`п`,
/// `р`–`я` become `Р`–`Я` and `ѐ`–`џ` become `Ѐ`–`Џ`. Terms are folded the same way, so they
/// compare equal; only the historic letters `U+0460`–`U+047F` (`D1 A0`–`BF`) collide with
/// modern ones.
enum UTF8Fold {
    /// `ascii[b]`: lower-case of an ASCII byte, identity for bytes ≥ 0x80.
    static let ascii: [UInt8] = {
        var t = [UInt8](repeating: 0, count: 256)
        for b in 0..<256 { t[b] = UInt8(b) }
        for b in 0x41...0x5A { t[b] = UInt8(b + 0x20) }
        return t
    }()

    /// Continuation-byte folds for lead bytes 0xC3, 0xC4, 0xC5: index `(lead - 0xC3) * 64 + (b - 0x80)`.
    static let continuation: [UInt8] = {
        var t = [UInt8](repeating: 0, count: 192)
        for lead in 0..<3 {
            for c in 0..<64 { t[lead * 64 + c] = UInt8(0x80 + c) }
        }
        // C3: U+00C0–U+00DE (not U+00D7 ×) → +0x20.
        for c in 0x80...0x9E where c != 0x97 { t[c - 0x80] = UInt8(c + 0x20) }
        // C4: U+0100–U+0137 even upper (not U+0130 İ), U+0139–U+013E odd upper.
        for c in stride(from: 0x80, through: 0xB6, by: 2) where c != 0xB0 { t[64 + c - 0x80] = UInt8(c + 1) }
        for c in [0xB9, 0xBB, 0xBD] { t[64 + c - 0x80] = UInt8(c + 1) }
        // C5: U+0141–U+0148 odd upper, U+014A–U+0177 even upper, U+0179–U+017E odd upper.
        for c in [0x81, 0x83, 0x85, 0x87, 0xB9, 0xBB, 0xBD] { t[128 + c - 0x80] = UInt8(c + 1) }
        for c in stride(from: 0x8A, through: 0xB6, by: 2) { t[128 + c - 0x80] = UInt8(c + 1) }
        return t
    }()

    /// Continuation-byte folds for the Cyrillic lead bytes 0xD0, 0xD1: index
    /// `(lead - 0xD0) * 64 + (b - 0x80)` (the canonical form above).
    static let cyrillic: [UInt8] = {
        var t = [UInt8](repeating: 0, count: 128)
        for lead in 0..<2 {
            for c in 0..<64 { t[lead * 64 + c] = UInt8(0x80 + c) }
        }
        for c in 0x90...0x9F { t[c - 0x80] = UInt8(c + 0x20) }        // А–П → а–п
        for c in 0x80...0x8F { t[64 + c - 0x80] = UInt8(c + 0x20) }   // р–я → Р–Я (lead D0)
        for c in 0x90...0x9F { t[64 + c - 0x80] = UInt8(c - 0x10) }   // ѐ–џ → Ѐ–Џ (lead D0)
        return t
    }()

    /// Folds byte `b` given the byte before it (`prev`, 0 at the start).
    @inline(__always)
    static func fold(_ prev: UInt8, _ b: UInt8) -> UInt8 {
        if b < 0x80 { return ascii[Int(b)] }
        if b < 0xC0 {
            if prev >= 0xC3 && prev <= 0xC5 { return continuation[Int(prev - 0xC3) &* 64 &+ Int(b - 0x80)] }
            if prev == 0xD0 || prev == 0xD1 { return cyrillic[Int(prev - 0xD0) &* 64 &+ Int(b - 0x80)] }
            return b
        }
        return b == 0xD1 ? 0xD0 : b
    }

    /// Folds a whole byte string (used when compiling terms).
    static func fold(_ bytes: [UInt8]) -> [UInt8] {
        var out = bytes
        for k in out.indices { out[k] = fold(k == 0 ? 0 : bytes[k - 1], bytes[k]) }
        return out
    }

    /// A word byte: ASCII letter or digit, or any byte ≥ 0x80 (UTF-8 letters).
    @inline(__always)
    static func isWord(_ b: UInt8) -> Bool {
        b >= 0x80 || (b &- 0x30) < 10 || ((b | 0x20) &- 0x61) < 26
    }
}
