import Foundation
import Testing
import BreachScopeTesting
@testable import BreachScope

@Suite struct ControllerRegisterTests {
    static let vault = Vault(master: try! MasterKey(hex: String(repeating: "5a", count: 32)))
    static let phoneCountries = ["EE", "FI"]

    final class Batches { var all: [ScanBatch] = [] }

    /// Every (kind, bytes) the scanner stores for a CSV leak: the real reader, classifier and
    /// record assembler.
    static func scanned(_ csv: String) throws -> Set<Pair> {
        let box = Batches()
        var assembler = RecordAssembler(documentID: 1, vault: vault, fieldScanner: FieldScanner(phoneCountries: phoneCountries),
                                        splitConflictingBlocks: false, submit: { box.all.append($0) })
        var reader = CSVReader()
        let bytes = Array(csv.utf8)
        try bytes.withUnsafeBufferPointer { try reader.consume($0, visitor: &assembler) }
        try reader.finish(visitor: &assembler)
        assembler.flush(outcome: nil)
        var out: Set<Pair> = []
        for b in box.all {
            for v in b.values {
                out.insert(Pair(kind: v.kind, bytes: v.plaintext))
                #expect(v.hash == vault.hash(kind: v.kind, v.plaintext))
            }
        }
        return out
    }

    struct Pair: Hashable { var kind: ValueKind; var bytes: [UInt8] }

    /// A rules file with one register rule over `csv`, loaded.
    static func load(_ rule: String, _ csv: String, controllers: String = defaultControllers) throws -> (RegisterLoad, ControllerRules, ControllerTempDir) {
        let dir = try ControllerTempDir()
        try dir.write("registers/reg.csv", csv)
        try dir.write("rules.yaml", "organisation: { id: lab, name: Lab }\n" + controllers + "rules:\n  - id: reg\n    register: registers/reg.csv\n" + rule)
        let rules = try ControllerRules.load(dir.url.appendingPathComponent("rules.yaml"))
        return (try rules.loadRegisters(phoneCountries: phoneCountries), rules, dir)
    }

    static let defaultControllers = """
    controllers:
      - { id: tyk, name: Tartu Ülikooli Kliinikum, aliases: [TÜK] }
      - { id: itk, name: Ida-Tallinna Keskhaigla, aliases: [ITK] }
      - { id: hus, name: HUS }

    """

    struct Person { var id: String; var email: String; var phoneWritten: String; var phoneE164: String; var customer: String; var card: String }

    static func people(_ n: Int, seed: UInt64, type: IdentifierType = .eeIsikukood, country: String = "EE") -> [Person] {
        var rng = SeededRNG(seed: seed)
        return (0..<n).map { i in
            let p = Synthetic.phone(country: country, international: false, using: &rng)
            let digits = (0..<12).map { _ in String(Int.random(in: 0...9, using: &rng)) }.joined()
            let card = "\(digits.prefix(4)) \(digits.dropFirst(4).prefix(4)) \(digits.suffix(4))"
            return Person(id: Synthetic.nationalID(type, using: &rng),
                          email: Synthetic.email(first: "Test\(i)", last: "Isik", using: &rng),
                          phoneWritten: p.written, phoneE164: p.e164, customer: "C-\(100_000 + i)", card: card)
        }
    }

