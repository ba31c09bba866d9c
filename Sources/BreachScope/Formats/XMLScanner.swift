/// What `XMLScanner.next` found.
enum XMLEvent: Equatable {
    /// A start tag (`<c r="B2">`); a self-closing one is followed by `.end` on the next call.
    case start
    /// An end tag (`</c>`), or the end of a self-closing tag.
    case end
}

/// A small streaming XML tokenizer for the well-formed, machine-written XML of office files, fed
/// chunk by chunk (a push parser: no document is held whole).
///
/// It reports start and end tags; the current tag's bytes stay available (`isNamed`,
/// `attribute`) until the next call. Character data is skipped unless `collecting` is set: then
/// it is appended to `text` with the entities (`&amp; &lt; &gt; &quot; &apos; &#NN; &#xHH;`)
/// decoded and CDATA sections taken literally. Comments, processing instructions and DOCTYPE are
/// skipped. Element and attribute names are compared by local name (any `x:` prefix ignored).
/// Not a validating parser: mismatched tags are the caller's business.
struct XMLScanner {
    /// Character data is appended to `text` while this is set.
    var collecting = false
    /// Collected character data (the caller clears it).
    var text: [UInt8] = []
    /// Longest `text` accepted, and longest tag.
    let maxTextBytes: Int
    let maxTagBytes: Int

    /// The current tag's bytes between `<` and `>` (without a trailing `/`).
    private(set) var tag: [UInt8] = []
    /// The current tag's local name, as a range of `tag`.
    private var nameRange: Range<Int> = 0..<0
    private var pendingEnd = false

    private enum State { case text, entity, lt, tag, tagQuote, bang, comment, cdata, pi, doctype }
    private var state = State.text
    private var quoteByte: UInt8 = 0
    /// Consecutive `-` (comment), `]` (CDATA) or `?` (PI) just seen; `[` depth in DOCTYPE.
    private var run = 0
    private var entity: [UInt8] = []

    private static let lt = UInt8(ascii: "<"), gt = UInt8(ascii: ">"), amp = UInt8(ascii: "&")
    private static let slash = UInt8(ascii: "/"), colon = UInt8(ascii: ":"), semicolon = UInt8(ascii: ";")

    /// A tag's local name (any `x:` prefix dropped) and whether it is an end tag (`/x:name`).
    static func localName(_ t: [UInt8]) -> (name: [UInt8], isEnd: Bool) {
        var k = 0
        let isEnd = t.first == UInt8(ascii: "/")
        if isEnd { k = 1 }
        var start = k
        while k < t.count && !isSpace(t[k]) {
            if t[k] == colon { start = k + 1 }
            k += 1
        }
        return (Array(t[start..<k]), isEnd)
    }

    init(maxTextBytes: Int, maxTagBytes: Int = 1 << 20) {
        self.maxTextBytes = maxTextBytes
        self.maxTagBytes = maxTagBytes
    }

