/// Reads vCard address books (`.vcf`, versions 2.1, 3.0 and 4.0: a phone's backup, a CRM's or a
/// support desk's contacts): each card (`BEGIN:VCARD` … `END:VCARD`) is one record. iCalendar
/// files (`.ics`) share the syntax: each event, task or journal entry is one record, its
/// `SUMMARY` and `DESCRIPTION` text (a summary's leading name read as one), its `ORGANIZER`
/// staff and its `ATTENDEE`s persons.
///
/// - Lines folded with a leading space or tab are unfolded; quoted-printable values (2.1) are
///   decoded, with their `=` soft line breaks, and so are base64 ones (`ENCODING=B`), in the
///   card's `CHARSET` (UTF-8 by default); 3.0/4.0 escapes (`\n`, `\,`, `\;`) are undone. A
///   property's group (`item1.EMAIL`) is dropped.
/// - Read: `FN` (else `N`, `Family;Given;Additional;Prefix;Suffix` → `Given Additional Family`),
///   `EMAIL`, `TEL` (`tel:` URIs too), `ADR` (`;;street;locality;region;code;country` →
///   `street, code locality`), `BDAY`, `NOTE` (free text), and `X-` properties whose name the
///   classifier knows (`X-ISIKUKOOD`, `X-LOYALTY-CARD`). `ORG` and `CATEGORIES` are text.
/// - A card with a `TITLE` or a `ROLE` is a colleague's (`Klienditoe spetsialist`): its name,
///   e-mails and phones are staff fields (`RecordAssembler.staffColumn`), no data subject's.
/// - Not read: `PHOTO`, `LOGO`, `SOUND`, `KEY`, `UID`, `REV`, `PRODID` and other technical
///   properties.
/// - A line is the card's property's first physical line; an offset is that line's byte offset.
public struct VCardReader: DocumentReader {
    public let limits: ReadLimits

    public init(limits: ReadLimits = .init()) { self.limits = limits }

    /// One property of the card being read, unfolded.
    private struct Property {
        var name: String
        var params: String
        var value: [UInt8]
        var line: Int
        var offset: Int
    }

    /// The physical lines, and the number of the last one.
    private var lines = ChunkLines(cap: VCardReader.maxPropertyBytes)
    private var lineNumber = 0
    /// The logical line being unfolded, where it started, and whether it is a quoted-printable
    /// value ending in a soft line break.
    private var logical: [UInt8] = []
    private var logicalLine = 0
    private var logicalOffset = 0
    private var card: [Property] = []
    private var cardBytes = 0
    private var inCard = false
    private var columns: [String: Int] = [:]

    /// A property longer than this is cut (only a photo or a key is so long).
    static let maxPropertyBytes = 64 << 10
    /// A card with more properties or bytes is emitted in parts.
    static let maxCardProperties = 512
    static let maxCardBytes = 1 << 20

    public mutating func consume(_ chunk: UnsafeBufferPointer<UInt8>, visitor: inout some RecordVisitor) throws(ReadError) {
        var i = 0
        while let (line, offset) = lines.next(in: chunk, from: &i) { endPhysicalLine(line, offset, visitor: &visitor) }
    }

    public mutating func finish(visitor: inout some RecordVisitor) throws(ReadError) {
        if let (line, offset) = lines.rest() { endPhysicalLine(line, offset, visitor: &visitor) }
        endLogicalLine(visitor: &visitor)
        if inCard { emitCard(visitor: &visitor) }
    }

    // MARK: Lines

    private mutating func endPhysicalLine(_ line: [UInt8], _ offset: Int, visitor: inout some RecordVisitor) {
        lineNumber += 1
        var line = line
        if line.last == 0x0D { line.removeLast() }
        if let first = line.first, first == 0x20 || first == 0x09, !logical.isEmpty {
            // A folded line goes on.
            if logical.count < Self.maxPropertyBytes { logical.append(contentsOf: line.dropFirst()) }
            return
        }
        if !logical.isEmpty && logical.last == UInt8(ascii: "=") && Self.isQuotedPrintable(logical) {
            // A quoted-printable soft line break (2.1): the value goes on, unindented.
            logical.removeLast()
            if logical.count < Self.maxPropertyBytes { logical.append(contentsOf: line) }
            return
        }
        endLogicalLine(visitor: &visitor)
        guard !line.isEmpty else { return }
        logical = line
        logicalLine = lineNumber
        logicalOffset = offset
    }

