import Testing
import BreachScopeTesting
@testable import BreachScope

private func around(_ text: String) -> Finding? {
    let bytes = Array(text.utf8)
    return bytes.withUnsafeBufferPointer { buf in
        guard let at = buf.firstIndex(of: UInt8(ascii: "@")) else { return nil }
        return EmailDetector.matchAround(buf, at: at)
    }
}

/// Finds every `@` like the scanner does and collects the e-mails around them.
private func scan(_ text: String) -> [String] {
    let bytes = Array(text.utf8)
    return bytes.withUnsafeBufferPointer { buf in
        var out: [String] = []
        for i in 0..<buf.count where buf[i] == UInt8(ascii: "@") {
            if let f = EmailDetector.matchAround(buf, at: i) { out.append(f.valueString) }
        }
        return out
    }
}

@Suite struct EmailTests {
    let d = EmailDetector()

    /// (text, normalised address, offset of the local part) — `nil` when nothing must match.
    @Test func matchAroundTable() {
        let table: [(String, String?, Int)] = [
            ("mari.maasikas@example.ee", "mari.maasikas@example.ee", 0),
            ("Mari.Maasikas@Example.EE", "mari.maasikas@example.ee", 0),
            ("Write to mari@example.ee.", "mari@example.ee", 9),
            ("<mari@example.ee>", "mari@example.ee", 1),
            ("'mari@example.ee'", "mari@example.ee", 1),
            ("o'brien@example.ie", "o'brien@example.ie", 0),
            ("first_last+pharmacy@mail.example.lv", "first_last+pharmacy@mail.example.lv", 0),
            ("x|mari@example.ee|y", "mari@example.ee", 2),
            ("https://x.example/?email=mari@example.ee&a=1", "mari@example.ee", 25),
            ("mailto:mari@sub.example.co.uk,", "mari@sub.example.co.uk", 7),
            ("a1-b2%c@x-y.example.com", "a1-b2%c@x-y.example.com", 0),
            ("user@localhost", nil, 0),
            ("example@", nil, 0),
            ("example@ ", nil, 0),
            ("logo@2x.png", nil, 0),
            ("icon@3x.JPG", nil, 0),
            ("bundle@1.0.js", nil, 0),
            ("style@main.css", nil, 0),
            ("a..b@example.com", nil, 0),
            ("a.@example.com", nil, 0),
            ("@example.com", nil, 0),
            ("mari@example", nil, 0),
            ("mari@example.e", nil, 0),
            ("mari@example.123", nil, 0),
            ("mari@-example.ee", nil, 0),
            ("mari@example-.ee", nil, 0),
            ("mari@example..ee", nil, 0),
            ("mari@example.ee.5", nil, 0),
            ("mari@exa_mple.ee", nil, 0),
            ("jürgen@example.de", nil, 0),
            (String(repeating: "a", count: 65) + "@example.com", nil, 0),
            ("mari@" + String(repeating: "a", count: 64) + ".ee", nil, 0),
            ("mari@" + String(repeating: "abcdefghi.", count: 26) + "ee", nil, 0),
            ("git@github.com:org/repo.git", "git@github.com", 0),
        ]
        for (text, expected, offset) in table {
            let f = around(text)
            #expect(f?.valueString == expected, "\(text)")
            if let f, let expected {
                #expect(f.offset == offset, "\(text)")
                #expect(f.length == expected.utf8.count, "\(text)")
                #expect(f.element == .email && f.identifier == .email)
            }
        }
        #expect(around(String(repeating: "a", count: 64) + "@example.com") != nil)
    }

    @Test func matchAgreesWithMatchAround() {
        #expect(DetectorTest.value(d, "Write to mari@example.ee.", at: 9) == "mari@example.ee")
        #expect(DetectorTest.match(d, "'mari@example.ee'", at: 1)?.offset == 1)
        // Not the start of the local part.
        #expect(DetectorTest.match(d, "x.mari@example.ee", at: 2) == nil)
        #expect(DetectorTest.value(d, "x.mari@example.ee", at: 0) == "x.mari@example.ee")
        #expect(DetectorTest.match(d, "no address here", at: 0) == nil)
        #expect(DetectorTest.match(d, "mari@localhost", at: 0) == nil)
    }

