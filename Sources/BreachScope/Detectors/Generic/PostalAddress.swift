/// Validates and normalises postal addresses found in fields labelled as addresses (`Aadress`,
/// `Osoite`, `Адрес`, `street`, `city`, `PLZ`, …). Addresses carry no checksum and no fixed
/// shape across countries, so this is not a byte-scanning `Detector`: the scanner calls it on the
/// value of a field whose hint is `.postalAddress` or `.addressPart`, and joins a record's parts.
///
/// Rejected: values without any letter (a bare number is not an address), with `@`, longer than
/// 300 bytes, and placeholders (`N/A`, `null`, `-`, `unknown`, `aadress`, …).
/// Normalisation: whitespace collapsed to one space, trimmed, outer commas/semicolons removed.
/// Example (fictitious): `"Tamme tn 5-12,\n  10115   Tallinn"` → `Tamme tn 5-12, 10115 Tallinn`.
public struct PostalAddressDetector: Sendable {
    /// Longest accepted address in bytes (after whitespace is collapsed).
    public static let maxBytes = 300

    /// The normalised address (or address part), or `nil` when the value is not plausible.
    public static func normalize(_ value: UnsafeBufferPointer<UInt8>) -> [UInt8]? {
        let text = trimSeparators(NameDetector.collapseWhitespace(value))
        guard !text.isEmpty, text.count <= maxBytes else { return nil }
        var letters = false
        var ok = true
        NameDetector.forEachScalar(text) { scalar in
            if scalar == 0xFFFF_FFFF || scalar == 0x40 { ok = false; return false }
            if (scalar | 0x20) >= 0x61 && (scalar | 0x20) <= 0x7A || NameDetector.isLetter(scalar) {
                letters = true
            }
            return true
        }
        guard ok, letters, !NameDetector.isPlaceholder(text, extra: placeholders, extraHashes: placeholderHashes) else { return nil }
        return text
    }

    /// A part of an address from its own column (`Postinumero`, `PLZ`, `zip`, `Maja`, `korter`):
    /// what `normalize` accepts, and a number without letters — a postal code, a house or flat
    /// number: up to 10 digits, spaces and hyphens (`48100`, `00-950`, `114 55`, `7`). A record
    /// whose parts are all such numbers has no address (`hasLetter`).
    public static func normalizePart(_ value: UnsafeBufferPointer<UInt8>) -> [UInt8]? {
        if let a = normalize(value) { return a }
        let text = trimSeparators(NameDetector.collapseWhitespace(value))
        guard text.count >= 1, text.count <= 10, text.contains(where: ASCII.isDigit),
              text.allSatisfy({ ASCII.isDigit($0) || $0 == 0x20 || $0 == 0x2D }) else { return nil }
        return text
    }

    /// Whether an address part holds a letter (a street or a city, not only a postal code).
    public static func hasLetter(_ part: [UInt8]) -> Bool {
        part.contains { ASCII.isLetter($0) || $0 >= 0x80 }
    }

    /// Joins address parts (street, postal code, city, …, in the order given) with `", "`,
    /// skipping empty parts.
    public static func join(_ parts: [[UInt8]]) -> [UInt8] {
        var out: [UInt8] = []
        for part in parts {
            let p = trimSeparators(part.withUnsafeBufferPointer { NameDetector.collapseWhitespace($0) })
            if p.isEmpty { continue }
            if !out.isEmpty { out.append(contentsOf: [0x2C, 0x20] as [UInt8]) }
            out.append(contentsOf: p)
        }
        return out
    }

    /// Leading/trailing `,` `;` and spaces removed.
    private static func trimSeparators(_ text: [UInt8]) -> [UInt8] {
        var start = 0, end = text.count
        func isSep(_ b: UInt8) -> Bool { b == 0x2C || b == 0x3B || b == 0x20 }
        while start < end && isSep(text[start]) { start += 1 }
        while end > start && isSep(text[end - 1]) { end -= 1 }
        return start == 0 && end == text.count ? text : Array(text[start..<end])
    }

    /// `placeholders` probed by their lower-cased hash (the check of `NameDetector.isPlaceholder`
    /// that needs no copy of a word).
    static let placeholderHashes = LowercaseWordSet(placeholders)

    /// Address-specific placeholder words (the label repeated as a value).
    static let placeholders: Set<[UInt8]> = Set([
        "address", "aadress", "osoite", "adress", "adres", "adresse", "adresas", "adrese", "адрес",
        "street", "city", "zip", "tänav", "linn", "katu", "kaupunki", "ulica", "miasto",
        "no", "fixed", "abode", "homeless", "unknown", "n/a",
    ].map { Array($0.utf8) })
}
