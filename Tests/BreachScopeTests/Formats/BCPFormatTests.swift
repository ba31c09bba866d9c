import Foundation
import Testing
@testable import BreachScope
import BreachScopeTesting

/// A `bcp` format file names a header-less data file's columns and gives its terminator; the
/// data file is then read as a table with that header (its first row is data).
@Suite struct BCPFormatTests {
    static let xml = """
        <?xml version="1.0"?>
        <BCPFORMAT xmlns="http://schemas.microsoft.com/sqlserver/2004/bulkload/format" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">
         <RECORD>
          <FIELD ID="1" xsi:type="CharTerm" TERMINATOR="|" MAX_LENGTH="12"/>
          <FIELD ID="2" xsi:type="CharTerm" TERMINATOR="|" MAX_LENGTH="60"/>
          <FIELD ID="3" xsi:type="CharTerm" TERMINATOR="|" MAX_LENGTH="254"/>
          <FIELD ID="4" xsi:type="CharTerm" TERMINATOR="\\r\\n" MAX_LENGTH="11"/>
         </RECORD>
         <ROW>
          <COLUMN SOURCE="1" NAME="PATIENT_NO" xsi:type="SQLINT"/>
          <COLUMN SOURCE="2" NAME="LAST_NAME" xsi:type="SQLVARYCHAR"/>
          <COLUMN SOURCE="3" NAME="EMAIL_ADDR" xsi:type="SQLVARYCHAR"/>
          <COLUMN SOURCE="4" NAME="BIRTH_DATE" xsi:type="SQLDATE"/>
         </ROW>
        </BCPFORMAT>
        """

    @Test func bothFormsAreParsed() {
        #expect(BCPFormat.parse(Array(Self.xml.utf8)) == BCPFormat(columns: ["PATIENT_NO", "LAST_NAME", "EMAIL_ADDR", "BIRTH_DATE"], delimiter: UInt8(ascii: "|")))
        let plain = "14.0\n3\n1  SQLCHAR  0  12  \"\\t\"  1  PATIENT_NO  \"\"\n2  SQLCHAR  0  60  \"\\t\"  2  LAST_NAME  SQL_Latin1_General_CP1_CI_AS\n"
            + "3  SQLCHAR  0  11  \"\\r\\n\"  3  BIRTH_DATE  \"\"\n"
        #expect(BCPFormat.parse(Array(plain.utf8)) == BCPFormat(columns: ["PATIENT_NO", "LAST_NAME", "BIRTH_DATE"], delimiter: 0x09))
        #expect(BCPFormat.parse(Array("<root><a/></root>".utf8)) == nil)
        #expect(BCPFormat.parse(Array("just\nsome\ntext\nhere\n".utf8)) == nil)
    }

    @Test func theDataFileBesideIsReadWithTheNamedColumns() throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("bs-bcp-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: dir) }
        try Data(Self.xml.utf8).write(to: dir.appendingPathComponent("export.fmt"))
        let data = dir.appendingPathComponent("export.dat")
        try Data("100012|Wilson|carolwilson@webmail.test|1968-03-08\r\n".utf8).write(to: data)
        #expect(BCPFormat.beside(data.path)?.columns.count == 4)
        #expect(BCPFormat.beside(dir.appendingPathComponent("other.dat").path) == nil)
        var reader = CSVReader(delimiter: UInt8(ascii: "|"), classify: { FieldClassifier.hint(forLabel: $0) })
        reader.presetHeader = ["PATIENT_NO", "LAST_NAME", "EMAIL_ADDR", "BIRTH_DATE"]
        let r = readDocument(reader, Array("100012|Wilson|carolwilson@webmail.test|1968-03-08\r\n100018|Baker|m@example.com|\r\n".utf8))
        #expect(r.error == nil)
        #expect(r.visitor.recordStrings == [
            "PATIENT_NO=100012|LAST_NAME=Wilson|EMAIL_ADDR=carolwilson@webmail.test|BIRTH_DATE=1968-03-08",
            "PATIENT_NO=100018|LAST_NAME=Baker|EMAIL_ADDR=m@example.com",
        ], "\(r.visitor.recordStrings)")
        let hints = Dictionary(r.visitor.events.compactMap { if case let .declare(name, hint, _) = $0 { (name, hint) } else { nil } }, uniquingKeysWith: { a, _ in a })
        #expect(hints["BIRTH_DATE"] == .dateOfBirth && hints["LAST_NAME"] == .lastName, "\(hints)")
    }
}

/// A DB2 `EXPORT … OF DEL` file's columns, named by the CLP script that made it.
@Suite struct DB2ExportTests {
    static let script = """
        -- eksport wynikow dla hurtowni (uruchamiany z crona co noc)
        CONNECT TO LABPROD USER db2inst1;
        EXPORT TO /backup/export/WYNIKI.del OF DEL MODIFIED BY CODEPAGE=1250 COLDEL, DECPT.
          MESSAGES /backup/export/WYNIKI.msg
          SELECT z.NR_ZLECENIA, p.PESEL, p.NAZWISKO, p.IMIE, p.DATA_UR, COALESCE(b.GRUPA, 'X') AS GRUPA, w.WYNIK
            FROM LIS.ZLECENIA z JOIN LIS.PACJENCI p ON p.ID = z.PACJENT_ID;
        EXPORT TO /backup/export/INNE.del OF DEL SELECT a.X, a.Y FROM T a;
        CONNECT RESET;
        """

    @Test func columnsFromTheExportsSelect() throws {
        #expect(DB2Export.columns(in: Self.script, for: "wyniki.del") == ["NR_ZLECENIA", "PESEL", "NAZWISKO", "IMIE", "DATA_UR", "GRUPA", "WYNIK"])
        #expect(DB2Export.columns(in: Self.script, for: "inne.del") == ["X", "Y"])
        #expect(DB2Export.columns(in: Self.script, for: "other.del") == nil)
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("bs-db2-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: dir) }
        try Data(Self.script.utf8).write(to: dir.appendingPathComponent("export_wyniki.clp"))
        try Data("\"23081917134\",\"95102647534\"\n".utf8).write(to: dir.appendingPathComponent("WYNIKI.del"))
        #expect(DB2Export.beside(dir.appendingPathComponent("WYNIKI.del").path)?.first == "NR_ZLECENIA")
        #expect(DB2Export.beside(dir.appendingPathComponent("export_wyniki.clp").path) == nil)
    }
}
