"""Writers for the file shapes blind8 uses, and the readers its self-checks use to see the text a human would see.

Writers: zip (fixed times), XLSX (shared strings, hidden sheets and columns), ODT, PDF (Helvetica, WinAnsi,
Flate-compressed content streams), RTF (code page escapes and \\uN), MIME mail (quoted-printable, base64, RFC 2047),
HL7 v2 escaping, psql / sqlcmd table renderings.
Readers (views): RTF, PDF, OOXML/ODF XML text, MIME parts, HL7 unescaping, HTML/XML entity decoding.
"""
import base64
import email
import email.header
import email.policy
import html
import io
import json
import quopri
import re
import zipfile
import zlib

ZIP_TIME = (2023, 9, 29, 10, 15, 0)


# ------------------------------------------------------------------ zip

def zip_bytes(members, time=ZIP_TIME, stored_first=False):
    """members: list of (name, bytes). Deterministic."""
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w") as z:
        for n, (name, data) in enumerate(members):
            zi = zipfile.ZipInfo(name, date_time=time)
            zi.create_system = 0
            zi.external_attr = 0
            zi.compress_type = zipfile.ZIP_STORED if (stored_first and n == 0) else zipfile.ZIP_DEFLATED
            z.writestr(zi, data)
    return buf.getvalue()


def zip_members(data):
    with zipfile.ZipFile(io.BytesIO(data)) as z:
        return [(i.filename, z.read(i.filename)) for i in z.infolist()]


def x(s):
    return html.escape(str(s), quote=True)


# ------------------------------------------------------------------ XLSX

def _col(n):
    s = ""
    n += 1
    while n:
        n, r = divmod(n - 1, 26)
        s = chr(65 + r) + s
    return s


