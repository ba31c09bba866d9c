/// Classifies a table column from sample values when its header says nothing (header-less
/// exports, unknown header words): the CSV reader calls it once per column on the first rows
/// (at most 64) before it declares the columns, so detectors that need a hint (names, addresses,
/// bare national-format phones, hyphen-less CPR) can fire in that column.
///
/// A column gets a hint only when it has at least 3 non-empty values and at least 80 % of them
/// agree, tried in this order:
/// 1. national IDs: the whole value validates under one of `NationalIDs.all` with hint
///    `.nationalID(nil)` (and US SSNs in their `AAA-GG-SSSS` form) → `.nationalID(type)` of the
///    type most values validate as (ties go to the first in `NationalIDs.all`, so an ambiguous
///    EE/LT column is Estonian). Types without a checksum (CPR, SSN) are refused for sorted
///    integers or integers sharing their first four digits (running numbers, timestamps);
/// 2. e-mails → `.email`; IBANs → `.iban`; payment cards → `.paymentCard`;
/// 3. phones: valid under `PhoneDetector.normalize` with the standard countries, no letters,
///    not a date; refused when the values are plain integers that run (sorted with n ≥ 5, or
///    sorted and close together) → `.phone`;
///    then plain numbers of 9–13 digits of which fewer than half validate as a national ID →
///    `.nonPersonal` (receipt and order numbers: the few that pass a check digit by chance are
///    no persons);
/// 4. person names: `NameDetector` accepts the value, 2–4 words each starting with an upper-case
///    letter (lower-case particles like `von`, `van der` allowed after the first word), at least
///    two words of two letters; the column is not low-cardinality (with ≥ 6 values, fewer than
///    50 % distinct means a category like a city or a product) → `.fullName`;
/// 5. postal addresses: 8–120 bytes with letters and a digit and a comma or a street word
///    (`mnt`, `tn`, `katu`, `gatan`, `street`, `ul.`, `g.`, `…tie`, `…straße`, …), and no
///    quantity with a unit (`400 mg`, `20 tk`) → `.postalAddress`.
/// Dates stay unhinted: a date column is not a birth date without a label.
public enum ColumnSampler {
    /// Fewest non-empty values a column needs to be classified.
    public static let minValues = 3
    /// Most values looked at per column.
    public static let maxValues = 64

    /// The hint the values of one column agree on, or `nil`.
    public static func hint(forValues values: [[UInt8]]) -> FieldHint? {
        var vals: [[UInt8]] = []
        vals.reserveCapacity(min(values.count, maxValues))
        for v in values {
            let t = trim(v)
            if !t.isEmpty { vals.append(t) }
            if vals.count == maxValues { break }
        }
        let n = vals.count
        guard n >= minValues else { return nil }
        func agree(_ k: Int) -> Bool { k * 5 >= n * 4 }
        func count(_ test: ([UInt8]) -> Bool) -> Int {
            var k = 0
            for v in vals where test(v) { k += 1 }
            return k
        }

        if let type = nationalIDType(vals, agree: agree) { return .nationalID(type) }
        if agree(count { EmailDetector.validate($0) }) { return .email }
        if agree(count { IBANDetector.validate($0) }) { return .iban }
        if agree(count { PaymentCardDetector.normalize($0) != nil }) { return .paymentCard }
        if isPhoneColumn(vals, agree: agree) { return .phone }
        // EAN-13 numbers: in-store ones (prefixes 20–29) are a shop's own cards, the loyalty
        // card a purchase row is joined by; others are the products bought (a header-less
        // receipt file: `2911454441920|2023-01-05T14:45:11|AP033|…|4743815006756|Hambapasta …`).
        if agree(count(isEAN13)) { return agree(count { $0[0] == UInt8(ascii: "2") }) ? .loyaltyCard : .purchase }
        if isDecoyNumberColumn(vals, agree: agree) || isRepeatedCodeColumn(vals, agree: agree) { return .nonPersonal }
        if isNameColumn(vals, agree: agree) { return .fullName }
        if agree(count(isAddress)) { return .postalAddress }
        return nil
    }

