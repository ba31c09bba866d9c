@testable import BreachScope
import BreachScopeTesting
import Foundation
import Testing

/// Mail as containers: `.eml` members (`headers.txt` with one `Name:`/`E-mail:` block per
/// address, `body.txt` from quoted-printable ISO-8859-15 text or HTML, base64 attachments under
/// their decoded names), mbox messages, attached messages, malformed MIME, limits, detection,
/// and the decoders (encoded words, RFC 2231 names, address lists, HTML to text).
@Suite struct MailExpanderTests {
    static func isikukood(_ seed: UInt64) -> String {
        var rng = SeededRNG(seed: seed)
        return Synthetic.nationalID(.eeIsikukood, using: &rng)
    }

    static func base64(_ s: String) -> String {
        Data(s.utf8).base64EncodedString(options: [.lineLength76Characters, .endLineWithCarriageReturn, .endLineWithLineFeed])
    }

    /// A multipart/mixed message: alternative (QP ISO-8859-15 plain, HTML) and a base64 CSV.
    static func message(csv: String, closed: Bool = true) -> String {
        let from = "=?UTF-8?B?" + Data("Mari Maasikas".utf8).base64EncodedString() + "?="
        return """
        Return-Path: <mari@example.ee>\r
        Received: from mail.example.ee by mx.example.ee; Mon, 2 Oct 2023 10:00:00 +0300\r
        From: \(from) <mari@example.ee>\r
        To: "Tamm, Jaan" <jaan.tamm@example.ee>,\r
         kati@example.ee\r
        Cc: =?iso-8859-15?Q?Ats_=D5unapuu?= <ats@example.ee>\r
        Subject: =?UTF-8?Q?Nimekiri?=\r
        MIME-Version: 1.0\r
        Content-Type: multipart/mixed; boundary="outer"\r
        \r
        This is a multi-part message in MIME format.\r
        --outer\r
        Content-Type: multipart/alternative; boundary=inner\r
        \r
        --inner\r
        Content-Type: text/plain; charset=iso-8859-15\r
        Content-Transfer-Encoding: quoted-printable\r
        \r
        Tere! Saadan nimekirja. Kontakt: Ats =D5unapuu, telefon puudub, see on =\r
        pikk rida.\r
        --inner\r
        Content-Type: text/html; charset=utf-8\r
        \r
        <p>Tere! Saadan nimekirja.</p>\r
        --inner--\r
        --outer\r
        Content-Type: text/csv; name="patients.csv"\r
        Content-Disposition: attachment; filename*=utf-8''p%C3%B5hi%20nimekiri.csv\r
        Content-Transfer-Encoding: base64\r
        \r
        \(base64(csv))\r
        \(closed ? "--outer--\r\n" : "")
        """
    }

