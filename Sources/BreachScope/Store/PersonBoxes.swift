import Foundation
import GRDB

/// Resolved persons in boxes of consecutive row ids (schema v4): one `person_box` row holds up to
/// `capacity` persons, in person-id order. A million person rows took the resolver ~1.3 s of
/// SQLite work; a box costs SQLite one row for 64 persons.
///
/// A box's `data` is its persons one after another, each:
/// pid (varint length, UTF-8), language (varint length + 1, 0 = none, UTF-8), flags (varint),
/// then `vals`, `exposures`, `attributions`, `reasons` (each a varint length and the bytes
/// `StoredPerson`'s packers write). Nothing in a box is plaintext personal data: pids are keyed
/// hashes, values are ids.
enum PersonBoxes {
    static let capacity = 64

    /// Appends the start of one person to a box's `data`; `appendFields` appends the rest.
    static func appendHeader<S: ByteSink>(pid: UnsafeRawBufferPointer, language: String?, flags: Int, to out: inout S) {
        PackedItems.putBytes(pid, &out)
        PackedItems.putText(language, &out)
        PackedItems.put(UInt64(flags), &out)
    }

    /// Appends a person's four fields after `appendHeader`, each after its length.
    static func appendFields<S: ByteSink>(values: [Int64], exposures: [StoredPerson.Exposure], attributions: [StoredPerson.Triple],
                                          reasons: [StoredPerson.Triple], to out: inout S) {
        out.putSized { StoredPerson.packValues(values, into: &$0) }
        out.putSized { StoredPerson.packExposures(exposures, into: &$0) }
        out.putSized { StoredPerson.packTriples(attributions, into: &$0) }
        out.putSized { StoredPerson.packTriples(reasons, into: &$0) }
    }

    /// Appends a stored person to a box's `data` (the v4 migration).
    static func append(_ p: StoredPerson, to out: inout [UInt8]) {
        var pid = p.pid
        pid.withUTF8 { appendHeader(pid: UnsafeRawBufferPointer($0), language: p.language, flags: p.flags, to: &out) }
        appendFields(values: p.values, exposures: p.exposures, attributions: p.attributions, reasons: p.reasons, to: &out)
    }

    /// The persons of one box's `data`; `firstID` is the first one's row id. A damaged box gives
    /// the persons before the damage.
    static func decode(_ data: UnsafeRawBufferPointer, firstID: Int64, count: Int, _ body: (StoredPerson) throws -> Void) rethrows {
        var c = PackedCursor(data)
        for k in 0..<count {
            guard let pid = c.bytes(), let language = c.text(), let flags = c.varint(),
                  let v = c.bytes(), let e = c.bytes(), let a = c.bytes(), let r = c.bytes() else { return }
            try body(StoredPerson(rowID: firstID + Int64(k), pid: String(decoding: pid, as: UTF8.self),
                                  language: language.map { String(decoding: $0, as: UTF8.self) }, flags: flags,
                                  values: StoredPerson.unpackValues(v), exposures: StoredPerson.unpackExposures(e),
                                  attributions: StoredPerson.unpackTriples(a), reasons: StoredPerson.unpackTriples(r)))
        }
    }

    /// Calls `body` for every person in row-id order (= person-id order).
    static func forEach(_ db: Database, _ body: (StoredPerson) throws -> Void) throws {
        try RawRows(db, "SELECT first_id, count, data FROM person_box ORDER BY first_id").forEach { r in
            try r.blob(2) { try decode($0, firstID: r.int64(0), count: Int(r.int64(1)), body) }
        }
    }

    /// Schema v4: moves v1 `person` rows (one per person) into boxes, keeping row ids and order.
    static func migrate(_ db: Database) throws {
        try db.execute(sql: """
            CREATE TABLE person_box(
                first_id INTEGER PRIMARY KEY,   -- row id of the box's first person; persons are numbered 1… in pid order
                count INTEGER NOT NULL,
                data BLOB NOT NULL              -- the persons, packed (see PersonBoxes)
            );
            """)
        var box: [UInt8] = [], first: Int64 = 0, count = 0, last: Int64 = -1
        func flush() throws {
            guard count > 0 else { return }
            try db.execute(sql: "INSERT INTO person_box(first_id, count, data) VALUES(?, ?, ?)", arguments: [first, count, Data(box)])
            box.clear(); count = 0
        }
        let rows = try Row.fetchCursor(db, sql: "SELECT id, pid, language, flags, vals, exposures, attributions, reasons FROM person ORDER BY id")
        while let row = try rows.next() {
            let p = StoredPerson(row: row)
            // Row ids of a box are consecutive; a gap starts a new box.
            if count == capacity || (count > 0 && p.rowID != last + 1) { try flush() }
            if count == 0 { first = p.rowID }
            append(p, to: &box)
            count += 1; last = p.rowID
        }
        try flush()
        try db.execute(sql: "DROP TABLE person")
    }
}
