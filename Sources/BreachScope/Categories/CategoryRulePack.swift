import Foundation
import Yams

/// A named set of category rules, read from a YAML file (format in `docs/rules.md`). Packs are
/// shipped in `Rules/categories/` and users add their own from a directory.
public struct CategoryRulePack: Sendable, Equatable {
    /// Unique pack id (`genetics`).
    public var id: String
    public var description: String
    public var rules: [CategoryRule]
    /// Where the pack was read from, for error messages (`categories/genetics.yaml`).
    public var source: String

    public init(id: String, description: String = "", rules: [CategoryRule], source: String = "<memory>") {
        self.id = id
        self.description = description
        self.rules = rules
        self.source = source
    }

    struct File: Decodable {
        var pack: String?
        var description: String?
        var rules: [Rule]?
    }

    struct Rule: Decodable {
        var id: String?
        var category: String?
        var implies: [String]?
        var match: String?
        var terms: [String]?
        var symbols: [String]?
        var context: [String]?
        var columns: [String]?
        var near_number: Int?
        var with: [String]?
        var explain: String?
    }

    /// Reads and validates one pack file.
    public static func load(_ url: URL) throws -> CategoryRulePack {
        let name = url.deletingLastPathComponent().lastPathComponent + "/" + url.lastPathComponent
        let text: String
        do { text = try String(contentsOf: url, encoding: .utf8) } catch {
            throw CategoryRuleError(file: name, "cannot read: \(error.localizedDescription)")
        }
        return try parse(text, source: name)
    }

    /// Reads every `*.yaml`/`*.yml` file of a directory, in name order.
    public static func loadDirectory(_ url: URL) throws -> [CategoryRulePack] {
        let items: [URL]
        do {
            items = try FileManager.default.contentsOfDirectory(at: url, includingPropertiesForKeys: nil)
        } catch {
            throw CategoryRuleError(file: url.lastPathComponent, "cannot list rule directory: \(error.localizedDescription)")
        }
        return try items.filter { ["yaml", "yml"].contains($0.pathExtension.lowercased()) }
            .sorted { $0.lastPathComponent < $1.lastPathComponent }
            .map(load)
    }

    /// Parses pack YAML; `source` names the file in errors.
    public static func parse(_ yaml: String, source: String) throws -> CategoryRulePack {
        let file: File
        do { file = try YAMLDecoder().decode(File.self, from: yaml) } catch {
            throw CategoryRuleError(file: source, "invalid YAML: \(describe(error))")
        }
        guard let id = file.pack, !id.isEmpty else { throw CategoryRuleError(file: source, "missing 'pack' id") }
        guard let raw = file.rules, !raw.isEmpty else { throw CategoryRuleError(file: source, "no rules") }
        var rules: [CategoryRule] = []
        var seen = Set<String>()
        for (k, r) in raw.enumerated() {
            guard let rid = r.id, !rid.isEmpty else { throw CategoryRuleError(file: source, "rule #\(k + 1) has no 'id'") }
            func fail(_ reason: String) -> CategoryRuleError { CategoryRuleError(file: source, ruleID: rid, reason) }
            guard seen.insert(rid).inserted else { throw fail("duplicate rule id") }
            func category(_ s: String) throws -> ElementType {
                guard let c = ElementType(rawValue: s), CategoryRule.categories.contains(c) else {
                    throw fail("unknown category '\(s)' (one of: \(CategoryRule.categories.map(\.rawValue).joined(separator: ", ")))")
                }
                return c
            }
            guard let cs = r.category else { throw fail("missing 'category'") }
            let cat = try category(cs)
            let implies = try (r.implies ?? []).map(category)
            let with = try (r.with ?? []).map(category)
            let kinds = [r.match != nil, r.terms != nil, r.symbols != nil].filter { $0 }.count
            guard kinds == 1 else { throw fail("needs exactly one of 'match', 'terms', 'symbols'") }
            let pattern: CategoryRule.Pattern
            if let m = r.match {
                guard let c = CategoryCodeMatcher(rawValue: m) else {
                    throw fail("unknown matcher '\(m)' (one of: \(CategoryCodeMatcher.allCases.map(\.rawValue).joined(separator: ", ")))")
                }
                pattern = .code(c)
            } else if let t = r.terms {
                try checkWords(t, what: "term", fail)
                pattern = .terms(t)
            } else {
                try checkWords(r.symbols!, what: "symbol", fail)
                pattern = .symbols(r.symbols!)
            }
            if let c = r.context { try checkWords(c, what: "context word", fail) }
            if let nn = r.near_number, nn < 1 || nn > 64 { throw fail("'near_number' must be 1…64") }
            guard let explain = r.explain, !explain.isEmpty else { throw fail("missing 'explain'") }
            rules.append(CategoryRule(id: rid, category: cat, implies: implies, pattern: pattern,
                                      context: r.context ?? [], columns: (r.columns ?? []).map { $0.lowercased() },
                                      nearNumber: r.near_number, with: with, explain: explain))
        }
        return CategoryRulePack(id: id, description: file.description ?? "", rules: rules, source: source)
    }

    /// Words must start with a letter or digit and be at least two bytes long.
    static func checkWords(_ words: [String], what: String, _ fail: (String) -> CategoryRuleError) throws {
        guard !words.isEmpty else { throw fail("empty \(what) list") }
        for w in words {
            var b = Array(w.utf8)
            if b.last == UInt8(ascii: "*") { b.removeLast() }
            guard b.count >= 2, UTF8Fold.isWord(b[0]) else {
                throw fail("\(what) '\(w)' must be at least two bytes and start with a letter or digit")
            }
        }
    }

    static func describe(_ error: Error) -> String {
        if case DecodingError.typeMismatch(_, let c) = error { return "\(path(c)): \(c.debugDescription)" }
        if case DecodingError.valueNotFound(_, let c) = error { return "\(path(c)): \(c.debugDescription)" }
        if case DecodingError.dataCorrupted(let c) = error { return "\(path(c)): \(c.debugDescription)" }
        return "\(error)"
    }

    static func path(_ c: DecodingError.Context) -> String {
        c.codingPath.map { $0.intValue.map { "#\($0 + 1)" } ?? $0.stringValue }.joined(separator: ".")
    }
}
