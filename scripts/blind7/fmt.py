"""File-format writers (and the matching readers used by the self-checks), standard library only.

Everything here is deterministic: fixed ZIP/tar/gzip times, MIME boundaries derived from the caller's rng,
no wall-clock time and no set iteration.
"""
import base64
import email
import email.policy
import gzip
import html
import io
import quopri
import re
import tarfile
import zipfile
import zlib

# ---------------------------------------------------------------------------------------------- archives

ZIP_TIME = (2023, 10, 2, 8, 30, 0)


def zip_bytes(members, date_time=ZIP_TIME, stored_first=None):
    """members: list of (path, bytes). stored_first: a member written first without compression (ODF mimetype)."""
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w") as z:
        for i, (path, data) in enumerate(members):
            zi = zipfile.ZipInfo(path, date_time=date_time)
            zi.create_system = 3
            zi.external_attr = 0o100644 << 16
            zi.compress_type = zipfile.ZIP_STORED if path == stored_first else zipfile.ZIP_DEFLATED
            z.writestr(zi, data)
    return buf.getvalue()


def zip_read(data):
    with zipfile.ZipFile(io.BytesIO(data)) as z:
        return {n: z.read(n) for n in z.namelist()}


def targz_bytes(members, mtime=1696235400):
    raw = io.BytesIO()
    with tarfile.open(fileobj=raw, mode="w", format=tarfile.USTAR_FORMAT) as t:
        for path, data in members:
            ti = tarfile.TarInfo(path)
            ti.size = len(data)
            ti.mtime = mtime
            ti.mode = 0o644
            ti.uname = ti.gname = "backup"
            t.addfile(ti, io.BytesIO(data))
    out = io.BytesIO()
    with gzip.GzipFile(fileobj=out, mode="wb", mtime=mtime, filename="") as g:
        g.write(raw.getvalue())
    return out.getvalue()


# ---------------------------------------------------------------------------------------------- PDF
# A one-font-family Type 1 PDF with a custom encoding: ASCII as itself, every other character through a
# /Differences table with its Adobe glyph name, so that text extraction (pdftotext) maps it back to Unicode.

GLYPHS = [
    ("ą", "aogonek"), ("Ą", "Aogonek"), ("ć", "cacute"), ("Ć", "Cacute"), ("ę", "eogonek"), ("Ę", "Eogonek"),
    ("ł", "lslash"), ("Ł", "Lslash"), ("ń", "nacute"), ("Ń", "Nacute"), ("ó", "oacute"), ("Ó", "Oacute"),
    ("ś", "sacute"), ("Ś", "Sacute"), ("ź", "zacute"), ("Ź", "Zacute"), ("ż", "zdotaccent"), ("Ż", "Zdotaccent"),
    ("õ", "otilde"), ("Õ", "Otilde"), ("ä", "adieresis"), ("Ä", "Adieresis"), ("ö", "odieresis"), ("Ö", "Odieresis"),
    ("ü", "udieresis"), ("Ü", "Udieresis"), ("š", "scaron"), ("Š", "Scaron"), ("ž", "zcaron"), ("Ž", "Zcaron"),
    ("å", "aring"), ("Å", "Aring"), ("ø", "oslash"), ("Ø", "Oslash"), ("æ", "ae"), ("Æ", "AE"), ("é", "eacute"),
    ("É", "Eacute"), ("è", "egrave"), ("à", "agrave"), ("ā", "amacron"), ("Ā", "Amacron"), ("ē", "emacron"),
    ("Ē", "Emacron"), ("ī", "imacron"), ("Ī", "Imacron"), ("ū", "umacron"), ("Ū", "Umacron"), ("ņ", "ncommaaccent"),
    ("Ņ", "Ncommaaccent"), ("ģ", "gcommaaccent"), ("Ģ", "Gcommaaccent"), ("ķ", "kcommaaccent"), ("Ķ", "Kcommaaccent"),
    ("ļ", "lcommaaccent"), ("Ļ", "Lcommaaccent"), ("č", "ccaron"), ("Č", "Ccaron"), ("ė", "edotaccent"),
    ("Ė", "Edotaccent"), ("į", "iogonek"), ("Į", "Iogonek"), ("ų", "uogonek"), ("Ų", "Uogonek"), ("–", "endash"),
    ("—", "emdash"), ("„", "quotedblbase"), ("”", "quotedblright"), ("“", "quotedblleft"), ("·", "periodcentered"),
    ("°", "degree"), ("µ", "mu"), ("±", "plusminus"), ("×", "multiply"), ("’", "quoteright"), ("ß", "germandbls"),
    ("ñ", "ntilde"), ("í", "iacute"), ("á", "aacute"), ("ú", "uacute"), ("ç", "ccedilla"), ("ë", "edieresis"),
    ("ï", "idieresis"), ("ô", "ocircumflex"), ("ê", "ecircumflex"), ("§", "section"), ("€", "Euro"),
]
ENC = {ch: 128 + i for i, (ch, _) in enumerate(GLYPHS)}
DEC = {128 + i: ch for i, (ch, _) in enumerate(GLYPHS)}


