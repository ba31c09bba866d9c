"""Case 1 — pharmacy/beauty/pet loyalty system (Estonia, Allium-UPI-like)."""
import json

import idcodes
import names as N
from common import Case, fold
from util import rdate, rdt, csv_text, email_for, sql_str

DOMAINS = ["example.com", "example.net", "example.org", "post.test", "mail.test"]
STREETS = ["Tamme tn", "Pikk tn", "Kase tn", "Jõe tn", "Lille tn", "Pärnu mnt", "Narva mnt", "Tartu mnt",
           "Kalda tee", "Mere pst", "Õie tn", "Männi põik", "Vabriku tn", "Küüni tn"]
CITIES = [("Tallinn", 10111, 13999), ("Tartu", 50101, 51999), ("Pärnu", 80010, 80099), ("Narva", 20101, 20999),
          ("Kohtla-Järve", 30101, 30399), ("Viljandi", 71001, 71099), ("Rakvere", 44301, 44399),
          ("Haapsalu", 90501, 90599), ("Kuressaare", 93801, 93899), ("Võru", 65601, 65699)]
PHARMA = [("Ibuprofen 400mg N20", "4740001"), ("Paracetamol 500mg N20", "4740002"), ("C-vitamiin 1000 N30", "4740003"),
          ("Nasaalsprei 10ml", "4740004"), ("Kurgupastillid N24", "4740005"), ("Plaastrid 20tk", "4740006"),
          ("D3-vitamiin 2000IU N90", "4740007"), ("Kõhulahtisuse vastane N10", "4740008"),
          ("Raseduse test 2tk", "4740009"), ("Allergia tabletid N10", "4740010")]
BEAUTY = [("Näokreem 50ml", "4741101"), ("Šampoon 250ml", "4741102"), ("Huulepalsam", "4741103"),
          ("Ripsmetušš must", "4741104")]
PET = [("Kassitoit 2kg", "4742201"), ("Koeramaius 500g", "4742202"), ("Kassiliiv 10l", "4742203"),
       ("Kirbuvastane kaelarihm", "4742204")]
PETNAMES = [("Muri", "cat"), ("Pitsu", "dog"), ("Rex", "dog"), ("Miisu", "cat"), ("Nurru", "cat"), ("Bella", "dog"),
            ("Tom", "cat"), ("Lotte", "dog"), ("Kiisu", "cat"), ("Polla", "rabbit")]


def _ee_phone_raw(rng, e164):
    n = e164[4:]                      # 8 digits, starts with 5
    return rng.choice([f"{n[:4]} {n[4:]}", f"+372 {n[:4]} {n[4:]}", f"+372{n}", n, f"(+372) {n}", f"372{n}"])


