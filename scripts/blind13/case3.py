"""Case 3: logistics processor of home deliveries (Finland; welfare regions, Helsinki, HUS, the manufacturer and two
hearing-aid companies as controllers).

Shapes: pipe-delimited interface files with H/C/D/T records (header, column names, data, trailer counts) per
controller in ISO-8859-15 with CRLF; a Datadog Log Explorer JSON export of the route planner; a Procountor customer
register of self-payers (ISO-8859-1, `;`); Pipedrive person exports of the hearing-aid companies.
"""
import datetime

import people as P
from common import Case, csv_line, dt, hexid, jdump, mistype, rand_dt
from shared import ids

REGIONS = [
    ("PHHYKY", "Päijät-Hämeen hyvinvointialue", [("Lahti", ["15100", "15140", "15500"]), ("Heinola", ["18100"])], 0.0),
    ("PKHYVA", "Pohjois-Karjalan hyvinvointialue", [("Joensuu", ["80100", "80200"]), ("Outokumpu", ["83500"])], 0.0),
    ("ITAUUS", "Itä-Uudenmaan hyvinvointialue", [("Porvoo", ["06100", "06150"]), ("Loviisa", ["07900"])], 0.5),
    ("LANUUS", "Länsi-Uudenmaan hyvinvointialue", [("Lohja", ["08100", "08200"]), ("Espoo", ["02100", "02230"])], 0.1),
    ("KYMHVA", "Kymenlaakson hyvinvointialue", [("Kotka", ["48100"]), ("Kouvola", ["45100", "45200"])], 0.0),
    ("KESUUS", "Keski-Uudenmaan hyvinvointialue", [("Hyvinkää", ["05800"]), ("Järvenpää", ["04400"])], 0.05),
    ("HKI", "Helsingin kaupunki", [("Helsinki", ["00100", "00530", "00940", "00980"])], 0.06),
    ("HUS", "HUS-yhtymä", [("Vantaa", ["01300", "01600"]), ("Helsinki", ["00290"])], 0.05)]
MANUFACTURER = "Essity Finland Oy"
HEARING = ["Kuulokeskus Oy", "Audiomedi Oy"]
PRODUCTS = ["TENA Pants Plus L", "TENA Slip Maxi M", "TENA Lady Extra", "TENA Flex Super L", "TENA Men Level 2",
            "Abena Abri-Form L4", "TENA Comfort Plus"]
BATTERIES = ["Kuulolaitteen paristot 312", "Kuulolaitteen paristot 13", "Kuulokojeen kupuosat 8 mm"]
DRIVERS = ["Jari Koskela", "Mika Rantala", "Sami Peltola", "Niklas Ström"]


