/// Reads HL7 version 2 messages (ORU, ADT, ORM … as labs and hospitals exchange them): each
/// message is one record of its patient, and each next of kin or guarantor in it (`NK1`, `GT1`:
/// a child's parent) is a record of its own, after the patient's.
///
/// - Segments end at CR, LF or CRLF; MLLP framing bytes (0x0B, 0x1C) are dropped. `MSH` starts
///   a message and gives its separators (`|^~\&`); escapes (`\F\ \S\ \T\ \R\ \E\`, `\.br\`)
///   are undone in the values read.
/// - Read: `PID-2/3/4` identifiers by their type (`NI`, `SS`, `NN`, `PT`, `SB`: a national or
///   social-security number; `PPN`: a passport, a link key; `MR`, `PI`, `PN` and others: the
///   patient number, a link key), `PID-5` name (`Family^Given^Middle` → `Given Middle Family`),
///   `PID-7` birth date, `PID-11` address (`street^other^city^state^zip`), `PID-13/14` phones
///   and e-mails, `PID-19` SSN; `NK1-2/4/5/6/33` and `GT1-3/5/6/7`; results for categories:
///   `OBR-4` (the test), `OBR-31` (the reason for it), `OBX-5` under a column named by `OBX-3` (`Geen`, `Variant`), `DG1-3`
///   (the diagnosis) and `NTE-3` (comments).
/// - Not read: `MSH`, `EVN`, `PV1`, `ORC`, timestamps and providers (the ordering doctor is
///   staff, and a timestamp such as `20230325092811` is no personnummer).
/// - A line is a segment's number in the file (HL7 files often have no LF at all); an offset is
///   the byte offset of the segment.
///
/// ASTM E1394 / LIS2-A2 (an analyser's or a LIS's dump, `H|\^&|…`) is read the same way, with its
/// own records: each `P` record starts a patient's record, with `P-3/4/5` identifiers (read by
/// their checksums: a lab's number is no one's), `P-6` name (`SURNAME^Given^Middle`), `P-8` birth
/// date, `P-11` address (`street^city^state^zip`; else `P-12`) and `P-13` phone (else digits in
/// `P-14`); `O-5` tests and `R-3`/`R-4`
/// results (under the test's name) and `C-4` comments are its categories' text. Its separators
/// come from the header (`|`, `\` repeat, `^` component, `&` escape).
public struct HL7Reader: DocumentReader {
    public let limits: ReadLimits

    public init(limits: ReadLimits = .init()) { self.limits = limits }

    /// A segment held for the message being read.
    private struct Segment {
        var bytes: [UInt8]
        var line: Int
        var offset: Int
    }

    private var current: [UInt8] = []
    private var currentOffset = 0
    private var chunkOffset = 0
    private var segmentNumber = 0
    private var message: [Segment] = []
    private var messageBytes = 0
    /// Separators: field, component, repetition, escape, subcomponent.
    private var fieldSep = UInt8(ascii: "|"), compSep = UInt8(ascii: "^"), repSep = UInt8(ascii: "~")
    private var escape = UInt8(ascii: "\\"), subSep = UInt8(ascii: "&")
    private var columns: [String: Int] = [:]
    private var scratch: [UInt8] = []
    /// The messages are ASTM E1394 records (an `H|\^&` header was seen).
    private var astm = false

    /// A message longer than this is emitted in parts (its segments are held until its end).
    static let maxMessageBytes = 4 << 20
    /// Distinct `OBX-3` names that get a column of their own; later ones share `OBX-5 result`.
    static let maxObservationColumns = 256

    public mutating func consume(_ chunk: UnsafeBufferPointer<UInt8>, visitor: inout some RecordVisitor) throws(ReadError) {
        for (i, b) in chunk.enumerated() {
            if b == 0x0D || b == 0x0A {
                endSegment(visitor: &visitor)
                currentOffset = chunkOffset + i + 1
            } else if b == 0x0B || b == 0x1C {
                if current.isEmpty { currentOffset = chunkOffset + i + 1 }
            } else {
                if current.count >= limits.maxLineBytes {
                    throw ReadError(.limit, "an HL7 segment is longer than \(limits.maxLineBytes) bytes")
                }
                current.append(b)
            }
        }
        chunkOffset += chunk.count
    }

