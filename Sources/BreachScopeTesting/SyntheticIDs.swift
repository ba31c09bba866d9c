import BreachScope

/// Synthetic national identifiers: valid, fictitious values of every national type in their
/// usual written form, and deliberately broken copies for negative tests.
extension Synthetic {
    /// A valid value of national identifier `type`, in its usual written form, with a birth
    /// date (where the type encodes one) between 1930 and 2015:
    /// EE/LT/PL/NO 11 digits, LV `DDMMYY-CNNNX` (one in five new-form `32XXXX-XXXXX`), FI
    /// `DDMMYY-ZZZQ` with any of the century signs of the 1900s/2000s, SE `YYMMDD-NNNC` (one in
    /// ten a samordningsnummer), NO (one in ten a D-number), DK `DDMMYY-SSSS`, US `AAA-GG-SSSS`,
    /// GB `943 476 5919` style. Traps for `email` / `phone`.
    public static func nationalID(_ type: IdentifierType, using rng: inout some RandomNumberGenerator) -> String {
        let (y, m, d) = birthDate(using: &rng)
        switch type {
        case .eeIsikukood, .ltAsmensKodas:
            let g = ((y - 1800) / 100) * 2 + 1 + Int.random(in: 0...1, using: &rng)
            let payload = "\(g)" + pad(y % 100, 2) + pad(m, 2) + pad(d, 2) + pad(Int.random(in: 0...999, using: &rng), 3)
            return payload + "\(Checksums.baltic11(Array(payload.utf8))!)"
        case .lvPersonasKods:
            let payload: String
            if Int.random(in: 0..<5, using: &rng) == 0 {
                payload = "32" + pad(Int.random(in: 0...99_999_999, using: &rng), 8)
            } else {
                payload = pad(d, 2) + pad(m, 2) + pad(y % 100, 2) + "\((y - 1800) / 100)"
                    + pad(Int.random(in: 0...999, using: &rng), 3)
            }
            let s = Checksums.weightedSum(Array(payload.utf8), weights: [1, 6, 3, 7, 9, 10, 5, 8, 4, 2])!
            let full = payload + "\((1101 - s) % 11 % 10)"
            return String(full.prefix(6)) + "-" + String(full.dropFirst(6))
        case .fiHetu:
            let signs = y < 2000 ? Array("-YXWVU") : Array("ABCDEF")
            let sign = signs[Int.random(in: 0..<signs.count, using: &rng)]
            let ddmmyy = pad(d, 2) + pad(m, 2) + pad(y % 100, 2)
            let zzz = Int.random(in: 2...899, using: &rng)
            let q = HETUDetector.checkCharacters[(Int(ddmmyy)! * 1000 + zzz) % 31]
            return ddmmyy + String(sign) + pad(zzz, 3) + String(UnicodeScalar(q))
        case .sePersonnummer:
            let day = Int.random(in: 0..<10, using: &rng) == 0 ? d + 60 : d
            let payload = pad(y % 100, 2) + pad(m, 2) + pad(day, 2) + pad(Int.random(in: 0...999, using: &rng), 3)
            let c = Checksums.luhnCheckDigit(Array(payload.utf8))!
            return String(payload.prefix(6)) + "-" + String(payload.dropFirst(6)) + "\(c)"
        case .noFodselsnummer:
            let day = Int.random(in: 0..<10, using: &rng) == 0 ? d + 40 : d
            while true {
                let individual = y < 2000 ? Int.random(in: 0...499, using: &rng) : Int.random(in: 500...999, using: &rng)
                let p9 = pad(day, 2) + pad(m, 2) + pad(y % 100, 2) + pad(individual, 3)
                guard let k1 = Checksums.mod11Complement(Array(p9.utf8), weights: [3, 7, 6, 1, 8, 9, 4, 5, 2]),
                    let k2 = Checksums.mod11Complement(Array((p9 + "\(k1)").utf8), weights: [5, 4, 3, 2, 7, 6, 5, 4, 3, 2])
                else { continue }
                return p9 + "\(k1)\(k2)"
            }
        case .dkCpr:
            let first = y < 2000 ? Int.random(in: 0...3, using: &rng) : Int.random(in: 4...9, using: &rng)
            return pad(d, 2) + pad(m, 2) + pad(y % 100, 2) + "-\(first)" + pad(Int.random(in: 0...999, using: &rng), 3)
        case .plPesel:
            let payload = pad(y % 100, 2) + pad(m + (y >= 2000 ? 20 : 0), 2) + pad(d, 2)
                + pad(Int.random(in: 0...9999, using: &rng), 4)
            let s = Checksums.weightedSum(Array(payload.utf8), weights: [1, 3, 7, 9, 1, 3, 7, 9, 1, 3])!
            return payload + "\((10 - s % 10) % 10)"
        case .usSsn:
            while true {
                var area = Int.random(in: 1...899, using: &rng)
                if area == 666 { area = 665 }
                let s = pad(area, 3) + "-" + pad(Int.random(in: 1...99, using: &rng), 2) + "-"
                    + pad(Int.random(in: 1...9999, using: &rng), 4)
                if s != "078-05-1120" && s != "219-09-9999" && s != "123-45-6789" { return s }
            }
        case .ukNhsNumber:
            while true {
                let p9 = pad(Int.random(in: 400_000_000...799_999_999, using: &rng), 9)
                guard let c = Checksums.mod11Complement(Array(p9.utf8), weights: [10, 9, 8, 7, 6, 5, 4, 3, 2]) else {
                    continue
                }
                let digits = Array(p9 + "\(c)")
                return String(digits[0..<3]) + " " + String(digits[3..<6]) + " " + String(digits[6..<10])
            }
        case .email, .phone:
            preconditionFailure("\(type) is not a national identifier")
        }
    }

    /// `value` with its check character (the last letter or digit) replaced by a different one
    /// of the same alphabet, so the check fails. For types without a check digit (DK CPR, US SSN)
    /// the result is still a plausible value with a different last digit.
    public static func corruptCheck(_ value: String) -> String {
        var bytes = Array(value.utf8)
        guard let i = bytes.lastIndex(where: { ASCII.isAlnum($0) }) else { return value }
        let b = bytes[i]
        if ASCII.isDigit(b) {
            bytes[i] = 0x30 + (b - 0x30 + 1) % 10
        } else {
            let alphabet = HETUDetector.checkCharacters
            let k = alphabet.firstIndex(of: b) ?? 0
            bytes[i] = alphabet[(k + 1) % alphabet.count]
        }
        return String(decoding: bytes, as: UTF8.self)
    }

    private static func birthDate(using rng: inout some RandomNumberGenerator) -> (Int, Int, Int) {
        let y = Int.random(in: 1930...2015, using: &rng)
        let m = Int.random(in: 1...12, using: &rng)
        let d = Int.random(in: 1...Checksums.daysInMonth(year: y, month: m), using: &rng)
        return (y, m, d)
    }

    private static func pad(_ n: Int, _ width: Int) -> String {
        let s = String(n)
        return s.count >= width ? s : String(repeating: "0", count: width - s.count) + s
    }
}