def _pdf_str(text):
    out = bytearray()
    for ch in text:
        if ch in "()\\":
            out += b"\\" + ch.encode()
        elif " " <= ch <= "~":
            out += ch.encode()
        elif ch in ENC:
            out += b"\\%03o" % ENC[ch]
        else:
            raise ValueError(f"no PDF glyph for {ch!r}")
    return b"(" + bytes(out) + b")"


def _widths():
    w = []
    for c in range(32, 256):
        ch = chr(c) if c < 128 else DEC.get(c, "?")
        if ch == " ":
            w.append(278)
        elif ch in ".,:;'|!il":
            w.append(278)
        elif ch.isupper():
            w.append(667)
        elif ch in "mwMW":
            w.append(833)
        else:
            w.append(556)
    return " ".join(map(str, w))


def pdf_bytes(lines, title="", author="", created="D:20230401120000+02'00'", producer="Crystal Reports 13.0"):
    """lines: list of (x, y, size, bold, text) with y from the top of an A4 page."""
    content = bytearray()
    for x, y, size, bold, text in lines:
        content += b"BT /%s %d Tf %d %d Td %s Tj ET\n" % (b"F2" if bold else b"F1", size, x, 842 - y, _pdf_str(text))
    stream = zlib.compress(bytes(content), 6)
    diffs = " ".join("/" + g for _, g in GLYPHS)
    objs = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Resources << /Font << /F1 5 0 R /F2 6 0 R >> >> "
        b"/Contents 4 0 R >>",
        b"<< /Length %d /Filter /FlateDecode >>\nstream\n" % len(stream) + stream + b"\nendstream",
        b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /FirstChar 32 /LastChar 255 /Widths [" + _widths().encode()
        + b"] /Encoding 7 0 R >>",
        b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica-Bold /FirstChar 32 /LastChar 255 /Widths ["
        + _widths().encode() + b"] /Encoding 7 0 R >>",
        b"<< /Type /Encoding /BaseEncoding /WinAnsiEncoding /Differences [128 " + diffs.encode() + b"] >>",
        b"<< /Title " + _pdf_str(title) + b" /Author " + _pdf_str(author) + b" /Producer " + _pdf_str(producer)
        + b" /CreationDate (" + created.encode() + b") >>",
    ]
    out = bytearray(b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n")
    offs = []
    for i, o in enumerate(objs, 1):
        offs.append(len(out))
        out += b"%d 0 obj\n" % i + o + b"\nendobj\n"
    xref = len(out)
    out += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objs) + 1)
    for o in offs:
        out += b"%010d 00000 n \n" % o
    out += b"trailer\n<< /Size %d /Root 1 0 R /Info 8 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (len(objs) + 1, xref)
    return bytes(out)


def _pdf_unstr(b):
    out = []
    i = 0
    while i < len(b):
        c = b[i]
        if c == 0x5C:
            n = b[i + 1:i + 4]
            if re.fullmatch(rb"[0-7]{3}", n):
                out.append(DEC.get(int(n, 8), "?"))
                i += 4
                continue
            out.append(chr(b[i + 1]))
            i += 2
            continue
        out.append(chr(c))
        i += 1
    return "".join(out)


