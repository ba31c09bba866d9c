/// Polish national identification number (PESEL, Powszechny Elektroniczny System Ewidencji
/// Ludności), issued by the Ministry of Digital Affairs from the PESEL register.
///
/// Format: 11 digits `YYMMDDZZZXQ`.
/// - `YYMMDD`: date of birth; the century is added to the month: +80 for 1800–1899, +0 for
///   1900–1999, +20 for 2000–2099, +40 for 2100–2199, +60 for 2200–2299 (validated; a date after today is
///   invalid: no one is born yet then).
/// - `ZZZ`: serial; `X`: sex (odd = male).
/// - `Q`: check digit `(10 − Σ dᵢ·wᵢ mod 10) mod 10` with weights 1,3,7,9,1,3,7,9,1,3.
///
/// Written without separators; the normalised value is the 11 digits.
/// Fictitious example: `02270803624` (born 2002-07-08).
public struct PESELDetector: Detector {
    public init() {}
    public var element: ElementType { .nationalID }
    public var triggers: DetectorTriggers { .digit }

    public func match(_ span: UnsafeBufferPointer<UInt8>, at start: Int, hint: FieldHint) -> Finding? {
        guard start < span.count, ASCII.isDigit(span[start]), !NationalIDs.isNonPersonal(hint) else { return nil }
        return NationalIDs.plainDigits(.plPesel, span, start, count: 11, Self.isValid)
    }

    /// Whether `normalized` (11 ASCII digits) is a valid PESEL.
    public static func validate(_ normalized: some Collection<UInt8>) -> Bool {
        NationalIDs.contiguous(normalized) { isValid($0) }
    }

    /// The encoded birth date, or `nil` when `normalized` is not a valid PESEL.
    public static func birthDate(_ normalized: [UInt8]) -> (year: Int, month: Int, day: Int)? {
        normalized.withUnsafeBufferPointer { isValid($0) ? date($0) : nil }
    }

    static let weights = [1, 3, 7, 9, 1, 3, 7, 9, 1, 3]

    static func isValid(_ d: UnsafeBufferPointer<UInt8>) -> Bool {
        guard d.count == 11, NationalIDs.digits(d, 0, 11), let b = date(d),
            Checksums.isValidDate(year: b.year, month: b.month, day: b.day),
            // (Not born yet: a Polish phone written `48720449250` spells the 2200s.)
            (b.year, b.month, b.day) <= NationalIDs.today,
            let s = Checksums.weightedSum(d.prefix(10), weights: weights)
        else { return false }
        return (10 - s % 10) % 10 == ASCII.digit(d[10])
    }

    /// Birth date as written, century decoded from the month; `nil` for months outside 1–92.
    static func date(_ d: UnsafeBufferPointer<UInt8>) -> (year: Int, month: Int, day: Int)? {
        let yy = NationalIDs.int(d, 0, 2)
        let mm = NationalIDs.int(d, 2, 2)
        let base: Int
        switch mm {
        case 1...12: base = 1900
        case 21...32: base = 2000
        case 41...52: base = 2100
        case 61...72: base = 2200
        case 81...92: base = 1800
        default: return nil
        }
        let offset = (base == 1800 ? 80 : (base - 1900) / 5)
        return (base + yy, mm - offset, NationalIDs.int(d, 4, 2))
    }
}
