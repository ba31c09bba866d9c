#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Runs the detectors over one field's bytes: the byte-level hot path. One pass over the span;
/// detectors are only asked at token starts of the right class (digit, `+`/`(`, upper-case
/// letter) and around `@`, so most bytes cost one table lookup.
public struct FieldScanner: Sendable {
    let phone: PhoneDetector
    let card = PaymentCardDetector()
    let iban = IBANDetector()
    let dob = DateOfBirthDetector()
    /// Month first (`03/06/1953`, `03061953`) where the document's numbers are American.
    let usDob = DateOfBirthDetector(usFormat: true)

    /// Byte classes: 0 nothing starts here, 1 digit, 4 `@`, 5 `+` or `(`. Letters are 0: no
    /// detector starts on a letter except IBAN, which is found from its check digits.
    static let classes: [UInt8] = {
        var t = [UInt8](repeating: 0, count: 256)
        for b in UInt8(ascii: "0")...UInt8(ascii: "9") { t[Int(b)] = 1 }
        t[Int(UInt8(ascii: "@"))] = 4
        t[Int(UInt8(ascii: "+"))] = 5
        t[Int(UInt8(ascii: "("))] = 5
        return t
    }()

    /// The first byte at or after `from` (before `n`) whose class is not 0 — a digit, `@`, `+` or
    /// `(` — or `n`: 16 bytes at a time, so prose and logs skip to the next place a detector can
    /// start in one step instead of a byte at a time after each punctuation mark.
    @inline(__always) static func nextCandidate(_ raw: UnsafeRawPointer, from: Int, _ n: Int) -> Int {
        let zero = SIMD16<UInt8>(repeating: 0x30), ten = SIMD16<UInt8>(repeating: 10)
        let at = SIMD16<UInt8>(repeating: 0x40), plus = SIMD16<UInt8>(repeating: 0x2B), paren = SIMD16<UInt8>(repeating: 0x28)
        return VectorSearch.first(raw, from: from, n, vector: { v in
            VectorSearch.lanes(v &- zero .< ten) | VectorSearch.lanes(v .== at) | VectorSearch.lanes(v .== plus) | VectorSearch.lanes(v .== paren)
        }, byte: { b in b &- 0x30 < 10 || b == 0x40 || b == 0x2B || b == 0x28 })
    }

    /// Whether `scan` could find anything in `span` under `.nonPersonal`: there it asks no number
    /// detector, so only an e-mail (an `@`) or an IBAN (at least 15 bytes with two letters and
    /// two digits in a row) can be found.
    static func mayHoldNonPersonalFinding(_ span: UnsafeBufferPointer<UInt8>) -> Bool {
        let n = span.count
        guard let base = span.baseAddress, n > 0 else { return false }
        if memchr(base, 0x40, n) != nil { return true }
        guard n >= 15 else { return false }
        var i = 0
        while i + 3 < n {
            if ASCII.isLetter(span[i]) && ASCII.isLetter(span[i + 1]) && ASCII.isDigit(span[i + 2]) && ASCII.isDigit(span[i + 3]) { return true }
            i += 1
        }
        return false
    }

    /// Under a label naming one scheme, whether a code of a scheme in `distinctForms` is still
    /// taken (leaked tables put foreigners' codes in the `isikukood` column). Controller
    /// registers turn it off: there a key's scheme is exact.
    public var readsOtherSchemes = true

    public init(phoneCountries: [String] = PhoneDetector().defaultCountries) {
        var p = PhoneDetector()
        p.defaultCountries = phoneCountries
        phone = p
    }

    /// Scans `span` and calls `emit` for each finding (offsets relative to the span).
    /// `preferCountry` breaks ties between national IDs that validate under several schemes
    /// (an Estonian and a Lithuanian code share one format).
    public func scan(_ span: UnsafeBufferPointer<UInt8>, hint: FieldHint, preferCountry: String?,
                     _ emit: (Finding) -> Void) {
        var candidates: [Finding] = []
        scan(span, hint: hint, preferCountry: preferCountry, candidates: &candidates, emit)
    }

