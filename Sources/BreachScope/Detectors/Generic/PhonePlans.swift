/// National numbering plans used by `PhoneDetector`: which national significant numbers (NSN,
/// the digits after the country calling code, without trunk prefix) are valid in each country,
/// how the national form is written (trunk prefix) and which digit groupings are typical there.
///
/// The plans are deliberately a practical subset (mobile and geographic ranges with their
/// lengths); service, premium and toll-free ranges are not persons' numbers and are rejected.
/// Example (fictitious): EE mobile NSN `51234567` → `+37251234567`.
public enum PhonePlans {
    /// A country (or shared plan, for NANP) the phone detector can validate.
    public enum Country: UInt8, Sendable, CaseIterable {
        /// `ua` (Ukraine) is read in its international form only (`+380 67 432 3583`): it is not
        /// among the default countries, so a bare national number is never taken as Ukrainian.
        /// Ukrainian patients of Polish and Baltic labs write their own numbers.
        case ee, lv, lt, fi, se, no, dk, pl, de, gb, nanp, ua

        /// Maps an ISO 3166-1 alpha-2 code (`"EE"`, `"us"`, `"CA"`) to its plan.
        public init?(iso: String) {
            var u = iso.utf8.makeIterator()
            guard let a = u.next(), let b = u.next(), u.next() == nil else { return nil }
            switch (ASCII.lower(a), ASCII.lower(b)) {
            case (0x65, 0x65): self = .ee  // ee
            case (0x6C, 0x76): self = .lv  // lv
            case (0x6C, 0x74): self = .lt  // lt
            case (0x66, 0x69): self = .fi  // fi
            case (0x73, 0x65): self = .se  // se
            case (0x6E, 0x6F): self = .no  // no
            case (0x64, 0x6B): self = .dk  // dk
            case (0x70, 0x6C): self = .pl  // pl
            case (0x64, 0x65): self = .de  // de
            case (0x67, 0x62), (0x75, 0x6B): self = .gb  // gb, uk
            case (0x75, 0x73), (0x63, 0x61): self = .nanp  // us, ca
            case (0x75, 0x61): self = .ua  // ua
            default: return nil
            }
        }

        /// Country calling code (`372` for EE, `1` for NANP).
        public var callingCode: Int {
            switch self {
            case .ee: 372
            case .lv: 371
            case .lt: 370
            case .fi: 358
            case .se: 46
            case .no: 47
            case .dk: 45
            case .pl: 48
            case .de: 49
            case .gb: 44
            case .nanp: 1
            case .ua: 380
            }
        }

        /// Number of digits of `callingCode`.
        var callingCodeLength: Int { callingCode >= 100 ? 3 : callingCode >= 10 ? 2 : 1 }

        /// Trunk prefixes of the national form. EE, LV, DK, NO and PL have none (the national
        /// form is the bare NSN); LT historically uses `8` and moves to `0`; NANP's `1` is
        /// optional and handled separately.
        var hasZeroTrunk: Bool {
            switch self {
            case .fi, .se, .de, .gb, .lt, .ua: true
            default: false
            }
        }
    }

    /// Finds the plan whose calling code starts `digits` at `from`; returns it and the code's
    /// length.
    static func country(callingCodeIn digits: PhoneDigits, from: Int) -> (Country, Int)? {
        let n = digits.count - from
        guard n >= 1 else { return nil }
        let d0 = digits[from]
        if d0 == 1 { return (.nanp, 1) }
        guard n >= 2 else { return nil }
        let d1 = digits[from + 1]
        if d0 == 4 {
            switch d1 {
            case 4: return (.gb, 2)
            case 5: return (.dk, 2)
            case 6: return (.se, 2)
            case 7: return (.no, 2)
            case 8: return (.pl, 2)
            case 9: return (.de, 2)
            default: return nil
            }
        }
        guard d0 == 3, n >= 3 else { return nil }
        let d2 = digits[from + 2]
        switch (d1, d2) {
        case (5, 8): return (.fi, 3)
        case (7, 0): return (.lt, 3)
        case (7, 1): return (.lv, 3)
        case (7, 2): return (.ee, 3)
        case (8, 0): return (.ua, 3)
        default: return nil
        }
    }

