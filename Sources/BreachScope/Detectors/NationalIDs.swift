import Foundation

/// The national-identifier detectors, and dispatch from an `IdentifierType` to their pure
/// validation and birth-date functions.
///
/// Several formats overlap: an Estonian isikukood is also a well-formed Lithuanian asmens kodas,
/// a HETU with a digit check character reads like a Danish `DDMMYY-SSSS`, and 11-digit codes of
/// one country can pass another's checksum by chance. Every detector reports what validates
/// under its own rules; the scanner resolves ambiguity (field hint first, then this order).
public enum NationalIDs {
    /// All national-identifier detectors in priority order: the strongest self-validation
    /// first (two check digits, check letter, date + check digit), the ones that cannot
    /// validate themselves (no checksum, accepted on a hint or a distinctive layout) last.
    public static let all: [any Detector] = [
        FodselsnummerDetector(),
        HETUDetector(),
        IsikukoodDetector(),
        AsmensKodasDetector(),
        PersonasKodsDetector(),
        PESELDetector(),
        PersonnummerDetector(),
        NHSNumberDetector(),
        CPRDetector(),
        SSNDetector(),
    ]

    /// The detector of one national identifier type (`nil` for `email` / `phone`).
    public static func detector(for type: IdentifierType) -> (any Detector)? {
        switch type {
        case .eeIsikukood: IsikukoodDetector()
        case .ltAsmensKodas: AsmensKodasDetector()
        case .lvPersonasKods: PersonasKodsDetector()
        case .fiHetu: HETUDetector()
        case .sePersonnummer: PersonnummerDetector()
        case .noFodselsnummer: FodselsnummerDetector()
        case .dkCpr: CPRDetector()
        case .plPesel: PESELDetector()
        case .usSsn: SSNDetector()
        case .ukNhsNumber: NHSNumberDetector()
        case .email, .phone: nil
        }
    }

    /// The birth date a normalised identifier encodes, or `nil` when its type encodes none
    /// (SSN, NHS number, new-style Latvian codes, Lithuanian `9…` codes) or it does not validate.
    public static func birthDate(of type: IdentifierType, _ normalized: [UInt8]) -> (year: Int, month: Int, day: Int)? {
        switch type {
        case .eeIsikukood: IsikukoodDetector.birthDate(normalized)
        case .ltAsmensKodas: AsmensKodasDetector.birthDate(normalized)
        case .lvPersonasKods: PersonasKodsDetector.birthDate(normalized)
        case .fiHetu: HETUDetector.birthDate(normalized)
        case .sePersonnummer: PersonnummerDetector.birthDate(normalized)
        case .noFodselsnummer: FodselsnummerDetector.birthDate(normalized)
        case .dkCpr: CPRDetector.birthDate(normalized)
        case .plPesel: PESELDetector.birthDate(normalized)
        case .usSsn: SSNDetector.birthDate(normalized)
        case .ukNhsNumber: NHSNumberDetector.birthDate(normalized)
        case .email, .phone: nil
        }
    }

    /// Whether `normalized` is a valid normalised value of `type` (hint-free rules; `false` for
    /// `email` / `phone`).
    public static func validate(_ type: IdentifierType, _ normalized: some Collection<UInt8>) -> Bool {
        switch type {
        case .eeIsikukood: IsikukoodDetector.validate(normalized)
        case .ltAsmensKodas: AsmensKodasDetector.validate(normalized)
        case .lvPersonasKods: PersonasKodsDetector.validate(normalized)
        case .fiHetu: HETUDetector.validate(normalized)
        case .sePersonnummer: PersonnummerDetector.validate(normalized)
        case .noFodselsnummer: FodselsnummerDetector.validate(normalized)
        case .dkCpr: CPRDetector.validate(normalized)
        case .plPesel: PESELDetector.validate(normalized)
        case .usSsn: SSNDetector.validate(normalized)
        case .ukNhsNumber: NHSNumberDetector.validate(normalized)
        case .email, .phone: false
        }
    }
}

// MARK: - Byte helpers shared by the national-ID detectors (internal, allocation-free)

extension NationalIDs {
    typealias Bytes = UnsafeBufferPointer<UInt8>
    typealias BirthDate = (year: Int, month: Int, day: Int)

