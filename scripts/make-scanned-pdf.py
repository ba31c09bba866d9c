#!/usr/bin/env python3
"""Writes image-only ("scanned") PDFs of synthetic lab reports, for the OCR tests.

Each page is first written as a text PDF (Helvetica, large and clear), rasterised with poppler's
`pdftoppm -gray` and then wrapped, pixel for pixel, into a new PDF as an 8-bit DeviceGray image
XObject (FlateDecode through Python's zlib): the result has no text layer at all, exactly like a
scan. With --mixed, a text page (a real text layer, drawn directly) is put between two scanned pages.

Usage: make-scanned-pdf.py OUT.pdf [--seed S] [--mixed] [--dpi N]

OCR noise: tesseract 5 reads Helvetica's "@" as "@ " (the reader removes that space), and after
some letters as "Q" or "©"; the tests use seeds whose addresses it reads whole (--seed 21).
Prints a JSON object with the ground truth: per page its kind ("image" or "text") and the
person on it (name, e-mail, national ID). Everything is fictitious (scripts/synthetic.py).
"""
import argparse
import json
import os
import random
import subprocess
import sys
import tempfile
import zlib

sys.path.insert(0, os.path.dirname(__file__))
import synthetic as S  # noqa: E402

# Names that Helvetica's WinAnsi encoding can draw and OCR reads without doubt.
FIRST = ["Mari", "Liisa", "Anna", "Piotr", "Matti", "Karin", "Jaan", "Tomasz", "Helmi", "Erik"]
LAST = ["Tamm", "Saar", "Nowak", "Korhonen", "Laine", "Nilsson", "Kask", "Koppel", "Lepik", "Karlsson"]


def person(rng, scheme):
    first, last = rng.choice(FIRST), rng.choice(LAST)
    if scheme == "pl":
        nid, _ = S.pl_pesel(rng)
        label = "PESEL"
    else:
        nid, _ = S.ee_isikukood(rng)
        label = "Isikukood"
    # No digits next to the "@": tesseract reads "3026@" as "30260".
    mail = S.ascii_fold(f"{first}.{last}@example.com").lower()
    return {"name": f"{first} {last}", "email": mail, "id": nid, "id_label": label}


def page_lines(p):
    return [
        ("Laboratory report", 28),
        ("", 22),
        (f"Name: {p['name']}", 22),
        (f"{p['id_label']}: {p['id']}", 22),
        (f"Email: {p['email']}", 22),
        ("", 22),
        ("Haemoglobin 13.5 g/dl", 22),
    ]


def pdf_escape(s):
    return s.replace("\\", "\\\\").replace("(", "\\(").replace(")", "\\)")


def text_content(lines):
    out = ["BT", "72 720 Td"]
    for text, size in lines:
        out.append(f"/F1 {size} Tf")
        if text:
            out.append(f"({pdf_escape(text)}) Tj")
        out.append(f"0 -{int(size * 1.6)} Td")
    out.append("ET")
    return "\n".join(out).encode("latin-1")


def write_pdf(path, pages):
    """pages: list of ("text", content bytes) or ("image", (width, height, gray bytes))."""
    objs = []  # object bodies; object n is objs[n-1]

    def add(body):
        objs.append(body)
        return len(objs)

    catalog = add(None)
    pages_id = add(None)
    font = add(b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>")
    kids = []
    for kind, data in pages:
        if kind == "text":
            content = add(b"<< /Length %d >>\nstream\n" % len(data) + data + b"\nendstream")
            res = b"<< /Font << /F1 %d 0 R >> >>" % font
        else:
            w, h, pixels = data
            packed = zlib.compress(pixels, 9)
            img = add(b"<< /Type /XObject /Subtype /Image /Width %d /Height %d /ColorSpace /DeviceGray "
                      b"/BitsPerComponent 8 /Filter /FlateDecode /Length %d >>\nstream\n" % (w, h, len(packed))
                      + packed + b"\nendstream")
            draw = b"q 612 0 0 792 0 0 cm /Im1 Do Q"
            content = add(b"<< /Length %d >>\nstream\n" % len(draw) + draw + b"\nendstream")
            res = b"<< /XObject << /Im1 %d 0 R >> >>" % img
        kids.append(add(b"<< /Type /Page /Parent %d 0 R /MediaBox [0 0 612 792] /Resources " % pages_id
                        + res + b" /Contents %d 0 R >>" % content))
    objs[catalog - 1] = b"<< /Type /Catalog /Pages %d 0 R >>" % pages_id
    objs[pages_id - 1] = (b"<< /Type /Pages /Kids [" + b" ".join(b"%d 0 R" % k for k in kids)
                          + b"] /Count %d >>" % len(kids))
    out = bytearray(b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n")
    offsets = []
    for n, body in enumerate(objs, 1):
        offsets.append(len(out))
        out += b"%d 0 obj\n" % n + body + b"\nendobj\n"
    xref = len(out)
    out += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objs) + 1)
    for o in offsets:
        out += b"%010d 00000 n \n" % o
    out += b"trailer\n<< /Size %d /Root %d 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (len(objs) + 1, catalog, xref)
    with open(path, "wb") as f:
        f.write(out)


def read_pgm(path):
    with open(path, "rb") as f:
        data = f.read()
    # P5 header: magic, width, height, maxval, each separated by whitespace (no comments from pdftoppm).
    fields, i = [], 0
    while len(fields) < 4:
        while data[i:i + 1].isspace():
            i += 1
        j = i
        while not data[j:j + 1].isspace():
            j += 1
        fields.append(data[i:j])
        i = j
    i += 1  # the single whitespace after maxval
    assert fields[0] == b"P5" and fields[3] == b"255", fields
    w, h = int(fields[1]), int(fields[2])
    return w, h, data[i:i + w * h]


def rasterise(content, dpi, tmp):
    src = os.path.join(tmp, "page.pdf")
    write_pdf(src, [("text", content)])
    prefix = os.path.join(tmp, "page")
    subprocess.run(["pdftoppm", "-r", str(dpi), "-gray", "-singlefile", src, prefix], check=True)
    return read_pgm(prefix + ".pgm")


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("out")
    ap.add_argument("--seed", type=int, default=11)
    ap.add_argument("--mixed", action="store_true", help="scanned, text, scanned pages")
    ap.add_argument("--dpi", type=int, default=300)
    a = ap.parse_args()
    rng = random.Random(a.seed)
    kinds = ["image", "text", "image"] if a.mixed else ["image"]
    truth, pages = [], []
    with tempfile.TemporaryDirectory() as tmp:
        for k, kind in enumerate(kinds):
            p = person(rng, "pl" if k % 2 == 0 else "ee")
            content = text_content(page_lines(p))
            pages.append(("text", content) if kind == "text" else ("image", rasterise(content, a.dpi, tmp)))
            truth.append({"page": k + 1, "kind": kind, **p})
    write_pdf(a.out, pages)
    print(json.dumps({"pages": truth}))


if __name__ == "__main__":
    main()
