/// A reader turns one document's decoded UTF-8 bytes into records of fields (see `RecordVisitor`).
/// Readers are push parsers: the scanner feeds the document in chunks of any size (a field, a
/// quoted CSV cell or a JSON string may span chunks), so no reader ever needs the whole file.
public protocol DocumentReader {
    /// Consume the next chunk of UTF-8 bytes.
    mutating func consume(_ chunk: UnsafeBufferPointer<UInt8>, visitor: inout some RecordVisitor) throws(ReadError)
    /// The input ended: flush the last record, or throw if the document is truncated/broken.
    mutating func finish(visitor: inout some RecordVisitor) throws(ReadError)
}
