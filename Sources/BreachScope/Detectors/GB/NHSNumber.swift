/// NHS number of England, Wales and the Isle of Man (also the layout of Scotland's CHI and
/// Northern Ireland's H&C numbers), issued by NHS England through the Personal Demographics
/// Service.
///
/// Format: 10 digits, written `943 476 5919` (3-3-4 with spaces), `943-476-5919` or plain.
/// Check digit: `11 − (Σ dᵢ·wᵢ mod 11)` with weights 10,9,8,7,6,5,4,3,2 over the first nine
/// digits; 11 becomes 0, and 10 means the number is invalid. Nothing encodes a birth date.
///
/// The 3-3-4 spaced or dashed form (separators the same in both places) is accepted on any hint
/// except `.nonPersonal`; the plain 10 digits only with hint `.nationalID(.ukNhsNumber)` or
/// `.nationalID(nil)`, as a bare 10-digit mod-11 number is too common otherwise.
/// Normalised value: the 10 digits. Fictitious example: `943 476 5919` (the NHS's own
/// documentation example).
public struct NHSNumberDetector: Detector {
    public init() {}
    public var element: ElementType { .nationalID }
    public var triggers: DetectorTriggers { .digit }

    public func match(_ span: UnsafeBufferPointer<UInt8>, at start: Int, hint: FieldHint) -> Finding? {
        guard start < span.count, !NationalIDs.isNonPersonal(hint), NationalIDs.digits(span, start, 3) else {
            return nil
        }
        let sep = NationalIDs.byte(span, start + 3)
        if sep == UInt8(ascii: " ") || sep == UInt8(ascii: "-") {
            return NationalIDs.separatedDigits(.ukNhsNumber, span, start, groups: 3, 3, 4, sep: sep, Self.isValid)
        }
        guard NationalIDs.hintAllows(hint, .ukNhsNumber) else { return nil }
        return NationalIDs.plainDigits(.ukNhsNumber, span, start, count: 10, Self.isValid)
    }

    /// Whether `normalized` (10 ASCII digits) carries a valid NHS check digit.
    public static func validate(_ normalized: some Collection<UInt8>) -> Bool {
        NationalIDs.contiguous(normalized) { isValid($0) }
    }

    /// Always `nil`: an NHS number encodes no birth date.
    public static func birthDate(_ normalized: [UInt8]) -> (year: Int, month: Int, day: Int)? { nil }

    static let weights = [10, 9, 8, 7, 6, 5, 4, 3, 2]

    static func isValid(_ d: UnsafeBufferPointer<UInt8>) -> Bool {
        guard d.count == 10, NationalIDs.digits(d, 0, 10) else { return false }
        return Checksums.mod11Complement(d.prefix(9), weights: weights) == ASCII.digit(d[9])
    }
}