def build(rng):
    c = Case("case1_allium_loyalty", rng)
    persons = []

    def new_person(lang, surname_fixed=None, email_only=False, male=None):
        male = rng.random() < 0.45 if male is None else male
        for _ in range(200):
            if lang == "ru":
                g, gc = rng.choice(N.RU_M if male else N.RU_F)
                s, sc = surname_fixed or rng.choice(N.RU_S)
                if not male and surname_fixed is None:
                    s, sc = s + "a", sc + "а"
                name, cyr = f"{g} {s}", f"{gc} {sc}"
            else:
                g = rng.choice(N.EE_M if male else N.EE_F)
                s = surname_fixed[0] if surname_fixed else rng.choice(N.EE_S1) + rng.choice(N.EE_S2)
                name, cyr = f"{g} {s}", None
            if name not in c.used["name"]:
                c.used["name"].add(name)
                break
        p = c.person(name)
        p["lang"], p["given"], p["sur"], p["cyr"], p["male"] = lang, g, s, cyr, male
        p["dob"] = rdate(rng, 1934, 2005)
        if not email_only:
            p["nid"] = c.unique("nid", lambda: idcodes.ee_isikukood(p["dob"], male, rng.randrange(1000)))
            p["card"] = c.unique("card", lambda: idcodes.ean13("2000" + f"{rng.randrange(10**8):08d}"))
            p["phone"] = c.unique("phone", lambda: f"+3725{rng.randrange(10**7):07d}") if rng.random() < 0.35 else None
            if rng.random() < 0.5:
                city, z0, z1 = rng.choice(CITIES)
                p["addr"] = (f"{rng.choice(STREETS)} {rng.randint(1, 120)}" + (f"-{rng.randint(1, 80)}" if rng.random() < 0.6 else ""),
                             city, str(rng.randint(z0, z1)))
            else:
                p["addr"] = None
        else:
            p["nid"] = p["card"] = p["phone"] = p["addr"] = None
            p.note = "newsletter subscriber only (no loyalty card)"
        p["email"] = c.unique("email", lambda: email_for(rng, g, s, DOMAINS)) if (email_only or rng.random() < 0.85) else None
        persons.append(p)
        return p

    langs = ["et"] * 6 + ["ru"] * 3 + ["en"]
    for i in range(820):
        new_person(rng.choice(langs))
    # households: spouse/child sharing one e-mail, each with own ID code
    for i in range(24):
        a = rng.choice([p for p in persons if p["email"] and p["nid"] and not p.household])
        b = new_person(a["lang"], surname_fixed=(a["sur"], (a["cyr"] or " ").split(" ")[-1]), male=a["male"])
        b["email"] = a["email"]
        a.household = b.household = True
        a.note = f"household e-mail shared with {b.tid}"
        b.note = f"household e-mail shared with {a.tid}"
        c.households.add(a["email"])
    for i in range(60):
        new_person(rng.choice(langs), email_only=True)

    idp = [p for p in persons if p["nid"]]
    for p in idp:
        r = rng.random()
        p["in_pharm"] = r < 0.65
        p["in_beauty"] = rng.random() < 0.25
        p["in_pet"] = rng.random() < 0.18
        p["in_sql"] = rng.random() < 0.45
        if not (p["in_pharm"] or p["in_beauty"] or p["in_pet"] or p["in_sql"]):
            p["in_pharm"] = True

    # ------------------------------------------------------------ pharmacy CSV (Windows-1257, title rows)
    rel = "Apteek/kliendikaardid_eksport_20230530.csv"
    rows = [["Allium UPI / apteegikett – kliendikaardi omanikud"], ["Aruanne genereeritud 30.05.2023 14:02", "Kasutaja: aruanne_bot"], [],
            ["Kliendi nr", "Kaardi nr", "Isikukood", "Eesnimi", "Perekonnanimi", "E-post", "Telefon", "Aadress", "Keel",
             "Liitumise kpv", "Turundusnõusolek"]]
    for k, p in enumerate([p for p in idp if p["in_pharm"]]):
        em = p["email"]
        emraw = None
        if em:
            emraw = em.upper() if rng.random() < 0.1 else (em[0].upper() + em[1:] if rng.random() < 0.2 else em)
            c.ident(p, rel, "E-post", "email", em, emraw)
        ph = None
        if p["phone"]:
            ph = _ee_phone_raw(rng, p["phone"])
            c.ident(p, rel, "Telefon", "phone", p["phone"], ph)
        addr = None
        if p["addr"]:
            addr = f"{p['addr'][0]}\n{p['addr'][1]} {p['addr'][2]}" if rng.random() < 0.5 else f"{p['addr'][0]}, {p['addr'][2]} {p['addr'][1]}"
            c.el(p, rel, "Aadress", "postal_address")
        c.ident(p, rel, "Isikukood", "ee_isikukood", p["nid"], p["nid"])
        c.ident(p, rel, "Kaardi nr", "loyalty_card", p["card"], p["card"])
        c.name(p, rel, "Perekonnanimi", p["sur"], variant=False)
        c.name(p, rel, "Eesnimi", p["given"], variant=False)
        c.el(p, rel, "Isikukood", "date_of_birth", optional=True)
        cl = f"K{300000 + k * 7:06d}"
        rows.append([cl, p["card"], p["nid"], p["given"], p["sur"], emraw, ph, addr,
                     p["lang"].upper(), rdate(rng, 2012, 2023).strftime("%d.%m.%Y"), rng.choice(["Jah", "Ei"])])
    rows.append([])
    rows.append([f"Kokku: {len(rows) - 5} klienti"])
    c.add_file(rel, csv_text(rows, ";"), "cp1257")

    # ------------------------------------------------------------ beauty chain, UTF-16 tab export, "Surname, Given"
    rel = "Ilukett/members_export.txt"
    lines = ["MemberID\tCardNo\tPersonal code\tName\tEmail\tMobile\tBirthday\tTier\tPoints"]
    for k, p in enumerate([p for p in idp if p["in_beauty"]]):
        nm = f"{p['sur']}, {p['given']}"
        c.name(p, rel, "Name", nm)
        c.ident(p, rel, "CardNo", "loyalty_card", p["card"], p["card"])
        pc = ""
        if rng.random() < 0.8:
            pc = p["nid"]
            c.ident(p, rel, "Personal code", "ee_isikukood", p["nid"], pc)
        em = ""
        if p["email"]:
            em = p["email"]
            c.ident(p, rel, "Email", "email", em, em)
        mob = ""
        if p["phone"]:
            mob = p["phone"]
            c.ident(p, rel, "Mobile", "phone", mob, mob)
        bd = p["dob"].strftime("%d.%m.%Y")
        c.el(p, rel, "Birthday", "date_of_birth")
        lines.append("\t".join([f"B{k + 1:05d}", p["card"], pc, nm, em, mob, bd, rng.choice(["Silver", "Gold", "Basic"]),
                                str(rng.randint(0, 9000))]))
    c.add_file(rel, "\r\n".join(lines) + "\r\n", "utf-16le")

    # ------------------------------------------------------------ pet chain, nested JSON (pets are not persons)
    rel = "Lemmikloom/petcity_customers.json"
    custs = []
    for k, p in enumerate([p for p in idp if p["in_pet"]]):
        person = {"firstName": p["given"], "lastName": p["sur"]}
        c.name(p, rel, "person.lastName", p["sur"], variant=False)
        if rng.random() < 0.7:
            person["personalCode"] = p["nid"]
            c.ident(p, rel, "person.personalCode", "ee_isikukood", p["nid"], p["nid"])
        billing = {}
        if p["email"]:
            billing["email"] = p["email"]
            c.ident(p, rel, "billing.email", "email", p["email"], p["email"])
        if p["phone"]:
            billing["phone"] = "+372 " + p["phone"][4:]
            c.ident(p, rel, "billing.phone", "phone", p["phone"], billing["phone"])
        if p["addr"]:
            billing["address"] = {"street": p["addr"][0], "city": p["addr"][1], "postalCode": p["addr"][2], "country": "EE"}
            c.el(p, rel, "billing.address", "postal_address")
        pets = []
        for _ in range(rng.randint(1, 2)):
            pn, sp = rng.choice(PETNAMES)
            chip = "233" + f"{rng.randrange(10**12):012d}"
            pets.append({"name": pn, "species": sp, "chip": chip, "birthYear": rng.randint(2008, 2022)})
            c.decoy(chip, "pet_microchip", rel, "pets.chip")
        c.ident(p, rel, "loyalty.cardNumber", "loyalty_card", p["card"], p["card"])
        custs.append({"customerId": 880000 + k * 3, "loyalty": {"cardNumber": p["card"], "tier": rng.choice(["SILVER", "GOLD"])},
                      "person": person, "billing": billing,
                      "shipping": {"sameAsBilling": True} if p["addr"] else {"method": "pickup", "store": "PC-0" + str(rng.randint(10, 40))},
                      "pets": pets, "preferredLanguage": p["lang"]})
    c.add_file(rel, json.dumps({"exportedAt": "2023-05-29T22:00:00Z", "source": "PetCity Loyalty", "customers": custs},
                               ensure_ascii=False, indent=2))

    # ------------------------------------------------------------ MySQL dump, address in a joined table
    rel = "db/upi_loyalty_2023-05-30.sql"
    sqlp = [p for p in idp if p["in_sql"]]
    out = ["-- MySQL dump 10.13  Distrib 8.0.33, for Linux (x86_64)", "--", "-- Host: upi-db-02    Database: loyalty",
           "-- ------------------------------------------------------", "/*!40101 SET NAMES utf8mb4 */;", "",
           "DROP TABLE IF EXISTS `klient`;",
           "CREATE TABLE `klient` (\n  `id` int NOT NULL AUTO_INCREMENT,\n  `isikukood` char(11) DEFAULT NULL,\n"
           "  `eesnimi` varchar(80) NOT NULL,\n  `perenimi` varchar(80) NOT NULL,\n  `email` varchar(190) DEFAULT NULL,\n"
           "  `telefon` varchar(20) DEFAULT NULL,\n  `keel` char(2) DEFAULT 'et',\n  `kaart` char(13) NOT NULL,\n"
           "  `loodud` datetime NOT NULL,\n  PRIMARY KEY (`id`)\n) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4;", "",
           "LOCK TABLES `klient` WRITE;"]
    vals, avals = [], []
    for k, p in enumerate(sqlp):
        kid = 1000 + k
        c.ident(p, rel, "klient.isikukood", "ee_isikukood", p["nid"], p["nid"])
        c.ident(p, rel, "klient.kaart", "loyalty_card", p["card"], p["card"])
        c.name(p, rel, "klient.perenimi", p["sur"], variant=False)
        if p["email"]:
            c.ident(p, rel, "klient.email", "email", p["email"], p["email"])
        if p["phone"]:
            c.ident(p, rel, "klient.telefon", "phone", p["phone"], p["phone"])
        vals.append("(" + ",".join(sql_str(v) for v in [kid, p["nid"], p["given"], p["sur"], p["email"], p["phone"], p["lang"],
                                                        p["card"], rdt(rng, 2015, 1, 1, 2900).strftime("%Y-%m-%d %H:%M:%S")]) + ")")
        if p["addr"]:
            avals.append("(" + ",".join(sql_str(v) for v in [len(avals) + 1, kid, p["addr"][0], p["addr"][1], p["addr"][2], "EE"]) + ")")
            c.el(p, rel, "aadress.tanav (joined on klient_id)", "postal_address")
    for i in range(0, len(vals), 50):
        out.append("INSERT INTO `klient` VALUES " + ",".join(vals[i:i + 50]) + ";")
    out += ["UNLOCK TABLES;", "", "DROP TABLE IF EXISTS `aadress`;",
            "CREATE TABLE `aadress` (\n  `id` int NOT NULL,\n  `klient_id` int NOT NULL,\n  `tanav` varchar(120),\n"
            "  `linn` varchar(60),\n  `indeks` char(5),\n  `riik` char(2)\n) ENGINE=InnoDB;", "LOCK TABLES `aadress` WRITE;"]
    for i in range(0, len(avals), 50):
        out.append("INSERT INTO `aadress` VALUES " + ",".join(avals[i:i + 50]) + ";")
    out += ["UNLOCK TABLES;", "-- Dump completed on 2023-05-30  3:00:01", ""]
    c.add_file(rel, "\n".join(out))

    # ------------------------------------------------------------ purchases NDJSON, joined by card number
    carded = [p for p in idp]
    orphans = []
    for i in range(30):
        oc = c.unique("card", lambda: idcodes.ean13("2000" + f"{rng.randrange(10**8):08d}"))
        orphans.append(oc)
    buyers = [p for p in carded if rng.random() < 0.7]
    months = ["2023-03", "2023-04", "2023-05"]
    evs = {m: [] for m in months}
    for p in buyers:
        for _ in range(rng.randint(1, 5)):
            evs[rng.choice(months)].append(("p", p))
    for oc in orphans:
        evs[rng.choice(months)].append(("o", oc))
    for m in months:
        for _ in range(80):
            evs[m].append(("anon", None))
    for m in months:
        rel = f"ostud/purchases_{m}.ndjson"
        rng.shuffle(evs[m])
        lines = []
        for kind, who in evs[m]:
            y, mo = int(m[:4]), int(m[5:])
            ts = rdt(rng, y, mo, 1, 28)
            shop = rng.choice([("APT", PHARMA), ("ILU", BEAUTY), ("LEM", PET)])
            items = []
            for _ in range(rng.randint(1, 4)):
                nm, pre = rng.choice(shop[1])
                ean = idcodes.ean13(pre + f"{rng.randrange(10**5):05d}")
                items.append({"ean": ean, "name": nm, "qty": rng.randint(1, 3), "price": f"{rng.randint(99, 2999) / 100:.2f}"})
            receipt = f"{shop[0]}-{rng.randint(1, 60):03d}-{ts:%y%m%d}-{rng.randrange(10**5):05d}"
            rec = {"ts": ts.strftime("%Y-%m-%dT%H:%M:%S+03:00"), "store": f"{shop[0]}-{rng.randint(1, 60):03d}",
                   "receipt": receipt, "card": None, "items": items,
                   "total": f"{sum(float(x['price']) * x['qty'] for x in items):.2f}", "channel": rng.choice(["POS", "POS", "eshop"])}
            if kind == "p":
                rec["card"] = who["card"]
                c.ident(who, rel, "card", "loyalty_card", who["card"], who["card"])
                c.el(who, rel, "items (joined by card)", "purchase_history")
                if shop[0] == "APT":
                    c.el(who, rel, "items", "health_data", optional=True)
            elif kind == "o":
                rec["card"] = who
                c.decoy(who, "orphan_loyalty_card_no_owner_in_leak", rel, "card")
            lines.append(json.dumps(rec, ensure_ascii=False))
        c.add_file(rel, "\n".join(lines) + "\n")

    # ------------------------------------------------------------ application log, identifiers inside message strings
    rel = "logs/upi-customer-service-2023-05-27.ndjson"
    lines = []
    logp = rng.sample([p for p in idp if p["email"]], 60)
    for p in logp:
        ts = rdt(rng, 2023, 5, 27, 1)
        emraw = rng.choice([p["email"], p["email"].upper(), p["email"].capitalize()])
        msg = rng.choice([f"Customer {p['nid']} updated e-mail to {emraw}",
                          f"Kliendi {p['nid']} e-post muudetud: {emraw} (allikas: iseteenindus)",
                          f"merge candidate: card={p['card']} personalCode={p['nid']} mail=<{emraw}>"])
        c.ident(p, rel, "msg", "ee_isikukood", p["nid"], p["nid"])
        c.ident(p, rel, "msg", "email", p["email"], emraw)
        if "card=" in msg:
            c.ident(p, rel, "msg", "loyalty_card", p["card"], p["card"])
        lines.append(json.dumps({"@timestamp": ts.strftime("%Y-%m-%dT%H:%M:%S.%f")[:-3] + "Z", "level": "INFO",
                                 "logger": "ee.upi.customer.CustomerService", "thread": f"http-nio-8080-exec-{rng.randint(1, 40)}",
                                 "msg": msg, "traceId": f"{rng.randrange(16**16):016x}"}, ensure_ascii=False))
    for _ in range(40):
        ts = rdt(rng, 2023, 5, 27, 1)
        while True:
            bad = f"{rng.choice('3456')}{rng.randrange(10**10):010d}"
            if not idcodes.any_nid_valid(bad):
                break
        c.decoy(bad, "session_no_bad_checksum", rel, "msg")
        lines.append(json.dumps({"@timestamp": ts.strftime("%Y-%m-%dT%H:%M:%S.%f")[:-3] + "Z", "level": "WARN",
                                 "logger": "ee.upi.auth.SessionFilter", "msg": f"session {bad} expired, user redirected to /login",
                                 "traceId": f"{rng.randrange(16**16):016x}"}))
    rng.shuffle(lines)
    c.add_file(rel, "\n".join(lines) + "\n")

    # ------------------------------------------------------------ support mailbox (mbox), et/ru/en free text; staff are not subjects
    rel = "tugi/klienditugi_2023-05.mbox"
    staff = ["Kadri (klienditugi)", "Marko, Apteegi klienditeenindus", "Svetlana / служба поддержки"]
    msgs = []
    mp = rng.sample([p for p in persons if p["email"]], 45)
    for p in mp:
        ts = rdt(rng, 2023, 5, 2, 25)
        disp = p["cyr"] if (p["lang"] == "ru" and rng.random() < 0.6) else p.name
        emraw = rng.choice([p["email"], p["email"].title()])
        c.ident(p, rel, "From", "email", p["email"], emraw)
        c.name(p, rel, "From", disp)
        body = []
        if p["lang"] == "ru":
            s = "Здравствуйте!"
            if p["nid"]:
                s += f" Мой личный код {p['nid']}, номер карты {p['card']}."
            if p["phone"]:
                s += f" Прошу обновить мой номер телефона: {p['phone'][4:8]} {p['phone'][8:]}."
            else:
                s += " Прошу удалить меня из рассылки."
            body = [s, "", "С уважением,", disp]
        elif p["lang"] == "et":
            s = "Tere!"
            if p["nid"]:
                s += f" Minu isikukood on {p['nid']} ja kliendikaardi number {p['card']}."
            if p["phone"]:
                s += f" Palun muutke mu telefoninumber: +372 {p['phone'][4:]}."
            else:
                s += " Palun eemaldage mind uudiskirja listist."
            body = [s, "", "Lugupidamisega", disp]
        else:
            s = "Hello,"
            if p["nid"]:
                s += f" my personal code is {p['nid']} (card {p['card']})."
            if p["phone"]:
                s += f" Please call me back on {p['phone'][:4]} {p['phone'][4:]}."
            else:
                s += " Please unsubscribe me from the newsletter."
            body = [s, "", "Best regards,", disp]
        if p["nid"]:
            c.ident(p, rel, "body", "ee_isikukood", p["nid"], p["nid"])
            c.ident(p, rel, "body", "loyalty_card", p["card"], p["card"])
        if p["phone"]:
            raw = {"ru": f"{p['phone'][4:8]} {p['phone'][8:]}", "et": f"+372 {p['phone'][4:]}", "en": f"{p['phone'][:4]} {p['phone'][4:]}"}[p["lang"]]
            c.ident(p, rel, "body", "phone", p["phone"], raw)
        msgs.append(f"From {p['email']} {ts:%a %b %d %H:%M:%S %Y}\nFrom: {disp} <{emraw}>\n"
                    f"To: Apteegi klienditugi <klienditugi@apteek.test>\nSubject: Kliendikaart / Карта клиента\n"
                    f"Date: {ts:%a, %d %b %Y %H:%M:%S} +0300\nMessage-ID: <{rng.randrange(16**12):012x}@mail.test>\n"
                    f"Content-Type: text/plain; charset=utf-8\n\n" + "\n".join(body) + "\n")
        st = rng.choice(staff)
        ts2 = ts.replace(hour=min(ts.hour + 2, 20))
        msgs.append(f"From klienditugi@apteek.test {ts2:%a %b %d %H:%M:%S %Y}\nFrom: Apteegi klienditugi <klienditugi@apteek.test>\n"
                    f"To: {p['email']}\nSubject: Re: Kliendikaart\nDate: {ts2:%a, %d %b %Y %H:%M:%S} +0300\n\n"
                    f"Tere / Здравствуйте,\n\naitäh, muudatus on tehtud. / спасибо, изменения внесены.\n\n{st}\n"
                    f"Klienditugi, tel 600 0000, klienditugi@apteek.test\n")
    c.add_file(rel, "\n".join(msgs))

    # ------------------------------------------------------------ Mailchimp-style newsletter export
    rel = "turundus/uudiskiri_members_export_2023-05.csv"
    hdr = ["Email Address", "First Name", "Last Name", "Keel", "MEMBER_RATING", "OPTIN_TIME", "OPTIN_IP", "CONFIRM_TIME",
           "CONFIRM_IP", "LATITUDE", "LONGITUDE", "GMTOFF", "DSTOFF", "TIMEZONE", "CC", "REGION", "LAST_CHANGED", "LEID", "EUID", "NOTES"]
    rows = [hdr]
    seen = set()
    for p in persons:
        if not p["email"] or p["email"] in seen:
            continue
        if not (p["nid"] is None or rng.random() < 0.35):
            continue
        seen.add(p["email"])
        fn, ln = p["given"], p["sur"]
        if p["nid"] is None and rng.random() < 0.3:
            fn = ln = ""
        emraw = p["email"].upper() if rng.random() < 0.15 else p["email"]
        c.ident(p, rel, "Email Address", "email", p["email"], emraw)
        if fn:
            c.name(p, rel, "Last Name", ln, variant=False)
        t = rdt(rng, 2019, 1, 1, 1500)
        leid = str(rng.randint(10**8, 10**9 - 1))
        rows.append([emraw, fn, ln, p["lang"], rng.randint(1, 5), t.strftime("%Y-%m-%d %H:%M:%S"), f"192.0.2.{rng.randint(1, 254)}",
                     t.strftime("%Y-%m-%d %H:%M:%S"), f"198.51.100.{rng.randint(1, 254)}", "", "", "", "", "", "EE", "", "", leid,
                     f"{rng.randrange(16**10):010x}", ""])
    for p in persons:
        if p["nid"] is None and not p.elements:
            # every email-only subscriber must appear somewhere
            c.ident(p, rel, "Email Address", "email", p["email"], p["email"])
            rows.append([p["email"], p["given"], p["sur"], p["lang"], 2, "", "", "", "", "", "", "", "", "", "EE", "", "", "", "", ""])
            c.name(p, rel, "Last Name", p["sur"], variant=False)
    c.add_file(rel, csv_text(rows, ","))
    for p in persons:
        if "national_id" in p.elements and "date_of_birth" not in p.elements:
            c.el(p, p.prov["national_id"][0].split(" [")[0], "national_id (birth date encoded)", "date_of_birth", optional=True)
        if p.elements and "name" not in p.elements and "name" not in p.optional:
            p.name = ""      # the leak never gives this person's name
    return c
