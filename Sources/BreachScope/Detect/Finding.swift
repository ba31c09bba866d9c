/// One detected, validated value at one location in a document.
public struct Finding: Sendable, Hashable {
    /// The element the value exposes.
    public var element: ElementType
    /// Set for national IDs, e-mails and phones (the strong identifiers persons are resolved on).
    public var identifier: IdentifierType?
    /// The normalised value as UTF-8 bytes: digits only for most national IDs (HETU keeps its
    /// century sign, e.g. `010594Y9021`), E.164 for phones (`+37251234567`), lower-cased trimmed
    /// e-mails, IBAN without spaces in upper case, card digits, ISO dates `YYYY-MM-DD`,
    /// names/addresses with whitespace collapsed.
    public var value: [UInt8]
    /// Byte offset of the match within the span that was scanned (the scanner adds the span's
    /// document offset).
    public var offset: Int
    /// Length in bytes of the matched text in the span.
    public var length: Int

    public init(element: ElementType, identifier: IdentifierType? = nil, value: [UInt8], offset: Int, length: Int) {
        self.element = element
        self.identifier = identifier
        self.value = value
        self.offset = offset
        self.length = length
    }

    /// Convenience for tests and diagnostics (never log this: it is personal data).
    public var valueString: String { String(decoding: value, as: UTF8.self) }
}
