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
    /// Sentences a DPO can quote ("31,402 e-mail addresses of 31,207 persons").
    public var statements: [String] = []

    public static func build(store: Store, vault: Vault, topN: Int = 10) throws -> Report {
        var r = Report()
        r.incident = try store.meta("incident")
        r.organisation = try store.meta("organisation")
        r.role = try store.meta("role")
        r.awareAt = try store.meta("aware_at")
        try store.pool.read { db in
            var names: [Int64: String] = [:]
            for row in try Row.fetchAll(db, sql: "SELECT * FROM document") {
                let sealed: Data = row["path_sealed"]
                let name = (try? vault.openString(Array(sealed))) ?? "<sealed>"
                let id: Int64 = row["id"]
                names[id] = name
                let line = DocumentLine(document: name, status: row["status"], reason: row["reason"], format: row["format"],
                                        encoding: row["encoding"], size: row["size"], records: row["records"],
                                        findings: row["findings"], batch: row["batch"])
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
            r.persons = try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM person") ?? 0
            r.personsInConflicts = try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM person WHERE flags & 1") ?? 0
            r.sharedIdentifiers = try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM conflict") ?? 0
            let perElement = try Row.fetchAll(db, sql: "SELECT element, COUNT(DISTINCT person_id) AS n FROM exposure GROUP BY element")
            var valueCounts: [Int: Int] = [:]
            for row in try Row.fetchAll(db, sql: """
                SELECT v.kind AS kind, COUNT(DISTINCT v.id) AS values_, COUNT(DISTINCT pv.person_id) AS persons
                FROM person_value pv JOIN value v ON v.id = pv.value_id GROUP BY v.kind
                """) {
                let kind = ValueKind(rawValue: UInt16(row["kind"] as Int))
                let values: Int = row["values_"]
                if let id = kind.identifier {
                    if id.isNational { r.identifiers.append(IdentifierCount(type: id.rawValue, values: values, persons: row["persons"])) }
                }
                if let e = kind.element { valueCounts[Int(e.code), default: 0] += values }
            }
            for row in perElement {
                let code: Int = row["element"]
                guard let e = ElementType(code: UInt8(code)) else { continue }
                r.elements.append(ElementCount(element: e.rawValue, persons: row["n"], values: valueCounts[code]))
            }
            r.elements.sort { $0.persons != $1.persons ? $0.persons > $1.persons : $0.element < $1.element }
            r.identifiers.sort { $0.persons != $1.persons ? $0.persons > $1.persons : $0.type < $1.type }
            for row in try Row.fetchAll(db, sql: """
                SELECT document_id, COUNT(DISTINCT person_id) AS n FROM exposure GROUP BY document_id ORDER BY n DESC, document_id LIMIT ?
                """, arguments: [topN]) {
                r.topDocuments.append(TopDocument(document: names[row["document_id"]] ?? "?", persons: row["n"]))
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
        if personsInConflicts > 0 {
            out.append("\(Report.grouped(personsInConflicts)) persons share an identifier (e.g. a family e-mail) with another person's national ID; kept apart and flagged.")
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
