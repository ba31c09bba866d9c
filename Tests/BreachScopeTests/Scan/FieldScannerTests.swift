import Testing
@testable import BreachScope

/// The field scanner with a caller's candidate buffer finds exactly what it finds without one,
/// and leaves the buffer empty.
@Suite struct FieldScannerTests {
    static let texts = [
        "isikukood 37605030299, tel +372 5000 0001, mari@example.ee",
        "PESEL 44051401359 order 1234567890",   // PESEL with a valid check digit (fictitious)
        "37605030299 49403136526 2023-04-15 12:30",
        "nothing here",
        "",
    ]

    @Test(arguments: texts) func sameFindingsWithBuffer(_ text: String) {
        let scanner = FieldScanner()
        var bytes = Array(text.utf8)
        bytes.withUnsafeMutableBufferPointer { p in
            let span = UnsafeBufferPointer(p)
            for hint in [FieldHint.none, .nationalID(nil), .phone] {
                var buffer: [Finding] = [Finding(element: .name, value: [1], offset: 0, length: 1)]
                buffer.removeAll(keepingCapacity: true)
                var withBuffer: [Finding] = []
                scanner.scan(span, hint: hint, preferCountry: "EE", candidates: &buffer) { withBuffer.append($0) }
                var plainEE: [Finding] = []
                scanner.scan(span, hint: hint, preferCountry: "EE") { plainEE.append($0) }
                #expect(withBuffer == plainEE)
                #expect(buffer.isEmpty)
            }
        }
    }

    @Test func findsTheIdentifiers() {
        let scanner = FieldScanner()
        var bytes = Array(Self.texts[0].utf8)
        let found = bytes.withUnsafeMutableBufferPointer { p -> [String] in
            var out: [String] = [], buffer: [Finding] = []
            scanner.scan(UnsafeBufferPointer(p), hint: .none, preferCountry: nil, candidates: &buffer) { out.append($0.valueString) }
            return out
        }
        #expect(found == ["37605030299", "+37250000001", "mari@example.ee"])
    }
}