    /// Register keys written differently from the leak (spaces, case, international phone
    /// form, card with dashes) hash exactly like the scanner's values.
    @Test func keysMatchTheScanner() throws {
        let ps = Self.people(12, seed: 41)
        var leak = "isikukood,nimi,email,telefon,customer_id,kliendikaart\n"
        for (i, p) in ps.enumerated() {
            leak += "\(p.id),Test\(i) Isik,\(p.email),\(p.phoneWritten),\(p.customer),\(p.card)\n"
        }
        let stored = try Self.scanned(leak)
        let cases: [(key: String, column: String, cell: (Person) -> String)] = [
            ("national_id", "isikukood", { "  \($0.id) " }),
            ("national_id", "id", { $0.id }),                                   // no scheme in the header
            ("email", "e-post", { $0.email.uppercased() }),
            ("phone", "telefon", { $0.phoneE164 }),
            ("phone", "telefon", { $0.phoneWritten }),
            ("link:customer", "kliendinumber", { " \($0.customer)" }),
            ("link:card", "kaart", { $0.card.replacingOccurrences(of: " ", with: "-") }),
        ]
        for c in cases {
            var csv = "\(c.column);haigla\n"
            for (i, p) in ps.enumerated() { csv += "\"\(c.cell(p))\";\(i % 2 == 0 ? "TÜK" : "ida-tallinna keskhaigla")\n" }
            let (load, rules, _) = try Self.load("    key: \(c.key)\n    key_column: \(c.column)\n    controller_column: Haigla\n", csv)
            #expect(load.rejected.isEmpty, "\(c.key): \(load.rejected)")
            #expect(load.entries.count == ps.count, "\(c.key)")
            for e in load.entries {
                #expect(stored.contains(Pair(kind: e.kind, bytes: e.value)), "\(c.key) \(c.column): entry not among the scanner's values")
                #expect(e.rule == 0)
            }
            let tyk = rules.index(ofController: "tyk")!, itk = rules.index(ofController: "itk")!
            #expect(load.entries.map(\.controller) == ps.indices.map { $0 % 2 == 0 ? tyk : itk })
            #expect(load.controllers == rules.controllers)
        }
    }

    /// Finnish HETU keeps its century sign; a scheme can be forced with `national_id:<scheme>`.
    @Test func hetuAndSchemes() throws {
        let ps = Self.people(10, seed: 7, type: .fiHetu, country: "FI")
        var leak = "henkilötunnus,nimi\n"
        for (i, p) in ps.enumerated() { leak += "\(p.id),Testi\(i) Henkilö\n" }
        let stored = try Self.scanned(leak)
        for (key, column) in [("national_id", "hetu"), ("national_id", "tunnus"), ("national_id:fi_hetu", "tunnus")] {
            var csv = "\(column)\tcontroller\n"
            for p in ps { csv += " \(p.id)\tHUS\n" }
            let (load, _, _) = try Self.load("    key: \(key)\n    key_column: \(column)\n    controller_column: controller\n", csv)
            #expect(load.rejected.isEmpty, "\(key)")
            #expect(load.entries.count == ps.count)
            for e in load.entries {
                #expect(e.kind == .identifier(.fiHetu))
                #expect(stored.contains(Pair(kind: e.kind, bytes: e.value)), "\(key) \(column)")
            }
        }
        // Forcing another scheme: the HETUs are no PESELs.
        var csv = "tunnus,controller\n"
        for p in ps { csv += "\(p.id),HUS\n" }
        let (load, _, _) = try Self.load("    key: national_id:pl_pesel\n    key_column: tunnus\n    controller_column: controller\n", csv)
        #expect(load.entries.isEmpty)
        #expect(load.rejected.count == ps.count)
    }

