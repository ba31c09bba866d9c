#!/usr/bin/env python3
"""Writes small valid seed files for every fuzz target into <out>/<Target>/ (stdlib only).

Usage: make-seeds.py [OUT]   (default: .build-fuzz/corpus-seeds)

All data is synthetic: fictitious names, example.com/example.org addresses, generated numbers.
The office targets take either a whole file (starting with `PK`) or their XML parts joined by
NUL bytes (see Fuzz/Sources/FuzzSupport: officeFile), so both kinds of seed are written.
"""
import base64
import io
import os
import sys
import tarfile
import zipfile

OUT = sys.argv[1] if len(sys.argv) > 1 else ".build-fuzz/corpus-seeds"

PEOPLE = [
    ("Mari", "Tamm", "49403136526", "mari.tamm@example.com", "+372 5555 0101"),
    ("Juhan", "Kask", "38001085718", "juhan.kask@example.org", "+372 5555 0102"),
    ("Aino", "Virtanen", "131052-308T", "aino.virtanen@example.net", "+358 40 555 0103"),
    ("Jonas", "Petraitis", "38703181745", "jonas.p@example.com", "+370 600 55501"),
]


def write(target, name, data):
    d = os.path.join(OUT, target)
    os.makedirs(d, exist_ok=True)
    if isinstance(data, str):
        data = data.encode("utf-8")
    with open(os.path.join(d, name), "wb") as f:
        f.write(data)


def csv_seeds():
    rows = ["first_name,last_name,personal_code,email,phone"]
    rows += [",".join(p) for p in PEOPLE]
    write("FuzzCSV", "comma.csv", "\n".join(rows) + "\n")
    write("FuzzCSV", "semicolon.csv", "\r\n".join(r.replace(",", ";") for r in rows) + "\r\n")
    write("FuzzCSV", "tab.tsv", "\n".join(r.replace(",", "\t") for r in rows))
    write("FuzzCSV", "quoted.csv",
          'name,address,note\n"Tamm, Mari","Pikk 1\nTallinn","said ""hello"""\n"Kask, Juhan",,\n')
    write("FuzzCSV", "noheader.csv", "\n".join("|".join(p) for p in PEOPLE) + "\n")


def cuts_seeds():
    # First byte: 0 `,` 1 `;` 2 `|` 3 tab 4 NDJSON; second byte: cut every (b % 64) + 1 bytes.
    # CSV needs more than 64 rows before its header is decided and a part can be copied.
    rows = ["name,address,email"]
    for i in range(120):
        p = PEOPLE[i % len(PEOPLE)]
        note = '"Pikk %d\nTallinn, ""EE"""' % i if i % 7 == 0 else "Tartu %d" % i
        rows.append("%s %s,%s,%s" % (p[0], p[1], note, p[3]))
    write("FuzzCuts", "comma.bin", b"\x00\x14" + ("\n".join(rows) + "\n").encode())
    write("FuzzCuts", "semicolon-crlf.bin", b"\x01\x21" + ("\r\n".join(r.replace(",", ";") for r in rows)).encode())
    objs = ['{"name": "%s %s", "id": "%s", "email": "%s"}' % p[:4] for p in PEOPLE] * 12
    objs[5] = '{"broken": "line'
    objs[9] = '{"late": {"phone": "+372 5555 0101"}}'
    write("FuzzCuts", "lines.bin", b"\x04\x10" + ("\n".join(objs) + "\n").encode())


def json_seeds():
    objs = ['{"name": "%s %s", "id": "%s", "email": "%s", "phone": "%s", "tags": [1, 2.5e3, true, null]}' % p
            for p in PEOPLE]
    write("FuzzJSON", "array.json", '{"customers": [' + ",\n".join(objs) + '], "count": 4}')
    write("FuzzJSON", "lines.ndjson", "\n".join(objs) + "\n")
    write("FuzzJSON", "escapes.json",
          '[{"name": "J\\u00fcri \\"Jx\\" M\\u00e4gi\\n", "addr": {"street": "Pikk\\t1", "zip": "10123"}}, [], {}, ""]')
    write("FuzzJSON", "nested.json", "[" * 20 + '{"a": {"b": {"c": "mari@example.com"}}}' + "]" * 20)


