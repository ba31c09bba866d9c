"""Case 1: the loyalty system of a pharmacy, a beauty and a pet-store chain (EE), shaped like Allium UPI.

Files: a Zoho CRM contacts export, an InfluxDB line-protocol export of till purchases (gzip), Help Scout
conversations, a Brevo contact export (zip) and 1C:Enterprise CommerceML exchange files of the pet chain
(windows-1251; one month inside a tar.gz).
"""
import datetime
import json

from common import Case, csv_line, epoch, failing_digits, hexid, id_key, mistype, name_tokens, uuid4
from people import Emails, Names, Phones, ee_address, render_phone
from shared import check, ids

PREFIX = {"apteek": "2900", "ilu": "2910", "lemmik": "2920"}
OTC = ["Ibumetin 400 mg N20", "Paracetamol Zentiva 500 mg N20", "Strepsils Honey & Lemon N24", "Nasometin 0,5 mg/ml",
       "Bepanthen 5% salv 30 g", "Imodium 2 mg N6", "Fenistil geel 0,1% 30 g", "Otrivin Menthol 0,1%", "Magne B6 N50",
       "Vitamin D3 2000 IU N90", "Canesten 1% kreem", "Voltaren Emulgel 2%", "Claritine 10 mg N10", "Septolete N18"]
BEAUTY = ["La Roche-Posay Effaclar Duo+ 40 ml", "Vichy Mineral 89 50 ml", "Garnier Micellar 400 ml", "Nivea Q10 päevakreem",
          "L'Oréal Elvive šampoon 250 ml", "Maybelline Lash Sensational", "Bioderma Sensibio H2O 250 ml"]
PET = ["Royal Canin Mini Adult 2 кг", "Purina Pro Plan Cat Sterilised 1,5 кг", "Hill's i/d Canine 2 кг",
       "Frontline Combo Dog M", "Наполнитель Catsan 10 л", "Trixie мячик", "Brit Care Puppy Lamb 3 кг"]
STORES = {"apteek": ["T014", "T022", "Tartu\\ Lõunakeskus", "Narva\\ Astri", "P031"], "ilu": ["B004", "B011", "Pärnu\\ Port\\ Artur"]}
CONDITIONS = {"et": [("diabeet", "Ostan teilt insuliininõelu, mul on diabeet."), ("astma", "Mul on astma ja ostan inhalaatoreid.")],
              "ru": [("диабет", "Я покупаю тест-полоски, у меня диабет."), ("гипертония", "У меня гипертония, покупаю тонометр.")],
              "en": [("diabetes", "I buy my glucose strips from you because I have diabetes."), ("asthma", "I have asthma.")]}
NARVA_STREETS = ["Tallinna mnt", "Kreenholmi", "Joala", "Rakvere", "Kangelaste prospekt", "Kerese", "Linda", "Partisani"]
STAFF = ["Kadri Kuusk", "Andrus Lepp", "Jelena Tsvetkova", "Marko Reinsalu", "Helina Org"]


class Cust:
    pass