    @Test func rejectedRows() throws {
        var rng = SeededRNG(seed: 99)
        let good = Synthetic.nationalID(.eeIsikukood, using: &rng)
        let bad = Synthetic.corruptCheck(Synthetic.nationalID(.eeIsikukood, using: &rng))
        let other = Synthetic.nationalID(.eeIsikukood, using: &rng)
        let orderNumber = "20230415"
        let csv = """
        isikukood,haigla,märkus
        \(good),TÜK,ok
        \(bad),TÜK,wrong check digit
        \(orderNumber),TÜK,an order number
        ,ITK,empty key
        \(other),,empty controller
        \(good) \(other),ITK,two ids
        \(other)
        "\(other)","N/A","null controller"

        \(good),TÜK,duplicate of line 2
        \(good),ITK,same key second controller

        """
        let (load, rules, _) = try Self.load("    key: national_id\n    key_column: isikukood\n    controller_column: haigla\n", csv)
        let expected: [(Int, String)] = [
            (3, "not a valid national ID"), (4, "not a valid national ID"), (5, "empty key"), (6, "empty controller value"),
            (7, "several national IDs in one key"), (8, "row has 1 fields, the header 3"), (9, "empty controller value"),
        ]
        #expect(load.rejected.map(\.line) == expected.map(\.0))
        #expect(load.rejected.map(\.reason) == expected.map(\.1))
        #expect(load.rejected.allSatisfy { $0.rule == "reg" })
        for r in load.rejected {
            for v in [good, bad, other, orderNumber] { #expect(!r.reason.contains(v)) }
        }
        let tyk = rules.index(ofController: "tyk")!, itk = rules.index(ofController: "itk")!
        #expect(load.entries.map(\.controller) == [tyk, itk])
        #expect(load.entries.map(\.value) == [Array(good.utf8), Array(good.utf8)])

        var mails = "email,haigla\nnot-an-email,TÜK\nkati@example,TÜK\nkati@example.ee,TÜK\n"
        mails += "a@example.ee; b@example.ee,TÜK\n"
        let m = try Self.load("    key: email\n    key_column: email\n    controller_column: haigla\n", mails).0
        #expect(m.rejected.map(\.line) == [2, 3, 5])
        #expect(m.rejected.map(\.reason) == ["not a valid e-mail address", "not a valid e-mail address", "several e-mail addresses in one key"])
        #expect(m.entries.map { String(decoding: $0.value, as: UTF8.self) } == ["kati@example.ee"])

        let phones = try Self.load("    key: phone\n    key_column: tel\n    controller_column: haigla\n", "tel,haigla\n12,TÜK\n+372 5123 4567,TÜK\n").0
        #expect(phones.rejected.map(\.reason) == ["not a valid phone number"])
        #expect(phones.entries.map { String(decoding: $0.value, as: UTF8.self) } == ["+37251234567"])
    }

    /// Unknown controller values: new unlisted controllers (shared by spellings), or rejected
    /// under `unknown: ignore`; a register without a controller column uses the rule's controller.
    @Test func controllersOfRegisters() throws {
        let ps = Self.people(4, seed: 5)
        let csv = "id,provider\n\(ps[0].id),Kuressaare Haigla\n\(ps[1].id),KURESSAARE HAIGLA\n\(ps[2].id),Pärnu Haigla\n\(ps[3].id),ITK\n"
        let (load, rules, _) = try Self.load("    key: national_id\n    key_column: id\n    controller_column: provider\n", csv)
        let n = rules.controllers.count
        #expect(load.controllers.count == n + 2)
        #expect(Array(load.controllers[n...]) == [Controller(id: "kuressaare-haigla", name: "Kuressaare Haigla", unlisted: true),
                                                   Controller(id: "parnu-haigla", name: "Pärnu Haigla", unlisted: true)])
        #expect(load.entries.map(\.controller) == [n, n, n + 1, rules.index(ofController: "itk")!])

        let ignored = try Self.load("    key: national_id\n    key_column: id\n    controller_column: provider\n    unknown: ignore\n", csv).0
        #expect(ignored.entries.count == 1)
        #expect(ignored.rejected.map(\.line) == [2, 3, 4])
        #expect(ignored.rejected.allSatisfy { $0.reason == "controller value names no known controller (unknown: ignore)" })

