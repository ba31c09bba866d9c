import Foundation
import GRDB

/// Resolves records into persons and rebuilds `person_box` (see `StoredPerson`, `PersonBoxes`) and `conflict`
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
///
/// Performance (1M persons): records and persons live in flat columns (`RecordTable`,
/// `PersonTable`), components are ordered by a counting sort, person ids are computed and sorted
/// as 64-bit keys and formatted only when a row is written, and per-document lookups are arrays.
public struct Resolver {
    let store: Store
    let vault: Vault

    public init(store: Store, vault: Vault) {
        self.store = store
        self.vault = vault
    }

    /// Element bits a special-category reason can set.
    static let categoryBits: UInt32 = [ElementType.healthData, .geneticData, .labResult, .prescription, .purchaseHistory, .deliveryInfo]
        .reduce(0) { $0 | 1 << UInt32($1.code) }

    static let identifying: UInt32 = [ElementType.nationalID, .name, .email, .phone, .postalAddress, .iban, .paymentCard]
        .reduce(0) { $0 | 1 << UInt32($1.code) }

    /// Resolves the store. `written` is what this scan wrote when it began on an empty store
    /// (`StoreWriter.takeWritten()`): then values and records come from memory instead of being
    /// read back, with the same result.
    public func run(written: consuming WrittenData? = nil) throws {
        var written = written
        var clock = PhaseClock("resolve")
        try store.pool.write { db in
            let scope = try ScopeInputs.load(db, vault: vault)
            // Values: dense index ↔ row id.
            var kinds: [UInt16] = []
            var hashes: [ValueHash] = []
            var dense = DenseIndex()
            var rowIDs: [Int64] = []
            if let written {
                // Records come as a table of dense indices: no index of ids needed.
                kinds = written.kinds
                hashes = written.hashes
                rowIDs = (0..<Int64(kinds.count)).map { written.firstValueID + $0 }
            } else {
                let count = try ValueBoxes.count(db)
                kinds.reserveCapacity(count); hashes.reserveCapacity(count); rowIDs.reserveCapacity(count)
                dense.reserve(upTo: try ValueBoxes.nextID(db))
                try ValueBoxes.forEach(db) { id, kind, hash in
                    dense.set(id, Int32(rowIDs.count))
                    rowIDs.append(id)
                    kinds.append(kind)
                    hashes.append(hash)
                }
            }
            clock.lap("values")
            try resolve(db, scope: scope, kinds: kinds, hashes: hashes, dense: dense, rowIDs: rowIDs, written: &written, clock: &clock)
        }
        clock.lap("commit")
    }

