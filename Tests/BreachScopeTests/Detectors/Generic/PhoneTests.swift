import Testing
import BreachScopeTesting
@testable import BreachScope

/// Walks token starts like the scanner does and collects phone findings.
private func scan(_ d: PhoneDetector, _ text: String, hint: FieldHint = .none) -> [String] {
    let bytes = Array(text.utf8)
    return bytes.withUnsafeBufferPointer { buf in
        var out: [String] = []
        var i = 0
        while i < buf.count {
            let b = buf[i]
            let boundary = i == 0 || !ASCII.isAlnum(buf[i - 1])
            if boundary && (ASCII.isDigit(b) || b == UInt8(ascii: "+") || b == UInt8(ascii: "(")),
               let f = d.match(buf, at: i, hint: hint) {
                out.append(f.valueString)
                i += f.length
                continue
            }
            i += 1
        }
        return out
    }
}

@Suite struct PhoneTests {
    let detector = PhoneDetector()

    /// A phone column's value already in E.164 skips the layout parser: the fast path gives what
    /// the parser gives, for valid numbers of every plan and for random `+digits` strings.
    @Test func e164FastPathAgreesWithTheParser() {
        var rng = SeededRNG(seed: 0xE164)
        var samples = ["+37251234567", "+358401234567", "+48601234567", "+12025550142", "+447911123456",
                       "+4915112345678", "+380674323583", "+3725123456", "+1911555014", "+0123456789"]
        for _ in 0..<20_000 {
            let n = Int.random(in: 1...15, using: &rng)
            samples.append("+" + String((0..<n).map { _ in Character(String(Int.random(in: 0...9, using: &rng))) }))
        }
        for cc in ["372", "371", "370", "358", "46", "47", "45", "48", "49", "44", "1", "380"] {
            for _ in 0..<500 {
                let n = Int.random(in: 6...11, using: &rng)
                samples.append("+" + cc + String((0..<n).map { _ in Character(String(Int.random(in: 0...9, using: &rng))) }))
            }
        }
        let countries = PhoneDetector().defaultCountries
        var valid = 0
        for s in samples {
            let fast = PhoneDetector.normalize(Array(s.utf8), defaultCountries: countries)
            let slow = Array(s.utf8).withUnsafeBufferPointer { PhoneDetector.parsed($0, defaultCountries: countries) }
            #expect(fast == slow, "\(s)")
            if fast != nil { valid += 1 }
        }
        #expect(valid > 1000)  // the samples do reach the fast path's accepting side
    }

    /// Ukrainian numbers in their international form (patients of Polish labs write them so);
    /// a bare national number is never Ukrainian (Ukraine is no default country), and toll-free
    /// 800, premium 900 and wrong lengths are no persons' numbers.
    /// A spreadsheet that stored phones as numbers dropped their trunk zero: `411794254` in a
    /// column of Finnish numbers is `041 179 4254`, a mobile; a fixed-line reading is refused.
    @Test func lostTrunkZeroOfAKnownCountry() {
        func lost(_ s: String, _ c: PhonePlans.Country) -> String? {
            PhonePlans.withLostTrunkZero(Array(s.utf8), country: c).map { String(decoding: $0, as: UTF8.self) }
        }
        #expect(lost("411794254", .fi) == "+358411794254")
        #expect(lost("501234567", .fi) == "+358501234567")
        #expect(lost("51234567", .fi) == nil)     // an Estonian mobile, a Finnish area-5 line: not taken
        #expect(lost("0411794254", .fi) == nil)   // the zero is there
        #expect(lost("411794254", .pl) == nil)    // no trunk zero in Poland
        #expect(lost("41-179", .fi) == nil)
        #expect(lost("701234567", .se) == "+46701234567")
    }

    @Test func ukrainianInternationalForm() {
        for (text, e164) in [("+380 (67) 432 3583", "+380674323583"), ("+380 50 123 45 67", "+380501234567"),
                             ("+380674323583", "+380674323583"), ("00380 44 123 4567", "+380441234567")] {
            #expect(scan(detector, "tel. \(text)") == [e164], "\(text)")
            #expect(scan(detector, text, hint: .phone) == [e164], "\(text)")
        }
        for bad in ["+380 800 123 456", "+380 900 123 456", "+380 67 432 358", "+380 67 432 35834"] {
            #expect(!scan(detector, bad, hint: .phone).contains { $0.hasPrefix("+380") }, "\(bad)")
        }
        #expect(PhonePlans.Country(iso: "UA") == .ua)
        #expect(!PhoneDetector.standardCountries.contains("UA"))
    }

