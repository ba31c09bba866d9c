@testable import BreachScope
import BreachScopeTesting
import Foundation
import Testing

/// Archive expansion: member naming (`outer.zip!/dir/inner.tar.gz!/file.csv`), member bytes
/// extracted only into the temporary area (also for `../` names), nesting limit, zip-bomb
/// ratio limit, encrypted ZIP members, tar links, damaged archives, and the tar header reader.
@Suite struct ArchiveExpanderTests {
    static func folder() throws -> URL {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("bs-arch-unit-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        return dir
    }

    static func expand(_ dir: URL, _ limits: ArchiveLimits = ArchiveLimits()) throws -> ([WalkedFile], ArchiveExpander) {
        let expander = try ArchiveExpander(limits: limits)
        return (expander.expand(try Walker.walk([dir.path])) { _ in false }, expander)
    }

    static func bytes(_ expander: ArchiveExpander, _ f: WalkedFile) throws -> [UInt8] {
        let path = try #require(try expander.materialize(f, cache: ArchiveExpander.ZipCache()))
        #expect(path.hasPrefix(expander.temporaryArea.path + "/"), "extracted inside the temporary area")
        defer { unlink(path) }
        return Array(try Data(contentsOf: URL(fileURLWithPath: path)))
    }

    /// A `git format-patch` file is a container: its commit message, and per changed file the
    /// file after the patch (context and added lines) and, with removed lines, before it. Its
    /// author's mail header is no member. A diff without hunks is read as text; a zip's patch
    /// member is expanded too.
    @Test func formatPatchMembersAreTheChangedFiles() throws {
        let dir = try Self.folder()
        defer { try? FileManager.default.removeItem(at: dir) }
        let patch = """
            From d3016ba1948db230492a0791bce0fb1307557857 Mon Sep 17 00:00:00 2001
            From: Mihkel Arendaja <arendaja.mihkel@apteek.test>
            Date: Tue, 12 Sep 2023 16:02:11 +0300
            Subject: [PATCH] Lisa kliendid

            Testid vajavad andmeid.
            ---
             test/fixtures/customers.csv | 3 ++-

            diff --git a/test/fixtures/customers.csv b/test/fixtures/customers.csv
            index 3b18e51..a4c2d0f 100644
            --- a/test/fixtures/customers.csv
            +++ b/test/fixtures/customers.csv
            @@ -1,3 +1,4 @@
             id,personal_code,first_name,last_name
            -3,33785921539,Test3,Klient
            +100066,36611079086,Jüri,Kask

            +100131,46311039017,Olga,Belova
            diff --git a/README.md b/README.md
            --- a/README.md
            +++ b/README.md
            @@ -10 +10 @@
            -old line
            +new line
            \\ No newline at end of file
            --\u{20}
            2.39.2

            """
        try Data(patch.utf8).write(to: dir.appendingPathComponent("0001-Lisa-kliendid.patch"))
        try Data("diff --git a/x b/x\nBinary files a/x and b/x differ\n".utf8).write(to: dir.appendingPathComponent("binary.diff"))
        try ArchiveFixture.zip(dir.appendingPathComponent("repo.zip"), [("fix.patch", Array(patch.utf8))])
        let (files, expander) = try Self.expand(dir)
        defer { expander.removeTemporaryArea() }
        let p = "0001-Lisa-kliendid.patch"
        #expect(files.map(\.name) == [p, p + "!/message.txt", p + "!/test/fixtures/customers.csv", p + "!/test/fixtures/customers.csv (before)",
                                      p + "!/README.md", p + "!/README.md (before)", "binary.diff",
                                      "repo.zip", "repo.zip!/fix.patch", "repo.zip!/fix.patch!/message.txt",
                                      "repo.zip!/fix.patch!/test/fixtures/customers.csv", "repo.zip!/fix.patch!/test/fixtures/customers.csv (before)",
                                      "repo.zip!/fix.patch!/README.md", "repo.zip!/fix.patch!/README.md (before)"], "\(files.map(\.name))")
        #expect(files[0].container == "patch, 5 members")
        func text(_ f: WalkedFile) throws -> String { String(decoding: try Self.bytes(expander, f), as: UTF8.self) }
        #expect(try text(files[1]) == "Testid vajavad andmeid.\n---\n test/fixtures/customers.csv | 3 ++-\n\n")
        #expect(try text(files[2]) == "id,personal_code,first_name,last_name\n100066,36611079086,Jüri,Kask\n\n100131,46311039017,Olga,Belova\n")
        #expect(try text(files[3]) == "id,personal_code,first_name,last_name\n3,33785921539,Test3,Klient\n\n")
        #expect(try text(files[4]) == "new line\n")
        #expect(files[6].container == nil && files[6].member == nil, "no hunk: the diff is read as text")
        #expect(!(try text(files[9])).contains("arendaja"), "the author's header is no member")
    }

    @Test func zipWithNestedTarGzAndTraversalName() throws {
        let dir = try Self.folder()
        defer { try? FileManager.default.removeItem(at: dir) }
        let inner = dir.appendingPathComponent("nested.tar.gz")
        try ArchiveFixture.tar(inner, [("dir/patients.ndjson", Array("{\"name\":\"Ada Example\"}\n".utf8))], gzip: true)
        let innerBytes = Array(try Data(contentsOf: inner))
        try FileManager.default.removeItem(at: inner)
        try ArchiveFixture.zip(dir.appendingPathComponent("leak.zip"), [
            ("customers.csv", Array("name,city\nAda Example,Testville\n".utf8)),
            ("nested.tar.gz", innerBytes),
            ("../../evil.csv", Array("x\n".utf8)),
            ("/abs/evil2.csv", Array("y\n".utf8)),
        ])
        let (files, expander) = try Self.expand(dir)
        defer { expander.removeTemporaryArea() }
        #expect(files.map(\.name) == ["leak.zip", "leak.zip!/customers.csv", "leak.zip!/nested.tar.gz",
                                      "leak.zip!/nested.tar.gz!/dir/patients.ndjson",
                                      "leak.zip!/../../evil.csv", "leak.zip!//abs/evil2.csv"])
        #expect(files[0].container == "zip, 4 members")
        #expect(files[2].container == "tar.gz, 1 member")
        #expect(files.allSatisfy { $0.problem == nil })
        #expect(files[3].path == dir.path + "/leak.zip!/nested.tar.gz!/dir/patients.ndjson")
        #expect(files[3].mtime == files[0].mtime)
        #expect(try Self.bytes(expander, files[1]) == Array("name,city\nAda Example,Testville\n".utf8))
        #expect(try Self.bytes(expander, files[3]) == Array("{\"name\":\"Ada Example\"}\n".utf8))
        #expect(try Self.bytes(expander, files[4]) == Array("x\n".utf8))
        #expect(try Self.bytes(expander, files[5]) == Array("y\n".utf8))
        #expect(!FileManager.default.fileExists(atPath: dir.deletingLastPathComponent().appendingPathComponent("evil.csv").path))
        #expect(!FileManager.default.fileExists(atPath: "/abs/evil2.csv"))
        expander.removeTemporaryArea()
        #expect(!FileManager.default.fileExists(atPath: expander.temporaryArea.path))
    }

    @Test func officeZipsAreDocumentsNotArchives() throws {
        let dir = try Self.folder()
        defer { try? FileManager.default.removeItem(at: dir) }
        try ArchiveFixture.zip(dir.appendingPathComponent("book.xlsx"), [("xl/workbook.xml", Array("<x/>".utf8))])
        let (files, expander) = try Self.expand(dir)
        defer { expander.removeTemporaryArea() }
        #expect(files.map(\.name) == ["book.xlsx"])
        #expect(files[0].container == nil)
    }

    @Test func nestingDeeperThanTheLimitIsSkipped() throws {
        let dir = try Self.folder()
        defer { try? FileManager.default.removeItem(at: dir) }
        let a = dir.appendingPathComponent("a.zip"), b = dir.appendingPathComponent("b.zip")
        try ArchiveFixture.zip(a, [("c.csv", Array("n\n1\n".utf8))])
        try ArchiveFixture.zip(b, [("a.zip", Array(try Data(contentsOf: a)))])
        try FileManager.default.removeItem(at: a)
        try ArchiveFixture.zip(dir.appendingPathComponent("outer.zip"), [("b.zip", Array(try Data(contentsOf: b)))])
        try FileManager.default.removeItem(at: b)
        var limits = ArchiveLimits()
        limits.maxDepth = 2
        let (files, expander) = try Self.expand(dir, limits)
        defer { expander.removeTemporaryArea() }
        #expect(files.map(\.name) == ["outer.zip", "outer.zip!/b.zip", "outer.zip!/b.zip!/a.zip"])
        #expect(files[2].problem == .skipped)
        #expect(files[2].reason == "archive nested deeper than 2")
        limits.maxDepth = 3
        let (deeper, e2) = try Self.expand(dir, limits)
        defer { e2.removeTemporaryArea() }
        #expect(deeper.map(\.name).last == "outer.zip!/b.zip!/a.zip!/c.csv")
    }

    @Test func zipBombRatioFailsTheMember() throws {
        let dir = try Self.folder()
        defer { try? FileManager.default.removeItem(at: dir) }
        try ArchiveFixture.zip(dir.appendingPathComponent("bomb.zip"), [
            ("zeros.csv", [UInt8](repeating: 0x30, count: 4 << 20)),
            ("small.csv", Array("a\n".utf8)),
        ])
        let (files, expander) = try Self.expand(dir)
        defer { expander.removeTemporaryArea() }
        #expect(files[1].problem == .failed)
        #expect(files[1].reason?.hasPrefix("zip bomb: ratio ") == true, "\(files[1].reason ?? "")")
        #expect(files[1].reason?.hasSuffix(" over the limit 200:1 (--max-ratio)") == true)
        #expect(files[2].problem == nil)
        // Lying central directory sizes are caught while extracting too.
        var limits = ArchiveLimits()
        limits.maxMemberBytes = 1 << 20
        let tight = try ArchiveExpander(limits: limits)
        defer { tight.removeTemporaryArea() }
        var liar = files[1]
        liar.problem = nil
        liar.member = .zipEntry(archive: dir.appendingPathComponent("bomb.zip").path, index: 0, compressed: 1 << 20)
        #expect(throws: ReadError.self) { try tight.materialize(liar, cache: ArchiveExpander.ZipCache()) }
    }

    @Test func tarLinksAreNotFollowedAndLongNamesKept() throws {
        let dir = try Self.folder()
        defer { try? FileManager.default.removeItem(at: dir) }
        let long = String(repeating: "d", count: 120) + "/file.csv"
        try ArchiveFixture.tar(dir.appendingPathComponent("t.tar"), [(long, Array("n\n".utf8)), ("a.csv", Array("a\n".utf8))],
                               links: [("passwd", "/etc/passwd")], gzip: false)
        let (files, expander) = try Self.expand(dir)
        defer { expander.removeTemporaryArea() }
        #expect(files.map(\.name) == ["t.tar", "t.tar!/" + long, "t.tar!/a.csv", "t.tar!/passwd"])
        #expect(files[3].problem == .skipped)
        #expect(files[3].reason == "tar link member, not followed")
        #expect(try Self.bytes(expander, files[1]) == Array("n\n".utf8))
    }

    @Test func plainGzipHasOneMember() throws {
        let dir = try Self.folder()
        defer { try? FileManager.default.removeItem(at: dir) }
        try ArchiveFixture.gzip(dir.appendingPathComponent("export.csv.gz"), Array("name\nAda Example\n".utf8))
        let (files, expander) = try Self.expand(dir)
        defer { expander.removeTemporaryArea() }
        #expect(files.map(\.name) == ["export.csv.gz", "export.csv.gz!/export.csv"])
        #expect(files[0].container == "gzip, 1 member")
        #expect(try Self.bytes(expander, files[1]) == Array("name\nAda Example\n".utf8))
    }

    @Test func truncatedTarGzKeepsMembersBeforeTheDamage() throws {
        let dir = try Self.folder()
        defer { try? FileManager.default.removeItem(at: dir) }
        let url = dir.appendingPathComponent("cut.tar.gz")
        var rng = SeededRNG(seed: 7)
        let noise = (0..<300_000).map { _ in UInt8.random(in: 0x20...0x7E, using: &rng) }
        try ArchiveFixture.tar(url, [("a.csv", Array("a\n".utf8)), ("b.txt", noise)], gzip: true)
        let data = try Data(contentsOf: url)
        try data.prefix(data.count / 2).write(to: url)
        let (files, expander) = try Self.expand(dir)
        defer { expander.removeTemporaryArea() }
        #expect(files.first?.problem == .failed)
        #expect(files.first?.reason?.hasPrefix("gzip: corrupt or truncated data") == true, "\(files.first?.reason ?? "")")
        #expect(files.map(\.name).contains("cut.tar.gz!/a.csv"))
    }

    @Test func corruptZipFailsTheArchive() throws {
        let dir = try Self.folder()
        defer { try? FileManager.default.removeItem(at: dir) }
        try Data([0x50, 0x4B, 0x03, 0x04] + [UInt8](repeating: 7, count: 100)).write(to: dir.appendingPathComponent("bad.zip"))
        let (files, expander) = try Self.expand(dir)
        defer { expander.removeTemporaryArea() }
        #expect(files.count == 1)
        #expect(files[0].problem == .failed)
        #expect(files[0].reason == "corrupt zip: central directory not readable")
    }

    @Test func encryptedZipMemberIsReported() throws {
        guard ArchiveFixture.hasZipCommand else { return }
        let dir = try Self.folder()
        defer { try? FileManager.default.removeItem(at: dir) }
        try ArchiveFixture.encryptedZip(dir.appendingPathComponent("secret.zip"), name: "s.csv", Array("n\n1\n".utf8))
        let (files, expander) = try Self.expand(dir)
        defer { expander.removeTemporaryArea() }
        try #require(files.map(\.name) == ["secret.zip", "secret.zip!/s.csv"])
        #expect(files[0].problem == nil)
        #expect(files[1].problem == .skipped)
        #expect(files[1].reason == "encrypted, not scanned")
    }

    @Test(arguments: [
        ("0000644\0", 420), ("   17 \0", 15), ("\0\0\0\0", 0),
    ])
    func tarOctalNumbers(_ field: String, _ value: Int) {
        #expect(TarReader.number(ArraySlice(Array(field.utf8))) == value)
    }

    @Test func tarBadNumbersAreRejected() {
        #expect(TarReader.number(ArraySlice(Array("0009\0".utf8))) == nil)
        #expect(TarReader.number(ArraySlice([0x80, 0, 0, 0, 0, 0, 1, 0])) == 256)
    }
}
