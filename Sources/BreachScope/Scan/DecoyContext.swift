/// Words that, right before a number in free text, say the number is not about a person:
/// `order 38001085718`, `ref: 49403136526`, `epoch 1681550000`, `tellimus nr 5123…`.
/// A random 11-digit reference passes a mod-11 check one time in ten, so in unlabelled text the
/// word before a number decides as much as its checksum.
enum DecoyContext {
    static let words: Set<[UInt8]> = Set([
        "order", "orders", "ordernr", "orderno", "ref", "refs", "reference", "invoice", "inv", "receipt", "tracking",
        "parcel", "shipment", "consignment", "epoch", "timestamp", "ts", "ticket", "case", "transaction", "txn", "tx",
        "serial", "sku", "ean", "gtin", "barcode", "batch", "lot", "build", "version", "ver", "port", "pid", "session",
        "request", "req", "job", "task", "trace", "span", "msgid", "message", "doc", "document", "item", "article",
        "product", "account", "acct", "contract", "policy", "claim", "booking", "reservation", "voucher", "coupon",
        "tellimus", "tellimuse", "arve", "kviitung", "tilaus", "tilausnumero", "lasku", "kuitti", "viite", "viitenumero",
        "zamówienie", "zamowienie", "faktura", "paragon", "przesyłka", "przesylka", "beställning", "bestallning",
        "kvitto", "bestellung", "rechnung", "sendung", "заказ", "счет", "счёт", "накладная",
        // Organisations' registry and tax numbers, and orders in the case languages.
        "nip", "regon", "krs", "vat", "alv", "kmkr", "registrikood", "regnr", "orgnr", "organisationsnummer",
        "cvr", "pvn", "pvm", "ustid", "steuernummer", "инн", "огрн", "кпп", "zlecenia", "zlecenie", "tšeki", "tšekk",
        "užsakymo", "pasūtījuma", "pwz", "pwzdl",
    ].map { Array($0.utf8) })

    /// True when the word before `start` (skipping up to a few separators and a `nr`/`no`/`#`)
    /// is one of `words`.
    static func precedesNonPersonal(_ span: UnsafeBufferPointer<UInt8>, _ start: Int) -> Bool {
        var i = start
        var word = previousWord(span, &i)
        if let w = word, w == Array("nr".utf8) || w == Array("no".utf8) || w == Array("number".utf8) || w == Array("id".utf8) || w == Array("numer".utf8) || w == Array("num".utf8) {
            let numberWord = w != Array("id".utf8)
            word = previousWord(span, &i)
            // `SPRAWOZDANIE Z BADAŃ LABORATORYJNYCH nr 2304…`, `Report no. 3800…`: a thing's
            // number. A person's code is introduced by its scheme (`PESEL nr`, `isikukood nr`)
            // or a label, not by a noun and `nr`.
            if numberWord, let before = word, schemeWords[before] == nil, !personWords.contains(before) { return true }
        }
        guard let w = word else { return false }
        return words.contains(w)
    }

    /// Words before `nr` that introduce a person's own number (lower case).
    static let personWords: Set<[UInt8]> = Set([
        "id", "isiku", "isikukoodi", "personal", "person", "patient", "pacjent", "pacjenta", "potilas",
        "potilaan", "patsient", "patsiendi", "kliendi", "client", "customer", "klient", "klienta",
        "asiakas", "asiakkaan", "identity", "identification", "social", "insurance", "ubezpieczenia",
        "ewidencyjny", "henkilö", "henkilön", "личный", "личного", "asmens", "personas",
    ].map { Array($0.utf8) })

    /// The national scheme named by the word before `start` (`PESEL 4405…`, `isikukood: 3800…`,
    /// `SSN #`), if any.
    static func schemeBefore(_ span: UnsafeBufferPointer<UInt8>, _ start: Int) -> IdentifierType? {
        var i = start
        guard var w = previousWord(span, &i) else { return nil }
        // `my SSN is 186153527`, `social security number: …`, `PESEL nr 4405…`: up to two
        // filler words between the scheme's name and the number.
        for _ in 0..<2 where schemeWords[w] == nil && fillerWords.contains(w) {
            guard let before = previousWord(span, &i) else { return nil }
            w = before
        }
        if w == Array("security".utf8) {
            return previousWord(span, &i) == Array("social".utf8) ? .usSsn : nil
        }
        return schemeWords[w]
    }