    /// True when `nsn` is a valid national significant number (mobile or geographic) in `country`.
    static func isValid(_ nsn: PhoneDigits, _ country: Country) -> Bool {
        let n = nsn.count
        guard n >= 5, n <= 12 else { return false }
        let d0 = nsn[0]
        let d1 = nsn[1]
        switch country {
        case .ee:
            // Mobiles 5xxxxxx(x), 81–84xxxxxx; fixed lines 7 digits starting 3, 4, 6, 7.
            if d0 == 5 { return n == 7 || n == 8 }
            if d0 == 8 { return n == 8 && d1 >= 1 && d1 <= 4 }
            if d0 == 3 || d0 == 4 || d0 == 6 || d0 == 7 { return n == 7 }
            return false
        case .lv:
            // Mobiles 2xxxxxxx, fixed lines 6xxxxxxx.
            return n == 8 && (d0 == 2 || d0 == 6)
        case .lt:
            // Mobiles 6xxxxxxx; fixed lines 3x/4x/5x (Vilnius 5).
            return n == 8 && d0 >= 3 && d0 <= 6
        case .fi:
            // Mobiles 4x and 50 (7–10 digits); geographic areas 2, 3, 5, 6, 8, 9 and 13–19.
            if d0 == 4 || (d0 == 5 && d1 == 0) { return n >= 7 && n <= 10 }
            if d0 == 1 { return d1 >= 3 && n >= 7 && n <= 9 }
            if d0 == 2 || d0 == 3 || d0 == 5 || d0 == 6 || d0 == 8 || d0 == 9 { return n >= 6 && n <= 9 }
            return false
        case .se:
            // Mobiles 70, 72, 73, 76, 79 (9 digits); geographic areas start 1–6, 8, 9 (7–9 digits).
            if d0 == 7 { return n == 9 && (d1 == 0 || d1 == 2 || d1 == 3 || d1 == 6 || d1 == 9) }
            if d0 == 0 { return false }
            return n >= 7 && n <= 9
        case .no:
            // 8 digits: mobiles 4x/9x, fixed lines 2x, 3x, 5x, 6x, 7x.
            return n == 8 && d0 >= 2 && d0 != 8
        case .dk:
            // 8 digits starting 2–9, minus toll-free 80 and premium 90.
            return n == 8 && d0 >= 2 && !(d1 == 0 && (d0 == 8 || d0 == 9))
        case .pl:
            // 9 digits: mobile or geographic two-digit prefixes.
            guard n == 9 else { return false }
            return isPolishPrefix(d0 * 10 + d1)
        case .de:
            // Mobiles 15x, 16x, 17x (10–11 digits); geographic area codes start 2–9 (6–11 digits),
            // minus personal 700, toll-free 800, premium 900.
            if d0 == 1 { return (d1 == 5 || d1 == 6 || d1 == 7) && (n == 10 || n == 11) }
            if d0 == 0 { return false }
            if (d0 == 7 || d0 == 8 || d0 == 9) && d1 == 0 && nsn[2] == 0 { return false }
            return n >= 6 && n <= 11
        case .gb:
            // Mobiles 71–75, 77–79 and 7624 (10 digits); geographic 1x (9–10), 2x and 3x (10).
            if d0 == 7 {
                guard n == 10 else { return false }
                if d1 == 6 { return nsn[2] == 2 && nsn[3] == 4 }
                return d1 != 0
            }
            if d0 == 1 { return n == 9 || n == 10 }
            if d0 == 2 || d0 == 3 { return n == 10 }
            return false
        case .nanp:
            // NXX-NXX-XXXX, N = 2–9; no N11 area codes or exchanges, no N9X (reserved) area codes,
            // no toll-free ones.
            guard n == 10, d0 >= 2, nsn[3] >= 2 else { return false }
            if d1 == 9 { return false }
            if d1 == 1 && nsn[2] == 1 { return false }
            // Toll-free area codes (800, 833, 844, 855, 866, 877, 888): a business's line.
            if d0 == 8 && d1 == nsn[2] { return false }
            if nsn[4] == 1 && nsn[5] == 1 { return false }
            return true
        case .ua:
            // 9 digits: mobiles 39, 50, 6x, 73, 9x; geographic area codes 31–62 (2–5 digits).
            return n == 9 && d0 >= 3 && d0 <= 9 && !(d0 == 8 && d1 == 0) && !(d0 == 9 && d1 == 0)
        }
    }

    /// Whether an E.164 number (`+35896558066`) is a fixed line by its country's plan: a line a
    /// household shares. False for mobiles, for numbers no plan here knows, and where the plan
    /// does not tell the two apart (Denmark, North America).
    public static func isFixedLine(_ e164: some Collection<UInt8>) -> Bool {
        let digits = PhoneDigits(e164)
        guard let (country, codeLength) = country(callingCodeIn: digits, from: 0) else { return false }
        let nsn = digits.slice(codeLength, digits.count)
        guard nsn.count >= 5, isValid(nsn, country) else { return false }
        let d0 = nsn[0], d1 = nsn[1]
        switch country {
        case .ee: return d0 == 3 || d0 == 4 || d0 == 6 || d0 == 7
        case .lv: return d0 == 6
        case .lt: return d0 >= 3 && d0 <= 5
        case .fi: return !(d0 == 4 || (d0 == 5 && d1 == 0))
        case .se: return d0 != 7
        case .no: return d0 != 4 && d0 != 9
        case .pl: return !isPolishMobilePrefix(d0 * 10 + d1)
        case .de: return d0 != 1
        case .gb: return d0 >= 1 && d0 <= 3
        case .ua: let p = d0 * 10 + d1; return p >= 31 && p <= 62 && p != 39 && p != 50
        case .dk, .nanp: return false
        }
    }

