/// The compared forms of a name and a postal address behind weak keys (`ValueKind.weakNameAddress`,
/// `.weakNameBirth`). Names and addresses are stored as written; two records of one person often
/// write them differently — `RÄSÄNEN PIRJO` on a route sheet, `Pirjo Räsänen` in the customer
/// register; `Kauppakatu 4 B 7, 48100 KOTKA` in one column, `Kauppakatu 4 B 7` · `48100` · `Kotka`
/// in three. The forms make such records meet as weak-identity candidates (never merges):
/// - a name: lower-cased, its words (split at spaces and commas) sorted, joined by one space;
/// - an address: lower-cased, `,` `;` `.` `/` read as spaces, runs of spaces as one.
enum WeakKey {
    /// A weak key's material, appended to `out`: the name's form, a zero byte, then the address's
    /// form (`.weakNameAddress`) or the birth date as stored (`.weakNameBirth`). The scan and
    /// `lookup` both build it here, so a lookup meets the keys the scan stored.
    static func material(_ kind: ValueKind, name: UnsafeBufferPointer<UInt8>, other: UnsafeBufferPointer<UInt8>,
                         into out: inout [UInt8]) {
        nameForm(name, into: &out)
        out.append(0)
        if kind == .weakNameAddress { addressForm(other, into: &out) } else { out.append(contentsOf: other) }
    }

    /// The compared form of a (normalised) name.
    static func nameForm(_ name: UnsafeBufferPointer<UInt8>, into out: inout [UInt8]) {
        var lower = Array(name)
        lower.withUnsafeMutableBufferPointer { NameDetector.lowercaseInPlace($0) }
        var words: [ArraySlice<UInt8>] = []
        var start = -1
        for i in 0...lower.count {
            let sep = i == lower.count || lower[i] == 0x20 || lower[i] == 0x2C
            if sep { if start >= 0 { words.append(lower[start..<i]); start = -1 } } else if start < 0 { start = i }
        }
        words.sort { $0.lexicographicallyPrecedes($1) }
        for (k, w) in words.enumerated() {
            if k > 0 { out.append(0x20) }
            out.append(contentsOf: w)
        }
    }

    /// The compared form of a (normalised) postal address.
    static func addressForm(_ address: UnsafeBufferPointer<UInt8>, into out: inout [UInt8]) {
        let start = out.count
        var space = true  // no leading space
        for b in address {
            if b == 0x20 || b == 0x2C || b == 0x3B || b == 0x2E || b == 0x2F || b == 0x09 {
                if !space { out.append(0x20); space = true }
            } else {
                out.append(b)
                space = false
            }
        }
        if out.count > start && out[out.count - 1] == 0x20 { out.removeLast() }
        out.withUnsafeMutableBufferPointer { NameDetector.lowercaseInPlace(UnsafeMutableBufferPointer(rebasing: $0[start...])) }
    }
}
