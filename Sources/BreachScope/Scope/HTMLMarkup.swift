/// A growing piece of XHTML-compatible HTML5 markup: every element is closed, every attribute is
/// quoted, and every string that comes from data goes through `escape`, so the result parses as
/// XML as well as HTML (the tests read it with `XMLParser`).
struct HTMLMarkup {
    typealias Attributes = [(String, String)]

    private(set) var out = ""

    init() { out.reserveCapacity(64 * 1024) }

    /// Appends markup as it is (trusted, written by this program).
    mutating func raw(_ s: String) { out += s }

    /// Appends escaped text.
    mutating func text(_ s: String) { out += HTMLMarkup.escape(s) }

    /// `<name a="v">` … body … `</name>`.
    mutating func tag(_ name: String, _ attributes: Attributes = [], _ body: (inout HTMLMarkup) -> Void) {
        open(name, attributes)
        body(&self)
        out += "</\(name)>"
    }

    /// `<name a="v">text</name>` with the text escaped.
    mutating func element(_ name: String, _ attributes: Attributes = [], text: String) {
        open(name, attributes)
        out += HTMLMarkup.escape(text)
        out += "</\(name)>"
    }

    /// A void element written the XML way (`<meta … />`), valid in HTML5 too.
    mutating func void(_ name: String, _ attributes: Attributes) {
        out += "<" + name + HTMLMarkup.attributes(attributes) + " />"
    }

    /// A number with its exact value in `data-n` and its grouped form as text.
    mutating func number(_ name: String, _ n: Int, class cls: String = "n") {
        element(name, [("class", cls), ("data-n", String(n))], text: Report.grouped(n))
    }

    private mutating func open(_ name: String, _ attributes: Attributes) {
        out += "<" + name + HTMLMarkup.attributes(attributes) + ">"
    }

    static func attributes(_ attributes: Attributes) -> String {
        var s = ""
        for (k, v) in attributes { s += " \(k)=\"\(escape(v))\"" }
        return s
    }

    /// Escapes `& < > " '` and replaces characters XML 1.0 cannot carry (C0 controls other than
    /// tab, LF, CR; U+FFFE, U+FFFF) with U+FFFD, so a hostile document name cannot break the file.
    static func escape(_ s: String) -> String {
        var needs = false
        for u in s.unicodeScalars {
            switch u.value {
            case 0x26, 0x3C, 0x3E, 0x22, 0x27: needs = true
            case 0x09, 0x0A, 0x0D: continue
            case 0..<0x20, 0xFFFE, 0xFFFF: needs = true
            default: continue
            }
            if needs { break }
        }
        if !needs { return s }
        var r = ""
        r.reserveCapacity(s.utf8.count + 16)
        for u in s.unicodeScalars {
            switch u.value {
            case 0x26: r += "&amp;"
            case 0x3C: r += "&lt;"
            case 0x3E: r += "&gt;"
            case 0x22: r += "&quot;"
            case 0x27: r += "&#39;"
            case 0x09, 0x0A, 0x0D: r.unicodeScalars.append(u)
            case 0..<0x20, 0xFFFE, 0xFFFF: r += "\u{FFFD}"
            default: r.unicodeScalars.append(u)
            }
        }
        return r
    }

    /// Cuts a label to at most `max` characters, ending it with an ellipsis when cut.
    static func truncate(_ s: String, _ max: Int) -> String {
        guard s.count > max, max > 1 else { return s }
        return String(s.prefix(max - 1)) + "…"
    }
}
