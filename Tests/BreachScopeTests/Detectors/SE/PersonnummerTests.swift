import Testing
@testable import BreachScope

@Suite struct PersonnummerTests {
    let d = PersonnummerDetector()  // reference year 2026

    @Test(arguments: [
        ("811218-9876", "198112189876", "1981-12-18"),
        ("19811218-9876", "198112189876", "1981-12-18"),
        ("198112189876", "198112189876", "1981-12-18"),
        ("121212-1212", "201212121212", "2012-12-12"),
        ("121212+1212", "191212121212", "1912-12-12"),  // `+`: 100 years or older
        ("000229-1235", "200002291235", "2000-02-29"),
        ("811278-9873", "198112789873", "1981-12-18"),  // samordningsnummer: day + 60
    ])
    func valid(_ text: String, _ normalized: String, _ born: String) {
        DetectorTest.expectWhole(d, text, normalized, identifier: .sePersonnummer)
        #expect(PersonnummerDetector.validate(Array(normalized.utf8)))
        #expect(DetectorTest.date(PersonnummerDetector.birthDate(Array(normalized.utf8))) == born)
    }

    @Test func bareTenDigitsNeedTheHint() {
        #expect(DetectorTest.match(d, "8112189876") == nil)
        #expect(DetectorTest.value(d, "8112189876", hint: .nationalID(.sePersonnummer)) == "198112189876")
        #expect(DetectorTest.value(d, "8112189876", hint: .nationalID(nil)) == "198112189876")
        #expect(DetectorTest.match(d, "8112189876", hint: .nationalID(.fiHetu)) == nil)
    }

    @Test func centuryFollowsTheReferenceYear() {
        #expect(PersonnummerDetector.inferYear(26, referenceYear: 2026) == 2026)
        #expect(PersonnummerDetector.inferYear(27, referenceYear: 2026) == 1927)
        #expect(DetectorTest.value(PersonnummerDetector(referenceYear: 2010), "121212-1212") == "191212121212")
        // A 12-digit value dated after the reference year is rejected.
        #expect(DetectorTest.match(PersonnummerDetector(referenceYear: 2011), "201212121212") == nil)
    }

    @Test(arguments: [
        "811218-9875",  // Luhn fails
        "000229+1235",  // `+` → 1900-02-29
        "811232-9878",  // day 32
        "811218/9876",
        "811218-98760",
        "19811218+9876",  // `+` only in the 10-digit form
        "1981121898760",  // 13 digits
        "202401151230",  // timestamp YYYYMMDDHHMM (Luhn fails)
        "17811218-9876",  // before 1800
    ])
    func invalid(_ text: String) {
        #expect(DetectorTest.match(d, text) == nil)
        #expect(DetectorTest.match(d, text, hint: .nationalID(.sePersonnummer)) == nil)
    }

    @Test func context() {
        #expect(DetectorTest.match(d, "pnr 811218-9876.", at: 4)?.length == 11)
        #expect(DetectorTest.match(d, "811218-9876", hint: .nonPersonal) == nil)
        #expect(!PersonnummerDetector.validate(Array("8112189876".utf8)))  // normalised form is 12 digits
    }
}
