import Foundation
import GRDB

/// The stored values, packed in boxes of up to `capacity` consecutive value ids (schema v3).
///
/// One row per box instead of one per value: a dense customer table has millions of distinct
/// values, and the writer inserted and sealed each one on its own. A box holds its values' kinds
/// and keyed hashes in the clear (what the resolver, the report and `lookup` need) and their
/// plaintexts in one AES-GCM box, so a box costs one seal and one row.
///
/// Row layout of `value_box`:
/// - `first_id`: id of the box's first value; the box holds ids `first_id ..< first_id + count`.
/// - `kinds`: 2 bytes per value (`ValueKind.rawValue`, big-endian).
/// - `hashes`: 16 bytes per value (`ValueHash.bytes`).
/// - `sealed`: a format byte, then
///   - `1`: one AES-GCM box (nonce ‖ ciphertext ‖ tag) of, per value, varint(length) ‖ bytes;
///   - `2` (boxes migrated from v2 rows): per value, varint(length) ‖ that value's own sealed box
///     (length 0 when nothing was sealed).
///   Link keys are never shown: their plaintext is stored empty.
public enum ValueBoxes {
    public static let capacity = 64
    static let oneBox: UInt8 = 1
    static let perValue: UInt8 = 2

    /// The three blobs of a box of the values at `indices` (at most `capacity`) of a slice's flat
    /// `values`, sealed with `sealer`.
    static func encode(_ values: PendingValues, _ indices: ArraySlice<Int>, sealer: inout Sealer) -> (kinds: [UInt8], hashes: [UInt8], sealed: [UInt8]) {
        // Kinds and hashes written in place, plaintexts through a `ByteWriter` (an append per
        // byte was a capacity and a uniqueness check each: a third of the writer's encoding).
        let count = indices.count
        let kinds = [UInt8](unsafeUninitializedCapacity: 2 * count) { out, initialized in
            for (k, i) in indices.enumerated() {
                let raw = values.kind(at: i).rawValue
                out[2 * k] = UInt8(raw >> 8); out[2 * k + 1] = UInt8(truncatingIfNeeded: raw)
            }
            initialized = 2 * count
        }
        let hashes = [UInt8](unsafeUninitializedCapacity: 16 * count) { out, initialized in
            let raw = UnsafeMutableRawBufferPointer(out)
            for (k, i) in indices.enumerated() {
                let h = values.hash(at: i)
                raw.storeBytes(of: h.hi.bigEndian, toByteOffset: 16 * k, as: UInt64.self)
                raw.storeBytes(of: h.lo.bigEndian, toByteOffset: 16 * k + 8, as: UInt64.self)
            }
            initialized = 16 * count
        }
        var writer = ByteWriter(capacity: count * 24)
        values.bytes.withUnsafeBytes { all in
            for i in indices {
                let r = values.range(i)
                let n = values.kind(at: i).isKey ? 0 : r.count  // link and weak keys are never shown: stored empty
                PackedItems.put(UInt64(n), &writer)
                if n > 0 { writer.put(bytes: UnsafeRawBufferPointer(rebasing: all[r])) }
            }
        }
        let plain = Array(writer.bytes)
        writer.free()
        let sealed = sealer.seal(plain)
        var out = [UInt8](); out.reserveCapacity(sealed.count + 1)
        out.append(oneBox); out.append(contentsOf: sealed)
        return (kinds, hashes, out)
    }

    @inline(__always) static func hash(_ p: UnsafeRawBufferPointer, at i: Int) -> ValueHash {
        ValueHash(hi: UInt64(bigEndian: p.loadUnaligned(fromByteOffset: 16 * i, as: UInt64.self)),
                  lo: UInt64(bigEndian: p.loadUnaligned(fromByteOffset: 16 * i + 8, as: UInt64.self)))
    }

    @inline(__always) static func kind(_ p: UnsafeRawBufferPointer, at i: Int) -> UInt16 {
        UInt16(p[2 * i]) << 8 | UInt16(p[2 * i + 1])
    }

