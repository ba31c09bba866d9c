import Testing
@testable import BreachScope
import BreachScopeTesting

/// vCard address books: each card is a record; folded, quoted-printable and escaped values are
/// decoded; a colleague's card (with a title) gives staff fields only.
@Suite struct VCardReaderTests {
    static let book = """
        BEGIN:VCARD\r
        VERSION:3.0\r
        N:Washington;Rebecca;B;;\r
        FN:Rebecca B. Washington\r
        item1.EMAIL;TYPE=INTERNET,PREF:rebeccawashington@home.example.net\r
        TEL;TYPE=CELL:+358 46 683 1765\r
        ADR;TYPE=HOME:;;Kuusikuja 58 B 40;Kouvola;;45850;Suomi\r
        BDAY:1987-03-12\r
        NOTE:Kaart 2901270142262. Soita ennen tuloa\\, ovikoodi B5925. IK 4\r
         9809302658.\r
        X-ISIKUKOOD:49809302658\r
        PHOTO;ENCODING=b;TYPE=JPEG:MIICajCCAdOgAwIBAgICBEUwDQYJKoZIhvcNAQEEBQAwdzELMAkGA1UEBhMCVVMxLDAqBgNVBAoTI05l\r
        END:VCARD\r
        BEGIN:VCARD
        VERSION:2.1
        N;CHARSET=UTF-8;ENCODING=QUOTED-PRINTABLE:N=C3=B5mm;Helen;;;
        TEL;CELL:+37259470142
        NOTE;ENCODING=QUOTED-PRINTABLE:Tellis 12.03 Salvi ja =
        plaastrid
        END:VCARD
        BEGIN:VCARD
        VERSION:3.0
        N:Lepp;Kristel;;;
        FN:Kristel Lepp
        ORG:Allium UPI OÜ;Klienditugi
        TITLE:Klienditoe spetsialist
        TEL;TYPE=WORK,VOICE:+372 658 5091
        EMAIL;TYPE=INTERNET,WORK:kristel.lepp@allium.test
        ADR;TYPE=WORK:;;Tuleviku tee 2;Peetri;;75312;Eesti
        END:VCARD

        """

    /// An iCalendar file of call-back tasks: each `VTODO` is a record; its summary's name (after
    /// the verb's colon) is the person's, its folded description text; the organiser is staff.
    @Test func calendarTasksAreRecords() {
        let ics = "BEGIN:VCALENDAR\r\nPRODID:-//Mozilla.org/NONSGML Mozilla Calendar V1.1//EN\r\nX-WR-CALNAME:Tagasihelistamised\r\n"
            + "BEGIN:VTODO\r\nUID:57f20595\r\nSUMMARY:Helistada: Hannah Smith\r\nORGANIZER;CN=Kärt Toom:mailto:kart.toom@ravimpluss.example.com\r\n"
            + "DESCRIPTION:Tel 5186 9630\\, kaart 2900859811797. Diagnoos: astma\\, küsib t\r\n estribade soodustuse kohta.\r\nEND:VTODO\r\n"
            + "BEGIN:VEVENT\r\nSUMMARY:Перезвонить: Артём Орлов\r\nATTENDEE;CN=\"Артём Орлов\":mailto:a.orlov@example.com\r\nEND:VEVENT\r\n"
            + "END:VCALENDAR\r\n"
        let doc = Array(ics.utf8)
        #expect(DocumentFormat.isVCard(doc))
        for (summary, name) in [("Geneetiline nõustamine – Tiiu Pärn", "Tiiu Pärn"), ("Mari Tamm – retsept", "Mari Tamm"),
                                ("Helistada: Mari Tamm (retsept)", "Mari Tamm"), ("Koosolek", nil)] as [(String, String?)] {
            let v = Array(summary.utf8)
            #expect(VCardReader.summaryName(v).map { String(decoding: v[$0], as: UTF8.self) } == name, "\(summary)")
        }
        let whole = readDocument(VCardReader(), doc)
        for size in [1, 7] {
            #expect(readDocument(VCardReader(), doc, chunkSize: size).visitor.events == whole.visitor.events, "chunk size \(size)")
        }
        #expect(whole.visitor.recordStrings == [
            "SUMMARY NAME=Hannah Smith|-=Helistada: Hannah Smith|(staff name)=Kärt Toom|(staff)=kart.toom@ravimpluss.example.com"
                + "|-=Tel 5186 9630, kaart 2900859811797. Diagnoos: astma, küsib testribade soodustuse kohta.",
            "SUMMARY NAME=Артём Орлов|-=Перезвонить: Артём Орлов|ATTENDEE=Артём Орлов|ATTENDEE E-MAIL=a.orlov@example.com",
        ], "\(whole.visitor.recordStrings)")
    }

    @Test func eachCardIsARecord() {
        let doc = Array(Self.book.utf8)
        let whole = readDocument(VCardReader(), doc)
        #expect(whole.error == nil)
        for size in [1, 5, 64] {
            #expect(readDocument(VCardReader(), doc, chunkSize: size).visitor.events == whole.visitor.events, "chunk size \(size)")
        }
        #expect(whole.visitor.recordStrings == [
            "FN=Rebecca B. Washington|EMAIL=rebeccawashington@home.example.net|TEL=+358 46 683 1765|ADR=Kuusikuja 58 B 40, 45850 Kouvola"
                + "|BDAY=1987-03-12|-=Kaart 2901270142262. Soita ennen tuloa, ovikoodi B5925. IK 49809302658.|X-ISIKUKOOD=49809302658",
            "N=Helen Nõmm|TEL=+37259470142|-=Tellis 12.03 Salvi ja plaastrid",
            "(staff name)=Kristel Lepp|ORG=Allium UPI OÜ, Klienditugi|TITLE=Klienditoe spetsialist|(staff)=+372 658 5091"
                + "|(staff)=kristel.lepp@allium.test",
        ], "\(whole.visitor.recordStrings)")
        let hints = Dictionary(whole.visitor.events.compactMap { e -> (String, FieldHint)? in
            if case let .declare(name, hint, _) = e { return (name, hint) }; return nil
        }, uniquingKeysWith: { a, _ in a })
        #expect(hints["FN"] == .fullName && hints["TEL"] == .phone && hints["ADR"] == .postalAddress && hints["BDAY"] == .dateOfBirth)
        #expect(hints["X-ISIKUKOOD"] != nil && hints["X-ISIKUKOOD"] == FieldClassifier.hint(forLabel: "ISIKUKOOD"))
        #expect(hints["(staff)"] == .nonPersonal)
        var prefix = Array(Self.book.utf8)
        #expect(prefix.withUnsafeBufferPointer { DocumentFormat.detect(path: "contacts.dat", prefix: $0) } == .vcard)
        prefix = Array("\n\nbegin:vcard\nFN:A B\nend:vcard\n".utf8)
        #expect(prefix.withUnsafeBufferPointer { DocumentFormat.detect(path: "x", prefix: $0) } == .vcard)
    }
}
