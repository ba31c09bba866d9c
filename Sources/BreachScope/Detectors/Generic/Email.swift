/// E-mail addresses (a practical subset of RFC 5321 mailbox syntax), normalised trimmed and
/// lower-cased as a whole (a product decision: mailbox case is ignored in practice).
///
/// Format: `local@domain`. Local part ≤ 64 bytes of letters, digits and
/// ``.!#$%&'*+/=?^_`{|}~-``, no leading, trailing or double dot. Domain ≤ 253 bytes: at least two
/// labels of letters, digits and inner hyphens (≤ 63 each), a top-level label of ≥ 2 letters that
/// is not a file extension (`logo@2x.png` is an image name, not an address). `user@localhost`
/// and dotless domains are rejected; a sentence's trailing `.` is not part of the address.
///
/// In free text the local part is read with the common subset (letters, digits, `._%+-'`) so
/// that URL query strings (`?email=…`), pipes and quotes around an address do not stick to it;
/// `validate`/`normalize` of a whole field accept the full set.
///
/// The scanner finds the rare `@` with a fast byte search and calls `matchAround(_:at:)`;
/// `match(_:at:hint:)` serves the token-start protocol. Both report the same finding, at the
/// local part's first byte.
///
/// Fictitious example: `Mari.Maasikas@Example.EE.` → `mari.maasikas@example.ee`.
public struct EmailDetector: Detector {
    public init() {}

    public var element: ElementType { .email }
    public var triggers: DetectorTriggers { [.letter, .digit] }

    public func match(_ span: UnsafeBufferPointer<UInt8>, at start: Int, hint: FieldHint) -> Finding? {
        let n = span.count
        let limit = min(n, start + Self.maxLocal + 1)
        var i = start
        while i < limit && Self.isScanLocalByte(span[i]) { i += 1 }
        guard i < n, span[i] == UInt8(ascii: "@") else { return nil }
        guard let f = Self.matchAround(span, at: i), f.offset == start else { return nil }
        return f
    }

    /// Given the index of an `@` in `span`, expands left over the local part and right over the
    /// domain; returns the finding (offset = local part start) or nil.
    public static func matchAround(_ span: UnsafeBufferPointer<UInt8>, at: Int) -> Finding? {
        guard at > 0, at < span.count, span[at] == UInt8(ascii: "@") else { return nil }
        // Left: the longest run of local bytes, then drop leading punctuation (quotes, dots).
        var s = at
        let floor = max(0, at - 2 * maxLocal)
        while s > floor && isScanLocalByte(span[s - 1]) { s -= 1 }
        if s == floor && s > 0 && isScanLocalByte(span[s - 1]) { return nil }
        while s < at && !ASCII.isAlnum(span[s]) { s += 1 }
        guard s < at else { return nil }
        // `jürgen@…`: the run started inside a non-ASCII word.
        if s > 0 && span[s - 1] >= 0x80 { return nil }
        guard localIsValid(span, s, at, strict: false), !isRoleMailbox(span, s, at), !isMessageID(span, s) else { return nil }
        guard let end = domainEnd(span, from: at + 1), ASCII.isTokenEnd(span, end) else { return nil }
        var value: [UInt8] = []
        value.reserveCapacity(end - s)
        for i in s..<end { value.append(ASCII.lower(span[i])) }
        return Finding(element: .email, identifier: .email, value: value, offset: s, length: end - s)
    }

    /// Whether the address-shaped text at `s` is a message's id, not a mailbox: `<…>` after
    /// `message-id=` (a Postfix log's `cleanup` line), `Message-ID:`, `In-Reply-To:`, `msgid=`.
    static func isMessageID(_ span: UnsafeBufferPointer<UInt8>, _ s: Int) -> Bool {
        guard s >= 7, span[s - 1] == UInt8(ascii: "<") else { return false }
        var e = s - 1
        while e > 0 && span[e - 1] == 0x20 { e -= 1 }
        guard e > 0, span[e - 1] == UInt8(ascii: "=") || span[e - 1] == UInt8(ascii: ":") else { return false }
        e -= 1
        var b = e
        while b > 0 && e - b < 12 && (ASCII.isLetter(span[b - 1]) || span[b - 1] == UInt8(ascii: "-") || span[b - 1] == UInt8(ascii: "_")) { b -= 1 }
        let word = span[b..<e].map(ASCII.lower)
        return messageIDLabels.contains(word)
    }

