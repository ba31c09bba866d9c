import Foundation

/// Parses RFC 5322 / MIME messages held in memory (a mapped file): header blocks, content
/// types and their parameters (quoted, RFC 2231 and encoded-word file names), multipart
/// bodies and address lists. Works on byte ranges of the file, so parts are located without
/// copying them; damaged structure is read as far as it goes and reported.
enum MailParser {
    /// One header field: lower-cased name and unfolded raw value.
    struct Field { var name: String; var value: String }

    /// A message or body part: its header fields and where its header block and body are.
    struct Entity {
        var fields: [Field] = []
        var headers: Range<Int>
        var body: Range<Int>

        func value(_ name: String) -> String? { fields.first { $0.name == name }?.value }
    }

    /// A leaf of the MIME tree, as a member of the message.
    struct Leaf {
        enum Kind { case body(html: Bool), attachment, message }
        var kind: Kind
        var range: Range<Int>
        var transfer: MailPart.Transfer
        var charset: String?
        var name: String?
        var mime: String
    }

    /// Deepest multipart nesting followed inside one message.
    static let maxMultipartDepth = 20

    // MARK: lines and headers

    /// The end of the line starting at `i` (index of its LF, or `end`).
    static func lineEnd(_ p: UnsafeBufferPointer<UInt8>, _ i: Int, _ end: Int) -> Int {
        var j = i
        while j < end && p[j] != 0x0A { j += 1 }
        return j
    }

    /// Parses the header block at the start of `range`; the body follows the first blank line.
    static func entity(_ p: UnsafeBufferPointer<UInt8>, _ range: Range<Int>) -> Entity {
        var e = Entity(headers: range.lowerBound..<range.upperBound, body: range.upperBound..<range.upperBound)
        var i = range.lowerBound
        let end = range.upperBound
        var current: (name: String, value: [UInt8])?
        func close(_ e: inout Entity) {
            if let c = current { e.fields.append(Field(name: c.name, value: headerValue(c.value))) }
            current = nil
        }
        while i < end {
            let le = lineEnd(p, i, end)
            var b = le
            if b > i && p[b - 1] == 0x0D { b -= 1 }
            if b == i {  // blank line: the body starts after it
                close(&e)
                e.headers = range.lowerBound..<i
                e.body = min(le + 1, end)..<end
                return e
            }
            if p[i] == 0x20 || p[i] == 0x09 {
                if current != nil { current!.value.append(0x20); current!.value += UnsafeBufferPointer(rebasing: p[i..<b]).drop { $0 == 0x20 || $0 == 0x09 } }
            } else if let colon = (i..<b).first(where: { p[$0] == UInt8(ascii: ":") }), colon > i {
                close(&e)
                var nameEnd = colon
                while nameEnd > i && (p[nameEnd - 1] == 0x20 || p[nameEnd - 1] == 0x09) { nameEnd -= 1 }
                let name = String(decoding: UnsafeBufferPointer(rebasing: p[i..<nameEnd]), as: UTF8.self).lowercased()
                current = (name, Array(UnsafeBufferPointer(rebasing: p[(colon + 1)..<b]).drop { $0 == 0x20 || $0 == 0x09 }))
            } else if i == range.lowerBound, b - i > 5, p[i] == UInt8(ascii: "F"), Array(UnsafeBufferPointer(rebasing: p[i..<(i + 5)])) == Array("From ".utf8) {
                // An mbox From_ line left at the start of a message.
            } else {
                // Not a header line: the header block ended without a blank line.
                close(&e)
                e.headers = range.lowerBound..<i
                e.body = i..<end
                return e
            }
            i = le + 1
        }
        close(&e)
        return e
    }

    /// A header line's value as text: UTF-8, or raw 8-bit bytes (an Outlook message saved as
    /// text: `From:\tKadri P\u{F5}rn`) read as Windows-1252.
    static func headerValue(_ bytes: [UInt8]) -> String {
        if bytes.allSatisfy({ $0 < 0x80 }) || bytes.withUnsafeBufferPointer({ UTF8Validation.isValid($0) }) {
            return String(decoding: bytes, as: UTF8.self)
        }
        return String(decoding: MailDecoder.utf8(bytes, charset: TextEncoding.windows1252.rawValue), as: UTF8.self)
    }

