import ArgumentParser
import BreachScope
import Foundation

struct ReviewCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "review",
        abstract: "List weak-identity merge candidates and identifier conflicts; accept or reject candidates.",
        discussion: """
            Persons that share a name and a date of birth, a postal address or a phone number but no \
            strong identifier are candidates, never merged silently. `review accept ID` merges the \
            two persons, `review reject ID` keeps them apart; the decision is kept and re-applied on \
            every later scan. Conflicts (one e-mail shared by two national IDs) are listed for \
            information: such persons are always kept apart.
            """,
        subcommands: [List.self, Accept.self, Reject.self],
        defaultSubcommand: List.self)

    struct List: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Show the review queue.")
        @OptionGroup var options: WorkspaceOptions
        @Option(help: "Output format: text or json.") var format: OutputFormat = .text
        @Flag(help: "Also show decided candidates.") var all = false

        func run() throws {
            let ws = try options.open()
            let q: Review.Queue
            do { q = try Review(store: ws.store, vault: ws.vault).queue() } catch { throw CleanExit.fail(error) }
            if format == .json { try printJSON(q); return }
            let shown = q.candidates.filter { all || $0.status == "pending" }
            print("Candidates (\(shown.count) shown of \(q.candidates.count)):")
            for c in shown {
                print("  \(c.id)  score \(String(format: "%.2f", c.score))  \(c.status)  \(c.a) \(c.names[0])  ~  \(c.b) \(c.names[1])  [\(c.evidence.joined(separator: ", "))]")
            }
            print("Conflicts (\(q.conflicts.count)):")
            for c in q.conflicts {
                print("  \(c.type) \(c.identifier) shared by \(c.persons.joined(separator: ", "))")
            }
        }
    }

    struct Accept: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Merge the two persons of a candidate.")
        @OptionGroup var options: WorkspaceOptions
        @Argument(help: "Candidate id (from `review`).") var id: String
        func run() throws {
            let ws = try options.open()
            do { try Review(store: ws.store, vault: ws.vault).decide(id, accept: true) } catch { throw CleanExit.fail(error) }
            print("Accepted \(id): the two persons are now one.")
        }
    }

    struct Reject: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Keep the two persons of a candidate apart.")
        @OptionGroup var options: WorkspaceOptions
        @Argument(help: "Candidate id (from `review`).") var id: String
        func run() throws {
            let ws = try options.open()
            do { try Review(store: ws.store, vault: ws.vault).decide(id, accept: false) } catch { throw CleanExit.fail(error) }
            print("Rejected \(id): the two persons stay apart.")
        }
    }
}