    /// The country of an E.164 number (`+358…` → `.fi`), if a plan here knows it.
    public static func country(ofE164 e164: some Collection<UInt8>) -> Country? {
        country(callingCodeIn: PhoneDigits(e164), from: 0)?.0
    }

    /// A national number of `country` (one with a trunk zero: FI, SE, DE, GB, LT, UA) whose zero a
    /// spreadsheet dropped (`411794254` for `041 179 4254`): digits only, 6–11 of them, the first
    /// not zero, a valid mobile number of the country (a fixed-line reading is too easily
    /// another country's number: Estonian `5123 4567` is a Finnish area-5 line). Its E.164
    /// form, or nil.
    public static func withLostTrunkZero(_ value: some Collection<UInt8>, country: Country) -> [UInt8]? {
        guard country.hasZeroTrunk else { return nil }
        var digits = 0
        for b in value {
            if ASCII.isDigit(b) { digits += 1 } else if b != 0x20 { return nil }
        }
        let nsn = PhoneDigits(value)
        guard digits >= 6, digits <= 11, nsn[0] != 0, isValid(nsn, country) else { return nil }
        var out = Array("+\(country.callingCode)".utf8)
        nsn.write(to: &out)
        return isFixedLine(out) ? nil : out
    }

    /// Two-digit prefixes of Polish numbers: mobile (`isPolishMobilePrefix`) and the geographic
    /// area codes.
    static func isPolishPrefix(_ p: Int) -> Bool {
        if isPolishMobilePrefix(p) { return true }
        switch p {
        case 12...18, 22...25, 29, 32...34, 41...44, 46, 48, 52, 54...56, 58, 59, 61...63, 65,
             67, 68, 71, 74...77, 81...87, 89, 91, 94, 95: return true
        default: return false
        }
    }

    /// The mobile two-digit prefixes of Polish numbers.
    static func isPolishMobilePrefix(_ p: Int) -> Bool {
        switch p {
        case 45, 50, 51, 53, 57, 60, 66, 69, 72, 73, 78, 79, 88: true
        default: false
        }
    }

    /// Digit groupings (lengths packed as nibbles, first group highest) typical for the national
    /// form in countries without a trunk prefix, e.g. `0x44` for EE `5123 4567`.
    static func isTypicalNoTrunkGrouping(_ pattern: UInt64, _ country: Country) -> Bool {
        switch country {
        case .ee: pattern == 0x44 || pattern == 0x34 || pattern == 0x35
        case .lv: pattern == 0x44 || pattern == 0x233
        case .dk: pattern == 0x2222 || pattern == 0x44
        case .no: pattern == 0x2222 || pattern == 0x323
        case .pl: pattern == 0x333 || pattern == 0x2322
        default: false
        }
    }
}

/// Up to 32 decimal digits packed in two words (4 bits each): a fixed-size, allocation-free
/// digit string for the phone parser.
struct PhoneDigits: Equatable {
    private var lo: UInt64 = 0
    private var hi: UInt64 = 0
    private(set) var count: Int = 0

    static let capacity = 32

    init() {}

    init(_ text: some Collection<UInt8>) {
        for b in text where ASCII.isDigit(b) { append(ASCII.digit(b)) }
    }

    mutating func append(_ d: Int) {
        precondition(count < Self.capacity)
        let v = UInt64(d & 0xF)
        if count < 16 { lo |= v << UInt64(count * 4) } else { hi |= v << UInt64((count - 16) * 4) }
        count += 1
    }

    subscript(i: Int) -> Int {
        i < 16 ? Int((lo >> UInt64(i * 4)) & 0xF) : Int((hi >> UInt64((i - 16) * 4)) & 0xF)
    }

    /// Digits `from..<to` as a new digit string.
    func slice(_ from: Int, _ to: Int) -> PhoneDigits {
        var r = PhoneDigits()
        var i = from
        while i < to { r.append(self[i]); i += 1 }
        return r
    }

    /// Appends the digits as ASCII to `out`.
    func write(to out: inout [UInt8]) {
        for i in 0..<count { out.append(UInt8(0x30 + self[i])) }
    }
}
