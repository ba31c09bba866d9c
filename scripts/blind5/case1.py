"""Case 1: loyalty system of a pharmacy / beauty / pet-store group (Estonia).

Shapes: an EAV attribute table (one customer spread over many rows, late updates appended), header-less
pipe-separated purchase files joined by loyalty card, one minified JSON object keyed by customer id with
\\u-escaped text and ID codes as JSON numbers, a 64-column ISO-8859-15 register with its header in row 3
and duplicated header names, a Slack export of the support channel, WhatsApp chat exports (Cyrillic
display names, a phone number as display name), a GraphQL ticket dump with quoted replies, and a 2019 zip
holding a header-less ISO-8859-13 CSV with upper-case surnames and old e-mail addresses.
"""
import datetime as dt
import json

import ids
import names as N
from check import any_person_id, name_tokens
from common import Case

STREETS = ["Pärna tn", "Kase tn", "Tähe tn", "Riia mnt", "Kalda tee", "Mõisa tn", "Vabriku tn", "Jõe tn", "Sõpruse pst",
           "Lille tn", "Kõrtsi põik", "Ülikooli tn", "Pikk tn", "Männi tn", "Õuna tn", "Metsa tn"]
CITIES = [("Tallinn", 10111, 13999), ("Tartu", 50101, 51999), ("Pärnu", 80010, 80099), ("Narva", 20101, 20999),
          ("Viljandi", 71001, 71099), ("Rakvere", 44301, 44399), ("Kohtla-Järve", 30301, 30399), ("Valga", 68201, 68299),
          ("Jõhvi", 41531, 41599), ("Haapsalu", 90501, 90599)]
PRODUCTS = ["Ibuprofeen 400mg N20", "Paratsetamool 500mg N20", "C-vitamiin 1000mg N30", "Rasedustest 2tk", "Kondoomid N12",
            "Ninasprei 10ml", "Päikesekaitsekreem SPF50", "Hambapasta Sensitive", "Silmatilgad 10ml", "Magneesium B6 N50",
            "Kurgupastillid N24", "Plaastrid N20", "Allergiatabletid N10", "Nikotiini närimiskumm N30", "Kreatiinikreem 50ml",
            "D3-vitamiin 2000IU N90", "Probiootikum N14", "Kõhulahtisuse vastane N12", "Juuksešampoon 250ml", "Termomeeter digitaalne"]
PET_PRODUCTS = ["Koeratoit täiskasvanule 2kg", "Kassiliiv 10l", "Närimiskont L", "Kassitoit lõhega 400g", "Puukide vastane kaelarihm",
                "Linnuseemned 1kg", "Akvaariumifilter", "Hamstri allapanu 15l"]
PETS = [("Muri", "koer"), ("Miisu", "kass"), ("Pontu", "koer"), ("Nurr", "kass"), ("Kiki", "papagoi"), ("Reks", "koer"),
        ("Liisu", "kass"), ("Bella", "koer"), ("Tom", "kass"), ("Pipi", "hamster")]
STAFF = [("Karin", "Vaher"), ("Marek", "Lind"), ("Helena", "Org"), ("Sander", "Kruus"), ("Ljudmila", "Petrova"), ("Aleks", "Nurm")]


def _addr(rng):
    st = rng.choice(STREETS)
    no = f"{rng.randint(1, 88)}" + (f"-{rng.randint(1, 60)}" if rng.random() < 0.6 else "")
    city, a, b = rng.choice(CITIES)
    return {"street": f"{st} {no}", "city": city, "zip": str(rng.randint(a, b))}


def _addr_str(a):
    return f"{a['street']}, {a['zip']} {a['city']}"


