import Testing
@testable import BreachScope

@Suite struct ControllerNameTests {
    static func key(_ s: String) -> String { String(decoding: ControllerName.key(s), as: UTF8.self) }

    @Test(arguments: [
        ("PIRKANMAAN  HVA", "pirkanmaanhva"),
        ("pirkanmaan hva.", "pirkanmaanhva"),
        ("Pirkanmaan-HVA", "pirkanmaanhva"),
        ("  Pirkanmaan\tHVA ", "pirkanmaanhva"),
        ("Päijät-Häme", "paijathame"),
        ("Paijat-Hame", "paijathame"),
        ("PÄIJÄT–HÄME", "paijathame"),                      // en dash, upper-case umlauts
        ("Pa\u{308}ija\u{308}t-Ha\u{308}me", "paijathame"),  // decomposed umlauts
        ("Łódź", "lodz"),
        ("Straße", "strasse"),
        ("Region\u{A0}Skåne", "regionskane"),               // no-break space
        ("«HUS»", "hus"),
        ("H.U.S.", "hus"),
        ("Пётр", "петр"),                                    // Cyrillic lower-cased, ё folded
        ("-", ""),
        ("", ""),
    ])
    func keys(_ input: String, _ expected: String) {
        #expect(Self.key(input) == expected)
    }

    @Test(arguments: [
        ("Päijät-Hämeen HVA", "paijat-hameen-hva"),
        ("  Kymenlaakso ", "kymenlaakso"),
        ("Itä-Uusimaa / Porvoo", "ita-uusimaa-porvoo"),
        ("...", ""),
    ])
    func slugs(_ input: String, _ expected: String) {
        #expect(ControllerName.slug(input) == expected)
    }

    @Test func differentNamesStayDifferent() {
        #expect(Self.key("Länsi-Uusimaa") != Self.key("Itä-Uusimaa"))
        #expect(Self.key("HUS") != Self.key("HUSA"))
    }
}
