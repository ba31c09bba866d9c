import Testing
import BreachScopeTesting
@testable import BreachScope

@Suite struct CSVReaderTests {
    /// A classifier that knows a few labels (the real vocabulary is tested elsewhere).
    static let labels: @Sendable (String) -> FieldHint? = { label in
        switch label.lowercased() {
        case "e-post", "email": return .email
        case "nimi", "name": return .fullName
        case "telefon", "phone": return .phone
        default: return nil
        }
    }
    static let noLabels: @Sendable (String) -> FieldHint? = { _ in nil }

    static func read(_ text: String, delimiter: UInt8? = nil, classify: @escaping @Sendable (String) -> FieldHint? = noLabels,
                     limits: ReadLimits = .init(), chunkSize: Int = 0) -> (visitor: RecordingVisitor, error: ReadError?) {
        readDocument(CSVReader(delimiter: delimiter, limits: limits, classify: classify), Array(text.utf8), chunkSize: chunkSize)
    }

    /// Reads at several chunk sizes and checks that the events are identical.
    static func readAllChunkings(_ text: String, delimiter: UInt8? = nil, classify: @escaping @Sendable (String) -> FieldHint? = noLabels,
                                 limits: ReadLimits = .init()) -> (visitor: RecordingVisitor, error: ReadError?) {
        let whole = read(text, delimiter: delimiter, classify: classify, limits: limits)
        for size in [1, 2, 3, 7, 64] {
            let chunked = read(text, delimiter: delimiter, classify: classify, limits: limits, chunkSize: size)
            #expect(chunked.visitor.events == whole.visitor.events, "chunk size \(size)")
            #expect(chunked.error == whole.error, "chunk size \(size)")
        }
        return whole
    }

    @Test func quoting() {
        let csv = "Mari Maasikas,\"Tartu, Rüütli 1\",\"ütles \"\"tere\"\"\",\"rida 1\nrida 2\",lõpp\n"
        let r = Self.readAllChunkings(csv)
        #expect(r.error == nil)
        #expect(r.visitor.recordStrings == ["column1=Mari Maasikas|column2=Tartu, Rüütli 1|column3=ütles \"tere\"|column4=rida 1\nrida 2|column5=lõpp"])
    }

