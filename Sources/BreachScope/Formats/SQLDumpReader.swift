import Foundation

/// Reads SQL dumps (pg_dump plain format, mysqldump) as a push parser: the rows of dumped tables
/// become records, so a dumped `customers` table is understood like a CSV with a header.
///
/// - `CREATE TABLE name (col type …, …)` remembers each table's column list (quoted identifiers
///   `"x"` / `` `x` ``, schema-qualified names; constraint items such as `PRIMARY KEY`,
///   `CONSTRAINT`, `KEY`, `INDEX`, `UNIQUE`, `FOREIGN KEY`, `CHECK` are skipped).
/// - `INSERT [IGNORE] INTO t [(a, b)] VALUES (…), (…);` (also `REPLACE INTO`): each tuple is a
///   record; columns come from the statement, else from the table's `CREATE TABLE`, else
///   `column1`…. The value of a tuple element is its first string literal or number: `'…'` with
///   `''` (and backslash escapes unless `SET standard_conforming_strings = on` was seen),
///   `E'…'`, casts such as `'x'::text`, negative numbers; `NULL`, `DEFAULT`, `true` give none.
/// - pg_dump `COPY t [(a, b)] FROM stdin;` then tab-separated rows up to `\.`: each row is a
///   record; `\N` is NULL; `\t \n \r \\ \b \f \v` are unescaped.
/// - Columns are declared per table column as `table.column` with `FieldClassifier`'s hint for
///   the column name; columns whose name says nothing are classified from the values of the
///   table's first 64 rows (`CSVReader.sampledHints`: also a first and a last name's pair of
///   columns), which are held back until then (or until another table's rows start, or the
///   end), as `CSVReader` does.
/// - A record's `line` is the line where its tuple / COPY row starts. Values are trimmed of
///   spaces (padded `char(n)`); empty values are skipped. Comments (`--`, `/* */`), psql
///   meta-commands (`\connect`), `DELIMITER` lines, dollar-quoted bodies and all other
///   statements are ignored.
/// - The result does not depend on how the input is chunked.
public struct SQLDumpReader: DocumentReader {
    /// Size limits (`maxFieldBytes` applies to strings, COPY fields and identifiers).
    public let limits: ReadLimits
    let classify: @Sendable (String) -> FieldHint?

    /// Rows (and bytes) of a table held back to classify its columns from their values.
    static let sampleRows = 64
    static let sampleBytes = 1 << 20

    /// A reader with the standard label classifier.
    public init(limits: ReadLimits = .init()) {
        self.init(limits: limits, classify: { FieldClassifier.hint(forLabel: $0) })
    }

    /// A reader with an injected label classifier (tests, custom vocabularies).
    public init(limits: ReadLimits = .init(), classify: @escaping @Sendable (String) -> FieldHint?) {
        self.limits = limits
        self.classify = classify
    }

    // MARK: Bytes

    private static let lf: UInt8 = 0x0A, cr: UInt8 = 0x0D, tab: UInt8 = 0x09, space: UInt8 = 0x20
    private static let squote = UInt8(ascii: "'"), dquote = UInt8(ascii: "\""), backtick = UInt8(ascii: "`")
    private static let backslash = UInt8(ascii: "\\"), dollar = UInt8(ascii: "$")

    @inline(__always) private static func isDigit(_ b: UInt8) -> Bool { b >= 0x30 && b <= 0x39 }
    @inline(__always) private static func isWordByte(_ b: UInt8) -> Bool {
        let l = b | 0x20
        return (l >= 0x61 && l <= 0x7A) || isDigit(b) || b == 0x5F || b == dollar || b >= 0x80
    }

    // MARK: Lexer state

    private enum Lex {
        case space, word, quotedIdent, quotedIdentEnd, string, stringQuote, stringBackslash
        case dash, lineComment, slash, blockComment, blockStar, dollarTag, dollarBody
        case copySkipLine, copyField, copyBackslash, copyEnd
    }
    private enum Token: Equatable { case word, number, quotedIdent, string, punct(UInt8) }

    private var lex = Lex.space
    private var line = 1
    private var chunkOffset = 0
    /// The current token's bytes (word, identifier, string value, COPY field).
    private var tok: [UInt8] = []
    private var tokLine = 1, tokOffset = 0
    private var numeric = false
    private var quoteChar: UInt8 = 0
    private var stringEscapes = true
    /// Plain strings take backslash escapes (mysqldump) until `standard_conforming_strings = on`.
    private var backslashEscapes = true
    private var dashLine = 1, dashOffset = 0
    private var dollarClose: [UInt8] = []
    private var dollarMatch = 0

    // COPY data
    private var copyLine = 1
    private var copyRowOpen = false
    private var copyFieldOpen = false
    private var copyNull = false
    private var copyRowStartBackslash = false

    // MARK: Statement state

