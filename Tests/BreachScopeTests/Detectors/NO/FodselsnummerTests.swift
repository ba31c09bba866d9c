import Testing
@testable import BreachScope

@Suite struct FodselsnummerTests {
    let d = FodselsnummerDetector()

    @Test(arguments: [
        ("15076500565", "1965-07-15"),  // individual 000–499 → 1900s
        ("41076500531", "1965-07-01"),  // D-number: day + 40
        ("15476500548", "1965-07-15"),  // H-number: month + 40
        ("29020050088", "2000-02-29"),  // individual 500–999 with YY < 40 → 2000s
        ("01015560041", "1855-01-01"),  // individual 500–749 with YY ≥ 54 → 1800s
        ("01014595089", "1945-01-01"),  // individual 900–999 with YY ≥ 40 → 1900s
    ])
    func valid(_ v: String, _ born: String) {
        DetectorTest.expectWhole(d, v, v, identifier: .noFodselsnummer)
        #expect(FodselsnummerDetector.validate(Array(v.utf8)))
        #expect(DetectorTest.date(FodselsnummerDetector.birthDate(Array(v.utf8))) == born)
    }

    @Test(arguments: [
        "15076500566",  // second control digit wrong
        "15076500575",  // first control digit wrong
        "29020010027",  // 1900-02-29 (control digits right)
        "01015580077",  // individual 800 with YY 55: no century (control digits right)
        "150765005650",  // 12 digits
        "1507650056",  // 10 digits
        "15076500565.0",  // decimal
        "00000000000",  // day 00 (control digits 0 and 0 are right)
    ])
    func invalid(_ v: String) {
        #expect(DetectorTest.match(d, v) == nil)
    }

    @Test func secondControlDigitTenIsInvalid() {
        // 010120500 + K1 0 gives K2 = 10: no valid number exists with this prefix.
        for k2 in 0...9 {
            #expect(!FodselsnummerDetector.validate(Array("0101205000\(k2)".utf8)))
        }
    }

    @Test func context() {
        #expect(DetectorTest.match(d, "fnr=15076500565&x=1", at: 4)?.offset == 4)
        #expect(DetectorTest.match(d, "15076500565", hint: .nonPersonal) == nil)
    }
}
