import Testing
@testable import BreachScope

/// The two rules a household split rests on: which phones are fixed lines (by each country's
/// plan), and when two names can be one person's.
@Suite struct HouseholdsTests {
    @Test(arguments: [
        ("+35896558066", true), ("+358131311430", true), ("+358401234567", false), ("+358501234567", false),   // FI
        ("+3726123456", true), ("+37251234567", false),                                                        // EE
        ("+37167123456", true), ("+37121234567", false),                                                       // LV
        ("+37052123456", true), ("+37061234567", false),                                                       // LT
        ("+46812345678", true), ("+46701234567", false),                                                       // SE
        ("+4722123456", true), ("+4791234567", false),                                                         // NO
        ("+48221234567", true), ("+48501234567", false),                                                       // PL
        ("+49301234567", true), ("+491511234567", false),                                                      // DE
        ("+442071234567", true), ("+447700900123", false),                                                     // GB
        ("+4532123456", false), ("+12025550142", false),                                                       // DK, NANP: cannot tell
        ("+372512", false), ("not a phone", false),
    ] as [(String, Bool)])
    func fixedLines(_ e164: String, _ fixed: Bool) {
        #expect(PhonePlans.isFixedLine(Array(e164.utf8)) == fixed, "\(e164)")
    }

    @Test(arguments: [
        ("Marjatta Virtanen", "Virtanen Marjatta", true), ("Marjatta Virtanen", "M. Virtanen", true),
        ("MARJATTA VIRTANEN", "marjatta virtanen", true), ("Henrik Sjöberg", "Kristina Sjöberg", false),
        ("Henrik Sjöberg", "Sjöberg", false), ("M. Virtanen", "K. Virtanen", false),
        // A middle name left out (a route sheet's `SURNAME Given` against the register's full name).
        ("Anna Maria Kask", "Anna Kask", true), ("SÖDERLUND Margareta", "Margareta Sofia Söderlund", true),
        ("Henrik Sjöberg", "Kristina Maria Sjöberg", false), ("Anna Maria Kask", "Maria Liisa Kask", false),
        ("Ö. Sjöberg", "Örjan Sjöberg", true), ("Ä. Sjöberg", "Örjan Sjöberg", false),
    ] as [(String, String, Bool)])
    func namesAgree(_ a: String, _ b: String, _ same: Bool) {
        let x = Households.nameWords(Array(a.utf8)), y = Households.nameWords(Array(b.utf8))
        #expect(Households.agree(x, y) == same && Households.agree(y, x) == same, "\(a) / \(b)")
    }

    /// A split on plain arrays: record r has the values `records[r]`; values 0..<names.count are
    /// names, then fixed lines, then e-mails (kinds from `ValueKind`).
    func split(names: [String], lines: Int, emails: Int, _ records: [[Int32]]) throws -> Households.Split? {
        let phoneBase = Int32(names.count), emailBase = phoneBase + Int32(lines)
        var kinds = [UInt16](repeating: ValueKind.element(.name).rawValue, count: names.count)
        kinds += [UInt16](repeating: ValueKind.identifier(.phone).rawValue, count: lines)
        kinds += [UInt16](repeating: ValueKind.identifier(.email).rawValue, count: emails)
        return try Households.split(
            members: ArraySlice((0..<Int32(records.count)).map { $0 }), values: { ArraySlice(records[Int($0)]) }, kinds: kinds,
            links: { $0 >= phoneBase }, isNational: { _ in false },
            plaintext: { v in v < phoneBase ? Array(names[Int(v)].utf8) : v < emailBase ? Array("+35896558\(String(format: "%03d", Int(v)))".utf8) : nil })
    }

    /// Spouses on one line are two persons; the nameless row with the line is under both; an
    /// initial and a reordered name stay with their person; a shared e-mail joins whatever the names.
    @Test func spousesSplitAndVariantsStay() throws {
        let names = ["Henrik Sjöberg", "Kristina Sjöberg", "Sjöberg Henrik", "H. Sjöberg"]
        let line: Int32 = 4, email: Int32 = 5
        let s = try #require(try split(names: names, lines: 1, emails: 1, [[0, line], [1, line], [2, line], [3, line], [line]]))
        #expect(Set(s.groups.map { Set($0) }) == [[0, 2, 3, 4], [1, 4]])
        #expect(Set(s.own.map { Set($0) }) == [[0, 2, 3], [1]])
        #expect(s.lines == [line])
        // The same two names sharing an e-mail as well: one person, as before.
        #expect(try split(names: names, lines: 1, emails: 1, [[0, line, email], [1, line, email]]) == nil)
        // Names that agree: nothing to split.
        #expect(try split(names: names, lines: 1, emails: 1, [[0, line], [2, line], [3, line]]) == nil)
    }