    /// Everything after the values are loaded (their kinds, hashes, dense index and row ids as
    /// constants: no exclusivity checks in the hot loops).
    private func resolve(_ db: Database, scope: ScopeInputs, kinds: [UInt16], hashes: [ValueHash], dense: DenseIndex,
                         rowIDs: [Int64], written: inout WrittenData?, clock: inout PhaseClock) throws {
        var docHash: [Int64: ValueHash] = [:]
        for r in try Row.fetchAll(db, sql: "SELECT id, path_hash FROM document") {
            let h: Data = r["path_hash"]
            docHash[r["id"]] = ValueHash(bytes: Array(h))
        }
        // Records.
        var table = RecordTable()
        if written != nil {
            table = written!.takeRecords()
        } else {
            try dense.withView { view in try RecordBoxes.forEach(db) { table.add(document: $0, $1, dense: view) } }
        }
        // Per value kind: national ID, linking (strong identifier or link key), anchor rank.
        var nationalKind = [Bool](repeating: false, count: 65536)
        var linkKind = [Bool](repeating: false, count: 65536)
        for k in 0..<64 { nationalKind[k] = IdentifierType(code: UInt8(k))?.isNational ?? false; linkKind[k] = true }
        linkKind[Int(ValueKind.linkKey.rawValue)] = true
        linkKind[Int(ValueKind.mailWriter.rawValue)] = true
        // A bank account joins its records too (a direct debit's months); a joint account's
        // holders of different names are told apart as a household's line is (`Households`).
        linkKind[Int(ValueKind.element(.iban).rawValue)] = true
        table.staffValues.append(contentsOf: Self.sendersLines(table, kinds: kinds))
        table.dropStaff(kinds: kinds, links: { linkKind[Int($0)] && $0 != ValueKind.mailWriter.rawValue })
        let recs = table
        let ownAccounts = Self.ownAccounts(recs, kinds: kinds)
        clock.lap("records")
        func isNational(_ v: Int32) -> Bool { nationalKind[Int(kinds[Int(v)])] }
        func links(_ v: Int32) -> Bool { linkKind[Int(kinds[Int(v)])] && (ownAccounts.isEmpty || !ownAccounts[Int(v)]) }
        /// National IDs first, then other strong identifiers, then link keys.
        func rank(_ v: Int32) -> Int { let k = kinds[Int(v)]; return nationalKind[Int(k)] ? 0 : k < 64 ? 1 : 2 }
        let values = recs.values
        let valueStarts = recs.valueStarts
        let recordCount = recs.count

        // 1. Union over linking values (strong identifiers and link keys).
        var uf = UnionFind(count: kinds.count)
        for i in 0..<recordCount {
            var first: Int32 = -1
            for k in Int(valueStarts[i])..<Int(valueStarts[i + 1]) {
                let v = values[k]
                guard links(v) else { continue }
                if first < 0 { first = v } else { uf.union(first, v) }
            }
        }
        clock.lap("union")
        // 2. Group records by component (or alone).
        // Records ordered by component root (counting sort, stable): each component is one
        // contiguous run, its records ascending.
        var alone: [Int] = []
        var rootOf = [Int32](repeating: -1, count: recordCount)
        var perRoot = [Int32](repeating: 0, count: kinds.count + 1)
        for i in 0..<recordCount {
            var root: Int32 = -1
            for k in Int(valueStarts[i])..<Int(valueStarts[i + 1]) where links(values[k]) { root = uf.find(values[k]); break }
            if root >= 0 { rootOf[i] = root; perRoot[Int(root) + 1] += 1 } else { alone.append(i) }
        }
        for r in 0..<kinds.count { perRoot[r + 1] += perRoot[r] }
        var order = [Int32](repeating: 0, count: Int(perRoot[kinds.count]))
        for i in 0..<recordCount where rootOf[i] >= 0 {
            let r = Int(rootOf[i])
            order[Int(perRoot[r])] = Int32(i)
            perRoot[r] += 1
        }
        perRoot = []

        clock.lap("components")
        // 3. Persons: (anchor hash for the id, record indices, flags).
        var found = PersonTable()
        found.anchors.reserveCapacity(order.count / 2)
        found.records.reserveCapacity(order.count)
        // Their ids are hashed on another core as they are found.
        let keyStream = PersonKeyStream(capacity: recordCount, vault: vault)
        defer { keyStream.finish() }
        func add<S: Sequence>(anchor: ValueHash, flags: Int, records: S) where S.Element == Int32 {
            found.append(anchor: anchor, flags: flags, records: records)
            keyStream.publish(anchor)
        }
        var conflicts: [(value: Int32, anchors: [ValueHash])] = []
        /// Stored values unsealed in memory (households' names and phones), opened on first use.
        var valueReader: ValueReader?
        func reader() throws -> ValueReader {
            if let valueReader { return valueReader }
            let r = try ValueReader(db, vault: vault)
            valueReader = r
            return r
        }
        /// The anchor of a person made of records with no linking value of their own: its first
        /// record's document and ordinal.
        func recordAnchor(_ i: Int) -> ValueHash {
            vault.hash(label: "record", Hex.encode((docHash[recs.documents[i]] ?? ValueHash(hi: 0, lo: 0)).bytes) + ":\(recs.ordinals[i])")
        }
        /// The anchor of a set of records: the best-ranked linking value, smallest hash (values in
        /// `excluding` not taken).
        func anchor<S: Sequence>(_ members: S, excluding: [Int32] = []) -> ValueHash? where S.Element == Int32 {
            var best: (Int, ValueHash)?
            for m in members {
                for k in Int(valueStarts[Int(m)])..<Int(valueStarts[Int(m) + 1]) where links(values[k]) && !excluding.contains(values[k]) {
                    let c = (rank(values[k]), hashes[Int(values[k])])
                    if best == nil || c < best! { best = c }
                }
            }
            return best?.1
        }
        let recordElements = recs.elements
        var nationals: [UInt64] = []   // kind << 32 | value of a component's national IDs
        var runStart = 0
        while runStart < order.count {
            var runEnd = runStart + 1
            let root = rootOf[Int(order[runStart])]
            while runEnd < order.count && rootOf[Int(order[runEnd])] == root { runEnd += 1 }
            let members = order[runStart..<runEnd]
            runStart = runEnd
            var identifies = false
            for m in members where recordElements[Int(m)] & Self.identifying != 0 { identifies = true; break }
            guard identifies else { continue }
            // National IDs of the component: two different ones of one scheme conflict.
            nationals.clear()
            for m in members {
                for k in Int(valueStarts[Int(m)])..<Int(valueStarts[Int(m) + 1]) where isNational(values[k]) {
                    nationals.append(UInt64(kinds[Int(values[k])]) << 32 | UInt64(UInt32(values[k])))
                }
            }
            var conflicting = false
            if nationals.count > 1 {
                nationals.sort()
                for n in 1..<nationals.count where nationals[n] >> 32 == nationals[n - 1] >> 32 && nationals[n] != nationals[n - 1] {
                    conflicting = true; break
                }
            }
            func recordValues(_ m: Int32) -> ArraySlice<Int32> { values[Int(valueStarts[Int(m)])..<Int(valueStarts[Int(m) + 1])] }
            if !conflicting {
                // A household's fixed line joins only records whose names agree (`Households`).
                if members.count > 1, let split = try Households.split(members: members, values: recordValues, kinds: kinds, links: links,
                                                                      isNational: isNational,
                                                                      plaintext: { try reader().value(rowIDs[Int($0)])?.plaintext }) {
                    var anchors: [(ValueHash, [Int32])] = []
                    for (g, own) in zip(split.groups, split.own) {
                        if let a = anchor(own, excluding: split.lines) { anchors.append((a, g)); continue }
                        // Linked only by a shared line: the line and the person's name (or none).
                        let line = split.lines.filter { l in own.contains { recordValues($0).contains(l) } }.min { hashes[Int($0)] < hashes[Int($1)] } ?? split.lines[0]
                        let name = own.flatMap { recordValues($0).filter { kinds[Int($0)] == Households.nameKind } }.min { hashes[Int($0)] < hashes[Int($1)] }
                        anchors.append((vault.hash(label: "household", Hex.encode(hashes[Int(line)].bytes) + ":" + (name.map { Hex.encode(hashes[Int($0)].bytes) } ?? "")), g))
                    }
                    anchors.sort { $0.0 < $1.0 }
                    for (a, g) in anchors { add(anchor: a, flags: StoredPerson.inConflict, records: g) }
                    for l in split.lines {
                        let sharing = anchors.filter { $0.1.contains { recordValues($0).contains(l) } }.map(\.0)
                        if sharing.count > 1 { conflicts.append((l, sharing)) }
                    }
                    continue
                }
                add(anchor: anchor(members)!, flags: 0, records: members)
                continue
            }
            // Split: one person per national ID (the record's first national ID by scheme order).
            var anchorOf: [Int32: Int32] = [:]
            for m in members {
                if let nid = recordValues(m).filter(isNational).min(by: { (kinds[Int($0)], hashes[Int($0)]) < (kinds[Int($1)], hashes[Int($1)]) }) {
                    anchorOf[m] = nid
                }
            }
            var group: [Int32: [Int32]] = [:]
            var valueAnchors: [Int32: Set<Int32>] = [:]
            for (m, nid) in anchorOf {
                group[nid, default: []].append(m)
                for v in recordValues(m) where links(v) { valueAnchors[v, default: []].insert(nid) }
            }
            var orphans: [Int32] = []
            for m in members where anchorOf[m] == nil {
                var targets = Set<Int32>()
                // (A value more than a household's persons share, a help desk's address in every
                // ticket, says nothing of whose the record is: it is listed under none of them.)
                for v in recordValues(m) where links(v) {
                    if let anchors = valueAnchors[v], anchors.count <= Households.householdLimit { targets.formUnion(anchors) }
                }
                if targets.isEmpty { orphans.append(m); continue }
                for t in targets { group[t, default: []].append(m) }
            }
            for (v, anchors) in valueAnchors where anchors.count > 1 && !isNational(v) {
                conflicts.append((v, anchors.map { hashes[Int($0)] }.sorted()))
            }
            for nid in group.keys.sorted(by: { hashes[Int($0)] < hashes[Int($1)] }) {
                add(anchor: hashes[Int(nid)], flags: StoredPerson.inConflict, records: group[nid]!.sorted())
            }
            if !orphans.isEmpty {
                // The records joined only through a value many persons share are each other's
                // only through their own values: one person per part joined without it.
                let hubs = valueAnchors.filter { $0.value.count > Households.householdLimit }.map(\.key)
                let parts = hubs.isEmpty ? [orphans]
                    : Households.joinedParts(orphans, values: recordValues, links: links, without: Set(hubs)).map { $0.map { orphans[$0] } }
                for part in parts {
                    // (A part with no value of its own but the hubs is anchored by its first record,
                    // as a record alone is: every such part shares the hub, and ids are unique.)
                    add(anchor: anchor(part, excluding: hubs) ?? recordAnchor(Int(part.min()!)), flags: StoredPerson.inConflict, records: part)
                }
            }
        }
        for i in alone where recs.identifies(i) {
            add(anchor: recordAnchor(i), flags: 0, records: CollectionOfOne(Int32(i)))
        }
        order = []; rootOf = []

        clock.lap("persons")
        // 4. Weak identities: candidates, and the merges a reviewer accepted.
        var pids = keyStream.close()
        clock.lap("person keys")
        try db.execute(sql: "DELETE FROM candidate")
        func insertCandidates(_ weak: [WeakIdentities.Candidate], pids: [UInt64]) throws {
            for c in weak {
                let decision = scope.decisions[c.key]
                try db.execute(sql: "INSERT INTO candidate(key, a, b, score, evidence, status) VALUES(?, ?, ?, ?, ?, ?)",
                               arguments: [c.key, Vault.personIDText(pids[Int(c.a)]), Vault.personIDText(pids[Int(c.b)]), c.score, c.evidence,
                                           decision == nil ? "pending" : decision! ? "accepted" : "rejected"])
            }
        }
        // Without an accepted merge the candidates change no person: they are found while the
        // persons are packed, on their own thread.
        let weakDone = DispatchGroup()
        let laterWeak = Slots<[WeakIdentities.Candidate]>(count: 1)
        // Names of persons without a strong identifier, unsealed here (the store is this thread's).
        let nameForms = try WeakIdentities.nameForms(persons: found, recs: recs, kinds: kinds, hashes: hashes, vault: vault,
                                                     plaintext: { try reader().value(rowIDs[Int($0)])?.plaintext })
        clock.lap("name forms")
        if !scope.decisions.values.contains(true) {
            let (persons, recs, kinds, hashes, vault) = (found, recs, kinds, hashes, vault)
            DispatchQueue.global().async(group: weakDone) {
                laterWeak.put(0, WeakIdentities.find(persons: persons, recs: recs, kinds: kinds, hashes: hashes, vault: vault,
                                                     nameForms: nameForms))
            }
        } else {
            let weak = WeakIdentities.find(persons: found, recs: recs, kinds: kinds, hashes: hashes, vault: vault, nameForms: nameForms)
            var merge = UnionFind(count: found.count)
            var merged = false
            for c in weak where scope.decisions[c.key] == true { merge.union(c.a, c.b); merged = true }
            try insertCandidates(weak, pids: pids)
            if merged {
                var byRoot: [Int32: Int] = [:]
                var next: [(anchor: ValueHash, records: [Int32], flags: Int)] = []
                for i in 0..<found.count {
                    let root = merge.find(Int32(i))
                    let records = found.records[found.recordRange(i)]
                    if let at = byRoot[root] {
                        next[at].records.append(contentsOf: records)
                        next[at].records.sort()
                        next[at].anchor = min(next[at].anchor, found.anchors[i])
                        next[at].flags |= found.flags[i] | StoredPerson.weakMerge
                    } else {
                        byRoot[root] = next.count
                        next.append((found.anchors[i], Array(records), found.flags[i]))
                    }
                }
                found = PersonTable()
                for p in next { found.append(anchor: p.anchor, flags: p.flags, records: p.records) }
                pids = Self.personKeys(found.anchors, vault: vault)
            }
        }
        let persons = found

        clock.lap("weak identities")
        // Per-document lookups as arrays (document ids are small row ids).
        let documentSlots = Int(recs.maxDocument) + 1
        var documentAttributions = [[ScopeInputs.Attribution]?](repeating: nil, count: documentSlots)
        for (d, list) in scope.documentAttributions where d >= 0 && d < documentSlots { documentAttributions[Int(d)] = list }

        // Categories inferred in records that belong to nobody (a lab report's result page)
        // apply to every person of that document.
        var assigned = [Bool](repeating: false, count: recordCount)
        for i in persons.records { assigned[Int(i)] = true }
        var documentReasonSets: [Int64: Set<RecordTable.ReasonItem>] = [:]
        // Only records that hold nothing but categories: a purchase row whose card links to
        // nobody is someone else's, not the document's.
        let categoryBits = Self.categoryBits
        for i in 0..<recordCount where !assigned[i] && !recs.reasonRange(i).isEmpty && recs.valueRange(i).isEmpty
            && recs.elements[i] & ~categoryBits == 0 {
            documentReasonSets[recs.documents[i], default: []].formUnion(recs.reasons[recs.reasonRange(i)])
        }
        assigned = []
        var documentReasons = [[RecordTable.ReasonItem]?](repeating: nil, count: documentSlots)
        for (d, set) in documentReasonSets where d >= 0 && d < documentSlots { documentReasons[Int(d)] = Array(set) }

        // Languages: interned codes, their output form (`~` guess mark dropped), whether
        // explicit, and their order; the language of a national ID's country per value kind.
        let languageCount = recs.languageNames.count
        let languageOut: [String?] = recs.languageNames.enumerated().map { i, l in
            i == 0 ? nil : l.hasPrefix("~") ? String(l.dropFirst()) : l
        }
        let languageExplicit = recs.languageNames.map { !$0.hasPrefix("~") }
        var languageRank = [Int](repeating: 0, count: languageCount)
        for (r, i) in (1..<languageCount).sorted(by: { recs.languageNames[$0] < recs.languageNames[$1] }).enumerated() { languageRank[i] = r }
        let countryLanguage: [String?] = (0..<64).map { k in IdentifierType(code: UInt8(k)).flatMap { Self.countryLanguages[$0] } }

        clock.lap("document lookups")
        // 5. Write: persons in boxes of 64, in person-id order (exports read them in that order).
        try db.execute(sql: "DELETE FROM person_box; DELETE FROM conflict;")
        let insBox = try RawInsert(db, "INSERT INTO person_box(first_id, count, data) VALUES(?, ?, ?)")
        var rowOrder = [(key: UInt64, person: Int32)]()
        rowOrder.reserveCapacity(persons.count)
        for (i, k) in pids.enumerated() { rowOrder.append((k, Int32(i))) }
        Self.sortRows(&rowOrder)
        let rows = rowOrder
        let packer = PersonPacker(recs: recs, persons: persons, kinds: kinds, hashes: hashes, rowIDs: rowIDs,
                                  register: scope.register, defaultAttribution: scope.defaultAttribution,
                                  documentAttributions: documentAttributions, documentReasons: documentReasons,
                                  languageOut: languageOut, languageExplicit: languageExplicit, languageRank: languageRank,
                                  countryLanguage: countryLanguage)
        // Entries packed in runs of persons on all cores, in person order.
        let personCount = persons.count
        let runSize = 16384
        let runs = (personCount + runSize - 1) / runSize
        let packed = Slots<OwnedBytes>(count: runs)
        let ends = SharedBuffer<Int>(count: personCount, zero: 0)
        let keys = pids
        DispatchQueue.concurrentPerform(iterations: runs) { c in
            packed.put(c, packer.pack((c * runSize)..<min(personCount, (c + 1) * runSize), keys: keys, ends: ends))
        }
        let runBytes = (0..<runs).map { c in
            guard let run = packed.take(c) else { preconditionFailure("run \(c) of the person packer was not packed") }
            return run
        }
        clock.lap("pack")
        // Gathered into boxes in person-id order on all cores, straight from the runs, then
        // inserted in order.
        let boxRun = 256 * PersonBoxes.capacity
        let boxRuns = (personCount + boxRun - 1) / boxRun
        let boxed = Slots<PersonPacker.Boxes>(count: boxRuns)
        withExtendedLifetime((runBytes, ends)) {
            let runs = PersonPacker.Runs(starts: runBytes.map { UnsafeRawPointer($0.bytes.baseAddress!) }, ends: UnsafePointer(ends.base), size: runSize)
            DispatchQueue.concurrentPerform(iterations: boxRuns) { c in
                boxed.put(c, PersonPacker.boxes(rows[(c * boxRun)..<min(personCount, (c + 1) * boxRun)], runs: runs))
            }
        }
        clock.lap("gather")
        var firstID: Int64 = 1
        for c in 0..<boxRuns {
            guard let run = boxed.take(c) else { continue }
            try withExtendedLifetime(run.bytes) { owner in
                let bytes = owner.bytes
                var start = 0
                for (end, count) in zip(run.boxEnds, run.boxCounts) {
                    insBox.bind(1, firstID)
                    insBox.bind(2, Int64(count))
                    insBox.bindBlob(3, UnsafeRawBufferPointer(rebasing: bytes[start..<end]))
                    try insBox.step(db)
                    firstID += Int64(count)
                    start = end
                }
            }
        }
        clock.lap("write persons")
        weakDone.wait()
        if let weak = laterWeak.take(0) { try insertCandidates(weak, pids: pids) }
        if !conflicts.isEmpty {
            var pidOf: [ValueHash: String] = [:]
            for i in 0..<persons.count { pidOf[persons.anchors[i]] = Vault.personIDText(pids[i]) }
            for c in conflicts.sorted(by: { $0.value < $1.value }) {
                let list = Set(c.anchors.compactMap { pidOf[$0] }).sorted().joined(separator: ",")
                try db.execute(sql: "INSERT INTO conflict(kind, value_id, persons, pids) VALUES('shared_identifier', ?, ?, ?)",
                               arguments: [rowIDs[Int(c.value)], c.anchors.count, list])
            }
        }
        try db.execute(sql: "INSERT INTO meta(key, value) VALUES('resolved', '1') ON CONFLICT(key) DO UPDATE SET value = '1'")
        clock.lap("conflicts")
    }

