"""Case 1: pharmacy/beauty/pet loyalty system (Estonia)."""
import datetime as dt

import people
from common import Case, csv_line
from shared import ids, check

OTC = ["Ibuprofen 400 mg N20", "Paracetamol 500 mg N30", "Vitamiin D3 2000 IU N90", "Nasaalsprei 0,1%", "Kurgupastillid N24",
       "Magneesium B6 N50", "Omega-3 N60", "Allergiatabletid N10", "Silmatilgad 10 ml", "Plaaster 20 tk", "Probiootikum N30"]
BEAUTY = ["Näokreem 50 ml", "Šampoon 250 ml", "Huulepalsam", "Kätekreem 75 ml", "Päikesekreem SPF50", "Ripsmetušš"]
PET = ["Kassitoit 2 kg", "Koeratoit 12 kg", "Kassiliiv 10 l", "Närimiskont", "Kirbutilgad koerale"]
STORES = ["A014 Tallinn Kristiine", "A022 Tartu Lõunakeskus", "A031 Narva Astri", "A045 Pärnu Port Artur", "B007 Tallinn Ülemiste",
          "B012 Tartu Eeden", "L003 Tallinn Rocca al Mare", "L009 Rakvere Põhjakeskus"]
ET_DAYS = ["esmaspäev", "teisipäev", "kolmapäev", "neljapäev", "reede", "laupäev", "pühapäev"]
ET_MONTHS = ["jaanuar", "veebruar", "märts", "aprill", "mai", "juuni", "juuli", "august", "september", "oktoober", "november",
             "detsember"]
EN_DAYS = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"]
EN_MONTHS = ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November",
             "December"]


def sql_str(v):
    if v is None:
        return "null"
    return "'" + str(v).replace("'", "''") + "'"


def redis_repr(s):
    out = ['"']
    for b in s.encode("utf-8"):
        ch = chr(b)
        if ch in '"\\':
            out.append("\\" + ch)
        elif ch == "\n":
            out.append("\\n")
        elif 32 <= b < 127:
            out.append(ch)
        else:
            out.append(f"\\x{b:02x}")
    out.append('"')
    return "".join(out)


