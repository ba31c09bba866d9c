import ArgumentParser
import BreachScope
import Foundation

struct DiffCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "diff",
        abstract: "Compare one batch with the batches scanned before it.",
        discussion: """
            Batches are ordered by their first scan (`scan --batch NAME`). For batch B: persons first \
            seen in B; persons already known who have new elements or controllers in B, and which; \
            persons in B whose data adds nothing; and persons known earlier who are not in B. \
            --list prints the person ids of each group.
            """)

    @OptionGroup var options: WorkspaceOptions
    @Option(help: "The batch to compare.") var batch: String
    @Option(help: "Output format: text or json.") var format: OutputFormat = .text
    @Flag(help: "List person ids (text format; json always has them).") var list = false

    func run() throws {
        let ws = try options.open()
        let d: BatchDiff
        do { d = try BatchDiff.build(store: ws.store, vault: ws.vault, batch: batch) } catch { throw CleanExit.fail(error) }
        if format == .json { try printJSON(d); return }
        let g = Report.grouped
        print("Batch \(d.batch)" + (d.publishedAt.map { " (published \($0))" } ?? "") + ": \(g(d.documents)) documents; compared with "
              + (d.earlierBatches.isEmpty ? "nothing (first batch)" : d.earlierBatches.joined(separator: ", ")) + ".")
        print("  New persons:                  \(g(d.newPersons.count))")
        print("  Known, with new data:         \(g(d.knownWithNewData.count))")
        print("  Known, unchanged:             \(g(d.unchanged.count))")
        print("  Known earlier, not in batch:  \(g(d.notInBatch))")
        if !d.newElementPersons.isEmpty {
            print("  Newly exposed, per element (persons):")
            for (e, n) in d.newElementPersons.sorted(by: { $0.value != $1.value ? $0.value > $1.value : $0.key < $1.key }) {
                print("    " + e.padding(toLength: 18, withPad: " ", startingAt: 0) + g(n))
            }
        }
        if list {
            for p in d.newPersons { print("new\t\(p)") }
            for c in d.knownWithNewData {
                print("changed\t\(c.person)\telements: \(c.newElements.joined(separator: ","))\tcontrollers: \(c.newControllers.joined(separator: ","))")
            }
            for p in d.unchanged { print("unchanged\t\(p)") }
        }
    }
}
