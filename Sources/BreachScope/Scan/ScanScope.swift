import Foundation
import GRDB
import Synchronization

/// What the scan needs to record scope while reading (issue #4): controller rules acting on
/// column values, with the store ids of their controllers and rules. Shared read-only by the
/// workers, except the registry of unlisted controllers (named by a field value), which hands
/// out store ids under a lock; the writer inserts the new rows with the records that use them.
public final class ScanScope: Sendable {
    public let controllers: ControllerRules?
    /// Special-category rule packs (shipped + user), and each rule's `rule` row id by its index in
    /// `categories.rules` (nil: the rule has no row).
    public let categories: CategoryMatcher?
    let categoryRuleRowsByIndex: [Int64?]
    /// Controller rule index → `rule` row id.
    let controllerRuleRows: [Int64]
    /// `controllers.controllers` index → `controller` row id.
    let listedRows: [Int64]
    private let vault: Vault
    private let unlisted: Mutex<(rows: [String: Int64], next: Int64)>

    /// The largest controller or rule row id an attribution item can carry (`value` packs
    /// controller << 16 | rule into 62 bits; stored records keep this packing). A column of
    /// doctors' names can name hundreds of thousands of controllers; rules are named in a file.
    static let maxController: Int64 = (1 << 46) - 1
    static let maxRule: Int64 = (1 << 16) - 1

    init(controllers: ControllerRules?, controllerRuleRows: [Int64], listedRows: [Int64], unlisted: [String: Int64], nextID: Int64, vault: Vault,
         categories: CategoryMatcher? = nil, categoryRuleRows: [String: Int64] = [:]) {
        self.controllers = controllers
        self.categories = categories
        categoryRuleRowsByIndex = categories?.rules.map { categoryRuleRows[$0.id] } ?? []
        self.controllerRuleRows = controllerRuleRows
        self.listedRows = listedRows
        self.vault = vault
        self.unlisted = Mutex((unlisted, nextID))
    }


    /// A controller to insert with the batch that first uses it.
    public struct NewController: Sendable {
        var id: Int64
        var key: String
        var nameSealed: [UInt8]
    }

    /// The attribution item value for a match under a column rule, and the controller row to
    /// insert when the match is a controller never seen before. Nil when ids overflow the packing.
    func attribution(_ match: ControllerMatch, rule: Int) -> (value: Int64, new: NewController?)? {
        let ruleRow = controllerRuleRows[rule]
        var controller: Int64
        var new: NewController?
        switch match {
        case .known(let i):
            controller = listedRows[i]
        case .unlisted(let id, let name):
            // The key is a keyed hash: a value-derived id could itself be a name.
            let key = Self.unlistedKey(id, vault: vault)
            (controller, new) = unlisted.withLock { state in
                if let row = state.rows[key] { return (row, nil) }
                let row = state.next
                state.next += 1
                state.rows[key] = row
                return (row, NewController(id: row, key: key, nameSealed: vault.sealString(name)))
            }
        }
        guard controller <= Self.maxController, ruleRow <= Self.maxRule else { return nil }
        return (controller << 16 | ruleRow, new)
    }

    static func unlistedKey(_ id: String, vault: Vault) -> String {
        "u" + String(Hex.encode(vault.hash(label: "controller", id).bytes).prefix(16))
    }

    /// Records the rules' controllers and rules in the store, loads the registers (replacing the
    /// previous ones) and returns the scan's scope with the register rows it could not use.
    public static func prepare(store: Store, vault: Vault, rules: ControllerRules?, categories: CategoryMatcher?, phoneCountries: [String]) throws
        -> (scope: ScanScope, rejected: [RegisterRejection]) {
        var categoryRows: [String: Int64] = [:]
        if let categories {
            try store.pool.write { db in
                for r in categories.rules {
                    categoryRows[r.id] = try ScopeIDs.rule(db, name: r.id, kind: "category", explain: r.explain)
                }
            }
        }
        guard let rules else {
            return (ScanScope(controllers: nil, controllerRuleRows: [], listedRows: [], unlisted: [:], nextID: 1, vault: vault,
                              categories: categories, categoryRuleRows: categoryRows), [])
        }
        let load = try rules.loadRegisters(phoneCountries: phoneCountries)
        return try store.pool.write { db in
            var listed: [Int64] = []
            for c in rules.controllers {
                listed.append(try ScopeIDs.controller(db, key: c.id, name: c.name, listed: true, vault: vault))
                try db.execute(sql: "UPDATE controller SET name_sealed = ? WHERE key = ?", arguments: [Data(vault.sealString(c.name)), c.id])
            }
            var ruleRows: [Int64] = []
            for r in rules.rules { ruleRows.append(try ScopeIDs.rule(db, name: r.id, kind: "controller", explain: Self.explain(r, rules))) }
            if let worst = ruleRows.max(), worst > maxRule {
                throw ControllerRulesError("the workspace has more than \(maxRule) named rules; start a new workspace")
            }
            // Register controllers: the listed ones, then unlisted ones the registers named.
            var registerRows = listed
            for c in load.controllers.dropFirst(rules.controllers.count) {
                registerRows.append(try ScopeIDs.controller(db, key: unlistedKey(c.id, vault: vault), name: c.name, listed: false, vault: vault))
            }
            try db.execute(sql: "DELETE FROM register_entry")
            let ins = try db.cachedStatement(sql: "INSERT OR IGNORE INTO register_entry(hash, controller_id, rule_id) VALUES(?, ?, ?)")
            for e in load.entries {
                try ins.execute(arguments: [Data(vault.hash(kind: e.kind, e.value).bytes), registerRows[e.controller], ruleRows[e.rule]])
            }
            var unlisted: [String: Int64] = [:]
            for row in try Row.fetchAll(db, sql: "SELECT id, key FROM controller WHERE listed = 0") { unlisted[row["key"]] = row["id"] }
            let next = (try Int64.fetchOne(db, sql: "SELECT MAX(id) FROM controller") ?? 0) + 1
            return (ScanScope(controllers: rules, controllerRuleRows: ruleRows, listedRows: listed, unlisted: unlisted, nextID: next, vault: vault,
                              categories: categories, categoryRuleRows: categoryRows),
                    load.rejected)
        }
    }

    /// One sentence saying what a rule does, for reports.
    static func explain(_ r: ControllerRule, _ rules: ControllerRules) -> String {
        let target = r.controller.map { rules.controllers[$0].name }
        switch r.source {
        case .columns(let names):
            return "Controller named by the value of column " + names.joined(separator: " / ") + "."
        case .paths(let globs):
            return "Documents matching " + globs.joined(separator: ", ") + " belong to " + (target ?? "?") + "."
        case .register(let reg):
            return "External register \(reg.file.lastPathComponent) maps \(reg.keyColumn) to " + (target ?? "the controller in \(reg.controllerColumn ?? "?")") + "."
        }
    }
}
