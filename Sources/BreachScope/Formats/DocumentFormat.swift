#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The container format of a document, which decides the `DocumentReader` used for it.
/// More formats (spreadsheets, office documents, PDF, mail, archives) are added as readers appear.
public enum DocumentFormat: String, Sendable, CaseIterable {
    /// Lines of text (`Label: value` lines become labelled fields).
    case text
    /// Delimiter-separated values (`,` `;` `|`, sniffed); also `.psv`.
    case csv
    /// Tab-separated values.
    case tsv
    /// One JSON document.
    case json
    /// One JSON value (object) per line.
    case ndjson
    /// An SQL dump (pg_dump plain format, mysqldump): table rows become records.
    case sql
    /// Rich Text Format (`{\rtf1 …`).
    case rtf
    /// HTML or XHTML.
    case html
    /// Generic XML (element and attribute names name the fields).
    case xml
    /// HL7 version 2 messages (`MSH|^~\&|…`): a lab's or a hospital's messages about patients.
    case hl7
    /// HL7 version 2 in its XML encoding (`urn:hl7-org:v2xml`): read as the messages it encodes.
    case hl7xml = "hl7-xml"
    /// SWIFT MT940 bank statements (`:20:`, `:25:`, `:61:`, `:86:`): each statement line is a
    /// record of its counterparty.
    case mt940
    /// Java `.properties` files: an entity's keys (`card.2900….owner`) are one record (`PropertiesReader`).
    case properties
    /// LaTeX documents (`LaTeXReader`): macros, tables and letters' recipients read as text.
    case latex
    /// A saved MongoDB shell session (`MongoShellReader`): printed documents as JSON records.
    case mongoShell = "mongo-shell"
    /// GEDCOM pedigrees (`GEDCOMReader`): an individual per record.
    case gedcom
    /// YAML (`.yaml`, `.yml`): read as text whose sequences' mappings are records.
    case yaml
    /// UN/EDIFACT interchanges (`UNA:+.? '`, `UNB+…`): each message is a record.
    case edifact
    /// vCard address books (`BEGIN:VCARD`): each card is a record.
    case vcard
    /// InsERT's EDI++ exchange files (`.epp`: `[INFO]`, `[NAGLOWEK]`, `[ZAWARTOSC]`): each row is
    /// a record of its kind's table (`EDIPPReader`).
    case edipp = "edi++"
    /// Protocol Buffers' text format (`.textproto`, `.pbtxt`): read as XML (`TextProtoReader`).
    case textproto
    /// Not a text format we read.
    case binary

    /// Extensions (lower case, without the dot) that decide the format on their own.
    static let byExtension: [String: DocumentFormat] = [
        "txt": .text, "text": .text, "log": .text, "md": .text, "markdown": .text, "rst": .text,
        "ini": .text, "cfg": .text, "conf": .text, "out": .text, "err": .text, "asc": .text,
        "csv": .csv, "psv": .csv, "dsv": .csv,
        "tsv": .tsv, "tab": .tsv,
        "json": .json, "geojson": .json, "har": .json,
        "ndjson": .ndjson, "jsonl": .ndjson, "ldjson": .ndjson, "jsonlines": .ndjson,
        "sql": .sql,
        "rtf": .rtf,
        "html": .html, "htm": .html, "xhtml": .html, "xht": .html, "shtml": .html,
        "xml": .xml, "clixml": .xml,
        "hl7": .hl7, "hl7v2": .hl7, "astm": .hl7,
        "vcf": .vcard, "vcard": .vcard, "ics": .vcard, "ical": .vcard,
        "yaml": .yaml, "yml": .yaml,
        "edi": .edifact, "edifact": .edifact, "x12": .edifact, "mt940": .mt940, "sta": .mt940, "properties": .properties, "tex": .latex, "latex": .latex, "ltx": .latex, "ged": .gedcom, "gedcom": .gedcom,
        "textproto": .textproto, "txtpb": .textproto, "textpb": .textproto, "pbtxt": .textproto, "prototxt": .textproto,
    ]

