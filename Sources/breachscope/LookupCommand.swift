import ArgumentParser
import BreachScope
import Foundation

struct LookupCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "lookup",
        abstract: "Show what is exposed for one person, found by national ID, e-mail, phone, or name with birth date or address.",
        discussion: """
            An identifier is matched by keyed hash. A name (--name) needs --birth-date and/or --address: \
            it matches in any case and word order (`RÄSÄNEN PIRJO` is `Pirjo Räsänen`), the birth date \
            exactly, the address when each of its words is in one of the person's addresses; it finds \
            persons whose records carry no identifier too (a route sheet, a register row). The answer \
            lists each exposed element with document, line and field. Values are masked unless --reveal.
            """)

    @OptionGroup var options: WorkspaceOptions
    @Option(name: .customLong("national-id"), help: "A national identifier (any supported scheme).") var nationalID: String?
    @Option(help: "An e-mail address.") var email: String?
    @Option(help: "A phone number (any common format).") var phone: String?
    @Option(help: "A person's name (with --birth-date and/or --address).") var name: String?
    @Option(name: .customLong("birth-date"), help: "A date of birth (2.3.1961, 1961-03-02, …), with --name.") var birthDate: String?
    @Option(help: "A postal address or part of one (street and number, city), with --name.") var address: String?
    @Flag(help: "Show values in clear.") var reveal = false
    @Option(help: "Output format: text or json.") var format: OutputFormat = .text

    func validate() throws {
        let given = [nationalID, email, phone].compactMap { $0 }
        if name != nil || birthDate != nil || address != nil {
            guard given.isEmpty, name != nil, birthDate != nil || address != nil else {
                throw ValidationError("--name needs --birth-date and/or --address (and no --national-id, --email or --phone)")
            }
            return
        }
        guard given.count == 1 else { throw ValidationError("give exactly one of --national-id, --email, --phone, or --name with --birth-date or --address") }
    }

    func run() throws {
        let ws = try options.open()
        let q: Lookup.Query = name.map { .person(name: $0, birthDate: birthDate, address: address) }
            ?? nationalID.map { .nationalID($0) } ?? email.map { .email($0) } ?? .phone(phone!)
        if Lookup.candidates(q).isEmpty {
            if case .person = q { throw CleanExit.fail(ValidationError("the name, birth date or address given cannot be read as one")) }
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
