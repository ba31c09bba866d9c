import Foundation
import GRDB

/// The scope of the incident as far as the scanned files show it: files and their outcomes,
/// records, distinct persons, persons per element and per identifier type, top documents.
/// Built from the store; document names are unsealed with the vault, values never appear.
public struct Report: Codable, Sendable {
    public struct Files: Codable, Sendable {
        public var total = 0, scanned = 0, skipped = 0, failed = 0, pending = 0
        public var bytes = 0
    }
    public struct DocumentLine: Codable, Sendable {
        public var document: String
        public var status: String
        public var reason: String?
        public var format: String?
        public var encoding: String?
        public var size: Int
        public var records: Int
        public var findings: Int
        public var batch: String
    }
    public struct ElementCount: Codable, Sendable {
        public var element: String
        public var persons: Int
        /// Distinct values of this element linked to persons (nil for elements without values).
        public var values: Int?
    }
    public struct IdentifierCount: Codable, Sendable {
        public var type: String
        public var values: Int
        public var persons: Int
    }
    public struct TopDocument: Codable, Sendable {
        public var document: String
        public var persons: Int
    }

    /// Distinct persons attributed to one controller (issue #4), with their elements and the
    /// held data categories that were not found for them.
    public struct ControllerCount: Codable, Sendable {
        public var id: String
        public var name: String
        public var persons: Int
        /// Persons attributed to this controller and to no other.
        public var exclusive: Int
        public var elements: [ElementCount]
        public var categories: [CategoryCount]
        /// Held categories (`init --held`) not found for this controller's persons.
        public var notExposed: [String]
        /// Attribution rules that gave this controller persons: rule id → persons.
        public var rules: [RuleCount]
        /// False for a controller named only by a field value, not listed in the rules file:
        /// check it (a typo, or a controller the rules should list).
        public var listed: Bool = true
    }
    /// Persons shared by two controllers (`a` and `b` are controller names, `a` < `b`).
    public struct Overlap: Codable, Sendable {
        public var a: String
        public var b: String
        public var persons: Int
    }
    /// Persons whose data falls in a special category, and why (rule ids with masked evidence).
    public struct CategoryCount: Codable, Sendable {
        public var category: String
        public var persons: Int
        public var rules: [RuleCount]
    }
    public struct RuleCount: Codable, Sendable {
        public var rule: String
        public var persons: Int
        /// A masked example of the evidence (`c.68_6…`, `TENA Lady…`), never a full value.
        public var example: String?
    }
    /// One batch (delivery of leaked files) on the timeline, in scan order.
    public struct BatchLine: Codable, Sendable {
        public var batch: String
        public var publishedAt: String?
        public var documents: Int
        /// Persons first seen in this batch.
        public var newPersons: Int
        /// Persons seen before who have new elements or controllers in this batch.
        public var knownWithNewData: Int
        /// Persons seen before whose data in this batch adds nothing.
        public var unchanged: Int
        /// Distinct persons in this and all earlier batches.
        public var cumulativePersons: Int
    }
    /// Persons resting on weak evidence (name + date of birth, name + address, name + phone).
    public struct WeakEvidence: Codable, Sendable {
        public var candidates = 0
        public var pending = 0
        public var accepted = 0
        public var rejected = 0
        /// Persons that exist as one person only because of an accepted weak merge.
        public var personsOnWeakEvidence = 0
        /// Distinct persons if every pending candidate were accepted: the low end of the count
        /// while candidates await review (nil in a controller's section).
        public var personsIfPendingAccepted: Int?
    }

    public var incident: String?
    public var organisation: String?
    public var role: String?
    public var awareAt: String?
    public var files = Files()
    public var documents: [DocumentLine] = []
    public var records = 0
    public var findings = 0
    public var persons = 0
    public var personsInConflicts = 0
    public var sharedIdentifiers = 0
    public var elements: [ElementCount] = []
    public var identifiers: [IdentifierCount] = []
    public var topDocuments: [TopDocument] = []
    public var controllers: [ControllerCount] = []
    public var overlaps: [Overlap] = []
    /// Persons with no controller (no rule matched and no default).
    public var unattributed = 0
    /// Persons attributed to two or more controllers.
    public var sharedPersons = 0
    public var categories: [CategoryCount] = []
    public var batches: [BatchLine] = []
    /// Data categories the breached system held (`init --held`), and those not found in the leak.
    public var held: [String] = []
    public var notExposed: [String] = []
    public var weak = WeakEvidence()
    /// `meta.held` while building (not part of the report's content).
    var heldSetting: String?
    enum CodingKeys: String, CodingKey {
        case incident, organisation, role, awareAt, files, documents, records, findings, persons, personsInConflicts,
             sharedIdentifiers, elements, identifiers, topDocuments, controllers, overlaps, unattributed, sharedPersons, categories,
             batches, held, notExposed, weak, statements
    }
    /// Sentences a DPO can quote ("31,402 e-mail addresses of 31,207 persons").
    public var statements: [String] = []