def pdf_text(data):
    """Text of a PDF written by pdf_bytes: one line per text object, in page order."""
    lines = []
    for m in re.finditer(rb"stream\n(.*?)\nendstream", data, re.S):
        try:
            s = zlib.decompress(m.group(1))
        except zlib.error:
            continue
        for t in re.finditer(rb"\(((?:\\.|[^\\)])*)\) Tj", s, re.S):
            lines.append(_pdf_unstr(t.group(1)))
    return "\n".join(lines)


# ---------------------------------------------------------------------------------------------- XLSX / ODS / DOCX

def _col(n):
    s = ""
    n += 1
    while n:
        n, r = divmod(n - 1, 26)
        s = chr(65 + r) + s
    return s


def xe(s):
    return html.escape(str(s), quote=True)


def xt(s):
    """HTML text-node escaping (what mail clients write): & < > only."""
    return html.escape(str(s), quote=False)


def xlsx_bytes(sheets, creator="LIMS Export", modified="2023-09-30T16:02:11Z"):
    """sheets: list of (name, rows); a row is a list of cells: str (shared string), int/float (number), None."""
    sst, sst_ix = [], {}
    sheet_xml = []
    for name, rows in sheets:
        rx = []
        for r, row in enumerate(rows, 1):
            cells = []
            for c, v in enumerate(row):
                ref = f"{_col(c)}{r}"
                if v is None or v == "":
                    continue
                if isinstance(v, (int, float)) and not isinstance(v, bool):
                    cells.append(f'<c r="{ref}"><v>{v}</v></c>')
                else:
                    v = str(v)
                    if v not in sst_ix:
                        sst_ix[v] = len(sst)
                        sst.append(v)
                    cells.append(f'<c r="{ref}" t="s"><v>{sst_ix[v]}</v></c>')
            rx.append(f'<row r="{r}">' + "".join(cells) + "</row>")
        sheet_xml.append('<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
                         '<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" '
                         'xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships">'
                         '<sheetData>' + "".join(rx) + '</sheetData></worksheet>')
    n = len(sheets)
    ct = ('<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
          '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
          '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>'
          '<Default Extension="xml" ContentType="application/xml"/>'
          '<Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>'
          + "".join(f'<Override PartName="/xl/worksheets/sheet{i}.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>'
                    for i in range(1, n + 1)) +
          '<Override PartName="/xl/sharedStrings.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml"/>'
          '<Override PartName="/docProps/core.xml" ContentType="application/vnd.openxmlformats-package.core-properties+xml"/>'
          '</Types>')
    rels = ('<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
            '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
            '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/>'
            '<Relationship Id="rId2" Type="http://schemas.openxmlformats.org/package/2006/relationships/metadata/core-properties" Target="docProps/core.xml"/>'
            '</Relationships>')
    wb = ('<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
          '<workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" '
          'xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheets>'
          + "".join(f'<sheet name="{xe(nm)}" sheetId="{i}" r:id="rId{i}"/>' for i, (nm, _) in enumerate(sheets, 1))
          + '</sheets></workbook>')
    wbrels = ('<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
              '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
              + "".join(f'<Relationship Id="rId{i}" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet{i}.xml"/>'
                        for i in range(1, n + 1))
              + f'<Relationship Id="rId{n + 1}" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/sharedStrings" Target="sharedStrings.xml"/>'
              '</Relationships>')
    ss = ('<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
          f'<sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" count="{len(sst)}" uniqueCount="{len(sst)}">'
          + "".join(f'<si><t xml:space="preserve">{xe(s)}</t></si>' for s in sst) + '</sst>')
    core = ('<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
            '<cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties" '
            'xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:dcterms="http://purl.org/dc/terms/" '
            'xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">'
            f'<dc:creator>{xe(creator)}</dc:creator><dcterms:modified xsi:type="dcterms:W3CDTF">{modified}</dcterms:modified>'
            '</cp:coreProperties>')
    members = [("[Content_Types].xml", ct), ("_rels/.rels", rels), ("docProps/core.xml", core), ("xl/workbook.xml", wb),
               ("xl/_rels/workbook.xml.rels", wbrels), ("xl/sharedStrings.xml", ss)]
    members += [(f"xl/worksheets/sheet{i}.xml", x) for i, x in enumerate(sheet_xml, 1)]
    return zip_bytes([(p, s.encode("utf-8")) for p, s in members])


