import GRDB
import GRDBSQLite

/// Binds and steps a cached GRDB statement through the SQLite C API: the writer's hot loop
/// inserts millions of rows, and building `StatementArguments` per row costs more than SQLite.
struct RawInsert {
    let statement: Statement
    private var p: OpaquePointer { statement.sqliteStatement }
    private static let transient = unsafeBitCast(-1, to: sqlite3_destructor_type.self)

    init(_ db: Database, _ sql: String) throws {
        statement = try db.cachedStatement(sql: sql)
    }

    func bind(_ i: Int32, _ v: Int64) { sqlite3_bind_int64(p, i, v) }
    func bind(_ i: Int32, _ v: String?) {
        if let v { sqlite3_bind_text(p, i, v, -1, Self.transient) } else { sqlite3_bind_null(p, i) }
    }
    /// Text given as UTF-8 bytes (copied by SQLite).
    func bindText(_ i: Int32, _ utf8: UnsafeRawBufferPointer) {
        sqlite3_bind_text(p, i, utf8.baseAddress?.assumingMemoryBound(to: CChar.self), Int32(utf8.count), Self.transient)
    }
    func bind(_ i: Int32, _ bytes: [UInt8]) {
        // An empty blob, not NULL (an empty array's buffer may have no base address).
        if bytes.isEmpty { sqlite3_bind_zeroblob(p, i, 0); return }
        _ = bytes.withUnsafeBytes { sqlite3_bind_blob(p, i, $0.baseAddress, Int32($0.count), Self.transient) }
    }
    /// A blob from raw bytes (copied by SQLite); empty, not NULL, when there are none.
    func bindBlob(_ i: Int32, _ bytes: UnsafeRawBufferPointer) {
        if bytes.isEmpty { sqlite3_bind_zeroblob(p, i, 0); return }
        sqlite3_bind_blob(p, i, bytes.baseAddress, Int32(bytes.count), Self.transient)
    }
    func bind(_ i: Int32, _ h: ValueHash) {
        var be = (h.hi.bigEndian, h.lo.bigEndian)
        _ = withUnsafeBytes(of: &be) { sqlite3_bind_blob(p, i, $0.baseAddress, 16, Self.transient) }
    }

    /// Executes the bound statement; throws with SQLite's message (never the values).
    func step(_ db: Database) throws {
        let rc = sqlite3_step(p)
        sqlite3_reset(p)
        guard rc == SQLITE_DONE else {
            throw DatabaseError(resultCode: ResultCode(rawValue: rc), message: "insert failed (SQLite code \(rc))")
        }
    }
}

/// Steps through a query's rows with the SQLite C API (no `Row` per row): for the resolver's
/// full-table reads of millions of values and records.
struct RawRows {
    let statement: Statement
    private var p: OpaquePointer { statement.sqliteStatement }

    init(_ db: Database, _ sql: String) throws {
        statement = try db.makeStatement(sql: sql)
    }

    /// Calls `body` once per row; read columns with the accessors below inside it.
    func forEach(_ body: (RawRows) throws -> Void) throws {
        while true {
            let rc = sqlite3_step(p)
            if rc == SQLITE_DONE { break }
            guard rc == SQLITE_ROW else {
                throw DatabaseError(resultCode: ResultCode(rawValue: rc), message: "query failed (SQLite code \(rc))")
            }
            try body(self)
        }
        sqlite3_reset(p)
    }

    func int64(_ i: Int32) -> Int64 { sqlite3_column_int64(p, i) }
    func isNull(_ i: Int32) -> Bool { sqlite3_column_type(p, i) == SQLITE_NULL }
    func text(_ i: Int32) -> String? {
        guard let c = sqlite3_column_text(p, i) else { return nil }
        return String(cString: c)
    }
    /// The text's UTF-8 bytes (no `String`), valid only inside `body`; nil when NULL.
    func textBytes<T>(_ i: Int32, _ body: (UnsafeRawBufferPointer) -> T) -> T? {
        guard let c = sqlite3_column_text(p, i) else { return nil }
        return body(UnsafeRawBufferPointer(start: c, count: Int(sqlite3_column_bytes(p, i))))
    }
    /// The blob's bytes, valid only inside `body`.
    func blob<T>(_ i: Int32, _ body: (UnsafeRawBufferPointer) throws -> T) rethrows -> T {
        let n = Int(sqlite3_column_bytes(p, i))
        guard n > 0, let base = sqlite3_column_blob(p, i) else { return try body(UnsafeRawBufferPointer(start: nil, count: 0)) }
        return try body(UnsafeRawBufferPointer(start: base, count: n))
    }
}
