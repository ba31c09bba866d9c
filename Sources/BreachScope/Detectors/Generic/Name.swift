/// Validates and normalises person names found in fields labelled as names (`Nimi`, `ФИО`,
/// `first_name`, …). Names carry no checksum, so this is not a byte-scanning `Detector`: the
/// scanner calls it on the value of a field whose hint is `.fullName`, `.firstName` or `.lastName`.
///
/// Accepted: letters of the Latin alphabets of et, fi, sv, pl, de, lv, lt, no, da (and the rest
/// of Latin-1/Extended-A/B), Cyrillic, combining accents, spaces, hyphens, apostrophes (`'`, `’`),
/// dots (initials) and a comma (`Maasikas, Mari`).
/// Rejected: empty values, values with digits, `@` or other symbols, longer than 120 bytes,
/// without a word of two letters (single initials), and placeholders (`N/A`, `null`, `-`,
/// `unknown`, `test`, `nimi`, …).
/// Normalisation: whitespace (including no-break spaces) collapsed to one space, trimmed.
/// Example (fictitious): `"  Mari-Liis   Maasikas "` → `Mari-Liis Maasikas`.
public struct NameDetector: Sendable {
    /// Longest accepted name in bytes (after whitespace is collapsed).
    public static let maxBytes = 120

    /// The normalised name, or `nil` when the value is not a plausible person name.
    public static func normalize(_ value: UnsafeBufferPointer<UInt8>) -> [UInt8]? {
        var text: [UInt8] = []
        text.reserveCapacity(value.count)
        return normalize(value, into: &text) ? text : nil
    }

    /// `normalize(_:)` into a caller's empty buffer (reused: no allocation per field). Returns
    /// false, leaving `text` empty, when the value is no plausible name.
    public static func normalize(_ value: UnsafeBufferPointer<UInt8>, into text: inout [UInt8]) -> Bool {
        precondition(text.isEmpty, "normalize(_:into:) needs an empty buffer")
        // A numbered list's item (` 1. HEINONEN VEIKKO`, `12) Anna Tamm`): the name after its number.
        if let b = value.first, b == 0x20 || ASCII.isDigit(b) {
            var i = 0
            while i < value.count && value[i] == 0x20 { i += 1 }
            let digits = i
            while i < value.count && ASCII.isDigit(value[i]) { i += 1 }
            if i > digits && i - digits <= 3 && i + 1 < value.count && (value[i] == 0x2E || value[i] == 0x29) && value[i + 1] == 0x20 {
                collapseWhitespace(UnsafeBufferPointer(rebasing: value[(i + 2)...]), into: &text)
                guard isName(text) else { text.clear(); return false }
                return true
            }
        }
        collapseWhitespace(value, into: &text)
        guard isName(text) else { text.clear(); return false }
        return true
    }

    /// The checks of `normalize` on whitespace-collapsed text.
    static func isName(_ text: [UInt8]) -> Bool {
        guard !text.isEmpty, text.count <= maxBytes else { return false }
        var longestWord = 0
        var word = 0
        var ok = true
        forEachScalar(text) { scalar in
            switch scalar {
            case 0x41...0x5A, 0x61...0x7A:
                word += 1
            case 0x20, 0x2D, 0x27, 0x2E, 0x2C, 0x2019, 0x02BC, 0x2010, 0x2011, 0x2013:
                longestWord = max(longestWord, word)
                word = 0
            case 0x300...0x36F:
                break  // combining accent of a decomposed letter
            default:
                if isLetter(scalar) { word += 1 } else { ok = false }
            }
            return ok
        }
        longestWord = max(longestWord, word)
        // A sentence is no name (`Dzień dobry, nazywam się Krzysztof Gołębiowski. Dostałem SMS …`):
        // names have up to six words (`María José García de la Cruz`).
        guard ok, text.lazy.filter({ $0 == 0x20 }).count <= 5 else { return false }
        // A dotted identifier is software's (a Java class, `com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException`,
        // under a log's `name`): one word with two dots or more between letters.
        if !text.contains(0x20) {
            var dots = 0
            for i in text.indices.dropFirst().dropLast() where text[i] == 0x2E && ASCII.isLetter(text[i - 1]) && ASCII.isLetter(text[i + 1]) { dots += 1 }
            if dots >= 2 { return false }
        }
        // Organisation names have two words or more (`Apteek Kesklinn`); a single word is a
        // first or last name part, checked once the parts are joined.
        return ok && longestWord >= 2 && !isPlaceholder(text, extra: []) && !(text.contains(0x20) && namesOrganisation(text))
    }

