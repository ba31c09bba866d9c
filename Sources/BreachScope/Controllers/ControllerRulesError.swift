/// A rules file that cannot be used: names the file, the line (when the YAML parser gives it)
/// and the rule, and says what is wrong. Never contains register values (personal data).
public struct ControllerRulesError: Error, Sendable, CustomStringConvertible {
    public var file: String?
    public var line: Int?
    public var rule: String?
    public var message: String

    public init(file: String? = nil, line: Int? = nil, rule: String? = nil, _ message: String) {
        self.file = file
        self.line = line
        self.rule = rule
        self.message = message
    }

    /// `rules.yaml:14: rule 'tartu-exports': unknown controller 'tyk'`.
    public var description: String {
        var s = file ?? "controller rules"
        if let line { s += ":\(line)" }
        s += ": "
        if let rule { s += "rule '\(rule)': " }
        return s + message
    }
}
