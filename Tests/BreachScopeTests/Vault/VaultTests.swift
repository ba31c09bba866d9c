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