    public mutating func finish(visitor: inout some RecordVisitor) throws(ReadError) {
        endSegment(visitor: &visitor)
        emitMessage(visitor: &visitor)
    }

    // MARK: Segments and messages

    private mutating func endSegment(visitor: inout some RecordVisitor) {
        guard !current.isEmpty else { return }
        segmentNumber += 1
        let bytes = current
        current.removeAll(keepingCapacity: true)
        guard bytes.count >= 3 else { return }
        if Self.isASTMHeader(bytes) {
            emitMessage(visitor: &visitor)
            astm = true
            fieldSep = bytes[1]; repSep = bytes[2]; compSep = bytes[3]; escape = bytes[4]; subSep = 0
        } else if astm && bytes[0] == UInt8(ascii: "P") && bytes[1] == fieldSep {
            emitMessage(visitor: &visitor)  // each patient is a record of their own
        } else if Self.isName(bytes, "MSH") || Self.isName(bytes, "FHS") || Self.isName(bytes, "BHS") {
            emitMessage(visitor: &visitor)
            if bytes.count >= 8 {
                fieldSep = bytes[3]; compSep = bytes[4]; repSep = bytes[5]; escape = bytes[6]; subSep = bytes[7]
            }
        }
        message.append(Segment(bytes: bytes, line: segmentNumber, offset: currentOffset))
        messageBytes += bytes.count
        if messageBytes > Self.maxMessageBytes { emitMessage(visitor: &visitor) }
    }

    /// An ASTM header record: `H` and its five delimiters (`H|\^&`), none alphanumeric.
    static func isASTMHeader(_ s: some Collection<UInt8>) -> Bool {
        let h = Array(s.prefix(5))
        return h.count == 5 && h[0] == UInt8(ascii: "H") && h[1...].allSatisfy { $0 > 0x20 && $0 < 0x7F && !ASCII.isAlnum($0) }
            && Set(h[1...]).count == 4
    }

    private static func isName(_ s: [UInt8], _ name: StaticString) -> Bool {
        let n = name.utf8Start
        return s.count >= 3 && s[0] == n[0] && s[1] == n[1] && s[2] == n[2]
    }