    private enum Stmt {
        case start, skip, set, setSCS
        case create, createName, createAfterName, createColumns
        case insert, insertName, insertAfterName, insertColumns, insertBeforeValues, values
        case copy, copyAfterName, copyColumns, copyFrom, copyStdin
    }
    private var stmt = Stmt.start
    /// The line of the last token (a token on a new line may start a T-SQL statement).
    private var lastTokenLine = 0
    /// A `GO` line was seen: a SQL Server script, whose statements need no `;`.
    private var transactSQL = false
    private var depth = 0
    private var itemStart = false
    private var tableName = ""
    private var columnList: [String] = []
    private var hasColumnList = false
    private var element = 0
    private var elementHasValue = false
    /// A function call's first string argument and its second (a date's format mask).
    private var functionArgument: (value: [UInt8], line: Int, offset: Int)?
    private var functionMask: [UInt8]?
    private var minus = false

    // MARK: Tables and rows

    private struct Table {
        var name: String
        var createColumns: [String]?
        var slotNames: [String] = []
        var slotByName: [String: Int] = [:]
        var labelHints: [FieldHint?] = []
        var sampledHints: [FieldHint?] = []
        var ids: [Int] = []
        /// Per slot: the namespace of the row key it holds (`relationNamespace`), and the
        /// column declared for it.
        var relations: [String?] = []
        var relationIDs: [Int] = []
        var decided = false
    }
    private struct Cell { var slot: Int; var value: [UInt8]; var line: Int; var offset: Int }
    private struct Row { var line: Int; var offset: Int; var cells: [Cell] }

    private var tables: [Table] = []
    private var tableByKey: [String: Int] = [:]
    /// The table whose rows are being read, and each value position's column slot in it.
    private var current = -1
    private var slots: [Int] = []
    /// The table whose first rows are held back, if any.
    private var sampling: Int?
    private var sample: [Row] = []
    private var sampleByteCount = 0
    private var pending: [Cell] = []
    private var rowOpen = false
    private var rowLine = 1, rowOffset = 0
    private var recordOpen = false

    // MARK: DocumentReader

