/// Receives what a `DocumentReader` finds in a document: declared columns, then records made of
/// fields. Readers call it in this order for each record: `beginRecord`, any number of `field`,
/// `endRecord`. Field bytes are only valid during the call (copy what you keep).
public protocol RecordVisitor {
    /// Declares a column / JSON path / text label once per document and returns the id used in
    /// `field(…)`. `name` is the header text, the JSON path with array indices as `[]`
    /// (`$.customers[].email`), or the text label (`Nimi`). `hint` is what the name says.
    mutating func declareColumn(name: String, hint: FieldHint) -> Int
    /// A record starts (a CSV row, a JSON object in an array, an NDJSON line, a text block).
    /// `line` is 1-based; `offset` is the byte offset in the decoded document.
    mutating func beginRecord(line: Int, offset: Int)
    /// One field value (UTF-8). `column` is a declared column id, or `-1` for free text.
    mutating func field(_ value: UnsafeBufferPointer<UInt8>, column: Int, line: Int, offset: Int)
    /// The record ends.
    mutating func endRecord()
    /// Whether a text label the classifier does not know should still become a column (a label
    /// a controller rule names, such as `Tellija`). Default: no.
    func wantsLabel(_ name: String) -> Bool
}

extension RecordVisitor {
    public func wantsLabel(_ name: String) -> Bool { false }
}

/// Why a document could not be (fully) read. The message is shown to users and stored: it must
/// never contain document content (no values, only positions and sizes).
public struct ReadError: Error, Sendable, Equatable, CustomStringConvertible {
    public enum Kind: String, Sendable {
        /// The file could not be opened or read (permissions, I/O).
        case io
        /// Structurally broken (unterminated quote, invalid JSON, truncated file).
        case malformed
        /// A configured limit was exceeded (nesting depth, field size, line size).
        case limit
        /// Not a text format we read (binary, unknown type).
        case unsupported
    }
    public var kind: Kind
    public var message: String
    public init(_ kind: Kind, _ message: String) { self.kind = kind; self.message = message }
    public var description: String { message }
}

/// Limits that keep hostile input from taking unbounded memory or time.
public struct ReadLimits: Sendable {
    /// Longest CSV field or JSON string/number token kept in memory.
    public var maxFieldBytes: Int = 16 << 20
    /// Deepest JSON nesting accepted.
    public var maxDepth: Int = 512
    /// Longest text line processed as one span; longer lines are cut into overlapping pieces.
    public var maxLineBytes: Int = 1 << 20
    public init() {}
}
