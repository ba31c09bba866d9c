import Foundation
import Testing
import BreachScopeTesting
@testable import BreachScope

/// All values are synthetic: IDs, phones, IBANs and cards come from `Synthetic`, names and
/// addresses are made up.
@Suite struct ColumnSamplerTests {
    /// A headerless table's name split over two columns (`WARD|Lucy`); not a sequencing index
    /// beside a constant project, a city beside its county, or lower-case codes.
    @Test func namesSplitOverTwoColumns() {
        func pair(_ rows: [(String, String)]) -> (Bool, Bool)? {
            ColumnSampler.namePair(rows.map { (Array($0.0.utf8), Array($0.1.utf8)) })
        }
        let surnames = ["WARD", "NURM", "SEMJONOVA", "KÕIV", "TAMM", "O'NEILL", "MÄGI", "SAAR-LEPP"]
        let firsts = ["Lucy", "Katrin", "Natalja", "Anu", "Jaan", "Charlotte", "Sander", "Ülle"]
        let r = pair(Array(zip(surnames, firsts)))
        #expect(r.map { [$0.0, $0.1] } == [false, true], "the capitals are the last name")
        #expect(pair(Array(zip(firsts, surnames.map { $0.capitalized }))).map { [$0.0, $0.1] } == [true, false])
        #expect(pair(["ATATCCAT", "GAACTCGT", "ATTGGGGG", "GCTAGCGA", "GTAGGCTC", "AAGTGTCC"].map { ($0, "Diagnostics") }) == nil)
        #expect(pair(Array(repeating: ("Tallinn", "Harjumaa"), count: 4) + Array(repeating: ("Tartu", "Tartumaa"), count: 4)) == nil)
        #expect(pair(Array(zip(["active", "closed", "active", "gold", "silver", "new"], firsts))) == nil)
        #expect(pair(Array(zip(surnames.prefix(4), firsts.prefix(4)))) == nil, "too few rows to tell")
        // A lab's results: each patient on two or three rows.
        let repeated = Array(zip(surnames, firsts.map { $0.uppercased() })) + Array(zip(surnames, firsts.map { $0.uppercased() })).prefix(6)
        #expect(pair(repeated.map { ($0.0, $0.1) } + [("KASK", "MARI"), ("KUUSK", "JAAN")]) != nil)
    }

    /// An address has words apart: a phone system's dial string (`PJSIP/elisa/0414961975,60`, an
    /// Asterisk call record's `lastdata`) is none.
    @Test func dialStringsAreNoAddresses() {
        #expect(ColumnSampler.isAddress(Array("Niittykatu 41, 04380 Tuusula".utf8)))
        #expect(!ColumnSampler.isAddress(Array("PJSIP/elisa/0414961975,60".utf8)))
        #expect(!ColumnSampler.isAddress(Array("SIP/trunk,30,tT".utf8)))
        // Dates with their month's name (a Notion export's `Created`).
        #expect(!ColumnSampler.isAddress(Array("September 03, 2022 04:47 PM".utf8)))
        #expect(!ColumnSampler.isAddress(Array("3 Oct 2022, 10:15".utf8)))
        #expect(ColumnSampler.isAddress(Array("12 May Street, Springfield".utf8)) == ColumnSampler.isAddress(Array("12 Elm Street, Springfield".utf8)))
    }

    /// A headerless table's dates are birth dates when they are the birth dates its national IDs
    /// encode; visit dates beside the same IDs are not.
    @Test func birthDatesBesideTheirNationalIDs() {
        let pesels = Self.ids(.plPesel, 8, seed: 7)
        let births = pesels.map { p -> String in
            let f = Array(p.utf8).withUnsafeBufferPointer { PESELDetector().match($0, at: 0, hint: .nationalID(.plPesel))! }
            let b = NationalIDs.birthDate(of: .plPesel, f.value)!
            return String(format: "%04d-%02d-%02d", b.year, b.month, b.day)
        }
        let rows = zip(births, pesels).map { (date: Optional(Array($0.0.utf8)), id: Optional(Array($0.1.utf8))) }
        #expect(ColumnSampler.isBirthDateColumn(rows, type: .plPesel))
        let visits = pesels.enumerated().map { (date: Optional(Array("2023-05-\(10 + $0.offset)".utf8)), id: Optional(Array($0.element.utf8))) }
        #expect(!ColumnSampler.isBirthDateColumn(visits, type: .plPesel))
        #expect(!ColumnSampler.isBirthDateColumn(Array(rows.prefix(4)), type: .plPesel), "too few rows to tell")
    }