    static let messageIDLabels: Set<[UInt8]> = Set(["message-id", "message_id", "messageid", "msgid", "msg-id", "in-reply-to",
                                                    "references", "content-id"].map { Array($0.utf8) })

    /// True when `text` (the whole of it) is one valid address.
    public static func validate(_ text: some Collection<UInt8>) -> Bool {
        let bytes = Array(text)
        return bytes.withUnsafeBufferPointer { isWholeAddress($0) }
    }

    /// `normalize` of a field's bytes written into `out` (replacing its contents), with no
    /// copy of the field: the offset of the address in `field`, or nil (then `out` is empty).
    static func normalize(_ field: UnsafeBufferPointer<UInt8>, into out: inout [UInt8]) -> Int? {
        out.clear()
        var lo = 0, hi = field.count
        while lo < hi && PhoneDetector.isSpace(field[lo]) { lo += 1 }
        while hi > lo && PhoneDetector.isSpace(field[hi - 1]) { hi -= 1 }
        guard isWholeAddress(UnsafeBufferPointer(rebasing: field[lo..<hi])) else { return nil }
        out.reserveCapacity(hi - lo)
        for i in lo..<hi { out.append(ASCII.lower(field[i])) }
        return lo
    }

    /// Trims ASCII whitespace and lower-cases a whole field value; nil if it is not one valid
    /// address.
    public static func normalize(_ text: some Collection<UInt8>) -> [UInt8]? {
        var out: [UInt8] = []
        let found = Array(text).withUnsafeBufferPointer { normalize($0, into: &out) }
        return found == nil ? nil : out
    }

    // MARK: - Grammar

    static let maxLocal = 64
    static let maxDomain = 253

    private static func isWholeAddress(_ b: UnsafeBufferPointer<UInt8>) -> Bool {
        guard let at = b.firstIndex(of: UInt8(ascii: "@")), at > 0 else { return false }
        guard localIsValid(b, 0, at, strict: true), !isRoleMailbox(b, 0, at) else { return false }
        return domainEnd(b, from: at + 1) == b.count
    }

    /// Local parts of an organisation's mailboxes (`info@`, `noreply@`, `support@`,
    /// `registratuur@`, `asiakaspalvelu@`, …): no natural person's address, so not an e-mail
    /// element and never a reason to merge the records that carry it.
    static let roleLocals: [[UInt8]] = [
        "info", "support", "noreply", "no-reply", "no_reply", "no.reply", "donotreply", "do-not-reply",
        "do_not_reply", "admin", "administrator", "postmaster", "webmaster", "hostmaster", "abuse",
        "mailer-daemon", "bounce", "bounces", "root", "sales", "office", "contact", "contacts", "help", "helpdesk",
        "service", "services", "customerservice", "customer-service", "customercare", "billing",
        "invoice", "invoices", "accounts", "accounting", "hr", "jobs", "careers", "recruitment",
        "press", "media", "marketing", "newsletter", "news", "security", "privacy", "dpo", "gdpr",
        "notifications", "notification", "alerts", "system", "enquiries", "inquiries", "orders",
        "hello", "team", "reception", "pharmacist", "pharmacy", "clinic", "laboratory", "lab",
        "apteek", "apotek", "apteekki", "apteka", "apotheke", "kliinik", "labor",
        "registratuur", "klienditugi", "arved", "kontakt", "tellimused", "andmekaitse",
        "asiakaspalvelu", "laskutus", "tuki", "vastaanotto", "tietosuoja", "kirjaamo",
        "kundservice", "kundtjanst", "fakturor", "dataskydd", "kundeservice",
        "biuro", "sekretariat", "sekretariaat", "kancelaria", "rejestracja", "recepcja",
        "kundendienst", "vertrieb", "buchhaltung", "datenschutz",
        // Notifications, results and shops (`teavitus@`: a lab's notification mailbox).
        "teavitus", "teavitused", "teated", "teenindus", "ilmoitus", "ilmoitukset", "meddelanden", "powiadomienia",
        "benachrichtigung", "tulemused", "vastused", "tulokset", "vastaukset", "results", "svar", "wyniki", "ergebnisse", "shop", "store", "pood", "kauppa",
        "sklep", "butik", "uudised", "uutiskirje", "nyhetsbrev",
        // Referrals a hospital or lab receives (`saatekirjad@`).
        "saatekirjad", "saatekiri", "lahetteet", "lähetteet", "remisser", "skierowania", "nosutijumi", "siuntimai", "referrals",
    ].map { Array($0.utf8) }
    private static let roleLengths: UInt64 = roleLocals.reduce(0) { $0 | 1 << UInt64($1.count) }
    private static let roles = LowercaseWordSet(roleLocals)

