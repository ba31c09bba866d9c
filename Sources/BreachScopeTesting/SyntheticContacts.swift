import BreachScope

/// Generators for fictitious contact and financial values: phone numbers (in the numbering
/// plans' drama ranges where they exist), e-mail addresses on `example.*` domains, IBANs and
/// payment card numbers with valid check digits.
extension Synthetic {
    /// A valid phone number of `country` (ISO code: EE LV LT FI SE NO DK PL DE GB US), written
    /// the way people type it — international (`+372 5123 4567`, `00372…`, `+37251234567`) or
    /// national with the country's usual grouping (`040 123 4567`, `(503) 555-0142`) — and its
    /// E.164 form. National forms need the country among the detector's default countries.
    public static func phone(
        country: String, international: Bool, using rng: inout some RandomNumberGenerator
    ) -> (written: String, e164: String) {
        func digits(_ n: Int) -> String {
            var s = ""
            for _ in 0..<n { s.append(Character(String(Int.random(in: 0...9, using: &rng)))) }
            return s
        }
        func pick(_ options: [String]) -> String { options[Int.random(in: 0..<options.count, using: &rng)] }
        func groups(_ s: String, _ sizes: [Int], _ sep: String) -> String {
            var out: [String] = []
            var rest = Substring(s)
            for size in sizes {
                out.append(String(rest.prefix(size)))
                rest = rest.dropFirst(size)
            }
            if !rest.isEmpty { out.append(String(rest)) }
            return out.joined(separator: sep)
        }

        let cc: String
        let nsn: String
        let national: String
        let intlGroups: [Int]
        switch country.uppercased() {
        case "EE":
            nsn = "5" + digits(7)
            cc = "372"
            national = groups(nsn, [4, 4], " ")
            intlGroups = [4, 4]
        case "LV":
            nsn = "2" + digits(7)
            cc = "371"
            national = groups(nsn, [4, 4], " ")
            intlGroups = [4, 4]
        case "LT":
            nsn = "6" + digits(7)
            cc = "370"
            national = "8 " + groups(nsn, [3, 5], " ")
            intlGroups = [3, 5]
        case "FI":
            nsn = pick(["40", "41", "44", "45", "46", "50"]) + digits(7)
            cc = "358"
            let t = "0" + nsn
            national = pick([groups(t, [3, 3, 4], " "), groups(t, [3, 3, 4], "-"),
                              groups(t, [3, 7], " "), groups(t, [3, 7], "-")])
                .replacingFirstSeparator(ifWanted: Bool.random(using: &rng))
            intlGroups = [2, 3, 4]
        case "SE":
            // PTS drama range 070-17 406 05 … 070-17 406 99.
            nsn = "7017406" + String(format2: Int.random(in: 5...99, using: &rng))
            cc = "46"
            national = "0" + nsn.prefix(2) + "-" + groups(String(nsn.dropFirst(2)), [3, 2, 2], " ")
            intlGroups = [2, 3, 2, 2]
        case "NO":
            nsn = pick(["4", "9"]) + digits(7)
            cc = "47"
            national = groups(nsn, [3, 2, 3], " ")
            intlGroups = [3, 2, 3]
        case "DK":
            nsn = pick(["2", "3", "4", "5", "6"]) + digits(7)
            cc = "45"
            national = groups(nsn, [2, 2, 2, 2], " ")
            intlGroups = [2, 2, 2, 2]
        case "PL":
            nsn = pick(["50", "51", "53", "57", "60", "66", "69", "72", "73", "78", "79", "88"]) + digits(7)
            cc = "48"
            national = groups(nsn, [3, 3, 3], "-")
            intlGroups = [3, 3, 3]
        case "DE":
            nsn = pick(["151", "152", "157", "160", "162", "170", "171", "176", "179"]) + digits(8)
            cc = "49"
            national = pick(["0" + nsn.prefix(3) + " " + nsn.dropFirst(3), "0" + nsn.prefix(3) + "-" + nsn.dropFirst(3),
                             "(0" + nsn.prefix(3) + ") " + nsn.dropFirst(3)])
            intlGroups = [3, 8]
        case "GB":
            // Ofcom drama range 07700 900000 … 900999.
            nsn = "7700900" + digits(3)
            cc = "44"
            national = "0" + groups(nsn, [4, 6], " ")
            intlGroups = [4, 6]
        case "US", "CA":
            // Area code NXX (no N11, no N9X, no toll-free 8XX), exchange 555, fictional lines 0100–0199.
            var area = ""
            repeat {
                area = String(Int.random(in: 2...9, using: &rng)) + String(Int.random(in: 0...8, using: &rng))
                    + String(Int.random(in: 0...9, using: &rng))
            } while area.dropFirst() == "11" || area.first == "8" && area.dropFirst().first == area.last
            nsn = area + "5550" + "1" + digits(2)
            cc = "1"
            national = pick(["(" + area + ") 555-01" + nsn.suffix(2), area + "-555-01" + nsn.suffix(2),
                             area + " 555 01" + nsn.suffix(2), "1-" + area + "-555-01" + nsn.suffix(2)])
            intlGroups = [3, 3, 4]
        default:
            preconditionFailure("no phone plan for \(country)")
        }
        let e164 = "+" + cc + nsn
        guard international else { return (national, e164) }
        let written: String
        switch Int.random(in: 0..<5, using: &rng) {
        case 0: written = e164
        case 1: written = "00" + cc + " " + groups(nsn, intlGroups, " ")
        case 2: written = "+" + cc + "-" + groups(nsn, intlGroups, "-")
        default: written = "+" + cc + " " + groups(nsn, intlGroups, " ")
        }
        return (written, e164)
    }

