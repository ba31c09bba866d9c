import Testing
@testable import BreachScope
import BreachScopeTesting

/// UN/EDIFACT orders: a message is its delivery party's record, a contact one of their own;
/// the buyer (an organisation) and its phone are not read; `?` releases a separator.
@Suite struct EDIFACTReaderTests {
    static let interchange = """
        UNA:+.? '
        UNB+UNOC:3+6438514220852:14+6430012345678:14+230202:0712+4731'
        UNH+1+ORDERS:D:96A:UN:EAN008'
        BGM+220+HKI2302060001+9'
        DTM+137:20230202:102'
        NAD+BY+6438514220852::9++Helsingin kaupunki'
        COM+09 310 1691:TE'
        NAD+DP+++Järvinen Jari+Kirkkokatu 37+Helsinki++00600+FI'
        FTX+DEL+++Soita ennen tuloa?, ovikoodi 1234.'
        COM+?+358469173271:TE'
        CTA+GR+:Väinö Veikko Lahtinen'
        COM+?+358 (0)45 753 8072:TE'
        LIN+1++6410000100059:EN'
        IMD+F++:::TENA Lady Extra'
        QTY+21:6:PCE'
        UNT+17+1'
        UNH+2+ORDERS:D:96A:UN:EAN008'
        NAD+DP+++Heinonen Maria+Myllytie 13+Helsinki++00260+FI'
        COM+maria.heinonen@mail.test:EM'
        UNT+5+2'
        UNZ+2+4731'
        """

    @Test func aMessageIsItsDeliveryPartysRecord() {
        let doc = Array(Self.interchange.utf8)
        let whole = readDocument(EDIFACTReader(), doc)
        #expect(whole.error == nil)
        for size in [1, 5, 64] {
            #expect(readDocument(EDIFACTReader(), doc, chunkSize: size).visitor.events == whole.visitor.events, "chunk size \(size)")
        }
        #expect(whole.visitor.recordStrings == [
            "NAD name=Järvinen Jari|NAD address=Kirkkokatu 37, 00600 Helsinki|COM TE=+358469173271"
                + "|-=Soita ennen tuloa, ovikoodi 1234.|-=TENA Lady Extra",
            "CTA contact=Väinö Veikko Lahtinen|COM TE=+358 (0)45 753 8072",
            "NAD name=Heinonen Maria|NAD address=Myllytie 13, 00260 Helsinki|COM EM=maria.heinonen@mail.test",
        ], "\(whole.visitor.recordStrings)")
        #expect(doc.withUnsafeBufferPointer { DocumentFormat.detect(path: "ORDERS_HKI.dat", prefix: $0) } == .edifact)
        let plain = Array("UNB is a word\n".utf8)
        #expect(plain.withUnsafeBufferPointer { DocumentFormat.detect(path: "x", prefix: $0) } != .edifact)
    }

    /// An ANSI X12 270 eligibility inquiry, on one line or one segment per line: each `HL` loop
    /// is a record; the subscriber's name, member ID, address and birth date are read, the payer
    /// and the pharmacy (organisations) are not.
    @Test func x12LoopsAreRecords() {
        let segments = [
            "ISA*00*          *00*          *ZZ*POSTALRX       *ZZ*CLEARINGHSE01  *210614*0930*^*00501*040096459*0*P*:~",
            "GS*HS*POSTALRX*CLEARINGHSE01*20210614*0930*6459*X*005010X279A1~", "ST*270*0001*005010X279A1~",
            "HL*1**20*1~", "NM1*PR*2*CASCADE HEALTH PLAN*****PI*842610001~", "HL*2*1*21*1~",
            "NM1*1P*2*POSTAL RX SERVICES*****XX*1312939204~", "PER*IC*PHARMACY*TE*5035550100~", "HL*3*2*22*0~",
            "TRN*1*3762683-0003*9877281234~", "NM1*IL*1*ADAMS*STEVEN*U***MI*W674562826~", "N3*6705 PINE ST~",
            "N4*CINCINNATI*OH*45274~", "DMG*D8*19700514*M~", "EQ*88~", "HL*4*2*22*0~", "NM1*IL*1*MACKENZIE*MARGARET****MI*W105977756~",
            "N3*2295 JEFFERSON ST*APT 4~", "N4*CINCINNATI*OH*45252~", "DMG*D8*19830113*F~", "SE*20*0001~", "GE*1*6459~", "IEA*1*040096459~",
        ]
        for doc in [segments.joined(), segments.joined(separator: "\n")].map({ Array($0.utf8) }) {
            #expect(doc.withUnsafeBufferPointer { DocumentFormat.detect(path: "270_elig.x12", prefix: $0) } == .edifact)
            let whole = readDocument(EDIFACTReader(), doc)
            #expect(whole.error == nil)
            for size in [1, 5, 64] {
                #expect(readDocument(EDIFACTReader(), doc, chunkSize: size).visitor.events == whole.visitor.events, "chunk size \(size)")
            }
            #expect(whole.visitor.recordStrings == [
                "NM1 name=STEVEN U ADAMS|NM1 member ID=W674562826|N4 address=6705 PINE ST, CINCINNATI OH 45274|DMG birth date=1970-05-14",
                "NM1 name=MARGARET MACKENZIE|NM1 member ID=W105977756|N4 address=2295 JEFFERSON ST APT 4, CINCINNATI OH 45252|DMG birth date=1983-01-13",
            ], "\(whole.visitor.recordStrings)")
        }
    }
}
