import Testing
@testable import BreachScope
import BreachScopeTesting

/// The field scanner with a caller's candidate buffer finds exactly what it finds without one,
/// and leaves the buffer empty.
@Suite struct FieldScannerTests {
    static let texts = [
        "isikukood 37605030064, tel +372 5000 0001, mari@example.ee",
        "PESEL 44051401359 order 1234567890",   // PESEL with a valid check digit (fictitious)
        "37605030064 49403136526 2023-04-15 12:30",
        "nothing here",
        "",
    ]

    @Test(arguments: texts) func sameFindingsWithBuffer(_ text: String) {
        let scanner = FieldScanner()
        var bytes = Array(text.utf8)
        bytes.withUnsafeMutableBufferPointer { p in
            let span = UnsafeBufferPointer(p)
            for hint in [FieldHint.none, .nationalID(nil), .phone] {
                var buffer: [Finding] = [Finding(element: .name, value: [1], offset: 0, length: 1)]
                buffer.removeAll(keepingCapacity: true)
                var withBuffer: [Finding] = []
                scanner.scan(span, hint: hint, preferCountry: "EE", candidates: &buffer) { withBuffer.append($0) }
                var plainEE: [Finding] = []
                scanner.scan(span, hint: hint, preferCountry: "EE") { plainEE.append($0) }
                #expect(withBuffer == plainEE)
                #expect(buffer.isEmpty)
            }
        }
    }

    @Test func findsTheIdentifiers() {
        let scanner = FieldScanner()
        var bytes = Array(Self.texts[0].utf8)
        let found = bytes.withUnsafeMutableBufferPointer { p -> [String] in
            var out: [String] = [], buffer: [Finding] = []
            scanner.scan(UnsafeBufferPointer(p), hint: .none, preferCountry: nil, candidates: &buffer) { out.append($0.valueString) }
            return out
        }
        #expect(found == ["37605030064", "+37250000001", "mari@example.ee"])
    }

    /// A HETU whose century sign is a letter or `+` (born 1800s, 2000s, or any code written with
    /// the 2023 signs) in running text: the number reads as one group of six digits and a sign,
    /// which the shape rule once took for a short number and never asked the detectors about.
    @Test func finnishCodesWithALetterOrPlusSignInRunningText() {
        var rng = SeededRNG(seed: 0xF1)
        var codes: [String] = []
        while codes.count < 40 {
            let c = Synthetic.nationalID(.fiHetu, using: &rng)
            if !c.contains("-") { codes.append(c) }
        }
        let scanner = FieldScanner()
        for code in codes + ["010594Y9021"] {
            var bytes = Array("Asiakas \(code) soitti.".utf8)
            let found = bytes.withUnsafeMutableBufferPointer { p -> [String] in
                var out: [String] = []
                scanner.scan(UnsafeBufferPointer(p), hint: .none, preferCountry: nil) { out.append($0.valueString) }
                return out
            }
            #expect(found == [code])
        }
        // Six digits and a letter that is no century sign, or a wrong check character: nothing.
        for text in ["tuote 210685Z6421 hinta", "Asiakas 210685X6422 soitti."] {
            var bytes = Array(text.utf8)
            let found = bytes.withUnsafeMutableBufferPointer { p -> Int in
                var n = 0
                scanner.scan(UnsafeBufferPointer(p), hint: .none, preferCountry: nil) { _ in n += 1 }
                return n
            }
            #expect(found == 0, "\(text)")
        }
    }

    /// The record assembler skips a non-personal field unless `mayHoldNonPersonalFinding`: that
    /// must never skip a field the scan would find something in. Random fields over the bytes
    /// that matter (letters, digits, `@ + ( - .`, spaces) and realistic ones.
    @Test func nonPersonalPrecheckNeverSkipsAFinding() {
        var rng = SeededRNG(seed: 0x9E)
        let alphabet = Array("aZEFI0123456789@+(-. ".utf8)
        var fields = ["ORD-2023-00000000", "2023-01-01T00:00:00Z", "12.50", "delivered", "Apteek Kesklinn",
                      "EE382200221020145685", "maksu FI2112345600000785 viite", "info@apteek.ee", "IBAN: GB29 NWBK 6016 1331 9268 19"]
        for _ in 0..<20_000 {
            let n = Int.random(in: 0...40, using: &rng)
            fields.append(String(decoding: (0..<n).map { _ in alphabet[Int.random(in: 0..<alphabet.count, using: &rng)] }, as: UTF8.self))
        }
        let scanner = FieldScanner()
        var skipped = 0
        for text in fields {
            var bytes = Array(text.utf8)
            bytes.withUnsafeMutableBufferPointer { p in
                let span = UnsafeBufferPointer(p)
                var found = 0
                scanner.scan(span, hint: .nonPersonal, preferCountry: nil) { _ in found += 1 }
                if !FieldScanner.mayHoldNonPersonalFinding(span) {
                    skipped += 1
                    #expect(found == 0, "\(text)")
                }
            }
        }
        #expect(skipped > 5_000)   // the check does skip fields (a third of these random ones hold an `@`)
    }

