#!/usr/bin/env python3
"""Generates per-format extraction benchmark corpora (fictitious people, valid checksums).

  xlsx   spreadsheets (one sheet of customers; names/e-mails as inline strings, IDs as numbers)
  docx   letters: labelled paragraphs and a table per person block
  pdf    text PDFs (uncompressed content streams, Helvetica), lab-report pages
  eml    messages with a text body and a base64 CSV attachment each
  zip    ZIP archives (deflate) of CSV files
  targz  .tar.gz archives of CSV files

Usage: make-format-corpus.py FORMAT OUT_DIR [--mb N] [--seed S] [--files N]
`--mb` is the size of the content (XML, page text, message bodies, CSV) before compression.
Prints a JSON line with the truth: files, content bytes, bytes on disk, distinct persons planted.
Standard library only.
"""
import argparse
import base64
import io
import json
import os
import random
import sys
import tarfile
import zipfile
from xml.sax.saxutils import escape

sys.path.insert(0, os.path.dirname(__file__))
import synthetic as S  # noqa: E402

ap = argparse.ArgumentParser()
ap.add_argument("format", choices=["xlsx", "docx", "pdf", "eml", "zip", "targz"])
ap.add_argument("out")
ap.add_argument("--mb", type=int, default=150)
ap.add_argument("--seed", type=int, default=7)
ap.add_argument("--files", type=int, default=0, help="number of files (default: per format)")
a = ap.parse_args()
rng = random.Random(a.seed)
os.makedirs(a.out, exist_ok=True)
target = a.mb * 1_000_000
ids_seen = set()


def person():
    """A fresh person (distinct national ID): (first, last, id, email, phone)."""
    lang = rng.choice(["et", "fi", "pl"])
    first, last = rng.choice(S.FIRST[lang]), rng.choice(S.LAST[lang])
    while True:
        if lang == "et":
            nid, _ = S.ee_isikukood(rng)
        elif lang == "fi":
            nid, _ = S.fi_hetu(rng)
        else:
            nid, _ = S.pl_pesel(rng)
        if nid not in ids_seen:
            ids_seen.add(nid)
            break
    phone = {"et": S.ee_phone, "fi": S.fi_phone, "pl": S.pl_phone}[lang](rng)[0]
    return first, last, nid, S.email(rng, first, last, rng.choice(["example.com", "example.org", "mail.example.net"])), phone


NOTES = [
    "Delivered to the pharmacy counter, customer informed by text message",
    "Prescription renewed for three months, dosage unchanged after consultation",
    "Order split in two parcels because one item was out of stock at the warehouse",
    "Kliendile saadeti meeldetuletus, tellimus ootab väljastamist apteegis",
    "Tilaus toimitettiin noutopisteeseen, asiakas nouti paketin seuraavana päivänä",
    "Zamówienie zrealizowane częściowo, brakujący produkt dosłany kurierem",
]
# One row in PERSON_EVERY names a person; the others are order lines of the same table (a
# leak is mostly business data: this keeps the benchmark about extraction, not the store).
PERSON_EVERY = 8


def csv_rows(limit):
    """CSV text of about `limit` bytes: order lines, one in PERSON_EVERY with a person."""
    parts = ["order_id;first_name;last_name;national_id;email;phone;product;quantity;total;note\n"]
    size = len(parts[0])
    n = 0
    while size < limit:
        n += 1
        who = ";".join(person()) if n % PERSON_EVERY == 0 else ";;;;"
        row = (f"{rng.randint(100000, 999999)};{who};SKU-{rng.randint(1000, 9999)};{rng.randint(1, 5)};"
               f"{rng.randint(1, 99999) / 100:.2f};{rng.choice(NOTES)}\n")
        parts.append(row)
        size += len(row.encode())
    return "".join(parts).encode()


def files_count(default):
    return a.files or default


content = 0


