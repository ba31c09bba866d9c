import ArgumentParser
import BreachScope
import Foundation

struct ReportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "report",
        abstract: "Report the scope: files, persons per element, controllers, special categories, batches.",
        discussion: """
            Counts are of distinct persons after resolution; values are never shown (evidence is \
            masked). --format json carries the same content for machines; --format html writes one \
            self-contained file (no network, no scripts) with charts, to --out or stdout.
            """)

    @OptionGroup var options: WorkspaceOptions
    enum Format: String, ExpressibleByArgument, CaseIterable { case text, json, html }

    @Option(help: "Output format: text, json or html.") var format: Format = .text
    @Option(help: "How many top documents to list.") var top: Int = 10
    @Option(help: "Only this controller's persons and documents (its id in the rules file, or its name).") var controller: String?
    @Option(help: "Write to this file instead of standard output (created with mode 0600).") var out: String?

    func run() throws {
        let ws = try options.open()
        let r: Report
        do { r = try Report.build(store: ws.store, vault: ws.vault, topN: top, controller: controller) } catch { throw CleanExit.fail(error) }
        let text: String
        switch format {
        case .json: text = try jsonText(r)
        case .html: text = HTMLReport.render(r, generatedAt: Date())
        case .text: text = ReportText.render(r) + "\n"
        }
        if let out {
            _ = FileManager.default.createFile(atPath: out, contents: nil, attributes: [.posixPermissions: 0o600])
            guard let h = FileHandle(forWritingAtPath: out) else { throw CleanExit.fail(ScopeError.badFile(out, "cannot be written")) }
            h.write(Data(text.utf8))
            try h.close()
            FileHandle.standardError.write(Data("Wrote \(out)\n".utf8))
        } else {
            FileHandle.standardOutput.write(Data(text.utf8))
        }
    }
}

/// Plain-text rendering of a `Report`.
enum ReportText {
    static func render(_ r: Report) -> String {
        var out: [String] = []
        let g = Report.grouped
        out.append("BreachScope report — \(r.incident ?? "unnamed incident")" + (r.organisation.map { " (\($0), \(r.role ?? "controller"))" } ?? ""))
        if let a = r.awareAt { out.append("Aware at: \(a)") }
        out.append("")
        out.append("Files: \(g(r.files.total)) (\(g(r.files.scanned)) scanned, \(g(r.files.skipped)) skipped, \(g(r.files.failed)) failed, \(g(r.files.pending)) pending), \(g(r.files.bytes)) bytes")
        out.append("Records: \(g(r.records))   Findings: \(g(r.findings))")
        out.append("Distinct persons: \(g(r.persons))" + (r.personsInConflicts > 0 ? "  (\(g(r.personsInConflicts)) flagged: share an identifier with another person)" : ""))
        out.append("")
        out.append("Persons per element:")
        for e in r.elements {
            out.append("  " + e.element.padding(toLength: 18, withPad: " ", startingAt: 0) + pad(g(e.persons), 12) + (e.values.map { "   (\(g($0)) distinct values)" } ?? ""))
        }
        if !r.identifiers.isEmpty {
            out.append("")
            out.append("Identifiers (distinct persons, distinct values):")
            for i in r.identifiers {
                out.append("  " + i.type.padding(toLength: 18, withPad: " ", startingAt: 0) + pad(g(i.persons), 12) + " persons   (\(g(i.values)) distinct values)")
            }
        }
        if !r.controllers.isEmpty || r.unattributed > 0 {
            out.append("")
            out.append("Controllers (distinct persons; exclusive = only this controller):")
            for c in r.controllers {
                let label = c.listed ? c.name : c.name + " (unlisted)"
                out.append("  " + label.padding(toLength: 34, withPad: " ", startingAt: 0) + pad(g(c.persons), 10) + "   exclusive " + g(c.exclusive)
                           + "   rules: " + c.rules.map { "\($0.rule) (\(g($0.persons)))" }.joined(separator: ", "))
                if !c.notExposed.isEmpty { out.append("      held, not found: " + c.notExposed.joined(separator: ", ")) }
            }
            if r.unattributed > 0 { out.append("  (no controller)".padding(toLength: 36, withPad: " ", startingAt: 0) + pad(g(r.unattributed), 10)) }
            if !r.overlaps.isEmpty {
                out.append("  Shared persons:")
                for o in r.overlaps.prefix(50) { out.append("    \(o.a) × \(o.b): \(g(o.persons))") }
                if r.overlaps.count > 50 { out.append("    … \(r.overlaps.count - 50) more pairs in --format json") }
            }
        }
        if !r.categories.isEmpty {
            out.append("")
            out.append("Special categories (persons; rule and masked evidence):")
            for c in r.categories {
                out.append("  " + c.category.padding(toLength: 18, withPad: " ", startingAt: 0) + pad(g(c.persons), 12))
                for rule in c.rules {
                    out.append("      \(rule.rule): \(g(rule.persons))" + (rule.example.map { "   e.g. \($0)" } ?? ""))
                }
            }
        }
        if r.batches.count > 1 || r.batches.contains(where: { $0.publishedAt != nil }) {
            out.append("")
            out.append("Batches (timeline):")
            out.append("  batch                published    documents        new  known+new  unchanged  cumulative")
            for b in r.batches {
                out.append("  " + b.batch.padding(toLength: 20, withPad: " ", startingAt: 0) + " " + (b.publishedAt ?? "-").padding(toLength: 10, withPad: " ", startingAt: 0)
                           + pad(g(b.documents), 12) + pad(g(b.newPersons), 11) + pad(g(b.knownWithNewData), 11) + pad(g(b.unchanged), 11)
                           + pad(g(b.cumulativePersons), 12))
            }
        }
        if !r.held.isEmpty {
            out.append("")
            out.append("Held by the breached system: " + r.held.joined(separator: ", "))
            out.append("Not found in the leaked data: " + (r.notExposed.isEmpty ? "none (every held category was found)" : r.notExposed.joined(separator: ", ")))
        }
        if r.weak.candidates > 0 {
            out.append("")
            out.append("Weak identities: \(r.weak.candidates) candidate merges (\(r.weak.pending) pending, \(r.weak.accepted) accepted, \(r.weak.rejected) rejected); \(g(r.weak.personsOnWeakEvidence)) \(r.weak.personsOnWeakEvidence == 1 ? "person rests" : "persons rest") on weak evidence. See `breachscope review`.")
            if let low = r.weak.personsIfPendingAccepted, low < r.persons {
                out.append("  Distinct persons: \(g(low))–\(g(r.persons)) until the \(r.weak.pending) pending candidates are reviewed (\(g(low)) if every one is accepted).")
            }
        }
        if !r.topDocuments.isEmpty {
            out.append("")
            out.append("Top documents by persons:")
            for d in r.topDocuments { out.append("  " + pad(g(d.persons), 10) + "  " + d.document) }
        }
        let problems = r.documents.filter { $0.status != "scanned" }
        if !problems.isEmpty {
            out.append("")
            out.append("Not scanned:")
            for d in problems { out.append("  \(d.status): \(d.document) — \(d.reason ?? "no reason recorded")") }
        }
        out.append("")
        out.append("In short:")
        for s in r.statements { out.append("  " + s) }
        return out.joined(separator: "\n")
    }

    static func pad(_ s: String, _ n: Int) -> String { String(repeating: " ", count: max(0, n - s.count)) + s }
}
