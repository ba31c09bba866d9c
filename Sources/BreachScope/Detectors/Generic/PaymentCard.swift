/// Payment card numbers (PAN, ISO/IEC 7812), normalised to digits only.
///
/// Format: 13–19 digits written plain, or in groups separated by single spaces or single dashes
/// (one separator kind throughout): groups of four with a shorter last group (`4-4-4-4`,
/// `4-4-4-4-3`, `4-4-4-1`), Amex `4-6-5`, Diners `4-6-4`.
///
/// Validation: Luhn (mod 10) check digit; the issuer range must allow the length — Visa `4`
/// (13, 16, 19), Mastercard `51–55`, `2221–2720` (16), Amex `34`, `37` (15), Discover `6011`,
/// `644–649`, `65` (16–19), JCB `3528–3589` (16–19), Diners `300–305`, `3095`, `36`, `38`, `39`
/// (14–19), UnionPay `62` (16–19), Maestro `50`, `56–58`, `639`, `67` (13–19). Numbers made of
/// one repeated digit are rejected. Never with a `.nonPersonal` hint.
///
/// Fictitious example (a well-known test PAN): `4111 1111 1111 1111` → `4111111111111111`.
public struct PaymentCardDetector: Detector {
    public init() {}

    public var element: ElementType { .paymentCard }
    public var triggers: DetectorTriggers { .digit }

    static let maxGroups = 6

    public func match(_ span: UnsafeBufferPointer<UInt8>, at start: Int, hint: FieldHint) -> Finding? {
        if case .nonPersonal = hint { return nil }
        let n = span.count
        guard start < n, ASCII.isDigit(span[start]) else { return nil }
        // Digit groups: lengths and byte ends, packed (at most 6 groups).
        var lens: UInt64 = 0
        var ends: UInt64 = 0
        var groups = 0
        var total = 0
        var sep: UInt8 = 0
        var i = start
        while groups < Self.maxGroups {
            let gs = i
            while i < n && ASCII.isDigit(span[i]) {
                i += 1
                if total + (i - gs) > 19 { break }
            }
            let len = i - gs
            total += len
            if total > 19 { break }
            lens |= UInt64(len) << UInt64(groups * 8)
            ends |= UInt64(i - start) << UInt64(groups * 8)
            groups += 1
            guard i + 1 < n else { break }
            let c = span[i]
            guard (c == UInt8(ascii: " ") || c == UInt8(ascii: "-")) && ASCII.isDigit(span[i + 1]) else { break }
            if sep != 0 && c != sep { break }
            sep = c
            i += 1
        }
        guard groups > 0 else { return nil }
        // Longest acceptable prefix of groups first (a card followed by `2027` or a CVC).
        var k = groups
        while k >= 1 {
            let end = start + Int((ends >> UInt64((k - 1) * 8)) & 0xFF)
            if ASCII.isTokenEnd(span, end), Self.isCardGrouping(lens, k) {
                if let value = Self.digitsIfValid(span, start, end) {
                    return Finding(element: .paymentCard, value: value, offset: start, length: end - start)
                }
            }
            k -= 1
        }
        return nil
    }

    /// True when `digits` (digits only) is a valid card number: length, issuer range, Luhn,
    /// not one repeated digit.
    public static func validate(_ digits: some Collection<UInt8>) -> Bool {
        let d = Array(digits)
        guard d.count >= 13, d.count <= 19, d.allSatisfy(ASCII.isDigit) else { return false }
        return d.withUnsafeBufferPointer { isValid($0, 0, $0.count) }
    }

    /// Digits of a whole field value (spaces and dashes removed); nil if not a valid card number.
    public static func normalize(_ text: some Collection<UInt8>) -> [UInt8]? {
        var d: [UInt8] = []
        for b in text {
            if ASCII.isDigit(b) { d.append(b) } else if b != UInt8(ascii: " ") && b != UInt8(ascii: "-") && !PhoneDetector.isSpace(b) { return nil }
        }
        return validate(d) ? d : nil
    }

    /// Luhn check (`Checksums.luhn`) over the ASCII digits of `d[s..<e]`, other bytes (the
    /// separators) skipped; false when there is no digit. Allocation-free.
    static func luhn(_ d: UnsafeBufferPointer<UInt8>, _ s: Int, _ e: Int) -> Bool {
        Checksums.luhn(d[s..<e].lazy.filter(ASCII.isDigit))
    }

    // MARK: - Private

    /// Plain (one group) or `4…4+short`, `4-6-5`, `4-6-4`.
    private static func isCardGrouping(_ lens: UInt64, _ k: Int) -> Bool {
        if k == 1 { return true }
        let len = { (g: Int) in Int((lens >> UInt64(g * 8)) & 0xFF) }
        if k == 3 && len(0) == 4 && len(1) == 6 && (len(2) == 5 || len(2) == 4) { return true }
        for g in 0..<(k - 1) where len(g) != 4 { return false }
        return len(k - 1) >= 1 && len(k - 1) <= 4
    }

    /// Validates the digits in `span[s..<e]` (skipping separators); returns them on success.
    private static func digitsIfValid(_ span: UnsafeBufferPointer<UInt8>, _ s: Int, _ e: Int) -> [UInt8]? {
        guard isValid(span, s, e) else { return nil }
        var value: [UInt8] = []
        value.reserveCapacity(e - s)
        for i in s..<e where ASCII.isDigit(span[i]) { value.append(span[i]) }
        return value
    }

    /// Card checks over `d[s..<e]`, ignoring separator bytes; the first four bytes are digits.
    private static func isValid(_ d: UnsafeBufferPointer<UInt8>, _ s: Int, _ e: Int) -> Bool {
        var n = 0
        var same = true
        for i in s..<e where ASCII.isDigit(d[i]) {
            n += 1
            if d[i] != d[s] { same = false }
        }
        guard n >= 13, n <= 19, !same else { return false }
        guard issuerAllows(d, s, n) else { return false }
        return luhn(d, s, e)
    }

    private static func issuerAllows(_ d: UnsafeBufferPointer<UInt8>, _ s: Int, _ n: Int) -> Bool {
        func p(_ k: Int) -> Int {
            var v = 0
            for i in s..<(s + k) { v = v * 10 + ASCII.digit(d[i]) }
            return v
        }
        let p2 = p(2), p3 = p(3), p4 = p(4)
        switch d[s] {
        case UInt8(ascii: "4"):  // Visa
            return n == 13 || n == 16 || n == 19
        case UInt8(ascii: "5"):
            if p2 >= 51 && p2 <= 55 { return n == 16 }  // Mastercard
            if p2 == 50 || (p2 >= 56 && p2 <= 58) { return true }  // Maestro
            return false
        case UInt8(ascii: "2"):  // Mastercard 2-series
            return p4 >= 2221 && p4 <= 2720 && n == 16
        case UInt8(ascii: "3"):
            if p2 == 34 || p2 == 37 { return n == 15 }  // Amex
            if p4 >= 3528 && p4 <= 3589 { return n >= 16 }  // JCB
            if (p3 >= 300 && p3 <= 305) || p4 == 3095 || p2 == 36 || p2 == 38 || p2 == 39 {
                return n >= 14  // Diners
            }
            return false
        case UInt8(ascii: "6"):
            if p4 == 6011 || p2 == 65 || (p3 >= 644 && p3 <= 649) { return n >= 16 }  // Discover
            if p2 == 62 { return n >= 16 }  // UnionPay
            if p3 == 639 || p2 == 67 { return true }  // Maestro
            return false
        default:
            return false
        }
    }
}
