import ArgumentParser
import BreachScope
import Foundation

struct ExportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "export",
        abstract: "Write one controller's hand-off: its persons, the evidence and its section of the report.",
        discussion: """
            Writes into --out: persons.jsonl and persons.csv (masked unless --reveal), evidence.jsonl \
            (per person: the rules and documents that attribute them to this controller and the \
            special-category rules that apply), report.json, report.txt and report.html — counted over \
            this controller's persons only, with nothing about anyone else's. Files are created with \
            mode 0600.
            """)

    @OptionGroup var options: WorkspaceOptions
    @Option(help: "The controller (its id in the rules file, or its name).") var controller: String
    @Option(help: "Directory to write into (created if missing).") var out: String
    @Flag(help: "Show values in clear in persons.jsonl/csv (needs the key).") var reveal = false

    func run() throws {
        let ws = try options.open()
        do {
            let s = try ControllerExport(store: ws.store, vault: ws.vault).write(
                controller: controller, to: URL(fileURLWithPath: out), reveal: reveal,
                textReport: ReportText.render, htmlReport: { HTMLReport.render($0, generatedAt: Date()) })
            print("Wrote \(Report.grouped(s.persons)) persons of \(controller) to \(out): \(s.files.joined(separator: ", ")).")
        } catch { throw CleanExit.fail(error) }
    }
}

