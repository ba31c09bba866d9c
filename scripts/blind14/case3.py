"""Case 3: a logistics processor delivering incontinence products to homes (FI), shaped like Westlog / Essity.

Files: Odoo contact exports per controller (one in Swedish labels; August exports in a zip), a DuckDB CLI session over
the WMS extract (one result truncated the way DuckDB truncates), Android logcat dumps of the drivers' phones,
WooCommerce REST order pages of the manufacturer's self-pay shop, Asana project CSVs of two hearing-aid companies.
"""
import datetime
import json

from common import Case, csv_line, failing_digits, hexid, id_key, name_tokens
from people import Emails, Names, Phones, fi_address, render_phone
from shared import check, ids

PROCESSOR = "Kotiväylä Logistiikka Oy"
REGIONS = [("PH", "Päijät-Hämeen hyvinvointialue", [("Lahti", ["15100", "15110", "15140", "15500"]), ("Heinola", ["18100", "18200"])]),
           ("PK", "Pohjois-Karjalan hyvinvointialue", [("Joensuu", ["80100", "80200", "80230"]), ("Kitee", ["82500"])]),
           ("IU", "Itä-Uudenmaan hyvinvointialue", [("Porvoo", ["06100", "06150", "06400"]), ("Loviisa", ["07900"])]),
           ("LU", "Länsi-Uudenmaan hyvinvointialue", [("Lohja", ["08100", "08200"]), ("Espoo", ["02100", "02600", "02770"])]),
           ("KY", "Kymenlaakson hyvinvointialue", [("Kotka", ["48100", "48600"]), ("Kouvola", ["45100", "45200"])]),
           ("KU", "Keski-Uudenmaan hyvinvointialue", [("Hyvinkää", ["05800", "05830"]), ("Järvenpää", ["04400", "04430"])]),
           ("HKI", "Helsingin kaupunki", [("Helsinki", ["00100", "00530", "00710", "00940"])]),
           ("HUS", "HUS-yhtymä", [("Vantaa", ["01300", "01600"]), ("Helsinki", ["00290", "00250"])])]
MANUFACTURER = "Hygieia Care Oy (itsemaksavat)"
HEARING = ["Kuulo-Apu Oy", "Audiotek Finland Oy"]
PRODUCTS = ["TENA Pants Plus L", "TENA Pants Normal M", "TENA Slip Maxi M", "TENA Lady Extra", "TENA Flex Super L",
            "Abena Abri-Form L2", "TENA Men Level 2", "TENA Comfort Plus", "Seni Super Plus L", "TENA ProSkin Pants Maxi L"]
BATTERIES = ["PR48 (koko 13)", "PR41 (koko 312)", "PR70 (koko 10)", "kuulokojeen kupu 8 mm", "vahasuodatin"]
STAFF = ["Kalle Nieminen", "Jari Salo", "Tiina Aalto", "Mika Rinne", "Sanna Vuori", "Petri Halme", "Elina Koski", "Henrik Ek"]
DRIVERS = [("Kalle Nieminen", "+358401112233"), ("Jari Salo", "+358451239900"), ("Mika Rinne", "+358503214455"), ("Henrik Ek", "+358442221100")]
REL = {("fi", True): ["tytär", "sisar", "puoliso", "miniä"], ("fi", False): ["poika", "veli", "puoliso", "vävy"],
       ("sv", True): ["dotter", "syster", "maka"], ("sv", False): ["son", "bror", "make"]}


class Cu:
    pass


