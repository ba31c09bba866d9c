/// Streaming conversion of a document in a `TextEncoding` to UTF-8, chunk by chunk.
///
/// - Byte-order marks at the start are dropped (a UTF-16 BOM also fixes the byte order).
/// - UTF-8 is passed through after validation: each maximal invalid subpart becomes U+FFFD.
/// - UTF-16 surrogate pairs are combined; lone surrogates become U+FFFD.
/// - Single-byte codepages go through a 256-entry table; undefined bytes become U+FFFD.
///
/// Sequences split across chunks (a UTF-8 sequence, a UTF-16 unit or surrogate pair, the BOM) are
/// carried over, so the output does not depend on how the input was chunked. Every U+FFFD that
/// replaces bad input is counted in `invalidSequences`.
public struct Transcoder {
    /// The source encoding.
    public let encoding: TextEncoding
    /// How many invalid or undefined input sequences were replaced by U+FFFD so far.
    public private(set) var invalidSequences: Int = 0

    /// Still at the start of the document: a BOM may be coming; `held` keeps its bytes so far.
    private var atStart = true
    private var held: [UInt8] = []
    // UTF-8: bytes of an incomplete sequence, how many continuation bytes remain, and the
    // allowed range of the next one.
    private var seq: [UInt8] = []
    private var need = 0
    private var lower: UInt8 = 0x80, upper: UInt8 = 0xBF
    // UTF-16
    private var littleEndian: Bool
    private var oddByte: Int = -1
    private var highSurrogate: UInt16 = 0
    // Single-byte codepages: UTF-8 bytes of each of the 256 byte values, packed as
    // b0 | b1 << 8 | b2 << 16 | length << 24.
    private let packedUTF8: [UInt32]

    /// A transcoder for documents in `encoding`.
    public init(_ encoding: TextEncoding) {
        self.encoding = encoding
        self.littleEndian = encoding != .utf16BE
        if let high = TextEncoding.highTable(encoding) {
            var packed = [UInt32](repeating: 0, count: 256)
            for b in 0..<256 {
                let cp = b < 0x80 ? UInt32(b) : UInt32(high[b - 0x80])
                var bytes: [UInt8] = []
                Transcoder.appendUTF8(cp, to: &bytes)
                var v = UInt32(bytes.count) << 24
                for (k, x) in bytes.enumerated() { v |= UInt32(x) << (8 * UInt32(k)) }
                packed[b] = v
            }
            packedUTF8 = packed
        } else {
            packedUTF8 = []
        }
        seq.reserveCapacity(4)
        held.reserveCapacity(3)
    }

    /// Decodes the next chunk, appending UTF-8 to `out` (which is not cleared).
    public mutating func decode(_ chunk: UnsafeBufferPointer<UInt8>, into out: inout [UInt8]) {
        var chunk = chunk
        if atStart, let bom = bomLength {
            // Collect up to the BOM's length before deciding.
            var i = 0
            while i < chunk.count && held.count < bom { held.append(chunk[i]); i += 1 }
            if held.count < bom && !heldCouldBeBOM { flushHeld(into: &out) }
            guard held.count == bom || !atStart else { return }
            if atStart { checkBOM(into: &out) }
            chunk = UnsafeBufferPointer(rebasing: chunk[i...])
        }
        decodeBody(chunk, into: &out)
    }

    /// The input ended: replaces an incomplete trailing sequence by U+FFFD. The transcoder is
    /// then ready for a new document.
    public mutating func finish(into out: inout [UInt8]) {
        if atStart { flushHeld(into: &out) }
        switch encoding {
        case .utf8, .utf8BOM:
            if need > 0 { replacement(into: &out) }
        case .utf16LE, .utf16BE:
            if highSurrogate != 0 { replacement(into: &out) }
            if oddByte >= 0 { replacement(into: &out) }
        default: break
        }
        atStart = true
        held.clear()
        seq.clear()
        need = 0; oddByte = -1; highSurrogate = 0
        littleEndian = encoding != .utf16BE
    }

    // MARK: BOM