    /// Decides a document's format from its path and first bytes (up to 64 KB are examined).
    /// Content that looks binary is `.binary` whatever the extension. A known extension
    /// (`.txt .log .md .csv .tsv .tab .psv .json .ndjson .jsonl` …) decides otherwise (a `.txt`
    /// that is a table is read as one: `tableInText`); for other
    /// or missing extensions the content is sniffed: SQL dumps start with a pg_dump / mysqldump
    /// banner or have `CREATE TABLE` / `INSERT INTO` statements near the start; JSON starts with `{`/`[` and parses as far
    /// as it goes; NDJSON is several lines that are each a JSON object; CSV/TSV has a consistent
    /// count of one delimiter per record; anything else decodable is text.
    public static func detect(path: String, prefix: UnsafeBufferPointer<UInt8>) -> DocumentFormat {
        let guess = TextEncoding.detect(prefix)
        if guess.isBinary { return .binary }

        let window = UnsafeBufferPointer(rebasing: prefix[0..<Swift.min(prefix.count, TextEncoding.detectWindow)])
        var utf8: [UInt8] = []
        var transcoder = Transcoder(guess.encoding)
        transcoder.decode(window, into: &utf8)
        // A prefix shorter than the window is probably the whole file.
        let complete = prefix.count < TextEncoding.detectWindow
        if complete { transcoder.finish(into: &utf8) }
        // Markup magic wins over the extension, so renamed documents are read as what they are.
        if let markup = utf8.withUnsafeBufferPointer({ markupMagic($0) }) { return markup == .xml && isHL7XML(utf8) ? .hl7xml : markup }
        if isHL7(utf8) { return .hl7 }
        if isVCard(utf8) { return .vcard }
        if isEDIFACT(utf8) { return .edifact }
        if isMT940(utf8) { return .mt940 }
        if EDIPPReader.isEDIPP(utf8) { return .edipp }
        if isLaTeX(utf8) { return .latex }
        if GEDCOMReader.isGEDCOM(utf8) { return .gedcom }
        if let ext = fileExtension(path), let format = byExtension[ext] {
            // (A shell session saved as text: `mongosh_accounts.txt`, `session.log`.)
            if format == .text && isMongoShell(utf8) { return .mongoShell }
            // Spreadsheets saved as text (Excel's "Unicode text" is UTF-16 with tabs) and
            // exports named `.txt` are tables: read as such, or one row's person runs into the next.
            if format == .text && (ext == "txt" || ext == "text"),
               let table = utf8.withUnsafeBufferPointer({ tableInText($0, complete: complete) }) {
                return table
            }
            // A `.json` export of one object per line (`mongoexport`, a log): each line is a
            // record, with its arrays (`"emails": [{…}, {…}]`) part of it.
            if format == .json && utf8.withUnsafeBufferPointer({ isNDJSON($0, complete: complete) }) { return .ndjson }
            if format == .xml && isHL7XML(utf8) { return .hl7xml }
            return format
        }
        if isMongoShell(utf8) { return .mongoShell }
        return utf8.withUnsafeBufferPointer { sniff($0, complete: complete) }
    }

    /// A `.txt` file that is a table: one delimiter (tab, `;` or `|`; a comma only from four
    /// fields up, since prose has commas) splits nearly every line (a title line or two may
    /// precede the header) into the same number of fields, at least three, over at least
    /// three lines (five with commas).
    ///
    /// Not a query tool's printout (`psql`, `cqlsh`: a header over a rule of dashes joined by
    /// `+`, `---------+-------`): the text reader reads those as ruled tables, its prompts and
    /// page breaks (`---MORE---`) as text.
    static func tableInText(_ p: UnsafeBufferPointer<UInt8>, complete: Bool) -> DocumentFormat? {
        guard let g = CSVReader.sniffDelimiter(p, complete: complete) else { return nil }
        if g.delimiter == UInt8(ascii: "|"), let base = p.baseAddress {
            var start = 0
            while start < p.count {
                let end = memchr(base + start, 0x0A, p.count - start).map { UnsafePointer($0.assumingMemoryBound(to: UInt8.self)) - base } ?? p.count
                let line = UnsafeBufferPointer(rebasing: p[start..<end])
                if line.count >= 5, line[0] == UInt8(ascii: "-"), line.contains(UInt8(ascii: "+")), !line.contains(UInt8(ascii: "|")),
                   let runs = TextReader.ruleRuns(line), runs.count >= 2 { return nil }
                start = end + 1
            }
        }
        let comma = g.delimiter == UInt8(ascii: ",")
        guard g.fieldsPerRecord >= (comma ? 4 : 3), g.consistentRecords >= (comma ? 5 : 3),
              g.consistentRecords * 10 >= g.records * 9 || g.records - g.consistentRecords <= 2 else { return nil }
        return g.delimiter == 0x09 ? .tsv : .csv
    }