def text_seeds():
    blocks = ["Nimi: %s %s\nIsikukood: %s\nE-post: %s\nTelefon: %s" % p for p in PEOPLE]
    write("FuzzText", "labelled.txt", "\n\n".join(blocks) + "\n")
    write("FuzzText", "log.txt", "".join(
        "2024-03-0%d 10:1%d:00 INFO login user=%s ip=10.0.0.%d order 123456%d\n" % (i, i, p[3], i, i)
        for i, p in enumerate(PEOPLE)))
    write("FuzzText", "prose.txt",
          "Patient Mari Tamm (born 13.03.1994) called from +372 5555 0101 about invoice 20240001.\r\n"
          "Her code is 49403136526; send results to mari.tamm@example.com.\r\n")
    write("FuzzText", "longline.txt", "x" * 3000 + " mari.tamm@example.com " + "y" * 3000)


def sql_seeds():
    pg = ["-- PostgreSQL database dump", "", "CREATE TABLE public.customers (",
          "    id integer NOT NULL,", "    full_name text,", "    personal_code character varying(11),",
          "    email text", ");", "",
          "COPY public.customers (id, full_name, personal_code, email) FROM stdin;"]
    pg += ["%d\t%s %s\t%s\t%s" % (i, p[0], p[1], p[2], p[3]) for i, p in enumerate(PEOPLE)]
    pg += ["5\t\\N\tTab\\there\tnew\\nline", "\\.", "",
           "INSERT INTO public.customers VALUES (6, 'O''Brien Ann', '49403136526', 'ann@example.com');", ""]
    write("FuzzSQL", "pg_dump.sql", "\n".join(pg))
    my = ["-- MySQL dump 10.13", "/*!40101 SET NAMES utf8mb4 */;",
          "CREATE TABLE `patients` (`id` int NOT NULL, `name` varchar(64), `code` varchar(11), `mail` varchar(64), PRIMARY KEY (`id`)) ENGINE=InnoDB;",
          "INSERT INTO `patients` VALUES " + ",".join(
              "(%d,'%s %s','%s','%s')" % (i, p[0], p[1], p[2], p[3]) for i, p in enumerate(PEOPLE)) + ";",
          "INSERT INTO `patients` (`id`, `name`) VALUES (9,'Escaped \\' quote\\\\'),(10,NULL);"]
    write("FuzzSQL", "mysqldump.sql", "\n".join(my) + "\n")


SHEET = ('<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
         '<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>'
         '<row r="1"><c r="A1" t="s"><v>0</v></c><c r="B1" t="s"><v>1</v></c><c r="C1" t="s"><v>2</v></c></row>'
         '<row r="2"><c r="A2" t="s"><v>3</v></c><c r="B2"><v>49403136526</v></c>'
         '<c r="C2" t="inlineStr"><is><t>mari.tamm@example.com</t></is></c></row>'
         '<row r="3"><c r="A3" t="str"><f>A1</f><v>Juhan Kask</v></c><c r="B3"><v>3.8001085718E10</v></c>'
         '<c r="C3" t="b"><v>1</v></c><c r="D3" t="e"><v>#N/A</v></c></row>'
         '</sheetData></worksheet>')
WORKBOOK = ('<?xml version="1.0" encoding="UTF-8"?><workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" '
            'xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheets>'
            '<sheet name="Customers" sheetId="1" r:id="rId1"/><sheet name="More" sheetId="2" r:id="rId2"/></sheets></workbook>')
RELS = ('<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
        '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/>'
        '<Relationship Id="rId2" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="/xl/worksheets/sheet2.xml"/>'
        '<Relationship Id="rId3" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/sharedStrings" Target="sharedStrings.xml"/>'
        '</Relationships>')
