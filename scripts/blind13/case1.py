"""Case 1: pharmacy-chain loyalty system (Estonia) — HubSpot export, cqlsh sessions, Intercom export, Klaviyo, Airtable."""
import datetime

import people as P
from common import Case, csv_line, epoch, failing_digits, hexid, jdump, mistype, rand_dt, dt
from shared import ids

CTL = "Allium UPI"
STAFF = ["Kadri Kuusk", "Marek Lill", "Svetlana Orlova", "Helen Pihlak", "Tanel Ots"]
SUPPORT_MAIL = "klienditugi@apteek.example.ee"
SUPPORT_PHONE = "+372 640 0123"
PHARMA = [("Nurofen 200 mg N24", "OTC valuvaigisti"), ("Strepsils mesi-sidrun N24", "OTC"), ("Bepanthen kreem 30 g", "OTC"),
          ("Omega-3 Forte N60", "toidulisand"), ("Otrivin 0,1% ninasprei", "OTC"), ("Accu-Chek Instant testribad N50", "diabeet"),
          ("Canesten kreem 20 g", "OTC"), ("Imodium 2 mg N6", "OTC"), ("Voltaren Emulgel 100 g", "OTC"),
          ("Magne B6 N60", "toidulisand"), ("Ferrum Lek N30", "OTC"), ("Nicorette 2 mg N105", "OTC")]
BEAUTY = ["La Roche-Posay Effaclar 200 ml", "Vichy Mineral 89 50 ml", "Nivea Soft 200 ml", "Eucerin Hyaluron 50 ml"]
PET = ["Royal Canin Mini Adult 2 kg", "Frontline Combo kassile", "Purina One 800 g", "Kassiliiv Catsan 10 l"]
STORES = ["Apteek Tartu Lõunakeskus", "Apteek Tallinn Kristiine", "Apteek Narva Astri", "Ilupood Ülemiste",
          "Lemmik Pärnu Kaubamajakas", "Apteek Jõhvi Tsentraal", "Lemmik Tallinn Rocca al Mare"]
CONDITIONS = {"et": ["mul on 2. tüüpi diabeet", "mul on astma", "mul on kõrge vererõhk", "põen psoriaasi"],
              "ru": ["у меня диабет 2 типа", "у меня астма", "у меня гипертония"],
              "en": ["I have type 2 diabetes", "I have asthma", "I have coeliac disease"]}