    /// A valid fictitious IBAN of `country` (ISO code with a known IBAN length), written compact
    /// or in groups of four, upper- or lower-case.
    public static func iban(country: String, using rng: inout some RandomNumberGenerator) -> String {
        let cc = country.uppercased()
        guard let length = IBANDetector.length(country: cc) else { preconditionFailure("no IBAN length for \(country)") }
        var bban = ""
        let letters = Array("ABCDEFGHIJKLMNOPQRSTUVWXYZ")
        for i in 0..<(length - 4) {
            if !IBANDetector.isNumericBBAN(country: cc) && i < 4 {
                bban.append(letters[Int.random(in: 0..<26, using: &rng)])
            } else {
                bban.append(Character(String(Int.random(in: 0...9, using: &rng))))
            }
        }
        var m = 0
        for ch in (bban + cc + "00").utf8 {
            if ch >= 0x30 && ch <= 0x39 { m = (m * 10 + Int(ch - 0x30)) % 97 } else { m = (m * 100 + Int(ch - 0x41) + 10) % 97 }
        }
        let check = 98 - m
        let compact = cc + (check < 10 ? "0" : "") + String(check) + bban
        var written = compact
        if Bool.random(using: &rng) {
            var out = ""
            for (i, ch) in compact.enumerated() {
                if i > 0 && i % 4 == 0 { out.append(" ") }
                out.append(ch)
            }
            written = out
        }
        if Int.random(in: 0..<5, using: &rng) == 0 { written = written.lowercased() }
        return written
    }