    /// Whether a logical line's parameters declare quoted-printable (`;ENCODING=QUOTED-PRINTABLE`,
    /// 2.1's bare `;QUOTED-PRINTABLE`).
    static func isQuotedPrintable(_ line: [UInt8]) -> Bool {
        guard let colon = line.firstIndex(of: UInt8(ascii: ":")) else { return false }
        return String(decoding: line[..<colon], as: UTF8.self).uppercased().contains("QUOTED-PRINTABLE")
    }

    private mutating func endLogicalLine(visitor: inout some RecordVisitor) {
        guard !logical.isEmpty else { return }
        var line: [UInt8] = []
        swap(&line, &logical)
        defer { line.removeAll(keepingCapacity: true); swap(&line, &logical) }
        guard let colon = line.firstIndex(of: UInt8(ascii: ":")) else { return }
        let head = String(decoding: line[..<colon], as: UTF8.self)
        var parts = head.split(separator: ";", maxSplits: 1, omittingEmptySubsequences: false)
        var name = parts.isEmpty ? "" : String(parts.removeFirst()).uppercased()
        if let dot = name.lastIndex(of: ".") { name = String(name[name.index(after: dot)...]) }  // `item1.EMAIL`
        let params = parts.first.map(String.init) ?? ""
        let raw = Array(line[(colon + 1)...])
        if name == "BEGIN" && Self.isComponent(raw) {
            if inCard { emitCard(visitor: &visitor) }
            inCard = true
            return
        }
        if name == "END" && Self.isComponent(raw) {
            if inCard { emitCard(visitor: &visitor) }
            inCard = false
            return
        }
        guard inCard, Self.readProperties.contains(name) || name.hasPrefix("X-") else { return }
        card.append(Property(name: name, params: params, value: Self.decode(raw, params: params), line: logicalLine, offset: logicalOffset))
        cardBytes += raw.count
        if card.count >= Self.maxCardProperties || cardBytes >= Self.maxCardBytes { emitCard(visitor: &visitor) }
    }

    static let readProperties: Set<String> = [
        "FN", "N", "EMAIL", "TEL", "ADR", "LABEL", "BDAY", "NOTE", "ORG", "TITLE", "ROLE", "CATEGORIES",
        // iCalendar's events and tasks.
        "SUMMARY", "DESCRIPTION", "LOCATION", "COMMENT", "CONTACT", "ORGANIZER", "ATTENDEE",
    ]

    /// A component read as one record: a vCard, or an iCalendar event, task or journal entry
    /// (`BEGIN:VTODO`: a pharmacy's call-back task, `SUMMARY:Helistada: Mari Tamm`).
    static func isComponent(_ raw: [UInt8]) -> Bool {
        let v = String(decoding: raw, as: UTF8.self).uppercased()
        return v.hasPrefix("VCARD") || v.hasPrefix("VEVENT") || v.hasPrefix("VTODO") || v.hasPrefix("VJOURNAL")
    }

    /// An event's or a task's summary that names a person (`Helistada: Hannah Smith`,
    /// `Перезвонить: Артём Орлов`, `Mari Tamm – retsept`): the name's range, after a verb's colon
    /// and up to a dash, a bracket or a comma.
    static func summaryName(_ v: [UInt8]) -> Range<Int>? {
        if let r = summaryName(v, from: 0) { return r }
        // `Geneetiline nõustamine – Tiiu Pärn`: the name after the dash.
        for j in 0..<v.count where v[j] == 0x20 {
            let width = v.withUnsafeBufferPointer { TextReader.spacedDash($0, at: j) }
            if width > 0 { return summaryName(v, from: j + 2 + width) }
        }
        return nil
    }

    private static func summaryName(_ v: [UInt8], from: Int) -> Range<Int>? {
        var start = from
        if let colon = v[from...].firstIndex(of: UInt8(ascii: ":")), colon - from < 24, !v[from..<colon].contains(0x20) || colon - from < 16 {
            start = colon + 1
        }
        while start < v.count && v[start] == 0x20 { start += 1 }
        var end = start
        while end < v.count, v[end] != UInt8(ascii: "(") && v[end] != UInt8(ascii: ",") && v[end] != UInt8(ascii: ":") {
            if v[end] == 0x20, v.withUnsafeBufferPointer({ TextReader.spacedDash($0, at: end) }) > 0 { break }
            end += 1
        }
        while end > start && v[end - 1] == 0x20 { end -= 1 }
        guard end > start else { return nil }
        let ok = v.withUnsafeBufferPointer { p in
            let name = UnsafeBufferPointer(rebasing: p[start..<end])
            return TextReader.isListName(name) && TextReader.isCapitalisedName(name)
        }
        return ok ? start..<end : nil
    }

