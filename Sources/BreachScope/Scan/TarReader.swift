import Foundation

/// Lists the members of a tar file (ustar, GNU long names, pax `path`/`size` records) by reading
/// its 512-byte headers; member data is never read here, only located (offset and size), so a
/// member can later be copied out by range. Stops at the end marker, at the first header with a
/// bad checksum, or at a member that runs past the end of the file — members listed before
/// the damage are kept and the damage is reported.
struct TarReader {
    /// One tar header as listed.
    struct Entry: Equatable {
        var name: String
        /// The tar type flag (`0`, `\0` and `7` are regular files, `5` a directory, …).
        var type: UInt8
        var offset: Int
        var size: Int

        var isRegular: Bool { type == 0 || type == UInt8(ascii: "0") || type == UInt8(ascii: "7") }
        var isDirectory: Bool { type == UInt8(ascii: "5") }
        var isLink: Bool { type == UInt8(ascii: "1") || type == UInt8(ascii: "2") }
    }

    /// Whether 512+ bytes start like a ustar/GNU tar archive.
    static func hasMagic(_ prefix: [UInt8]) -> Bool {
        prefix.count >= 262 && Array(prefix[257..<262]) == Array("ustar".utf8)
    }

    /// Lists at most `maxEntries` entries (directories included) of the tar file at `path`.
    static func list(path: String, maxEntries: Int) -> (entries: [Entry], error: String?) {
        let fd = open(path, O_RDONLY)
        guard fd >= 0 else { return ([], "cannot open tar data (errno \(errno))") }
        defer { close(fd) }
        var st = stat()
        guard fstat(fd, &st) == 0 else { return ([], "cannot stat tar data (errno \(errno))") }
        let fileSize = Int(st.st_size)
        var out: [Entry] = []
        var offset = 0
        var longName: String?
        var paxName: String?
        var paxSize: Int?
        var header = [UInt8](repeating: 0, count: 512)
        while out.count < maxEntries {
            if offset + 512 > fileSize {
                return (out, offset == fileSize && offset > 0 ? nil : "tar: truncated at byte \(offset) (end marker missing)")
            }
            guard readAt(fd, &header, offset: offset) else { return (out, "tar: read error at byte \(offset)") }
            if header.allSatisfy({ $0 == 0 }) { return (out, nil) }
            guard checksumOK(header) else { return (out, "tar: bad header checksum at byte \(offset)") }
            guard let rawSize = number(header[124..<136]), rawSize >= 0 else {
                return (out, "tar: bad size field at byte \(offset)")
            }
            let type = header[156]
            let size = paxSize ?? rawSize
            let dataOffset = offset + 512
            let next = dataOffset + (size + 511) / 512 * 512
            guard size <= fileSize - dataOffset else {
                return (out, "tar: member at byte \(offset) runs past the end of the data (truncated)")
            }
            switch type {
            case UInt8(ascii: "L"), UInt8(ascii: "x"), UInt8(ascii: "K"), UInt8(ascii: "g"):
                guard size <= 1 << 20 else { return (out, "tar: extended header over 1 MiB at byte \(offset)") }
                var data = [UInt8](repeating: 0, count: size)
                guard size == 0 || readAt(fd, &data, offset: dataOffset) else { return (out, "tar: read error at byte \(dataOffset)") }
                if type == UInt8(ascii: "L") {
                    longName = String(decoding: data.prefix { $0 != 0 }, as: UTF8.self)
                } else if type == UInt8(ascii: "x") {
                    let pax = parsePax(data)
                    if let p = pax.path { paxName = p }
                    if let s = pax.size { paxSize = s }
                }
                offset = next
                continue
            default:
                break
            }
            let name = paxName ?? longName ?? ustarName(header)
            out.append(Entry(name: name, type: type, offset: dataOffset, size: size))
            longName = nil; paxName = nil; paxSize = nil
            offset = next
        }
        return (out, nil)
    }

    static func ustarName(_ h: [UInt8]) -> String {
        let name = cString(h[0..<100])
        let isUstar = Array(h[257..<263]) == Array("ustar\0".utf8)
        let prefix = isUstar ? cString(h[345..<500]) : ""
        return prefix.isEmpty ? name : prefix + "/" + name
    }

    static func cString(_ bytes: ArraySlice<UInt8>) -> String {
        String(decoding: bytes.prefix { $0 != 0 }, as: UTF8.self)
    }

    /// Octal (NUL/space terminated) or GNU base-256 number.
    static func number(_ field: ArraySlice<UInt8>) -> Int? {
        guard let first = field.first else { return nil }
        if first & 0x80 != 0 {
            var v = 0
            for (i, b) in field.enumerated() {
                let byte = i == 0 ? b & 0x7F : b
                guard v <= (Int.max >> 8) else { return nil }
                v = v << 8 | Int(byte)
            }
            return v
        }
        var v = 0
        var seen = false
        for b in field {
            if b == 0 || b == 0x20 { if seen { break } else { continue } }
            guard b >= 0x30 && b <= 0x37, v <= (Int.max >> 3) else { return nil }
            v = v << 3 | Int(b - 0x30)
            seen = true
        }
        return v
    }

    static func checksumOK(_ h: [UInt8]) -> Bool {
        guard let stored = number(h[148..<156]) else { return false }
        var unsigned = 0, signed = 0
        for (i, b) in h.enumerated() {
            let v = (148..<156).contains(i) ? 0x20 : b
            unsigned += Int(v)
            signed += Int(Int8(bitPattern: v))
        }
        return stored == unsigned || stored == signed
    }

    /// `path` and `size` of a pax extended header (`"<len> key=value\n"` records).
    static func parsePax(_ data: [UInt8]) -> (path: String?, size: Int?) {
        var path: String?, size: Int?
        var i = 0
        while i < data.count {
            var j = i
            var len = 0
            while j < data.count, data[j] >= 0x30, data[j] <= 0x39, len < 1 << 20 { len = len * 10 + Int(data[j] - 0x30); j += 1 }
            // The length counts the whole record, its own digits and the space included.
            guard len > 0, j < data.count, data[j] == 0x20, i + len <= data.count, j + 1 <= i + len else { break }
            let record = data[(j + 1)..<(i + len)]
            if let eq = record.firstIndex(of: UInt8(ascii: "=")) {
                let key = String(decoding: record[record.startIndex..<eq], as: UTF8.self)
                var value = record[(eq + 1)...]
                if value.last == 0x0A { value = value.dropLast() }
                if key == "path" { path = String(decoding: value, as: UTF8.self) }
                if key == "size", let s = Int(String(decoding: value, as: UTF8.self)), s >= 0 { size = s }
            }
            i += len
        }
        return (path, size)
    }

    static func readAt(_ fd: Int32, _ buffer: inout [UInt8], offset: Int) -> Bool {
        var done = 0
        let count = buffer.count
        while done < count {
            let r = buffer.withUnsafeMutableBytes { pread(fd, $0.baseAddress! + done, count - done, off_t(offset + done)) }
            if r < 0 { if errno == EINTR { continue }; return false }
            if r == 0 { return false }
            done += r
        }
        return true
    }
}