    /// Every written format from the specification, unlabelled, with the default countries.
    @Test func writtenFormatsUnlabelled() {
        let table: [(String, String)] = [
            ("+372 5123 4567", "+37251234567"),
            ("00372 51234567", "+37251234567"),
            ("+372-5123-4567", "+37251234567"),
            ("+37251234567", "+37251234567"),
            ("(+372) 5123 4567", "+37251234567"),
            ("040-123 4567", "+358401234567"),
            ("040 1234567", "+358401234567"),
            ("040 123 4567", "+358401234567"),
            ("+358 40 123 4567", "+358401234567"),
            ("+358 (0)40 123 4567", "+358401234567"),
            ("(503) 555-0142", "+15035550142"),
            ("(503)555-0142", "+15035550142"),
            ("503-555-0142", "+15035550142"),
            ("1-503-555-0142", "+15035550142"),
            ("+1 503 555 0142", "+15035550142"),
            ("+1 (503) 555-0142", "+15035550142"),
            ("+44 7700 900123", "+447700900123"),
            ("+44 (0)7700 900123", "+447700900123"),
            ("+48 512 345 678", "+48512345678"),
            ("512-345-678", "+48512345678"),
            ("+46 70 123 45 67", "+46701234567"),
            ("070-123 45 67", "+46701234567"),
            ("+47 412 34 567", "+4741234567"),
            ("412 34 567", "+4741234567"),
            ("+45 20 12 34 56", "+4520123456"),
            ("+49 151 23456789", "+4915123456789"),
            ("0151 23456789", "+4915123456789"),
            ("+371 2123 4567", "+37121234567"),
            ("+370 612 34567", "+37061234567"),
            ("8 612 34567", "+37061234567"),
            ("5123 4567", "+37251234567"),
        ]
        for (text, e164) in table {
            let f = DetectorTest.match(detector, text)
            #expect(f?.valueString == e164, "\(text)")
            #expect(f?.length == text.utf8.count, "\(text)")
            #expect(f?.identifier == .phone)
            #expect(f?.element == .phone)
        }
    }

    /// National forms resolve to the first country of the priority list whose plan accepts them.
    @Test func countryPriority() {
        #expect(DetectorTest.value(detector, "07700 900123") == "+497700900123")  // DE before GB
        #expect(DetectorTest.value(PhoneDetector(defaultCountries: ["GB"]), "07700 900123") == "+447700900123")
        #expect(DetectorTest.value(PhoneDetector(defaultCountries: ["GB", "DE"]), "07700 900123") == "+447700900123")
        #expect(DetectorTest.value(detector, "20 12 34 56") == "+4720123456")  // NO before DK
        #expect(DetectorTest.value(PhoneDetector(defaultCountries: ["DK"]), "20 12 34 56") == "+4520123456")
        #expect(DetectorTest.value(PhoneDetector(defaultCountries: ["LV"]), "2123 4567") == "+37121234567")
        #expect(DetectorTest.value(PhoneDetector(defaultCountries: ["DE"]), "040 123 4567") == "+49401234567")
        #expect(DetectorTest.value(PhoneDetector(defaultCountries: ["SE"]), "040 123 4567") == "+46401234567")
        var d = PhoneDetector(defaultCountries: ["FI"])
        #expect(DetectorTest.match(d, "(503) 555-0142") == nil)
        d.defaultCountries = ["CA"]
        #expect(DetectorTest.value(d, "(503) 555-0142") == "+15035550142")
        // International numbers do not depend on the list.
        #expect(DetectorTest.value(PhoneDetector(defaultCountries: []), "+44 7700 900123") == "+447700900123")
    }

    /// Bare digit runs are national numbers only in a `.phone` field.
    @Test func bareRunsNeedPhoneHint() {
        let table: [(String, String)] = [
            ("0401234567", "+358401234567"),
            ("5035550142", "+15035550142"),
            ("51234567", "+37251234567"),
            ("051234567", "+35851234567"),  // EE has no trunk 0: this is a Finnish area-5 number
            ("861234567", "+37061234567"),
            ("015123456789", "+4915123456789"),
            ("37251234567", "+37251234567"),  // MSISDN export without +
            ("512 345 678", "+48512345678"),
        ]
        for (text, e164) in table {
            #expect(DetectorTest.match(detector, text) == nil, "\(text) unlabelled")
            #expect(DetectorTest.value(detector, text, hint: .phone) == e164, "\(text)")
        }
    }

