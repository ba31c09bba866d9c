/// A rule pack that cannot be used. The message names the file and, where it applies, the rule:
/// `categories/x.yaml, rule 'foo': unknown category 'bar'`.
public struct CategoryRuleError: Error, Sendable, Equatable, CustomStringConvertible {
    public var file: String
    public var ruleID: String?
    public var reason: String

    public init(file: String, ruleID: String? = nil, _ reason: String) {
        self.file = file
        self.ruleID = ruleID
        self.reason = reason
    }

    public var description: String {
        if let r = ruleID { return "\(file), rule '\(r)': \(reason)" }
        return "\(file): \(reason)"
    }
}
