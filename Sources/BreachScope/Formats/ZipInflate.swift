import Foundation
import ZIPFoundation
#if canImport(CZlib)
import CZlib
#endif

/// Extracts one ZIP member with its deflate stream bounded by the member's compressed size.
///
/// ZIPFoundation 0.9 on Linux inflates a member until its deflate stream ends, reading on past
/// the member to the end of the file; a stream that never ends there (a damaged or hostile
/// member, e.g. a stored deflate block whose length runs past the end of the file) makes it
/// loop forever at end of file (found by fuzzing). Here the member's compressed bytes are read
/// exactly and inflated with zlib; a stream that does not end within them is an error. Stored
/// members, and platforms without the `CZlib` module, use ZIPFoundation's own extraction.
enum ZipInflate {
    /// The member's deflate data is damaged (does not end within its compressed size, or zlib
    /// rejects it).
    struct Damaged: Error {}

    /// Like `Archive.extract(_:bufferSize:skipCRC32:consumer:)`: calls `consumer` with the
    /// member's bytes in chunks of at most `bufferSize`; returns the CRC-32 (0 when skipped).
    static func extract(_ archive: Archive, _ entry: Entry, bufferSize: Int, skipCRC32: Bool,
                        consumer: (Data) throws -> Void) throws -> CRC32 {
        #if canImport(CZlib)
        guard entry.type == .file, entry.isCompressed, let headerOffset = localHeaderOffset(entry) else {
            return try archive.extract(entry, bufferSize: bufferSize, skipCRC32: skipCRC32, consumer: consumer)
        }
        let fd = open(archive.url.path, O_RDONLY)
        guard fd >= 0 else { throw Damaged() }
        defer { close(fd) }
        // Local header: signature, …, name length at 26, extra length at 28, then the data.
        var header = [UInt8](repeating: 0, count: 30)
        guard headerOffset <= UInt64(Int.max - 30), TarReader.readAt(fd, &header, offset: Int(headerOffset)),
              header[0] == 0x50, header[1] == 0x4B, header[2] == 3, header[3] == 4 else { throw Damaged() }
        let nameLength = Int(header[26]) | Int(header[27]) << 8
        let extraLength = Int(header[28]) | Int(header[29]) << 8
        let dataOffset = Int(headerOffset) + 30 + nameLength + extraLength
        guard entry.compressedSize <= UInt64(Int.max - dataOffset) else { throw Damaged() }
        var remaining = Int(entry.compressedSize)

        var stream = z_stream()
        guard inflateInit2_(&stream, -MAX_WBITS, ZLIB_VERSION, Int32(MemoryLayout<z_stream>.size)) == Z_OK else { throw Damaged() }
        defer { inflateEnd(&stream) }
        let size = Swift.max(bufferSize, 1)
        var input = [UInt8](repeating: 0, count: size)
        var output = [UInt8](repeating: 0, count: size)
        var crc: UInt = 0
        var position = dataOffset
        var ended = false
        while !ended {
            let count = Swift.min(size, remaining)
            if count > 0 {
                input.clear()
                input.append(contentsOf: repeatElement(0, count: count))
                guard TarReader.readAt(fd, &input, offset: position) else { throw Damaged() }  // truncated file
                position += count
                remaining -= count
            }
            try input.withUnsafeMutableBufferPointer { inBuf in
                stream.next_in = inBuf.baseAddress
                stream.avail_in = UInt32(count)
                repeat {
                    let (result, produced) = output.withUnsafeMutableBufferPointer { outBuf -> (Int32, Int) in
                        stream.next_out = outBuf.baseAddress
                        stream.avail_out = UInt32(size)
                        let r = inflate(&stream, Z_NO_FLUSH)
                        return (r, size - Int(stream.avail_out))
                    }
                    guard result == Z_OK || result == Z_STREAM_END || result == Z_BUF_ERROR else { throw Damaged() }
                    if produced > 0 {
                        if !skipCRC32 { crc = output.withUnsafeBufferPointer { CZlib.crc32(crc, $0.baseAddress, UInt32(produced)) } }
                        try consumer(Data(output[0..<produced]))
                    }
                    if result == Z_STREAM_END { ended = true; return }
                    // More output may be pending while the output buffer came back full.
                    if produced < size && stream.avail_in == 0 { return }
                    if result == Z_BUF_ERROR && produced == 0 { return }
                } while true
            }
            if !ended && count == 0 { throw Damaged() }  // all compressed bytes used, stream not ended
        }
        return CRC32(skipCRC32 ? 0 : crc)
        #else
        return try archive.extract(entry, bufferSize: bufferSize, skipCRC32: skipCRC32, consumer: consumer)
        #endif
    }

    /// The offset of the member's local header, read from ZIPFoundation's parsed central
    /// directory record (not public API: nil when its layout changes, and the caller falls back).
    static func localHeaderOffset(_ entry: Entry) -> UInt64? {
        guard let record = Mirror(reflecting: entry).descendant("centralDirectoryStructure") else { return nil }
        let mirror = Mirror(reflecting: record)
        if let zip64 = mirror.descendant("zip64ExtendedInformation", "some", "relativeOffsetOfLocalHeader") as? UInt64, zip64 > 0 {
            return zip64
        }
        return (mirror.descendant("relativeOffsetOfLocalHeader") as? UInt32).map(UInt64.init)
    }
}
