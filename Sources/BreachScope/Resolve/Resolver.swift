import Foundation
import GRDB

/// Resolves records into persons and rebuilds `person` (see `StoredPerson`) and `conflict`
/// from the stored records. Deterministic: the same records give the same persons
/// and the same person ids, whatever order they were written in.
///
/// Rules (issue #2):
/// - The identifiers of one record belong to one person.
/// - Records sharing a strong identifier (national ID, e-mail, phone) or a link key are the same
///   person (union-find over values).
/// - Two different national IDs of one scheme never merge: such a component is split, one person
///   per national ID; records without a national ID join the person(s) whose records share an
///   identifier with them (a family's shared inbox is listed under each member) and the shared
///   value is recorded in `conflict`.
/// - A record with personal elements but no identifier or link key is a person of its own.
/// - A component without an identifying element (national ID, name, e-mail, phone, address,
///   IBAN, payment card) is no person: purchase rows whose card number links to nobody.
public struct Resolver {
    let store: Store
    let vault: Vault

    public init(store: Store, vault: Vault) {
        self.store = store
        self.vault = vault
    }

    struct Rec {
        var document: Int64
        var ordinal: Int
        var language: String?
        var values: [Int32]      // dense value indices
        var elements: UInt32     // bit per element code present (no link keys)
        /// Special-category inferences (category element code, rule id).
        var reasons: [ReasonItem] = []
        /// Controller attributions from the record's own fields.
        var attributions: [ScopeInputs.Attribution] = []

        /// Whether the record holds something that points at a human being. Purchase rows, delivery
        /// lines or a bare loyalty-card number add to a person's exposure but make no person alone.
        var identifies: Bool { elements & Resolver.identifying != 0 }
    }

    struct ReasonItem: Hashable { var category: UInt8; var rule: Int64 }

    /// A person being built: the anchor their id derives from, their records, flags.
    struct P { var anchor: ValueHash; var records: [Int]; var flags: Int }

    /// Element bits a special-category reason can set.
    static let categoryBits: UInt32 = [ElementType.healthData, .geneticData, .labResult, .prescription, .purchaseHistory, .deliveryInfo]
        .reduce(0) { $0 | 1 << UInt32($1.code) }

    static let identifying: UInt32 = [ElementType.nationalID, .name, .email, .phone, .postalAddress, .iban, .paymentCard]
        .reduce(0) { $0 | 1 << UInt32($1.code) }

