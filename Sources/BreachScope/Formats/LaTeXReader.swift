/// Reads LaTeX documents (`.tex`: a lab's result letters written by its information system), line
/// by line, as the text they typeset:
///
/// - Macros a document defines (`\newcommand{\patsient}{Arvo Kruus}`, `\def\isikukood{3880…}`)
///   are labelled lines (`patsient: Arvo Kruus`, as AsciiDoc's attributes are) and are expanded
///   where they are used (`Patsient: & \patsient \\`).
/// - `tabular` environments are tables (`&` between cells, `\\` ending a row; rules such as
///   `\toprule` and `\hline` are dropped), read as `MarkupText` reads HTML's: a key/value table
///   as labelled lines, a grid with its header.
/// - The sender's own lines of a `scrlttr2` letter (`\setkomavar{fromname}`, `fromphone`,
///   `fromemail`, `signature`) are the organisation's and its signer's: not read. Other
///   variables (`toname`, `subject`) are labelled lines; a `letter`'s recipient (`\begin{letter}
///   {Mustamäe Perearstikeskus}`) is text.
/// - Accent macros of legacy ASCII templates are letters (`P\"arn` → `Pärn`, `\~o` → `õ`,
///   `\v{s}` → `š`, `{\l}` → `ł`); `%` comments, `\documentclass`, `\usepackage` and other
///   preamble lines are dropped; other commands leave their braced text (`\textbf{…}`,
///   `\section*{Tulemus}`).
///
/// A line is a source line; offsets are those of the source lines.
public struct LaTeXReader: DocumentReader {
    public let limits: ReadLimits
    private var out: MarkupText
    private var lines: ChunkLines
    private var line = 0
    /// Macros defined so far: name (without `\`) → its text, converted.
    private var macros: [[UInt8]: [UInt8]] = [:]
    private var tableDepth = 0
    private var inRow = false
    private var cell: [UInt8] = []

    public init(limits: ReadLimits = .init()) {
        self.limits = limits
        out = MarkupText(limits: limits)
        lines = ChunkLines(cap: limits.maxLineBytes)
    }

    public mutating func consume(_ chunk: UnsafeBufferPointer<UInt8>, visitor: inout some RecordVisitor) throws(ReadError) {
        var i = 0
        while let (bytes, _) = lines.next(in: chunk, from: &i) { try sourceLine(bytes, visitor: &visitor) }
    }

    public mutating func finish(visitor: inout some RecordVisitor) throws(ReadError) {
        if let (bytes, _) = lines.rest() { try sourceLine(bytes, visitor: &visitor) }
        if tableDepth > 0 { try endTable(visitor: &visitor) }
        try out.finish(visitor: &visitor)
    }

    // MARK: Lines

    static let definers: [[UInt8]] = ["newcommand", "renewcommand", "providecommand", "def"].map { Array($0.utf8) }
    static let dropped: Set<[UInt8]> = Set(["documentclass", "usepackage", "setlength", "pagestyle", "thispagestyle",
                                            "geometry", "input", "include", "bibliography", "bibliographystyle",
                                            "maketitle", "tableofcontents", "newpage", "clearpage", "vspace", "hspace",
                                            "toprule", "midrule", "bottomrule", "hline", "cline", "noindent", "centering",
                                            "label", "ref", "encl", "ps", "LoadLetterOption", "KOMAoptions",
                                            "selectlanguage", "today", "small", "footnotesize", "large", "Large", "normalsize",
                                            "bfseries", "itshape", "rmfamily", "sffamily", "ttfamily"].map { Array($0.utf8) })
    /// `\setkomavar` variables of the sender (the organisation and its signer).
    static let senderVariables: [[UInt8]] = ["from", "signature", "backaddress", "location", "place"].map { Array($0.utf8) }

