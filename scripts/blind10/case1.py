"""Case 1: loyalty system of a pharmacy, a beauty and a pet chain (Estonia).

Shapes: SQL Server "Generate Scripts" (UTF-16LE, N'' literals, CAST(... AS Date), GO batches), Java
Properties.store() till caches (\\uXXXX escapes, Hashtable order), Elasticsearch scroll `_search` responses
(?pretty, `"key" : value`), a Telegram Desktop JSON export (text arrays with phone/email entities, contacts),
PHP session files (serialize() with byte lengths) and a windows-1251 Russian-segment CSV.
"""
import datetime as dt
import json

import fmt
import people
from shared import check, ids

SLUG = "ee_loyalty_mssql"
DESCRIPTION = ("Loyalty system of a pharmacy, a beauty and a pet chain (EE): SQL Server script, till caches, "
               "Elasticsearch scroll pages, Telegram support export, PHP sessions, Russian segment CSV")
CTRL = "Lojaalsusprogrammi Haldus OÜ"
CHAINS = {"APTEEK": ("2900", "Apteek Südamerohi"), "ILU": ("2910", "Ilumaailm"), "LEMMIK": ("2920", "Lemmikute Kauplus")}
PRODUCTS = {
    "APTEEK": ["Ibuprofen 400 mg N20", "Paracetamol 500 mg N20", "Xylometazoline ninasprei 0,1% 10 ml", "D-vitamiin 2000 IU N90",
               "Loratadiin 10 mg N30", "Omeprasool 20 mg N14", "Magneesium B6 N50", "Köhasiirup 200 ml", "Digitaalne kraadiklaas",
               "Kurgupastillid N24", "Plaastrid 20 tk", "Silmatilgad 10 ml", "Probiootikum N30", "Diklofenak geel 50 g"],
    "ILU": ["Päevakreem SPF30 50 ml", "Šampoon 250 ml", "Huulepalsam", "Niisutav näomask", "Ripsmetušš", "Kehakreem 400 ml",
            "Küünelakk"],
    "LEMMIK": ["Kassitoit 2 kg", "Koeratoit 12 kg", "Kassiliiv 10 l", "Närimispulgad N7", "Kassi kraapimispost", "Linnuseemned 1 kg"],
}
RU_CITY = {"Tallinn": "Таллин", "Tartu": "Тарту", "Narva": "Нарва", "Pärnu": "Пярну", "Kohtla-Järve": "Кохтла-Ярве",
           "Viljandi": "Вильянди", "Rakvere": "Раквере", "Maardu": "Маарду", "Jõhvi": "Йыхви", "Haapsalu": "Хаапсалу",
           "Kuressaare": "Курессааре"}


def bad_code(rng, good):
    """a mistyped ID code: one digit changed, failing every national-ID check."""
    for _ in range(200):
        i = rng.randrange(len(good))
        d = str((int(good[i]) + rng.randint(1, 9)) % 10)
        v = good[:i] + d + good[i + 1:]
        if v != good and not check.any_person_id(v):
            return v
    raise RuntimeError("bad code")


def failing_number(rng, n):
    for _ in range(500):
        v = str(rng.randint(10 ** (n - 1), 10 ** n - 1))
        if not check.any_person_id(v):
            return v
    raise RuntimeError("failing number")


