/// Byte-level decoders for mail: base64, quoted-printable, RFC 2047 encoded words and RFC 2231
/// parameter values. Invalid input is decoded as far as it goes, never rejected.
enum MailDecoder {
    static let base64Values: [UInt8] = {
        var t = [UInt8](repeating: 0xFF, count: 256)
        for (i, c) in Array("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/".utf8).enumerated() { t[Int(c)] = UInt8(i) }
        t[Int(UInt8(ascii: "-"))] = 62  // base64url, seen in the wild
        t[Int(UInt8(ascii: "_"))] = 63
        return t
    }()

    /// Decodes base64, skipping line breaks and other bytes outside the alphabet; stops at `=`.
    static func base64(_ p: UnsafeBufferPointer<UInt8>, into out: inout [UInt8]) {
        var stream = Base64Stream()
        stream.decode(p, into: &out)
    }

    static func hex(_ c: UInt8) -> UInt8? {
        switch c {
        case 0x30...0x39: return c - 0x30
        case 0x41...0x46: return c - 0x41 + 10
        case 0x61...0x66: return c - 0x61 + 10
        default: return nil
        }
    }

    /// Decodes quoted-printable: `=HH` escapes and `=` soft line breaks; `underscoreIsSpace`
    /// for the Q encoding of encoded words. A bad escape is kept as it is.
    static func quotedPrintable(_ p: UnsafeBufferPointer<UInt8>, into out: inout [UInt8], underscoreIsSpace: Bool = false) {
        let n = p.count
        out.reserveCapacity(out.count + n)
        var i = 0
        while i < n {
            let c = p[i]
            if c == UInt8(ascii: "=") {
                if i + 2 < n, let h = hex(p[i + 1]), let l = hex(p[i + 2]) {
                    out.append(h << 4 | l)
                    i += 3
                    continue
                }
                // Soft line break: `=`, optional trailing blanks, CRLF or LF (or the end).
                var j = i + 1
                while j < n && (p[j] == 0x20 || p[j] == 0x09) { j += 1 }
                if j == n { break }
                if p[j] == 0x0D && j + 1 < n && p[j + 1] == 0x0A { i = j + 2; continue }
                if p[j] == 0x0A { i = j + 1; continue }
                out.append(c)
                i += 1
                continue
            }
            if underscoreIsSpace && c == UInt8(ascii: "_") { out.append(0x20) } else { out.append(c) }
            i += 1
        }
    }

    /// Bytes in a declared charset as UTF-8 (unknown charsets: as UTF-8 with invalid bytes replaced).
    static func utf8(_ bytes: [UInt8], charset: String?) -> [UInt8] {
        let encoding = charset.flatMap { TextEncoding(label: $0) } ?? .utf8
        var t = Transcoder(encoding)
        var out: [UInt8] = []
        bytes.withUnsafeBufferPointer { t.decode($0, into: &out) }
        t.finish(into: &out)
        return out
    }

    /// Decodes RFC 2047 encoded words (`=?UTF-8?B?…?=`, `=?iso-8859-15?Q?…?=`); whitespace
    /// between two adjacent encoded words is dropped.
    static func decodeWords(_ s: String) -> String {
        guard s.contains("=?") else { return s }
        let b = Array(s.utf8)
        var out: [UInt8] = []
        var i = 0
        var lastWasWord = false
        var pendingSpace: [UInt8] = []
        while i < b.count {
            if b[i] == UInt8(ascii: "="), i + 1 < b.count, b[i + 1] == UInt8(ascii: "?"), let (decoded, end) = encodedWord(b, at: i) {
                if !lastWasWord { out += pendingSpace }
                pendingSpace = []
                out += decoded
                lastWasWord = true
                i = end
                continue
            }
            if b[i] == 0x20 || b[i] == 0x09 || b[i] == 0x0D || b[i] == 0x0A {
                pendingSpace.append(b[i] == 0x20 || b[i] == 0x09 ? b[i] : 0x20)
                i += 1
                continue
            }
            out += pendingSpace
            pendingSpace = []
            out.append(b[i])
            lastWasWord = false
            i += 1
        }
        out += pendingSpace
        return String(decoding: out, as: UTF8.self)
    }