def build(seed, rng):
    c = Case(1, "ee_pharmacy_loyalty", seed, rng,
             "Loyalty system of a pharmacy, beauty and pet-store chain (EE): CRM, till purchases, help desk, newsletter, pet-chain 1C exchange")
    names, phones, emails = Names(rng), Phones(rng), Emails(rng)
    names.reserve(STAFF)
    used_cards = set()

    def new_card(chain):
        while True:
            v = ids.ean13(PREFIX[chain], rng)
            if v not in used_cards:
                used_cards.add(v)
                return v

    def new_cust(lang, kind="core"):
        k = Cust()
        k.lang, k.kind = lang, kind
        k.female = rng.random() < 0.55
        k.given, k.surname, k.cyr, _ = names.new(lang, k.female)
        k.dob = ids.rand_date(rng, 1940, 2004)
        k.code = ids.ee_like(rng, k.dob, k.female) if (kind == "core" and rng.random() < 0.92) else None
        k.email = emails.new(k.given, k.surname) if rng.random() < 0.85 else None
        k.email2 = None
        k.mobile = phones.new("EE") if rng.random() < 0.45 else None
        k.landline = phones.new("EE", "landline") if rng.random() < 0.08 else None
        k.addr = ee_address(rng) if rng.random() < 0.35 else None
        k.cards = {}
        if rng.random() < 0.9:
            k.cards["apteek"] = new_card("apteek")
        if rng.random() < 0.28:
            k.cards["ilu"] = new_card("ilu")
        if rng.random() < (0.45 if lang == "ru" else 0.1):
            k.cards["lemmik"] = new_card("lemmik")
        if not k.cards and not k.email:
            k.cards["apteek"] = new_card("apteek")
        k.show_dob = k.code is None or rng.random() < 0.4
        k.p = None
        return k

    core = []
    for i in range(240):
        lang = rng.choices(["et", "ru", "en"], [62, 28, 10])[0]
        core.append(new_cust(lang))
    for k in core:
        full = f"{k.given} {k.surname}"
        k.p = c.person(full, k.lang, controllers=["Apteek/Ilu/Lemmik loyalty programme (controller)"])
        if k.cyr:
            k.p.variants.append(k.cyr)
    # households: couples with their own ID codes share one inbox
    with_code = [k for k in core if k.code and k.email]
    rng.shuffle(with_code)
    hh = []
    for a, b in zip(with_code[0:20:2], with_code[1:20:2]):
        if rng.random() < 0.5:
            shared = f"perekond.{ids.ascii_fold(a.surname).lower()}{rng.randint(10, 99)}@{rng.choice(['example.com', 'kodu.test'])}"
            shared = shared.replace(" ", "")
            emails.used.add(shared)
        else:
            shared = a.email
        a.email = b.email = shared
        c.households[id_key("email", shared)] = "household_email"
        hh.append(shared)
        a.p.note = b.p.note = "shares a household inbox"
    c.extra["household_emails"] = hh
    # namesakes: two pairs with the same name and their own ID codes
    ns = []
    pool_ = [k for k in core if k.code and k.lang == "et"]
    for a, b in ((pool_[0], pool_[5]), (pool_[1], pool_[7])):
        b.given, b.surname = a.given, a.surname
        b.p.name = a.p.name
        c.namesakes.add(name_tokens(a.p.name))
        a.p.note = b.p.note = (a.p.note + "; namesake").strip("; ")
        ns.append(a.p.name)
    c.extra["namesakes"] = ns

    # help-desk-only, 1C-only, e-mail-only and SMS-only persons
    hs_only = []
    for i in range(10):
        k = new_cust(rng.choice(["et", "et", "ru", "en"]), "hs")
        k.email = k.email or emails.new(k.given, k.surname)
        k.cards = {"apteek": new_card("apteek")}
        k.code = ids.ee_like(rng, k.dob, k.female) if rng.random() < 0.6 else None
        k.p = c.person(f"{k.given} {k.surname}", k.lang, controllers=["Apteek/Ilu/Lemmik loyalty programme (controller)"])
        k.p.note = "known only from the help desk"
        hs_only.append(k)
    onec_only = []
    for i in range(15):
        k = new_cust("ru", "1c")
        k.mobile = phones.new("EE")
        k.cards = {"lemmik": new_card("lemmik")}
        k.addr = {"street": f"{rng.choice(NARVA_STREETS)} {rng.randint(1, 60)}-{rng.randint(1, 40)}",
                  "zip": str(rng.randint(20101, 21999)), "city": "Narva", "country": "EE"}
        k.p = c.person(k.cyr, "ru", controllers=["Apteek/Ilu/Lemmik loyalty programme (controller)"])
        k.p.note = "pet-chain customer known only from the 1C exchange (Cyrillic name only)"
        onec_only.append(k)
    mail_only, sms_only = [], []
    for i in range(25):
        g, s, _, _ = names.new(rng.choice(["et", "ru", "en"]), rng.random() < 0.5)
        k = Cust()
        k.email = emails.new(g, s)
        k.p = c.person("", "et", controllers=["Apteek/Ilu/Lemmik loyalty programme (controller)"])
        k.p.note = "newsletter subscriber known only by e-mail"
        mail_only.append(k)
    for i in range(8):
        k = Cust()
        k.mobile = phones.new("EE")
        k.p = c.person("", "et", controllers=["Apteek/Ilu/Lemmik loyalty programme (controller)"])
        k.p.note = "SMS subscriber known only by phone"
        sms_only.append(k)

    # ------------------------------------------------------------ Zoho CRM contacts export
    doc = "crm/Zoho_Contacts_2023_09_30.csv"
    hdr = ["Record Id", "Contact Owner", "Salutation", "First Name", "Last Name", "Email", "Secondary Email", "Phone",
           "Mobile", "Date of Birth", "Mailing Street", "Mailing City", "Mailing Zip", "Mailing Country", "Isikukood",
           "Apteegi kliendikaart", "Ilukaart", "Lemmikloomakaart", "Keel", "Email Opt Out", "Created Time",
           "Modified Time", "Tag", "Description"]
    out = [csv_line(hdr, quote_all=True, crlf=True)]
    rows = list(core)
    rng.shuffle(rows)
    qa_at = rng.randrange(20, 200)
    for n, k in enumerate(rows):
        if n == qa_at:
            out.append(csv_line([f"zcrm_5417000{rng.randint(10**11, 10**12 - 1)}", STAFF[3], "", "Test", "Klient",
                                 "qa.test@apteek.example.com", "", "", "", "", "", "", "", "Estonia", "37605030299",
                                 "", "", "", "et", "true", "2021-02-01 09:00:00", "2021-02-01 09:00:00", "QA", "TESTKONTO - mitte kustutada"],
                                quote_all=True, crlf=True))
            c.decoy("qa_test_code", "37605030299", doc, "Isikukood", note="public test code on a QA row")
            c.decoy("qa_mailbox", "qa.test@apteek.example.com", doc, "Email")
        p = k.p
        if k.email and rng.random() < 0.08:
            k.email2 = emails.new(k.given, k.surname)
        row = {h: "" for h in hdr}
        row["Record Id"] = f"zcrm_5417000{rng.randint(10**11, 10**12 - 1)}"
        row["Contact Owner"] = rng.choice(STAFF)
        row["Salutation"] = ("Pr." if k.female else "Hr.") if k.lang == "et" and rng.random() < 0.3 else ""
        row["First Name"], row["Last Name"] = k.given, k.surname
        c.nm(p, doc, "First Name/Last Name", k.given, k.surname)
        if k.email:
            raw = emails.raw_form(k.email)
            row["Email"] = raw
            c.ident(p, "email", k.email, raw, doc, "Email")
        if k.email2:
            row["Secondary Email"] = k.email2
            c.ident(p, "email", k.email2, k.email2, doc, "Secondary Email")
        if k.landline:
            raw = render_phone(rng, k.landline)
            row["Phone"] = raw
            c.ident(p, "phone", k.landline, raw, doc, "Phone")
        if k.mobile:
            raw = render_phone(rng, k.mobile)
            row["Mobile"] = raw
            c.ident(p, "phone", k.mobile, raw, doc, "Mobile")
        if k.show_dob:
            row["Date of Birth"] = k.dob.isoformat()
            c.el(p, "date_of_birth", doc, "Date of Birth", k.dob.isoformat())
        if k.addr:
            row["Mailing Street"], row["Mailing City"], row["Mailing Zip"] = k.addr["street"], k.addr["city"], k.addr["zip"]
            row["Mailing Country"] = "Estonia"
            c.el(p, "postal_address", doc, "Mailing Street", k.addr["street"])
        if k.code:
            row["Isikukood"] = k.code
            c.ident(p, "ee_isikukood", k.code, k.code, doc, "Isikukood")
            c.opt(p, "date_of_birth", doc, "Isikukood")
        for chain, col in (("apteek", "Apteegi kliendikaart"), ("ilu", "Ilukaart"), ("lemmik", "Lemmikloomakaart")):
            if chain in k.cards:
                row[col] = k.cards[chain]
                c.ident(p, "loyalty_card", k.cards[chain], k.cards[chain], doc, col)
        row["Keel"] = k.lang
        row["Email Opt Out"] = rng.choice(["false", "false", "true"])
        cr = datetime.datetime(2016, 1, 1) + datetime.timedelta(seconds=rng.randrange(7 * 365 * 86400))
        row["Created Time"] = cr.strftime("%Y-%m-%d %H:%M:%S")
        row["Modified Time"] = (cr + datetime.timedelta(days=rng.randint(1, 300))).strftime("%Y-%m-%d %H:%M:%S")
        row["Tag"] = ";".join(x for x in ("apteek", "ilu", "lemmik") if x in k.cards)
        out.append(csv_line([row[h] for h in hdr], quote_all=True, crlf=True))
    c.add(doc, "".join(out), "utf-8-sig")

    # ------------------------------------------------------------ InfluxDB line protocol export of till purchases
    doc = "pos/loyalty_export.lp.gz"
    series = {}   # series key -> list of (ts, fields)
    buyers = [k for k in core + hs_only if ("apteek" in k.cards or "ilu" in k.cards)]
    orphan = [new_card(rng.choice(["apteek", "ilu"])) for _ in range(15)]
    receipts = []
    t0 = datetime.datetime(2023, 8, 1)
    bought = {}
    for k in buyers:
        if rng.random() < 0.3 and k.kind != "hs":
            continue
        for chain in ("apteek", "ilu"):
            if chain not in k.cards:
                continue
            for _ in range(rng.randint(1, 5)):
                store = rng.choice(STORES[chain])
                key = f"ost,kaart={k.cards[chain]},kauplus={store},kett={chain}"
                ts = t0 + datetime.timedelta(seconds=rng.randrange(61 * 86400))
                prod = rng.choice(OTC if chain == "apteek" else BEAUTY)
                r = failing_digits(rng, 11, "40")
                receipts.append(r)
                series.setdefault(key, []).append((ts, prod, r, k))
                bought.setdefault(id(k), []).append((chain, prod))
    for card in orphan:
        chain = "apteek" if card.startswith("2900") else "ilu"
        key = f"ost,kaart={card},kauplus={rng.choice(STORES[chain])},kett={chain}"
        ts = t0 + datetime.timedelta(seconds=rng.randrange(61 * 86400))
        series.setdefault(key, []).append((ts, rng.choice(OTC if chain == "apteek" else BEAUTY), failing_digits(rng, 11, "40"), None))
    lines = ["# INFLUXDB EXPORT: 1677-09-21T00:12:43Z - 2262-04-11T23:47:16Z", "# DDL",
             "CREATE DATABASE loyalty WITH NAME autogen", "# DML", "# CONTEXT-DATABASE:loyalty",
             "# CONTEXT-RETENTION-POLICY:autogen", "# writing tsm data"]
    for key in sorted(series):
        pts = sorted(series[key], key=lambda x: x[0])
        vals = []
        for ts, prod, r, k in pts:
            vals.append({"ns": epoch(ts) * 1000000000 + rng.randrange(1000) * 1000000,
                         "ean": '"' + ids.ean13("474", rng) + '"', "kogus": f"{rng.randint(1, 3)}i",
                         "summa": f"{rng.randint(150, 4500) / 100:.2f}", "toode": '"' + prod.replace('"', '\\"') + '"',
                         "tsekk": f"{r}i"})
        for fld in ("ean", "kogus", "summa", "toode", "tsekk"):
            for v in vals:
                lines.append(f"{key} {fld}={v[fld]} {v['ns']}")
    c.add_gzip(doc, "\n".join(lines) + "\n")
    for key in sorted(series):
        for ts, prod, r, k in series[key]:
            if k is None:
                continue
            card = key.split("kaart=")[1].split(",")[0]
            c.ident(k.p, "loyalty_card", card, card, doc, "kaart")
            c.el(k.p, "purchase_history", doc, "toode", prod)
            if card.startswith("2900"):
                c.opt(k.p, "health_data", doc, "toode")
    for r in receipts[:40]:
        c.decoy("receipt_number", r, doc, "tsekk", must_fail=True)

    # ------------------------------------------------------------ Help Scout conversations (Mailbox API v2)
    doc = "tugi/helpscout_conversations_2023-09.json"
    asc = seed % 2 == 1
    agents = [("Kadri", "Kuusk", "kadri.kuusk@apteek.example.com"), ("Jelena", "Tsvetkova", "jelena.tsvetkova@apteek.example.com"),
              ("Helina", "Org", "helina.org@apteek.example.com")]
    for a in agents:
        c.decoy("staff_email", a[2], doc, "createdBy.email")
    c.decoy("support_phone", "+372 600 4455", doc, "signature")
    convs = []
    hs_core = rng.sample([k for k in core if k.email], 50)
    cond_set = set(id(k) for k in rng.sample(hs_core, 12))
    typo_set = set(id(k) for k in rng.sample([k for k in hs_core + hs_only if k.code], 6))
    cid = 41200
    for k in hs_core + hs_only:
        cid += rng.randint(1, 9)
        p = k.p
        use_cyr = k.kind == "core" and k.lang == "ru" and k.cyr and rng.random() < 0.6
        if use_cyr:
            first, last = k.cyr.split(" ", 1)
        else:
            first, last = k.given, k.surname
        c.nm(p, doc, "primaryCustomer.first/last", first, last)
        c.ident(p, "email", k.email, k.email, doc, "primaryCustomer.email")
        cust = {"id": 300000000 + rng.randrange(10 ** 8), "type": "customer", "first": first, "last": last, "email": k.email}
        lang = k.lang
        bits = []
        card = k.cards.get("apteek") or next(iter(k.cards.values()), None)
        grouped = ""
        if card:
            grouped = f"{card[:4]} {card[4:8]} {card[8:12]} {card[12:]}" if rng.random() < 0.6 else card
            c.ident(p, "loyalty_card", card, grouped, doc, "thread.body")
        said_code = k.code and rng.random() < 0.7
        typo = said_code and id(k) in typo_set
        shown_code = k.code
        if typo:
            shown_code = mistype(rng, k.code)
            typo = shown_code is not None
            shown_code = shown_code or k.code
        if typo:
            c.decoy("mistyped_isikukood", shown_code, doc, "thread.body", must_fail=True, note="corrected in the next thread")
        if lang == "et":
            bits.append("Tere! Lugesin uudistest lekkest. Kas minu andmed on ka seal?" + (f" Minu kliendikaart on {grouped}." if card else ""))
            if said_code:
                bits.append(f"Isikukood {shown_code}.")
        elif lang == "ru":
            bits.append("Здравствуйте! Прочитала об утечке данных." + (f" Номер моей карты {grouped}." if card else ""))
            if said_code:
                bits.append(f"Мой личный код {shown_code}.")
        else:
            bits.append("Hello, I read about the data breach." + (f" My loyalty card is {grouped}." if card else ""))
            if said_code:
                bits.append(f"My personal code is {shown_code}.")
        if k.mobile and rng.random() < 0.5:
            raw = render_phone(rng, k.mobile)
            bits.append({"et": f"Helistage mulle: {raw}", "ru": f"Мой телефон: {raw}", "en": f"Call me at {raw}"}[lang])
            c.ident(p, "phone", k.mobile, raw, doc, "thread.body")
        if id(k) in cond_set:
            word, sent = rng.choice(CONDITIONS[lang])
            bits.append(sent)
            c.el(p, "health_data", doc, "thread.body", word)
        sig = f"{first} {last}"
        body = "".join(f"<p>{b}</p>" for b in bits) + f"<p>{sig}</p>"
        t = datetime.datetime(2023, 9, 20) + datetime.timedelta(seconds=rng.randrange(10 * 86400))
        threads = [{"id": 2100000000 + rng.randrange(10 ** 8), "type": "customer", "status": "active", "state": "published",
                    "body": body, "createdBy": dict(cust), "createdAt": t.strftime("%Y-%m-%dT%H:%M:%SZ")}]
        if said_code:
            if not typo:
                c.ident(p, "ee_isikukood", k.code, k.code, doc, "thread.body")
            c.opt(p, "date_of_birth", doc, "thread.body")
        a = rng.choice(agents)
        t2 = t + datetime.timedelta(hours=rng.randint(1, 30))
        reply = {"et": "Tere! Täname pöördumast. Kontrollime teie andmeid ja anname teada.",
                 "ru": "Здравствуйте! Спасибо за обращение, мы проверим ваши данные.",
                 "en": "Hello, thank you for contacting us. We are checking your data."}[lang]
        threads.append({"id": 2100000000 + rng.randrange(10 ** 8), "type": "message", "status": "active", "state": "published",
                        "body": f"<p>{reply}</p><p>Lugupidamisega<br>{a[0]} {a[1]}<br>Klienditeenindaja | Apteek<br>Tel +372 600 4455</p>",
                        "createdBy": {"id": 400000 + agents.index(a), "type": "user", "first": a[0], "last": a[1], "email": a[2]},
                        "createdAt": t2.strftime("%Y-%m-%dT%H:%M:%SZ")})
        if typo:
            fix = {"et": f"Vabandust, kirjutasin isikukoodi valesti. Õige on {k.code}.",
                   "ru": f"Извините, ошиблась в коде. Правильный: {k.code}.",
                   "en": f"Sorry, I mistyped my code. The right one is {k.code}."}[lang]
            threads.append({"id": 2100000000 + rng.randrange(10 ** 8), "type": "customer", "status": "active", "state": "published",
                            "body": f"<p>{fix}</p>", "createdBy": dict(cust),
                            "createdAt": (t2 + datetime.timedelta(hours=2)).strftime("%Y-%m-%dT%H:%M:%SZ")})
            c.ident(p, "ee_isikukood", k.code, k.code, doc, "thread.body")
        threads.reverse()   # the API lists the newest thread first
        convs.append({"id": 2000000000 + cid, "number": cid, "threads": len(threads), "type": "email", "folderId": 5120001,
                      "status": rng.choice(["active", "closed", "pending"]), "state": "published",
                      "subject": {"et": "Andmeleke", "ru": "Утечка данных", "en": "Data breach"}[lang],
                      "mailboxId": 231877, "createdBy": dict(cust), "primaryCustomer": cust,
                      "createdAt": t.strftime("%Y-%m-%dT%H:%M:%SZ"), "tags": [{"id": 77, "tag": "andmeleke"}],
                      "_embedded": {"threads": threads}})
    convs.sort(key=lambda x: x["number"])
    page = {"_embedded": {"conversations": convs},
            "_links": {"self": {"href": "https://api.helpscout.net/v2/conversations?mailbox=231877&page=1"}},
            "page": {"size": 100, "totalElements": len(convs), "totalPages": 1, "number": 1}}
    c.add(doc, json.dumps(page, ensure_ascii=asc, indent=2), views=("json", "json_tags"))

    # ------------------------------------------------------------ Brevo contacts export (zip)
    zdoc = "turundus/brevo_export_2023-09-28.zip"
    mname = "contacts-export-2023-09-28.csv"
    mdoc = zdoc + "!/" + mname
    hdr = ["CONTACT ID", "EMAIL", "FIRSTNAME", "LASTNAME", "SMS", "KLIENDIKAART", "LANGUAGE", "DOUBLE_OPT-IN",
           "EMAIL_BLACKLISTED", "SMS_BLACKLISTED", "ADDED_TIME", "MODIFIED_TIME", "LISTS"]
    entries = []
    seen_mail = set()
    for k in core:
        if k.email and k.email not in seen_mail and rng.random() < 0.45:
            seen_mail.add(k.email)
            entries.append(("core", k))
    for k in mail_only:
        entries.append(("mail", k))
    for k in sms_only:
        entries.append(("sms", k))
    rng.shuffle(entries)
    out = [";".join(hdr) + "\n"]
    for n, (kind, k) in enumerate(entries):
        row = {h: "" for h in hdr}
        row["CONTACT ID"] = str(1200 + n * 3 + rng.randint(0, 2))
        p = k.p
        if kind in ("core", "mail"):
            raw = k.email if rng.random() < 0.9 else k.email.upper()
            row["EMAIL"] = raw
            c.ident(p, "email", k.email, raw, mdoc, "EMAIL")
        if kind == "core":
            row["FIRSTNAME"], row["LASTNAME"] = k.given, k.surname
            c.nm(p, mdoc, "FIRSTNAME/LASTNAME", k.given, k.surname)
            if k.mobile and rng.random() < 0.6:
                d = k.mobile.lstrip("+")
                raw = d if not check.any_person_id(d) else k.mobile
                row["SMS"] = raw
                c.ident(p, "phone", k.mobile, raw, mdoc, "SMS")
            if "ilu" in k.cards and rng.random() < 0.7:
                row["KLIENDIKAART"] = k.cards["ilu"]
                c.ident(p, "loyalty_card", k.cards["ilu"], k.cards["ilu"], mdoc, "KLIENDIKAART")
            row["LANGUAGE"] = k.lang
        if kind == "sms":
            d = k.mobile.lstrip("+")
            raw = d if not check.any_person_id(d) else k.mobile
            row["SMS"] = raw
            c.ident(p, "phone", k.mobile, raw, mdoc, "SMS")
        row["DOUBLE_OPT-IN"] = rng.choice(["Yes", "No", ""])
        row["EMAIL_BLACKLISTED"] = rng.choice(["No", "No", "No", "Yes"])
        row["SMS_BLACKLISTED"] = "No"
        d0 = datetime.datetime(2019, 1, 1) + datetime.timedelta(seconds=rng.randrange(4 * 365 * 86400))
        row["ADDED_TIME"] = d0.strftime("%Y-%m-%dT%H:%M:%S.000+03:00")
        row["MODIFIED_TIME"] = (d0 + datetime.timedelta(days=rng.randint(0, 200))).strftime("%Y-%m-%dT%H:%M:%S.000+03:00")
        row["LISTS"] = "[" + ",".join(str(x) for x in sorted(rng.sample([2, 5, 7, 9], rng.randint(1, 2)))) + "]"
        out.append(";".join(row[h] for h in hdr) + "\n")
    c.add_zip(zdoc, [(mname, "".join(out).encode("utf-8"), "utf-8", ())])

    # ------------------------------------------------------------ 1C CommerceML exchange of the pet chain (windows-1251)
    pet_core = [k for k in core if "lemmik" in k.cards and k.lang == "ru"]
    pet_all = pet_core + onec_only
    rng.shuffle(pet_all)
    months = {"2023-08": [], "2023-09": []}
    for k in pet_all:
        ms = ["2023-09"] if rng.random() < 0.55 else (["2023-08"] if rng.random() < 0.5 else ["2023-08", "2023-09"])
        for m in ms:
            for _ in range(rng.randint(1, 2)):
                months[m].append(k)
    seller_phone = "+372 356 0000"

    def enc_ok(s):
        try:
            s.encode("cp1251")
            return True
        except UnicodeEncodeError:
            return False

    def onec(month, doc):
        parts = ['<?xml version="1.0" encoding="windows-1251"?>',
                 f'<КоммерческаяИнформация ВерсияСхемы="2.10" ДатаФормирования="{month}-28T23:10:05">']
        no = 4000 + (0 if month == "2023-08" else 800)
        for k in months[month]:
            no += rng.randint(1, 7)
            p = k.p
            fam, im = (k.cyr.split(" ", 1)[1], k.cyr.split(" ", 1)[0])
            d = f"{month}-{rng.randint(1, 28):02d}"
            items = rng.sample(PET, rng.randint(1, 3))
            tot = 0
            tov = []
            for it in items:
                pr = rng.randint(300, 4500) / 100
                tot += pr
                tov.append(f"      <Товар>\n        <Ид>{uuid4(rng)}</Ид>\n        <Наименование>{it}</Наименование>\n"
                           f"        <БазоваяЕдиница Код=\"796\" НаименованиеПолное=\"Штука\">шт</БазоваяЕдиница>\n"
                           f"        <ЦенаЗаЕдиницу>{pr:.2f}</ЦенаЗаЕдиницу>\n        <Количество>1</Количество>\n"
                           f"        <Сумма>{pr:.2f}</Сумма>\n      </Товар>")
                c.el(p, "purchase_history", doc, "Товар/Наименование", it)
            kon = []
            if k.mobile:
                raw = render_phone(rng, k.mobile)
                kon.append(f"          <Контакт>\n            <Тип>Телефон мобильный</Тип>\n            <Значение>{raw}</Значение>\n          </Контакт>")
                c.ident(p, "phone", k.mobile, raw, doc, "Контакт/Телефон мобильный")
            if k.email and rng.random() < 0.7:
                kon.append(f"          <Контакт>\n            <Тип>Электронная почта</Тип>\n            <Значение>{k.email}</Значение>\n          </Контакт>")
                c.ident(p, "email", k.email, k.email, doc, "Контакт/Электронная почта")
            adr = ""
            if k.addr and enc_ok(k.addr["street"] + k.addr["city"]):
                pres = f"{k.addr['street']}, {k.addr['zip']} {k.addr['city']}"
                adr = (f"        <АдресРегистрации>\n          <Представление>{pres}</Представление>\n"
                       f"          <АдресноеПоле><Тип>Почтовый индекс</Тип><Значение>{k.addr['zip']}</Значение></АдресноеПоле>\n"
                       f"          <АдресноеПоле><Тип>Улица</Тип><Значение>{k.addr['street']}</Значение></АдресноеПоле>\n"
                       f"          <АдресноеПоле><Тип>Город</Тип><Значение>{k.addr['city']}</Значение></АдресноеПоле>\n"
                       f"        </АдресРегистрации>\n")
                c.el(p, "postal_address", doc, "АдресРегистрации/Представление", pres)
            c.nm(p, doc, "Контрагент/Фамилия+Имя", fam, im)
            card = k.cards["lemmik"]
            c.ident(p, "loyalty_card", card, card, doc, "ЗначениеРеквизита/Номер дисконтной карты")
            parts.append(
                f"  <Документ>\n    <Ид>{uuid4(rng)}</Ид>\n    <Номер>ЛМ-{no:06d}</Номер>\n    <Дата>{d}</Дата>\n"
                f"    <ХозОперация>Заказ товара</ХозОперация>\n    <Роль>Продавец</Роль>\n    <Валюта>EUR</Валюта>\n"
                f"    <Курс>1</Курс>\n    <Сумма>{tot:.2f}</Сумма>\n    <Контрагенты>\n"
                f"      <Контрагент>\n        <Ид>{uuid4(rng)}</Ид>\n        <Наименование>{fam} {im}</Наименование>\n"
                f"        <Роль>Покупатель</Роль>\n        <ПолноеНаименование>{fam} {im}</ПолноеНаименование>\n"
                f"        <Фамилия>{fam}</Фамилия>\n        <Имя>{im}</Имя>\n{adr}"
                + (f"        <Контакты>\n" + "\n".join(kon) + "\n        </Контакты>\n" if kon else "") +
                f"      </Контрагент>\n      <Контрагент>\n        <Ид>5c1e8a44-0d1f-11e8-80c4-001e67a1b2c3</Ид>\n"
                f"        <Наименование>Lemmik Zoo OU (Нарва)</Наименование>\n        <Роль>Продавец</Роль>\n"
                f"        <Контакты>\n          <Контакт>\n            <Тип>Телефон рабочий</Тип>\n            <Значение>{seller_phone}</Значение>\n"
                f"          </Контакт>\n        </Контакты>\n      </Контрагент>\n    </Контрагенты>\n"
                f"    <Время>{rng.randint(9, 20):02d}:{rng.randint(0, 59):02d}:{rng.randint(0, 59):02d}</Время>\n"
                f"    <Товары>\n" + "\n".join(tov) + "\n    </Товары>\n"
                f"    <ЗначенияРеквизитов>\n      <ЗначениеРеквизита>\n        <Наименование>Номер дисконтной карты</Наименование>\n"
                f"        <Значение>{card}</Значение>\n      </ЗначениеРеквизита>\n      <ЗначениеРеквизита>\n"
                f"        <Наименование>Статус заказа</Наименование>\n        <Значение>[N] Принят</Значение>\n"
                f"      </ЗначениеРеквизита>\n    </ЗначенияРеквизитов>\n  </Документ>")
        parts.append("</КоммерческаяИнформация>")
        return "\r\n".join(parts) + "\r\n"

    d9 = "lemmik/1c_obmen/to_site_2023-09.xml"
    c.add(d9, onec("2023-09", d9), "cp1251", views=("xml",))
    tdoc = "lemmik/1c_obmen/arhiiv_2023-08.tar.gz"
    inner = "to_site_2023-08.xml"
    text8 = onec("2023-08", tdoc + "!/" + inner)
    c.add_targz(tdoc, [(inner, text8.encode("cp1251"), "cp1251", ("xml",))])
    c.decoy("org_phone", seller_phone, d9 if months["2023-09"] else tdoc + "!/" + inner, "Контакт/Телефон рабочий")

    c.extra["controller"] = "Apteek/Ilu/Lemmik loyalty programme (controller)"
    c.extra["not_exposed"] = ["credentials", "iban", "payment_card", "prescription"]
    c.extra["link_keys"] = ["loyalty_card (kaart tag in the line protocol, Zoho card columns, 1C discount card)"]
    return c
