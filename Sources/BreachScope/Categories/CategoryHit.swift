/// One special-category inference in a span: which rule fired, where (byte offset and length in
/// the span), and the categories it establishes. `CategoryMatcher.evidence` masks the piece.
public struct CategoryHit: Sendable, Equatable {
    /// The category the rule establishes (`health_data`, `genetic_data`, `lab_result`, …).
    public var category: ElementType
    /// Further categories the same evidence implies (a product purchase → `purchase_history`).
    public var implies: [ElementType]
    /// The rule's id, unique over all loaded packs.
    public var ruleID: String
    /// Byte offset of the evidence in the span.
    public var offset: Int
    /// Byte length of the evidence.
    public var length: Int

    public init(category: ElementType, implies: [ElementType], ruleID: String, offset: Int, length: Int) {
        self.category = category
        self.implies = implies
        self.ruleID = ruleID
        self.offset = offset
        self.length = length
    }
}