def build(seed, rng):
    c = Case(3, "fi_logistics_processor", seed, rng,
             "Logistics processor delivering incontinence products to homes (Finland); pipe interface files per "
             "controller, a Datadog log export, a Procountor register of self-payers, Pipedrive exports of two "
             "hearing-aid companies.")
    names, phones, emails = P.Names(rng), P.Phones(rng), P.Emails(rng)
    names.reserve(DRIVERS + ["Tiina Laakso", "Oskar Lund", "Petra Vainio"])
    custs = []
    households = []
    num = 10000 + rng.randint(0, 500)

    def new_cust(reg, sv, **kw):
        nonlocal num
        lang = "sv" if rng.random() < sv else "fi"
        female = rng.random() < 0.6
        g, s, _, _ = names.new(lang, female)
        town, zips = rng.choice(reg[2])
        num += rng.randint(1, 5)
        x = {"g": g, "s": s, "lang": lang, "female": female, "reg": reg, "addr": P.fi_address(rng, town, zips, lang == "sv"),
             "phone": phones.new("FI") if rng.random() < 0.85 else None, "no": f"K{num}",
             "prod": rng.choice(PRODUCTS), "packs": rng.randint(1, 6), "door": str(rng.randint(1000, 9999)) if rng.random() < 0.35 else "",
             "next": datetime.date(2023, 9, rng.randint(19, 29)), "rel": None, "moved": None}
        x.update(kw)
        x["p"] = c.person(f"{g} {s}", lang)
        x["p"].controllers = [reg[1]]
        return x

    for reg in REGIONS:
        for _ in range(rng.randint(30, 42)):
            custs.append(new_cust(reg, reg[3]))
    # spouses sharing a landline and an address
    for k in range(8):
        a = custs[k * 9 + 3]
        lang = a["lang"]
        s = a["s"]
        while True:
            g = rng.choice(P.pool(("SV_" if lang == "sv" else "FI_") + ("M" if a["female"] else "F")))
            if P.name_tokens(f"{g} {s}") not in names.used:
                break
        names.used.add(P.name_tokens(f"{g} {s}"))
        land = phones.new("FI", "landline")
        a["phone"] = land
        b = new_cust(a["reg"], 0)
        b.update({"g": g, "s": s, "lang": lang, "addr": a["addr"], "phone": land, "prod": rng.choice(PRODUCTS)})
        b["p"].name = f"{g} {s}"
        b["p"].lang = lang
        custs.append(b)
        c.households[f"phone:{land}"] = "spouses' landline"
        a["p"].note = f"shares the landline {land} and the address with {b['p'].tid}"
        b["p"].note = f"shares the landline {land} and the address with {a['p'].tid}"
        households.append((land, [a["p"].tid, b["p"].tid]))
    c.extra["household_phones"] = {h: t for h, t in households}
    # relatives as contact persons (persons of their own)
    for x in rng.sample(custs, 22):
        g, s, _, _ = names.new(x["lang"], rng.random() < 0.6)
        rel = {"g": g, "s": s, "phone": phones.new("FI"), "role": rng.choice(["tytär", "poika", "puoliso", "sisar"])}
        rel["p"] = c.person(f"{g} {s}", x["lang"], note=f"relative ({rel['role']}) of {x['p'].tid}")
        rel["p"].controllers = [x["reg"][1]]
        x["rel"] = rel
    # movers: two regions, old and new address, one mobile
    movers = [x for x in custs if x["phone"] and not x["p"].note][:6]
    for x in movers:
        other = rng.choice([r for r in REGIONS if r is not x["reg"]])
        town, zips = rng.choice(other[2])
        x["moved"] = (other, P.fi_address(rng, town, zips))
        x["p"].controllers.append(other[1])
        x["p"].note = f"moved from {x['reg'][1]} to {other[1]}"
    pipe_files(c, rng, custs)
    datadog(c, rng, custs)
    selfp = procountor(c, rng, custs, names, phones, emails)
    hear = pipedrive(c, rng, custs, names, phones, emails)
    c.extra["processor"] = "Westlog-like logistics company (processor)"
    c.extra["controllers"] = [r[1] for r in REGIONS] + [MANUFACTURER] + HEARING
    c.extra["health_inference"] = {"rule": "incontinence products next to a person reveal a health condition",
                                   "products": PRODUCTS, "hearing_aid_supplies": "optional health_data"}
    c.extra["staff"] = DRIVERS
    return c


def fmt_next(d, sv):
    return f"{d.day}.{d.month}.{d.year}"


