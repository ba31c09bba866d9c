/// Classifies field labels — CSV headers, JSON keys, `Label:` prefixes in text — into
/// `FieldHint`s using multilingual vocabularies (et, ru, fi, sv, pl, en, de, lv, lt, no, da).
///
/// How a label is matched, in order:
/// 1. normalise it (`normalize(_:)`): lower-case, fold the diacritics of the supported Latin
///    alphabets (`Förnamn` → `fornamn`, `Vārds` → `vards`), Cyrillic stays Cyrillic, drop
///    spaces and `_ - . : # * / ' " ( ) [ ]`, so `first_name`, `First Name` and `firstName` meet;
/// 2. look the whole label up in the vocabulary (`exact`);
/// 3. apply "anywhere in the label" rules for unambiguous tokens (`loyalty`, `email`, `isikukood`);
/// 4. strip a qualifier prefix (`customer`, `kliendi`, `billing`, …) and/or suffix
///    (`home`, `1`, `2`, …) and look the rest up again (`customer_email`, `phone_2`);
/// 5. match a known suffix (`…email`, `…phone`, `…address`) unless the label names a thing
///    rather than a person (`product_name`, `company_address`).
/// Called once per column or label, never per value, so `String` work is fine here.
public enum FieldClassifier {
    /// Titles of delivery lists: a driver's route sheet (`Ajolista 2023-03-02 – reitti 4`,
    /// `Körlista`, `Route sheet`, `Маршрутный лист`, …). Every person on such a list had goods
    /// delivered to their door on that round, which is `delivery_info`.
    static let deliveryListTitles: [[UInt8]] = [
        "ajolista", "ajoreitti", "jakelulista", "toimituslista", "kuljetuslista", "körlista", "leveranslista",
        "utkörningslista", "route sheet", "route list", "delivery list", "delivery route", "delivery manifest",
        "driver manifest", "marsruudileht", "marsruut", "tarneleht", "kullerileht", "lista dostaw", "trasa kuriera",
        "маршрутный лист", "лист доставки", "список доставки", "lieferliste", "tourenplan", "fahrerliste",
        "maršruta lapa", "piegādes saraksts", "maršruto lapas", "pristatymų sąrašas", "kørseliste", "leveringsliste",
        "kjøreliste",
    ].map { Array($0.utf8) }

    /// Word stems of file names that say the file lists deliveries (`kuulolaiteasiakkaat_toimitukset_Q3.tsv`,
    /// `deliveries_2023.csv`, `leveranser.xlsx`).
    static let deliveryFileStems: [String] = [
        "toimitukse", "toimitus", "deliveries", "delivery", "leveranser", "leverans", "tarned", "tarne",
        "dostawy", "dostaw", "lieferung", "доставк", "piegād", "pristatym", "leveringer", "levering",
        "ajolista", "kuljetukse", "utkörning", "shipments",
    ]

    /// Whether a document's file name (its last path component) has a word starting with one of
    /// `deliveryFileStems`: each of its records that names a person received deliveries.
    public static func namesDeliveries(fileName: String) -> Bool {
        let last = fileName.split(separator: "/").last.map(String.init) ?? fileName
        let words = last.lowercased().split { !$0.isLetter }
        return words.contains { w in deliveryFileStems.contains { w.hasPrefix($0) } }
    }

    /// Whether a document's first line is the title of a delivery list: it starts with one of
    /// `deliveryListTitles`, case ignored, or has one after a spaced dash or bar
    /// (`KOTIHOIVALOGISTIIKKA OY - AJOLISTA`; not after a label's colon: `Asiakas: Ajolista Oy`),
    /// followed by the end of the line or a non-letter.
    static func startsDeliveryList(_ line: UnsafeBufferPointer<UInt8>) -> Bool {
        let head = NameDetector.lowercase(Array(line.prefix(96)))
        var starts = [0]
        for i in head.indices where i + 2 < head.count && head[i] == 0x20 {
            // ` - `, ` – ` (U+2013), ` | `: a title after a company's name.
            if head[i + 1] == UInt8(ascii: "-") || head[i + 1] == UInt8(ascii: "|"), head[i + 2] == 0x20 { starts.append(i + 3) }
            if i + 4 < head.count && head[i + 1] == 0xE2 && head[i + 2] == 0x80 && head[i + 3] == 0x93 && head[i + 4] == 0x20 { starts.append(i + 5) }
        }
        for s in starts {
            let tail = head[s...]
            for title in deliveryListTitles where tail.count >= title.count && tail.starts(with: title) {
                let after = s + title.count
                if after == head.count || !ASCII.isLetter(head[after]) && head[after] < 0x80 { return true }
            }
        }
        return false
    }

    /// The hint for a label, or `nil` when the label is not recognised as a personal-data label.
    /// Matching is case-insensitive and ignores punctuation, spaces, `_`/`-` and diacritics.
    public static func hint(forLabel label: String) -> FieldHint? {
        // An OData annotation (`birthdate@OData.Community.Display.V1.FormattedValue`) says what
        // its property says.
        if let at = label.firstIndex(of: "@"), at > label.startIndex,
           label[label.index(after: at)...].lowercased().hasPrefix("odata.") || label[label.index(after: at)...].hasPrefix("Microsoft.") {
            return hint(forLabel: String(label[..<at]))
        }
        // A Dynamics lookup (`_parentcustomerid_value`, `_ownerid_value`): the id of another
        // record, the contact's organisation or its owner, no key of the contact's.
        if label.hasPrefix("_") && label.hasSuffix("_value") && label.count > 7 { return .nonPersonal }
        // Magento's `default_shipping`, `default_billing`: the number of the customer's address
        // row, no delivery information.
        if ["default_shipping", "default_billing", "defaultshipping", "defaultbilling"].contains(label.lowercased()) { return .nonPersonal }
        // A log platform's dotted field (Elastic's `service.name`, `host.name`, `agent.name` in a
        // Kibana export): software's, no person's name.
        if let dot = label.lastIndex(of: "."), dot > label.startIndex, !label.hasPrefix("$"),
           namesSoftwareThing(String(label[..<dot])) || ["host", "agent", "process", "container", "cloud", "ecs", "log"].contains(String(label[..<dot]).lowercased()) {
            let step = hintOfLabel(normalize(String(label[label.index(after: dot)...])), String(label[label.index(after: dot)...]))
            if step == .fullName || step == .firstName || step == .lastName { return .nonPersonal }
        }
        let key = normalize(label)
        guard !key.isEmpty else { return nil }
        if let h = hintOfLabel(key, label) { return h }
        // A customisation's publisher prefix (Dynamics' `khl_asiakasnumero`, `new_phone`,
        // `cf_email`): the field's own name after it. (Not a name: `company_name`, `file_name`
        // are a company's and a file's.)
        if let rest = withoutPublisherPrefix(label) {
            if let h = hintOfLabel(normalize(rest), rest) {
                switch h {
                case .fullName, .firstName, .lastName: return nil
                default: return h
                }
            }
        }
        // A Solr dynamic field (`nazwisko_t`, `data_ur_dt`, `adres_txt`, `telefon_s`): its type
        // suffix says nothing of what it holds.
        if let cut = label.lastIndex(of: "_"), cut > label.startIndex, solrSuffixes.contains(String(label[label.index(after: cut)...])) {
            return hint(forLabel: String(label[..<cut]))
        }
        return nil
    }

    static let solrSuffixes: Set<String> = ["s", "t", "txt", "dt", "ss", "i", "l", "b", "d", "f", "tdt", "txt_pl", "txt_en", "ls", "is"]

    /// A label after a customisation's publisher prefix (`khl_asiakasnumero` → `asiakasnumero`:
    /// letters and `_`, eight letters at most), or nil.
    static func withoutPublisherPrefix(_ label: String) -> String? {
        guard let us = label.firstIndex(of: "_"), us > label.startIndex, label.distance(from: label.startIndex, to: us) <= 8,
              label[..<us].allSatisfy({ $0.isASCII && $0.isLetter }), label[label.index(after: us)...].contains(where: \.isLetter)
        else { return nil }
        return String(label[label.index(after: us)...])
    }

    private static func hintOfLabel(_ key: String, _ label: String) -> FieldHint? {
        guard !key.isEmpty else { return nil }
        // The organisation's own people in a record: a route sheet's driver (`Kuljettajan puh.`),
        // an order's physician (`orderedBy`), a ticket's agent. Their names and contacts are
        // no data subject's, and their phone on every row would join all the rows' persons.
        if isStaffKey(key) { return .nonPersonal }
        if exact[key] == nil, label.contains("/") {
            // A bilingual header (`Прізвище / Nazwisko`, `Паспорт / Paszport`): a part that is a
            // label as it stands says what the column is; then the whole; then the parts' rules.
            let parts = label.split(separator: "/").map { normalize(String($0)) }.filter { !$0.isEmpty }
            if parts.count >= 2 {
                for part in parts { if let h = exact[part] { return h } }
                if let h = classify(key, allowStrip: true) { return h }
                for part in parts { if let h = classify(part, allowStrip: true) { return h } }
                return nil
            }
        }
        return classify(key, allowStrip: true)
    }

    /// Whether a header names an internal key (`sync_id`, `eventId`, `Order ID`, `row.id`): a
    /// column of numbers that look like phones by their digits alone is none.
    public static func namesInternalID(_ label: String) -> Bool {
        let t = label.trimmingCharacters(in: .whitespaces)
        guard t.count > 3 else { return false }
        let lower = t.lowercased()
        for suffix in ["_id", "-id", ".id", " id", "_nr", "_no", "_key", "_uuid", "uuid", "guid"] where lower.hasSuffix(suffix) { return true }
        // camelCase: `eventId`, `syncID`.
        if t.hasSuffix("Id") || t.hasSuffix("ID") {
            let before = t.dropLast(2).last
            return before.map { $0.isLowercase } ?? false
        }
        return false
    }

    /// Whether a header names a measure, a position or a date (`loc.end`, `num.mark`, `read_count`,
    /// `seg.mean`, `coverage`, `LAST_FILL_DATE`): its numbers are no phones even when they fit a
    /// plan (a segment file's coordinates are eight digits, as Danish and Norwegian numbers are;
    /// so is a date written `03062014`).
    public static func namesMeasure(_ label: String) -> Bool {
        label.lowercased().split(whereSeparator: { !$0.isLetter }).contains { measureWords.contains(String($0)) }
    }