def build(seed):
    c = Case(1, "ee_loyalty", seed, "Pharmacy, beauty and pet-store loyalty system (Estonia): Oracle SQL Developer export, "
             "redis MONITOR capture, Outlook messages saved as text, a git patch with customer fixtures, kiosk INI caches")
    rng = c.rng
    for g, s_, _t in AGENTS + [("Mihkel", "Arendaja", "")]:
        c.used_names.add(check.name_tokens(f"{g} {s_}"))
    N = rng.randint(560, 640)
    used_emails = set()
    custs = []
    for i in range(N):
        r = rng.random()
        lang = "et" if r < 0.62 else "ru" if r < 0.92 else "en"
        nm = c.unique_name(lambda: people.make_name(rng, lang))
        d = people.dob(rng, 1938, 2005)
        cu = {"n": nm, "lang": lang, "dob": d, "kid": 100000 + i * 7 + rng.randint(0, 6)}
        cu["ik"] = c.unique("ee_isikukood", lambda: ids.ee_like(rng, d, nm["female"])) if rng.random() < 0.93 else None
        cu["email"] = c.unique("email", lambda: ids.email_for(rng, nm["given"], nm["surname"], used_emails)) if rng.random() < 0.85 else None
        if rng.random() < 0.45:
            kind = "mobile" if rng.random() < 0.85 else "fixed"
            cu["phone"] = c.unique("phone", lambda: ids.e164("EE", ids.phone_nsn(rng, "EE", kind)))
        else:
            cu["phone"] = None
        cu["addr"] = people.ee_address(rng) if rng.random() < 0.35 else None
        cards = [("APTEEK", c.unique("loyalty_card", lambda: ids.ean13("2900", rng)))]
        if rng.random() < 0.22:
            cards.append(("ILU", c.unique("loyalty_card", lambda: ids.ean13("2910", rng))))
        if rng.random() < 0.12:
            cards.append(("LEMMIKLOOM", c.unique("loyalty_card", lambda: ids.ean13("2920", rng))))
        cu["cards"] = cards
        custs.append(cu)
    # households: the second member uses the first member's inbox (both keep their own ID code)
    households = {}
    with_ik = [x for x in custs if x["ik"] and x["email"]]
    rng.shuffle(with_ik)
    for k in range(16):
        a, b = with_ik[2 * k], with_ik[2 * k + 1]
        if k % 2 == 0:     # a family-named inbox
            fam = ids.ascii_fold(a["n"]["surname"]).lower()
            e = c.unique("email", lambda: f"{rng.choice(['perekond.', 'pere.', 'fam.'])}{fam}{rng.randint(1, 99)}@{rng.choice(ids.DOMAINS)}")
            a["email"] = e
        b["email"] = a["email"]
        households[a["email"]] = [a, b]
    for cu in custs:
        nm = cu["n"]
        cu["p"] = c.person(nm["full"], cu["lang"])
        cu["p"].controllers = ["Apteek OÜ"]
    for e, mem in households.items():
        for m in mem:
            m["p"].note = "household e-mail shared with " + ", ".join(x["p"].tid for x in mem if x is not m)
    c.extra["household_emails"] = {e: [m["p"].tid for m in mem] for e, mem in households.items()}

    # source assignment
    for cu in custs:
        r = rng.random()
        prim = "sql" if r < 0.52 else "redis" if r < 0.62 else "mail" if r < 0.72 else "patch" if r < 0.80 else "kiosk"
        src = {prim}
        for s, pr in (("sql", 0.15), ("redis", 0.08), ("mail", 0.05), ("kiosk", 0.10)):
            if rng.random() < pr:
                src.add(s)
        if prim in ("mail", "redis") and not cu["ik"] and not cu["email"] and not cu["phone"]:
            src.add("sql")
        cu["src"] = src
    for mem in households.values():
        for m in mem:
            m["src"].add("sql")

    write_sql(c, [x for x in custs if "sql" in x["src"]])
    write_redis(c, [x for x in custs if "redis" in x["src"]])
    write_mail(c, [x for x in custs if "mail" in x["src"]])
    write_patch(c, [x for x in custs if "patch" in x["src"]])
    write_kiosk(c, [x for x in custs if "kiosk" in x["src"]])
    c.put("kiosk/A014/ekraanipilt.png", b"\x89PNG\r\n\x1a\n" + bytes(rng.randrange(256) for _ in range(300)), kind="binary")
    c.put("db/LOYALTY_FULL.dmp", b"\x03\x01\x00EXPORT:V11.02.00\nDLOYALTY\nRUSERS\n" + bytes(rng.randrange(256) for _ in range(600)),
          kind="binary")
    c.extra["not_exposed"] = ["credentials", "iban", "payment_card", "prescription"]
    c.extra["controller"] = "Apteek OÜ"
    # customers present nowhere (cannot happen) are dropped defensively
    c.persons = [p for p in c.persons if p.req]
    return c


# ------------------------------------------------------------------ Oracle SQL Developer export

