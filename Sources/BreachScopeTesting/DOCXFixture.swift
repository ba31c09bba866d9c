import Foundation

/// Writes small Word documents (`.docx`) for tests: `[Content_Types].xml`, `_rels/.rels`,
/// `word/document.xml` and any header/footer parts, with paragraphs and tables written the way
/// Word writes them (runs, properties with tab stops, `w:tab`, `w:br`). Synthetic data only.
public struct DOCXFixture {
    /// One block of the body.
    public enum Block {
        /// A paragraph; `\t` becomes `w:tab`, `\n` becomes `w:br`, and the text is split into runs.
        case paragraph(String)
        /// A table: rows of cell texts.
        case table([[String]])
    }

    public var body: [Block]
    /// Header parts (`word/headerN.xml`), each a list of paragraphs.
    public var headers: [[String]]
    /// Footer parts (`word/footerN.xml`), each a list of paragraphs.
    public var footers: [[String]]

    public init(body: [Block], headers: [[String]] = [], footers: [[String]] = []) {
        self.body = body; self.headers = headers; self.footers = footers
    }

    static let ns = "xmlns:w=\"http://schemas.openxmlformats.org/wordprocessingml/2006/main\" xmlns:r=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships\""

    static func esc(_ s: String) -> String {
        s.replacingOccurrences(of: "&", with: "&amp;").replacingOccurrences(of: "<", with: "&lt;").replacingOccurrences(of: ">", with: "&gt;")
    }

    /// A `w:p` element: paragraph properties with a tab stop, then one run per piece.
    public static func paragraph(_ text: String) -> String {
        var xml = "<w:p><w:pPr><w:tabs><w:tab w:val=\"left\" w:pos=\"2268\"/></w:tabs><w:rPr><w:lang w:val=\"et-EE\"/></w:rPr></w:pPr>"
        for (k, line) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            if k > 0 { xml += "<w:r><w:br/></w:r>" }
            for (j, piece) in line.split(separator: "\t", omittingEmptySubsequences: false).enumerated() {
                if j > 0 { xml += "<w:r><w:tab/></w:r>" }
                // Split each piece into two runs, as Word does after edits.
                let half = piece.index(piece.startIndex, offsetBy: piece.count / 2)
                for run in [piece[..<half], piece[half...]] where !run.isEmpty {
                    xml += "<w:r><w:rPr><w:b/></w:rPr><w:t xml:space=\"preserve\">\(esc(String(run)))</w:t></w:r>"
                }
            }
        }
        return xml + "</w:p>"
    }

    /// The parts of the document, by archive path.
    public func parts() -> [(String, String)] {
        var doc = "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n<w:document \(Self.ns)><w:body>"
        for block in body {
            switch block {
            case .paragraph(let t): doc += Self.paragraph(t)
            case .table(let rows):
                doc += "<w:tbl><w:tblPr><w:tblW w:w=\"0\" w:type=\"auto\"/></w:tblPr><w:tblGrid><w:gridCol w:w=\"3000\"/></w:tblGrid>"
                for row in rows {
                    doc += "<w:tr>"
                    for c in row { doc += "<w:tc><w:tcPr><w:tcW w:w=\"3000\" w:type=\"dxa\"/></w:tcPr>\(Self.paragraph(c))</w:tc>" }
                    doc += "</w:tr>"
                }
                doc += "</w:tbl>"
            }
        }
        doc += "<w:sectPr/></w:body></w:document>"
        var out: [(String, String)] = [
            ("[Content_Types].xml", "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n<Types xmlns=\"http://schemas.openxmlformats.org/package/2006/content-types\"><Default Extension=\"rels\" ContentType=\"application/vnd.openxmlformats-package.relationships+xml\"/><Default Extension=\"xml\" ContentType=\"application/xml\"/><Override PartName=\"/word/document.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml\"/></Types>"),
            ("_rels/.rels", "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n<Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\"><Relationship Id=\"rId1\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument\" Target=\"word/document.xml\"/></Relationships>"),
            ("word/document.xml", doc),
        ]
        for (kind, list) in [("hdr", headers), ("ftr", footers)] {
            for (k, paragraphs) in list.enumerated() {
                let name = kind == "hdr" ? "header" : "footer"
                out.append(("word/\(name)\(k + 1).xml", "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n<w:\(kind) \(Self.ns)>" + paragraphs.map(Self.paragraph).joined() + "</w:\(kind)>"))
            }
        }
        return out
    }

    /// Writes the document to `url` (which must not exist), deflated.
    public func write(to url: URL) throws { try XLSXFixture.write(parts(), to: url) }
}
