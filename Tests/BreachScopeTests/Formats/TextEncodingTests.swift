import Testing
@testable import BreachScope

@Suite struct TextEncodingTests {
    /// Fictitious sentences in the languages BreachScope meets, with the codepage they are
    /// typically written in and the guess expected (nil = any encoding that decodes the
    /// sample back to the same text).
    static let samples: [(language: String, text: String, encoding: TextEncoding, expected: TextEncoding?)] = [
        ("et", "Jüri Õunapuu sõi šokolaadi ja žürii arvas, et öösel on külm. Tänav nr 5, Pärnu.", .windows1257, .windows1257),
        ("et", "Šokolaadi tõi Žanna Põder, kes elab Tõrvas ja sööb õuna. Müüja oli Mägi.", .windows1252, .windows1252),
        ("et", "Šokolaadi tõi Žanna Põder, kes elab Tõrvas ja sööb õuna. Müüja oli Mägi.", .iso8859_15, .iso8859_15),
        ("et", "Jüri Õunapuu elab Tartus, tänaval nr 7, ja sööb õuna.", .iso8859_1, nil),
        ("lv", "Ārsts Jānis Bērziņš dzīvo Rīgā; ķirbju ēdienu ļoti mīl. Gaļa, ūdens un čūska.", .windows1257, .windows1257),
        ("lv", "Ārsts Jānis Bērziņš dzīvo Rīgā; ķirbju ēdienu ļoti mīl. Gaļa, ūdens un čūska.", .iso8859_13, nil),
        ("lt", "Ąžuolų gatvė Šiauliuose, įmonė „Vėjas“; vyrų čempionatas, ęsant šalčiui.", .windows1257, .windows1257),
        ("lt", "Ąžuolų gatvė Šiauliuose, įmonė Vėjas; vyrų čempionatas, šalčiui ūkis.", .iso8859_4, .iso8859_4),
        ("pl", "Zażółć gęślą jaźń. Łódź, ulica Świętokrzyska 12, pani Bożena Wąsik.", .windows1250, .windows1250),
        ("pl", "Zażółć gęślą jaźń. Łódź, ulica Świętokrzyska 12, pani Bożena Wąsik.", .iso8859_2, .iso8859_2),
        ("cs", "Příliš žluťoučký kůň úpěl ďábelské ódy; paní Šťastná z Plzně.", .windows1250, .windows1250),
        ("fi", "Hyvää päivää, Äänekosken apteekki ja Åland; öljy ja säästö.", .windows1252, nil),
        ("sv", "Björn Ångström bor på Östermalm och är född i Göteborg.", .windows1252, nil),
        ("de", "Größe, Müller aus der Hauptstraße, Übergabe schön erledigt.", .iso8859_1, nil),
        ("de", "Größe, Müller aus der Hauptstraße, Übergabe schön erledigt – „Danke“.", .windows1252, .windows1252),
        ("ru", "ФИО;Личный код;Эл. почта;Город\nИванова Наталья;48504110223;nat@example.ee;Нарва\nЁлкин Пётр;;;Таллинн", .windows1251, .windows1251),
        ("uk", "Прізвище: Бондаренко, ім'я: Олена; адреса: вул. Лісова 12, Київ. Її телефон є у картці.", .windows1251, .windows1251),
        // (Estonian names in a Russian segment's file: still Cyrillic.)
        ("ru", "Клиент: Mari Tamm, город Пярну; телефон 5123 4567; заметка: звонить вечером.", .windows1251, .windows1251),
        // (Pairs of letters in Latin words are no Cyrillic words: `analüüs`, `Ąžuolas`.)
        ("lt", "Arve saaja;Klinika Ąžuolas UAB\nJurgita Kazlauskienė;Mitokondriaalse genoomianalüüs (NIPT);NIPT analüüs;Kromosoomianalüüs;Rūta Petrauskaitė;Žukauskienė", .windows1257, .windows1257),
    ]

    @Test func detectsCodepagesOfSampleSentences() throws {
        for sample in Self.samples {
            let bytes = try #require(encodeSingleByte(sample.text, sample.encoding), "\(sample.language) \(sample.encoding)")
            let guess = bytes.withUnsafeBufferPointer { TextEncoding.detect($0) }
            #expect(!guess.isBinary)
            if let expected = sample.expected {
                #expect(guess.encoding == expected, "\(sample.language) in \(sample.encoding): \(guess.reason)")
                #expect(guess.confident, "\(sample.language) in \(sample.encoding): \(guess.reason)")
            }
            // Whatever was chosen decodes the sample back to the original text.
            #expect(transcodeAll(bytes, guess.encoding).text == sample.text, "\(sample.language) in \(sample.encoding): \(guess.reason)")
        }
    }

