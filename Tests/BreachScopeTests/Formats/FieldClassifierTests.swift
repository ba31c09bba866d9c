import Testing
@testable import BreachScope

@Suite struct FieldClassifierTests {
    static let customer = FieldHint.linkKey(namespace: "customer")
    static let sample = FieldHint.linkKey(namespace: "sample")

    /// Labels as they appear in exports (et, ru, fi, sv, pl, en, de, lv, lt, no, da).
    static let table: [(String, FieldHint)] = [
        // full name
        ("Nimi", .fullName), ("ФИО", .fullName), ("Imię i nazwisko", .fullName), ("name", .fullName),
        ("full_name", .fullName), ("customer name", .fullName), ("patient", .fullName),
        ("Namn", .fullName), ("Navn", .fullName), ("Vārds uzvārds", .fullName),
        ("Vardas pavardė", .fullName), ("Kliendi nimi", .fullName), ("Asiakkaan nimi", .fullName),
        ("patient_name", .fullName), ("Фамилия Имя Отчество", .fullName), ("NAME", .fullName),
        // first / last
        ("Eesnimi", .firstName), ("Etunimi", .firstName), ("first_name", .firstName),
        ("firstName", .firstName), ("Förnamn", .firstName), ("Imię", .firstName),
        ("Vorname", .firstName), ("Имя", .firstName), ("Fornavn", .firstName), ("Vārds", .firstName),
        ("customer_first_name", .firstName),
        ("Perenimi", .lastName), ("Sukunimi", .lastName), ("last_name", .lastName),
        ("surname", .lastName), ("Efternamn", .lastName), ("Nazwisko", .lastName),
        ("Nachname", .lastName), ("Фамилия", .lastName), ("Etternavn", .lastName),
        ("Uzvārds", .lastName), ("Pavardė", .lastName), ("LastName", .lastName),
        // address
        ("Aadress", .postalAddress), ("Osoite", .postalAddress), ("Adres", .postalAddress),
        ("address", .postalAddress), ("Adress", .postalAddress), ("Adresse", .postalAddress),
        ("Адрес", .postalAddress), ("Adresas", .postalAddress), ("Postiosoite", .postalAddress),
        ("street_address", .postalAddress), ("billing_address", .postalAddress),
        ("Home Address", .postalAddress), ("addresses", .postalAddress),
        ("street", .addressPart), ("Katu", .addressPart), ("Tänav", .addressPart),
        ("ulica", .addressPart), ("city", .addressPart), ("Linn", .addressPart),
        ("Kaupunki", .addressPart), ("Postitoimipaikka", .addressPart), ("miasto", .addressPart),
        ("Ort", .addressPart), ("Stadt", .addressPart), ("postal_code", .addressPart),
        ("zip", .addressPart), ("Postiindeks", .addressPart), ("Postinumero", .addressPart),
        ("Toimipaikka", .addressPart), ("Postinro", .addressPart), ("Paikkakunta", .addressPart),
        ("kod pocztowy", .addressPart), ("Postnummer", .addressPart), ("PLZ", .addressPart),
        ("address_1", .addressPart), ("customer_city", .addressPart), ("Город", .addressPart),
        // national ids
        ("isikukood", .nationalID(.eeIsikukood)), ("Isikukood", .nationalID(.eeIsikukood)),
        ("kliendi_isikukood", .nationalID(.eeIsikukood)),
        ("asmens kodas", .nationalID(.ltAsmensKodas)), ("personas kods", .nationalID(.lvPersonasKods)),
        ("henkilötunnus", .nationalID(.fiHetu)), ("hetu", .nationalID(.fiHetu)),
        ("HETU", .nationalID(.fiHetu)), ("personnummer", .nationalID(.sePersonnummer)),
        ("personnr", .nationalID(.sePersonnummer)), ("fødselsnummer", .nationalID(.noFodselsnummer)),
        ("fodselsnummer", .nationalID(.noFodselsnummer)), ("fnr", .nationalID(.noFodselsnummer)),
        ("CPR", .nationalID(.dkCpr)), ("cpr-nummer", .nationalID(.dkCpr)),
        ("PESEL", .nationalID(.plPesel)), ("SSN", .nationalID(.usSsn)),
        ("social security number", .nationalID(.usSsn)), ("NHS number", .nationalID(.ukNhsNumber)),
        ("nhs_no", .nationalID(.ukNhsNumber)), ("national_id", .nationalID(nil)),
        ("personal code", .nationalID(nil)), ("ID code", .nationalID(nil)),
        ("Личный код", .nationalID(nil)),
        // email
        ("email", .email), ("e-mail", .email), ("e-post", .email), ("sähköposti", .email),
        ("E-postadress", .email), ("Электронная почта", .email), ("mail", .email),
        ("epasts", .email), ("el. paštas", .email), ("customer_email", .email),
        ("kliendi_email", .email), ("Email Address", .email), ("adres e-mail", .email),
        ("emails", .email), ("E-MAIL:", .email),
        // phone
        ("phone", .phone), ("tel", .phone), ("telefon", .phone), ("telefoninumber", .phone),
        ("puhelin", .phone), ("puh", .phone), ("mobile", .phone), ("GSM", .phone),
        ("Телефон", .phone), ("mobil", .phone), ("tālrunis", .phone), ("telefonas", .phone),
        ("contact_phone", .phone), ("phone_2", .phone), ("Tel.", .phone), ("phones", .phone),
        ("nr telefonu", .phone), ("mobile_phone_number", .phone),
        // date of birth
        ("dob", .dateOfBirth), ("birth_date", .dateOfBirth), ("date of birth", .dateOfBirth),
        ("sünniaeg", .dateOfBirth), ("syntymäaika", .dateOfBirth), ("födelsedatum", .dateOfBirth),
        ("data urodzenia", .dateOfBirth), ("Geburtsdatum", .dateOfBirth),
        ("Дата рождения", .dateOfBirth), ("fødselsdato", .dateOfBirth),
        ("dzimšanas datums", .dateOfBirth), ("gimimo data", .dateOfBirth),
        ("patient_dob", .dateOfBirth),
        // iban / account
        ("IBAN", .iban), ("account number", .iban), ("arveldusarve", .iban),
        ("tilinumero", .iban), ("konto", .iban), ("numer rachunku", .iban),
        ("Kontonummer", .iban), ("customer_iban", .iban),
        // cards
        ("card number", .paymentCard), ("credit card", .paymentCard), ("card_number", .paymentCard),
        ("pan", .paymentCard), ("maksekaart", .paymentCard),
        ("kaardinumber", .loyaltyCard), ("kliendikaart", .loyaltyCard),
        ("Kliendikaardi nr", .loyaltyCard), ("loyalty_card", .loyaltyCard),
        ("loyalty card number", .loyaltyCard), ("bonus card", .loyaltyCard),
        ("kanta-asiakaskortti", .loyaltyCard), ("karta lojalnościowa", .loyaltyCard),
        ("Säästukaart", .loyaltyCard), ("Partnerkaart", .loyaltyCard),
        // link keys
        ("customer_id", customer), ("customer_no", customer), ("client_id", customer),
        ("kliendi_nr", customer), ("klient", customer), ("asiakasnumero", customer),
        ("asiakas_id", customer), ("kundnummer", customer), ("numer klienta", customer),
        ("patient_id", customer), ("CustomerID", customer), ("Kundennummer", customer),
        ("member_ref", customer), ("memberRef", customer), ("client reference", customer), ("member no", customer),
        ("card_id", .paymentCard), ("cardId", .paymentCard), ("kaart_nr", .paymentCard), ("bonus", .paymentCard),
        ("loyalty_card_no", .loyaltyCard), ("sünnip", .dateOfBirth), ("POS", .nonPersonal), ("#CHROM", .nonPersonal),
        ("sample_id", sample), ("proovi_id", sample), ("näytetunnus", sample),
        ("sample", sample), ("barcode", sample),
        // purchases, delivery, language
        ("product", .purchase), ("toode", .purchase), ("tuote", .purchase),
        ("produkt", .purchase), ("item", .purchase), ("sku", .purchase),
        ("ostukorv", .purchase), ("purchase", .purchase), ("product_name", .purchase),
        ("delivery_address", .delivery), ("toimitusosoite", .delivery), ("delivery", .delivery),
        ("tarneaadress", .delivery), ("shipping_address", .delivery), ("pakiautomaat", .delivery),
        // credentials
        ("password_hash", .credentials), ("password", .credentials), ("Parool", .credentials), ("salasana", .credentials),
        ("lösenord", .credentials), ("hasło", .credentials), ("пароль", .credentials), ("pwd", .credentials),
        ("Passwort", .credentials), ("passwordHash", .credentials),
        ("language", .language), ("keel", .language), ("kieli", .language), ("språk", .language),
        ("język", .language), ("язык", .language),
        // not personal
        ("order_id", .nonPersonal), ("order number", .nonPersonal), ("tellimus", .nonPersonal), ("Type", .nonPersonal), ("nazwisko_t", .lastName), ("data_ur_dt", .dateOfBirth), ("adres_txt", .postalAddress),
        ("tilausnumero", .nonPersonal), ("invoice", .nonPersonal), ("timestamp", .nonPersonal),
        ("created_at", .nonPersonal), ("amount", .nonPersonal), ("price", .nonPersonal),
        ("summa", .nonPersonal), ("hind", .nonPersonal), ("quantity", .nonPersonal),
        ("qty", .nonPersonal),
        // a store's own line, a ticket's reporter, a delivery's recipient, a delivery interval (session 26)
        ("PoeTelefon", .nonPersonal), ("Store phone", .nonPersonal), ("reporter", .fullName), ("recipient", .fullName),
        ("omanik", .fullName), ("Kaardi omanik", .fullName), ("владелец карты", .fullName), ("Synniaeg", .dateOfBirth),
        ("BuyerOrganisationName", .fullName), ("BuyerTownName", .addressPart),
        ("Toimitusväli", .delivery), ("ViimaneOst", .purchase), ("last purchase", .purchase),
        // a machine's address; Dynamics' lookups, annotations and publisher prefixes (session 28)
        ("ip_address", .nonPersonal), ("_parentcustomerid_value", .nonPersonal), ("khl_asiakasnumero", .linkKey(namespace: "customer")),
        ("birthdate@OData.Community.Display.V1.FormattedValue", .dateOfBirth), ("address1_line1", .addressPart), ("cf_phone", .phone),
    ]

