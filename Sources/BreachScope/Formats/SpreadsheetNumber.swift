/// How spreadsheet numbers are handed to detectors: identifiers (ID codes, phone numbers) typed
/// into Excel are stored as numbers, and Excel writes them back as `3.8001085718E+10` or shows
/// them as `3.8001E+10`. An identifier must be found from its digits, and one whose digits were
/// lost must be counted, not silently missed.
enum SpreadsheetNumber {
    /// What to deliver for a cell value.
    enum Normalised: Equatable {
        /// The value as written.
        case asIs
        /// These integer digits (with `-` for a negative value) instead.
        case digits([UInt8])
        /// An identifier whose digits were lost: deliver nothing, count it.
        case damaged
    }

    /// Integers with more digits than this cannot be exact in a spreadsheet (Excel keeps 15
    /// significant digits; a double holds about as many).
    static let maxExactDigits = 15
    /// Scientific-form text standing for an integer at least this long whose digits it does not
    /// all show is a damaged identifier; shorter ones are plain numbers.
    static let minDamagedDigits = 6

    /// A numeric cell's `<v>` (a double written by the producer): exact integers as digits
    /// (`38001085718.0`, `3.8001085718E+10` → `38001085718`), integers longer than 15 digits
    /// are damaged, anything else (fractions, text) as is.
    static func numeric(_ v: UnsafeBufferPointer<UInt8>) -> Normalised {
        guard let n = Parsed(v), n.isInteger else { return .asIs }
        if n.integerDigits > maxExactDigits { return .damaged }
        let digits = n.integerString()
        return digits.elementsEqual(v) ? .asIs : .digits(digits)
    }

    /// A text cell: scientific-form text (`3.8001E+10`, what Excel shows of a long number) that
    /// shows every digit of its integer becomes the digits; one that hides digits of an integer
    /// of 6 or more digits is damaged. Other text as is.
    static func text(_ v: UnsafeBufferPointer<UInt8>) -> Normalised {
        guard let n = Parsed(v), n.hasExponent, n.isInteger else { return .asIs }
        if n.integerDigits > maxExactDigits { return .damaged }
        if n.significant < n.integerDigits && n.integerDigits >= minDamagedDigits { return .damaged }
        return .digits(n.integerString())
    }

    /// A decimal number `[+-]digits[.digits][(e|E)[+-]digits]`, as significant digits and the
    /// position of the decimal point within them.
    private struct Parsed {
        var negative = false
        /// Mantissa digits without leading zeros (trailing zeros kept).
        var digits: [UInt8] = []
        /// Where the decimal point falls in `digits` (may be negative or past the end).
        var point = 0
        var hasExponent = false

        init?(_ v: UnsafeBufferPointer<UInt8>) {
            var i = 0
            let n = v.count
            guard n > 0, n <= 400 else { return nil }
            if v[0] == UInt8(ascii: "-") || v[0] == UInt8(ascii: "+") { negative = v[0] == UInt8(ascii: "-"); i = 1 }
            var intCount = 0, fracCount = 0, seenPoint = false
            var all: [UInt8] = []
            while i < n {
                let b = v[i]
                if b >= 0x30 && b <= 0x39 {
                    all.append(b)
                    if seenPoint { fracCount += 1 } else { intCount += 1 }
                } else if b == UInt8(ascii: ".") && !seenPoint {
                    seenPoint = true
                } else {
                    break
                }
                i += 1
            }
            guard intCount + fracCount > 0 else { return nil }
            var exponent = 0
            if i < n {
                guard v[i] | 0x20 == UInt8(ascii: "e") else { return nil }
                hasExponent = true
                i += 1
                var expNegative = false
                if i < n && (v[i] == UInt8(ascii: "-") || v[i] == UInt8(ascii: "+")) { expNegative = v[i] == UInt8(ascii: "-"); i += 1 }
                guard i < n else { return nil }
                while i < n {
                    let b = v[i]
                    guard b >= 0x30 && b <= 0x39, exponent < 10_000 else { return nil }
                    exponent = exponent * 10 + Int(b - 0x30)
                    i += 1
                }
                if expNegative { exponent = -exponent }
            }
            var lead = 0
            while lead < all.count && all[lead] == 0x30 { lead += 1 }
            digits = Array(all[lead...])
            point = intCount - lead + exponent
        }

        /// No non-zero digit after the decimal point.
        var isInteger: Bool {
            let from = Swift.max(point, 0)
            return from >= digits.count || digits[from...].allSatisfy { $0 == 0x30 }
        }
        /// Digits of the integer part (0 for zero).
        var integerDigits: Int { digits.isEmpty ? 0 : Swift.max(point, 0) }
        /// Significant digits written (trailing zeros of the mantissa not counted).
        var significant: Int {
            var end = digits.count
            while end > 0 && digits[end - 1] == 0x30 { end -= 1 }
            return end
        }

        func integerString() -> [UInt8] {
            let count = integerDigits
            if count == 0 { return [0x30] }
            var out: [UInt8] = negative ? [UInt8(ascii: "-")] : []
            out.reserveCapacity(count + 1)
            for k in 0..<count { out.append(k < digits.count ? digits[k] : 0x30) }
            return out
        }
    }
}