    /// A header value split into its main value (lower-cased) and parameters (names lower-cased;
    /// RFC 2231 continuations and extended values joined and decoded; encoded words decoded).
    static func parameters(_ value: String) -> (value: String, params: [String: String]) {
        var items: [String] = []
        var cur = ""
        var quoted = false
        var escape = false
        for ch in value {
            if escape { cur.append(ch); escape = false; continue }
            if quoted && ch == "\\" { escape = true; continue }
            if ch == "\"" { quoted.toggle(); continue }
            if ch == ";" && !quoted { items.append(cur); cur = ""; continue }
            cur.append(ch)
        }
        items.append(cur)
        let main = items.removeFirst().trimmingBlanks().lowercased()
        var params: [String: String] = [:]
        var continued: [String: [(Int, String, Bool)]] = [:]
        for item in items {
            guard let eq = item.firstIndex(of: "=") else { continue }
            var name = item[..<eq].trimmingBlanks().lowercased()
            let v = item[item.index(after: eq)...].trimmingBlanks()
            var extended = false
            if name.hasSuffix("*") { extended = true; name.removeLast() }
            if let star = name.lastIndex(of: "*"), let n = Int(name[name.index(after: star)...]) {
                continued[String(name[..<star]), default: []].append((n, v, extended))
                continue
            }
            params[name] = extended ? MailDecoder.extendedValue(v) : MailDecoder.decodeWords(v)
        }
        for (name, pieces) in continued {
            let sorted = pieces.sorted { $0.0 < $1.0 }
            if sorted.first?.2 == true {
                // The first piece carries charset'language'; all extended pieces are percent-encoded.
                var raw = ""
                for piece in sorted { raw += piece.1 }
                params[name] = MailDecoder.extendedValue(raw)
            } else {
                params[name] = MailDecoder.decodeWords(sorted.map(\.1).joined())
            }
        }
        return (main, params)
    }

    static func transfer(_ value: String?) -> MailPart.Transfer {
        switch value?.trimmingBlanks().lowercased() {
        case "base64": return .base64
        case "quoted-printable": return .quotedPrintable
        default: return .identity
        }
    }

    // MARK: MIME tree

    /// The members of the entity in `range`: its bodies, attachments and attached messages.
    /// Damage (a multipart without its closing boundary) is added to `problems`.
    static func leaves(_ p: UnsafeBufferPointer<UInt8>, _ range: Range<Int>, problems: inout [String], depth: Int = 0) -> [Leaf] {
        let e = entity(p, range)
        let (mime, params) = parameters(e.value("content-type") ?? "text/plain")
        let disposition = e.value("content-disposition").map { parameters($0) }
        let transfer = transfer(e.value("content-transfer-encoding"))
        let filename = (disposition?.params["filename"] ?? params["name"]).map(cleanName)
        if mime.hasPrefix("multipart/") {
            guard let boundary = params["boundary"], !boundary.isEmpty else {
                problems.append("malformed MIME: multipart without a boundary; its body was read as text")
                return [Leaf(kind: .body(html: false), range: e.body, transfer: .identity, charset: nil, name: nil, mime: "text/plain")]
            }
            guard depth < maxMultipartDepth else {
                problems.append("MIME parts nested deeper than \(maxMultipartDepth), not read")
                return []
            }
            let (parts, closed) = multipart(p, e.body, boundary: boundary)
            if parts.isEmpty {
                problems.append("malformed MIME: multipart boundary not found; its body was read as text")
                return [Leaf(kind: .body(html: false), range: e.body, transfer: .identity, charset: nil, name: nil, mime: "text/plain")]
            }
            if !closed { problems.append("malformed MIME: closing boundary missing; the \(parts.count) parts found were read") }
            let children = parts.map { leaves(p, $0, problems: &problems, depth: depth + 1) }
            if mime == "multipart/alternative" {
                // One version of the text: plain if there is one, else HTML, else the last.
                func has(_ html: Bool, _ ls: [Leaf]) -> Bool {
                    ls.contains { if case .body(let h) = $0.kind { return h == html } else { return false } }
                }
                return children.first { has(false, $0) } ?? children.first { has(true, $0) } ?? children.last ?? []
            }
            return children.flatMap { $0 }
        }
        let isAttachment = disposition?.value == "attachment" || filename != nil
        if mime == "message/rfc822" && transfer == .identity {
            return [Leaf(kind: .message, range: e.body, transfer: .identity, charset: nil, name: filename, mime: mime)]
        }
        let charset = mime.hasPrefix("text/") ? params["charset"] : nil
        if !isAttachment && (mime == "text/plain" || mime == "text/html" || mime == "text") {
            return [Leaf(kind: .body(html: mime == "text/html"), range: e.body, transfer: transfer, charset: charset, name: nil, mime: mime)]
        }
        return [Leaf(kind: .attachment, range: e.body, transfer: transfer, charset: charset, name: filename, mime: mime)]
    }