def build(case):
    rng = case.rng
    case.used_ids.add("37605030299")
    customers = []
    n = rng.randint(470, 530)
    kid = 1000
    for i in range(n):
        lang = rng.choices(["et", "ru", "en"], [64, 27, 9])[0]
        p = people.new_person(case, lang, y0=1938, y1=2004)
        customers.append(p)
    # households: a second adult with the same surname shares the inbox of the first
    hosts = rng.sample([p for p in customers if p.lang != "en"], 14)
    partners = []
    for h in hosts:
        q = people.new_person(case, h.lang, female=not h.female, y0=1940, y1=2002, surname=h.surname)
        q.host = h
        partners.append(q)
    allc = customers + partners
    for p in allc:
        kid += rng.randint(1, 3)
        p.kid = kid
        p.controllers.append(CTRL)
        p.nid = case.unique(lambda: ids.ee_like(rng, p.dob, p.female))
        p.email = None
        p.phone = None
        p.addr = None
        p.cards = []
        p.old_email = None
    for p in customers:
        if rng.random() < 0.86:
            p.email = people.email(case, people.fold(p.given), people.fold(p.surname))
        if rng.random() < 0.42:
            p.phone = people.phone(case, "EE")
        if rng.random() < 0.34:
            p.addr = people.ee_address(rng)
    for q in partners:
        h = q.host
        if h.email is None or rng.random() < 0.5:
            fam = people.fold(h.surname).lower()
            h.email = case.unique(lambda: f"perekond.{fam}{rng.randint(1, 99)}@{rng.choice(ids.DOMAINS)}", case.used_emails)
        q.email = h.email
        case.household_emails[h.email] = [h.tid, q.tid]
        h.note(f"shares the inbox {h.email} with {q.tid}")
        q.note(f"shares the inbox {h.email} with {h.tid}")
        if h.addr and rng.random() < 0.7:
            q.addr = dict(h.addr)
        if rng.random() < 0.3:
            q.phone = people.phone(case, "EE")
    for p in allc:
        chains = [c for c, w in (("APTEEK", 0.88), ("ILU", 0.3), ("LEMMIK", 0.2)) if rng.random() < w] or ["APTEEK"]
        for c in chains:
            card = case.unique(lambda: ids.ean13(CHAINS[c][0], rng))
            p.cards.append((c, card))
        if p.email and rng.random() < 0.08:
            p.old_email = people.email(case, people.fold(p.given), people.fold(p.surname))
    orphans = []
    for _ in range(12):
        c = rng.choice(["APTEEK", "APTEEK", "ILU", "LEMMIK"])
        orphans.append((c, case.unique(lambda: ids.ean13(CHAINS[c][0], rng))))

    sql_script(case, allc, orphans)
    tills(case, allc)
    elastic(case, allc, orphans)
    telegram(case, customers, partners)
    sessions(case, allc)
    ru_segment(case, allc)
    case.extra["controller"] = CTRL
    case.extra["chains"] = {k: v[1] for k, v in CHAINS.items()}
    case.extra["not_exposed"] = ["prescription", "iban", "payment_card", "credentials"]
    case.extra["not_exposed_note"] = ("No prescriptions, bank details, card payments or passwords are in the loyalty "
                                      "system; purchases are over-the-counter products joined through the loyalty card.")


# ---------------------------------------------------------------- SQL Server script