    /// Under a hint that names a scheme, the scanner runs only that scheme's detector; it must
    /// find what picking that scheme among all detectors' matches finds. Values of every scheme
    /// go under every hint (an isikukood under the LT hint, a PESEL under the EE hint…).
    @Test func namedSchemeMatchesTheChoiceAmongAllDetectors() {
        let scanner = FieldScanner()
        let types = IdentifierType.allCases.filter(\.isNational)
        var rng = SeededRNG(seed: 0x5C4E)
        let values = types.flatMap { t in (0..<40).map { _ in Synthetic.nationalID(t, using: &rng) } }
        var hits = 0
        for t in types {
            for v in values {
                var bytes = Array(v.utf8)
                bytes.withUnsafeMutableBufferPointer { p in
                    let span = UnsafeBufferPointer(p)
                    var got: [Finding] = []
                    scanner.matchNationals(span, 0, .nationalID(t), &got)
                    let all = NationalIDs.all.compactMap { $0.match(span, at: 0, hint: .nationalID(t)) }
                    let expected = all.first { $0.identifier == t }
                    let chosen = scanner.choose(got, hint: .nationalID(t), preferCountry: nil)
                    #expect(chosen?.value == expected?.value && chosen?.identifier == expected?.identifier, "\(t) \(v)")
                    if chosen != nil { hits += 1 }
                }
            }
        }
        #expect(hits >= types.count * 40)  // at least each scheme's own values
    }

    /// The vector skip lands on exactly the byte a byte loop over the class table finds, from
    /// every start in random bytes rich in digits, `@`, `+`, `(` and their neighbours.
    @Test func nextCandidateIsTheFirstByteWithAClass() {
        var rng = SeededRNG(seed: 0xC1A55)
        let alphabet: [UInt8] = Array("abz ,.-/:;?'\")*!AZ".utf8) + [0x27, 0x29, 0x2A, 0x2C, 0x2F, 0x3A, 0x3F, 0x41, 0x80, 0xD0, 0xFF, 0x00]
        let rare: [UInt8] = Array("0159@+(".utf8)
        var checked = 0
        for _ in 0..<3_000 {
            let n = Int.random(in: 0...70, using: &rng)
            let density = Int.random(in: 1...40, using: &rng)
            let bytes = (0..<n).map { _ in Int.random(in: 0..<density, using: &rng) == 0 ? rare.randomElement(using: &rng)! : alphabet.randomElement(using: &rng)! }
            bytes.withUnsafeBufferPointer { p in
                guard let base = p.baseAddress else { return }
                for from in 0...n {
                    var expected = from
                    while expected < n && FieldScanner.classes[Int(p[expected])] == 0 { expected += 1 }
                    #expect(FieldScanner.nextCandidate(UnsafeRawPointer(base), from: from, n) == expected)
                    checked += 1
                }
            }
        }
        #expect(checked > 100_000)
    }

