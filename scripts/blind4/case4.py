"""Case 4 — medical laboratory network published in batches (Poland, ALAB-like)."""
import io
import json
import zipfile

import idcodes
import names as N
from common import Case
from util import rdate, rdt, csv_text, email_for, sql_str

DOMAINS = ["example.com", "example.net", "example.org", "poczta.test", "wp.test"]
CITIES = [("Warszawa", "00-{:03d}", "02-{:03d}"), ("Kraków", "30-{:03d}", "31-{:03d}"), ("Łódź", "90-{:03d}", "91-{:03d}"),
          ("Wrocław", "50-{:03d}", "53-{:03d}"), ("Poznań", "60-{:03d}", "61-{:03d}"), ("Gdańsk", "80-{:03d}", "80-{:03d}"),
          ("Lublin", "20-{:03d}", "20-{:03d}"), ("Białystok", "15-{:03d}", "15-{:03d}")]
STREETS = ["ul. Lipowa", "ul. Słoneczna", "ul. Kościuszki", "ul. Mickiewicza", "ul. Polna", "al. Jerozolimskie", "ul. Źródlana",
           "ul. Żeromskiego", "os. Piastów", "ul. Długa"]
TESTS = [("Glukoza", "mg/dl", (70, 99), (60, 180)), ("TSH", "µIU/ml", (0.27, 4.2), (0.05, 9.0)), ("Cholesterol całkowity", "mg/dl", (0, 190), (140, 290)),
         ("CRP", "mg/l", (0, 5), (0.2, 60)), ("HbA1c", "%", (4.0, 5.6), (4.5, 9.5)), ("Kreatynina", "mg/dl", (0.5, 1.1), (0.4, 2.2)),
         ("Hemoglobina (HGB)", "g/dl", (12, 16), (9, 17.5)), ("Leukocyty (WBC)", "tys/µl", (4, 10), (2.5, 15)), ("Witamina D3 (25-OH)", "ng/ml", (30, 50), (8, 70)),
         ("PSA całkowity", "ng/ml", (0, 4), (0.2, 9)), ("Anty-HCV", "", None, None), ("HIV Ag/Ab (combo)", "", None, None), ("Beta-hCG", "mIU/ml", (0, 5), (0, 30000))]
BATCHES = ["batch1", "batch2", "batch3"]
PUBLISHED = {"batch1": "2023-11-14", "batch2": "2023-11-21", "batch3": "2023-12-05"}


def pl_phone_raw(rng, e164):
    n = e164[3:]
    return rng.choice([f"+48 {n[:3]} {n[3:6]} {n[6:]}", f"{n[:3]}-{n[3:6]}-{n[6:]}", n, f"0048{n}", f"(+48) {n[:3]} {n[3:6]} {n[6:]}", f"{n[:3]} {n[3:6]} {n[6:]}"])


def pwz(rng):
    while True:
        d = [rng.randint(0, 9) for _ in range(6)]
        k = sum((i + 1) * x for i, x in enumerate(d)) % 11
        if 1 <= k <= 9:
            return str(k) + "".join(map(str, d))


