import Foundation
import GRDB

/// The hand-off to one controller (issue #4, item 7): everything a controller needs to notify
/// its own people, and nothing about anyone else's — its persons (JSONL and CSV), why each person
/// is theirs and which special categories apply (rule, document), and its section of the report.
public struct ControllerExport {
    let store: Store
    let vault: Vault
    public init(store: Store, vault: Vault) { self.store = store; self.vault = vault }

    /// What was written.
    public struct Summary: Sendable {
        public var persons = 0
        public var files: [String] = []
    }

    /// One person's evidence line in `evidence.jsonl`.
    struct EvidenceLine {
        var person: String
        var attributions: [(rule: String, document: String)]
        var categories: [(category: String, rule: String, document: String)]

        var json: String {
            var out = "{\"person\":" + JSONText.string(person) + ",\"attributed_by\":["
            out += attributions.map { "{\"rule\":\(JSONText.string($0.rule)),\"document\":\(JSONText.string($0.document))}" }.joined(separator: ",")
            out += "],\"categories\":["
            out += categories.map { "{\"category\":\(JSONText.string($0.category)),\"rule\":\(JSONText.string($0.rule)),\"document\":\(JSONText.string($0.document))}" }
                .joined(separator: ",")
            return out + "]}"
        }
    }

    /// Writes `persons.jsonl`, `persons.csv`, `evidence.jsonl`, `report.json`, `report.txt`
    /// (`textReport` renders it) and `report.html` (`htmlReport`, when given) into `directory`.
    public func write(controller: String, to directory: URL, reveal: Bool,
                      textReport: (Report) -> String, htmlReport: ((Report) -> String)? = nil) throws -> Summary {
        let report = try Report.build(store: store, vault: vault, topN: 25, controller: controller)
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        var summary = Summary()
        func file(_ name: String) throws -> FileHandle {
            let url = directory.appendingPathComponent(name)
            _ = FileManager.default.createFile(atPath: url.path, contents: nil, attributes: [.posixPermissions: 0o600])
            summary.files.append(name)
            return try FileHandle(forWritingTo: url)
        }
        let jsonl = try file("persons.jsonl"), csv = try file("persons.csv")
        defer { try? jsonl.close(); try? csv.close() }
        var jsonBuffer = Data(), csvBuffer = Data((PersonRow.csvHeader + "\n").utf8)
        try PersonExport(store: store, vault: vault).each(reveal: reveal, controller: controller) { p in
            summary.persons += 1
            jsonBuffer.append(contentsOf: (p.jsonLine + "\n").utf8)
            csvBuffer.append(contentsOf: (p.csvLine + "\n").utf8)
            if jsonBuffer.count > 1 << 20 { jsonl.write(jsonBuffer); jsonBuffer.removeAll(keepingCapacity: true) }
            if csvBuffer.count > 1 << 20 { csv.write(csvBuffer); csvBuffer.removeAll(keepingCapacity: true) }
        }
        jsonl.write(jsonBuffer); csv.write(csvBuffer)

        let evidence = try file("evidence.jsonl")
        defer { try? evidence.close() }
        try store.pool.read { db in
            let t = try ScopeTables.load(db, vault: vault)
            let wanted = t.controllers(matching: controller)
            var buffer = Data()
            try StoredPerson.forEach(db) { p in
                let mine = p.attributions.filter { wanted.contains($0.what) }
                guard !mine.isEmpty else { return }
                let line = EvidenceLine(
                    person: p.pid,
                    attributions: mine.map { (t.rules[$0.rule]?.name ?? "?", t.documentNames[$0.document] ?? "?") },
                    categories: p.reasons.map { (ElementType(code: UInt8(truncatingIfNeeded: $0.what))?.rawValue ?? "?",
                                                 t.rules[$0.rule]?.name ?? "?", t.documentNames[$0.document] ?? "?") })
                buffer.append(contentsOf: (line.json + "\n").utf8)
                if buffer.count > 1 << 20 { evidence.write(buffer); buffer.removeAll(keepingCapacity: true) }
            }
            evidence.write(buffer)
        }
        let enc = JSONEncoder()
        enc.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        let json = try file("report.json")
        json.write(try enc.encode(report)); try json.close()
        let text = try file("report.txt")
        text.write(Data((textReport(report) + "\n").utf8)); try text.close()
        if let htmlReport {
            let html = try file("report.html")
            html.write(Data(htmlReport(report).utf8)); try html.close()
        }
        return summary
    }
}