    /// The patient's record (all segments but the other persons'), then one record per `NK1` /
    /// `GT1`.
    private mutating func emitMessage(visitor: inout some RecordVisitor) {
        guard !message.isEmpty else { return }
        let segments = message
        message.removeAll()
        messageBytes = 0
        if astm {
            emitASTM(segments, visitor: &visitor)
            return
        }
        var others: [Segment] = []
        var open = false
        for s in segments {
            if Self.isName(s.bytes, "NK1") || Self.isName(s.bytes, "GT1") { others.append(s); continue }
            let fields = split(s.bytes, fieldSep)
            let name = String(decoding: s.bytes.prefix(3), as: UTF8.self)
            // In MSH the separator is field 1, so its field numbers are one more than the index.
            func field(_ k: Int) -> ArraySlice<UInt8>? { k < fields.count && !fields[k].isEmpty ? fields[k] : nil }
            func begin() { if !open { visitor.beginRecord(line: s.line, offset: s.offset); open = true } }
            switch name {
            case "PID":
                begin()
                for k in [2, 3, 4] { if let f = field(k) { identifiers(f, s, visitor: &visitor) } }
                if let f = field(5) { personName(f, column: "PID-5 patient name", s, visitor: &visitor) }
                if let f = field(7) { birthDate(f, column: "PID-7 birth date", s, visitor: &visitor) }
                if let f = field(11) { address(f, column: "PID-11 address", s, visitor: &visitor) }
                if let f = field(13) { phones(f, column: "PID-13 phone", s, visitor: &visitor) }
                if let f = field(14) { phones(f, column: "PID-14 business phone", s, visitor: &visitor) }
                if let f = field(19) { emit(unescaped(f), column: "PID-19 SSN", hint: .nationalID(.usSsn), s, visitor: &visitor) }
            case "OBR":
                if let f = field(4) { begin(); emit(text(f), column: "OBR-4 test", hint: .nonPersonal, s, visitor: &visitor) }
                // The reason for the study (an ICD-10 code and its text: `E83.1^Disorder of iron metabolism^I10`).
                if let f = field(31) { begin(); emit(text(f), column: "OBR-31 diagnosis", hint: .nonPersonal, s, visitor: &visitor) }
            case "OBX":
                guard let value = field(5) else { break }
                begin()
                let label = field(3).map { observationName($0) } ?? ""
                var column = "OBX-5 result"
                if !label.isEmpty && (columns["OBX-5 " + label] != nil || observationColumns < Self.maxObservationColumns) {
                    if columns["OBX-5 " + label] == nil { observationColumns += 1 }
                    column = "OBX-5 " + label
                }
                emit(text(value), column: column, hint: .nonPersonal, s, visitor: &visitor)
            case "DG1":
                if let f = field(3) { begin(); emit(text(f), column: "DG1-3 diagnosis", hint: .nonPersonal, s, visitor: &visitor) }
                if let f = field(4) { begin(); emit(text(f), column: "DG1-4 diagnosis", hint: .nonPersonal, s, visitor: &visitor) }
            case "NTE":
                if let f = field(3) { begin(); emit(text(f), column: "NTE-3 comment", hint: .none, s, visitor: &visitor) }
            default:
                break
            }
        }
        if open { visitor.endRecord() }
        for s in others {
            let fields = split(s.bytes, fieldSep)
            func field(_ k: Int) -> ArraySlice<UInt8>? { k < fields.count && !fields[k].isEmpty ? fields[k] : nil }
            visitor.beginRecord(line: s.line, offset: s.offset)
            if Self.isName(s.bytes, "NK1") {
                if let f = field(2) { personName(f, column: "NK1-2 name", s, visitor: &visitor) }
                // The next of kin's own identifiers (a child's legal representative's ID code).
                if let f = field(33) { identifiers(f, s, prefix: "NK1-33", visitor: &visitor) }
                if let f = field(4) { address(f, column: "NK1-4 address", s, visitor: &visitor) }
                if let f = field(5) { phones(f, column: "NK1-5 phone", s, visitor: &visitor) }
                if let f = field(6) { phones(f, column: "NK1-6 business phone", s, visitor: &visitor) }
            } else {
                if let f = field(3) { personName(f, column: "GT1-3 name", s, visitor: &visitor) }
                if let f = field(5) { address(f, column: "GT1-5 address", s, visitor: &visitor) }
                if let f = field(6) { phones(f, column: "GT1-6 phone", s, visitor: &visitor) }
                if let f = field(7) { phones(f, column: "GT1-7 business phone", s, visitor: &visitor) }
            }
            visitor.endRecord()
        }
    }

    private var observationColumns = 0

