/// Reads HTML and XHTML documents as text and tables, streamed (a push parser: no document,
/// line or tag is held whole beyond small caps).
///
/// - Markup is removed; `<script>`, `<style>` and `<template>` are dropped with their content;
///   comments, `<!DOCTYPE>` and processing instructions are skipped. Character references are
///   decoded (named ones from `HTMLText.entities`, numeric `&#NN;`/`&#xHH;`). Runs of white space
///   collapse to one space, except inside `<pre>`.
/// - Block elements (`p div li h1…h6 section …`) end a line and `<br>` is a hard line break, so
///   `Nimi: Mari Maasikas` lines are labelled fields of the inner `TextReader`. Records end at a
///   blank line (`<br><br>`, an empty `<p>`), a heading, `<hr>`, a table, and the end of a block
///   that held other blocks (a `<div>` card of `<p>` lines is one record).
/// - `<dt>Nimi</dt><dd>Mari</dd>` and `<label>Nimi</label><input value="Mari">` read as labelled
///   lines (an `<input>` without a label on its line is labelled by its `name`).
/// - Tables are read by `MarkupText`: grids through `SpreadsheetTable` (a row of `<th>` or a
///   row that looks like a header names the columns, each other row is a record; `colspan` is
///   ignored), key/value tables (`<th>Nimi</th><td>Mari</td>`) as labelled lines, nested tables
///   as tables of their own, unclosed cells, rows and tables closed implicitly.
/// - Nesting deeper than `ReadLimits.maxDepth` blocks (or 32 tables) is read as flat text;
///   cells are capped at `maxFieldBytes`. Malformed markup never fails the document.
///
/// `line` is the 1-based source line where a record's text starts; offsets are 0. The charset
/// is decided by the scanner (BOM, `--encoding`, `<meta charset>`: see `declaredCharset`).
public struct HTMLReader: DocumentReader {
    /// Size and depth limits.
    public let limits: ReadLimits

    public init(limits: ReadLimits = .init()) {
        self.limits = limits
        out = MarkupText(limits: limits)
    }

    private var out: MarkupText
    private enum State { case text, entity, tagOpen, tag, bang, comment, skipToGT, rawText, rawEnd }
    private var state = State.text
    private var line = 1
    private var pendingSpace = false
    private var pre = 0
    /// The current tag's bytes (capped at `maxTagBytes`; the rest is scanned but dropped).
    private var tag: [UInt8] = []
    private var tagQuote: UInt8 = 0
    private var lastTagByte: UInt8 = 0
    private var entityName: [UInt8] = []
    private var run = 0
    /// `</script` (lower-case) while inside a raw-text element.
    private var rawClose: [UInt8] = []
    private var rawMatched = 0
    /// Open block elements: name, whether a block opened inside, text count at the start.
    private var blocks: [(name: [UInt8], hadBlock: Bool, mark: Int)] = []
    private var textCount = 0
    private var afterTerm = false
    static let maxTagBytes = 4096

    static let blockNames: Set<[UInt8]> = Set([
        "p", "div", "li", "ul", "ol", "dl", "section", "article", "header", "footer", "main", "nav", "aside",
        "address", "blockquote", "pre", "figure", "figcaption", "form", "fieldset", "legend", "details",
        "summary", "center", "title", "body", "html", "head", "option", "menu", "dir", "noscript", "frameset",
        "frame", "center", "caption", "dt", "dd",
    ].map { Array($0.utf8) })

    // MARK: DocumentReader