    /// Whether one value fits `hint` by the rules above (column-level rules such as cardinality
    /// and running numbers aside). Used to tell a first data row from a header.
    static func accepts(_ value: [UInt8], as hint: FieldHint) -> Bool {
        let v = trim(value)
        guard !v.isEmpty else { return false }
        switch hint {
        case .nationalID(let type?): return nationalIDTypes(v).contains(type)
        case .email: return EmailDetector.validate(v)
        case .iban: return IBANDetector.validate(v)
        case .paymentCard: return PaymentCardDetector.normalize(v) != nil
        case .phone: return isPhone(v)
        case .fullName: return isName(v) != nil
        case .postalAddress: return isAddress(v)
        default: return false
        }
    }

    /// Thirteen digits whose last is the EAN check digit (weights 1 and 3).
    static func isEAN13(_ v: [UInt8]) -> Bool {
        guard v.count == 13, v.allSatisfy({ $0 &- 0x30 < 10 }) else { return false }
        var sum = 0
        for i in 0..<12 { sum += Int(v[i] - 0x30) * (i % 2 == 0 ? 1 : 3) }
        return (10 - sum % 10) % 10 == Int(v[12] - 0x30)
    }

    /// Plain numbers of 9–13 digits (the length of national IDs), most of which validate as no
    /// national ID: receipt, order or transaction numbers. A few of them pass a check digit by
    /// chance (one in eleven for a mod-11 scheme); in a column of such numbers they are not
    /// persons. A real ID column validates nearly throughout.
    static func isDecoyNumberColumn(_ vals: [[UInt8]], agree: (Int) -> Bool) -> Bool {
        var shaped = 0, valid = 0
        for v in vals where v.count >= 9 && v.count <= 13 && v.allSatisfy({ $0 &- 0x30 < 10 }) {
            shaped += 1
            if !nationalIDTypes(v).isEmpty { valid += 1 }
        }
        return agree(shaped) && valid * 2 < shaped
    }

    /// Whether a column's values are distinct customer codes: one to four capital letters, an
    /// optional `-`, then 4–10 digits (`PK-213319`, `HUS611469`), at least 5 values of which 80 %
    /// have the shape, none repeated, their numbers not running (a file's own row numbers).
    public static func isCustomerCodeColumn(_ values: [[UInt8]]) -> Bool {
        let vals = values.prefix(maxValues).map(trim).filter { !$0.isEmpty }
        guard vals.count >= 5 else { return false }
        var numbers: [Int] = []
        var distinct = Set<[UInt8]>()
        for v in vals {
            var i = 0
            while i < v.count && i < 5 && v[i] >= 0x41 && v[i] <= 0x5A { i += 1 }
            guard i >= 1 && i <= 4 else { continue }
            if i < v.count && v[i] == UInt8(ascii: "-") { i += 1 }
            let digits = v.count - i
            guard digits >= 4 && digits <= 10, v[i...].allSatisfy({ $0 &- 0x30 < 10 }) else { continue }
            numbers.append(v[i...].reduce(0) { $0 * 10 + Int($1 - 0x30) })
            distinct.insert(v)
        }
        guard numbers.count * 5 >= vals.count * 4, distinct.count == numbers.count else { return false }
        // Row numbers run: ascending with small steps.
        let steps = zip(numbers, numbers.dropFirst()).map { $1 - $0 }
        return !(steps.allSatisfy { $0 > 0 } && steps.reduce(0, +) <= 10 * steps.count)
    }

