import Foundation
import Yams

extension ControllerRules {
    /// Loads and validates a rules file. Errors (`ControllerRulesError`) name the file, the line
    /// and the rule: YAML syntax, unknown keys, unknown controller ids, duplicate ids, a rule
    /// with none or several of `columns`/`paths`/`register`, missing register files.
    public static func load(_ url: URL) throws -> ControllerRules {
        let text: String
        do {
            text = try String(contentsOf: url, encoding: .utf8)
        } catch {
            throw ControllerRulesError(file: url.path, "cannot read the rules file (missing or not UTF-8)")
        }
        return try parse(yaml: text, baseDirectory: url.deletingLastPathComponent(), file: url)
    }

    /// Parses rules from YAML text; register paths are resolved against `baseDirectory`.
    public static func parse(yaml: String, baseDirectory: URL) throws -> ControllerRules {
        try parse(yaml: yaml, baseDirectory: baseDirectory, file: nil)
    }

    static func parse(yaml: String, baseDirectory: URL, file: URL?) throws -> ControllerRules {
        var p = RulesParser(fileName: file?.path, baseDirectory: baseDirectory)
        return try p.parse(yaml, file: file)
    }
}

/// Reads the YAML node tree of a rules file (nodes, not `Decodable`, so that every error can
/// name its line).
private struct RulesParser {
    let fileName: String?
    let baseDirectory: URL
    var controllers: [Controller] = []
    var controllerLines: [Int?] = []

    init(fileName: String?, baseDirectory: URL) {
        self.fileName = fileName
        self.baseDirectory = baseDirectory
    }

    func fail(_ node: Node?, rule: String? = nil, _ message: String) -> ControllerRulesError {
        ControllerRulesError(file: fileName, line: node?.mark?.line, rule: rule, message)
    }

    mutating func parse(_ yaml: String, file: URL?) throws -> ControllerRules {
        let root: Node
        do {
            guard let r = try Yams.compose(yaml: yaml) else { throw fail(nil, "the rules file is empty") }
            root = r
        } catch let e as ControllerRulesError {
            throw e
        } catch let e as YamlError {
            throw yamlError(e)
        }
        guard let top = root.mapping else { throw fail(root, "the rules file must be a mapping (organisation, default, controllers, rules)") }
        try checkKeys(top, ["organisation", "organization", "default", "controllers", "rules"], rule: nil)

        // Controllers: the organisation first.
        var organisation: Controller?
        if let org = top["organisation"] ?? top["organization"] {
            let c = try controller(org, isOrganisation: true)
            organisation = c
            try add(c, org)
        }
        if let list = top["controllers"] {
            guard let seq = list.sequence else { throw fail(list, "'controllers' must be a list") }
            for node in seq { try add(try controller(node, isOrganisation: false), node) }
        }
        let aliasIndex = try buildAliasIndex()

        // Rules.
        var rules: [ControllerRule] = []
        var ruleIDs: Set<String> = []
        if let list = top["rules"] {
            guard let seq = list.sequence else { throw fail(list, "'rules' must be a list") }
            for node in seq {
                let r = try rule(node)
                guard ruleIDs.insert(r.id).inserted else { throw fail(node, rule: r.id, "duplicate rule id") }
                rules.append(r)
            }
        }

        // Default.
        var defaultController: Int? = organisation == nil ? nil : 0
        if let d = top["default"] {
            guard let s = scalar(d) else { throw fail(d, "'default' must be organisation, none or a controller id") }
            switch s {
            case "organisation", "organization":
                guard organisation != nil else { throw fail(d, "'default: organisation' but no 'organisation' is given") }
                defaultController = 0
            case "none", "":
                defaultController = nil
            default:
                defaultController = try controllerIndex(s, d, rule: nil)
            }
        }
        return ControllerRules(file: file, organisation: organisation, controllers: controllers, rules: rules,
                               defaultController: defaultController, aliasIndex: aliasIndex)
    }

    private func yamlError(_ e: YamlError) -> ControllerRulesError {
        switch e {
        case let .scanner(_, problem, mark, _), let .parser(_, problem, mark, _), let .composer(_, problem, mark, _):
            return ControllerRulesError(file: fileName, line: mark.line, "YAML syntax: \(problem)")
        case let .reader(problem, _, _, _):
            return ControllerRulesError(file: fileName, "YAML: \(problem)")
        default:
            return ControllerRulesError(file: fileName, "YAML: \(e)")
        }
    }

    // MARK: - Controllers

