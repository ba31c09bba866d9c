/// The controller a field value names under a column (or register) rule.
public enum ControllerMatch: Sendable, Hashable {
    /// A controller of the rules (index into `ControllerRules.controllers`).
    case known(Int)
    /// A value that matched no controller, under a rule with `unknown: report`: a new controller
    /// with `id` = slug of the value (the key to group by) and `name` = the value as written,
    /// trimmed (two spellings of one unlisted name share the id; the first name seen is a fine label).
    case unlisted(id: String, name: String)
}