    @Test func freeTextDecoys() {
        #expect(scan("Order 4820193756 at 2023-04-15T12:30:45 from 192.168.100.200 v1.2.3") == [])
        #expect(scan("<img src=\"logo@2x.png\"> @mention and foo@ and @bar.ee") == [])
        #expect(scan("Kontakt: Mari.Maasikas@Example.EE, jaan@example.fi.") ==
                ["mari.maasikas@example.ee", "jaan@example.fi"])
        // A message's id is no mailbox (a Postfix log's `cleanup` line, mail headers); the
        // recipient on the next line is.
        #expect(scan("postfix/cleanup[21390]: 0C7E94EE9A: message-id=<4685511bd35fddf6@pharmacy.example.com>") == [])
        #expect(scan("Message-ID: <CA+e65bb@mail.gmail.com>\nIn-Reply-To:<x1@example.com>") == [])
        #expect(scan("postfix/smtp[24028]: 0C7E94EE9A: to=<steven.mcdonald6@posti.test>, relay=mx.posti.test") == ["steven.mcdonald6@posti.test"])
    }

    @Test func validateAndNormalize() {
        #expect(EmailDetector.validate(Array("mari@example.ee".utf8)))
        #expect(EmailDetector.validate(Array("a!#$%&'*+/=?^_`{|}~-b@example.com".utf8)))
        #expect(!EmailDetector.validate(Array("mari@example.ee.".utf8)))
        #expect(!EmailDetector.validate(Array(" mari@example.ee".utf8)))
        #expect(!EmailDetector.validate(Array("mari@@example.ee".utf8)))
        #expect(!EmailDetector.validate(Array("mari@localhost".utf8)))
        let norm = { (s: String) in EmailDetector.normalize(Array(s.utf8)).map { String(decoding: $0, as: UTF8.self) } }
        #expect(norm("  Mari.Maasikas@Example.EE \t") == "mari.maasikas@example.ee")
        #expect(norm("JAAN@EXAMPLE.FI") == "jaan@example.fi")
        #expect(norm("not an address") == nil)
        #expect(norm("") == nil)
        #expect(norm("logo@2x.png") == nil)
    }

    @Test func generatedRoundTrip() {
        var rng = SeededRNG(seed: 42)
        let names = [("Mari", "Maasikas"), ("Jüri", "Tamm"), ("Päivi", "Virtanen"), ("Åsa", "Ström"),
                     ("Łukasz", "Wiśniewski"), ("Jānis", "Bērziņš"), ("Ona", "Žukauskienė"), ("Søren", "Ørsted")]
        var failures = 0
        for i in 0..<1000 {
            let (first, last) = names[i % names.count]
            let email = Synthetic.email(first: first, last: last, using: &rng)
            let expected = email.lowercased()
            let f = around("E-mail: " + email + ".")
            let n = EmailDetector.normalize(Array(email.utf8)).map { String(decoding: $0, as: UTF8.self) }
            if f?.valueString != expected || f?.offset != 8 || n != expected {
                failures += 1
                if failures < 5 { Issue.record("\(email) → \(f?.valueString ?? "nil")") }
            }
        }
        #expect(failures == 0)
    }

    /// An organisation's mailbox (`info@`, `noreply@`, `registratuur@`, any case) is no person's
    /// address: neither a whole field nor a match in text; personal addresses that merely start
    /// or end like one are kept.
    @Test func roleMailboxesAreNoPersonsAddresses() {
        for role in ["info@example.ee", "NoReply@example.com", "no-reply@example.com", "registratuur@kliinik.example.ee",
                     "asiakaspalvelu@example.fi", "support@pps-pharmacy.example.com", "Kundservice@example.se", "pharmacist@pps-pharmacy.example.com",
                     // one-word offices in compound languages
                     "hoitotarvikejakelu@paijat-hame.example.fi", "Potilasneuvonta@example.fi", "apteekkipalvelu@example.fi",
                     "Lastekliinikuregistratuur@example.ee",
                     // notification mailboxes and shops
                     "teavitus@helix.example.ee", "Ilmoitukset@example.fi", "pood@example.ee",
                     // test accounts and compounds of roles
                     "qa.tester+00@pps.example.com", "test.user+1@greenfield.test", "TEST@example.com", "demo2@example.com",
                     "rx.support@pps.example.com", "sales-team@example.com", "info2@example.ee",
                     // a mailing's bounce address (VERP) and a lab's results mailbox
                     "bounce+7de575@mg.freshmart.example.com", "vastused@heeliks.example.com",
                     // a hospital's referrals mailbox
                     "saatekirjad@laane-tallinna-keskhaigl.example.org"] {
            #expect(!EmailDetector.validate(Array(role.utf8)), "\(role)")
            let text = Array("Kirjutage: \(role) palun".utf8)
            let at = text.firstIndex(of: UInt8(ascii: "@"))!
            #expect(text.withUnsafeBufferPointer { EmailDetector.matchAround($0, at: at) } == nil, "\(role)")
        }
        for person in ["info.mari@example.ee", "mari.info@example.ee", "supporter@example.com", "hr.kask@example.ee", "tuki-pekka@example.fi",
                       // a role ending after a dot or a digit, or the whole local part shorter: a person's
                       "jussi.jakelu@example.fi", "pekka2palvelu@example.fi", "jakelu1@example.fi",
                       // a word of a person's own beside a test's, or a companion alone
                       "mari.test@example.ee", "user123@example.com", "demonstrant@example.com", "li.wei@example.com"] {
            #expect(EmailDetector.validate(Array(person.utf8)), "\(person)")
        }
    }
}
