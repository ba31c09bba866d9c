import Foundation
import GRDB

/// Builds the issue #4 sections of the report (controllers, overlaps, special categories, batch
/// timeline, held-but-not-exposed, weak evidence) in the report's single pass over persons.
struct ScopeAccumulator {
    let tables: ScopeTables
    let held: [String]

    struct PerController {
        var persons = 0
        var exclusive = 0
        var elements = [Int](repeating: 0, count: 32)
        var categories: [UInt8: Int] = [:]
        var categoryRules: [UInt8: [Int64: Int]] = [:]
        var rules: [Int64: Int] = [:]
    }
    var perController: [Int64: PerController] = [:]
    var overlaps: [Pair: Int] = [:]
    var unattributed = 0
    var sharedPersons = 0
    var categoryPersons: [UInt8: Int] = [:]
    var categoryRules: [UInt8: [Int64: Int]] = [:]
    var batchNew: [Int], batchNewData: [Int], batchUnchanged: [Int]
    var weakPersons = 0

    struct Pair: Hashable { var a: Int64; var b: Int64 }

    static let categoryCodes: Set<UInt8> = Set([ElementType.healthData, .geneticData, .labResult, .prescription,
                                                .purchaseHistory, .deliveryInfo].map(\.code))

    /// When set, only these controllers are reported (a controller's own section); overlaps
    /// keep only pairs involving them.
    let only: Set<Int64>?

    init(tables: ScopeTables, held: [String], only: Set<Int64>? = nil) {
        self.tables = tables
        self.held = held
        self.only = only
        batchNew = Array(repeating: 0, count: tables.batches.count)
        batchNewData = batchNew
        batchUnchanged = batchNew
    }

    mutating func add(_ p: StoredPerson) {
        if p.flags & StoredPerson.weakMerge != 0 { weakPersons += 1 }
        var elements: UInt32 = 0
        for e in p.exposures where e.element < 32 { elements |= 1 << UInt32(e.element) }
        // Categories with their rules (reasons carry the category element code).
        var rulesByCategory: [UInt8: Set<Int64>] = [:]
        for r in p.reasons { rulesByCategory[UInt8(truncatingIfNeeded: r.what), default: []].insert(r.rule) }
        for (c, rules) in rulesByCategory {
            categoryPersons[c, default: 0] += 1
            for rule in rules { categoryRules[c, default: [:]][rule, default: 0] += 1 }
        }
        let controllers = tables.controllerIDs(p)
        if controllers.isEmpty { unattributed += 1 }
        for c in controllers where only == nil || only!.contains(c) {
            var pc = perController[c] ?? PerController()
            pc.persons += 1
            if controllers.count == 1 { pc.exclusive += 1 }
            var m = elements
            while m != 0 { pc.elements[m.trailingZeroBitCount] += 1; m &= m - 1 }
            for (cat, rules) in rulesByCategory {
                pc.categories[cat, default: 0] += 1
                for rule in rules { pc.categoryRules[cat, default: [:]][rule, default: 0] += 1 }
            }
            var rules = Set<Int64>()
            for a in p.attributions where a.what == c { rules.insert(a.rule) }
            for r in rules { pc.rules[r, default: 0] += 1 }
            perController[c] = pc
        }
        if controllers.count > 1 {
            sharedPersons += 1
            for i in 0..<controllers.count { for j in (i + 1)..<controllers.count
            where only == nil || only!.contains(controllers[i]) || only!.contains(controllers[j]) {
                overlaps[Pair(a: controllers[i], b: controllers[j]), default: 0] += 1
            } }
        }
        if !tables.batches.isEmpty {
            let per = tables.perBatch(p)
            for b in per.keys {
                switch tables.change(per, batch: b) {
                case .new: batchNew[b] += 1
                case .newData: batchNewData[b] += 1
                case .unchanged: batchUnchanged[b] += 1
                case .absent: break
                }
            }
        }
    }

