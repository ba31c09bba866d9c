import Testing
import BreachScopeTesting
@testable import BreachScope

@Suite struct SQLDumpReaderTests {
    /// A classifier that knows a few labels (the real vocabulary is tested elsewhere).
    static let labels: @Sendable (String) -> FieldHint? = { label in
        switch label.lowercased() {
        case "email", "e_post": return .email
        case "nimi", "name": return .fullName
        case "isikukood": return .nationalID(.eeIsikukood)
        default: return nil
        }
    }

    static func read(_ text: String, limits: ReadLimits = .init(), chunkSize: Int = 0) -> (visitor: RecordingVisitor, error: ReadError?) {
        readDocument(SQLDumpReader(limits: limits, classify: labels), Array(text.utf8), chunkSize: chunkSize)
    }

    /// Reads whole and in chunks of 1…7 bytes and checks that the events and errors are identical.
    static func readAllChunkings(_ text: String, limits: ReadLimits = .init()) -> (visitor: RecordingVisitor, error: ReadError?) {
        let whole = read(text, limits: limits)
        for size in 1...7 {
            let chunked = read(text, limits: limits, chunkSize: size)
            #expect(chunked.visitor.events == whole.visitor.events, "chunk size \(size)")
            #expect(chunked.error == whole.error, "chunk size \(size)")
        }
        return whole
    }

    static func ik(_ seed: UInt64) -> String {
        var rng = SeededRNG(seed: seed)
        return Synthetic.nationalID(.eeIsikukood, using: &rng)
    }

    static func begins(_ v: RecordingVisitor) -> [Int] {
        v.events.compactMap { if case let .begin(line, _) = $0 { return line }; return nil }
    }

    static func declarations(_ v: RecordingVisitor) -> [String: FieldHint] {
        var out: [String: FieldHint] = [:]
        for e in v.events { if case let .declare(name, hint, _) = e { out[name] = hint } }
        return out
    }