def pipe_files(c, rng, custs):
    cols_fi = ["ASIAKASNRO", "SUKUNIMI", "ETUNIMI", "LAHIOSOITE", "POSTINRO", "TOIMIPAIKKA", "PUHELIN", "TUOTE", "KPL",
               "TOIMITUSVALI", "SEURAAVA_TOIMITUS", "OVIKOODI", "YHTEYSHENKILO", "YHTEYSHENKILO_PUH", "LISATIEDOT"]
    cols_sv = ["KUNDNR", "EFTERNAMN", "FORNAMN", "GATUADRESS", "POSTNR", "POSTANSTALT", "TELEFON", "PRODUKT", "ST",
               "LEVERANSINTERVALL", "NASTA_LEVERANS", "PORTKOD", "KONTAKTPERSON", "KONTAKTPERSON_TEL", "TILLAGGSINFO"]
    for reg in REGIONS:
        code, cname = reg[0], reg[1]
        sv = code == "ITAUUS"
        doc = f"siirto/WESTLOG_{code}_20230918.txt"
        rows = [x for x in custs if x["reg"] is reg] + [x for x in custs if x["moved"] and x["moved"][0] is reg]
        lines = [f"H|WESTLOG|{code}|20230918|2.1|{cname}", "C|" + "|".join(cols_sv if sv else cols_fi)]
        regs = []
        total = 0
        for x in rows:
            moved_here = x["moved"] is not None and x["moved"][0] is reg
            a = x["moved"][1] if moved_here else x["addr"]
            ph = P.render_phone(rng, x["phone"]) if x["phone"] else ""
            rel = x["rel"] if not moved_here else None
            relname = f"{rel['g']} {rel['s']} ({rel['role']})" if rel else ""
            relph = P.render_phone(rng, rel["phone"]) if rel else ""
            nxt = fmt_next(x["next"], sv)
            note = rng.choice(["", "", "Jätä oven taakse", "Soita ennen toimitusta", "Toimitus naapuriin",
                               "Lämna vid dörren" if sv else "Hissi rikki, 3. krs"])
            if moved_here:
                note = "Uusi osoite 1.9.2023"
            lines.append("D|" + "|".join([x["no"], x["s"].upper() if rng.random() < 0.3 else x["s"], x["g"], a["street"],
                                          a["zip"], a["city"].upper(), ph, x["prod"], str(x["packs"]),
                                          rng.choice(["4 vk", "8 vk", "12 vk"]), nxt, x["door"] if not moved_here else "",
                                          relname, relph, note]))
            total += x["packs"]
            regs.append((x, a, ph, rel, relph, nxt, moved_here))
        lines.append(f"T|{len(rows):06d}|{total:06d}")
        c.add(doc, "\n".join(lines) + "\n", "iso-8859-15", newline="\r\n")
        for x, a, ph, rel, relph, nxt, moved_here in regs:
            p = x["p"]
            c.nm(p, doc, "SUKUNIMI/ETUNIMI", x["g"])
            c.el(p, "postal_address", doc, "LAHIOSOITE", a["street"], a["zip"])
            if ph:
                c.ident(p, "phone", x["phone"], ph, doc, "PUHELIN")
            c.el(p, "health_data", doc, "TUOTE", x["prod"])
            c.opt(p, "purchase_history", doc, "TUOTE")
            c.el(p, "delivery_info", doc, "SEURAAVA_TOIMITUS", nxt)
            if rel:
                rp = rel["p"]
                c.nm(rp, doc, "YHTEYSHENKILO", f"{rel['g']} {rel['s']}")
                c.ident(rp, "phone", rel["phone"], relph, doc, "YHTEYSHENKILO_PUH")


def datadog(c, rng, custs):
    doc = "logs/datadog-logs-export-route-planner-2023-09-18.json"
    sel = [x for x in custs if rng.random() < 0.3]
    events = []
    regs = []
    for x in sel:
        when = rand_dt(rng, dt(2023, 9, 18, 3), dt(2023, 9, 18, 6))
        drv = rng.choice(DRIVERS)
        a = x["addr"]
        eta = (when + datetime.timedelta(hours=rng.randint(2, 9))).strftime("%H:%M")
        ph = ("+" + x["phone"].lstrip("+")) if x["phone"] and rng.random() < 0.7 else None
        kind = rng.choice(["geocode", "eta"])
        if kind == "geocode":
            msg = f"geocode failed for {x['no']} {x['s']} {x['g']}, {a['street']}, {a['zip']} {a['city']}: no match, using postcode centroid"
        else:
            msg = f"stop scheduled {x['no']} eta {eta}"
        ev = {"id": "AQAAAY" + hexid(rng, 26), "type": "log",
              "attributes": {"timestamp": when.strftime("%Y-%m-%dT%H:%M:%S.") + f"{rng.randint(0, 999):03d}Z",
                             "host": f"route-api-{hexid(rng, 5)}", "service": "route-planner", "status": "warn" if kind == "geocode" else "info",
                             "message": msg,
                             "tags": [f"env:prod", f"region:{x['reg'][0].lower()}", "team:logistics"],
                             "attributes": {"customer": {"id": x["no"], "name": f"{x['s']} {x['g']}",
                                                         "phone": ph,
                                                         "address": {"street": a["street"], "postalCode": a["zip"], "city": a["city"]}},
                                            "stop": {"eta": eta, "doorCode": x["door"] or None, "parcels": x["packs"]},
                                            "driver": {"name": drv, "phone": "+35840" + str(7000000 + DRIVERS.index(drv) * 1111)},
                                            "http": {"status_code": 200}, "duration": rng.randint(10, 900) * 1000}}}
        events.append(ev)
        regs.append((x, ph, eta))
    c.add(doc, jdump(events, ascii_=rng.random() < 0.5, indent=2) + "\n", views=("json",))
    for x, ph, eta in regs:
        p = x["p"]
        c.nm(p, doc, "attributes.customer.name", f"{x['s']} {x['g']}")
        c.el(p, "postal_address", doc, "attributes.customer.address", x["addr"]["street"])
        if ph:
            c.ident(p, "phone", x["phone"], ph, doc, "attributes.customer.phone")
        c.el(p, "delivery_info", doc, "attributes.stop.eta", eta)
        c.opt(p, "health_data", doc, "route stop")
    for i, d in enumerate(DRIVERS):
        c.decoy("driver phone (staff)", "+35840" + str(7000000 + i * 1111), doc, "attributes.driver.phone")