def write_sql(c, cs):
    rng = c.rng
    name = "db/loyalty_export_2023-09-28.sql"
    L = ["--------------------------------------------------------",
         "--  File created - neljapäev-september-28-2023   ",
         "--------------------------------------------------------",
         "--------------------------------------------------------",
         "--  DDL for Table KLIENT",
         "--------------------------------------------------------",
         "",
         '  CREATE TABLE "LOYALTY"."KLIENT" ',
         '   (\t"KLIENT_ID" NUMBER(10,0), ',
         '\t"ISIKUKOOD" VARCHAR2(11 BYTE), ',
         '\t"EESNIMI" VARCHAR2(60 CHAR), ',
         '\t"PERENIMI" VARCHAR2(60 CHAR), ',
         '\t"SUNNIAEG" DATE, ',
         '\t"E_POST" VARCHAR2(120 BYTE), ',
         '\t"TELEFON" VARCHAR2(30 BYTE), ',
         '\t"KEEL" VARCHAR2(2 BYTE), ',
         '\t"NOUSOLEK" CHAR(1 BYTE), ',
         '\t"LOODUD" TIMESTAMP (6)',
         "   ) SEGMENT CREATION IMMEDIATE ",
         "  PCTFREE 10 PCTUSED 40 INITRANS 1 MAXTRANS 255 ",
         '  TABLESPACE "LOYALTY_DATA" ;',
         "REM INSERTING into LOYALTY.KLIENT",
         "SET DEFINE OFF;"]
    rows = list(cs)
    rng.shuffle(rows)
    later = []
    for cu in rows:
        nm = cu["n"]
        ph = None
        if cu["phone"]:
            ph, _ = ids.render_phone(rng, "EE", cu["phone"][4:])
        em = ids.render_email(rng, cu["email"]) if cu["email"] else None
        dob = cu["dob"].strftime("%d.%m.%Y") if rng.random() < 0.8 else cu["dob"].strftime("%d.%m.%y")
        fmt = "DD.MM.RRRR" if len(dob) == 10 else "DD.MM.RR"
        created = dt.datetime(2015, 1, 1) + dt.timedelta(seconds=rng.randint(0, 8 * 365 * 86400))
        vals = [str(cu["kid"]), sql_str(cu["ik"]), sql_str(nm["given"]), sql_str(nm["surname"]),
                f"to_date('{dob}','{fmt}')", sql_str(em), sql_str(ph), sql_str(cu["lang"]), sql_str(rng.choice("YN")),
                f"to_timestamp('{created:%d.%m.%Y %H:%M:%S},{rng.randint(0, 999999):06d}000','DD.MM.RRRR HH24:MI:SSXFF')"]
        L.append("Insert into LOYALTY.KLIENT (KLIENT_ID,ISIKUKOOD,EESNIMI,PERENIMI,SUNNIAEG,E_POST,TELEFON,KEEL,NOUSOLEK,LOODUD) "
                 "values (" + ",".join(vals) + ");")
        later.append((cu, ph, em, dob))
    L += ["--------------------------------------------------------", "--  DDL for Table KLIENT_AADRESS",
          "--------------------------------------------------------", "REM INSERTING into LOYALTY.KLIENT_AADRESS",
          "SET DEFINE OFF;"]
    addr_rows = [cu for cu in rows if cu["addr"]]
    for k, cu in enumerate(addr_rows):
        a = cu["addr"]
        L.append("Insert into LOYALTY.KLIENT_AADRESS (AADRESS_ID,KLIENT_ID,TANAV,LINN,POSTIINDEKS,TYYP) values ("
                 f"{5000 + k},{cu['kid']},{sql_str(a['street'])},{sql_str(a['city'])},{sql_str(a['zip'])},'KODU');")
    L += ["REM INSERTING into LOYALTY.KAART", "SET DEFINE OFF;"]
    for cu in rows:
        for chain, card in cu["cards"]:
            L.append("Insert into LOYALTY.KAART (KAART_NR,KLIENT_ID,KETT,KEHTIV_ALATES,STAATUS) values ("
                     f"'{card}',{cu['kid']},'{chain}',to_date('{rng.randint(1, 28):02d}.{rng.randint(1, 12):02d}.{rng.randint(2012, 2022)}','DD.MM.RRRR'),'A');")
    L += ["REM INSERTING into LOYALTY.OST", "SET DEFINE OFF;"]
    buyers = []
    purchases = []
    for cu in rows:
        for chain, card in cu["cards"]:
            if rng.random() < 0.7:
                for _ in range(rng.randint(1, 4)):
                    prod = rng.choice(OTC if chain == "APTEEK" else BEAUTY if chain == "ILU" else PET)
                    purchases.append((card, prod, cu, chain))
                buyers.append((cu, chain, card))
    orphans = [ids.ean13("2900", rng) for _ in range(6)]
    for o in orphans:
        if check.key_of("loyalty_card", o) not in c.used_keys:
            purchases.append((o, rng.choice(OTC), None, "APTEEK"))
    rng.shuffle(purchases)
    receipt_decoys = []
    for card, prod, cu, chain in purchases:
        oid = c.failing_number(11, rng.choice(["3", "4", "6"]))
        t = dt.datetime(2023, 1, 1) + dt.timedelta(seconds=rng.randint(0, 260 * 86400))
        L.append("Insert into LOYALTY.OST (OST_ID,KAART_NR,AEG,POOD,TOODE,KOGUS,SUMMA) values ("
                 f"{oid},'{card}',to_timestamp('{t:%d.%m.%Y %H:%M:%S},000000000','DD.MM.RRRR HH24:MI:SSXFF'),"
                 f"{sql_str(rng.choice(STORES)[:4])},{sql_str(prod)},{rng.randint(1, 3)},{rng.randint(150, 4999) / 100:.2f});")
        if len(receipt_decoys) < 6:
            receipt_decoys.append(oid)
    c.text(name, "\n".join(L) + "\n")
    for oid in receipt_decoys:
        c.decoy("receipt_id", oid, name, "OST_ID", "11-digit receipt id shaped like an ID code; fails every check")
    for cu, ph, em, dob in later:
        p = cu["p"]
        p.nm(name, [cu["n"]["given"], cu["n"]["surname"]], "EESNIMI+PERENIMI")
        if cu["ik"]:
            p.id("ee_isikukood", cu["ik"], cu["ik"], name, "ISIKUKOOD")
        p.el("date_of_birth", name, "SUNNIAEG", ev=dob)
        if em:
            p.id("email", cu["email"], em, name, "E_POST")
        if ph:
            p.id("phone", cu["phone"], ph, name, "TELEFON")
        if cu["addr"]:
            p.el("postal_address", name, "KLIENT_AADRESS.TANAV (joined by KLIENT_ID)", ev=cu["addr"]["street"])
        for chain, card in cu["cards"]:
            p.id("loyalty_card", card, card, name, "KAART.KAART_NR (joined by KLIENT_ID)")
    for cu, chain, card in buyers:
        cu["p"].el("purchase_history", name, "OST (joined by KAART_NR)", ev=f"'{card}',to_timestamp")
        if chain == "APTEEK":
            cu["p"].el("health_data", name, "OST.TOODE (OTC)", opt=True)


