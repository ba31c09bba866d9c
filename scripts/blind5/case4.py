"""Case 4: medical laboratory network (Poland) whose stolen data is published in three batches.

batch1: long per-parameter result CSVs (Windows-1250, decimal commas, PESEL-shaped order numbers) and a
columnar registration JSON ({"columns": [...], "rows": [[...]]}, PESEL as JSON numbers where no leading zero).
batch2: ISO-8859-2 result exports with title rows and `NAZWISKO Imię` in one column (passport numbers for
patients without PESEL), a header-less pipe file of refunds with IBANs, and web-shop orders with full card
numbers.  batch3: a tar.gz of per-order text reports (addresses, phones, staff licence numbers, company
NIP/REGON), a list of referring physicians (staff only) and hotline transcripts.
"""
import datetime as dt
import json

import ids
import names as N
from check import any_person_id, name_tokens
from common import Case

CITIES = [("Warszawa", "0{}-{:03d}", 0, 4), ("Kraków", "3{}-{:03d}", 0, 1), ("Łódź", "9{}-{:03d}", 0, 4), ("Wrocław", "5{}-{:03d}", 0, 4),
          ("Poznań", "6{}-{:03d}", 0, 1), ("Gdańsk", "80-{:03d}", None, None), ("Szczecin", "7{}-{:03d}", 0, 1),
          ("Lublin", "20-{:03d}", None, None), ("Katowice", "40-{:03d}", None, None), ("Białystok", "15-{:03d}", None, None)]
STREETS = ["ul. Kwiatowa", "ul. Lipowa", "ul. Słoneczna", "ul. Polna", "ul. Leśna", "ul. Ogrodowa", "ul. Mickiewicza",
           "ul. Kościuszki", "al. Niepodległości", "os. Zielone", "ul. Żeromskiego", "ul. Główna", "ul. Źródlana", "ul. Świętokrzyska"]
TESTS = {
    "Morfologia krwi": [("WBC", "tys/µl", 4.0, 10.0), ("RBC", "mln/µl", 4.2, 5.4), ("HGB", "g/dl", 12.0, 16.0), ("HCT", "%", 37.0, 47.0),
                        ("PLT", "tys/µl", 150, 400)],
    "Lipidogram": [("Cholesterol całkowity", "mg/dl", 115, 190), ("HDL", "mg/dl", 40, 90), ("LDL", "mg/dl", 50, 115), ("Triglicerydy", "mg/dl", 40, 150)],
    "TSH": [("TSH", "µIU/ml", 0.27, 4.2)],
    "Glukoza na czczo": [("Glukoza", "mg/dl", 70, 99)],
    "CRP": [("CRP", "mg/l", 0, 5)],
    "Próby wątrobowe": [("ALT", "U/l", 5, 40), ("AST", "U/l", 5, 40), ("Bilirubina całkowita", "mg/dl", 0.3, 1.2)],
    "HbA1c": [("HbA1c", "%", 4.0, 5.6)],
    "PSA całkowity": [("PSA", "ng/ml", 0, 4)],
    "Ferrytyna": [("Ferrytyna", "ng/ml", 13, 150)],
    "Witamina D3 (25-OH)": [("25-OH D3", "ng/ml", 30, 50)],
    "Kreatynina": [("Kreatynina", "mg/dl", 0.5, 1.1), ("eGFR", "ml/min/1,73m2", 90, 120)],
    "Przeciwciała anty-HCV": [("anty-HCV", "S/CO", 0, 1)],
}
PACKAGES = [("PAK-TARCZ", "Pakiet tarczycowy (TSH, FT3, FT4)", "89.00"), ("PAK-KOBIETA", "Pakiet Zdrowa Kobieta", "199.00"),
            ("PAK-MEZCZ", "Pakiet Zdrowy Mężczyzna (z PSA)", "189.00"), ("PAK-CUKRZ", "Pakiet cukrzycowy (glukoza, HbA1c)", "59.00"),
            ("PAK-WATROBA", "Pakiet wątrobowy", "69.00"), ("PAK-COVID", "Pakiet po COVID-19", "159.00")]
POINTS = ["WAW-Mokotow", "WAW-Wola", "KRK-Krowodrza", "LDZ-Baluty", "WRO-Krzyki", "POZ-Jezyce", "GDA-Wrzeszcz"]
STAFF = [("Anna", "Zielińska"), ("Marek", "Kaczmarek"), ("Ewelina", "Borkowska"), ("Tadeusz", "Wilk"), ("Kinga", "Baranowska")]