    /// Calls `body` with every stored value's id, kind and keyed hash, in id order (no decryption).
    public static func forEach(_ db: Database, _ body: (_ id: Int64, _ kind: UInt16, _ hash: ValueHash) -> Void) throws {
        try RawRows(db, "SELECT first_id, count, kinds, hashes FROM value_box ORDER BY first_id").forEach { r in
            let first = r.int64(0), count = Int(r.int64(1))
            r.blob(2) { kinds in
                r.blob(3) { hashes in
                    for i in 0..<min(count, kinds.count / 2, hashes.count / 16) { body(first + Int64(i), kind(kinds, at: i), hash(hashes, at: i)) }
                }
            }
        }
    }

    /// How many values are stored.
    static func count(_ db: Database) throws -> Int {
        try Int.fetchOne(db, sql: "SELECT COALESCE(SUM(count), 0) FROM value_box") ?? 0
    }

    /// Ids of the stored values with one of these keyed hashes (a pass over the hashes: `lookup`
    /// asks for a handful of values, and an index would slow every scan down).
    public static func ids(_ db: Database, hashes wanted: Set<ValueHash>) throws -> Set<Int64> {
        var out = Set<Int64>()
        guard !wanted.isEmpty else { return out }
        try forEach(db) { id, _, h in if wanted.contains(h) { out.insert(id) } }
        return out
    }

    /// The id after the highest stored value id (ids are never reused).
    static func nextID(_ db: Database) throws -> Int64 {
        (try Int64.fetchOne(db, sql: "SELECT MAX(first_id + count) FROM value_box")) ?? 1
    }

    /// Schema v3: moves v2 `value` rows (one sealed box each) into boxes of consecutive ids,
    /// keeping every id and sealed box as it was (migrations run without the key).
    static func migrate(_ db: Database) throws {
        try db.execute(sql: """
            CREATE TABLE value_box(
                first_id INTEGER PRIMARY KEY,
                count INTEGER NOT NULL,
                kinds BLOB NOT NULL,
                hashes BLOB NOT NULL,
                sealed BLOB NOT NULL
            );
            """)
        let insert = try db.makeStatement(sql: "INSERT INTO value_box(first_id, count, kinds, hashes, sealed) VALUES(?, ?, ?, ?, ?)")
        var first: Int64 = 0, count = 0
        var kinds: [UInt8] = [], hashes: [UInt8] = [], sealed: [UInt8] = [perValue]
        func flush() throws {
            guard count > 0 else { return }
            try insert.execute(arguments: [first, count, Data(kinds), Data(hashes), Data(sealed)])
            count = 0; kinds = []; hashes = []; sealed = [perValue]
        }
        let rows = try Row.fetchCursor(db, sql: "SELECT id, kind, hash, sealed FROM value ORDER BY id")
        while let row = try rows.next() {
            let id: Int64 = row["id"]
            if count == capacity || (count > 0 && id != first + Int64(count)) { try flush() }
            if count == 0 { first = id }
            let kind = UInt16(truncatingIfNeeded: row["kind"] as Int64)
            kinds.append(UInt8(kind >> 8)); kinds.append(UInt8(truncatingIfNeeded: kind))
            let h: Data = row["hash"]
            var hb = Array(h.prefix(16)); hb += [UInt8](repeating: 0, count: 16 - hb.count)
            hashes.append(contentsOf: hb)
            let s: Data = row["sealed"]
            PackedItems.put(UInt64(s.count), &sealed)
            sealed.append(contentsOf: s)
            count += 1
        }
        try flush()
        try db.execute(sql: "DROP INDEX IF EXISTS value_hash; DROP TABLE value;")
    }
}

/// Reads stored values by id inside one database access: kinds without decryption, plaintexts
/// by opening each value's box once (opened boxes are kept, up to a memory bound). The boxes'
/// id ranges are loaded on first use, so a value of a box already read costs no query.
public final class ValueReader {
    private let db: Database
    private let vault: Vault
    private let find: Statement
    /// First id of every box, ascending (with `counts`), loaded on first use.
    private var firsts: [Int64] = []
    private var counts: [Int32] = []
    private var indexed = false

    private struct Box {
        var first: Int64
        var kinds: [UInt16]
        var plain: [[UInt8]]?
        var sealed: [UInt8]
    }
    private var boxes: [Int64: Box] = [:]
    private var cachedBytes = 0
    static let cacheBytes = 256 << 20
    /// The last box used (ids of one person are often neighbours).
    private var last: Box?

    public init(_ db: Database, vault: Vault) throws {
        self.db = db
        self.vault = vault
        find = try db.makeStatement(sql: "SELECT count, kinds, sealed FROM value_box WHERE first_id = ?")
    }

