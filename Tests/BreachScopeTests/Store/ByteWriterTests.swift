import Foundation
import Testing
@testable import BreachScope

/// `ByteWriter` (the packers' pointer-written buffer) and `[UInt8]` write the same bytes.
@Suite struct ByteWriterTests {
    /// The reference encoding: a varint (7 bits a byte, low first), then the bytes.
    static func sized(_ n: Int) -> [UInt8] {
        var out: [UInt8] = []
        var v = n
        while v >= 0x80 { out.append(UInt8(v & 0x7f) | 0x80); v >>= 7 }
        out.append(UInt8(v))
        return out + (0..<n).map { UInt8(truncatingIfNeeded: $0 &* 31 &+ 7) }
    }

    /// Where two byte strings first differ (nil when equal): a short failure message for long
    /// buffers.
    static func firstDifference(_ a: some Sequence<UInt8>, _ b: [UInt8]) -> Int? {
        let a = Array(a)
        if let i = (0..<min(a.count, b.count)).first(where: { a[$0] != b[$0] }) { return i }
        return a.count == b.count ? nil : min(a.count, b.count)
    }

    /// Parts around the one-byte length limit (127/128) and the two-byte one (16383/16384) get
    /// their length widened in place, in both sinks.
    @Test(arguments: [0, 1, 127, 128, 129, 300, 16_383, 16_384, 70_000])
    func sizedPartsCarryTheirLength(_ n: Int) {
        let part = (0..<n).map { UInt8(truncatingIfNeeded: $0 &* 31 &+ 7) }
        let expected: [UInt8] = [0xAA, 0xBB] + Self.sized(n) + [0xCC]
        var array: [UInt8] = [0xAA, 0xBB]
        array.putSized { out in part.withUnsafeBytes { out.put(bytes: $0) } }
        array.put(byte: 0xCC)
        #expect(Self.firstDifference(array, expected) == nil)
        var writer = ByteWriter(capacity: 1)
        writer.put(byte: 0xAA)
        writer.put(byte: 0xBB)
        // Byte by byte, so the writer grows inside the part.
        writer.putSized { out in for b in part { out.put(byte: b) } }
        writer.put(byte: 0xCC)
        let owned = writer.take()
        #expect(Self.firstDifference(owned.bytes, expected) == nil)
    }

    /// Varints of every width, nested sized parts and growth from a tiny capacity.
    @Test func writerMatchesArrayOnMixedWrites() {
        var rng = SystemRandomNumberGenerator()
        var array: [UInt8] = []
        var writer = ByteWriter(capacity: 8)
        for round in 0..<2_000 {
            let v = UInt64.random(in: 0...UInt64.max, using: &rng) >> UInt64(round % 64)
            PackedItems.put(v, &array)
            PackedItems.put(v, &writer)
            let text: String? = round % 3 == 0 ? nil : String(repeating: "ä", count: round % 90)
            PackedItems.putText(text, &array)
            PackedItems.putText(text, &writer)
            let inner = (0..<(round % 200)).map { UInt64($0) << UInt64(round % 40) }
            array.putSized { out in out.putSized { for x in inner { $0.put(varint: x) } } }
            writer.putSized { out in out.putSized { for x in inner { $0.put(varint: x) } } }
        }
        #expect(Self.firstDifference(writer.bytes, array) == nil)
        writer.free()
    }

    /// A person with values, exposures, attributions and reasons long enough for two-byte
    /// lengths packs the same through both sinks and decodes back.
    @Test func personsPackTheSameThroughBothSinks() {
        let values = (0..<400).map { Int64($0) * 977 + 5 }
        let exposures = (0..<70).map { StoredPerson.Exposure(element: UInt8($0 % 30), document: Int64($0), occurrences: $0 + 1) }
        let triples = (0..<60).map { StoredPerson.Triple(what: Int64($0), rule: Int64($0 * 3), document: Int64(1_000_000 + $0)) }
        let pid = Array("p_0123456789abcdef".utf8)
        var array: [UInt8] = []
        var writer = ByteWriter(capacity: 16)
        pid.withUnsafeBytes {
            PersonBoxes.appendHeader(pid: $0, language: "et", flags: 1, to: &array)
            PersonBoxes.appendHeader(pid: $0, language: "et", flags: 1, to: &writer)
        }
        PersonBoxes.appendFields(values: values, exposures: exposures, attributions: triples, reasons: triples, to: &array)
        PersonBoxes.appendFields(values: values, exposures: exposures, attributions: triples, reasons: triples, to: &writer)
        let owned = writer.take()
        #expect(Self.firstDifference(owned.bytes, array) == nil)
        var decoded: [StoredPerson] = []
        PersonBoxes.decode(owned.bytes, firstID: 9, count: 1) { decoded.append($0) }
        #expect(decoded.count == 1)
        #expect(decoded.first?.pid == "p_0123456789abcdef")
        #expect(decoded.first?.values == values)
        #expect(decoded.first?.exposures == exposures)
        #expect(decoded.first?.attributions == triples)
        #expect(decoded.first?.reasons == triples)
    }

    @Test func personIDsAreLowerCaseHex() {
        #expect(Vault.personIDText(0x0123_4567_89AB_CDEF) == "p_0123456789abcdef")
        #expect(Vault.personIDText(0) == "p_0000000000000000")
        #expect(Vault.personIDText(UInt64.max) == "p_ffffffffffffffff")
    }
}
