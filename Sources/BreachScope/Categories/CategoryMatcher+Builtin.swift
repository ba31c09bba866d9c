import Foundation

extension CategoryMatcher {
    /// The packs shipped with BreachScope (`Rules/categories/*.yaml`).
    public static func builtinPacks() throws -> [CategoryRulePack] {
        guard let rules = Bundle.module.url(forResource: "Rules", withExtension: nil) else {
            throw CategoryRuleError(file: "Rules/categories", "shipped rule packs not found in the bundle")
        }
        return try CategoryRulePack.loadDirectory(rules.appendingPathComponent("categories"))
    }

    /// A matcher over the shipped packs.
    public static func builtin() throws -> CategoryMatcher {
        try CategoryMatcher(packs: builtinPacks())
    }

    /// A matcher over the shipped packs plus the user's packs in `directory` (user rule ids must
    /// not repeat shipped ones).
    public static func builtin(adding directory: URL?) throws -> CategoryMatcher {
        var packs = try builtinPacks()
        if let d = directory { packs += try CategoryRulePack.loadDirectory(d) }
        return try CategoryMatcher(packs: packs)
    }
}
