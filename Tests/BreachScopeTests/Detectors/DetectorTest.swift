import Testing
@testable import BreachScope

/// Helpers for the detector tests: run one detector on a string, check a whole-string match.
enum DetectorTest {
    /// The detector's match at `start` in `text`.
    static func match(_ d: any Detector, _ text: String, at start: Int = 0, hint: FieldHint = .none) -> Finding? {
        let bytes = Array(text.utf8)
        return bytes.withUnsafeBufferPointer { d.match($0, at: start, hint: hint) }
    }

    /// The normalised value matched at `start`, as a string.
    static func value(_ d: any Detector, _ text: String, at start: Int = 0, hint: FieldHint = .none) -> String? {
        match(d, text, at: start, hint: hint)?.valueString
    }

    /// Expects `d` to match all of `text` from offset 0 with the normalised value `expected`,
    /// as its own element type and, when given, as `identifier`.
    static func expectWhole(
        _ d: any Detector, _ text: String, _ expected: String, hint: FieldHint = .none,
        identifier: IdentifierType? = nil, sourceLocation: SourceLocation = #_sourceLocation
    ) {
        let f = match(d, text, hint: hint)
        #expect(f?.valueString == expected, "\(text)", sourceLocation: sourceLocation)
        #expect(f?.offset == 0, "\(text)", sourceLocation: sourceLocation)
        #expect(f?.length == text.utf8.count, "\(text)", sourceLocation: sourceLocation)
        #expect(f?.element == d.element, "\(text)", sourceLocation: sourceLocation)
        if let identifier {
            #expect(f?.identifier == identifier, "\(text)", sourceLocation: sourceLocation)
        }
    }

    /// The birth date as `YYYY-MM-DD`, for compact expectations.
    static func date(_ b: (year: Int, month: Int, day: Int)?) -> String? {
        guard let b else { return nil }
        func p(_ n: Int, _ w: Int) -> String {
            let s = String(n)
            return String(repeating: "0", count: max(0, w - s.count)) + s
        }
        return "\(p(b.year, 4))-\(p(b.month, 2))-\(p(b.day, 2))"
    }
}
