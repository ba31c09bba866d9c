/// A character encoding BreachScope can decode to UTF-8. Raw values are the usual lower-case
/// names (`utf-8`, `windows-1257`, `iso-8859-13`); `init?(label:)` also accepts common aliases.
/// `detect(_:)` guesses the encoding of a document from its first bytes.
public enum TextEncoding: String, CaseIterable, Sendable {
    case utf8 = "utf-8"
    /// UTF-8 that starts with a byte-order mark (EF BB BF); the transcoder drops the mark.
    case utf8BOM = "utf-8-bom"
    case utf16LE = "utf-16le"
    case utf16BE = "utf-16be"
    /// Central European (Polish, Czech, Slovak, Hungarian …), Windows.
    case windows1250 = "windows-1250"
    /// Western European (German, Nordic, Estonian without š/ž in Latin-1 …), Windows.
    case windows1252 = "windows-1252"
    /// Baltic (Estonian, Latvian, Lithuanian), Windows.
    case windows1257 = "windows-1257"
    /// Cyrillic (Russian, Ukrainian, Belarusian, Bulgarian …), Windows: the Russian-speaking
    /// customers' files of Baltic and Polish companies.
    case windows1251 = "windows-1251"
    /// Latin-1, Western European.
    case iso8859_1 = "iso-8859-1"
    /// Latin-2, Central European.
    case iso8859_2 = "iso-8859-2"
    /// Latin-4, North European (older Baltic).
    case iso8859_4 = "iso-8859-4"
    /// Latin-7, Baltic Rim.
    case iso8859_13 = "iso-8859-13"
    /// Latin-9, Western European with € and Š/Ž.
    case iso8859_15 = "iso-8859-15"

    /// Parses an encoding name or alias (`utf8`, `UTF-16`, `latin1`, `cp1257`, `ISO_8859-13`, `l7` …).
    /// Case, `-`, `_` and spaces are ignored. `utf-16` means little-endian (a BOM overrides it).
    public init?(label: String) {
        var key = ""
        for u in label.unicodeScalars where u != "-" && u != "_" && u != " " {
            key.unicodeScalars.append(contentsOf: String(u).lowercased().unicodeScalars)
        }
        switch key {
        case "utf8", "unicode11utf8", "unicode20utf8", "xunicode20utf8": self = .utf8
        case "utf8bom", "utf8sig", "utf8withbom": self = .utf8BOM
        case "utf16", "utf16le", "unicode", "ucs2", "ucs2le", "unicodefeff", "unicodelittleunmarked": self = .utf16LE
        case "utf16be", "ucs2be", "unicodefffe", "unicodebigunmarked": self = .utf16BE
        case "windows1250", "cp1250", "win1250", "xcp1250", "ms1250": self = .windows1250
        case "windows1252", "cp1252", "win1252", "xcp1252", "ms1252", "ansi": self = .windows1252
        case "windows1257", "cp1257", "win1257", "xcp1257", "ms1257", "winbaltrim": self = .windows1257
        case "windows1251", "cp1251", "win1251", "xcp1251", "ms1251", "wincyrillic": self = .windows1251
        case "iso88591", "iso885911987", "latin1", "l1", "cp819", "ibm819", "isoir100", "88591": self = .iso8859_1
        case "iso88592", "iso885921987", "latin2", "l2", "isoir101", "88592": self = .iso8859_2
        case "iso88594", "iso885941988", "latin4", "l4", "isoir110", "88594": self = .iso8859_4
        case "iso885913", "latin7", "l7", "isoir179", "885913": self = .iso8859_13
        case "iso885915", "latin9", "l9", "latin0", "885915": self = .iso8859_15
        default: return nil
        }
    }

    /// True for the nine single-byte codepages.
    public var isSingleByte: Bool { Self.highTable(self) != nil }

    /// The code points of bytes 0x80–0xFF for a single-byte codepage (0xFFFD = undefined byte),
    /// `nil` for the Unicode encodings. Bytes 0x00–0x7F are ASCII in every codepage we support.
    static func highTable(_ encoding: TextEncoding) -> [UInt16]? {
        switch encoding {
        case .utf8, .utf8BOM, .utf16LE, .utf16BE: return nil
        case .windows1250: return CodepageTable.windows1250
        case .windows1252: return CodepageTable.windows1252
        case .windows1257: return CodepageTable.windows1257
        case .windows1251: return CodepageTable.windows1251
        case .iso8859_1: return CodepageTable.iso8859_1
        case .iso8859_2: return CodepageTable.iso8859_2
        case .iso8859_4: return CodepageTable.iso8859_4
        case .iso8859_13: return CodepageTable.iso8859_13
        case .iso8859_15: return CodepageTable.iso8859_15
        }
    }
}

/// The result of `TextEncoding.detect(_:)`.
public struct EncodingGuess: Sendable, Equatable {
    /// The most plausible encoding (for binary input: `.utf8`, meaningless).
    public var encoding: TextEncoding
    /// False when another encoding that decodes the prefix differently scored almost as well.
    public var confident: Bool
    /// The prefix looks like binary data (NULs / control bytes), not text.
    public var isBinary: Bool
    /// Why: a short human-readable explanation (never contains document content).
    public var reason: String
    public init(encoding: TextEncoding, confident: Bool, isBinary: Bool, reason: String) {
        self.encoding = encoding; self.confident = confident; self.isBinary = isBinary; self.reason = reason
    }
}