    /// A Neo4j Cypher export's row batch starts a line (`UNWIND [{_id:3, properties:{…}}] AS row`).
    static let cypherRows = Array("\nUNWIND [{".utf8)

    /// A MongoDB shell session: the shell's banner (`Current Mongosh Log ID:`, `MongoDB shell
    /// version`) or its wrappers (`ObjectId(`, `ISODate(`), and a line that starts a printed
    /// value (`MongoShellReader.startsValue`).
    static func isMongoShell(_ p: [UInt8]) -> Bool {
        let marks = ["Current Mongosh Log ID:", "MongoDB shell version", "ObjectId(", "ISODate("].map { Array($0.utf8) }
        // A Neo4j Cypher export's row batches (`MongoShellReader.unwind`).
        if CategoryMatcher.firstIndex(of: Self.cypherRows, in: p) != nil { return true }
        guard marks.contains(where: { CategoryMatcher.firstIndex(of: $0, in: p) != nil }) else { return false }
        var start = 0
        while start < p.count {
            var end = start
            while end < p.count && p[end] != 0x0A { end += 1 }
            if end > start && MongoShellReader.startsValue(Array(p[start..<end])) { return true }
            start = end + 1
        }
        return false
    }

    /// A LaTeX document: its first line that is no `%` comment starts `\documentclass`.
    static func isLaTeX(_ p: [UInt8]) -> Bool {
        var i = 0
        let n = Swift.min(p.count, 4096)
        while i < n {
            while i < n && isSpace(p[i]) { i += 1 }
            guard i < n else { return false }
            if p[i] == UInt8(ascii: "%") {
                while i < n && p[i] != 0x0A { i += 1 }
                continue
            }
            let tag = Array("\\documentclass".utf8)
            return i + tag.count <= n && p[i..<(i + tag.count)].elementsEqual(tag)
        }
        return false
    }

    /// An MT940 statement: its first line (after white space, or a SWIFT `{1:…}` header block's
    /// line) is `:20:`, and `:25:` and `:61:` or `:86:` lines follow in the first 4 KB.
    static func isMT940(_ p: [UInt8]) -> Bool {
        let n = Swift.min(p.count, 4096)
        var i = 0
        while i < n && isSpace(p[i]) { i += 1 }
        if i < n && p[i] == UInt8(ascii: "{") {
            // `{1:F01…}{2:…}{4:` and its line break.
            while i < n && p[i] != 0x0A { i += 1 }
            i += 1
        }
        func startsLine(_ tag: String, at k: Int) -> Bool {
            let t = Array(tag.utf8)
            return k + t.count <= n && p[k..<(k + t.count)].elementsEqual(t)
        }
        guard startsLine(":20:", at: i) else { return false }
        var has25 = false, hasLines = false
        var k = i
        while k < n {
            if k == 0 || p[k - 1] == 0x0A {
                if startsLine(":25:", at: k) { has25 = true }
                if startsLine(":61:", at: k) || startsLine(":86:", at: k) { hasLines = true }
            }
            k += 1
        }
        return has25 && hasLines
    }

    /// HL7 v2's XML encoding: its namespace (`urn:hl7-org:v2xml`) in the first 4 KB.
    static func isHL7XML(_ p: [UInt8]) -> Bool {
        CategoryMatcher.firstIndex(of: Array("urn:hl7-org:v2xml".utf8), in: Array(p.prefix(4096))) != nil
    }

    /// A vCard address book: the first line (after white space) is `BEGIN:VCARD`, any case.
    static func isVCard(_ p: [UInt8]) -> Bool {
        var i = 0
        while i < p.count && isSpace(p[i]) { i += 1 }
        // (An iCalendar file, `BEGIN:VCALENDAR`, is read by the same reader: its events and tasks.)
        for magic in [Array("BEGIN:VCARD".utf8), Array("BEGIN:VCALENDAR".utf8)] where p.count >= i + magic.count {
            if zip(p[i..<(i + magic.count)], magic).allSatisfy({ ASCII.lower($0) == ASCII.lower($1) }) { return true }
        }
        return false
    }

