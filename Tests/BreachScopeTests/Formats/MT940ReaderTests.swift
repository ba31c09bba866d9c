import Testing
@testable import BreachScope
import BreachScopeTesting

/// An MT940 statement: each statement line's `:86:` is a record of its counterparty (name,
/// account, address, and the title's text with a PESEL split over two subfields); the
/// statement's own account is not read.
@Suite struct MT940ReaderTests {
    static let statement = """
        :20:ST231031/0001
        :25:/PL70114020041284153086644903
        :28C:00210/001
        :60F:C230930PLN264988,85
        :61:2310031003CN240,99NTRFNONREF//6324634931
        :86:020~00TR01~20OPLATA ZA BADANIA PESEL~2149050660189~3020102630
        ~3160132610309626~32JABLONSKA MAGDALENA
        ~38PL75102010263060132610309626~62UL. OGRODOWA 80/31
        ~6301-799 WARSZAWA
        :61:2310041004DN35,50NTRFNONREF//6361239746
        :86:Zwrot nadplaty dla Jan Kowalski
        :62F:C231031PLN270312,40
        -
        :20:ST231031/0002
        :25:/PL70114020041284153086644903
        :61:2310311031CN10,00NTRFNONREF//1
        :86:020~00TR01~20OPLATA~32NOWAK ANNA
        -
        """

    @Test func statementLinesAreTheirCounterpartiesRecords() {
        let doc = Array(Self.statement.utf8)
        #expect(doc.withUnsafeBufferPointer { DocumentFormat.detect(path: "MT940_86644903_2023-10.sta", prefix: $0) } == .mt940)
        #expect(doc.withUnsafeBufferPointer { DocumentFormat.detect(path: "wyciag.txt", prefix: $0) } == .mt940)
        #expect(Array(":20: is a tag\nno more\n".utf8).withUnsafeBufferPointer { DocumentFormat.detect(path: "x.txt", prefix: $0) } == .text)
        let whole = readDocument(MT940Reader(), doc)
        #expect(whole.error == nil)
        for size in [1, 5, 64] {
            #expect(readDocument(MT940Reader(), doc, chunkSize: size).visitor.events == whole.visitor.events, "chunk size \(size)")
        }
        #expect(whole.visitor.recordStrings == [
            "86 title=OPLATA ZA BADANIA PESEL 49050660189|86 name=JABLONSKA MAGDALENA|86 account=PL75102010263060132610309626"
                + "|86 address=UL. OGRODOWA 80/31, 01-799 WARSZAWA",
            "86 text=Zwrot nadplaty dla Jan Kowalski",
            "86 title=OPLATA|86 name=NOWAK ANNA",
        ], "\(whole.visitor.recordStrings)")
        #expect(!whole.visitor.recordStrings.joined().contains("86644903"), "the statement's own account")
    }
}
