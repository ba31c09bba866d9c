/// Reads Rich Text Format documents (`{\rtf1 …`), streamed: a push tokenizer over the
/// document's bytes with an explicit group stack, so a 1 GB RTF never sits in memory.
///
/// - Text: control words are skipped; `\'hh` bytes are decoded with the document code page
///   (`\ansicpg1250/1251/1252/1257`, ISO 8859 code pages) or the current font's `\fcharset` (186
///   Baltic, 238 Central European, 0 Western); `\uN` escapes (negative N and surrogate pairs
///   too) replace the next `\ucN` fallback characters; `\\ \{ \}`, `\~`, `\_`, `\tab`, dashes and
///   quotes are decoded.
/// - Skipped groups: every `{\*\…}` destination and `\fonttbl` (read for its charsets only),
///   `\colortbl`, `\stylesheet`, `\info`, `\pict`, `\object`, list and revision tables, field
///   instructions and the like; `\binN` data is skipped by its length.
/// - `\par` and `\line` end a line (an empty paragraph is a blank line, ending the record, as
///   in `TextReader`); `\page` and `\sect` end the record. Labelled lines (`Nimi: …`) become
///   fields.
/// - Tables (`\trowd … \intbl … \cell … \row`) are read by `MarkupText`: grids through
///   `SpreadsheetTable` with header detection, key/value tables as labelled lines. Nested table
///   cells (`\nestcell`) are text of the outer cell.
/// - Errors: not starting with `{\rtf` → `.malformed`; groups nested deeper than
///   `ReadLimits.maxDepth` → `.limit`; groups left open at the end → `.malformed` (what was read
///   is kept); cells over `maxFieldBytes` → `.limit`.
///
/// `line` is the source line where a record's text starts; offsets are 0.
public struct RTFReader: DocumentReader {
    /// Size and depth limits.
    public let limits: ReadLimits

    public init(limits: ReadLimits = .init()) {
        self.limits = limits
        out = MarkupText(limits: limits)
    }

    private struct Group {
        var skip = false
        var fontTable = false
        var uc = 1
        var codepage: TextEncoding? = nil
    }

    private enum State { case start, normal, backslash, word, param, hex1, hex2, bin }
    private var out: MarkupText
    private var state = State.start
    private var groups: [Group] = []
    private var line = 1
    private var word: [UInt8] = []
    private var param = 0
    private var paramDigits = 0
    private var paramNegative = false
    private var hexValue: UInt8 = 0
    private var binRemaining = 0
    private var ucSkip = 0
    private var skippingContinuation = false
    private var highSurrogate: UInt32 = 0
    private var sawHeader = false
    private var docCodepage = TextEncoding.windows1252
    private var fontCodepages: [Int: TextEncoding] = [:]
    private var currentFont = 0
    /// `\intbl` / `\itap` is in force for the current paragraph.
    private var inTable = false
    private var tableOpen = false
    /// Plain text bytes not yet handed to `out`.
    private var pending: [UInt8] = []

    /// Groups whose content is never text.
    static let skippedDestinations: Set<[UInt8]> = Set([
        "colortbl", "stylesheet", "info", "pict", "object", "objdata", "themedata", "colorschememapping",
        "datastore", "latentstyles", "listtable", "listoverridetable", "revtbl", "rsidtbl", "generator",
        "xmlnstbl", "filetbl", "pgdsctbl", "fldinst", "bkmkstart", "bkmkend", "private", "userprops",
        "docvar", "ftnsep", "ftnsepc", "aftnsep", "aftnsepc", "template", "nonshppict", "sp", "blipuid",
        "wgrffmtfilter", "passwordhash", "mmathPr", "fontemb", "falt", "panose", "shpinst", "result",
        "nesttableprops", "listpicture", "protusertbl", "defchp", "defpap", "stylesheet", "oldcprops",
        "oldpprops", "oldtprops", "oldsprops", "factoidname", "atnid", "atnauthor", "atrfstart", "atrfend",
    ].map { Array($0.utf8) })

    // MARK: DocumentReader

