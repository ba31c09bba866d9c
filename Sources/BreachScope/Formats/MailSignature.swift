/// A letter's or a mail's closing (`Ystävällisin terveisin`, `Med vänlig hälsning`, `Best regards,`)
/// and the signature under it: the writer's name, then maybe a role, an organisation, a phone and
/// an e-mail. A signature that names a role or an organisation (`palveluohjaaja`,
/// `Päijät-Hämeen hyvinvointialue`, `Customer Service, Westlog Oy`) is a staff member's, whose
/// contacts are no data subject's; any other is its writer's (a customer's, a relative's).
enum MailSignature {
    /// Lines of a signature read under its closing.
    static let maxLines = 8

    /// Whether a line (quote marks and spaces already trimmed) is a closing on its own: the phrase,
    /// maybe followed by `,` `.` `!` or `:`. Compared ASCII-case-blind; other letters as written.
    static func isClosing(_ p: UnsafeBufferPointer<UInt8>) -> Bool {
        var n = p.count
        while n > 0, p[n - 1] == UInt8(ascii: ",") || p[n - 1] == UInt8(ascii: ".") || p[n - 1] == UInt8(ascii: "!")
                || p[n - 1] == UInt8(ascii: ":") || p[n - 1] == 0x20 { n -= 1 }
        // (Most short lines of prose have no closing's length: no copy is made for them.)
        guard n >= 3, n <= longestClosing, closingLengths & (1 << UInt64(n)) != 0, ASCII.isLetter(p[0]) || p[0] >= 0xC3 else { return false }
        return closings.contains(p[0..<n].map { ASCII.lower($0) })
    }

    /// A staff member's signature inside one field's text (a ticket's comment, a note kept as
    /// HTML): a closing on a line of its own, then up to `maxLines` lines of which one names a role
    /// or an organisation (`Lugupidamisega<br/>Helen Saar<br/>Klienditeenindus, Lojaalsusprogrammid
    /// OÜ<br/>+372 640 1234`). Lines end at line breaks and at tags; a paragraph's end (`</p>`,
    /// `</div>`, a blank line) ends the signature unless it comes right after the closing. Returns
    /// the bytes from the closing to the signature's last line.
    static func staffSignature(in text: UnsafeBufferPointer<UInt8>) -> Range<Int>? {
        // Lines: (start, end, whether a paragraph break comes before it).
        var lines: [(start: Int, end: Int, paragraph: Bool)] = []
        var i = 0, start = 0, paragraph = false, newlines = 0
        func close(_ end: Int) {
            var a = start, b = end
            while a < b && (text[a] == 0x20 || text[a] == 0x09) { a += 1 }
            while b > a && (text[b - 1] == 0x20 || text[b - 1] == 0x09) { b -= 1 }
            if a < b {
                lines.append((a, b, paragraph || newlines >= 2))
                paragraph = false
                newlines = 0
            }
        }
        while i < text.count && lines.count < 4096 {
            let c = text[i]
            if c == 0x0A || c == 0x0D {
                close(i)
                if c == 0x0A { newlines += 1 }
                i += 1
                start = i
            } else if c == UInt8(ascii: "<"), let gt = text[(i + 1)...].prefix(256).firstIndex(of: UInt8(ascii: ">")) {
                close(i)
                // `</p>`, `<p>`, `</div>`, `<div …>`: a paragraph's edge; `<br/>` and inline tags are not.
                var n = i + 1
                if n < gt && text[n] == UInt8(ascii: "/") { n += 1 }
                let tag = ASCII.lower(text[n])
                let next = n + 1 < gt ? ASCII.lower(text[n + 1]) : UInt8(ascii: ">")
                if (tag == UInt8(ascii: "p") && !ASCII.isLetter(next)) || (tag == UInt8(ascii: "d") && next == UInt8(ascii: "i")) {
                    paragraph = true
                }
                i = gt + 1
                start = i
            } else {
                i += 1
            }
        }
        close(text.count)
        var k = 0
        while k < lines.count {
            let l = lines[k]
            k += 1
            guard l.end - l.start <= longestClosing + 4,
                  isClosing(UnsafeBufferPointer(rebasing: text[l.start..<l.end])) else { continue }
            var last = k
            while last < lines.count && last - k < maxLines && (last == k || !lines[last].paragraph) { last += 1 }
            guard last > k else { return nil }
            if lines[k..<last].contains(where: { namesRoleOrOrganisation(text[$0.start..<$0.end]) }) {
                return l.start..<lines[last - 1].end
            }
        }
        return nil
    }

    /// Whether a signature's line names a role or an organisation: no digit or `@` (an address, a
    /// phone or an e-mail is none), and a role or organisation word in it.
    static func namesRoleOrOrganisation(_ p: some Collection<UInt8>) -> Bool {
        guard p.count <= 80, !p.contains(where: { $0 &- 0x30 < 10 || $0 == UInt8(ascii: "@") }) else { return false }
        let lower = p.map { ASCII.lower($0) }
        if roleWords.contains(where: { CategoryMatcher.contains(lower, $0) }) { return true }
        // Short words only where a word starts and ends (`Westlog Oy`, `dr`, not `Oyj…`/`drive`).
        // (`AS`, Estonian and Norwegian companies, only in capitals: `as` is an English word.)
        let cased = Array(p)
        for (word, casedWord) in zip(words(lower), words(cased)) {
            if shortRoleWords.contains(Array(word)) || casedWord.elementsEqual("AS".utf8) { return true }
        }
        return false
    }

