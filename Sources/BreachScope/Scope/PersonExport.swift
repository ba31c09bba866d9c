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
    /// `controller` keeps only persons attributed to that controller (its id in the rules file or
    /// its name, any case); an unknown controller throws.
    public func each(reveal: Bool, element: ElementType? = nil, controller: String? = nil, only: Set<Int64>? = nil,
                     _ body: (PersonRow) throws -> Void) throws {
        try store.pool.read { db in
            let tables = try ScopeTables.load(db, vault: vault)
            let docNames = tables.documentNames
            var docBatch: [Int64: String] = [:]
            for (d, b) in tables.documentBatch { docBatch[d] = tables.batches[b].name }
            var wanted: Set<Int64>?
            if let controller {
                wanted = tables.controllers(matching: controller)
                if wanted!.isEmpty {
                    let known = tables.controllers.values.map { $0.listed ? $0.key : $0.name }.sorted()
                    throw ScopeError.unknownController(controller, known: known)
                }
            }
            let values = try ValueReader(db, vault: vault)
            try StoredPerson.forEach(db) { p in
                if let only, !only.contains(p.rowID) { return }
                let codes = Set(p.exposures.map(\.element))
                if let element, !codes.contains(element.code) { return }
                let controllerIDs = tables.controllerIDs(p)
                if let wanted, wanted.isDisjoint(with: controllerIDs) { return }
                let controllers = controllerIDs.compactMap { tables.controllers[$0]?.name }.sorted()
                var row = PersonRow(person: p.pid, identifiers: [], name: nil,
                                    elements: codes.sorted().compactMap { ElementType(code: $0)?.rawValue },
                                    controllers: controllers,
                                    documents: Array(Set(p.exposures.map { docNames[$0.document] ?? "?" })).sorted(),
                                    batches: Array(Set(p.exposures.map { docBatch[$0.document] ?? "?" })).sorted(),
                                    language: p.language)
                // Identifiers in order of type and value, and the name `displayName` picks: value
                // ids follow the order in which the workers met the values, which varies from
                // one scan to the next.
                var shown: [(ValueKind, String)] = []
                var names: [String] = []
                for id in p.values {
                    guard let kind = try values.kind(id), kind.identifier != nil || kind.element == .name,
                          let plain = try values.string(id) else { continue }
                    if kind.identifier != nil { shown.append((kind, plain)) } else { names.append(plain) }
                }
                for (kind, plain) in shown.sorted(by: { ($0.0, $0.1) < ($1.0, $1.1) }) {
                    row.identifiers.append(.init(type: kind.identifier!.rawValue, value: reveal ? plain : Mask.value(plain, kind: kind)))
                }
                if let name = Self.displayName(names) { row.name = reveal ? name : Mask.value(name, kind: .element(.name)) }
                try body(row)
            }
        }
    }

    /// The name shown for a person who was written several ways: one with a lower-case letter
    /// (as on a form, not an all-capitals register: `Agnieszka Mazur` over `MAZUR AGNIESZKA`),
    /// then one of more words (a full name over a surname alone), then of more letters (`Pirjo`
    /// over `P.`), then the first in byte order.
    /// The same for every scan of the same files, whatever order the workers read them in.
    static func displayName(_ names: [String]) -> String? {
        func rank(_ n: String) -> (Int, Int, Int) {
            (n.contains(where: \.isLowercase) ? 0 : 1, -n.split(separator: " ").count, -n.filter(\.isLetter).count)
        }
        return names.min { a, b in
            let ra = rank(a), rb = rank(b)
            return ra != rb ? ra < rb : Array(a.utf8).lexicographicallyPrecedes(Array(b.utf8))
        }
    }
}

/// Errors of scope commands (controllers, batches, review), with messages for the user.
public enum ScopeError: Error, CustomStringConvertible {
    case unknownController(String, known: [String])
    case unknownBatch(String, known: [String])
    case unknownCandidate(String)
    case badFile(String, String)

    public var description: String {
        switch self {
        case .unknownController(let c, let known):
            return "no controller '\(c)' in this workspace" + (known.isEmpty ? " (no controllers are attributed: scan with --controllers RULES.yaml)" : "; known: \(known.joined(separator: ", "))")
        case .unknownBatch(let b, let known):
            return "no batch '\(b)' in this workspace; known: \(known.joined(separator: ", "))"
        case .badFile(let f, let why):
            return "\(f): \(why)"
        case .unknownCandidate(let c):
            return "no review candidate '\(c)' (see `breachscope review`)"
        }
    }
}
