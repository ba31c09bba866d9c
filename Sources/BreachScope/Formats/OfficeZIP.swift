import Foundation
import ZIPFoundation

/// Shared plumbing of the ZIP-based document readers (`XLSXReader`, `DOCXReader`, `ODFReader`): opening the
/// archive with the same errors as `XLSXReader`, and streaming one member through an
/// `XMLScanner`. Messages name parts, never content.
enum OfficeZIP {
    /// Opens `path` as a ZIP archive: not a ZIP → `.malformed`; a legacy/encrypted compound
    /// file (`D0 CF 11 E0`, which is how Office stores password-protected documents) or an
    /// encrypted member → `.unsupported`.
    static func open(path: String) throws(ReadError) -> Archive {
        if isCompoundFile(path: path) { throw ReadError(.unsupported, "encrypted or legacy binary document, not scanned") }
        let archive: Archive
        do { archive = try Archive(url: URL(fileURLWithPath: path), accessMode: .read) } catch {
            throw ReadError(.malformed, "not a valid ZIP archive")
        }
        if XLSXReader.hasEncryptedMember(path: path) { throw ReadError(.unsupported, "encrypted, not scanned") }
        return archive
    }

    /// Whether the file starts with the OLE compound-file magic.
    static func isCompoundFile(path: String) -> Bool {
        let fd = Foundation.open(path, O_RDONLY)
        guard fd >= 0 else { return false }
        defer { close(fd) }
        var magic = [UInt8](repeating: 0, count: 8)
        guard magic.withUnsafeMutableBytes({ pread(fd, $0.baseAddress, 8, 0) }) == 8 else { return false }
        return magic == [0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1]
    }

    /// Streams a ZIP member through an `XMLScanner`, calling `handle` for each tag.
    static func parse(_ archive: Archive, _ entry: Entry, part: String, maxTextBytes: Int,
                      _ handle: (inout XMLScanner, XMLEvent) throws(ReadError) -> Void) throws(ReadError) {
        var scanner = XMLScanner(maxTextBytes: maxTextBytes)
        let checksum: CRC32
        do {
            checksum = try ZipInflate.extract(archive, entry, bufferSize: 64 * 1024, skipCRC32: false) { data in
                try data.withUnsafeBytes { (raw: UnsafeRawBufferPointer) in
                    let p = raw.bindMemory(to: UInt8.self)
                    var i = 0
                    while let event = try scanner.next(p, at: &i) { try handle(&scanner, event) }
                }
            }
        } catch let error as ReadError {
            throw error
        } catch {
            throw ReadError(.malformed, "\(part) could not be decompressed (damaged archive)")
        }
        if checksum != entry.checksum { throw ReadError(.malformed, "\(part) fails its checksum (damaged archive)") }
    }

    /// Appends a paragraph's text (trimmed) to a table cell, space-separated, within `max` bytes.
    static func appendToCell(_ cell: inout [UInt8], _ text: [UInt8], max: Int) throws(ReadError) {
        let piece = text.withUnsafeBufferPointer { trimmed($0) }
        guard !piece.isEmpty else { return }
        if cell.count + piece.count + 1 > max { throw ReadError(.limit, "a table cell is longer than the limit of \(max) bytes") }
        if !cell.isEmpty { cell.append(0x20) }
        cell.append(contentsOf: piece)
    }

    /// Bytes with ASCII white space trimmed at both ends.
    static func trimmed(_ p: UnsafeBufferPointer<UInt8>) -> UnsafeBufferPointer<UInt8> {
        func space(_ b: UInt8) -> Bool { b == 0x20 || b == 0x09 || b == 0x0A || b == 0x0D }
        var a = 0, b = p.count
        while a < b && space(p[a]) { a += 1 }
        while b > a && space(p[b - 1]) { b -= 1 }
        return UnsafeBufferPointer(rebasing: p[a..<b])
    }
}

/// Feeds paragraphs to a `TextReader` as lines and passes its records on with the paragraph
/// index as their line (offsets 0: a paragraph has no byte offset in the file). Holds the
/// visitor by pointer for the duration of one `read`.
struct ParagraphVisitor<Base: RecordVisitor>: RecordVisitor {
    let base: UnsafeMutablePointer<Base>
    /// The paragraph whose text is being fed.
    var paragraph = 0

    mutating func declareColumn(name: String, hint: FieldHint) -> Int { base.pointee.declareColumn(name: name, hint: hint) }
    mutating func beginRecord(line: Int, offset: Int) { base.pointee.beginRecord(line: paragraph, offset: 0) }
    mutating func field(_ value: UnsafeBufferPointer<UInt8>, column: Int, line: Int, offset: Int) {
        base.pointee.field(value, column: column, line: paragraph, offset: 0)
    }
    mutating func endRecord() { base.pointee.endRecord() }
}

/// The text side of a word-processing document: paragraphs as lines of a `TextReader` (labelled
/// `Label: value` lines become fields, blank paragraphs separate records).
struct ParagraphText<Base: RecordVisitor> {
    var reader: TextReader
    var visitor: ParagraphVisitor<Base>
    private static var newline: [UInt8] { [0x0A] }

    init(limits: ReadLimits, base: UnsafeMutablePointer<Base>) {
        reader = TextReader(limits: limits)
        visitor = ParagraphVisitor(base: base)
    }

    /// One paragraph's text (may contain tabs and newlines) numbered `index`.
    mutating func paragraph(_ text: [UInt8], index: Int) throws(ReadError) {
        visitor.paragraph = index
        try text.withUnsafeBufferPointer { (p) throws(ReadError) in try reader.consume(p, visitor: &visitor) }
        try Self.newline.withUnsafeBufferPointer { (p) throws(ReadError) in try reader.consume(p, visitor: &visitor) }
    }

    /// Ends the current text record (before a table, between parts).
    mutating func breakRecord() throws(ReadError) {
        try Self.newline.withUnsafeBufferPointer { (p) throws(ReadError) in try reader.consume(p, visitor: &visitor) }
    }

    mutating func finish() throws(ReadError) { try reader.finish(visitor: &visitor) }
}