    private func controller(_ node: Node, isOrganisation: Bool) throws -> Controller {
        let what = isOrganisation ? "'organisation'" : "a controller"
        if let name = scalar(node), isOrganisation {
            // `organisation: WestLog Logistics`
            let id = ControllerName.slug(name)
            guard !id.isEmpty else { throw fail(node, "\(what) needs a name") }
            return Controller(id: id, name: name)
        }
        guard let m = node.mapping else { throw fail(node, "\(what) must be a mapping with id, name and aliases") }
        try checkKeys(m, ["id", "name", "aliases"], rule: nil)
        guard let idNode = m["id"], let id = scalar(idNode), !id.isEmpty else { throw fail(node, "\(what) needs an 'id'") }
        let name = try m["name"].map { n -> String in
            guard let s = scalar(n) else { throw fail(n, "controller '\(id)': 'name' must be text") }
            return s
        } ?? id
        let aliases = try m["aliases"].map { try strings($0, "aliases", rule: nil) } ?? []
        return Controller(id: id, name: name, aliases: aliases)
    }

    private mutating func add(_ c: Controller, _ node: Node) throws {
        if let i = controllers.firstIndex(where: { $0.id == c.id }) {
            let other = controllerLines[i].map { " (first at line \($0))" } ?? ""
            throw fail(node, "duplicate controller id '\(c.id)'\(other)")
        }
        controllers.append(c)
        controllerLines.append(node.mark?.line)
    }

    /// Every controller's id, name and aliases, normalised; two controllers claiming one name is an error.
    private func buildAliasIndex() throws -> [[UInt8]: Int] {
        var index: [[UInt8]: Int] = [:]
        for (i, c) in controllers.enumerated() {
            for alias in [c.id, c.name] + c.aliases {
                let key = ControllerName.key(alias)
                guard !key.isEmpty else { continue }
                if let j = index[key], j != i {
                    throw ControllerRulesError(file: fileName, line: controllerLines[i],
                                               "alias '\(alias)' of controller '\(c.id)' also names controller '\(controllers[j].id)'")
                }
                index[key] = i
            }
        }
        return index
    }

    private func controllerIndex(_ id: String, _ node: Node, rule: String?) throws -> Int {
        guard let i = controllers.firstIndex(where: { $0.id == id }) else {
            throw fail(node, rule: rule, "unknown controller '\(id)'")
        }
        return i
    }

    // MARK: - Rules

    private func rule(_ node: Node) throws -> ControllerRule {
        guard let m = node.mapping else { throw fail(node, "a rule must be a mapping") }
        guard let idNode = m["id"], let id = scalar(idNode), !id.isEmpty else { throw fail(node, "a rule needs an 'id'") }
        try checkKeys(m, ["id", "columns", "paths", "register", "controller", "map", "unknown",
                          "key", "key_column", "controller_column"], rule: id)
        let sources = ["columns", "paths", "register"].filter { m[$0] != nil }
        guard sources.count == 1 else {
            throw fail(node, rule: id, sources.isEmpty ? "needs one of 'columns', 'paths' or 'register'"
                                                       : "has several of 'columns', 'paths', 'register' (\(sources.joined(separator: ", "))); write one rule each")
        }
        let kind = sources[0]
        let allowed: Set<String> = switch kind {
        case "columns": ["id", "columns", "map", "unknown"]
        case "paths": ["id", "paths", "controller"]
        default: ["id", "register", "key", "key_column", "controller_column", "controller", "map", "unknown"]
        }
        for (k, _) in m {
            if let s = scalar(k), !allowed.contains(s) { throw fail(k, rule: id, "'\(s)' does not apply to a '\(kind)' rule") }
        }

        var fixed: Int?
        if let c = m["controller"] {
            guard let s = scalar(c) else { throw fail(c, rule: id, "'controller' must be a controller id") }
            fixed = try controllerIndex(s, c, rule: id)
        }
        var unknown = ControllerRule.Unknown.report
        if let u = m["unknown"] {
            guard let s = scalar(u), let v = ControllerRule.Unknown(rawValue: s) else {
                throw fail(u, rule: id, "'unknown' must be report or ignore")
            }
            unknown = v
        }
        var map: [[UInt8]: Int] = [:]
        if let mapNode = m["map"] {
            guard let pairs = mapNode.mapping else { throw fail(mapNode, rule: id, "'map' must be a mapping of value: controller id") }
            for (k, v) in pairs {
                guard let value = scalar(k), let target = scalar(v) else { throw fail(k, rule: id, "'map' entries must be value: controller id") }
                let i = try controllerIndex(target, v, rule: id)
                let key = ControllerName.key(value)
                guard !key.isEmpty else { throw fail(k, rule: id, "'map' value '\(value)' is empty after normalisation") }
                if let j = map[key], j != i { throw fail(k, rule: id, "'map' value '\(value)' maps to two controllers") }
                map[key] = i
            }
        }

        var r: ControllerRule
        switch kind {
        case "columns":
            let cols = try strings(m["columns"]!, "columns", rule: id)
            guard !cols.isEmpty else { throw fail(m["columns"], rule: id, "'columns' is empty") }
            r = ControllerRule(id: id, source: .columns(cols), controller: nil, unknown: unknown, line: node.mark?.line)
        case "paths":
            let globs = try strings(m["paths"]!, "paths", rule: id)
            guard !globs.isEmpty else { throw fail(m["paths"], rule: id, "'paths' is empty") }
            guard fixed != nil else { throw fail(node, rule: id, "a 'paths' rule needs a 'controller'") }
            r = ControllerRule(id: id, source: .paths(globs), controller: fixed, unknown: unknown, line: node.mark?.line)
            r.globs = globs.map(PathGlob.init)
        default:
            r = ControllerRule(id: id, source: .register(try register(m, id: id, fixed: fixed)), controller: fixed,
                               unknown: unknown, line: node.mark?.line)
        }
        r.map = map
        return r
    }