    /// A column or label naming one scheme (`isikukood`) still yields a Finnish, Latvian,
    /// Swedish or Danish code written in its own form; a plain 11-digit number of another scheme
    /// does not (a PESEL is no isikukood), and a register's exact scheme takes nothing else.
    @Test func codesOfOtherSchemesUnderANamedLabel() {
        var rng = SeededRNG(seed: 0x07E5)
        let hetu = Synthetic.nationalID(.fiHetu, using: &rng)
        let lv = Synthetic.nationalID(.lvPersonasKods, using: &rng)
        let pesel = Synthetic.nationalID(.plPesel, using: &rng)
        var scanner = FieldScanner()
        func found(_ text: String, _ hint: FieldHint, _ s: FieldScanner) -> [Finding] {
            var bytes = Array(text.utf8), out: [Finding] = []
            bytes.withUnsafeMutableBufferPointer { p in s.scan(UnsafeBufferPointer(p), hint: hint, preferCountry: "EE") { out.append($0) } }
            return out
        }
        let ee = FieldHint.nationalID(.eeIsikukood)
        #expect(found(hetu, ee, scanner).map(\.identifier) == [.fiHetu])
        #expect(found(lv, ee, scanner).map(\.identifier) == [.lvPersonasKods])
        #expect(found(pesel, ee, scanner).allSatisfy { $0.identifier != .plPesel })
        // A foreign patient's code in plain digits: a Norwegian one (two check digits) under
        // any label, a 10-digit NHS number or personnummer under an 11-digit scheme's.
        let no = Synthetic.nationalID(.noFodselsnummer, using: &rng)
        let nhs = Synthetic.nationalID(.ukNhsNumber, using: &rng).filter(\.isNumber)
        #expect(found(no, ee, scanner).map(\.identifier) == [.noFodselsnummer])
        #expect(found(no, .nationalID(.plPesel), scanner).map(\.identifier) == [.noFodselsnummer])
        #expect(found(nhs, ee, scanner).map(\.identifier) == [.ukNhsNumber])
        #expect(found(nhs, .nationalID(.dkCpr), scanner).allSatisfy { $0.identifier != .ukNhsNumber })
        // In running text after the Estonian word: the HETU, not a phone number (unlabelled text
        // takes the classic century signs only).
        var dashed = hetu
        while !dashed.contains("-") { dashed = Synthetic.nationalID(.fiHetu, using: &rng) }
        #expect(found("isikukood \(dashed) ja muu", .none, scanner).map(\.identifier) == [.fiHetu])
        // A HETU with a wrong check character that reads as a Danish CPR (no check digit) is
        // nothing under a HETU or personnummer label; a real CPR under an Estonian one is a Dane's.
        let cpr = "180174-1116"   // 18 Jan 1974; as a HETU its check character would be `3`
        #expect(found(cpr, .nationalID(.fiHetu), scanner).isEmpty)
        #expect(found(cpr, .nationalID(.sePersonnummer), scanner).allSatisfy { $0.identifier != .dkCpr })
        #expect(found("hetu \(cpr) ja muu", .none, scanner).allSatisfy { $0.identifier != .dkCpr })
        #expect(found(cpr, ee, scanner).map(\.identifier) == [.dkCpr])
        scanner.readsOtherSchemes = false
        #expect(found(hetu, ee, scanner).isEmpty)
    }

    /// A `+` number whose calling code no plan knows (Belarus's +375, Moldova's +373) yields
    /// nothing: its rest is not read as a national number of another country, under a phone
    /// label or in text. The number after it is still found.
    @Test func unknownCallingCodeIsNotReadAsANationalNumber() {
        let scanner = FieldScanner(phoneCountries: ["PL", "EE"])
        for text in ["+375 (29) 4323583", "+375 29 432 3583", "+375294323583", "+373 69 123 456"] {
            for hint in [FieldHint.phone, .none] {
                var bytes = Array((text + " / +48 601 234 567").utf8), out: [String] = []
                bytes.withUnsafeMutableBufferPointer { p in scanner.scan(UnsafeBufferPointer(p), hint: hint, preferCountry: "PL") { out.append($0.valueString) } }
                #expect(out == ["+48601234567"], "\(text) \(hint)")
            }
        }
    }

    /// Which names get the EE/LT code link key (`RecordAssembler.linkBalticCode`): Lithuanian
    /// surname endings only, so Estonian tables pay for almost none.
    @Test func lithuanianSurnames() {
        for name in ["jonas kazlauskas", "rūta vasiliauskienė", "petras petraitis", "inga jankauskaitė", "vytautas žukys",
                     "Jonas Kazlauskas", "JONAS KAZLAUSKAS", "RŪTA VASILIAUSKIENĖ", "Vytautas Žukys "] {
            #expect(RecordAssembler.lithuanianSurname(Array(name.utf8)), "\(name)")
        }
        for name in ["kadri saar", "mart rebane", "mari tamm", "jüri ilves", "anna", "", "MARI TAMM", "Kadri Saar", "KAAREL KIVI"] {
            #expect(!RecordAssembler.lithuanianSurname(Array(name.utf8)), "\(name)")
        }
    }

    /// A number of several groups that is nothing is not read again from its second group: a
    /// Polish tax number `144-037-43-14` holds no Finnish phone `037-43-14`. Registry and tax
    /// words before a number mark it as an organisation's. Phones and IDs beside them are found.
    @Test func organisationNumbersAndTheirGroupsAreNoFindings() {
        let scanner = FieldScanner(phoneCountries: ["PL", "FI", "EE"])
        func found(_ text: String) -> [String] {
            var bytes = Array(text.utf8), out: [String] = []
            bytes.withUnsafeMutableBufferPointer { p in scanner.scan(UnsafeBufferPointer(p), hint: .none, preferCountry: "PL") { out.append($0.valueString) } }
            return out
        }
        #expect(found("NIP: 144-037-43-14   REGON: 327018895").isEmpty)
        #expect(found("Sprawa 144-037-43-14 w toku").isEmpty)
        #expect(found("2023-05-28 12:30 ok").isEmpty)
        #expect(found("Tel. 040 123 4567, NIP 144-037-43-14") == ["+358401234567"])
    }

