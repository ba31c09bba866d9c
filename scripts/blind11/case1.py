"""Case 1: loyalty system of a pharmacy, a beauty and a pet-store chain (Estonia)."""
import base64
import datetime as dt
import hashlib
import json
import struct
import zlib

from common import (Case, addr, csv_line, failing_digits, guid, hexid, make_zip, mime, mistype,
                    text_part, xml_esc)
from people import Contacts, Namer, ee_address
from shared import check, ids

CTRL = "Nordloyal UPI OÜ"
CHAINS = {"apteek": ("Tervise Apteek", "2900"), "ilu": ("Iluaed", "2910"), "lemmik": ("Käpp ja Saba", "2920")}
ORG = "nordloyal.example.com"
PHARMACY_OTC = ["Ibuprofeen 400mg N20", "Paratsetamool 500mg N20", "C-vitamiin 1000mg N60", "Magneesium B6 N50",
                "Tsetirisiin 10mg N30", "Ksülometasoliin ninasprei 0,1% 10ml", "Loperamiid 2mg N10", "Plaaster 20tk",
                "Kurgupastillid N24", "Silmatilgad 10ml", "D3-vitamiin 2000IU N90", "Termomeeter digitaalne",
                "Rasedustest N2", "Nikotiinipastillid 2mg N96"]
BEAUTY = ["Näokreem SPF30 50ml", "Šampoon 250ml", "Huulepalsam", "Kätekreem 75ml", "Päikesekreem SPF50 200ml",
          "Juuksepalsam 200ml", "Ripsmetušš"]
PET = ["Koeratoit 12kg", "Kassiliiv 10l", "Puugirohi kassile", "Kassitoit 85g x12", "Närimiskont", "Linnuseemned 1kg"]
STAFF = [("Kati", "Kask", "klienditeenindaja"), ("Marko", "Lepp", "klienditeenindaja"), ("Jelena", "Smirnova", "klienditeenindaja"),
         ("Tõnu", "Allas", "IT-arendaja")]

HEALTH_COMMENTS_ET = ["Olen diabeetik ja ostan veresuhkru teste iga kuu – kaardisoodustus võiks neile ka kehtida.",
                      "Mul on kõrge vererõhk, vererõhuaparaadi mansetid on tihti otsas.",
                      "Põen astmat ja vajan sageli nõu, apteekrid on alati abivalmid.",
                      "Mul on tsöliaakia, gluteenivabade toodete valik võiks suurem olla.",
                      "Olen rase ja otsin sobivaid vitamiine, konsultatsioon oli väga hea."]
HEALTH_COMMENTS_RU = ["У меня сахарный диабет, тест-полоски часто заканчиваются в аптеке.",
                      "У меня гипертония, хотелось бы скидку на тонометры.",
                      "У меня астма, спасибо фармацевтам за консультацию."]
PLAIN_COMMENTS_ET = ["Kõik on hästi.", "Järjekorrad on pikad laupäeviti.", "E-poe tarne võiks kiirem olla.",
                     "Kaardi aktiveerimine äpis ei õnnestunud.", "Sooduspakkumised võiksid tulla SMS-iga.", ""]
PLAIN_COMMENTS_RU = ["Всё хорошо.", "Приложение часто зависает.", "Мало скидок для пенсионеров.", ""]
PLAIN_COMMENTS_EN = ["Great service.", "Please add English to the app.", "The card app keeps logging me out.", ""]


def _png():
    raw = b"\x00\x00\x00\x00"
    def chunk(t, d):
        return struct.pack(">I", len(d)) + t + d + struct.pack(">I", zlib.crc32(t + d) & 0xffffffff)
    return b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", struct.pack(">IIBBBBB", 1, 1, 8, 6, 0, 0, 0)) + \
        chunk(b"IDAT", zlib.compress(raw, 9)) + chunk(b"IEND", b"")


def grouped_card(v):
    return f"{v[:4]} {v[4:8]} {v[8:12]} {v[12:]}"


