import Testing
@testable import BreachScope

/// Tables read like spreadsheet sheets (`SpreadsheetTable`): a form laid out as label and value
/// cells is one record.
@Suite struct SpreadsheetTableTests {
    static func read(_ rows: [[String]]) -> RecordingVisitor {
        var table = SpreadsheetTable()
        var visitor = RecordingVisitor()
        for (r, row) in rows.enumerated() {
            for (c, cell) in row.enumerated() where !cell.isEmpty {
                Array(cell.utf8).withUnsafeBufferPointer { table.cell($0, column: c, row: r + 1, visitor: &visitor) }
            }
            table.endRow(r + 1, visitor: &visitor)
        }
        table.finish(visitor: &visitor)
        return visitor
    }

    /// A referral's patient table (`Imię i nazwisko` | `Magdalena Wróbel`, `PESEL` | …): one
    /// record, each value under its label.
    @Test func aFormTableIsOneRecord() {
        let v = Self.read([
            ["Imię i nazwisko", "Magdalena Wróbel"], ["PESEL", "53090434204"], ["Data urodzenia", "04.09.1953"],
            ["Adres", "ul. Żeromskiego 113 m. 12, 60-859 Poznań"], ["Telefon", "+48 (72) 997-11-24"],
        ])
        #expect(v.recordStrings == ["Imię i nazwisko=Magdalena Wróbel|PESEL=53090434204|Data urodzenia=04.09.1953"
            + "|Adres=ul. Żeromskiego 113 m. 12, 60-859 Poznań|Telefon=+48 (72) 997-11-24"], "\(v.recordStrings)")
    }

    /// A two-column list of persons (a header, then names and phones) stays a table of records.
    @Test func aTwoColumnListIsATable() {
        let v = Self.read([["Nimi", "Telefon"], ["Mari Kask", "+372 5123 4567"], ["Jüri Tamm", "+372 5234 5678"]])
        #expect(v.recordStrings == ["Nimi=Mari Kask|Telefon=+372 5123 4567", "Nimi=Jüri Tamm|Telefon=+372 5234 5678"], "\(v.recordStrings)")
        // A totals row under it is no record.
        let totals = Self.read([["Nimi", "Telefon"], ["Mari Kask", "+372 5123 4567"], ["Jüri Tamm", "+372 5234 5678"], ["Kokku proove", "2"]])
        #expect(totals.recordStrings == v.recordStrings, "\(totals.recordStrings)")
    }
}
