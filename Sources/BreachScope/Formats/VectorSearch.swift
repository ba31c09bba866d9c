/// The byte searches of the hot path (the field scanner's next candidate, CSV field ends, JSON
/// string runs): 16 bytes compared at a time, the first marked byte found from the bit pattern,
/// and the last bytes one at a time.
///
/// Comparisons are written with vector operands and bit casts (`VectorSearch.lanes(v .== quote)`
/// with `quote` a `SIMD16`): the mask operators with a scalar operand compile to a loop over the
/// lanes here.
enum VectorSearch {
    /// The first index in `from..<n` whose byte `vector` marks (a lane of 0xFF in its result for a
    /// 16-byte load) or, in the last bytes, `byte` accepts; `n` when there is none. The two must
    /// agree.
    @inline(__always)
    static func first(_ base: UnsafeRawPointer, from: Int, _ n: Int, vector: (SIMD16<UInt8>) -> SIMD16<UInt8>,
                      byte: (UInt8) -> Bool) -> Int {
        var i = from
        while i + 16 <= n {
            let hit = vector(base.loadUnaligned(fromByteOffset: i, as: SIMD16<UInt8>.self))
            // The lowest set byte of each half is the first hit in it.
            let halves = unsafeBitCast(hit, to: SIMD2<UInt64>.self)
            if halves[0] != 0 { return i + halves[0].trailingZeroBitCount >> 3 }
            if halves[1] != 0 { return i + 8 + halves[1].trailingZeroBitCount >> 3 }
            i += 16
        }
        let p = base.assumingMemoryBound(to: UInt8.self)
        while i < n {
            if byte(p[i]) { return i }
            i += 1
        }
        return n
    }

    /// A comparison's lanes as bytes, 0xFF where true.
    @inline(__always)
    static func lanes(_ m: SIMDMask<SIMD16<Int8>>) -> SIMD16<UInt8> { unsafeBitCast(m, to: SIMD16<UInt8>.self) }
}
