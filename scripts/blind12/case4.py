"""Case 4: a medical laboratory network (Poland), published in three batches.

Shapes: batch1 — raw MLLP-framed HL7 v2.4 ADT^A04/A08 captures in ISO-8859-2 (MSH-18 8859/2) with NK1 next of kin,
a DB2 `EXPORT … OF DEL` results file (CHAR columns blank-padded inside quotes, DATE as yyyymmdd, DECIMAL as +00013.50)
with its CLP script, the gang's note; batch2 — a JPK_FA(4) invoice file with private buyers, a Kibana Discover CSV
export of the notification service's logs; batch3 — a Google Forms responses CSV of the breach-enquiry form, and a zip
that re-posts the batch-1 DB2 file byte for byte next to an older 2017 export.
"""
import datetime

import people as P
from common import Case
from shared import check, ids

LAB = "DiagnoMed Laboratoria Sp. z o.o."
TESTS = [("MORFOLOGIA", "HGB", "g/dl", (11.0, 17.5), "12,0-16,0"), ("MORFOLOGIA", "WBC", "tys/ul", (3.0, 14.0), "4,0-10,0"),
         ("TSH", "TSH", "uIU/ml", (0.2, 8.5), "0,27-4,20"), ("GLUKOZA", "GLU", "mg/dl", (65, 180), "70-99"),
         ("LIPIDOGRAM", "LDL", "mg/dl", (60, 220), "<115"), ("KREATYNINA", "CREA", "mg/dl", (0.5, 2.4), "0,6-1,1"),
         ("HBA1C", "HBA1C", "%", (4.5, 10.5), "<5,7"), ("FERRYTYNA", "FERR", "ng/ml", (8, 400), "13-150"),
         ("CRP", "CRP", "mg/l", (0.1, 60), "<5"), ("WITAMINA D", "25OHD", "ng/ml", (6, 70), "30-50")]
INV_TESTS = ["Panel tarczycowy (TSH, FT3, FT4)", "Morfologia krwi z rozmazem", "Lipidogram", "Badanie HbA1c",
             "Pakiet witamina D3 + ferrytyna", "Test na obecność przeciwciał anty-TPO", "Profil wątrobowy (ALT, AST, GGTP)"]


def order_no(rng, day):
    while True:
        s = f"{day:%y%m%d}{rng.randint(10000, 99999)}"
        if not check.any_person_id(s):
            return s


def mistype(rng, code):
    for _ in range(60):
        i = rng.randint(0, 10)
        s = code[:i] + str((int(code[i]) + rng.randint(1, 9)) % 10) + code[i + 1:]
        if not check.any_person_id(s):
            return s
    return None


def csvq(x):
    return '"' + str(x).replace('"', '""') + '"'