    public mutating func consume(_ p: UnsafeBufferPointer<UInt8>, visitor: inout some RecordVisitor) throws(ReadError) {
        let n = p.count
        let base = chunkOffset
        var i = 0
        while i < n {
            let b = p[i]
            switch lex {
            case .space:
                switch b {
                case Self.lf: line += 1; i += 1
                case Self.space, Self.tab, Self.cr, 0x0B, 0x0C: i += 1
                case Self.squote:
                    i += 1
                    startToken(offset: base + i)
                    stringEscapes = backslashEscapes
                    lex = .string
                case Self.dquote, Self.backtick, UInt8(ascii: "["):
                    // (SQL Server quotes identifiers in brackets: `[dbo].[Klient]`, `]]` inside.)
                    i += 1
                    startToken(offset: base + i)
                    quoteChar = b == UInt8(ascii: "[") ? UInt8(ascii: "]") : b
                    if b == UInt8(ascii: "[") { transactSQL = true }
                    lex = .quotedIdent
                case UInt8(ascii: "-"):
                    dashLine = line; dashOffset = base + i
                    lex = .dash; i += 1
                case UInt8(ascii: "/"):
                    dashLine = line; dashOffset = base + i
                    lex = .slash; i += 1
                case Self.dollar:
                    startToken(offset: base + i)
                    lex = .dollarTag; i += 1
                case Self.backslash where stmt == .start:
                    lex = .lineComment; i += 1  // a psql meta-command such as \connect
                default:
                    if Self.isWordByte(b) {
                        startToken(offset: base + i)
                        numeric = Self.isDigit(b)
                        lex = .word
                    } else {
                        tokLine = line; tokOffset = base + i
                        i += 1
                        try token(.punct(b), visitor: &visitor)
                    }
                }
            case .word:
                var j = i
                while j < n {
                    let c = p[j]
                    if Self.isWordByte(c) { j += 1; continue }
                    if numeric {
                        if c == UInt8(ascii: ".") { j += 1; continue }
                        if c == UInt8(ascii: "+") || c == UInt8(ascii: "-") {
                            let prev = j > i ? p[j - 1] : (tok.last ?? 0)
                            if prev | 0x20 == UInt8(ascii: "e") { j += 1; continue }
                        }
                    }
                    break
                }
                try append(UnsafeBufferPointer(rebasing: p[i..<j]))
                i = j
                if j == n { break }
                if p[j] == Self.squote && tok.count == 1 && tok[0] | 0x20 == UInt8(ascii: "e") {
                    // E'…': an escape string.
                    i += 1
                    startToken(offset: base + i)
                    stringEscapes = true
                    lex = .string
                } else {
                    lex = .space
                    try token(numeric ? .number : .word, visitor: &visitor)
                }
            case .quotedIdent:
                var j = i
                var l = line
                while j < n && p[j] != quoteChar { if p[j] == Self.lf { l += 1 }; j += 1 }
                line = l
                try append(UnsafeBufferPointer(rebasing: p[i..<j]))
                if j == n { i = n } else { lex = .quotedIdentEnd; i = j + 1 }
            case .quotedIdentEnd:
                if b == quoteChar {
                    try append(CollectionOfOne(b)); lex = .quotedIdent; i += 1
                } else {
                    lex = .space
                    try token(.quotedIdent, visitor: &visitor)
                }
            case .string:
                var j = i
                var l = line
                let esc = stringEscapes
                while j < n {
                    let c = p[j]
                    if c == Self.squote || (c == Self.backslash && esc) { break }
                    if c == Self.lf { l += 1 }
                    j += 1
                }
                line = l
                try append(UnsafeBufferPointer(rebasing: p[i..<j]))
                if j == n { i = n } else { lex = p[j] == Self.squote ? .stringQuote : .stringBackslash; i = j + 1 }
            case .stringQuote:
                if b == Self.squote {
                    try append(CollectionOfOne(b)); lex = .string; i += 1
                } else {
                    lex = .space
                    try token(.string, visitor: &visitor)
                }
            case .stringBackslash:
                let c: UInt8
                switch b {
                case UInt8(ascii: "n"): c = Self.lf
                case UInt8(ascii: "t"): c = Self.tab
                case UInt8(ascii: "r"): c = Self.cr
                case UInt8(ascii: "b"): c = 0x08
                case UInt8(ascii: "f"): c = 0x0C
                case UInt8(ascii: "0"): c = 0x00
                case UInt8(ascii: "Z"): c = 0x1A
                case Self.lf: line += 1; c = b
                default: c = b
                }
                try append(CollectionOfOne(c))
                lex = .string; i += 1
            case .dash:
                if b == UInt8(ascii: "-") {
                    lex = .lineComment; i += 1
                } else {
                    lex = .space
                    tokLine = dashLine; tokOffset = dashOffset
                    try token(.punct(UInt8(ascii: "-")), visitor: &visitor)
                }
            case .lineComment:
                var j = i
                while j < n && p[j] != Self.lf { j += 1 }
                if j == n { i = n } else { line += 1; lex = .space; i = j + 1 }
            case .slash:
                if b == UInt8(ascii: "*") {
                    lex = .blockComment; i += 1
                } else {
                    lex = .space
                    tokLine = dashLine; tokOffset = dashOffset
                    try token(.punct(UInt8(ascii: "/")), visitor: &visitor)
                }
            case .blockComment:
                var j = i
                var l = line
                while j < n && p[j] != UInt8(ascii: "*") { if p[j] == Self.lf { l += 1 }; j += 1 }
                line = l
                if j == n { i = n } else { lex = .blockStar; i = j + 1 }
            case .blockStar:
                if b == UInt8(ascii: "/") { lex = .space; i += 1 }
                else if b == UInt8(ascii: "*") { i += 1 }
                else { lex = .blockComment }
            case .dollarTag:
                if b == Self.dollar {
                    dollarClose = [Self.dollar] + tok + [Self.dollar]
                    dollarMatch = 0
                    lex = .dollarBody; i += 1
                } else if Self.isWordByte(b) && b != Self.dollar && !(tok.isEmpty && Self.isDigit(b)) && tok.count < 64 {
                    tok.append(b); i += 1
                } else {
                    // Not a dollar quote (`$1`): a word.
                    tok.insert(Self.dollar, at: 0)
                    numeric = false
                    lex = .word
                }
            case .dollarBody:
                var j = i
                var l = line
                var m = dollarMatch
                let close = dollarClose
                while j < n {
                    let c = p[j]
                    if c == Self.lf { l += 1 }
                    j += 1
                    if c == close[m] {
                        m += 1
                        if m == close.count { break }
                    } else {
                        m = c == Self.dollar ? 1 : 0
                    }
                }
                line = l
                i = j
                if m == close.count { lex = .space; dollarMatch = 0 } else { dollarMatch = m }
            case .copySkipLine:
                var j = i
                while j < n && p[j] != Self.lf { j += 1 }
                if j == n { i = n } else { line += 1; lex = .copyField; copyRowOpen = false; i = j + 1 }
            case .copyField:
                if !copyRowOpen {
                    copyRowOpen = true
                    beginRow(line: line, offset: base + i)
                    element = 0
                    copyFieldOpen = false
                }
                if !copyFieldOpen {
                    copyFieldOpen = true
                    startToken(offset: base + i)
                    copyNull = false
                }
                var j = i
                while j < n {
                    let c = p[j]
                    if c == Self.tab || c == Self.lf || c == Self.backslash { break }
                    j += 1
                }
                try append(UnsafeBufferPointer(rebasing: p[i..<j]))
                if j == n { i = n; break }
                i = j + 1
                switch p[j] {
                case Self.tab:
                    endCopyField(visitor: &visitor)
                    element += 1
                case Self.lf:
                    if tok.last == Self.cr { tok.removeLast() }
                    endCopyField(visitor: &visitor)
                    endRow(visitor: &visitor)
                    copyRowOpen = false
                    line += 1
                default:
                    copyRowStartBackslash = element == 0 && tok.isEmpty && !copyNull
                    lex = .copyBackslash
                }
            case .copyBackslash:
                i += 1
                lex = .copyField
                if copyRowStartBackslash && b == UInt8(ascii: ".") {
                    // End of the COPY data: the row that began with `\.` is no row.
                    rowOpen = false
                    pending.clear()
                    copyRowOpen = false
                    lex = .copyEnd
                    break
                }
                let c: UInt8
                switch b {
                case UInt8(ascii: "N"): copyNull = true; continue
                case UInt8(ascii: "n"): c = Self.lf
                case UInt8(ascii: "t"): c = Self.tab
                case UInt8(ascii: "r"): c = Self.cr
                case UInt8(ascii: "b"): c = 0x08
                case UInt8(ascii: "f"): c = 0x0C
                case UInt8(ascii: "v"): c = 0x0B
                case Self.lf: line += 1; c = b
                default: c = b
                }
                try append(CollectionOfOne(c))
            case .copyEnd:
                var j = i
                while j < n && p[j] != Self.lf { j += 1 }
                if j == n { i = n } else { line += 1; lex = .space; stmt = .start; i = j + 1 }
            }
        }
        chunkOffset += n
    }