    public mutating func consume(_ chunk: UnsafeBufferPointer<UInt8>, visitor: inout some RecordVisitor) throws(ReadError) {
        let n = chunk.count
        var i = 0
        while i < n {
            let b = chunk[i]
            switch state {
            case .text:
                if b == UInt8(ascii: "<") { state = .tagOpen; i += 1; continue }
                if b == UInt8(ascii: "&") { state = .entity; entityName.clear(); i += 1; continue }
                if b == 0x20 || b == 0x09 || b == 0x0A || b == 0x0D || b == 0x0C {
                    if b == 0x0A { line += 1; out.sourceLine = line }
                    if pre > 0 {
                        if b == 0x0A { try out.lineBreak(hard: true, visitor: &visitor) }
                        else if b != 0x0D { pendingSpace = true }
                    } else {
                        pendingSpace = true
                    }
                    i += 1
                    continue
                }
                // A run of ordinary text bytes.
                var j = i + 1
                while j < n {
                    let c = chunk[j]
                    if c == UInt8(ascii: "<") || c == UInt8(ascii: "&") || c == 0x20 || c == 0x09 || c == 0x0A || c == 0x0D || c == 0x0C { break }
                    j += 1
                }
                try text(UnsafeBufferPointer(rebasing: chunk[i..<j]), visitor: &visitor)
                i = j
            case .entity:
                let isName = (b | 0x20) >= 0x61 && (b | 0x20) <= 0x7A || b >= 0x30 && b <= 0x39 || b == UInt8(ascii: "#")
                if isName && entityName.count < 32 { entityName.append(b); i += 1; continue }
                state = .text
                let terminated = b == UInt8(ascii: ";")
                if terminated { i += 1 }
                let scalar = entityName.withUnsafeBufferPointer { p -> UInt32? in
                    guard terminated || (p.first == UInt8(ascii: "#") && p.count > 1) else { return nil }
                    return HTMLText.scalar(forEntity: p)
                }
                if let scalar {
                    if scalar == 0x20 { pendingSpace = true } else {
                        var bytes: [UInt8] = []
                        Transcoder.appendUTF8(scalar, to: &bytes)
                        try bytes.withUnsafeBufferPointer { (p) throws(ReadError) in try text(p, visitor: &visitor) }
                    }
                } else {
                    var bytes: [UInt8] = [UInt8(ascii: "&")] + entityName
                    if terminated { bytes.append(UInt8(ascii: ";")) }
                    try bytes.withUnsafeBufferPointer { (p) throws(ReadError) in try text(p, visitor: &visitor) }
                }
            case .tagOpen:
                if (b | 0x20) >= 0x61 && (b | 0x20) <= 0x7A || b == UInt8(ascii: "/") {
                    state = .tag; tag.clear(); tagQuote = 0; lastTagByte = 0
                } else if b == UInt8(ascii: "!") {
                    state = .bang; run = 0; i += 1
                } else if b == UInt8(ascii: "?") {
                    state = .skipToGT; i += 1
                } else {
                    state = .text
                    try [UInt8(ascii: "<")].withUnsafeBufferPointer { (p) throws(ReadError) in try text(p, visitor: &visitor) }
                }
            case .tag:
                i += 1
                if b == 0x0A { line += 1; out.sourceLine = line }
                if tagQuote != 0 {
                    if b == tagQuote { tagQuote = 0 }
                } else if b == UInt8(ascii: ">") {
                    state = .text
                    try handleTag(visitor: &visitor)
                    continue
                } else if (b == UInt8(ascii: "\"") || b == UInt8(ascii: "'")) && lastTagByte == UInt8(ascii: "=") {
                    tagQuote = b
                }
                if b != 0x20 && b != 0x09 && b != 0x0A && b != 0x0D { lastTagByte = b }
                if tag.count < Self.maxTagBytes { tag.append(b) }
            case .bang:
                // `<!--` opens a comment; anything else (`<!DOCTYPE`, `<![CDATA[`) is skipped to `>`.
                if b == UInt8(ascii: "-") && run < 2 {
                    run += 1; i += 1
                    if run == 2 { state = .comment; run = 0 }
                } else {
                    state = .skipToGT
                }
            case .comment:
                i += 1
                if b == 0x0A { line += 1; out.sourceLine = line }
                if b == UInt8(ascii: "-") { run += 1 } else if b == UInt8(ascii: ">") && run >= 2 { state = .text } else { run = 0 }
            case .skipToGT:
                i += 1
                if b == 0x0A { line += 1; out.sourceLine = line }
                if b == UInt8(ascii: ">") { state = .text }
            case .rawText:
                // Skip to the next `<` quickly.
                var j = i
                while j < n && chunk[j] != UInt8(ascii: "<") { if chunk[j] == 0x0A { line += 1 }; j += 1 }
                out.sourceLine = line
                i = j
                if j < n { i += 1; state = .rawEnd; rawMatched = 0 }
            case .rawEnd:
                if rawMatched < rawClose.count && (b | (rawMatched > 0 ? 0x20 : 0)) == rawClose[rawMatched] {
                    rawMatched += 1; i += 1
                    if rawMatched == rawClose.count { state = .skipToGT }
                } else {
                    state = .rawText  // look at `b` again
                }
            }
        }
    }

