import Testing
import BreachScopeTesting
@testable import BreachScope

/// The readers' 16-bytes-at-a-time searches find exactly what a byte loop finds: at every start
/// position of random buffers over the bytes that matter, across vector boundaries and in the
/// last bytes that the vector loop leaves to the byte loop.
@Suite struct ByteSearchTests {
    static func buffers(_ alphabet: [UInt8], seed: UInt64) -> [[UInt8]] {
        var rng = SeededRNG(seed: seed)
        return (0..<400).map { k in
            let n = Int.random(in: 0...70, using: &rng)
            // Sparse hits in most buffers (long plain runs), dense in some.
            let density = k % 4 == 0 ? 2 : 24
            return (0..<n).map { _ in
                Int.random(in: 0..<density, using: &rng) == 0 ? alphabet[Int.random(in: 0..<alphabet.count, using: &rng)]
                    : UInt8.random(in: 0x41...0x7A, using: &rng)
            }
        }
    }

    @Test(arguments: [UInt8(ascii: ","), UInt8(ascii: ";"), 0x09, UInt8(ascii: "|")])
    func csvFieldEndMatchesTheByteLoop(delimiter: UInt8) {
        for buffer in Self.buffers([delimiter, 0x0A, 0x0D, 0x22, 0x20, 0x09, 0xC3, 0xFF], seed: UInt64(delimiter)) {
            buffer.withUnsafeBufferPointer { p in
                for from in 0...p.count {
                    var j = from
                    while j < p.count && p[j] != delimiter && p[j] != 0x0A && p[j] != 0x0D { j += 1 }
                    #expect(CSVReader.fieldEnd(p, from: from, delimiter: delimiter) == j)
                }
            }
        }
    }

    @Test func jsonPlainEndMatchesTheByteLoop() {
        for buffer in Self.buffers([0x22, 0x5C, 0x09, 0x00, 0x0A, 0x1F, 0x20, 0x7F, 0xC3, 0xE2], seed: 0x15) {
            buffer.withUnsafeBufferPointer { p in
                for from in 0...p.count {
                    var j = from
                    while j < p.count && p[j] != 0x22 && p[j] != 0x5C && !(p[j] < 0x20 && p[j] != 0x09) { j += 1 }
                    #expect(JSONReader.plainEnd(p, from: from) == j)
                }
            }
        }
    }
}