def build(rng):
    c = Case("case1_allium_loyalty", "Pharmacy-chain loyalty system (Estonia) — blind5", rng)
    used_names, used_emails, used_cards, used_phones = set(), set(), set(), set()
    c.scratch["used_phones"] = used_phones
    n = rng.randint(1250, 1500)
    for _ in range(n):
        r = rng.random()
        cyr = None
        if r < 0.62:
            kind, lang = "EE", "et"
            g, s, f = _uniq(used_names, lambda: N.pick_et(rng))
        elif r < 0.89:
            kind, lang = "EE", "ru"
            while True:
                g, s, f, cyr = N.pick_ru(rng)
                if name_tokens(f"{g} {s}") not in used_names:
                    used_names.add(name_tokens(f"{g} {s}"))
                    break
        elif r < 0.94:
            kind, lang = "EE", "en"
            g, s, f = _uniq(used_names, lambda: N.pick_simple(rng, N.EN_M, N.EN_F, N.EN_S))
        elif r < 0.97:
            kind, lang = "LV", rng.choice(["ru", "en"])
            g, s, f = _uniq(used_names, lambda: N.pick_gendered(rng, N.LV_M, N.LV_F, N.LV_S))
        else:
            kind, lang = "LT", rng.choice(["ru", "en"])
            g, s, f = _uniq(used_names, lambda: N.pick_gendered(rng, N.LT_M, N.LT_F, N.LT_S))
        p = c.person(g, s, lang, female=f, country=kind)
        if cyr:
            p.a["cyr"] = cyr
            p.name_variants.append(cyr)
        dob = ids.rand_date(rng, 1938, 2005)
        p.a["dob"] = dob
        if kind == "EE":
            p.a["nid"] = ("ee_isikukood", ids.ee_like(rng, dob, f))
        elif kind == "LT":
            p.a["nid"] = ("lt_asmens_kodas", ids.ee_like(rng, dob, f))
        else:
            p.a["nid"] = ("lv_personas_kods", ids.lv_new(rng) if rng.random() < 0.3 else ids.lv_old(rng, dob))
        if rng.random() < 0.72:
            p.a["email"] = ids.email_for(rng, g, s, used_emails)
        if rng.random() < 0.24:
            p.a["phone"] = _uniq_phone(rng, used_phones, "EE")
        if rng.random() < 0.16:
            p.a["addr"] = _addr(rng)
        ch = set()
        if rng.random() < 0.7:
            ch.add("apteek")
        if rng.random() < 0.22:
            ch.add("pet")
        if kind == "EE" and rng.random() < 0.28:
            ch.add("beauty")
        if not ch:
            ch.add("apteek")
        p.a["ch"] = ch
        for chan, pre in (("apteek", "29"), ("pet", "28"), ("beauty", "27")):
            if chan in ch:
                while True:
                    k = ids.ean13(pre, rng)
                    if k not in used_cards:
                        used_cards.add(k)
                        p.a["card_" + chan] = k
                        break
        p.controllers.add({"apteek": "Kaseapteek AS", "pet": "Käpp & Saba OÜ", "beauty": "Lumi Ilu OÜ"}[sorted(ch)[0]])
        for chan in ch:
            p.controllers.add({"apteek": "Kaseapteek AS", "pet": "Käpp & Saba OÜ", "beauty": "Lumi Ilu OÜ"}[chan])

    _eav(c, rng, used_emails)
    _purchases(c, rng)
    _pet_json(c, rng)
    _beauty(c, rng, used_emails)
    _slack(c, rng, used_emails)
    _whatsapp(c, rng)
    _tickets(c, rng, used_emails)
    _archive_2019(c, rng, used_emails)
    return c


def _uniq_phone(rng, used, country, kind="mobile"):
    while True:
        n = ids.phone_nsn(rng, country, kind)
        if n not in used:
            used.add(n)
            return n


def _uniq(used, pick):
    for _ in range(500):
        g, s, f = pick()
        k = name_tokens(f"{g} {s}")
        if k not in used:
            used.add(k)
            return g, s, f
    raise RuntimeError("names")


def _nid_raw(p):
    return p.a["nid"][1]


def _phone(c, p, doc, field, country="EE", key="phone", style=None):
    nsn = p.a[key]
    raw, _ = ids.render_phone(c.rng, country, nsn, style)
    return c.ident(p, "phone", ids.e164(country, nsn), raw, doc, field)


def _email(c, p, e, doc, field, caps=0.12):
    raw = ids.render_email(c.rng, e, caps)
    return c.ident(p, "email", e, raw, doc, field)


# ---------------------------------------------------------------------------------------------- EAV

