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
}
