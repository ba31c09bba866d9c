import Testing
@testable import BreachScope

@Suite struct ChecksumsTests {
    private func b(_ s: String) -> [UInt8] { Array(s.utf8) }

    @Test(arguments: [
        ("79927398713", true), ("79927398710", false), ("4539148803436467", true),
        ("4539148803436468", false), ("0", true), ("", false), ("7992 7398 713", false),
        ("8112189876", true), ("8112189875", false),
    ])
    func luhn(_ s: String, _ valid: Bool) {
        #expect(Checksums.luhn(b(s)) == valid)
    }

    @Test func luhnCheckDigit() {
        #expect(Checksums.luhnCheckDigit(b("7992739871")) == 3)
        #expect(Checksums.luhnCheckDigit(b("811218987")) == 6)
        #expect(Checksums.luhnCheckDigit(b("81121898x")) == nil)
    }

    @Test func weightedSums() {
        #expect(Checksums.weightedSum(b("123"), weights: [1, 2, 3]) == 14)
        #expect(Checksums.weightedSum(b("1a3"), weights: [1, 2, 3]) == nil)
        // Only the overlapping prefix counts.
        #expect(Checksums.weightedSum(b("12345"), weights: [1, 1]) == 3)
        #expect(Checksums.mod11(b("943476591"), weights: [10, 9, 8, 7, 6, 5, 4, 3, 2]) == 2)
        #expect(Checksums.mod11Complement(b("943476591"), weights: [10, 9, 8, 7, 6, 5, 4, 3, 2]) == 9)
        // Remainder 1 → check 10 → no valid check digit.
        #expect(Checksums.mod11Complement(b("401020009"), weights: [10, 9, 8, 7, 6, 5, 4, 3, 2]) == nil)
        // Remainder 0 → check 11 → 0.
        #expect(Checksums.mod11Complement(b("11"), weights: [10, 1]) == 0)
    }

    @Test(arguments: [
        ("3800108571", 8),  // first stage
        ("3760503006", 4),  // first remainder 10, second stage
        ("3760503092", 0),  // both remainders 10 → 0
    ])
    func baltic11(_ payload: String, _ check: Int) {
        #expect(Checksums.baltic11(b(payload)) == check)
        #expect(Checksums.baltic11(b(payload + "9")) == check)  // the 11th byte is ignored
    }

    @Test func mod97() {
        // IBANs with the first four characters moved to the end give 1.
        #expect(Checksums.mod97(b("WEST12345698765432GB82")) == 1)
        #expect(Checksums.mod97(b("370400440532013000DE89")) == 1)
        #expect(Checksums.mod97(b("west12345698765432gb82")) == 1)
        #expect(Checksums.mod97("WEST12345698765432GB82".utf8) == 1)
        #expect(Checksums.mod97(b("WEST12345698765432GB83")) == 2)
        #expect(Checksums.mod97(b("97")) == 0)
        #expect(Checksums.mod97(b("WEST 1234")) == -1)
        #expect(Checksums.mod97(b("")) == -1)
    }

    @Test(arguments: [
        (2000, 2, 29, true), (1900, 2, 29, false), (2024, 2, 29, true), (2023, 2, 29, false),
        (2023, 2, 28, true), (2023, 4, 31, false), (2023, 4, 30, true), (2023, 12, 31, true),
        (2023, 0, 1, false), (2023, 13, 1, false), (2023, 1, 0, false), (2023, 1, 32, false),
        (1800, 2, 29, false), (2400, 2, 29, true), (0, 1, 1, false),
    ])
    func dates(_ y: Int, _ m: Int, _ d: Int, _ valid: Bool) {
        #expect(Checksums.isValidDate(year: y, month: m, day: d) == valid)
    }
}
