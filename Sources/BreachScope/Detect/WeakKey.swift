import Foundation

/// The compared forms of a name and a postal address behind weak keys (`ValueKind.weakNameAddress`,
/// `.weakNameBirth`). Names and addresses are stored as written; two records of one person often
/// write them differently — `RÄSÄNEN PIRJO` on a route sheet, `Pirjo Räsänen` in the customer
/// register; `Kauppakatu 4 B 7, 48100 KOTKA` in one column, `Kauppakatu 4 B 7` · `48100` · `Kotka`
/// in three. The forms make such records meet as weak-identity candidates (never merges):
/// - a name: lower-cased, its words (split at spaces and commas) sorted, joined by one space;
/// - an address: lower-cased, `,` `;` `.` `/` `-` read as spaces, runs of spaces as one, and the
///   words that only say what follows dropped: a street type written before the name (`ul.`,
///   `al.`) and an apartment's marker (`m.`, `lok.`, `as`, `bst`, `apt`, `kv`): `UL. SIENKIEWICZA
///   104/17, 35-263 Rzeszów` on a lab report is `Sienkiewicza 104 m. 17` · `35-263` · `Rzeszów`
///   in a shop's orders.
enum WeakKey {
    /// A weak key's material, appended to `out`: the name's form, a zero byte, then the address's
    /// form (`.weakNameAddress`) or the birth date as stored (`.weakNameBirth`); the name's form
    /// alone for `.weakName` (`other` is not read). The scan and `lookup` both build it here, so
    /// a lookup meets the keys the scan stored.
    static func material(_ kind: ValueKind, name: UnsafeBufferPointer<UInt8>, other: UnsafeBufferPointer<UInt8>,
                         into out: inout [UInt8]) {
        nameForm(name, into: &out)
        if kind == .weakName { return }
        out.append(0)
        if kind == .weakNameAddress { addressForm(other, into: &out) } else { out.append(contentsOf: other) }
    }

    /// A second name-and-address key's material (`.weakNameAddress`), from the address's core
    /// (`coreForm`); false when the address has none, or its core is its whole form. A courier's
    /// export writes `Palvelutalo Kotikallio` · `Mäntytie 48 B 36` · `huone 18` or
    /// `Mäntytie 48 B 36` · `Ovikoodi 9235` over its three address lines where the region's list
    /// has `Mäntytie 48 B 36`: their whole forms differ, their cores (`mäntytie 48 b 36 18150`) do not.
    static func coreMaterial(name: UnsafeBufferPointer<UInt8>, address: UnsafeBufferPointer<UInt8>, into out: inout [UInt8]) -> Bool {
        var form: [UInt8] = []
        addressForm(address, into: &form)
        guard let core = coreForm(form), core.count < form.count else { return false }
        nameForm(name, into: &out)
        out.append(0)
        out.append(contentsOf: core)
        return true
    }

    /// The core of an address's compared form: the street and its number (the first word of three
    /// letters or more, without digits, followed by a number of at most four characters: `mäntytie 48`),
    /// the short words and numbers after them (a staircase, a flat: `b 36`), and the first
    /// five-digit postal code after them (else the form's last word, a town); nil without a street
    /// and number. Words between (a care home's name, a door code, a room) are left out.
    static func coreForm(_ form: [UInt8]) -> [UInt8]? {
        let words = form.split(separator: 0x20)
        func isNumber(_ w: ArraySlice<UInt8>) -> Bool { w.count <= 4 && ASCII.isDigit(w[w.startIndex]) }
        guard let street = words.indices.dropLast().first(where: { i in
            words[i].count >= 3 && !words[i].contains(where: ASCII.isDigit) && isNumber(words[i + 1])
        }) else { return nil }
        var end = street + 2
        while end < words.count && (isNumber(words[end]) || words[end].count == 1) { end += 1 }
        var core = Array(words[street])
        for w in words[(street + 1)..<end] { core.append(0x20); core.append(contentsOf: w) }
        if let code = words[end...].first(where: { $0.count == 5 && $0.allSatisfy(ASCII.isDigit) }) {
            core.append(0x20); core.append(contentsOf: code)
        } else if end < words.count, let town = words.last, !town.contains(where: ASCII.isDigit) {
            core.append(0x20); core.append(contentsOf: town)
        } else {
            return nil
        }
        return core
    }

    /// A name's consonant skeleton, the same in Cyrillic and in its Latin spellings
    /// (`Наталья Васильева`, `Natalja Vassiljeva`, `Natalya Vasileva` → `ntl vslv`): Cyrillic
    /// transliterated, diacritics dropped, vowels, `j`, `y`, `h` and doubled letters dropped, `c`,
    /// `z` and `x` read as `s`, `w` as `v`, `q` as `k`; the words sorted. Not for the scan's hot
    /// path: a small form's two names are compared by it (`RecordAssembler.attachFormContacts`).
    static func nameSkeleton(_ name: some Collection<UInt8>) -> String {
        var words: [String] = []
        for word in String(decoding: Array(name), as: UTF8.self).lowercased().split(whereSeparator: { !$0.isLetter }) {
            var latin = ""
            for ch in word {
                if let t = cyrillic[ch] { latin += t; continue }
                let base = String(ch).decomposedStringWithCanonicalMapping.unicodeScalars.first.map(Character.init) ?? ch
                latin.append(folded[base] ?? base)
            }
            var out = ""
            for ch in latin {
                guard ch.isASCII, ch.isLetter else { continue }
                var c = ch
                if "aeiouyjh".contains(c) { continue }
                if "czx".contains(c) { c = "s" } else if c == "w" { c = "v" } else if c == "q" { c = "k" }
                if out.last != c { out.append(c) }
            }
            if !out.isEmpty { words.append(out) }
        }
        return words.sorted().joined(separator: " ")
    }

