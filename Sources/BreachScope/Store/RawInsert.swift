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
    func bind(_ i: Int32, _ bytes: [UInt8]) {
        bytes.withUnsafeBytes { sqlite3_bind_blob(p, i, $0.baseAddress, Int32($0.count), Self.transient) }
    }
    func bind(_ i: Int32, _ h: ValueHash) {
        var be = (h.hi.bigEndian, h.lo.bigEndian)
        withUnsafeBytes(of: &be) { sqlite3_bind_blob(p, i, $0.baseAddress, 16, Self.transient) }
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
