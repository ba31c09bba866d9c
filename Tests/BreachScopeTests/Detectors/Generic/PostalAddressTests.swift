import Testing
@testable import BreachScope

private func address(_ s: String) -> String? {
    Array(s.utf8).withUnsafeBufferPointer { PostalAddressDetector.normalize($0) }.map { String(decoding: $0, as: UTF8.self) }
}

@Suite struct PostalAddressTests {
    /// Fictitious addresses.
    @Test(arguments: [
        ("Tamme tn 5-12, 10115 Tallinn", "Tamme tn 5-12, 10115 Tallinn"),
        ("Tamme tn 5-12,\n  10115   Tallinn", "Tamme tn 5-12, 10115 Tallinn"),
        ("  Esimerkkikatu 1 A 2, 00100 Helsinki ,", "Esimerkkikatu 1 A 2, 00100 Helsinki"),
        ("ul. Przykładowa 7/3, 00-950 Warszawa", "ul. Przykładowa 7/3, 00-950 Warszawa"),
        ("ул. Примерная, д. 1, кв. 2, Нарва", "ул. Примерная, д. 1, кв. 2, Нарва"),
        ("Exempelgatan 3, 111 22 Stockholm", "Exempelgatan 3, 111 22 Stockholm"),
        ("Musterstraße 12\u{00A0}b", "Musterstraße 12 b"),
        ("Tallinn", "Tallinn"),
        ("Brīvības iela 1-1, Rīga, LV-1010", "Brīvības iela 1-1, Rīga, LV-1010"),
    ])
    func valid(input: String, expected: String) {
        #expect(address(input) == expected)
    }

    @Test(arguments: [
        "", "  ", ",", "10115", "12-34", "N/A", "null", "-", "unknown", "Aadress", "address",
        "mari@example.ee", "Test", "no fixed abode",
        String(repeating: "Tamme tn 5, ", count: 30),
    ])
    func invalid(input: String) {
        #expect(address(input) == nil)
    }

    @Test func join() {
        let parts: [[UInt8]] = ["Tamme tn 5 ", "", "10115", "  Tallinn"].map { Array($0.utf8) }
        #expect(String(decoding: PostalAddressDetector.join(parts), as: UTF8.self) == "Tamme tn 5, 10115, Tallinn")
        #expect(PostalAddressDetector.join([]) == [])
        #expect(PostalAddressDetector.join([Array("Tallinn".utf8)]) == Array("Tallinn".utf8))
    }

    /// A postal code (or a house or flat number) in its own column is part of the address (it
    /// used to be dropped for having no letter: `Kauppakatu 4 B 7, KOTKA`); a longer number, a
    /// decimal or a placeholder is not.
    @Test func postalCodesArePartsOfAnAddress() {
        func part(_ s: String) -> String? {
            Array(s.utf8).withUnsafeBufferPointer { PostalAddressDetector.normalizePart($0) }.map { String(decoding: $0, as: UTF8.self) }
        }
        #expect(part("48100") == "48100")
        #expect(part(" 00-950 ") == "00-950")
        #expect(part("114 55") == "114 55")
        #expect(part("Kotka") == "Kotka")
        #expect(part("7") == "7")  // a flat number
        for no in ["12345678901", "-", "N/A", "48100.5", "  "] { #expect(part(no) == nil, "\(no)") }
        #expect(PostalAddressDetector.hasLetter(Array("Łódź".utf8)) && !PostalAddressDetector.hasLetter(Array("00-950".utf8)))
    }

    /// The stack check for address placeholders agrees with the word-by-word check: a text is a
    /// placeholder only when every word is one (general or address-specific).
    @Test(arguments: [
        ("Address", true), ("N/A", true), ("unknown address", true), ("Street, City", true), ("ZIP:", true), ("no fixed abode", true),
        ("Kauppakatu 48 Lahti", false), ("Pikk 12, Tallinn", false), ("Address Pikk", false), ("", false),
        (String(repeating: "a", count: 70) + " street", false), ("STREET " + String(repeating: "x", count: 80), false),
    ])
    func placeholderCheckAgrees(_ text: String, _ expected: Bool) {
        let bytes = Array(text.utf8)
        let slow = NameDetector.isPlaceholder(bytes, extra: PostalAddressDetector.placeholders)
        let fast = NameDetector.isPlaceholder(bytes, extra: PostalAddressDetector.placeholders, extraHashes: PostalAddressDetector.placeholderHashes)
        #expect(slow == expected)
        #expect(fast == expected)
        if NameDetector.someWordIsNoPlaceholder(bytes, extraHashes: PostalAddressDetector.placeholderHashes) { #expect(!expected) }
    }
}
