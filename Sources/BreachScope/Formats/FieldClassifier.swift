/// Classifies field labels — CSV headers, JSON keys, `Label:` prefixes in text — into
/// `FieldHint`s using multilingual vocabularies (et, ru, fi, sv, pl, en, de, lv, lt, no, da).
public enum FieldClassifier {
    /// The hint for a label, or `nil` when the label is not recognised as a personal-data label.
    /// Matching is case-insensitive and ignores punctuation, spaces, `_`/`-` and diacritics.
    public static func hint(forLabel label: String) -> FieldHint? {
        nil  // vocabulary pending
    }
}
