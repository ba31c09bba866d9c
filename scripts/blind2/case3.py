"""Case 3: Finnish logistics processor delivering incontinence products (and hearing-aid supplies) to homes."""
import datetime

from common import *
from names import *
from case1 import email_raw

PROC = "Kotihoivalogistiikka Oy"
SELF = "Absorbia Finland Oy (itse maksavat asiakkaat)"
HEAR = ["Kuulokeskus Aalto Oy", "Hörselhuset Ab"]
REG = [  # key, controller, swedish share, cities [(fi, zip, sv)], area codes, weight
    ("phhva", "Päijät-Hämeen hyvinvointialue", 0.0, [("Lahti", "15100", None), ("Lahti", "15140", None), ("Heinola", "18100", None),
                                                  ("Orimattila", "16300", None)], ["3"], 44),
    ("pkarjala", "Pohjois-Karjalan hyvinvointialue", 0.0, [("Joensuu", "80100", None), ("Joensuu", "80220", None),
                                                        ("Lieksa", "81700", None), ("Kitee", "82500", None)], ["13"], 34),
    ("itauusimaa", "Itä-Uudenmaan hyvinvointialue", 0.45, [("Porvoo", "06100", "Borgå"), ("Loviisa", "07900", "Lovisa"),
                                                         ("Sipoo", "04130", "Sibbo")], ["19"], 26),
    ("lansiuusimaa", "Länsi-Uudenmaan hyvinvointialue", 0.4, [("Espoo", "02230", "Esbo"), ("Raasepori", "10600", "Raseborg"),
                                                            ("Lohja", "08100", "Lojo"), ("Kirkkonummi", "02400", "Kyrkslätt")], ["9", "19"], 52),
    ("kymenlaakso", "Kymenlaakson hyvinvointialue", 0.0, [("Kotka", "48100", None), ("Kouvola", "45100", None),
                                                       ("Hamina", "49400", None)], ["5"], 40),
    ("keskiuusimaa", "Keski-Uudenmaan hyvinvointialue", 0.03, [("Hyvinkää", "05800", None), ("Järvenpää", "04400", None),
                                                             ("Kerava", "04200", None), ("Tuusula", "04300", None)], ["19", "9"], 30),
    ("helsinki", "Helsingin kaupunki", 0.1, [("Helsinki", "00530", "Helsingfors"), ("Helsinki", "00940", "Helsingfors"),
                                            ("Helsinki", "00180", "Helsingfors")], ["9"], 26),
    ("hus", "HUS-yhtymä", 0.08, [("Helsinki", "00290", "Helsingfors"), ("Vantaa", "01300", "Vanda"), ("Espoo", "02100", "Esbo")], ["9"], 10),
]
FI_STREETS = ["Kauppakatu", "Rauhankatu", "Koulukatu", "Mäkitie", "Koivukuja", "Rantatie", "Puistokatu", "Asemantie", "Kirkkokatu",
              "Myllytie", "Pihlajatie", "Vaahterakuja", "Kalliotie", "Niittytie", "Harjukatu", "Satamakatu", "Sepänkatu"]
SV_STREETS = ["Storgatan", "Strandvägen", "Skolgatan", "Kyrkogatan", "Åsvägen", "Björkvägen", "Mannerheimgatan", "Ängsvägen",
              "Bergsgatan", "Hamngatan"]
PRODUCTS = [  # code, fi, sv, kind
    ("HV-M-14", "Housuvaippa M (14 kpl)", "Byxblöja M (14 st)", "inc"), ("HV-L-14", "Housuvaippa L (14 kpl)", "Byxblöja L (14 st)", "inc"),
    ("TV-L-20", "Teippivaippa L (20 kpl)", "Tejpblöja L (20 st)", "inc"),
    ("IS-N-28", "Inkontinenssisuoja Normal (28 kpl)", "Inkontinensskydd Normal (28 st)", "inc"),
    ("IS-X-20", "Inkontinenssisuoja Extra (20 kpl)", "Inkontinensskydd Extra (20 st)", "inc"),
    ("AL-6090", "Aluslevy 60x90 cm (30 kpl)", "Underlägg 60x90 cm (30 st)", "inc"),
    ("MS-12", "Miesten suoja (12 kpl)", "Herrskydd (12 st)", "inc"),
    ("KK-M-100", "Kertakäyttökäsineet M (100 kpl)", "Engångshandskar M (100 st)", "neutral"),
]
HEAR_PRODUCTS = [("KP-312", "Kuulokojeparisto 312 (60 kpl)", "Hörapparatsbatteri 312 (60 st)", "hear"),
                 ("KP-13", "Kuulokojeparisto 13 (60 kpl)", "Hörapparatsbatteri 13 (60 st)", "hear"),
                 ("KU-8", "Kuulokojeen kupu 8 mm (10 kpl)", "Dome till hörapparat 8 mm (10 st)", "hear")]