    /// Endings of compound role mailboxes in Finnish, Estonian and Swedish, which write an
    /// office as one word (`hoitotarvikejakelu@`: care-supplies distribution; `potilasneuvonta@`,
    /// `apteekkipalvelu@`, `kundtjanst@`): no surname ends like these.
    static let roleEndings: [[UInt8]] = [
        "jakelu", "palvelu", "palvelut", "kirjaamo", "toimisto", "neuvonta", "laskutus", "tilaukset",
        "vastaanotto", "teenindus", "klienditugi", "registratuur", "kundtjanst", "kundservice",
        "expedition", "kansliet",
    ].map { Array($0.utf8) }

    /// Whether `b[s..<e]` is one of `roleLocals`, or one word (letters only) ending in one of
    /// `roleEndings`, case ignored (no allocation: called per match).
    static func isRoleMailbox(_ b: UnsafeBufferPointer<UInt8>, _ s: Int, _ e: Int) -> Bool {
        let length = e - s
        guard length < 64 else { return false }
        if roleLengths & (1 << UInt64(length)) != 0 && roles.contains(b, s, e) { return true }
        if isTestOrRoleCompound(b, s, e) { return true }
        guard length >= 8 else { return false }
        // One word of letters (a person's `jussi.jakelu@` keeps their address): most persons'
        // addresses leave here, at their dot or digits.
        for i in s..<e where !ASCII.isLetter(b[i]) { return false }
        for ending in roleEndings where ending.count < length {
            var k = 0
            while k < ending.count && ASCII.lower(b[e - ending.count + k]) == ending[k] { k += 1 }
            if k == ending.count { return true }
        }
        return false
    }

    /// Test accounts' words (`qa.tester+00@`, `test.user+1@`, `demo2@`).
    static let testLocals: [[UInt8]] = ["test", "tester", "testing", "testuser", "qa", "dummy", "demo", "fake"].map { Array($0.utf8) }
    private static let tests = LowercaseWordSet(testLocals)
    /// Words that may stand beside a role's or a test's word (`test.user`).
    private static let companions = LowercaseWordSet(["user", "account", "acc"].map { Array($0.utf8) })

    /// Whether a local part made of words set apart by `.`, `_` or `-` (a `+` tag and trailing
    /// digits ignored) is a test account's or a role's: each word a role's (`rx.support`), a
    /// test's (`qa.tester+00`, `test.user+1`), a companion (`user`) or of one or two letters,
    /// and at least one a role's or a test's. A person's `mari.info@` has a word of their own.
    static func isTestOrRoleCompound(_ b: UnsafeBufferPointer<UInt8>, _ s: Int, _ e: Int) -> Bool {
        var end = s
        while end < e && b[end] != UInt8(ascii: "+") { end += 1 }
        var i = s, marked = false
        while i < end {
            var j = i
            while j < end && b[j] != UInt8(ascii: ".") && b[j] != UInt8(ascii: "_") && b[j] != UInt8(ascii: "-") { j += 1 }
            var w = j
            while w > i && ASCII.isDigit(b[w - 1]) { w -= 1 }
            if w - i > 2 {
                if tests.contains(b, i, w) || roles.contains(b, i, w) { marked = true }
                else if !companions.contains(b, i, w) { return false }
            } else if w - i > 0 && tests.contains(b, i, w) {
                marked = true
            }
            i = j + 1
        }
        return marked
    }