def _eav(c, rng, used_emails):
    d = c.doc("export/apteek/kliendi_atribuudid_2023-04-18.csv", encoding="utf-8", bom=True, newline="\r\n")
    rows = [["klient_id", "atribuut", "väärtus", "muudetud"]]
    late = []
    members = [p for p in c.persons if "apteek" in p.a["ch"]]
    rng.shuffle(members)
    for i, p in enumerate(sorted(members, key=lambda p: p.tid)):
        kid = f"A{1000000 + i * 7 + rng.randint(0, 6)}"
        p.a["kid"] = kid
        ts = dt.datetime(2015, 1, 1) + dt.timedelta(minutes=rng.randint(0, 4_000_000))
        tss = ts.strftime("%Y-%m-%d %H:%M:%S")
        t, v = p.a["nid"]
        rows.append([kid, "isikukood", c.ident(p, t, v, v, d, "väärtus(isikukood)"), tss])
        rows.append([kid, "eesnimi", p.given, tss])
        rows.append([kid, "perenimi", p.surname, tss])
        c.name(p, [p.given, p.surname], d, "väärtus(eesnimi+perenimi)")
        if "email" in p.a:
            rows.append([kid, "e_post", _email(c, p, p.a["email"], d, "väärtus(e_post)"), tss])
        if "phone" in p.a:
            rows.append([kid, "telefon", _phone(c, p, d, "väärtus(telefon)"), tss])
        if "addr" in p.a:
            a = p.a["addr"]
            rows += [[kid, "aadress_tanav", a["street"], tss], [kid, "aadress_linn", a["city"], tss], [kid, "aadress_indeks", a["zip"], tss]]
            c.expose(p, "postal_address", d, "väärtus(aadress_*)")
        k = p.a["card_apteek"]
        rows.append([kid, "kaart", c.ident(p, "loyalty_card", k, k, d, "väärtus(kaart)"), tss])
        rows.append([kid, "keel", p.lang, tss])
        rows.append([kid, "nousolek_turundus", rng.choice(["jah", "ei", "ei"]), tss])
        if "email" in p.a and rng.random() < 0.07:
            e2 = ids.email_for(rng, p.given, p.surname, used_emails)
            p.a.setdefault("emails_extra", []).append(e2)
            ts2 = min(ts + dt.timedelta(days=rng.randint(30, 900)), dt.datetime(2023, 4, 12, 23, 59)) + dt.timedelta(minutes=rng.randint(1, 5000))
            ts2 = ts2.strftime("%Y-%m-%d %H:%M:%S")
            late.append((p, kid, e2, ts2))
    for p, kid, e2, ts2 in sorted(late, key=lambda x: x[3]):
        rows.append([kid, "e_post", _email(c, p, e2, d, "väärtus(e_post, hilisem muudatus)"), ts2])
    d.csv_rows(rows, delimiter=";", quoting=1)


# ---------------------------------------------------------------------------------------------- purchases

def _bad_receipt(rng, day):
    while True:
        base = f"5{day:%y%m%d}{rng.randint(0, 999):03d}"
        v = base + str(rng.randint(0, 9))
        if not any_person_id(v):
            return v


def _purchases(c, rng):
    eans = {}
    for prod in PRODUCTS:
        eans[prod] = ids.ean13("474", rng)
    docs = {m: c.doc(f"export/apteek/ostud/ostud_2023-{m:02d}.psv") for m in (1, 2, 3)}
    rows = {m: [] for m in docs}
    for p in c.persons:
        if "apteek" not in p.a["ch"] or rng.random() > 0.72:
            continue
        for _ in range(rng.randint(1, 5)):
            m = rng.randint(1, 3)
            day = dt.datetime(2023, m, rng.randint(1, 28), rng.randint(8, 20), rng.randint(0, 59), rng.randint(0, 59))
            prod = rng.choice(PRODUCTS)
            rows[m].append((day, p, prod))
    for m, d in docs.items():
        lines = []
        for day, p, prod in sorted(rows[m], key=lambda x: (x[0], x[1].tid)):
            k = p.a["card_apteek"]
            c.ident(p, "loyalty_card", k, k, d, "col1(kaart)")
            c.expose(p, "purchase_history", d, "rida")
            c.expose(p, "health_data", d, "col6(toode)", optional=True)
            rec = _bad_receipt(rng, day)
            c.decoy(rec, "receipt number (isikukood-shaped, bad checksum)", d, "col4", must_fail=True)
            c.decoy(eans[prod], "product EAN", d, "col5")
            price = f"{rng.randint(1, 39)},{rng.randint(0, 99):02d}"
            lines.append("|".join([k, day.strftime("%Y-%m-%dT%H:%M:%S"), f"AP{rng.randint(1, 60):03d}", rec, eans[prod], prod,
                                   str(rng.randint(1, 3)), price]))
        d.w("\n".join(lines) + "\n")