    public mutating func consume(_ chunk: UnsafeBufferPointer<UInt8>, visitor: inout some RecordVisitor) throws(ReadError) {
        let n = chunk.count
        var i = 0
        while i < n {
            let b = chunk[i]
            switch state {
            case .start:
                i += 1
                if b == 0x20 || b == 0x09 || b == 0x0A || b == 0x0D { if b == 0x0A { line += 1 }; continue }
                guard b == UInt8(ascii: "{") else { throw ReadError(.malformed, "not an RTF document (no {\\rtf header)") }
                try openGroup()
                state = .normal
            case .normal:
                // Plain text runs go to `pending` in one step.
                if b != UInt8(ascii: "{") && b != UInt8(ascii: "}") && b != UInt8(ascii: "\\") && b != 0x0A && b != 0x0D {
                    if ucSkip > 0 || skippingContinuation {
                        try textByte(b, visitor: &visitor)
                        i += 1
                        continue
                    }
                    if groups.last?.skip ?? true {
                        // Skipped content (a picture's hex data): jump over the run.
                        while i < n {
                            let c = chunk[i]
                            if c == UInt8(ascii: "{") || c == UInt8(ascii: "}") || c == UInt8(ascii: "\\") || c == 0x0A { break }
                            i += 1
                        }
                        continue
                    }
                    var j = i + 1
                    while j < n {
                        let c = chunk[j]
                        if c == UInt8(ascii: "{") || c == UInt8(ascii: "}") || c == UInt8(ascii: "\\") || c == 0x0A || c == 0x0D { break }
                        j += 1
                    }
                    try beginText(visitor: &visitor)
                    pending.append(contentsOf: UnsafeBufferPointer(rebasing: chunk[i..<j]))
                    if pending.count >= 64 * 1024 { try flush(visitor: &visitor) }
                    i = j
                    continue
                }
                i += 1
                switch b {
                case UInt8(ascii: "{"):
                    try flush(visitor: &visitor)
                    try openGroup()
                case UInt8(ascii: "}"):
                    try flush(visitor: &visitor)
                    if !groups.isEmpty { groups.removeLast() }
                    ucSkip = 0
                case UInt8(ascii: "\\"):
                    state = .backslash
                case 0x0A:
                    line += 1
                default:
                    break  // CR
                }
            case .backslash:
                if (b | 0x20) >= 0x61 && (b | 0x20) <= 0x7A {
                    word.clear()
                    word.append(b)
                    state = .word
                    i += 1
                    continue
                }
                i += 1
                state = .normal
                switch b {
                case UInt8(ascii: "'"):
                    state = .hex1
                case UInt8(ascii: "\\"), UInt8(ascii: "{"), UInt8(ascii: "}"):
                    try textByte(b, visitor: &visitor)
                case UInt8(ascii: "~"):
                    try textByte(0x20, visitor: &visitor)
                case UInt8(ascii: "_"):
                    try textByte(UInt8(ascii: "-"), visitor: &visitor)
                case UInt8(ascii: "*"):
                    try flush(visitor: &visitor)
                    if !groups.isEmpty { groups[groups.count - 1].skip = true }
                case 0x0A, 0x0D:
                    if b == 0x0A { line += 1 }
                    try controlWord(Array("par".utf8), nil, visitor: &visitor)
                default:
                    break  // `\-`, `\|`, `\:` …
                }
            case .word:
                if (b | 0x20) >= 0x61 && (b | 0x20) <= 0x7A {
                    if word.count < 32 { word.append(b) }
                    i += 1
                } else if b == UInt8(ascii: "-") || (b >= 0x30 && b <= 0x39) {
                    param = 0; paramDigits = 0; paramNegative = b == UInt8(ascii: "-")
                    if !paramNegative { param = Int(b - 0x30); paramDigits = 1 }
                    state = .param
                    i += 1
                } else {
                    if b == 0x20 { i += 1 }
                    state = .normal
                    try controlWord(word, nil, visitor: &visitor)
                }
            case .param:
                if b >= 0x30 && b <= 0x39 {
                    if paramDigits < 10 { param = param * 10 + Int(b - 0x30) }
                    paramDigits += 1
                    i += 1
                } else {
                    if b == 0x20 { i += 1 }
                    state = .normal
                    try controlWord(word, paramNegative ? -param : param, visitor: &visitor)
                }
            case .hex1, .hex2:
                i += 1
                guard let h = MailDecoder.hex(b) else { state = .normal; continue }
                if state == .hex1 { hexValue = h; state = .hex2; continue }
                state = .normal
                try codepageByte(hexValue << 4 | h, visitor: &visitor)
            case .bin:
                let take = Swift.min(binRemaining, n - i)
                for k in i..<(i + take) where chunk[k] == 0x0A { line += 1 }
                i += take
                binRemaining -= take
                if binRemaining == 0 { state = .normal }
            }
        }
        out.sourceLine = line
    }

