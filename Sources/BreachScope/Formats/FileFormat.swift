/// Formats read from the whole file rather than from a stream of text chunks: they need random
/// access (ZIP-based office files) or an external tool (PDF through `pdftotext`). Detected by
/// magic bytes, with the extension to tell ZIP-based formats apart.
public enum FileFormat: String, Sendable, CaseIterable {
    case xlsx
    case pdf
    case docx
    case ods
    case odt

    /// The file format of a document from its path and first bytes, or nil for stream formats.
    public static func detect(path: String, prefix: UnsafeBufferPointer<UInt8>) -> FileFormat? {
        func starts(_ magic: [UInt8]) -> Bool { prefix.count >= magic.count && zip(prefix, magic).allSatisfy { $0 == $1 } }
        let ext = path.split(separator: ".").last.map { $0.lowercased() } ?? ""
        if starts(Array("%PDF-".utf8)) { return .pdf }
        // Flat OpenDocument files (one XML file, not a ZIP package).
        if ext == "fods" && starts(Array("<".utf8)) { return .ods }
        if ext == "fodt" && starts(Array("<".utf8)) { return .odt }
        // Word 2003 XML (WordprocessingML in one file, `.xml` or `.doc`).
        if starts(Array("<".utf8)) || starts([0xEF, 0xBB, 0xBF, UInt8(ascii: "<")]) {
            let head = UnsafeBufferPointer(rebasing: prefix.prefix(1024))
            if CategoryMatcher.firstIndex(of: Array("progid=\"Word.Document\"".utf8), in: head) != nil
                || CategoryMatcher.firstIndex(of: Array("<w:wordDocument".utf8), in: head) != nil {
                return .docx
            }
        }
        if starts([0x50, 0x4B, 0x03, 0x04]) && (ext == "xlsx" || ext == "xlsm") { return .xlsx }
        if starts([0x50, 0x4B, 0x03, 0x04]) {
            // OpenDocument: the first member is `mimetype`, stored, at offset 30 (name) / 38 (value).
            let mime = prefix.count >= 38 ? Array(prefix[38..<Swift.min(prefix.count, 38 + 46)]) : []
            if ext == "ods" || mime.starts(with: Array("application/vnd.oasis.opendocument.spreadsheet".utf8)) { return .ods }
            if ext == "odt" || mime.starts(with: Array("application/vnd.oasis.opendocument.text".utf8)) { return .odt }
        }
        if ext == "docx" || ext == "docm" {
            // A password-protected Word file is a compound file: the reader reports it as encrypted.
            if starts([0x50, 0x4B, 0x03, 0x04]) || starts([0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1]) { return .docx }
        }
        return nil
    }
}

/// A reader that takes a whole file by path (see `FileFormat`) and delivers records to a
/// visitor like the stream readers do. Errors never contain document content.
public protocol FileDocumentReader {
    init(limits: ReadLimits)
    /// Reads the file; returns a short description for `status` (e.g. `"3 sheets"`, `"12 pages"`).
    mutating func read(path: String, visitor: inout some RecordVisitor) throws(ReadError) -> String
}

extension FileFormat {
    /// A ZIP whose name does not say what it is (`export.bin`, a renamed `.docx`): an office
    /// document when its directory holds the format's main part. Nil for other ZIPs (archives).
    static func sniffZip(path: String) -> FileFormat? {
        guard let dir = ZipDirectory.read(path: path) else { return nil }
        let names = Set(dir.items.map(\.name))
        if names.contains("word/document.xml") { return .docx }
        if names.contains("xl/workbook.xml") { return .xlsx }
        if names.contains("mimetype") && names.contains("content.xml") {
            // The mimetype member says which; the reader checks it again.
            if names.contains("Object 1/content.xml") { return nil }
            return dir.items.first?.name == "mimetype" ? nil : .odt
        }
        return nil
    }

    static func isZip(_ prefix: UnsafeBufferPointer<UInt8>) -> Bool {
        prefix.count >= 4 && prefix[0] == 0x50 && prefix[1] == 0x4B && prefix[2] == 3 && prefix[3] == 4
    }

    /// Legacy binary Office and Outlook files (OLE compound documents) are not read: the reason
    /// names the format and what to do. Nil for other files.
    static func legacyReason(path: String, prefix: UnsafeBufferPointer<UInt8>) -> String? {
        let magic: [UInt8] = [0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1]
        guard prefix.count >= 8, zip(prefix, magic).allSatisfy({ $0 == $1 }) else { return nil }
        let ext = path.split(separator: ".").last.map { $0.lowercased() } ?? ""
        switch ext {
        case "xls": return "legacy Excel .xls (BIFF) is not supported; save it as .xlsx and scan again"
        case "doc": return "legacy Word .doc is not supported; save it as .docx and scan again"
        case "ppt": return "legacy PowerPoint .ppt is not supported"
        case "msg": return "Outlook .msg is not supported; export the message as .eml and scan again"
        default: return "OLE compound file (legacy Office .xls/.doc/.ppt or Outlook .msg) is not supported"
        }
    }
}