    /// A cell that holds a JSON object (a ticket's `requester`) is read as JSON: its keys are
    /// fields of the row's record under the column's name, each path declared once per
    /// document; a cell that only looks like one stays one field.
    @Test func jsonCellsAreFieldsOfTheirRow() {
        let csv = "ticket_id,requester,subject\n"
            + "SUP-454220,\"{\"\"name\"\": \"\"Rebecca Washington\"\", \"\"email\"\": \"\"REBECCA@HOME.EXAMPLE.NET\"\"}\",Unsubscribe me\n"
            + "SUP-186800,\"{\"\"name\"\": \"\"Joseph Anderson\"\", \"\"phone\"\": \"\"513.555.0121\"\"}\",Refills\n"
            + "SUP-186801,{not json at all},Other\n"
        let r = Self.readAllChunkings(csv, classify: FieldClassifier.hint(forLabel:))
        #expect(r.error == nil)
        #expect(r.visitor.recordStrings == [
            "ticket_id=SUP-454220|requester>$.name=Rebecca Washington|requester>$.email=REBECCA@HOME.EXAMPLE.NET|subject=Unsubscribe me",
            "ticket_id=SUP-186800|requester>$.name=Joseph Anderson|requester>$.phone=513.555.0121|subject=Refills",
            "ticket_id=SUP-186801|requester={not json at all}|subject=Other",
        ], "\(r.visitor.recordStrings)")
        let declared = r.visitor.events.compactMap { if case let .declare(name, _, _) = $0 { name } else { nil } }
        #expect(declared.filter { $0 == "requester>$.name" }.count == 1)
    }

    /// A spreadsheet's merged cells leave a person's further contacts on rows of their own
    /// (`;;;;;5700 0591;mobiil`): such a row continues the record above. A row whose first
    /// value is a name or a code, or a contact list's row without its name, does not.
    @Test func continuationRowsJoinTheRecordAbove() {
        let csv = "Kauplus;Klient;Isikukood;Kaart;Sünnipäev;Kontakt;Kontakti liik\n"
            + "0101 Tallinn Kristiine;Valk, Tiina;46205311897;2915422773631;31.05;tiina.valk28@inbox.test;e-post\n"
            + ";;;;;5700 0591;mobiil\n"
            + ";Volkova, Marina;45810017083;2901259337290;01.10;volkova.marina@kodu.test;e-post\n"
            + ";;;;;olga@post.example.net;e-post\n"
            + ";;;;;+37257513964;mobiil\n"
            + ";;45810017084;;;;\n"
        let r = Self.readAllChunkings(csv, classify: FieldClassifier.hint(forLabel:))
        #expect(r.error == nil)
        #expect(r.visitor.recordStrings == [
            "Kauplus=0101 Tallinn Kristiine|Klient=Valk, Tiina|Isikukood=46205311897|Kaart=2915422773631|Sünnipäev=31.05"
                + "|Kontakt=tiina.valk28@inbox.test|Kontakti liik=e-post|Kontakt=5700 0591|Kontakti liik=mobiil",
            "Klient=Volkova, Marina|Isikukood=45810017083|Kaart=2901259337290|Sünnipäev=01.10|Kontakt=volkova.marina@kodu.test"
                + "|Kontakti liik=e-post|Kontakt=olga@post.example.net|Kontakti liik=e-post|Kontakt=+37257513964|Kontakti liik=mobiil",
            "Isikukood=45810017084",
        ], "\(r.visitor.recordStrings)")
        // Three columns: `;anna@…;+372…` is a person of its own.
        let list = Self.readAllChunkings("Nimi;E-post;Telefon\nMari Kask;mari@example.ee;+37251234567\n;anna@example.ee;+37255555555\n",
                                         classify: FieldClassifier.hint(forLabel:))
        #expect(list.visitor.recordStrings.count == 2)
    }

    /// An entity–attribute–value table: an entity's run of rows is one record, each value under
    /// a column named by its attribute, the attribute names read as no one's values.
    @Test func entityAttributeValueTables() {
        let text = "\"klient_id\";\"atribuut\";\"väärtus\";\"muudetud\"\r\n"
            + "\"A1000006\";\"isikukood\";\"34110046442\";\"2022-06-27 10:40:00\"\r\n"
            + "\"A1000006\";\"eesnimi\";\"Jüri\";\"2022-06-27 10:40:00\"\r\n"
            + "\"A1000006\";\"perenimi\";\"Lepik\";\"2022-06-27 10:40:00\"\r\n"
            + "\"A1000010\";\"eesnimi\";\"Riina\";\"2021-05-17 19:41:00\"\r\n"
            + "\"A1000010\";\"telefon\";\"5360 3890\";\"2021-05-17 19:41:00\"\r\n"
        let r = Self.readAllChunkings(text, classify: FieldClassifier.hint(forLabel:))
        #expect(r.error == nil)
        #expect(r.visitor.recordStrings == [
            "klient_id=A1000006|isikukood=34110046442|muudetud=2022-06-27 10:40:00|klient_id=A1000006|eesnimi=Jüri|muudetud=2022-06-27 10:40:00"
                + "|klient_id=A1000006|perenimi=Lepik|muudetud=2022-06-27 10:40:00",
            "klient_id=A1000010|eesnimi=Riina|muudetud=2021-05-17 19:41:00|klient_id=A1000010|telefon=5360 3890|muudetud=2021-05-17 19:41:00",
        ], "\(r.visitor.recordStrings)")
        let hints = Dictionary(r.visitor.events.compactMap { if case let .declare(name, hint, _) = $0 { (name, hint) } else { nil } }, uniquingKeysWith: { a, _ in a })
        #expect(hints["eesnimi"] == .firstName && hints["perenimi"] == .lastName && hints["telefon"] == .phone)
        // Three columns whose middle one is no attribute name: an ordinary table.
        let plain = Self.read("id;key;value\n1;A-17;x\n2;B-18;y\n", classify: FieldClassifier.hint(forLabel:))
        #expect(plain.visitor.recordStrings.count == 2)
    }

    /// A key's column (`sync_id`) of numbers whose digits alone fit a phone plan is no phone
    /// column; an unnamed column of the same numbers still is.
    @Test func anInternalKeysNumbersAreNoPhones() {
        let rows = ["79542419", "82357848", "40016427", "49487754", "45123456"]
        let text = "sync_id,ts,note\n" + rows.map { "\($0),2022-08-09T09:19:05Z,x" }.joined(separator: "\n") + "\n"
        let r = Self.read(text, classify: FieldClassifier.hint(forLabel:))
        let hints = Dictionary(r.visitor.events.compactMap { if case let .declare(name, hint, _) = $0 { (name, hint) } else { nil } }, uniquingKeysWith: { a, _ in a })
        #expect(hints["sync_id"] == FieldHint.none, "\(hints)")
        let phones = Self.read(text.replacingOccurrences(of: "sync_id", with: "kontakt"), classify: FieldClassifier.hint(forLabel:))
        let phoneHints = Dictionary(phones.visitor.events.compactMap { if case let .declare(name, hint, _) = $0 { (name, hint) } else { nil } }, uniquingKeysWith: { a, _ in a })
        #expect(phoneHints["kontakt"] == .phone, "\(phoneHints)")
        for (label, isKey) in [("sync_id", true), ("eventId", true), ("Order ID", true), ("row.id", true), ("id", false),
                                  ("isikukood", false), ("IBAN", false), ("paid", false)] {
            #expect(FieldClassifier.namesInternalID(label) == isKey, "\(label)")
        }
    }

    @Test func quirks() {
        // Spaces around fields and before quotes, a quote inside an unquoted field, text after a
        // closing quote, empty and quoted-empty fields, a trailing delimiter.
        let csv = "  a  , \"b\" ,c\"d, \"e\" f,,\"\",g,\n"
        let r = Self.readAllChunkings(csv)
        #expect(r.visitor.recordStrings == ["column1=a|column2=b|column3=c\"d|column4=e f|column7=g"])
    }

    @Test func newlines() {
        for nl in ["\n", "\r\n", "\r"] {
            let csv = "a,b\(nl)\"x\(nl)y\",z\(nl)\(nl)c,d"
            let r = Self.readAllChunkings(csv)
            #expect(r.error == nil)
            #expect(r.visitor.recordStrings == ["column1=a|column2=b", "column1=x\(nl)y|column2=z", "column1=c|column2=d"], "\(nl.debugDescription)")
            // Line numbers count the newline inside quotes and the blank line.
            let begins = r.visitor.events.compactMap { e -> Int? in if case let .begin(line, _) = e { return line }; return nil }
            #expect(begins == [1, 2, 5], "\(nl.debugDescription)")
        }
    }

    @Test func sniffsEachDelimiter() {
        let rows = [["Nimi", "Telefon", "Linn"], ["Mari Maasikas", "+372 5555 0101", "Tõrva, Kesk 3"], ["Jüri Kask", "5555 0102", "Pärnu"]]
        for d in [",", ";", "\t", "|"] {
            let csv = rows.map { r in r.map { $0.contains(d) || $0.contains(",") && d == "," ? "\"\($0)\"" : $0 }.joined(separator: d) }
                .joined(separator: "\n") + "\n"
            var reader = CSVReader(classify: Self.noLabels)
            var visitor = RecordingVisitor()
            Array(csv.utf8).withUnsafeBufferPointer { p in
                try? reader.consume(p, visitor: &visitor)
                try? reader.finish(visitor: &visitor)
            }
            #expect(reader.delimiter == UInt8(ascii: Unicode.Scalar(d)!), "\(d.debugDescription)")
            #expect(reader.hasHeader)
            #expect(visitor.recordStrings == ["Nimi=Mari Maasikas|Telefon=+372 5555 0101|Linn=Tõrva, Kesk 3", "Nimi=Jüri Kask|Telefon=5555 0102|Linn=Pärnu"],
                    "\(d.debugDescription)")
        }
    }

    @Test func decimalCommasDoNotWinOverSemicolons() {
        let csv = "toode;hind\nAspiriin;1,50\nVitamiin C;12,75\nPlaaster;0,99\n"
        let r = Self.readAllChunkings(csv)
        #expect(r.visitor.recordStrings.first == "toode=Aspiriin|hind=1,50")
    }

    @Test func headerDetection() {
        // Rows below differ in kind (digits, @) from the labels above.
        let withHeader = Self.readAllChunkings("nimi,email,kliendinr\nMari Maasikas,mari@example.com,1001\nJüri Kask,juri@example.com,1002\n")
        #expect(withHeader.visitor.recordStrings == ["nimi=Mari Maasikas|email=mari@example.com|kliendinr=1001",
                                                     "nimi=Jüri Kask|email=juri@example.com|kliendinr=1002"])
        #expect(withHeader.visitor.events.first == .declare(name: "nimi", hint: .none, id: 0))
        // Text over text: no header, columns are numbered and the first row is data.
        let without = Self.readAllChunkings("Mari,Tamm\nJüri,Kask\n")
        #expect(without.visitor.recordStrings == ["column1=Mari|column2=Tamm", "column1=Jüri|column2=Kask"])
        // Numbers in the first row: not a header.
        let numeric = Self.readAllChunkings("1001,Mari\n1002,Jüri\n")
        #expect(numeric.visitor.recordStrings.count == 2)
        // Duplicate labels: not a header.
        let duplicate = Self.readAllChunkings("a,a\n1,2\n")
        #expect(duplicate.visitor.recordStrings == ["column1=a|column2=a", "column1=1|column2=2"])
    }

    @Test func headerRecognisedByClassifier() {
        // All text, but the classifier knows "Nimi": a header, with the hints passed on.
        let r = Self.readAllChunkings("Nimi;E-post\nMari Maasikas;mari at example\n", classify: Self.labels)
        #expect(r.visitor.events.prefix(2) == [.declare(name: "Nimi", hint: .fullName, id: 0), .declare(name: "E-post", hint: .email, id: 1)])
        #expect(r.visitor.recordStrings == ["Nimi=Mari Maasikas|E-post=mari at example"])
        // A header-only file has no records.
        #expect(Self.readAllChunkings("Nimi,Telefon\n", classify: Self.labels).visitor.recordStrings.isEmpty)
    }

    @Test func raggedRowsAndEmptyHeaderCells() {
        let r = Self.readAllChunkings("nimi,,telefon\nMari,x1,5555 0101,extra 1,extra 2\nJüri\n")
        #expect(r.visitor.recordStrings == ["nimi=Mari|column2=x1|telefon=5555 0101|column4=extra 1|column5=extra 2", "nimi=Jüri"])
    }

    @Test func positions() {
        let csv = "nimi,telefon\nMari Maasikas, 5555 0101\n\"Jüri\nKask\",\"5555 \"\"0102\"\"\"\n"
        let doc = Array(csv.utf8)
        let r = Self.readAllChunkings(csv)
        let fields = r.visitor.events.compactMap { e -> (String, Int, Int)? in
            if case let .field(v, _, line, offset) = e { return (v, line, offset) }
            return nil
        }
        #expect(fields.map(\.1) == [2, 2, 3, 4])
        // Unescaped values can be found at their offsets.
        for (value, _, offset) in fields where !value.contains("\"") {
            #expect(Array(doc[offset..<(offset + value.utf8.count)]) == Array(value.utf8), "\(value)")
        }
        #expect(fields[3].0 == "5555 \"0102\"")
        let begins = r.visitor.events.compactMap { e -> Int? in if case let .begin(_, offset) = e { return offset }; return nil }
        #expect(begins == [13, 38])
    }

    @Test func largeDocumentChunkingsAgree() {
        // Past the 64 KB sniff window and the header sample.
        var csv = "kliendinr;nimi;email;linn\n"
        for k in 0..<3000 {
            csv += "\(100_000 + k);Klient \(k) Testija;klient\(k)@example.com;\"Tartu; Rüütli \(k % 40)\"\n"
        }
        let doc = Array(csv.utf8)
        #expect(doc.count > CSVReader.sniffWindow)
        let whole = readDocument(CSVReader(classify: Self.noLabels), doc)
        #expect(whole.error == nil)
        #expect(whole.visitor.recordStrings.count == 3000)
        #expect(whole.visitor.recordStrings[2999] == "kliendinr=102999|nimi=Klient 2999 Testija|email=klient2999@example.com|linn=Tartu; Rüütli 39")
        for size in [1, 1000, 65_536, 70_001] {
            let chunked = readDocument(CSVReader(classify: Self.noLabels), doc, chunkSize: size)
            #expect(chunked.visitor.events == whole.visitor.events, "chunk size \(size)")
        }
    }

    @Test func unterminatedQuote() {
        let csv = "nimi,märkus\nMari,\"salajane\nJüri,5555 0101\n"
        let r = Self.readAllChunkings(csv)
        #expect(r.error == ReadError(.malformed, "unterminated quoted field starting at line 2"))
        #expect(!(r.error?.message.contains("salajane") ?? true))
    }

    @Test func fieldLimit() {
        var limits = ReadLimits()
        limits.maxFieldBytes = 16
        let ok = Self.readAllChunkings("a,0123456789abcdef\n", limits: limits)
        #expect(ok.error == nil)
        for csv in ["a,0123456789abcdefg\n", "a,\"0123456789abcdefg\"\n", "a\nb\n\"01234567\"\"9abcdefg\"\n"] {
            let r = Self.readAllChunkings(csv, limits: limits)
            #expect(r.error?.kind == .limit, "\(csv.debugDescription)")
            #expect(!(r.error?.message.contains("0123") ?? true))
        }
    }

    @Test func givenDelimiterAndEmptyInput() {
        let r = Self.readAllChunkings("a|b;c\n", delimiter: UInt8(ascii: ";"))
        #expect(r.visitor.recordStrings == ["column1=a|b|column2=c"])
        #expect(Self.readAllChunkings("").visitor.events.isEmpty)
        #expect(Self.readAllChunkings("\n\n  \n").visitor.events.isEmpty)
    }

    @Test func sniffer() {
        func guess(_ s: String, complete: Bool = true) -> CSVReader.DelimiterGuess? {
            Array(s.utf8).withUnsafeBufferPointer { CSVReader.sniffDelimiter($0, complete: complete) }
        }
        #expect(guess("a;b;c\n1;2;3\n")?.delimiter == UInt8(ascii: ";"))
        #expect(guess("a;b;c\n1;2;3\n")?.fieldsPerRecord == 3)
        #expect(guess("a|\"b|c\"\n1|2\n")?.consistentRecords == 2)
        #expect(guess("plain words only\n") == nil)
        // The cut last record of an incomplete prefix is ignored.
        #expect(guess("a,b\n1,2\n3", complete: false)?.records == 2)
    }

    // MARK: Value sampling

    /// Synthetic people: name, address, national-format EE phone, isikukood.
    static func people(_ n: Int, seed: UInt64 = 11) -> [[String]] {
        var rng = SeededRNG(seed: seed)
        let first = ["Mari", "Jüri", "Õie", "Tõnu", "Ülle", "Kalev", "Liis", "Märt", "Anneli", "Priit"]
        let last = ["Maasikas", "Kask", "Tamm", "Sepp", "Ärm", "Õunapuu", "Mets", "Pärn", "Saar", "Kuusk"]
        let streets = ["Tartu mnt", "Rüütli tn", "Pärnu mnt", "Tamme tn", "Kase", "Männi"]
        let towns = ["Tallinn", "Tartu", "Pärnu", "Narva"]
        return (0..<n).map { k in
            [first[k % first.count] + " " + last[(k / 10 + k) % last.count],
             streets[k % streets.count] + " \(k + 1), " + towns[k % towns.count],
             Synthetic.phone(country: "EE", international: false, using: &rng).written,
             Synthetic.nationalID(.eeIsikukood, using: &rng)]
        }
    }

    static func declared(_ r: RecordingVisitor) -> [String: FieldHint] {
        var out: [String: FieldHint] = [:]
        for e in r.events { if case let .declare(name, hint, _) = e { out[name] = hint } }
        return out
    }

    @Test func headerlessColumnsAreClassifiedByValues() {
        let rows = Self.people(6)
        let csv = rows.map { $0.joined(separator: ";") }.joined(separator: "\n") + "\n"
        for reader in [CSVReader(), CSVReader(classify: Self.noLabels)] {
            let r = readDocument(reader, Array(csv.utf8))
            #expect(r.error == nil)
            #expect(r.visitor.recordStrings.count == 6)
            #expect(r.visitor.recordStrings.first == "column1=\(rows[0][0])|column2=\(rows[0][1])|column3=\(rows[0][2])|column4=\(rows[0][3])")
            #expect(Self.declared(r.visitor) == ["column1": .fullName, "column2": .postalAddress, "column3": .phone,
                                                 "column4": .nationalID(.eeIsikukood)])
        }
        // The same events whatever the chunking.
        _ = Self.readAllChunkings(csv)
    }

    @Test func unknownHeaderWordsGetValueHints() {
        let rows = Self.people(5)
        var csv = "a,b,c,d,e\n"
        for (k, p) in rows.enumerated() {
            csv += "\(p[0]),\"\(p[1])\",\(p[2]),\(p[3]),\(1000 + k)\n"
        }
        let r = Self.readAllChunkings(csv, classify: Self.labels)
        #expect(r.visitor.recordStrings.count == 5)
        #expect(r.visitor.events.prefix(5) == [
            .declare(name: "a", hint: .fullName, id: 0), .declare(name: "b", hint: .postalAddress, id: 1),
            .declare(name: "c", hint: .phone, id: 2), .declare(name: "d", hint: .nationalID(.eeIsikukood), id: 3),
            .declare(name: "e", hint: .none, id: 4),
        ])
    }

    @Test func headerHintsWin() {
        let rows = Self.people(4)
        // "telefon" says phone although the values are isikukoods; "kood" is unknown; a classifier's
        // `.nonPersonal` is kept too.
        let classify: @Sendable (String) -> FieldHint? = { label in
            label == "nr" ? .nonPersonal : Self.labels(label)
        }
        var csv = "nimi;telefon;kood;nr\n"
        for p in rows { csv += "\(p[0]);\(p[3]);\(p[3]);\(p[3])\n" }
        let r = Self.readAllChunkings(csv, classify: classify)
        #expect(r.visitor.events.prefix(4) == [
            .declare(name: "nimi", hint: .fullName, id: 0), .declare(name: "telefon", hint: .phone, id: 1),
            .declare(name: "kood", hint: .nationalID(.eeIsikukood), id: 2), .declare(name: "nr", hint: .nonPersonal, id: 3),
        ])
    }

    @Test func firstRowOfValidValuesIsNotAHeader() {
        // Text over text-with-digits would look like a header, but the first row's ID is valid.
        let rows = Self.people(4)
        let products = ["Aspiriin", "Ibuprofeen 400 mg", "Paratsetamool 500 mg", "Magneesium 250 mg"]
        let csv = rows.enumerated().map { k, p in "\(p[0]);\(products[k]);\(p[3])" }.joined(separator: "\n") + "\n"
        var reader = CSVReader(classify: Self.noLabels)
        var visitor = RecordingVisitor()
        Array(csv.utf8).withUnsafeBufferPointer { p in
            try? reader.consume(p, visitor: &visitor)
            try? reader.finish(visitor: &visitor)
        }
        #expect(!reader.hasHeader)
        #expect(visitor.recordStrings.count == 4)
        #expect(Self.declared(visitor)["column3"] == .nationalID(.eeIsikukood))
        // Without the ID column, the same rows do read as header + data (unchanged heuristic).
        let noIDs = rows.enumerated().map { k, p in "\(p[0]);\(products[k])" }.joined(separator: "\n") + "\n"
        #expect(Self.readAllChunkings(noIDs).visitor.recordStrings.count == 3)
    }

    @Test func samplesUpToSixtyFourRows() {
        // The first 64 rows are sampled: names from row 20 on are 44 of 64 (below 80 %), so no
        // hint; names from row 10 on are 54 of 64, so the column is names.
        func csv(namesFrom: Int) -> String {
            let people = Self.people(80)
            return (0..<80).map { k in k < namesFrom ? "-;\(k)" : "\(people[k][0]);\(k)" }
                .joined(separator: "\n") + "\n"
        }
        #expect(Self.declared(Self.read(csv(namesFrom: 20)).visitor)["column1"] == FieldHint.none)
        #expect(Self.declared(Self.read(csv(namesFrom: 10)).visitor)["column1"] == .fullName)
    }

    /// A notes column's header decides: free text, though its values look like addresses (a
    /// door code, "2. kerros", a comma). The same values under an unknown header are sampled.
    @Test func notesHeaderIsNotSampled() {
        let note = "\"Ovikoodi 4558A; soita ennen toimitusta, 2. kerros\""
        let body = (0..<6).map { "Asiakas \($0);\(note)" }.joined(separator: "\n") + "\n"
        let classify: @Sendable (String) -> FieldHint? = { FieldClassifier.hint(forLabel: $0) }
        #expect(Self.declared(Self.read("Nimi;Lisätiedot\n" + body, classify: classify).visitor)["Lisätiedot"] == FieldHint.none)
        #expect(Self.declared(Self.read("Nimi;Xyz\n" + body, classify: classify).visitor)["Xyz"] == .postalAddress)
    }
}
