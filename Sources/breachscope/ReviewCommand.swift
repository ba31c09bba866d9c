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
            every later scan; `review accept --all [--evidence name+postal_address] [--min-score 0.8]` \
            decides every pending candidate that passes the filters at once. `report` gives the \
            range of distinct persons while candidates are pending. Conflicts (one e-mail shared by \
            two national IDs) are listed for information: such persons are always kept apart.
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

    /// Which candidates a decision is about: one by id, or every pending one that passes the filters.
    struct Selection: ParsableArguments {
        @Argument(help: "Candidate id (from `review`).") var id: String?
        @Flag(help: "Every pending candidate (narrowed by --evidence and --min-score).") var all = false
        @Option(help: "With --all: only candidates with this evidence (name+date_of_birth, name+postal_address, name+phone, name_only, name_only_identified).")
        var evidence: String?
        @Option(help: "With --all: only candidates scoring at least this (0–1).") var minScore: Double?

        func validate() throws {
            guard (id == nil) == all else { throw ValidationError("give a candidate id or --all, not both") }
            if !all && (evidence != nil || minScore != nil) { throw ValidationError("--evidence and --min-score need --all") }
            if let e = evidence, !Review.evidenceKinds.contains(e) {
                throw ValidationError("unknown evidence '\(e)': use one of \(Review.evidenceKinds.joined(separator: ", "))")
            }
            if let m = minScore, !(0...1).contains(m) { throw ValidationError("--min-score is between 0 and 1") }
        }

        func decide(_ ws: Workspace, accept: Bool) throws -> String {
            let review = Review(store: ws.store, vault: ws.vault)
            if let id {
                do { try review.decide(id, accept: accept) } catch { throw CleanExit.fail(error) }
                return accept ? "Accepted \(id): the two persons are now one." : "Rejected \(id): the two persons stay apart."
            }
            let n: Int
            do { n = try review.decideAll(accept: accept, evidence: evidence, minScore: minScore) } catch { throw CleanExit.fail(error) }
            return "\(accept ? "Accepted" : "Rejected") \(n) pending candidate\(n == 1 ? "" : "s")."
        }
    }

    struct Accept: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Merge the two persons of a candidate (or of every pending one with --all).",
            discussion: "Each decision is recorded per candidate and re-applied on every later scan; `review reject` undoes one.")
        @OptionGroup var options: WorkspaceOptions
        @OptionGroup var selection: Selection
        func run() throws {
            print(try selection.decide(try options.open(), accept: true))   // huge pages: `BreachScopeCommand.main`
        }
    }

    struct Reject: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Keep the two persons of a candidate apart (or of every pending one with --all).")
        @OptionGroup var options: WorkspaceOptions
        @OptionGroup var selection: Selection
        func run() throws {
            print(try selection.decide(try options.open(), accept: false))
        }
    }
}