    /// Whether a header-less file's first column holds distinct card numbers written in digit
    /// groups (`77-9841-9917`, `2470 1043 9874 3`): at least 5 values of which 80 % have three or
    /// more groups of 1–6 digits (the first of 2 or more) set apart by one `-` or space, 8–19
    /// digits in all, and share their first group (the card scheme's prefix); none repeated.
    /// Dates, numbers with a trunk `0` and the groupings of North American and Polish phones
    /// (3-3-4, 3-3-3) are not cards: a column of them may be read as phones, a card column not.
    public static func isGroupedCardColumn(_ values: [[UInt8]]) -> Bool {
        let vals = values.prefix(maxValues).map(trim).filter { !$0.isEmpty }
        guard vals.count >= 5 else { return false }
        var distinct = Set<[UInt8]>()
        var prefixes: [[UInt8]: Int] = [:]
        var shaped = 0
        for v in vals {
            var groups: [Int] = [], run = 0, ok = v.first != UInt8(ascii: "0")
            for (i, b) in v.enumerated() where ok {
                if b &- 0x30 < 10 { run += 1 }
                else if (b == UInt8(ascii: "-") || b == 0x20) && run >= 1 && i + 1 < v.count { groups.append(run); run = 0 }
                else { ok = false }
            }
            groups.append(run)
            let digits = groups.reduce(0, +)
            guard ok, groups.count >= 3, groups[0] >= 2, groups.allSatisfy({ $0 >= 1 && $0 <= 6 }), digits >= 8, digits <= 19,
                  groups != [3, 3, 4], groups != [3, 3, 3], DateOfBirthDetector.normalize(v) == nil else { continue }
            shaped += 1
            distinct.insert(v)
            prefixes[Array(v.prefix(groups[0])), default: 0] += 1
        }
        let shared = prefixes.values.max() ?? 0
        return shaped * 5 >= vals.count * 4 && distinct.count == shaped && shared * 5 >= shaped * 4
    }

    /// Plain numbers that are neither national IDs nor phones and repeat across the rows: a
    /// few codes (product numbers `7310001`–`7310006`, quantities, statuses) shared by many
    /// records. A person's number repeats only with the person's own rows.
    static func isRepeatedCodeColumn(_ vals: [[UInt8]], agree: (Int) -> Bool) -> Bool {
        guard vals.count >= 20 else { return false }
        var shaped = 0
        var distinct = Set<[UInt8]>()
        for v in vals where v.count >= 4 && v.count <= 13 && v.allSatisfy({ $0 &- 0x30 < 10 }) {
            shaped += 1
            distinct.insert(v)
        }
        return agree(shaped) && distinct.count * 5 <= vals.count
    }

    // MARK: - National IDs

    /// The types whose detector matches the whole value.
    static func nationalIDTypes(_ v: [UInt8]) -> [IdentifierType] {
        v.withUnsafeBufferPointer { buf in
            var types: [IdentifierType] = []
            for d in NationalIDs.all {
                if let f = d.match(buf, at: 0, hint: .nationalID(nil)), f.length == buf.count, let t = f.identifier {
                    types.append(t)
                }
            }
            // SSNs never fire on `.nationalID(nil)`; their separated layout is distinctive enough
            // for a column where most values have it.
            if buf.count == 11, buf[3] == buf[6], buf[3] == UInt8(ascii: "-") || buf[3] == UInt8(ascii: " "),
               let f = SSNDetector().match(buf, at: 0, hint: .nationalID(.usSsn)), f.length == buf.count {
                types.append(.usSsn)
            }
            return types
        }
    }

    private static func nationalIDType(_ vals: [[UInt8]], agree: (Int) -> Bool) -> IdentifierType? {
        var matching = 0
        var perType: [IdentifierType: Int] = [:]
        var plain: [[UInt8]] = []
        for v in vals {
            let types = nationalIDTypes(v)
            guard !types.isEmpty else { continue }
            matching += 1
            for t in Set(types) { perType[t, default: 0] += 1 }
            plain.append(v)
        }
        guard agree(matching) else { return nil }
        var best: IdentifierType?
        var bestCount = 0
        for d in NationalIDs.all {
            guard let t = idType(of: d), let c = perType[t], c > bestCount else { continue }
            best = t
            bestCount = c
        }
        guard let type = best else { return nil }
        if type == .dkCpr || type == .usSsn {
            // No checksum: refuse running numbers and timestamps that happen to look like dates.
            if isRunning(plain, maxGap: nil) || sharePrefix(plain, 4) { return nil }
        }
        return type
    }

    /// Whether a column of dates is the birth dates of the national IDs in another column of
    /// the same rows (`44082476371|KAMIŃSKI|RYSZARD|1944-08-24`): a headerless table's
    /// `date_of_birth`. At least four fifths of the rows (five at least) agree.
    static func isBirthDateColumn(_ rows: [(date: [UInt8]?, id: [UInt8]?)], type: IdentifierType) -> Bool {
        guard let detector = NationalIDs.all.first(where: { idType(of: $0) == type }) else { return false }
        var agree = 0, present = 0
        for case let (date?, id?) in rows {
            present += 1
            let v = trim(id)
            guard let iso = DateOfBirthDetector.normalize(date),
                  let f = v.withUnsafeBufferPointer({ detector.match($0, at: 0, hint: .nationalID(type)) }), f.length == v.count,
                  let born = NationalIDs.birthDate(of: type, f.value) else { continue }
            if iso == DateOfBirthDetector.iso(born.year, born.month, born.day) { agree += 1 }
        }
        return present >= 5 && agree * 5 >= present * 4
    }

