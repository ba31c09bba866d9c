/// Runs the detectors over one field's bytes: the byte-level hot path. One pass over the span;
/// detectors are only asked at token starts of the right class (digit, `+`/`(`, upper-case
/// letter) and around `@`, so most bytes cost one table lookup.
public struct FieldScanner: Sendable {
    let nationals: [any Detector]
    let phone: PhoneDetector
    let card = PaymentCardDetector()
    let iban = IBANDetector()
    let dob = DateOfBirthDetector()

    /// Byte classes: 0 other, 1 digit, 2 upper-case letter, 3 lower-case letter / UTF-8 byte,
    /// 4 `@`, 5 `+` or `(`.
    static let classes: [UInt8] = {
        var t = [UInt8](repeating: 0, count: 256)
        for b in UInt8(ascii: "0")...UInt8(ascii: "9") { t[Int(b)] = 1 }
        for b in UInt8(ascii: "A")...UInt8(ascii: "Z") { t[Int(b)] = 2 }
        for b in UInt8(ascii: "a")...UInt8(ascii: "z") { t[Int(b)] = 3 }
        for b in 0x80...0xFF { t[b] = 3 }
        t[Int(UInt8(ascii: "@"))] = 4
        t[Int(UInt8(ascii: "+"))] = 5
        t[Int(UInt8(ascii: "("))] = 5
        return t
    }()

    public init(phoneCountries: [String] = PhoneDetector().defaultCountries) {
        nationals = NationalIDs.all
        var p = PhoneDetector()
        p.defaultCountries = phoneCountries
        phone = p
    }

    /// Scans `span` and calls `emit` for each finding (offsets relative to the span).
    /// `preferCountry` breaks ties between national IDs that validate under several schemes
    /// (an Estonian and a Lithuanian code share one format).
    public func scan(_ span: UnsafeBufferPointer<UInt8>, hint: FieldHint, preferCountry: String?,
                     _ emit: (Finding) -> Void) {
        let n = span.count
        var i = 0
        let classes = FieldScanner.classes
        var candidates: [Finding] = []
        while i < n {
            let c = classes[Int(span[i])]
            if c == 0 { i += 1; continue }
            if c == 4 {
                if let f = EmailDetector.matchAround(span, at: i) {
                    emit(f)
                    i = f.offset + f.length
                } else { i += 1 }
                continue
            }
            let boundary = i == 0 || !ASCII.isAlnum(span[i - 1])
            if !boundary { i += 1; continue }
            var found: Finding?
            switch c {
            case 1:
                if hint != .nonPersonal {
                    if case .phone = hint { found = phone.match(span, at: i, hint: hint) }
                    if found == nil, case .paymentCard = hint { found = card.match(span, at: i, hint: hint) }
                    if found == nil, case .dateOfBirth = hint { found = dob.match(span, at: i, hint: hint) }
                    if found == nil {
                        candidates.removeAll(keepingCapacity: true)
                        for d in nationals {
                            if let f = d.match(span, at: i, hint: hint) { candidates.append(f) }
                        }
                        found = choose(candidates, hint: hint, preferCountry: preferCountry)
                    }
                    if found == nil { found = card.match(span, at: i, hint: hint) }
                    if found == nil { found = phone.match(span, at: i, hint: hint) }
                }
            case 2:
                found = iban.match(span, at: i, hint: hint)
            case 5:
                if hint != .nonPersonal { found = phone.match(span, at: i, hint: hint) }
            default:
                break
            }
            if let f = found, case .none = hint, f.element != .email, f.element != .iban, DecoyContext.precedesNonPersonal(span, i) {
                found = nil
            }
            if let f = found {
                // An e-mail whose local part starts with this token wins over a number in it.
                var end = f.offset + f.length
                if end < n && span[end] == UInt8(ascii: "@") || (end < n && span[end] == UInt8(ascii: ".") && end + 1 < n && ASCII.isAlnum(span[end + 1])) {
                    end = i + 1
                } else {
                    emit(f)
                }
                i = end
                continue
            }
            // Skip the rest of this alphanumeric run: no token starts inside it.
            i += 1
            while i < n {
                let k = classes[Int(span[i])]
                if k == 1 || k == 2 || k == 3 { i += 1 } else { break }
            }
        }
    }

    /// Picks one national-ID interpretation: the labelled scheme, else the document's country,
    /// else the detector order in `NationalIDs.all`.
    func choose(_ candidates: [Finding], hint: FieldHint, preferCountry: String?) -> Finding? {
        guard candidates.count > 1 else { return candidates.first }
        if case .nationalID(let t?) = hint, let f = candidates.first(where: { $0.identifier == t }) { return f }
        if let c = preferCountry, let f = candidates.first(where: { $0.identifier?.country == c }) { return f }
        return candidates[0]
    }
}
