import Testing
@testable import BreachScope
import BreachScopeTesting

/// Fixed-width exports read with the layout file beside them: a COBOL copybook or a layout table.
@Suite struct FixedLayoutTests {
    static let copybook = """
              *================================================================*
              * ASIAKAS  - WESTLOG WMS ASIAKASREKISTERI                        *
              *================================================================*
               01  ASIAKAS-REC.
                   05 AS-NRO              PIC 9(8).
                   05 AS-SUKUNIMI         PIC X(12).
                   05 AS-ETUNIMET         PIC X(12).
                   05 AS-LAHIOSOITE       PIC X(16).
                   05 AS-POSTINRO         PIC X(5).
                   05 AS-TOIMIPAIKKA      PIC X(10).
                   05 AS-PUH1             PIC X(15).
                   05 AS-HETU             PIC X(11).
                   05 FILLER              PIC X(4).
        """

    static let table = """
        RECORD LAYOUT  KAARDITEH   loyalty transaction extract   LRECL=60
        FIELD         POS  LEN  PIC     DESCRIPTION
        REC-TYPE        1    2  X(2)    'T1'
        FILLER          3    1  X
        CARD-NO         4   13  9(13)   loyalty card number (EAN-13, prefix 290)
        FILLER         17    1  X
        TRX-DATE       18    8  9(8)    YYYYMMDD
        FILLER         26    1  X
        ITEM-DESCR     27   20  X(20)
        ITEM-EAN       47   13  9(13)
        """

    @Test func layoutsAreParsed() {
        let c = FixedLayout.parse(Self.copybook)
        #expect(c?.fields.map(\.name) == ["AS-NRO", "AS-SUKUNIMI", "AS-ETUNIMET", "AS-LAHIOSOITE", "AS-POSTINRO", "AS-TOIMIPAIKKA", "AS-PUH1", "AS-HETU", "FILLER"])
        #expect(c?.fields.map(\.start) == [0, 8, 20, 32, 48, 53, 63, 78, 89])
        let t = FixedLayout.parse(Self.table)
        #expect(t?.fields.map(\.start) == [0, 2, 3, 16, 17, 25, 26, 46])
        #expect(t?.fields[2].description == "loyalty card number (EAN-13, prefix 290)")
        #expect(FixedLayout.parse("Dear customer,\nthank you.\n") == nil)
        #expect(FixedLayout.picLength("S9(4)V99") == 6 && FixedLayout.picLength("XXX") == 3 && FixedLayout.picLength("X(25).") == 25)
        #expect(FixedLayout.parse("       05 A PIC S9(5) COMP-3.\n       05 B PIC X(3).\n       05 C PIC X(3).\n") == nil)
    }

    @Test func eachLineIsARecordOfTheLayoutsFields() {
        let layout = FixedLayout.parse(Self.copybook)!
        let line = "00010021" + "JÄRVINEN    " + "TAPANI JUHANI" .padding(toLength: 12, withPad: " ", startingAt: 0)
            + "HARJUTIE 35     " + "15210" + "HOLLOLA   " + "0413174491     " + "250362-656P" + "    "
        let doc = Array((line + "\n\n" + line + "\r\n").utf8)
        let whole = readDocument(FixedWidthReader(layout: layout), doc)
        for size in [1, 9, 64] {
            #expect(readDocument(FixedWidthReader(layout: layout), doc, chunkSize: size).visitor.events == whole.visitor.events)
        }
        let record = "NRO=00010021|SUKUNIMI=JÄRVINEN|ETUNIMET=TAPANI JUHAN|LAHIOSOITE=HARJUTIE 35|POSTINRO=15210|TOIMIPAIKKA=HOLLOLA"
            + "|PUH=0413174491|HETU=250362-656P"
        #expect(whole.visitor.recordStrings == [record, record], "\(whole.visitor.recordStrings)")
        let hints = Dictionary(whole.visitor.events.compactMap { e -> (String, FieldHint)? in
            if case let .declare(name, hint, _) = e { return (name, hint) }; return nil
        }, uniquingKeysWith: { a, _ in a })
        #expect(hints["SUKUNIMI"] == .lastName && hints["ETUNIMET"] == .firstName && hints["PUH"] == .phone, "\(hints)")
        #expect(hints["HETU"] == FieldClassifier.hint(forLabel: "HETU") && hints["HETU"] != FieldHint.none)
        let pos = readDocument(FixedWidthReader(layout: FixedLayout.parse(Self.table)!),
                               Array("T1 2901124636350 20230112 Vitamiin D3 2000IU  4745167923552\n".utf8))
        #expect(pos.visitor.recordStrings == ["REC TYPE=T1|CARD NO=2901124636350|TRX DATE=20230112|ITEM DESCR=Vitamiin D3 2000IU|ITEM EAN=4745167923552"],
                "\(pos.visitor.recordStrings)")
        let posHints = Dictionary(pos.visitor.events.compactMap { e -> (String, FieldHint)? in
            if case let .declare(name, hint, _) = e { return (name, hint) }; return nil
        }, uniquingKeysWith: { a, _ in a })
        #expect(posHints["CARD NO"] == .loyaltyCard && posHints["ITEM DESCR"] == .purchase && posHints["ITEM EAN"] == .purchase, "\(posHints)")
    }
}