    /// The body parts of a multipart body, and whether its closing delimiter was found.
    static func multipart(_ p: UnsafeBufferPointer<UInt8>, _ body: Range<Int>, boundary: String) -> (parts: [Range<Int>], closed: Bool) {
        let delimiter = Array(("--" + boundary).utf8)
        var parts: [Range<Int>] = []
        var partStart: Int?
        var i = body.lowerBound
        let end = body.upperBound
        while i < end {
            let le = lineEnd(p, i, end)
            if le - i >= delimiter.count && p[i] == 0x2D && p[i + 1] == 0x2D
                && UnsafeBufferPointer(rebasing: p[i..<(i + delimiter.count)]).elementsEqual(delimiter) {
                var k = i + delimiter.count
                let isClose = k + 1 < le && p[k] == 0x2D && p[k + 1] == 0x2D
                if isClose { k += 2 }
                var blank = true
                for x in k..<le where !(p[x] == 0x20 || p[x] == 0x09 || p[x] == 0x0D) { blank = false; break }
                if blank {
                    if let s = partStart {
                        // The line break before the delimiter belongs to it.
                        var e = i
                        if e > s && p[e - 1] == 0x0A { e -= 1 }
                        if e > s && p[e - 1] == 0x0D { e -= 1 }
                        parts.append(s..<max(s, e))
                    }
                    if isClose { return (parts, true) }
                    partStart = min(le + 1, end)
                }
            }
            i = le + 1
        }
        if let s = partStart { parts.append(s..<end) }
        return (parts, false)
    }

    /// A file name fit for a member name: the last path component, without control characters.
    static func cleanName(_ s: String) -> String {
        let last = s.split(whereSeparator: { $0 == "/" || $0 == "\\" }).last.map(String.init) ?? s
        let cleaned = String(last.unicodeScalars.filter { $0.value >= 0x20 && $0.value != 0x7F }.map(Character.init)).trimmingBlanks()
        return cleaned.isEmpty || cleaned == "." || cleaned == ".." ? "attachment" : cleaned
    }

    // MARK: addresses

    /// The persons of an address list header (`"Maasikas, Mari" <mari@example.ee>, jaan@example.ee`):
    /// display names decoded, groups opened, comments used as names when there is no other.
    static func addresses(_ value: String) -> [(name: String, email: String)] {
        var out: [(String, String)] = []
        var items: [String] = []
        var cur = ""
        var quoted = false, angle = 0, comment = 0
        var escape = false
        for ch in value {
            if escape { cur.append(ch); escape = false; continue }
            if ch == "\\" && (quoted || comment > 0) { cur.append(ch); escape = true; continue }
            if ch == "\"" && comment == 0 { quoted.toggle() }
            if !quoted {
                if ch == "(" { comment += 1 } else if ch == ")" && comment > 0 { comment -= 1 }
                if comment == 0 {
                    if ch == "<" { angle += 1 } else if ch == ">" && angle > 0 { angle -= 1 }
                }
            }
            if !quoted && comment == 0 && angle == 0 && (ch == "," || ch == ";") { items.append(cur); cur = ""; continue }
            if !quoted && comment == 0 && angle == 0 && ch == ":" { cur = ""; continue }  // group name
            cur.append(ch)
        }
        items.append(cur)
        for item in items {
            var name = ""
            var email = ""
            var commentText = ""
            if let lt = item.lastIndex(of: "<"), let gt = item[lt...].firstIndex(of: ">") {
                email = String(item[item.index(after: lt)..<gt])
                name = String(item[..<lt])
            } else {
                // addr-spec, perhaps with a (comment) name.
                var rest = ""
                var depth = 0
                for ch in item {
                    if ch == "(" { depth += 1; if depth == 1 { continue } }
                    if ch == ")" && depth > 0 { depth -= 1; if depth == 0 { continue } }
                    if depth > 0 { commentText.append(ch) } else { rest.append(ch) }
                }
                email = rest
            }
            name = unquote(MailDecoder.decodeWords(name.trimmingBlanks()))
            if name.isEmpty { name = MailDecoder.decodeWords(commentText.trimmingBlanks()) }
            email = email.trimmingBlanks()
            if !email.contains("@") {
                // A bare name (a local note, not an address).
                if name.isEmpty { name = unquote(MailDecoder.decodeWords(email)) }
                email = ""
            }
            if name.lowercased() == email.lowercased() { name = "" }
            if !name.isEmpty || !email.isEmpty { out.append((name, email)) }
        }
        return out
    }