    public mutating func finish(visitor: inout some RecordVisitor) throws(ReadError) {
        switch lex {
        case .word:
            lex = .space
            try token(numeric ? .number : .word, visitor: &visitor)
        case .quotedIdentEnd:
            lex = .space
            try token(.quotedIdent, visitor: &visitor)
        case .stringQuote:
            lex = .space
            try token(.string, visitor: &visitor)
        case .dash, .slash:
            let c = lex == .dash ? UInt8(ascii: "-") : UInt8(ascii: "/")
            lex = .space
            tokLine = dashLine; tokOffset = dashOffset
            try token(.punct(c), visitor: &visitor)
        case .dollarTag:
            lex = .space
        case .string, .stringBackslash:
            flush(visitor: &visitor)
            throw ReadError(.malformed, "unterminated string starting at line \(tokLine)")
        case .quotedIdent:
            flush(visitor: &visitor)
            throw ReadError(.malformed, "unterminated quoted identifier starting at line \(tokLine)")
        case .copySkipLine, .copyField, .copyBackslash:
            if copyRowOpen {
                if lex == .copyField { endCopyField(visitor: &visitor) }
                endRow(visitor: &visitor)
            }
            flush(visitor: &visitor)
            throw ReadError(.malformed, "COPY data starting at line \(copyLine) ends without \\.")
        case .space, .lineComment, .blockComment, .blockStar, .dollarBody, .copyEnd:
            break
        }
        if stmt == .values && depth > 0 {
            flush(visitor: &visitor)
            throw ReadError(.malformed, "unterminated VALUES tuple starting at line \(rowLine)")
        }
        flush(visitor: &visitor)
    }

    // MARK: Lexer helpers

    @inline(__always)
    private mutating func startToken(offset: Int) {
        tok.clear()
        tokLine = line
        tokOffset = offset
    }

    @inline(__always)
    private mutating func append(_ bytes: some Collection<UInt8>) throws(ReadError) {
        if tok.count + bytes.count > limits.maxFieldBytes {
            throw ReadError(.limit, "value starting at line \(tokLine) is longer than the limit of \(limits.maxFieldBytes) bytes")
        }
        tok.append(contentsOf: bytes)
    }

    private var tokString: String { String(decoding: tok, as: UTF8.self) }

    /// Whether the current word token is `keyword` (lower-case ASCII), ignoring case.
    private func isKeyword(_ keyword: StaticString) -> Bool {
        guard tok.count == keyword.utf8CodeUnitCount else { return false }
        let k = keyword.utf8Start
        for i in 0..<tok.count {
            let c = tok[i]
            if (c >= 0x41 && c <= 0x5A ? c | 0x20 : c) != k[i] { return false }
        }
        return true
    }

    private func isAnyKeyword(_ keywords: [StaticString]) -> Bool {
        for k in keywords where isKeyword(k) { return true }
        return false
    }

    private static let tableModifiers: [StaticString] = ["temporary", "temp", "unlogged", "global", "local", "or", "replace"]
    private static let insertModifiers: [StaticString] = ["ignore", "low_priority", "delayed", "high_priority"]
    private static let constraintWords: [StaticString] = [
        "primary", "constraint", "key", "index", "unique", "foreign", "check", "fulltext", "spatial", "exclude", "like", "period",
    ]