def build(seed, rng):
    c = Case(1, "ee_pharmacy_loyalty", seed, rng,
             "Loyalty-card system of a pharmacy, a beauty and a pet-store chain (Estonia); HubSpot CRM export, "
             "Cassandra cqlsh sessions, Intercom support export, Klaviyo newsletter profiles, Airtable pet-club sheet.")
    names, phones, emails = P.Names(rng), P.Phones(rng), P.Emails(rng)
    names.reserve(STAFF)
    cust = []
    n_main = rng.randint(270, 300)
    for i in range(n_main):
        lang = rng.choices(["et", "ru", "en"], [60, 32, 8])[0]
        female = rng.random() < 0.58
        g, s, cyr, _ = names.new(lang, female)
        d = P.dob(rng, 1938, 2004)
        x = {"g": g, "s": s, "cyr": cyr, "lang": lang, "female": female, "dob": d,
             "ik": ids.ee_like(rng, d, female) if rng.random() < 0.9 else None,
             "email": emails.new(g, s) if rng.random() < 0.9 else None,
             "phone": phones.new("EE", "mobile" if rng.random() < 0.85 else "landline") if rng.random() < 0.3 else None,
             "addr": P.ee_address(rng) if rng.random() < 0.3 else None,
             "ph": ids.ean13("2900", rng) if rng.random() < 0.85 else None,
             "be": ids.ean13("2910", rng) if rng.random() < 0.35 else None,
             "pet": ids.ean13("2920", rng) if rng.random() < 0.22 else None,
             "old_email": None}
        if not (x["ik"] or x["email"] or x["phone"]):
            x["email"] = emails.new(g, s)
        if x["email"] and rng.random() < 0.1:
            x["old_email"] = emails.new(g, s)
        x["p"] = c.person(f"{g} {s}", lang)
        x["p"].controllers = [CTL]
        if cyr:
            x["p"].variants.append(cyr)
        cust.append(x)
    # namesakes: two pairs share a name (both with their own ID code)
    for k in range(2):
        a = cust[10 + k]
        g, s = a["g"], a["s"]
        d = P.dob(rng, 1940, 2000)
        b = dict(a)
        b.update({"dob": d, "ik": ids.ee_like(rng, d, a["female"]), "email": emails.new(g, s), "phone": None,
                  "addr": P.ee_address(rng), "ph": ids.ean13("2900", rng), "be": None, "pet": None, "old_email": None})
        if a["ik"] is None:
            a["ik"] = ids.ee_like(rng, a["dob"], a["female"])
        b["p"] = c.person(f"{g} {s}", a["lang"], note="namesake of " + a["p"].tid)
        b["p"].controllers = [CTL]
        a["p"].note = "namesake of " + b["p"].tid
        c.namesakes.add(P.name_tokens(f"{g} {s}"))
        cust.append(b)
    # households: couples share one inbox, each with an own ID code
    hh = []
    pool = [x for x in cust if x["ik"] and x["email"] and not x["p"].note]
    for k in range(10):
        a, b = pool[2 * k + 20], pool[2 * k + 21]
        fam = f"perekond.{P.slug(a['s'])}{rng.randint(10, 99)}@kodu.test" if k % 2 == 0 else a["email"]
        if fam != a["email"]:
            emails.used.add(fam)
        b["s_orig"] = b["s"]
        a["email"] = b["email"] = fam
        c.households[f"email:{fam}"] = "household inbox"
        a["p"].note = f"shares the inbox {fam} with {b['p'].tid}"
        b["p"].note = f"shares the inbox {fam} with {a['p'].tid}"
        hh.append((fam, [a["p"].tid, b["p"].tid]))
    c.extra["household_emails"] = {f: t for f, t in hh}

    hubspot(c, rng, cust)
    cql(c, rng, cust)
    only_chat = intercom(c, rng, cust, names, phones, emails)
    klaviyo(c, rng, cust, emails)
    airtable(c, rng, cust)
    for x in cust:
        if not x["p"].req:
            raise RuntimeError("unexposed customer")
    c.extra["controller"] = CTL
    c.extra["chains"] = ["pharmacy (2900…)", "beauty (2910…)", "pet (2920…)"]
    c.extra["not_exposed"] = ["credentials", "iban", "payment_card", "prescription"]
    c.extra["staff"] = STAFF
    c.extra["intercom_only"] = only_chat
    return c


def in_hubspot(x):
    """pet-only customers are only in the pet club's sheet, beauty-only customers with an e-mail only in Klaviyo"""
    if x["pet"] and not x["ph"]:
        return False
    if x["be"] and not x["ph"] and x["email"]:
        return False
    return True


