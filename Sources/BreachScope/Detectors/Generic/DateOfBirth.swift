/// Dates of birth, normalised to ISO `YYYY-MM-DD`. Fires ONLY in a field whose label says it is a
/// date of birth (hint `.dateOfBirth`): dates in general are not birth dates.
///
/// Format: `YYYY-MM-DD`, `YYYY/MM/DD`, `YYYYMMDD` (else `MMDDYYYY`/`DDMMYYYY`, read as a slash date), `DD.MM.YYYY` (also `D.M.YYYY`), `DD/MM/YYYY`,
/// `DD-MM-YYYY`. A slash date is read day-first; it is read US month-first (`MM/DD/YYYY`) when
/// `usFormat` is set, or when only that reading is valid (`04/15/1985`). A trailing time
/// (`T00:00:00`, `T00:00:00.000Z`, ` 00:00`) is accepted and ignored.
///
/// Validation: a real Gregorian date with a year in 1890…2026.
///
/// Fictitious example: `Sünniaeg: 14.03.1985` → `1985-03-14`.
public struct DateOfBirthDetector: Detector {
    /// Read `a/b/YYYY` as month/day first (US exports).
    public var usFormat: Bool

    public init(usFormat: Bool = false) { self.usFormat = usFormat }

    public var element: ElementType { .dateOfBirth }
    public var triggers: DetectorTriggers { .digit }

    static let minYear = 1890
    static let maxYear = 2026

    public func match(_ span: UnsafeBufferPointer<UInt8>, at start: Int, hint: FieldHint) -> Finding? {
        guard case .dateOfBirth = hint else { return nil }
        guard let (y, m, d, end) = Self.parse(span, start, usFormat: usFormat) else { return nil }
        return Finding(element: .dateOfBirth, value: Self.iso(y, m, d), offset: start, length: end - start)
    }

    /// True for a real Gregorian date with a year in 1890…2026.
    public static func validate(year: Int, month: Int, day: Int) -> Bool {
        guard year >= minYear, year <= maxYear, month >= 1, month <= 12, day >= 1 else { return false }
        return day <= daysIn(month, year)
    }

    /// A whole field value (trimmed) as `YYYY-MM-DD`, or nil.
    public static func normalize(_ text: some Collection<UInt8>, usFormat: Bool = false) -> [UInt8]? {
        let bytes = Array(text)
        var lo = 0
        var hi = bytes.count
        while lo < hi && PhoneDetector.isSpace(bytes[lo]) { lo += 1 }
        while hi > lo && PhoneDetector.isSpace(bytes[hi - 1]) { hi -= 1 }
        guard lo < hi else { return nil }
        return bytes.withUnsafeBufferPointer { buf -> [UInt8]? in
            let sub = UnsafeBufferPointer(rebasing: buf[lo..<hi])
            guard let (y, m, d, end) = parse(sub, 0, usFormat: usFormat), end == sub.count else { return nil }
            return iso(y, m, d)
        }
    }

    // MARK: - Parsing

    static func daysIn(_ month: Int, _ year: Int) -> Int {
        switch month {
        case 2: (year % 4 == 0 && (year % 100 != 0 || year % 400 == 0)) ? 29 : 28
        case 4, 6, 9, 11: 30
        default: 31
        }
    }

    static func iso(_ y: Int, _ m: Int, _ d: Int) -> [UInt8] {
        var v: [UInt8] = []
        v.reserveCapacity(10)
        v.append(UInt8(0x30 + y / 1000))
        v.append(UInt8(0x30 + y / 100 % 10))
        v.append(UInt8(0x30 + y / 10 % 10))
        v.append(UInt8(0x30 + y % 10))
        v.append(UInt8(ascii: "-"))
        v.append(UInt8(0x30 + m / 10))
        v.append(UInt8(0x30 + m % 10))
        v.append(UInt8(ascii: "-"))
        v.append(UInt8(0x30 + d / 10))
        v.append(UInt8(0x30 + d % 10))
        return v
    }

    /// Reads a run of at most `max` digits at `i`: (value, length).
    @inline(__always)
    private static func number(_ s: UnsafeBufferPointer<UInt8>, _ i: Int, max: Int) -> (Int, Int) {
        var v = 0
        var j = i
        while j < s.count && j - i < max + 1 && ASCII.isDigit(s[j]) {
            v = v * 10 + ASCII.digit(s[j])
            j += 1
        }
        return (v, j - i)
    }

    private static func isDateSeparator(_ b: UInt8) -> Bool {
        b == UInt8(ascii: "-") || b == UInt8(ascii: "/") || b == UInt8(ascii: ".")
    }

