/// Lithuanian personal code (asmens kodas), issued by the Residents' Register (Gyventojų
/// registras) of the State Enterprise Centre of Registers.
///
/// Format: 11 digits `GYYMMDDSSSC`, the same structure and check digit as the Estonian
/// isikukood (`IsikukoodDetector`):
/// - `G`: century and sex — 1/2 = 1800s male/female, 3/4 = 1900s, 5/6 = 2000s. `9` marks codes
///   assigned in exceptional cases (birth date unknown): for those, digits 2–7 are not a date
///   and only the check digit is verified (as python-stdnum does).
/// - `YYMMDD`: date of birth (validated; codes with `00` month/day for unknown dates are not
///   accepted — a known gap).
/// - `SSS`: serial; `C`: two-stage mod-11 check digit (`Checksums.baltic11`).
///
/// Because every Estonian code with `G` 1–6 is also well-formed here, the two detectors report
/// the same values; the field hint decides which one the scanner keeps.
/// Normalised value: the 11 digits. Fictitious example: `49403136526` (female, 1994-03-13).
public struct AsmensKodasDetector: Detector {
    public init() {}
    public var element: ElementType { .nationalID }
    public var triggers: DetectorTriggers { .digit }

    public func match(_ span: UnsafeBufferPointer<UInt8>, at start: Int, hint: FieldHint) -> Finding? {
        guard start < span.count, !NationalIDs.isNonPersonal(hint) else { return nil }
        let g = span[start]
        // `9…` codes carry no date, so only a check digit guards them: a random 11-digit number
        // passes one time in ten. Accept them only where a label says this is a personal code.
        let labelled: Bool
        switch hint {
        case .nationalID(nil), .nationalID(.ltAsmensKodas?): labelled = true
        default: labelled = false
        }
        guard g &- 0x31 < 6 || (g == UInt8(ascii: "9") && labelled) else { return nil }
        return NationalIDs.plainDigits(.ltAsmensKodas, span, start, count: 11, Self.isValid)
    }

    /// Whether `normalized` (11 ASCII digits) is a valid asmens kodas: first digit 1–6 with a
    /// real birth date, or 9; check digit.
    public static func validate(_ normalized: some Collection<UInt8>) -> Bool {
        NationalIDs.contiguous(normalized) { isValid($0) }
    }

    /// The encoded birth date; `nil` for `9…` codes and invalid values.
    public static func birthDate(_ normalized: [UInt8]) -> (year: Int, month: Int, day: Int)? {
        normalized.withUnsafeBufferPointer { d in
            guard isValid(d), d[0] != UInt8(ascii: "9") else { return nil }
            return IsikukoodDetector.date(d)
        }
    }

    static func isValid(_ d: UnsafeBufferPointer<UInt8>) -> Bool {
        guard d.count == 11, NationalIDs.digits(d, 0, 11) else { return false }
        if d[0] == UInt8(ascii: "9") { return Checksums.baltic11(d) == ASCII.digit(d[10]) }
        guard d[0] &- 0x31 < 6 else { return false }
        // (An Estonian test person's code is no Lithuanian's either.)
        return IsikukoodDetector.balticCheckAndDate(d) && !NationalIDs.isPublicTestCode(d)
    }
}
