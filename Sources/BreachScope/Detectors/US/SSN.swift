/// United States Social Security Number, issued by the Social Security Administration (SSA).
///
/// Format: 9 digits `AAA-GG-SSSS` (area, group, serial), also written `AAA GG SSSS` or plain.
/// There is no check digit, only structural rules: area not 000, 666 or 900–999; group not 00;
/// serial not 0000. Well-known invalid or advertising numbers are rejected: 078-05-1120 (the
/// Woolworth wallet card), 219-09-9999 (an SSA pamphlet), 123-45-6789.
/// Since randomisation (2011) the area no longer encodes a state and nothing encodes a date.
///
/// With no checksum, a 9-digit number is anything: the detector fires ONLY when the field hint
/// is `.nationalID(.usSsn)` — never on `.none` or on `.nationalID(nil)`.
/// Separators must be the same in both places. Normalised value: the 9 digits.
/// Fictitious example: `512-34-6789`.
public struct SSNDetector: Detector {
    public init() {}
    public var element: ElementType { .nationalID }
    public var triggers: DetectorTriggers { .digit }

    public func match(_ span: UnsafeBufferPointer<UInt8>, at start: Int, hint: FieldHint) -> Finding? {
        guard case .nationalID(.usSsn?) = hint, start < span.count, span[start] &- 0x30 < 9,
            NationalIDs.digits(span, start, 3)
        else { return nil }
        let sep = NationalIDs.byte(span, start + 3)
        if sep == UInt8(ascii: "-") || sep == UInt8(ascii: " ") {
            return NationalIDs.separatedDigits(.usSsn, span, start, groups: 3, 2, 4, sep: sep, Self.isValid)
        }
        return NationalIDs.plainDigits(.usSsn, span, start, count: 9, Self.isValid)
    }

    /// Whether `normalized` (9 ASCII digits) is a structurally valid SSN.
    public static func validate(_ normalized: some Collection<UInt8>) -> Bool {
        NationalIDs.contiguous(normalized) { isValid($0) }
    }

    /// Always `nil`: an SSN encodes no birth date.
    public static func birthDate(_ normalized: [UInt8]) -> (year: Int, month: Int, day: Int)? { nil }

    /// Numbers that are structurally valid but known to be published decoys.
    static let decoys = [78_05_1120, 219_09_9999, 123_45_6789]

    static func isValid(_ d: UnsafeBufferPointer<UInt8>) -> Bool {
        guard d.count == 9, NationalIDs.digits(d, 0, 9) else { return false }
        let area = NationalIDs.int(d, 0, 3)
        guard area != 0, area != 666, area < 900, NationalIDs.int(d, 3, 2) != 0,
            NationalIDs.int(d, 5, 4) != 0
        else { return false }
        return !decoys.contains(NationalIDs.int(d, 0, 9))
    }
}