def procountor(c, rng, custs, names, phones, emails):
    """self-payers (the manufacturer's customers): HETU, IBAN, product"""
    doc = "talous/Procountor_asiakasrekisteri_2023-09.csv"
    cols = ["Asiakasnumero", "Nimi", "Y-tunnus / Henkilötunnus", "Katuosoite", "Postinumero", "Postitoimipaikka", "Maa",
            "Puhelin", "Sähköposti", "Pankkitili (IBAN)", "BIC", "Kieli", "Lisätieto"]
    out = [csv_line(cols, sep=";", crlf=True)]
    out.append(csv_line(["1", "Westlog Oy", "2345678-9", "Satamatie 4", "01510", "Vantaa", "FI", "+358 9 4242 0000",
                         "laskutus@westlog.example.fi", "FI21 1234 5600 0007 85", "NDEAFIHH", "fi", "oma yritys"], sep=";", crlf=True))
    c.decoy("processor's own account", "FI21 1234 5600 0007 85", doc, "Pankkitili (IBAN)")
    c.decoy("processor's switchboard", "+358 9 4242 0000", doc, "Puhelin")
    regs = []
    sp = []
    # some region customers also buy at their own cost
    for x in [x for x in custs if not x["p"].note and not x["rel"]][40:46]:
        sp.append(x)
    for _ in range(rng.randint(30, 38)):
        lang = "sv" if rng.random() < 0.15 else "fi"
        female = rng.random() < 0.55
        g, s, _, _ = names.new(lang, female)
        town, zips = rng.choice(rng.choice(REGIONS)[2])
        x = {"g": g, "s": s, "lang": lang, "female": female, "addr": P.fi_address(rng, town, zips, lang == "sv"),
             "phone": phones.new("FI") if rng.random() < 0.9 else None, "prod": rng.choice(PRODUCTS),
             "packs": rng.randint(1, 4)}
        x["p"] = c.person(f"{g} {s}", lang, note="self-paying customer of the manufacturer")
        x["p"].controllers = [MANUFACTURER]
        sp.append(x)
    no = 2000
    for x in sp:
        no += rng.randint(1, 4)
        d = P.dob(rng, 1930, 1975)
        hetu = ids.fi_hetu(rng, d)
        raw_h = hetu.lower() if rng.random() < 0.12 else hetu
        x["email_sp"] = emails.new(x["g"], x["s"]) if rng.random() < 0.7 else ""
        iban = ids.iban(rng, "FI")
        iban_raw = ids.iban_grouped(iban) if rng.random() < 0.7 else iban
        ph = P.render_phone(rng, x["phone"]) if x["phone"] else ""
        a = x["addr"]
        info = f"{x['prod']}, {x['packs']} pkt/kk, itse maksava"
        out.append(csv_line([str(no), f"{x['s']} {x['g']}", raw_h, a["street"], a["zip"], a["city"], "FI", ph,
                             x["email_sp"], iban_raw, "OKOYFIHH", "sv" if x["lang"] == "sv" else "fi", info], sep=";", crlf=True))
        regs.append((x, hetu, raw_h, iban, iban_raw, ph, info))
        if MANUFACTURER not in x["p"].controllers:
            x["p"].controllers.append(MANUFACTURER)
            x["p"].note = (x["p"].note + "; " if x["p"].note else "") + "also a self-payer"
    c.add(doc, "".join(out), "iso-8859-1")
    for x, hetu, raw_h, iban, iban_raw, ph, info in regs:
        p = x["p"]
        c.nm(p, doc, "Nimi", f"{x['s']} {x['g']}")
        c.ident(p, "fi_hetu", hetu, raw_h, doc, "Y-tunnus / Henkilötunnus")
        c.opt(p, "date_of_birth", doc, "Y-tunnus / Henkilötunnus")
        c.el(p, "postal_address", doc, "Katuosoite", x["addr"]["street"])
        if ph:
            c.ident(p, "phone", x["phone"], ph, doc, "Puhelin")
        if x["email_sp"]:
            c.ident(p, "email", x["email_sp"], x["email_sp"], doc, "Sähköposti")
        c.ident(p, "iban", iban, iban_raw, doc, "Pankkitili (IBAN)")
        c.el(p, "health_data", doc, "Lisätieto", x["prod"])
        c.el(p, "purchase_history", doc, "Lisätieto", info)
    return sp