    public mutating func finish(visitor: inout some RecordVisitor) throws(ReadError) {
        if state == .entity {
            state = .text
            var bytes: [UInt8] = [UInt8(ascii: "&")] + entityName
            if let s = entityName.withUnsafeBufferPointer({ $0.first == UInt8(ascii: "#") ? HTMLText.scalar(forEntity: $0) : nil }) {
                bytes = []; Transcoder.appendUTF8(s, to: &bytes)
            }
            try bytes.withUnsafeBufferPointer { (p) throws(ReadError) in try text(p, visitor: &visitor) }
        }
        try out.finish(visitor: &visitor)
    }

    /// Tables read so far.
    public var tables: Int { out.tableCount }

    // MARK: Text and tags

    private mutating func text(_ p: UnsafeBufferPointer<UInt8>, visitor: inout some RecordVisitor) throws(ReadError) {
        if pendingSpace {
            pendingSpace = false
            if !out.lineIsEmpty { try out.append(byte: 0x20, visitor: &visitor) }
        }
        try out.append(p, visitor: &visitor)
        textCount += 1
    }

    /// The lower-cased local name of the current tag and whether it is an end tag.
    private func tagName() -> (name: [UInt8], isEnd: Bool, selfClosing: Bool) {
        var k = 0
        let isEnd = tag.first == UInt8(ascii: "/")
        if isEnd { k = 1 }
        var name: [UInt8] = []
        while k < tag.count, name.count < 32 {
            let c = tag[k]
            if c == 0x20 || c == 0x09 || c == 0x0A || c == 0x0D || c == UInt8(ascii: "/") { break }
            if c == UInt8(ascii: ":") { name.removeAll(); k += 1; continue }
            name.append(c >= 0x41 && c <= 0x5A ? c | 0x20 : c)
            k += 1
        }
        return (name, isEnd, tag.last == UInt8(ascii: "/"))
    }

    private mutating func handleTag(visitor: inout some RecordVisitor) throws(ReadError) {
        let (name, isEnd, selfClosing) = tagName()
        switch String(decoding: name, as: UTF8.self) {
        case "script", "style", "template":
            if !isEnd && !selfClosing { rawClose = Array("/".utf8) + name; state = .rawText }
        case "br":
            pendingSpace = false
            try out.lineBreakOrCellSpace(visitor: &visitor)
        case "hr":
            pendingSpace = false
            try out.recordBreak(visitor: &visitor)
        case "h1", "h2", "h3", "h4", "h5", "h6":
            pendingSpace = false
            if isEnd { try out.lineBreak(hard: false, visitor: &visitor) } else { try out.recordBreak(visitor: &visitor) }
        case "table":
            pendingSpace = false
            if isEnd { try out.endTable(visitor: &visitor) } else { try out.beginTable(visitor: &visitor) }
        case "tr":
            pendingSpace = false
            if isEnd { try out.endRow(visitor: &visitor) } else { try out.beginRow(visitor: &visitor) }
        case "td", "th":
            pendingSpace = false
            if isEnd { try out.endCell(visitor: &visitor) } else { try out.beginCell(header: name == Array("th".utf8), visitor: &visitor) }
        case "input":
            try input(visitor: &visitor)
        default:
            guard Self.blockNames.contains(name) else { return }
            pendingSpace = false
            try block(name, isEnd: isEnd, visitor: &visitor)
            if selfClosing && !isEnd { try block(name, isEnd: true, visitor: &visitor) }
        }
    }

