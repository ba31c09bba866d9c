#!/usr/bin/env python3
"""Writes five small synthetic leaks shaped like the real cases of shared/docs/cases.md, each with
its ground truth, for the end-to-end tests in Tests/breachscopeTests/CaseScanTests.swift.

    OUT_DIR/<case>/leak/...                 the leaked files (alab: leak/batch1, leak/batch2)
    OUT_DIR/<case>/expected.json            {"persons": N, "elements": {element: persons}, ...}
    OUT_DIR/<case>/expected_persons.jsonl   one true person a line: its identifiers
                                            [[type, value], ...] (national IDs, e-mails lower-cased,
                                            phones E.164), its elements, and (alab) its batches

Issue #4 scope truth (see the section "Issue #4 ground truth" below; checked by
Tests/breachscopeTests/CaseScopeTests.swift):
    OUT_DIR/<case>/expected_scope.json          controllers / batch diff and timeline / not exposed /
                                                weak-identity candidates, per case
    OUT_DIR/<case>/expected_scope_persons.jsonl (westlog, asper) true persons of the scope leak and
                                                their controllers
    OUT_DIR/{westlog,asper}/scope/leak, scope/controllers.yaml, scope/registers/   own leaks + rules
    OUT_DIR/allium/weak/                        a second folder scanned after allium/leak

Cases: allium (pharmacy loyalty, et/ru/en), asper (genetic lab, et), westlog (Finnish home
deliveries, fi/sv), alab (Polish lab, pl, two batches), pps (US mail-order pharmacy, en).
Every person is fictitious, every national ID has a valid checksum (decoys aside, which are
planted on purpose and never counted). Deterministic: one fixed seed per case.
Counts come from the generator's own bookkeeping (`Truth.expose`), never from BreachScope.

Special categories are part of the truth where the data shows them: genetic reports (genetic_data),
lab results (lab_result), diabetes and incontinence supplies (health_data; purchases and deliveries
of them).

Usage: python3 scripts/make-cases.py OUT_DIR
"""
import json
import os
import random
import sys

sys.path.insert(0, os.path.dirname(__file__))
import synthetic as S  # noqa: E402


class Truth:
    """Ground truth of one case: persons (by key), their identifiers, elements and batches."""

    def __init__(self):
        self.persons = {}
        self.pending = {}

    def expose(self, key, ids=(), elements=(), batch=None, pending=()):
        p = self.persons.setdefault(key, {"ids": set(), "elements": set(), "batches": set(), "by_batch": {}})
        p["ids"].update(ids)
        p["elements"].update(elements)
        if batch:
            p["batches"].add(batch)
            p["by_batch"].setdefault(batch, set()).update(elements)
        # Special categories inferred from the content (genetic reports, lab results, products):
        # counted like any element.
        p["elements"].update(pending)
        if batch:
            p["by_batch"][batch].update(pending)

    def counts(self, only_batches=None):
        per = {}
        n = 0
        for p in self.persons.values():
            els = p["elements"]
            if only_batches is not None:
                if not (p["batches"] & only_batches):
                    continue
                els = set().union(*(p["by_batch"].get(b, set()) for b in only_batches))
            n += 1
            for e in els:
                per[e] = per.get(e, 0) + 1
        return n, dict(sorted(per.items()))

    def write(self, case_dir, extra=None):
        n, per = self.counts()
        expected = {"persons": n, "elements": per}
        expected.update(extra or {})
        with open(os.path.join(case_dir, "expected.json"), "w") as f:
            json.dump(expected, f, indent=2, sort_keys=True)
            f.write("\n")
        with open(os.path.join(case_dir, "expected_persons.jsonl"), "w") as f:
            for key in sorted(self.persons):
                p = self.persons[key]
                f.write(json.dumps({"key": key, "identifiers": sorted([list(i) for i in p["ids"]]),
                                    "elements": sorted(p["elements"]), "batches": sorted(p["batches"])},
                                   ensure_ascii=False) + "\n")
        return expected


def unique(rng, make, seen):
    """A value from `make(rng)` not yet in `seen` (IDs, phones, e-mails must not collide by chance)."""
    while True:
        v = make(rng)
        k = v[0] if isinstance(v, tuple) else v
        if k not in seen:
            seen.add(k)
            return v


def bad_checksum(code):
    return code[:-1] + str((int(code[-1]) + 1) % 10)


