/// What a field's label (a column header, a JSON key, a `Label:` in text) says the field holds.
/// Produced by `FieldClassifier` from multilingual vocabularies and by value sampling;
/// detectors use it to accept values that carry no checksum (names, addresses, SSNs,
/// bare national-format phone numbers) and to resolve ambiguous identifier types.
public enum FieldHint: Sendable, Hashable {
    /// Nothing known: only self-validating values (checksummed IDs, e-mails, `+`-prefixed phones,
    /// IBANs, cards) are accepted.
    case none
    /// A national identifier; `type` is set when the label names the country's scheme
    /// (`isikukood` → `.eeIsikukood`, `PESEL` → `.plPesel`, `SSN` → `.usSsn`).
    case nationalID(IdentifierType?)
    case fullName
    case firstName
    case lastName
    case email
    case phone
    case postalAddress
    /// Part of an address (street, city, postal code, country); joined per record.
    case addressPart
    case dateOfBirth
    case iban
    case paymentCard
    /// Loyalty-card number: a `loyalty_card` element and a link key.
    case loyaltyCard
    /// A key shared between files (customer number, sample id); `namespace` groups keys that
    /// mean the same thing in different files (`customer`, `loyalty_card`, `sample`).
    case linkKey(namespace: String)
    /// Products bought or delivered (`purchase_history` / `delivery_info` context).
    case purchase
    case delivery
    /// A password or its hash (`password_hash`, `parool`, `salasana`, `hasło`): a `credentials`
    /// element, never stored.
    case credentials
    /// Person's language (`keel`, `language`, `kieli`).
    case language
    /// Known not to be personal data (order numbers, timestamps, amounts): detectors that need a
    /// hint never fire here and self-validating ones still do, but numeric IDs are suppressed.
    case nonPersonal
}
