/// Reads UN/EDIFACT interchanges (`UNA:+.? '`, `UNB+…`: orders, despatch advices and invoices
/// between a logistics company and its customers): each message (`UNH` … `UNT`) is one record of
/// its delivery party, and each contact in it (`CTA`, a relative who receives the goods) is a
/// record of its own, after the party's.
///
/// - Segments end at the terminator (`'`), elements at `+`, components at `:`, and `?` releases
///   the next character (`?+358` is `+358`); `UNA` may set other separators. Line breaks
///   between segments are ignored.
/// - Read: `NAD` of a person's party (`DP` delivery party, `CN`/`UD` consignee, `ST` ship-to,
///   `OY`/`PAT` patient): the name (`C080`), the address (`street, code city`); `COM` phones
///   (`TE`, `AL`, `MOB`) and e-mails (`EM`) of the party or of the contact before them; `CTA`
///   contact names; `FTX` texts and `IMD` item descriptions (for delivery notes and products).
/// - Not read: buyers, suppliers and other organisations' `NAD` (`BY`, `SU`, `IV` …), their
///   `COM`s, dates, references, quantities, article numbers.
/// - A line is a segment's number in the file; an offset is the segment's byte offset.
///
/// ANSI X12 interchanges (`ISA*00*…~`: a US pharmacy's eligibility inquiries 270/271, claims
/// 837, remittances 835) are read too, with the separators the fixed-width `ISA` segment gives
/// (element at byte 3, component at byte 104, segment terminator at byte 105; no release
/// character). Each hierarchical loop (`HL`) is a record: a person's `NM1` (`IL` subscriber,
/// `QC` patient, `03` dependent, of entity type 1) gives the name (`LAST*FIRST*MIDDLE**SUFFIX`)
/// and its identifier (`MI` member ID: a link key; `34`/`SY`: an SSN), then `N3`/`N4` the
/// address, `DMG*D8*` the birth date, `PER` phones and e-mails and `REF*SY` an SSN. Payers',
/// providers' and other organisations' `NM1` and what follows them are not read.
public struct EDIFACTReader: DocumentReader {
    public let limits: ReadLimits

    public init(limits: ReadLimits = .init()) { self.limits = limits }

    private var current: [UInt8] = []
    private var currentOffset = 0
    private var chunkOffset = 0
    private var segmentNumber = 0
    private var released = false
    private var atStart = true
    private var una: [UInt8] = []
    /// Separators: component, element, release, terminator.
    private var compSep = UInt8(ascii: ":"), elemSep = UInt8(ascii: "+"), release = UInt8(ascii: "?"), term = UInt8(ascii: "'")
    private var columns: [String: Int] = [:]
    /// An ANSI X12 interchange (an `ISA` header, held here until its 106 bytes are in).
    private var x12 = false
    private var isa: [UInt8] = []
    /// An X12 person's street lines (`N3`), held for the town line (`N4`).
    private var street: [UInt8] = []

    /// One field of the message being read.
    private struct Field {
        var value: [UInt8]
        var column: String
        var hint: FieldHint
        var line: Int
        var offset: Int
    }
    /// The person party's fields, the contacts' (one list each), and where the message began.
    private var party: [Field] = []
    private var contacts: [[Field]] = []
    private var text: [Field] = []
    private var messageLine = 0
    private var messageOffset = 0
    /// Which party the next `COM` belongs to: 0 none (an organisation), 1 the person's party,
    /// 2 the last contact.
    private var comOwner = 0
    private var messageFields = 0

    static let maxMessageFields = 4096
    static let personParties: Set<String> = ["DP", "CN", "UD", "ST", "OY", "PAT", "PE", "DCP"]

