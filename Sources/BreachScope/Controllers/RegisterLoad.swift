/// One register row's key, normalised exactly as the scanner stores that value (so
/// `vault.hash(kind:_:)` of it equals the hash of the same value found in a leak), and the
/// controller the register gives it.
public struct RegisterEntry: Sendable, Hashable {
    /// The stored kind: a national ID type, `.identifier(.email)`, `.identifier(.phone)` or `.linkKey`.
    public var kind: ValueKind
    /// The normalised bytes (`namespace` + 0 + key for link keys). Personal data: never log.
    public var value: [UInt8]
    /// Index into `RegisterLoad.controllers`.
    public var controller: Int
    /// Index into `ControllerRules.rules`.
    public var rule: Int
}

/// A register row that was not used: where and why. The reason never contains the value.
public struct RegisterRejection: Sendable, Hashable {
    /// Rule id.
    public var rule: String
    /// Line of the row in the CSV file (1 = header).
    public var line: Int
    public var reason: String
}

/// The register rules' CSV files, read: entries ready to hash, and the rows that were rejected.
public struct RegisterLoad: Sendable {
    public var entries: [RegisterEntry]
    public var rejected: [RegisterRejection]
    /// `ControllerRules.controllers` followed by the unlisted controllers the registers named
    /// (`unknown: report`); `RegisterEntry.controller` indexes this list.
    public var controllers: [Controller]
}
