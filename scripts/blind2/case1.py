"""Case 1: Estonian loyalty system of a pharmacy, a beauty and a pet-store chain."""
import datetime

from common import *
from names import *

OPER = "Kolmikkaart AS"
EE_DOM = ["example.ee", "example.com", "mail.example.ee", "example.net", "posti.example.ee", "inbox.test"]
EE_CITIES = [("Tallinn", 10111, 13999, 40), ("Tartu", 50101, 51020, 14), ("Narva", 20101, 21020, 8), ("Pärnu", 80010, 80050, 7),
             ("Kohtla-Järve", 30101, 31040, 5), ("Viljandi", 71001, 71030, 4), ("Rakvere", 44301, 44320, 4),
             ("Maardu", 74111, 74120, 4), ("Jõhvi", 41531, 41599, 3), ("Haapsalu", 90501, 90507, 2)]
EE_STREETS = ["Pärnu mnt", "Tartu mnt", "Narva mnt", "Mustamäe tee", "Sõpruse pst", "Lasnamäe tn", "Riia tn", "Jaama tn",
              "Kalda tee", "Ranna tee", "Pikk tn", "Vee tn", "Lille tn", "Kase tn", "Männi tee", "Kooli tn", "Tallinna mnt",
              "Rahu tn", "Kesk tn", "Õie tn", "Jõe tn", "Punane tn", "Vilde tee", "Ümera tn"]

APT_PRODUCTS = [("4740012000113", "Ibuprofeen 400 mg, 20 tbl", 3.49), ("4740012000120", "Paratsetamool 500 mg N20", 1.99),
                ("4740012000137", "Loratadiin 10 mg N10", 4.20), ("4740012000144", "Ninasprei ksülometasoliin 0,1%", 5.10),
                ("4740012000151", "D3-vitamiin 2000 IU N90", 9.90), ("4740012000168", "Omega-3 kapslid N60", 12.50),
                ("4740012000175", "Rasedustest 2 tk", 7.80), ("4740012000182", "Nikotiini närimiskumm 2 mg N30", 14.90),
                ("4740012000199", "Glükomeetri testribad N50", 21.00), ("4740012000205", "Kõhulahtisuse vastased kapslid N12", 6.30),
                ("4740012000212", "Päikesekreem SPF50 200 ml", 16.90), ("4740012000229", "Plaastrid, segapakk 20 tk", 2.60),
                ("4740012000236", "Magneesium + B6 N50", 8.40), ("4740012000243", "Kurgupastillid mentool N24", 5.70),
                ("4740012000250", "Huulepalsam", 3.10), ("4740012000267", "Sidemed elastne 8 cm", 2.90)]
ILU_PRODUCTS = [("Näokreem 50 ml", 24.90), ("Huulepulk nr 12", 14.50), ("Ripsmetušš must", 17.90), ("Šampoon 250 ml", 8.90),
                ("Küünelakk punane", 6.90), ("Parfüüm EDT 30 ml", 39.00), ("Kätekreem", 5.50), ("Meigieemaldaja 200 ml", 9.90)]
LEM_PRODUCTS = [("Kassitoit kana 1,5 kg", 12.99), ("Koeratoit täiskasvanule 12 kg", 54.90), ("Kassiliiv 10 l", 9.49),
                ("Kõrvaputitaja koertele", 11.20), ("Närimiskont", 3.99), ("Akvaariumi filter", 29.90), ("Linnuseemned 1 kg", 4.50)]
APT_STORES = ["TA-003 Tallinn Kristiine", "TA-014 Tartu Lõunakeskus", "TA-021 Narva Astri", "TA-027 Pärnu Kaubamajakas",
              "TA-031 Tallinn Lasnamäe", "TA-040 Viljandi"]