def sql_script(case, allc, orphans):
    rng = case.rng
    doc = "mssql/LoyaltyDB_script_2023-09-18.sql"
    L = []
    stamp = "18.09.2023 14:02:11"
    L += ["USE [LoyaltyDB]", "GO"]

    def table(name, cols, pk):
        L.append(f"/****** Object:  Table [dbo].[{name}]    Script Date: {stamp} ******/")
        L.extend(["SET ANSI_NULLS ON", "GO", "SET QUOTED_IDENTIFIER ON", "GO", f"CREATE TABLE [dbo].[{name}]("])
        for c, t in cols:
            L.append(f"\t[{c}] {t},")
        L.append(f" CONSTRAINT [PK_{name}] PRIMARY KEY CLUSTERED ")
        L.append("(")
        L.append(f"\t[{pk}] ASC")
        L.append(")WITH (PAD_INDEX = OFF, STATISTICS_NORECOMPUTE = OFF, IGNORE_DUP_KEY = OFF, ALLOW_ROW_LOCKS = ON, "
                 "ALLOW_PAGE_LOCKS = ON, OPTIMIZE_FOR_SEQUENTIAL_KEY = OFF) ON [PRIMARY]")
        L.extend([") ON [PRIMARY]", "GO"])

    kcols = [("KlientID", "[int] IDENTITY(1,1) NOT NULL"), ("Isikukood", "[nvarchar](11) NULL"), ("Eesnimi", "[nvarchar](50) NOT NULL"),
             ("Perenimi", "[nvarchar](80) NOT NULL"), ("NimiKirillitsas", "[nvarchar](120) NULL"), ("Synniaeg", "[date] NULL"),
             ("Epost", "[nvarchar](254) NULL"), ("Telefon", "[nvarchar](30) NULL"), ("Keel", "[char](2) NOT NULL"),
             ("Uudiskiri", "[bit] NOT NULL"), ("Loodud", "[datetime] NOT NULL")]
    table("Klient", kcols, "KlientID")
    table("Aadress", [("AadressID", "[int] IDENTITY(1,1) NOT NULL"), ("KlientID", "[int] NOT NULL"), ("Tanav", "[nvarchar](120) NULL"),
                      ("Linn", "[nvarchar](60) NULL"), ("Postiindeks", "[nvarchar](10) NULL"), ("Riik", "[char](2) NOT NULL")], "AadressID")
    table("Kaart", [("KaartNr", "[nvarchar](13) NOT NULL"), ("KlientID", "[int] NULL"), ("Kett", "[nvarchar](10) NOT NULL"),
                    ("Valjastatud", "[date] NULL"), ("Aktiivne", "[bit] NOT NULL")], "KaartNr")
    table("EpostiAjalugu", [("ID", "[int] IDENTITY(1,1) NOT NULL"), ("KlientID", "[int] NOT NULL"), ("VanaEpost", "[nvarchar](254) NOT NULL"),
                            ("Muudetud", "[datetime] NOT NULL")], "ID")

    def inserts(name, cols, rows, identity=True):
        if identity:
            L.append(f"SET IDENTITY_INSERT [dbo].[{name}] ON ")
            L.append("GO")
        cl = ", ".join(f"[{c}]" for c in cols)
        for i, r in enumerate(rows):
            L.append(f"INSERT [dbo].[{name}] ({cl}) VALUES (" + ", ".join(fmt.nq(v) for v in r) + ")")
            if i % 50 == 49:
                L.append("GO")
        if identity:
            L.append(f"SET IDENTITY_INSERT [dbo].[{name}] OFF")
        L.append("GO")

    rows = [[999, "37605030299", "Test", "Klient", None, dt.date(1976, 5, 3), "qa.test@loyalty.example.com", None, "et", False,
             dt.datetime(2018, 1, 2, 9, 0, 0)]]
    case.decoy("qa_test_code", "37605030299", doc, "Klient.Isikukood", note="public test code of the QA row 'Test Klient'")
    case.decoy("qa_mailbox", "qa.test@loyalty.example.com", doc, "Klient.Epost")
    for p in sorted(allc, key=lambda p: p.kid):
        created = dt.datetime(2016, 1, 1) + dt.timedelta(minutes=rng.randint(0, 7 * 365 * 24 * 60))
        email_raw = ids.render_email(rng, p.email) if p.email else None
        tel_raw = people.render_phone(case, p.phone) if p.phone else None
        cyr = f"{p.cyr[0]} {p.cyr[1]}" if p.cyr and rng.random() < 0.75 else None
        rows.append([p.kid, p.nid, p.given, p.surname, cyr, p.dob, email_raw, tel_raw, p.lang, rng.random() < 0.6, created])
        p.ident("ee_isikukood", p.nid, p.nid, doc, "Klient.Isikukood")
        p.named(doc, [p.given, p.surname], "Klient.Eesnimi+Perenimi")
        if cyr:
            p.named(doc, [cyr], "Klient.NimiKirillitsas")
        p.el("date_of_birth", doc, "Klient.Synniaeg", ev=f"{p.dob:%Y-%m-%d}")
        if email_raw:
            p.ident("email", p.email, email_raw, doc, "Klient.Epost")
        if tel_raw:
            p.ident("phone", p.phone["e164"], tel_raw, doc, "Klient.Telefon")
    inserts("Klient", [c for c, _ in kcols], rows)
    arows = []
    aid = 1
    for p in sorted(allc, key=lambda p: p.kid):
        if p.addr:
            arows.append([aid, p.kid, p.addr["street"], p.addr["city"], p.addr["zip"], "EE"])
            aid += rng.randint(1, 2)
            p.el("postal_address", doc, "Aadress.KlientID", ev=[p.addr["street"], p.addr["zip"]])
    inserts("Aadress", ["AadressID", "KlientID", "Tanav", "Linn", "Postiindeks", "Riik"], arows)
    crows = []
    for p in allc:
        for c, card in p.cards:
            crows.append([card, p.kid, c, ids.rand_date(rng, 2012, 2023), rng.random() < 0.93])
            p.ident("loyalty_card", card, card, doc, "Kaart.KaartNr")
    for c, card in orphans:
        crows.append([card, None, c, ids.rand_date(rng, 2012, 2020), False])
    crows.sort(key=lambda r: r[0])
    inserts("Kaart", ["KaartNr", "KlientID", "Kett", "Valjastatud", "Aktiivne"], crows, identity=False)
    erows = []
    eid = 1
    for p in sorted(allc, key=lambda p: p.kid):
        if p.old_email:
            erows.append([eid, p.kid, p.old_email, dt.datetime(2021, 1, 1) + dt.timedelta(hours=rng.randint(0, 20000))])
            eid += 1
            p.ident("email", p.old_email, p.old_email, doc, "EpostiAjalugu.VanaEpost")
            p.note("an older e-mail joined through EpostiAjalugu.KlientID")
    inserts("EpostiAjalugu", ["ID", "KlientID", "VanaEpost", "Muudetud"], erows)
    text = "\r\n".join(L) + "\r\n"
    case.put(doc, "\ufeff".encode("utf-16-le") + text.encode("utf-16-le"), "utf-16")


