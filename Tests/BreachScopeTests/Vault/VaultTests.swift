import Crypto
import Foundation
import Testing
@testable import BreachScope

@Suite struct VaultTests {
    let vault = Vault(master: try! MasterKey(hex: String(repeating: "ab", count: 32)))

    @Test func keyedHashDependsOnKeyKindAndValue() throws {
        let other = Vault(master: try MasterKey(hex: String(repeating: "cd", count: 32)))
        let v = Array("38001085718".utf8)
        let a = vault.hash(kind: .identifier(.eeIsikukood), v)
        #expect(a == vault.hash(kind: .identifier(.eeIsikukood), v))
        #expect(a != vault.hash(kind: .identifier(.ltAsmensKodas), v))
        #expect(a != other.hash(kind: .identifier(.eeIsikukood), v))
        #expect(ValueHash(bytes: a.bytes) == a)
    }

    @Test func sealOpensOnlyWithTheSameKey() throws {
        let sealed = vault.sealString("mari.maasikas@example.ee")
        #expect(try vault.openString(sealed) == "mari.maasikas@example.ee")
        #expect(!String(decoding: sealed, as: UTF8.self).contains("maasikas"))
        let other = Vault(master: try MasterKey(hex: String(repeating: "cd", count: 32)))
        #expect(throws: VaultError.self) { try other.open(sealed) }
    }

    @Test func sealerNoncesAreUniqueAndBoxesOpenWithTheVault() throws {
        var sealer = Sealer(vault: vault)
        var nonces = Set<[UInt8]>()
        for i in 0..<1000 {
            let plain = Array("value \(i)".utf8)
            let box = sealer.seal(plain)
            #expect(try vault.open(box) == plain)
            nonces.insert(Array(box.prefix(12)))
        }
        #expect(nonces.count == 1000)
    }

    /// The sealer's BoringSSL context gives, byte for byte, what swift-crypto's `AES.GCM.seal`
    /// gives for the same nonce (empty, short, block-sized and long values), and on Linux the
    /// context exists (else the fast path would silently never run).
    @Test func sealerContextMatchesSwiftCrypto() throws {
        let key = vault.sealKey
        let context = AESGCMContext(key: key)
        #if os(Linux)
        #expect(context != nil)
        #endif
        for (n, length) in [0, 1, 15, 16, 17, 64, 255, 4096].enumerated() {
            let plain = (0..<length).map { UInt8(truncatingIfNeeded: $0 &* 31 &+ n) }
            let prefix = UInt64(0x0123_4567_89AB_CDEF) &+ UInt64(n), counter = UInt32(n * 7 + 1)
            let fast = Sealer.seal(plain, prefix: prefix, counter: counter, key: key, context: context)
            let reference = Sealer.seal(plain, prefix: prefix, counter: counter, key: key, context: nil)
            #expect(fast == reference, "length \(length)")
            #expect(fast.count == 12 + length + 16)
            #expect(try vault.open(fast) == plain)
        }
        #expect(AESGCMContext(key: SymmetricKey(size: .bits128)) == nil)
    }

    @Test func personIDIsStableAndOpaque() {
        let h = vault.hash(kind: .identifier(.email), Array("a@example.ee".utf8))
        #expect(vault.personID(anchor: h) == vault.personID(anchor: h))
        #expect(vault.personID(anchor: h).hasPrefix("p_"))
        #expect(vault.personID(anchor: h).count == 18)
    }

    @Test func keyFileIsCreatedWith0600AndReloaded() throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("bs-key-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: dir) }
        let k1 = try MasterKey.load(workspace: dir, environment: [:], create: true)
        let attrs = try FileManager.default.attributesOfItem(atPath: dir.appendingPathComponent("master.key").path)
        #expect((attrs[.posixPermissions] as? NSNumber)?.intValue == 0o600)
        let k2 = try MasterKey.load(workspace: dir, environment: [:], create: false)
        #expect(k1.hex == k2.hex)
        let k3 = try MasterKey.load(workspace: dir, environment: ["BREACHSCOPE_KEY": String(repeating: "0f", count: 32)], create: false)
        #expect(k3.hex == String(repeating: "0f", count: 32))
        #expect(throws: VaultError.self) { try MasterKey(hex: "not hex") }
    }

    @Test(arguments: [
        ("38001085718", ValueKind.identifier(.eeIsikukood), "3800*****18"),
        ("mari.maasikas@example.ee", .identifier(.email), "m***@example.ee"),
        ("+37251234567", .identifier(.phone), "+372******67"),
        ("Mari Maasikas", .element(.name), "M*** M*******"),
        ("1980-01-08", .element(.dateOfBirth), "1980-**-**"),
        ("4111111111111111", .element(.paymentCard), "************1111"),
    ])
    func masks(_ value: String, _ kind: ValueKind, _ expected: String) {
        #expect(Mask.value(value, kind: kind) == expected)
    }
}