    /// Start or end of a block element.
    private mutating func block(_ name: [UInt8], isEnd: Bool, visitor: inout some RecordVisitor) throws(ReadError) {
        let isPre = name == Array("pre".utf8)
        let isTerm = name == Array("dt".utf8)
        let isDefinition = name == Array("dd".utf8)
        if !isEnd {
            if isPre { pre += 1 }
            // An open `<p>` or `<li>` is closed by the next one.
            if let top = blocks.last, top.name == name, name == Array("p".utf8) || name == Array("li".utf8) {
                try block(name, isEnd: true, visitor: &visitor)
            }
            if !(isDefinition && afterTerm) { try out.lineBreak(hard: false, visitor: &visitor) }
            afterTerm = false
            if !blocks.isEmpty { blocks[blocks.count - 1].hadBlock = true }
            if blocks.count < limits.maxDepth { blocks.append((name, false, textCount)) }
            if name == Array("body".utf8) { try out.recordBreak(visitor: &visitor) }
            return
        }
        if isPre { pre = Swift.max(0, pre - 1) }
        var hadBlock = false, empty = false
        let searchFloor = Swift.max(0, blocks.count - 64)
        if let k = blocks[searchFloor...].lastIndex(where: { $0.name == name }) {
            for e in blocks[k...] where e.hadBlock { hadBlock = true }
            empty = blocks[k].mark == textCount
            blocks.removeSubrange(k...)
        }
        if isTerm {
            // `<dt>Nimi</dt><dd>Mari</dd>` reads as `Nimi<TAB>Mari`.
            try out.append(byte: 0x09, visitor: &visitor)
            afterTerm = true
            return
        }
        afterTerm = false
        if hadBlock {
            try out.recordBreak(visitor: &visitor)
        } else if empty && name == Array("p".utf8) && !out.inCell {
            try out.lineBreak(hard: true, visitor: &visitor)  // an empty paragraph is a blank line
        } else {
            try out.lineBreak(hard: false, visitor: &visitor)
        }
    }

    /// `<input value="…">`: a labelled line (`label<TAB>value`, the label being the text before
    /// it on the line or the `name` attribute).
    private mutating func input(visitor: inout some RecordVisitor) throws(ReadError) {
        let type = attribute("type").map { String(decoding: $0, as: UTF8.self).lowercased() } ?? "text"
        guard !["submit", "button", "reset", "image", "checkbox", "radio", "file", "password"].contains(type),
              let value = attribute("value"), value.contains(where: { $0 != 0x20 }) else { return }
        pendingSpace = false
        if out.lineIsEmpty, let label = attribute("name"), !label.isEmpty {
            try label.withUnsafeBufferPointer { (p) throws(ReadError) in try out.append(p, visitor: &visitor) }
        }
        try out.append(byte: 0x09, visitor: &visitor)
        try value.withUnsafeBufferPointer { (p) throws(ReadError) in try out.append(p, visitor: &visitor) }
        try out.lineBreak(hard: false, visitor: &visitor)
    }

    /// The decoded value of attribute `want` (lower-case) of the current tag.
    private func attribute(_ want: String) -> [UInt8]? {
        let t = tag
        let w = Array(want.utf8)
        var i = 0
        let n = t.count
        while i < n && t[i] != 0x20 && t[i] != 0x09 && t[i] != 0x0A && t[i] != 0x0D { i += 1 }
        while i < n {
            while i < n && (t[i] == 0x20 || t[i] == 0x09 || t[i] == 0x0A || t[i] == 0x0D || t[i] == UInt8(ascii: "/")) { i += 1 }
            let nameStart = i
            while i < n && t[i] != UInt8(ascii: "=") && t[i] != 0x20 && t[i] != 0x09 && t[i] != 0x0A && t[i] != 0x0D && t[i] != UInt8(ascii: "/") { i += 1 }
            let attrName = t[nameStart..<i].map { $0 >= 0x41 && $0 <= 0x5A ? $0 | 0x20 : $0 }
            while i < n && (t[i] == 0x20 || t[i] == 0x09 || t[i] == 0x0A || t[i] == 0x0D) { i += 1 }
            var value: ArraySlice<UInt8> = []
            if i < n && t[i] == UInt8(ascii: "=") {
                i += 1
                while i < n && (t[i] == 0x20 || t[i] == 0x09 || t[i] == 0x0A || t[i] == 0x0D) { i += 1 }
                if i < n && (t[i] == UInt8(ascii: "\"") || t[i] == UInt8(ascii: "'")) {
                    let q = t[i]; i += 1
                    let s = i
                    while i < n && t[i] != q { i += 1 }
                    value = t[s..<i]; i += 1
                } else {
                    let s = i
                    while i < n && t[i] != 0x20 && t[i] != 0x09 && t[i] != 0x0A && t[i] != 0x0D { i += 1 }
                    value = t[s..<i]
                }
            }
            if nameStart == i { i += 1; continue }
            if attrName == w { return Self.decodeReferences(value) }
        }
        return nil
    }

