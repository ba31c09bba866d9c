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
    /// Evidence kinds, their names and how much each says on its own. `name_only`: the name
    /// (compared as the weak keys compare it) is carried by exactly two persons — two groups of
    /// persons, counting those the other kinds pair as one — one of them has no strong
    /// identifier and their birth dates, where both give one, agree: a refund's recipient with
    /// only an IBAN, an e-mail naming a customer by HETU whose route-sheet stops have her old
    /// address. `name_only_identified`: the same, but both groups are identified, by identifiers
    /// of different kinds (one by PESEL, the other by phone or e-mail: a lab's patient and its
    /// web shop's customer); two groups holding identifiers of one kind that differ, or postal
    /// addresses that differ, are two people. Weaker: many more persons have a strong identifier
    /// than lack one.
    static let kinds: [(name: String, score: Double)] = [
        ("name+date_of_birth", 0.9), ("name+postal_address", 0.7), ("name+phone", 0.8), ("name_only", 0.5),
        ("name_only_identified", 0.3),
    ]
    static let nameOnlyTag: UInt8 = 3
    static let nameIdentifiedTag: UInt8 = 4
    /// Words of a name whose spellings are looked for (more words: only as written).
    static let maxPermutedWords = 4
    /// Names without a strong identifier unsealed and looked for in other spellings; beyond this
    /// many (a leak of route sheets only), the rest meet only names written the same way: memory
    /// and time stay bounded (16–96 keyed hashes per name).
    static let maxSpelledNames = 20_000

    /// The name values that may give `name_only` evidence, each with the id of its compared form:
    /// the names of persons without a strong identifier (national ID, e-mail, phone), and every
    /// stored name spelled like one of them — its words in another order (`Niemi Päivi`), with a
    /// comma (`Niemi, Päivi`), in upper, lower or title case. Names are stored as written and the
    /// resolver holds their keyed hashes only, so the spellings are hashed and looked up: only the
    /// few weak persons' names are unsealed (`plaintext`, by value index). Empty when every
    /// person has a strong identifier (a customer table).
    static func nameForms(persons: PersonTable, recs: RecordTable, kinds valueKinds: [UInt16], hashes: [ValueHash], vault: Vault,
                          spelledLimit: Int = maxSpelledNames, plaintext: (Int32) throws -> [UInt8]?) rethrows -> [Int32: Int32] {
        let name = ValueKind.element(.name).rawValue
        let strong: UInt32 = 1 << UInt32(ElementType.nationalID.code) | 1 << UInt32(ElementType.email.code) | 1 << UInt32(ElementType.phone.code)
        let nameBit: UInt32 = 1 << UInt32(ElementType.name.code)
        var weakNames: Set<Int32> = []
        for pi in 0..<persons.count {
            var bits: UInt32 = 0
            for ri in persons.recordRange(pi) { bits |= recs.elements[Int(persons.records[ri])] }
            guard bits & strong == 0 && bits & nameBit != 0 else { continue }
            for ri in persons.recordRange(pi) {
                for k in recs.valueRange(Int(persons.records[ri])) where valueKinds[Int(recs.values[k])] == name {
                    weakNames.insert(recs.values[k])
                }
            }
        }
        guard !weakNames.isEmpty else { return [:] }
        var formIDs: [[UInt8]: Int32] = [:]
        var spellings: [ValueHash: Int32] = [:]
        var nextID = Int32(0)
        for (n, v) in weakNames.sorted().enumerated() {
            // Beyond the limit: the name as written, an id of its own (or the one its spelling has).
            guard n < spelledLimit, let text = try plaintext(v) else {
                if spellings[hashes[Int(v)]] == nil { spellings[hashes[Int(v)]] = nextID; nextID += 1 }
                continue
            }
            var form: [UInt8] = []
            text.withUnsafeBufferPointer { WeakKey.nameForm($0, into: &form) }
            if let known = formIDs[form] { spellings[hashes[Int(v)]] = known; continue }   // spelled already
            let id = nextID
            nextID += 1
            formIDs[form] = id
            spellings[hashes[Int(v)]] = id
            for spelling in Self.spellings(text) { spellings[vault.hash(kind: .element(.name), spelling)] = id }
        }
        var out: [Int32: Int32] = [:]
        for v in 0..<valueKinds.count where valueKinds[v] == name {
            if let id = spellings[hashes[v]] { out[Int32(v)] = id }
        }
        return out
    }

    /// The spellings of a name looked for by `nameForms`: its words (split at spaces and commas)
    /// in every order, joined by spaces and, for two words, by `, `; each as written, upper,
    /// lower and title case, and with the first or the last word in upper case and the others in
    /// title case (`NIEMI Seppo`, `Seppo NIEMI`: a surname in capitals).
    static func spellings(_ name: [UInt8]) -> [[UInt8]] {
        let words = name.split(whereSeparator: { $0 == 0x20 || $0 == 0x2C }).map(Array.init)
        guard !words.isEmpty else { return [] }
        var orders: [[[UInt8]]] = []
        if words.count > maxPermutedWords {
            orders = [words]
        } else {
            func permute(_ rest: [[UInt8]], _ done: [[UInt8]]) {
                if rest.isEmpty { orders.append(done); return }
                for i in rest.indices {
                    var r = rest
                    let w = r.remove(at: i)
                    permute(r, done + [w])
                }
            }
            permute(words, [])
        }
        var out: [[UInt8]] = []
        for o in orders {
            var joined = Array(o.joined(separator: [0x20]))
            var forms = [joined]
            if o.count == 2 {
                joined = o[0] + [0x2C, 0x20] + o[1]
                forms.append(joined)
            }
            for f in forms {
                out.append(f)
                out.append(NameDetector.lowercase(f))
                out.append(NameDetector.recased(f, upper: true))
                out.append(NameDetector.recased(f, upper: false))
            }
            if o.count >= 2 {
                let title = o.map { NameDetector.recased($0, upper: false) }
                var first = title, last = title
                first[0] = NameDetector.recased(o[0], upper: true)
                last[o.count - 1] = NameDetector.recased(o[o.count - 1], upper: true)
                out.append(Array(first.joined(separator: [0x20])))
                out.append(Array(last.joined(separator: [0x20])))
                if o.count == 2 { out.append(first[0] + [0x2C, 0x20] + first[1]) }
            }
        }
        return out
    }

    static func find(persons: PersonTable, recs: RecordTable, kinds valueKinds: [UInt16], hashes: [ValueHash],
                     vault: Vault, nameForms: [Int32: Int32] = [:]) -> [Candidate] {
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
        let weakName = ValueKind.weakName.rawValue
        var names: [Int32] = [], others: [(UInt8, Int32)] = [], weak: [(UInt8, Int32)] = []
        let values = recs.values
        let nationalID = ElementType.nationalID.code, email = ElementType.email.code, phoneCode = ElementType.phone.code
        let strongBits: UInt32 = 1 << UInt32(nationalID) | 1 << UInt32(email) | 1 << UInt32(phoneCode)
        // Persons without a strong identifier (for `name_only`), only when there are name forms.
        var isWeak: [Bool] = nameForms.isEmpty ? [] : Array(repeating: false, count: persons.count)
        var birthDates: [Int32: [Int32]] = [:]   // person → birth-date values, for those with a name form or key
        var forms: [Int32] = []
        var nameKeys: [Int32] = []
        // Identifier kinds (`IdentifierType` codes) per person with a name key, and those of
        // them with a name-and-address key.
        var identifierKinds: [Int32: UInt64] = [:]
        var addressed: Set<Int32> = []
        for pi in 0..<persons.count {
            names.clear()
            others.clear()
            weak.clear()
            forms.clear()
            nameKeys.clear()
            // A phone is a strong identifier: two persons share one only when a national-ID
            // conflict split their component, so name + phone is looked at for those only
            // (on a million-person table the phone entries were most of the sort).
            let phones = persons.flags[pi] & StoredPerson.inConflict != 0
            // Tiny arrays, de-duplicated by a linear check: no set allocations per person.
            for ri in persons.recordRange(pi) {
                for k in recs.valueRange(Int(persons.records[ri])) {
                    let v = values[k]
                    switch valueKinds[Int(v)] {
                    case name:
                        if !names.contains(v) { names.append(v) }
                        if let f = nameForms[v], !forms.contains(f) { forms.append(f) }
                    case dob: if !others.contains(where: { $0 == (0, v) }) { others.append((0, v)) }
                    case address: if !others.contains(where: { $0 == (1, v) }) { others.append((1, v)) }
                    case phone: if phones && !others.contains(where: { $0 == (2, v) }) { others.append((2, v)) }
                    case weakBirth: if !weak.contains(where: { $0 == (0, v) }) { weak.append((0, v)) }
                    case weakAddress: if !weak.contains(where: { $0 == (1, v) }) { weak.append((1, v)) }
                    case weakName: if !nameKeys.contains(v) { nameKeys.append(v) }
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
            if !forms.isEmpty || !nameKeys.isEmpty {
                let dates = others.filter { $0.0 == 0 }.map(\.1)
                if !dates.isEmpty { birthDates[Int32(pi)] = dates }
            }
            if !forms.isEmpty {
                var bits: UInt32 = 0
                for ri in persons.recordRange(pi) { bits |= recs.elements[Int(persons.records[ri])] }
                isWeak[pi] = bits & strongBits == 0
                for f in forms { entries.append(Entry(key: UInt64(UInt32(bitPattern: f)), tag: nameOnlyTag, person: Int32(pi))) }
            }
            if !nameKeys.isEmpty {
                var kindsHeld: UInt64 = 0
                for ri in persons.recordRange(pi) {
                    for k in recs.valueRange(Int(persons.records[ri])) where valueKinds[Int(values[k])] < 64 {
                        kindsHeld |= 1 << UInt64(valueKinds[Int(values[k])])
                    }
                }
                identifierKinds[Int32(pi)] = kindsHeld
                if weak.contains(where: { $0.0 == 1 }) { addressed.insert(Int32(pi)) }
                for w in nameKeys { entries.append(Entry(key: UInt64(UInt32(bitPattern: w)), tag: nameIdentifiedTag, person: Int32(pi))) }
            }
        }
        guard !entries.isEmpty else { return [] }
        entries.sort()
        var pairs: [UInt64: UInt8] = [:]   // a << 32 | b → evidence bits
        var nameGroups: [[Int32]] = [], identifiedGroups: [[Int32]] = []
        var i = 0
        while i < entries.count {
            var j = i + 1
            while j < entries.count && entries[j].key == entries[i].key && entries[j].tag == entries[i].tag { j += 1 }
            var group: [Int32] = []
            for k in i..<j where group.last != entries[k].person { group.append(entries[k].person) }
            if group.count >= 2 && group.count <= maxGroup {
                if entries[i].tag == nameOnlyTag {
                    nameGroups.append(group)
                } else if entries[i].tag == nameIdentifiedTag {
                    identifiedGroups.append(group)
                } else {
                    for x in 0..<group.count { for y in (x + 1)..<group.count {
                        pairs[UInt64(UInt32(group[x])) << 32 | UInt64(UInt32(group[y])), default: 0] |= 1 << entries[i].tag
                    } }
                }
            }
            i = j
        }
        // A name two groups of persons carry (persons the other evidence pairs count as one group):
        // one pair between the groups, its first persons, when one group has no strong identifier.
        let byName = !nameGroups.isEmpty || !identifiedGroups.isEmpty
        var joined = UnionFind(count: byName ? persons.count : 0)
        if byName {
            for pair in pairs.keys { joined.union(Int32(pair >> 32), Int32(truncatingIfNeeded: pair & 0xFFFF_FFFF)) }
        }
        for group in nameGroups {
            var roots: [(root: Int32, first: Int32, weak: Bool, dates: [Int32])] = []
            // A group's first person is the one with the smallest anchor: person indices
            // follow the order records reached the store (two workers interleave), anchors
            // do not, so the candidate (and its key, which a decision refers to) is the same
            // on every scan of the same files.
            for p in group.sorted(by: { persons.anchors[Int($0)] < persons.anchors[Int($1)] }) {
                let r = joined.find(p)
                let dates = birthDates[p] ?? []
                if let at = roots.firstIndex(where: { $0.root == r }) {
                    roots[at].weak = roots[at].weak && isWeak[Int(p)]
                    roots[at].dates += dates
                } else {
                    roots.append((r, p, isWeak[Int(p)], dates))
                }
            }
            // A group's weakness and birth dates are judged on its persons that carry the
            // name. Two groups with birth dates and none in common are two people.
            guard roots.count == 2, roots[0].weak || roots[1].weak else { continue }
            if !roots[0].dates.isEmpty && !roots[1].dates.isEmpty && !roots[0].dates.contains(where: roots[1].dates.contains) { continue }
            let a = min(roots[0].first, roots[1].first), b = max(roots[0].first, roots[1].first)
            pairs[UInt64(UInt32(a)) << 32 | UInt64(UInt32(b)), default: 0] |= 1 << nameOnlyTag
        }
        // The same for a name's key (`.weakName`) two identified groups carry, when no kind of
        // identifier is held by both: a lab's patient by PESEL, its web shop's customer by phone.
        // Both with a postal address (and so with a name-and-address key, which they do not
        // share: the groups would be one) are namesakes living apart.
        for group in identifiedGroups {
            var roots: [(root: Int32, first: Int32, kinds: UInt64, addressed: Bool, dates: [Int32])] = []
            for p in group.sorted(by: { persons.anchors[Int($0)] < persons.anchors[Int($1)] }) {
                let r = joined.find(p)
                let dates = birthDates[p] ?? [], held = identifierKinds[p] ?? 0
                if let at = roots.firstIndex(where: { $0.root == r }) {
                    roots[at].kinds |= held
                    roots[at].addressed = roots[at].addressed || addressed.contains(p)
                    roots[at].dates += dates
                } else {
                    roots.append((r, p, held, addressed.contains(p), dates))
                }
            }
            guard roots.count == 2, roots[0].kinds != 0, roots[1].kinds != 0, roots[0].kinds & roots[1].kinds == 0,
                  !(roots[0].addressed && roots[1].addressed) else { continue }
            if !roots[0].dates.isEmpty && !roots[1].dates.isEmpty && !roots[0].dates.contains(where: roots[1].dates.contains) { continue }
            let a = min(roots[0].first, roots[1].first), b = max(roots[0].first, roots[1].first)
            pairs[UInt64(UInt32(a)) << 32 | UInt64(UInt32(b)), default: 0] |= 1 << nameIdentifiedTag
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
