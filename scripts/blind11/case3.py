"""Case 3: logistics processor of home deliveries of incontinence products (Finland)."""
import datetime as dt
import json

from common import Case, csv_line, failing_digits, guid, hexid, xml_esc
from people import Contacts, Namer, fi_address
from shared import ids

PROCESSOR = "Kotihuolto Logistiikka Oy"
PDOM = "kotihuolto.example.com"
MANUF = "Hygienia Nordic Oy"
HA = [("Kuulo Plus Oy", "kuuloplus"), ("Audiola Oy", "audiola")]
REGIONS = [
    ("PH", "Päijät-Hämeen hyvinvointialue", None, 70,
     [("Lahti", ["15100", "15110", "15140", "15150", "15200", "15300", "15610", "15700", "15800", "15900"]),
      ("Heinola", ["18100", "18200"]), ("Hollola", ["15870", "15880"])]),
    ("PK", "Pohjois-Karjalan hyvinvointialue", None, 55,
     [("Joensuu", ["80100", "80110", "80130", "80140", "80160", "80200", "80220"]), ("Lieksa", ["81700"]), ("Kitee", ["82500"])]),
    ("IU", "Itä-Uudenmaan hyvinvointialue", "Östra Nylands välfärdsområde", 50,
     [("Porvoo", ["06100", "06150", "06400", "06500"]), ("Loviisa", ["07900", "07910"]), ("Sipoo", ["04130", "04150"])]),
    ("LU", "Länsi-Uudenmaan hyvinvointialue", None, 62,
     [("Espoo", ["02100", "02200", "02600", "02940"]), ("Lohja", ["08100", "08200"]), ("Raasepori", ["10600", "10300"])]),
    ("KY", "Kymenlaakson hyvinvointialue", None, 52,
     [("Kotka", ["48100", "48200", "48600"]), ("Kouvola", ["45100", "45200", "45700"])]),
    ("KU", "Keski-Uudenmaan hyvinvointialue", None, 48,
     [("Hyvinkää", ["05800", "05830", "05900"]), ("Järvenpää", ["04400", "04430"]), ("Tuusula", ["04300", "04310"]),
      ("Kerava", ["04200", "04250"])]),
    ("HKI", "Helsingin kaupunki", None, 36, [("Helsinki", ["00100", "00250", "00530", "00810", "00940", "00980"])]),
    ("HUS", "HUS-yhtymä", None, 26, [("Vantaa", ["01300", "01600"]), ("Espoo", ["02320"]), ("Kauniainen", ["02700"])]),
]
SV_CITY = {"Porvoo": "Borgå", "Loviisa": "Lovisa", "Sipoo": "Sibbo", "Raasepori": "Raseborg", "Helsinki": "Helsingfors",
           "Espoo": "Esbo", "Vantaa": "Vanda", "Kauniainen": "Grankulla"}
PRODUCTS = ["TENA Pants Plus L", "TENA Slip Maxi M", "Abena Abri-Form L2", "TENA Lady Super", "Attends Flex 10 L",
            "TENA Men Level 2", "TENA Flex Super XL", "Abena Pants Premium M1"]
PROD_FI = {"p": "Housuvaippa", "s": "Teippivaippa", "l": "Inkontinenssisuoja"}
PROD_SV = {"p": "Byxblöja", "s": "Tejpblöja", "l": "Inkontinensskydd"}
REL_FI = {"tytär": "dotter", "poika": "son", "puoliso": "make", "miniä": "svärdotter", "veli": "bror", "sisar": "syster"}
STAFF = [("Jari", "Lehtonen", "kuljettaja"), ("Mikko", "Salo", "kuljettaja"), ("Timo", "Heikkilä", "kuljettaja"),
         ("Stig", "Backman", "chaufför"), ("Pekka", "Ahonen", "kuljettaja"), ("Esa", "Rantanen", "kuljettaja"),
         ("Hanna", "Koski", "koordinaattori"), ("Leena", "Laaksonen", "asiakaspalvelu"), ("Karin", "Ekholm", "kundtjänst"),
         ("Outi", "Peltola", "asiakaspalvelu")]
WEEKDAY_FI = ["ma", "ti", "ke", "to", "pe", "la", "su"]
WEEKDAY_SV = ["mån", "tis", "ons", "tor", "fre", "lör", "sön"]


def pick_product(rng, female):
    return rng.choice([x for x in PRODUCTS if ("Lady" not in x or female) and ("Men" not in x or not female)])


def product_text(prod, sv):
    kind = "p" if "Pants" in prod else "s" if ("Slip" in prod or "Form" in prod or "Flex" in prod) else "l"
    return f"{(PROD_SV if sv else PROD_FI)[kind]} {prod}"