# ---------------------------------------------------------------- till caches (java.util.Properties)

def tills(case, allc):
    rng = case.rng
    holders = [p for p in allc if any(c == "APTEEK" for c, _ in p.cards)]
    stores = ["APT-0412", "APT-0107", "APT-0233", "APT-0518"]
    for si, store in enumerate(stores):
        doc = f"kassad/{store}/kassa0{si + 3}/loyalty-offline.properties"
        sel = rng.sample(holders, rng.randint(32, 42))
        entries = []
        store_ph = people.phone(case, "EE", "landline")
        case.used_phones.discard(store_ph["e164"])
        store_raw = f"+372 {store_ph['nsn'][:3]} {store_ph['nsn'][3:]}"
        entries.append(("store.id", store))
        entries.append(("store.phone", store_raw))
        case.decoy("store_phone", store_ph["e164"], doc, "store.phone", raw=store_raw)
        entries.append(("support.email", "kassatugi@loyalty.example.com"))
        case.decoy("role_mailbox", "kassatugi@loyalty.example.com", doc, "support.email")
        entries.append(("sync.url", "https://api.loyalty.example.com/v2/cards"))
        entries.append(("sync.lastOk", f"2023-09-18T0{si}:00:12"))
        for k in range(rng.randint(2, 4)):
            g, s, _ = people.pick_name(case, "et", rng.random() < 0.7)
            case.used_names.discard(people.name_tokens(f"{g} {s}"))
            entries.append((f"cashier.{k + 1}", f"{g} {s[:1]}."))
        for p in sel:
            card = [c for ch, c in p.cards if ch == "APTEEK"][0]
            pre = f"card.{card}."
            p.ident("loyalty_card", card, card, doc, "card.<nr>")
            owner = f"{p.surname} {p.given}" if rng.random() < 0.5 else f"{p.given} {p.surname}"
            entries.append((pre + "owner", owner))
            p.named(doc, [owner], "card.<nr>.owner", optional=not owner.isascii())
            if rng.random() < 0.75:
                entries.append((pre + "ik", p.nid))
                p.ident("ee_isikukood", p.nid, p.nid, doc, "card.<nr>.ik")
            if p.phone and rng.random() < 0.6:
                raw = people.render_phone(case, p.phone)
                entries.append((pre + "tel", raw))
                p.ident("phone", p.phone["e164"], raw, doc, "card.<nr>.tel")
            visit = dt.datetime(2023, 9, 1) + dt.timedelta(minutes=rng.randint(0, 17 * 24 * 60))
            entries.append((pre + "lastVisit", f"{visit:%Y-%m-%dT%H:%M:%S}"))
            fav = ", ".join(rng.sample(PRODUCTS["APTEEK"], rng.randint(1, 3)))
            entries.append((pre + "favourites", fav))
            entries.append((pre + "bonus", f"{rng.randint(0, 9000) / 100:.2f}"))
            p.el("purchase_history", doc, "card.<nr>.favourites", ev=fav.split(", ")[0])
            p.el("health_data", doc, "card.<nr>.favourites", optional=True)
        rng.shuffle(entries)
        lines = ["#Offline loyalty cache - do not edit", f"#Mon Sep 18 0{si}:00:12 EEST 2023"]
        for k, v in entries:
            lines.append(fmt.props_escape(k, key=True) + "=" + fmt.props_escape(v))
        case.put(doc, ("\n".join(lines) + "\n").encode("iso-8859-1"), "iso-8859-1", views=("props",))


# ---------------------------------------------------------------- Elasticsearch scroll pages

