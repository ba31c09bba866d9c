/// Turns an HTML mail body (UTF-8) into text lines: tags are removed (`<script>` and `<style>`
/// with their content), block tags and `<br>` end a line, `<td>`/`<th>` cells are separated by
/// tabs (so `<td>Name</td><td>Ada</td>` reads as a labelled line), runs of blanks collapse to
/// one space and character references (`&amp;`, `&otilde;`, `&#245;`, `&#xF5;`) are decoded.
enum HTMLText {
    static let blockTags: Set<String> = [
        "br", "p", "div", "tr", "li", "ul", "ol", "table", "h1", "h2", "h3", "h4", "h5", "h6",
        "blockquote", "pre", "hr", "address", "section", "article", "header", "footer", "dl", "dt", "dd",
        "tbody", "thead", "tfoot", "title", "body", "html", "head",
    ]
    static let cellTags: Set<String> = ["td", "th"]

    static let entities: [String: UInt32] = [
        "amp": 0x26, "lt": 0x3C, "gt": 0x3E, "quot": 0x22, "apos": 0x27, "nbsp": 0x20,
        "auml": 0xE4, "Auml": 0xC4, "ouml": 0xF6, "Ouml": 0xD6, "uuml": 0xFC, "Uuml": 0xDC,
        "otilde": 0xF5, "Otilde": 0xD5, "aring": 0xE5, "Aring": 0xC5, "aelig": 0xE6, "AElig": 0xC6,
        "oslash": 0xF8, "Oslash": 0xD8, "szlig": 0xDF, "eacute": 0xE9, "Eacute": 0xC9, "egrave": 0xE8,
        "aacute": 0xE1, "iacute": 0xED, "oacute": 0xF3, "uacute": 0xFA, "ntilde": 0xF1, "ccedil": 0xE7,
        "scaron": 0x161, "Scaron": 0x160, "zcaron": 0x17E, "Zcaron": 0x17D, "copy": 0xA9, "reg": 0xAE,
        "ndash": 0x2013, "mdash": 0x2014, "hellip": 0x2026, "euro": 0x20AC, "laquo": 0xAB, "raquo": 0xBB,
        "bdquo": 0x201E, "ldquo": 0x201C, "rdquo": 0x201D, "lsquo": 0x2018, "rsquo": 0x2019, "shy": 0xAD,
        "agrave": 0xE0, "Agrave": 0xC0, "Aacute": 0xC1, "acirc": 0xE2, "Acirc": 0xC2, "atilde": 0xE3,
        "Atilde": 0xC3, "Ccedil": 0xC7, "Egrave": 0xC8, "ecirc": 0xEA, "Ecirc": 0xCA, "euml": 0xEB,
        "Euml": 0xCB, "igrave": 0xEC, "Igrave": 0xCC, "Iacute": 0xCD, "icirc": 0xEE, "Icirc": 0xCE,
        "iuml": 0xEF, "Iuml": 0xCF, "Ntilde": 0xD1, "ograve": 0xF2, "Ograve": 0xD2, "Oacute": 0xD3,
        "ocirc": 0xF4, "Ocirc": 0xD4, "ugrave": 0xF9, "Ugrave": 0xD9, "Uacute": 0xDA, "ucirc": 0xFB,
        "Ucirc": 0xDB, "yacute": 0xFD, "Yacute": 0xDD, "yuml": 0xFF, "eth": 0xF0, "ETH": 0xD0,
        "thorn": 0xFE, "THORN": 0xDE, "times": 0xD7, "divide": 0xF7, "deg": 0xB0, "sect": 0xA7,
        "para": 0xB6, "middot": 0xB7, "pound": 0xA3, "cent": 0xA2, "yen": 0xA5, "curren": 0xA4,
        "iexcl": 0xA1, "iquest": 0xBF, "brvbar": 0xA6, "uml": 0xA8, "ordf": 0xAA, "ordm": 0xBA,
        "not": 0xAC, "macr": 0xAF, "plusmn": 0xB1, "sup1": 0xB9, "sup2": 0xB2, "sup3": 0xB3,
        "acute": 0xB4, "micro": 0xB5, "cedil": 0xB8, "frac14": 0xBC, "frac12": 0xBD, "frac34": 0xBE,
        "ensp": 0x20, "emsp": 0x20, "thinsp": 0x20, "zwnj": 0x200C, "zwj": 0x200D, "bull": 0x2022,
        "trade": 0x2122, "sbquo": 0x201A, "lsaquo": 0x2039, "rsaquo": 0x203A, "dagger": 0x2020,
        "Dagger": 0x2021, "permil": 0x2030, "prime": 0x2032, "Prime": 0x2033, "minus": 0x2212,
        "OElig": 0x152, "oelig": 0x153, "Yuml": 0x178, "fnof": 0x192, "circ": 0x2C6, "tilde": 0x2DC,
        "commat": 0x40, "num": 0x23, "period": 0x2E, "colon": 0x3A, "lowbar": 0x5F, "hyphen": 0x2010,
        "abreve": 0x103, "amacr": 0x101, "Amacr": 0x100, "aogon": 0x105, "Aogon": 0x104,
        "cacute": 0x107, "Cacute": 0x106, "ccaron": 0x10D, "Ccaron": 0x10C, "emacr": 0x113,
        "Emacr": 0x112, "edot": 0x117, "Edot": 0x116, "eogon": 0x119, "Eogon": 0x118,
        "gcedil": 0x123, "Gcedil": 0x122, "imacr": 0x12B, "Imacr": 0x12A, "iogon": 0x12F,
        "Iogon": 0x12E, "kcedil": 0x137, "Kcedil": 0x136, "lcedil": 0x13C, "Lcedil": 0x13B,
        "lstrok": 0x142, "Lstrok": 0x141, "nacute": 0x144, "Nacute": 0x143, "ncedil": 0x146,
        "Ncedil": 0x145, "omacr": 0x14D, "Omacr": 0x14C, "sacute": 0x15B, "Sacute": 0x15A,
        "umacr": 0x16B, "Umacr": 0x16A, "uogon": 0x173, "Uogon": 0x172, "zacute": 0x17A,
        "Zacute": 0x179, "zdot": 0x17C, "Zdot": 0x17B, "rcaron": 0x159, "Rcaron": 0x158,
        "ecaron": 0x11B, "Ecaron": 0x11A, "uring": 0x16F, "Uring": 0x16E,
    ]

