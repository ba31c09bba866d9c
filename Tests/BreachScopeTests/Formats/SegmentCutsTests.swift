import Testing
import BreachScopeTesting
@testable import BreachScope

/// A document cut by `SegmentCuts` and read in parts — a reader copied at the first usable cut,
/// resumed at each later one — must give exactly the records, lines and offsets of one reading
/// from the start. Checked on random documents full of what makes cutting hard: quoted line
/// feeds, CR/CRLF, doubled quotes, quotes inside unquoted fields, text after a closing quote,
/// blank lines, rows wider than the header, malformed NDJSON lines, paths first seen late.
@Suite struct SegmentCutsTests {
    /// A reader event with the column's name instead of its id (parts number new columns
    /// themselves).
    enum Named: Equatable, CustomStringConvertible {
        case begin(line: Int, offset: Int)
        case field(column: String, value: String, line: Int, offset: Int)
        case end
        var description: String {
            switch self {
            case let .begin(l, o): "begin(\(l)@\(o))"
            case let .field(c, v, l, o): "field(\(c)=\(v.debugDescription), \(l)@\(o))"
            case .end: "end"
            }
        }
    }

    static func named(_ v: RecordingVisitor) -> [Named] {
        v.events.compactMap { e in
            switch e {
            case .declare: nil
            case let .begin(line, offset): .begin(line: line, offset: offset)
            case let .field(value, column, line, offset): .field(column: column >= 0 ? v.columnNames[column] : "-", value: value, line: line, offset: offset)
            case .end: .end
            }
        }
    }

    static func cuts(_ doc: [UInt8], every: Int, delimiter: UInt8?, chunk: Int) -> [SegmentCuts.Cut] {
        var cutter = SegmentCuts(every: every, delimiter: delimiter)
        doc.withUnsafeBufferPointer { all in
            var i = 0
            while i < all.count {
                let end = min(i + max(1, chunk), all.count)
                cutter.feed(UnsafeBufferPointer(rebasing: all[i..<end]))
                i = end
            }
        }
        return cutter.finished(total: doc.count)
    }

