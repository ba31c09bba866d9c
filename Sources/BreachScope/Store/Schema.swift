import GRDB

/// The store's schema, as GRDB migrations. Nothing here holds plaintext personal data:
/// values are keyed hashes plus AES-GCM sealed bytes; paths and column names are sealed too,
/// because leaked file names and headers can themselves contain names.
enum Schema {
    static var migrator: DatabaseMigrator {
        var m = DatabaseMigrator()
        m.registerMigration("v1") { db in
            try db.execute(sql: """
                CREATE TABLE meta(key TEXT PRIMARY KEY, value TEXT NOT NULL);
                CREATE TABLE document(
                    id INTEGER PRIMARY KEY,
                    path_hash BLOB NOT NULL UNIQUE,
                    path_sealed BLOB NOT NULL,
                    batch TEXT NOT NULL,
                    size INTEGER NOT NULL,
                    mtime REAL NOT NULL,
                    status TEXT NOT NULL,         -- pending | scanning | scanned | skipped | failed
                    reason TEXT,
                    format TEXT,
                    encoding TEXT,
                    records INTEGER NOT NULL DEFAULT 0,
                    findings INTEGER NOT NULL DEFAULT 0,
                    scanned_at TEXT
                );
                CREATE TABLE field(
                    document_id INTEGER NOT NULL REFERENCES document(id) ON DELETE CASCADE,
                    ordinal INTEGER NOT NULL,
                    name_sealed BLOB NOT NULL,
                    hint TEXT NOT NULL,
                    PRIMARY KEY(document_id, ordinal)
                ) WITHOUT ROWID;
                -- One row per distinct value. No index on `hash` while scanning (the writer keeps the
                -- hash → id map in memory); `lookup` creates `value_hash` when it first needs it.
                CREATE TABLE value(
                    id INTEGER PRIMARY KEY,
                    kind INTEGER NOT NULL,
                    hash BLOB NOT NULL,
                    sealed BLOB NOT NULL
                );
                CREATE TABLE record(
                    id INTEGER PRIMARY KEY,
                    document_id INTEGER NOT NULL REFERENCES document(id) ON DELETE CASCADE,
                    ordinal INTEGER NOT NULL,
                    line INTEGER NOT NULL,
                    offset INTEGER NOT NULL,
                    language TEXT,
                    items BLOB NOT NULL
                );
                CREATE INDEX record_document ON record(document_id);
                -- Resolution output, rebuilt by the resolver from records.
                -- Resolution output, rebuilt by the resolver from records (see StoredPerson).
                CREATE TABLE person(
                    id INTEGER PRIMARY KEY,
                    pid TEXT NOT NULL,          -- rows are written in pid order (rowid order = pid order)
                    language TEXT,
                    flags INTEGER NOT NULL DEFAULT 0,
                    vals BLOB NOT NULL,
                    exposures BLOB NOT NULL
                );
                CREATE TABLE conflict(
                    id INTEGER PRIMARY KEY,
                    kind TEXT NOT NULL,
                    value_id INTEGER NOT NULL,
                    persons INTEGER NOT NULL
                );
                """)
        }
        return m
    }
}
