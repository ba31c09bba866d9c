"""Case 4: medical laboratory network (Poland), leak published in three batches."""
import collections
import datetime
import json

import ids
from fmt import Factory, addr_pl_street, csv_row, email_messy, phone_fmt
from model import Leak, Truth, fold

LAB = "Laboratoria Medyczne Vitalab sp. z o.o."
BATCHES = {"batch1": "2023-11-14", "batch2": "2023-11-21", "batch3": "2023-12-05"}
TESTS = [  # code, name, unit, lo, hi
    ("WBC", "Leukocyty (WBC)", "tys/µl", 4.0, 10.0), ("HGB", "Hemoglobina (HGB)", "g/dl", 12.0, 16.0), ("PLT", "Płytki krwi (PLT)", "tys/µl", 150, 400),
    ("GLU", "Glukoza na czczo", "mg/dl", 70, 99), ("TSH", "TSH", "µIU/ml", 0.27, 4.2), ("CRP", "Białko C-reaktywne (CRP)", "mg/l", 0, 5),
    ("CHOL", "Cholesterol całkowity", "mg/dl", 115, 190), ("HBA1C", "Hemoglobina glikowana (HbA1c)", "%", 4.0, 5.6),
    ("ALT", "ALT", "U/l", 0, 35), ("KREA", "Kreatynina", "mg/dl", 0.5, 1.1), ("FT4", "FT4", "ng/dl", 0.93, 1.7), ("PSA", "PSA całkowity", "ng/ml", 0, 4),
]
DIAG = [("E11", "cukrzyca typu 2"), ("E03.9", "niedoczynność tarczycy"), ("I10", "nadciśnienie tętnicze"), ("N18", "przewlekła choroba nerek"),
        ("O24.4", "cukrzyca ciążowa")]
PACKAGES = ["Pakiet tarczycowy", "Pakiet sercowy", "Morfologia + CRP", "Pakiet dla kobiet", "Pakiet cukrzycowy", "Pakiet wątrobowy"]