# ---------------------------------------------------------------------------------------------- pet JSON

def _pet_json(c, rng):
    d = c.doc("lemmikloomapood/kliendibaas_full.json", json_ascii=1)
    obj = {}
    members = [p for p in c.persons if "pet" in p.a["ch"]]
    for i, p in enumerate(members):
        key = f"PK-{200000 + i * 3 + rng.randint(0, 2):06d}"
        t, v = p.a["nid"]
        nid_val = int(v) if t in ("ee_isikukood", "lt_asmens_kodas") and rng.random() < 0.8 else v
        c.ident(p, t, v, v, d, "isikukood")
        c.name(p, [p.given, p.surname], d, "nimi.eesnimi+perenimi")
        fields = []
        if "email" in p.a:
            # pet shop often holds the same address, sometimes another one
            fields.append({"key": "email", "value": _email(c, p, p.a["email"], d, "kontakt.fields[email]")})
        if "phone" in p.a:
            fields.append({"key": "mobiil", "value": _phone(c, p, d, "kontakt.fields[mobiil]")})
        if "addr" in p.a and rng.random() < 0.7:
            fields.append({"key": "aadress", "value": _addr_str(p.a["addr"])})
            c.expose(p, "postal_address", d, "kontakt.fields[aadress]")
        k = p.a["card_pet"]
        pets = [{"nimi": nm, "liik": sp, "kiip": None} for nm, sp in rng.sample(PETS, rng.randint(1, 2))]
        for pet in pets:
            if pet["liik"] in ("koer", "kass") and rng.random() < 0.6:
                chip = "233" + "".join(str(rng.randint(0, 9)) for _ in range(12))
                pet["kiip"] = chip
                c.decoy(chip, "pet microchip number", d, "lemmikud[].kiip")
        orders = []
        for _ in range(rng.randint(0, 4)):
            orders.append({"kp": f"2023-0{rng.randint(1, 3)}-{rng.randint(1, 28):02d}", "toode": rng.choice(PET_PRODUCTS),
                           "summa": round(rng.uniform(2, 60), 2)})
        if orders:
            c.expose(p, "purchase_history", d, "ostud[]")
        created = rng.randint(1420070400, 1680000000)
        c.decoy(str(created), "unix timestamp", d, "loodud")
        obj[key] = {"isikukood": nid_val, "nimi": {"eesnimi": p.given, "perenimi": p.surname},
                    "kontakt": {"fields": fields},
                    "kaart": {"number": c.ident(p, "loyalty_card", k, k, d, "kaart.number"), "tase": rng.choice(["hõbe", "kuld", "põhi"])},
                    "lemmikud": pets, "ostud": orders, "loodud": created, "keel": p.lang}
    d.w(json.dumps(obj, ensure_ascii=True, separators=(",", ":")))


# ---------------------------------------------------------------------------------------------- beauty (wide)