def hubspot(c, rng, cust):
    doc = "crm/hubspot-crm-exports-all-contacts-2023-09-14.csv"
    cols = ["Record ID", "First Name", "Last Name", "Email", "Additional email addresses", "Phone Number",
            "Mobile Phone Number", "Street Address", "City", "Postal Code", "Country/Region", "Isikukood",
            "Apteegi kliendikaart", "Ilukaardi number", "Lemmikloomaklubi kaart", "Eelistatud keel", "Contact owner",
            "Lifecycle Stage", "Create Date", "Last Activity Date"]
    out = [csv_line(cols, quote_all=True, crlf=True)]
    rid = 1501
    rows = [x for x in cust if in_hubspot(x)]
    for x in rows:
        x["in_hs"] = True
    qa_at = rng.randrange(len(rows))
    for i, x in enumerate(rows):
        if i == qa_at:
            out.append(csv_line([str(rid + 9000), "Test", "Klient", "qa.kassa@apteek.example.ee", "", "", "", "", "",
                                 "", "Estonia", "37605030299", ids.ean13("2900", rng), "", "", "et", STAFF[0], "Other",
                                 "2021-02-01 09:00", ""], quote_all=True, crlf=True))
            c.decoy("public test ID code (QA row)", "37605030299", doc, "Isikukood")
            c.decoy("QA mailbox", "qa.kassa@apteek.example.ee", doc, "Email")
        p = x["p"]
        rid += rng.randint(1, 40)
        em = x["email"]
        em_raw = c_email(rng, em) if em else ""
        add = ""
        if x["old_email"]:
            add = x["old_email"]
        tel, mob = "", ""
        if x["phone"]:
            raw = P.render_phone(rng, x["phone"])
            if x["phone"].startswith("+3725"):
                mob = raw
            else:
                tel = raw
        a = x["addr"]
        card_raw = lambda v: v or ""
        lang = {"et": "Eesti", "ru": "Vene", "en": "Inglise"}[x["lang"]]
        created = rand_dt(rng, dt(2016, 1, 1), dt(2023, 8, 1))
        last = rand_dt(rng, dt(2023, 1, 1), dt(2023, 9, 13))
        out.append(csv_line([str(rid), x["g"], x["s"], em_raw, add, tel, mob, a["street"] if a else "",
                             a["city"] if a else "", a["zip"] if a else "", "Estonia", x["ik"] or "",
                             card_raw(x["ph"]), card_raw(x["be"]), card_raw(x["pet"]), lang, rng.choice(STAFF),
                             rng.choice(["Customer", "Customer", "Subscriber", "Lead"]),
                             created.strftime("%Y-%m-%d %H:%M"), last.strftime("%Y-%m-%d %H:%M")],
                            quote_all=True, crlf=True))
        c.nm(p, doc, "First Name/Last Name", x["g"], x["s"])
        if em:
            c.ident(p, "email", em, em_raw, doc, "Email")
        if add:
            c.ident(p, "email", add, add, doc, "Additional email addresses")
        if x["phone"]:
            c.ident(p, "phone", x["phone"], mob or tel, doc, "Mobile Phone Number" if mob else "Phone Number")
        if a:
            c.el(p, "postal_address", doc, "Street Address", a["street"], a["zip"])
        if x["ik"]:
            c.ident(p, "ee_isikukood", x["ik"], x["ik"], doc, "Isikukood")
            c.opt(p, "date_of_birth", doc, "Isikukood")
        for k, f in (("ph", "Apteegi kliendikaart"), ("be", "Ilukaardi number"), ("pet", "Lemmikloomaklubi kaart")):
            if x[k]:
                c.ident(p, "loyalty_card", x[k], x[k], doc, f)
    c.add(doc, "".join(out), "utf-8-sig")
    c.extra["hubspot_contact_owners_are_staff"] = True


def c_email(rng, e):
    r = rng.random()
    if r < 0.08:
        return e.upper()
    if r < 0.14:
        return e[:1].upper() + e[1:]
    if r < 0.17:
        return " " + e
    return e


def cql_table(cols, rows):
    w = [max(len(h), *(len(r[i]) for r in rows)) if rows else len(h) for i, h in enumerate(cols)]
    head = " " + " | ".join(h.rjust(w[i]) for i, h in enumerate(cols))
    rule = "-" + "-+-".join("-" * w[i] for i in range(len(cols))) + "-"
    body = [" " + " | ".join(v.rjust(w[i]) for i, v in enumerate(r)) for r in rows]
    return head, rule, body


