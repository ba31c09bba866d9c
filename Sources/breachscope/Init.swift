import ArgumentParser
import BreachScope
import Foundation

struct Init: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Create a workspace for one incident.",
        discussion: "Creates the store and the key file (mode 0600) unless BREACHSCOPE_KEY is set. Running it again updates the incident details.")

    @OptionGroup var options: WorkspaceOptions
    @Option(help: "Name of the incident.") var incident: String
    @Option(help: "The breached organisation.") var organisation: String
    @Option(help: "Its role for the leaked data: controller or processor.") var role: Role = .controller
    @Option(name: .customLong("aware-at"), help: "When the organisation became aware (ISO 8601 date or date-time).") var awareAt: String?

    @Option(help: "Data categories the breached system held, comma-separated element names (national_id,name,email,…), or a YAML file with a `held:` list. The report states which of them were not found in the leak.")
    var held: String?

    enum Role: String, ExpressibleByArgument, CaseIterable { case controller, processor }

    func validate() throws {
        if let awareAt, Self.parseDate(awareAt) == nil {
            throw ValidationError("--aware-at must be an ISO 8601 date (2023-10-05) or date-time (2023-10-05T14:00:00Z)")
        }
    }

    /// The held categories from `--held`: a list or a YAML file.
    static func parseHeld(_ s: String) throws -> [String] {
        var items: [String]
        if s.hasSuffix(".yaml") || s.hasSuffix(".yml") {
            items = try HeldCategories.load(URL(fileURLWithPath: s))
        } else {
            items = s.split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
        }
        let unknown = items.filter { ElementType(rawValue: $0) == nil }
        guard unknown.isEmpty else {
            throw ValidationError("unknown held categories \(unknown.joined(separator: ", ")); use element names: \(ElementType.allCases.map(\.rawValue).joined(separator: ", "))")
        }
        items = Array(Set(items)).sorted { ElementType(rawValue: $0)! < ElementType(rawValue: $1)! }
        return items
    }

    static func parseDate(_ s: String) -> Date? {
        let f = ISO8601DateFormatter()
        if let d = f.date(from: s) { return d }
        f.formatOptions = [.withFullDate]
        return f.date(from: s)
    }

    func run() throws {
        let ws = try options.open(create: true)
        var meta = ["incident": incident, "organisation": organisation, "role": role.rawValue]
        if let awareAt { meta["aware_at"] = awareAt }
        if let held { meta["held"] = try Self.parseHeld(held).joined(separator: ",") }
        do { try ws.store.setMeta(meta) } catch { throw CleanExit.fail(error) }
        let keyNote = ProcessInfo.processInfo.environment[MasterKey.environmentVariable] != nil
            ? "key from \(MasterKey.environmentVariable)" : "key file \(ws.url.appendingPathComponent(MasterKey.fileName).path) (keep it safe)"
        print("Initialised workspace \(ws.url.path) for \"\(incident)\" (\(organisation), \(role.rawValue)); \(keyNote).")
    }
}
