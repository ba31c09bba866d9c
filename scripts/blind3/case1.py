"""Case 1: loyalty system of a pharmacy / beauty / pet-store group (Estonia)."""
import datetime
import json
import struct
import zlib

import ids
from fmt import Factory, addr_ee, csv_row, email_messy, nbsp_pad, phone_fmt
from model import Leak, Truth

ORG = "Allium UPI OÜ"
CHAINS = {"AP": "Ravimiait apteek", "IL": "Liilia ilupood", "LL": "Lemmikloom+"}
PRODUCTS = {   # (name, price, category); health = medicines / medical devices
    "AP": [("Ibuprofen 400mg N20", 3.49, "health"), ("Paratsetamool 500mg N20", 1.99, "health"), ("Ninasprei ksülometasoliin 0,1% 10ml", 4.25, "health"),
           ("Insuliininõelad 8mm N100", 17.90, "health"), ("Rasedustest 2tk", 6.50, "health"), ("Köhasiirup 150ml", 7.80, "health"),
           ("Allergiatabletid tsetirisiin N30", 5.10, "health"), ("D-vitamiin 2000IU N90", 8.95, "other"), ("Plaastrid 20tk", 2.30, "other"),
           ("Kätekreem 75ml", 4.10, "other"), ("Päikesekreem SPF50", 14.90, "other"), ("Hambapasta 75ml", 2.99, "other")],
    "IL": [("Näokreem 50ml", 19.90, "other"), ("Šampoon 250ml", 6.40, "other"), ("Huulepalsam", 3.20, "other"), ("Ripsmetušš", 12.50, "other"),
           ("Parfüüm EDT 30ml", 34.00, "other"), ("Küünelakk", 5.90, "other")],
    "LL": [("Kassi kuivtoit 2kg", 12.99, "other"), ("Koera maiuspalad 200g", 3.49, "other"), ("Kassiliiv 10l", 8.90, "other"),
           ("Kirbutilgad koerale", 15.60, "other"), ("Närimiskont", 2.10, "other")],
}


def ean(rng, prefix="474"):
    b = prefix + "".join(str(rng.randint(0, 9)) for _ in range(12 - len(prefix)))
    return b + ids.ean13_digit(b)


def tiny_png():
    def chunk(t, d):
        c = t + d
        return struct.pack(">I", len(d)) + c + struct.pack(">I", zlib.crc32(c) & 0xffffffff)
    raw = b"".join(b"\x00" + b"\xc0\x20\x40" * 8 for _ in range(8))
    return (b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", struct.pack(">IIBBBBB", 8, 8, 8, 2, 0, 0, 0)) +
            chunk(b"IDAT", zlib.compress(raw, 9)) + chunk(b"IEND", b""))


