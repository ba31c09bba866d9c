import CSHA256Blocks

/// HMAC-SHA256 (RFC 2104) for the scan's hot path: the key's inner and outer pads are absorbed
/// once, so a short value costs two SHA-256 compressions and no heap allocation.
///
/// swift-crypto's `HMAC<SHA256>` gives the same bytes (the tests compare them on thousands of
/// inputs) but copies and allocates digest contexts on every call; on a dense table of a million
/// persons it was a third of the workers' time. On x86-64 CPUs with the SHA extensions the
/// compressions are our own (`CSHA256Blocks`: no per-call dispatch, and `mac2` hashes two short
/// values at once, interleaved, ~1.5 times the throughput of one after the other); otherwise
/// BoringSSL's (`SHA256_TransformBlocks`); where neither is there, a portable Swift compression
/// does the same work more slowly. Used for value hashes and person ids; everything else (HKDF,
/// AES-GCM, labels) stays with swift-crypto.
struct KeyedHasher: Sendable {
    enum Compressor: Sendable { case shaExtensions, boringSSL, portable }

    /// The compression this machine uses.
    static let detected: Compressor = breachscope_sha_ni_available() != 0 ? .shaExtensions
        : breachscope_sha256_blocks_available() != 0 ? .boringSSL : .portable

    /// The compressions this machine can run (for the tests that compare them).
    static var availableCompressors: [Compressor] {
        [.portable] + (breachscope_sha256_blocks_available() != 0 ? [.boringSSL] : []) + (breachscope_sha_ni_available() != 0 ? [.shaExtensions] : [])
    }

    /// Whether a native compression is in use (Linux builds).
    static var accelerated: Bool { detected != .portable }

    typealias State = (UInt32, UInt32, UInt32, UInt32, UInt32, UInt32, UInt32, UInt32)
    private let inner: State
    private let outer: State
    /// `detected`, or another one for the tests that compare them.
    let compressor: Compressor

    static let iv: State = (0x6a09e667, 0xbb67ae85, 0x3c6ef372, 0xa54ff53a, 0x510e527f, 0x9b05688c, 0x1f83d9ab, 0x5be0cd19)

    /// A key of at most 64 bytes (the vault's keys are 32).
    init(key: [UInt8], compressor: Compressor = KeyedHasher.detected) {
        precondition(key.count <= 64, "HMAC keys longer than a block are not used here")
        precondition(Self.availableCompressors.contains(compressor), "\(compressor) is not available here")
        self.compressor = compressor
        var ipad = [UInt8](repeating: 0x36, count: 64), opad = [UInt8](repeating: 0x5c, count: 64)
        for (i, b) in key.enumerated() { ipad[i] ^= b; opad[i] ^= b }
        var s = Self.iv
        ipad.withUnsafeBytes { Self.compress(compressor, &s, $0.baseAddress!) }
        inner = s
        s = Self.iv
        opad.withUnsafeBytes { Self.compress(compressor, &s, $0.baseAddress!) }
        outer = s
    }

    /// Longest message (with its prefix) that `mac2` hashes in one inner block.
    static let oneBlock = 55

    /// The MACs of two messages, as `mac` gives them. Two short ones (a prefix and at most
    /// `oneBlock` bytes in all, every value of a customer table) are hashed at once, interleaved,
    /// where the CPU has the SHA extensions.
    func mac2(prefix pa: UInt64, prefixCount ca: Int, _ a: UnsafeRawBufferPointer,
              prefix pb: UInt64, prefixCount cb: Int, _ b: UnsafeRawBufferPointer) -> (State, State) {
        guard compressor == .shaExtensions, ca + a.count <= Self.oneBlock, cb + b.count <= Self.oneBlock else {
            return (mac(prefix: pa, prefixCount: ca, a), mac(prefix: pb, prefixCount: cb, b))
        }
        return withUnsafeTemporaryAllocation(of: UInt8.self, capacity: 128) { buffer in
            let x = UnsafeMutableRawPointer(buffer.baseAddress!), y = x + 64
            Self.lastBlock(x, prefix: pa, prefixCount: ca, a)
            Self.lastBlock(y, prefix: pb, prefixCount: cb, b)
            var s = inner, t = inner
            Self.compress2(&s, x, &t, y)
            Self.store(s, into: x)
            Self.store(t, into: y)
            Self.pad(x, fill: 32, totalBytes: 64 + 32)
            Self.pad(y, fill: 32, totalBytes: 64 + 32)
            var o = outer, p = outer
            Self.compress2(&o, x, &p, y)
            return (o, p)
        }
    }

