import Foundation
import GRDB

/// What the resolver needs besides the records to scope persons (issue #4): controller
/// attributions that do not come from a record's own fields (document paths, an external
/// register, the default controller) and the reviewer's decisions on weak-identity candidates.
struct ScopeInputs {
    /// A controller given by a rule (row ids of `controller` and `rule`).
    struct Attribution: Hashable, Comparable {
        var controller: Int64
        var rule: Int64
        static func < (a: Attribution, b: Attribution) -> Bool { (a.controller, a.rule) < (b.controller, b.rule) }
    }

    /// Document id → controllers from path rules.
    var documentAttributions: [Int64: [Attribution]] = [:]
    /// Identifier hash → controllers from register rules.
    var register: [ValueHash: [Attribution]] = [:]
    /// For persons no rule attributes.
    var defaultAttribution: Attribution?
    /// Candidate key → accepted (true) or rejected (false).
    var decisions: [String: Bool] = [:]

    static func load(_ db: Database, vault: Vault) throws -> ScopeInputs {
        var s = ScopeInputs()
        for row in try Row.fetchAll(db, sql: "SELECT key, decision FROM decision") {
            s.decisions[row["key"]] = (row["decision"] as String) == "accept"
        }
        let entries = try RawRows(db, "SELECT hash, controller_id, rule_id FROM register_entry")
        try entries.forEach { r in
            let h = r.blob(0) { b -> ValueHash? in b.count == 16 ? ValueHash(bytes: Array(b)) : nil }
            if let h { s.register[h, default: []].append(Attribution(controller: r.int64(1), rule: r.int64(2))) }
        }
        if let yaml = try String.fetchOne(db, sql: "SELECT value FROM meta WHERE key = 'controllers_yaml'") {
            let base = try String.fetchOne(db, sql: "SELECT value FROM meta WHERE key = 'controllers_base'")
            try ControllerScope.apply(ControllerScope.parse(yaml: yaml, base: base), db, vault: vault, to: &s)
        } else {
            // No rules: a controller organisation is the controller of everyone in its data; a
            // processor's persons stay unattributed until rules say whose they are.
            let role = try String.fetchOne(db, sql: "SELECT value FROM meta WHERE key = 'role'")
            if role != "processor", let org = try String.fetchOne(db, sql: "SELECT value FROM meta WHERE key = 'organisation'") {
                let c = try ScopeIDs.controller(db, key: "organisation", name: org, listed: true, vault: vault)
                let r = try ScopeIDs.rule(db, name: "default", kind: "controller", explain: "The incident's organisation is the controller of persons no other rule attributes.")
                s.defaultAttribution = Attribution(controller: c, rule: r)
            }
        }
        return s
    }
}

/// Get-or-create of the small id tables of issue #4 (`controller`, `rule`).
enum ScopeIDs {
    static func controller(_ db: Database, key: String, name: String, listed: Bool, vault: Vault) throws -> Int64 {
        if let id = try Int64.fetchOne(db, sql: "SELECT id FROM controller WHERE key = ?", arguments: [key]) { return id }
        try db.execute(sql: "INSERT INTO controller(key, name_sealed, listed) VALUES(?, ?, ?)",
                       arguments: [key, Data(vault.sealString(name)), listed])
        return db.lastInsertedRowID
    }

    static func rule(_ db: Database, name: String, kind: String, explain: String?) throws -> Int64 {
        if let id = try Int64.fetchOne(db, sql: "SELECT id FROM rule WHERE name = ?", arguments: [name]) {
            if let explain { try db.execute(sql: "UPDATE rule SET explain = ? WHERE id = ?", arguments: [explain, id]) }
            return id
        }
        try db.execute(sql: "INSERT INTO rule(name, kind, explain) VALUES(?, ?, ?)", arguments: [name, kind, explain])
        return db.lastInsertedRowID
    }
}

/// Controller rules stored in the workspace, applied at resolve time (path and default rules;
/// column rules act while scanning, register rules when the register is loaded).
enum ControllerScope {
    static func parse(yaml: String, base: String?) throws -> ControllerRules {
        do {
            return try ControllerRules.parse(yaml: yaml, baseDirectory: URL(fileURLWithPath: base ?? FileManager.default.currentDirectoryPath))
        } catch {
            throw ScopeError.badFile("stored controller rules", "\(error); give the rules again with `scan --controllers FILE`")
        }
    }

    static func apply(_ rules: ControllerRules, _ db: Database, vault: Vault, to s: inout ScopeInputs) throws {
        var controllerRows: [Int64] = []
        for c in rules.controllers { controllerRows.append(try ScopeIDs.controller(db, key: c.id, name: c.name, listed: true, vault: vault)) }
        var ruleRows: [Int64] = []
        for r in rules.rules { ruleRows.append(try ScopeIDs.rule(db, name: r.id, kind: "controller", explain: ScanScope.explain(r, rules))) }
        let hasPathRules = rules.rules.contains { if case .paths = $0.source { return true } else { return false } }
        if hasPathRules {
            for row in try Row.fetchAll(db, sql: "SELECT id, path_sealed FROM document") {
                let sealed: Data = row["path_sealed"]
                guard let name = try? vault.openString(Array(sealed)) else { continue }
                let found = rules.controllers(forPath: name)
                if !found.isEmpty {
                    s.documentAttributions[row["id"]] = found.map { .init(controller: controllerRows[$0.controller], rule: ruleRows[$0.rule]) }
                }
            }
        }
        if let d = rules.defaultController {
            let rule = try ScopeIDs.rule(db, name: "default", kind: "controller",
                                         explain: "Persons no other rule attributes belong to \(rules.controllers[d].name).")
            s.defaultAttribution = .init(controller: controllerRows[d], rule: rule)
        }
    }
}