def build(seed, rng):
    c = Case(4, "pl_lab_batches", seed, rng, "Medical laboratory network (PL) whose stolen data was published in batches")
    r = rng
    pats = []
    n = r.randint(330, 360)
    for i in range(n):
        ua = r.random() < 0.07
        female = r.random() < 0.6
        g, s, cyr = P.pick_name(c, "uk" if ua else "pl", female)
        p = c.person(f"{g} {s}", "uk" if ua else "pl", given=g, surname=s, female=female, ua=ua)
        if cyr:
            p.variants.append(cyr)
        p.dob = P.dob(r, 1935, 2018)
        p.nid = None if ua else ids.pl_pesel(r, p.dob, female)
        p.passport = f"{r.choice(['FE', 'FA', 'EK', 'GX'])}{r.randint(100000, 999999)}" if ua else None
        p.addr = P.pl_address(r)
        p.phone = P.new_phone(c, "UA" if ua else "PL") if (r.random() < 0.75 or ua) else None
        p.email = P.new_email(c, ids.ascii_fold(g), ids.ascii_fold(s)) if r.random() < 0.45 else None
        p.controllers = [LAB]
        pats.append(p)
    # namesakes: same name, different PESEL
    for k in range(3):
        a = pats[k * 11 + 1]
        if a.ua:
            continue
        b = c.person(a.name, "pl", given=a.given, surname=a.surname, female=a.female, ua=False)
        b.dob = P.dob(r, 1940, 2005)
        b.nid = ids.pl_pesel(r, b.dob, b.female)
        b.passport = None
        b.addr = P.pl_address(r)
        b.phone = P.new_phone(c, "PL")
        b.email = None
        b.controllers = [LAB]
        a.note = b.note = "namesake pair (same name, different PESEL)"
        pats.append(b)
    for p in pats:
        p.b1 = r.random() < 0.8
    b1 = [p for p in pats if p.b1]
    late = [p for p in pats if not p.b1]

    # ------------------------------------------------------------ batch1: MLLP HL7 ADT captures (ISO-8859-2)
    docs = [f"batch1/integracja/mllp_capture_2023-10-0{d}.hl7" for d in (2, 3, 4)]
    msgs = {d: [] for d in docs}
    doctors = []
    for k in range(6):
        g, s, _ = P.pick_name(c, "pl", r.random() < 0.5)
        doctors.append((g, s, f"{r.randint(1000000, 9999999)}"))
    ctl = 100000
    for p in b1:
        if r.random() < 0.25 and not p.ua:
            continue        # only in the results export
        p.in_adt = True
        doc = r.choice(docs)
        when = datetime.datetime(2023, 10, int(doc[-5]), r.randint(6, 17), r.randint(0, 59), r.randint(0, 59))
        ctl += r.randint(1, 9)
        pid3 = f"{p.passport}^^^UKR^PPN" if p.ua else f"{p.nid}^^^PESEL^NNPOL"
        segs = [f"MSH|^~\\&|RIS|DIAGNOMED|LIS|DIAGNOMED|{when:%Y%m%d%H%M%S}||ADT^A04^ADT_A01|MSG{ctl}|P|2.4|||AL|NE||8859/2",
                f"EVN|A04|{when:%Y%m%d%H%M%S}"]
        xtn = []
        if p.phone:
            raw = P.render_phone(p.phone, "e164" if (p.ua or r.random() < 0.5) else "nat_tight")
            xtn.append(f"^PRN^CP^^^^^^^^^{raw}")
        if p.email and r.random() < 0.6:
            xtn.append(f"^NET^Internet^{p.email}")
            c.ident(p, "email", p.email, p.email, doc, "PID-13 NET")
        a = p.addr
        segs.append(f"PID|1||{pid3}||{p.surname.upper()}^{p.given.upper()}||{p.dob:%Y%m%d}|{'F' if p.female else 'M'}|||"
                    f"{a['street']}^^{a['city']}^^{a['zip']}^POL||{'~'.join(xtn)}|||||||||||||||")
        if p.ua:
            c.decoy("passport", p.passport, doc, "PID-3", note="a passport is not a national ID of a listed type")
        else:
            c.ident(p, "pl_pesel", p.nid, p.nid, doc, "PID-3")
        c.nm(p, doc, "PID-5", f"{p.surname.upper()}^{p.given.upper()}")
        c.el(p, "date_of_birth", doc, "PID-7", f"{p.dob:%Y%m%d}")
        c.el(p, "postal_address", doc, "PID-11", a["street"])
        if p.phone:
            c.ident(p, "phone", p.phone, raw, doc, "PID-13 CP")
        dg, ds, pwz = r.choice(doctors)
        segs.append(f"PV1|1|O|PP{r.randint(1, 40):02d}^^^PUNKT POBRAŃ {r.randint(1, 40)}||||{pwz}^{ds.upper()}^{dg.upper()}^^^LEK.^^^PWZ")
        c.decoy("pwz_number", pwz, doc, "PV1-7", note="the ordering physician's licence number")
        if r.random() < 0.14 and not p.ua:
            kg, ks, _ = P.pick_name(c, "pl", not p.female)
            q = c.person(f"{kg} {ks}", "pl", given=kg, surname=ks)
            q.phone = P.new_phone(c, "PL")
            q.controllers = [LAB]
            q.note = f"next of kin (NK1) of {p.tid}"
            q.b1 = True
            raw2 = P.render_phone(q.phone, "nat_tight")
            rel = r.choice(["SPO^Małżonek", "CHD^Dziecko", "PAR^Rodzic"])
            segs.append(f"NK1|1|{ks.upper()}^{kg.upper()}|{rel}^HL70063||^PRN^CP^^^^^^^^^{raw2}")
            c.nm(q, doc, "NK1-2", f"{ks.upper()}^{kg.upper()}")
            c.ident(q, "phone", q.phone, raw2, doc, "NK1-5")
        segs.append("IN1|1|NFZ^Narodowy Fundusz Zdrowia|NFZ01|||||||||||||||||||||||||||||||||||||||||||||||")
        msgs[doc].append((when, "\x0b" + "\r".join(segs) + "\r\x1c\r"))
        if r.random() < 0.2 and p.email and not any(o["file"] == doc and o["type"] == "email" for o in p.occ):
            when2 = when + datetime.timedelta(minutes=r.randint(5, 300))
            ctl += 1
            segs2 = [f"MSH|^~\\&|PORTAL|DIAGNOMED|LIS|DIAGNOMED|{when2:%Y%m%d%H%M%S}||ADT^A08^ADT_A01|MSG{ctl}|P|2.4|||AL|NE||8859/2",
                     f"EVN|A08|{when2:%Y%m%d%H%M%S}",
                     f"PID|1||{pid3}||{p.surname.upper()}^{p.given.upper()}||{p.dob:%Y%m%d}|{'F' if p.female else 'M'}|||||^NET^Internet^{p.email}|||||||||||||||"]
            c.ident(p, "email", p.email, p.email, doc, "A08 PID-13 NET")
            msgs[doc].append((when2, "\x0b" + "\r".join(segs2) + "\r\x1c\r"))
    for doc in docs:
        body = "".join(m for _, m in sorted(msgs[doc], key=lambda x: x[0]))
        c.add(doc, body, "iso-8859-2")

    # ------------------------------------------------------------ batch1: DB2 DEL export of results
    def db2_rows(people, year, doc, decoys=True):
        out = []
        for p in people:
            for k in range(r.randint(1, 3)):
                t = r.choice(TESTS)
                day = datetime.date(year, r.randint(1, 12 if year < 2023 else 9), r.randint(1, 28))
                on = order_no(r, day)
                v = round(t[3][0] + r.random() * (t[3][1] - t[3][0]), 2)
                val = f"{'+' if v >= 0 else '-'}{abs(v):08.2f}"
                pesel = f'"{p.nid}"' if p.nid else ""
                ts = f"{day:%Y-%m-%d}-{r.randint(7, 18):02d}.{r.randint(0, 59):02d}.{r.randint(0, 59):02d}.000000"
                out.append(",".join([f'"{on}"', pesel, f'"{p.surname.upper():<30}"', f'"{p.given.upper():<20}"',
                                     f"{p.dob:%Y%m%d}", f'"{t[0]:<20}"', f'"{t[1]:<8}"', val, f'"{t[2]:<8}"',
                                     f'"{t[4]:<12}"', ts]))
                if decoys and k == 0 and r.random() < 0.1:
                    c.decoy("order_number", on, doc, "NR_ZLECENIA", must_fail=True, note="date-shaped order number")
                c.el(p, "lab_result", doc, "BADANIE/WYNIK", f'"{t[1]:<8}"', val)
                c.opt(p, "health_data", doc, "BADANIE")
            if p.nid:
                c.ident(p, "pl_pesel", p.nid, p.nid, doc, "PESEL")
            c.nm(p, doc, "NAZWISKO+IMIE", f'"{p.surname.upper()} ', f'"{p.given.upper()} ')
            c.el(p, "date_of_birth", doc, "DATA_UR", f"{p.dob:%Y%m%d}")
        return "\r\n".join(out) + "\r\n"
    doc = "batch1/db2/WYNIKI.del"
    wyniki = db2_rows(b1, 2023, doc)
    wyniki_bytes = wyniki.encode("cp1250")
    c.add(doc, wyniki_bytes, "cp1250")
    c.add("batch1/db2/export_wyniki.clp", "\r\n".join([
        "-- eksport wynikow dla hurtowni (uruchamiany z crona co noc)", "CONNECT TO LABPROD USER db2inst1;",
        "EXPORT TO /backup/export/WYNIKI.del OF DEL MODIFIED BY CODEPAGE=1250 COLDEL, DECPT.",
        "  MESSAGES /backup/export/WYNIKI.msg",
        "  SELECT z.NR_ZLECENIA, p.PESEL, p.NAZWISKO, p.IMIE, p.DATA_UR, b.GRUPA, b.KOD, w.WYNIK, b.JEDNOSTKA, b.NORMA,",
        "         w.DATA_WYNIKU",
        "    FROM LIS.ZLECENIA z JOIN LIS.PACJENCI p ON p.ID = z.PACJENT_ID",
        "    JOIN LIS.WYNIKI w ON w.ZLECENIE_ID = z.ID JOIN LIS.BADANIA b ON b.ID = w.BADANIE_ID",
        "   WHERE w.DATA_WYNIKU >= CURRENT DATE - 270 DAYS;", "CONNECT RESET;", ""]))
    c.add("batch1/README_DIAGNOMED.txt", "\n".join([
        "DIAGNOMED - YOUR DATA IS OURS", "", "We have downloaded 2.3 TB from your network: patients, results, invoices.",
        "This is the first part. Next parts will be published every two weeks until you contact us.",
        "Contact: (tor address removed)", ""]))

    # ------------------------------------------------------------ batch2: JPK_FA invoices to private buyers
    doc = "batch2/faktury/JPK_FA_2023-10.xml"
    buyers = r.sample([p for p in pats if not p.ua and getattr(p, "in_adt", False)], 70)
    inv = []
    rows = []
    nip = "8971234567"
    for k, p in enumerate(sorted(buyers, key=lambda x: x.tid), 1):
        a = p.addr
        day = datetime.date(2023, 10, r.randint(1, 31))
        no = f"FV/{k:04d}/10/2023/WR"
        t = r.choice(INV_TESTS)
        amt = r.randint(49, 399)
        inv.append("\n".join([
            "  <Faktura>", "    <KodWaluty>PLN</KodWaluty>", f"    <P_1>{day.isoformat()}</P_1>", f"    <P_2A>{no}</P_2A>",
            f"    <P_3A>{p.given} {p.surname}</P_3A>", f"    <P_3B>{a['street']}, {a['zip']} {a['city']}</P_3B>",
            f"    <P_3C>{LAB}</P_3C>", "    <P_3D>ul. Grabiszyńska 241, 53-234 Wrocław</P_3D>",
            f"    <P_4B>{nip}</P_4B>", f"    <P_6>{day.isoformat()}</P_6>", f"    <P_13_7>{amt:.2f}</P_13_7>",
            f"    <P_15>{amt:.2f}</P_15>", "    <P_16>false</P_16>", "    <P_17>false</P_17>", "    <P_18>false</P_18>",
            "    <P_18A>false</P_18A>", "    <P_19>true</P_19>", "    <P_19A>art. 43 ust. 1 pkt 18 ustawy o VAT</P_19A>",
            "    <RodzajFaktury>VAT</RodzajFaktury>", "  </Faktura>"]))
        rows.append("\n".join(["  <FakturaWiersz>", f"    <P_2B>{no}</P_2B>", f"    <P_7>{t}</P_7>", "    <P_8A>usł.</P_8A>",
                               "    <P_8B>1</P_8B>", f"    <P_9A>{amt:.2f}</P_9A>", f"    <P_11>{amt:.2f}</P_11>",
                               "    <P_12>zw</P_12>", "  </FakturaWiersz>"]))
        c.nm(p, doc, "P_3A", f"<P_3A>{p.given} {p.surname}</P_3A>")
        c.el(p, "postal_address", doc, "P_3B", a["street"])
        c.opt(p, "health_data", doc, "P_7", t)
        c.opt(p, "purchase_history", doc, "P_7")
    xml = ('<?xml version="1.0" encoding="UTF-8"?>\n<JPK xmlns="http://jpk.mf.gov.pl/wzor/2022/02/17/02171/" '
           'xmlns:etd="http://crd.gov.pl/xml/schematy/dziedzinowe/mf/2022/01/05/eD/DefinicjeTypy/">\n  <Naglowek>\n'
           '    <KodFormularza kodSystemowy="JPK_FA (4)" wersjaSchemy="1-0">JPK_FA</KodFormularza>\n'
           '    <WariantFormularza>4</WariantFormularza>\n    <CelZlozenia>1</CelZlozenia>\n'
           '    <DataWytworzeniaJPK>2023-11-02T09:14:22</DataWytworzeniaJPK>\n    <DataOd>2023-10-01</DataOd>\n'
           '    <DataDo>2023-10-31</DataDo>\n    <KodUrzedu>0223</KodUrzedu>\n  </Naglowek>\n  <Podmiot1>\n'
           f'    <IdentyfikatorPodmiotu>\n      <etd:NIP>{nip}</etd:NIP>\n      <etd:PelnaNazwa>{LAB}</etd:PelnaNazwa>\n'
           '    </IdentyfikatorPodmiotu>\n  </Podmiot1>\n' + "\n".join(inv) +
           f'\n  <FakturaCtrl>\n    <LiczbaFaktur>{len(inv)}</LiczbaFaktur>\n  </FakturaCtrl>\n' + "\n".join(rows) +
           f'\n  <FakturaWierszCtrl>\n    <LiczbaWierszyFaktur>{len(rows)}</LiczbaWierszyFaktur>\n  </FakturaWierszCtrl>\n</JPK>\n')
    c.add(doc, xml)
    c.decoy("company_nip", nip, doc, "P_4B", must_fail=True)

    # ------------------------------------------------------------ batch2: Kibana Discover CSV (notification logs)
    doc = "batch2/logi/powiadomienia_discover_2023-10.csv"
    lines = ['"@timestamp","host.name","log.level","service.name",message']
    evs = []
    notif = r.sample([p for p in pats if getattr(p, "in_adt", False)], 150)
    late_act = [p for p in late if p.nid][::2]
    for p in notif + late_act:
        when = datetime.datetime(2023, 10, r.randint(1, 31), r.randint(7, 20), r.randint(0, 59), r.randint(0, 59), r.randint(0, 999) * 1000)
        kind = 0.95 if p in late_act else r.random()
        on = order_no(r, when.date())
        if p.phone and kind < 0.55:
            raw = P.render_phone(p.phone, "digits" if r.random() < 0.6 else "e164")
            msg = f'SMS wysłany do {raw}: "Wyniki zlecenia {on} są dostępne w e-Wynikach. DiagnoMed"'
            c.ident(p, "phone", p.phone, raw, doc, "message")
            if r.random() < 0.5:
                msg += f" (pacjent: {p.surname.upper()} {p.given.upper()})"
                c.nm(p, doc, "message", f"{p.surname.upper()} {p.given.upper()}")
            evs.append((when, "sms-gw-01", "INFO", "notify-sms", msg))
        elif (p.email and any(o["type"] == "email" for o in p.occ)) or (kind < 0.8 and p.nid):
            fresh = not any(o["type"] == "email" for o in p.occ)
            if not p.email:
                p.email = P.new_email(c, ids.ascii_fold(p.given), ids.ascii_fold(p.surname))
            msg = f"E-mail z wynikami wysłany do <{p.email}>, pacjent {p.given} {p.surname}"
            c.ident(p, "email", p.email, p.email, doc, "message")
            c.nm(p, doc, "message", f"{p.given} {p.surname}")
            if p.nid and (fresh or r.random() < 0.5):
                msg += f", PESEL {p.nid}"
                c.ident(p, "pl_pesel", p.nid, p.nid, doc, "message")
                c.opt(p, "date_of_birth", doc, "message")
            evs.append((when, "mail-01", "INFO", "notify-mail", msg))
        elif p.nid:
            bad = mistype(r, p.nid)
            if bad:
                evs.append((when, "portal-02", "WARN", "e-wyniki",
                            f"Walidacja nieudana: nieprawidłowy PESEL {bad} (niepoprawna suma kontrolna)"))
                c.decoy("mistyped_pesel", bad, doc, "message", must_fail=True, note="retyped correctly a minute later")
            evs.append((when + datetime.timedelta(minutes=1), "portal-02", "INFO", "e-wyniki",
                        f"Konto e-Wyniki aktywowane: PESEL {p.nid}, {p.given} {p.surname}"))
            c.ident(p, "pl_pesel", p.nid, p.nid, doc, "message")
            c.opt(p, "date_of_birth", doc, "message")
            c.nm(p, doc, "message", f"{p.given} {p.surname}")
    evs.sort(key=lambda e: (e[0], e[4]), reverse=True)
    for when, host, lvl, svc, msg in evs:
        stamp = when.strftime("%b %-d, %Y @ %H:%M:%S.") + f"{when.microsecond // 1000:03d}"
        lines.append(",".join(csvq(x) for x in (stamp, host, lvl, svc, msg)))
    c.add(doc, "\n".join(lines) + "\n")

    # ------------------------------------------------------------ batch3: Google Forms responses
    doc = "batch3/formularz/Zgloszenie_wyciek_danych (Odpowiedzi) - Odpowiedzi na formularz 1.csv"
    hdr = ["Sygnatura czasowa", "Imię i nazwisko", "PESEL", "Adres e-mail", "Numer telefonu",
           "Czy wykonywał(a) Pan/Pani badania w DiagnoMed w latach 2017–2023?", "Treść zgłoszenia"]
    out = [",".join(csvq(h) if "," in h else h for h in hdr)]
    resp = r.sample([p for p in pats if p.nid], 45)
    newp = []
    for k in range(r.randint(22, 28)):
        female = r.random() < 0.6
        g, s, _ = P.pick_name(c, "pl", female)
        q = c.person(f"{g} {s}", "pl", given=g, surname=s, female=female, ua=False)
        q.dob = P.dob(r, 1950, 2004)
        q.nid = ids.pl_pesel(r, q.dob, female)
        q.email = P.new_email(c, ids.ascii_fold(g), ids.ascii_fold(s))
        q.phone = P.new_phone(c, "PL") if r.random() < 0.5 else None
        q.controllers = [LAB]
        q.note = "known only from the enquiry form"
        q.b1 = False
        newp.append(q)
    allr = resp + newp
    r.shuffle(allr)
    for p in allr:
        when = datetime.datetime(2023, 11, r.randint(7, 30), r.randint(6, 23), r.randint(0, 59), r.randint(0, 59))
        stamp = when.strftime("%Y/%m/%d %-I:%M:%S ") + ("AM" if when.hour < 12 else "PM") + " CET"
        nmv = f"{p.given} {p.surname}" if r.random() < 0.8 else f"{p.surname} {p.given}"
        c.nm(p, doc, "Imię i nazwisko", nmv)
        pes = p.nid if r.random() < 0.8 else f"{p.nid[:6]} {p.nid[6:]}"
        c.ident(p, "pl_pesel", p.nid, pes, doc, "PESEL")
        c.opt(p, "date_of_birth", doc, "PESEL")
        if not p.email or r.random() < 0.25:
            p.email = P.new_email(c, ids.ascii_fold(p.given), ids.ascii_fold(p.surname))
        em = p.email if r.random() < 0.8 else p.email.capitalize()
        c.ident(p, "email", p.email, em, doc, "Adres e-mail")
        tel = ""
        if p.phone and not p.ua:
            tel = P.render_phone(p.phone, r.choice(["nat", "nat_dash", "intl", "nat_tight"]))
            c.ident(p, "phone", p.phone, tel, doc, "Numer telefonu")
        ans = r.choice(["Tak", "Nie", "Nie pamiętam"])
        txt = r.choice(["Proszę o informację, czy moje dane wyciekły.",
                        "Dostałem SMS-a z linkiem, czy to ma związek z wyciekiem?",
                        "Chcę zastrzec PESEL, proszę o potwierdzenie zakresu danych.",
                        "Robiłam badania w 2019, czy moje wyniki są w opublikowanych plikach?\nProszę o pilną odpowiedź."])
        out.append(",".join([csvq(stamp) if "," in stamp else stamp, csvq(nmv), pes, em, tel, ans, csvq(txt)]))
    c.add(doc, "\r\n".join(out) + "\r\n")

    # ------------------------------------------------------------ batch3: zip re-posting WYNIKI.del + a 2017 export
    zdoc = "batch3/paczka_3.zip"
    old = r.sample(b1, 40) + late[: len(late) // 2]
    old.sort(key=lambda x: x.tid)
    w2017 = db2_rows(old, 2017, zdoc + "!/archiwum/WYNIKI_2017.del", decoys=False)
    # the re-posted file: register its content as the same evidence again (it is the same bytes)
    for p in b1:
        for e, provs in list(p.req.items()):
            for s in provs:
                if s.startswith("batch1/db2/WYNIKI.del ["):
                    c._prov(p.req, e, zdoc + "!/WYNIKI.del", s.split(" [", 1)[1][:-1])
        for e, provs in list(p.opt.items()):
            for s in provs:
                if s.startswith("batch1/db2/WYNIKI.del ["):
                    c._prov(p.opt, e, zdoc + "!/WYNIKI.del", s.split(" [", 1)[1][:-1])
    c.add_zip(zdoc, [("WYNIKI.del", wyniki_bytes, "cp1250", ()),
                     ("archiwum/WYNIKI_2017.del", w2017.encode("cp1250"), "cp1250", ())])
    # every patient must be exposed somewhere
    rest = [p for p in pats if not p.req]
    if rest:
        doc = "batch3/db2/WYNIKI_2023Q4.del"
        c.add(doc, db2_rows(rest, 2023, doc, decoys=False).encode("cp1250"), "cp1250")
    c.batch_truth(["batch1", "batch2", "batch3"],
                  {"batch1": "2023-11-06T09:00:00Z", "batch2": "2023-11-20T09:00:00Z", "batch3": "2023-12-04T09:00:00Z"})
    c.extra["lab"] = LAB
    c.extra["batch_rule"] = ("new = first batch with a required element; known_with_new_elements = required elements "
                             "of this batch neither required nor optional earlier (a birth date is never new once the "
                             "PESEL was exposed); cumulative = persons with a required element so far")
    return c
