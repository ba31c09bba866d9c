import Testing
@testable import BreachScope

@Suite struct PESELTests {
    let d = PESELDetector()

    @Test(arguments: [
        ("02270803624", "2002-07-08"),  // month + 20 → 2000s
        ("80010123450", "1980-01-01"),
        ("00222912349", "2000-02-29"),
    ])
    func valid(_ v: String, _ born: String) {
        DetectorTest.expectWhole(d, v, v, identifier: .plPesel)
        #expect(PESELDetector.validate(Array(v.utf8)))
        #expect(DetectorTest.date(PESELDetector.birthDate(Array(v.utf8))) == born)
    }

    @Test func centuryMonthOffsets() {
        // Build one value per offset and check the decoded year.
        for (offset, year) in [(80, 1805), (0, 1905), (20, 2005), (40, 2105), (60, 2205)] {
            let payload = "05" + String(1 + offset).leftPadded(2) + "010000"
            let s = Checksums.weightedSum(Array(payload.utf8), weights: [1, 3, 7, 9, 1, 3, 7, 9, 1, 3])!
            let v = payload + String((10 - s % 10) % 10)
            #expect(PESELDetector.date(Array(v.utf8).withUnsafeBufferPointer { $0 })?.year == year)
            // A birth date after today is no one's (`48720449250`, a Polish phone, spells 2248).
            #expect((DetectorTest.match(d, v) != nil) == (year < 2100))
        }
        #expect(DetectorTest.match(d, "48720449250") == nil && DetectorTest.match(d, "48503156309") == nil)
    }

    @Test(arguments: [
        "02270803625",  // wrong check digit
        "00822912347",  // 1800-02-29 (check digit right)
        "00022912343",  // 1900-02-29 (check digit right)
        "80130112345",  // month 13
        "022708036240",  // 12 digits
        "0227080362",  // 10 digits
    ])
    func invalid(_ v: String) {
        #expect(DetectorTest.match(d, v) == nil)
        #expect(!PESELDetector.validate(Array(v.utf8)))
    }

    @Test func context() {
        #expect(DetectorTest.match(d, "PESEL 02270803624", at: 6)?.offset == 6)
        #expect(DetectorTest.match(d, "02270803624", hint: .nonPersonal) == nil)
    }
}

private extension String {
    func leftPadded(_ width: Int) -> String { String(repeating: "0", count: max(0, width - count)) + self }
}