    @Test func decoysAreRejected() {
        let unlabelled = [
            "4820193756", "1681550000", "2023-04-15T12:30:45", "2023-04-15", "15-04-2023",
            "192.168.100.200", "3.14159", "1.2.3", "512 345 678", "10 000 000", "1 250 000",
            "4111 1111 1111 1111", "0401234567", "5035550142", "12:30:45", "2021-0001",
            "+999 1234 5678",  // unknown calling code
            "+372 1234 5678",  // EE plan has no 1x numbers
            "+1 155 555 0142",  // NANP area code cannot start with 1
            "+1 911 555 0142",  // N11 area code
            "(503) 911-0142",  // N11 exchange
            "+44 7000 900123",  // UK 070 personal numbers are not mobiles
            "+49 800 1234567",  // toll-free
            "1-800-555-0199", "+1 (888) 555-0142", "+1 877 555 0142",  // NANP toll-free
            "+358 40 1",  // too short
            "0401234567890123456789",  // far too many digits
            "2021-0001", "2021 0001 0002", "5123-4567", "0800-1600", "0930 1730", "08:00-16:00",
            "0401234567abc",
        ]
        for text in unlabelled {
            #expect(DetectorTest.match(detector, text) == nil, "\(text)")
        }
        #expect(DetectorTest.match(detector, "+372 5123 4567", hint: .nonPersonal) == nil)
        #expect(DetectorTest.match(detector, "040 123 4567", hint: .nonPersonal) == nil)
        #expect(DetectorTest.match(detector, "040 123 4567", hint: .linkKey(namespace: "customer")) == nil)
        #expect(DetectorTest.value(detector, "+372 5123 4567", hint: .linkKey(namespace: "customer")) == "+37251234567")
        #expect(DetectorTest.match(detector, "4111 1111 1111 1111", hint: .phone) == nil)
        #expect(DetectorTest.match(detector, "1681550000", hint: .phone) == nil)
        #expect(DetectorTest.match(detector, "4820193756", hint: .phone) == nil)
    }

    /// Dots separate a North American number's groups anywhere (`513.555.0121`), and any
    /// number's in a phone field; other dotted runs in text are dates, amounts and versions.
    @Test func dottedNumbers() {
        #expect(DetectorTest.value(detector, "513.555.0121") == "+15135550121")
        #expect(DetectorTest.value(detector, "1.704.555.0124") == "+17045550124")
        #expect(DetectorTest.value(detector, "512.345.678", hint: .phone) == "+48512345678")
        #expect(DetectorTest.value(detector, "040.123.4567", hint: .phone) == "+358401234567")
        for decoy in ["512.345.678", "040.123.4567", "10.05.2023", "1.250.000", "+372.5123.4567", "513.555-0121",
                      "123.456.7890", "800.555.0199"] {
            #expect(DetectorTest.match(detector, decoy) == nil, "\(decoy)")
        }
        #expect(scan(detector, "phone 513.555.0121. Version 2.1.4, paid 1.250.000") == ["+15135550121"])
    }

