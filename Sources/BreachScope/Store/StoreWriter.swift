import Foundation
import GRDB

/// The single writer of scan results. Workers hand it `ScanBatch`es through a bounded queue;
/// it drains the queue into one transaction at a time, hashing-to-id each distinct value once
/// (an in-memory map from keyed hash to row id) and sealing only values it has not seen.
/// A document's outcome is committed in the same or a later transaction than its records, so a
/// document marked finished always has all its records; a killed scan leaves it `scanning` and
/// the next `plan` rescans it.
public final class StoreWriter: @unchecked Sendable {
    private let store: Store
    private let vault: Vault
    private let queue: BoundedQueue<ScanBatch>
    /// What the writer thread keeps between transactions. Taken into a local while a
    /// transaction runs: a class's stored properties pay a dynamic exclusivity check on every
    /// access, and the write loop touches them millions of times.
    private struct State {
        var valueIDs = ValueHashMap(capacity: 1 << 16)
        var nextValueID: Int64 = 1
        /// The stored values' ids are loaded by the writer thread with its first batch: a scan
        /// with nothing new to write (only a resolve) never loads them, and a scan that has
        /// overlaps the load with the workers' first documents.
        var valuesLoaded = false
        /// What this scan wrote, when it began on an empty store (see `WrittenData`).
        var written: WrittenData?
        var sealer: Sealer
    }
    private var state: State?
    /// Values whose map slots are loaded ahead of their lookups (`ValueHashMap.warm`): enough to
    /// overlap many cache misses, few enough to stay in the cache until used.
    static let warmRun = 512
    private var thread: Thread?
    private let done = DispatchSemaphore(value: 0)
    private var failure: Error?

    public init(store: Store, vault: Vault, capacity: Int = 6) throws {
        self.store = store
        self.vault = vault
        queue = BoundedQueue(capacity: capacity)
        state = State(sealer: Sealer(vault: vault))
    }

    /// Loads the stored values' hash → id map (inside the writer's transaction).
    private static func loadValues(_ db: Database, into s: inout State) throws {
        var map = ValueHashMap(capacity: max(1 << 16, try ValueBoxes.count(db) * 5 / 4))
        try ValueBoxes.forEach(db) { id, _, h in if map[h] == nil { map.set(h, id) } }
        s.valueIDs = map
        s.nextValueID = try ValueBoxes.nextID(db)
        s.valuesLoaded = true
        let empty = try map.count == 0 && !(Bool.fetchOne(db, sql: "SELECT EXISTS(SELECT 1 FROM record_box)") ?? false)
        s.written = empty ? WrittenData(firstValueID: s.nextValueID) : nil
    }

    /// Starts the writer thread.
    public func start() {
        let t = Thread { [self] in run() }
        t.stackSize = 1 << 22
        thread = t
        t.start()
    }

    /// Hands a batch over; blocks while the queue is full.
    public func submit(_ batch: ScanBatch) { queue.put(batch) }

    /// Marks a document as being scanned (so a kill leaves evidence).
    public func begin(_ documentID: Int64) {
        var b = ScanBatch(documentID: documentID)
        b.outcome = nil
        queue.put(b)
    }

    /// Waits until everything submitted is written; rethrows a write failure.
    public func finish() throws {
        queue.close()
        done.wait()
        state?.valueIDs = ValueHashMap()  // the resolver runs next: give the memory back
        if let failure { throw failure }
    }

    /// After `finish()`: everything this scan wrote, when it began on an empty store (nil
    /// otherwise, or when nothing was written). Handed over once.
    public func takeWritten() -> WrittenData? {
        defer { state?.written = nil }
        return state?.written
    }

    private func run() {
        defer { done.signal() }
        while let first = queue.take() {
            var batches = [first]
            batches.append(contentsOf: queue.drain(max: 256))
            do {
                try write(batches)
            } catch {
                failure = error
                // Keep draining so producers never block forever.
                while queue.take() != nil {}
                return
            }
        }
    }

