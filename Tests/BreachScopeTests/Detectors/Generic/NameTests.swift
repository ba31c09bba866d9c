import Testing
@testable import BreachScope

private func name(_ s: String) -> String? {
    Array(s.utf8).withUnsafeBufferPointer { NameDetector.normalize($0) }.map { String(decoding: $0, as: UTF8.self) }
}

@Suite struct NameTests {
    /// Fictitious names in the alphabets of the supported languages.
    @Test(arguments: [
        ("Mari Maasikas", "Mari Maasikas"),
        ("  Mari-Liis   Maasikas ", "Mari-Liis Maasikas"),
        ("Jüri Õunapuu", "Jüri Õunapuu"),
        (" 1. HEINONEN VEIKKO ", "HEINONEN VEIKKO"),   // a numbered list's item
        ("12) Anna Tamm", "Anna Tamm"),
        ("María José García de la Cruz", "María José García de la Cruz"),   // six words
        ("Иван Петрович Сидоров", "Иван Петрович Сидоров"),
        ("Matti Meikäläinen", "Matti Meikäläinen"),
        ("Åsa Ödmark", "Åsa Ödmark"),
        ("Łukasz Żółtowski-Śliwa", "Łukasz Żółtowski-Śliwa"),
        ("Jürgen Straßberger", "Jürgen Straßberger"),
        ("Jānis Bērziņš", "Jānis Bērziņš"),
        ("Žydrūnė Vaitkevičiūtė", "Žydrūnė Vaitkevičiūtė"),
        ("Bjørn Ærøsen", "Bjørn Ærøsen"),
        ("Seán O'Brien", "Seán O'Brien"),
        ("D’Artagnan", "D’Artagnan"),
        ("J. R. Tolkienish", "J. R. Tolkienish"),
        ("Maasikas, Mari", "Maasikas, Mari"),
        ("Mari\u{00A0}Maasikas", "Mari Maasikas"),
        ("Mari\tMaasikas\n", "Mari Maasikas"),
        ("Jo", "Jo"),
        ("Jo\u{308}rg", "Jo\u{308}rg"),  // decomposed ö
    ])
    func valid(input: String, expected: String) {
        #expect(name(input) == expected)
    }

    @Test(arguments: [
        "", "   ", "A", "A.", "J. K.", "N/A", "n/a", "null", "NULL", "-", "--", "unknown", "Unknown",
        "test", "Test Test", "nimi", "Nimi", "name", "неизвестно", "Неизвестно", "Tundmatu",
        "Mari Maasikas 2", "mari@example.ee", "38001085718", "Order #123", "Mari_Maasikas", "1. 2. 3.", "2023. Annual Report 5",
        "<b>Mari</b>", "Mari 😀", "Mari;Jaan", "http://x",
        String(repeating: "Maasikas ", count: 14),
        "Dzień dobry, nazywam się Krzysztof Gołębiowski. Dostałem SMS o wycieku danych.",   // a sentence
        "com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException", "ee.lojaalsus.card.CardService",  // software's
    ])
    func invalid(input: String) {
        #expect(name(input) == nil)
    }