def make(rng, out_dir):
    c = Case("case3_fi_logistics_processor",
             "Finnish home-delivery logistics processor (ransomware): route sheets, order exports, web orders and coordinator "
             "e-mails; HETU only for self-paying customers; welfare regions, HUS, the manufacturer and hearing-aid companies "
             "are the controllers.", rng)
    used_hetu = set()

    def new_person(swedish, sex=None, last=None, dob=None):
        sex = sex or rng.choice("MF")

        def mk():
            if swedish:
                return rng.choice(FS_M if sex == "M" else FS_F), last or rng.choice(FS_L)
            return rng.choice(FI_M if sex == "M" else FI_F), last or rng.choice(FI_L)
        first, ln = c.unique_name(mk)
        p = Person(c, first, ln, sex, dob or rand_date(rng, 1926, 1975), "sv" if swedish else "fi")
        p.sv = swedish
        p.hetu = p.email = p.iban = p.pan = p.phone = None
        p.products = []
        p.regions = []
        p.cno = f"A{len(c.persons) * 13 + 10007:05d}"
        return p

    def addr_in(reg, swedish):
        fi_city, zipc, sv_city = rng.choice(reg[3])
        if swedish and sv_city:
            st = rng.choice(SV_STREETS)
            city = sv_city
        else:
            st = rng.choice(FI_STREETS)
            city = fi_city
        num = f"{rng.randint(1, 60)}"
        if rng.random() < 0.55:
            num += f" {rng.choice('ABCD')} {rng.randint(1, 40)}"
        return {"street": f"{st} {num}", "zip": zipc, "city": city}

    def landline(reg):
        return fi_landline(rng, rng.choice(reg[4]))

    def phone_raw(p, styles=None):
        return fmt_phone(p.phone, rng.choice(styles or ["local", "local_space", "local_space", "local_dash", "intl_space", "e164",
                                                        "plain_cc", "intl_zero"]), "358")

    def products(kind="inc"):
        pool = [x for x in PRODUCTS if x[3] == "inc"] if kind == "inc" else HEAR_PRODUCTS
        ps = rng.sample(pool, rng.randint(1, 2))
        if kind == "inc" and rng.random() < 0.3:
            ps.append(PRODUCTS[-1])
        return ps

    # ------------------------------------------------------------ persons
    region_cust = []
    for reg in REG:
        for _ in range(int(reg[5] * rng.uniform(0.85, 1.15))):
            sv = rng.random() < reg[2]
            p = new_person(sv)
            p.reg = reg
            p.addr = addr_in(reg, sv)
            r = rng.random()
            p.phone = fi_mobile(rng) if r < 0.55 else (landline(reg) if r < 0.8 else None)
            p.email = email_for(rng, p.first, p.last, ["example.fi", "posti.example.fi", "example.com"]) if rng.random() < 0.05 else None
            p.products = products()
            p.control(reg[1])
            p.regions.append(reg)
            region_cust.append(p)
    # spouses sharing a landline
    couples = []
    for a in rng.sample(region_cust, 9):
        b = new_person(a.sv, sex="M" if a.sex == "F" else "F", last=a.last, dob=rand_date(rng, a.dob.year - 4, min(1976, a.dob.year + 4)))
        b.reg = a.reg
        b.addr = a.addr
        if not a.phone or a.phone.startswith("+3584") or a.phone.startswith("+35850"):
            a.phone = landline(a.reg)
        b.phone = a.phone
        b.products = products()
        b.control(a.reg[1])
        b.regions.append(a.reg)
        a.note(lambda b=b: f"spouse {b.tid} shares the landline and the address")
        b.note(lambda a=a: f"spouse {a.tid} shares the landline and the address")
        b.email = None
        couples.append((a, b))
        region_cust.append(b)
    spouse_set = {x for ab in couples for x in ab}
    # movers: served by two regions (two addresses, same mobile)
    movers = []
    for p in rng.sample([x for x in region_cust if x not in spouse_set], 3):
        other = rng.choice([r for r in REG if r != p.reg])
        p.old = (p.reg, p.addr)
        p.reg = other
        p.addr = addr_in(other, p.sv)
        p.phone = fi_mobile(rng)
        p.control(other[1])
        p.regions.append(other)
        p.note("moved between two regions: two addresses, two controllers")
        movers.append(p)
    # self-paying customers (HETU) and region customers who also buy themselves
    selfp = []
    for _ in range(rng.randint(30, 40)):
        p = new_person(rng.random() < 0.12, dob=rand_date(rng, 1938, 2004))
        p.reg = rng.choice(REG)
        p.addr = addr_in(p.reg, p.sv)
        p.phone = fi_mobile(rng) if rng.random() < 0.85 else None
        p.email = email_for(rng, p.first, p.last, ["example.fi", "posti.example.fi", "example.com", "example.net"]) if rng.random() < 0.85 else None
        p.products = products()
        selfp.append(p)
    for p in rng.sample([x for x in region_cust if x not in spouse_set and x not in movers], 6):
        p.email = p.email or email_for(rng, p.first, p.last, ["example.fi", "example.com"])
        p.note("region customer who also orders at own cost (two controllers)")
        selfp.append(p)
    for p in selfp:
        p.control(SELF)
        p.hetu = fi_hetu(p.dob, p.sex, rng, new_sign=rng.random() < 0.12)
        while p.hetu in used_hetu:
            p.hetu = fi_hetu(p.dob, p.sex, rng, new_sign=rng.random() < 0.12)
        used_hetu.add(p.hetu)
        if rng.random() < 0.35:
            p.iban = fi_iban(rng)
    # hearing-aid company customers
    hearing = []
    for _ in range(rng.randint(20, 28)):
        p = new_person(rng.random() < 0.2, dob=rand_date(rng, 1930, 1990))
        p.reg = rng.choice(REG)
        p.addr = addr_in(p.reg, p.sv)
        p.phone = fi_mobile(rng) if rng.random() < 0.8 else landline(p.reg)
        p.email = email_for(rng, p.first, p.last, ["example.fi", "example.com"]) if rng.random() < 0.6 else None
        p.hear = rng.choice(HEAR)
        p.hproducts = products("hear")
        p.control(p.hear)
        hearing.append(p)
    for p in rng.sample([x for x in region_cust if x not in spouse_set and x not in movers and not x.hetu], 3):
        p.hear = rng.choice(HEAR)
        p.hproducts = products("hear")
        p.control(p.hear)
        p.phone = p.phone or fi_mobile(rng)
        p.note("region customer who is also a hearing-aid company's customer (two controllers)")
        hearing.append(p)

    for p in region_cust:
        r = rng.random()
        p.email_only = r < 0.04 and p not in spouse_set and p not in movers and not p.hetu and not hasattr(p, "hear")
        p.on_route = not p.email_only and (rng.random() < 0.85 or p in spouse_set or p in movers)
        p.in_orders = not p.email_only and (rng.random() < 0.6 or not p.on_route)
        p.in_mail = p.email_only or rng.random() < 0.08
        p.order_months = rng.sample([5, 6], rng.choice([1, 2, 2])) if p.in_orders else []

    def name_up(p):
        return f"{p.last.upper()} {p.first.upper()}"

    def addr_line(a, upper_city=False):
        return f"{a['street']}, {a['zip']} {a['city'].upper() if upper_city else a['city']}"

    def prod_text(p, ps, sv):
        return "; ".join(f"{rng.randint(1, 4)} {'pkt' if sv else 'ps'} {x[2] if sv else x[1]}" for x in ps)

    def inferred(p, rel, field, ps):
        kinds = {x[3] for x in ps}
        if "inc" in kinds or "hear" in kinds:
            p.expose("health_data", rel, field + " (inferred from products)")

    # ------------------------------------------------------------ route sheets
    dates = [datetime.date(2023, 5, 9), datetime.date(2023, 5, 23), datetime.date(2023, 6, 6)]
    for reg in REG:
        custs = [p for p in region_cust if p.on_route and (p.reg == reg or (hasattr(p, "old") and p.old[0] == reg))]
        stops = {d: [] for d in dates}
        for p in custs:
            ds = rng.sample(dates, rng.randint(1, 3))
            if hasattr(p, "old"):
                ds = [dates[0]] if p.old[0] == reg else [dates[2]]
            for d in ds:
                stops[d].append(p)
        for (a, b) in couples:
            if a.reg == reg:
                for d in dates:
                    if a in stops[d] and b not in stops[d]:
                        stops[d].append(b)
                    if b in stops[d] and a not in stops[d]:
                        stops[d].append(a)
        for d in dates:
            lst = stops[d]
            lst.sort(key=lambda p: (p.addr["zip"], p.addr["street"]) if not (hasattr(p, "old") and p.old[0] == reg) else (p.old[1]["zip"], ""))
            for auto, k in enumerate(range(0, len(lst), 22), 1):
                chunk = lst[k:k + 22]
                sv = reg[2] > 0.3 and rng.random() < 0.5
                rel = f"reitit/{reg[0]}/{d:%Y-%m-%d}_{'rutt' if sv else 'reitti'}_{auto}.txt"
                if sv:
                    L = [f"{PROC.upper()} - KÖRLISTA", f"Område: {reg[1]}   Datum: {d:%d.%m.%Y}   Bil: {auto}   Chaufför: F-{rng.randint(10, 40)}", "-" * 64]
                else:
                    L = [f"{PROC.upper()} - AJOLISTA", f"Alue: {reg[1]}   Pvm: {d:%d.%m.%Y}   Auto: {auto}   Kuljettaja: K-{rng.randint(10, 40)}", "-" * 64]
                for i, p in enumerate(chunk, 1):
                    addr = p.old[1] if hasattr(p, "old") and p.old[0] == reg else p.addr
                    L.append(f"{i:>2}. {p.named(name_up(p), rel, 'stop: name')}")
                    L.append(f"    {addr_line(addr, True)}")
                    p.expose("postal_address", rel, "stop: address")
                    p.expose("delivery_info", rel, "stop")
                    if p.phone and (rng.random() < 0.85 or hasattr(p, "old")):
                        L.append(f"    {'Tfn' if sv else 'Puh.'} {p.ident('phone', p.phone, rel, 'stop: phone', phone_raw(p, ['local_space', 'local', 'local_dash']))}")
                    L.append(f"    {'Produkter' if sv else 'Tuotteet'}: {prod_text(p, p.products, sv)}")
                    inferred(p, rel, "stop: products", p.products)
                    if rng.random() < 0.4:
                        L.append(f"    {'Obs' if sv else 'Huom'}: " + rng.choice(
                            ["Ring på dörren två gånger", "Lämna vid dörren", "Portkod 1234"] if sv else
                            [f"Ovikoodi {rng.randint(1000, 9999)}", "Soita ennen", "Jätä oven taakse", "Avain avainsäilössä"]))
                    L.append("")
                L.append(f"{'Stopp' if sv else 'Pysähdyksiä'}: {len(chunk)}")
                c.write(rel, "\n".join(L) + "\n")

    # ------------------------------------------------------------ monthly order exports per controller
    onum = [100000]
    for reg in REG:
        custs = [p for p in region_cust if p.in_orders and p.reg == reg]
        for month in (5, 6):
            sv_head = reg[0] == "itauusimaa" and month == 6
            enc = "iso-8859-1" if rng.random() < 0.5 else "utf-8"
            rel = f"tilaukset/{reg[0]}_{'order' if sv_head else 'tilaukset'}_2023-{month:02d}.csv"
            head = (["Ordernr", "Kundnr", "Efternamn", "Förnamn", "Gatuadress", "Postnr", "Postort", "Telefon", "Artikelnr", "Artikel",
                     "Antal", "Betalare", "Leveransanvisning"] if sv_head else
                    ["Tilausnro", "Asiakasnro", "Nimi", "Katuosoite", "Postinumero", "Postitoimipaikka", "Puh", "Tuotekoodi", "Tuote",
                     "Määrä", "Maksaja", "Toimitusohje"])
            rows = [[f"{'Orderrapport' if sv_head else 'Tilausraportti'} 1.{month}.2023 - {30 + (month == 5)}.{month}.2023"],
                    [reg[1]], head]
            for p in custs:
                if month not in p.order_months:
                    continue
                onum[0] += rng.randint(1, 9)
                instr = ""
                if rng.random() < 0.35:
                    instr = rng.choice([f"Ovikoodi {rng.randint(1000, 9999)}\nSoita 30 min ennen", "Jätä naapurille (as. 3)",
                                        "Toimitus vain tiistaisin\nEi soittoa"])
                ph = phone_raw(p) if p.phone else ""
                for x in p.products:
                    if ph:
                        p.ident("phone", p.phone, rel, "Telefon" if sv_head else "Puh", ph)
                    if sv_head:
                        rows.append([str(onum[0]), p.cno, p.last, p.first, p.addr["street"], p.addr["zip"],
                                     p.addr["city"], ph, x[0], x[2] if p.sv else x[1], str(rng.randint(1, 4)), reg[1], instr])
                    else:
                        rows.append([str(onum[0]), p.cno, f"{p.last} {p.first}", p.addr["street"], p.addr["zip"],
                                     p.addr["city"], ph, x[0], x[1], str(rng.randint(1, 4)), reg[1], instr])
                p.named(f"{p.last} {p.first}", rel, "Efternamn+Förnamn" if sv_head else "Nimi")
                p.expose("postal_address", rel, "+".join(head[4:7] if sv_head else head[3:6]))
                p.expose("delivery_info", rel, "order row")
                inferred(p, rel, head[9] if sv_head else head[8], p.products)
                p.optional("purchase_history", "order lines of deliveries paid by a region (or by the customer)")
            if len(rows) > 3:
                c.write(rel, csv_text(rows, ";"), enc=enc, bom=(enc == "utf-8" and rng.random() < 0.6))

    # ------------------------------------------------------------ web orders (self-payers and hearing-aid customers)
    web = [(p, "self") for p in selfp] + [(p, "hear") for p in hearing]
    rng.shuffle(web)
    may, june = [], []
    wnum = [300]
    labels = []
    for p, kind in web:
        for month in rng.sample([5, 6], rng.choice([1, 1, 2])):
            wnum[0] += rng.randint(1, 7)
            (may if month == 5 else june).append((p, kind, f"W-2023-{month:02d}-{wnum[0]:05d}"))
    debug = []
    for month, lst in ((5, may), (6, june)):
        rel = "verkkokauppa/orders_2023-05.json" if month == 5 else "verkkokauppa/orders_2023-06.ndjson"
        pre = "[]." if month == 5 else ""
        objs = []
        for p, kind, oid in lst:
            cust = {"firstName": p.first, "lastName": p.last}
            p.named(f"{p.first} {p.last}", rel, pre + "customer.firstName+lastName")
            if kind == "self" and rng.random() < 0.75:
                cust["hetu"] = p.ident("fi_hetu", p.hetu, rel, pre + "customer.hetu", p.hetu)
            if p.email:
                cust["email"] = p.ident("email", p.email, rel, pre + "customer.email", email_raw(rng, p.email, caps=0.1, pad=0.05))
            if p.phone:
                cust["phone"] = p.ident("phone", p.phone, rel, pre + "customer.phone", phone_raw(p, ["e164", "local", "intl_space"]))
            ps = p.products if kind == "self" else p.hproducts
            items = [{"sku": x[0], "name": x[2] if p.sv else x[1], "qty": rng.randint(1, 3)} for x in ps]
            pay = {"method": "lasku"}
            if kind == "self":
                r = rng.random()
                if p.iban and r < 0.7:
                    pay = {"method": "e-lasku", "iban": p.ident("iban", p.iban, rel, pre + "payment.iban",
                                                                p.iban if rng.random() < 0.5 else " ".join(p.iban[i:i + 4] for i in range(0, len(p.iban), 4)))}
                elif r < 0.85:
                    p.masked = p.masked if hasattr(p, "masked") else card_number(rng)
                    pay = {"method": "card", "cardMasked": "**** **** **** " + p.masked[-4:]}
                    p.optional("payment_card", "only a masked card number (last four digits) in the web order")
            objs.append({"orderId": oid, "createdAt": f"2023-{month:02d}-{rng.randint(1, 28):02d}T{rng.randint(7, 22):02d}:{rng.randint(0, 59):02d}:00+03:00",
                         "channel": "verkkokauppa" if kind == "self" else p.hear, "customer": cust,
                         "shipping": {"street": p.addr["street"], "postalCode": p.addr["zip"], "city": p.addr["city"],
                                      "method": rng.choice(["Posti", "Matkahuolto", "kotiinkuljetus"])},
                         "items": items, "payment": pay})
            p.expose("postal_address", rel, pre + "shipping")
            p.expose("delivery_info", rel, pre + "shipping")
            inferred(p, rel, pre + "items[].name", ps)
            p.optional("purchase_history", "order lines of web orders")
            labels.append((p, oid))
            if kind == "self" and p.email and len(debug) < 8 and rng.random() < 0.3 and all(q is not p for q, _ in debug):
                debug.append((p, oid))
        if month == 5:
            c.write(rel, jdump(objs, 2))
        else:
            c.write(rel, "\n".join(jdump(o) for o in objs) + "\n")

    rel = "verkkokauppa/logs/maksu_debug_2023-06.log"
    L = []
    t = datetime.datetime(2023, 6, 2, 8, 0, 0)
    for p, oid in debug:
        t += datetime.timedelta(minutes=rng.randint(3, 90))
        p.pan = card_number(rng)
        L.append(f"{t:%Y-%m-%dT%H:%M:%S}.{rng.randint(0, 999):03d}Z DEBUG PaymentGateway request order={oid} "
                 f"pan={p.ident('payment_card', p.pan, rel, 'pan=', p.pan)} exp={rng.randint(1, 12):02d}/{rng.randint(24, 28)} "
                 f"email={p.ident('email', p.email, rel, 'email=', p.email)} amount={rng.randint(20, 120)}.90 EUR")
        L.append(f"{t:%Y-%m-%dT%H:%M:%S}.{rng.randint(0, 999):03d}Z INFO  PaymentGateway response order={oid} status=AUTHORISED")
        p.note("full card number in the payment debug log")
    L.append(f"{t:%Y-%m-%dT%H:%M:%S}.999Z INFO  PaymentGateway test transaction pan=4111111111111111 status=TEST")
    c.decoy("test_card_number", "4111111111111111", rel, "pan=", "the well-known test card, no person")
    c.write(rel, "\n".join(L) + "\n")

    rel = "lähetykset/pakettikortit_2023.csv"
    rows = [["lähetystunnus", "vastaanottaja", "osoite", "postinumero", "toimipaikka", "puhelin", "sisältö"]]
    for p, oid in labels:
        if rng.random() < 0.5:
            continue
        rows.append([f"JJFI{rng.randint(10 ** 11, 10 ** 12 - 1)}", p.named(f"{p.first} {p.last}", rel, "vastaanottaja"), p.addr["street"],
                     p.addr["zip"], p.addr["city"], p.ident("phone", p.phone, rel, "puhelin", phone_raw(p, ["e164", "plain_cc"])) if p.phone else "",
                     "Hygieniatuotteita" if not hasattr(p, "hproducts") or p in selfp else "Tarvikkeita"])
        p.expose("postal_address", rel, "osoite+postinumero+toimipaikka")
        p.expose("delivery_info", rel, "parcel label")
    c.write(rel, csv_text(rows, ","), bom=True)

    # ------------------------------------------------------------ self-payer register (camelCase, HETU, IBAN)
    rel = "asiakasrekisteri/itsemaksavat_asiakkaat.csv"
    rows = [["customerNo", "hetu", "lastName", "firstName", "streetAddress", "zip", "city", "phone", "email", "paymentMethod", "iban"]]
    for n, p in enumerate(selfp):
        rows.append([f"AB{5000 + n * 11}", p.ident("fi_hetu", p.hetu, rel, "hetu", p.hetu), p.last, p.first, p.addr["street"],
                     p.addr["zip"], p.addr["city"], p.ident("phone", p.phone, rel, "phone", phone_raw(p)) if p.phone else "",
                     p.ident("email", p.email, rel, "email", email_raw(rng, p.email)) if p.email else "",
                     "e-lasku" if p.iban else rng.choice(["kortti", "lasku"]),
                     p.ident("iban", p.iban, rel, "iban", p.iban) if p.iban else ""])
        p.named(f"{p.first} {p.last}", rel, "firstName+lastName")
        p.expose("postal_address", rel, "streetAddress+zip+city")
    c.write(rel, csv_text(rows, ","))

    # ------------------------------------------------------------ coordinator e-mails
    mails = 0
    for reg in REG:
        pool = [p for p in region_cust if p.in_mail and p.reg == reg]
        rng.shuffle(pool)
        k = 0
        while k < len(pool) or (k == 0 and rng.random() < 0.5):
            chunk = pool[k:k + rng.randint(1, 4)]
            k += max(1, len(chunk))
            mails += 1
            rel = f"sähköposti/{mails:03d}_{reg[0]}.txt"
            sv = reg[2] > 0.3 and rng.random() < 0.5
            box = f"hoitotarvikejakelu@{reg[0]}.example.fi"
            L = [f"From: {'Hjälpmedelsdistribution' if sv else 'Hoitotarvikejakelu'} <{box}>", "To: asiakaspalvelu@kotihoivalogistiikka.example.fi",
                 f"Date: {rng.choice(['Tue', 'Wed', 'Thu'])}, {rng.randint(2, 28)} May 2023 09:{rng.randint(10, 59)}:00 +0300",
                 f"Subject: {'Nya kunder / ändringar' if sv else 'Uudet asiakkaat / muutokset'}", "",
                 "Hej," if sv else "Hei,", "", "nedan nya kunder för leverans:" if sv else "alla uudet asiakkaat toimitukseen:", ""]
            for i, p in enumerate(chunk, 1):
                line = f"{i}) {p.named(f'{p.first} {p.last}', rel, 'body (list)')}, {addr_line(p.addr)}"
                p.expose("postal_address", rel, "body (list)")
                if p.phone and rng.random() < 0.8:
                    line += f", {'tfn' if sv else 'p.'} {p.ident('phone', p.phone, rel, 'body (list)', phone_raw(p, ['local_space', 'local', 'local_dash']))}"
                L.append(line)
                L.append("   " + "; ".join(f"{x[2] if sv else x[1]} {rng.randint(1, 4)} {'pkt/mån' if sv else 'ps/kk'}" for x in p.products) +
                         (", leverans varannan tisdag" if sv else ", toimitus joka toinen tiistai"))
                inferred(p, rel, "body (list)", p.products)
                p.optional("delivery_info", "only announced in a coordinator's e-mail (delivery schedule), no delivery record")
            if chunk:
                L += ["", "Med vänlig hälsning" if sv else "Ystävällisin terveisin"]
            if rng.random() < 0.5:
                cf, cl = rng.choice(FI_F + FS_F), rng.choice(FI_L)
                cm = fi_mobile(rng)
                wm = f"{ascii_fold(cf).lower()}.{ascii_fold(cl).lower()}@{reg[0]}.example.fi"
                L += [f"{cf} {cl}", "serviceledare" if sv else "palveluohjaaja", reg[1], f"p. {fmt_phone(cm, 'local_space', '358')}", wm]
                c.decoy("staff_signature", f"{cf} {cl}", rel, "signature", "coordinator of the controller, acting for work")
                c.decoy("staff_signature", wm, rel, "signature", "work e-mail of the coordinator")
                c.decoy("staff_signature", cm, rel, "signature", "work phone of the coordinator")
            else:
                L += [reg[1], "Hoitotarvikejakelu / Hjälpmedelsdistribution"]
            c.decoy("role_email", box, rel, "From", "controller's role mailbox")
            c.write(rel, "\n".join(L) + "\n")
            if not pool:
                break

    # ------------------------------------------------------------ customer-service call log
    rel = "asiakaspalvelu/puhelut_2023-05.tsv"
    rows = [["pvm", "klo", "numero", "asiakas", "aihe"]]
    callers = []
    for p in region_cust + selfp + hearing:
        # only callers whose number is also written elsewhere: a name alone would not support the link
        if p.phone and any(o["type"] == "phone" for o in p.occ) and all(q is not p for q in callers) and rng.random() < 0.15:
            callers.append(p)
    for p in callers:
        rows.append([f"{rng.randint(2, 31)}.5.2023", f"{rng.randint(8, 15)}:{rng.randint(0, 59):02d}",
                     p.ident("phone", p.phone, rel, "numero", fmt_phone(p.phone, rng.choice(["e164", "local"]), "358")),
                     p.named(f"{p.first} {p.last}", rel, "asiakas"),
                     rng.choice(["Toimituspäivän muutos", "Laskutuskysymys", "Ei ollut kotona", "Osoitteenmuutos tulossa", "Kiitos"])])
    c.write(rel, csv_text(rows, "\t", lt="\n"))

    c.decoy("role_email", "asiakaspalvelu@kotihoivalogistiikka.example.fi", "sähköposti/*.txt", "To", "processor's mailbox")
    return c.finalize(out_dir, {"processor": PROC})