    @Test func pgDumpCopyBlock() {
        let a = Self.ik(1), b = Self.ik(2)
        let dump = """
        --
        -- PostgreSQL database dump
        --

        SET statement_timeout = 0;
        SET standard_conforming_strings = on;
        \\connect apteek

        CREATE TABLE public.customers (
            id integer NOT NULL,
            isikukood character varying(11),
            nimi text,
            "Email" text,
            CONSTRAINT customers_pkey PRIMARY KEY (id)
        );

        CREATE FUNCTION public.f() RETURNS trigger AS $_$ BEGIN INSERT INTO x VALUES ('not data'); RETURN NEW; END; $_$ LANGUAGE plpgsql;

        COPY public.customers (id, isikukood, nimi, "Email") FROM stdin;
        1\t\(a)\tMari Testmets\tmari.testmets@example.com
        2\t\(b)\tJüri Näide\\tnoorem\t\\N
        3\t\\N\tAnn O'Test\\\\x\tann@example.org
        \\.

        SELECT pg_catalog.setval('public.customers_id_seq', 3, true);
        """
        let r = Self.readAllChunkings(dump)
        #expect(r.error == nil)
        #expect(r.visitor.recordStrings == [
            "customers.id=1|customers.id (row key)=1|customers.isikukood=\(a)|customers.nimi=Mari Testmets|customers.Email=mari.testmets@example.com",
            "customers.id=2|customers.id (row key)=2|customers.isikukood=\(b)|customers.nimi=Jüri Näide\tnoorem",
            "customers.id=3|customers.id (row key)=3|customers.nimi=Ann O'Test\\x|customers.Email=ann@example.org",
        ])
        #expect(Self.begins(r.visitor) == [20, 21, 22])
        let hints = Self.declarations(r.visitor)
        #expect(hints["customers.isikukood"] == .nationalID(.eeIsikukood))
        #expect(hints["customers.nimi"] == .fullName)
        #expect(hints["customers.Email"] == .email)
        #expect(hints["customers.id"] == FieldHint.none)
        #expect(hints["customers.id (row key)"] == .linkKey(namespace: "sql:customer"))
    }

    /// A table's `id` and another table's `<table>_id` are the same rows' keys: a customer's
    /// address row (`aadress.klient_id`) joins the customer's row (`klient.id`).
    @Test func rowKeysJoinTablesOfADump() {
        #expect(SQLDumpReader.relationNamespace(table: "klient", column: "id") == "sql:klient")
        #expect(SQLDumpReader.relationNamespace(table: "aadress", column: "klient_id") == "sql:klient")
        #expect(SQLDumpReader.relationNamespace(table: "public.customers", column: "ID") == "sql:customer")
        #expect(SQLDumpReader.relationNamespace(table: "Aadress", column: "KlientID") == "sql:klient")
        #expect(SQLDumpReader.relationNamespace(table: "Orders", column: "CustomerId") == "sql:customer")
        // Magento: a table's own key named for its last word; `parent_id` of the table named
        // without one word; references to lookup tables join no one.
        #expect(SQLDumpReader.relationNamespace(table: "customer_entity", column: "entity_id") == "sql:customer_entity")
        #expect(SQLDumpReader.relationNamespace(table: "customer_address_entity", column: "entity_id") == "sql:customer_address_entity")
        #expect(SQLDumpReader.relationNamespace(table: "customer_address_entity", column: "parent_id",
                                                tables: ["customer_entity", "customer_address_entity"]) == "sql:customer_entity")
        #expect(SQLDumpReader.relationNamespace(table: "customer_address_entity", column: "parent_id") == "sql:parent")
        for lookup in ["website_id", "store_id", "group_id", "country_id", "region_id"] {
            #expect(SQLDumpReader.relationNamespace(table: "customer_entity", column: lookup) == nil, "\(lookup)")
        }
        #expect(SQLDumpReader.relationNamespace(table: "Customers", column: "StoreId") == nil)
        for lookup in ["customer_group_id", "billing_country_id", "order_status_id"] {
            #expect(SQLDumpReader.relationNamespace(table: "orders", column: lookup) == nil, "\(lookup)")
        }
        #expect(SQLDumpReader.relationNamespace(table: "orders", column: "customer_id") == "sql:customer")
        #expect(SQLDumpReader.relationNamespace(table: "x", column: "UUID") == nil)
        #expect(SQLDumpReader.relationNamespace(table: "x", column: "Paid") == nil)
        #expect(SQLDumpReader.relationNamespace(table: "orders", column: "customer_id") == "sql:customer")
        #expect(SQLDumpReader.relationNamespace(table: "orders", column: "total") == nil)
        #expect(SQLDumpReader.relationNamespace(table: "orders", column: "pid") == nil)
    }

    @Test func mysqldumpMultiRowInsertWithEscapes() {
        let dump = """
        -- MySQL dump 10.13  Distrib 8.0.36, for Linux (x86_64)
        /*!40101 SET NAMES utf8mb4 */;
        DROP TABLE IF EXISTS `orders`;
        CREATE TABLE `orders` (
          `id` int NOT NULL AUTO_INCREMENT,
          `name` varchar(100) DEFAULT NULL,
          `note` text,
          `total` decimal(10,2) DEFAULT NULL,
          PRIMARY KEY (`id`),
          KEY `idx_name` (`name`),
          UNIQUE KEY `u` (`note`(10))
        ) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4;
        LOCK TABLES `orders` WRITE;
        INSERT INTO `orders` VALUES (1,'Mari Testmets','it\\'s \\"quoted\\"\\nline2',-12.50),(2,'Jaan O''Näide','C:\\\\temp',NULL),
        (3,_binary 'bin',  'x;y)z', 1e-05);
        UNLOCK TABLES;
        """
        let r = Self.readAllChunkings(dump)
        #expect(r.error == nil)
        #expect(r.visitor.recordStrings == [
            "orders.id=1|orders.id (row key)=1|orders.name=Mari Testmets|orders.note=it's \"quoted\"\nline2|orders.total=-12.50",
            "orders.id=2|orders.id (row key)=2|orders.name=Jaan O'Näide|orders.note=C:\\temp",
            "orders.id=3|orders.id (row key)=3|orders.name=bin|orders.note=x;y)z|orders.total=1e-05",
        ])
        #expect(Self.begins(r.visitor) == [14, 14, 15])
    }

    @Test func insertWithAndWithoutColumnList() {
        let dump = """
        SET standard_conforming_strings = on;
        INSERT INTO public.people (email, nimi) VALUES ('kask@example.com', 'Kask Testija');
        INSERT INTO public.people (nimi) VALUES (E'Tamm\\tTestija'), ('C:\\dir');
        INSERT INTO misc VALUES ('a', 42, 'x'::text, NULL, DEFAULT, true, '2024-01-02'::date);
        INSERT INTO t2 OVERRIDING SYSTEM VALUE VALUES (7) ON CONFLICT DO NOTHING;
        INSERT INTO t3 SELECT * FROM t2;
        """
        let r = Self.readAllChunkings(dump)
        #expect(r.error == nil)
        #expect(r.visitor.recordStrings == [
            "people.email=kask@example.com|people.nimi=Kask Testija",
            "people.nimi=Tamm\tTestija",
            "people.nimi=C:\\dir",
            "misc.column1=a|misc.column2=42|misc.column3=x|misc.column7=2024-01-02",
            "t2.column1=7",
        ])
    }

    @Test func createTableColumnsNameTheValues() {
        let dump = """
        CREATE TABLE IF NOT EXISTS "Kliendid" (
            "isikukood" char(11) NOT NULL,
            e_post varchar(80) CHECK (e_post LIKE '%@%'),
            LIKE other_table,
            CONSTRAINT pk PRIMARY KEY ("isikukood")
        );
        INSERT INTO "Kliendid" VALUES ('\(Self.ik(3))', 'linda@example.net', 'extra');
        """
        let r = Self.readAllChunkings(dump)
        #expect(r.error == nil)
        #expect(r.visitor.recordStrings == ["Kliendid.isikukood=\(Self.ik(3))|Kliendid.e_post=linda@example.net|Kliendid.column3=extra"])
    }

    @Test func unlabelledColumnsAreSampledAndRowsKeepTheirOrder() {
        // 70 rows: the first 64 are held back and classified, the rest follow directly; a second
        // table's rows come after the first table's.
        var dump = "INSERT INTO a (x, y) VALUES\n"
        let ids = (0..<70).map { Self.ik(100 + UInt64($0)) }
        dump += ids.enumerated().map { "(\($0.offset), '\($0.element)')" }.joined(separator: ",\n") + ";\n"
        dump += "INSERT INTO b (z) VALUES ('one'), ('two');\n"
        let r = Self.readAllChunkings(dump)
        #expect(r.error == nil)
        let hints = Self.declarations(r.visitor)
        #expect(hints["a.y"] == .nationalID(.eeIsikukood))
        #expect(r.visitor.recordStrings.count == 72)
        #expect(r.visitor.recordStrings.first == "a.x=0|a.y=\(ids[0])")
        #expect(r.visitor.recordStrings[69] == "a.x=69|a.y=\(ids[69])")
        #expect(r.visitor.recordStrings.suffix(2) == ["b.z=one", "b.z=two"])
        #expect(Self.begins(r.visitor).prefix(3) == [2, 3, 4])
    }

    /// A dump of INSERTs without a column list whose table was created in another file: its
    /// first and last names' neighbouring columns are told apart by their values, as in a
    /// header-less CSV.
    @Test func aNamelessTablesNameColumnsAreSampled() {
        let first = ["Kimberly", "Sandra", "Dorothy", "Anthony", "Betty", "Ashley", "Jason", "Barbara", "Carol", "Gary",
                     "Maria", "Paul"]
        let last = ["Schmidt", "Ramirez", "Thompson", "Washington", "Ramirez", "Nguyen", "Nakamura", "Anderson", "Sanchez",
                    "Rodriguez", "De la Cruz", "O''Brien"]
        var dump = "BEGIN TRANSACTION;\n"
        for k in first.indices {
            dump += "INSERT INTO \"patient_link\" VALUES(\(90001 + k),'P\(95535656 + 7919 * k)','\(first[k])','\(last[k])',"
                + "'\(first[k].lowercased())\(k)@example.net',NULL,NULL);\n"
        }
        dump += "COMMIT;\n"
        let r = Self.readAllChunkings(dump)
        #expect(r.error == nil)
        let hints = Self.declarations(r.visitor)
        #expect(hints["patient_link.column3"] == .firstName)
        #expect(hints["patient_link.column4"] == .lastName)
        #expect(hints["patient_link.column5"] == .email)
        #expect(r.visitor.recordStrings.last == "patient_link.column1=90012|patient_link.column2=P95622765"
            + "|patient_link.column3=Paul|patient_link.column4=O'Brien|patient_link.column5=paul11@example.net")
    }

    @Test func commentsAndOtherStatementsAreIgnored() {
        let dump = """
        -- INSERT INTO x VALUES ('comment');
        /* INSERT INTO x VALUES ('block'); */
        DELIMITER ;;
        DELIMITER ;
        UPDATE x SET a = 'no';
        INSERT INTO x VALUES ('yes' /* inline */, 'a--b', 'c/*d*/'); -- trailing
        """
        let r = Self.readAllChunkings(dump)
        #expect(r.error == nil)
        #expect(r.visitor.recordStrings == ["x.column1=yes|x.column2=a--b|x.column3=c/*d*/"])
    }

    /// Oracle SQL Developer's export: a date is a `to_date` call whose format mask says a
    /// two-digit year (`RR`) is read with its century; a four-digit one as written; a function
    /// call's other arguments are no values.
    @Test func oracleDatesWithTheirMasks() {
        let dump = """
        Insert into LOYALTY.KLIENT (KLIENT_ID,EESNIMI,SUNNIAEG,LOODUD) values (102871,'Urmas',to_date('19.11.62','DD.MM.RR'),to_timestamp('04.01.2019 07:05:54,056315000','DD.MM.RRRR HH24:MI:SSXFF'));
        Insert into LOYALTY.KLIENT (KLIENT_ID,EESNIMI,SUNNIAEG,LOODUD) values (102462,'Kadri',to_date('14.02.05','DD.MM.RR'),null);
        Insert into LOYALTY.KLIENT (KLIENT_ID,EESNIMI,SUNNIAEG,LOODUD) values (101044,'Aleksandr',to_date('02.09.1956','DD.MM.RRRR'),null);
        """
        let r = Self.readAllChunkings(dump)
        #expect(r.error == nil)
        #expect(r.visitor.recordStrings == [
            "KLIENT.KLIENT_ID=102871|KLIENT.KLIENT_ID (row key)=102871|KLIENT.EESNIMI=Urmas|KLIENT.SUNNIAEG=19.11.1962|KLIENT.LOODUD=04.01.2019 07:05:54,056315000",
            "KLIENT.KLIENT_ID=102462|KLIENT.KLIENT_ID (row key)=102462|KLIENT.EESNIMI=Kadri|KLIENT.SUNNIAEG=14.02.2005",
            "KLIENT.KLIENT_ID=101044|KLIENT.KLIENT_ID (row key)=101044|KLIENT.EESNIMI=Aleksandr|KLIENT.SUNNIAEG=02.09.1956",
        ], "\(r.visitor.recordStrings)")
        #expect(SQLDumpReader.expandingTwoDigitYear(Array("70-05-13".utf8), mask: Array("YY-MM-DD".utf8)) == Array("1970-05-13".utf8))
        #expect(SQLDumpReader.expandingTwoDigitYear(Array("13.05.70".utf8), mask: Array("DD.MM.YYYY".utf8)) == Array("13.05.70".utf8))
    }

    /// A SQL Server script (SSMS "Generate Scripts"): bracketed identifiers, `INSERT` without
    /// `INTO`, `N'…'` strings, `CAST(… AS Date)`, statements without `;` ended by the next line's
    /// statement or a `GO` batch line; a multi-line `CREATE TABLE` names the columns.
    @Test func sqlServerScript() {
        let id1 = Self.ik(41), id2 = Self.ik(42), id3 = Self.ik(43)
        let script = """
        USE [LoyaltyDB]
        GO
        SET ANSI_NULLS ON
        GO
        CREATE TABLE [dbo].[Klient](
        \t[KlientID] [int] IDENTITY(1,1) NOT NULL,
        \t[Isikukood] [nvarchar](11) NULL,
        \t[Nimi] [nvarchar](50) NOT NULL,
         CONSTRAINT [PK_Klient] PRIMARY KEY CLUSTERED
        (
        \t[KlientID] ASC
        )WITH (PAD_INDEX = OFF) ON [PRIMARY]
        ) ON [PRIMARY]
        GO
        SET IDENTITY_INSERT [dbo].[Klient] ON
        INSERT [dbo].[Klient] ([KlientID], [Isikukood], [Nimi]) VALUES (1093, N'\(id1)', N'Kaido Lepik')
        INSERT [dbo].[Klient] ([KlientID], [Isikukood], [Nimi]) VALUES (1094, N'\(id2)', N'O''Brien Mari')
        GO
        INSERT [dbo].[Klient] VALUES (1095, N'\(id3)', CAST(N'Mari Maasikas' AS nvarchar(50)))
        SET IDENTITY_INSERT [dbo].[Klient] OFF
        GO
        """
        let r = Self.readAllChunkings(script)
        #expect(r.error == nil)
        #expect(r.visitor.recordStrings == [
            "Klient.KlientID=1093|Klient.KlientID (row key)=1093|Klient.Isikukood=\(id1)|Klient.Nimi=Kaido Lepik",
            "Klient.KlientID=1094|Klient.KlientID (row key)=1094|Klient.Isikukood=\(id2)|Klient.Nimi=O'Brien Mari",
            "Klient.KlientID=1095|Klient.KlientID (row key)=1095|Klient.Isikukood=\(id3)|Klient.Nimi=Mari Maasikas",
        ], "\(r.visitor.recordStrings)")
    }

    @Test func malformed() {
        let unterminatedString = Self.readAllChunkings("INSERT INTO t VALUES ('a'), ('b\n\nno end")
        #expect(unterminatedString.error == ReadError(.malformed, "unterminated string starting at line 1"))
        #expect(unterminatedString.visitor.recordStrings == ["t.column1=a"], "rows before the error are kept")

        let unterminatedTuple = Self.readAllChunkings("INSERT INTO t VALUES ('a'),\n('b', 2")
        #expect(unterminatedTuple.error == ReadError(.malformed, "unterminated VALUES tuple starting at line 2"))

        let unterminatedCopy = Self.readAllChunkings("COPY t (a) FROM stdin;\nx\ny")
        #expect(unterminatedCopy.error == ReadError(.malformed, "COPY data starting at line 1 ends without \\."))
        #expect(unterminatedCopy.visitor.recordStrings == ["t.a=x", "t.a=y"])

        var limits = ReadLimits()
        limits.maxFieldBytes = 16
        let secret = "Salajane Nimi Testlane"
        let long = Self.readAllChunkings("INSERT INTO t VALUES ('ok'),\n('\(secret)');", limits: limits)
        #expect(long.error?.kind == .limit)
        #expect(long.error?.message.contains("line 2") == true)
        #expect(long.error?.message.contains("Salajane") == false, "messages never carry content")
        let longCopy = Self.readAllChunkings("COPY t (a) FROM stdin;\n\(secret)\n\\.\n", limits: limits)
        #expect(longCopy.error?.kind == .limit)
    }

    @Test func formatDetection() {
        func detect(_ path: String, _ text: String) -> DocumentFormat {
            Array(text.utf8).withUnsafeBufferPointer { DocumentFormat.detect(path: path, prefix: $0) }
        }
        #expect(detect("leak/db.SQL", "just some words") == .sql)
        #expect(detect("backup", "--\n-- PostgreSQL database dump\n--\n\nSET statement_timeout = 0;\n") == .sql)
        #expect(detect("backup", "-- MySQL dump 10.13\n/*!40101 SET NAMES utf8mb4 */;\n") == .sql)
        #expect(detect("dump_2024", "/* export */\n\nSET NAMES utf8;\nCREATE TABLE x (a int);\nINSERT INTO x VALUES (1);\n") == .sql)
        #expect(detect("dump_2024", "insert into x (a, b) values (1, 2);\n") == .sql)
        // Prose that mentions a statement is not a dump; the extension still decides for .txt.
        #expect(detect("notes", "Meeting notes\nWe ran INSERT INTO customers by hand.\nCREATE TABLE later\n") == .text)
        #expect(detect("notes.txt", "CREATE TABLE x (a int);\n") == .text)
        #expect(detect("data", "nimi;telefon\nMari;5555 0101\nJüri;5555 0102\n") == .csv)
    }
}
