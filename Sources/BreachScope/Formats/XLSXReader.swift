/// Excel 2007+ workbooks (`.xlsx`). Not built yet: documents are recorded as skipped with the
/// reason, so none is passed over silently (issue #3).
public struct XLSXReader: FileDocumentReader {
    public init(limits: ReadLimits) {}
    public mutating func read(path: String, visitor: inout some RecordVisitor) throws(ReadError) -> String {
        throw ReadError(.unsupported, "XLSX spreadsheets are not read yet (planned)")
    }
}