    /// A UN/EDIFACT interchange: it starts (after white space) with `UNA` and six service
    /// characters, or with `UNB+` and a syntax identifier (`UNOA`…`UNOY`); or an ANSI X12 one
    /// (`ISA*`).
    static func isEDIFACT(_ p: [UInt8]) -> Bool {
        var i = 0
        while i < p.count && isSpace(p[i]) { i += 1 }
        guard p.count >= i + 9 else { return false }
        let head = String(decoding: p[i..<(i + 4)], as: UTF8.self)
        // ANSI X12: `ISA` and a separator that is no letter or digit (`ISA*00*…`).
        if head.hasPrefix("ISA") && !ASCII.isAlnum(p[i + 3]) && p[i + 3] > 0x20 && p[i + 3] < 0x7F { return true }
        if head == "UNB+" { return String(decoding: p[(i + 4)..<(i + 7)], as: UTF8.self) == "UNO" }
        return head.hasPrefix("UNA") && p[(i + 3)..<(i + 9)].allSatisfy { $0 >= 0x20 && $0 < 0x7F && !ASCII.isAlnum($0) }
    }

    /// HL7 v2: the first segment is a message header (`MSH|^~\&`), a file header or a batch
    /// header, after MLLP's start byte (0x0B) or white space; or an ASTM E1394 header (`H|\^&`).
    static func isHL7(_ p: [UInt8]) -> Bool {
        var i = 0
        while i < p.count && (p[i] == 0x0B || isSpace(p[i])) { i += 1 }
        guard p.count >= i + 8 else { return false }
        if HL7Reader.isASTMHeader(p[i...]) { return true }  // ASTM E1394 (`H|\^&`)
        let head = String(decoding: p[i..<(i + 3)], as: UTF8.self)
        guard head == "MSH" || head == "FHS" || head == "BHS" else { return false }
        // The field separator, then the four encoding characters, none of them alphanumeric.
        let enc = p[(i + 3)..<(i + 8)]
        return enc.allSatisfy { $0 > 0x20 && $0 < 0x7F && !ASCII.isAlnum($0) } && Set(enc).count == 5
    }

    /// Markup recognised by its first bytes (after white space): `{\rtf` is RTF; `<!DOCTYPE html`
    /// and `<html` are HTML; `<?xml` is XML, or HTML when the doctype or first element is `html`
    /// (XHTML). Comments before the first element are skipped.
    static func markupMagic(_ p: UnsafeBufferPointer<UInt8>) -> DocumentFormat? {
        let n = p.count
        func lower(_ b: UInt8) -> UInt8 { b >= 0x41 && b <= 0x5A ? b | 0x20 : b }
        func starts(_ word: String, at i: Int) -> Bool {
            var k = i
            for w in word.utf8 {
                guard k < n, lower(p[k]) == w else { return false }
                k += 1
            }
            return true
        }
        func skipSpace(_ i: inout Int) { while i < n && isSpace(p[i]) { i += 1 } }
        func skipPast(_ end: String, _ i: inout Int) -> Bool {
            let e = Array(end.utf8)
            while i < n {
                if p[i] == e[0] && starts(end, at: i) { i += e.count; return true }
                i += 1
            }
            return false
        }
        var i = 0
        skipSpace(&i)
        if starts("{\\rtf", at: i) { return .rtf }
        let xmlDeclared = starts("<?xml", at: i) && (i + 5 < n && isSpace(p[i + 5]) || i + 5 < n && p[i + 5] == UInt8(ascii: "?"))
        // Walk the prolog: declarations, comments, processing instructions, doctype.
        var steps = 0
        while i < n && steps < 64 {
            steps += 1
            skipSpace(&i)
            if starts("<?", at: i) { guard skipPast("?>", &i) else { break }; continue }
            if starts("<!--", at: i) { guard skipPast("-->", &i) else { break }; continue }
            if starts("<!doctype", at: i) {
                var k = i + 9
                skipSpace(&k)
                if starts("html", at: k) && (k + 4 >= n || !(lower(p[k + 4]) >= 0x61 && lower(p[k + 4]) <= 0x7A)) { return .html }
                guard skipPast(">", &i) else { break }
                continue
            }
            if starts("<html", at: i) && (i + 5 >= n || isSpace(p[i + 5]) || p[i + 5] == UInt8(ascii: ">")) { return .html }
            break
        }
        return xmlDeclared ? .xml : nil
    }

    /// The lower-cased extension of the last path component, if any.
    static func fileExtension(_ path: String) -> String? {
        let name = path.split(separator: "/", omittingEmptySubsequences: false).last ?? ""
        guard let dot = name.lastIndex(of: "."), dot != name.startIndex else { return nil }
        let ext = name[name.index(after: dot)...]
        return ext.isEmpty ? nil : ext.lowercased()
    }