def _beauty(c, rng, used_emails):
    d = c.doc("ilusalong/Lumi_kliendiregister_eksport.csv", encoding="iso-8859-15", newline="\r\n")
    head = ["Kliendi nr", "Eesnimi", "Perekonnanimi", "Isikukood", "Sünniaeg (pp.kk.aaaa)", "Telefon", "Telefon", "E-post",
            "E-post", "Aadress", "Kaardi nr", "Nahatüüp", "Segment", "Punktid", "Viimane ost (EUR)", "Külastusi", "Lemmikpood",
            "Allikas", "Loodud (unix)", "Muudetud", "Nõusolek SMS", "Nõusolek e-post", "Staatus"]
    cats = ["Näohooldus", "Jumestus", "Juuksed", "Lõhnad", "Kehahooldus", "Maniküür", "Pediküür", "Kinkekaardid"]
    for y in (2021, 2022):
        for q in range(1, 5):
            head.append(f"Kampaania {y}-Q{q}")
    for cat in cats:
        head.append(f"Kulutus {cat} (EUR)")
    for cat in cats:
        head.append(f"Külastused {cat}")
    head += ["Allahindlus (%)", "Boonus (EUR)", "Kanal"]
    head += [f"Reserv_{i:02d}" for i in range(1, 65 - len(head))]
    rows = [["Lumi Ilu OÜ - kliendiregister (eksport 14.04.2023 08:12)"], [], head]
    members = [p for p in c.persons if "beauty" in p.a["ch"]]
    for i, p in enumerate(members):
        row = [""] * len(head)
        row[0] = f"L{300000 + i}"
        row[1], row[2] = p.given, p.surname
        c.name(p, [p.given, p.surname], d, "Eesnimi+Perekonnanimi")
        if rng.random() < 0.7:
            t, v = p.a["nid"]
            row[3] = c.ident(p, t, v, v, d, "Isikukood")
        if rng.random() < 0.85:
            row[4] = p.a["dob"].strftime("%d.%m.%Y")
            c.expose(p, "date_of_birth", d, "Sünniaeg (pp.kk.aaaa)")
        if rng.random() < 0.1:
            p.a["landline"] = _uniq_phone(rng, c.scratch["used_phones"], "EE", "landline")
            raw, _ = ids.render_phone(rng, "EE", p.a["landline"], rng.choice([0, 1, 5]))
            row[5] = c.ident(p, "phone", ids.e164("EE", p.a["landline"]), raw, d, "Telefon (1.)")
        if "phone" in p.a:
            row[6] = _phone(c, p, d, "Telefon (2.)")
        if "email" in p.a:
            row[7] = _email(c, p, p.a["email"], d, "E-post (1.)", caps=0.3)
            if rng.random() < 0.06:
                e2 = ids.email_for(rng, p.given, p.surname, used_emails)
                row[8] = _email(c, p, e2, d, "E-post (2.)")
        if "addr" in p.a and rng.random() < 0.8:
            row[9] = _addr_str(p.a["addr"])
            c.expose(p, "postal_address", d, "Aadress")
        if not any(row[j] for j in (3, 6, 7)) and "email" not in p.a:
            # nothing else would tie this row to a person: keep the ID code
            t, v = p.a["nid"]
            row[3] = c.ident(p, t, v, v, d, "Isikukood")
        k = p.a["card_beauty"]
        row[10] = c.ident(p, "loyalty_card", k, k, d, "Kaardi nr")
        row[11] = rng.choice(["kuiv", "rasune", "segatüüp", "tundlik", ""])
        row[12] = rng.choice(["A", "B", "C", "VIP"])
        row[13] = str(rng.randint(0, 9000))
        row[14] = f"{rng.randint(5, 240)},{rng.randint(0, 99):02d}"
        row[15] = str(rng.randint(1, 60))
        row[16] = rng.choice(["Tallinn Kristiine", "Tartu Lõunakeskus", "Pärnu Kaubamajakas", "Narva Fama"])
        row[17] = rng.choice(["pood", "e-pood", "kampaania"])
        created = rng.randint(1420070400, 1680000000)
        row[18] = c.decoy(str(created), "unix timestamp", d, "Loodud (unix)")
        row[19] = (dt.date(2023, 1, 1) + dt.timedelta(days=rng.randint(0, 100))).strftime("%d.%m.%Y")
        row[20], row[21] = rng.choice(["J", "E"]), rng.choice(["J", "E"])
        row[22] = rng.choice(["aktiivne", "aktiivne", "passiivne"])
        for j in range(23, len(head)):
            h = head[j]
            if h.startswith("Kampaania"):
                row[j] = rng.choice(["0", "0", "1"])
            elif h.startswith("Kulutus") or h.startswith("Boonus"):
                row[j] = f"{rng.randint(0, 400)},{rng.randint(0, 99):02d}" if rng.random() < 0.5 else "0,00"
            elif h.startswith("Külastused"):
                row[j] = str(rng.randint(0, 12))
            elif h.startswith("Allahindlus"):
                row[j] = rng.choice(["0", "5", "10", "15"])
            elif h == "Kanal":
                row[j] = rng.choice(["SMS", "e-post", "-"])
        rows.append(row)
    d.csv_rows(rows, delimiter=",", quoting=1)


# ---------------------------------------------------------------------------------------------- Slack