def xlsx_text(data):
    m = zip_read(data)
    sst = [html.unescape(re.sub(r"<[^>]+>", "", x)) for x in re.findall(r"<si>(.*?)</si>", m["xl/sharedStrings.xml"].decode())]
    out = []
    for name in sorted(k for k in m if k.startswith("xl/worksheets/")):
        x = m[name].decode()
        for row in re.findall(r"<row[^>]*>(.*?)</row>", x):
            cells = []
            for attrs, v in re.findall(r"<c ([^>]*)><v>(.*?)</v></c>", row):
                cells.append(sst[int(v)] if 't="s"' in attrs else v)
            out.append("\t".join(cells))
    return "\n".join(out)


def ods_bytes(sheets, meta_creator="Rejestracja", date="2023-06-01T09:00:00"):
    """sheets: list of (name, rows); a cell is str, ("float", value_str) or None."""
    tables = []
    for name, rows in sheets:
        rx = []
        for row in rows:
            cells = []
            for v in row:
                if v is None or v == "":
                    cells.append("<table:table-cell/>")
                elif isinstance(v, tuple) and v[0] == "float":
                    cells.append(f'<table:table-cell office:value-type="float" office:value="{v[1]}" calcext:value-type="float">'
                                 f'<text:p>{v[1]}</text:p></table:table-cell>')
                else:
                    cells.append(f'<table:table-cell office:value-type="string" calcext:value-type="string"><text:p>{xe(v)}</text:p>'
                                 '</table:table-cell>')
            rx.append("<table:table-row>" + "".join(cells) + "</table:table-row>")
        tables.append(f'<table:table table:name="{xe(name)}">' + "".join(rx) + "</table:table>")
    ns = ('xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" '
          'xmlns:table="urn:oasis:names:tc:opendocument:xmlns:table:1.0" '
          'xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0" '
          'xmlns:calcext="urn:org:documentfoundation:names:experimental:calc:xmlns:calcext:1.0" '
          'xmlns:meta="urn:oasis:names:tc:opendocument:xmlns:meta:1.0" xmlns:dc="http://purl.org/dc/elements/1.1/"')
    content = (f'<?xml version="1.0" encoding="UTF-8"?>\n<office:document-content {ns} office:version="1.3">'
               '<office:body><office:spreadsheet>' + "".join(tables) + '</office:spreadsheet></office:body></office:document-content>')
    meta = (f'<?xml version="1.0" encoding="UTF-8"?>\n<office:document-meta {ns} office:version="1.3"><office:meta>'
            f'<meta:generator>LibreOffice/7.4.7.2$Windows_X86_64</meta:generator><dc:creator>{xe(meta_creator)}</dc:creator>'
            f'<dc:date>{date}</dc:date></office:meta></office:document-meta>')
    manifest = ('<?xml version="1.0" encoding="UTF-8"?>\n<manifest:manifest xmlns:manifest="urn:oasis:names:tc:opendocument:xmlns:manifest:1.0" manifest:version="1.3">'
                '<manifest:file-entry manifest:full-path="/" manifest:media-type="application/vnd.oasis.opendocument.spreadsheet"/>'
                '<manifest:file-entry manifest:full-path="content.xml" manifest:media-type="text/xml"/>'
                '<manifest:file-entry manifest:full-path="meta.xml" manifest:media-type="text/xml"/>'
                '</manifest:manifest>')
    return zip_bytes([("mimetype", b"application/vnd.oasis.opendocument.spreadsheet"), ("content.xml", content.encode()),
                      ("meta.xml", meta.encode()), ("META-INF/manifest.xml", manifest.encode())], stored_first="mimetype")


