import Testing
import BreachScopeTesting
@testable import BreachScope

@Suite struct IBANTests {
    let d = IBANDetector()

    /// Specimen IBANs published in the ISO 13616 registry (not real accounts).
    @Test func validSpecimens() {
        let table: [(String, String)] = [
            ("EE382200221020145685", "EE382200221020145685"),
            ("EE38 2200 2210 2014 5685", "EE382200221020145685"),
            ("ee38 2200 2210 2014 5685", "EE382200221020145685"),
            ("FI2112345600000785", "FI2112345600000785"),
            ("SE4550000000058398257466", "SE4550000000058398257466"),
            ("NO9386011117947", "NO9386011117947"),
            ("DK5000400440116243", "DK5000400440116243"),
            ("PL61 1090 1014 0000 0712 1981 2874", "PL61109010140000071219812874"),
            ("DE89 3704 0044 0532 0130 00", "DE89370400440532013000"),
            ("GB82 WEST 1234 5698 7654 32", "GB82WEST12345698765432"),
            ("LV80BANK0000435195001", "LV80BANK0000435195001"),
            ("LT121000011101001000", "LT121000011101001000"),
            ("FR1420041010050500013M02606", "FR1420041010050500013M02606"),
            ("NL91ABNA0417164300", "NL91ABNA0417164300"),
            ("ES9121000418450200051332", "ES9121000418450200051332"),
            ("IT60X0542811101000000123456", "IT60X0542811101000000123456"),
        ]
        for (text, expected) in table {
            DetectorTest.expectWhole(d, text, expected)
            #expect(IBANDetector.normalize(Array(text.utf8)).map { String(decoding: $0, as: UTF8.self) } == expected)
            #expect(IBANDetector.validate(Array(text.utf8)))
        }
    }

    @Test func invalid() {
        let table = [
            "EE38 2200 2210 2014 5686",  // wrong check
            "EE392200221020145685",  // wrong check digits
            "EE38220022102014568",  // too short for EE
            "EE3822002210201456851",  // too long (run continues)
            "EE38 22002210 2014 5685",  // inconsistent grouping
            "EE38  2200 2210 2014 5685",  // double space
            "DE89370400440532013000X",  // no token end
            "DE89 3704 0044 0532 0130 0O",  // letter in a numeric BBAN
            "XX89370400440532013000",  // unknown country
            "Order 4820193756",
            "2023-04-15T12:30:45",
            "EE00000000000000000000",
        ]
        for text in table {
            #expect(DetectorTest.match(d, text) == nil, "\(text)")
        }
        // A whole field value may be spaced freely; a wrong checksum or length never passes.
        for text in table where !text.hasPrefix("EE38 22002210") && !text.hasPrefix("EE38  ") {
            #expect(IBANDetector.normalize(Array(text.utf8)) == nil, "\(text)")
        }
        #expect(IBANDetector.normalize(Array("EE38 22002210 2014 5685".utf8)) != nil)
        #expect(DetectorTest.value(d, "IBAN: EE382200221020145685.", at: 6) == "EE382200221020145685")
        #expect(DetectorTest.match(d, "EE38 2200 2210 2014 5685 1234")?.length == 24)
    }

    @Test func lengths() {
        let table: [(String, Int)] = [("EE", 20), ("FI", 18), ("SE", 24), ("NO", 15), ("DK", 18), ("PL", 28),
                                      ("DE", 22), ("GB", 22), ("LV", 21), ("LT", 20), ("FR", 27), ("NL", 18),
                                      ("ES", 24), ("IT", 27), ("AT", 20), ("BE", 16), ("IE", 22), ("PT", 25)]
        for (c, l) in table { #expect(IBANDetector.length(country: c) == l, "\(c)") }
        #expect(IBANDetector.length(country: "US") == nil)
        #expect(IBANDetector.length(country: "E") == nil)
    }

    @Test(arguments: ["EE", "FI", "SE", "NO", "DK", "PL", "DE", "GB", "LV", "LT", "FR", "NL", "ES", "IT", "IE", "AT"])
    func generatedRoundTrip(country: String) {
        var rng = SeededRNG(seed: UInt64(country.utf8.reduce(7) { $0 &* 131 &+ Int($1) }))
        var failures = 0
        for _ in 0..<1000 {
            let written = Synthetic.iban(country: country, using: &rng)
            let expected = written.uppercased().filter { $0 != " " }
            let f = DetectorTest.match(d, "IBAN " + written + ",", at: 5)
            if f?.valueString != expected || f?.length != written.utf8.count {
                failures += 1
                if failures < 5 { Issue.record("\(written) → \(f?.valueString ?? "nil")") }
            }
        }
        #expect(failures == 0)
    }
}