def xlsx(sheets, creator="Microsoft Excel"):
    """sheets: list of dict(name, rows=[[cell…]], hidden=False, hidden_cols=[idx], widths={idx: w}).
    A cell is a str (shared string), int/float (number) or None."""
    sst, sidx = [], {}

    def si(s):
        if s not in sidx:
            sidx[s] = len(sst)
            sst.append(s)
        return sidx[s]

    parts = []
    wb_sheets, wb_rels, ct = [], [], []
    for n, sh in enumerate(sheets, 1):
        rows_xml = []
        for r, row in enumerate(sh["rows"], 1):
            cells = []
            for c, v in enumerate(row):
                ref = f"{_col(c)}{r}"
                if v is None or v == "":
                    continue
                if isinstance(v, bool):
                    cells.append(f'<c r="{ref}" t="b"><v>{int(v)}</v></c>')
                elif isinstance(v, (int, float)):
                    cells.append(f'<c r="{ref}"><v>{v!r}</v></c>' if isinstance(v, float) else f'<c r="{ref}"><v>{v}</v></c>')
                else:
                    cells.append(f'<c r="{ref}" t="s"><v>{si(str(v))}</v></c>')
            rows_xml.append(f'<row r="{r}">{"".join(cells)}</row>')
        cols = ""
        hc = set(sh.get("hidden_cols", []))
        widths = sh.get("widths", {})
        ncols = max((len(r) for r in sh["rows"]), default=0)
        if hc or widths:
            cs = []
            for c in range(ncols):
                attrs = f'min="{c + 1}" max="{c + 1}" width="{widths.get(c, 14)}" customWidth="1"'
                if c in hc:
                    attrs += ' hidden="1"'
                cs.append(f"<col {attrs}/>")
            cols = "<cols>" + "".join(cs) + "</cols>"
        dim = f"A1:{_col(max(ncols - 1, 0))}{max(len(sh['rows']), 1)}"
        ws = ('<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\r\n'
              '<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" '
              'xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships">'
              f'<dimension ref="{dim}"/><sheetViews><sheetView workbookViewId="0"/></sheetViews>'
              f'<sheetFormatPr defaultRowHeight="15"/>{cols}<sheetData>{"".join(rows_xml)}</sheetData>'
              '<pageMargins left="0.7" right="0.7" top="0.75" bottom="0.75" header="0.3" footer="0.3"/></worksheet>')
        parts.append((f"xl/worksheets/sheet{n}.xml", ws.encode("utf-8")))
        state = ' state="hidden"' if sh.get("hidden") else ""
        wb_sheets.append(f'<sheet name="{x(sh["name"])}" sheetId="{n}"{state} r:id="rId{n}"/>')
        wb_rels.append(f'<Relationship Id="rId{n}" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet{n}.xml"/>')
        ct.append(f'<Override PartName="/xl/worksheets/sheet{n}.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>')
    k = len(sheets)
    wb_rels.append(f'<Relationship Id="rId{k + 1}" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles" Target="styles.xml"/>')
    wb_rels.append(f'<Relationship Id="rId{k + 2}" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/sharedStrings" Target="sharedStrings.xml"/>')
    sst_xml = ('<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\r\n'
               f'<sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" count="{len(sst)}" uniqueCount="{len(sst)}">'
               + "".join("<si><t" + (' xml:space="preserve"' if s != s.strip() else "") + f">{x(s)}</t></si>" for s in sst) + "</sst>")
    files = [
        ("[Content_Types].xml", ('<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\r\n'
                                 '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
                                 '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>'
                                 '<Default Extension="xml" ContentType="application/xml"/>'
                                 '<Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>'
                                 + "".join(ct) +
                                 '<Override PartName="/xl/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml"/>'
                                 '<Override PartName="/xl/sharedStrings.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml"/>'
                                 '<Override PartName="/docProps/core.xml" ContentType="application/vnd.openxmlformats-package.core-properties+xml"/>'
                                 '</Types>').encode()),
        ("_rels/.rels", ('<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\r\n'
                         '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
                         '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/>'
                         '<Relationship Id="rId2" Type="http://schemas.openxmlformats.org/package/2006/relationships/metadata/core-properties" Target="docProps/core.xml"/>'
                         '</Relationships>').encode()),
        ("docProps/core.xml", ('<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\r\n'
                               '<cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties" '
                               'xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:dcterms="http://purl.org/dc/terms/" '
                               'xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">'
                               f'<dc:creator>{x(creator)}</dc:creator>'
                               '<dcterms:created xsi:type="dcterms:W3CDTF">2023-09-01T08:00:00Z</dcterms:created></cp:coreProperties>').encode()),
        ("xl/workbook.xml", ('<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\r\n'
                             '<workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" '
                             'xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships">'
                             '<bookViews><workbookView activeTab="0"/></bookViews>'
                             f'<sheets>{"".join(wb_sheets)}</sheets></workbook>').encode()),
        ("xl/_rels/workbook.xml.rels", ('<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\r\n'
                                        '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
                                        + "".join(wb_rels) + "</Relationships>").encode()),
        ("xl/styles.xml", ('<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\r\n'
                           '<styleSheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">'
                           '<fonts count="1"><font><sz val="11"/><name val="Calibri"/></font></fonts>'
                           '<fills count="2"><fill><patternFill patternType="none"/></fill><fill><patternFill patternType="gray125"/></fill></fills>'
                           '<borders count="1"><border><left/><right/><top/><bottom/><diagonal/></border></borders>'
                           '<cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs>'
                           '<cellXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/></cellXfs>'
                           '</styleSheet>').encode()),
        ("xl/sharedStrings.xml", sst_xml.encode("utf-8")),
    ] + parts
    return zip_bytes(files)


# ------------------------------------------------------------------ ODT

