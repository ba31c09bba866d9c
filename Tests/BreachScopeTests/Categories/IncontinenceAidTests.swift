import Testing
@testable import BreachScope

/// Adult diapers and underpads (home-care deliveries) count as incontinence aids; baby diapers,
/// bed sheets and ibuprofen sales do not.
@Suite struct IncontinenceAidTests {
    static let cases: [(String, [String])] = [
        ("Vaippa M, 28 kpl", ["product-incontinence-diaper-size:Vaippa M"]),
        ("Housuvaippa L, 14 kpl", ["product-incontinence-diaper-size:Housuvaippa L"]),
        ("Blöja XL, 20 st", ["product-incontinence-diaper-size:Blöja XL"]),
        ("Aluslakana 60x90, 30 kpl", ["product-underpad:Aluslakana"]),
        ("Engångsunderlägg 60x60", ["product-underpad:Engångsunderlägg"]),
        ("Teippivaippa aikuisille, yö", ["product-incontinence-diaper:Teippivaippa"]),
        ("Abena Pants Premium M, 15 kpl", ["product-incontinence:Abena Pants"]),
        ("Attends Flex 9 L", ["product-incontinence:Attends Flex"]),
        ("Vuoteensuoja 60x90, 30 kpl", ["product-underpad:Vuoteensuoja"]),
        // Decoys.
        ("Pampers vaippa 4 (9-14 kg)", []),
        ("Puuvillainen aluslakana 160x200", []),
        ("Ibuprofeen 400 mg", []),
        ("Paracetamol 500 mg 20 tbl", []),
    ]

    @Test(arguments: cases) func products(_ line: String, _ expected: [String]) {
        #expect(CategoryTest.found(line) == expected)
    }
}