    public func run() throws {
        try store.pool.write { db in
            let scope = try ScopeInputs.load(db, vault: vault)
            // Values: dense index ↔ row id.
            var kinds: [UInt16] = []
            var hashes: [ValueHash] = []
            var dense = DenseIndex()
            var rowIDs: [Int64] = []
            try ValueBoxes.forEach(db) { id, kind, hash in
                dense.set(id, Int32(rowIDs.count))
                rowIDs.append(id)
                kinds.append(kind)
                hashes.append(hash)
            }
            var docHash: [Int64: ValueHash] = [:]
            for r in try Row.fetchAll(db, sql: "SELECT id, path_hash FROM document") {
                let h: Data = r["path_hash"]
                docHash[r["id"]] = ValueHash(bytes: Array(h))
            }
            // Records.
            var recs: [Rec] = []
            var languages: [String: String] = [:]  // interned: a handful of distinct codes
            try RawRows(db, "SELECT document_id, ordinal, language, items FROM record ORDER BY document_id, ordinal").forEach { r in
                var language: String?
                if !r.isNull(2), let l = r.text(2) {
                    if let known = languages[l] { language = known } else { languages[l] = l; language = l }
                }
                var rec = Rec(document: r.int64(0), ordinal: Int(r.int64(1)), language: language, values: [], elements: 0)
                r.blob(3) { p in
                    PackedItems.decode(p, recordLine: 0, recordOffset: 0) { it in
                        switch it.code {
                        case PackedItems.controllerCode:
                            rec.attributions.append(ScopeInputs.Attribution(controller: it.valueID >> 16, rule: it.valueID & 0xFFFF))
                        case PackedItems.reasonBase..<(PackedItems.reasonBase + 32):
                            let category = it.code - PackedItems.reasonBase
                            rec.reasons.append(ReasonItem(category: category, rule: it.valueID))
                            rec.elements |= 1 << UInt32(category)
                        default:
                            if it.valueID > 0, let d = dense[it.valueID] { rec.values.append(d) }
                            if it.code < 32 { rec.elements |= 1 << UInt32(it.code) }
                        }
                    }
                }
                recs.append(rec)
            }

            func isNational(_ v: Int32) -> Bool { let k = kinds[Int(v)]; return k < 64 && (IdentifierType(code: UInt8(k))?.isNational ?? false) }
            func links(_ v: Int32) -> Bool { let k = kinds[Int(v)]; return k < 64 || k == ValueKind.linkKey.rawValue }

            // 1. Union over linking values (strong identifiers and link keys).
            var uf = UnionFind(count: kinds.count)
            for rec in recs {
                var first: Int32 = -1
                for v in rec.values where links(v) {
                    if first < 0 { first = v } else { uf.union(first, v) }
                }
            }
            // 2. Group records by component (or alone).
            // Records sorted by component root: each component is one contiguous run.
            var alone: [Int] = []
            var rootOf = [Int32](repeating: -1, count: recs.count)
            for (i, rec) in recs.enumerated() {
                if let v = rec.values.first(where: links) { rootOf[i] = uf.find(v) } else { alone.append(i) }
            }
            var order = recs.indices.filter { rootOf[$0] >= 0 }
            order.sort { rootOf[$0] != rootOf[$1] ? rootOf[$0] < rootOf[$1] : $0 < $1 }

            // 3. Persons: (anchor hash for the id, record indices, flags).
            var persons: [P] = []
            var conflicts: [(value: Int32, anchors: [ValueHash])] = []
            func anchor(_ values: [Int32]) -> ValueHash? {
                // National IDs first, then other strong identifiers, then link keys; smallest hash.
                let ranked = values.map { v -> (Int, ValueHash) in
                    (isNational(v) ? 0 : kinds[Int(v)] < 64 ? 1 : 2, hashes[Int(v)])
                }
                return ranked.min { $0.0 != $1.0 ? $0.0 < $1.0 : $0.1 < $1.1 }?.1
            }
            var runStart = 0
            while runStart < order.count {
                var runEnd = runStart + 1
                while runEnd < order.count && rootOf[order[runEnd]] == rootOf[order[runStart]] { runEnd += 1 }
                let members = Array(order[runStart..<runEnd])
                runStart = runEnd
                guard members.contains(where: { recs[$0].identifies }) else { continue }
                // National IDs of the component, per scheme.
                var nationalsByType: [UInt16: Set<Int32>] = [:]
                for m in members { for v in recs[m].values where isNational(v) { nationalsByType[kinds[Int(v)], default: []].insert(v) } }
                let conflicting = nationalsByType.values.contains { $0.count > 1 }
                if !conflicting {
                    let all = members.flatMap { recs[$0].values.filter(links) }
                    persons.append(P(anchor: anchor(all)!, records: members, flags: 0))
                    continue
                }
                // Split: one person per national ID (the record's first national ID by scheme order).
                var anchorOf: [Int: Int32] = [:]
                for m in members {
                    if let nid = recs[m].values.filter(isNational).min(by: { (kinds[Int($0)], hashes[Int($0)]) < (kinds[Int($1)], hashes[Int($1)]) }) {
                        anchorOf[m] = nid
                    }
                }
                var group: [Int32: [Int]] = [:]
                var valueAnchors: [Int32: Set<Int32>] = [:]
                for (m, nid) in anchorOf {
                    group[nid, default: []].append(m)
                    for v in recs[m].values where links(v) { valueAnchors[v, default: []].insert(nid) }
                }
                var orphans: [Int] = []
                for m in members where anchorOf[m] == nil {
                    var targets = Set<Int32>()
                    for v in recs[m].values where links(v) { targets.formUnion(valueAnchors[v] ?? []) }
                    if targets.isEmpty { orphans.append(m); continue }
                    for t in targets { group[t, default: []].append(m) }
                }
                for (v, anchors) in valueAnchors where anchors.count > 1 && !isNational(v) {
                    conflicts.append((v, anchors.map { hashes[Int($0)] }.sorted()))
                }
                for nid in group.keys.sorted(by: { hashes[Int($0)] < hashes[Int($1)] }) {
                    persons.append(P(anchor: hashes[Int(nid)], records: group[nid]!.sorted(), flags: StoredPerson.inConflict))
                }
                if !orphans.isEmpty {
                    let all = orphans.flatMap { recs[$0].values.filter(links) }
                    persons.append(P(anchor: anchor(all)!, records: orphans, flags: StoredPerson.inConflict))
                }
            }
            for i in alone where recs[i].identifies {
                let h = vault.hash(label: "record", Hex.encode((docHash[recs[i].document] ?? ValueHash(hi: 0, lo: 0)).bytes) + ":\(recs[i].ordinal)")
                persons.append(P(anchor: h, records: [i], flags: 0))
            }

            // 4. Weak identities: candidates, and the merges a reviewer accepted.
            var pids = Self.personIDs(persons.map(\.anchor), vault: vault)
            let weak = WeakIdentities.find(persons: persons, recs: recs, kinds: kinds, hashes: hashes, vault: vault)
            try db.execute(sql: "DELETE FROM candidate")
            var merge = UnionFind(count: persons.count)
            var merged = false
            for c in weak {
                let decision = scope.decisions[c.key]
                if decision == true { merge.union(c.a, c.b); merged = true }
                try db.execute(sql: "INSERT INTO candidate(key, a, b, score, evidence, status) VALUES(?, ?, ?, ?, ?, ?)",
                               arguments: [c.key, pids[Int(c.a)], pids[Int(c.b)], c.score, c.evidence,
                                           decision == nil ? "pending" : decision! ? "accepted" : "rejected"])
            }
            if merged {
                var byRoot: [Int32: Int] = [:]
                var next: [P] = []
                for (i, p) in persons.enumerated() {
                    let root = merge.find(Int32(i))
                    if let at = byRoot[root] {
                        next[at].records.append(contentsOf: p.records)
                        next[at].records.sort()
                        next[at].anchor = min(next[at].anchor, p.anchor)
                        next[at].flags |= p.flags | StoredPerson.weakMerge
                    } else {
                        byRoot[root] = next.count
                        next.append(p)
                    }
                }
                persons = next
                pids = Self.personIDs(persons.map(\.anchor), vault: vault)
            }

            // Categories inferred in records that belong to nobody (a lab report's result page)
            // apply to every person of that document.
            var assigned = [Bool](repeating: false, count: recs.count)
            for p in persons { for i in p.records { assigned[i] = true } }
            var documentReasons: [Int64: Set<ReasonItem>] = [:]
            // Only records that hold nothing but categories: a purchase row whose card links to
            // nobody is someone else's, not the document's.
            let categoryBits = Self.categoryBits
            for (i, rec) in recs.enumerated() where !assigned[i] && !rec.reasons.isEmpty && rec.values.isEmpty
                && rec.elements & ~categoryBits == 0 {
                documentReasons[rec.document, default: []].formUnion(rec.reasons)
            }

            // 5. Write: one row per person.
            try db.execute(sql: "DELETE FROM person; DELETE FROM conflict;")
            let insPerson = try RawInsert(db, "INSERT INTO person(id, pid, language, flags, vals, exposures, attributions, reasons) VALUES(?, ?, ?, ?, ?, ?, ?, ?)")
            // Rows in person-id order: exports read them in that order, and the table grows by
            // appending instead of scattering a million random keys through an index.
            let rowOrder = persons.indices.sorted { pids[$0] < pids[$1] }
            var values: [Int64] = [], unique: [Int64] = [], exposureKeys: [UInt64] = []
            var exposures: [StoredPerson.Exposure] = []
            var attributions: [StoredPerson.Triple] = [], reasons: [StoredPerson.Triple] = []
            var documents: [Int64] = []
            for (n, pi) in rowOrder.enumerated() {
                let p = persons[pi]
                let personRow = n + 1
                values.removeAll(keepingCapacity: true)
                unique.removeAll(keepingCapacity: true)
                exposureKeys.removeAll(keepingCapacity: true)   // element << 48 | document, one per occurrence
                exposures.removeAll(keepingCapacity: true)
                attributions.removeAll(keepingCapacity: true)
                reasons.removeAll(keepingCapacity: true)
                documents.removeAll(keepingCapacity: true)
                for i in p.records {
                    let rec = recs[i]
                    documents.append(rec.document)
                    for v in rec.values {
                        values.append(rowIDs[Int(v)])
                        if !scope.register.isEmpty, let list = scope.register[hashes[Int(v)]] {
                            for a in list { attributions.append(.init(what: a.controller, rule: a.rule, document: rec.document)) }
                        }
                    }
                    for a in rec.attributions { attributions.append(.init(what: a.controller, rule: a.rule, document: rec.document)) }
                    for r in rec.reasons { reasons.append(.init(what: Int64(r.category), rule: r.rule, document: rec.document)) }
                    var mask = rec.elements
                    while mask != 0 {
                        let e = UInt64(mask.trailingZeroBitCount)
                        exposureKeys.append(e << 48 | UInt64(rec.document))
                        mask &= mask - 1
                    }
                }
                documents.sort()
                var lastDocument: Int64 = -1
                for d in documents where d != lastDocument {
                    lastDocument = d
                    if let list = scope.documentAttributions[d] {
                        for a in list { attributions.append(.init(what: a.controller, rule: a.rule, document: d)) }
                    }
                    if let list = documentReasons[d] {
                        for r in list {
                            reasons.append(.init(what: Int64(r.category), rule: r.rule, document: d))
                            exposureKeys.append(UInt64(r.category) << 48 | UInt64(d))
                        }
                    }
                }
                if attributions.isEmpty, let a = scope.defaultAttribution, let d = documents.first {
                    attributions.append(.init(what: a.controller, rule: a.rule, document: d))
                }
                attributions.sort(); reasons.sort()
                values.sort()
                for v in values where unique.last != v { unique.append(v) }
                let chosen: String?
                if p.records.count == 1 {
                    chosen = recs[p.records[p.records.startIndex]].language
                } else {
                    // Explicit languages (a language column) outrank guesses (marked `~`).
                    var langs: [String: Int] = [:]
                    for i in p.records { if let l = recs[i].language { langs[l, default: 0] += 1 } }
                    let explicit = langs.filter { !$0.key.hasPrefix("~") }
                    let pool = explicit.isEmpty ? langs : explicit
                    chosen = pool.max { $0.value < $1.value || ($0.value == $1.value && $0.key > $1.key) }?.key
                }
                let language = chosen.map { $0.hasPrefix("~") ? String($0.dropFirst()) : $0 }
                    ?? Self.language(values: unique.compactMap { dense[$0].map { kinds[Int($0)] } })
                exposureKeys.sort()
                for k in exposureKeys {
                    if let last = exposures.last, UInt64(last.element) << 48 | UInt64(last.document) == k {
                        exposures[exposures.count - 1].occurrences += 1
                    } else {
                        exposures.append(StoredPerson.Exposure(element: UInt8(k >> 48), document: Int64(k & 0xFFFF_FFFF_FFFF), occurrences: 1))
                    }
                }
                insPerson.bind(1, Int64(personRow))
                insPerson.bind(2, pids[pi])
                insPerson.bind(3, language)
                insPerson.bind(4, Int64(p.flags))
                insPerson.bind(5, StoredPerson.packValues(unique))
                insPerson.bind(6, StoredPerson.packExposures(exposures))
                insPerson.bind(7, StoredPerson.packTriples(Self.uniq(attributions)))
                insPerson.bind(8, StoredPerson.packTriples(Self.uniq(reasons)))
                try insPerson.step(db)
            }
            if !conflicts.isEmpty {
                var pidOf: [ValueHash: String] = [:]
                for (i, p) in persons.enumerated() { pidOf[p.anchor] = pids[i] }
                for c in conflicts.sorted(by: { $0.value < $1.value }) {
                    let list = Set(c.anchors.compactMap { pidOf[$0] }).sorted().joined(separator: ",")
                    try db.execute(sql: "INSERT INTO conflict(kind, value_id, persons, pids) VALUES('shared_identifier', ?, ?, ?)",
                                   arguments: [rowIDs[Int(c.value)], c.anchors.count, list])
                }
            }
            try db.execute(sql: "INSERT INTO meta(key, value) VALUES('resolved', '1') ON CONFLICT(key) DO UPDATE SET value = '1'")
        }
    }

