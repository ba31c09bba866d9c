/// Which rules' `columns` lists a field's column name satisfies, computed once per column
/// (`CategoryMatcher.columns(for:)`) and reused for every value in it.
public struct CategoryColumns: Sendable, Equatable {
    /// Bit `g` set: column group `g` matches.
    var mask: UInt64

    /// No column (free text) or a column no rule names.
    public static let none = CategoryColumns(mask: 0)
}