    static func hint(_ values: [String]) -> FieldHint? {
        ColumnSampler.hint(forValues: values.map { Array($0.utf8) })
    }

    static func ids(_ type: IdentifierType, _ n: Int = 8, seed: UInt64 = 1) -> [String] {
        var rng = SeededRNG(seed: seed)
        return (0..<n).map { _ in Synthetic.nationalID(type, using: &rng) }
    }

    static func phones(_ country: String, international: Bool, _ n: Int = 8, seed: UInt64 = 2) -> [String] {
        var rng = SeededRNG(seed: seed)
        return (0..<n).map { _ in Synthetic.phone(country: country, international: international, using: &rng).written }
    }

    static let names = ["Mari Maasikas", "Jüri Kask", "Łukasz Żak", "Õie Ärm", "Šarūnas Vaitkus", "Анна Иванова",
                        "Anna-Liisa von Berg", "Maasikas, Mari", "Ēriks Bērziņš", "Åsa Öberg"]
    static let addresses = ["Tartu mnt 5, Tallinn", "Mannerheimintie 12 A 3", "Storgatan 4, 111 22 Stockholm",
                            "ul. Długa 5 m. 12", "Gedimino pr. 9, Vilnius", "Brīvības iela 21-4, Rīga", "Hauptstraße 7",
                            "12 Main Street", "Tamme tn 5-12, 10115 Tallinn", "Vesterbrogade 3, 1620 København"]

    @Test(arguments: IdentifierType.allCases.filter { $0.isNational })
    func nationalIDColumns(_ type: IdentifierType) {
        // An Estonian isikukood is also a valid Lithuanian code: ties go to the first detector.
        let expected: IdentifierType = type == .ltAsmensKodas ? .eeIsikukood : type
        #expect(Self.hint(Self.ids(type)) == .nationalID(expected), "\(type)")
    }

    @Test func valueColumns() {
        var rng = SeededRNG(seed: 7)
        let emails = Self.names.prefix(6).map { n in
            let parts = n.split(separator: " ")
            return Synthetic.email(first: String(parts[0]), last: String(parts.last!), using: &rng)
        }
        let ibans = ["EE", "FI", "LT", "DE", "SE", "NO"].map { Synthetic.iban(country: $0, using: &rng) }
        let cards = (0..<6).map { _ in Synthetic.paymentCard(using: &rng) }
        let table: [(String, [String], FieldHint?)] = [
            ("emails", emails, .email),
            ("ibans", ibans, .iban),
            ("cards", cards, .paymentCard),
            ("EE national phones", Self.phones("EE", international: false), .phone),
            ("FI national phones", Self.phones("FI", international: false), .phone),
            ("international phones", Self.phones("LV", international: true) + Self.phones("PL", international: true), .phone),
            ("GB national phones", Self.phones("GB", international: false), .phone),
            ("names", Self.names, .fullName),
            ("upper-case names", ["MARI MAASIKAS", "JÜRI KASK", "ŁUKASZ ŻAK"], .fullName),
            ("addresses", Self.addresses, .postalAddress),
            ("padded values and empty cells", ["  Mari Maasikas ", "", "Jüri Kask", "   ", "Õie Ärm"], .fullName),
            ("four of five IDs (80 %)", Array(Self.ids(.eeIsikukood, 4)) + ["x"], .nationalID(.eeIsikukood)),
            ("unhyphenated CPR", Self.ids(.dkCpr, 6, seed: 3).map { $0.replacingOccurrences("-", "") }, .nationalID(.dkCpr)),
        ]
        for (label, values, expected) in table {
            #expect(Self.hint(values) == expected, "\(label): \(values)")
        }
    }