# ------------------------------------------------------------------ redis MONITOR capture

def write_redis(c, cs):
    rng = c.rng
    name = "cache/redis_monitor_kaardid_2023-09-27.txt"
    t0 = 1695794400.0
    events = []
    for cu in cs:
        chain, card = cu["cards"][0]
        nm = cu["n"]
        owner = nm["cyr"] if (cu["lang"] == "ru" and rng.random() < 0.4) else nm["full"]
        args = ["HSET", f"kaart:{card}", "omanik", owner]
        if cu["ik"]:
            args += ["isikukood", cu["ik"]]
        if cu["email"]:
            args += ["email", cu["email"]]
        if cu["phone"]:
            args += ["tel", cu["phone"]]
        args += ["kett", chain, "saldo", f"{rng.randint(0, 4000) / 100:.2f}"]
        events.append((cu, args, owner, card))
    lines = []
    conns = [f"10.20.4.{rng.randint(10, 40)}:{rng.randint(40000, 60000)}" for _ in range(5)]
    ts_decoys = []
    out_rows = []
    for cu, args, owner, card in events:
        t0 += rng.uniform(0.05, 40)
        conn = rng.choice(conns)
        lines.append(f"{t0:.6f} [0 {conn}] " + " ".join(redis_repr(a) for a in args))
        out_rows.append((cu, owner, card))
        if rng.random() < 0.5:
            t0 += rng.uniform(0.001, 0.01)
            lines.append(f"{t0:.6f} [0 {conn}] " + " ".join(redis_repr(a) for a in ["EXPIRE", f"kaart:{card}", "3600"]))
        if rng.random() < 0.3:
            t0 += rng.uniform(1, 30)
            lines.append(f"{t0:.6f} [0 {rng.choice(conns)}] " + " ".join(redis_repr(a) for a in ["HGETALL", f"kaart:{card}"]))
        if cu["phone"] and rng.random() < 0.4:
            t0 += rng.uniform(1, 30)
            lines.append(f"{t0:.6f} [0 {rng.choice(conns)}] " + " ".join(redis_repr(a) for a in ["SET", f"otp:{cu['phone']}", f"{rng.randint(0, 999999):06d}", "EX", "300"]))
        if len(ts_decoys) < 3 and not check.any_person_id(str(int(t0))):
            ts_decoys.append(str(int(t0)))
    # e-mail-only newsletter opt-outs and phone-only OTP requests
    used = set()
    extra = []
    for k in range(rng.randint(26, 34)):
        nm = people.make_name(rng, rng.choice(["et", "et", "ru", "en"]))
        e = c.unique("email", lambda: ids.email_for(rng, nm["given"], nm["surname"], used))
        p = c.person("", "et")
        p.note = "known only by e-mail (newsletter opt-out set in the cache)"
        extra.append(("SADD", e, p))
    for k in range(rng.randint(6, 10)):
        ph = c.unique("phone", lambda: ids.e164("EE", ids.phone_nsn(rng, "EE")))
        p = c.person("", "et")
        p.note = "known only by phone (card-activation OTP)"
        extra.append(("OTP", ph, p))
    for kind, v, p in extra:
        t0 += rng.uniform(1, 60)
        conn = "lua" if kind == "SADD" and rng.random() < 0.3 else rng.choice(conns)
        args = ["SADD", "uudiskiri:loobunud", v] if kind == "SADD" else ["SET", f"otp:{v}", f"{rng.randint(0, 999999):06d}", "EX", "300"]
        lines.insert(rng.randint(0, len(lines)), f"{t0:.6f} [0 {conn}] " + " ".join(redis_repr(a) for a in args))
    lines = sorted(lines, key=lambda s: float(s.split(" ", 1)[0]))
    c.text(name, "OK\n" + "\n".join(lines) + "\n")
    for kind, v, p in extra:
        p.id("email" if kind == "SADD" else "phone", v, v, name, "SADD uudiskiri:loobunud" if kind == "SADD" else "SET otp:<phone>")
    for v in ts_decoys:
        c.decoy("timestamp", v, name, "MONITOR time", "epoch seconds of a MONITOR line")
    for cu, owner, card in out_rows:
        p = cu["p"]
        ascii_only = all(ord(ch) < 128 for ch in owner)
        if owner == cu["n"]["cyr"]:
            p.nm(name, owner, "omanik", opt=not ascii_only, variant=True)
        else:
            p.nm(name, owner, "omanik", opt=not ascii_only)
        if cu["ik"]:
            p.id("ee_isikukood", cu["ik"], cu["ik"], name, "isikukood")
        if cu["email"]:
            p.id("email", cu["email"], cu["email"], name, "email")
        if cu["phone"]:
            p.id("phone", cu["phone"], cu["phone"], name, "tel")
        p.id("loyalty_card", card, card, name, "key kaart:<card>")


