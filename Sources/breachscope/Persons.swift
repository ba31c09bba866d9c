import ArgumentParser
import BreachScope
import Foundation

struct Persons: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Export persons with their identifiers, elements, documents and batches.",
        discussion: "Values are masked (3800*****18, m***@example.ee) unless --reveal, which unseals them with the workspace key.")

    enum Format: String, ExpressibleByArgument, CaseIterable { case jsonl, csv }

    @OptionGroup var options: WorkspaceOptions
    @Option(help: "jsonl or csv.") var format: Format = .jsonl
    @Option(help: "Only persons attributed to this controller (its id in the rules file, or its name).") var controller: String?
    @Option(help: "Only persons exposed with this element (e.g. national_id, email, phone).") var element: String?
    @Flag(help: "Show values in clear (needs the key).") var reveal = false

    func validate() throws {
        if let element, ElementType(rawValue: element) == nil {
            throw ValidationError("unknown element '\(element)'; use one of: \(ElementType.allCases.map(\.rawValue).joined(separator: ", "))")
        }
    }

    func run() throws {
        let ws = try options.open()
        do {
            let export = PersonExport(store: ws.store, vault: ws.vault)
            var header = format == .csv
            try export.each(reveal: reveal, element: element.flatMap(ElementType.init(rawValue:)), controller: controller) { p in
                if header { print(PersonRow.csvHeader); header = false }
                print(format == .jsonl ? p.jsonLine : p.csvLine)
            }
            if header { print(PersonRow.csvHeader) }
        } catch { throw CleanExit.fail(error) }
    }
}
