import Testing
@testable import BreachScope

@Suite struct DocumentFormatTests {
    static func detect(_ path: String, _ content: [UInt8]) -> DocumentFormat {
        content.withUnsafeBufferPointer { DocumentFormat.detect(path: path, prefix: $0) }
    }
    static func detect(_ path: String, _ content: String) -> DocumentFormat { detect(path, Array(content.utf8)) }

    @Test func byExtension() {
        let cases: [(String, DocumentFormat)] = [
            ("leak/kliendid.CSV", .csv), ("x.psv", .csv), ("x.tsv", .tsv), ("x.tab", .tsv), ("a/b.json", .json),
            ("x.ndjson", .ndjson), ("x.jsonl", .ndjson), ("notes.txt", .text), ("server.log", .text), ("README.md", .text),
        ]
        // The extension wins over content that would sniff differently.
        for (path, format) in cases { #expect(Self.detect(path, "just some words") == format, "\(path)") }
        #expect(DocumentFormat.fileExtension("dir.d/file") == nil)
        #expect(DocumentFormat.fileExtension(".bashrc") == nil)
        #expect(DocumentFormat.fileExtension("a/B.JsonL") == "jsonl")
    }

    /// A `.txt` of pipe-separated rows is a table, unless it is a query tool's printout (a
    /// header over `---+---`, with prompts and `---MORE---` breaks), which the text reader reads.
    @Test func queryPrintoutsStayText() {
        var rows = ""
        for k in 0..<20 { rows += " 29000009695\(k % 10)9 | 2023-07-18 | Apteek Narva Astri | Strepsils N24 | \(k)\n" }
        let table = "kaart|kuupaev|kauplus|toode|kogus\n" + rows.replacingOccurrences(of: " | ", with: "|")
        #expect(Self.detect("ostud.txt", table) == .csv)
        let printout = "cqlsh:loyalty> SELECT kaart, ostu_aeg, kauplus, toode, kogus FROM ostud;\n\n"
            + "         kaart | ostu_aeg   | kauplus            | toode         | kogus\n"
            + "---------------+------------+--------------------+---------------+------\n" + rows + "\n---MORE---\n"
        #expect(Self.detect("cqlsh_ostud_2023-07.txt", printout) == .text)
    }

    @Test func binaryContentWinsOverExtension() {
        var bytes: [UInt8] = [0x50, 0x4B, 0x03, 0x04]
        for k in 0..<500 { bytes.append(UInt8(truncatingIfNeeded: k * 7)) ; bytes.append(0) }
        #expect(Self.detect("kliendid.csv", bytes) == .binary)
        #expect(Self.detect("dump", bytes) == .binary)
    }

    @Test func sniffing() {
        let cases: [(String, DocumentFormat)] = [
            ("  {\"nimi\": \"Mari\", \"telefon\": [\"5555 0101\"], \"aktiivne\": true, \"summa\": -1.5e2}", .json),
            ("[{\"a\": 1}, {\"a\": 2}]", .json),
            ("{\"nimi\": \"Mari\"}\n{\"nimi\": \"Jüri\"}\n{\"nimi\": \"Ann\"}\n", .ndjson),
            ("{\"nimi\": \"Mari\"}\n", .json),
            ("nimi;telefon;linn\nMari;5555 0101;Tartu\nJüri;5555 0102;Pärnu\n", .csv),
            ("nimi\ttelefon\nMari\t5555 0101\nJüri\t5555 0102\n", .tsv),
            ("Nimi: Mari Maasikas\nTelefon: 5555 0101\n\nTere, Mari! Kuidas läheb?\n", .text),
            ("[2024-01-01 12:00:00] INFO started\n[2024-01-01 12:00:01] INFO done\n", .text),
            ("{ not json at all, just braces }\n", .text),
            ("", .text),
        ]
        for (content, format) in cases {
            #expect(Self.detect("upload/file", content) == format, "\(content.debugDescription)")
            #expect(Self.detect("upload/file.dat", content) == format, "\(content.debugDescription)")
        }
    }

    @Test func prefixOfALargeDocument() {
        // A 64 KB prefix cuts the JSON short: valid so far is enough. A short file must be whole.
        var json = "[\n"
        var lines = ""
        for k in 0..<2000 {
            json += "  {\"nimi\": \"Klient \(k)\", \"telefon\": \"5555 \(1000 + k)\"},\n"
            lines += "{\"nimi\": \"Klient \(k)\", \"telefon\": \"5555 \(1000 + k)\"}\n"
        }
        let prefix = Array(Array(json.utf8)[0..<TextEncoding.detectWindow])
        #expect(Self.detect("export", prefix) == .json)
        #expect(Self.detect("export", Array(Array(lines.utf8)[0..<TextEncoding.detectWindow])) == .ndjson)
        #expect(Self.detect("export", "[\n  {\"nimi\": \"Mari\"") == .text)
    }

    @Test func sniffsDecodedContent() {
        // UTF-16LE with BOM: sniffed after transcoding.
        var bytes: [UInt8] = [0xFF, 0xFE]
        for u in "nimi;telefon\nMari;5555 0101\nJüri;5555 0102\n".utf16 { bytes += [UInt8(u & 0xFF), UInt8(u >> 8)] }
        #expect(Self.detect("export", bytes) == .csv)
        // windows-1257 text.
        let text = encodeSingleByte("Ārsts Jānis Bērziņš dzīvo Rīgā.\nTālrunis 5555 0101.\n", .windows1257)!
        #expect(Self.detect("vestlus", text) == .text)
    }
}
