"""Case 1: pharmacy/beauty/pet loyalty system (Estonia).

Shapes: marketing-automation YAML profiles; header-less fixed-width POS extract + a separate layout file;
customer-service vCard 3.0 address book (Cyrillic FN, folded NOTE lines, staff cards) and an old vCard 2.1 phone
backup with quoted-printable names; nginx access log of the card-activation form (URL-encoded e-mail/phone in the
query string); a birthday-campaign spreadsheet saved as CSV with merged-cell artefacts (contacts on continuation
rows); mail-merge bonus letters (et/ru/en) with a right-aligned address block; a zipped CRM sync CSV with a JSON
object in one cell.
"""
import datetime as dt
import json
import quopri
import uuid

import check
import ids
import people
from common import Archive, Case, Doc, csv_text, fold, pad

CHAINS = [("APTEEK", "Südameapteek", 0.6), ("ILU", "Iluhoolduse pood", 0.25), ("LEMMIK", "Lemmikloomapood", 0.15)]
PRODUCTS = {"APTEEK": ["Paracetamol 500mg N20", "Ibuprofen 400mg N30", "Nasaalsprei 10ml", "Vitamiin D3 2000IU",
                       "Magneesium 300mg", "Kurgupastillid N24", "Plaastrid 20tk", "Silmatilgad 10ml", "Probiootikum N30",
                       "Allergiatablett N10", "Termomeeter digit.", "Päikesekreem SPF50"],
            "ILU": ["Näokreem 50ml", "Šampoon 250ml", "Ripsmetušš", "Huulepalsam", "Kätekreem 75ml", "Dušigeel 400ml"],
            "LEMMIK": ["Koeratoit 2kg", "Kassiliiv 10l", "Närimiskont", "Kassitoit 85g x12", "Puugirohi koer 10-20kg"]}
STORES = {"APTEEK": ["0101 Tallinn Kristiine", "0144 Tartu Lõunakeskus", "0212 Pärnu Keskus", "0307 Narva Astri",
                     "0119 Tallinn Ülemiste"],
          "ILU": ["1102 Tallinn Viru", "1140 Tartu Kaubamaja"], "LEMMIK": ["2201 Tallinn Rocca", "2250 Rakvere Põhjakeskus"]}


def make_customers(case, rng, n):
    out = []
    for _ in range(n):
        female = rng.random() < 0.57
        lang = rng.choices(["et", "ru", "en"], [64, 28, 8])[0]
        mk = {"et": people.et_name, "ru": people.ru_name, "en": people.en_name}[lang]
        for _t in range(100):
            nm = mk(rng, female)
            k = check.name_tokens(people.full(nm))
            if k not in case.used_names:
                case.used_names.add(k)
                break
        c = dict(nm)
        c["female"] = female
        c["dob"] = ids.rand_date(rng, 1936, 2005)
        if rng.random() < 0.93:
            while True:
                v = ids.ee_like(rng, c["dob"], female)
                if case.claim("ee_isikukood", v):
                    c["ik"] = v
                    break
        c["emails"] = []
        if rng.random() < 0.86:
            c["emails"].append(ids.email_for(rng, c["given"], c["surname"], case.emails))
            if rng.random() < 0.12:
                c["emails"].append(ids.email_for(rng, c["given"], c["surname"], case.emails))
        c["phones"] = []
        if rng.random() < 0.42:
            while True:
                nsn, e = people.phone(rng, "EE", "mobile" if rng.random() < 0.9 else "fixed")
                if case.claim("phone", e):
                    c["phones"].append((nsn, e))
                    break
        c["addr"] = people.ee_address(rng) if rng.random() < 0.35 else None
        c["cards"] = []
        chains = [ch for ch, _, w in CHAINS if rng.random() < w] or ["APTEEK"]
        for ch in chains:
            while True:
                v = ids.ean13("29" + {"APTEEK": "0", "ILU": "1", "LEMMIK": "2"}[ch], rng)
                if case.claim("loyalty_card", v):
                    c["cards"].append((ch, v))
                    break
        p = case.person(people.full(nm), lang, ["Allium UPI OÜ"])
        c["p"] = p
        out.append(c)
    return out