# ------------------------------------------------------------------ Outlook messages saved as text

AGENTS = [("Kadri", "Kask", "Klienditeenindaja"), ("Tarmo", "Lepik", "Klienditeeninduse juht"), ("Svetlana", "Orlova", "Klienditeenindaja"),
          ("Liis", "Mägi", "Lojaalsusprogrammi spetsialist")]


def sent_line(rng, lang, t):
    if lang == "en" or lang == "ru":
        return f"{EN_DAYS[t.weekday()]}, {EN_MONTHS[t.month - 1]} {t.day}, {t.year} {t.strftime('%I:%M %p').lstrip('0')}"
    return f"{ET_DAYS[t.weekday()]}, {t.day}. {ET_MONTHS[t.month - 1]} {t.year} {t:%H:%M}"


def write_mail(c, cs):
    rng = c.rng
    agent_objs = []
    for g, s, title in AGENTS:
        e = f"{ids.ascii_fold(g).lower()}.{ids.ascii_fold(s).lower()}@apteek.test"
        ph = ids.e164("EE", ids.phone_nsn(rng, "EE", "fixed"))
        agent_objs.append((g, s, title, e, ph))
    role = "klienditugi@apteek.test"
    role_done = False
    for k, cu in enumerate(cs):
        nm = cu["n"]
        lang = cu["lang"]
        enc = "utf-16" if lang == "ru" else "cp1257"
        t = dt.datetime(2023, 9, 1, 8) + dt.timedelta(minutes=rng.randint(0, 26 * 24 * 60))
        disp = nm["cyr"] if lang == "ru" else nm["full"]
        em = cu["email"]
        em_raw = ids.render_email(rng, em) if em else None
        chain, card = rng.choice(cu["cards"])
        card_raw = card if rng.random() < 0.5 else f"{card[:4]} {card[4:8]} {card[8:12]} {card[12:]}"
        ph_raw = ids.render_phone(rng, "EE", cu["phone"][4:])[0] if cu["phone"] else None
        wrong = None
        if cu["ik"] and rng.random() < 0.15:
            for d in "0123456789":
                w = cu["ik"][:10] + d
                if not check.any_person_id(w):
                    wrong = w
                    break
        hdr_from = f"{disp} <{em_raw}>" if em else disp
        if lang == "ru":
            subj = "Карта клиента"
            body = ["Здравствуйте!", "", f"Моя карта клиента {card_raw} не работает на кассе."]
            if cu["ik"]:
                if wrong:
                    body.append(f"Личный код {wrong}.")
                    body.append(f"Извините, ошибка, правильный код {cu['ik']}.")
                else:
                    body.append(f"Мой личный код {cu['ik']}.")
            if ph_raw:
                body.append(f"Прошу перезвонить по номеру {ph_raw}.")
            if cu["addr"]:
                a = cu["addr"]
                body.append(f"Новая карта по адресу: {a['street']}, {a['zip']} {a['city']}.")
            body += ["", "С уважением,", nm["cyr"]]
        elif lang == "en":
            subj = "Loyalty card problem"
            body = ["Hello,", "", f"my loyalty card {card_raw} is not accepted at the till any more."]
            if cu["ik"]:
                if wrong:
                    body.append(f"My personal code is {wrong}.")
                    body.append(f"Sorry, typo - the correct code is {cu['ik']}.")
                else:
                    body.append(f"Personal code {cu['ik']}.")
            if ph_raw:
                body.append(f"You can call me on {ph_raw}.")
            if cu["addr"]:
                a = cu["addr"]
                body.append(f"Please send the new card to {a['street']}, {a['zip']} {a['city']}.")
            body += ["", "Best regards,", nm["full"]]
        else:
            subj = rng.choice(["Kliendikaart", "Kaart ei tööta", "Boonuspunktid"])
            body = ["Tere!", "", f"Minu kliendikaart {card_raw} ei tööta kassas."]
            if cu["ik"]:
                if wrong:
                    body.append(f"Isikukood {wrong}.")
                    body.append(f"Vabandust, õige isikukood on {cu['ik']}.")
                else:
                    body.append(f"Minu isikukood on {cu['ik']}.")
            if ph_raw:
                body.append(f"Palun helistage {ph_raw}.")
            if cu["addr"]:
                a = cu["addr"]
                body.append(f"Uus kaart palun saata aadressile {a['street']}, {a['zip']} {a['city']}.")
            body += ["", "Parimate soovidega", nm["full"]]
        orig = [f"From:\t{hdr_from}", f"Sent:\t{sent_line(rng, lang, t)}", f"To:\tApteegi klienditeenindus <{role}>",
                f"Subject:\t{subj}", "", *body]
        lines = orig
        reply = rng.random() < 0.6
        ag = rng.choice(agent_objs)
        if reply:
            t2 = t + dt.timedelta(minutes=rng.randint(20, 2000))
            greet = {"ru": f"Здравствуйте, {nm['cyr_given'] or nm['given']}!", "en": f"Dear {nm['given']},"}.get(lang, f"Tere, {nm['given']}!")
            ans = {"ru": "Карта снова активна.", "en": "Your card has been reactivated."}.get(lang, "Kaart on uuesti aktiveeritud.")
            close = {"ru": "С уважением", "en": "Kind regards"}.get(lang, "Lugupidamisega")
            ag_ph = ids.render_phone(rng, "EE", ag[4][4:], 1)[0]
            lines = [f"From:\tApteegi klienditeenindus <{role}>", f"Sent:\t{sent_line(rng, lang, t2)}",
                     f"To:\t'{disp}'" + (f" <{em_raw}>" if em else ""), f"Subject:\tRE: {subj}", "", greet, "", ans, "",
                     close, f"{ag[0]} {ag[1]}", ag[2], f"Apteek OÜ | tel {ag_ph} | {ag[3]}", "",
                     "-----Original Message-----",
                     f"From: {disp} [mailto:{em_raw}]" if em else f"From: {disp}",
                     f"Sent: {sent_line(rng, lang, t)}", f"To: Apteegi klienditeenindus", f"Subject: {subj}", "", *body]
        fname = f"teenindus/2023-09/{'RE_' if reply else ''}{subj.replace(' ', '_')}_{k + 1:03d}.txt"
        if lang == "ru":
            fname = f"teenindus/2023-09/{'RE_' if reply else ''}karta_{k + 1:03d}.txt"
        name = c.text(fname, "\n".join(lines) + "\n", enc=enc, bom=(enc == "utf-16"), nl="\r\n")
        p = cu["p"]
        if lang == "ru":
            p.nm(name, nm["cyr"], "From (display name)", variant=True)
        else:
            p.nm(name, nm["full"], "From (display name)")
        if em:
            p.id("email", em, em_raw, name, "From")
        if cu["ik"]:
            p.id("ee_isikukood", cu["ik"], cu["ik"], name, "body")
        if wrong:
            c.decoy("wrong_checksum_isikukood", wrong, name, "body", "customer's typo, corrected in the next sentence")
        if ph_raw:
            p.id("phone", cu["phone"], ph_raw, name, "body")
        p.id("loyalty_card", card, card_raw, name, "body")
        if cu["addr"]:
            p.el("postal_address", name, "body", ev=cu["addr"]["street"])
        if reply:
            c.decoy("staff_email", ag[3], name, "signature", f"{ag[2]} (staff)")
            c.decoy("staff_phone", ag[4], name, "signature", f"{ag[2]} (staff)", raw=ag_ph)
            if not role_done:
                c.decoy("role_mailbox", role, name, "From", "customer-service mailbox")
                role_done = True
    for g, s, title, e, ph in agent_objs:
        c.extra.setdefault("staff", []).append({"name": f"{g} {s}", "title": title, "email": e, "phone": ph})