    static let measureWords: Set<String> = [
        "start", "end", "pos", "position", "loc", "locus", "chrom", "chr", "length", "len", "size", "count", "num",
        "mean", "median", "depth", "coverage", "cov", "reads", "qual", "quality", "score", "offset", "bytes", "amount",
        "total", "sum", "qty", "quantity", "min", "max", "avg", "width", "height", "weight", "duration", "ms",
        "date", "datum", "time", "timestamp", "dt", "pvm", "kuupäev", "kuupaev", "fecha",
    ]

    /// A part of a name under a name's key or element (`"name": {"given": …, "family": …}`,
    /// `<Nimi><Suku>…</Suku><Etu>…</Etu></Nimi>`): short words that alone say nothing (asked
    /// only for labels the vocabulary does not know: `Vorname`, `Nazwisko` are in it).
    public static func namePart(_ label: String) -> FieldHint? {
        switch normalize(label) {
        case "first", "given", "etu", "ees", "for": .firstName
        case "last", "family", "sur", "suku", "pere", "efter": .lastName
        // The whole name written out (SCIM's `name.formatted`, FHIR's `name.text`).
        case "formatted", "text", "full", "display": .fullName
        default: nil
        }
    }

    /// Whether a JSON key names someone or something other than the record's person — the
    /// ordering provider, a clinic, a doctor, a pet, a test, a product, a store, a company — so
    /// that the names, addresses and phones under it are not the person's
    /// (`"orderingProvider": {"name": …}`, `"lemmikloomad": [{"nimi": …}]`).
    public static func namesOtherEntity(_ label: String) -> Bool {
        let key = normalize(label)
        guard !key.isEmpty else { return false }
        for token in otherEntityTokens where key.contains(token) { return true }
        if isStaffKey(key) { return true }
        // A bare `items` is an API page's records as often as an order's lines (whose names
        // are purchases: `JSONReader.productNameKeys`); `orderItems`, `itemName` are lines.
        if key == "items" || key == "item" { return false }
        if doctorKeys.contains(key) { return true }
        for token in otherEntityShortTokens where key.hasPrefix(token) || key.hasSuffix(token) { return true }
        return otherEntityKeys.contains(key)
    }

    /// Whether a label names the organisation's or a provider's people acting in their role: staff
    /// keys (`orderedBy`, `driver`, `assignedTo`), doctor labels (`Saatja arst`, `Nosūtītājs`) and
    /// keys of a doctor or clinician (`orderingPhysician`, `referringDoctor.email`). Their e-mails
    /// and phones are staff values (`RecordAssembler.markStaff`), no one's anywhere; an
    /// organisation's (`provider`, `clinic`, `employer`) are only not the record's.
    public static func namesStaffMember(_ label: String) -> Bool {
        let key = normalize(label)
        guard !key.isEmpty else { return false }
        if isStaffKey(key) || doctorKeys.contains(key) { return true }
        for token in staffMemberTokens where key.contains(token) { return true }
        return key.hasPrefix("arst") || key.hasSuffix("arst") || key.hasPrefix("arzt") || key.hasSuffix("arzt")
    }

    /// A doctor or clinician anywhere in a key (not `arst`/`arzt`, which start or end one).
    private static let staffMemberTokens: [String] = [
        "doctor", "physician", "practitioner", "clinician", "referrer", "referring", "lääkäri", "läkare",
        "lekarz", "врач", "gydytoj", "geneticist",
    ].map(normalize)

    /// Whether a column names the manager of a store or a branch (`Juhataja`, `Store manager`,
    /// `Kierownik`): a list of the organisation's sites, whose e-mails, phones and addresses are
    /// the sites', not persons'.
    public static func namesStaffRole(_ label: String) -> Bool { isLabel(label, in: staffRoleKeys) }

    /// Whether `label`, normalised, is one of `keys`.
    private static func isLabel(_ label: String, in keys: Set<String>) -> Bool {
        let key = normalize(label)
        return !key.isEmpty && keys.contains(key)
    }

    /// Whether a column names one of the organisation's sites (`Punkt`, `Store`, `Filiaal`): in a
    /// row that names no person and whose phones are fixed lines, the contacts are the site's
    /// (a lab's collection points, a chain's pharmacies), not a data subject's.
    public static func namesSite(_ label: String) -> Bool { isLabel(label, in: siteKeys) }

    /// What a column says of a user account: its role (`role`, `user_type`: `agent`, `admin`,
    /// `end-user`) or a staff flag (`is_staff`, `is_superuser`: `true`, `1`). Only a record's own
    /// field, or its user object's (`user.roles` of a Mattermost export's line): a comment
    /// author's role nested in a ticket (`comments[].author.role`) is not the requester's.
    /// (`exportOwner`: a field of the account a chat export was made from, Telegram's
    /// `personal_information`: the organisation's support account.)
    public enum AccountRole: Sendable { case none, role, staffFlag, exportOwner }

    public static func accountRole(_ label: String) -> AccountRole {
        let own = label.hasPrefix("$.") ? label.dropFirst(2) : Substring(label)
        if own.hasPrefix("personal_information.") { return .exportOwner }
        guard !own.contains("[") else { return .none }
        let steps = own.split(whereSeparator: { $0 == "." || $0 == "/" })
        guard let last = steps.last, steps.count == 1 || (steps.count == 2 && accountObjects.contains(normalize(String(steps[0]))))
        else { return .none }
        let key = normalize(String(last))
        if accountRoleKeys.contains(key) { return .role }
        if staffFlagKeys.contains(key) { return .staffFlag }
        return .none
    }

    private static let accountObjects: Set<String> = Set(["user", "account", "member", "profile"].map(normalize))
    private static let accountRoleKeys: Set<String> = Set(["role", "roles", "user role", "user_role", "user type", "user_type",
                                                           "usertype", "account role", "account type", "account_type"].map(normalize))
    private static let staffFlagKeys: Set<String> = Set(["is_staff", "is staff", "is_superuser", "is superuser", "is_admin",
                                                         "is admin", "isstaff", "isadmin"].map(normalize))

    /// Whether a value of an account's role or staff flag (`accountRole`) makes the account a
    /// staff member's: `agent`, `admin`, `staff`, `employee` …; `true`, `1`, `t`, `yes`.
    public static func namesStaffAccount(_ value: UnsafeBufferPointer<UInt8>, _ kind: AccountRole) -> Bool {
        guard value.count <= 32 else { return false }
        let lower = value.map { ASCII.lower($0) }
        switch kind {
        case .none: return false
        case .role: return staffRoleValues.contains(lower)
        case .staffFlag: return staffFlagValues.contains(lower)
        case .exportOwner: return true
        }
    }

    /// (Mattermost's `system_user`, `system_admin`: a member of the organisation's own chat;
    /// its guests are `system_guest`.)
    private static let staffRoleValues: Set<[UInt8]> = Set(["agent", "light_agent", "admin", "administrator", "staff", "employee",
                                                            "superuser", "operator", "support", "moderator", "system_user",
                                                            "system_admin", "system_user system_admin"].map { Array($0.utf8) })
    private static let staffFlagValues: Set<[UInt8]> = Set(["true", "1", "t", "yes", "y"].map { Array($0.utf8) })

    /// Whether a column (its last path step) holds a message's id (`Message-ID`, SendGrid's
    /// `smtp-id`: `<5e8d0df6229f@ismtpd0041p1iad2.sendgrid.net>`): shaped like an e-mail address,
    /// no one's.
    public static func namesMessageID(_ label: String) -> Bool {
        messageIDKeys.contains(normalize(lastStep(label)))
    }

    /// A column's last step: a JSON path's last key (`subject` of `$.items[].message.headers.subject`),
    /// an XML path's last element, or the header itself.
    public static func lastStep(_ label: String) -> String {
        label.split(whereSeparator: { $0 == "." || $0 == "/" }).last.map(String.init) ?? label
    }

    private static let messageIDKeys: Set<String> = Set([
        "message id", "msgid", "smtp-id", "in-reply-to", "references", "sg_message_id", "internet message id",
    ].map(normalize))

    /// An organisation's sites. Non-personal labels too.
    private static let siteLabels = [
        "store", "store name", "pharmacy", "branch", "apteek", "kauplus", "filiaal", "esindus",
        "toimipiste", "toimipaikka", "myymälä", "apteekki", "apotek", "butik", "filial", "apteka",
        "sklep", "punkt", "punkt pobrań", "punkt pobrania", "placówka", "oddział", "filia",
        "apotheke", "filiale", "collection point", "пункт", "филиал", "отделение", "аптека",
        "магазин", "aptieka", "filiāle", "veikals", "vaistinė", "filialas", "parduotuvė",
    ]
    private static let siteKeys: Set<String> = Set(siteLabels.map(normalize))

    /// Whether a label introduces a person related to the record's (`Lapsevanem: Anu Sepapere,
    /// +372…`, `Seaduslik esindaja`, `Guardian`, `Next of kin`): a data subject of their own,
    /// whose name and contacts are not the record's person's. Text reads such a line as its own
    /// record (`TextReader`); in a table the column is another party's.
    public static func namesRelatedPerson(_ label: String) -> Bool { isLabel(label, in: relatedKeys) }

    static let relatedPersonLabels = [
        "lapsevanem", "seaduslik esindaja", "eestkostja", "hooldaja", "guardian", "legal guardian",
        "parent", "parent or guardian", "legal representative", "next of kin", "mother", "father",
        "huoltaja", "vanhempi", "laillinen edustaja", "äiti", "isä", "vårdnadshavare", "förälder",
        "god man", "opiekun", "opiekun prawny", "przedstawiciel ustawowy", "rodzic", "matka",
        "ojciec", "законный представитель", "родитель", "опекун", "мать", "отец",
        "erziehungsberechtigter", "gesetzlicher vertreter", "vormund", "likumiskais pārstāvis",
        "vecāks", "globėjas", "atstovas", "tėvai", "verge", "forelder", "værge", "forælder",
        "esindaja", "representative", "edustaja", "przedstawiciel", "представитель",
    ]
    private static let relatedKeys: Set<String> = Set(relatedPersonLabels.map(normalize))

