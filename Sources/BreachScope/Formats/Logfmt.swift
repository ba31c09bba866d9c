#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// A logfmt line, as Go services, Heroku and Grafana Loki write their events:
/// `level=info ts=2023-10-29T13:37:09Z msg="SMS wysłany" pesel=82040238933 tel=570640333
/// pacjent="Marek Olszewski"`, and objects printed the same way (a Kotlin data class's
/// `Stop(seq=1, customerNo=K16899, name='Nyström Eva', phone='+358 34 132378')` in a logcat line). Its pairs are found on bytes; a reader gives a pair whose key it
/// knows (`tel`, `pacjent`, `email`) the key's column, so a bare national phone number is read
/// as a phone, as it is under a `Tel:` label.
enum Logfmt {
    /// Pairs a line needs to be read as logfmt: fewer are ordinary text (`a=b` in a sentence).
    static let minimumPairs = 3
    /// Longest key considered.
    static let maxKey = 32

    /// The line's `key=value` pairs, in order: a key starts the line or follows a space, is
    /// letters, digits, `_`, `.` and `-` (a letter or `_` first); a value is quoted (`"…"`, with
    /// `\"` inside) or runs to the next space. Empty when the line has fewer than
    /// `minimumPairs` pairs.
    static func pairs(_ t: UnsafeBufferPointer<UInt8>) -> [(key: Range<Int>, value: Range<Int>, quoted: Bool)] {
        guard let base = t.baseAddress, t.count >= 11, memchr(base, Int32(UInt8(ascii: "=")), t.count) != nil else { return [] }
        var out: [(key: Range<Int>, value: Range<Int>, quoted: Bool)] = []
        let n = t.count
        var i = 0
        while i < n {
            // A key's start: the line's or after a space.
            guard i == 0 || t[i - 1] == 0x20 || t[i - 1] == 0x09, ASCII.isLetter(t[i]) || t[i] == UInt8(ascii: "_") else {
                i += 1
                continue
            }
            var k = i + 1
            while k < n && (ASCII.isAlnum(t[k]) || t[k] == UInt8(ascii: "_") || t[k] == UInt8(ascii: ".") || t[k] == UInt8(ascii: "-")) { k += 1 }
            guard k < n, t[k] == UInt8(ascii: "="), k - i <= maxKey else { i = k; continue }
            let key = i..<k
            var v = k + 1
            if v < n && (t[v] == UInt8(ascii: "\"") || t[v] == UInt8(ascii: "'")) {
                // (Single quotes too: a Kotlin or Python object's `toString`, `name='Vainio Tauno'`.)
                let quote = t[v]
                v += 1
                var end = v
                while end < n && t[end] != quote { end += t[end] == UInt8(ascii: "\\") ? 2 : 1 }
                guard end < n else { break }
                out.append((key, v..<end, true))
                i = end + 1
            } else {
                var end = v
                while end < n && t[end] != 0x20 && t[end] != 0x09 && t[end] != 0x0D { end += 1 }
                // (`customerNo=K16899,` in an object's `toString`: the comma or bracket is no part of it.)
                var last = end
                while last > v && (t[last - 1] == UInt8(ascii: ",") || t[last - 1] == UInt8(ascii: ")")) { last -= 1 }
                if last > v { out.append((key, v..<last, false)) }
                i = end
            }
        }
        return out.count >= minimumPairs ? out : []
    }

    /// Whether a pair whose key the classifier gives `hint` is read under that key: a person's
    /// element, a delivery's, a purchase's or a customer key (`customerNo` joins the customer's
    /// records elsewhere); not a bare `id`, nor a key that names nothing.
    static func reads(_ hint: FieldHint, key: [UInt8]) -> Bool {
        switch hint {
        case .none, .nonPersonal: false
        case .linkKey: key.map(ASCII.lower) != Array("id".utf8)
        default: true
        }
    }

    /// A quoted value with its escapes (`\"`, `\\`) undone.
    static func unescaped(_ v: UnsafeBufferPointer<UInt8>) -> [UInt8] {
        var out: [UInt8] = []
        out.reserveCapacity(v.count)
        var i = 0
        while i < v.count {
            if v[i] == UInt8(ascii: "\\") && i + 1 < v.count {
                out.append(v[i + 1])
                i += 2
            } else {
                out.append(v[i])
                i += 1
            }
        }
        return out
    }
}
