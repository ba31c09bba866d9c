/// Telephone numbers of the Baltic and Nordic countries, Poland, Germany, the UK and NANP
/// (US/CA), normalised to E.164 (`+37251234567`).
///
/// Format: the international form `+CC …` / `00CC …` (also `+44 (0)7700 900123`,
/// `(+372) 5123 4567`), or the national form with the country's trunk prefix (`040 123 4567`,
/// `07700 900123`, `8 612 34567`), without one where the country has none (`5123 4567`,
/// `512-345-678`), or NANP (`(503) 555-0142`, `1 503 555 0142`). Digit groups are separated by
/// one space or dash (a dot in a phone field, or in NANP's `513.555.0121`); `(…)` may wrap the
/// area code.
///
/// Validation: the national significant number must fit the country's numbering plan
/// (`PhonePlans`: mobile and geographic ranges and their lengths). Against decoys (order
/// numbers, timestamps, amounts, dates):
/// - the international form is accepted in any context (except `.nonPersonal`);
/// - the national form needs a `.phone` hint, or (unlabelled text, delivery or address fields)
///   phone-typical grouping: at least two groups; not a date (`2023-04-15`), a time range
///   (`0800-1600`) or an amount (`512 345 678`); for countries without trunk prefix the whole
///   run in the country's own space grouping (`5123 4567`, `20 12 34 56`, `412 34 567`) or PL
///   `512-345-678` (so `2021-0001` or a card's first eight digits are not phones);
/// - a trunk-prefixed or NANP number may be followed by an unrelated number after a space
///   (`040 123 4567 12 kpl`): the longest valid run of groups is taken, per country in order;
/// - the country of a national number is the first of `defaultCountries` whose plan accepts it.
///
/// Fictitious example: `Tel. +372 5123 4567` → `+37251234567`; `040-123 4567` → `+358401234567`.
public struct PhoneDetector: Detector {
    /// Default priority of countries for national-form numbers.
    public static let standardCountries = ["EE", "FI", "SE", "NO", "DK", "LV", "LT", "PL", "DE", "GB", "US"]

    /// ISO 3166-1 alpha-2 codes, in priority order, tried for national-form numbers.
    public var defaultCountries: [String] {
        didSet { countries = defaultCountries.compactMap { PhonePlans.Country(iso: $0) } }
    }
    private var countries: [PhonePlans.Country]

    public init(defaultCountries: [String] = PhoneDetector.standardCountries) {
        self.defaultCountries = defaultCountries
        self.countries = defaultCountries.compactMap { PhonePlans.Country(iso: $0) }
    }

    public var element: ElementType { .phone }
    public var triggers: DetectorTriggers { [.digit, .plusOrParen] }

    public func match(_ span: UnsafeBufferPointer<UInt8>, at start: Int, hint: FieldHint) -> Finding? {
        Self.match(span, at: start, hint: hint, countries: countries)
    }

    /// Normalises a whole field value (a `.phone` column) to E.164, or nil if it is not one
    /// valid number. National numbers are resolved with `defaultCountries`.
    public static func normalize(_ text: some Collection<UInt8>, defaultCountries: [String]) -> [UInt8]? {
        // A field's bytes (contiguous) are read in place, with no copy.
        if let direct = text.withContiguousStorageIfAvailable({ normalize(buffer: $0, defaultCountries: defaultCountries) }) {
            return direct
        }
        return Array(text).withUnsafeBufferPointer { normalize(buffer: $0, defaultCountries: defaultCountries) }
    }

    private static func normalize(buffer bytes: UnsafeBufferPointer<UInt8>, defaultCountries: [String]) -> [UInt8]? {
        var lo = 0
        var hi = bytes.count
        while lo < hi && isSpace(bytes[lo]) { lo += 1 }
        while hi > lo && isSpace(bytes[hi - 1]) { hi -= 1 }
        guard lo < hi else { return nil }
        let sub = UnsafeBufferPointer(rebasing: bytes[lo..<hi])
        // Already E.164 (`+37250000000`, most phone columns of exports): validated as it is,
        // without the layout parser. Anything else, or an E.164 that fails, takes the full path.
        if sub[0] == UInt8(ascii: "+"), validate(e164: sub) { return Array(sub) }
        return parsed(sub, defaultCountries: defaultCountries)
    }

    /// `normalize` by the layout parser (the reference of its E.164 fast path).
    static func parsed(_ sub: UnsafeBufferPointer<UInt8>, defaultCountries: [String]) -> [UInt8]? {
        let plans = defaultCountries.lazy.compactMap { PhonePlans.Country(iso: $0) }
        guard let f = match(sub, at: 0, hint: .phone, countries: plans), f.length == sub.count else {
            return nil
        }
        return f.value
    }

