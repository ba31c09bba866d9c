import Foundation
import GRDB

/// The workspace store: one SQLite database (WAL) in the workspace directory. Holds documents,
/// pseudonymised values, records and the resolver's persons. See `Schema` for the tables.
public final class Store: Sendable {
    public static let fileName = "breachscope.sqlite"
    public let pool: DatabasePool
    public let url: URL

    public init(workspace: URL) throws {
        try FileManager.default.createDirectory(at: workspace, withIntermediateDirectories: true)
        url = workspace.appendingPathComponent(Store.fileName)
        var config = Configuration()
        config.prepareDatabase { db in
            // 64 KiB pages for a new store (an existing one keeps its size): a first scan writes
            // hundreds of MB through the WAL, and with 4 KiB pages the kernel's per-page write
            // path was a third of the writer thread (1M persons: scan + resolve 4.9 s → 4.0 s).
            try db.execute(sql: "PRAGMA page_size = 65536")
            try db.execute(sql: "PRAGMA synchronous = NORMAL")
            // 64 MiB page cache (default 2 MiB): the resolver and writer touch large tables.
            try db.execute(sql: "PRAGMA cache_size = -65536")
        }
        pool = try DatabasePool(path: url.path, configuration: config)
        try Schema.migrator.migrate(pool)
    }

    // MARK: meta

    public func meta(_ key: String) throws -> String? {
        try pool.read { db in try String.fetchOne(db, sql: "SELECT value FROM meta WHERE key = ?", arguments: [key]) }
    }

    public func setMeta(_ values: [String: String]) throws {
        try pool.write { db in
            for (k, v) in values.sorted(by: { $0.key < $1.key }) {
                try db.execute(sql: "INSERT INTO meta(key, value) VALUES(?, ?) ON CONFLICT(key) DO UPDATE SET value = excluded.value",
                               arguments: [k, v])
            }
        }
    }

    /// Checks that `vault` is the key this store was made with (a keyed hash of a constant is
    /// kept in `meta`), recording it on first use.
    public func checkKey(_ vault: Vault) throws {
        let check = Hex.encode(vault.hash(label: "key-check", "breachscope").bytes)
        if let stored = try meta("key_check") {
            guard stored == check else {
                throw VaultError.badKey("this workspace was created with a different key (check BREACHSCOPE_KEY or master.key)")
            }
        } else {
            try setMeta(["key_check": check])
        }
    }

    // MARK: planning

    /// Records a batch on first use (its position on the timeline is the order of first scans) and
    /// its publication date when given.
    static func registerBatch(_ db: Database, _ name: String, publishedAt: String?) throws {
        try db.execute(sql: """
            INSERT INTO batch(name, seq, published_at, first_scan_at)
            VALUES(?, (SELECT COALESCE(MAX(seq), 0) + 1 FROM batch), ?, ?)
            ON CONFLICT(name) DO UPDATE SET published_at = COALESCE(excluded.published_at, batch.published_at)
            """, arguments: [name, publishedAt, ISO8601DateFormatter().string(from: Date())])
    }

    /// A file to scan, with the document id it was given.
    public struct PlannedDocument: Sendable {
        public var id: Int64
        public var file: WalkedFile
    }

    /// Registers files for a scan. New files and files whose size or modification time changed,
    /// or whose previous scan did not finish (killed), become `pending` (old records removed);
    /// finished, unchanged files are left alone — re-scanning the same content adds nothing.
    /// Returns the documents to scan and the number left unchanged.
    /// `force` re-scans finished, unchanged files too (their records are replaced).
    public func plan(_ files: [WalkedFile], batch: String, publishedAt: String? = nil, force: Bool = false, vault: Vault) throws -> (scan: [PlannedDocument], unchanged: Int) {
        try pool.write { db in
            try Self.registerBatch(db, batch, publishedAt: publishedAt)
            var out: [PlannedDocument] = []
            var unchanged = 0
            let find = try db.cachedStatement(sql: "SELECT id, size, mtime, status FROM document WHERE path_hash = ?")
            for f in files {
                let hash = Data(vault.hash(label: "path", f.path).bytes)
                if let row = try Row.fetchOne(find, arguments: [hash]) {
                    let id: Int64 = row["id"]
                    let size: Int64 = row["size"], mtime: Double = row["mtime"], status: String = row["status"]
                    let finished = ["scanned", "skipped", "failed"].contains(status)
                    if finished && size == Int64(f.size) && mtime == f.mtime && !force {
                        unchanged += 1
                        continue
                    }
                    try db.execute(sql: "DELETE FROM record_box WHERE document_id = ?", arguments: [id])
                    try db.execute(sql: "DELETE FROM field WHERE document_id = ?", arguments: [id])
                    try db.execute(sql: "DELETE FROM evidence WHERE document_id = ?", arguments: [id])
                    // Changed content belongs to the batch that delivered it; a killed scan of the same
                    // content resumes in its own batch.
                    let changed = size != Int64(f.size) || mtime != f.mtime
                    try db.execute(sql: """
                        UPDATE document SET status = 'pending', size = ?, mtime = ?, reason = NULL, records = 0,
                          findings = 0, scanned_at = NULL, batch = CASE WHEN ? THEN ? ELSE batch END WHERE id = ?
                        """, arguments: [f.size, f.mtime, changed, batch, id])
                    out.append(PlannedDocument(id: id, file: f))
                } else {
                    try db.execute(sql: """
                        INSERT INTO document(path_hash, path_sealed, batch, size, mtime, status) VALUES(?, ?, ?, ?, ?, 'pending')
                        """, arguments: [hash, Data(vault.sealString(f.name)), batch, f.size, f.mtime])
                    out.append(PlannedDocument(id: db.lastInsertedRowID, file: f))
                }
            }
            if !out.isEmpty {
                try db.execute(sql: "INSERT INTO meta(key, value) VALUES('resolved', '0') ON CONFLICT(key) DO UPDATE SET value = '0'")
            }
            return (out, unchanged)
        }
    }
}