    @Test func decoys() {
        let table: [(String, [String])] = [
            ("order numbers", ["ORD-2023-0001", "ORD-2023-0002", "ORD-2023-0017", "ORD-2023-0042", "ORD-2023-0043"]),
            ("running integers", (1...20).map(String.init)),
            ("running phone-like numbers", (0..<8).map { String(51_234_560 + $0) }),
            ("three close sorted numbers", ["51234567", "51234580", "51234601"]),
            ("sorted phone-like order numbers", ["51000001", "52000173", "53000999", "54001234", "55999999"]),
            ("sorted epoch timestamps", (0..<6).map { String(1_712_345_678 + 3_600 * $0) }),
            ("unsorted epoch timestamps", ["1712349999", "1712345678", "1712398765", "1712301234"]),
            ("ISO timestamps", ["2023-04-15 10:22:31", "2023-04-15 11:02:09", "2023-04-16 08:00:00", "2023-04-17 17:45:12"]),
            ("ISO dates", ["2023-04-15", "1985-03-14", "1990-12-01", "2001-07-30"]),
            ("dotted dates", ["15.04.2023", "14.03.1985", "01.12.1990", "30.07.2001"]),
            ("amounts", ["12,50", "3,99", "120,00", "0,45", "19,99"]),
            ("city names", ["Tallinn", "Tartu", "Tallinn", "Pärnu", "Tallinn", "Tartu", "Narva"]),
            ("two-word cities (low cardinality)", ["Kohtla Järve", "Ida Viru", "Kohtla Järve", "Kohtla Järve", "Ida Viru",
                                                   "Ida Viru", "Kohtla Järve"]),
            ("repeated names (a category)", ["Mari Maasikas", "Mari Maasikas", "Jüri Kask", "Mari Maasikas", "Jüri Kask",
                                             "Mari Maasikas"]),
            ("product names", ["Ibuprofeen 400 mg", "Paracetamol 500 mg, 20 tk", "Vitamiin C", "Aspiriin 100mg",
                               "Nurofen Forte 400 mg", "Magneesium B6, 50 tbl"]),
            ("first names only", ["Mari", "Jüri", "Õie", "Łukasz", "Anna"]),
            ("lower-case words", ["mari maasikas", "jüri kask", "õie ärm", "anna tamm"]),
            ("wrong check digits", Self.ids(.eeIsikukood, 6).map(Synthetic.corruptCheck)),
            ("too few", ["Mari Maasikas", "Jüri Kask"]),
            ("mixed names and phones", Array(Self.names.prefix(5)) + Self.phones("EE", international: false, 5)),
            ("seven of ten IDs", Self.ids(.plPesel, 7) + ["n/a", "puudub", "-"]),
            ("status words", ["aktiivne", "suletud", "aktiivne", "ootel", "aktiivne"]),
        ]
        for (label, values) in table {
            // (Codes that fail their check are numbers that identify no one: nothing, or not personal.)
            let hint = Self.hint(values)
            #expect(hint == nil || label == "wrong check digits" && hint == .nonPersonal, "\(label): \(values)")
        }
    }

    @Test func acceptsSingleValues() {
        #expect(ColumnSampler.accepts(Array("Tartu mnt 5, Tallinn".utf8), as: .postalAddress))
        #expect(!ColumnSampler.accepts(Array("Aadress".utf8), as: .postalAddress))
        #expect(ColumnSampler.accepts(Array(Self.ids(.eeIsikukood, 1)[0].utf8), as: .nationalID(.eeIsikukood)))
        #expect(!ColumnSampler.accepts(Array("Isikukood".utf8), as: .nationalID(.eeIsikukood)))
        #expect(ColumnSampler.accepts(Array("mari@example.com".utf8), as: .email))
        #expect(!ColumnSampler.accepts(Array("Telefon".utf8), as: .phone))
    }

    /// Receipt and order numbers (9–13 digits) of which a few pass a national-ID check digit by
    /// chance: the column is no ID column, and those few are no persons. A column of real IDs
    /// with a couple of typos stays an ID column.
    @Test func numberColumnsThatRarelyValidateAreNotPersonal() {
        var rng = SeededRNG(seed: 0xDEC0)
        var receipts: [String] = (0..<60).map { _ in String((0..<11).map { _ in Character(String(Int.random(in: 0...9, using: &rng))) }) }
        receipts.replaceSubrange(0..<3, with: Self.ids(.eeIsikukood, 3, seed: 9))  // three valid codes among them
        let valid = receipts.filter { !ColumnSampler.nationalIDTypes(Array($0.utf8)).isEmpty }.count
        #expect(valid >= 3 && valid * 2 < receipts.count)
        #expect(Self.hint(receipts) == .nonPersonal)
        var codes = Self.ids(.eeIsikukood, 20, seed: 10)
        codes[0] = "12345678901"; codes[1] = "99999999999"
        #expect(Self.hint(codes) == .nationalID(.eeIsikukood))
        // Short numbers (quantities, postcodes) are not what the rule is about.
        #expect(Self.hint(["3", "12", "7", "1", "40"]) != .nonPersonal)
    }

    /// A product-code column (`12041`–`12046` over every order line) is codes shared by many
    /// records. Phones that repeat with their customer's order lines are still phones (a
    /// phone-shaped code column is decided by its header: `Tuotenumero`), and a column of
    /// distinct numbers is not decided by repetition.
    @Test func repeatedCodesAreNotPersonal() {
        let products = (0..<40).map { "1204\($0 % 6 + 1)" }
        #expect(Self.hint(products) == .nonPersonal)
        let phones = (0..<40).map { "+35840123\(4500 + $0 / 3)" }
        #expect(Self.hint(phones) == .phone)
        let distinct = (0..<40).map { "73\(10000 + $0 * 37)" }
        #expect(!ColumnSampler.isRepeatedCodeColumn(distinct.map { Array($0.utf8) }, agree: { $0 * 5 >= 40 * 4 }))
        #expect(!ColumnSampler.isRepeatedCodeColumn(Array(products.prefix(12)).map { Array($0.utf8) }, agree: { $0 * 5 >= 12 * 4 }))
    }

