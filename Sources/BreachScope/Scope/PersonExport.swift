import Foundation
import GRDB

/// One person as exported by `persons` (the schema of `product.md`).
public struct PersonRow: Codable, Sendable, Equatable {
    public struct Identifier: Codable, Sendable, Equatable {
        public var type: String
        public var value: String
    }
    public var person: String
    public var identifiers: [Identifier]
    public var name: String?
    public var elements: [String]
    public var controllers: [String]
    public var documents: [String]
    public var batches: [String]
    public var language: String?
}

/// Streams persons out of the store, masked unless `reveal` (which needs the key to unseal).
public struct PersonExport {
    let store: Store
    let vault: Vault

    public init(store: Store, vault: Vault) {
        self.store = store
        self.vault = vault
    }

    /// Calls `body` for each person in person-id order; `element` keeps only persons exposed
    /// with that element; `only` restricts to the given person row ids.
    public func each(reveal: Bool, element: ElementType? = nil, only: Set<Int64>? = nil, _ body: (PersonRow) throws -> Void) throws {
        let controllers: [String]
        if try store.meta("role") != "processor", let org = try store.meta("organisation") { controllers = [org] } else { controllers = [] }
        try store.pool.read { db in
            var docNames: [Int64: String] = [:]
            var docBatch: [Int64: String] = [:]
            for row in try Row.fetchAll(db, sql: "SELECT id, path_sealed, batch FROM document") {
                let sealed: Data = row["path_sealed"]
                docNames[row["id"]] = (try? vault.openString(Array(sealed))) ?? "<sealed>"
                docBatch[row["id"]] = row["batch"]
            }
            let values = try Row.fetchCursor(db, sql: """
                SELECT pv.person_id AS pid, v.kind AS kind, v.sealed AS sealed FROM person_value pv JOIN value v ON v.id = pv.value_id
                ORDER BY pv.person_id, v.kind, v.id
                """)
            let exposures = try Row.fetchCursor(db, sql: "SELECT person_id, element, document_id FROM exposure ORDER BY person_id")
            let persons = try Row.fetchCursor(db, sql: "SELECT id, pid, language FROM person ORDER BY pid")
            // person rows are ordered by pid, while values/exposures are ordered by row id: load
            // the (smaller) per-person lists keyed by row id lazily via maps for the rows seen.
            var valuesBy: [Int64: [(ValueKind, Data)]] = [:]
            while let r = try values.next() {
                valuesBy[r["pid"], default: []].append((ValueKind(rawValue: UInt16(r["kind"] as Int)), r["sealed"]))
            }
            var exposuresBy: [Int64: [(Int, Int64)]] = [:]
            while let r = try exposures.next() {
                exposuresBy[r["person_id"], default: []].append((r["element"], r["document_id"]))
            }
            while let p = try persons.next() {
                let id: Int64 = p["id"]
                if let only, !only.contains(id) { continue }
                let exp = exposuresBy[id] ?? []
                let codes = Set(exp.map { UInt8($0.0) })
                if let element, !codes.contains(element.code) { continue }
                var row = PersonRow(person: p["pid"], identifiers: [], name: nil,
                                    elements: codes.sorted().compactMap { ElementType(code: $0)?.rawValue },
                                    controllers: controllers,
                                    documents: Array(Set(exp.map { docNames[$0.1] ?? "?" })).sorted(),
                                    batches: Array(Set(exp.map { docBatch[$0.1] ?? "?" })).sorted(),
                                    language: p["language"])
                for (kind, sealed) in valuesBy[id] ?? [] {
                    if let t = kind.identifier {
                        let plain = try vault.openString(Array(sealed))
                        row.identifiers.append(.init(type: t.rawValue, value: reveal ? plain : Mask.value(plain, kind: kind)))
                    } else if kind.element == .name && row.name == nil {
                        let plain = try vault.openString(Array(sealed))
                        row.name = reveal ? plain : Mask.value(plain, kind: kind)
                    }
                }
                try body(row)
            }
        }
    }
}
