#!/usr/bin/env python3
"""Writes five small synthetic leaks shaped like the real cases of shared/docs/cases.md, each with
its ground truth, for the end-to-end tests in Tests/breachscopeTests/CaseScanTests.swift.

    OUT_DIR/<case>/leak/...                 the leaked files (alab: leak/batch1, leak/batch2)
    OUT_DIR/<case>/expected.json            {"persons": N, "elements": {element: persons}, ...}
    OUT_DIR/<case>/expected_persons.jsonl   one true person a line: its identifiers
                                            [[type, value], ...] (national IDs, e-mails lower-cased,
                                            phones E.164), its elements, and (alab) its batches

Cases: allium (pharmacy loyalty, et/ru/en), asper (genetic lab, et), westlog (Finnish home
deliveries, fi/sv), alab (Polish lab, pl, two batches), pps (US mail-order pharmacy, en).
Every person is fictitious, every national ID has a valid checksum (decoys aside, which are
planted on purpose and never counted). Deterministic: one fixed seed per case.
Counts come from the generator's own bookkeeping (`Truth.expose`), never from BreachScope.

Elements that BreachScope does not detect yet (genetic data, lab results, health data inferred
from products) are listed under "not_yet_detected" in expected.json, not under "elements".

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
        for e in pending:
            self.pending.setdefault(e, set()).add(key)

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
        expected = {"persons": n, "elements": per,
                    "not_yet_detected": {e: len(k) for e, k in sorted(self.pending.items())}}
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
                f.write(json.dumps({"tellimus": order, "kliendikaart": c["card"], "toode": rng.choice(products),
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
    return t.write(os.path.join(out, "allium"))


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
    return t.write(os.path.join(out, "asper"))


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

    def expose(p):
        key = "fi:" + p["hetu"] if p["hetu"] else "tel:+358" + p["n9"]
        ids = [("phone", "+358" + p["n9"])] + ([("fi_hetu", p["hetu"])] if p["hetu"] else [])
        els = ["name", "postal_address", "phone", "purchase_history"] + (["national_id"] if p["hetu"] else [])
        t.expose(key, ids, els, pending=["health_data"])

    with open(os.path.join(leak, "paijat-hame_toimitukset.csv"), "w", encoding="utf-8", newline="") as f:
        f.write("Nimi,Lähiosoite,Postinumero,Postitoimipaikka,Puhelin,Henkilötunnus,Tuote,Määrä,Toimituspäivä,Tilausnumero\n")
        for p in people["paijat-hame"]:
            f.write(f'"{p["first"]} {p["last"]}","{p["street"]}",{p["zip"]},{p["city"]},{fi_phone_written(rng, p["n9"])},'
                    f'{p["hetu"]},"{rng.choice(PRODUCTS_FI)}",{rng.randint(1, 4)},{rng.randint(1, 28)}.{rng.randint(1, 12)}.2023,'
                    f'{rng.randint(10**8, 10**9 - 1)}\n')
            expose(p)
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
            expose(p)
    # Kymenlaakso: tab-separated, upper-case headers, names "SURNAME FIRSTNAME", one address column.
    with open(os.path.join(leak, "kymenlaakso.tsv"), "w", encoding="utf-8", newline="") as f:
        f.write("NIMI\tOSOITE\tPUH\tHETU\tTUOTE\tTILAUSNRO\n")
        for p in people["kymenlaakso"]:
            f.write(f'{p["last"].upper()} {p["first"].upper()}\t{p["street"]}, {p["zip"]} {p["city"].upper()}\t'
                    f'{fi_phone_written(rng, p["n9"])}\t{p["hetu"]}\t{rng.choice(PRODUCTS_FI)}\t2023{rng.randint(0, 999999):06d}\n')
            expose(p)
    return t.write(os.path.join(out, "westlog"))


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
    return t.write(os.path.join(out, "alab"), extra)


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
    return t.write(os.path.join(out, "pps"))


if __name__ == "__main__":
    if len(sys.argv) != 2:
        sys.exit("usage: make-cases.py OUT_DIR")
    out = sys.argv[1]
    for case in (allium, asper, westlog, alab, pps):
        exp = case(out)
        print(case.__name__, json.dumps({"persons": exp["persons"], "elements": exp["elements"]}))