    /// The group of a related person's columns in a table or a JSON/XML record that `name`
    /// belongs to, and the column's hint when its label alone says it (`Guardian` holds a name):
    /// `guardian_phone` and `Guardian name` are one group (`guardian`), `parent2_email` another
    /// (`parent2`), `$.patients[].emergencyContact.phone` the object `$.patients[].emergencyContact`.
    /// A row's guardian, emergency contact or spouse is a data subject of their own, whose
    /// name and contacts are not the row's person's (`RecordAssembler` reads them as a record
    /// of their own when the row names someone else). `nil` when the column is the record's own.
    public static func relatedGroup(_ name: String) -> (group: String, hint: FieldHint?)? {
        // A JSON path's steps (`$.patients[].guardian.name`); a header is one step.
        let parts = name.hasPrefix("$") ? name.split(separator: ".") : [Substring(name)]
        var path = ""
        for (i, part) in parts.enumerated() {
            let key = normalize(String(part))
            if i < parts.count - 1 {
                if relatedTableKeys.contains(key) { return (parts[0...i].joined(separator: "."), nil) }
                path += part + "."
                continue
            }
            // `Saaja/Maksja` (recipient or payer) is a bank statement's other party: the row's.
            guard !part.contains("/") else { return nil }
            // (A publisher's prefix, Dynamics' `khl_yhteyshenkilo`: the field's own name after it.)
            if !relatedTableKeys.contains(key), exact[key] == nil, let rest = withoutPublisherPrefix(String(part)),
               relatedTableKeys.contains(normalize(rest)) {
                return (path + normalize(rest), .fullName)
            }
            // The column holds their name (a payer's may be an organisation's, which is no
            // name: `Maksaja: Kymenlaakson hyvinvointialue`).
            if relatedTableKeys.contains(key) { return (path + key, .fullName) }
            guard exact[key] == nil else { return nil }
            for prefix in relatedPrefixes {
                if key.count > prefix.count && key.hasPrefix(prefix) {
                    var group = prefix
                    var rest = key.dropFirst(prefix.count)
                    while let d = rest.unicodeScalars.first, d.value >= 0x30 && d.value <= 0x39 {
                        group.unicodeScalars.append(d)
                        rest = rest.dropFirst()
                    }
                    if let h = relatedRemainder(String(rest), short: prefix.count <= 3) { return (path + group, h) }
                    // A caller's number (`Soittajan numero`) is their phone.
                    if callerPrefixes.contains(prefix) && numberWords.contains(String(rest)) { return (path + group, .phone) }
                    // A relative's genotype (`ema_gt`): theirs, read as text (`namesRelatedGenotype`).
                    if genotypeWords.contains(String(rest)) { return (path + group, FieldHint.none) }
                }
                if key.count > prefix.count && key.hasSuffix(prefix),
                   let h = relatedRemainder(String(key.dropLast(prefix.count)), short: prefix.count <= 3) {
                    return (path + prefix, h)
                }
            }
        }
        return nil
    }

    /// Whether a related person's column holds their genotype (`ema_gt`, `father_genotype`): a
    /// trio study's parent, whose record then carries the row's genetic data.
    public static func namesRelatedGenotype(_ label: String) -> Bool {
        let key = normalize(label)
        for prefix in relatedPrefixes where key.count > prefix.count && key.hasPrefix(prefix) {
            var rest = key.dropFirst(prefix.count)
            while let d = rest.unicodeScalars.first, d.value >= 0x30 && d.value <= 0x39 { rest = rest.dropFirst() }
            if genotypeWords.contains(String(rest)) { return true }
        }
        return false
    }

    private static let genotypeWords: Set<String> = Set([
        "gt", "genotype", "genotyp", "genotüüp", "genotyyppi", "genotipas", "genotips", "генотип",
    ].map(normalize))

    /// The hint of what a related person's label holds after its person word (`phone` in
    /// `guardian_phone`), when it is personal data; after a short word (`ema`, `far`) only a
    /// whole label counts (`ema` + `il` is no mother's).
    private static func relatedRemainder(_ rest: String, short: Bool) -> FieldHint? {
        guard !rest.isEmpty, let h = short ? exact[rest] : classify(rest, allowStrip: false) else { return nil }
        switch h {
        case .fullName, .firstName, .lastName, .email, .phone, .postalAddress, .addressPart, .nationalID, .dateOfBirth, .iban, .paymentCard:
            return h
        default: return nil
        }
    }

    /// Whether a column is a payment's reference text (`Selgitus`, `Verwendungszweck`,
    /// `Tytuł przelewu`): on a bank statement it names whom a payment was for
    /// (`NIPT Merike Kask 48310052465` on Toomas Kask's transfer), who is not always the payer.
    public static func namesPaymentReference(_ label: String) -> Bool { isLabel(label, in: paymentReferenceKeys) }

    private static let paymentReferenceKeys: Set<String> = Set([
        "selgitus", "makse selgitus", "maksekorralduse selgitus", "payment details", "payment reference",
        "purpose of payment", "payment purpose", "remittance information", "remittance info", "details of payment",
        "verwendungszweck", "tytuł przelewu", "tytułem", "tytuł płatności", "назначение платежа", "viesti",
        "maksun viesti", "meddelande", "betalningsmeddelande", "mērķis", "maksājuma mērķis", "paskirtis",
        "mokėjimo paskirtis", "melding", "besked",
    ].map(normalize))

    private static let callerPrefixes: Set<String> = Set(["caller", "callers", "soittajan", "helistaja", "uppringarens"].map(normalize))
    private static let numberWords: Set<String> = Set(["number", "numero", "nummer", "nr", "no", "phone", "tel"].map(normalize))

    /// Whole labels of a related person's column or object (`Guardian`, `emergencyContact`).
    private static let relatedTableKeys: Set<String> = relatedKeys.union([
        "guardians", "parents", "emergency contact", "emergency contacts", "emergency contact person", "ice contact",
        "contact person", "next of kin contact", "spouse", "relative", "relatives", "caregiver", "carer",
        "kontaktisik", "lähedane", "lähikontakt", "yhteyshenkilö", "omainen", "lähiomainen", "kontaktperson",
        "anhörig", "närstående", "osoba kontaktowa", "kontaktperson", "pårørende", "nærmeste pårørende",
        "angehöriger", "notfallkontakt", "контактное лицо", "родственник", "kontaktpersona", "kontaktinis asmuo",
        // A call log's caller (`Soittaja: Kyllikki Karjalainen (tytär)`; `asiakas itse` names no one else).
        "caller", "soittaja", "helistaja", "uppringare", "dzwoniący", "звонящий",
    ].map(normalize)).union(payerLabels.map(normalize))

    /// Words that start (or end) a related person's column label, genitives included
    /// (`Lapsevanema nimi`, `Huoltajan puhelin`, `telefon_opiekuna`), longest first.
    private static let relatedPrefixes: [String] = ([
        "guardian", "legal guardian", "parent", "mother", "mothers", "father", "fathers", "emergency contact",
        "emergency", "ice", "next of kin", "nok", "kin", "spouse", "spouses", "partner", "partners", "relative",
        "contact person", "caregiver", "carer", "legal representative", "caller", "callers", "soittajan", "helistaja",
        "uppringarens",
        "lapsevanem", "lapsevanema", "vanema", "ema", "isa", "eestkostja", "esindaja", "seadusliku esindaja",
        "kontaktisik", "kontaktisiku", "lähedase", "lähedane", "hooldaja", "abikaasa",
        "huoltaja", "huoltajan", "vanhempi", "vanhemman", "äidin", "isän", "yhteyshenkilö", "yhteyshenkilön",
        "omainen", "omaisen", "lähiomainen", "lähiomaisen", "puoliso", "puolison",
        "vårdnadshavare", "vårdnadshavarens", "förälder", "förälders", "mor", "mors", "far", "fars", "anhörig",
        "anhörigs", "närstående", "närståendes", "kontaktperson", "kontaktpersonens", "make", "maka",
        "foresatt", "foresattes", "verge", "værge", "pårørende", "pårørendes", "ektefelle", "ægtefælle", "forelder",
        "forælder", "opiekun", "opiekuna", "rodzic", "rodzica", "matka", "matki", "ojciec", "ojca", "osoba kontaktowa",
        "osoby kontaktowej", "małżonek", "małżonka", "przedstawiciel", "przedstawiciela",
        "erziehungsberechtigter", "erziehungsberechtigten", "vormund", "mutter", "vater", "angehöriger", "angehörigen",
        "notfallkontakt", "ehepartner", "elternteil",
        "опекун", "опекуна", "родитель", "родителя", "мать", "матери", "отец", "отца", "контактное лицо",
        "контактного лица", "родственник", "родственника", "супруг", "супруга", "представитель", "представителя",
        "aizbildnis", "aizbildņa", "vecāks", "vecāka", "māte", "mātes", "tēvs", "tēva", "kontaktpersona",
        "kontaktpersonas", "globėjas", "globėjo", "motina", "motinos", "tėvas", "tėvo", "atstovas", "atstovo",
        "sutuoktinis", "sutuoktinio",
        // Genitives of `payerLabels` (`Maksajan tilinumero`).
        "maksajan", "betalarens", "płatnika", "zahlers", "плательщика", "maksātāja", "mokėtojo",
    ] + payerLabels).map(normalize).sorted { $0.count > $1.count }

    /// Who paid for the record's person (a spouse, a parent): `Maksja`, `Maksja isikukood`, `payer_iban`.
    private static let payerLabels = [
        "payer", "maksja", "maksaja", "betalare", "płatnik", "zahler", "плательщик", "maksātājs", "mokėtojas", "betaler",
    ]

