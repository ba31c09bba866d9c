import ArgumentParser
import BreachScope

@main
struct BreachScopeCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "breachscope", abstract: "Scope a data breach from the leaked files.")
}
