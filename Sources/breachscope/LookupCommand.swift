import ArgumentParser
import BreachScope
import Foundation

struct LookupCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "lookup",
        abstract: "Show what is exposed for one person, found by national ID, e-mail or phone.",
        discussion: "The value is matched by keyed hash; the answer lists each exposed element with document, line and field. Values are masked unless --reveal.")

    @OptionGroup var options: WorkspaceOptions
    @Option(name: .customLong("national-id"), help: "A national identifier (any supported scheme).") var nationalID: String?
    @Option(help: "An e-mail address.") var email: String?
    @Option(help: "A phone number (any common format).") var phone: String?
    @Flag(help: "Show values in clear.") var reveal = false
    @Option(help: "Output format: text or json.") var format: OutputFormat = .text

    func validate() throws {
        let given = [nationalID, email, phone].compactMap { $0 }
        guard given.count == 1 else { throw ValidationError("give exactly one of --national-id, --email, --phone") }
    }

    func run() throws {
        let ws = try options.open()
        let q: Lookup.Query = nationalID.map { .nationalID($0) } ?? email.map { .email($0) } ?? .phone(phone!)
        if Lookup.candidates(q).isEmpty {
            throw CleanExit.fail(ValidationError("the value given is not a valid identifier of that kind"))
        }
        let results: [Lookup.Result]
        do { results = try Lookup(store: ws.store, vault: ws.vault).run(q, reveal: reveal) } catch { throw CleanExit.fail(error) }
        if format == .json { try printJSON(results); return }
        if results.isEmpty { print("Not found in the scanned data."); return }
        for r in results {
            let p = r.person
            print("Person \(p.person)" + (p.name.map { " — \($0)" } ?? "") + (p.language.map { " [\($0)]" } ?? ""))
            print("  Identifiers: " + p.identifiers.map { "\($0.type) \($0.value)" }.joined(separator: ", "))
            print("  Exposed: " + p.elements.joined(separator: ", "))
            print("  Documents: " + p.documents.joined(separator: ", ") + "   Batches: " + p.batches.joined(separator: ", "))
            for c in r.controllers { print("  Controller: \(c.what) — rule \(c.rule), from \(c.document)") }
            for c in r.categories {
                print("  Special category: \(c.what) — rule \(c.rule) in \(c.document)" + (c.evidence.map { " (evidence \($0))" } ?? "")
                      + (c.explain.map { ": \($0)" } ?? ""))
            }
            for o in r.occurrences {
                print("    \(o.document):\(o.line)" + (o.field.map { " [\($0)]" } ?? "") + "  \(o.element)" + (o.value.map { "  \($0)" } ?? ""))
            }
        }
    }
}