def cql(c, rng, cust):
    """cqlsh sessions: purchases joined to owners only through the card; a card table with owners' ID codes."""
    sessions = []
    for month in (7, 8, 9):
        doc = f"pos/cqlsh_ostud_2023-{month:02d}.txt"
        rows = []
        owners = []
        for x in cust:
            for k, goods in (("ph", PHARMA), ("be", BEAUTY), ("pet", PET)):
                if x[k] and rng.random() < 0.45:
                    for _ in range(rng.randint(1, 3)):
                        prod = rng.choice(goods)
                        prod = prod[0] if isinstance(prod, tuple) else prod
                        when = rand_dt(rng, dt(2023, month, 1), dt(2023, month, 28, 20))
                        rc = failing_digits(rng, 11, when.strftime("%y%m%d"))
                        rows.append((when, x[k], prod, rc, x))
        for _ in range(rng.randint(5, 9)):
            orphan = ids.ean13(rng.choice(["2900", "2910"]), rng)
            when = rand_dt(rng, dt(2023, month, 1), dt(2023, month, 28, 20))
            rows.append((when, orphan, rng.choice(PHARMA)[0] if orphan.startswith("2900") else rng.choice(BEAUTY), failing_digits(rng, 11, when.strftime("%y%m%d")), None))
        rows.sort(key=lambda r: (r[1], r[0]))
        cols = ["kaart", "ostu_aeg", "kauplus", "toode", "kogus", "summa", "tsekk"]
        vals = []
        for when, card, prod, rc, x in rows:
            chain = {"2900": "Apteek", "2910": "Ilupood", "2920": "Lemmik"}[card[:4]]
            vals.append([card, when.strftime("%Y-%m-%d %H:%M:%S.000000+0000"),
                         rng.choice([st for st in STORES if st.startswith(chain)]), prod,
                         str(rng.randint(1, 3)), f"{rng.randint(150, 4999) / 100:.2f}", rc])
        text = ["Connected to loyalty-prod at 10.40.2.15:9042",
                "[cqlsh 6.1.0 | Cassandra 4.1.3 | CQL spec 3.4.6 | Native protocol v5]",
                "Use HELP for help.", "cqlsh> USE loyalty;", "cqlsh:loyalty> PAGING 100;", "Page size: 100",
                f"cqlsh:loyalty> SELECT kaart, ostu_aeg, kauplus, toode, kogus, summa, tsekk FROM ostud WHERE kuu = '2023-{month:02d}' ALLOW FILTERING;",
                ""]
        for start in range(0, len(vals), 100):
            chunk = vals[start:start + 100]
            head, rule, body = cql_table(cols, chunk)
            text += [head, rule] + body
            if start + 100 < len(vals):
                text += ["", "---MORE---"]
        text += ["", f"({len(vals)} rows)", "cqlsh:loyalty> exit", ""]
        c.add(doc, "\n".join(text))
        for (when, card, prod, rc, x), v in zip(rows, vals):
            c.decoy("receipt number", rc, doc, "tsekk", must_fail=True)
            if x is None:
                continue
            k = "ph" if card == x["ph"] else ("be" if card == x["be"] else "pet")
            c.ident(x["p"], "loyalty_card", card, card, doc, "kaart")
            c.el(x["p"], "purchase_history", doc, "toode", prod)
            if k == "ph":
                c.opt(x["p"], "health_data", doc, "toode")
        sessions.append(doc)
    # the card table: beauty and pet cards with their owner's ID code (a table under a card's number)
    doc = "pos/cqlsh_kaardid.txt"
    cols = ["kaart", "ahel", "isikukood", "valjastatud", "staatus"]
    vals, who = [], []
    for x in cust:
        for k, chain in (("be", "ilu"), ("pet", "lemmik")):
            if x[k] and x["ik"] and rng.random() < 0.8:
                vals.append([x[k], chain, x["ik"], rand_dt(rng, dt(2015, 1, 1), dt(2023, 6, 1)).strftime("%Y-%m-%d"),
                             rng.choice(["aktiivne", "aktiivne", "blokeeritud"])])
                who.append(x)
    head, rule, body = cql_table(cols, vals)
    text = ["cqlsh:loyalty> SELECT kaart, ahel, isikukood, valjastatud, staatus FROM kaardid WHERE ahel IN ('ilu', 'lemmik');", "",
            head, rule] + body + ["", f"({len(vals)} rows)", ""]
    c.add(doc, "\n".join(text))
    for v, x in zip(vals, who):
        c.ident(x["p"], "loyalty_card", v[0], v[0], doc, "kaart")
        c.ident(x["p"], "ee_isikukood", x["ik"], x["ik"], doc, "isikukood")
        c.opt(x["p"], "date_of_birth", doc, "isikukood")


def html_p(lines):
    return "".join(f"<p>{l}</p>" for l in lines)