    /// `scan` with a caller's buffer for the national-ID candidates at one position (the record
    /// assembler keeps one per document, so an identifier column allocates no array per field).
    public func scan(_ span: UnsafeBufferPointer<UInt8>, hint: FieldHint, preferCountry: String?,
                     candidates: inout [Finding], _ emit: (Finding) -> Void) {
        let n = span.count
        var i = 0
        let classes = FieldScanner.classes
        defer { candidates.clear() }
        let raw = UnsafeRawPointer(span.baseAddress)
        while i < n {
            // Straight to the next byte a detector can start on.
            if let raw {
                i = Self.nextCandidate(raw, from: i, n)
                if i >= n { break }
            }
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
            if !boundary {
                // `EE38 2200…`: an IBAN's country letters stand right before its check digits.
                if c == 1, i >= 2, i + 1 < n, ASCII.isDigit(span[i + 1]), ASCII.isLetter(span[i - 1]), ASCII.isLetter(span[i - 2]),
                   i == 2 || !ASCII.isAlnum(span[i - 3]), let f = iban.match(span, at: i - 2, hint: hint) {
                    emit(f)
                    i = f.offset + f.length
                    continue
                }
                i += 1
                while i < n && ASCII.isAlnum(span[i]) { i += 1 }
                continue
            }
            var found: Finding?
            var shapeEnd = -1
            switch c {
            case 1:
                guard hint != .nonPersonal else { break }
                if case .none = hint {
                    // Unlabelled text: look at the number's shape first, so that dates, times,
                    // amounts and short numbers never reach the detectors.
                    let shape = NumberShape(span, i)
                    if shape.groups > 1 { shapeEnd = shape.end }
                    // Nine plain digits are a US SSN only after its name (`my SSN is 186153527`);
                    // `NNN NNN NNNN` is an NHS number only after its name, since Nordic phones are
                    // grouped alike (`Tfn 040 482 2053`).
                    let ssnShaped = shape.groups == 1 && shape.leading == 9
                    let nhsShaped = shape.groups == 3 && shape.lengths.0 == 3 && shape.lengths.1 == 3 && shape.lengths.2 == 4
                    // `PESEL 44051401359` in running text: the word before names the scheme.
                    let named = shape.nationalCandidate || ssnShaped && DecoyContext.mayNameSSNBefore(span, i) ? DecoyContext.schemeBefore(span, i) : nil
                    if shape.nationalCandidate && !(nhsShaped && named != .ukNhsNumber) || ssnShaped && named == .usSsn {
                        let h = named.map { FieldHint.nationalID($0) } ?? hint
                        candidates.clear()
                        matchNationals(span, i, h, &candidates)
                        found = choose(candidates, hint: h, preferCountry: preferCountry)
                        // `isikukood 020386-1646`: a Finnish code after an Estonian word.
                        if found == nil, let named, readsOtherSchemes {
                            found = otherScheme(span, i, named: named, preferCountry: preferCountry, &candidates)
                        }
                    }
                    if found == nil && shape.cardCandidate { found = card.match(span, at: i, hint: hint) }
                    if found == nil && shape.phoneCandidate { found = phone.match(span, at: i, hint: hint) }
                    // `Puh. 0404822053`: one group of digits is a phone after a phone word.
                    // (National forms: a trunk `0`, or eight digits where there is none: EE, LV, LT, NO, DK.)
                    if found == nil && shape.groups == 1 && shape.total >= 7 && shape.total <= 13 && (span[i] == 0x30 || shape.total == 8)
                        && DecoyContext.phoneWordBefore(span, i) {
                        found = phone.match(span, at: i, hint: .phone)
                    }
                    // `Kaart 2901270142262`, `kliendikaardile 2904 6240 7362 5`: a loyalty card's
                    // EAN-13 after a card word.
                    if found == nil && shape.total == 13 && (shape.groups == 1 || shape.separators == 0x20) {
                        found = Self.loyaltyCard(span, i, end: shape.end)
                    }
                } else {
                    // The label's own detector first, then the others (a misfiled value); none
                    // is asked twice.
                    var phoneFirst = false, cardFirst = false
                    switch hint {
                    case .phone: phoneFirst = true
                    case .paymentCard: cardFirst = true
                    default: break
                    }
                    if phoneFirst { found = phone.match(span, at: i, hint: hint) }
                    if found == nil && cardFirst { found = card.match(span, at: i, hint: hint) }
                    if found == nil, case .dateOfBirth = hint { found = (preferCountry == "US" ? usDob : dob).match(span, at: i, hint: hint) }
                    if found == nil {
                        candidates.clear()
                        matchNationals(span, i, hint, &candidates)
                        found = choose(candidates, hint: hint, preferCountry: preferCountry)
                        if found == nil, readsOtherSchemes, case .nationalID(let named?) = hint {
                            found = otherScheme(span, i, named: named, preferCountry: preferCountry, &candidates)
                        }
                    }
                    if found == nil && !cardFirst { found = card.match(span, at: i, hint: hint) }
                    if found == nil && !phoneFirst { found = phone.match(span, at: i, hint: hint) }
                }
            case 5:
                if hint != .nonPersonal { found = phone.match(span, at: i, hint: hint) }
                if found == nil && span[i] == UInt8(ascii: "+") {
                    // `+380 (67) 432 3583`: a calling code no plan knows. Its digits are not a
                    // national number of another country (`(67) 432 3583` read as Polish).
                    i = Self.phoneShapeEnd(span, from: i + 1)
                    continue
                }
                if found == nil {
                    // `Külli Lõhmus (48604105909)`: no phone's area code in brackets, but the
                    // number in them is read as any other.
                    i += 1
                    continue
                }
            default:
                break
            }
            if let f = found, case .none = hint, f.element != .email, f.element != .iban, f.element != .loyaltyCard,
               DecoyContext.precedesNonPersonal(span, i) {
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
            // A number of several groups that is nothing (`NIP: 144-037-43-14`, a date, a
            // decoy's reference) is not read again from its second group (`037-43-14` would be a
            // Finnish phone number).
            if shapeEnd > i {
                i = shapeEnd
                continue
            }
            // Skip the rest of this alphanumeric run: no token starts inside it.
            i += 1
            while i < n && ASCII.isAlnum(span[i]) { i += 1 }
        }
    }

    /// Every national-ID interpretation of the number at `i` (concrete calls, no existentials).
    /// Under a label that names a scheme only that scheme's detector runs: `choose` would take
    /// nothing else.
    @inline(__always)
    func matchNationals(_ span: UnsafeBufferPointer<UInt8>, _ i: Int, _ hint: FieldHint, _ out: inout [Finding]) {
        @inline(__always) func run<D: Detector>(_ d: D) { if let f = d.match(span, at: i, hint: hint) { out.append(f) } }
        if case .nationalID(let t?) = hint {
            switch t {
            case .noFodselsnummer: run(FodselsnummerDetector())
            case .fiHetu: run(HETUDetector())
            case .eeIsikukood: run(IsikukoodDetector())
            case .ltAsmensKodas: run(AsmensKodasDetector())
            case .lvPersonasKods: run(PersonasKodsDetector())
            case .plPesel: run(PESELDetector())
            case .sePersonnummer: run(PersonnummerDetector())
            case .ukNhsNumber: run(NHSNumberDetector())
            case .dkCpr: run(CPRDetector())
            case .usSsn: run(SSNDetector())
            default: break
            }
            return
        }
        run(FodselsnummerDetector())
        run(HETUDetector())
        run(IsikukoodDetector())
        run(AsmensKodasDetector())
        run(PersonasKodsDetector())
        run(PESELDetector())
        run(PersonnummerDetector())
        run(NHSNumberDetector())
        run(CPRDetector())
        run(SSNDetector())
    }

    /// The end of the digits, `-`, `.`, `/`, parentheses and single spaces before a digit or `(`
    /// that follow a `+`: the rest of a written phone number.
    static func phoneShapeEnd(_ span: UnsafeBufferPointer<UInt8>, from: Int) -> Int {
        let n = span.count
        var i = from
        while i < n {
            let b = span[i]
            if ASCII.isDigit(b) || b == 0x2D || b == 0x2E || b == 0x2F || b == 0x28 || b == 0x29 { i += 1; continue }
            if b == 0x20, i + 1 < n, ASCII.isDigit(span[i + 1]) || span[i + 1] == 0x28 { i += 1; continue }
            break
        }
        return i
    }

    /// Schemes taken under another scheme's label: their written form cannot be read as a number
    /// of the labelled scheme (a century sign, a check letter or a dash), so a column named
    /// `isikukood` that holds a Finnish or Latvian code still yields that code. Plain 11-digit
    /// numbers are not re-read: a PESEL with a wrong check digit is no isikukood.
    static let distinctForms: Set<IdentifierType> = [.fiHetu, .lvPersonasKods, .sePersonnummer, .dkCpr]

    /// Schemes taken in plain digits under another scheme's label: a Norwegian fødselsnummer
    /// (two check digits and a date: a mistyped number of the labelled scheme passes them once
    /// in hundreds), and, under a label of an 11-digit scheme, a 10-digit NHS number or
    /// Swedish personnummer, which no 11-digit number is. A foreign patient's code sits in the
    /// `Isikukood` column of an Estonian lab's invoice.
    static func plainForms(under named: IdentifierType) -> [IdentifierType] {
        switch named {
        case .eeIsikukood, .ltAsmensKodas, .plPesel, .lvPersonasKods: return [.noFodselsnummer, .ukNhsNumber, .sePersonnummer]
        case .noFodselsnummer: return [.ukNhsNumber, .sePersonnummer]
        case .fiHetu, .sePersonnummer, .dkCpr, .ukNhsNumber: return [.noFodselsnummer]
        default: return []
        }
    }

    /// A national ID of a scheme in `distinctForms` written with a non-digit, at `i` under a
    /// label that names another scheme (`named`); nil when there is none. A Danish CPR (no check
    /// digit) is not read under a HETU or personnummer label: `DDMMYY-NNNN` is their form too,
    /// and a Finnish code with a wrong check character (`180174-1116`) would become a Dane.
    func otherScheme(_ span: UnsafeBufferPointer<UInt8>, _ i: Int, named: IdentifierType, preferCountry: String?,
                     _ candidates: inout [Finding]) -> Finding? {
        candidates.clear()
        matchNationals(span, i, .nationalID(nil), &candidates)
        candidates.removeAll { f in
            guard let t = f.identifier else { return true }
            if Self.plainForms(under: named).contains(t) { return false }
            guard Self.distinctForms.contains(t) else { return true }
            if t == .dkCpr && (named == .fiHetu || named == .sePersonnummer) { return true }
            return (f.offset..<(f.offset + f.length)).allSatisfy { ASCII.isDigit(span[$0]) }
        }
        return choose(candidates, hint: .nationalID(nil), preferCountry: preferCountry)
    }

    /// Picks one national-ID interpretation: the labelled scheme, else the document's country,
    /// else the detector order in `NationalIDs.all`.
    /// Under a label that names a scheme (`PESEL`, `isikukood`), only that scheme counts: a PESEL
    /// with a wrong check digit that happens to pass the Estonian check is no isikukood.
    func choose(_ candidates: [Finding], hint: FieldHint, preferCountry: String?) -> Finding? {
        if case .nationalID(let t?) = hint { return candidates.first { $0.identifier == t } }
        guard candidates.count > 1 else { return candidates.first }
        if let c = preferCountry, let f = candidates.first(where: { $0.identifier?.country == c }) { return f }
        return candidates[0]
    }
}

/// The shape of a number in unlabelled text, read once at its first digit: which detectors can
/// possibly match it. Digit groups are joined by single spaces, `-`, `.` or `/`.
extension FieldScanner {
    /// A card number of 13 digits (EAN-13, its check digit right) from `start` to `end`, after a
    /// card word (`DecoyContext.cardWordBefore`): a loyalty card, by its digits.
    static func loyaltyCard(_ span: UnsafeBufferPointer<UInt8>, _ start: Int, end: Int) -> Finding? {
        // The word first: a table cell's number (nothing before it) is answered without a copy.
        guard DecoyContext.cardWordBefore(span, start) else { return nil }
        var digits: [UInt8] = []
        digits.reserveCapacity(13)
        for k in start..<end where ASCII.isDigit(span[k]) { digits.append(span[k]) }
        guard digits.count == 13, ColumnSampler.isEAN13(digits) else { return nil }
        return Finding(element: .loyaltyCard, identifier: nil, value: digits, offset: start, length: end - start)
    }
}

struct NumberShape {
    var leading = 0
    var total = 0
    var groups = 0
    var lengths: (Int, Int, Int) = (0, 0, 0)
    var separators: UInt8 = 0
    var signAfterSix = false
    /// Just after the last digit read: the end of the number as written.
    var end = 0

