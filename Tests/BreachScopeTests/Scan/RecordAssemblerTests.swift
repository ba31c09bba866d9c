import Testing
@testable import BreachScope

/// What the record assembler hands the writer for a few fictitious rows: one flat slice whose
/// records reference their values, names joined, card link keys, language guesses, and text
/// blocks with two persons split by line.
@Suite struct RecordAssemblerTests {
    final class Sink { var batches: [ScanBatch] = [] }
    let vault = Vault(master: try! MasterKey(hex: String(repeating: "42", count: 32)))

    func assemble(_ columns: [(String, FieldHint)], _ rows: [[String]], split: Bool = false, sliceSize: Int = 10_000) -> [ScanBatch] {
        let sink = Sink()
        var a = RecordAssembler(documentID: 1, vault: vault, fieldScanner: FieldScanner(), splitConflictingBlocks: split,
                                sliceSize: sliceSize) { sink.batches.append($0) }
        let ids = columns.map { a.declareColumn(name: $0.0, hint: $0.1) }
        for (n, row) in rows.enumerated() {
            a.beginRecord(line: n + 2, offset: n * 100)
            for (c, text) in row.enumerated() {
                var bytes = Array(text.utf8)
                bytes.withUnsafeMutableBufferPointer { a.field(UnsafeBufferPointer($0), column: ids[c], line: n + 2, offset: n * 100 + c * 10) }
            }
            a.endRecord()
        }
        a.flush(outcome: nil)
        return sink.batches
    }

    /// The values of record `r` as (kind, text).
    func values(_ b: ScanBatch, _ r: Int) -> [(ValueKind, String)] {
        b.records[r].items.filter(\.refersToValue).map { (b.values.kind(at: Int($0.value)), String(decoding: b.values[Int($0.value)].plaintext, as: UTF8.self)) }
    }

    @Test func customerRows() {
        let cols: [(String, FieldHint)] = [("isikukood", .nationalID(nil)), ("first_name", .firstName), ("last_name", .lastName),
                                           ("email", .email), ("phone", .phone), ("card", .paymentCard)]
        // Fictitious: a valid-checksum isikukood, invented names, example.ee addresses.
        let rows = [["37605030064", "Mari  Liis", " Tamm ", "Mari.Tamm@Example.EE", "+372 5000 0001", "100000000001"],
                    ["not an id", "", "Kask", "jaan.kask@example.ee", "5000 0002", "1000 0000-0002"],
                    ["", "", "", "", "", ""]]
        let batches = assemble(cols, rows)
        #expect(batches.count == 1)
        let b = batches[0]
        #expect(b.records.count == 2)  // the empty row holds nothing personal
        #expect(b.records.map(\.ordinal) == [0, 1])
        #expect(b.records.map(\.line) == [2, 3])
        let first = values(b, 0)
        #expect(first.contains { $0.0 == .identifier(.eeIsikukood) && $0.1 == "37605030064" })
        #expect(first.contains { $0.0 == .element(.name) && $0.1 == "Mari Liis Tamm" })
        #expect(first.contains { $0.0 == .identifier(.email) && $0.1 == "mari.tamm@example.ee" })
        #expect(first.contains { $0.0 == .identifier(.phone) && $0.1 == "+37250000001" })
        #expect(first.contains { $0.0 == .element(.loyaltyCard) && $0.1 == "100000000001" })
        #expect(first.contains { $0.0 == .linkKey && $0.1 == "card\u{0}100000000001" })
        #expect(b.records[0].language == "~et")  // from the Estonian ID
        let second = values(b, 1)
        #expect(second.contains { $0.0 == .element(.name) && $0.1 == "Kask" })  // last name alone
        #expect(second.contains { $0.0 == .identifier(.phone) && $0.1 == "+37250000002" })
        #expect(second.contains { $0.0 == .linkKey && $0.1 == "card\u{0}100000000002" })  // digits only
        #expect(!second.contains { $0.0 == .identifier(.eeIsikukood) })
        #expect(b.records[1].language == "~et")  // from the phone
        // Items index values inside the slice; each distinct value is stored once.
        #expect(b.records.items.allSatisfy { !$0.refersToValue || Int($0.value) < b.values.count })
        #expect(Set(b.values.map(\.hash)).count == b.values.count)
    }