# ------------------------------------------------------------------ git format-patch with customer fixtures

def write_patch(c, cs):
    rng = c.rng
    name = "dev/0001-Lisa-realistlikud-kliendid-testandmetesse.patch"
    header = "id,personal_code,first_name,last_name,email,phone,card_no,city"
    old = []
    for k in range(7):
        bad = c.failing_number(11, "3")
        old.append(f"{k + 1},{bad},Test{k + 1},Klient,,,,Tallinn")
        if k < 3:
            c.decoy("fixture_test_code", bad, name, "personal_code (removed line)", "placeholder code of the old fixture")
    new = []
    rows = []
    for k, cu in enumerate(cs):
        nm = cu["n"]
        ph = ids.render_phone(rng, "EE", cu["phone"][4:], rng.choice([2, 5]))[0] if cu["phone"] else ""
        card = cu["cards"][0][1]
        city = cu["addr"]["city"] if cu["addr"] else ""
        new.append(csv_line([cu["kid"], cu["ik"] or "", nm["given"], nm["surname"], cu["email"] or "", ph, card, city]))
        rows.append((cu, ph, card, city))
    keep = old[:2]
    body = [" " + header] + [" " + x for x in keep] + ["-" + x for x in old[2:]] + ["+" + x for x in new]
    adds, dels = len(new), len(old) - 2
    dev_mail = "arendaja.mihkel@apteek.test"
    text = "\n".join([
        f"From {''.join(rng.choice('0123456789abcdef') for _ in range(40))} Mon Sep 17 00:00:00 2001",
        f"From: Mihkel Arendaja <{dev_mail}>",
        "Date: Tue, 12 Sep 2023 16:02:11 +0300",
        "Subject: [PATCH] Lisa realistlikud kliendid testandmetesse",
        "",
        "Testid vajavad päris kujuga andmeid, võtsin prod-i väljavõttest.",
        "---",
        f" test/fixtures/customers.csv | {adds + dels} {'+' * min(adds, 40)}{'-' * dels}",
        f" 1 file changed, {adds} insertions(+), {dels} deletions(-)",
        "",
        "diff --git a/test/fixtures/customers.csv b/test/fixtures/customers.csv",
        "index 3b18e51..a4c2d0f 100644",
        "--- a/test/fixtures/customers.csv",
        "+++ b/test/fixtures/customers.csv",
        f"@@ -1,{len(old) + 1} +1,{len(keep) + 1 + len(new)} @@",
        *body,
        "-- ",
        "2.39.2",
        ""])
    c.text(name, text)
    c.decoy("staff_email", dev_mail, name, "From", "developer who committed the fixture (staff)")
    for cu, ph, card, city in rows:
        p = cu["p"]
        p.nm(name, [cu["n"]["given"], cu["n"]["surname"]], "first_name+last_name")
        if cu["ik"]:
            p.id("ee_isikukood", cu["ik"], cu["ik"], name, "personal_code")
        if cu["email"]:
            p.id("email", cu["email"], cu["email"], name, "email")
        if ph:
            p.id("phone", cu["phone"], ph, name, "phone")
        p.id("loyalty_card", card, card, name, "card_no")
        if city:
            p.el("postal_address", name, "city", ev=city, opt=True)