    @inline(__always)
    init(_ span: UnsafeBufferPointer<UInt8>, _ start: Int) {
        let n = span.count
        var i = start
        while groups < 8 && i - start < 32 {
            var len = 0
            while i < n && ASCII.isDigit(span[i]) { i += 1; len += 1 }
            end = i
            if groups == 0 { leading = len }
            if groups < 3 {
                switch groups { case 0: lengths.0 = len; case 1: lengths.1 = len; default: lengths.2 = len }
            }
            total += len
            groups += 1
            guard i + 1 < n else { break }
            let sep = span[i]
            guard sep == 0x20 || sep == 0x2D || sep == 0x2E || sep == 0x2F, ASCII.isDigit(span[i + 1]) else {
                if groups == 1 && len == 6 && (ASCII.isUpper(sep) || sep == 0x2B) { signAfterSix = true }
                break
            }
            if separators == 0 { separators = sep }
            i += 1
        }
    }

    /// `2023-04-15`, `15.04.2023`, `4/15/2023`: never an identifier in unlabelled text.
    var isDate: Bool {
        groups == 3 && separators != 0x20 && ((lengths.0 == 4 && lengths.1 <= 2 && lengths.2 <= 2) || (lengths.0 <= 2 && lengths.1 <= 2 && lengths.2 == 4))
    }
    /// 11–12 plain digits (EE, LT, PL, NO, LV, SE long form), `DDMMYY` + sign (FI, SE `+`),
    /// `DDMMYY-NNNN(N)` (SE, DK, LV), `NNN-NN-NNNN`, `NNN NNN NNNN` (NHS).
    var nationalCandidate: Bool {
        if isDate { return false }
        // Before the one-group rule: `010594A9021`, `210685X6421` read as one group of six.
        if signAfterSix { return true }
        if groups == 1 { return leading == 11 || leading == 12 }
        return lengths.0 == 6 || (lengths.0 == 3 && total >= 9 && total <= 10)
            || (lengths.0 == 8 && lengths.1 == 4)
    }
    var cardCandidate: Bool { !isDate && total >= 12 && total <= 19 }
    /// National-format phone numbers need groups in unlabelled text (`040-123 4567`).
    var phoneCandidate: Bool { !isDate && groups >= 2 && total >= 7 && total <= 15 }
}