    /// Local-part bytes read in free text.
    @inline(__always) static func isScanLocalByte(_ b: UInt8) -> Bool {
        if ASCII.isAlnum(b) { return true }
        switch b {
        case UInt8(ascii: "."), UInt8(ascii: "_"), UInt8(ascii: "%"), UInt8(ascii: "+"),
             UInt8(ascii: "-"), UInt8(ascii: "'"): return true
        default: return false
        }
    }

    /// Local-part bytes of RFC 5321 dot-atoms.
    @inline(__always) static func isAtextByte(_ b: UInt8) -> Bool {
        if ASCII.isAlnum(b) { return true }
        switch b {
        case UInt8(ascii: "!"), UInt8(ascii: "#"), UInt8(ascii: "$"), UInt8(ascii: "%"),
             UInt8(ascii: "&"), UInt8(ascii: "'"), UInt8(ascii: "*"), UInt8(ascii: "+"),
             UInt8(ascii: "/"), UInt8(ascii: "="), UInt8(ascii: "?"), UInt8(ascii: "^"),
             UInt8(ascii: "_"), UInt8(ascii: "`"), UInt8(ascii: "{"), UInt8(ascii: "|"),
             UInt8(ascii: "}"), UInt8(ascii: "~"), UInt8(ascii: "-"): return true
        default: return false
        }
    }

    /// `b[s..<e]` is a dot-atom of ≤ 64 bytes.
    private static func localIsValid(_ b: UnsafeBufferPointer<UInt8>, _ s: Int, _ e: Int, strict: Bool) -> Bool {
        guard e > s, e - s <= maxLocal else { return false }
        var prevDot = true  // a leading dot is invalid
        for i in s..<e {
            let c = b[i]
            if c == UInt8(ascii: ".") {
                if prevDot { return false }
                prevDot = true
            } else {
                guard strict ? isAtextByte(c) : isScanLocalByte(c) else { return false }
                prevDot = false
            }
        }
        return !prevDot
    }

    /// Parses a domain starting at `from`; returns the index after it, or nil if invalid.
    /// Stops before a dot that is not followed by another label (end of sentence).
    static func domainEnd(_ b: UnsafeBufferPointer<UInt8>, from: Int) -> Int? {
        let n = b.count
        var j = from
        var labels = 0
        var lastStart = from
        while true {
            let ls = j
            while j < n && (ASCII.isAlnum(b[j]) || b[j] == UInt8(ascii: "-")) {
                j += 1
                if j - ls > 63 { return nil }
            }
            guard j > ls, b[ls] != UInt8(ascii: "-"), b[j - 1] != UInt8(ascii: "-") else { return nil }
            labels += 1
            lastStart = ls
            if j + 1 < n && b[j] == UInt8(ascii: ".") && ASCII.isAlnum(b[j + 1]) {
                j += 1
                continue
            }
            break
        }
        guard labels >= 2, j - from <= maxDomain else { return nil }
        let tldLength = j - lastStart
        guard tldLength >= 2 else { return nil }
        for i in lastStart..<j where !ASCII.isLetter(b[i]) { return nil }
        if isFileExtension(b, lastStart, j) { return nil }
        return j
    }

    /// Image/asset extensions that appear as `name@2x.png` in markup.
    private static func isFileExtension(_ b: UnsafeBufferPointer<UInt8>, _ s: Int, _ e: Int) -> Bool {
        var key: UInt32 = 0
        let len = e - s
        guard len <= 4 else { return false }
        for i in s..<e { key = key << 8 | UInt32(ASCII.lower(b[i])) }
        switch key {
        case 0x706E_67, 0x6A70_67, 0x6A70_6567, 0x6769_66, 0x7376_67, 0x7765_6270, 0x6373_73, 0x6A73,
             0x626D_70, 0x6963_6F:  // png jpg jpeg gif svg webp css js bmp ico
            return true
        default:
            return false
        }
    }
}