    private var bomLength: Int? {
        switch encoding {
        case .utf8, .utf8BOM: return 3
        case .utf16LE, .utf16BE: return 2
        default: return nil
        }
    }

    private var heldCouldBeBOM: Bool {
        switch encoding {
        case .utf8, .utf8BOM:
            let bom: [UInt8] = [0xEF, 0xBB, 0xBF]
            return held.indices.allSatisfy { held[$0] == bom[$0] }
        default:
            return held.isEmpty || held[0] == 0xFF || held[0] == 0xFE
        }
    }

    /// `held` has the BOM's length: drop it if it is a BOM, otherwise decode it.
    private mutating func checkBOM(into out: inout [UInt8]) {
        switch encoding {
        case .utf8, .utf8BOM:
            if held == [0xEF, 0xBB, 0xBF] { held.removeAll(); atStart = false; return }
        default:
            if held == [0xFF, 0xFE] { littleEndian = true; held.removeAll(); atStart = false; return }
            if held == [0xFE, 0xFF] { littleEndian = false; held.removeAll(); atStart = false; return }
        }
        flushHeld(into: &out)
    }

    private mutating func flushHeld(into out: inout [UInt8]) {
        atStart = false
        let bytes = held
        held.clear()
        bytes.withUnsafeBufferPointer { decodeBody($0, into: &out) }
    }

    // MARK: Bodies

    private mutating func decodeBody(_ p: UnsafeBufferPointer<UInt8>, into out: inout [UInt8]) {
        guard !p.isEmpty else { return }
        switch encoding {
        case .utf8, .utf8BOM: decodeUTF8(p, into: &out)
        case .utf16LE, .utf16BE: decodeUTF16(p, into: &out)
        default: decodeSingleByte(p, into: &out)
        }
    }

    private mutating func replacement(into out: inout [UInt8]) {
        out.append(0xEF); out.append(0xBF); out.append(0xBD)
        invalidSequences += 1
    }

    /// Index of the first byte ≥ 0x80 at or after `i`, scanning 8 bytes at a time.
    @inline(__always)
    private static func asciiEnd(_ p: UnsafeBufferPointer<UInt8>, from i: Int) -> Int {
        var j = i
        let n = p.count
        if let base = p.baseAddress {
            let raw = UnsafeRawPointer(base)
            while j + 8 <= n {
                if raw.loadUnaligned(fromByteOffset: j, as: UInt64.self) & 0x8080_8080_8080_8080 != 0 { break }
                j += 8
            }
        }
        while j < n && p[j] < 0x80 { j += 1 }
        return j
    }

    private mutating func decodeUTF8(_ p: UnsafeBufferPointer<UInt8>, into out: inout [UInt8]) {
        let n = p.count
        var i = 0
        // Complete a sequence begun in an earlier chunk.
        while need > 0 && i < n {
            let b = p[i]
            if b < lower || b > upper {
                replacement(into: &out)
                need = 0; seq.clear()
                break  // `b` starts afresh below
            }
            seq.append(b); lower = 0x80; upper = 0xBF; need -= 1; i += 1
            if need == 0 { out.append(contentsOf: seq); seq.clear() }
        }
        if need > 0 { return }
        out.reserveCapacity(out.count + n - i + 3)
        while i < n {
            let j = Transcoder.asciiEnd(p, from: i)
            if j > i { out.append(contentsOf: UnsafeBufferPointer(rebasing: p[i..<j])); i = j }
            if i == n { break }
            let b = p[i]
            guard let shape = UTF8Validation.lead(b) else { replacement(into: &out); i += 1; continue }
            let len = shape.count
            var lo = shape.low, hi = shape.high
            // Check the continuation bytes present in this chunk.
            var k = 1
            var ok = true
            while k <= len && i + k < n {
                let c = p[i + k]
                if c < lo || c > hi { ok = false; break }
                lo = 0x80; hi = 0xBF; k += 1
            }
            if !ok {  // the maximal subpart before the bad byte becomes one U+FFFD
                replacement(into: &out); i += k; continue
            }
            if k > len {
                out.append(contentsOf: UnsafeBufferPointer(rebasing: p[i...(i + len)])); i += len + 1
            } else {  // cut by the chunk end
                seq.append(contentsOf: UnsafeBufferPointer(rebasing: p[i..<n]))
                need = len + 1 - (n - i); lower = lo; upper = hi
                i = n
            }
        }
    }

