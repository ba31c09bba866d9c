import BreachScopeTesting
import Foundation
import Testing

/// Mail end to end: a folder with `mail.eml` (encoded-word sender, recipients, quoted-printable
/// ISO-8859-15 body, base64 CSV attachment) and `box.mbox` (two messages). Every message part is
/// a document (`mail.eml!/headers.txt`, `mail.eml!/body.txt`, `mail.eml!/patients.csv`,
/// `box.mbox!/message-0001.eml!/…`); the sender is one person with name and e-mail, the
/// recipients are persons, and the people in the attachment are found under its member name.
@Suite struct MailScanTests {
    static func isikukood(_ seed: UInt64) -> String {
        var rng = SeededRNG(seed: seed)
        return Synthetic.nationalID(.eeIsikukood, using: &rng)
    }

    @Test func mailPartsAreDocumentsAndPersonsInsideAreFound() throws {
        let root = try CLIRunner.temporaryDirectory("mail-e2e")
        defer { try? FileManager.default.removeItem(at: root) }
        let dir = root.appendingPathComponent("leak"), tmp = root.appendingPathComponent("tmp")
        for d in [dir, tmp] { try FileManager.default.createDirectory(at: d, withIntermediateDirectories: true) }
        let id1 = Self.isikukood(401), id2 = Self.isikukood(402)
        let csv = "nimi,isikukood,e-post\nLiis Kask,\(id1),liis.kask@example.ee\nPeeter Õunapuu,\(id2),peeter.ounapuu@example.ee\n"
        let encoded = Data(csv.utf8).base64EncodedString(options: [.lineLength76Characters, .endLineWithCarriageReturn, .endLineWithLineFeed])
        let sender = "=?UTF-8?B?" + Data("Mari Maasikas".utf8).base64EncodedString() + "?="
        let mail = """
            Received: from mail.example.ee by mx.example.ee; Mon, 2 Oct 2023 10:00:00 +0300\r
            From: \(sender) <mari.maasikas@example.ee>\r
            To: Jaan Tamm <jaan.tamm@example.ee>\r
            Subject: nimekiri\r
            MIME-Version: 1.0\r
            Content-Type: multipart/mixed; boundary="b1"\r
            \r
            --b1\r
            Content-Type: text/plain; charset=iso-8859-15\r
            Content-Transfer-Encoding: quoted-printable\r
            \r
            Tere! Manuses on nimekiri. Ats =D5unapuu\r
            --b1\r
            Content-Type: text/csv\r
            Content-Disposition: attachment; filename="patients.csv"\r
            Content-Transfer-Encoding: base64\r
            \r
            \(encoded)\r
            --b1--\r

            """
        try mail.write(to: dir.appendingPathComponent("mail.eml"), atomically: true, encoding: .utf8)
        let mbox = """
            From kati@example.ee Mon Oct  2 10:00:00 2023
            From: Kati Kask <kati.kask@example.ee>
            To: mari.maasikas@example.ee
            Subject: one

            Esimene kiri.

            From toomas@example.ee Mon Oct  2 11:00:00 2023
            From: "Toomas Tamm" <toomas.tamm@example.ee>
            Subject: two
            Content-Type: text/html; charset=utf-8

            <p>Teine kiri.</p>

            """
        try mbox.write(to: dir.appendingPathComponent("box.mbox"), atomically: true, encoding: .utf8)

        var cli = CLIRunner(workspace: CLIRunner.temporaryWorkspace())
        cli.environment["TMPDIR"] = tmp.path
        defer { try? FileManager.default.removeItem(at: cli.workspace) }
        let scan = try cli.run(["scan", dir.path, "--quiet"])
        #expect(scan.status == 0, "\(scan.stderr)")
        #expect(try FileManager.default.contentsOfDirectory(atPath: tmp.path).isEmpty, "temporary area removed")

        let status = try JSONSerialization.jsonObject(with: Data(try cli.run(["status", "--all", "--format", "json"]).stdout.utf8)) as! [String: Any]
        var outcome: [String: String] = [:]
        for d in status["documents"] as! [[String: Any]] { outcome[d["document"] as! String] = d["status"] as? String }
        let expected = [
            "mail.eml", "mail.eml!/headers.txt", "mail.eml!/body.txt", "mail.eml!/patients.csv",
            "box.mbox", "box.mbox!/message-0001.eml", "box.mbox!/message-0001.eml!/headers.txt", "box.mbox!/message-0001.eml!/body.txt",
            "box.mbox!/message-0002.eml", "box.mbox!/message-0002.eml!/headers.txt", "box.mbox!/message-0002.eml!/body.txt",
        ]
        #expect(Set(outcome.keys) == Set(expected), "\(outcome.keys.sorted())")
        #expect(outcome.values.allSatisfy { $0 == "scanned" }, "\(outcome)")
        let text = try cli.run(["status", "--all"]).stdout
        #expect(text.contains("mail.eml  [archive, eml, 3 members]"), "\(text)")
        #expect(text.contains("box.mbox  [archive, mbox, 2 members]"), "\(text)")

        struct Row { var ids: [String: String]; var name: String?; var documents: [String] }
        let rows: [Row] = try cli.run(["persons", "--reveal"]).stdout.split(separator: "\n").map { line in
            let o = try JSONSerialization.jsonObject(with: Data(line.utf8)) as! [String: Any]
            var ids: [String: String] = [:]
            for i in o["identifiers"] as? [[String: String]] ?? [] { ids[i["value"] ?? ""] = i["type"] }
            return Row(ids: ids, name: o["name"] as? String, documents: o["documents"] as? [String] ?? [])
        }
        func person(_ value: String) -> Row? { rows.first { $0.ids[value] != nil } }
        let mari = try #require(person("mari.maasikas@example.ee"), "\(rows)")
        #expect(mari.name == "Mari Maasikas", "name and e-mail of the sender are one person")
        #expect(mari.documents.contains("mail.eml!/headers.txt"))
        #expect(mari.documents.contains("box.mbox!/message-0001.eml!/headers.txt"), "the same address is the same person")
        #expect(rows.filter { $0.ids["mari.maasikas@example.ee"] != nil }.count == 1)
        #expect(person("jaan.tamm@example.ee")?.name == "Jaan Tamm")
        #expect(person("kati.kask@example.ee")?.name == "Kati Kask")
        #expect(person("toomas.tamm@example.ee")?.name == "Toomas Tamm")
        let liis = try #require(person(id1))
        #expect(liis.ids["liis.kask@example.ee"] == "email")
        #expect(liis.documents == ["mail.eml!/patients.csv"])
        #expect(person(id2)?.documents == ["mail.eml!/patients.csv"])
        #expect(person(id2)?.name == "Peeter Õunapuu")
    }
}
