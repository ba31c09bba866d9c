import Testing
@testable import BreachScope

@Suite struct NHSNumberTests {
    let d = NHSNumberDetector()

    @Test(arguments: [
        ("943 476 5919", "9434765919"),
        ("943-476-5919", "9434765919"),
        ("401 023 2137", "4010232137"),
        ("999 999 9999", "9999999999"),  // a test-range number
    ])
    func groupedFormAlwaysMatches(_ text: String, _ normalized: String) {
        for hint: FieldHint in [.none, .nationalID(nil), .nationalID(.ukNhsNumber), .nationalID(.usSsn), .phone] {
            DetectorTest.expectWhole(d, text, normalized, hint: hint, identifier: .ukNhsNumber)
        }
        #expect(NHSNumberDetector.validate(Array(normalized.utf8)))
        #expect(NHSNumberDetector.birthDate(Array(normalized.utf8)) == nil)
    }

    @Test func plainFormNeedsTheHint() {
        #expect(DetectorTest.match(d, "9434765919") == nil)
        #expect(DetectorTest.match(d, "9434765919", hint: .phone) == nil)
        #expect(DetectorTest.value(d, "9434765919", hint: .nationalID(.ukNhsNumber)) == "9434765919")
        #expect(DetectorTest.value(d, "9434765919", hint: .nationalID(nil)) == "9434765919")
    }

    @Test(arguments: [
        "943 476 5918",  // wrong check digit
        "401 020 0090",  // check would be 10: no valid number with this prefix
        "943 476-5919",  // mixed separators
        "943  476 5919",
        "943 476 59190",
        "94 3476 5919",
        "943 4765 919",
    ])
    func invalid(_ text: String) {
        #expect(DetectorTest.match(d, text, hint: .nationalID(.ukNhsNumber)) == nil)
    }

    @Test func invalidPlain() {
        #expect(DetectorTest.match(d, "9434765918", hint: .nationalID(.ukNhsNumber)) == nil)
        #expect(DetectorTest.match(d, "94347659190", hint: .nationalID(.ukNhsNumber)) == nil)
        #expect(DetectorTest.match(d, "943 476 5919", hint: .nonPersonal) == nil)
    }

    @Test func context() {
        #expect(DetectorTest.match(d, "NHS No: 943 476 5919.", at: 8)?.offset == 8)
    }
}
