import Testing
@testable import BreachScope

@Suite struct CPRTests {
    let d = CPRDetector()

    @Test(arguments: [
        ("020387-1234", "0203871234", "1987-03-02"),  // 7th digit 0–3 → 1900s
        ("290200-4123", "2902004123", "2000-02-29"),  // 4 with YY ≤ 36 → 2000s
        ("010137-4123", "0101374123", "1937-01-01"),  // 4 with YY > 36 → 1900s
        ("010158-5123", "0101585123", "1858-01-01"),  // 5–8 with YY > 57 → 1800s
        ("010157-8123", "0101578123", "2057-01-01"),  // 5–8 with YY ≤ 57 → 2000s
        ("010199-9123", "0101999123", "1999-01-01"),  // 9 with YY > 36 → 1900s
        ("020387-1235", "0203871235", "1987-03-02"),  // no modulus-11 rejection
    ])
    func hyphenatedFormAlwaysMatches(_ text: String, _ normalized: String, _ born: String) {
        for hint: FieldHint in [.none, .nationalID(nil), .nationalID(.dkCpr), .nationalID(.fiHetu), .fullName] {
            DetectorTest.expectWhole(d, text, normalized, hint: hint, identifier: .dkCpr)
        }
        #expect(CPRDetector.validate(Array(normalized.utf8)))
        #expect(DetectorTest.date(CPRDetector.birthDate(Array(normalized.utf8))) == born)
    }

    @Test func bareTenDigitsNeedTheHint() {
        #expect(DetectorTest.match(d, "0203871234") == nil)
        // An order number (`HN-230911-0474`): no CPR after its letters and dash.
        #expect(DetectorTest.match(d, "HN-230911-0474", at: 3) == nil)
        #expect(DetectorTest.match(d, "0203871234", hint: .nationalID(.sePersonnummer)) == nil)
        #expect(DetectorTest.match(d, "0203871234", hint: .phone) == nil)
        #expect(DetectorTest.value(d, "0203871234", hint: .nationalID(.dkCpr)) == "0203871234")
        #expect(DetectorTest.value(d, "0203871234", hint: .nationalID(nil)) == "0203871234")
    }

    @Test(arguments: [
        "290200-1123",  // 1900-02-29
        "311190-1234",  // 31 November
        "021387-1234",  // month 13
        "020387-12345",
        "020387-123",
        "020387 1234",
        "2020-03-1234",  // not DDMMYY
        "020387-1234-5",  // part of a longer code
    ])
    func invalid(_ text: String) {
        #expect(DetectorTest.match(d, text, hint: .nationalID(.dkCpr)) == nil)
    }

    @Test func nonPersonal() {
        #expect(DetectorTest.match(d, "020387-1234", hint: .nonPersonal) == nil)
        #expect(DetectorTest.match(d, "CPR: 020387-1234.", at: 5)?.offset == 5)
    }
}