    /// A bare `KOD` beside a street or a town is the postal code; alone, or beside other columns,
    /// it is nothing.
    @Test func aCodeBesideAnAddressIsItsPostalCode() {
        #expect(FieldClassifier.postalCodesBesideAddress(["ULICA", "KOD", "MIASTO", "TELEFON"]) == [false, true, false, false])
        #expect(FieldClassifier.postalCodesBesideAddress(["Nazwa", "Kod", "Cena"]) == [false, false, false])
        #expect(FieldClassifier.postalCodesBesideAddress(["kod"]) == [false])
    }

    @Test func vocabularyTable() {
        #expect(Self.table.count >= 120)
        for (label, hint) in Self.table {
            #expect(FieldClassifier.hint(forLabel: label) == hint, "label \(label)")
        }
    }

    @Test(arguments: [
        "status", "", "  ", "id", "description", "username", "company_name",
        "ethnicity", "file_name", "created_from_system", "DocumentName", "document_name",
        "flag", "x", "Статус",
    ])
    func unknownLabelsAreNil(label: String) {
        #expect(FieldClassifier.hint(forLabel: label) == nil)
    }

    @Test func normalisation() {
        #expect(FieldClassifier.normalize("Förnamn") == "fornamn")
        #expect(FieldClassifier.normalize("Vārds, uzvārds") == "vardsuzvards")
        #expect(FieldClassifier.normalize("Imię_i-Nazwisko.:#*") == "imieinazwisko")
        #expect(FieldClassifier.normalize("Straße") == "strasse")
        #expect(FieldClassifier.normalize("Fødselsnr") == "fodselsnr")
        #expect(FieldClassifier.normalize("Łódź") == "lodz")
        #expect(FieldClassifier.normalize("ФИО Ё") == "фиое")
        // Decomposed letters: o + U+0308, и + U+0306.
        #expect(FieldClassifier.normalize("Fo\u{308}rnamn") == "fornamn")
        #expect(FieldClassifier.normalize("И\u{306}") == "й")
        #expect(FieldClassifier.hint(forLabel: "Fo\u{308}delsedatum") == .dateOfBirth)
    }

