/// Check-digit algorithms and calendar checks shared by the detectors.
///
/// Everything here is a pure function over ASCII bytes (`0x30`–`0x39` for digits); a byte that
/// is not of the expected class makes the check fail instead of trapping, so detectors can call
/// these on unvetted input. Nothing allocates.
public enum Checksums {

    // MARK: Luhn

    /// Luhn (ISO/IEC 7812-1, "mod 10") over ASCII digits, the check digit last.
    /// False when `digits` is empty or holds a non-digit byte.
    public static func luhn(_ digits: some Collection<UInt8>) -> Bool {
        // The check digit is not doubled: double every second digit counting from the right.
        guard !digits.isEmpty, let sum = luhnSum(digits, doubling: 1) else { return false }
        return sum % 10 == 0
    }

    /// The Luhn check digit (0–9) that completes `payload` (ASCII digits, without check digit),
    /// or `nil` when `payload` holds a non-digit byte.
    public static func luhnCheckDigit(_ payload: some Collection<UInt8>) -> Int? {
        // With the check digit appended, the last payload digit is the first one doubled.
        guard let sum = luhnSum(payload, doubling: 0) else { return nil }
        return (10 - sum % 10) % 10
    }

    /// Σ of the Luhn digit values of `digits`, doubling (and reducing by 9 above 9) the digits
    /// whose distance from the last one has parity `parity`; `nil` on a non-digit byte.
    @inline(__always)
    private static func luhnSum(_ digits: some Collection<UInt8>, doubling parity: Int) -> Int? {
        let n = digits.count
        var sum = 0
        var i = 0
        for b in digits {
            guard ASCII.isDigit(b) else { return nil }
            var d = ASCII.digit(b)
            if (n - 1 - i) & 1 == parity {
                d &*= 2
                if d > 9 { d &-= 9 }
            }
            sum &+= d
            i &+= 1
        }
        return sum
    }

    // MARK: Weighted sums (mod 10 / mod 11 schemes)

    /// Σ digit·weight over the first `min(digits.count, weights.count)` ASCII digits, or `nil`
    /// when one of those bytes is not a digit. The building block of mod-10 and mod-11 schemes.
    public static func weightedSum(_ digits: some Collection<UInt8>, weights: some Collection<Int>) -> Int? {
        var sum = 0
        for (b, w) in zip(digits, weights) {
            guard ASCII.isDigit(b) else { return nil }
            sum &+= ASCII.digit(b) &* w
        }
        return sum
    }

    /// Weighted sum mod 11 (`nil` on a non-digit byte).
    public static func mod11(_ digits: some Collection<UInt8>, weights: some Collection<Int>) -> Int? {
        weightedSum(digits, weights: weights).map { $0 % 11 }
    }

    /// The "11 minus remainder" check digit used by the Norwegian and NHS schemes:
    /// `r = Σ digit·weight mod 11`, check `= 11 - r`, where 11 becomes 0 and 10 means the
    /// payload has no valid check digit (`nil`, as for a non-digit byte).
    public static func mod11Complement(_ digits: some Collection<UInt8>, weights: some Collection<Int>) -> Int? {
        guard let r = mod11(digits, weights: weights) else { return nil }
        let c = 11 - r
        if c == 11 { return 0 }
        if c == 10 { return nil }
        return c
    }

    /// The two-stage mod-11 check digit of the Estonian and Lithuanian personal codes over
    /// the first 10 ASCII digits of `digits`: weights 1…9,1; if the remainder is 10, weights
    /// 3…9,1,2,3; if that remainder is 10 too, the check digit is 0. `nil` on a non-digit byte.
    public static func baltic11(_ digits: some Collection<UInt8>) -> Int? {
        guard let r1 = mod11(digits.prefix(10), weights: balticWeights1) else { return nil }
        if r1 != 10 { return r1 }
        guard let r2 = mod11(digits.prefix(10), weights: balticWeights2) else { return nil }
        return r2 == 10 ? 0 : r2
    }

    static let balticWeights1 = [1, 2, 3, 4, 5, 6, 7, 8, 9, 1]
    static let balticWeights2 = [3, 4, 5, 6, 7, 8, 9, 1, 2, 3]

    // MARK: ISO 7064 mod 97-10

    /// ISO 7064 mod 97-10 remainder of an ASCII string: digits count as themselves, letters
    /// (either case) as 10 (`A`) … 35 (`Z`), e.g. an IBAN rearranged with its first four
    /// characters moved to the end is valid when the result is 1. Returns -1 when the string
    /// is empty or holds a byte that is neither an ASCII digit nor a letter.
    public static func mod97(_ string: some Collection<UInt8>) -> Int {
        var r = 0
        var any = false
        for b in string {
            if ASCII.isDigit(b) {
                r = (r &* 10 &+ ASCII.digit(b)) % 97
            } else if ASCII.isLetter(b) {
                let v = Int((b | 0x20) &- 0x61) &+ 10
                r = (r &* 100 &+ v) % 97
            } else {
                return -1
            }
            any = true
        }
        return any ? r : -1
    }

    // MARK: Calendar

    /// True for a Gregorian leap year.
    @inline(__always)
    public static func isLeapYear(_ year: Int) -> Bool {
        (year % 4 == 0 && year % 100 != 0) || year % 400 == 0
    }

    /// Days in `month` (1–12) of `year`, 0 for an invalid month.
    @inline(__always)
    public static func daysInMonth(year: Int, month: Int) -> Int {
        switch month {
        case 1, 3, 5, 7, 8, 10, 12: 31
        case 4, 6, 9, 11: 30
        case 2: isLeapYear(year) ? 29 : 28
        default: 0
        }
    }

    /// True when `year-month-day` exists in the proleptic Gregorian calendar (years 1–9999).
    @inline(__always)
    public static func isValidDate(year: Int, month: Int, day: Int) -> Bool {
        year >= 1 && year <= 9999 && day >= 1 && day <= daysInMonth(year: year, month: month)
    }
}