    public mutating func finish(visitor: inout some RecordVisitor) throws(ReadError) {
        if state == .word || state == .param {
            state = .normal
            try controlWord(word, paramNegative ? -param : param, visitor: &visitor)
        }
        try flush(visitor: &visitor)
        try out.finish(visitor: &visitor)
        if !sawHeader { throw ReadError(.malformed, "not an RTF document (no {\\rtf header)") }
        if !groups.isEmpty { throw ReadError(.malformed, "truncated RTF: \(groups.count) group\(groups.count == 1 ? "" : "s") not closed") }
    }

    /// Tables read so far.
    public var tables: Int { out.tableCount }

    // MARK: Groups and control words

    private mutating func openGroup() throws(ReadError) {
        if groups.count >= limits.maxDepth { throw ReadError(.limit, "RTF groups nested deeper than the limit of \(limits.maxDepth)") }
        groups.append(groups.last ?? Group())
        ucSkip = 0
    }

    private mutating func controlWord(_ name: [UInt8], _ param: Int?, visitor: inout some RecordVisitor) throws(ReadError) {
        if !sawHeader {
            guard name == Array("rtf".utf8) else { throw ReadError(.malformed, "not an RTF document (no {\\rtf header)") }
            sawHeader = true
            return
        }
        if name == Array("u".utf8), let param {
            try unicode(param, visitor: &visitor)
            return
        }
        if name == Array("bin".utf8) {
            try flush(visitor: &visitor)
            if let param, param > 0 { binRemaining = param; state = .bin }
            return
        }
        ucSkip = 0
        guard let top = groups.indices.last else { return }
        if groups[top].fontTable {
            if name == Array("f".utf8), let param { currentFont = param }
            else if name == Array("fcharset".utf8), let param, let e = Self.fontCharset(param) { fontCodepages[currentFont] = e }
            return
        }
        if Self.skippedDestinations.contains(name) { try flush(visitor: &visitor); groups[top].skip = true; return }
        switch String(decoding: name, as: UTF8.self) {
        case "fonttbl":
            try flush(visitor: &visitor)
            groups[top].skip = true; groups[top].fontTable = true
        case "ansicpg":
            if let param, let e = Self.codepage(param) { docCodepage = e }
        case "f":
            if let param { try flush(visitor: &visitor); groups[top].codepage = fontCodepages[param] }
        case "uc":
            if let param { groups[top].uc = Swift.max(0, Swift.min(param, 16)) }
        case "par", "line":
            try flush(visitor: &visitor)
            guard !groups[top].skip else { return }
            if !inTable && tableOpen { try closeTable(visitor: &visitor) }
            if inTable { try ensureCell(visitor: &visitor) }
            if name == Array("line".utf8) { try out.lineBreakOrCellSpace(visitor: &visitor) } else { try out.lineBreak(hard: true, visitor: &visitor) }
        case "page", "sect":
            try flush(visitor: &visitor)
            guard !groups[top].skip, !inTable else { return }
            if tableOpen { try closeTable(visitor: &visitor) }
            try out.recordBreak(visitor: &visitor)
        case "tab":
            try textByte(0x09, visitor: &visitor)
        case "emdash": try scalar(0x2014, visitor: &visitor)
        case "endash": try scalar(0x2013, visitor: &visitor)
        case "bullet": try scalar(0x2022, visitor: &visitor)
        case "lquote": try scalar(0x2018, visitor: &visitor)
        case "rquote": try scalar(0x2019, visitor: &visitor)
        case "ldblquote": try scalar(0x201C, visitor: &visitor)
        case "rdblquote": try scalar(0x201D, visitor: &visitor)
        case "emspace", "enspace", "qmspace": try textByte(0x20, visitor: &visitor)
        case "pard":
            try flush(visitor: &visitor)
            inTable = false
        case "intbl":
            inTable = true
        case "itap":
            if let param { inTable = param > 0 }
        case "cell":
            try flush(visitor: &visitor)
            guard !groups[top].skip else { return }
            inTable = true
            try ensureCell(visitor: &visitor)
            try out.endCell(visitor: &visitor)
        case "nestcell":
            try textByte(0x20, visitor: &visitor)
        case "nestrow":
            try flush(visitor: &visitor)
            try out.lineBreak(hard: false, visitor: &visitor)
        case "row":
            try flush(visitor: &visitor)
            guard !groups[top].skip, tableOpen else { return }
            try out.endRow(visitor: &visitor)
        default:
            break
        }
    }

    private mutating func ensureCell(visitor: inout some RecordVisitor) throws(ReadError) {
        if !tableOpen { try out.beginTable(visitor: &visitor); tableOpen = true }
        if !out.inCell { try out.beginCell(header: false, visitor: &visitor) }
    }

