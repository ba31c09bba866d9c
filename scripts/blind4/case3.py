"""Case 3 — logistics processor of incontinence-product home deliveries (Finland, Westlog-like)."""
import json

import idcodes
import names as N
from common import Case
from util import rdate, rdt, csv_text, email_for

DOMAINS = ["example.com", "example.net", "example.org", "posti.test"]
REGIONS = [  # slug, controller name, weight, [(fi city, sv city, zip)], swedish share, format
    ("paijat-hame", "Päijät-Hämeen hyvinvointialue", 177, [("Lahti", None, "15100"), ("Heinola", None, "18100"), ("Hollola", None, "15870")], 0.02),
    ("pohjois-karjala", "Pohjois-Karjalan hyvinvointialue", 143, [("Joensuu", None, "80100"), ("Lieksa", None, "81700"), ("Kitee", None, "82500")], 0.0),
    ("ita-uusimaa", "Itä-Uudenmaan hyvinvointialue", 94, [("Porvoo", "Borgå", "06100"), ("Loviisa", "Lovisa", "07900"), ("Sipoo", "Sibbo", "04130")], 0.35),
    ("lansi-uusimaa", "Länsi-Uudenmaan hyvinvointialue", 279, [("Espoo", "Esbo", "02100"), ("Tammisaari", "Ekenäs", "10600"), ("Lohja", "Lojo", "08100"), ("Kirkkonummi", "Kyrkslätt", "02400")], 0.3),
    ("kymenlaakso", "Kymenlaakson hyvinvointialue", 217, [("Kotka", None, "48100"), ("Kouvola", None, "45100"), ("Hamina", "Fredrikshamn", "49400")], 0.02),
    ("keski-uusimaa", "Keski-Uudenmaan hyvinvointialue", 114, [("Hyvinkää", "Hyvinge", "05800"), ("Järvenpää", "Träskända", "04400"), ("Kerava", "Kervo", "04200")], 0.05),
    ("helsinki", "Helsingin kaupunki", 60, [("Helsinki", "Helsingfors", "00530"), ("Helsinki", "Helsingfors", "00980")], 0.1),
    ("hus", "HUS-yhtymä", 30, [("Vantaa", "Vanda", "01300"), ("Helsinki", "Helsingfors", "00290")], 0.1),
]
MANUF = "Valmistaja-Demo Oy (itsemaksavat asiakkaat)"
HEAR = [("kuulodemo", "Kuulo-Demo Oy"), ("horseltest", "HörselTest Ab")]
ST_FI = ["Kauppakatu", "Koulukatu", "Rantatie", "Myllytie", "Kirkkotie", "Koivukuja", "Peltotie", "Asemakatu", "Puistotie", "Mäntytie"]
ST_SV = ["Storgatan", "Skolgatan", "Strandvägen", "Kvarnvägen", "Kyrkvägen", "Björkgränden", "Stationsvägen", "Parkvägen"]
PROD_FI = [("7310001", "Housuvaippa Super M (80 kpl)"), ("7310002", "Teippivaippa Maxi L (56 kpl)"), ("7310003", "Aikuisten vaippahousut L"),
           ("7310004", "Vuodesuoja 60x90 (30 kpl)"), ("7310005", "Virtsankarkailusuoja Normal (24 kpl)"), ("7310006", "Inkontinenssisuoja Extra")]
PROD_SV = [("7310001", "Byxblöja Super M (80 st)"), ("7310002", "Tejpblöja Maxi L (56 st)"), ("7310004", "Sängskydd 60x90 (30 st)"),
           ("7310005", "Inkontinensskydd Normal (24 st)")]
PROD_HEAR = [("8810312", "Kuulokojeen paristo 312 (60 kpl)"), ("8810013", "Kuulokojeen paristo 13 (60 kpl)"),
             ("8810100", "Kuulokojeen kuivauskapselit"), ("8810200", "Korvakappaleiden puhdistusliina")]
INSTR_FI = ["Ovikoodi {c}", "Jätä oven taakse", "Soita ennen tuloa", "Portaat, ei hissiä", "Koira pihalla", "Jätä tuulikaappiin"]
INSTR_SV = ["Portkod {c}", "Lämna vid dörren", "Ring före leverans", "Trappor, ingen hiss"]