    /// The scalar of a named (`otilde`) or numeric (`#245`, `#xF5`) character reference (the
    /// bytes between `&` and `;`); nil when unknown. NUL and surrogates become U+FFFD,
    /// no-break spaces a space.
    static func scalar(forEntity name: UnsafeBufferPointer<UInt8>) -> UInt32? {
        guard !name.isEmpty else { return nil }
        if name[0] == UInt8(ascii: "#") {
            var value: UInt32 = 0
            let hexForm = name.count > 1 && (name[1] | 0x20) == UInt8(ascii: "x")
            let digits = name.dropFirst(hexForm ? 2 : 1)
            guard !digits.isEmpty else { return nil }
            for d in digits {
                if hexForm {
                    guard let h = MailDecoder.hex(d) else { return nil }
                    value = value &* 16 &+ UInt32(h)
                } else {
                    guard d >= 0x30 && d <= 0x39 else { return nil }
                    value = value &* 10 &+ UInt32(d - 0x30)
                }
                if value > 0x10FFFF { return nil }
            }
            if value == 0xA0 { value = 0x20 }
            if value == 0 || (value >= 0xD800 && value < 0xE000) { value = 0xFFFD }
            return value
        }
        return entities[String(decoding: name, as: UTF8.self)]
    }

    static func text(_ p: UnsafeBufferPointer<UInt8>) -> [UInt8] {
        var out: [UInt8] = []
        out.reserveCapacity(p.count / 2)
        let n = p.count
        var i = 0
        var space = false
        func newline(_ out: inout [UInt8]) {
            while let last = out.last, last == 0x20 { out.removeLast() }
            out.append(0x0A)
            space = false
        }
        while i < n {
            let c = p[i]
            if c == UInt8(ascii: "<") {
                // Comments.
                if i + 3 < n && p[i + 1] == UInt8(ascii: "!") && p[i + 2] == UInt8(ascii: "-") && p[i + 3] == UInt8(ascii: "-") {
                    i = find(p, Array("-->".utf8), from: i + 4).map { $0 + 3 } ?? n
                    continue
                }
                let next = i + 1 < n ? p[i + 1] | 0x20 : 0
                guard (next >= 0x61 && next <= 0x7A) || next == UInt8(ascii: "/") | 0x20 || next == UInt8(ascii: "!") | 0x20 else {
                    out.append(c); space = false; i += 1; continue
                }
                guard let close = find(p, [UInt8(ascii: ">")], from: i + 1) else { break }
                let isEnd = p[i + 1] == UInt8(ascii: "/")
                let selfClosing = p[close - 1] == UInt8(ascii: "/")
                var k = isEnd ? i + 2 : i + 1
                var nameBytes: [UInt8] = []
                while k < close, nameBytes.count < 16, (p[k] | 0x20) >= 0x61 && (p[k] | 0x20) <= 0x7A || (p[k] >= 0x30 && p[k] <= 0x39) {
                    nameBytes.append(p[k] | 0x20)
                    k += 1
                }
                let name = String(decoding: nameBytes, as: UTF8.self)
                i = close + 1
                if (name == "script" || name == "style") && !isEnd && !selfClosing {
                    i = findCaseless(p, Array("</\(name)".utf8), from: i).flatMap { find(p, [UInt8(ascii: ">")], from: $0) }.map { $0 + 1 } ?? n
                    continue
                }
                if blockTags.contains(name) {
                    newline(&out)
                } else if cellTags.contains(name) && isEnd, let last = out.last, last != 0x0A && last != 0x09 {
                    while out.last == 0x20 { out.removeLast() }
                    out.append(0x09)
                    space = false
                }
                continue
            }
            if c == 0x20 || c == 0x09 || c == 0x0A || c == 0x0D {
                if !space, let last = out.last, last != 0x0A && last != 0x09 { out.append(0x20) }
                space = true
                i += 1
                continue
            }
            space = false
            if c == UInt8(ascii: "&"), let (scalar, end) = entity(p, at: i) {
                if scalar == 0x20 {
                    if let last = out.last, last != 0x0A && last != 0x20 { out.append(0x20) }
                } else {
                    Transcoder.appendUTF8(scalar, to: &out)
                }
                i = end
                continue
            }
            out.append(c)
            i += 1
        }
        return out
    }