    /// The identifier type a national-ID detector produces.
    private static func idType(of d: any Detector) -> IdentifierType? {
        switch d {
        case is FodselsnummerDetector: .noFodselsnummer
        case is HETUDetector: .fiHetu
        case is IsikukoodDetector: .eeIsikukood
        case is AsmensKodasDetector: .ltAsmensKodas
        case is PersonasKodsDetector: .lvPersonasKods
        case is PESELDetector: .plPesel
        case is PersonnummerDetector: .sePersonnummer
        case is NHSNumberDetector: .ukNhsNumber
        case is CPRDetector: .dkCpr
        case is SSNDetector: .usSsn
        default: nil
        }
    }

    // MARK: - Phones

    static func isPhone(_ v: [UInt8]) -> Bool {
        for b in v where ASCII.isLetter(b) { return false }
        if DateOfBirthDetector.normalize(v) != nil { return false }
        return PhoneDetector.normalize(v, defaultCountries: PhoneDetector.standardCountries) != nil
    }

    private static func isPhoneColumn(_ vals: [[UInt8]], agree: (Int) -> Bool) -> Bool {
        var phones: [[UInt8]] = []
        for v in vals where isPhone(v) { phones.append(v) }
        guard agree(phones.count) else { return false }
        // Plain integers in order are row numbers or order numbers, not phones.
        return !isRunning(phones, maxGap: 1000)
    }

    /// True when every value is a plain integer and they are sorted (non-decreasing) and either
    /// five or more, or (with `maxGap`) the average step is below `maxGap`. A few real numbers
    /// may be sorted by chance; real ones are then far apart.
    static func isRunning(_ vals: [[UInt8]], maxGap: Int?) -> Bool {
        guard vals.count >= 2 else { return false }
        var numbers: [Int] = []
        for v in vals {
            guard let x = plainInteger(v) else { return false }
            numbers.append(x)
        }
        for i in 1..<numbers.count where numbers[i] < numbers[i - 1] { return false }
        if numbers.count >= 5 { return true }
        guard let gap = maxGap else { return true }
        return numbers.last! - numbers.first! < gap * (numbers.count - 1)
    }

    /// True when every value is a plain integer and all share their first `k` digits.
    private static func sharePrefix(_ vals: [[UInt8]], _ k: Int) -> Bool {
        guard vals.count >= 2, let first = vals.first, first.count >= k else { return false }
        for v in vals {
            guard plainInteger(v) != nil, v.count >= k, v[0..<k] == first[0..<k] else { return false }
        }
        return true
    }

    /// The value of an all-digit value of at most 18 digits.
    private static func plainInteger(_ v: [UInt8]) -> Int? {
        guard !v.isEmpty, v.count <= 18 else { return nil }
        var x = 0
        for b in v {
            guard ASCII.isDigit(b) else { return nil }
            x = x * 10 + ASCII.digit(b)
        }
        return x
    }

    // MARK: - Names

    /// Lower-case name particles allowed after the first word.
    static let particles: Set<[UInt8]> = Set(
        ["von", "van", "der", "den", "de", "da", "di", "du", "la", "le", "af", "av", "zu", "ten", "ter", "del", "dos", "das"]
            .map { Array($0.utf8) })

    /// The normalised name when `v` reads as a full person name, else nil.
    static func isName(_ v: [UInt8]) -> [UInt8]? {
        guard let name = v.withUnsafeBufferPointer({ NameDetector.normalize($0) }) else { return nil }
        for b in name where ASCII.isDigit(b) { return nil }
        let words = name.split(separator: 0x20)
        guard words.count >= 2, words.count <= 4 else { return nil }
        var longWords = 0
        for (i, word) in words.enumerated() {
            let w = Array(word)
            var first: UInt32 = 0
            var letters = 0
            NameDetector.forEachScalar(w) { s in
                if first == 0 { first = s }
                if ASCII.isLetter(UInt8(truncatingIfNeeded: s)) && s < 0x80 || NameDetector.isLetter(s) { letters += 1 }
                return true
            }
            if !isUpper(first) && !(i > 0 && particles.contains(w)) { return nil }
            if letters >= 2 { longWords += 1 }
        }
        return longWords >= 2 ? name : nil
    }

