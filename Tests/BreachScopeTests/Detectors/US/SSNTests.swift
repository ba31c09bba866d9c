import Testing
@testable import BreachScope

@Suite struct SSNTests {
    let d = SSNDetector()
    let ssn = FieldHint.nationalID(.usSsn)

    @Test(arguments: ["512-34-6789", "512 34 6789", "512346789", "001-01-0001", "899-99-9999", "665-12-3456"])
    func validWithHint(_ text: String) {
        DetectorTest.expectWhole(d, text, String(text.filter(\.isNumber)), hint: ssn, identifier: .usSsn)
        #expect(SSNDetector.validate(Array(text.filter(\.isNumber).utf8)))
        #expect(SSNDetector.birthDate(Array(text.filter(\.isNumber).utf8)) == nil)
    }

    @Test(arguments: [FieldHint.none, .nationalID(nil), .nationalID(.dkCpr), .phone, .nonPersonal])
    func neverWithoutTheSSNHint(_ hint: FieldHint) {
        #expect(DetectorTest.match(d, "512-34-6789", hint: hint) == nil)
        #expect(DetectorTest.match(d, "512346789", hint: hint) == nil)
    }

    @Test(arguments: [
        "000-12-3456",  // area 000
        "666-12-3456",  // area 666
        "900-12-3456",  // area 900–999
        "999-12-3456",
        "512-00-6789",  // group 00
        "512-34-0000",  // serial 0000
        "078-05-1120",  // Woolworth wallet card
        "219-09-9999",  // SSA pamphlet
        "123-45-6789",
        "512-34 6789",  // mixed separators
        "512--34-6789",
        "512-34-67890",
        "5123467890",  // 10 digits
        "512-34-6789-1",
    ])
    func invalid(_ text: String) {
        #expect(DetectorTest.match(d, text, hint: ssn) == nil)
    }

    @Test func context() {
        #expect(DetectorTest.match(d, "SSN: 512-34-6789;", at: 5, hint: ssn)?.offset == 5)
    }
}
