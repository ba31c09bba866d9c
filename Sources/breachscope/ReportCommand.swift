import ArgumentParser
import BreachScope
import Foundation

struct ReportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "report",
        abstract: "Report the scope: files, records, distinct persons, persons per element and identifier type.",
        discussion: "Counts are of distinct persons after resolution; values are never shown.")

    @OptionGroup var options: WorkspaceOptions
    @Option(help: "Output format: text or json.") var format: OutputFormat = .text
    @Option(help: "How many top documents to list.") var top: Int = 10

    func run() throws {
        let ws = try options.open()
        let r: Report
        do { r = try Report.build(store: ws.store, vault: ws.vault, topN: top) } catch { throw CleanExit.fail(error) }
        if format == .json { try printJSON(r); return }
        print(ReportText.render(r))
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
