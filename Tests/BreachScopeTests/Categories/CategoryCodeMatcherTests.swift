import Testing
@testable import BreachScope

@Suite("CategoryCodeMatcher")
struct CategoryCodeMatcherTests {
    /// Length matched at offset 0 of `text` (the text is preceded by nothing, i.e. a word start).
    static func length(_ m: CategoryCodeMatcher, _ text: String) -> Int {
        let b = Array(text.utf8)
        return b.withUnsafeBufferPointer { m.match($0.baseAddress!, $0.count, 0) }
    }

    /// (matcher, text, expected matched prefix or nil for no match).
    static let table: [(CategoryCodeMatcher, String, String?)] = [
        (.hgvs, "c.68_69delAG", "c.68_69delAG"),
        (.hgvs, "c.5266dupC", "c.5266dupC"),
        (.hgvs, "c.1521_1523delCTT;", "c.1521_1523delCTT"),
        (.hgvs, "c.35G>A", "c.35G>A"),
        (.hgvs, "c.-12+3C>T", "c.-12+3C>T"),
        (.hgvs, "c.*46del", "c.*46del"),
        (.hgvs, "g.12345678A>G", "g.12345678A>G"),
        (.hgvs, "c.123_124insAT", "c.123_124insAT"),
        (.hgvs, "c.100_102delinsGT", "c.100_102delinsGT"),
        (.hgvs, "p.Glu23fs", "p.Glu23fs"),
        (.hgvs, "p.Glu23ValfsTer17", "p.Glu23ValfsTer17"),
        (.hgvs, "p.(Arg117His)", "p.(Arg117His)"),
        (.hgvs, "p.Phe508del", "p.Phe508del"),
        (.hgvs, "p.Gly12Asp", "p.Gly12Asp"),
        (.hgvs, "p.Arg1443Ter", "p.Arg1443Ter"),
        (.hgvs, "p.G12D", "p.G12D"),
        (.hgvs, "p.R117H)", "p.R117H"),
        (.hgvs, "c.5 km", nil),
        (.hgvs, "c.5", nil),
        (.hgvs, "p.25", nil),
        (.hgvs, "p.(Arg117His", nil),
        (.hgvs, "c.68delAGX", nil),
        (.hgvs, "c.1990s", nil),
        (.hgvs, "p.Abc12Def", nil),
        (.hgvs, "C.68_69delAG", nil),
        (.icd10, "E11.9", "E11.9"),
        (.icd10, "E11", "E11"),
        (.icd10, "J45.01", "J45.01"),
        (.icd10, "F32.1,", "F32.1"),
        (.icd10, "U07.1", nil),
        (.icd10, "A10-2023", nil),
        (.icd10, "E11.123", nil),
        (.icd10, "E11A", nil),
        (.icd10, "E1", nil),
        (.atc, "A10BA02", "A10BA02"),
        (.atc, "N02BE01.", "N02BE01"),
        (.atc, "A10BA02X", nil),
        (.atc, "E10BA02", nil),
        (.atc, "A10BA0", nil),
        (.atc, "A10BA02-1", nil),
        (.atc4, "A10AB", "A10AB"),
        (.atc4, "A10AB1", nil),
        (.atc4, "A10A", nil),
        (.rsid, "rs4988235", "rs4988235"),
        (.rsid, "rs12", nil),
        (.rsid, "rs1234x", nil),
        (.rsid, "RS4988235", nil),
    ]

    @Test("code matchers", arguments: table.indices)
    func code(_ k: Int) {
        let (m, text, expected) = Self.table[k]
        let len = Self.length(m, text)
        let got = len > 0 ? String(text.utf8.prefix(len))! : nil
        #expect(got == expected, "\(m) \(text)")
    }

    @Test func joinedReferencesAreNotCodes() {
        let b = Array("ORD-A10 X/E11".utf8)
        b.withUnsafeBufferPointer { p in
            #expect(CategoryCodeMatcher.icd10.match(p.baseAddress!, p.count, 4) == 0)
            #expect(CategoryCodeMatcher.icd10.match(p.baseAddress!, p.count, 10) == 0)
        }
    }
}