    private mutating func closeTable(visitor: inout some RecordVisitor) throws(ReadError) {
        try out.endTable(visitor: &visitor)
        tableOpen = false
    }

    /// About to add visible text: open or close the table as the paragraph says.
    private mutating func beginText(visitor: inout some RecordVisitor) throws(ReadError) {
        if inTable {
            if !tableOpen || !out.inCell { try flush(visitor: &visitor); try ensureCell(visitor: &visitor) }
        } else if tableOpen {
            try flush(visitor: &visitor)
            try closeTable(visitor: &visitor)
        }
    }

    // MARK: Text

    /// One byte of text (UTF-8 as decoded by the scanner), honouring `\uc` fallback skipping.
    private mutating func textByte(_ b: UInt8, visitor: inout some RecordVisitor) throws(ReadError) {
        if skippingContinuation {
            if b & 0xC0 == 0x80 { return }
            skippingContinuation = false
        }
        if ucSkip > 0 {
            ucSkip -= 1
            if b >= 0xC0 { skippingContinuation = true }
            return
        }
        guard !(groups.last?.skip ?? true) else { return }
        try beginText(visitor: &visitor)
        pending.append(b)
    }

    private mutating func scalar(_ cp: UInt32, visitor: inout some RecordVisitor) throws(ReadError) {
        guard !(groups.last?.skip ?? true) else { return }
        try beginText(visitor: &visitor)
        Transcoder.appendUTF8(cp, to: &pending)
    }

    /// A `\'hh` byte in the current code page.
    private mutating func codepageByte(_ byte: UInt8, visitor: inout some RecordVisitor) throws(ReadError) {
        skippingContinuation = false
        if ucSkip > 0 { ucSkip -= 1; return }
        guard !(groups.last?.skip ?? true) else { return }
        if byte < 0x80 { try textByte(byte, visitor: &visitor); return }
        let encoding = groups.last?.codepage ?? docCodepage
        let table = TextEncoding.highTable(encoding) ?? TextEncoding.highTable(.windows1252)!
        try scalar(UInt32(table[Int(byte - 0x80)]), visitor: &visitor)
    }

    /// `\uN`: a UTF-16 code unit as a signed 16-bit number; the fallback characters are skipped.
    private mutating func unicode(_ n: Int, visitor: inout some RecordVisitor) throws(ReadError) {
        let unit = UInt32(n < 0 ? n + 65536 : n) & 0xFFFF
        let skip = groups.last?.uc ?? 1
        if unit >= 0xD800 && unit <= 0xDBFF {
            highSurrogate = unit
        } else if unit >= 0xDC00 && unit <= 0xDFFF {
            if highSurrogate != 0 {
                try scalar(0x10000 + ((highSurrogate - 0xD800) << 10) + (unit - 0xDC00), visitor: &visitor)
            } else {
                try scalar(0xFFFD, visitor: &visitor)
            }
            highSurrogate = 0
        } else {
            highSurrogate = 0
            try scalar(unit == 0xA0 ? 0x20 : (unit == 0 ? 0xFFFD : unit), visitor: &visitor)
        }
        ucSkip = skip
        skippingContinuation = false
    }

    private mutating func flush(visitor: inout some RecordVisitor) throws(ReadError) {
        guard !pending.isEmpty else { return }
        out.sourceLine = line
        var bytes: [UInt8] = []
        swap(&bytes, &pending)
        try bytes.withUnsafeBufferPointer { (p) throws(ReadError) in try out.append(p, visitor: &visitor) }
        bytes.clear()
        swap(&bytes, &pending)
    }

    /// `\ansicpgN` → encoding (unsupported code pages read as Windows-1252).
    static func codepage(_ n: Int) -> TextEncoding? {
        switch n {
        case 1250: return .windows1250
        case 1252: return .windows1252
        case 1257: return .windows1257
        case 1251: return .windows1251
        case 28591: return .iso8859_1
        case 28592: return .iso8859_2
        case 28594: return .iso8859_4
        case 28603: return .iso8859_13
        case 28605: return .iso8859_15
        default: return nil
        }
    }

    /// `\fcharsetN` of a font → encoding, nil for the document default.
    static func fontCharset(_ n: Int) -> TextEncoding? {
        switch n {
        case 0: return .windows1252
        case 186: return .windows1257
        case 204: return .windows1251
        case 238: return .windows1250
        default: return nil
        }
    }
}