def odt(blocks, title="", creator="LibreOffice"):
    """blocks: list of ("p", text) | ("h", text) | ("table", [[cell…]])."""
    body = []
    tn = 0
    for kind, val in blocks:
        if kind == "p":
            body.append(f'<text:p text:style-name="Standard">{_odt_text(val)}</text:p>')
        elif kind == "h":
            body.append(f'<text:h text:style-name="Heading_20_1" text:outline-level="1">{_odt_text(val)}</text:h>')
        elif kind == "table":
            tn += 1
            ncol = max(len(r) for r in val)
            rows = []
            for row in val:
                cells = "".join(f'<table:table-cell office:value-type="string"><text:p>{_odt_text(c)}</text:p></table:table-cell>'
                                for c in row)
                rows.append(f"<table:table-row>{cells}</table:table-row>")
            body.append(f'<table:table table:name="Tabel{tn}"><table:table-column table:number-columns-repeated="{ncol}"/>'
                        + "".join(rows) + "</table:table>")
    content = ('<?xml version="1.0" encoding="UTF-8"?>\n'
               '<office:document-content xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" '
               'xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0" '
               'xmlns:table="urn:oasis:names:tc:opendocument:xmlns:table:1.0" office:version="1.3">'
               '<office:body><office:text>' + "".join(body) + '</office:text></office:body></office:document-content>')
    manifest = ('<?xml version="1.0" encoding="UTF-8"?>\n'
                '<manifest:manifest xmlns:manifest="urn:oasis:names:tc:opendocument:xmlns:manifest:1.0" manifest:version="1.3">'
                '<manifest:file-entry manifest:full-path="/" manifest:media-type="application/vnd.oasis.opendocument.text"/>'
                '<manifest:file-entry manifest:full-path="content.xml" manifest:media-type="text/xml"/>'
                '<manifest:file-entry manifest:full-path="meta.xml" manifest:media-type="text/xml"/>'
                '</manifest:manifest>')
    meta = ('<?xml version="1.0" encoding="UTF-8"?>\n'
            '<office:document-meta xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" '
            'xmlns:meta="urn:oasis:names:tc:opendocument:xmlns:meta:1.0" xmlns:dc="http://purl.org/dc/elements/1.1/" office:version="1.3">'
            f'<office:meta><meta:generator>{x(creator)}</meta:generator><dc:title>{x(title)}</dc:title></office:meta></office:document-meta>')
    return zip_bytes([("mimetype", b"application/vnd.oasis.opendocument.text"),
                      ("META-INF/manifest.xml", manifest.encode()), ("content.xml", content.encode("utf-8")),
                      ("meta.xml", meta.encode("utf-8"))], stored_first=True)


def _odt_text(s):
    s = x(s)
    s = re.sub(r"  +", lambda m: ' <text:s text:c="%d"/>' % (len(m.group(0)) - 1), s)
    return s.replace("\t", "<text:tab/>")


def ooxml_text(data):
    """Text of a zipped XML package (XLSX/ODT): each element's text on its own line, entities decoded."""
    out = []
    for name, b in zip_members(data):
        if not name.endswith(".xml"):
            continue
        t = b.decode("utf-8")
        t = re.sub(r'<text:s text:c="(\d+)"/>', lambda m: " " * (int(m.group(1)) + 0), t)
        t = t.replace("<text:s/>", " ").replace("<text:tab/>", "\t")
        t = re.sub(r"<[^>]+>", "\n", t)
        out.append(html.unescape(t))
    return "\n".join(out)


# ------------------------------------------------------------------ PDF

def _pdf_str(s):
    b = s.encode("cp1252")
    b = b.replace(b"\\", b"\\\\").replace(b"(", b"\\(").replace(b")", b"\\)")
    return b"(" + b + b")"


