/// A person's name in running text, after a word that says the next words name a customer or a
/// patient: `Asiakkaan Marjatta Mäkelä (hetu …) osoite on muuttunut`, `Kunden Rolf Nyström har
/// flyttat`, `pacjentka Anna Nowak`, `Mrs Jane Doe`. Names in prose are otherwise not read (a
/// sentence's capitalised words are places, products and organisations as often as people), so
/// the record assembler asks this only for a record that already holds something personal — a
/// national ID, an e-mail, a phone, a postal address — and no name.
///
/// After a role word (`roleWords`, any case; inflected forms listed) and optional further role
/// words or honorifics (`Asiakkaan rouva …`), two to four words that each start with an upper-case
/// letter, separated by single spaces, made of letters, hyphens and apostrophes; the run stops at
/// anything else (`(`, `,`, a lower-case word). The words must pass `NameDetector` (no
/// placeholder, no organisation word) and none may be a `notNameWords` word (`Customer Service
/// Team`).
enum ProseName {
    /// Longest role word or name word considered, in bytes.
    static let maxWordBytes = 40

    /// Lower-case words after which a name follows, per language (forms as written in
    /// sentences). German nouns are all capitalised, so only its honorifics and singular
    /// nouns are here (`Kunden Service` would read as a name); English `client` is left out
    /// (`client Mozilla Firefox` in a log line).
    static let roleWords: Set<[UInt8]> = Set([
        // fi
        "asiakas", "asiakkaan", "asiakkaalle", "asiakkaalta", "asiakkaamme", "asiakkaallemme",
        "potilas", "potilaan", "potilaalle", "potilaalta", "potilaamme", "vastaanottaja", "vastaanottajan",
        "rouva", "herra", "neiti",
        // sv
        "kund", "kunden", "kundens", "patienten", "patientens", "mottagare", "mottagaren", "fru", "herr", "hr",
        // en
        "customer", "patient", "mr", "mrs", "ms", "miss",
        // et
        "klient", "kliendi", "kliendile", "kliendilt", "patsient", "patsiendi", "patsiendile", "härra", "proua",
        // pl
        "klienta", "klientka", "klientki", "klientowi", "pacjent", "pacjenta", "pacjentka", "pacjentki",
        "pacjentowi", "pan", "pani", "pana",
        // ru
        "клиент", "клиента", "клиентка", "клиентки", "клиенту", "пациент", "пациента", "пациентка",
        "пациентки", "пациенту", "господин", "госпожа",
        // lv
        "klients", "klientam", "kliente", "klientes", "pacients", "pacienta", "pacientam", "paciente",
        "pacientes", "kungs", "kundze",
        // lt
        "klientas", "kliento", "klientui", "klientė", "klientės", "pacientas", "paciento", "pacientui",
        "pacientė", "pacientės", "ponas", "ponia", "ponios",
        // de, da, no
        "kunde", "kundin", "patientin", "frau", "herrn", "pasient", "pasienten",
    ].map { Array($0.utf8) })
    static let roles = LowercaseWordSet(roleWords)

    /// Capitalised words that follow a role word without naming anyone.
    static let notNameWords: Set<[UInt8]> = Set([
        "service", "services", "support", "team", "care", "desk", "portal", "account", "number", "id",
        "department", "office", "manager", "relations", "experience", "success", "palvelu", "asiakaspalvelu",
        "kundtjänst", "tjänst", "obsługa", "klienta", "сервис", "служба", "teenindus", "klienditeenindus",
        "hetu", "personbeteckning", "pesel", "isikukood", "nr", "no",
    ].map { Array($0.utf8) })
    static let notNames = LowercaseWordSet(notNameWords)

    /// First-person pronouns that open a form's statement with the signer's name between
    /// commas, or before a bracket: `Mina, Sophie Ward, isikukood …`, `Я, Jekaterina Ivanova
    /// (личный код …)` (et, ru), `Minä, …` (fi), `I, …` (en), `Jag, …` (sv),
    /// `Ja, …` (pl), `Я, …` (ru), `Es, …` (lv), `Aš, …` (lt), `Ich, …` (de).
    static let pronouns = LowercaseWordSet(["mina", "minä", "i", "jag", "ja", "я", "es", "aš", "ich"].map { Array($0.utf8) })

