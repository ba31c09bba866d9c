"""Case 3: logistics processor of home deliveries of incontinence products (Finland)."""
import collections
import datetime
import json

import ids
from fmt import Factory, addr_fi_street, csv_row, email_messy, phone_fmt
from model import Leak, Truth

PROCESSOR = "Kotilogistiikka Nordlog Oy"
REGION_CTRL = {
    "Helsinki": "Helsingin kaupunki",
    "Länsi-Uusimaa": "Länsi-Uudenmaan hyvinvointialue",
    "Itä-Uusimaa": "Itä-Uudenmaan hyvinvointialue",
    "Päijät-Häme": "Päijät-Hämeen hyvinvointialue",
    "Pohjois-Karjala": "Pohjois-Karjalan hyvinvointialue",
    "Kymenlaakso": "Kymenlaakson hyvinvointialue",
    "Keski-Uusimaa": "Keski-Uudenmaan hyvinvointialue",
    "Vantaa-Kerava": "Vantaan ja Keravan hyvinvointialue",
}
HUS = "HUS-yhtymä"
MAKER = "Hygieia Care Oy"
HEARING = ["Kuulokeskus Aalto Oy", "AudioNord Ab"]
PRODUCTS = [  # (sku, fi name, sv name, health?)
    ("410221", "Hygieia Pants Plus M (14 kpl)", "Hygieia Pants Plus M (14 st)", "incontinence pants"),
    ("410222", "Hygieia Pants Plus L (14 kpl)", "Hygieia Pants Plus L (14 st)", "incontinence pants"),
    ("410310", "Hygieia Slip Maxi L (24 kpl)", "Hygieia Slip Maxi L (24 st)", "incontinence briefs"),
    ("410405", "Hygieia Lady Normal (24 kpl)", "Hygieia Lady Normal (24 st)", "incontinence pads"),
    ("410512", "Hygieia Men Level 2 (20 kpl)", "Hygieia Men Level 2 (20 st)", "incontinence guards"),
    ("420101", "Vuodesuoja 60x90 (30 kpl)", "Sängskydd 60x90 (30 st)", "incontinence bed protectors"),
    ("430020", "Hygieia Wash Cream 250 ml", "Hygieia Tvättkräm 250 ml", None),
    ("430031", "Kosteuspyyhkeet (48 kpl)", "Våtservetter (48 st)", None),
]
HEAR_PRODUCTS = [("K312", "Kuulokojeparisto 312 (60 kpl)"), ("K13", "Kuulokojeparisto 13 (60 kpl)"), ("KDRY", "Kuulokojeen kuivausrasia"),
                 ("KDOM", "Korvakappaleet (kupu) M")]
NOTES_FI = ["Ovikoodi A{n}", "Soita ennen toimitusta", "Jätä ulko-oven eteen", "Omainen vastaanottaa", "Rappukäytävä B, hissi", "Koira pihalla", ""]
NOTES_SV = ["Portkod {n}", "Ring innan leverans", "Lämna vid dörren", "Anhörig tar emot", ""]