SHARED = ('<?xml version="1.0" encoding="UTF-8"?><sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" count="4" uniqueCount="4">'
          '<si><t>Name</t></si><si><t>Isikukood</t></si><si><r><t>E-</t></r><r><t>mail</t></r></si>'
          '<si><t>Mari Tamm &amp; Co</t><rPh><t>mari</t></rPh></si></sst>')
SHEET2 = ('<worksheet><sheetData><row><c t="inlineStr"><is><t>Phone</t></is></c></row>'
          '<row><c t="inlineStr"><is><t xml:space="preserve">+372 5555 0102</t></is></c></row></sheetData></worksheet>')

DOCUMENT = ('<?xml version="1.0" encoding="UTF-8"?><w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body>'
            '<w:p><w:r><w:t>Patsient: Mari Tamm</w:t></w:r></w:p>'
            '<w:p><w:r><w:t xml:space="preserve">Isikukood: </w:t></w:r><w:r><w:t>49403136526</w:t></w:r><w:r><w:tab/><w:t>x</w:t><w:br/></w:r></w:p>'
            '<w:tbl><w:tr><w:tc><w:p><w:r><w:t>Name</w:t></w:r></w:p></w:tc><w:tc><w:p><w:r><w:t>E-mail</w:t></w:r></w:p></w:tc></w:tr>'
            '<w:tr><w:tc><w:p><w:r><w:t>Juhan Kask</w:t></w:r></w:p></w:tc><w:tc><w:p><w:r><w:t>juhan.kask@example.org</w:t></w:r></w:p></w:tc></w:tr></w:tbl>'
            '<mc:AlternateContent><mc:Choice><w:p><w:r><w:t>choice</w:t></w:r></w:p></mc:Choice><mc:Fallback><w:p><w:r><w:t>fallback</w:t></w:r></w:p></mc:Fallback></mc:AlternateContent>'
            '<w:p><w:pPr><w:rPr><w:t>props</w:t></w:rPr></w:pPr><w:r><w:delText>deleted</w:delText></w:r></w:p>'
            '</w:body></w:document>')
HEADER = '<w:hdr xmlns:w="x"><w:p><w:r><w:t>Clinic header, tel +372 5555 0100</w:t></w:r></w:p></w:hdr>'
FOOTER = '<w:ftr xmlns:w="x"><w:p><w:r><w:t>Page footer</w:t></w:r></w:p></w:ftr>'
FOOTNOTES = '<w:footnotes xmlns:w="x"><w:footnote w:id="1"><w:p><w:r><w:t>Note: aino.virtanen@example.net</w:t></w:r></w:p></w:footnote></w:footnotes>'

ODT = ('<?xml version="1.0" encoding="UTF-8"?><office:document-content xmlns:office="o" xmlns:text="t" xmlns:table="tb"><office:body><office:text>'
       '<text:h>Report</text:h><text:p>Nimi: Mari Tamm<text:tab/>kood<text:s text:c="3"/>49403136526<text:line-break/>end</text:p>'
       '<table:table><table:table-row><table:table-cell><text:p>Name</text:p></table:table-cell><table:table-cell><text:p>Email</text:p></table:table-cell></table:table-row>'
       '<table:table-row><table:table-cell><text:p>Juhan <text:span>Kask</text:span></text:p></table:table-cell><table:table-cell><text:p>juhan.kask@example.org</text:p></table:table-cell></table:table-row></table:table>'
       '</office:text></office:body></office:document-content>')
ODS = ('<?xml version="1.0" encoding="UTF-8"?><office:document-content xmlns:office="o" xmlns:text="t" xmlns:table="tb"><office:body><office:spreadsheet>'
       '<table:table table:name="S1"><table:table-row><table:table-cell office:value-type="string"><text:p>Name</text:p></table:table-cell>'
       '<table:table-cell><text:p>Code</text:p></table:table-cell></table:table-row>'
       '<table:table-row table:number-rows-repeated="2"><table:table-cell table:number-columns-repeated="2"><text:p>x</text:p></table:table-cell></table:table-row>'
       '<table:table-row><table:table-cell><text:p>Mari Tamm</text:p></table:table-cell><table:table-cell office:value-type="float" office:value="49403136526"><text:p>4.94E10</text:p></table:table-cell></table:table-row>'
       '</table:table></office:spreadsheet></office:body></office:document-content>')
