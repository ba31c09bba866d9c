import Foundation
import GRDB

extension Store {
    /// Whether `file` was scanned to the end before and has the same size and modification
    /// time now (what `plan` leaves alone). Archives for which this holds are not re-expanded.
    public func isFinishedAndUnchanged(_ file: WalkedFile, vault: Vault) throws -> Bool {
        let hash = Data(vault.hash(label: "path", file.path).bytes)
        return try pool.read { db in
            guard let row = try Row.fetchOne(db, sql: "SELECT size, mtime, status FROM document WHERE path_hash = ?", arguments: [hash]) else {
                return false
            }
            let size: Int64 = row["size"], mtime: Double = row["mtime"], status: String = row["status"]
            return ["scanned", "skipped", "failed"].contains(status) && size == Int64(file.size) && mtime == file.mtime
        }
    }
}