    /// Labels a blind test of leaks shaped like the five cases met (session 12): card columns in
    /// Estonian, receipt and order numbers, countries, the ordering organisation, `Asiakas:`.
    @Test(arguments: [
        ("kaart", FieldHint.paymentCard), ("Kaardi nr", .paymentCard), ("kaardi_nr", .paymentCard),
        ("tšeki_nr", .nonPersonal), ("Tšeki nr", .nonPersonal), ("Nr zlecenia", .nonPersonal),
        ("nr_zlecenia", .nonPersonal), ("Kuittinumero", .nonPersonal), ("Номер чека", .nonPersonal),
        ("riik", .nonPersonal), ("Country", .nonPersonal), ("Страна", .nonPersonal), ("Land", .nonPersonal),
        ("Tellija", .nonPersonal), ("Ordering provider", .nonPersonal), ("Lääkäri", .nonPersonal),
        ("Asiakas", .fullName), ("Kund", .fullName),
    ])
    func caseLabels(_ label: String, _ hint: FieldHint) {
        #expect(FieldClassifier.hint(forLabel: label) == hint)
    }

    /// `delivery_info` is what a delivery reveals beyond the address: when it was made and how to
    /// get in (door and gate codes, instructions). An order date or order number is not.
    @Test(arguments: [
        ("Toimituspäivä", FieldHint.delivery), ("Toimitettu", .delivery), ("Ovikoodi", .delivery),
        ("Leveransdatum", .delivery), ("Levererad", .delivery), ("Portkod", .delivery),
        ("Delivery date", .delivery), ("Door code", .delivery), ("Tarnekuupäev", .delivery),
        ("Uksekood", .delivery), ("Data dostawy", .delivery), ("Kod do drzwi", .delivery),
        ("Дата доставки", .delivery), ("Код домофона", .delivery), ("Lieferdatum", .delivery),
    ])
    func deliveryLabels(_ label: String, _ hint: FieldHint) {
        #expect(FieldClassifier.hint(forLabel: label) == hint)
    }