    /// Parses a date at `start`; returns year, month, day and the end index (after any time).
    static func parse(_ s: UnsafeBufferPointer<UInt8>, _ start: Int, usFormat: Bool) -> (Int, Int, Int, Int)? {
        let n = s.count
        guard start < n, ASCII.isDigit(s[start]) else { return nil }
        let (a, la) = number(s, start, max: 8)
        var i = start + la
        var y = 0, m = 0, d = 0
        if la == 8 {
            y = a / 10000
            m = a / 100 % 100
            d = a % 100
            // `MMDDYYYY` (US pharmacy files: `03231993`) or `DDMMYYYY` when `YYYYMMDD` is no date:
            // month first when only that reading is valid or `usFormat` is set.
            if !validate(year: y, month: m, day: d) {
                let (p, q, year) = (a / 1_000_000, a / 10000 % 100, a % 10000)
                let monthFirst = validate(year: year, month: p, day: q), dayFirst = validate(year: year, month: q, day: p)
                if monthFirst && (usFormat || !dayFirst) { (y, m, d) = (year, p, q) }
                else if dayFirst { (y, m, d) = (year, q, p) }
            }
        } else if la == 4 {
            // YYYY-MM-DD, YYYY/MM/DD (one or two digit month and day).
            guard i < n, s[i] == UInt8(ascii: "-") || s[i] == UInt8(ascii: "/") else { return nil }
            let sep = s[i]
            let (b, lb) = number(s, i + 1, max: 2)
            guard lb >= 1, lb <= 2 else { return nil }
            i += 1 + lb
            guard i < n, s[i] == sep else { return nil }
            let (c, lc) = number(s, i + 1, max: 2)
            guard lc >= 1, lc <= 2 else { return nil }
            i += 1 + lc
            (y, m, d) = (a, b, c)
        } else if la <= 2 {
            // D.M.YYYY, DD/MM/YYYY, DD-MM-YYYY, MM/DD/YYYY.
            guard i < n, isDateSeparator(s[i]) else { return nil }
            let sep = s[i]
            let (b, lb) = number(s, i + 1, max: 2)
            guard lb >= 1, lb <= 2 else { return nil }
            i += 1 + lb
            guard i < n, s[i] == sep else { return nil }
            let (c, lc) = number(s, i + 1, max: 4)
            guard lc == 4 else { return nil }
            i += 1 + lc
            y = c
            if sep == UInt8(ascii: "/") {
                let dayFirst = validate(year: c, month: b, day: a)
                let monthFirst = validate(year: c, month: a, day: b)
                if usFormat ? (monthFirst || !dayFirst) : (!dayFirst && monthFirst) {
                    (m, d) = (a, b)
                } else {
                    (m, d) = (b, a)
                }
            } else {
                (m, d) = (b, a)
            }
        } else {
            return nil
        }
        guard validate(year: y, month: m, day: d) else { return nil }
        i = timeEnd(s, i) ?? i
        guard ASCII.isTokenEnd(s, i) else { return nil }
        return (y, m, d, i)
    }

    /// End of a time part `[T ]HH:MM[:SS[.fff]][Z|±HH[:]MM]` at `i`, or nil if there is none.
    private static func timeEnd(_ s: UnsafeBufferPointer<UInt8>, _ i: Int) -> Int? {
        let n = s.count
        guard i + 6 <= n, s[i] == UInt8(ascii: "T") || s[i] == UInt8(ascii: " ") else { return nil }
        func two(_ j: Int) -> Bool { j + 1 < n && ASCII.isDigit(s[j]) && ASCII.isDigit(s[j + 1]) }
        var j = i + 1
        guard two(j), s[j + 2] == UInt8(ascii: ":"), two(j + 3) else { return nil }
        j += 5
        if j + 2 < n && s[j] == UInt8(ascii: ":") && two(j + 1) {
            j += 3
            if j + 1 < n && s[j] == UInt8(ascii: ".") && ASCII.isDigit(s[j + 1]) {
                j += 1
                while j < n && ASCII.isDigit(s[j]) { j += 1 }
            }
        }
        if j < n && s[j] == UInt8(ascii: "Z") {
            j += 1
        } else if j < n && (s[j] == UInt8(ascii: "+") || s[j] == UInt8(ascii: "-")) && two(j + 1) {
            j += 3
            if j < n && s[j] == UInt8(ascii: ":") && two(j + 1) { j += 3 } else if two(j) { j += 2 }
        }
        return j
    }
}
