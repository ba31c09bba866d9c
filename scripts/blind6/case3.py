"""Case 3: logistics processor delivering incontinence products to homes (Finland).

Shapes: a header-less fixed-width WMS customer extract (ISO-8859-1, upper-case names) with a separate COBOL
copybook; EDIFACT ORDERS D96A interchanges per region and week (NAD+DP delivery party, COM phone with `?+`
release character, FTX delivery notes in Finnish/Swedish, LIN/IMD product lines, GLNs); YAML route plans per
driver (stops with parcels, relatives in block-scalar notes); a key=value SMS-gateway log; a web-shop CSV with
JSON objects in cells (self-payers: HETU, e-mail, phone arrays, IBAN); drivers' phone contacts as vCard; hearing-aid
companies' JSON with camelCase/snake_case mixture and phone arrays.
"""
import datetime as dt
import json

import check
import ids
import names as N
import people
from common import Case, Doc, csv_text, pad

REGIONS = [("PHHA", "Päijät-Hämeen hyvinvointialue", 17, [("Lahti", "15"), ("Heinola", "18"), ("Orimattila", "16"), ("Hollola", "15")], 0.0),
           ("PKHA", "Pohjois-Karjalan hyvinvointialue", 14, [("Joensuu", "80"), ("Kitee", "82"), ("Lieksa", "81")], 0.0),
           ("IUHA", "Itä-Uudenmaan hyvinvointialue", 9, [("Porvoo", "06"), ("Loviisa", "07"), ("Sipoo", "04")], 0.35),
           ("LUHA", "Länsi-Uudenmaan hyvinvointialue", 20, [("Espoo", "02"), ("Kirkkonummi", "02"), ("Raasepori", "10"), ("Lohja", "08")], 0.25),
           ("KYHA", "Kymenlaakson hyvinvointialue", 16, [("Kotka", "48"), ("Kouvola", "45"), ("Hamina", "49")], 0.0),
           ("KUHA", "Keski-Uudenmaan hyvinvointialue", 11, [("Hyvinkää", "05"), ("Järvenpää", "04"), ("Kerava", "04"), ("Tuusula", "04")], 0.05),
           ("HKI", "Helsingin kaupunki", 8, [("Helsinki", "00")], 0.08),
           ("HUS", "HUS-yhtymä", 2, [("Helsinki", "00"), ("Vantaa", "01")], 0.05)]
MANUF = "Essity Finland Oy (itsemaksavat asiakkaat)"
HEAR = ["Kuulokulma Oy", "Audiomedi Oy"]
PRODUCTS = [("6410000100011", "TENA Slip Maxi M"), ("6410000100028", "TENA Pants Normal L"), ("6410000100035", "TENA Flex Super L"),
            ("6410000100042", "Abri-Form L4"), ("6410000100059", "TENA Lady Extra"), ("6410000100066", "Attends Slip Regular 8"),
            ("6410000100073", "TENA Men Level 2"), ("6410000100080", "TENA Bed Plus 60x90 alusta"),
            ("6410000100097", "MoliCare Premium Elastic 6D M")]
HEAR_ITEMS = ["Kuulokojeen paristo 312 (60 kpl)", "Kuulokojeen paristo 13 (60 kpl)", "Kupu 8 mm (10 kpl)", "Vahasuodatin HF4"]
NOTES_FI = ["Ovikoodi {code}.", "Jätä oven taakse.", "Soita ennen tuloa.", "Portin koodi {code}, 2. krs.", "Asiakas liikkuu huonosti, odota ovella.",
            "Koira pihalla.", "Toimitus naapuriin jos ei kotona."]
NOTES_SV = ["Portkod {code}.", "Lämna vid dörren.", "Ring innan leverans.", "Kunden rör sig långsamt, vänta vid dörren."]


