import Testing
@testable import BreachScope

/// The compared forms behind weak keys: one person's name and address as two files write them
/// meet; different names or addresses do not.
struct WeakKeyTests {
    func name(_ s: String) -> String {
        var out: [UInt8] = []
        Array(s.utf8).withUnsafeBufferPointer { WeakKey.nameForm($0, into: &out) }
        return String(decoding: out, as: UTF8.self)
    }

    func address(_ s: String) -> String {
        var out: [UInt8] = [0x41]  // appends: what was there stays
        Array(s.utf8).withUnsafeBufferPointer { WeakKey.addressForm($0, into: &out) }
        return String(decoding: out.dropFirst(), as: UTF8.self)
    }

    @Test func namesMeetWhateverTheCaseAndOrder() {
        #expect(name("Pirjo Räsänen") == "pirjo rasanen")
        #expect(name("RÄSÄNEN PIRJO") == "pirjo rasanen")
        #expect(name("Räsänen, Pirjo") == "pirjo rasanen")
        #expect(name("ŠIMKUS ŽYDRŪNAS") == name("Žydrūnas Šimkus"))
        #expect(name("ŁUKASZ ŻÓŁTOWSKI") == "lukasz zoltowski")
        #expect(name("АННА ИВАНОВА") == name("Иванова Анна"))
        #expect(name("Anna-Liisa Heinonen") != name("Anna Liisa Heinonen"))
        #expect(name("Pirjo Räsänen") != name("Pirkko Räsänen"))
        // Initials and generational suffixes are left out while two words remain.
        #expect(name("STEVEN U ADAMS") == name("Adams, Steven"))
        #expect(name("Adams Steven U.") == "adams steven")
        #expect(name("George C. Nelson Sr.") == name("Nelson, George"))
        #expect(name("J Smith") == "j smith")
        // Diacritics folded: a bank's SWIFT characters meet the name as written.
        #expect(name("KOZLOWSKA AGNIESZKA") == name("Agnieszka Kozłowska"))
        #expect(name("JABLONSKA JOANNA") == name("JOANNA JABŁOŃSKA"))
        #expect(name("Räsänen Pirjo") == "pirjo rasanen")
        #expect(name("Йоханнес Ильин") == "ильин йоханнес")
    }

    @Test func addressesMeetWhateverTheCaseAndSeparators() {
        #expect(address("Kauppakatu 4 B 7, 48100 KOTKA") == "kauppakatu 4 b 7 48100 kotka")
        #expect(address("Kauppakatu 4 B 7, 48100, Kotka") == "kauppakatu 4 b 7 48100 kotka")
        #expect(address("ul. Długa 5/3; 00-950 Warszawa") == "długa 5 3 00 950 warszawa")
        #expect(address(" Tamme tn 5-12 , 10115 Tallinn. ") == "tamme tn 5 12 10115 tallinn")
        // A street type before the name and an apartment's marker say nothing of their own.
        #expect(address("UL. SIENKIEWICZA 104/17, 35-263 Rzeszów") == address("Sienkiewicza 104 m. 17, 35-263, Rzeszów"))
        #expect(address("Koivukuja 5 as 3, 15100 Lahti") == address("Koivukuja 5-3, 15100 LAHTI"))
        #expect(address("Ulvilantie 3") == "ulvilantie 3")   // a word that starts like a marker stays
        #expect(address("Kauppakatu 4 B 7, 48100 KOTKA") != address("Kauppakatu 4 B 8, 48100 KOTKA"))
    }

    /// The core of an address: its street, number and flat, and its postal code (else its town),
    /// without a care home's name, a door code or a room written around them.
    @Test func addressCoresLeaveOutWhatIsAroundTheStreet() {
        func core(_ s: String) -> String? { WeakKey.coreForm(Array(address(s).utf8)).map { String(decoding: $0, as: UTF8.self) } }
        #expect(core("Mäntytie 48 B 36, 18150 HEINOLA") == "mäntytie 48 b 36 18150")
        #expect(core("Palvelutalo Kotikallio, Mäntytie 48 B 36, huone 18, 18150 HEINOLA") == "mäntytie 48 b 36 18150")
        #expect(core("Mäntytie 48 B 36, Ovikoodi 9235, 18150 HEINOLA") == "mäntytie 48 b 36 18150")
        #expect(core("Myllytie 52, as 9, 15850 HOLLOLA") == core("Myllytie 52 as 9, 15850 Hollola"))
        #expect(core("Kungsgatan 12, Stockholm") == "kungsgatan 12 stockholm")
        #expect(core("Mäntytie 48 B 36, 18150 HEINOLA") != core("Mäntytie 48 B 37, 18150 HEINOLA"))
        #expect(core("Palvelutalo Kotikallio") == nil)   // no street and number
        #expect(core("Mäntytie 48") == nil)               // no postal code or town
        // Both forms give keys only when the core is shorter than the whole.
        var out: [UInt8] = []
        let whole = Array("Mäntytie 48 B 36, Ovikoodi 9235, 18150 HEINOLA".utf8), plain = Array("Mäntytie 48 B 36".utf8)
        let name = Array("YLÖNEN VEIKKO".utf8)
        #expect(name.withUnsafeBufferPointer { n in whole.withUnsafeBufferPointer { WeakKey.coreMaterial(name: n, address: $0, into: &out) } })
        #expect(String(decoding: out, as: UTF8.self) == "veikko ylonen\0mäntytie 48 b 36 18150")
        #expect(!name.withUnsafeBufferPointer { n in plain.withUnsafeBufferPointer { WeakKey.coreMaterial(name: n, address: $0, into: &out) } })
    }

