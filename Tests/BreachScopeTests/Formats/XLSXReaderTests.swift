import Foundation
import Testing
@testable import BreachScope
import BreachScopeTesting

@Suite struct XLSXReaderTests {
    typealias C = XLSXFixture.Cell

    /// Writes `fixture` (or raw parts) to a temporary file and reads it.
    func read(_ fixture: XLSXFixture, configure: (inout XLSXReader) -> Void = { _ in }) throws -> (visitor: RecordingVisitor, result: Result<String, ReadError>) {
        try read(parts: fixture.parts(), configure: configure)
    }

    func read(parts: [(String, String)], patch: (inout [UInt8]) -> Void = { _ in }, configure: (inout XLSXReader) -> Void = { _ in }) throws -> (visitor: RecordingVisitor, result: Result<String, ReadError>) {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("bs-xlsx-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: dir) }
        let url = dir.appendingPathComponent("book.xlsx")
        try XLSXFixture.write(parts, to: url)
        var bytes = [UInt8](try Data(contentsOf: url))
        patch(&bytes)
        try Data(bytes).write(to: url)
        return readFile(url.path, configure: configure)
    }

    func readFile(_ path: String, configure: (inout XLSXReader) -> Void = { _ in }) -> (visitor: RecordingVisitor, result: Result<String, ReadError>) {
        var reader = XLSXReader(limits: ReadLimits())
        configure(&reader)
        var visitor = RecordingVisitor()
        do throws(ReadError) {
            let d = try reader.read(path: path, visitor: &visitor)
            return (visitor, .success(d))
        } catch {
            return (visitor, .failure(error))
        }
    }

    func people(_ n: Int, seed: UInt64) -> [(id: String, first: String, last: String, email: String)] {
        var rng = SeededRNG(seed: seed)
        let firsts = ["Mari", "Kadri", "Tiina", "Jaan", "Peeter", "Liis"], lasts = ["Tamm", "Saar", "Sepp", "Mägi", "Kask", "Rebane"]
        return (0..<n).map { k in
            let first = firsts[k % firsts.count], last = lasts[(k * 5 + 1) % lasts.count]
            return (Synthetic.nationalID(.eeIsikukood, using: &rng), first, last, Synthetic.email(first: first, last: last, using: &rng))
        }
    }

    @Test func headerColumnsHintsAndOneRecordPerRow() throws {
        let ps = people(3, seed: 7)
        var rows: [[C]] = [[.shared("Isikukood"), .shared("Nimi"), .shared("E-post")]]
        rows.append([.number(ps[0].id), .shared("\(ps[0].first) \(ps[0].last)"), .inline(ps[0].email)])
        rows.append([.number(ps[1].id), .inline("\(ps[1].first) \(ps[1].last)"), .shared(ps[1].email)])
        rows.append([])  // row 4 is empty: not in the XML
        rows.append([.shared(ps[2].id), .richShared("\(ps[2].first) ", ps[2].last), .empty])
        let (v, result) = try read(XLSXFixture(sheets: [.init(name: "Patsiendid", rows: rows)]))
        #expect(try result.get() == "1 sheet")
        let declares = v.events.filter { if case .declare = $0 { true } else { false } }
        #expect(declares == [
            .declare(name: "Isikukood", hint: .nationalID(.eeIsikukood), id: 0),
            .declare(name: "Nimi", hint: .fullName, id: 1),
            .declare(name: "E-post", hint: .email, id: 2),
        ])
        #expect(v.recordStrings == [
            "Isikukood=\(ps[0].id)|Nimi=\(ps[0].first) \(ps[0].last)|E-post=\(ps[0].email)",
            "Isikukood=\(ps[1].id)|Nimi=\(ps[1].first) \(ps[1].last)|E-post=\(ps[1].email)",
            "Isikukood=\(ps[2].id)|Nimi=\(ps[2].first) \(ps[2].last)",
        ])
        let begins = v.events.compactMap { if case let .begin(line, _) = $0 { line } else { nil } }
        #expect(begins == [2, 3, 5])
        #expect(v.events.contains(.field(value: ps[1].email, column: 2, line: 3, offset: 0)))
        #expect(!v.recordStrings.joined().contains("PHONETIC"))
    }

    @Test func numberStoredIDsAreDeliveredAsDigitsAndDamagedOnesCounted() throws {
        let rows: [[C]] = [
            [.shared("Isikukood"), .shared("Märkus")],
            [.number("38001085718"), .inline("plain")],
            [.number("3.8001085718E10"), .number("45123")],
            [.number("3.8001085718E+10"), .number("38001085718.0")],
            [.formulaString("3.8001E+10"), .number("12.5")],
            [.number("4111111111111111"), .number("1.5E-7")],
        ]
        let (v, result) = try read(XLSXFixture(sheets: [.init(name: "Sheet1", rows: rows)]))
        #expect(try result.get() == "1 sheet, 2 damaged numbers")
        #expect(v.recordStrings == [
            "Isikukood=38001085718|Märkus=plain",
            "Isikukood=38001085718|Märkus=45123",
            "Isikukood=38001085718|Märkus=38001085718",
            "Märkus=12.5",
            "Märkus=1.5E-7",
        ])
    }

    @Test func twoSheetsEachATable() throws {
        let ps = people(5, seed: 11)
        let first = XLSXFixture.Sheet(name: "Kliendid", rows: [[.shared("Isikukood"), .shared("E-post")]] + ps.prefix(2).map { [.number($0.id), .shared($0.email)] })
        // No header: values sampled.
        let second = XLSXFixture.Sheet(name: "Vana", rows: ps.suffix(3).map { [.inline($0.email), .number($0.id)] })
        let (v, result) = try read(XLSXFixture(sheets: [first, second]))
        #expect(try result.get() == "2 sheets")
        #expect(v.columnNames == ["Isikukood", "E-post", "column1", "column2"])
        #expect(v.events.contains(.declare(name: "column1", hint: .email, id: 2)))
        #expect(v.recordStrings == [
            "Isikukood=\(ps[0].id)|E-post=\(ps[0].email)",
            "Isikukood=\(ps[1].id)|E-post=\(ps[1].email)",
            "column1=\(ps[2].email)|column2=\(ps[2].id)",
            "column1=\(ps[3].email)|column2=\(ps[3].id)",
            "column1=\(ps[4].email)|column2=\(ps[4].id)",
        ])
        let begins = v.events.compactMap { if case let .begin(line, _) = $0 { line } else { nil } }
        #expect(begins == [2, 3, 1, 2, 3])
    }

    @Test func cellsWithoutReferencesTakeTheNextColumnAndRow() throws {
        let ps = people(2, seed: 3)
        var fixture = XLSXFixture(sheets: [.init(name: "S", rows: [[.shared("Isikukood"), .shared("E-post")]] + ps.map { [.empty, .shared($0.email)] })])
        fixture.omitReferences = true
        let (v, result) = try read(fixture)
        #expect(try result.get() == "1 sheet")
        #expect(v.recordStrings == ps.map { "E-post=\($0.email)" })
        let begins = v.events.compactMap { if case let .begin(line, _) = $0 { line } else { nil } }
        #expect(begins == [2, 3])
    }

    @Test func corruptOrIncompleteArchivesAreMalformed() throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("bs-xlsx-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: dir) }
        let junk = dir.appendingPathComponent("junk.xlsx")
        try Data([0x50, 0x4B, 0x03, 0x04] + Array(repeating: 0x41, count: 200)).write(to: junk)
        #expect(readFile(junk.path).result == .failure(ReadError(.malformed, "not a valid ZIP archive")))

        let noWorkbook = try read(parts: [("[Content_Types].xml", "<Types/>"), ("xl/worksheets/sheet1.xml", "<worksheet/>")])
        guard case .failure(let e) = noWorkbook.result else { Issue.record("read"); return }
        #expect(e.kind == .malformed)

        // A damaged deflate stream in the sheet.
        let ps = people(40, seed: 5)
        let parts = XLSXFixture(sheets: [.init(name: "S", rows: ps.map { [.inline($0.email), .inline($0.id)] })]).parts()
        let damaged = try read(parts: parts, patch: { bytes in
            // Overwrite the middle of the last member's compressed data (the sheet is written last).
            let cd = Self.centralDirectoryStart(bytes)
            for k in (cd - 60)..<(cd - 20) { bytes[k] ^= 0x5A }
        })
        guard case .failure(let e2) = damaged.result else { Issue.record("damaged sheet was read"); return }
        #expect(e2.kind == .malformed)
        #expect(!e2.message.contains("@"))
    }

    @Test func encryptedMemberIsUnsupported() throws {
        let parts = XLSXFixture(sheets: [.init(name: "S", rows: [[.inline("x")]])]).parts()
        let (_, result) = try read(parts: parts, patch: { bytes in
            let cd = Self.centralDirectoryStart(bytes)
            bytes[cd + 8] |= 1
        })
        #expect(result == .failure(ReadError(.unsupported, "encrypted, not scanned")))
    }

    @Test func sharedStringsAreCapped() throws {
        let rows: [[C]] = [[.shared(String(repeating: "a", count: 50)), .shared(String(repeating: "b", count: 50))]]
        let (_, result) = try read(XLSXFixture(sheets: [.init(name: "S", rows: rows)]), configure: { $0.maxSharedStringBytes = 60 })
        guard case .failure(let e) = result else { Issue.record("no limit error"); return }
        #expect(e.kind == .limit)
    }

    @Test func entitiesCommentsAndCDATAInParts() throws {
        let sheet = """
            <?xml version="1.0"?><!-- generator --><!DOCTYPE x [<!ENTITY y "z">]><x:worksheet xmlns:x="urn:x"><x:sheetData>\
            <x:row r="1"><x:c r="A1" t="inlineStr"><x:is><x:t>Nimi</x:t></x:is></x:c><x:c r="B1" t="inlineStr"><x:is><x:t>E-post</x:t></x:is></x:c></x:row>\
            <x:row r="2"><x:c r="A2" t="inlineStr"><x:is><x:t>Mari &amp; Jaan &#x54;amm&#33; &lt;&gt;&quot;&apos;</x:t></x:is></x:c>\
            <x:c r="B2" t="inlineStr"><x:is><x:t><![CDATA[mari.tamm@example.org]]></x:t></x:is></x:c></x:row>\
            </x:sheetData></x:worksheet>
            """
        let parts: [(String, String)] = [
            ("xl/workbook.xml", "<workbook><sheets><sheet name=\"A &amp; B\" sheetId=\"1\" r:id=\"rId1\"/></sheets></workbook>"),
            ("xl/_rels/workbook.xml.rels", "<Relationships><Relationship Id=\"rId1\" Type=\"x/worksheet\" Target=\"/xl/worksheets/data.xml\"/></Relationships>"),
            ("xl/worksheets/data.xml", sheet),
        ]
        let (v, result) = try read(parts: parts)
        #expect(try result.get() == "1 sheet")
        #expect(v.recordStrings == ["Nimi=Mari & Jaan Tamm! <>\"'|E-post=mari.tamm@example.org"])
    }

    typealias N = SpreadsheetNumber.Normalised
    static func d(_ s: String) -> N { .digits(Array(s.utf8)) }
    /// (value, as a numeric cell, as a text cell)
    static let numberCases: [(String, N, N)] = [
        ("38001085718", .asIs, .asIs),
        ("3.8001085718E10", d("38001085718"), d("38001085718")),
        ("3.8001085718E+10", d("38001085718"), d("38001085718")),
        ("38001085718.0", d("38001085718"), .asIs),
        ("3.8001E+10", d("38001000000"), .damaged),
        ("3,8001E+10", .asIs, .asIs),
        ("1234567890123456", .damaged, .asIs),
        ("1.2345678901234567E+16", .damaged, .damaged),
        ("1E+3", d("1000"), d("1000")),
        ("-4.5E+2", d("-450"), d("-450")),
        ("12.5", .asIs, .asIs),
        ("1.5E-7", .asIs, .asIs),
        ("0", .asIs, .asIs),
        ("E+10", .asIs, .asIs),
        ("3.8E", .asIs, .asIs),
        ("45123.25", .asIs, .asIs),
    ]

    @Test(arguments: numberCases)
    func spreadsheetNumbers(value: String, numeric: SpreadsheetNumber.Normalised, text: SpreadsheetNumber.Normalised) {
        let bytes = Array(value.utf8)
        bytes.withUnsafeBufferPointer {
            #expect(SpreadsheetNumber.numeric($0) == numeric, "numeric \(value)")
            #expect(SpreadsheetNumber.text($0) == text, "text \(value)")
        }
    }

    @Test func scannerGivesTheSameTagsForAnyChunking() throws {
        let xml = Array("<?xml version=\"1.0\"?><a x='1>2' y=\"&amp;\"><!-- c > d --><b/>t&lt;u<![CDATA[v]]w]]></a>".utf8)
        func run(_ size: Int) throws(ReadError) -> [String] {
            var s = XMLScanner(maxTextBytes: 100)
            s.collecting = true
            var out: [String] = []
            var k = 0
            while k < xml.count {
                let end = Swift.min(k + size, xml.count)
                try xml[k..<end].withUnsafeBufferPointer { (p: UnsafeBufferPointer<UInt8>) throws(ReadError) in
                    var i = 0
                    while let e = try s.next(p, at: &i) {
                        if e == .start {
                            out.append("<\(s.isNamed("a") ? "a" : s.isNamed("b") ? "b" : "?") x=\(s.attribute("x").map { String(decoding: $0, as: UTF8.self) } ?? "-") y=\(s.attribute("y").map { String(decoding: $0, as: UTF8.self) } ?? "-")>")
                        } else {
                            out.append("</>")
                        }
                    }
                }
                k = end
            }
            out.append(String(decoding: s.text, as: UTF8.self))
            return out
        }
        let whole = try run(xml.count)
        #expect(whole == ["<a x=1>2 y=&>", "<b x=- y=->", "</>", "</>", "t<uv]]w"])
        for size in 1...9 { #expect(try run(size) == whole, "chunk size \(size)") }
    }

    @Test func cellReferences() {
        #expect(XLSXReader.cellReference(Array("A1".utf8)[...])! == (0, 1))
        #expect(XLSXReader.cellReference(Array("AB12".utf8)[...])! == (27, 12))
        #expect(XLSXReader.cellReference(Array("$C$3".utf8)[...])! == (2, 3))
        #expect(XLSXReader.cellReference(Array("1A".utf8)[...]) == nil)
        #expect(XLSXReader.partPath("worksheets/sheet1.xml") == "xl/worksheets/sheet1.xml")
        #expect(XLSXReader.partPath("/xl/worksheets/s.xml") == "xl/worksheets/s.xml")
        #expect(XLSXReader.partPath("../xl/./worksheets/s.xml") == "xl/worksheets/s.xml")
    }

    /// Offset of the first central directory header of a ZIP file.
    static func centralDirectoryStart(_ b: [UInt8]) -> Int {
        var i = b.count - 22
        while !(b[i] == 0x50 && b[i + 1] == 0x4B && b[i + 2] == 5 && b[i + 3] == 6) { i -= 1 }
        return Int(b[i + 16]) | Int(b[i + 17]) << 8 | Int(b[i + 18]) << 16 | Int(b[i + 19]) << 24
    }
}