    /// Sniffs decoded UTF-8 content. `complete` says the buffer holds the whole document.
    static func sniff(_ p: UnsafeBufferPointer<UInt8>, complete: Bool) -> DocumentFormat {
        var i = 0
        while i < p.count && isSpace(p[i]) { i += 1 }
        if i == p.count { return .text }
        if isSQLDump(p) { return .sql }
        if p[i] == UInt8(ascii: "{") || p[i] == UInt8(ascii: "[") {
            if isNDJSON(p, complete: complete) { return .ndjson }
            if JSONSniffer.validPrefix(UnsafeBufferPointer(rebasing: p[i...]), complete: complete, single: true) {
                return .json
            }
        }
        if let g = CSVReader.sniffDelimiter(p, complete: complete),
           g.records >= 2, g.consistentRecords == g.records, g.fieldsPerRecord >= 2 || g.records >= 5 {
            return g.delimiter == 0x09 ? .tsv : .csv
        }
        return .text
    }

    /// At least two non-blank lines, each one complete JSON object (a last line cut by the end of
    /// an incomplete prefix is ignored).
    static func isNDJSON(_ p: UnsafeBufferPointer<UInt8>, complete: Bool) -> Bool {
        var objects = 0
        var start = 0
        let n = p.count
        while start < n {
            var end = start
            while end < n && p[end] != 0x0A { end += 1 }
            if end == n && !complete { break }  // possibly cut
            var a = start, b = end
            while a < b && isSpace(p[a]) { a += 1 }
            while b > a && isSpace(p[b - 1]) { b -= 1 }
            if a < b {
                guard p[a] == UInt8(ascii: "{"),
                      JSONSniffer.validPrefix(UnsafeBufferPointer(rebasing: p[a..<b]), complete: true, single: true)
                else { return false }
                objects += 1
                if objects >= 50 { break }
            }
            start = end + 1
        }
        return objects >= 2
    }

    /// A pg_dump / mysqldump banner comment, or (after blank lines and comments only) a first
    /// statement line that starts with an SQL keyword and a `CREATE TABLE` / `INSERT INTO` line
    /// within the first 8 KB.
    static func isSQLDump(_ p: UnsafeBufferPointer<UInt8>) -> Bool {
        let window = Swift.min(p.count, 8192)
        func startsWith(_ word: String, at i: Int) -> Bool {
            let w = Array(word.utf8)
            guard i + w.count <= window else { return false }
            for k in 0..<w.count {
                let c = p[i + k]
                let lower = c >= 0x41 && c <= 0x5A ? c | 0x20 : c
                if lower != w[k] { return false }
            }
            return true
        }
        var firstStatement: Int?
        var sawTableStatement = false
        var start = 0
        var inBlockComment = false
        while start < window {
            var end = start
            while end < window && p[end] != 0x0A { end += 1 }
            var a = start
            while a < end && (p[a] == 0x20 || p[a] == 0x09 || p[a] == 0x0D) { a += 1 }
            if inBlockComment {
                var k = a
                while k + 1 < end && !(p[k] == UInt8(ascii: "*") && p[k + 1] == UInt8(ascii: "/")) { k += 1 }
                if k + 1 < end { inBlockComment = false }
            } else if startsWith("-- postgresql database dump", at: a) || startsWith("-- mysql dump", at: a) || startsWith("-- mariadb dump", at: a) {
                return true
            } else if startsWith("--", at: a) || a == end {
                // comment or blank line
            } else if startsWith("/*", at: a) {
                var k = a + 2
                while k + 1 < end && !(p[k] == UInt8(ascii: "*") && p[k + 1] == UInt8(ascii: "/")) { k += 1 }
                if k + 1 >= end { inBlockComment = true }
            } else {
                if firstStatement == nil { firstStatement = a }
                if startsWith("create table ", at: a) || startsWith("insert into ", at: a) { sawTableStatement = true }
            }
            if sawTableStatement { break }
            start = end + 1
        }
        guard sawTableStatement, let first = firstStatement else { return false }
        for keyword in ["create ", "insert ", "set ", "drop ", "lock ", "begin", "start transaction", "use ", "alter ", "copy "] {
            if startsWith(keyword, at: first) { return true }
        }
        return false
    }

    @inline(__always) static func isSpace(_ b: UInt8) -> Bool { b == 0x20 || b == 0x09 || b == 0x0A || b == 0x0D }
}

