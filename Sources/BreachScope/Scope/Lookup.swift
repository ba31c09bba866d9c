import Foundation
import GRDB

/// "What was exposed about me?": finds the person(s) holding an identifier, or a name with a birth
/// date or postal address, and lists each exposed element with where it was found. Identifiers
/// are looked up by keyed hash, never searched in plaintext; a name is compared with the
/// persons' names unsealed in memory (nothing is written).
public struct Lookup {
    public enum Query: Sendable {
        case nationalID(String)
        case email(String)
        case phone(String)
        /// A name with a date of birth and/or a postal address (a subject-access request from
        /// someone whose records may carry no identifier: a route sheet, a register row).
        /// Names match in their compared form (`WeakKey.nameForm`: any case, any word order);
        /// the birth date exactly, as a date-of-birth value or the date in a national ID; the
        /// address when each of its words is in one of the person's addresses
        /// (`Kauppakatu 4 B 7, Kotka` finds `Kauppakatu 4 B 7, 48100 KOTKA`).
        case person(name: String, birthDate: String?, address: String?)
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
        case .person(let name, let birthDate, let address):
            // The name, and the birth date or address, as the scan stores them; nil parts are
            // left out, an invalid one gives no candidates.
            guard let n = Array(name.utf8).withUnsafeBufferPointer({ NameDetector.normalize($0) }), birthDate != nil || address != nil else { return [] }
            var out: [(ValueKind, [UInt8])] = [(.element(.name), n)]
            if let birthDate {
                guard let d = DateOfBirthDetector.normalize(Array(birthDate.utf8)) else { return [] }
                out.append((.element(.dateOfBirth), d))
            }
            if let address {
                guard let a = Array(address.utf8).withUnsafeBufferPointer({ PostalAddressDetector.normalize($0) }) else { return [] }
                out.append((.element(.postalAddress), a))
            }
            return out
        }
    }

    /// Persons with the name of `parts` (first) and each of its other parts: its birth date as
    /// one of their values, its address's words in one of their addresses. A record with a weak
    /// key (no strong identifier, or a small document) is also found through it (the scan's
    /// compared forms); each part given must hold, by its key or by its values.
    private func personsByName(_ parts: [(ValueKind, [UInt8])]) throws -> [Int64: StoredPerson] {
        guard let name = parts.first(where: { $0.0 == .element(.name) })?.1 else { return [:] }
        let birth = parts.first(where: { $0.0 == .element(.dateOfBirth) })?.1
        let address = parts.first(where: { $0.0 == .element(.postalAddress) })?.1
        var nameForm: [UInt8] = []
        name.withUnsafeBufferPointer { WeakKey.nameForm($0, into: &nameForm) }
        var addressWords: [ArraySlice<UInt8>] = []
        var addressForm: [UInt8] = []
        if let address {
            address.withUnsafeBufferPointer { WeakKey.addressForm($0, into: &addressForm) }
            addressWords = addressForm.split(separator: 0x20)
        }
        func weakKey(_ kind: ValueKind, _ other: [UInt8]) -> ValueHash {
            var material: [UInt8] = []
            name.withUnsafeBufferPointer { n in other.withUnsafeBufferPointer { WeakKey.material(kind, name: n, other: $0, into: &material) } }
            return vault.hash(kind: kind, material)
        }
        var found: [Int64: StoredPerson] = [:]
        try store.pool.read { db in
            // Each part given must hold: through its weak key (the scan's compared forms of the
            // name with that part), or through the name and that part's own values.
            let birthWeak = try birth.map { try ValueBoxes.ids(db, hashes: [weakKey(.weakNameBirth, $0)]) } ?? []
            let addressWeak = try address.map { try ValueBoxes.ids(db, hashes: [weakKey(.weakNameAddress, $0)]) } ?? []
            let birthIDs = try birth.map { try ValueBoxes.ids(db, hashes: [vault.hash(kind: .element(.dateOfBirth), $0)]) } ?? []
            let values = try ValueReader(db, vault: vault)
            func matches(_ id: Int64, _ kind: ValueKind, _ wanted: ([UInt8]) -> Bool) throws -> Bool {
                guard try values.kind(id) == kind, let (_, plain) = try values.value(id) else { return false }
                return wanted(plain)
            }
            // A national ID's birth date (`NationalIDs.birthDate`) is the person's too.
            func bornThen(_ id: Int64) throws -> Bool {
                guard let birth, let kind = try values.kind(id), let type = kind.identifier, type.isNational,
                      let (_, plain) = try values.value(id), let (y, m, d) = NationalIDs.birthDate(of: type, plain) else { return false }
                return DateOfBirthDetector.iso(y, m, d) == birth
            }
            try StoredPerson.forEach(db) { p in
                let birthByKey = birth != nil && p.values.contains(where: { birthWeak.contains($0) })
                let addressByKey = address != nil && p.values.contains(where: { addressWeak.contains($0) })
                if (birth == nil || birthByKey) && (address == nil || addressByKey) { found[p.rowID] = p; return }
                guard try p.values.contains(where: { id in
                    try matches(id, .element(.name)) { plain in
                        var form: [UInt8] = []
                        plain.withUnsafeBufferPointer { WeakKey.nameForm($0, into: &form) }
                        return form == nameForm
                    }
                }) else { return }
                if birth != nil && !birthByKey {
                    guard try p.values.contains(where: { birthIDs.contains($0) }) || p.values.contains(where: bornThen) else { return }
                }
                if address != nil && !addressByKey {
                    guard try p.values.contains(where: { id in
                        try matches(id, .element(.postalAddress)) { plain in
                            var form: [UInt8] = []
                            plain.withUnsafeBufferPointer { WeakKey.addressForm($0, into: &form) }
                            let words = Set(form.split(separator: 0x20).map(Array.init))
                            return addressWords.allSatisfy { words.contains(Array($0)) }
                        }
                    }) else { return }
                }
                found[p.rowID] = p
            }
        }
        return found
    }

    public func run(_ q: Query, reveal: Bool) throws -> [Result] {
        var stored: [Int64: StoredPerson] = [:]
        if case .person = q {
            stored = try personsByName(Lookup.candidates(q))
        } else {
            let hashes = Set(Lookup.candidates(q).map { vault.hash(kind: $0.0, $0.1) })
            guard !hashes.isEmpty else { return [] }
            try store.pool.read { db in
                let ids = try ValueBoxes.ids(db, hashes: hashes)
                guard !ids.isEmpty else { return }
                try StoredPerson.forEach(db) { p in
                    if p.values.contains(where: { ids.contains($0) }) { stored[p.rowID] = p }
                }
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