    // MARK: Statements

    /// One token of SQL (outside COPY data): drives the statement state.
    private mutating func token(_ kind: Token, visitor: inout some RecordVisitor) throws(ReadError) {
        let firstOnLine = tokLine != lastTokenLine
        lastTokenLine = tokLine
        if kind == .punct(UInt8(ascii: ";")) {
            endStatement(visitor: &visitor)
            return
        }
        if kind == .word && firstOnLine && (depth == 0 || stmt == .skip) && stmt != .copyStdin {
            // SQL Server's scripts (SSMS "Generate Scripts", sqlcmd): `GO` on a line of its own
            // ends a batch, and statements end without `;` — a statement's keyword at the start
            // of a line, outside parentheses, starts the next one.
            if isKeyword("go") {
                transactSQL = true
                endStatement(visitor: &visitor)
                return
            }
            if transactSQL && stmt != .start && isAnyKeyword(Self.statementStarts) { endStatement(visitor: &visitor) }
        }
        let ident = kind == .word || kind == .quotedIdent
        switch stmt {
        case .start:
            guard kind == .word else { stmt = .skip; return }
            if isKeyword("create") { stmt = .create }
            else if isKeyword("insert") || isKeyword("replace") { stmt = .insert }
            else if isKeyword("copy") { stmt = .copy }
            else if isKeyword("set") { stmt = .set }
            else if isKeyword("delimiter") { lex = .lineComment }
            else { stmt = .skip }
        case .skip:
            break
        case .set:
            stmt = kind == .word && isKeyword("standard_conforming_strings") ? .setSCS : .skip
        case .setSCS:
            if kind == .word || kind == .string {
                if isKeyword("on") { backslashEscapes = false }
                else if isKeyword("off") { backslashEscapes = true }
            }
        case .create:
            if kind == .word && isKeyword("table") { stmt = .createName }
            else if !(kind == .word && isAnyKeyword(Self.tableModifiers)) { stmt = .skip }
        case .createName:
            if kind == .word && (isKeyword("if") || isKeyword("not") || isKeyword("exists")) { break }
            if ident { tableName = tokString; stmt = .createAfterName } else { stmt = .skip }
        case .createAfterName:
            if kind == .punct(UInt8(ascii: ".")) { stmt = .createName }
            else if kind == .punct(UInt8(ascii: "(")) { depth = 1; itemStart = true; columnList = []; stmt = .createColumns }
            else { stmt = .skip }
        case .createColumns:
            switch kind {
            case .punct(UInt8(ascii: "(")): depth += 1; itemStart = false
            case .punct(UInt8(ascii: ")")):
                depth -= 1
                if depth == 0 {
                    tables[table(named: tableName)].createColumns = columnList
                    stmt = .skip
                }
            case .punct(UInt8(ascii: ",")): if depth == 1 { itemStart = true }
            case .quotedIdent where depth == 1 && itemStart:
                columnList.append(tokString); itemStart = false
            case .word where depth == 1 && itemStart:
                if !isAnyKeyword(Self.constraintWords) { columnList.append(tokString) }
                itemStart = false
            default:
                if depth == 1 { itemStart = false }
            }
        case .insert:
            if kind == .word && isKeyword("into") { stmt = .insertName }
            else if kind == .quotedIdent || kind == .word && !isAnyKeyword(Self.insertModifiers) {
                // T-SQL's `INSERT [dbo].[Klient] (…) VALUES (…)`: no `INTO`.
                tableName = tokString; hasColumnList = false; columnList = []; stmt = .insertAfterName
            } else if !(kind == .word && isAnyKeyword(Self.insertModifiers)) {
                stmt = .skip
            }
        case .insertName:
            if ident { tableName = tokString; hasColumnList = false; columnList = []; stmt = .insertAfterName } else { stmt = .skip }
        case .insertAfterName:
            if kind == .punct(UInt8(ascii: ".")) { stmt = .insertName }
            else if kind == .punct(UInt8(ascii: "(")) { hasColumnList = true; stmt = .insertColumns }
            else { fallthrough }
        case .insertBeforeValues:
            if kind == .word && isKeyword("values") {
                beginData(visitor: &visitor)
                depth = 0
                stmt = .values
            } else if !(kind == .word && (isKeyword("overriding") || isKeyword("system") || isKeyword("user") || isKeyword("value") || isKeyword("default"))) {
                stmt = .skip
            }
        case .insertColumns:
            if ident { columnList.append(tokString) }
            else if kind == .punct(UInt8(ascii: ")")) { stmt = .insertBeforeValues }
            else if kind != .punct(UInt8(ascii: ",")) { stmt = .skip }
        case .values:
            try value(kind, visitor: &visitor)
        case .copy:
            if ident { tableName = tokString; hasColumnList = false; columnList = []; stmt = .copyAfterName } else { stmt = .skip }
        case .copyAfterName:
            if kind == .punct(UInt8(ascii: ".")) { stmt = .copy }
            else if kind == .punct(UInt8(ascii: "(")) && !hasColumnList { hasColumnList = true; stmt = .copyColumns }
            else if kind == .word && isKeyword("from") { stmt = .copyFrom }
            else { stmt = .skip }
        case .copyColumns:
            if ident { columnList.append(tokString) }
            else if kind == .punct(UInt8(ascii: ")")) { stmt = .copyAfterName }
            else if kind != .punct(UInt8(ascii: ",")) { stmt = .skip }
        case .copyFrom:
            stmt = kind == .word && isKeyword("stdin") ? .copyStdin : .skip
        case .copyStdin:
            break  // options up to `;`
        }
    }

