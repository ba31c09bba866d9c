import Testing
@testable import BreachScope

@Suite struct MongoShellReaderTests {
    static let session = #"""
        Current Mongosh Log ID:	ff062807879285d3f3386e56
        Connecting to:		mongodb://<credentials>@10.8.0.21:27017/evergreen?directConnection=true
        Using MongoDB:		4.4.24

        evergreen> db.accounts.countDocuments({ migratedFrom: 'PPS' })
        342
        evergreen> db.accounts.find({ migratedFrom: 'PPS' }, { passwordHash: 0 })
        [
          {
            _id: ObjectId("5c7a2f211683f1c296e64216"),
            email: 'm.scott@mail.example.com',
            name: { first: 'Mary', middle: 'F', last: 'Scott', suffix: null },
            displayName: 'Scott, Mary F.',
            phones: [ { type: 'mobile', number: '(212) 555-0172' } ],
            birthDate: ISODate("1973-07-13T00:00:00.000Z"),
            balance: Decimal128("1.5e-7"),
            flags: [Object],
            note: 'He said "hi", it\'s fine'
          },
          {
            _id: ObjectId("5c7ab72fd24d495fb10103a2"),
            email: 'a.brown@inbox.test',
            name: { first: 'Anthony', middle: null, last: 'Brown', suffix: null },
            blob: BinData(0, 'AQID'),
            phones: []
          }
        ]
        evergreen> db.accounts.findOne({ email: 'k.lee@example.org' })
        null
        """#

    /// A session: each printed document is a record with its fields by path; prompts and
    /// counts are text; a query's literal (`{ email: 'k.lee@…' }`) is read as text too.
    @Test func printedDocumentsAreRecords() {
        let doc = Array(Self.session.utf8)
        let whole = readDocument(MongoShellReader(), doc)
        #expect(whole.error == nil)
        let records = whole.visitor.recordStrings
        let mary = records.first { $0.contains("m.scott@mail.example.com") } ?? ""
        #expect(mary.contains("$[].name.first=Mary") && mary.contains("$[].phones[].number=(212) 555-0172")
                && mary.contains("$[].birthDate=1973-07-13T00:00:00.000Z") && mary.contains("He said \"hi\", it's fine"), "\(records)")
        #expect(!mary.contains("a.brown"), "\(records)")
        #expect(records.contains { $0.contains("a.brown@inbox.test") && $0.contains("Anthony") }, "\(records)")
        #expect(records.contains { $0.contains("k.lee@example.org") }, "\(records)")
        for size in [1, 7, 64] {
            #expect(readDocument(MongoShellReader(), doc, chunkSize: size).visitor.events == whole.visitor.events)
        }
        let bytes = Array(Self.session.utf8)
        #expect(bytes.withUnsafeBufferPointer { DocumentFormat.detect(path: "dev/mongosh_accounts_2019-03-02.txt", prefix: $0) } == .mongoShell)
        #expect(!MongoShellReader.startsValue(Array("[2023-09-01 10:00] INFO started".utf8)))
        #expect(MongoShellReader.startsValue(Array("{ _id: ObjectId(\"5c7a\"), email: 'x@y.z' }".utf8)))
    }

    /// A Neo4j Cypher export: each `UNWIND [{_id:…, properties:{…}}] AS row` batch is a printed
    /// value, its node's properties a record (`date("1946-02-19")` as its argument), under the
    /// label its statement sets (`SET n:Pacjent` on the next line, `MERGE (n:Lekarz{…})` after
    /// the list); the statements around it are text.
    @Test func cypherExportRowsAreRecords() {
        let doc = ":begin\nCREATE CONSTRAINT UNIQUE_IMPORT_NAME FOR (node:`UNIQUE IMPORT LABEL`) REQUIRE (node.`UNIQUE IMPORT ID`) IS UNIQUE;\n:commit\n:begin\n"
            + #"UNWIND [{_id:3, properties:{pesel:"46021924248", imie:"Ewa", nazwisko:"Ślusarczyk", dataUrodzenia:date("1946-02-19"), telefon:"573 291 259"}}] AS row"# + "\n"
            + "CREATE (n:`UNIQUE IMPORT LABEL`{`UNIQUE IMPORT ID`: row._id}) SET n += row.properties SET n:Pacjent;\n"
            + #"UNWIND [{pwz:"1234567", properties:{imie:"Marek", nazwisko:"Wróblewski"}}] AS row MERGE (n:Lekarz{pwz: row.pwz}) SET n += row.properties;"# + "\n"
            + #"UNWIND [{_id:4, properties:{pesel:"44033081078", imie:"Łukasz", nazwisko:"Mazur"}}] AS row"# + "\n:commit\n"
        let bytes = Array(doc.utf8)
        #expect(bytes.withUnsafeBufferPointer { DocumentFormat.detect(path: "neo4j/alab_export.cypher", prefix: $0) } == .mongoShell)
        let whole = readDocument(MongoShellReader(), bytes)
        #expect(whole.error == nil)
        let records = whole.visitor.recordStrings
        #expect(records.contains { $0.contains("$.Pacjent[].properties.pesel=46021924248") && $0.contains("$.Pacjent[].properties.imie=Ewa")
            && $0.contains("$.Pacjent[].properties.dataUrodzenia=1946-02-19") && !$0.contains("Mazur") }, "\(records)")
        #expect(records.contains { $0.contains("$.Lekarz[].properties.nazwisko=Wróblewski") && !$0.contains("Ewa") }, "\(records)")
        // (A batch whose statement names no label keeps its list's paths.)
        #expect(records.contains { $0.contains("$[].properties.pesel=44033081078") && $0.contains("$[].properties.nazwisko=Mazur") }, "\(records)")
        #expect(MongoShellReader.cypherLabel(Array("MATCH (n1:`UNIQUE IMPORT LABEL`{x: 1}) SET n:`Lab Doctor`;".utf8)) == Array("Lab Doctor".utf8))
        #expect(MongoShellReader.cypherLabel(Array("CREATE (start)-[r:ZLECIL]->(end) SET r += row.properties;".utf8)) == nil)
        for size in [1, 7, 64] {
            #expect(readDocument(MongoShellReader(), bytes, chunkSize: size).visitor.events == whole.visitor.events)
        }
    }
}
