/// Compact encoding of a record's items in one BLOB: per item, varints of
/// (value id, element code, field + 1, line delta, offset delta). One row per record instead of
/// one per finding keeps the writer ahead of the scanner on dense data.
enum PackedItems {
    /// Item codes beyond element codes (0..<32), link keys (255) and staff values (253,
    /// `PendingItem.staffCode`): a controller attribution (value = controller id << 16 | rule id)
    /// and special-category reasons (`reasonBase` + category element code; value = rule id).
    static let controllerCode: UInt8 = 254
    static let reasonBase: UInt8 = 128

    struct Item: Equatable {
        var valueID: Int64   // 0 when the element has no stored value
        var code: UInt8
        var field: Int       // -1 free text
        var line: Int
        var offset: Int
    }

    static func encode(_ items: [Item], recordLine: Int, recordOffset: Int) -> [UInt8] {
        var out = [UInt8](); out.reserveCapacity(items.count * 8)
        for it in items { append(it, recordLine: recordLine, recordOffset: recordOffset, to: &out) }
        return out
    }

    /// Appends one item's encoding (the writer reuses one buffer per record).
    @inline(__always)
    static func append<S: ByteSink>(_ it: Item, recordLine: Int, recordOffset: Int, to out: inout S) {
        put(UInt64(it.valueID), &out)
        out.put(byte: it.code)
        put(UInt64(it.field + 1), &out)
        put(zigzag(it.line - recordLine), &out)
        put(zigzag(it.offset - recordOffset), &out)
    }

    /// Reads the varint at `i` (as written by `put`) and moves `i` past it; a varint cut by the end
    /// of `bytes` gives what was read.
    @inline(__always)
    static func get<C: RandomAccessCollection>(_ bytes: C, _ i: inout Int) -> UInt64 where C.Element == UInt8, C.Index == Int {
        var v: UInt64 = 0, shift: UInt64 = 0
        while i < bytes.endIndex {
            let b = bytes[i]; i += 1
            v |= UInt64(b & 0x7f) << shift
            if b & 0x80 == 0 { break }
            shift += 7
        }
        return v
    }

    static func decode(_ bytes: UnsafeRawBufferPointer, recordLine: Int, recordOffset: Int, _ body: (Item) -> Void) {
        var i = 0
        func get() -> UInt64 { PackedItems.get(bytes, &i) }
        while i < bytes.count {
            let value = Int64(get())
            guard i < bytes.count else { return }
            let code = bytes[i]; i += 1
            let field = Int(get()) - 1
            let line = recordLine + unzigzag(get())
            let offset = recordOffset + unzigzag(get())
            body(Item(valueID: value, code: code, field: field, line: line, offset: offset))
        }
    }

    @inline(__always) static func put<S: ByteSink>(_ v: UInt64, _ out: inout S) { out.put(varint: v) }
    @inline(__always) static func zigzag(_ v: Int) -> UInt64 { UInt64(bitPattern: Int64((v << 1) ^ (v >> 63))) }
    @inline(__always) static func unzigzag(_ v: UInt64) -> Int { Int(Int64(bitPattern: v >> 1) ^ -Int64(bitPattern: v & 1)) }

    /// Appends bytes after their varint length.
    static func putBytes<S: ByteSink>(_ b: UnsafeRawBufferPointer, _ out: inout S) {
        out.put(varint: UInt64(b.count))
        out.put(bytes: b)
    }

    /// Appends optional text: its UTF-8 length + 1 and bytes, or 0 for none.
    static func putText<S: ByteSink>(_ text: String?, _ out: inout S) {
        guard var text else { out.put(byte: 0); return }
        text.withUTF8 { t in
            out.put(varint: UInt64(t.count + 1))
            out.put(bytes: UnsafeRawBufferPointer(t))
        }
    }
}

/// Reads what `PackedItems.put`, `putBytes` and `putText` wrote, never past the end: every read
/// is nil once the data ends or a length points past it (a damaged box).
struct PackedCursor {
    let data: UnsafeRawBufferPointer
    private(set) var offset = 0

    init(_ data: UnsafeRawBufferPointer) { self.data = data }

    mutating func varint() -> Int? {
        guard offset < data.count else { return nil }
        let v = PackedItems.get(data, &offset)
        return v <= UInt64(Int.max) ? Int(v) : nil
    }

    mutating func take(_ n: Int) -> UnsafeRawBufferPointer? {
        guard n >= 0, n <= data.count - offset else { return nil }
        defer { offset += n }
        return UnsafeRawBufferPointer(rebasing: data[offset..<(offset + n)])
    }

    /// A varint length and that many bytes.
    mutating func bytes() -> UnsafeRawBufferPointer? { varint().flatMap { take($0) } }

    /// Optional text: `.some(nil)` for none, nil when damaged.
    mutating func text() -> UnsafeRawBufferPointer?? {
        guard let tag = varint() else { return nil }
        if tag == 0 { return .some(nil) }
        guard let t = take(tag - 1) else { return nil }
        return .some(t)
    }
}