    /// Scans `p` from `i` to the next tag; nil when the chunk is used up (state is kept for the
    /// next chunk).
    mutating func next(_ p: UnsafeBufferPointer<UInt8>, at i: inout Int) throws(ReadError) -> XMLEvent? {
        if pendingEnd { pendingEnd = false; return .end }
        let n = p.count
        while i < n {
            switch state {
            case .text:
                var j = i
                if collecting {
                    while j < n && p[j] != Self.lt && p[j] != Self.amp { j += 1 }
                    try append(UnsafeBufferPointer(rebasing: p[i..<j]))
                } else {
                    while j < n && p[j] != Self.lt { j += 1 }
                }
                i = j
                guard j < n else { return nil }
                i += 1
                if p[j] == Self.amp { state = .entity; entity.clear() } else { state = .lt; tag.clear() }
            case .entity:
                let b = p[i]
                i += 1
                if b == Self.semicolon {
                    try appendEntity()
                    state = .text
                } else if entity.count >= 10 || b == Self.lt || b == Self.amp {
                    // Not an entity: keep the bytes literally and look at `b` again as text.
                    try append(CollectionOfOne(Self.amp))
                    try append(entity)
                    i -= 1
                    state = .text
                } else {
                    entity.append(b)
                }
            case .lt:
                let b = p[i]
                if b == UInt8(ascii: "?") { state = .pi; run = 0; i += 1 }
                else if b == UInt8(ascii: "!") { state = .bang; i += 1 }
                else { state = .tag }
            case .bang:
                // After `<!`: `--` opens a comment, `[CDATA[` a CDATA section, anything else a
                // declaration (DOCTYPE) skipped to its `>`.
                let b = p[i]
                tag.append(b)
                i += 1
                let cdata = Self.cdataOpen, comment = Self.commentOpen
                if tag == comment { state = .comment; run = 0 }
                else if tag == cdata { state = .cdata; run = 0 }
                else if !(comment.starts(with: tag) || cdata.starts(with: tag)) { state = .doctype; run = b == UInt8(ascii: "[") ? 1 : 0; if b == Self.gt { state = .text } }
            case .comment:
                let b = p[i]
                i += 1
                if b == UInt8(ascii: "-") { run += 1 }
                else if b == Self.gt && run >= 2 { state = .text }
                else { run = 0 }
            case .pi:
                let b = p[i]
                i += 1
                if b == Self.gt && run > 0 { state = .text } else { run = b == UInt8(ascii: "?") ? 1 : 0 }
            case .doctype:
                let b = p[i]
                i += 1
                if b == UInt8(ascii: "[") { run += 1 }
                else if b == UInt8(ascii: "]") { run = Swift.max(0, run - 1) }
                else if b == Self.gt && run == 0 { state = .text }
            case .cdata:
                let b = p[i]
                i += 1
                if b == UInt8(ascii: "]") { run += 1; continue }
                if b == Self.gt && run >= 2 {
                    if collecting { for _ in 0..<(run - 2) { try append(CollectionOfOne(UInt8(ascii: "]"))) } }
                    state = .text
                } else if collecting {
                    for _ in 0..<run { try append(CollectionOfOne(UInt8(ascii: "]"))) }
                    try append(CollectionOfOne(b))
                }
                run = 0
            case .tag:
                var j = i
                while j < n {
                    let b = p[j]
                    if b == Self.gt || b == UInt8(ascii: "\"") || b == UInt8(ascii: "'") { break }
                    j += 1
                }
                try appendTag(UnsafeBufferPointer(rebasing: p[i..<j]))
                i = j
                guard j < n else { return nil }
                i += 1
                let b = p[j]
                if b == Self.gt {
                    state = .text
                    return finishTag()
                }
                try appendTag(CollectionOfOne(b))
                quoteByte = b
                state = .tagQuote
            case .tagQuote:
                var j = i
                while j < n && p[j] != quoteByte { j += 1 }
                try appendTag(UnsafeBufferPointer(rebasing: p[i..<j]))
                i = j
                guard j < n else { return nil }
                try appendTag(CollectionOfOne(quoteByte))
                i += 1
                state = .tag
            }
        }
        return nil
    }

    /// True after the input ended outside any markup.
    var isAtTextState: Bool { state == .text }

    /// Whether the current tag's local name is `name`.
    func isNamed(_ name: StaticString) -> Bool {
        name.withUTF8Buffer { n in
            n.count == nameRange.count && tag.withUnsafeBufferPointer { t in
                memoryEqual(UnsafeBufferPointer(rebasing: t[nameRange]), n)
            }
        }
    }

    /// The raw (entity-encoded) value of the current tag's attribute with local name `name`, as
    /// a range of `tag`. `xmlns` declarations are never matched.
    func attributeRange(_ name: StaticString) -> Range<Int>? {
        name.withUTF8Buffer { want in
            tag.withUnsafeBufferPointer { t -> Range<Int>? in
                var found: Range<Int>?
                Self.forEachAttribute(t, from: nameRange.upperBound) { name, local, value in
                    let isXmlns = Self.isXmlns(t, local > name.lowerBound ? name.lowerBound..<(local - 1) : name)
                    if !isXmlns && memoryEqual(UnsafeBufferPointer(rebasing: t[local..<name.upperBound]), want) { found = value; return false }
                    return true
                }
                return found
            }
        }
    }

    /// Walks the attributes of a tag's bytes `t` from `start` (after the tag name): for each, the
    /// range of its qualified name, where its local name starts and the range of its raw value.
    /// `body` returns false to stop. Attributes without a quoted value are skipped.
    static func forEachAttribute(_ t: UnsafeBufferPointer<UInt8>, from start: Int,
                                 _ body: (_ name: Range<Int>, _ local: Int, _ value: Range<Int>) -> Bool) {
        var i = start
        let n = t.count
        while i < n {
            while i < n && isSpace(t[i]) { i += 1 }
            let nameStart = i
            var local = i
            while i < n && t[i] != UInt8(ascii: "=") && !isSpace(t[i]) {
                if t[i] == colon { local = i + 1 }
                i += 1
            }
            let nameEnd = i
            while i < n && (isSpace(t[i]) || t[i] == UInt8(ascii: "=")) { i += 1 }
            guard i < n, t[i] == UInt8(ascii: "\"") || t[i] == UInt8(ascii: "'") else {
                if i == nameStart { i += 1 }
                continue
            }
            let q = t[i]
            i += 1
            let valueStart = i
            while i < n && t[i] != q { i += 1 }
            let value = valueStart..<i
            i += 1
            if !body(nameStart..<nameEnd, local, value) { return }
        }
    }