    /// EAN-13 numbers in a header-less receipt file: in-store numbers (prefix 2) are the shop's
    /// loyalty cards, others the products bought; 13 digits without the check are neither.
    @Test func eanColumnsAreCardsOrProducts() {
        func ean(_ twelve: String) -> String {
            let sum = twelve.enumerated().reduce(0) { $0 + Int(String($1.element))! * ($1.offset % 2 == 0 ? 1 : 3) }
            return twelve + String((10 - sum % 10) % 10)
        }
        #expect(ColumnSampler.isEAN13(Array("2911454441920".utf8)) && ColumnSampler.isEAN13(Array("4743815006756".utf8)))
        #expect(!ColumnSampler.isEAN13(Array("2911454441921".utf8)))
        let cards = (0..<30).map { ean("29\(1000000000 + $0 * 7919)") }
        #expect(Self.hint(cards) == .loyaltyCard)
        let products = (0..<30).map { ean("474\(100000000 + $0 * 104729)") }
        #expect(Self.hint(products) == .purchase)
        let receipts = (0..<30).map { "52301\(10000000 + $0 * 7)" }
        #expect(Self.hint(receipts) != .loyaltyCard && Self.hint(receipts) != .purchase)
    }

    /// Customer codes: distinct, letters then digits, not a file's running row numbers.
    @Test func customerCodeColumns() {
        func codes(_ list: [String]) -> Bool { ColumnSampler.isCustomerCodeColumn(list.map { Array($0.utf8) }) }
        #expect(codes(["PK-213319", "PK-957763", "PK-208140", "PK-747316", "PK-859605"]))
        #expect(codes(["HUS611469", "HUS204771", "HUS998120", "HUS450013", "HUS731200", "HUS118842"]))
        // Running row numbers, a repeated code, too few values, product codes with letters after.
        #expect(!codes(["R-10001", "R-10002", "R-10003", "R-10004", "R-10005"]))
        #expect(!codes(["PK-213319", "PK-957763", "PK-213319", "PK-747316", "PK-859605"]))
        #expect(!codes(["PK-213319", "PK-957763", "PK-208140", "PK-747316"]))
        #expect(!codes(["ESS-106X", "ESS-102X", "ESS-201X", "ESS-333X", "ESS-404X"]))
        #expect(!codes(["Bo", "Veikko", "Raili", "Aino", "Päivi"]))
    }

    /// A header-less register's first column of card numbers in digit groups; dates, phones,
    /// repeated values and plain numbers are not.
    @Test func groupedCardColumns() {
        func cards(_ list: [String]) -> Bool { ColumnSampler.isGroupedCardColumn(list.map { Array($0.utf8) }) }
        #expect(cards(["77-9841-9917", "77-9442-0131", "77-9460-8888", "77-6696-2365", "77-0428-7824"]))
        #expect(cards(["2470 1043 9874 3", "2470 8010 8688 2", "2470 5521 0087 1", "2470 9912 3345 6", "2470 1188 2231 7"]))
        #expect(!cards(["2023-01-05", "2023-01-06", "2023-02-11", "2023-03-15", "2023-04-01"]))
        #expect(!cards(["040-123 4567", "050 533 3633", "045-999 7561", "040 780 0694", "044 666 3699"]))
        #expect(!cards(["503-555-0142", "503-555-0177", "503-555-0198", "503-555-0111", "503-555-0123"]))
        #expect(!cards(["77-9841-9917", "12-9442-0131", "34-9460-8888", "56-6696-2365", "88-0428-7824"]))
        #expect(!cards(["77-9841-9917", "77-9841-9917", "77-9460-8888", "77-6696-2365", "77-0428-7824"]))
        #expect(!cards(["7798419917", "7794420131", "7794608888", "7766962365", "7704287824"]))
        #expect(!cards(["77-9841-9917", "77-9442-0131", "77-9460-8888", "77-6696-2365"]))
    }
}

private extension String {
    func replacingOccurrences(_ target: Character, _ replacement: String) -> String {
        var out = ""
        for ch in self { if ch == target { out += replacement } else { out.append(ch) } }
        return out
    }

}
