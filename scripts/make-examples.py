#!/usr/bin/env python3
"""Writes the small synthetic leak in Examples/leak and its ground truth Examples/expected.json.

Shaped like the cases in shared/docs/cases.md: a pharmacy loyalty export with purchases joined by
card number (case 1), a Finnish home-delivery export in ISO-8859-15 (case 3), Polish lab reports
with two reports for some patients (cases 2/4), a log with decoys, a shared family inbox, a
truncated JSON file and a binary. All people are fictitious. Deterministic (fixed seed).

Usage: python3 scripts/make-examples.py [OUT_DIR]   (default: Examples)
"""
import json
import os
import random
import sys

sys.path.insert(0, os.path.dirname(__file__))
import synthetic as S  # noqa: E402

rng = random.Random(20231005)
out = sys.argv[1] if len(sys.argv) > 1 else os.path.join(os.path.dirname(__file__), "..", "Examples")
leak = os.path.join(out, "leak")
os.makedirs(os.path.join(leak, "lab"), exist_ok=True)

truth = {}  # person key -> set of elements


def expose(key, *elements):
    truth.setdefault(key, set()).update(elements)


# 1. Pharmacy loyalty customers (Estonian/Russian speakers), `;`-separated, UTF-8 with BOM.
customers = []
for i in range(120):
    lang = "ru" if i % 5 == 0 else "et"
    first, last = rng.choice(S.FIRST[lang]), rng.choice(S.LAST[lang])
    code, _ = S.ee_isikukood(rng)
    p = {"key": "ee:" + code, "code": code, "first": first, "last": last, "lang": lang,
         "card": f"{rng.randint(10**11, 10**12 - 1)}"}
    p["email"] = S.email(rng, first, last, "example.ee") if i % 7 != 3 else ""
    p["phone"] = S.ee_phone(rng)[0] if i % 4 == 0 else ""
    p["address"] = f"{rng.choice(S.STREETS['et'])} {rng.randint(1, 150)}-{rng.randint(1, 60)}, {rng.choice(S.CITIES['et'])}" if i % 3 == 0 else ""
    customers.append(p)
# A family: two persons sharing one inbox.
shared = "perekond.tamm@example.ee"
customers[10]["email"] = shared
customers[11]["email"] = shared
with open(os.path.join(leak, "customers.csv"), "w", encoding="utf-8-sig", newline="") as f:
    f.write("Isikukood;Eesnimi;Perenimi;E-post;Telefon;Aadress;Kliendikaart;Keel\r\n")
    for p in customers:
        f.write(";".join([p["code"], p["first"], p["last"], p["email"].upper() if rng.random() < 0.1 else p["email"],
                          p["phone"], f'"{p["address"]}"' if p["address"] else "", p["card"], p["lang"]]) + "\r\n")
        els = ["national_id", "name", "loyalty_card"]
        if p["email"]: els.append("email")
        if p["phone"]: els.append("phone")
        if p["address"]: els.append("postal_address")
        expose(p["key"], *els)

# Purchases joined through the loyalty card number (no identifiers in the rows).
products = ["Ibuprofeen 400 mg", "Päikesekreem SPF50", "Vitamiin D3", "Kassitoit 2 kg", "Hambapasta", "Glükoosi testribad"]
with open(os.path.join(leak, "purchases.ndjson"), "w", encoding="utf-8") as f:
    for p in customers[:80]:
        for _ in range(rng.randint(1, 3)):
            order = f"ORD-{rng.randint(10**9, 10**10 - 1)}"
            product = rng.choice(products)
            if product == "Glükoosi testribad":  # diabetes supplies: health data (products rule pack)
                expose(p["key"], "health_data")
            f.write(json.dumps({"tellimus": order, "kliendikaart": p["card"],
                                "toode": product, "kogus": rng.randint(1, 4),
                                "created_at": f"2023-0{rng.randint(1, 9)}-1{rng.randint(0, 9)}T10:2{rng.randint(0, 9)}:00Z"},
                               ensure_ascii=False) + "\n")
        expose(p["key"], "purchase_history")

