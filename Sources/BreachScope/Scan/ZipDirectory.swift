import Foundation

/// The general-purpose flags of a ZIP file's central directory entries, in directory order, and
/// the entry count the end record declares (ZIP64 included). ZIPFoundation does not expose the
/// encryption bit; this small reader does, so encrypted members are reported, not misread.
struct ZipDirectory {
    /// One central directory entry (sizes as the 32-bit fields give them).
    struct Item {
        var flags: UInt16
        var name: String
        var size: Int
        var isEncrypted: Bool { flags & 1 != 0 }
        var isDirectory: Bool { name.hasSuffix("/") }
    }
    var items: [Item]
    var flags: [UInt16] { items.map(\.flags) }
    var declaredCount: Int

    static func read(path: String) -> ZipDirectory? {
        let fd = open(path, O_RDONLY)
        guard fd >= 0 else { return nil }
        defer { close(fd) }
        var st = stat()
        guard fstat(fd, &st) == 0 else { return nil }
        let size = Int(st.st_size)
        let tailCount = min(size, 65_557)
        guard tailCount >= 22, let tail = bytes(fd, offset: size - tailCount, count: tailCount) else { return nil }
        var eocd = -1
        var i = tailCount - 22
        while i >= 0 {
            if tail[i] == 0x50 && tail[i + 1] == 0x4B && tail[i + 2] == 5 && tail[i + 3] == 6 { eocd = i; break }
            i -= 1
        }
        guard eocd >= 0 else { return nil }
        var count = Int(u16(tail, eocd + 10))
        var cdSize = Int(u32(tail, eocd + 12))
        var cdOffset = Int(u32(tail, eocd + 16))
        if count == 0xFFFF || cdSize == 0xFFFF_FFFF || cdOffset == 0xFFFF_FFFF {
            // ZIP64: the locator sits just before the end record.
            let loc = eocd - 20
            guard loc >= 0, u32(tail, loc) == 0x0706_4B50 else { return nil }
            let recordOffset = Int(clamping: u64(tail, loc + 8))
            guard recordOffset >= 0, recordOffset <= size - 56, let rec = bytes(fd, offset: recordOffset, count: 56),
                  u32(rec, 0) == 0x0606_4B50 else { return nil }
            count = Int(clamping: u64(rec, 32))
            cdSize = Int(clamping: u64(rec, 40))
            cdOffset = Int(clamping: u64(rec, 48))
        }
        guard cdOffset >= 0, cdSize >= 0, cdSize <= 512 << 20, cdOffset <= size - cdSize,
              let cd = bytes(fd, offset: cdOffset, count: cdSize) else { return nil }
        var items: [Item] = []
        var p = 0
        while p + 46 <= cd.count, u32(cd, p) == 0x0201_4B50 {
            let nameLength = Int(u16(cd, p + 28))
            guard p + 46 + nameLength <= cd.count else { break }
            let name = String(decoding: cd[(p + 46)..<(p + 46 + nameLength)], as: UTF8.self)
            items.append(Item(flags: u16(cd, p + 8), name: name, size: Int(u32(cd, p + 24))))
            p += 46 + nameLength + Int(u16(cd, p + 30)) + Int(u16(cd, p + 32))
        }
        return ZipDirectory(items: items, declaredCount: count)
    }

    static func bytes(_ fd: Int32, offset: Int, count: Int) -> [UInt8]? {
        var buf = [UInt8](repeating: 0, count: count)
        return TarReader.readAt(fd, &buf, offset: offset) || count == 0 ? buf : nil
    }

    static func u16(_ b: [UInt8], _ i: Int) -> UInt16 { UInt16(b[i]) | UInt16(b[i + 1]) << 8 }
    static func u32(_ b: [UInt8], _ i: Int) -> UInt32 { UInt32(u16(b, i)) | UInt32(u16(b, i + 2)) << 16 }
    static func u64(_ b: [UInt8], _ i: Int) -> UInt64 { UInt64(u32(b, i)) | UInt64(u32(b, i + 4)) << 32 }
}