def intercom(c, rng, cust, names, phones, emails):
    doc = "support/intercom-export-2023-09-15/conversations.json"
    admins = [{"type": "admin", "id": str(4000 + i), "name": f"{n.split()[0]} | Apteek klienditugi", "email": f"{P.slug(n.split()[0])}@apteek.example.ee"}
              for i, n in enumerate(STAFF)]
    convs = []
    pending = []      # (person, kind, details) to register after serialisation
    # customers who write (already known) + persons known only from the chat
    writers = [x for x in cust if x["email"] and not x["p"].note.startswith("shares")]
    rng.shuffle(writers)
    writers = writers[:48]
    only = []
    for i in range(rng.randint(10, 14)):
        lang = rng.choice(["et", "ru", "et", "en"])
        female = rng.random() < 0.6
        g, s, cyr, _ = names.new(lang, female)
        d = P.dob(rng, 1950, 2003)
        x = {"g": g, "s": s, "cyr": cyr, "lang": lang, "female": female, "dob": d, "ik": ids.ee_like(rng, d, female),
             "email": emails.new(g, s), "phone": phones.new("EE") if rng.random() < 0.6 else None, "addr": None,
             "ph": ids.ean13("2900", rng), "be": None, "pet": None, "old_email": None}
        x["p"] = c.person(f"{g} {s}", lang, note="known only from the support chat")
        x["p"].controllers = [CTL]
        if cyr:
            x["p"].variants.append(cyr)
        only.append(x)
    for x in writers + only:
        pending.append(x)
    rng.shuffle(pending)
    for n, x in enumerate(pending):
        p = x["p"]
        lang = x["lang"]
        shown = x["cyr"] if (x["cyr"] and rng.random() < 0.5) else f"{x['g']} {x['s']}"
        if shown != p.name and shown not in p.variants:
            p.variants.append(shown)
        created = rand_dt(rng, dt(2023, 5, 1), dt(2023, 9, 14))
        parts = []
        facts = []
        card = x["ph"] or x["be"] or x["pet"]
        card_raw = f"{card[:4]} {card[4:8]} {card[8:12]} {card[12:]}" if card and rng.random() < 0.5 else card
        ik = x["ik"]
        wrong = mistype(rng, ik) if ik and rng.random() < 0.25 else None
        cond = rng.choice(CONDITIONS[lang]) if rng.random() < 0.35 else None
        ph_raw = P.render_phone(rng, x["phone"]) if x["phone"] and rng.random() < 0.7 else None
        if lang == "et":
            first = [f"Tere! Minu kliendikaart {card_raw} ei tööta kassas." if card_raw else "Tere! Ma ei saa kontole sisse.",
                     f"Isikukood {wrong or ik}." if ik else "",
                     f"Palun helistage {ph_raw}." if ph_raw else "",
                     f"Küsin soodustust, sest {cond}." if cond else "", f"{x['g']} {x['s']}"]
        elif lang == "ru":
            first = [f"Здравствуйте! Моя карта {card_raw} не работает." if card_raw else "Здравствуйте! Не могу войти.",
                     f"Личный код {wrong or ik}." if ik else "",
                     f"Мой телефон {ph_raw}." if ph_raw else "", f"Пишу, потому что {cond}." if cond else "",
                     shown]
        else:
            first = [f"Hello, my loyalty card {card_raw} is not accepted." if card_raw else "Hello, I cannot log in.",
                     f"My ID code is {wrong or ik}." if ik else "", f"Call me on {ph_raw}." if ph_raw else "",
                     f"Please note {cond}." if cond else "", f"{x['g']} {x['s']}"]
        first = [l for l in first if l]
        adm = rng.choice(admins)
        parts.append({"type": "conversation_part", "id": str(rng.randint(10 ** 9, 10 ** 10)), "part_type": "comment",
                      "body": html_p([{"et": "Tere! Aitäh pöördumast.", "ru": "Здравствуйте! Спасибо за обращение.",
                                       "en": "Hi! Thanks for reaching out."}[lang],
                                      "Palun kirjutage oma isikukood kontrollimiseks." if wrong else "Vaatame üle.",
                                      f"{adm['name']}<br>Klienditugi {SUPPORT_PHONE}"]),
                      "created_at": epoch(created) + 600, "author": adm})
        if wrong:
            parts.append({"type": "conversation_part", "id": str(rng.randint(10 ** 9, 10 ** 10)), "part_type": "comment",
                          "body": html_p([{"et": f"Vabandust, õige isikukood on {ik}", "ru": f"Извините, правильный код {ik}",
                                           "en": f"Sorry, the correct code is {ik}"}[lang]]),
                          "created_at": epoch(created) + 1500,
                          "author": {"type": "user", "id": hexid(rng, 24), "name": shown, "email": x["email"]}})
        parts.append({"type": "conversation_part", "id": str(rng.randint(10 ** 9, 10 ** 10)), "part_type": "close",
                      "body": None, "created_at": epoch(created) + 3600, "author": adm})
        conv = {"type": "conversation", "id": str(170000000 + n * 7 + rng.randint(0, 6)), "created_at": epoch(created),
                "updated_at": epoch(created) + 3600, "state": "closed", "open": False,
                "source": {"type": "conversation", "delivered_as": "customer_initiated",
                           "subject": "", "body": html_p(first),
                           "author": {"type": "user", "id": hexid(rng, 24), "name": shown, "email": x["email"]}},
                "contacts": {"type": "contact.list", "contacts": [{"type": "contact", "id": hexid(rng, 24),
                                                                   "external_id": card or ""}]},
                "teammates": {"type": "admin.list", "admins": [{"type": "admin", "id": adm["id"]}]},
                "conversation_parts": {"type": "conversation_part.list", "conversation_parts": parts,
                                       "total_count": len(parts)}}
        convs.append(conv)
        facts.append((x, shown, card, card_raw, ik, wrong, cond, ph_raw))
        x["_facts"] = (shown, card, card_raw, ik, wrong, cond, ph_raw)
    data = {"type": "conversation.list", "pages": {"type": "pages", "page": 1, "per_page": 150, "total_pages": 1},
            "total_count": len(convs), "conversations": convs}
    ascii_ = rng.random() < 0.5
    c.add(doc, jdump(data, ascii_=ascii_, indent=2) + "\n", views=("json", "json_tags"))
    for x in pending:
        p = x["p"]
        shown, card, card_raw, ik, wrong, cond, ph_raw = x["_facts"]
        c.nm(p, doc, "source.author.name", shown)
        c.ident(p, "email", x["email"], x["email"], doc, "source.author.email")
        if card:
            c.ident(p, "loyalty_card", card, card_raw, doc, "source.body")
        if ik:
            c.ident(p, "ee_isikukood", ik, ik, doc, "conversation_parts.body" if wrong else "source.body")
            c.opt(p, "date_of_birth", doc, "source.body")
        if wrong:
            c.decoy("mistyped ID code (corrected in the next message)", wrong, doc, "source.body", must_fail=True)
        if ph_raw:
            c.ident(p, "phone", x["phone"], ph_raw, doc, "source.body")
        if cond:
            c.el(p, "health_data", doc, "source.body", cond)
    for a in admins:
        c.decoy("support agent e-mail (staff)", a["email"], doc, "author.email")
    c.decoy("support line", SUPPORT_PHONE, doc, "conversation_parts.body")
    return [x["p"].tid for x in only]