    /// Words that make a name an organisation's when they open or close it (`Apteek Kesklinn`,
    /// `Tartu Kliinik`, `Kuulopiste Oy`, `AS Tere`), lower case.
    static let organisationWords: Set<[UInt8]> = Set([
        "apteek", "apotek", "apteekki", "apteka", "apotheke", "aptieka", "vaistinė", "pharmacy", "аптека",
        "kliinik", "klinik", "klinikka", "clinic", "klinika", "клиника", "haigla", "sairaala", "sjukhus",
        "sjukhuset", "kliinikum", "sünnitusmaja",
        "hospital", "szpital", "krankenhaus", "больница", "slimnīca", "ligoninė", "terviseameti",
        "kauplus", "pood", "store", "shop", "kauppa", "butik", "sklep", "magazin", "магазин",
        "laboratoorium", "laboratory", "laboratorio", "laboratorium", "labor", "lab", "labs",
        "keskus", "center", "centre", "zentrum", "centrum", "центр", "pharma", "optika",
        "oü", "as", "oy", "oyj", "ab", "ltd", "llc", "inc", "gmbh", "uab", "plc", "corp",
        "o.o", "s.a", "a/s", "asa", "ag", "kg", "ооо", "зао", "оао",
        // Public bodies that pay for or order services (`Kymenlaakson hyvinvointialue`, `Helsingin kaupunki`).
        "hyvinvointialue", "kuntayhtymä", "kaupunki", "kunta", "kommun", "vald", "vallavalitsus", "linnavalitsus",
        "gmina", "powiat",
        // A payment service's own rows (PayPal's `Bank Account` on a withdrawal).
        "account",
    ].map { Array($0.utf8) })
    /// `organisationWords` for the per-name check.
    static let organisations = LowercaseWordSet(organisationWords)

    /// Whether the first or last word of `text` (outer `.,:` trimmed) is an organisation word.
    static func namesOrganisation(_ text: [UInt8]) -> Bool {
        let organisations = Self.organisations
        return text.withUnsafeBufferPointer { t in
            func check(_ start: Int, _ end: Int) -> Bool {
                var end = end
                while end - start > 1, t[end - 1] == 0x2E || t[end - 1] == 0x2C || t[end - 1] == 0x3A { end -= 1 }
                return end > start && organisations.contains(t, start, end)
            }
            let n = t.count
            var s = 0
            while s < n && t[s] == 0x20 { s += 1 }
            var e = s
            while e < n && t[e] != 0x20 { e += 1 }
            if s < e && (check(s, e) || endsWithOrganisationWord(t, s, e)) { return true }
            var le = n
            while le > e && t[le - 1] == 0x20 { le -= 1 }
            var ls = le
            while ls > e && t[ls - 1] != 0x20 { ls -= 1 }
            return ls < le && (check(ls, le) || endsWithOrganisationWord(t, ls, le))
        }
    }

    /// Whether a word (`t[start..<end]`) is a compound ending in an organisation word, as Estonian,
    /// Finnish and Swedish write them (`Keskhaigla`, `Tervisekeskus`, `Diagnostiikkakeskus`,
    /// `Lastekliinik`): the word has eight bytes or more, and three or more stand before the
    /// ending.
    static func endsWithOrganisationWord(_ t: UnsafeBufferPointer<UInt8>, _ start: Int, _ end: Int) -> Bool {
        guard end - start >= 8 else { return false }
        endings: for e in compoundEndings where end - start > e.count + 2 {
            let base = end - e.count
            for k in 0..<e.count {
                var b = t[base + k]
                // Lower case: ASCII, and Latin-1 capitals after 0xC3 (`Ü` → `ü`).
                if b &- 0x41 < 26 { b |= 0x20 } else if k > 0 && e[k - 1] == 0xC3 && b >= 0x80 && b <= 0x9E && b != 0x97 { b += 0x20 }
                if b != e[k] { continue endings }
            }
            return true
        }
        return false
    }

