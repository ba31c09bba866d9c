/// Spouses who share a fixed-line phone are two persons.
///
/// A phone is a strong identifier: records that share one are one person (issue #2). A fixed
/// line is the exception a household makes: two spouses (or a parent and a grown child) give
/// the same landline and address on their orders and deliveries, with their own names. So in a
/// component whose records carry names that do not agree and that are joined only through a
/// fixed line, the line joins only the records whose names agree:
/// 1. The component's records are joined again without its fixed lines (a shared mobile, e-mail,
///    national ID or link key still joins, whatever the names).
/// 2. Parts with a name of two words or more are joined through a fixed line when their names
///    agree: the same words in any order and case, an initial standing for a word
///    (`M. Tamm` ~ `Mari Tamm`). A part with a national ID and no such name is a person of its
///    own: the line does not tell whose the ID is.
/// 3. Other parts (an order row with only the line, a surname alone) are listed under each
///    person they share a line with, as a family's shared inbox is; the line is recorded as a
///    conflict between those persons.
/// Only components with more than one record and two name values that disagree are looked at
/// (their names and phones are unsealed in memory, nothing is written), so a table of one
/// record per person costs nothing. Where a plan does not tell fixed lines from mobiles
/// (Denmark, North America) a phone stays strong.
///
/// A bank account (IBAN) is such a line too: a joint account's holders, the organisation's own
/// account printed on every customer's invoice. So is a hub: an e-mail or phone on `hubRecords`
/// records or more whose names make more than `householdLimit` persons (a help desk's address in
/// every forwarded mail, an audit log's service account), whatever it looks like.
///
/// A family's inbox is such a line too: an e-mail whose local part says it is a family's or a
/// household's (`thebrownfamily90@`, `familie.mueller@`, `perhe.virtanen@`), shared by the
/// members' accounts, each with their own name. Other e-mails stay strong: the same person
/// signs up as `Bill` and as `William`, and nothing in `bill.brown@` says it is shared.
enum Households {
    static let nameKind = ValueKind.element(.name).rawValue
    /// The most persons a household line is listed under (beyond: a switchboard, a shop's).
    static let householdLimit = 8
    /// Records an e-mail or phone must be on to be tried as a hub's line (`split`).
    static let hubRecords = 16
    /// The most name comparisons for parts with initials or several names in one component.
    static let maxComparisons = 4_000_000
    static let phoneKind = ValueKind.identifier(.phone).rawValue
    static let emailKind = ValueKind.identifier(.email).rawValue
    static let ibanKind = ValueKind.element(.iban).rawValue
    /// Words of a family's or household's inbox (ASCII, lower case), anywhere in the local part.
    static let familyWords: [[UInt8]] = [
        "family", "familie", "familj", "familia", "famille", "famiglia", "household", "perhe", "perekond", "rodzina",
        "hushall", "husstand", "seima", "gimene", "semya", "semja",
    ].map { Array($0.utf8) }

    /// Whether an e-mail address's local part names a family or a household.
    static func isFamilyInbox(_ email: [UInt8]) -> Bool {
        guard let at = email.firstIndex(of: UInt8(ascii: "@")), at >= 5 else { return false }
        let local = email[..<at].map { ASCII.lower($0) }
        return familyWords.contains { CategoryMatcher.contains(local, $0) }
    }

    struct Split {
        /// Records of each person (ascending, a nameless part may be in several).
        var groups: [[Int32]]
        /// Each person's own records (its named or national-ID parts, without the parts listed
        /// under several persons): its anchor comes from these.
        var own: [[Int32]]
        /// The fixed lines the split did not follow.
        var lines: [Int32]
    }