    /// The decoded value of the current tag's attribute `name` (entities resolved).
    func attribute(_ name: StaticString) -> [UInt8]? {
        guard let r = attributeRange(name) else { return nil }
        var out: [UInt8] = []
        out.reserveCapacity(r.count)
        var i = r.lowerBound
        while i < r.upperBound {
            let b = tag[i]
            if b == Self.amp, let end = tag[i..<r.upperBound].firstIndex(of: Self.semicolon), end - i <= 11,
               let decoded = Self.decodeEntity(Array(tag[(i + 1)..<end])) {
                out.append(contentsOf: decoded)
                i = end + 1
            } else {
                out.append(b)
                i += 1
            }
        }
        return out
    }

    // MARK: Internals

    /// Whether `t[r]` is `xmlns`.
    private static func isXmlns(_ t: UnsafeBufferPointer<UInt8>, _ r: Range<Int>) -> Bool {
        r.count == 5 && t[r.lowerBound] == 0x78 && t[r.lowerBound + 1] == 0x6D && t[r.lowerBound + 2] == 0x6C
            && t[r.lowerBound + 3] == 0x6E && t[r.lowerBound + 4] == 0x73
    }

    private static let cdataOpen: [UInt8] = Array("[CDATA[".utf8), commentOpen: [UInt8] = Array("--".utf8)

    private static func isSpace(_ b: UInt8) -> Bool { b == 0x20 || b == 0x09 || b == 0x0A || b == 0x0D }

    private func memoryEqual(_ a: UnsafeBufferPointer<UInt8>, _ b: UnsafeBufferPointer<UInt8>) -> Bool {
        a.count == b.count && a.elementsEqual(b)
    }

    /// A tag is complete: find its name, whether it ends or closes itself.
    private mutating func finishTag() -> XMLEvent {
        var start = 0
        var isEnd = false
        if let first = tag.first, first == Self.slash { isEnd = true; start = 1 }
        var selfClosing = false
        if !isEnd, let last = tag.last, last == Self.slash { selfClosing = true; tag.removeLast() }
        var i = start, local = start
        while i < tag.count && !Self.isSpace(tag[i]) {
            if tag[i] == Self.colon { local = i + 1 }
            i += 1
        }
        nameRange = local..<i
        if isEnd { return .end }
        pendingEnd = selfClosing
        return .start
    }

    private mutating func appendTag(_ bytes: some Collection<UInt8>) throws(ReadError) {
        if tag.count + bytes.count > maxTagBytes { throw ReadError(.limit, "an XML tag is longer than the limit of \(maxTagBytes) bytes") }
        tag.append(contentsOf: bytes)
    }

    private mutating func append(_ bytes: some Collection<UInt8>) throws(ReadError) {
        guard collecting, !bytes.isEmpty else { return }
        if text.count + bytes.count > maxTextBytes { throw ReadError(.limit, "a cell text is longer than the limit of \(maxTextBytes) bytes") }
        text.append(contentsOf: bytes)
    }

    private mutating func appendEntity() throws(ReadError) {
        if let decoded = Self.decodeEntity(entity) {
            try append(decoded)
        } else {  // unknown entity: kept as written
            try append(CollectionOfOne(Self.amp))
            try append(entity)
            try append(CollectionOfOne(Self.semicolon))
        }
    }

    /// The UTF-8 bytes of an entity's name (between `&` and `;`), nil when unknown.
    static func decodeEntity(_ name: [UInt8]) -> [UInt8]? {
        switch name {
        case Array("amp".utf8): return [Self.amp]
        case Array("lt".utf8): return [Self.lt]
        case Array("gt".utf8): return [Self.gt]
        case Array("quot".utf8): return [UInt8(ascii: "\"")]
        case Array("apos".utf8): return [UInt8(ascii: "'")]
        default: break
        }
        guard name.count >= 2, name[0] == UInt8(ascii: "#") else { return nil }
        var value: UInt32 = 0
        let hex = name[1] == UInt8(ascii: "x") || name[1] == UInt8(ascii: "X")
        let digits = name[(hex ? 2 : 1)...]
        guard !digits.isEmpty, digits.count <= 8 else { return nil }
        for b in digits {
            let d: UInt32
            switch b {
            case 0x30...0x39: d = UInt32(b - 0x30)
            case 0x61...0x66 where hex: d = UInt32(b - 0x61 + 10)
            case 0x41...0x46 where hex: d = UInt32(b - 0x41 + 10)
            default: return nil
            }
            value = value * (hex ? 16 : 10) + d
        }
        guard let scalar = Unicode.Scalar(value) else { return nil }
        var out: [UInt8] = []
        UTF8.encode(scalar) { out.append($0) }
        return out
    }
}
