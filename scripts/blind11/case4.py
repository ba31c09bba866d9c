"""Case 4: medical laboratory network (Poland); stolen data published in three batches."""
import datetime as dt
import json

from common import Case, hexid, make_zip, mistype, xml_esc
from people import Contacts, Namer, pl_address
from shared import check, ids

LAB = "Vita-Lab Laboratoria Medyczne Sp. z o.o."
LDOM = "vitalab.example.com"
PUBLISHED = {"batch1": "2023-11-03", "batch2": "2023-11-17", "batch3": "2023-12-08"}
TESTS = [("GLU", "Glukoza", "mg/dl", "70-99", (65, 180, 0)), ("CHOL", "Cholesterol całkowity", "mg/dl", "<190", (120, 320, 0)),
         ("TSH", "TSH", "µIU/ml", "0,27-4,2", (0.1, 9, 2)), ("HGB", "Hemoglobina", "g/dl", "12-16", (9, 17, 1)),
         ("CRP", "Białko C-reaktywne", "mg/l", "<5", (0.3, 60, 1)),
         ("HBA1C", "Hemoglobina glikowana HbA1c", "%", "4-5,6", (4.2, 11, 1)),
         ("ALT", "Aminotransferaza alaninowa", "U/l", "<35", (8, 140, 0)), ("KREA", "Kreatynina", "mg/dl", "0,5-0,9", (0.4, 2.4, 2)),
         ("FT4", "Wolna tyroksyna FT4", "ng/dl", "0,93-1,7", (0.5, 2.5, 2)), ("PSA", "Antygen swoisty dla stercza PSA całkowity", "ng/ml", "<4", (0.2, 12, 2)),
         ("VITD", "Witamina D3 metabolit 25(OH)", "ng/ml", "30-50", (8, 70, 1)), ("FER", "Ferrytyna", "ng/ml", "13-150", (5, 400, 0))]
STUDIES = [("USG jamy brzusznej", "Ból w prawym podżebrzu od 2 tygodni"), ("USG tarczycy", "Guzek tarczycy w wywiadzie, kontrola"),
           ("USG piersi", "Wyczuwalna zmiana w piersi lewej"), ("USG układu moczowego", "Nawracające infekcje dróg moczowych"),
           ("USG jamy brzusznej", "Podwyższone ALT, podejrzenie stłuszczenia wątroby"), ("USG Doppler tętnic szyjnych", "Zawroty głowy, nadciśnienie tętnicze")]
POINTS = ["Kraków Zabłocie", "Kraków Nowa Huta", "Warszawa Mokotów", "Warszawa Wola", "Łódź Bałuty", "Wrocław Krzyki",
          "Poznań Jeżyce", "Gdańsk Wrzeszcz"]
MON_PL = {1: "JAN", 2: "FEB", 3: "MAR", 4: "APR", 5: "MAY", 6: "JUN", 7: "JUL", 8: "AUG", 9: "SEP", 10: "OCT", 11: "NOV", 12: "DEC"}
B64 = "./ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789"


def fmt_val(x, dec):
    s = f"{x:.{dec}f}"
    return s.replace(".", ",")


def fold(s):
    return ids.ascii_fold(s)


