"""Case 4: medical laboratory network (Poland), leaked in three batches.

batch1: HL7 v2.5 ORU^R01 batch files (FHS/BHS/BTS/FTS, CR segment ends, repetitions `~`, escape sequences \\T\\ \\.br\\
\\E\\, a site Z-segment ZPI with an SMS number), and the gang's ransom note. batch2: RTF result reports (cp1250,
\\'b3-style escapes) and registration workbooks (XLSX with the PESEL column hidden and a hidden archive sheet).
batch3: an ISO 20022 pain.001 credit-transfer file of refunds, OCR text of scanned paper referrals, and three
batch-1 HL7 files re-posted unchanged.
"""
import collections
import datetime

import fmt
import people
from common import Case
from shared import check, ids

DESC = ("Medical laboratory network (Laboratoria Medyczne Vita sp. z o.o.): the attackers published stolen data in three "
        "batches — HL7 result feeds, result reports, registration workbooks, a refund transfer file and referral scans.")
LAB_NIP = "5272890123"
LAB_IBAN_CC = "PL"
TESTS = [("718-7", "Hemoglobina", "g/dl", "12,0-16,0", (10.0, 17.0)), ("6690-2", "Leukocyty", "tys/µl", "4,0-10,0", (3.0, 12.0)),
         ("2345-7", "Glukoza", "mg/dl", "70-99", (65, 160)), ("3016-3", "TSH", "µIU/ml", "0,27-4,20", (0.1, 7.5)),
         ("2093-3", "Cholesterol całkowity", "mg/dl", "<190", (140, 290)), ("1988-5", "CRP", "mg/l", "<5,0", (0.3, 40.0)),
         ("2951-2", "Sód \\T\\ potas (Na)", "mmol/l", "135-145", (130, 148)), ("4548-4", "HbA1c", "%", "4,0-5,6", (4.5, 9.5))]
ICD = [("E11.9", "Cukrzyca typu 2"), ("E03.9", "Niedoczynność tarczycy"), ("I10", "Nadciśnienie samoistne"),
       ("D50.9", "Niedokrwistość z niedoboru żelaza"), ("E78.0", "Hipercholesterolemia"), ("K21.9", "Refluks żołądkowo-przełykowy")]
CITIES_LAB = ["Warszawa", "Kraków", "Wrocław", "Poznań"]
OCR_SWAP = [("ł", "l"), ("ą", "a"), ("ę", "e"), ("rn", "m"), ("o", "0"), ("i", "í")]


def dec(v):
    return f"{v:.1f}".replace(".", ",") if isinstance(v, float) else str(v)


