import Foundation
import GRDB

/// The small lookup tables of issue #4 read into memory for reports, exports and diffs:
/// controllers (unsealed names), rules, batches in timeline order and each document's batch.
public struct ScopeTables: Sendable {
    public struct ControllerInfo: Sendable {
        public var id: Int64
        /// The rules file's id for listed controllers; a generated key for unlisted ones.
        public var key: String
        public var name: String
        public var listed: Bool
    }
    public struct RuleInfo: Sendable {
        public var id: Int64
        public var name: String
        public var kind: String
        public var explain: String?
    }
    public struct BatchInfo: Sendable {
        public var name: String
        public var seq: Int
        public var publishedAt: String?
    }

    public var controllers: [Int64: ControllerInfo] = [:]
    public var rules: [Int64: RuleInfo] = [:]
    /// In timeline order (first scan).
    public var batches: [BatchInfo] = []
    /// Document id → index into `batches`.
    public var documentBatch: [Int64: Int] = [:]
    public var documentNames: [Int64: String] = [:]

    public static func load(_ db: Database, vault: Vault) throws -> ScopeTables {
        var t = ScopeTables()
        for row in try Row.fetchAll(db, sql: "SELECT id, key, name_sealed, listed FROM controller") {
            let sealed: Data = row["name_sealed"]
            let id: Int64 = row["id"]
            t.controllers[id] = ControllerInfo(id: id, key: row["key"], name: (try? vault.openString(Array(sealed))) ?? "<sealed>",
                                               listed: row["listed"])
        }
        for row in try Row.fetchAll(db, sql: "SELECT id, name, kind, explain FROM rule") {
            let id: Int64 = row["id"]
            t.rules[id] = RuleInfo(id: id, name: row["name"], kind: row["kind"], explain: row["explain"])
        }
        var index: [String: Int] = [:]
        for row in try Row.fetchAll(db, sql: "SELECT name, seq, published_at FROM batch ORDER BY seq") {
            index[row["name"]] = t.batches.count
            t.batches.append(BatchInfo(name: row["name"], seq: row["seq"], publishedAt: row["published_at"]))
        }
        for row in try Row.fetchAll(db, sql: "SELECT id, batch, path_sealed FROM document") {
            let id: Int64 = row["id"]
            let batch: String = row["batch"]
            if index[batch] == nil {   // a batch written before batches were recorded
                index[batch] = t.batches.count
                t.batches.append(BatchInfo(name: batch, seq: t.batches.count + 1, publishedAt: nil))
            }
            t.documentBatch[id] = index[batch]
            let sealed: Data = row["path_sealed"]
            t.documentNames[id] = (try? vault.openString(Array(sealed))) ?? "<sealed>"
        }
        return t
    }

    /// The controller row ids a person is attributed to.
    public func controllerIDs(_ p: StoredPerson) -> [Int64] {
        var out: [Int64] = []
        for a in p.attributions where out.last != a.what { out.append(a.what) }   // sorted by controller
        return out
    }

    /// Controller ids matching a user's `--controller X`: its key (rules file id) or its name,
    /// compared without case.
    public func controllers(matching x: String) -> Set<Int64> {
        let l = x.lowercased()
        return Set(controllers.values.filter { $0.key.lowercased() == l || $0.name.lowercased() == l }.map(\.id))
    }

    /// Per batch index: the person's element bits and controllers in that batch's documents.
    public func perBatch(_ p: StoredPerson) -> [Int: (elements: UInt32, controllers: Set<Int64>)] {
        var out: [Int: (elements: UInt32, controllers: Set<Int64>)] = [:]
        for e in p.exposures {
            guard let b = documentBatch[e.document], e.element < 32 else { continue }
            out[b, default: (0, [])].elements |= 1 << UInt32(e.element)
        }
        for a in p.attributions {
            guard let b = documentBatch[a.document] else { continue }
            out[b, default: (0, [])].controllers.insert(a.what)
        }
        return out
    }

    /// How batch `b` changed what was known of a person.
    public enum BatchChange: Equatable {
        case absent, new, unchanged
        case newData(elements: UInt32, controllers: Set<Int64>)
    }

    public func change(_ per: [Int: (elements: UInt32, controllers: Set<Int64>)], batch b: Int) -> BatchChange {
        guard let here = per[b] else { return .absent }
        var before: UInt32 = 0
        var beforeControllers = Set<Int64>()
        var seenBefore = false
        for (k, v) in per where k < b {
            seenBefore = true
            before |= v.elements
            beforeControllers.formUnion(v.controllers)
        }
        if !seenBefore { return .new }
        let elements = here.elements & ~before
        let controllers = here.controllers.subtracting(beforeControllers)
        return elements == 0 && controllers.isEmpty ? .unchanged : .newData(elements: elements, controllers: controllers)
    }
}
