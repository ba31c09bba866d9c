/// A kind of personal data element, in the vocabulary of `product.md`.
/// Raw values are the names used in exports and reports.
public enum ElementType: String, CaseIterable, Sendable, Codable, Comparable {
    case nationalID = "national_id"
    case name
    case email
    case phone
    case postalAddress = "postal_address"
    case dateOfBirth = "date_of_birth"
    case healthData = "health_data"
    case geneticData = "genetic_data"
    case labResult = "lab_result"
    case prescription
    case purchaseHistory = "purchase_history"
    case loyaltyCard = "loyalty_card"
    case deliveryInfo = "delivery_info"
    case iban
    case paymentCard = "payment_card"
    case credentials

    /// Stable small code used in the packed store format: the case's place in the list above.
    /// Never reorder. (A switch, not a search of `allCases`: the scanner asks per finding.)
    public var code: UInt8 {
        switch self {
        case .nationalID: 0
        case .name: 1
        case .email: 2
        case .phone: 3
        case .postalAddress: 4
        case .dateOfBirth: 5
        case .healthData: 6
        case .geneticData: 7
        case .labResult: 8
        case .prescription: 9
        case .purchaseHistory: 10
        case .loyaltyCard: 11
        case .deliveryInfo: 12
        case .iban: 13
        case .paymentCard: 14
        case .credentials: 15
        }
    }
    private static let byCode = allCases
    public init?(code: UInt8) {
        guard Int(code) < ElementType.byCode.count else { return nil }
        self = ElementType.byCode[Int(code)]
    }
    public static func < (a: ElementType, b: ElementType) -> Bool { a.code < b.code }
}