def ee_valid(code):
    """Whether `code` passes the isikukood rules (century digit 1-6, a real date, check digit)."""
    if len(code) != 11 or not code.isdigit() or code[0] not in "123456":
        return False
    import datetime
    try:
        datetime.date(1800 + 100 * ((int(code[0]) - 1) // 2) + int(code[1:3]), int(code[3:5]), int(code[5:7]))
    except ValueError:
        return False
    w1 = [1, 2, 3, 4, 5, 6, 7, 8, 9, 1]
    w2 = [3, 4, 5, 6, 7, 8, 9, 1, 2, 3]
    s = sum(int(c) * w for c, w in zip(code[:10], w1)) % 11
    if s == 10:
        s = sum(int(c) * w for c, w in zip(code[:10], w2)) % 11 % 10
    return s == int(code[10])


def valid_isikukood_shaped(rng):
    """An 11-digit number that passes the isikukood checksum and date checks: a decoy when it
    stands under an order-number label."""
    return S.ee_isikukood(rng)[0]


def ee_phone_written(rng, n8):
    """An Estonian mobile number written the ways people write it."""
    forms = [f"+372 {n8[:4]} {n8[4:]}", n8, f"{n8[:4]} {n8[4:]}", f"+372{n8}",
             f"(+372) {n8[:4]} {n8[4:]}", f"00372 {n8}"]
    return rng.choice(forms)


def fi_phone_written(rng, n9):
    """A Finnish mobile number (9 digits after +358, starting 40/50) in several written forms."""
    forms = [f"0{n9[:2]}-{n9[2:5]} {n9[5:]}", f"+358 {n9[:2]} {n9[2:5]} {n9[5:]}", f"0{n9}",
             f"+358{n9}", f"0{n9[:2]} {n9[2:]}"]
    return rng.choice(forms)


# ---------------------------------------------------------------------------------------------
# 1. Allium: pharmacy loyalty customers (et/ru/en), purchases joined by the loyalty-card number.

def allium(out):
    rng = random.Random(1001)
    t = Truth()
    leak = os.path.join(out, "allium", "leak")
    os.makedirs(leak, exist_ok=True)
    seen = set()
    customers = []
    for i in range(300):
        lang = "ru" if i % 10 in (1, 4, 7) else ("en" if i % 10 == 9 else "et")
        names_lang = "ru" if lang == "ru" else ("en" if lang == "en" else "et")
        first, last = rng.choice(S.FIRST[names_lang]), rng.choice(S.LAST[names_lang])
        code = unique(rng, S.ee_isikukood, seen)[0]
        card = unique(rng, lambda r: "2" + "".join(str(r.randint(0, 9)) for _ in range(12)), seen)
        c = {"key": "ee:" + code, "code": code, "first": first, "last": last, "lang": lang, "card": card,
             "email": unique(rng, lambda r: S.email(r, first, last, rng.choice(["example.ee", "example.com"])), seen)
             if i % 8 != 5 else "",
             "phone": unique(rng, lambda r: "5" + "".join(str(r.randint(0, 9)) for _ in range(7)), seen)
             if i % 9 == 2 else "",
             "address": f"{rng.choice(S.STREETS['et'])} {rng.randint(1, 150)}-{rng.randint(1, 60)}, {rng.choice(S.CITIES['et'])}"
             if i % 6 == 0 else ""}
        customers.append(c)

    def expose_customer(c, with_phone=True):
        ids = [("ee_isikukood", c["code"])]
        els = ["national_id", "name", "loyalty_card"]
        if c["email"]:
            ids.append(("email", c["email"].lower()))
            els.append("email")
        if c["phone"] and with_phone:
            ids.append(("phone", "+372" + c["phone"]))
            els.append("phone")
        if c["address"]:
            els.append("postal_address")
        t.expose(c["key"], ids, els)

    # Estonian export: `;`, UTF-8 with BOM, CRLF; IDs with surrounding spaces, some e-mails in
    # capitals, phones in several forms, a joining date (decoy).
    with open(os.path.join(leak, "kliendid_et.csv"), "w", encoding="utf-8-sig", newline="") as f:
        f.write("Isikukood;Eesnimi;Perenimi;E-posti aadress;Mobiiltelefon;Elukoha aadress;Kliendikaardi nr;Keel;Liitumise kuupäev\r\n")
        for c in customers:
            if c["lang"] != "et":
                continue
            code = f" {c['code']} " if rng.random() < 0.15 else c["code"]
            mail = c["email"].upper() if rng.random() < 0.15 else c["email"]
            phone = ee_phone_written(rng, c["phone"]) if c["phone"] else ""
            addr = f'"{c["address"]}"' if c["address"] else ""
            f.write(";".join([code, c["first"], c["last"], mail, phone, addr, c["card"], "et",
                              f"20{rng.randint(10, 22)}-{rng.randint(1, 12):02d}-{rng.randint(1, 28):02d}"]) + "\r\n")
            expose_customer(c)

    # Russian-speaking customers: tab-separated, Russian headers, surname first.
    with open(os.path.join(leak, "клиенты_ru.tsv"), "w", encoding="utf-8", newline="") as f:
        f.write("Личный код\tФамилия\tИмя\tЭл. почта\tТелефон\tАдрес\tКарта клиента\tДата регистрации\n")
        for c in customers:
            if c["lang"] != "ru":
                continue
            mail = c["email"].upper() if rng.random() < 0.2 else c["email"]
            phone = ee_phone_written(rng, c["phone"]) if c["phone"] else ""
            f.write("\t".join([c["code"], c["last"], c["first"], mail, phone, c["address"], c["card"],
                               f"{rng.randint(1, 28):02d}.{rng.randint(1, 12):02d}.20{rng.randint(10, 22)}"]) + "\n")
            expose_customer(c)

    # English JSON document: the English-speaking customers, plus 25 Estonian ones again (a person
    # in two files) whose phone is only in this export.
    docs = []
    extra_phone = [c for c in customers if c["lang"] == "et" and not c["phone"]][:25]
    for c in extra_phone:
        c["phone2"] = unique(rng, lambda r: "5" + "".join(str(r.randint(0, 9)) for _ in range(7)), seen)
    for c in [c for c in customers if c["lang"] == "en"] + extra_phone:
        d = {"personal_code": c["code"], "first_name": c["first"], "last_name": c["last"],
             "email": c["email"] or None, "loyalty_card_no": c["card"],
             "tier": rng.choice(["silver", "gold"]), "updated_at": "2023-03-%02dT08:00:00Z" % rng.randint(1, 28)}
        ph = c.get("phone2") or c["phone"]
        if ph:
            d["phone"] = f"+372 {ph[:4]} {ph[4:]}"
        docs.append(d)
        expose_customer(c)
        if c.get("phone2"):
            t.expose(c["key"], [("phone", "+372" + c["phone2"])], ["phone"])
    with open(os.path.join(leak, "customers_en.json"), "w", encoding="utf-8") as f:
        json.dump({"system": "UPI loyalty", "exported_at": "2023-05-02T11:04:00Z", "count": len(docs),
                   "customers": docs}, f, ensure_ascii=False, indent=1)

    # Purchases: joined only through the card number. Order numbers are 11-digit numbers, five of
    # them shaped like valid isikukoods (decoys under an order label); some cards belong to nobody.
    products = ["Ibuprofeen 400 mg", "Päikesekreem SPF50", "Vitamiin D3", "Kassitoit 2 kg", "Hambapasta",
                "Glükoosi testribad", "Šampoon", "Koeratoit 10 kg"]
    with open(os.path.join(leak, "ostud_2023.ndjson"), "w", encoding="utf-8") as f:
        decoys = 0
        for c in customers[:200]:
            for _ in range(rng.randint(1, 3)):
                if decoys < 5 and rng.random() < 0.05:
                    order = valid_isikukood_shaped(rng)
                    decoys += 1
                else:
                    order = str(rng.randint(10**10, 10**11 - 1))
                product = rng.choice(products)
                if product == "Glükoosi testribad":   # diabetes supplies: health data (products pack)
                    t.expose(c["key"], elements=["health_data"])
                f.write(json.dumps({"tellimus": order, "kliendikaart": c["card"], "toode": product,
                                    "kogus": rng.randint(1, 4), "summa": f"{rng.randint(1, 60)}.{rng.randint(0, 99):02d}",
                                    "aeg": f"2023-0{rng.randint(1, 4)}-{rng.randint(10, 28)}T1{rng.randint(0, 9)}:{rng.randint(10, 59)}:00Z"},
                                   ensure_ascii=False) + "\n")
            t.expose(c["key"], elements=["purchase_history"])
        for _ in range(30):  # cards of deleted accounts: nobody to link to
            f.write(json.dumps({"tellimus": str(rng.randint(10**10, 10**11 - 1)),
                                "kliendikaart": "9" + "".join(str(rng.randint(0, 9)) for _ in range(12)),
                                "toode": rng.choice(products), "kogus": 1, "summa": "4.99",
                                "aeg": "2023-02-11T10:00:00Z"}, ensure_ascii=False) + "\n")

    # An export log: timestamps, wrong-checksum codes, order numbers after the word `tellimus`.
    with open(os.path.join(leak, "eksport.log"), "w", encoding="utf-8") as f:
        for i in range(120):
            ts = f"2023-05-02 {rng.randint(10, 23)}:{rng.randint(10, 59)}:{rng.randint(10, 59)}"
            if i % 4 == 0:
                f.write(f"{ts} WARN import: isikukood {bad_checksum(S.ee_isikukood(rng)[0])} vale kontrollnumber, rida {rng.randint(2, 9999)}\n")
            elif i % 4 == 1:
                f.write(f"{ts} INFO tellimus {valid_isikukood_shaped(rng)} töödeldud, summa {rng.randint(1, 99)}.{rng.randint(10, 99)}\n")
            else:
                f.write(f"{ts} INFO batch {rng.randint(1000, 9999)} ok, {rng.randint(100, 5000)} rida, epoch {rng.randint(1600000000, 1700000000)}\n")
    expected = t.write(os.path.join(out, "allium"))
    allium_weak(out, customers, expected["persons"])
    return expected


# ---------------------------------------------------------------------------------------------
# 2. Asper: genetic lab (et). Each person has several reports (text and JSON) with isikukood,
# name, ordering provider and sample id; result files hold only a sample id.

PROVIDERS = ["Näidiskliinik Tartu", "Põhja Näidishaigla", "Lõuna Perearstikeskus OÜ", "Viljakuskliinik Näide",
             "Ida Näidishaigla", "Lääne Tervisekeskus"]
GENES = ["BRCA1", "BRCA2", "CFTR", "HFE", "MTHFR", "F5", "LDLR", "TP53"]


def asper(out):
    rng = random.Random(2002)
    t = Truth()
    leak = os.path.join(out, "asper", "leak")
    for d in ("vastused", "json", "tulemused"):
        os.makedirs(os.path.join(leak, d), exist_ok=True)
    seen = set()
    samples = []
    for i in range(60):
        lang = "ru" if i % 7 == 3 else "et"
        first, last = rng.choice(S.FIRST[lang]), rng.choice(S.LAST[lang])
        code, (y, m, d) = unique(rng, S.ee_isikukood, seen)
        key = "ee:" + code
        providers = rng.sample(PROVIDERS, 2 if i % 5 == 0 else 1)
        for j in range(rng.randint(2, 5)):
            sid = unique(rng, lambda r: f"AB23-{r.randint(0, 999999):06d}", seen)
            samples.append(sid)
            provider = providers[j % len(providers)]
            with_dob = i % 4 == 0 and j == 0
            gene = rng.choice(GENES)
            if j % 2 == 0:
                with open(os.path.join(leak, "vastused", f"vastus_{sid}.txt"), "w", encoding="utf-8") as f:
                    f.write(f"NÄIDISLABOR — GENEETILISE ANALÜÜSI VASTUS\n"
                            f"Vastus väljastatud: 2023-0{rng.randint(1, 9)}-{rng.randint(10, 28)} {rng.randint(8, 17)}:{rng.randint(10, 59)}\n"
                            f"Tellimuse nr: {valid_isikukood_shaped(rng)}\n\n"
                            f"Proovi ID: {sid}\n"
                            f"Patsient: {first} {last}\n"
                            f"Isikukood: {code}\n"
                            + (f"Sünniaeg: {d:02d}.{m:02d}.{y}\n" if with_dob else "")
                            + f"Tellija: {provider}\n\n"
                            f"Analüüs: {gene} järjestamine\n"
                            f"Tulemus: {rng.choice(['patogeenset varianti ei leitud', 'leiti heterosügootne variant', 'tulemus ebaselge tähendusega'])}\n")
                els = ["national_id", "name"] + (["date_of_birth"] if with_dob else [])
            else:
                doc = {"proovi_id": sid,
                       "patsient": {"nimi": f"{last.upper()}, {first.upper()}" if j % 3 == 1 else f"{first} {last}",
                                    "isikukood": code},
                       "tellija": {"asutus": provider, "kood": f"H{rng.randint(1000, 9999)}"},
                       "analuus": f"{gene} paneel",
                       "tulemused": [{"geen": gene, "variant": f"c.{rng.randint(10, 5000)}del{rng.choice('ACGT')}",
                                      "klass": rng.choice(["healoomuline", "patogeenne", "VUS"])}],
                       "valjastatud": f"2023-0{rng.randint(1, 9)}-{rng.randint(10, 28)}T09:00:00"}
                with open(os.path.join(leak, "json", f"{sid}.json"), "w", encoding="utf-8") as f:
                    json.dump(doc, f, ensure_ascii=False, indent=2)
                els = ["national_id", "name"]
            t.expose(key, [("ee_isikukood", code)], els, pending=["genetic_data"])

    # Result files with only a sample id (pseudonymous): half of the lab's samples and 40 samples
    # whose reports were not leaked. They identify nobody on their own.
    orphans = [unique(rng, lambda r: f"AB23-{r.randint(0, 999999):06d}", seen) for _ in range(40)]
    with_results = rng.sample(samples, len(samples) // 2) + orphans
    for sid in with_results[:60]:
        with open(os.path.join(leak, "tulemused", f"{sid}_tulemus.txt"), "w", encoding="utf-8") as f:
            f.write(f"Proovi ID: {sid}\nGeen: {rng.choice(GENES)}\nVariant: c.{rng.randint(10, 5000)}dup{rng.choice('ACGT')}\n"
                    f"Sügavus: {rng.randint(30, 900)}x\nKlassifikatsioon: {rng.choice(['patogeenne', 'healoomuline', 'VUS'])}\n")
    with open(os.path.join(leak, "tulemused", "kokkuvote.csv"), "w", encoding="utf-8", newline="") as f:
        f.write("Proovi ID,Geen,Variant,Klassifikatsioon,Analüüsi kuupäev\n")
        for sid in with_results[60:]:
            f.write(f"{sid},{rng.choice(GENES)},c.{rng.randint(10, 5000)}del{rng.choice('ACGT')},VUS,2023-03-{rng.randint(10, 28)}\n")
    expected = t.write(os.path.join(out, "asper"))
    asper_scope(out)
    return expected


# ---------------------------------------------------------------------------------------------
# 3. Westlog: home deliveries (fi/sv), one export per welfare region; HETU only for self-payers;
# some persons are in two regions' files with the same phone written differently.

PRODUCTS_FI = ["Vaippa M, 28 kpl", "Housuvaippa L, 14 kpl", "Inkontinenssisuoja, 30 kpl", "Aluslakana 60x90, 30 kpl"]


def westlog(out):
    rng = random.Random(3003)
    t = Truth()
    leak = os.path.join(out, "westlog", "leak")
    os.makedirs(leak, exist_ok=True)
    seen = set()
    regions = ["paijat-hame", "pohjois-karjala", "ita-uusimaa", "kymenlaakso"]
    people = {r: [] for r in regions}
    for r in regions:
        for i in range(55):
            lang = "sv" if r == "ita-uusimaa" and i % 2 == 0 else "fi"
            first, last = rng.choice(S.FIRST[lang]), rng.choice(S.LAST[lang])
            n9 = unique(rng, lambda x: rng.choice(["40", "50"]) + "".join(str(x.randint(0, 9)) for _ in range(7)), seen)
            hetu = unique(rng, S.fi_hetu, seen)[0] if i % 7 == 0 else ""
            people[r].append({"first": first, "last": last, "n9": n9, "hetu": hetu,
                              "street": f"{rng.choice(S.STREETS['fi'])} {rng.randint(1, 99)} B {rng.randint(1, 40)}",
                              "zip": f"{rng.randint(10000, 99999):05d}", "city": rng.choice(S.CITIES["fi"])})
    # Twelve persons of Päijät-Häme also get deliveries in Kymenlaakso, four of Pohjois-Karjala in
    # Itä-Uusimaa: the same phone (written differently), a new address.
    for src, dst, n in (("paijat-hame", "kymenlaakso", 12), ("pohjois-karjala", "ita-uusimaa", 4)):
        for p in [p for p in people[src] if not p["hetu"]][:n]:
            q = dict(p)
            q["street"] = f"{rng.choice(S.STREETS['fi'])} {rng.randint(1, 99)}"
            people[dst].append(q)

    def expose(p, delivered=False):
        # A delivery-date column (Toimituspäivä, Leveransdatum) is delivery_info; an order date
        # (Tilauspäivä) or an order number is not.
        key = "fi:" + p["hetu"] if p["hetu"] else "tel:+358" + p["n9"]
        ids = [("phone", "+358" + p["n9"])] + ([("fi_hetu", p["hetu"])] if p["hetu"] else [])
        els = ["name", "postal_address", "phone", "purchase_history"] + (["national_id"] if p["hetu"] else [])
        t.expose(key, ids, els + (["delivery_info"] if delivered else []), pending=["health_data"])

    with open(os.path.join(leak, "paijat-hame_toimitukset.csv"), "w", encoding="utf-8", newline="") as f:
        f.write("Nimi,Lähiosoite,Postinumero,Postitoimipaikka,Puhelin,Henkilötunnus,Tuote,Määrä,Toimituspäivä,Tilausnumero\n")
        for p in people["paijat-hame"]:
            f.write(f'"{p["first"]} {p["last"]}","{p["street"]}",{p["zip"]},{p["city"]},{fi_phone_written(rng, p["n9"])},'
                    f'{p["hetu"]},"{rng.choice(PRODUCTS_FI)}",{rng.randint(1, 4)},{rng.randint(1, 28)}.{rng.randint(1, 12)}.2023,'
                    f'{rng.randint(10**8, 10**9 - 1)}\n')
            expose(p, delivered=True)
    with open(os.path.join(leak, "pohjois-karjala.csv"), "w", encoding="utf-8", newline="") as f:
        f.write("Etunimi;Sukunimi;Katuosoite;Postinumero;Kunta;Matkapuhelin;Hetu;Tuotenimi;Kpl;Tilauspäivä\n")
        for p in people["pohjois-karjala"]:
            hetu = f" {p['hetu']} " if p["hetu"] and rng.random() < 0.5 else p["hetu"]
            f.write(f'{p["first"]};{p["last"]};{p["street"]};{p["zip"]};{p["city"]};{fi_phone_written(rng, p["n9"])};'
                    f'{hetu};{rng.choice(PRODUCTS_FI)};{rng.randint(1, 4)};2023-0{rng.randint(1, 9)}-{rng.randint(10, 28)}\n')
            expose(p)
    # Itä-Uusimaa: Swedish headers, ISO-8859-15 like an old export.
    with open(os.path.join(leak, "ita-uusimaa_leveranser.csv"), "w", encoding="iso-8859-15", newline="") as f:
        f.write("Namn;Gatuadress;Postnummer;Postort;Telefon;Personbeteckning;Produkt;Antal;Leveransdatum\r\n")
        for p in people["ita-uusimaa"]:
            f.write(f'{p["first"]} {p["last"]};{p["street"]};{p["zip"]};{p["city"]};{fi_phone_written(rng, p["n9"])};'
                    f'{p["hetu"]};{rng.choice(["Blöja M, 28 st", "Inkontinensskydd, 30 st"])};{rng.randint(1, 4)};'
                    f'{rng.randint(1, 28)}.{rng.randint(1, 12)}.2023\r\n')
            expose(p, delivered=True)
    # Kymenlaakso: tab-separated, upper-case headers, names "SURNAME FIRSTNAME", one address column.
    with open(os.path.join(leak, "kymenlaakso.tsv"), "w", encoding="utf-8", newline="") as f:
        f.write("NIMI\tOSOITE\tPUH\tHETU\tTUOTE\tTILAUSNRO\n")
        for p in people["kymenlaakso"]:
            f.write(f'{p["last"].upper()} {p["first"].upper()}\t{p["street"]}, {p["zip"]} {p["city"].upper()}\t'
                    f'{fi_phone_written(rng, p["n9"])}\t{p["hetu"]}\t{rng.choice(PRODUCTS_FI)}\t2023{rng.randint(0, 999999):06d}\n')
            expose(p)
    expected = t.write(os.path.join(out, "westlog"))
    westlog_scope(out)
    return expected


# ---------------------------------------------------------------------------------------------
# 4. ALAB: Polish lab reports (pl) published in two batches; some patients in both, some with
# new elements in the second.

def alab(out):
    rng = random.Random(4004)
    t = Truth()
    leak = os.path.join(out, "alab", "leak")
    for b in ("batch1", "batch2"):
        os.makedirs(os.path.join(leak, b), exist_ok=True)
    seen = set()
    pts = []
    for i in range(60):
        first, last = rng.choice(S.FIRST["pl"]), rng.choice(S.LAST["pl"])
        pesel, (y, m, d) = unique(rng, S.pl_pesel, seen)
        pts.append({"key": "pl:" + pesel, "pesel": pesel, "first": first, "last": last, "dob": (y, m, d),
                    "addr": f"{rng.choice(S.STREETS['pl'])} {rng.randint(1, 200)}/{rng.randint(1, 40)}, "
                            f"{rng.randint(10, 99)}-{rng.randint(100, 999)} {rng.choice(S.CITIES['pl'])}"})
    batch1 = pts[:35]                  # 35 patients
    batch2 = pts[20:]                  # 15 again (20..34) + 25 new
    n = 0

    def report(batch, p, with_addr, with_dob, phones=()):
        nonlocal n
        n += 1
        y, m, d = p["dob"]
        name = f"{p['last'].upper()} {p['first'].upper()}" if n % 4 == 0 else f"{p['first']} {p['last']}"
        dob = f"{d:02d}.{m:02d}.{y}" if n % 3 else f"{y}-{m:02d}-{d:02d}"
        with open(os.path.join(leak, batch, f"wynik_{n:05d}.txt"), "w", encoding="utf-8") as f:
            f.write(f"LABORATORIUM DIAGNOSTYCZNE — SPRAWOZDANIE Z BADANIA\n"
                    f"Nr zlecenia: {rng.randint(10**9, 10**10 - 1)}\n"
                    f"Data pobrania: 20{rng.randint(17, 23)}-0{rng.randint(1, 9)}-1{rng.randint(0, 9)} 07:{rng.randint(10, 59)}\n\n"
                    f"Pacjent: {name}\n"
                    f"PESEL: {p['pesel']}\n"
                    + (f"Data urodzenia: {dob}\n" if with_dob else "")
                    + (f"Adres: {p['addr']}\n" if with_addr else "")
                    + "".join(f"{label}: {written}\n" for label, written, _ in phones)
                    + f"\nGlukoza: {rng.randint(70, 130)} mg/dl (norma 70-99)\n"
                    f"Cholesterol całkowity: {rng.randint(140, 260)} mg/dl\n"
                    f"Uwagi: {rng.choice(['brak', 'próbka hemolizowana', 'powtórzyć badanie'])}\n")
        els = ["national_id", "name"] + (["date_of_birth"] if with_dob else []) + (["postal_address"] if with_addr else [])
        els += ["phone"] if phones else []
        t.expose(p["key"], [("pl_pesel", p["pesel"])] + [("phone", e164) for _, _, e164 in phones], els,
                 batch=batch, pending=["lab_result"])

    for i, p in enumerate(batch1):
        # Patients 20..27 show no address in batch 1; batch 2 adds it (known person, new element).
        for _ in range(2 if i % 4 == 0 else 1):
            report("batch1", p, with_addr=not (20 <= i < 28), with_dob=i % 5 != 1)
    for i, p in enumerate(batch2):
        # Every fifth report of batch 2 gives a landline and a mobile number: one person's two phones.
        phones = []
        if i % 5 == 4:
            home = unique(rng, lambda r: "5" + "".join(str(r.randint(0, 9)) for _ in range(8)), seen)
            mobile = unique(rng, lambda r: "6" + "".join(str(r.randint(0, 9)) for _ in range(8)), seen)
            phones = [("Telefon", f"{home[:3]} {home[3:6]} {home[6:]}", "+48" + home),
                      ("Tel. kom.", f"+48 {mobile[:3]}-{mobile[3:6]}-{mobile[6:]}", "+48" + mobile)]
        report("batch2", p, with_addr=True, with_dob=True, phones=phones)
    # Decoys in batch 2: PESELs rejected for a wrong check digit, as a log and as a labelled
    # table. Two of the table's values happen to be valid Estonian isikukoods (11 digits, 3-6
    # first, a real date, a good isikukood check digit): under a PESEL label they are still no ID.
    bad = []
    while len(bad) < 15:
        v = bad_checksum(S.pl_pesel(rng)[0])
        if not ee_valid(v):
            bad.append(v)
    lookalikes = []
    while len(lookalikes) < 2:
        v = bad_checksum(S.pl_pesel(rng)[0])
        if ee_valid(v):
            lookalikes.append(v)
    with open(os.path.join(leak, "batch2", "bledne_pesel.txt"), "w", encoding="utf-8") as f:
        for v in bad[:10]:
            f.write(f"{rng.randint(10**9, 10**10 - 1)} odrzucono: PESEL {v} niepoprawna suma kontrolna\n")
    with open(os.path.join(leak, "batch2", "odrzucone_zlecenia.csv"), "w", encoding="utf-8", newline="") as f:
        f.write("Nr zlecenia;PESEL;Powód odrzucenia\n")
        for v in bad[10:] + lookalikes:
            f.write(f"{rng.randint(10**9, 10**10 - 1)};{v};niepoprawna suma kontrolna PESEL\n")
    n1, e1 = t.counts({"batch1"})
    new2 = sum(1 for p in t.persons.values() if p["batches"] == {"batch2"})
    known_new = sum(1 for p in t.persons.values() if p["batches"] == {"batch1", "batch2"}
                    and p["by_batch"]["batch2"] - p["by_batch"]["batch1"])
    extra = {"batches": {"batch1": {"persons": n1, "elements": e1},
                         "batch2": {"new_persons": new2, "known_persons": len(batch2) - new2,
                                    "known_with_new_elements": known_new}}}
    expected = t.write(os.path.join(out, "alab"), extra)
    alab_scope(out, t)
    return expected


# ---------------------------------------------------------------------------------------------
# 5. PPS: US mail-order pharmacy, names and e-mails only (en); duplicates by case and spaces.

def pps(out):
    rng = random.Random(5005)
    t = Truth()
    leak = os.path.join(out, "pps", "leak")
    os.makedirs(leak, exist_ok=True)
    seen = set()
    people = []
    for i in range(260):
        first, last = rng.choice(S.FIRST["en"]), rng.choice(S.LAST["en"])
        e = unique(rng, lambda r: S.email(r, first, last, rng.choice(["example.com", "example.net", "example.org"])), seen)
        people.append({"first": first, "last": last, "email": e})

    def variant(e):
        return rng.choice([e, e.upper(), f" {e}", f"{e} ", e[0].upper() + e[1:], f"  {e.upper()}  "])

    def expose(p, *more):
        t.expose("mail:" + p["email"], [("email", p["email"])], ["email", "name", *more])

    with open(os.path.join(leak, "pps_patients_export.csv"), "w", encoding="utf-8", newline="") as f:
        f.write("Patient Name,Email Address,Account Created,Store #,Rx Count\n")
        rows = people[:220] + rng.sample(people[:220], 40)  # 40 duplicates
        rng.shuffle(rows)
        for p in rows:
            name = f'"{p["last"].upper()}, {p["first"].upper()}"' if rng.random() < 0.2 else f"{p['first']} {p['last']}"
            f.write(f'{name},{variant(p["email"])},{rng.randint(1, 12)}/{rng.randint(1, 28)}/20{rng.randint(14, 22)},'
                    f'{rng.randint(100, 999)},{rng.randint(1, 30)}\n')
            expose(p)
    # The migration feed: 40 new persons and 60 already in the export, e-mails in other spellings.
    with open(os.path.join(leak, "account_migration.ndjson"), "w", encoding="utf-8") as f:
        for p in people[220:] + rng.sample(people[:220], 60):
            f.write(json.dumps({"full_name": f"{p['first']} {p['last']}", "email": variant(p["email"]),
                                "migrated_at": f"2023-01-{rng.randint(10, 31)}T0{rng.randint(0, 9)}:00:00Z",
                                "loyalty_account": f"K{rng.randint(10**8, 10**9 - 1)}", "status": "active"}) + "\n")
            expose(p, "loyalty_card")
    expected = t.write(os.path.join(out, "pps"))
    pps_scope(out, expected)
    return expected


# =============================================================================================
# Issue #4 ground truth (scope): controllers, batches, held-but-not-exposed, weak identities.
# Each case writes OUT_DIR/<case>/expected_scope.json; westlog and asper also write a leak of
# their own (OUT_DIR/<case>/scope/leak, with scope/controllers.yaml and registers), allium a
# second folder (allium/weak) scanned after allium/leak. The leaks of expected.json are unchanged.
# Every random choice here uses its own seed, so the outputs above stay byte for byte the same.

def write_json(path, obj):
    with open(path, "w", encoding="utf-8") as f:
        json.dump(obj, f, indent=2, sort_keys=True, ensure_ascii=False)
        f.write("\n")


def yaml_str(s):
    """A double-quoted YAML scalar (JSON strings are valid YAML)."""
    return json.dumps(s, ensure_ascii=False)


def controllers_yaml(organisation, default, controllers, rules):
    """A rules file (docs/controllers.md): organisation (id, name) or None, default, controllers
    [(id, name, aliases)], rules as ready YAML lines."""
    lines = ["# Synthetic rules for a synthetic leak (scripts/make-cases.py); all names fictitious or public bodies."]
    if organisation:
        lines.append(f"organisation: {{ id: {organisation[0]}, name: {yaml_str(organisation[1])} }}")
    lines.append(f"default: {default}")
    lines.append("controllers:")
    for cid, name, aliases in controllers:
        lines.append(f"  - {{ id: {cid}, name: {yaml_str(name)}, aliases: [{', '.join(yaml_str(a) for a in aliases)}] }}")
    lines.append("rules:")
    lines.extend(rules)
    return "\n".join(lines) + "\n"


def scope_truth(persons, names):
    """Per-controller truth from `persons` (key → {"ids", "controllers", "rules"}): distinct
    persons, exclusive persons, persons per attributing rule, overlap pairs, unattributed, and each
    controller's person keys. `rules` maps (controller, rule id) pairs; `default` is the default."""
    per = {}
    overlaps = {}
    unattributed = 0
    for key, p in persons.items():
        cs = sorted(p["controllers"])
        if not cs:
            unattributed += 1
        for c in cs:
            per.setdefault(c, []).append(key)
        for i in range(len(cs)):
            for j in range(i + 1, len(cs)):
                overlaps[(cs[i], cs[j])] = overlaps.get((cs[i], cs[j]), 0) + 1
    return {
        "persons": len(persons),
        "controllers": {c: {"name": names[c], "persons": len(keys),
                            "exclusive": sum(1 for k in keys if len(persons[k]["controllers"]) == 1),
                            "rules": rule_counts(persons, c, keys),
                            "keys": sorted(keys)} for c, keys in sorted(per.items())},
        "overlaps": [{"a": a, "b": b, "persons": n} for (a, b), n in sorted(overlaps.items())],
        "unattributed": unattributed,
        "shared_persons": sum(1 for p in persons.values() if len(p["controllers"]) > 1),
    }


def rule_counts(persons, c, keys):
    out = {}
    for k in keys:
        for cc, rule in persons[k]["rules"]:
            if cc == c:
                out[rule] = out.get(rule, 0) + 1
    return dict(sorted(out.items()))


def write_scope_persons(path, persons):
    with open(path, "w", encoding="utf-8") as f:
        for key in sorted(persons):
            p = persons[key]
            f.write(json.dumps({"key": key, "identifiers": sorted([list(i) for i in p["ids"]]),
                                "controllers": sorted(p["controllers"])}, ensure_ascii=False) + "\n")


def spelled(rng, name, aliases):
    """A controller name as a data entry clerk writes it: the name or an alias, in any case,
    diacritics dropped, extra spaces."""
    v = rng.choice([name] + list(aliases))
    return rng.choice([v, v, v.upper(), v.lower(), S.ascii_fold(v), f"  {v.replace(' ', '  ')} ", v.replace("-", " ")])


# ---------------------------------------------------------------------------------------------
# westlog/scope: a processor delivering for 21 controllers (welfare regions and a city).

WELFARE = [
    ("phhva", "Päijät-Hämeen hyvinvointialue", ["Päijät-Häme", "PHHYKY"]),
    ("siunsote", "Pohjois-Karjalan hyvinvointialue", ["Pohjois-Karjala", "Siun sote"]),
    ("ita-uusimaa", "Itä-Uudenmaan hyvinvointialue", ["Itä-Uusimaa", "Östra Nylands välfärdsområde", "Östra Nyland"]),
    ("lansi-uusimaa", "Länsi-Uudenmaan hyvinvointialue", ["Länsi-Uusimaa", "LUHVA", "Västra Nylands välfärdsområde", "Västra Nyland"]),
    ("kymsote", "Kymenlaakson hyvinvointialue", ["Kymenlaakso", "Kymsote"]),
    ("keusote", "Keski-Uudenmaan hyvinvointialue", ["Keski-Uusimaa", "Keusote", "Mellersta Nylands välfärdsområde"]),
    ("vakehyva", "Vantaan ja Keravan hyvinvointialue", ["Vantaa-Kerava", "VAKE"]),
    ("pirha", "Pirkanmaan hyvinvointialue", ["Pirkanmaa", "PIRHA"]),
    ("varha", "Varsinais-Suomen hyvinvointialue", ["Varsinais-Suomi", "VARHA", "Egentliga Finlands välfärdsområde"]),
    ("satakunta", "Satakunnan hyvinvointialue", ["Satakunta", "Sata HVA"]),
    ("omahame", "Kanta-Hämeen hyvinvointialue", ["Kanta-Häme", "Oma Häme"]),
    ("eksote", "Etelä-Karjalan hyvinvointialue", ["Etelä-Karjala", "Eksote"]),
    ("eloisa", "Etelä-Savon hyvinvointialue", ["Etelä-Savo", "Eloisa"]),
    ("pshva", "Pohjois-Savon hyvinvointialue", ["Pohjois-Savo", "PSHVA"]),
    ("hyvaks", "Keski-Suomen hyvinvointialue", ["Keski-Suomi", "Hyvaks"]),
    ("hyvaep", "Etelä-Pohjanmaan hyvinvointialue", ["Etelä-Pohjanmaa", "Hyvaep"]),
    ("pohjanmaa", "Pohjanmaan hyvinvointialue", ["Pohjanmaa", "Österbottens välfärdsområde", "Österbotten"]),
    ("pohde", "Pohjois-Pohjanmaan hyvinvointialue", ["Pohjois-Pohjanmaa", "Pohde"]),
    ("kainuu", "Kainuun hyvinvointialue", ["Kainuu"]),
    ("lapha", "Lapin hyvinvointialue", ["Lappi", "Lapha"]),
    ("helsinki", "Helsingin kaupunki", ["Helsinki", "Helsingfors stad"]),
]
SWEDISH_REGIONS = {"ita-uusimaa", "lansi-uusimaa", "pohjanmaa"}
PATH_REGION = "kainuu"        # its deliveries are an export folder of their own: a path rule
REGISTER_REGION = "eloisa"    # self-payers (HETU) attributed through a register


def westlog_scope(out):
    rng = random.Random(3103)
    base = os.path.join(out, "westlog", "scope")
    leak = os.path.join(base, "leak")
    for d in ("toimitukset", "leveranser", f"exports/{PATH_REGION}", "itsemaksavat"):
        os.makedirs(os.path.join(leak, d), exist_ok=True)
    os.makedirs(os.path.join(base, "registers"), exist_ok=True)
    info = {cid: (name, aliases) for cid, name, aliases in WELFARE}
    names = {cid: name for cid, name, _ in WELFARE}
    seen = set()
    persons = {}

    def person(lang="fi", hetu=False):
        first, last = rng.choice(S.FIRST[lang]), rng.choice(S.LAST[lang])
        n9 = unique(rng, lambda x: x.choice(["40", "50"]) + "".join(str(x.randint(0, 9)) for _ in range(7)), seen)
        h = unique(rng, S.fi_hetu, seen)[0] if hetu else ""
        p = {"first": first, "last": last, "n9": n9, "hetu": h, "lang": lang,
             "street": f"{rng.choice(S.STREETS['fi'])} {rng.randint(1, 99)} B {rng.randint(1, 40)}",
             "zip": f"{rng.randint(10000, 99999):05d}", "city": rng.choice(S.CITIES["fi"])}
        p["key"] = "fi:" + h if h else "tel:+358" + n9
        ids = {("phone", "+358" + n9)} | ({("fi_hetu", h)} if h else set())
        persons[p["key"]] = {"ids": ids, "controllers": set(), "rules": set()}
        return p

    def attribute(p, cid, rule="by-region-column"):
        if cid:
            persons[p["key"]]["controllers"].add(cid)
            persons[p["key"]]["rules"].add((cid, rule))

    fi_rows, sv_rows, path_rows, self_rows, register_rows = [], [], [], [], []

    def region_value(cid, swedish):
        name, aliases = info[cid]
        if swedish:
            sv = [a for a in aliases if any(w in a for w in ("välfärdsområde", "Nyland", "Österbotten"))]
            if sv and rng.random() < 0.7:
                v = rng.choice(sv)
                return rng.choice([v, v.upper(), S.ascii_fold(v)])
        return spelled(rng, name, aliases)

    # Every region but the path-rule and register regions: 3-8 persons in the column-rule files.
    column_regions = [cid for cid, _, _ in WELFARE if cid not in (PATH_REGION, REGISTER_REGION)]
    by_region = {}
    for cid in column_regions:
        by_region[cid] = []
        for i in range(rng.randint(3, 8)):
            swedish = cid in SWEDISH_REGIONS and i % 2 == 0
            p = person("sv" if swedish else "fi")
            by_region[cid].append(p)
            (sv_rows if swedish else fi_rows).append((p, region_value(cid, swedish)))
            attribute(p, cid)
    # Overlap 1: six persons also delivered to in another region (moved, or a second address).
    for src, dst in (("phhva", "kymsote"), ("phhva", "kymsote"), ("siunsote", "ita-uusimaa"),
                     ("pirha", "omahame"), ("helsinki", "vakehyva"), ("varha", "satakunta")):
        p = next(q for q in by_region[src] if q["lang"] == "fi" and len(persons[q["key"]]["controllers"]) == 1)
        fi_rows.append((dict(p, street=f"{rng.choice(S.STREETS['fi'])} {rng.randint(1, 99)}"), region_value(dst, False)))
        attribute(p, dst)
    # Unattributed: an empty or placeholder region (WestLog is a processor: default none).
    for v in ("", "", "-", "N/A", ""):
        p = person()
        fi_rows.append((p, v))
    # Path rule: the Kainuu export folder, no region column; two of its persons also in the column file.
    for i in range(6):
        p = person()
        path_rows.append(p)
        attribute(p, PATH_REGION, "kainuu-export")
    for p, dst in zip(path_rows[:2], ("pohde", "lapha")):
        fi_rows.append((p, region_value(dst, False)))
        attribute(p, dst)
    # Register: self-payers with a HETU, region from the register (HETU → region), no region in
    # the orders file. One self-payer is missing from the register (unattributed); two also
    # appear in the column file by phone only, under another region (overlap).
    for i in range(7):
        p = person(hetu=True)
        self_rows.append(p)
        if i == 6:
            continue
        cid = REGISTER_REGION if i < 4 else "pshva"
        register_rows.append((p["hetu"], spelled(rng, *info[cid])))
        attribute(p, cid, "self-payer-register")
    for p, dst in zip(self_rows[:2], ("hyvaks", "hyvaep")):
        fi_rows.append((dict(p, hetu=""), region_value(dst, False)))
        attribute(p, dst)
    # A decoy register row: a HETU with a wrong check character (rejected, attributes nobody).
    register_rows.append((bad_hetu(unique(rng, S.fi_hetu, seen)[0]), "Eloisa"))

    rng.shuffle(fi_rows)
    rng.shuffle(sv_rows)
    with open(os.path.join(leak, "toimitukset", "toimitukset_2023.csv"), "w", encoding="utf-8", newline="") as f:
        f.write("Nimi;Lähiosoite;Postinumero;Postitoimipaikka;Puhelin;Hyvinvointialue;Tuote;Määrä\n")
        for p, region in fi_rows:
            f.write(f'{p["first"]} {p["last"]};{p["street"]};{p["zip"]};{p["city"]};{fi_phone_written(rng, p["n9"])};'
                    f'{region};{rng.choice(PRODUCTS_FI)};{rng.randint(1, 4)}\n')
    with open(os.path.join(leak, "leveranser", "leveranser_2023.csv"), "w", encoding="utf-8", newline="") as f:
        f.write("Namn;Gatuadress;Postnummer;Postort;Telefon;Välfärdsområde;Produkt\n")
        for p, region in sv_rows:
            f.write(f'{p["first"]} {p["last"]};{p["street"]};{p["zip"]};{p["city"]};{fi_phone_written(rng, p["n9"])};'
                    f'{region};{rng.choice(["Blöja M, 28 st", "Inkontinensskydd, 30 st"])}\n')
    with open(os.path.join(leak, "exports", PATH_REGION, "asiakkaat.csv"), "w", encoding="utf-8", newline="") as f:
        f.write("Nimi;Osoite;Puhelin;Tuote\n")
        for p in path_rows:
            f.write(f'{p["first"]} {p["last"]};{p["street"]}, {p["zip"]} {p["city"]};{fi_phone_written(rng, p["n9"])};'
                    f'{rng.choice(PRODUCTS_FI)}\n')
    with open(os.path.join(leak, "itsemaksavat", "tilaukset.csv"), "w", encoding="utf-8", newline="") as f:
        f.write("Nimi;Henkilötunnus;Puhelin;Lähiosoite;Tuote\n")
        for p in self_rows:
            f.write(f'{p["first"]} {p["last"]};{p["hetu"]};{fi_phone_written(rng, p["n9"])};{p["street"]};{rng.choice(PRODUCTS_FI)}\n')
    with open(os.path.join(base, "registers", "itsemaksavat.csv"), "w", encoding="utf-8", newline="") as f:
        f.write("henkilötunnus;hyvinvointialue\n")
        for h, region in register_rows:
            f.write(f"{h};{region}\n")
    rules = [
        "  - { id: by-region-column, columns: [hyvinvointialue, välfärdsområde], unknown: report }",
        f'  - {{ id: kainuu-export, paths: ["exports/{PATH_REGION}/**"], controller: {PATH_REGION} }}',
        "  - { id: self-payer-register, register: registers/itsemaksavat.csv, key: national_id, key_column: henkilötunnus, controller_column: hyvinvointialue }",
    ]
    with open(os.path.join(base, "controllers.yaml"), "w", encoding="utf-8") as f:
        f.write(controllers_yaml(("westlog", "WestLog Logistiikka Oy (synthetic)"), "none", WELFARE, rules))
    truth = scope_truth(persons, names)
    truth["register_rejected_lines"] = [len(register_rows) + 1]   # the decoy, the register's last line
    write_json(os.path.join(out, "westlog", "expected_scope.json"), truth)
    write_scope_persons(os.path.join(out, "westlog", "expected_scope_persons.jsonl"), persons)


def bad_hetu(h):
    """The HETU with another check character: never valid."""
    chars = "0123456789ABCDEFHJKLMNPRSTUVWXY"
    return h[:-1] + chars[(chars.index(h[-1]) + 1) % len(chars)]


# ---------------------------------------------------------------------------------------------
# asper/scope: a genetic lab (a controller itself) with 40 ordering providers.

def asper_providers():
    towns = ["Tallinn", "Tartu", "Pärnu", "Narva", "Viljandi", "Rakvere", "Kuressaare", "Haapsalu", "Võru", "Valga",
             "Jõhvi", "Paide"]
    kinds = [("Näidishaigla", "NH"), ("Perearstikeskus", "PAK"), ("Tervisekeskus", "TK"), ("Naistekliinik", "NK"),
             ("Viljakuskliinik", "VK")]
    out = []
    for i in range(40):
        town = towns[i % len(towns)]
        kind, short = kinds[(i // len(towns) + i) % len(kinds)]
        cid = f"p{i + 1:02d}"
        out.append((cid, f"{town} {kind} (näidis)", [f"{town} {kind}", f"{S.ascii_fold(town)[:4].upper()}-{short}{i + 1}"]))
    return out


def asper_scope(out):
    rng = random.Random(2102)
    base = os.path.join(out, "asper", "scope")
    leak = os.path.join(base, "leak")
    for d in ("vastused", "json", "tellimused"):
        os.makedirs(os.path.join(leak, d), exist_ok=True)
    providers = asper_providers()
    info = {cid: (name, aliases) for cid, name, aliases in providers}
    names = {cid: name for cid, name, _ in providers}
    names["asper-lab"] = "Näidis Geenilabor OÜ"
    seen = set()
    persons = {}
    csv_rows = []
    n = 0
    for i in range(90):
        lang = "ru" if i % 7 == 3 else "et"
        first, last = rng.choice(S.FIRST[lang]), rng.choice(S.LAST[lang])
        code = unique(rng, S.ee_isikukood, seen)[0]
        key = "ee:" + code
        persons[key] = {"ids": {("ee_isikukood", code)}, "controllers": set(), "rules": set()}
        # Providers: every provider gets at least one person (i < 40), every sixth person two,
        # persons 80-84 none (their reports name no provider: the lab is their controller).
        if 80 <= i < 85:
            mine = []
        else:
            mine = [providers[i % 40][0]] if i < 40 else [rng.choice(providers)[0]]
            if i % 6 == 0:
                mine.append(rng.choice([p[0] for p in providers if p[0] not in mine]))
        for j in range(max(len(mine), rng.randint(1, 3))):
            n += 1
            cid = mine[j % len(mine)] if mine else None
            value = spelled(rng, *info[cid]) if cid else rng.choice(["", "-"])
            sid = unique(rng, lambda r: f"AB23-{r.randint(0, 999999):06d}", seen)
            gene = rng.choice(GENES)
            kind = n % 3
            if kind == 0:
                with open(os.path.join(leak, "vastused", f"vastus_{sid}.txt"), "w", encoding="utf-8") as f:
                    f.write(f"NÄIDISLABOR — GENEETILISE ANALÜÜSI VASTUS\n\n"
                            f"Proovi ID: {sid}\nPatsient: {first} {last}\nIsikukood: {code}\nTellija: {value}\n\n"
                            f"Analüüs: {gene} järjestamine\nTulemus: patogeenset varianti ei leitud\n")
            elif kind == 1:
                write_json(os.path.join(leak, "json", f"{sid}.json"),
                           {"proovi_id": sid, "patsient": f"{first} {last}", "isikukood": code, "tellija": value,
                            "analuus": f"{gene} paneel", "variant": f"c.{rng.randint(10, 5000)}del{rng.choice('ACGT')}"})
            else:
                csv_rows.append(f"{sid};{code};{first} {last};{value};{gene}")
            if cid:
                persons[key]["controllers"].add(cid)
                persons[key]["rules"].add((cid, "by-ordering-provider"))
        if not mine:
            persons[key]["controllers"].add("asper-lab")
            persons[key]["rules"].add(("asper-lab", "default"))
    rng.shuffle(csv_rows)
    with open(os.path.join(leak, "tellimused", "tellimused_2023.csv"), "w", encoding="utf-8", newline="") as f:
        f.write("Proovi ID;Isikukood;Nimi;Ordering provider;Geen\n" + "\n".join(csv_rows) + "\n")
    rules = ["  - { id: by-ordering-provider, columns: [tellija, ordering_provider], unknown: report }"]
    with open(os.path.join(base, "controllers.yaml"), "w", encoding="utf-8") as f:
        f.write(controllers_yaml(("asper-lab", names["asper-lab"]), "organisation", providers, rules))
    write_json(os.path.join(out, "asper", "expected_scope.json"), scope_truth(persons, names))
    write_scope_persons(os.path.join(out, "asper", "expected_scope_persons.jsonl"), persons)


# ---------------------------------------------------------------------------------------------
# alab: the batch diff of batch2 against batch1, and the timeline.

def alab_scope(out, t):
    new, known, unchanged, absent = [], {}, [], []
    for key, p in sorted(t.persons.items()):
        b = p["batches"]
        if b == {"batch2"}:
            new.append(key)
        elif b == {"batch1"}:
            absent.append(key)
        else:
            added = sorted(p["by_batch"]["batch2"] - p["by_batch"]["batch1"])
            if added:
                known[key] = added
            else:
                unchanged.append(key)
    first = sum(1 for p in t.persons.values() if "batch1" in p["batches"])
    write_json(os.path.join(out, "alab", "expected_scope.json"), {
        "published_at": {"batch1": "2023-10-23", "batch2": "2023-11-06"},
        "diff_batch2": {"new_persons": new, "known_with_new_elements": known, "unchanged": unchanged,
                        "not_in_batch": len(absent)},
        "timeline": [
            {"batch": "batch1", "published_at": "2023-10-23", "new_persons": first, "known_with_new_data": 0,
             "unchanged": 0, "cumulative_persons": first},
            {"batch": "batch2", "published_at": "2023-11-06", "new_persons": len(new), "known_with_new_data": len(known),
             "unchanged": len(unchanged), "cumulative_persons": first + len(new)},
        ]})


# ---------------------------------------------------------------------------------------------
# pps: the categories the pharmacy's system held, and which of them the leak does not hold.

PPS_HELD = ["national_id", "name", "email", "phone", "postal_address", "date_of_birth", "payment_card",
            "prescription", "credentials", "loyalty_card"]


def pps_scope(out, expected):
    found = set(expected["elements"])
    write_json(os.path.join(out, "pps", "expected_scope.json"), {
        "held": PPS_HELD, "not_exposed": [h for h in PPS_HELD if h not in found],
        "persons": expected["persons"]})


# ---------------------------------------------------------------------------------------------
# allium/weak: persons seen once with an isikukood and once (another file) with only a name and a
# date of birth or a name and a postal address: review candidates, never silent merges. Decoys:
# the same name with another birth date; two persons with different isikukoods, one name and one
# address (a parent and a child): never candidates.

def allium_weak(out, customers, base_persons):
    rng = random.Random(1101)
    weak = os.path.join(out, "allium", "weak")
    os.makedirs(weak, exist_ok=True)
    et = [c for c in customers if c["lang"] == "et"]
    by_dob = [c for c in et if not c["address"]][:4]
    by_addr = [c for c in et if c["address"]][:2]
    pairs = []

    def dob(c):
        code = c["code"]
        y = 1800 + 100 * ((int(code[0]) - 1) // 2) + int(code[1:3])
        return y, int(code[3:5]), int(code[5:7])

    # Strong side: the club list (isikukood, name, birth date as written dd.mm.yyyy).
    with open(os.path.join(weak, "sünnipäevaklubi.csv"), "w", encoding="utf-8", newline="") as f:
        f.write("Isikukood;Nimi;Sünniaeg\n")
        for c in by_dob:
            y, m, d = dob(c)
            f.write(f"{c['code']};{c['first']} {c['last']};{d:02d}.{m:02d}.{y}\n")
    # Weak side: a prize draw (name and birth date, ISO), with a decoy of the same name and
    # another birth date.
    with open(os.path.join(weak, "loosimine.csv"), "w", encoding="utf-8", newline="") as f:
        f.write("Nimi;Sünniaeg;Auhind\n")
        for c in by_dob:
            y, m, d = dob(c)
            f.write(f"{c['first']} {c['last']};{y}-{m:02d}-{d:02d};{rng.choice(['kinkekaart', 'kosmeetikakomplekt'])}\n")
            pairs.append({"strong": c["key"], "name": f"{c['first']} {c['last']}", "evidence": ["name+date_of_birth"]})
        c = by_dob[1]
        y, m, d = dob(c)
        f.write(f"{c['first']} {c['last']};{y - 7}-{m:02d}-{d:02d};kinkekaart\n")
    # Weak side: a courier list (name and the same home address as the loyalty export).
    with open(os.path.join(weak, "kuller.csv"), "w", encoding="utf-8", newline="") as f:
        f.write("Nimi;Aadress;Pakk\n")
        for c in by_addr:
            f.write(f'{c["first"]} {c["last"]};"{c["address"]}";P{rng.randint(10**6, 10**7 - 1)}\n')
            pairs.append({"strong": c["key"], "name": f"{c['first']} {c['last']}", "evidence": ["name+postal_address"]})
    # Decoy: a parent and a child, one name, one address, two isikukoods.
    seen = {c["code"] for c in customers}
    first, last = rng.choice(S.FIRST["et"]), rng.choice(S.LAST["et"])
    addr = f"{rng.choice(S.STREETS['et'])} {rng.randint(1, 150)}-{rng.randint(1, 60)}, {rng.choice(S.CITIES['et'])}"
    family = [unique(rng, S.ee_isikukood, seen)[0] for _ in range(2)]
    with open(os.path.join(weak, "pere.csv"), "w", encoding="utf-8", newline="") as f:
        f.write("Isikukood;Nimi;Aadress\n")
        for code in family:
            f.write(f'{code};{first} {last};"{addr}"\n')
    before = base_persons + len(pairs) + 1 + len(family)
    write_json(os.path.join(out, "allium", "expected_scope.json"), {
        "weak": {"persons_before_review": before, "candidates": pairs, "persons_after_accepting_all": before - len(pairs),
                 "decoy_keys": ["ee:" + code for code in family]}})


if __name__ == "__main__":
    if len(sys.argv) != 2:
        sys.exit("usage: make-cases.py OUT_DIR")
    out = sys.argv[1]
    for case in (allium, asper, westlog, alab, pps):
        exp = case(out)
        print(case.__name__, json.dumps({"persons": exp["persons"], "elements": exp["elements"]}))