    /// The end of a statement (`;`, or a T-SQL batch's or line's end).
    private mutating func endStatement(visitor: inout some RecordVisitor) {
        if stmt == .values && depth > 0 { endRow(visitor: &visitor) }
        if stmt == .copyStdin {
            beginData(visitor: &visitor)
            copyLine = line
            lex = .copySkipLine
        }
        stmt = .start
        depth = 0
    }

    /// Keywords that start a statement of a T-SQL script (`transactSQL`) at the start of a line.
    static let statementStarts: [StaticString] = [
        "insert", "set", "create", "alter", "use", "print", "declare", "exec", "execute", "update", "delete", "drop",
        "if", "begin", "end", "commit", "select", "truncate",
    ]

    /// A token inside `VALUES`: tuples at depth 1, each element's first literal is its value.
    private mutating func value(_ kind: Token, visitor: inout some RecordVisitor) throws(ReadError) {
        switch kind {
        case .punct(UInt8(ascii: "(")):
            if depth == 0 {
                beginRow(line: tokLine, offset: tokOffset)
                element = 0; elementHasValue = false
            }
            depth += 1
            minus = false
        case .punct(UInt8(ascii: ")")):
            if depth > 0 {
                depth -= 1
                if depth == 1, let argument = functionArgument {
                    // The end of `to_date('13.05.70','DD.MM.RR')`: its date, with a four-digit year.
                    functionArgument = nil
                    tok = Self.expandingTwoDigitYear(argument.value, mask: functionMask ?? [])
                    (tokLine, tokOffset) = (argument.line, argument.offset)
                    functionMask = nil
                    cell(visitor: &visitor)
                }
                if depth == 0 { endRow(visitor: &visitor) }
            }
            minus = false
        case .punct(UInt8(ascii: ",")):
            if depth == 1 { element += 1; elementHasValue = false }
            minus = false
        case .punct(UInt8(ascii: "-")):
            minus = depth > 0 && !elementHasValue
        case .string, .number:
            if depth > 1 && kind == .string && !elementHasValue {
                // A function's first argument (Oracle's `to_date('13.05.70','DD.MM.RR')`): held
                // until the call ends, its format mask read.
                elementHasValue = true
                functionArgument = (tok, tokLine, tokOffset)
            } else if depth > 1 && kind == .string && functionArgument != nil && functionMask == nil {
                functionMask = tok
            } else if depth > 0 && !elementHasValue {
                elementHasValue = true
                if minus && kind == .number { tok.insert(UInt8(ascii: "-"), at: 0) }
                cell(visitor: &visitor)
            }
            minus = false
        case .word:
            if depth == 0 { stmt = .skip }  // ON DUPLICATE KEY UPDATE, RETURNING, …
            minus = false
        default:
            minus = false
        }
    }

    /// A date written with a two-digit year under its format mask (Oracle's `RR` or `YY`:
    /// `13.05.70` under `DD.MM.RR`) with four: the century that puts it no later than this
    /// year (`1970`; `14.02.05` is `2005`). Other values are returned as they are.
    static func expandingTwoDigitYear(_ value: [UInt8], mask: [UInt8]) -> [UInt8] {
        let fields = mask.split(whereSeparator: { !ASCII.isLetter($0) }).map { $0.map(ASCII.lower) }
        guard let year = fields.firstIndex(where: { $0 == Array("rr".utf8) || $0 == Array("yy".utf8) }) else { return value }
        // The value's digit runs, one per field of the mask.
        var runs: [Range<Int>] = []
        var i = 0
        while i < value.count {
            guard ASCII.isDigit(value[i]) else { i += 1; continue }
            let start = i
            while i < value.count && ASCII.isDigit(value[i]) { i += 1 }
            runs.append(start..<i)
        }
        guard runs.count >= fields.count, year < runs.count, runs[year].count == 2 else { return value }
        let yy = ASCII.digit(value[runs[year].lowerBound]) * 10 + ASCII.digit(value[runs[year].lowerBound + 1])
        let century = 2000 + yy <= currentYear ? 20 : 19
        var out = Array(value[..<runs[year].lowerBound])
        out.append(contentsOf: String(century).utf8)
        out.append(contentsOf: value[runs[year].lowerBound...])
        return out
    }