    /// Builds the report. With `controller` (a rules-file id or a name), it covers only that
    /// controller's persons and the documents they were found in: the section a controller
    /// receives, with nothing about anyone else's people.
    public static func build(store: Store, vault: Vault, topN: Int = 10, controller: String? = nil) throws -> Report {
        var r = Report()
        r.incident = try store.meta("incident")
        r.organisation = try store.meta("organisation")
        r.role = try store.meta("role")
        r.awareAt = try store.meta("aware_at")
        r.heldSetting = try store.meta("held")
        try store.pool.read { db in
            let tables = try ScopeTables.load(db, vault: vault)
            var wanted: Set<Int64>?
            if let controller {
                wanted = tables.controllers(matching: controller)
                if wanted!.isEmpty {
                    throw ScopeError.unknownController(controller, known: tables.controllers.values.map { $0.listed ? "\($0.key) (\($0.name))" : $0.name }.sorted())
                }
            }
            let names = tables.documentNames
            var lines: [Int64: DocumentLine] = [:]
            for row in try Row.fetchAll(db, sql: "SELECT * FROM document") {
                let id: Int64 = row["id"]
                lines[id] = DocumentLine(document: names[id] ?? "<sealed>", status: row["status"], reason: row["reason"], format: row["format"],
                                         encoding: row["encoding"], size: row["size"], records: row["records"],
                                         findings: row["findings"], batch: row["batch"])
            }
            r.sharedIdentifiers = try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM conflict") ?? 0
            // Value kinds by id (dense ids: an array).
            var kindOf: [UInt16] = []
            try ValueBoxes.forEach(db) { id, kind, _ in
                if kindOf.count <= Int(id) { kindOf.append(contentsOf: repeatElement(UInt16.max, count: Int(id) + 1 - kindOf.count)) }
                kindOf[Int(id)] = kind
            }
            var personsPerElement = [Int](repeating: 0, count: 256)
            var personsPerKind: [UInt16: Int] = [:]
            var valuesPerKind: [UInt16: Set<Int64>] = [:]
            var personsPerDocument: [Int64: Int] = [:]
            let held = (r.heldSetting ?? "").split(separator: ",").map { String($0) }
            var scope = ScopeAccumulator(tables: tables, held: held, only: wanted)
            try StoredPerson.forEach(db) { p in
                if let wanted, wanted.isDisjoint(with: tables.controllerIDs(p)) { return }
                scope.add(p)
                r.persons += 1
                if p.flags & 1 != 0 { r.personsInConflicts += 1 }
                var elements = Set<UInt8>(), documents = Set<Int64>(), kinds = Set<UInt16>()
                for e in p.exposures { elements.insert(e.element); documents.insert(e.document) }
                for e in elements { personsPerElement[Int(e)] += 1 }
                for d in documents { personsPerDocument[d, default: 0] += 1 }
                for v in p.values where Int(v) < kindOf.count {
                    let k = kindOf[Int(v)]
                    kinds.insert(k)
                    valuesPerKind[k, default: []].insert(v)
                }
                for k in kinds { personsPerKind[k, default: 0] += 1 }
            }
            var valueCounts: [UInt8: Int] = [:]
            for (k, set) in valuesPerKind {
                let kind = ValueKind(rawValue: k)
                if let id = kind.identifier {
                    r.identifiers.append(IdentifierCount(type: id.rawValue, values: set.count, persons: personsPerKind[k] ?? 0))
                }
                if let e = kind.element { valueCounts[e.code, default: 0] += set.count }
            }
            for e in ElementType.allCases where personsPerElement[Int(e.code)] > 0 {
                r.elements.append(ElementCount(element: e.rawValue, persons: personsPerElement[Int(e.code)], values: valueCounts[e.code]))
            }
            r.elements.sort { $0.persons != $1.persons ? $0.persons > $1.persons : $0.element < $1.element }
            r.identifiers.sort { $0.persons != $1.persons ? $0.persons > $1.persons : $0.type < $1.type }
            for (doc, n) in personsPerDocument.sorted(by: { $0.value != $1.value ? $0.value > $1.value : $0.key < $1.key }).prefix(topN) {
                r.topDocuments.append(TopDocument(document: names[doc] ?? "?", persons: n))
            }
            try scope.finish(into: &r, personsPerElement: personsPerElement, db, vault: vault)
            for (id, line) in lines where wanted == nil || personsPerDocument[id] != nil {
                r.files.total += 1
                r.files.bytes += line.size
                switch line.status {
                case "scanned": r.files.scanned += 1
                case "skipped": r.files.skipped += 1
                case "failed": r.files.failed += 1
                default: r.files.pending += 1
                }
                r.records += line.records
                r.findings += line.findings
                r.documents.append(line)
            }
            r.documents.sort { $0.document < $1.document }
            if wanted != nil {
                // Conflicts and review are about everyone: a controller's section has its own persons only.
                r.sharedIdentifiers = 0
                r.weak = WeakEvidence(personsOnWeakEvidence: r.weak.personsOnWeakEvidence)
            }
        }
        r.statements = r.makeStatements()
        return r
    }

