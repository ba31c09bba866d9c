import Testing
@testable import BreachScope

@Suite struct HETUTests {
    let d = HETUDetector()

    @Test(arguments: [
        ("131052-308T", "1952-10-13"),
        ("010594Y9021", "1994-05-01"),  // 2023 sign for the 1900s
        ("010594-9021", "1994-05-01"),
        ("010101A123N", "2001-01-01"),
        ("290200A002C", "2000-02-29"),
        ("010190+456C", "1890-01-01"),
        ("010594-900Y", "1994-05-01"),  // temporary number 900–999
    ])
    func valid(_ v: String, _ born: String) {
        DetectorTest.expectWhole(d, v, v, identifier: .fiHetu)
        #expect(HETUDetector.validate(Array(v.utf8)))
        #expect(DetectorTest.date(HETUDetector.birthDate(Array(v.utf8))) == born)
    }

    @Test func centurySignIsKeptAsWritten() {
        // `-` and `Y` codes with the same digits are different people (DVV 2023 decree):
        // normalisation must keep them apart.
        #expect(DetectorTest.value(d, "010594-9021") == "010594-9021")
        #expect(DetectorTest.value(d, "010594Y9021") == "010594Y9021")
        for sign in ["X", "W", "V", "U"] {
            #expect(DetectorTest.value(d, "010594\(sign)9021") == "010594\(sign)9021")
        }
        for sign in ["B", "C", "D", "E", "F"] {
            #expect(DetectorTest.value(d, "010101\(sign)123N") == "010101\(sign)123N")
        }
    }

    @Test(arguments: [
        "131052-308U",  // wrong check character
        "290200-002C",  // 1900-02-29
        "010594-001Y",  // individual number 001
        "010594G9021",  // G is no century sign
        "010594 9021",
        "310494-9021",  // 31 April
        "131052-308T5",
        "131052-308",
    ])
    func invalid(_ v: String) {
        #expect(DetectorTest.match(d, v) == nil)
        #expect(!HETUDetector.validate(Array(v.utf8)))
    }

    /// A code typed in lower case is found, in upper case; `validate` takes the normalised form.
    @Test func lowerCaseIsNormalised() {
        #expect(DetectorTest.value(d, "131052-308t") == "131052-308T")
        #expect(DetectorTest.value(d, "010101a123N") == "010101A123N")
        #expect(DetectorTest.value(d, "211240-384x") == "211240-384X")
        #expect(DetectorTest.match(d, "131052-308u") == nil)
        #expect(!HETUDetector.validate(Array("131052-308t".utf8)))
    }

    @Test func context() {
        #expect(DetectorTest.match(d, "Hetu: 131052-308T, Helsinki", at: 6)?.offset == 6)
        #expect(DetectorTest.match(d, "131052-308T", hint: .nonPersonal) == nil)
        #expect(DetectorTest.match(d, "131052-308T", hint: .nationalID(.dkCpr)) != nil)
    }
}
