/// Finnish personal identity code (henkilötunnus, HETU; personbeteckning), issued by the
/// Digital and Population Data Services Agency (DVV).
///
/// Format: 11 characters `DDMMYYCZZZQ`.
/// - `DDMMYY`: date of birth (validated).
/// - `C`: century sign — `+` 1800s; `-` and, since 2023, `Y X W V U` 1900s; `A` and, since 2023,
///   `B C D E F` 2000s. Written in upper case; a code typed in lower case (`211240-384x`) is
///   found and normalised to upper case (`validate` takes the normalised form only).
/// - `ZZZ`: individual number, 002–899 (odd for men, even for women); 900–999 are temporary
///   numbers (hospitals) and are accepted too; 000 and 001 are never issued.
/// - `Q`: check character `"0123456789ABCDEFHJKLMNPRSTUVWXY"[DDMMYYZZZ mod 31]`.
///
/// Normalised value: the 11 characters exactly as written, century sign included — it is
/// NOT mapped to a canonical sign per century. Under the 2023 decree the intermediate character
/// is part of the individual part of the code: `100190-999P` and `100190Y999P` are two
/// different people (DVV), even though they share the check character, so folding `Y` into `-`
/// would merge distinct persons.
/// Fictitious example: `131052-308T` (woman, born 1952-10-13), `010594Y9021`.
public struct HETUDetector: Detector {
    public init() {}
    public var element: ElementType { .nationalID }
    public var triggers: DetectorTriggers { .digit }

    public func match(_ span: UnsafeBufferPointer<UInt8>, at start: Int, hint: FieldHint) -> Finding? {
        guard start < span.count, span[start] &- 0x30 < 4, !NationalIDs.isNonPersonal(hint) else { return nil }
        let end = start + 11
        guard end <= span.count, NationalIDs.isFree(span, start, end) else { return nil }
        if Self.isValid(UnsafeBufferPointer(rebasing: span[start..<end])) {
            return NationalIDs.finding(.fiHetu, span, start: start, length: 11)
        }
        // Typed in lower case (`211240-384x` in a spreadsheet): the code in upper case.
        guard ASCII.isLower(span[start + 10]) || ASCII.isLower(span[start + 6]) else { return nil }
        return withUnsafeTemporaryAllocation(of: UInt8.self, capacity: 11) { b in
            for k in 0..<11 { b[k] = k == 6 || k == 10 ? ASCII.upper(span[start + k]) : span[start + k] }
            guard Self.isValid(UnsafeBufferPointer(b)) else { return nil }
            return NationalIDs.finding(.fiHetu, b, count: 11, start: start, length: 11)
        }
    }

    /// Whether `normalized` (`DDMMYY` + sign + `ZZZQ`, 11 ASCII bytes) is a valid HETU.
    public static func validate(_ normalized: some Collection<UInt8>) -> Bool {
        NationalIDs.contiguous(normalized) { isValid($0) }
    }

    /// The encoded birth date, or `nil` when `normalized` is not a valid HETU.
    public static func birthDate(_ normalized: [UInt8]) -> (year: Int, month: Int, day: Int)? {
        normalized.withUnsafeBufferPointer { d in
            guard isValid(d), let base = centuryBase(d[6]) else { return nil }
            return (base + NationalIDs.int(d, 4, 2), NationalIDs.int(d, 2, 2), NationalIDs.int(d, 0, 2))
        }
    }

    /// Check characters indexed by `DDMMYYZZZ mod 31`.
    public static let checkCharacters: [UInt8] = Array("0123456789ABCDEFHJKLMNPRSTUVWXY".utf8)

    /// The first year of the century a sign denotes, or `nil` for a byte that is no century sign.
    @inline(__always)
    public static func centuryBase(_ sign: UInt8) -> Int? {
        switch sign {
        case UInt8(ascii: "+"): 1800
        case UInt8(ascii: "-"), UInt8(ascii: "Y"), UInt8(ascii: "X"), UInt8(ascii: "W"),
            UInt8(ascii: "V"), UInt8(ascii: "U"): 1900
        case UInt8(ascii: "A"), UInt8(ascii: "B"), UInt8(ascii: "C"), UInt8(ascii: "D"),
            UInt8(ascii: "E"), UInt8(ascii: "F"): 2000
        default: nil
        }
    }

    static func isValid(_ d: UnsafeBufferPointer<UInt8>) -> Bool {
        guard d.count == 11, NationalIDs.digits(d, 0, 6), NationalIDs.digits(d, 7, 3),
            let base = centuryBase(d[6])
        else { return false }
        let individual = NationalIDs.int(d, 7, 3)
        guard individual >= 2,
            Checksums.isValidDate(
                year: base + NationalIDs.int(d, 4, 2), month: NationalIDs.int(d, 2, 2), day: NationalIDs.int(d, 0, 2))
        else { return false }
        let n = NationalIDs.int(d, 0, 6) * 1000 + individual
        return checkCharacters[n % 31] == d[10]
    }
}
