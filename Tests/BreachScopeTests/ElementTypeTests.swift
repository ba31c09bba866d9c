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

    /// The codes are stored: each is the case's place in the declaration, and known ones stay.
    @Test func codesAreDeclarationPlaces() {
        for (i, e) in ElementType.allCases.enumerated() { #expect(Int(e.code) == i, "\(e)") }
        for (i, t) in IdentifierType.allCases.enumerated() { #expect(Int(t.code) == i, "\(t)") }
        #expect(ElementType.purchaseHistory.code == 10 && ElementType.credentials.code == 15)
        #expect(IdentifierType.eeIsikukood.code == 0 && IdentifierType.phone.code == 11)
        #expect(ElementType(code: UInt8(ElementType.allCases.count)) == nil)
        #expect(IdentifierType(code: 200) == nil)
    }
}