    /// A family's inbox shared by the members' accounts (`thebrownfamily90@`): one person per
    /// name, the bounce with only the inbox under each; an inbox that does not say it is
    /// shared joins whatever the names (one person signs up as `Bill` and as `William`).
    @Test func aFamilysInboxIsSplitLikeALine() throws {
        let names = ["Kevin Brown", "Karen Brown", "Brown, Kevin J.", "Bill Moore", "William Moore"]
        let family: Int32 = 5, plain: Int32 = 6
        let inboxes: [Int32: String] = [family: "thebrownfamily90@mail.test", plain: "bill.moore@example.com"]
        func run(_ records: [[Int32]]) throws -> Households.Split? {
            var kinds = [UInt16](repeating: ValueKind.element(.name).rawValue, count: names.count)
            kinds += [UInt16](repeating: ValueKind.identifier(.email).rawValue, count: 2)
            return try Households.split(
                members: ArraySlice((0..<Int32(records.count)).map { $0 }), values: { ArraySlice(records[Int($0)]) }, kinds: kinds,
                links: { $0 >= Int32(names.count) }, isNational: { _ in false },
                plaintext: { v in v < Int32(names.count) ? Array(names[Int(v)].utf8) : inboxes[v].map { Array($0.utf8) } })
        }
        let s = try #require(try run([[0, family], [1, family], [2, family], [family]]))
        #expect(Set(s.groups.map { Set($0) }) == [[0, 2, 3], [1, 3]])
        #expect(s.lines == [family])
        #expect(try run([[3, plain], [4, plain]]) == nil)
        for (mail, shared) in [("thebrownfamily90@mail.test", true), ("Familie.Mueller@example.de", true), ("perhe.virtanen@example.fi", true),
                               ("kevin.brown@example.com", false), ("info@family.example", false)] {
            #expect(Households.isFamilyInbox(Array(mail.utf8)) == shared, "\(mail)")
        }
    }

    /// A bank account (IBAN) two records share joins them when their names agree (a direct
    /// debit's months); a joint account's holders of different names are two persons, as a
    /// line's are; no plaintext of the account is needed.
    @Test func aSharedBankAccountJoinsOnlyAgreeingNames() throws {
        let names = ["Eino Eero Ylönen", "EINO EERO YLÖNEN", "Aino Ylönen"]
        let iban: Int32 = 3
        func run(_ records: [[Int32]]) throws -> Households.Split? {
            var kinds = [UInt16](repeating: ValueKind.element(.name).rawValue, count: names.count)
            kinds.append(ValueKind.element(.iban).rawValue)
            return try Households.split(
                members: ArraySlice((0..<Int32(records.count)).map { $0 }), values: { ArraySlice(records[Int($0)]) }, kinds: kinds,
                links: { $0 >= Int32(names.count) }, isNational: { _ in false },
                plaintext: { v in v < Int32(names.count) ? Array(names[Int(v)].utf8) : nil })
        }
        #expect(try run([[0, iban], [1, iban]]) == nil)
        let s = try #require(try run([[0, iban], [1, iban], [2, iban]]))
        #expect(Set(s.groups.map { Set($0) }) == [[0, 1], [2]])
        #expect(s.lines == [iban])
    }

    /// An address on many records whose names are many persons' (a help desk's `rxhelp@` in
    /// each forwarded mail, an audit log's service account): each name is a person of its own.
    /// A person's own address on as many records under two names that do not agree (`Bill` and
    /// `William`) stays one person's.
    @Test func anAddressManyPersonsShareIsAHub() throws {
        let n = 20
        let names = (0..<n).map { "Etu\($0) Suku\($0)" } + ["Bill Moore", "William Moore"]
        let hub = Int32(names.count)
        let s = try #require(try split(names: names, lines: 0, emails: 1, (0..<Int32(n)).map { [$0, hub] } + [[hub]]))
        #expect(s.groups.count == n + 1)   // each name, and the row with only the address apart
        #expect(s.lines == [hub])
        let own = (0..<Int32(Households.hubRecords)).map { [Int32(n) + $0 % 2, hub] }
        #expect(try split(names: names, lines: 0, emails: 1, own) == nil)
        // Fewer records than a hub's: an address shared as a person's is.
        #expect(try split(names: names, lines: 0, emails: 1, (0..<Int32(9)).map { [$0, hub] }) == nil)
    }

    /// A line a whole table shares (a switchboard's): every name is its own person, found by
    /// tables and not pairs (pairs would be 36M name comparisons here), and rows with only the
    /// line are listed under nobody in particular.
    @Test func aLineThousandsShareIsSplitQuickly() throws {
        let n = 6_000
        let names = (0..<n).map { "Etu\($0) Suku\($0 % 97)" } + ["M. Suku1"]
        let line = Int32(names.count)
        var records = (0..<Int32(names.count)).map { [$0, line] }
        records += (0..<50).map { _ in [line] }
        let s = try #require(try split(names: names, lines: 1, emails: 0, records))
        #expect(s.groups.count == n + 2)   // each name, the initial (agrees with no full name), the 50 rows together
        #expect(s.groups.last?.count == 50)
    }
}