def build(seed):
    c = Case(3, "fi_home_deliveries", seed,
             f"Logistics processor {PROCESSOR} delivering incontinence products (FI). Controllers: 6 welfare regions, "
             f"the City of Helsinki, HUS, the manufacturer {MANUF} (self-payers) and two hearing-aid companies. New shapes: "
             "Dynamics 365 OData JSON pages, KML route exports (Google My Maps), Unifaun/nShift XML shipments "
             "(ISO-8859-1), SAP IDoc XML (DEBMAS07, ORDERS05), a Trello board export, RFC 5424 syslog with structured "
             "data, Exchange message tracking logs.")
    rng = c.rng
    namer = Namer(rng)
    con = Contacts(rng)
    for g, s, _ in STAFF:
        namer.reserve(f"{g} {s}")
    staff_phone = {}
    for g, s, role in STAFF:
        staff_phone[(g, s)] = con.phone("FI")[0]
    custno = [10000]

    def next_custno(prefix="K"):
        custno[0] += rng.randint(1, 9)
        return f"{prefix}{custno[0]}"

    def fi_hetu_for(dob):
        while True:
            v = ids.fi_hetu(rng, dob, rng.random() < 0.15 and dob.year >= 1950)
            if v not in con.other:
                con.other.add(v)
                return v

    def raw_phone(nsn):
        return ids.render_phone(rng, "FI", nsn)[0]

    def e164(nsn):
        return ids.e164("FI", nsn)

    def new_relative(cust, ctrl):
        female = rng.random() < 0.65
        nm = namer.make("sv" if cust.a["sv"] else "fi", female,
                        surname=cust.a["nm"]["surname"] if rng.random() < 0.7 else None)
        rel = rng.choice(["tytär", "sisar", "miniä"] if female else ["poika", "veli", "puoliso"])
        r = c.person(nm["full"], "sv" if cust.a["sv"] else "fi", list(ctrl), f"relative ({rel}) of {cust.tid}")
        r.a.update(nm=nm, phone=con.phone("FI")[0], rel=rel, sv=cust.a["sv"])
        return r

    # ------------------------------------------------------------ region customers
    region_custs = []
    by_region = {r[0]: [] for r in REGIONS}
    for code, name, svname, n, cities in REGIONS:
        for _ in range(n):
            city, zips = rng.choice(cities)
            sv = (code == "IU" and rng.random() < 0.55) or (code == "HKI" and rng.random() < 0.08) or \
                 (city == "Raasepori" and rng.random() < 0.6)
            female = rng.random() < 0.62
            nm = namer.make("sv" if sv else "fi", female)
            p = c.person(nm["full"], "sv" if sv else "fi", [name])
            shown_city = SV_CITY.get(city, city) if sv else city
            p.a.update(nm=nm, sv=sv, region=code, female=female, dob=ids.rand_date(rng, 1925, 1965),
                       addr=fi_address(rng, shown_city, zips, swedish=sv), cust=next_custno())
            r = rng.random()
            p.a["phone"] = con.phone("FI", "mobile")[0] if r < 0.6 else con.phone("FI", "fixed")[0] if r < 0.85 else None
            p.a["email"] = con.email(nm["given"], nm["surname"]) if rng.random() < 0.07 else None
            p.a["product"] = pick_product(rng, female)
            p.a["qty"] = rng.choice([2, 3, 4, 6])
            p.a["interval"] = rng.choice([4, 6, 8, 12])
            p.a["next"] = dt.date(2023, 9, 18) + dt.timedelta(days=rng.randint(0, 40))
            p.a["door"] = f"{rng.randint(1000, 9999)}" if rng.random() < 0.3 else None
            p.a["birth_in_crm"] = rng.random() < 0.35
            p.a["rel"] = None
            region_custs.append(p)
            by_region[code].append(p)
    # spouses sharing a landline and the address
    for _ in range(10):
        code = rng.choice(["PH", "PK", "KY", "KU", "LU"])
        a = rng.choice([x for x in by_region[code] if x.a["phone"] and x.a["phone"][0] in "93" and not x.a.get("spouse")
                        and not x.a["sv"]] or [None])
        if a is None:
            continue
        female = not a.a["female"]
        nm = namer.make("fi", female, surname=a.a["nm"]["surname"])
        b = c.person(nm["full"], "fi", list(a.controllers), f"spouse of {a.tid}; shares the landline and the address")
        b.a.update(a.a)
        b.a.update(nm=nm, female=female, dob=ids.rand_date(rng, 1925, 1960), cust=next_custno(), spouse=a,
                   product=pick_product(rng, female), email=None, door=a.a["door"], rel=None)
        a.a["spouse"] = b
        a.note = f"spouse of {b.tid}; shares the landline and the address"
        c.household_phones[e164(a.a["phone"])] = [a.tid, b.tid]
        region_custs.append(b)
        by_region[code].append(b)
    # movers: a second region record with a new address (two controllers)
    movers = rng.sample([p for p in region_custs if p.a["phone"] and not p.a.get("spouse") and p.a["region"] not in ("HKI", "HUS")], 6)
    for p in movers:
        code2 = rng.choice([r for r in REGIONS if r[0] not in (p.a["region"], "IU")])
        city, zips = rng.choice(code2[4])
        p.a["old_addr"] = p.a["addr"]
        p.a["old_region"] = p.a["region"]
        p.a["addr"] = fi_address(rng, city, zips)
        p.a["region"] = code2[0]
        p.a["old_cust"] = p.a["cust"]
        p.a["cust"] = next_custno()
        p.controllers.append(code2[1])
        by_region[code2[0]].append(p)
        p.note = f"moved from {p.a['old_region']} to {code2[0]}: two controllers, two addresses, one phone"
    # relatives named as contact persons
    for p in region_custs:
        if rng.random() < 0.14 and not p.a.get("spouse"):
            p.a["rel"] = new_relative(p, p.controllers)

    # ------------------------------------------------------------ self-payers and hearing-aid customers
    selfpay = []
    both = rng.sample([p for p in region_custs if p not in movers and not p.a.get("spouse") and p.a["phone"]], 6)
    for p in both:
        p.controllers.append(MANUF)
        p.note = (p.note + "; " if p.note else "") + "also buys at own cost (manufacturer is a second controller)"
        selfpay.append(p)
    for _ in range(44):
        sv = rng.random() < 0.1
        female = rng.random() < 0.6
        nm = namer.make("sv" if sv else "fi", female)
        p = c.person(nm["full"], "sv" if sv else "fi", [MANUF])
        code, _, _, _, cities = rng.choice(REGIONS)
        city, zips = rng.choice(cities)
        p.a.update(nm=nm, sv=sv, female=female, dob=ids.rand_date(rng, 1930, 1995),
                   addr=fi_address(rng, SV_CITY.get(city, city) if sv else city, zips, swedish=sv),
                   phone=con.phone("FI")[0], email=con.email(nm["given"], nm["surname"]) if rng.random() < 0.75 else None,
                   product=pick_product(rng, female), door=f"{rng.randint(1000, 9999)}" if rng.random() < 0.25 else None, rel=None)
        selfpay.append(p)
    for p in selfpay:
        p.a["hetu"] = fi_hetu_for(p.a["dob"])
        p.a["kunnr"] = failing_digits(rng, 10, "0000")
        p.a["iban"] = ids.iban(rng, "FI") if rng.random() < 0.6 else None
        if p.a["iban"]:
            con.other.add(p.a["iban"])
    ha_custs = []
    for firm, fslug in HA:
        for _ in range(20):
            sv = rng.random() < 0.12
            female = rng.random() < 0.5
            nm = namer.make("sv" if sv else "fi", female)
            p = c.person(nm["full"], "sv" if sv else "fi", [firm])
            code, _, _, _, cities = rng.choice(REGIONS)
            city, zips = rng.choice(cities)
            p.a.update(nm=nm, sv=sv, female=female, addr=fi_address(rng, SV_CITY.get(city, city) if sv else city, zips, swedish=sv),
                       phone=con.phone("FI")[0], email=con.email(nm["given"], nm["surname"]) if rng.random() < 0.5 else None,
                       firm=firm, rel=None)
            ha_custs.append(p)

    # ============================================================ 1. Dynamics 365 OData pages
    reg_guid = {r[0]: guid(rng) for r in REGIONS}
    for code, rname, svname, _, _ in REGIONS:
        rows = []
        for p in by_region[code]:
            records = [(p.a["cust"], p.a["addr"], True)]
            if p.a.get("old_region") == code:
                records = [(p.a["old_cust"], p.a["old_addr"], False)]
            for cust, ad, active in records:
                rows.append((p, cust, ad, active))
        for p in movers:
            if p.a["old_region"] == code and all(r[0] is not p for r in rows):
                rows.append((p, p.a["old_cust"], p.a["old_addr"], False))
        rows.sort(key=lambda r: r[1])
        per_page = 40
        pages = [rows[i:i + per_page] for i in range(0, len(rows), per_page)]
        for pi, page in enumerate(pages):
            path = f"crm/contacts_{code}_p{pi + 1}.json"
            value = []
            for p, cust, ad, active in page:
                sv = p.a["sv"]
                mob = p.a["phone"] if p.a["phone"] and p.a["phone"][:2] in ("40", "41", "44", "45", "46", "50") else None
                land = p.a["phone"] if p.a["phone"] and not mob else None
                rel = p.a["rel"]
                rel_s = None
                if rel:
                    rel.a["rel_raw"] = raw_phone(rel.a["phone"])
                    rel_s = f"{rel.name} ({REL_FI[rel.a['rel']] if sv else rel.a['rel']}) {rel.a['rel_raw']}"
                prod = product_text(p.a["product"], sv)
                rec = {"@odata.etag": f"W/\"{rng.randint(10 ** 7, 10 ** 8)}\"", "contactid": guid(rng),
                       "khl_asiakasnumero": cust, "firstname": p.a["nm"]["given"], "lastname": p.a["nm"]["surname"],
                       "fullname": p.name, "birthdate": p.a["dob"].isoformat() if p.a["birth_in_crm"] else None,
                       "address1_line1": ad["street"], "address1_postalcode": ad["zip"], "address1_city": ad["city"],
                       "mobilephone": raw_phone(mob) if mob else None, "telephone1": raw_phone(land) if land else None,
                       "emailaddress1": p.a["email"],
                       "khl_kieli": 100000001 if sv else 100000000,
                       "khl_kieli@OData.Community.Display.V1.FormattedValue": ("svenska" if sv else "suomi"),
                       "khl_tuote": prod, "khl_maara": f"{p.a['qty']} pkt / {p.a['interval']} vk",
                       "khl_toimitusvali": p.a["interval"],
                       "khl_seuraavatoimitus": p.a["next"].isoformat() if active else None,
                       "khl_ovikoodi": p.a["door"] if active else None,
                       "khl_lisatiedot": (rng.choice(["Lämna vid dörren", "Ring före leverans", None]) if sv else
                                          rng.choice(["Jätä oven taakse", "Soita ennen toimitusta", "Portaikko B", None])),
                       "khl_yhteyshenkilo": rel_s,
                       "_parentcustomerid_value": reg_guid[code],
                       "_parentcustomerid_value@OData.Community.Display.V1.FormattedValue": svname if (sv and svname) else rname,
                       "_parentcustomerid_value@Microsoft.Dynamics.CRM.lookuplogicalname": "account",
                       "statecode": 0 if active else 1,
                       "statecode@OData.Community.Display.V1.FormattedValue": "Aktiivinen" if active else "Passiivinen",
                       "modifiedon": f"2023-09-{rng.randint(1, 18):02d}T{rng.randint(6, 16):02d}:{rng.randint(0, 59):02d}:{rng.randint(0, 59):02d}Z"}
                value.append(rec)
                p.a.setdefault("crm_docs", []).append(path)
                c.link(p, path, "cust:" + cust)
                c.name(p, path, "firstname/lastname/fullname", p.name, parts=[p.a["nm"]["given"], p.a["nm"]["surname"]])
                c.address(p, path, "address1_line1", ad["street"])
                if rec["mobilephone"]:
                    c.ident(p, "phone", e164(mob), rec["mobilephone"], path, "mobilephone", cc="358")
                if rec["telephone1"]:
                    c.ident(p, "phone", e164(land), rec["telephone1"], path, "telephone1", cc="358")
                if p.a["email"]:
                    c.ident(p, "email", p.a["email"], p.a["email"], path, "emailaddress1")
                if p.a["birth_in_crm"]:
                    c.dob(p, path, "birthdate", p.a["dob"].isoformat())
                c.expose(p, "health_data", path, "khl_tuote", ev=p.a["product"])
                c.expose(p, "purchase_history", path, "khl_tuote/khl_maara", req=False)
                if active:
                    c.expose(p, "delivery_info", path, "khl_seuraavatoimitus/khl_ovikoodi", ev=p.a["next"].isoformat())
                else:
                    c.expose(p, "delivery_info", path, "khl_toimitusvali (inactive record)", req=False)
                if rel:
                    c.name(rel, path, "khl_yhteyshenkilo", rel.name)
                    c.ident(rel, "phone", e164(rel.a["phone"]), rel.a["rel_raw"], path, "khl_yhteyshenkilo", cc="358")
            body = {"@odata.context": f"https://kotihuolto.crm4.example.com/api/data/v9.2/$metadata#contacts(contactid,"
                                      "khl_asiakasnumero,firstname,lastname,fullname,birthdate,address1_line1,"
                                      "address1_postalcode,address1_city,mobilephone,telephone1,emailaddress1,khl_kieli,"
                                      "khl_tuote,khl_maara,khl_toimitusvali,khl_seuraavatoimitus,khl_ovikoodi,"
                                      "khl_lisatiedot,khl_yhteyshenkilo,_parentcustomerid_value,statecode,modifiedon)",
                    "value": value}
            if pi + 1 < len(pages):
                body["@odata.nextLink"] = (f"https://kotihuolto.crm4.example.com/api/data/v9.2/contacts?$select=contactid"
                                           f"&$filter=_parentcustomerid_value%20eq%20{reg_guid[code]}"
                                           f"&$skiptoken=%3Ccookie%20pagenumber=%22{pi + 2}%22%20pagingcookie=%22%253ccookie%2520page%253d%2522{pi + 1}%2522%253e%22%20istracking=%22False%22%20/%3E")
            asc = (pi + len(code)) % 3 == 0
            c.text(path, json.dumps(body, ensure_ascii=asc, indent=None if asc else 1) + "\n", dec=("json",))

    # ============================================================ 2. KML route exports
    drivers = [s for s in STAFF if s[2] in ("kuljettaja", "chaufför")]
    route_days = [dt.date(2023, 9, d) for d in (18, 19, 20, 21, 22)]
    depot_phone = "+358 3 888 1000"
    on_route = {}
    for code, rname, svname, _, cities in REGIONS:
        pool = [p for p in by_region[code] if p.a.get("old_region") != code or p.a["region"] == code]
        pool = [p for p in pool if rng.random() < 0.62]
        rng.shuffle(pool)
        chunks = [pool[i:i + rng.randint(12, 20)] for i in range(0, len(pool), 16)]
        for ri, chunk in enumerate(chunks):
            if not chunk:
                continue
            day = rng.choice(route_days)
            drv = drivers[3] if code == "IU" else rng.choice([d for d in drivers if d[2] == "kuljettaja"])
            sv_route = code == "IU"
            dname = f"{drv[0]}_{drv[1]}".replace("ä", "a")
            path = f"reitit/{day.isoformat()}/{dname}_{code}_{ri + 1}.kml"
            K = ['<?xml version="1.0" encoding="UTF-8"?>', '<kml xmlns="http://www.opengis.net/kml/2.2">', "<Document>",
                 f"  <name>{'Rutt' if sv_route else 'Reitti'} {code}-{ri + 1} {(WEEKDAY_SV if sv_route else WEEKDAY_FI)[day.weekday()]} "
                 f"{day.day}.{day.month}. / {drv[0]} {drv[1]}</name>",
                 f"  <description>{'Chaufför' if sv_route else 'Kuljettaja'} {drv[0]} {drv[1]}, p. {raw_phone(staff_phone[drv[:2]])}</description>",
                 '  <Style id="icon-1899-0288D1"><IconStyle><color>ffd18802</color><scale>1</scale></IconStyle></Style>',
                 "  <Folder>", f"    <name>{'Stopp' if sv_route else 'Pysähdykset'}</name>",
                 "    <Placemark>", f"      <name>{'Lager' if sv_route else 'Varasto'} {cities[0][0]}</name>",
                 f"      <description><![CDATA[Lastauslaituri 3<br>p. {depot_phone}]]></description>",
                 f"      <Point><coordinates>{25 + rng.random():.6f},{60 + rng.random():.6f},0</coordinates></Point>",
                 "    </Placemark>"]
            t = dt.datetime.combine(day, dt.time(8, 0))
            for p in chunk:
                t += dt.timedelta(minutes=rng.randint(12, 35))
                sv = p.a["sv"]
                ad = p.a["addr"]
                lines = [f"{ad['street']}, {ad['zip']} {ad['city']}"]
                ph = None
                if p.a["phone"]:
                    ph = raw_phone(p.a["phone"])
                    lines.append(f"p. {ph}" if not sv else f"tfn {ph}")
                if p.a["door"]:
                    lines.append(f"{'Portkod' if sv else 'Ovikoodi'} {p.a['door']}")
                prod = f"{p.a['qty']} pkt {product_text(p.a['product'], sv)}"
                lines.append(prod)
                win = f"{t:%H}–{(t + dt.timedelta(hours=2)):%H}"
                lines.append(f"{'Leverans kl' if sv else 'Toimitus klo'} {win}")
                K += ["    <Placemark>", f"      <name>{xml_esc(p.a['nm']['surname'] + ' ' + p.a['nm']['given'])}</name>",
                      "      <description><![CDATA[" + "<br>".join(lines) + "]]></description>",
                      "      <ExtendedData>", f'        <Data name="asiakasnro"><value>{p.a["cust"]}</value></Data>',
                      f'        <Data name="pakkaukset"><value>{p.a["qty"]}</value></Data>', "      </ExtendedData>",
                      f"      <Point><coordinates>{25 + rng.random():.6f},{60 + rng.random():.6f},0</coordinates></Point>",
                      "    </Placemark>"]
                on_route.setdefault(p.tid, []).append((day, win, path))
                c.link(p, path, "cust:" + p.a["cust"])
                c.name(p, path, "Placemark/name", f"{p.a['nm']['surname']} {p.a['nm']['given']}")
                c.address(p, path, "description", ad["street"])
                if ph:
                    c.ident(p, "phone", e164(p.a["phone"]), ph, path, "description", cc="358")
                c.expose(p, "health_data", path, "description (product)", ev=p.a["product"])
                c.expose(p, "delivery_info", path, "route stop", ev=win)
                c.expose(p, "purchase_history", path, "description (product)", req=False)
            K += ["  </Folder>", "</Document>", "</kml>", ""]
            c.text(path, "\n".join(K), dec=("xml",))
    c.decoy("depot_phone", depot_phone, path, "Placemark description", "the depot's phone", must_fail=False)
    for drv in drivers[:3]:
        raw = None
        for d in c.docs:
            if d.startswith("reitit/") and f"{drv[0]} {drv[1]}, p. " in c.docs[d].data.decode("utf-8"):
                txt = c.docs[d].data.decode("utf-8")
                raw = txt.split(f"{drv[0]} {drv[1]}, p. ")[1].split("<")[0]
                c.decoy("driver_phone", raw, d, "Document/description", "the driver's phone (staff)", must_fail=False)
                break

    # ============================================================ 3. Unifaun XML shipments (ISO-8859-1)
    ship_days = [dt.date(2023, 9, d) for d in (11, 13, 15, 18, 20)]
    shipped = [("sp", p) for p in selfpay] + [("ha", p) for p in ha_custs]
    rng.shuffle(shipped)
    per_day = {d: [] for d in ship_days}
    for k, x in enumerate(shipped):
        per_day[ship_days[k % len(ship_days)]].append(x)
    for d in ship_days:
        path = f"kuljetus/unifaun/unifaun_export_{d.isoformat()}.xml"
        U = ['<?xml version="1.0" encoding="ISO-8859-1"?>', "<data>",
             f'  <meta><val n="created">{d.isoformat()} 14:{rng.randint(10, 59)}</val><val n="user">{PDOM}</val></meta>',
             '  <sender sndid="1">', f'    <val n="name">{PROCESSOR}</val>', '    <val n="address1">Varastotie 12</val>',
             '    <val n="zipcode">15520</val>', '    <val n="city">Lahti</val>', '    <val n="country">FI</val>',
             f'    <val n="phone">{depot_phone}</val>', f'    <val n="email">lahetys@{PDOM}</val>',
             '    <partner parid="PLAB"><val n="custno">123456</val></partner>', "  </sender>"]
        for kind, p in per_day[d]:
            rid = ("SP" if kind == "sp" else "HA") + str(rng.randint(1000, 9999))
            ad = p.a["addr"]
            ph = raw_phone(p.a["phone"])
            U += [f'  <receiver rcvid="{rid}">', f'    <val n="name">{xml_esc(p.a["nm"]["surname"] + " " + p.a["nm"]["given"])}</val>',
                  f'    <val n="address1">{xml_esc(ad["street"])}</val>', f'    <val n="zipcode">{ad["zip"]}</val>',
                  f'    <val n="city">{xml_esc(ad["city"])}</val>', '    <val n="country">FI</val>',
                  f'    <val n="phone">{ph}</val>', f'    <val n="sms">{e164(p.a["phone"])}</val>']
            if p.a["email"]:
                U.append(f'    <val n="email">{p.a["email"]}</val>')
            U.append("  </receiver>")
            order = f"HN-{d:%y%m%d}-{rng.randint(1, 999):04d}" if kind == "sp" else f"{'KP' if p.a['firm'] == HA[0][0] else 'AU'}{rng.randint(100000, 999999)}"
            if kind == "sp":
                explicit = rng.random() < 0.7
                contents = product_text(p.a["product"], p.a["sv"]) if explicit else "Hygieniatuotteita"
            else:
                explicit = False
                contents = rng.choice(["Kuulokojeen paristot 312", "Kuulokojeen paristot 13", "Korvakappaleet"])
            U += [f'  <shipment orderno="{order}">', '    <val n="from">1</val>', f'    <val n="to">{rid}</val>',
                  f'    <val n="reference">{order}</val>', f'    <val n="shipdate">{d.isoformat()}</val>',
                  '    <service srvid="PO2103">', f'      <addon adnid="NOT"><val n="misc">{e164(p.a["phone"])}</val></addon>']
            if p.a.get("door"):
                U.append(f'      <addon adnid="DLVNOTE"><val n="misc">Ovikoodi {p.a["door"]}</val></addon>')
            U += ["    </service>", '    <container type="parcel">', '      <val n="copies">1</val>',
                  f'      <val n="weight">{rng.randint(5, 60) / 10:.1f}</val>', f'      <val n="contents">{xml_esc(contents)}</val>',
                  "    </container>", "  </shipment>"]
            c.name(p, path, "receiver/name", p.a["nm"]["surname"] + " " + p.a["nm"]["given"])
            c.address(p, path, "receiver/address1", ad["street"])
            c.ident(p, "phone", e164(p.a["phone"]), ph, path, "receiver/phone", cc="358")
            c.ident(p, "phone", e164(p.a["phone"]), e164(p.a["phone"]), path, "receiver/sms", cc="358")
            if p.a["email"]:
                c.ident(p, "email", p.a["email"], p.a["email"], path, "receiver/email")
            c.expose(p, "delivery_info", path, "shipment", ev=d.isoformat())
            c.expose(p, "health_data", path, "container/contents", req=explicit, ev=contents if explicit else None)
        U += ["</data>", ""]
        c.text(path, "\n".join(U), enc="iso-8859-1", dec=("xml",))
    c.decoy("role_mailbox", f"lahetys@{PDOM}", path, "sender/email", "the processor's dispatch mailbox", must_fail=False)

    # ============================================================ 4. SAP IDoc XML: DEBMAS07 + ORDERS05
    docnum = [4512000 + rng.randint(0, 9999)]

    def dc40(idoctyp, mestyp, day):
        docnum[0] += rng.randint(1, 40)
        return ["  <EDI_DC40 SEGMENT=\"1\">", "   <TABNAM>EDI_DC40</TABNAM>", "   <MANDT>100</MANDT>",
                f"   <DOCNUM>{docnum[0]:016d}</DOCNUM>", "   <DOCREL>754</DOCREL>", "   <STATUS>30</STATUS>",
                "   <DIRECT>1</DIRECT>", "   <OUTMOD>2</OUTMOD>", f"   <IDOCTYP>{idoctyp}</IDOCTYP>",
                f"   <MESTYP>{mestyp}</MESTYP>", "   <SNDPOR>SAPHNP</SNDPOR>", "   <SNDPRT>LS</SNDPRT>",
                "   <SNDPRN>HNPCLNT100</SNDPRN>", "   <RCVPOR>KHL_WMS</RCVPOR>", "   <RCVPRT>LS</RCVPRT>",
                "   <RCVPRN>KHLWMS</RCVPRN>", f"   <CREDAT>{day:%Y%m%d}</CREDAT>",
                f"   <CRETIM>{rng.randint(6, 18):02d}{rng.randint(0, 59):02d}{rng.randint(0, 59):02d}</CRETIM>",
                "  </EDI_DC40>"]

    for p in selfpay:
        day = dt.date(2023, rng.randint(1, 9), rng.randint(1, 28))
        path = f"sap/idoc/DEBMAS07_{docnum[0] + 1:016d}.xml"
        ad = p.a["addr"]
        ph = raw_phone(p.a["phone"])
        hetu_raw = p.a["hetu"] if rng.random() < 0.9 else p.a["hetu"].lower()
        X = ['<?xml version="1.0" encoding="UTF-8"?>', "<DEBMAS07>", ' <IDOC BEGIN="1">'] + dc40("DEBMAS07", "DEBMAS", day)
        path = f"sap/idoc/DEBMAS07_{docnum[0]:016d}.xml"
        X += ['  <E1KNA1M SEGMENT="1">', "   <MSGFN>005</MSGFN>", f"   <KUNNR>{p.a['kunnr']}</KUNNR>", "   <KTOKD>ZPRI</KTOKD>",
              "   <LAND1>FI</LAND1>", f"   <NAME1>{xml_esc(p.a['nm']['surname'] + ' ' + p.a['nm']['given'])}</NAME1>",
              f"   <ORT01>{xml_esc(ad['city'])}</ORT01>", f"   <PSTLZ>{ad['zip']}</PSTLZ>", f"   <STRAS>{xml_esc(ad['street'])}</STRAS>",
              f"   <TELF1>{ph}</TELF1>", f"   <SPRAS>{'V' if p.a['sv'] else 'U'}</SPRAS>", f"   <STCD1>{hetu_raw}</STCD1>",
              '   <E1KNVVM SEGMENT="1">', "    <MSGFN>005</MSGFN>", "    <VKORG>FI01</VKORG>", "    <VTWEG>20</VTWEG>",
              "    <SPART>00</SPART>", "    <KDGRP>04</KDGRP>", "   </E1KNVVM>"]
        if p.a["iban"]:
            X += ['   <E1KNBKM SEGMENT="1">', "    <MSGFN>005</MSGFN>", "    <BANKS>FI</BANKS>",
                  f"    <BANKL>{p.a['iban'][4:10]}</BANKL>", f"    <BANKN>{p.a['iban'][10:]}</BANKN>",
                  f"    <IBAN>{p.a['iban']}</IBAN>", "    <BKONT>01</BKONT>", "   </E1KNBKM>"]
        payer = None
        if rng.random() < 0.18:
            payer = new_relative(p, [MANUF])
            payer.a["rel_raw"] = raw_phone(payer.a["phone"])
            X += ['   <E1KNVKM SEGMENT="1">', "    <MSGFN>005</MSGFN>", f"    <PARNR>{rng.randint(100000, 999999)}</PARNR>",
                  f"    <NAMEV>{xml_esc(payer.a['nm']['given'])}</NAMEV>", f"    <NAME1>{xml_esc(payer.a['nm']['surname'])}</NAME1>",
                  f"    <TELF1>{payer.a['rel_raw']}</TELF1>", "    <PAFKT>Z1</PAFKT>",
                  f"    <PARAU>{'Anhörig' if p.a['sv'] else 'Omainen'} ({REL_FI[payer.a['rel']] if p.a['sv'] else payer.a['rel']})</PARAU>",
                  "   </E1KNVKM>"]
        X += ["  </E1KNA1M>", " </IDOC>", "</DEBMAS07>", ""]
        c.text(path, "\n".join(X), dec=("xml",))
        c.name(p, path, "E1KNA1M/NAME1", p.a["nm"]["surname"] + " " + p.a["nm"]["given"])
        c.address(p, path, "E1KNA1M/STRAS", ad["street"])
        c.ident(p, "phone", e164(p.a["phone"]), ph, path, "E1KNA1M/TELF1", cc="358")
        c.ident(p, "fi_hetu", p.a["hetu"], hetu_raw, path, "E1KNA1M/STCD1")
        c.link(p, path, "kunnr:" + p.a["kunnr"])
        if p.a["iban"]:
            c.ident(p, "iban", p.a["iban"], p.a["iban"], path, "E1KNBKM/IBAN")
        if payer:
            c.name(payer, path, "E1KNVKM/NAMEV+NAME1", payer.name, parts=[payer.a["nm"]["given"], payer.a["nm"]["surname"]])
            c.ident(payer, "phone", e164(payer.a["phone"]), payer.a["rel_raw"], path, "E1KNVKM/TELF1", cc="358")
        p.a["payer"] = payer
        # orders of this customer
        for k in range(rng.randint(1, 2)):
            oday = dt.date(2023, rng.randint(5, 9), rng.randint(1, 28))
            belnr = failing_digits(rng, 10, "45")
            X = ['<?xml version="1.0" encoding="UTF-8"?>', "<ORDERS05>", ' <IDOC BEGIN="1">'] + dc40("ORDERS05", "ORDERS", oday)
            opath = f"sap/idoc/ORDERS05_{docnum[0]:016d}.xml"
            X += ['  <E1EDK01 SEGMENT="1">', "   <CURCY>EUR</CURCY>", "   <BSART>ZSP</BSART>", f"   <BELNR>{belnr}</BELNR>", "  </E1EDK01>"]
            parties = [("AG", p), ("WE", p)]
            if payer and k == 0:
                parties[0] = ("AG", payer)
            for role, q in parties:
                qa = q.a.get("addr") or p.a["addr"]
                X += ['  <E1EDKA1 SEGMENT="1">', f"   <PARVW>{role}</PARVW>",
                      f"   <PARTN>{p.a['kunnr'] if q is p else ''}</PARTN>" if q is p else "   <PARTN/>",
                      f"   <NAME1>{xml_esc(q.a['nm']['surname'] + ' ' + q.a['nm']['given'])}</NAME1>",
                      f"   <STRAS>{xml_esc(qa['street'])}</STRAS>", f"   <ORT01>{xml_esc(qa['city'])}</ORT01>",
                      f"   <PSTLZ>{qa['zip']}</PSTLZ>", "   <LAND1>FI</LAND1>",
                      f"   <TELF1>{raw_phone(q.a['phone']) if q is p else q.a['rel_raw']}</TELF1>", "  </E1EDKA1>"]
            X += ['  <E1EDK03 SEGMENT="1">', "   <IDDAT>002</IDDAT>", f"   <DATUM>{(oday + dt.timedelta(days=3)):%Y%m%d}</DATUM>", "  </E1EDK03>"]
            note = None
            if p.a["door"] or rng.random() < 0.4:
                note = (f"Ovikoodi {p.a['door']}, " if p.a["door"] else "") + rng.choice(["soita ennen toimitusta", "jätä oven taakse", "toimitus klo 12 jälkeen"])
                X += ['  <E1EDKT1 SEGMENT="1">', "   <TDID>0012</TDID>", "   <TSSPRAS>U</TSSPRAS>",
                      '   <E1EDKT2 SEGMENT="1">', f"    <TDLINE>{xml_esc(note)}</TDLINE>", "    <TDFORMAT>*</TDFORMAT>",
                      "   </E1EDKT2>", "  </E1EDKT1>"]
            n_items = rng.randint(1, 2)
            prods = [p.a["product"]] + ([pick_product(rng, p.a["female"])] if n_items > 1 else [])
            for i, prod in enumerate(prods):
                X += ['  <E1EDP01 SEGMENT="1">', f"   <POSEX>{(i + 1) * 10:06d}</POSEX>", f"   <MENGE>{rng.randint(1, 6)}.000</MENGE>",
                      "   <MENEE>PAK</MENEE>", '   <E1EDP19 SEGMENT="1">', "    <QUALF>002</QUALF>",
                      f"    <IDTNR>{rng.randint(10 ** 7, 10 ** 8)}</IDTNR>", f"    <KTEXT>{xml_esc(prod)}</KTEXT>", "   </E1EDP19>",
                      "  </E1EDP01>"]
            X += [" </IDOC>", "</ORDERS05>", ""]
            c.text(opath, "\n".join(X), dec=("xml",))
            c.name(p, opath, "E1EDKA1[WE]/NAME1", p.a["nm"]["surname"] + " " + p.a["nm"]["given"])
            c.address(p, opath, "E1EDKA1[WE]/STRAS", p.a["addr"]["street"])
            c.link(p, opath, "kunnr:" + p.a["kunnr"])
            c.ident(p, "phone", e164(p.a["phone"]), raw_phone_last(X, p, opath), opath, "E1EDKA1[WE]/TELF1", cc="358")
            c.expose(p, "health_data", opath, "E1EDP19/KTEXT", ev=p.a["product"])
            c.expose(p, "purchase_history", opath, "E1EDP01", ev=p.a["product"])
            c.expose(p, "delivery_info", opath, "E1EDKT2/TDLINE" if note else "E1EDKA1[WE] ship-to",
                     req=bool(note), ev=note if note else None)
            if payer and k == 0:
                c.name(payer, opath, "E1EDKA1[AG]/NAME1", payer.a["nm"]["surname"] + " " + payer.a["nm"]["given"])
                c.ident(payer, "phone", e164(payer.a["phone"]), payer.a["rel_raw"], opath, "E1EDKA1[AG]/TELF1", cc="358")
                c.expose(payer, "postal_address", opath, "E1EDKA1[AG]/STRAS (the customer's address)", req=False)
            if k == 0 and rng.random() < 0.3:
                c.decoy("order_number", belnr, opath, "E1EDK01/BELNR", "10-digit SAP order number")
    for p in selfpay[:4]:
        d = next(x for x in p.links if x.startswith("sap/idoc/DEBMAS"))
        c.decoy("customer_number", p.a["kunnr"], d, "E1KNA1M/KUNNR", "SAP customer number (10 digits)")

    # ============================================================ 5. Trello board export
    staff_members = [s for s in STAFF if s[2] in ("koordinaattori", "asiakaspalvelu", "kundtjänst")]
    members = [{"id": hexid(rng, 24), "fullName": f"{g} {s}", "username": f"{ids.ascii_fold(g).lower()}{ids.ascii_fold(s).lower()}",
                "initials": g[0] + s[0], "avatarUrl": None} for g, s, _ in staff_members]
    lists = [{"id": hexid(rng, 24), "name": n, "closed": False, "pos": 16384 * (i + 1)}
             for i, n in enumerate(["Uudet / Nya", "Työn alla / Pågående", "Odottaa asiakasta", "Valmis / Klar"])]
    labels = [{"id": hexid(rng, 24), "name": r[0], "color": col} for r, col in
              zip(REGIONS, ["green", "yellow", "orange", "red", "purple", "blue", "sky", "lime"])] + \
             [{"id": hexid(rng, 24), "name": "Itsemaksava", "color": "pink"}]
    cards, actions, checklists = [], [], []
    subjects = rng.sample(region_custs, 60) + rng.sample(selfpay, 14)
    for p in subjects:
        sv = p.a["sv"]
        is_sp = MANUF in p.controllers and p.a.get("region") is None
        ad = p.a["addr"]
        issue = rng.choice(["late", "door", "address", "product", "pause"])
        title = {("late", False): "toimitus myöhässä", ("late", True): "leveransen försenad",
                 ("door", False): "uusi ovikoodi", ("door", True): "ny portkod",
                 ("address", False): "osoitteenmuutos", ("address", True): "adressändring",
                 ("product", False): "tuotteen vaihto", ("product", True): "byte av produkt",
                 ("pause", False): "tauko sairaalajakson ajaksi", ("pause", True): "paus under sjukhusvistelse"}[(issue, sv)]
        L = [f"**{'Kund' if sv else 'Asiakas'}:** {p.name}" + (f" ({p.a['cust']})" if p.a.get("cust") else "")]
        ph = None
        if p.a["phone"]:
            ph = raw_phone(p.a["phone"])
            L.append(f"**{'Tfn' if sv else 'Puh'}:** {ph}")
        L.append(f"**{'Adress' if sv else 'Osoite'}:** {ad['full']}")
        L.append(f"**{'Produkt' if sv else 'Tuote'}:** {product_text(p.a['product'], sv)}")
        hetu_raw = None
        if is_sp and rng.random() < 0.5:
            hetu_raw = p.a["hetu"] if rng.random() < 0.7 else p.a["hetu"].lower()
            L.append(f"**Hetu:** {hetu_raw}")
        deliv = None
        if issue == "late":
            d = dt.date(2023, 9, rng.randint(4, 18))
            deliv = f"{d.day}.{d.month}."
            L.append((f"Leveransen {deliv} kom inte fram." if sv else f"Toimitus {deliv} jäi tulematta.") +
                     (" Kunden ringde själv." if sv else " Asiakas soitti itse."))
        elif issue == "door":
            newcode = f"{rng.randint(1000, 9999)}"
            deliv = newcode
            L.append(f"Ny portkod {newcode} från och med nästa leverans." if sv else f"Uusi ovikoodi {newcode} seuraavasta toimituksesta alkaen.")
        elif issue == "pause":
            L.append("Kunden på sjukhus till slutet av månaden." if sv else "Asiakas sairaalassa kuun loppuun, ei toimituksia.")
        rel = p.a.get("rel") or (p.a.get("payer") if is_sp else None)
        mention = rng.random() < 0.6
        if rel is None and rng.random() < 0.25:
            rel = new_relative(p, p.controllers)
            rel.a["rel_raw"] = raw_phone(rel.a["phone"])
            mention = True
        if rel is not None and mention:
            rr = rel.a.get("rel_raw") or raw_phone(rel.a["phone"])
            rel.a["rel_raw"] = rr
            word = REL_FI[rel.a["rel"]] if sv else rel.a["rel"]
            L.append((f"{word.capitalize()} {rel.name} ringde ({rr})." if sv else f"{word.capitalize()} {rel.name} soitti ({rr})."))
        desc = "\n".join(L)
        cid = hexid(rng, 24)
        lab = next(l for l in labels if l["name"] == (p.a.get("region") or "Itsemaksava"))
        card = {"id": cid, "name": f"{p.a['nm']['surname']} {p.a['nm']['given']} – {title}", "desc": desc, "closed": False,
                "idList": rng.choice(lists)["id"], "idLabels": [lab["id"]], "labels": [lab],
                "idMembers": [rng.choice(members)["id"]], "dateLastActivity": f"2023-09-{rng.randint(1, 22):02d}T{rng.randint(6, 16):02d}:{rng.randint(0, 59):02d}:00.000Z",
                "due": None, "shortLink": hexid(rng, 8), "url": f"https://trello.com/c/{hexid(rng, 8)}"}
        cards.append(card)
        m = rng.choice(members)
        actions.append({"id": hexid(rng, 24), "idMemberCreator": m["id"], "type": "commentCard",
                        "date": card["dateLastActivity"], "data": {"text": rng.choice(
                            ["Välitetty kuljettajalle.", "Skickat till chauffören.", "Soitettu asiakkaalle, ok.",
                             "Alue informoitu sähköpostilla.", "Muutettu WMS:ään."]), "card": {"id": cid, "name": card["name"]}},
                        "memberCreator": {"id": m["id"], "fullName": m["fullName"], "username": m["username"]}})
        d = "asiakaspalvelu/trello_Asiakaspalvelu-Kundtjanst.json"
        c.name(p, d, "cards[].name / desc", p.name)
        c.evidence.append((d, f"{p.a['nm']['surname']} {p.a['nm']['given']} – {title}", f"{p.tid} card title"))
        if p.a.get("cust"):
            c.link(p, d, "cust:" + p.a["cust"])
        if ph:
            c.ident(p, "phone", e164(p.a["phone"]), ph, d, "desc (Puh)", cc="358")
        c.address(p, d, "desc (Osoite)", ad["full"])
        c.expose(p, "health_data", d, "desc (Tuote)", ev=p.a["product"])
        if hetu_raw:
            c.ident(p, "fi_hetu", p.a["hetu"], hetu_raw, d, "desc (Hetu)")
        if deliv:
            c.expose(p, "delivery_info", d, "desc", ev=deliv)
        if rel is not None and rel.a.get("rel_raw") and rel.a["rel_raw"] in desc:
            c.name(rel, d, "desc", rel.name)
            c.ident(rel, "phone", e164(rel.a["phone"]), rel.a["rel_raw"], d, "desc", cc="358")
    board = {"id": hexid(rng, 24), "name": "Asiakaspalvelu / Kundtjänst", "desc": "Asiakasyhteydenotot ja poikkeamat",
             "closed": False, "idOrganization": hexid(rng, 24), "url": "https://trello.com/b/aSiAkAs1/asiakaspalvelu",
             "prefs": {"permissionLevel": "org", "background": "blue"}, "labels": labels, "lists": lists,
             "cards": cards, "actions": actions, "members": members, "checklists": checklists}
    c.text("asiakaspalvelu/trello_Asiakaspalvelu-Kundtjanst.json", json.dumps(board, ensure_ascii=False, indent=2) + "\n",
           dec=("json",))

    # ============================================================ 6. RFC 5424 syslog of the SMS gateway
    for day in route_days:
        path = f"lokit/smsgw/smsgw-{day.isoformat()}.log"
        S = []
        todays = [(p, w) for p in region_custs for (d, w, rp) in on_route.get(p.tid, []) if d == day]
        ts = dt.datetime.combine(day - dt.timedelta(days=1), dt.time(17, 0))
        for p, win in todays:
            if not p.a["phone"] or p.a["phone"][:2] not in ("40", "41", "44", "45", "46", "50"):
                continue
            ts += dt.timedelta(seconds=rng.randint(2, 40))
            sv = p.a["sv"]
            greet = (f"Hej {p.name}! " if sv else f"Hei {p.name}! ") if rng.random() < 0.25 else ("Hej! " if sv else "Hei! ")
            wd = (WEEKDAY_SV if sv else WEEKDAY_FI)[day.weekday()]
            msg = (f"{greet}Vi levererar er beställning {wd} {day.day}.{day.month}. kl. {win}. Mvh Kotihuolto" if sv else
                   f"{greet}Toimitamme tilauksenne {wd} {day.day}.{day.month}. klo {win}. Terveisin Kotihuolto")
            mid = hexid(rng, 12)
            S.append(f"<134>1 {ts:%Y-%m-%dT%H:%M:%S}.{rng.randint(0, 999):03d}+03:00 smsgw01 smsgw {rng.randint(2000, 2400)} SMSOUT "
                     f"[sms@32473 to=\"{e164(p.a['phone'])}\" tpl=\"{'toimitus_sv' if sv else 'toimitus_fi'}\" cust=\"{p.a['cust']}\" "
                     f"region=\"{p.a['region']}\" msgid=\"{mid}\"][origin ip=\"10.40.2.11\" software=\"smsgw\" swVersion=\"3.8.1\"] {msg}")
            c.ident(p, "phone", e164(p.a["phone"]), e164(p.a["phone"]), path, "SD sms@32473 to", cc="358")
            c.link(p, path, "cust:" + p.a["cust"])
            c.expose(p, "delivery_info", path, "MSG", ev=f"{win}")
            if greet.strip() not in ("Hej!", "Hei!"):
                c.name(p, path, "MSG", p.name)
            if rng.random() < 0.8:
                S.append(f"<134>1 {ts + dt.timedelta(seconds=rng.randint(3, 30)):%Y-%m-%dT%H:%M:%S}.{rng.randint(0, 999):03d}+03:00 "
                         f"smsgw01 smsgw {rng.randint(2000, 2400)} DLR [sms@32473 msgid=\"{mid}\" status=\"DELIVRD\" err=\"000\"] -")
            if rng.random() < 0.12:
                rep_raw = raw_phone(p.a["phone"])
                reply = rng.choice(["Okej tack", "Jag är inte hemma, kom nästa vecka"] if sv else
                                   ["OK kiitos", "En ole kotona, tuokaa ensi viikolla", "Soittakaa ovikello kahdesti"])
                S.append(f"<134>1 {ts + dt.timedelta(minutes=rng.randint(5, 90)):%Y-%m-%dT%H:%M:%S}.{rng.randint(0, 999):03d}+03:00 "
                         f"smsgw01 smsgw {rng.randint(2000, 2400)} SMSIN [sms@32473 from=\"{rep_raw}\" to=\"KOTIHUOLTO\"] {reply}")
                c.ident(p, "phone", e164(p.a["phone"]), rep_raw, path, "SD sms@32473 from", cc="358")
        S.sort()
        S.insert(0, f"<46>1 {day - dt.timedelta(days=1)}T16:59:58.001+03:00 smsgw01 smsgw 2001 START - smsgw 3.8.1 started, "
                    "sender id KOTIHUOLTO")
        c.text(path, "\n".join(S) + "\n")

    # ============================================================ 7. Exchange message tracking logs
    coords = {r[0]: (f"{g.lower()}.{ids.ascii_fold(s).lower()}@{r[0].lower()}hyvinvointi.example.com")
              for r, (g, s) in zip(REGIONS, [("Hanna", "Koski"), ("Sari", "Virta"), ("Camilla", "Lind"), ("Riitta", "Aho"),
                                             ("Minna", "Suoranta"), ("Tiina", "Kallio"), ("Päivi", "Rinne"), ("Anu", "Halme")])}
    fields = ["date-time", "client-ip", "client-hostname", "server-ip", "server-hostname", "source-context", "connector-id",
              "source", "event-id", "internal-message-id", "message-id", "network-message-id", "recipient-address",
              "recipient-status", "total-bytes", "recipient-count", "related-recipient-address", "reference",
              "message-subject", "sender-address", "return-path", "message-info", "directionality", "tenant-id",
              "original-client-ip", "original-server-ip", "custom-data", "transport-traffic-type", "log-id", "schema-version"]
    mail_events = []
    newcomers = rng.sample([p for p in region_custs if p not in movers], 40)
    for p in newcomers:
        ad = p.a["addr"]
        subj = (f"Ny kund: {p.a['nm']['surname']} {p.a['nm']['given']}, {ad['street']}, {ad['city']} – {p.a['product']}" if p.a["sv"] else
                f"Uusi asiakas: {p.a['nm']['surname']} {p.a['nm']['given']}, {ad['street']}, {ad['city']} – {p.a['product']}")
        mail_events.append((coords[p.a["region"]], f"tilaukset@{PDOM}", subj, p, "new"))
    for p in movers:
        ad = p.a["addr"]
        subj = f"Osoitteenmuutos: {p.a['nm']['surname']} {p.a['nm']['given']}, uusi osoite {ad['street']}, {ad['zip']} {ad['city']}"
        mail_events.append((coords[p.a["region"]], f"tilaukset@{PDOM}", subj, p, "move"))
    rel_mail = []
    for p in rng.sample([p for p in region_custs if not p.a["sv"]], 10):
        nm = namer.make("fi", True, surname=p.a["nm"]["surname"])
        em = con.email(nm["given"], nm["surname"])
        q = c.person("", "fi", list(p.controllers), f"relative of {p.tid} writing from a personal inbox; known only by e-mail")
        q.a["email"] = em
        subj = f"Äidin toimitus / {p.a['nm']['given']} {p.a['nm']['surname']}"
        mail_events.append((em, f"asiakaspalvelu@{PDOM}", subj, q, "rel"))
        rel_mail.append((q, p))
    rng.shuffle(mail_events)
    t = dt.datetime(2023, 9, 19, 6, 0, 1)
    lines = []
    for sender, rcpt, subj, p, kind in mail_events:
        t += dt.timedelta(seconds=rng.randint(30, 900))
        imid = rng.randint(10 ** 12, 10 ** 13)
        msgid = f"<{hexid(rng, 8)}.{hexid(rng, 4)}@{sender.split('@')[1]}>"
        nid = guid(rng)
        for ev, src, ctx in (("RECEIVE", "SMTP", "08DBB7F3A2C41D2E;2023-09-19T06:00:01.234Z;0"), ("DELIVER", "STOREDRIVER", "")):
            lines.append(csv_line([f"{t:%Y-%m-%dT%H:%M:%S}.{rng.randint(100, 999)}Z", "10.40.1.20", "mx1.example.net",
                                   "10.40.1.5", "KHLEX01", ctx, "KHLEX01\\Default KHLEX01" if ev == "RECEIVE" else "",
                                   src, ev, str(imid), msgid, nid, rcpt, "250 2.1.5 Recipient OK" if ev == "RECEIVE" else "",
                                   str(rng.randint(6000, 90000)), "1", "", "", subj, sender, sender, "",
                                   "Incoming", "", "", "", "", "Email", guid(rng), "15.02.1118.026"]))
        path = "exchange/MSGTRK2023091906-1.LOG"
        if kind in ("new", "move"):
            c.name(p, path, "message-subject", f"{p.a['nm']['surname']} {p.a['nm']['given']}")
            c.address(p, path, "message-subject", p.a["addr"]["street"])
            if kind == "new":
                c.expose(p, "health_data", path, "message-subject", ev=p.a["product"])
        else:
            c.ident(p, "email", p.a["email"], p.a["email"], path, "sender-address")
    hdr = ["#Software: Microsoft Exchange Server", "#Version: 15.02.1118.026", "#Log-type: Message Tracking Log",
           "#Date: 2023-09-19T06:00:01.234Z", "#Fields: " + ",".join(fields)]
    c.text("exchange/MSGTRK2023091906-1.LOG", "\r\n".join(hdr + lines) + "\r\n")
    for r in REGIONS[:3]:
        c.decoy("coordinator_email", coords[r[0]], "exchange/MSGTRK2023091906-1.LOG", "sender-address",
                "welfare-region coordinator (staff of a controller)", must_fail=False)
    c.decoy("role_mailbox", f"tilaukset@{PDOM}", "exchange/MSGTRK2023091906-1.LOG", "recipient-address",
            "orders mailbox", must_fail=False)

    # ------------------------------------------------------------ persons that got nothing: customers not on
    # any list (every region customer is in the CRM, every self-payer in SAP, every hearing-aid customer in Unifaun)
    c.extra["processor"] = PROCESSOR
    c.extra["controllers"] = [r[1] for r in REGIONS] + [MANUF] + [h[0] for h in HA]
    c.extra["health_inference"] = ("incontinence products next to a person reveal a health condition (required "
                                   "health_data); hearing-aid batteries and neutral parcel contents are optional")
    return c


def raw_phone_last(X, p, path):
    """The ship-to phone as written in the IDoc just built."""
    for i, line in enumerate(X):
        if line.strip() == "<PARVW>WE</PARVW>":
            for l2 in X[i:]:
                if l2.strip().startswith("<TELF1>"):
                    return l2.strip()[7:-8]
    raise ValueError(path)
