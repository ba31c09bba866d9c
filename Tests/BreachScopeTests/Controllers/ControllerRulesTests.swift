import Foundation
import Testing
@testable import BreachScope

@Suite struct ControllerRulesTests {
    /// A rules file shaped like the logistics processor's case (fictitious names of real regions
    /// are public bodies, not persons).
    static let yaml = """
    organisation: { id: westlog, name: "WestLog Logistics", aliases: [Westlog Oy] }
    default: organisation
    controllers:
      - id: pirha
        name: Pirkanmaan hyvinvointialue
        aliases: [Pirkanmaa, PIRHA, "Pirkanmaan HVA", "Tampereen yliopistollinen sairaala"]
      - id: phhva
        name: Päijät-Hämeen hyvinvointialue
        aliases: [Päijät-Häme]
      - id: hus
        name: HUS-yhtymä
      - id: tyk
        name: Tartu Ülikooli Kliinikum
    rules:
      - id: by-area-column
        columns: [hyvinvointialue, wellbeing_area, ordering_provider, tellija, customer_org]
        map: { "TAYS": pirha }
      - id: quiet-column
        columns: [lähettäjä]
        unknown: ignore
      - id: tartu-exports
        paths: ["exports/tartu/**", "**/*_TYK_*.csv"]
        controller: tyk
      - id: hus-archive
        paths: ["hus_backup.zip"]
        controller: hus
    """

    static func rules(_ text: String = yaml) throws -> ControllerRules {
        try ControllerRules.parse(yaml: text, baseDirectory: URL(fileURLWithPath: "/nonexistent"))
    }

    static func match(_ r: ControllerRules, _ value: String, rule: Int = 0) -> ControllerMatch? {
        r.controller(forValue: value, rule: rule)
    }

    @Test func structure() throws {
        let r = try Self.rules()
        #expect(r.controllers.map(\.id) == ["westlog", "pirha", "phhva", "hus", "tyk"])
        #expect(r.organisation?.id == "westlog")
        #expect(r.organisationIndex == 0)
        #expect(r.defaultController == 0)
        #expect(r.rules.map(\.id) == ["by-area-column", "quiet-column", "tartu-exports", "hus-archive"])
        #expect(r.rules[2].line == 21)
        #expect(r.hasColumnRules)
    }

    @Test(arguments: [
        ("PIRKANMAAN  HVA", "pirha"),
        ("pirkanmaan hva.", "pirha"),
        ("Pirkanmaa", "pirha"),
        ("pirha", "pirha"),                                   // the id
        ("Pirkanmaan hyvinvointialue", "pirha"),              // the name
        ("TAMPEREEN YLIOPISTOLLINEN SAIRAALA", "pirha"),
        ("Tays", "pirha"),                                    // the rule's map
        ("Päijät-Häme", "phhva"),
        ("Paijat-Hame", "phhva"),
        ("PAIJAT HAME", "phhva"),
        ("HUS-yhtymä", "hus"),
        ("hus yhtyma", "hus"),
        ("Westlog Oy", "westlog"),
    ])
    func aliases(_ value: String, _ id: String) throws {
        let r = try Self.rules()
        #expect(Self.match(r, value) == .known(r.index(ofController: id)!))
    }

    @Test func unlistedValues() throws {
        let r = try Self.rules()
        #expect(Self.match(r, "  Kymenlaakson hyvinvointialue ") == .unlisted(id: "kymenlaakson-hyvinvointialue", name: "Kymenlaakson hyvinvointialue"))
        #expect(Self.match(r, "KYMENLAAKSON HYVINVOINTIALUE") == .unlisted(id: "kymenlaakson-hyvinvointialue", name: "KYMENLAAKSON HYVINVOINTIALUE"))
        #expect(Self.match(r, "Länsi-Uusimaa") == .unlisted(id: "lansi-uusimaa", name: "Länsi-Uusimaa"))
        // Empty and null-like values name nobody.
        for empty in ["", "   ", "-", "N/A", "null", "NULL", "none", "—"] {
            #expect(Self.match(r, empty) == nil, "\(empty)")
        }
        // `unknown: ignore`: only known controllers.
        #expect(Self.match(r, "Kymenlaakso", rule: 1) == nil)
        #expect(Self.match(r, "PIRHA", rule: 1) == .known(1))
        // The map is per rule: `TAYS` is unknown elsewhere.
        #expect(Self.match(r, "TAYS", rule: 1) == nil)
        // A paths rule gives its controller; a bad index gives nothing.
        #expect(Self.match(r, "anything", rule: 2) == .known(4))
        #expect(Self.match(r, "PIRHA", rule: 99) == nil)
    }

