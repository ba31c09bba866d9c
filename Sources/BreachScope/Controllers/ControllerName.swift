/// Byte-level normalisation of controller names and field values, so that `PIRKANMAAN  HVA`,
/// `pirkanmaan hva.` and `Pirkanmaan-HVA` meet, and `Päijät-Häme` meets `Paijat-Hame`.
///
/// `key(_:)`: lower-case (ASCII, Latin-1, Latin Extended-A, Greek and Cyrillic), fold the
/// diacritics of the Latin alphabets (`ä` → `a`, `ł` → `l`, `ß` → `ss`), drop combining marks of
/// decomposed letters, and drop all whitespace and punctuation (ASCII, Latin-1 punctuation, the
/// General Punctuation block: dashes, curly quotes, no-break and thin spaces). Other characters
/// (CJK, …) are kept as they are. `slug(_:)` is the same but turns each run of dropped characters
/// between kept ones into one `-` (`Päijät-Hämeen HVA` → `paijat-hameen-hva`).
///
/// Runs per field value on the scan's hot path: bytes only, one pass, a table lookup per
/// non-ASCII character.
enum ControllerName {
    /// The comparison key of a value (may be empty: a value of punctuation only).
    static func key(_ value: UnsafeBufferPointer<UInt8>) -> [UInt8] { fold(value, separator: nil) }

    /// A readable identifier for an unlisted controller named by `value`.
    static func slug(_ value: UnsafeBufferPointer<UInt8>) -> [UInt8] { fold(value, separator: UInt8(ascii: "-")) }

    static func key(_ s: String) -> [UInt8] {
        var bytes = Array(s.utf8)
        return bytes.withUnsafeMutableBufferPointer { key(UnsafeBufferPointer($0)) }
    }

    static func slug(_ s: String) -> String {
        var bytes = Array(s.utf8)
        return String(decoding: bytes.withUnsafeMutableBufferPointer { slug(UnsafeBufferPointer($0)) }, as: UTF8.self)
    }

    /// Values that mean "no value" in exports: not a controller.
    static let nullKeys: Set<[UInt8]> = Set(["na", "null", "none", "nil", "nan", "undefined"].map { Array($0.utf8) })

    private static func fold(_ v: UnsafeBufferPointer<UInt8>, separator: UInt8?) -> [UInt8] {
        var out: [UInt8] = []
        out.reserveCapacity(v.count)
        var pendingSeparator = false
        @inline(__always) func keep(_ b: UInt8) {
            if pendingSeparator, let s = separator, !out.isEmpty { out.append(s) }
            pendingSeparator = false
            out.append(b)
        }
        let n = v.count
        var i = 0
        while i < n {
            let b = v[i]
            if b < 0x80 {
                if b >= 0x41 && b <= 0x5A { keep(b | 0x20) } else if ASCII.isAlnum(b) { keep(b) } else { pendingSeparator = true }
                i += 1
                continue
            }
            // Length of the UTF-8 sequence; invalid bytes are kept as they are.
            let len = b >= 0xF0 ? 4 : b >= 0xE0 ? 3 : b >= 0xC0 ? 2 : 1
            guard len > 1, i + len <= n else { keep(b); i += 1; continue }
            var cp = UInt32(b) & (len == 2 ? 0x1F : len == 3 ? 0x0F : 0x07)
            var valid = true
            for k in 1..<len {
                let c = v[i + k]
                if c & 0xC0 != 0x80 { valid = false; break }
                cp = cp << 6 | UInt32(c & 0x3F)
            }
            guard valid else { keep(b); i += 1; continue }
            if isSeparator(cp) {
                pendingSeparator = true
            } else if cp >= 0x300 && cp <= 0x36F {
                // A combining mark of a decomposed letter (`a` + U+0308): dropped.
            } else if Int(cp) < table.count, let mapped = table[Int(cp)] {
                for m in mapped { keep(m) }
            } else {
                for k in 0..<len { keep(v[i + k]) }
            }
            i += len
        }
        return out
    }

    @inline(__always) private static func isSeparator(_ cp: UInt32) -> Bool {
        (cp >= 0xA0 && cp <= 0xBF) || cp == 0xD7 || cp == 0xF7 || (cp >= 0x2000 && cp <= 0x206F) || cp == 0x3000 || cp == 0xFEFF
    }

    /// Diacritic folds of lower-case Latin letters (et, fi, sv, pl, de, lv, lt, no, da, hu, cs, …).
    private static let latinFold: [UInt32: String] = [
        0xE0: "a", 0xE1: "a", 0xE2: "a", 0xE3: "a", 0xE4: "a", 0xE5: "a", 0x101: "a", 0x103: "a", 0x105: "a",
        0xE6: "ae", 0xE7: "c", 0x107: "c", 0x109: "c", 0x10B: "c", 0x10D: "c", 0x10F: "d", 0x111: "d", 0xF0: "d",
        0xE8: "e", 0xE9: "e", 0xEA: "e", 0xEB: "e", 0x113: "e", 0x115: "e", 0x117: "e", 0x119: "e", 0x11B: "e",
        0x11D: "g", 0x11F: "g", 0x121: "g", 0x123: "g", 0x125: "h", 0x127: "h",
        0xEC: "i", 0xED: "i", 0xEE: "i", 0xEF: "i", 0x129: "i", 0x12B: "i", 0x12D: "i", 0x12F: "i", 0x131: "i",
        0x135: "j", 0x137: "k", 0x13A: "l", 0x13C: "l", 0x13E: "l", 0x140: "l", 0x142: "l",
        0xF1: "n", 0x144: "n", 0x146: "n", 0x148: "n",
        0xF2: "o", 0xF3: "o", 0xF4: "o", 0xF5: "o", 0xF6: "o", 0xF8: "o", 0x14D: "o", 0x14F: "o", 0x151: "o", 0x153: "oe",
        0x155: "r", 0x157: "r", 0x159: "r", 0xDF: "ss", 0x15B: "s", 0x15D: "s", 0x15F: "s", 0x161: "s",
        0x163: "t", 0x165: "t", 0x167: "t", 0xFE: "th",
        0xF9: "u", 0xFA: "u", 0xFB: "u", 0xFC: "u", 0x169: "u", 0x16B: "u", 0x16D: "u", 0x16F: "u", 0x171: "u", 0x173: "u",
        0x175: "w", 0xFD: "y", 0xFF: "y", 0x177: "y", 0x17A: "z", 0x17C: "z", 0x17E: "z",
        0x451: "е",
    ]

    /// Code point (below U+0530) → replacement bytes: lower-cased, then folded. `nil` where the
    /// character stays as written.
    private static let table: [[UInt8]?] = {
        var t = [[UInt8]?](repeating: nil, count: 0x530)
        for cp in UInt32(0x80)..<0x530 {
            guard let scalar = Unicode.Scalar(cp), !ControllerName.isSeparator(cp), !(cp >= 0x300 && cp <= 0x36F) else { continue }
            var out: [UInt8] = []
            for s in scalar.properties.lowercaseMapping.unicodeScalars {
                if let f = ControllerName.latinFold[s.value] { out += Array(f.utf8) }
                else if s.value >= 0x300 && s.value <= 0x36F { continue }
                else { out += Array(String(s).utf8) }
            }
            if out != Array(String(scalar).utf8) { t[Int(cp)] = out }
        }
        return t
    }()
}