    static func folder() throws -> URL {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("bs-mail-unit-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        return dir
    }

    static func expand(_ dir: URL, _ limits: ArchiveLimits = ArchiveLimits()) throws -> ([WalkedFile], ArchiveExpander) {
        let expander = try ArchiveExpander(limits: limits)
        return (expander.expand(try Walker.walk([dir.path])) { _ in false }, expander)
    }

    static func text(_ expander: ArchiveExpander, _ f: WalkedFile) throws -> String {
        let path = try #require(try expander.materialize(f, cache: ArchiveExpander.ZipCache()))
        #expect(path.hasPrefix(expander.temporaryArea.path + "/"))
        defer { unlink(path) }
        return String(decoding: try Data(contentsOf: URL(fileURLWithPath: path)), as: UTF8.self)
    }

    /// A message saved as UTF-16 text is transcoded into the temporary area and expanded from
    /// there: its members are the headers and the body, in UTF-8.
    @Test func unicodeTextMessageIsExpandedAsMail() throws {
        let dir = try Self.folder()
        defer { try? FileManager.default.removeItem(at: dir) }
        let text = "From:\t\u{415}\u{43B}\u{435}\u{43D}\u{430} \u{418}\u{432}\u{430}\u{43D}\u{43E}\u{432}\u{430} <elena@example.ee>\r\n"
            + "Sent:\tSaturday, September 23, 2023 4:19 AM\r\nTo:\tklienditugi@example.ee\r\nSubject:\t\u{41A}\u{430}\u{440}\u{442}\u{430}\r\n\r\n"
            + "\u{41C}\u{43E}\u{439} \u{43A}\u{43E}\u{434} \(Self.isikukood(13)).\r\n"
        let bytes: [UInt8] = [0xFE, 0xFF] + text.utf16.flatMap { [UInt8($0 >> 8), UInt8($0 & 0xFF)] }
        try Data(bytes).write(to: dir.appendingPathComponent("karta_003.txt"))
        let (files, expander) = try Self.expand(dir)
        defer { expander.removeTemporaryArea() }
        #expect(files.map(\.name) == ["karta_003.txt", "karta_003.txt!/headers.txt", "karta_003.txt!/body.txt"])
        #expect(files[0].container == "eml, 2 members")
        #expect(try Self.text(expander, files[1]) == "Name: \u{415}\u{43B}\u{435}\u{43D}\u{430} \u{418}\u{432}\u{430}\u{43D}\u{43E}\u{432}\u{430}\nE-mail: elena@example.ee\n\n")
        #expect(try Self.text(expander, files[2]).contains("\u{41C}\u{43E}\u{439} \u{43A}\u{43E}\u{434} \(Self.isikukood(13))."))
    }

    @Test func emlMembersAreHeadersBodyAndDecodedAttachment() throws {
        let dir = try Self.folder()
        defer { try? FileManager.default.removeItem(at: dir) }
        let id1 = Self.isikukood(11), id2 = Self.isikukood(12)
        let csv = "nimi,isikukood,e-post\nLiis Kask,\(id1),liis.kask@example.ee\nPeeter Õunapuu,\(id2),peeter@example.ee\n"
        try Self.message(csv: csv).write(to: dir.appendingPathComponent("mail.eml"), atomically: true, encoding: .utf8)
        let (files, expander) = try Self.expand(dir)
        defer { expander.removeTemporaryArea() }
        #expect(files.map(\.name) == ["mail.eml", "mail.eml!/headers.txt", "mail.eml!/body.txt", "mail.eml!/põhi nimekiri.csv"])
        #expect(files[0].container == "eml, 3 members")
        #expect(files[0].reason == nil)
        #expect(files.allSatisfy { $0.problem == nil })
        let headers = try Self.text(expander, files[1])
        #expect(headers == """
            Name: Mari Maasikas
            E-mail: mari@example.ee

            Name: Tamm, Jaan
            E-mail: jaan.tamm@example.ee

            E-mail: kati@example.ee

            Name: Ats Õunapuu
            E-mail: ats@example.ee


            """)
        let body = try Self.text(expander, files[2])
        #expect(body == "Tere! Saadan nimekirja. Kontakt: Ats Õunapuu, telefon puudub, see on pikk rida.")
        #expect(try Self.text(expander, files[3]) == csv)
    }

    /// Apple Mail's `.emlx`: a line with the message's length, the message, then Mail's property
    /// list. The message is expanded as an `.eml`; the property list is no part of its body.
    @Test func emlxMessageIsExpandedWithoutItsPropertyList() throws {
        let dir = try Self.folder()
        defer { try? FileManager.default.removeItem(at: dir) }
        let message = "Return-Path: <kadri.kuusk@perearst.example.com>\nFrom: Kadri Kuusk <kadri.kuusk@perearst.example.com>\n"
            + "To: Vastused <vastused@labor.example.com>\nSubject: Vastus\nMIME-Version: 1.0\n"
            + "Content-Type: text/plain; charset=\"utf-8\"\nContent-Transfer-Encoding: quoted-printable\n\n"
            + "Palun saatke uuesti patsiendi vastus.\n\nParimate soovidega\nKadri Kuusk\nJ=C3=B5hvi Perearstid\n"
        let plist = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<plist version=\"1.0\">\n<dict>\n\t<key>remote-id</key>\n\t<string>141</string>\n</dict>\n</plist>\n"
        let count = String(message.utf8.count)
        let emlx = count + String(repeating: " ", count: 10 - count.count) + "\n" + message + plist
        try emlx.write(to: dir.appendingPathComponent("4141.emlx"), atomically: true, encoding: .utf8)
        #expect(ArchiveExpander.kind(name: "4141.emlx", prefix: Array(emlx.utf8.prefix(512))) == .mail)
        #expect(ArchiveExpander.kind(name: "notes.txt", prefix: Array("625\nLiis Kask\n".utf8)) == nil)
        let (files, expander) = try Self.expand(dir)
        defer { expander.removeTemporaryArea() }
        #expect(files.map(\.name) == ["4141.emlx", "4141.emlx!/headers.txt", "4141.emlx!/body.txt"])
        #expect(try Self.text(expander, files[1]).hasPrefix("Name: Kadri Kuusk\nE-mail: kadri.kuusk@perearst.example.com\n\n"))
        let body = try Self.text(expander, files[2])
        #expect(body.hasSuffix("Kadri Kuusk\nJõhvi Perearstid\n"))
        #expect(!body.contains("plist") && !body.contains("remote-id"))
    }

    @Test func htmlBodyBecomesText() throws {
        let dir = try Self.folder()
        defer { try? FileManager.default.removeItem(at: dir) }
        let mail = """
            From: Liis Kask <liis.kask@example.ee>
            Message-ID: <1@example.ee>
            Content-Type: text/html; charset="windows-1257"
            Content-Transfer-Encoding: quoted-printable

            <html><head><style>p { color: red }</style></head><body><p>Patsient:</p>
            <table><tr><td>Nimi</td><td>Peeter =D5unapuu</td></tr><tr><td>E-post</td><td>peeter&#64;example.ee</td></tr></table>
            <p>Tervitades&nbsp;&amp; a &lt; b<br>Liis</p><!-- <p>hidden</p> --></body></html>
            """
        try mail.write(to: dir.appendingPathComponent("note"), atomically: true, encoding: .utf8)
        let (files, expander) = try Self.expand(dir)
        defer { expander.removeTemporaryArea() }
        #expect(files.map(\.name) == ["note", "note!/headers.txt", "note!/body.txt"], "content sniffed without extension")
        let body = try Self.text(expander, files[2])
        let lines = body.split(separator: "\n").map(String.init)
        #expect(lines == ["Patsient:", "Nimi\tPeeter Õunapuu\t", "E-post\tpeeter@example.ee\t", "Tervitades & a < b", "Liis"], "\(lines)")
    }

    @Test func mboxMessagesAreContainers() throws {
        let dir = try Self.folder()
        defer { try? FileManager.default.removeItem(at: dir) }
        let mbox = """
            From mari@example.ee Mon Oct  2 10:00:00 2023
            From: Mari Maasikas <mari@example.ee>
            To: jaan.tamm@example.ee
            Subject: one

            First body.
            >From here on.

            From kati@example.ee Mon Oct  2 11:00:00 2023
            From: Kati Kask <kati@example.ee>
            Subject: two
            Content-Type: multipart/mixed; boundary=b

            --b
            Content-Type: text/plain

            Second body.
            --b
            Content-Type: message/rfc822

            From: Inner Person <inner@example.ee>
            Subject: fwd

            Inner body.
            --b--

            """
        try mbox.write(to: dir.appendingPathComponent("box.mbox"), atomically: true, encoding: .utf8)
        let (files, expander) = try Self.expand(dir)
        defer { expander.removeTemporaryArea() }
        #expect(files.map(\.name) == [
            "box.mbox",
            "box.mbox!/message-0001.eml", "box.mbox!/message-0001.eml!/headers.txt", "box.mbox!/message-0001.eml!/body.txt",
            "box.mbox!/message-0002.eml", "box.mbox!/message-0002.eml!/headers.txt", "box.mbox!/message-0002.eml!/body.txt",
            "box.mbox!/message-0002.eml!/message-1.eml", "box.mbox!/message-0002.eml!/message-1.eml!/headers.txt",
            "box.mbox!/message-0002.eml!/message-1.eml!/body.txt",
        ])
        #expect(files[0].container == "mbox, 2 members")
        #expect(files[4].container == "eml, 3 members")
        #expect(try Self.text(expander, files[3]) == "First body.\n>From here on.\n")
        #expect(try Self.text(expander, files[5]) == "Name: Kati Kask\nE-mail: kati@example.ee\n\n")
        #expect(try Self.text(expander, files[6]) == "Second body.")
        #expect(try Self.text(expander, files[8]) == "Name: Inner Person\nE-mail: inner@example.ee\n\n")
        #expect(try Self.text(expander, files[9]) == "Inner body.")

        // Attached messages count as a nesting level; mbox messages do not.
        var limits = ArchiveLimits()
        limits.maxDepth = 1
        let (shallow, e2) = try Self.expand(dir, limits)
        defer { e2.removeTemporaryArea() }
        let inner = try #require(shallow.first { $0.name == "box.mbox!/message-0002.eml!/message-1.eml" })
        #expect(inner.problem == .skipped)
        #expect(inner.reason == "message nested deeper than 1")
        #expect(shallow.contains { $0.name == "box.mbox!/message-0002.eml!/body.txt" })
    }

    @Test func missingClosingBoundaryKeepsThePartsAndGivesAReason() throws {
        let dir = try Self.folder()
        defer { try? FileManager.default.removeItem(at: dir) }
        let csv = "isikukood\n\(Self.isikukood(13))\n"
        try Self.message(csv: csv, closed: false).write(to: dir.appendingPathComponent("cut.eml"), atomically: true, encoding: .utf8)
        let (files, expander) = try Self.expand(dir)
        defer { expander.removeTemporaryArea() }
        #expect(files.map(\.name) == ["cut.eml", "cut.eml!/headers.txt", "cut.eml!/body.txt", "cut.eml!/põhi nimekiri.csv"])
        #expect(files[0].problem == nil)
        #expect(files[0].reason == "malformed MIME: closing boundary missing; the 2 parts found were read")
        #expect(try Self.text(expander, files[3]) == csv)
    }

    @Test func bodiesHaveALimitOfTheirOwn() throws {
        let dir = try Self.folder()
        defer { try? FileManager.default.removeItem(at: dir) }
        try Self.message(csv: "isikukood\n\(Self.isikukood(15))\n").write(to: dir.appendingPathComponent("m.eml"), atomically: true, encoding: .utf8)
        var limits = ArchiveLimits()
        limits.maxMailBodyBytes = 8
        let (files, expander) = try Self.expand(dir, limits)
        defer { expander.removeTemporaryArea() }
        let body = try #require(files.first { $0.name == "m.eml!/body.txt" })
        #expect(throws: ReadError.self) { _ = try expander.materialize(body, cache: ArchiveExpander.ZipCache()) }
        do { _ = try expander.materialize(body, cache: ArchiveExpander.ZipCache()) } catch {
            #expect(error.message.contains("over the limit of 8 bytes for message bodies"))
        }
        // The attachment is decoded in chunks and not held to the body limit.
        let attachment = try #require(files.last)
        #expect(try expander.materialize(attachment, cache: ArchiveExpander.ZipCache()) != nil)
    }

    @Test func limitsApplyToMailParts() throws {
        let dir = try Self.folder()
        defer { try? FileManager.default.removeItem(at: dir) }
        let csv = "isikukood\n" + String(repeating: "\(Self.isikukood(14))\n", count: 400)
        try Self.message(csv: csv).write(to: dir.appendingPathComponent("big.eml"), atomically: true, encoding: .utf8)
        var limits = ArchiveLimits()
        limits.maxMemberBytes = 2000
        let (files, expander) = try Self.expand(dir, limits)
        defer { expander.removeTemporaryArea() }
        let attachment = try #require(files.last)
        #expect(attachment.name == "big.eml!/põhi nimekiri.csv")
        #expect(attachment.problem == .failed)
        #expect(attachment.reason?.hasSuffix("over the limit of 2000 bytes (--max-member-mb)") == true)
        #expect(files[2].problem == nil, "the body is within the limit")
        limits = ArchiveLimits()
        limits.maxMembers = 2
        let (few, e2) = try Self.expand(dir, limits)
        defer { e2.removeTemporaryArea() }
        #expect(few.count == 3)
        #expect(few[0].problem == .failed)
    }

    @Test func detection() {
        func kind(_ name: String, _ s: String) -> ArchiveExpander.Kind? { ArchiveExpander.kind(name: name, prefix: Array(s.utf8)) }
        #expect(kind("x", "Received: from a by b\nFrom: a@example.ee\n\nbody") == .mail)
        #expect(kind("x", "MIME-Version: 1.0\nContent-Type: text/plain\n\nbody") == .mail)
        #expect(kind("x", "From a@example.ee Mon Oct  2 10:00:00 2023\nFrom: a@example.ee\nSubject: s\n\nbody") == .mbox)
        #expect(kind("x.eml", "anything") == .mail)
        #expect(kind("notes.txt", "Name: Liis Kask\nE-mail: liis@example.ee\n\nName: Jaan") == nil)
        #expect(kind("notes.txt", "From: here\nthe rest of a letter\n") == nil)
        #expect(kind("log.txt", "Date: 2023-10-02\nSubject: x\n\n") == nil, "no header only mail has")
        #expect(kind("data.csv", "From,To\na,b\n") == nil)
        // Outlook's "Unicode Text": UTF-16 with a byte-order mark, either byte order.
        func utf16(_ s: String, bigEndian: Bool) -> [UInt8] {
            (bigEndian ? [0xFE, 0xFF] : [0xFF, 0xFE]) + s.utf16.flatMap { u in
                bigEndian ? [UInt8(u >> 8), UInt8(u & 0xFF)] : [UInt8(u & 0xFF), UInt8(u >> 8)]
            }
        }
        let saved = "From:\tLiis Kask <liis@example.ee>\r\nSent:\tMonday, October 2, 2023 10:00 AM\r\nTo:\tx@example.ee\r\nSubject:\ts\r\n\r\nbody"
        #expect(ArchiveExpander.kind(name: "m.txt", prefix: utf16(saved, bigEndian: false)) == .utf16Mail(bigEndian: false))
        #expect(ArchiveExpander.kind(name: "m.txt", prefix: utf16(saved, bigEndian: true)) == .utf16Mail(bigEndian: true))
        #expect(ArchiveExpander.kind(name: "notes.txt", prefix: utf16("Name: Liis Kask\r\nE-mail: liis@example.ee\r\n", bigEndian: false)) == nil)
    }

    @Test func decoders() {
        #expect(MailDecoder.decodeWords("=?UTF-8?B?TWFyaSBNYWFzaWthcw==?= <m@example.ee>") == "Mari Maasikas <m@example.ee>")
        #expect(MailDecoder.decodeWords("=?iso-8859-15?Q?=D5una?= =?iso-8859-15?Q?puu?=") == "Õunapuu", "adjacent words joined")
        #expect(MailDecoder.decodeWords("Ats =?utf-8?q?=C3=95unapuu?= jr") == "Ats Õunapuu jr")
        #expect(MailDecoder.decodeWords("=?bogus") == "=?bogus")
        let (value, params) = MailParser.parameters("attachment; filename*0*=utf-8''%C3%95una; filename*1*=puu.csv; size=3")
        #expect(value == "attachment")
        #expect(params["filename"] == "Õunapuu.csv")
        #expect(MailParser.parameters("text/plain; charset=\"ISO-8859-15\"").params["charset"] == "ISO-8859-15")
        #expect(MailParser.parameters("x; name=\"=?UTF-8?B?w5VuYS5jc3Y=?=\"").params["name"] == "Õna.csv")
        #expect(MailParser.cleanName("../../etc/passwd") == "passwd")
        let list = MailParser.addresses("\"Kask, Liis\" <liis@example.ee>, jaan@example.ee (Jaan Tamm), Undisclosed:;, <x@example.ee>")
        #expect(list.map(\.name) == ["Kask, Liis", "Jaan Tamm", ""])
        #expect(list.map(\.email) == ["liis@example.ee", "jaan@example.ee", "x@example.ee"])
        var out: [UInt8] = []
        Array("VGVy\r\naXNl".utf8).withUnsafeBufferPointer { MailDecoder.base64($0, into: &out) }
        #expect(String(decoding: out, as: UTF8.self) == "Terise")
        out = []
        Array("a=3Db=\r\nc=ZZ=".utf8).withUnsafeBufferPointer { MailDecoder.quotedPrintable($0, into: &out) }
        #expect(String(decoding: out, as: UTF8.self) == "a=bc=ZZ")
    }
}