    /// A phone or an e-mail on `senderRecords` records of one document or more, beside more than
    /// `Households.householdLimit` different phones, e-mails or national IDs there: the
    /// document's sender's (an SMS gateway's log, `From` `+358461399547` beside each recipient's
    /// `To`; a shop's line on each order). No person has that many numbers of their own. It is
    /// no one's: taken from every record, as a staff member's is. Value indices.
    static func sendersLines(_ recs: RecordTable, kinds: [UInt16]) -> [Int32] {
        let email = UInt16(IdentifierType.email.code), phone = UInt16(IdentifierType.phone.code)
        func isContact(_ kind: UInt16) -> Bool { kind == email || kind == phone }
        func isOther(_ kind: UInt16) -> Bool { isContact(kind) || kind < 64 && (IdentifierType(code: UInt8(kind))?.isNational ?? false) }
        // Candidates first: values on `senderRecords` records anywhere (one pass, no map).
        var total = [Int32](repeating: 0, count: kinds.count)
        for v in recs.values where isContact(kinds[Int(v)]) { total[Int(v)] &+= 1 }
        guard total.contains(where: { $0 >= senderRecords }) else { return [] }
        struct Seen { var records = 0; var others: Set<Int32> = [] }
        var seen: [Int64: [Int32: Seen]] = [:]   // document → value → its records and the values beside it
        for i in 0..<recs.count {
            let range = recs.valueRange(i)
            for k in range where total[Int(recs.values[k])] >= senderRecords {
                let v = recs.values[k], d = recs.documents[i]
                var entry = seen[d]?[v] ?? Seen()
                entry.records += 1
                for j in range where entry.others.count <= Households.householdLimit {
                    let w = recs.values[j]
                    if w != v && total[Int(w)] < senderRecords && isOther(kinds[Int(w)]) { entry.others.insert(w) }
                }
                seen[d, default: [:]][v] = entry
            }
        }
        var lines: [Int32] = []
        for values in seen.values {
            for (v, s) in values where s.records >= Int(senderRecords) && s.others.count > Households.householdLimit { lines.append(v) }
        }
        return Array(Set(lines)).sorted()
    }