    /// A clinician's title before a name (`dr. Kadri Saar`, `lek. Jan Nowak`, `Prof Anna Lis`);
    /// the copy-free test agrees with `hasProfessionalTitle` on names that go on after it.
    @Test func professionalTitles() {
        for (name, titled) in [("dr. Kadri Saar", true), ("Dr Reet Paju", true), ("lek. Jan Nowak", true), ("Prof Anna Lis", true),
                               ("MD John Smith", true), ("Drew Barrymore", false), ("Doris Lepik", false), ("dr.", false),
                               ("Mari Kask", false), ("Lekk Mati", false), ("", false)] {
            let bytes = Array(name.utf8)
            #expect(bytes.withUnsafeBufferPointer { NameDetector.startsWithTitle($0) } == titled, "\(name)")
            if name.contains(" ") { #expect(NameDetector.hasProfessionalTitle(bytes) == titled, "\(name)") }
        }
    }

    @Test func invalidUTF8IsRejected() {
        let bytes: [UInt8] = [0x4D, 0x61, 0xFF, 0x72, 0x69]
        #expect(bytes.withUnsafeBufferPointer { NameDetector.normalize($0) } == nil)
        let truncated: [UInt8] = Array("Jür".utf8).dropLast(1) + [0xC3]
        #expect(truncated.withUnsafeBufferPointer { NameDetector.normalize($0) } == nil)
    }

    @Test func lengthLimit() {
        let ok = String(repeating: "a", count: 60) + " " + String(repeating: "b", count: 59)
        #expect(name(ok)?.utf8.count == 120)
        #expect(name(ok + "b") == nil)
    }

    @Test func join() {
        func j(_ f: String, _ l: String) -> String {
            String(decoding: NameDetector.join(first: Array(f.utf8), last: Array(l.utf8)), as: UTF8.self)
        }
        #expect(j("Mari", "Maasikas") == "Mari Maasikas")
        #expect(j(" Mari ", "  Maasikas") == "Mari Maasikas")
        #expect(j("Mari", "") == "Mari")
        #expect(j("", "Maasikas") == "Maasikas")
        #expect(j("", "") == "")
    }

    /// Placeholder words (in any case, with trailing punctuation, Cyrillic too) are no names; a
    /// real word anywhere makes the text a name. The allocation-free first-word check agrees.
    @Test(arguments: [
        ("N/A", true), ("n/a", true), ("Tundmatu", true), ("ИМЯ", true), ("Тест", true), ("test.", true), ("Dr. Test", true),
        ("xxx  XXX", true), ("Mari Tamm", false), ("Dr. Tamm", false), ("Test Tamm", false), ("Mari test", false),
        ("Фёдор", false), ("", false), ("   ", false), ("Õunapuu", false),
    ])
    func placeholders(_ text: String, _ expected: Bool) {
        let bytes = Array(text.utf8)
        #expect(NameDetector.isPlaceholder(bytes, extra: []) == expected)
        // A first word that is certainly no placeholder means a name; a placeholder text's first
        // word is never declared certainly no placeholder.
        if expected { #expect(NameDetector.firstWordIsNoPlaceholder(bytes) != true) }
        if NameDetector.firstWordIsNoPlaceholder(bytes) == true { #expect(!expected) }
    }

    /// `join(first:last:into:)` appends exactly what `join(first:last:)` returns, after whatever the
    /// buffer held, with either part empty or all whitespace.
    @Test(arguments: [
        ("Mari", "Tamm", "Mari Tamm"), ("  Mari-Liis ", "\u{00A0}Õunapuu  ", "Mari-Liis Õunapuu"), ("", "Tamm", "Tamm"),
        ("Mari", "", "Mari"), ("", "", ""), ("   ", "Kask", "Kask"), ("Jüri", " \t ", "Jüri"), ("Anna  Maria", "Zieliński", "Anna Maria Zieliński"),
    ])
    func joinIntoBuffer(_ first: String, _ last: String, _ expected: String) {
        let f = Array(first.utf8), l = Array(last.utf8)
        #expect(NameDetector.join(first: f, last: l) == Array(expected.utf8))
        var out = Array("x;".utf8)
        NameDetector.join(first: f, last: l, into: &out)
        #expect(out == Array(("x;" + expected).utf8))
        var empty: [UInt8] = []
        NameDetector.join(first: f, last: l, into: &empty)
        #expect(empty == Array(expected.utf8))
    }

    /// `normalize(_:into:)` gives what `normalize(_:)` gives, and leaves the buffer empty for a
    /// value that is no name.
    @Test(arguments: ["  Mari-Liis   Maasikas ", "N/A", "Jaan3", "", "Фёдор Иванов", "O'Brien", "a", "mari@example.ee"])
    func normalizeIntoBuffer(_ text: String) {
        let bytes = Array(text.utf8)
        let plain = bytes.withUnsafeBufferPointer { NameDetector.normalize($0) }
        var buffer: [UInt8] = []
        buffer.reserveCapacity(4)
        let ok = bytes.withUnsafeBufferPointer { NameDetector.normalize($0, into: &buffer) }
        #expect(ok == (plain != nil))
        #expect(buffer == (plain ?? []))
    }

    /// Every kind of whitespace (tabs, line ends, no-break space, U+2000–U+200A, U+202F, U+3000)
    /// becomes one space between words, none at the ends; other bytes, multi-byte letters and
    /// broken sequences that merely start like whitespace are kept, appended after what the
    /// buffer held.
    @Test(arguments: [
        ("Mari Tamm", "Mari Tamm"),
        ("  Mari \t\r\n  Tamm  ", "Mari Tamm"),
        ("Mari\u{00A0}Tamm", "Mari Tamm"),
        ("\u{2009}Mari\u{2000}\u{200A}Tamm\u{202F}", "Mari Tamm"),
        ("Mari\u{3000}Tamm\u{3000}", "Mari Tamm"),
        ("Jüri\u{2014}Õun", "Jüri\u{2014}Õun"),
        ("Фёдор  Иванов", "Фёдор Иванов"),
        ("", ""),
        (" \u{00A0} ", ""),
    ])
    func collapsesEveryWhitespace(_ input: String, _ expected: String) {
        var out = Array("x:".utf8)
        Array(input.utf8).withUnsafeBufferPointer { NameDetector.collapseWhitespace($0, into: &out) }
        #expect(out == Array(("x:" + expected).utf8))
        // Truncated sequences at the end stay as they are.
        for tail: [UInt8] in [[0xC2], [0xE2, 0x80], [0xE3, 0x80]] {
            var cut: [UInt8] = []
            (Array("ab ".utf8) + tail).withUnsafeBufferPointer { NameDetector.collapseWhitespace($0, into: &cut) }
            #expect(cut == Array("ab ".utf8.dropLast()) + [0x20] + tail)
        }
    }

    /// A store, clinic or company in a name column is no person (`Apteek Kesklinn`, `Tartu
    /// Kliinik`, `Kuulopiste Oy`, `AS Tere`, `ООО Ромашка`, compounds `Ida-Tallinna Keskhaigla`);
    /// persons whose name merely contains such letters keep theirs.
    @Test func organisationsAreNoPersons() {
        for org in ["Apteek Kesklinn", "Tartu Kliinik", "Kuulopiste Oy", "AS Tere", "Kuulopiste OY.", "ООО Ромашка", "Apotek Hjärtat", "Optika Keskus", "Kymenlaakson hyvinvointialue", "Helsingin kaupunki",
                    "Ida-Tallinna Keskhaigla", "Medicum Tervisekeskus", "HUS Diagnostiikkakeskus", "Kalamaja Lastekliinik",
                    "Akademiska sjukhuset", "Tervisekeskus Vesta", "Tartu Ülikooli Kliinikum", "Pelgulinna Sünnitusmaja"] {
            #expect(name(org) == nil, "\(org)")
        }
        for person in ["Mari Apteeker", "Asta Kask", "Oskar Storm", "Anna Labor-Tamm", "Liisa Ab-Kask"] {
            #expect(name(person) != nil, "\(person)")
        }
    }
}