def xlsx():
    global content
    n = files_count(1)
    per = target // n
    for k in range(n):
        path = os.path.join(a.out, f"customers_{k:03d}.xlsx")
        with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED, compresslevel=1) as z:
            z.writestr("[Content_Types].xml", '<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/><Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/></Types>')
            z.writestr("_rels/.rels", '<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/></Relationships>')
            z.writestr("xl/workbook.xml", '<?xml version="1.0" encoding="UTF-8"?><workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheets><sheet name="Customers" sheetId="1" r:id="rId1"/></sheets></workbook>')
            z.writestr("xl/_rels/workbook.xml.rels", '<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/></Relationships>')
            with z.open("xl/worksheets/sheet1.xml", "w", force_zip64=True) as w:
                def cell(ref, v):
                    return f'<c r="{ref}" t="inlineStr"><is><t>{escape(v)}</t></is></c>'
                head = ('<?xml version="1.0" encoding="UTF-8"?><worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>'
                        '<row r="1">' + "".join(cell(f"{c}1", h) for c, h in zip("ABCDEFGH", ["First name", "Last name", "National ID", "Email", "Phone", "Total", "Product", "Note"])) + "</row>")
                w.write(head.encode())
                size, r = len(head), 1
                buf = []
                while size < per:
                    r += 1
                    if r % PERSON_EVERY == 0:
                        f, l, nid, mail, phone = person()
                        # Digit-only IDs as numbers (as Excel stores them), others as text.
                        idcell = f'<c r="C{r}"><v>{nid}</v></c>' if nid.isdigit() else cell(f"C{r}", nid)
                        who = cell(f"A{r}", f) + cell(f"B{r}", l) + idcell + cell(f"D{r}", mail) + cell(f"E{r}", phone)
                    else:
                        who = ""
                    row = (f'<row r="{r}">' + who + f'<c r="F{r}"><v>{rng.randint(1, 99999) / 100}</v></c>'
                           + cell(f"G{r}", f"SKU-{rng.randint(1000, 9999)}") + cell(f"H{r}", rng.choice(NOTES)) + "</row>")
                    buf.append(row)
                    size += len(row)
                    if len(buf) >= 2000:
                        w.write("".join(buf).encode()); buf = []
                w.write(("".join(buf) + "</sheetData></worksheet>").encode())
                content += size + len("</sheetData></worksheet>")


def docx():
    global content
    n = files_count(20)
    per = target // n
    for k in range(n):
        path = os.path.join(a.out, f"letters_{k:03d}.docx")
        with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED, compresslevel=1) as z:
            z.writestr("[Content_Types].xml", '<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/></Types>')
            z.writestr("_rels/.rels", '<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/></Relationships>')
            with z.open("word/document.xml", "w", force_zip64=True) as w:
                def p(t):
                    return f"<w:p><w:r><w:t xml:space=\"preserve\">{escape(t)}</w:t></w:r></w:p>"

                def tc(t):
                    return f"<w:tc><w:p><w:r><w:t>{escape(t)}</w:t></w:r></w:p></w:tc>"
                head = '<?xml version="1.0" encoding="UTF-8"?><w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body>'
                w.write(head.encode())
                size = len(head)
                buf = []
                while size < per:
                    f, l, nid, mail, phone = person()
                    block = ("".join(p(rng.choice(NOTES) + ". " + rng.choice(NOTES) + ".") for _ in range(12))
                             + p("Dear customer, the laboratory results of your recent visit are attached below.")
                             + p(f"Name: {f} {l}") + p(f"National ID: {nid}") + p(f"E-mail: {mail}") + p("")
                             + "<w:tbl><w:tr>" + tc("Name") + tc("Phone") + tc("Result") + "</w:tr><w:tr>"
                             + tc(f"{f} {l}") + tc(phone) + tc(f"{rng.randint(30, 180) / 10} g/dl") + "</w:tr></w:tbl>")
                    buf.append(block)
                    size += len(block)
                    if len(buf) >= 500:
                        w.write("".join(buf).encode()); buf = []
                w.write(("".join(buf) + "</w:body></w:document>").encode())
                content += size + len("</w:body></w:document>")


def pdf_file(path, pages):
    objs = [None, None, b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>"]
    kids = []
    for lines in pages:
        body = ["BT /F1 10 Tf 50 760 Td"]
        for line in lines:
            body.append("(" + line.replace("\\", "\\\\").replace("(", "\\(").replace(")", "\\)") + ") Tj 0 -12 Td")
        body.append("ET")
        data = "\n".join(body).encode("latin-1")
        objs.append(b"<< /Length %d >>\nstream\n" % len(data) + data + b"\nendstream")
        c = len(objs)
        objs.append(b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Resources << /Font << /F1 3 0 R >> >> /Contents %d 0 R >>" % c)
        kids.append(len(objs))
    objs[0] = b"<< /Type /Catalog /Pages 2 0 R >>"
    objs[1] = b"<< /Type /Pages /Kids [" + b" ".join(b"%d 0 R" % k for k in kids) + b"] /Count %d >>" % len(kids)
    out = bytearray(b"%PDF-1.4\n")
    offs = []
    for i, o in enumerate(objs, 1):
        offs.append(len(out))
        out += b"%d 0 obj\n" % i + o + b"\nendobj\n"
    x = len(out)
    out += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objs) + 1) + b"".join(b"%010d 00000 n \n" % o for o in offs)
    out += b"trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (len(objs) + 1, x)
    with open(path, "wb") as f:
        f.write(out)


