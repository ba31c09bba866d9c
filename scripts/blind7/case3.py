"""Case 3 — logistics processor of home deliveries of incontinence products (Finland).

Shapes: the regions' customer lists as Google-Sheets CSV downloads (two title rows padded with commas, the header in
row 3, "Sukunimi, Etunimi" in one cell, trailing summary rows, zips that lost their leading zero; one region in
Swedish); weekly courier shipment exports where the address is split over Address1..Address3 (one carrier in
UTF-8 with BOM and Finnish headers, one in ISO-8859-1 with English headers and quoting); ZPL label print spools
(one printer ^CI28 UTF-8, one ^FH hex-escaped); a Shopify orders export of the manufacturer's self-pay shop (line
items on extra rows, HETU in "Note Attributes", apostrophe-prefixed phones and zips, a relative as the payer); a
SOAP integration log of two hearing-aid companies (envelopes inside log lines, numeric character references); a
Thunderbird mbox of customer service (HTML-only or multipart/alternative, quoted-printable, forwarded chains).
"""
import csv
import datetime as dt
import io
import random

from common import Case
import fmt
import people as P
from shared import ids, check

PROCESSOR = "Kotijakelu Logistiikka Oy"
MANUF = "Absorbia Finland Oy (itse maksavat asiakkaat)"
HEAR = {"KP": "Kuulopiste Oy", "AN": "AudioNord Ab"}
REGIONS = [
    ("PHHVA", "Päijät-Hämeen hyvinvointialue", 138, 0.0, [("Lahti", "15100"), ("Heinola", "18100"), ("Orimattila", "16300"), ("Hollola", "15870"), ("Asikkala", "17320")]),
    ("PKHVA", "Pohjois-Karjalan hyvinvointialue", 112, 0.0, [("Joensuu", "80100"), ("Kitee", "82500"), ("Lieksa", "81700"), ("Nurmes", "75500"), ("Outokumpu", "83500")]),
    ("IUHVA", "Itä-Uudenmaan hyvinvointialue", 73, 0.45, [("Porvoo", "06100"), ("Loviisa", "07900"), ("Sipoo", "04130"), ("Askola", "07500")]),
    ("LUHVA", "Länsi-Uudenmaan hyvinvointialue", 217, 0.15, [("Espoo", "02100"), ("Lohja", "08100"), ("Kirkkonummi", "02400"), ("Raasepori", "10600"), ("Kauniainen", "02700")]),
    ("KYHVA", "Kymenlaakson hyvinvointialue", 169, 0.0, [("Kotka", "48100"), ("Kouvola", "45100"), ("Hamina", "49400"), ("Pyhtää", "49220")]),
    ("KUHVA", "Keski-Uudenmaan hyvinvointialue", 89, 0.05, [("Hyvinkää", "05800"), ("Järvenpää", "04400"), ("Kerava", "04200"), ("Tuusula", "04300"), ("Nurmijärvi", "01900")]),
    ("HKI", "Helsingin kaupunki", 100, 0.1, [("Helsinki", "00100"), ("Helsinki", "00530"), ("Helsinki", "00940"), ("Helsinki", "00200")]),
    ("HUS", "HUS-yhtymä", 45, 0.1, [("Helsinki", "00290"), ("Espoo", "02740"), ("Vantaa", "01300")]),
]
SV_TOWN = {"Porvoo": "Borgå", "Loviisa": "Lovisa", "Sipoo": "Sibbo", "Askola": "Askola", "Raasepori": "Raseborg", "Espoo": "Esbo",
           "Kirkkonummi": "Kyrkslätt", "Lohja": "Lojo", "Kauniainen": "Grankulla", "Helsinki": "Helsingfors"}
PRODUCTS_FI = [("Teippivaippa", True), ("Housuvaippa", True), ("Inkontinenssisuoja", True), ("Vuodesuoja", True), ("Aikuisten vaippahousu", True)]
PRODUCTS_SV = [("Tejpblöja", True), ("Byxblöja", True), ("Inkontinensskydd", True), ("Sängskydd", True)]
NOTES_FI = ["Ovikoodi {c}", "Ovikoodi {c}, soita ennen", "Jätä ovelle", "Soita tullessa, huonokuuloinen", "Avain naapurilla (as {a})",
            "Toimitus vain tiistaisin", "Porraskäytävä B, hissi ei toimi", "Koira pihalla", ""]
NOTES_SV = ["Portkod {c}", "Portkod {c}, ring innan", "Lämna vid dörren", "Ring vid ankomst", "Nyckel hos grannen", ""]
HEAR_ITEMS = ["Kuulokojeparisto 312 (60 kpl)", "Kuulokojeparisto 13 (60 kpl)", "Kuulokojeparisto 10 (60 kpl)", "Kupu M (10 kpl)",
              "Kuivatustabletit (8 kpl)", "Puhdistuspyyhkeet (25 kpl)", "Vahasuodatin (8 kpl)"]
SHOP_ITEMS = [("Absorbia Pants Plus M 14 kpl", "ABS-PP-M", 18.90), ("Absorbia Pants Plus L 14 kpl", "ABS-PP-L", 18.90),
              ("Absorbia Slip Maxi L 24 kpl", "ABS-SM-L", 32.50), ("Absorbia Lady Normal 12 kpl", "ABS-LN", 6.40),
              ("Absorbia Men Level 2 10 kpl", "ABS-M2", 7.20), ("Absorbia Vuodesuoja 60x90 30 kpl", "ABS-VS", 21.00),
              ("Absorbia Kosteuspyyhkeet 63 kpl", "ABS-KP", 4.90)]
SENDER_PHONE = ("09 4242 100", "+35894242100")
STAFF = [("Sanna Virtanen", "palveluohjaaja", "sanna.virtanen@phhyky.test", "044 719 5501", "+358447195501", "Päijät-Hämeen hyvinvointialue"),
         ("Kaisa Hiltunen", "hoitotarvikejakelu", "kaisa.hiltunen@siunsote.test", "013 330 2211", "+358133302211", "Pohjois-Karjalan hyvinvointialue"),
         ("Johanna Lindberg", "servicehandledare", "johanna.lindberg@ostranyland.test", "019 520 4400", "+358195204400", "Itä-Uudenmaan hyvinvointialue")]