def fi_phone_raw(rng, e164):
    n = "0" + e164[4:]                 # 0401234567
    return rng.choice([f"{n[:3]} {n[3:]}", n, f"+358 {n[1:3]} {n[3:6]} {n[6:]}", f"{n[:3]}-{n[3:]}", e164, f"{n[:3]} {n[3:6]} {n[6:]}"])


def build(rng):
    c = Case("case3_logistics_processor", rng)
    persons = []

    def mk(sv, region, forced_name=None, male=None):
        male = rng.random() < 0.35 if male is None else male
        if forced_name:
            g, s = forced_name
        else:
            for _ in range(1000):
                if sv:
                    g, s = rng.choice(N.SV_M if male else N.SV_F), rng.choice(N.SV_S)
                else:
                    g, s = rng.choice(N.FI_M if male else N.FI_F), rng.choice(N.FI_S1) + rng.choice(N.FI_S2)
                if f"{g} {s}" not in c.used["name"]:
                    break
            c.used["name"].add(f"{g} {s}")
        p = c.person(f"{g} {s}")
        p["given"], p["sur"], p["sv"], p["male"] = g, s, sv, male
        p["lang"] = "sv" if sv else "fi"
        p["dob"] = rdate(rng, 1925, 1975)
        p["phone"] = c.unique("phone", lambda: "+358" + rng.choice(["40", "41", "44", "45", "46", "50"]) + f"{rng.randrange(10**7):07d}") \
            if rng.random() < 0.85 else None
        p["addrs"] = []
        p["regions"] = []
        p["hetu"] = None
        persons.append(p)
        return p

    def addr_for(p, reg):
        fi, sv, z = rng.choice(reg[3])
        street = rng.choice(ST_SV if (p["sv"] and sv) else ST_FI)
        a = f"{street} {rng.randint(1, 60)}" + (f" {rng.choice('ABC')} {rng.randint(1, 30)}" if rng.random() < 0.5 else "")
        return (a, z, (sv if (p["sv"] and sv) else fi), fi)

    for reg in REGIONS:
        for _ in range(reg[2]):
            p = mk(rng.random() < reg[4], reg)
            p["regions"].append(reg)
            p["addrs"].append(addr_for(p, reg))
            p.controllers.add(reg[1])
    # movers: under two controllers (one person)
    movers = rng.sample([p for p in persons if p["phone"]], 30)
    for p in movers:
        other = rng.choice([r for r in REGIONS if r is not p["regions"][0]])
        p["regions"].append(other)
        p["addrs"].append(addr_for(p, other))
        p.controllers.add(other[1])
        p.note = "moved: under two welfare-region controllers"
    # homonym pairs (different people with the same name, both with phones, different regions)
    for _ in range(6):
        a = rng.choice([p for p in persons if p["phone"] and len(p["regions"]) == 1 and not p.note])
        reg = rng.choice([r for r in REGIONS if r is not a["regions"][0]])
        b = mk(a["sv"], reg, forced_name=(a["given"], a["sur"]), male=a["male"])
        b["phone"] = b["phone"] or c.unique("phone", lambda: "+35850" + f"{rng.randrange(10**7):07d}")
        b["regions"].append(reg)
        b["addrs"].append(addr_for(b, reg))
        b.controllers.add(reg[1])
        a.note, b.note = f"same name as {b.tid}, different person", f"same name as {a.tid}, different person"
    # self-paying customers (manufacturer is controller) with HETU, some also region customers
    selfpay = []
    for i in range(70):
        p = mk(rng.random() < 0.15, None)
        p["addrs"].append(addr_for(p, rng.choice(REGIONS)))
        selfpay.append(p)
    for p in rng.sample([p for p in persons if p["regions"] and not p.note and p["phone"]], 8):
        selfpay.append(p)
        p.note = "region customer who also buys as self-payer"
    for p in selfpay:
        p.controllers.add(MANUF)
        y = p["dob"]
        if rng.random() < 0.12:
            p["hetu"] = c.unique("nid", lambda: idcodes.fi_hetu(y, rng.randrange(898), rng.choice(["Y", "X", "W"])))
            p.note = (p.note + "; " if p.note else "") + "HETU with 2023 century sign"
        else:
            p["hetu"] = c.unique("nid", lambda: idcodes.fi_hetu(y, rng.randrange(898)))
        p["email"] = c.unique("email", lambda: email_for(rng, p["given"], p["sur"], DOMAINS)) if rng.random() < 0.6 else None
        p["iban"] = c.unique("iban", lambda: idcodes.iban("FI", f"{rng.choice(['10', '15', '57', '80'])}{rng.randrange(10**12):012d}")) if rng.random() < 0.5 else None
    # hearing-aid company customers
    hear = {h: [] for h, _ in HEAR}
    for i in range(44):
        h = HEAR[i % 2]
        if i % 5 == 0:
            p = rng.choice([p for p in persons if p["regions"] and p["phone"] and p["hetu"] is None and not p.get("hear")])
            p.note = (p.note + "; " if p.note else "") + "also hearing-aid customer"
        else:
            p = mk(h[0] == "horseltest" and rng.random() < 0.6, None)
            p["phone"] = p["phone"] or c.unique("phone", lambda: "+35844" + f"{rng.randrange(10**7):07d}")
            p["addrs"].append(addr_for(p, rng.choice(REGIONS)))
        p["hear"] = h
        p["email"] = p.get("email") or (c.unique("email", lambda: email_for(rng, p["given"], p["sur"], DOMAINS)) if rng.random() < 0.4 else None)
        p.controllers.add(h[1])
        hear[h[0]].append(p)
    # relatives named as contact persons: exposed persons of their own (name + phone)
    rels = {}
    for p in rng.sample([p for p in persons if p["regions"]], 40):
        r = mk(p["sv"], None, male=rng.random() < 0.5)
        r["phone"] = r["phone"] or c.unique("phone", lambda: "+35845" + f"{rng.randrange(10**7):07d}")
        r["role"] = rng.choice(["tytär", "poika", "puoliso"] if not p["sv"] else ["dotter", "son", "make"])
        r.note = f"relative/contact person named on {p.tid}'s delivery"
        r.controllers |= set(x[1] for x in p["regions"])
        rels[p.tid] = r

    def nm_caps(p):
        return f"{p['sur'].upper()} {p['given'].upper()}"

    # ---------------------------------------------------------------- region order exports (3 months, one row per order line)
    months = ["2023-01", "2023-02", "2023-03"]
    for reg in REGIONS:
        slug, ctrl = reg[0], reg[1]
        fmt = {"paijat-hame": "fi", "pohjois-karjala": "fi1252", "ita-uusimaa": "bi", "lansi-uusimaa": "bi1252",
               "kymenlaakso": "fititle", "keski-uusimaa": "fi", "helsinki": "tab", "hus": "json"}[slug]
        members = [p for p in persons if reg in p["regions"]]
        for mi, m in enumerate(months):
            ext = "json" if fmt == "json" else ("tsv" if fmt == "tab" else "csv")
            rel = f"tilaukset/{slug}/tilaukset_{m}.{ext}"
            rows, recs = [], []
            for p in members:
                k = p["regions"].index(reg)
                if len(p["regions"]) > 1 and ((k == 0 and mi == 2) or (k == 1 and mi == 0)):
                    continue       # moved between months
                if rng.random() < 0.25:
                    continue
                a = p["addrs"][k]
                sv_cols = fmt.startswith("bi") and p["sv"]
                prods = PROD_SV if sv_cols else PROD_FI
                lines = rng.sample(prods, rng.randint(1, 3))
                day = f"{rng.randint(2, 27):02d}.{m[5:]}.{m[:4]}"
                instr = rng.choice(INSTR_SV if sv_cols else INSTR_FI).format(c=rng.randint(1000, 9999)) if rng.random() < 0.4 else ""
                ph = fi_phone_raw(rng, p["phone"]) if p["phone"] else ""
                nm = nm_caps(p) if fmt in ("fi", "fi1252", "fititle", "tab") else f"{p['sur']} {p['given']}"
                cust = f"A{int(p.tid[1:]) * 17 + 100000}"
                c.name(p, rel, "Nimi", nm)
                c.el(p, rel, "Lähiosoite", "postal_address")
                c.el(p, rel, "Toimituspäivä", "delivery_info")
                c.el(p, rel, "Tuote", "health_data")
                c.el(p, rel, "Tuote", "purchase_history", optional=True)
                if p["phone"]:
                    c.ident(p, rel, "Puhelin", "phone", p["phone"], ph)
                extra = ""
                if p.tid in rels and rng.random() < 0.7:
                    r = rels[p.tid]
                    rph = "0" + r["phone"][4:7] + " " + r["phone"][7:]
                    extra = f"Yhteyshenkilö: {r['role']} {r['given']} {r['sur']}, p. {rph}"
                    c.name(r, rel, "Lisätiedot", f"{r['given']} {r['sur']}")
                    c.ident(r, rel, "Lisätiedot", "phone", r["phone"], rph)
                info = "; ".join(x for x in [instr, extra] if x)
                for code, prod in lines:
                    q = rng.randint(1, 6)
                    if fmt == "json":
                        c.decoy(f"{m.replace('-', '')}{len(recs):05d}", "order_line_number", rel, "tilausrivi")
                        recs.append({"tilausrivi": f"{m.replace('-', '')}{len(recs):05d}", "asiakas": {"nimi": nm, "osoite": {"katu": a[0], "postinumero": a[1], "toimipaikka": a[2]},
                                     "puhelin": ph or None}, "tuote": {"koodi": code, "nimi": prod, "maara": q}, "toimitus": {"pvm": day, "ohje": info or None}})
                    else:
                        rows.append([cust, nm, a[0], a[1], a[2].upper() if fmt.startswith("fi") else a[2], ph, code, prod, q, day, info])
            if fmt == "json":
                c.add_file(rel, json.dumps({"tilaaja": ctrl, "kuukausi": m, "rivit": recs}, ensure_ascii=False, indent=1))
                continue
            if fmt.startswith("bi"):
                hdr = ["Asiakasnro/Kundnr", "Nimi/Namn", "Osoite/Adress", "Postinro/Postnr", "Toimipaikka/Postort", "Puhelin/Telefon",
                       "Tuotenro/Produktnr", "Tuote/Produkt", "Määrä/Antal", "Toimituspäivä/Leveransdag", "Lisätiedot/Tilläggsuppgifter"]
            else:
                hdr = ["Asiakasnumero", "Sukunimi Etunimi", "Lähiosoite", "Postinumero", "Postitoimipaikka", "Puhelin", "Tuotenumero",
                       "Tuote", "Määrä", "Toimituspäivä", "Lisätiedot"]
            allrows = [hdr] + rows
            if fmt == "fititle":
                allrows = [[f"WESTLOG-SIM OY - Toimitukset tilaajalle {ctrl}"], [f"Ajanjakso {m}", "Tulostettu 14.03.2023"], []] + allrows
            if fmt == "tab":
                txt = csv_text(allrows, "\t")
            else:
                txt = csv_text(allrows, ";")
            c.add_file(rel, txt, "cp1252" if fmt.endswith("1252") else "utf-8", bom=(fmt == "bi"))

    # ---------------------------------------------------------------- route sheets (fixed width), drivers are staff
    regp = [p for p in persons if p["regions"]]
    drivers = ["M. Laine", "J. Nieminen", "K. Holmberg", "S. Lehto", "T. Rantala", "A. Björk"]
    stops = rng.sample(regp, int(len(regp) * 0.6))
    for i in range(0, len(stops), 20):
        chunk = stops[i:i + 20]
        d = rdt(rng, 2023, 3, 1, 20)
        rel = f"reitit/{d:%Y-%m-%d}_auto{i // 20 + 1:02d}.txt"
        L = [f"WESTLOG-SIM OY   AJOLISTA / KÖRLISTA   {d:%d.%m.%Y}   Auto {i // 20 + 1:02d}",
             f"Kuljettaja/Chaufför: {rng.choice(drivers)}   Lähtö terminaalista 07:30", "-" * 118,
             f"{'#':>3}  {'Asiakas':<30}{'Osoite':<34}{'Postinro':<10}{'Puhelin':<18}{'Ltk':>4}  Huom"]
        for k, p in enumerate(chunk):
            a = p["addrs"][-1]
            nm = f"{p['given']} {p['sur']}"
            ph = fi_phone_raw(rng, p["phone"]) if p["phone"] else "-"
            c.name(p, rel, "Asiakas", nm)
            c.el(p, rel, "Osoite", "postal_address")
            c.el(p, rel, "Ltk", "delivery_info")
            c.el(p, rel, "Ltk", "health_data", optional=True)
            if p["phone"]:
                c.ident(p, rel, "Puhelin", "phone", p["phone"], ph)
            L.append(f"{k + 1:>3}  {nm:<30}{a[0]:<34}{a[1] + ' ' + a[2]:<10}  {ph:<18}{rng.randint(1, 4):>4}  "
                     f"{rng.choice(INSTR_FI).format(c=rng.randint(1000, 9999)) if rng.random() < 0.3 else ''}")
        L += ["-" * 118, f"Yhteensä {len(chunk)} toimitusta. Kuittaus: ______________"]
        c.add_file(rel, "\n".join(L) + "\n")

    # ---------------------------------------------------------------- WMS event log (NDJSON, people inside message strings)
    rel = "wms/events_2023-03.ndjson"
    L = []
    for p in rng.sample(regp, 150):
        a = p["addrs"][-1]
        t = rdt(rng, 2023, 3, 1, 30)
        ship = f"45{rng.randrange(10**6):06d}"
        c.decoy(ship, "shipment_number", rel, "msg")
        L.append(json.dumps({"ts": t.isoformat() + "+02:00", "svc": "wms-dispatch", "lvl": "info",
                             "msg": f"Toimitus {ship} luovutettu: {p['given']} {p['sur']}, {a[0]}, {a[1]} {a[2].upper()}"}, ensure_ascii=False))
        c.name(p, rel, "msg", f"{p['given']} {p['sur']}")
        c.el(p, rel, "msg", "postal_address")
        c.el(p, rel, "msg", "delivery_info")
        if p["phone"] and rng.random() < 0.6:
            L.append(json.dumps({"ts": t.replace(hour=6).isoformat() + "+02:00", "svc": "sms-gateway", "lvl": "debug",
                                 "msg": f"SMS queued to {p['phone']}: Toimituksesi {ship} saapuu tänään klo 8-12 / Din leverans kommer idag"},
                                ensure_ascii=False))
            c.ident(p, rel, "msg", "phone", p["phone"], p["phone"])
    for _ in range(60):
        t = rdt(rng, 2023, 3, 1, 30)
        L.append(json.dumps({"ts": t.isoformat() + "+02:00", "svc": "wms-stock", "lvl": "info",
                             "msg": f"Saldo päivitetty SKU {rng.choice(PROD_FI)[0]} EAN {idcodes.ean13('6417' + f'{rng.randrange(10**8):08d}')} varasto VT-2"}))
    rng.shuffle(L)
    c.add_file(rel, "\n".join(L) + "\n")

    # ---------------------------------------------------------------- self-payer invoices (HETU, e-mail, IBAN)
    rel = "laskutus/itsemaksavat_asiakkaat_2023Q1.csv"
    rows = [["Laskunro", "Henkilötunnus", "Nimi", "Osoite", "Postinumero", "Toimipaikka", "Sähköposti", "Puhelin",
             "Suoramaksu tili (IBAN)", "Tuote", "Määrä", "Summa €"]]
    for p in selfpay:
        a = p["addrs"][-1]
        for _ in range(rng.randint(1, 2)):
            code, prod = rng.choice(PROD_FI)
            inv = f"{rng.randint(2023000000, 2023999999)}"
            c.decoy(inv, "invoice_number", rel, "Laskunro")
            ph = fi_phone_raw(rng, p["phone"]) if p["phone"] else ""
            em = p["email"] or ""
            ib = ""
            if p["iban"]:
                ib = " ".join(p["iban"][i:i + 4] for i in range(0, len(p["iban"]), 4)) if rng.random() < 0.6 else p["iban"]
                c.ident(p, rel, "Suoramaksu tili (IBAN)", "iban", p["iban"], ib)
            c.ident(p, rel, "Henkilötunnus", "fi_hetu", p["hetu"], p["hetu"])
            c.name(p, rel, "Nimi", f"{p['given']} {p['sur']}")
            c.el(p, rel, "Osoite", "postal_address")
            c.el(p, rel, "Tuote", "health_data")
            c.el(p, rel, "Tuote", "purchase_history", optional=True)
            c.el(p, rel, "Tuote", "delivery_info", optional=True)
            if em:
                c.ident(p, rel, "Sähköposti", "email", em, em)
            if ph:
                c.ident(p, rel, "Puhelin", "phone", p["phone"], ph)
            rows.append([inv, p["hetu"], f"{p['given']} {p['sur']}", a[0], a[1], a[2], em, ph, ib, prod, rng.randint(1, 4),
                         f"{rng.randint(25, 180)},{rng.randint(0, 99):02d}"])
    c.add_file(rel, csv_text(rows, ";"), "cp1252")

    # ---------------------------------------------------------------- hearing-aid company exports (nested JSON)
    for h, hname in HEAR:
        rel = f"kuulolaitteet/{h}_asiakastoimitukset.json"
        recs = []
        for p in hear[h]:
            a = p["addrs"][-1]
            lines = rng.sample(PROD_HEAR, rng.randint(1, 2))
            contact = {"mobile": fi_phone_raw(rng, p["phone"])}
            c.ident(p, rel, "customer.contact.mobile", "phone", p["phone"], contact["mobile"])
            if p.get("email"):
                contact["email"] = p["email"]
                c.ident(p, rel, "customer.contact.email", "email", p["email"], p["email"])
            recs.append({"orderId": f"HA-{rng.randrange(10**6):06d}", "customer": {"name": {"first": p["given"], "last": p["sur"]},
                         "language": p["lang"], "contact": contact},
                         "delivery": {"address": {"street": a[0], "zip": a[1], "city": a[2]}, "preferredDay": rng.choice(["ma", "ti", "ke", "to"])},
                         "orderLines": [{"sku": s, "description": d, "qty": rng.randint(1, 3)} for s, d in lines]})
            c.name(p, rel, "customer.name.last", p["sur"], variant=False)
            c.el(p, rel, "delivery.address", "postal_address")
            c.el(p, rel, "delivery", "delivery_info")
            c.el(p, rel, "orderLines", "health_data")
            c.el(p, rel, "orderLines", "purchase_history", optional=True)
        c.add_file(rel, json.dumps({"company": hname, "logisticsPartner": "Westlog-sim", "orders": recs}, ensure_ascii=False, indent=2))

    # ---------------------------------------------------------------- ERP customer master: PostgreSQL COPY dump
    rel = "erp/asiakasrekisteri.sql"
    L = ["--", "-- PostgreSQL database dump", "--", "SET client_encoding = 'UTF8';", "",
         "CREATE TABLE public.asiakas (", "    id integer NOT NULL,", "    tilaaja text,", "    nimi text NOT NULL,",
         "    osoite text,", "    postinro character(5),", "    toimipaikka text,", "    puhelin text,", "    hetu character(11),",
         "    kieli character(2)", ");", "",
         "COPY public.asiakas (id, tilaaja, nimi, osoite, postinro, toimipaikka, puhelin, hetu, kieli) FROM stdin;"]
    main = [p for p in persons if p["addrs"] and not p.get("role")]
    for i, p in enumerate(sorted(rng.sample(main, int(len(main) * 0.7)), key=lambda x: x.tid)):
        a = p["addrs"][-1]
        ctrl = sorted(p.controllers)[0]
        nm = f"{p['sur']}, {p['given']}"
        c.name(p, rel, "nimi", nm)
        c.el(p, rel, "osoite", "postal_address")
        if p["phone"]:
            c.ident(p, rel, "puhelin", "phone", p["phone"], p["phone"])
        if p["hetu"]:
            c.ident(p, rel, "hetu", "fi_hetu", p["hetu"], p["hetu"])
        L.append("\t".join([str(5000 + i), ctrl, nm, a[0], a[1], a[2], p["phone"] or "\\N", p["hetu"] or "\\N", p["lang"]]))
    L += ["\\.", "", "--", "-- PostgreSQL database dump complete", "--", ""]
    c.add_file(rel, "\n".join(L))

    # relatives with no appearance (the 30% not written) are dropped from the truth
    c.persons[:] = [p for p in c.persons if p.elements]
    for p in c.persons:
        if "national_id" in p.elements:
            c.el(p, p.prov["national_id"][0].split(" [")[0], "national_id (birth date encoded)", "date_of_birth", optional=True)
    return c
