import ArgumentParser
import BreachScope
import Foundation

struct Status: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Show what is scanned, skipped and failed (with reasons).",
        discussion: "Lists every document that did not scan cleanly; --all lists every document.")

    @OptionGroup var options: WorkspaceOptions
    @Flag(help: "List every document, not only skipped, failed and pending ones.") var all = false
    @Option(help: "Output format: text or json.") var format: OutputFormat = .text

    func run() throws {
        let ws = try options.open()
        let report: Report
        do { report = try Report.build(store: ws.store, vault: ws.vault) } catch { throw CleanExit.fail(error) }
        let docs = all ? report.documents : report.documents.filter { $0.status != "scanned" }
        if format == .json {
            struct Out: Encodable { var files: Report.Files; var documents: [Report.DocumentLine] }
            try printJSON(Out(files: report.files, documents: docs))
            return
        }
        let f = report.files
        print("\(f.total) files (\(Report.grouped(f.bytes)) bytes): \(f.scanned) scanned, \(f.skipped) skipped, \(f.failed) failed, \(f.pending) pending.")
        for d in docs {
            var line = "  \(d.status.padding(toLength: 8, withPad: " ", startingAt: 0)) \(d.document)"
            if let fmt = d.format { line += "  [\(fmt)\(d.encoding.map { ", " + $0 } ?? "")]" }
            if let r = d.reason { line += "  — \(r)" }
            print(line)
        }
    }
}
