/// Stable text names of field hints, as stored per column and shown in `lookup`.
enum HintName {
    static func of(_ hint: FieldHint) -> String {
        switch hint {
        case .none: "none"
        case .nationalID(let t): t.map { "national_id:\($0.rawValue)" } ?? "national_id"
        case .fullName: "name"
        case .firstName: "first_name"
        case .lastName: "last_name"
        case .email: "email"
        case .phone: "phone"
        case .postalAddress: "postal_address"
        case .addressPart: "address_part"
        case .dateOfBirth: "date_of_birth"
        case .iban: "iban"
        case .paymentCard: "payment_card"
        case .loyaltyCard: "loyalty_card"
        case .linkKey(let ns): "link_key:\(ns)"
        case .purchase: "purchase"
        case .delivery: "delivery"
        case .credentials: "credentials"
        case .language: "language"
        case .nonPersonal: "non_personal"
        }
    }
}
