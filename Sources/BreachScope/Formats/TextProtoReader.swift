/// Reads Protocol Buffers' text format (`.textproto`, `.txtpb`, `.pbtxt`, `.prototxt`; a
/// route plan, a config dumped by a service): `field: value` pairs and nested messages
/// (`stops { … }`, `stops: < … >`, `items: [{ … }, { … }]`). It is read as XML would be: each
/// message is an element named by its field and each scalar a leaf, fed to `XMLDocumentReader`,
/// so a repeated message (`stops { … } stops { … }`) is a record and a leaf's field name is its
/// column (`recipient`, `phone`, `street`).
///
/// - Strings' C escapes are decoded (`\303\244` octal and `\xC3` hex bytes: `Strandvägen`;
///   `\n`, `\t`, `\"`, `\'`, `\\`); adjacent strings on a line are joined (`"Kari " "Mattila"`).
/// - `#` starts a comment. Separators `,` and `;` are optional, as the format allows.
/// - Lines are kept: a field's line is its line in the file.
/// - A line longer than `ReadLimits.maxFieldBytes` fails with `.limit`; messages left open at
///   the end fail with `.malformed` (the records read are kept).
public struct TextProtoReader: DocumentReader {
    public let limits: ReadLimits
    private var inner: XMLDocumentReader
    /// The current line, held until its end.
    private var line: [UInt8] = []
    /// XML produced for the lines read.
    private var out: [UInt8] = []
    /// Names of the open messages.
    private var stack: [[UInt8]] = []
    /// A field's name read, waiting for its value or its message (maybe on the next line).
    private var pending: [UInt8]?
    /// Inside `name: [ … ]`: the list's field name (each value, or message, is one of it).
    private var list: [UInt8]?
    /// A string value being joined with the strings after it (`"a" "b"`).
    private var string: [UInt8]?
    private var stringName: [UInt8] = []
    private var started = false

    public init(limits: ReadLimits = .init()) {
        self.limits = limits
        inner = XMLDocumentReader(limits: limits)
    }

    public mutating func consume(_ chunk: UnsafeBufferPointer<UInt8>, visitor: inout some RecordVisitor) throws(ReadError) {
        if !started {
            started = true
            out.append(contentsOf: "<textproto>".utf8)
        }
        var start = 0
        while let nl = chunk[start...].firstIndex(of: 0x0A) {
            line.append(contentsOf: chunk[start..<nl])
            try endLine()
            start = nl + 1
        }
        line.append(contentsOf: chunk[start...])
        if line.count > limits.maxFieldBytes {
            throw ReadError(.limit, "a text-format line longer than the limit of \(limits.maxFieldBytes) bytes")
        }
        try flush(visitor: &visitor)
    }

    public mutating func finish(visitor: inout some RecordVisitor) throws(ReadError) {
        if !started { return }
        try endLine()
        endString()
        let open = stack.count
        while let name = stack.popLast() { closeTag(name) }
        out.append(contentsOf: "</textproto>".utf8)
        try flush(visitor: &visitor)
        try inner.finish(visitor: &visitor)
        if open > 0 { throw ReadError(.malformed, "\(open) text-format message(s) left open at the end of the document") }
    }

    private mutating func flush(visitor: inout some RecordVisitor) throws(ReadError) {
        guard !out.isEmpty else { return }
        // (Swapped out and back: one buffer, reused, for every chunk.)
        var bytes: [UInt8] = []
        swap(&bytes, &out)
        defer {
            bytes.removeAll(keepingCapacity: true)
            swap(&bytes, &out)
        }
        try bytes.withUnsafeBufferPointer { p throws(ReadError) in try inner.consume(p, visitor: &visitor) }
    }

    // MARK: Tokens

