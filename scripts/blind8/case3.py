"""Case 3: logistics processor delivering incontinence products to homes (Finland).

Shapes: SQL Server sqlcmd output (fixed columns, dashes, "(N rows affected)"; UTF-16LE from `sqlcmd -u` or UTF-8);
route-optimiser GeoJSON FeatureCollections per driver and day; a call-centre CRM CSV (windows-1252, `;`, decimal
commas, CRLF); an XLSX delivery plan with one sheet per region, a hidden customer-number column and a hidden sheet of
self-payers with HETU; PDF invoices to self-payers (real text layer); ISO 20022 pain.008 direct-debit files;
OCR text of scanned, signed delivery receipts.
"""
import collections
import datetime
import json

import fmt
import people
from common import Case
from shared import check, ids

DESC = ("Kotijakelu Oy, a logistics processor delivering incontinence aids for welfare regions, the City of Helsinki, HUS, "
        "the manufacturer's self-paying customers and two hearing-aid companies; ransomware exfiltrated WMS query outputs, "
        "route plans, call-centre exports, planning workbooks, invoices, direct-debit files and scanned receipts.")
REGIONS = [  # (controller, code, cities with zips, share of Swedish speakers)
    ("Päijät-Hämeen hyvinvointialue", "PHHVA", [("Lahti", "15100"), ("Heinola", "18100"), ("Orimattila", "16300")], 0.0),
    ("Pohjois-Karjalan hyvinvointialue", "PKHVA", [("Joensuu", "80100"), ("Kitee", "82500"), ("Lieksa", "81700")], 0.0),
    ("Itä-Uudenmaan hyvinvointialue", "IUHVA", [("Porvoo", "06100"), ("Loviisa", "07900"), ("Sipoo", "04130")], 0.55),
    ("Länsi-Uudenmaan hyvinvointialue", "LUHVA", [("Espoo", "02100"), ("Raasepori", "10600"), ("Lohja", "08100")], 0.3),
    ("Kymenlaakson hyvinvointialue", "KYMHVA", [("Kotka", "48100"), ("Kouvola", "45100"), ("Hamina", "49400")], 0.0),
    ("Keski-Uudenmaan hyvinvointialue", "KUHVA", [("Hyvinkää", "05800"), ("Järvenpää", "04400"), ("Tuusula", "04300")], 0.05),
    ("Helsingin kaupunki", "HKI", [("Helsinki", "00100"), ("Helsinki", "00530"), ("Helsinki", "00940")], 0.1),
    ("HUS-yhtymä", "HUS", [("Helsinki", "00290"), ("Vantaa", "01300")], 0.1),
]
MANUF = "Hygieia Oy (valmistaja, itsemaksavat)"
HEARING = [("Kuulokeskus Oy", "KUULO1"), ("AudioPlus Oy", "KUULO2")]
PRODUCTS_FI = ["Vaippa L (teippikiinnitys)", "Housuvaippa M", "Aluspehmuste 60x90", "Inkontinenssisuoja Maxi", "Vaippa XL yö",
               "Sidontahousu L"]
PRODUCTS_SV = ["Blöja L (tejp)", "Byxblöja M", "Underlägg 60x90", "Inkontinensskydd Maxi"]
HEAR_PROD = ["Kuulokojeparistot 312 (60 kpl)", "Kuulokojeparistot 13 (60 kpl)", "Korvakappaleet S"]
COMPANY_IBAN = "FI2112345600000785"
YTUNNUS = "2345678-1"
DEPOT = ("Kotijakelu Oy, Vantaan terminaali", "+358 9 4256 7700")
AGENTS = ["Sanna L.", "Mikael N.", "Jenni K."]


