import Crypto
import Foundation

/// Pseudonymisation for the store: keyed hashes to index identifiers, AES-GCM to seal values
/// that are needed later (to contact a person), all under keys derived by HKDF from the
/// workspace master key.
/// `@unchecked Sendable`: it holds only immutable `SymmetricKey`s (not marked `Sendable` by
/// swift-crypto).
public struct Vault: @unchecked Sendable {
    let indexKey: SymmetricKey
    let sealKey: SymmetricKey
    let personKey: SymmetricKey
    /// HMAC-SHA256 under the index and person keys with their pads absorbed (value hashes and
    /// person ids are the hot path: no allocation per call).
    let indexHasher: KeyedHasher
    let personHasher: KeyedHasher

    public init(master: MasterKey) {
        func derive(_ info: String) -> SymmetricKey {
            HKDF<SHA256>.deriveKey(inputKeyMaterial: master.key, salt: Array("breachscope/v1".utf8),
                                   info: Array(info.utf8), outputByteCount: 32)
        }
        indexKey = derive("index")
        sealKey = derive("seal")
        personKey = derive("person")
        indexHasher = KeyedHasher(key: indexKey.withUnsafeBytes { Array($0) })
        personHasher = KeyedHasher(key: personKey.withUnsafeBytes { Array($0) })
    }

    /// Keyed hash (HMAC-SHA256 truncated to 128 bits) of a value of a given kind. Kinds keep equal
    /// bytes of different meaning apart (a phone number vs a customer number).
    public func hash(kind: ValueKind, _ value: some Sequence<UInt8>) -> ValueHash {
        let s: KeyedHasher.State
        if let direct = value.withContiguousStorageIfAvailable({ indexHasher.mac(prefix: UInt64(kind.rawValue), prefixCount: 2, UnsafeRawBufferPointer($0)) }) {
            s = direct
        } else {
            s = Array(value).withUnsafeBytes { indexHasher.mac(prefix: UInt64(kind.rawValue), prefixCount: 2, $0) }
        }
        return ValueHash(hi: UInt64(s.0) << 32 | UInt64(s.1), lo: UInt64(s.2) << 32 | UInt64(s.3))
    }

    /// The keyed hashes of two values, as `hash(kind:_:)` gives them, computed at once (two short
    /// values are hashed interleaved where the CPU has the SHA extensions: `KeyedHasher.mac2`).
    func hash2(kind ka: ValueKind, _ a: [UInt8], kind kb: ValueKind, _ b: [UInt8]) -> (ValueHash, ValueHash) {
        let (s, t) = a.withUnsafeBytes { a in
            b.withUnsafeBytes { b in
                indexHasher.mac2(prefix: UInt64(ka.rawValue), prefixCount: 2, a, prefix: UInt64(kb.rawValue), prefixCount: 2, b)
            }
        }
        return (ValueHash(hi: UInt64(s.0) << 32 | UInt64(s.1), lo: UInt64(s.2) << 32 | UInt64(s.3)),
                ValueHash(hi: UInt64(t.0) << 32 | UInt64(t.1), lo: UInt64(t.2) << 32 | UInt64(t.3)))
    }

    /// Keyed hash of a string that is not a value (document paths, key checks).
    public func hash(label: String, _ text: String) -> ValueHash {
        var h = HMAC<SHA256>(key: indexKey)
        h.update(data: Array(label.utf8) + [0] + Array(text.utf8))
        return ValueHash(h.finalize())
    }

    /// A stable, non-reversible person id from the identifying value hash of the person.
    public func personID(anchor: ValueHash) -> String { Self.personIDText(personKey(anchor: anchor)) }

    /// `p_` and a person key as 16 lower-case hex digits, into the first 18 bytes of `out`.
    static func formatPersonID(_ key: UInt64, into out: UnsafeMutablePointer<UInt8>) {
        out[0] = UInt8(ascii: "p"); out[1] = UInt8(ascii: "_")
        for i in 0..<16 {
            let d = UInt8(truncatingIfNeeded: key >> (60 - 4 * UInt64(i))) & 15
            out[2 + i] = d < 10 ? UInt8(ascii: "0") + d : UInt8(ascii: "a") - 10 + d
        }
    }

    /// The person id text of a person key.
    static func personIDText(_ key: UInt64) -> String {
        String(unsafeUninitializedCapacity: 18) { formatPersonID(key, into: $0.baseAddress!); return 18 }
    }

    /// The person id as a number: the first 8 bytes of the MAC (ordering keys orders the ids).
    func personKey(anchor: ValueHash) -> UInt64 {
        var be = (anchor.hi.bigEndian, anchor.lo.bigEndian)
        let s = withUnsafeBytes(of: &be) { personHasher.mac($0) }
        return UInt64(s.0) << 32 | UInt64(s.1)
    }

    /// The person keys of two anchors, as `personKey(anchor:)` gives them, hashed at once.
    func personKeys(_ a: ValueHash, _ b: ValueHash) -> (UInt64, UInt64) {
        var x = (a.hi.bigEndian, a.lo.bigEndian), y = (b.hi.bigEndian, b.lo.bigEndian)
        let (s, t) = withUnsafeBytes(of: &x) { x in withUnsafeBytes(of: &y) { y in personHasher.mac2(prefix: 0, prefixCount: 0, x, prefix: 0, prefixCount: 0, y) } }
        return (UInt64(s.0) << 32 | UInt64(s.1), UInt64(t.0) << 32 | UInt64(t.1))
    }

