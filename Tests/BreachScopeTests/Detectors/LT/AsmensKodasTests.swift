import Testing
@testable import BreachScope

@Suite struct AsmensKodasTests {
    let d = AsmensKodasDetector()

    @Test(arguments: [
        ("49403136526", "1994-03-13"),
        ("51506130013", "2015-06-13"),
        ("38001085718", "1980-01-08"),  // same structure as an Estonian code
        ("37605030920", "1976-05-03"),  // check digit 0 after two remainders of 10
    ])
    func valid(_ v: String, _ born: String) {
        DetectorTest.expectWhole(d, v, v, identifier: .ltAsmensKodas)
        #expect(AsmensKodasDetector.validate(Array(v.utf8)))
        #expect(DetectorTest.date(AsmensKodasDetector.birthDate(Array(v.utf8))) == born)
    }

    @Test func exceptionalNineCodes() {
        // First digit 9: no date, only the check digit, so only where a label says so.
        #expect(DetectorTest.value(d, "91234567895", hint: .nationalID(.ltAsmensKodas)) == "91234567895")
        #expect(DetectorTest.value(d, "91234567895", hint: .nationalID(nil)) == "91234567895")
        #expect(DetectorTest.match(d, "91234567895") == nil, "an unlabelled 9… number is a decoy (order or reference number)")
        #expect(AsmensKodasDetector.validate(Array("91234567895".utf8)))
        #expect(AsmensKodasDetector.birthDate(Array("91234567895".utf8)) == nil)
        #expect(DetectorTest.match(d, "91234567896", hint: .nationalID(.ltAsmensKodas)) == nil)
    }

    @Test(arguments: [
        "49403136527",  // wrong check digit
        "30002291237",  // 1900-02-29
        "80010857182",  // century digit 8 (valid in Estonia only) — and wrong check
        "08001081237",  // century digit 0
        "494031365260",  // 12 digits
        "4940313652",  // 10 digits
        "37605030299",  // an Estonian test person's code (`NationalIDs.publicTestCodes`)
    ])
    func invalid(_ v: String) {
        #expect(DetectorTest.match(d, v) == nil)
        #expect(!AsmensKodasDetector.validate(Array(v.utf8)))
    }

    @Test func centuryDigitsSevenAndEightAreEstonianOnly() {
        // 7… codes validate as isikukood but not as asmens kodas.
        let ee = "7" + "000101000"
        let check = Checksums.baltic11(Array(ee.utf8))!
        let v = ee + String(check)
        #expect(IsikukoodDetector.validate(Array(v.utf8)))
        #expect(!AsmensKodasDetector.validate(Array(v.utf8)))
        #expect(DetectorTest.match(d, v) == nil)
    }

    @Test func hints() {
        #expect(DetectorTest.match(d, "49403136526", hint: .nonPersonal) == nil)
        #expect(DetectorTest.match(d, "49403136526", hint: .nationalID(.eeIsikukood)) != nil)
        #expect(DetectorTest.match(d, "tel.49403136526", at: 4)?.offset == 4)
    }
}