def _uniq_phone(rng, used, country="PL", kind="mobile"):
    while True:
        n = ids.phone_nsn(rng, country, kind)
        if n not in used:
            used.add(n)
            return n


def _addr(rng):
    city, fmt, a, b = rng.choice(CITIES)
    zipc = fmt.format(rng.randint(a, b), rng.randint(1, 999)) if a is not None else fmt.format(rng.randint(1, 999))
    st = rng.choice(STREETS)
    no = f"{rng.randint(1, 150)}"
    flat = rng.randint(1, 80) if rng.random() < 0.6 else None
    return {"street": st, "no": no, "flat": flat, "zip": zipc, "city": city}


def _addr_str(rng, a, style=None):
    style = rng.randrange(3) if style is None else style
    if style == 0:
        return f"{a['street']} {a['no']}{' m. ' + str(a['flat']) if a['flat'] else ''}, {a['zip']} {a['city']}"
    if style == 1:
        return f"{a['street']} {a['no']}{'/' + str(a['flat']) if a['flat'] else ''}, {a['zip']} {a['city']}"
    return f"{a['zip']} {a['city'].upper()}, {a['street'].upper()} {a['no']}{'/' + str(a['flat']) if a['flat'] else ''}"


def _order_no(rng):
    """11-digit order numbers shaped like a PESEL (YYMMDD + 5 digits) that fail every national-ID check."""
    while True:
        d = ids.rand_date(rng, 2017, 2023)
        v = f"{d:%y%m%d}{rng.randint(0, 99999):05d}"
        if not any_person_id(v):
            return v


def _passport(rng):
    return rng.choice(["FX", "FA", "FE", "EK"]) + f"{rng.randint(100000, 999999)}"


def build(rng):
    c = Case("case4_alab_batches", "Medical laboratory network (Poland), published in batches — blind5", rng)
    c.batches = ["batch1", "batch2", "batch3"]
    c.batch_published = {"batch1": "2023-10-24", "batch2": "2023-11-07", "batch3": "2023-11-21"}
    used_names, used_phones, used_emails = set(), set(), set()
    c.scratch.update(used_phones=used_phones)
    n = rng.randint(820, 960)
    for i in range(n):
        ua = rng.random() < 0.045
        for _ in range(300):
            if ua:
                g, s, f = N.pick_simple(rng, N.UA_M, N.UA_F, N.UA_S, 0.6)
            else:
                g, s, f = N.pick_gendered(rng, N.PL_M, N.PL_F, N.PL_S, 0.56)
                if f and rng.random() < 0.05:
                    s = s + "-" + rng.choice(N.PL_S)[1]
            if name_tokens(f"{g} {s}") not in used_names:
                break
        used_names.add(name_tokens(f"{g} {s}"))
        p = c.person(g, s, "uk" if ua else "pl", female=f, country="UA" if ua else "PL")
        p.a["dob"] = ids.rand_date(rng, 1985, 2000) if ua else (ids.rand_date(rng, 2002, 2016) if rng.random() < 0.07 else ids.rand_date(rng, 1934, 2001))
        if not ua:
            p.a["pesel"] = ids.pl_pesel(rng, p.a["dob"], f)
        else:
            p.a["passport"] = _passport(rng)
            p.note.append("no PESEL (Ukrainian passport)")
        p.a["addr"] = _addr(rng)
        if rng.random() < 0.6 or ua:
            p.a["phone"] = ("UA" if ua and rng.random() < 0.5 else "PL", None)
            p.a["phone"] = (p.a["phone"][0], _uniq_phone(rng, used_phones, p.a["phone"][0]))
        if rng.random() < 0.45:
            p.a["email"] = ids.email_for(rng, g, s, used_emails)
        r = rng.random()
        first = 1 if r < 0.45 else 2 if r < 0.75 else 3
        p.a["batches"] = {first} | {b for b in (2, 3) if b > first and rng.random() < 0.35}
        p.controllers.add("LABMED Sp. z o.o.")
    _batch1(c, rng)
    _batch2(c, rng)
    _batch3(c, rng)
    c.persons = [p for p in c.persons if p.elements]
    return c


def _in(c, b):
    return [p for p in c.persons if b in p.a["batches"]]