extension TextEncoding {
    /// Bytes of the prefix examined by `detect`.
    static let detectWindow = 64 * 1024

    /// Guesses the encoding of a document from its first bytes (up to 64 KB are examined):
    /// 1. byte-order marks; 2. UTF-16 without BOM from the pattern of NUL bytes; 3. binary when
    /// NUL/control bytes are frequent; 4. valid UTF-8 (a sequence cut at the end of the prefix is
    /// allowed); 5. otherwise the single-byte codepage whose decoding gives the most plausible
    /// letters for et/lv/lt/pl/fi/sv/de/cs/no/da text, or of Cyrillic words (`guessCodepage`).
    public static func detect(_ prefix: UnsafeBufferPointer<UInt8>) -> EncodingGuess {
        let n = Swift.min(prefix.count, detectWindow)
        guard n > 0 else { return EncodingGuess(encoding: .utf8, confident: false, isBinary: false, reason: "empty") }
        let p = UnsafeBufferPointer(rebasing: prefix[0..<n])

        if n >= 3, p[0] == 0xEF, p[1] == 0xBB, p[2] == 0xBF {
            return EncodingGuess(encoding: .utf8BOM, confident: true, isBinary: false, reason: "UTF-8 byte-order mark")
        }
        if n >= 2, p[0] == 0xFF, p[1] == 0xFE {
            return EncodingGuess(encoding: .utf16LE, confident: true, isBinary: false, reason: "UTF-16LE byte-order mark")
        }
        if n >= 2, p[0] == 0xFE, p[1] == 0xFF {
            return EncodingGuess(encoding: .utf16BE, confident: true, isBinary: false, reason: "UTF-16BE byte-order mark")
        }

        var nul = 0, control = 0, nulEven = 0, nulOdd = 0, high = 0
        for i in 0..<n {
            let b = p[i]
            if b == 0 {
                nul += 1
                if i & 1 == 0 { nulEven += 1 } else { nulOdd += 1 }
            } else if b < 0x20 {
                // TAB LF VT FF CR and ESC occur in text; the rest do not.
                if !(b >= 0x09 && b <= 0x0D) && b != 0x1B { control += 1 }
            } else if b == 0x7F {
                control += 1
            } else if b >= 0x80 {
                high += 1
            }
        }

        if nul > 0 && n >= 4 {
            let units = n / 2
            if let utf16 = utf16ByNulPattern(p, units: units, nulEven: nulEven, nulOdd: nulOdd) {
                return utf16
            }
        }
        if nul * 100 > n || (nul + control) * 20 > n {
            let pct = (nul + control) * 100 / n
            return EncodingGuess(encoding: .utf8, confident: true, isBinary: true,
                                 reason: "binary: \(pct)% NUL/control bytes")
        }
        if high == 0 {
            return EncodingGuess(encoding: .utf8, confident: true, isBinary: false, reason: "ASCII only")
        }
        let utf8 = utf8Validity(p)
        // A sequence cut by the end of the prefix is fine once complete ones were seen.
        if utf8.invalid == 0 && (!utf8.truncatedEnd || utf8.multibyte > 0) {
            return EncodingGuess(encoding: .utf8, confident: true, isBinary: false, reason: "valid UTF-8")
        }
        // Mostly UTF-8 with a few stray bytes (a pasted Latin-1 fragment): still UTF-8, since a
        // codepage would garble every multi-byte sequence.
        if utf8.multibyte > 0 && utf8.multibyte >= 4 * utf8.invalid {
            return EncodingGuess(encoding: .utf8, confident: false, isBinary: false,
                                 reason: "UTF-8 with \(utf8.invalid) invalid sequences among \(utf8.multibyte)")
        }
        return guessCodepage(p)
    }

    /// UTF-16 text without a BOM has NULs in one byte of most code units (ASCII, Latin-1) and
    /// almost none in the other; the decoded units must then look like text.
    private static func utf16ByNulPattern(_ p: UnsafeBufferPointer<UInt8>, units: Int, nulEven: Int, nulOdd: Int) -> EncodingGuess? {
        let le: Bool
        if nulOdd * 10 >= units * 3 && nulEven * 20 <= units { le = true }
        else if nulEven * 10 >= units * 3 && nulOdd * 20 <= units { le = false }
        else { return nil }
        var textual = 0, pendingHigh = false, bad = 0
        for k in 0..<units {
            let u = le ? UInt16(p[2 * k]) | UInt16(p[2 * k + 1]) << 8 : UInt16(p[2 * k]) << 8 | UInt16(p[2 * k + 1])
            if pendingHigh {
                pendingHigh = false
                if u >= 0xDC00 && u <= 0xDFFF { textual += 2; continue }
                bad += 1
            }
            if u >= 0xD800 && u <= 0xDBFF { pendingHigh = true; continue }
            if u >= 0xDC00 && u <= 0xDFFF { bad += 1; continue }
            if u == 0x09 || u == 0x0A || u == 0x0D || (u >= 0x20 && u != 0x7F && !(u >= 0x80 && u < 0xA0) && u != 0xFFFE && u != 0xFFFF) {
                textual += 1
            }
        }
        guard bad * 50 <= units, textual * 10 >= units * 9 else { return nil }
        let enc: TextEncoding = le ? .utf16LE : .utf16BE
        return EncodingGuess(encoding: enc, confident: true, isBinary: false,
                             reason: "\(enc.rawValue) by NUL pattern (no BOM)")
    }