def build(rng):
    c = Case("case4_lab_batches", rng)
    persons = []
    docs = [(f"{g} {rng.choice(N.PL_S)[0 if g in N.PL_M else 1]}", pwz(rng)) for g in rng.sample(N.PL_M + N.PL_F, 12)]
    for i in range(820):
        male = rng.random() < 0.45
        for _ in range(1000):
            g = rng.choice(N.PL_M if male else N.PL_F)
            s = rng.choice(N.PL_S)[0 if male else 1]
            if f"{g} {s}" not in c.used["name"] or rng.random() < 0.02:
                break
        c.used["name"].add(f"{g} {s}")
        p = c.person(f"{g} {s}")
        p["given"], p["sur"], p["male"], p["lang"] = g, s, male, "pl"
        p["dob"] = rdate(rng, 2004, 2021) if rng.random() < 0.08 else rdate(rng, 1935, 2003)
        foreign = rng.random() < 0.035
        if foreign:
            p["pesel"] = None
            p["passport"] = f"{rng.choice(['FX', 'EP', 'AB'])}{rng.randrange(10**7):07d}"
            p.note = "foreigner without PESEL: name + date of birth (+ passport no.)"
            c.used["name"].add(f"{g} {s}!")   # keep foreign names unique
        else:
            p["pesel"] = c.unique("nid", lambda: idcodes.pl_pesel(p["dob"], male, rng.randrange(5000)))
        city, z1, z2 = rng.choice(CITIES)
        p["addr"] = (f"{rng.choice(STREETS)} {rng.randint(1, 150)}" + (f"/{rng.randint(1, 60)}" if rng.random() < 0.6 else ""),
                     rng.choice([z1, z2]).format(rng.randint(1, 999)), city)
        p["phone"] = c.unique("phone", lambda: "+48" + rng.choice(["50", "51", "53", "57", "60", "66", "69", "72", "78", "79", "88"]) + f"{rng.randrange(10**7):07d}") \
            if rng.random() < 0.55 else None
        p["email"] = c.unique("email", lambda: email_for(rng, g, s, DOMAINS)) if rng.random() < 0.35 else None
        first = rng.choices([0, 1, 2], [45, 35, 20])[0]
        p["apps"] = [first] + [b for b in range(first + 1, 3) if rng.random() < 0.35]
        persons.append(p)
    # make foreigners' names unique against everyone
    names_seen = {}
    for p in persons:
        names_seen.setdefault(p.name, []).append(p)
    for p in persons:
        if p["pesel"] is None and len(names_seen[p.name]) > 1:
            p["sur"] = p["sur"] + "-" + rng.choice(["Novák", "Horvat", "Petrenko", "Müller"])
            p.name = f"{p['given']} {p['sur']}"

    def result_doc(p, b, rel_prefix, store):
        dt = rdt(rng, rng.randint(2017, 2023), 1, 2, 330)
        order = f"{dt:%y%m%d}{rng.randrange(10**5):05d}"
        punkt = f"P-{rng.randint(1, 400):04d}"
        rel = f"{BATCHES[b]}/{rel_prefix}/{dt.year}/{punkt}/{order}.txt"
        nm = rng.choice([f"{p['sur'].upper()} {p['given'].upper()}", f"{p['sur']} {p['given']}", f"{p['given']} {p['sur']}"])
        doc, dpwz = rng.choice(docs)
        sample = None
        while sample is None or idcodes.any_nid_valid(sample):
            sample = f"{rng.randint(1, 9)}{rng.randrange(10**10):010d}"
        L = ["ALAB-SIM Laboratoria Sp. z o.o.                        ul. Testowa 1, 00-001 Warszawa",
             f"Punkt pobrań: {punkt}", "", f"SPRAWOZDANIE Z BADAŃ LABORATORYJNYCH nr {order}", "",
             f"Pacjent: {nm:<36}" + (f"PESEL: {p['pesel']}" if p["pesel"] else f"PESEL: brak   Paszport: {p['passport']}")]
        c.name(p, rel, "Pacjent", nm)
        if p["pesel"]:
            c.ident(p, rel, "PESEL", "pl_pesel", p["pesel"], p["pesel"])
            c.el(p, rel, "PESEL", "date_of_birth", optional=True)
        if rng.random() < 0.6 or not p["pesel"]:
            L.append(f"Data urodzenia: {p['dob']:%d.%m.%Y}        Płeć: {'M' if p['male'] else 'K'}")
            c.el(p, rel, "Data urodzenia", "date_of_birth")
        if rng.random() < 0.4 + 0.3 * b:
            L.append(f"Adres: {p['addr'][0]}, {p['addr'][1]} {p['addr'][2]}")
            c.el(p, rel, "Adres", "postal_address")
        if p["phone"] and rng.random() < 0.15 * (b + 1):
            raw = pl_phone_raw(rng, p["phone"])
            L.append(f"Tel.: {raw}")
            c.ident(p, rel, "Tel.", "phone", p["phone"], raw)
        L += [f"Lekarz kierujący: lek. {doc} (PWZ {dpwz})", f"Nr próbki: {sample}",
              f"Data pobrania: {dt:%Y-%m-%d %H:%M}    Data wydania: {dt:%Y-%m-%d} {min(dt.hour + 6, 22):02d}:15", "",
              f"{'Badanie':<28}{'Wynik':>10}  {'Jedn.':<8}{'Zakres ref.':<14}"]
        c.decoy(dpwz, "physician_pwz", rel, "Lekarz kierujący")
        c.decoy(order, "order_number_date_shaped", rel, "nr (and file name)")
        c.decoy(sample, "sample_no_bad_checksum", rel, "Nr próbki")
        for tn, unit, ref, rngv in rng.sample(TESTS, rng.randint(1, 4)):
            if ref is None:
                val, rtxt = rng.choice(["niereaktywny", "niereaktywny", "reaktywny"]), "niereaktywny"
            else:
                val = f"{rng.uniform(*rngv):.2f}".replace(".", ",")
                rtxt = f"{ref[0]} - {ref[1]}".replace(".", ",")
            L.append(f"{tn:<28}{val:>10}  {unit:<8}{rtxt:<14}")
        c.el(p, rel, "Badanie/Wynik", "lab_result")
        c.el(p, rel, "Badanie/Wynik", "health_data", optional=True)
        L += ["", "Wynik autoryzował: mgr analityki med. (diagnosta laboratoryjny, nr 00000)", ""]
        store[rel] = "\n".join(L)
        return rel

    # ---------------------------------------------------------------- per batch
    for bi, b in enumerate(BATCHES):
        inb = [p for p in persons if bi in p["apps"]]
        store = {}
        for p in inb:
            for _ in range(rng.randint(1, 2)):
                result_doc(p, bi, "wyniki", store)
        if bi == 0:
            # CSV export in Windows-1250 with Polish headers
            rel = f"{b}/eksport/zlecenia_2023-10.csv"
            rows = [["Nr zlecenia", "Data rejestracji", "Nazwisko", "Imię", "PESEL", "Data ur.", "Płeć", "Ulica", "Kod pocztowy",
                     "Miejscowość", "Telefon", "Zlecone badania", "Punkt pobrań"]]
            for p in rng.sample(inb, int(len(inb) * 0.5)):
                ph = pl_phone_raw(rng, p["phone"]) if p["phone"] and rng.random() < 0.5 else ""
                rows.append([f"Z{rng.randrange(10**8):08d}", rdt(rng, 2023, 10, 1, 30).strftime("%Y-%m-%d"), p["sur"], p["given"],
                             p["pesel"] or "", p["dob"].strftime("%Y-%m-%d"), "M" if p["male"] else "K", p["addr"][0], p["addr"][1],
                             p["addr"][2], ph, "; ".join(t[0] for t in rng.sample(TESTS, 2)), f"P-{rng.randint(1, 400):04d}"])
                c.name(p, rel, "Nazwisko", p["sur"], variant=False)
                if p["pesel"]:
                    c.ident(p, rel, "PESEL", "pl_pesel", p["pesel"], p["pesel"])
                c.el(p, rel, "Data ur.", "date_of_birth")
                c.el(p, rel, "Ulica", "postal_address")
                c.el(p, rel, "Zlecone badania", "health_data", optional=True)
                c.el(p, rel, "Zlecone badania", "lab_result", optional=True)
                if ph:
                    c.ident(p, rel, "Telefon", "phone", p["phone"], ph)
            c.add_file(rel, csv_text(rows, ";"), "cp1250")
        if bi == 1:
            # paginated JSON from the patient portal API, nested contact objects
            sel = rng.sample(inb, int(len(inb) * 0.6))
            for pg in range(0, len(sel), 100):
                rel = f"{b}/api/portal_pacjenci_page{pg // 100 + 1}.json"
                items = []
                for p in sel[pg:pg + 100]:
                    kont = {}
                    if p["phone"]:
                        kont["telefon"] = pl_phone_raw(rng, p["phone"])
                        c.ident(p, rel, "kontakt.telefon", "phone", p["phone"], kont["telefon"])
                    if p["email"]:
                        kont["email"] = p["email"] if rng.random() < 0.8 else p["email"].upper()
                        c.ident(p, rel, "kontakt.email", "email", p["email"], kont["email"])
                    it = {"id": rng.randrange(10**7), "pacjent": {"imie": p["given"], "nazwisko": p["sur"], "pesel": p["pesel"],
                                                                   "dataUrodzenia": p["dob"].isoformat()},
                          "kontakt": kont, "adres": {"ulica": p["addr"][0], "kod": p["addr"][1], "miasto": p["addr"][2]},
                          "zgodaMarketing": rng.random() < 0.3, "ostatnieLogowanie": rdt(rng, 2023, 9, 1, 60).isoformat()}
                    c.name(p, rel, "pacjent.nazwisko", p["sur"], variant=False)
                    if p["pesel"]:
                        c.ident(p, rel, "pacjent.pesel", "pl_pesel", p["pesel"], p["pesel"])
                    c.el(p, rel, "pacjent.dataUrodzenia", "date_of_birth")
                    c.el(p, rel, "adres", "postal_address")
                    items.append(it)
                c.add_file(rel, json.dumps({"page": pg // 100 + 1, "pageSize": 100, "items": items}, ensure_ascii=False, indent=1))
        if bi == 2:
            # SQL INSERTs from the LIS, one statement per row
            rel = f"{b}/sql/lis_pacjent.sql"
            L = ["-- LIS export", "SET NAMES utf8mb4;", "",
                 "INSERT INTO pacjent (id, nazwisko, imie, pesel, telefon, email, data_ur) VALUES"]
            sel = rng.sample(inb, int(len(inb) * 0.5))
            vals = []
            for p in sel:
                vals.append("(" + ", ".join(sql_str(v) for v in [rng.randrange(10**6), p["sur"], p["given"], p["pesel"],
                                                                 p["phone"], p["email"], p["dob"].isoformat()]) + ")")
                c.name(p, rel, "nazwisko", p["sur"], variant=False)
                if p["pesel"]:
                    c.ident(p, rel, "pesel", "pl_pesel", p["pesel"], p["pesel"])
                if p["phone"]:
                    c.ident(p, rel, "telefon", "phone", p["phone"], p["phone"])
                if p["email"]:
                    c.ident(p, rel, "email", "email", p["email"], p["email"])
                c.el(p, rel, "data_ur", "date_of_birth")
            L.append(",\n".join(vals) + ";")
            c.add_file(rel, "\n".join(L) + "\n")
            # re-posted documents from batch 1 (same content, new path) + a ZIP of part of this batch's results
            old = [r for r in c.files if r.startswith("batch1/wyniki/")]
            for r in rng.sample(old, 40):
                nr = "batch3/repost/" + r.split("/", 2)[2]
                c.add_file(nr, c.files[r][0].decode("utf-8"))
                c.copy_doc(r, nr)
            zrel = f"{b}/paczka_wyniki_czesc3.zip"
            zitems = sorted(store.items())[: len(store) // 2]
            buf = io.BytesIO()
            with zipfile.ZipFile(buf, "w", zipfile.ZIP_DEFLATED) as z:
                for r, txt in zitems:
                    zi = zipfile.ZipInfo(r.split("/", 1)[1], date_time=(2023, 12, 1, 0, 0, 0))
                    zi.compress_type = zipfile.ZIP_DEFLATED
                    z.writestr(zi, txt.encode("utf-8"))
            member_names = {r: f"{zrel}!/{r.split('/', 1)[1]}" for r, _ in zitems}
            c.add_bytes(zrel, buf.getvalue(), "binary")
            for r, txt in zitems:
                del store[r]
                c.virtual[member_names[r]] = txt
                c.move_doc(r, member_names[r])
        for r, txt in store.items():
            c.add_file(r, txt)
    c.persons[:] = [p for p in persons if p.elements]
    c.compute_batches(BATCHES, PUBLISHED)
    return c