def r_phone(rng, c, i=0):
    nsn, e = c["phones"][i]
    raw, _ = ids.render_phone(rng, "EE", nsn)
    return raw, e


def build(rng, slug):
    case = Case(slug, "EE pharmacy/beauty/pet loyalty system (Allium-like): CRM, POS, support, web, campaigns", rng)
    case.claim("ee_isikukood", "37605030299")
    cust = make_customers(case, rng, 1150)
    placed = set()

    # ------------------------------------------------------------ 1. marketing YAML
    fn = "crm/marketing_profiles_2023-02.yaml"
    L = ["# Audience export: \"Kõik lojaalsuskliendid (nõusolekuga)\"", "# generated_at: 2023-02-14T03:00:12Z  by: sync-bot",
         "schema_version: 3", "profiles:"]
    test_rows = [("37605030299", "Test", "Klient", "qa.testklient@allium.test"),
                 ("c-TEST-0002", "Kassa", "Tartu Lõunakeskus", "kassa.tartu@allium.test")]
    sample = [c for c in cust if rng.random() < 0.55]
    for i, c in enumerate(sample):
        if i in (40, 200):
            t = test_rows[0 if i == 40 else 1]
            L += [f"  - external_id: \"{t[0]}\"", f"    first_name: {t[1]}", f"    last_name: {t[2]}", "    language: et",
                  "    segment: internal_test", "    emails:", f"      - {t[3]}", "    phones: []"]
            case.decoy("test_account", t[3], fn, "emails", "QA / till account in the audience")
            if t[0][0].isdigit():
                case.decoy("test_account", t[0], fn, "external_id", "public test isikukood of a QA profile")
        p = c["p"]
        eid = c.get("ik") or f"c-{rng.randint(100000, 999999)}"
        q = rng.choice(['"', "'", ""]) if c.get("ik") else '"'
        L.append(f"  - external_id: {q}{eid}{q}")
        if c.get("ik"):
            p.ident("ee_isikukood", c["ik"], c["ik"], fn, "external_id")
        L.append(f"    first_name: {c['given']}")
        L.append(f"    last_name: {c['surname']}")
        p.named([c["given"], c["surname"]], fn, "first_name/last_name")
        L.append(f"    language: {c['lang']}")
        if c["emails"]:
            if rng.random() < 0.5:
                L.append("    emails:")
                for e in c["emails"]:
                    raw = ids.render_email(rng, e)
                    L.append(f"      - {raw}")
                    p.ident("email", e, raw, fn, "emails")
            else:
                raws = [ids.render_email(rng, e) for e in c["emails"]]
                L.append("    emails: [" + ", ".join(f'"{r}"' for r in raws) + "]")
                for e, r in zip(c["emails"], raws):
                    p.ident("email", e, r, fn, "emails")
        else:
            L.append("    emails: []")
        if c["phones"]:
            raw, e = r_phone(rng, c)
            L.append(f"    phones: [\"{raw}\"]")
            p.ident("phone", e, raw, fn, "phones")
        else:
            L.append("    phones: []")
        L.append("    attributes:")
        ch, card = c["cards"][0]
        L.append(f"      loyalty_card: '{card}'")
        p.ident("loyalty_card", card, card, fn, "attributes.loyalty_card")
        L.append(f"      chain: {ch}")
        if rng.random() < 0.6:
            L.append(f"      birthday: {c['dob']:%Y-%m-%d}")
            p.el("date_of_birth", fn, "attributes.birthday")
        if c["addr"]:
            L.append(f"      home_city: {c['addr']['city']}")
            p.el("postal_address", fn, "attributes.home_city", required=False)
        L.append(f"      points_balance: {rng.randint(0, 4000)}")
        L.append(f"    consents: {{email: {str(rng.random() < 0.7).lower()}, sms: {str(rng.random() < 0.3).lower()}}}")
        L.append(f"    updated_at: 2023-02-{rng.randint(1, 13):02d}T{rng.randint(0, 23):02d}:{rng.randint(0, 59):02d}:00Z")
        placed.add(p.tid)
    case.add(Doc(fn, "\n".join(L) + "\n"))

    # ------------------------------------------------------------ 2. fixed-width POS extract + layout
    fn, lay = "pos/KAARDITEH.DAT", "pos/KAARDITEH_layout.txt"
    layout = """RECORD LAYOUT  KAARDITEH   loyalty transaction extract (pharmacy chain)   LRECL=127
Source: POS-central nightly job KT0420, codepage ISO-8859-15, one record per receipt line, no header row.
Record types: H1 = file header, T1 = transaction line, T9 = trailer (record count).

FIELD         POS  LEN  PIC     DESCRIPTION
REC-TYPE        1    2  X(2)    'T1'
FILLER          3    1  X
CARD-NO         4   13  9(13)   loyalty card number (EAN-13, prefix 290)
FILLER         17    1  X
TRX-DATE       18    8  9(8)    YYYYMMDD
FILLER         26    1  X
STORE-ID       27    4  9(4)
FILLER         31    1  X
RECEIPT-NO     32   12  9(12)
FILLER         44    1  X
ITEM-EAN       45   13  9(13)   product EAN
FILLER         58    1  X
ITEM-DESCR     59   30  X(30)
FILLER         89    1  X
QTY            90    3  9(3)
FILLER         93    1  X
AMOUNT-CENTS   94    9  9(9)
FILLER        103   25  X(25)   reserved
"""
    case.add(Doc(lay, layout))
    prod_ean = {}
    for ch, items in PRODUCTS.items():
        for it in items:
            prod_ean[it] = ids.ean13("474", rng)
    recs = ["H1 KAARDITEH 20230131 KT0420 APTEEK"]
    holders = [c for c in cust if any(ch == "APTEEK" for ch, _ in c["cards"]) and rng.random() < 0.7]
    orphan = []
    for _ in range(25):
        while True:
            v = ids.ean13("290", rng)
            if case.claim("loyalty_card", v):
                orphan.append(v)
                break
    lines = []
    for c in holders:
        card = [v for ch, v in c["cards"] if ch == "APTEEK"][0]
        for _ in range(rng.randint(1, 7)):
            lines.append((card, c))
    for v in orphan:
        for _ in range(rng.randint(1, 3)):
            lines.append((v, None))
    rng.shuffle(lines)
    decoy_receipts = 0
    for card, c in lines:
        d = dt.date(2023, 1, 1) + dt.timedelta(days=rng.randint(0, 30))
        store = rng.choice(STORES["APTEEK"])[:4]
        rec_no = f"{store}{rng.randint(0, 99999999):08d}"
        item = rng.choice(PRODUCTS["APTEEK"])
        qty = rng.randint(1, 3)
        amt = qty * rng.randint(149, 2899)
        recs.append(f"T1 {card} {d:%Y%m%d} {store} {rec_no} {prod_ean[item]} {pad(item, 30)} {qty:03d} {amt:09d} " + " " * 25)
        if c:
            c["p"].ident("loyalty_card", card, card, fn, "CARD-NO")
            c["p"].el("purchase_history", fn, "CARD-NO join")
            c["p"].el("health_data", fn, "ITEM-DESCR (OTC)", required=False)
            placed.add(c["p"].tid)
        if decoy_receipts < 5 and rng.random() < 0.05:
            case.decoy("receipt_number", rec_no, fn, "RECEIPT-NO")
            decoy_receipts += 1
    recs.append(f"T9 {len(recs) - 1:09d}")
    case.add(Doc(fn, "\r\n".join(recs) + "\r\n", enc="iso-8859-15"))
    for v in orphan[:10]:
        case.decoy("orphan_loyalty_card", v, fn, "CARD-NO", "card with purchases but no owner anywhere in the leak")
    for item in list(prod_ean)[:6]:
        if item in PRODUCTS["APTEEK"]:
            case.decoy("product_ean", prod_ean[item], fn, "ITEM-EAN")

    # ------------------------------------------------------------ 3. vCard address book (support team) + 2.1 backup
    fn = "tugi/klienditugi_kontaktid.vcf"
    V = []
    staff = [("Kristel", "Lepp", "Klienditoe spetsialist"), ("Roman", "Sidorov", "Klienditoe juht"),
             ("Helen", "Org", "Apteeker"), ("Aleksei", "Gromov", "IT tugi")]
    for i, (g, s, title) in enumerate(staff):
        em = f"{ids.ascii_fold(g).lower()}.{ids.ascii_fold(s).lower()}@allium.test"
        nsn = ids.phone_nsn(rng, "EE", "fixed")
        V += ["BEGIN:VCARD", "VERSION:3.0", f"N:{s};{g};;;", f"FN:{g} {s}", "ORG:Allium UPI OÜ;Klienditugi", f"TITLE:{title}",
              f"TEL;TYPE=WORK,VOICE:+372 {nsn[:3]} {nsn[3:]}", f"EMAIL;TYPE=INTERNET,WORK:{em}", "END:VCARD"]
        case.decoy("staff", em, fn, "EMAIL", "colleague's card in the support address book")
        case.decoy("staff", "+372" + nsn, fn, "TEL", "colleague work phone", raw=f"+372 {nsn[:3]} {nsn[3:]}")
    sup = [c for c in cust if rng.random() < 0.16]
    for c in sup:
        p = c["p"]
        V += ["BEGIN:VCARD", "VERSION:3.0"]
        if c["lang"] == "ru" and rng.random() < 0.6:
            V += [f"N:{c['surname_cyr']};{c['given_cyr']};;;", f"FN:{c['given_cyr']} {c['surname_cyr']}"]
            p.named(f"{c['given_cyr']} {c['surname_cyr']}", fn, "FN")
        else:
            V += [f"N:{c['surname']};{c['given']};;;", f"FN:{c['given']} {c['surname']}"]
            p.named(f"{c['given']} {c['surname']}", fn, "FN")
        for i, (nsn, e) in enumerate(c["phones"]):
            raw, _ = ids.render_phone(rng, "EE", nsn)
            V.append(f"TEL;TYPE={'CELL' if nsn[0] == '5' else 'HOME'}:{raw}")
            p.ident("phone", e, raw, fn, "TEL")
        for e in c["emails"][:1]:
            V.append(f"EMAIL;TYPE=INTERNET:{e}")
            p.ident("email", e, e, fn, "EMAIL")
        if c["addr"] and rng.random() < 0.7:
            a = c["addr"]
            V.append(f"ADR;TYPE=HOME:;;{a['street']};{a['city']};;{a['zip']};Eesti")
            p.el("postal_address", fn, "ADR")
        ch, card = c["cards"][0]
        why = rng.choice(["boonuspunktid puudu", "kaart kadunud, uus kaart saadetud", "soovib uudiskirjast loobuda",
                          "e-posti aadressi muutus", "ostuajaloo päring", "topeltkonto ühendamine"])
        note = f"NOTE:Kaart {card}. {dt.date(2022, rng.randint(1, 12), rng.randint(1, 28)):%d.%m.%Y} helistas – {why}."
        if c.get("ik") and rng.random() < 0.4:
            note += f" IK {c['ik']}."
            p.ident("ee_isikukood", c["ik"], c["ik"], fn, "NOTE")
        V.append(fold(note))
        p.ident("loyalty_card", card, card, fn, "NOTE")
        V += ["CATEGORIES:Klient", f"REV:2022-{rng.randint(1, 12):02d}-{rng.randint(1, 28):02d}T10:00:00Z", "END:VCARD"]
        placed.add(p.tid)
    case.add(Doc(fn, "\r\n".join(V) + "\r\n", views=("unfold",)))

    fn = "tugi/telefon_varukoopia_2021.vcf"
    V = []
    for c in [c for c in cust if c["phones"] and rng.random() < 0.12]:
        p = c["p"]
        nm = f"{c['given_cyr']} {c['surname_cyr']}" if c["lang"] == "ru" else f"{c['given']} {c['surname']}"
        qp = quopri.encodestring(nm.encode("utf-8")).decode("ascii").replace("=\n", "")
        nsn, e = c["phones"][0]
        V += ["BEGIN:VCARD", "VERSION:2.1", f"N;CHARSET=UTF-8;ENCODING=QUOTED-PRINTABLE:{qp};;;;",
              f"FN;CHARSET=UTF-8;ENCODING=QUOTED-PRINTABLE:{qp}", f"TEL;CELL:+372{nsn}", "END:VCARD"]
        p.ident("phone", e, "+372" + nsn, fn, "TEL;CELL")
        if qp == nm:
            p.named(nm, fn, "FN")
        else:
            p.el("name", fn, "FN (quoted-printable)", required=False)
        placed.add(p.tid)
    case.add(Doc(fn, "\r\n".join(V) + "\r\n"))

    # ------------------------------------------------------------ 4. nginx access log of the card-activation form
    fn = "veeb/access.log-20230122"
    A = []
    ts = dt.datetime(2023, 1, 15, 6, 0, 0)
    act = [c for c in cust if c["emails"] and rng.random() < 0.2]
    events = [("act", c) for c in act] + [("noise", None)] * (len(act) * 3)
    rng.shuffle(events)
    order_dec = 0
    for kind, c in events:
        ts += dt.timedelta(seconds=rng.randint(3, 400))
        ip = f"{rng.choice([10, 172, 192])}.{rng.randint(0, 255)}.{rng.randint(0, 255)}.{rng.randint(1, 254)}"
        stamp = ts.strftime("%d/%b/%Y:%H:%M:%S +0200")
        ua = rng.choice(["Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/109.0 Safari/537.36",
                         "Mozilla/5.0 (iPhone; CPU iPhone OS 16_2 like Mac OS X) AppleWebKit/605.1.15 Mobile/15E148",
                         "Mozilla/5.0 (Linux; Android 13) AppleWebKit/537.36 Chrome/108.0 Mobile Safari/537.36"])
        if kind == "noise":
            r = rng.random()
            if r < 0.4:
                path = rng.choice(["/static/css/app.3f2a.css", "/static/js/main.9b1c.js", "/favicon.ico", "/img/kaart.png"])
                A.append(f'{ip} - - [{stamp}] "GET {path} HTTP/1.1" 200 {rng.randint(300, 90000)} "-" "{ua}"')
            elif r < 0.6:
                A.append(f'10.0.0.5 - - [{stamp}] "GET /healthz HTTP/1.1" 200 2 "-" "kube-probe/1.25"')
            else:
                while True:
                    oid = f"{rng.randint(1, 9)}{rng.randint(0, 9999999999):010d}"
                    if not check.any_person_id(oid):
                        break
                sid = str(uuid.UUID(int=rng.getrandbits(128)))
                A.append(f'{ip} - - [{stamp}] "GET /api/v1/orders/{oid}?session={sid} HTTP/1.1" 401 38 "-" "{ua}"')
                if order_dec < 8:
                    case.decoy("order_number", oid, fn, "path", "web-shop order id (fails every ID check)", must_fail=True)
                    order_dec += 1
            continue
        p = c["p"]
        ch, card = c["cards"][0]
        e = c["emails"][0]
        raw_e = ids.render_email(rng, e, 0.1)
        enc_e = raw_e.replace("@", "%40").replace("+", "%2B")
        q = f"kaart={card}&email={enc_e}"
        p.ident("loyalty_card", card, card, fn, "query kaart")
        p.ident("email", e, enc_e, fn, "query email")
        if c["phones"]:
            nsn, ph = c["phones"][0]
            if rng.random() < 0.5:
                rawp = "%2B372" + nsn
            else:
                rawp = f"{nsn[:4]}+{nsn[4:]}"
            q += f"&tel={rawp}"
            p.ident("phone", ph, rawp, fn, "query tel")
        q += f"&keel={c['lang']}&nous=1"
        A.append(f'{ip} - - [{stamp}] "GET /kliendikaart/aktiveeri?{q} HTTP/1.1" 302 0 '
                 f'"https://www.apteek.test/kliendikaart?utm_source=newsletter" "{ua}"')
        placed.add(p.tid)
    case.add(Doc(fn, "\n".join(A) + "\n", views=("url",)))

    # ------------------------------------------------------------ 5. birthday campaign with merged-cell artefacts
    fn = "turundus/sunnipaevakampaania_2023_valim.csv"
    R = [["Sünnipäevakampaania 2023 – valim (eksport Excelist, leht \"Valim\")", "", "", "", "", "", ""],
         ["", "", "", "", "", "", ""],
         ["Kauplus", "Klient", "Isikukood", "Kaart", "Sünnipäev", "Kontakt", "Kontakti liik"]]
    camp = [c for c in cust if (c["emails"] or c["phones"]) and rng.random() < 0.16]
    by_store = {}
    for c in camp:
        by_store.setdefault(rng.choice(STORES["APTEEK"] + STORES["ILU"]), []).append(c)
    for store in sorted(by_store):
        first_store = True
        for c in by_store[store]:
            p = c["p"]
            contacts = [(e, "e-post") for e in c["emails"]] + [(x, "mobiil" if x[0][0] == "5" else "telefon") for x in c["phones"]]
            nm = f"{c['surname']}, {c['given']}"
            ik = c.get("ik", "")
            ch, card = c["cards"][0]
            for j, (val, kind) in enumerate(contacts):
                if kind == "e-post":
                    raw, typ, canon = ids.render_email(rng, val), "email", val
                else:
                    raw, _ = ids.render_phone(rng, "EE", val[0])
                    typ, canon = "phone", val[1]
                if j == 0:
                    R.append([store if first_store else "", nm, ik, card, f"{c['dob']:%d.%m}", raw, kind])
                    p.named(nm, fn, "Klient")
                    if ik:
                        p.ident("ee_isikukood", ik, ik, fn, "Isikukood")
                    p.ident("loyalty_card", card, card, fn, "Kaart")
                    p.el("date_of_birth", fn, "Sünnipäev (day.month only)", required=False)
                    first_store = False
                else:
                    R.append(["", "", "", "", "", raw, kind])
                p.ident(typ, canon, raw, fn, "Kontakt" + (" (merged-cell continuation row)" if j else ""))
            placed.add(p.tid)
    case.add(Doc(fn, csv_text(R, ";"), enc="cp1257"))

    # ------------------------------------------------------------ 6. mail-merge bonus letters
    letters = [c for c in cust if c["addr"] and rng.random() < 0.35]
    for i, c in enumerate(letters):
        p = c["p"]
        fn = f"kirjad/2023-01/boonusteatis_{i + 1:05d}.txt"
        a = c["addr"]
        ch, card = c["cards"][0]
        grouped = f"{card[:4]} {card[4:8]} {card[8:12]} {card[12:]}"
        pts = rng.randint(50, 4000)
        block = [" " * 52 + f"{c['given']} {c['surname']}", " " * 52 + a["street"], " " * 52 + f"{a['zip']} {a['city']}"]
        head = ["Allium UPI OÜ · Lojaalsusprogramm", "Pärnu mnt 158/1, 11317 Tallinn", ""] + block + ["", "Tallinn, 05.01.2023", ""]
        if c["lang"] == "ru":
            sal = f"Уважаем{'ая' if c['female'] else 'ый'} {c['given_cyr']} {c['surname_cyr']}!"
            body = [sal, "", f"На Вашей карте клиента {grouped} по состоянию на 31.12.2022 накоплено {pts} бонусных баллов.",
                    "Баллы действительны до 30.06.2023 во всех аптеках сети.", "", "С уважением,", "Клиентская служба"]
            p.named(f"{c['given_cyr']} {c['surname_cyr']}", fn, "salutation")
        elif c["lang"] == "en":
            body = [f"Dear {c['given']} {c['surname']},", "", f"Your loyalty card {grouped} holds {pts} bonus points as of 31.12.2022.",
                    "Points are valid until 30.06.2023.", "", "Kind regards,", "Customer Service"]
        else:
            body = [f"Lugupeetud {c['given']} {c['surname']}!", "",
                    f"Teie kliendikaardile {grouped} on seisuga 31.12.2022 kogunenud {pts} boonuspunkti.",
                    "Punktid kehtivad kuni 30.06.2023 kõigis meie apteekides.", "", "Lugupidamisega", "Klienditeenindus"]
        tail = []
        if c.get("ik") and rng.random() < 0.5:
            tail = ["", f"Kaardi omanik: {c['given']} {c['surname']}, isikukood {c['ik']}"]
            p.ident("ee_isikukood", c["ik"], c["ik"], fn, "Kaardi omanik")
        p.named(f"{c['given']} {c['surname']}", fn, "address block")
        p.el("postal_address", fn, "address block")
        p.ident("loyalty_card", card, grouped, fn, "body")
        placed.add(p.tid)
        case.add(Doc(fn, "\n".join(head + body + tail) + "\n\f\n"))

    # ------------------------------------------------------------ 7. zipped CRM sync CSV with a JSON cell
    rest = [c for c in cust if c["p"].tid not in placed]
    more = [c for c in cust if c["p"].tid in placed and rng.random() < 0.2]
    sync = rest + more
    rng.shuffle(sync)
    inner = "crm_sync_2022.csv"
    R = [["sync_id", "ts", "op", "source", "payload"]]
    ascii_rows = 0
    for c in sync:
        p = c["p"]
        pay = {"customerId": rng.randint(100000, 999999)}
        if c.get("ik"):
            pay["isikukood"] = c["ik"]
        if rng.random() < 0.5:
            pay["first_name"], pay["lastName"] = c["given"], c["surname"]
            parts = [c["given"], c["surname"]]
        else:
            pay["nimi"] = f"{c['given']} {c['surname']}"
            parts = pay["nimi"]
        contact = {}
        if c["emails"]:
            contact["emails"] = [ids.render_email(rng, e) for e in c["emails"]]
        if c["phones"]:
            contact["phones"] = [ids.render_phone(rng, "EE", nsn)[0] for nsn, _ in c["phones"]]
            if rng.random() < 0.3:
                contact["phones"].append(None)
        pay["contact"] = contact
        if c["addr"] and rng.random() < 0.7:
            a = c["addr"]
            pay["aadress"] = {"tanav": a["street"], "linn": a["city"], "indeks": a["zip"]}
        pay["cards"] = [{"no": v, "chain": ch, "active": True} for ch, v in c["cards"]]
        pay["lang"] = c["lang"]
        esc = rng.random() < 0.3
        ascii_rows += esc
        R.append([f"{rng.randint(10 ** 7, 10 ** 8 - 1)}", f"2022-{rng.randint(1, 12):02d}-{rng.randint(1, 28):02d}T"
                  f"{rng.randint(0, 23):02d}:{rng.randint(0, 59):02d}:{rng.randint(0, 59):02d}.{rng.randint(0, 999):03d}Z",
                  rng.choice(["upsert", "upsert", "merge"]), rng.choice(["pos", "web", "app"]),
                  json.dumps(pay, ensure_ascii=esc, separators=(",", ":"))])
        m = f"arhiiv/crm_sync_2022.zip!/{inner}"
        if c.get("ik"):
            p.ident("ee_isikukood", c["ik"], c["ik"], m, "payload.isikukood")
        p.named(parts, m, "payload name")
        for e, r in zip(c["emails"], contact.get("emails", [])):
            p.ident("email", e, r, m, "payload.contact.emails")
        for (nsn, e), r in zip(c["phones"], contact.get("phones", [])):
            p.ident("phone", e, r, m, "payload.contact.phones")
        if "aadress" in pay:
            p.el("postal_address", m, "payload.aadress")
        for ch, v in c["cards"]:
            p.ident("loyalty_card", v, v, m, "payload.cards")
    case.add(Archive("arhiiv/crm_sync_2022.zip", "zip", [Doc(inner, csv_text(R, ","), views=("json",))]))
    case.extra["not_exposed"] = ["credentials", "iban", "payment_card", "prescription"]
    case.extra["controller"] = "Allium UPI OÜ"
    return case, case.truth()
