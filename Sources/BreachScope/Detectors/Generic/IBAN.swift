/// International Bank Account Numbers (ISO 13616), normalised upper-case without spaces.
///
/// Format: two letters (country), two check digits, then the BBAN; the total length is fixed per
/// country (EE 20, FI 18, SE 24, NO 15, DK 18, PL 28, DE 22, GB 22, LV 21, LT 20, FR 27, NL 18,
/// ES 24, IT 27, … — all SEPA countries and most other IBAN countries). Written compact or in
/// groups of four separated by single spaces, any case. Countries whose BBAN is purely numeric
/// must have digits there.
///
/// Validation: ISO 7064 MOD 97-10 — move the first four characters to the end, letters become
/// 10…35, the number modulo 97 must be 1.
///
/// Fictitious example: `ee38 2200 2210 2014 5685` → `EE382200221020145685`.
public struct IBANDetector: Detector {
    public init() {}

    public var element: ElementType { .iban }
    public var triggers: DetectorTriggers { .letter }

    public func match(_ span: UnsafeBufferPointer<UInt8>, at start: Int, hint: FieldHint) -> Finding? {
        let n = span.count
        guard start + 15 <= n else { return nil }
        let c0 = span[start], c1 = span[start + 1]
        guard ASCII.isLetter(c0), ASCII.isLetter(c1), ASCII.isDigit(span[start + 2]),
              ASCII.isDigit(span[start + 3]) else { return nil }
        let entry = Self.entry(c0, c1)
        guard entry != 0 else { return nil }
        let length = Int(entry & 0x3F)
        let numeric = entry & 0x80 != 0
        var i = start
        var k = 0
        var grouped: Bool? = nil
        while k < length {
            guard i < n else { return nil }
            if k > 0 && k % 4 == 0 {
                let space = span[i] == UInt8(ascii: " ")
                if let g = grouped, g != space { return nil }
                grouped = space
                if space {
                    i += 1
                    guard i < n else { return nil }
                }
            }
            let b = span[i]
            if k >= 4 {
                if numeric { guard ASCII.isDigit(b) else { return nil } } else { guard ASCII.isAlnum(b) else { return nil } }
            }
            k += 1
            i += 1
        }
        guard ASCII.isTokenEnd(span, i) else { return nil }
        let head = span[start..<start + 4]
        let bban = span[(start + 4)..<i].lazy.filter { $0 != UInt8(ascii: " ") }
        guard Self.mod97(head: head, bban: bban) == 1 else { return nil }
        var value: [UInt8] = []
        value.reserveCapacity(length)
        for j in start..<i where span[j] != UInt8(ascii: " ") { value.append(ASCII.isLower(span[j]) ? span[j] & 0xDF : span[j]) }
        return Finding(element: .iban, value: value, offset: start, length: i - start)
    }

    /// True when `text` is a valid IBAN (spaces allowed anywhere, any case).
    public static func validate(_ text: some Collection<UInt8>) -> Bool {
        normalize(text) != nil
    }

    /// Removes spaces and upper-cases; nil when the result is not a valid IBAN.
    public static func normalize(_ text: some Collection<UInt8>) -> [UInt8]? {
        var v: [UInt8] = []
        for b in text where b != UInt8(ascii: " ") && !PhoneDetector.isSpace(b) {
            guard ASCII.isAlnum(b) else { return nil }
            v.append(ASCII.isLower(b) ? b & 0xDF : b)
        }
        guard v.count >= 15, ASCII.isLetter(v[0]), ASCII.isLetter(v[1]), ASCII.isDigit(v[2]), ASCII.isDigit(v[3]) else {
            return nil
        }
        let entry = entry(v[0], v[1])
        guard entry != 0, Int(entry & 0x3F) == v.count else { return nil }
        if entry & 0x80 != 0 { for b in v[4...] where !ASCII.isDigit(b) { return nil } }
        return mod97(head: v[..<4], bban: v[4...]) == 1 ? v : nil
    }