    /// One encoded word starting at `i` (`=?charset?enc?text?=`): its UTF-8 and the index after it.
    static func encodedWord(_ b: [UInt8], at i: Int) -> ([UInt8], Int)? {
        var k = i + 2
        var q: [Int] = []
        while k + 1 < b.count && q.count < 3 && k - i < 200 {
            if b[k] == UInt8(ascii: "?") {
                q.append(k)
                if q.count == 3 { break }
            }
            k += 1
        }
        guard q.count == 3, q[1] == q[0] + 2, q[2] + 1 < b.count, b[q[2] + 1] == UInt8(ascii: "=") else { return nil }
        var charset = String(decoding: b[(i + 2)..<q[0]], as: UTF8.self)
        if let star = charset.firstIndex(of: "*") { charset = String(charset[..<star]) }  // RFC 2231 language
        let enc = b[q[0] + 1] | 0x20
        let text = Array(b[(q[1] + 1)..<q[2]])
        var raw: [UInt8] = []
        switch enc {
        case UInt8(ascii: "b"): text.withUnsafeBufferPointer { base64($0, into: &raw) }
        case UInt8(ascii: "q"): text.withUnsafeBufferPointer { quotedPrintable($0, into: &raw, underscoreIsSpace: true) }
        default: return nil
        }
        return (utf8(raw, charset: charset), q[2] + 2)
    }

    /// Decodes an RFC 2231 extended value (`utf-8'en'%C3%95una.csv`): percent escapes in the
    /// declared charset.
    static func extendedValue(_ s: String) -> String {
        let parts = s.split(separator: "'", maxSplits: 2, omittingEmptySubsequences: false)
        let charset = parts.count == 3 ? String(parts[0]) : nil
        let text = parts.count == 3 ? String(parts[2]) : s
        return String(decoding: utf8(percentDecoded(text), charset: charset?.isEmpty == false ? charset : nil), as: UTF8.self)
    }

    static func percentDecoded(_ s: String) -> [UInt8] {
        let b = Array(s.utf8)
        var out: [UInt8] = []
        var i = 0
        while i < b.count {
            if b[i] == UInt8(ascii: "%"), i + 2 < b.count, let h = hex(b[i + 1]), let l = hex(b[i + 2]) {
                out.append(h << 4 | l)
                i += 3
            } else {
                out.append(b[i])
                i += 1
            }
        }
        return out
    }
}

extension MailDecoder {
    /// Base64 decoding across chunks (an attachment is decoded a chunk at a time, never whole):
    /// the same bytes as `base64` on the whole input.
    struct Base64Stream {
        private var acc: UInt32 = 0
        private var bits = 0
        private var ended = false

        mutating func decode(_ p: UnsafeBufferPointer<UInt8>, into out: inout [UInt8]) {
            guard !ended else { return }
            let table = MailDecoder.base64Values
            out.reserveCapacity(out.count + p.count / 4 * 3)
            for c in p {
                if c == UInt8(ascii: "=") { ended = true; return }
                let v = table[Int(c)]
                if v == 0xFF { continue }
                acc = (acc << 6) | UInt32(v)
                bits += 6
                if bits >= 8 {
                    bits -= 8
                    out.append(UInt8(truncatingIfNeeded: acc >> UInt32(bits)))
                    acc &= (1 << UInt32(bits)) - 1
                }
            }
        }
    }

    /// Quoted-printable across chunks: an `=` escape or soft line break cut by a chunk end is
    /// kept until the next chunk completes it.
    struct QuotedPrintableStream {
        private var carry: [UInt8] = []

        mutating func decode(_ p: UnsafeBufferPointer<UInt8>, final: Bool, into out: inout [UInt8]) {
            var input = carry
            input.append(contentsOf: p)
            carry.clear()
            var end = input.count
            if !final {
                // An `=` in the last three bytes may start `=HH` or `=\r\n`: keep it for later.
                var k = input.count - 1
                while k >= 0 && k >= input.count - 3 {
                    if input[k] == UInt8(ascii: "=") { end = k; break }
                    k -= 1
                }
            }
            carry.append(contentsOf: input[end...])
            input.withUnsafeBufferPointer { MailDecoder.quotedPrintable(UnsafeBufferPointer(rebasing: $0[0..<end]), into: &out) }
        }
    }
}