    @Test func valueBytes() throws {
        let r = try Self.rules()
        var bytes = Array("  päijät-häme\r".utf8)
        let m = bytes.withUnsafeMutableBufferPointer { r.controller(forValue: UnsafeBufferPointer($0), rule: 0) }
        #expect(m == .known(2))
    }

    @Test(arguments: [
        ("hyvinvointialue", [0]),
        ("Hyvinvointi_Alue", [0]),
        ("HYVINVOINTIALUE", [0]),
        ("Ordering Provider", [0]),
        ("ordering-provider", [0]),
        ("Tilaaja", []),
        ("tellija", [0]),
        ("Lahettaja", [1]),
        ("LÄHETTÄJÄ", [1]),
        ("provider", []),
    ])
    func headers(_ header: String, _ expected: [Int]) throws {
        #expect(try Self.rules().columnRules(forHeader: header) == expected)
    }

    @Test(arguments: [
        ("exports/tartu/2023/orders.csv", [(4, 2)]),
        ("misc/orders_TYK_2023.csv", [(4, 2)]),
        ("exports/tartu/orders_TYK_1.csv", [(4, 2)]),
        ("hus_backup.zip!/data/patients.csv", [(3, 3)]),
        ("outer.tar.gz!/hus_backup.zip!/data/patients.csv", [(3, 3)]),
        ("outer.tar.gz!/hus_backup.zip!/exports/x_TYK_y.csv", [(4, 2), (3, 3)]),   // rule order
        ("exports/tallinn/orders.csv", []),
    ] as [(String, [(Int, Int)])])
    func paths(_ name: String, _ expected: [(Int, Int)]) throws {
        let got = try Self.rules().controllers(forPath: name)
        #expect(got.map(\.controller) == expected.map(\.0), "\(name)")
        #expect(got.map(\.rule) == expected.map(\.1), "\(name)")
    }

    @Test func defaults() throws {
        let base = "organisation: { id: westlog, name: WestLog }\ncontrollers: [{ id: hus, name: HUS }]\n"
        #expect(try Self.rules(base).defaultController == 0)
        #expect(try Self.rules(base + "default: none\n").defaultController == nil)
        #expect(try Self.rules(base + "default: hus\n").defaultController == 1)
        #expect(try Self.rules("controllers: [{ id: hus }]\n").defaultController == nil)
        // A plain organisation name.
        let plain = try Self.rules("organisation: WestLog Logistics Oy\n")
        #expect(plain.organisation == Controller(id: "westlog-logistics-oy", name: "WestLog Logistics Oy"))
        #expect(plain.controllers.count == 1)
    }

    // MARK: - Errors

    static func error(_ text: String, base: URL = URL(fileURLWithPath: "/nonexistent")) -> ControllerRulesError? {
        do {
            _ = try ControllerRules.parse(yaml: text, baseDirectory: base)
            return nil
        } catch let e as ControllerRulesError {
            return e
        } catch {
            Issue.record("unexpected error type \(error)")
            return nil
        }
    }