    /// The first name in `text` after a role word, or between commas after a first-person
    /// pronoun: its normalised bytes and its byte offset.
    static func find(_ text: UnsafeBufferPointer<UInt8>) -> (name: [UInt8], offset: Int)? {
        let n = text.count
        var i = 0
        while i < n {
            // The next word: a run of letter bytes (ASCII letters, any byte of a multi-byte letter).
            while i < n && !isWordByte(text[i]) { i += 1 }
            var e = i
            while e < n && isWordByte(text[e]) { e += 1 }
            guard e > i else { break }
            if e - i <= maxWordBytes && roles.contains(text, i, e), let found = name(after: e, honorific: e - i <= 3, in: text) {
                return (found.name, found.offset)
            }
            if let intro = introductionEnd(text, i), let found = name(after: intro, honorific: false, in: text) {
                return (found.name, found.offset)
            }
            if e - i <= 5 && e + 1 < n && text[e] == 0x2C && text[e + 1] == 0x20 && pronouns.contains(text, i, e),
               let found = name(after: e + 1, honorific: false, in: text),
               found.end < n && (text[found.end] == 0x2C || (found.end + 1 < n && text[found.end] == 0x20 && text[found.end + 1] == UInt8(ascii: "("))) {
                return (found.name, found.offset)
            }
            i = e
        }
        return nil
    }

    /// Phrases in which people give their own name (`Dzień dobry, nazywam się Krzysztof
    /// Gołębiowski.` in a hotline transcript, `Hei, nimeni on …`), lower case, ending before the name.
    static let introductions: [[UInt8]] = [
        "nazywam się", "mam na imię", "my name is", "minu nimi on", "mu nimi on", "nimeni on", "mun nimi on",
        "jag heter", "mitt namn är", "меня зовут", "моё имя", "мое имя", "mano vardas", "mans vārds ir",
        "mein name ist", "ich heiße", "ich heisse", "jeg heter", "jeg hedder", "mitt navn er", "mit navn er",
        // `Hei, tässä Hilkka Äijälä.` (a caller on the phone: "this is")
        "tässä", "täällä", "this is", "här är", "det är", "siin on", "hier ist", "hier spricht", "с вами говорит",
    ].map { Array($0.utf8) }

    /// The end of an introduction phrase starting at word `i` (case ignored), or nil.
    static func introductionEnd(_ t: UnsafeBufferPointer<UInt8>, _ i: Int) -> Int? {
        guard i < t.count else { return nil }
        let first = t[i] < 0x80 ? t[i] | 0x20 : t[i]
        for phrase in introductions where phrase[0] == first && i + phrase.count <= t.count {
            var k = 1
            while k < phrase.count {
                let b = t[i + k]
                guard (b < 0x80 ? ASCII.lower(b) : b) == phrase[k] else { break }
                k += 1
            }
            if k == phrase.count && (i + k == t.count || !isWordByte(t[i + k])) { return i + k }
        }
        return nil
    }

    /// The name starting after `start` (spaces, the `.` of a short honorific such as `Mr.`, one
    /// further role word skipped).
    private static func name(after start: Int, honorific: Bool, in t: UnsafeBufferPointer<UInt8>) -> (name: [UInt8], offset: Int, end: Int)? {
        let n = t.count
        var i = start
        if honorific && i < n && t[i] == 0x2E { i += 1 }
        while i < n && t[i] == 0x20 { i += 1 }
        // `Asiakkaan rouva Marjatta …`: one more role word or honorific, lower case.
        var e = i
        while e < n && isWordByte(t[e]) { e += 1 }
        if e > i && !isUpper(t, i) && e - i <= maxWordBytes && roles.contains(t, i, e) {
            if e - i <= 3 && e < n && t[e] == 0x2E { e += 1 }
            i = e
            while i < n && t[i] == 0x20 { i += 1 }
        }
        let first = i
        var words = 0, end = i
        while i < n && words < 4 && isUpper(t, i) {
            var w = i
            while w < n && (isWordByte(t[w]) || t[w] == 0x2D || t[w] == 0x27) { w += 1 }
            guard w - i <= maxWordBytes, !notNames.contains(t, i, w) else { break }
            words += 1
            end = w
            // One space to the next word; anything else ends the name.
            guard w + 1 < n && t[w] == 0x20 && t[w + 1] != 0x20 else { break }
            i = w + 1
        }
        guard words >= 2 else { return nil }
        guard let name = NameDetector.normalize(UnsafeBufferPointer(rebasing: t[first..<end])) else { return nil }
        return (name, first, end)
    }

    @inline(__always) static func isWordByte(_ b: UInt8) -> Bool {
        (b | 0x20) &- 0x61 < 26 || b >= 0x80
    }

    /// Whether the letter at `i` is upper case (ASCII, Latin-1, Latin Extended-A, Cyrillic).
    @inline(__always) static func isUpper(_ t: UnsafeBufferPointer<UInt8>, _ i: Int) -> Bool {
        let b = t[i]
        if b < 0x80 { return b &- 0x41 < 26 }
        return i + 1 < t.count && NameDetector.lowerPair(b, t[i + 1]) != nil
    }
}
