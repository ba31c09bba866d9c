import CUTF8

/// Checks UTF-8 in place, so valid UTF-8 — nearly every leaked text file — reaches the readers
/// straight from the read buffer without a copy through the transcoder.
enum UTF8Validation {
    /// Whether `p` is entirely well-formed UTF-8 (no overlongs, surrogates or code points past
    /// U+10FFFF; no sequence cut at the end). Checked 16 bytes at a time by the C target `CUTF8`
    /// (SSSE3 lookups) where the CPU has them, else byte by byte (`isValidScalar`).
    static func isValid(_ p: UnsafeBufferPointer<UInt8>) -> Bool {
        guard let base = p.baseAddress else { return true }
        switch breachscope_utf8_valid(base, p.count) {
        case 1: return true
        case 0: return false
        default: return isValidScalar(p)
        }
    }

    /// The same check a byte at a time (with an ASCII fast path): the fallback, and the
    /// reference the vector check is tested against.
    static func isValidScalar(_ p: UnsafeBufferPointer<UInt8>) -> Bool {
        let n = p.count
        guard let base = p.baseAddress else { return true }
        let raw = UnsafeRawPointer(base)
        var i = 0
        while i < n {
            // ASCII fast path, 32 then 8 bytes at a time.
            while i + 32 <= n {
                let w = raw.loadUnaligned(fromByteOffset: i, as: UInt64.self) | raw.loadUnaligned(fromByteOffset: i + 8, as: UInt64.self)
                    | raw.loadUnaligned(fromByteOffset: i + 16, as: UInt64.self) | raw.loadUnaligned(fromByteOffset: i + 24, as: UInt64.self)
                if w & 0x8080_8080_8080_8080 != 0 { break }
                i += 32
            }
            while i + 8 <= n && raw.loadUnaligned(fromByteOffset: i, as: UInt64.self) & 0x8080_8080_8080_8080 == 0 { i += 8 }
            while i < n && p[i] < 0x80 { i += 1 }
            if i >= n { break }
            guard let (len, lo, hi) = lead(p[i]) else { return false }
            guard i + len < n else { return false }
            let c1 = p[i + 1]
            guard c1 >= lo && c1 <= hi else { return false }
            var k = 2
            while k <= len { guard p[i + k] & 0xC0 == 0x80 else { return false }; k += 1 }
            i += len + 1
        }
        return true
    }

    /// For a lead byte: how many continuation bytes follow, and the allowed range of the first
    /// one (which rules out overlongs, surrogates and code points past U+10FFFF). Nil for bytes
    /// that cannot start a sequence (ASCII is handled before).
    @inline(__always)
    static func lead(_ b: UInt8) -> (count: Int, low: UInt8, high: UInt8)? {
        switch b {
        case 0xC2...0xDF: (1, 0x80, 0xBF)
        case 0xE0: (2, 0xA0, 0xBF)
        case 0xE1...0xEC, 0xEE...0xEF: (2, 0x80, 0xBF)
        case 0xED: (2, 0x80, 0x9F)
        case 0xF0: (3, 0x90, 0xBF)
        case 0xF1...0xF3: (3, 0x80, 0xBF)
        case 0xF4: (3, 0x80, 0x8F)
        default: nil
        }
    }

    /// The end of the last complete sequence in `p[start..<end]`: bytes after it are the first
    /// part of a character whose rest is in the next chunk.
    static func completeEnd(_ p: UnsafeBufferPointer<UInt8>, start: Int, end: Int) -> Int {
        var j = end - 1
        while j >= start && end - j < 4 && p[j] & 0xC0 == 0x80 { j -= 1 }
        guard j >= start else { return end }
        let lead = p[j]
        let len: Int
        switch lead {
        case 0x00...0x7F: len = 1
        case 0xC0...0xDF: len = 2
        case 0xE0...0xEF: len = 3
        case 0xF0...0xF7: len = 4
        default: return end
        }
        return j + len > end ? j : end
    }
}
