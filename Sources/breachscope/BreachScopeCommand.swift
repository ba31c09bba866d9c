import ArgumentParser
import BreachScope
import Foundation

@main
struct BreachScopeCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "breachscope",
        abstract: "Tell, from leaked files, who was exposed and which of their data.",
        discussion: """
            Workflow: init → scan PATH… → status → report → persons → lookup; diff and review for batches and weak identities. \
            A workspace is a directory (default ./breachscope-data, or --workspace) holding the \
            pseudonymised SQLite store and, unless BREACHSCOPE_KEY is set, the key file master.key \
            (mode 0600). Losing the key makes the store unreadable by design.

            Exit codes: 0 ok; 3 finished, but some files failed (see `status`); 1 error \
            (no workspace, wrong key, unreadable input); 64 usage error.
            """,
        subcommands: [Init.self, Scan.self, Status.self, ReportCommand.self, Persons.self, LookupCommand.self, DiffCommand.self,
                      ReviewCommand.self, ExportCommand.self]
    )

    /// A command that restarts for huge pages (`HugePages`) does so here, before its arguments
    /// are parsed: parsing them twice (the argument parser's first use looks up protocol
    /// conformances, ~15 ms) was a third of a small scan's start. The subcommand's name is always
    /// the first argument (`review`'s second): the parser takes no option before it.
    static func main() {
        if HugePages.restartsFor(CommandLine.arguments) { HugePages.restartWithHugePagesIfUseful() }
        main(nil)
    }
}

/// Options every command shares.
struct WorkspaceOptions: ParsableArguments {
    @Option(name: .long, help: "Workspace directory.")
    var workspace: String = Workspace.defaultPath

    func open(create: Bool = false) throws -> Workspace {
        do { return try Workspace(path: workspace, create: create) } catch { throw CleanExit.fail(error) }
    }
}

enum OutputFormat: String, ExpressibleByArgument, CaseIterable {
    case text, json
}

extension CleanExit {
    /// Prints the error (which never holds personal data) and exits 1.
    static func fail(_ error: Error) -> Error {
        FileHandle.standardError.write(Data("error: \(error)\n".utf8))
        return ExitCode(1)
    }
}

func printJSON<T: Encodable>(_ value: T, pretty: Bool = true) throws {
    print(try jsonText(value, pretty: pretty), terminator: "")
}

/// JSON text with sorted keys and a final newline.
func jsonText<T: Encodable>(_ value: T, pretty: Bool = true) throws -> String {
    let enc = JSONEncoder()
    enc.outputFormatting = pretty ? [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes] : [.sortedKeys, .withoutEscapingSlashes]
    return String(decoding: try enc.encode(value), as: UTF8.self) + "\n"
}