def build(seed):
    c = Case(4, "pl_lab_batches", seed,
             f"Medical laboratory network {LAB} (PL); the gang published three batches. New shapes: Oracle SQL*Plus "
             "spool files (cp1250, COLSEP '|', repeated page headers, word-wrapped column, RR/MM/DD dates), flat ODS "
             "(.fods) registers with a hidden column, DICOM dcmdump text dumps, Elixir-O domestic transfer file, Avro "
             "JSON-encoded portal dump with .avsc schema, MediaWiki Special:Export XML with wikitext tables; a zip that "
             "re-posts a batch-1 file unchanged.")
    rng = c.rng
    namer = Namer(rng)
    con = Contacts(rng)
    physicians = []
    for _ in range(8):
        nm = namer.make("pl", rng.random() < 0.6)
        physicians.append((nm, str(rng.randint(1000000, 9999999))))

    def new_patient(ua=False, namesake_of=None):
        if ua:
            nm = namer.make("uk", rng.random() < 0.6)
        elif namesake_of is not None:
            nm = dict(namesake_of.a["nm"])
        else:
            nm = namer.make("pl", rng.random() < 0.55)
        p = c.person(nm["full"], "uk" if ua else "pl", [LAB])
        dob = ids.rand_date(rng, 1935, 2019) if not ua else ids.rand_date(rng, 1960, 2005)
        p.a.update(nm=nm, ua=ua, dob=dob, addr=pl_address(rng))
        if ua:
            p.a["pesel"] = None
            p.a["passport"] = rng.choice(["FX", "FA", "FB", "EK", "GC"]) + f"{rng.randint(100000, 999999)}"
            p.a["pcc"] = "UA" if rng.random() < 0.5 else "PL"
            p.a["phone"] = con.phone(p.a["pcc"])[0]
            p.note = "Ukrainian patient without PESEL (passport only)"
        else:
            while True:
                v = ids.pl_pesel(rng, dob, nm["female"])
                if v not in con.other:
                    con.other.add(v)
                    p.a["pesel"] = v
                    break
            p.a["passport"] = None
            p.a["phone"] = con.phone("PL", "mobile" if rng.random() < 0.9 else "fixed")[0] if rng.random() < 0.72 else None
            p.a["pcc"] = "PL"
        p.a["email"] = con.email(ids.ascii_fold(nm["given"]), ids.ascii_fold(nm["surname"])) if rng.random() < 0.45 else None
        p.a["tests"] = rng.sample([t for t in TESTS if t[0] != "PSA" or not nm["female"]], rng.randint(1, 4))
        return p

    A = [new_patient(ua=rng.random() < 0.07) for _ in range(290)]
    for k in range(3):                       # namesakes: same name, different PESEL
        src = rng.choice([p for p in A if not p.a["ua"]])
        q = new_patient(namesake_of=src)
        q.note = f"namesake of {src.tid} (different PESEL)"
        src.note = f"namesake of {q.tid} (different PESEL)"
        A.append(q)
    B = [new_patient(ua=rng.random() < 0.08) for _ in range(110)]
    C = [new_patient() for _ in range(22)]
    D = [new_patient(ua=rng.random() < 0.05) for _ in range(60)]
    E = [new_patient() for _ in range(6)]

    def phone_raw(p):
        if p.a["pcc"] == "UA":       # Ukrainian numbers are written internationally in a Polish lab's files
            return ids.render_phone(rng, "UA", p.a["phone"], rng.choice([0, 1]))[0]
        return ids.render_phone(rng, p.a["pcc"], p.a["phone"])[0]

    def e164(p):
        return ids.e164(p.a["pcc"], p.a["phone"])

    def cc(p):
        return ids.CC[p.a["pcc"]]

    # ============================================================ batch1: SQL*Plus spools (cp1250, CRLF)
    cols = [("PESEL", 11), ("NAZWISKO", 20), ("IMIE", 15), ("DATA_UR", 8), ("ULICA", 30), ("KOD", 6), ("MIASTO", 15),
            ("TELEFON", 20), ("DOKUMENT", 18)]

    def spool_header(cs):
        return ["|".join(n.ljust(w)[:w] for n, w in cs), "|".join("-" * w for _, w in cs)]

    path = "batch1/lis_export/wyciag_pacjenci_2019.lst"
    S = ["", "SQL*Plus: Release 19.0.0.0.0 - Production on Wed Oct 18 02:11:43 2023", "Version 19.3.0.0.0", "",
         "Copyright (c) 1982, 2019, Oracle.  All rights reserved.", "", "Last Successful login time: Tue Oct 17 2023 23:58:02 +02:00",
         "", "Connected to:", "Oracle Database 19c Standard Edition 2 Release 19.0.0.0.0 - Production", "",
         "SQL> SET LINESIZE 200 PAGESIZE 40 TRIMSPOOL ON", "SQL> SET COLSEP '|'",
         "SQL> ALTER SESSION SET NLS_DATE_FORMAT = 'RR/MM/DD';", "", "Session altered.", "",
         "SQL> SPOOL /u01/export/wyciag_pacjenci_2019.lst",
         "SQL> SELECT p.pesel, p.nazwisko, p.imie, p.data_ur, p.ulica, p.kod, p.miasto, p.telefon, p.dokument",
         "  2    FROM lis.pacjent p", "  3   WHERE p.data_rej >= DATE '2019-01-01'", "  4   ORDER BY p.nazwisko, p.imie;", ""]
    rows = sorted(A, key=lambda p: (fold(p.a["nm"]["surname"]).upper(), p.a["nm"]["given"], p.tid))
    for i, p in enumerate(rows):
        if i % 37 == 0:
            if i:
                S.append("")
            S += spool_header(cols)
        ad = p.a["addr"]
        ph = phone_raw(p) if p.a["phone"] else ""
        p.a["b1_phone_raw"] = ph
        doc_s = f"PASZPORT {p.a['passport']}" if p.a["ua"] else ""
        vals = [p.a["pesel"] or "", p.a["nm"]["surname"].upper(), p.a["nm"]["given"], p.a["dob"].strftime("%y/%m/%d"),
                ad["street"], ad["zip"], ad["city"], ph, doc_s]
        S.append("|".join(v.ljust(w) for v, (_, w) in zip(vals, cols)).rstrip())
        up = p.a["nm"]["surname"].upper()
        c.name(p, path, "NAZWISKO/IMIE", f"{p.a['nm']['given']} {up}", parts=[up, p.a["nm"]["given"]])
        if p.a["pesel"]:
            c.ident(p, "pl_pesel", p.a["pesel"], p.a["pesel"], path, "PESEL")
        else:
            c.link(p, path, "passport:" + p.a["passport"])
        c.dob(p, path, "DATA_UR (RR/MM/DD)", p.a["dob"].strftime("%y/%m/%d"))
        c.address(p, path, "ULICA/KOD/MIASTO", ad["street"])
        if ph:
            c.ident(p, "phone", e164(p), ph, path, "TELEFON", cc=cc(p))
    S += ["", f"{len(rows)} rows selected.", "", "SQL> SPOOL OFF", "SQL> EXIT",
          "Disconnected from Oracle Database 19c Standard Edition 2 Release 19.0.0.0.0 - Production", ""]
    spool1 = "\n".join(S).replace("\n", "\r\n").encode("cp1250")
    c.add_file(path, spool1)
    c.register(path, spool1, "cp1250")
    pacjenci_path = path

    path = "batch1/lis_export/wyniki_2023-10.lst"
    rcols = [("NR_ZLECENIA", 11), ("PESEL", 11), ("DOKUMENT", 18), ("KOD", 6), ("NAZWA_BADANIA", 24), ("WYNIK", 8),
             ("JEDN", 8), ("NORMA", 10), ("PWZ", 7)]
    S = ["SQL> COLUMN nazwa_badania FORMAT A24 WORD_WRAPPED", "SQL> SPOOL /u01/export/wyniki_2023-10.lst",
         "SQL> SELECT z.nr_zlecenia, p.pesel, p.dokument, b.kod, b.nazwa nazwa_badania, w.wynik, b.jedn, b.norma, z.pwz",
         "  2    FROM lis.zlecenie z JOIN lis.pacjent p ON p.id = z.pacjent_id", "  3    JOIN lis.wynik w ON w.zlecenie_id = z.id",
         "  4    JOIN lis.badanie b ON b.id = w.badanie_id", "  5   WHERE z.data >= DATE '2023-10-01';", ""]
    n = 0
    orders = []
    for p in A:
        if rng.random() < 0.82:
            d = dt.date(2023, 10, rng.randint(1, 17))
            while True:
                onr = f"{d:%y%m%d}" + f"{rng.randint(0, 99999):05d}"
                if not check.any_person_id(onr):
                    break
            orders.append((onr, p, rng.choice(physicians)))
    orders.sort(key=lambda o: o[0])
    for onr, p, (dnm, pwz) in orders:
        for code, nazwa, unit, norm, (lo, hi, dec) in p.a["tests"]:
            if n % 40 == 0:
                if n:
                    S.append("")
                S += spool_header(rcols)
            n += 1
            val = fmt_val(rng.uniform(lo, hi), dec)
            words = nazwa.split(" ")
            lines_n, cur = [], ""
            for w in words:
                if len(cur) + len(w) + (1 if cur else 0) > 24:
                    lines_n.append(cur)
                    cur = w
                else:
                    cur = (cur + " " + w) if cur else w
            lines_n.append(cur)
            vals = [onr, p.a["pesel"] or "", f"PASZPORT {p.a['passport']}" if p.a["ua"] else "", code, lines_n[0], val, unit,
                    norm, pwz]
            S.append("|".join(v.ljust(w) for v, (_, w) in zip(vals, rcols)).rstrip())
            for extra in lines_n[1:]:
                S.append("|".join((extra if k == 4 else "").ljust(w) for k, (_, w) in enumerate(rcols)).rstrip())
            if p.a["pesel"]:
                c.ident(p, "pl_pesel", p.a["pesel"], p.a["pesel"], path, "PESEL")
            else:
                c.link(p, path, "passport:" + p.a["passport"])
            c.expose(p, "lab_result", path, "KOD/WYNIK", ev=val)
            c.expose(p, "health_data", path, "NAZWA_BADANIA/WYNIK", req=False)
    S += ["", f"{n} rows selected.", "", "SQL> SPOOL OFF", ""]
    c.text(path, "\n".join(S), enc="cp1250", crlf=True)
    for onr, p, (dnm, pwz) in orders[:8]:
        c.decoy("order_number", onr, path, "NR_ZLECENIA", "date-shaped 11-digit order number that fails the PESEL check")
    for dnm, pwz in physicians[:4]:
        c.decoy("pwz_number", pwz, path, "PWZ", "physician licence number (staff)")
    note = ("ALL YOUR FILES ARE STOLEN.\n\nVita-Lab refused to pay. This is batch 1 of patient data.\n"
            "More will follow every two weeks until management contacts us.\n\nContact: see our blog (TOR).\n")
    c.text("batch1/README_VITALAB.txt", note)

    # ============================================================ batch2: flat ODS registers
    reg_pool = rng.sample(A, 120) + B
    rng.shuffle(reg_pool)
    per_point = [reg_pool[i::len(POINTS)] for i in range(len(POINTS))]
    for point, people in zip(POINTS, per_point):
        fname = fold(point).replace(" ", "_")
        path = f"batch2/punkty_pobran/rejestr_{fname}_2023-10.fods"
        as_float = rng.random() < 0.5
        F = ['<?xml version="1.0" encoding="UTF-8"?>',
             '<office:document xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" '
             'xmlns:style="urn:oasis:names:tc:opendocument:xmlns:style:1.0" '
             'xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0" '
             'xmlns:table="urn:oasis:names:tc:opendocument:xmlns:table:1.0" '
             'xmlns:meta="urn:oasis:names:tc:opendocument:xmlns:meta:1.0" '
             'xmlns:calcext="urn:org:documentfoundation:names:experimental:calc:xmlns:calcext:1.0" '
             'office:version="1.3" office:mimetype="application/vnd.oasis.opendocument.spreadsheet">',
             f' <office:meta><meta:creation-date>2023-10-01T07:{rng.randint(10, 59)}:00</meta:creation-date>'
             '<meta:generator>LibreOffice/7.5.6.2$Windows_X86_64 LibreOffice_project/f654817fb68d6d4600d7d2f6b647e47729f55f15</meta:generator></office:meta>',
             ' <office:automatic-styles>', '  <style:style style:name="co1" style:family="table-column">'
             '<style:table-column-properties style:column-width="2.258cm"/></style:style>',
             '  <style:style style:name="co2" style:family="table-column"><style:table-column-properties style:column-width="4.5cm"/></style:style>',
             ' </office:automatic-styles>', ' <office:body>', '  <office:spreadsheet>',
             '   <table:table table:name="Rejestracja" table:style-name="ta1">',
             '    <table:table-column table:style-name="co1"/>',
             '    <table:table-column table:style-name="co2" table:number-columns-repeated="5"/>',
             '    <table:table-column table:style-name="co2" table:visibility="collapse"/>',
             '    <table:table-column table:style-name="co2"/>']

        def cell(v, typ="string", value=None):
            if v is None or v == "":
                return '     <table:table-cell/>'
            if typ == "float":
                return (f'     <table:table-cell office:value-type="float" office:value="{value}" calcext:value-type="float">'
                        f'<text:p>{xml_esc(v)}</text:p></table:table-cell>')
            if typ == "date":
                return (f'     <table:table-cell office:value-type="date" office:date-value="{value}" calcext:value-type="date">'
                        f'<text:p>{xml_esc(v)}</text:p></table:table-cell>')
            return (f'     <table:table-cell office:value-type="string" calcext:value-type="string">'
                    f'<text:p>{xml_esc(v)}</text:p></table:table-cell>')
        F.append("    <table:table-row>")
        F += [cell(h) for h in ["Lp.", "Nazwisko", "Imię", "PESEL / paszport", "Data urodzenia", "Telefon", "E-mail",
                                "Zlecone badania"]]
        F.append("    </table:table-row>")
        for i, p in enumerate(people):
            ident = p.a["pesel"] or p.a["passport"]
            id_cell = cell(ident, "float", ident) if (as_float and p.a["pesel"] and not ident.startswith("0")) else cell(ident)
            ph = phone_raw(p) if p.a["phone"] else ""
            em = p.a["email"] if (p.a["email"] and rng.random() < 0.8) else ""
            dob_s = p.a["dob"].strftime("%d.%m.%Y")
            F += ["    <table:table-row>", cell(str(i + 1), "float", i + 1), cell(p.a["nm"]["surname"]), cell(p.a["nm"]["given"]),
                  id_cell, cell(dob_s, "date", p.a["dob"].isoformat()), cell(ph), cell(em),
                  cell(", ".join(t[0] for t in p.a["tests"])), "    </table:table-row>"]
            c.name(p, path, "Nazwisko/Imię", p.name, parts=[p.a["nm"]["surname"], p.a["nm"]["given"]])
            if p.a["pesel"]:
                c.ident(p, "pl_pesel", p.a["pesel"], p.a["pesel"], path, "PESEL / paszport")
            else:
                c.link(p, path, "passport:" + p.a["passport"])
                c.evidence.append((path, p.a["passport"], f"{p.tid} passport"))
            c.dob(p, path, "Data urodzenia", dob_s)
            if ph:
                c.ident(p, "phone", e164(p), ph, path, "Telefon", cc=cc(p))
            if em:
                c.ident(p, "email", em, em, path, "E-mail (hidden column)")
            c.expose(p, "lab_result", path, "Zlecone badania (ordered only)", req=False)
        F += ['    <table:table-row table:number-rows-repeated="1048000"><table:table-cell table:number-columns-repeated="8"/></table:table-row>',
              '   </table:table>', '   <table:table table:name="Podsumowanie">', '    <table:table-row>',
              cell("Punkt"), cell(point), '    </table:table-row>', '    <table:table-row>', cell("Liczba pacjentów"),
              cell(str(len(people)), "float", len(people)), '    </table:table-row>', '   </table:table>',
              '  </office:spreadsheet>', ' </office:body>', '</office:document>', '']
        c.text(path, "\n".join(F), dec=("xml",))

    # ============================================================ batch2: DICOM dcmdump text
    us_pool = rng.sample([p for p in A + B if not p.a["ua"]], 30) + C
    rng.shuffle(us_pool)
    for k, p in enumerate(us_pool):
        study, hist = rng.choice([s for s in STUDIES if "piersi" not in s[0] or p.a["nm"]["female"]])
        utf = rng.random() < 0.7
        d = dt.date(2023, 10, rng.randint(2, 27))
        uid = f"1.2.826.0.1.3680043.2.1125.{rng.randint(10 ** 8, 10 ** 9)}.{rng.randint(1000, 9999)}"
        path = f"batch2/pracownia_usg/dcmdump/US_{d:%Y%m%d}_{k + 1:03d}.txt"
        given, sur = p.a["nm"]["given"], p.a["nm"]["surname"]
        pn = f"{sur.upper()}^{given.upper()}" if utf else f"{fold(sur).upper()}^{fold(given).upper()}"
        refd = rng.choice(physicians)[0]
        addr_s = f"{p.a['addr']['street']}, {p.a['addr']['zip']} {p.a['addr']['city']}"
        if not utf:
            addr_s = fold(addr_s)
        hist_s = hist if utf else fold(hist)
        inst = "Vita-Lab Pracownia USG Kraków" if utf else "Vita-Lab Pracownia USG Krakow"

        def el(tag, vr, val, name, bracket=True):
            v = f"[{val}]" if bracket else val
            ln = len(val.encode("utf-8" if utf else "latin-1"))
            ln += ln % 2
            return f"({tag}) {vr} {v:<40} # {ln:>3}, 1 {name}"
        Dd = ["", "# Dicom-File-Format", "", "# Dicom-Meta-Information-Header", "# Used TransferSyntax: Little Endian Explicit",
              f"(0002,0000) UL {196 + len(uid):<40} #   4, 1 FileMetaInformationGroupLength",
              "(0002,0001) OB 00\\01                                    #   2, 1 FileMetaInformationVersion",
              el("0002,0002", "UI", "=UltrasoundImageStorage", "MediaStorageSOPClassUID"),
              el("0002,0003", "UI", uid + ".1", "MediaStorageSOPInstanceUID"),
              el("0002,0010", "UI", "=LittleEndianExplicit", "TransferSyntaxUID"),
              el("0002,0013", "SH", "OFFIS_DCMTK_367", "ImplementationVersionName"), "",
              "# Dicom-Data-Set", "# Used TransferSyntax: Little Endian Explicit",
              el("0008,0005", "CS", "ISO_IR 192" if utf else "ISO_IR 100", "SpecificCharacterSet"),
              el("0008,0020", "DA", f"{d:%Y%m%d}", "StudyDate"),
              el("0008,0030", "TM", f"{rng.randint(8, 17):02d}{rng.randint(0, 59):02d}{rng.randint(0, 59):02d}", "StudyTime"),
              el("0008,0050", "SH", f"US23{rng.randint(100000, 999999)}", "AccessionNumber"),
              el("0008,0060", "CS", "US", "Modality"), el("0008,0070", "LO", "GE Healthcare", "Manufacturer"),
              el("0008,0080", "LO", inst, "InstitutionName"),
              el("0008,0090", "PN", f"{(refd['surname'] if utf else fold(refd['surname']))}^{(refd['given'] if utf else fold(refd['given']))}^^lek.", "ReferringPhysicianName"),
              el("0008,1030", "LO", study if utf else fold(study), "StudyDescription"),
              el("0010,0010", "PN", pn, "PatientName"),
              el("0010,0020", "LO", p.a["pesel"], "PatientID"),
              el("0010,0021", "LO", "PESEL", "IssuerOfPatientID"),
              el("0010,0030", "DA", f"{p.a['dob']:%Y%m%d}", "PatientBirthDate"),
              el("0010,0040", "CS", "F" if p.a["nm"]["female"] else "M", "PatientSex")]
        has_addr = rng.random() < 0.5
        has_phone = p.a["phone"] and rng.random() < 0.7
        if has_addr:
            Dd.append(el("0010,1040", "LO", addr_s, "PatientAddress"))
        if has_phone:
            ph = p.a["phone"] if rng.random() < 0.6 else phone_raw(p)
            Dd.append(el("0010,2154", "SH", ph, "PatientTelephoneNumbers"))
        Dd += [el("0010,21b0", "LT", hist_s, "AdditionalPatientHistory"),
               el("0020,000d", "UI", uid, "StudyInstanceUID"), el("0020,0010", "SH", f"{rng.randint(1000, 9999)}", "StudyID"),
               el("0032,1032", "PN", f"{fold(refd['surname']).upper()}^{fold(refd['given']).upper()}", "RequestingPhysician"),
               "(7fe0,0010) OB 00\\00\\00\\00\\00\\00\\00\\00\\00\\00\\00\\00\\00\\00\\00\\00... # 614400, 1 PixelData", ""]
        c.text(path, "\n".join(Dd), enc="utf-8" if utf else "latin-1")
        c.name(p, path, "(0010,0010) PatientName", pn)
        c.ident(p, "pl_pesel", p.a["pesel"], p.a["pesel"], path, "(0010,0020) PatientID")
        c.dob(p, path, "(0010,0030) PatientBirthDate", f"{p.a['dob']:%Y%m%d}")
        if has_addr:
            c.address(p, path, "(0010,1040) PatientAddress", addr_s.split(",")[0])
        if has_phone:
            c.ident(p, "phone", e164(p), ph, path, "(0010,2154) PatientTelephoneNumbers", cc=cc(p))
        c.expose(p, "health_data", path, "(0010,21b0) AdditionalPatientHistory", ev=hist_s)

    # ============================================================ batch2: Elixir-O refunds (cp1250)
    lab_nrb = ids.iban(rng, "PL")[2:]
    refund = rng.sample([p for p in A if not p.a["ua"]], 44)
    path = "batch2/zwroty/elixir_20231110.pli"
    Lx = []
    for p in refund:
        ib = ids.iban(rng, "PL")
        con.other.add(ib)
        p.a["iban"] = ib
        nrb = ib[2:]
        ad = p.a["addr"]
        up = rng.random() < 0.7
        nm_s = f"{p.a['nm']['given']} {p.a['nm']['surname']}"
        nm_s = nm_s.upper() if up else nm_s
        st = ad["street"].upper() if up else ad["street"]
        town = f"{ad['zip']} {ad['city'].upper() if up else ad['city']}"
        onr = next((o[0] for o in orders if o[1] is p), f"{dt.date(2023, 9, rng.randint(1, 28)):%y%m%d}{rng.randint(0, 99999):05d}")
        with_pesel = rng.random() < 0.7
        title = f"ZWROT ZA BADANIE|ZLEC. {onr}|" + (f"PESEL {p.a['pesel']}|" if with_pesel else "|")
        Lx.append(",".join(["110", "20231110", str(rng.choice([2900, 4500, 6800, 12000, 15500])), "10201026", "0",
                            f'"{lab_nrb}"', f'"{nrb}"', '"VITA-LAB LABORATORIA MEDYCZNE|SP. Z O.O.|UL. ZDROWA 12|31-216 KRAKÓW"',
                            f'"{nm_s}|{st}|{town}|"', "0", nrb[2:10], f'"{title}"', '""', '""', '"51"']))
        c.name(p, path, "pole 9 (nazwa i adres beneficjenta)", nm_s)
        c.ident(p, "iban", ib, nrb, path, "pole 7 (rachunek beneficjenta, NRB)")
        c.address(p, path, "pole 9 (adres)", st)
        if with_pesel:
            c.ident(p, "pl_pesel", p.a["pesel"], p.a["pesel"], path, "pole 12 (tytuł)")
        else:
            c.link(p, path, "order:" + onr)
    c.text(path, "\n".join(Lx) + "\n", enc="cp1250", crlf=True)
    c.decoy("lab_account", "PL" + lab_nrb, path, "pole 6 (rachunek zleceniodawcy)", "the laboratory's own account",
            must_fail=False, raw=lab_nrb)
    for onr, p, _ in orders:
        c.link(p, "batch1/lis_export/wyniki_2023-10.lst", "order:" + onr)
    c.text("batch2/README_VITALAB_2.txt", "Batch 2. Collection point registers, ultrasound archive, refunds.\n"
                                          "Vita-Lab still silent. Next batch in two weeks.\n")

    # ============================================================ batch3: Avro JSON portal dump
    schema = {"type": "record", "name": "KontoPortalu", "namespace": "pl.vitalab.portal", "fields": [
        {"name": "id", "type": "long"}, {"name": "pesel", "type": ["null", "string"], "default": None},
        {"name": "paszport", "type": ["null", "string"], "default": None}, {"name": "imie", "type": "string"},
        {"name": "nazwisko", "type": "string"}, {"name": "email", "type": ["null", "string"], "default": None},
        {"name": "telefon", "type": ["null", "string"], "default": None}, {"name": "haslo_hash", "type": "string"},
        {"name": "zgoda_marketing", "type": "boolean"},
        {"name": "ostatnie_logowanie", "type": ["null", {"type": "long", "logicalType": "timestamp-millis"}], "default": None},
        {"name": "wyniki", "type": {"type": "array", "items": {"type": "record", "name": "Wynik", "fields": [
            {"name": "kod", "type": "string"}, {"name": "nazwa", "type": "string"},
            {"name": "wartosc", "type": ["null", "double", "string"]}, {"name": "jednostka", "type": ["null", "string"]},
            {"name": "data", "type": {"type": "int", "logicalType": "date"}}]}}}]}
    c.text("batch3/portal/wyniki-avro/wyniki.avsc", json.dumps(schema, indent=2) + "\n")
    accounts = rng.sample(A + B, 170) + D
    rng.shuffle(accounts)
    parts = [accounts[i::3] for i in range(3)]
    for pi, part in enumerate(parts):
        path = f"batch3/portal/wyniki-avro/part-{pi:05d}-9c2e1f4a.json"
        lines = []
        for p in part:
            if not p.a["email"]:
                p.a["email"] = con.email(ids.ascii_fold(p.a["nm"]["given"]), ids.ascii_fold(p.a["nm"]["surname"]))
            h = "$2b$12$" + "".join(rng.choice(B64) for _ in range(53))
            p.a["hash"] = h
            tel = e164(p) if p.a["phone"] else None
            res = []
            for code, nazwa, unit, norm, (lo, hi, dec) in p.a["tests"]:
                v = round(rng.uniform(lo, hi), dec)
                res.append({"kod": code, "nazwa": nazwa, "wartosc": {"double": v}, "jednostka": {"string": unit},
                            "data": (dt.date(2023, rng.randint(6, 11), rng.randint(1, 28)) - dt.date(1970, 1, 1)).days})
            rec = {"id": rng.randint(100000, 999999), "pesel": {"string": p.a["pesel"]} if p.a["pesel"] else None,
                   "paszport": {"string": p.a["passport"]} if p.a["passport"] else None, "imie": p.a["nm"]["given"],
                   "nazwisko": p.a["nm"]["surname"], "email": {"string": p.a["email"]},
                   "telefon": {"string": tel} if tel else None, "haslo_hash": h, "zgoda_marketing": rng.random() < 0.3,
                   "ostatnie_logowanie": {"long": rng.randint(1690000000, 1701000000) * 1000}, "wyniki": res}
            lines.append(json.dumps(rec, ensure_ascii=(pi == 2), separators=(",", ":")))
            c.name(p, path, "imie/nazwisko", p.name, parts=[p.a["nm"]["given"], p.a["nm"]["surname"]])
            if p.a["pesel"]:
                c.ident(p, "pl_pesel", p.a["pesel"], p.a["pesel"], path, "pesel.string")
            else:
                c.link(p, path, "passport:" + p.a["passport"])
                c.evidence.append((path, p.a["passport"], f"{p.tid} passport"))
            c.ident(p, "email", p.a["email"], p.a["email"], path, "email.string")
            if tel:
                c.ident(p, "phone", tel, tel, path, "telefon.string", cc=cc(p))
            c.expose(p, "credentials", path, "haslo_hash", ev=h)
            c.expose(p, "lab_result", path, "wyniki[]", ev=res[0]["kod"])
            c.expose(p, "health_data", path, "wyniki[]", req=False)
        c.text(path, "\n".join(lines) + "\n", dec=("json",))

    # ============================================================ batch3: MediaWiki Special:Export
    path = "batch3/wiki/Reklamacje_pacjentow_2023.xml"
    compl = rng.sample([p for p in A + B if p.a["phone"] or p.a["email"]], 36) + E
    reasons = ["Wynik nie dotarł SMS-em", "Nie mogę zalogować się do portalu", "Błędne dane w wyniku", "Prośba o fakturę",
               "Pobranie krwi – siniak", "Zwrot za niewykonane badanie"]
    staffw = [("AnnaN", "Anna N."), ("TomaszK", "Tomasz K."), ("EwaM", "Ewa M.")]
    wrong = []

    def wikirows(people, with_typos):
        out = []
        for p in people:
            u = rng.choice(staffw)
            ph = p.a.get("wiki_ph")
            if ph is None:
                ph = phone_raw(p) if p.a["phone"] else ""
                p.a["wiki_ph"] = ph
            em = p.a["email"] or ""
            pes = p.a["pesel"] or f"paszport {p.a['passport']}"
            if with_typos and p.a["pesel"] and rng.random() < 0.15:
                bad = mistype(rng, p.a["pesel"], check.v_pl)
                wrong.append(bad)
                pes = bad
            out += ["|-", f"| {p.a['wiki_date']} || {p.name} || {pes} || {ph} || {em} || {p.a['wiki_reason']} || "
                          f"<span style=\"color:{rng.choice(['green', 'red'])}\">"
                          f"{rng.choice(['zamknięte', 'w toku'])}</span> [[Użytkownik:{u[0]}|{u[1]}]]"]
        return out
    for p in compl:
        p.a["wiki_date"] = f"2023-{rng.randint(9, 11):02d}-{rng.randint(1, 28):02d}"
        p.a["wiki_reason"] = rng.choice(reasons)
    compl.sort(key=lambda p: p.a["wiki_date"])
    old = compl[:len(compl) // 2]
    head = ['== Reklamacje 2023 ==', 'Strona prowadzona przez Dział Obsługi Pacjenta. Kontakt: '
            f'[mailto:dop@{LDOM} dop@{LDOM}]', '', '{| class="wikitable sortable"',
            '! Data !! Pacjent !! PESEL !! Telefon !! E-mail !! Zgłoszenie !! Status']
    rev1 = "\n".join(head + wikirows(old, True) + ["|}"])
    rev2 = "\n".join(head + wikirows(compl, False) + ["|}", "", "[[Kategoria:Obsługa pacjenta]]"])

    def revision(rid, ts, user, uid, comment, text):
        return ["    <revision>", f"      <id>{rid}</id>", f"      <timestamp>{ts}</timestamp>",
                f"      <contributor>", f"        <username>{user}</username>", f"        <id>{uid}</id>",
                "      </contributor>", f"      <comment>{xml_esc(comment)}</comment>", "      <model>wikitext</model>",
                "      <format>text/x-wiki</format>",
                f'      <text bytes="{len(text.encode())}" xml:space="preserve">{xml_esc(text)}</text>',
                f"      <sha1>{hexid(rng, 31)}</sha1>", "    </revision>"]
    W = ['<mediawiki xmlns="http://www.mediawiki.org/xml/export-0.10/" '
         'xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" '
         'xsi:schemaLocation="http://www.mediawiki.org/xml/export-0.10/ http://www.mediawiki.org/xml/export-0.10.xsd" '
         'version="0.10" xml:lang="pl">', "  <siteinfo>", "    <sitename>Vita-Lab Wiki</sitename>",
         "    <dbname>vitalabwiki</dbname>", f"    <base>https://wiki.{LDOM}/wiki/Strona_g%C5%82%C3%B3wna</base>",
         "    <generator>MediaWiki 1.39.5</generator>", "    <case>first-letter</case>", "  </siteinfo>", "  <page>",
         "    <title>Reklamacje pacjentów 2023</title>", "    <ns>0</ns>", f"    <id>{rng.randint(100, 999)}</id>"]
    W += revision(rng.randint(9000, 9500), "2023-10-15T09:12:44Z", "AnnaN", 12, "nowe zgłoszenia", rev1)
    W += revision(rng.randint(9600, 9900), "2023-11-29T14:03:10Z", "TomaszK", 17, "poprawiony PESEL, nowe zgłoszenia", rev2)
    W += ["  </page>", "</mediawiki>", ""]
    c.text(path, "\n".join(W), dec=("xml",))
    for p in compl:
        c.name(p, path, "Pacjent", p.name)
        if p.a["pesel"]:
            c.ident(p, "pl_pesel", p.a["pesel"], p.a["pesel"], path, "PESEL")
        else:
            c.link(p, path, "passport:" + p.a["passport"])
        if p.a["wiki_ph"]:
            c.ident(p, "phone", e164(p), p.a["wiki_ph"], path, "Telefon", cc=cc(p))
        if p.a["email"]:
            c.ident(p, "email", p.a["email"], p.a["email"], path, "E-mail")
    for bad in wrong:
        c.decoy("mistyped_pesel", bad, path, "PESEL (older revision)", "mistyped PESEL corrected in the newer revision")
    c.decoy("role_mailbox", f"dop@{LDOM}", path, "text", "patient-service mailbox", must_fail=False)

    # ============================================================ batch3: re-post of a batch-1 file, byte for byte
    zpath = "batch3/repost/paczka_1.zip"
    c.add_file(zpath, make_zip([c.member(zpath, "wyciag_pacjenci_2019.lst", spool1, enc="cp1250")]))
    d = f"{zpath}!/wyciag_pacjenci_2019.lst"
    for p in A:
        for el, srcs in list(p.req.items()):
            for s in list(srcs):
                if s.startswith(pacjenci_path + " ["):
                    c.expose(p, el, d, s[len(pacjenci_path) + 2:-1])
        for o in [o for o in p.occ if o["file"] == pacjenci_path]:
            p.occ.append(dict(o, file=d))
        c.link(p, d, "pesel:" + (p.a["pesel"] or p.a["passport"]))
        c.link(p, pacjenci_path, "pesel:" + (p.a["pesel"] or p.a["passport"]))
    c.text("batch3/README_VITALAB_3.txt", "Batch 3. Patient portal and complaints. Plus batch 1 again for those who missed it.\n")
    c.extra["lab"] = LAB
    c.extra["batch_published"] = PUBLISHED
    c.extra["batch_rule"] = ("new = first batch with a required element; known_with_new_elements = required elements of the "
                             "batch that were neither required nor optional in an earlier batch; unchanged = seen again with "
                             "nothing new; cumulative = persons with a required element so far")
    return c
