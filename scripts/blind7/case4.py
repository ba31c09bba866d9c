"""Case 4 — medical laboratory network (Poland), published in three batches.

Shapes:
- batch1 (2023-11-03): one-page PDF result reports with a text layer (custom-encoded Polish glyphs, ten-digit
  date-shaped order numbers, PWZ numbers, passports for Ukrainian patients), and a ZIP of 2017–2018 PDFs.
- batch2 (2023-11-17): collection-point registers as ODS spreadsheets (PESEL as text or as a float cell, Cyrillic
  names for Ukrainian patients, a summary sheet) and patient-portal access logs in JSON Lines whose bearer tokens
  are JWTs (name and PESEL only base64url-encoded).
- batch3 (2023-12-08): a ZIP of DOCX referrals (patient table, ICD-10 diagnosis, words split over runs, clinic
  NIP/REGON, physician PWZ), a data-protection officer's mbox (replies quoting the patient's request,
  ISO-8859-2 or UTF-8, HTML-only or multipart/alternative) and a folder re-posting twelve batch-1 PDFs unchanged.
"""
import base64
import datetime as dt
import json
import random

from common import Case
import fmt
import people as P
from shared import ids, check

LAB = "LabMed Diagnostyka Medyczna Sp. z o.o."
LAB_PHONE = ("12 345 67 89", "+48123456789")
IOD = ("Inspektor Ochrony Danych", "iod@labmed.test", "12 345 67 00", "+48123456700")
POINTS = [("Kraków", "31", "PP Kraków Bronowice"), ("Warszawa", "02", "PP Warszawa Mokotów"), ("Wrocław", "50", "PP Wrocław Krzyki"),
          ("Gdańsk", "80", "PP Gdańsk Wrzeszcz"), ("Poznań", "60", "PP Poznań Jeżyce"), ("Łódź", "90", "PP Łódź Bałuty")]
TESTS = [("Glukoza", "mg/dl", (70, 99), (60, 180)), ("Cholesterol całkowity", "mg/dl", (0, 190), (130, 290)),
         ("TSH", "µIU/ml", (0.27, 4.2), (0.1, 9.5)), ("Kreatynina", "mg/dl", (0.5, 1.1), (0.4, 2.1)),
         ("Hemoglobina", "g/dl", (12.0, 16.0), (9.0, 17.5)), ("Leukocyty", "tys/µl", (4.0, 10.0), (2.5, 15.0)),
         ("CRP", "mg/l", (0, 5), (0.1, 60)), ("HbA1c", "%", (4.0, 5.6), (4.5, 10.5)), ("Witamina D3", "ng/ml", (30, 50), (8, 70)),
         ("ALT", "U/l", (0, 35), (8, 120)), ("Ferrytyna", "ng/ml", (15, 150), (5, 400)), ("PSA całkowity", "ng/ml", (0, 4), (0.2, 9))]
DIAG = [("E11.9", "Cukrzyca typu 2 bez powikłań", ["HbA1c", "Glukoza"]), ("E03.9", "Niedoczynność tarczycy, nieokreślona", ["TSH", "FT4"]),
        ("I10", "Samoistne (pierwotne) nadciśnienie", ["Kreatynina", "Lipidogram"]), ("D50.9", "Niedokrwistość z niedoboru żelaza", ["Morfologia", "Ferrytyna"]),
        ("E78.0", "Czysta hipercholesterolemia", ["Lipidogram", "ALT"]), ("K76.0", "Stłuszczenie wątroby", ["ALT", "AST", "GGTP"]),
        ("N18.3", "Przewlekła choroba nerek, stopień 3", ["Kreatynina", "eGFR", "Mocznik"]), ("Z00.0", "Ogólne badanie lekarskie", ["Morfologia", "Glukoza"])]
CLINICS = ["Przychodnia Zdrowie Sp. z o.o.", "NZOZ Rodzina", "Centrum Medyczne Salus", "Przychodnia Lekarzy Rodzinnych Medica",
           "Poradnia Endokrynologiczna Thyreo", "Gabinet Internistyczny Cor"]