    /// An e-mail column: a whole address is taken as it is (trimmed, lower-cased, at its first
    /// byte, digits in its local part read as nothing else); anything else is scanned as before
    /// (a display name beside the address, a role mailbox, two addresses, no address).
    @Test func emailColumnValues() {
        let rows = [["  Kadri.Saar.0@Example.EE "], ["Mari Maasikas <mari.maasikas@example.ee>"], ["info@apteek.ee"],
                    ["a@example.ee; 37605030064@example.ee"], ["o'brien+rx/2@example.ie"], ["1234567890"]]
        let b = assemble([("email", .email)], rows)[0]
        func items(_ line: Int) -> [(String, Int)] {
            guard let r = b.records.first(where: { $0.line == line }) else { return [] }
            return r.items.filter(\.refersToValue).map { (String(decoding: b.values[Int($0.value)].plaintext, as: UTF8.self), $0.offset) }
        }
        #expect(items(2).map(\.0) == ["kadri.saar.0@example.ee"] && items(2).first?.1 == 2)   // row 0 at offset 0, two spaces
        #expect(Set(items(3).map(\.0)) == ["mari.maasikas@example.ee", "Mari Maasikas"])
        #expect(items(4).isEmpty)   // a role mailbox is no person's
        #expect(items(5).map(\.0) == ["a@example.ee", "37605030064@example.ee"])   // no national ID in a local part
        #expect(items(6).map(\.0) == ["o'brien+rx/2@example.ie"])   // the whole field's RFC 5321 local part
        #expect(items(7).isEmpty)
        #expect(b.values.allSatisfy { $0.kind != .identifier(.eeIsikukood) })
    }

    @Test func repeatedValuesAreStoredOncePerSlice() {
        let rows = (0..<5).map { _ in ["kati.kuusk@example.ee"] } + [["Kati.Kuusk@example.ee"]]
        let b = assemble([("email", .email)], rows)[0]
        #expect(b.records.count == 6)
        #expect(b.values.count == 1)
        #expect(b.records.items.allSatisfy { $0.value == 0 })
    }

    @Test func slicesStartTheirValuesAfresh() {
        let rows = (0..<5).map { ["pacjent\($0 % 2)@example.pl"] }
        let batches = assemble([("email", .email)], rows, sliceSize: 2)
        #expect(batches.map(\.records.count) == [2, 2, 1])
        #expect(batches.map(\.values.count) == [2, 2, 1])
        #expect(batches[2].records.map(\.ordinal) == [4])
    }

    @Test func blockWithTwoPersonsIsSplitByLine() {
        // A text block (free text, one record) naming two persons' IDs on two lines.
        let sink = Sink()
        var a = RecordAssembler(documentID: 1, vault: vault, fieldScanner: FieldScanner(), splitConflictingBlocks: true) { sink.batches.append($0) }
        a.beginRecord(line: 1, offset: 0)
        for (n, text) in ["isikukood 37605030064 kati@example.ee", "isikukood 49403136526 jaan@example.ee"].enumerated() {
            var bytes = Array(text.utf8)
            bytes.withUnsafeMutableBufferPointer { a.field(UnsafeBufferPointer($0), column: -1, line: n + 1, offset: n * 40) }
        }
        a.endRecord()
        a.flush(outcome: nil)
        let b = sink.batches[0]
        #expect(b.records.count == 2)
        #expect(b.records.map(\.line) == [1, 2])
        #expect(values(b, 0).map(\.1).sorted() == ["37605030064", "kati@example.ee"])
        #expect(values(b, 1).map(\.1).sorted() == ["49403136526", "jaan@example.ee"])
        #expect(a.findingCount == 4 && a.recordCount == 2)
    }

