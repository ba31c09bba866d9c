/// A detector finds validated values of one kind in a span of bytes.
///
/// The scanner walks each span once and calls `match(_:at:hint:)` only at candidate starts
/// (see `triggers`), so a detector never scans bytes itself in the hot path; it tries an
/// anchored match like `^pattern` at `start` and validates it (checksum, date, numbering plan).
///
/// Contract:
/// - `start` is a token boundary: `start == 0` or `span[start-1]` is not an ASCII letter or digit.
/// - A match must end at a token boundary too: the byte after the match (if any) is not an
///   ASCII letter or digit (see `ASCII.isTokenEnd`).
/// - Return `nil` quickly when the first bytes cannot start a match.
/// - Must not allocate unless it returns a match.
public protocol Detector: Sendable {
    /// Element produced by this detector.
    var element: ElementType { get }
    /// Which first bytes can start a match (so the scanner skips the call otherwise).
    var triggers: DetectorTriggers { get }
    /// Try to match a value starting exactly at `start`.
    func match(_ span: UnsafeBufferPointer<UInt8>, at start: Int, hint: FieldHint) -> Finding?
}

/// Classes of first bytes a detector can start on.
public struct DetectorTriggers: OptionSet, Sendable {
    public let rawValue: UInt8
    public init(rawValue: UInt8) { self.rawValue = rawValue }
    /// `0`–`9`
    public static let digit = DetectorTriggers(rawValue: 1)
    /// `+` or `(`
    public static let plusOrParen = DetectorTriggers(rawValue: 2)
    /// `A`–`Z`, `a`-`z`
    public static let letter = DetectorTriggers(rawValue: 4)
}

/// Byte helpers shared by detectors. All ASCII; everything else is "other".
public enum ASCII {
    @inline(__always) public static func isDigit(_ b: UInt8) -> Bool { b &- 0x30 < 10 }
    @inline(__always) public static func isUpper(_ b: UInt8) -> Bool { b &- 0x41 < 26 }
    @inline(__always) public static func isLower(_ b: UInt8) -> Bool { b &- 0x61 < 26 }
    @inline(__always) public static func isLetter(_ b: UInt8) -> Bool { (b | 0x20) &- 0x61 < 26 }
    @inline(__always) public static func isAlnum(_ b: UInt8) -> Bool { isDigit(b) || isLetter(b) }
    @inline(__always) public static func digit(_ b: UInt8) -> Int { Int(b &- 0x30) }
    @inline(__always) public static func lower(_ b: UInt8) -> UInt8 { isUpper(b) ? b | 0x20 : b }
    @inline(__always) public static func upper(_ b: UInt8) -> UInt8 { isLower(b) ? b & 0xDF : b }

    /// True when position `i` is a token end in `span` (end of span, or next byte is not alnum,
    /// and not a `.` followed by a digit, as in a decimal number).
    @inline(__always)
    public static func isTokenEnd(_ span: UnsafeBufferPointer<UInt8>, _ i: Int) -> Bool {
        if i >= span.count { return true }
        let b = span[i]
        if isAlnum(b) { return false }
        if b == UInt8(ascii: ".") && i + 1 < span.count && isDigit(span[i + 1]) {
            return false
        }
        return true
    }
}