    static let compoundEndings: [[UInt8]] = [
        "haigla", "keskus", "kliinik", "kliinikum", "sünnitusmaja", "klinikka", "klinikan", "sairaala", "apteek",
        "apteekki", "laboratoorium", "laboratorio", "sjukhus", "sjukhuset", "kliniken", "vårdcentral", "vårdcentralen", "apoteket",
        "hyvinvointialue", "terveysasema",
    ].map { Array($0.utf8) }

    /// `fnv` of `t[start..<end]` lower-cased as `lowercaseInPlace` does, without a copy.
    @inline(__always) static func fnvLowercased(_ t: UnsafeBufferPointer<UInt8>, _ start: Int, _ end: Int) -> UInt64 {
        var h: UInt64 = 0xcbf2_9ce4_8422_2325
        @inline(__always) func mix(_ b: UInt8) { h = (h ^ UInt64(b)) &* 0x100_0000_01b3 }
        var i = start
        while i < end {
            let b = t[i]
            if b < 0x80 {
                mix(b &- 0x41 < 26 ? b | 0x20 : b)
            } else if i + 1 < end, let (x, y) = lowerPair(b, t[i + 1]) {
                mix(x); mix(y)
                i += 1
            } else {
                mix(b)
            }
            i += 1
        }
        return h
    }

    /// The lower-case form of the two-byte UTF-8 letter `b c` — Cyrillic А–Я and Ё, Latin-1
    /// À–Þ (not ×), Latin Extended-A Ā–ž (Baltic, Polish, Czech letters) — or nil when it is
    /// none of these upper-case letters. The one rule of `lowercaseInPlace` and `fnvLowercased`.
    @inline(__always) static func lowerPair(_ b: UInt8, _ c: UInt8) -> (UInt8, UInt8)? {
        switch b {
        case 0xD0:
            if c >= 0x90 && c <= 0x9F { return (0xD0, c + 0x20) }  // А–П → а–п
            if c >= 0xA0 && c <= 0xAF { return (0xD1, c - 0x20) }  // Р–Я → р–я
            return c == 0x81 ? (0xD1, 0x91) : nil                    // Ё → ё
        case 0xC3:
            return c >= 0x80 && c <= 0x9E && c != 0x97 ? (0xC3, c + 0x20) : nil  // À–Þ → à–þ
        case 0xC4, 0xC5:
            // Upper and lower case alternate: upper first in Ā–ķ and Ŋ–ŷ, second in Ĺ–ň and Ź–ž.
            guard c & 0xC0 == 0x80 else { return nil }
            let s = UInt32(b & 0x1F) << 6 | UInt32(c & 0x3F)
            let upperEven = (0x100...0x137).contains(s) || (0x14A...0x177).contains(s)
            let upperOdd = (0x139...0x148).contains(s) || (0x179...0x17E).contains(s)
            guard upperEven && s & 1 == 0 || upperOdd && s & 1 == 1 else { return nil }
            return (0xC0 | UInt8((s + 1) >> 6), 0x80 | UInt8((s + 1) & 0x3F))
        default:
            return nil
        }
    }

    /// `first last`, each part trimmed; either part alone when the other is empty.
    public static func join(first: [UInt8], last: [UInt8]) -> [UInt8] {
        var out: [UInt8] = []
        join(first: first, last: last, into: &out)
        return out
    }

    /// `join(first:last:)` appended to `out` (a caller's reused buffer: no allocation).
    public static func join(first: [UInt8], last: [UInt8], into out: inout [UInt8]) {
        let start = out.count
        first.withUnsafeBufferPointer { collapseWhitespace($0, into: &out) }
        let firstEnd = out.count
        out.append(0x20)
        last.withUnsafeBufferPointer { collapseWhitespace($0, into: &out) }
        if out.count == firstEnd + 1 {
            out.removeLast()  // no last part: the first alone
        } else if firstEnd == start {
            out.remove(at: start)  // no first part: the last alone
        }
    }

    // MARK: - Shared helpers for label-dependent values (names, addresses)