# ------------------------------------------------------------------ kiosk INI caches

def write_kiosk(c, cs):
    rng = c.rng
    by_store = {}
    stores = ["A014", "A022", "A031", "A045", "B007", "L003"]
    for cu in cs:
        by_store.setdefault(rng.choice(stores), []).append(cu)
    for st in stores:
        lst = by_store.get(st, [])
        if not lst:
            continue
        store_ph = ids.e164("EE", ids.phone_nsn(rng, "EE", "fixed"))
        store_raw = ids.render_phone(rng, "EE", store_ph[4:], 1)[0]
        L = ["; Apteek hinnakontrolli kiosk v2.3", "; viimati tuvastatud kliendid (puhverdatud)", "[Kiosk]", f"PoodId={st}",
             f"PoeTelefon={store_raw}", f"Versioon=2.3.{rng.randint(0, 9)}", ""]
        rows = []
        for k, cu in enumerate(lst):
            nm = cu["n"]
            form = rng.random()
            nimi = f"{nm['surname'].upper()} {nm['given'].upper()}" if form < 0.5 else f"{nm['surname']}, {nm['given']}" if form < 0.75 else nm["full"]
            card = cu["cards"][0][1]
            L.append(f"[Klient.{k + 1}]")
            L.append(f"Nimi={nimi}")
            if cu["ik"]:
                L.append(f"Isikukood={cu['ik']}")
            L.append(f"Kaardinr={card}")
            ph = None
            if cu["phone"] and rng.random() < 0.7:
                ph = ids.render_phone(rng, "EE", cu["phone"][4:])[0]
                L.append(f"Telefon={ph}")
            prods = rng.sample(OTC, rng.randint(1, 3))
            L.append("ViimaneOst=" + ";".join(prods))
            L.append(f"Aeg=2023-09-{rng.randint(1, 27):02d} {rng.randint(8, 20):02d}:{rng.randint(0, 59):02d}:{rng.randint(0, 59):02d}")
            L.append("")
            rows.append((cu, nimi, card, ph, prods))
        name = c.text(f"kiosk/{st}/kiosk.ini", "\n".join(L), enc="iso-8859-15", nl="\r\n")
        c.decoy("store_phone", store_ph, name, "PoeTelefon", "store phone, not a person's", raw=store_raw)
        for cu, nimi, card, ph, prods in rows:
            p = cu["p"]
            p.nm(name, nimi, "Nimi")
            if cu["ik"]:
                p.id("ee_isikukood", cu["ik"], cu["ik"], name, "Isikukood")
            p.id("loyalty_card", card, card, name, "Kaardinr")
            if ph:
                p.id("phone", cu["phone"], ph, name, "Telefon")
            p.el("purchase_history", name, "ViimaneOst", ev=prods[0])
            p.el("health_data", name, "ViimaneOst (OTC)", opt=True)