def _staff_email(g, s, dom="kaseapteek.example.com"):
    return f"{ids.ascii_fold(g).lower()}.{ids.ascii_fold(s).lower()}@{dom}"


def _slack(c, rng, used_emails):
    users = []
    for i, (g, s) in enumerate(STAFF):
        e = _staff_email(g, s)
        tel = "+372 7" + "".join(str(rng.randint(0, 9)) for _ in range(2)) + " " + "".join(str(rng.randint(0, 9)) for _ in range(4))
        users.append({"id": f"U0{i + 3}K{rng.randint(1000, 9999)}", "name": ids.ascii_fold(g).lower(), "real_name": f"{g} {s}",
                      "profile": {"email": e, "phone": tel, "title": "Klienditugi"}})
    ud = c.doc("klienditugi/slack_export/users.json")
    for u in users:
        c.decoy(u["profile"]["email"], "staff e-mail", ud, "profile.email")
        c.decoy(u["profile"]["phone"], "staff phone (store landline)", ud, "profile.phone")
    ud.w(json.dumps(users, ensure_ascii=False, indent=2))
    pool = [p for p in c.persons if p.country == "EE" or rng.random() < 0.5]
    chosen = rng.sample(pool, min(90, len(pool)))
    days = sorted({dt.date(2023, 4, 3) + dt.timedelta(days=rng.randint(0, 12)) for _ in range(9)})
    by_day = {day: [] for day in days}
    for p in chosen:
        by_day[rng.choice(days)].append(p)
    for day in days:
        d = c.doc(f"klienditugi/slack_export/eskaleerimised/{day.isoformat()}.json")
        msgs = []
        ts = int(dt.datetime(day.year, day.month, day.day, 8, 0).timestamp())
        for p in by_day[day]:
            ts += rng.randint(60, 3000)
            u = rng.choice(users)
            t, v = p.a["nid"]
            nm = c.name(p, f"{p.given} {p.surname}", d, "text")
            nid = c.ident(p, t, v, v, d, "text")
            form = rng.randrange(4)
            if form == 0 and "card_apteek" in p.a:
                k = p.a["card_apteek"]
                kr = " ".join([k[:4], k[4:8], k[8:12], k[12:]]) if rng.random() < 0.5 else k
                txt = f"Klient {nm} (IK {nid}) helistas, kaart {c.ident(p, 'loyalty_card', k, kr, d, 'text')} ei tööta kassas. Palun kontrollida."
            elif form == 1:
                e2 = ids.email_for(rng, p.given, p.surname, used_emails)
                txt = (f"<@{rng.choice(users)['id']}> kas saad vaadata: {nm}, isikukood {nid}, soovib e-posti muuta -> "
                       f"<mailto:{e2}|{c.ident(p, 'email', e2, e2, d, 'text')}>")
            elif form == 2 and "phone" in p.a:
                txt = f"Tagasihelistamine: {nm} / {nid} / tel {_phone(c, p, d, 'text')} — küsib, miks tema andmed lekkisid"
            else:
                if "addr" not in p.a:
                    p.a["addr"] = _addr(rng)
                txt = f"{nm} ({nid}) palub saata kliendikaart uuele aadressile: {_addr_str(p.a['addr'])}"
                c.expose(p, "postal_address", d, "text")
            msgs.append({"type": "message", "user": u["id"], "text": txt, "ts": f"{ts}.{rng.randint(0, 999999):06d}",
                         "team": "T01KASE", "blocks": []})
            if rng.random() < 0.3:
                ts += rng.randint(30, 600)
                msgs.append({"type": "message", "user": rng.choice(users)["id"], "text": "Tehtud :white_check_mark:",
                             "ts": f"{ts}.000200", "thread_ts": msgs[-1]["ts"]})
        d.w(json.dumps(msgs, ensure_ascii=False, indent=4))


# ---------------------------------------------------------------------------------------------- WhatsApp

RU_LINES = ["Здравствуйте! Не могу войти в программу лояльности.", "Мой личный код {nid}, проверьте пожалуйста.",
            "Почта: {email}", "Спасибо!", "Карта клиента {card}"]
ET_LINES = ["Tere! Mul on küsimus kliendikaardi kohta.", "Minu isikukood on {nid}", "E-post: {email}", "Aitäh!", "Kaardi nr {card}"]
EN_LINES = ["Hi, I have a question about my loyalty card.", "My personal code is {nid}", "Email: {email}", "Thanks!", "Card no {card}"]


