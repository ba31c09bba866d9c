import Testing
@testable import BreachScope
import BreachScopeTesting

/// An EDI++ file (Subiekt GT's `.epp`): each kind of row is a table whose columns are decided by
/// their values, so the buyers' register's phones are phones; lines and offsets are the file's.
@Suite struct EDIPPReaderTests {
    static func file(pesels: [String]) -> String {
        let buyers = [("HPIOTROWSKA0", "Halina Piotrowska", "Lublin", "24-716", "ul. Kościuszki 121/1", "721 710 741"),
                      ("JJANKOWSKI1", "Jakub Jankowski", "Lublin", "27-869", "os. Piastów 66/40", "605 777 689"),
                      ("GKAMINSKA2", "Grażyna Kamińska", "Kraków", "36-710", "ul. Krótka 16", "600 762 474"),
                      ("KWOZNIAK3", "Kamil Woźniak", "Warszawa", "03-831", "al. Niepodległości 85/23", "512 404 118"),
                      ("UOLSZEWSKA4", "Urszula Olszewska", "Białystok", "15-517", "ul. Polna 90", "693 118 220"),
                      ("MNOWAK5", "Marek Nowak", "Gdańsk", "80-112", "ul. Długa 4/2", "788 014 552")]
        var out = "[INFO]\r\n\"1.05\",3,1250,\"Subiekt GT\",\"DIAGNOLAB\",\"DIAGNOLAB\",\"Diagnolab Sp. z o.o.\",\"Łódź\",\"90-001\",\"ul. Piotrkowska 100\",\"7251234567\"\r\n\r\n"
        for (k, b) in buyers.enumerated() {
            out += "[NAGLOWEK]\r\n\"FS\",1,0,\(100 + k),\"FS \(100 + k)/10/2023\",,\"FS \(100 + k)/10/2023\",,,,,\"\(b.0)\",\"\(b.1)\",\"\(b.1)\",\"\(b.2)\",\"\(b.3)\",\"\(b.4)\",\"\",\"Sprzedaż\",20231015000000,210.0000\r\n\r\n"
            out += "[ZAWARTOSC]\r\n1,1,\"BAD240\",1,0,0,1,0,0,\"szt.\",1.0000,1.0000,,210.0000,210.0000,\"Witamina D3\"\r\n\r\n"
        }
        out += "[NAGLOWEK]\r\n\"KONTRAHENCI\"\r\n\r\n[ZAWARTOSC]\r\n"
        for (k, b) in buyers.enumerated() {
            out += "0,\"\(b.0)\",\"\(b.1)\",\"\(b.1)\",\"\(b.2)\",\"\(b.3)\",\"\(b.4)\",\"\",\"\",\"\",\"\(b.5)\",\"\",\"\",\"\",\"\(pesels[k])\",\"\",\"Polska\",\"PL\",0\r\n"
        }
        return out
    }

    @Test func rowsAreRecordsOfTheirKindsTables() {
        var rng = SeededRNG(seed: 0xE99)
        let pesels = (0..<6).map { _ in Synthetic.nationalID(.plPesel, using: &rng) }
        let text = Self.file(pesels: pesels)
        let doc = Array(text.utf8)
        #expect(doc.withUnsafeBufferPointer { DocumentFormat.detect(path: "FS_2023-10_kontrahenci.epp", prefix: $0) } == .edipp)
        #expect(Array("[INFO]\nname=x\n".utf8).withUnsafeBufferPointer { DocumentFormat.detect(path: "setup.ini", prefix: $0) } == .text)
        let whole = readDocument(EDIPPReader(), doc)
        #expect(whole.error == nil)
        for size in [1, 7, 100] {
            #expect(readDocument(EDIPPReader(), doc, chunkSize: size).visitor.events == whole.visitor.events, "chunk size \(size)")
        }
        let v = whole.visitor
        var hints: [String: FieldHint] = [:]
        for case let .declare(name, hint, _) in v.events { hints[name] = hint }
        #expect(hints["KONTRAHENCI[11]"] == .phone, "\(hints)")
        #expect(hints["KONTRAHENCI[15]"].map { if case .nationalID = $0 { true } else { false } } == true, "\(hints)")
        // One record per buyer, with its phone and PESEL; one per invoice and per item.
        let buyers = v.records.filter { $0.contains { $0.0 == "KONTRAHENCI[15]" } }
        #expect(buyers.count == 6)
        #expect(buyers.first?.contains { $0 == ("KONTRAHENCI[11]", "721 710 741") } == true && buyers.first?.contains { $0.1 == pesels[0] } == true)
        #expect(v.records.filter { $0.contains { $0.0 == "NAGLOWEK[13]" } }.count == 6)
        #expect(v.records.filter { $0.contains { $0.1 == "Witamina D3" } }.count == 6)
        // Offsets and lines are the file's.
        let lines = doc.split(separator: 0x0A, omittingEmptySubsequences: false).map { String(decoding: $0, as: UTF8.self) }
        for case let .field(value, _, line, offset) in v.events where !value.isEmpty {
            #expect(Array(doc[offset..<min(doc.count, offset + value.utf8.count)]) == Array(value.utf8), "\(value)")
            #expect(lines[line - 1].contains(value), "\(value) on line \(line)")
        }
        #expect(FieldClassifier.hint(forLabel: "KONTRAHENCI[11]") == nil && FieldClassifier.hint(forLabel: "NAGLOWEK[13]") == nil)
    }
}