    static func unquote(_ s: String) -> String {
        var t = s.trimmingBlanks()
        if t.count >= 2 && t.hasPrefix("\"") && t.hasSuffix("\"") { t = String(t.dropFirst().dropLast()) }
        if t.count >= 2 && t.hasPrefix("'") && t.hasSuffix("'") { t = String(t.dropFirst().dropLast()) }
        return t.replacingOccurrences(of: "\\\"", with: "\"").trimmingBlanks()
    }

    /// Address headers whose persons go into `headers.txt`.
    static let addressHeaders = ["from", "sender", "reply-to", "to", "cc", "bcc"]

    /// The synthetic `headers.txt` of a header block: one block per distinct address,
    /// `Name: …` and `E-mail: …` lines, blocks separated by blank lines.
    static func headerText(_ p: UnsafeBufferPointer<UInt8>, _ range: Range<Int>) -> [UInt8] {
        let e = entity(p, range)
        var seen: Set<String> = []
        var out = ""
        for header in addressHeaders {
            for f in e.fields where f.name == header {
                for a in addresses(f.value) {
                    // An organisation's mailbox (`Helix teavitus <teavitus@…>`): no one's name or address.
                    if isRoleAddress(a.email) { continue }
                    let key = a.email.isEmpty ? "name:" + a.name.lowercased() : a.email.lowercased()
                    guard seen.insert(key).inserted else { continue }
                    if !a.name.isEmpty { out += "Name: \(a.name.replacingOccurrences(of: "\n", with: " "))\n" }
                    if !a.email.isEmpty { out += "E-mail: \(a.email)\n" }
                    out += "\n"
                }
            }
        }
        return Array(out.utf8)
    }

    /// Whether an address's local part is an organisation's mailbox (`EmailDetector.isRoleMailbox`).
    static func isRoleAddress(_ email: String) -> Bool {
        let b = Array(email.utf8)
        guard let at = b.firstIndex(of: UInt8(ascii: "@")) else { return false }
        return b.withUnsafeBufferPointer { EmailDetector.isRoleMailbox($0, 0, at) }
    }

    // MARK: detection and mbox

    /// Header names that open a message (the first line of an `.eml`).
    static let openingHeaders: Set<String> = [
        "received", "from", "return-path", "mime-version", "delivered-to", "message-id", "date",
        "dkim-signature", "x-mozilla-status", "authentication-results", "arc-seal", "x-received",
        "x-original-to", "x-sender", "x-apple-base-url", "thread-topic", "x-ms-exchange-organization-authas",
    ]
    /// Header names that only mail has; one of them must be among the first fields.
    static let mailHeaders: Set<String> = [
        "received", "from", "return-path", "mime-version", "message-id", "delivered-to", "dkim-signature",
        "x-mozilla-status", "authentication-results",
    ]

