import Testing
@testable import BreachScope

/// Records what a reader reports, as comparable values.
private struct Recorder: RecordVisitor {
    enum Event: Equatable, CustomStringConvertible {
        case begin(line: Int, offset: Int)
        case field(path: String, value: String, line: Int, offset: Int)
        case end
        var description: String {
            switch self {
            case .begin(let l, let o): "begin \(l):\(o)"
            case .field(let p, let v, let l, let o): "\(p)=\(v) @\(l):\(o)"
            case .end: "end"
            }
        }
    }
    var columns: [(name: String, hint: FieldHint)] = []
    var events: [Event] = []
    var open = false

    mutating func declareColumn(name: String, hint: FieldHint) -> Int {
        precondition(!columns.contains { $0.name == name }, "column declared twice: \(name)")
        columns.append((name, hint))
        return columns.count - 1
    }
    mutating func beginRecord(line: Int, offset: Int) {
        precondition(!open, "nested record")
        open = true
        events.append(.begin(line: line, offset: offset))
    }
    mutating func field(_ value: UnsafeBufferPointer<UInt8>, column: Int, line: Int, offset: Int) {
        precondition(open, "field outside a record")
        // (Free text, column -1, comes from a string's text read as a document: `readNestedText`.)
        events.append(.field(path: column < 0 ? "-" : columns[column].name, value: String(decoding: value, as: UTF8.self), line: line, offset: offset))
    }
    mutating func endRecord() {
        precondition(open, "end without begin")
        open = false
        events.append(.end)
    }

    /// Records as lists of `path=value`.
    var records: [[String]] {
        var out: [[String]] = []
        for e in events {
            switch e {
            case .begin: out.append([])
            case .field(let p, let v, _, _): out[out.count - 1].append("\(p)=\(v)")
            case .end: break
            }
        }
        return out
    }
    func hint(_ path: String) -> FieldHint? { columns.first { $0.name == path }?.hint }
}

private struct Outcome {
    var recorder: Recorder
    var error: ReadError?
    var malformedLines: Int
}

private func read(_ bytes: [UInt8], lines: Bool = false, chunk: Int = .max, limits: ReadLimits = .init()) -> Outcome {
    var reader = JSONReader(lines: lines, limits: limits)
    var rec = Recorder()
    do {
        var i = 0
        while i < bytes.count {
            let end = i + min(chunk, bytes.count - i)
            try bytes[i..<end].withUnsafeBufferPointer { (b) throws(ReadError) in try reader.consume(b, visitor: &rec) }
            i = end
        }
        try reader.finish(visitor: &rec)
        return Outcome(recorder: rec, error: nil, malformedLines: reader.malformedLines)
    } catch {
        #expect(!rec.open, "record left open after error")
        return Outcome(recorder: rec, error: error, malformedLines: reader.malformedLines)
    }
}

private func read(_ text: String, lines: Bool = false, chunk: Int = .max, limits: ReadLimits = .init()) -> Outcome {
    read(Array(text.utf8), lines: lines, chunk: chunk, limits: limits)
}

/// Each field's offset is where its (escape-free) value starts in the document, on its line.
private func expectOffsetsPointAtValues(_ doc: String, _ recorder: Recorder) {
    let bytes = Array(doc.utf8)
    for case .field(_, let value, let line, let offset) in recorder.events {
        let v = Array(value.utf8)
        #expect(Array(bytes[offset..<min(bytes.count, offset + v.count)]) == v, "\(value)")
        #expect(bytes[0..<offset].filter { $0 == 0x0A }.count + 1 == line, "\(value)")
    }
}