    private mutating func decodeUTF16(_ p: UnsafeBufferPointer<UInt8>, into out: inout [UInt8]) {
        let n = p.count
        var i = 0
        if oddByte >= 0 {
            let a = UInt16(oddByte), b = UInt16(p[0])
            oddByte = -1
            unit(littleEndian ? a | b << 8 : a << 8 | b, into: &out)
            i = 1
        }
        out.reserveCapacity(out.count + n + 3)
        if littleEndian {
            while i + 1 < n { unit(UInt16(p[i]) | UInt16(p[i + 1]) << 8, into: &out); i += 2 }
        } else {
            while i + 1 < n { unit(UInt16(p[i]) << 8 | UInt16(p[i + 1]), into: &out); i += 2 }
        }
        if i < n { oddByte = Int(p[i]) }
    }

    @inline(__always)
    private mutating func unit(_ u: UInt16, into out: inout [UInt8]) {
        if u < 0x80 && highSurrogate == 0 { out.append(UInt8(u)); return }
        if highSurrogate != 0 {
            if u >= 0xDC00 && u <= 0xDFFF {
                let cp = 0x10000 + ((UInt32(highSurrogate) - 0xD800) << 10) + (UInt32(u) - 0xDC00)
                highSurrogate = 0
                Transcoder.appendUTF8(cp, to: &out)
                return
            }
            highSurrogate = 0
            replacement(into: &out)
        }
        if u >= 0xD800 && u <= 0xDBFF { highSurrogate = u; return }
        if u >= 0xDC00 && u <= 0xDFFF { replacement(into: &out); return }
        Transcoder.appendUTF8(UInt32(u), to: &out)
    }

    private mutating func decodeSingleByte(_ p: UnsafeBufferPointer<UInt8>, into out: inout [UInt8]) {
        let n = p.count
        var i = 0
        var invalid = 0
        out.reserveCapacity(out.count + n + n / 2)
        packedUTF8.withUnsafeBufferPointer { table in
            while i < n {
                let j = Transcoder.asciiEnd(p, from: i)
                if j > i { out.append(contentsOf: UnsafeBufferPointer(rebasing: p[i..<j])); i = j }
                while i < n && p[i] >= 0x80 {
                    let v = table[Int(p[i])]
                    out.append(UInt8(truncatingIfNeeded: v))
                    out.append(UInt8(truncatingIfNeeded: v >> 8))
                    if v >> 24 == 3 {
                        out.append(UInt8(truncatingIfNeeded: v >> 16))
                        if v & 0xFF_FFFF == 0xBD_BF_EF { invalid += 1 }
                    }
                    i += 1
                }
            }
        }
        invalidSequences += invalid
    }

    /// Appends the UTF-8 encoding of a Unicode scalar value.
    @inline(__always)
    static func appendUTF8(_ cp: UInt32, to out: inout [UInt8]) {
        switch cp {
        case 0..<0x80:
            out.append(UInt8(cp))
        case 0x80..<0x800:
            out.append(UInt8(0xC0 | cp >> 6)); out.append(UInt8(0x80 | cp & 0x3F))
        case 0x800..<0x10000:
            out.append(UInt8(0xE0 | cp >> 12)); out.append(UInt8(0x80 | (cp >> 6) & 0x3F))
            out.append(UInt8(0x80 | cp & 0x3F))
        default:
            out.append(UInt8(0xF0 | cp >> 18)); out.append(UInt8(0x80 | (cp >> 12) & 0x3F))
            out.append(UInt8(0x80 | (cp >> 6) & 0x3F)); out.append(UInt8(0x80 | cp & 0x3F))
        }
    }
}