    /// The doctor who refers, orders, treats or signs, and the lab's authoriser: staff of a
    /// provider, no data subject (`Saatja arst: Siim Rohunurm, kood D49907, siim.rohunurm@…`).
    /// Non-personal labels naming another party.
    static let doctorLabels = [
        "saatja arst", "suunav arst", "suunaja", "raviarst", "perearst", "tellija arst",
        "lähettävä lääkäri", "lähettäjä lääkäri", "hoitava lääkäri", "remitterande läkare",
        "behandlande läkare", "lekarz kierujący", "lekarz zlecający", "zlecający", "lekarz prowadzący",
        "autoryzował", "wynik autoryzował", "referring doctor", "ordering physician", "ordering doctor",
        "attending physician", "authorised by", "authorized by", "validated by", "направивший врач",
        "лечащий врач", "überweisender arzt", "behandelnder arzt", "nosūtītājs ārsts", "siuntęs gydytojas",
        // A referral's sender (`Nosūtītājs: Thomas Thistlewood (D88593)`), in a referral the doctor.
        "nosūtītājs", "siuntėjas", "henvisende", "henvisende læge", "remitterande", "einsender", "überweiser",
        // A report's signer (`Allkirjastatud digitaalselt: Martin Lepasaar, laborigeneetik`).
        "allkirjastatud digitaalselt", "digitaalselt allkirjastanud", "allkirjastaja", "digitally signed by",
        "electronically signed by", "sähköisesti allekirjoittanut", "allekirjoittaja", "digitalt signerad av",
        "elektroniskt signerad av", "podpisano elektronicznie", "podpisał", "elektronisch signiert von",
        "digital signiert von", "elektroniski parakstījis", "elektroniniu parašu pasirašė", "электронно подписал",
        "digitalt signert av", "digitalt underskrevet af",
    ]
    private static let doctorKeys: Set<String> = Set(doctorLabels.map(normalize))

    /// A store's or branch's manager: staff of the organisation. Non-personal labels too.
    private static let staffRoleLabels = [
        "juhataja", "kaupluse juhataja", "apteegi juhataja", "manager", "store manager", "branch manager",
        "johtaja", "myymäläpäällikkö", "apteekkari", "föreståndare", "butikschef", "kierownik",
        "kierownik apteki", "kierownik sklepu", "leiter", "filialleiter", "marktleiter", "заведующий",
        "управляющий", "руководитель", "vadītājs", "vedėjas",
    ]
    private static let staffRoleKeys: Set<String> = Set(staffRoleLabels.map(normalize))

    /// Whole keys only: the lines of a receipt or an order (`"lines": [{"name": "Huulepalsam"}]`);
    /// as a part of a key they would catch `addressLines`.
    private static let otherEntityKeys: Set<String> = Set([
        "lines", "rows", "positions", "orderlines", "receiptlines", "basket", "cart", "ostukorv",
        "read", "tšekiread", "tooted", "rivit", "tilausrivit", "ostoskori", "rader", "orderrader",
        "pozycje", "koszyk", "строки", "позиции", "товары", "корзина", "eilutės", "rindas",
        // Doctors in Norwegian, Danish and English (as parts of keys they would catch `kollege`).
        "lege", "læge", "legen", "lægen", "henvisende lege", "rekvirerende lege", "remitterende læge",
        "behandlende lege", "behandlende læge", "clinician", "referring clinician", "gp",
    ].map(normalize))

    /// Whether a `name` key under `parent` (a JSON path's last step) names software, not a
    /// person: OpenTelemetry's `scope`, `spans[]`; Sentry's `browser`, `os`, `sdk`. (Not a
    /// `resource`: a FHIR bundle's entries are patients.)
    public static func namesSoftwareThing(_ parent: String) -> Bool {
        let step = parent.split(separator: ".").last.map { String($0) } ?? parent
        let key = normalize(step.hasSuffix("[]") ? String(step.dropLast(2)) : step)
        return softwareThings.contains(key)
    }

    private static let softwareThings: Set<String> = Set([
        "scope", "span", "spans", "instrumentationscope", "instrumentationlibrary", "sdk", "browser", "os",
        "runtime", "device", "library", "service", "logger", "tracer", "meter", "metric", "metrics", "event", "events",
    ].map(normalize))

    private static let otherEntityTokens: [String] = [
        "provider", "clinic", "hospital", "doctor", "physician", "referrer", "referring", "pharmac",
        "laborator", "animal", "product", "store", "company", "organi", "employer", "insurer",
        "insurance", "vendor", "supplier", "manufacturer", "practitioner", "institution",
        "tellija", "kliinik", "haigla", "apteek", "lemmikloom", "kindlustus", "tööandja", "ettevõt",
        "asutus", "raviasutus", "tilaaja", "sairaala", "klinikka", "lääkäri", "lemmikki", "eläin",
        "työnantaja", "vakuutus", "yritys", "sjukhus", "läkare", "husdjur", "arbetsgivare",
        "företag", "szpital", "przychodni", "lekarz", "zwierz", "pracodawc", "zleceniodaw",
        "krankenhaus", "haustier", "arbeitgeber", "auftraggeber", "больниц", "клиник", "врач",
        "питом", "животн", "работодател", "компани", "slimnīc", "ārst", "dzīvniek", "ligonin",
        "gydytoj", "gyvūn", "facility",
        // A document's own metadata and the ontologies it cites (a phenopacket's
        // `metaData.resources[].name`: `human phenotype ontology`). (Not `resources` alone: a
        // SCIM list's users are its `Resources`.)
        "metadata",
    ].map(normalize)

    /// The organisation's staff acting in their role, anywhere in a label: drivers and couriers,
    /// who ordered, signed or handled something. (Not `agent` alone: `user_agent`.)
    private static let staffTokens: [String] = [
        "driver", "kuljettaja", "courier", "kurier", "förare", "chaufför", "kierowca", "водител", "курьер",
        "autojuht", "vairuotoj", "fahrer", "sjåfør", "chauffør", "orderedby", "requestedby",
        "referredby", "signedby", "approvedby", "validatedby", "authorisedby", "authorizedby", "handledby",
        "createdby", "updatedby", "modifiedby", "creator", "assignedto", "assignee", "supportagent", "agentname",
        // A help desk's agent answering a ticket (Freshdesk's `responder_email`).
        "responder",
        "agentemail", "agentphone", "käsittelijä", "handläggare", "sachbearbeiter", "исполнитель",
        // An openEHR composition's author (`composer`: the geneticist who signed the result).
        "composer",
        // A register's table of the organisation's own employees (an Access export's `Tootajad`).
        "töötaja", "employees", "työntekijä", "anställd", "pracownik", "сотрудник", "darbinieks", "darbuotoj",
    ].map(normalize)

    /// Whether a normalised label names a staff member (a driver's licence is its holder's).
    /// (A bare `Agent:` is a transcript's speaker, whose line may hold the caller's answer:
    /// `Agent: Och ert telefonnummer? Uppringare: +358 45 999 7561.`)
    private static func isStaffKey(_ key: String) -> Bool {
        // An audit log's acting user (Okta's `actor.alternateId`: the admin or service account
        // that did it), at the key's start (`riskFactors` is none).
        staffTokens.contains(where: { key.contains($0) }) && !key.contains("licen") || key.hasPrefix("actor")
    }

    /// Short tokens, matched only at the start or end of a key (`pets`, `petName`, `tests`).
    private static let otherEntityShortTokens: [String] = [
        "pet", "pets", "test", "tests", "lab", "arst", "arzt", "praxis", "tier", "djur", "firma",
        "shop", "loom", "kaup", "pood", "item", "items",
    ].map(normalize)

    /// The normalised form used for lookups: lower-case, diacritics folded, separators dropped.
    static func normalize(_ label: String) -> String {
        var out = String.UnicodeScalarView()
        for scalar in label.lowercased().unicodeScalars {
            let v = scalar.value
            if let folded = fold[v] {
                out.append(contentsOf: folded.unicodeScalars)
            } else if v >= 0x300 && v <= 0x36F {
                // A combining mark of a decomposed letter: drop it, except the breve that
                // makes Cyrillic и into й (ё's diaeresis is folded away like the table does).
                if v == 0x306, let last = out.last, last == "и" {
                    out.removeLast()
                    out.append("й")
                }
            } else if dropped.contains(v) || (v < 0x80 && !isASCIIAlnum(v)) || v == 0xA0 {
                continue
            } else {
                out.append(scalar)
            }
        }
        return String(out)
    }

    // MARK: - Matching

    private static func classify(_ key: String, allowStrip: Bool) -> FieldHint? {
        if let h = exact[key] { return h }
        // English plurals of JSON keys ("phones", "emails", "addresses").
        if key.count > 4, key.hasSuffix("s"), key.unicodeScalars.allSatisfy({ $0.isASCII }),
           let h = exact[String(key.dropLast())] {
            return h
        }
        if let h = addressWordAndPart(key) { return h }
        for rule in containsRules where key.contains(rule.fragment) { return rule.hint }
        guard allowStrip else { return nil }
        if let h = stripped(key) { return h }
        if !nonPerson.contains(where: { key.contains($0) }) {
            for rule in suffixRules where key.hasSuffix(rule.fragment) && key != rule.fragment {
                return rule.hint
            }
        }
        return nil
    }

    /// An address word and the part after it (`aadress_tanav`, `address_city`,
    /// `osoite_postinumero`, `adres_miasto`): one part of a split address.
    private static func addressWordAndPart(_ key: String) -> FieldHint? {
        for word in addressWords where key.count > word.count && key.hasPrefix(word) {
            // (Dynamics' `address1_line1`, `address1_postalcode`: the first address's parts.)
            let rest = String(key.dropFirst(word.count).drop(while: { $0.isASCII && $0.isNumber }))
            if rest.hasPrefix("line"), rest.dropFirst(4).allSatisfy({ $0.isASCII && $0.isNumber }) { return .addressPart }
            if addressPartWords.contains(rest) { return .addressPart }
            if let h = exact[rest], h == .addressPart || h == .postalAddress { return .addressPart }
        }
        return nil
    }

    /// Per header label: a bare `kod` / `code` (no label of its own) beside a part of an address
    /// (`ULICA · KOD · MIASTO` of a Polish table): the postal code, a part of the address.
    public static func postalCodesBesideAddress(_ labels: [String]) -> [Bool] {
        let parts = labels.map { hint(forLabel: $0) == .addressPart }
        return labels.indices.map { k in
            ["kod", "code", "kods", "kodas"].contains(normalize(labels[k])) && hint(forLabel: labels[k]) == nil
                && (k > 0 && parts[k - 1] || k + 1 < labels.count && parts[k + 1])
        }
    }

    private static let addressWords: [String] = [
        "aadress", "address", "osoite", "adress", "adresse", "adres", "adrese", "adresas", "адрес",
    ].map(normalize)
    private static let addressPartWords: Set<String> = Set([
        "indeks", "city", "town", "zip", "zipcode", "postcode", "postalcode", "street", "miasto", "ulica", "kod",
        "postinumero", "kaupunki", "katu", "stad", "gata", "ort", "strasse", "plz", "miestas", "gatve", "iela",
        "pilseta", "indekss", "город", "улица", "индекс", "pasto kodas", "pastakods",
    ].map(normalize))

