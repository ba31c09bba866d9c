import Testing
@testable import BreachScope

/// An Informix `dbexport` schema: each unload file's table and its columns (not its
/// constraints), the delimiter, and the row keys a table's `id` and another's `pacjent_id` hold.
@Suite struct InformixExportTests {
    @Test func schemaNamesEachUnloadFilesColumns() {
        let schema = """
            { DATABASE labdb  delimiter ; }
            { unload file name = pacje00100.unl number of rows = 222 }
            create table "informix".pacjent
              (
                id serial not null ,
                pesel char(11),
                kwota decimal(8,2),
                primary key (id)
              );
            { unload file name = wynik00101.unl number of rows = 633 }
            create table "informix".wynik (id serial, pacjent_id integer, nr_zlecenia char(10), unique (nr_zlecenia));
            """
        let tables = InformixExport.tables(in: schema)
        #expect(tables?.map(\.file) == ["pacje00100.unl", "wynik00101.unl"])
        #expect(tables?.map(\.name) == ["pacjent", "wynik"])
        #expect(tables?.first?.columns == ["id", "pesel", "kwota"])
        #expect(tables?.last?.columns == ["id", "pacjent_id", "nr_zlecenia"])
        #expect(InformixExport.delimiter(in: schema) == UInt8(ascii: ";"))
        #expect(InformixExport.delimiter(in: "{ DATABASE x }") == UInt8(ascii: "|"))
        #expect(InformixExport.tables(in: "create table x (a int, b int);") == nil)
    }
}