    /// Strict UTF-8 validation (no overlongs, surrogates or code points above U+10FFFF):
    /// `invalid` counts ill-formed sequences, `multibyte` complete multi-byte ones, and
    /// `truncatedEnd` says the last sequence is cut by the end of `p`.
    static func utf8Validity(_ p: UnsafeBufferPointer<UInt8>) -> (invalid: Int, truncatedEnd: Bool, multibyte: Int) {
        let n = p.count
        var i = 0, multibyte = 0, invalid = 0
        scan: while i < n {
            let b = p[i]
            if b < 0x80 { i += 1; continue }
            let need: Int
            var lo: UInt8 = 0x80, hi: UInt8 = 0xBF
            switch b {
            case 0xC2...0xDF: need = 1
            case 0xE0: need = 2; lo = 0xA0
            case 0xE1...0xEC, 0xEE...0xEF: need = 2
            case 0xED: need = 2; hi = 0x9F
            case 0xF0: need = 3; lo = 0x90
            case 0xF1...0xF3: need = 3
            case 0xF4: need = 3; hi = 0x8F
            default: invalid += 1; i += 1; continue scan
            }
            for k in 1...need {
                if i + k >= n { return (invalid, true, multibyte) }
                let c = p[i + k]
                if k == 1 ? (c < lo || c > hi) : (c & 0xC0 != 0x80) { invalid += 1; i += k; continue scan }
            }
            multibyte += 1
            i += need + 1
        }
        return (invalid, false, multibyte)
    }
}

// MARK: - Codepage scoring

extension TextEncoding {
    /// The single-byte codepages in order of preference when scores tie.
    static let codepagePreference: [TextEncoding] = [
        .windows1252, .windows1257, .windows1250, .iso8859_15, .iso8859_1, .iso8859_13, .iso8859_2, .iso8859_4,
        .windows1251,
    ]

    /// Letters beyond ASCII that each language uses (lower and upper case are both counted).
    /// A decoded letter scores +2 for a language that uses it, -1 when only other languages use
    /// it, -2 when none does (ð, ő, ŕ … from the wrong codepage).
    static let languageLetters: [(language: String, letters: String)] = [
        ("et", "õäöüšž"),
        ("lv", "āčēģīķļņšūž"),
        ("lt", "ąčęėįšųūž"),
        ("pl", "ąćęłńóśźż"),
        ("fi", "äöåšž"),
        ("sv", "åäöé"),
        ("de", "äöüßé"),
        ("cs", "áčďéěíňóřšťúůýž"),
        ("no/da", "æøåé"),
    ]

    /// Per code point below U+0180: one bit per entry of `languageLetters`.
    static let letterLanguages: [UInt16] = {
        var mask = [UInt16](repeating: 0, count: 0x180)
        for (bit, entry) in languageLetters.enumerated() {
            for ch in entry.letters + entry.letters.uppercased() {
                for u in ch.unicodeScalars where u.value < 0x180 { mask[Int(u.value)] |= 1 << UInt16(bit) }
            }
        }
        return mask
    }()

    private static let badScore = -5, wrongLetterScore = -1, foreignLetterScore = -2
    private static let goodLetterScore = 2, symbolInWordScore = -3