    /// Whether the first bytes of a file look like a mail message: header lines (the first one a
    /// typical opening header, at least two in all, at least one only mail has), up to a blank line
    /// or the end of the prefix.
    static func looksLikeMessage(_ p: ArraySlice<UInt8>, truncated: Bool) -> Bool {
        var names: [String] = []
        var i = p.startIndex
        let n = p.endIndex
        var sawBlank = false
        while i < n {
            let le = p[i...].firstIndex(of: 0x0A) ?? n
            if le == n && truncated { break }  // a line cut by the end of the prefix
            var b = le
            if b > i && p[b - 1] == 0x0D { b -= 1 }
            if b == i { sawBlank = true; break }
            if p[i] == 0x20 || p[i] == 0x09 {
                if names.isEmpty { return false }
            } else {
                guard let colon = p[i..<b].firstIndex(of: UInt8(ascii: ":")), colon > i else { return false }
                for c in p[i..<colon] where !(c > 0x20 && c < 0x7F) { return false }
                names.append(String(decoding: p[i..<colon], as: UTF8.self).lowercased())
            }
            i = le + 1
        }
        guard let first = names.first, openingHeaders.contains(first) || first.hasPrefix("x-") else { return false }
        guard names.contains(where: { mailHeaders.contains($0) }) else { return false }
        return names.count >= 2 && (sawBlank || truncated)
    }

    /// Where the message of an Apple Mail `.emlx` file is: after its first line, which holds the
    /// message's length in bytes (`625       `), and for that many bytes; the property list
    /// that follows is Mail's own. Nil when the first line is no such count or no message
    /// follows it. `p` is the file's first bytes or all of it; the range is clipped to `total`.
    static func emlxMessage(_ p: some RandomAccessCollection<UInt8>, total: Int, truncated: Bool) -> Range<Int>? {
        let bytes = Array(p.prefix(4096))
        var i = 0, count = 0
        while i < bytes.count && i < 12, bytes[i] &- 0x30 < 10 {
            count = count * 10 + Int(bytes[i] - 0x30)
            i += 1
        }
        guard i > 0, count > 0 else { return nil }
        while i < bytes.count && (bytes[i] == 0x20 || bytes[i] == 0x09 || bytes[i] == 0x0D) { i += 1 }
        guard i < bytes.count, bytes[i] == 0x0A else { return nil }
        let start = i + 1
        guard looksLikeMessage(bytes[start...], truncated: truncated || bytes.count < p.count) else { return nil }
        return start..<min(total, start + count)
    }

    /// Whether a file starts like an mbox: a `From ` line followed by a message's headers.
    static func looksLikeMbox(_ p: [UInt8], truncated: Bool) -> Bool {
        guard p.count > 5, p.starts(with: Array("From ".utf8)), let le = p.firstIndex(of: 0x0A) else { return false }
        return looksLikeMessage(p[(le + 1)...], truncated: truncated)
    }

    /// The messages of an mbox: the ranges after each `From ` separator line (a `From ` line at
    /// the start of the file or after a blank line).
    static func mboxMessages(_ p: UnsafeBufferPointer<UInt8>) -> [Range<Int>] {
        var starts: [(line: Int, content: Int)] = []
        var i = 0
        let n = p.count
        var previousBlank = true
        while i < n {
            let le = lineEnd(p, i, n)
            var b = le
            if b > i && p[b - 1] == 0x0D { b -= 1 }
            if previousBlank && b - i >= 5 && p[i] == 0x46 && p[i + 1] == 0x72 && p[i + 2] == 0x6F && p[i + 3] == 0x6D && p[i + 4] == 0x20 {
                starts.append((i, min(le + 1, n)))
            }
            previousBlank = b == i
            i = le + 1
        }
        var out: [Range<Int>] = []
        for (k, s) in starts.enumerated() {
            var end = k + 1 < starts.count ? starts[k + 1].line : n
            // The blank line before the next separator belongs to the separator.
            if end > s.content && p[end - 1] == 0x0A { end -= 1 }
            if end > s.content && p[end - 1] == 0x0D { end -= 1 }
            out.append(s.content..<max(s.content, end))
        }
        return out
    }
}

extension StringProtocol {
    /// Without leading and trailing spaces, tabs and line breaks.
    func trimmingBlanks() -> String {
        let blank: (Character) -> Bool = { $0 == " " || $0 == "\t" || $0 == "\r" || $0 == "\n" }
        guard let a = firstIndex(where: { !blank($0) }), let b = lastIndex(where: { !blank($0) }) else { return "" }
        return String(self[a...b])
    }
}
