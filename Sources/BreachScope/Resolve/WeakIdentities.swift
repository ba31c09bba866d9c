/// Weak identities (issue #4): persons the strong identifiers kept apart who share a name and a
/// date of birth, a postal address or a phone number. Each pair becomes a *candidate* merge with a
/// score and its evidence; nothing merges unless a reviewer accepts it (`review accept`).
///
/// Pairs whose persons hold different national IDs of one scheme are certainly different people
/// (a parent and a child of the same name at one address) and are never proposed. Very common
/// keys (more than `maxGroup` persons share a name and an address: a care home, a default value)
/// give no candidates — they are not evidence of anything.
enum WeakIdentities {
    struct Candidate: Equatable {
        var a: Int32
        var b: Int32
        /// Stable across re-scans: derived from the two persons' anchors.
        var key: String
        var score: Double
        /// `name+date_of_birth,name+postal_address`.
        var evidence: String
    }

    static let maxGroup = 8
    /// Evidence kinds, their names and how much each says on its own.
    static let kinds: [(name: String, score: Double)] = [
        ("name+date_of_birth", 0.9), ("name+postal_address", 0.7), ("name+phone", 0.8),
    ]

    static func find(persons: PersonTable, recs: RecordTable, kinds valueKinds: [UInt16], hashes: [ValueHash],
                     vault: Vault) -> [Candidate] {
        let name = ValueKind.element(.name).rawValue, dob = ValueKind.element(.dateOfBirth).rawValue
        let address = ValueKind.element(.postalAddress).rawValue, phone = ValueKind.identifier(.phone).rawValue
        // (tag, name value, other value) → person, as sortable keys: no dictionary of millions.
        struct Entry: Comparable {
            var key: UInt64
            var tag: UInt8
            var person: Int32
            static func < (a: Entry, b: Entry) -> Bool { (a.tag, a.key, a.person) < (b.tag, b.key, b.person) }
        }
        var entries: [Entry] = []
        let weakAddress = ValueKind.weakNameAddress.rawValue, weakBirth = ValueKind.weakNameBirth.rawValue
        var names: [Int32] = [], others: [(UInt8, Int32)] = [], weak: [(UInt8, Int32)] = []
        let values = recs.values
        for pi in 0..<persons.count {
            names.clear()
            others.clear()
            weak.clear()
            // A phone is a strong identifier: two persons share one only when a national-ID
            // conflict split their component, so name + phone is looked at for those only
            // (on a million-person table the phone entries were most of the sort).
            let phones = persons.flags[pi] & StoredPerson.inConflict != 0
            // Tiny arrays, de-duplicated by a linear check: no set allocations per person.
            for ri in persons.recordRange(pi) {
                for k in recs.valueRange(Int(persons.records[ri])) {
                    let v = values[k]
                    switch valueKinds[Int(v)] {
                    case name: if !names.contains(v) { names.append(v) }
                    case dob: if !others.contains(where: { $0 == (0, v) }) { others.append((0, v)) }
                    case address: if !others.contains(where: { $0 == (1, v) }) { others.append((1, v)) }
                    case phone: if phones && !others.contains(where: { $0 == (2, v) }) { others.append((2, v)) }
                    case weakBirth: if !weak.contains(where: { $0 == (0, v) }) { weak.append((0, v)) }
                    case weakAddress: if !weak.contains(where: { $0 == (1, v) }) { weak.append((1, v)) }
                    default: break
                    }
                }
            }
            for n in names {
                for (tag, o) in others {
                    entries.append(Entry(key: UInt64(UInt32(bitPattern: n)) << 32 | UInt64(UInt32(bitPattern: o)), tag: tag, person: Int32(pi)))
                }
            }
            // A weak key is a name and an address (or birth date) compared case-, order- and
            // punctuation-blind: the same evidence as the values themselves, written differently.
            for (tag, w) in weak {
                entries.append(Entry(key: UInt64(UInt32.max) << 32 | UInt64(UInt32(bitPattern: w)), tag: tag, person: Int32(pi)))
            }
        }
        guard !entries.isEmpty else { return [] }
        entries.sort()
        var pairs: [UInt64: UInt8] = [:]   // a << 32 | b → evidence bits
        var i = 0
        while i < entries.count {
            var j = i + 1
            while j < entries.count && entries[j].key == entries[i].key && entries[j].tag == entries[i].tag { j += 1 }
            var group: [Int32] = []
            for k in i..<j where group.last != entries[k].person { group.append(entries[k].person) }
            if group.count >= 2 && group.count <= maxGroup {
                for x in 0..<group.count { for y in (x + 1)..<group.count {
                    pairs[UInt64(UInt32(group[x])) << 32 | UInt64(UInt32(group[y])), default: 0] |= 1 << entries[i].tag
                } }
            }
            i = j
        }
        // National IDs per person, only for persons in a pair.
        func nationals(_ p: Int32) -> [UInt16: Set<ValueHash>] {
            var out: [UInt16: Set<ValueHash>] = [:]
            for ri in persons.recordRange(Int(p)) {
                for v in recs.values[recs.valueRange(Int(persons.records[ri]))] {
                    let k = valueKinds[Int(v)]
                    if k < 64, IdentifierType(code: UInt8(k))?.isNational == true { out[k, default: []].insert(hashes[Int(v)]) }
                }
            }
            return out
        }
        var out: [Candidate] = []
        for (pair, bits) in pairs {
            let a = Int32(pair >> 32), b = Int32(truncatingIfNeeded: pair & 0xFFFF_FFFF)
            let na = nationals(a), nb = nationals(b)
            if na.contains(where: { k, set in nb[k].map { $0.isDisjoint(with: set) } ?? false }) { continue }
            var miss = 1.0
            var evidence: [String] = []
            for (t, kind) in kinds.enumerated() where bits & (1 << t) != 0 {
                miss *= 1 - kind.score
                evidence.append(kind.name)
            }
            let (lo, hi) = persons.anchors[Int(a)] < persons.anchors[Int(b)] ? (a, b) : (b, a)
            let key = "c" + String(Hex.encode(vault.hash(label: "candidate",
                Hex.encode(persons.anchors[Int(lo)].bytes) + ":" + Hex.encode(persons.anchors[Int(hi)].bytes)).bytes).prefix(12))
            out.append(Candidate(a: lo, b: hi, key: key, score: ((1 - miss) * 1000).rounded() / 1000,
                                 evidence: evidence.joined(separator: ",")))
        }
        out.sort { $0.key < $1.key }
        return out
    }
}