    /// Whitespace runs (ASCII, U+00A0, U+2000–U+200A, U+202F, U+3000) → one space; trimmed.
    static func collapseWhitespace(_ value: UnsafeBufferPointer<UInt8>) -> [UInt8] {
        var out: [UInt8] = []
        out.reserveCapacity(value.count)
        collapseWhitespace(value, into: &out)
        return out
    }

    /// `collapseWhitespace` appended to `out`.
    static func collapseWhitespace(_ value: UnsafeBufferPointer<UInt8>, into out: inout [UInt8]) {
        let base = out.count
        var pendingSpace = false
        var i = 0
        let n = value.count
        out.reserveCapacity(base + n)
        while i < n {
            // A run of bytes that are no whitespace goes in with one append.
            var j = i
            while j < n && whitespaceWidth(value, j) == 0 { j += 1 }
            if j > i {
                if pendingSpace { out.append(0x20); pendingSpace = false }
                out.append(contentsOf: UnsafeBufferPointer(rebasing: value[i..<j]))
                i = j
                continue
            }
            pendingSpace = out.count > base
            i += whitespaceWidth(value, i)
        }
    }

    /// The byte length of the whitespace character at `i` (ASCII, U+00A0, U+2000–U+200A,
    /// U+202F, U+3000), or 0.
    @inline(__always)
    static func whitespaceWidth(_ value: UnsafeBufferPointer<UInt8>, _ i: Int) -> Int {
        let b = value[i], n = value.count
        if b == 0x20 || (b >= 0x09 && b <= 0x0D) { return 1 }
        if b < 0xC2 { return 0 }
        if b == 0xC2, i + 1 < n, value[i + 1] == 0xA0 { return 2 }
        if b == 0xE2, i + 2 < n, value[i + 1] == 0x80, value[i + 2] <= 0x8A || value[i + 2] == 0xAF { return 3 }
        if b == 0xE3, i + 2 < n, value[i + 1] == 0x80, value[i + 2] == 0x80 { return 3 }
        return 0
    }

    /// Calls `body` with each Unicode scalar of UTF-8 `text`, or with `0xFFFFFFFF` for an
    /// invalid sequence; stops when `body` returns false.
    static func forEachScalar(_ text: [UInt8], _ body: (UInt32) -> Bool) {
        var i = 0
        let n = text.count
        while i < n {
            let b = text[i]
            var scalar: UInt32
            var len: Int
            switch b {
            case 0..<0x80: scalar = UInt32(b); len = 1
            case 0xC2...0xDF: scalar = UInt32(b & 0x1F); len = 2
            case 0xE0...0xEF: scalar = UInt32(b & 0x0F); len = 3
            case 0xF0...0xF4: scalar = UInt32(b & 0x07); len = 4
            default: scalar = 0xFFFF_FFFF; len = 1
            }
            if len > 1 {
                if i + len > n { scalar = 0xFFFF_FFFF; len = 1 } else {
                    for k in 1..<len {
                        let c = text[i + k]
                        if c & 0xC0 != 0x80 { scalar = 0xFFFF_FFFF; len = 1; break }
                        scalar = scalar << 6 | UInt32(c & 0x3F)
                    }
                }
            }
            if !body(scalar) { return }
            i += len
        }
    }

    /// Letters of the supported alphabets beyond ASCII: Latin-1 Supplement, Latin Extended-A/B,
    /// IPA-free Latin Extended Additional, Cyrillic.
    static func isLetter(_ scalar: UInt32) -> Bool {
        switch scalar {
        case 0xC0...0x24F: scalar != 0xD7 && scalar != 0xF7
        case 0x1E00...0x1EFF: true
        case 0x400...0x481, 0x48A...0x4FF: true
        default: false
        }
    }