    /// `customer_email` → `email`, `phone2` → `phone`, `address_1` → an address part.
    private static func stripped(_ key: String) -> FieldHint? {
        var core = Substring(key)
        var numbered = false
        while let last = core.utf8.last, last >= 0x30 && last <= 0x39 {
            core = core.dropLast()
            numbered = true
        }
        for suffix in qualifierSuffixes where core.hasSuffix(suffix) && core.count > suffix.count {
            core = core.dropLast(suffix.count)
            break
        }
        var candidates = [core]
        for prefix in qualifierPrefixes where core.hasPrefix(prefix) && core.count > prefix.count {
            candidates.append(core.dropFirst(prefix.count))
        }
        for candidate in candidates where candidate.count < key.count {
            if let h = classify(String(candidate), allowStrip: false) {
                // `address_1`, `address2`: one line of a split address.
                if numbered, h == .postalAddress { return .addressPart }
                return h
            }
        }
        // `kaart_nr`, `card_no`, `bonus_id`: the number of a card or a customer key.
        for suffix in numberSuffixes where key.hasSuffix(suffix) && key.count > suffix.count + 2 {
            let h = classify(String(key.dropLast(suffix.count)), allowStrip: false)
            switch h {
            case .paymentCard?, .loyaltyCard?, .linkKey?: return h
            default: break
            }
        }
        return nil
    }

    private static func isASCIIAlnum(_ v: UInt32) -> Bool {
        (v >= 0x30 && v <= 0x39) || (v >= 0x61 && v <= 0x7A) || (v >= 0x41 && v <= 0x5A)
    }

    /// Separators dropped from labels (ASCII punctuation is dropped wholesale; these are the
    /// non-ASCII ones seen in exports).
    private static let dropped: Set<UInt32> = [0x2010, 0x2011, 0x2013, 0x2014, 0x2019, 0x00B7, 0x2116]

    /// Diacritic folds for the Latin letters of et, fi, sv, pl, de, lv, lt, no, da (lower case:
    /// the label is lower-cased first), plus ё → е so Russian labels match with or without it.
    private static let fold: [UInt32: String] = [
        0xE0: "a", 0xE1: "a", 0xE2: "a", 0xE3: "a", 0xE4: "a", 0xE5: "a", 0x101: "a", 0x105: "a",
        0xE6: "ae", 0xE7: "c", 0x107: "c", 0x10D: "c",
        0xE8: "e", 0xE9: "e", 0xEA: "e", 0xEB: "e", 0x113: "e", 0x117: "e", 0x119: "e",
        0x123: "g", 0xEC: "i", 0xED: "i", 0xEE: "i", 0xEF: "i", 0x12B: "i", 0x12F: "i",
        0x137: "k", 0x13C: "l", 0x142: "l", 0xF1: "n", 0x144: "n", 0x146: "n",
        0xF2: "o", 0xF3: "o", 0xF4: "o", 0xF5: "o", 0xF6: "o", 0xF8: "o", 0x14D: "o",
        0xDF: "ss", 0x15B: "s", 0x161: "s",
        0xF9: "u", 0xFA: "u", 0xFB: "u", 0xFC: "u", 0x16B: "u", 0x173: "u",
        0xFD: "y", 0xFF: "y", 0x17A: "z", 0x17C: "z", 0x17E: "z",
        0x451: "е",
    ]

    // MARK: - Vocabulary (labels are written as people write them; they are normalised on load)

    private static let customer = FieldHint.linkKey(namespace: "customer")
    private static let sample = FieldHint.linkKey(namespace: "sample")
    /// An identity document's number (a passport's, an ID card's): the key of a person who has no
    /// national ID here (a foreign patient), as written in each system (`FE222750`).
    static let document = FieldHint.linkKey(namespace: "document")

