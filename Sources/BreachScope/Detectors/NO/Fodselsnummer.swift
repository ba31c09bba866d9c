/// Norwegian national identity number (fødselsnummer) and D-number, issued by the Norwegian
/// Tax Administration (Skatteetaten) in the National Population Register (Folkeregisteret).
///
/// Format: 11 digits `DDMMYYIIIKK`.
/// - `DDMMYY`: date of birth (validated). A D-number (temporary residents) adds 40 to the day
///   (41–71); an H-number (health-service help number) adds 40 to the month (41–52).
/// - `III`: individual number; with `YY` it gives the century: 000–499 → 1900–1999;
///   500–749 with `YY` ≥ 54 → 1854–1899; 500–999 with `YY` < 40 → 2000–2039;
///   900–999 with `YY` ≥ 40 → 1940–1999; any other combination is invalid.
/// - `KK`: two mod-11 control digits, `K1` with weights 3,7,6,1,8,9,4,5,2 over the first nine
///   digits and `K2` with weights 5,4,3,2,7,6,5,4,3,2 over the first ten; each is
///   `11 − (sum mod 11)`, 11 → 0, and a remainder of 1 (check 10) means no valid number.
///   (The announced post-2032 numbering without gender and with relaxed control digits is not
///   handled yet.)
///
/// Written without separators (sometimes `DDMMYY IIIKK`; only the plain form is accepted).
/// Normalised value: the 11 digits. Fictitious example: `15076500565` (born 1965-07-15).
public struct FodselsnummerDetector: Detector {
    public init() {}
    public var element: ElementType { .nationalID }
    public var triggers: DetectorTriggers { .digit }

    public func match(_ span: UnsafeBufferPointer<UInt8>, at start: Int, hint: FieldHint) -> Finding? {
        guard start < span.count, span[start] &- 0x30 < 8, !NationalIDs.isNonPersonal(hint) else { return nil }
        return NationalIDs.plainDigits(.noFodselsnummer, span, start, count: 11, Self.isValid)
    }

    /// Whether `normalized` (11 ASCII digits) is a valid fødselsnummer, D-number or H-number.
    public static func validate(_ normalized: some Collection<UInt8>) -> Bool {
        NationalIDs.contiguous(normalized) { isValid($0) }
    }

    /// The birth date (real day and month for D- and H-numbers), or `nil` when invalid.
    public static func birthDate(_ normalized: [UInt8]) -> (year: Int, month: Int, day: Int)? {
        normalized.withUnsafeBufferPointer { isValid($0) ? date($0) : nil }
    }

    static let weights1 = [3, 7, 6, 1, 8, 9, 4, 5, 2]
    static let weights2 = [5, 4, 3, 2, 7, 6, 5, 4, 3, 2]

    static func isValid(_ d: UnsafeBufferPointer<UInt8>) -> Bool {
        guard d.count == 11, NationalIDs.digits(d, 0, 11),
            let b = date(d), Checksums.isValidDate(year: b.year, month: b.month, day: b.day),
            Checksums.mod11Complement(d.prefix(9), weights: weights1) == ASCII.digit(d[9]),
            Checksums.mod11Complement(d.prefix(10), weights: weights2) == ASCII.digit(d[10])
        else { return false }
        return true
    }

    /// Birth date as written, with D/H offsets removed; `nil` when the individual number and
    /// year give no century.
    static func date(_ d: UnsafeBufferPointer<UInt8>) -> (year: Int, month: Int, day: Int)? {
        var day = NationalIDs.int(d, 0, 2)
        var month = NationalIDs.int(d, 2, 2)
        let yy = NationalIDs.int(d, 4, 2)
        let individual = NationalIDs.int(d, 6, 3)
        if day > 40 { day -= 40 }
        if month > 40 { month -= 40 }
        let year: Int
        if individual < 500 {
            year = 1900 + yy
        } else if individual < 750 && yy >= 54 {
            year = 1800 + yy
        } else if yy < 40 {
            year = 2000 + yy
        } else if individual >= 900 {
            year = 1900 + yy
        } else {
            return nil
        }
        return (year, month, day)
    }
}
