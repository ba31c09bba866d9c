import Testing
@testable import BreachScope

@Suite struct UTF8ValidationTests {
    func valid(_ bytes: [UInt8]) -> Bool { bytes.withUnsafeBufferPointer { UTF8Validation.isValid($0) } }

    /// Agrees with the standard library on ASCII runs of every length around the 8- and 32-byte
    /// fast paths with one valid or invalid sequence placed anywhere.
    @Test func agreesWithTheStandardLibraryAroundTheFastPaths() {
        let inserts: [[UInt8]] = [[0xC3, 0xB5], [0xE2, 0x82, 0xAC], [0xF0, 0x9D, 0x84, 0x9E], [0xFF], [0xC3], [0xE0, 0x80, 0x80], [0xED, 0xA0, 0x80]]
        for length in 0..<70 {
            for at in stride(from: 0, through: length, by: 3) {
                for ins in inserts {
                    var bytes = [UInt8](repeating: 0x61, count: length)
                    bytes.insert(contentsOf: ins, at: at)
                    #expect(valid(bytes) == (String(validating: bytes, as: UTF8.self) != nil), "length \(length) at \(at) \(ins)")
                }
            }
        }
    }

    @Test func acceptsWellFormedAndRejectsMalformed() {
        #expect(valid(Array("Õunapuu Мария Łódź 𝄞 plain ascii text longer than eight".utf8)))
        #expect(!valid([0x61, 0xC3]))               // cut sequence
        #expect(!valid([0xC0, 0xAF]))               // overlong
        #expect(!valid([0xED, 0xA0, 0x80]))         // surrogate
        #expect(!valid([0xF4, 0x90, 0x80, 0x80]))   // past U+10FFFF
        #expect(!valid([0x61, 0x62, 0xFF, 0x63]))
        #expect(valid([]))
    }

    @Test func completeEndStopsBeforeACutCharacter() {
        let text = Array("aÕ€𝄞".utf8)  // 1 + 2 + 3 + 4 bytes
        for cut in 0...text.count {
            let end = text.withUnsafeBufferPointer { UTF8Validation.completeEnd(UnsafeBufferPointer(rebasing: $0[0..<cut]), start: 0, end: cut) }
            let expected = [0, 1, 1, 3, 3, 3, 6, 6, 6, 6, 10][cut]
            #expect(end == expected, "cut at \(cut)")
        }
    }
}