    /// Notes and comments are free text the header names: `.none`, so a table does not classify
    /// them from their values (a note with a floor number and a comma looked like an address).
    @Test func notesColumnsAreFreeText() {
        for label in ["Lisätiedot", "Huom", "Notes", "customer_notes", "Märkused", "Anmärkning", "Uwagi", "Примечание",
                      "comment", "kommentaar", "huomautus"] {
            #expect(FieldClassifier.hint(forLabel: label) == FieldHint.none, "\(label)")
        }
    }

    @Test func orderDatesAreNoDelivery() {
        for label in ["Tilauspäivä", "Orderdatum", "Order date", "Tellimuse kuupäev", "Tilausnumero"] {
            #expect(FieldClassifier.hint(forLabel: label) != .delivery, "\(label)")
        }
    }

    @Test func deliveryListTitles() {
        func starts(_ s: String) -> Bool { Array(s.utf8).withUnsafeBufferPointer { FieldClassifier.startsDeliveryList($0) } }
        for title in ["Ajolista 2023-03-02 – reitti KYMENLAAKSO-2", "KÖRLISTA 2023-01-05", "Route sheet: van 4",
                      "Маршрутный лист № 12", "Lieferliste", "ajolista", "KOTIHOIVALOGISTIIKKA OY - AJOLISTA",
                      "Hemvård Ab – Körlista vecka 21"] {
            #expect(starts(title), "\(title)")
        }
        for line in ["Ajolistan mukaan toimitus myöhästyy", "Körlistor finns i mappen", "Routes were planned",
                     "Asiakas: Ajolista Oy", "Hyvä asiakas, ajolista on liitteenä"] {
            #expect(!starts(line), "\(line)")
        }
    }

