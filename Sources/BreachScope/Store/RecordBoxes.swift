import Foundation
import GRDB

/// Records in boxes (schema v5): one `record_box` row holds up to `capacity` records of one
/// document, as the writer received them (a scan slice). A million record rows cost the writer
/// about a CPU-second of SQLite work; a box costs one row for up to 256 records.
///
/// A box's `data` is its records one after another, each: ordinal, line, offset (varints),
/// language (varint length + 1, 0 = none, UTF-8), then the packed items (`PackedItems`, a varint
/// length and the bytes). Nothing in a box is plaintext personal data: items reference values by
/// id.
enum RecordBoxes {
    static let capacity = 256

    /// One record of a box; `items` is valid only inside the visiting closure.
    struct Record {
        var ordinal: Int
        var line: Int
        var offset: Int
        var language: UnsafeRawBufferPointer?
        var items: UnsafeRawBufferPointer
    }

    /// Appends one record to a box's `data`.
    static func append(ordinal: Int, line: Int, offset: Int, language: String?, items: UnsafeRawBufferPointer, to out: inout [UInt8]) {
        appendHeader(ordinal: ordinal, line: line, offset: offset, language: language, to: &out)
        PackedItems.putBytes(items, &out)
    }

    /// A record's fields before its items.
    @inline(__always)
    private static func appendHeader<S: ByteSink>(ordinal: Int, line: Int, offset: Int, language: String?, to out: inout S) {
        PackedItems.put(UInt64(max(0, ordinal)), &out)
        PackedItems.put(UInt64(max(0, line)), &out)
        PackedItems.put(UInt64(max(0, offset)), &out)
        PackedItems.putText(language, &out)
    }

    /// Appends records `range` of a scan slice to a box's `data` as the writer stores them: an
    /// item's value becomes its row id (`ids[i]` is the id of the slice's value `i`). Returns the
    /// smallest ordinal.
    static func append<S: ByteSink>(_ records: PendingRecords, _ range: Range<Int>, ids: [Int64], to out: inout S) -> Int {
        var firstOrdinal = Int.max
        let items = records.items
        for j in range {
            let r = records.headers[j]
            appendHeader(ordinal: r.ordinal, line: r.line, offset: r.offset, language: r.language, to: &out)
            out.putSized { out in
                for x in r.itemStart..<r.itemEnd {
                    let it = items[x]
                    PackedItems.append(PackedItems.Item(valueID: it.stored(ids: ids), code: it.code,
                                                        field: Int(it.field), line: Int(it.line), offset: it.offset),
                                       recordLine: r.line, recordOffset: r.offset, to: &out)
                }
            }
            firstOrdinal = min(firstOrdinal, r.ordinal)
        }
        return firstOrdinal
    }

    /// The records of one box's `data`, in the order they were written. A damaged box gives the
    /// records before the damage.
    static func decode(_ data: UnsafeRawBufferPointer, count: Int, _ body: (Record) throws -> Void) rethrows {
        var c = PackedCursor(data)
        for _ in 0..<count {
            guard let ordinal = c.varint(), let line = c.varint(), let offset = c.varint(), let language = c.text(),
                  let items = c.bytes() else { return }
            try body(Record(ordinal: ordinal, line: line, offset: offset, language: language, items: items))
        }
    }

    /// Calls `body` with every record of the store (or of one document), ordered by document id
    /// and ordinal (records of equal ordinal in the order written).
    static func forEach(_ db: Database, document: Int64? = nil, _ body: (_ document: Int64, Record) throws -> Void) throws {
        let sql = "SELECT document_id, count, data FROM record_box"
            + (document.map { " WHERE document_id = \($0)" } ?? "") + " ORDER BY document_id, first_ordinal, id"
        var current: Int64 = -1
        var boxes = DocumentBoxes()
        try RawRows(db, sql).forEach { r in
            let d = r.int64(0)
            if d != current { try boxes.drain { try body(current, $0) }; current = d }
            r.blob(2) { boxes.append($0, count: Int(r.int64(1))) }
        }
        try boxes.drain { try body(current, $0) }
    }

    /// One document's boxes in one buffer, as read from the store.
    struct DocumentBoxes {
        private var bytes: [UInt8] = []
        private var boxes: [(end: Int, count: Int)] = []

        mutating func append(_ data: UnsafeRawBufferPointer, count: Int) {
            bytes.append(contentsOf: data)
            boxes.append((bytes.count, count))
        }

        /// Visits the records in ordinal order (sorted when a slice came out of order; records of
        /// equal ordinal in the order written), then empties the buffer.
        mutating func drain(_ body: (Record) throws -> Void) rethrows {
            guard !boxes.isEmpty else { return }
            try bytes.withUnsafeBytes { all in
                func each(_ visit: (Record) throws -> Void) rethrows {
                    var start = 0
                    for box in boxes {
                        try decode(UnsafeRawBufferPointer(rebasing: all[start..<box.end]), count: box.count, visit)
                        start = box.end
                    }
                }
                // Nearly always in order: then the records go straight to `body`, else through a
                // sorted array.
                var last = Int.min, ordered = true
                each { r in if r.ordinal < last { ordered = false }; last = r.ordinal }
                if ordered { try each(body); return }
                var records: [Record] = []
                each { records.append($0) }
                records = records.enumerated().sorted { ($0.element.ordinal, $0.offset) < ($1.element.ordinal, $1.offset) }.map(\.element)
                for r in records { try body(r) }
            }
            bytes.clear()
            boxes.clear()
        }
    }

    /// Schema v5: moves v1 `record` rows (one per record) into boxes of one document's records in
    /// ordinal order.
    static func migrate(_ db: Database) throws {
        try db.execute(sql: """
            CREATE TABLE record_box(
                id INTEGER PRIMARY KEY,
                document_id INTEGER NOT NULL REFERENCES document(id) ON DELETE CASCADE,
                first_ordinal INTEGER NOT NULL,
                count INTEGER NOT NULL,
                data BLOB NOT NULL              -- the records, packed (see RecordBoxes)
            );
            CREATE INDEX record_box_document ON record_box(document_id, first_ordinal);
            """)
        let insert = try RawInsert(db, "INSERT INTO record_box(document_id, first_ordinal, count, data) VALUES(?, ?, ?, ?)")
        var box: [UInt8] = [], document: Int64 = 0, first = 0, count = 0
        func flush() throws {
            guard count > 0 else { return }
            insert.bind(1, document); insert.bind(2, Int64(first)); insert.bind(3, Int64(count)); insert.bind(4, box)
            try insert.step(db)
            box.clear(); count = 0
        }
        try RawRows(db, "SELECT document_id, ordinal, line, offset, language, items FROM record ORDER BY document_id, ordinal, id").forEach { r in
            let d = r.int64(0)
            if count == capacity || (count > 0 && d != document) { try flush() }
            if count == 0 { document = d; first = Int(r.int64(1)) }
            let language = r.isNull(4) ? nil : r.textBytes(4) { String(decoding: $0, as: UTF8.self) }
            r.blob(5) { append(ordinal: Int(r.int64(1)), line: Int(r.int64(2)), offset: Int(r.int64(3)), language: language, items: $0, to: &box) }
            count += 1
        }
        try flush()
        try db.execute(sql: "DROP TABLE record")
    }
}
