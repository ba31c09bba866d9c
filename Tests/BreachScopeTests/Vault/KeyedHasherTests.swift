import Crypto
import Foundation
import Testing
import BreachScopeTesting
import CSHA256Blocks
@testable import BreachScope

@Suite struct KeyedHasherTests {
    /// RFC 4231, test case 2.
    @Test func rfc4231Vector() {
        let h = KeyedHasher(key: Array("Jefe".utf8))
        let mac = Array("what do ya want for nothing?".utf8).withUnsafeBytes { h.mac($0) }
        #expect(Hex.encode(KeyedHasher.bytes(mac)) == "5bdcc146bf60754e6a042426089575c75a003f089d2739839dec58b964ec3843")
    }

    /// Same bytes as swift-crypto's HMAC<SHA256> for keys and messages of every length around
    /// the block boundaries (55/56/64 bytes), with and without a prefix.
    @Test(arguments: KeyedHasher.availableCompressors)
    func equalsSwiftCryptoHMAC(_ compressor: KeyedHasher.Compressor) {
        var rng = SeededRNG(seed: 7)
        for keyLength in [0, 1, 16, 32, 63, 64] {
            let key = (0..<keyLength).map { _ in UInt8.random(in: 0...255, using: &rng) }
            let fast = KeyedHasher(key: key, compressor: compressor)
            for length in 0..<200 {
                let message = (0..<length).map { _ in UInt8.random(in: 0...255, using: &rng) }
                for prefixCount in [0, 2, 8] {
                    let prefix = UInt64.random(in: 0...UInt64.max, using: &rng) & (prefixCount == 8 ? ~0 : (1 << (8 * UInt64(prefixCount))) - 1)
                    var full: [UInt8] = (0..<prefixCount).map { UInt8(truncatingIfNeeded: prefix >> (8 * UInt64(prefixCount - 1 - $0))) }
                    full += message
                    let expected = Array(HMAC<SHA256>.authenticationCode(for: full, using: SymmetricKey(data: key)))
                    let got = message.withUnsafeBytes { fast.mac(prefix: prefix, prefixCount: prefixCount, $0) }
                    #expect(KeyedHasher.bytes(got) == expected, "key \(keyLength) message \(length) prefix \(prefixCount)")
                }
            }
        }
    }

    /// Two messages hashed at once give what two calls of `mac` give: both short (interleaved
    /// where the CPU allows), one or both too long for one block, empty ones, every prefix size.
    @Test(arguments: KeyedHasher.availableCompressors)
    func twoAtOnceEqualOneAfterTheOther(_ compressor: KeyedHasher.Compressor) {
        var rng = SeededRNG(seed: 19)
        let hasher = KeyedHasher(key: (0..<32).map { _ in UInt8.random(in: 0...255, using: &rng) }, compressor: compressor)
        for _ in 0..<3000 {
            let la = Int.random(in: 0...70, using: &rng), lb = Int.random(in: 0...70, using: &rng)
            let a = (0..<la).map { _ in UInt8.random(in: 0...255, using: &rng) }, b = (0..<lb).map { _ in UInt8.random(in: 0...255, using: &rng) }
            let ca = [0, 2, 8].randomElement(using: &rng)!, cb = [0, 2, 8].randomElement(using: &rng)!
            let pa = UInt64.random(in: 0...UInt64.max, using: &rng), pb = UInt64.random(in: 0...UInt64.max, using: &rng)
            let (x, y) = a.withUnsafeBytes { a in b.withUnsafeBytes { b in hasher.mac2(prefix: pa, prefixCount: ca, a, prefix: pb, prefixCount: cb, b) } }
            let ex = a.withUnsafeBytes { hasher.mac(prefix: pa, prefixCount: ca, $0) }
            let ey = b.withUnsafeBytes { hasher.mac(prefix: pb, prefixCount: cb, $0) }
            #expect(KeyedHasher.bytes(x) == KeyedHasher.bytes(ex) && KeyedHasher.bytes(y) == KeyedHasher.bytes(ey), "lengths \(la) \(lb) prefixes \(ca) \(cb)")
        }
        let vault = Vault(master: try! MasterKey(hex: String(repeating: "cd", count: 32)))
        let email = Array("mari.maasikas@example.ee".utf8), phone = Array("+37250000000".utf8)
        let (h1, h2) = vault.hash2(kind: .identifier(.email), email, kind: .identifier(.phone), phone)
        #expect(h1 == vault.hash(kind: .identifier(.email), email) && h2 == vault.hash(kind: .identifier(.phone), phone))
    }