    /// Bilingual headers (`Прізвище / Nazwisko`): a part that is a label says what the column
    /// is. Identity documents are link keys; product, invoice, order-line and case numbers are
    /// numbers; an organisation's sites are named so.
    @Test func relatedPersonsColumnsFormGroups() {
        // Label → (group, hint of the label alone, when it says one).
        let cases: [(String, String, FieldHint?)] = [
            ("guardian_phone", "guardian", .phone), ("Guardian name", "guardian", .fullName),
            ("Lapsevanema nimi", "lapsevanema", .fullName), ("Huoltajan puhelin", "huoltajan", .phone),
            ("telefon_opiekuna", "opiekuna", .phone), ("parent2_email", "parent2", .email),
            ("Ema isikukood", "ema", .nationalID(.eeIsikukood)), ("emergency_contact_phone", "emergencycontact", .phone),
            ("Guardian", "guardian", .fullName), ("Next of kin", "nextofkin", .fullName), ("Maksja", "maksja", .fullName),
            ("$.patients[].emergencyContact.phone", "$.patients[].emergencyContact", nil),
            ("$.patients[].guardians[].name", "$.patients[].guardians[]", nil),
            ("$.patients[].guardianPhone", "$.patients[].guardian", .phone),
            ("Maksja isikukood", "maksja", .nationalID(.eeIsikukood)), ("payer_email", "payer", .email),
        ]
        for (label, group, hint) in cases {
            let found = FieldClassifier.relatedGroup(label)
            #expect(found?.group == group, "\(label)")
            #expect(found?.hint == hint, "\(label)")
        }
        // Staff in a record: a driver's or an ordering physician's columns are no one's.
        for label in ["Kuljettajan puh.", "Kuljettaja", "driver_phone", "orderedBy", "agent_email", "assigned_to", "Nosūtītājs"] {
            #expect(FieldClassifier.hint(forLabel: label) == .nonPersonal, "\(label)")
            #expect(FieldClassifier.namesOtherEntity(label), "\(label)")
        }
        #expect(FieldClassifier.hint(forLabel: "Driver's licence number") != .nonPersonal)
        // The record's own columns, and words that only look like a relative's.
        for label in ["Nimi", "email", "Email address", "emakeel", "Telefon", "customer_phone", "Mother's maiden name",
                      "office_phone", "$.patients[].phone", "$.patients[].name", "invoice", "Saaja/Maksja"] {
            #expect(FieldClassifier.relatedGroup(label) == nil, "\(label)")
        }
    }