    static let currentYear = Calendar(identifier: .gregorian).component(.year, from: Date())

    // MARK: Tables, rows, columns

    private mutating func table(named name: String) -> Int {
        let key = name.lowercased()
        if let t = tableByKey[key] { return t }
        tables.append(Table(name: name))
        tableByKey[key] = tables.count - 1
        return tables.count - 1
    }

    private mutating func slot(_ t: Int, _ column: String) -> Int {
        let key = column.lowercased()
        if let s = tables[t].slotByName[key] { return s }
        let s = tables[t].slotNames.count
        tables[t].slotNames.append(column)
        tables[t].slotByName[key] = s
        tables[t].labelHints.append(classify(column))
        tables[t].sampledHints.append(nil)
        tables[t].ids.append(-1)
        tables[t].relations.append(Self.relationNamespace(table: tables[t].name, column: column, tables: tables.map(\.name)))
        tables[t].relationIDs.append(-1)
        return s
    }

    /// The row key a column holds, as a link-key namespace: a table's `id` is its rows' key
    /// (`sql:klient`), and `klient_id` (`KlientID`) in another table refers to it (`aadress.klient_id`), so
    /// a customer's address row joins the customer's row. The assembler scopes these keys to
    /// the dump (another dump's `klient` 1000 is someone else).
    ///
    /// A table's own key may be named for its last word (Magento's `customer_entity.entity_id`
    /// is `sql:customer_entity`, not every `*_entity` table's `entity_id`), and `parent_id`
    /// refers to the table named as this one without one word (`customer_address_entity`'s
    /// parent is `customer_entity`), when the dump has declared it (`tables`). A reference to
    /// a lookup table (`website_id`, `store_id`, `country_id`, `group_id`: every customer of
    /// one shop holds the same) joins no one.
    static func relationNamespace(table: String, column: String, tables: [String] = []) -> String? {
        func singular(_ w: String) -> String {
            w.count > 4 && w.hasSuffix("s") && !w.hasSuffix("ss") ? String(w.dropLast()) : w
        }
        func bareName(_ t: String) -> String { t.lowercased().split(separator: ".").last.map(String.init) ?? t.lowercased() }
        let key = column.lowercased()
        let bare = bareName(table)
        if key == "id" { return relationPrefix + singular(bare) }
        if key.count > 5, key.hasSuffix("_id") {
            let named = String(key.dropLast(3))
            if isLookup(named) { return nil }
            let words = bare.split(separator: "_")
            if words.count > 1, words.last.map(String.init) == named { return relationPrefix + singular(bare) }
            if named == "parent", words.count > 1 {
                for other in tables.map(bareName) where other != bare {
                    let o = other.split(separator: "_")
                    if o.count == words.count - 1, (0..<words.count).contains(where: { i in Array(words[..<i] + words[(i + 1)...]) == o }) {
                        return relationPrefix + singular(other)
                    }
                }
            }
            return relationPrefix + singular(named)
        }
        // SQL Server's and .NET's camel case: `KlientID`, `CustomerId`.
        if column.count > 4, column.hasSuffix("ID") || column.hasSuffix("Id"),
           let before = column.dropLast(2).last, before.isLetter, before.isLowercase {
            let named = String(key.dropLast(2))
            return isLookup(named) ? nil : relationPrefix + singular(named)
        }
        return nil
    }

    /// Lookup tables a row refers to (`website_id`): shared by many persons, no one's key.
    static let lookupTables: Set<String> = ["website", "site", "store", "shop", "group", "country", "region", "state",
                                            "province", "county", "status", "type", "currency", "language", "lang",
                                            "locale", "tax_class", "attribute_set", "category", "channel", "source"]

    /// Whether a reference names a lookup table, alone or as its last word (`store`,
    /// `customer_group`, `billing_country`, `order_status`).
    static func isLookup(_ named: String) -> Bool {
        lookupTables.contains(named) || named.split(separator: "_").last.map { lookupTables.contains(String($0)) } ?? false
    }

    /// The namespace prefix of the row keys of `relationNamespace`.
    public static let relationPrefix = "sql:"

    /// Rows of `tableName` follow (with `columnList` when `hasColumnList`).
    private mutating func beginData(visitor: inout some RecordVisitor) {
        let t = table(named: tableName)
        if let s = sampling, s != t { decide(s, visitor: &visitor) }
        if sampling == nil && !tables[t].decided { sampling = t }
        current = t
        let names = hasColumnList ? columnList : (tables[t].createColumns ?? [])
        slots = []
        for name in names { slots.append(slot(t, name)) }
        hasColumnList = false
        columnList = []
    }

    private mutating func beginRow(line: Int, offset: Int) {
        rowOpen = true
        rowLine = line; rowOffset = offset
        pending.clear()
    }