    private mutating func endLine() throws(ReadError) {
        var l: [UInt8] = []
        swap(&l, &line)
        defer {
            l.removeAll(keepingCapacity: true)
            swap(&l, &line)
        }
        var i = 0
        let n = l.count
        while i < n {
            let c = l[i]
            if c == 0x20 || c == 0x09 || c == 0x0D { i += 1; continue }
            if c == UInt8(ascii: ",") || c == UInt8(ascii: ";") {
                // (A list's items are apart; adjacent strings without one are joined.)
                endString()
                i += 1
                continue
            }
            if c == UInt8(ascii: "#") { break }
            if c == UInt8(ascii: "\"") || c == UInt8(ascii: "'") {
                var j = i + 1
                var value: [UInt8] = []
                while j < n && l[j] != c {
                    if l[j] == UInt8(ascii: "\\") && j + 1 < n {
                        j = Self.unescape(l, j + 1, into: &value)
                    } else {
                        value.append(l[j])
                        j += 1
                    }
                }
                i = j + 1
                if string != nil { string!.append(contentsOf: value); continue }
                guard let name = pending ?? list else { continue }
                pending = nil
                string = value
                stringName = name
                continue
            }
            endString()
            if c == UInt8(ascii: "{") || c == UInt8(ascii: "<") {
                let name = pending ?? list ?? Array("message".utf8)
                pending = nil
                stack.append(name)
                out.append(UInt8(ascii: "<"))
                out.append(contentsOf: name)
                out.append(UInt8(ascii: ">"))
                i += 1
                continue
            }
            if c == UInt8(ascii: "}") || c == UInt8(ascii: ">") {
                pending = nil
                if let name = stack.popLast() { closeTag(name) }
                i += 1
                continue
            }
            if c == UInt8(ascii: "[") && pending != nil {
                list = pending
                pending = nil
                i += 1
                continue
            }
            if c == UInt8(ascii: "]") && list != nil {
                list = nil
                i += 1
                continue
            }
            // A name (`recipient`, `[ext.field]`) or a bare value (`4401943`, `-1.5`, `TRUE`, `ENUM_VALUE`).
            var j = i
            if c == UInt8(ascii: "[") {
                while j < n && l[j] != UInt8(ascii: "]") { j += 1 }
                j = Swift.min(n, j + 1)
            } else {
                while j < n && !Self.endsToken(l[j]) { j += 1 }
            }
            if j == i { i += 1; continue }
            var k = j
            while k < n && (l[k] == 0x20 || l[k] == 0x09) { k += 1 }
            let colon = k < n && l[k] == UInt8(ascii: ":")
            let token = Array(l[i..<j])
            if let name = pending ?? list, !colon {
                // A value of the pending field, or of the list.
                pending = nil
                leaf(name, token)
                i = j
                continue
            }
            pending = Self.elementName(token)
            i = colon ? k + 1 : j
        }
        // (Strings are joined within a line: the field's line is its own.)
        endString()
        out.append(0x0A)
    }

    private static func endsToken(_ b: UInt8) -> Bool {
        b == 0x20 || b == 0x09 || b == 0x0D || b == UInt8(ascii: ":") || b == UInt8(ascii: ",") || b == UInt8(ascii: ";")
            || b == UInt8(ascii: "{") || b == UInt8(ascii: "}") || b == UInt8(ascii: "<") || b == UInt8(ascii: ">")
            || b == UInt8(ascii: "[") || b == UInt8(ascii: "]") || b == UInt8(ascii: "#") || b == UInt8(ascii: "\"")
            || b == UInt8(ascii: "'")
    }

    /// A field name as an XML element's: letters, digits, `_`, `-`, `.` (an extension's
    /// `[com.example.ext]` loses its brackets).
    static func elementName(_ token: [UInt8]) -> [UInt8] {
        var name = token.filter { ASCII.isAlnum($0) || $0 == UInt8(ascii: "_") || $0 == UInt8(ascii: "-") || $0 == UInt8(ascii: ".") }
        if name.isEmpty || !(ASCII.isLetter(name[0]) || name[0] == UInt8(ascii: "_")) { name.insert(UInt8(ascii: "_"), at: 0) }
        return name
    }

    /// Decodes the escape after a backslash at `i`; returns the index after it.
    static func unescape(_ l: [UInt8], _ i: Int, into value: inout [UInt8]) -> Int {
        let c = l[i]
        switch c {
        case UInt8(ascii: "n"): value.append(0x0A); return i + 1
        case UInt8(ascii: "t"): value.append(0x09); return i + 1
        case UInt8(ascii: "r"): value.append(0x0D); return i + 1
        case UInt8(ascii: "0")...UInt8(ascii: "7"):
            var v = 0, j = i
            while j < l.count && j < i + 3 && l[j] >= UInt8(ascii: "0") && l[j] <= UInt8(ascii: "7") {
                v = v * 8 + Int(l[j] - UInt8(ascii: "0"))
                j += 1
            }
            value.append(UInt8(truncatingIfNeeded: v))
            return j
        case UInt8(ascii: "x"), UInt8(ascii: "X"):
            var v = 0, j = i + 1
            while j < l.count && j < i + 3, let d = Self.hexDigit(l[j]) {
                v = v * 16 + d
                j += 1
            }
            if j == i + 1 { value.append(c); return i + 1 }
            value.append(UInt8(truncatingIfNeeded: v))
            return j
        default:
            value.append(c)
            return i + 1
        }
    }

    private static func hexDigit(_ b: UInt8) -> Int? {
        if ASCII.isDigit(b) { return ASCII.digit(b) }
        let l = ASCII.lower(b)
        return l >= UInt8(ascii: "a") && l <= UInt8(ascii: "f") ? Int(l - UInt8(ascii: "a")) + 10 : nil
    }

    private mutating func endString() {
        guard let value = string else { return }
        string = nil
        leaf(stringName, value)
    }

    private mutating func leaf(_ name: [UInt8], _ value: [UInt8]) {
        out.append(UInt8(ascii: "<"))
        out.append(contentsOf: name)
        out.append(UInt8(ascii: ">"))
        for b in value {
            switch b {
            case UInt8(ascii: "<"): out.append(contentsOf: "&lt;".utf8)
            case UInt8(ascii: "&"): out.append(contentsOf: "&amp;".utf8)
            case 0x0A, 0x0D: out.append(0x20)
            default: out.append(b)
            }
        }
        closeTag(name)
    }

    private mutating func closeTag(_ name: [UInt8]) {
        out.append(contentsOf: "</".utf8)
        out.append(contentsOf: name)
        out.append(UInt8(ascii: ">"))
    }
}