def elastic(case, allc, orphans):
    rng = case.rng
    cards = []
    for p in allc:
        for c, card in p.cards:
            if rng.random() < 0.8:
                cards.append((p, c, card))
    for c, card in orphans:
        cards.append((None, c, card))
    hits = []
    for p, c, card in cards:
        for _ in range(rng.randint(1, 4)):
            hits.append((p, c, card))
    rng.shuffle(hits)
    pages = [hits[i:i + 420] for i in range(0, len(hits), 420)]
    alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_"
    scroll = "FGluY2x1ZGVfY29udGV4dF91dWlkDXF1ZXJ5QW5kRmV0Y2gBFk" + "".join(rng.choice(alphabet) for _ in range(40))
    receipts_listed = 0
    for pi, page in enumerate(pages):
        doc = f"elastic/ostud-2023.09_scroll_{pi + 1:02d}.json"
        hl = []
        for p, c, card in page:
            when = dt.datetime(2023, 9, 1) + dt.timedelta(seconds=rng.randint(0, 17 * 86400))
            rec = failing_number(rng, 11)
            if receipts_listed < 30 and rng.random() < 0.1:
                case.decoy("receipt_id", rec, doc, "_source.kviitung", must_fail=True)
                receipts_listed += 1
            r = rng.random()
            if r < 0.72:
                craw, cval = card, card
            elif r < 0.88:
                craw, cval = card, int(card)
            else:
                craw = f"{card[:4]} {card[4:8]} {card[8:12]} {card[12:]}"
                cval = craw
            items = []
            for prod in rng.sample(PRODUCTS[c], rng.randint(1, 3)):
                items.append({"ean": ids.ean13("474", rng), "nimetus": prod, "kogus": rng.randint(1, 2),
                              "hind": round(rng.uniform(1.5, 39.0), 2)})
            src = {"kviitung": rec, "pood": f"{c[:3]}-0{rng.randint(100, 599)}", "kett": c,
                   "aeg": f"{when:%Y-%m-%dT%H:%M:%S}+03:00", "kaart": cval, "read": items,
                   "summa": round(sum(i["hind"] * i["kogus"] for i in items), 2),
                   "makseviis": rng.choice(["kaart", "sularaha", "mobiil"])}
            hl.append({"_index": "ostud-2023.09", "_id": "".join(rng.choice(alphabet) for _ in range(20)), "_score": None,
                       "_source": src, "sort": [int((when - dt.datetime(1970, 1, 1)).total_seconds() * 1000) - 10800000]})
            if p is not None:
                p.ident("loyalty_card", card, craw, doc, "_source.kaart")
                p.el("purchase_history", doc, "_source.read", ev=items[0]["nimetus"])
                if c == "APTEEK":
                    p.el("health_data", doc, "_source.read", optional=True)
        body = {"_scroll_id": scroll, "took": rng.randint(5, 90), "timed_out": False,
                "_shards": {"total": 3, "successful": 3, "skipped": 0, "failed": 0},
                "hits": {"total": {"value": len(hits), "relation": "eq"}, "max_score": None, "hits": hl}}
        case.put(doc, fmt.es_pretty(body), "utf-8", views=("json",))


# ---------------------------------------------------------------- Telegram Desktop export

TG_TEXT = {
    "et": {"hi": "Tere! Sain teie kirja andmelekke kohta. Kas minu andmed on ka lekkinud? Minu isikukood on ",
           "card": ", kliendikaart ", "phone": "Helistage palun numbril ", "mail": "Vastus palun e-postile ",
           "fix": "Vabandust, kirjutasin valesti. Õige isikukood on ", "nf": "Selle isikukoodiga klienti ei leitud, palun kontrollige.",
           "ans": "Tere, {g}! Kontrollisime: lekkinud andmete hulgas on teie nimi, isikukood, kontaktandmed ja ostuinfo. "
                  "Paroole, pangaandmeid ega retsepte süsteemis ei olnud.", "ok": "Aitäh!"},
    "ru": {"hi": "Здравствуйте! Получила письмо об утечке данных. Мой личный код ", "card": ", карта ",
           "phone": "Перезвоните мне, пожалуйста: ", "mail": "Ответ на почту ", "fix": "Извините, ошиблась. Правильный код ",
           "nf": "Клиент с таким личным кодом не найден, проверьте, пожалуйста.",
           "ans": "Здравствуйте, {g}! Утекли ваше имя, личный код, контактные данные и история покупок. Паролей, банковских "
                  "данных и рецептов в системе не было.", "ok": "Спасибо!"},
    "en": {"hi": "Hi, I got your e-mail about the data breach. Is my data affected? My ID code is ", "card": ", card ",
           "phone": "Please call me at ", "mail": "Reply to ", "fix": "Sorry, typo. The correct code is ",
           "nf": "We could not find a customer with that ID code, please check it.",
           "ans": "Hello {g}! The exposed data are your name, ID code, contact details and purchase history. "
                  "No passwords, bank details or prescriptions were in the system.", "ok": "Thanks!"},
}
NICKS = ["Kiisu", "Mummu", "🌻", "Päikesekiir", "Котик", "Babushka", "M.", "Rõõmus", "Solnce", "🌸🌸"]