    private mutating func endCopyField(visitor: inout some RecordVisitor) {
        copyFieldOpen = false
        if !copyNull { cell(visitor: &visitor) }
    }

    /// The current token is the value of position `element` of the open row.
    private mutating func cell(visitor: inout some RecordVisitor) {
        guard rowOpen else { return }
        var a = 0, b = tok.count
        while a < b && tok[a] == Self.space { a += 1 }
        while b > a && tok[b - 1] == Self.space { b -= 1 }
        guard a < b else { return }
        while slots.count <= element { slots.append(slot(current, "column\(slots.count + 1)")) }
        let s = slots[element]
        if sampling == current {
            pending.append(Cell(slot: s, value: Array(tok[a..<b]), line: tokLine, offset: tokOffset + a))
            sampleByteCount += b - a
            return
        }
        if !recordOpen { visitor.beginRecord(line: rowLine, offset: rowOffset); recordOpen = true }
        let id = columnID(current, s, visitor: &visitor)
        let (line, offset) = (tokLine, tokOffset + a)
        tok.withUnsafeBufferPointer { visitor.field(UnsafeBufferPointer(rebasing: $0[a..<b]), column: id, line: line, offset: offset) }
        if let rel = relationID(current, s, visitor: &visitor) {
            tok.withUnsafeBufferPointer { visitor.field(UnsafeBufferPointer(rebasing: $0[a..<b]), column: rel, line: line, offset: offset) }
        }
    }

    /// The column of a slot's row key (`relationNamespace`), declared on first use; nil when the
    /// slot holds none.
    private mutating func relationID(_ t: Int, _ s: Int, visitor: inout some RecordVisitor) -> Int? {
        guard let ns = tables[t].relations[s] else { return nil }
        if tables[t].relationIDs[s] >= 0 { return tables[t].relationIDs[s] }
        let id = visitor.declareColumn(name: "\(tables[t].name).\(tables[t].slotNames[s]) (row key)", hint: .linkKey(namespace: ns))
        tables[t].relationIDs[s] = id
        return id
    }

    private mutating func endRow(visitor: inout some RecordVisitor) {
        guard rowOpen else { return }
        rowOpen = false
        if sampling == current {
            if !pending.isEmpty {
                sample.append(Row(line: rowLine, offset: rowOffset, cells: pending))
                pending.clear()
                if sample.count >= Self.sampleRows || sampleByteCount >= Self.sampleBytes { decide(current, visitor: &visitor) }
            }
        } else if recordOpen {
            visitor.endRecord()
            recordOpen = false
        }
    }

    private mutating func columnID(_ t: Int, _ s: Int, visitor: inout some RecordVisitor) -> Int {
        let id = tables[t].ids[s]
        if id >= 0 { return id }
        let hint = tables[t].labelHints[s] ?? tables[t].sampledHints[s] ?? .none
        let declared = visitor.declareColumn(name: "\(tables[t].name).\(tables[t].slotNames[s])", hint: hint)
        tables[t].ids[s] = declared
        return declared
    }

    /// Classifies the sampled table's unlabelled columns from the held-back rows, then delivers them.
    private mutating func decide(_ t: Int, visitor: inout some RecordVisitor) {
        sampling = nil
        tables[t].decided = true
        let rows = sample
        sample = []
        sampleByteCount = 0
        // As a header-less CSV's columns (`VALUES(90001,'P95535656','Kimberly','Schmidt',…)` of a
        // table whose `CREATE TABLE` is in another file): a first and a last name's neighbouring
        // columns too. Columns the statement or the table named are not sampled.
        let unlabelled = rows.map { row in
            row.cells.compactMap { c in tables[t].labelHints[c.slot] == nil ? (c.slot, c.value) : nil }
        }
        let sampled = CSVReader.sampledHints(unlabelled)
        for s in 0..<min(sampled.count, tables[t].slotNames.count) where tables[t].labelHints[s] == nil {
            tables[t].sampledHints[s] = sampled[s]
        }
        for row in rows {
            visitor.beginRecord(line: row.line, offset: row.offset)
            for c in row.cells {
                let id = columnID(t, c.slot, visitor: &visitor)
                c.value.withUnsafeBufferPointer { visitor.field($0, column: id, line: c.line, offset: c.offset) }
                if let rel = relationID(t, c.slot, visitor: &visitor) {
                    c.value.withUnsafeBufferPointer { visitor.field($0, column: rel, line: c.line, offset: c.offset) }
                }
            }
            visitor.endRecord()
        }
    }

    /// Drops an unfinished row and delivers the held-back rows.
    private mutating func flush(visitor: inout some RecordVisitor) {
        if rowOpen {
            rowOpen = false
            pending.removeAll()
            if recordOpen { visitor.endRecord(); recordOpen = false }
        }
        if let s = sampling { decide(s, visitor: &visitor) }
    }
}
