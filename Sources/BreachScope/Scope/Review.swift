import Foundation
import GRDB

/// The review queue (issue #4): weak-identity merge candidates and identifier conflicts, and the
/// reviewer's decisions. A decision is stored by the candidate's stable key and re-applied by
/// every later resolve, so it survives re-scans.
public struct Review {
    public struct Candidate: Codable, Sendable {
        public var id: String
        public var a: String
        public var b: String
        public var score: Double
        public var evidence: [String]
        public var status: String
        /// Masked names of the two persons, to recognise them.
        public var names: [String]
    }
    public struct Conflict: Codable, Sendable {
        public var kind: String
        public var identifier: String     // masked
        public var type: String
        public var persons: [String]
    }
    public struct Queue: Codable, Sendable {
        public var candidates: [Candidate]
        public var conflicts: [Conflict]
    }

    let store: Store
    let vault: Vault
    public init(store: Store, vault: Vault) { self.store = store; self.vault = vault }

    public func queue() throws -> Queue {
        try store.pool.read { db in
            let nameKind = ValueKind.element(.name).rawValue
            let values = try ValueReader(db, vault: vault)
            let rows = try Row.fetchAll(db, sql: "SELECT key, a, b, score, evidence, status FROM candidate ORDER BY score DESC, key")
            // Masked names of the candidates' persons, in one pass over the persons.
            var names: [String: String] = [:]
            for row in rows { names[row["a"]] = "?"; names[row["b"]] = "?" }
            if !names.isEmpty {
                try StoredPerson.forEach(db) { p in
                    guard names[p.pid] != nil else { return }
                    var all: [String] = []
                    for id in p.values where try values.kind(id)?.rawValue == nameKind { all.append(try values.string(id) ?? "") }
                    if let name = PersonExport.displayName(all) { names[p.pid] = Mask.value(name, kind: ValueKind(rawValue: nameKind)) }
                }
            }
            var candidates: [Candidate] = []
            for row in rows {
                let a: String = row["a"], b: String = row["b"]
                candidates.append(Candidate(id: row["key"], a: a, b: b, score: row["score"],
                                            evidence: (row["evidence"] as String).split(separator: ",").map(String.init),
                                            status: row["status"], names: [names[a] ?? "?", names[b] ?? "?"]))
            }
            var conflicts: [Conflict] = []
            for row in try Row.fetchAll(db, sql: "SELECT kind, pids, value_id FROM conflict ORDER BY id") {
                guard let (kind, plain) = try values.value(row["value_id"]) else { continue }
                let shown = kind.isLinkKey ? "(link key)" : Mask.value(String(decoding: plain, as: UTF8.self), kind: kind)
                conflicts.append(Conflict(kind: row["kind"], identifier: shown,
                                          type: kind.identifier?.rawValue ?? kind.element?.rawValue ?? "link_key",
                                          persons: ((row["pids"] as String?) ?? "").split(separator: ",").map(String.init)))
            }
            return Queue(candidates: candidates, conflicts: conflicts)
        }
    }

    /// Records one decision for every pending candidate with `evidence` among its evidence kinds
    /// (any when nil) and a score of at least `minScore`, then re-resolves persons once. Returns
    /// how many were decided. Each is kept per candidate, as `decide` keeps one.
    public func decideAll(accept: Bool, evidence: String? = nil, minScore: Double? = nil) throws -> Int {
        let n = try store.pool.write { db -> Int in
            let now = ISO8601DateFormatter().string(from: Date())
            var n = 0
            for row in try Row.fetchAll(db, sql: "SELECT key, score, evidence FROM candidate WHERE status = 'pending' ORDER BY key") {
                let kinds = (row["evidence"] as String).split(separator: ",").map(String.init)
                if let evidence, !kinds.contains(evidence) { continue }
                if let minScore, (row["score"] as Double) < minScore { continue }
                try Self.record(db, row["key"], accept: accept, at: now)
                n += 1
            }
            return n
        }
        if n > 0 { try Resolver(store: store, vault: vault).run() }
        return n
    }

    /// Records a decision on a candidate and re-resolves persons so it takes effect.
    public func decide(_ id: String, accept: Bool) throws {
        try store.pool.write { db in
            guard try Bool.fetchOne(db, sql: "SELECT 1 FROM candidate WHERE key = ?", arguments: [id]) != nil
                    || Bool.fetchOne(db, sql: "SELECT 1 FROM decision WHERE key = ?", arguments: [id]) != nil else {
                throw ScopeError.unknownCandidate(id)
            }
            try Self.record(db, id, accept: accept, at: ISO8601DateFormatter().string(from: Date()))
        }
        try Resolver(store: store, vault: vault).run()
    }

    /// Stores (or replaces) the decision on candidate `key`.
    private static func record(_ db: Database, _ key: String, accept: Bool, at time: String) throws {
        try db.execute(sql: """
            INSERT INTO decision(key, decision, decided_at) VALUES(?, ?, ?)
            ON CONFLICT(key) DO UPDATE SET decision = excluded.decision, decided_at = excluded.decided_at
            """, arguments: [key, accept ? "accept" : "reject", time])
    }

    /// The evidence kinds a candidate can give (`name+date_of_birth`, `name+postal_address`,
    /// `name+phone`, `name_only`, `name_only_identified`), for filtering decisions.
    public static let evidenceKinds: [String] = WeakIdentities.kinds.map(\.name)
}