    private mutating func sourceLine(_ raw: [UInt8], visitor: inout some RecordVisitor) throws(ReadError) {
        line += 1
        out.sourceLine = line
        var text = Self.withoutComment(raw)
        while let last = text.last, last == 0x0D || last == 0x20 || last == 0x09 { text.removeLast() }
        if text.isEmpty {
            if tableDepth == 0 { try out.lineBreak(hard: true, visitor: &visitor) }
            return
        }
        var i = 0
        var plain: [UInt8] = []
        while i < text.count {
            let b = text[i]
            if b == UInt8(ascii: "\\") {
                try command(text, &i, &plain, visitor: &visitor)
                continue
            }
            if b == UInt8(ascii: "&") && tableDepth > 0 {
                cellBoundary(&plain)
                i += 1
                continue
            }
            if b == UInt8(ascii: "{") || b == UInt8(ascii: "}") { i += 1; continue }
            if b == UInt8(ascii: "~") { plain.append(0x20); i += 1; continue }
            plain.append(b)
            i += 1
        }
        if tableDepth > 0 {
            cell.append(contentsOf: plain)
            if !cell.isEmpty && cell.last != 0x20 { cell.append(0x20) }
        } else {
            try emit(plain, visitor: &visitor)
            try out.lineBreak(hard: false, visitor: &visitor)
        }
    }

    private mutating func emit(_ text: [UInt8], visitor: inout some RecordVisitor) throws(ReadError) {
        let t = Self.collapsed(text)
        guard !t.isEmpty else { return }
        try t.withUnsafeBufferPointer { (p) throws(ReadError) in try out.append(p, visitor: &visitor) }
    }

    /// A line's text without its `%` comment (`\%` is a percent sign).
    static func withoutComment(_ p: [UInt8]) -> [UInt8] {
        var k = 0
        while k < p.count {
            if p[k] == UInt8(ascii: "%") && (k == 0 || p[k - 1] != UInt8(ascii: "\\")) { return Array(p[..<k]) }
            k += 1
        }
        return p
    }

    /// Runs of spaces and tabs as one space, none at the ends (also `GEDCOMReader`'s names).
    static func collapsed(_ p: [UInt8]) -> [UInt8] {
        var out: [UInt8] = []
        out.reserveCapacity(p.count)
        for b in p {
            if b == 0x20 || b == 0x09 {
                if let last = out.last, last != 0x20 { out.append(0x20) }
            } else {
                out.append(b)
            }
        }
        while out.last == 0x20 { out.removeLast() }
        return out
    }

    // MARK: Commands

