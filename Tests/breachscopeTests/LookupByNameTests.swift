import Foundation
import Testing
import BreachScopeTesting

/// `lookup --name` with a birth date or an address: a subject-access request from someone whose
/// records may carry no identifier.
@Suite struct LookupByNameTests {
    struct Found: Decodable {
        struct Person: Decodable { var person: String; var name: String?; var documents: [String] }
        var person: Person
    }

    @Test func findsPersonsByNameWithBirthDateOrAddressInAnyCaseAndWordOrder() throws {
        var rng = SeededRNG(seed: 0x100C)
        let hetu = Synthetic.nationalID(.fiHetu, using: &rng)
        let other = Synthetic.nationalID(.fiHetu, using: &rng)
        let dir = try CLIRunner.temporaryDirectory("lookup-name")
        defer { try? FileManager.default.removeItem(at: dir) }
        // The register: Pirjo with her HETU and birth date, a namesake born another day.
        try Data("""
            Henkilötunnus;Nimi;Syntymäaika;Katuosoite;Postinumero;Postitoimipaikka
            \(hetu);Pirjo Räsänen;2.3.1961;Kauppakatu 4 B 7;48100;Kotka
            \(other);Pirjo Räsänen;17.9.1984;Mannerheimintie 10;00100;Helsinki

            """.utf8).write(to: dir.appendingPathComponent("asiakasrekisteri.csv"))
        // A route sheet: the name in capitals, surname first, no identifier.
        try Data("""
            AJOLISTA 14.3.2024

            Asiakas: RÄSÄNEN PIRJO
            Osoite: Kauppakatu 4 B 7, 48100 KOTKA

            """.utf8).write(to: dir.appendingPathComponent("ajolista.txt"))
        let cli = CLIRunner(workspace: CLIRunner.temporaryWorkspace())
        defer { try? FileManager.default.removeItem(at: cli.workspace) }
        #expect(try cli.run(["scan", dir.path, "--quiet"]).status == 0)

        func lookup(_ args: [String]) throws -> [Found] {
            let run = try cli.run(["lookup"] + args + ["--format", "json"])
            #expect(run.status == 0, "\(run.stderr)")
            return try JSONDecoder().decode([Found].self, from: Data(run.stdout.utf8))
        }
        // Birth date: the register's Pirjo only (not her namesake), whatever the name's case and order.
        let byBirth = try lookup(["--name", "räsänen pirjo", "--birth-date", "1961-03-02"])
        #expect(byBirth.count == 1)
        #expect(byBirth.first?.person.documents == ["asiakasrekisteri.csv"])
        #expect(try lookup(["--name", "Pirjo Räsänen", "--birth-date", "3.2.1961"]).isEmpty)   // 3 February
        // Address: the register row and the route-sheet stop (two persons until a reviewer
        // joins them), not the namesake in Helsinki; a partial address is enough.
        let byAddress = try lookup(["--name", "Pirjo Räsänen", "--address", "Kauppakatu 4 B 7, Kotka"])
        #expect(Set(byAddress.flatMap(\.person.documents)) == ["asiakasrekisteri.csv", "ajolista.txt"], "\(byAddress)")
        #expect(byAddress.count == 2)
        #expect(try lookup(["--name", "Pirjo Räsänen", "--address", "Kauppakatu 5, Kotka"]).isEmpty)
        #expect(try lookup(["--name", "Pirjo Virtanen", "--address", "Kauppakatu 4 B 7"]).isEmpty)
        // A national ID's birth date counts too: the namesake's register row gives no birth-date
        // column here, so only her HETU says when she was born.
        let hetuOnly = try CLIRunner.temporaryDirectory("lookup-hetu")
        defer { try? FileManager.default.removeItem(at: hetuOnly) }
        let third = Synthetic.nationalID(.fiHetu, using: &rng)
        try Data("hetu,nimi\n\(third),Aino Mäkelä\n".utf8).write(to: hetuOnly.appendingPathComponent("asiakkaat.csv"))
        #expect(try cli.run(["scan", hetuOnly.path, "--quiet"]).status == 0)
        let (dd, mm, yy) = (third.prefix(2), third.dropFirst(2).prefix(2), third.dropFirst(4).prefix(2))
        let century = ["+": "18", "-": "19", "Y": "19", "X": "19", "W": "19", "V": "19", "U": "19",
                       "A": "20", "B": "20", "C": "20", "D": "20", "E": "20", "F": "20"][String(third.dropFirst(6).prefix(1))]!
        let byHETU = try lookup(["--name", "MÄKELÄ AINO", "--birth-date", "\(century)\(yy)-\(mm)-\(dd)"])
        #expect(byHETU.map(\.person.documents) == [["asiakkaat.csv"]], "\(third)")
        #expect(try lookup(["--name", "Aino Mäkelä", "--birth-date", "\(century)\(yy)-\(mm)-\(Int(dd)! == 28 ? 27 : 28)"]).isEmpty)
        // Both parts must hold.
        #expect(try lookup(["--name", "Pirjo Räsänen", "--birth-date", "17.9.1984", "--address", "Kauppakatu 4 B 7"]).isEmpty)
        // Usage: a name alone, or a name with an identifier, is refused.
        #expect(try cli.run(["lookup", "--name", "Pirjo Räsänen"]).status == 64)
        #expect(try cli.run(["lookup", "--name", "Pirjo Räsänen", "--birth-date", "1961-03-02", "--email", "a@b.fi"]).status == 64)
        #expect(try cli.run(["lookup", "--name", "Pirjo Räsänen", "--birth-date", "31.2.1961"]).status != 0)
    }
}