def ods_text(data):
    x = zip_read(data)["content.xml"].decode()
    out = []
    for row in re.findall(r"<table:table-row>(.*?)</table:table-row>", x):
        cells = [html.unescape(re.sub(r"<[^>]+>", "", c)) for c in re.findall(r"<text:p>(.*?)</text:p>", row)]
        out.append("\t".join(cells))
    return "\n".join(out)


def docx_bytes(paragraphs, author="", created="2023-08-01T10:00:00Z"):
    """paragraphs: list of paragraphs; a paragraph is a list of runs (str) or ("b", str) for bold runs,
    or ("table", rows) for a table of plain strings."""
    body = []

    def para(runs):
        rs = []
        for r in runs:
            bold = isinstance(r, tuple) and r[0] == "b"
            t = r[1] if isinstance(r, tuple) else r
            rs.append("<w:r>" + ("<w:rPr><w:b/></w:rPr>" if bold else "") + f'<w:t xml:space="preserve">{xe(t)}</w:t></w:r>')
        return "<w:p>" + "".join(rs) + "</w:p>"

    for p in paragraphs:
        if isinstance(p, tuple) and p[0] == "table":
            rows = "".join("<w:tr>" + "".join(f"<w:tc>{para(c if isinstance(c, list) else [c])}</w:tc>" for c in row) + "</w:tr>"
                           for row in p[1])
            body.append("<w:tbl>" + rows + "</w:tbl>")
        else:
            body.append(para(p))
    doc = ('<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
           '<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body>'
           + "".join(body) + '<w:sectPr/></w:body></w:document>')
    ct = ('<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
          '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
          '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>'
          '<Default Extension="xml" ContentType="application/xml"/>'
          '<Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/>'
          '<Override PartName="/docProps/core.xml" ContentType="application/vnd.openxmlformats-package.core-properties+xml"/>'
          '</Types>')
    rels = ('<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
            '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
            '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/>'
            '<Relationship Id="rId2" Type="http://schemas.openxmlformats.org/package/2006/relationships/metadata/core-properties" Target="docProps/core.xml"/>'
            '</Relationships>')
    core = ('<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
            '<cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties" '
            'xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:dcterms="http://purl.org/dc/terms/" '
            'xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">'
            f'<dc:creator>{xe(author)}</dc:creator><dcterms:created xsi:type="dcterms:W3CDTF">{created}</dcterms:created>'
            '</cp:coreProperties>')
    return zip_bytes([("[Content_Types].xml", ct.encode()), ("_rels/.rels", rels.encode()),
                      ("docProps/core.xml", core.encode()), ("word/document.xml", doc.encode())])


def docx_text(data):
    x = zip_read(data)["word/document.xml"].decode()
    out = []
    for p in re.findall(r"<w:p>(.*?)</w:p>", x):
        out.append(html.unescape("".join(re.findall(r"<w:t[^>]*>(.*?)</w:t>", p))))
    return "\n".join(out)


# ---------------------------------------------------------------------------------------------- mail

def hdr(value, charset="utf-8"):
    """RFC 2047 encode a header phrase when it is not ASCII."""
    try:
        value.encode("ascii")
        return value
    except UnicodeEncodeError:
        return f"=?{charset}?B?" + base64.b64encode(value.encode(charset)).decode() + "?="


def addr(name, mail, charset="utf-8"):
    if not name:
        return mail
    n = hdr(name, charset)
    if n == name and re.search(r"[,.;:@\"()]", name):
        n = '"' + name + '"'
    return f"{n} <{mail}>"


def qp(text, charset):
    raw = text.replace("\n", "\r\n").encode(charset)
    return quopri.encodestring(raw).decode("ascii").replace("\r\n", "\n")