    /// A command at `i` (its `\`): what it stands for goes to `plain` (or, for structure, to the
    /// output); `i` moves past it and the arguments it takes.
    private mutating func command(_ t: [UInt8], _ i: inout Int, _ plain: inout [UInt8], visitor: inout some RecordVisitor) throws(ReadError) {
        i += 1
        guard i < t.count else { return }
        // `\\`: a line's or a table row's end.
        if t[i] == UInt8(ascii: "\\") {
            i += 1
            if i < t.count && t[i] == UInt8(ascii: "*") { i += 1 }
            if i < t.count && t[i] == UInt8(ascii: "[") { _ = Self.bracket(t, &i) }
            if tableDepth > 0 {
                cellBoundary(&plain)
                try endRow(visitor: &visitor)
            } else {
                try emit(plain, visitor: &visitor)
                plain.removeAll()
                try out.lineBreak(hard: false, visitor: &visitor)
            }
            return
        }
        // An accent (`\"o`, `\~{o}`, `\v s`) or an escaped character (`\%`, `\&`, `\_`).
        if !ASCII.isLetter(t[i]) {
            let c = t[i]
            i += 1
            if Self.accentMarks.contains(c) {
                if let base = Self.accentBase(t, &i), let letter = Self.accented(c, base) { plain.append(contentsOf: letter); return }
                return
            }
            if c == UInt8(ascii: ",") || c == UInt8(ascii: " ") || c == UInt8(ascii: ";") { plain.append(0x20); return }
            plain.append(c)
            return
        }
        var j = i
        while j < t.count && ASCII.isLetter(t[j]) { j += 1 }
        let name = Array(t[i..<j])
        i = j
        if i < t.count && t[i] == UInt8(ascii: "*") { i += 1 }
        // Letters written as commands (`\l`, `\o`, `\ss`, `\aa`).
        if let letter = Self.letters[name] {
            plain.append(contentsOf: letter)
            if i < t.count && t[i] == UInt8(ascii: "{") && i + 1 < t.count && t[i + 1] == UInt8(ascii: "}") { i += 2 }
            return
        }
        // Accents written with a letter (`\v{s}`, `\c{c}`, `\k{a}`, `\u{a}`, `\r{a}`, `\H{o}`).
        if name.count == 1, Self.accentMarks.contains(name[0]) {
            while i < t.count && t[i] == 0x20 { i += 1 }
            if let base = Self.accentBase(t, &i), let letter = Self.accented(name[0], base) { plain.append(contentsOf: letter) }
            return
        }
        if Self.definers.contains(name) {
            try define(t, &i, def: name == Array("def".utf8), visitor: &visitor)
            return
        }
        if name == Array("setkomavar".utf8) {
            guard let variable = Self.group(t, &i) else { return }
            if i < t.count && t[i] == UInt8(ascii: "[") { _ = Self.bracket(t, &i) }
            let value = Self.group(t, &i) ?? []
            guard !Self.senderVariables.contains(where: { variable.starts(with: $0) }) else { return }
            try labelled(variable, value, visitor: &visitor)
            return
        }
        if name == Array("begin".utf8) || name == Array("end".utf8) {
            guard let env = Self.group(t, &i) else { return }
            let tabular = env.starts(with: Array("tabular".utf8)) || env == Array("longtable".utf8) || env == Array("tabularx".utf8)
            if name == Array("begin".utf8) {
                if tabular {
                    // (The column spec, `{@{}ll@{}}`, and `tabularx`'s width.)
                    if env == Array("tabularx".utf8) { _ = Self.group(t, &i) }
                    if i < t.count && t[i] == UInt8(ascii: "[") { _ = Self.bracket(t, &i) }
                    _ = Self.group(t, &i)
                    try emit(plain, visitor: &visitor)
                    plain.removeAll()
                    try out.beginTable(visitor: &visitor)
                    tableDepth += 1
                } else if env == Array("letter".utf8), let to = Self.group(t, &i) {
                    // The recipient's name and address, lines set apart by `\\`.
                    try emit(plain, visitor: &visitor)
                    plain.removeAll()
                    try out.lineBreak(hard: true, visitor: &visitor)
                    for piece in Self.split(to, on: Array("\\\\".utf8)) {
                        try emit(try expand(piece, visitor: &visitor), visitor: &visitor)
                        try out.lineBreak(hard: false, visitor: &visitor)
                    }
                    try out.lineBreak(hard: true, visitor: &visitor)
                }
            } else if tabular && tableDepth > 0 {
                if inRow || !cell.isEmpty { cellBoundary(&plain); try endRow(visitor: &visitor) }
                try endTable(visitor: &visitor)
            }
            return
        }
        if name == Array("par".utf8) {
            try emit(plain, visitor: &visitor)
            plain.removeAll()
            try out.lineBreak(hard: true, visitor: &visitor)
            return
        }
        if name == Array("item".utf8) {
            plain.append(contentsOf: Array("- ".utf8))
            return
        }
        if let value = macros[name] {
            plain.append(contentsOf: value)
            if i < t.count && t[i] == UInt8(ascii: "{") && i + 1 < t.count && t[i + 1] == UInt8(ascii: "}") { i += 2 }
            return
        }
        if Self.dropped.contains(name) {
            // (Its arguments too: `\usepackage[utf8]{inputenc}`, `\vspace{2mm}`.)
            while i < t.count && (t[i] == UInt8(ascii: "[") || t[i] == UInt8(ascii: "{")) {
                if t[i] == UInt8(ascii: "[") { _ = Self.bracket(t, &i) } else { _ = Self.group(t, &i) }
            }
            return
        }
        // Any other command: its braced text stays (`\textbf{…}`, `\section*{…}`), its name goes.
        if i < t.count && t[i] == UInt8(ascii: "[") { _ = Self.bracket(t, &i) }
    }

    /// `\newcommand{\name}[n]{value}` or `\def\name{value}`: the macro, and a labelled line.
    private mutating func define(_ t: [UInt8], _ i: inout Int, def: Bool, visitor: inout some RecordVisitor) throws(ReadError) {
        var name: [UInt8]
        if def {
            guard i < t.count, t[i] == UInt8(ascii: "\\") else { return }
            var j = i + 1
            while j < t.count && ASCII.isLetter(t[j]) { j += 1 }
            name = Array(t[(i + 1)..<j])
            i = j
        } else {
            guard var g = Self.group(t, &i) ?? Self.bareCommand(t, &i) else { return }
            if g.first == UInt8(ascii: "\\") { g.removeFirst() }
            name = g
            if i < t.count && t[i] == UInt8(ascii: "[") { _ = Self.bracket(t, &i) }
        }
        guard !name.isEmpty, let raw = Self.group(t, &i) else { return }
        let value = try expand(raw, visitor: &visitor)
        macros[name] = Self.collapsed(value)
        try labelled(name, value, visitor: &visitor)
    }

