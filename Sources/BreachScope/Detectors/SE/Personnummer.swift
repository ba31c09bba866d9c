/// Swedish personal identity number (personnummer) and coordination number
/// (samordningsnummer), issued by the Swedish Tax Agency (Skatteverket).
///
/// Written forms:
/// - `YYMMDD-NNNC` — the usual form; `-` becomes `+` in the year the person turns 100.
/// - `YYYYMMDDNNNC` and `YYYYMMDD-NNNC` — the 12-digit forms used by most IT systems.
/// - `YYMMDDNNNC` — 10 digits without separator; accepted only when the field hint is
///   `.nationalID(.sePersonnummer)` or `.nationalID(nil)`, because a bare 10-digit number with a
///   Luhn digit is too common (phone numbers, account numbers) to trust on its own.
///
/// `YYMMDD` is the date of birth (validated); a samordningsnummer adds 60 to the day (61–91).
/// `NNN` is a serial (odd for men), `C` the Luhn check digit over the 10 digits `YYMMDDNNNC`.
///
/// Normalised value: 12 digits `YYYYMMDDNNNC` (a samordningsnummer keeps its day + 60). For the
/// 10-digit forms the century is inferred against `referenceYear` (default 2026, fixed so results
/// are reproducible): with `-` (or none) the latest year ending in `YY` that is not after the
/// reference year, with `+` the latest that is at least 100 years before it. 12-digit values
/// dated after the reference year are rejected.
/// Fictitious example: `811218-9876` → `198112189876`.
public struct PersonnummerDetector: Detector {
    /// Year against which two-digit years are resolved and future dates rejected.
    public var referenceYear: Int

    public init(referenceYear: Int = 2026) { self.referenceYear = referenceYear }
    public var element: ElementType { .nationalID }
    public var triggers: DetectorTriggers { .digit }

    public func match(_ span: UnsafeBufferPointer<UInt8>, at start: Int, hint: FieldHint) -> Finding? {
        guard start < span.count, ASCII.isDigit(span[start]), !NationalIDs.isNonPersonal(hint) else { return nil }
        let run = NationalIDs.digitRun(span, start, limit: 13)
        let end: Int
        var year: Int
        let tail: Int  // offset of MMDDNNNC... split: MMDD at `mmdd`, NNNC at `tail`
        let mmdd: Int
        switch run {
        case 6, 10:
            let sep = NationalIDs.byte(span, start + 6)
            if run == 6 {
                guard sep == UInt8(ascii: "-") || sep == UInt8(ascii: "+"),
                    NationalIDs.digits(span, start + 7, 4)
                else { return nil }
                end = start + 11
                tail = start + 7
            } else {
                guard NationalIDs.hintAllows(hint, .sePersonnummer) else { return nil }
                end = start + 10
                tail = start + 6
            }
            year = Self.inferYear(NationalIDs.int(span, start, 2), referenceYear: referenceYear)
            if run == 6 && sep == UInt8(ascii: "+") { year -= 100 }
            mmdd = start + 2
        case 8, 12:
            if run == 8 {
                guard NationalIDs.byte(span, start + 8) == UInt8(ascii: "-"),
                    NationalIDs.digits(span, start + 9, 4)
                else { return nil }
                end = start + 13
                tail = start + 9
            } else {
                end = start + 12
                tail = start + 8
            }
            year = NationalIDs.int(span, start, 4)
            guard year <= referenceYear else { return nil }
            mmdd = start + 4
        default:
            return nil
        }
        guard year >= 1800, NationalIDs.isFree(span, start, end) else { return nil }
        return NationalIDs.withScratch { v in
            var y = year
            for i in stride(from: 3, through: 0, by: -1) {
                v[i] = UInt8(0x30 + y % 10)
                y /= 10
            }
            NationalIDs.copy(span, mmdd, 4, into: v, at: 4)
            NationalIDs.copy(span, tail, 4, into: v, at: 8)
            guard Self.isValid(UnsafeBufferPointer(rebasing: v[0..<12])) else { return nil }
            return NationalIDs.finding(.sePersonnummer, v, count: 12, start: start, length: end - start)
        }
    }

    /// The latest year ending in `yy` that is not after `referenceYear`.
    @inline(__always)
    public static func inferYear(_ yy: Int, referenceYear: Int) -> Int {
        let y = (referenceYear / 100) * 100 + yy
        return y > referenceYear ? y - 100 : y
    }

    /// Whether `normalized` (12 ASCII digits `YYYYMMDDNNNC`) is valid: year 1800–2099, real
    /// date (day − 60 for a samordningsnummer), Luhn over the last 10 digits.
    public static func validate(_ normalized: some Collection<UInt8>) -> Bool {
        NationalIDs.contiguous(normalized) { isValid($0) }
    }

    /// The birth date (the real day for a samordningsnummer), or `nil` when invalid.
    public static func birthDate(_ normalized: [UInt8]) -> (year: Int, month: Int, day: Int)? {
        normalized.withUnsafeBufferPointer { d in
            guard isValid(d) else { return nil }
            let day = NationalIDs.int(d, 6, 2)
            return (NationalIDs.int(d, 0, 4), NationalIDs.int(d, 4, 2), day > 60 ? day - 60 : day)
        }
    }

    static func isValid(_ d: UnsafeBufferPointer<UInt8>) -> Bool {
        guard d.count == 12, NationalIDs.digits(d, 0, 12) else { return false }
        let year = NationalIDs.int(d, 0, 4)
        var day = NationalIDs.int(d, 6, 2)
        if day > 60 { day -= 60 }
        guard year >= 1800 && year <= 2099,
            Checksums.isValidDate(year: year, month: NationalIDs.int(d, 4, 2), day: day)
        else { return false }
        return Checksums.luhn(UnsafeBufferPointer(rebasing: d[2..<12]))
    }
}