    /// True when `count` ASCII digits start at `from` (bounds-checked).
    @inline(__always)
    static func digits(_ s: Bytes, _ from: Int, _ count: Int) -> Bool {
        guard from >= 0, from + count <= s.count else { return false }
        var i = from
        while i < from + count {
            if !ASCII.isDigit(s[i]) { return false }
            i &+= 1
        }
        return true
    }

    /// Number of consecutive ASCII digits from `from`, counting at most `limit`.
    @inline(__always)
    static func digitRun(_ s: Bytes, _ from: Int, limit: Int) -> Int {
        var i = from
        let end = min(s.count, from + limit)
        while i < end && ASCII.isDigit(s[i]) { i &+= 1 }
        return i - from
    }

    /// The decimal value of `count` bytes from `from`, which the caller has checked are digits.
    @inline(__always)
    static func int(_ s: Bytes, _ from: Int, _ count: Int) -> Int {
        var v = 0
        var i = from
        while i < from + count {
            v = v &* 10 &+ ASCII.digit(s[i])
            i &+= 1
        }
        return v
    }

    /// The byte at `i`, or 0 past the end.
    @inline(__always)
    static func byte(_ s: Bytes, _ i: Int) -> UInt8 { i >= 0 && i < s.count ? s[i] : 0 }

    /// True when the value starting at `start` is not glued to a preceding number by `-` or
    /// `.` (`12-37605030299`, `0.37605030299`), or to a word by `-` (`HN-230911-0474`): such
    /// text is a longer code or a decimal.
    @inline(__always)
    /// Today's date (UTC, read once): a birth date after it is no one's yet.
    static let today: (Int, Int, Int) = {
        let c = Calendar(identifier: .gregorian).dateComponents(in: TimeZone(identifier: "UTC")!, from: Date())
        return (c.year ?? 2100, c.month ?? 1, c.day ?? 1)
    }()

    static func isFreeStart(_ s: Bytes, _ start: Int) -> Bool {
        guard start >= 2 else { return true }
        let p = s[start - 1]
        // An ETSI semantics identifier (EN 319 412-1: `PNOEE-48001085718`, a Smart-ID or Mobile-ID
        // login's user id): the national code after `PNO`, the country and a dash.
        if p == UInt8(ascii: "-") && start >= 6 && s[start - 6] == UInt8(ascii: "P") && s[start - 5] == UInt8(ascii: "N")
            && s[start - 4] == UInt8(ascii: "O") && ASCII.isUpper(s[start - 3]) && ASCII.isUpper(s[start - 2])
            && (start == 6 || !ASCII.isLetter(s[start - 7])) {
            return true
        }
        // (`HN-230911-0474`: an order number's tail after its letters and a dash.)
        return !((p == UInt8(ascii: "-") || p == UInt8(ascii: ".")) && ASCII.isDigit(s[start - 2]))
            && !(p == UInt8(ascii: "-") && ASCII.isLetter(s[start - 2]))
    }

    /// `ASCII.isTokenEnd`, and the value is not glued to a following number by `-`.
    @inline(__always)
    static func isFreeEnd(_ s: Bytes, _ end: Int) -> Bool {
        guard ASCII.isTokenEnd(s, end) else { return false }
        return !(end + 1 < s.count && s[end] == UInt8(ascii: "-") && ASCII.isDigit(s[end + 1]))
    }

    /// Both ends free (see `isFreeStart` / `isFreeEnd`).
    @inline(__always)
    static func isFree(_ s: Bytes, _ start: Int, _ end: Int) -> Bool {
        isFreeEnd(s, end) && isFreeStart(s, start)
    }

    /// Runs `body` on the collection's contiguous bytes (copying only exotic collections).
    @inline(__always)
    static func contiguous<R>(_ c: some Collection<UInt8>, _ body: (Bytes) -> R) -> R {
        if let r = c.withContiguousStorageIfAvailable(body) { return r }
        return Array(c).withUnsafeBufferPointer(body)
    }

    /// A stack buffer for assembling a normalised value before validating it (no heap).
    @inline(__always)
    static func withScratch<R>(_ body: (UnsafeMutableBufferPointer<UInt8>) -> R) -> R {
        withUnsafeTemporaryAllocation(of: UInt8.self, capacity: 16, body)
    }

