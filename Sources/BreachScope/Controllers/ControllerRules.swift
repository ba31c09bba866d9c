import Foundation

/// Controller attribution rules (a YAML rules file, see `docs/controllers.md`): the incident's
/// organisation, the known controllers with their aliases, and rules that attribute persons to
/// controllers from column values, document paths or external registers, plus a default.
///
/// A pure engine: it answers "which controller does this header / value / document / register
/// key mean"; the scanner and store record the attributions. Built once per scan, then shared
/// read-only between threads.
public struct ControllerRules: Sendable {
    /// The rules file, when loaded from one (register paths are relative to its folder).
    public let file: URL?
    /// The incident's organisation, also present in `controllers` at `organisationIndex`.
    public let organisation: Controller?
    public let organisationIndex: Int?
    /// All controllers: the organisation first (when given), then the listed ones in file order.
    public let controllers: [Controller]
    public let rules: [ControllerRule]
    /// Who gets persons no rule attributes: index into `controllers`, or `nil` (`default: none`).
    public let defaultController: Int?

    /// Normalised id, name and aliases → controller index.
    let aliasIndex: [[UInt8]: Int]
    /// Normalised header → indices of column rules naming it.
    let headerIndex: [String: [Int]]

    init(file: URL?, organisation: Controller?, controllers: [Controller], rules: [ControllerRule],
         defaultController: Int?, aliasIndex: [[UInt8]: Int]) {
        self.file = file
        self.organisation = organisation
        organisationIndex = organisation == nil ? nil : 0
        self.controllers = controllers
        self.rules = rules
        self.defaultController = defaultController
        self.aliasIndex = aliasIndex
        var headers: [String: [Int]] = [:]
        for (i, r) in rules.enumerated() {
            guard case .columns(let names) = r.source else { continue }
            for name in names {
                let key = FieldClassifier.normalize(name)
                if !key.isEmpty, headers[key]?.contains(i) != true { headers[key, default: []].append(i) }
            }
        }
        headerIndex = headers
    }

    /// Index of the controller with this id.
    public func index(ofController id: String) -> Int? { controllers.firstIndex { $0.id == id } }

    /// Rule indices whose `columns` name this header. Headers are compared normalised like
    /// `FieldClassifier` does: case, diacritics, spaces and `_`/`-`/punctuation ignored, so
    /// `Hyvinvointialue`, `HYVINVOINTI_ALUE` and `hyvinvointi-alue` all match `hyvinvointialue`.
    public func columnRules(forHeader name: String) -> [Int] {
        headerIndex[FieldClassifier.normalize(name)] ?? []
    }

    /// The controller a field value names under rule `rule` (a column or register rule):
    /// the rule's `map`, then the controllers' ids, names and aliases, compared normalised
    /// (`ControllerName`: case, diacritics, whitespace and punctuation ignored). A value that
    /// matches nothing is a new `unlisted` controller (`unknown: report`) or `nil`
    /// (`unknown: ignore`); empty values and `N/A`, `null`, `none`, `-` are `nil`.
    /// A rule with a fixed `controller` (paths, register without controller column) gives it.
    public func controller(forValue value: UnsafeBufferPointer<UInt8>, rule: Int) -> ControllerMatch? {
        guard rules.indices.contains(rule) else { return nil }
        let r = rules[rule]
        if let fixed = r.controller { return .known(fixed) }
        let key = ControllerName.key(value)
        guard !key.isEmpty, !ControllerName.nullKeys.contains(key) else { return nil }
        if let i = r.map[key] ?? aliasIndex[key] { return .known(i) }
        guard r.unknown == .report else { return nil }
        return .unlisted(id: String(decoding: ControllerName.slug(value), as: UTF8.self), name: Self.trimmed(value))
    }

    /// Convenience for callers holding a `String`.
    public func controller(forValue value: String, rule: Int) -> ControllerMatch? {
        var bytes = Array(value.utf8)
        return bytes.withUnsafeMutableBufferPointer { controller(forValue: UnsafeBufferPointer($0), rule: rule) }
    }

    /// (controller, rule) for every `paths` rule whose globs match the document name
    /// (`dir/file.csv`, `outer.zip!/dir/inner.tar.gz!/file.csv`), in rule order. See `PathGlob`
    /// for the syntax.
    public func controllers(forPath path: String) -> [(controller: Int, rule: Int)] {
        var out: [(controller: Int, rule: Int)] = []
        for (i, r) in rules.enumerated() {
            guard case .paths = r.source, let c = r.controller else { continue }
            if r.globs.contains(where: { $0.matches(path) }) { out.append((c, i)) }
        }
        return out
    }

    /// True when some rule reads column values (the scanner can skip the header lookups otherwise).
    public var hasColumnRules: Bool { !headerIndex.isEmpty }

    /// The value as written, trimmed of whitespace (for an unlisted controller's name).
    static func trimmed(_ value: UnsafeBufferPointer<UInt8>) -> String {
        String(decoding: value, as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines)
    }
}
