/// One rule of a category pack: what evidence to look for (terms, case-sensitive symbols or a
/// built-in code matcher), which category it establishes, and the conditions under which it
/// counts. With no conditions a match always counts; otherwise any one condition suffices:
/// a `context` word in the same span, a `columns` entry contained in the field's column name,
/// a digit within `nearNumber` bytes after the match, or another accepted hit of a `with`
/// category in the same span. See `docs/rules.md`.
public struct CategoryRule: Sendable, Equatable {
    /// What the rule matches.
    public enum Pattern: Sendable, Equatable {
        /// Words or phrases: case-insensitive (ASCII and Latin letters with diacritics), whole words.
        case terms([String])
        /// Case-sensitive whole words (`TSH`, `BRCA1`).
        case symbols([String])
        /// A built-in byte scanner.
        case code(CategoryCodeMatcher)
    }

    public var id: String
    public var category: ElementType
    public var implies: [ElementType]
    public var pattern: Pattern
    public var context: [String]
    public var columns: [String]
    public var nearNumber: Int?
    public var with: [ElementType]
    public var explain: String

    public init(id: String, category: ElementType, implies: [ElementType] = [], pattern: Pattern,
                context: [String] = [], columns: [String] = [], nearNumber: Int? = nil,
                with: [ElementType] = [], explain: String) {
        self.id = id
        self.category = category
        self.implies = implies
        self.pattern = pattern
        self.context = context
        self.columns = columns
        self.nearNumber = nearNumber
        self.with = with
        self.explain = explain
    }

    /// True when the rule counts wherever it matches.
    public var isUnconditional: Bool { context.isEmpty && columns.isEmpty && nearNumber == nil && with.isEmpty }

    /// The categories a rule may establish or imply.
    public static let categories: [ElementType] = [.healthData, .geneticData, .labResult, .prescription, .purchaseHistory, .deliveryInfo]
}