    /// True when `e164` (`+` and digits, no separators) is a valid number of a supported country.
    public static func validate(e164: some Collection<UInt8>) -> Bool {
        guard e164.first == UInt8(ascii: "+") else { return false }
        let body = e164.dropFirst()
        guard !body.isEmpty, body.count <= 15, body.allSatisfy(ASCII.isDigit) else { return false }
        let d = PhoneDigits(body)
        guard let (country, ccLength) = PhonePlans.country(callingCodeIn: d, from: 0) else { return false }
        return PhonePlans.isValid(d.slice(ccLength, d.count), country)
    }

    /// True when `nationalSignificantNumber` (digits only, no trunk prefix) is valid in the plan
    /// of `country` (ISO code).
    public static func validate(nationalSignificantNumber nsn: some Collection<UInt8>, country: String) -> Bool {
        guard let c = PhonePlans.Country(iso: country), !nsn.isEmpty, nsn.count <= 15,
              nsn.allSatisfy(ASCII.isDigit) else { return false }
        return PhonePlans.isValid(PhoneDigits(nsn), c)
    }

    // MARK: - Matching

    static func match(
        _ span: UnsafeBufferPointer<UInt8>, at start: Int, hint: FieldHint,
        countries: some Sequence<PhonePlans.Country>
    ) -> Finding? {
        if case .nonPersonal = hint { return nil }
        guard start < span.count else { return nil }
        // A digit right after `+` belongs to the international match that starts at the `+`.
        if start > 0 && span[start - 1] == UInt8(ascii: "+") { return nil }
        guard let layout = PhoneLayout.parse(span, start) else { return nil }
        let d = layout.digits
        // Dots separate groups in a phone field (`513.555.0121`, `512.345.678`); in other text
        // only in a North American number's own grouping (not `1.250.000`, `10.05.2023`).
        if layout.dotted, case .phone = hint {} else if layout.dotted {
            let pattern = layout.pattern(layout.groupCount)
            guard !layout.plus, layout.isDotSeparated(layout.groupCount),
                  (pattern == 0x334 && d[0] >= 2) || (pattern == 0x1334 && d[0] == 1) else { return nil }
        }

        /// The first `k` groups end at a token end, and a shorter prefix of groups is only cut
        /// off at a space (`+372 5123 4567 2023`).
        func candidate(_ k: Int) -> Int? {
            let end = start + layout.end(k - 1)
            guard ASCII.isTokenEnd(span, end) else { return nil }
            guard k == layout.groupCount || layout.sep(k - 1) == UInt8(ascii: " ") else { return nil }
            return end
        }
        func finding(_ value: [UInt8], _ end: Int) -> Finding {
            Finding(element: .phone, identifier: .phone, value: value, offset: start, length: end - start)
        }

        if layout.plus || (d.count >= 2 && d[0] == 0 && d[1] == 0) {
            let prefix = layout.plus ? 0 : 2
            for k in stride(from: layout.groupCount, through: 1, by: -1) {
                if let end = candidate(k), let v = international(layout, groups: k, prefix: prefix) {
                    return finding(v, end)
                }
            }
            return nil
        }
        let labelled: Bool
        switch hint {
        case .phone: labelled = true
        case .none, .delivery, .postalAddress: labelled = false
        default: return nil
        }
        // Countries in priority order; per country the longest acceptable run of groups.
        for country in countries {
            for k in stride(from: layout.groupCount, through: 1, by: -1) {
                if let end = candidate(k),
                   let v = national(layout, groups: k, truncated: k < layout.groupCount, labelled: labelled, country: country) {
                    return finding(v, end)
                }
            }
        }
        // A `.phone` column may hold international numbers without `+`/`00` (MSISDN exports).
        if labelled {
            for k in stride(from: layout.groupCount, through: 1, by: -1) {
                if let end = candidate(k), layout.cum(k - 1) >= 10, let v = international(layout, groups: k, prefix: 0) {
                    return finding(v, end)
                }
            }
        }
        return nil
    }