    private func write(_ batches: [ScanBatch]) throws {
        // Moved out (not copied: its arrays stay uniquely referenced) and back afterwards.
        var s = state!
        state = nil
        defer { state = s }
        try store.pool.write { db in
            if !s.valuesLoaded { try Self.loadValues(db, into: &s) }
            let insBox = try RawInsert(db, "INSERT INTO value_box(first_id, count, kinds, hashes, sealed) VALUES(?, ?, ?, ?, ?)")
            let insRecords = try RawInsert(db, "INSERT INTO record_box(document_id, first_ordinal, count, data) VALUES(?, ?, ?, ?)")
            let insField = try db.cachedStatement(sql: "INSERT OR REPLACE INTO field(document_id, ordinal, name_sealed, hint) VALUES(?, ?, ?, ?)")
            // A rule's first hit in the document is kept: parts of a document read in parallel
            // each send their first, in any order.
            let insEvidence = try db.cachedStatement(sql: """
                INSERT INTO evidence(document_id, rule_id, line, offset, masked_sealed) VALUES(?, ?, ?, ?, ?)
                ON CONFLICT(document_id, rule_id) DO UPDATE SET line = excluded.line, offset = excluded.offset,
                    masked_sealed = excluded.masked_sealed WHERE excluded.offset < evidence.offset
                """)
            let markScanning = try db.cachedStatement(sql: "UPDATE document SET status = 'scanning' WHERE id = ? AND status = 'pending'")
            let finish = try db.cachedStatement(sql: """
                UPDATE document SET status = ?, reason = ?, format = ?, encoding = ?, records = ?, findings = ?, scanned_at = ?
                WHERE id = ?
                """)
            let now = ISO8601DateFormatter().string(from: Date())
            var recordBox = ByteWriter(capacity: 1 << 16)
            defer { recordBox.free() }
            let insController = try db.cachedStatement(sql: "INSERT OR IGNORE INTO controller(id, key, name_sealed, listed) VALUES(?, ?, ?, 0)")
            for b in batches {
                for c in b.controllers { try insController.execute(arguments: [c.id, c.key, Data(c.nameSealed)]) }
                try markScanning.execute(arguments: [b.documentID])
                for f in b.fields {
                    try insField.execute(arguments: [b.documentID, f.ordinal, Data(vault.sealString(f.name)), HintName.of(f.hint)])
                }
                // Value ids fit the map's 32-bit numbers (4.29 billion distinct values).
                guard s.nextValueID + Int64(b.values.count) <= ValueHashMap.maxNumber else {
                    throw WorkspaceError.full(ValueHashMap.maxNumber)
                }
                // New values get the next ids and go in boxes of consecutive ids. A value repeated
                // within the slice is stored once.
                var ids = [Int64](repeating: 0, count: b.values.count)
                var fresh: [Int] = []  // indices into b.values
                for i in 0..<b.values.count {
                    if i % Self.warmRun == 0 { s.valueIDs.warm(b.values.entries[i..<min(i + Self.warmRun, b.values.count)].lazy.map(\.hash)) }
                    let h = b.values.hash(at: i)
                    let next = s.nextValueID + Int64(fresh.count)
                    if let id = s.valueIDs.findOrInsert(h, next) { ids[i] = id; continue }
                    ids[i] = next
                    s.written?.addValue(kind: b.values.kind(at: i), hash: h)
                    fresh.append(i)
                }
                var k = 0
                while k < fresh.count {
                    let m = min(ValueBoxes.capacity, fresh.count - k)
                    let box = ValueBoxes.encode(b.values, fresh[k..<(k + m)], sealer: &s.sealer)
                    insBox.bind(1, s.nextValueID + Int64(k))
                    insBox.bind(2, Int64(m))
                    insBox.bind(3, box.kinds)
                    insBox.bind(4, box.hashes)
                    insBox.bind(5, box.sealed)
                    try insBox.step(db)
                    k += m
                }
                s.nextValueID += Int64(fresh.count)
                // Records go in boxes of up to 256 (one row each, see `RecordBoxes`).
                var r0 = 0
                while r0 < b.records.count {
                    let m = min(RecordBoxes.capacity, b.records.count - r0)
                    recordBox.removeAll()
                    let firstOrdinal = RecordBoxes.append(b.records, r0..<(r0 + m), ids: ids, to: &recordBox)
                    insRecords.bind(1, b.documentID)
                    insRecords.bind(2, Int64(firstOrdinal))
                    insRecords.bind(3, Int64(m))
                    insRecords.bindBlob(4, recordBox.bytes)
                    try insRecords.step(db)
                    r0 += m
                }
                s.written?.addRecords(b, ids: ids)
                for e in b.evidence {
                    try insEvidence.execute(arguments: [b.documentID, e.rule, e.line, e.offset, Data(e.maskedSealed)])
                }
                if let o = b.outcome {
                    try finish.execute(arguments: [o.status.rawValue, o.reason, o.format, o.encoding, o.records, o.findings, now, b.documentID])
                }
            }
        }
    }
}

/// A blocking, bounded multi-producer single-consumer queue (back-pressure for the writer).
/// It holds at most `capacity` elements, so taking from the front is cheap, and a taken batch
/// is released at once (a batch holds thousands of records).
final class BoundedQueue<Element: Sendable>: @unchecked Sendable {
    private var items: [Element] = []
    private var closed = false
    private let capacity: Int
    private let cond = NSCondition()

    init(capacity: Int) { self.capacity = max(1, capacity) }

    func put(_ e: Element) {
        cond.lock(); defer { cond.unlock() }
        while items.count >= capacity && !closed { cond.wait() }
        items.append(e)
        cond.broadcast()
    }

    func take() -> Element? {
        cond.lock(); defer { cond.unlock() }
        while items.isEmpty && !closed { cond.wait() }
        if items.isEmpty { return nil }
        let e = items.removeFirst()
        cond.broadcast()
        return e
    }

    func drain(max: Int) -> [Element] {
        cond.lock(); defer { cond.unlock() }
        let n = min(max, items.count)
        let out = Array(items.prefix(n))
        items.removeFirst(n)
        cond.broadcast()
        return out
    }

    func close() {
        cond.lock(); closed = true; cond.broadcast(); cond.unlock()
    }
}