    static let errorTable: [(String, Int, String?, String)] = [
        // yaml, expected line, rule, message fragment
        ("controllers:\n  - id: a\nrules:\n  - id: r1\n    paths: [x/**]\n    controller: b\n", 6, "r1", "unknown controller 'b'"),
        ("controllers:\n  - id: a\nrules:\n  - id: r1\n    columns: [x]\n    map: { X: nobody }\n", 6, "r1", "unknown controller 'nobody'"),
        ("controllers:\n  - id: a\nrules:\n  - id: r1\n    controller: a\n", 4, "r1", "needs one of 'columns', 'paths' or 'register'"),
        ("controllers:\n  - id: a\nrules:\n  - id: r1\n    columns: [x]\n    paths: [y]\n", 4, "r1", "has several of"),
        ("controllers:\n  - id: a\n  - id: a\n", 3, nil, "duplicate controller id 'a' (first at line 2)"),
        ("organisation: { id: a, name: A }\ncontrollers:\n  - id: a\n", 3, nil, "duplicate controller id 'a'"),
        ("controllers:\n  - id: a\nrules:\n  - id: r\n    paths: [x]\n    controller: a\n  - id: r\n    paths: [y]\n    controller: a\n", 7, "r", "duplicate rule id"),
        ("controllers:\n  - id: a\nrules:\n  - id: r\n    register: missing.csv\n    key: email\n    key_column: e\n    controller: a\n", 5, "r", "register file 'missing.csv' not found"),
        ("controllers:\n  - id: a\nrules:\n  - id: r\n    paths: [x]\n", 4, "r", "needs a 'controller'"),
        ("controllers:\n  - id: a\nrules:\n  - id: r\n    paths: [x]\n    controller: a\n    unknown: ignore\n", 7, "r", "'unknown' does not apply to a 'paths' rule"),
        ("controllers:\n  - id: a\nrules:\n  - id: r\n    columns: [x]\n    unknown: maybe\n", 6, "r", "'unknown' must be report or ignore"),
        ("controllers:\n  - id: a\nrules:\n  - id: r\n    colums: [x]\n", 5, "r", "unknown key 'colums'"),
        ("controlers:\n  - id: a\n", 1, nil, "unknown key 'controlers'"),
        ("controllers:\n  - id: a\n    aliases: [X]\n  - id: b\n    aliases: [x.]\n", 4, nil, "alias 'x.' of controller 'b' also names controller 'a'"),
        ("controllers:\n  - name: A\n", 2, nil, "needs an 'id'"),
        ("default: organisation\n", 1, nil, "no 'organisation' is given"),
        ("controllers: [{ id: a }]\ndefault: b\n", 2, nil, "unknown controller 'b'"),
        ("controllers:\n  - id: a\n   - id: b\n", 3, nil, "YAML syntax"),
        ("- a\n- b\n", 1, nil, "must be a mapping"),
    ]

    @Test func errors() {
        for (text, line, rule, fragment) in Self.errorTable {
            guard let e = Self.error(text) else { Issue.record("no error for:\n\(text)"); continue }
            #expect(e.line == line, "\(e)")
            #expect(e.rule == rule, "\(e)")
            #expect(e.message.contains(fragment), "\(e)")
            #expect(e.description.contains(fragment))
        }
    }

    @Test func errorNamesTheFile() throws {
        let dir = try ControllerTempDir()
        let url = dir.url.appendingPathComponent("rules.yaml")
        try "controllers:\n  - id: a\nrules:\n  - id: by-path\n    paths: [x]\n    controller: zz\n".write(to: url, atomically: true, encoding: .utf8)
        do {
            _ = try ControllerRules.load(url)
            Issue.record("no error")
        } catch let e as ControllerRulesError {
            #expect(e.description == "\(url.path):6: rule 'by-path': unknown controller 'zz'")
        }
        do {
            _ = try ControllerRules.load(dir.url.appendingPathComponent("absent.yaml"))
            Issue.record("no error")
        } catch let e as ControllerRulesError {
            #expect(e.description.contains("absent.yaml"))
        }
    }
}

/// A temporary folder removed when the value goes away.
final class ControllerTempDir {
    let url: URL
    init() throws {
        url = FileManager.default.temporaryDirectory.appendingPathComponent("bs-ctrl-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
    }
    func write(_ name: String, _ text: String) throws {
        let u = url.appendingPathComponent(name)
        try FileManager.default.createDirectory(at: u.deletingLastPathComponent(), withIntermediateDirectories: true)
        try Data(text.utf8).write(to: u)
    }
    deinit { try? FileManager.default.removeItem(at: url) }
}