    /// A character reference at `i`: its scalar and the index after the `;`.
    static func entity(_ p: UnsafeBufferPointer<UInt8>, at i: Int) -> (UInt32, Int)? {
        var k = i + 1
        var name: [UInt8] = []
        while k < p.count && k - i <= 10 && p[k] != UInt8(ascii: ";") {
            name.append(p[k])
            k += 1
        }
        guard k < p.count, p[k] == UInt8(ascii: ";"),
              let v = name.withUnsafeBufferPointer({ scalar(forEntity: $0) }) else { return nil }
        return (v, k + 1)
    }

    static func find(_ p: UnsafeBufferPointer<UInt8>, _ needle: [UInt8], from: Int) -> Int? {
        guard !needle.isEmpty, from < p.count else { return nil }
        var i = from
        while i + needle.count <= p.count {
            if p[i] == needle[0] {
                var ok = true
                for j in 1..<needle.count where p[i + j] != needle[j] { ok = false; break }
                if ok { return i }
            }
            i += 1
        }
        return nil
    }

    static func findCaseless(_ p: UnsafeBufferPointer<UInt8>, _ needle: [UInt8], from: Int) -> Int? {
        var i = from
        while i + needle.count <= p.count {
            var ok = true
            for j in 0..<needle.count where p[i + j] | 0x20 != needle[j] | 0x20 { ok = false; break }
            if ok { return i }
            i += 1
        }
        return nil
    }
}
