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
                -- One row per distinct value (until v3 moved values into `value_box`).
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
        // Issue #4: batches, controllers, special-category reasons, weak-identity review.
        m.registerMigration("v2") { db in
            try db.execute(sql: """
                -- Deliveries of leaked files, in the order they were first scanned.
                CREATE TABLE batch(
                    name TEXT PRIMARY KEY,
                    seq INTEGER NOT NULL UNIQUE,
                    published_at TEXT,
                    first_scan_at TEXT NOT NULL
                ) WITHOUT ROWID;
                -- Named rules (controller attribution and special-category inference) referenced by
                -- records and persons by id.
                CREATE TABLE rule(
                    id INTEGER PRIMARY KEY,
                    name TEXT NOT NULL UNIQUE,
                    kind TEXT NOT NULL,           -- controller | category
                    explain TEXT
                );
                -- Controllers. Listed ones come from the rules file (key = its id); unlisted ones were
                -- named by a field value (key = keyed hash). Names are sealed: a value such as an
                -- ordering doctor's name can itself be personal data.
                CREATE TABLE controller(
                    id INTEGER PRIMARY KEY,
                    key TEXT NOT NULL UNIQUE,
                    name_sealed BLOB NOT NULL,
                    listed INTEGER NOT NULL
                );
                -- External register entries (identifier hash → controller), loaded by `scan --controllers`.
                CREATE TABLE register_entry(
                    hash BLOB NOT NULL,
                    controller_id INTEGER NOT NULL,
                    rule_id INTEGER NOT NULL,
                    PRIMARY KEY(hash, controller_id, rule_id)
                ) WITHOUT ROWID;
                -- First evidence of each special-category rule per document (masked, then sealed).
                CREATE TABLE evidence(
                    document_id INTEGER NOT NULL REFERENCES document(id) ON DELETE CASCADE,
                    rule_id INTEGER NOT NULL,
                    line INTEGER NOT NULL,
                    offset INTEGER NOT NULL,
                    masked_sealed BLOB NOT NULL,
                    PRIMARY KEY(document_id, rule_id)
                ) WITHOUT ROWID;
                -- Weak-identity merge candidates, rebuilt by the resolver; decisions are kept apart
                -- (by the candidate's stable key) and re-applied on every resolve.
                CREATE TABLE candidate(
                    id INTEGER PRIMARY KEY,
                    key TEXT NOT NULL UNIQUE,
                    a TEXT NOT NULL,
                    b TEXT NOT NULL,
                    score REAL NOT NULL,
                    evidence TEXT NOT NULL,      -- e.g. name+date_of_birth,name+postal_address
                    status TEXT NOT NULL         -- pending | accepted | rejected
                );
                CREATE TABLE decision(
                    key TEXT PRIMARY KEY,
                    decision TEXT NOT NULL,      -- accept | reject
                    decided_at TEXT NOT NULL
                ) WITHOUT ROWID;
                ALTER TABLE person ADD COLUMN attributions BLOB;   -- (controller, rule, document) packed
                ALTER TABLE person ADD COLUMN reasons BLOB;        -- (category, rule, document) packed
                ALTER TABLE conflict ADD COLUMN pids TEXT;
                """)
            // Batches of documents scanned before v2, in order of their first document.
            try db.execute(sql: """
                INSERT INTO batch(name, seq, first_scan_at)
                SELECT batch, ROW_NUMBER() OVER (ORDER BY MIN(id)), COALESCE(MIN(scanned_at), '') FROM document GROUP BY batch
                """)
        }
        // Values in boxes of consecutive ids: one row and one seal per box (see `ValueBoxes`).
        m.registerMigration("v3") { db in try ValueBoxes.migrate(db) }
        // Persons in boxes of consecutive row ids: one row per 64 persons (see `PersonBoxes`).
        m.registerMigration("v4") { db in try PersonBoxes.migrate(db) }
        // Records in boxes of one document's slice: one row per up to 256 records (see `RecordBoxes`).
        m.registerMigration("v5") { db in try RecordBoxes.migrate(db) }
        return m
    }
}
