import Foundation
import Testing
@testable import BreachScope
import BreachScopeTesting

@Suite struct RTFReaderTests {
    func read(_ rtf: String, chunkSize: Int = 0, limits: ReadLimits = ReadLimits()) -> (visitor: RecordingVisitor, error: ReadError?) {
        readDocument(RTFReader(limits: limits), Array(rtf.utf8), chunkSize: chunkSize)
    }

    static let header = #"{\rtf1\ansi\ansicpg1257\deff0{\fonttbl{\f0\froman\fcharset186 Times New Roman Baltic;}{\f1\fcharset238 Arial CE;}{\f2\fcharset0 Arial;}}{\colortbl;\red0\green0\blue0;}{\stylesheet{\s0 Normal;}}{\info{\author Kadri Kask}{\title Saatekiri}}"#

    @Test func textParagraphsAndEscapes() {
        let ps = people(2, seed: 21)
        // "Mägi" / "Mõni": ä = E4, õ = F5 in Windows-1257; š = F0 in 1257, 9A in 1250; \u353? is š.
        let rtf = Self.header + #"""
        \pard\plain Patsiendi andmed\par
        Nimi: \#(ps[0].name)\par
        Isikukood:\tab \#(ps[0].id)\line E-post: \#(ps[0].email)\par
        \par
        Nimi: Liis M\'e4gi\par
        M\'f5ni {\f1 \'9a}{\f2 \'f5} \u353?\u-10179?\u-8704? \{x\} {\*\bkmkstart b1}{\pict\pngblip 89504e470d0a}{\field{\*\fldinst HYPERLINK "mailto:peidus@example.ee"}{\fldrslt \#(ps[1].email)}}\par
        \page Nimi: \#(ps[1].name)\par}
        """#
        for chunk in [0, 1, 5] {
            let (v, error) = read(rtf, chunkSize: chunk)
            #expect(error == nil, "chunk \(chunk)")
            #expect(v.recordStrings == [
                "-=Patsiendi andmed|Nimi=\(ps[0].name)|Isikukood=\(ps[0].id)|E-post=\(ps[0].email)",
                "Nimi=Liis Mägi|-=Mõni šõ š😀 {x} \(ps[1].email)",
                "Nimi=\(ps[1].name)",
            ], "chunk \(chunk)")
        }
    }

    @Test func tablesAreTables() {
        let ps = people(3, seed: 22)
        func row(_ cells: [String]) -> String {
            #"\trowd\cellx1000\cellx2000\cellx3000\pard\intbl "# + cells.map { $0 + #"\cell "# }.joined() + #"\pard\intbl\row"# + "\n"
        }
        let rtf = Self.header + #"\pard Tabel\par"# + "\n" + row(["Isikukood", "Nimi", "E-post"]) + ps.map { row([$0.id, $0.name, $0.email]) }.joined() + #"\pard Lõpp\par}"#
        for chunk in [0, 4] {
            let (v, error) = read(rtf, chunkSize: chunk)
            #expect(error == nil)
            #expect(v.recordStrings == ["-=Tabel"] + ps.map { "Isikukood=\($0.id)|Nimi=\($0.name)|E-post=\($0.email)" } + ["-=Lõpp"])
            #expect(v.events.contains(.declare(name: "Isikukood", hint: .nationalID(.eeIsikukood), id: 0)))
        }
    }

    @Test func notRTFAndTruncated() {
        #expect(read("hello").error?.kind == .malformed)
        #expect(read(#"{\foo1 x}"#).error?.kind == .malformed)
        let (v, error) = read(#"{\rtf1 E-post: a@b.ee\par Nimi: Mari"#)
        #expect(error == ReadError(.malformed, "truncated RTF: 1 group not closed"))
        #expect(v.recordStrings == ["E-post=a@b.ee|Nimi=Mari"])
    }

    @Test func hostileInputs() {
        let deep = #"{\rtf1 "# + String(repeating: "{", count: 100_000) + "x" + String(repeating: "}", count: 100_000) + "}"
        let (_, error) = read(deep, chunkSize: 65536)
        #expect(error == ReadError(.limit, "RTF groups nested deeper than the limit of 512"))
        // \bin skips raw data by its length; a huge hex picture is skipped without being held.
        let bin = #"{\rtf1 {\pict\bin5 ab{}\}E-post: a@b.ee\par}"#
        #expect(read(bin).visitor.recordStrings == ["E-post=a@b.ee"])
        let pict = #"{\rtf1 {\pict "# + String(repeating: "0a", count: 10 << 20) + #"}E-post: a@b.ee\par}"#
        let (p, perror) = read(pict, chunkSize: 1 << 20)
        #expect(perror == nil)
        #expect(p.recordStrings == ["E-post=a@b.ee"])
        var limits = ReadLimits()
        limits.maxFieldBytes = 100
        let cell = #"{\rtf1 \trowd\cellx100\pard\intbl "# + String(repeating: "x", count: 200) + #"\cell\row}"#
        #expect(read(cell, limits: limits).error?.message == "a table cell is longer than the limit of 100 bytes")
    }
}