    @Test func bilingualHeadersDocumentsNumbersAndSites() {
        #expect(FieldClassifier.hint(forLabel: "Прізвище / Nazwisko") == .lastName)
        #expect(FieldClassifier.hint(forLabel: "Ім'я / Imię") == .firstName)
        #expect(FieldClassifier.hint(forLabel: "Дата народження / Data ur.") == .dateOfBirth)
        #expect(FieldClassifier.hint(forLabel: "Телефон / Telefon") == .phone)
        #expect(FieldClassifier.hint(forLabel: "Паспорт / Paszport") == FieldClassifier.document)
        #expect(FieldClassifier.hint(forLabel: "Date/Time") == .nonPersonal)
        for label in ["Passport number", "Paszport", "Dokument", "Passinumero", "Номер паспорта", "Dokumendi nr"] {
            #expect(FieldClassifier.hint(forLabel: label) == FieldClassifier.document, "\(label)")
        }
        for label in ["Tuotenumero", "Laskunro", "tilausrivi", "Case Number", "Product number", "Artikelnummer", "Kod produktu"] {
            #expect(FieldClassifier.hint(forLabel: label) == .nonPersonal, "\(label)")
            #expect(FieldClassifier.holdsOnlyNumbers(label), "\(label)")
        }
        for label in ["Punkt", "Store", "Filiaal", "Apteka", "Toimipiste", "Филиал"] {
            #expect(FieldClassifier.namesSite(label), "\(label)")
            #expect(FieldClassifier.hint(forLabel: label) == .nonPersonal, "\(label)")
        }
        for label in ["Nimi", "Adres", "Punkty lojalnościowe", "Store manager"] { #expect(!FieldClassifier.namesSite(label), "\(label)") }
        // The number of the document, without its kind; no number, no key.
        for (value, number) in [("paszport FE222750", "FE222750"), ("fe222750", "FE222750"), ("AB 123456", "AB123456"),
                                ("№ АВ123456", "АВ123456"), ("Passport: 12-345-678", "12345678"), ("pass 123456", "123456")] {
            #expect(RecordAssembler.documentNumber(Array(value.utf8)) == Array(number.utf8), "\(value)")
        }
        for value in ["brak", "paszport", "nr 1234"] { #expect(RecordAssembler.documentNumber(Array(value.utf8)) == nil, "\(value)") }
    }

    @Test func storeManagersAndDeliveryFiles() {
        for label in ["Juhataja", "Store manager", "Kierownik", "Föreståndare", "Заведующий", "myymäläpäällikkö"] {
            #expect(FieldClassifier.namesStaffRole(label), "\(label)")
            #expect(FieldClassifier.hint(forLabel: label) == .nonPersonal, "\(label)")
        }
        for label in ["Nimi", "Kontaktisik", "patient", "Manageri nimi"] { #expect(!FieldClassifier.namesStaffRole(label), "\(label)") }
        for file in ["kuulo/kuulolaiteasiakkaat_toimitukset_Q3.tsv", "deliveries_2023.csv", "leveranser.xlsx", "arkisto/x.tar.gz!/ajolista_2023-01-02.txt",
                     "Lieferungen-Juni.csv", "доставки.csv"] {
            #expect(FieldClassifier.namesDeliveries(fileName: file), "\(file)")
        }
        for file in ["toimitukset/asiakkaat.csv", "kliendid.csv", "customers_000.csv"] {   // the folder's name does not count
            #expect(!FieldClassifier.namesDeliveries(fileName: file), "\(file)")
        }
    }

    @Test func keysNamingSomeoneElse() {
        for key in ["orderingProvider", "ordering_provider", "lemmikloomad", "pets", "tests", "clinic", "store",
                    "referringPhysician", "tilaaja", "zleceniodawca", "orderItems", "laboratory", "lines", "orderLines",
                    "Arst", "Lege", "Læge", "Clinician", "Gydytojas", "Ārsts", "Lääkäri"] {
            #expect(FieldClassifier.namesOtherEntity(key), "\(key)")
        }
        for key in ["patient", "customer", "klient", "name", "contact", "address", "owner", "guardian", "person", "asiakas",
                    "addressLines", "address_line", "Kollege", "legend",
                    "items"] {  // an API page's records as often as an order's lines
            #expect(!FieldClassifier.namesOtherEntity(key), "\(key)")
        }
    }

    /// Message ids (`smtp-id`, `Message-ID`) are no one's addresses; an audit log's `actor` is
    /// staff (`riskFactors` is not); ISO 20022's postal address parts are address parts.
    @Test func messageIDsActorsAndPaymentAddresses() {
        for (label, id) in [("$.smtp-id", true), ("Message-ID", true), ("$.headers.msgid", true), ("$.email", false), ("smtp", false)] {
            #expect(FieldClassifier.namesMessageID(label) == id, "\(label)")
        }
        #expect(FieldClassifier.namesStaffMember("$[].actor.alternateId"))
        #expect(!FieldClassifier.namesStaffMember("$.riskFactors"))
        // An openEHR composition's author and an Access register's employees are staff.
        #expect(FieldClassifier.namesStaffMember("$.composer.name") && FieldClassifier.namesStaffMember("Tootajad/Epost"))
        #expect(!FieldClassifier.namesStaffMember("Kliendid/Epost"))
        #expect(FieldClassifier.namesStaffMember("$[].responder_email") && !FieldClassifier.namesStaffMember("$[].requester_email"))
        // A Kibana export's `service.name` and `host.name` are software's; a customer's `customer.name` is a name.
        #expect(FieldClassifier.hint(forLabel: "service.name") == .nonPersonal && FieldClassifier.hint(forLabel: "host.name") == .nonPersonal)
        #expect(FieldClassifier.hint(forLabel: "customer.name") == .fullName)
        for label in ["StrtNm", "BldgNb", "PstCd", "TwnNm", "AdrLine"] {
            #expect(FieldClassifier.hint(forLabel: label) == .addressPart, "\(label)")
        }
    }
}

@Suite struct AddressPartLabelTests {
    /// An address split over columns or attributes named by the address word and the part
    /// (`aadress_tanav`, `address_city`, `osoite_postinumero`): parts, joined into one address.
    @Test func addressWordAndPart() {
        for label in ["aadress_tanav", "aadress_linn", "aadress_indeks", "address_city", "address_zip", "osoite_postinumero",
                      "address_street", "adres_miasto"] {
            #expect(FieldClassifier.hint(forLabel: label) == .addressPart, "\(label): \(String(describing: FieldClassifier.hint(forLabel: label)))")
        }
        #expect(FieldClassifier.hint(forLabel: "aadress") == .postalAddress)
        #expect(FieldClassifier.hint(forLabel: "email_address") == .email)
    }
}
