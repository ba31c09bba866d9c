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

    /// Stable small code used in the packed store format. Never reorder.
    public var code: UInt8 { UInt8(ElementType.allCases.firstIndex(of: self)!) }
    public init?(code: UInt8) {
        guard Int(code) < ElementType.allCases.count else { return nil }
        self = ElementType.allCases[Int(code)]
    }
    public static func < (a: ElementType, b: ElementType) -> Bool { a.code < b.code }
}