    /// Whether the word before `start` says a phone number follows (`Puh.`, `Tfn`, `Tel`, `Mob`).
    /// Asked for every lone run of digits in prose and logs, so it allocates nothing: the bytes
    /// before the number are compared in place (ASCII case folded).
    /// Also a speaker's answer to a question about the phone on its line: `Entä puhelinnumero?
    /// Soittaja: 0457149311`, `And your phone number? Caller: 0457149311`.
    static func phoneWordBefore(_ span: UnsafeBufferPointer<UInt8>, _ start: Int) -> Bool {
        var j = start - 1
        var skipped = 0, colon = false
        while j >= 0, skipped < 4, span[j] == 0x20 || span[j] == 0x3A || span[j] == 0x2E || span[j] == 0x09 || span[j] == 0x2D {
            if span[j] == 0x3A { colon = true }
            j -= 1; skipped += 1
        }
        guard skipped > 0, j >= 0, ASCII.isLetter(span[j]) || span[j] >= 0x80 else { return false }
        let end = j + 1
        var s = end
        while s > 0 && end - s < 15 && (ASCII.isLetter(span[s - 1]) || span[s - 1] >= 0x80) { s -= 1 }
        guard end - s < 15 else { return false }
        if isPhoneWord(span, s, end) { return true }
        // A speaker's label (`Soittaja:`) after a question (`?` and a space): its last two words.
        guard colon, s >= 2, span[s - 1] == 0x20, span[s - 2] == UInt8(ascii: "?") else { return false }
        var e = s - 2
        for _ in 0..<2 {
            var b = e
            while b > 0 && e - b < 15 && (ASCII.isLetter(span[b - 1]) || span[b - 1] >= 0x80) { b -= 1 }
            guard b < e, e - b < 15 else { return false }
            if isPhoneWord(span, b, e) { return true }
            guard b >= 2, span[b - 1] == 0x20 else { return false }
            e = b - 1
        }
        return false
    }

    /// Whether the word before `start` (past spaces, `:`, `.`, `#`, and one short word such as
    /// `nr`) names a card: `Kaart`, `kliendikaardile`, `Kaardi nr`, `card no.`, `karta`, `kortti`,
    /// `карта` (any case, any inflection).
    static func cardWordBefore(_ span: UnsafeBufferPointer<UInt8>, _ start: Int) -> Bool {
        var end = start
        for attempt in 0..<2 {
            var skipped = 0
            while end > 0, skipped < 4, span[end - 1] == 0x20 || span[end - 1] == 0x3A || span[end - 1] == 0x2E || span[end - 1] == 0x23 {
                end -= 1; skipped += 1
            }
            guard skipped > 0 || attempt == 1 else { return false }
            var s = end
            while s > 0 && end - s < 40 && (ASCII.isLetter(span[s - 1]) || span[s - 1] >= 0x80) { s -= 1 }
            guard s < end, end - s < 40 else { return false }
            let word = NameDetector.lowercase(Array(span[s..<end]))
            if cardStems.contains(where: { CategoryMatcher.contains(word, $0) }) { return true }
            // (`Kaardi nr 290…`, `карта клиента 2900…`: past one short word or the card's owner.)
            guard attempt == 0, end - s <= 3 || ownerWords.contains(word) else { return false }
            end = s
        }
        return false
    }

    /// A card's owner after the card's word (`карта клиента`, `carte client`), lower case.
    static let ownerWords: Set<[UInt8]> = Set(["клиента", "покупателя", "client", "klienta", "kliento"].map { Array($0.utf8) })

    /// Stems of the words for a card (lower case).
    static let cardStems: [[UInt8]] = ["kaart", "kaard", "card", "kart", "kort", "карт"].map { Array($0.utf8) }

    /// Whether `span[s..<end]` (under 15 bytes) is one of `phoneWords`.
    @inline(__always)
    private static func isPhoneWord(_ span: UnsafeBufferPointer<UInt8>, _ s: Int, _ end: Int) -> Bool {
        let (lo, hi) = packed(UnsafeBufferPointer(rebasing: span[s..<end]))
        let table = phoneWordTable
        var k = table.starts[end - s]
        let stop = table.starts[end - s + 1]
        while k < stop {
            if table.keys[k].lo == lo && table.keys[k].hi == hi { return true }
            k += 1
        }
        return false
    }

    /// `phoneWords` packed eight bytes to a word, ordered by length, with where each length's
    /// keys start (`starts[n] ..< starts[n + 1]`): a lone number in a log is compared with the
    /// few words of its neighbour's length only, and no references are counted.
    static let phoneWordTable: (keys: [(lo: UInt64, hi: UInt64)], starts: [Int]) = {
        let sorted = phoneWords.sorted { $0.count < $1.count }
        var keys: [(lo: UInt64, hi: UInt64)] = []
        var starts = Array(repeating: 0, count: 17)
        for w in sorted { keys.append(w.withUnsafeBufferPointer { packed($0) }) }
        for n in 0...16 { starts[n] = sorted.firstIndex { $0.count >= n } ?? sorted.count }
        return (keys, starts)
    }()

