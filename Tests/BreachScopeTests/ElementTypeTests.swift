import Testing
@testable import BreachScope

@Suite struct ElementTypeTests {
    @Test func codesRoundTrip() {
        for e in ElementType.allCases { #expect(ElementType(code: e.code) == e) }
        for t in IdentifierType.allCases { #expect(IdentifierType(code: t.code) == t) }
        #expect(ElementType.nationalID.rawValue == "national_id")
        #expect(IdentifierType.fiHetu.country == "FI")
        #expect(!IdentifierType.email.isNational)
    }
}