    /// IBAN length of `country` (ISO code), or nil when unknown.
    public static func length(country: String) -> Int? {
        let u = Array(country.utf8)
        guard u.count == 2, ASCII.isLetter(u[0]), ASCII.isLetter(u[1]) else { return nil }
        let e = entry(u[0], u[1])
        return e == 0 ? nil : Int(e & 0x3F)
    }

    /// True when the BBAN of `country` is digits only.
    public static func isNumericBBAN(country: String) -> Bool {
        let u = Array(country.utf8)
        guard u.count == 2, ASCII.isLetter(u[0]), ASCII.isLetter(u[1]) else { return false }
        return entry(u[0], u[1]) & 0x80 != 0
    }

    /// ISO 7064 MOD 97-10 of an IBAN with its first four characters `head` moved behind the
    /// rest `bban` (either case, no spaces): `Checksums.mod97` of each part, joined as
    /// `bban · 10⁶ + head` because a head of two letters and two digits reads as six decimal
    /// digits (letters are 10…35). A valid IBAN gives 1; -1 when a part is empty or not
    /// alphanumeric. Allocation-free.
    @inline(__always)
    static func mod97(head: some Collection<UInt8>, bban: some Collection<UInt8>) -> Int {
        let b = Checksums.mod97(bban), h = Checksums.mod97(head)
        guard b >= 0, h >= 0 else { return -1 }
        return (b &* 1_000_000 &+ h) % 97
    }

    // MARK: - Country table

    /// Length (low 6 bits) and numeric-BBAN flag (0x80) per country; 0 = unknown.
    @inline(__always) private static func entry(_ a: UInt8, _ b: UInt8) -> UInt8 {
        table[Int((a | 0x20) &- 0x61) * 26 + Int((b | 0x20) &- 0x61)]
    }

    private static let table: [UInt8] = {
        var t = [UInt8](repeating: 0, count: 26 * 26)
        func put(_ code: String, _ length: Int, numeric: Bool = false) {
            let u = Array(code.utf8)
            t[Int(u[0] - 0x41) * 26 + Int(u[1] - 0x41)] = UInt8(length) | (numeric ? 0x80 : 0)
        }
        // Numeric BBAN.
        for (c, l) in [("AT", 20), ("BA", 20), ("BE", 16), ("CZ", 24), ("DE", 22), ("DK", 18),
                       ("EE", 20), ("ES", 24), ("FI", 18), ("FO", 18), ("GL", 18), ("HR", 21),
                       ("HU", 28), ("IL", 23), ("LT", 20), ("ME", 22), ("NO", 15), ("PL", 28),
                       ("PT", 25), ("RS", 22), ("SE", 24), ("SI", 19), ("SK", 24), ("TN", 24),
                       ("EG", 29), ("TL", 23), ("XK", 20)] {
            put(c, l, numeric: true)
        }
        // Alphanumeric BBAN.
        for (c, l) in [("AD", 24), ("AE", 23), ("AL", 28), ("AZ", 28), ("BG", 22), ("BH", 22),
                       ("BR", 29), ("BY", 28), ("CH", 21), ("CR", 22), ("CY", 28), ("DO", 28),
                       ("FR", 27), ("GB", 22), ("GE", 22), ("GI", 23), ("GR", 27), ("GT", 28),
                       ("IE", 22), ("IQ", 23), ("IS", 26), ("IT", 27), ("JO", 30), ("KW", 30),
                       ("KZ", 20), ("LB", 28), ("LC", 32), ("LI", 21), ("LU", 20), ("LV", 21),
                       ("MC", 27), ("MD", 24), ("MK", 19), ("MR", 27), ("MT", 31), ("MU", 30),
                       ("NL", 18), ("PK", 24), ("PS", 29), ("QA", 29), ("RO", 24), ("SC", 31),
                       ("SM", 27), ("ST", 25), ("SV", 28), ("TR", 26), ("UA", 29), ("VA", 22),
                       ("VG", 24), ("SA", 24)] {
            put(c, l)
        }
        return t
    }()
}