    /// A value decoded from its transfer encoding and charset, escapes undone (not the `;` of a
    /// structured value, `structured` splits at those).
    static func decode(_ raw: [UInt8], params: String) -> [UInt8] {
        let upper = params.uppercased()
        var bytes = raw
        if upper.contains("QUOTED-PRINTABLE") {
            var out: [UInt8] = []
            raw.withUnsafeBufferPointer { MailDecoder.quotedPrintable($0, into: &out) }
            bytes = out
        } else if upper.contains("ENCODING=B") || upper.contains("BASE64") {
            var out: [UInt8] = []
            raw.withUnsafeBufferPointer { MailDecoder.base64($0, into: &out) }
            bytes = out
        }
        if let charset = param("CHARSET", in: params), charset.uppercased() != "UTF-8" {
            bytes = MailDecoder.utf8(bytes, charset: charset)
        }
        return bytes
    }

    /// A parameter's value (`CHARSET=ISO-8859-1` → `ISO-8859-1`), nil when absent.
    static func param(_ key: String, in params: String) -> String? {
        for p in params.split(separator: ";") {
            let kv = p.split(separator: "=", maxSplits: 1)
            if kv.count == 2 && kv[0].uppercased() == key { return String(kv[1]) }
        }
        return nil
    }

    /// A structured value's components, split at unescaped `;`, escapes undone.
    static func structured(_ v: [UInt8]) -> [[UInt8]] {
        var parts: [[UInt8]] = [[]]
        var i = 0
        while i < v.count {
            let c = v[i]
            if c == UInt8(ascii: "\\") && i + 1 < v.count {
                parts[parts.count - 1].append(contentsOf: unescaped(v[i + 1]))
                i += 2
                continue
            }
            if c == UInt8(ascii: ";") { parts.append([]) } else { parts[parts.count - 1].append(c) }
            i += 1
        }
        return parts.map { trimmed($0) }
    }

    /// A text value with its escapes undone.
    static func text(_ v: [UInt8]) -> [UInt8] {
        var out: [UInt8] = []
        out.reserveCapacity(v.count)
        var i = 0
        while i < v.count {
            if v[i] == UInt8(ascii: "\\") && i + 1 < v.count {
                out.append(contentsOf: unescaped(v[i + 1]))
                i += 2
            } else {
                out.append(v[i])
                i += 1
            }
        }
        return trimmed(out)
    }

    private static func unescaped(_ c: UInt8) -> [UInt8] {
        c == UInt8(ascii: "n") || c == UInt8(ascii: "N") ? [0x0A] : [c]
    }

    private static func trimmed(_ v: [UInt8]) -> [UInt8] {
        var a = 0, b = v.count
        while a < b && (v[a] == 0x20 || v[a] == 0x09) { a += 1 }
        while b > a && (v[b - 1] == 0x20 || v[b - 1] == 0x09) { b -= 1 }
        return Array(v[a..<b])
    }

    /// `N`'s components as a name in reading order (`Washington;Rebecca;B;;` → `Rebecca B Washington`).
    static func name(fromN v: [UInt8]) -> [UInt8] {
        let c = structured(v)
        let order = [3, 1, 2, 0, 4].filter { $0 < c.count && !c[$0].isEmpty }
        return Array(order.map { c[$0] }.joined(separator: [0x20]))
    }

    /// `ADR`'s components as one address (`;;Kuusikuja 58 B 40;Kouvola;;45850;Suomi` →
    /// `Kuusikuja 58 B 40, 45850 Kouvola`); the region and country only when there is no locality.
    static func address(fromADR v: [UInt8]) -> [UInt8] {
        let c = structured(v)
        func at(_ i: Int) -> [UInt8] { i < c.count ? c[i] : [] }
        var parts: [[UInt8]] = []
        let street = [at(2), at(1), at(0)].filter { !$0.isEmpty }
        if !street.isEmpty { parts.append(Array(street.joined(separator: [0x20]))) }
        let town = [at(5), at(3)].filter { !$0.isEmpty }
        if !town.isEmpty { parts.append(Array(town.joined(separator: [0x20]))) }
        if at(3).isEmpty {
            for extra in [at(4), at(6)] where !extra.isEmpty { parts.append(extra) }
        }
        return Array(parts.joined(separator: Array(", ".utf8)))
    }

    // MARK: Cards