    /// The persons of one component (`members`, ascending record indices), or nil when it stays
    /// one person. `plaintext` unseals a value (names and phones only).
    static func split(members: ArraySlice<Int32>, values: (Int32) -> ArraySlice<Int32>, kinds: [UInt16],
                      links: (Int32) -> Bool, isNational: (Int32) -> Bool, plaintext: (Int32) throws -> [UInt8]?) throws -> Split? {
        // 1. Names that disagree.
        var names: [Int32] = [], seenNames = Set<Int32>()
        for m in members { for v in values(m) where kinds[Int(v)] == nameKind && seenNames.insert(v).inserted { names.append(v) } }
        guard names.count > 1 else { return nil }
        var words: [Int32: [[UInt8]]] = [:]
        for v in names { words[v] = nameWords(try plaintext(v) ?? []) }
        var disagree = false
        outer: for a in 0..<names.count { for b in (a + 1)..<names.count where !agree(words[names[a]]!, words[names[b]]!) { disagree = true; break outer } }
        guard disagree else { return nil }
        // 2. Fixed lines, family inboxes and bank accounts shared by two records or more.
        var sharedRecords: [Int32: Int] = [:]
        for m in members {
            for v in Set(values(m)) where kinds[Int(v)] == phoneKind || kinds[Int(v)] == emailKind || kinds[Int(v)] == ibanKind {
                sharedRecords[v, default: 0] += 1
            }
        }
        var lines = Set<Int32>()
        for (v, n) in sharedRecords where n > 1 {
            // A bank account shared by records whose names disagree: a joint account's, or the
            // organisation's own on every invoice.
            if kinds[Int(v)] == ibanKind { lines.insert(v); continue }
            guard let p = try plaintext(v) else { continue }
            if kinds[Int(v)] == phoneKind ? PhonePlans.isFixedLine(p) : isFamilyInbox(p) { lines.insert(v) }
        }
        // Addresses and phones many records share, whatever they look like (a help desk's
        // `rxhelp@`, an audit log's service account, a switchboard): tried as lines, kept as lines
        // when more than `householdLimit` persons of agreeing names are on one (a person's own
        // address on many rows carries one name, or a nickname's few).
        var hubs = Set<Int32>()
        for (v, n) in sharedRecords where n >= hubRecords && !lines.contains(v) && kinds[Int(v)] != ibanKind { hubs.insert(v) }
        guard !lines.isEmpty || !hubs.isEmpty else { return nil }
        if !hubs.isEmpty {
            let trial = try partition(lines.union(hubs))
            let kept = hubs.filter { (trial.persons[$0] ?? 0) > householdLimit }
            if kept.count == hubs.count { return trial.split }
            lines.formUnion(kept)
            guard !lines.isEmpty else { return nil }
        }
        return try partition(lines).split

        /// Steps 3–5 with these lines: the split, and how many persons are on each line.
        func partition(_ lines: Set<Int32>) throws -> (split: Split?, persons: [Int32: Int]) {
            // 3. Parts: the records joined without the lines.
            let ms = Array(members)
            let parts = joinedParts(ms, values: values, links: links, without: lines)
            guard parts.count > 1 else { return (nil, [:]) }
            // Each part's full names (two words or more) and fixed lines.
            var partNames: [[Int32]] = [], partLines: [Set<Int32>] = [], seeds: [Bool] = []
            for part in parts {
                var ns: [Int32] = [], ls = Set<Int32>(), national = false
                for i in part {
                    for v in values(ms[i]) {
                        if kinds[Int(v)] == nameKind && words[v]!.count >= 2 && !ns.contains(v) { ns.append(v) }
                        if lines.contains(v) { ls.insert(v) }
                        if isNational(v) { national = true }
                    }
                }
                partNames.append(ns); partLines.append(ls); seeds.append(!ns.isEmpty || national)
            }
            /// The persons (named groups of parts) on each line.
            func groupsOn(_ groups: [[Int]]) -> [Int32: Set<Int>] {
                var on: [Int32: Set<Int>] = [:]
                for (k, g) in groups.enumerated() { for a in g { for l in partLines[a] { on[l, default: []].insert(k) } } }
                return on
            }
            // 4. Named parts joined through a line when their names agree.
            var group = Array(0..<parts.count)
            func root(_ i: Int) -> Int {
                var i = i
                while group[i] != i { group[i] = group[group[i]]; i = group[i] }
                return i
            }
            func join(_ a: Int, _ b: Int) { let (x, y) = (root(a), root(b)); if x != y { group[max(x, y)] = min(x, y) } }
            /// Both parts have full names, and every one of each agrees with every one of the other.
            func namesAgree(_ a: Int, _ b: Int) -> Bool {
                !partNames[a].isEmpty && !partNames[b].isEmpty
                    && partNames[a].allSatisfy { x in partNames[b].allSatisfy { y in agree(words[x]!, words[y]!) } }
            }
            /// A part's one full name of two words without initials, as one string of words; nil
            /// otherwise (such a part agrees with another of two words exactly when their forms are
            /// equal; longer names are compared word by word, a middle name may be left out).
            func plainForm(_ a: Int) -> [UInt8]? {
                guard partNames[a].count == 1, let w = words[partNames[a][0]], w.count == 2, !w.contains(where: isInitial) else { return nil }
                return Array(w.joined(separator: [0x20]))
            }
            let named = (0..<parts.count).filter { seeds[$0] }
            // 4a. The same plain name on the same line: by a table, not a walk over pairs (a line
            // a whole customer table shares, a switchboard's, makes thousands of parts).
            var byLineForm: [Int32: [[UInt8]: Int]] = [:]
            var onLine: [Int32: [Int]] = [:]
            var complex: [Int] = []
            for a in named {
                let f = plainForm(a)
                if f == nil && !partNames[a].isEmpty { complex.append(a) }
                for l in partLines[a] {
                    onLine[l, default: []].append(a)
                    if let f { if let b = byLineForm[l]?[f] { join(a, b) } else { byLineForm[l, default: [:]][f] = a } }
                }
            }
            // 4b. Parts with an initial or several names, against the parts on their lines (bounded:
            // past it, only equal names join).
            let comparisons = complex.reduce(0) { n, a in n + partLines[a].reduce(0) { $0 + (onLine[$1]?.count ?? 0) } }
            if comparisons <= Self.maxComparisons {
                for a in complex { for l in partLines[a] { for b in onLine[l] ?? [] where b != a && namesAgree(a, b) { join(a, b) } } }
            }
            var groupOf: [Int: Int] = [:]
            var groups: [[Int]] = []   // parts of each person
            for a in named {
                let r = root(a)
                if let k = groupOf[r] { groups[k].append(a) } else { groupOf[r] = groups.count; groups.append([a]) }
            }
            guard groups.count > 1 else { return (nil, groupsOn(groups).mapValues(\.count)) }
            let own = groups.map { g in g.flatMap { parts[$0].map { ms[$0] } }.sorted() }
            // 5. Other parts: under each person they share a line with (a household's few: a line
            // more than `householdLimit` persons share is no household's, and a row with only that
            // line is nobody's in particular), else together.
            let groupsOnLine = groupsOn(groups)
            let counts = groupsOnLine.mapValues(\.count)
            var orphans: [Int] = []
            for a in 0..<parts.count where !seeds[a] {
                var ks = Set<Int>()
                for l in partLines[a] { if let g = groupsOnLine[l], g.count <= Self.householdLimit { ks.formUnion(g) } }
                if ks.isEmpty { orphans.append(a) } else { for k in ks { groups[k].append(a) } }
            }
            let records = groups.map { g in g.flatMap { parts[$0].map { ms[$0] } }.sorted() }
            let orphanRecords = orphans.flatMap { parts[$0].map { ms[$0] } }.sorted()
            return (Split(groups: records + (orphans.isEmpty ? [] : [orphanRecords]), own: own + (orphans.isEmpty ? [] : [orphanRecords]),
                          lines: lines.sorted()), counts)
        }
    }

