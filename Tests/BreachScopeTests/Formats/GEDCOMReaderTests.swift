import Testing
@testable import BreachScope

@Suite struct GEDCOMReaderTests {
    static let pedigree = """
        0 HEAD
        1 SOUR HELIKS_PEDIGREE
        1 CHAR UTF-8
        1 NOTE Tellimus G2023-01041, Nõmme Tervisekeskus
        0 @U1@ SUBM
        1 NAME Helle Raudsepp
        1 EMAIL hraudsepp@heeliks.example.com
        0 @I1@ INDI
        1 NAME Urmas /Kuusik/
        2 GIVN Urmas
        1 SEX M
        1 BIRT
        2 DATE 28 SEP 1972
        1 IDNO 37209286041
        2 TYPE Isikukood
        1 NOTE Probandi. KCNQ1 NM_000218.3:c.2202T>A patogeenne
        1 FAMC @F1@
        0 @I3@ INDI
        1 NAME Mari-Liis /Kuusik/
        1 BIRT
        2 DATE 18 JUL 1938
        1 DEAT Y
        2 DATE 1984
        0 @I4@ INDI
        1 NAME Villem /Kuusik/
        1 BIRT
        2 DATE ABT 1966
        0 @F1@ FAM
        1 HUSB @I2@
        0 TRLR
        """

    /// Individuals are records (name without slashes, birth date as a date, code and notes as
    /// text); the dead are not read; the submitter is staff; chunked reads agree.
    @Test func individualsAreRecords() {
        let doc = Array(Self.pedigree.utf8)
        let whole = readDocument(GEDCOMReader(), doc)
        #expect(whole.error == nil)
        #expect(whole.visitor.recordStrings == [
            "(staff name)=Helle Raudsepp|(staff)=hraudsepp@heeliks.example.com",
            "name=Urmas Kuusik|date of birth=1972-09-28|-=37209286041|-=Probandi. KCNQ1 NM_000218.3:c.2202T>A patogeenne",
            "name=Villem Kuusik|date of birth=ABT 1966",
        ], "\(whole.visitor.recordStrings)")
        for size in [1, 7, 64] {
            #expect(readDocument(GEDCOMReader(), doc, chunkSize: size).visitor.events == whole.visitor.events)
        }
        #expect(GEDCOMReader.isGEDCOM(Array("0 HEAD\r\n1 SOUR X\r\n".utf8)) && !GEDCOMReader.isGEDCOM(Array("0 HEADLINE".utf8)))
    }
}