def klaviyo(c, rng, cust, emails):
    doc = "marketing/klaviyo_profiles_ilu_uudiskiri_2023-09.csv"
    cols = ["Email", "First Name", "Last Name", "Phone Number", "City", "Zip Code", "Country", "Kliendikaart",
            "Keel", "Email Marketing Consent", "Profile Created On", "Last Active"]
    rows = []
    subs = [x for x in cust if x["email"] and (x["be"] or rng.random() < 0.15)]
    for x in subs:
        rows.append(("c", x))
    extra = []
    for i in range(rng.randint(22, 30)):
        e = emails.new(rng.choice(["mari", "info", "kasutaja", "anna", "olga", "jaan", "tiiu"]), rng.choice(["x", "k", "m"]))
        p = c.person("", "et", note="e-mail-only newsletter subscriber")
        p.controllers = [CTL]
        extra.append((e, p))
        rows.append(("e", (e, p)))
    rng.shuffle(rows)
    out = [csv_line(cols)]
    reg = []
    for kind, x in rows:
        created = rand_dt(rng, dt(2018, 1, 1), dt(2023, 8, 1)).strftime("%Y-%m-%d %H:%M:%S")
        active = rand_dt(rng, dt(2023, 6, 1), dt(2023, 9, 14)).strftime("%Y-%m-%d %H:%M:%S")
        if kind == "e":
            e, p = x
            out.append(csv_line([e, "", "", "", "", "", "", "", "", "SUBSCRIBED", created, active]))
            reg.append(("e", p, e))
            continue
        cyr = x["cyr"] if x["cyr"] and rng.random() < 0.6 else None
        fn, ln = (cyr.split(" ", 1) if cyr else (x["g"], x["s"]))
        phone = "+" + x["phone"].lstrip("+") if x["phone"] and rng.random() < 0.6 else ""
        city = x["addr"]["city"] if x["addr"] else ""
        zipc = x["addr"]["zip"] if x["addr"] else ""
        out.append(csv_line([x["email"], fn, ln, phone, city, zipc, "Estonia" if city else "", x["be"] or "",
                             {"et": "et", "ru": "ru", "en": "en"}[x["lang"]],
                             rng.choice(["SUBSCRIBED", "SUBSCRIBED", "UNSUBSCRIBED"]), created, active]))
        reg.append(("c", x, (fn, ln, phone, city, zipc)))
    c.add(doc, "".join(out))
    for r in reg:
        if r[0] == "e":
            c.ident(r[1], "email", r[2], r[2], doc, "Email")
            continue
        x, (fn, ln, phone, city, zipc) = r[1], r[2]
        p = x["p"]
        c.nm(p, doc, "First Name/Last Name", fn, ln)
        c.ident(p, "email", x["email"], x["email"], doc, "Email")
        if phone:
            c.ident(p, "phone", x["phone"], phone, doc, "Phone Number")
        if city:
            c.opt(p, "postal_address", doc, "City/Zip Code", city, zipc)
        if x["be"]:
            c.ident(p, "loyalty_card", x["be"], x["be"], doc, "Kliendikaart")