AGENTS = [("Minna Koskinen", "minna.koskinen@kotijakelu.test"), ("Patrik Sjöholm", "patrik.sjoholm@kotijakelu.test")]


class Cu:
    pass


def wcsv(rows, delim=",", quoting=csv.QUOTE_MINIMAL, eol="\r\n"):
    b = io.StringIO()
    w = csv.writer(b, delimiter=delim, quoting=quoting, lineterminator=eol)
    for r in rows:
        w.writerow(r)
    return b.getvalue()


def build(seed):
    rng = random.Random(f"blind7-case3-{seed}")
    case = Case(3, "fi_deliveries_courier", "Home-delivery logistics processor (FI): region lists from Google Sheets, courier "
                "exports, ZPL print spools, Shopify self-pay orders, hearing-aid SOAP log, customer-service mbox", rng)
    case.extra["processor"] = PROCESSOR
    case.extra["health_inference"] = ("incontinence products (vaippa, suoja, blöja, skydd) next to a person reveal a continence "
                                      "condition: health_data required; hearing-aid batteries and domes: optional")
    rmeta = {code: (name, sv, towns) for code, name, n, sv, towns in REGIONS}

    def mk(lang, region=None, towns=None, old=True):
        c = Cu()
        c.lang = lang
        c.nm = P.unique_name(rng, case, lang)
        c.dob = P.dob(rng, 1922, 1975) if old else P.dob(rng, 1940, 1995)
        c.p = case.person(c.nm.full, lang)
        c.phone = None
        r = rng.random()
        if r < 0.58:
            c.phone = P.phone(rng, case, "FI")
        elif r < 0.86:
            c.phone = P.phone(rng, case, "FI", "landline")
        c.addr = P.fi_address(rng, towns, lang == "sv") if towns else None
        c.email = None
        c.hetu = None
        c.rel = None
        c.regions = []
        c.old_addr = None
        return c

    # ------------------------------------------------------------ region customers
    customers = []
    by_region = {}
    for code, name, n, sv, towns in REGIONS:
        lst = []
        for _ in range(n):
            lang = "sv" if rng.random() < sv else "fi"
            c = mk(lang, code, towns)
            c.regions = [code]
            c.product = rng.choice(PRODUCTS_SV if lang == "sv" else PRODUCTS_FI)[0]
            c.size = rng.choice(["S", "M", "M", "L", "XL"])
            c.qty = rng.randint(1, 6)
            c.interval = rng.choice([2, 4, 4, 4, 8])
            c.note = rng.choice(NOTES_SV if lang == "sv" else NOTES_FI).format(c=rng.randint(1000, 9999), a=rng.randint(1, 40))
            c.months = {4, 5} if rng.random() < 0.9 else ({4} if rng.random() < 0.5 else {5})
            c.p.ctrl(name)
            if rng.random() < 0.12:
                r = Cu()
                r.nm = P.unique_name(rng, case, lang)
                if rng.random() < 0.6:
                    for _t in range(50):
                        cand = P.make_name(rng, lang)
                        cand.surname = c.nm.surname
                        if case.claim_name(cand.full):
                            r.nm = cand
                            break
                r.p = case.person(r.nm.full, lang)
                r.phone = P.phone(rng, case, "FI")
                r.email = None
                r.rel = rng.choice(["poika", "tytär", "puoliso", "sisar"] if lang == "fi" else ["son", "dotter", "make", "syster"])
                r.p.ctrl(name)
                r.p.note = f"contact person ({r.rel}) of {c.p.tid}"
                c.rel = r
            c.old_addr = None
            lst.append(c)
            customers.append(c)
        by_region[code] = lst
    # movers: listed by one region in April (old address) and by another in May (new address), same phone
    movers = [c for c in customers if c.phone and c.months == {4, 5} and c.rel is None]
    rng.shuffle(movers)
    moved = []
    codes = [r[0] for r in REGIONS]
    for c in movers[:10]:
        src = c.regions[0]
        dst = rng.choice([x for x in codes if x != src])
        c.old_addr = c.addr
        c.addr = P.fi_address(rng, rmeta[dst][2], c.lang == "sv")
        c.regions = [src, dst]
        c.p.ctrl(rmeta[dst][0])
        by_region[dst].append(c)
        moved.append(c)
        c.p.note = f"moved from {rmeta[src][0]} to {rmeta[dst][0]} (same phone)"

    def addr_of(c, region, month):
        if c.old_addr is not None and region == c.regions[0] and month == 4:
            return c.old_addr
        return c.addr

    def in_month(c, region, month):
        if c.old_addr is not None:
            return (region == c.regions[0] and month == 4) or (region == c.regions[1] and month == 5)
        return month in c.months

    # ------------------------------------------------------------ self-payers (HETU only here) and hearing-aid customers
    selfpay = []
    for _ in range(rng.randint(95, 110)):
        lang = "sv" if rng.random() < 0.12 else "fi"
        c = mk(lang, towns=rng.choice(REGIONS)[4], old=False)
        if c.phone is None or rng.random() < 0.3:
            c.phone = P.phone(rng, case, "FI")
        c.hetu = P.nid(rng, case, "FI", c.dob, c.nm.female)[1]
        c.email = P.email(rng, case, c.nm.given, c.nm.surname)
        c.p.ctrl(MANUF)
        selfpay.append(c)
    both = [c for c in customers if c.phone and c.old_addr is None and c.rel is None]
    rng.shuffle(both)
    for c in both[:8]:                     # region customers who also buy at their own cost
        c.hetu = P.nid(rng, case, "FI", c.dob, c.nm.female)[1]
        c.email = P.email(rng, case, c.nm.given, c.nm.surname)
        c.p.ctrl(MANUF)
        c.p.note = (c.p.note + "; " if c.p.note else "") + "also a self-paying web-shop customer"
        selfpay.append(c)
    hearing = []
    for _ in range(rng.randint(100, 120)):
        lang = "sv" if rng.random() < 0.3 else "fi"
        town_src = rng.choice(REGIONS)[4]
        c = mk(lang, towns=town_src)
        if c.phone is None:
            c.phone = P.phone(rng, case, "FI")
        c.email = P.email(rng, case, c.nm.given, c.nm.surname) if rng.random() < 0.5 else None
        c.company = "AN" if lang == "sv" or rng.random() < 0.2 else "KP"
        c.p.ctrl(HEAR[c.company])
        hearing.append(c)
    for c in both[8:14]:                   # region customers with a hearing aid too
        c.company = rng.choice(["KP", "AN"])
        c.p.ctrl(HEAR[c.company])
        c.p.note = (c.p.note + "; " if c.p.note else "") + "also a hearing-aid customer"
        hearing.append(c)

    # ------------------------------------------------------------ 1. region lists (Google Sheets CSV)
    for code, name, n, sv, towns in REGIONS:
        swedish = sv > 0.4
        for month in (4, 5):
            path = f"asiakaslistat/{code}/{'kundlista' if swedish else 'asiakkaat'}_2023-{month:02d}.csv"
            rows = []
            ncol = 12
            if swedish:
                rows.append([f"Östra Nylands välfärdsområde – Hemleverans av inkontinensprodukter"] + [""] * (ncol - 1))
                rows.append([f"Kundlista {month:02d}/2023 (uppdaterad {rng.randint(1, 5)}.{month}.2023)"] + [""] * (ncol - 1))
                rows.append(["Kund (Efternamn, Förnamn)", "Gatuadress", "Postnr", "Postort", "Telefon", "Produkt", "Storlek", "Mängd / mån",
                             "Leveransintervall", "Tilläggsinformation", "Kontaktperson", "Kontaktpersonens telefon"])
            else:
                rows.append([f"{name} – Inkontinenssituotteiden kotiinkuljetus"] + [""] * (ncol - 1))
                rows.append([f"Asiakasluettelo {month:02d}/2023 (päivitetty {rng.randint(1, 5)}.{month}.2023)"] + [""] * (ncol - 1))
                rows.append(["Asiakas (Sukunimi, Etunimi)", "Lähiosoite", "Postinro", "Postitoimipaikka", "Puhelin", "Tuote", "Koko",
                             "Määrä / kk", "Toimitusväli", "Lisätiedot", "Yhteyshenkilö", "Yhteyshenkilön puhelin"])
            members = sorted([c for c in by_region[code] if in_month(c, code, month)], key=lambda c: (c.nm.surname, c.nm.given))
            rec = []
            total = 0
            for c in members:
                a = addr_of(c, code, month)
                zp = a["zip"].lstrip("0") if a["zip"].startswith("0") and rng.random() < 0.7 else a["zip"]
                town = (SV_TOWN.get(a["town"], a["town"]) if swedish else a["town"]).upper()
                ph = ids.render_phone(rng, "FI", c.phone[0])[0] if c.phone else ""
                rel_name = rel_ph = ""
                if c.rel:
                    rel_name = f"{c.rel.nm.full} ({c.rel.rel})"
                    rel_ph = ids.render_phone(rng, "FI", c.rel.phone[0])[0]
                who = f"{c.nm.surname}, {c.nm.given}"
                rows.append([who, a["street"], zp, town, ph, c.product, c.size, f"{c.qty} {'förp' if swedish else 'pkt'}",
                             f"{c.interval} {'v' if swedish else 'vk'}", c.note, rel_name, rel_ph])
                total += c.qty
                rec.append((c, who, a, ph, rel_ph))
            rows.append([""] * ncol)
            rows.append(["Totalt" if swedish else "Yhteensä", f"{len(members)} {'kunder' if swedish else 'asiakasta'}"] + [""] * (ncol - 2))
            rows.append(["Förpackningar / mån" if swedish else "Pakkauksia / kk yhteensä", str(total)] + [""] * (ncol - 2))
            case.add(path, wcsv(rows))
            for c, who, a, ph, rel_ph in rec:
                p = c.p
                p.nm([who], path, "Asiakas (Sukunimi, Etunimi)")
                p.val("postal_address", a["street"], path, "Lähiosoite")
                if ph:
                    p.ident("phone", c.phone[1], ph, path, "Puhelin")
                p.val("health_data", c.product, path, "Tuote")
                p.el("delivery_info", path, "Toimitusväli / Lisätiedot")
                p.el("purchase_history", path, "Tuote / Määrä", req=False)
                if c.rel:
                    c.rel.p.nm([c.rel.nm.full], path, "Yhteyshenkilö")
                    c.rel.p.ident("phone", c.rel.phone[1], rel_ph, path, "Yhteyshenkilön puhelin")

    # ------------------------------------------------------------ 2. courier exports (weeks 14–21) and 3. ZPL spools (week 19)
    weeks = list(range(14, 22))
    shipments = []                       # (week, sender_code, customer, address, contents_explicit, reference)
    for w in weeks:
        month = 4 if w <= 17 else 5
        for code, name, n, sv, towns in REGIONS:
            for c in by_region[code]:
                if not in_month(c, code, month):
                    continue
                if rng.random() < {2: 0.5, 4: 0.25, 8: 0.125}[c.interval]:
                    shipments.append((w, code, c, addr_of(c, code, month), rng.random() < 0.3, f"{code}-2023-{rng.randint(10000, 99999)}"))
        for c in selfpay:
            if rng.random() < 0.2:
                shipments.append((w, "SHOP", c, c.addr, False, f"#{rng.randint(1001, 4999)}"))
        for c in hearing:
            if rng.random() < 0.1:
                shipments.append((w, c.company, c, c.addr, False, f"{c.company}-{rng.randint(10000, 99999)}"))
    carrier_of = {code: ("posti" if i % 2 == 0 else "matkahuolto") for i, code in enumerate([r[0] for r in REGIONS] + ["SHOP", "KP", "AN"])}
    groups = {}
    for s in shipments:
        groups.setdefault((s[0], s[1]), []).append(s)
    tracking = {}
    for (w, code), lst in sorted(groups.items()):
        carrier = carrier_of[code]
        path = f"kuljetus/2023-vk{w}/{carrier}_{code}_vk{w}.csv"
        recs = []
        if carrier == "posti":
            rows = [["Lähetystunnus", "Palvelu", "Vastaanottaja", "Osoite1", "Osoite2", "Osoite3", "Postinumero", "Postitoimipaikka", "Maa",
                     "Puhelin", "Sähköposti", "Viite", "Kollit", "Paino (kg)", "Sisältö", "Toimitusohje"]]
        else:
            rows = [["Shipment ID", "Service", "Receiver Name", "Receiver Address1", "Receiver Address2", "Receiver Address3", "Receiver Zip",
                     "Receiver City", "Receiver Country", "Receiver Phone", "Receiver Email", "Reference", "Parcels", "Weight", "Contents",
                     "Delivery Instruction"]]
        for (_, _, c, a, explicit, ref) in lst:
            tid = f"JJFI64{rng.randint(10 ** 13, 10 ** 14 - 1)}"
            tracking[(w, code, c.p.tid)] = tid
            street = a["street"]
            parts = street.split(" ")
            if len(parts) >= 4 and rng.random() < 0.6:
                a1, a2, a3 = " ".join(parts[:2]), " ".join(parts[2:]), ""
            elif rng.random() < 0.25:
                a1, a2, a3 = street, "", (f"Ovikoodi {rng.randint(1000, 9999)}" if c.lang == "fi" else f"Portkod {rng.randint(1000, 9999)}")
            elif rng.random() < 0.15:
                a1, a2, a3 = rng.choice(["Palvelutalo Kotikallio", "Seniorikoti Aurinko", "Servicehuset Solgården"]), street, f"huone {rng.randint(1, 40)}"
            else:
                a1, a2, a3 = street, "", ""
            ph = ids.render_phone(rng, "FI", c.phone[0])[0] if c.phone and rng.random() < 0.92 else ""
            mail = c.email if code == "SHOP" and c.email else ""
            if code in ("KP", "AN"):
                contents = "Kuulokojetarvikkeita"
            elif code == "SHOP":
                contents = "Hygieniatuotteita"
            else:
                contents = (c.product if explicit else ("Hygieniatuotteita" if c.lang == "fi" else "Hygienprodukter"))
            instr = getattr(c, "note", "") if code not in ("SHOP", "KP", "AN") else ""
            name_w = c.nm.full if rng.random() < 0.6 else f"{c.nm.surname} {c.nm.given}".upper()
            city = a["town"].upper()
            rows.append([tid, rng.choice(["Kotipaketti", "Postipaketti", "Kotijakelu ilta"]) if carrier == "posti" else rng.choice(["Lähellä-paketti", "Kotijakelu"]),
                         name_w, a1, a2, a3, a["zip"], city, "FI", ph, mail, ref, str(rng.randint(1, 3)), f"{rng.uniform(1.5, 12):.1f}".replace(".", "," if carrier == "posti" else "."),
                         contents, instr])
            recs.append((c, name_w, a1, a2, ph, mail, explicit and code not in ("SHOP", "KP", "AN"), instr))
        if carrier == "posti":
            case.add(path, "\ufeff" + wcsv(rows, delim=";"), enc="utf-8")
        else:
            case.add(path, wcsv(rows, delim=",", quoting=csv.QUOTE_ALL), enc="iso-8859-1")
        if w == 14 and len(rows) > 1:
            case.decoy("parcel_tracking_id", rows[1][0], path, rows[0][0], "carrier's parcel id")
        for c, name_w, a1, a2, ph, mail, explicit, instr in recs:
            p = c.p
            p.nm([name_w], path, "Vastaanottaja" if carrier == "posti" else "Receiver Name")
            p.val("postal_address", a1, path, "Osoite1..3" if carrier == "posti" else "Receiver Address1..3")
            if ph:
                p.ident("phone", c.phone[1], ph, path, "Puhelin" if carrier == "posti" else "Receiver Phone")
            if mail:
                p.ident("email", c.email, mail, path, "Sähköposti" if carrier == "posti" else "Receiver Email")
            p.el("delivery_info", path, "shipment")
            if explicit:
                p.val("health_data", c.product, path, "Sisältö" if carrier == "posti" else "Contents")
            else:
                p.el("health_data", path, "shipment of the processor's products (neutral contents)", req=False)

    # ZPL print spools for week 19
    printer_of = {code: ("ZT410-LAHTI" if i % 2 == 0 else "GK420-VANTAA") for i, code in enumerate([r[0] for r in REGIONS] + ["SHOP", "KP", "AN"])}
    week19 = [s for s in shipments if s[0] == 19]
    days = [dt.date(2023, 5, 8) + dt.timedelta(days=i) for i in range(5)]
    spool = {}
    for s in week19:
        spool.setdefault((printer_of[s[1]], rng.choice(days)), []).append(s)
    sender_decoy = False
    for (printer, day), lst in sorted(spool.items()):
        path = f"tulostus/zpl/{printer}_{day:%Y-%m-%d}.zpl"
        hexed = printer.startswith("GK420")
        out = []
        recs = []
        for (w, code, c, a, explicit, ref) in lst:
            tid = tracking[(w, code, c.p.tid)]
            name_u = f"{c.nm.surname} {c.nm.given}".upper()
            street = a["street"]
            town = f"{a['zip']} {a['town'].upper()}"
            fd = (lambda s: "^FH^FD" + fmt.zpl_hex(s)) if hexed else (lambda s: "^FD" + s)
            out += ["^XA", "^CI28" if not hexed else "^CI0", "^PW812", "^LL1218", "^LH0,0",
                    f"^FO40,40^A0N,24,24^FDLähettäjä / Avsändare: {PROCESSOR}, Tikkurilantie 140, 01530 VANTAA, puh. {SENDER_PHONE[0]}^FS"
                    if not hexed else f"^FO40,40^A0N,24,24^FH^FD{fmt.zpl_hex(f'Lähettäjä: {PROCESSOR}, Tikkurilantie 140, 01530 VANTAA, puh. {SENDER_PHONE[0]}')}^FS",
                    f"^FO40,110^A0N,44,44{fd(name_u)}^FS", f"^FO40,165^A0N,38,38{fd(street)}^FS", f"^FO40,210^A0N,38,38{fd(town)}^FS"]
            ph = ""
            if c.phone:
                ph = ids.render_phone(rng, "FI", c.phone[0], style=rng.choice([0, 6]))[0]
                out.append(f"^FO40,260^A0N,30,30^FDPuh. {ph}^FS")
            note = getattr(c, "note", "") if code not in ("SHOP", "KP", "AN") else ""
            if note:
                out.append(f"^FO40,305^A0N,26,26{fd(note)}^FS")
            out += [f"^FO40,400^BY3^BCN,160,Y,N,N^FD{tid}^FS", f"^FO40,640^A0N,26,26^FDViite: {ref}  1/1^FS", "^PQ1,0,1,Y", "^XZ"]
            recs.append((c, name_u, street, ph, note))
        case.add(path, "\n".join(out) + "\n", kind="zpl")
        if not sender_decoy and not hexed:
            case.decoy("processor_phone", SENDER_PHONE[1], path, "sender block", "the processor's switchboard", raw=SENDER_PHONE[0])
            sender_decoy = True
        for c, name_u, street, ph, note in recs:
            p = c.p
            ascii_name = name_u == ids.ascii_fold(name_u)
            p.nm([name_u], path, "^FD receiver" + (" (^FH hex)" if hexed else ""), req=not hexed or ascii_name)
            p.val("postal_address", street, path, "^FD street" + (" (^FH hex)" if hexed else ""), req=not hexed or street == ids.ascii_fold(street))
            if ph:
                p.ident("phone", c.phone[1], ph, path, "^FD Puh.")
            p.el("delivery_info", path, "shipping label" + (" (door code)" if note else ""))
            p.el("health_data", path, "label of the processor's shipment", req=False)

    # ------------------------------------------------------------ 4. Shopify orders export (self-pay shop)
    cols = ["Name", "Email", "Financial Status", "Paid at", "Fulfillment Status", "Fulfilled at", "Accepts Marketing", "Currency",
            "Subtotal", "Shipping", "Taxes", "Total", "Discount Code", "Discount Amount", "Shipping Method", "Created at",
            "Lineitem quantity", "Lineitem name", "Lineitem price", "Lineitem compare at price", "Lineitem sku",
            "Lineitem requires shipping", "Lineitem taxable", "Lineitem fulfillment status", "Billing Name", "Billing Street",
            "Billing Address1", "Billing Address2", "Billing Company", "Billing City", "Billing Zip", "Billing Province",
            "Billing Country", "Billing Phone", "Shipping Name", "Shipping Street", "Shipping Address1", "Shipping Address2",
            "Shipping Company", "Shipping City", "Shipping Zip", "Shipping Province", "Shipping Country", "Shipping Phone",
            "Notes", "Note Attributes", "Cancelled at", "Payment Method", "Payment Reference", "Refunded Amount", "Vendor",
            "Outstanding Balance", "Employee", "Location", "Device ID", "Id", "Tags", "Risk Level", "Source", "Lineitem discount",
            "Tax 1 Name", "Tax 1 Value", "Phone", "Receipt Number"]
    ix = {c: i for i, c in enumerate(cols)}
    orders = []
    for c in selfpay:
        for _ in range(rng.randint(1, 3)):
            orders.append((dt.datetime(2023, 3, 1) + dt.timedelta(minutes=rng.randint(0, 90 * 24 * 60)), c))
    orders.sort(key=lambda x: (x[0], x[1].p.tid))
    by_month = {}
    payers = {}
    typos = []
    cnt = {}
    for when, c in orders:
        cnt[c.p.tid] = cnt.get(c.p.tid, 0) + 1
    typo_ok = {t for t, n in cnt.items() if n >= 2}
    for k, (when, c) in enumerate(orders):
        by_month.setdefault(when.month, []).append((1001 + k, when, c))
    for m, lst in sorted(by_month.items()):
        path = f"verkkokauppa/orders_export_2023-{m:02d}.csv"
        rows = [cols]
        recs = []
        for num, when, c in lst:
            items = rng.sample(SHOP_ITEMS, rng.randint(1, 3))
            qtys = [rng.randint(1, 4) for _ in items]
            sub = sum(q * it[2] for q, it in zip(qtys, items))
            ship = 0.0 if sub > 50 else 6.90
            relative = payers.get(c.p.tid)
            if relative is None and rng.random() < 0.12 and c.old_addr is None:
                r = Cu()
                r.nm = P.unique_name(rng, case, c.lang)
                r.p = case.person(r.nm.full, c.lang)
                r.email = P.email(rng, case, r.nm.given, r.nm.surname)
                r.phone = P.phone(rng, case, "FI")
                r.p.ctrl(MANUF)
                r.p.note = f"relative who orders and pays for {c.p.tid}"
                payers[c.p.tid] = r
                relative = r
            ts = when.strftime("%Y-%m-%d %H:%M:%S +0300")
            a = c.addr
            bill = relative or c
            row = [""] * len(cols)
            row[ix["Name"]] = f"#{num}"
            row[ix["Email"]] = bill.email
            row[ix["Financial Status"]] = "paid"
            row[ix["Paid at"]] = ts
            row[ix["Fulfillment Status"]] = "fulfilled"
            row[ix["Fulfilled at"]] = (when + dt.timedelta(days=1)).strftime("%Y-%m-%d %H:%M:%S +0300")
            row[ix["Accepts Marketing"]] = rng.choice(["yes", "no"])
            row[ix["Currency"]] = "EUR"
            row[ix["Subtotal"]] = f"{sub:.2f}"
            row[ix["Shipping"]] = f"{ship:.2f}"
            row[ix["Taxes"]] = f"{(sub + ship) * 0.24 / 1.24:.2f}"
            row[ix["Total"]] = f"{sub + ship:.2f}"
            row[ix["Discount Amount"]] = "0.00"
            row[ix["Shipping Method"]] = rng.choice(["Posti Kotipaketti", "Matkahuolto Lähellä-paketti", "Nouto Pakettiautomaatista"])
            row[ix["Created at"]] = ts
            bph = ids.render_phone(rng, "FI", bill.phone[0], style=rng.choice([2, 3, 6]))[0]
            row[ix["Billing Name"]] = bill.nm.full
            if relative:
                ra = P.fi_address(rng, rng.choice(REGIONS)[4])
                row[ix["Billing Street"]] = row[ix["Billing Address1"]] = ra["street"]
                row[ix["Billing City"]] = ra["town"]
                row[ix["Billing Zip"]] = "'" + ra["zip"]
            else:
                row[ix["Billing Street"]] = row[ix["Billing Address1"]] = a["street"]
                row[ix["Billing City"]] = a["town"]
                row[ix["Billing Zip"]] = "'" + a["zip"]
            row[ix["Billing Country"]] = "FI"
            row[ix["Billing Phone"]] = "'" + bph
            row[ix["Shipping Name"]] = c.nm.full
            row[ix["Shipping Street"]] = row[ix["Shipping Address1"]] = a["street"]
            row[ix["Shipping City"]] = a["town"]
            row[ix["Shipping Zip"]] = "'" + a["zip"]
            row[ix["Shipping Country"]] = "FI"
            sph = ""
            if relative or rng.random() < 0.5:
                sph = ids.render_phone(rng, "FI", c.phone[0], style=rng.choice([2, 3]))[0]
                row[ix["Shipping Phone"]] = "'" + sph
            note = rng.choice(["", "", "Jätä oven taakse, ovikoodi " + str(rng.randint(1000, 9999)), "Soittakaa ennen toimitusta", "Ring på dörrklockan två gånger"])
            row[ix["Notes"]] = note
            hetu_raw = c.hetu if rng.random() < 0.85 else c.hetu.lower()
            if c.p.tid in typo_ok and rng.random() < 0.5 and len(typos) < 6:
                bad = c.hetu[:-1] + next(ch for ch in "0123456789ABCDEFHJKLMNPRSTUVWXY" if ch != c.hetu[-1] and
                                         not check.any_person_id(c.hetu[:-1] + ch) and not check.v_fi(c.hetu[:-1] + ch))
                typos.append((bad, path))
                hetu_raw = None
            shown = hetu_raw or typos[-1][0]
            row[ix["Note Attributes"]] = (f"hetu (vastaanottaja): {shown}\ntilaaja: omainen" if relative else
                                          f"hetu: {shown}\nkela_korvaus: {rng.choice(['ei', 'haettu'])}")
            row[ix["Payment Method"]] = rng.choice(["Paytrail", "Klarna", "Paytrail"])
            row[ix["Payment Reference"]] = "c%015x" % rng.getrandbits(60)
            row[ix["Refunded Amount"]] = "0.00"
            row[ix["Vendor"]] = "Absorbia"
            row[ix["Outstanding Balance"]] = "0.00"
            row[ix["Id"]] = str(5100000000000 + rng.randint(0, 99999999))
            row[ix["Risk Level"]] = "Low"
            row[ix["Source"]] = "web"
            row[ix["Tax 1 Name"]] = "ALV 24%"
            row[ix["Tax 1 Value"]] = row[ix["Taxes"]]
            for i, (it, q) in enumerate(zip(items, qtys)):
                r = row if i == 0 else [""] * len(cols)
                if i:
                    r[ix["Name"]] = f"#{num}"
                r[ix["Lineitem quantity"]] = str(q)
                r[ix["Lineitem name"]] = it[0]
                r[ix["Lineitem price"]] = f"{it[2]:.2f}"
                r[ix["Lineitem sku"]] = it[1]
                r[ix["Lineitem requires shipping"]] = "true"
                r[ix["Lineitem taxable"]] = "true"
                r[ix["Lineitem fulfillment status"]] = "fulfilled"
                r[ix["Lineitem discount"]] = "0.00"
                rows.append(r)
            recs.append((c, relative, bph, sph, hetu_raw, note, a))
        case.add(path, wcsv(rows, eol="\n"))
        for bad, bp in typos:
            if bp == path:
                case.decoy("mistyped_hetu", bad, path, "Note Attributes", "HETU typed with a wrong check character (fails the check)", must_fail=True)
        case.decoy("order_id", rows[1][ix["Id"]], path, "Id", "Shopify order id")
        for c, relative, bph, sph, hetu_raw, note, a in recs:
            p = c.p
            p.nm([c.nm.full], path, "Shipping Name")
            p.val("postal_address", a["street"], path, "Shipping Address1")
            if hetu_raw:
                p.ident("fi_hetu", c.hetu, hetu_raw, path, "Note Attributes (hetu)")
                p.el("date_of_birth", path, "hetu (derived)", req=False)
            p.el("purchase_history", path, "Lineitem name")
            p.el("health_data", path, "Lineitem name (incontinence products)")
            p.el("delivery_info", path, "Shipping Method / Shipping address" + (" / Notes" if note else ""), req=bool(note))
            if sph:
                p.ident("phone", c.phone[1], sph, path, "Shipping Phone")
            if relative:
                r = relative
                r.p.nm([r.nm.full], path, "Billing Name")
                r.p.ident("email", r.email, r.email, path, "Email")
                r.p.ident("phone", r.phone[1], bph, path, "Billing Phone")
                r.p.el("postal_address", path, "Billing Address1")
                r.p.el("purchase_history", path, "order paid for a relative", req=False)
            else:
                p.ident("email", c.email, c.email, path, "Email")
                p.ident("phone", c.phone[1], bph, path, "Billing Phone")

    # ------------------------------------------------------------ 5. SOAP integration log of the hearing-aid companies
    for comp in ("KP", "AN"):
        custs = [c for c in hearing if c.company == comp]
        for m in (4, 5):
            path = f"kuulokojeet/soap/{comp.lower()}-integration-2023-{m:02d}.log"
            out = []
            recs = []
            evs = sorted(((dt.datetime(2023, m, 1, 7) + dt.timedelta(days=rng.randint(0, 29), minutes=rng.randint(0, 11 * 60)), c) for c in custs if rng.random() < 0.6),
                         key=lambda e: (e[0], e[1].p.tid))
            for when, c in evs:
                ncr = comp == "AN" and rng.random() < 0.5
                enc = (lambda s: "".join(ch if ord(ch) < 128 else f"&#{ord(ch)};" for ch in fmt.xe(s))) if ncr else fmt.xe
                ext = f"{comp}-{rng.randint(10000, 99999)}"
                a = c.addr
                ph = ids.render_phone(rng, "FI", c.phone[0], style=rng.choice([2, 3, 6]))[0]
                lines = rng.sample(HEAR_ITEMS, rng.randint(1, 3))
                note = rng.choice(["", "", "Soita ennen toimitusta", "Jätä postilaatikkoon", "Ring innan leverans"])
                stamp = when.strftime("%Y-%m-%d %H:%M:%S") + f",{rng.randint(0, 999):03d}"
                env = ('<?xml version="1.0" encoding="UTF-8"?><soapenv:Envelope xmlns:soapenv="http://schemas.xmlsoap.org/soap/envelope/" '
                       'xmlns:ord="urn:kotijakelu:order:v2"><soapenv:Header><ord:Auth><ord:Client>' + ("KUULOPISTE" if comp == "KP" else "AUDIONORD") +
                       '</ord:Client><ord:Token>***</ord:Token></ord:Auth></soapenv:Header><soapenv:Body><ord:createDeliveryOrder><ord:Order>'
                       f'<ord:ExternalId>{ext}</ord:ExternalId><ord:Recipient><ord:Name>{enc(c.nm.full)}</ord:Name>'
                       f'<ord:Street>{enc(a["street"])}</ord:Street><ord:PostalCode>{a["zip"]}</ord:PostalCode><ord:City>{enc(a["town"])}</ord:City>'
                       f'<ord:Phone>{ph}</ord:Phone>' + (f'<ord:Email>{c.email}</ord:Email>' if c.email else '<ord:Email/>') +
                       '</ord:Recipient><ord:Lines>' + "".join(f'<ord:Line><ord:Description>{enc(x)}</ord:Description><ord:Qty>{rng.randint(1, 3)}</ord:Qty></ord:Line>' for x in lines) +
                       '</ord:Lines>' + (f'<ord:DeliveryNote>{enc(note)}</ord:DeliveryNote>' if note else '') +
                       '</ord:Order></ord:createDeliveryOrder></soapenv:Body></soapenv:Envelope>')
                th = rng.randint(1, 12)
                out.append(f'{stamp} INFO  [http-nio-8443-exec-{th}] f.k.ws.OrderEndpoint - >>> POST /ws/OrderService SOAPAction="urn:createDeliveryOrder" client={comp}')
                out.append(f"{stamp} DEBUG [http-nio-8443-exec-{th}] f.k.ws.PayloadLogger - request payload: {env}")
                oid = f"KJ{rng.randint(10 ** 7, 10 ** 8 - 1)}"
                out.append(f"{stamp} INFO  [http-nio-8443-exec-{th}] f.k.ws.OrderEndpoint - <<< 200 OK "
                           f'<soapenv:Envelope xmlns:soapenv="http://schemas.xmlsoap.org/soap/envelope/"><soapenv:Body><ord:createDeliveryOrderResponse xmlns:ord="urn:kotijakelu:order:v2"><ord:OrderId>{oid}</ord:OrderId><ord:Status>ACCEPTED</ord:Status></ord:createDeliveryOrderResponse></soapenv:Body></soapenv:Envelope>')
                recs.append((c, ph, note, enc(c.nm.full), enc(a["street"])))
            case.add(path, "\n".join(out) + "\n", kind="xml")
            for c, ph, note, nmw, stw in recs:
                p = c.p
                p.nm([c.nm.full], path, "ord:Recipient/ord:Name")
                p.val("postal_address", c.addr["street"], path, "ord:Street")
                p.ident("phone", c.phone[1], ph, path, "ord:Phone")
                if c.email:
                    p.ident("email", c.email, c.email, path, "ord:Email")
                p.el("delivery_info", path, "createDeliveryOrder" + (" / DeliveryNote" if note else ""))
                p.el("health_data", path, "hearing-aid supplies", req=False)
                p.el("purchase_history", path, "ord:Lines", req=False)

    # ------------------------------------------------------------ 6. customer-service mbox (relatives' mails, forwarded to coordinators)
    writers = [c for c in customers if c.old_addr is None and c.regions[0] in ("PHHVA", "PKHVA", "IUHVA")]
    rng.shuffle(writers)
    msgs = []
    staff_seen = set()
    mail_recs = []
    for k, c in enumerate(writers[:rng.randint(55, 70)]):
        sv = c.lang == "sv"
        staff = next(s for s in STAFF if s[5] == rmeta[c.regions[0]][0])
        agent = AGENTS[k % 2]
        if c.rel is not None:
            r = c.rel
            if r.email is None:
                r.email = P.email(rng, case, r.nm.given, r.nm.surname)
        else:
            r = Cu()
            r.nm = P.unique_name(rng, case, c.lang)
            r.p = case.person(r.nm.full, c.lang)
            r.email = P.email(rng, case, r.nm.given, r.nm.surname)
            r.phone = P.phone(rng, case, "FI") if rng.random() < 0.5 else None
            r.rel = "omainen"
            r.p.ctrl(rmeta[c.regions[0]][0])
            r.p.note = f"relative of {c.p.tid}, writes to customer service"
        date = dt.datetime(2023, 4, 3, 8) + dt.timedelta(days=rng.randint(0, 55), minutes=rng.randint(0, 600))
        cs = "iso-8859-1" if rng.random() < 0.4 else "utf-8"
        a = c.addr
        cph = ids.render_phone(rng, "FI", c.phone[0])[0] if c.phone and rng.random() < 0.4 else None
        rph = ids.render_phone(rng, "FI", r.phone[0])[0] if r.phone and (c.rel is not None or rng.random() < 0.8) else None
        if sv:
            body = [f"Hej,", "", f"min mor {c.nm.full} ({a['street']}, {a['zip']} {SV_TOWN.get(a['town'], a['town'])}) har inte fått sin leverans av "
                    f"{c.product.lower()} den här veckan.", "Kan ni kontrollera saken?"]
            if cph:
                body.append(f"Hon nås på {cph}.")
            body += ["", "Med vänliga hälsningar", r.nm.full] + ([rph] if rph else [])
            subj = "Leverans saknas"
            fw = ("---------- Vidarebefordrat meddelande ----------", "Från", "Datum", "Ämne", "Till")
            intro = f"Hej {staff[0].split()[0]}, vidarebefordrar för kännedom. Leveransen har bokats om till nästa vecka."
            sig = ["Med vänliga hälsningar", agent[0], f"Kundtjänst | {PROCESSOR}", agent[1]]
        else:
            rel = {"poika": "äitini", "tytär": "äitini", "puoliso": "puolisoni", "sisar": "siskoni"}.get(r.rel, "omaiseni")
            body = ["Hei,", "", f"{rel} {c.nm.full} ({a['street']}, {a['zip']} {a['town']}) ei ole saanut {c.product.lower()}-toimitusta "
                    "tällä viikolla.", "Voisitteko tarkistaa asian?"]
            if cph:
                body.append(f"Hänen puhelinnumeronsa on {cph}.")
            body += ["", "Ystävällisin terveisin", r.nm.full] + ([rph] if rph else [])
            subj = "Toimitus puuttuu"
            fw = ("---------- Välitetty viesti ----------", "Lähettäjä", "Päivämäärä", "Aihe", "Vastaanottaja")
            intro = f"Hei {staff[0].split()[0]}, välitän tiedoksi. Toimitus on siirretty ensi viikolle."
            sig = ["Ystävällisin terveisin", agent[0], f"Asiakaspalvelu | {PROCESSOR}", agent[1]]
        orig_date = (date - dt.timedelta(hours=rng.randint(2, 48))).strftime("%d.%m.%Y klo %H.%M")
        quoted = [fw[0], f"{fw[1]}: {r.nm.full} <{r.email}>", f"{fw[2]}: {orig_date}", f"{fw[3]}: {subj}",
                  f"{fw[4]}: asiakaspalvelu@kotijakelu.test", ""] + body
        plain = "\n".join([intro, ""] + sig + ["", ""] + quoted) + "\n"
        esc = fmt.xt
        h = ["<html><head><meta http-equiv=\"content-type\" content=\"text/html; charset=" + cs + "\"></head><body>",
             f"<p>{esc(intro)}</p>", "<div class=\"moz-signature\">-- <br>" + "<br>".join(esc(s) for s in sig) + "</div>",
             "<div class=\"moz-forward-container\"><br><br>" + esc(fw[0]) + "<br>",
             "<table class=\"moz-email-headers-table\" border=\"0\" cellpadding=\"0\" cellspacing=\"0\">",
             f"<tr><th valign=\"BASELINE\" nowrap=\"nowrap\" align=\"RIGHT\">{esc(fw[3])}: </th><td>{esc(subj)}</td></tr>",
             f"<tr><th valign=\"BASELINE\" nowrap=\"nowrap\" align=\"RIGHT\">{esc(fw[2])}: </th><td>{orig_date}</td></tr>",
             f"<tr><th valign=\"BASELINE\" nowrap=\"nowrap\" align=\"RIGHT\">{esc(fw[1])}: </th><td>{esc(r.nm.full)} <a class=\"moz-txt-link-rfc2396E\" href=\"mailto:{r.email}\">&lt;{r.email}&gt;</a></td></tr>",
             f"<tr><th valign=\"BASELINE\" nowrap=\"nowrap\" align=\"RIGHT\">{esc(fw[4])}: </th><td>asiakaspalvelu@kotijakelu.test</td></tr>",
             "</table><br>"] + [f"<p>{esc(s)}</p>" if s else "<br>" for s in body] + ["</div></body></html>"]
        html_body = "\n".join(h) + "\n"
        mid = "%024x" % rng.getrandbits(96)
        headers = [("From", fmt.addr(agent[0], agent[1], cs)), ("To", fmt.addr(staff[0], staff[2], cs)),
                   ("Subject", fmt.hdr(("VB: " if sv else "VS: ") + subj, cs)), ("Date", date.strftime("%a, %d %b %Y %H:%M:%S +0300")),
                   ("Message-ID", f"<{mid}@kotijakelu.test>"), ("User-Agent", "Mozilla/5.0 (Windows NT 10.0; Win64; x64; rv:102.0) Gecko/20100101 Thunderbird/102.10.0"),
                   ("Content-Language", "sv-FI" if sv else "fi")]
        if rng.random() < 0.6:
            text = fmt.mime_message(headers, html_body=html_body, charset=cs)
        else:
            text = fmt.mime_message(headers, plain=plain, html_body=html_body, charset=cs, boundary=f"------------{mid[:24]}")
        msgs.append((f"From - {date.strftime('%a %b %d %H:%M:%S %Y')}", text))
        mail_recs.append((c, r, cph, rph))
        if staff[2] not in staff_seen:
            staff_seen.add(staff[2])
            case.decoy("coordinator_email", staff[2], "asiakaspalvelu/Saapuneet.mbox", "To", f"{staff[1]} of {staff[5]}")
        if agent[1] not in staff_seen:
            staff_seen.add(agent[1])
            case.decoy("staff_email", agent[1], "asiakaspalvelu/Saapuneet.mbox", "From / signature", "the processor's customer-service agent")
    path = "asiakaspalvelu/Saapuneet.mbox"
    case.add(path, fmt.mbox_bytes(msgs), kind="mail", enc="ascii")
    case.decoy("role_mailbox", "asiakaspalvelu@kotijakelu.test", path, "forwarded To", "the processor's customer-service mailbox")
    for c, r, cph, rph in mail_recs:
        c.p.nm([c.nm.full], path, "body (customer named by the relative)")
        c.p.val("postal_address", c.addr["street"], path, "body address")
        c.p.val("health_data", c.product.lower(), path, "body product")
        c.p.el("delivery_info", path, "body (missing delivery)")
        if cph:
            c.p.ident("phone", c.phone[1], cph, path, "body phone")
        r.p.nm([r.nm.full], path, "forwarded From / signature")
        r.p.ident("email", r.email, r.email, path, "forwarded From")
        if rph:
            r.p.ident("phone", r.phone[1], rph, path, "signature phone")
    case.drop_unwritten()
    return case
