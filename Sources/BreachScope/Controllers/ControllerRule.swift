import Foundation

/// One attribution rule of a rules file: from a column's values, from document paths, or from
/// an external register mapping identifiers to controllers.
public struct ControllerRule: Sendable {
    /// What a value that names no known controller does under a column or register rule.
    public enum Unknown: String, Sendable, Hashable {
        /// A new controller named by the value, flagged `unlisted` (the default).
        case report
        /// No attribution.
        case ignore
    }

    /// The identifier a register's key column holds, hashed the way the scanner stores it.
    public enum RegisterKey: Sendable, Hashable {
        /// A national identifier (any scheme, or `scheme` when given).
        case nationalID(IdentifierType?)
        case email
        case phone
        /// A link key of a namespace the field classifier assigns (`customer`, `sample`, `card`).
        case link(namespace: String)
    }

    /// An external register: a CSV file mapping an identifier to a controller.
    public struct Register: Sendable {
        /// The CSV file (resolved against the rules file's folder).
        public var file: URL
        public var key: RegisterKey
        /// Header of the key column (matched like header names: case, diacritics, separators).
        public var keyColumn: String
        /// Header of the controller column; `nil` when the rule's `controller` applies to every row.
        public var controllerColumn: String?
    }

    /// Where the rule takes its attributions from.
    public enum Source: Sendable {
        /// Field values of columns with these headers.
        case columns([String])
        /// Documents whose names match these globs.
        case paths([String])
        case register(Register)
    }

    /// Rule id, unique in the file (recorded with every attribution).
    public var id: String
    public var source: Source
    /// The fixed controller of a `paths` rule (or of a register without a controller column).
    public var controller: Int?
    /// `unknown:` policy of column and register rules.
    public var unknown: Unknown
    /// Line of the rule in the rules file, when known.
    public var line: Int?

    /// `map:` pairs, keyed by normalised value.
    var map: [[UInt8]: Int] = [:]
    /// Compiled `paths:` globs.
    var globs: [PathGlob] = []
}
