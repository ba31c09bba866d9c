import Testing
import CUTF8
@testable import BreachScope
import BreachScopeTesting

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

    func scalarValid(_ bytes: [UInt8]) -> Bool { bytes.withUnsafeBufferPointer { UTF8Validation.isValidScalar($0) } }
    func stdlibValid(_ bytes: [UInt8]) -> Bool { String(validating: bytes, as: UTF8.self) != nil }

    /// On x86-64 the vector check runs (it is not silently the byte loop).
    @Test func theVectorCheckIsUsedOnX86() {
        #if arch(x86_64)
        let bytes = Array("Мария Õunapuu".utf8)
        #expect(bytes.withUnsafeBufferPointer { breachscope_utf8_valid($0.baseAddress!, $0.count) } == 1)
        #expect([UInt8]([0x61, 0xC3]).withUnsafeBufferPointer { breachscope_utf8_valid($0.baseAddress!, $0.count) } == 0)
        #endif
    }

    /// Every pair of bytes, placed so that it sits inside a 16-byte block, across a 16-byte
    /// boundary, across a 64-byte boundary and at the very end: the vector check, the byte loop
    /// and the standard library agree on all of them.
    @Test func everyBytePairAtEveryKindOfPlace() {
        var disagreements = 0
        for position in [3, 15, 63, 70] {
            var bytes = [UInt8](repeating: 0x61, count: 80)
            for b0 in 0..<256 {
                for b1 in 0..<256 {
                    bytes[position] = UInt8(b0); bytes[position + 1] = UInt8(b1)
                    let truth = stdlibValid(bytes)
                    if valid(bytes) != truth || scalarValid(bytes) != truth { disagreements += 1 }
                    // The same pair as the file's last two bytes.
                    let end = Array(bytes[0...position + 1])
                    if valid(end) != stdlibValid(end) { disagreements += 1 }
                }
            }
        }
        #expect(disagreements == 0)
    }

    /// Every lead byte of a 3- or 4-byte sequence with every second byte and a continuation,
    /// ASCII or lead byte third and fourth, placed so that the sequence ends inside a 16-byte
    /// block, ends just past it or runs into the next one.
    @Test func everyLongSequenceShapeAroundABlockEnd() {
        let edges: [UInt8] = [0x41, 0x80, 0xBF, 0xC2]
        var disagreements = 0
        for offset in [0, 12, 13, 14, 15] {
            var bytes = [UInt8](repeating: 0x62, count: 40)
            for lead in 0xE0...0xFF {
                for b1 in 0..<256 {
                    for b2 in edges {
                        for b3 in edges {
                            bytes[offset] = UInt8(lead); bytes[offset + 1] = UInt8(b1)
                            bytes[offset + 2] = b2; bytes[offset + 3] = b3
                            if valid(bytes) != stdlibValid(bytes) { disagreements += 1 }
                        }
                    }
                }
            }
        }
        #expect(disagreements == 0)
    }

    /// Random text in the scripts leaks are written in (Latin with diacritics, Cyrillic, CJK,
    /// emoji), whole and with one to three bytes overwritten, cut at random lengths: the vector
    /// check agrees with the standard library and the byte loop on every one.
    @Test func randomTextWithRandomDamage() {
        var rng = SeededRNG(seed: 0x5EED_0008)
        let pieces = ["a", "Z", " ", "1", "õ", "ä", "Ł", "ż", "Ж", "я", "€", "中", "文", "𝄞", "😀", "\n", ","]
        var disagreements = 0
        var invalid = 0
        for _ in 0..<20_000 {
            var bytes: [UInt8] = []
            let count = Int.random(in: 0...120, using: &rng)
            for _ in 0..<count { bytes += Array(pieces.randomElement(using: &rng)!.utf8) }
            if !bytes.isEmpty && Bool.random(using: &rng) {
                for _ in 0..<Int.random(in: 1...3, using: &rng) {
                    bytes[Int.random(in: 0..<bytes.count, using: &rng)] = UInt8.random(in: 0...255, using: &rng)
                }
            }
            if !bytes.isEmpty && Int.random(in: 0..<4, using: &rng) == 0 {
                bytes.removeLast(Int.random(in: 0..<min(4, bytes.count), using: &rng))
            }
            let truth = stdlibValid(bytes)
            if !truth { invalid += 1 }
            if valid(bytes) != truth || scalarValid(bytes) != truth { disagreements += 1 }
        }
        #expect(disagreements == 0)
        #expect(invalid > 3_000)  // the damage really produced malformed inputs
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