def pdf(pages, title="", producer="Microsoft Reporting Services PDF Rendering Extension 11.0.0.0", date="D:20230901120000+03'00'"):
    """pages: list of lists of (x, y, size, bold, text). Text layer in Helvetica / WinAnsiEncoding."""
    objs = []

    def add(b):
        objs.append(b)
        return len(objs)

    font = add(b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>")
    fontb = add(b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica-Bold /Encoding /WinAnsiEncoding >>")
    pages_id = len(objs) + 1
    objs.append(None)  # placeholder for /Pages
    kids = []
    for page in pages:
        ops = []
        for (px, py, size, bold, text) in page:
            ops.append(b"BT /%s %d Tf %d %d Td " % (b"F2" if bold else b"F1", size, px, py) + _pdf_str(text) + b" Tj ET")
        stream = zlib.compress(b"\n".join(ops), 6)
        c = add(b"<< /Length %d /Filter /FlateDecode >>\nstream\n" % len(stream) + stream + b"\nendstream")
        p = add(b"<< /Type /Page /Parent %d 0 R /MediaBox [0 0 595 842] /Resources << /Font << /F1 %d 0 R /F2 %d 0 R >> >> /Contents %d 0 R >>"
                % (pages_id, font, fontb, c))
        kids.append(p)
    objs[pages_id - 1] = b"<< /Type /Pages /Kids [%s] /Count %d >>" % (b" ".join(b"%d 0 R" % k for k in kids), len(kids))
    cat = add(b"<< /Type /Catalog /Pages %d 0 R >>" % pages_id)
    info = add(b"<< /Title " + _pdf_str(title) + b" /Producer " + _pdf_str(producer) + b" /CreationDate " + _pdf_str(date) + b" >>")
    out = io.BytesIO()
    out.write(b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n")
    offs = []
    for i, o in enumerate(objs, 1):
        offs.append(out.tell())
        out.write(b"%d 0 obj\n" % i + o + b"\nendobj\n")
    xref = out.tell()
    out.write(b"xref\n0 %d\n0000000000 65535 f \n" % (len(objs) + 1))
    for o in offs:
        out.write(b"%010d 00000 n \n" % o)
    out.write(b"trailer\n<< /Size %d /Root %d 0 R /Info %d 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (len(objs) + 1, cat, info, xref))
    return out.getvalue()


def pdf_text(data):
    """Lines of text from the Flate streams of a PDF written by pdf()."""
    out = []
    for m in re.finditer(rb"stream\n(.*?)\nendstream", data, re.S):
        try:
            s = zlib.decompress(m.group(1))
        except zlib.error:
            continue
        for t in re.finditer(rb"\((.*?)(?<!\\)\) Tj", s):
            b = t.group(1).replace(b"\\(", b"(").replace(b"\\)", b")").replace(b"\\\\", b"\\")
            out.append(b.decode("cp1252"))
    return "\n".join(out)


# ------------------------------------------------------------------ RTF

def rtf_escape(s, cp):
    out = []
    for ch in s:
        o = ord(ch)
        if ch in "\\{}":
            out.append("\\" + ch)
        elif ch == "\n":
            out.append("\\line ")
        elif ch == "\t":
            out.append("\\tab ")
        elif o < 128:
            out.append(ch)
        else:
            try:
                b = ch.encode(cp)
                out.append("".join("\\'%02x" % c for c in b))
            except UnicodeEncodeError:
                out.append("\\u%d?" % (o if o < 32768 else o - 65536))
    return "".join(out)


def rtf(blocks, cp="cp1257", lang=1061, font="Calibri", generator="Microsoft Word 16.0"):
    """blocks: ("p", text, bold) | ("table", rows)."""
    cpn = {"cp1257": 1257, "cp1250": 1250, "cp1252": 1252}[cp]
    charset = {"cp1257": 186, "cp1250": 238, "cp1252": 0}[cp]
    head = ("{\\rtf1\\ansi\\ansicpg%d\\deff0\\nouicompat\\deflang%d{\\fonttbl{\\f0\\fnil\\fcharset%d %s;}{\\f1\\fswiss\\fcharset%d Arial;}}\r\n"
            "{\\colortbl ;\\red0\\green0\\blue0;}\r\n{\\*\\generator %s;}\\viewkind4\\uc1 \r\n" % (cpn, lang, charset, font, charset, generator))
    body = []
    for b in blocks:
        if b[0] == "p":
            t = rtf_escape(b[1], cp)
            body.append("\\pard\\sa120\\sl276\\slmult1\\f0\\fs22 " + ("\\b " + t + "\\b0" if len(b) > 2 and b[2] else t) + "\\par\r\n")
        elif b[0] == "table":
            for row in b[1]:
                n = len(row)
                cells = "".join("\\clbrdrt\\brdrs\\clbrdrb\\brdrs\\cellx%d" % (1800 * (i + 1)) for i in range(n))
                body.append("\\trowd\\trgaph108" + cells + "\r\n" +
                            "".join("\\pard\\intbl " + rtf_escape(str(c), cp) + "\\cell " for c in row) + "\\row\r\n")
            body.append("\\pard\\par\r\n")
    return (head + "".join(body) + "}\r\n").encode("ascii")


def rtf_text(data):
    """A plain-text reading of RTF: groups of destinations dropped, \\'hh decoded by the ansicpg, \\uN decoded."""
    s = data.decode("latin-1")
    m = re.search(r"\\ansicpg(\d+)", s)
    cp = "cp" + (m.group(1) if m else "1252")
    out = []
    i, n = 0, len(s)
    stack = []
    skip = False
    uc_skip = 0
    pend = bytearray()

    def flush():
        if pend:
            out.append(bytes(pend).decode(cp, "replace"))
            pend.clear()

    while i < n:
        c = s[i]
        if c == "{":
            stack.append(skip)
            i += 1
            if s.startswith("\\*", i) or re.match(r"\\(fonttbl|colortbl|stylesheet|info|generator)", s[i:i + 12]):
                skip = True
            continue
        if c == "}":
            flush()
            skip = stack.pop() if stack else False
            i += 1
            continue
        if c == "\\":
            if s[i + 1] == "'":
                if not skip:
                    if uc_skip:
                        uc_skip -= 1
                    else:
                        pend.append(int(s[i + 2:i + 4], 16))
                i += 4
                continue
            if s[i + 1] in "\\{}":
                flush()
                if not skip:
                    out.append(s[i + 1])
                i += 2
                continue
            m = re.match(r"\\([a-z]+)(-?\d+)? ?", s[i:])
            if m:
                flush()
                w, arg = m.group(1), m.group(2)
                if not skip:
                    if w in ("par", "line", "row"):
                        out.append("\n")
                    elif w in ("tab", "cell"):
                        out.append("\t")
                    elif w == "u":
                        v = int(arg)
                        out.append(chr(v + 65536 if v < 0 else v))
                        uc_skip = 1
                i += len(m.group(0))
                continue
            i += 2
            continue
        if c in "\r\n":
            i += 1
            continue
        if not skip:
            if uc_skip:
                uc_skip -= 1
            else:
                flush()
                out.append(c)
        i += 1
    flush()
    return "".join(out)


# ------------------------------------------------------------------ MIME

def hdr(s):
    """RFC 2047 encode a header value when it is not ASCII."""
    try:
        s.encode("ascii")
        return s
    except UnicodeEncodeError:
        return email.header.Header(s, "utf-8").encode()


def addr(name, mail):
    if not name:
        return mail
    try:
        name.encode("ascii")
        return f'"{name}" <{mail}>' if ("," in name or "." in name) else f"{name} <{mail}>"
    except UnicodeEncodeError:
        return f"{email.header.Header(name, 'utf-8').encode()} <{mail}>"


def qp(text, charset="utf-8"):
    return quopri.encodestring(text.replace("\n", "\r\n").encode(charset)).decode("ascii")


def eml(headers, body, charset="utf-8", attachments=(), boundary="----=_Part_0", html_body=None):
    """headers: list of (name, value) already encoded; attachments: (filename, ctype, bytes)."""
    lines = [f"{k}: {v}" for k, v in headers]
    lines.append("MIME-Version: 1.0")
    text_part = [f'Content-Type: text/plain; charset="{charset}"', "Content-Transfer-Encoding: quoted-printable", "", qp(body, charset)]
    if not attachments and html_body is None:
        return ("\r\n".join(lines + text_part) + "\r\n").encode("ascii")
    alt = text_part
    if html_body is not None:
        b2 = boundary + "_alt"
        alt = [f'Content-Type: multipart/alternative; boundary="{b2}"', "", f"--{b2}"] + text_part + \
              [f"--{b2}", f'Content-Type: text/html; charset="{charset}"', "Content-Transfer-Encoding: quoted-printable", "",
               qp(html_body, charset), f"--{b2}--"]
    if not attachments:
        return ("\r\n".join(lines + alt) + "\r\n").encode("ascii")
    out = lines + [f'Content-Type: multipart/mixed; boundary="{boundary}"', "", "This is a multi-part message in MIME format.",
                   f"--{boundary}"] + alt
    for fn, ctype, data in attachments:
        b64 = base64.encodebytes(data).decode("ascii").replace("\n", "\r\n").rstrip()
        out += [f"--{boundary}", f'Content-Type: {ctype}; name="{fn}"', f'Content-Disposition: attachment; filename="{fn}"',
                "Content-Transfer-Encoding: base64", "", b64]
    out.append(f"--{boundary}--")
    return ("\r\n".join(out) + "\r\n").encode("ascii")


def mime_views(data):
    """Header values (decoded) and every text part's decoded content; attachments' bytes by filename."""
    msg = email.message_from_bytes(data, policy=email.policy.default)
    texts, atts = [], {}
    for k in ("From", "To", "Cc", "Subject", "Reply-To"):
        if msg[k]:
            texts.append(str(msg[k]))
    for part in msg.walk():
        if part.is_multipart():
            continue
        fn = part.get_filename()
        if fn:
            atts[fn] = part.get_payload(decode=True)
        elif part.get_content_type().startswith("text/"):
            t = part.get_content()
            texts.append(t)
            if part.get_content_type() == "text/html":
                texts.append(html_text(t))
    return texts, atts


# ------------------------------------------------------------------ HTML / XML / HL7 / JSON

def html_text(t):
    t = re.sub(r"(?is)<(script|style)\b.*?</\1>", " ", t)
    t = re.sub(r"<[^>]+>", "\n", t)
    return html.unescape(t)


HL7_ESC = {"F": "|", "S": "^", "T": "&", "R": "~", "E": "\\"}


def hl7_escape(s):
    out = []
    for ch in s:
        if ch == "\\":
            out.append("\\E\\")
        elif ch == "|":
            out.append("\\F\\")
        elif ch == "^":
            out.append("\\S\\")
        elif ch == "&":
            out.append("\\T\\")
        elif ch == "~":
            out.append("\\R\\")
        else:
            out.append(ch)
    return "".join(out)


def hl7_unescape(s):
    s = s.replace("\\.br\\", "\n")

    def rep(m):
        v = m.group(1)
        if v in HL7_ESC:
            return HL7_ESC[v]
        if v.startswith("X"):
            try:
                return bytes.fromhex(v[1:]).decode("utf-8")
            except (ValueError, UnicodeDecodeError):
                return m.group(0)
        return m.group(0)
    return re.sub(r"\\([FSTRE]|X[0-9A-Fa-f]+)\\", rep, s)


def json_strings(text):
    """Every string and number in a JSON document, a sequence of JSON lines, or a log4j stream of objects."""
    vals = []

    def walk(o):
        if isinstance(o, dict):
            for k, v in o.items():
                vals.append(str(k))
                walk(v)
        elif isinstance(o, list):
            for v in o:
                walk(v)
        elif o is not None:
            vals.append(o if isinstance(o, str) else json.dumps(o))
            if isinstance(o, str) and o[:1] in "{[":
                try:
                    walk(json.loads(o))
                except ValueError:
                    pass
    dec = json.JSONDecoder()
    i, n = 0, len(text)
    while i < n:
        while i < n and text[i] in " \t\r\n,\ufeff":
            i += 1
        if i >= n:
            break
        if text[i] not in "{[":
            j = text.find("\t{", i)          # kafka-console-consumer key<TAB>value lines
            nl = text.find("\n", i)
            if j != -1 and (nl == -1 or j < nl):
                i = j + 1
                continue
            i = nl + 1 if nl != -1 else n
            continue
        try:
            o, i = dec.raw_decode(text, i)
            walk(o)
        except ValueError:
            nl = text.find("\n", i)
            i = nl + 1 if nl != -1 else n
    return "\n".join(vals)


# ------------------------------------------------------------------ text tables

def psql_aligned(headers, rows, numeric=()):
    """psql's default aligned output: centred headers, right-aligned numbers, '(N rows)' footer."""
    cols = list(zip(*([headers] + rows))) if rows else [[h] for h in headers]
    w = [max(len(str(v)) for v in c) for c in cols]
    hl = "|".join(" " + h.center(w[i]) + " " for i, h in enumerate(headers)).rstrip()
    sep = "+".join("-" * (w[i] + 2) for i in range(len(headers)))
    out = [hl, sep]
    for r in rows:
        cells = []
        for i, v in enumerate(r):
            v = str(v)
            cells.append(" " + (v.rjust(w[i]) if i in numeric else v.ljust(w[i])) + " ")
        out.append("|".join(cells).rstrip())
    out.append(f"({len(rows)} row{'s' if len(rows) != 1 else ''})")
    return "\n".join(out) + "\n\n"


def psql_expanded(records):
    """psql \\x output: -[ RECORD n ]-+---- blocks, one 'column | value' line each."""
    w = max(len(k) for rec in records for k, _ in rec)
    vw = max((len(str(v)) for rec in records for _, v in rec), default=1)
    out = []
    for n, rec in enumerate(records, 1):
        title = f"-[ RECORD {n} ]"
        out.append(title + "-" * max(w + 1 - len(title), 0) + "+" + "-" * (vw + 1))
        for k, v in rec:
            out.append(f"{k.ljust(w)} | {v}".rstrip())
    return "\n".join(out) + "\n\n"


def sqlcmd(headers, rows, widths):
    """SQL Server sqlcmd default output: fixed columns padded with spaces, dashes under headers, '(N rows affected)'."""
    line = " ".join(h.ljust(widths[i])[:max(widths[i], len(h))] for i, h in enumerate(headers))
    dash = " ".join("-" * max(widths[i], len(h)) for i, h in enumerate(headers))
    out = [line, dash]
    for r in rows:
        out.append(" ".join(("NULL" if v is None else str(v)).ljust(max(widths[i], len(headers[i]))) for i, v in enumerate(r)))
    out.append("")
    out.append(f"({len(rows)} rows affected)")
    return "\r\n".join(out) + "\r\n"