def ee_addr(rng, lang):
    if lang == "ru":
        pool = [("Tallinn", 10111, 13999), ("Narva", 20101, 21020), ("Kohtla-Järve", 30101, 31040), ("Maardu", 74111, 74120)]
        city, a, b = rng.choice(pool)
    else:
        city, a, b, _ = rng.choices(EE_CITIES, [c[3] for c in EE_CITIES])[0]
    street = f"{rng.choice(EE_STREETS)} {rng.randint(1, 140)}" + (f"-{rng.randint(1, 80)}" if rng.random() < 0.6 else "")
    return {"street": street, "zip": str(rng.randint(a, b)), "city": city}


def addr_text(a, rng, style=None):
    style = style if style is not None else rng.randint(0, 2)
    return [f"{a['street']}, {a['zip']} {a['city']}", f"{a['street']}, {a['city']}, {a['zip']}",
            f"{a['city']}, {a['street']}"][style]


def email_raw(rng, e, caps=0.08, pad=0.04):
    raw = e
    r = rng.random()
    if r < caps * 0.6:
        loc, dom = e.split("@")
        raw = ".".join(x[:1].upper() + x[1:] for x in loc.split(".")) + "@" + dom[:1].upper() + dom[1:]
    elif r < caps:
        raw = e.upper()
    if rng.random() < pad:
        raw = rng.choice([" " + raw, raw + " ", raw + "  "])
    return raw


def ee_phone_raw(rng, e):
    return fmt_phone(e, rng.choice(["local", "local_space", "local_space", "intl_space", "e164", "plain_cc", "paren_cc"]), "372")


def card_writings(chain, v):
    if chain == "apt":
        return {"plain": v, "spaced": f"{v[:4]} {v[4:8]} {v[8:12]} {v[12:]}", "dashed": f"{v[:4]}-{v[4:8]}-{v[8:12]}-{v[12]}"}
    if chain == "ilu":
        d = v[2:]
        return {"plain": v, "dashed": f"KS-{d}", "lower": v.lower(), "spaced": f"KS {d[:3]} {d[3:]}", "mixed": f"Ks-{d}"}
    return {"plain": v, "dashed": f"{v[:2]}-{v[2:6]}-{v[6:]}", "spaced": f"{v[:2]} {v[2:6]} {v[6:]}"}


