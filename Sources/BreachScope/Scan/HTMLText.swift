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
    ]

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
        guard k < p.count, p[k] == UInt8(ascii: ";"), !name.isEmpty else { return nil }
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
            return (value, k + 1)
        }
        guard let v = entities[String(decoding: name, as: UTF8.self)] else { return nil }
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