    /// A noun and `nr` before a number make it the thing's number (a report's, whose 11 digits
    /// pass a PESEL check by chance); a scheme's name or a person's word before `nr` do not.
    @Test func aThingsNumberIsNoNationalID() {
        let scanner = FieldScanner(phoneCountries: ["PL"])
        func found(_ text: String) -> [String] {
            var bytes = Array(text.utf8), out: [String] = []
            bytes.withUnsafeMutableBufferPointer { p in scanner.scan(UnsafeBufferPointer(p), hint: .none, preferCountry: "PL") { out.append($0.valueString) } }
            return out
        }
        #expect(found("SPRAWOZDANIE Z BADAŃ LABORATORYJNYCH nr 44051401359").isEmpty)
        #expect(found("Report no. 44051401359").isEmpty)
        #expect(found("PESEL nr 44051401359") == ["44051401359"])
        #expect(found("Pacjent nr 44051401359") == ["44051401359"])
        #expect(found("ID 44051401359") == ["44051401359"])
        #expect(found("Kowalska Anna 44051401359") == ["44051401359"])
    }

    /// A call transcript's answer to a question about the phone, after the speaker's label, is
    /// a phone typed as one run of digits; the same run after another question, or after a
    /// label with no question, is not.
    @Test func aSpeakersAnswerToAPhoneQuestionIsAPhone() {
        let scanner = FieldScanner(phoneCountries: ["FI", "SE"])
        func found(_ text: String) -> [String] {
            var bytes = Array(text.utf8), out: [String] = []
            bytes.withUnsafeMutableBufferPointer { p in scanner.scan(UnsafeBufferPointer(p), hint: .none, preferCountry: "FI") { out.append($0.valueString) } }
            return out
        }
        #expect(found("Entä puhelinnumero? Soittaja: 0457149311.") == ["+358457149311"])
        #expect(found("Och ert telefonnummer? Uppringare: 092444069.") == ["+35892444069"])
        #expect(found("And your phone number? Caller: 0457149311") == ["+358457149311"])
        #expect(found("Entä tilausnumero? Soittaja: 0457149311.").isEmpty)
        #expect(found("Soittaja: 0457149311.").isEmpty)
        #expect(found("Entä puhelinnumero? 0457149311 kpl").isEmpty)
    }

    /// A number in brackets that is no phone's area code (`Külli Lõhmus (48604105909)`) is read
    /// as any other: before, the bracket's failed phone match skipped the number.
    @Test func aCodeInBracketsIsRead() {
        let scanner = FieldScanner(phoneCountries: ["EE", "US"])
        func found(_ text: String) -> [String] {
            var bytes = Array(text.utf8), out: [String] = []
            bytes.withUnsafeMutableBufferPointer { p in scanner.scan(UnsafeBufferPointer(p), hint: .none, preferCountry: "EE") { out.append($0.valueString) } }
            return out
        }
        #expect(found("patsient Külli Lõhmus (48604105909); proov S22-004646") == ["48604105909"])
        #expect(found("Mari Kask (5123 4567)") == ["+37251234567"])
        #expect(found("call (503) 555-0142") == ["+15035550142"])
        #expect(found("(2023) (12.5)").isEmpty)
    }

    /// A loyalty card's EAN-13 in text is read after a card word, in one run or in groups; a
    /// number with a wrong check digit, or without the word, is not.
    @Test func aLoyaltyCardAfterACardWord() {
        let scanner = FieldScanner(phoneCountries: ["EE"])
        func found(_ text: String) -> [String] {
            var bytes = Array(text.utf8), out: [String] = []
            bytes.withUnsafeMutableBufferPointer { p in
                scanner.scan(UnsafeBufferPointer(p), hint: .none, preferCountry: "EE") { out.append("\($0.element.rawValue)=\($0.valueString)") }
            }
            return out
        }
        #expect(found("NOTE:Kaart 2901270142262. 11.08.2022 helistas") == ["loyalty_card=2901270142262"])
        #expect(found("Teie kliendikaardile 2904 6240 7362 5 on kogunenud") == ["loyalty_card=2904624073625"])
        #expect(found("Kaardi nr: 2901270142262") == ["loyalty_card=2901270142262"])
        #expect(found("Ваша карта 2901270142262") == ["loyalty_card=2901270142262"])
        #expect(found("Моя карта клиента 2900 6812 1708 8 не работает на кассе.") == ["loyalty_card=2900681217088"])
        #expect(found("Номер клиента 2900681217088") == [], "a customer's number is no card")
        #expect(found("Kaart 2901270142263").isEmpty)  // check digit
        #expect(found("Tellimus 2901270142262").isEmpty)  // no card word
        #expect(found("EAN 4740012345672, kaart puudub").isEmpty)
    }
}
