import Foundation
import GRDB

/// "What was exposed about me?": finds the person(s) holding an identifier and lists each
/// exposed element with where it was found. The query value is hashed with the workspace key,
/// never searched in plaintext.
public struct Lookup {
    public enum Query: Sendable {
        case nationalID(String)
        case email(String)
        case phone(String)
    }

    /// One exposed value at one place.
    public struct Occurrence: Codable, Sendable, Equatable {
        public var element: String
        public var value: String?
        public var document: String
        public var line: Int
        public var field: String?
        public var offset: Int
    }

    /// Why a person is a controller's, or why their data counts as a special category: the rule
    /// (with its explanation) and the document that gave it.
    public struct Reason: Codable, Sendable, Equatable {
        /// The controller's name, or the category (`health_data`, …).
        public var what: String
        public var rule: String
        public var explain: String?
        public var document: String
        /// Masked evidence of a category rule in that document (`c.68_…`).
        public var evidence: String?
    }

    public struct Result: Codable, Sendable {
        public var person: PersonRow
        public var occurrences: [Occurrence]
        public var controllers: [Reason] = []
        public var categories: [Reason] = []
    }

    let store: Store
    let vault: Vault

    public init(store: Store, vault: Vault) {
        self.store = store
        self.vault = vault
    }

    /// The normalised candidates (kind, bytes) a query stands for.
    public static func candidates(_ q: Query, phoneCountries: [String] = PhoneDetector().defaultCountries) -> [(ValueKind, [UInt8])] {
        switch q {
        case .email(let s):
            let v = Array(s.trimmingCharacters(in: .whitespaces).lowercased().utf8)
            return [(.identifier(.email), v)]
        case .phone(let s):
            let bytes = Array(s.utf8)
            guard let v = bytes.withUnsafeBufferPointer({ PhoneDetector.normalize($0, defaultCountries: phoneCountries) }) else { return [] }
            return [(.identifier(.phone), v)]
        case .nationalID(let s):
            let bytes = Array(s.trimmingCharacters(in: .whitespaces).utf8)
            var out: [(ValueKind, [UInt8])] = []
            bytes.withUnsafeBufferPointer { span in
                for d in NationalIDs.all {
                    let hints = [FieldHint.nationalID(nil)] + IdentifierType.allCases.filter(\.isNational).map { FieldHint.nationalID($0) }
                    for hint in hints {
                        if let f = d.match(span, at: 0, hint: hint), f.length == span.count, let t = f.identifier,
                           !out.contains(where: { $0.0 == .identifier(t) && $0.1 == f.value }) {
                            out.append((.identifier(t), f.value))
                        }
                    }
                }
            }
            return out
        }
    }

    public func run(_ q: Query, reveal: Bool) throws -> [Result] {
        let hashes = Set(Lookup.candidates(q).map { vault.hash(kind: $0.0, $0.1) })
        guard !hashes.isEmpty else { return [] }
        var stored: [Int64: StoredPerson] = [:]
        try store.pool.read { db in
            let ids = try ValueBoxes.ids(db, hashes: hashes)
            guard !ids.isEmpty else { return }
            try StoredPerson.forEach(db) { p in
                if p.values.contains(where: { ids.contains($0) }) { stored[p.rowID] = p }
            }
        }
        let personIDs = stored.keys.sorted()
        var results: [Result] = []
        try PersonExport(store: store, vault: vault).each(reveal: reveal, only: Set(personIDs)) { row in
            results.append(Result(person: row, occurrences: []))
        }
        try store.pool.read { db in
            let t = try ScopeTables.load(db, vault: vault)
            let values = try ValueReader(db, vault: vault)
            for i in results.indices {
                guard let p = stored.values.first(where: { $0.pid == results[i].person.person }) else { continue }
                results[i].controllers = p.attributions.map {
                    Reason(what: t.controllers[$0.what]?.name ?? "?", rule: t.rules[$0.rule]?.name ?? "?", explain: t.rules[$0.rule]?.explain,
                           document: t.documentNames[$0.document] ?? "?", evidence: nil)
                }
                for r in p.reasons {
                    let sealed = try Data.fetchOne(db, sql: "SELECT masked_sealed FROM evidence WHERE document_id = ? AND rule_id = ?",
                                                   arguments: [r.document, r.rule])
                    results[i].categories.append(Reason(
                        what: ElementType(code: UInt8(truncatingIfNeeded: r.what))?.rawValue ?? "?", rule: t.rules[r.rule]?.name ?? "?",
                        explain: t.rules[r.rule]?.explain, document: t.documentNames[r.document] ?? "?",
                        evidence: sealed.flatMap { try? vault.openString(Array($0)) }))
                }
                // Records that are this person's: they hold one of the person's identifiers or link
                // keys (a shared name alone would show someone else's record).
                var linking = Set<Int64>()
                for id in p.values {
                    if let k = try values.kind(id), k.isStrong || k.isLinkKey { linking.insert(id) }
                }
                let mine = linking.isEmpty ? Set(p.values) : linking
                for doc in Set(p.exposures.map(\.document)).sorted() {
                    let sealedName: Data = try Data.fetchOne(db, sql: "SELECT path_sealed FROM document WHERE id = ?", arguments: [doc]) ?? Data()
                    let docName = (try? vault.openString(Array(sealedName))) ?? "?"
                    var fields: [Int: String] = [:]
                    for f in try Row.fetchAll(db, sql: "SELECT ordinal, name_sealed FROM field WHERE document_id = ?", arguments: [doc]) {
                        let s: Data = f["name_sealed"]
                        fields[f["ordinal"]] = try? vault.openString(Array(s))
                    }
                    var records: [[PackedItems.Item]] = []
                    try RecordBoxes.forEach(db, document: doc) { _, r in
                        var items: [PackedItems.Item] = []
                        PackedItems.decode(r.items, recordLine: r.line, recordOffset: r.offset) { items.append($0) }
                        records.append(items)
                    }
                    for items in records {
                        guard items.contains(where: { $0.valueID > 0 && mine.contains($0.valueID) }) else { continue }
                        for it in items where it.code != PendingItem.linkKeyCode {
                            guard let element = ElementType(code: it.code) else { continue }
                            var shown: String?
                            if it.valueID > 0 {
                                if let (kind, bytes) = try values.value(it.valueID) {
                                    let plain = String(decoding: bytes, as: UTF8.self)
                                    shown = reveal ? plain : Mask.value(plain, kind: kind)
                                }
                            }
                            results[i].occurrences.append(Occurrence(element: element.rawValue, value: shown, document: docName,
                                                                     line: it.line, field: it.field >= 0 ? fields[it.field] : nil, offset: it.offset))
                        }
                    }
                }
                results[i].occurrences.sort { ($0.document, $0.line, $0.offset, $0.element) < ($1.document, $1.line, $1.offset, $1.element) }
            }
        }
        return results
    }
}