    private func register(_ m: Node.Mapping, id: String, fixed: Int?) throws -> ControllerRule.Register {
        let fileNode = m["register"]!
        guard let path = scalar(fileNode), !path.isEmpty else { throw fail(fileNode, rule: id, "'register' must be a file path") }
        let url = path.hasPrefix("/") ? URL(fileURLWithPath: path) : baseDirectory.appendingPathComponent(path)
        var isDir: ObjCBool = false
        guard FileManager.default.fileExists(atPath: url.path, isDirectory: &isDir), !isDir.boolValue else {
            throw fail(fileNode, rule: id, "register file '\(path)' not found (\(url.path))")
        }
        guard let keyNode = m["key"], let keyText = scalar(keyNode) else {
            throw fail(fileNode, rule: id, "a register needs 'key' (national_id, email, phone or link:<namespace>)")
        }
        let key = try registerKey(keyText, keyNode, rule: id)
        guard let kc = m["key_column"], let keyColumn = scalar(kc), !keyColumn.isEmpty else {
            throw fail(fileNode, rule: id, "a register needs 'key_column'")
        }
        var controllerColumn: String?
        if let cc = m["controller_column"] {
            guard let s = scalar(cc), !s.isEmpty else { throw fail(cc, rule: id, "'controller_column' must be a column name") }
            controllerColumn = s
        }
        if controllerColumn == nil && fixed == nil {
            throw fail(fileNode, rule: id, "a register needs 'controller_column' or 'controller'")
        }
        if controllerColumn != nil && fixed != nil {
            throw fail(fileNode, rule: id, "a register takes 'controller_column' or 'controller', not both")
        }
        return ControllerRule.Register(file: url, key: key, keyColumn: keyColumn, controllerColumn: controllerColumn)
    }

    private func registerKey(_ text: String, _ node: Node, rule: String) throws -> ControllerRule.RegisterKey {
        let t = text.trimmingCharacters(in: .whitespaces)
        switch t.lowercased() {
        case "national_id": return .nationalID(nil)
        case "email", "e-mail": return .email
        case "phone": return .phone
        default: break
        }
        if t.lowercased().hasPrefix("national_id:") {
            let scheme = String(t.dropFirst("national_id:".count))
            guard let type = IdentifierType(rawValue: scheme), type.isNational else {
                let known = IdentifierType.allCases.filter(\.isNational).map(\.rawValue).joined(separator: ", ")
                throw fail(node, rule: rule, "unknown national ID scheme '\(scheme)' (one of \(known))")
            }
            return .nationalID(type)
        }
        if t.lowercased().hasPrefix("link:") {
            let ns = String(t.dropFirst("link:".count))
            guard !ns.isEmpty, ns.utf8.allSatisfy({ ASCII.isAlnum($0) || $0 == UInt8(ascii: "_") }) else {
                throw fail(node, rule: rule, "'link:' needs a namespace of letters, digits and _ (customer, sample, card)")
            }
            return .link(namespace: ns)
        }
        throw fail(node, rule: rule, "unknown key '\(text)' (national_id, national_id:<scheme>, email, phone or link:<namespace>)")
    }

    // MARK: - Helpers

    private func scalar(_ node: Node) -> String? { node.scalar?.string }

    private func strings(_ node: Node, _ key: String, rule: String?) throws -> [String] {
        if let s = scalar(node) { return [s] }
        guard let seq = node.sequence else { throw fail(node, rule: rule, "'\(key)' must be a list") }
        return try seq.map { n in
            guard let s = scalar(n) else { throw fail(n, rule: rule, "'\(key)' entries must be text") }
            return s
        }
    }

    private func checkKeys(_ m: Node.Mapping, _ allowed: Set<String>, rule: String?) throws {
        for (k, _) in m {
            guard let s = scalar(k), allowed.contains(s) else {
                throw fail(k, rule: rule, "unknown key '\(scalar(k) ?? "?")' (expected \(allowed.sorted().joined(separator: ", ")))")
            }
        }
    }
}
