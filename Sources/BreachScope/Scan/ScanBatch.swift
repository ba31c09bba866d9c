/// What a scanner worker hands to the store writer for one document: a slice of its records
/// (large documents arrive in several slices) and, with the last slice, the outcome.
/// Plaintext values travel only in memory, to be hashed and sealed by the writer.
public struct ScanBatch: Sendable {
    public var documentID: Int64
    /// Columns declared since the previous slice.
    public var fields: [FieldDeclaration] = []
    /// Values referenced by `records` in this slice (flat: no array per value). A value repeated
    /// nearby is here once; one repeated far apart may be here twice (the assembler remembers
    /// recent values only), and the writer stores it once.
    public var values = PendingValues()
    /// The slice's records (flat: one item array for all records).
    public var records = PendingRecords()
    /// Controllers first named in this slice (unlisted ones, from field values).
    public var controllers: [ScanScope.NewController] = []
    /// First evidence of each special-category rule in the document (masked and sealed).
    public var evidence: [PendingEvidence] = []
    /// Set on the document's last slice.
    public var outcome: DocumentOutcome?

    public init(documentID: Int64) { self.documentID = documentID }
}

/// A column, JSON path or text label of a document.
public struct FieldDeclaration: Sendable {
    public var ordinal: Int
    public var name: String
    public var hint: FieldHint
}

/// A value to store: its kind, its keyed hash (computed by the worker that found it, so hashing
/// runs in parallel) and, in memory only, its plaintext (sealed by the writer in `ValueBoxes`).
public struct PendingValue: Sendable {
    public var kind: ValueKind
    public var hash: ValueHash
    public var plaintext: [UInt8]
}

/// The values of a slice (see `ScanBatch.values`), stored flat: per value its kind, keyed hash
/// and a range of `bytes`, which holds every plaintext back to back. A dense slice has tens of
/// thousands of values; one array each cost a `malloc` on the worker and a `free` on the writer
/// thread. Indexing gives a `PendingValue` (a copy of its plaintext: for tests and rare paths);
/// hot paths use `kind(at:)`, `hash(at:)` and `withPlaintext(at:_:)`.
public struct PendingValues: Sendable, RandomAccessCollection {
    /// One value's metadata; its plaintext is `bytes[start ..< start + length]`.
    public struct Entry: Sendable {
        public var hash: ValueHash
        public var start: Int32
        public var length: Int32
        public var kind: ValueKind
    }
    public private(set) var entries: [Entry] = []
    /// Every value's plaintext, back to back.
    public private(set) var bytes: [UInt8] = []

    public init() {}

    public var startIndex: Int { 0 }
    public var endIndex: Int { entries.count }
    public subscript(i: Int) -> PendingValue {
        PendingValue(kind: entries[i].kind, hash: entries[i].hash, plaintext: Array(bytes[range(i)]))
    }

    @inline(__always) public func kind(at i: Int) -> ValueKind { entries[i].kind }
    @inline(__always) public func hash(at i: Int) -> ValueHash { entries[i].hash }
    @inline(__always) public func range(_ i: Int) -> Range<Int> {
        let e = entries[i]
        return Int(e.start) ..< Int(e.start) + Int(e.length)
    }
    /// Calls `body` with value `i`'s plaintext (valid only during the call).
    @inline(__always)
    public func withPlaintext<R>(at i: Int, _ body: (UnsafeBufferPointer<UInt8>) throws -> R) rethrows -> R {
        let r = range(i)
        return try bytes.withUnsafeBufferPointer { try body(UnsafeBufferPointer(rebasing: $0[r])) }
    }

    public mutating func append(_ v: PendingValue) { append(kind: v.kind, hash: v.hash, plaintext: v.plaintext) }

    /// Reserves room for `count` values of `bytes` plaintext bytes in all.
    public mutating func reserveCapacity(_ count: Int, bytes byteCount: Int) {
        entries.reserveCapacity(count)
        bytes.reserveCapacity(byteCount)
    }

    /// Appends a value (its bytes are copied) and returns its index.
    @discardableResult
    public mutating func append(kind: ValueKind, hash: ValueHash, plaintext: some Collection<UInt8>) -> Int {
        let start = bytes.count
        bytes.append(contentsOf: plaintext)
        entries.append(Entry(hash: hash, start: Int32(truncatingIfNeeded: start), length: Int32(truncatingIfNeeded: bytes.count - start), kind: kind))
        return entries.count - 1
    }
}

/// The records of a slice, stored flat: a header per record and one array of all their items
/// (a record's items are `items[header.itemStart ..< header.itemEnd]`), so emitting a record
/// allocates nothing. Indexing gives a `PendingRecord` (a copy: for tests and rare paths).
public struct PendingRecords: Sendable, RandomAccessCollection {
    /// A record without its items.
    public struct Header: Sendable {
        public var ordinal: Int
        public var line: Int
        public var offset: Int
        public var language: String?
        public var itemStart: Int
        public var itemEnd: Int
    }
    public private(set) var headers: [Header] = []
    /// Every record's items, in record order.
    public private(set) var items: [PendingItem] = []

