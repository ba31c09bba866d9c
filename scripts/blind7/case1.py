"""Case 1 — loyalty system of a pharmacy, a beauty and a pet-store chain (Estonia).

Shapes: an Elasticsearch `_bulk` export of the customer index (index/update/delete actions, an ensure_ascii part,
ID codes as strings or numbers), API-gateway logs in key=value form with JSON bodies (raw and quoted-escaped),
Segment-style app telemetry JSON Lines (nested `user`, base64 `props_b64`), Outlook-forwarded customer-service
.eml messages (HTML-only or multipart/alternative, quoted-printable, utf-8 or windows-1257), an Excel 2003 XML
Spreadsheet of the pet club, electronic journals of the tills (windows-1257, CRLF) joined to owners by card only.
"""
import base64
import datetime as dt
import json

from common import Case
import fmt
import people as P
from shared import ids, check

CTRL = "Allium UPI OÜ"
BRANDS = {"APTEEK": ("2900", "Südameapteek"), "ILU": ("2910", "Ilumaailm"), "LEMMIK": ("2920", "Lemmikloomaklubi")}

OTC = [("4740012000153", "Ibuprofen 400 mg N20", 3.95), ("4740012000221", "Paratsetamool 500 mg N20", 1.89),
       ("4740012000337", "Nasaalne sprei 0,1% 10 ml", 5.49), ("4740012000412", "D3-vitamiin 2000 IU N90", 8.90),
       ("4740012000528", "Allergiatabletid N10", 6.75), ("4740012000603", "Kurgupastillid N24", 4.29),
       ("4740012000719", "Silmatilgad 10 ml", 7.15), ("4740012000856", "Plaastrid 20 tk", 2.49),
       ("4740012000948", "Rasedustest", 5.90), ("4740012001013", "Glükoosi testribad N50", 24.50),
       ("4740012001129", "Nikotiinnärimiskumm 2 mg N30", 12.80), ("4740012001235", "Kõrvapuhastustilgad", 6.10)]
BEAUTY = [("4740021000118", "Niisutav kreem 50 ml", 12.90), ("4740021000224", "Šampoon 250 ml", 5.49),
          ("4740021000330", "Huulepalsam", 3.20), ("4740021000446", "Päikesekreem SPF50", 14.95),
          ("4740021000552", "Küünelakk", 6.99), ("4740021000668", "Dušigeel 400 ml", 3.79), ("4740021000774", "Ripsmetušš", 11.50)]
PET = [("4740033000115", "Kassitoit 2 kg", 9.99), ("4740033000221", "Koera maius", 2.89), ("4740033000337", "Kassiliiv 10 l", 7.49)]
STORES = {"APTEEK": ["Kristiine", "Ülemiste", "Tartu Lõunakeskus", "Pärnu Kaubamajakas"],
          "ILU": ["Viru Keskus", "Rocca al Mare", "Tartu Kaubamaja"]}


class C:
    pass


def _ik_fail(rng):
    """An 11-digit number shaped like an ID code that fails every national-ID check."""
    while True:
        s = str(rng.choice([3, 4, 5, 6])) + "".join(str(rng.randint(0, 9)) for _ in range(10))
        if not check.any_person_id(s):
            return s


def _typo(rng, v):
    """A real ID code with its check digit changed (a typo at the till); must fail every check."""
    for _ in range(20):
        s = v[:-1] + str((int(v[-1]) + rng.randint(1, 9)) % 10)
        if not check.any_person_id(s):
            return s
    return _ik_fail(rng)