    /// An ASTM patient's records (`P` and its `O`, `R`, `C`), or the header's: one record.
    private mutating func emitASTM(_ segments: [Segment], visitor: inout some RecordVisitor) {
        var open = false
        for s in segments {
            guard s.bytes.count >= 2, s.bytes[1] == fieldSep else { continue }
            let fields = split(s.bytes, fieldSep)
            func field(_ k: Int) -> ArraySlice<UInt8>? { k - 1 < fields.count && !fields[k - 1].isEmpty ? fields[k - 1] : nil }
            func begin() { if !open { visitor.beginRecord(line: s.line, offset: s.offset); open = true } }
            switch s.bytes[0] {
            case UInt8(ascii: "P"):
                begin()
                for k in [3, 4, 5] {
                    if let f = field(k) { emit(text(f), column: "P-\(k) patient ID", hint: .none, s, visitor: &visitor) }
                }
                if let f = field(6) { personName(f, column: "P-6 patient name", s, visitor: &visitor) }
                if let f = field(8) { birthDate(f, column: "P-8 birth date", s, visitor: &visitor) }
                // (Some dumps put the address one field late, in the reserved `P-12`, and the
                // phone in `P-14`.)
                if let f = field(11) ?? field(12), let first = split(f, repSep).first {
                    // `street^city^state^zip^country` → `street, zip city`.
                    let parts = split(first, compSep).map { unescaped($0) }
                    func part(_ k: Int) -> [UInt8] { k < parts.count ? parts[k] : [] }
                    var town = part(3)
                    if !part(1).isEmpty { town += (town.isEmpty ? [] : [0x20]) + part(1) }
                    var out = part(0)
                    if !town.isEmpty { out += (out.isEmpty ? [] : [UInt8(ascii: ","), 0x20]) + town }
                    emit(out, column: "P-11 address", hint: .postalAddress, s, visitor: &visitor)
                }
                if let f = field(13) ?? field(14).flatMap({ $0.allSatisfy { ASCII.isDigit($0) || $0 == 0x20 || $0 == UInt8(ascii: "+") } ? $0 : nil }) {
                    emit(text(f), column: "P-13 phone", hint: .phone, s, visitor: &visitor)
                }
            case UInt8(ascii: "O"):
                if let f = field(5) { begin(); emit(text(f), column: "O-5 test", hint: .nonPersonal, s, visitor: &visitor) }
            case UInt8(ascii: "R"):
                guard let value = field(4) else { break }
                begin()
                let test = field(3).map { String(decoding: text($0), as: UTF8.self) } ?? ""
                emit(Array((test.isEmpty ? "" : test + " ").utf8) + text(value), column: "R-4 result", hint: .nonPersonal, s,
                     visitor: &visitor)
            case UInt8(ascii: "C"):
                if let f = field(4) { begin(); emit(text(f), column: "C-4 comment", hint: .none, s, visitor: &visitor) }
            default:
                break
            }
        }
        if open { visitor.endRecord() }
    }

    // MARK: Fields

    private func split(_ s: some Collection<UInt8>, _ sep: UInt8) -> [ArraySlice<UInt8>] {
        Array(s).split(separator: sep, omittingEmptySubsequences: false)
    }

    /// A value with the HL7 escapes undone (`\F\` → `|`, `\S\` → `^`, `\.br\` → space).
    private func unescaped(_ v: ArraySlice<UInt8>) -> [UInt8] {
        guard v.contains(escape) else { return Array(v) }
        var out: [UInt8] = []
        var i = v.startIndex
        while i < v.endIndex {
            if v[i] == escape, let close = v[(i + 1)...].firstIndex(of: escape) {
                let code = v[(i + 1)..<close]
                switch code.first {
                case UInt8(ascii: "F"): out.append(fieldSep)
                case UInt8(ascii: "S"): out.append(compSep)
                case UInt8(ascii: "T"): out.append(subSep)
                case UInt8(ascii: "R"): out.append(repSep)
                case UInt8(ascii: "E"): out.append(escape)
                default: out.append(0x20)
                }
                i = close + 1
            } else {
                out.append(v[i])
                i += 1
            }
        }
        return out
    }

    /// Components (and subcomponents) as one text, set apart by spaces.
    private func text(_ v: ArraySlice<UInt8>) -> [UInt8] {
        var out: [UInt8] = []
        for rep in split(v, repSep) {
            for part in split(rep, compSep) {
                for sub in split(part, subSep) where !sub.isEmpty {
                    if !out.isEmpty { out.append(0x20) }
                    out.append(contentsOf: unescaped(sub))
                }
            }
        }
        return out
    }