def make(rng, out_dir):
    c = Case("case1_ee_pharmacy_loyalty",
             "Estonian loyalty-card operator for a pharmacy, a beauty and a pet-store chain (phishing); purchases join "
             "to customers only through the loyalty-card number.", rng)
    used_cards = set()

    def new_card(chain):
        while True:
            v = ean13("2470", rng) if chain == "apt" else ("KS" + f"{rng.randint(1, 9999999):07d}" if chain == "ilu"
                                                              else "77" + f"{rng.randint(0, 99999999):08d}")
            if v not in used_cards:
                used_cards.add(v)
                return v

    def pick_name(lang, sex, base_last=None):
        if lang == "et":
            return rng.choice(EE_M if sex == "M" else EE_F), base_last or rng.choice(EE_L), None
        if lang == "ru":
            f = rng.choice(RU_M if sex == "M" else RU_F)
            l = base_last or rng.choice(RU_L)
            ll, lc = (l[0] + "a", l[1] + "а") if sex == "F" else l
            return f[0], ll, f"{f[1]} {lc}"
        return rng.choice(EN_M if sex == "M" else EN_F), base_last or rng.choice(EN_L), None

    def person(lang=None, sex=None, base_last=None, dob=None):
        lang = lang or rng.choices(["et", "ru", "en"], [60, 30, 10])[0]
        sex = sex or rng.choice("MF")
        first, last, cyr = c.unique_name(lambda: pick_name(lang, sex, base_last))
        dob = dob or rand_date(rng, 1938, 2005)
        p = Person(c, first, last, sex, dob, lang)
        p.base_last = base_last
        p.cyr = cyr
        p.nid = None
        p.email = p.old_email = p.phone = p.addr = None
        p.cards = {}
        p.control(OPER)
        return p

    customers = []
    for _ in range(rng.randint(285, 320)):
        p = person()
        p.base_last = None
        if p.lang == "ru":
            p.base_last = next(l for l in RU_L if p.last in (l[0], l[0] + "a"))
        p.nid = ee_code(p.dob, p.sex, rng) if rng.random() < 0.87 else None
        p.email = email_for(rng, p.first, p.last, EE_DOM) if rng.random() < 0.86 else None
        p.phone = (ee_mobile(rng) if rng.random() < 0.85 else ee_landline(rng)) if rng.random() < 0.13 else None
        p.addr = ee_addr(rng, p.lang) if rng.random() < 0.19 else None
        if not (p.nid or p.email or p.phone or p.addr):
            p.email = email_for(rng, p.first, p.last, EE_DOM)
        for ch, pr in (("apt", 0.72), ("ilu", 0.33), ("lem", 0.28)):
            if rng.random() < pr:
                p.cards[ch] = new_card(ch)
        if not p.cards:
            ch = rng.choice(["apt", "apt", "ilu", "lem"])
            p.cards[ch] = new_card(ch)
        if not p.nid and not p.email and len(p.cards) > 1:
            # nothing but the name would tie two chains' rows together: keep such a customer in one chain
            keep = next(iter(p.cards))
            p.cards = {keep: p.cards[keep]}
        customers.append(p)

    # families sharing one e-mail address
    shared = set()
    anchors = [p for p in customers if p.email and p.nid]
    rng.shuffle(anchors)
    for a in anchors[:rng.randint(12, 18)]:
        child = a.dob.year < 1980 and rng.random() < 0.5
        dob = rand_date(rng, 1995, 2006) if child else rand_date(rng, max(1938, a.dob.year - 6), min(2004, a.dob.year + 6))
        m = person(lang=a.lang, base_last=(a.base_last if a.lang == "ru" else a.last), dob=dob)
        m.nid = ee_code(m.dob, m.sex, rng) if rng.random() < 0.95 else None
        m.email = a.email
        m.addr = a.addr if a.addr and rng.random() < 0.8 else None
        chs = [ch for ch in a.cards] or ["apt"]
        for ch in chs:
            if rng.random() < 0.7 or ch == chs[0]:
                m.cards[ch] = new_card(ch)
        m.note(lambda a=a, child=child: f"shares the e-mail address with {a.tid} ({'child' if child else 'family member'})")
        a.note(lambda m=m: f"shares the e-mail address with {m.tid}")
        shared.add(a.email)
        customers.append(m)

    regs = {"apt": ("Tervisetaht_Apteek/pysikliendid_2023-09-12.csv", "kaart_nr"),
            "ilu": ("Kaunisilu/crm/customers_export.json", "data.customers[].cardNo"),
            "lem": ("Karvane_Sober/KLIENDID.TXT", "col1 (no header)")}
    for p in customers:
        for ch, v in p.cards.items():
            c.maybe_decoy_number(v, regs[ch][0], regs[ch][1], "customer_loyalty_card")

    members = {ch: [p for p in customers if ch in p.cards] for ch in ("apt", "ilu", "lem")}
    for ch in members:
        rng.shuffle(members[ch])

    # ---------------------------------------------------------------- pharmacy register (title lines, ';', BOM)
    rel = "Tervisetaht_Apteek/pysikliendid_2023-09-12.csv"
    head = ["kliendi_id", "isikuk", "eesnimi", "perenimi", "sünnip", "e_post", "tel_nr", "aadress", "kaart_nr", "liitunud", "keel"]
    rows = [["Tervisetäht Apteek OÜ - püsikliendiprogramm"], ["Väljavõte seisuga 12.09.2023 03:14", "", "", ""], head]
    for i, p in enumerate(members["apt"]):
        r = {h: "" for h in head}
        r["kliendi_id"] = str(100000 + i * 7)
        if p.nid:
            r["isikuk"] = p.ident("ee_isikukood", p.nid, rel, "isikuk", p.nid)
        r["eesnimi"], r["perenimi"] = p.first, p.last
        p.named(f"{p.first} {p.last}", rel, "eesnimi+perenimi")
        if rng.random() < 0.4:
            r["sünnip"] = f"{p.dob:%d.%m.%Y}"
            p.expose("date_of_birth", rel, "sünnip")
        if p.email:
            r["e_post"] = p.ident("email", p.email, rel, "e_post", email_raw(rng, p.email))
        if p.phone:
            r["tel_nr"] = p.ident("phone", p.phone, rel, "tel_nr", ee_phone_raw(rng, p.phone))
        if p.addr:
            r["aadress"] = addr_text(p.addr, rng, 0)
            p.expose("postal_address", rel, "aadress")
        r["kaart_nr"] = p.ident("loyalty_card", p.cards["apt"], rel, "kaart_nr", p.cards["apt"])
        r["liitunud"] = f"{rand_date(rng, 2012, 2023):%d.%m.%Y}"
        r["keel"] = p.lang.upper()
        rows.append([r[h] for h in head])
    c.write(rel, csv_text(rows, ";"), bom=True)

    # ---------------------------------------------------------------- pharmacy legacy register (TSV, upper-case header)
    rel = "Tervisetaht_Apteek/arhiiv/KLIENDID_2019.TSV"
    rows = [["CUST_NO", "PERSONAL_CODE", "NAME", "EMAIL", "PHONE", "CARD"]]
    for i, p in enumerate(members["apt"]):
        if rng.random() > 0.27:
            continue
        if p.email and p.email not in shared and rng.random() < 0.3:
            p.old_email = email_for(rng, p.first, p.last, ["example.ee", "vana.example.ee", "example.org"], style="nick")
            p.note("a different (older) e-mail address in the 2019 archive")
        e = p.old_email or p.email
        nm = f"{p.last.upper()}, {p.first.upper()}"
        rows.append([f"A{i:05d}", p.ident("ee_isikukood", p.nid, rel, "PERSONAL_CODE", p.nid) if p.nid else "",
                     p.named(nm, rel, "NAME"),
                     p.ident("email", e, rel, "EMAIL", email_raw(rng, e, caps=0.3)) if e else "",
                     p.ident("phone", p.phone, rel, "PHONE", ee_phone_raw(rng, p.phone)) if p.phone else "",
                     p.ident("loyalty_card", p.cards["apt"], rel, "CARD", card_writings("apt", p.cards["apt"])["spaced"])])
    c.write(rel, csv_text(rows, "\t", lt="\n"))

    # ---------------------------------------------------------------- pharmacy purchases, three writings of the card
    orphan = [new_card("apt") for _ in range(rng.randint(4, 8))]
    buyers = [p for p in members["apt"] if rng.random() < 0.66]
    month_of = {}
    for p in buyers:
        month_of[p] = rng.sample([7, 8, 9], rng.choice([1, 1, 2]))
    used_receipts = set()

    def receipt():
        while True:
            if rng.random() < 0.04:
                d = rand_date(rng, 1940, 2005)
                v = ee_code(d, rng.choice("MF"), rng)
                kind = "deliberate"
            else:
                v = "9" + f"{rng.randint(0, 9999999999):010d}"
                kind = None
            if v not in used_receipts:
                used_receipts.add(v)
                return v, kind

    def receipts_for(month):
        out = []
        for p in buyers:
            if month in month_of[p]:
                out.append((p, p.cards["apt"]))
        for o in orphan:
            if rng.random() < 0.5:
                out.append((None, o))
        for _ in range(rng.randint(30, 50)):
            out.append((None, None))
        rng.shuffle(out)
        return out

    def lines():
        return rng.sample(APT_PRODUCTS, rng.randint(1, 4))

    def note_receipt(v, kind, rel, field):
        if kind:
            c.decoy("receipt_number_valid_isikukood_shape", v, rel, field, "receipt number that passes the isikukood check")
        else:
            c.maybe_decoy_number(v, rel, field, "receipt_number")

    def orphan_decoy(card, rel, field):
        if not any(d["value"] == card and d["file"] == rel for d in c.decoys):
            c.decoy("orphan_loyalty_card", card, rel, field, "card with purchases but no customer record: identifies no one")

    rel = "Tervisetaht_Apteek/ostud/ostud_2023-07.tsv"
    rows = [["tšekk", "aeg", "apteek", "kaart", "kaup", "kogus", "hind"]]
    for owner, card in receipts_for(7):
        rno, kind = receipt()
        note_receipt(rno, kind, rel, "tšekk")
        ts = f"2023-07-{rng.randint(1, 31):02d} {rng.randint(8, 21):02d}:{rng.randint(0, 59):02d}"
        st = rng.choice(APT_STORES)
        for ean, nm, pr in lines():
            rows.append([rno, ts, st, card or "", nm, str(rng.randint(1, 2)), f"{pr:.2f}".replace(".", ",")])
        if owner:
            owner.ident("loyalty_card", card, rel, "kaart", card)
            owner.expose("purchase_history", rel, "kaart (join)")
        elif card:
            orphan_decoy(card, rel, "kaart")
    c.write(rel, csv_text(rows, "\t", lt="\n"))

    rel = "Tervisetaht_Apteek/ostud/ostud_2023-08.ndjson"
    out = []
    for owner, card in receipts_for(8):
        rno, kind = receipt()
        note_receipt(rno, kind, rel, "receipt")
        ls = [{"ean": e, "name": n, "qty": rng.randint(1, 2), "price": p} for e, n, p in lines()]
        raw = card_writings("apt", card)["spaced"] if card else None
        obj = {"receipt": rno, "ts": f"2023-08-{rng.randint(1, 31):02d}T{rng.randint(8, 21):02d}:{rng.randint(0, 59):02d}:00+03:00",
               "store": rng.choice(APT_STORES), "bonus": raw, "lines": ls,
               "total": round(sum(l["qty"] * l["price"] for l in ls), 2)}
        out.append(jdump(obj))
        if owner:
            owner.ident("loyalty_card", card, rel, "bonus", raw)
            owner.expose("purchase_history", rel, "bonus (join)")
        elif card:
            orphan_decoy(card, rel, "bonus")
    c.write(rel, "\n".join(out) + "\n")

    rel = "Tervisetaht_Apteek/ostud/ostud_2023-09.csv"
    rows = [["receipt_no", "datetime", "store_id", "card", "sku", "product", "qty", "price"]]
    for owner, card in receipts_for(9):
        rno, kind = receipt()
        note_receipt(rno, kind, rel, "receipt_no")
        ts = f"2023-09-{rng.randint(1, 11):02d}T{rng.randint(8, 21):02d}:{rng.randint(0, 59):02d}"
        st = rng.choice(APT_STORES)[:6]
        raw = card_writings("apt", card)["dashed"] if card else ""
        for ean, nm, pr in lines():
            rows.append([rno, ts, st, raw, ean, nm, str(rng.randint(1, 3)), f"{pr:.2f}"])
        if owner:
            owner.ident("loyalty_card", card, rel, "card", raw)
            owner.expose("purchase_history", rel, "card (join)")
        elif card:
            orphan_decoy(card, rel, "card")
    c.write(rel, csv_text(rows, ","))
    for p in buyers:
        p.optional("health_data", "over-the-counter pharmacy purchases can hint at health conditions (no prescriptions in the data)")

    # ---------------------------------------------------------------- beauty chain: nested JSON CRM export
    rel = "Kaunisilu/crm/customers_export.json"
    custs = []
    for i, p in enumerate(members["ilu"]):
        raw_card = card_writings("ilu", p.cards["ilu"])["dashed"]
        o = {"id": f"C-{104000 + i * 3}", "personalCode": None, "name": {"first": p.first, "last": p.last},
             "customerEmail": None, "phoneNumber": None, "birthDate": None, "cardNo": raw_card, "address": None,
             "consents": {"email": rng.random() < 0.7, "sms": rng.random() < 0.3}, "segment": rng.choice(["BASIC", "SILVER", "GOLD"])}
        p.named(f"{p.first} {p.last}", rel, "data.customers[].name.first+last")
        p.ident("loyalty_card", p.cards["ilu"], rel, "data.customers[].cardNo", raw_card)
        if p.nid and (rng.random() < 0.9 or not p.email):
            o["personalCode"] = p.ident("ee_isikukood", p.nid, rel, "data.customers[].personalCode", p.nid)
        if p.email:
            o["customerEmail"] = p.ident("email", p.email, rel, "data.customers[].customerEmail", email_raw(rng, p.email))
        if p.phone:
            o["phoneNumber"] = p.ident("phone", p.phone, rel, "data.customers[].phoneNumber", fmt_phone(p.phone, "e164", "372"))
        if rng.random() < 0.5:
            o["birthDate"] = f"{p.dob:%Y-%m-%d}"
            p.expose("date_of_birth", rel, "data.customers[].birthDate")
        if p.addr:
            o["address"] = {"street": p.addr["street"], "postalCode": p.addr["zip"], "city": p.addr["city"], "country": "EE"}
            p.expose("postal_address", rel, "data.customers[].address")
        custs.append(o)
    c.write(rel, jdump({"exportedAt": "2023-09-12T01:02:03Z", "system": "Kaunisilu CRM 4.2", "data": {"count": len(custs), "customers": custs}}, 2))

    # UTF-16 LE "Unicode text" from a spreadsheet
    rel = "Kaunisilu/crm/Kliendid_unicode.txt"
    rows = [["Kliendikaart", "Nimi", "E-post", "Mobiil", "Liitumise kuupäev"]]
    for p in members["ilu"]:
        if rng.random() > 0.45:
            continue
        raw_card = card_writings("ilu", p.cards["ilu"])["lower"]
        rows.append([p.ident("loyalty_card", p.cards["ilu"], rel, "Kliendikaart", raw_card),
                     p.named(f"{p.first} {p.last}", rel, "Nimi"),
                     p.ident("email", p.email, rel, "E-post", email_raw(rng, p.email)) if p.email else "",
                     p.ident("phone", p.phone, rel, "Mobiil", ee_phone_raw(rng, p.phone)) if p.phone else "",
                     f"{rand_date(rng, 2015, 2023):%d.%m.%Y}"])
    c.write(rel, csv_text(rows, "\t", lt="\r\n"), enc="utf-16-le", bom=True)

    # beauty transactions: member_ref, items in a quoted multi-line field
    rel = "Kaunisilu/tehingud_2023.csv"
    rows = [["date", "store", "member_ref", "amount", "items"]]
    tx = []
    for p in members["ilu"]:
        if rng.random() < 0.55:
            for _ in range(rng.randint(1, 2)):
                tx.append(p)
    tx += [None] * rng.randint(25, 40)
    rng.shuffle(tx)
    for p in tx:
        its = rng.sample(ILU_PRODUCTS, rng.randint(1, 3))
        ref = ""
        if p:
            ref = card_writings("ilu", p.cards["ilu"])[rng.choice(["spaced", "mixed", "plain"])]
            p.ident("loyalty_card", p.cards["ilu"], rel, "member_ref", ref)
            p.expose("purchase_history", rel, "member_ref (join)")
        rows.append([f"2023-{rng.randint(1, 8):02d}-{rng.randint(1, 28):02d}", rng.choice(["Viru", "Kristiine", "Tasku", "Ülemiste"]),
                     ref, f"{sum(x[1] for x in its):.2f}", "\n".join(f"{n} x{rng.randint(1, 2)}" for n, _ in its)])
    c.write(rel, csv_text(rows, ","))

    # ---------------------------------------------------------------- pet chain: windows-1257, '|' and no header row
    rel = "Karvane_Sober/KLIENDID.TXT"
    lines_ = []
    for p in members["lem"]:
        raw_card = card_writings("lem", p.cards["lem"])["dashed"]
        city = p.addr["city"] if p.addr else ee_addr(rng, p.lang)["city"]
        p.ident("loyalty_card", p.cards["lem"], rel, "col1 (no header)", raw_card)
        cells = [raw_card, p.ident("ee_isikukood", p.nid, rel, "col2 (no header)", p.nid) if p.nid else "",
                 p.last.upper(), p.first]
        p.named(f"{p.last.upper()} {p.first}", rel, "col3+col4 (no header)")
        cells.append(p.ident("email", p.email, rel, "col5 (no header)", email_raw(rng, p.email)) if p.email else "")
        cells.append(p.ident("phone", p.phone, rel, "col6 (no header)", fmt_phone(p.phone, "local", "372")) if p.phone else "")
        cells.append(city)
        p.optional("postal_address", "only the city is given in the pet chain's register")
        lines_.append("|".join(cells))
    c.write(rel, "\r\n".join(lines_) + "\r\n", enc="windows-1257")

    # Russian-language mailing segment (names partly in Cyrillic)
    rel = "Karvane_Sober/рассылка_ru.csv"
    rows = [["ФИО", "Эл. почта", "Телефон", "Номер карты"]]
    for p in members["lem"]:
        if p.lang != "ru" or not p.email:
            continue
        nm = (f"{p.cyr.split()[1]} {p.cyr.split()[0]}" if rng.random() < 0.6 else f"{p.last} {p.first}")
        raw_card = card_writings("lem", p.cards["lem"])["spaced"]
        rows.append([p.named(nm, rel, "ФИО"), p.ident("email", p.email, rel, "Эл. почта", email_raw(rng, p.email)),
                     p.ident("phone", p.phone, rel, "Телефон", ee_phone_raw(rng, p.phone)) if p.phone else "",
                     p.ident("loyalty_card", p.cards["lem"], rel, "Номер карты", raw_card)])
    c.write(rel, csv_text(rows, ";"), bom=True)

    rel = "Karvane_Sober/müük_2023.csv"
    rows = [["kuupäev", "pood", "kliendikaart_nr", "toode", "summa"]]
    sales = [p for p in members["lem"] if rng.random() < 0.6] + [None] * rng.randint(20, 35)
    rng.shuffle(sales)
    for p in sales:
        nm, pr = rng.choice(LEM_PRODUCTS)
        card = ""
        if p:
            card = p.ident("loyalty_card", p.cards["lem"], rel, "kliendikaart_nr", p.cards["lem"])
            p.expose("purchase_history", rel, "kliendikaart_nr (join)")
        rows.append([f"{rng.randint(1, 28):02d}.{rng.randint(1, 8):02d}.2023", rng.choice(["Tallinn Järve", "Tartu Eeden", "Narva Fama"]),
                     card, nm, f"{pr:.2f}".replace(".", ",")])
    c.write(rel, csv_text(rows, ";"))

    # ---------------------------------------------------------------- shared: newsletter list, sync log, support tickets
    rel = "yhine/uudiskiri_tellijad.txt"
    out = ["# Uudiskirja tellijad (kõik ketid) - eksport 10.09.2023", "# üks aadress reas", ""]
    subs = [p for p in customers if p.email and p.email not in shared and rng.random() < 0.35]
    only = []
    for _ in range(rng.randint(20, 30)):
        lang = rng.choices(["et", "ru", "en"], [55, 30, 15])[0]
        sex = rng.choice("MF")
        first, last, cyr = c.unique_name(lambda: pick_name(lang, sex))
        named = rng.random() < 0.5
        q = Person(c, first, last, sex, None, lang, name=None if named else "")
        q.email = email_for(rng, first, last, EE_DOM)
        q.named_in_list = named
        q.control(OPER)
        q.note("newsletter subscriber only" + ("" if named else " (e-mail address only)"))
        only.append(q)
    allsubs = subs + only
    rng.shuffle(allsubs)
    for p in allsubs:
        named = getattr(p, "named_in_list", rng.random() < 0.4)
        raw = email_raw(rng, p.email, caps=0.15, pad=0.1)
        if named:
            out.append(f"{p.named(p.name, rel, 'line: Name <e-mail>')} <{p.ident('email', p.email, rel, 'line: Name <e-mail>', raw.strip())}>")
        else:
            out.append(p.ident("email", p.email, rel, "line", raw))
    c.write(rel, "\n".join(out) + "\n")

    rel = "yhine/crm_sync_2023-09-11.log"
    out = []
    t = datetime.datetime(2023, 9, 11, 2, 0, 0)
    logged = [p for p in customers if rng.random() < 0.3]
    rng.shuffle(logged)
    for n, p in enumerate(logged):
        t += datetime.timedelta(seconds=rng.randint(1, 20))
        ch = rng.choice(list(p.cards))
        card = p.ident("loyalty_card", p.cards[ch], rel, "card=", p.cards[ch])
        em = ""
        if p.email and rng.random() < 0.7:
            em = " email=" + p.ident("email", p.email, rel, "email=", p.email)
        out.append(f"{t:%Y-%m-%d %H:%M:%S},{rng.randint(0, 999):03d} INFO  [sync-{rng.randint(1, 4)}] upsert member chain={ch.upper()} card={card}{em} -> OK")
        if n % 37 == 5:
            out.append(f"{t:%Y-%m-%d %H:%M:%S},{rng.randint(0, 999):03d} WARN  [mail] bounce from MAILER-DAEMON@mx.example.ee, relay noreply@kolmikkaart.example.ee")
    c.write(rel, "\n".join(out) + "\n")
    c.decoy("role_email", "MAILER-DAEMON@mx.example.ee", rel, "log line", "mail system address")
    c.decoy("role_email", "noreply@kolmikkaart.example.ee", rel, "log line", "operator's relay address")

    rel = "yhine/klienditugi_2023.ndjson"
    out = []
    pool = [p for p in customers if p.email and p.email not in shared]
    for n, p in enumerate(rng.sample(pool, min(len(pool), rng.randint(26, 36)))):
        ch = rng.choice(list(p.cards))
        raw_card = card_writings(ch, p.cards[ch])[rng.choice(list(card_writings(ch, p.cards[ch])))]
        p.ident("loyalty_card", p.cards[ch], rel, "body (in text)", raw_card)
        idtxt = ""
        if p.nid and rng.random() < 0.5:
            p.ident("ee_isikukood", p.nid, rel, "body (in text)", p.nid)
            idtxt = p.nid
        phtxt = ""
        if p.phone and rng.random() < 0.6:
            phtxt = p.ident("phone", p.phone, rel, "body (in text)", ee_phone_raw(rng, p.phone))
        if p.lang == "ru":
            sig = p.cyr if rng.random() < 0.5 else p.name
            body = (f"Здравствуйте!\nМоя карта {raw_card} не работает на кассе." + (f" Мой личный код {idtxt}." if idtxt else "") +
                    (f"\nМой новый телефон: {phtxt}" if phtxt else "") + f"\nС уважением,\n{sig}")
            subj = "Карта не работает"
        elif p.lang == "en":
            sig = p.name
            body = (f"Hi,\nmy loyalty card {raw_card} doesn't show my points." + (f" My ID code is {idtxt}." if idtxt else "") +
                    (f"\nYou can call me on {phtxt}." if phtxt else "") + f"\nThanks,\n{sig}")
            subj = "Points missing"
        else:
            sig = p.name
            body = (f"Tere!\nMinu kliendikaart {raw_card} ei tööta kassas." + (f" Isikukood {idtxt}." if idtxt else "") +
                    (f"\nUus telefoninumber: {phtxt}" if phtxt else "") + f"\nLugupidamisega\n{sig}")
            subj = "Kaart ei tööta"
        p.named(sig, rel, "body (signature)")
        frm = p.ident("email", p.email, rel, "from", email_raw(rng, p.email, caps=0.2, pad=0.1))
        out.append(jdump({"id": f"KT-2023-{400 + n * 3:04d}", "created": f"2023-0{rng.randint(1, 8)}-{rng.randint(10, 28)}T10:{rng.randint(10, 59)}:00Z",
                          "channel": "email", "from": frm, "to": "klienditugi@kolmikkaart.example.ee", "subject": subj, "body": body,
                          "status": rng.choice(["closed", "open"])}))
    c.write(rel, "\n".join(out) + "\n")
    c.decoy("role_email", "klienditugi@kolmikkaart.example.ee", rel, "to", "support mailbox")

    return c.finalize(out_dir, {"not_exposed": ["iban", "payment_card", "credentials", "prescription"]})
