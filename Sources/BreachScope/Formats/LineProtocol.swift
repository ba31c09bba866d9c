/// InfluxDB's line protocol, as `influx_inspect export` and Telegraf write it:
/// `ost,kaart=2900001863810,kauplus=Narva\ Astri toode="Ibumetin 400 mg N20" 1692215959312000000`
/// — a measurement, its tags (`,key=value`, with `\ `, `\,` and `\=` escaped), a space, its
/// fields (`key=value`, strings quoted, integers ending in `i`), and a nanosecond timestamp.
/// A reader gives a tag or a field whose key it knows (`kaart`: a card, `toode`: a product) the
/// key's column, so a purchase line joins the card it was bought with.
enum LineProtocol {
    /// The line's tags and fields, keys and values (a quoted value without its quotes), with
    /// whether the value was quoted; empty unless the line is line protocol: a measurement, at
    /// least one tag or two fields, and a timestamp of 10 to 19 digits.
    static func pairs(_ t: UnsafeBufferPointer<UInt8>) -> [(key: Range<Int>, value: Range<Int>, quoted: Bool)] {
        let n = t.count
        guard n >= 12, ASCII.isLetter(t[0]) || t[0] == UInt8(ascii: "_") else { return [] }
        // The timestamp at the end.
        var end = n
        while end > 0 && (t[end - 1] == 0x0D || t[end - 1] == 0x20) { end -= 1 }
        var ts = end
        while ts > 0 && ASCII.isDigit(t[ts - 1]) { ts -= 1 }
        guard end - ts >= 10, end - ts <= 19, ts > 0, t[ts - 1] == 0x20 else { return [] }
        var out: [(key: Range<Int>, value: Range<Int>, quoted: Bool)] = []
        // The measurement (up to an unescaped `,` or space).
        var i = 0
        while i < ts && t[i] != UInt8(ascii: ",") && t[i] != 0x20 { i += t[i] == UInt8(ascii: "\\") ? 2 : 1 }
        guard i < ts else { return [] }
        var tags = 0
        // Tags: `,key=value` up to the space before the fields.
        while i < ts && t[i] == UInt8(ascii: ",") {
            let k = i + 1
            var e = k
            while e < ts && t[e] != UInt8(ascii: "=") && t[e] != 0x20 && t[e] != UInt8(ascii: ",") { e += t[e] == UInt8(ascii: "\\") ? 2 : 1 }
            guard e < ts, t[e] == UInt8(ascii: "="), e > k else { return [] }
            var v = e + 1
            while v < ts && t[v] != UInt8(ascii: ",") && t[v] != 0x20 { v += t[v] == UInt8(ascii: "\\") ? 2 : 1 }
            out.append((k..<e, (e + 1)..<min(v, ts), false))
            tags += 1
            i = v
        }
        guard i < ts, t[i] == 0x20 else { return [] }
        i += 1
        // Fields: `key=value` separated by `,`, up to the timestamp's space.
        var fields = 0
        let last = ts - 1
        while i < last {
            let k = i
            var e = k
            while e < last && t[e] != UInt8(ascii: "=") && t[e] != UInt8(ascii: ",") { e += t[e] == UInt8(ascii: "\\") ? 2 : 1 }
            guard e < last, t[e] == UInt8(ascii: "="), e > k else { return [] }
            var v = e + 1
            if v < last && t[v] == UInt8(ascii: "\"") {
                var q = v + 1
                while q < last && t[q] != UInt8(ascii: "\"") { q += t[q] == UInt8(ascii: "\\") ? 2 : 1 }
                guard q < last else { return [] }
                out.append((k..<e, (v + 1)..<q, true))
                v = q + 1
            } else {
                while v < last && t[v] != UInt8(ascii: ",") { v += 1 }
                out.append((k..<e, (e + 1)..<v, false))
            }
            fields += 1
            guard v == last || t[v] == UInt8(ascii: ",") else { return [] }
            i = v + 1
        }
        return tags >= 1 || fields >= 2 ? out : []
    }

    /// A tag's or a field's value with its escapes (`\ `, `\,`, `\"`) undone.
    static func unescaped(_ v: UnsafeBufferPointer<UInt8>) -> [UInt8] { Logfmt.unescaped(v) }
}
