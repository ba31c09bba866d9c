import Testing
@testable import BreachScope

@Suite struct TranscoderTests {
    /// Known letters of each codepage (from the published mapping tables).
    static let knownLetters: [(TextEncoding, UInt8, Unicode.Scalar)] = [
        (.windows1250, 0xB9, "ą"), (.windows1250, 0x9C, "ś"), (.windows1250, 0xE8, "č"), (.windows1250, 0x8A, "Š"), (.windows1250, 0xF5, "ő"),
        (.windows1252, 0x80, "€"), (.windows1252, 0x9A, "š"), (.windows1252, 0xF5, "õ"), (.windows1252, 0x8E, "Ž"), (.windows1252, 0x84, "„"),
        (.windows1257, 0xE8, "č"), (.windows1257, 0xF0, "š"), (.windows1257, 0xFE, "ž"), (.windows1257, 0xE2, "ā"), (.windows1257, 0xF5, "õ"),
        (.windows1257, 0xEB, "ė"), (.windows1257, 0x8E, "\u{02C7}"),
        (.windows1251, 0xC0, "А"), (.windows1251, 0xFF, "я"), (.windows1251, 0xA8, "Ё"), (.windows1251, 0xB3, "і"), (.windows1251, 0xBA, "є"),
        (.windows1251, 0xB4, "ґ"), (.windows1251, 0xB9, "№"),
        (.iso8859_1, 0xF5, "õ"), (.iso8859_1, 0xE9, "é"), (.iso8859_1, 0x9A, "\u{9A}"), (.iso8859_1, 0xDF, "ß"),
        (.iso8859_2, 0xB1, "ą"), (.iso8859_2, 0xB9, "š"), (.iso8859_2, 0xF5, "ő"), (.iso8859_2, 0xA3, "Ł"), (.iso8859_2, 0xBC, "ź"),
        (.iso8859_4, 0xE0, "ā"), (.iso8859_4, 0xB9, "š"), (.iso8859_4, 0xBB, "ģ"), (.iso8859_4, 0xF5, "õ"), (.iso8859_4, 0xA2, "ĸ"),
        (.iso8859_13, 0xE0, "ą"), (.iso8859_13, 0xF0, "š"), (.iso8859_13, 0xA1, "”"), (.iso8859_13, 0xFF, "’"), (.iso8859_13, 0xEB, "ė"),
        (.iso8859_15, 0xA4, "€"), (.iso8859_15, 0xA6, "Š"), (.iso8859_15, 0xBD, "œ"), (.iso8859_15, 0xB8, "ž"), (.iso8859_15, 0xF5, "õ"),
    ]

    @Test func knownLettersOfEveryCodepage() {
        for (encoding, byte, scalar) in Self.knownLetters {
            let decoded = transcodeAll([0x41, byte, 0x42], encoding)
            #expect(decoded.text == "A\(scalar)B", "\(encoding) 0x\(String(byte, radix: 16))")
            #expect(decoded.invalid == 0)
        }
        let covered = Set(Self.knownLetters.map(\.0))
        #expect(covered.count == TextEncoding.allCases.filter(\.isSingleByte).count)
    }

    @Test func everyCodepageTableRoundTrips() {
        for encoding in TextEncoding.allCases where encoding.isSingleByte {
            let table = TextEncoding.highTable(encoding)!
            #expect(table.count == 128)
            let all = (0...255).map { UInt8($0) }
            let decoded = transcodeAll(all, encoding)
            let scalars = Array(decoded.text.unicodeScalars)
            #expect(scalars.count == 256)
            var undefined = 0
            for b in 0..<256 {
                let expected: UInt32 = b < 0x80 ? UInt32(b) : UInt32(table[b - 0x80])
                #expect(scalars[b].value == expected, "\(encoding) byte \(b)")
                if expected == 0xFFFD { undefined += 1 }
            }
            #expect(decoded.invalid == undefined)
            // Encoding the decoded text back gives the original bytes (undefined ones excepted).
            let defined = all.filter { $0 < 0x80 || table[Int($0) - 0x80] != 0xFFFD }
            let text = transcodeAll(defined, encoding).text
            #expect(encodeSingleByte(text, encoding) == defined, "\(encoding)")
        }
    }

    @Test func undefinedSlotsBecomeReplacement() {
        let cases: [(TextEncoding, [UInt8])] = [
            (.windows1250, [0x81, 0x83, 0x88, 0x90, 0x98]),
            (.windows1252, [0x81, 0x8D, 0x8F, 0x90, 0x9D]),
            (.windows1257, [0x81, 0x83, 0x88, 0x8A, 0x8C, 0x90, 0x98, 0x9A, 0x9C, 0x9F, 0xA1, 0xA5]),
        ]
        for (encoding, bytes) in cases {
            let decoded = transcodeAll(bytes, encoding)
            #expect(decoded.text == String(repeating: "\u{FFFD}", count: bytes.count))
            #expect(decoded.invalid == bytes.count)
        }
    }

    /// Decodes `bytes` split into two chunks at every position, and in 1-byte chunks.
    static func decodeSplits(_ bytes: [UInt8], _ encoding: TextEncoding) -> [(String, Int)] {
        var results: [(String, Int)] = []
        for cut in 0...bytes.count {
            var t = Transcoder(encoding)
            var out: [UInt8] = []
            bytes.withUnsafeBufferPointer { p in
                t.decode(UnsafeBufferPointer(rebasing: p[0..<cut]), into: &out)
                t.decode(UnsafeBufferPointer(rebasing: p[cut...]), into: &out)
            }
            t.finish(into: &out)
            results.append((String(decoding: out, as: UTF8.self), t.invalidSequences))
        }
        var t = Transcoder(encoding)
        var out: [UInt8] = []
        for b in bytes { [b].withUnsafeBufferPointer { t.decode($0, into: &out) } }
        t.finish(into: &out)
        results.append((String(decoding: out, as: UTF8.self), t.invalidSequences))
        return results
    }

