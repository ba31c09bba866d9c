/// Masked displays of personal values, for reports and exports without `--reveal`:
/// enough to recognise one's own value, not enough to learn someone else's.
public enum Mask {
    /// Masks a value of the given kind (`3800*****18`, `m***@example.ee`, `+372*****67`,
    /// `M*** M*******`).
    public static func value(_ value: String, kind: ValueKind) -> String {
        if let id = kind.identifier {
            switch id {
            case .email: return email(value)
            case .phone: return keepEnds(value, head: 4, tail: 2)
            default: return keepEnds(value, head: 4, tail: 2)
            }
        }
        switch kind.element {
        case .name?, .postalAddress?: return words(value)
        case .dateOfBirth?: return String(value.prefix(4)) + "-**-**"
        case .iban?: return keepEnds(value, head: 4, tail: 4)
        case .paymentCard?: return keepEnds(value, head: 0, tail: 4)
        default: return keepEnds(value, head: 1, tail: 1)
        }
    }

    /// Keeps `head` leading and `tail` trailing characters, masks the rest with `*`; short
    /// values are masked more so that at least a third is always hidden.
    public static func keepEnds(_ s: String, head: Int, tail: Int) -> String {
        let chars = Array(s)
        var h = head, t = tail
        while (h + t) * 3 > chars.count * 2 && (h > 0 || t > 0) {
            if h >= t && h > 0 { h -= 1 } else { t -= 1 }
        }
        return String(chars.prefix(h)) + String(repeating: "*", count: chars.count - h - t) + String(chars.suffix(t))
    }

    /// `mari.maasikas@example.ee` → `m***@example.ee`.
    public static func email(_ s: String) -> String {
        guard let at = s.firstIndex(of: "@") else { return keepEnds(s, head: 1, tail: 0) }
        return String(s[s.startIndex]) + "***" + String(s[at...])
    }

    /// First letter of each word kept, the rest masked; digits masked.
    public static func words(_ s: String) -> String {
        var out = ""
        var atWordStart = true
        for c in s {
            if c == " " || c == "," || c == "-" { out.append(c); atWordStart = true; continue }
            if atWordStart && c.isLetter { out.append(c) } else { out.append("*") }
            atWordStart = false
        }
        return out
    }
}