@Suite struct JSONReaderTests {
    @Test func arrayOfObjects() {
        let out = read(#"[{"name":"Mari Maasikas","email":"mari@example.ee"},{"name":"Jüri Tamm","isikukood":"38001085718"}]"#)
        #expect(out.error == nil)
        #expect(out.recorder.records == [
            ["$[].name=Mari Maasikas", "$[].email=mari@example.ee"],
            ["$[].name=Jüri Tamm", "$[].isikukood=38001085718"],
        ])
        #expect(out.recorder.columns.count == 3)
        #expect(out.recorder.hint("$[].name") == .fullName)
        #expect(out.recorder.hint("$[].email") == .email)
        #expect(out.recorder.hint("$[].isikukood") == .nationalID(.eeIsikukood))
        #expect(out.recorder.events.first == .begin(line: 1, offset: 1))
    }

    /// An Elasticsearch `_bulk` file: an action line and its document's line are one record,
    /// the action's `_id` a customer key; a `delete` (no document) is a record of its own.
    /// A SCIM `ListResponse`'s `Resources` are its users, whose names are theirs; a phenopacket's
    /// `metaData.resources` are the ontologies it cites, whose names are no one's.
    @Test func scimResourcesAreUsersAndMetadataResourcesAreNot() {
        let scim = read(#"{"schemas": ["urn:ietf:params:scim:api:messages:2.0:ListResponse"], "Resources": [{"userName": "a.clark@example.org", "name": {"formatted": "Amanda Clark", "familyName": "Clark", "givenName": "Amanda"}}]}"#)
        #expect(scim.error == nil)
        #expect(scim.recorder.hint("$.Resources[].name.formatted") == .fullName, "\(scim.recorder.columns)")
        let packet = read(#"{"subject": {"id": "P1"}, "metaData": {"resources": [{"name": "human phenotype ontology", "version": "2023"}]}}"#)
        #expect(packet.recorder.hint("$.metaData.resources[].name") != .fullName, "\(packet.recorder.columns)")
    }

    @Test func bulkActionsJoinTheirDocuments() {
        let doc = #"{"index":{"_index":"kliendiregister-v3","_id":"K0481587"}}"# + "\n"
            + #"{"kliendi_nr":"K0481587","eesnimi":"Jaan","kaardid":[{"number":"2900197290704","brand":"APTEEK"}]}"# + "\n"
            + #"{"delete":{"_index":"kliendiregister-v3","_id":"K0000009"}}"# + "\n"
            + #"{"update":{"_index":"kliendiregister-v3","_id":"K0645875"}}"# + "\n"
            + #"{"doc":{"kontakt":{"epost":"kart2002@example.net"}}}"# + "\n"
        for chunk in [Int.max, 1, 7] {
            let out = read(doc, lines: true, chunk: chunk)
            #expect(out.error == nil)
            #expect(out.recorder.records == [
                ["$.index._index=kliendiregister-v3", "$.index._id=K0481587", "$.kliendi_nr=K0481587", "$.eesnimi=Jaan",
                 "$.kaardid[].number=2900197290704", "$.kaardid[].brand=APTEEK"],
                ["$.delete._index=kliendiregister-v3", "$.delete._id=K0000009"],
                ["$.update._index=kliendiregister-v3", "$.update._id=K0645875", "$.doc.kontakt.epost=kart2002@example.net"],
            ], "chunk \(chunk): \(out.recorder.records)")
            #expect(out.recorder.hint("$.index._id") == .linkKey(namespace: "customer"))
            #expect(out.recorder.hint("$.kaardid[].number") == .paymentCard)
        }
    }

    @Test func nestedObjectsAndInheritedHints() {
        let doc = """
        {"customer": {"name": {"first": "Mari", "last": "Maasikas"},
          "contact": {"email": "mari@example.ee", "phones": ["+37251234567", "+37255512345"]},
          "address": {"street": "Tamme tn 5", "line2": "korter 3", "zip": "10115", "city": "Tallinn"},
          "delivery": {"point": "Pakiautomaat Kesklinn"}, "active": true, "note": null}}
        """
        let out = read(doc)
        #expect(out.error == nil)
        #expect(out.recorder.records.count == 1)
        #expect(out.recorder.records.first?.count == 10)
        let r = out.recorder
        #expect(r.hint("$.customer.name.first") == .firstName)
        #expect(r.hint("$.customer.name.last") == .lastName)
        #expect(r.hint("$.customer.contact.email") == .email)
        #expect(r.hint("$.customer.contact.phones[]") == .phone)
        #expect(r.hint("$.customer.address.street") == .addressPart)
        #expect(r.hint("$.customer.address.line2") == .addressPart)
        #expect(r.hint("$.customer.address.zip") == .addressPart)
        #expect(r.hint("$.customer.delivery.point") == .delivery)
        #expect(r.records[0].contains("$.customer.contact.phones[]=+37255512345"))
        #expect(r.events.contains(.field(path: "$.customer.contact.email", value: "mari@example.ee", line: 2, offset: 85)))
        expectOffsetsPointAtValues(doc, out.recorder)
    }

    @Test func oneDocumentWithTwoArrays() {
        let doc = """
        {"export": "2023-05-01",
         "customers": [{"customer_id": "C1", "name": "Mari Maasikas"}, {"customer_id": "C2", "name": "Jaan Tamm"}],
         "orders": [{"order_id": "O1", "customer_id": "C1", "items": [{"sku": "A-1"}, {"sku": "B-2"}]}],
         "count": 3}
        """
        let out = read(doc)
        #expect(out.error == nil)
        #expect(out.recorder.records == [
            ["$.export=2023-05-01"],
            ["$.customers[].customer_id=C1", "$.customers[].name=Mari Maasikas"],
            ["$.customers[].customer_id=C2", "$.customers[].name=Jaan Tamm"],
            ["$.orders[].order_id=O1", "$.orders[].customer_id=C1", "$.orders[].items[].sku=A-1", "$.orders[].items[].sku=B-2"],
            ["$.count=3"],
        ])
        #expect(out.recorder.hint("$.orders[].customer_id") == .linkKey(namespace: "customer"))
        #expect(out.recorder.hint("$.orders[].items[].sku") == .purchase)
        #expect(out.recorder.hint("$.orders[].order_id") == .nonPersonal)
    }

    /// An order's lines are purchases by their names; an API page's `items` are its records,
    /// whose keys keep what they say (a patient's name, phone and address, a consent flag).
    @Test func orderLinesAndAPIPageItems() {
        let order = read(#"{"orderNo": "VL/2022/10939", "items": [{"id": 17, "name": "Pakiet wątrobowy", "qty": 1, "note": "x"}]}"#)
        #expect(order.recorder.hint("$.items[].name") == .purchase)
        #expect(order.recorder.hint("$.items[].id") != .purchase)
        #expect(order.recorder.hint("$.items[].note") != .purchase)
        let page = read("""
            {"page": 1, "items": [{"id": 5669651, "pacjent": {"imie": "Maria", "nazwisko": "Olszewska", "dataUrodzenia": "1984-01-23"},
              "kontakt": {"telefon": "536-262-182"}, "adres": {"ulica": "ul. Mickiewicza 12/59", "kod": "30-354", "miasto": "Kraków"},
              "zgodaMarketing": false}]}
            """)
        #expect(page.recorder.hint("$.items[].pacjent.imie") == .firstName)
        #expect(page.recorder.hint("$.items[].pacjent.dataUrodzenia") == .dateOfBirth)
        #expect(page.recorder.hint("$.items[].kontakt.telefon") == .phone)
        #expect(page.recorder.hint("$.items[].adres.ulica") == .addressPart)
        #expect(page.recorder.hint("$.items[].zgodaMarketing") != .purchase)
    }

    /// An openEHR demographic `PERSON`: wrapped elements (`{"name": {"_type": "DV_TEXT",
    /// "value": "eesnimi"}, "value": {"_type": "DV_TEXT", "value": "Piret"}}`) are read under
    /// their labels, known or not; the document is one record and its relationship (a legal
    /// representative) another; a composition's author is staff.
    @Test func openEHRElementsAreLabelledFields() {
        func element(_ label: String, _ value: String) -> String {
            #"{"_type": "ELEMENT", "name": {"_type": "DV_TEXT", "value": "\#(label)"}, "value": \#(value)}"#
        }
        let person = read("""
            {"_type": "PERSON", "name": {"_type": "DV_TEXT", "value": "patsient"},
             "identities": [{"_type": "PARTY_IDENTITY", "name": {"_type": "DV_TEXT", "value": "ametlik nimi"},
               "details": {"_type": "ITEM_TREE", "items": [\(element("eesnimi", #"{"_type": "DV_TEXT", "value": "Piret"}"#)),
                 \(element("perekonnanimi", #"{"_type": "DV_TEXT", "value": "Väli"}"#))]}}],
             "details": {"_type": "ITEM_TREE", "items": [
               \(element("isikukood", #"{"_type": "DV_IDENTIFIER", "id": "61703113985", "issuer": "EE", "type": "isikukood"}"#)),
               \(element("sünniaeg", #"{"_type": "DV_DATE", "value": "2017-03-11"}"#)),
               \(element("Diagnoos", #"{"_type": "DV_CODED_TEXT", "value": "Rinnanäärme pahaloomuline kasvaja", "defining_code": {"terminology_id": {"value": "ICD-10"}, "code_string": "C50.9"}}"#))]},
             "relationships": [{"_type": "PARTY_RELATIONSHIP", "name": {"_type": "DV_TEXT", "value": "seaduslik esindaja"},
               "details": {"_type": "ITEM_TREE", "items": [\(element("esindaja nimi", #"{"_type": "DV_TEXT", "value": "Kärt Väli"}"#)),
                 \(element("esindaja telefon", #"{"_type": "DV_TEXT", "value": "55201447"}"#))]}}]}
            """)
        let records = person.recorder.records
        #expect(records.count == 2, "\(records)")
        let own = records.first ?? []
        #expect(own.contains("$.identities[].details.items[]{eesnimi}=Piret"), "\(own)")
        #expect(own.contains("$.identities[].details.items[]{perekonnanimi}=Väli"), "\(own)")
        #expect(own.contains("$.details.items[]{sünniaeg}=2017-03-11"), "\(own)")
        #expect(own.contains("$.details.items[]{Diagnoos}=C50.9"), "\(own)")
        #expect(own.contains("$.details.items[]{isikukood}=61703113985"), "\(own)")
        #expect(!own.contains { $0.hasSuffix("=patsient") || $0.hasSuffix("=ametlik nimi") || $0.hasSuffix("=eesnimi") }, "\(own)")
        #expect(person.recorder.hint("$.identities[].details.items[]{eesnimi}") == .firstName)
        #expect(person.recorder.hint("$.details.items[]{sünniaeg}") == .dateOfBirth)
        #expect(records.last?.contains("$.relationships[].details.items[]{esindaja nimi}=Kärt Väli") == true, "\(records)")
        // Not openEHR: a name wrapped the same way is a name.
        let wrapped = read(#"[{"name": {"value": "Mari Maasikas", "verified": true}, "email": "mari@example.ee"}]"#)
        #expect(wrapped.recorder.records.first?.contains("$[].name.value=Mari Maasikas") == true, "\(wrapped.recorder.records)")
        let composition = read(#"{"_type": "COMPOSITION", "composer": {"_type": "PARTY_IDENTIFIED", "name": "Liisa Luik"}}"#)
        #expect(composition.recorder.hint("$.composer.name") == .nonPersonal)
    }

    /// An issue's description holding a Markdown table of the persons it concerns: each row is a
    /// record of its own, apart from the issue's; a string with a `|` but no table is a field.
    @Test func markdownTablesInsideStringsAreRecords() {
        let issue = read(#"{"iid": 12, "title": "Affected accounts", "description": "Accounts to migrate:\n\n| Name | Email | Patient ID |\n|---|---|---|\n"#
                         + #"| Jane M. Doe | `jane.doe@example.com` | PPS-6244216 |\n| John Roe | `john.roe@example.com` | PPS-6244217 |\n", "author": "a | b"}"#)
        let records = issue.recorder.records
        #expect(records.contains { $0.contains("Name=Jane M. Doe") && $0.contains("Email=`jane.doe@example.com`") && !$0.contains("Name=John Roe") }, "\(records)")
        #expect(records.contains { $0.contains("Name=John Roe") }, "\(records)")
        // (The issue's fields around the table: its record before, and one after, as a nested JSON string's are.)
        #expect(records.first == ["$.iid=12", "$.title=Affected accounts"] && records.last == ["$.author=a | b"], "\(records)")
        #expect(!JSONReader.holdsPipeTable(Array("a | b\n| c |".utf8).withUnsafeBufferPointer { $0 }))
    }

    /// Facebook's exports escape each UTF-8 byte (`P\u00c3\u00a4rn`, Cyrillic as `\u00d0…`): such
    /// strings are read as the UTF-8 they spell; a real Latin-1 escape (`Caf\u00e9`) stays.
    @Test func facebookMojibakeIsRepaired() {
        let thread = read(#"{"participants": [{"name": "Mari P\u00c3\u00a4rn"}, {"name": "\u00d0\u0090\u00d0\u00bd\u00d0\u00bd\u00d0\u00b0 \u00d0\u0098\u00d0\u00b2\u00d0\u00b0\u00d0\u00bd\u00d0\u00be\u00d0\u00b2\u00d0\u00b0"}], "title": "Caf\u00e9 \u00e9t\u00e9"}"#)
        let fields = thread.recorder.records.flatMap { $0 }
        #expect(fields.contains("$.participants[].name=Mari Pärn"), "\(fields)")
        #expect(fields.contains("$.participants[].name=Анна Иванова"), "\(fields)")
        #expect(fields.contains("$.title=Café été"), "\(fields)")
    }

    /// Key/value lists: the attribute's name says what its value is, and is no one's name.
    @Test func attributeListsReadValuesUnderTheirLabels() {
        let order = read("""
            [{"orderId": "T2023-02778", "subject": {"attributes": [
              {"name": "personal_code", "value": 49908140852}, {"name": "first_name", "value": "Nadežda"},
              {"name": "last_name", "value": "Kuznetsova"}, {"name": "sex", "value": "F"},
              {"name": "email", "value": "kuznetsova.nadezda@webmail.test"}]},
              "contacts": [{"type": "mobile", "value": "0450344415"}, {"type": "landline", "value": 35819749799}],
              "fields": [{"key": "phone", "value": "+372 5123 4567"}]}]
            """)
        let records = order.recorder.records
        #expect(records.count == 1)
        let fields = records.first ?? []
        #expect(fields.contains("$[].subject.attributes[]{first_name}=Nadežda"), "\(fields)")
        #expect(fields.contains("$[].subject.attributes[]{last_name}=Kuznetsova"))
        #expect(fields.contains("$[].subject.attributes[]{email}=kuznetsova.nadezda@webmail.test"))
        #expect(fields.contains("$[].contacts[]{mobile}=0450344415"), "\(fields)")
        #expect(fields.contains("$[].fields[]{phone}=+372 5123 4567"))
        #expect(!fields.contains { $0.hasSuffix("=first_name") || $0.hasSuffix("=email") || $0.hasSuffix("=sex") }, "\(fields)")
        #expect(order.recorder.hint("$[].subject.attributes[]{first_name}") == .firstName)
        #expect(order.recorder.hint("$[].subject.attributes[]{email}") == .email)
        #expect(order.recorder.hint("$[].contacts[]{mobile}") == .phone)
        // A fixed line as a JSON number, its country code without `+`.
        #expect(fields.contains("$[].contacts[]{landline}=35819749799"), "\(fields)")
        #expect(order.recorder.hint("$[].contacts[]{landline}") == .phone)
        // The ordering physician's contacts are theirs, no data subject's.
        let ordered = read(#"{"orderedBy": {"name": "dr. Eve Kõrts", "code": "D74032", "email": "eve.korts@toompea1.example.org"}}"#)
        #expect(ordered.recorder.hint("$.orderedBy.email") == .nonPersonal)
        #expect(ordered.recorder.hint("$.orderedBy.name") == .nonPersonal)
        // A relative among the contacts: their keys are a related person's (`….relative.*`).
        let customer = read(#"[{"name": {"family": "Lindqvist", "given": "Henrik"}, "contacts": [{"type": "mobile", "value": "0329288080"}, "#
                            + #"{"type": "relative", "name": "Karl-Erik von Bonsdorff", "relation": "make", "phone": "040-1023316"}]}]"#)
        let entries = customer.recorder.records.flatMap { $0 }
        #expect(entries.contains("$[].contacts[].relative.name=Karl-Erik von Bonsdorff"), "\(entries)")
        #expect(entries.contains("$[].contacts[].relative.phone=040-1023316"), "\(entries)")
        #expect(entries.contains("$[].name.family=Lindqvist"))
        // A list of persons keeps its names (a junk one that reads as a label, `Email`, is dropped).
        let people = read(#"[{"name": "Anna Tamm", "type": "customer"}, {"name": "Email", "id": 2}, {"name": "Mari Kask"}]"#)
        #expect(people.recorder.records.flatMap { $0 }.filter { $0.hasPrefix("$[].name=") } == ["$[].name=Anna Tamm", "$[].name=Mari Kask"])
    }

    /// A columnar table: each row a record, its values under the header's columns.
    /// A table's rows without a header (Loki's `"values": [[ts, line], …]` in each stream): each
    /// row is a record, apart from its stream's labels; GeoJSON's coordinates are no rows.
    @Test func headerlessRowsAreRecords() {
        let doc = #"{"data": {"result": [{"stream": {"app": "sms"}, "values": [["1698560368", "pesel=52081912073 tel=690277476"], "#
            + #"["1698554751", "pesel=15302724703 email=beata@example.pl"]]}]}, "#
            + #""geometry": {"type": "Polygon", "coordinates": [[[24.7, 59.4], [24.8, 59.5]]]}}"#
        let out = read(doc)
        #expect(out.error == nil)
        let records = out.recorder.records
        #expect(records.contains(["$.data.result[].values[][]=1698560368", "$.data.result[].values[][]=pesel=52081912073 tel=690277476"]), "\(records)")
        #expect(records.contains(["$.data.result[].values[][]=1698554751", "$.data.result[].values[][]=pesel=15302724703 email=beata@example.pl"]), "\(records)")
        #expect(records.contains { $0.contains("$.geometry.coordinates[][][]=24.7") && $0.contains("$.geometry.coordinates[][][]=24.8") }, "\(records)")
        expectOffsetsPointAtValues(doc, out.recorder)
        #expect(JSONReader.namesCoordinates("coordinates") && JSONReader.namesCoordinates("path"))
        #expect(!JSONReader.namesCoordinates("pathology_results") && !JSONReader.namesCoordinates("values"))
    }

    /// JSON in the strings of one key on every line (SNS's `Message` holding SES's notification):
    /// each line's is a record of its own, and each path is declared once (the recorder fails on
    /// a second declaration), so a sentence repeated in the subject is one column's.
    @Test func jsonInStringsOfOneKeyDeclaresItsPathsOnce() {
        var doc = ""
        for k in 0..<3 {
            let ses = #"{"notificationType":"Delivery","mail":{"destination":["user\#(k)@example.com"],"commonHeaders":{"subject":"Your prescriptions are moving to FreshWay Pharmacy"}}}"#
            let escaped = ses.replacingOccurrences(of: "\"", with: "\\\"")
            doc += #"{"Type":"Notification","Message":"\#(escaped)","Timestamp":"2014-07-18T16:03:00.719Z"}"# + "\n"
        }
        let out = read(doc, lines: true)
        #expect(out.error == nil)
        let fields = out.recorder.records.flatMap { $0 }
        for k in 0..<3 { #expect(fields.contains("$.Message>$.mail.destination[]=user\(k)@example.com"), "\(fields)") }
        #expect(out.recorder.columns.filter { $0.name == "$.Message>$.mail.commonHeaders.subject" }.count == 1)
        #expect(fields.filter { $0.hasPrefix("$.Message>$.mail.commonHeaders.subject=") }.count == 3)
    }

    /// An object under a key that names staff (`createdBy`) whose `type` says it is a customer's
    /// (Help Scout's customer threads): its name and e-mail are the customer's; an agent's
    /// (`type: user`) stay staff's.
    @Test func aCustomersCreatedByIsTheCustomers() {
        let out = read(#"{"threads": [{"type": "message", "createdBy": {"id": 400001, "type": "user", "first": "Jelena", "last": "Tsvetkova", "#
                       + #""email": "jelena.tsvetkova@apteek.example.com"}}, {"type": "customer", "createdBy": {"id": 304753198, "type": "customer", "#
                       + #""first": "Kalle", "last": "Väli", "email": "vali.kalle@example.org"}}]}"#)
        #expect(out.error == nil)
        let fields = out.recorder.records.flatMap { $0 }
        #expect(fields.contains("$.threads[].createdBy.customer_email=vali.kalle@example.org"), "\(fields)")
        #expect(fields.contains("$.threads[].createdBy.customer_first=Kalle"), "\(fields)")
        #expect(out.recorder.hint("$.threads[].createdBy.customer_email") == .email)
        #expect(fields.contains("$.threads[].createdBy.email=jelena.tsvetkova@apteek.example.com"), "\(fields)")
        #expect(out.recorder.hint("$.threads[].createdBy.email") != .email)
    }

    /// A document's top-level `rows` (CouchDB's `_all_docs?include_docs=true`) are its records,
    /// not a receipt's lines: a row's `doc` names its person.
    @Test func topLevelRowsAreRecordsNotLines() {
        let out = read(#"{"total_rows": 1, "rows": [{"id": "konto:1", "key": "konto:1", "value": {"rev": "8-0"}, "#
                       + #""doc": {"_id": "konto:1", "typ": "konto", "pesel": "98091487783", "imie": "Żaneta", "nazwisko": "Mazur", "telefon": "799320107"}}]}"#)
        #expect(out.error == nil)
        #expect(out.recorder.hint("$.rows[].doc.imie") == .firstName && out.recorder.hint("$.rows[].doc.telefon") == .phone)
        // (A receipt's rows are its lines still.)
        let receipt = read(#"{"receipt": {"rows": [{"name": "Ibumetin 400 mg", "qty": 1}]}}"#)
        #expect(receipt.recorder.hint("$.receipt.rows[].name") != .fullName)
    }

    /// A mail's delivery report (SES's `delivery`) is no parcel's: its keys are not delivery
    /// information; a shop's `delivery` keeps its window and door code.
    @Test func aMailsDeliveryReportIsNoParcels() {
        let out = read(#"[{"delivery": {"processingTimeMillis": 3920, "recipients": ["a@example.com"], "smtpResponse": "250 2.0.0 OK", "#
                       + #""reportingMTA": "a27-30.smtp-out.us-west-2.amazonses.com"}}, {"delivery": {"window": "08:00-10:00", "doorCode": "5458"}}]"#)
        #expect(out.error == nil)
        for key in ["processingTimeMillis", "smtpResponse", "reportingMTA", "recipients[]"] {
            #expect(out.recorder.hint("$[].delivery." + key) != .delivery, "\(key)")
        }
        #expect(out.recorder.hint("$[].delivery.window") == .delivery)
    }

    /// A logfmt event in a string (Loki's values): a pair whose key names a person's element is
    /// a field of `<string>{key}` with that key's hint (`tel`: a bare national number is a
    /// phone); other pairs (`msg`, `caller`) are only the string's text.
    @Test func logfmtPairsInAStringAreFields() {
        let doc = #"{"data": {"result": [{"stream": {"app": "sms"}, "values": [["1698586629160582538", "#
            + #""level=info caller=sms.go:88 msg=\"SMS wysłany\" tel=570640333 pacjent=\"Marek \\\"Mareczek\\\" Olszewski\""]]}]}}"#
        let out = read(doc)
        #expect(out.error == nil)
        let fields = out.recorder.records.flatMap { $0 }
        let line = "$.data.result[].values[][]"
        #expect(fields.contains(line + "{tel}=570640333"), "\(fields)")
        #expect(fields.contains(line + #"{pacjent}=Marek "Mareczek" Olszewski"#), "\(fields)")
        #expect(!fields.contains { $0.hasPrefix(line + "{msg}") || $0.hasPrefix(line + "{caller}") }, "\(fields)")
        #expect(out.recorder.hint(line + "{tel}") == .phone && out.recorder.hint(line + "{pacjent}") == .fullName)
        // (Two pairs are no logfmt event: `a=b c=d` in a sentence.)
        let two = read(#"[{"note": "please set tel=570640333 and retry=1 now"}]"#)
        #expect(!two.recorder.records.flatMap { $0 }.contains { $0.contains("{tel}") })
    }

    /// An object whose `type` says it is the organisation's agent (Intercom's conversation part
    /// by an `admin`): its name and e-mail are read under a staff path, not a person's; the
    /// customer's own author object stays a person's.
    @Test func agentsContactsAreStaffs() {
        let doc = #"{"conversations": [{"source": {"author": {"type": "user", "name": "Tarmo Toom", "email": "t.toom@example.org"}}, "#
            + #""conversation_parts": {"conversation_parts": [{"author": {"type": "admin", "name": "Kadri | Apteek klienditugi", "#
            + #""email": "kadri@apteek.example.ee"}}]}}]}"#
        let out = read(doc)
        #expect(out.error == nil)
        let fields = out.recorder.records.flatMap { $0 }
        #expect(fields.contains("$.conversations[].source.author.email=t.toom@example.org"), "\(fields)")
        let agent = "$.conversations[].conversation_parts.conversation_parts[].author.supportagent_email"
        #expect(fields.contains(agent + "=kadri@apteek.example.ee"), "\(fields)")
        #expect(out.recorder.hint(agent) == .nonPersonal && FieldClassifier.namesStaffMember(agent))
        #expect(out.recorder.hint("$.conversations[].source.author.email") == .email)
    }

    @Test func columnarTablesReadRowsUnderTheirHeader() {
        let out = read("""
            {"table": "pacjenci", "columns": ["id", "pesel", "imie", "nazwisko", "telefon"],
             "rows": [[100000, 37100792649, "Irena", "Michalak", "0048799995577"], [100011, null, "Katarzyna", "Król", "+48 511 751 164"]]}
            """)
        let rows = out.recorder.records.filter { $0.contains { $0.contains(".rows[].imie=") } }
        #expect(rows.count == 2, "\(out.recorder.records)")
        #expect(rows.first?.contains("$.rows[].pesel=37100792649") == true, "\(rows)")
        #expect(rows.last?.contains("$.rows[].telefon=+48 511 751 164") == true, "\(rows)")
        #expect(out.recorder.hint("$.rows[].imie") == .firstName)
        #expect(out.recorder.hint("$.rows[].nazwisko") == .lastName)
    }

    /// JSON inside a JSON string (a HAR capture's response body) is read as JSON: a record per
    /// patient, not one record of the whole page.
    @Test func jsonInsideStringsIsReadAsJSON() {
        let body = #"{\"page\":1,\"patients\":[{\"firstName\":\"Timothy\",\"email\":\"t@example.com\"},{\"firstName\":\"Ingrid\",\"email\":\"i@inbox.test\"}]}"#
        let out = read(#"{"log": {"entries": [{"response": {"content": {"mimeType": "application/json", "text": ""# + body + #""}}}]}}"#)
        let patients = out.recorder.records.filter { $0.contains { $0.contains("firstName=") } }
        #expect(patients.count == 2, "\(out.recorder.records)")
        #expect(patients.first?.contains { $0.hasSuffix(".email=t@example.com") } == true, "\(patients)")
        #expect(out.recorder.hint("$.log.entries[].response.content.text>$.patients[].email") == .email, "\(out.recorder.columns)")
        // Text that only looks like JSON stays text.
        let text = read(#"[{"note": "[call back] about {the order}"}]"#)
        #expect(text.recorder.records == [["$[].note=[call back] about {the order}"]])
    }

    @Test func topLevelObjectIsOneRecord() {
        let out = read(#"{"nimi": "Mari Maasikas", "tags": ["a", "b"], "meta": {"v": 1}}"#)
        #expect(out.recorder.records == [["$.nimi=Mari Maasikas", "$.tags[]=a", "$.tags[]=b", "$.meta.v=1"]])
    }

    @Test func dataLikeKeysStayOutOfPaths() {
        let out = read(#"{"38001085718": {"name": "Mari Maasikas"}, "mari@example.ee": {"name": "M"}}"#)
        #expect(out.error == nil)
        #expect(out.recorder.records == [
            ["$.*=38001085718", "$.*.name=Mari Maasikas"],
            ["$.*=mari@example.ee", "$.*.name=M"],
        ])
        #expect(!out.recorder.columns.contains { $0.name.contains("3800") || $0.name.contains("@") })
    }

    @Test func ndjsonWithMalformedLine() {
        let doc = """
        {"email": "a@example.ee", "n": 1}
        {"email": "b@example.ee", "broken": tru}

        {"email": "c@example.ee"}\r
        not json at all
        {"email": "d@example.ee"} {"second": 1}
        [{"email": "e@example.ee"}, {"email": "f@example.ee"}]
        """
        let out = read(doc, lines: true)
        #expect(out.error == nil)
        #expect(out.malformedLines == 3)
        #expect(out.recorder.records == [
            ["$.email=a@example.ee", "$.n=1"],
            ["$.email=b@example.ee"],  // fields before the error are kept
            ["$.email=c@example.ee"],
            ["$.email=d@example.ee"],
            ["$[].email=e@example.ee", "$[].email=f@example.ee"],
        ])
        #expect(out.recorder.events.first == .begin(line: 1, offset: 0))
        #expect(out.recorder.events.contains(.begin(line: 4, offset: 76)))
        expectOffsetsPointAtValues(doc, out.recorder)
    }

    @Test func ndjsonAllLinesMalformed() {
        let out = read("{\"a\":\n[1,\n", lines: true)
        #expect(out.error?.kind == .malformed)
        #expect(out.malformedLines == 2)
        // An empty NDJSON document is fine.
        #expect(read("\n\n", lines: true).error == nil)
        // The last line may lack its newline, but not its end.
        let last = read("{\"a\":1}\n{\"b\":", lines: true)
        #expect(last.error == nil)
        #expect(last.malformedLines == 1)
    }

    @Test func escapesAndSurrogatePairs() {
        let doc = #"{"s": "q\"b\\s\/ \b\f\n\r\t \u00e4\u00C4 \u20AC \ud83d\ude00 \uD83D\uDE00", "lone": "a\ud800b\udc00c\ud800", "k\u00e9y": "v"}"#
        let out = read(doc)
        #expect(out.error == nil)
        #expect(out.recorder.records == [[
            "$.s=q\"b\\s/ \u{8}\u{C}\n\r\t äÄ € 😀 😀",
            "$.lone=a\u{FFFD}b\u{FFFD}c\u{FFFD}",
            "$.kéy=v",
        ]])
        #expect(read(#"["\x"]"#).error?.kind == .malformed)
        #expect(read(#"["\u12G4"]"#).error?.kind == .malformed)
        #expect(read("[\"a\nb\"]").error?.kind == .malformed)
    }

    static let chunkDocs: [(String, Bool)] = [
        (#"{"customers":[{"name":"Mari Maasikas","phones":["+37251234567",-12.5e+3],"a":{"city":"Tallinn"}},{"x":"\ud83d\ude00\u00e4\"","t":true,"f":false,"n":null}],"10115000":{"y":0}}"#, false),
        ("{\"a\":\"\\u00e4\\ud83d\\ude00\"}\n{\"b\":12345}\n{bad\n[1,2.5,\"x\"]\n-7\n\"s\"", true),
        (#"{"a":[1,2,{"b":"unterminated}"#, false),
        ("\u{FEFF}[{\"a\":1}]", false),
    ]

    @Test(arguments: 0..<chunkDocs.count)
    func everyChunkSizeGivesTheSameOutput(index: Int) {
        let (doc, lines) = Self.chunkDocs[index]
        let whole = read(doc, lines: lines)
        #expect(!whole.recorder.events.isEmpty)
        for size in 1...7 {
            let split = read(doc, lines: lines, chunk: size)
            #expect(split.recorder.events == whole.recorder.events, "chunk size \(size)")
            #expect(split.recorder.columns.map(\.name) == whole.recorder.columns.map(\.name))
            #expect(split.error == whole.error, "chunk size \(size)")
            #expect(split.malformedLines == whole.malformedLines)
        }
    }

    @Test func deepNestingFailsWithLimit() {
        let deep = [UInt8](repeating: UInt8(ascii: "["), count: 100_000) + [UInt8(ascii: "1")]
            + [UInt8](repeating: UInt8(ascii: "]"), count: 100_000)
        let out = read(deep, chunk: 4096)
        #expect(out.error?.kind == .limit)
        #expect(out.error?.message == "JSON nested deeper than 512 levels at byte 512")
        let objects = String(repeating: #"{"a":"#, count: 100_000)
        #expect(read(objects, lines: true).error?.kind == .limit)
        // 512 levels are fine.
        let ok = String(repeating: "[", count: 512) + String(repeating: "]", count: 512)
        #expect(read(ok).error == nil)
    }

    @Test func truncatedDocumentIsMalformed() {
        let doc = Array(#"{"a": [1, "x", {"b": true}], "c": -2.5e3, "d": null}"#.utf8)
        #expect(read(doc).error == nil)
        for length in 1..<doc.count {
            let out = read(Array(doc[0..<length]), chunk: 3)
            #expect(out.error?.kind == .malformed, "prefix of \(length) bytes")
        }
    }

    @Test func numbersAreFields() {
        let out = read(#"{"n": [0, -1, 3.14, 1e10, -2.5E-3, 10, 0.5e+2], "t": true, "f": false, "z": null}"#)
        #expect(out.recorder.records == [["$.n[]=0", "$.n[]=-1", "$.n[]=3.14", "$.n[]=1e10", "$.n[]=-2.5E-3", "$.n[]=10", "$.n[]=0.5e+2"]])
        #expect(read("42").recorder.records == [["$=42"]])
        for bad in ["[01]", "[1.]", "[-]", "[.5]", "[1e]", "[1e+]", "[+1]", "[tru]", "[nul]", "[1 2]", "{\"a\" 1}", "{\"a\":1,}", "[1,]", "{1:2}", "]"] {
            #expect(read(bad).error?.kind == .malformed, "\(bad)")
        }
    }

    @Test func tokenSizeLimit() {
        var limits = ReadLimits()
        limits.maxFieldBytes = 8
        #expect(read(#"["12345678"]"#, limits: limits).error == nil)
        for chunk in [1, 3, 100] {
            #expect(read(#"["123456789"]"#, chunk: chunk, limits: limits).error?.kind == .limit)
            #expect(read(#"[1234567890]"#, chunk: chunk, limits: limits).error?.kind == .limit)
        }
    }

    @Test func errorsNameThePositionNotTheContent() {
        let out = read("{\"email\": \"mari@example.ee\",\n \"x\": mari@example.ee}")
        #expect(out.error?.kind == .malformed)
        #expect(out.error?.message == "JSON syntax error (unexpected character) at byte 35, line 2")
        #expect(!(out.error?.message.contains("mari") ?? true))
        #expect(read("[\"abc").error?.message.contains("abc") == false)
    }

    @Test func keysInAnyOrderAndManyKeys() {
        let out = read(#"[{"a":"1","b":"2"},{"b":"3","a":"4"},{"c":"5","a":"6"},{"a":"7","a":"8"}]"#)
        #expect(out.recorder.records == [
            ["$[].a=1", "$[].b=2"], ["$[].b=3", "$[].a=4"], ["$[].c=5", "$[].a=6"], ["$[].a=7", "$[].a=8"],
        ])
        let keys = (0..<100).map { "\"k\($0)\":\"\($0)\"" }
        let wide = "[{" + keys.joined(separator: ",") + "},{" + keys.reversed().joined(separator: ",") + "}]"
        let many = read(wide)
        #expect(many.recorder.columns.count == 100)
        #expect(many.recorder.records.count == 2)
        #expect(many.recorder.records.last?.first == "$[].k99=99")
        #expect(many.recorder.records.last?.last == "$[].k0=0")
    }

    @Test func multipleTopLevelValues() {
        let out = read("{\"a\":1}\n{\"a\":2}\n")
        #expect(out.error == nil)
        #expect(out.recorder.records == [["$.a=1"], ["$.a=2"]])
        #expect(read("").recorder.events.isEmpty)
    }

    /// Names, phones and addresses under a key naming someone else (the ordering provider, a
    /// pet, a test) are not the record's person's; the patient's own stay personal.
    @Test func fieldsOfOtherEntitiesAreNotThePersons() {
        let doc = #"{"patient": {"name": "Mari Maasikas", "phone": "+37251234567"}, "orderingProvider": {"name": "Tartu Kliinik", "phone": "+3727318111", "address": {"street": "L. Puusepa 8"}}, "lemmikloomad": [{"nimi": "Miisu"}], "tests": [{"name": "Kliiniline eksoom"}]}"#
        let out = read(doc)
        #expect(out.error == nil)
        let r = out.recorder
        #expect(r.hint("$.patient.name") == .fullName)
        #expect(r.hint("$.patient.phone") == .phone)
        #expect(r.hint("$.orderingProvider.name") == .nonPersonal)
        #expect(r.hint("$.orderingProvider.phone") == .nonPersonal)
        #expect(r.hint("$.orderingProvider.address.street") == .nonPersonal)
        #expect(r.hint("$.lemmikloomad[].nimi") == .nonPersonal)
        #expect(r.hint("$.tests[].name") == .nonPersonal)
    }

    /// Typed JSON: DynamoDB's export (`"givenName": {"S": "Anthony"}`) and Firestore's REST
    /// documents (`"firstName": {"stringValue": "Zofia"}`, `mapValue.fields`, `arrayValue.values`):
    /// the type's key is no label; the value is the key above it.
    @Test func typedValuesAreTheirKeys() {
        let dynamo = read(#"{"Item": {"givenName": {"S": "Anthony"}, "email": {"S": "a.moore@example.com"}, "address": {"M": {"street": {"S": "12 Elm St"}}}, "visits": {"N": "4"}}}"#).recorder
        #expect(dynamo.hint("$.Item.givenName.S") == .firstName, "\(dynamo.events)")
        #expect(dynamo.hint("$.Item.email.S") == .email)
        #expect(dynamo.hint("$.Item.address.M.street.S") == .addressPart)
        #expect(dynamo.hint("$.Item.visits.N") == FieldHint.none)
        let firestore = read(#"{"fields": {"firstName": {"stringValue": "Zofia"}, "birthDate": {"timestampValue": "1982-05-18T00:00:00Z"}, "phones": {"arrayValue": {"values": [{"stringValue": "+48 601 234 567"}]}}, "passwordHash": {"stringValue": "$2b$12$abcdefghijklmnopqrstuv"}}}"#).recorder
        #expect(firestore.hint("$.fields.firstName.stringValue") == .firstName, "\(firestore.events)")
        #expect(firestore.hint("$.fields.birthDate.timestampValue") == .dateOfBirth)
        #expect(firestore.hint("$.fields.phones.arrayValue.values[].stringValue") == .phone)
        #expect(firestore.hint("$.fields.passwordHash.stringValue") == .credentials)
        let mongo = read(#"{"_id": {"$oid": "64f1c2"}, "telefon": {"$numberLong": "48787976037"}, "pesel": "49050660189"}"#).recorder
        #expect(mongo.hint("$.telefon.$numberLong") == .phone, "\(mongo.events)")
    }

    /// A card object's number (`"kaart": {"number": …, "tase": "kuld"}`) is the card.
    @Test func aCardsNumberUnderItsKey() {
        let r = read(#"{"PK-200001": {"kaart": {"number": "2853609691340", "tase": "kuld"}, "card": {"no": "4111111111111111"}}}"#).recorder
        // (`kaart` is a card column: a payment card when the value is one, else the loyalty card.)
        #expect(r.hint("$.*.kaart.number") == .paymentCard, "\(r.events)")
        #expect(r.hint("$.*.kaart.tase") == FieldHint.none)
        #expect(r.hint("$.*.card.no") == .paymentCard)
    }
}