def pdf():
    global content
    n = files_count(100)
    per = target // n
    fold = str.maketrans("łńśźżćąęŁŚŻ", "lnszzcaeLSZ")  # outside WinAnsi
    for k in range(n):
        pages, size = [], 0
        while size < per:
            lines = ["Laboratory report", ""]
            f, l, nid, mail, phone = person()
            lines += [f"Name: {f} {l}".translate(fold), f"National ID: {nid}", f"E-mail: {mail}", f"Phone: {phone}", ""]
            for _ in range(40):
                lines.append(f"Haemoglobin {rng.randint(100, 180) / 10} g/dl, leukocytes {rng.randint(30, 110) / 10}, "
                             + rng.choice(NOTES[:3]))
            pages.append(lines)
            size += sum(len(x) + 1 for x in lines)
        pdf_file(os.path.join(a.out, f"reports_{k:03d}.pdf"), pages)
        content += size


def eml():
    global content
    n = files_count(2000)
    per = target // n
    for k in range(n):
        f, l, nid, mail, phone = person()
        body = (f"Hello {f},\n\nplease find the customer list attached.\n\nName: {f} {l}\nE-mail: {mail}\nPhone: {phone}\n\n"
                "Best regards,\nCustomer service\n")
        csv = csv_rows(max(1000, per - len(body)))
        att = base64.encodebytes(csv).decode()
        msg = (f"From: {f} {l} <{mail}>\nTo: Support <support@example.com>\nSubject: Customer list {k}\n"
               f"Date: Mon, 4 Mar 2024 10:{k % 60:02d}:00 +0200\nMessage-ID: <{k}@example.com>\nMIME-Version: 1.0\n"
               'Content-Type: multipart/mixed; boundary="BOUNDARY"\n\n--BOUNDARY\nContent-Type: text/plain; charset=utf-8\n'
               f"Content-Transfer-Encoding: 8bit\n\n{body}\n--BOUNDARY\nContent-Type: text/csv; name=\"customers_{k}.csv\"\n"
               f"Content-Disposition: attachment; filename=\"customers_{k}.csv\"\nContent-Transfer-Encoding: base64\n\n{att}\n--BOUNDARY--\n")
        with open(os.path.join(a.out, f"msg_{k:05d}.eml"), "w", encoding="utf-8") as fh:
            fh.write(msg)
        content += len(body.encode()) + len(csv)


def zip_():
    global content
    n = files_count(4)
    per = target // n
    for k in range(n):
        with zipfile.ZipFile(os.path.join(a.out, f"export_{k:02d}.zip"), "w", zipfile.ZIP_DEFLATED, compresslevel=6) as z:
            done = 0
            m = 0
            while done < per:
                data = csv_rows(min(4_000_000, per - done))
                z.writestr(f"export/customers_{m:03d}.csv", data)
                done += len(data); m += 1
            content += done


def targz():
    global content
    n = files_count(4)
    per = target // n
    for k in range(n):
        with tarfile.open(os.path.join(a.out, f"export_{k:02d}.tar.gz"), "w:gz", compresslevel=6) as t:
            done = 0
            m = 0
            while done < per:
                data = csv_rows(min(4_000_000, per - done))
                info = tarfile.TarInfo(f"export/customers_{m:03d}.csv")
                info.size = len(data)
                t.addfile(info, io.BytesIO(data))
                done += len(data); m += 1
            content += done


{"xlsx": xlsx, "docx": docx, "pdf": pdf, "eml": eml, "zip": zip_, "targz": targz}[a.format]()
files = [os.path.join(a.out, x) for x in os.listdir(a.out) if not x.startswith(".")]
print(json.dumps({"format": a.format, "files": len(files), "content_bytes": content,
                  "disk_bytes": sum(os.path.getsize(x) for x in files), "persons": len(ids_seen)}))