    /// A `label: value` line of its own.
    private mutating func labelled(_ label: [UInt8], _ raw: [UInt8], visitor: inout some RecordVisitor) throws(ReadError) {
        let value = Self.collapsed(raw)
        guard !value.isEmpty, !label.isEmpty else { return }
        if tableDepth > 0 { return }
        try out.lineBreak(hard: false, visitor: &visitor)
        try emit(label + Array(": ".utf8) + value, visitor: &visitor)
        try out.lineBreak(hard: false, visitor: &visitor)
    }

    /// A macro's or an argument's text, converted as a line is (no structure).
    private mutating func expand(_ raw: [UInt8], visitor: inout some RecordVisitor) throws(ReadError) -> [UInt8] {
        var out: [UInt8] = []
        var i = 0
        while i < raw.count {
            let b = raw[i]
            if b == UInt8(ascii: "\\") {
                if i + 1 < raw.count && raw[i + 1] == UInt8(ascii: "\\") { out.append(0x20); i += 2; continue }
                let saved = tableDepth
                tableDepth = 0
                defer { tableDepth = saved }
                var plain: [UInt8] = []
                try command(raw, &i, &plain, visitor: &visitor)
                out.append(contentsOf: plain)
                continue
            }
            if b == UInt8(ascii: "{") || b == UInt8(ascii: "}") { i += 1; continue }
            out.append(b == UInt8(ascii: "~") ? 0x20 : b)
            i += 1
        }
        return out
    }

    // MARK: Tables

    private mutating func cellBoundary(_ plain: inout [UInt8]) {
        cell.append(contentsOf: plain)
        plain.removeAll()
        let value = Self.collapsed(cell)
        cell.removeAll()
        pendingCells.append(value)
        inRow = true
    }

    private var pendingCells: [[UInt8]] = []

    private mutating func endRow(visitor: inout some RecordVisitor) throws(ReadError) {
        defer { pendingCells.removeAll(); inRow = false }
        guard pendingCells.contains(where: { !$0.isEmpty }) else { return }
        try out.beginRow(visitor: &visitor)
        for c in pendingCells {
            try out.beginCell(header: false, visitor: &visitor)
            try c.withUnsafeBufferPointer { (p) throws(ReadError) in try out.append(p, visitor: &visitor) }
            try out.endCell(visitor: &visitor)
        }
        try out.endRow(visitor: &visitor)
    }

    private mutating func endTable(visitor: inout some RecordVisitor) throws(ReadError) {
        tableDepth -= 1
        cell.removeAll()
        pendingCells.removeAll()
        inRow = false
        try out.endTable(visitor: &visitor)
    }

    // MARK: Groups

    /// The text of a `{…}` group at `i` (after spaces), nested braces kept; `i` moves past it.
    static func group(_ t: [UInt8], _ i: inout Int) -> [UInt8]? {
        var k = i
        while k < t.count && t[k] == 0x20 { k += 1 }
        guard k < t.count, t[k] == UInt8(ascii: "{") else { return nil }
        var depth = 0
        var j = k
        while j < t.count {
            if t[j] == UInt8(ascii: "\\") { j += 2; continue }
            if t[j] == UInt8(ascii: "{") { depth += 1 }
            if t[j] == UInt8(ascii: "}") {
                depth -= 1
                if depth == 0 {
                    i = j + 1
                    return Array(t[(k + 1)..<j])
                }
            }
            j += 1
        }
        // (Unclosed on this line: the rest of the line.)
        i = t.count
        return Array(t[(k + 1)...])
    }

