/// Minimal valid PDF files written byte by byte, for reader and end-to-end tests (no PDF library
/// or tool needed to make them).
extension Synthetic {
    /// Characters outside ASCII that page text may use, drawn through the font's `/Differences`
    /// at codes 128… (Polish letters and a few Nordic/Baltic ones).
    static let extraGlyphs: [(Character, String)] = [
        ("ą", "aogonek"), ("ć", "cacute"), ("ę", "eogonek"), ("ł", "lslash"), ("ń", "nacute"), ("ó", "oacute"),
        ("ś", "sacute"), ("ź", "zacute"), ("ż", "zdotaccent"), ("Ł", "Lslash"), ("Ś", "Sacute"), ("Ż", "Zdotaccent"),
        ("ä", "adieresis"), ("ö", "odieresis"), ("õ", "otilde"), ("ü", "udieresis"), ("å", "aring"),
    ]

    /// A PDF with one page per element of `pages`: each page's lines are drawn top-down in
    /// Helvetica 12 pt; a nil page has no text operators at all (one filled rectangle, like a
    /// scanned image without OCR). Lines may use ASCII and the letters of `extraGlyphs`.
    public static func pdf(pages: [[String]?]) -> [UInt8] {
        var out: [UInt8] = Array("%PDF-1.4\n".utf8) + [0x25, 0xE2, 0xE3, 0xCF, 0xD3, 0x0A]  // binary marker comment
        var offsets: [Int] = []
        func object(_ body: [UInt8]) {
            offsets.append(out.count)
            out += Array("\(offsets.count) 0 obj\n".utf8) + body + Array("\nendobj\n".utf8)
        }
        let pageIDs = pages.indices.map { 4 + 2 * $0 }
        object(Array("<< /Type /Catalog /Pages 2 0 R >>".utf8))
        object(Array("<< /Type /Pages /Kids [\(pageIDs.map { "\($0) 0 R" }.joined(separator: " "))] /Count \(pages.count) >>".utf8))
        let differences = extraGlyphs.map { "/" + $0.1 }.joined(separator: " ")
        object(Array(("<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding << /Type /Encoding "
            + "/BaseEncoding /WinAnsiEncoding /Differences [128 \(differences)] >> >>").utf8))
        for (i, lines) in pages.enumerated() {
            var content: [UInt8]
            if let lines {
                content = Array("BT\n/F1 12 Tf\n72 740 Td\n".utf8)
                for line in lines {
                    content += Array("(".utf8) + pdfString(line) + Array(") Tj\n0 -16 Td\n".utf8)
                }
                content += Array("ET\n".utf8)
            } else {
                content = Array("0.5 0.5 0.5 rg\n72 400 300 300 re\nf\n".utf8)
            }
            object(Array("<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Resources << /Font << /F1 3 0 R >> >> /Contents \(pageIDs[i] + 1) 0 R >>".utf8))
            object(Array("<< /Length \(content.count) >>\nstream\n".utf8) + content + Array("endstream".utf8))
        }
        let xref = out.count
        out += Array("xref\n0 \(offsets.count + 1)\n0000000000 65535 f \n".utf8)
        for o in offsets {
            let digits = String(o)
            out += Array((String(repeating: "0", count: 10 - digits.count) + digits + " 00000 n \n").utf8)
        }
        out += Array("trailer\n<< /Size \(offsets.count + 1) /Root 1 0 R >>\nstartxref\n\(xref)\n%%EOF\n".utf8)
        return out
    }

    /// A PDF string body: `(`, `)` and `\` escaped, extra glyphs as octal codes.
    static func pdfString(_ text: String) -> [UInt8] {
        var out: [UInt8] = []
        for c in text {
            if c == "(" || c == ")" || c == "\\" {
                out.append(0x5C); out += Array(String(c).utf8)
            } else if let ascii = c.asciiValue, ascii >= 0x20 {
                out.append(ascii)
            } else if let k = extraGlyphs.firstIndex(where: { $0.0 == c }) {
                let code = 128 + k
                out += Array("\\\(code / 64)\((code / 8) % 8)\(code % 8)".utf8)
            } else {
                precondition(false, "Synthetic.pdf: no glyph for \(c)")
            }
        }
        return out
    }
}