    /// Seals bytes with AES-GCM (random nonce; nonce ‖ ciphertext ‖ tag).
    public func seal(_ plaintext: some Sequence<UInt8>) -> [UInt8] {
        let box = try! AES.GCM.seal(Array(plaintext), using: sealKey)
        return Array(box.combined!)
    }

    /// Opens a sealed value.
    public func open(_ sealed: [UInt8]) throws -> [UInt8] {
        do {
            let box = try AES.GCM.SealedBox(combined: sealed)
            return Array(try AES.GCM.open(box, using: sealKey))
        } catch {
            throw VaultError.cannotOpen
        }
    }

    public func sealString(_ s: String) -> [UInt8] { seal(Array(s.utf8)) }
    public func openString(_ sealed: [UInt8]) throws -> String { String(decoding: try open(sealed), as: UTF8.self) }
}

/// A 128-bit keyed hash, usable as a dictionary key without heap allocation.
public struct ValueHash: Hashable, Sendable, Comparable {
    public var hi: UInt64
    public var lo: UInt64
    public init(hi: UInt64, lo: UInt64) { self.hi = hi; self.lo = lo }
    init(_ mac: HMAC<SHA256>.MAC) {
        var hi: UInt64 = 0, lo: UInt64 = 0
        mac.withUnsafeBytes { p in
            for i in 0..<8 { hi = hi << 8 | UInt64(p[i]) }
            for i in 8..<16 { lo = lo << 8 | UInt64(p[i]) }
        }
        self.hi = hi; self.lo = lo
    }
    public init?(bytes: [UInt8]) {
        guard bytes.count == 16 else { return nil }
        var hi: UInt64 = 0, lo: UInt64 = 0
        for i in 0..<8 { hi = hi << 8 | UInt64(bytes[i]) }
        for i in 8..<16 { lo = lo << 8 | UInt64(bytes[i]) }
        self.hi = hi; self.lo = lo
    }
    public var bytes: [UInt8] {
        var out = [UInt8](); out.reserveCapacity(16)
        append(to: &out)
        return out
    }
    /// Appends the 16 bytes (big-endian `hi` then `lo`) to `out`.
    @inline(__always) func append(to out: inout [UInt8]) {
        for i in 0..<8 { out.append(UInt8(truncatingIfNeeded: hi >> (56 - 8 * UInt64(i)))) }
        for i in 0..<8 { out.append(UInt8(truncatingIfNeeded: lo >> (56 - 8 * UInt64(i)))) }
    }
    public static func < (a: ValueHash, b: ValueHash) -> Bool { (a.hi, a.lo) < (b.hi, b.lo) }
}

/// What a stored value is: an identifier type, a non-identifier element, a link key or a weak
/// key. Encoded as one integer in the store: identifiers 0–63 (`IdentifierType.code`), elements
/// 64–127 (64 + `ElementType.code`), link keys 128, weak keys 129 (name + postal address),
/// 130 (name + date of birth) and 131 (name alone).
public struct ValueKind: Hashable, Sendable, Comparable {
    public var rawValue: UInt16
    public init(rawValue: UInt16) { self.rawValue = rawValue }
    public static func identifier(_ t: IdentifierType) -> ValueKind { ValueKind(rawValue: UInt16(t.code)) }
    public static func element(_ e: ElementType) -> ValueKind { ValueKind(rawValue: 64 + UInt16(e.code)) }
    public static let linkKey = ValueKind(rawValue: 128)
    /// A record's name and postal address in their compared form (`WeakKey`): records without a
    /// strong identifier that share one are candidates for one person (never merged by it).
    public static let weakNameAddress = ValueKind(rawValue: 129)
    /// A record's name in its compared form and date of birth (`WeakKey`).
    public static let weakNameBirth = ValueKind(rawValue: 130)
    /// A record's name alone in its compared form (`WeakKey`): two persons identified by
    /// different kinds of identifier who are the only ones to carry a name are a candidate.
    public static let weakName = ValueKind(rawValue: 131)
    /// A mail message's writer (`RecordAssembler.mailMessage`): the message and a name's
    /// skeleton. It links as a link key does, but keeps no staff member's header block alive
    /// (`RecordTable.dropStaff`): a help desk agent's `From:` on every forward is no person.
    public static let mailWriter = ValueKind(rawValue: 132)

    public var identifier: IdentifierType? { rawValue < 64 ? IdentifierType(code: UInt8(rawValue)) : nil }
    public var element: ElementType? {
        if let id = identifier { return id == .email ? .email : id == .phone ? .phone : .nationalID }
        if rawValue >= 64 && rawValue < 128 { return ElementType(code: UInt8(rawValue - 64)) }
        return nil
    }
    public var isLinkKey: Bool { rawValue == 128 || rawValue == 132 }
    /// Link and weak keys only join records: never shown, stored without their text.
    public var isKey: Bool { rawValue >= 128 }
    /// Strong identifiers resolve persons: national IDs, e-mails, phones.
    public var isStrong: Bool { rawValue < 64 }
    public static func < (a: ValueKind, b: ValueKind) -> Bool { a.rawValue < b.rawValue }
}