    /// Copies `count` bytes of `s` from `from` into `into` at `at`.
    @inline(__always)
    static func copy(_ s: Bytes, _ from: Int, _ count: Int, into: UnsafeMutableBufferPointer<UInt8>, at: Int) {
        var i = 0
        while i < count {
            into[at + i] = s[from + i]
            i &+= 1
        }
    }

    /// A national-ID finding whose value is the first `count` bytes of `value`.
    @inline(__always)
    static func finding(
        _ type: IdentifierType, _ value: UnsafeMutableBufferPointer<UInt8>, count: Int, start: Int, length: Int
    ) -> Finding {
        Finding(
            element: .nationalID, identifier: type, value: Array(value[0..<count]),
            offset: start, length: length)
    }

    /// A national-ID finding whose value is the matched bytes themselves.
    @inline(__always)
    static func finding(_ type: IdentifierType, _ s: Bytes, start: Int, length: Int) -> Finding {
        Finding(
            element: .nationalID, identifier: type, value: Array(s[start..<(start + length)]),
            offset: start, length: length)
    }

    /// The finding for `count` plain ASCII digits at `start`, free on both ends, that the
    /// detector's own rule `isValid` accepts (the value is the digits as written).
    @inline(__always)
    static func plainDigits(
        _ type: IdentifierType, _ s: Bytes, _ start: Int, count: Int, _ isValid: (Bytes) -> Bool
    ) -> Finding? {
        let end = start + count
        guard digits(s, start, count), isFree(s, start, end), isValid(Bytes(rebasing: s[start..<end])) else {
            return nil
        }
        return finding(type, s, start: start, length: count)
    }

    /// The finding for digit groups of lengths `a`, `b` and (when not 0) `c` at `start`, each
    /// followed by the separator `sep` except the last (`DDMMYY-SSSS`, `AAA-GG-SSSS`), free on
    /// both ends, whose digits joined (the normalised value) the detector's own rule `isValid`
    /// accepts. At most 16 digits.
    @inline(__always)
    static func separatedDigits(
        _ type: IdentifierType, _ s: Bytes, _ start: Int, groups a: Int, _ b: Int, _ c: Int = 0, sep: UInt8,
        _ isValid: (Bytes) -> Bool
    ) -> Finding? {
        let second = start + a + 1
        let third = c > 0 ? second + b + 1 : second + b
        let end = third + c
        guard digits(s, start, a), byte(s, start + a) == sep, digits(s, second, b),
            c == 0 || (byte(s, second + b) == sep && digits(s, third, c)),
            isFree(s, start, end)
        else { return nil }
        return withScratch { v in
            copy(s, start, a, into: v, at: 0)
            copy(s, second, b, into: v, at: a)
            copy(s, third, c, into: v, at: a + b)
            let count = a + b + c
            guard isValid(Bytes(rebasing: v[0..<count])) else { return nil }
            return finding(type, v, count: count, start: start, length: end - start)
        }
    }

    /// The Estonian codes of the ID card, Mobile-ID and Smart-ID test persons that SK ID Solutions
    /// publishes for developers (`37605030299`, `47101010033`, `60001019906`, `30303039914`):
    /// valid by every rule, and a QA account's, no one's. (An 11-digit code with a valid check
    /// digit is checked against them only after the checksum passed.)
    static let publicTestCodes: [[UInt8]] = ["37605030299", "47101010033", "60001019906", "30303039914"].map { Array($0.utf8) }

    @inline(__always)
    static func isPublicTestCode(_ d: UnsafeBufferPointer<UInt8>) -> Bool {
        publicTestCodes.contains { $0.elementsEqual(d) }
    }

    /// True for `.nonPersonal`.
    @inline(__always)
    static func isNonPersonal(_ hint: FieldHint) -> Bool {
        if case .nonPersonal = hint { return true }
        return false
    }

    /// True when the hint says "a national ID" without naming the scheme, or names `type`.
    @inline(__always)
    static func hintAllows(_ hint: FieldHint, _ type: IdentifierType) -> Bool {
        if case .nationalID(let t) = hint { return t == nil || t == type }
        return false
    }
}
