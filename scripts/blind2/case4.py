"""Case 4: Polish medical laboratory network; stolen data published in three batches."""
import datetime

from common import *
from names import *
from case1 import email_raw

LAB = "DiagnoMed Laboratoria Medyczne Sp. z o.o."
CITIES = [("Wrocław", (50, 54), "71"), ("Kraków", (30, 31), "12"), ("Warszawa", (0, 4), "22"), ("Poznań", (60, 61), "61"),
          ("Gdańsk", (80, 80), "58"), ("Łódź", (90, 94), "42"), ("Katowice", (40, 40), "32")]
STREETS = ["ul. Kwiatowa", "ul. Polna", "ul. Leśna", "al. Jana Pawła II", "ul. Słoneczna", "ul. Szkolna", "os. Tysiąclecia",
           "ul. Mickiewicza", "ul. Kościuszki", "ul. Ogrodowa", "ul. Lipowa", "ul. Długa", "ul. Żeromskiego", "ul. Wąska"]
STAFF = ["Anna Zając", "Piotr Wrona", "Ewa Sowa", "Marek Kruk", "Joanna Lis", "Tomasz Dudek"]
TESTS = [  # name, [(analyte, unit, low, high, decimals)], sex
    ("Morfologia krwi", [("WBC", "tys/µl", 4.0, 10.0, 1), ("RBC", "mln/µl", 4.2, 5.4, 2), ("HGB", "g/dl", 12.0, 16.0, 1),
                         ("PLT", "tys/µl", 150, 400, 0)], None),
    ("Glukoza na czczo", [("Glukoza", "mg/dl", 70, 99, 0)], None),
    ("TSH", [("TSH", "µIU/ml", 0.27, 4.2, 2)], None),
    ("Lipidogram", [("Cholesterol całkowity", "mg/dl", 115, 190, 0), ("LDL", "mg/dl", 50, 115, 0), ("HDL", "mg/dl", 40, 80, 0),
                    ("Triglicerydy", "mg/dl", 40, 150, 0)], None),
    ("HbA1c", [("HbA1c", "%", 4.0, 5.7, 1)], None),
    ("CRP", [("CRP", "mg/l", 0, 5, 1)], None),
    ("Próby wątrobowe", [("ALT", "U/l", 0, 35, 0), ("AST", "U/l", 0, 35, 0)], None),
    ("Kreatynina", [("Kreatynina", "mg/dl", 0.5, 1.1, 2)], None),
    ("Witamina D 25(OH)", [("Witamina D", "ng/ml", 30, 50, 1)], None),
    ("PSA całkowite", [("PSA", "ng/ml", 0, 4, 2)], "M"),
    ("Beta-hCG", [("Beta-hCG", "mIU/ml", 0, 5, 1)], "F"),
    ("Anty-HIV Ag/Ab", [("HIV Ag/Ab", "", None, None, 0)], None),
]