    /// Records of one document a sender's line is on, at least (`sendersLines`).
    static let senderRecords: Int32 = 16

    /// IBANs on three records of a document or more, and on at least half of them (a bank
    /// statement's own account, `Kliendi konto` on each row, whose payments for someone else
    /// make records of their own): the statement's holder's, joining none of its rows.
    /// By value index; empty when there are none.
    static func ownAccounts(_ recs: RecordTable, kinds: [UInt16]) -> [Bool] {
        let iban = ValueKind.element(.iban).rawValue
        var onRecords: [Int64: [Int32: Int]] = [:]   // document → IBAN → records
        for i in 0..<recs.count {
            for k in recs.valueRange(i) where kinds[Int(recs.values[k])] == iban {
                onRecords[recs.documents[i], default: [:]][recs.values[k], default: 0] += 1
            }
        }
        guard !onRecords.isEmpty else { return [] }
        var perDocument: [Int64: Int] = [:]
        for d in recs.documents where onRecords[d] != nil { perDocument[d, default: 0] += 1 }
        var own: [Bool] = []
        for (document, accounts) in onRecords {
            let n = perDocument[document] ?? 0
            for (v, count) in accounts where count >= 3 && count * 2 >= n {
                if own.isEmpty { own = [Bool](repeating: false, count: kinds.count) }
                own[Int(v)] = true
            }
        }
        return own
    }