def mime_message(headers, plain=None, html_body=None, charset="utf-8", boundary=None, html_cte="quoted-printable",
                 attachments=()):
    """Build one message as text. headers: list of (name, value). Returns str with \n line ends."""
    out = [f"{k}: {v}" for k, v in headers]
    out.append("MIME-Version: 1.0")

    def part(kind, body, cte):
        h = [f"Content-Type: text/{kind}; charset=\"{charset}\"", f"Content-Transfer-Encoding: {cte}"]
        if cte == "quoted-printable":
            b = qp(body, charset)
        elif cte == "base64":
            b = base64.encodebytes(body.encode(charset)).decode("ascii")
        else:
            b = body
        return h, b

    if plain is not None and html_body is not None:
        alt = boundary + "_alt" if attachments else boundary
        body_lines = []
        ph, pb = part("plain", plain, "quoted-printable")
        hh, hb = part("html", html_body, html_cte)
        body_lines += [f"--{alt}"] + ph + [""] + [pb]
        body_lines += [f"--{alt}"] + hh + [""] + [hb]
        body_lines += [f"--{alt}--", ""]
        if attachments:
            out.append(f'Content-Type: multipart/mixed; boundary="{boundary}"')
            out += ["", "This is a multi-part message in MIME format.", f"--{boundary}",
                    f'Content-Type: multipart/alternative; boundary="{alt}"', ""] + body_lines
        else:
            out.append(f'Content-Type: multipart/alternative; boundary="{boundary}"')
            out += ["", "This is a multi-part message in MIME format."] + body_lines
    else:
        kind, body = ("html", html_body) if html_body is not None else ("plain", plain)
        if attachments:
            h, b = part(kind, body, html_cte)
            out.append(f'Content-Type: multipart/mixed; boundary="{boundary}"')
            out += ["", f"--{boundary}"] + h + [""] + [b]
        else:
            h, b = part(kind, body, html_cte)
            out += h + ["", b]
    if attachments:
        for fname, ctype, data in attachments:
            out += [f"--{boundary}", f'Content-Type: {ctype}; name="{fname}"', "Content-Transfer-Encoding: base64",
                    f'Content-Disposition: attachment; filename="{fname}"', "", base64.encodebytes(data).decode("ascii")]
        out += [f"--{boundary}--", ""]
    return "\n".join(out).rstrip("\n") + "\n"


def mbox_bytes(messages):
    """messages: list of (envelope_from_line, message_text)."""
    out = []
    for env, msg in messages:
        body = re.sub(r"(?m)^(>*From )", r">\1", msg)
        out.append(env + "\n" + body + "\n")
    return "".join(out).encode("ascii")


def _strip_tags(s):
    s = re.sub(r"(?is)<(script|style).*?</\1>", " ", s)
    s = re.sub(r"(?i)<br\s*/?>|</p>|</div>|</tr>|</li>", "\n", s)
    s = re.sub(r"<[^>]+>", " ", s)
    return html.unescape(s)


def mail_texts(data):
    """Decoded views of one message or an mbox: headers, every text part, HTML parts entity-decoded and tag-stripped."""
    text = data.decode("latin-1")
    if text.startswith("From "):
        chunks = re.split(r"(?m)^From [^\n]*\n", text)[1:]
        msgs = [re.sub(r"(?m)^>(>*From )", r"\1", c).encode("latin-1") for c in chunks]
    else:
        msgs = [data]
    out = []
    for raw in msgs:
        msg = email.message_from_bytes(raw, policy=email.policy.default)
        for part in msg.walk():
            for k, v in part.items():
                out.append(f"{k}: {v}")
            if part.get_content_maintype() == "text":
                c = part.get_content()
                out.append(c)
                if part.get_content_subtype() == "html":
                    out.append(html.unescape(c))
                    out.append(_strip_tags(c))
    return "\n".join(out)


# ---------------------------------------------------------------------------------------------- ZPL

def zpl_hex(s):
    """^FH field data: every non-ASCII byte of the UTF-8 form as _XX."""
    return "".join(ch if ord(ch) < 128 and ch not in "_^~" else "".join(f"_{b:02X}" for b in ch.encode("utf-8")) for ch in s)


def zpl_unhex(text):
    return re.sub(r"(?:_[0-9A-F]{2})+", lambda m: bytes(int(h, 16) for h in m.group(0)[1:].split("_")).decode("utf-8", "replace"), text)