def _value(rng, lo, hi):
    span = hi - lo
    v = rng.uniform(lo - span * 0.3, hi + span * 0.4)
    if v < 0:
        v = abs(v) / 3
    dec = 0 if hi >= 100 else 1 if hi >= 10 else 2
    s = f"{v:.{dec}f}".replace(".", ",")
    flag = "H" if v > hi else "L" if v < lo else ""
    return s, flag


def _ref(lo, hi):
    f = (lambda x: f"{x:g}".replace(".", ","))
    return f"{f(lo)} - {f(hi)}"


def _phone(c, p, doc, field, style=None):
    cc, nsn = p.a["phone"]
    if cc == "UA":
        style = c.rng.choice([0, 1])     # in Polish records a Ukrainian number is written with +380
    raw, _ = ids.render_phone(c.rng, cc, nsn, style)
    return c.ident(p, "phone", ids.e164(cc, nsn), raw, doc, field)


def _results_rows(c, rng, p, doc, order, when, combined_name=False):
    rows = []
    test = rng.choice(list(TESTS))
    for par, unit, lo, hi in TESTS[test]:
        val, flag = _value(rng, lo, hi)
        rows.append((test, par, val, unit, _ref(lo, hi), flag))
    c.expose(p, "lab_result", doc, "Wynik")
    c.expose(p, "health_data", doc, "Wynik", optional=True)
    return rows


# ------------------------------------------------------------------------------------------ batch 1

def _batch1(c, rng):
    people = _in(c, 1)
    files = {}
    for p in people:
        k = (rng.choice(POINTS), rng.choice([2017, 2018, 2019]))
        files.setdefault(k, []).append(p)
    for (pt, year), ps in sorted(files.items()):
        d = c.doc(f"batch1/wyniki_2017-2019/wyniki_{pt}_{year}.csv", encoding="windows-1250", newline="\r\n", batch="batch1")
        rows = [["Nr zlecenia", "Data pobrania", "PESEL", "Nazwisko", "Imię", "Data ur.", "Płeć", "Badanie", "Parametr", "Wynik",
                 "Jednostka", "Zakres ref.", "Flaga"]]
        for p in ps:
            for _ in range(rng.randint(1, 2)):
                on = _order_no(rng)
                c.decoy(on, "order number (PESEL-shaped, fails check)", d, "Nr zlecenia", must_fail=True)
                when = dt.datetime(year, rng.randint(1, 12), rng.randint(1, 28), rng.randint(6, 11), rng.randint(0, 59))
                pes = c.ident(p, "pl_pesel", p.a["pesel"], p.a["pesel"], d, "PESEL") if "pesel" in p.a else ""
                c.name(p, [p.surname, p.given], d, "Nazwisko+Imię")
                c.expose(p, "date_of_birth", d, "Data ur.")
                for test, par, val, unit, ref, flag in _results_rows(c, rng, p, d, on, when):
                    rows.append([on, when.strftime("%Y-%m-%d %H:%M"), pes, p.surname, p.given, p.a["dob"].isoformat(),
                                 "K" if p.female else "M", test, par, val, unit, ref, flag])
        d.csv_rows(rows, delimiter=";")
    # registration snapshot, columnar JSON
    d = c.doc("batch1/rejestracja/pacjenci_2019.json", batch="batch1")
    cols = ["id", "pesel", "imie", "nazwisko", "data_urodzenia", "telefon", "email", "adres", "zgoda_marketing"]
    rows = []
    for i, p in enumerate(rng.sample(people, int(len(people) * 0.6))):
        pes = None
        if "pesel" in p.a:
            v = p.a["pesel"]
            c.ident(p, "pl_pesel", v, v, d, "rows[][pesel]")
            pes = int(v) if v[0] != "0" and rng.random() < 0.7 else v
        c.name(p, [p.given, p.surname], d, "rows[][imie+nazwisko]")
        c.expose(p, "date_of_birth", d, "rows[][data_urodzenia]")
        tel = _phone(c, p, d, "rows[][telefon]") if "phone" in p.a else None
        em = c.ident(p, "email", p.a["email"], ids.render_email(rng, p.a["email"]), d, "rows[][email]") if "email" in p.a and rng.random() < 0.7 else None
        adr = None
        if rng.random() < 0.5:
            adr = _addr_str(rng, p.a["addr"])
            c.expose(p, "postal_address", d, "rows[][adres]")
        rows.append([100000 + i * 11, pes, p.given, p.surname, p.a["dob"].strftime("%d.%m.%Y"), tel, em, adr, rng.random() < 0.3])
    d.w(json.dumps({"table": "pacjenci", "exported": "2019-12-31T23:10:00", "columns": cols, "rows": rows}, ensure_ascii=False))