    public mutating func consume(_ chunk: UnsafeBufferPointer<UInt8>, visitor: inout some RecordVisitor) throws(ReadError) {
        for (i, b) in chunk.enumerated() {
            if atStart && (!isa.isEmpty || una.isEmpty && b == UInt8(ascii: "I")) {
                // X12's `ISA`: fixed width, its separators at bytes 3, 104 and 105.
                isa.append(b)
                if isa.count == 3 && isa != Array("ISA".utf8) || isa.count == 4 && ASCII.isAlnum(b) {
                    atStart = false
                    let held = isa
                    isa = []
                    replay(held, at: chunkOffset + i - (held.count - 1), visitor: &visitor)
                } else if isa.count == 106 {
                    x12 = true
                    elemSep = isa[3]; compSep = isa[104]; term = isa[105]
                    release = 0xFF   // (X12 has no release character; 0xFF is no byte of its text)
                    atStart = false
                    let held = isa
                    isa = []
                    replay(held, at: chunkOffset + i - (held.count - 1), visitor: &visitor)
                }
                continue
            }
            if atStart {
                // `UNA` and its six service characters set the separators.
                if una.count < 9 && (una.count > 0 || b == UInt8(ascii: "U")) {
                    una.append(b)
                    if una.count == 3 && una != Array("UNA".utf8) { atStart = false; replay(una, at: chunkOffset + i - 2, visitor: &visitor); continue }
                    if una.count == 9 {
                        compSep = una[3]; elemSep = una[4]; release = una[6]; term = una[8]
                        atStart = false
                        currentOffset = chunkOffset + i + 1
                    }
                    continue
                }
                if b == 0x20 || b == 0x0A || b == 0x0D || b == 0x09 { currentOffset = chunkOffset + i + 1; continue }
                atStart = false
                if !una.isEmpty { replay(una, at: currentOffset, visitor: &visitor) }
            }
            take(b, at: chunkOffset + i, visitor: &visitor)
        }
        chunkOffset += chunk.count
    }

    private mutating func replay(_ bytes: [UInt8], at offset: Int, visitor: inout some RecordVisitor) {
        currentOffset = offset
        for (k, b) in bytes.enumerated() { take(b, at: offset + k, visitor: &visitor) }
    }

    private mutating func take(_ b: UInt8, at offset: Int, visitor: inout some RecordVisitor) {
        if released {
            released = false
            current.append(b)
            return
        }
        if b == release { released = true; current.append(0); return }  // 0 marks a released byte
        if b == term {
            endSegment(visitor: &visitor)
            currentOffset = offset + 1
            return
        }
        if (b == 0x0A || b == 0x0D) && current.isEmpty { currentOffset = offset + 1; return }
        if current.count < limits.maxLineBytes { current.append(b) }
    }

    public mutating func finish(visitor: inout some RecordVisitor) throws(ReadError) {
        if !current.allSatisfy({ $0 == 0x0A || $0 == 0x0D || $0 == 0x20 }) { endSegment(visitor: &visitor) }
        emitMessage(visitor: &visitor)
    }

    // MARK: Segments

    /// The segment's elements, each split into components; released bytes kept as themselves.
    private func elements(_ s: [UInt8]) -> [[[UInt8]]] {
        var out: [[[UInt8]]] = [[[]]]
        var i = 0
        while i < s.count {
            let c = s[i]
            if c == 0 && i + 1 < s.count {
                out[out.count - 1][out[out.count - 1].count - 1].append(s[i + 1])
                i += 2
                continue
            }
            if c == elemSep { out.append([[]]) } else if c == compSep { out[out.count - 1].append([]) } else { out[out.count - 1][out[out.count - 1].count - 1].append(c) }
            i += 1
        }
        return out
    }