    /// Decodes character references in an attribute value.
    static func decodeReferences(_ v: ArraySlice<UInt8>) -> [UInt8] {
        var out: [UInt8] = []
        var i = v.startIndex
        while i < v.endIndex {
            if v[i] == UInt8(ascii: "&"), let semi = v[i..<Swift.min(v.endIndex, i + 34)].firstIndex(of: UInt8(ascii: ";")),
               let s = Array(v[(i + 1)..<semi]).withUnsafeBufferPointer({ HTMLText.scalar(forEntity: $0) }) {
                Transcoder.appendUTF8(s, to: &out)
                i = semi + 1
            } else {
                out.append(v[i]); i += 1
            }
        }
        return out
    }

    // MARK: Charset

    /// The charset a document declares in its first bytes (raw, before decoding): `<meta
    /// charset="…">`, `<meta http-equiv="Content-Type" content="…; charset=…">` or an XML
    /// declaration's `encoding="…"`. UTF-16 declarations are ignored (an ASCII-readable
    /// declaration cannot be UTF-16). Nil when none is found in the first 64 KB.
    public static func declaredCharset(_ raw: UnsafeBufferPointer<UInt8>) -> TextEncoding? {
        let n = Swift.min(raw.count, 64 * 1024)
        func lower(_ b: UInt8) -> UInt8 { b >= 0x41 && b <= 0x5A ? b | 0x20 : b }
        func matches(_ word: [UInt8], at i: Int) -> Bool {
            guard i + word.count <= n else { return false }
            for k in 0..<word.count where lower(raw[i + k]) != word[k] { return false }
            return true
        }
        func value(after i: Int) -> TextEncoding? {
            var k = i
            while k < n && (raw[k] == 0x20 || raw[k] == 0x09 || raw[k] == UInt8(ascii: "=") || raw[k] == UInt8(ascii: "\"") || raw[k] == UInt8(ascii: "'")) { k += 1 }
            var label: [UInt8] = []
            while k < n && label.count < 40, raw[k] < 0x80, raw[k] == UInt8(ascii: "-") || raw[k] == UInt8(ascii: "_") || raw[k] == UInt8(ascii: ".") || raw[k] == UInt8(ascii: ":")
                    || (lower(raw[k]) >= 0x61 && lower(raw[k]) <= 0x7A) || (raw[k] >= 0x30 && raw[k] <= 0x39) {
                label.append(raw[k]); k += 1
            }
            guard let e = TextEncoding(label: String(decoding: label, as: UTF8.self)) else { return nil }
            return e == .utf16LE || e == .utf16BE ? nil : e
        }
        let xmlDecl = Array("<?xml".utf8), encoding = Array("encoding".utf8), charset = Array("charset".utf8), meta = Array("<meta".utf8)
        var start = 0
        if n >= 3 && raw[0] == 0xEF && raw[1] == 0xBB && raw[2] == 0xBF { start = 3 }
        if matches(xmlDecl, at: start) {
            var k = start
            while k < n && raw[k] != UInt8(ascii: ">") {
                if matches(encoding, at: k) { return value(after: k + encoding.count) }
                k += 1
            }
        }
        var i = start
        var inMeta = false
        while i < n {
            let b = raw[i]
            if b == UInt8(ascii: "<") { inMeta = matches(meta, at: i) }
            else if b == UInt8(ascii: ">") { inMeta = false }
            else if inMeta && (b | 0x20) == UInt8(ascii: "c") && matches(charset, at: i) { return value(after: i + charset.count) }
            i += 1
        }
        return nil
    }
}