def telegram(case, customers, partners):
    rng = case.rng
    doc = "tugi/Telegram Desktop/DataExport_2023-09-22/result.json"
    sup_ph = people.phone(case, "EE", "landline")
    sup_raw = f"+372 {sup_ph['nsn'][:3]} {sup_ph['nsn'][3:]}"
    case.decoy("support_phone", sup_ph["e164"], doc, "personal_information.phone_number", raw=sup_raw)
    writers = rng.sample([p for p in customers], 46)
    t0 = dt.datetime(2023, 9, 19, 8, 0, 0)
    chats = []
    contacts = []
    uid = 5800000000

    def stamp(t):
        return {"date": f"{t:%Y-%m-%dT%H:%M:%S}", "date_unixtime": str(int((t - dt.datetime(1970, 1, 1)).total_seconds()) - 10800)}

    def message(mid, t, frm, fid, segs):
        ents = [{"type": k, "text": s} for k, s in segs]
        if all(k == "plain" for k, _ in segs):
            text = "".join(s for _, s in segs)
        else:
            text = []
            for k, s in segs:
                if k == "plain":
                    if text and isinstance(text[-1], str):
                        text[-1] += s
                    else:
                        text.append(s)
                else:
                    text.append({"type": k, "text": s})
        m = {"id": mid, "type": "message"}
        m.update(stamp(t))
        if len([d for d in case.decoys if d["kind"] == "epoch_timestamp" and d["file"] == doc]) < 3 \
                and not check.any_person_id(m["date_unixtime"]):
            case.decoy("epoch_timestamp", m["date_unixtime"], doc, "messages[].date_unixtime", must_fail=True)
        m.update({"from": frm, "from_id": fid, "text": text, "text_entities": ents})
        return m

    mid = 100
    for p in writers:
        uid += rng.randint(1000, 90000)
        T = TG_TEXT[p.lang]
        t = t0 + dt.timedelta(minutes=rng.randint(0, 4 * 24 * 60))
        if p.lang == "ru" and p.cyr:
            cname = f"{p.cyr[0]} {p.cyr[1]}"
            parts = [p.cyr[0], p.cyr[1]]
        else:
            cname = f"{p.given} {p.surname}"
            parts = [p.given, p.surname]
        if rng.random() < 0.12:
            cname = p.given if p.lang != "ru" or not p.cyr else p.cyr[0]
            parts = None
        if parts:
            p.named(doc, parts, "chats.list[].name")
        msgs = []
        card = p.cards[0][1]
        typo = rng.random() < 0.16
        code = bad_code(rng, p.nid) if typo else p.nid
        segs = [("plain", T["hi"]), ("bold" if rng.random() < 0.3 else "plain", code)]
        if rng.random() < 0.6:
            segs += [("plain", T["card"]), ("plain", card)]
            p.ident("loyalty_card", card, card, doc, "messages[].text")
        segs.append(("plain", "."))
        mid += rng.randint(1, 9)
        msgs.append(message(mid, t, cname, f"user{uid}", segs))
        if typo:
            case.decoy("mistyped_id_code", code, doc, "messages[].text", must_fail=True,
                       note=f"corrected by the customer in the next message ({p.tid})")
            t += dt.timedelta(minutes=rng.randint(3, 50))
            mid += 1
            msgs.append(message(mid, t, "Klienditugi", "user5800000001", [("plain", T["nf"])]))
            t += dt.timedelta(minutes=rng.randint(1, 20))
            mid += 1
            msgs.append(message(mid, t, cname, f"user{uid}", [("plain", T["fix"]), ("plain", p.nid)]))
        p.ident("ee_isikukood", p.nid, p.nid, doc, "messages[].text")
        if p.phone and rng.random() < 0.5:
            raw = people.render_phone(case, p.phone)
            t += dt.timedelta(minutes=rng.randint(1, 10))
            mid += 1
            msgs.append(message(mid, t, cname, f"user{uid}", [("plain", T["phone"]), ("phone", raw)]))
            p.ident("phone", p.phone["e164"], raw, doc, "messages[].text_entities[phone]")
        elif p.email and rng.random() < 0.4:
            t += dt.timedelta(minutes=rng.randint(1, 10))
            mid += 1
            msgs.append(message(mid, t, cname, f"user{uid}", [("plain", T["mail"]), ("email", p.email)]))
            p.ident("email", p.email, p.email, doc, "messages[].text_entities[email]")
        t += dt.timedelta(minutes=rng.randint(10, 300))
        mid += 1
        g = p.cyr[0] if p.lang == "ru" and p.cyr else p.given
        msgs.append(message(mid, t, "Klienditugi", "user5800000001", [("plain", T["ans"].format(g=g))]))
        t += dt.timedelta(minutes=rng.randint(1, 30))
        mid += 1
        msgs.append(message(mid, t, cname, f"user{uid}", [("plain", T["ok"])]))
        chats.append({"name": cname, "type": "personal_chat", "id": uid, "messages": msgs})
        if p.phone and rng.random() < 0.45:
            raw = "+" + p.phone["e164"][1:4] + " " + p.phone["nsn"]
            contacts.append({"user_id": uid, "first_name": p.given if not (p.lang == "ru" and p.cyr) else p.cyr[0],
                             "last_name": p.surname if not (p.lang == "ru" and p.cyr) else p.cyr[1],
                             "phone_number": raw, **stamp(t)})
            p.ident("phone", p.phone["e164"], raw, doc, "contacts.list[].phone_number")
            if p.lang == "ru" and p.cyr:
                p.named(doc, [p.cyr[0], p.cyr[1]], "contacts.list[].first_name+last_name")
            else:
                p.named(doc, [p.given, p.surname], "contacts.list[].first_name+last_name")
    # phone-only writers: a nickname, a number and nothing else
    for i in range(8):
        lang = rng.choice(["et", "ru", "et"])
        q = people.Person(case, lang, name="")
        q.controllers.append(CTRL)
        ph = people.phone(case, "EE")
        raw = people.render_phone(case, ph)
        uid += rng.randint(1000, 90000)
        t = t0 + dt.timedelta(minutes=rng.randint(0, 4 * 24 * 60))
        nick = NICKS[i % len(NICKS)]
        txt = {"et": "Tere, kaart jäi koju ja äpp ei tööta. Kas mu andmed lekkisid? ",
               "ru": "Здравствуйте, карта осталась дома. Мои данные тоже утекли? "}[lang]
        msgs = [message(mid + 1, t, nick, f"user{uid}", [("plain", txt + TG_TEXT[lang]["phone"]), ("phone", raw)]),
                message(mid + 2, t + dt.timedelta(minutes=41), "Klienditugi", "user5800000001",
                        [("plain", {"et": "Palun saatke oma isikukood, siis saame kontrollida.",
                                    "ru": "Пришлите, пожалуйста, ваш личный код, чтобы мы могли проверить."}[lang])])]
        mid += 5
        q.ident("phone", ph["e164"], raw, doc, "messages[].text_entities[phone]")
        q.note("known only by the phone number written in a Telegram chat under a nickname")
        chats.append({"name": nick, "type": "personal_chat", "id": uid, "messages": msgs})
    rng.shuffle(chats)
    export = {"about": "Here is the data you requested. Remember: Telegram is ad free, it doesn't sell your data.",
              "personal_information": {"user_id": 5800000001, "first_name": "Klienditugi", "last_name": "",
                                       "phone_number": sup_raw, "username": "loyalty_tugi",
                                       "bio": "Lojaalsusprogrammi klienditugi E–R 9–17"},
              "contacts": {"about": "This is your contact list.", "list": contacts},
              "chats": {"about": "This page lists all chats from this export.", "list": chats}}
    case.put(doc, json.dumps(export, ensure_ascii=False, indent=1) + "\n", "utf-8", views=("json",))