    func makeStatements() -> [String] {
        var out = ["\(Report.grouped(persons)) distinct persons in \(Report.grouped(files.scanned)) scanned files (\(Report.grouped(records)) records)."]
        let nouns: [String: (String, String)] = [
            "national_id": ("national identification numbers", "national ID numbers"), "email": ("e-mail addresses", "e-mail addresses"),
            "phone": ("phone numbers", "phone numbers"), "iban": ("bank account numbers (IBAN)", "IBANs"),
            "payment_card": ("payment card numbers", "cards"), "loyalty_card": ("loyalty card numbers", "cards"),
        ]
        // Names, addresses and birth dates are shared by different people: only persons count.
        for e in elements {
            if let v = e.values, let noun = nouns[e.element] {
                out.append("\(Report.grouped(v)) \(noun.0) of \(Report.grouped(e.persons)) persons.")
            } else {
                let label = ["name": "Names", "postal_address": "Postal addresses", "date_of_birth": "Dates of birth"][e.element]
                    ?? e.element.replacingOccurrences(of: "_", with: " ").capitalizedFirst
                out.append("\(label) of \(Report.grouped(e.persons)) persons.")
            }
        }
        if !controllers.isEmpty {
            var line = "Persons per controller: " + controllers.prefix(12).map { "\($0.name) \(Report.grouped($0.persons))" }.joined(separator: "; ")
            if controllers.count > 12 { line += "; and \(controllers.count - 12) more" }
            out.append(line + ".")
            if sharedPersons > 0 {
                out.append("\(Report.grouped(sharedPersons)) persons belong to more than one controller; see the overlap table.")
            }
        }
        if unattributed > 0 && !controllers.isEmpty {
            out.append("\(Report.grouped(unattributed)) persons could not be attributed to any controller.")
        }
        for c in categories where !["purchase_history", "delivery_info"].contains(c.category) {
            let label = c.category.replacingOccurrences(of: "_", with: " ").capitalizedFirst
            out.append("\(label) of \(Report.grouped(c.persons)) persons, inferred by rules \(c.rules.map(\.rule).joined(separator: ", ")).")
        }
        if !notExposed.isEmpty {
            let words = notExposed.map { $0.replacingOccurrences(of: "_", with: " ") }
            let list = words.count == 1 ? words[0] : words.dropLast().joined(separator: ", ") + " and " + words.last!
            out.append("Held by the breached system but not found in the leaked data: \(list).")
        }
        if weak.personsOnWeakEvidence > 0 || weak.pending > 0 {
            let n = weak.personsOnWeakEvidence
            out.append("\(Report.grouped(n)) \(n == 1 ? "person rests" : "persons rest") on weak evidence (accepted name-based merges); \(weak.pending) candidate \(weak.pending == 1 ? "merge awaits" : "merges await") review.")
        }
        if let low = weak.personsIfPendingAccepted, low < persons {
            out.append("If every pending candidate is one person, the \(Report.grouped(persons)) persons are \(Report.grouped(low)): the count lies between the two until the candidates are reviewed.")
        }
        if personsInConflicts > 0 {
            out.append("\(Report.grouped(personsInConflicts)) persons share an identifier with another person (a family e-mail beside two national IDs, a household's landline beside two names); kept apart and flagged.")
        }
        if files.failed + files.skipped > 0 {
            out.append("\(files.failed) files failed and \(files.skipped) were skipped; see the list of documents with reasons.")
        }
        return out
    }

    /// 31402 → "31,402".
    public static func grouped(_ n: Int) -> String {
        let s = String(n)
        var out = ""
        for (i, c) in s.enumerated() {
            if i > 0 && (s.count - i) % 3 == 0 && c != "-" { out.append(",") }
            out.append(c)
        }
        return out
    }
}

extension String {
    var capitalizedFirst: String { prefix(1).uppercased() + dropFirst() }
}