    /// Up to 16 bytes, ASCII letters lower-cased, packed eight to a word (little-endian).
    @inline(__always)
    static func packed(_ word: UnsafeBufferPointer<UInt8>) -> (lo: UInt64, hi: UInt64) {
        var lo: UInt64 = 0, hi: UInt64 = 0
        for (at, b) in word.enumerated() {
            let c = UInt64(ASCII.lower(b))
            if at < 8 { lo |= c << UInt64(at * 8) } else { hi |= c << UInt64((at - 8) * 8) }
        }
        return (lo, hi)
    }

    /// Words for a phone number (lower case; the Cyrillic and Latvian ones as written).
    static let phoneWords: [[UInt8]] = [
        "puh", "puhelin", "matkapuhelin", "gsm", "tel", "tfn", "telefon", "telefonnummer", "mobil", "mobiil",
        "mob", "mobile", "phone", "telephone", "cell", "tlf", "telefoni", "telefonas", "tālr", "tālrunis",
        "тел", "Тел", "телефон", "Телефон", "моб", "kom", "komórka", "handy", "puhelinnumero", "telefonu",
        "telefoninumber",
    ].map { Array($0.utf8) }

    /// Whether `ssn` or `security` (any case) ends within 40 bytes before `start`: the cheap test
    /// before `schemeBefore` for nine plain digits, which logs are full of.
    static func mayNameSSNBefore(_ span: UnsafeBufferPointer<UInt8>, _ start: Int) -> Bool {
        var k = start - 1
        let stop = max(2, start - 40)
        while k >= stop {
            let c = span[k] | 0x20
            if c == UInt8(ascii: "n") && span[k - 1] | 0x20 == UInt8(ascii: "s") && span[k - 2] | 0x20 == UInt8(ascii: "s") { return true }
            if c == UInt8(ascii: "y") && span[k - 1] | 0x20 == UInt8(ascii: "t") && span[k - 2] | 0x20 == UInt8(ascii: "i") { return true }
            k -= 1
        }
        return false
    }

    /// Words that may stand between a scheme's name and its number (lower case).
    static let fillerWords: Set<[UInt8]> = Set([
        "is", "was", "number", "no", "nr", "num", "numer", "numero", "on", "ist", "är", "er", "jest", "to",
        "oli", "kood", "code",
    ].map { Array($0.utf8) })

    /// Words that name a national scheme in running text (lower case).
    static let schemeWords: [[UInt8]: IdentifierType] = {
        let table: [(String, IdentifierType)] = [
            ("isikukood", .eeIsikukood), ("isikukoodiga", .eeIsikukood), ("isikukoodi", .eeIsikukood),
            ("pesel", .plPesel), ("peselu", .plPesel), ("peselem", .plPesel),
            ("hetu", .fiHetu), ("henkilötunnus", .fiHetu), ("henkilotunnus", .fiHetu), ("henkilötunnuksella", .fiHetu),
            ("personnummer", .sePersonnummer), ("personnr", .sePersonnummer), ("samordningsnummer", .sePersonnummer),
            ("fødselsnummer", .noFodselsnummer), ("fodselsnummer", .noFodselsnummer), ("fnr", .noFodselsnummer),
            ("cpr", .dkCpr), ("ssn", .usSsn), ("nhs", .ukNhsNumber),
        ]
        return Dictionary(table.map { (Array($0.0.utf8), $0.1) }, uniquingKeysWith: { a, _ in a })
    }()

    /// The lower-cased word ending before `i` (after at most 4 separator bytes), moving `i` to
    /// its start.
    private static func previousWord(_ span: UnsafeBufferPointer<UInt8>, _ i: inout Int) -> [UInt8]? {
        var j = i - 1
        var skipped = 0
        while j >= 0, skipped < 4, span[j] == 0x20 || span[j] == 0x3A || span[j] == 0x23 || span[j] == 0x3D || span[j] == 0x2E || span[j] == 0x09 || span[j] == 0x5F || span[j] == 0x2D {
            j -= 1; skipped += 1
        }
        guard j >= 0 else { return nil }
        let end = j + 1
        var len = 0
        while j >= 0, len < 24, ASCII.isLetter(span[j]) || span[j] >= 0x80 { j -= 1; len += 1 }
        guard len > 0, len < 24 else { return nil }
        i = j + 1
        return span[(j + 1)..<end].map { ASCII.lower($0) }.withUnsafeBufferPointer { lowerUTF8($0) }
    }

    /// ASCII lower-casing plus the few non-ASCII capitals of the listed words (Cyrillic З С Н Р Ч,
    /// Polish Ż Ó, Swedish Ä).
    private static func lowerUTF8(_ b: UnsafeBufferPointer<UInt8>) -> [UInt8] {
        let s = String(decoding: b, as: UTF8.self).lowercased()
        return Array(s.utf8)
    }
}