# 2. Finnish home deliveries (processor data), ISO-8859-15, comma-separated with quotes.
with open(os.path.join(leak, "toimitukset.csv"), "w", encoding="iso-8859-15", newline="") as f:
    f.write("Nimi,Katuosoite,Postinumero,Postitoimipaikka,Puhelin,Henkilötunnus,Tuote,Hyvinvointialue\n")
    for i in range(60):
        first, last = rng.choice(S.FIRST["fi"]), rng.choice(S.LAST["fi"])
        written, e164 = S.fi_phone(rng)
        hetu = S.fi_hetu(rng)[0] if i % 6 == 0 else ""
        key = "fi:" + hetu if hetu else "tel:" + e164
        street = f"{rng.choice(S.STREETS['fi'])} {rng.randint(1, 99)} B {rng.randint(1, 40)}"
        region = rng.choice(["Päijät-Häme", "Pohjois-Karjala", "Itä-Uusimaa", "Kymenlaakso"])
        f.write(f'"{first} {last}","{street}",{rng.randint(10000, 99999):05d},{rng.choice(S.CITIES["fi"])},{written},{hetu},"Vaippa M, 28 kpl",{region}\n')
        # adult diapers: incontinence aids; a file of deliveries (`toimitukset`): each row was delivered
        els = ["name", "postal_address", "phone", "purchase_history", "health_data", "delivery_info"]
        if hetu: els.append("national_id")
        expose(key, *els)

# 3. Polish lab reports: one text file per report, some patients twice.
patients = []
for i in range(25):
    first, last = rng.choice(S.FIRST["pl"]), rng.choice(S.LAST["pl"])
    pesel, (y, m, d) = S.pl_pesel(rng)
    patients.append({"key": "pl:" + pesel, "pesel": pesel, "name": f"{first} {last}", "dob": f"{d:02d}.{m:02d}.{y}",
                     "addr": f"{rng.choice(S.STREETS['pl'])} {rng.randint(1, 200)}, {rng.randint(10, 99)}-{rng.randint(100, 999)} {rng.choice(S.CITIES['pl'])}"})
n = 0
for i, p in enumerate(patients):
    for _ in range(2 if i % 3 == 0 else 1):
        n += 1
        with open(os.path.join(leak, "lab", f"wynik_{n:04d}.txt"), "w", encoding="utf-8") as f:
            f.write(f"""LABORATORIUM MEDYCZNE — WYNIK BADANIA nr {rng.randint(10**7, 10**8 - 1)}
Data pobrania: 2023-0{rng.randint(1, 9)}-1{rng.randint(0, 9)} 08:1{rng.randint(0, 9)}

Imię i nazwisko: {p['name']}
PESEL: {p['pesel']}
Data urodzenia: {p['dob']}
Adres: {p['addr']}

Morfologia krwi: hemoglobina 13.{rng.randint(0, 9)} g/dl (norma 12.0-16.0)
TSH: {rng.randint(1, 4)}.{rng.randint(10, 99)} mIU/l
""")
        expose(p["key"], "name", "national_id", "date_of_birth", "postal_address", "lab_result")

# 4. A server log: a few e-mails among decoys (order numbers, timestamps, numbers with bad checks).
with open(os.path.join(leak, "app.log"), "w", encoding="utf-8") as f:
    for i in range(300):
        ts = f"2023-04-{rng.randint(10, 28)}T{rng.randint(10, 23)}:{rng.randint(10, 59)}:{rng.randint(10, 59)}Z"
        kind = i % 10
        if kind == 0:
            first, last = rng.choice(S.FIRST["en"]), rng.choice(S.LAST["en"])
            e = S.email(rng, first, last, "example.com")
            f.write(f"{ts} INFO password reset requested by {e}\n")
            expose("mail:" + e.lower(), "email")
        elif kind == 1:
            code, _ = S.ee_isikukood(rng)
            bad = code[:-1] + str((int(code[-1]) + 1) % 10)
            f.write(f"{ts} WARN lookup failed for id {bad}\n")
        else:
            f.write(f"{ts} INFO order {rng.randint(10**9, 10**10 - 1)} shipped, epoch {rng.randint(1600000000, 1700000000)}, ref {rng.randint(10**10, 10**11 - 1)}\n")

# 5. Broken and unreadable files: they must be reported, not silently passed over.
with open(os.path.join(leak, "export_truncated.json"), "w", encoding="utf-8") as f:
    f.write('{"customers": [{"name": "Kati Kask", "email": "kati.kask')
# The complete fields before the cut are exposed all the same: the name counts, the cut e-mail not.
expose("json:kati-kask", "name")
with open(os.path.join(leak, "scan.bin"), "wb") as f:
    f.write(bytes(rng.randint(0, 255) for _ in range(4096)))

persons = len(truth)
per_element = {}
for els in truth.values():
    for e in els:
        per_element[e] = per_element.get(e, 0) + 1
expected = {"persons": persons, "elements": dict(sorted(per_element.items())),
            "files": {"total": len(os.listdir(leak)) - 1 + len(os.listdir(os.path.join(leak, "lab"))),
                      "failed": 1, "skipped": 1}}
with open(os.path.join(out, "expected.json"), "w") as f:
    json.dump(expected, f, indent=2, sort_keys=True)
    f.write("\n")
print(json.dumps(expected))