    /// Reads `doc` in parts as the scanner does and checks it against one reading. Returns the
    /// number of parts read after the first.
    @discardableResult
    static func checkParts<R: ResumableReader>(_ make: () -> R, _ doc: [UInt8], every: Int, delimiter: UInt8?,
                                               _ label: String) -> Int {
        let whole = readDocument(make(), doc)
        let cuts = Self.cuts(doc, every: every, delimiter: delimiter, chunk: 0)
        for chunk in [1, 5, 97] {
            #expect(Self.cuts(doc, every: every, delimiter: delimiter, chunk: chunk) == cuts, "\(label): cuts depend on chunking (\(chunk))")
        }
        var reader = make()
        var prefix = RecordingVisitor()
        var at = 0
        var seedAt: Int?
        doc.withUnsafeBufferPointer { all in
            for (k, c) in cuts.enumerated() {
                try? reader.consume(UnsafeBufferPointer(rebasing: all[at..<c.offset]), visitor: &prefix)
                at = c.offset
                // The cutter's line agrees with the reader's at every cut (once the reader reads:
                // a sniffing CSV reader holds its first 64 KB).
                if reader.position.offset == c.offset { #expect(reader.position.line == c.line, "\(label): cut \(k) at \(c.offset)") }
                if reader.position == (c.offset, c.line) {
                    reader.endHeldRecord(visitor: &prefix)  // as the scanner's fork does
                    if reader.resumed(at: c.offset, line: c.line) != nil { seedAt = k; break }
                }
            }
        }
        guard let seedAt else {
            #expect(cuts.isEmpty || whole.visitor.events.count < 200, "\(label): no cut usable although the document is long")
            return 0
        }
        var events = Self.named(prefix)
        var malformed = 0, good = 0
        if let j = reader as? JSONReader { malformed += j.malformedLines; good += j.wellFormedLines }
        var firstError: ReadError?
        for k in seedAt..<cuts.count {
            var part = reader.resumed(at: cuts[k].offset, line: cuts[k].line)!
            if var j = part as? JSONReader { j.failsAllMalformed = false; part = j as! R }
            var v = RecordingVisitor()
            v.columnNames = prefix.columnNames
            let end = k + 1 < cuts.count ? cuts[k + 1].offset : doc.count
            doc.withUnsafeBufferPointer { all in
                do throws(ReadError) {
                    try part.consume(UnsafeBufferPointer(rebasing: all[cuts[k].offset..<end]), visitor: &v)
                    try part.finish(visitor: &v)
                } catch {
                    if firstError == nil { firstError = error }
                }
            }
            if let j = part as? JSONReader { malformed += j.malformedLines; good += j.wellFormedLines }
            events += Self.named(v)
        }
        let expected = Self.named(whole.visitor)
        #expect(events.count == expected.count, "\(label)")
        if events != expected, let i = zip(events, expected).enumerated().first(where: { $0.element.0 != $0.element.1 })?.offset {
            Issue.record("\(label): first difference at event \(i): \(events[i]) vs \(expected[i])")
        }
        #expect(firstError == whole.error, "\(label)")
        if var w = make() as? JSONReader {
            var sink = RecordingVisitor()
            doc.withUnsafeBufferPointer { try? w.consume($0, visitor: &sink) }
            try? w.finish(visitor: &sink)
            #expect(malformed == w.malformedLines && good == w.wellFormedLines, "\(label): line counts")
        }
        return cuts.count - seedAt
    }

    // MARK: Random documents

    static func csvField(_ rng: inout SeededRNG, _ d: Character) -> String {
        let words = ["Mari Maasikas", "mari@example.ee", "+372 5123 4567", "38001085718", "Tartu", "x", "12,50"]
        let w = words[Int(rng.next() % UInt64(words.count))]
        switch rng.next() % 12 {
        case 0: return ""
        case 1: return "\"\(w)\(d) and \(w)\""                     // delimiter inside quotes
        case 2: return "\"line one\nline two \(w)\""               // LF inside quotes
        case 3: return "\"crlf\r\ninside\r\(w)\""                  // CRLF and CR inside quotes
        case 4: return "\"say \"\"\(w)\"\"\""                      // doubled quotes
        case 5: return "ab\"c \(w)"                                // quote inside an unquoted field
        case 6: return "\"quoted\"tail \(w)"                       // text after the closing quote
        case 7: return "  \"spaced\n\(w)\"  "                      // spaces around a quoted field
        case 8: return "\"\(d)\n\""                                // only a delimiter and a newline
        case 9: return "\"unfinished \"\" \n\"\"\""                // doubled quotes around a newline
        default: return w
        }
    }

    static func randomCSV(_ seed: UInt64, delimiter d: Character, rows: Int) -> [UInt8] {
        var rng = SeededRNG(seed: seed)
        var s = ["name", "email", "phone", "isikukood", "note"].joined(separator: String(d)) + "\n"
        for _ in 0..<rows {
            var width = 5
            if rng.next() % 40 == 0 { width = 7 }             // wider than the header
            s += (0..<width).map { _ in csvField(&rng, d) }.joined(separator: String(d))
            switch rng.next() % 10 {
            case 0: s += "\r\n"
            case 1: s += "\r"
            case 2: s += "\n\n"                                // a blank line
            case 3: s += "\n \n"                               // a line of spaces
            default: s += "\n"
            }
        }
        return Array(s.utf8)
    }

    static func randomNDJSON(_ seed: UInt64, lines: Int) -> [UInt8] {
        var rng = SeededRNG(seed: seed)
        var s = ""
        for i in 0..<lines {
            switch rng.next() % 14 {
            case 0: s += "\n"                                                   // blank
            case 1: s += "{\"email\": \"broken\n"                              // raw newline: malformed
            case 2: s += "{\"email\": \"a\(i)@example.ee\", \"x\": tru}\n"     // bad literal
            case 3: s += "12345\n"                                              // a number alone
            case 4: s += "{\"late\(i % 7)\": {\"phone\": \"+372 5\(i % 10)00 0000\"}}\r\n"  // new paths, CRLF
            case 5: s += "[{\"name\": \"Jaan Saar\"}, {\"email\": \"j\(i)@example.ee\"}]\n"
            case 6: s += "{\"note\": \"escaped \\n newline and \\\" quote \\u00e4\"}\n"
            default: s += "{\"name\": \"Mari Maasikas\", \"email\": \"m\(i)@example.ee\", \"id\": 38001085718}\n"
            }
        }
        return Array(s.utf8)
    }

    @Test(arguments: [1, 2, 3, 4, 5, 6, 7, 8] as [UInt64])
    func csvPartsReadAsOne(seed: UInt64) {
        for (d, name) in [(Character(","), "comma"), (Character(";"), "semicolon"), (Character("\t"), "tab")] {
            let doc = Self.randomCSV(seed, delimiter: d, rows: 400)
            let byte = d.asciiValue!
            let make = { CSVReader(delimiter: byte, classify: { FieldClassifier.hint(forLabel: $0) }) }
            let parts = Self.checkParts(make, doc, every: 200 + Int(seed) * 37, delimiter: byte, "csv \(name) seed \(seed)")
            #expect(parts > 10, "csv \(name) seed \(seed): only \(parts) parts")
        }
    }

    @Test(arguments: [1, 2, 3, 4, 5, 6] as [UInt64])
    func ndjsonPartsReadAsOne(seed: UInt64) {
        let doc = Self.randomNDJSON(seed, lines: 600)
        let parts = Self.checkParts({ JSONReader(lines: true) }, doc, every: 150 + Int(seed) * 53, delimiter: nil, "ndjson seed \(seed)")
        #expect(parts > 10)
    }

    /// A sniffed delimiter: the copies keep the one the first part sniffed.
    @Test func sniffedDelimiterCarriesOver() {
        var s = "nimi;e-post;telefon\n"
        for i in 0..<3_000 { s += "Mari Maasikas \(i);m\(i)@example.ee;+372 5\(i % 10)00 00\(i % 100)\n" }
        let parts = Self.checkParts({ CSVReader() }, Array(s.utf8), every: 80 << 10 / 8, delimiter: UInt8(ascii: ";"), "sniffed")
        #expect(parts > 3)
    }

    /// Cuts fall only after record ends, at least `every` bytes apart, and a short last part is
    /// joined to the one before.
    @Test func cutPlacement() {
        let doc = Array("a,\"b\nc\"\nd,e\nf,g\n".utf8)
        // Every 1 byte: the LF inside quotes (offset 5) is no cut.
        let cuts = Self.cuts(doc, every: 1, delimiter: UInt8(ascii: ","), chunk: 0)
        #expect(cuts.map(\.offset) == [8, 12])  // none at the end: no empty last part
        #expect(cuts.map(\.line) == [3, 4])
        let sparse = Self.cuts(doc, every: 9, delimiter: UInt8(ascii: ","), chunk: 0)
        #expect(sparse.map(\.offset) == [12])
        // A last part shorter than half of `every` is joined to the one before it.
        let joined = Self.cuts(doc, every: 10, delimiter: UInt8(ascii: ","), chunk: 0)
        #expect(joined.isEmpty)
        // A shorter first part: the first cut after 2 bytes, the next ones after 9.
        var early = SegmentCuts(every: 9, first: 2, delimiter: UInt8(ascii: ","))
        doc.withUnsafeBufferPointer { early.feed($0) }
        #expect(early.finished(total: doc.count).map(\.offset) == [8])
        var early2 = SegmentCuts(every: 4, first: 2, delimiter: UInt8(ascii: ","))
        doc.withUnsafeBufferPointer { early2.feed($0) }
        #expect(early2.finished(total: doc.count).map(\.offset) == [8, 12])
        // NDJSON: every line feed is a record end; CR is not counted.
        let lines = Self.cuts(Array("{}\r\n{}\n\n{}\n{}\n".utf8), every: 1, delimiter: nil, chunk: 0)
        #expect(lines.map(\.offset) == [4, 7, 8, 11])
        #expect(lines.map(\.line) == [2, 3, 4, 5])
    }

    /// The vectorised count of line bytes agrees with a byte loop, at every length around its
    /// 16-byte steps and its 255-step blocks.
    @Test func lineBytesMatchAByteLoop() {
        var rng = SeededRNG(seed: 11)
        let alphabet: [UInt8] = [0x0A, 0x0D, 0x0D, 0x41, 0x20]
        let bytes = (0..<9_000).map { _ in alphabet[Int(rng.next() % 5)] }
        bytes.withUnsafeBufferPointer { p in
            for (from, to) in [(0, 0), (0, 1), (3, 19), (0, 16), (0, 17), (1, 33), (0, 4_080), (5, 4_097), (0, 9_000), (77, 8_999)] {
                var lf = 0, cr = 0, pairs = 0
                for i in from..<to {
                    if p[i] == 0x0A { lf += 1 }
                    if p[i] == 0x0D { cr += 1; if i + 1 < to && p[i + 1] == 0x0A { pairs += 1 } }
                }
                let got = SegmentCuts.lineBytes(p, from, to)
                #expect(got.lf == lf && got.cr == cr && got.crlf == pairs, "\(from)..<\(to)")
            }
        }
    }

    /// A reader that has not decided its header (the first rows are still sampled) or stands
    /// inside a record cannot be copied.
    @Test func readerStatesThatCannotBeCopied() {
        var csv = CSVReader(delimiter: UInt8(ascii: ","))
        var v = RecordingVisitor()
        Array("name,email\nMari,m@example.ee\n".utf8).withUnsafeBufferPointer { try? csv.consume($0, visitor: &v) }
        #expect(csv.resumed(at: 30, line: 3) == nil)  // still sampling
        var json = JSONReader(lines: true)
        Array("{\"a\": \"b\"}\n{\"a\": ".utf8).withUnsafeBufferPointer { try? json.consume($0, visitor: &v) }
        #expect(json.resumed(at: 17, line: 2) == nil)  // inside a value
        #expect(JSONReader(lines: false).resumed(at: 0, line: 1) == nil)  // one JSON document
    }
}