    @Test(arguments: [(" 1000 0000 0002\t", "1000 0000 0002"), ("K-42", "K-42"), ("  \t ", nil), ("", nil)] as [(String, String?)])
    func keysIntoBuffer(_ text: String, _ expected: String?) {
        let bytes = Array(text.utf8)
        var buffer = Array("stale".utf8)
        let ok = bytes.withUnsafeBufferPointer { RecordAssembler.key($0, into: &buffer) }
        #expect(ok == (expected != nil))
        #expect(buffer == Array((expected ?? "").utf8))
        #expect(bytes.withUnsafeBufferPointer { RecordAssembler.key($0) } == expected.map { Array($0.utf8) })
        #expect(bytes.withUnsafeBufferPointer { RecordAssembler.hasKey($0) } == (expected != nil))
    }

    /// A log's `name='David Lopez'` (and `full_name=`, `fullName=`) is a name; `username=`,
    /// `filename=`, an unquoted or one-word value are not.
    @Test func namesAsKeyValues() {
        func name(_ text: String) -> String? {
            Array(text.utf8).withUnsafeBufferPointer { RecordAssembler.keyValueName($0) }.map { String(decoding: $0.bytes, as: UTF8.self) }
        }
        #expect(name("linked PPS patient 8358210 to grocery account for <lopez.david@mail.test> (name='David Lopez')") == "David Lopez")
        #expect(name(#"user created full_name="Carol Rodriguez" id=7"#) == "Carol Rodriguez")
        #expect(name("fullName='Linda C. Lee'") == "Linda C. Lee")
        for text in ["username='David Lopez'", "filename='Annual Report.pdf'", "name=David", "name='admin'", "a=b", "=", "name='"] {
            #expect(name(text) == nil, "\(text)")
        }
    }

    /// A quoted display name keeps its comma (`"Rodriguez, Carol" <crodriguez@…>`).
    @Test func quotedDisplayNames() {
        func name(_ text: String) -> String? {
            let bytes = Array(text.utf8)
            guard let at = bytes.firstIndex(of: UInt8(ascii: "<")) else { return nil }
            return bytes.withUnsafeBufferPointer { RecordAssembler.displayName($0, before: at + 1) }.map { String(decoding: $0.bytes, as: UTF8.self) }
        }
        #expect(name(#"To: "Rodriguez, Carol" <crodriguez@example.com>"#) != nil)
        #expect(name("To: Carol Rodriguez <crodriguez@example.com>") == "Carol Rodriguez")
        #expect(name("To: x@example.com, Carol <crodriguez@example.com>") == nil)
        // A log's sentence before an address is no display name; particles and lower case are.
        #expect(name("E-mail z wynikami wysłany do <piotr_wojcik@example.org>, pacjent Piotr Wójcik") == nil)
        #expect(name("To: Ana de la Cruz <ana@example.com>") == "Ana de la Cruz")
        #expect(name("To: john smith <john@example.com>") == "john smith")
    }

    /// A company's account in a signature line is no one's; a person's stays.
    @Test func organisationBeforeAnAccount() {
        func org(_ line: String) -> Bool {
            let bytes = Array(line.utf8)
            let at = bytes.firstIndex(of: UInt8(ascii: "E"))!
            return bytes.withUnsafeBufferPointer { RecordAssembler.organisationBefore($0, at) }
        }
        #expect(org("Sander\nKaseapteek AS · a/a EE66 1034 4428 1845 1065 · info@kaseapteek.example.com"))
        #expect(org("Nordlog Oy, tili EE66 1034 4428 1845 1065"))
        #expect(!org("Mari Kask, Pärnu mnt 12, a/a EE66 1034 4428 1845 1065"))
        #expect(!org("Kaseapteek AS\nMari Kask · a/a EE66 1034 4428 1845 1065"))
    }

    /// Words before a code in prose that give it as a relative's, not after a first-person word.
    @Test func relativesBeforeACode() {
        for (text, relative) in [("Minu isikukood on ", false), ("Minu tütre Kersti Lepik (isikukood ", true),
                                 ("Olen tütre ema, minu isikukood ", false), ("Luisa isikukood ", false),
                                 ("Анализ моего ребёнка Aleksandr Volkov (личный код ", true), ("My daughter's number is ", true),
                                 ("Tyttäreni henkilötunnus ", true), ("Mój PESEL to ", false)] {
            #expect(Array(text.utf8).withUnsafeBufferPointer { RecordAssembler.relativeBefore($0, $0.count) } == relative, "\(text)")
        }
    }
}