    /// `+CC…` or `00CC…` (`prefix` = digits before the calling code).
    private static func international(_ layout: PhoneLayout, groups k: Int, prefix p: Int) -> [UInt8]? {
        let d = layout.digits
        let n = layout.cum(k - 1)
        guard let (country, ccLength) = PhonePlans.country(callingCodeIn: d, from: p) else { return nil }
        let ccEnd = p + ccLength
        guard ccEnd < n else { return nil }
        var nsn = PhoneDigits()
        var groupStart = 0
        for g in 0..<k {
            let groupEnd = layout.cum(g)
            // The calling code is never split across groups.
            if groupEnd > p && groupEnd < ccEnd { return nil }
            let isTrunkInParens = g > 0 && groupStart == ccEnd && layout.isParen(g)
                && groupEnd - groupStart == 1 && d[groupStart] == 0
            if !isTrunkInParens {
                var i = max(groupStart, ccEnd)
                while i < groupEnd { nsn.append(d[i]); i += 1 }
            }
            groupStart = groupEnd
        }
        // `+358 040 …`: a trunk zero typed after the calling code.
        if nsn.count > 1 && nsn[0] == 0 && country.hasZeroTrunk { nsn = nsn.slice(1, nsn.count) }
        guard ccLength + nsn.count <= 15, PhonePlans.isValid(nsn, country) else { return nil }
        return e164(country, nsn)
    }

    /// The first `k` groups as a national-form number of `country`.
    private static func national(
        _ layout: PhoneLayout, groups k: Int, truncated: Bool, labelled: Bool, country: PhonePlans.Country
    ) -> [UInt8]? {
        let d = layout.digits
        let n = layout.cum(k - 1)
        if !labelled {
            guard k >= 2, !layout.isDateShaped(k), !layout.isThousandsShaped(k), !layout.isTimeRangeShaped(k) else {
                return nil
            }
        }
        let pattern = layout.pattern(k)
        let nsn: PhoneDigits
        switch country {
        case .nanp:
            if n == 11 && d[0] == 1 {
                guard labelled || pattern == 0x1334 else { return nil }
                nsn = d.slice(1, 11)
            } else if n == 10 {
                guard labelled || pattern == 0x334 else { return nil }
                nsn = d.slice(0, 10)
            } else {
                return nil
            }
        case .fi, .se, .de, .gb, .lt, .ua:
            guard n >= 6, d[0] == 0 || (country == .lt && d[0] == 8) else { return nil }
            nsn = d.slice(1, n)
        case .ee, .lv, .dk, .no, .pl:
            // Without a trunk prefix a number is only recognisable as a whole digit run:
            // never cut one out of a longer run (`4111 1111 1111 1111`).
            guard d[0] != 0, !truncated else { return nil }
            guard labelled || (layout.isSpaceSeparated(k) || pattern == 0x333)
                    && PhonePlans.isTypicalNoTrunkGrouping(pattern, country) else { return nil }
            nsn = d.slice(0, n)
        }
        return PhonePlans.isValid(nsn, country) ? e164(country, nsn) : nil
    }

    private static func e164(_ country: PhonePlans.Country, _ nsn: PhoneDigits) -> [UInt8] {
        var out: [UInt8] = []
        out.reserveCapacity(16)
        out.append(UInt8(ascii: "+"))
        var cc = country.callingCode
        var div = country.callingCodeLength == 3 ? 100 : country.callingCodeLength == 2 ? 10 : 1
        while div > 0 {
            out.append(UInt8(0x30 + cc / div))
            cc %= div
            div /= 10
        }
        nsn.write(to: &out)
        return out
    }

    @inline(__always) static func isSpace(_ b: UInt8) -> Bool {
        b == 0x20 || b == 0x09 || b == 0x0A || b == 0x0D || b == 0x0B || b == 0x0C
    }
}

/// How a candidate phone number is written: its digits and digit groups (lengths, byte ends,
/// separators, parentheses), packed into words so parsing never allocates.
struct PhoneLayout {
    var digits = PhoneDigits()
    var plus = false
    private(set) var groupCount = 0
    private var lens: UInt64 = 0
    private var ends: UInt64 = 0
    private var cums: UInt64 = 0
    private var seps: UInt64 = 0
    private var parens: UInt8 = 0
    /// A dot separates some groups (`513.555.0121`).
    private(set) var dotted = false

    static let maxGroups = 8
    static let maxDigits = 20
    static let maxBytes = 64

    func len(_ g: Int) -> Int { Int((lens >> UInt64(g * 8)) & 0xFF) }
    /// Byte offset (from the start) just after group `g`.
    func end(_ g: Int) -> Int { Int((ends >> UInt64(g * 8)) & 0xFF) }
    /// Digits up to and including group `g`.
    func cum(_ g: Int) -> Int { Int((cums >> UInt64(g * 8)) & 0xFF) }
    /// Separator byte after group `g` (0 when none).
    func sep(_ g: Int) -> UInt8 { UInt8((seps >> UInt64(g * 8)) & 0xFF) }
    func isParen(_ g: Int) -> Bool { parens & (1 << UInt8(g)) != 0 }

    private mutating func addGroup(len: Int, end: Int, paren: Bool) {
        let shift = UInt64(groupCount * 8)
        lens |= UInt64(len) << shift
        ends |= UInt64(end) << shift
        cums |= UInt64(digits.count) << shift
        if paren { parens |= 1 << UInt8(groupCount) }
        groupCount += 1
    }