    /// Sorts rows by (key, person): a counting sort on the keys' top 16 bits (the keys are MACs,
    /// evenly spread), then each small bucket on its own.
    static func sortRows(_ rows: inout [(key: UInt64, person: Int32)]) {
        guard rows.count > 1 else { return }
        var starts = [Int](repeating: 0, count: 65537)
        for r in rows { starts[Int(r.key >> 48) + 1] += 1 }
        for b in 0..<65536 { starts[b + 1] += starts[b] }
        var out = rows
        var next = starts
        for r in rows {
            let b = Int(r.key >> 48)
            out[next[b]] = r
            next[b] += 1
        }
        for b in 0..<65536 where starts[b + 1] - starts[b] > 1 {
            out[starts[b]..<starts[b + 1]].sort { $0.key != $1.key ? $0.key < $1.key : $0.person < $1.person }
        }
        rows = out
    }

    /// Person ids for anchors as 64-bit keys, computed on all cores (one keyed hash each): the
    /// first 8 bytes of `Vault.personID`'s MAC, so ordering keys orders the ids.
    static func personKeys(_ anchors: [ValueHash], vault: Vault) -> [UInt64] {
        let n = anchors.count
        let parts = max(1, min(ProcessInfo.processInfo.activeProcessorCount, n / 10_000))
        let out = SharedBuffer<UInt64>(count: n, zero: 0)
        DispatchQueue.concurrentPerform(iterations: parts) { part in
            let lo = n * part / parts, hi = n * (part + 1) / parts
            for i in lo..<hi { out.set(i, vault.personKey(anchor: anchors[i])) }
        }
        return out.values
    }