def make(case, rng):
    persons = []
    weights = [r[2] for r in REGIONS]
    custno = 10000
    for i in range(1350):
        r = rng.random()
        if r < 0.08:
            kind, reg = "self", None
        elif r < 0.11:
            kind, reg = "hear", None
        else:
            kind, reg = "region", rng.choices(REGIONS, weights)[0]
        sv_share = reg[4] if reg else 0.06
        sv = rng.random() < sv_share
        female = rng.random() < 0.62
        for _ in range(100):
            nm = people.fi_name(rng, female, sv)
            k = check.name_tokens(people.full(nm))
            if k not in case.used_names:
                case.used_names.add(k)
                break
        c = dict(nm)
        c["kind"], c["reg"], c["female"] = kind, reg, female
        c["dob"] = ids.rand_date(rng, 1928, 1975)
        city, zp = rng.choice(reg[3]) if reg else rng.choice(REGIONS[rng.randrange(len(REGIONS))][3])
        c["addr"] = {"street": people.fi_street(rng, sv), "zip": zp + f"{rng.randint(0, 9)}{rng.choice([0, 1, 2, 5, 6, 8])}0", "city": city}
        c["phones"] = []
        if rng.random() < 0.88:
            while True:
                nsn, e = people.phone(rng, "FI", "mobile" if rng.random() < 0.8 else "fixed")
                if case.claim("phone", e):
                    c["phones"].append((nsn, e))
                    break
        if rng.random() < 0.15:
            while True:
                nsn, e = people.phone(rng, "FI", "fixed")
                if case.claim("phone", e):
                    c["phones"].append((nsn, e))
                    break
        c["note"] = rng.choice(NOTES_SV if sv else NOTES_FI).format(code=f"{rng.choice('ABC')}{rng.randint(100, 9999)}") \
            if rng.random() < 0.6 else ""
        custno += rng.randint(1, 30)
        c["no"] = f"{custno:08d}"
        ctrls = []
        if kind == "region":
            ctrls.append(reg[1])
        elif kind == "self":
            ctrls.append(MANUF)
        else:
            c["hear"] = rng.choice(HEAR)
            ctrls.append(c["hear"])
        if kind == "region" and rng.random() < 0.03:
            ctrls.append(MANUF)
            c["also_self"] = True
        if kind == "region" and rng.random() < 0.012:
            other = rng.choice([x for x in REGIONS if x is not reg])
            c["moved"] = (other, {"street": people.fi_street(rng, sv), "zip": other[3][0][1] + "100", "city": other[3][0][0]})
            ctrls.append(other[1])
        if kind == "self" or c.get("also_self"):
            while True:
                v = ids.fi_hetu(rng, c["dob"], rng.random() < 0.2)
                if case.claim("fi_hetu", v):
                    c["hetu"] = v
                    break
            c["email"] = ids.email_for(rng, c["given"].split()[0], c["surname"], case.emails)
            if not c["phones"]:
                while True:
                    nsn, e = people.phone(rng, "FI")
                    if case.claim("phone", e):
                        c["phones"].append((nsn, e))
                        break
        p = case.person(people.full(c), c["lang"], ctrls)
        c["p"] = p
        c["rel"] = None
        if kind != "hear" and rng.random() < 0.08:
            rf = rng.random() < 0.6
            for _ in range(100):
                rn = people.fi_name(rng, rf, sv)
                if rng.random() < 0.5:
                    rn["surname"] = c["surname"]
                if check.name_tokens(people.full(rn)) not in case.used_names:
                    case.used_names.add(check.name_tokens(people.full(rn)))
                    break
            while True:
                nsn, e = people.phone(rng, "FI")
                if case.claim("phone", e):
                    break
            rn["phone"] = (nsn, e)
            rn["p"] = case.person(people.full(rn), rn["lang"], ctrls, note=f"relative (omainen) of {p.tid}, named in delivery notes")
            c["rel"] = rn
        persons.append(c)
    return persons


def wms_phone(rng, nsn):
    return rng.choice(["0" + nsn, f"0{nsn[:2]} {nsn[2:]}", "+358" + nsn])


def fi_raw(rng, nsn):
    return ids.render_phone(rng, "FI", nsn)[0]