    /// `prefix ‖ message` padded as the one and last block of an inner hash.
    @inline(__always)
    private static func lastBlock(_ block: UnsafeMutableRawPointer, prefix: UInt64, prefixCount: Int, _ message: UnsafeRawBufferPointer) {
        for i in 0..<prefixCount {
            block.storeBytes(of: UInt8(truncatingIfNeeded: prefix >> (8 * UInt64(prefixCount - 1 - i))), toByteOffset: i, as: UInt8.self)
        }
        if message.count > 0 { (block + prefixCount).copyMemory(from: message.baseAddress!, byteCount: message.count) }
        pad(block, fill: prefixCount + message.count, totalBytes: 64 + prefixCount + message.count)
    }

    /// The padding of a last block holding `fill` ≤ 55 bytes: 0x80, zeros, the bit length.
    @inline(__always)
    private static func pad(_ block: UnsafeMutableRawPointer, fill: Int, totalBytes: Int) {
        block.storeBytes(of: 0x80, toByteOffset: fill, as: UInt8.self)
        (block + fill + 1).initializeMemory(as: UInt8.self, repeating: 0, count: 55 - fill)
        block.storeBytes(of: UInt64(totalBytes * 8).bigEndian, toByteOffset: 56, as: UInt64.self)
    }

    @inline(__always)
    private static func compress2(_ s: inout State, _ p: UnsafeRawPointer, _ t: inout State, _ q: UnsafeRawPointer) {
        withUnsafeMutableBytes(of: &s) { sb in
            withUnsafeMutableBytes(of: &t) { tb in
                breachscope_sha256_ni_2(sb.baseAddress!.assumingMemoryBound(to: UInt32.self), p.assumingMemoryBound(to: UInt8.self),
                                        tb.baseAddress!.assumingMemoryBound(to: UInt32.self), q.assumingMemoryBound(to: UInt8.self))
            }
        }
    }

    /// The MAC of `prefix ‖ message` (the prefix is at most 8 bytes: a kind, a label), all 32 bytes.
    func mac(prefix: UInt64 = 0, prefixCount: Int = 0, _ message: UnsafeRawBufferPointer) -> State {
        withUnsafeTemporaryAllocation(of: UInt8.self, capacity: 64) { blockBuffer in
            let block = UnsafeMutableRawPointer(blockBuffer.baseAddress!)
            var s = inner
            var fill = 0
            // The prefix, big-endian (its last `prefixCount` bytes).
            for i in 0..<prefixCount {
                block.storeBytes(of: UInt8(truncatingIfNeeded: prefix >> (8 * UInt64(prefixCount - 1 - i))), toByteOffset: fill, as: UInt8.self)
                fill += 1
            }
            var at = 0
            let n = message.count
            while at < n {
                let take = min(64 - fill, n - at)
                (block + fill).copyMemory(from: message.baseAddress! + at, byteCount: take)
                fill += take; at += take
                if fill == 64 { Self.compress(compressor, &s, UnsafeRawPointer(block)); fill = 0 }
            }
            Self.finish(compressor, &s, block, fill: fill, totalBytes: 64 + prefixCount + n)
            // Outer hash over the inner digest: one block.
            var o = outer
            Self.store(s, into: block)
            Self.finish(compressor, &o, block, fill: 32, totalBytes: 64 + 32)
            return o
        }
    }

    /// Pads and compresses the last block(s): `fill` bytes of message are in `block`. Up to 55
    /// bytes the padding fits (`pad`); more take a second block of padding only.
    @inline(__always)
    private static func finish(_ c: Compressor, _ s: inout State, _ block: UnsafeMutableRawPointer, fill: Int, totalBytes: Int) {
        if fill <= 55 {
            pad(block, fill: fill, totalBytes: totalBytes)
        } else {
            block.storeBytes(of: 0x80, toByteOffset: fill, as: UInt8.self)
            (block + fill + 1).initializeMemory(as: UInt8.self, repeating: 0, count: 63 - fill)
            compress(c, &s, UnsafeRawPointer(block))
            block.initializeMemory(as: UInt8.self, repeating: 0, count: 56)
            block.storeBytes(of: UInt64(totalBytes * 8).bigEndian, toByteOffset: 56, as: UInt64.self)
        }
        compress(c, &s, UnsafeRawPointer(block))
    }