def make(rng, out_dir):
    c = Case("case4_pl_lab_batches",
             "Polish medical laboratory network: stolen data published in three batches (batch1..batch3), lab results "
             "2017-2023 with names, dates of birth, addresses and PESEL numbers.", rng)
    published = {"batch1": "2023-11-03", "batch2": "2023-11-17", "batch3": "2023-12-08"}
    nip = nip_make(rng)
    nip_f = f"{nip[:3]}-{nip[3:6]}-{nip[6:8]}-{nip[8:]}"
    used = set()

    def new_person(ua=False, same_as=None):
        sex = same_as.sex if same_as else rng.choice("MF")
        if same_as:
            first, last = same_as.first, same_as.last
        elif ua:
            first, last = c.unique_name(lambda: (rng.choice(UA_M if sex == "M" else UA_F), rng.choice(UA_L)))
        else:
            first, last = c.unique_name(lambda: (rng.choice(PL_M if sex == "M" else PL_F), rng.choice(PL_L)[0 if sex == "M" else 1]))
        dob = rand_date(rng, 1935, 2015)
        p = Person(c, first, last, sex, dob, "uk" if ua else "pl")
        p.control(LAB)
        if ua:
            p.pesel = None
            p.passport = f"{rng.choice(['FH', 'FE', 'EK'])}{rng.randint(100000, 999999)}"
        else:
            while True:
                p.pesel = pl_pesel(dob, sex, rng)
                if p.pesel not in used:
                    used.add(p.pesel)
                    break
        city, (a, b), area = rng.choice(CITIES)
        num = f"{rng.randint(1, 120)}" + (f"/{rng.randint(1, 60)}" if rng.random() < 0.6 else "")
        p.addr = {"street": f"{rng.choice(STREETS)} {num}", "zip": f"{rng.randint(a, b):02d}-{rng.randint(0, 999):03d}", "city": city}
        p.area = area
        p.addr_known = rng.random() < 0.9
        p.phone = (pl_mobile(rng) if rng.random() < 0.85 else pl_landline(rng, area)) if rng.random() < 0.6 else None
        p.email = email_for(rng, first, last, ["example.pl", "poczta.example.pl", "example.com", "mail.test"]) if rng.random() < 0.45 else None
        p.iban = pl_iban(rng) if rng.random() < 0.15 else None
        return p

    persons = [new_person() for _ in range(rng.randint(230, 260))]
    for a in rng.sample(persons, 3):
        b = new_person(same_as=a)
        a.note(lambda b=b: f"namesake of {b.tid} (different PESEL, a different person)")
        b.note(lambda a=a: f"namesake of {a.tid} (different PESEL, a different person)")
        persons.append(b)
    for _ in range(rng.randint(8, 12)):
        p = new_person(ua=True)
        p.note("no PESEL (foreign patient, passport number only)")
        persons.append(p)
    patterns = [((1,), 20), ((2,), 15), ((3,), 15), ((1, 2), 15), ((1, 3), 10), ((2, 3), 12), ((1, 2, 3), 13)]
    for p in persons:
        p.in_batches = rng.choices([x[0] for x in patterns], [x[1] for x in patterns])[0]
        p.tests = []

    def pesel_raw(p):
        return p.pesel if rng.random() < 0.93 else f"{p.pesel[:6]} {p.pesel[6:]}"

    def phone_raw(p, styles=None):
        return fmt_phone(p.phone, rng.choice(styles or ["local", "local_space", "intl_space", "e164", "plain_cc", "00"]), "48")

    def addr_line(p):
        return f"{p.addr['street']}, {p.addr['zip']} {p.addr['city']}"

    def results(p, safe=False):
        t = rng.choice([x for x in TESTS if x[2] in (None, p.sex)])
        out = []
        for an, unit, lo, hi, dec in t[1]:
            if lo is None:
                v = "niereaktywny" if rng.random() < 0.97 else "reaktywny"
                out.append((an, v, "", "niereaktywny"))
                continue
            v = rng.uniform(lo * 0.8, hi * 1.3 if hi else 1)
            vs = f"{v:.{dec}f}".replace(".", ",")
            u = unit.replace("µ", "u") if safe else unit
            out.append((an, vs, u, f"{lo} - {hi}".replace(".", ",")))
        return t[0], out

    def order_no(rel_dir, field_note):
        if rng.random() < 0.06:
            v = pl_pesel(rand_date(rng, 1950, 2010), rng.choice("MF"), rng)
            return v, True
        return f"{rng.randint(10 ** 9, 10 ** 10 - 1)}", False

    # ------------------------------------------------------------------ writers
    def result_sheet(p, rel_dir, year, enc):
        ono, deliberate = order_no(rel_dir, "")
        rel = f"{rel_dir}/{ono}.txt"
        if deliberate:
            c.decoy("order_number_valid_pesel_shape", ono, rel, "Nr zlecenia", "order number that passes the PESEL check")
        else:
            c.maybe_decoy_number(ono, rel, "Nr zlecenia", "order_number")
        d = rand_date(rng, year, year)
        tname, res = results(p, safe=(enc == "iso-8859-2"))
        style = rng.randint(0, 2)
        nm = [f"{p.last.upper()} {p.first.upper()}", f"{p.last} {p.first}", f"{p.first} {p.last}"][style]
        doc, auth = rng.sample(STAFF, 2)
        L = [LAB, f"Punkt pobrań: {p.addr['city']}   NIP {nip_f}", "", "SPRAWOZDANIE Z BADAŃ LABORATORYJNYCH", "",
             f"Nr zlecenia: {ono}        Data pobrania: {d:%d.%m.%Y} {rng.randint(7, 11):02d}:{rng.randint(0, 59):02d}",
             f"Pacjent: {p.named(nm, rel, 'Pacjent')}"]
        if p.pesel:
            L.append(f"PESEL: {p.ident('pl_pesel', p.pesel, rel, 'PESEL', pesel_raw(p))}")
        else:
            L.append(f"PESEL: brak   Nr paszportu: {p.passport}")
        if rng.random() < 0.5 or not p.pesel:
            L.append(f"Data urodzenia: {p.dob:%d.%m.%Y}     Płeć: {'M' if p.sex == 'M' else 'K'}")
            p.expose("date_of_birth", rel, "Data urodzenia")
        if p.addr_known and rng.random() < 0.5:
            L.append(f"Adres: {addr_line(p)}")
            p.expose("postal_address", rel, "Adres")
        L += [f"Zlecający: lek. {doc}", "", f"Badanie: {tname}", f"{'Parametr':<24}{'Wynik':>12}  {'Jednostka':<10}  Zakres ref."]
        for an, v, u, ref in res:
            L.append(f"{an:<24}{v:>12}  {u:<10}  {ref}")
        p.expose("lab_result", rel, "Parametr/Wynik")
        L += ["", f"Autoryzował: diagn. lab. {auth}", ""]
        c.decoy("staff_name", doc, rel, "Zlecający", "ordering physician")
        c.decoy("staff_name", auth, rel, "Autoryzował", "lab diagnostician")
        c.decoy("company_nip", nip_f, rel, "NIP", "the laboratory's tax number")
        c.write(rel, "\n".join(L), enc=enc, newline="\r\n" if enc != "utf-8" else "\n")

    # ------------------------------------------------------------------ batch 1 (2017-2019)
    c.batch = "batch1"
    b = [p for p in persons if 1 in p.in_batches]
    kinds = {p: set(rng.sample(["reg", "sheet", "pipe"], rng.choice([1, 1, 2]))) for p in b}
    for p in b:
        if not p.pesel:
            kinds[p] = {"reg"}
    for city in sorted({p.addr["city"] for p in b}):
        lst = [p for p in b if "reg" in kinds[p] and p.addr["city"] == city]
        if not lst:
            continue
        slug = ascii_fold(city).lower()
        rel = f"batch1/eksport/pacjenci_{slug}_2018.csv"
        rows = [[f"{LAB} - eksport pacjentów"], [f"Oddział: {city}", "Data: 2019-12-31"],
                ["Nazwisko", "Imię", "PESEL", "Data ur.", "Ulica", "Kod", "Miejscowość", "Nr tel."]]
        for p in lst:
            r = [p.last, p.first, "", "", "", "", "", ""]
            p.named(f"{p.first} {p.last}", rel, "Nazwisko+Imię")
            if p.pesel:
                r[2] = p.ident("pl_pesel", p.pesel, rel, "PESEL", p.pesel)
            if p.pesel is None or rng.random() < 0.8:
                r[3] = f"{p.dob:%d.%m.%Y}"
                p.expose("date_of_birth", rel, "Data ur.")
            if p.addr_known:
                r[4], r[5], r[6] = p.addr["street"], p.addr["zip"], p.addr["city"]
                p.expose("postal_address", rel, "Ulica+Kod+Miejscowość")
            if p.phone and rng.random() < 0.7:
                r[7] = p.ident("phone", p.phone, rel, "Nr tel.", phone_raw(p, ["local", "local_space"]))
            rows.append(r)
        c.write(rel, csv_text(rows, ";"), enc="windows-1250")
    for p in b:
        if "sheet" in kinds[p]:
            result_sheet(p, "batch1/wyniki", rng.choice([2017, 2018, 2019]), rng.choice(["windows-1250", "utf-8"]))
    rel = "batch1/rejestracja_2019.txt"
    L = []
    for p in b:
        if "pipe" not in kinds[p]:
            continue
        cells = [p.ident("pl_pesel", p.pesel, rel, "col1 (no header)", p.pesel), p.last.upper(), p.first.upper(), f"{p.dob:%Y-%m-%d}"]
        p.named(f"{p.last.upper()} {p.first.upper()}", rel, "col2+col3 (no header)")
        p.expose("date_of_birth", rel, "col4 (no header)")
        cells.append(p.ident("phone", p.phone, rel, "col5 (no header)", phone_raw(p)) if p.phone and rng.random() < 0.8 else "")
        cells.append(p.ident("email", p.email, rel, "col6 (no header)", email_raw(rng, p.email)) if p.email and rng.random() < 0.5 else "")
        if p.addr_known and rng.random() < 0.6:
            cells.append(addr_line(p))
            p.expose("postal_address", rel, "col7 (no header)")
        else:
            cells.append("")
        L.append("|".join(cells))
    if L:
        c.write(rel, "\r\n".join(L) + "\r\n", enc="windows-1250")

    # ------------------------------------------------------------------ batch 2 (2020-2021)
    c.batch = "batch2"
    b = [p for p in persons if 2 in p.in_batches]
    kinds = {p: set(rng.sample(["json", "tsv", "sheet"], rng.choice([1, 1, 2]))) for p in b}
    for p in b:
        if not p.pesel:
            kinds[p] = {"json"}
    rel = "batch2/zlecenia_2021.json"
    arr = []
    for p in b:
        if "json" not in kinds[p]:
            continue
        pac = {"imie": p.first, "nazwisko": p.last, "pesel": None, "dataUrodzenia": f"{p.dob:%Y-%m-%d}", "adres": None,
               "kontakt": {"telefon": None, "email": None}}
        p.named(f"{p.first} {p.last}", rel, "[].pacjent.imie+nazwisko")
        p.expose("date_of_birth", rel, "[].pacjent.dataUrodzenia")
        if p.pesel:
            pac["pesel"] = p.ident("pl_pesel", p.pesel, rel, "[].pacjent.pesel", p.pesel)
        else:
            pac["paszport"] = p.passport
        if p.addr_known and rng.random() < 0.7:
            pac["adres"] = {"ulica": p.addr["street"], "kod": p.addr["zip"], "miasto": p.addr["city"]}
            p.expose("postal_address", rel, "[].pacjent.adres")
        if p.phone and rng.random() < 0.7:
            pac["kontakt"]["telefon"] = p.ident("phone", p.phone, rel, "[].pacjent.kontakt.telefon", phone_raw(p))
        if p.email and rng.random() < 0.6:
            pac["kontakt"]["email"] = p.ident("email", p.email, rel, "[].pacjent.kontakt.email", email_raw(rng, p.email))
        tname, res = results(p)
        arr.append({"zlecenie": f"Z/{rng.randint(2020, 2021)}/{rng.randint(10000, 99999)}", "pacjent": pac,
                    "badania": [{"kod": tname[:4].upper(), "nazwa": an, "wynik": v, "jednostka": u, "norma": ref} for an, v, u, ref in res]})
        p.expose("lab_result", rel, "[].badania[].wynik")
    c.write(rel, jdump(arr, 2))
    rel = "batch2/wyniki_2020.tsv"
    rows = [["pesel", "nazwisko_imie", "badanie", "wynik", "jedn", "data_pobrania"]]
    for p in b:
        if "tsv" not in kinds[p]:
            continue
        tname, res = results(p)
        for an, v, u, ref in res:
            rows.append([p.pesel, f"{p.last} {p.first}", an, v, u, f"{rand_date(rng, 2020, 2020):%Y-%m-%d}"])
        p.ident("pl_pesel", p.pesel, rel, "pesel", p.pesel)
        p.named(f"{p.last} {p.first}", rel, "nazwisko_imie")
        p.expose("lab_result", rel, "badanie/wynik")
    c.write(rel, csv_text(rows, "\t", lt="\n"))
    for p in b:
        if "sheet" in kinds[p]:
            result_sheet(p, "batch2/wyniki", rng.choice([2020, 2021]), rng.choice(["windows-1250", "utf-8", "utf-8"]))

    # ------------------------------------------------------------------ batch 3 (2022-2023)
    c.batch = "batch3"
    b = [p for p in persons if 3 in p.in_batches]
    kinds = {p: set(rng.sample(["ndjson", "sheet", "mail", "refund"], rng.choice([1, 2, 2]))) for p in b}
    for p in b:
        if not p.pesel:
            kinds[p] = {"ndjson"}
        if p.iban and p.pesel and rng.random() < 0.6:
            kinds[p].add("refund")
        if "refund" in kinds[p] and not (p.iban and p.pesel):
            kinds[p].discard("refund")
            kinds[p].add("ndjson")
        if "mail" in kinds[p] and not p.email:
            kinds[p].discard("mail")
            kinds[p].add("sheet")
    rel = "batch3/pacjenci_2023.ndjson"
    L = []
    for p in b:
        if "ndjson" not in kinds[p]:
            continue
        o = {"id": rng.randint(10 ** 6, 10 ** 7), "pacjent": p.named(f"{p.last.upper()} {p.first.upper()}", rel, "pacjent"),
             "pesel": p.ident("pl_pesel", p.pesel, rel, "pesel", pesel_raw(p)) if p.pesel else None,
             "data_urodzenia": f"{p.dob:%Y-%m-%d}"}
        p.expose("date_of_birth", rel, "data_urodzenia")
        if not p.pesel:
            o["dokument"] = f"paszport {p.passport}"
        if p.phone and rng.random() < 0.75:
            o["telefon"] = p.ident("phone", p.phone, rel, "telefon", phone_raw(p))
        if p.email and rng.random() < 0.75:
            o["email"] = p.ident("email", p.email, rel, "email", email_raw(rng, p.email, caps=0.1, pad=0.05))
        if p.addr_known and rng.random() < 0.4:
            o["adres"] = addr_line(p)
            p.expose("postal_address", rel, "adres")
        if rng.random() < 0.7:
            tname, res = results(p)
            o["wyniki"] = [{"parametr": an, "wynik": v, "jednostka": u} for an, v, u, ref in res]
            p.expose("lab_result", rel, "wyniki[].wynik")
        L.append(jdump(o))
    c.write(rel, "\n".join(L) + "\n")
    for p in b:
        if "sheet" in kinds[p]:
            result_sheet(p, "batch3/wyniki", rng.choice([2022, 2023]), rng.choice(["iso-8859-2", "utf-8", "utf-8"]))
    rel = "batch3/Raport_e-wyniki.csv"
    rows = [["EMAIL", "PACJENT", "PESEL", "DATA_WYSYLKI", "STATUS"]]
    for p in b:
        if "mail" in kinds[p]:
            rows.append([p.ident("email", p.email, rel, "EMAIL", email_raw(rng, p.email, caps=0.2)),
                         p.named(f"{p.first} {p.last}", rel, "PACJENT"), p.ident("pl_pesel", p.pesel, rel, "PESEL", p.pesel),
                         f"{rand_date(rng, 2022, 2023):%Y-%m-%d}",
                         rng.choice(["WYSŁANO", "DOSTARCZONO", "BŁĄD"])])
    c.write(rel, csv_text(rows, ";", quoting=csv.QUOTE_ALL))
    rel = "batch3/zwroty_platnosci.csv"
    rows = [["Data", "Imię i nazwisko", "PESEL", "Kwota", "Nr rachunku", "Uwagi"]]
    for p in b:
        if "refund" in kinds[p]:
            ib = p.iban if rng.random() < 0.4 else " ".join([p.iban[:4]] + [p.iban[i:i + 4] for i in range(4, len(p.iban), 4)])
            if rng.random() < 0.3:
                ib = p.iban[2:]           # the way Polish forms often write it: 26 digits without "PL"
                ib = f"{ib[:2]} {ib[2:6]} {ib[6:10]} {ib[10:14]} {ib[14:18]} {ib[18:22]} {ib[22:]}"
            rows.append([f"{rand_date(rng, 2022, 2023):%d.%m.%Y}", p.named(f"{p.first} {p.last}", rel, "Imię i nazwisko"),
                         p.ident("pl_pesel", p.pesel, rel, "PESEL", p.pesel), f"{rng.randint(20, 300)},00 zł",
                         p.ident("iban", p.iban, rel, "Nr rachunku", ib),
                         rng.choice(["Zwrot za niewykonane badanie", "Podwójna płatność\nzwrot na konto klienta", "Reklamacja"])])
    c.write(rel, csv_text(rows, ","), bom=True)
    c.batch = None

    # ------------------------------------------------------------------ batch truth
    for p in persons:
        p.optional("health_data", "lab results are health data; counted as lab_result")
    order = ["batch1", "batch2", "batch3"]
    seen = {}
    btruth = {}
    for bn in order:
        new, known, unchanged = [], {}, []
        for p in persons:
            els = p.bel.get(bn)
            if not els:
                continue
            if id(p) not in seen:
                new.append(p)
                seen[id(p)] = set(els)
                continue
            before = seen[id(p)]
            derivable = {"date_of_birth"} if "national_id" in before else set()
            add = set(els) - before - derivable
            if add:
                known[p] = sorted(add)
            else:
                unchanged.append(p)
            seen[id(p)] |= set(els)
        btruth[bn] = (new, known, unchanged, len(seen))
    for p in persons:
        if not any(p.bel.values()):
            raise AssertionError(p.name)
    truth = c.finalize(out_dir, {"batch_published": published}, person_extra=lambda p: {"batches": {k: sorted(v) for k, v in sorted(p.bel.items())}})
    truth["batches"] = {bn: {"new": [p.tid for p in v[0]], "known_with_new_elements": {p.tid: e for p, e in v[1].items()},
                             "unchanged": [p.tid for p in v[2]], "cumulative": v[3]} for bn, v in btruth.items()}
    truth["batch_rule"] = ("an element is new in a batch when the person had it in no earlier batch; date_of_birth is not new "
                           "when a PESEL was already exposed earlier (it is derivable from it)")
    with open(os.path.join(out_dir, c.key, "truth.json"), "w", encoding="utf-8") as fh:
        json.dump(truth, fh, ensure_ascii=False, indent=1)
    return truth
