import Testing
@testable import BreachScope

/// The two rules a household split rests on: which phones are fixed lines (by each country's
/// plan), and when two names can be one person's.
@Suite struct HouseholdsTests {
    @Test(arguments: [
        ("+35896558066", true), ("+358131311430", true), ("+358401234567", false), ("+358501234567", false),   // FI
        ("+3726123456", true), ("+37251234567", false),                                                        // EE
        ("+37167123456", true), ("+37121234567", false),                                                       // LV
        ("+37052123456", true), ("+37061234567", false),                                                       // LT
        ("+46812345678", true), ("+46701234567", false),                                                       // SE
        ("+4722123456", true), ("+4791234567", false),                                                         // NO
        ("+48221234567", true), ("+48501234567", false),                                                       // PL
        ("+49301234567", true), ("+491511234567", false),                                                      // DE
        ("+442071234567", true), ("+447700900123", false),                                                     // GB
        ("+4532123456", false), ("+12025550142", false),                                                       // DK, NANP: cannot tell
        ("+372512", false), ("not a phone", false),
    ] as [(String, Bool)])
    func fixedLines(_ e164: String, _ fixed: Bool) {
        #expect(PhonePlans.isFixedLine(Array(e164.utf8)) == fixed, "\(e164)")
    }

    @Test(arguments: [
        ("Marjatta Virtanen", "Virtanen Marjatta", true), ("Marjatta Virtanen", "M. Virtanen", true),
        ("MARJATTA VIRTANEN", "marjatta virtanen", true), ("Henrik Sjöberg", "Kristina Sjöberg", false),
        ("Henrik Sjöberg", "Sjöberg", false), ("Anna Maria Kask", "Anna Kask", false), ("M. Virtanen", "K. Virtanen", false),
        ("Ö. Sjöberg", "Örjan Sjöberg", true), ("Ä. Sjöberg", "Örjan Sjöberg", false),
    ] as [(String, String, Bool)])
    func namesAgree(_ a: String, _ b: String, _ same: Bool) {
        let x = Households.nameWords(Array(a.utf8)), y = Households.nameWords(Array(b.utf8))
        #expect(Households.agree(x, y) == same && Households.agree(y, x) == same, "\(a) / \(b)")
    }
}