    private static let vocabulary: [(FieldHint, [String])] = [
        (.fullName, [
            "name", "full name", "fullname", "full_name", "customer name", "client name", "patient",
            "patient name", "person", "person name", "contact name", "display name", "holder name",
            "cardholder", "cardholder name", "account holder", "first and last name",
            // A card's owner (a loyalty card cache's `omanik`).
            "omanik", "kaardi omanik", "card owner", "владелец карты", "kortin omistaja",
            // Finvoice's buyer, a consumer on a home-care invoice (`BuyerOrganisationName`).
            "buyerorganisationname", "buyer organisation name",
            // A help desk's ticket: who reported it or asked (Jira's `<reporter>`, Zendesk's `requester`).
            "reporter", "requester",
            // A delivery's or a letter's: who receives it (`vastaanottaja`, `mottagare`, `odbiorca` below).
            "recipient", "recipient name", "addressee",
            "nimi", "täisnimi", "ees- ja perenimi", "eesnimi perenimi", "kliendi nimi", "isiku nimi",
            "patsient", "patsiendi nimi", "saaja", "vastuvõtja",
            "фио", "ф.и.о.", "имя фамилия", "фамилия имя", "фамилия имя отчество", "полное имя",
            "клиент фио", "пациент", "имя и фамилия", "піб", "п.і.б.", "прізвище ім'я по батькові",
            "прізвище та ім'я", "ім'я та прізвище", "пацієнт", "клієнт",
            "koko nimi", "nimi", "asiakkaan nimi", "potilas", "potilaan nimi", "etu- ja sukunimi",
            "vastaanottaja", "asiakas", "asiakkaan nimi",
            "namn", "fullständigt namn", "kundnamn", "patientnamn", "mottagare", "kund",
            "imię i nazwisko", "imie nazwisko", "nazwisko i imię", "imię nazwisko", "pacjent",
            "dane osobowe", "odbiorca",
            "vollständiger name", "vor- und nachname", "kundenname", "empfänger",
            "vārds uzvārds", "vārds, uzvārds", "pilns vārds", "pacients",
            "vardas pavardė", "vardas, pavardė", "pacientas",
            "navn", "fullt navn", "fulde navn", "kundenavn", "pasient", "patient navn",
        ]),
        (.firstName, [
            "first name", "firstname", "first_name", "given name", "givenname", "forename", "fname",
            "eesnimi", "имя", "ім'я", "etunimi", "etunimet", "förnamn", "tilltalsnamn", "imię", "imie",
            "vorname", "fornavn", "vārds", "vardas",
        ]),
        (.lastName, [
            "last name", "lastname", "last_name", "surname", "family name", "familyname", "lname",
            "perenimi", "perekonnanimi", "фамилия", "прізвище", "sukunimi", "efternamn", "nazwisko",
            "nachname", "familienname", "etternavn", "efternavn", "uzvārds", "pavardė",
        ]),
        (.postalAddress, [
            "address", "addresses", "street address", "street_address", "home address", "postal address",
            "mailing address", "residential address", "full address",
            "aadress", "elukoht", "postiaadress", "kodune aadress", "elukoha aadress",
            "адрес", "почтовый адрес", "адрес проживания", "место жительства", "адреса", "адрес регистрации",
            "адреса проживання", "місце проживання",
            "osoite", "postiosoite", "kotiosoite", "lähiosoite",
            "adress", "postadress", "hemadress", "gatuadress",
            "adres", "adres zamieszkania", "adres korespondencyjny",
            "adresse", "anschrift", "wohnadresse", "postadresse",
            "adrese", "dzīvesvieta", "adresas", "gyvenamoji vieta",
            "bopæl", "bostedsadresse",
        ]),
        (.addressPart, [
            "street", "street name", "streetname", "street1", "street2", "address line",
            "address line 1", "address line 2", "addressline1", "addressline2", "house number",
            "apartment", "apt", "city", "town", "municipality", "county", "province",
            "postal code", "postalcode", "postcode", "post code", "zip", "zip code", "zipcode",
            "tänav", "maja", "majanumber", "korter", "linn", "vald", "maakond", "asula", "küla",
            "postiindeks", "sihtnumber",
            // ISO 20022 (SEPA pain/camt): `PstlAdr` parts.
            "strtnm", "bldgnb", "pstcd", "twnnm", "adrline",
            // Finvoice's `BuyerStreetName`, `BuyerTownName`, `BuyerPostCodeIdentifier`.
            "townname", "cityname", "postcodeidentifier",
            "улица", "дом", "квартира", "город", "индекс", "почтовый индекс", "район",
            "katu", "katuosoite", "kaupunki", "kunta", "postitoimipaikka", "postinumero", "toimipaikka",
            "postinro", "paikkakunta", "kotikunta",
            "gata", "gatunamn", "stad", "ort", "postort", "postnummer", "kommun", "län",
            "ulica", "nr domu", "numer domu", "nr mieszkania", "miasto", "miejscowość",
            "kod pocztowy", "województwo", "gmina",
            "straße", "strasse", "hausnummer", "stadt", "wohnort", "plz", "postleitzahl",
            "iela", "pilsēta", "novads", "pasta indekss",
            "gatvė", "miestas", "pašto kodas", "savivaldybė",
            "gade", "gateadresse", "by", "poststed", "postnr",
        ]),
        (.nationalID(.eeIsikukood), ["isikukood", "ik", "isikukood ee", "estonian personal code"]),
        (.nationalID(.ltAsmensKodas), ["asmens kodas"]),
        (.nationalID(.lvPersonasKods), ["personas kods"]),
        (.nationalID(.fiHetu), [
            "henkilötunnus", "hetu", "henkilötunnus hetu", "sotu", "sosiaaliturvatunnus",
            "finnish personal identity code", "personbeteckning",
        ]),
        (.nationalID(.sePersonnummer), [
            "personnummer", "personnr", "pnr", "personnumer", "samordningsnummer",
        ]),
        (.nationalID(.noFodselsnummer), [
            "fødselsnummer", "fodselsnummer", "fnr", "fødselsnr", "fodselsnr", "f.nr.",
        ]),
        (.nationalID(.dkCpr), ["cpr", "cpr-nummer", "cpr nr", "cprnummer", "cpr number"]),
        (.nationalID(.plPesel), ["pesel", "numer pesel", "nr pesel"]),
        (.nationalID(.usSsn), [
            "ssn", "social security number", "social security no", "social security", "ss number",
        ]),
        (.nationalID(.ukNhsNumber), ["nhs number", "nhs_no", "nhs no", "nhs", "nhs nr"]),
        (.nationalID(nil), [
            "national id", "national_id", "national id number", "national identification number",
            "personal code", "personal id", "personal id code", "personal identification number",
            "personal number", "id code", "id number", "idcode", "identity code",
            "identity number", "nin", "личный код", "персональный код", "идентификационный код",
            "личный номер", "henkilönumero", "identitetsnummer", "numer identyfikacyjny",
            "personennummer", "sozialversicherungsnummer", "personas numurs", "asmens numeris",
        ]),
        (.email, [
            "email", "e-mail", "e mail", "mail", "email address", "e-mail address", "mail address",
            "e-post", "e-posti aadress", "meiliaadress", "meil", "e-kiri",
            "электронная почта", "эл. почта", "эл почта", "почта", "e-mail адрес", "емейл",
            "имейл", "адрес электронной почты",
            "sähköposti", "sähköpostiosoite", "sposti",
            "e-postadress", "epostadress", "mejl", "mejladress",
            "adres e-mail", "adres email", "poczta", "poczta elektroniczna",
            "e-mail-adresse", "emailadresse", "elektronische post",
            "e-pasts", "epasts", "e-pasta adrese", "el. pasts",
            "el. paštas", "elektroninis paštas", "e-paštas", "el paštas",
            "e-postadresse", "epost", "e-mailadresse",
        ]),
        (.phone, [
            "phone", "phone number", "phone no", "telephone", "tel", "tel.", "tel no", "tel nr",
            "mobile", "mobile phone", "mobile number", "mobile no", "cell", "cell phone",
            "cellphone", "gsm", "contact number", "msisdn",
            "telefon", "telefoninumber", "telefoni nr", "mobiil", "mobiiltelefon", "mobiilinumber",
            "kontakttelefon",
            "телефон", "тел", "тел.", "моб", "мобильный", "мобильный телефон", "номер телефона",
            "контактный телефон", "сотовый",
            "puhelin", "puh", "puhelinnumero", "matkapuhelin", "gsm-numero", "puh.nro", "kännykkä",
            "telefonnummer", "mobil", "mobilnummer", "mobiltelefon", "tfn", "tlf", "tlf.nr",
            "telefon komórkowy", "nr telefonu", "numer telefonu", "komórka", "tel. kom.",
            "telefonnummer", "handy", "handynummer", "festnetz", "rufnummer",
            "tālrunis", "tālr.", "mobilais tālrunis", "telefona numurs",
            "telefonas", "tel. nr.", "mobilusis telefonas", "telefono numeris",
            "mobilnr", "telefonnr",
            // Fixed lines (a contact list's `{"type": "landline", "value": 35819749799}`).
            "landline", "landline phone", "home phone", "lankapuhelin", "kotipuhelin", "lauatelefon",
            "kodutelefon", "hemtelefon", "fast telefon", "telefon stacjonarny", "домашний телефон",
            "стационарный телефон",
        ]),
        (.dateOfBirth, [
            "dob", "d.o.b.", "birth date", "birth_date", "birthdate", "date of birth", "birthday",
            "born", "birth",
            "sünniaeg", "synniaeg", "sünnikuupäev", "synnikuupaev", "sünnipäev", "sünnip", "sünnikp", "sünd",
            "дата рождения", "день рождения", "д.р.", "дата народження",
            "syntymäaika", "syntymäpäivä", "syntymäpvm", "syntymäpäivämäärä", "syntymäp", "synt",
            "födelsedatum", "födelsedag", "född",
            "data urodzenia", "data ur.", "urodzony", "urodzona",
            "geburtsdatum", "geburtstag", "geb.", "geboren", "geb.-datum",
            "fødselsdato", "fødselsdag", "født",
            "dzimšanas datums", "dzimšanas diena",
            "gimimo data", "gimimo diena", "gimęs",
        ]),
        (.iban, [
            "iban", "account number", "account no", "bank account", "bank account number",
            "account", "bankkonto",
            "arveldusarve", "arvelduskonto", "pangakonto", "pangaarve", "kontonumber", "a/a",
            "расчетный счет", "счет", "номер счета", "банковский счет",
            "tilinumero", "pankkitili", "tili", "pankkiyhteys",
            "konto", "kontonummer", "bankkontonummer", "bankgiro", "kontonr",
            "numer rachunku", "nr rachunku", "rachunek", "rachunek bankowy", "numer konta",
            "bankverbindung", "kontoverbindung",
            "konta numurs", "bankas konts", "sąskaitos numeris", "sąskaita", "banko sąskaita",
            "kontonummer", "reg nr og kontonummer",
        ]),
        (.paymentCard, [
            "card number", "card_number", "card no", "credit card", "credit card number",
            "debit card", "payment card", "pan", "cc number", "ccnum", "card", "card id", "card ref",
            // A card column that does not say which card: a payment card when the value is one,
            // else (a pharmacy or shop export) the loyalty card, joined across files either way.
            "kaart", "kaardi nr", "kaardi no", "kaardinr", "kaardi kood", "карта",
            // A list of a person's cards (`"kaardid": [{"number": "2900197290704", …}]`).
            "kaardid", "cards", "kortit", "karty", "карты", "kartes", "kortai",
            // A bonus column holds the bonus card's number, or points (too short for a key).
            "bonus", "boonus", "бонус", "bonus nr", "bonus no", "boonuse nr",
            "kortti", "kortin numero", "kort", "karta", "karte", "kortelė",
            "maksekaart", "maksekaardi number", "krediitkaart", "pangakaart",
            "номер карты", "банковская карта", "кредитная карта",
            "luottokortti", "maksukortti", "kortinnumero", "kortnummer", "kreditkort", "betalkort",
            "numer karty", "karta kredytowa", "karta płatnicza",
            "kartennummer", "kreditkarte", "kreditkartennummer",
            "kartes numurs", "kredītkarte", "kortelės numeris", "mokėjimo kortelė",
            "kortnummer", "betalingskort",
        ]),
        (.loyaltyCard, [
            "kaardinumber", "kliendikaart", "kliendikaardi number", "kliendikaardi nr",
            "säästukaart", "partnerkaart", "boonuskaart", "püsikliendikaart",
            "loyalty_card", "loyalty card", "loyalty card number", "loyalty number", "loyalty id",
            "bonus card", "bonuscard", "club card", "clubcard", "member card", "membership card",
            "membership number", "rewards number", "discount card",
            "kanta-asiakaskortti", "kanta-asiakasnumero", "etukortti", "bonuskortti",
            "kundkort", "medlemskort", "medlemsnummer", "bonuskort", "kundekort",
            "karta lojalnościowa", "karta klienta", "karta stałego klienta",
            "kundenkarte", "bonuskarte", "treuekarte",
            "клиентская карта", "бонусная карта", "дисконтная карта", "карта клиента",
            "клубная карта", "номер карты клиента", "номер дисконтной карты", "дисконтной карты", "номер бонусной карты",
            "lojalitātes karte", "klienta karte", "lojalumo kortelė", "kliento kortelė",
        ]),
        (customer, [
            "customer_id", "customer id", "customer_no", "customer no", "customer number",
            "customer nr", "customerid", "customer code", "customer ref", "customer reference",
            "client_id", "client id", "client no", "client number", "client code", "clientid",
            "patient_id", "patient id", "patient no", "patient number", "patientid", "patient code",
            "mrn", "medical record number", "member id", "member_id", "member number", "user id",
            "member ref", "member reference", "client ref", "client reference", "patient ref",
            "patient reference", "customer key", "client key", "member no", "member nr",
            "user_id", "account id", "person id", "person_id", "subject id", "subject_id",
            "kliendi_nr", "kliendi nr", "kliendinumber", "kliendi number", "kliendi id",
            "kliendikood", "kliendi kood", "klient", "klient nr", "patsiendi id", "patsiendi nr",
            "patsiendi kood", "kliendi number",
            "asiakasnumero", "asiakas_id", "asiakas id", "asiakasnro", "asiakas nro",
            "asiakastunnus", "potilasnumero", "potilas id", "potilastunnus",
            "kundnummer", "kundnr", "kund-id", "kund id", "patientnummer",
            "numer klienta", "nr klienta", "id klienta", "kod klienta", "numer pacjenta",
            "id pacjenta",
            "kundennummer", "kunden-nr", "kundennr", "kunden id", "patientennummer",
            "номер клиента", "код клиента", "id клиента", "номер пациента",
            "klienta numurs", "klienta nr", "kliento numeris", "kliento nr",
            "kundenummer", "kundenr", "kunde id",
        ]),
        (sample, [
            "sample_id", "sample id", "sample", "sample no", "sample number", "sample code",
            "specimen", "specimen id", "specimen number", "barcode", "bar code", "kit id",
            "kit barcode", "tube id", "accession number", "lab id",
            "proovi_id", "proovi id", "proov", "proovi nr", "proovi number", "proovi kood",
            "triipkood", "näytetunnus", "näyte", "näytenumero", "näyte id", "viivakoodi",
            "provnummer", "prov-id", "prov id", "provkod", "streckkod",
            "numer próbki", "id próbki", "kod próbki", "próbka", "kod kreskowy",
            "probennummer", "proben-id", "probe", "barcode-nr",
            "номер образца", "образец", "штрихкод", "штрих-код",
            "parauga numurs", "ėminio numeris", "prøvenummer", "prøve-id",
        ]),
        (document, [
            "passport", "passport no", "passport number", "passport nr", "passport id",
            "id document", "identity document", "id document number", "document number",
            "travel document", "id card number", "id card no",
            "passi nr", "passi number", "isikut tõendav dokument", "dokumendi nr",
            "dokumendi number", "паспорт", "номер паспорта", "паспорт №", "документ",
            "номер документа", "паспорт серия номер", "passi", "passin numero", "passinumero",
            "henkilöllisyystodistus", "passnummer", "pass nr", "id-handling",
            "paszport", "nr paszportu", "numer paszportu", "dokument tożsamości", "nr dokumentu",
            "numer dokumentu", "dokument", "reisepass", "reisepassnummer", "ausweisnummer",
            "pase", "pases numurs", "pasas", "paso numeris", "asmens dokumentas",
        ]),
        (.purchase, [
            "product", "product name", "product_name", "products", "item", "items", "item name",
            "sku", "purchase", "purchases", "order items", "order lines", "line items", "cart",
            "lines", "orderlines", "receiptlines", "tilausrivit", "orderrader", "tšekiread", "товары",
            "basket", "article", "goods", "product code", "ean",
            "toode", "tooted", "toote nimi", "toote kood", "ostukorv", "ost", "ostud", "kaup",
            "ostetud tooted", "viimane ost", "viimased ostud", "last purchase", "last purchases", "latest purchase",
            "viimeisin ostos", "senaste köp",
            "tuote", "tuotteet", "tuotenimi", "tuotekoodi", "ostos", "ostokset", "ostoskori",
            "nimike",
            "produkt", "produkter", "produktnamn", "artikel", "vara", "varor", "varukorg", "köp",
            "produkty", "nazwa produktu", "towar", "koszyk", "zakupy",
            "artikelname", "warenkorb", "einkäufe",
            "товар", "товары", "продукт", "покупка", "покупки", "корзина", "наименование товара",
            "prece", "preces", "produkts", "pirkumi",
            "prekė", "prekės", "produktas", "pirkiniai",
            "vare", "varer", "produktnavn", "køb", "kjøp",
        ]),
        (.delivery, [
            "delivery_address", "delivery address", "delivery", "shipping", "shipping address",
            "ship to", "ship_to", "shipment", "delivery method", "pickup point", "parcel locker",
            "tarneaadress", "tarne", "tarneviis", "kohaletoimetamine", "pakiautomaat",
            "kättetoimetamine",
            "toimitusosoite", "toimitus", "toimitustapa", "noutopiste", "pakettiautomaatti",
            "leveransadress", "leverans", "leveranssätt", "utlämningsställe",
            "adres dostawy", "dostawa", "paczkomat", "sposób dostawy",
            "lieferadresse", "lieferung", "versand", "versandadresse", "packstation",
            "адрес доставки", "доставка", "способ доставки", "пакоматы", "пакомат",
            "piegādes adrese", "piegāde", "pristatymo adresas", "pristatymas", "paštomatas",
            "leveringsadresse", "levering", "leveringsadresse",
            // When a delivery was made and how to get in: delivery dates, door and gate codes,
            // delivery instructions (a door code is a key to the person's home).
            "delivery date", "delivered", "delivered on", "date delivered", "door code", "gate code",
            "entry code", "entrance code", "delivery instructions", "delivery note",
            "tarnekuupäev", "tarnitud", "tarne kuupäev", "uksekood", "ukse kood", "tarnejuhised",
            "toimituspäivä", "toimituspvm", "toimitettu", "toimitusaika", "toimitusohje",
            "toimitusohjeet", "ovikoodi", "porttikoodi", "summerikoodi", "toimitusväli", "toimitustiheys",
            "delivery interval", "delivery frequency", "delivery window", "leveransintervall", "tarnesagedus",
            "next delivery", "seuraava toimitus", "toimitusväli", "nästa leverans", "järgmine tarne", "następna dostawa",
            "nächste lieferung", "следующая доставка",
            "leveransdatum", "levererad", "leveransdag", "leveranstid", "portkod", "dörrkod",
            "leveransinstruktion", "leveransinstruktioner",
            "data dostawy", "dostarczono", "data doręczenia", "doręczono", "kod do drzwi",
            "kod domofonu", "kod do bramy", "uwagi do dostawy",
            "дата доставки", "доставлено", "код двери", "код домофона", "код подъезда",
            "piegādes datums", "piegādāts", "durvju kods", "pristatymo data", "pristatyta", "durų kodas",
            "lieferdatum", "geliefert", "zugestellt", "türcode", "lieferhinweis",
            "leveringsdato", "levert", "leveret", "dørkode", "portkode",
        ]),
        // Notes and comments: free text the header names. Scanned like unlabelled text (a phone
        // or a diagnosis in a note is found), never classified from its values: `Ovikoodi 4558A;
        // soita ennen toimitusta, 2. kerros` has letters, digits and a comma, and was sampled as
        // a postal address.
        (.none, [
            "notes", "note", "comments", "comment", "remarks", "additional information", "additional info",
            "lisätiedot", "lisätieto", "lisätietoja", "huom", "huomautus", "huomautukset", "huomiot",
            "kommentti", "kommentit", "märkused", "märkus", "kommentaar", "kommentaarid", "lisainfo",
            "anmärkning", "anmärkningar", "övrigt", "kommentar", "kommentarer", "obs",
            "uwagi", "komentarz", "notatki", "uwagi dodatkowe",
            "примечание", "примечания", "комментарий", "комментарии", "заметки",
            "bemerkung", "bemerkungen", "anmerkungen", "piezīmes", "komentārs", "pastabos", "komentaras",
            "bemærkninger", "merknader",
        ]),
        (.credentials, [
            "pwd", "pass", "pw", "pwhash", "pw hash", "passhash", "pass hash", "parole", "paroles hash",
        ]),
        (.language, [
            "language", "lang", "preferred language", "locale", "communication language",
            "keel", "suhtluskeel", "emakeel", "kieli", "asiointikieli", "äidinkieli",
            "språk", "modersmål", "język", "sprache", "korrespondenzsprache",
            "язык", "язык общения", "родной язык", "valoda", "kalba", "sprog",
        ]),
        (.nonPersonal, numericLabels + [
            // Besides numbers, codes and dates (`numericLabels`): words that may hold an order's
            // contents, references, countries and the organisations in a record.
            "order", "invoice", "receipt", "transaction", "tellimus", "arve", "kviitung", "tšekk",
            "tilaus", "lasku", "kuitti", "faktura", "kvitto", "zamówienie", "faktura vat", "paragon",
            "bestellung", "rechnung", "заказ", "счет-фактура", "чек", "pasūtījums", "rēķins",
            "užsakymas", "sąskaita faktūra", "bestilling", "zlecenie", "auftrag",
            "reference", "ref", "viite", "referens", "referenz",
            // A mail's or a text message's delivery status (Mailgun's `delivery-status`: `code`
            // 250, `message` OK): the message's, no parcel's.
            "delivery status", "delivery-status", "delivery_status", "deliverystatus", "dsn",
            // An identifier's register and a code system in clinical documents (CDA's
            // `assigningAuthorityName`, `codeSystemName`): no person's name.
            "assigning authority name", "assigningauthorityname", "code system name", "codesystemname",
            // A log event's logger and thread (log4j's `loggerName`: `ee.lojaalsus.sms.OtpSender`).
            "logger", "logger name", "loggername", "thread", "thread name", "threadname", "logger_fqcn", "loggerfqcn",
            // A machine's address (Sentry's `user.ip_address`: `{{auto}}`), a telemetry scope's or a
            // span's name (OpenTelemetry's `scope.name`, `spans[].name`): no one's.
            "ip address", "ip_address", "ipaddress", "ip", "client ip", "remote addr", "remote_addr", "remote address",
            "mac address", "host address", "server address", "peer address",
            // A store's or a pharmacy's own line (a kiosk's `PoeTelefon=`): the organisation's.
            "poe telefon", "poetelefon", "kaupluse telefon", "apteegi telefon", "store phone", "shop phone",
            "pharmacy phone", "branch phone", "myymälän puhelin", "apteekin puhelin", "butikens telefon",
            "telefon sklepu", "telefon apteki",
            // A message's id (`<5e8d0df6229f@ismtpd0041p1iad2.sendgrid.net>`): shaped like an address, no one's.
            "message id", "message-id", "messageid", "msgid", "smtp-id", "smtp id", "smtpid", "in-reply-to", "references",
            // Countries: not an address on their own (and never a person's).
            "country", "country code", "riik", "riigi kood", "страна", "maa", "land", "kraj",
            "valsts", "šalis", "country of residence",
            // What kind of row or transaction it is (PayPal's `Type`: `Website Payment`, `General
            // Withdrawal`): two capitalised words that are no one's name.
            "type", "transaction type", "payment type", "event type", "record type",
            // The organisation that orders, provides or sells: not the person in the record.
            "tellija", "ordering provider", "provider", "provider name", "clinic", "clinic name",
            "hospital", "doctor", "physician", "referring physician", "referrer", "store",
            "store name", "pharmacy", "branch", "apteek", "kauplus", "haigla", "kliinik", "arst",
            "raviasutus", "tilaaja", "lähettäjä", "sairaala", "klinikka", "lääkäri", "apteekki",
            "myymälä", "beställare", "sjukhus", "klinik", "läkare", "apotek", "butik",
            "zleceniodawca", "szpital", "przychodnia", "lekarz", "apteka", "sklep",
            "auftraggeber", "krankenhaus", "praxis", "arzt", "apotheke", "filiale",
            "заказчик", "больница", "клиника", "врач", "аптека", "магазин",
            "pasūtītājs", "slimnīca", "ārsts", "aptieka", "užsakovas", "ligoninė", "gydytojas",
            "vaistinė", "lege", "læge", "henvisende lege", "rekvirerende lege", "remitterende læge",
            "behandlende lege", "behandlende læge", "clinician", "referring clinician",
        ] + doctorLabels + relatedPersonLabels + [
        // A store's or branch's manager, whose row holds the store's contacts (`namesStaffRole`),
        // and the organisation's sites (`namesSite`).
        ] + staffRoleLabels + siteLabels),
    ]