    /// Whether two neighbouring columns hold a name split in two (`NURM|Katrin`, `Lucy|Ward`),
    /// from their cells per row: in at least four fifths of the rows (and at least five rows)
    /// both are one word of letters starting with a capital, their joined form reads as a name,
    /// the pairs are nearly all different (a city and its county repeat), one side has many
    /// different words and neither few (a constant project or status). Returns `(true, _)` when
    /// the left one is the first name: it is the last name when it is written in capitals and
    /// the right one is not.
    static func namePair(_ rows: [([UInt8]?, [UInt8]?)]) -> (Bool, Bool)? {
        var pairs: [([UInt8], [UInt8])] = []
        var upperLeft = 0, upperRight = 0
        for case let (a?, b?) in rows {
            let x = trim(a), y = trim(b)
            guard isNameWord(x), isNameWord(y), isName(x + [0x20] + y) != nil else { continue }
            pairs.append((x, y))
            if !x.contains(where: { ASCII.isLower($0) }) { upperLeft += 1 }
            if !y.contains(where: { ASCII.isLower($0) }) { upperRight += 1 }
        }
        guard pairs.count >= 5, pairs.count * 5 >= rows.count * 4 else { return nil }
        let joined = Set(pairs.map { $0.0 + [0] + $0.1 }).count
        let left = Set(pairs.map(\.0)).count, right = Set(pairs.map(\.1)).count
        // Mostly distinct pairs; or, in a table of several rows per person (a lab's results: two
        // or three tests each), many distinct pairs that repeat.
        let distinct = joined * 10 >= pairs.count * 9 || joined >= 8 && joined * 10 >= pairs.count * 3
        guard distinct, max(left, right) * 2 >= joined, min(left, right) * 4 >= joined else { return nil }
        let leftIsLast = upperLeft * 5 >= pairs.count * 4 && upperRight * 5 < pairs.count * 4
        return (!leftIsLast, leftIsLast)
    }

    /// One word of 2–30 letters (hyphens and apostrophes inside) that starts with a capital.
    static func isNameWord(_ w: [UInt8]) -> Bool {
        guard w.count >= 2, w.count <= 30, !w.contains(0x20) else { return false }
        var first: UInt32 = 0, ok = true
        NameDetector.forEachScalar(w) { s in
            if first == 0 { first = s }
            if !(s < 0x80 && ASCII.isLetter(UInt8(s)) || NameDetector.isLetter(s) || s == 0x2D || s == 0x27) { ok = false }
            return ok
        }
        // `ATATCCAT`: a sequencing index, not a surname in capitals.
        return ok && isUpper(first) && !w.allSatisfy { $0 == 0x41 || $0 == 0x43 || $0 == 0x47 || $0 == 0x54 || $0 == 0x4E }
    }

    private static func isNameColumn(_ vals: [[UInt8]], agree: (Int) -> Bool) -> Bool {
        var names: [[UInt8]] = []
        for v in vals { if let name = isName(v) { names.append(name) } }
        guard agree(names.count) else { return false }
        // Few distinct values among many: a category (city, product, department).
        if vals.count >= 6 && Set(vals).count * 2 < vals.count { return false }
        return true
    }

    /// Upper-case letters: ASCII, Latin-1, Latin Extended-A and Additional, Cyrillic.
    static func isUpper(_ s: UInt32) -> Bool {
        switch s {
        case 0x41...0x5A: true
        case 0xC0...0xDE: s != 0xD7
        case 0x100...0x137, 0x14A...0x177: s % 2 == 0
        case 0x139...0x148, 0x179...0x17E: s % 2 == 1
        case 0x178: true
        case 0x1E00...0x1EFF: s % 2 == 0
        case 0x400...0x42F: true
        default: false
        }
    }

    // MARK: - Addresses

