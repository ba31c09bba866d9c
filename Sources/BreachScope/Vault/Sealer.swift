import CAESGCM
import Crypto

/// Seals values with AES-GCM under the vault's sealing key, one sealer per worker thread.
/// Nonces are a random 64-bit prefix drawn when the sealer is made (and again every 2³²
/// seals) followed by a 32-bit counter: unique without a system call per seal.
///
/// The output is swift-crypto's `combined` form: nonce ‖ ciphertext ‖ tag. Where swift-crypto
/// links BoringSSL (Linux), the sealer keeps one BoringSSL AES-256-GCM context for all its seals
/// (`CAESGCM`): `AES.GCM.seal` sets one up (key schedule, GHASH tables) for every value, which
/// was most of the writer's sealing time on a million values. Elsewhere it calls `AES.GCM.seal`.
public struct Sealer {
    let key: SymmetricKey
    private let context: AESGCMContext?
    private var prefix: UInt64
    private var counter: UInt32 = 0

    public init(vault: Vault) {
        key = vault.sealKey
        context = AESGCMContext(key: key)
        var g = SystemRandomNumberGenerator()
        prefix = g.next()
    }

    public mutating func seal(_ plaintext: [UInt8]) -> [UInt8] {
        if counter == UInt32.max {
            var g = SystemRandomNumberGenerator()
            prefix = g.next()
            counter = 0
        }
        counter += 1
        return Self.seal(plaintext, prefix: prefix, counter: counter, key: key, context: context)
    }

    /// Seals under the nonce `prefix` ‖ `counter` (both little-endian), through `context` when
    /// there is one.
    static func seal(_ plaintext: [UInt8], prefix: UInt64, counter: UInt32, key: SymmetricKey, context: AESGCMContext?) -> [UInt8] {
        if let context {
            return [UInt8](unsafeUninitializedCapacity: 12 + plaintext.count + 16) { out, count in
                let o = out.baseAddress!
                writeNonce(prefix: prefix, counter: counter, into: o)
                let ok = plaintext.withUnsafeBufferPointer { p in
                    breachscope_aes256gcm_seal(context.pointer, o, p.baseAddress ?? UnsafePointer(o), p.count, o + 12)
                }
                precondition(ok == 1, "AES-GCM seal failed")
                count = 12 + plaintext.count + 16
            }
        }
        let nonceBytes = [UInt8](unsafeUninitializedCapacity: 12) { b, n in writeNonce(prefix: prefix, counter: counter, into: b.baseAddress!); n = 12 }
        let nonce = try! AES.GCM.Nonce(data: nonceBytes)
        let box = try! AES.GCM.seal(plaintext, using: key, nonce: nonce)
        return Array(box.combined!)
    }

    /// The 12-byte nonce `prefix` ‖ `counter`, both little-endian, at `out`.
    private static func writeNonce(prefix: UInt64, counter: UInt32, into out: UnsafeMutablePointer<UInt8>) {
        for i in 0..<8 { out[i] = UInt8(truncatingIfNeeded: prefix >> (8 * UInt64(i))) }
        for i in 0..<4 { out[8 + i] = UInt8(truncatingIfNeeded: counter >> (8 * UInt32(i))) }
    }
}

/// One BoringSSL AES-256-GCM context (`EVP_AEAD_CTX`), freed with its last reference. Sealing
/// through it does not change it (BoringSSL allows concurrent seals on one context).
final class AESGCMContext: @unchecked Sendable {
    let pointer: UnsafeMutableRawPointer

    /// Nil when the key is not 32 bytes or BoringSSL is not linked in.
    init?(key: SymmetricKey) {
        guard key.bitCount == 256, let p = key.withUnsafeBytes({ k in breachscope_aes256gcm_new(k.baseAddress?.assumingMemoryBound(to: UInt8.self)) }) else {
            return nil
        }
        pointer = p
    }

    deinit { breachscope_aes256gcm_free(pointer) }
}
