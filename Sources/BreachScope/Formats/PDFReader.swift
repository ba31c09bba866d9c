/// PDF documents. Not built yet: documents are recorded as skipped with the reason, so none is
/// passed over silently (issue #3).
public struct PDFReader: FileDocumentReader {
    public init(limits: ReadLimits) {}
    public mutating func read(path: String, visitor: inout some RecordVisitor) throws(ReadError) -> String {
        throw ReadError(.unsupported, "PDF documents are not read yet (planned)")
    }
}
