import Testing
@testable import BreachScope

private func match(_ text: String, at: Int = 0, hint: FieldHint = .dateOfBirth, us: Bool = false) -> Finding? {
    DetectorTest.match(DateOfBirthDetector(usFormat: us), text, at: at, hint: hint)
}

@Suite struct DateOfBirthTests {
    @Test func formats() {
        let table: [(String, String)] = [
            ("1985-03-14", "1985-03-14"),
            ("1985/03/14", "1985-03-14"),
            ("19850314", "1985-03-14"),
            ("14.03.1985", "1985-03-14"),
            ("4.3.1985", "1985-03-04"),
            ("14/03/1985", "1985-03-14"),
            ("14-03-1985", "1985-03-14"),
            ("03/14/1985", "1985-03-14"),  // US: only the month-first reading is a date
            ("04/03/1985", "1985-03-04"),  // ambiguous: day first
            ("1985-03-14T00:00:00", "1985-03-14"),
            ("1985-03-14T00:00:00.000Z", "1985-03-14"),
            ("1985-03-14T00:00:00+02:00", "1985-03-14"),
            ("1985-03-14 00:00", "1985-03-14"),
            ("14.03.1985 00:00:00", "1985-03-14"),
            ("29.02.1984", "1984-02-29"),
            ("29.02.2000", "2000-02-29"),
            ("01.01.1890", "1890-01-01"),
            ("31.12.2026", "2026-12-31"),
            ("03231993", "1993-03-23"),  // MMDDYYYY (a US pharmacy file): only that reading is a date
            ("23031993", "1993-03-23"),  // DDMMYYYY
            ("04031985", "1985-03-04"),  // ambiguous: day first
        ]
        for (text, expected) in table {
            DetectorTest.expectWhole(DateOfBirthDetector(), text, expected, hint: .dateOfBirth)
        }
        #expect(match("04/03/1985", us: true)?.valueString == "1985-04-03")
        #expect(match("14/03/1985", us: true)?.valueString == "1985-03-14")
        #expect(match("04031985", us: true)?.valueString == "1985-04-03")
        #expect(match("19850403", us: true)?.valueString == "1985-04-03")
        #expect(match("Born 14.03.1985.", at: 5)?.valueString == "1985-03-14")
    }

    @Test func onlyWithHint() {
        for hint in [FieldHint.none, .phone, .nonPersonal, .fullName, .linkKey(namespace: "customer")] {
            #expect(match("1985-03-14", hint: hint) == nil)
        }
    }

    @Test func invalid() {
        let table = [
            "29.02.1985", "29.02.1900", "31.04.1985", "32.01.1985", "00.01.1985", "14.00.1985", "1985-13-01",
            "1889-12-31", "2027-01-01", "14.03.85", "14.03.19850", "1985-03-14X", "1985-03-14T", "1985-03-14Tx",
            "1985-03/14", "14.03-1985", "13/13/1985", "198503140", "13131985", "00001985", "1985.03.14", "1681550000", "4820193756",
            "192.168.100.200", "1.2.3", "3.14159", "14.03.1985.5",
        ]
        for text in table {
            #expect(match(text) == nil, "\(text)")
        }
    }

    @Test func validateAndNormalize() {
        #expect(DateOfBirthDetector.validate(year: 2000, month: 2, day: 29))
        #expect(!DateOfBirthDetector.validate(year: 1900, month: 2, day: 29))
        #expect(!DateOfBirthDetector.validate(year: 1985, month: 6, day: 31))
        #expect(!DateOfBirthDetector.validate(year: 1850, month: 1, day: 1))
        let norm = { (s: String, us: Bool) in
            DateOfBirthDetector.normalize(Array(s.utf8), usFormat: us).map { String(decoding: $0, as: UTF8.self) }
        }
        #expect(norm(" 14.03.1985 ", false) == "1985-03-14")
        #expect(norm("1985-03-14T00:00:00", false) == "1985-03-14")
        #expect(norm("03/04/1985", true) == "1985-03-04")
        #expect(norm("03/04/1985", false) == "1985-04-03")
        #expect(norm("14.03.1985 (age 40)", false) == nil)
        #expect(norm("", false) == nil)
    }
}