    /// The column of a name (each name is declared with one hint: a staff member's fields have
    /// names of their own).
    private mutating func column(_ name: String, _ hint: FieldHint, visitor: inout some RecordVisitor) -> Int {
        if let id = columns[name] { return id }
        let id = visitor.declareColumn(name: name, hint: hint)
        columns[name] = id
        return id
    }

    private mutating func emitCard(visitor: inout some RecordVisitor) {
        var props: [Property] = []
        swap(&props, &card)
        cardBytes = 0
        defer { props.removeAll(keepingCapacity: true); swap(&props, &card) }
        guard let first = props.first else { return }
        let staff = props.contains { ($0.name == "TITLE" || $0.name == "ROLE") && !Self.text($0.value).isEmpty }
        let hasFN = props.contains { $0.name == "FN" && !Self.text($0.value).isEmpty }
        visitor.beginRecord(line: first.line, offset: first.offset)
        func emit(_ value: [UInt8], _ col: Int, _ p: Property) {
            guard !value.isEmpty else { return }
            value.withUnsafeBufferPointer { visitor.field($0, column: col, line: p.line, offset: p.offset) }
        }
        for p in props {
            switch p.name {
            case "FN", "N":
                if p.name == "N" && hasFN { continue }
                let value = p.name == "FN" ? Self.text(p.value) : Self.name(fromN: p.value)
                if staff {
                    emit(value, column(RecordAssembler.staffNameColumn, .nonPersonal, visitor: &visitor), p)
                } else {
                    emit(value, column(p.name, .fullName, visitor: &visitor), p)
                }
            case "EMAIL", "TEL":
                var value = Self.text(p.value)
                for scheme in ["tel:", "mailto:"] where value.count > scheme.count
                    && String(decoding: value.prefix(scheme.count), as: UTF8.self).lowercased() == scheme {
                    value.removeFirst(scheme.count)
                }
                let col = staff ? column(RecordAssembler.staffColumn, .nonPersonal, visitor: &visitor)
                    : column(p.name, p.name == "EMAIL" ? .email : .phone, visitor: &visitor)
                emit(value, col, p)
            case "ADR", "LABEL":
                guard !staff else { continue }
                let value = p.name == "ADR" ? Self.address(fromADR: p.value) : Self.text(p.value).map { $0 == 0x0A ? UInt8(ascii: ",") : $0 }
                emit(value, column(p.name, .postalAddress, visitor: &visitor), p)
            case "BDAY":
                guard !staff else { continue }
                emit(Self.text(p.value), column(p.name, .dateOfBirth, visitor: &visitor), p)
            case "ORGANIZER", "ATTENDEE":
                // `ORGANIZER;CN=Kärt Toom:mailto:kart.toom@…`: the organiser is staff; an attendee
                // (a patient at an appointment) is read as a person.
                let organiser = p.name == "ORGANIZER"
                if let cn = Self.param("CN", in: p.params) {
                    let name = Array(cn.utf8).filter { $0 != UInt8(ascii: "\"") }
                    emit(name, organiser || staff ? column(RecordAssembler.staffNameColumn, .nonPersonal, visitor: &visitor)
                        : column(p.name, .fullName, visitor: &visitor), p)
                }
                var value = Self.text(p.value)
                if value.count > 7 && String(decoding: value.prefix(7), as: UTF8.self).lowercased() == "mailto:" { value.removeFirst(7) }
                emit(value, organiser || staff ? column(RecordAssembler.staffColumn, .nonPersonal, visitor: &visitor)
                    : column(p.name + " E-MAIL", .email, visitor: &visitor), p)
            case "SUMMARY":
                let value = Self.text(p.value)
                if !staff, let r = Self.summaryName(value) {
                    emit(Array(value[r]), column("SUMMARY NAME", .fullName, visitor: &visitor), p)
                }
                emit(value.map { $0 == 0x0A ? 0x20 : $0 }, -1, p)
            case "TITLE", "ROLE", "ORG":
                emit(Array(Self.structured(p.value).filter { !$0.isEmpty }.joined(separator: Array(", ".utf8))),
                     column(p.name, .nonPersonal, visitor: &visitor), p)
            default:
                // NOTE, CATEGORIES and X- properties: text, or the field an X- name says it is.
                let value = Self.text(p.value)
                if p.name.hasPrefix("X-"), !staff, let hint = FieldClassifier.hint(forLabel: String(p.name.dropFirst(2))) {
                    emit(value, column(p.name, hint, visitor: &visitor), p)
                } else {
                    emit(value.map { $0 == 0x0A ? 0x20 : $0 }, -1, p)
                }
            }
        }
        visitor.endRecord()
    }
}
