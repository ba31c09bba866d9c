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
    @Option(help: "Only persons under this controller.") var controller: String?
    @Option(help: "Only persons exposed with this element (e.g. national_id, email, phone).") var element: String?
    @Flag(help: "Show values in clear (needs the key).") var reveal = false

    func validate() throws {
        if let element, ElementType(rawValue: element) == nil {
            throw ValidationError("unknown element '\(element)'; use one of: \(ElementType.allCases.map(\.rawValue).joined(separator: ", "))")
        }
    }

    func run() throws {
        let ws = try options.open()
        if format == .csv { print("person,identifiers,name,elements,controllers,documents,batches,language") }
        do {
            try PersonExport(store: ws.store, vault: ws.vault).each(reveal: reveal, element: element.flatMap(ElementType.init(rawValue:))) { p in
                if let controller, !p.controllers.contains(controller) { return }
                switch format {
                case .jsonl: print(p.jsonLine)
                case .csv:
                    let ids = p.identifiers.map { "\($0.type):\($0.value)" }.joined(separator: ";")
                    print([p.person, ids, p.name ?? "", p.elements.joined(separator: ";"), p.controllers.joined(separator: ";"),
                           p.documents.joined(separator: ";"), p.batches.joined(separator: ";"), p.language ?? ""].map(csv).joined(separator: ","))
                }
            }
        } catch { throw CleanExit.fail(error) }
    }

    func csv(_ s: String) -> String {
        s.contains(where: { $0 == "," || $0 == "\"" || $0 == "\n" || $0 == "\r" }) ? "\"" + s.replacingOccurrences(of: "\"", with: "\"\"") + "\"" : s
    }
}