def generate(rng, outdir, name):
    leak = Leak(f"{outdir}/{name}/leak")
    T = Truth(name, leak)
    F = Factory(rng)

    # ---------------------------------------------------------------- population
    people = []
    n = 0

    def new(kind, first):
        nonlocal n
        n += 1
        female = rng.random() < .58
        lang = "pl" if kind == "pl" else "uk"
        lo, hi = ((1930, 2005) if rng.random() < .9 else (2006, 2020)) if kind == "pl" else (1950, 2012)
        g, s, gc, sc, dob = F.unique_person(lang, female, lo, hi)
        p = T.person(f"c4p{n:04d}", given=g, family=s, cyr=(gc, sc) if gc else None, lang="pl" if kind == "pl" else "uk",
                     female=female, dob=dob)
        p.kind, p.first = kind, first
        p.pesel = F.nid(ids.pesel_make, dob, female) if kind != "ua_nopesel" else None
        p.passport = f"F{rng.choice('AEKMT')}{rng.randint(100000, 999999)}" if kind.startswith("ua") else None
        p.addr = F.address("PL")
        p.phone = F.phone("PL") if rng.random() < .6 or kind.startswith("ua") else None
        p.email = F.email(g, s, "PL") if rng.random() < .45 else None
        p.controllers = [LAB]
        people.append(p)
        return p

    for _ in range(rng.randint(380, 400)):
        new("pl", rng.choices(["batch1", "batch2", "batch3"], [45, 35, 20])[0])
    for _ in range(14):
        new("ua_pesel", "batch2")
    for _ in range(16):
        new("ua_nopesel", "batch2")
    for p in people:
        if p.kind.startswith("ua"):
            p.notes.append("Ukrainian patient: Cyrillic name in the order list, Polish transliteration in results" +
                           ("; no PESEL, linked by passport number" if p.kind == "ua_nopesel" else ""))

    def first_b(p):
        return p.first

    lab_doctors = []
    for _ in range(8):
        g, s, *_x = F.name("pl", rng.random() < .6)
        lab_doctors.append((f"lek. {g} {s}", f"{rng.randint(1000000, 9999999)}"))
    diagn = [f"mgr {x} {y}" for x, y, *_z in (F.name("pl", True) for _ in range(4))]
    result_no = [rng.randint(100000, 200000)]

    # ---------------------------------------------------------------- helpers
    def result_file(batch, folder, p, date, with_addr, diag):
        result_no[0] += rng.randint(1, 40)
        nr = result_no[0]
        D = leak.doc(f"{batch}/wyniki/{folder}/{date.year}/SPR_{nr}.txt", encoding="utf-8" if rng.random() < .7 else "cp1250",
                     newline="\r\n")
        r = T.rec(D, p, batch)
        D.ln("SPRAWOZDANIE Z BADAŃ LABORATORYJNYCH")
        D.ln(f"{LAB} - Punkt pobrań nr {rng.randint(1, 300)}")
        D.ln(f"Nr zlecenia: {date:%y%m%d}{nr}")
        D.ln("")
        nm = rng.choice([f"{p.family.upper()} {p.given.upper()}", f"{p.given} {p.family}", f"{p.family} {p.given}"])
        D.ln(f"Pacjent: {nm}")
        r.name(nm, "Pacjent")
        if p.pesel:
            D.ln(f"PESEL: {p.pesel}")
            r.id("pl_pesel", p.pesel, p.pesel, "PESEL")
        else:
            D.ln(f"PESEL: brak   Dokument: paszport {p.passport}")
            r.key("passport:" + p.passport)
        ds = p.dob.strftime("%Y-%m-%d") if rng.random() < .5 else p.dob.strftime("%d.%m.%Y")
        D.ln(f"Data urodzenia: {ds}   Płeć: {'K' if p.female else 'M'}")
        r.dob(p.dob, ds, "Data urodzenia")
        if with_addr:
            st = addr_pl_street(rng, p.addr)
            D.ln(f"Adres: {st}, {p.addr['zip']} {p.addr['city']}")
            r.addr(p.addr["id"], [st, p.addr["city"]], "Adres")
        doc = rng.choice(lab_doctors)
        D.ln(f"Zlecający: {doc[0]} (NPWZ {doc[1]})")
        if diag:
            d = rng.choice(DIAG)
            D.ln(f"Rozpoznanie: {d[0]} {d[1]}")
            r.el("health_data", "Rozpoznanie")
        D.ln(f"Data pobrania: {date:%Y-%m-%d} {rng.randint(7, 11):02d}:{rng.randint(0, 59):02d}")
        D.ln("")
        D.ln(f"{'Badanie':<34}{'Wynik':>10}  {'Jedn.':<8}{'Zakres ref.':<14}")
        for t in rng.sample(TESTS, rng.randint(2, 6)):
            v = round(rng.uniform(t[3] * .6, t[4] * 1.5 + .5), 2)
            flag = " H" if v > t[4] else (" L" if v < t[3] else "")
            D.ln(f"{t[1]:<34}{v:>10}{flag:<3}{t[2]:<8}{t[3]}-{t[4]}")
        D.ln("")
        D.ln(f"Autoryzował: {rng.choice(diagn)}, diagnosta laboratoryjny")
        r.el("lab_result", "Badanie").el("health_data", "Wynik", opt=True)
        return D

    # ================================================================ batch 1
    b = "batch1"
    b1 = [p for p in people if p.first == b]
    E = leak.doc(f"{b}/pacjenci_eksport_2019.csv", encoding="cp1250", newline="\r\n")
    E.ln("sep=;")
    E.ln("Nazwisko;Imię;PESEL;Data ur.;Płeć;Ulica;Kod;Miejscowość;Nr tel.;E-mail adres;;")
    in_export = [p for p in b1 if rng.random() < .75]
    for p in in_export:
        r = T.rec(E, p, b)
        lost = p.pesel.startswith("0")
        pes = p.pesel.lstrip("0") if lost else p.pesel
        r.id("pl_pesel", p.pesel, pes, "PESEL", weak=lost)
        if lost:
            p.notes.append("PESEL lost its leading zero in the 2019 Excel export")
        r.name2(p.family, p.given, "Nazwisko", "Imię")
        ds = p.dob.strftime("%Y-%m-%d")
        r.dob(p.dob, ds, "Data ur.")
        st = addr_pl_street(rng, p.addr, rng.choice([0, 1]))
        r.addr(p.addr["id"], [st, p.addr["city"]], "Ulica")
        ph = ""
        if p.phone and rng.random() < .8:
            ph = phone_fmt(rng, p.phone, rng.choice([0, 1, 2, 3]))
            r.id("phone", p.phone, ph, "Nr tel.")
        em = ""
        if p.email and rng.random() < .7:
            em = email_messy(rng, p.email)
            r.id("email", p.email, em, "E-mail adres")
        E.ln(csv_row([p.family, p.given, pes, ds, "K" if p.female else "M", st, p.addr["zip"], p.addr["city"], ph, em, "", ""], ";"))
    exp_set = set(id(p) for p in in_export)
    for p in b1:
        k = 1 if id(p) in exp_set else 2
        if id(p) not in exp_set or rng.random() < .55 or p.pesel.startswith("0"):
            for _ in range(rng.randint(1, k)):
                d = datetime.date(rng.randint(2017, 2019), rng.randint(1, 12), rng.randint(1, 28))
                result_file(b, "2017-2019", p, d, with_addr=rng.random() < .6, diag=rng.random() < .2)
    Z = leak.doc(f"{b}/wyniki_zbiorcze_2017_2019.csv", encoding="utf-8", newline="\n")
    Z.ln("pesel,kod_badania,badanie,wynik,jednostka,norma,data_pobrania")
    rows = []
    for p in b1:
        if rng.random() < .7:
            for _ in range(rng.randint(3, 14)):
                t = rng.choice(TESTS)
                rows.append((datetime.date(rng.randint(2017, 2019), rng.randint(1, 12), rng.randint(1, 28)), p, t))
    rows.sort(key=lambda x: (x[0], x[1].tid))
    for d, p, t in rows:
        v = round(rng.uniform(t[3] * .6, t[4] * 1.4 + .5), 2)
        Z.ln(csv_row([p.pesel, t[0], t[1], str(v).replace(".", ","), t[2], f"{t[3]}-{t[4]}", d.isoformat()], ","))
        T.rec(Z, p, b).id("pl_pesel", p.pesel, p.pesel, "pesel").el("lab_result", "wynik").el("health_data", "wynik", opt=True) \
            .el("date_of_birth", "pesel", opt=True)
    R = leak.doc(f"{b}/README_VITALAB.txt")
    R.ln("VITALAB DATA LEAK - PART 1")
    R.ln("We have 200 GB of patient data 2017-2023. Next part in 7 days if no payment.")
    R.ln("Proof: wyniki_zbiorcze_2017_2019.csv, pacjenci_eksport_2019.csv")

    # ================================================================ batch 2
    b = "batch2"
    b2 = [p for p in people if p.first == b]
    known = rng.sample(b1, int(len(b1) * .3))
    for p in b2 + known:
        if p.kind == "ua_nopesel" or id(p) in {id(x) for x in known} or rng.random() < .8:
            for _ in range(rng.randint(1, 2)):
                d = datetime.date(rng.randint(2020, 2021), rng.randint(1, 12), rng.randint(1, 28))
                result_file(b, "2020-2021", p, d, with_addr=rng.random() < .5, diag=(p.first == b and rng.random() < .2))
    P = leak.doc(f"{b}/portal_pacjenta_konta.ndjson")
    portal = [p for p in b2 if p.kind == "pl" and rng.random() < .5] + [p for p in known if rng.random() < .5] + \
             [p for p in b1 if p not in known and rng.random() < .15]
    rng.shuffle(portal)
    for p in portal:
        if not p.email:
            p.email = F.email(p.given, p.family, "PL")
        if not p.phone and rng.random() < .5:
            p.phone = F.phone("PL")
        ascii_names = rng.random() < .3
        fn = fold(p.given).title() if ascii_names else p.given
        ln = fold(p.family).title() if ascii_names else p.family
        ph = phone_fmt(rng, p.phone, rng.choice([3, 4])) if p.phone else None
        st = addr_pl_street(rng, p.addr, 0)
        obj = {"id": rng.randint(10**6, 10**7), "pesel": p.pesel, "firstName": fn, "lastName": ln, "email": p.email,
               "phone": ph, "dateOfBirth": p.dob.isoformat(),
               "address": {"street": st, "zip": p.addr["zip"], "city": p.addr["city"]} if rng.random() < .7 else None,
               "consents": {"marketing": rng.choice([True, False]), "results_by_email": True},
               "lastLogin": f"2023-{rng.randint(1, 10):02d}-{rng.randint(1, 28):02d}T{rng.randint(0, 23):02d}:00:00Z"}
        P.ln(json.dumps(obj, ensure_ascii=False))
        r = T.rec(P, p, b).id("pl_pesel", p.pesel, p.pesel, "pesel").name2(fn, ln, "firstName", "lastName") \
            .id("email", p.email, p.email, "email").dob(p.dob, p.dob.isoformat(), "dateOfBirth")
        if ph:
            r.id("phone", p.phone, ph, "phone")
        if obj["address"]:
            r.addr(p.addr["id"], [st, p.addr["city"]], "address")
        if ascii_names and (fn != p.given or ln != p.family):
            p.notes.append("name without Polish letters in the patient portal")
    U = leak.doc(f"{b}/zlecenia_ukr.csv", encoding="utf-8", bom=True)
    U.ln("Прізвище / Nazwisko,Ім'я / Imię,Дата народження / Data ur.,PESEL,Паспорт / Paszport,Телефон / Telefon")
    for p in [x for x in people if x.kind.startswith("ua")]:
        gc, sc = p.cyr
        ds = p.dob.strftime("%d.%m.%Y")
        ph = phone_fmt(rng, p.phone, rng.choice([0, 3, 5]))
        U.ln(csv_row([sc, gc, ds, p.pesel or "", p.passport, ph], ","))
        r = T.rec(U, p, b).name2(gc, sc, "Ім'я", "Прізвище").dob(p.dob, ds, "Дата народження").id("phone", p.phone, ph, "Телефон") \
            .key("passport:" + p.passport)
        if p.pesel:
            r.id("pl_pesel", p.pesel, p.pesel, "PESEL")
    zmem = leak.member(f"{b}/wyniki_2020_2021.zip", "wyniki_2020_2021.csv", encoding="cp1250", newline="\r\n")
    zmem.ln("PESEL;Nazwisko i imię;Badanie;Wynik;Data")
    for p in [x for x in b2 if x.pesel] + known[:20]:
        for _ in range(rng.randint(1, 5)):
            t = rng.choice(TESTS)
            nm = f"{p.family} {p.given}"
            try:
                nm.encode("cp1250")
            except UnicodeEncodeError:
                nm = ""
            zmem.ln(f"{p.pesel};{nm};{t[1]};{round(rng.uniform(t[3], t[4] * 1.3 + .3), 1)};{rng.randint(2020, 2021)}-{rng.randint(1, 12):02d}-{rng.randint(1, 28):02d}")
            r = T.rec(zmem, p, b).id("pl_pesel", p.pesel, p.pesel, "PESEL").el("lab_result", "Wynik").el("health_data", "Wynik", opt=True)
            if nm:
                r.name(nm, "Nazwisko i imię")
    leak.zip(f"{b}/wyniki_2020_2021.zip", [zmem])

    # ================================================================ batch 3
    b = "batch3"
    b3 = [p for p in people if p.first == b]
    seen_before = [p for p in people if p.first != b]
    shop_new = [p for p in b3 if rng.random() < .6]
    def linkable_for_shop(p):
        ks = set()
        for r in p.records:
            ks |= r.link_keys()
        return any(isinstance(k, tuple) and k[0] == "name+addr" for k in ks) or any(
            isinstance(k, str) and k.startswith(("email:", "phone:")) for k in ks)
    shop_known = rng.sample([p for p in seen_before if linkable_for_shop(p)], 45)
    S = leak.doc(f"{b}/sklep/zamowienia_2022_2023.json")
    orders, accounts = [], []
    for p in shop_new + shop_known:
        if not p.email:
            p.email = F.email(p.given, p.family, "PL")
        if not p.phone:
            p.phone = F.phone("PL")
        card = ids.card_make(rng, rng.choice(["visa", "mc", "mc2"])) if rng.random() < .25 else None
        if card:
            p.card = card
        iban = ids.iban_pl(rng) if rng.random() < .08 else None
        if iban:
            p.iban = iban
        for _ in range(rng.randint(1, 2)):
            st = addr_pl_street(rng, p.addr, rng.choice([0, 1]))
            pay = {"method": "card", "cardNumber": f"{card[:4]} {card[4:8]} {card[8:12]} {card[12:]}" if card else None,
                   "cardMasked": None if card else f"**** **** **** {rng.randint(1000, 9999)}", "status": "PAID"}
            if iban:
                pay["refund"] = {"iban": iban, "amount": rng.choice([49.0, 89.0])}
            o = {"orderNo": f"VL/{rng.randint(2022, 2023)}/{rng.randint(10000, 99999)}", "email": email_messy(rng, p.email),
                 "phone": phone_fmt(rng, p.phone, rng.choice([0, 1, 3, 4])),
                 "billing": {"name": f"{p.given} {p.family}", "street": st, "postcode": p.addr["zip"], "city": p.addr["city"]},
                 "items": [{"name": rng.choice(PACKAGES), "price": rng.choice([49.0, 89.0, 129.0, 199.0])}], "payment": pay}
            orders.append((o, p))
        accounts.append(p)
    orders.sort(key=lambda x: x[0]["orderNo"])
    S.w(json.dumps([o for o, _ in orders], ensure_ascii=False, indent=1))
    for o, p in orders:
        r = T.rec(S, p, b).name(o["billing"]["name"], "billing.name").id("email", p.email, o["email"], "email") \
            .id("phone", p.phone, o["phone"], "phone").addr(p.addr["id"], [o["billing"]["street"], p.addr["city"]], "billing") \
            .el("purchase_history", "items").el("health_data", "items", opt=True)
        if o["payment"]["cardNumber"]:
            r.id("payment_card", p.card, o["payment"]["cardNumber"], "payment.cardNumber")
        if "refund" in o["payment"]:
            r.id("iban", p.iban, p.iban, "payment.refund.iban")
    K = leak.doc(f"{b}/sklep/konta_uzytkownikow.csv")
    K.ln("user_id,login,password_hash,created_at,last_login,newsletter")
    for p in accounts:
        h = "$2y$10$" + "".join(rng.choice("./ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789") for _ in range(53))
        K.ln(csv_row([rng.randint(1000, 99999), p.email, h, f"202{rng.randint(0, 3)}-0{rng.randint(1, 9)}-1{rng.randint(0, 9)}", "2023-10-30", rng.choice(["0", "1"])], ","))
        T.rec(K, p, b).id("email", p.email, p.email, "login").el("credentials", "password_hash")
    for p in b3:
        if p not in shop_new or rng.random() < .6:
            d = datetime.date(rng.randint(2022, 2023), rng.randint(1, 12), rng.randint(1, 28))
            result_file(b, "2022-2023", p, d, with_addr=(p in shop_new) or rng.random() < .5, diag=rng.random() < .2)
    for p in rng.sample(seen_before, 35):
        d = datetime.date(2023, rng.randint(1, 9), rng.randint(1, 28))
        result_file(b, "2022-2023", p, d, with_addr=rng.random() < .3, diag=False)
    # republished batch-1 files (identical bytes)
    b1_results = [d for nm, d in list(leak.docs.items()) if nm.startswith("batch1/wyniki/")]
    for d in rng.sample(b1_results, 10):
        cp = leak.copy("batch3/powtorka/" + d.name.split("/")[-1], d)
        for rec in [x for x in T.records if x.doc is d]:
            r = T.rec(cp, rec.p, b)
            for pname, val in (("names", rec.names), ("dobs", rec.dobs), ("addrs", rec.addrs)):
                getattr(r, pname).extend(val)
            r.keys |= rec.keys
            for e in ("name", "national_id", "date_of_birth", "lab_result") + (("postal_address",) if rec.addrs else ()):
                if e in rec.p.req or e in rec.p.opt:
                    r.el(e, "republished")
            r.el("health_data", "Wynik", opt=True)
            for o in list(rec.p.occ):
                if o["file"] == d.name:
                    rec.p.occ.append(dict(o, file=cp.name))
        cp_note = "republished batch-1 report in batch 3"
    L = leak.doc(f"{b}/lista_plikow.txt")
    for nm in list(leak.docs)[:200:7]:
        L.ln(f"-rw-r--r--  1 root root {rng.randint(800, 90000):>7}  {nm}")
    Q = leak.doc(f"{b}/kontakt_punkty_pobran.csv", encoding="cp1250", newline="\r\n")
    Q.ln("Punkt;Adres;Telefon;E-mail")
    for k in range(12):
        a = F.address("PL")
        tel = f"({rng.choice(['22', '12', '42', '71', '61'])}) {rng.randint(100, 999)} {rng.randint(10, 99)} {rng.randint(10, 99)}"
        em = f"punkt{k + 1:03d}@vitalab.test"
        Q.ln(f"PP-{k + 1:03d};{addr_pl_street(rng, a, 0)}, {a['zip']} {a['city']};{tel};{em}")
        if k < 4:
            digits = "".join(ch for ch in tel if ch.isdigit())
            T.decoy("+48" + digits, "collection_point_phone", Q, "Telefon", raw=tel)
            T.decoy(em, "collection_point_mailbox", Q, "E-mail")

    # ---------------------------------------------------------------- batch truth
    batches = {}
    seen = set()
    seen_el = collections.defaultdict(set)
    conflicts = []
    for bn in sorted(BATCHES):
        new, kwn = [], {}
        for p in T.persons.values():
            if bn not in p.any_batch:
                continue
            if p.tid not in seen:
                new.append(p.tid)
            else:
                add = sorted(e for e in p.req_batch.get(bn, set()) if e in p.req and e not in seen_el[p.tid])
                if add:
                    kwn[p.tid] = add
                for e in p.req_batch.get(bn, set()):
                    if e in p.req and e not in seen_el[p.tid] and any(e in p.any_batch.get(x, set()) for x in BATCHES if x < bn):
                        conflicts.append((p.tid, e, bn))
        for p in T.persons.values():
            if bn in p.any_batch:
                seen.add(p.tid)
                seen_el[p.tid] |= p.any_batch[bn]
        batches[bn] = {"new": new, "known_with_new_elements": kwn, "cumulative": len(seen)}
    errs = T.check()
    for c in conflicts[:10]:
        errs.append(f"batch conflict: {c} element first seen optionally, required later")
    truth = T.to_json(title="Medical laboratory network (Poland), batches", organisation=LAB, role="controller",
                      batches=batches, batch_published=BATCHES)
    return leak, truth, errs
