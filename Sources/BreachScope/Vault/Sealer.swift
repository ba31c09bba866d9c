import Crypto

/// Seals values with AES-GCM under the vault's sealing key, one sealer per worker thread.
/// Nonces are a random 64-bit prefix drawn when the sealer is made (and again every 2³²
/// seals) followed by a 32-bit counter: unique without a system call per seal.
public struct Sealer {
    let key: SymmetricKey
    private var prefix: UInt64
    private var counter: UInt32 = 0

    public init(vault: Vault) {
        key = vault.sealKey
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
        var nonceBytes = [UInt8](repeating: 0, count: 12)
        for i in 0..<8 { nonceBytes[i] = UInt8(truncatingIfNeeded: prefix >> (8 * UInt64(i))) }
        for i in 0..<4 { nonceBytes[8 + i] = UInt8(truncatingIfNeeded: counter >> (8 * UInt32(i))) }
        let nonce = try! AES.GCM.Nonce(data: nonceBytes)
        let box = try! AES.GCM.seal(plaintext, using: key, nonce: nonce)
        return Array(box.combined!)
    }
}