    /// One name in Cyrillic and in its Latin spellings has one skeleton; other names do not.
    @Test func nameSkeletonsAcrossScripts() {
        func skeleton(_ s: String) -> String { WeakKey.nameSkeleton(Array(s.utf8)) }
        #expect(skeleton("Наталья Васильева") == "ntl vslv")
        #expect(skeleton("Natalja Vassiljeva") == "ntl vslv")
        #expect(skeleton("VASILEVA, Natalya") == "ntl vslv")
        #expect(skeleton("Сергей Жуков") == skeleton("Sergei Žukov"))
        #expect(skeleton("Łukasz Żółtowski") == skeleton("Lukasz Zoltowski"))
        #expect(skeleton("Наталья Васильева") != skeleton("Natalja Vassiljeva-Tamm"))
        #expect(skeleton("Mari Maasikas") != skeleton("Maria Maasikas Kask"))
    }

    @Test func latinExtendedALowerCase() {
        let upper = "ĀČĒĢĪĶĻŅŠŪŽĄĘĖĮŲŁŃŚŹŻŐŰĹĽŇŘŤĎ", lower = "āčēģīķļņšūžąęėįųłńśźżőűĺľňřťď"
        #expect(NameDetector.lowercase(Array(upper.utf8)) == Array(lower.utf8))
        #expect(NameDetector.lowercase(Array(lower.utf8)) == Array(lower.utf8))
        #expect(NameDetector.lowercase(Array("ĿŉŸ".utf8)) == Array("ŀŉŸ".utf8))
    }
}

/// `NameDetector.fnvLowercased` (the word-set probe, no copy) hashes what `lowercase` gives:
/// the two share one rule (`lowerPair`), checked over every two-byte letter they cover and
/// random mixed text.
struct LowercaseRuleTests {
    func agree(_ bytes: [UInt8]) -> Bool {
        let viaCopy = NameDetector.lowercase(bytes).withUnsafeBufferPointer { NameDetector.fnv($0) }
        let inPlace = bytes.withUnsafeBufferPointer { NameDetector.fnvLowercased($0, 0, $0.count) }
        return viaCopy == inPlace
    }

    @Test func everyTwoByteLetterAgrees() {
        for b in UInt8(0xC2)...UInt8(0xDF) {
            for c in UInt8(0x80)...UInt8(0xBF) { #expect(agree([0x41, b, c, 0x7A]), "\(b) \(c)") }
        }
    }

    @Test func randomTextAgrees() {
        var rng = SystemRandomNumberGenerator()
        let pieces = ["A", "z", " ", "Ä", "ä", "Ł", "ł", "Š", "Ž", "ĸ", "Ŀ", "Я", "ё", "Ё", "×", "-", "7", "\u{FF}"].map { Array($0.utf8) }
        for _ in 0..<2000 {
            var s: [UInt8] = []
            for _ in 0..<Int.random(in: 0...12, using: &rng) { s += pieces.randomElement(using: &rng)! }
            #expect(agree(s), "\(s)")
        }
    }

    @Test func wordSetIgnoresCase() {
        let set = LowercaseWordSet([Array("spółka".utf8), Array("kliinik".utf8)])
        for w in ["SPÓŁKA", "Spółka", "KLIINIK", "kliinik"] {
            let b = Array(w.utf8)
            #expect(b.withUnsafeBufferPointer { set.contains($0, 0, $0.count) }, "\(w)")
        }
        #expect(!Array("spolka".utf8).withUnsafeBufferPointer { set.contains($0, 0, $0.count) })
    }
}