    /// Value hashes and person ids are what they were with swift-crypto's HMAC: stores written
    /// before keep resolving to the same persons.
    @Test func vaultHashesAndPersonIDsAreUnchanged() throws {
        let master = try MasterKey(hex: String(repeating: "ab", count: 32))
        let vault = Vault(master: master)
        for (kind, value) in [(ValueKind.identifier(.email), "mari.maasikas@example.ee"), (.identifier(.eeIsikukood), "38001085718"),
                              (.element(.postalAddress), String(repeating: "Pikk tänav 12, Tallinn ", count: 5)), (.linkKey, "")] {
            var mac = HMAC<SHA256>(key: vault.indexKey)
            mac.update(data: [UInt8(kind.rawValue >> 8), UInt8(kind.rawValue & 0xff)])
            mac.update(data: Array(value.utf8))
            let old = ValueHash(mac.finalize())
            let new = vault.hash(kind: kind, Array(value.utf8))
            #expect(new == old)
            var p = HMAC<SHA256>(key: vault.personKey)
            p.update(data: old.bytes)
            #expect(vault.personID(anchor: new) == "p_" + Hex.encode(Array(p.finalize()).prefix(8)))
        }
    }
}

@Suite struct KeyedHasherCompressionTests {
    /// On Linux the compressions are BoringSSL's (a swift-crypto update that renamed the symbol
    /// would silently fall back to the slow path: this catches it).
    @Test func boringSSLCompressionIsLinkedOnLinux() {
        #if os(Linux)
        #expect(KeyedHasher.accelerated)
        #expect(breachscope_sha256_blocks_available() != 0)
        #endif
    }

    /// Where the CPU has the SHA extensions they are used (a broken CPUID check would silently
    /// fall back to BoringSSL's dispatching path).
    @Test func shaExtensionsAreUsedWhereTheCPUHasThem() throws {
        #if os(Linux) && arch(x86_64)
        let flags = try String(contentsOfFile: "/proc/cpuinfo", encoding: .utf8)
        let has = flags.split(separator: "\n").first { $0.hasPrefix("flags") }?.split(separator: " ").contains("sha_ni") ?? false
        #expect((KeyedHasher.detected == .shaExtensions) == has)
        #endif
    }

    /// The portable Swift compression and BoringSSL's agree on random states and blocks.
    @Test func portableCompressionAgrees() {
        guard KeyedHasher.accelerated else { return }
        var rng = SeededRNG(seed: 11)
        for _ in 0..<500 {
            let words = (0..<8).map { _ in UInt32.random(in: 0...UInt32.max, using: &rng) }
            let block = (0..<64).map { _ in UInt8.random(in: 0...255, using: &rng) }
            var a: KeyedHasher.State = (words[0], words[1], words[2], words[3], words[4], words[5], words[6], words[7])
            var b = a
            block.withUnsafeBytes { KeyedHasher.portableCompress(&a, $0.baseAddress!) }
            block.withUnsafeBufferPointer { p in
                withUnsafeMutableBytes(of: &b) { breachscope_sha256_blocks($0.baseAddress!.assumingMemoryBound(to: UInt32.self), p.baseAddress!, 1) }
            }
            #expect(KeyedHasher.bytes(a) == KeyedHasher.bytes(b))
            guard breachscope_sha_ni_available() != 0 else { continue }
            // Our own compressions, one and two at a time, agree with both.
            var c: KeyedHasher.State = (words[0], words[1], words[2], words[3], words[4], words[5], words[6], words[7])
            var d = c, e: KeyedHasher.State = (words[7], words[6], words[5], words[4], words[3], words[2], words[1], words[0]), f = e
            let other = block.reversed().map { $0 ^ 0x5a }
            block.withUnsafeBufferPointer { p in
                withUnsafeMutableBytes(of: &c) { breachscope_sha256_ni($0.baseAddress!.assumingMemoryBound(to: UInt32.self), p.baseAddress!) }
                other.withUnsafeBufferPointer { q in
                    withUnsafeMutableBytes(of: &d) { dp in
                        withUnsafeMutableBytes(of: &e) { ep in
                            breachscope_sha256_ni_2(dp.baseAddress!.assumingMemoryBound(to: UInt32.self), p.baseAddress!,
                                                    ep.baseAddress!.assumingMemoryBound(to: UInt32.self), q.baseAddress!)
                        }
                    }
                }
            }
            other.withUnsafeBytes { KeyedHasher.portableCompress(&f, $0.baseAddress!) }
            #expect(KeyedHasher.bytes(c) == KeyedHasher.bytes(a) && KeyedHasher.bytes(d) == KeyedHasher.bytes(a))
            #expect(KeyedHasher.bytes(e) == KeyedHasher.bytes(f))
        }
    }
}