        let fixed = try Self.load("    key: national_id\n    key_column: id\n    controller: hus\n", csv)
        #expect(fixed.0.entries.count == 4)
        #expect(Set(fixed.0.entries.map(\.controller)) == [fixed.1.index(ofController: "hus")!])
    }

    /// Quoted fields (delimiters, doubled quotes, line breaks) keep line numbers right; BOM and CRLF.
    @Test func csvReading() {
        let text = "\u{FEFF}\"key\";\"who\"\r\n\"a;b\";\"x \"\"y\"\"\"\r\n\"multi\nline\";z\r\n\r\nlast;w"
        let csv = RegisterCSV(Array(text.utf8))
        #expect(csv.header == ["key", "who"])
        #expect(csv.rows.map(\.line) == [2, 3, 6])
        #expect(csv.rows.map { $0.fields.map { String(decoding: $0, as: UTF8.self) } } == [["a;b", "x \"y\""], ["multi\nline", "z"], ["last", "w"]])
        #expect(RegisterCSV(Array("a\tb\n1\t2\n".utf8)).rows.first?.fields.count == 2)
        #expect(RegisterCSV(Array("a,b;c\n".utf8)).header == ["a", "b;c"])
    }

    /// Registers exported from spreadsheets: Windows-1252 and UTF-16LE with a BOM.
    @Test func encodings() throws {
        let ps = Self.people(2, seed: 12)
        let text = "isikukood;haigla\n\(ps[0].id);TÜK\n\(ps[1].id);Päijät-Häme\n"
        let cp1252 = text.unicodeScalars.map { UInt8(truncatingIfNeeded: $0.value) }
        let utf16: [UInt8] = [0xFF, 0xFE] + text.utf16.flatMap { [UInt8($0 & 0xFF), UInt8($0 >> 8)] }
        for bytes in [cp1252, utf16] {
            #expect(RegisterCSV(ControllerRules.utf8(bytes)).header == ["isikukood", "haigla"])
            let rows = RegisterCSV(ControllerRules.utf8(bytes)).rows.map { String(decoding: $0.fields[1], as: UTF8.self) }
            #expect(rows == ["TÜK", "Päijät-Häme"])
        }
        let dir = try ControllerTempDir()
        try Data(cp1252).write(to: dir.url.appendingPathComponent("reg.csv"))
        try dir.write("rules.yaml", "controllers: [{ id: tyk, aliases: [TÜK] }, { id: phhva, aliases: [Paijat-Hame] }]\n"
                      + "rules:\n  - { id: reg, register: reg.csv, key: national_id, key_column: isikukood, controller_column: haigla }\n")
        let rules = try ControllerRules.load(dir.url.appendingPathComponent("rules.yaml"))
        let load = try rules.loadRegisters(phoneCountries: Self.phoneCountries)
        #expect(load.rejected.isEmpty)
        #expect(load.entries.map(\.controller) == [0, 1])
        #expect(load.controllers.allSatisfy { !$0.unlisted })
    }

    @Test func registerErrors() throws {
        #expect(throws: ControllerRulesError.self) {
            _ = try Self.load("    key: national_id\n    key_column: isikukood\n    controller_column: haigla\n", "id,haigla\n1,TÜK\n")
        }
        do {
            _ = try Self.load("    key: national_id\n    key_column: id\n    controller_column: haigla\n", "id,provider\n1,TÜK\n")
            Issue.record("no error")
        } catch let e as ControllerRulesError {
            #expect(e.rule == "reg")
            #expect(e.message == "register 'reg.csv' has no column 'haigla' (header: id, provider)")
        }
        for (rule, fragment) in [
            ("    key: passport\n    key_column: id\n    controller: hus\n", "unknown key 'passport'"),
            ("    key: national_id:xx_code\n    key_column: id\n    controller: hus\n", "unknown national ID scheme 'xx_code'"),
            ("    key: \"link:\"\n    key_column: id\n    controller: hus\n", "'link:' needs a namespace"),
            ("    key_column: id\n    controller: hus\n", "a register needs 'key'"),
            ("    key: email\n    controller: hus\n", "a register needs 'key_column'"),
            ("    key: email\n    key_column: id\n", "a register needs 'controller_column' or 'controller'"),
            ("    key: email\n    key_column: id\n    controller: hus\n    controller_column: x\n", "not both"),
            ("    key: email\n    key_column: id\n    controller: nobody\n", "unknown controller 'nobody'"),
        ] {
            do {
                _ = try Self.load(rule, "id\n1\n")
                Issue.record("no error for \(rule)")
            } catch let e as ControllerRulesError {
                #expect(e.message.contains(fragment), "\(e)")
                #expect(e.rule == "reg")
                #expect(e.line != nil)
            }
        }
    }
}