# ---------------------------------------------------------------- PHP session files

def sessions(case, allc):
    rng = case.rng
    sid_chars = "abcdefghijklmnopqrstuv0123456789"
    web = rng.sample([p for p in allc if p.email], 58)
    items = [("user", p) for p in web]
    for _ in range(18):
        q = people.Person(case, "", name="")
        q.controllers.append(CTRL)
        g, s, _c = people.pick_name(case, rng.choice(["et", "et", "ru"]), rng.random() < 0.6)
        case.used_names.discard(people.name_tokens(f"{g} {s}"))
        q.email = people.email(case, people.fold(g), people.fold(s))
        q.note("newsletter sign-up in a PHP session: e-mail only")
        items.append(("news", q))
    for p in rng.sample([p for p in allc if p.email and p not in web], 8):
        items.append(("news", p))
    for _ in range(15):
        items.append(("anon", None))
    rng.shuffle(items)
    base = 1695290000
    for kind, p in items:
        sid = "".join(rng.choice(sid_chars) for _ in range(26))
        doc = f"veeb/ilu.example.com/var/lib/php/sessions/sess_{sid}"
        csrf = "".join(rng.choice("0123456789abcdef") for _ in range(32))
        parts = []
        if kind == "user":
            card = next((c for ch, c in p.cards if ch == "ILU"), p.cards[0][1])
            u = {"id": p.kid, "email": p.email, "name": f"{p.given} {p.surname}",
                 "phone": people.render_phone(case, p.phone) if p.phone and rng.random() < 0.6 else None,
                 "card": card, "lang": p.lang}
            if rng.random() < 0.3:
                u["birthday"] = f"{p.dob:%Y-%m-%d}"
            u["logged_at"] = base + rng.randint(0, 86400 * 3)
            if len([d for d in case.decoys if d["kind"] == "epoch_timestamp"]) < 4 and not check.any_person_id(str(u["logged_at"])):
                case.decoy("epoch_timestamp", str(u["logged_at"]), doc, "user.logged_at", must_fail=True)
            parts.append("user|" + fmt.php(u))
            cart = [{"sku": f"IL-{rng.randint(10000, 99999)}", "name": prod, "qty": rng.randint(1, 2)}
                    for prod in rng.sample(PRODUCTS["ILU"], rng.randint(0, 3))]
            parts.append("cart|" + fmt.php(cart))
            p.ident("email", p.email, p.email, doc, "user.email")
            p.named(doc, [u["name"]], "user.name")
            p.ident("loyalty_card", card, card, doc, "user.card")
            if u["phone"]:
                p.ident("phone", p.phone["e164"], u["phone"], doc, "user.phone")
            if "birthday" in u:
                p.el("date_of_birth", doc, "user.birthday", ev=u["birthday"])
            if cart:
                p.el("purchase_history", doc, "cart", optional=True)
        elif kind == "news":
            parts.append("newsletter|" + fmt.php({"email": p.email, "source": rng.choice(["footer", "popup"]), "consent": True,
                                                  "ts": base + rng.randint(0, 86400 * 3)}))
            p.ident("email", p.email, p.email, doc, "newsletter.email")
        else:
            parts.append("cart|" + fmt.php([]))
        parts.append("csrf|" + fmt.php(csrf))
        case.put(doc, "".join(parts), "utf-8")