def build(rng, slug):
    case = Case(slug, "FI home-delivery logistics processor (Westlog-like): WMS, EDIFACT, routes, SMS, web shop", rng)
    cs = make(case, rng)
    drivers = []
    for i in range(12):
        g, s = rng.choice(N.FI_M), rng.choice(N.FI_S)
        case.used_names.add(check.name_tokens(f"{g} {s}"))
        while True:
            nsn, e = people.phone(rng, "FI")
            if case.claim("phone", e):
                break
        drivers.append((f"K{i + 1:02d}", g, s, nsn, e))

    # ------------------------------------------------------------ 1. fixed-width WMS extract + copybook
    cpy = """      *================================================================*
      * ASIAKAS  - WESTLOG WMS ASIAKASREKISTERI (EXTRACT AJO WMS0310)  *
      * RECFM=FB  LRECL=220  KOODISTO ISO-8859-1  EI OTSIKKORIVIA      *
      *================================================================*
       01  ASIAKAS-REC.
           05 AS-NRO              PIC 9(8).
           05 AS-ALUE             PIC X(4).
           05 AS-SUKUNIMI         PIC X(25).
           05 AS-ETUNIMET         PIC X(25).
           05 AS-LAHIOSOITE       PIC X(30).
           05 AS-POSTINRO         PIC X(5).
           05 AS-TOIMIPAIKKA      PIC X(20).
           05 AS-PUH1             PIC X(15).
           05 AS-PUH2             PIC X(15).
           05 AS-KIELI            PIC X(2).
           05 AS-TOIM-OHJE        PIC X(40).
           05 AS-HETU             PIC X(11).
           05 FILLER              PIC X(20).
"""
    case.add(Doc("wms/ASIAKAS.CPY", cpy))
    fn = "wms/ASIAKAS.DAT"
    recs = []
    for c in cs:
        if c["kind"] == "hear" or rng.random() < 0.05:
            continue
        p = c["p"]
        a = c["addr"]
        alue = c["reg"][0] if c["reg"] else "ESSI"
        ph = [wms_phone(rng, nsn) for nsn, _ in c["phones"][:2]]
        hetu = c.get("hetu", "")
        rec = (c["no"] + pad(alue, 4) + pad(c["surname"].upper(), 25) + pad(c["given"].upper(), 25) + pad(a["street"].upper(), 30) +
               pad(a["zip"], 5) + pad(a["city"].upper(), 20) + pad(ph[0] if ph else "", 15) + pad(ph[1] if len(ph) > 1 else "", 15) +
               pad(c["lang"].upper(), 2) + pad(c["note"], 40) + pad(hetu, 11) + " " * 20)
        assert len(rec) == 220, len(rec)
        recs.append(rec)
        p.named([c["surname"].upper(), c["given"].upper()], fn, "AS-SUKUNIMI/AS-ETUNIMET")
        p.el("postal_address", fn, "AS-LAHIOSOITE")
        for (nsn, e), raw in zip(c["phones"], ph):
            p.ident("phone", e, raw, fn, "AS-PUH")
        if c["note"] and len(c["note"]) <= 40:
            p.el("delivery_info", fn, "AS-TOIM-OHJE")
        if hetu:
            p.ident("fi_hetu", hetu, hetu, fn, "AS-HETU")
        p.el("health_data", fn, "register of product recipients", required=False)
    case.add(Doc(fn, "\n".join(recs) + "\n", enc="iso-8859-1"))

    # ------------------------------------------------------------ 2. EDIFACT ORDERS per region and week
    def esc(s):
        return s.replace("?", "??").replace("'", "?'").replace("+", "?+").replace(":", "?:")

    gln = {r[0]: ids.ean13("643", rng) for r in REGIONS}
    for r in REGIONS:
        case.decoy("gln", gln[r[0]], f"edi/ORDERS_{r[0]}_20230306.edi", "NAD+BY", "region's GLN")
    weeks = [dt.date(2023, 2, 6) + dt.timedelta(weeks=w) for w in range(5)]
    ref = 4700
    for r in REGIONS:
        mem = [c for c in cs if c["reg"] is r or (c.get("moved") and c["moved"][0] is r)]
        for wk in weeks:
            part = [c for c in mem if rng.random() < 0.35]
            if not part:
                continue
            fn = f"edi/ORDERS_{r[0]}_{wk:%Y%m%d}.edi"
            ref += 1
            S = ["UNA:+.? '", f"UNB+UNOC:3+{gln[r[0]]}:14+6430012345678:14+{wk - dt.timedelta(days=4):%y%m%d}:0712+{ref}'"]
            for k, c in enumerate(part, 1):
                p = c["p"]
                a = c["addr"]
                if c.get("moved") and c["moved"][0] is r:
                    a = c["moved"][1]
                nm = f"{c['surname']} {c['given']}"
                seg = [f"UNH+{k}+ORDERS:D:96A:UN:EAN008'", f"BGM+220+{r[0]}{wk:%y%m%d}{k:04d}+9'",
                       f"DTM+137:{wk - dt.timedelta(days=4):%Y%m%d}:102'", f"DTM+2:{wk:%Y%m%d}:102'",
                       f"NAD+BY+{gln[r[0]]}::9++{esc(r[1])}'",
                       f"NAD+DP+++{esc(nm)}+{esc(a['street'])}+{esc(a['city'])}++{a['zip']}+FI'"]
                p.named(nm, fn, "NAD+DP")
                p.el("postal_address", fn, "NAD+DP")
                p.el("delivery_info", fn, "DTM+2 / NAD+DP")
                if c["phones"]:
                    nsn, e = c["phones"][0]
                    raw = rng.choice([f"+358{nsn}", "0" + nsn, fi_raw(rng, nsn)])
                    seg.append(f"COM+{esc(raw)}:TE'")
                    p.ident("phone", e, raw, fn, "COM")
                if c["note"]:
                    seg.append(f"FTX+DEL+++{esc(c['note'])}'")
                if c["rel"] and rng.random() < 0.5:
                    rn = c["rel"]
                    seg.append(f"CTA+GR+:{esc(rn['given'] + ' ' + rn['surname'])}'")
                    raw = fi_raw(rng, rn["phone"][0])
                    seg.append(f"COM+{esc(raw)}:TE'")
                    rn["p"].named(f"{rn['given']} {rn['surname']}", fn, "CTA+GR")
                    rn["p"].ident("phone", rn["phone"][1], raw, fn, "COM (CTA+GR)")
                for li, (ean, prod) in enumerate(rng.sample(PRODUCTS, rng.randint(1, 3)), 1):
                    seg += [f"LIN+{li}++{ean}:EN'", f"IMD+F++:::{esc(prod)}'", f"QTY+21:{rng.randint(1, 6)}:PCE'"]
                p.el("health_data", fn, "LIN/IMD incontinence products")
                p.el("purchase_history", fn, "LIN/IMD", required=False)
                seg.append("UNS+S'")
                seg.append(f"UNT+{len(seg) + 1}+{k}'")
                S += seg
            S.append(f"UNZ+{len(part)}+{ref}'")
            case.add(Doc(fn, "\n".join(S) + "\n", enc="iso-8859-1", views=("edi",)))
    for ean, prod in PRODUCTS[:3]:
        case.decoy("product_ean", ean, "edi/ORDERS_PHHA_20230306.edi", "LIN")

    # ------------------------------------------------------------ 3. YAML route plans
    def q(s):
        return '"' + s.replace('"', '\\"') + '"'
    routable = [c for c in cs if c["kind"] != "hear"]
    for day in [dt.date(2023, 3, 6), dt.date(2023, 3, 7), dt.date(2023, 3, 8), dt.date(2023, 3, 9)]:
        todays = [c for c in routable if rng.random() < 0.14]
        rng.shuffle(todays)
        for ri in range(0, len(todays), 22):
            stops = todays[ri:ri + 22]
            drv = drivers[(ri // 22 + day.day) % len(drivers)]
            fn = f"reitit/{day:%Y-%m-%d}/reitti_{drv[0]}.yaml"
            L = [f"# Reittisuunnitelma – generoitu {day - dt.timedelta(days=1):%Y-%m-%d} 18:05 (RoutePlanner 4.2)",
                 f"route: {drv[0]}-{day:%m%d}", f"date: {day:%Y-%m-%d}",
                 f"driver: {{name: {drv[1]} {drv[2]}, phone: \"+358 {drv[3][:2]} {drv[3][2:5]} {drv[3][5:]}\"}}",
                 f"vehicle: {rng.choice('ABCDEFGHIJKLMNOPRSTUVXYZ')}{rng.choice('ABCDEFGHIJKLMNOPRSTUVXYZ')}{rng.choice('ABCDEFGHIJKLMNOPRSTUVXYZ')}-{rng.randint(100, 999)}",
                 "depot: Westlog Vantaa, Tikkurilantie 140", "stops:"]
            case.decoy("driver", drv[4], fn, "driver.phone", "driver's work phone", raw=f"+358 {drv[3][:2]} {drv[3][2:5]} {drv[3][5:]}")
            t = dt.datetime.combine(day, dt.time(7, 40))
            for si, c in enumerate(stops, 1):
                p = c["p"]
                a = c["addr"]
                t += dt.timedelta(minutes=rng.randint(6, 25))
                L += [f"  - seq: {si}", f"    eta: \"{t:%H:%M}\"", f"    customer: {q(c['surname'] + ' ' + c['given'])}",
                      f"    address: {q(a['street'] + ', ' + a['zip'] + ' ' + a['city'])}"]
                p.named(c["surname"] + " " + c["given"], fn, "customer")
                p.el("postal_address", fn, "address")
                p.el("delivery_info", fn, "eta/stop")
                if c["phones"]:
                    raw = fi_raw(rng, c["phones"][0][0])
                    L.append(f"    phone: {q(raw)}")
                    p.ident("phone", c["phones"][0][1], raw, fn, "phone")
                notes = c["note"]
                if c["rel"]:
                    rn = c["rel"]
                    raw = fi_raw(rng, rn["phone"][0])
                    word = "Anhörig" if c["lang"] == "sv" else "Omainen"
                    notes = (notes + " " if notes else "") + f"{word} {rn['given']} {rn['surname']} {raw} avaa oven tarvittaessa."
                    rn["p"].named(f"{rn['given']} {rn['surname']}", fn, "notes")
                    rn["p"].ident("phone", rn["phone"][1], raw, fn, "notes")
                if notes:
                    L += ["    notes: |", f"      {notes}"]
                L.append("    parcels:")
                for ean, prod in rng.sample(PRODUCTS, rng.randint(1, 2)):
                    L.append(f"      - {{sku: \"{ean}\", name: \"{prod}\", qty: {rng.randint(1, 4)}}}")
                p.el("health_data", fn, "parcels")
                L.append(f"    controller: {c['reg'][0] if c['reg'] else 'ESSITY'}")
            case.add(Doc(fn, "\n".join(L) + "\n"))

    # ------------------------------------------------------------ 4. SMS gateway key=value log
    fn = "sms/smsgw-2023-03.log"
    L = []
    ts = dt.datetime(2023, 3, 1, 15, 0, 0)
    mob = [c for c in cs if c["phones"] and c["phones"][0][0][:2] in ("40", "41", "44", "45", "46", "50") and rng.random() < 0.45]
    ev = []
    for c in mob:
        for _ in range(rng.randint(1, 2)):
            ev.append(c)
    rng.shuffle(ev)
    for c in ev:
        p = c["p"]
        ts += dt.timedelta(seconds=rng.randint(5, 300))
        nsn, e = c["phones"][0]
        d = ts.date() + dt.timedelta(days=rng.randint(1, 4))
        wd = ["ma", "ti", "ke", "to", "pe", "la", "su"][d.weekday()]
        if c["lang"] == "sv":
            text = f"Hej! Westlog levererar er beställning {d.day}.{d.month}. kl 8-12. Svara NEJ om ni inte är hemma."
        else:
            text = f"Hei! Westlog toimittaa tilauksenne {wd} {d.day}.{d.month}. klo 8-12. Vastaa EI, jos ette ole kotona."
        mid = f"{rng.getrandbits(64):016x}"
        L.append(f'ts={ts:%Y-%m-%dT%H:%M:%S}+02:00 level=info svc=smsgw op=send msg_id={mid} to=+358{nsn} sender=Westlog '
                 f'parts=1 status=DELIVERED text="{text}"')
        p.ident("phone", e, f"+358{nsn}", fn, "to")
        p.el("delivery_info", fn, "text")
        if rng.random() < 0.12:
            ts += dt.timedelta(seconds=rng.randint(60, 900))
            ans = rng.choice(["EI", "Ei olla kotona, tuokaa naapuriin", "NEJ", "ok kiitos"])
            L.append(f'ts={ts:%Y-%m-%dT%H:%M:%S}+02:00 level=info svc=smsgw op=recv msg_id={rng.getrandbits(64):016x} '
                     f'from=0{nsn} to=Westlog text="{ans}"')
            p.ident("phone", e, f"0{nsn}", fn, "from")
        if rng.random() < 0.05:
            L.append(f'ts={ts:%Y-%m-%dT%H:%M:%S}+02:00 level=warn svc=smsgw op=retry msg_id={mid} attempt=2 err="operator timeout"')
    case.add(Doc(fn, "\n".join(L) + "\n"))

    # ------------------------------------------------------------ 5. web shop CSV with JSON cells (self-payers)
    fn = "verkkokauppa/tilaukset_2023Q1.csv"
    R = [["order_id", "created_at", "status", "customer", "shipping", "lines", "payment"]]
    buyers = [c for c in cs if c.get("hetu")]
    oid = 300100
    for c in buyers:
        p = c["p"]
        for _ in range(rng.randint(1, 3)):
            oid += rng.randint(1, 40)
            ph = [fi_raw(rng, nsn) for nsn, _ in c["phones"]]
            cust = {"firstName": c["given"], "lastName": c["surname"], "hetu": c["hetu"] if rng.random() < 0.95 else c["hetu"].lower(),
                    "email": ids.render_email(rng, c["email"]), "phones": ph, "marketing_opt_in": rng.random() < 0.3}
            a = c["addr"]
            ship = {"street": a["street"], "postal_code": a["zip"], "city": a["city"], "country": "FI",
                    "deliveryNote": c["note"] or None, "slot": rng.choice(["8-12", "12-16", "16-20"])}
            lines = [{"sku": ean, "name": prod, "qty": rng.randint(1, 4), "unit_price": round(rng.uniform(9, 39), 2)}
                     for ean, prod in rng.sample(PRODUCTS, rng.randint(1, 3))]
            pay = {"method": "card", "card_last4": f"{rng.randint(0, 9999):04d}"}
            if rng.random() < 0.35:
                if "iban" not in c:
                    while True:
                        v = ids.iban(rng, "FI")
                        if case.claim("iban", v):
                            c["iban"] = v
                            break
                pay = {"method": "e-invoice", "iban": ids.iban_grouped(c["iban"])}
                p.ident("iban", c["iban"], pay["iban"], fn, "payment.iban")
            R.append([f"W{oid}", f"2023-0{rng.randint(1, 3)}-{rng.randint(1, 28):02d}T{rng.randint(6, 22):02d}:{rng.randint(0, 59):02d}:00+02:00",
                      rng.choice(["delivered", "delivered", "shipped"]), json.dumps(cust, ensure_ascii=False), json.dumps(ship, ensure_ascii=False),
                      json.dumps(lines, ensure_ascii=False), json.dumps(pay)])
            p.named([c["given"], c["surname"]], fn, "customer.firstName/lastName")
            p.ident("fi_hetu", c["hetu"], cust["hetu"], fn, "customer.hetu")
            p.ident("email", c["email"], cust["email"], fn, "customer.email")
            for (nsn, e), raw in zip(c["phones"], ph):
                p.ident("phone", e, raw, fn, "customer.phones")
            p.el("postal_address", fn, "shipping")
            p.el("delivery_info", fn, "shipping.slot/deliveryNote")
            p.el("health_data", fn, "lines (incontinence products)")
            p.el("purchase_history", fn, "lines")
    case.add(Doc(fn, csv_text(R, ","), enc="utf-8", bom=True))

    # ------------------------------------------------------------ 6. drivers' phone contacts (vCard)
    for drv in drivers[:4]:
        fn = f"kuljettajat/{drv[0]}_yhteystiedot.vcf"
        V = []
        for c in [c for c in routable if c["phones"] and rng.random() < 0.04]:
            p = c["p"]
            nsn, e = c["phones"][0]
            raw = fi_raw(rng, nsn)
            a = c["addr"]
            V += ["BEGIN:VCARD", "VERSION:3.0", f"N:{c['surname']};{c['given']};;;", f"FN:{c['given']} {c['surname']}",
                  f"TEL;TYPE=CELL:{raw}", f"ADR;TYPE=HOME:;;{a['street']};{a['city']};;{a['zip']};Suomi"]
            if c["note"]:
                V.append("NOTE:" + c["note"].replace(",", "\\,"))
                p.el("delivery_info", fn, "NOTE")
            V += [f"ORG:Westlog asiakas {c['reg'][0] if c['reg'] else 'ESSI'}", "END:VCARD"]
            p.named(f"{c['given']} {c['surname']}", fn, "FN")
            p.ident("phone", e, raw, fn, "TEL")
            p.el("postal_address", fn, "ADR")
        case.add(Doc(fn, "\r\n".join(V) + "\r\n", views=("unfold", "ics")))

    # ------------------------------------------------------------ 7. hearing-aid companies' JSON
    for comp in HEAR:
        fn = f"kuulo/{comp.split()[0].lower()}_toimitukset_2023-02.json"
        items = []
        for c in [c for c in cs if c.get("hear") == comp]:
            p = c["p"]
            a = c["addr"]
            ph = [fi_raw(rng, nsn) for nsn, _ in c["phones"]]
            rec = {"customer_id": int(c["no"]), "fullName": f"{c['given']} {c['surname']}", "phones": ph,
                   "postal": {"street_address": a["street"], "zipCode": a["zip"], "city": a["city"]},
                   "lastDelivery": {"date": f"2023-02-{rng.randint(1, 28):02d}", "items": rng.sample(HEAR_ITEMS, 2),
                                    "delivery_note": c["note"] or None}}
            items.append(rec)
            p.named(rec["fullName"], fn, "fullName")
            for (nsn, e), raw in zip(c["phones"], ph):
                p.ident("phone", e, raw, fn, "phones")
            p.el("postal_address", fn, "postal")
            p.el("delivery_info", fn, "lastDelivery")
            p.el("health_data", fn, "lastDelivery.items (hearing-aid supplies)", required=False)
        doc = {"exportedAt": "2023-03-01T06:00:00Z", "company": comp, "count": len(items), "customers": items}
        case.add(Doc(fn, json.dumps(doc, ensure_ascii=True, indent=1) + "\n", views=("json",)))

    # anyone not placed yet (skipped in the WMS extract and in every route/EDI) goes to the WMS "late" file
    late = [c for c in cs if not c["p"].elements]
    if late:
        fn = "wms/ASIAKAS_MYOHASSYNEET.DAT"
        recs = []
        for c in late:
            a = c["addr"]
            ph = [wms_phone(rng, nsn) for nsn, _ in c["phones"][:2]]
            rec = (c["no"] + pad(c["reg"][0] if c["reg"] else "ESSI", 4) + pad(c["surname"].upper(), 25) + pad(c["given"].upper(), 25) +
                   pad(a["street"].upper(), 30) + pad(a["zip"], 5) + pad(a["city"].upper(), 20) + pad(ph[0] if ph else "", 15) +
                   pad(ph[1] if len(ph) > 1 else "", 15) + pad(c["lang"].upper(), 2) + pad(c["note"], 40) + pad(c.get("hetu", ""), 11) + " " * 20)
            recs.append(rec)
            p = c["p"]
            p.named([c["surname"].upper(), c["given"].upper()], fn, "AS-SUKUNIMI/AS-ETUNIMET")
            p.el("postal_address", fn, "AS-LAHIOSOITE")
            for (nsn, e), raw in zip(c["phones"], ph):
                p.ident("phone", e, raw, fn, "AS-PUH")
            if c.get("hetu"):
                p.ident("fi_hetu", c["hetu"], c["hetu"], fn, "AS-HETU")
        case.add(Doc(fn, "\n".join(recs) + "\n", enc="iso-8859-1"))
    case.persons = [p for p in case.persons if p.elements or p.occ]
    case.extra["processor"] = "Westlog Oy"
    case.extra["health_inference"] = {"incontinence products (TENA, Abri, Attends, MoliCare) next to a person": "health_data required",
                                      "hearing-aid batteries/domes": "health_data optional",
                                      "being in the WMS recipient register only": "health_data optional"}
    return case, case.truth()