extension DocumentFormat {
    /// A small structural JSON checker used for sniffing only (the JSON reader does real parsing).
    enum JSONSniffer {
        /// True when `p` is valid JSON so far. With `complete`, the value must also end (followed only
        /// by whitespace); otherwise input may stop anywhere. With `single`, one top-level value.
        static func validPrefix(_ p: UnsafeBufferPointer<UInt8>, complete: Bool, single: Bool) -> Bool {
            enum Expect { case value, valueOrClose, key, keyOrClose, colon, commaOrClose, end }
            var stack: [UInt8] = []
            var expect = Expect.value
            var i = 0
            let n = p.count
            func afterValue() -> Expect { stack.isEmpty ? .end : .commaOrClose }
            while i < n {
                let c = p[i]
                if DocumentFormat.isSpace(c) { i += 1; continue }
                switch expect {
                case .end:
                    return false
                case .colon:
                    guard c == UInt8(ascii: ":") else { return false }
                    expect = .value; i += 1
                case .commaOrClose:
                    if c == UInt8(ascii: ",") { expect = stack.last == UInt8(ascii: "{") ? .key : .value; i += 1 }
                    else if c == UInt8(ascii: "}") && stack.last == UInt8(ascii: "{") || c == UInt8(ascii: "]") && stack.last == UInt8(ascii: "[") {
                        stack.removeLast(); expect = afterValue(); i += 1
                    } else { return false }
                case .key, .keyOrClose:
                    if c == UInt8(ascii: "}") && expect == .keyOrClose { stack.removeLast(); expect = afterValue(); i += 1; continue }
                    guard c == UInt8(ascii: "\"") else { return false }
                    guard let e = stringEnd(p, from: i) else { return !complete }
                    i = e; expect = .colon
                case .value, .valueOrClose:
                    if c == UInt8(ascii: "]") && expect == .valueOrClose { stack.removeLast(); expect = afterValue(); i += 1; continue }
                    switch c {
                    case UInt8(ascii: "{"):
                        if stack.count >= 512 { return false }
                        stack.append(c); expect = .keyOrClose; i += 1
                    case UInt8(ascii: "["):
                        if stack.count >= 512 { return false }
                        stack.append(c); expect = .valueOrClose; i += 1
                    case UInt8(ascii: "\""):
                        guard let e = stringEnd(p, from: i) else { return !complete }
                        i = e; expect = afterValue()
                    case UInt8(ascii: "-"), UInt8(ascii: "0")...UInt8(ascii: "9"):
                        guard let e = numberEnd(p, from: i) else { return false }
                        if e == n { return !complete || stack.isEmpty }
                        i = e; expect = afterValue()
                    case UInt8(ascii: "t"), UInt8(ascii: "f"), UInt8(ascii: "n"):
                        let word: [UInt8] = c == UInt8(ascii: "t") ? Array("true".utf8) : c == UInt8(ascii: "f") ? Array("false".utf8) : Array("null".utf8)
                        var k = 0
                        while k < word.count && i + k < n { if p[i + k] != word[k] { return false }; k += 1 }
                        if k < word.count { return !complete }
                        i += k; expect = afterValue()
                    default:
                        return false
                    }
                }
            }
            if complete { return expect == .end }
            return true
        }

        /// Index after the closing quote of the string starting at `i`, or nil if cut off.
        private static func stringEnd(_ p: UnsafeBufferPointer<UInt8>, from i: Int) -> Int? {
            var j = i + 1
            while j < p.count {
                let c = p[j]
                if c == UInt8(ascii: "\\") { j += 2; continue }
                if c == UInt8(ascii: "\"") { return j + 1 }
                j += 1
            }
            return nil
        }

        /// Index after a strict JSON number starting at `i` (nil when malformed before its end).
        private static func numberEnd(_ p: UnsafeBufferPointer<UInt8>, from i: Int) -> Int? {
            let n = p.count
            var j = i
            func digits() -> Int { let s = j; while j < n && p[j] >= 0x30 && p[j] <= 0x39 { j += 1 }; return j - s }
            if p[j] == UInt8(ascii: "-") { j += 1 }
            if j == n { return n }
            guard digits() > 0 else { return nil }
            if j < n && p[j] == UInt8(ascii: ".") { j += 1; if j == n { return n }; guard digits() > 0 else { return nil } }
            if j < n && (p[j] | 0x20) == UInt8(ascii: "e") {
                j += 1
                if j < n && (p[j] == UInt8(ascii: "+") || p[j] == UInt8(ascii: "-")) { j += 1 }
                if j == n { return n }
                guard digits() > 0 else { return nil }
            }
            return j
        }
    }
}