    /// An optional argument `[…]` at `i`; `i` moves past it.
    static func bracket(_ t: [UInt8], _ i: inout Int) -> [UInt8]? {
        guard i < t.count, t[i] == UInt8(ascii: "[") else { return nil }
        var j = i + 1
        while j < t.count && t[j] != UInt8(ascii: "]") { j += 1 }
        defer { i = Swift.min(j + 1, t.count) }
        return Array(t[(i + 1)..<Swift.min(j, t.count)])
    }

    /// `\name` without braces (`\newcommand\patsient{…}`).
    static func bareCommand(_ t: [UInt8], _ i: inout Int) -> [UInt8]? {
        guard i < t.count, t[i] == UInt8(ascii: "\\") else { return nil }
        var j = i + 1
        while j < t.count && ASCII.isLetter(t[j]) { j += 1 }
        defer { i = j }
        return Array(t[i..<j])
    }

    static func split(_ p: [UInt8], on sep: [UInt8]) -> [[UInt8]] {
        var out: [[UInt8]] = []
        var start = 0, k = 0
        while k + sep.count <= p.count {
            if p[k..<(k + sep.count)].elementsEqual(sep) {
                out.append(Array(p[start..<k]))
                k += sep.count
                start = k
            } else {
                k += 1
            }
        }
        out.append(Array(p[start...]))
        return out
    }

    // MARK: Accents

    static let accentMarks: Set<UInt8> = Set("\"'`^~=.vckurH".utf8)

    /// The letter an accent stands on: `{o}`, `o`, or `{\i}`.
    static func accentBase(_ t: [UInt8], _ i: inout Int) -> UInt8? {
        guard i < t.count else { return nil }
        if t[i] == UInt8(ascii: "{") {
            var j = i + 1
            if j < t.count && t[j] == UInt8(ascii: "\\") { j += 1 }   // `{\i}`
            guard j < t.count, ASCII.isLetter(t[j]) else { return nil }
            let base = t[j]
            j += 1
            if j < t.count && t[j] == UInt8(ascii: "}") { j += 1 }
            i = j
            return base
        }
        guard ASCII.isLetter(t[i]) else { return nil }
        defer { i += 1 }
        return t[i]
    }

    static func accented(_ mark: UInt8, _ base: UInt8) -> [UInt8]? {
        accents[[mark, base]]
    }

    /// (accent mark, base letter) → the letter, UTF-8.
    static let accents: [[UInt8]: [UInt8]] = {
        let table: [(String, String, String)] = [
            ("\"", "aouAOUeiyE", "äöüÄÖÜëïÿË"), ("~", "oOnNaA", "õÕñÑãÃ"),
            ("'", "eaouiycnszEAOUICNSZ", "éáóúíýćńśźÉÁÓÚÍĆŃŚŹ"), ("`", "eaouEAOU", "èàòùÈÀÒÙ"), ("^", "oaeiuOAEIU", "ôâêîûÔÂÊÎÛ"),
            ("v", "szcrenSZCREN", "šžčřěňŠŽČŘĚŇ"), ("=", "aeiuoAEIUO", "āēīūōĀĒĪŪŌ"), ("c", "cgklnsCGKLNS", "çģķļņşÇĢĶĻŅŞ"),
            ("k", "aeiuAEIU", "ąęįųĄĘĮŲ"), (".", "ezEZ", "ėżĖŻ"), ("r", "auAU", "åůÅŮ"), ("H", "ouOU", "őűŐŰ"), ("u", "agAG", "ăğĂĞ"),
        ]
        var out: [[UInt8]: [UInt8]] = [:]
        for (mark, bases, letters) in table {
            for (b, l) in zip(bases.utf8, letters) { out[[mark.utf8.first!, b]] = Array(String(l).utf8) }
        }
        // (`\"\i`: a dotless i under the accent.)
        return out
    }()

    static let letters: [[UInt8]: [UInt8]] = {
        let table: [(String, String)] = [("l", "ł"), ("L", "Ł"), ("o", "ø"), ("O", "Ø"), ("aa", "å"), ("AA", "Å"), ("ss", "ß"),
                                         ("ae", "æ"), ("AE", "Æ"), ("oe", "œ"), ("OE", "Œ"), ("i", "i"), ("j", "j")]
        var out: [[UInt8]: [UInt8]] = [:]
        for (k, v) in table { out[Array(k.utf8)] = Array(v.utf8) }
        return out
    }()
}
