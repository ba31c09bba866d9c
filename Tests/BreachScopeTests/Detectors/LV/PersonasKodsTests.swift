import Testing
@testable import BreachScope

@Suite struct PersonasKodsTests {
    let d = PersonasKodsDetector()

    @Test(arguments: [
        ("120386-12343", "12038612343", "1986-03-12"),
        ("12038612343", "12038612343", "1986-03-12"),  // hyphen optional
        ("290200-21239", "29020021239", "2000-02-29"),  // century digit 2, leap day
        ("150575-10080", "15057510080", "1975-05-15"),  // (1101 − sum) mod 11 = 10 → 0
    ])
    func validOldForm(_ text: String, _ normalized: String, _ born: String) {
        DetectorTest.expectWhole(d, text, normalized, identifier: .lvPersonasKods)
        #expect(PersonasKodsDetector.validate(Array(normalized.utf8)))
        #expect(DetectorTest.date(PersonasKodsDetector.birthDate(Array(normalized.utf8))) == born)
    }

    @Test func newFormWithCheckDigitMatchesWithoutHint() {
        #expect(DetectorTest.value(d, "325794-61005") == "32579461005")
        #expect(DetectorTest.value(d, "32579461005") == "32579461005")
        #expect(PersonasKodsDetector.validate(Array("32579461005".utf8)))
        #expect(PersonasKodsDetector.birthDate(Array("32579461005".utf8)) == nil)
    }

    @Test func newFormWithoutCheckDigitNeedsTheHint() {
        // Wrong check digit: rejected on its own, accepted in a field labelled as a personal code.
        #expect(DetectorTest.match(d, "325794-61006") == nil)
        #expect(!PersonasKodsDetector.validate(Array("32579461006".utf8)))
        #expect(DetectorTest.value(d, "325794-61006", hint: .nationalID(.lvPersonasKods)) == "32579461006")
        #expect(DetectorTest.value(d, "325794-61006", hint: .nationalID(nil)) == "32579461006")
        #expect(DetectorTest.match(d, "325794-61006", hint: .nationalID(.eeIsikukood)) == nil)
        // Prefixes 33–39 (allowed by later amendments) only with a Latvian label: under a label of
        // no country (`personal_code` of an Estonian fixture) `33785921539` is a placeholder.
        #expect(DetectorTest.match(d, "331234-56780") == nil)
        #expect(DetectorTest.value(d, "391234-56781", hint: .nationalID(.lvPersonasKods)) == "39123456781")
        #expect(DetectorTest.match(d, "33785921539", hint: .nationalID(nil)) == nil)
        // An old-form value with a wrong check digit gets no such leniency.
        #expect(DetectorTest.match(d, "120386-12344", hint: .nationalID(.lvPersonasKods)) == nil)
    }

    @Test(arguments: [
        "120386-12344",  // wrong check digit
        "290200-11233",  // 1900-02-29
        "010140-31233",  // century digit 3
        "311186-12340",  // 31 November... wrong check anyway
        "120386--12343",
        "120386-123431",  // 12 digits
        "1203861234",  // 10 digits
        "120386 12343",  // space is no LV separator
    ])
    func invalid(_ text: String) {
        #expect(DetectorTest.match(d, text) == nil)
        #expect(DetectorTest.match(d, text, hint: .nationalID(.lvPersonasKods)) == nil)
    }

    @Test func context() {
        #expect(DetectorTest.match(d, "p.k. 120386-12343.", at: 5)?.length == 12)
        #expect(DetectorTest.match(d, "120386-12343", hint: .nonPersonal) == nil)
    }
}
