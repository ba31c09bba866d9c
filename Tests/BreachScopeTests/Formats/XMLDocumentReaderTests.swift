import Foundation
import Testing
@testable import BreachScope
import BreachScopeTesting

@Suite struct XMLDocumentReaderTests {
    func read(_ xml: String, chunkSize: Int = 0, limits: ReadLimits = ReadLimits()) -> (visitor: RecordingVisitor, error: ReadError?, note: String?) {
        var reader = XMLDocumentReader(limits: limits)
        var visitor = RecordingVisitor()
        let bytes = Array(xml.utf8)
        let size = chunkSize <= 0 ? Swift.max(bytes.count, 1) : chunkSize
        do throws(ReadError) {
            var i = 0
            while i < bytes.count {
                let end = Swift.min(i + size, bytes.count)
                try bytes[i..<end].withUnsafeBufferPointer { (p) throws(ReadError) in try reader.consume(p, visitor: &visitor) }
                i = end
            }
            try reader.finish(visitor: &visitor)
            return (visitor, nil, reader.note)
        } catch {
            return (visitor, error, reader.note)
        }
    }

    @Test func repeatedElementsAreRecords() {
        let ps = people(3, seed: 31)
        let patients = ps.enumerated().map { k, p in
            """
              <ns:patient nr="\(k + 1)" xmlns:ns="urn:x">
                <ns:nimi>\(p.name)</ns:nimi>
                <isikukood>\(p.id)</isikukood>
                <kontakt><email>\(p.email.replacingOccurrences(of: "@", with: "&#x40;"))</email><telefon/></kontakt>
                <visits><visit><date>2024-01-0\(k + 1)</date></visit><visit><date>2024-02-01</date></visit></visits>
              </ns:patient>
            """
        }.joined(separator: "\n")
        let xml = "<?xml version=\"1.0\"?>\n<!-- eksport -->\n<export created=\"2024-05-01\"><meta><source>HIS</source></meta>\n<patients>\n\(patients)\n</patients></export>"
        for chunk in [0, 1, 13] {
            let (v, error, note) = read(xml, chunkSize: chunk)
            #expect(error == nil)
            #expect(note == nil)
            #expect(v.recordStrings == [
                "created=2024-05-01",
                "source=HIS",
            ] + ps.enumerated().map { k, p in
                "nr=\(k + 1)|nimi=\(p.name)|isikukood=\(p.id)|email=\(p.email)|date=2024-01-0\(k + 1)|date=2024-02-01"
            }, "chunk \(chunk)")
            let hints = Dictionary(v.events.compactMap { if case let .declare(name, hint, _) = $0 { (name, hint) } else { nil } }, uniquingKeysWith: { a, _ in a })
            #expect(hints["isikukood"] == .nationalID(.eeIsikukood))
            #expect(hints["email"] != FieldHint.none && hints["email"] != nil)
            #expect(hints["nimi"] != FieldHint.none && hints["nimi"] != nil)
        }
    }

    /// Fields outside the record instances and below their depth (an e-invoice's seller's
    /// account beside its item records) belong with their ancestor one level up (the seller, with
    /// its name, the organisation's: staff columns); a second repeated list at the records' depth
    /// keeps one record per instance.
    @Test func fieldsBesideTheRecordsStayWithTheirParty() {
        let xml = """
            <E_Invoice><Invoice>
              <InvoiceParties>
                <SellerParty><Name>Geenilabor OÜ</Name><AccountInfo><AccountNumber>EE432224830491561634</AccountNumber></AccountInfo></SellerParty>
                <BuyerParty><Name>Põhja-Eesti Regionaalhaigla</Name></BuyerParty>
              </InvoiceParties>
              <InvoiceItem><InvoiceItemGroup>
                <ItemEntry><Description>a</Description></ItemEntry>
                <ItemEntry><Description>b</Description></ItemEntry>
              </InvoiceItemGroup></InvoiceItem>
            </Invoice></E_Invoice>
            """
        for chunk in [0, 7] {
            let (v, error, _) = read(xml, chunkSize: chunk)
            #expect(error == nil)
            #expect(v.recordStrings == [
                "(staff name)=Geenilabor OÜ|(staff)=EE432224830491561634", "Name=Põhja-Eesti Regionaalhaigla",
                "ItemEntry/Description=a", "ItemEntry/Description=b",
            ], "\(v.recordStrings)")
        }
        let lists = "<x><a><p><n>1</n></p><p><n>2</n></p></a><b><q><n>3</n></q><q><n>4</n></q></b></x>"
        #expect(read(lists).visitor.recordStrings == ["n=1", "n=2", "n=3", "n=4"], "\(read(lists).visitor.recordStrings)")
    }

    @Test func attributesNamedFieldsAndMixedText() {
        let ps = people(2, seed: 32)
        let xml = """
        <rows>
          <row><field name="Isikukood">\(ps[0].id)</field><field name="E-post">\(ps[0].email)</field></row>
          <row isikukood="\(ps[1].id)" email='\(ps[1].email)'/>
          <note>Helistada <b>\(ps[1].name)</b> homme</note>
        </rows>
        """
        let (v, error, _) = read(xml)
        #expect(error == nil)
        #expect(v.recordStrings == [
            "Isikukood=\(ps[0].id)|E-post=\(ps[0].email)",
            "isikukood=\(ps[1].id)|email=\(ps[1].email)",
            "-=Helistada|b=\(ps[1].name)|-=homme",
        ])
    }

    /// A thing's attributes, on its element or an element under it, are the thing's: a POSLog
    /// store's `<BusinessUnit><UnitID Name="Karvik Ülemiste">` is no person's name; PowerShell's
    /// CLIXML names a field by `N`.
    @Test func attributesOfThingsAndClixmlNames() {
        let (v, error, _) = read("""
            <POSLog><Transaction><BusinessUnit><UnitID Name="Karvik Ülemiste">C007</UnitID></BusinessUnit>
            <Customer Name="Mari Maasikas"/></Transaction>
            <Objs><Obj><Props><S N="DisplayName">Ryan Young</S></Props></Obj></Objs>
            <Event><System><Provider Name="Microsoft-Windows-Security-Auditing" Guid="{54849625}"/></System></Event></POSLog>
            """)
        #expect(error == nil)
        let hints = Dictionary(v.events.compactMap { if case let .declare(name, hint, _) = $0 { (name, hint) } else { nil } }, uniquingKeysWith: { a, _ in a })
        #expect(hints["BusinessUnit/Name"] == .nonPersonal)
        #expect(hints["Name"] == .fullName)
        #expect(hints["DisplayName"] == .fullName, "\(hints)")
        #expect(hints["Provider/Name"] == .nonPersonal, "a Windows event's provider is the logging source: \(hints)")
    }

    /// A sale's line names what was bought (`<LineItem><Sale><Description>`, its GTIN): a
    /// purchase, not a thing's name. An RSS feed's `<channel><item>` is an entry (a Jira ticket),
    /// whose `<reporter>` is a person's name; an `<item>` elsewhere stays a thing.
    @Test func purchaseLinesAndRSSItems() {
        let (v, error, _) = read("""
            <POSLog><Transaction><RetailTransaction><LineItem><Sale><ItemID Type="GTIN">4740012000048</ItemID>
            <Description>Nasivin ninasprei</Description><ExtendedAmount>5.20</ExtendedAmount></Sale></LineItem></RetailTransaction></Transaction>
            <rss><channel><item><title>[SUP-1] Kaart</title><reporter>Kersti Kivi</reporter></item>
            <item><title>[SUP-2] Kaart</title><reporter>Arvo Luik</reporter></item></channel></rss>
            <catalogue><item><name>Nasivin</name></item></catalogue></POSLog>
            """)
        #expect(error == nil)
        let hints = Dictionary(v.events.compactMap { if case let .declare(name, hint, _) = $0 { (name, hint) } else { nil } }, uniquingKeysWith: { a, _ in a })
        #expect(hints["(purchase)/Description"] == .purchase, "\(hints)")
        #expect(hints["(purchase)/ItemID"] == .purchase)
        #expect(hints["ExtendedAmount"] != .purchase)
        #expect(hints["reporter"] == .fullName)
        #expect(hints["item/reporter"] == nil)
        #expect(hints["item/name"] == .nonPersonal)
    }

    /// A Finvoice e-invoice: the seller's block and the payment's beneficiary are the
    /// organisation's, as a clinical document's staff are (its phone, e-mail and IBAN are staff
    /// values, its names no one's); an
    /// attribute that says what kind of value its element holds (`IdentificationSchemeName="IBAN"`,
    /// `Format`) is no field; the buyer's organisation name is a consumer's name, their town a
    /// part of their address; an invoice's rows are the buyer's purchases, in the buyer's record.
    @Test func finvoiceSellerBuyerAndRows() {
        let (v, error, _) = read("""
            <Finvoice Version="3.0"><SellerPartyDetails><SellerOrganisationName>Hygienia Oy</SellerOrganisationName>
            <SellerPostalAddressDetails><SellerTownName>Mänttä</SellerTownName></SellerPostalAddressDetails></SellerPartyDetails>
            <SellerInformationDetails><SellerPhoneNumberIdentifier>+358 9 150 1035</SellerPhoneNumberIdentifier>
            <SellerAccountDetails><SellerAccountID IdentificationSchemeName="IBAN">FI0956570803238937</SellerAccountID></SellerAccountDetails></SellerInformationDetails>
            <BuyerPartyDetails><BuyerOrganisationName>Seppälä Tuula</BuyerOrganisationName><BuyerPostalAddressDetails>
            <BuyerStreetName>Koivutie 5</BuyerStreetName><BuyerTownName>Borgå</BuyerTownName></BuyerPostalAddressDetails></BuyerPartyDetails>
            <InvoiceDetails><InvoiceDate Format="CCYYMMDD">20230801</InvoiceDate></InvoiceDetails>
            <InvoiceRow><ArticleIdentifier>TF-L</ArticleIdentifier><ArticleName>TENA Flex Maxi L</ArticleName></InvoiceRow>
            <InvoiceRow><ArticleIdentifier>VS-60</ArticleIdentifier><ArticleName>Vuoteensuoja 60x90</ArticleName></InvoiceRow>
            <EpiDetails><EpiBeneficiaryPartyDetails><EpiAccountID IdentificationSchemeName="IBAN">FI0956570803238937</EpiAccountID>
            </EpiBeneficiaryPartyDetails></EpiDetails></Finvoice>
            """)
        #expect(error == nil)
        let hints = Dictionary(v.events.compactMap { if case let .declare(name, hint, _) = $0 { (name, hint) } else { nil } }, uniquingKeysWith: { a, _ in a })
        #expect(hints["IdentificationSchemeName"] == nil && hints["Format"] == nil, "\(hints)")
        #expect(!hints.keys.contains { $0.contains("Seller") && !$0.hasPrefix("(staff)") }, "the seller's columns are staff columns: \(hints)")
        #expect(hints["BuyerOrganisationName"] == .fullName, "\(hints)")
        #expect(hints["BuyerTownName"] == .addressPart, "\(hints)")
        #expect(hints["(purchase)/ArticleName"] == .purchase, "\(hints)")
        // The rows are the buyer's purchases: one record with the buyer.
        let buyer = v.recordStrings.filter { $0.contains("Seppälä Tuula") }
        #expect(buyer.count == 1 && buyer[0].contains("TENA Flex Maxi L") && buyer[0].contains("Vuoteensuoja"), "\(v.recordStrings)")
        #expect(hints[RecordAssembler.staffColumn] == .nonPersonal, "the seller's phone is a staff value: \(hints)")
        #expect(!hints.keys.contains { !$0.hasPrefix("(staff)") && ($0.hasSuffix("SellerPhoneNumberIdentifier") || $0.hasSuffix("AccountID")) },
                "staff columns: \(hints)")
    }

    /// FHIR XML keeps values in `value` attributes: each is its element's value, named by the
    /// element under its parent (`name/family` a last name, `address/line` a part of an address).
    @Test func valueAttributesAreTheirElements() {
        let (v, error, _) = read("""
            <Bundle><entry><resource><Patient><id value="pat597907"/>
            <name><family value="Kravchenko"/><given value="Dmytro"/></name><birthDate value="1975-02-17"/>
            <address><line value="ul. Lipowa 144/38"/><city value="Lublin"/><postalCode value="20-001"/></address>
            </Patient></resource></entry></Bundle>
            """)
        #expect(error == nil)
        let hints = Dictionary(v.events.compactMap { if case let .declare(name, hint, _) = $0 { (name, hint) } else { nil } }, uniquingKeysWith: { a, _ in a })
        #expect(hints["family"] == .lastName, "\(hints)")
        #expect(hints["given"] == .firstName)
        #expect(hints["birthDate"] == .dateOfBirth)
        #expect(hints["line"] == .addressPart)
        #expect(hints["city"] == .addressPart)
        #expect(v.recordStrings.first?.contains("family=Kravchenko") == true, "\(v.recordStrings)")
    }

    /// A FHIR bundle's entries about one patient share a key: the patient's `id` and each
    /// observation's `subject/reference` (`Patient/pat597907`); a practitioner's reference is none.
    @Test func fhirReferencesJoinTheirPatient() {
        let (v, error, _) = read("""
            <Bundle><entry><resource><Patient><id value="pat597907"/><name><family value="Kravchenko"/></name></Patient></resource></entry>
            <entry><resource><Observation><id value="obs797997740"/><code><coding><display value="TSH"/></coding></code>
            <subject><reference value="Patient/pat597907"/></subject><performer><reference value="Practitioner/pr8161155"/></performer>
            </Observation></resource></entry></Bundle>
            """)
        #expect(error == nil)
        #expect(v.recordStrings.count == 2, "\(v.recordStrings)")
        #expect(v.recordStrings.allSatisfy { $0.contains("FHIR patient=Patient/pat597907") }, "\(v.recordStrings)")
        #expect(!v.recordStrings.joined().contains("FHIR patient=Practitioner"))
        let hints = Dictionary(v.events.compactMap { if case let .declare(name, hint, _) = $0 { (name, hint) } else { nil } }, uniquingKeysWith: { a, _ in a })
        #expect(hints["FHIR patient"] == .linkKey(namespace: "fhir-patient"))
    }

    /// IHE XDS registry metadata: `sourcePatientInfo` holds HL7 PID fields (`PID-5|Toom^Andres^^^`),
    /// read as a name, a birth date, an address; the author's slots are staff.
    @Test func xdsSourcePatientInfo() {
        let (v, error, _) = read("""
            <rim:ExtrinsicObject id="Document01">
            <rim:Slot name="sourcePatientInfo"><rim:ValueList><rim:Value>PID-3|37605261557^^^&amp;1.3.6.1.4.1.28284&amp;ISO</rim:Value>
            <rim:Value>PID-5|Toom^Andres^^^</rim:Value><rim:Value>PID-7|19760526</rim:Value><rim:Value>PID-8|M</rim:Value>
            <rim:Value>PID-11|Pärnu mnt 46-41^^Pärnu^^80042^EST</rim:Value><rim:Value>PID-13|^PRN^PH^^^^^^^^^+37255512345</rim:Value></rim:ValueList></rim:Slot>
            <rim:Classification><rim:Slot name="authorPerson"><rim:ValueList><rim:Value>^Valk^Signe^^^dr</rim:Value></rim:ValueList></rim:Slot>
            <rim:Slot name="authorTelecommunication"><rim:ValueList><rim:Value>^WPN^PH^^^^^^^^^+3727361053</rim:Value></rim:ValueList></rim:Slot></rim:Classification>
            </rim:ExtrinsicObject>
            """)
        #expect(error == nil)
        let fields = v.recordStrings.joined(separator: "|")
        #expect(fields.contains("PID-3=37605261557"), "\(fields)")
        #expect(fields.contains("PID-5=Andres Toom"))
        #expect(fields.contains("PID-7=1976-05-26"))
        #expect(fields.contains("PID-11=Pärnu mnt 46-41, 80042 Pärnu"))
        #expect(fields.contains("PID-13=+37255512345"))
        #expect(!fields.contains("PID-8"))
        let hints = Dictionary(v.events.compactMap { if case let .declare(name, hint, _) = $0 { (name, hint) } else { nil } }, uniquingKeysWith: { a, _ in a })
        #expect(hints["PID-5"] == .fullName && hints["PID-7"] == .dateOfBirth && hints["PID-11"] == .postalAddress && hints["PID-13"] == .phone)
        #expect(hints["(staff)/Value"] == .nonPersonal, "\(hints)")
    }

    @Test func namesOfThingsAreNotPersonNames() {
        let (v, error, _) = read("<order><customer><name>Mari Maasikas</name></customer><product><name>Paratsetamool</name><code>123</code></product><apteek><name>Kesklinna Apteek</name></apteek></order>")
        #expect(error == nil)
        #expect(v.recordStrings == ["name=Mari Maasikas|product/name=Paratsetamool|product/code=123|apteek/name=Kesklinna Apteek"])
        let hints = Dictionary(v.events.compactMap { if case let .declare(name, hint, _) = $0 { (name, hint) } else { nil } }, uniquingKeysWith: { a, _ in a })
        #expect(hints["name"] == .fullName)
        #expect(hints["product/name"] == .nonPersonal)
        #expect(hints["apteek/name"] == .nonPersonal)
    }

    /// A name given in parts (`<Nimi><Suku>…</Suku><Etu>…</Etu></Nimi>`): the parts are its last and first names.
    @Test func namePartsUnderAName() {
        let (v, error, _) = read("<Asiakkaat><Asiakas nro=\"KU-584027\"><Nimi><Suku>Virtanen</Suku><Etu>Anneli</Etu></Nimi></Asiakas>"
                                 + "<Asiakas nro=\"KU-614773\"><Nimi><Suku>Nieminen</Suku><Etu>Sirkka</Etu></Nimi></Asiakas></Asiakkaat>")
        #expect(error == nil)
        let hints = Dictionary(v.events.compactMap { if case let .declare(name, hint, _) = $0 { (name, hint) } else { nil } }, uniquingKeysWith: { a, _ in a })
        #expect(hints["Suku"] == .lastName, "\(hints)")
        #expect(hints["Etu"] == .firstName)
    }

    /// An NCPDP SCRIPT NewRx: the patient's repeated `<Communication>`s (a phone and an e-mail)
    /// are no records of their own, so the patient's name, birth date, address and contacts are
    /// one record; the prescriber's and the pharmacy's names, addresses and lines are staff's.
    @Test func anEPrescriptionIsOneRecordWithStaffApart() {
        let xml = """
            <?xml version="1.0" encoding="UTF-8"?>
            <Message xmlns="http://www.ncpdp.org/schema/SCRIPT" version="010" release="006">
              <Header><To Qualifier="P">3808400</To><MessageID>060da5f321ab23d4218fae32ff7cec12</MessageID></Header>
              <Body><NewRx>
                <Pharmacy><StoreName>Cascade Mail Pharmacy</StoreName><Address><AddressLine1>4000 SW Mailorder Way</AddressLine1><City>Portland</City></Address><CommunicationNumbers><Communication><Number>5035550100</Number><Qualifier>TE</Qualifier></Communication></CommunicationNumbers></Pharmacy>
                <Prescriber><Identification><NPI>1591829446</NPI></Identification><Name><LastName>Thompson</LastName><FirstName>David</FirstName></Name></Prescriber>
                <Patient><Name><LastName>Ruiz-Ortega</LastName><FirstName>Rosa</FirstName></Name><DateOfBirth><Date>1979-04-07</Date></DateOfBirth><Address><AddressLine1>1878 Oak Grove Rd</AddressLine1><City>Columbus</City></Address><CommunicationNumbers><Communication><Number>7045550165</Number><Qualifier>TE</Qualifier></Communication><Communication><Number>rosaruizortega@example.com</Number><Qualifier>EM</Qualifier></Communication></CommunicationNumbers></Patient>
                <MedicationPrescribed><DrugDescription>Albuterol Sulfate HFA 90 MCG/ACT Inhaler</DrugDescription><DrugCoded><ProductCode>00313175392</ProductCode></DrugCoded><WrittenDate><Date>2020-09-06</Date></WrittenDate></MedicationPrescribed>
              </NewRx></Body>
            </Message>
            """
        let (v, error, _) = read(xml)
        #expect(error == nil)
        let patient = v.records.filter { $0.contains { $0.1 == "Ruiz-Ortega" } }
        #expect(patient.count == 1, "\(v.recordStrings)")
        let fields = patient.first ?? []
        #expect(fields.contains { $0 == ("Number", "7045550165") } && fields.contains { $0.1 == "rosaruizortega@example.com" }
                && fields.contains { $0.1 == "1878 Oak Grove Rd" } && fields.contains { $0.1 == "1979-04-07" }, "\(fields)")
        var hints: [String: FieldHint] = [:]
        for case let .declare(name, hint, _) in v.events { hints[name] = hint }
        #expect(hints["Number"] == .phone && hints["DrugCoded/ProductCode"] == .nonPersonal, "\(hints)")
        #expect(v.events.contains { if case .declare("Date", .dateOfBirth, _) = $0 { true } else { false } }, "\(v.events)")
        // (The prescription's written date under the same leaf name is no birth date.)
        #expect(v.hint(of: "2020-09-06") != .dateOfBirth)
        // The prescriber's name and the pharmacy's address and line are read under staff columns.
        for case let .field(value, column, _, _) in v.events where ["Thompson", "4000 SW Mailorder Way", "5035550100"].contains(value) {
            #expect(v.columnNames[column].hasPrefix("(staff") || hints[v.columnNames[column]] == .nonPersonal, "\(value): \(v.columnNames[column])")
        }
    }

    /// FHIR's second writing of a name (`<name><text value="Мельник Оксана"/>`) is not read as
    /// the name beside `family` and `given`; a generic leaf is its parent's only under a value's
    /// element.
    @Test func aNamesTextIsNoSecondName() {
        let (v, error, _) = read(#"<Patient><identifier><type><text value="Paszport UA"/></type></identifier><name><family value="Melnyk"/><given value="Oksana"/></name><name><text value="Мельник Оксана"/></name><birthDate value="1958-02-05"/></Patient>"#)
        #expect(error == nil)
        #expect(v.hint(of: "Мельник Оксана") != nil && v.hint(of: "Мельник Оксана") != .fullName, "\(v.events)")
    }

    /// A LIMS sample (Clarity's REST XML): the submitter's name and a field labelled for the
    /// physician (`Physician E-mail`) are staff's; the patient's labelled fields are the patient's.
    @Test func aLimsSamplesSubmitterAndPhysicianAreStaff() {
        let (v, error, _) = read("""
            <smp:sample xmlns:udf="http://genologics.com/ri/userdefined" xmlns:smp="http://genologics.com/ri/sample" limsid="HEL750A2">
              <name>G23-01472</name>
              <submitter uri="https://lims.example.com/api/v2/researchers/25"><first-name>Margit</first-name><last-name>Hein</last-name></submitter>
              <udf:field type="String" name="Patient Name">Uibo, Merike</udf:field>
              <udf:field type="String" name="Physician E-mail">signe.sillaste@jarvamaa.example.com</udf:field>
              <udf:field type="String" name="Patient Phone">5034 5159</udf:field>
            </smp:sample>
            """)
        #expect(error == nil)
        #expect(v.hint(of: "Margit") == .nonPersonal && v.hint(of: "signe.sillaste@jarvamaa.example.com") == .nonPersonal, "\(v.events)")
        #expect(v.hint(of: "Uibo, Merike") == .fullName && v.hint(of: "5034 5159") == .phone, "\(v.events)")
    }

    /// A CommerceML order (1C's exchange file): a type–value pair's value is read under its type
    /// (`Телефон мобильный`, `Номер дисконтной карты`), the goods are the buyer's purchases, and
    /// the registration address's `Представление` is an address.
    @Test func commerceMLPairsGoodsAndAddress() {
        let (v, error, _) = read("""
            <КоммерческаяИнформация ВерсияСхемы="2.10"><Документ><Ид>8289d6ae</Ид><Номер>ЛМ-004802</Номер><Роль>Продавец</Роль>
            <Контрагенты><Контрагент><Наименование>Смирнов Дмитрий</Наименование><Фамилия>Смирнов</Фамилия><Имя>Дмитрий</Имя>
            <АдресРегистрации><Представление>Tallinna mnt 5-12, Narva</Представление></АдресРегистрации>
            <Контакты><Контакт><Тип>Телефон мобильный</Тип><Значение>+372 55975951</Значение></Контакт>
            <Контакт><Тип>Электронная почта</Тип><Значение>dmitrismirnov@example.org</Значение></Контакт></Контакты></Контрагент>
            <Контрагент><Наименование>Lemmik Zoo OU (Нарва)</Наименование><Роль>Продавец</Роль><Контакты><Контакт><Тип>Телефон рабочий</Тип><Значение>+372 356 0000</Значение></Контакт></Контакты></Контрагент></Контрагенты>
            <Товары><Товар><Наименование>Royal Canin Mini Adult 2 кг</Наименование><Количество>1</Количество></Товар>
            <Товар><Наименование>Hill's i/d Canine 2 кг</Наименование></Товар></Товары>
            <ЗначенияРеквизитов><ЗначениеРеквизита><Наименование>Номер дисконтной карты</Наименование><Значение>2920653695539</Значение></ЗначениеРеквизита>
            <ЗначениеРеквизита><Наименование>Статус заказа</Наименование><Значение>[N] Принят</Значение></ЗначениеРеквизита></ЗначенияРеквизитов>
            </Документ><Документ><Ид>28c6af9a</Ид><Номер>ЛМ-004809</Номер></Документ></КоммерческаяИнформация>
            """)
        #expect(error == nil)
        #expect(v.hint(of: "+372 55975951") == .phone && v.hint(of: "2920653695539") == .loyaltyCard, "\(v.events)")
        // (The seller's line is the organisation's.)
        #expect(v.hint(of: "+372 356 0000") == .nonPersonal, "\(v.events)")
        #expect(v.hint(of: "Royal Canin Mini Adult 2 кг") == .purchase && v.hint(of: "Tallinna mnt 5-12, Narva") == .postalAddress, "\(v.events)")
        // (One record per document, and the root's attribute.)
        #expect(v.records.count == 3, "\(v.recordStrings)")
        #expect(v.records.contains { r in r.contains { $0.1 == "2920653695539" } && r.contains { $0.1 == "+372 55975951" } }, "\(v.recordStrings)")
    }

    @Test func singleDocumentIsOneRecordWithCDATA() {
        let ps = people(1, seed: 33)
        let (v, error, _) = read("<patsient><nimi><![CDATA[\(ps[0].name)]]></nimi><isikukood>\(ps[0].id)</isikukood></patsient>")
        #expect(error == nil)
        #expect(v.recordStrings == ["nimi=\(ps[0].name)|isikukood=\(ps[0].id)"])
    }

    @Test func billionLaughsAndExternalEntitiesAreNotExpanded() {
        var dtd = "<?xml version=\"1.0\"?>\n<!DOCTYPE lolz [\n <!ENTITY lol \"lol\">\n"
        for k in 1...9 { dtd += " <!ENTITY lol\(k) \"" + String(repeating: "&lol\(k - 1 == 0 ? "" : String(k - 1));", count: 10) + "\">\n" }
        dtd += " <!ENTITY xxe SYSTEM \"file:///etc/passwd\">\n]>\n"
        let xml = dtd + "<lolz><email>a@b.ee</email><x>&lol9;</x><y>&xxe;</y></lolz>"
        let clock = ContinuousClock()
        let start = clock.now
        let (v, error, note) = read(xml)
        #expect(clock.now - start < .seconds(2))
        #expect(error == nil)
        #expect(note == "DTD entity declarations ignored (never expanded or fetched)")
        #expect(v.recordStrings == ["email=a@b.ee|x=&lol9;|y=&xxe;"])
    }

    @Test func limitsAndTruncation() {
        let deep = String(repeating: "<a>", count: 100_000) + String(repeating: "</a>", count: 100_000)
        #expect(read(deep, chunkSize: 65536).error == ReadError(.limit, "XML elements nested deeper than the limit of 512"))
        let huge = "<r><p note=\"" + String(repeating: "a", count: 20 << 20) + "\"/></r>"
        let (_, herror, _) = read(huge, chunkSize: 1 << 20)
        #expect(herror == ReadError(.limit, "an XML tag (with its attributes) is longer than the limit of 16777216 bytes"))
        var limits = ReadLimits()
        limits.maxFieldBytes = 100
        #expect(read("<r><email>" + String(repeating: "a", count: 200) + "</email></r>", limits: limits).error
                == ReadError(.limit, "an XML text is longer than the limit of 100 bytes"))
        let (v, terror, _) = read("<r><row><email>a@b.ee</email></row><row><email>c@d.ee</email></row><row><email>e@f")
        #expect(terror == ReadError(.malformed, "truncated XML: 3 elements not closed"))
        #expect(v.recordStrings == ["email=a@b.ee", "email=c@d.ee", "email=e@f"])
    }
}