    private mutating func endSegment(visitor: inout some RecordVisitor) {
        var seg: [UInt8] = []
        swap(&seg, &current)
        defer { seg.removeAll(keepingCapacity: true); swap(&seg, &current) }
        while let f = seg.first, f == 0x0A || f == 0x0D || f == 0x20 { seg.removeFirst() }
        guard seg.count >= 3 else { return }
        segmentNumber += 1
        let e = elements(seg)
        let tag = String(decoding: e[0][0], as: UTF8.self)
        func el(_ i: Int, _ c: Int = 0) -> [UInt8] { i < e.count && c < e[i].count ? e[i][c] : [] }
        func joined(_ i: Int) -> [UInt8] {
            guard i < e.count else { return [] }
            return Array(e[i].filter { !$0.isEmpty }.joined(separator: [0x20]))
        }
        let line = segmentNumber, offset = currentOffset
        if x12 {
            x12Segment(tag, e, line: line, offset: offset, visitor: &visitor)
            return
        }
        switch tag {
        case "UNH":
            emitMessage(visitor: &visitor)
            messageLine = line
            messageOffset = offset
        case "UNT", "UNZ":
            emitMessage(visitor: &visitor)
        case "NAD":
            let qualifier = String(decoding: el(1), as: UTF8.self).uppercased()
            guard Self.personParties.contains(qualifier) else { comOwner = 0; return }
            comOwner = 1
            var name = joined(4)
            if name.isEmpty { name = joined(3) }
            party.append(contentsOf: Self.field(name, "NAD name", .fullName, line, offset))
            var address: [[UInt8]] = []
            let street = joined(5)
            if !street.isEmpty { address.append(street) }
            let town = [el(8), el(6)].filter { !$0.isEmpty }
            if !town.isEmpty { address.append(Array(town.joined(separator: [0x20]))) }
            party.append(contentsOf: Self.field(Array(address.joined(separator: Array(", ".utf8))), "NAD address", .postalAddress, line, offset))
        case "CTA":
            let name = el(2, 1).isEmpty ? el(2, 0) : el(2, 1)
            guard comOwner != 0 else { return }  // an organisation's contact
            contacts.append([])
            comOwner = 2
            contacts[contacts.count - 1].append(contentsOf: Self.field(name, "CTA contact", .fullName, line, offset))
        case "COM":
            let qualifier = String(decoding: el(1, 1), as: UTF8.self).uppercased()
            let hint: FieldHint
            switch qualifier {
            case "TE", "AL", "MOB", "AJ", "AV": hint = .phone
            case "EM": hint = .email
            default: return
            }
            if comOwner == 1 { party.append(contentsOf: Self.field(el(1, 0), "COM " + qualifier, hint, line, offset)) }
            else if comOwner == 2 { contacts[contacts.count - 1].append(contentsOf: Self.field(el(1, 0), "COM " + qualifier, hint, line, offset)) }
        case "FTX":
            text.append(contentsOf: Self.field(Array(e.dropFirst(4).flatMap { $0 }.filter { !$0.isEmpty }.joined(separator: [0x20])), "FTX", .none, line, offset))
        case "IMD":
            text.append(contentsOf: Self.field(joined(3), "IMD", .none, line, offset))
        default:
            return
        }
        messageFields += 1
        if messageFields >= Self.maxMessageFields { emitMessage(visitor: &visitor) }
    }

    /// Entity codes of an X12 `NM1` that name a person the data is about.
    static let x12Persons: Set<String> = ["IL", "QC", "03"]