def build(seed):
    rng = __import__("random").Random(f"blind7-case1-{seed}")
    case = Case(1, "ee_loyalty_search", "Loyalty system of a pharmacy, beauty and pet chain (EE): search-index export, "
                "gateway logs, app telemetry, forwarded support mail, pet-club XML spreadsheet, till journals", rng)
    case.extra["controller"] = CTRL
    case.extra["not_exposed"] = ["credentials", "iban", "payment_card", "prescription"]
    n = rng.randint(900, 1080)
    custs = []
    knr_used = set()
    for i in range(n):
        c = C()
        c.lang = rng.choices(["et", "ru", "en"], [62, 28, 10])[0]
        c.nm = P.unique_name(rng, case, c.lang)
        c.dob = P.dob(rng, 1936, 2004)
        c.p = case.person(c.nm.full, c.lang)
        c.p.ctrl(CTRL)
        if c.nm.cyr:
            c.p.variant(c.nm.cyr)
        c.ik = P.nid(rng, case, "EE", c.dob, c.nm.female)[1] if rng.random() < 0.93 else None
        while True:
            k = f"K0{rng.randint(100000, 999999)}"
            if k not in knr_used:
                knr_used.add(k)
                c.knr = k
                break
        c.cards = []
        brands = [b for b, pr in (("APTEEK", 0.82), ("ILU", 0.33), ("LEMMIK", 0.2)) if rng.random() < pr] or ["APTEEK"]
        for b in brands:
            c.cards.append((b, P.card(rng, case, BRANDS[b][0])))
        if "APTEEK" in brands and rng.random() < 0.06:
            c.cards.append(("APTEEK", P.card(rng, case, "2900")))      # a replaced card still in the index
        c.email = P.email(rng, case, c.nm.given, c.nm.surname) if rng.random() < 0.88 else None
        c.email2 = None
        c.phone = P.phone(rng, case, "EE") if rng.random() < 0.34 else None
        c.addr = P.ee_address(rng) if rng.random() < 0.19 else None
        c.dob_written = rng.random() < 0.3
        c.in_index = rng.random() < 0.94
        c.app = c.email is not None and "APTEEK" in brands and (rng.random() < 0.33 or not c.in_index)
        if not c.in_index and not c.app:
            c.in_index = True
        custs.append(c)

    # households: two or three adults with their own ID codes and one family inbox
    fam_pool = [c for c in custs if c.ik and c.in_index and c.email and c.lang != "en"]
    rng.shuffle(fam_pool)
    used = set()
    for _ in range(rng.randint(18, 26)):
        head = next((c for c in fam_pool if c.knr not in used), None)
        if head is None:
            break
        used.add(head.knr)
        size = 3 if rng.random() < 0.2 else 2
        members = [head]
        base = head.nm.surname[:-1] if head.lang == "ru" and head.nm.female else head.nm.surname
        for _ in range(size - 1):
            lang = head.lang
            nm = None
            for _t in range(200):
                cand = P.make_name(rng, lang)
                cand.surname = base + ("a" if lang == "ru" and cand.female else "")
                cand.cyr = None
                if case.claim_name(cand.full):
                    nm = cand
                    break
            if nm is None:
                continue
            m = C()
            m.lang, m.nm = lang, nm
            m.dob = P.dob(rng, 1940, 2004)
            m.p = case.person(nm.full, lang)
            m.p.ctrl(CTRL)
            m.ik = P.nid(rng, case, "EE", m.dob, nm.female)[1]
            while True:
                k = f"K0{rng.randint(100000, 999999)}"
                if k not in knr_used:
                    knr_used.add(k)
                    m.knr = k
                    break
            m.cards = [("APTEEK", P.card(rng, case, "2900"))]
            m.email, m.email2 = head.email, None
            m.phone = P.phone(rng, case, "EE") if rng.random() < 0.3 else None
            m.addr = head.addr
            m.dob_written = rng.random() < 0.3
            m.in_index, m.app = True, False
            custs.append(m)
            members.append(m)
        if len(members) > 1:
            # the family inbox is sometimes renamed to a family address
            if rng.random() < 0.4:
                fam = P.email(rng, case, "perekond", head.nm.surname)
                for mm in members:
                    mm.email = fam
            case.household(members[0].email, [mm.p for mm in members])
            for mm in members:
                mm.family = members[0].email
    for c in custs:
        if not hasattr(c, "family"):
            c.family = None

    index = [c for c in custs if c.in_index]
    # --------------------------------------------------------------- 1. Elasticsearch _bulk export
    rng.shuffle(index)
    parts = [index[i::3] for i in range(3)]
    updated = []
    for fi, part in enumerate(parts, 1):
        path = f"es-export/kliendiregister-v3/bulk_{fi:04d}.ndjson"
        ascii_part = fi == 3
        lines = []
        if fi == 1:
            for knr, ik, first, last, mail in (("K0000001", "37605030299", "Test", "Testija", "kassa.test@allium.test"),
                                               ("K0000002", "47101010033", "QA", "Automaat", "qa.automaat@allium.test")):
                lines.append(json.dumps({"index": {"_index": "kliendiregister-v3", "_id": knr}}, separators=(",", ":")))
                lines.append(json.dumps({"kliendi_nr": knr, "isikukood": ik, "eesnimi": first, "perenimi": last, "keel": "et",
                                         "kontakt": {"epost": mail, "telefon": None}, "kaardid": [], "segmendid": ["TEST"],
                                         "@timestamp": "2023-01-05T09:00:00Z"}, ensure_ascii=False, separators=(",", ":")))
        recs = []
        for c in part:
            p = c.p
            src = {"kliendi_nr": c.knr}
            if c.ik:
                as_num = rng.random() < 0.08
                src["isikukood"] = int(c.ik) if as_num else c.ik
                p.ident("ee_isikukood", c.ik, c.ik, path, "isikukood")
                if not c.dob_written:
                    p.el("date_of_birth", path, "isikukood (derived)", req=False)
            else:
                src["isikukood"] = None
            src["eesnimi"] = c.nm.given
            src["perenimi"] = c.nm.surname
            recs.append((p, "name", [c.nm.given, c.nm.surname], "eesnimi/perenimi"))
            if c.nm.cyr and rng.random() < 0.45:
                src["nimi_kirillitsas"] = c.nm.cyr
                recs.append((p, "name", [c.nm.cyr], "nimi_kirillitsas"))
            src["keel"] = c.lang
            if c.dob_written:
                src["sunniaeg"] = f"{c.dob:%Y-%m-%d}"
                recs.append((p, "dob", src["sunniaeg"], "sunniaeg"))
            kontakt = {}
            if c.email:
                raw = ids.render_email(rng, c.email, caps=0.1)
                kontakt["epost"] = raw
                p.ident("email", c.email, raw, path, "kontakt.epost")
            else:
                kontakt["epost"] = None
            if c.phone:
                raw, _ = ids.render_phone(rng, "EE", c.phone[0])
                kontakt["telefon"] = raw
                p.ident("phone", c.phone[1], raw, path, "kontakt.telefon")
            else:
                kontakt["telefon"] = None
            kontakt["uudiskiri"] = rng.random() < 0.6
            src["kontakt"] = kontakt
            if c.addr:
                a = c.addr
                src["aadress"] = {"tanav": a["street"], "linn": a["town"], "sihtnumber": a["zip"], "maakond": a["county"]}
                recs.append((p, "addr", a["street"], "aadress.tanav"))
            else:
                src["aadress"] = None
            src["kaardid"] = []
            for b, v in c.cards:
                src["kaardid"].append({"number": v, "brand": b, "staatus": "AKTIIVNE" if rng.random() < 0.9 else "SULETUD",
                                       "valjastatud": f"{P.ids.rand_date(rng, 2012, 2023):%Y-%m-%d}"})
                p.ident("loyalty_card", v, v, path, "kaardid.number")
            src["segmendid"] = rng.sample(["lapsevanem", "seenior", "lemmikloomaomanik", "ilu", "e-pood", "uudiskiri"], rng.randint(0, 2))
            src["@timestamp"] = f"2023-09-{rng.randint(1, 29):02d}T{rng.randint(6, 22):02d}:{rng.randint(0, 59):02d}:{rng.randint(0, 59):02d}Z"
            lines.append(json.dumps({"index": {"_index": "kliendiregister-v3", "_id": c.knr}}, separators=(",", ":")))
            lines.append(json.dumps(src, ensure_ascii=ascii_part, separators=(",", ":")))
        # later changes inside the same bulk file: partial updates (a new e-mail) and deletes of closed accounts
        for c in rng.sample(part, max(1, len(part) // 30)):
            if c.family:
                continue
            lines.append(json.dumps({"update": {"_index": "kliendiregister-v3", "_id": c.knr}}, separators=(",", ":")))
            c.email2 = P.email(rng, case, c.nm.given, c.nm.surname)
            lines.append(json.dumps({"doc": {"kontakt": {"epost": c.email2}}, "doc_as_upsert": False}, separators=(",", ":")))
            c.p.ident("email", c.email2, c.email2, path, "update doc.kontakt.epost")
            updated.append(c)
        for _ in range(rng.randint(3, 8)):
            lines.append(json.dumps({"delete": {"_index": "kliendiregister-v3", "_id": f"K0{rng.randint(100000, 999999)}9"}}, separators=(",", ":")))
        doc = case.add(path, "\n".join(lines) + "\n", json_esc=1 if ascii_part else 0)
        for p, what, v, field in recs:
            if what == "name":
                p.nm(v, path, field)
            elif what == "dob":
                p.val("date_of_birth", v, path, field)
            else:
                p.val("postal_address", v, path, field)
        if fi == 1:
            case.decoy("test_account", "37605030299", path, "isikukood", "public test ID code of a QA customer record")
            case.decoy("test_account", "47101010033", path, "isikukood", "QA automation customer record")
            case.decoy("role_mailbox", "kassa.test@allium.test", path, "kontakt.epost", "till test account")
            case.decoy("role_mailbox", "qa.automaat@allium.test", path, "kontakt.epost", "QA test account")

    # --------------------------------------------------------------- 2. API gateway logs (key=value + JSON bodies)
    gw_users = [c for c in index if rng.random() < 0.4]
    days = ["2023-10-01", "2023-10-02", "2023-10-03"]
    per_day = {d: [] for d in days}
    for c in gw_users:
        per_day[rng.choice(days)].append(c)
    for day in days:
        path = f"api-gateway/loyalty-gw-{day}.log"
        events = []
        base = int(dt.datetime.fromisoformat(day + "T06:00:00+03:00").timestamp())
        for c in per_day[day]:
            for _ in range(rng.randint(1, 3)):
                events.append((rng.randint(0, 16 * 3600), c))
        for _ in range(len(events) // 6 + 3):
            events.append((rng.randint(0, 16 * 3600), None))
        events.sort(key=lambda e: (e[0], e[1].knr if e[1] else ""))
        out = []
        decoyed = 0
        for off, c in events:
            ts = base + off
            stamp = dt.datetime.fromtimestamp(ts, dt.timezone(dt.timedelta(hours=3))).strftime("%Y-%m-%dT%H:%M:%S") + f".{rng.randint(0, 999):03d}+03:00"
            trace = "%016x" % rng.getrandbits(64)
            store = f"pos-A{rng.randint(100, 999):04d}"
            head = f"{stamp} level=info svc=loyalty-gw trace={trace}"
            if c is None:
                r = rng.random()
                if r < 0.5:
                    bad = _ik_fail(rng)
                    out.append(f"{stamp} level=warn svc=loyalty-gw trace={trace} method=POST path=/v2/members/lookup status=404 "
                               f"dur_ms={rng.randint(5, 60)} client={store} ts={ts} msg=\"member not found\" "
                               f"body={{\"personalCode\":\"{bad}\",\"channel\":\"POS\"}}")
                    if decoyed < 6:
                        case.decoy("invalid_id_code", bad, path, "body.personalCode", "typed at the till, fails the check", must_fail=True)
                        decoyed += 1
                elif r < 0.7:
                    out.append(f"{head} method=GET path=/admin/export/segments status=200 dur_ms={rng.randint(200, 4000)} "
                               f"user=it.hooldus@allium.test ts={ts} rows={rng.randint(1000, 90000)}")
                else:
                    out.append(f"{head} method=GET path=/health status=200 dur_ms=1 client=lb-01 ts={ts}")
                continue
            p = c.p
            kind = rng.random()
            if c.ik and kind < 0.45:
                out.append(f"{head} method=POST path=/v2/members/lookup status=200 dur_ms={rng.randint(8, 90)} client={store} "
                           f"ts={ts} body={{\"personalCode\":\"{c.ik}\",\"channel\":\"POS\",\"storeId\":\"{store[4:]}\"}} "
                           f"resp={{\"memberId\":\"{c.knr}\",\"tier\":\"{rng.choice(['BASIC', 'GOLD', 'PLATINUM'])}\"}}")
                p.ident("ee_isikukood", c.ik, c.ik, path, "body.personalCode")
            elif kind < 0.75:
                b, v = rng.choice(c.cards)
                body = {"cardNo": v}
                if c.ik:
                    body["personalCode"] = c.ik
                if c.email:
                    raw = ids.render_email(rng, c.email, caps=0.2)
                    body["email"] = raw
                out.append(f"{head} method=POST path=/v2/cards/activate status=201 dur_ms={rng.randint(20, 140)} client=web "
                           f"ts={ts} body={json.dumps(body, separators=(',', ':'))}")
                p.ident("loyalty_card", v, v, path, "body.cardNo")
                if c.ik:
                    p.ident("ee_isikukood", c.ik, c.ik, path, "body.personalCode")
                if c.email:
                    p.ident("email", c.email, raw, path, "body.email")
            elif c.email or c.phone:
                body = {}
                if c.email:
                    body["email"] = c.email
                if c.phone:
                    body["phone"] = "+372" + c.phone[0]
                body["consent"] = True
                inner = json.dumps(body, separators=(",", ":"))
                out.append(f"{stamp} level=info svc=crm-sync trace={trace} method=PUT path=/v2/members/{c.knr}/contact status=204 "
                           f"dur_ms={rng.randint(10, 70)} ts={ts} body=" + json.dumps(inner))
                if c.email:
                    p.ident("email", c.email, c.email, path, "body.email (quoted JSON)")
                if c.phone:
                    p.ident("phone", c.phone[1], "+372" + c.phone[0], path, "body.phone (quoted JSON)")
            else:
                b, v = rng.choice(c.cards)
                out.append(f"{head} method=GET path=/v2/cards/{v}/balance status=200 dur_ms={rng.randint(3, 30)} client={store} ts={ts}")
                p.ident("loyalty_card", v, v, path, "path card")
        doc = case.add(path, "\n".join(out) + "\n", json_esc=1)
        # a couple of epoch timestamps as decoys (they fail every check)
        for line in out[:40]:
            t = line.split(" ts=")[1].split(" ")[0]
            if not check.any_person_id(t):
                case.decoy("epoch_timestamp", t, path, "ts", "Unix time of the request")
                break
        case.decoy("role_mailbox", "it.hooldus@allium.test", path, "user", "IT maintenance account exporting segments")

    # --------------------------------------------------------------- 3. app telemetry (JSON Lines)
    app_users = [c for c in custs if c.app]
    tdays = ["2023-10-01", "2023-10-02", "2023-10-03", "2023-10-04"]
    buckets = {d: [] for d in tdays}
    for c in app_users:
        for _ in range(rng.randint(1, 4)):
            buckets[rng.choice(tdays)].append(c)
    ean_decoys = 0
    for day in tdays:
        path = f"mobiilirakendus/segment-export/events_{day}.jsonl"
        lines = []
        recs = []
        evs = sorted(((f"{day}T{rng.randint(6, 23):02d}:{rng.randint(0, 59):02d}:{rng.randint(0, 59):02d}.{rng.randint(0, 999):03d}Z", c)
                      for c in buckets[day]), key=lambda e: (e[0], e[1].knr))
        for ts, c in evs:
            p = c.p
            card = next(v for b, v in c.cards if b == "APTEEK")
            ev = rng.choices(["app_opened", "card_shown", "offer_viewed", "purchase_completed", "profile_updated"], [2, 2, 2, 3, 1])[0]
            if not c.in_index and ev != "purchase_completed":
                ev = "profile_updated"
            user = {"id": c.knr, "email": c.email, "loyaltyCard": card,
                    "locale": {"et": "et-EE", "ru": "ru-EE", "en": "en-GB"}[c.lang]}
            if ev == "profile_updated" or rng.random() < 0.5:
                user["name"] = {"first": c.nm.given, "last": c.nm.surname}
                recs.append((p, [c.nm.given, c.nm.surname], "user.name"))
            p.ident("email", c.email, c.email, path, "user.email")
            p.ident("loyalty_card", card, card, path, "user.loyaltyCard")
            props = {}
            if ev == "purchase_completed":
                store = rng.choice(STORES["APTEEK"])
                items = rng.sample(OTC, rng.randint(1, 3))
                props = {"store": f"Südameapteek {store}", "products": [{"ean": e, "name": nm, "qty": rng.randint(1, 2), "price": pr} for e, nm, pr in items],
                         "currency": "EUR"}
                props["total"] = round(sum(x["qty"] * x["price"] for x in props["products"]), 2)
                p.el("purchase_history", path, "properties.products")
                p.el("health_data", path, "properties.products (OTC medicines)", req=False)
                if ean_decoys < 4:
                    case.decoy("product_ean", items[0][0], path, "properties.products.ean", "product EAN-13, not a person's card")
                    ean_decoys += 1
            elif ev == "offer_viewed":
                props = {"offerId": f"OF-{rng.randint(1000, 9999)}", "title": rng.choice(["-20% vitamiinid", "2+1 päikesekaitse", "Kingitus sünnipäevaks"])}
            b64 = base64.b64encode(json.dumps({"q": rng.choice(["ibuprofeen", "d vitamiin", "plaaster", "kreem", ""]),
                                               "exp": rng.choice(["A", "B"]), "sess": rng.randint(1, 40)}).encode()).decode()
            lines.append(json.dumps({"type": "track", "event": ev, "timestamp": ts,
                                     "anonymousId": "%08x-%04x-4%03x-a%03x-%012x" % (rng.getrandbits(32), rng.getrandbits(16), rng.getrandbits(12), rng.getrandbits(12), rng.getrandbits(48)),
                                     "user": user,
                                     "context": {"app": {"name": "Allium Kliendikaart", "version": rng.choice(["5.11.2", "5.12.0"])},
                                                 "device": {"model": rng.choice(["SM-A525F", "iPhone14,5", "Pixel 7", "iPhone12,1"]),
                                                            "os": rng.choice(["Android 13", "iOS 16.6", "iOS 17.0"])},
                                                 "ip": f"192.0.2.{rng.randint(1, 254)}"},
                                     "properties": props, "props_b64": b64}, ensure_ascii=False))
        case.add(path, "\n".join(lines) + "\n")
        for p, parts, field in recs:
            p.nm(parts, path, field)

    # --------------------------------------------------------------- 4. support mail forwarded from Outlook
    mailers = [c for c in index if c.email and not c.family and (c.ik or c.cards)]
    rng.shuffle(mailers)
    agents = [("Kätlin Saar", "katlin.saar@allium.test", "+372 640 1123"), ("Marina Petrova", "marina.petrova@allium.test", "+372 640 1187"),
              ("Helen Kask", "helen.kask@allium.test", "+372 640 1150")]
    agent_used = set()
    for k, c in enumerate(mailers[:rng.randint(48, 60)]):
        p = c.p
        an, am, aph = agents[k % 3]
        date = dt.datetime(2023, 9, 1, 8, 0) + dt.timedelta(days=rng.randint(0, 28), minutes=rng.randint(0, 10 * 60))
        path = f"klienditugi/2023-09/FW_{c.knr}_{date:%Y%m%d%H%M}.eml"
        cs = "windows-1257" if c.lang != "ru" and rng.random() < 0.35 else "utf-8"
        b, card = rng.choice(c.cards)
        card_raw = f"{card[:4]} {card[4:8]} {card[8:12]} {card[12]}" if rng.random() < 0.5 else card
        new_addr = P.ee_address(rng) if rng.random() < 0.55 else None
        new_phone = P.phone(rng, case, "EE") if rng.random() < 0.5 else None
        ph_raw = ids.render_phone(rng, "EE", new_phone[0])[0] if new_phone else None
        cyr_from = c.lang == "ru" and c.nm.cyr and rng.random() < 0.5
        disp = c.nm.cyr if cyr_from else c.nm.full
        sent = f"{date:%d.%m.%Y %H:%M}"
        if c.lang == "et":
            subj = rng.choice(["Aadressi muutus", "Kliendikaardi andmed", "Palun muutke minu andmeid"])
            lines = ["Tere!", "", f"Palun muutke minu kliendikaardi {card_raw} andmeid."]
            if c.ik:
                lines.append(f"Minu isikukood on {c.ik}.")
            if new_addr:
                lines.append(f"Uus aadress: {new_addr['street']}, {new_addr['zip']} {new_addr['town']}.")
            if new_phone:
                lines.append(f"Uus telefoninumber: {ph_raw}")
            lines += ["", "Tänan!", c.nm.full]
            intro = "Tere, palun muutke kliendi andmed vastavalt allolevale kirjale. Klient tuvastatud kaardi järgi."
            fw = ("-------- Edasi saadetud kiri --------", "Saatja", "Saadetud", "Adressaat", "Teema")
            sign = ["Lugupidamisega", an, "Klienditeenindus | Allium UPI OÜ", f"Tel {aph}", am]
        elif c.lang == "ru":
            subj = rng.choice(["Изменение адреса", "Данные клиентской карты", "Новый телефон"])
            lines = ["Здравствуйте!", "", f"Прошу изменить данные моей клиентской карты {card_raw}."]
            if c.ik:
                lines.append(f"Мой личный код {c.ik}.")
            if new_addr:
                lines.append(f"Новый адрес: {new_addr['street']}, {new_addr['zip']} {new_addr['town']}.")
            if new_phone:
                lines.append(f"Новый телефон: {ph_raw}")
            lines += ["", "С уважением,", c.nm.cyr if c.nm.cyr and rng.random() < 0.6 else c.nm.full]
            intro = "Tere, palun muutke kliendi andmed (venekeelne kiri, tõlge allpool pole vajalik)."
            fw = ("-------- Пересылаемое сообщение --------", "От", "Отправлено", "Кому", "Тема")
            sign = ["Lugupidamisega", an, "Klienditeenindus | Allium UPI OÜ", f"Tel {aph}", am]
        else:
            subj = rng.choice(["Change of address", "Loyalty card details", "Please update my details"])
            lines = ["Hello,", "", f"Please update the details of my loyalty card {card_raw}."]
            if c.ik:
                lines.append(f"My personal ID code is {c.ik}.")
            if new_addr:
                lines.append(f"New address: {new_addr['street']}, {new_addr['zip']} {new_addr['town']}.")
            if new_phone:
                lines.append(f"New phone number: {ph_raw}")
            lines += ["", "Kind regards,", c.nm.full]
            intro = "Hi, please update this customer's details as requested below. Identified by card."
            fw = ("-------- Forwarded Message --------", "From", "Sent", "To", "Subject")
            sign = ["Best regards", an, "Customer service | Allium UPI OÜ", f"Tel {aph}", am]
        signer = lines[-1]
        email_raw = c.email if rng.random() < 0.8 else c.email.capitalize()
        fwd_plain = [fw[0], f"{fw[1]}: {disp} <{email_raw}>", f"{fw[2]}: {sent}", f"{fw[3]}: klienditugi@allium.test",
                     f"{fw[4]}: {subj}", ""] + lines
        plain = "\n".join([intro, ""] + sign + ["", ""] + fwd_plain) + "\n"
        ent = (lambda s: s.replace("õ", "&otilde;").replace("ä", "&auml;").replace("ö", "&ouml;").replace("ü", "&uuml;")) \
            if rng.random() < 0.2 else (lambda s: s)
        esc = lambda s: ent(fmt.xt(s))
        h = ['<html><head><meta http-equiv="Content-Type" content="text/html; charset=' + cs + '">',
             '<style><!-- p.MsoNormal {margin:0cm; font-size:11.0pt; font-family:"Calibri",sans-serif;} --></style></head>',
             '<body lang="ET" link="#0563C1"><div class="WordSection1">', f'<p class="MsoNormal">{esc(intro)}</p>',
             '<p class="MsoNormal">&nbsp;</p>']
        h += [f'<p class="MsoNormal">{esc(s)}</p>' for s in sign[:3]]
        h += [f'<p class="MsoNormal">{esc(sign[3])}<br><a href="mailto:{am}">{am}</a></p>', '<p class="MsoNormal">&nbsp;</p>',
              '<div style="border:none;border-top:solid #E1E1E1 1.0pt;padding:3.0pt 0cm 0cm 0cm">',
              f'<p class="MsoNormal"><b>{esc(fw[1])}:</b> {esc(disp)} &lt;<a href="mailto:{email_raw}">{email_raw}</a>&gt;<br>'
              f'<b>{esc(fw[2])}:</b> {sent}<br><b>{esc(fw[3])}:</b> klienditugi@allium.test<br><b>{esc(fw[4])}:</b> {esc(subj)}</p></div>']
        h += [f'<p class="MsoNormal">{esc(s) if s else "&nbsp;"}</p>' for s in lines]
        h += ["</div></body></html>"]
        html_body = "\n".join(h) + "\n"
        mid = "%032x" % rng.getrandbits(128)
        headers = [("From", fmt.addr(an, am, cs)), ("To", fmt.addr("Andmehaldus", "andmehaldus@allium.test")),
                   ("Subject", fmt.hdr("FW: " + subj, cs)), ("Date", date.strftime("%a, %d %b %Y %H:%M:%S +0300")),
                   ("Message-ID", f"<{mid[:20]}@EXCH01.allium.test>"), ("Thread-Topic", fmt.hdr(subj, cs)),
                   ("X-MS-Has-Attach", ""), ("Content-Language", "et-EE")]
        if rng.random() < 0.6:
            text = fmt.mime_message(headers, html_body=html_body, charset=cs)
        else:
            text = fmt.mime_message(headers, plain=plain, html_body=html_body, charset=cs, boundary=f"_000_{mid[:24]}_")
        case.add(path, text, kind="mail", enc="ascii")
        if cyr_from:
            p.nm([c.nm.cyr], path, "forwarded From")
        else:
            p.nm([c.nm.full], path, "forwarded From")
        if signer != disp:
            p.nm([signer], path, "signature")
        p.ident("email", c.email, email_raw, path, "forwarded From")
        p.ident("loyalty_card", card, card_raw, path, "body card")
        if c.ik:
            p.ident("ee_isikukood", c.ik, c.ik, path, "body ID code")
        if new_addr:
            p.val("postal_address", new_addr["street"], path, "body new address")
        if new_phone:
            p.ident("phone", new_phone[1], ph_raw, path, "body new phone")
        if am not in agent_used:
            agent_used.add(am)
            case.decoy("staff_email", am, path, "signature", "customer-service agent")
            case.decoy("staff_phone", "+372" + aph.replace("+372", "").replace(" ", ""), path, "signature", "customer-service desk line", raw=aph)
            if len(agent_used) == 1:
                case.decoy("role_mailbox", "andmehaldus@allium.test", path, "To", "back-office mailbox")
                case.decoy("role_mailbox", "klienditugi@allium.test", path, "forwarded To", "customer-service mailbox")

    # --------------------------------------------------------------- 5. pet club: Excel 2003 XML Spreadsheet
    pets = [c for c in custs if any(b == "LEMMIK" for b, _ in c.cards)]
    path = "lemmikloom/Lemmikloomaklubi_liikmed_2022.xml"
    rows = []
    recs = []
    chips = 0
    for c in sorted(pets, key=lambda c: c.knr):
        p = c.p
        card = next(v for b, v in c.cards if b == "LEMMIK")
        owner = f"{c.nm.surname.upper()} {c.nm.given}"
        chip = "233" + "".join(str(rng.randint(0, 9)) for _ in range(12))
        cells = [("Number", card), ("String", owner), ("Number" if c.ik else "String", c.ik or ""),
                 ("String", ids.render_phone(rng, "EE", c.phone[0])[0] if c.phone else ""),
                 ("String", c.email or ""), ("String", rng.choice(["Muri", "Pätu", "Liisu", "Rex", "Miisu", "Bella", "Nublu"])),
                 ("String", rng.choice(["koer", "kass", "kass", "küülik"])), ("String", chip),
                 ("DateTime", f"{P.ids.rand_date(rng, 2015, 2022):%Y-%m-%d}T00:00:00.000")]
        rows.append(cells)
        p.ident("loyalty_card", card, card, path, "Kaardi nr")
        recs.append((p, owner))
        if c.ik:
            p.ident("ee_isikukood", c.ik, c.ik, path, "Isikukood")
        if c.phone:
            p.ident("phone", c.phone[1], cells[3][1], path, "Telefon")
        if c.email:
            p.ident("email", c.email, c.email, path, "E-post")
        if chips < 5:
            case.decoy("pet_microchip", chip, path, "Mikrokiip", "pet's ISO 11784 microchip")
            chips += 1
    head = ["Kaardi nr", "Omanik", "Isikukood", "Telefon", "E-post", "Lemmiklooma nimi", "Liik", "Mikrokiip", "Liitunud"]
    x = ['<?xml version="1.0"?>', '<?mso-application progid="Excel.Sheet"?>',
         '<Workbook xmlns="urn:schemas-microsoft-com:office:spreadsheet" xmlns:o="urn:schemas-microsoft-com:office:office" '
         'xmlns:x="urn:schemas-microsoft-com:office:excel" xmlns:ss="urn:schemas-microsoft-com:office:spreadsheet" '
         'xmlns:html="http://www.w3.org/TR/REC-html40">',
         ' <DocumentProperties xmlns="urn:schemas-microsoft-com:office:office"><Author>Lemmikloomaklubi</Author>'
         '<Created>2022-12-30T10:14:00Z</Created><Version>16.00</Version></DocumentProperties>',
         ' <Styles><Style ss:ID="s62"><NumberFormat ss:Format="0"/></Style><Style ss:ID="s63"><NumberFormat ss:Format="Short Date"/></Style></Styles>',
         ' <Worksheet ss:Name="Liikmed">', f'  <Table ss:ExpandedColumnCount="{len(head)}" ss:ExpandedRowCount="{len(rows) + 1}" x:FullColumnsVisibleWidth="1">',
         '   <Row>' + "".join(f'<Cell><Data ss:Type="String">{h}</Data></Cell>' for h in head) + '</Row>']
    for cells in rows:
        cx = []
        for t, v in cells:
            if v == "":
                cx.append("<Cell/>")
            else:
                st = ' ss:StyleID="s62"' if t == "Number" else (' ss:StyleID="s63"' if t == "DateTime" else "")
                cx.append(f'<Cell{st}><Data ss:Type="{t}">{fmt.xe(v)}</Data></Cell>')
        x.append("   <Row>" + "".join(cx) + "</Row>")
    x += ['  </Table>', ' </Worksheet>', ' <Worksheet ss:Name="Kokkuvõte">', '  <Table>',
          f'   <Row><Cell><Data ss:Type="String">Liikmeid kokku</Data></Cell><Cell><Data ss:Type="Number">{len(rows)}</Data></Cell></Row>',
          '  </Table>', ' </Worksheet>', '</Workbook>']
    case.add(path, "\r\n".join(x) + "\r\n", kind="xml")
    for p, owner in recs:
        p.nm(owner, path, "Omanik")

    # --------------------------------------------------------------- 6. till electronic journals (windows-1257)
    orphan_cards = [ids.ean13(rng.choice(["2900", "2910"]), rng) for _ in range(14)]
    orphan_cards = [v for v in orphan_cards if case.claim("loyalty_card", v)]
    receipt_decoys = 0
    orphan_seen = set()
    for brand in ("APTEEK", "ILU"):
        holders = [(c, v) for c in custs for b, v in c.cards if b == brand and rng.random() < 0.55]
        by_store = {s: [] for s in STORES[brand]}
        for c, v in holders:
            for _ in range(rng.randint(1, 3)):
                by_store[rng.choice(STORES[brand])].append((c, v))
        orph = [v for v in orphan_cards if v.startswith(BRANDS[brand][0])]
        for si, (store, lst) in enumerate(by_store.items()):
            path = f"kassad/ej/{brand}_{ids.ascii_fold(store).replace(' ', '_')}_2023-09.txt"
            tills = []
            for c, v in lst:
                tills.append((c, v))
            for v in orph:
                if rng.random() < 0.5:
                    tills.append((None, v))
            for _ in range(len(lst) // 2 + 2):
                tills.append((None, None))
            rng.shuffle(tills)
            out = []
            t0 = dt.datetime(2023, 9, 1, 8, 0)
            for k, (c, v) in enumerate(tills):
                when = t0 + dt.timedelta(minutes=rng.randint(0, 29 * 24 * 60))
                rid = _ik_fail(rng)
                prods = rng.sample(OTC if brand == "APTEEK" else BEAUTY, rng.randint(1, 3))
                out += ["=" * 48, f"{BRANDS[brand][1].upper():<20}{store:<20}Kassa {rng.randint(1, 6):02d}",
                        f"Tšeki ID {rid}".ljust(30) + when.strftime("%d.%m.%Y %H:%M").rjust(18),
                        f"Kassapidaja: {rng.choice(['Kätlin', 'Sirje', 'Jelena', 'Tõnu', 'Anneli'])}", "-" * 48]
                tot = 0
                for e, nm, pr in prods:
                    q = rng.randint(1, 2)
                    tot += q * pr
                    out.append(f"{nm[:28]:<28}{q:>2} x{pr:>7.2f}{q * pr:>9.2f}")
                out += ["-" * 48, f"{'KOKKU':<39}{tot:>9.2f}"]
                if v:
                    raw = f"{v[:4]} {v[4:8]} {v[8:12]} {v[12]}" if rng.random() < 0.5 else v
                    out.append(f"Kliendikaart: {raw}")
                    disc = round(tot * 0.05, 2)
                    out.append(f"{'Soodustus -5%':<39}{-disc:>9.2f}")
                    if c is not None:
                        c.p.ident("loyalty_card", v, raw, path, "Kliendikaart")
                        c.p.el("purchase_history", path, "receipt lines (joined by card)")
                        if brand == "APTEEK":
                            c.p.el("health_data", path, "receipt lines (OTC medicines)", req=False)
                    elif v not in orphan_seen:
                        orphan_seen.add(v)
                        case.decoy("orphan_loyalty_card", v, path, "Kliendikaart", "card with no owner anywhere in the leak", raw=raw)
                out.append(f"Makstud: {rng.choice(['SULARAHA', 'KAART **** ' + str(rng.randint(1000, 9999))])}")
                if receipt_decoys < 8 and rng.random() < 0.3:
                    case.decoy("receipt_id", rid, path, "Tšeki ID", "receipt number shaped like an ID code; fails every check", must_fail=True)
                    receipt_decoys += 1
            out.append("=" * 48)
            case.add(path, "\r\n".join(out) + "\r\n", enc="windows-1257")
    return case