    @Test func inFreeText() {
        #expect(scan(detector, "Tel. +372 5123 4567.") == ["+37251234567"])
        #expect(scan(detector, "Order 4820193756 at 1681550000, IP 192.168.100.200, v1.2.3") == [])
        #expect(scan(detector, "soita 040-123 4567 tai 050 765 4321!") == ["+358401234567", "+358507654321"])
        #expect(scan(detector, "call (503) 555-0142 or +44 7700 900123; 2023-04-15T12:30:45") ==
                ["+15035550142", "+447700900123"])
        // A phone followed by an unrelated number after a space.
        #expect(scan(detector, "+372 5123 4567 2023") == ["+37251234567"])
        #expect(scan(detector, "040 123 4567 12 kpl") == ["+358401234567"])
        // A digit right after `+` is never a start of its own.
        let text = "+372 5123 4567"
        #expect(DetectorTest.match(detector, text, at: 1) == nil)
    }

    @Test func planValidation() {
        let valid: [(String, String)] = [
            ("51234567", "EE"), ("5123456", "EE"), ("81234567", "EE"), ("6123456", "EE"),
            ("21234567", "LV"), ("61234567", "LV"),
            ("61234567", "LT"), ("52123456", "LT"),
            ("401234567", "FI"), ("50123456", "FI"), ("912345678", "FI"), ("1312345", "FI"),
            ("701234567", "SE"), ("812345678", "SE"),
            ("41234567", "NO"), ("22123456", "NO"),
            ("20123456", "DK"),
            ("512345678", "PL"), ("123456789", "PL"),
            ("15123456789", "DE"), ("1601234567", "DE"), ("301234567", "DE"),
            ("7700900123", "GB"), ("2079460123", "GB"), ("1614960123", "GB"),
            ("5035550142", "US"), ("4165550142", "CA"),
        ]
        for (nsn, country) in valid {
            #expect(PhoneDetector.validate(nationalSignificantNumber: Array(nsn.utf8), country: country), "\(country) \(nsn)")
        }
        let invalid: [(String, String)] = [
            ("41234567", "EE"), ("512345678", "EE"), ("31234567", "LV"), ("71234567", "LT"),
            ("71234567", "FI"), ("40123", "FI"), ("711234567", "SE"), ("81234567", "NO"),
            ("80123456", "DK"), ("11234567", "DK"), ("701234567", "PL"), ("51234567", "PL"),
            ("1412345678", "DE"), ("8001234567", "DE"), ("7012345678", "GB"), ("412345678", "GB"),
            ("1035550142", "US"), ("5115550142", "US"), ("5031110142", "US"), ("5035550142", "XX"),
        ]
        for (nsn, country) in invalid {
            #expect(!PhoneDetector.validate(nationalSignificantNumber: Array(nsn.utf8), country: country), "\(country) \(nsn)")
        }
        #expect(PhoneDetector.validate(e164: Array("+37251234567".utf8)))
        #expect(PhoneDetector.validate(e164: Array("+15035550142".utf8)))
        #expect(!PhoneDetector.validate(e164: Array("37251234567".utf8)))
        #expect(!PhoneDetector.validate(e164: Array("+372 5123 4567".utf8)))
        #expect(!PhoneDetector.validate(e164: Array("+99951234567".utf8)))
    }

    @Test func normalizeWholeField() {
        let table: [(String, [String], String?)] = [
            (" +372 5123 4567 ", ["EE"], "+37251234567"),
            ("0401234567", ["FI"], "+358401234567"),
            ("0401234567", ["EE"], nil),
            ("51234567", PhoneDetector.standardCountries, "+37251234567"),
            ("(503) 555-0142", ["US"], "+15035550142"),
            ("07700 900123", ["GB"], "+447700900123"),
            ("+372 5123 4567, +372 5765 4321", ["EE"], nil),
            ("n/a", ["EE"], nil),
            ("", ["EE"], nil),
        ]
        for (text, countries, expected) in table {
            let v = PhoneDetector.normalize(Array(text.utf8), defaultCountries: countries)
            #expect(v.map { String(decoding: $0, as: UTF8.self) } == expected, "\(text)")
        }
    }

    /// 1,000 generated numbers per country and form match and normalise to their E.164 value.
    @Test(arguments: ["EE", "LV", "LT", "FI", "SE", "NO", "DK", "PL", "DE", "GB", "US"])
    func generatedRoundTrip(country: String) {
        var rng = SeededRNG(seed: UInt64(country.utf8.reduce(0) { $0 &* 31 &+ Int($1) }))
        let national = PhoneDetector(defaultCountries: [country])
        var failures = 0
        for i in 0..<1000 {
            let international = i % 2 == 0
            let (written, e164) = Synthetic.phone(country: country, international: international, using: &rng)
            let d = international ? detector : national
            let f = DetectorTest.match(d, written)
            if f?.valueString != e164 || f?.length != written.utf8.count {
                failures += 1
                if failures < 5 { Issue.record("\(written) → \(f?.valueString ?? "nil"), expected \(e164)") }
            }
            #expect(PhoneDetector.validate(e164: Array(e164.utf8)))
            let n = PhoneDetector.normalize(Array(written.utf8), defaultCountries: [country])
            if n.map({ String(decoding: $0, as: UTF8.self) }) != e164 { failures += 1 }
        }
        #expect(failures == 0)
    }

    /// `normalize` reads a contiguous field in place and any other collection through a copy,
    /// with the same result.
    @Test(arguments: [
        (" +372 5000 0001 ", "+37250000001"), ("040 123 4567", "+358401234567"), ("5123 4567", "+37251234567"),
        ("+372 5000 0001 x", nil), ("", nil), ("   ", nil), ("12", nil), ("+372", nil),
    ] as [(String, String?)])
    func normalizeContiguousOrNot(_ text: String, _ expected: String?) {
        let countries = PhoneDetector.standardCountries
        let want = expected.map { Array($0.utf8) }
        let bytes = Array(text.utf8)
        #expect(PhoneDetector.normalize(bytes, defaultCountries: countries) == want)
        #expect(PhoneDetector.normalize(bytes.lazy.map { $0 }, defaultCountries: countries) == want)
        #expect(bytes.withUnsafeBufferPointer { PhoneDetector.normalize($0, defaultCountries: countries) } == want)
    }
}
