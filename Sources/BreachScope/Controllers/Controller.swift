/// A data controller persons can be attributed to: the incident's organisation, a controller
/// listed in the rules file, or one named by a field value that no listed controller matches
/// (`unlisted`: reported so that an unexpected hospital or region is not silently lost).
public struct Controller: Sendable, Hashable, Codable {
    /// Stable identifier (`pirha`); for unlisted controllers the slug of the value.
    public var id: String
    /// Display name (`Pirkanmaan hyvinvointialue`); for unlisted controllers the value as written.
    public var name: String
    /// Other names field values may use; matched after normalisation (`ControllerName`).
    public var aliases: [String]
    /// True for a controller named by a value that matched no listed controller.
    public var unlisted: Bool

    public init(id: String, name: String, aliases: [String] = [], unlisted: Bool = false) {
        self.id = id
        self.name = name
        self.aliases = aliases
        self.unlisted = unlisted
    }
}
