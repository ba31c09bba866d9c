import BreachScope
import BreachScopeTesting
import Foundation
import Testing

/// End to end: an RTF letter, an HTML page in Windows-1257 (declared by `<meta charset>`) and
/// an XML export, plus an XML file renamed to `.txt`, are scanned; their people are found with
/// identifiers, names and e-mails, and `status` names the formats.
@Suite struct MarkupScanTests {
    struct Person { var id: String; var first: String; var last: String; var email: String; var name: String { "\(first) \(last)" } }

    @Test func markupDocumentsArePeople() throws {
        let fm = FileManager.default
        let dir = fm.temporaryDirectory.appendingPathComponent("bs-markup-e2e-\(UUID().uuidString)")
        try fm.createDirectory(at: dir, withIntermediateDirectories: true)
        defer { try? fm.removeItem(at: dir) }

        var rng = SeededRNG(seed: 3003)
        let names = [("Kadri", "Kask"), ("Jaan", "Saar"), ("Liis", "Mägi"), ("Peeter", "Õunapuu"), ("Mari", "Tamm"), ("Toomas", "Sepp"), ("Anu", "Põder")]
        let people = names.map { first, last in
            Person(id: Synthetic.nationalID(.eeIsikukood, using: &rng), first: first, last: last,
                   email: Synthetic.email(first: first, last: last, using: &rng))
        }
        // RTF: a letter (labelled lines, code-page escapes for non-ASCII letters) and a table.
        func rtfEscaped(_ s: String) -> String {
            s.unicodeScalars.map { u in
                switch u { case "ä": return #"\'e4"#; case "õ": return #"\'f5"#; case "Õ": return #"\'d5"#; default: return String(u) }
            }.joined()
        }
        func rtfRow(_ cells: [String]) -> String { #"\trowd\cellx2000\cellx4000\cellx6000\pard\intbl "# + cells.map { rtfEscaped($0) + #"\cell "# }.joined() + #"\pard\intbl\row"# + "\n" }
        var rtf = #"{\rtf1\ansi\ansicpg1257{\fonttbl{\f0\fcharset186 Arial;}}{\info{\author Koostaja}}\pard Saatekiri\par\par"# + "\n"
        rtf += "Nimi: \(rtfEscaped(people[0].name))\\par\nIsikukood: \(people[0].id)\\par\nE-post: \(people[0].email)\\par\\par\n"
        rtf += rtfRow(["Isikukood", "Nimi", "E-post"]) + rtfRow([people[1].id, people[1].name, people[1].email]) + #"\pard\par}"#
        try Data(rtf.utf8).write(to: dir.appendingPathComponent("saatekiri.rtf"))

        // HTML in Windows-1257, declared in <meta>: a labelled block and a table.
        let html = """
        <!DOCTYPE html><html><head><meta charset="windows-1257"><title>Kliendid</title></head><body>
        <div><p>Nimi: \(people[2].name)</p><p>Isikukood: \(people[2].id)</p><p>E-post: \(people[2].email)</p></div>
        <table><tr><th>Isikukood</th><th>Eesnimi</th><th>Perenimi</th><th>E-post</th></tr>
        <tr><td>\(people[3].id)</td><td>\(people[3].first)</td><td>\(people[3].last)</td><td>\(people[3].email)</td></tr>
        </table></body></html>
        """
        var cp1257: [UInt8] = []
        for u in html.unicodeScalars {
            switch u { case "ä": cp1257.append(0xE4); case "õ": cp1257.append(0xF5); case "Õ": cp1257.append(0xD5); default: cp1257.append(UInt8(u.value)) }
        }
        try Data(cp1257).write(to: dir.appendingPathComponent("kliendid.html"))

        // XML: repeated <patient> records; and one renamed to .txt.
        func xml(_ ps: ArraySlice<Person>) -> String {
            "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<export><patients>\n" + ps.map { p in
                "<patient><isikukood>\(p.id)</isikukood><eesnimi>\(p.first)</eesnimi><perenimi>\(p.last)</perenimi><email>\(p.email)</email></patient>\n"
            }.joined() + "</patients></export>\n"
        }
        try Data(xml(people[4...5]).utf8).write(to: dir.appendingPathComponent("export.xml"))
        try Data(xml(people[6...6]).utf8).write(to: dir.appendingPathComponent("renamed.txt"))

        let cli = CLIRunner(workspace: CLIRunner.temporaryWorkspace())
        defer { try? fm.removeItem(at: cli.workspace) }
        let scan = try cli.run(["scan", dir.path, "--quiet"])
        #expect(scan.status == 0, "\(scan.stderr)")
        let status = try cli.run(["status", "--all"]).stdout
        #expect(status.contains("saatekiri.rtf  [rtf, utf-8]"), "\(status)")
        #expect(status.contains("kliendid.html  [html, windows-1257 (declared)]"), "\(status)")
        #expect(status.contains("export.xml  [xml, utf-8]"), "\(status)")
        #expect(status.contains("renamed.txt  [xml, utf-8]"), "\(status)")

        let lines = try cli.run(["persons", "--format", "jsonl", "--reveal"]).stdout.split(separator: "\n")
        #expect(lines.count == people.count, "\(lines)")
        for p in people {
            let line = try #require(lines.first { $0.contains("\"value\":\"\(p.id)\"") }, "\(p.name)")
            let o = try JSONSerialization.jsonObject(with: Data(line.utf8)) as! [String: Any]
            #expect(o["name"] as? String == p.name, "\(line)")
            let elements = Set(o["elements"] as? [String] ?? [])
            #expect(elements.isSuperset(of: ["national_id", "name", "email"]), "\(line)")
            #expect(line.contains(p.email.lowercased()), "\(line)")
        }
    }
}