def airtable(c, rng, cust):
    doc = "lemmikloomaklubi/Kliendid-Grid view (Excel).csv"
    cols = ["Nimi", "Isikukood", "Telefon", "E-post", "Lemmikloomad", "Kaart", "Kiip", "Liitunud", "Aadress"]
    out = [csv_line(cols, sep=";", crlf=True)]
    pets_names = ["Muri", "Pontu", "Kiisu", "Miisu", "Reks", "Bella", "Tom", "Luna", "Жучка", "Барсик"]
    kinds = ["koer", "kass", "papagoi", "küülik"]
    reg = []
    for x in cust:
        if not x["pet"]:
            continue
        pets = ",".join(f"{rng.choice(pets_names)} ({rng.choice(kinds)})" for _ in range(rng.randint(1, 2)))
        chip = "233" + "".join(rng.choice("0123456789") for _ in range(12))
        tel = P.render_phone(rng, x["phone"]) if x["phone"] else ""
        a = x["addr"]
        addr = f"{a['street']}, {a['zip']} {a['city']}" if a else ""
        name = f"{x['g']} {x['s']}"
        try:
            (name + pets + addr).encode("cp1257")
        except UnicodeEncodeError:
            pets = ",".join(pn for pn in pets.split(",") if all(ord(ch) < 0x400 for ch in pn)) or "Muri (koer)"
        out.append(csv_line([name, x["ik"] or "", tel, x["email"] or "", pets, x["pet"], chip,
                             rand_dt(rng, dt(2017, 1, 1), dt(2023, 6, 1)).strftime("%d.%m.%Y"), addr], sep=";", crlf=True))
        reg.append((x, name, tel, addr, chip))
    c.add(doc, "".join(out), "cp1257")
    for x, name, tel, addr, chip in reg:
        p = x["p"]
        c.nm(p, doc, "Nimi", name)
        if x["ik"]:
            c.ident(p, "ee_isikukood", x["ik"], x["ik"], doc, "Isikukood")
            c.opt(p, "date_of_birth", doc, "Isikukood")
        if tel:
            c.ident(p, "phone", x["phone"], tel, doc, "Telefon")
        if x["email"]:
            c.ident(p, "email", x["email"], x["email"], doc, "E-post")
        c.ident(p, "loyalty_card", x["pet"], x["pet"], doc, "Kaart")
        if addr:
            c.el(p, "postal_address", doc, "Aadress", x["addr"]["street"])
        c.decoy("pet microchip", chip, doc, "Kiip", must_fail=True)