    /// The language of each national ID's country (`ee_isikukood` → et).
    static let countryLanguages: [IdentifierType: String] = [
        .eeIsikukood: "et", .ltAsmensKodas: "lt", .lvPersonasKods: "lv", .fiHetu: "fi", .sePersonnummer: "sv",
        .noFodselsnummer: "no", .dkCpr: "da", .plPesel: "pl", .usSsn: "en", .ukNhsNumber: "en",
    ]
}

/// Row id → dense index, as a flat array (value ids are small and nearly contiguous).
struct DenseIndex {
    private var slots: [Int32] = []
    /// Makes room for ids below `end` at once (the resolver knows the highest id).
    mutating func reserve(upTo end: Int64) {
        if Int(end) > slots.count { slots.append(contentsOf: repeatElement(-1, count: Int(end) - slots.count)) }
    }
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

    /// The index without its array: a loop over a million records retains and releases nothing
    /// per record (and threads sharing one array would make its reference count bounce between
    /// the cores).
    struct View: @unchecked Sendable {
        fileprivate let slots: UnsafeBufferPointer<Int32>
        subscript(_ id: Int64) -> Int32? {
            let i = Int(id)
            guard i >= 0, i < slots.count, slots[i] >= 0 else { return nil }
            return slots[i]
        }
    }

    func withView<R>(_ body: (View) throws -> R) rethrows -> R {
        try slots.withUnsafeBufferPointer { try body(View(slots: $0)) }
    }
}

/// Slots written by disjoint ranges of `concurrentPerform` iterations (own allocation, so no
/// pointer escapes from an array).
final class SharedBuffer<Element: BitwiseCopyable>: @unchecked Sendable {
    let count: Int
    let base: UnsafeMutablePointer<Element>
    init(count: Int, zero: Element) {
        self.count = count
        base = .allocate(capacity: max(count, 1))
        base.initialize(repeating: zero, count: count)
    }
    deinit { base.deallocate() }
    @inline(__always) func set(_ i: Int, _ v: Element) { base[i] = v }
    var values: [Element] { Array(UnsafeBufferPointer(start: base, count: count)) }
}

extension Array where Element: Equatable {
    /// Drops repeated neighbours, in place (on a sorted array: keeps each value once).
    mutating func removeRepeatedNeighbours() {
        guard count > 1 else { return }
        var w = 1
        for r in 1..<count where self[r] != self[w - 1] {
            self[w] = self[r]
            w += 1
        }
        removeLast(count - w)
    }
}
