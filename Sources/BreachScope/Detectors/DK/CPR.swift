/// Danish civil registration number (CPR-nummer, personnummer), issued by the Civil
/// Registration System (CPR-kontoret, Ministry of the Interior and Housing).
///
/// Format: 10 digits, written `DDMMYY-SSSS`.
/// - `DDMMYY`: date of birth (validated).
/// - `SSSS`: serial; its first digit with `YY` gives the century: 0–3 → 1900s; 4 and 9 → 2000s
///   when `YY` ≤ 36, else 1900s; 5–8 → 2000s when `YY` ≤ 57, else 1800s. The last digit was odd
///   for men, even for women.
/// - No check digit: the modulus-11 rule was abandoned in 2007 and must NOT be used to reject.
///
/// With no checksum the detector needs another signal: it accepts the hyphenated form
/// `DDMMYY-SSSS` on any hint except `.nonPersonal`, and the bare 10 digits only when the hint is
/// `.nationalID(.dkCpr)` or `.nationalID(nil)`.
/// Normalised value: the 10 digits. Fictitious example: `020387-1234` (born 1987-03-02).
public struct CPRDetector: Detector {
    public init() {}
    public var element: ElementType { .nationalID }
    public var triggers: DetectorTriggers { .digit }

    public func match(_ span: UnsafeBufferPointer<UInt8>, at start: Int, hint: FieldHint) -> Finding? {
        guard start < span.count, span[start] &- 0x30 < 4, !NationalIDs.isNonPersonal(hint),
            NationalIDs.digits(span, start, 6)
        else { return nil }
        if NationalIDs.byte(span, start + 6) == UInt8(ascii: "-") {
            return NationalIDs.separatedDigits(.dkCpr, span, start, groups: 6, 4, sep: UInt8(ascii: "-"), Self.isValid)
        }
        guard NationalIDs.hintAllows(hint, .dkCpr) else { return nil }
        return NationalIDs.plainDigits(.dkCpr, span, start, count: 10, Self.isValid)
    }

    /// Whether `normalized` (10 ASCII digits) is a valid CPR number: the date exists in the
    /// century the serial gives. There is no checksum.
    public static func validate(_ normalized: some Collection<UInt8>) -> Bool {
        NationalIDs.contiguous(normalized) { isValid($0) }
    }

    /// The encoded birth date, or `nil` when `normalized` is not a valid CPR number.
    public static func birthDate(_ normalized: [UInt8]) -> (year: Int, month: Int, day: Int)? {
        normalized.withUnsafeBufferPointer { isValid($0) ? date($0) : nil }
    }

    static func isValid(_ d: UnsafeBufferPointer<UInt8>) -> Bool {
        guard d.count == 10, NationalIDs.digits(d, 0, 10) else { return false }
        let b = date(d)
        return Checksums.isValidDate(year: b.year, month: b.month, day: b.day)
    }

    /// Century per the CPR table (see the type's documentation).
    static func date(_ d: UnsafeBufferPointer<UInt8>) -> (year: Int, month: Int, day: Int) {
        let yy = NationalIDs.int(d, 4, 2)
        let century: Int
        switch ASCII.digit(d[6]) {
        case 0...3: century = 1900
        case 4, 9: century = yy <= 36 ? 2000 : 1900
        default: century = yy <= 57 ? 2000 : 1800
        }
        return (century + yy, NationalIDs.int(d, 2, 2), NationalIDs.int(d, 0, 2))
    }
}