    /// Non-personal labels of numbers, codes, dates and amounts: order, invoice, receipt and
    /// reference numbers, timestamps and dates, prices, sums and quantities. No special category
    /// can be read in their values (`holdsOnlyNumbers`), so a table's category search skips
    /// them. Bare words that may hold an order's contents (`order`, `tilaus`, `zamówienie`) are
    /// not among them.
    static let numericLabels: [String] = [
        "order_id", "order id", "order number", "order no", "order nr", "orderid", "order ref",
        "ordered_at", "ordered at", "order date", "order time",
        "invoice number", "invoice no", "invoice id", "receipt number", "transaction id", "timestamp",
        "created_at", "created at", "created", "updated_at", "updated at", "modified", "date", "datetime",
        "time", "amount", "price", "unit price", "total", "sum", "subtotal", "cost", "vat", "tax", "discount",
        "currency", "quantity", "qty", "count", "row", "row number", "line number", "index", "version", "page",
        // Variant tables (VCF and its exports): genome positions are 7–9 digit numbers.
        "chrom", "chr", "chromosome", "pos", "position", "start", "end", "stop", "qual", "quality",
        "depth", "dp", "af", "vaf", "allele frequency", "coverage", "read depth",
        "tellimuse nr", "tellimuse number", "tellimuse id", "arve nr", "arve number", "arve id", "kuupäev",
        "aeg", "summa", "hind", "kogus", "käibemaks", "allahindlus", "valuuta", "kokku",
        "tšeki nr", "tšeki number", "tšekk nr", "tšeki id", "kviitungi nr", "ostu nr", "ostu id",
        "tehingu nr", "tehingu id",
        "tilausnumero", "tilaus id", "tilausnro", "tilaus nro", "laskunumero", "laskun numero",
        "kuitin numero", "kuittinumero", "kuitti nro", "päivämäärä", "pvm", "aika", "hinta", "määrä",
        "alv", "alennus", "yhteensä", "viitenumero",
        "ordernummer", "ordernr", "fakturanummer", "fakturanr", "kvittonummer", "kvittonr", "datum",
        "tid", "pris", "belopp", "antal", "moms", "rabatt", "totalt",
        "numer zamówienia", "nr zamówienia", "id zamówienia", "numer paragonu", "nr paragonu",
        "nr zlecenia", "numer zlecenia", "id zlecenia", "nr faktury", "numer faktury", "cena", "kwota",
        "ilość", "rabat", "suma",
        "bestellnummer", "rechnungsnummer", "auftragsnummer", "belegnummer", "bonnummer",
        "quittungsnummer", "preis", "betrag", "menge", "anzahl", "mwst", "zeitstempel", "erstellt",
        "номер заказа", "номер чека", "номер квитанции", "номер счета-фактуры", "дата", "время",
        "сумма", "цена", "количество", "скидка", "итого",
        "čeka numurs", "pasūtījuma numurs", "rēķina numurs", "daudzums", "datums", "summa",
        "kvito numeris", "užsakymo numeris", "sąskaitos faktūros numeris", "kaina", "kiekis", "suma",
        "ordrenummer", "dato", "beløb", "beløp", "antall", "viitenumber",
        // Invoices, order lines, products and cases (a product code or an invoice number reads
        // as a phone or a national ID in no column).
        "laskunro", "lasku nro", "laskun nro", "laskunumero", "tilausrivi", "rivi", "rivinumero",
        "order line", "order line id", "line id", "line_id", "line no", "line nr", "item id",
        "item_id", "item no", "item number",
        "product number", "product no", "product id", "product_id",
        "article number", "article no", "tuotenumero", "tuotekoodi", "tuote nro", "tuotenro",
        "artikkelinumero", "tootekood", "toote kood", "toote nr", "artikkel", "artikli nr",
        "artikelnummer", "artikelnr", "varenummer", "varenr", "kod produktu",
        "numer produktu", "indeks", "kod towaru", "код товара", "артикул", "preces kods",
        "prekės kodas", "case number", "case id", "case no", "case nr", "ticket", "ticket id",
        "ticket number", "ticket no", "tapausnumero", "tiketti", "ärendenummer", "pöördumise nr",
        "numer zgłoszenia", "номер обращения",
    ]