MANIFEST = ('<?xml version="1.0" encoding="UTF-8"?><manifest:manifest xmlns:manifest="m">'
            '<manifest:file-entry manifest:full-path="/" manifest:media-type="application/vnd.oasis.opendocument.text"/>'
            '<manifest:file-entry manifest:full-path="content.xml" manifest:media-type="text/xml"/></manifest:manifest>')


def zip_bytes(members, compression=zipfile.ZIP_DEFLATED, force_zip64=False):
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w", compression) as z:
        for name, data in members:
            if isinstance(data, str):
                data = data.encode("utf-8")
            if force_zip64:
                with z.open(zipfile.ZipInfo(name), "w", force_zip64=True) as f:
                    f.write(data)
            else:
                z.writestr(name, data)
    return buf.getvalue()


def nul_join(parts):
    return b"\0".join(p.encode("utf-8") for p in parts)


def office_seeds():
    write("FuzzXLSX", "parts.bin", nul_join([WORKBOOK, RELS, SHARED, SHEET, SHEET2]))
    write("FuzzXLSX", "book.xlsx", zip_bytes([
        ("[Content_Types].xml", "<Types/>"), ("xl/workbook.xml", WORKBOOK), ("xl/_rels/workbook.xml.rels", RELS),
        ("xl/sharedStrings.xml", SHARED), ("xl/worksheets/sheet1.xml", SHEET), ("xl/worksheets/sheet2.xml", SHEET2)]))
    write("FuzzDOCX", "parts.bin", nul_join([DOCUMENT, HEADER, FOOTER, FOOTNOTES]))
    write("FuzzDOCX", "doc.docx", zip_bytes([
        ("word/document.xml", DOCUMENT), ("word/header1.xml", HEADER), ("word/footer2.xml", FOOTER),
        ("word/footnotes.xml", FOOTNOTES)]))
    write("FuzzODF", "text-parts.bin", nul_join([ODT, MANIFEST]))
    write("FuzzODF", "sheet-parts.bin", nul_join([ODS, MANIFEST]))
    write("FuzzODF", "doc.odt", zip_bytes([("mimetype", "application/vnd.oasis.opendocument.text"),
                                           ("content.xml", ODT), ("META-INF/manifest.xml", MANIFEST)]))
    write("FuzzXML", "sheet.xml", SHEET)
    write("FuzzXML", "document.xml", DOCUMENT)
    write("FuzzXML", "odt.xml", ODT)
    write("FuzzXML", "misc.xml",
          '<?xml version="1.0"?><!DOCTYPE x [<!ENTITY a "aaa"><!ELEMENT x ANY>]><!-- c -- -->'
          '<x a=\'1\' b="&quot;&#65;&#x42;"><![CDATA[<raw> & ]]]]><y/>&lt;&gt;&amp;&apos;&#128512;&bogus;</x><?pi x?>')


EML_PLAIN = (
    "From: Mari Tamm <mari.tamm@example.com>\r\n"
    "To: \"Kask, Juhan\" <juhan.kask@example.org>, aino.virtanen@example.net\r\n"
    "Cc: =?UTF-8?B?SsO8cmkgTcOkZ2k=?= <jyri@example.com>\r\n"
    "Subject: =?iso-8859-1?Q?Tere_p=E4evast?=\r\n"
    "Date: Mon, 4 Mar 2024 10:00:00 +0200\r\n"
    "Content-Type: text/plain; charset=utf-8\r\n"
    "Content-Transfer-Encoding: quoted-printable\r\n\r\n"
    "Isikukood: 49403136526=0D\r\nTelefon: +372 5555 0101 p=C3=A4ev soft=\r\nbreak\r\n")