def generate(rng, outdir, name):
    leak = Leak(f"{outdir}/{name}/leak")
    T = Truth(name, leak)
    F = Factory(rng)
    from fmt import CITIES
    cities = CITIES["FI"]

    def landline(p):
        n = "+3589" + "".join(str(rng.randint(0, 9)) for _ in range(7))
        F.used_phones.add(n)
        return n

    # ---------------------------------------------------------------- population
    persons = []
    n = 0

    def new(kind, region=None, sv=None):
        nonlocal n
        n += 1
        if region is None:
            region = rng.choices(list(REGION_CTRL), [14, 18, 8, 14, 12, 13, 10, 11])[0]
        cands = [c for c in cities if c[4] == region]
        city = rng.choice(cands)
        if sv is None:
            sv = region in ("Itä-Uusimaa", "Länsi-Uusimaa", "Helsinki") and rng.random() < .4
        female = rng.random() < .62
        g, s, _a, _b, dob = F.unique_person("sv" if sv else "fi", female, 1925, 1985)
        p = T.person(f"c3p{n:04d}", given=g, family=s, lang="sv" if sv else "fi", female=female, dob=dob)
        p.kind, p.sv = kind, sv
        p.addr = F.address("FI", sv=sv, city=city)
        p.addrs = [(p.addr, REGION_CTRL[region])]
        r = rng.random()
        p.phone = (landline(p) if region == "Helsinki" and r < .1 else F.phone("FI")) if r < .72 else None
        p.custno = f"{rng.randint(100000, 999999)}"
        p.hetu = None
        p.email = None
        p.iban = None
        p.notes_deliv = rng.choice(NOTES_SV if sv else NOTES_FI).format(n=rng.randint(1000, 9999))
        p.products = rng.sample(PRODUCTS[:6], rng.randint(1, 3))
        persons.append(p)
        return p

    regional = [new("region") for _ in range(rng.randint(320, 345))]
    for p in rng.sample(regional, 12):                     # moved to another welfare area during the summer
        if p.phone is None:
            p.phone = F.phone("FI")
        reg2 = rng.choice([r for r in REGION_CTRL if r != next(k for k, v in REGION_CTRL.items() if v == p.addrs[0][1])])
        a2 = F.address("FI", sv=p.sv, city=rng.choice([c for c in cities if c[4] == reg2]))
        p.addrs.append((a2, REGION_CTRL[reg2]))
        p.moved = True
        p.notes.append("moved: two welfare areas (controllers), two addresses; linked by phone and customer number")
    hus = [new("region", region=rng.choice(["Helsinki", "Vantaa-Kerava", "Keski-Uusimaa"])) for _ in range(24)]
    for p in hus:
        p.addrs = [(p.addr, HUS)]
        p.notes.append("HUS customer (hospital discharge deliveries)")
    selfpay = [new("self", region=rng.choice(list(REGION_CTRL))) for _ in range(rng.randint(34, 42))]
    for p in rng.sample(regional, 7):        # former regional customers who now also buy themselves
        selfpay.append(p)
        if p.phone is None:
            p.phone = F.phone("FI")
        p.notes.append("regional customer and self-paying webshop customer; linked by phone")
    for p in selfpay:
        p.hetu = F.nid(ids.fi_make, p.dob, p.female, rng.random() < .1)
        p.email = F.email(p.given, p.family, "FI") if rng.random() < .85 else None
        if p.phone is None and rng.random() < .6:
            p.phone = F.phone("FI")
        p.iban = ids.iban_fi(rng) if rng.random() < .3 else None
        p.webshop_only_nonhealth = p.kind == "self" and rng.random() < .15
    hearing = [new("hearing") for _ in range(rng.randint(36, 44))]
    for p in rng.sample(regional, 5):
        hearing.append(p)
        if p.phone is None:
            p.phone = F.phone("FI")
        p.notes.append("regional customer and hearing-aid company customer")
    for p in hearing:
        p.hear_co = rng.choice(HEARING)

    def regctrl(p, month):
        if len(p.addrs) > 1 and month >= 8:
            return p.addrs[1]
        return p.addrs[0]

    def nm_family_first(p, up=False):
        s = f"{p.family} {p.given}"
        return s.upper() if up else s

    def deliv_rec(doc, p, a, field_name="Nimi", written=None, ph_raw=None, weak=False, fields=None):
        r = T.rec(doc, p)
        r.name(written or nm_family_first(p), field_name)
        return r

    def health(r, p, prods, field, fi=True):
        hp = [x for x in prods if x[3]]
        if hp:
            r.el("health_data", field)
        elif prods:
            r.el("health_data", field, opt=True)

    # ---------------------------------------------------------------- monthly order exports (cp1252, sep=;)
    month_rows = collections.defaultdict(list)
    sept_deliveries = []
    for p in regional + hus:
        months = [m for m in (6, 7, 8, 9) if rng.random() < .85]
        if getattr(p, "moved", False):
            months = sorted(set(months) | {rng.choice([6, 7]), rng.choice([8, 9])})
        if not months:
            months = [9]
        for m in months:
            a, ctrl = regctrl(p, m)
            day = datetime.date(2023, m, rng.randint(1, 28))
            lines = rng.sample(p.products, rng.randint(1, len(p.products)))
            month_rows[m].append((day, p, a, ctrl, lines))
            if m == 9:
                sept_deliveries.append((day, p, a, ctrl, lines))
    for m in (6, 7, 8, 9):
        D = leak.doc(f"tilaukset/tilausrivit_2023-{m:02d}.csv", encoding="cp1252", newline="\r\n")
        D.ln("sep=;")
        D.ln("Asiakasnro;Tilaaja;Nimi;Lähiosoite;Postinro;Postitoimipaikka;Puh;Tuotenro;Tuote;Määrä;Toimituspvm;Lisätieto")
        rows = sorted(month_rows[m], key=lambda x: (x[0], x[1].tid))
        for day, p, a, ctrl, lines in rows:
            street = addr_fi_street(a)
            zipc = a["zip"].lstrip("0") if m == 7 else a["zip"]        # July export opened and saved in Excel
            ph, weak = "", False
            if p.phone:
                if m == 8 and rng.random() < .3 and p.phone.startswith("+3584") and not getattr(p, "moved", False):
                    ph, weak = p.phone[4:], True                          # 0401234567 saved as a number: 401234567
                else:
                    ph = phone_fmt(rng, p.phone, rng.choice([0, 1, 2, 6]))
            for sku, fi, sv, h in lines:
                D.ln(csv_row([p.custno, ctrl, nm_family_first(p), street, zipc, a["city"], ph, sku, fi if not p.sv else sv,
                              rng.choice([1, 2, 3, 4]), day.strftime("%d.%m.%Y"), p.notes_deliv], ";"))
                r = T.rec(D, p).name(nm_family_first(p), "Nimi").addr(a["id"], [street, a["city"]], "Lähiosoite")
                r.el("delivery_info", "Toimituspvm").el("purchase_history", "Tuote", opt=True)
                if ph:
                    r.id("phone", p.phone, ph, "Puh", weak=weak)
                health(r, p, [(sku, fi, sv, h)], "Tuote")
                p.controllers.append(ctrl)

    # ---------------------------------------------------------------- Swedish-language export of Länsi-Uusimaa
    S = leak.doc("beställningar/vastra_nyland_bestallningar_2023.csv", encoding="utf-8", newline="\n")
    S.ln("Kundnummer,Efternamn,Förnamn,Gatuadress,Postnummer,Postanstalt,Telefon,Produkt,Antal,Leveransdag")
    for p in regional:
        a, ctrl = p.addrs[0]
        if not p.sv or ctrl != REGION_CTRL["Länsi-Uusimaa"]:
            continue
        for _ in range(rng.randint(1, 3)):
            sku, fi, sv, h = rng.choice(p.products)
            ph = phone_fmt(rng, p.phone, rng.choice([3, 4])) if p.phone else ""
            street = addr_fi_street(a)
            S.ln(csv_row([p.custno, p.family, p.given, street, a["zip"], a["city"], ph, sv, rng.randint(1, 4),
                          f"2023-{rng.randint(6, 9):02d}-{rng.randint(1, 28):02d}"], ","))
            r = T.rec(S, p).name2(p.given, p.family, "Förnamn", "Efternamn").addr(a["id"], [street, a["city"]], "Gatuadress")
            r.el("delivery_info", "Leveransdag").el("purchase_history", "Produkt", opt=True)
            if ph:
                r.id("phone", p.phone, ph, "Telefon")
            health(r, p, [(sku, fi, sv, h)], "Produkt")
            p.controllers.append(ctrl)

    # ---------------------------------------------------------------- route sheets (fixed width), September
    sept = sorted(sept_deliveries, key=lambda x: (x[0], x[1].tid))
    by_day = collections.defaultdict(list)
    for x in sept:
        by_day[x[0]].append(x)
    days = sorted(by_day)
    routes = 0
    for d in days[:12]:
        stops = by_day[d]
        routes += 1
        D = leak.doc(f"reitit/{d.isoformat()}/ajolista_reitti_{routes:02d}.txt")
        D.ln(f"NORDLOG  AJOLISTA  {d.strftime('%d.%m.%Y')}   REITTI {routes:02d}   KULJETTAJA: {rng.choice(['Jari', 'Sami', 'Mika', 'Tero'])}")
        D.ln(f"{'NRO':<4}{'ASIAKAS':<32}{'OSOITE':<30}{'PNO':<6} {'TOIMIPAIKKA':<14}{'PUHELIN':<17}{'KOLLIT':<7}HUOM")
        D.ln("-" * 130)
        for k, (day, p, a, ctrl, lines) in enumerate(stops, 1):
            nm = nm_family_first(p, True)
            street = addr_fi_street(a)
            ph = phone_fmt(rng, p.phone, 0) if p.phone else ""
            D.ln(f"{k:<4}{nm:<32}{street:<30}{a['zip']:<6} {a['city'].upper():<14}{ph:<17}{sum(1 for _ in lines):<7}{p.notes_deliv}")
            r = T.rec(D, p).name(nm, "ASIAKAS").addr(a["id"], [street, a["city"].upper()], "OSOITE").el("delivery_info", "HUOM")
            if ph:
                r.id("phone", p.phone, ph, "PUHELIN")
            if any(x[3] for x in lines):
                r.el("health_data", "KOLLIT", opt=True)     # a route sheet lists parcels only, not the products
        D.ln("-" * 130)
        D.ln(f"Yhteensä {len(stops)} toimitusta")

    # ---------------------------------------------------------------- old route sheets in a tar.gz
    mem = []
    old = rng.sample(regional, 40)
    for k in range(3):
        D = leak.member("arkisto/reitit_2022-12.tar.gz", f"reitit_2022-12/ajolista_2022-12-{12 + k}.txt")
        D.ln(f"NORDLOG AJOLISTA {12 + k}.12.2022")
        for j, p in enumerate(old[k * 13:(k + 1) * 13], 1):
            a = p.addrs[0][0]
            street = addr_fi_street(a)
            nm = nm_family_first(p, True)
            D.ln(f"{j:>2}. {nm} | {street}, {a['zip']} {a['city']} | {phone_fmt(rng, p.phone, 1) if p.phone else '-'}")
            r = T.rec(D, p).name(nm, "ASIAKAS").addr(a["id"], [street, a["city"]], "OSOITE").el("delivery_info", "row")
            if p.phone:
                r.id("phone", p.phone, D.text().rsplit("| ", 1)[1].strip(), "PUHELIN")
            p.controllers.append(p.addrs[0][1])
        mem.append(D)
    leak.tgz("arkisto/reitit_2022-12.tar.gz", mem)

    # ---------------------------------------------------------------- self-paying webshop (manufacturer is the controller)
    W = leak.doc("omamaksajat/verkkokauppa_tilaukset_2023.json")
    orders = []
    for p in selfpay:
        a = p.addrs[-1][0]
        for _ in range(rng.randint(1, 3)):
            prods = [PRODUCTS[6], PRODUCTS[7]] if p.kind == "self" and p.webshop_only_nonhealth else rng.sample(PRODUCTS, rng.randint(1, 3))
            cust = {"hetu": p.hetu if rng.random() < .9 else p.hetu.lower(), "firstName": p.given, "lastName": p.family,
                    "email": email_messy(rng, p.email) if p.email else None,
                    "phone": phone_fmt(rng, p.phone, rng.choice([3, 4, 2])) if p.phone else None,
                    "address": {"street": addr_fi_street(a), "postalCode": a["zip"], "city": a["city"]}}
            pay = {"method": "direct_debit", "iban": p.iban} if p.iban else {"method": rng.choice(["e-invoice", "card"]), "iban": None}
            o = {"orderId": f"WS-2023-{rng.randint(1000, 99999):06d}", "createdAt": f"2023-{rng.randint(6, 9):02d}-{rng.randint(1, 28):02d}T{rng.randint(6, 22):02d}:{rng.randint(0, 59):02d}:00+03:00",
                 "customer": cust, "payment": pay,
                 "lines": [{"sku": x[0], "name": x[1], "qty": rng.randint(1, 4), "unitPrice": rng.choice([12.9, 18.5, 24.9, 6.5])} for x in prods],
                 "delivery": {"carrier": "Nordlog", "instructions": p.notes_deliv or None}}
            orders.append((o, p, prods))
    orders.sort(key=lambda x: x[0]["createdAt"])
    W.w(json.dumps({"exportedAt": "2023-09-30T23:00:00Z", "orders": [o for o, _, _ in orders]}, ensure_ascii=False, indent=2))
    for o, p, prods in orders:
        c = o["customer"]
        r = T.rec(W, p).id("fi_hetu", p.hetu, c["hetu"], "customer.hetu").name2(p.given, p.family, "customer.firstName", "customer.lastName")
        r.addr(p.addrs[-1][0]["id"], c["address"]["street"], "customer.address")
        if c["email"]:
            r.id("email", p.email, c["email"], "customer.email")
        if c["phone"]:
            r.id("phone", p.phone, c["phone"], "customer.phone")
        if o["payment"]["iban"]:
            r.id("iban", p.iban, p.iban, "payment.iban")
        r.el("purchase_history", "lines").el("delivery_info", "delivery", opt=True)
        health(r, p, prods, "lines")
        r.el("date_of_birth", "customer.hetu", opt=True)
        p.controllers.append(MAKER)
    for p in selfpay:
        if p.kind == "self" and p.webshop_only_nonhealth:
            p.notes.append("bought only skin-care/wipes: health data not inferable (optional)")

    # ---------------------------------------------------------------- hearing-aid companies' deliveries (TSV)
    H = leak.doc("kuulo/kuulolaiteasiakkaat_toimitukset_Q3.tsv")
    H.ln("asnro\tnimi\tos.\tpnro\tptp\tpuh.\ttuote\tkpl\tyhtiö")
    for p in hearing:
        a = p.addrs[0][0]
        for _ in range(rng.randint(1, 2)):
            pr = rng.choice(HEAR_PRODUCTS)
            ph = phone_fmt(rng, p.phone, rng.choice([0, 2, 5])) if p.phone else ""
            street = addr_fi_street(a)
            H.ln("\t".join([f"K{p.custno}", f"{p.given} {p.family}", street, a["zip"], a["city"], ph, pr[1], str(rng.randint(1, 3)), p.hear_co]))
            r = T.rec(H, p).name(f"{p.given} {p.family}", "nimi").addr(a["id"], [street, a["city"]], "os.")
            r.el("delivery_info", "tuote").el("health_data", "tuote").el("purchase_history", "tuote", opt=True)
            if ph:
                r.id("phone", p.phone, ph, "puh.")
            p.controllers.append(p.hear_co)

    # ---------------------------------------------------------------- SMS gateway log
    G = leak.doc("sms/sms_gateway_2023-09.ndjson")
    msgs = []
    for day, p, a, ctrl, lines in sept:
        if p.phone and rng.random() < .6:
            txt = (f"Hej! Din leverans kommer {day.day}.{day.month}. kl. 8-12. Nordlog" if p.sv else
                   f"Hei! Toimituksesi saapuu {day.day}.{day.month}. klo 8-12. Nordlog")
            msgs.append((day, p, txt))
    for day, p, txt in msgs:
        G.ln(json.dumps({"id": "%016x" % rng.getrandbits(64), "ts": f"{day.isoformat()}T06:{rng.randint(0, 59):02d}:00Z", "to": p.phone,
                         "sender": "Nordlog", "text": txt, "status": rng.choice(["DELIVERED", "DELIVERED", "DELIVERED", "EXPIRED"])}, ensure_ascii=False))
        T.rec(G, p).id("phone", p.phone, p.phone, "to").el("delivery_info", "text")

    # ---------------------------------------------------------------- call log of customer service
    C = leak.doc("asiakaspalvelu/puhelut_2023-09.csv")
    C.ln("aika,soittaja,kesto_s,agentti,muistiinpano")
    callers = rng.sample([p for p in persons if p.phone], 70)
    for p in callers:
        ph = phone_fmt(rng, p.phone)
        if rng.random() < .4:
            note = f"{p.given} {p.family} kysyi toimituksen ajankohtaa" if not p.sv else f"{p.given} {p.family} frågade om leveransen"
        else:
            note = rng.choice(["Toimitus myöhässä, pahoiteltu", "Osoitteenmuutos välitetty tilaajalle", "Ei vastannut takaisinsoittoon"])
        t = f"2023-09-{rng.randint(1, 29):02d} {rng.randint(8, 16):02d}:{rng.randint(0, 59):02d}"
        C.ln(csv_row([t, ph, rng.randint(20, 900), rng.choice(["Sanna", "Mikko", "Heidi"]), note], ","))
        r = T.rec(C, p).id("phone", p.phone, ph, "soittaja")
        if p.given in note and p.family in note:
            r.name(f"{p.given} {p.family}", "muistiinpano")
        if "Osoitteenmuutos" in note or "toimituksen" in note or "leveransen" in note:
            r.el("delivery_info", "muistiinpano", opt=True)
    # ---------------------------------------------------------------- e-mails with regional coordinators
    coords = {}
    for k, (reg, ctrl) in enumerate(list(REGION_CTRL.items())[:5]):
        g, s, *_x = F.name("fi", rng.random() < .7)
        em = f"{g.lower().replace('ä', 'a').replace('ö', 'o')}.{s.lower().replace('ä', 'a').replace('ö', 'o')}@{reg.lower().replace('ä', 'a').replace('-', '')}.hyvinvointialue.test"
        coords[ctrl] = (f"{g} {s}", em)
        path = f"asiakaspalvelu/viestit/{k + 1:02d}_myohastyneet_toimitukset.eml"
        B = leak.member(path, "body.txt")
        sv = reg == "Itä-Uusimaa"
        B.ln("Hej," if sv else "Hei,")
        B.ln("")
        B.ln("här är listan över kunder vars leverans är försenad:" if sv else "alla lista asiakkaista, joiden toimitus myöhästyy tällä viikolla:")
        B.ln("")
        cust = [x for x in sept if x[3] == ctrl][:rng.randint(4, 9)]
        for day, p, a, c2, lines in cust:
            street = addr_fi_street(a)
            ph = phone_fmt(rng, p.phone, 0) if p.phone else ("ingen telefon" if sv else "ei puhelinta")
            B.ln(f"- {p.given} {p.family}, {street}, {a['zip']} {a['city']}, {ph}")
            r = T.rec(B, p).name(f"{p.given} {p.family}", "body").addr(a["id"], [street, a["city"]], "body").el("delivery_info", "body")
            if p.phone:
                r.id("phone", p.phone, ph, "body")
        B.ln("")
        B.ln("Ystävällisin terveisin / Med vänlig hälsning")
        B.ln(f"Nordlog asiakaspalvelu, puh. 09 4{rng.randint(100000, 999999)}")
        B.ln("")
        B.ln(f"> {coords[ctrl][0]} kirjoitti: Voitteko lähettää listan myöhästyneistä?")
        B.ln(f"> {coords[ctrl][0]}, hoitotarvikejakelu, {ctrl}, {coords[ctrl][1]}")
        T.decoy(coords[ctrl][1], "staff_region_coordinator", B, "quoted signature")
        leak.eml(path, [("From", "asiakaspalvelu@nordlog.test"), ("To", f"{coords[ctrl][0]} <{coords[ctrl][1]}>"),
                        ("Subject", "Myöhästyneet toimitukset" if not sv else "Försenade leveranser"),
                        ("Date", datetime.date(2023, 9, 11 + k).strftime("%a, %d %b 2023") + f" 09:3{k}:00 +0300")], B, qp=(k % 2 == 0))

    # ---------------------------------------------------------------- invoice specifications per region (August)
    nordlog_iban = ids.iban_fi(rng)
    by_ctrl = collections.defaultdict(list)
    for day, p, a, ctrl, lines in month_rows[8]:
        by_ctrl[ctrl].append((p, a, lines))
    for ctrl, lst in sorted(by_ctrl.items()):
        yt = ids.fi_ytunnus(rng)
        D = leak.doc(f"laskutus/laskuerittely_{ctrl.split()[0].lower().replace('ä', 'a')}_2023-08.txt")
        D.ln(f"LASKUERITTELY 08/2023   Asiakas: {ctrl} (Y-tunnus {yt})")
        D.ln(f"Laskuttaja: {PROCESSOR}, tilille {nordlog_iban}")
        D.ln("")
        seen = set()
        for p, a, lines in lst:
            if p.tid in seen:
                continue
            seen.add(p.tid)
            street = addr_fi_street(a)
            D.ln(f"{p.family}, {p.given:<20} {street:<30} {a['city']:<14} toimituksia 1  tuoteryhmä: inkontinenssituotteet")
            r = T.rec(D, p).name(f"{p.family}, {p.given}", "asiakas").addr(a["id"], [street, a["city"]], "osoite").el("delivery_info", "toimituksia")
            if any(x[3] for x in lines):
                r.el("health_data", "tuoteryhmä")
            else:
                r.el("health_data", "tuoteryhmä", opt=True)
        T.decoy(yt, "business_id", D, "Y-tunnus")
    T.decoy(nordlog_iban, "organisation_iban", D, "tilille")

    # ---------------------------------------------------------------- files without persons
    V = leak.doc("varasto/tuoterekisteri.csv", encoding="cp1252", newline="\r\n")
    V.ln("sep=;")
    V.ln("Tuotenro;Nimike;Pakkaus;Hylly;Saldo")
    for sku, fi, sv, h in PRODUCTS:
        V.ln(f"{sku};{fi};ltk;{rng.choice('ABCDE')}{rng.randint(1, 40)};{rng.randint(0, 5000)}")
    K = leak.doc("kalusto/ajoneuvot.csv")
    K.ln("rekisteri,merkki,malli,vuosi,katsastus")
    for _ in range(14):
        K.ln(f"{''.join(rng.choice('ABCEFGHIJKLMNOPRSTUVXYZ') for _ in range(3))}-{rng.randint(1, 999)},Renault,Master,{rng.randint(2014, 2022)},2023-{rng.randint(1, 12):02d}-{rng.randint(1, 28):02d}")
    R = leak.doc("README_NORDLOG_RESTORE.txt")
    R.ln("Your network has been encrypted. 500 GB of data has been downloaded.")
    R.ln("Contact us within 72 hours: support-restore@ransom.test  ID: 7F3A-91C2-0B44")

    ctrl_count = collections.Counter()
    for p in T.persons.values():
        p.controllers = sorted(set(p.controllers))
        for c in p.controllers:
            ctrl_count[c] += 1
    errs = T.check()
    truth = T.to_json(title="Logistics processor of home deliveries (Finland)", organisation=PROCESSOR, role="processor",
                      processor={"name": PROCESSOR, "role": "processor", "controllers": sorted(set(REGION_CTRL.values()) | {HUS, MAKER} | set(HEARING))},
                      health_inference={"rule": "incontinence products and hearing-aid supplies reveal a health condition",
                                        "products": {x[1]: x[3] for x in PRODUCTS if x[3]}},
                      expected={"per_controller": dict(sorted(ctrl_count.items()))})
    return leak, truth, errs