    private static let numericKeys: Set<String> = Set(numericLabels.map(normalize))

    /// Whether a label names numbers, codes, dates or amounts (`numericLabels`, also with a
    /// qualifier: `order_no`, `Tilausnumero`, `amount_eur` is not).
    public static func holdsOnlyNumbers(_ label: String) -> Bool {
        numericKeys.contains(normalize(label))
    }

    /// The vocabulary, normalised. The first entry wins when two groups list the same label.
    static let exact: [String: FieldHint] = {
        var table: [String: FieldHint] = [:]
        for (hint, labels) in vocabulary {
            for label in labels {
                let key = normalize(label)
                if !key.isEmpty && table[key] == nil { table[key] = hint }
            }
        }
        return table
    }()

    private struct Rule: Sendable {
        var fragment: String
        var hint: FieldHint
    }

    private static func rules(_ list: [(String, FieldHint)]) -> [Rule] {
        list.map { Rule(fragment: normalize($0.0), hint: $0.1) }
    }

    /// Tokens that decide the label wherever they appear (checked in order).
    private static let containsRules: [Rule] = rules([
        ("password", .credentials), ("passwd", .credentials), ("passwort", .credentials), ("kennwort", .credentials),
        ("parool", .credentials), ("salasana", .credentials), ("lösenord", .credentials), ("hasło", .credentials),
        ("пароль", .credentials), ("slaptažod", .credentials), ("passord", .credentials), ("adgangskode", .credentials),
        ("kliendikaar", .loyaltyCard), ("säästukaar", .loyaltyCard), ("partnerkaar", .loyaltyCard),
        ("boonuskaar", .loyaltyCard), ("loyalty", .loyaltyCard), ("kanta-asiakas", .loyaltyCard),
        ("lojalnoś", .loyaltyCard), ("bonuscard", .loyaltyCard), ("bonuskart", .loyaltyCard),
        ("bonuskort", .loyaltyCard), ("clubcard", .loyaltyCard), ("membercard", .loyaltyCard),
        ("kundenkarte", .loyaltyCard), ("kundkort", .loyaltyCard), ("kundekort", .loyaltyCard),
        ("delivery", .delivery), ("shipping", .delivery), ("tarneaadress", .delivery),
        ("toimitusosoite", .delivery), ("leveransadress", .delivery), ("lieferadress", .delivery),
        ("leveringsadress", .delivery), ("adresdostawy", .delivery), ("адресдоставки", .delivery),
        ("isikukood", .nationalID(.eeIsikukood)), ("asmenskod", .nationalID(.ltAsmensKodas)),
        ("personaskod", .nationalID(.lvPersonasKods)), ("henkilötunnu", .nationalID(.fiHetu)),
        ("personnummer", .nationalID(.sePersonnummer)),
        ("fødselsnummer", .nationalID(.noFodselsnummer)), ("pesel", .nationalID(.plPesel)),
        ("socialsecurity", .nationalID(.usSsn)), ("nhsnumber", .nationalID(.ukNhsNumber)),
        ("email", .email), ("epost", .email), ("sähköposti", .email), ("электроннаяпочта", .email),
        ("epasts", .email), ("elpaštas", .email), ("epaštas", .email),
        ("telefon", .phone), ("phonenumber", .phone), ("puhelin", .phone), ("телефон", .phone),
        ("tālruni", .phone),
        ("dateofbirth", .dateOfBirth), ("birthdate", .dateOfBirth), ("sünniaeg", .dateOfBirth),
        ("syntymäaika", .dateOfBirth), ("födelsedatum", .dateOfBirth),
        ("geburtsdatum", .dateOfBirth), ("fødselsdato", .dateOfBirth),
        ("датарождения", .dateOfBirth), ("dataurodzenia", .dateOfBirth),
        ("iban", .iban),
    ])

    /// Suffixes that say what a compound label holds (longest first), used unless the label
    /// also contains a `nonPerson` token.
    private static let suffixRules: [Rule] = rules([
        ("firstname", .firstName), ("lastname", .lastName), ("surname", .lastName),
        ("fullname", .fullName), ("eesnimi", .firstName), ("perenimi", .lastName),
        ("etunimi", .firstName), ("sukunimi", .lastName), ("förnamn", .firstName),
        ("efternamn", .lastName), ("vorname", .firstName), ("nachname", .lastName),
        ("nazwisko", .lastName), ("фамилия", .lastName),
        ("email", .email), ("phone", .phone), ("mobile", .phone), ("puh", .phone),
        ("address", .postalAddress), ("aadress", .postalAddress), ("osoite", .postalAddress),
        ("adress", .postalAddress), ("adresse", .postalAddress), ("адрес", .postalAddress),
        ("street", .addressPart), ("zipcode", .addressPart),
        ("zip", .addressPart), ("postalcode", .addressPart), ("postcode", .addressPart),
        ("postinumero", .addressPart), ("postiindeks", .addressPart), ("postnummer", .addressPart),
        ("name", .fullName), ("nimi", .fullName), ("namn", .fullName), ("navn", .fullName),
        ("имя", .fullName),
        ("cardnumber", .paymentCard),
    ])

    /// Tokens naming things, not persons: `product_name`, `company_address`, `file_name`.
    private static let nonPerson: [String] = [
        "product", "item", "company", "firm", "organi", "user", "file", "host", "drug", "medic",
        "brand", "store", "shop", "pharmac", "apteek", "apteek", "ravim", "toode", "toote",
        "tuote", "produkt", "ettevõt", "yritys", "företag", "firma", "server", "domain", "table",
        "column", "field", "key", "tag", "category", "group", "project", "role", "type", "test", "document", "dokument",
        "lab", "kaup", "nick", "ipaddr", "macaddr", "web", "url", "товар", "препарат", "лекарств", "аптек",
    ].map(normalize)

    /// Qualifiers before the part that says what the field is (`customer_email`).
    private static let qualifierPrefixes: [String] = [
        "customers", "customer", "clients", "client", "patients", "patient", "contact", "billing",
        "invoice", "home", "work", "private", "primary", "secondary", "main", "personal", "person",
        "member", "buyer", "recipient", "receiver", "owner", "holder", "subscriber", "guardian",
        "parent", "mother", "father", "emergency", "alt", "alternative", "other", "current",
        "registered", "legal", "official", "my", "your", "cust", "pt",
        // Odoo Studio's custom fields (`x_studio_ovikoodi`).
        "xstudio",
        "kliendi", "klient", "patsiendi", "isiku", "kontakt", "kontakti", "saaja", "ostja",
        "asiakkaan", "asiakas", "potilaan", "henkilön", "yhteys", "vastaanottajan",
        "kundens", "kund", "patientens", "mottagarens",
        "klienta", "pacjenta", "kontaktowy", "kontaktowa",
        "kunden", "kunde", "patienten", "privat",
        "клиента", "пациента", "контактный", "контактная", "домашний",
        "klienta", "pacienta", "kliento", "paciento",
    ].map(normalize).sorted { $0.count > $1.count }

    /// Qualifiers after it (`phone_home`, `email_primary`).
    /// Endings that make a label the number of what it names (`kaart_nr`).
    private static let numberSuffixes: [String] = [
        "number", "numero", "numer", "num", "nro", "nr", "no", "id", "kood", "code", "номер",
    ].map(normalize).sorted { $0.count > $1.count }

    private static let qualifierSuffixes: [String] = [
        "home", "work", "private", "primary", "secondary", "main", "alt", "other", "value",
        "text", "raw", "original", "clean", "masked", "kodu", "koti", "hem", "privat",
    ].map(normalize).sorted { $0.count > $1.count }
}