def eml_multipart():
    csv = "name,email\nMari Tamm,mari.tamm@example.com\n"
    inner = "From: a@example.com\r\nTo: b@example.com\r\nSubject: fwd\r\n\r\nForwarded: Juhan Kask 38001085718\r\n"
    return (
        "From: clinic@example.com\r\nTo: lab@example.org\r\nSubject: results\r\nMIME-Version: 1.0\r\n"
        "Content-Type: multipart/mixed; boundary=\"OUTER\"\r\n\r\npreamble\r\n"
        "--OUTER\r\nContent-Type: multipart/alternative; boundary=INNER\r\n\r\n"
        "--INNER\r\nContent-Type: text/plain; charset=windows-1257\r\n\r\nTere, \xfc\r\n"
        "--INNER\r\nContent-Type: text/html; charset=utf-8\r\n\r\n"
        "<html><body><p>Tere&nbsp;<b>Mari</b> &amp; &#x4A;uhan</p><table><tr><td>a</td><td>b</td></tr></table>"
        "<script>x()</script></body></html>\r\n--INNER--\r\n"
        "--OUTER\r\nContent-Type: text/csv; name=\"list.csv\"\r\nContent-Disposition: attachment; filename*=UTF-8''p%C3%A4ev.csv\r\n"
        "Content-Transfer-Encoding: base64\r\n\r\n" + base64.encodebytes(csv.encode()).decode().replace("\n", "\r\n") +
        "--OUTER\r\nContent-Type: message/rfc822\r\n\r\n" + inner +
        "--OUTER\r\nContent-Type: application/zip; name=a.zip\r\nContent-Transfer-Encoding: base64\r\n\r\n" +
        base64.encodebytes(zip_bytes([("in.txt", "E-mail: mari.tamm@example.com\n")])).decode().replace("\n", "\r\n") +
        "--OUTER--\r\nepilogue\r\n")


def mail_seeds():
    write("FuzzMail", "plain.eml", EML_PLAIN)
    write("FuzzMail", "multipart.eml", eml_multipart().encode("latin-1"))
    mbox = "From mari@example.com Mon Mar  4 10:00:00 2024\n" + EML_PLAIN.replace("\r\n", "\n") + \
           "\n>From the archive\n\nFrom juhan@example.org Mon Mar  4 11:00:00 2024\nFrom: juhan@example.org\nSubject: x\n\nbody 38001085718\n"
    write("FuzzMail", "inbox.mbox", mbox)
    # Markup readers: the first byte mod 3 picks RTF ('{'), HTML ('1') or XML ('A').
    write("FuzzMarkup", "doc.rtf", "{\\rtf1\\ansi\\ansicpg1257{\\fonttbl{\\f0 Arial;}}Nimi: Mari Maasikas\\par Isikukood: 38001085718\\par"
          "\\trowd\\cellx1000\\cellx2000 Nimi\\cell E-post\\cell\\row\\trowd Kati Kask\\cell kati@example.ee\\cell\\row}")
    write("FuzzMarkup", "page.html", "1<html><body><p>Nimi: Mari Maasikas</p><table><tr><th>Isikukood</th><th>E-post</th></tr>"
          "<tr><td>38001085718</td><td>mari@example.ee</td></tr></table></body></html>")
    write("FuzzMarkup", "data.xml", "A<?xml version=\"1.0\"?><patients><patient id=\"1\"><nimi>Mari Maasikas</nimi>"
          "<isikukood>38001085718</isikukood></patient><patient><nimi>Kati Kask</nimi><email>kati@example.ee</email></patient></patients>")
    write("FuzzHTML", "page.html",
          "<!DOCTYPE html><html><head><style>p{}</style><title>T</title></head><body>"
          "<h1>Patsient</h1><p>Mari&nbsp;Tamm &lt;mari.tamm@example.com&gt; &#49;&#x32; &eacute;&euro;&unknown;</p>"
          "<br><div>line<br/>two</div><table><tr><th>Name</th><td>Juhan Kask</td></tr></table><!-- c --><script>if(a<b){}</script></body></html>")
    write("FuzzHTML", "qp.txt", "Tere p=C3=A4ev=\r\n soft=3D=\nend_x=ZZ")
    write("FuzzHTML", "b64.txt", base64.encodebytes(b"E-mail: mari.tamm@example.com\n" * 3).decode() + "=\n!!")