    private static let folded: [Character: Character] = ["ł": "l", "ø": "o", "æ": "a", "ß": "s", "đ": "d", "ı": "i"]
    private static let cyrillic: [Character: String] = [
        "а": "a", "б": "b", "в": "v", "г": "g", "д": "d", "е": "e", "ё": "e", "ж": "z", "з": "z", "и": "i", "й": "j",
        "к": "k", "л": "l", "м": "m", "н": "n", "о": "o", "п": "p", "р": "r", "с": "s", "т": "t", "у": "u", "ф": "f",
        "х": "h", "ц": "ts", "ч": "ch", "ш": "sh", "щ": "shch", "ъ": "", "ы": "y", "ь": "", "э": "e", "ю": "ju", "я": "ja",
        "і": "i", "ї": "ji", "є": "je", "ґ": "g",
    ]

    /// Latin letters without their diacritics (`ł` → `l`, `ä` → `a`); other scripts as they are.
    static func folded(_ bytes: [UInt8]) -> [UInt8] {
        var out = ""
        // (Lower-cased here too: `Ł` and `Ń` are no ASCII capitals.)
        for ch in String(decoding: bytes, as: UTF8.self).lowercased() {
            if let f = WeakKey.folded[ch] { out.append(f); continue }
            let scalars = String(ch).decomposedStringWithCanonicalMapping.unicodeScalars
            if let first = scalars.first, first.isASCII { out.unicodeScalars.append(first) } else { out.append(ch) }
        }
        return Array(out.utf8)
    }

    static let suffixes: Set<[UInt8]> = Set(["jr", "jr.", "sr", "sr.", "ii", "iii", "iv"].map { Array($0.utf8) })

    /// The compared form of a (normalised) name.
    static func nameForm(_ name: UnsafeBufferPointer<UInt8>, into out: inout [UInt8]) {
        var lower = Array(name)
        lower.withUnsafeMutableBufferPointer { NameDetector.lowercaseInPlace($0) }
        // Diacritics folded (a bank's SWIFT characters write `KOZLOWSKA` for `Kozłowska`).
        if lower.contains(where: { $0 >= 0x80 }) { lower = folded(lower) }
        var words: [ArraySlice<UInt8>] = []
        var start = -1
        for i in 0...lower.count {
            let sep = i == lower.count || lower[i] == 0x20 || lower[i] == 0x2C
            if sep { if start >= 0 { words.append(lower[start..<i]); start = -1 } } else if start < 0 { start = i }
        }
        // Initials and generational suffixes (`Steven U Adams`, `ADAMS STEVEN U.`, `Jr.`) are left
        // out when two words remain: one system writes them, another does not.
        let core = words.filter { w in
            !(w.count == 1 || (w.count == 2 && w.last == UInt8(ascii: ".")) || suffixes.contains(Array(w)))
        }
        if core.count >= 2 { words = core }
        words.sort { $0.lexicographicallyPrecedes($1) }
        for (k, w) in words.enumerated() {
            if k > 0 { out.append(0x20) }
            out.append(contentsOf: w)
        }
    }

    /// The compared form of a (normalised) postal address.
    static func addressForm(_ address: UnsafeBufferPointer<UInt8>, into out: inout [UInt8]) {
        let start = out.count
        var space = true  // no leading space
        var wordStart = start
        /// Drops the word just ended when it is a marker (`ul`, `m`, `lok`…).
        func endWord() {
            let n = out.count - wordStart
            guard n >= 1 && n <= 4 else { return }
            var w: UInt32 = 0
            for k in 0..<n { w = w << 8 | UInt32(ASCII.lower(out[wordStart + k])) }
            if markers.contains(w) { out.removeSubrange(wordStart..<out.count) }
        }
        for b in address {
            if b == 0x20 || b == 0x2C || b == 0x3B || b == 0x2E || b == 0x2F || b == 0x09 || b == 0x2D {
                if !space {
                    endWord()
                    if out.count > start && out[out.count - 1] != 0x20 { out.append(0x20) }
                    space = true
                }
            } else {
                if space { wordStart = out.count }
                out.append(b)
                space = false
            }
        }
        if !space { endWord() }
        while out.count > start && out[out.count - 1] == 0x20 { out.removeLast() }
        out.withUnsafeMutableBufferPointer { NameDetector.lowercaseInPlace(UnsafeMutableBufferPointer(rebasing: $0[start...])) }
    }

    /// Address words that only mark what follows, packed as big-endian bytes: `ul`, `al`, `m`,
    /// `lok`, `as`, `bst`, `apt`, `kv`, `flat`, `unit`.
    private static let markers: Set<UInt32> = Set(["ul", "al", "m", "lok", "as", "bst", "apt", "kv", "flat", "unit"].map { w in
        w.utf8.reduce(UInt32(0)) { $0 << 8 | UInt32($1) }
    })
}