def _whatsapp(c, rng):
    pool = [p for p in c.persons if "phone" in p.a]
    chosen = rng.sample(pool, min(45, len(pool)))
    for p in chosen:
        e164 = ids.e164("EE", p.a["phone"])
        disp_num = f"+372 {p.a['phone'][:4]} {p.a['phone'][4:]}"
        fname = f"klienditugi/whatsapp/WhatsApp Chat with {disp_num}.txt" if rng.random() < 0.5 else \
            f"klienditugi/whatsapp/WhatsApp Chat - {ids.ascii_fold(p.given)} {ids.ascii_fold(p.surname)[:1]} ({p.tid[-4:]}).txt"
        d = c.doc(fname)
        if p.lang == "ru" and "cyr" in p.a and rng.random() < 0.7:
            disp = p.a["cyr"]
            c.name(p, disp, d, "sender")
        elif rng.random() < 0.35:
            disp = disp_num
        else:
            disp = f"{p.given} {p.surname}"
            c.name(p, disp, d, "sender")
        if disp == disp_num:
            c.ident(p, "phone", e164, disp_num, d, "sender")
            disp_nm = f"{p.given} {p.surname}"
        else:
            c.ident(p, "phone", e164, disp_num, d, "file name/header")
        staff = "Kaseapteek Klienditugi"
        day = dt.datetime(2023, 4, rng.randint(1, 20), rng.randint(8, 18), rng.randint(0, 59), rng.randint(0, 59))
        lines = [f"[{day:%d.%m.%y}, {day:%H:%M:%S}] {staff}: \u200eMessages and calls are end-to-end encrypted.",
                 f"[{day:%d.%m.%y}, {day:%H:%M:%S}] {staff}: Chat with {disp_num}"]
        tpl = {"ru": RU_LINES, "et": ET_LINES}.get(p.lang, EN_LINES)
        t, v = p.a["nid"]

        def say(who, text):
            nonlocal day
            day += dt.timedelta(seconds=rng.randint(20, 400))
            lines.append(f"[{day:%d.%m.%y}, {day:%H:%M:%S}] {who}: {text}")
        say(disp, tpl[0])
        if disp == disp_num:
            say(disp, {"ru": f"Это {disp_nm}.", "et": f"Siin {disp_nm}."}.get(p.lang, f"This is {disp_nm}."))
            c.name(p, disp_nm, d, "message")
        say(staff, {"ru": "Здравствуйте! Назовите, пожалуйста, личный код.", "et": "Tere! Palun öelge oma isikukood."}
            .get(p.lang, "Hello! Could you tell me your personal ID code?"))
        say(disp, tpl[1].format(nid=c.ident(p, t, v, v, d, "message")))
        if "email" in p.a and rng.random() < 0.6:
            say(disp, tpl[2].format(email=_email(c, p, p.a["email"], d, "message")))
        card = p.a.get("card_apteek") or p.a.get("card_pet") or p.a.get("card_beauty")
        if rng.random() < 0.5:
            say(disp, tpl[4].format(card=c.ident(p, "loyalty_card", card, card, d, "message")))
        say(staff, "👍")
        say(disp, tpl[3])
        d.w("\n".join(lines) + "\n")


# ---------------------------------------------------------------------------------------------- tickets (GraphQL)