    private mutating func x12Segment(_ tag: String, _ e: [[[UInt8]]], line: Int, offset: Int, visitor: inout some RecordVisitor) {
        func el(_ i: Int, _ c: Int = 0) -> [UInt8] { i < e.count && c < e[i].count ? e[i][c] : [] }
        func text(_ i: Int) -> String { String(decoding: el(i), as: UTF8.self).uppercased() }
        switch tag {
        case "HL", "ST":
            emitMessage(visitor: &visitor)
            messageLine = line
            messageOffset = offset
            street = []
        case "SE", "GE", "IEA":
            emitMessage(visitor: &visitor)
        case "NM1":
            guard Self.x12Persons.contains(text(1)), text(2) == "1" else { comOwner = 0; return }
            comOwner = 1
            let name = [el(4), el(5), el(3), el(7)].filter { !$0.isEmpty }
            party.append(contentsOf: Self.field(Array(name.joined(separator: [0x20])), "NM1 name", .fullName, line, offset))
            switch text(8) {
            case "MI", "II": party.append(contentsOf: Self.field(el(9), "NM1 member ID", .linkKey(namespace: "customer"), line, offset))
            case "34", "SY": party.append(contentsOf: Self.field(el(9), "NM1 SSN", .nationalID(.usSsn), line, offset))
            default: break
            }
        case "N3" where comOwner == 1:
            street = Array([el(1), el(2)].filter { !$0.isEmpty }.joined(separator: [0x20]))
        case "N4" where comOwner == 1:
            // `CINCINNATI*OH*45274`: `street, city ST zip`.
            let town = Array([el(1), el(2), el(3)].filter { !$0.isEmpty }.joined(separator: [0x20]))
            let address = [street, town].filter { !$0.isEmpty }
            party.append(contentsOf: Self.field(Array(address.joined(separator: Array(", ".utf8))), "N4 address", .postalAddress, line, offset))
            street = []
        case "DMG" where comOwner == 1 && text(1) == "D8":
            let d = el(2)
            guard d.count == 8, d.allSatisfy(ASCII.isDigit) else { return }
            party.append(contentsOf: Self.field(Array(d[0..<4]) + [UInt8(ascii: "-")] + Array(d[4..<6]) + [UInt8(ascii: "-")] + Array(d[6..<8]),
                                                "DMG birth date", .dateOfBirth, line, offset))
        case "PER" where comOwner == 1:
            for k in stride(from: 3, through: 7, by: 2) {
                switch text(k) {
                case "TE", "CP", "HP", "WP": party.append(contentsOf: Self.field(el(k + 1), "PER phone", .phone, line, offset))
                case "EM": party.append(contentsOf: Self.field(el(k + 1), "PER e-mail", .email, line, offset))
                default: break
                }
            }
        case "REF" where comOwner == 1 && text(1) == "SY":
            party.append(contentsOf: Self.field(el(2), "REF SSN", .nationalID(.usSsn), line, offset))
        default:
            return
        }
    }

    /// A field of the message, none when the value is empty.
    private static func field(_ value: [UInt8], _ column: String, _ hint: FieldHint, _ line: Int, _ offset: Int) -> [Field] {
        value.isEmpty ? [] : [Field(value: value, column: column, hint: hint, line: line, offset: offset)]
    }

    // MARK: Messages

    private mutating func column(_ f: Field, visitor: inout some RecordVisitor) -> Int {
        if f.hint == .none { return -1 }
        if let id = columns[f.column] { return id }
        let id = visitor.declareColumn(name: f.column, hint: f.hint)
        columns[f.column] = id
        return id
    }

    private mutating func emitMessage(visitor: inout some RecordVisitor) {
        defer {
            party.removeAll(keepingCapacity: true)
            contacts.removeAll(keepingCapacity: true)
            text.removeAll(keepingCapacity: true)
            comOwner = 0
            messageFields = 0
        }
        guard !party.isEmpty || !contacts.isEmpty || !text.isEmpty else { return }
        visitor.beginRecord(line: messageLine, offset: messageOffset)
        for f in party + text {
            let col = column(f, visitor: &visitor)
            f.value.withUnsafeBufferPointer { visitor.field($0, column: col, line: f.line, offset: f.offset) }
        }
        visitor.endRecord()
        for contact in contacts where !contact.isEmpty {
            visitor.beginRecord(line: contact[0].line, offset: contact[0].offset)
            for f in contact {
                let col = column(f, visitor: &visitor)
                f.value.withUnsafeBufferPointer { visitor.field($0, column: col, line: f.line, offset: f.offset) }
            }
            visitor.endRecord()
        }
    }
}