def build(seed):
    c = Case(3, "fi_home_delivery", seed, DESC)
    r = c.rng
    u = people.Uniq(r)
    nm = people.NameMaker(r)
    u.reserve(COMPANY_IBAN)
    c.extra["processor"] = "Kotijakelu Oy"

    custs = []
    anro = 300000

    def make(kind, ctl, code, cities, sv_share):
        nonlocal anro
        lang = "sv" if r.random() < sv_share else "fi"
        n = nm.make(lang)
        p = c.person(f"{n['given']} {n['surname']}", lang)
        p.a.update(n)
        city, z = r.choice(cities)
        p.a["addr"] = people.fi_address(r, city, z, lang)
        p.a["dob"] = u.dob(1925, 1960)
        p.a["kind"] = kind
        p.a["code"] = code
        anro += r.randint(3, 40)
        p.a["anro"] = str(anro)
        roll = r.random()
        if roll < 0.62:
            p.a["phone"] = u.phone("FI", "mobile")
        elif roll < 0.85:
            p.a["phone"] = u.phone("FI", "landline")
        else:
            p.a["phone"] = None
        p.a["door"] = f"{r.randint(1000, 9999)}" if r.random() < 0.3 else None
        p.a["prod"] = r.choice(HEAR_PROD) if kind == "hear" else r.choice(PRODUCTS_SV if lang == "sv" else PRODUCTS_FI)
        p.a["qty"] = r.randint(1, 6)
        p.control(ctl)
        custs.append(p)
        return p

    for ctl, code, cities, sv in REGIONS:
        for _ in range(r.randint(70, 95)):
            make("region", ctl, code, cities, sv)
    selfp = []
    for _ in range(55):
        ctl, code, cities, sv = r.choice(REGIONS)
        p = make("self", MANUF, "ITSE", cities, sv * 0.5)
        selfp.append(p)
    hearing = []
    for ctl, code in HEARING:
        for _ in range(22):
            _, _, cities, sv = r.choice(REGIONS)
            hearing.append(make("hear", ctl, code, cities, sv))
    # five region customers who also buy at their own cost: two controllers, one person
    both = r.sample([p for p in custs if p.a["kind"] == "region"], 5)
    for p in both:
        p.control(MANUF)
        p.notes.append("region customer who also self-pays (two controllers)")
        selfp.append(p)
    for p in selfp:
        p.a["hetu"] = u.hetu(p.a["dob"])
        p.a["email"] = u.email(ids.ascii_fold(p.a["given"].split(" ")[0]), ids.ascii_fold(p.a["surname"]))
        p.a["iban"] = u.iban("FI")
        if not p.a["phone"]:
            p.a["phone"] = u.phone("FI", "mobile")
    # spouses sharing a landline and the address (both customers of the same region)
    couples = []
    regionals = [p for p in custs if p.a["kind"] == "region" and p.a["phone"] and p.a["phone"][0][0] in "1239" and p not in both]
    for a in regionals[:6]:
        sp = make("region", a.controllers[0], a.a["code"], [(a.a["addr"]["city"], a.a["addr"]["zip"])], 0.0 if a.lang == "fi" else 1.0)
        sp.a["addr"] = a.a["addr"]
        sp.a["phone"] = a.a["phone"]
        c.shared_keys.add("phone:+" + a.a["phone"][1][1:])
        a.notes.append(f"shares landline and address with spouse {sp.tid}")
        sp.notes.append(f"shares landline and address with spouse {a.tid}")
        couples.append((a, sp))
    c.extra["household_phones"] = {a.a["phone"][1]: [a.tid, b.tid] for a, b in couples}

    def pr(p):
        return ids.render_phone(r, "FI", p.a["phone"][0])[0]

    def sname(p):
        return f"{p.a['surname']} {p.a['given']}"

    # ------------------------------------------------------------------ sqlcmd WMS extracts
    groups = collections.OrderedDict()
    for p in custs:
        groups.setdefault(p.a["code"], []).append(p)
    for gi, (code, ps) in enumerate(groups.items()):
        hdr = ["ASIAKASNRO", "SUKUNIMI", "ETUNIMET", "KATUOSOITE", "POSTINRO", "POSTITOIMIPAIKKA", "PUHELIN", "ALUE", "KIELI"]
        rows, raws = [], []
        for p in ps:
            praw = pr(p) if p.a["phone"] else None
            raws.append(praw)
            rows.append([p.a["anro"], p.a["surname"].upper(), p.a["given"], p.a["addr"]["street"], p.a["addr"]["zip"],
                         p.a["addr"]["city"].upper(), praw, code, p.lang.upper()])
        txt = (f"Changed database context to 'WMS_PROD'.\r\n" +
               fmt.sqlcmd(hdr, rows, [10, 20, 22, 28, 8, 18, 18, 8, 5]))
        utf16 = gi % 3 == 0
        enc = "utf-16" if utf16 else "utf-8"
        doc = c.file(f"wms/asiakkaat_{code}.txt", txt.encode("utf-16") if utf16 else txt.encode("utf-8"), "text", enc)
        for p, praw in zip(ps, raws):
            c.name(p, doc, p.name, "SUKUNIMI+ETUNIMET", parts=[p.a["surname"].upper(), p.a["given"]])
            c.el(p, doc, "postal_address", "KATUOSOITE", p.a["addr"]["street"])
            if praw:
                c.phone(p, doc, p.a["phone"][1], praw, "PUHELIN")
            c.el(p, doc, "health_data", "asiakasrekisteri", optional=True)

    # ------------------------------------------------------------------ GeoJSON route plans
    by_city = collections.defaultdict(list)
    for p in custs:
        if p.a["kind"] != "self" or r.random() < 0.5:
            by_city[p.a["addr"]["city"]].append(p)
    day0 = datetime.date(2023, 9, 4)
    for ci, city in enumerate(sorted(by_city)):
        ps = by_city[city][:]
        r.shuffle(ps)
        for k in range(0, len(ps), 24):
            stops = ps[k:k + 24]
            day = day0 + datetime.timedelta(days=(ci + k // 24) % 14)
            drv = nm.make("fi")
            dphone = u.phone("FI", "mobile")
            feats = [{"type": "Feature", "geometry": {"type": "Point", "coordinates": [24.97, 60.29]},
                      "properties": {"kind": "depot", "name": DEPOT[0], "phone": DEPOT[1]}}]
            exp = []
            for sn, p in enumerate(stops, 1):
                sv = p.lang == "sv"
                praw = pr(p) if p.a["phone"] and r.random() < 0.85 else None
                note = []
                if p.a["door"]:
                    note.append(("Portkod " if sv else "Ovikoodi ") + p.a["door"])
                if r.random() < 0.3:
                    note.append("Ring före leverans" if sv else "Soita ennen toimitusta")
                props = collections.OrderedDict([
                    ("kind", "stop"), ("stopNo", sn), ("eta", f"{8 + sn // 4:02d}:{(sn * 13) % 60:02d}"),
                    ("window", r.choice(["08-12", "12-16", "08-16"])), ("customerNo", p.a["anro"]),
                    ("recipient", sname(p) if r.random() < 0.5 else p.name), ("street", p.a["addr"]["street"]),
                    ("postalCode", p.a["addr"]["zip"]), ("city", p.a["addr"]["city"]), ("phone", praw),
                    ("notes", ", ".join(note) or None), ("items", [{"sku": f"{r.randint(100000, 999999)}", "name": p.a["prod"], "qty": p.a["qty"]}]),
                    ("serviceTimeMin", 4)])
                feats.append({"type": "Feature", "geometry": {"type": "Point", "coordinates": [round(r.uniform(21.5, 30.5), 5), round(r.uniform(60.0, 62.9), 5)]},
                              "properties": props})
                exp.append((p, props["recipient"], praw, note))
            gj = {"type": "FeatureCollection", "name": f"{day.isoformat()}_{city}_route{k // 24 + 1}",
                  "crs": {"type": "name", "properties": {"name": "urn:ogc:def:crs:OGC:1.3:CRS84"}},
                  "properties": {"driver": {"name": f"{drv['given']} {drv['surname']}", "phone": ids.e164("FI", dphone[0])},
                                 "vehicle": f"ZX{r.randint(100, 999)}", "plannedStart": f"{day.isoformat()}T07:30:00+03:00"},
                  "features": feats}
            doc = c.file(f"reitit/{day.isoformat()}_{ids.ascii_fold(city)}_{k // 24 + 1}.geojson", json.dumps(gj, ensure_ascii=False, indent=1) + "\n", "json")
            c.decoy("staff_phone", dphone[1], doc, "properties.driver.phone", "driver's work phone")
            if ci == 0 and k == 0:
                c.decoy("organisation_phone", DEPOT[1], doc, "depot.phone", "terminal switchboard")
            for p, rec, praw, note in exp:
                c.name(p, doc, rec, "recipient")
                c.el(p, doc, "postal_address", "street", p.a["addr"]["street"])
                c.el(p, doc, "delivery_info", "window/notes", note[0] if note else None)
                if praw:
                    c.phone(p, doc, p.a["phone"][1], praw, "phone")
                if p.a["kind"] == "hear":
                    c.el(p, doc, "health_data", "items", optional=True)
                else:
                    c.el(p, doc, "health_data", "items", p.a["prod"])
                c.el(p, doc, "purchase_history", "items", optional=True)

    # ------------------------------------------------------------------ call-centre CRM exports
    callers = [p for p in custs if p.a["kind"] in ("region", "self")]
    relatives = []
    for month in (8, 9):
        lines = ["Puhelu-ID;Aloitusaika;Soittajan numero;Soittaja;Asiakas;Asiakasnro;Aihe;Muistiinpano;Agentti;Kesto (min);Jonotus (s)"]
        exp = []
        for k in range(170):
            p = r.choice(callers)
            t = f"{r.randint(1, 30):02d}.{month:02d}.2023 {r.randint(8, 16):02d}:{r.randint(0, 59):02d}"
            rel = None
            if r.random() < 0.25:
                rn = nm.make(p.lang)
                if check.name_tokens(rn["given"] + " " + p.a["surname"]) not in nm.used:
                    nm.used.add(check.name_tokens(rn["given"] + " " + p.a["surname"]))
                    rn["surname"] = p.a["surname"]
                rel = c.person(f"{rn['given']} {rn['surname']}", p.lang)
                rel.a.update(rn)
                rel.a["phone"] = u.phone("FI", "mobile")
                role = r.choice(["tytär", "poika", "omainen"]) if p.lang == "fi" else r.choice(["dotter", "son", "anhörig"])
                rel.notes.append(f"relative ({role}) of {p.tid}, called the customer service")
                rel.control(p.controllers[0])
                relatives.append(rel)
                num = ids.render_phone(r, "FI", rel.a["phone"][0])[0]
                who = f"{rn['given']} {rn['surname']} ({role})"
            elif p.a["phone"]:
                num = pr(p)
                who = "asiakas itse"
            else:
                num = "Salainen numero"
                who = "asiakas itse"
            topic, note_ = r.choice([("Toimitus", f"Toimitus myöhässä, {p.a['prod'].lower()} loppumassa"),
                                     ("Osoitemuutos", "Asiakas muuttaa, uusi osoite päivitetty"),
                                     ("Tuotevaihto", f"Vaihdetaan {p.a['prod'].lower()} pienempään kokoon"),
                                     ("Laskutus", "Kysyi laskusta, ohjattu valmistajalle")])
            dur = f"{r.randint(1, 15)},{r.randint(0, 9)}"
            lines.append(f"{month}{k:05d};{t};{num};{who};{sname(p)};{p.a['anro']};{topic};\"{note_}\";{r.choice(AGENTS)};{dur};{r.randint(5, 400)}")
            exp.append((p, rel, num, note_, topic))
        doc = c.file(f"crm/puhelut_2023-{month:02d}.csv", ("\r\n".join(lines) + "\r\n").encode("cp1252"), "csv", "cp1252")
        for p, rel, num, note_, topic in exp:
            c.name(p, doc, sname(p), "Asiakas")
            if rel:
                c.name(rel, doc, f"{rel.a['given']} {rel.a['surname']}", "Soittaja")
                c.phone(rel, doc, rel.a["phone"][1], num, "Soittajan numero")
            elif num != "Salainen numero":
                c.phone(p, doc, p.a["phone"][1], num, "Soittajan numero")
            if topic in ("Toimitus", "Tuotevaihto"):
                if p.a["kind"] == "hear":
                    c.el(p, doc, "health_data", "Muistiinpano", optional=True)
                else:
                    c.el(p, doc, "health_data", "Muistiinpano", p.a["prod"].lower())
            if topic == "Toimitus":
                c.el(p, doc, "delivery_info", "Muistiinpano", optional=True)
            if topic == "Osoitemuutos":
                c.el(p, doc, "postal_address", "Muistiinpano", optional=True)

    # ------------------------------------------------------------------ XLSX delivery plan (hidden column, hidden sheet)
    sheets = []
    xexp = []
    for ctl, code, cities, sv in REGIONS[:6]:
        ps = [p for p in groups.get(code, []) if r.random() < 0.7]
        rows = [[f"Toimitussuunnitelma Q3/2023 – {ctl}"], [],
                ["Asiakasnro", "Nimi", "Osoite", "Postinumero", "Toimipaikka", "Tuote", "Määrä / kk", "Seuraava toimitus", "Huom."]]
        for p in ps:
            nd = datetime.date(2023, 10, 1) + datetime.timedelta(days=r.randint(0, 25))
            rows.append([int(p.a["anro"]), sname(p), p.a["addr"]["street"], p.a["addr"]["zip"], p.a["addr"]["city"], p.a["prod"],
                         p.a["qty"], nd.strftime("%d.%m.%Y"), ("Ovikoodi " + p.a["door"]) if p.a["door"] else None])
            xexp.append((p, code, nd))
        rows.append([None, "Yhteensä", None, None, None, None, sum(x[6] for x in rows[3:]), None, None])
        sheets.append({"name": code, "rows": rows, "hidden_cols": [0], "widths": {1: 26, 2: 28, 5: 28}})
    srows = [["HETU", "Nimi", "Lähiosoite", "Postinumero", "Toimipaikka", "Sähköposti", "Tilinumero", "Tuote"]]
    for p in selfp:
        srows.append([p.a["hetu"], p.name, p.a["addr"]["street"], p.a["addr"]["zip"], p.a["addr"]["city"], p.a["email"],
                      ids.iban_grouped(p.a["iban"]), p.a["prod"]])
    sheets.append({"name": "Itsemaksavat", "rows": srows, "hidden": True})
    doc = c.file("suunnittelu/Toimitussuunnitelma_Q3_2023.xlsx", fmt.xlsx(sheets), "xlsx")
    for p, code, nd in xexp:
        c.name(p, doc, sname(p), f"{code}/Nimi")
        c.el(p, doc, "postal_address", f"{code}/Osoite", p.a["addr"]["street"])
        c.el(p, doc, "health_data", f"{code}/Tuote", p.a["prod"])
        c.el(p, doc, "delivery_info", f"{code}/Seuraava toimitus", nd.strftime("%d.%m.%Y"))
    for p in selfp:
        c.name(p, doc, p.name, "Itsemaksavat/Nimi")
        c.nid(p, doc, "fi_hetu", p.a["hetu"], field="Itsemaksavat/HETU")
        c.el(p, doc, "postal_address", "Itsemaksavat/Lähiosoite", p.a["addr"]["street"])
        c.email(p, doc, p.a["email"], field="Itsemaksavat/Sähköposti")
        c.expose(p, doc, "iban", "Itsemaksavat/Tilinumero", ids.iban_grouped(p.a["iban"]), idtype="iban", value=p.a["iban"])
        c.el(p, doc, "health_data", "Itsemaksavat/Tuote", p.a["prod"])

    # ------------------------------------------------------------------ PDF invoices to self-payers
    inv = 23090100
    for p in selfp:
        inv += r.randint(1, 9)
        base = str(inv)
        w = [7, 3, 1]
        s = sum(int(d) * w[i % 3] for i, d in enumerate(reversed(base)))
        viite = base + str((10 - s % 10) % 10)
        lines_ = [(50, 790, 16, True, "LASKU"), (50, 770, 10, False, "Hygieia Oy  |  Y-tunnus " + YTUNNUS + "  |  Teollisuustie 12, 33960 Pirkkala"),
                  (50, 720, 11, False, p.name), (50, 706, 11, False, p.a["addr"]["street"]),
                  (50, 692, 11, False, f"{p.a['addr']['zip']} {p.a['addr']['city']}"),
                  (350, 720, 10, False, f"Laskun numero: {inv}"), (350, 706, 10, False, "Laskun päivä: 01.09.2023"),
                  (350, 692, 10, False, "Eräpäivä: 15.09.2023"), (350, 678, 10, False, f"Asiakasnumero: {p.a['anro']}"),
                  (50, 640, 10, True, "Tuote                                        Määrä      á-hinta      Yhteensä")]
        price = r.choice([24.90, 31.50, 42.00])
        lines_.append((50, 624, 10, False, f"{p.a['prod']}        {p.a['qty']} pkt      {price:.2f} €      {price * p.a['qty']:.2f} €".replace(".", ",")))
        lines_.append((50, 608, 10, False, "Toimitus kotiin 09/2023, Kotijakelu Oy"))
        lines_ += [(50, 560, 10, False, f"Viitenumero: {viite}"), (50, 546, 10, False, f"Saajan tilinumero: {ids.iban_grouped(COMPANY_IBAN)}"),
                   (50, 532, 10, False, f"Sähköposti: {p.a['email']}"),
                   (50, 480, 8, False, "Asiakaspalvelu +358 9 4256 7700, arkisin 8–16. Viivästyskorko 8 %.")]
        data = fmt.pdf([lines_], title=f"Lasku {inv}", date="D:20230901080000+03'00'")
        doc = c.file(f"laskut/2023-09/lasku_{inv}.pdf", data, "pdf")
        c.name(p, doc, p.name, "vastaanottaja")
        c.el(p, doc, "postal_address", "vastaanottaja", p.a["addr"]["street"])
        c.email(p, doc, p.a["email"], field="Sähköposti")
        c.el(p, doc, "health_data", "Tuote", p.a["prod"])
        c.el(p, doc, "purchase_history", "Tuote", p.a["prod"])
        c.el(p, doc, "delivery_info", "Toimitus kotiin", optional=True)
        if inv % 3 == 0 or p is selfp[0]:
            c.decoy("reference_number", viite, doc, "Viitenumero", "Finnish creditor reference with its check digit", must_fail=not check.any_person_id(viite))
    c.decoy("organisation_iban", COMPANY_IBAN, doc, "Saajan tilinumero", "the manufacturer's account", raw=ids.iban_grouped(COMPANY_IBAN))
    c.decoy("business_id", YTUNNUS, doc, "Y-tunnus", "Finnish business id")

    # ------------------------------------------------------------------ pain.008 direct debits
    for month in (8, 9):
        txs, exp = [], []
        for k, p in enumerate(selfp):
            if r.random() < 0.15:
                continue
            amt = r.choice([49.80, 63.00, 84.00, 126.00])
            txs.append(f"""      <DrctDbtTxInf>
        <PmtId><EndToEndId>HYG{month:02d}{k:05d}</EndToEndId></PmtId>
        <InstdAmt Ccy="EUR">{amt:.2f}</InstdAmt>
        <DrctDbtTx><MndtRltdInf><MndtId>HYG-M-{p.a['anro']}</MndtId><DtOfSgntr>2022-{r.randint(1, 12):02d}-{r.randint(1, 28):02d}</DtOfSgntr></MndtRltdInf></DrctDbtTx>
        <DbtrAgt><FinInstnId><BIC>{r.choice(['NDEAFIHH', 'OKOYFIHH', 'DABAFIHH', 'HANDFIHH'])}</BIC></FinInstnId></DbtrAgt>
        <Dbtr><Nm>{fmt.x(p.name)}</Nm></Dbtr>
        <DbtrAcct><Id><IBAN>{p.a['iban']}</IBAN></Id></DbtrAcct>
        <RmtInf><Ustrd>Hygieia kotitoimitus {month:02d}/2023 asiakas {p.a['anro']}</Ustrd></RmtInf>
      </DrctDbtTxInf>""")
            exp.append(p)
        xml = f"""<?xml version="1.0" encoding="UTF-8"?>
<Document xmlns="urn:iso:std:iso:20022:tech:xsd:pain.008.001.02">
  <CstmrDrctDbtInitn>
    <GrpHdr><MsgId>HYG-SDD-2023{month:02d}</MsgId><CreDtTm>2023-{month:02d}-20T09:00:00</CreDtTm><NbOfTxs>{len(txs)}</NbOfTxs><InitgPty><Nm>Hygieia Oy</Nm></InitgPty></GrpHdr>
    <PmtInf>
      <PmtInfId>HYG-{month:02d}-1</PmtInfId><PmtMtd>DD</PmtMtd>
      <PmtTpInf><SvcLvl><Cd>SEPA</Cd></SvcLvl><LclInstrm><Cd>CORE</Cd></LclInstrm><SeqTp>RCUR</SeqTp></PmtTpInf>
      <ReqdColltnDt>2023-{month:02d}-28</ReqdColltnDt>
      <Cdtr><Nm>Hygieia Oy</Nm></Cdtr>
      <CdtrAcct><Id><IBAN>{COMPANY_IBAN}</IBAN></Id></CdtrAcct>
      <CdtrAgt><FinInstnId><BIC>NDEAFIHH</BIC></FinInstnId></CdtrAgt>
{chr(10).join(txs)}
    </PmtInf>
  </CstmrDrctDbtInitn>
</Document>
"""
        doc = c.file(f"pankki/SDD_Hygieia_2023-{month:02d}.xml", xml, "xml")
        for p in exp:
            c.name(p, doc, p.name, "Dbtr/Nm")
            c.expose(p, doc, "iban", "DbtrAcct/IBAN", idtype="iban", value=p.a["iban"])

    # ------------------------------------------------------------------ OCR of scanned delivery receipts
    pool = [p for p in custs if p.a["kind"] == "region"]
    for k, p in enumerate(r.sample(pool, 80)):
        sv = p.lang == "sv"
        d = datetime.date(2023, 8, 1) + datetime.timedelta(days=r.randint(0, 50))
        if sv:
            lines_ = ["KOTIJAKELU OY  -  LEVERANSKVITTO", "", f"Mottagare: {p.name}", f"Adress: {p.a['addr']['street']}, {p.a['addr']['zip']} {p.a['addr']['city']}",
                      f"Levererad: {d.strftime('%d.%m.%Y')} kl. {r.randint(8, 15)}:{r.randint(10, 59)}", f"Produkter: {p.a['prod']}  {p.a['qty']} förp.",
                      "Mottagarens underskrift: ______________", f"Sändningsnr {r.randint(10 ** 9, 10 ** 10 - 1)}"]
        else:
            lines_ = ["KOTIJAKELU OY  -  VASTAANOTTOKUITTAUS", "", f"Vastaanottaja: {p.name}", f"Osoite: {p.a['addr']['street']}, {p.a['addr']['zip']} {p.a['addr']['city']}",
                      f"Toimitettu: {d.strftime('%d.%m.%Y')} klo {r.randint(8, 15)}.{r.randint(10, 59)}", f"Tuotteet: {p.a['prod']}  {p.a['qty']} pkt",
                      "Vastaanottajan allekirjoitus: ______________", f"Lähetysnro {r.randint(10 ** 9, 10 ** 10 - 1)}"]
        keep = p.name.split(" ") + p.a["addr"]["street"].split(" ") + p.a["prod"].split(" ")
        noisy = []
        for ln in lines_:
            ws = []
            for w in ln.split(" "):
                if w in keep or r.random() > 0.2:
                    ws.append(w)
                else:
                    ws.append(w.replace("o", "0", 1).replace("l", "1", 1) if r.random() < 0.5 else w.replace("a", "e", 1))
            noisy.append(" ".join(ws))
        txt = "\n".join(noisy) + "\n\f"
        doc = c.file(f"kuittaukset/skannaus_{20230900 + k * 7}.txt", txt, "text")
        c.name(p, doc, p.name, "Vastaanottaja")
        c.el(p, doc, "postal_address", "Osoite", p.a["addr"]["street"])
        c.el(p, doc, "delivery_info", "Toimitettu")
        c.el(p, doc, "health_data", "Tuotteet", p.a["prod"])
    return c