def _tickets(c, rng, used_emails):
    d = c.doc("klienditugi/tickets_graphql_dump.json")
    company_iban = ids.iban(rng, "EE")
    sig = f"Kaseapteek AS · a/a {ids.iban_grouped(company_iban)} · info@kaseapteek.example.com"
    c.decoy(company_iban, "company bank account (signature)", d, "comments.body", raw=ids.iban_grouped(company_iban))
    c.decoy("info@kaseapteek.example.com", "company e-mail", d, "comments.body")
    edges = []
    pool = [p for p in c.persons if "email" in p.a]
    for i, p in enumerate(rng.sample(pool, min(85, len(pool)))):
        st = rng.choice(STAFF)
        se = _staff_email(*st)
        c.decoy(se, "staff e-mail", d, "assignee.email")
        t, v = p.a["nid"]
        req_email = _email(c, p, p.a["email"], d, "requester.email", caps=0.2)
        nm = c.name(p, f"{p.given} {p.surname}", d, "requester.name")
        if p.lang == "ru":
            body1 = f"Добрый день. Получил(а) письмо об утечке данных. Мой личный код {c.ident(p, t, v, v, d, 'comments.body')}. Какие мои данные утекли?"
        elif p.lang == "et":
            body1 = f"Tere. Sain kirja andmelekke kohta. Minu isikukood on {c.ident(p, t, v, v, d, 'comments.body')}. Milliseid minu andmeid lekitati?"
        else:
            body1 = f"Hello, I received your e-mail about the data breach. My personal code is {c.ident(p, t, v, v, d, 'comments.body')}. What data of mine was taken?"
        quoted = "\n".join("> " + ln for ln in body1.split("\n"))
        body2 = (f"Tere {p.given},\n\nkontrollisime andmeid. Lekkinud on nimi, isikukood ja e-posti aadress; paroole ega "
                 f"pangaandmeid süsteemis ei olnud.\n\n{st[0]}\n{sig}\n\n{quoted}")
        comments = [{"node": {"author": {"name": nm, "role": "end-user"}, "createdAt": f"2023-04-{rng.randint(10, 28):02d}T{rng.randint(8, 20):02d}:{rng.randint(0, 59):02d}:00Z",
                              "body": body1}},
                    {"node": {"author": {"name": f"{st[0]} {st[1]}", "role": "agent"}, "createdAt": "2023-04-29T09:00:00Z", "body": body2}}]
        if rng.random() < 0.25:
            e2 = ids.email_for(rng, p.given, p.surname, used_emails)
            comments.append({"node": {"author": {"name": nm, "role": "end-user"}, "createdAt": "2023-04-30T10:00:00Z",
                                      "body": f"Please use my new address {c.ident(p, 'email', e2, e2, d, 'comments.body')} from now on.\n\n> {body2.splitlines()[0]}"}})
        edges.append({"cursor": f"Y3Vyc29yOnt{i:05d}", "node": {"id": f"T-2023-{10000 + i * 13}", "subject": "Andmeleke / утечка данных",
                                                               "requester": {"name": nm, "email": req_email},
                                                               "assignee": {"name": f"{st[0]} {st[1]}", "email": se},
                                                               "comments": {"edges": comments}}})
    d.w(json.dumps({"data": {"tickets": {"pageInfo": {"hasNextPage": False, "endCursor": edges[-1]["cursor"]}, "edges": edges}}},
                   ensure_ascii=False, indent=2))


# ---------------------------------------------------------------------------------------------- 2019 archive

def _archive_2019(c, rng, used_emails):
    a = c.archive("arhiiv/vana_kliendibaas_2019.zip", "zip")
    d = a.add("eksport/kliendid_2019.csv", encoding="iso-8859-13", newline="\r\n")
    rd = a.add("eksport/loe_mind.txt", encoding="utf-8")
    rd.w("Vana kliendibaasi eksport (2019). Veerud: isikukood, perenimi, eesnimi, e-post, registreeritud, kanal.\n")
    pool = [p for p in c.persons if ("apteek" in p.a["ch"] or "pet" in p.a["ch"])]
    rows = []
    for p in rng.sample(pool, min(340, len(pool))):
        t, v = p.a["nid"]
        if t == "lv_personas_kods" and v.startswith("32"):
            continue       # changed to the new form after 2019; the old archive has no such code
        row = [c.ident(p, t, v, v, d, "col1"), p.surname.upper(), p.given]
        c.name(p, [p.surname.upper(), p.given], d, "col2+col3")
        r = rng.random()
        if r < 0.3 or "email" not in p.a and r < 0.55:
            old = ids.email_for(rng, p.given, p.surname, used_emails)
            row.append(c.ident(p, "email", old, old, d, "col4"))
        elif "email" in p.a:
            row.append(_email(c, p, p.a["email"], d, "col4", caps=0.0))
        else:
            row.append("")
        row.append(f"{rng.randint(2010, 2019)}-{rng.randint(1, 12):02d}-{rng.randint(1, 28):02d}")
        row.append(rng.choice(["apteek", "lemmikloom", "veeb"]))
        rows.append(row)
    rows.sort(key=lambda r: r[1])
    d.csv_rows(rows, delimiter=",")