    /// Street words matched as whole tokens (lower case).
    static let streetWords: Set<[UInt8]> = Set(
        ["mnt", "mnt.", "tn", "tn.", "tee", "pst", "pst.", "puiestee", "tänav", "katu", "tie", "kuja", "gatan", "vägen",
         "väg", "gate", "gata", "vei", "veien", "vej", "gade", "ul.", "ul", "al.", "ulica", "aleja", "street", "st", "st.",
         "road", "rd", "rd.", "avenue", "ave", "ave.", "lane", "ln.", "blvd", "blvd.", "drive", "straße", "strasse",
         "str.", "weg", "platz", "allee", "iela", "g.", "pr.", "prospekt", "pl.", "plats", "torg", "tori", "väljak"]
            .map { Array($0.utf8) })
    /// Street words that also end compound names (`Mannerheimintie`, `Storgatan`, `Hauptstraße`).
    static let streetSuffixes: [[UInt8]] =
        ["katu", "tie", "kuja", "gatan", "vägen", "gade", "vej", "veien", "vegen", "straße", "strasse", "iela", "tee",
         "tänav", "allee", "weg"]
            .map { Array($0.utf8) }
    /// Units after a number that make a value a product or quantity, not an address.
    static let units: Set<[UInt8]> = Set(
        ["mg", "ml", "mcg", "µg", "g", "kg", "l", "tk", "tbl", "tabl", "kpl", "pcs", "x", "iu", "ui", "mmol", "%", "eur",
         "€", "caps", "kaps", "annos", "doses"]
            .map { Array($0.utf8) })

    /// English month names and their abbreviations, lower case.
    static let months: Set<[UInt8]> = Set(["january", "february", "march", "april", "may", "june", "july", "august", "september",
                                           "october", "november", "december", "jan", "feb", "mar", "apr", "jun", "jul", "aug",
                                           "sep", "sept", "oct", "nov", "dec"].map { Array($0.utf8) })

    static func isAddress(_ v: [UInt8]) -> Bool {
        guard v.count >= 8, v.count <= 120 else { return false }
        var letters = false, digits = false, comma = false
        for b in v {
            if ASCII.isDigit(b) { digits = true } else if ASCII.isLetter(b) || b >= 0xC0 { letters = true }
            else if b == UInt8(ascii: ",") { comma = true }
        }
        guard letters, digits else { return false }
        // (An address has words apart: `PJSIP/elisa/0414961975,60`, a phone system's dial string, has none.)
        guard v.contains(0x20) || v.contains(0x09) else { return false }
        guard v.withUnsafeBufferPointer({ PostalAddressDetector.normalize($0) }) != nil else { return false }
        let tokens = v.split(whereSeparator: { $0 == 0x20 || $0 == 0x2C || $0 == 0x09 }).map { NameDetector.lowercase(Array($0)) }
        // A date with its month's name (Notion's `September 03, 2022 04:47 PM`, `3 Oct 2022`) is no address.
        if tokens.prefix(2).contains(where: { months.contains($0) }),
           tokens.contains(where: { $0.count == 4 && ($0.starts(with: [0x31, 0x39]) || $0.starts(with: [0x32, 0x30])) && $0.allSatisfy(ASCII.isDigit) }) {
            return false
        }
        var street = false
        var previousNumber = false
        for t in tokens {
            if previousNumber && units.contains(t) { return false }
            var digitPrefix = 0
            while digitPrefix < t.count && ASCII.isDigit(t[digitPrefix]) { digitPrefix += 1 }
            if digitPrefix > 0 && digitPrefix < t.count && units.contains(Array(t[digitPrefix...])) { return false }  // 400mg
            previousNumber = digitPrefix == t.count
            if streetWords.contains(t) {
                street = true
            } else if !street {
                for s in streetSuffixes where t.count >= s.count + 3 && t.suffix(s.count).elementsEqual(s) {
                    street = true
                    break
                }
            }
        }
        return street || comma
    }

    /// ASCII spaces and tabs trimmed from both ends.
    private static func trim(_ v: [UInt8]) -> [UInt8] {
        var a = 0, b = v.count
        while a < b && PhoneDetector.isSpace(v[a]) { a += 1 }
        while b > a && PhoneDetector.isSpace(v[b - 1]) { b -= 1 }
        return a == 0 && b == v.count ? v : Array(v[a..<b])
    }
}