    public init() {}

    public var startIndex: Int { 0 }
    public var endIndex: Int { headers.count }
    public subscript(i: Int) -> PendingRecord {
        let h = headers[i]
        return PendingRecord(ordinal: h.ordinal, line: h.line, offset: h.offset, language: h.language, items: Array(items[h.itemStart..<h.itemEnd]))
    }

    /// Reserves room for `count` records with `items` items in all.
    public mutating func reserveCapacity(_ count: Int, items itemCount: Int) {
        headers.reserveCapacity(count)
        items.reserveCapacity(itemCount)
    }

    public mutating func append(_ r: PendingRecord) {
        append(ordinal: r.ordinal, line: r.line, offset: r.offset, language: r.language, items: r.items)
    }

    /// Adds items at the end of record `i`'s items; the items of the records after it move up.
    public mutating func insert(items added: some Collection<PendingItem>, intoRecord i: Int) {
        let at = headers[i].itemEnd
        let n = added.count
        items.insert(contentsOf: added, at: at)
        headers[i].itemEnd += n
        for k in (i + 1)..<headers.count {
            headers[k].itemStart += n
            headers[k].itemEnd += n
        }
    }

    /// Removes the items `drop` picks; a record left without an item that makes it worth
    /// storing (`PendingItem.isEmitted`) goes too.
    public mutating func removeItems(where drop: (PendingItem) -> Bool) {
        var kept = PendingRecords()
        kept.reserveCapacity(headers.count, items: items.count)
        for h in headers {
            let start = kept.items.count
            for it in items[h.itemStart..<h.itemEnd] where !drop(it) { kept.items.append(it) }
            if kept.items[start...].contains(where: { $0.isEmitted }) {
                kept.headers.append(Header(ordinal: h.ordinal, line: h.line, offset: h.offset, language: h.language, itemStart: start, itemEnd: kept.items.count))
            } else {
                kept.items.removeSubrange(start...)
            }
        }
        self = kept
    }

    /// Appends a record with these items (copied).
    public mutating func append(ordinal: Int, line: Int, offset: Int, language: String?, items recordItems: some Collection<PendingItem>) {
        let start = items.count
        items.append(contentsOf: recordItems)
        headers.append(Header(ordinal: ordinal, line: line, offset: offset, language: language, itemStart: start, itemEnd: items.count))
    }
}

/// One record: its items reference `ScanBatch.values` by index.
public struct PendingRecord: Sendable {
    public var ordinal: Int
    public var line: Int
    public var offset: Int
    public var language: String?
    public var items: [PendingItem]
}

/// One finding (or link key) of a record.
public struct PendingItem: Sendable, Hashable {
    /// Link keys use this element code.
    public static let linkKeyCode: UInt8 = 255
    /// A staff member's e-mail, phone or name (`RecordAssembler.markStaff`, `addStaff`): no
    /// element of the record's; the resolver takes the value from every record
    /// (`RecordTable.dropStaff`).
    public static let staffCode: UInt8 = 253
    /// Index into `ScanBatch.values`, or -1 for elements that carry no stored value
    /// (purchase history, delivery info).
    public var value: Int64
    /// `ElementType.code`, `linkKeyCode`, a special-category reason (`PackedItems.reasonBase` +
    /// category code; `value` is the rule's row id) or a controller attribution
    /// (`PackedItems.controllerCode`; `value` is controller id << 16 | rule id).
    public var code: UInt8
    /// Field ordinal, or -1 for free text.
    public var field: Int32
    public var line: Int32
    public var offset: Int
}

extension PendingItem {
    /// Whether `value` indexes `ScanBatch.values` (and not a rule or controller id).
    @inline(__always) public var refersToValue: Bool {
        value >= 0 && (code < PackedItems.reasonBase || code == PendingItem.linkKeyCode || code == PendingItem.staffCode)
    }
    /// The value the store keeps for the item (`PackedItems.Item.valueID`): its value's row id
    /// (`ids[i]` is the id of the slice's value `i`), a rule or controller id, or 0 for none.
    @inline(__always) func stored(ids: [Int64]) -> Int64 { refersToValue ? ids[Int(value)] : max(value, 0) }
    /// Whether the item makes its record worth storing: a personal element or a special-category
    /// reason (link keys, controller attributions and staff values only qualify what else the
    /// record holds).
    var isEmitted: Bool { code < PackedItems.reasonBase + 32 }
    /// Whether the item is a special-category reason (`value` a rule's id).
    var isCategoryReason: Bool { code >= PackedItems.reasonBase && code < PackedItems.reasonBase + 32 }
}

/// Where a special-category rule first matched in a document, with masked evidence.
public struct PendingEvidence: Sendable {
    public var rule: Int64
    public var line: Int
    public var offset: Int
    public var maskedSealed: [UInt8]
}

/// How a document ended.
public struct DocumentOutcome: Sendable {
    public enum Status: String, Sendable, CaseIterable { case scanned, skipped, failed }
    public var status: Status
    public var reason: String?
    public var format: String?
    public var encoding: String?
    public var records: Int
    public var findings: Int
}
