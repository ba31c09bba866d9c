/// Estonian personal identification code (isikukood), issued by the Estonian Population
/// Register (Rahvastikuregister) under standard EVS 585:2007.
///
/// Format: 11 digits `GYYMMDDSSSC`.
/// - `G`: century and sex — 1/2 = 1800s male/female, 3/4 = 1900s, 5/6 = 2000s, 7/8 = 2100s.
/// - `YYMMDD`: date of birth (validated, Gregorian, leap years).
/// - `SSS`: serial number of persons born that day.
/// - `C`: check digit, two-stage weighted mod 11 over the first 10 digits: weights
///   1,2,3,4,5,6,7,8,9,1; if the remainder is 10, weights 3,4,5,6,7,8,9,1,2,3; if that
///   remainder is 10 too, `C` is 0 (`Checksums.baltic11`).
///
/// Written without separators; the normalised value is the 11 digits.
/// Fictitious example: `38001085718` (male, born 1980-01-08).
public struct IsikukoodDetector: Detector {
    public init() {}
    public var element: ElementType { .nationalID }
    public var triggers: DetectorTriggers { .digit }

    public func match(_ span: UnsafeBufferPointer<UInt8>, at start: Int, hint: FieldHint) -> Finding? {
        guard start < span.count, span[start] &- 0x31 < 8, !NationalIDs.isNonPersonal(hint) else { return nil }
        return NationalIDs.plainDigits(.eeIsikukood, span, start, count: 11, Self.isValid)
    }

    /// Whether `normalized` (11 ASCII digits) is a valid isikukood: century digit 1–8, real
    /// birth date, check digit; not a published test person's (`NationalIDs.publicTestCodes`).
    public static func validate(_ normalized: some Collection<UInt8>) -> Bool {
        NationalIDs.contiguous(normalized) { isValid($0) }
    }

    /// The encoded birth date, or `nil` when `normalized` is not a valid isikukood.
    public static func birthDate(_ normalized: [UInt8]) -> (year: Int, month: Int, day: Int)? {
        normalized.withUnsafeBufferPointer { isValid($0) ? date($0) : nil }
    }

    static func isValid(_ d: UnsafeBufferPointer<UInt8>) -> Bool {
        guard d.count == 11, NationalIDs.digits(d, 0, 11), d[0] &- 0x31 < 8 else { return false }
        return balticCheckAndDate(d) && !NationalIDs.isPublicTestCode(d)
    }

    /// Check digit and date of an 11-digit code whose first digit is a century/sex digit 1–8
    /// (shared with the Lithuanian asmens kodas).
    @inline(__always)
    static func balticCheckAndDate(_ d: UnsafeBufferPointer<UInt8>) -> Bool {
        guard let b = date(d), Checksums.isValidDate(year: b.year, month: b.month, day: b.day) else { return false }
        return Checksums.baltic11(d) == ASCII.digit(d[10])
    }

    /// Birth date as written (not checked for existence); century from `G`.
    @inline(__always)
    static func date(_ d: UnsafeBufferPointer<UInt8>) -> (year: Int, month: Int, day: Int)? {
        let g = ASCII.digit(d[0])
        guard g >= 1 && g <= 8 else { return nil }
        let year = 1800 + ((g - 1) / 2) * 100 + NationalIDs.int(d, 1, 2)
        return (year, NationalIDs.int(d, 3, 2), NationalIDs.int(d, 5, 2))
    }
}