    func finish(into r: inout Report, personsPerElement: [Int], _ db: Database, vault: Vault) throws {
        // One masked example per category rule.
        var examples: [Int64: String] = [:]
        for row in try Row.fetchAll(db, sql: "SELECT rule_id, masked_sealed FROM evidence ORDER BY document_id, rule_id") {
            let rule: Int64 = row["rule_id"]
            if examples[rule] != nil { continue }
            let sealed: Data = row["masked_sealed"]
            examples[rule] = try? vault.openString(Array(sealed))
        }
        func ruleCounts(_ m: [Int64: Int]) -> [Report.RuleCount] {
            m.map { Report.RuleCount(rule: tables.rules[$0.key]?.name ?? "rule \($0.key)", persons: $0.value, example: examples[$0.key]) }
                .sorted { $0.persons != $1.persons ? $0.persons > $1.persons : $0.rule < $1.rule }
        }
        func categoryCounts(_ persons: [UInt8: Int], _ rules: [UInt8: [Int64: Int]]) -> [Report.CategoryCount] {
            persons.compactMap { c, n in
                ElementType(code: c).map { Report.CategoryCount(category: $0.rawValue, persons: n, rules: ruleCounts(rules[c] ?? [:])) }
            }.sorted { $0.persons != $1.persons ? $0.persons > $1.persons : $0.category < $1.category }
        }
        func name(_ id: Int64) -> String { tables.controllers[id]?.name ?? "controller \(id)" }
        for (id, pc) in perController {
            var elements: [Report.ElementCount] = []
            var found = Set<String>()
            for e in ElementType.allCases where pc.elements[Int(e.code)] > 0 {
                elements.append(Report.ElementCount(element: e.rawValue, persons: pc.elements[Int(e.code)], values: nil))
                found.insert(e.rawValue)
            }
            elements.sort { $0.persons != $1.persons ? $0.persons > $1.persons : $0.element < $1.element }
            r.controllers.append(Report.ControllerCount(
                id: tables.controllers[id]?.key ?? "\(id)", name: name(id), persons: pc.persons, exclusive: pc.exclusive,
                elements: elements, categories: categoryCounts(pc.categories, pc.categoryRules),
                notExposed: held.filter { !found.contains($0) }, rules: ruleCounts(pc.rules),
                listed: tables.controllers[id]?.listed ?? true))
        }
        r.controllers.sort { $0.persons != $1.persons ? $0.persons > $1.persons : $0.name < $1.name }
        r.overlaps = overlaps.map { Report.Overlap(a: name($0.key.a), b: name($0.key.b), persons: $0.value) }
            .map { $0.a <= $0.b ? $0 : Report.Overlap(a: $0.b, b: $0.a, persons: $0.persons) }
            .sorted { $0.persons != $1.persons ? $0.persons > $1.persons : ($0.a, $0.b) < ($1.a, $1.b) }
        r.unattributed = unattributed
        r.sharedPersons = sharedPersons
        r.categories = categoryCounts(categoryPersons, categoryRules)
        var documents = [Int](repeating: 0, count: tables.batches.count)
        for (_, b) in tables.documentBatch { documents[b] += 1 }
        var cumulative = 0
        for (i, b) in tables.batches.enumerated() where documents[i] > 0 {
            cumulative += batchNew[i]
            r.batches.append(Report.BatchLine(batch: b.name, publishedAt: b.publishedAt, documents: documents[i], newPersons: batchNew[i],
                                              knownWithNewData: batchNewData[i], unchanged: batchUnchanged[i], cumulativePersons: cumulative))
        }
        r.held = held
        r.notExposed = held.filter { h in
            guard let e = ElementType(rawValue: h) else { return true }
            return personsPerElement[Int(e.code)] == 0
        }
        var weak = Report.WeakEvidence()
        for row in try Row.fetchAll(db, sql: "SELECT status, COUNT(*) AS n FROM candidate GROUP BY status") {
            let n: Int = row["n"]
            weak.candidates += n
            switch row["status"] as String {
            case "accepted": weak.accepted = n
            case "rejected": weak.rejected = n
            default: weak.pending = n
            }
        }
        weak.personsOnWeakEvidence = weakPersons
        if only == nil {
            // Persons the pending candidates would join: a union per pair that joins two groups.
            // Candidates name the persons as found before accepted merges (a merged person keeps
            // one of its parts' ids), so the accepted pairs are joined first, uncounted.
            var index: [String: Int32] = [:]
            var pairs: [(Int32, Int32, pending: Bool)] = []
            for row in try Row.fetchAll(db, sql: "SELECT a, b, status FROM candidate WHERE status IN ('pending', 'accepted')") {
                let a: String = row["a"], b: String = row["b"]
                let ia = index[a] ?? { let n = Int32(index.count); index[a] = n; return n }()
                let ib = index[b] ?? { let n = Int32(index.count); index[b] = n; return n }()
                pairs.append((ia, ib, (row["status"] as String) == "pending"))
            }
            var uf = UnionFind(count: index.count)
            for (a, b, pending) in pairs where !pending { _ = uf.union(a, b) }
            var joins = 0
            for (a, b, pending) in pairs where pending && uf.find(a) != uf.find(b) { _ = uf.union(a, b); joins += 1 }
            weak.personsIfPendingAccepted = r.persons - joins
        }
        r.weak = weak
    }
}
