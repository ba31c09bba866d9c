/// Latvian personal code (personas kods), issued by the Office of Citizenship and Migration
/// Affairs (PMLP) in the Register of Natural Persons.
///
/// Two forms, both 11 digits, usually written with a hyphen after the sixth digit:
/// - Old form `DDMMYY-CNNNX` (issued until 2017-06-30): `DDMMYY` date of birth (validated),
///   `C` century (0 = 1800s, 1 = 1900s, 2 = 2000s), `NNN` serial, `X` check digit:
///   `X = (1101 − Σ dᵢ·wᵢ) mod 11` with weights 1,6,3,7,9,10,5,8,4,2 over the first ten digits.
///   When that is 10 there is no single digit; like python-stdnum and java-personal-code we
///   accept `0` then (`… mod 11 mod 10`) rather than reject, which costs almost no precision.
/// - New form `32XXXX-XXXXX` (from 2017-07-01; no birth date). The law describes the digits after
///   `32` as system-generated random digits, and amendments allow second digits 2–9 (`32`…`39`).
///   Public implementations disagree on whether the last digit is a check digit: published
///   sample codes satisfy the old-form formula, but no official specification says so.
///   What we do:
///   * `validate` (hint-free) accepts a new-form code only with prefix `32` and a correct
///     check digit under the old-form formula — a checksum is the only thing that tells such a
///     code from any other 11-digit number;
///   * `match` additionally accepts a `32` code without verifying the check digit when the field
///     hint is `.nationalID(.lvPersonasKods)` or `.nationalID(nil)`, and any `3[2-9]` code when
///     the label is Latvian (`.nationalID(.lvPersonasKods)`), so that labelled columns keep full
///     recall whichever rule the register really applies. (Under a label of no country, an
///     Estonian fixture's placeholder `33785921539` is no Latvian's code: none is issued past `32`.)
///
/// The hyphen is optional; the normalised value is the 11 digits without it.
/// Fictitious examples: `120386-12343` (old form, 1986-03-12), `32579461005` (new form).
public struct PersonasKodsDetector: Detector {
    public init() {}
    public var element: ElementType { .nationalID }
    public var triggers: DetectorTriggers { .digit }

    public func match(_ span: UnsafeBufferPointer<UInt8>, at start: Int, hint: FieldHint) -> Finding? {
        guard start < span.count, span[start] &- 0x30 < 4, !NationalIDs.isNonPersonal(hint),
            NationalIDs.digits(span, start, 6)
        else { return nil }
        let relaxed = NationalIDs.hintAllows(hint, .lvPersonasKods)
        let latvian = hint == .nationalID(.lvPersonasKods)
        if NationalIDs.byte(span, start + 6) == UInt8(ascii: "-") {
            return NationalIDs.separatedDigits(.lvPersonasKods, span, start, groups: 6, 5, sep: UInt8(ascii: "-")) {
                Self.accepts($0, relaxed: relaxed, latvian: latvian)
            }
        }
        return NationalIDs.plainDigits(.lvPersonasKods, span, start, count: 11) { Self.accepts($0, relaxed: relaxed, latvian: latvian) }
    }

    /// `isValid`, or with `relaxed` (a personal-code label) a new-form shape: `32…`, any `3[2-9]…`
    /// under a Latvian label.
    @inline(__always)
    static func accepts(_ d: UnsafeBufferPointer<UInt8>, relaxed: Bool, latvian: Bool = true) -> Bool {
        isValid(d) || (relaxed && isNewFormShape(d) && (latvian || d[1] == UInt8(ascii: "2")))
    }

    /// Whether `normalized` (11 ASCII digits, no hyphen) is a valid personas kods under the
    /// hint-free rules above.
    public static func validate(_ normalized: some Collection<UInt8>) -> Bool {
        NationalIDs.contiguous(normalized) { isValid($0) }
    }

    /// The birth date of an old-form code; `nil` for new-form codes and invalid values.
    public static func birthDate(_ normalized: [UInt8]) -> (year: Int, month: Int, day: Int)? {
        normalized.withUnsafeBufferPointer { d in
            guard isValid(d), !isNewFormShape(d) else { return nil }
            return date(d)
        }
    }

    static let weights = [1, 6, 3, 7, 9, 10, 5, 8, 4, 2]

    /// The check digit of the first ten digits (see the type's documentation).
    @inline(__always)
    static func checkDigit(_ d: UnsafeBufferPointer<UInt8>) -> Int? {
        guard let s = Checksums.weightedSum(d.prefix(10), weights: weights) else { return nil }
        return (1101 - s) % 11 % 10
    }

    /// New-form layout: `3` then `2`–`9`, 11 digits. No old-form date starts like that.
    @inline(__always)
    static func isNewFormShape(_ d: UnsafeBufferPointer<UInt8>) -> Bool {
        d.count == 11 && NationalIDs.digits(d, 0, 11) && d[0] == UInt8(ascii: "3") && d[1] &- 0x32 < 8
    }

    static func isValid(_ d: UnsafeBufferPointer<UInt8>) -> Bool {
        guard d.count == 11, NationalIDs.digits(d, 0, 11) else { return false }
        if d[0] == UInt8(ascii: "3") && d[1] == UInt8(ascii: "2") {
            return checkDigit(d) == ASCII.digit(d[10])
        }
        guard let b = date(d), Checksums.isValidDate(year: b.year, month: b.month, day: b.day) else { return false }
        return checkDigit(d) == ASCII.digit(d[10])
    }

    /// Old-form birth date as written; `nil` when the century digit is not 0–2.
    @inline(__always)
    static func date(_ d: UnsafeBufferPointer<UInt8>) -> (year: Int, month: Int, day: Int)? {
        let c = ASCII.digit(d[6])
        guard c <= 2 else { return nil }
        return (1800 + c * 100 + NationalIDs.int(d, 4, 2), NationalIDs.int(d, 2, 2), NationalIDs.int(d, 0, 2))
    }
}
