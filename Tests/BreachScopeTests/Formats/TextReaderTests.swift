import Testing
@testable import BreachScope
import BreachScopeTesting

@Suite struct TextReaderTests {
    static let labels: @Sendable (String) -> FieldHint? = { label in
        switch label {
        case "Email", "E-post": return .email
        case "Nimi": return .fullName
        case "Telefon": return .phone
        case "Isikukood": return .nationalID(.eeIsikukood)
        default: return nil
        }
    }

    static func readAllChunkings(_ text: String, limits: ReadLimits = .init(),
                                 classify: @escaping @Sendable (String) -> FieldHint? = labels) -> RecordingVisitor {
        let doc = Array(text.utf8)
        let whole = readDocument(TextReader(limits: limits, classify: classify), doc)
        #expect(whole.error == nil)
        for size in [1, 2, 5, 13, 300] {
            let chunked = readDocument(TextReader(limits: limits, classify: classify), doc, chunkSize: size)
            #expect(chunked.visitor.events == whole.visitor.events, "chunk size \(size)")
        }
        return whole.visitor
    }

    /// A `curl -v` trace's response body (one line of JSON, or pretty-printed over many) is
    /// read as JSON: each object of `data` is a record of its own, not one line naming
    /// everyone. A `{` alone before code, and a JSON block the file ends inside, are read as
    /// text, so nothing is lost.
    @Test func jsonBodiesInTextAreReadAsJSON() {
        let oneLine = "> GET /api/v2/patients?page=1 HTTP/2\n< HTTP/2 200\n<\n{ [212 bytes data]\n"
            + #"{"data": [{"id": "PPS701801", "givenName": "Joseph", "email": "joseph.young@example.com"}, "#
            + #"{"id": "PPS701912", "givenName": "Emily", "email": "emily1955@example.net"}], "meta": {"page": 1}}"# + "\n"
            + "* Connection #0 to host left intact\n"
        let v = Self.readAllChunkings(oneLine)
        #expect(v.recordStrings.contains("$.data[].id=PPS701801|$.data[].givenName=Joseph|$.data[].email=joseph.young@example.com"), "\(v.recordStrings)")
        #expect(v.recordStrings.contains("$.data[].id=PPS701912|$.data[].givenName=Emily|$.data[].email=emily1955@example.net"), "\(v.recordStrings)")
        let pretty = "< HTTP/2 200\n<\n{ [212 bytes data]\n{\n  \"data\": [\n    {\n      \"id\": \"PPS708136\",\n"
            + "      \"email\": \"p.thomas@kodu.test\"\n    },\n    {\n      \"id\": \"PPS708194\",\n"
            + "      \"email\": \"davidyoung@kodu.test\"\n    }\n  ]\n}\n* Connection #0 left intact\n"
        let p = Self.readAllChunkings(pretty)
        #expect(p.recordStrings.contains("$.data[].id=PPS708136|$.data[].email=p.thomas@kodu.test"), "\(p.recordStrings)")
        #expect(p.recordStrings.contains("$.data[].id=PPS708194|$.data[].email=davidyoung@kodu.test"), "\(p.recordStrings)")
        #expect(p.recordStrings.last == "-=* Connection #0 left intact", "\(p.recordStrings)")
        // Code after a `{` line, and a JSON block cut off by the end of the file: text.
        let code = "void f()\n{\n    notify(\"mari@example.com\");\n}\n"
        #expect(Self.readAllChunkings(code).recordStrings.joined().contains("notify(\"mari@example.com\");"))
        let cut = "{\n  \"email\": \"mari@example.com\",\n  \"phone\": \"+372 5555 0101\""
        let c = Self.readAllChunkings(cut).recordStrings.joined()
        #expect(c.contains("mari@example.com") && c.contains("+372 5555 0101"), "\(c)")
    }