def tar_bytes(members, fmt=tarfile.USTAR_FORMAT):
    buf = io.BytesIO()
    with tarfile.open(fileobj=buf, mode="w", format=fmt) as t:
        for name, data, kind in members:
            info = tarfile.TarInfo(name)
            info.mtime = 1700000000
            if kind == "dir":
                info.type = tarfile.DIRTYPE
                t.addfile(info)
            elif kind == "sym":
                info.type = tarfile.SYMTYPE
                info.linkname = "/etc/passwd"
                t.addfile(info)
            else:
                if isinstance(data, str):
                    data = data.encode("utf-8")
                info.size = len(data)
                t.addfile(info, io.BytesIO(data))
    return buf.getvalue()


def archive_seeds():
    people_csv = "name,email\n" + "".join("%s %s,%s\n" % (p[0], p[1], p[3]) for p in PEOPLE)
    write("FuzzTar", "ustar.tar", tar_bytes([("dir", None, "dir"), ("dir/people.csv", people_csv, "file"),
                                             ("link", None, "sym"), ("../evil.txt", "x", "file")]))
    write("FuzzTar", "gnu-long.tar", tar_bytes([("d/" + "n" * 120 + ".txt", "Nimi: Mari Tamm\n", "file")], tarfile.GNU_FORMAT))
    write("FuzzTar", "pax.tar", tar_bytes([("p\u00e4ev/" + "x" * 110 + ".txt", "E-mail: a@example.com\n", "file"),
                                           ("nested.zip", zip_bytes([("a.txt", "x")]), "file")], tarfile.PAX_FORMAT))
    write("FuzzZip", "deflate.zip", zip_bytes([("dir/", ""), ("dir/people.csv", people_csv), ("notes.txt", "Nimi: Juhan Kask\n")]))
    write("FuzzZip", "stored.zip", zip_bytes([("a.json", '{"email": "mari.tamm@example.com"}')], zipfile.ZIP_STORED))
    write("FuzzZip", "zip64.zip", zip_bytes([("big.txt", "E-mail: aino.virtanen@example.net\n")], force_zip64=True))
    write("FuzzZip", "nested.zip", zip_bytes([("inner.zip", zip_bytes([("deep.zip", zip_bytes([("x.txt", "y")]))])),
                                              ("inner.tar", tar_bytes([("t.txt", "tar in zip", "file")])),
                                              ("mail.eml", EML_PLAIN)]))


def encoding_seeds():
    text = "Nimi: Jüri Mägi; Šarūnas Žukauskas; Åsa Öberg; Łukasz Źróbek €\n"
    write("FuzzEncoding", "utf8.txt", text)
    write("FuzzEncoding", "utf8-bom.txt", b"\xef\xbb\xbf" + text.encode())
    write("FuzzEncoding", "utf16le.txt", b"\xff\xfe" + text.encode("utf-16-le"))
    write("FuzzEncoding", "utf16be.txt", b"\xfe\xff" + text.encode("utf-16-be"))
    write("FuzzEncoding", "utf16le-nobom.txt", "name,email\nMari,mari@example.com\n".encode("utf-16-le"))
    write("FuzzEncoding", "cp1257.txt", "Šarūnas Žukauskas, Jūrmala, Ķīpsala\n".encode("cp1257"))
    write("FuzzEncoding", "cp1250.txt", "Łukasz Źróbek, Kraków, Žilina\n".encode("cp1250"))
    write("FuzzEncoding", "latin1.txt", "Jüri Mägi, Åsa Öberg\n".encode("latin-1"))
    write("FuzzEncoding", "broken.txt", b"ok \xc3\x28 \xe2\x82 \xf0\x9f\x98 \xed\xa0\x80 \xff\xfe end \xd8\x00")


def main():
    csv_seeds()
    cuts_seeds()
    json_seeds()
    text_seeds()
    sql_seeds()
    office_seeds()
    mail_seeds()
    archive_seeds()
    encoding_seeds()
    print(OUT)


if __name__ == "__main__":
    main()
