import Testing
import BreachScopeTesting
@testable import BreachScope

@Suite struct PaymentCardTests {
    let d = PaymentCardDetector()

    /// Well-known public test PANs of the card networks.
    @Test func valid() {
        let table: [(String, String)] = [
            ("4111 1111 1111 1111", "4111111111111111"),
            ("4111-1111-1111-1111", "4111111111111111"),
            ("4111111111111111", "4111111111111111"),
            ("4222222222222", "4222222222222"),
            ("5555 5555 5555 4444", "5555555555554444"),
            ("5105 1051 0510 5100", "5105105105105100"),
            ("2223 0031 2200 3222", "2223003122003222"),
            ("3782 822463 10005", "378282246310005"),
            ("371449635398431", "371449635398431"),
            ("6011 1111 1111 1117", "6011111111111117"),
            ("3530 1113 3330 0000", "3530111333300000"),
            ("3056 930902 5904", "30569309025904"),
            ("6200 0000 0000 0005", "6200000000000005"),
        ]
        for (text, expected) in table {
            DetectorTest.expectWhole(d, text, expected)
            #expect(PaymentCardDetector.normalize(Array(text.utf8)).map { String(decoding: $0, as: UTF8.self) } == expected)
        }
        // Followed by an expiry year or CVC in the same run of groups.
        #expect(DetectorTest.match(d, "4111 1111 1111 1111 2027")?.length == 19)
        #expect(DetectorTest.value(d, "card 4111111111111111, exp 12/27", at: 5) == "4111111111111111")
    }

    @Test func invalid() {
        let table = [
            "4111 1111 1111 1112",  // Luhn
            "1111 1111 1111 1111",  // no issuer, repeated digit
            "0000000000000000",  // Luhn-valid, repeated digit
            "6666666666666",  // Luhn-valid, repeated digit
            "4111 1111-1111 1111",  // mixed separators
            "4111  1111 1111 1111",  // double space
            "41 1111 1111 1111 11",  // not card grouping
            "3782822463100051",  // Amex must be 15 digits
            "5555555555554444555",  // Mastercard must be 16
            "7111111111111111",  // no issuer
            "Order 4820193756",
            "1681550000",
            "2023-04-15T12:30:45",
            "192.168.100.200",
            "4111111111111111.50",  // decimal
            "4111111111111111X",
            "41111111111111111111",  // 20 digits
        ]
        for text in table {
            #expect(DetectorTest.match(d, text) == nil, "\(text)")
        }
        #expect(DetectorTest.value(d, "378282246310005 0") == "378282246310005")
        #expect(DetectorTest.match(d, "4111 1111 1111 1111", hint: .nonPersonal) == nil)
        #expect(PaymentCardDetector.normalize(Array("4111 1111 1111 111x".utf8)) == nil)
    }

    @Test func luhn() {
        let ok = Array("79927398713".utf8)
        let bad = Array("79927398710".utf8)
        ok.withUnsafeBufferPointer { #expect(PaymentCardDetector.luhn($0, 0, $0.count)) }
        bad.withUnsafeBufferPointer { #expect(!PaymentCardDetector.luhn($0, 0, $0.count)) }
    }

    @Test func generatedRoundTrip() {
        var rng = SeededRNG(seed: 2024)
        var failures = 0
        for _ in 0..<1000 {
            let written = Synthetic.paymentCard(using: &rng)
            let expected = written.filter(\.isNumber)
            let f = DetectorTest.match(d, "Kaart: " + written + ".", at: 7)
            if f?.valueString != expected || f?.length != written.utf8.count || !PaymentCardDetector.validate(Array(expected.utf8)) {
                failures += 1
                if failures < 5 { Issue.record("\(written) → \(f?.valueString ?? "nil")") }
            }
        }
        #expect(failures == 0)
    }
}