    @inline(__always)
    private static func store(_ s: State, into p: UnsafeMutableRawPointer) {
        p.storeBytes(of: s.0.bigEndian, toByteOffset: 0, as: UInt32.self)
        p.storeBytes(of: s.1.bigEndian, toByteOffset: 4, as: UInt32.self)
        p.storeBytes(of: s.2.bigEndian, toByteOffset: 8, as: UInt32.self)
        p.storeBytes(of: s.3.bigEndian, toByteOffset: 12, as: UInt32.self)
        p.storeBytes(of: s.4.bigEndian, toByteOffset: 16, as: UInt32.self)
        p.storeBytes(of: s.5.bigEndian, toByteOffset: 20, as: UInt32.self)
        p.storeBytes(of: s.6.bigEndian, toByteOffset: 24, as: UInt32.self)
        p.storeBytes(of: s.7.bigEndian, toByteOffset: 28, as: UInt32.self)
    }

    /// The 32 bytes of a state, big-endian.
    static func bytes(_ s: State) -> [UInt8] {
        var out = [UInt8](repeating: 0, count: 32)
        out.withUnsafeMutableBytes { store(s, into: $0.baseAddress!) }
        return out
    }

    @inline(__always) private static func rotr(_ x: UInt32, _ n: UInt32) -> UInt32 { (x >> n) | (x << (32 - n)) }

    /// One SHA-256 compression of the 64-byte block at `p` into `s`.
    @inline(__always)
    private static func compress(_ c: Compressor, _ s: inout State, _ p: UnsafeRawPointer) {
        switch c {
        case .shaExtensions:
            withUnsafeMutableBytes(of: &s) { breachscope_sha256_ni($0.baseAddress!.assumingMemoryBound(to: UInt32.self), p.assumingMemoryBound(to: UInt8.self)) }
        case .boringSSL:
            withUnsafeMutableBytes(of: &s) { breachscope_sha256_blocks($0.baseAddress!.assumingMemoryBound(to: UInt32.self), p.assumingMemoryBound(to: UInt8.self), 1) }
        case .portable:
            portableCompress(&s, p)
        }
    }

    /// One SHA-256 compression in Swift (FIPS 180-4, 6.2.2).
    static func portableCompress(_ s: inout State, _ p: UnsafeRawPointer) {
        withUnsafeTemporaryAllocation(of: UInt32.self, capacity: 64) { w in
            for i in 0..<16 { w[i] = UInt32(bigEndian: p.loadUnaligned(fromByteOffset: 4 * i, as: UInt32.self)) }
            for i in 16..<64 {
                let x = w[i - 15], y = w[i - 2]
                let s0 = rotr(x, 7) ^ rotr(x, 18) ^ (x >> 3)
                let s1 = rotr(y, 17) ^ rotr(y, 19) ^ (y >> 10)
                w[i] = w[i - 16] &+ s0 &+ w[i - 7] &+ s1
            }
            var (a, b, c, d, e, f, g, h) = s
            withUnsafePointer(to: breachscope_sha256_k) { $0.withMemoryRebound(to: UInt32.self, capacity: 64) { k in
                for i in 0..<64 {
                    let t1 = h &+ (rotr(e, 6) ^ rotr(e, 11) ^ rotr(e, 25)) &+ ((e & f) ^ (~e & g)) &+ k[i] &+ w[i]
                    let t2 = (rotr(a, 2) ^ rotr(a, 13) ^ rotr(a, 22)) &+ ((a & b) ^ (a & c) ^ (b & c))
                    h = g; g = f; f = e; e = d &+ t1
                    d = c; c = b; b = a; a = t1 &+ t2
                }
            } }
            s = (s.0 &+ a, s.1 &+ b, s.2 &+ c, s.3 &+ d, s.4 &+ e, s.5 &+ f, s.6 &+ g, s.7 &+ h)
        }
    }
}