    /// An observation's name: `OBX-3`'s text component (`GENE^Geen^L` → `Geen`), else its code.
    private func observationName(_ v: ArraySlice<UInt8>) -> String {
        let parts = split(v, compSep)
        let pick = parts.count > 1 && !parts[1].isEmpty ? parts[1] : parts[0]
        return String(decoding: unescaped(pick).prefix(40), as: UTF8.self)
    }

    private mutating func column(_ name: String, _ hint: FieldHint, visitor: inout some RecordVisitor) -> Int {
        if let id = columns[name] { return id }
        let id = visitor.declareColumn(name: name, hint: hint)
        columns[name] = id
        return id
    }

    private mutating func emit(_ value: [UInt8], column name: String, hint: FieldHint, _ s: Segment, visitor: inout some RecordVisitor) {
        guard !value.isEmpty else { return }
        let id = column(name, hint, visitor: &visitor)
        value.withUnsafeBufferPointer { visitor.field($0, column: id, line: s.line, offset: s.offset) }
    }

    /// `PID-3`: `49207091819^^^EE^NI~MRN084750^^^P151^MR`. A national ID's country, when its type
    /// (`NNLTU`) or its authority (`LT&1.3.6…&ISO`) names one, says its scheme (an Estonian and a
    /// Lithuanian code look alike). `prefix` names the columns (`NK1-33` for a next of kin's).
    private mutating func identifiers(_ f: ArraySlice<UInt8>, _ s: Segment, prefix: String = "PID-3", visitor: inout some RecordVisitor) {
        for rep in split(f, repSep) {
            let parts = split(rep, compSep)
            guard let id = parts.first, !id.isEmpty else { continue }
            let type = parts.count > 4 ? String(decoding: parts[4], as: UTF8.self).uppercased() : ""
            let authority = parts.count > 3 ? String(decoding: parts[3], as: UTF8.self).uppercased() : ""
            let value = unescaped(id)
            // (`NN` with a country: `NNPOL`, `NNFIN`, table 0203's national person identifier; an
            // authority named by the scheme: `^^^PESEL^…`.)
            let national = type.hasPrefix("NN") || Self.nationalAuthorities.contains(authority)
            switch national ? "NN" : type {
            case "NI", "NN", "SS", "SB", "PT", "NH", "JHN":
                let country = Self.scheme(country: type.hasPrefix("NN") && type.count == 5 ? String(type.dropFirst(2))
                                          : String(authority.prefix { $0 != "&" }))
                emit(value, column: prefix + " national ID" + (country.map { " (\($0.rawValue))" } ?? ""), hint: .nationalID(country), s, visitor: &visitor)
            case "PPN", "PPT":
                emit(value, column: prefix + " passport", hint: FieldClassifier.document, s, visitor: &visitor)
            default:
                emit(value, column: prefix + " patient ID", hint: .linkKey(namespace: "customer"), s, visitor: &visitor)
            }
        }
    }

    /// The national ID scheme of a country code (ISO 3166 alpha-2 or alpha-3), if one.
    static func scheme(country: String) -> IdentifierType? {
        switch country {
        case "EE", "EST": return .eeIsikukood
        case "LT", "LTU": return .ltAsmensKodas
        case "LV", "LVA": return .lvPersonasKods
        case "FI", "FIN": return .fiHetu
        case "SE", "SWE": return .sePersonnummer
        case "NO", "NOR": return .noFodselsnummer
        case "DK", "DNK": return .dkCpr
        case "PL", "POL": return .plPesel
        default: return nil
        }
    }

    /// Assigning authorities named after a national identifier's scheme.
    static let nationalAuthorities: Set<String> = [
        "PESEL", "ISIKUKOOD", "HETU", "PERSONNUMMER", "FODSELSNUMMER", "CPR", "SSN", "NHS", "ASMENS KODAS", "PERSONAS KODS",
    ]