def build(seed):
    c = Case(1, "ee_loyalty", seed, "Loyalty system of a pharmacy, a beauty and a pet-store chain (EE); controller "
                                    f"{CTRL}. New shapes: mysqldump --xml, sqlite3 box/line output, Apple Wallet .pkpass, "
                                    "Sentry event export, OTLP/JSON traces, SurveyMonkey two-row-header CSV, Maildir, "
                                    "Windows .reg export (UTF-16), Kubernetes ConfigMap with an embedded CSV.")
    rng = c.rng
    namer = Namer(rng)
    con = Contacts(rng)
    for g, s, _ in STAFF:
        namer.reserve(f"{g} {s}")
    cards_used = set()

    def new_card(chain):
        pre = CHAINS[chain][1]
        while True:
            v = ids.ean13(pre, rng)
            if v not in cards_used and not check.any_person_id(v):
                cards_used.add(v)
                return v

    def phone_raw(nsn):
        return ids.render_phone(rng, "EE", nsn)[0]

    # ------------------------------------------------------------ customers
    custs = []
    kid = 1000

    def make_customer(lang=None, surname=None, female=None, force_ik=False, in_db=True):
        nonlocal kid
        lang = lang or rng.choices(["et", "ru", "en"], [60, 32, 8])[0]
        female = rng.random() < 0.56 if female is None else female
        nm = namer.make(lang, female, surname=surname)
        p = c.person(nm["full"], lang, [CTRL])
        p.a["nm"] = nm
        kid += rng.randint(1, 4)
        p.a["kid"] = kid
        has_ik = force_ik or rng.random() < 0.88
        p.a["dob"] = ids.rand_date(rng, 1935, 2005)
        p.a["ik"] = None
        if has_ik:
            while True:
                v = ids.ee_like(rng, p.a["dob"], female)
                if v not in con.other:
                    con.other.add(v)
                    p.a["ik"] = v
                    break
        p.a["dob_written"] = rng.random() < (0.65 if has_ik else 0.5)
        p.a["email"] = con.email(nm["given"], nm["surname"]) if rng.random() < 0.86 else None
        p.a["phone"] = con.phone("EE", "mobile" if rng.random() < 0.9 else "fixed")[0] if rng.random() < 0.45 else None
        if not p.a["ik"] and not p.a["email"] and not p.a["phone"]:
            p.a["email"] = con.email(nm["given"], nm["surname"])
        p.a["addr"] = ee_address(rng) if rng.random() < 0.3 else None
        cards = []
        for ch, pr in (("apteek", 0.8), ("ilu", 0.3), ("lemmik", 0.2)):
            if rng.random() < pr:
                cards.append((ch, new_card(ch)))
        if not cards:
            cards.append(("apteek", new_card("apteek")))
        p.a["cards"] = cards
        p.a["cyr"] = nm["cyr"] if (lang == "ru" and nm["cyr"] and rng.random() < 0.5) else None
        p.a["in_db"] = in_db
        custs.append(p)
        return p

    for _ in range(380):
        make_customer()
    # households: two adults with their own ID codes share one inbox
    households = []
    for i in range(12):
        lang = rng.choice(["et", "et", "ru"])
        a = make_customer(lang=lang, female=True, force_ik=True)
        sur = a.a["nm"]["surname"]
        if lang == "ru" and sur.endswith("a"):
            sur = sur[:-1]
        b = make_customer(lang=lang, female=False, surname=sur if lang == "et" else None, force_ik=True)
        shared = (f"perekond.{ids.ascii_fold(a.a['nm']['surname']).lower()}{rng.randint(10, 99)}@{rng.choice(['example.com', 'example.net'])}"
                  if i % 2 == 0 else a.a["email"] or con.email(a.a["nm"]["given"], a.a["nm"]["surname"]))
        con.emails.add(shared)
        a.a["email"] = b.a["email"] = shared
        c.household_emails[shared] = [a.tid, b.tid]
        a.note = f"shares the inbox {shared} with {b.tid}"
        b.note = f"shares the inbox {shared} with {a.tid}"
        households.append((a, b))
    db_custs = list(custs)

    # ============================================================ 1. mysqldump --xml
    doc = "andmebaas/loyalty_2023-09-24.xml"
    L = ['<?xml version="1.0"?>', '<mysqldump xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">',
         '<database name="loyalty">']

    def structure(table, fields, rows):
        L.append(f'\t<table_structure name="{table}">')
        for f, t, null, key in fields:
            L.append(f'\t\t<field Field="{f}" Type="{t}" Null="{null}" Key="{key}" Extra="{"auto_increment" if key == "PRI" and t.startswith("int") else ""}" Comment="" />')
        L.append(f'\t\t<key Table="{table}" Non_unique="0" Key_name="PRIMARY" Seq_in_index="1" Column_name="{fields[0][0]}" '
                 f'Collation="A" Cardinality="{rows}" Null="" Index_type="BTREE" Comment="" Index_comment="" />')
        L.append(f'\t\t<options Name="{table}" Engine="InnoDB" Version="10" Row_format="Dynamic" Rows="{rows}" '
                 f'Avg_row_length="{rng.randint(90, 240)}" Data_length="{rng.randint(16, 200) * 4096}" Max_data_length="0" '
                 f'Index_length="{rng.randint(4, 40) * 4096}" Data_free="0" Create_time="2019-03-11 09:12:44" '
                 f'Update_time="2023-09-24 02:00:13" Collation="utf8mb4_estonian_ci" Create_options="" Comment="" />')
        L.append('\t</table_structure>')

    def row(cells):
        L.append('\t<row>')
        for k, v in cells:
            if v is None:
                L.append(f'\t\t<field name="{k}" xsi:nil="true" />')
            else:
                L.append(f'\t\t<field name="{k}">{xml_esc(v)}</field>')
        L.append('\t</row>')

    kfields = [("klient_id", "int(11)", "NO", "PRI"), ("isikukood", "char(11)", "YES", "UNI"), ("eesnimi", "varchar(60)", "NO", ""),
               ("perenimi", "varchar(80)", "NO", ""), ("nimi_kirillitsas", "varchar(120)", "YES", ""),
               ("sunnipaev", "date", "YES", ""), ("email", "varchar(120)", "YES", "MUL"), ("telefon", "varchar(30)", "YES", ""),
               ("keel", "char(2)", "NO", ""), ("uudiskiri", "tinyint(1)", "NO", ""), ("loodud", "datetime", "NO", "")]
    structure("klient", kfields, len(db_custs) + 1)
    L.append('\t<table_data name="klient">')
    qa_kid = 999
    row([("klient_id", qa_kid), ("isikukood", "37605030299"), ("eesnimi", "Test"), ("perenimi", "Kassasüsteem"),
         ("nimi_kirillitsas", None), ("sunnipaev", "1976-05-03"), ("email", f"qa.kassa@{ORG}"), ("telefon", None),
         ("keel", "et"), ("uudiskiri", 0), ("loodud", "2019-03-11 09:15:00")])
    c.decoy("qa_test_code", "37605030299", doc, "klient [isikukood]", "public test code of the QA till customer",
            must_fail=False)
    c.decoy("qa_mailbox", f"qa.kassa@{ORG}", doc, "klient [email]", "QA account", must_fail=False)
    for p in db_custs:
        a = p.a
        nm = a["nm"]
        raw_phone = phone_raw(a["phone"]) if a["phone"] else None
        a["db_phone_raw"] = raw_phone
        created = dt.datetime(2019, 3, 11) + dt.timedelta(minutes=rng.randint(0, 2300000))
        row([("klient_id", a["kid"]), ("isikukood", a["ik"]), ("eesnimi", nm["given"]), ("perenimi", nm["surname"]),
             ("nimi_kirillitsas", a["cyr"]), ("sunnipaev", a["dob"].isoformat() if a["dob_written"] else None),
             ("email", a["email"]), ("telefon", raw_phone), ("keel", p.language), ("uudiskiri", rng.randint(0, 1)),
             ("loodud", created.strftime("%Y-%m-%d %H:%M:%S"))])
        c.link(p, doc, f"kid:{a['kid']}")
        c.name(p, doc, "klient [eesnimi, perenimi]", nm["full"], parts=[nm["given"], nm["surname"]])
        if a["cyr"]:
            c.name(p, doc, "klient [nimi_kirillitsas]", a["cyr"])
        if a["ik"]:
            c.ident(p, "ee_isikukood", a["ik"], a["ik"], doc, "klient [isikukood]")
        if a["dob_written"]:
            c.dob(p, doc, "klient [sunnipaev]", a["dob"].isoformat())
        elif a["ik"]:
            c.expose(p, "date_of_birth", doc, "klient [isikukood]", req=False)
        if a["email"]:
            c.ident(p, "email", a["email"], a["email"], doc, "klient [email]")
        if raw_phone:
            c.ident(p, "phone", ids.e164("EE", a["phone"]), raw_phone, doc, "klient [telefon]", cc="372")
    L.append('\t</table_data>')
    with_addr = [p for p in db_custs if p.a["addr"]]
    structure("aadress", [("aadress_id", "int(11)", "NO", "PRI"), ("klient_id", "int(11)", "NO", "MUL"),
                          ("tanav", "varchar(120)", "NO", ""), ("indeks", "char(5)", "YES", ""), ("linn", "varchar(60)", "NO", ""),
                          ("riik", "char(2)", "NO", "")], len(with_addr))
    L.append('\t<table_data name="aadress">')
    for i, p in enumerate(with_addr):
        ad = p.a["addr"]
        row([("aadress_id", 5001 + i), ("klient_id", p.a["kid"]), ("tanav", ad["street"]), ("indeks", ad["zip"]),
             ("linn", ad["city"]), ("riik", "EE")])
        c.address(p, doc, "aadress [tanav, indeks, linn]", ad["street"])
    L.append('\t</table_data>')
    orphans = [(ch, new_card(ch)) for ch in rng.choices(list(CHAINS), k=14)]
    allcards = [(p, ch, v) for p in db_custs for ch, v in p.a["cards"]] + [(None, ch, v) for ch, v in orphans]
    allcards.sort(key=lambda x: x[2])
    structure("kaart", [("kaart_nr", "char(13)", "NO", "PRI"), ("klient_id", "int(11)", "YES", "MUL"),
                        ("ahel", "enum('apteek','ilu','lemmik')", "NO", ""), ("valjastatud", "date", "NO", ""),
                        ("aktiivne", "tinyint(1)", "NO", "")], len(allcards))
    L.append('\t<table_data name="kaart">')
    for p, ch, v in allcards:
        row([("kaart_nr", v), ("klient_id", p.a["kid"] if p else None), ("ahel", ch),
             ("valjastatud", ids.rand_date(rng, 2012, 2023).isoformat()), ("aktiivne", 1 if rng.random() < 0.93 else 0)])
        if p:
            c.ident(p, "loyalty_card", v, v, doc, "kaart [kaart_nr]")
    L.append('\t</table_data>')
    structure("kasutaja", [("kasutaja_id", "int(11)", "NO", "PRI"), ("nimi", "varchar(120)", "NO", ""),
                           ("email", "varchar(120)", "NO", "UNI"), ("roll", "varchar(40)", "NO", "")], len(STAFF))
    L.append('\t<table_data name="kasutaja">')
    staff_mail = {}
    for i, (g, s, role) in enumerate(STAFF):
        em = f"{ids.ascii_fold(g).lower()}.{ids.ascii_fold(s).lower()}@{ORG}"
        staff_mail[(g, s)] = em
        row([("kasutaja_id", i + 1), ("nimi", f"{g} {s}"), ("email", em), ("roll", role)])
        c.decoy("staff_email", em, doc, "kasutaja [email]", f"{role} (staff)", must_fail=False)
    L.append('\t</table_data>')
    L += ['</database>', '</mysqldump>', '']
    c.text(doc, "\n".join(L))

    # ============================================================ 2. sqlite3 shell: .mode box + .mode line
    doc = "paringud/ostud_2023-09.txt"
    card_owner = {v: p for p in db_custs for _, v in p.a["cards"]}
    buyers = [(p, ch, v) for p in db_custs for ch, v in p.a["cards"] if rng.random() < 0.55]
    rows = []
    receipts = []
    for p, ch, v in buyers:
        for _ in range(rng.randint(1, 4)):
            prod = rng.choice({"apteek": PHARMACY_OTC, "ilu": BEAUTY, "lemmik": PET}[ch])
            rows.append((v, ids.rand_date(rng, 2023, 2023).replace(month=9, day=rng.randint(1, 23)), prod, p, ch))
    for ch, v in orphans[:8]:
        rows.append((v, dt.date(2023, 9, rng.randint(1, 23)), rng.choice(PHARMACY_OTC), None, ch))
    rows.sort(key=lambda r: (r[1], r[0]))
    table = []
    for v, d, prod, p, ch in rows:
        rc = failing_digits(rng, 11, "4")
        receipts.append(rc)
        table.append([v, d.isoformat(), rc, prod, str(rng.randint(1, 3)), f"{rng.randint(150, 4999) / 100:.2f}"])
    hdr = ["kaart_nr", "kuupaev", "kviitung", "toode", "kogus", "summa"]
    w = [max(len(hdr[i]), *(len(r[i]) for r in table)) for i in range(len(hdr))]

    def bline(l, m, r):
        return l + m.join("─" * (x + 2) for x in w) + r

    out = ["SQLite version 3.42.0 2023-05-16 12:36:15", 'Enter ".help" for usage hints.',
           "sqlite> .open /srv/loyalty/ostud.db", "sqlite> .mode box",
           "sqlite> SELECT o.kaart_nr, o.kuupaev, o.kviitung, o.toode, o.kogus, o.summa FROM ost o",
           "   ...>  WHERE o.kuupaev BETWEEN '2023-09-01' AND '2023-09-23' ORDER BY o.kuupaev, o.kaart_nr;",
           bline("┌", "┬", "┐"),
           "│" + "│".join(" " + h.center(x) + " " for h, x in zip(hdr, w)) + "│",
           bline("├", "┼", "┤")]
    for r in table:
        out.append("│" + "│".join(" " + v.ljust(x) + " " for v, x in zip(r, w)) + "│")
    out.append(bline("└", "┴", "┘"))
    for (v, d, prod, p, ch), r in zip(rows, table):
        if p is None:
            continue
        c.ident(p, "loyalty_card", v, v, doc, "kaart_nr")
        c.expose(p, "purchase_history", doc, "toode", ev=prod)
        if ch == "apteek":
            c.expose(p, "health_data", doc, "toode (OTC)", req=False)
    for rc in receipts[:6]:
        c.decoy("receipt_id", rc, doc, "kviitung", "11-digit receipt number that fails every check")
    # .mode line lookups of a few owners
    look = [p for p in db_custs if p.a["ik"] and p.a["email"]]
    look = rng.sample(look, 12)
    out += ["sqlite> .mode line", "sqlite> SELECT k.kaart_nr, k.omanik, k.isikukood, k.email FROM kaart_vaade k",
            "   ...>  WHERE k.kaart_nr IN (" + ", ".join(p.a["cards"][0][1] for p in look) + ");"]
    for p in look:
        v = p.a["cards"][0][1]
        out += [f" kaart_nr = {v}", f"   omanik = {p.name}", f"isikukood = {p.a['ik']}", f"    email = {p.a['email']}", ""]
        c.ident(p, "loyalty_card", v, v, doc, "kaart_nr (line)")
        c.name(p, doc, "omanik", p.name)
        c.ident(p, "ee_isikukood", p.a["ik"], p.a["ik"], doc, "isikukood (line)")
        c.ident(p, "email", p.a["email"], p.a["email"], doc, "email (line)")
    out += ["sqlite> .quit", ""]
    c.text(doc, "\n".join(out))

    # ============================================================ 3. Apple Wallet passes (.pkpass = zip)
    pass_holders = [p for p in db_custs if any(ch in ("apteek", "ilu") for ch, _ in p.a["cards"])]
    pass_holders = rng.sample(pass_holders, 55)
    for _ in range(8):            # beauty customers who joined through the wallet campaign only
        p = make_customer(lang=rng.choice(["et", "et", "ru", "en"]), in_db=False)
        p.a["ik"] = None
        p.a["cards"] = [("ilu", new_card("ilu"))]
        if not p.a["email"]:
            p.a["email"] = con.email(p.a["nm"]["given"], p.a["nm"]["surname"])
        p.note = "known only from an Apple Wallet pass"
        pass_holders.append(p)
    icon = _png()
    for p in pass_holders:
        ch, v = next((x for x in p.a["cards"] if x[0] == "ilu"), p.a["cards"][0])
        org = CHAINS[ch][0]
        serial = guid(rng).upper()
        path = f"wallet/passes/{serial}.pkpass"
        back = []
        if p.a["email"]:
            back.append({"key": "email", "label": "E-post", "value": p.a["email"]})
        if p.a["phone"]:
            ph = phone_raw(p.a["phone"])
            back.append({"key": "phone", "label": "Telefon", "value": ph})
        back.append({"key": "terms", "label": "Tingimused", "value": f"Kaart kehtib kõigis {org} kauplustes. Info: https://{ORG}/tingimused"})
        pj = {"formatVersion": 1, "passTypeIdentifier": f"pass.com.example.nordloyal.{ch}", "serialNumber": serial,
              "teamIdentifier": "8XK2Q4ZJ7M", "organizationName": org, "description": f"{org} kliendikaart",
              "logoText": org, "foregroundColor": "rgb(255, 255, 255)", "backgroundColor": "rgb(0, 122, 94)",
              "storeCard": {"primaryFields": [{"key": "member", "label": "Klient", "value": p.name}],
                            "secondaryFields": [{"key": "card", "label": "Kaardi nr", "value": grouped_card(v)}],
                            "auxiliaryFields": [{"key": "level", "label": "Tase", "value": rng.choice(["Hõbe", "Kuld", "Põhi"])}],
                            "backFields": back},
              "barcode": {"message": v, "format": "PKBarcodeFormatCode128", "messageEncoding": "iso-8859-1"},
              "barcodes": [{"message": v, "format": "PKBarcodeFormatCode128", "messageEncoding": "iso-8859-1"}],
              "webServiceURL": f"https://wallet.{ORG}/v1", "authenticationToken": hexid(rng, 32)}
        pjb = json.dumps(pj, ensure_ascii=False, indent=2).encode("utf-8")
        manifest = json.dumps({"icon.png": hashlib.sha1(icon).hexdigest(), "pass.json": hashlib.sha1(pjb).hexdigest()},
                              indent=2).encode()
        sig = bytes(rng.randrange(256) for _ in range(96))
        members = [c.member(path, "pass.json", pjb), ("manifest.json", manifest), ("signature", sig), ("icon.png", icon)]
        c.add_file(path, make_zip(members))
        d = f"{path}!/pass.json"
        c.name(p, d, "storeCard.primaryFields[member]", p.name)
        c.ident(p, "loyalty_card", v, grouped_card(v), d, "storeCard.secondaryFields[card]")
        c.ident(p, "loyalty_card", v, v, d, "barcode.message")
        if p.a["email"]:
            c.ident(p, "email", p.a["email"], p.a["email"], d, "backFields[email]")
        if p.a["phone"]:
            c.ident(p, "phone", ids.e164("EE", p.a["phone"]), ph, d, "backFields[phone]", cc="372")

    # ============================================================ 4. Sentry event export
    doc = "sentry/loyalty-api_issue-4411_events.json"
    events = []
    t0 = dt.datetime(2023, 9, 18, 7, 0, 0)

    def ev_base(p, title, etype, evalue, module):
        nonlocal t0
        t0 += dt.timedelta(seconds=rng.randint(200, 9000))
        eid = hexid(rng, 32)
        return {"id": eid, "eventID": eid, "groupID": "4411", "projectID": "12",
                "dateCreated": t0.strftime("%Y-%m-%dT%H:%M:%S.") + f"{rng.randint(0, 999):03d}000Z",
                "title": title, "platform": "python", "message": "",
                "user": None, "tags": [{"key": "environment", "value": "production"},
                                       {"key": "release", "value": "loyalty-api@2.14.1"},
                                       {"key": "server_name", "value": f"loyalty-api-{rng.randint(1, 3)}"}],
                "entries": [{"type": "exception", "data": {"values": [{"type": etype, "value": evalue, "module": module,
                                                                       "mechanism": {"type": "django", "handled": False}}]}}],
                "contexts": dict(zip(("browser", "os"), rng.choice([
                    ({"name": "Chrome Mobile", "version": "116.0.5845"}, {"name": "Android", "version": "13"}),
                    ({"name": "Mobile Safari", "version": "16.6"}, {"name": "iOS", "version": "16.6.1"}),
                    ({"name": "Chrome", "version": "116.0.5845"}, {"name": "Windows", "version": "10"})])))}

    def request(method, url, data):
        return {"type": "request", "data": {"method": method, "url": url, "query": [["lang", "et"]], "data": data,
                                            "headers": [["Content-Type", "application/json"],
                                                        ["User-Agent", "Mozilla/5.0 (Linux; Android 13) AppleWebKit/537.36"]],
                                            "env": {"REMOTE_ADDR": f"10.20.{rng.randint(0, 9)}.{rng.randint(2, 250)}"}}}

    act = rng.sample([p for p in db_custs if p.a["ik"] and p.a["email"]], 22)
    for p in act:
        bad = mistype(rng, p.a["ik"], check.v_ee)
        card = p.a["cards"][0][1]
        data = {"isikukood": bad, "kaart": card}
        if p.a["phone"]:
            data["telefon"] = p.a["db_phone_raw"]
        e = ev_base(p, f"ValidationError: Isikukood {bad} ei läbinud kontrolli", "ValidationError",
                    f"Isikukood {bad} ei läbinud kontrolli", "loyalty.validators")
        e["user"] = {"id": str(p.a["kid"]), "email": p.a["email"], "ip_address": "{{auto}}", "username": None, "name": None}
        e["entries"][0]["data"]["values"][0]["stacktrace"] = {"frames": [
            {"filename": "loyalty/api/cards.py", "function": "activate", "lineNo": 88, "inApp": True,
             "context": [[87, "    code = payload['isikukood']"], [88, "    validate_isikukood(code)"]],
             "vars": {"code": f"'{bad}'", "payload": "{...}"}}]}
        e["entries"].append(request("POST", f"https://minu.{ORG}/api/kaart/aktiveeri", data))
        events.append(e)
        c.decoy("mistyped_isikukood", bad, doc, "request.data.isikukood", "mistyped ID code, corrected in a later event")
        c.ident(p, "email", p.a["email"], p.a["email"], doc, "user.email")
        c.ident(p, "loyalty_card", card, card, doc, "request.data.kaart")
        if p.a["phone"]:
            c.ident(p, "phone", ids.e164("EE", p.a["phone"]), p.a["db_phone_raw"], doc, "request.data.telefon", cc="372")
        if rng.random() < 0.7:
            e = ev_base(p, f"CardAlreadyLinked: Kaart {card} on seotud teise kliendiga", "CardAlreadyLinked",
                        f"Kaart {card} on seotud teise kliendiga", "loyalty.cards")
            e["user"] = {"id": str(p.a["kid"]), "email": p.a["email"], "ip_address": "{{auto}}", "username": None, "name": None}
            e["entries"].append(request("POST", f"https://minu.{ORG}/api/kaart/aktiveeri",
                                        {"isikukood": p.a["ik"], "kaart": card}))
            events.append(e)
            c.ident(p, "ee_isikukood", p.a["ik"], p.a["ik"], doc, "request.data.isikukood")
    # registrations after the dump: persons known only from Sentry
    for _ in range(12):
        p = make_customer(in_db=False)
        p.a["ik"] = None
        if not p.a["email"]:
            p.a["email"] = con.email(p.a["nm"]["given"], p.a["nm"]["surname"])
        if not p.a["phone"]:
            p.a["phone"] = con.phone("EE")[0]
        p.note = "registered after the database dump; known only from Sentry"
        ph = phone_raw(p.a["phone"])
        data = {"eesnimi": p.a["nm"]["given"], "perenimi": p.a["nm"]["surname"], "email": p.a["email"],
                "telefon": ph, "sunnipaev": p.a["dob"].strftime("%d.%m.%Y"), "nous_uudiskiri": rng.random() < 0.5,
                "kaart": None}
        e = ev_base(p, "TimeoutError: SMS gateway did not answer in 10.0 s", "TimeoutError",
                    "SMS gateway did not answer in 10.0 s", "loyalty.sms")
        e["user"] = {"id": None, "email": p.a["email"], "ip_address": "{{auto}}", "username": None, "name": None}
        e["entries"].append(request("POST", f"https://minu.{ORG}/api/registreeru", data))
        events.append(e)
        c.name(p, doc, "request.data.eesnimi/perenimi", p.name, parts=[p.a["nm"]["given"], p.a["nm"]["surname"]])
        c.ident(p, "email", p.a["email"], p.a["email"], doc, "request.data.email")
        c.ident(p, "phone", ids.e164("EE", p.a["phone"]), ph, doc, "request.data.telefon", cc="372")
        c.dob(p, doc, "request.data.sunnipaev", p.a["dob"].strftime("%d.%m.%Y"))
    # breadcrumbs: e-mail lookups in URLs
    for p in rng.sample([p for p in db_custs if p.a["email"] and p not in act], 14):
        e = ev_base(p, "KeyError: 'kaardid'", "KeyError", "'kaardid'", "loyalty.api.profile")
        e["user"] = {"id": str(p.a["kid"]), "email": None, "ip_address": "{{auto}}", "username": None, "name": None}
        from urllib.parse import quote
        q = quote(p.a["email"], safe="")
        e["entries"].insert(0, {"type": "breadcrumbs", "data": {"values": [
            {"timestamp": e["dateCreated"], "type": "http", "category": "httplib", "level": "info",
             "data": {"method": "GET", "url": f"http://crm-internal:8080/api/klient?email={q}", "status_code": 200}}]}})
        events.append(e)
        c.ident(p, "email", p.a["email"], p.a["email"], doc, "breadcrumbs.data.url (%40-encoded)")
    events.sort(key=lambda e: e["dateCreated"])
    c.text(doc, json.dumps(events, ensure_ascii=False, indent=2) + "\n", dec=("url",))
    c.text("sentry/loyalty-api_issue-4411.json", json.dumps({
        "id": "4411", "shortId": "LOYALTY-API-3F", "title": "ValidationError: Isikukood … ei läbinud kontrolli",
        "culprit": "loyalty.api.cards in activate", "level": "error", "status": "unresolved", "count": str(len(events)),
        "userCount": len(events), "firstSeen": events[0]["dateCreated"], "lastSeen": events[-1]["dateCreated"],
        "project": {"id": "12", "slug": "loyalty-api"}, "assignedTo": {"type": "user", "name": "Tõnu Allas"}},
        ensure_ascii=False, indent=2) + "\n")

    # ============================================================ 5. OTLP/JSON traces
    doc = "otel/traces-2023-09-26.ndjson"
    lines = []
    tn = 1695711600 * 10 ** 9

    def attr(k, v):
        if isinstance(v, bool):
            return {"key": k, "value": {"boolValue": v}}
        if isinstance(v, int):
            return {"key": k, "value": {"intValue": str(v)}}
        return {"key": k, "value": {"stringValue": v}}

    def span(name, attrs, kind=2):
        nonlocal tn
        tn += rng.randint(10 ** 8, 9 * 10 ** 10)
        return {"traceId": hexid(rng, 32), "spanId": hexid(rng, 16), "name": name, "kind": kind,
                "startTimeUnixNano": str(tn), "endTimeUnixNano": str(tn + rng.randint(10 ** 6, 9 * 10 ** 8)),
                "attributes": attrs, "status": {}}

    spans = []
    ik_users = rng.sample([p for p in db_custs if p.a["ik"]], 40)
    for p in ik_users:
        spans.append((span("GET /api/klient/{isikukood}", [attr("http.method", "GET"),
                                                            attr("http.target", f"/api/klient/{p.a['ik']}"),
                                                            attr("http.status_code", 200), attr("enduser.id", str(p.a["kid"]))]),
                       p, "ik"))
    for p in rng.sample([p for p in db_custs if p.a["phone"]], 20):
        spans.append((span("sms.otp.send", [attr("sms.to", ids.e164("EE", p.a["phone"])), attr("otp.purpose", "sisselogimine"),
                                            attr("enduser.id", str(p.a["kid"])), attr("sms.provider", "smsgw")], 3), p, "otp"))
    otp_only = []
    for _ in range(15):
        nsn = con.phone("EE")[0]
        p = c.person("", "et", [CTRL], "phone number known only from an OTP span (app login never completed)")
        p.a["phone"] = nsn
        otp_only.append(p)
        spans.append((span("sms.otp.send", [attr("sms.to", phone_raw(nsn)), attr("otp.purpose", "registreerimine"),
                                            attr("sms.provider", "smsgw")], 3), p, "otp-only"))
    email_change = rng.sample([p for p in db_custs if p.a["email"] and p not in [h for hh in households for h in hh]], 10)
    for p in email_change:
        new = con.email(p.a["nm"]["given"], p.a["nm"]["surname"])
        p.a["new_email"] = new
        stmt = f"UPDATE klient SET email = '{new}', muudetud = NOW() WHERE klient_id = {p.a['kid']}"
        spans.append((span("UPDATE loyalty.klient", [attr("db.system", "mysql"), attr("db.name", "loyalty"),
                                                      attr("db.statement", stmt), attr("db.operation", "UPDATE")], 3), p, "upd"))
    rng.shuffle(spans)
    for i in range(0, len(spans), 5):
        chunk = spans[i:i + 5]
        req = {"resourceSpans": [{"resource": {"attributes": [attr("service.name", "loyalty-api"),
                                                              attr("service.version", "2.14.1"),
                                                              attr("deployment.environment", "production"),
                                                              attr("host.name", f"loyalty-api-{rng.randint(1, 3)}")]},
                                  "scopeSpans": [{"scope": {"name": "opentelemetry.instrumentation.django", "version": "0.40b0"},
                                                  "spans": [s for s, _, _ in chunk]}]}]}
        lines.append(json.dumps(req, ensure_ascii=False, separators=(",", ":")))
        for s, p, kind in chunk:
            a = {x["key"]: list(x["value"].values())[0] for x in s["attributes"]}
            if kind == "ik":
                c.ident(p, "ee_isikukood", p.a["ik"], p.a["ik"], doc, "attributes[http.target]")
                c.link(p, doc, f"kid:{p.a['kid']}")
            elif kind in ("otp", "otp-only"):
                c.ident(p, "phone", ids.e164("EE", p.a["phone"]), a["sms.to"], doc, "attributes[sms.to]", cc="372")
                if kind == "otp":
                    c.link(p, doc, f"kid:{p.a['kid']}")
            else:
                c.ident(p, "email", p.a["new_email"], p.a["new_email"], doc, "attributes[db.statement]")
                c.link(p, doc, f"kid:{p.a['kid']}")
                p.note = (p.note + "; " if p.note else "") + "new e-mail only in an OTLP db.statement, joined by klient_id"
    c.text(doc, "\n".join(lines) + "\n")

    # ============================================================ 6. SurveyMonkey export (two header rows)
    doc = "turundus/kliendirahulolu_2023_SurveyMonkey.csv"
    q1 = "Kui tõenäoliselt soovitaksite Tervise Apteeki sõbrale või tuttavale?"
    q2 = "Mida võiksime paremini teha?"
    q3 = "Kas võime teiega tagasiside osas ühendust võtta? Palun jätke oma andmed."
    h1 = ["Respondent ID", "Collector ID", "Start Date", "End Date", "IP Address", "Email Address", "First Name",
          "Last Name", "Custom Data 1", q1, q2, q3, "", "", ""]
    h2 = ["", "", "", "", "", "", "", "", "", "Response", "Open-Ended Response", "Nimi", "E-post", "Telefon", "Kaardi number"]
    out = [csv_line(h1), csv_line(h2)]
    invited = rng.sample([p for p in db_custs if p.a["email"] and p.a["cards"][0][0] == "apteek"], 90)
    resp = [("inv", p) for p in invited]
    for _ in range(14):
        resp.append(("web", None))
    for _ in range(8):
        resp.append(("anon", None))
    rng.shuffle(resp)
    n_health = 0
    sd = dt.datetime(2023, 6, 1, 8)
    for kind, p in resp:
        sd += dt.timedelta(minutes=rng.randint(5, 400))
        ed = sd + dt.timedelta(seconds=rng.randint(40, 600))
        rid = failing_digits(rng, 11, "11")
        fmt = lambda t: t.strftime("%m/%d/%Y %I:%M:%S %p")
        score = str(rng.randint(0, 10))
        if kind == "inv":
            lang = p.language
            comment_pool = {"et": PLAIN_COMMENTS_ET, "ru": PLAIN_COMMENTS_RU, "en": PLAIN_COMMENTS_EN}[lang]
            comment = rng.choice(comment_pool)
            health = False
            if lang in ("et", "ru") and n_health < 12 and rng.random() < 0.16:
                comment = rng.choice(HEALTH_COMMENTS_ET if lang == "et" else HEALTH_COMMENTS_RU)
                health = True
                n_health += 1
            card = p.a["cards"][0][1]
            contact = ["", "", "", ""]
            if rng.random() < 0.3:
                ph = phone_raw(p.a["phone"]) if p.a["phone"] else ""
                contact = [p.name, p.a["email"], ph, ""]
            out.append(csv_line([rid, "431889201", fmt(sd), fmt(ed), "", p.a["email"], p.a["nm"]["given"],
                                 p.a["nm"]["surname"], card, score, comment] + contact))
            c.ident(p, "email", p.a["email"], p.a["email"], doc, "Email Address")
            c.name(p, doc, "First Name/Last Name", p.name, parts=[p.a["nm"]["given"], p.a["nm"]["surname"]])
            c.ident(p, "loyalty_card", card, card, doc, "Custom Data 1")
            if contact[0]:
                c.name(p, doc, "Nimi", p.name)
                if contact[2]:
                    c.ident(p, "phone", ids.e164("EE", p.a["phone"]), contact[2], doc, "Telefon", cc="372")
            if health:
                c.expose(p, "health_data", doc, q2, ev=comment)
        elif kind == "web":
            lang = rng.choice(["et", "et", "ru"])
            r = rng.random()
            if r < 0.3:      # e-mail only
                p = c.person("", lang, [CTRL], "survey respondent who left only an e-mail address")
                em = con.email(rng.choice(["info", "mari", "kasutaja", "jaan"]), str(rng.randint(100, 999)))
                p.a["email"] = em
                contact = ["", em, "", ""]
                c.ident(p, "email", em, em, doc, "E-post")
            else:
                p = make_customer(lang=lang, in_db=False)
                p.note = "survey respondent not in the customer database"
                p.a["ik"] = None
                want_phone, want_email = r < 0.65, r >= 0.45
                if want_phone and not p.a["phone"]:
                    p.a["phone"] = con.phone("EE")[0]
                if want_email and not p.a["email"]:
                    p.a["email"] = con.email(p.a["nm"]["given"], p.a["nm"]["surname"])
                ph = phone_raw(p.a["phone"]) if want_phone else ""
                em = p.a["email"] if want_email else ""
                card = ""
                if rng.random() < 0.4:
                    card = grouped_card(p.a["cards"][0][1])
                contact = [p.name, em, ph, card]
                c.name(p, doc, "Nimi", p.name)
                if em:
                    c.ident(p, "email", em, em, doc, "E-post")
                if ph:
                    c.ident(p, "phone", ids.e164("EE", p.a["phone"]), ph, doc, "Telefon", cc="372")
                if card:
                    c.ident(p, "loyalty_card", p.a["cards"][0][1], card, doc, "Kaardi number")
            comment = rng.choice(PLAIN_COMMENTS_ET if lang == "et" else PLAIN_COMMENTS_RU)
            out.append(csv_line([rid, "431889377", fmt(sd), fmt(ed), f"10.{rng.randint(0, 255)}.{rng.randint(0, 255)}.{rng.randint(1, 254)}",
                                 "", "", "", "", score, comment] + contact))
        else:
            out.append(csv_line([rid, "431889377", fmt(sd), fmt(ed), f"10.{rng.randint(0, 255)}.{rng.randint(0, 255)}.{rng.randint(1, 254)}",
                                 "", "", "", "", score, rng.choice(PLAIN_COMMENTS_ET)] + ["", "", "", ""]))
        if rng.random() < 0.05:
            c.decoy("respondent_id", rid, doc, "Respondent ID", "11-digit SurveyMonkey respondent id")
    c.text(doc, "\r\n".join(out) + "\r\n", bom=True)

    # ============================================================ 7. Maildir of the customer service
    writers = rng.sample([p for p in db_custs if p.a["email"] and p not in email_change], 44)
    for _ in range(8):
        p = make_customer(lang=rng.choice(["et", "ru", "en", "et"]), in_db=False)
        p.a["ik"] = None
        if not p.a["email"]:
            p.a["email"] = con.email(p.a["nm"]["given"], p.a["nm"]["surname"])
        if not p.a["addr"]:
            p.a["addr"] = ee_address(rng)
        p.note = "pet-store customer who wrote to customer service; not in the database"
        p.a["mail_only"] = True
        writers.append(p)
    rng.shuffle(writers)
    agents = STAFF[:3]
    t = dt.datetime(2023, 9, 4, 8, 3, 11)
    uid = 1
    uidlist = []
    for i, p in enumerate(writers):
        t += dt.timedelta(minutes=rng.randint(20, 900))
        lang = p.language
        card = p.a["cards"][0][1]
        card_raw = rng.choice([card, grouped_card(card)])
        nm = p.a["nm"]
        display = p.a["cyr"] if (lang == "ru" and p.a["cyr"] and rng.random() < 0.6) else p.name
        lines = []
        facts = []
        if lang == "et":
            lines.append("Tere!")
            lines.append("")
            lines.append(rng.choice(["Minu kliendikaart ei tööta enam kassas.", "Soovin oma andmeid uuendada.",
                                     "Kaardile ei laekunud boonuspunktid."]))
            lines.append(f"Kaardi number: {card_raw}")
        elif lang == "ru":
            lines.append("Здравствуйте!")
            lines.append("")
            lines.append(rng.choice(["Моя карта клиента не работает на кассе.", "Прошу обновить мои данные.",
                                     "На карту не начислены бонусы."]))
            lines.append(f"Номер карты: {card_raw}")
        else:
            lines.append("Hello,")
            lines.append("")
            lines.append(rng.choice(["My loyalty card stopped working.", "Please update my details.",
                                     "My bonus points are missing."]))
            lines.append(f"Card number: {card_raw}")
        facts.append(("loyalty_card", card_raw))
        if p.a["ik"] and rng.random() < 0.5:
            lines.append({"et": "Isikukood: ", "ru": "Личный код: ", "en": "Personal code: "}[lang] + p.a["ik"])
            facts.append(("ik", p.a["ik"]))
        if p.a["addr"] and rng.random() < (1 if p.a.get("mail_only") else 0.5):
            lines.append({"et": "Uus aadress: ", "ru": "Новый адрес: ", "en": "New address: "}[lang] + p.a["addr"]["full"])
            facts.append(("addr", p.a["addr"]["street"]))
        ph = None
        if p.a["phone"] and rng.random() < 0.6:
            ph = phone_raw(p.a["phone"])
            lines.append({"et": "Telefon ", "ru": "Тел. ", "en": "Phone "}[lang] + ph)
            facts.append(("phone", ph))
        lines += ["", {"et": "Tänan,", "ru": "Спасибо,", "en": "Thanks,"}[lang], display, ""]
        body = "\n".join(lines)
        style = rng.random()
        if lang == "et" and style < 0.3:
            charset, cte = "windows-1257", "8bit"
        elif lang == "ru":
            charset, cte = "utf-8", "base64"
        else:
            charset, cte = "utf-8", "quoted-printable"
        mid = f"<{hexid(rng, 12)}@{p.a['email'].split('@')[1]}>"
        headers = [("Return-Path", f"<{p.a['email']}>"), ("Delivered-To", f"klienditugi@{ORG}"),
                   ("Received", f"from mx2.{ORG} (mx2.{ORG} [10.20.1.5])\n\tby mail01.{ORG} (Postfix) with ESMTPS id "
                                f"{hexid(rng, 12).upper()}\n\tfor <klienditugi@{ORG}>; {t.strftime('%a, %d %b %Y %H:%M:%S')} +0300 (EEST)"),
                   ("From", addr(display, p.a["email"])), ("To", f"Klienditugi <klienditugi@{ORG}>"),
                   ("Subject", qsubject({"et": "Kliendikaart", "ru": "Карта клиента", "en": "Loyalty card"}[lang])),
                   ("Date", t.strftime("%a, %d %b %Y %H:%M:%S +0300")), ("Message-ID", mid)]
        if style > 0.8 and cte != "8bit":
            htmlbody = "<html><body>" + "".join(f"<p>{xml_esc(x) if x else '&nbsp;'}</p>" for x in lines) + "</body></html>"
            msg = mime(headers, [text_part(body, charset, cte), text_part(htmlbody, charset, "quoted-printable", "html")],
                       boundary=f"----=_Part_{rng.randint(10 ** 6, 10 ** 7)}_{rng.randint(10 ** 8, 10 ** 9)}")
        else:
            msg = mime(headers, [text_part(body, charset, cte)])
        data = msg.encode(charset if cte == "8bit" else "ascii")
        epoch = epoch_of(t)
        base = f"{epoch}.M{rng.randint(100000, 999999)}P{rng.randint(1000, 99999)}.mail01"
        sub = "cur" if i < len(writers) - 6 else "new"
        fname = f"teenindus/Maildir/{sub}/{base},S={len(data)}" + (":2,S" if sub == "cur" else "")
        c.add_file(fname, data)
        c.register(fname, data, kind="mail")
        uidlist.append(f"{uid} :{base}")
        uid += 1
        c.ident(p, "email", p.a["email"], p.a["email"], fname, "From")
        c.name(p, fname, "From / signature", display)
        for k, v in facts:
            if k == "loyalty_card":
                c.ident(p, "loyalty_card", card, v, fname, "body")
            elif k == "ik":
                c.ident(p, "ee_isikukood", v, v, fname, "body")
            elif k == "addr":
                c.address(p, fname, "body", v)
            elif k == "phone":
                c.ident(p, "phone", ids.e164("EE", p.a["phone"]), v, fname, "body", cc="372")
        # the agent's reply in .Sent, quoting the customer
        if rng.random() < 0.45:
            g, s, role = rng.choice(agents)
            em = staff_mail[(g, s)]
            t2 = t + dt.timedelta(minutes=rng.randint(30, 600))
            rep = [{"et": f"Tere, {nm['given']}!", "ru": f"Здравствуйте, {nm['given']}!", "en": f"Dear {nm['given']},"}[lang], "",
                   {"et": "Kontrollisime Teie kaarti ja parandasime andmed.", "ru": "Мы проверили вашу карту и исправили данные.",
                    "en": "We checked your card and fixed the details."}[lang], "",
                   {"et": "Lugupidamisega", "ru": "С уважением", "en": "Kind regards"}[lang],
                   f"{g} {s}", role, CTRL, "tel +372 640 1234", em, "",
                   f"{t.strftime('%d.%m.%Y %H:%M')} kirjutas {display} <{p.a['email']}>:"] + ["> " + x for x in lines]
            rbody = "\n".join(rep)
            rh = [("From", addr(f"{g} {s}", em)), ("To", addr(display, p.a["email"])),
                  ("Subject", qsubject("Re: " + {"et": "Kliendikaart", "ru": "Карта клиента", "en": "Loyalty card"}[lang])),
                  ("Date", t2.strftime("%a, %d %b %Y %H:%M:%S +0300")), ("In-Reply-To", mid),
                  ("Message-ID", f"<{hexid(rng, 12)}@{ORG}>")]
            rdata = mime(rh, [text_part(rbody, "utf-8", "quoted-printable")]).encode("ascii")
            rbase = f"{epoch_of(t2)}.M{rng.randint(100000, 999999)}P{rng.randint(1000, 99999)}.mail01"
            rname = f"teenindus/Maildir/.Sent/cur/{rbase},S={len(rdata)}:2,S"
            c.add_file(rname, rdata)
            c.register(rname, rdata, kind="mail")
            c.ident(p, "email", p.a["email"], p.a["email"], rname, "To")
            c.name(p, rname, "To", display)
            for k, v in facts:
                if k == "loyalty_card":
                    c.ident(p, "loyalty_card", card, v, rname, "quoted body")
                elif k == "ik":
                    c.ident(p, "ee_isikukood", v, v, rname, "quoted body")
                elif k == "addr":
                    c.address(p, rname, "quoted body", v)
                elif k == "phone":
                    c.ident(p, "phone", ids.e164("EE", p.a["phone"]), v, rname, "quoted body", cc="372")
            if i < 6:
                c.decoy("staff_email", em, rname, "signature", "customer-service agent", must_fail=False)
    c.text("teenindus/Maildir/dovecot-uidlist", f"3 V1693807391 N{uid} G{hexid(rng, 32)}\n" + "\n".join(uidlist) + "\n")
    c.text("teenindus/Maildir/subscriptions", "Sent\nDrafts\nTrash\n")

    # ============================================================ 8. Windows registry export of a till (UTF-16LE)
    doc = "kassa/KASSA07_HKCU_Software_TerviseApteek.reg"
    recent = rng.sample([p for p in db_custs if p.a["ik"] and any(ch == "apteek" for ch, _ in p.a["cards"])], 24)
    R = ["Windows Registry Editor Version 5.00", "",
         "[HKEY_CURRENT_USER\\Software\\TerviseApteek\\Kassa]", '"Kassa"="KASSA07"', '"Pood"="Tallinn Kristiine"',
         '"PoeTelefon"="+372 640 1234"', '"ViimaneKassiir"="Kati Kask"', '"Versioon"="5.3.2"', "",
         "[HKEY_CURRENT_USER\\Software\\TerviseApteek\\Kassa\\ViimasedKliendid]",
         '"MRUList"="' + "".join(chr(97 + i) for i in range(len(recent))) + '"', ""]
    for i, p in enumerate(recent):
        card = next(v for ch, v in p.a["cards"] if ch == "apteek")
        R.append(f"[HKEY_CURRENT_USER\\Software\\TerviseApteek\\Kassa\\ViimasedKliendid\\{i}]")
        R.append(f'"Nimi"="{p.name}"')
        R.append(f'"Isikukood"="{p.a["ik"]}"')
        R.append(f'"Kaart"="{card}"')
        if p.a["phone"]:
            R.append(f'"Telefon"="{p.a["db_phone_raw"]}"')
        if p.a["addr"]:
            hx = ",".join(f"{b:02x}" for b in (p.a["addr"]["full"] + "\x00").encode("utf-16-le"))
            # regedit wraps hex data at 80 columns with ",\" and two-space indentation
            first = '"Aadress"=hex(2):'
            parts = hx.split(",")
            line, lines_ = first, []
            for j, b in enumerate(parts):
                piece = b + ("," if j < len(parts) - 1 else "")
                if len(line) + len(piece) > 77:
                    lines_.append(line + "\\")
                    line = "  "
                line += piece
            lines_.append(line)
            R += lines_
            c.expose(p, "postal_address", doc, "Aadress (REG_EXPAND_SZ hex)", req=False)
        R.append(f'"ViimaneOst"=dword:{rng.randint(0x64f00000, 0x65100000):08x}')
        R.append(f'"Soodustus"=dword:{rng.choice([0, 5, 10, 15]):08x}')
        R.append("")
        c.name(p, doc, "Nimi", p.name)
        c.ident(p, "ee_isikukood", p.a["ik"], p.a["ik"], doc, "Isikukood")
        c.ident(p, "loyalty_card", card, card, doc, "Kaart")
        if p.a["phone"]:
            c.ident(p, "phone", ids.e164("EE", p.a["phone"]), p.a["db_phone_raw"], doc, "Telefon", cc="372")
    c.text(doc, "\n".join(R) + "\n", enc="utf-16-le", bom=True, crlf=True)
    c.decoy("store_phone", "+372 640 1234", doc, "PoeTelefon", "store phone", must_fail=False)

    # ============================================================ 9. Kubernetes ConfigMap with an embedded seed CSV
    doc = "k8s/loyalty-api-seed-configmap.yaml"
    seed_people = rng.sample([p for p in db_custs if p.a["ik"] and p.a["email"]], 20)
    csv_rows = ["isikukood,eesnimi,perenimi,email,telefon,kaart"]
    for p in seed_people:
        ph = ids.e164("EE", p.a["phone"]) if p.a["phone"] else ""
        csv_rows.append(",".join([p.a["ik"], p.a["nm"]["given"], p.a["nm"]["surname"], p.a["email"], ph, p.a["cards"][0][1]]))
    props = ["spring.datasource.url=jdbc:mysql://db-staging:3306/loyalty", f"spring.mail.host=smtp.{ORG}",
             f"loyalty.support.email=klienditugi@{ORG}", "loyalty.seed.enabled=true", "loyalty.seed.file=/config/seed-customers.csv"]
    seed_csv = "\n".join(csv_rows) + "\n"
    props_s = "\n".join(props) + "\n"
    last = json.dumps({"apiVersion": "v1", "data": {"application.properties": props_s, "seed-customers.csv": seed_csv},
                       "kind": "ConfigMap", "metadata": {"annotations": {}, "name": "loyalty-api-seed",
                                                         "namespace": "loyalty-staging"}}, ensure_ascii=False,
                      separators=(",", ":"))
    Y = ["apiVersion: v1", "data:", "  application.properties: |"] + ["    " + x for x in props] + \
        ["  seed-customers.csv: |"] + ["    " + x for x in csv_rows] + \
        ["kind: ConfigMap", "metadata:", "  annotations:", "    kubectl.kubernetes.io/last-applied-configuration: |",
         "      " + last, "  creationTimestamp: \"2023-05-02T11:20:41Z\"", "  labels:",
         "    app.kubernetes.io/name: loyalty-api", "  name: loyalty-api-seed", "  namespace: loyalty-staging",
         "  resourceVersion: \"48213377\"", f"  uid: {guid(rng)}"]
    c.text(doc, "\n".join(Y) + "\n", dec=("json",))
    for p in seed_people:
        c.ident(p, "ee_isikukood", p.a["ik"], p.a["ik"], doc, "data.seed-customers.csv [isikukood]")
        c.name(p, doc, "data.seed-customers.csv [eesnimi, perenimi]", p.name, parts=[p.a["nm"]["given"], p.a["nm"]["surname"]])
        c.ident(p, "email", p.a["email"], p.a["email"], doc, "data.seed-customers.csv [email]")
        if p.a["phone"]:
            c.ident(p, "phone", ids.e164("EE", p.a["phone"]), ids.e164("EE", p.a["phone"]), doc,
                    "data.seed-customers.csv [telefon]", cc="372")
        c.ident(p, "loyalty_card", p.a["cards"][0][1], p.a["cards"][0][1], doc, "data.seed-customers.csv [kaart]")
    c.decoy("role_mailbox", f"klienditugi@{ORG}", doc, "application.properties", "support mailbox", must_fail=False)
    secret = ["apiVersion: v1", "data:",
              f"  DB_PASSWORD: {base64.b64encode(b'Kevad2023!loyalty').decode()}",
              f"  SMTP_USER: {base64.b64encode(f'noreply@{ORG}'.encode()).decode()}",
              f"  SMTP_PASSWORD: {base64.b64encode(hexid(rng, 20).encode()).decode()}",
              "kind: Secret", "metadata:", "  name: loyalty-api-secrets", "  namespace: loyalty-staging", "type: Opaque"]
    c.text("k8s/loyalty-api-secrets.yaml", "\n".join(secret) + "\n")

    # ------------------------------------------------------------ persons that ended up with nothing required
    for p in custs:
        if not p.req:
            raise RuntimeError(f"{p.tid} has no exposure")
    c.extra["controller"] = CTRL
    c.extra["chains"] = {k: {"name": v[0], "card_prefix": v[1]} for k, v in CHAINS.items()}
    c.extra["not_exposed"] = ["passwords", "bank details (IBAN, payment cards)", "prescriptions"]
    return c


def epoch_of(t, utc_offset_h=3):
    import calendar
    return calendar.timegm(t.timetuple()) - utc_offset_h * 3600


def qsubject(s):
    from email.header import Header
    try:
        s.encode("ascii")
        return s
    except UnicodeEncodeError:
        return Header(s, "utf-8").encode()