    /// A valid fictitious payment card number (Visa, Mastercard, Amex, Discover, JCB, Diners or
    /// UnionPay ranges, Luhn-valid), written plain or grouped with spaces or dashes.
    public static func paymentCard(using rng: inout some RandomNumberGenerator) -> String {
        let issuers: [(prefix: String, length: Int, groups: [Int])] = [
            ("4", 16, [4, 4, 4, 4]), ("4", 13, [4, 4, 4, 1]), ("51", 16, [4, 4, 4, 4]), ("55", 16, [4, 4, 4, 4]),
            ("2221", 16, [4, 4, 4, 4]), ("2720", 16, [4, 4, 4, 4]), ("34", 15, [4, 6, 5]), ("37", 15, [4, 6, 5]),
            ("6011", 16, [4, 4, 4, 4]), ("65", 16, [4, 4, 4, 4]), ("645", 16, [4, 4, 4, 4]),
            ("3530", 16, [4, 4, 4, 4]), ("36", 14, [4, 6, 4]), ("62", 19, [4, 4, 4, 4, 3]),
        ]
        let issuer = issuers[Int.random(in: 0..<issuers.count, using: &rng)]
        var d = issuer.prefix.utf8.map { Int($0 - 0x30) }
        while d.count < issuer.length - 1 { d.append(Int.random(in: 0...9, using: &rng)) }
        // Luhn check digit: double every second digit from the right of the final number.
        var sum = 0
        for (i, v) in d.reversed().enumerated() {
            var x = v
            if i % 2 == 0 {
                x *= 2
                if x > 9 { x -= 9 }
            }
            sum += x
        }
        d.append((10 - sum % 10) % 10)
        let plain = d.map { String($0) }.joined()
        let style = Int.random(in: 0..<3, using: &rng)
        if style == 0 { return plain }
        let sep = style == 1 ? " " : "-"
        var out: [String] = []
        var rest = Substring(plain)
        for g in issuer.groups {
            out.append(String(rest.prefix(g)))
            rest = rest.dropFirst(g)
        }
        return out.joined(separator: sep)
    }

    /// A fictitious e-mail address for a person on an `example.*` domain, e.g.
    /// `mari.maasikas@example.ee`; diacritics are folded and case is sometimes mixed.
    public static func email(first: String, last: String, using rng: inout some RandomNumberGenerator) -> String {
        let f = asciiFold(first)
        let l = asciiFold(last)
        let domains = ["example.ee", "example.fi", "example.se", "example.com", "example.org", "mail.example.lv",
                       "example.no", "example.net"]
        let domain = domains[Int.random(in: 0..<domains.count, using: &rng)]
        let local: String
        switch Int.random(in: 0..<5, using: &rng) {
        case 0: local = f + "." + l
        case 1: local = f + l + String(Int.random(in: 1...99, using: &rng))
        case 2: local = String(f.prefix(1)) + "." + l
        case 3: local = f + "_" + l + "+pharmacy"
        default: local = f.prefix(1).uppercased() + f.dropFirst() + "." + l.prefix(1).uppercased() + l.dropFirst()
        }
        return String(local.prefix(64)) + "@" + domain
    }

    /// Lower-case ASCII letters of `name`, with the region's diacritics folded (`Jüri` → `juri`).
    private static func asciiFold(_ name: String) -> String {
        var out = ""
        for ch in name.lowercased() {
            switch ch {
            case "ä", "å", "á", "à", "â", "ą", "ā": out.append("a")
            case "æ": out.append("ae")
            case "ö", "õ", "ø", "ó", "ô": out.append("o")
            case "ü", "ú", "ū", "ų": out.append("u")
            case "é", "è", "ê", "ę", "ē", "ė": out.append("e")
            case "í", "ī", "į": out.append("i")
            case "š", "ś": out.append("s")
            case "ž", "ź", "ż": out.append("z")
            case "č", "ć": out.append("c")
            case "ł", "ļ": out.append("l")
            case "ń", "ņ": out.append("n")
            case "ģ": out.append("g")
            case "ķ": out.append("k")
            case "ß": out.append("ss")
            default:
                if ch.isASCII && (ch.isLetter || ch.isNumber) { out.append(ch) }
            }
        }
        return out.isEmpty ? "person" : out
    }
}

private extension String {
    /// Two-digit zero-padded decimal.
    init(format2 v: Int) { self = (v < 10 ? "0" : "") + String(v) }

    /// Optionally uses a dash for the first separator (`040-123 4567`).
    func replacingFirstSeparator(ifWanted wanted: Bool) -> String {
        guard wanted, let i = firstIndex(of: " ") else { return self }
        var s = self
        s.replaceSubrange(i...i, with: "-")
        return s
    }
}