    /// `Family^Given^Middle^Suffix^Prefix` → `Given Middle Family` (the first repetition).
    private mutating func personName(_ f: ArraySlice<UInt8>, column: String, _ s: Segment, visitor: inout some RecordVisitor) {
        guard let first = split(f, repSep).first else { return }
        let parts = split(first, compSep).map { unescaped($0) }
        // XCN (a provider's name) starts with an ID; XPN with the family name.
        emit(Self.personName(parts.map { $0.filter { $0 != subSep } }), column: column, hint: .fullName, s, visitor: &visitor)
    }

    /// An XPN's (or an XCN's) components as a name: given, middle, family.
    static func personName(_ parts: [[UInt8]]) -> [UInt8] {
        var name: [UInt8] = []
        for k in [1, 2, 0] where k < parts.count && !parts[k].isEmpty {
            if !name.isEmpty { name.append(0x20) }
            name.append(contentsOf: parts[k])
        }
        return name
    }

    private mutating func birthDate(_ f: ArraySlice<UInt8>, column: String, _ s: Segment,
                                    visitor: inout some RecordVisitor) {
        guard let d = Self.birthDate(f) else { return }
        emit(d, column: column, hint: .dateOfBirth, s, visitor: &visitor)
    }

    /// `19920709` → `1992-07-09`.
    static func birthDate(_ f: some Collection<UInt8>) -> [UInt8]? {
        let d = Array(f.prefix(8))
        guard d.count == 8, d.allSatisfy({ $0 &- 0x30 < 10 }) else { return nil }
        return Array(d[0..<4]) + [UInt8(ascii: "-")] + Array(d[4..<6]) + [UInt8(ascii: "-")] + Array(d[6..<8])
    }

    private mutating func address(_ f: ArraySlice<UInt8>, column: String, _ s: Segment, visitor: inout some RecordVisitor) {
        guard let first = split(f, repSep).first else { return }
        let parts = split(first, compSep).map { unescaped($0.prefix(while: { $0 != subSep })) }
        emit(Self.address(parts), column: column, hint: .postalAddress, s, visitor: &visitor)
    }

    /// An XAD's components `street^other^city^state^zip^country` as `street other, zip city`.
    static func address(_ parts: [[UInt8]]) -> [UInt8] {
        func part(_ k: Int) -> [UInt8] { k < parts.count ? parts[k] : [] }
        var out = part(0)
        if !part(1).isEmpty { out += [0x20] + part(1) }
        let town = part(4).isEmpty ? part(2) : part(4) + (part(2).isEmpty ? [] : [0x20] + part(2))
        if !town.isEmpty { out += (out.isEmpty ? [] : [UInt8(ascii: ","), 0x20]) + town }
        return out
    }

    /// XTN: `+37255512345^PRN^PH`, `^NET^Internet^mari@example.ee`, `^PRN^PH^^372^5^5512345`,
    /// and the unformatted number of v2.5 (`^PRN^CP^^^^^^^^^+37253076007`, XTN-12).
    private mutating func phones(_ f: ArraySlice<UInt8>, column: String, _ s: Segment, visitor: inout some RecordVisitor) {
        for rep in split(f, repSep) {
            let parts = split(rep, compSep).map { unescaped($0) }
            func part(_ k: Int) -> [UInt8] { k < parts.count ? parts[k] : [] }
            if !part(3).isEmpty { emit(part(3), column: column + " e-mail", hint: .email, s, visitor: &visitor) }
            if !part(0).isEmpty {
                emit(part(0), column: column, hint: .phone, s, visitor: &visitor)
            } else if !part(6).isEmpty || !part(5).isEmpty {
                // Country, area and local number (`^PRN^PH^^372^5^5512345`); some senders put the
                // whole number in the area's place (`^PRN^CP^^48^513001920`).
                var number: [UInt8] = []
                if !part(4).isEmpty { number = [UInt8(ascii: "+")] + part(4) + [0x20] }
                number += part(5) + part(6)
                emit(number, column: column, hint: .phone, s, visitor: &visitor)
            } else if !part(11).isEmpty {
                emit(part(11), column: column, hint: .phone, s, visitor: &visitor)
            }
        }
    }
}
