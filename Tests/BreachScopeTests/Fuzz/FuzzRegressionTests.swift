@testable import BreachScope
import BreachScopeTesting
import Foundation
import Testing

/// Inputs found by the libFuzzer targets in `Fuzz/` (run with `scripts/fuzz`), kept as
/// regression tests: each crashed, hung or exhausted memory before its fix. Fuzzer inputs are
/// base64 as found (`.build-fuzz/crashes/<Target>/…`); next to them, a small hand-made case of
/// the same defect where one reads more easily.
@Suite struct FuzzRegressionTests {
    static func folder() throws -> URL {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("bs-fuzzreg-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        return dir
    }

    /// Runs `body` on another thread and reports whether it ended within `seconds` (a hang
    /// fails the test instead of blocking the run; the stuck thread is left behind).
    static func finishes(within seconds: Double, _ body: @escaping @Sendable () -> Void) -> Bool {
        let done = DispatchSemaphore(value: 0)
        Thread.detachNewThread { body(); done.signal() }
        return done.wait(timeout: .now() + seconds) == .success
    }

    /// Results handed back from the thread of `finishes`.
    final class Box: @unchecked Sendable {
        var error: ReadError?
        var names: [String] = []
    }

    /// The office targets split a non-ZIP input at NUL bytes into parts stored in a fresh ZIP.
    static func officeParts(_ input: [UInt8], names: [String]) -> [(String, [UInt8])] {
        var parts: [[UInt8]] = []
        var current: [UInt8] = []
        for b in input {
            if b == 0 && parts.count < names.count - 1 { parts.append(current); current = [] } else { current.append(b) }
        }
        parts.append(current)
        return Array(zip(names, parts))
    }

    static func readODF(_ url: URL, spreadsheet: Bool) -> (RecordingVisitor, ReadError?) {
        var reader = ODFReader(limits: ReadLimits())
        reader.spreadsheet = spreadsheet
        var visitor = RecordingVisitor()
        do throws(ReadError) {
            _ = try reader.read(path: url.path, visitor: &visitor)
            return (visitor, nil)
        } catch {
            return (visitor, error)
        }
    }

    // MARK: FuzzODF — a cell end tag after a broken one reached the table with column -1

    /// FuzzODF crash-7159730e: `</table:ta\xa9le-cell>` left a cell open; in the next row a
    /// mangled cell start was skipped, so the next `</table:table-cell>` delivered a cell at
    /// column -1 and `CSVReader.sampledHints` indexed an array with -1 (fatal error). Fix: a
    /// row start ends any open cell; a cell at a negative column is ignored.
    static let odfNegativeColumn = "PD94bWwgdmVyc2lvbj0iMS4wIiBlbmNvZGluZz0iVVRGLTgiPz48b2ZmaWNlOmRvY3VtZW50LWNvbnRlbnQgeG1sbnM6b2Zm"
        + "aWNlPSJvIiB4bWxuczp0ZXh0PSJ0IiB4bWxuczp0YWJsZT0idGIiPjxvZmZpY2U6Ym9keT48b2ZmaWNlOnRleHQ+PHRleHQ6"
        + "aD5SZXBvcnQ8L3RleHQ6aD48dGV4dDpwPk5pbWk6IE1hcmkgVGFtbTx0ZXh0OnRhYi8+a29vZDx0ZXh0OnMgdGV4dLpjPSIz"
        + "Ii8+NDk0MDMxMzY1MjY8dGV4dDpsaW5lLWJyZWFrLz5lbmQ8L3RleHQ6cD48dGFibGU6dGFibGU+PHRhYmxlOnRhYmxlLXJv"
        + "dz48dGFibGU6dGFibGUtY2VsbD48dGV4dDpwPk5hbWU8L3RleHQ6cD48L3RhYmxlOnRhYmxlLWNlbGw+PHRhYmxlOnRhYmxl"
        + "LWNlbGw+PHRleHQ6cD5FbWFpbDwvdGV4dDpwPjwvdGFibGU6dGGpbGUtY2VsbD48L3RhYmxlOnRhYmxlLXJvdz48dGFibGU6"
        + "dGFibGUtcm93Pnx0YWJsZTp0YWJsZS1jZWxsPjx0ZXh0OnA+SnVoYW4gPHRleHQ6c3Bhbj5LYXNrPC90ZXh0OnNwYW4+PC90"
        + "ZXh0OnA+PC90YWJsZTp0YWJsZS1jZWxsPjx0YWJsZTp0YWJsZS1jZWxsPjx0ZXh0OnA+anVoYW4ua2Fza0BleGFtcGxlLm87"
        + "cmc8L3RleHQ6cD48L3RhYmxlOnRhYmxlLWNobGw+PC90YWJsZTp0YWJsZS1yb3c+PC90YWJsZTp0YWJsZT48L29mZmljZTp0"
        + "ZXh0Pjwvb2ZmaWNlOmJvZHk+PC9vZmZpY2U6ZG9jdW1lbnQtY29udGVudD4APD94bWwgdmVyc2lvbj0iMS4wIiBlbmNvZGlu"
        + "Zz0iVVRGLTgiPz48bWFuaWZlc3Q6bWFuaWZlc3QgeG1sbnM6bWFuaWZlc3Q9Im0iPjxtYW5pZmVzdDpmaWxlLWVudHJ5IG1h"
        + "bmlmZXN0OmZ1bGwtcGF0aD0iLyIgbWFuaWZlc3Q6bWVkaWEtdHlwZT0iAwEAAAAAAABhcHBsaWNhdGlvbi92bmQub2FzaXMu"
        + "b3BlbmRvY3VtZW50LnRleHQiLz48bWFuaWZlc3Q6ZmlsZS1lbnRyeSBtYW5pZmVzdDpmdWxsLXBhdGg9ImNvbnRlbnQueG1s"
        + "IiBtYW5pZmVzdDptZWRpYS10eXBlPSJ0ZXh0L3htbCIvPjwvbWFuaWZlc3Q6bWFuaWZlc3Q+"

    @Test func odfCellLeftOpenAcrossRowsFromFuzzer() throws {
        let dir = try Self.folder()
        defer { try? FileManager.default.removeItem(at: dir) }
        let input = Array(try #require(Data(base64Encoded: Self.odfNegativeColumn)))
        let url = dir.appendingPathComponent("input.odt")
        try ArchiveFixture.zip(url, Self.officeParts(input, names: ["content.xml", "META-INF/manifest.xml"]), stored: true)
        let (text, _) = Self.readODF(url, spreadsheet: false)
        #expect(text.recordStrings.contains { $0.contains("Mari Tamm") })
        let (sheet, _) = Self.readODF(url, spreadsheet: true)
        #expect(sheet.recordStrings.allSatisfy { !$0.contains("Mari Tamm") }, "paragraphs outside tables are not sheet cells")
    }

    static let odfNS = "xmlns:office=\"urn:oasis:names:tc:opendocument:xmlns:office:1.0\" xmlns:table=\"urn:oasis:names:tc:opendocument:xmlns:table:1.0\" xmlns:text=\"urn:oasis:names:tc:opendocument:xmlns:text:1.0\""

    static func ods(_ dir: URL, _ rows: String) throws -> URL {
        let url = dir.appendingPathComponent("t.ods")
        let content = "<?xml version=\"1.0\"?><office:document-content \(odfNS)><office:body><office:spreadsheet>"
            + "<table:table table:name=\"S\">\(rows)</table:table></office:spreadsheet></office:body></office:document-content>"
        try ArchiveFixture.zip(url, [("mimetype", Array("application/vnd.oasis.opendocument.spreadsheet".utf8)),
                                     ("content.xml", Array(content.utf8))])
        return url
    }

    @Test func odfCellLeftOpenAcrossRows() throws {
        let dir = try Self.folder()
        defer { try? FileManager.default.removeItem(at: dir) }
        let url = try Self.ods(dir, "<table:table-row><table:table-cell><text:p>Name</text:p></table:table-BROKEN>"
            + "</table:table-row><table:table-row><table:BROKEN-cell><text:p>Ada Example</text:p></table:table-cell></table:table-row>")
        let (_, error) = Self.readODF(url, spreadsheet: true)
        #expect(error == nil)
    }

    /// Found reading the ODF reader after the crash above: `number-columns-repeated` (up to 12
    /// digits) moved the column of the next cell to ~10^12 and the column table grew to it (out
    /// of memory). Now repeats are capped and content past column 16,384 fails the document.
    @Test func odfHugeColumnRepeatIsALimitNotAnAllocation() throws {
        let dir = try Self.folder()
        defer { try? FileManager.default.removeItem(at: dir) }
        let url = try Self.ods(dir, "<table:table-row><table:table-cell><text:p>Name</text:p></table:table-cell></table:table-row>"
            + "<table:table-row><table:table-cell table:number-columns-repeated=\"999999999999\"/>"
            + "<table:table-cell><text:p>Ada Example</text:p></table:table-cell></table:table-row>")
        let box = Box()
        let finished = Self.finishes(within: 20) { box.error = Self.readODF(url, spreadsheet: true).1 }
        #expect(finished)
        #expect(box.error?.kind == .limit)
    }

    // MARK: FuzzDOCX — ZIPFoundation inflated past the member and looped at end of file

    /// FuzzDOCX timeout-361b2f5a: a deflated member whose stream does not end before the end of
    /// the file. ZIPFoundation 0.9 on Linux reads on past the member and, at end of file, loops
    /// forever. Fix: `ZipInflate` inflates exactly the member's compressed bytes and fails when
    /// the stream does not end within them.
    static let docxEndlessInflate = "UEsDBBQAAAAIAIcjel1LExAPZAEAAG0DAAARAAAAd29yZC9kb2N1bWVudC54bWyVU9tugzAM/RWU9zas7aoNFbqpWqVt2sRD"
        + "9wEhuIWRm5K0ZX+/hNLLGNW0Fxtsn+ODbWbzmrNgB9qUUsToZhiiAASVeSk2MfpYLQd3aJ7M9lEu6ZaDsIGrFybax6iwVkUY"
        + "G1oAJ2YoFQiXW0vNiXWveoP3UudKSwrGODrO8CgMp5iTUiBPmcn8y3vljfbGJqnDlq5NFLwRXQYrwvkM+4S3urGqg/GKIqMI"
        + "hRgpDQb0DlDybMpqW0mZR8EPglOnyf0kHN+Mp7ejaW8ByfChsG7TTrDGXR02Y407YGj3c94Jhx79+Fj7G/E0cPNh1zH41OxK"
        + "y5dtQUTwSkz1v8afHjesHO4BasIVA7/DP4XgdgacRo/MghbEwkIK63bYBBeFLCl0m9Em2kd+AXGPS8JYRmjVxa/b+BWGMwz3"
        + "6joeUXrYd9qyultV5oIybUnT81nkwFZQ28R5sJD79DDUHdLhvPH510m+AVBLAwQUAAAACACHI3pdgiQhQkwAAABdAAAAEAAA"
        + "AHdvcmQvaGVhZGVyMS54bWyzKbfKSClSqMjNySu2KrdVqlCysylBKgARRSCixM45JzMvM1khIzUxJbVIR6EkNUdB29jcSMEU"
        + "CBQMDA0MbPRBykBkEZgsAJNAU+0AUEsDBBQAAAAIAIcjel2FNkpsOAAAAEcAAAAQAAAAd29yZC9mb290ZXIyLnhtbLMpt0or"
        + "KVKoyM3JK7Yqt1WqULKzKbcqABFFIKLELiAxPVUhLT+/JLXIRh8kACKLwGQBmATqtwMAUEsDBBQAAAAIAIcjel2xbquxXQAA"
        + "AIkAAAASAAAAd29yZC9mb290bm90ZXMueG1ssym3SsvPL8nLL0ktVqjIzckrtiq3VapQsrNBSCiUW2Wm2CoZggULQEQRiCix"
        + "8wNKWikkZubl65VlFpUk5qXmOaRWJOYW5KTq5aWW2OiDFIHIIjBZACZhpqJwiu0AUEsBAhQDFAAAAAgAhyN6XUsTEA9kAQAA"
        + "bQMAABEAAAAAAAAAAAAAAIABAAAAAHdvcmQvZG9jdW1lbnQueG1sUEsBAhQDFAAAAAgAhyN6XYIkIUJMAAAAXQAAABAAAAAA"
        + "AAAAAAAAAERpYwEAAHdvcmQvaGVhZGVyMS54bWxQSwECFAMUAAAACACHI3pdhTZKbDgAAABHAAAAEAAAAAAAAAAAAAAAgAEN"
        + "AgAAd29yZC9mb290ZXJyZC9kb2N1bWVudC54bWyVU9tugzAM/RWU9zas7aoNFbqpWqVt2sRD9wEhuIWRm5K0ZX+/hNLLGNW0"
        + "Fxtsn+ODbWbzmrNgB9qUUsToZhiiAASVeSk2MfpYLQd3aJ7M9lEu6ZaDsIGrFybax6iwVkUYG1oAMi54bWxQSwECFAMUAAAA"
        + "CACHI3pdsW6rsV0AAACJAAAAEgAAAAAAAAAAAAAAgAFzAgAAd29yZC9mb290bm90ZXMueG1sUEsFBgAAAAAEAAQA+wAAAAAD"
        + "AAAAAA=="

    @Test func docxDeflateStreamPastEndOfFileFromFuzzer() throws {
        let dir = try Self.folder()
        defer { try? FileManager.default.removeItem(at: dir) }
        let url = dir.appendingPathComponent("input.docx")
        try Data(base64Encoded: Self.docxEndlessInflate)!.write(to: url)
        let path = url.path
        let finished = Self.finishes(within: 20) {
            var visitor = RecordingVisitor()
            var reader = DOCXReader(limits: ReadLimits())
            _ = try? reader.read(path: path, visitor: &visitor)
        }
        #expect(finished, "the DOCX reader must not hang on a deflate stream that runs past the end of the file")
    }

    /// A ZIP whose one deflated member is a stored deflate block announcing 65,535 bytes when
    /// only a few follow: the stream cannot end before the end of the file.
    static func endlessDeflateZip(name: String) -> [UInt8] {
        let data: [UInt8] = [0x00, 0xFF, 0xFF, 0x00, 0x00] + Array("Ada".utf8)  // BFINAL=0, stored, LEN=65535
        var out: [UInt8] = []
        func u16(_ v: Int) { out += [UInt8(v & 0xFF), UInt8(v >> 8 & 0xFF)] }
        func u32(_ v: Int) { u16(v & 0xFFFF); u16(v >> 16 & 0xFFFF) }
        let n = Array(name.utf8)
        u32(0x0403_4B50); u16(20); u16(0); u16(8); u16(0); u16(0x21); u32(0x1234_5678); u32(data.count); u32(100); u16(n.count); u16(0)
        out += n + data
        let cd = out.count
        u32(0x0201_4B50); u16(20); u16(20); u16(0); u16(8); u16(0); u16(0x21); u32(0x1234_5678); u32(data.count); u32(100)
        u16(n.count); u16(0); u16(0); u16(0); u16(0); u32(0); u32(0)
        out += n
        let cdSize = out.count - cd
        u32(0x0605_4B50); u16(0); u16(0); u16(1); u16(1); u32(cdSize); u32(cd); u16(0)
        return out
    }

    @Test func zipMemberWithEndlessDeflateStreamFails() throws {
        let dir = try Self.folder()
        defer { try? FileManager.default.removeItem(at: dir) }
        let docx = dir.appendingPathComponent("a.docx")
        try Data(Self.endlessDeflateZip(name: "word/document.xml")).write(to: docx)
        let docxPath = docx.path
        let docxDone = Self.finishes(within: 20) {
            var visitor = RecordingVisitor()
            var reader = DOCXReader(limits: ReadLimits())
            do throws(ReadError) { _ = try reader.read(path: docxPath, visitor: &visitor) } catch {
                precondition(error.kind == .malformed)
            }
        }
        #expect(docxDone)

        let archive = dir.appendingPathComponent("leak.zip")
        try Data(Self.endlessDeflateZip(name: "notes.txt")).write(to: archive)
        try FileManager.default.removeItem(at: docx)
        let expander = try ArchiveExpander(limits: ArchiveLimits())
        defer { expander.removeTemporaryArea() }
        let dirPath = dir.path
        let box = Box()
        let zipDone = Self.finishes(within: 20) {
            guard let files = try? Walker.walk([dirPath]) else { return }
            let expanded = expander.expand(files) { _ in false }
            box.names = expanded.map(\.name)
            guard let member = expanded.first(where: { $0.name == "leak.zip!/notes.txt" }) else { return }
            do throws(ReadError) { _ = try expander.materialize(member, cache: ArchiveExpander.ZipCache()) } catch { box.error = error }
        }
        #expect(zipDone, "extracting a ZIP member must not hang on a deflate stream that runs past the end of the file")
        #expect(box.names.contains("leak.zip!/notes.txt"))
        #expect(box.error != nil)
    }

    // MARK: FuzzTar — a pax record whose length ends inside its own length field

    /// Found while writing the tar target (the fuzzer had not reached it yet): a pax record
    /// `"1 "` says it is 1 byte long, shorter than its own length field and space, and
    /// `TarReader.parsePax` sliced `data[2..<1]` (fatal error). Now such a record ends parsing.
    @Test(arguments: ["1 ", "2 x", "1 path=a\n", "0 path=a\n"])
    func paxRecordShorterThanItsLengthField(_ record: String) {
        let pax = TarReader.parsePax(Array(record.utf8))
        #expect(pax.path == nil && pax.size == nil)
    }

    @Test func paxRecordsStillParse() {
        let pax = TarReader.parsePax(Array("18 path=dir/a.csv\n11 size=42\n".utf8))
        #expect(pax.path == "dir/a.csv")
        #expect(pax.size == 42)
    }
}
