/// Reads HL7 version 2 in its XML encoding (`urn:hl7-org:v2xml`: `<ORU_R01><MSH><MSH.3><HD.1>…`)
/// by writing each segment back in the pipe encoding it stands for (`PID|1||4809…^^^EE&…`) and
/// reading that with `HL7Reader`: a message is its patient's record, a next of kin's a record of
/// their own, and the ordering doctor (`ORC`, `OBR-16`) is staff, as in any HL7 v2 message.
///
/// - A segment is an element of three capitals or digits (`PID`, `OBX`, `ZPI`); the group
///   elements around them (`ORU_R01.PATIENT_RESULT`) are only containers.
/// - Under a segment, `PID.5` is field 5 (a repeated element is a repetition, `~`), `XPN.2` in
///   it component 2 (`^`), and `FN.1` in that subcomponent 1 (`&`). Text is escaped as the pipe
///   encoding wants (`\F\ \S\ \R\ \E\ \T\`).
/// - `MSH.1` and `MSH.2` are the separators themselves: the standard ones (`|^~\&`) are written.
/// - Lines are segment numbers and offsets those of the segments written, as `HL7Reader` counts
///   them; a segment longer than `ReadLimits.maxLineBytes` fails the document.
public struct HL7XMLReader: DocumentReader {
    public let limits: ReadLimits
    private var scanner: XMLScanner
    private var inner: HL7Reader
    /// Element names from the root down.
    private var stack: [[UInt8]] = []
    /// The depth of the open segment's element in `stack` (-1: none).
    private var segmentDepth = -1
    private var segmentName: [UInt8] = []
    /// The open segment's fields: field number → repetitions → components → subcomponents.
    private var fields: [Int: [[[Int: [UInt8]]]]] = [:]
    /// Where the current text goes: field, component, subcomponent (1-based).
    private var field = 0, component = 1, subcomponent = 1
    private var out: [UInt8] = []

    public init(limits: ReadLimits = .init()) {
        self.limits = limits
        scanner = XMLScanner(maxTextBytes: limits.maxFieldBytes, maxTagBytes: limits.maxFieldBytes)
        inner = HL7Reader(limits: limits)
    }

    public mutating func consume(_ p: UnsafeBufferPointer<UInt8>, visitor: inout some RecordVisitor) throws(ReadError) {
        var i = 0
        while let event = try scanner.next(p, at: &i) {
            switch event {
            case .start: try start(visitor: &visitor)
            case .end: try end(visitor: &visitor)
            }
        }
    }

    public mutating func finish(visitor: inout some RecordVisitor) throws(ReadError) {
        try inner.finish(visitor: &visitor)
    }

    /// The number after the last `.` of an element name (`PID.13` → 13, `XTN.12` → 12).
    static func position(_ name: [UInt8]) -> Int? {
        guard let dot = name.lastIndex(of: UInt8(ascii: ".")), dot + 1 < name.count, name.count - dot <= 4 else { return nil }
        var v = 0
        for b in name[(dot + 1)...] {
            guard ASCII.isDigit(b) else { return nil }
            v = v * 10 + ASCII.digit(b)
        }
        return v > 0 ? v : nil
    }

    /// A segment's element name: three capitals or digits, the first a capital.
    static func isSegment(_ name: [UInt8]) -> Bool {
        name.count == 3 && ASCII.isUpper(name[0]) && name.dropFirst().allSatisfy { ASCII.isUpper($0) || ASCII.isDigit($0) }
    }

    private mutating func start(visitor: inout some RecordVisitor) throws(ReadError) {
        let name = XMLScanner.localName(scanner.tag).name
        stack.append(name)
        if segmentDepth < 0 {
            if Self.isSegment(name) {
                segmentDepth = stack.count - 1
                segmentName = name
                fields.removeAll(keepingCapacity: true)
            }
            return
        }
        let level = stack.count - 1 - segmentDepth
        guard let n = Self.position(name) else { return }
        switch level {
        case 1:
            field = n; component = 1; subcomponent = 1
            fields[n, default: []].append([[:]])   // a new repetition
            scanner.collecting = true
            scanner.text.removeAll(keepingCapacity: true)
        case 2:
            component = n; subcomponent = 1
            scanner.text.removeAll(keepingCapacity: true)
        case 3:
            subcomponent = n
            scanner.text.removeAll(keepingCapacity: true)
        default:
            break
        }
    }

    private mutating func end(visitor: inout some RecordVisitor) throws(ReadError) {
        guard !stack.isEmpty else { return }
        let level = segmentDepth < 0 ? -1 : stack.count - 1 - segmentDepth
        stack.removeLast()
        switch level {
        case 0:
            try emitSegment(visitor: &visitor)
            segmentDepth = -1
        case 1, 2, 3:
            let text = scanner.text.withUnsafeBufferPointer { Array(OfficeZIP.trimmed($0)) }
            scanner.text.removeAll(keepingCapacity: true)
            if !text.isEmpty, field > 0, var reps = fields[field], !reps.isEmpty {
                let r = reps.count - 1
                while reps[r].count < component { reps[r].append([:]) }
                reps[r][component - 1][subcomponent] = text
                fields[field] = reps
            }
            if level == 1 { scanner.collecting = false; field = 0 }
            if level == 3 { subcomponent = 1 }
        default:
            break
        }
    }

    /// Writes the open segment in the pipe encoding and hands it to `HL7Reader`.
    private mutating func emitSegment(visitor: inout some RecordVisitor) throws(ReadError) {
        out.removeAll(keepingCapacity: true)
        out.append(contentsOf: segmentName)
        let msh = segmentName == Array("MSH".utf8)
        let last = fields.keys.max() ?? 0
        var f = msh ? 3 : 1
        if msh { out.append(contentsOf: Array("|^~\\&".utf8)) }
        while f <= last {
            out.append(UInt8(ascii: "|"))
            for (r, rep) in (fields[f] ?? []).enumerated() {
                if r > 0 { out.append(UInt8(ascii: "~")) }
                for (c, comp) in rep.enumerated() {
                    if c > 0 { out.append(UInt8(ascii: "^")) }
                    let lastSub = comp.keys.max() ?? 0
                    var s = 1
                    while s <= lastSub {
                        if s > 1 { out.append(UInt8(ascii: "&")) }
                        if let text = comp[s] { Self.escape(text, into: &out) }
                        s += 1
                    }
                }
            }
            f += 1
        }
        guard out.count < limits.maxLineBytes else {
            throw ReadError(.limit, "an HL7 segment is longer than \(limits.maxLineBytes) bytes")
        }
        out.append(0x0D)
        try out.withUnsafeBufferPointer { (p) throws(ReadError) in try inner.consume(p, visitor: &visitor) }
    }

    /// Text with the pipe encoding's separators escaped; line breaks become spaces.
    static func escape(_ text: [UInt8], into out: inout [UInt8]) {
        for b in text {
            switch b {
            case UInt8(ascii: "|"): out.append(contentsOf: Array("\\F\\".utf8))
            case UInt8(ascii: "^"): out.append(contentsOf: Array("\\S\\".utf8))
            case UInt8(ascii: "~"): out.append(contentsOf: Array("\\R\\".utf8))
            case UInt8(ascii: "\\"): out.append(contentsOf: Array("\\E\\".utf8))
            case UInt8(ascii: "&"): out.append(contentsOf: Array("\\T\\".utf8))
            case 0x0D, 0x0A: out.append(0x20)
            default: out.append(b)
            }
        }
    }
}