# ------------------------------------------------------------------------------------------ batch 2

def _batch2(c, rng):
    people = _in(c, 2)
    chunks = [people[i::3] for i in range(3)]
    for k, ps in enumerate(chunks):
        d = c.doc(f"batch2/wyniki_2020-2021/eksport_wynikow_{2020 + k // 2}_{k + 1}.csv", encoding="iso-8859-2", newline="\r\n", batch="batch2")
        rows = [["LABMED Sp. z o.o. - eksport wyników badań (system LIS v4.2)"], [f"Wygenerowano: 2021-12-3{k} 02:00:00"],
                ["Pacjent", "Identyfikator", "Data urodzenia", "Zlecenie", "Data pobrania", "Punkt", "Badanie", "Parametr", "Wynik", "Jedn.", "Norma"]]
        for p in ps:
            on = _order_no(rng)
            c.decoy(on, "order number (PESEL-shaped, fails check)", d, "Zlecenie", must_fail=True)
            nm = f"{p.surname.upper()} {p.given}"
            c.name(p, nm, d, "Pacjent")
            if "pesel" in p.a:
                ident = c.ident(p, "pl_pesel", p.a["pesel"], p.a["pesel"], d, "Identyfikator")
            else:
                ident = c.decoy(p.a["passport"], "passport number (no PESEL)", d, "Identyfikator")
            c.expose(p, "date_of_birth", d, "Data urodzenia")
            when = dt.datetime(2020 + rng.randint(0, 1), rng.randint(1, 12), rng.randint(1, 28), rng.randint(6, 11), rng.randint(0, 59))
            for test, par, val, unit, ref, flag in _results_rows(c, rng, p, d, on, when):
                rows.append([nm, ident, p.a["dob"].strftime("%d.%m.%Y"), on, when.strftime("%d.%m.%Y %H:%M"), rng.choice(POINTS),
                             test, par, val + (" " + flag if flag else ""), unit.replace("µ", "u"), ref])
        d.csv_rows(rows, delimiter=";")
    # refunds (IBAN)
    d = c.doc("batch2/zwroty/zwroty_2020-2021.psv", batch="batch2")
    out = []
    for i, p in enumerate(rng.sample(people, int(len(people) * 0.22))):
        cc = "PL" if rng.random() < 0.88 else rng.choice(["DE", "GB"])
        ib = ids.iban(rng, cc)
        p.a["iban"] = ib
        raw = ids.iban_grouped(ib) if rng.random() < 0.5 else ib
        fields = [f"ZW/{2020 + i % 2}/{i + 101:05d}", f"{2020 + i % 2}-{rng.randint(1, 12):02d}-{rng.randint(1, 28):02d}",
                  c.name(p, f"{p.given} {p.surname}", d, "col3"),
                  c.ident(p, "pl_pesel", p.a["pesel"], p.a["pesel"], d, "col4") if "pesel" in p.a else "",
                  c.ident(p, "iban", ib, raw, d, "col5"), f"{rng.choice([29, 49, 89, 120, 199])},00",
                  rng.choice(["podwójna płatność", "badanie niewykonane", "reklamacja", "anulowane zlecenie online"])]
        out.append("|".join(fields))
    d.w("\n".join(out) + "\n")
    # web shop orders (cards)
    d = c.doc("batch2/sklep/zamowienia_online_2021.json", batch="batch2")
    orders = []
    for i, p in enumerate(rng.sample(people, int(len(people) * 0.3))):
        pk = rng.choice(PACKAGES)
        cust = {"firstName": p.given, "lastName": p.surname}
        c.name(p, [p.given, p.surname], d, "customer.firstName+lastName")
        if "email" in p.a:
            cust["email"] = c.ident(p, "email", p.a["email"], ids.render_email(rng, p.a["email"], 0.25), d, "customer.email")
        if "phone" in p.a:
            cust["phone"] = _phone(c, p, d, "customer.phone")
        if "pesel" in p.a and rng.random() < 0.5:
            cust["pesel"] = c.ident(p, "pl_pesel", p.a["pesel"], p.a["pesel"], d, "customer.pesel")
        a = p.a["addr"]
        c.expose(p, "postal_address", d, "billing")
        c.expose(p, "purchase_history", d, "items[]")
        c.expose(p, "health_data", d, "items[].name", optional=True)
        pay = {"method": rng.choice(["blik", "przelew", "card", "card"])}
        if pay["method"] == "card":
            brand = rng.choice(["visa", "visa", "mc", "amex"])
            num = ids.card(rng, brand)
            p.a["card"] = num
            raw = ids.card_grouped(num) if rng.random() < 0.6 else num
            pay["card"] = {"number": c.ident(p, "payment_card", num, raw, d, "payment.card.number"),
                           "holder": f"{ids.ascii_fold(p.given).upper()} {ids.ascii_fold(p.surname).upper()}",
                           "exp": f"{rng.randint(1, 12):02d}/{rng.randint(22, 27)}"}
            folded = f"{ids.ascii_fold(p.given)} {ids.ascii_fold(p.surname)}"
            if name_tokens(folded) != name_tokens(p.name) and folded not in p.name_variants:
                p.name_variants.append(folded)
            c.name(p, folded.upper(), d, "payment.card.holder")
        orders.append({"orderNo": f"SKLEP-{2021}-{i * 7 + 1000:06d}", "created": f"2021-{rng.randint(1, 12):02d}-{rng.randint(1, 28):02d}T{rng.randint(0, 23):02d}:00:00+01:00",
                       "customer": cust, "billing": {"street": f"{a['street']} {a['no']}" + (f"/{a['flat']}" if a["flat"] else ""),
                                                     "zip": a["zip"], "city": a["city"]},
                       "items": [{"sku": pk[0], "name": pk[1], "price": pk[2], "qty": 1}], "payment": pay,
                       "status": rng.choice(["zrealizowane", "zrealizowane", "anulowane"])})
    d.w(json.dumps({"orders": orders, "count": len(orders)}, ensure_ascii=False, indent=2))


