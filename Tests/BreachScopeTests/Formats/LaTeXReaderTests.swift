import Testing
@testable import BreachScope

@Suite struct LaTeXReaderTests {
    static let letter = #"""
        % Heeliks Geenilabor OÜ LIMS 4.2 -- automaatselt genereeritud 2023-01-22
        \documentclass[11pt,a4paper]{scrlttr2}
        \usepackage[utf8]{inputenc}
        \setkomavar{fromname}{Heeliks Geenilabor OÜ}
        \setkomavar{fromphone}{+372 730 0400}
        \setkomavar{fromemail}{vastused@heeliks.example.com}
        \setkomavar{signature}{dr Helle Raudsepp\\kliiniline geneetik}
        \newcommand{\patsient}{Arvo Kruus}
        \newcommand{\isikukood}{38807132262}
        \begin{document}
        \begin{letter}{Mustamäe Perearstikeskus}
        \opening{Lugupeetud kolleeg!}

        \begin{tabular}{@{}ll@{}}
        Patsient: & \patsient \\
        Isikukood: & \isikukood \\
        Aadress: & S\~ole 41, 12152 Tallinn \\
        N\"aidustus: & D68.5 -- korduvad tromboosid 50\% \\
        \end{tabular}

        \section*{Tulemus}
        Uuritud geenides (F5, F2) patogeenseid variante ei tuvastatud.
        \closing{Lugupidamisega}
        \end{letter}
        \end{document}
        """#

    /// A lab's result letter: its macros are labelled lines and expand where used, its key/value
    /// table is labelled lines, accent macros are letters; the sender's lines (`fromphone`,
    /// `fromemail`, the signature) are not read; chunked reads agree.
    @Test func resultLetters() {
        let doc = Array(Self.letter.utf8)
        let whole = readDocument(LaTeXReader(), doc)
        #expect(whole.error == nil)
        let all = whole.visitor.recordStrings.joined(separator: "\n")
        #expect(whole.visitor.recordStrings.first == "patsient=Arvo Kruus|isikukood=38807132262", "\(all)")
        #expect(all.contains("Patsient=Arvo Kruus|Isikukood=38807132262|Aadress=Sõle 41, 12152 Tallinn"), "\(all)")
        #expect(all.contains("Sõle 41, 12152 Tallinn") && all.contains("Näidustus") && all.contains("50%"), "\(all)")
        #expect(all.contains("Mustamäe Perearstikeskus") && all.contains("Tulemus"), "\(all)")
        #expect(!all.contains("730 0400") && !all.contains("vastused@") && !all.contains("Raudsepp") && !all.contains("documentclass"), "\(all)")
        for size in [1, 7, 64] {
            #expect(readDocument(LaTeXReader(), doc, chunkSize: size).visitor.events == whole.visitor.events)
        }
    }

    @Test func accentMacros() {
        for (tex, text) in [(#"P\"arn"#, "Pärn"), (#"\~O{}unapuu"#, "Õunapuu"), (#"\v{S}ukys"#, "Šukys"), (#"{\l}\'od\'z"#, "łódź"),
                            (#"B\=erzi\c{n}\v s"#, "Bērziņš"), (#"\k{a}\.{e}"#, "ąė"), (#"\ss{} \aa"#, "ß å")] {
            let v = readDocument(LaTeXReader(), Array("nimi: \(tex)\n".utf8)).visitor
            #expect(v.recordStrings.joined().contains(text), "\(tex): \(v.recordStrings)")
        }
        let head = Array("% LIMS\n\\documentclass{scrlttr2}\n".utf8)
        #expect(head.withUnsafeBufferPointer { DocumentFormat.detect(path: "G2023-01020_vastus", prefix: $0) } == .latex)
    }
}
