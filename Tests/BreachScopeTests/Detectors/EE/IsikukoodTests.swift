import Testing
@testable import BreachScope

@Suite struct IsikukoodTests {
    let d = IsikukoodDetector()

    @Test(arguments: [
        ("38001085718", "1980-01-08"),
        ("49403136526", "1994-03-13"),
        ("60002291230", "2000-02-29"),  // leap day of 2000
        ("37605030064", "1976-05-03"),  // first remainder 10: second-stage weights
        ("37605030920", "1976-05-03"),  // both remainders 10: check digit 0
    ])
    func valid(_ v: String, _ born: String) {
        DetectorTest.expectWhole(d, v, v, identifier: .eeIsikukood)
        #expect(IsikukoodDetector.validate(Array(v.utf8)))
        #expect(DetectorTest.date(IsikukoodDetector.birthDate(Array(v.utf8))) == born)
    }

    @Test(arguments: [
        "38001085719",  // wrong check digit
        "30002291237",  // 1900-02-29 does not exist (check digit right)
        "38013081232",  // month 13
        "38001321238",  // day 32
        "08001081237",  // century digit 0
        "98001081235",  // century digit 9
        "380010857182",  // a 12-digit number starting with a valid code
        "3800108571",  // too short
        "38001O85718",  // letter O for zero
        "12345678901",  // order number: month 45
        "10000000000",  // month 00
        "37605030299",  // SK ID Solutions' published test person (valid by every rule)
        "47101010033",  // Mobile-ID's test person
        "60001019906",
        "30303039914",  // Smart-ID's test person
    ])
    func invalid(_ v: String) {
        #expect(DetectorTest.match(d, v) == nil)
        #expect(!IsikukoodDetector.validate(Array(v.utf8)))
        #expect(IsikukoodDetector.birthDate(Array(v.utf8)) == nil)
    }

    @Test func context() {
        #expect(DetectorTest.match(d, "isikukood: 38001085718, tel 5551234", at: 11)?.offset == 11)
        #expect(DetectorTest.match(d, "38001085718;Mari")?.length == 11)
        #expect(DetectorTest.match(d, "38001085718.5") == nil)  // a decimal number
        #expect(DetectorTest.match(d, "38001085718a") == nil)
        #expect(DetectorTest.match(d, "12-38001085718", at: 3) == nil)  // tail of a longer code
        #expect(DetectorTest.match(d, "HN-38001085718", at: 3) == nil)  // an order number's tail
        // An ETSI semantics identifier (a Smart-ID login's `PNOEE-…`) holds the code; `XPNOEE-` does not.
        #expect(DetectorTest.match(d, #""userId": "PNOEE-38001085718""#, at: 17)?.offset == 17)
        #expect(DetectorTest.match(d, "XPNOEE-38001085718", at: 7) == nil)
        #expect(DetectorTest.match(d, "nr.38001085718", at: 3) != nil)  // an abbreviation's dot
        #expect(DetectorTest.match(d, "38001085718-12") == nil)
        #expect(DetectorTest.match(d, "38001085718", hint: .nonPersonal) == nil)
        // Another country's hint does not stop a self-validating code (the scanner decides).
        #expect(DetectorTest.match(d, "38001085718", hint: .nationalID(.plPesel)) != nil)
    }
}