    /// Chooses among the single-byte codepages by how plausible the decoded high bytes are as
    /// letters of one of `languageLetters`' languages, or (Windows-1251) as Cyrillic words: a
    /// Cyrillic word is all high bytes, so a run of three or more between non-letters counts for
    /// it, a run touching an ASCII letter (`analüüs`, `Kazlauskienė`) against it. Works on
    /// histograms of the high bytes, so its cost does not depend on the prefix length beyond one
    /// pass.
    static func guessCodepage(_ p: UnsafeBufferPointer<UInt8>) -> EncodingGuess {
        var total = [Int](repeating: 0, count: 128)
        var inWord = [Int](repeating: 0, count: 128)
        var wordRun = [Int](repeating: 0, count: 128), mixedRun = [Int](repeating: 0, count: 128)
        @inline(__always) func isASCIILetter(_ b: UInt8) -> Bool { (b | 0x20) >= 0x61 && (b | 0x20) <= 0x7A }
        let n = p.count
        var i = 0
        while i < n {
            guard p[i] >= 0x80 else { i += 1; continue }
            var j = i
            while j < n && p[j] >= 0x80 { j += 1 }
            let mixed = (i > 0 && isASCIILetter(p[i - 1])) || (j < n && isASCIILetter(p[j]))
            for r in i..<j {
                let k = Int(p[r] - 0x80)
                total[k] += 1
                if r > 0, r + 1 < n, isASCIILetter(p[r - 1]), isASCIILetter(p[r + 1]) { inWord[k] += 1 }
                if mixed { mixedRun[k] += 1 } else if j - i >= 3 { wordRun[k] += 1 }
            }
            i = j
        }
        let languages = languageLetters.count
        var scores: [(encoding: TextEncoding, score: Int)] = []
        for enc in codepagePreference {
            let table = highTable(enc)!
            if enc == .windows1251 {
                scores.append((enc, cyrillicScore(table, total: total, inWord: inWord, wordRun: wordRun, mixedRun: mixedRun)))
                continue
            }
            var perLanguage = [Int](repeating: 0, count: languages)
            for k in 0..<128 where total[k] > 0 {
                let cp = Int(table[k])
                let count = total[k]
                if cp == 0xFFFD || (cp >= 0x80 && cp < 0xA0) {
                    for l in 0..<languages { perLanguage[l] += badScore * count }
                } else if cp >= 0xC0 && cp < 0x180 && cp != 0xD7 && cp != 0xF7 {
                    let mask = letterLanguages[cp]
                    for l in 0..<languages {
                        let s = mask & (1 << UInt16(l)) != 0 ? goodLetterScore : (mask != 0 ? wrongLetterScore : foreignLetterScore)
                        perLanguage[l] += s * count
                    }
                } else if cp != 0x2019 {  // a symbol; ’ inside words is an apostrophe
                    for l in 0..<languages { perLanguage[l] += symbolInWordScore * inWord[k] }
                }
            }
            scores.append((enc, perLanguage.max()!))
        }
        // Stable: ties keep the preference order.
        let ranked = scores.enumerated().sorted { a, b in
            a.element.score != b.element.score ? a.element.score > b.element.score : a.offset < b.offset
        }.map(\.element)
        let best = ranked[0]
        let bestTable = highTable(best.encoding)!
        // The runner-up is the best encoding that decodes this prefix differently.
        let rival = ranked.dropFirst().first { other in
            let t = highTable(other.encoding)!
            return (0..<128).contains { total[$0] > 0 && t[$0] != bestTable[$0] }
        }
        guard let rival else {
            return EncodingGuess(encoding: best.encoding, confident: best.score > 0, isBinary: false,
                                 reason: "\(best.encoding.rawValue): letter score \(best.score), no codepage decodes differently")
        }
        let confident = best.score > 0 && best.score - rival.score >= 4
        return EncodingGuess(encoding: best.encoding, confident: confident, isBinary: false,
                             reason: "\(best.encoding.rawValue): letter score \(best.score), next \(rival.encoding.rawValue) \(rival.score)")
    }

    /// The letter score of Cyrillic decodings (`guessCodepage`): +2 per Cyrillic letter in a
    /// run of three or more high bytes between non-letters, -3 per one in a run touching an ASCII
    /// letter, -5 per undefined byte or C1 control, -3 per symbol between ASCII letters.
    private static func cyrillicScore(_ table: [UInt16], total: [Int], inWord: [Int], wordRun: [Int], mixedRun: [Int]) -> Int {
        var score = 0
        for k in 0..<128 where total[k] > 0 {
            let cp = table[k]
            if cp == 0xFFFD || (cp >= 0x80 && cp < 0xA0) {
                score += badScore * total[k]
            } else if cp >= 0x400 && cp < 0x500 {
                score += goodLetterScore * wordRun[k] + symbolInWordScore * mixedRun[k]
            } else if cp != 0x2019 {
                score += symbolInWordScore * inWord[k]
            }
        }
        return score
    }
}

// MARK: - Codepage tables

