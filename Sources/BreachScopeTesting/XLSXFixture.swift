import Foundation
import ZIPFoundation

/// Writes small Excel workbooks (`.xlsx`) for tests: the minimal parts (`[Content_Types].xml`,
/// `xl/workbook.xml`, `xl/_rels/workbook.xml.rels`, `xl/sharedStrings.xml`, one
/// `xl/worksheets/sheetN.xml` per sheet), with cells written the ways Excel and other producers
/// write them. Fill it with synthetic data only.
public struct XLSXFixture {
    /// One cell as stored in the sheet XML.
    public enum Cell {
        /// A shared string (`t="s"`, text in `xl/sharedStrings.xml`).
        case shared(String)
        /// Shared string made of two rich-text runs (joined when read).
        case richShared(String, String)
        /// An inline string (`t="inlineStr"`, `<is><t>`).
        case inline(String)
        /// A number (`<v>` as given, e.g. `38001085718` or `3.8001085718E+10`).
        case number(String)
        /// A formula with a string result (`t="str"`).
        case formulaString(String)
        /// No cell (the next cell is in the next column).
        case empty
    }

    /// A sheet: its name and its rows from row 1; an empty row is left out of the XML.
    public struct Sheet {
        public var name: String
        public var rows: [[Cell]]
        public init(name: String, rows: [[Cell]]) { self.name = name; self.rows = rows }
    }

    public var sheets: [Sheet]
    /// Write cells without `r` attributes (some producers do).
    public var omitReferences = false

    public init(sheets: [Sheet]) { self.sheets = sheets }

    /// The parts of the workbook, by archive path.
    public func parts() -> [(String, String)] {
        var shared: [String] = []
        func esc(_ s: String) -> String {
            s.replacingOccurrences(of: "&", with: "&amp;").replacingOccurrences(of: "<", with: "&lt;")
                .replacingOccurrences(of: ">", with: "&gt;").replacingOccurrences(of: "\"", with: "&quot;")
        }
        func column(_ k: Int) -> String {
            var k = k + 1, s = ""
            while k > 0 { let r = (k - 1) % 26; s = String(UnicodeScalar(UInt8(65 + r))) + s; k = (k - 1) / 26 }
            return s
        }
        let ns = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"
        let rns = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
        var out: [(String, String)] = []
        var sheetParts: [String] = []
        for sheet in sheets {
            var xml = "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n<worksheet xmlns=\"\(ns)\" xmlns:r=\"\(rns)\"><dimension ref=\"A1\"/><sheetData>"
            for (i, row) in sheet.rows.enumerated() where !row.isEmpty {
                xml += omitReferences ? "<row>" : "<row r=\"\(i + 1)\" spans=\"1:\(row.count)\">"
                for (k, cell) in row.enumerated() {
                    let r = omitReferences ? "" : " r=\"\(column(k))\(i + 1)\""
                    switch cell {
                    case .empty: if omitReferences { xml += "<c/>" }
                    case .shared(let s): xml += "<c\(r) t=\"s\"><v>\(shared.count)</v></c>"; shared.append("<si><t>\(esc(s))</t></si>")
                    case .richShared(let a, let b):
                        xml += "<c\(r) t=\"s\"><v>\(shared.count)</v></c>"
                        shared.append("<si><r><rPr><b/></rPr><t xml:space=\"preserve\">\(esc(a))</t></r><r><t>\(esc(b))</t></r><rPh sb=\"0\" eb=\"1\"><t>PHONETIC</t></rPh></si>")
                    case .inline(let s): xml += "<c\(r) t=\"inlineStr\"><is><t>\(esc(s))</t></is></c>"
                    case .number(let v): xml += "<c\(r) s=\"1\"><v>\(v)</v></c>"
                    case .formulaString(let v): xml += "<c\(r) t=\"str\"><f>TEXT(A1,\"0.0000E+00\")</f><v>\(esc(v))</v></c>"
                    }
                }
                xml += "</row>"
            }
            xml += "</sheetData><pageMargins left=\"0.7\" right=\"0.7\" top=\"0.75\" bottom=\"0.75\" header=\"0.3\" footer=\"0.3\"/></worksheet>"
            sheetParts.append(xml)
        }
        out.append(("[Content_Types].xml", """
            <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
            <Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/></Types>
            """))
        out.append(("_rels/.rels", """
            <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
            <Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/></Relationships>
            """))
        // Relationship ids deliberately not in sheet order, and the targets relative.
        var wb = "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n<workbook xmlns=\"\(ns)\" xmlns:r=\"\(rns)\"><bookViews><workbookView/></bookViews><sheets>"
        var rels = "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n<Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">"
        for (k, sheet) in sheets.enumerated() {
            let id = "rId\(k + 3)"
            wb += "<sheet name=\"\(esc(sheet.name))\" sheetId=\"\(k + 1)\" r:id=\"\(id)\"/>"
            rels += "<Relationship Id=\"\(id)\" Type=\"\(rns)/worksheet\" Target=\"worksheets/sheet\(k + 1).xml\"/>"
        }
        wb += "</sheets><calcPr calcId=\"191029\"/></workbook>"
        rels += "<Relationship Id=\"rId1\" Type=\"\(rns)/sharedStrings\" Target=\"sharedStrings.xml\"/><Relationship Id=\"rId2\" Type=\"\(rns)/styles\" Target=\"styles.xml\"/></Relationships>"
        out.append(("xl/workbook.xml", wb))
        out.append(("xl/_rels/workbook.xml.rels", rels))
        out.append(("xl/sharedStrings.xml", "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n<sst xmlns=\"\(ns)\" count=\"\(shared.count)\" uniqueCount=\"\(shared.count)\">" + shared.joined() + "</sst>"))
        for (k, xml) in sheetParts.enumerated() { out.append(("xl/worksheets/sheet\(k + 1).xml", xml)) }
        return out
    }

    /// Writes the workbook to `url` (which must not exist), deflated.
    public func write(to url: URL) throws {
        try Self.write(parts(), to: url)
    }

    /// Writes arbitrary parts as a ZIP archive (for malformed-workbook tests).
    public static func write(_ parts: [(String, String)], to url: URL) throws {
        let archive = try Archive(url: url, accessMode: .create)
        for (path, text) in parts {
            let data = Data(text.utf8)
            try archive.addEntry(with: path, type: .file, uncompressedSize: Int64(data.count), compressionMethod: .deflate) { position, size in
                data.subdata(in: Int(position)..<Int(position) + size)
            }
        }
    }
}