    /// A logfmt log (`level=info … tel=570640333 pacjent="Marek Olszewski"`): each pair whose
    /// key names a person's element is a field under that key, quoted values unescaped; other
    /// pairs and a sentence with two `=` stay text.
    @Test func logfmtPairsAreFields() {
        let text = #"level=info ts=2023-10-29T13:37:09Z caller=sms.go:88 msg="SMS wysłany" tel=570640333 pacjent="Marek \"Mareczek\" Olszewski""# + "\n"
            + #"level=info ts=2023-10-29T13:37:10Z msg="e-mail" first_name=Ewa last_name=Kowalska email=ewa.k@example.pl"# + "\n"
            + "Note: we set tel=570640334 and retry=1 today\n"
            + "09-18 07:29:43.880  5932  8183 D StopAdapter: Stop(seq=1, customerNo=K16899, name='Nyström Eva', address='Kyrkogatan 26 B 7, 07900 Lovisa', doorCode='3950')\n"
        let v = Self.readAllChunkings(text, classify: { FieldClassifier.hint(forLabel: $0) })
        let all = v.recordStrings.joined(separator: "\n")
        #expect(all.contains("?tel=570640333") && all.contains(#"?pacjent=Marek "Mareczek" Olszewski"#), "\(all)")
        #expect(all.contains("?name=Ewa Kowalska") && all.contains("?email=ewa.k@example.pl"), "\(all)")
        #expect(!all.contains("?msg") && !all.contains("?caller") && !all.contains("?tel=570640334"), "\(all)")
        #expect(!v.recordStrings.contains { $0.contains("?tel=") && $0.contains("?email=") }, "\(v.recordStrings)")
        // An object's `toString` in a logcat line: single quotes, and no comma after a bare value.
        #expect(all.contains("?name=Nyström Eva") && all.contains("?address=Kyrkogatan 26 B 7, 07900 Lovisa")
                && all.contains("?customerNo=K16899|") && all.contains("?doorCode=3950"), "\(all)")
    }

    /// An InfluxDB export (`influx_inspect export`): each point is a record, its known tags
    /// and fields under their keys (the card and the product of one purchase line); the
    /// export's comments and DDL stay text.
    @Test func influxPointsAreRecords() {
        let text = "# INFLUXDB EXPORT: 1677-09-21T00:12:43Z - 2262-04-11T23:47:16Z\n# DML\n"
            + #"ost,kaart=2900001863810,kauplus=Narva\ Astri,kett=apteek toode="Ibumetin 400 mg N20" 1692215959312000000"# + "\n"
            + #"ost,kaart=2900001863810,kauplus=Narva\ Astri,kett=apteek kogus=2i 1692215959312000000"# + "\n"
            + "Note: value=1 at 1692215959\n"
        let v = Self.readAllChunkings(text, classify: { label in
            switch label { case "kaart": return .loyaltyCard; case "toode": return .purchase; default: return nil }
        })
        #expect(v.recordStrings.contains { $0.contains("kaart=2900001863810") && $0.contains("toode=Ibumetin 400 mg N20") }, "\(v.recordStrings)")
        // (Each point is a record of its own: two cards never share one.)
        #expect(!v.recordStrings.contains { $0.components(separatedBy: "kaart=").count > 2 }, "\(v.recordStrings)")
        #expect(!v.columnNames.contains("kauplus") && !v.columnNames.contains("kogus"), "\(v.columnNames)")
        #expect(Array("Note: value=1 at 1692215959".utf8).withUnsafeBufferPointer { LineProtocol.pairs($0) }.isEmpty)
        let point = Array(#"ost,kaart=2900001863810,kauplus=Narva\ Astri toode="Ibumetin" 1692215959312000000"#.utf8)
        #expect(point.withUnsafeBufferPointer { LineProtocol.pairs($0).map { String(decoding: point[$0.key], as: UTF8.self) } } == ["kaart", "kauplus", "toode"])
    }

    /// A webhook's form body in an nginx log (`mandrill_events=%5B%7B…`): decoded and read as
    /// JSON, its events records with their paths.
    @Test func formEncodedJSONInALogIsReadAsJSON() {
        let text = #"198.2.132.208 - - [02/Mar/2015:12:02:24 +0000] "POST /hooks/mandrill HTTP/1.1" 200 2 "-" "Mandrill-Webhook/1.0" rt=0.097 "#
            + #""mandrill_events=%5B%7B%22event%22%3A%22send%22%2C%22msg%22%3A%7B%22email%22%3A%22kowalczykj79%40mail.example.com%22%2C"#
            + #"%22metadata%22%3A%7B%22patient_name%22%3A%22Jessica+A.+Kowalczyk%22%7D%7D%7D%5D""# + "\n"
        let v = Self.readAllChunkings(text)
        let all = v.recordStrings.joined(separator: "\n")
        #expect(all.contains("$[].msg.email=kowalczykj79@mail.example.com") && all.contains("$[].msg.metadata.patient_name=Jessica A. Kowalczyk"), "\(all)")
        // (A query's other parameters on the line are still read.)
        let query = "2023-10-01T10:00:00Z GET /track?email=anna%40example.com&payload=%7B%22page%22%3A1%7D HTTP/1.1\n"
        #expect(Self.readAllChunkings(query).recordStrings.joined().contains("anna@example.com"))
    }

    /// A log of JSON lines (`app.log`): each line a record with its paths, declared once; a
    /// line that breaks off (after 16 good ones, when lines are no longer probed first) is read
    /// as text too, so its e-mail is not lost.
    @Test func jsonLinesOfALogAreRecords() {
        var text = ""
        for k in 0..<20 { text += #"{"ts": "2023-10-01T10:00:\#(k)Z", "level": "info", "user": {"email": "user\#(k)@example.com"}}"# + "\n" }
        text += #"{"ts": "2023-10-01T10:01:00Z", "user": {"email": "late@example.com", "note": "cut"# + " off}\n"
        let v = Self.readAllChunkings(text)
        // (20 lines, the broken line's fields before its error, and the broken line as text.)
        #expect(v.recordStrings.count == 22, "\(v.recordStrings)")
        #expect(v.recordStrings[20].hasPrefix("$.ts=2023-10-01T10:01:00Z"), "\(v.recordStrings)")
        #expect(v.recordStrings.first == "$.ts=2023-10-01T10:00:0Z|$.level=info|$.user.email=user0@example.com", "\(v.recordStrings)")
        #expect(v.recordStrings.last?.contains("late@example.com") == true, "\(v.recordStrings)")
        let declared = v.events.compactMap { if case let .declare(name, _, _) = $0 { name } else { nil } }
        #expect(declared.filter { $0 == "$.user.email" }.count == 1, "\(declared)")
    }

    @Test func blocksAndLabels() {
        let text = """
            Nimi: Mari Maasikas
            Email = mari@example.com
            Telefon — +372 5555 0101
            Märkus: helistada õhtul

            \t
            Nimi\tJüri Kask
              Isikukood :  39001010000\r
            vaba tekst ilma sildita
            """
        let v = Self.readAllChunkings(text)
        #expect(v.recordStrings == [
            "Nimi=Mari Maasikas|Email=mari@example.com|Telefon=+372 5555 0101|-=Märkus: helistada õhtul",
            "Nimi=Jüri Kask|Isikukood=39001010000|-=vaba tekst ilma sildita",
        ])
        // Each label is declared once, with its hint.
        let declared = v.events.compactMap { e -> String? in if case let .declare(name, _, _) = e { return name }; return nil }
        #expect(declared == ["Nimi", "Email", "Telefon", "Isikukood"])
        #expect(v.events.contains(.declare(name: "Isikukood", hint: .nationalID(.eeIsikukood), id: 3)))
        // Records start at their first line; fields know their line and offset.
        let doc = Array(text.utf8)
        var begins: [Int] = []
        for e in v.events {
            if case let .begin(line, _) = e { begins.append(line) }
            if case let .field(value, _, _, offset) = e {
                #expect(Array(doc[offset..<(offset + value.utf8.count)]) == Array(value.utf8), "\(value)")
            }
        }
        #expect(begins == [1, 7])
        #expect(v.events.contains { if case let .field(value, 3, 8, _) = $0 { return value == "39001010000" }; return false })
    }

    /// A form's line with several fields set apart by wide gaps gives each known label its
    /// field; an unknown label after a gap stays in the value before it.
    /// A URL's query string in a log line: its parameters are percent-decoded, a known key's
    /// value is a field of its `?key` column, a first and a last name of one query are one name,
    /// an unknown key's encoded value is text; plain values and link keys (`id=`) give nothing.
    @Test func queryStringsAreDecoded() {
        let text = "185.160.104.189 - - [01/Mar/2019:00:06:05 -0500] \"GET /confirm?email=mark1994%40example.com"
            + "&fn=Carlos&ln=De+la+Cruz&id=48213&src=pps&note=tel%3A%2B372+5123+4567 HTTP/1.1\" 200 6148\n"
            + "10.0.0.7 - - \"GET /sms/send?to=%2B48601234567&text=Wyniki+dla+Anny+Nowak HTTP/1.1\" 200\n"
            + "10.0.0.8 - - \"GET /index.html?page=2&sort=asc HTTP/1.1\" 200\n"
        let v = readDocument(TextReader(), Array(text.utf8)).visitor
        let fields = v.recordStrings.joined(separator: "\n")
        #expect(fields.contains("?email=mark1994@example.com"), "\(fields)")
        #expect(fields.contains("?name=Carlos De la Cruz"), "\(fields)")
        #expect(fields.contains("-=tel:+372 5123 4567"), "\(fields)")
        #expect(fields.contains("-=+48601234567"), "\(fields)")
        #expect(fields.contains("-=Wyniki dla Anny Nowak"), "\(fields)")
        #expect(!fields.contains("|?fn") && !fields.contains("|?id") && !fields.contains("|?page") && !fields.contains("|?src"), "\(fields)")
        // Chunked reads agree.
        for size in [1, 7, 64] {
            #expect(readDocument(TextReader(), Array(text.utf8), chunkSize: size).visitor.events == v.events)
        }
        // A CloudFront log's `cs-uri-query` field, after a tab, encoded twice (`%2540` for `@`).
        let cloudfront = "2014-07-18\t10:01:23\tSFO5-C3\t1408\t198.51.100.8\tGET\t/api/v1/accounts/lookup\t200"
            + "\temail=m.ramirez%2540webmail.test&first=Mark&last=De%2Bla%2BCruz\t-\tRefreshHit\n"
        let cf = readDocument(TextReader(), Array(cloudfront.utf8)).visitor.recordStrings.joined(separator: "\n")
        #expect(cf.contains("?email=m.ramirez@webmail.test") && cf.contains("?name=Mark De la Cruz"), "\(cf)")
    }

    /// sqlite3's `.mode box`: a table drawn with box characters is read as the MySQL client's
    /// framed table is, columns by characters (`Ksülometasoliin`).
    @Test func boxDrawnTables() {
        let text = "sqlite> .mode box\n"
            + "┌───────────────┬────────────┬─────────────────────────────────────┐\n"
            + "│    kaart_nr   │  kuupaev   │                toode                │\n"
            + "├───────────────┼────────────┼─────────────────────────────────────┤\n"
            + "│ 2900016895981 │ 2023-09-01 │ Plaaster 20tk                       │\n"
            + "│ 2900173030140 │ 2023-09-01 │ Ksülometasoliin ninasprei 0,1% 10ml │\n"
            + "└───────────────┴────────────┴─────────────────────────────────────┘\n"
        let v = Self.readAllChunkings(text, classify: { FieldClassifier.hint(forLabel: $0) })
        #expect(v.recordStrings.contains("kaart_nr=2900016895981|kuupaev=2023-09-01|toode=Plaaster 20tk"), "\(v.recordStrings)")
        #expect(v.recordStrings.contains("kaart_nr=2900173030140|kuupaev=2023-09-01|toode=Ksülometasoliin ninasprei 0,1% 10ml"), "\(v.recordStrings)")
    }

    /// DCMTK's `dcmdump`: the patient's attributes are fields under labels the classifier
    /// knows, the physicians' names staff, UIDs and the institution none.
    @Test func dicomDumps() {
        let text = "# Dicom-Data-Set\n"
            + "(0008,0018) UI [1.2.826.0.1.3680043.2.1125.497665118.1685.1] #  44, 1 SOPInstanceUID\n"
            + "(0008,0080) LO [Vita-Lab Pracownia USG Kraków]          #  30, 1 InstitutionName\n"
            + "(0008,0090) PN [Kowalska^Katarzyna^^lek.]               #  24, 1 ReferringPhysicianName\n"
            + "(0010,0010) PN [KOZŁOWSKA^URSZULA]                      #  18, 1 PatientName\n"
            + "(0010,0020) LO [11210746703]                            #  12, 1 PatientID\n"
            + "(0010,0030) DA [20110107]                               #   8, 1 PatientBirthDate\n"
            + "(0010,1040) LO [ul. Lipowa 81, 38-916 Kraków]           #  30, 1 PatientAddress\n"
            + "(0010,21b0) LT [Wyczuwalna zmiana w piersi lewej]       #  32, 1 AdditionalPatientHistory\n"
            + "(7fe0,0010) OB 00\\00\\00\\00... # 614400, 1 PixelData\n"
            + "(0010,0011) # 0, 0 Broken\n"
        let v = Self.readAllChunkings(text, classify: { FieldClassifier.hint(forLabel: $0) })
        #expect(v.recordStrings.last == "-=# Dicom-Data-Set|(staff name)=Katarzyna Kowalska|name=URSZULA KOZŁOWSKA|-=11210746703|date of birth=2011-01-07"
                + "|address=ul. Lipowa 81, 38-916 Kraków|-=Wyczuwalna zmiana w piersi lewej", "\(v.recordStrings)")
    }

    /// An S3 server access log: each request is a record, an address percent-encoded in an
    /// object's key is read decoded, without the file's extension.
    @Test func encodedAddressesInLogPaths() {
        let text = "79a59df900b949e5 evergreen-pps-migration [18/Jul/2014:20:33:44 +0000] 198.51.100.29 - 3D40DF4AB0C31A22 REST.GET.OBJECT "
            + "profiles/keisha_moore%40inbox.test.json \"GET /evergreen-pps-migration/profiles/keisha_moore%40inbox.test.json HTTP/1.1\" 200 - 1862\n"
            + "79a59df900b949e5 evergreen-pps-migration [18/Jul/2014:20:36:50 +0000] 192.0.2.232 - 89B8D4019F44850C REST.GET.OBJECT "
            + "profiles/wilsone516%40webmail.test.json \"GET /evergreen-pps-migration/profiles/wilsone516%40webmail.test.json HTTP/1.1\" 200\n"
        let v = Self.readAllChunkings(text, classify: { FieldClassifier.hint(forLabel: $0) })
        #expect(v.recordStrings.count == 2, "\(v.recordStrings)")
        #expect(v.recordStrings.first?.contains("|-=keisha_moore@inbox.test") == true && v.recordStrings.first?.contains("wilsone516") == false,
                "\(v.recordStrings)")
        #expect(v.recordStrings.last?.contains("|-=wilsone516@webmail.test") == true, "\(v.recordStrings)")
    }

    /// A Rails log's `Parameters:` (a Ruby hash, `"key"=>"value"`): a known key's string value
    /// is a field of its `?key` column, a first and a last name of one line are one name; a
    /// filtered token and unknown keys give nothing.
    @Test func rubyHashPairsInALog() {
        let text = "I, [2022-11-02T09:00:48.165631 #4676]  INFO -- : [2b02f8ba-bc5a]   Parameters: {\"authenticity_token\"=>\"[FILTERED]\", "
            + "\"account\"=>{\"email\"=>\"lewisa790@posti.test\", \"first_name\"=>\"Ashley\", \"last_name\"=>\"Lewis\", "
            + "\"pps_patient_no\"=>\"PPS-3012589\"}, \"commit\"=>\"Link my account\"}\n"
            + "I, [2022-11-02T09:01:00.000000 #4676]  INFO -- : Completed 302 Found in 12ms (x=>1)\n"
        let v = Self.readAllChunkings(text, classify: { FieldClassifier.hint(forLabel: $0) })
        let fields = v.recordStrings.joined(separator: "\n")
        #expect(fields.contains("?email=lewisa790@posti.test"), "\(fields)")
        #expect(fields.contains("?name=Ashley Lewis"), "\(fields)")
        #expect(!fields.contains("?commit") && !fields.contains("?pps_patient_no") && !fields.contains("?first_name"), "\(fields)")
        #expect(!Array("Completed (x=>1) a=\"b\"".utf8).withUnsafeBufferPointer { TextReader.hasHashRocket($0) })
        #expect(Array("{\"email\"=>\"a@b.c\"}".utf8).withUnsafeBufferPointer { TextReader.hasHashRocket($0) })
    }

    /// AsciiDoc attributes (`:patsient: Maie Pärn`) are labelled fields.
    @Test func asciidocAttributesAreLabelledFields() {
        let v = Self.readAllChunkings("= Vastus G2023-01597\n:patsient: Maie Pärn\n:sünniaeg: 05.08.2011\n\n:: not an attribute\n",
                                      classify: { FieldClassifier.hint(forLabel: $0) })
        let all = v.recordStrings.joined(separator: "\n")
        #expect(all.contains("patsient=Maie Pärn") && all.contains("sünniaeg=05.08.2011"), "\(v.recordStrings)")
    }

    /// Firebird `isql` output: a header over a rule of `=` runs, right-aligned numbers, `<null>`
    /// for none; each row a record with its columns; a bare `KOD` beside the street is the postal code.
    @Test func isqlTablesAreRuledTables() {
        let text = "SQL> SELECT p.ID_PACJENTA, p.PESEL, p.NAZWISKO, p.IMIE FROM PACJENCI p;\n\n"
            + " ID_PACJENTA PESEL       NAZWISKO                       IMIE                 ULICA            KOD    MIASTO  TELEFON\n"
            + "============ =========== ============================== ==================== ================ ====== ======= ==================\n"
            + "       24974 70021841133 Piotrowski                     Kamil                ul. Wiśniowa 63  20-045 Lublin  602-335-302\n"
            + "       24999 85122603555 Ślusarczyk                     Kamil                <null>           <null> <null>  <null>\n"
            // (Columns count characters: `Żeromskiego` and `Łódź` move the telephone by three bytes.)
            + "       30257 <null>      Bondarenko                     Serhii               ul. Żeromskiego  90-385 Łódź    +380 98 728 81 56\n"
        let v = Self.readAllChunkings(text, classify: { FieldClassifier.hint(forLabel: $0) })
        let rows = v.recordStrings.filter { $0.contains("NAZWISKO=") }
        #expect(rows == ["ID_PACJENTA=24974|PESEL=70021841133|NAZWISKO=Piotrowski|IMIE=Kamil|ULICA=ul. Wiśniowa 63|KOD=20-045|MIASTO=Lublin|TELEFON=602-335-302",
                         "ID_PACJENTA=24999|PESEL=85122603555|NAZWISKO=Ślusarczyk|IMIE=Kamil",
                         "ID_PACJENTA=30257|NAZWISKO=Bondarenko|IMIE=Serhii|ULICA=ul. Żeromskiego|KOD=90-385|MIASTO=Łódź|TELEFON=+380 98 728 81 56"], "\(v.recordStrings)")
        // (`KOD` between the street and the town: the postal code.)
        #expect(v.events.contains { if case let .declare(name, hint, _) = $0 { name == "KOD" && hint == .addressPart } else { false } })

        // A results table under a patient's number: its rows are records (joined by the number),
        // every column named by its label.
        let results = "SQL> SELECT * FROM WYNIKI;\n\n"
            + "NR_ZLECENIA    ID_PACJENTA DATA_POBRANIA            BADANIE                      WYNIK      JEDNOSTKA\n"
            + "============= ============ ======================== ============================ ========== ==========\n"
            + "17010288770          28638 2018-05-18 06:57:00.0000 Kreatynina                   0,55       mg/dl\n"
        let w = Self.readAllChunkings(results, classify: { FieldClassifier.hint(forLabel: $0) })
        #expect(w.recordStrings.last == "NR_ZLECENIA=17010288770|ID_PACJENTA=28638|DATA_POBRANIA=2018-05-18 06:57:00.0000|BADANIE=Kreatynina|WYNIK=0,55|JEDNOSTKA=mg/dl",
                "\(w.recordStrings)")
    }

    /// A redis `MONITOR` capture: each command is a record; a hash's fields are values of their
    /// names' columns, escaped bytes (`\xc3\xb5`) decoded; a key's part after a known prefix
    /// (`kaart:`) is that column's; other arguments are text. Other lines are read as usual.
    @Test func redisMonitorCommands() {
        let text = "OK\n"
            + "1695794572.996144 [0 10.20.4.21:51079] \"HSET\" \"kaart:2900622892466\" \"omanik\" \"T\\xc3\\xb5nis Oja\" "
            + "\"isikukood\" \"34603200078\" \"kett\" \"APTEEK\" \"note\" \"say \\\"hi\\\"\"\n"
            + "1695794437.430617 [0 10.20.4.35:49072] \"SET\" \"otp:+3727975756\" \"287528\" \"EX\" \"300\"\n"
            + "2023-09-27 10:00:00 [INFO] \"HSET\" is not a command here\n"
        let v = Self.readAllChunkings(text, classify: { FieldClassifier.hint(forLabel: $0) })
        #expect(v.recordStrings == [
            "-=OK",
            "?kaart=2900622892466|?omanik=Tõnis Oja|?isikukood=34603200078|-=APTEEK|-=say \"hi\"",
            "-=otp:+3727975756|-=287528|-=EX|-=300",
            "-=2023-09-27 10:00:00 [INFO] \"HSET\" is not a command here",
        ], "\(v.recordStrings)")
        #expect(Array("1695794404.778030 [0 10.20.4.13:43170] \"HSET\" \"unterminated".utf8).withUnsafeBufferPointer { TextReader.redisArguments($0) } == nil)
    }

    /// A Markdown table under its header and separator rows: each row is a record, its cells
    /// under the header's labels (unknown ones as text); the header is read as text.
    @Test func markdownTablesRowsAreRecords() {
        let text = "Järgmised patsiendid:\n\n| Proov | **Nimi** | Isikukood |\n|---|---|:---:|\n"
            + "| S23-005460 | Kask, Kärt | 46001228274 |\n| S22-005672 | Kalniņa, Kristīne | 270187-16673 |\nVaata ka pöördumist LAB-1400.\n"
        let v = Self.readAllChunkings(text)
        #expect(v.recordStrings == [
            "-=Järgmised patsiendid:",
            "-=| Proov | **Nimi** | Isikukood |",
            "-=S23-005460|Nimi=Kask, Kärt|Isikukood=46001228274",
            "-=S22-005672|Nimi=Kalniņa, Kristīne|Isikukood=270187-16673",
            "-=Vaata ka pöördumist LAB-1400.",
        ], "\(v.recordStrings)")
    }

    /// Markdown's emphasis around labels, and fields set apart by a middle dot.
    @Test func markdownLabels() {
        let text = "**Nimi:** Mari Maasikas  \n**Isikukood:** 39001010000 · **Telefon:** +372 5555 0101\n"
            + "__Email__: mari@example.com\n**Nimi: Jüri Kask**\n"
        let v = Self.readAllChunkings(text)
        #expect(v.recordStrings == ["Nimi=Mari Maasikas|Isikukood=39001010000|Telefon=+372 5555 0101|Email=mari@example.com|Nimi=Jüri Kask"],
                "\(v.recordStrings)")
    }

    @Test func severalLabelsOnOneLine() {
        let v = Self.readAllChunkings("""
            Nimi: Mari Maasikas   Isikukood: 49403136526
            Telefon: +372 5555 0101\tPlats: 3   Email: mari@example.com
            Isikukood: puudub  Märkus: x
            """)
        #expect(v.recordStrings == [
            "Nimi=Mari Maasikas|Isikukood=49403136526|Telefon=+372 5555 0101\tPlats: 3|Email=mari@example.com|Isikukood=puudub  Märkus: x",
        ])
    }

    /// A fixed-width table under a header naming a person and a companion column: each row is a
    /// record, each word its column's field. An overlong cell pushes the next ones right; a
    /// missing one is placed by position; a rule ends the table and the text goes on.
    @Test func fixedWidthTables() {
        let text = """
            AJOLISTA   01.03.2023   Auto 17
            ------------------------------------------------------------
              #  Nimi                 Telefon          Isikukood     Huom
              1  Gun Lindholm         045 074 2400     49403136526   Soita
              2  Ritva Koivumäki-Salo-Hietala  040 123 4567  39001010000  Ovikoodi 3212
             10  Maija Vuorila                         49403136526
            ------------------------------------------------------------
            Yhteensä 3 toimitusta.

            Badanie        Wynik   Jedn.
            CRP            0.81    mg/l
            """
        let v = Self.readAllChunkings(text)
        #expect(v.recordStrings == [
            "-=AJOLISTA   01.03.2023   Auto 17|-=------------------------------------------------------------",
            "-=1|Nimi=Gun Lindholm|Telefon=045 074 2400|Isikukood=49403136526|-=Soita",
            "-=2|Nimi=Ritva Koivumäki-Salo-Hietala|Telefon=040 123 4567|Isikukood=39001010000|-=Ovikoodi 3212",
            "-=10|Nimi=Maija Vuorila|Isikukood=49403136526",
            "-=Yhteensä 3 toimitusta.",
            "-=Badanie        Wynik   Jedn.|-=CRP            0.81    mg/l",
        ], "\(v.recordStrings)")
    }

    /// A headerless fixed-width list (a route sheet without its header): from its second line,
    /// each line is a record of its name, its address with the town, and the rest as text. A
    /// lone such line, a list without phones or e-mails (an invoice breakdown of names and
    /// addresses) and a product table stay text.
    @Test func headerlessLists() {
        let text = """
            AJOLISTA 01.03.2023   Auto 17
            Karjalainen, Timo         Asematie 35 B        Helsinki       040 123 4567   2
            Mäkelä Aino               Kirkkokatu 25        00530 Helsinki  045-9779278
            Yhteensä 2

            Niemi, Saara              Puistokatu 10        Helsinki       040 765 4321

            Karjalainen, Timo         Asematie 35 B        Helsinki       toimituksia 1
            Mäkelä Aino               Kirkkokatu 25        00530 Helsinki  toimituksia 2

            Vitamin C      4.99   2
            Omega Three    9.99   1
            """
        let v = Self.readAllChunkings(text)
        #expect(v.recordStrings == [
            "-=AJOLISTA 01.03.2023   Auto 17",
            "(list name)=Karjalainen, Timo|(list address)=Asematie 35 B, Helsinki|-=040 123 4567|-=2",
            "(list name)=Mäkelä Aino|(list address)=Kirkkokatu 25, 00530 Helsinki|-=045-9779278",
            "-=Yhteensä 2",
            "-=Niemi, Saara              Puistokatu 10        Helsinki       040 765 4321",
            "-=Karjalainen, Timo         Asematie 35 B        Helsinki       toimituksia 1|-=Mäkelä Aino               Kirkkokatu 25        00530 Helsinki  toimituksia 2",
            "-=Vitamin C      4.99   2|-=Omega Three    9.99   1",
        ], "\(v.recordStrings)")
    }

    /// A printed client list: a name, then labels without colons after wide gaps, the address
    /// on the next line; prose with double spaces, a log line (a label without a colon only
    /// counts on a list's line) and a title whose only label is no one's (a route sheet's
    /// driver) stay text.
    @Test func printedListsLabelsWithoutColons() {
        let classify: @Sendable (String) -> FieldHint? = { label in
            switch label {
            case "Syntymäaika": .dateOfBirth
            case "Asiakasnro": .linkKey(namespace: "customer")
            case "Puh": .phone
            case "Tuote": .purchase
            case "KULJETTAJA": .nonPersonal
            case "Email": .email
            default: nil
            }
        }
        let text = """
            NORDLOG  AJOLISTA  01.09.2023   KULJETTAJA: Sami

            PULKKINEN TERTTU                            Syntymäaika 15.06.1947   Asiakasnro HUS-611469
                KALLIOKATU 24, 00134 HELSINKI
                Puh. +358444420157         Tuote: ESS-101 Essi Pants Maxi L

            Korhonen Sointu       Syntymäaika 27.05.1942
                Peltolantie 30, 00770 Helsinki
            Hello  world, this is prose  with gaps.

            2014-07-22 13:10:19 WARN  Email 21 kati@example.com for patients 886528 and 956928
            2014-07-22 13:47:51 WARN  Email 22 mari@example.com for patients 188909 and 330205

            Shirley Adams\tadamsfamily79@example.com\tEmail pharmacy
            William Adams\tadamsfamily79@example.com\tEmail pharmacy
            """
        let doc = Array(text.utf8)
        let whole = readDocument(TextReader(classify: classify), doc)
        for size in [1, 7, 300] {
            #expect(readDocument(TextReader(classify: classify), doc, chunkSize: size).visitor.events == whole.visitor.events)
        }
        #expect(whole.visitor.recordStrings == [
            "-=NORDLOG  AJOLISTA  01.09.2023   KULJETTAJA: Sami",
            "(list name)=PULKKINEN TERTTU|Syntymäaika=15.06.1947|Asiakasnro=HUS-611469|(list address)=KALLIOKATU 24, 00134 HELSINKI"
                + "|Puh=+358444420157|Tuote=ESS-101 Essi Pants Maxi L",
            "(list name)=Korhonen Sointu|Syntymäaika=27.05.1942|(list address)=Peltolantie 30, 00770 Helsinki"
                + "|-=Hello  world, this is prose  with gaps.",
            "-=2014-07-22 13:10:19 WARN  Email 21 kati@example.com for patients 886528 and 956928"
                + "|-=2014-07-22 13:47:51 WARN  Email 22 mari@example.com for patients 188909 and 330205",
            // (A headerless list's rows: `Email pharmacy` is their text, no label.)
            "(list name)=Shirley Adams|-=adamsfamily79@example.com|-=Email pharmacy",
            "(list name)=William Adams|-=adamsfamily79@example.com|-=Email pharmacy",
        ], "\(whole.visitor.recordStrings)")
    }

    /// A call transcript: the caller's answer to a question about the address is the address;
    /// an answer to another question, or an address-shaped answer with no question before it,
    /// is text.
    @Test func anAnswerToAnAddressQuestionIsTheAddress() {
        let text = """
            === Puhelu 2023-03-15 11:06
            Soittaja: Hei, tässä Hilkka Äijälä. Odotan tuotetta Kuulokojeen paristo 13.
            Agentti: Voitteko vahvistaa osoitteen?
            Soittaja: Sepänkatu 60 D 9, 02708 Espoo.
            Agentti: Entä tilausnumero?
            Soittaja: Kalliotie 5, 00100 Helsinki.
            Soittaja: Rantatie 21 D 22, 02680 Espoo.

            Agent: Kan ni bekräfta adressen?
            Uppringare: Nej tack.
            """
        let doc = Array(text.utf8)
        let whole = readDocument(TextReader(classify: { _ in nil }), doc)
        for size in [1, 7, 300] {
            #expect(readDocument(TextReader(classify: { _ in nil }), doc, chunkSize: size).visitor.events == whole.visitor.events)
        }
        #expect(whole.visitor.recordStrings == [
            "-==== Puhelu 2023-03-15 11:06|-=Soittaja: Hei, tässä Hilkka Äijälä. Odotan tuotetta Kuulokojeen paristo 13."
                + "|-=Agentti: Voitteko vahvistaa osoitteen?|(list address)=Sepänkatu 60 D 9, 02708 Espoo|-=Agentti: Entä tilausnumero?"
                + "|-=Soittaja: Kalliotie 5, 00100 Helsinki.|-=Soittaja: Rantatie 21 D 22, 02680 Espoo.",
            "-=Agent: Kan ni bekräfta adressen?|-=Uppringare: Nej tack.",
        ], "\(whole.visitor.recordStrings)")
        for (line, asks) in [("Voitteko vahvistaa osoitteen?", true), ("Can you confirm your ADDRESS?", true), ("Какой у вас адрес?", true),
                             ("Entä puhelinnumero?", false), ("Osoite: Kalliotie 5", false)] {
            #expect(Array(line.utf8).withUnsafeBufferPointer { TextReader.asksForAddress($0) } == asks, "\(line)")
        }
    }

    /// A letter's sentence that ends with a postal address after an address word: the address.
    @Test func proseSentenceEndingWithAnAddress() {
        for (line, address) in [
            ("Uus kaart palun saata aadressile Tamme 113, 20103 Narva.", "Tamme 113, 20103 Narva"),
            ("Please send the new card to Mustamäe tee 80, 71020 Viljandi.", "Mustamäe tee 80, 71020 Viljandi"),
            ("Новая карта по адресу: Kuuse 6-60, 20103 Narva.", "Kuuse 6-60, 20103 Narva"),
            ("My address is now Kalliotie 5 B 12, 00100 Helsinki", "Kalliotie 5 B 12, 00100 Helsinki"),
            ("Proszę wysłać na adres ul. Lipowa 7/3, 00-950 Warszawa.", "ul. Lipowa 7/3, 00-950 Warszawa"),
            ("Soittaja: Kalliotie 5, 00100 Helsinki.", nil),                   // no address word: a call's answer is read elsewhere
            ("Send the results to the lab by 12.03, 2024 latest.", nil),       // no postal code and town
            ("Talk to Mari, she has 20103 Narva", nil),                       // no street
            ("Saatke aadressile 12345, Narva", nil),
        ] as [(String, String?)] {
            let bytes = Array(line.utf8)
            let found = bytes.withUnsafeBufferPointer { p in TextReader.proseAddress(p).map { String(decoding: p[$0], as: UTF8.self) } }
            #expect(found == address, "\(line)")
        }
    }

    /// A signature under a closing: a staff member's (a line names a role or an organisation) is
    /// a record of its own in the signature columns, at any quote depth; a writer's without one is
    /// text in the block, its first line the writer's name beside a contact of its own, or a
    /// record of the writer's name alone (`RecordAssembler.writerNameColumn`).
    @Test func signaturesUnderAClosing() {
        let text = """
            1) Ritva Heikkinen, Puistokatu 60, 18100 Heinola
            Ystävällisin terveisin
            Marjatta Mäkelä
            palveluohjaaja
            Päijät-Hämeen hyvinvointialue
            p. 046 780 3042
            marjatta.makela@phhva.example.fi

            Toimitus ei tullut.
            Terveisin,
            Matti Virtanen
            040 123 4567

            Toimitus ei tullut.
            Terveisin,
            Matti Virtanen

            > > Lugupidamisega
            > > Tiina Kask
            > > Kalamaja Lastekliinik
            > Tere!
            Kind regards
            """
        let doc = Array(text.utf8)
        let whole = readDocument(TextReader(classify: { _ in nil }), doc)
        for size in [1, 7, 300] {
            #expect(readDocument(TextReader(classify: { _ in nil }), doc, chunkSize: size).visitor.events == whole.visitor.events)
        }
        #expect(whole.visitor.recordStrings == [
            "-=1) Ritva Heikkinen, Puistokatu 60, 18100 Heinola",
            "(staff name)=Marjatta Mäkelä|(staff)=palveluohjaaja|(staff)=Päijät-Hämeen hyvinvointialue"
                + "|(staff)=p. 046 780 3042|(staff)=marjatta.makela@phhva.example.fi",
            "-=Toimitus ei tullut.|(list name)=Matti Virtanen|-=040 123 4567",
            "-=Toimitus ei tullut.",
            "(writer name)=Matti Virtanen",
            "(staff name)=Tiina Kask|(staff)=Kalamaja Lastekliinik",
            "-=> Tere!",
        ], "\(whole.visitor.recordStrings)")
        // AsciiDoc's signature block, its lines ended by hard breaks (` +`).
        let adoc = "Uuritud geenis HFE kliiniliselt olulisi variante ei leitud.\n\n[.signature]\nLiis Kallas +\nlaboriarst-geneetik +\n"
            + "liis.kallas@genlab.example.com\n"
        #expect(Self.readAllChunkings(adoc, classify: { _ in nil }).recordStrings == [
            "-=Uuritud geenis HFE kliiniliselt olulisi variante ei leitud.",
            "(staff name)=Liis Kallas|(staff)=laboriarst-geneetik|(staff)=liis.kallas@genlab.example.com",
        ])
        for (line, closing) in [("Ystävällisin terveisin", true), ("Best regards,", true), ("MED VÄNLIG HÄLSNING", false),
                                ("Med vänlig hälsning", true), ("С уважением,", true), ("Regards to your mother", false), ("Hei,", false)] {
            #expect(Array(line.utf8).withUnsafeBufferPointer { MailSignature.isClosing($0) } == closing, "\(line)")
        }
        for (line, role) in [("palveluohjaaja", true), ("Westlog Oy", true), ("Customer Service", true), ("Ilmatar AS", true),
                             ("Matti Virtanen", false), ("Sairaalakatu 3, 00100 Helsinki", false), ("as above", false),
                             ("London", false), ("Liisa Virtasen poika", false), ("dr Merle Lillelo", true),
                             ("Jõhvi Perearstid", true), ("Sünnitusmaja Pelgulinn", true), ("Lääkärikeskus Aava", true)] {
            #expect(MailSignature.namesRoleOrOrganisation(Array(line.utf8)) == role, "\(line)")
        }
    }

    /// An org-mode file of counselling notes: each headline opens its entry's record and the name
    /// it starts with is the entry's person's (up to the dash); the property drawer's lines are
    /// the entry's fields. A year's headline, a Markdown bullet and a headline without a name
    /// name no one.
    @Test func orgModeHeadlinesOpenRecordsWithTheirNames() {
        let text = """
            #+TITLE: Nõustamised 2023
            * 2023
            ** DONE Aivar Koppel – F5 vastuse selgitamine                         :OTHER:
               CLOSED: [2023-03-03 R 11:15]
               :PROPERTIES:
               :TELEFON:  +372 523 91021
               :END:
               Selgitasin pärilikkust.
            ** OOTEL [#A] Rachel Taylor - FMR1 vastus :CHILD:
               Tellimus G2023-01509, sünd 15.08.2017.
            *** Kokkuvõte
            * Mari Maasikas – this is a bullet
            ** TODO Helistada: Triin Reinsalu (tel +372 594 03398) – vastus G2023-01112 ootel
            * Ootejärjekord
            | Nimi | Isikukood | Uuring |
            |------+-----------+--------|
            | Helje Nõmm | 49505135008 | Tsüstilise fibroosi analüüs (CFTR) |
            """
        let r = Self.readAllChunkings(text, classify: { FieldClassifier.hint(forLabel: $0) })
        let records = r.recordStrings
        #expect(records.contains { $0.hasPrefix("(list name)=Aivar Koppel|-=F5 vastuse selgitamine|") && $0.contains("+372 523 91021") }, "\(records)")
        #expect(records.contains { $0.hasPrefix("(list name)=Rachel Taylor|-=FMR1 vastus|") && $0.contains("15.08.2017") }, "\(records)")
        #expect(!records.contains { $0.contains("(list name)=Mari Maasikas") || $0.contains("(list name)=Kokkuvõte") }, "\(records)")
        #expect(records.contains { $0.hasPrefix("(list name)=Triin Reinsalu|-=(tel +372 594 03398) – vastus G2023-01112 ootel") }, "\(records)")
        // An org table's rule crosses its columns with `+`.
        #expect(records.contains("Nimi=Helje Nõmm|Isikukood=49505135008|-=Tsüstilise fibroosi analüüs (CFTR)"), "\(records)")
        func headline(_ s: String) -> String? {
            Array(s.utf8).withUnsafeBufferPointer { p in TextReader.orgHeadline(p).map { String(decoding: p[$0.name], as: UTF8.self) } }
        }
        #expect(headline("** TODO Epp Mets: HFE") == "Epp Mets")
        #expect(headline("* Epp Mets – HFE   :BRCA:") == "Epp Mets")
        #expect(headline("* Epp Mets – HFE") == nil)
        #expect(headline("** DONE negatiivse vastuse selgitamine") == nil)
        #expect(headline("*** 12. row ***") == nil)
    }

    /// A staff member's signature inside one field's text (a ticket's comment kept as HTML, a
    /// note with line breaks): the range from the closing to its last line; none for a customer's
    /// own signature, a closing inside prose, or a signature after a paragraph's end.
    @Test func aFieldsTextEndingInAStaffSignature() {
        func signature(_ text: String) -> String? {
            let bytes = Array(text.utf8)
            return bytes.withUnsafeBufferPointer { p in
                MailSignature.staffSignature(in: p).map { String(decoding: bytes[$0], as: UTF8.self) }
            }
        }
        #expect(signature("<p>Tere! Punktid on lisatud.</p><p>Lugupidamisega<br/>Helen Saar<br/>Klienditeenindus, Lojaalsus OÜ"
                          + "<br/>+372 640 1234<br/>helen.saar@lojaalsus.example.ee</p>")
                == "Lugupidamisega<br/>Helen Saar<br/>Klienditeenindus, Lojaalsus OÜ<br/>+372 640 1234<br/>helen.saar@lojaalsus.example.ee")
        #expect(signature("Thanks for waiting.\nBest regards,\n  Anna Berg\n  Customer Service\n  +46 8 123 456 78\n\nPS: see above")
                == "Best regards,\n  Anna Berg\n  Customer Service\n  +46 8 123 456 78")
        // The closing stands on a line of its own, then the signature follows without a paragraph.
        #expect(signature("<p>Lugupidamisega</p><p>Helen Saar<br/>Klienditeenindus</p>") == "Lugupidamisega</p><p>Helen Saar<br/>Klienditeenindus")
        #expect(signature("<p>Lugupidamisega<br/>Kersti Kivi<br/>+372 5123 4567</p>") == nil)
        #expect(signature("<p>Best regards to the customer service team, +372 640 1234</p>") == nil)
        #expect(signature("<p>Lugupidamisega<br/>Kersti Kivi</p><p>Klienditeenindus vastas 640 1234</p>") == nil)
    }

    /// YAML: each mapping of the records' sequence is a record; keys are labels; quoted values,
    /// flow and block sequences give one field per item.
    /// A Markdown document's YAML front matter is read as YAML (a quoted name without its
    /// quotes); a related person's mapping (`esindaja:`) is a record of its own; the body after
    /// the closing `---` is text again.
    @Test func markdownFrontMatterIsYAML() {
        let text = """
            ---
            title: "Geneetilise analüüsi vastus"
            patsient:
              nimi: "Juri Volkov"
              isikukood: '52104083035'
            esindaja:
              nimi: Igor Volkov
              telefon: "+372 548 40251"
            tellija: "Fertilitas AS"
            ---

            # Vastus
            nimi: "Not YAML"
            """
        let labels: [String: FieldHint] = ["nimi": .fullName, "isikukood": .nationalID(nil), "telefon": .phone, "title": .nonPersonal,
                                           "tellija": .nonPersonal]
        let reader = TextReader(classify: { labels[$0] })
        let doc = Array(text.utf8)
        let whole = readDocument(reader, doc)
        for size in [1, 7, 300] {
            #expect(readDocument(reader, doc, chunkSize: size).visitor.events == whole.visitor.events)
        }
        let records = whole.visitor.recordStrings
        #expect(records.contains { $0.contains("nimi=Juri Volkov|isikukood=52104083035") && !$0.contains("Igor") }, "\(records)")
        #expect(records.contains { $0.contains("nimi=Igor Volkov|telefon=+372 548 40251") && !$0.contains("Juri") }, "\(records)")
        #expect(records.contains { $0.contains("nimi=\"Not YAML\"") }, "\(records)")
    }

    @Test func yamlSequencesOfMappingsAreRecords() {
        let text = """
            # Audience export
            schema_version: 3
            profiles:
              - external_id: "37005158004"
                first_name: Karl-Tarmo
                emails: ["tooming.karltarmo@posti.test", 'k.t@mail.test']
                phones:
                  - +372 5947 0142
                  - '00372 5947 0143'
                attributes:
                  loyalty_card: '2918437403807'  # main card
                  consents: {email: true, phone: "+3726630186"}
              - external_id: '38505243460'
                first_name: Tarmo
                customer: "Hyvönen Marjatta"
              - customer: 10234
            ---
            - login: m.krol@example.com
            """
        let labels: [String: FieldHint] = ["first_name": .firstName, "emails": .email, "phones": .phone, "loyalty_card": .loyaltyCard,
                                           "consents": .nonPersonal]
        var reader = TextReader(classify: { labels[$0] })
        reader.yaml = true
        let doc = Array(text.utf8)
        let whole = readDocument(reader, doc)
        for size in [1, 7, 300] {
            #expect(readDocument(reader, doc, chunkSize: size).visitor.events == whole.visitor.events)
        }
        #expect(whole.visitor.recordStrings == [
            "-=schema_version: 3",
            "-=external_id: \"37005158004\"|first_name=Karl-Tarmo|emails=tooming.karltarmo@posti.test|emails=k.t@mail.test"
                + "|phones=+372 5947 0142|phones=00372 5947 0143|loyalty_card=2918437403807|consents=true|consents=+3726630186",
            "-=external_id: '38505243460'|first_name=Tarmo|(list name)=Hyvönen Marjatta",
            "-=customer: 10234",
            "-=login: m.krol@example.com",
        ], "\(whole.visitor.recordStrings)")
    }

    @Test func wideGaps() {
        func gap(_ t: String) -> Bool { Array(t.utf8).withUnsafeBufferPointer { TextReader.hasWideGap($0) } }
        #expect(!gap("The quarterly inventory review found no discrepancies in the central warehouse."))
        #expect(gap("The quarterly inventory review found no discrepancies in the central  warehouse."))
        #expect(gap(String(repeating: "a b ", count: 9) + "x\ty"))
        #expect(gap("a  b") && gap("  ") && !gap(" ") && !gap("a b c"))
        for n in 0..<40 { #expect(gap(String(repeating: "x", count: n) + "  "), "\(n)") }
        // Against the byte rule, on random lines of spaces, letters and a rare tab.
        var rng = SeededRNG(seed: 0x6A9)
        for _ in 0..<2000 {
            let line = (0..<Int.random(in: 0..<40, using: &rng)).map { _ -> UInt8 in
                switch Int.random(in: 0..<20, using: &rng) { case 0..<5: 0x20; case 5: 0x09; case 6: 0xC3; default: 0x61 }
            }
            let naive = line.contains(0x09) || zip(line, line.dropFirst()).contains { $0 == 0x20 && $1 == 0x20 }
            #expect(line.withUnsafeBufferPointer { TextReader.hasWideGap($0) } == naive, "\(line)")
        }
    }

    @Test func labelRules() {
        func split(_ s: String) -> (String, String)? {
            let bytes = Array(s.utf8)
            return bytes.withUnsafeBufferPointer { p in
                TextReader.splitLabel(p).map { (String(decoding: p[$0.label], as: UTF8.self), String(decoding: p[$0.value], as: UTF8.self)) }
            }
        }
        #expect(split("Nimi: Mari")! == ("Nimi", "Mari"))
        #expect(split("Sünniaeg = 01.02.1990")! == ("Sünniaeg", "01.02.1990"))
        #expect(split("Aadress – Tartu")! == ("Aadress", "Tartu"))
        #expect(split("Kell: 12:30")! == ("Kell", "12:30"))
        #expect(split("12:30:00 server started") == nil)            // no letter in the label
        #expect(split("Nimi:") == nil)                               // no value
        #expect(split(String(repeating: "x", count: 41) + ": v") == nil)  // label too long
        #expect(split(String(repeating: "x", count: 40) + ": v")! == (String(repeating: "x", count: 40), "v"))
        #expect(split("no separator here at all, really") == nil)
        // Unrecognised labels leave the whole line as free text.
        let v = Self.readAllChunkings("Märkus: Nimi: Mari\n")
        #expect(v.recordStrings == ["-=Märkus: Nimi: Mari"])
    }

    /// The label rule written out a byte at a time, as the reference for the vector search.
    static func splitLabelByBytes(_ p: [UInt8]) -> (label: Range<Int>, value: Range<Int>)? {
        let n = p.count
        var k = 0, sepLength = 0
        while k < min(n, TextReader.maxLabelBytes + 8) {
            let c = p[k]
            if c == 0x3A || c == 0x3D || c == 0x09 { sepLength = 1; break }
            if c == 0xE2 && k + 2 < n && p[k + 1] == 0x80 && (p[k + 2] == 0x94 || p[k + 2] == 0x93) { sepLength = 3; break }
            k += 1
        }
        guard sepLength > 0 else { return nil }
        var labelEnd = k
        while labelEnd > 0 && (p[labelEnd - 1] == 0x20 || p[labelEnd - 1] == 0x09) { labelEnd -= 1 }
        guard labelEnd > 0 && labelEnd <= TextReader.maxLabelBytes, !(p[0] >= 0x30 && p[0] <= 0x39) else { return nil }
        guard p[0..<labelEnd].contains(where: { ($0 | 0x20) >= 0x61 && ($0 | 0x20) <= 0x7A || $0 >= 0x80 }) else { return nil }
        var v = k + sepLength
        while v < n && (p[v] == 0x20 || p[v] == 0x09) { v += 1 }
        return v < n ? (0..<labelEnd, v..<n) : nil
    }

    /// Random lines built from label-ish words, separators (`:`, `=`, tab, em and en dashes and
    /// a lone E2 byte sequence that is neither), spaces and digits, at every length around the
    /// 16-byte steps and the 48-byte search limit: the vector search splits them exactly as the
    /// byte rule does.
    @Test func labelSearchAgreesWithTheByteRule() {
        var rng = SeededRNG(seed: 0x1ABE1)
        let pieces: [[UInt8]] = [Array("Nimi".utf8), Array("x".utf8), Array("Имя".utf8), Array(" ".utf8), [0x09],
                                 Array(":".utf8), Array("=".utf8), Array("—".utf8), Array("–".utf8), Array("‘".utf8),
                                 [0xE2], [0xE2, 0x80], Array("7".utf8), Array("Mari".utf8), Array("aaaaaaaaaaaaaaa".utf8)]
        var splits = 0
        for _ in 0..<30_000 {
            var line: [UInt8] = []
            let count = Int.random(in: 0...24, using: &rng)
            for _ in 0..<count { line += pieces.randomElement(using: &rng)! }
            let expected = Self.splitLabelByBytes(line)
            let got = line.withUnsafeBufferPointer { TextReader.splitLabel($0) }
            #expect(got?.label == expected?.label && got?.value == expected?.value, "\(line)")
            if expected != nil { splits += 1 }
        }
        #expect(splits > 3_000)  // the lines really carried labels
    }

    @Test func longLinesAreCutIntoOverlappingPieces() {
        var limits = ReadLimits()
        limits.maxLineBytes = 1000
        var long: [UInt8] = []
        for k in 0..<2500 { long.append(UInt8(ascii: "a") + UInt8(k % 26)) }
        let text = "Nimi: Mari\n" + String(decoding: long, as: UTF8.self) + "\r\nlõpp"
        let v = Self.readAllChunkings(text, limits: limits)
        let pieces = v.events.compactMap { e -> (String, Int)? in
            if case let .field(value, column, _, offset) = e, column == -1, value.utf8.count > 100 { return (value, offset) }
            return nil
        }
        #expect(pieces.map(\.1) == [11, 11 + 744, 11 + 1488, 11 + 2232])
        #expect(pieces.map { $0.0.utf8.count } == [1000, 1000, 1000, 268])
        let doc = Array(text.utf8)
        for (value, offset) in pieces {
            #expect(Array(doc[offset..<(offset + value.utf8.count)]) == Array(value.utf8))
        }
        #expect(v.recordStrings.first?.hasSuffix("|-=lõpp") == true)
        // A line just at the limit stays one field.
        let exact = String(repeating: "b", count: 1000)
        #expect(Self.readAllChunkings(exact + "\n", limits: limits).recordStrings == ["-=" + exact])
    }

    @Test func emptyAndBlankDocuments() {
        #expect(Self.readAllChunkings("").events.isEmpty)
        #expect(Self.readAllChunkings("\n \n\t\r\n").events.isEmpty)
        #expect(Self.readAllChunkings("üks").recordStrings == ["-=üks"])
    }

    @Test func quotedHeaderBlockRecipientsAreRecordsOfTheirOwn() {
        // A forwarded message's header block: the sender stays with the block, each recipient of
        // its `To:`/`Cc:` lines is a record of its own; a date range's `Od:`/`Do:` is a form's.
        let text = """
            ---------- Forwarded message ---------
            From: Amanda C. Adams <amanda_adams@example.org>
            Date: Fri, May 17, 2019 at 1:23 AM
            To: <rxhelp@harbormail.test>
            Cc: "Tamm, Jaan" <jaan@example.ee>; Maasikas, Mari <mari@example.ee>
            Subject: Got someone else's welcome email

            Lähettäjä: Seppo Rantanen <seppo@example.fi>
            Vastaanottaja: asiakaspalvelu@example.fi

            Nimi: Jan Kowalski
            Od: 01.03.2024
            Do: 31.03.2024
            Telefon: +48 601 234 567
            """
        let v = Self.readAllChunkings(text)
        #expect(v.recordStrings == [
            "-=---------- Forwarded message ---------|-=From: Amanda C. Adams <amanda_adams@example.org>|-=Date: Fri, May 17, 2019 at 1:23 AM",
            "-=<rxhelp@harbormail.test>",
            "-=\"Tamm, Jaan\" <jaan@example.ee>",
            "-=Maasikas, Mari <mari@example.ee>",
            "-=Subject: Got someone else's welcome email",
            "-=Lähettäjä: Seppo Rantanen <seppo@example.fi>",
            "-=asiakaspalvelu@example.fi",
            "Nimi=Jan Kowalski|-=Od: 01.03.2024|-=Do: 31.03.2024|Telefon=+48 601 234 567",
        ])
    }

    /// A printed label (a prescription label's spool, pages set apart by form feeds): a name line
    /// over a street line and a town line is the label's person and address; the label's
    /// colonless `DOB 08/02/1945` is then a field. A name over a street without a town line, or
    /// a name over prose, is text as before.
    @Test func postalLabelsNameAndAddress() {
        let classify: @Sendable (String) -> FieldHint? = { label in label == "DOB" ? .dateOfBirth : nil }
        let text = """
            HARBOR MAIL PHARMACY          (800) 555-0199\r
            RX# 6422978                  DATE 08/16/2014\r
            TAYLOR, GARY A                              \r
            1735 PARK AVE                               \r
            CINCINNATI OH 45281                         \r
            DOB 08/02/1945                              \r
            SERTRALINE 50 MG TABLET               QTY 60\r
            \u{0C}\r
            Pirjo Mäkelä
            Kalliokatu 24 B 5
            00134 HELSINKI
            Suomi

            Customer Service Team
            Kalliokatu 24 B 5
            is where we moved.
            Mari Maasikas
            """
        let v = Self.readAllChunkings(text, classify: classify)
        #expect(v.recordStrings == [
            "-=HARBOR MAIL PHARMACY          (800) 555-0199|-=RX# 6422978                  DATE 08/16/2014"
                + "|(list name)=TAYLOR, GARY A|(list address)=1735 PARK AVE, CINCINNATI OH 45281|DOB=08/02/1945"
                + "|-=SERTRALINE 50 MG TABLET               QTY 60",
            "(list name)=Pirjo Mäkelä|(list address)=Kalliokatu 24 B 5, 00134 HELSINKI|-=Suomi",
            "-=Customer Service Team|-=Kalliokatu 24 B 5|-=is where we moved.|-=Mari Maasikas",
        ], "\(v.recordStrings)")
        for (line, town) in [("CINCINNATI OH 45281", true), ("ST. LOUIS MO 63101-1234", true), ("00-950 Warszawa", true),
                             ("LV-1010 Rīga", true), ("114 55 Stockholm", true), ("0150 Oslo", true), ("QTY 60 TABLETS", false),
                             ("2014 annual report", false), ("OH 45281", false), ("12345 Main 5", false)] {
            #expect(Array(line.utf8).withUnsafeBufferPointer { TextReader.isTownLine($0) } == town, "\(line)")
        }
    }

    /// Query tools' tables: a header over a dashed rule (`sqlcmd`'s runs set apart by spaces,
    /// `psql`'s joined by `+`, the MySQL client's framed); each row below is a record, its cells
    /// fields of their columns by the rule's runs. A value that runs past its column moves the
    /// rest of the row along; `NULL` is no value; the tools' row counts are not rows.
    @Test func queryToolTablesUnderDashedRules() {
        let classify: @Sendable (String) -> FieldHint? = { label in
            switch label.lowercased() {
            case "sukunimi": .lastName
            case "etunimet": .firstName
            case "puhelin", "phone": .phone
            case "name": .fullName
            case "email": .email
            default: nil
            }
        }
        let text = """
            Changed database context to 'WMS_PROD'.
            ASIAKASNRO SUKUNIMI             ETUNIMET               PUHELIN            ALUE
            ---------- -------------------- ---------------------- ------------------ -----
            300013     VIRTANEN             Leena                  046 589 2757       PHHVA
            300032     LAINE                Esa                    +358 (0)45 586 8797 PHHVA
            300113     LAITINEN             Aarne                  NULL               PHHVA

            (3 rows affected)

             id |     name      |       email
            ----+---------------+-------------------
              7 | Mari Maasikas | mari@example.ee
              8 | Jaan Tamm     |
            (2 rows)
            +----+-------------+
            | id | name        |
            +----+-------------+
            |  9 | Anu Saar    |
            +----+-------------+
            Total ---- 12
            """
        let v = Self.readAllChunkings(text, classify: classify)
        #expect(v.recordStrings == [
            // (The headers are the tables': not text.)
            "-=Changed database context to 'WMS_PROD'.",
            // (Every column is named by its label, a known one or not.)
            "ASIAKASNRO=300013|SUKUNIMI=VIRTANEN|ETUNIMET=Leena|PUHELIN=046 589 2757|ALUE=PHHVA",
            "ASIAKASNRO=300032|SUKUNIMI=LAINE|ETUNIMET=Esa|PUHELIN=+358 (0)45 586 8797|ALUE=PHHVA",
            "ASIAKASNRO=300113|SUKUNIMI=LAITINEN|ETUNIMET=Aarne|ALUE=PHHVA",
            "-=(3 rows affected)",
            "id=7|name=Mari Maasikas|email=mari@example.ee",
            "id=8|name=Jaan Tamm",
            "-=(2 rows)|-=+----+-------------+|-=| id | name        |",
            "id=9|name=Anu Saar",
            "-=Total ---- 12",
        ], "\(v.recordStrings)")
    }

    /// Query tools' expanded display: `psql`'s `\x` records (`label | value` lines under
    /// `-[ RECORD n ]`) and the MySQL client's `\G` rows (`label: value` under `*** n. row ***`):
    /// one record each; empty values are none.
    @Test func queryToolExpandedRecords() {
        let text = """
            loyalty=> \\x
            Expanded display is on.
            -[ RECORD 1 ]+-----------------------------------
            klient_id   | 10066
            Nimi        | Charlotte Walker
            Email       | charlotte_walker@example.org
            -[ RECORD 2 ]+-----------------------------------
            Nimi        | Ivan Belov
            Email       |
            (2 rows)
            *************************** 1. row ***************************
                   Nimi: Mari Maasikas
                  Email: mari@example.ee
            *************************** 2. row ***************************
                   Nimi: Jaan Tamm
            """
        let v = Self.readAllChunkings(text)
        #expect(v.recordStrings == [
            "-=loyalty=> \\x|-=Expanded display is on.",
            "-=10066|Nimi=Charlotte Walker|Email=charlotte_walker@example.org",
            "Nimi=Ivan Belov",
            "-=(2 rows)",
            "Nimi=Mari Maasikas|Email=mari@example.ee",
            "Nimi=Jaan Tamm",
        ], "\(v.recordStrings)")
        for (line, header) in [("-[ RECORD 12 ]+------", true), ("*************************** 3. row ***************************", true),
                               ("-[ x ]", false), ("***** note *****", false), ("-- comment line", false)] {
            #expect(Array(line.utf8).withUnsafeBufferPointer { TextReader.isExpandedHeader($0) } == header, "\(line)")
        }
    }
}