    /// Placeholder words seen in exports instead of a value, lower case.
    static let placeholders: Set<[UInt8]> = Set([
        "n/a", "na", "n.a", "null", "none", "nil", "unknown", "undefined", "test", "testi", "tests",
        "nimi", "name", "names", "fullname", "firstname", "lastname", "xxx", "xx", "x", "anonymous",
        "anon", "dummy", "sample", "example", "noname", "asd", "asdf", "qwerty", "demo", "admin",
        "user", "customer", "client", "patient", "klient", "-", "--", "---", ".", "?",
        "tundmatu", "puudub", "tuntematon", "okänd", "saknas", "nieznany", "brak", "unbekannt",
        "nezināms", "nežinomas", "ukendt", "ukjent", "неизвестно", "нет", "тест", "имя", "фио",
        "mr", "mrs", "ms", "miss", "dr",
        // A table's totals row (`Yhteensä,201 asiakasta`).
        "yhteensä", "totalt", "total", "kokku", "kokku:", "razem", "итого", "всего", "summa", "insgesamt", "gesamt",
        "kopā", "i alt", "sum",
    ].map { Array($0.utf8) })

    /// True when every word of `text` (split on spaces, outer punctuation removed) is a
    /// placeholder from `placeholders` or `extra`.
    static func isPlaceholder(_ text: [UInt8], extra: Set<[UInt8]>, extraHashes: LowercaseWordSet? = nil) -> Bool {
        // Most names are decided by their first word; without extra words, a word whose
        // lower-case hash is no placeholder's is checked on the stack, with no allocation.
        if extra.isEmpty, let first = firstWordIsNoPlaceholder(text), first { return false }
        // With extra words and their hashes (addresses): any word whose hash is neither set's
        // is no placeholder, checked on the stack.
        if !extra.isEmpty, let extraHashes, someWordIsNoPlaceholder(text, extraHashes: extraHashes) { return false }
        var any = false
        for word in text.split(separator: 0x20) {
            var w = Array(word)
            while let last = w.last, last == 0x2E || last == 0x2C || last == 0x3A, w.count > 1 { w.removeLast() }
            let lower = lowercase(w)
            if !placeholders.contains(lower) && !extra.contains(lower) { return false }
            any = true
        }
        return any
    }

    /// The placeholder words, probed by their lower-cased FNV-1a hash.
    static let placeholderHashes = LowercaseWordSet(placeholders)

    @inline(__always) static func fnv(_ p: UnsafeBufferPointer<UInt8>) -> UInt64 {
        var h: UInt64 = 0xcbf2_9ce4_8422_2325
        for b in p { h = (h ^ UInt64(b)) &* 0x100_0000_01b3 }
        return h
    }

    /// True when the first word (outer punctuation removed, as in `isPlaceholder`) is certainly no
    /// placeholder; false when it may be one; nil when there is no word or it is too long to check.
    static func firstWordIsNoPlaceholder(_ text: [UInt8]) -> Bool? {
        let n = text.count
        var start = 0
        while start < n && text[start] == 0x20 { start += 1 }
        guard start < n else { return nil }
        var end = start
        while end < n && text[end] != 0x20 { end += 1 }
        while end - start > 1, text[end - 1] == 0x2E || text[end - 1] == 0x2C || text[end - 1] == 0x3A { end -= 1 }
        guard end - start <= 64 else { return nil }
        return text.withUnsafeBufferPointer { !placeholderHashes.contains($0, start, end) }
    }

    /// True when some word of `text` (split and trimmed as in `isPlaceholder`) is certainly no
    /// placeholder: its lower-case FNV hash is in neither `placeholderHashes` nor `extraHashes`.
    /// False means "may all be placeholders" (including words longer than 64 bytes).
    static func someWordIsNoPlaceholder(_ text: [UInt8], extraHashes: LowercaseWordSet) -> Bool {
        text.withUnsafeBufferPointer { t in
            let n = t.count
            var i = 0
            while i < n {
                while i < n && t[i] == 0x20 { i += 1 }
                guard i < n else { break }
                let start = i
                while i < n && t[i] != 0x20 { i += 1 }
                var end = i
                while end - start > 1, t[end - 1] == 0x2E || t[end - 1] == 0x2C || t[end - 1] == 0x3A { end -= 1 }
                if end - start > 64 { continue }
                let h = fnvLowercased(t, start, end)
                if !placeholderHashes.contains(hash: h) && !extraHashes.contains(hash: h) { return true }
            }
            return false
        }
    }