    @Test func utf8AndASCII() {
        let utf8 = Array("Jüri Õunapuu, Łódź, Rīga, Šiauliai".utf8)
        #expect(utf8.withUnsafeBufferPointer { TextEncoding.detect($0) } == EncodingGuess(encoding: .utf8, confident: true, isBinary: false, reason: "valid UTF-8"))
        let ascii = Array("name,email\nMari,mari@example.com\n".utf8)
        #expect(ascii.withUnsafeBufferPointer { TextEncoding.detect($0) }.encoding == .utf8)
        // A prefix that cuts a sequence in two is still UTF-8.
        let cut = Array(utf8.dropLast(1)) + [0xC5]
        #expect(cut.withUnsafeBufferPointer { TextEncoding.detect($0) }.encoding == .utf8)
        // A lone trailing lead byte with nothing before it is a codepage letter, not UTF-8.
        let lone = Array("Mari Tamm ".utf8) + [0xE8]
        #expect(lone.withUnsafeBufferPointer { TextEncoding.detect($0) }.encoding != .utf8)
        // Mostly UTF-8 with one stray Latin-1 byte: UTF-8, but not confidently.
        let stray = utf8 + Array(" P".utf8) + [0xF5] + Array("der".utf8)
        let guess = stray.withUnsafeBufferPointer { TextEncoding.detect($0) }
        #expect(guess.encoding == .utf8 && !guess.confident)
    }

    @Test func byteOrderMarks() {
        let cases: [([UInt8], TextEncoding)] = [
            ([0xEF, 0xBB, 0xBF] + Array("Nimi: Mari".utf8), .utf8BOM),
            ([0xFF, 0xFE, 0x4E, 0x00], .utf16LE),
            ([0xFE, 0xFF, 0x00, 0x4E], .utf16BE),
        ]
        for (bytes, encoding) in cases {
            let guess = bytes.withUnsafeBufferPointer { TextEncoding.detect($0) }
            #expect(guess.encoding == encoding)
            #expect(guess.confident && !guess.isBinary)
        }
    }

    @Test func utf16WithoutBOM() {
        let text = "Nimi: Mari Maasikas\nTelefon: +372 5555 0101\nLinn: Tõrva\n"
        var le: [UInt8] = [], be: [UInt8] = []
        for u in text.utf16 {
            le += [UInt8(u & 0xFF), UInt8(u >> 8)]
            be += [UInt8(u >> 8), UInt8(u & 0xFF)]
        }
        #expect(le.withUnsafeBufferPointer { TextEncoding.detect($0) }.encoding == .utf16LE)
        #expect(be.withUnsafeBufferPointer { TextEncoding.detect($0) }.encoding == .utf16BE)
        #expect(!le.withUnsafeBufferPointer { TextEncoding.detect($0) }.isBinary)
        #expect(transcodeAll(le, .utf16LE).text == text)
    }

    @Test func binary() {
        // A PNG-like header followed by pseudo-random bytes.
        var bytes: [UInt8] = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 0x0D]
        var x: UInt32 = 12345
        for _ in 0..<4000 { x = x &* 1_103_515_245 &+ 12345; bytes.append(UInt8(truncatingIfNeeded: x >> 16)) }
        #expect(bytes.withUnsafeBufferPointer { TextEncoding.detect($0) }.isBinary)
        // Mostly NULs (e.g. a sparse database page).
        let zeros = [UInt8](repeating: 0, count: 1000) + Array("abc".utf8)
        #expect(zeros.withUnsafeBufferPointer { TextEncoding.detect($0) }.isBinary)
        // Plain text with one stray NUL in a long file is still text.
        let text = Array(String(repeating: "Mari Maasikas, Tartu\n", count: 20).utf8) + [0] + Array("lõpp".utf8)
        #expect(!text.withUnsafeBufferPointer { TextEncoding.detect($0) }.isBinary)
    }

    @Test func closeScoresAreNotConfident() {
        // 0xB9 alone is ą in windows-1250 and š in ISO-8859-2: both plausible.
        let bytes = Array("Pan ".utf8) + [0xB9] + Array(" ok".utf8)
        let guess = bytes.withUnsafeBufferPointer { TextEncoding.detect($0) }
        #expect(!guess.confident, "\(guess.reason)")
        #expect(guess.encoding.isSingleByte)
    }

    @Test func labelsAndAliases() {
        for e in TextEncoding.allCases { #expect(TextEncoding(label: e.rawValue) == e) }
        let aliases: [(String, TextEncoding?)] = [
            ("UTF8", .utf8), ("utf-8", .utf8), ("utf-8-sig", .utf8BOM), ("UTF-16", .utf16LE), ("utf-16be", .utf16BE),
            ("latin1", .iso8859_1), ("Latin-2", .iso8859_2), ("ISO_8859-13", .iso8859_13), ("latin9", .iso8859_15),
            ("cp1257", .windows1257), ("CP1250", .windows1250), ("windows-1252", .windows1252), ("l4", .iso8859_4),
            ("koi8-r", nil), ("", nil), ("utf-32", nil),
        ]
        for (label, expected) in aliases { #expect(TextEncoding(label: label) == expected, "\(label)") }
        #expect(TextEncoding.windows1257.rawValue == "windows-1257")
        #expect(TextEncoding.iso8859_13.rawValue == "iso-8859-13")
        #expect(TextEncoding.utf8BOM.rawValue == "utf-8-bom")
    }

    @Test func emptyPrefix() {
        let guess = [UInt8]().withUnsafeBufferPointer { TextEncoding.detect($0) }
        #expect(guess.encoding == .utf8 && !guess.isBinary)
    }
}