    private static func words(_ p: [UInt8]) -> [ArraySlice<UInt8>] {
        p.split(whereSeparator: { $0 == 0x20 || $0 == UInt8(ascii: ",") || $0 == UInt8(ascii: ".")
                    || $0 == UInt8(ascii: "(") || $0 == UInt8(ascii: ")") || $0 == UInt8(ascii: "/") })
    }

    /// Closings in et, ru, fi, sv, no, da, pl, lt, lv, de, en (lower case).
    static let closings: Set<[UInt8]> = Set([
        // fi
        "ystävällisin terveisin", "terveisin", "parhain terveisin", "yst. terveisin", "ystävällisesti", "kiitos", "kiittäen",
        "kunnioittavasti", "hyvää päivänjatkoa",
        // sv, no, da
        "med vänlig hälsning", "med vänliga hälsningar", "vänliga hälsningar", "vänlig hälsning", "hälsningar", "mvh",
        "med venlig hilsen", "venlig hilsen", "med vennlig hilsen", "vennlig hilsen", "hilsen", "tack", "takk", "tak",
        // et
        "lugupidamisega", "parimate soovidega", "heade soovidega", "tervitades", "tervitustega", "tänan", "aitäh",
        // pl
        "pozdrawiam", "z poważaniem", "z wyrazami szacunku", "pozdrawiam serdecznie", "serdecznie pozdrawiam", "dziękuję",
        // lt, lv
        "pagarbiai", "ačiū", "ar cieņu", "paldies",
        // de
        "mit freundlichen grüßen", "mit freundlichen grüssen", "freundliche grüße", "viele grüße", "beste grüße", "danke",
        // en
        "best regards", "kind regards", "regards", "warm regards", "with kind regards", "many thanks", "best wishes",
        "sincerely", "yours sincerely", "yours faithfully", "thanks", "thank you", "cheers", "all the best",
        // ru (Cyrillic as written: capital and small first letter)
        "с уважением", "С уважением", "спасибо", "Спасибо", "всего доброго", "Всего доброго",
    ].map { Array($0.utf8) })

    static let longestClosing = closings.map(\.count).max() ?? 0
    /// Bit n is set when a closing has n bytes (all have fewer than 64).
    static let closingLengths: UInt64 = closings.reduce(0) { $0 | 1 << UInt64($1.count) }

    /// Role and organisation words, matched anywhere in a lower-cased line (long enough not to
    /// occur inside a name or a town).
    static let roleWords: [[UInt8]] = [
        // organisations
        "hyvinvointialue", "sairaala", "lääkäri", "terveyskeskus", "apteekki", "klinikka", "laboratorio", "kaupunki",
        "asiakaspalvelu", "palveluohjaa", "ohjaaja", "hoitaja", "sihteeri", "koordinaattori", "neuvoja", "logistiikka",
        "haigla", "kliinik", "apteek", "labor", "keskus", "perearst", "sünnitusmaja", "tervisemaja", "klienditeenindus", "teenindaja", "koordinaator", "spetsialist",
        "szpital", "przychodnia", "lekarz", "apteka", "centrum", "sp. z o.o", "specjalist", "koordynator", "pielęgniar", "kierownik",
        "hospital", "clinic", "pharmac", "laborator", "customer", "support", "service", "department", "coordinator", "nurse",
        "manager", "assistant", "secretary", "specialist", "officer", "representative", "technician", "consultant",
        "advisor", "adviser", "geneticist", "counsellor", "counselor", "administrator", "dispatcher", "logistics",
        "apotek", "sjukhus", "vårdcentral", "läkare", "kundtjänst", "kundservice", "handläggare", "sjuksköterska", "samordnare",
        "kommun",
        "apotheke", "krankenhaus", "praxis", "abteilung", "sachbearbeiter", "kundendienst", "krankenschwester",
        "ligoninė", "vaistinė", "klinika", "slimnīca", "aptieka", "poliklīnika",
        "больниц", "поликлиник", "врач", "аптек", "лаборатор", "отдел", "менеджер", "специалист", "координатор", "медсестр",
        "консультант", "служба", "обслуживани", "поддержк",
    ].map { Array($0.utf8) }

    /// Short role and organisation words, matched as whole words (`Oy`, `AB`, `Ltd`, `dr`).
    static let shortRoleWords: Set<[UInt8]> = Set([
        "oy", "oyj", "ab", "oü", "ltd", "inc", "llc", "plc", "gmbh", "sia", "uab", "asa", "a/s", "aps",
        "dr", "md", "rn", "lab", "team", "tiimi", "meeskond", "zespół", "kunta", "region",
    ].map { Array($0.utf8) })
}