extension TextEncoding {
    /// Exact mappings of bytes 0x80–0xFF to Unicode (from the unicode.org / WHATWG mapping files);
    /// with ASCII for 0x00–0x7F they form the 256-entry tables. 0xFFFD marks undefined bytes.
    enum CodepageTable {
        /// windows1250: bytes 0x80–0xFF (0x00–0x7F are ASCII in every table). 0xFFFD marks an undefined byte.
        static let windows1250: [UInt16] = [
            0x20AC, 0xFFFD, 0x201A, 0xFFFD, 0x201E, 0x2026, 0x2020, 0x2021, 0xFFFD, 0x2030, 0x0160, 0x2039, 0x015A, 0x0164, 0x017D, 0x0179,  // 80
            0xFFFD, 0x2018, 0x2019, 0x201C, 0x201D, 0x2022, 0x2013, 0x2014, 0xFFFD, 0x2122, 0x0161, 0x203A, 0x015B, 0x0165, 0x017E, 0x017A,  // 90
            0x00A0, 0x02C7, 0x02D8, 0x0141, 0x00A4, 0x0104, 0x00A6, 0x00A7, 0x00A8, 0x00A9, 0x015E, 0x00AB, 0x00AC, 0x00AD, 0x00AE, 0x017B,  // A0
            0x00B0, 0x00B1, 0x02DB, 0x0142, 0x00B4, 0x00B5, 0x00B6, 0x00B7, 0x00B8, 0x0105, 0x015F, 0x00BB, 0x013D, 0x02DD, 0x013E, 0x017C,  // B0
            0x0154, 0x00C1, 0x00C2, 0x0102, 0x00C4, 0x0139, 0x0106, 0x00C7, 0x010C, 0x00C9, 0x0118, 0x00CB, 0x011A, 0x00CD, 0x00CE, 0x010E,  // C0
            0x0110, 0x0143, 0x0147, 0x00D3, 0x00D4, 0x0150, 0x00D6, 0x00D7, 0x0158, 0x016E, 0x00DA, 0x0170, 0x00DC, 0x00DD, 0x0162, 0x00DF,  // D0
            0x0155, 0x00E1, 0x00E2, 0x0103, 0x00E4, 0x013A, 0x0107, 0x00E7, 0x010D, 0x00E9, 0x0119, 0x00EB, 0x011B, 0x00ED, 0x00EE, 0x010F,  // E0
            0x0111, 0x0144, 0x0148, 0x00F3, 0x00F4, 0x0151, 0x00F6, 0x00F7, 0x0159, 0x016F, 0x00FA, 0x0171, 0x00FC, 0x00FD, 0x0163, 0x02D9,  // F0
        ]
        /// windows1252: bytes 0x80–0xFF (0x00–0x7F are ASCII in every table). 0xFFFD marks an undefined byte.
        static let windows1252: [UInt16] = [
            0x20AC, 0xFFFD, 0x201A, 0x0192, 0x201E, 0x2026, 0x2020, 0x2021, 0x02C6, 0x2030, 0x0160, 0x2039, 0x0152, 0xFFFD, 0x017D, 0xFFFD,  // 80
            0xFFFD, 0x2018, 0x2019, 0x201C, 0x201D, 0x2022, 0x2013, 0x2014, 0x02DC, 0x2122, 0x0161, 0x203A, 0x0153, 0xFFFD, 0x017E, 0x0178,  // 90
            0x00A0, 0x00A1, 0x00A2, 0x00A3, 0x00A4, 0x00A5, 0x00A6, 0x00A7, 0x00A8, 0x00A9, 0x00AA, 0x00AB, 0x00AC, 0x00AD, 0x00AE, 0x00AF,  // A0
            0x00B0, 0x00B1, 0x00B2, 0x00B3, 0x00B4, 0x00B5, 0x00B6, 0x00B7, 0x00B8, 0x00B9, 0x00BA, 0x00BB, 0x00BC, 0x00BD, 0x00BE, 0x00BF,  // B0
            0x00C0, 0x00C1, 0x00C2, 0x00C3, 0x00C4, 0x00C5, 0x00C6, 0x00C7, 0x00C8, 0x00C9, 0x00CA, 0x00CB, 0x00CC, 0x00CD, 0x00CE, 0x00CF,  // C0
            0x00D0, 0x00D1, 0x00D2, 0x00D3, 0x00D4, 0x00D5, 0x00D6, 0x00D7, 0x00D8, 0x00D9, 0x00DA, 0x00DB, 0x00DC, 0x00DD, 0x00DE, 0x00DF,  // D0
            0x00E0, 0x00E1, 0x00E2, 0x00E3, 0x00E4, 0x00E5, 0x00E6, 0x00E7, 0x00E8, 0x00E9, 0x00EA, 0x00EB, 0x00EC, 0x00ED, 0x00EE, 0x00EF,  // E0
            0x00F0, 0x00F1, 0x00F2, 0x00F3, 0x00F4, 0x00F5, 0x00F6, 0x00F7, 0x00F8, 0x00F9, 0x00FA, 0x00FB, 0x00FC, 0x00FD, 0x00FE, 0x00FF,  // F0
        ]
        /// windows1257: bytes 0x80–0xFF (0x00–0x7F are ASCII in every table). 0xFFFD marks an undefined byte.
        static let windows1257: [UInt16] = [
            0x20AC, 0xFFFD, 0x201A, 0xFFFD, 0x201E, 0x2026, 0x2020, 0x2021, 0xFFFD, 0x2030, 0xFFFD, 0x2039, 0xFFFD, 0x00A8, 0x02C7, 0x00B8,  // 80
            0xFFFD, 0x2018, 0x2019, 0x201C, 0x201D, 0x2022, 0x2013, 0x2014, 0xFFFD, 0x2122, 0xFFFD, 0x203A, 0xFFFD, 0x00AF, 0x02DB, 0xFFFD,  // 90
            0x00A0, 0xFFFD, 0x00A2, 0x00A3, 0x00A4, 0xFFFD, 0x00A6, 0x00A7, 0x00D8, 0x00A9, 0x0156, 0x00AB, 0x00AC, 0x00AD, 0x00AE, 0x00C6,  // A0
            0x00B0, 0x00B1, 0x00B2, 0x00B3, 0x00B4, 0x00B5, 0x00B6, 0x00B7, 0x00F8, 0x00B9, 0x0157, 0x00BB, 0x00BC, 0x00BD, 0x00BE, 0x00E6,  // B0
            0x0104, 0x012E, 0x0100, 0x0106, 0x00C4, 0x00C5, 0x0118, 0x0112, 0x010C, 0x00C9, 0x0179, 0x0116, 0x0122, 0x0136, 0x012A, 0x013B,  // C0
            0x0160, 0x0143, 0x0145, 0x00D3, 0x014C, 0x00D5, 0x00D6, 0x00D7, 0x0172, 0x0141, 0x015A, 0x016A, 0x00DC, 0x017B, 0x017D, 0x00DF,  // D0
            0x0105, 0x012F, 0x0101, 0x0107, 0x00E4, 0x00E5, 0x0119, 0x0113, 0x010D, 0x00E9, 0x017A, 0x0117, 0x0123, 0x0137, 0x012B, 0x013C,  // E0
            0x0161, 0x0144, 0x0146, 0x00F3, 0x014D, 0x00F5, 0x00F6, 0x00F7, 0x0173, 0x0142, 0x015B, 0x016B, 0x00FC, 0x017C, 0x017E, 0x02D9,  // F0
        ]
        /// windows1251: bytes 0x80–0xFF (0x00–0x7F are ASCII in every table). 0xFFFD marks an undefined byte.
        static let windows1251: [UInt16] = [
            0x0402, 0x0403, 0x201A, 0x0453, 0x201E, 0x2026, 0x2020, 0x2021, 0x20AC, 0x2030, 0x0409, 0x2039, 0x040A, 0x040C, 0x040B, 0x040F,  // 80
            0x0452, 0x2018, 0x2019, 0x201C, 0x201D, 0x2022, 0x2013, 0x2014, 0xFFFD, 0x2122, 0x0459, 0x203A, 0x045A, 0x045C, 0x045B, 0x045F,  // 90
            0x00A0, 0x040E, 0x045E, 0x0408, 0x00A4, 0x0490, 0x00A6, 0x00A7, 0x0401, 0x00A9, 0x0404, 0x00AB, 0x00AC, 0x00AD, 0x00AE, 0x0407,  // A0
            0x00B0, 0x00B1, 0x0406, 0x0456, 0x0491, 0x00B5, 0x00B6, 0x00B7, 0x0451, 0x2116, 0x0454, 0x00BB, 0x0458, 0x0405, 0x0455, 0x0457,  // B0
            0x0410, 0x0411, 0x0412, 0x0413, 0x0414, 0x0415, 0x0416, 0x0417, 0x0418, 0x0419, 0x041A, 0x041B, 0x041C, 0x041D, 0x041E, 0x041F,  // C0
            0x0420, 0x0421, 0x0422, 0x0423, 0x0424, 0x0425, 0x0426, 0x0427, 0x0428, 0x0429, 0x042A, 0x042B, 0x042C, 0x042D, 0x042E, 0x042F,  // D0
            0x0430, 0x0431, 0x0432, 0x0433, 0x0434, 0x0435, 0x0436, 0x0437, 0x0438, 0x0439, 0x043A, 0x043B, 0x043C, 0x043D, 0x043E, 0x043F,  // E0
            0x0440, 0x0441, 0x0442, 0x0443, 0x0444, 0x0445, 0x0446, 0x0447, 0x0448, 0x0449, 0x044A, 0x044B, 0x044C, 0x044D, 0x044E, 0x044F,  // F0
        ]
        /// iso8859_1: bytes 0x80–0xFF (0x00–0x7F are ASCII in every table). 0xFFFD marks an undefined byte.
        static let iso8859_1: [UInt16] = [
            0x0080, 0x0081, 0x0082, 0x0083, 0x0084, 0x0085, 0x0086, 0x0087, 0x0088, 0x0089, 0x008A, 0x008B, 0x008C, 0x008D, 0x008E, 0x008F,  // 80
            0x0090, 0x0091, 0x0092, 0x0093, 0x0094, 0x0095, 0x0096, 0x0097, 0x0098, 0x0099, 0x009A, 0x009B, 0x009C, 0x009D, 0x009E, 0x009F,  // 90
            0x00A0, 0x00A1, 0x00A2, 0x00A3, 0x00A4, 0x00A5, 0x00A6, 0x00A7, 0x00A8, 0x00A9, 0x00AA, 0x00AB, 0x00AC, 0x00AD, 0x00AE, 0x00AF,  // A0
            0x00B0, 0x00B1, 0x00B2, 0x00B3, 0x00B4, 0x00B5, 0x00B6, 0x00B7, 0x00B8, 0x00B9, 0x00BA, 0x00BB, 0x00BC, 0x00BD, 0x00BE, 0x00BF,  // B0
            0x00C0, 0x00C1, 0x00C2, 0x00C3, 0x00C4, 0x00C5, 0x00C6, 0x00C7, 0x00C8, 0x00C9, 0x00CA, 0x00CB, 0x00CC, 0x00CD, 0x00CE, 0x00CF,  // C0
            0x00D0, 0x00D1, 0x00D2, 0x00D3, 0x00D4, 0x00D5, 0x00D6, 0x00D7, 0x00D8, 0x00D9, 0x00DA, 0x00DB, 0x00DC, 0x00DD, 0x00DE, 0x00DF,  // D0
            0x00E0, 0x00E1, 0x00E2, 0x00E3, 0x00E4, 0x00E5, 0x00E6, 0x00E7, 0x00E8, 0x00E9, 0x00EA, 0x00EB, 0x00EC, 0x00ED, 0x00EE, 0x00EF,  // E0
            0x00F0, 0x00F1, 0x00F2, 0x00F3, 0x00F4, 0x00F5, 0x00F6, 0x00F7, 0x00F8, 0x00F9, 0x00FA, 0x00FB, 0x00FC, 0x00FD, 0x00FE, 0x00FF,  // F0
        ]
        /// iso8859_2: bytes 0x80–0xFF (0x00–0x7F are ASCII in every table). 0xFFFD marks an undefined byte.
        static let iso8859_2: [UInt16] = [
            0x0080, 0x0081, 0x0082, 0x0083, 0x0084, 0x0085, 0x0086, 0x0087, 0x0088, 0x0089, 0x008A, 0x008B, 0x008C, 0x008D, 0x008E, 0x008F,  // 80
            0x0090, 0x0091, 0x0092, 0x0093, 0x0094, 0x0095, 0x0096, 0x0097, 0x0098, 0x0099, 0x009A, 0x009B, 0x009C, 0x009D, 0x009E, 0x009F,  // 90
            0x00A0, 0x0104, 0x02D8, 0x0141, 0x00A4, 0x013D, 0x015A, 0x00A7, 0x00A8, 0x0160, 0x015E, 0x0164, 0x0179, 0x00AD, 0x017D, 0x017B,  // A0
            0x00B0, 0x0105, 0x02DB, 0x0142, 0x00B4, 0x013E, 0x015B, 0x02C7, 0x00B8, 0x0161, 0x015F, 0x0165, 0x017A, 0x02DD, 0x017E, 0x017C,  // B0
            0x0154, 0x00C1, 0x00C2, 0x0102, 0x00C4, 0x0139, 0x0106, 0x00C7, 0x010C, 0x00C9, 0x0118, 0x00CB, 0x011A, 0x00CD, 0x00CE, 0x010E,  // C0
            0x0110, 0x0143, 0x0147, 0x00D3, 0x00D4, 0x0150, 0x00D6, 0x00D7, 0x0158, 0x016E, 0x00DA, 0x0170, 0x00DC, 0x00DD, 0x0162, 0x00DF,  // D0
            0x0155, 0x00E1, 0x00E2, 0x0103, 0x00E4, 0x013A, 0x0107, 0x00E7, 0x010D, 0x00E9, 0x0119, 0x00EB, 0x011B, 0x00ED, 0x00EE, 0x010F,  // E0
            0x0111, 0x0144, 0x0148, 0x00F3, 0x00F4, 0x0151, 0x00F6, 0x00F7, 0x0159, 0x016F, 0x00FA, 0x0171, 0x00FC, 0x00FD, 0x0163, 0x02D9,  // F0
        ]
        /// iso8859_4: bytes 0x80–0xFF (0x00–0x7F are ASCII in every table). 0xFFFD marks an undefined byte.
        static let iso8859_4: [UInt16] = [
            0x0080, 0x0081, 0x0082, 0x0083, 0x0084, 0x0085, 0x0086, 0x0087, 0x0088, 0x0089, 0x008A, 0x008B, 0x008C, 0x008D, 0x008E, 0x008F,  // 80
            0x0090, 0x0091, 0x0092, 0x0093, 0x0094, 0x0095, 0x0096, 0x0097, 0x0098, 0x0099, 0x009A, 0x009B, 0x009C, 0x009D, 0x009E, 0x009F,  // 90
            0x00A0, 0x0104, 0x0138, 0x0156, 0x00A4, 0x0128, 0x013B, 0x00A7, 0x00A8, 0x0160, 0x0112, 0x0122, 0x0166, 0x00AD, 0x017D, 0x00AF,  // A0
            0x00B0, 0x0105, 0x02DB, 0x0157, 0x00B4, 0x0129, 0x013C, 0x02C7, 0x00B8, 0x0161, 0x0113, 0x0123, 0x0167, 0x014A, 0x017E, 0x014B,  // B0
            0x0100, 0x00C1, 0x00C2, 0x00C3, 0x00C4, 0x00C5, 0x00C6, 0x012E, 0x010C, 0x00C9, 0x0118, 0x00CB, 0x0116, 0x00CD, 0x00CE, 0x012A,  // C0
            0x0110, 0x0145, 0x014C, 0x0136, 0x00D4, 0x00D5, 0x00D6, 0x00D7, 0x00D8, 0x0172, 0x00DA, 0x00DB, 0x00DC, 0x0168, 0x016A, 0x00DF,  // D0
            0x0101, 0x00E1, 0x00E2, 0x00E3, 0x00E4, 0x00E5, 0x00E6, 0x012F, 0x010D, 0x00E9, 0x0119, 0x00EB, 0x0117, 0x00ED, 0x00EE, 0x012B,  // E0
            0x0111, 0x0146, 0x014D, 0x0137, 0x00F4, 0x00F5, 0x00F6, 0x00F7, 0x00F8, 0x0173, 0x00FA, 0x00FB, 0x00FC, 0x0169, 0x016B, 0x02D9,  // F0
        ]
        /// iso8859_13: bytes 0x80–0xFF (0x00–0x7F are ASCII in every table). 0xFFFD marks an undefined byte.
        static let iso8859_13: [UInt16] = [
            0x0080, 0x0081, 0x0082, 0x0083, 0x0084, 0x0085, 0x0086, 0x0087, 0x0088, 0x0089, 0x008A, 0x008B, 0x008C, 0x008D, 0x008E, 0x008F,  // 80
            0x0090, 0x0091, 0x0092, 0x0093, 0x0094, 0x0095, 0x0096, 0x0097, 0x0098, 0x0099, 0x009A, 0x009B, 0x009C, 0x009D, 0x009E, 0x009F,  // 90
            0x00A0, 0x201D, 0x00A2, 0x00A3, 0x00A4, 0x201E, 0x00A6, 0x00A7, 0x00D8, 0x00A9, 0x0156, 0x00AB, 0x00AC, 0x00AD, 0x00AE, 0x00C6,  // A0
            0x00B0, 0x00B1, 0x00B2, 0x00B3, 0x201C, 0x00B5, 0x00B6, 0x00B7, 0x00F8, 0x00B9, 0x0157, 0x00BB, 0x00BC, 0x00BD, 0x00BE, 0x00E6,  // B0
            0x0104, 0x012E, 0x0100, 0x0106, 0x00C4, 0x00C5, 0x0118, 0x0112, 0x010C, 0x00C9, 0x0179, 0x0116, 0x0122, 0x0136, 0x012A, 0x013B,  // C0
            0x0160, 0x0143, 0x0145, 0x00D3, 0x014C, 0x00D5, 0x00D6, 0x00D7, 0x0172, 0x0141, 0x015A, 0x016A, 0x00DC, 0x017B, 0x017D, 0x00DF,  // D0
            0x0105, 0x012F, 0x0101, 0x0107, 0x00E4, 0x00E5, 0x0119, 0x0113, 0x010D, 0x00E9, 0x017A, 0x0117, 0x0123, 0x0137, 0x012B, 0x013C,  // E0
            0x0161, 0x0144, 0x0146, 0x00F3, 0x014D, 0x00F5, 0x00F6, 0x00F7, 0x0173, 0x0142, 0x015B, 0x016B, 0x00FC, 0x017C, 0x017E, 0x2019,  // F0
        ]
        /// iso8859_15: bytes 0x80–0xFF (0x00–0x7F are ASCII in every table). 0xFFFD marks an undefined byte.
        static let iso8859_15: [UInt16] = [
            0x0080, 0x0081, 0x0082, 0x0083, 0x0084, 0x0085, 0x0086, 0x0087, 0x0088, 0x0089, 0x008A, 0x008B, 0x008C, 0x008D, 0x008E, 0x008F,  // 80
            0x0090, 0x0091, 0x0092, 0x0093, 0x0094, 0x0095, 0x0096, 0x0097, 0x0098, 0x0099, 0x009A, 0x009B, 0x009C, 0x009D, 0x009E, 0x009F,  // 90
            0x00A0, 0x00A1, 0x00A2, 0x00A3, 0x20AC, 0x00A5, 0x0160, 0x00A7, 0x0161, 0x00A9, 0x00AA, 0x00AB, 0x00AC, 0x00AD, 0x00AE, 0x00AF,  // A0
            0x00B0, 0x00B1, 0x00B2, 0x00B3, 0x017D, 0x00B5, 0x00B6, 0x00B7, 0x017E, 0x00B9, 0x00BA, 0x00BB, 0x0152, 0x0153, 0x0178, 0x00BF,  // B0
            0x00C0, 0x00C1, 0x00C2, 0x00C3, 0x00C4, 0x00C5, 0x00C6, 0x00C7, 0x00C8, 0x00C9, 0x00CA, 0x00CB, 0x00CC, 0x00CD, 0x00CE, 0x00CF,  // C0
            0x00D0, 0x00D1, 0x00D2, 0x00D3, 0x00D4, 0x00D5, 0x00D6, 0x00D7, 0x00D8, 0x00D9, 0x00DA, 0x00DB, 0x00DC, 0x00DD, 0x00DE, 0x00DF,  // D0
            0x00E0, 0x00E1, 0x00E2, 0x00E3, 0x00E4, 0x00E5, 0x00E6, 0x00E7, 0x00E8, 0x00E9, 0x00EA, 0x00EB, 0x00EC, 0x00ED, 0x00EE, 0x00EF,  // E0
            0x00F0, 0x00F1, 0x00F2, 0x00F3, 0x00F4, 0x00F5, 0x00F6, 0x00F7, 0x00F8, 0x00F9, 0x00FA, 0x00FB, 0x00FC, 0x00FD, 0x00FE, 0x00FF,  // F0
        ]
    }
}