# ---------------------------------------------------------------- windows-1251 Russian segment

def ru_segment(case, allc):
    rng = case.rng
    doc = "kampaaniad/rus_segment_2023-09.csv"
    rows = ["ФИО;Личный код;Эл. почта;Телефон;Номер карты;Город"]
    sel = [p for p in allc if p.lang == "ru" and p.cyr]
    rng.shuffle(sel)
    for p in sel[:max(10, int(len(sel) * 0.85))]:
        card = p.cards[0][1]
        tel = people.render_phone(case, p.phone) if p.phone else ""
        city = RU_CITY[p.addr["city"]] if p.addr else ""
        rows.append(f"{p.cyr[1]} {p.cyr[0]};{p.nid};{p.email or ''};{tel};{card};{city}")
        p.named(doc, [p.cyr[1], p.cyr[0]], "ФИО")
        p.ident("ee_isikukood", p.nid, p.nid, doc, "Личный код")
        p.ident("loyalty_card", card, card, doc, "Номер карты")
        if p.email:
            p.ident("email", p.email, p.email, doc, "Эл. почта")
        if tel:
            p.ident("phone", p.phone["e164"], tel, doc, "Телефон")
        if city:
            p.el("postal_address", doc, "Город", optional=True, ev=city)
    case.put(doc, ("\r\n".join(rows) + "\r\n").encode("cp1251"), "cp1251")
