/// The type of an identifier value. A `national_id` element always carries one of the
/// national types; `email` and `phone` are contact identifiers.
public enum IdentifierType: String, CaseIterable, Sendable, Codable, Comparable {
    case eeIsikukood = "ee_isikukood"
    case ltAsmensKodas = "lt_asmens_kodas"
    case lvPersonasKods = "lv_personas_kods"
    case fiHetu = "fi_hetu"
    case sePersonnummer = "se_personnummer"
    case noFodselsnummer = "no_fodselsnummer"
    case dkCpr = "dk_cpr"
    case plPesel = "pl_pesel"
    case usSsn = "us_ssn"
    case ukNhsNumber = "uk_nhs_number"
    case email
    case phone

    /// Stable small code used in the packed store format: the case's place in the list above.
    /// Never reorder. (A switch, not a search of `allCases`: the scanner asks per finding.)
    public var code: UInt8 {
        switch self {
        case .eeIsikukood: 0
        case .ltAsmensKodas: 1
        case .lvPersonasKods: 2
        case .fiHetu: 3
        case .sePersonnummer: 4
        case .noFodselsnummer: 5
        case .dkCpr: 6
        case .plPesel: 7
        case .usSsn: 8
        case .ukNhsNumber: 9
        case .email: 10
        case .phone: 11
        }
    }
    private static let byCode = allCases
    public init?(code: UInt8) {
        guard Int(code) < IdentifierType.byCode.count else { return nil }
        self = IdentifierType.byCode[Int(code)]
    }
    public static func < (a: IdentifierType, b: IdentifierType) -> Bool { a.code < b.code }

    /// True for the national identifier types (a person has at most one of each and two
    /// different values of one never belong to the same person).
    public var isNational: Bool { self != .email && self != .phone }

    /// ISO 3166-1 alpha-2 country of a national identifier.
    public var country: String? {
        switch self {
        case .eeIsikukood: "EE"
        case .ltAsmensKodas: "LT"
        case .lvPersonasKods: "LV"
        case .fiHetu: "FI"
        case .sePersonnummer: "SE"
        case .noFodselsnummer: "NO"
        case .dkCpr: "DK"
        case .plPesel: "PL"
        case .usSsn: "US"
        case .ukNhsNumber: "GB"
        case .email, .phone: nil
        }
    }
}