    static func uniq(_ sorted: [StoredPerson.Triple]) -> [StoredPerson.Triple] {
        var out: [StoredPerson.Triple] = []
        for t in sorted where out.last != t { out.append(t) }
        return out
    }

    /// Person ids for anchors, computed on all cores (one keyed hash each).
    static func personIDs(_ anchors: [ValueHash], vault: Vault) -> [String] {
        let n = anchors.count
        let parts = max(1, min(ProcessInfo.processInfo.activeProcessorCount, n / 10_000))
        let out = PIDBuffer(count: n)
        DispatchQueue.concurrentPerform(iterations: parts) { part in
            let lo = n * part / parts, hi = n * (part + 1) / parts
            for i in lo..<hi { out.set(i, vault.personID(anchor: anchors[i])) }
        }
        return out.values
    }

    /// A person's likely language from the countries of their national IDs (`ee_isikukood` → et).
    static func language(values kinds: [UInt16]) -> String? {
        let map: [IdentifierType: String] = [.eeIsikukood: "et", .ltAsmensKodas: "lt", .lvPersonasKods: "lv", .fiHetu: "fi",
                                             .sePersonnummer: "sv", .noFodselsnummer: "no", .dkCpr: "da", .plPesel: "pl",
                                             .usSsn: "en", .ukNhsNumber: "en"]
        for k in kinds.sorted() where k < 64 {
            if let t = IdentifierType(code: UInt8(k)), let l = map[t] { return l }
        }
        return nil
    }
}

/// Row id → dense index, as a flat array (value ids are small and nearly contiguous).
struct DenseIndex {
    private var slots: [Int32] = []
    mutating func set(_ id: Int64, _ index: Int32) {
        let i = Int(id)
        if i >= slots.count { slots.append(contentsOf: repeatElement(-1, count: i + 1 - slots.count)) }
        slots[i] = index
    }
    subscript(_ id: Int64) -> Int32? {
        let i = Int(id)
        guard i >= 0, i < slots.count, slots[i] >= 0 else { return nil }
        return slots[i]
    }
}

/// Slots written by disjoint ranges of `concurrentPerform` iterations (own allocation, so no
/// pointer escapes from an array).
final class PIDBuffer: @unchecked Sendable {
    private let count: Int
    private let base: UnsafeMutablePointer<String>
    init(count: Int) {
        self.count = count
        base = .allocate(capacity: max(count, 1))
        base.initialize(repeating: "", count: count)
    }
    deinit {
        base.deinitialize(count: count)
        base.deallocate()
    }
    func set(_ i: Int, _ s: String) { base[i] = s }
    var values: [String] { Array(UnsafeBufferPointer(start: base, count: count)) }
}