    /// The upper-case form of the two-byte UTF-8 letter `b c`, the inverse of `lowerPair`
    /// (nil when it is no lower-case letter `lowerPair` knows).
    static func upperPair(_ b: UInt8, _ c: UInt8) -> (UInt8, UInt8)? {
        guard b & 0xE0 == 0xC0, c & 0xC0 == 0x80 else { return nil }
        let s = UInt32(b & 0x1F) << 6 | UInt32(c & 0x3F)
        // À–Þ, А–Я: 0x20 below; Ā–ž: one below; Ё: 0x50 below.
        for d: UInt32 in [0x20, 1, 0x50] where s >= 0x80 + d {
            let u = s - d
            let ub = 0xC0 | UInt8(u >> 6), uc = 0x80 | UInt8(u & 0x3F)
            if let (x, y) = lowerPair(ub, uc), x == b, y == c { return (ub, uc) }
        }
        return nil
    }

    /// A name's spelling in upper case (`upper`), or with each word's first letter upper and
    /// the rest lower (`Anna-Liisa O'Brien`), for the letters `lowerPair` knows.
    static func recased(_ name: [UInt8], upper: Bool) -> [UInt8] {
        var out = lowercase(name)
        var start = true
        var i = 0
        while i < out.count {
            let b = out[i]
            let width = b < 0x80 ? 1 : b >= 0xC0 && b < 0xE0 && i + 1 < out.count ? 2 : 1
            let isSeparator = b == 0x20 || b == 0x2D || b == 0x27 || b == 0x2C
            if (upper || start) && !isSeparator {
                if width == 1, b &- 0x61 < 26 { out[i] = b - 0x20 }
                else if width == 2, let (x, y) = upperPair(b, out[i + 1]) { out[i] = x; out[i + 1] = y }
            }
            start = isSeparator
            i += width
        }
        return out
    }

    /// ASCII and Cyrillic (А–Я, Ё) lower-casing; other bytes unchanged.
    static func lowercase(_ w: [UInt8]) -> [UInt8] {
        var out = w
        out.withUnsafeMutableBufferPointer { lowercaseInPlace($0) }
        return out
    }

    /// `lowercase` on a buffer (UTF-8 length never changes).
    static func lowercaseInPlace(_ out: UnsafeMutableBufferPointer<UInt8>) {
        var i = 0
        while i < out.count {
            let b = out[i]
            if b < 0x80 {  // ASCII first: one compare for most bytes
                if b &- 0x41 < 26 { out[i] = b | 0x20 }
            } else if i + 1 < out.count, let (x, y) = lowerPair(b, out[i + 1]) {
                out[i] = x; out[i + 1] = y
                i += 1
            }
            i += 1
        }
    }
}

extension NameDetector {
    /// Whether a name starts with a clinician's title (`dr Merle Lillelo`, `Dr. Lisa Jones`,
    /// `lek. Marcin Jankowski`, `prof. …`, `MUDr. …`).
    public static func hasProfessionalTitle(_ name: some Collection<UInt8>) -> Bool {
        var word: [UInt8] = []
        for b in name {
            if b == 0x20 { break }
            word.append(ASCII.lower(b))
            if word.count > 6 { return false }
        }
        if word.last == UInt8(ascii: ".") { word.removeLast() }
        return professionalTitles.contains(word)
    }

    static let professionalTitles: Set<[UInt8]> = Set(["dr", "lek", "prof", "mudr", "dott", "doc", "md"].map { Array($0.utf8) })

    /// `hasProfessionalTitle` without a copy (a name column's every value is asked): the first
    /// word, lower-cased and without a final `.`, packed into a word and compared with the titles'.
    @inline(__always)
    static func startsWithTitle(_ name: UnsafeBufferPointer<UInt8>) -> Bool {
        var packed: UInt64 = 0, k = 0
        while k < name.count && name[k] != 0x20 {
            if k >= 6 { return false }
            packed |= UInt64(ASCII.lower(name[k])) << UInt64(k * 8)
            k += 1
        }
        guard k > 0, k < name.count else { return false }  // a title and a name after it
        if name[k - 1] == UInt8(ascii: ".") { packed &= ~(UInt64(0xFF) << UInt64((k - 1) * 8)) }
        return packedTitles.contains(packed)
    }

    static let packedTitles: Set<UInt64> = Set(professionalTitles.map { t in
        t.enumerated().reduce(UInt64(0)) { $0 | UInt64($1.element) << UInt64($1.offset * 8) }
    })
}