# ------------------------------------------------------------------------------------------ batch 3

def _nip(rng):
    while True:
        body = f"{rng.randint(100, 999)}" + "".join(str(rng.randint(0, 9)) for _ in range(6))
        s = sum(int(a) * w for a, w in zip(body, (6, 5, 7, 2, 3, 4, 5, 6, 7))) % 11
        if s != 10 and not any_person_id(body + str(s)):
            return body + str(s)


def _batch3(c, rng):
    people = _in(c, 3)
    nip = _nip(rng)
    nip_raw = f"{nip[:3]}-{nip[3:6]}-{nip[6:8]}-{nip[8:]}"
    regon = "".join(str(rng.randint(0, 9)) for _ in range(9))
    docs_staff = []
    for g, s in [(rng.choice(N.PL_M), rng.choice(N.PL_S)[0]) for _ in range(6)] + [(rng.choice(N.PL_F), rng.choice(N.PL_S)[1]) for _ in range(6)]:
        docs_staff.append((f"lek. {g} {s}", f"{rng.randint(1000000, 9999999)}", f"{ids.ascii_fold(g).lower()}.{ids.ascii_fold(s).lower()}@labmed.example.com"))
    # referring physicians (staff list)
    d = c.doc("batch3/lekarze_kierujacy.csv", batch="batch3")
    rows = [["lekarz", "nr_pwz", "specjalizacja", "email", "telefon"]]
    for nm, pwz, em in docs_staff:
        tel = ids.phone_nsn(rng, "PL", "landline")
        while tel in c.scratch["used_phones"]:
            tel = ids.phone_nsn(rng, "PL", "landline")
        c.scratch["used_phones"].add(tel)
        raw = ids.render_phone(rng, "PL", tel, 0)[0]
        rows.append([nm, pwz, rng.choice(["interna", "endokrynologia", "medycyna rodzinna", "kardiologia"]), em, raw])
        c.decoy(em, "referring physician (staff)", d, "email")
        c.decoy(ids.e164("PL", tel), "referring physician (staff) phone", d, "telefon", raw=raw)
        c.decoy(pwz, "physician licence number (PWZ)", d, "nr_pwz")
    d.csv_rows(rows, delimiter=",")
    # tar.gz of per-order reports
    a = c.archive("batch3/wyniki_2022-2023.tar.gz", "tar")
    for p in people:
        for _ in range(rng.randint(1, 2)):
            on = _order_no(rng)
            when = dt.datetime(rng.choice([2022, 2023]), rng.randint(1, 9), rng.randint(1, 28), rng.randint(6, 11), rng.randint(0, 59))
            m = a.add(f"sprawozdania/{when:%Y}/{when:%m}/{on}.txt", encoding="utf-8", batch="batch3")
            c.decoy(on, "order number (PESEL-shaped, fails check)", m, "nr", must_fail=True)
            nm = f"{p.surname.upper()} {p.given.upper()}"
            c.name(p, nm, m, "Pacjent")
            L = ["LABMED Sp. z o.o. — Laboratorium Diagnostyczne", f"NIP {nip_raw}   REGON {regon}", "",
                 f"SPRAWOZDANIE Z BADANIA LABORATORYJNEGO nr {on}", ""]
            ident = c.ident(p, "pl_pesel", p.a["pesel"], p.a["pesel"], m, "PESEL") if "pesel" in p.a else "brak (paszport " + p.a["passport"] + ")"
            L.append(f"Pacjent: {nm:<34}PESEL: {ident}")
            L.append(f"Data urodzenia: {p.a['dob'].isoformat():<27}Płeć: {'K' if p.female else 'M'}")
            c.expose(p, "date_of_birth", m, "Data urodzenia")
            if rng.random() < 0.8:
                L.append(f"Adres: {_addr_str(rng, p.a['addr'], rng.choice([0, 1]))}")
                c.expose(p, "postal_address", m, "Adres")
            if "phone" in p.a and rng.random() < 0.6:
                L.append(f"Tel.: {_phone(c, p, m, 'Tel.')}")
            dn, pwz, dm = rng.choice(docs_staff)
            L.append(f"Zlecający: {dn} (PWZ {pwz})")
            c.decoy(pwz, "physician licence number (PWZ)", m, "Zlecający")
            L += [f"Materiał: krew żylna          Data pobrania: {when:%Y-%m-%d %H:%M}", "",
                  f"{'Badanie':<28}{'Wynik':>10}  {'Jedn.':<14}{'Zakres ref.':<16}"]
            for test, par, val, unit, ref, flag in _results_rows(c, rng, p, m, on, when):
                L.append(f"{par:<28}{val + (' ' + flag if flag else ''):>10}  {unit:<14}{ref:<16}")
            st = rng.choice(STAFF)
            lic = f"{rng.randint(10000, 99999)}"
            L += ["", f"Autoryzował: mgr {st[0]} {st[1]}, diagnosta laboratoryjny (nr PWDL {lic})", ""]
            c.decoy(nip, "company tax number (NIP)", m, "nagłówek", raw=nip_raw, must_fail=True)
            m.w("\n".join(L) + "\n")
    # hotline transcripts
    d = c.doc("batch3/infolinia/rozmowy_2023-01_transkrypcja.txt", batch="batch3")
    out = []
    for k, p in enumerate(rng.sample([p for p in people if "pesel" in p.a], min(60, len(people) // 4))):
        nm = f"{p.given} {p.surname}"
        out.append(f"[{dt.datetime(2023, 1, rng.randint(2, 31), rng.randint(8, 19), rng.randint(0, 59)):%Y-%m-%d %H:%M}] Połączenie #{4000 + k}")
        out.append("Konsultant: LABMED, infolinia, w czym mogę pomóc?")
        out.append(f"Pacjent: Dzień dobry, nazywam się {c.name(p, nm, d, 'transkrypcja')}. {'Dostałam' if p.female else 'Dostałem'} SMS o wycieku danych.")
        out.append("Konsultant: Proszę podać numer PESEL.")
        out.append(f"Pacjent: {c.ident(p, 'pl_pesel', p.a['pesel'], p.a['pesel'], d, 'transkrypcja')}.")
        if "phone" in p.a and rng.random() < 0.7:
            out.append(f"Konsultant: Numer kontaktowy? Pacjent: {_phone(c, p, d, 'transkrypcja', rng.choice([0, 1, 2]))}.")
        if "email" in p.a and rng.random() < 0.4:
            out.append(f"Pacjent: Proszę odpisać na adres {c.ident(p, 'email', p.a['email'], p.a['email'], d, 'transkrypcja')}.")
        out.append("Konsultant: Zalecam zastrzeżenie numeru PESEL w aplikacji mObywatel.")
        out.append("")
    d.w("\n".join(out) + "\n")