def build(seed, rng):
    c = Case(3, "fi_logistics_processor", seed, rng,
             "Logistics processor of home deliveries of incontinence products (FI): controllers are welfare regions, "
             "Helsinki, HUS, the manufacturer (self-payers) and two hearing-aid companies")
    names, phones, emails = Names(rng), Phones(rng), Emails(rng)
    names.reserve(STAFF)
    region_of = {r[0]: r for r in REGIONS}

    def addr_in(code, sv):
        town, zips = rng.choice(region_of[code][2])
        a = fi_address(rng, town, zips, sv)
        if sv and town in ("Porvoo", "Loviisa"):
            a["city"] = {"Porvoo": "Borgå", "Loviisa": "Lovisa"}[town]
        return a

    def new_cu(code, lang=None, female=None):
        k = Cu()
        k.code = code
        k.lang = lang or ("sv" if (code == "IU" and rng.random() < 0.6) or rng.random() < 0.05 else "fi")
        k.female = (rng.random() < 0.6) if female is None else female
        k.given, k.surname, _, _ = names.new(k.lang, k.female)
        k.addr = addr_in(code, k.lang == "sv") if code in region_of else None
        r = rng.random()
        k.mobile = phones.new("FI") if r < 0.68 else None
        k.landline = phones.new("FI", "landline") if 0.68 <= r < 0.85 else None
        k.product = rng.choice(PRODUCTS)
        k.packs = rng.randint(1, 6)
        k.door = f"{rng.randint(1000, 9999)}" if rng.random() < 0.4 else None
        k.rel = None
        k.regions = [code] if code in region_of else []
        k.old_addr = None
        k.p = None
        return k

    custs = []
    for code, cname, _ in REGIONS:
        for i in range({"PH": 34, "PK": 28, "IU": 30, "LU": 30, "KY": 28, "KU": 26, "HKI": 26, "HUS": 24}[code]):
            custs.append(new_cu(code))
    # spouses sharing a landline and an address
    spouses = []
    for code in ("PH", "PK", "IU", "LU", "KY", "KU", "HKI", "HUS"):
        cand = [k for k in custs if k.code == code and k.landline]
        if not cand:
            cand = [k for k in custs if k.code == code and not k.mobile] or [k for k in custs if k.code == code]
            cand[0].landline = phones.new("FI", "landline")
        a = cand[0]
        b = new_cu(code, a.lang, not a.female)
        b.addr, b.landline, b.mobile = a.addr, a.landline, None
        b.surname = a.surname
        if name_tokens(f"{b.given} {b.surname}") in names.used:
            b.given = b.given + ("-Maria" if b.female else "-Erik")
        names.used.add(name_tokens(f"{b.given} {b.surname}"))
        custs.append(b)
        spouses.append((a, b))
        c.households[id_key("phone", a.landline)] = "household_phone"
    c.extra["household_phones"] = [a.landline for a, b in spouses]
    # movers: two controllers, linked by their mobile
    movers = rng.sample([k for k in custs if k.mobile and k.code in ("PH", "KY")], 6)
    for k in movers:
        k.old_addr = k.addr
        newc = rng.choice(["HKI", "KU", "LU"])
        k.code = newc
        k.regions = [k.regions[0], newc]
        k.addr = addr_in(newc, k.lang == "sv")
    for k in custs:
        k.p = c.person(f"{k.given} {k.surname}", k.lang, controllers=[region_of[r][1] for r in k.regions])
        if k.old_addr:
            k.p.note = "moved between welfare regions (two controllers)"
    for a, b in spouses:
        a.p.note = b.p.note = "spouses sharing a landline and an address"
    # relatives as contact persons
    for k in rng.sample(custs, 34):
        r = Cu()
        r.lang = k.lang
        r.female = rng.random() < 0.6
        g, s_, _, _ = names.new(k.lang, r.female)
        if rng.random() < 0.7 and name_tokens(f"{g} {k.surname}") not in names.used:
            s_ = k.surname
            names.used.add(name_tokens(f"{g} {s_}"))
        r.given, r.surname = g, s_
        r.mobile = phones.new("FI")
        r.role = rng.choice(REL[(k.lang, r.female)])
        r.p = c.person(f"{r.given} {r.surname}", k.lang, controllers=list(k.p.controllers))
        r.p.note = f"relative ({r.role}) named as contact person of {k.p.tid}"
        k.rel = r

    # ------------------------------------------------------------ Odoo contact exports
    tech = ["id", "name", "street", "street2", "zip", "city", "phone", "mobile", "email", "lang", "category_id", "comment",
            "ref", "x_studio_tuote", "x_studio_pakkauksia_kk", "x_studio_seuraava_toimitus", "x_studio_ovikoodi",
            "x_studio_yhteyshenkilo", "x_studio_yhteyshenkilo_puh"]
    svl = ["Externt ID", "Namn", "Gata", "Gata 2", "Postnummer", "Ort", "Telefon", "Mobil", "E-post", "Språk", "Taggar",
           "Interna anteckningar", "Referens", "Produkt", "Paket/mån", "Nästa leverans", "Portkod", "Kontaktperson",
           "Kontaktpersonens telefon"]
    refs = {}
    for k in custs:
        refs[id(k)] = f"K{rng.randint(10000, 99999)}"

    def odoo_row(k, doc, labels, addr, next_date, full):
        p = k.p
        sv = labels is svl
        row = {}
        row[labels[0]] = f"__export__.res_partner_{rng.randint(1000, 9999)}_{hexid(rng, 8)}"
        nm = f"{k.surname} {k.given}" if rng.random() < 0.75 else f"{k.given} {k.surname}"
        row[labels[1]] = nm
        c.nm(p, doc, labels[1], nm)
        st = addr["street"]
        st2 = ""
        if rng.random() < 0.2 and " " in st and st.split()[-1].isdigit() and len(st.split()) > 2:
            st, st2 = " ".join(st.split()[:-2]), " ".join(st.split()[-2:])
        row[labels[2]], row[labels[3]], row[labels[4]], row[labels[5]] = st, st2, addr["zip"], addr["city"]
        c.el(p, "postal_address", doc, labels[2], st)
        row[labels[6]] = row[labels[7]] = row[labels[8]] = ""
        if k.landline:
            raw = render_phone(rng, k.landline)
            row[labels[6]] = raw
            c.ident(p, "phone", k.landline, raw, doc, labels[6])
        if k.mobile:
            raw = render_phone(rng, k.mobile)
            row[labels[7]] = raw
            c.ident(p, "phone", k.mobile, raw, doc, labels[7])
        row[labels[9]] = "sv_SE" if k.lang == "sv" else "fi_FI"
        row[labels[10]] = "Kunder/Inkontinens" if sv else "Asiakkaat/Inkontinenssi"
        notes = []
        if k.door and full:
            notes.append(("Portkod " if sv else "Ovikoodi ") + k.door)
        if rng.random() < 0.3:
            notes.append(rng.choice(["Ring före leverans", "Lämna vid dörren"] if sv else ["Soita ennen toimitusta", "Jätä oven taakse", "Ei kotona tiistaisin"]))
        row[labels[11]] = "<p>" + " · ".join(notes) + "</p>" if notes else ""
        row[labels[12]] = refs[id(k)]
        row[labels[13]] = k.product
        c.el(p, "health_data", doc, labels[13], k.product)
        c.opt(p, "purchase_history", doc, labels[13])
        row[labels[14]] = str(k.packs)
        row[labels[15]] = next_date.isoformat() if full else ""
        if full:
            c.el(p, "delivery_info", doc, labels[15], next_date.isoformat())
        row[labels[16]] = k.door or ""
        if k.door:
            c.el(p, "delivery_info", doc, labels[16], k.door)
        row[labels[17]] = row[labels[18]] = ""
        if k.rel and full:
            r = k.rel
            row[labels[17]] = f"{r.given} {r.surname} ({r.role})"
            c.nm(r.p, doc, labels[17], f"{r.given} {r.surname}")
            raw = render_phone(rng, r.mobile)
            row[labels[18]] = raw
            c.ident(r.p, "phone", r.mobile, raw, doc, labels[18])
        return csv_line([row[h] for h in labels], quote_all=True, crlf=True)

    for code, cname, _ in REGIONS:
        doc = f"odoo/res_partner_{code}_2023-09-30.csv"
        labels = svl if code == "IU" else tech
        out = [csv_line(labels, quote_all=True, crlf=True)]
        for k in [k for k in custs if k.code == code]:
            nd = datetime.date(2023, 10, 1) + datetime.timedelta(days=rng.randint(0, 27))
            out.append(odoo_row(k, doc, labels, k.addr, nd, True))
        c.add(doc, "".join(out))
    members = []
    for code in ("PH", "KY"):
        mname = f"res_partner_{code}_2023-08-31.csv"
        mdoc = "odoo/arkisto_2023-08.zip!/" + mname
        out = [csv_line(tech, quote_all=True, crlf=True)]
        for k in [k for k in custs if (k.code == code and not k.old_addr) or (k.old_addr and k.regions[0] == code)]:
            nd = datetime.date(2023, 9, 1) + datetime.timedelta(days=rng.randint(0, 27))
            out.append(odoo_row(k, mdoc, tech, k.old_addr or k.addr, nd, k.old_addr is not None))
        members.append((mname, "".join(out).encode("utf-8"), "utf-8", ()))
    c.add_zip("odoo/arkisto_2023-08.zip", members)

    # ------------------------------------------------------------ DuckDB CLI session over the WMS extract
    doc = "wms/duckdb_wms_2023-09-18.txt"
    cols = ["asiakasnro", "sukunimi", "etunimi", "katuosoite", "postinro", "toimipaikka", "puhelin", "tuote", "pakkauksia"]
    types = ["varchar"] * 8 + ["int32"]
    sess = ["v0.9.1 401c8061c6", 'Enter ".help" for usage hints.', "Connected to a transient in-memory database.",
            'Use ".open FILENAME" to reopen on a persistent database.']
    shown_all = []
    for code, trunc in (("PH", True), ("KY", False), ("HKI", False), ("LU", False)):
        if trunc:
            sess.append("D .maxrows 20")
        rows_k = sorted([k for k in custs if k.code == code or (k.old_addr and k.regions[0] == code and code == "PH")],
                        key=lambda k: (k.surname, k.given))
        sess.append(f"D SELECT {', '.join(cols)} FROM read_parquet('wms/asiakkaat_*.parquet') WHERE alue = '{code}' ORDER BY sukunimi, etunimi;")
        data = []
        for k in rows_k:
            a = k.old_addr if (k.old_addr and code == "PH" and k.regions[0] == "PH") else k.addr
            ph = k.mobile or k.landline
            data.append((k, a, ph, [refs[id(k)], k.surname, k.given, a["street"], a["zip"], a["city"],
                                    (("0" + ph[4:]) if ph else "NULL"), k.product, str(k.packs)]))
        total = len(data)
        if trunc:
            # pad the extract with rows the session never shows: DuckDB prints the first and last 20 of 40
            shown = data[:10] + data[-10:] if total > 20 else data
        else:
            shown = data
        widths = [max([len(cols[i]), len(types[i])] + [len(r[3][i]) for r in shown]) for i in range(len(cols))]

        def rule(l_, m_, r_):
            return l_ + m_.join("─" * (w + 2) for w in widths) + r_

        def line(vals, align):
            cells = []
            for i, v in enumerate(vals):
                if align == "c":
                    cells.append(" " + v.center(widths[i]) + " ")
                elif types[i] == "int32":
                    cells.append(" " + v.rjust(widths[i]) + " ")
                else:
                    cells.append(" " + v.ljust(widths[i]) + " ")
            return "│" + "│".join(cells) + "│"
        out = [rule("┌", "┬", "┐"), line(cols, "c"), line(types, "c"), rule("├", "┼", "┤")]
        if trunc and total > 20:
            for r in shown[:10]:
                out.append(line(r[3], "l"))
            for _ in range(3):
                out.append(line(["·"] * len(cols), "c"))
            for r in shown[10:]:
                out.append(line(r[3], "l"))
            inner = sum(w + 3 for w in widths) - 1
            foot = f"{total} rows (20 shown)"
            out.append(rule("├", "┴", "┤"))
            out.append("│ " + foot.ljust(inner - 2 - len(f"{len(cols)} columns")) + f"{len(cols)} columns" + " │")
            out.append("└" + "─" * inner + "┘")
        else:
            for r in shown:
                out.append(line(r[3], "l"))
            out.append(rule("└", "┴", "┘"))
        sess += out
        for k, a, ph, vals in shown:
            shown_all.append((k, a, ph, vals))
    sess.append("D .quit")
    c.add(doc, "\n".join(sess) + "\n")
    for k, a, ph, vals in shown_all:
        p = k.p
        c.nm(p, doc, "sukunimi/etunimi", k.surname, k.given)
        c.el(p, "postal_address", doc, "katuosoite", a["street"])
        c.el(p, "health_data", doc, "tuote", k.product)
        c.opt(p, "purchase_history", doc, "tuote")
        if ph:
            c.ident(p, "phone", ph, "0" + ph[4:], doc, "puhelin")

    # ------------------------------------------------------------ Android logcat of the drivers' phones
    routes = []
    days = [datetime.date(2023, 9, d) for d in (18, 19, 20, 21)]
    pool_ = [k for k in custs]
    rng.shuffle(pool_)
    stops_left = sorted(pool_[:int(len(pool_) * 0.7)], key=lambda k: [r[0] for r in REGIONS].index(k.code))
    ri = 0
    while stops_left:
        n = rng.randint(14, 22)
        grp, stops_left = stops_left[:n], stops_left[n:]
        drv = DRIVERS[ri % len(DRIVERS)]
        day = days[(ri // len(DRIVERS)) % len(days)]
        routes.append((drv, day, grp))
        ri += 1
    for drv, day, grp in routes:
        slug = ids.ascii_fold(drv[0]).lower().replace(" ", "_")
        doc = f"reitit/logcat/{slug}_{day.strftime('%Y%m%d')}.txt"
        pid, tid = rng.randint(3000, 9000), rng.randint(3000, 9000)
        t = datetime.datetime(day.year, day.month, day.day, 7, rng.randint(0, 30), rng.randint(0, 59))
        L = []

        def log(lvl, tag, msg, th=None):
            nonlocal t
            t += datetime.timedelta(milliseconds=rng.randint(3, 900))
            L.append(f"{t.strftime('%m-%d %H:%M:%S')}.{t.microsecond // 1000:03d} {pid:5d} {(th or tid):5d} {lvl} {tag}: {msg}")
        L.append("--------- beginning of main")
        log("I", "ActivityManager", f"Start proc {pid}:fi.kotivayla.driver/u0a187 for activity fi.kotivayla.driver/.MainActivity", 1544)
        log("D", "AuthManager", f"login ok user={drv[0]} phone={drv[1]} device=SM-A536B")
        log("I", "RouteSync", f"loaded {len(grp)} stops for route R-{day.strftime('%m%d')}-{rng.randint(10, 99)}")
        c.decoy("driver_phone", drv[1], doc, "AuthManager phone")
        for seq, k in enumerate(grp, 1):
            p = k.p
            nm = f"{k.surname} {k.given}" if rng.random() < 0.5 else f"{k.given} {k.surname}"
            a = k.addr
            adr = f"{a['street']}, {a['zip']} {a['city']}"
            ph = k.mobile or k.landline
            phs = "'" + render_phone(rng, ph) + "'" if ph else "null"
            door = f"'{k.door}'" if k.door else "null"
            h = 8 + (seq * 25) // 60
            win = f"{h:02d}:00-{h + 2:02d}:00"
            items = f"[{k.product} x{k.packs}]"
            log("D", "StopAdapter", f"Stop(seq={seq}, customerNo={refs[id(k)]}, name='{nm}', address='{adr}', phone={phs}, "
                                    f"doorCode={door}, window='{win}', items={items})")
            c.nm(p, doc, "Stop.name", nm)
            c.el(p, "postal_address", doc, "Stop.address", a["street"])
            c.el(p, "delivery_info", doc, "Stop.window", win)
            c.el(p, "health_data", doc, "Stop.items", k.product)
            c.opt(p, "purchase_history", doc, "Stop.items")
            if ph:
                c.ident(p, "phone", ph, phs.strip("'"), doc, "Stop.phone")
            if rng.random() < 0.15:
                log("W", "GnssHAL", "gnss_engine: position request timeout")
            t += datetime.timedelta(minutes=rng.randint(6, 25))
            if rng.random() < 0.9:
                log("I", "DeliveryActivity", f"delivered stop {seq} customerNo={refs[id(k)]} signature=true photo=false")
            else:
                log("W", "DeliveryActivity", f"stop {seq} not at home, leaving notice")
        log("I", "RouteSync", "route closed, uploading 0 pending events")
        c.add(doc, "\n".join(L) + "\n")

    # ------------------------------------------------------------ WooCommerce REST orders (self-payers)
    selfp = []
    for i in range(30):
        k = new_cu("SELF")
        town, zp = rng.choice([("Tampere", "33100"), ("Turku", "20100"), ("Oulu", "90100"), ("Jyväskylä", "40100"), ("Vaasa", "65100")])
        k.addr = fi_address(rng, town, [zp])
        if not k.mobile and not k.landline:
            k.mobile = phones.new("FI")
        k.regions = []
        k.p = c.person(f"{k.given} {k.surname}", k.lang, controllers=[MANUFACTURER])
        selfp.append(k)
    also = rng.sample([k for k in custs if k.mobile and not k.old_addr], 6)
    for k in also:
        k.p.controllers.append(MANUFACTURER)
        k.p.note = (k.p.note + "; also buys at own cost").strip("; ")
        selfp.append(k)
    for k in selfp:
        dob = ids.rand_date(rng, 1930, 1960)
        k.hetu = ids.fi_hetu(rng, dob, rng.random() < 0.2)
        k.email = emails.new(k.given, k.surname)
    orders = []
    oid = 18200
    payers = set(id(k) for k in rng.sample(selfp[:30], 5))
    for k in selfp:
        for _ in range(rng.randint(1, 2)):
            oid += rng.randint(1, 40)
            orders.append((oid, k))
    rng.shuffle(orders)
    orders.sort(key=lambda x: x[0])
    pages = [orders[:len(orders) // 2], orders[len(orders) // 2:]]
    for pn, page in enumerate(pages, 1):
        doc = f"verkkokauppa/wc-v3-orders-page-{pn}.json"
        arr = []
        for oid_, k in page:
            p = k.p
            created = datetime.datetime(2023, rng.randint(6, 9), rng.randint(1, 28), rng.randint(7, 22), rng.randint(0, 59), rng.randint(0, 59))
            a = k.addr
            ph = k.mobile or k.landline
            php = render_phone(rng, ph)
            hraw = k.hetu.lower() if rng.random() < 0.12 else k.hetu
            prod = k.product
            qty = k.packs
            ship = {"first_name": k.given, "last_name": k.surname, "company": "", "address_1": a["street"], "address_2": "",
                    "city": a["city"], "state": "", "postcode": a["zip"], "country": "FI", "phone": ""}
            if id(k) in payers:
                r = k.rel
                if r is None:
                    r = Cu()
                    r.lang = k.lang
                    r.female = rng.random() < 0.6
                    r.given, r.surname, _, _ = names.new(k.lang, r.female)
                    r.mobile = phones.new("FI")
                    r.role = rng.choice(REL[(k.lang, r.female)])
                    r.email = emails.new(r.given, r.surname)
                    r.p = c.person(f"{r.given} {r.surname}", k.lang, controllers=[MANUFACTURER])
                    r.p.note = f"relative ({r.role}) paying the orders of {k.p.tid}"
                    k.rel = r
                bill = {"first_name": r.given, "last_name": r.surname, "company": "", "address_1": a["street"], "address_2": "",
                        "city": a["city"], "state": "", "postcode": a["zip"], "country": "FI", "email": r.email,
                        "phone": render_phone(rng, r.mobile)}
                c.nm(r.p, doc, "billing.first_name/last_name", r.given, r.surname)
                c.ident(r.p, "email", r.email, r.email, doc, "billing.email")
                c.ident(r.p, "phone", r.mobile, bill["phone"], doc, "billing.phone")
                c.opt(r.p, "postal_address", doc, "billing.address_1")
                c.opt(r.p, "purchase_history", doc, "line_items")
                ship["phone"] = php
                c.ident(p, "phone", ph, php, doc, "shipping.phone")
                meta_key = "_shipping_hetu"
            else:
                bill = {"first_name": k.given, "last_name": k.surname, "company": "", "address_1": a["street"], "address_2": "",
                        "city": a["city"], "state": "", "postcode": a["zip"], "country": "FI", "email": k.email, "phone": php}
                c.ident(p, "email", k.email, k.email, doc, "billing.email")
                c.ident(p, "phone", ph, php, doc, "billing.phone")
                meta_key = "_billing_hetu"
            c.nm(p, doc, "shipping.first_name/last_name", k.given, k.surname)
            c.el(p, "postal_address", doc, "shipping.address_1", a["street"])
            c.ident(p, "fi_hetu", k.hetu, hraw, doc, "meta_data." + meta_key)
            c.opt(p, "date_of_birth", doc, "meta_data." + meta_key)
            c.el(p, "health_data", doc, "line_items.name", prod)
            c.el(p, "purchase_history", doc, "line_items.name", prod)
            c.el(p, "delivery_info", doc, "shipping_lines", "Kotiinkuljetus")
            note = ""
            if k.door:
                note = f"Ovikoodi {k.door}, jättäkää oven taakse"
                c.el(p, "delivery_info", doc, "customer_note", k.door)
            total = qty * 21.90
            arr.append({"id": oid_, "parent_id": 0, "status": rng.choice(["completed", "completed", "processing"]), "currency": "EUR",
                        "version": "8.0.3", "prices_include_tax": True, "date_created": created.strftime("%Y-%m-%dT%H:%M:%S"),
                        "date_modified": (created + datetime.timedelta(hours=30)).strftime("%Y-%m-%dT%H:%M:%S"),
                        "discount_total": "0.00", "shipping_total": "6.90", "total": f"{total + 6.90:.2f}", "total_tax": f"{(total + 6.90) * 0.24 / 1.24:.2f}",
                        "customer_id": 400 + selfp.index(k), "order_key": "wc_order_" + hexid(rng, 13),
                        "billing": bill, "shipping": ship, "payment_method": "paytrail", "payment_method_title": "Paytrail",
                        "transaction_id": hexid(rng, 8) + "-" + hexid(rng, 4) + "-" + hexid(rng, 4),
                        "customer_note": note,
                        "meta_data": [{"id": rng.randint(100000, 999999), "key": meta_key, "value": hraw},
                                      {"id": rng.randint(100000, 999999), "key": "_wc_order_attribution_source_type", "value": "typein"}],
                        "line_items": [{"id": rng.randint(9000, 99999), "name": f"{prod} ({qty} pkt)", "product_id": 100 + PRODUCTS.index(prod),
                                        "quantity": qty, "sku": f"HC-{PRODUCTS.index(prod) + 7100}", "total": f"{total:.2f}"}],
                        "shipping_lines": [{"id": rng.randint(9000, 99999), "method_title": "Kotiinkuljetus", "method_id": "flat_rate", "total": "6.90"}],
                        "_links": {"self": [{"href": f"https://kauppa.hygieia.example.com/wp-json/wc/v3/orders/{oid_}"}],
                                   "collection": [{"href": "https://kauppa.hygieia.example.com/wp-json/wc/v3/orders"}]}})
        text = json.dumps(arr, ensure_ascii=True, separators=(",", ":")).replace("/", "\\/")
        c.add(doc, text, views=("json",))

    # ------------------------------------------------------------ Asana project exports of the hearing-aid companies
    hcust = []
    for firm in HEARING:
        for i in range(16):
            k = new_cu("HA")
            town, zp = rng.choice([("Lahti", "15100"), ("Kotka", "48100"), ("Porvoo", "06100"), ("Espoo", "02100"), ("Joensuu", "80100")])
            k.addr = fi_address(rng, town, [zp], k.lang == "sv")
            if not k.mobile and not k.landline:
                k.mobile = phones.new("FI")
            k.firm = firm
            k.regions = []
            k.p = c.person(f"{k.given} {k.surname}", k.lang, controllers=[firm])
            hcust.append(k)
        for k in rng.sample([k for k in custs if k.mobile and firm not in k.p.controllers and len(k.p.controllers) < 2], 2):
            k.firm = firm
            k.p.controllers.append(firm)
            k.p.note = (k.p.note + "; also a hearing-aid customer").strip("; ")
            hcust.append(k)
    assignees = {HEARING[0]: [("Tiina Aalto", "tiina.aalto@kuuloapu.example.com"), ("Sanna Vuori", "sanna.vuori@kuuloapu.example.com")],
                 HEARING[1]: [("Petri Halme", "petri.halme@audiotek.example.com"), ("Elina Koski", "elina.koski@audiotek.example.com")]}
    hdr = ["Task ID", "Created At", "Completed At", "Last Modified", "Name", "Section/Column", "Assignee", "Assignee Email",
           "Start Date", "Due Date", "Tags", "Notes", "Projects", "Parent task", "Blocked By (Dependencies)",
           "Blocking (Dependencies)", "Asiakasnumero", "Puhelin"]

    def gid():
        while True:
            s = "120" + "".join(rng.choice("0123456789") for _ in range(13))
            if not check.VALIDATORS["payment_card"](s):
                return s
    for firm in HEARING:
        doc = f"kuulolaitteet/{ids.ascii_fold(firm).split()[0].lower()}_asana_export.csv"
        out = [csv_line(hdr)]
        for a in assignees[firm]:
            c.decoy("staff_email", a[1], doc, "Assignee Email")
        for k in [k for k in hcust if k.firm == firm]:
            p = k.p
            ph = k.mobile or k.landline
            a = k.addr
            due = datetime.date(2023, 9, rng.randint(4, 29))
            item = rng.choice(BATTERIES)
            nm = f"{k.surname} {k.given}"
            raw = render_phone(rng, ph)
            notes = (f"Osoite: {a['street']}, {a['zip']} {a['city']}\nPuh. {raw}\n{item} x {rng.randint(2, 8)} pkt\n"
                     f"Toimitus {due.strftime('%d.%m.%Y')} postitse" + ("\nAsiakas kuulee huonosti, soita tekstiviestillä" if rng.random() < 0.2 else ""))
            asg = rng.choice(assignees[firm])
            created = datetime.date(2023, 8, rng.randint(1, 31))
            cf_phone = render_phone(rng, ph) if rng.random() < 0.5 else ""
            task = gid()
            out.append(csv_line([task, created.isoformat(), due.isoformat() if rng.random() < 0.7 else "", due.isoformat(),
                                 f"Paristotoimitus – {nm}", "Toimitukset", asg[0], asg[1], "", due.isoformat(), "paristot",
                                 notes, "Kotitoimitukset 2023", "", "", "", f"A-{rng.randint(1000, 9999)}", cf_phone]))
            c.nm(p, doc, "Name", nm)
            c.el(p, "postal_address", doc, "Notes", a["street"])
            c.ident(p, "phone", ph, raw, doc, "Notes")
            if cf_phone:
                c.ident(p, "phone", ph, cf_phone, doc, "Puhelin")
            c.el(p, "delivery_info", doc, "Notes", due.strftime("%d.%m.%Y"))
            c.opt(p, "health_data", doc, "Notes", item)
            c.opt(p, "purchase_history", doc, "Notes")
        c.add(doc, "".join(out))

    c.extra["processor"] = PROCESSOR
    c.extra["controllers"] = [r[1] for r in REGIONS] + [MANUFACTURER] + HEARING
    c.extra["health_inference"] = ("incontinence products next to a person reveal a health condition (required); hearing-aid "
                                   "batteries are optional health data")
    c.extra["staff"] = STAFF
    return c