class Pt:
    pass


def order_no(rng, d):
    while True:
        s = f"{d:%y%m%d}{rng.randint(0, 9999):04d}"
        if not check.any_person_id(s):
            return s


def nip(rng):
    while True:
        b = [rng.randint(1, 9)] + [rng.randint(0, 9) for _ in range(8)]
        c = sum(x * w for x, w in zip(b, (6, 5, 7, 2, 3, 4, 5, 6, 7))) % 11
        if c < 10:
            s = "".join(map(str, b)) + str(c)
            return s


def pwz(rng):
    return str(rng.randint(1000000, 9999999))


def b64u(b):
    return base64.urlsafe_b64encode(b).rstrip(b"=").decode()


def build(seed):
    rng = random.Random(f"blind7-case4-{seed}")
    case = Case(4, "pl_lab_batches_pdf", "Medical laboratory network (PL) published in three batches: PDF reports, ODS registers, "
                "portal JWT logs, DOCX referrals, DPO mailbox", rng)
    case.batches = ["batch1", "batch2", "batch3"]
    case.batch_published = {"batch1": "2023-11-03", "batch2": "2023-11-17", "batch3": "2023-12-08"}
    case.extra["controller"] = LAB
    case.extra["batch_rule"] = ("new = first batch with a required element; known_with_new_elements = required elements of this batch "
                                "that were neither required nor optional in an earlier batch")
    physicians = []
    for _ in range(14):
        nm = P.make_name(rng, "pl")
        physicians.append((f"lek. {nm.given} {nm.surname}", pwz(rng), rng.choice(CLINICS)))
    diagnosticians = [(f"mgr {P.make_name(rng, 'pl', True).full}", str(rng.randint(10000, 99999))) for _ in range(5)]

    n = rng.randint(820, 900)
    pts = []
    for i in range(n):
        t = Pt()
        t.ua = rng.random() < 0.04
        t.nm = P.unique_name(rng, case, "uk" if t.ua else "pl")
        t.dob = P.dob(rng, 1935, 2016)
        t.p = case.person(t.nm.full, "uk" if t.ua else "pl")
        t.p.ctrl(LAB)
        if t.ua:
            t.p.variant(t.nm.cyr)
            t.pesel = None
            t.passport = rng.choice(["FX", "FE", "FK", "EP"]) + f"{rng.randint(100000, 999999)}"
        else:
            t.pesel = P.nid(rng, case, "PL", t.dob, t.nm.female)[1]
            t.passport = None
        town = rng.choice(POINTS)
        t.point = town
        t.addr = P.pl_address(rng, (town[0], town[1])) if rng.random() < 0.8 else None
        t.phone = P.phone(rng, case, "PL" if not t.ua or rng.random() < 0.5 else "UA")
        t.email = P.email(rng, case, t.nm.given, t.nm.surname) if rng.random() < 0.45 else None
        r = rng.random()
        t.first = "batch1" if r < 0.74 else ("batch2" if r < 0.9 else "batch3")
        pts.append(t)
    # three namesake pairs: same name and sex, different PESEL and birth date
    pl_pts = [t for t in pts if not t.ua]
    used = set()
    pairs = 0
    for a in pl_pts:
        if pairs == 3:
            break
        if a.p.tid in used:
            continue
        b = next((x for x in pl_pts if x is not a and x.p.tid not in used and x.nm.female == a.nm.female and x.first != a.first), None)
        if b is None:
            continue
        used |= {a.p.tid, b.p.tid}
        b.nm = P.Name(a.nm.given, a.nm.surname, a.nm.female, "pl")
        b.p.name = b.nm.full
        a.p.note = f"namesake of {b.p.tid} (different PESEL)"
        b.p.note = f"namesake of {a.p.tid} (different PESEL)"
        pairs += 1

    def results(rng, k):
        out = []
        for name, unit, (lo, hi), (a, b) in rng.sample(TESTS, k):
            v = rng.uniform(a, b)
            v = round(v, 1) if b < 20 else int(v)
            flag = "H" if v > hi else ("L" if v < lo else "")
            rng_txt = f"< {hi}" if lo == 0 else f"{lo} - {hi}"
            out.append((name, str(v).replace(".", ","), flag, unit, rng_txt.replace(".", ",")))
        return out

    # ------------------------------------------------------------ batch1: PDF reports (+ an archive of 2017–2018 reports)
    order_decoys = 0
    pdf_by_person = {}
    arch = case.archive("batch1/archiwum/wyniki_2017-2018.zip")

    def report(t, d, path_of, member_of=None):
        nonlocal order_decoys
        no = order_no(rng, d)
        path = path_of(no)
        phys = rng.choice(physicians)
        diag = rng.choice(diagnosticians)
        upper = rng.random() < 0.6
        name_w = f"{t.nm.surname.upper()} {t.nm.given.upper()}" if upper else t.nm.full
        ls = [(40, 40, 11, True, "LABMED Diagnostyka Medyczna Sp. z o.o."),
              (40, 54, 8, False, f"Laboratorium Centralne, ul. Przemysłowa 12, 30-701 Kraków · tel. {LAB_PHONE[0]}"),
              (40, 90, 13, True, "SPRAWOZDANIE Z BADANIA LABORATORYJNEGO"),
              (40, 115, 9, False, f"Nr zlecenia: {no}"), (230, 115, 9, False, f"Data pobrania: {d:%d.%m.%Y} {rng.randint(6, 11):02d}:{rng.randint(0, 59):02d}"),
              (420, 115, 9, False, f"Data wydania: {d:%d.%m.%Y}"),
              (40, 140, 10, True, f"Pacjent: {name_w}")]
        y = 156
        if t.pesel:
            ls.append((40, y, 10, False, f"PESEL: {t.pesel}"))
        else:
            ls.append((40, y, 10, False, f"Paszport: {t.passport}"))
        ls.append((230, y, 10, False, f"Data urodzenia: {t.dob:%d.%m.%Y}"))
        ls.append((420, y, 10, False, f"Płeć: {'K' if t.nm.female else 'M'}"))
        y += 16
        if t.addr:
            ls.append((40, y, 10, False, f"Adres: {t.addr['street']}, {t.addr['zip']} {t.addr['town']}"))
            y += 16
        ls.append((40, y, 9, False, f"Zlecający: {phys[0]} (PWZ {phys[1]}), {phys[2]}"))
        ls.append((40, y + 14, 9, False, f"Punkt pobrań: {t.point[2]}"))
        y += 44
        ls += [(40, y, 9, True, "Badanie"), (220, y, 9, True, "Wynik"), (300, y, 9, True, "Jednostka"), (400, y, 9, True, "Zakres ref.")]
        y += 14
        for name, val, flag, unit, ref in results(rng, rng.randint(2, 6)):
            ls += [(40, y, 9, False, name), (220, y, 9, False, f"{val} {flag}".strip()), (300, y, 9, False, unit), (400, y, 9, False, ref)]
            y += 13
        ls.append((40, y + 30, 8, False, f"Wynik autoryzował: {diag[0]}, diagnosta laboratoryjny (nr PWDL {diag[1]})"))
        data = fmt.pdf_bytes(ls, title=f"Sprawozdanie {no}", author="LabMed LIS", created=f"D:{d:%Y%m%d}141200+01'00'")
        if member_of is None:
            case.add(path, data, kind="pdf")
            full = path
        else:
            full = case.member(member_of, path, data, kind="pdf").name
        p = t.p
        p.nm([name_w], full, "Pacjent")
        if t.pesel:
            p.ident("pl_pesel", t.pesel, t.pesel, full, "PESEL")
        p.val("date_of_birth", f"{t.dob:%d.%m.%Y}", full, "Data urodzenia")
        if t.addr:
            p.val("postal_address", t.addr["street"], full, "Adres")
        p.el("lab_result", full, "result table")
        p.el("health_data", full, "result table", req=False)
        if order_decoys < 15:
            case.decoy("order_number", no, full, "Nr zlecenia", "date-shaped order number; fails every national-ID check", must_fail=True)
            order_decoys += 1
        if t.passport and not any(dd["value"] == t.passport for dd in case.decoys):
            case.decoy("passport", t.passport, full, "Paszport", "Ukrainian passport number (not a national ID of the vocabulary)", must_fail=True)
        return full, data, no

    b1 = [t for t in pts if t.first == "batch1"]
    b1_pdfs = []
    for t in b1:
        for _ in range(rng.randint(1, 3)):
            d = dt.date(2019, 1, 2) + dt.timedelta(days=rng.randint(0, 1640))
            full, data, no = report(t, d, lambda no: f"batch1/wyniki/{d:%Y}/{d:%m}/{no}.pdf")
            b1_pdfs.append((t, full, data))
    for t in rng.sample(b1, len(b1) // 7):
        d = dt.date(2017, 1, 2) + dt.timedelta(days=rng.randint(0, 725))
        report(t, d, lambda no: f"{d:%Y}/{d:%m}/wynik_{no}.pdf", member_of=arch)
    case.decoy("lab_phone", LAB_PHONE[1], b1_pdfs[0][1], "header", "laboratory switchboard", raw=LAB_PHONE[0])

    # ------------------------------------------------------------ batch2: ODS registers and portal logs
    b2 = [t for t in pts if t.first == "batch2" or (t.first == "batch1" and rng.random() < 0.45)]
    by_pm = {}
    for t in b2:
        by_pm.setdefault((t.point[0], rng.choice([5, 6])), []).append(t)
    ordered = ["Morfologia", "Glukoza", "Lipidogram", "TSH", "FT4", "Kreatynina", "CRP", "HbA1c", "Witamina D3", "ALT", "AST", "Ferrytyna"]
    for (town, m), lst in sorted(by_pm.items()):
        path = f"batch2/punkty_pobran/{ids.ascii_fold(town)}/rejestracja_2023-{m:02d}.ods"
        rows = [["Lp.", "Nazwisko i imię", "PESEL", "Data ur.", "Telefon", "E-mail", "Zlecone badania", "Płatność", "Uwagi"]]
        recs = []
        for k, t in enumerate(sorted(lst, key=lambda t: (t.nm.surname, t.nm.given)), 1):
            who = t.nm.cyr.split(" ")[1] + " " + t.nm.cyr.split(" ")[0] if t.ua and rng.random() < 0.7 else f"{t.nm.surname} {t.nm.given}"
            if t.pesel:
                pes = ("float", t.pesel) if not t.pesel.startswith("0") and rng.random() < 0.15 else t.pesel
            else:
                pes = ""
            ph = ids.render_phone(rng, "PL" if t.phone[1].startswith("+48") else "UA", t.phone[1][3:] if t.phone[1].startswith("+48") else t.phone[1][4:])[0] \
                if rng.random() < 0.8 else ""
            em = ids.render_email(rng, t.email, caps=0.2) if t.email and rng.random() < 0.9 else ""
            tests = ", ".join(rng.sample(ordered, rng.randint(1, 4)))
            note = f"paszport {t.passport}" if t.passport else rng.choice(["", "", "", "na czczo", "wynik e-mailem", "karta dużej rodziny"])
            rows.append([str(k), who, pes, f"{t.dob:%d.%m.%Y}", ph, em, tests, rng.choice(["NFZ", "gotówka", "karta", "pakiet firmowy"]), note])
            recs.append((t, who, ph, em))
        summary = [["Badanie", "Liczba zleceń"]] + [[x, str(sum(1 for r in rows[1:] if x in r[6]))] for x in ordered]
        case.add(path, fmt.ods_bytes([("Rejestracja", rows), ("Podsumowanie", summary)], meta_creator=f"Punkt pobrań {town}",
                                     date=f"2023-{m:02d}-30T18:00:00"), kind="ods")
        for t, who, ph, em in recs:
            p = t.p
            p.nm([who], path, "Nazwisko i imię")
            if t.pesel:
                p.ident("pl_pesel", t.pesel, t.pesel, path, "PESEL")
            p.val("date_of_birth", f"{t.dob:%d.%m.%Y}", path, "Data ur.")
            if ph:
                p.ident("phone", t.phone[1], ph, path, "Telefon")
            if em:
                p.ident("email", t.email, em, path, "E-mail")
            p.el("lab_result", path, "Zlecone badania (ordered only)", req=False)
            p.el("health_data", path, "Zlecone badania (ordered only)", req=False)
    # portal access logs (JWT bearer tokens)
    portal = [t for t in b2 if t.email and t.pesel and rng.random() < 0.6 and any(o["type"] == "email" for o in t.p.occ)]
    uid = {t.p.tid: 40000 + i * 7 + rng.randint(0, 6) for i, t in enumerate(portal)}
    for day in (23, 24, 25):
        path = f"batch2/portal/access-2023-10-{day}.jsonl"
        lines = []
        evs = sorted(((dt.datetime(2023, 10, day, 6) + dt.timedelta(seconds=rng.randint(0, 16 * 3600)), t) for t in portal if rng.random() < 0.5),
                     key=lambda e: (e[0], e[1].p.tid))
        for when, t in evs:
            iat = int(when.replace(tzinfo=dt.timezone.utc).timestamp())
            hdr = b64u(json.dumps({"alg": "RS256", "typ": "JWT", "kid": "portal-2023-09"}, separators=(",", ":")).encode())
            pl = b64u(json.dumps({"sub": str(uid[t.p.tid]), "email": t.email, "name": t.nm.full, "pesel": t.pesel, "iat": iat, "exp": iat + 900},
                                 ensure_ascii=False, separators=(",", ":")).encode())
            sig = b64u(bytes(rng.getrandbits(8) for _ in range(64)))
            for step in range(rng.randint(1, 3)):
                no = order_no(rng, when.date() - dt.timedelta(days=rng.randint(0, 600)))
                rec = {"ts": (when + dt.timedelta(seconds=step * 7)).strftime("%Y-%m-%dT%H:%M:%S.") + f"{rng.randint(0, 999):03d}Z",
                       "level": "info", "msg": "request completed",
                       "http": {"method": "GET", "path": f"/api/v1/wyniki/{no}" + ("/pdf" if step else ""), "status": 200,
                                "headers": {"user-agent": rng.choice(["Mozilla/5.0 (iPhone; CPU iPhone OS 16_6 like Mac OS X)", "Mozilla/5.0 (Windows NT 10.0; Win64; x64)", "okhttp/4.10.0"]),
                                            "authorization": f"Bearer {hdr}.{pl}.{sig}"}},
                       "user": {"id": uid[t.p.tid], "email": t.email}, "duration_ms": rng.randint(12, 900)}
                lines.append(json.dumps(rec, separators=(",", ":")))
            t.p.ident("email", t.email, t.email, path, "user.email")
            t.p.el("name", path, "JWT claim name (base64url only)", req=False)
            t.p.el("lab_result", path, "result downloads (order numbers only)", req=False)
        lines.append(json.dumps({"ts": f"2023-10-{day}T23:59:01.000Z", "level": "warn", "msg": "login failed",
                                 "http": {"method": "POST", "path": "/api/v1/login", "status": 401}, "user": {"id": None, "email": "test.pacjent@labmed.test"}},
                                separators=(",", ":")))
        case.add(path, "\n".join(lines) + "\n")
        if day == 23:
            case.decoy("test_account", "test.pacjent@labmed.test", path, "user.email", "QA test login")

    # ------------------------------------------------------------ batch3: DOCX referrals (zip), DPO mbox, re-posted PDFs
    b3 = [t for t in pts if t.first == "batch3" or (t.first != "batch3" and rng.random() < 0.22)]
    zarch = case.archive("batch3/skierowania/skierowania_2023Q3.zip")
    clinic_nip = {c: nip(rng) for c in CLINICS}
    for k, t in enumerate(b3, 1):
        dgn = rng.choice(DIAG)
        phys = rng.choice(physicians)
        d = dt.date(2023, 7, 3) + dt.timedelta(days=rng.randint(0, 88))
        name_runs = [t.nm.given + " ", t.nm.surname[:max(2, len(t.nm.surname) // 2)], t.nm.surname[max(2, len(t.nm.surname) // 2):]] \
            if rng.random() < 0.3 else [t.nm.full]
        idrow = ["PESEL", t.pesel] if t.pesel else ["Nr paszportu", t.passport]
        rows = [["Imię i nazwisko", name_runs], idrow, ["Data urodzenia", f"{t.dob:%d.%m.%Y}"]]
        if t.addr:
            rows.append(["Adres", f"{t.addr['street']}, {t.addr['zip']} {t.addr['town']}"])
        ph = ids.render_phone(rng, "PL", t.phone[1][3:])[0] if t.phone[1].startswith("+48") and rng.random() < 0.7 else None
        if ph:
            rows.append(["Telefon", ph])
        paras = [[("b", "SKIEROWANIE NA BADANIA LABORATORYJNE")],
                 [f"{phys[2]}, ul. {rng.choice(P.PL_STREETS)} {rng.randint(1, 80)}, {t.point[0]}"],
                 [f"NIP {clinic_nip[phys[2]]}, REGON {rng.randint(100000000, 999999999)}"],
                 [("b", "Dane pacjenta")], ("table", rows),
                 [("b", "Rozpoznanie (ICD-10): "), f"{dgn[0]} {dgn[1]}"],
                 [("b", "Zlecane badania: "), ", ".join(dgn[2])],
                 [f"Data wystawienia: {d:%d.%m.%Y}"],
                 [f"{phys[0]}, nr prawa wykonywania zawodu {phys[1]}"]]
        data = fmt.docx_bytes(paras, author=phys[0], created=f"{d:%Y-%m-%d}T09:00:00Z")
        member = f"skierowanie_{d:%Y%m%d}_{k:04d}.docx"
        full = case.member(zarch, member, data, kind="docx").name
        p = t.p
        p.nm(["".join(name_runs)], full, "Imię i nazwisko")
        if t.pesel:
            p.ident("pl_pesel", t.pesel, t.pesel, full, "PESEL")
        p.val("date_of_birth", f"{t.dob:%d.%m.%Y}", full, "Data urodzenia")
        if t.addr:
            p.val("postal_address", t.addr["street"], full, "Adres")
        if ph:
            p.ident("phone", t.phone[1], ph, full, "Telefon")
        p.val("health_data", f"{dgn[0]} {dgn[1]}", full, "Rozpoznanie (ICD-10)")
        p.el("lab_result", full, "Zlecane badania (ordered only)", req=False)
        if k <= 3:
            case.decoy("physician_pwz", phys[1], full, "nr prawa wykonywania zawodu", "physician's licence number", must_fail=True)
            if not check.any_person_id(clinic_nip[phys[2]]):
                case.decoy("company_nip", clinic_nip[phys[2]], full, "NIP", "clinic's tax number", must_fail=True)
    # DPO mailbox: replies that quote the patient's request
    writers = [t for t in pts if t.email and rng.random() < 0.2][:70]
    msgs = []
    recs = []
    for t in writers:
        cs = "iso-8859-2" if rng.random() < 0.3 and not t.ua else "utf-8"
        when = dt.datetime(2023, 11, 6, 8) + dt.timedelta(days=rng.randint(0, 25), minutes=rng.randint(0, 600))
        asked = when - dt.timedelta(hours=rng.randint(3, 70))
        em_raw = ids.render_email(rng, t.email, caps=0.1)
        give_id = t.pesel is not None and rng.random() < 0.8
        ph = ids.render_phone(rng, "PL", t.phone[1][3:])[0] if t.phone[1].startswith("+48") and rng.random() < 0.5 else None
        req = ["Dzień dobry,", "", "w związku z informacją o wycieku danych z Państwa laboratorium proszę o informację,",
               "czy moje dane oraz wyniki badań zostały ujawnione."]
        if give_id:
            req.append(f"Mój PESEL: {t.pesel}" + (f", tel. {ph}" if ph else ""))
        elif ph:
            req.append(f"Mój telefon: {ph}")
        req += ["", "Z poważaniem", t.nm.full]
        sal = "Szanowna Pani" if t.nm.female else "Szanowny Panie"
        reply = [f"{sal},", "", "potwierdzamy otrzymanie zgłoszenia. Odpowiedź zostanie udzielona w terminie 30 dni (art. 12 ust. 3 RODO).",
                 "", "Z wyrazami szacunku", IOD[0], LAB, f"{IOD[1]}, tel. {IOD[2]}"]
        quote_head = f"W dniu {asked:%d.%m.%Y} o {asked:%H:%M}, {t.nm.full} pisze:"
        plain = "\n".join(reply + ["", quote_head] + ["> " + x if x else ">" for x in req]) + "\n"
        esc = fmt.xt
        html_body = ("<html><head><meta http-equiv=\"Content-Type\" content=\"text/html; charset=" + cs + "\"></head><body>" +
                     "".join(f"<p>{esc(x)}</p>" if x else "<br>" for x in reply) +
                     f"<div class=\"gmail_quote\"><div>{esc(quote_head)}</div><blockquote style=\"margin:0 0 0 .8ex;border-left:1px #ccc solid;padding-left:1ex\">" +
                     "".join(f"<div>{esc(x)}</div>" if x else "<div><br></div>" for x in req) + "</blockquote></div></body></html>\n")
        mid = "%020x" % rng.getrandbits(80)
        headers = [("From", fmt.addr(IOD[0], IOD[1], cs)), ("To", fmt.addr(t.nm.full, em_raw, cs)),
                   ("Subject", fmt.hdr("Re: Wyciek danych - prośba o informację", cs)), ("Date", when.strftime("%a, %d %b %Y %H:%M:%S +0100")),
                   ("Message-ID", f"<{mid}@labmed.test>"), ("In-Reply-To", f"<{mid[::-1]}@mail.example.com>")]
        if rng.random() < 0.6:
            text = fmt.mime_message(headers, html_body=html_body, charset=cs)
        else:
            text = fmt.mime_message(headers, plain=plain, html_body=html_body, charset=cs, boundary=f"000000000000{mid[:16]}")
        msgs.append((f"From iod@labmed.test {when.strftime('%a %b %d %H:%M:%S %Y')}", text))
        recs.append((t, em_raw, give_id, ph))
    path = "batch3/rodo/iod_skrzynka.mbox"
    case.add(path, fmt.mbox_bytes(msgs), kind="mail", enc="ascii")
    case.decoy("role_mailbox", IOD[1], path, "From / signature", "data protection officer's mailbox")
    case.decoy("dpo_phone", IOD[3], path, "signature", "data protection officer's desk phone", raw=IOD[2])
    for t, em_raw, give_id, ph in recs:
        p = t.p
        p.nm([t.nm.full], path, "To / quoted request")
        p.ident("email", t.email, em_raw, path, "To")
        if give_id:
            p.ident("pl_pesel", t.pesel, t.pesel, path, "quoted request")
        if ph:
            p.ident("phone", t.phone[1], ph, path, "quoted request")
    # twelve batch-1 reports published again, byte for byte
    for t, src, data in rng.sample(b1_pdfs, 12):
        new = "batch3/repost/" + src.split("/")[-1]
        if new in case.outputs:
            continue
        case.add(new, data, kind="pdf")
        p = t.p
        for o in [o for o in p.occ if o["file"] == src]:
            p.ident(o["type"], o["value"], o["raw"], new, o["field"])
        for parts, f in [x for x in p.name_occ if x[1] == src]:
            p.nm(parts, new, "Pacjent")
        for e, raw, f in [x for x in p.val_occ if x[2] == src]:
            p.val(e, raw, new, "re-posted")
        p.el("lab_result", new, "result table")
        p.el("health_data", new, "result table", req=False)
    case.drop_unwritten()
    return case