    private mutating func setSep(_ b: UInt8) {
        if b == UInt8(ascii: ".") { dotted = true }
        seps |= UInt64(b) << UInt64((groupCount - 1) * 8)
    }

    /// Group lengths of the first `k` groups as nibbles (`[3, 3, 4]` → `0x334`); 0 if a group is
    /// longer than 15 digits.
    func pattern(_ k: Int) -> UInt64 {
        var p: UInt64 = 0
        for g in 0..<k {
            let l = len(g)
            if l > 15 { return 0 }
            p = p << 4 | UInt64(l)
        }
        return p
    }

    /// All separators between the first `k` groups are spaces (no dashes or parentheses).
    func isSpaceSeparated(_ k: Int) -> Bool {
        for g in 0..<(k - 1) where sep(g) != UInt8(ascii: " ") { return false }
        return parens == 0
    }

    /// All separators between the first `k` groups are dots.
    func isDotSeparated(_ k: Int) -> Bool {
        for g in 0..<(k - 1) where sep(g) != UInt8(ascii: ".") { return false }
        return parens == 0
    }

    /// `2023-04-15`, `15 04 2023`: a four-digit group before or after two short ones.
    func isDateShaped(_ k: Int) -> Bool {
        guard k == 3 else { return false }
        let a = len(0), b = len(1), c = len(2)
        return (a == 4 && b <= 2 && c <= 2) || (a <= 2 && b <= 2 && c == 4)
    }

    /// `0800-1600`, `0930 1730`: opening hours, not a phone number (`2142 0910` stays a
    /// Latvian mobile).
    func isTimeRangeShaped(_ k: Int) -> Bool {
        guard k == 2, len(0) == 4, len(1) == 4, digits[0] == 0 || sep(0) == UInt8(ascii: "-") else { return false }
        func isHHMM(_ i: Int) -> Bool {
            digits[i] * 10 + digits[i + 1] <= 24 && digits[i + 2] <= 5
        }
        return isHHMM(0) && isHHMM(4)
    }

    /// `512 345 678`, `1 250 000`: an amount with space thousands separators.
    func isThousandsShaped(_ k: Int) -> Bool {
        guard k >= 2, digits[0] != 0, len(0) <= 3, !isParen(0) else { return false }
        for g in 1..<k {
            if len(g) != 3 || isParen(g) || sep(g - 1) != UInt8(ascii: " ") { return false }
        }
        return true
    }

    /// Reads digit groups starting at `start` (`+`, `(` or a digit). Returns nil when no digit
    /// group starts there or the run has too many digits to be a phone number.
    static func parse(_ span: UnsafeBufferPointer<UInt8>, _ start: Int) -> PhoneLayout? {
        let n = span.count
        var layout = PhoneLayout()
        var i = start
        if span[i] == UInt8(ascii: "+") {
            layout.plus = true
            i += 1
        }
        while layout.groupCount < maxGroups {
            var j = i
            var paren = false
            if j < n && span[j] == UInt8(ascii: "(") {
                paren = true
                j += 1
                if layout.groupCount == 0 && !layout.plus && j < n && span[j] == UInt8(ascii: "+") {
                    layout.plus = true
                    j += 1
                }
            }
            let saved = layout.digits
            let groupStart = j
            while j < n && ASCII.isDigit(span[j]) {
                if layout.digits.count == maxDigits { return nil }
                layout.digits.append(ASCII.digit(span[j]))
                j += 1
            }
            let len = j - groupStart
            if paren {
                if len > 0 && j < n && span[j] == UInt8(ascii: ")") {
                    j += 1
                } else {
                    layout.digits = saved
                    break
                }
            }
            if len == 0 || j - start > maxBytes {
                layout.digits = saved
                break
            }
            layout.addGroup(len: len, end: j - start, paren: paren)
            guard j < n else { break }
            let c = span[j]
            if (c == UInt8(ascii: " ") || c == UInt8(ascii: "-") || c == UInt8(ascii: ".")) && j + 1 < n
                && (ASCII.isDigit(span[j + 1]) || span[j + 1] == UInt8(ascii: "(")) {
                layout.setSep(c)
                i = j + 1
                continue
            }
            if c == UInt8(ascii: "(") && !paren {
                layout.setSep(c)  // `+44(0)7700 …`
                i = j
                continue
            }
            if paren && ASCII.isDigit(c) {
                layout.setSep(UInt8(ascii: ")"))  // `(503)555-0142`
                i = j
                continue
            }
            break
        }
        return layout.groupCount > 0 ? layout : nil
    }
}