def build(seed):
    c = Case(4, "pl_lab_batches", seed, DESC)
    c.batched = True
    r = c.rng
    u = people.Uniq(r)
    nm = people.NameMaker(r)

    P = []
    for i in range(560):
        ua = r.random() < 0.05
        n = nm.make("uk" if ua else "pl")
        p = c.person(f"{n['given']} {n['surname']}", "uk" if ua else "pl")
        p.a.update(n)
        dob = u.dob(1935, 2012)
        p.a["dob"] = dob
        p.a["ua"] = ua
        if ua:
            p.a["passport"] = f"F{r.choice('ABEKMN')}{r.randint(100000, 999999)}"
            p.a["cyr"] = f"{n['cyr_given']} {n['cyr_surname']}"
        else:
            p.a["pesel"] = u.pesel(dob, n["female"])
        p.a["addr"] = people.pl_address(r)
        p.a["phone"] = u.phone("PL", "mobile") if r.random() < 0.7 else None
        p.a["email"] = u.email(ids.ascii_fold(n["given"].split(" ")[0]), ids.ascii_fold(n["surname"])) if r.random() < 0.45 else None
        p.a["first"] = r.choices([1, 2, 3], [50, 32, 18])[0]
        p.control("Laboratoria Medyczne Vita sp. z o.o.")
        P.append(p)
    # Ukrainian patients without a phone or e-mail are known by name only; give them a phone so that they can be told apart
    for p in P:
        if p.a["ua"] and not p.a["phone"]:
            p.a["phone"] = u.phone("PL", "mobile")

    def in_batch(p, b):
        if p.a["first"] == b:
            return True
        return p.a["first"] < b and r.random() < 0.3

    def ph(p):
        return ids.render_phone(r, "PL", p.a["phone"][0])[0]

    def order_no(d):
        while True:
            v = d.strftime("%y%m%d") + f"{r.randint(0, 9999):04d}"
            if not check.any_person_id(v):
                return v

    # ------------------------------------------------------------------ batch1: HL7 batch files
    b1 = [p for p in P if in_batch(p, 1)]
    hl7_files = []
    pwz_seen = False
    for fi in range(0, len(b1), 26):
        chunk = b1[fi:fi + 26]
        lab = CITIES_LAB[(fi // 26) % 4]
        day = datetime.date(2023, 9, 1) + datetime.timedelta(days=fi // 26)
        segs = [f"FHS|^~\\&|LIS_VITA|{lab.upper()}|EXPORT|CENTRALA|{day.strftime('%Y%m%d')}2300||||{fi // 26 + 1}",
                f"BHS|^~\\&|LIS_VITA|{lab.upper()}|EXPORT|CENTRALA|{day.strftime('%Y%m%d')}2300"]
        exp = []
        for k, p in enumerate(chunk):
            mid = f"{day.strftime('%Y%m%d')}{k:04d}"
            ono = order_no(day)
            pid3 = f"{p.a['pesel']}^^^PESEL^NNPOL" if not p.a["ua"] else f"{p.a['passport']}^^^UKR^PPN"
            pid3 += f"~{r.randint(100000, 999999)}^^^VITA^MR"
            given = p.a["given"].split(" ")
            pid5 = f"{p.a['surname'].upper()}^{given[0]}^{' '.join(given[1:])}" if len(given) > 1 else f"{p.a['surname'].upper()}^{given[0]}"
            tel = []
            praw = None
            zpi = ""
            if p.a["phone"]:
                if r.random() < 0.8:
                    praw = p.a["phone"][0]
                    tel.append(f"^PRN^CP^^48^{praw}")
                else:
                    praw = ids.render_phone(r, "PL", p.a["phone"][0], None)[0]
                    zpi = f"ZPI|1|Y|{praw}|SMS|{day.strftime('%Y%m%d')}"
            has_mail = bool(p.a["email"]) and r.random() < 0.4
            if has_mail:
                tel.append(f"^NET^Internet^{p.a['email']}")
            a = p.a["addr"]
            street = fmt.hl7_escape(a["street"])
            segs.append(f"MSH|^~\\&|LIS_VITA|{lab.upper()}|HIS|ZLECENIODAWCA|{day.strftime('%Y%m%d')}{r.randint(8, 18):02d}{r.randint(0, 59):02d}||ORU^R01^ORU_R01|{mid}|P|2.5|||AL|NE|POL|UNICODE UTF-8")
            segs.append(f"PID|1||{pid3}||{pid5}||{p.a['dob'].strftime('%Y%m%d')}|{'F' if p.a['female'] else 'M'}|||{street}^^{a['city']}^^{a['zip']}^POL||{'~'.join(tel)}")
            segs.append(f"PV1|1|O|PP-{lab[:3].upper()}^^^VITA")
            doc_pwz = f"{r.randint(1000000, 9999999)}"
            dn = nm.make("pl")
            segs.append(f"ORC|RE|{ono}|{ono}||CM||||{day.strftime('%Y%m%d')}0800|||{doc_pwz}^{dn['surname']}^{dn['given'].split(' ')[0]}^^^lek.")
            tests = r.sample(TESTS, r.randint(1, 4))
            segs.append(f"OBR|1|{ono}|{ono}|PAKIET^Badania zlecone^L|||{day.strftime('%Y%m%d')}0730")
            flags = []
            for ti, t in enumerate(tests, 1):
                v = round(r.uniform(*t[4]), 1)
                lo = t[3]
                segs.append(f"OBX|{ti}|NM|{t[0]}^{t[1]}^LN||{dec(v)}|{fmt.hl7_escape(t[2])}|{lo}|{r.choice(['N', 'N', 'H', 'L'])}|||F")
            if r.random() < 0.3:
                segs.append("NTE|1|L|Materiał hemolizowany\\.br\\Wynik należy interpretować ostrożnie")
            if zpi:
                segs.append(zpi)
            exp.append((p, praw, bool(zpi), tests, ono, doc_pwz, has_mail))
        segs.append(f"BTS|{len(chunk)}")
        segs.append("FTS|1")
        data = ("\r".join(segs) + "\r").encode("utf-8")
        name = f"batch1/hl7/ORU_{ids.ascii_fold(lab).upper()}_{day.strftime('%Y%m%d')}.hl7"
        doc = c.file(name, data, "hl7")
        hl7_files.append((name, data, exp))
        for p, praw, is_zpi, tests, ono, pwz, has_mail in exp:
            hl7_expose(c, p, doc, praw, is_zpi, has_mail)
        if not pwz_seen:
            c.decoy("physician_pwz", exp[0][5], doc, "ORC-12", "ordering physician's licence number (staff)", must_fail=True)
            c.decoy("order_number", exp[0][4], doc, "ORC-2", "10-digit date-shaped order number", must_fail=True)
            pwz_seen = True
    c.file("batch1/README_LEAK.txt",
           "Your network has been penetrated. We have downloaded 2.1 TB of data of Laboratoria Medyczne Vita.\n"
           "This is the first part. More will follow every two weeks until you contact us.\n"
           "Contact: support-team@leakblog.invalid  TOX ID: 7D2A9C51E0B34F6A\n", "text")

    # ------------------------------------------------------------------ batch2: RTF reports
    b2 = [p for p in P if in_batch(p, 2)]
    rtf_people = [p for p in b2 if r.random() < 0.55]
    for p in rtf_people:
        d = datetime.date(2023, 10, 1) + datetime.timedelta(days=r.randint(0, 30))
        ono = order_no(d)
        tests = r.sample(TESTS, r.randint(2, 5))
        rows = [["Badanie", "Wynik", "Jednostka", "Zakres referencyjny"]]
        for t in tests:
            rows.append([t[1].replace("\\T\\", "&"), dec(round(r.uniform(*t[4]), 1)), t[2], t[3]])
        ident = [["Pacjent", f"{p.a['surname'].upper()} {p.a['given']}"],
                 ["PESEL" if not p.a["ua"] else "Nr paszportu", p.a.get("pesel") or p.a["passport"]],
                 ["Data urodzenia", p.a["dob"].strftime("%d.%m.%Y")], ["Adres", people.one_line(p.a["addr"])]]
        praw = None
        if p.a["phone"] and r.random() < 0.5:
            praw = ph(p)
            ident.append(["Telefon", praw])
        blocks = [("p", "LABORATORIA MEDYCZNE VITA sp. z o.o.", True), ("p", f"NIP {LAB_NIP}   ul. Chmielna 34, 00-020 Warszawa"),
                  ("p", f"SPRAWOZDANIE Z BADAŃ LABORATORYJNYCH nr {ono}", True), ("table", ident), ("table", rows),
                  ("p", "Autoryzował: mgr Ewa Nowicka, diagnosta laboratoryjny")]
        doc = c.file(f"batch2/sprawozdania/{ono}.rtf", fmt.rtf(blocks, cp="cp1250", lang=1045), "rtf")
        c.name(p, doc, f"{p.a['surname'].upper()} {p.a['given']}", "Pacjent")
        if not p.a["ua"]:
            c.nid(p, doc, "pl_pesel", p.a["pesel"], field="PESEL")
        c.el(p, doc, "date_of_birth", "Data urodzenia", p.a["dob"].strftime("%d.%m.%Y"))
        c.el(p, doc, "postal_address", "Adres", people.one_line(p.a["addr"]))
        if praw:
            c.phone(p, doc, p.a["phone"][1], praw, "Telefon")
        c.el(p, doc, "lab_result", "Wynik", rows[1][1])
        c.el(p, doc, "health_data", "Wynik", optional=True)
    c.decoy("organisation_nip", LAB_NIP, doc, "NIP", "the laboratory's tax id", must_fail=not check.any_person_id(LAB_NIP))

    # ------------------------------------------------------------------ batch2: registration workbooks
    reg = [p for p in b2 if p not in rtf_people or r.random() < 0.4]
    for ci, city in enumerate(CITIES_LAB):
        ps = reg[ci::4]
        rows = [["Punkt pobrań " + city + " – rejestracja 10/2023"], ["Nazwisko", "Imię", "PESEL", "Telefon", "E-mail", "Badania", "Data wizyty"]]
        arch = [["Nazwisko i imię", "Adres", "Data rejestracji"]]
        exp = []
        for p in ps:
            praw = ph(p) if p.a["phone"] else None
            tests = ", ".join(t[1].replace(" \\T\\ potas (Na)", "") for t in r.sample(TESTS, 2))
            nm_sur, nm_giv = (p.a["cyr_surname"], p.a["cyr_given"]) if p.a["ua"] and r.random() < 0.5 else (p.a["surname"], p.a["given"])
            rows.append([nm_sur, nm_giv, p.a.get("pesel") or "", praw, p.a["email"], tests,
                         f"{r.randint(1, 31):02d}.10.2023"])
            in_arch = r.random() < 0.3
            if in_arch:
                arch.append([f"{p.a['surname']} {p.a['given']}", people.one_line(p.a["addr"]), f"{r.randint(1, 28):02d}.0{r.randint(1, 9)}.2021"])
            exp.append((p, praw, f"{nm_sur} {nm_giv}", in_arch, tests))
        book = fmt.xlsx([{"name": "Rejestracja", "rows": rows, "hidden_cols": [2], "widths": {0: 18, 1: 16, 4: 30, 5: 34}},
                         {"name": "Archiwum 2021", "rows": arch, "hidden": True}])
        doc = c.file(f"batch2/punkty/rejestracja_{ids.ascii_fold(city).lower()}_2023-10.xlsx", book, "xlsx")
        for p, praw, shown, in_arch, tests in exp:
            if p.a["ua"] and shown != f"{p.a['surname']} {p.a['given']}":
                c.variant(p, shown)
            c.name(p, doc, shown, "Nazwisko+Imię", parts=shown.split(" ", 1))
            if not p.a["ua"]:
                c.nid(p, doc, "pl_pesel", p.a["pesel"], field="PESEL (hidden column)")
            if praw:
                c.phone(p, doc, p.a["phone"][1], praw, "Telefon")
            if p.a["email"]:
                c.email(p, doc, p.a["email"], field="E-mail")
            c.el(p, doc, "lab_result", "Badania", optional=True)
            c.el(p, doc, "health_data", "Badania", optional=True)
            if in_arch:
                c.name(p, doc, f"{p.a['surname']} {p.a['given']}", "Archiwum 2021/Nazwisko i imię")
                c.el(p, doc, "postal_address", "Archiwum 2021/Adres", people.one_line(p.a["addr"]))

    # ------------------------------------------------------------------ batch3: pain.001 refunds
    b3 = [p for p in P if in_batch(p, 3)]
    refund = [p for p in b3 if not p.a["ua"] and r.random() < 0.3]
    txs = []
    for k, p in enumerate(refund):
        p.a["iban"] = u.iban("PL")
        d = datetime.date(2023, 10, 1) + datetime.timedelta(days=r.randint(0, 30))
        ono = order_no(d)
        txs.append(f"""      <CdtTrfTxInf>
        <PmtId><InstrId>ZW{k:05d}</InstrId><EndToEndId>ZWROT-{ono}</EndToEndId></PmtId>
        <Amt><InstdAmt Ccy="PLN">{r.choice([35, 49, 89, 120, 215])}.00</InstdAmt></Amt>
        <Cdtr><Nm>{fmt.x(p.a['given'] + ' ' + p.a['surname'])}</Nm><PstlAdr><Ctry>PL</Ctry><AdrLine>{fmt.x(people.one_line(p.a['addr']))}</AdrLine></PstlAdr></Cdtr>
        <CdtrAcct><Id><IBAN>{p.a['iban']}</IBAN></Id></CdtrAcct>
        <RmtInf><Ustrd>Zwrot za badanie zam. {ono} PESEL {p.a['pesel']}</Ustrd></RmtInf>
      </CdtTrfTxInf>""")
    lab_iban = u.iban("PL")
    xml = f"""<?xml version="1.0" encoding="UTF-8"?>
<Document xmlns="urn:iso:std:iso:20022:tech:xsd:pain.001.001.03">
  <CstmrCdtTrfInitn>
    <GrpHdr><MsgId>VITA-ZWR-202310</MsgId><CreDtTm>2023-11-02T10:00:00</CreDtTm><NbOfTxs>{len(txs)}</NbOfTxs><InitgPty><Nm>LABORATORIA MEDYCZNE VITA</Nm></InitgPty></GrpHdr>
    <PmtInf>
      <PmtInfId>ZWR-10</PmtInfId><PmtMtd>TRF</PmtMtd><ReqdExctnDt>2023-11-03</ReqdExctnDt>
      <Dbtr><Nm>LABORATORIA MEDYCZNE VITA SP Z O O</Nm></Dbtr>
      <DbtrAcct><Id><IBAN>{lab_iban}</IBAN></Id></DbtrAcct>
      <DbtrAgt><FinInstnId><BIC>BREXPLPWMBK</BIC></FinInstnId></DbtrAgt>
{chr(10).join(txs)}
    </PmtInf>
  </CstmrCdtTrfInitn>
</Document>
"""
    doc = c.file("batch3/bank/przelewy_zwroty_2023-10.xml", xml, "xml")
    c.decoy("organisation_iban", lab_iban, doc, "DbtrAcct/IBAN", "the laboratory's own account")
    for p in refund:
        c.name(p, doc, f"{p.a['given']} {p.a['surname']}", "Cdtr/Nm")
        c.expose(p, doc, "iban", "CdtrAcct/IBAN", idtype="iban", value=p.a["iban"])
        c.nid(p, doc, "pl_pesel", p.a["pesel"], field="RmtInf/Ustrd")
        c.el(p, doc, "postal_address", "Cdtr/PstlAdr", people.one_line(p.a["addr"]))

    # ------------------------------------------------------------------ batch3: OCR of scanned referrals
    scans = [p for p in b3 if not p.a["ua"] and p not in refund or r.random() < 0.2]
    for k, p in enumerate([p for p in scans if not p.a["ua"]]):
        icd = r.choice(ICD)
        tests = ", ".join(t[1].replace(" \\T\\ potas (Na)", "") for t in r.sample(TESTS, 3))
        name = f"{p.a['given']} {p.a['surname']}"
        lines_ = ["SKIEROWANIE NA BADANIA LABORATORYJNE", "Przychodnia Rodzinna \"Zdrowie\" s.c.   REGON 146123450",
                  "", f"Imię i nazwisko: {name}", f"PESEL: {p.a['pesel']}", f"Adres zamieszkania: {people.one_line(p.a['addr'])}",
                  f"Rozpoznanie (ICD-10): {icd[0]} {icd[1]}", f"Zlecone badania: {tests}", "",
                  f"Data wystawienia: {r.randint(1, 28):02d}.10.2023", "Pieczątka i podpis lekarza: ....................."]
        keep = name.split(" ") + [p.a["pesel"]] + people.one_line(p.a["addr"]).split(" ") + [icd[0]]
        out = []
        for ln in lines_:
            ws = []
            for w in ln.split(" "):
                if w in keep or r.random() > 0.22:
                    ws.append(w)
                else:
                    a_, b_ = r.choice(OCR_SWAP)
                    ws.append(w.replace(a_, b_, 1))
            out.append(" ".join(ws))
        doc = c.file(f"batch3/skany/skierowanie_{k + 1:04d}_ocr.txt", "\n".join(out) + "\n", "text")
        c.name(p, doc, name, "Imię i nazwisko")
        c.nid(p, doc, "pl_pesel", p.a["pesel"], field="PESEL")
        c.el(p, doc, "postal_address", "Adres zamieszkania", people.one_line(p.a["addr"]))
        c.el(p, doc, "health_data", "Rozpoznanie", icd[0])
        c.el(p, doc, "lab_result", "Zlecone badania", optional=True)

    # ------------------------------------------------------------------ batch3: three batch-1 HL7 files re-posted unchanged
    for name, data, exp in hl7_files[:3]:
        doc = c.file(name.replace("batch1/", "batch3/repost/"), data, "hl7")
        for p, praw, is_zpi, tests, ono, pwz, has_mail in exp:
            hl7_expose(c, p, doc, praw, is_zpi, has_mail)

    c.batch_truth(["batch1", "batch2", "batch3"], {"batch1": "2023-11-03", "batch2": "2023-11-17", "batch3": "2023-12-08"})
    return c


def hl7_expose(c, p, doc, praw, is_zpi, has_mail):
    c.name(p, doc, p.name, "PID-5", parts=[p.a["surname"].upper()] + p.a["given"].split(" "))
    if not p.a["ua"]:
        c.nid(p, doc, "pl_pesel", p.a["pesel"], field="PID-3")
    else:
        c.see(doc, p.a["passport"], "passport")
    c.el(p, doc, "date_of_birth", "PID-7", p.a["dob"].strftime("%Y%m%d"))
    c.el(p, doc, "postal_address", "PID-11", p.a["addr"]["zip"])
    if praw:
        c.phone(p, doc, p.a["phone"][1], praw, "ZPI-3" if is_zpi else "PID-13")
    if has_mail:
        c.email(p, doc, p.a["email"], field="PID-13")
    c.el(p, doc, "lab_result", "OBX")
    c.el(p, doc, "health_data", "OBX", optional=True)