def generate(rng, outdir, name):
    leak = Leak(f"{outdir}/{name}/leak")
    T = Truth(name, leak)
    F = Factory(rng)

    # ---------------------------------------------------------------- population
    n_cust = rng.randint(340, 380)
    custs = []
    for i in range(n_cust):
        lang = rng.choices(["et", "ru", "en"], [62, 28, 10])[0]
        female = rng.random() < .58
        g, s, gc, sc, dob = F.unique_person(lang, female, 1936, 2005)
        p = T.person(f"c1p{i + 1:04d}", given=g, family=s, cyr=(gc, sc) if gc else None, lang=lang, female=female, dob=dob)
        p.code = F.nid(ids.ee_make, dob, female)
        while True:
            c = ean(rng, "290001")
            if c not in F.used_ids:
                F.used_ids.add(c)
                break
        p.card = c
        p.old_card = None
        if rng.random() < .08:
            c2 = ean(rng, "290000")
            F.used_ids.add(c2)
            p.old_card = c2
        p.email = F.email(g, s, "EE", dob.year) if rng.random() < .85 else None
        p.phone = F.phone("EE") if rng.random() < .27 else None
        p.addr = F.address("EE") if rng.random() < .2 else None
        p.buys = rng.random() < .85
        p.card_lost = rng.random() < .05          # the main export shows it as 2,90001E+12
        p.in_api = p.card_lost or p.old_card is not None or rng.random() < .3
        p.controllers = [ORG]
        custs.append(p)
    # households: spouses sharing one e-mail and the home address
    for a, b in zip(custs[0:12:2], custs[1:12:2]):
        b.email = a.email = a.email or F.email(a.given, a.family, "EE")
        a.addr = a.addr or F.address("EE")
        b.addr = a.addr
        T.shared.add("email:" + a.email.lower())
        a.notes.append(f"household: e-mail and address shared with {b.tid}")
        b.notes.append(f"household: e-mail and address shared with {a.tid}")
    for p in custs:
        if p.card_lost:
            p.notes.append("card number lost in the main CSV (scientific notation); card known from the CRM API")
        if p.old_card:
            p.notes.append("second, closed loyalty card")

    # ---------------------------------------------------------------- A: main customer export (cp1257, sep=;, CRLF)
    A = leak.doc("Allium_eksport/kliendid_2023-10-02.csv", encoding="cp1257", newline="\r\n")
    A.ln("sep=;")
    A.ln("Kaardi nr;Isikukood;Eesnimi;Perenimi;E-post;Telefon;Aadress;Liitumise kpv;Keel;Uudiskiri;;")
    order = list(custs)
    rng.shuffle(order)
    for p in order:
        r = T.rec(A, p)
        if p.card_lost:
            card = f"{int(p.card):.5E}".replace(".", ",").replace("E+", "E+")
        else:
            card = f'="{p.card}"'
            r.id("loyalty_card", p.card, p.card, "Kaardi nr")
        code = nbsp_pad(rng, p.code)
        r.id("ee_isikukood", p.code, p.code, "Isikukood")
        g, s = p.given, p.family
        if rng.random() < .06:
            g, s = g.upper(), s.upper()
        if rng.random() < .03:
            g, s = s, g          # swapped by the clerk
        r.name2(g, s, "Eesnimi", "Perenimi")
        em = ""
        if p.email:
            em = nbsp_pad(rng, email_messy(rng, p.email))
            r.id("email", p.email, em.strip("\u00a0 "), "E-post")
        ph = ""
        if p.phone:
            ph = phone_fmt(rng, p.phone, rng.choice([0, 1, 2, 3, 4, 5, 6]))
            r.id("phone", p.phone, ph, "Telefon")
            if rng.random() < .3:
                ph = f'="{ph}"'
        ad = ""
        if p.addr:
            a = p.addr
            if rng.random() < .3:
                street = addr_ee(rng, a, 1).split(",")[0]
                ad = f"{street}\r\n{a['zip']} {a['city']}"
                r.addr(a["id"], [street, f"{a['zip']} {a['city']}"], "Aadress")
            else:
                ad = addr_ee(rng, a, rng.choice([0, 1, 2]))
                r.addr(a["id"], ad, "Aadress")
        joined = datetime.date(rng.randint(2008, 2023), rng.randint(1, 12), rng.randint(1, 28))
        A.ln(csv_row([card, code, g, s, em, ph, ad, joined.strftime("%d.%m.%Y"), {"et": "EST", "ru": "RUS", "en": "ENG"}[p.lang],
                      rng.choice(["Jah", "Ei", ""]), "", ""], ";"))
        r.el("date_of_birth", "Isikukood", opt=True)

    # ---------------------------------------------------------------- B: Russian-language segment (UTF-8 BOM, comma), plus a copy
    B = leak.doc("Allium_eksport/segment_RU_kliendid.csv", encoding="utf-8", bom=True, newline="\r\n")
    B.ln("Номер карты,Личный код,Имя,Фамилия,Эл. почта,Моб. телефон,Дата рождения")
    ru = [p for p in custs if p.lang == "ru" and rng.random() < .7]
    rows_b = []
    for p in ru:
        gc, sc = p.cyr
        em = email_messy(rng, p.email) if p.email else ""
        ph = phone_fmt(rng, p.phone, rng.choice(["+372-{a3}-{r3}", "+372 {a4} {r}", "{n}"])) if p.phone else ""
        dob = p.dob.strftime("%d.%m.%Y")
        rows_b.append((p, gc, sc, em, ph, dob))
        B.ln(csv_row([p.card if not p.card_lost else "", p.code, gc, sc, em, ph, dob], ","))
    B2 = leak.copy("Allium_eksport/segment_RU_kliendid - koopia.csv", B)
    for doc in (B, B2):
        for p, gc, sc, em, ph, dob in rows_b:
            r = T.rec(doc, p)
            if not p.card_lost:
                r.id("loyalty_card", p.card, p.card, "Номер карты")
            r.id("ee_isikukood", p.code, p.code, "Личный код")
            r.name2(gc, sc, "Имя", "Фамилия")
            if em:
                r.id("email", p.email, em, "Эл. почта")
            if ph:
                r.id("phone", p.phone, ph, "Моб. телефон")
            r.dob(p.dob, dob, "Дата рождения")
    for p, *_ in rows_b:
        p.notes.append("Cyrillic name in the RU segment export")

    # ---------------------------------------------------------------- C: purchases (pipe separated, big)
    C = leak.doc("Allium_eksport/ostud_2023Q3.csv", encoding="utf-8", newline="\n")
    C.ln("kaart|kviitung|kuupäev|kauplus|ean|toode|kogus|summa")
    prod_ean = {}
    for ch, lst in PRODUCTS.items():
        for pr in lst:
            prod_ean[pr[0]] = ean(rng)
    rows = []
    for p in custs:
        if not p.buys:
            continue
        for _ in range(rng.randint(3, 22)):
            ch = rng.choices(["AP", "IL"], [75, 25])[0]
            pr = rng.choice(PRODUCTS[ch])
            d = datetime.datetime(2023, rng.randint(7, 9), rng.randint(1, 28), rng.randint(8, 21), rng.randint(0, 59))
            card = p.old_card if p.old_card and d.month == 7 and rng.random() < .5 else p.card
            rows.append((d, p, card, ch, pr))
    rows.sort(key=lambda x: (x[0], x[1].tid))
    for n, (d, p, card, ch, pr) in enumerate(rows):
        q = rng.choice([1, 1, 1, 2, 3])
        store = f"{ch}-{rng.randint(1, 48):03d}"
        C.ln("|".join([card, f"{store}-{d:%y%m%d}-{n % 997:04d}", d.strftime("%Y-%m-%d %H:%M"), store, prod_ean[pr[0]], pr[0], str(q),
                       f"{pr[1] * q:.2f}".replace(".", ",")]))
        r = T.rec(C, p).id("loyalty_card", p.card if card == p.card else p.old_card, card, "kaart").el("purchase_history", "toode")
        if pr[2] == "health":
            r.el("health_data", "toode", opt=True)
    for nm in list(prod_ean)[:3]:
        T.decoy(prod_ean[nm], "product_ean13", C, "ean")

    # ---------------------------------------------------------------- D: pet-store purchases (NDJSON)
    D = leak.doc("Allium_eksport/lemmikloom_ostud_2023Q3.ndjson")
    for p in custs:
        if rng.random() > .2:
            continue
        for _ in range(rng.randint(1, 6)):
            pr = rng.choice(PRODUCTS["LL"])
            d = datetime.datetime(2023, rng.randint(7, 9), rng.randint(1, 28), rng.randint(9, 20), rng.randint(0, 59), rng.randint(0, 59))
            cardv = int(p.card) if rng.random() < .5 else p.card
            ev = {"ts": d.isoformat() + "+03:00", "store": f"LL-{rng.randint(1, 30):03d}", "loyaltyCardNo": cardv,
                  "basket": [{"sku": prod_ean[pr[0]], "name": pr[0], "qty": 1, "price": pr[1]}], "total": pr[1],
                  "receiptNo": f"LL{rng.randint(1, 30):03d}-{rng.randint(1, 99999):06d}", "pos": {"id": rng.randint(1, 4), "cashier": None}}
            D.ln(json.dumps(ev, ensure_ascii=False))
            T.rec(D, p).id("loyalty_card", p.card, p.card, "loyaltyCardNo").el("purchase_history", "basket")

    # ---------------------------------------------------------------- E: CRM API pages (JSON)
    api = [p for p in custs if p.in_api]
    rng.shuffle(api)
    for page in range(0, len(api), 45):
        chunk = api[page:page + 45]
        pno = page // 45 + 1
        E = leak.doc(f"crm_api/customers_page_{pno:03d}.json")
        data = []
        for p in chunk:
            r = T.rec(E, p)
            code = int(p.code) if rng.random() < .3 else p.code
            r.id("ee_isikukood", p.code, p.code, "personalCode")
            r.name2(p.given, p.family, "firstName", "lastName")
            contacts = []
            if p.email:
                em = email_messy(rng, p.email)
                contacts.append({"type": "EMAIL", "value": em, "verified": rng.random() < .8})
                r.id("email", p.email, em, "contacts.value")
            if p.phone:
                ph = phone_fmt(rng, p.phone, rng.choice([0, 3]))
                contacts.append({"type": "MOBILE", "value": ph, "verified": None})
                r.id("phone", p.phone, ph, "contacts.value")
            addr = None
            if p.addr and rng.random() < .8:
                a = p.addr
                street = f"{a['street']} {a['kind']} {a['no']}" + (f"-{a['apt']}" if a["apt"] else "")
                addr = {"street": street, "city": a["city"], "postalCode": a["zip"], "country": "EE"}
                r.addr(a["id"], [street, a["city"]], "address")
            cards = [{"cardNo": p.card, "status": "ACTIVE", "issued": f"{rng.randint(2015, 2023)}-0{rng.randint(1, 9)}-1{rng.randint(0, 9)}"}]
            r.id("loyalty_card", p.card, p.card, "cards.cardNo")
            if p.old_card:
                cards.append({"cardNo": p.old_card, "status": "CLOSED", "issued": "2014-05-02", "closed": "2023-07-31"})
                r.id("loyalty_card", p.old_card, p.old_card, "cards.cardNo")
            obj = {"customerId": 100000 + int(p.tid[3:]) * 7 + rng.randint(0, 6), "personalCode": code, "firstName": p.given,
                   "lastName": p.family, "contacts": contacts, "address": addr, "cards": cards, "language": p.lang,
                   "marketingConsent": rng.choice([True, False, None]), "segments": rng.sample(["APTEEK", "ILU", "LEMMIK"], rng.randint(1, 2))}
            if rng.random() < .5:
                obj["birthDate"] = p.dob.isoformat()
                r.dob(p.dob, p.dob.isoformat(), "birthDate")
            else:
                r.el("date_of_birth", "personalCode", opt=True)
            data.append(obj)
        body = {"data": data, "paging": {"page": pno, "pageSize": 45, "total": len(api)}, "generatedAt": "2023-10-02T03:14:07Z"}
        E.w(json.dumps(body, ensure_ascii=(pno % 2 == 1), indent=1 if pno % 2 else None))

    # ---------------------------------------------------------------- F: application logs with request bodies (NDJSON)
    staff = [("kadri.tamm", "Kadri Tamm"), ("jaanus.pold", "Jaanus Põld"), ("svc-pos", None)]
    upd = rng.sample(custs, 70)
    for day in (27, 28, 29):
        Fd = leak.doc(f"logs/crm-app-2023-09-{day}.ndjson")
        lines = []
        for _ in range(rng.randint(110, 160)):
            t = datetime.datetime(2023, 9, day, rng.randint(0, 23), rng.randint(0, 59), rng.randint(0, 59))
            lines.append((t, None, {"level": "INFO", "logger": "health", "message": "GET /health 200", "durationMs": rng.randint(1, 9)}))
        for login, nm in staff[:2]:
            t = datetime.datetime(2023, 9, day, 8, rng.randint(0, 30), 0)
            em = f"{login}@allium-upi.example.ee"
            lines.append((t, ("staff", em), {"level": "INFO", "logger": "auth", "message": "login ok", "user": em}))
        for p in upd[(day - 27) * 23:(day - 26) * 23]:
            t = datetime.datetime(2023, 9, day, rng.randint(8, 22), rng.randint(0, 59), rng.randint(0, 59))
            lines.append((t, p, None))
        lines.sort(key=lambda x: (x[0], str(x[1])))
        for t, who, obj in lines:
            if who is None:
                obj = dict({"@timestamp": t.isoformat() + ".000Z"}, **obj)
            elif isinstance(who, tuple):
                obj = dict({"@timestamp": t.isoformat() + ".000Z"}, **obj)
                T.decoy(who[1], "staff_login", Fd, "user")
            else:
                p = who
                r = T.rec(Fd, p)
                body = {}
                if rng.random() < .6:
                    body["personalCode"] = p.code
                    r.id("ee_isikukood", p.code, p.code, "requestBody.personalCode")
                else:
                    body["cardNo"] = p.card
                    r.id("loyalty_card", p.card, p.card, "requestBody.cardNo")
                if p.email:
                    body["email"] = p.email.upper() if rng.random() < .2 else p.email
                    r.id("email", p.email, body["email"], "requestBody.email")
                if p.phone:
                    body["phone"] = phone_fmt(rng, p.phone, rng.choice([1, 2, 4]))
                    r.id("phone", p.phone, body["phone"], "requestBody.phone")
                elif rng.random() < .4:
                    p.phone = F.phone("EE")
                    body["phone"] = phone_fmt(rng, p.phone, 1)
                    r.id("phone", p.phone, body["phone"], "requestBody.phone")
                    p.notes.append("phone only in an application log request body")
                if len(body) == 1:
                    body["newsletter"] = rng.choice([True, False])
                obj = {"@timestamp": t.isoformat() + ".000Z", "level": "INFO", "logger": "crm.api.CustomerController",
                       "message": f"PUT /api/v2/customers/{rng.randint(100000, 199999)}/contacts",
                       "requestBody": json.dumps(body), "user": "svc-pos", "traceId": "%032x" % rng.getrandbits(128)}
            Fd.ln(json.dumps(obj, ensure_ascii=False))

    # ---------------------------------------------------------------- G: support tickets (free text, et/ru/en)
    tick = rng.sample([p for p in custs if not p.card_lost], 18)
    for n, p in enumerate(tick):
        G = leak.doc(f"klienditugi/pilet_{4100 + n * 7}.txt")
        r = T.rec(G, p)
        ph = phone_fmt(rng, p.phone, rng.choice([0, 1, 2])) if p.phone else None
        if p.lang == "ru":
            nm = f"{p.cyr[0]} {p.cyr[1]}"
            G.ln(f"Тема: Не начисляются бонусы на карту")
            G.ln(f"От: {p.email}" if p.email else "От: (звонок)")
            G.ln("")
            G.ln(f"Здравствуйте! Меня зовут {nm}, мой личный код {p.code}.")
            G.ln(f"Уже месяц не начисляются бонусы на карту {p.card}. Прошу перезвонить по номеру {ph}." if ph else
                 f"Уже месяц не начисляются бонусы на карту {p.card}. Ответьте, пожалуйста, на почту.")
            G.ln("")
            G.ln("--")
            G.ln("Klienditugi / Kadri")
        elif p.lang == "en":
            nm = f"{p.given} {p.family}"
            G.ln("Subject: Loyalty card not working")
            G.ln(f"From: {p.email}" if p.email else "From: (phone call)")
            G.ln("")
            G.ln(f"Hi, this is {nm}. My card {p.card} is declined at the pharmacy till. Personal code {p.code}.")
            if ph:
                G.ln(f"Call me on {ph} if needed.")
        else:
            nm = f"{p.family.upper()} {p.given}" if rng.random() < .5 else f"{p.given} {p.family}"
            G.ln("Teema: Isikuandmete muutmine")
            G.ln(f"Saatja: {p.email}" if p.email else "Saatja: telefonikõne")
            G.ln("")
            G.ln(f"Tere! Olen {nm} (isikukood {p.code}). Palun muutke minu püsikliendikaardi {p.card} andmeid.")
            if ph:
                G.ln(f"Uus telefoninumber: {ph}")
            if rng.random() < .3:
                G.ln("Ostsin eelmisel nädalal apteegist insuliininõelu ja boonus jäi kandmata.")
                r.el("health_data", "text", opt=True)
        G.ln("")
        r.name(nm, "text").id("ee_isikukood", p.code, p.code, "text").id("loyalty_card", p.card, p.card, "text")
        if p.email:
            r.id("email", p.email, p.email, "header")
        if ph:
            r.id("phone", p.phone, ph, "text")

    # ---------------------------------------------------------------- H: campaign winners mail with a base64 CSV attachment
    win = rng.sample([p for p in custs if p.phone and not p.card_lost], 12)
    body = leak.member("turundus/RE_kampaania_voitjad.eml", "body.txt")
    att = leak.member("turundus/RE_kampaania_voitjad.eml", "voitjad_sept.csv", encoding="cp1257", newline="\r\n")
    body.ln("Tere,")
    body.ln("")
    body.ln("saadan septembri kampaania võitjate nimekirja (manuses). Peaauhinna võitja:")
    r = T.rec(body, win[0])
    ph0 = phone_fmt(rng, win[0].phone, 1)
    body.ln(f"{win[0].given} {win[0].family}, tel {ph0} – palun helistage täna.")
    r.name(f"{win[0].given} {win[0].family}", "body").id("phone", win[0].phone, ph0, "body")
    body.ln("")
    body.ln("Parimat,")
    body.ln("Marketa Lill")
    body.ln("turundusjuht | Allium UPI | marketa.lill@allium-upi.example.ee | +372 640 1234")
    T.decoy("marketa.lill@allium-upi.example.ee", "staff_signature", body, "signature")
    T.decoy("+3726401234", "staff_signature_phone", body, "signature", raw="+372 640 1234")
    att.ln("Nimi;Telefon;Kaardi nr;Auhind")
    for p in win:
        ph = phone_fmt(rng, p.phone, rng.choice([1, 2]))
        att.ln(f"{p.given} {p.family};{ph};{p.card};{rng.choice(['Kinkekaart 50€', 'Kosmeetikakomplekt', 'Boonus 10€'])}")
        T.rec(att, p).name(f"{p.given} {p.family}", "Nimi").id("phone", p.phone, ph, "Telefon").id("loyalty_card", p.card, p.card, "Kaardi nr")
    leak.eml("turundus/RE_kampaania_voitjad.eml",
             [("From", "Marketa Lill <marketa.lill@allium-upi.example.ee>"), ("To", "klienditugi@allium-upi.example.ee"),
              ("Subject", "=?utf-8?q?RE=3A_kampaania_v=C3=B5itjad?="), ("Date", "Tue, 03 Oct 2023 09:12:44 +0300"),
              ("Message-ID", "<20231003091244.4471@allium-upi.example.ee>")], body, [att], qp=True)

    # ---------------------------------------------------------------- I: newsletter subscribers (+ e-mail-only persons)
    I = leak.doc("turundus/uudiskirja_tellijad.txt")
    I.ln("# uudiskirja tellijad, eksport 2023-09-30")
    subs = [p for p in custs if p.email and "household" not in " ".join(p.notes) and rng.random() < .45]
    only = []
    for j in range(rng.randint(18, 26)):
        lang = rng.choices(["et", "ru", "en"], [60, 30, 10])[0]
        female = rng.random() < .6
        g, s, gc, sc, dob = F.unique_person(lang, female)
        q = T.person(f"c1p{n_cust + j + 1:04d}", given=g, family=s, lang=lang, female=female)
        q.email = F.email(g, s, "EE")
        q.controllers = [ORG]
        q.named = rng.random() < .4
        q.notes.append("newsletter subscriber only (no loyalty card)")
        only.append(q)
    lines = [(p, False) for p in subs] + [(q, q.named) for q in only]
    rng.shuffle(lines)
    for k, (p, named) in enumerate(lines):
        em = email_messy(rng, p.email)
        r = T.rec(I, p)
        if named:
            I.ln(f"{p.given} {p.family} <{em}>")
            r.name(f"{p.given} {p.family}", "line")
        else:
            I.ln(em + (" " if rng.random() < .1 else ""))
        r.id("email", p.email, em, "line")
        if k % 37 == 5:
            I.ln(f"info@{rng.choice(['ravimiait', 'liilia', 'lemmikloom'])}.example.ee")
    for role in ("info@ravimiait.example.ee", "info@liilia.example.ee", "info@lemmikloom.example.ee"):
        if role in I.text():
            T.decoy(role, "role_mailbox", I, "line")

    # ---------------------------------------------------------------- J: 2019 export inside a ZIP (UTF-16LE TSV, old phones/addresses)
    J = leak.member("arhiiv/eksport_2019.zip", "kliendid_2019.txt", encoding="utf-16-le", bom=True, newline="\r\n")
    J.ln("Kaart\tIK\tNimi\tSünnikuupäev\tTelefon\tAadress")
    old = rng.sample(custs, 100)
    for p in old:
        r = T.rec(J, p)
        card = p.old_card or p.card
        r.id("loyalty_card", card, card, "Kaart")
        code = p.code if rng.random() < .9 else ""
        if code:
            r.id("ee_isikukood", p.code, code, "IK")
        nm = f"{p.family.upper()} {p.given}"
        r.name(nm, "Nimi")
        dob = p.dob.strftime("%d.%m.%Y")
        r.dob(p.dob, dob, "Sünnikuupäev")
        ph = ""
        if rng.random() < .5:
            if not hasattr(p, "old_phone"):
                p.old_phone = F.phone("EE")
            ph = phone_fmt(rng, p.old_phone, rng.choice([1, 2]))
            r.id("phone", p.old_phone, ph, "Telefon")
            p.notes.append("old phone number in the 2019 archive")
        ad = ""
        if rng.random() < .3:
            p.old_addr = F.address("EE")
            ad = addr_ee(rng, p.old_addr, 0)
            r.addr(p.old_addr["id"], ad, "Aadress")
            p.notes.append("old address in the 2019 archive")
        J.ln("\t".join([card, code, nm, dob, ph, ad]))
    leak.zip("arhiiv/eksport_2019.zip", [J])

    # ---------------------------------------------------------------- K/L/M/N: files without customers
    K = leak.doc("aruanded/kauplused.csv", encoding="cp1257", newline="\r\n")
    K.ln("Kauplus;Kett;Aadress;Telefon;E-post;Juhataja")
    for n in range(1, 19):
        ch = rng.choice(list(CHAINS))
        a = F.address("EE")
        tel = f"+372 6{rng.randint(10, 99)} {rng.randint(1000, 9999)}"
        em = f"{ch.lower()}{n:03d}@allium-upi.example.ee"
        K.ln(f"{ch}-{n:03d};{CHAINS[ch]};{addr_ee(rng, a, 0)};{tel};{em};{rng.choice(['Kersti', 'Anneli', 'Margus', 'Helen'])} {rng.choice(['Saar', 'Oja', 'Kivi'])}")
        if n <= 4:
            T.decoy("+" + tel.replace(" ", "")[1:], "store_phone", K, "Telefon", raw=tel)
            T.decoy(em, "store_mailbox", K, "E-post")
    L = leak.doc("aruanded/muuk_2023-09.txt", encoding="utf-8")
    L.ln("ALLIUM UPI OÜ                    MÜÜGIARUANNE 09/2023                 lk 1")
    L.ln("-" * 78)
    L.ln(f"{'KAUPLUS':<10}{'ARVE NR':<14}{'KUUPÄEV':<12}{'KÄIBE KM-TA':>14}{'KM':>12}{'KOKKU':>14}")
    for n in range(40):
        while True:
            inv = f"{rng.choice('3456')}{rng.randint(0, 10**10 - 1):010d}"
            if not ids.ee_valid(inv):
                break
        net = rng.randint(100000, 9999999) / 100
        L.ln(f"{rng.choice(list(CHAINS))}-{rng.randint(1, 48):03d}    {inv:<14}{'2023-09-%02d' % rng.randint(1, 30):<12}{net:>14.2f}{net * .22:>12.2f}{net * 1.22:>14.2f}")
        if n < 5:
            T.decoy(inv, "invoice_no_bad_checksum", L, "ARVE NR")
    org_iban = ids.iban_ee(rng)
    L.ln("-" * 78)
    L.ln(f"Arveldusarve: {org_iban[:4]} {org_iban[4:8]} {org_iban[8:12]} {org_iban[12:16]} {org_iban[16:]}   Registrikood 1{rng.randint(0, 9999999):07d}")
    T.decoy(org_iban, "organisation_iban", L, "footer", raw=f"{org_iban[:4]} {org_iban[4:8]}")
    M = leak.doc("qa/testkliendid.json")
    fixtures = [{"personalCode": "37605030299", "firstName": "Test", "lastName": "Testija", "email": "qa+1@allium-upi.test", "card": "2999999999998"},
                {"personalCode": "47101010033", "firstName": "Mari-Liis", "lastName": "Männik", "email": "qa+2@allium-upi.test", "card": "2999999999981"}]
    M.w(json.dumps({"comment": "QA fixtures, do not use in production", "customers": fixtures}, ensure_ascii=False, indent=2))
    for f in fixtures:
        T.decoy(f["personalCode"], "test_fixture", M, "personalCode")
        T.decoy(f["email"], "test_fixture", M, "email")
    leak.binary("pildid/kaardi_kujundus_2023.png", tiny_png())
    leak.binary("Allium_eksport/tyhi.csv", b"")

    errs = T.check()
    truth = T.to_json(title="Pharmacy-chain loyalty system (Estonia)", organisation=ORG, role="controller",
                      not_exposed=["credentials", "iban", "payment_card", "prescription"],
                      held=["national_id", "name", "email", "phone", "postal_address", "loyalty_card", "purchase_history"],
                      aware_at="2023-10-02")
    return leak, truth, errs