    /// The records `ms` joined through their linking values but those in `without`: each part's
    /// indices into `ms`, ascending, the parts in the order of their first record.
    static func joinedParts(_ ms: [Int32], values: (Int32) -> ArraySlice<Int32>, links: (Int32) -> Bool,
                            without: Set<Int32>) -> [[Int]] {
        var parent = Array(0..<ms.count)
        func find(_ i: Int) -> Int {
            var i = i
            while parent[i] != i { parent[i] = parent[parent[i]]; i = parent[i] }
            return i
        }
        var firstWith: [Int32: Int] = [:]
        for (i, m) in ms.enumerated() {
            for v in values(m) where links(v) && !without.contains(v) {
                if let j = firstWith[v] { let (a, b) = (find(i), find(j)); if a != b { parent[max(a, b)] = min(a, b) } } else { firstWith[v] = i }
            }
        }
        var partIndex: [Int: Int] = [:]
        var parts: [[Int]] = []
        for i in 0..<ms.count {
            let r = find(i)
            if let k = partIndex[r] { parts[k].append(i) } else { partIndex[r] = parts.count; parts.append([i]) }
        }
        return parts
    }

    /// A name's words, lower-cased, without dots, in order (`M. Tamm` → `m`, `tamm`).
    static func nameWords(_ name: [UInt8]) -> [[UInt8]] {
        var form: [UInt8] = []
        name.withUnsafeBufferPointer { WeakKey.nameForm($0, into: &form) }
        return form.split(separator: 0x20).map { Array($0.filter { $0 != UInt8(ascii: ".") }) }.filter { !$0.isEmpty }
    }

    /// Whether two names (their words) can be one person's: as many words, each equal to its
    /// counterpart or an initial of it (the words of each name are in sorted order); or a name
    /// of two words or more whose every word is one of the other's (a middle name left out:
    /// `SÖDERLUND Margareta` on a route sheet, `Margareta Sofia Söderlund` in the register).
    static func agree(_ a: [[UInt8]], _ b: [[UInt8]]) -> Bool {
        guard a.count == b.count else {
            let (short, long) = a.count < b.count ? (a, b) : (b, a)
            guard short.count >= 2 else { return false }
            var used = [Bool](repeating: false, count: long.count)
            for x in short {
                guard let k = long.indices.first(where: { !used[$0] && (long[$0] == x
                    || (isInitial(x) && long[$0].count > x.count && long[$0].starts(with: x))) }) else { return false }
                used[k] = true
            }
            return true
        }
        for (x, y) in zip(a, b) where x != y {
            let initial = isInitial(x) ? (x, y) : isInitial(y) ? (y, x) : nil
            guard let (i, w) = initial, w.count > i.count, w.starts(with: i) else { return false }
        }
        return true
    }

    /// One letter (`m`, `ö`: one Unicode scalar).
    static func isInitial(_ word: [UInt8]) -> Bool {
        !word.isEmpty && word.count <= 4 && String(decoding: word, as: UTF8.self).unicodeScalars.count == 1
    }
}
