import Foundation

/// Where the packers (`PackedItems`, `StoredPerson`, `PersonBoxes`) append bytes: a `[UInt8]`, or
/// a `ByteWriter` in the hot loops.
protocol ByteSink {
    mutating func put(byte: UInt8)
    /// An unsigned LEB128 varint (7 bits a byte, low first).
    mutating func put(varint: UInt64)
    mutating func put(bytes: UnsafeRawBufferPointer)
    /// Appends what `body` writes after its length as a varint (the length is written first as
    /// one byte and widened when the part turns out longer than 127 bytes).
    mutating func putSized(_ body: (inout Self) -> Void)
}

extension Array: ByteSink where Element == UInt8 {
    @inline(__always) mutating func put(byte: UInt8) { append(byte) }
    @inline(__always) mutating func put(varint: UInt64) {
        var v = varint
        while v >= 0x80 { append(UInt8(v & 0x7f) | 0x80); v >>= 7 }
        append(UInt8(v))
    }
    @inline(__always) mutating func put(bytes: UnsafeRawBufferPointer) { append(contentsOf: bytes) }
    mutating func putSized(_ body: (inout [UInt8]) -> Void) {
        let start = count + 1
        append(0)
        body(&self)
        let n = count - start
        if n < 0x80 { self[start - 1] = UInt8(n); return }
        var length: [UInt8] = []
        length.put(varint: UInt64(n))
        replaceSubrange((start - 1)..<start, with: length)
    }
}

/// Bytes written through a pointer: no uniqueness or bounds check per byte, which
/// `[UInt8].append` does (a third of the person packer's time was those checks and
/// `removeAll(keepingCapacity:)`). A plain struct with manual memory: whoever makes one calls
/// `take()` (an owning `OwnedBytes`) or `free()` exactly once.
struct ByteWriter: ByteSink {
    private(set) var base: UnsafeMutablePointer<UInt8>
    private(set) var count = 0
    private var capacity: Int

    init(capacity: Int) {
        self.capacity = max(capacity, 64)
        base = .allocate(capacity: self.capacity)
    }

    @inline(__always) mutating func reserve(_ n: Int) {
        if _slowPath(count + n > capacity) { grow(to: count + n) }
    }

    @inline(never) private mutating func grow(to need: Int) {
        let c = max(need, capacity * 2)
        let bigger = UnsafeMutablePointer<UInt8>.allocate(capacity: c)
        bigger.initialize(from: base, count: count)
        base.deallocate()
        base = bigger
        capacity = c
    }

    @inline(__always) mutating func put(byte: UInt8) {
        reserve(1)
        base[count] = byte
        count += 1
    }

    /// One capacity check per varint.
    @inline(__always) mutating func put(varint: UInt64) {
        reserve(10)
        var v = varint
        while v >= 0x80 {
            base[count] = UInt8(truncatingIfNeeded: v) | 0x80
            count += 1
            v >>= 7
        }
        base[count] = UInt8(v)
        count += 1
    }

    @inline(__always) mutating func put(bytes: UnsafeRawBufferPointer) {
        guard let from = bytes.baseAddress, bytes.count > 0 else { return }
        reserve(bytes.count)
        UnsafeMutableRawPointer(base + count).copyMemory(from: from, byteCount: bytes.count)
        count += bytes.count
    }

    @inline(__always) mutating func putSized(_ body: (inout ByteWriter) -> Void) {
        reserve(1)
        let start = count + 1
        count = start
        body(&self)
        let n = count - start
        if _fastPath(n < 0x80) { base[start - 1] = UInt8(n) } else { widenLength(start: start) }
    }

    /// Moves a part of 128 bytes or more right to make room for its longer length.
    @inline(never) private mutating func widenLength(start: Int) {
        let n = count - start
        var extra = 0
        var v = n >> 7
        while v > 0 { extra += 1; v >>= 7 }
        reserve(extra)
        memmove(base + start + extra, base + start, n)
        var w = start - 1
        v = n
        while v >= 0x80 { base[w] = UInt8(truncatingIfNeeded: v) | 0x80; w += 1; v >>= 7 }
        base[w] = UInt8(v)
        count += extra
    }

    /// Starts over, keeping the memory.
    mutating func removeAll() { count = 0 }

    /// The bytes written so far (valid until the next write).
    var bytes: UnsafeRawBufferPointer { UnsafeRawBufferPointer(start: base, count: count) }

    /// Hands the bytes to an owner that frees them; this writer must not be used again.
    consuming func take() -> OwnedBytes { OwnedBytes(base: base, count: count) }

    /// Frees the bytes; this writer must not be used again.
    consuming func free() { base.deallocate() }
}

/// Bytes a `ByteWriter` wrote, freed with their owner.
final class OwnedBytes: @unchecked Sendable {
    private let base: UnsafeMutablePointer<UInt8>
    let count: Int

    fileprivate init(base: UnsafeMutablePointer<UInt8>, count: Int) {
        self.base = base
        self.count = count
    }

    deinit { base.deallocate() }

    /// The bytes; valid while this owner lives.
    var bytes: UnsafeRawBufferPointer { UnsafeRawBufferPointer(start: base, count: count) }
}