def pipedrive(c, rng, custs, names, phones, emails):
    out_people = []
    staff = {"Kuulokeskus Oy": ["Tiina Laakso", "Oskar Lund"], "Audiomedi Oy": ["Petra Vainio"]}
    region_cust = [x for x in custs if not x["p"].note and not x["rel"] and x["phone"]][60:66]
    for k, firm in enumerate(HEARING):
        doc = f"kuulo/pipedrive_persons_{P.slug(firm)}_2023-09.csv"
        cols = ["Person - Name", "Person - Phone - Work", "Person - Phone - Mobile", "Person - Phone - Home",
                "Person - Email - Work", "Person - Email - Home", "Person - Organization", "Person - Label",
                "Person - Postal address", "Person - Notes", "Person - Owner", "Person - Add time"]
        out = [csv_line(cols)]
        regs = []
        members = []
        for _ in range(rng.randint(13, 18)):
            lang = "sv" if rng.random() < 0.2 else "fi"
            g, s, _, _ = names.new(lang, rng.random() < 0.5)
            town, zips = rng.choice(rng.choice(REGIONS)[2])
            x = {"g": g, "s": s, "lang": lang, "addr": P.fi_address(rng, town, zips, lang == "sv"),
                 "phone": phones.new("FI"), "email_h": emails.new(g, s) if rng.random() < 0.4 else ""}
            x["p"] = c.person(f"{g} {s}", lang, note=f"hearing-aid customer of {firm}")
            x["p"].controllers = [firm]
            members.append(x)
        for x in region_cust[k * 3:(k + 1) * 3]:
            x["email_h"] = ""
            x["p"].controllers.append(firm)
            x["p"].note = f"also a hearing-aid customer of {firm}"
            members.append(x)
        rng.shuffle(members)
        owner = staff[firm][0]
        for x in members:
            ph = P.render_phone(rng, x["phone"])
            a = x["addr"]
            item = rng.choice(BATTERIES)
            out.append(csv_line([f"{x['g']} {x['s']}", "", ph, "", "", x["email_h"], "", "Asiakas",
                                 f"{a['street']}, {a['zip']} {a['city']}", f"{item}, {rng.randint(2, 8)} kpl / 3 kk postitse",
                                 owner, rand_dt(rng, dt(2019, 1, 1), dt(2023, 8, 1)).strftime("%Y-%m-%d %H:%M:%S")]))
            regs.append((x, ph, item))
        for sname in staff[firm]:
            sph = "+358 50 " + str(5550000 + len(sname) * 1013)[-7:]
            smail = P.slug(sname).replace("_", ".") + f"@{P.slug(firm).split('_')[0]}.example.fi"
            out.append(csv_line([sname, sph, "", "", smail, "", firm, "Kollega", "", "kuuloasiantuntija", owner,
                                 "2019-01-02 09:00:00"]))
            c.decoy("hearing-aid company staff phone", sph, doc, "Person - Phone - Work")
            c.decoy("hearing-aid company staff e-mail", smail, doc, "Person - Email - Work")
        c.add(doc, "".join(out), "utf-8")
        for x, ph, item in regs:
            p = x["p"]
            c.nm(p, doc, "Person - Name", f"{x['g']} {x['s']}")
            c.ident(p, "phone", x["phone"], ph, doc, "Person - Phone - Mobile")
            if x["email_h"]:
                c.ident(p, "email", x["email_h"], x["email_h"], doc, "Person - Email - Home")
            c.el(p, "postal_address", doc, "Person - Postal address", x["addr"]["street"])
            c.opt(p, "health_data", doc, "Person - Notes", item)
            c.opt(p, "delivery_info", doc, "Person - Notes")
            c.opt(p, "purchase_history", doc, "Person - Notes")
        out_people += members
    return out_people
