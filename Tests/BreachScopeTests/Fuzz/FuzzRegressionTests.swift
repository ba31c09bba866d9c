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
}