    @Test func utf8PassThroughAtEverySplit() {
        let text = "Jüri Õunapuu – 𝄞 €5 Łódź"
        for encoding in [TextEncoding.utf8, .utf8BOM] {
            for (i, result) in Self.decodeSplits(Array(text.utf8), encoding).enumerated() {
                #expect(result.0 == text && result.1 == 0, "split \(i)")
            }
            for (i, result) in Self.decodeSplits([0xEF, 0xBB, 0xBF] + Array(text.utf8), encoding).enumerated() {
                #expect(result.0 == text && result.1 == 0, "BOM, split \(i)")
            }
        }
    }

    @Test func invalidUTF8IsReplacedAndCounted() {
        let r = "\u{FFFD}"
        let cases: [([UInt8], String, Int)] = [
            ([0x61, 0xC3, 0x28, 0x62], "a\(r)(b", 1),           // bad continuation
            ([0xE0, 0x80, 0x80], "\(r)\(r)\(r)", 3),            // overlong
            ([0xC0, 0xAF], "\(r)\(r)", 2),                       // overlong lead
            ([0xED, 0xA0, 0x80, 0x61], "\(r)\(r)\(r)a", 3),     // surrogate
            ([0xF4, 0x90, 0x80, 0x80], "\(r)\(r)\(r)\(r)", 4),  // above U+10FFFF
            ([0x61, 0x62, 0xE2, 0x82], "ab\(r)", 1),             // truncated at the end
            ([0xF0, 0x9D, 0x84, 0x61], "\(r)a", 1),             // truncated 4-byte sequence
            ([0xFF, 0x61], "\(r)a", 1),
            ([0xEF, 0xBB, 0x78], "\(r)x", 1),                    // almost a BOM
            ([0x80], r, 1),
        ]
        for (bytes, expected, invalid) in cases {
            for (i, result) in Self.decodeSplits(bytes, .utf8).enumerated() {
                #expect(result.0 == expected && result.1 == invalid, "\(bytes) split \(i): \(result.0.debugDescription) \(result.1)")
            }
        }
    }

    static func utf16(_ s: String, littleEndian: Bool, bom: Bool) -> [UInt8] {
        var out: [UInt8] = bom ? (littleEndian ? [0xFF, 0xFE] : [0xFE, 0xFF]) : []
        for u in s.utf16 { out += littleEndian ? [UInt8(u & 0xFF), UInt8(u >> 8)] : [UInt8(u >> 8), UInt8(u & 0xFF)] }
        return out
    }

    @Test func utf16AtEverySplit() {
        let text = "Nimi: Jüri 𝄞 Õunapuu 😀"
        for le in [true, false] {
            let encoding: TextEncoding = le ? .utf16LE : .utf16BE
            for bom in [false, true] {
                for (i, result) in Self.decodeSplits(Self.utf16(text, littleEndian: le, bom: bom), encoding).enumerated() {
                    #expect(result.0 == text && result.1 == 0, "\(encoding) bom \(bom) split \(i)")
                }
            }
            // A BOM of the other byte order wins over the label.
            let other = Self.utf16(text, littleEndian: !le, bom: true)
            #expect(transcodeAll(other, encoding).text == text)
        }
    }

    @Test func invalidUTF16IsReplacedAndCounted() {
        let r = "\u{FFFD}"
        let cases: [([UInt16], String, Int)] = [
            ([0x61, 0xD834, 0x62], "a\(r)b", 1),      // lone high surrogate
            ([0x61, 0xDD1E, 0x62], "a\(r)b", 1),      // lone low surrogate
            ([0xD834, 0xD834, 0xDD1E], "\(r)𝄞", 1),  // high then pair
            ([0x61, 0xD834], "a\(r)", 1),             // high surrogate at the end
        ]
        for (units, expected, invalid) in cases {
            var bytes: [UInt8] = []
            for u in units { bytes += [UInt8(u & 0xFF), UInt8(u >> 8)] }
            for (i, result) in Self.decodeSplits(bytes, .utf16LE).enumerated() {
                #expect(result.0 == expected && result.1 == invalid, "\(units) split \(i)")
            }
        }
        // An odd trailing byte.
        #expect(transcodeAll([0x61, 0x00, 0x62], .utf16LE) == ("a\(r)", 1))
    }

    @Test func singleByteSplitsAndReuse() {
        let text = "Ārsts Jānis Bērziņš, Rīga"
        let bytes = encodeSingleByte(text, .windows1257)!
        for (i, result) in Self.decodeSplits(bytes, .windows1257).enumerated() {
            #expect(result.0 == text && result.1 == 0, "split \(i)")
        }
        // After finish the transcoder starts a new document (a BOM is dropped again).
        var t = Transcoder(.utf8)
        var out: [UInt8] = []
        for _ in 0..<2 {
            [0xEF, 0xBB, 0xBF, 0x61].withUnsafeBufferPointer { t.decode($0, into: &out) }
            t.finish(into: &out)
        }
        #expect(out == [0x61, 0x61])
    }
}