    /// The first id of the box holding `id`, from the in-memory box ranges.
    private func boxStart(_ id: Int64) throws -> Int64? {
        if !indexed {
            try RawRows(db, "SELECT first_id, count FROM value_box ORDER BY first_id").forEach { r in
                firsts.append(r.int64(0)); counts.append(Int32(truncatingIfNeeded: r.int64(1)))
            }
            indexed = true
        }
        var lo = 0, hi = firsts.count
        while lo < hi { let mid = (lo + hi) / 2; if firsts[mid] <= id { lo = mid + 1 } else { hi = mid } }
        guard lo > 0, id < firsts[lo - 1] + Int64(counts[lo - 1]) else { return nil }
        return firsts[lo - 1]
    }

    private func box(_ id: Int64) throws -> Box? {
        if let last, id >= last.first, id < last.first + Int64(last.kinds.count) { return last }
        guard let first = try boxStart(id) else { return nil }
        if let b = boxes[first] { last = b; return b }
        guard let row = try Row.fetchOne(find, arguments: [first]) else { return nil }
        let count: Int = row["count"]
        let kb: Data = row["kinds"], sealed: Data = row["sealed"]
        var kinds: [UInt16] = []
        kb.withUnsafeBytes { p in for i in 0..<min(count, p.count / 2) { kinds.append(ValueBoxes.kind(p, at: i)) } }
        let b = Box(first: first, kinds: kinds, plain: nil, sealed: Array(sealed))
        keep(b, bytes: 64 + 2 * kinds.count + b.sealed.count)
        return b
    }

    private func keep(_ b: Box, bytes: Int) {
        if cachedBytes > Self.cacheBytes { boxes.removeAll(); cachedBytes = 0 }
        cachedBytes += bytes
        boxes[b.first] = b
        last = b
    }

    /// The kind of value `id`, or nil when there is no such value.
    public func kind(_ id: Int64) throws -> ValueKind? {
        guard let b = try box(id), id - b.first < Int64(b.kinds.count) else { return nil }
        return ValueKind(rawValue: b.kinds[Int(id - b.first)])
    }

    /// Kind and plaintext of value `id` (empty for link keys), or nil when there is no such value.
    /// Throws `VaultError.cannotOpen` with a wrong key or a damaged box.
    public func value(_ id: Int64) throws -> (kind: ValueKind, plaintext: [UInt8])? {
        guard var b = try box(id), id - b.first < Int64(b.kinds.count) else { return nil }
        if b.plain == nil {
            b.plain = try Self.open(b.sealed, count: b.kinds.count, vault: vault)
            b.sealed = []
            keep(b, bytes: b.plain!.reduce(64) { $0 + $1.count + 32 })
        }
        let i = Int(id - b.first)
        return (ValueKind(rawValue: b.kinds[i]), b.plain![i])
    }

    /// The plaintext of value `id` as text.
    public func string(_ id: Int64) throws -> String? {
        try value(id).map { String(decoding: $0.plaintext, as: UTF8.self) }
    }

    /// Plaintexts of a box's values, in order.
    static func open(_ sealed: [UInt8], count: Int, vault: Vault) throws -> [[UInt8]] {
        guard let format = sealed.first else { throw VaultError.cannotOpen }
        var out: [[UInt8]] = []
        out.reserveCapacity(count)
        func lengthPrefixed(_ bytes: ArraySlice<UInt8>, _ each: ([UInt8]) throws -> [UInt8]) throws {
            var i = bytes.startIndex
            while i < bytes.endIndex && out.count < count {
                let n = PackedItems.get(bytes, &i)
                guard n <= UInt64(bytes.endIndex - i) else { throw VaultError.cannotOpen }
                out.append(try each(Array(bytes[i..<(i + Int(n))])))
                i += Int(n)
            }
            guard out.count == count else { throw VaultError.cannotOpen }
        }
        switch format {
        case ValueBoxes.oneBox:
            let plain = try vault.open(Array(sealed.dropFirst()))
            try lengthPrefixed(plain[...]) { $0 }
        case ValueBoxes.perValue:
            try lengthPrefixed(sealed.dropFirst()) { $0.isEmpty ? [] : try vault.open($0) }
        default:
            throw VaultError.cannotOpen
        }
        return out
    }
}
