"""Case 3: a logistics processor of home deliveries of incontinence products (Finland).

Shapes: SharePoint REST list items (odata=verbose, `_x00e4_`-encoded internal field names, `__next` paging),
Vroom route-optimiser solutions, Asterisk CDR Master.csv (no header, clid "Name" <number>), a TITO bank statement
(fixed-width T00/T10/T11 records, ISO-8859-1), an Excel "Web page" (.xls that is HTML with mso styles), EDIFACT
IFTMIN transport instructions.
"""
import datetime
import uuid

import people as P
from common import Case, dump_json
from shared import check, ids

PROC = "Kotijakelu Logistiikka Oy"
REGIONS = {"PH": "Päijät-Hämeen hyvinvointialue", "PK": "Pohjois-Karjalan hyvinvointialue",
           "IU": "Itä-Uudenmaan hyvinvointialue", "LU": "Länsi-Uudenmaan hyvinvointialue",
           "KY": "Kymenlaakson hyvinvointialue", "KU": "Keski-Uudenmaan hyvinvointialue",
           "HKI": "Helsingin kaupunki", "HUS": "HUS-yhtymä"}
MAN = "Hygieia Care Oy"
HA = ["Kuulo-Apu Oy", "AuriSound Oy"]
PRODUCTS = ["TENA Pants Plus L", "TENA Lady Super", "TENA Slip Maxi M", "Abena Abri-Flex M2", "iD Expert Pants L",
            "TENA Men Level 2", "Attends Slip Regular 8 L", "Abena Abri-San 9", "Vuoteensuoja 60x90 (Abena)"]
HA_PRODUCTS = ["Kuulokojeen paristot 312 (60 kpl)", "Kuulokojeen paristot 13 (60 kpl)", "Korvakappaleet (Dome) M",
               "Kuivatuskapselit (Dry-Caps)"]
REL = [("tytär", "dotter"), ("poika", "son"), ("puoliso", "maka"), ("sisar", "syster")]


def ref_number(base):
    w = [7, 3, 1]
    s = sum(int(d) * w[i % 3] for i, d in enumerate(reversed(base)))
    return base + str((10 - s % 10) % 10)


def edi(s):
    return s.replace("?", "??").replace("'", "?'").replace("+", "?+").replace(":", "?:")


def build(seed, rng):
    c = Case(3, "fi_home_deliveries", seed, rng,
             "Logistics processor of home deliveries of incontinence products (FI), ransomware; processor for "
             "welfare regions, Helsinki, HUS, the manufacturer and two hearing-aid companies")
    r = rng
    cust = []
    kno = 10000
    weights = {"PH": 22, "PK": 15, "IU": 12, "LU": 18, "KY": 15, "KU": 10, "HKI": 12, "HUS": 6}
    n = r.randint(270, 300)
    for i in range(n):
        reg = r.choices(list(weights), list(weights.values()))[0]
        sv = r.random() < (0.55 if reg == "IU" else 0.08 if reg in ("LU", "HKI", "HUS") else 0)
        lang = "sv" if sv else "fi"
        female = r.random() < 0.6
        g, s, _ = P.pick_name(c, lang, female)
        p = c.person(f"{g} {s}", lang, given=g, surname=s, female=female, sv=sv)
        areg = reg if reg != "HUS" else r.choice(["HKI", "LU"])
        p.addr = P.fi_address(r, areg, sv)
        p.phone = P.new_phone(c, "FI", r.choice(["mobile", "mobile", "landline"])) if r.random() < 0.85 else None
        p.product = r.choice(PRODUCTS)
        p.interval = r.choice(["4 vk", "8 vk", "12 vk"])
        p.door = str(r.randint(1000, 9999)) if r.random() < 0.4 else None
        kno += r.randint(1, 5)
        p.kno = f"K{kno}"
        p.regs = [(reg, p.addr)]
        p.controllers = [REGIONS[reg]]
        p.rel = None
        cust.append(p)
    # spouses sharing a landline and an address
    for k in range(10):
        a = cust[k * 7]
        if a.phone is None or not a.phone.startswith("+3581") and not a.phone.startswith("+3589") and not a.phone.startswith("+3583"):
            a.phone = P.new_phone(c, "FI", "landline")
        g, s, _ = P.pick_name(c, a.lang, not a.female)
        if f"{g} {a.surname}" not in c.used_names:
            c.used_names.discard(f"{g} {s}")
            s = a.surname
            c.used_names.add(f"{g} {s}")
        b = c.person(f"{g} {s}", a.lang, given=g, surname=s, female=not a.female, sv=a.sv)
        b.addr, b.phone, b.product = a.addr, a.phone, r.choice(PRODUCTS)
        b.interval, b.door, b.regs, b.controllers, b.rel = a.interval, a.door, [a.regs[0]], list(a.controllers), None
        kno += 1
        b.kno = f"K{kno}"
        a.note = b.note = "spouses sharing a landline and an address"
        c.households["phone:" + a.phone] = "household"
        cust.append(b)
    c.extra["household_phones"] = [cust[k * 7].phone for k in range(10)]
    # movers: two controllers
    movers = [p for p in cust if p.regs[0][0] not in ("HUS",)][10:17]
    for p in movers:
        reg2 = r.choice([x for x in REGIONS if x not in (p.regs[0][0], "HUS")])
        a2 = P.fi_address(r, reg2, p.sv)
        p.regs.append((reg2, a2))
        p.controllers.append(REGIONS[reg2])
        if p.phone is None:
            p.phone = P.new_phone(c, "FI")
        p.note = "moved between regions (two controllers)"
    # relatives as contact persons
    for p in r.sample(cust, 45):
        if p.note:
            continue
        rg, rs, _ = P.pick_name(c, p.lang, r.random() < 0.6)
        if f"{rg} {p.surname}" not in c.used_names and r.random() < 0.7:
            c.used_names.discard(f"{rg} {rs}")
            rs = p.surname
            c.used_names.add(f"{rg} {rs}")
        q = c.person(f"{rg} {rs}", p.lang, given=rg, surname=rs)
        q.phone = P.new_phone(c, "FI")
        q.controllers = list(p.controllers)
        q.note = f"relative (contact person) of {p.tid}"
        p.rel = (q, r.choice(REL)[1 if p.sv else 0])
    # self-payers and hearing-aid customers
    selfp = []
    for k in range(r.randint(32, 38)):
        female = r.random() < 0.55
        g, s, _ = P.pick_name(c, "fi", female)
        p = c.person(f"{g} {s}", "fi", given=g, surname=s, female=female)
        p.dob = P.dob(r, 1935, 1975)
        p.nid = ids.fi_hetu(r, p.dob)
        p.addr = P.fi_address(r, r.choice(["HKI", "LU", "KU", "PH"]))
        p.phone = P.new_phone(c, "FI")
        p.email = P.new_email(c, g, s)
        p.iban = ids.iban(r, "FI")
        p.product = r.choice(PRODUCTS)
        kno += r.randint(1, 5)
        p.kno = f"I{kno}"
        p.controllers = [MAN]
        selfp.append(p)
    hear = []
    for k in range(r.randint(22, 28)):
        female = r.random() < 0.5
        lang = "sv" if r.random() < 0.1 else "fi"
        g, s, _ = P.pick_name(c, lang, female)
        p = c.person(f"{g} {s}", lang, given=g, surname=s, female=female)
        p.addr = P.fi_address(r, r.choice(["HKI", "LU", "KU", "PH", "KY"]), lang == "sv")
        p.phone = P.new_phone(c, "FI")
        p.product = r.choice(HA_PRODUCTS)
        p.firm = r.choice(HA)
        p.controllers = [p.firm]
        hear.append(p)

    # ------------------------------------------------------------ SharePoint lists
    staff = []
    for k in range(6):
        g, s, _ = P.pick_name(c, "fi", r.random() < 0.7)
        staff.append((g, s, f"{ids.ascii_fold(g).lower()}.{ids.ascii_fold(s).lower()}@kotijakelu.example.com",
                      P.new_phone(c, "FI", "landline")))
    per_reg = {x: [] for x in REGIONS}
    for p in cust:
        for reg, a in p.regs:
            per_reg[reg].append((p, a, a is p.regs[-1][1]))
    site = "https://kotijakelu.sharepoint.example.com/sites/jakelu"
    for reg in REGIONS:
        rows = per_reg[reg]
        sv = reg == "IU"
        F = ({"no": "Kundnummer", "st": "Gatuadress", "zip": "Postnummer", "city": "Postanstalt", "tel": "Telefon",
              "prod": "Produkt", "iv": "Leveransintervall", "next": "N_x00e4_sta_x0020_leverans", "door": "Portkod",
              "rel": "Kontaktperson", "act": "Aktiv"} if sv else
             {"no": "Asiakasnumero", "st": "Katuosoite", "zip": "Postinumero", "city": "Postitoimipaikka", "tel": "Puhelin",
              "prod": "Tuote", "iv": "Toimitusv_x00e4_li", "next": "Seuraava_x0020_toimitus", "door": "Ovikoodi",
              "rel": "Yhteyshenkil_x00f6_", "act": "Aktiivinen"})
        guid = str(uuid.UUID(int=r.getrandbits(128), version=4))
        ascii_ = r.random() < 0.5
        for page in range(0, max(1, (len(rows) + 49) // 50)):
            chunk = rows[page * 50:(page + 1) * 50]
            doc = f"sharepoint/{reg}/Asiakkaat_{page + 1}.json"
            items = []
            for idx, (p, a, current) in enumerate(chunk, page * 50 + 1):
                it = {"__metadata": {"id": f"Web/Lists(guid'{guid}')/Items({idx})",
                                     "uri": f"{site}/_api/Web/Lists(guid'{guid}')/Items({idx})",
                                     "etag": f"\"{r.randint(1, 9)}\"",
                                     "type": "SP.Data.AsiakkaatListItem" if not sv else "SP.Data.KunderListItem"},
                      "FileSystemObjectType": 0, "Id": idx, "ID": idx, "Title": f"{p.surname} {p.given}",
                      F["no"]: p.kno, F["st"]: a["street"], F["zip"]: a["zip"], F["city"]: a["city"]}
                c.nm(p, doc, "Title", f"{p.surname} {p.given}")
                c.el(p, "postal_address", doc, F["st"], a["street"])
                if p.phone and (current or len(p.regs) == 1):
                    raw = P.render_phone(p.phone, r.choice(["nat", "nat_tight", "nat_dash", "intl"]))
                    it[F["tel"]] = raw
                    c.ident(p, "phone", p.phone, raw, doc, F["tel"])
                else:
                    it[F["tel"]] = None
                it[F["prod"]] = p.product
                c.el(p, "health_data", doc, F["prod"], p.product)
                it[F["iv"]] = p.interval.replace("vk", "v") if sv else p.interval
                if current:
                    nd = datetime.date(2023, 9, 25) + datetime.timedelta(days=r.randint(0, 40))
                    it[F["next"]] = f"{nd.isoformat()}T00:00:00Z"
                    c.el(p, "delivery_info", doc, F["next"], nd.isoformat())
                    it[F["act"]] = True
                else:
                    it[F["next"]] = None
                    it[F["act"]] = False
                    c.opt(p, "delivery_info", doc, F["iv"])
                c.opt(p, "purchase_history", doc, F["prod"])
                it[F["door"]] = p.door if current else None
                if p.door and current:
                    c.el(p, "delivery_info", doc, F["door"], p.door)
                if p.rel and current:
                    q, rel = p.rel
                    raw = P.render_phone(q.phone, r.choice(["nat", "nat_tight"]))
                    it[F["rel"]] = f"{q.name} ({rel}) {raw}"
                    c.nm(q, doc, F["rel"], q.name)
                    c.ident(q, "phone", q.phone, raw, doc, F["rel"])
                else:
                    it[F["rel"]] = None
                sg = r.randint(10, 15)
                it.update({"Modified": f"2023-09-{r.randint(1, 22):02d}T0{r.randint(6, 9)}:{r.randint(10, 59)}:00Z",
                           "Created": f"20{r.randint(19, 23)}-0{r.randint(1, 9)}-1{r.randint(0, 9)}T10:00:00Z",
                           "AuthorId": sg, "EditorId": sg, "OData__UIVersionString": f"{r.randint(1, 9)}.0",
                           "GUID": str(uuid.UUID(int=r.getrandbits(128), version=4))})
                items.append(it)
            body = {"d": {"results": items}}
            if (page + 1) * 50 < len(rows):
                body["d"]["__next"] = (f"{site}/_api/Web/Lists(guid'{guid}')/Items?%24skiptoken=Paged%3dTRUE%26p_ID%3d"
                                       f"{(page + 1) * 50}&%24top=50")
            c.add(doc, dump_json(body, ascii_=ascii_) + "\n", views=("json",))
    doc = "sharepoint/_catalogs/users.json"
    us = []
    for k, (g, s, em, tel) in enumerate(staff):
        us.append({"__metadata": {"type": "SP.Data.UserInfoItem"}, "Id": 10 + k, "Title": f"{g} {s}",
                   "EMail": em, "WorkPhone": P.render_phone(tel, "nat"), "JobTitle": "Aluekoordinaattori",
                   "Department": "Asiakaspalvelu", "IsSiteAdmin": k == 0})
        c.decoy("staff_email", em, doc, "EMail")
        c.decoy("staff_phone", P.render_phone(tel, "nat"), doc, "WorkPhone")
    c.add(doc, dump_json({"d": {"results": us}}) + "\n")

    # ------------------------------------------------------------ Vroom route solutions
    drivers = []
    for k in range(5):
        g, s, _ = P.pick_name(c, "fi", False)
        drivers.append((f"{g} {s}", P.new_phone(c, "FI")))
    routed = [p for p in cust if r.random() < 0.65]
    days = [datetime.date(2023, 9, d) for d in (18, 19, 20, 21, 22)]
    for di, day in enumerate(days):
        todays = routed[di::5]
        for v in range(2):
            stops = todays[v::2]
            if not stops:
                continue
            dn, dt = drivers[(di + v) % 5]
            doc = f"reitit/{day.isoformat()}/vroom_auto{v + 1}.json"
            steps = [{"type": "start", "location": [25.6612, 60.9827], "arrival": 25200, "duration": 0}]
            t = 25200
            for j, p in enumerate(stops):
                reg, a = p.regs[-1]
                t += r.randint(600, 1800)
                desc = f"{p.surname} {p.given} | {a['street']}, {a['zip']} {a['city']}"
                c.nm(p, doc, "steps.description", f"{p.surname} {p.given}")
                c.el(p, "postal_address", doc, "steps.description", a["street"])
                c.el(p, "delivery_info", doc, "steps.description", desc)
                if p.phone:
                    raw = P.render_phone(p.phone, r.choice(["nat", "nat_tight"]))
                    desc += f" | {raw}"
                    c.ident(p, "phone", p.phone, raw, doc, "steps.description")
                if p.door:
                    desc += f" | {'portkod' if p.sv else 'ovikoodi'} {p.door}"
                c.opt(p, "health_data", doc, "steps.description")
                steps.append({"type": "job", "id": int(p.kno[1:]), "description": desc,
                              "location": [round(24 + r.random() * 6, 5), round(60 + r.random() * 3, 5)],
                              "arrival": t, "duration": t - 25200, "service": 300, "waiting_time": 0,
                              "load": [len(stops) - j - 1], "delivery": [r.randint(1, 4)]})
            steps.append({"type": "end", "location": [25.6612, 60.9827], "arrival": t + 1800, "duration": t - 23400})
            sol = {"code": 0, "summary": {"cost": t - 25200, "routes": 1, "unassigned": 0, "delivery": [len(stops)],
                                          "service": 300 * len(stops), "duration": t - 23400, "waiting_time": 0,
                                          "priority": 0, "violations": [], "computing_times": {"loading": 41, "solving": 7}},
                   "unassigned": [],
                   "routes": [{"vehicle": v + 1, "description": f"Auto {v + 1} – kuljettaja {dn} {P.render_phone(dt, 'nat')}",
                               "cost": t - 25200, "delivery": [len(stops)], "service": 300 * len(stops),
                               "duration": t - 23400, "waiting_time": 0, "priority": 0, "steps": steps, "violations": []}]}
            c.add(doc, dump_json(sol, indent=2) + "\n")
            c.decoy("driver_phone", P.render_phone(dt, "nat"), doc, "routes.description")

    # ------------------------------------------------------------ Asterisk CDR
    doc = "puhelinvaihde/cdr-csv/Master.csv"
    lines = []
    callers = [p for p in cust if p.phone] + [p.rel[0] for p in cust if p.rel] + [p for p in hear]
    callers = r.sample(callers, min(110, len(callers)))
    calls = []
    for p in callers:
        when = datetime.datetime(2023, 9, r.randint(11, 29), r.randint(8, 16), r.randint(0, 59), r.randint(0, 59))
        calls.append((when, p))
    calls.sort(key=lambda x: (x[0], x[1].tid))
    uniq = 1694415600
    for when, p in calls:
        ext = str(r.randint(201, 208))
        nat = P.render_phone(p.phone, "nat_tight")
        inbound = r.random() < 0.7
        ans = when + datetime.timedelta(seconds=r.randint(2, 40))
        dur = r.randint(30, 600)
        end = ans + datetime.timedelta(seconds=dur)
        uniq += r.randint(60, 4000)
        note = ""
        known = getattr(p, "kno", None)
        rel_of = next((x for x in cust if x.rel and x.rel[0] is p), None)
        if rel_of is not None:
            note = f"omainen soitti: {rel_of.kno}"
        elif known and r.random() < 0.6:
            note = f"asiakas {known}; " + r.choice(["toimitus myöhässä", "osoitteenmuutos", "tilauksen muutos", "ei vastannut"])
        if inbound:
            clid_name = f"{p.given} {p.surname}" if r.random() < 0.5 else f"{p.surname} {p.given}"
            row = ["", nat, "600", "from-trunk", f'"{clid_name}" <{nat}>', f"PJSIP/elisa-{uniq % 65536:08x}",
                   f"PJSIP/{ext}-{(uniq + 1) % 65536:08x}", "Dial", f"PJSIP/{ext},30,tT"]
            c.ident(p, "phone", p.phone, nat, doc, "src")
            c.nm(p, doc, "clid", clid_name)
        else:
            row = ["", ext, nat, "from-internal", f'"Kotijakelu Asiakaspalvelu" <{ext}>', f"PJSIP/{ext}-{uniq % 65536:08x}",
                   f"PJSIP/elisa-{(uniq + 1) % 65536:08x}", "Dial", f"PJSIP/elisa/{nat},60"]
            c.ident(p, "phone", p.phone, nat, doc, "dst")
        disp = "ANSWERED" if r.random() < 0.85 else "NO ANSWER"
        row += [f"{when:%Y-%m-%d %H:%M:%S}", f"{ans:%Y-%m-%d %H:%M:%S}" if disp == "ANSWERED" else "",
                f"{end:%Y-%m-%d %H:%M:%S}", str(dur + 10), str(dur) if disp == "ANSWERED" else "0", disp,
                "DOCUMENTATION", "", f"{uniq}.{r.randint(100, 9999)}", note]
        lines.append(",".join(x if k in (12, 13) else '"' + x.replace('"', '""') + '"' for k, x in enumerate(row)))
    c.add(doc, "\n".join(lines) + "\n")

    # ------------------------------------------------------------ Excel "web page" register of self-payers
    doc = "itsemaksavat/Itsemaksavat_asiakkaat_2023-09.xls"
    cols = ["Asiakasnumero", "Sukunimi", "Etunimi", "Henkilötunnus", "Lähiosoite", "Postinumero", "Postitoimipaikka",
            "Puhelin", "Sähköposti", "Tilinumero (IBAN)", "Tuote", "Seuraava toimitus"]
    trs = ['<tr height=20 style=\'height:15.0pt\'>\n  <td colspan=12 class=xl70>Itsemaksavat asiakkaat – Hygieia Care Oy '
           '– tilanne 24.9.2023</td>\n </tr>',
           " <tr>\n" + "\n".join(f"  <td class=xl66>{h}</td>" for h in cols) + "\n </tr>"]
    for p in selfp:
        hetu = p.nid if r.random() < 0.85 else p.nid.lower()
        st = p.addr["street"]
        parts = st.split(" ")
        st_html = st
        if len(parts) >= 4:
            st_html = " ".join(parts[:2]) + "<br style='mso-data-placement:same-cell'>" + " ".join(parts[2:])
        tel = P.render_phone(p.phone, r.choice(["nat", "intl", "nat_dash"]))
        em = p.email if r.random() < 0.8 else p.email.title()
        ib = ids.iban_grouped(p.iban) if r.random() < 0.7 else p.iban
        nd = datetime.date(2023, 10, 1) + datetime.timedelta(days=r.randint(0, 30))
        vals = [(p.kno, "xl65"), (p.surname, "xl67"), (p.given, "xl67"), (hetu, "xl65"), (st_html, "xl68"),
                (p.addr["zip"], "xl65"), (p.addr["city"], "xl67"), (tel, "xl65"), (em, "xl67"), (ib, "xl65"),
                (p.product, "xl67"), (nd.strftime("%-d.%-m.%Y"), "xl69")]
        trs.append(" <tr>\n" + "\n".join(f"  <td class={cl}>{v}</td>" for v, cl in vals) + "\n </tr>")
        c.nm(p, doc, "Sukunimi+Etunimi", f">{p.surname}<", f">{p.given}<")
        c.ident(p, "fi_hetu", p.nid, hetu, doc, "Henkilötunnus")
        c.opt(p, "date_of_birth", doc, "Henkilötunnus")
        c.el(p, "postal_address", doc, "Lähiosoite", parts[0], p.addr["zip"])
        c.ident(p, "phone", p.phone, tel, doc, "Puhelin")
        c.ident(p, "email", p.email, em, doc, "Sähköposti")
        c.ident(p, "iban", p.iban, ib, doc, "Tilinumero (IBAN)")
        c.el(p, "health_data", doc, "Tuote", p.product)
        c.el(p, "purchase_history", doc, "Tuote", p.product)
        c.el(p, "delivery_info", doc, "Seuraava toimitus", nd.strftime("%-d.%-m.%Y"))
    html_ = ("<html xmlns:v=\"urn:schemas-microsoft-com:vml\"\nxmlns:o=\"urn:schemas-microsoft-com:office:office\"\n"
             "xmlns:x=\"urn:schemas-microsoft-com:office:excel\"\nxmlns=\"http://www.w3.org/TR/REC-html40\">\n\n<head>\n"
             "<meta http-equiv=Content-Type content=\"text/html; charset=windows-1252\">\n"
             "<meta name=ProgId content=Excel.Sheet>\n<meta name=Generator content=\"Microsoft Excel 15\">\n"
             "<style>\n<!--table\n\t{mso-displayed-decimal-separator:\"\\,\";\n\tmso-displayed-thousand-separator:\" \";}\n"
             ".xl65\n\t{mso-style-parent:style0;\n\tmso-number-format:\"\\@\";}\n.xl66\n\t{mso-style-parent:style0;\n"
             "\tfont-weight:700;\n\tbackground:#D9E1F2;}\n.xl67\n\t{mso-style-parent:style0;}\n.xl68\n\t{mso-style-parent:style0;\n"
             "\twhite-space:normal;}\n.xl69\n\t{mso-style-parent:style0;\n\tmso-number-format:\"Short Date\";}\n.xl70\n"
             "\t{mso-style-parent:style0;\n\tfont-size:14.0pt;}\n-->\n</style>\n<!--[if gte mso 9]><xml>\n <x:ExcelWorkbook>\n"
             "  <x:ExcelWorksheets>\n   <x:ExcelWorksheet>\n    <x:Name>Itsemaksavat</x:Name>\n    <x:WorksheetOptions>\n"
             "     <x:FreezePanes/>\n     <x:SplitHorizontal>2</x:SplitHorizontal>\n    </x:WorksheetOptions>\n"
             "   </x:ExcelWorksheet>\n  </x:ExcelWorksheets>\n </x:ExcelWorkbook>\n</xml><![endif]-->\n</head>\n\n"
             "<body link=\"#0563C1\" vlink=\"#954F72\">\n\n<table border=0 cellpadding=0 cellspacing=0 width=1480 "
             "style='border-collapse:collapse;table-layout:fixed;width:1110pt'>\n" + "\n".join(trs) +
             "\n</table>\n\n</body>\n\n</html>\n")
    c.add(doc, html_, "cp1252", views=("tags_sp",), newline="\r\n")

    # ------------------------------------------------------------ TITO bank statement (self-payers' payments)
    doc = "pankki/TITO_FI4950000120353522_202309.txt"
    own = "FI4950000120353522"
    if not check.v_iban(own):
        own = ids.iban(r, "FI")
    recs = [f"T00322100{own[4:18]:<14}0010230901230930{'':12}230930{'1200':4}{'':<17}EUR{'HYGIEIA CARE OY':<30}"
            f"{'':<18}{'FI':2}{own:<35}"]
    seq = 0
    pays = sorted(selfp, key=lambda p: p.kno)
    for p in pays:
        for m in range(r.randint(1, 2)):
            seq += 1
            day = datetime.date(2023, 9, r.randint(1, 29))
            amt = r.randint(3500, 12900)
            ref = ref_number("10" + p.kno[1:])
            nm = f"{p.surname} {p.given}".upper()
            arch = f"{day:%y%m%d}{r.randint(10 ** 11, 10 ** 12 - 1)}"
            t10 = (f"T10188{seq:06d}{arch:<18}{day:%y%m%d}{day:%y%m%d}{day:%y%m%d}1710{'VIITEMAKSU':<35}+"
                   f"{amt:018d}AJ{nm[:35]:<35}J{'':<14} {ref:>20}{'':<8} ")
            recs.append(t10)
            recs.append(f"T11{'':3}11{'IBAN ' + p.iban + ' BIC ' + r.choice(['NDEAFIHH', 'OKOYFIHH', 'DABAFIHH']):<70}")
            c.nm(p, doc, "T10 nimi", nm[:35])
            c.ident(p, "iban", p.iban, p.iban, doc, "T11 IBAN")
            c.opt(p, "purchase_history", doc, "T10")
    recs.append(f"T40050230930{'':18}+{sum(1 for _ in pays) * 7000:018d}")
    recs.append(f"T50{'':3}1230930{len(pays):08d}+{r.randint(10 ** 7, 10 ** 8):019d}")
    c.add(doc, "\r\n".join(recs) + "\r\n", "iso-8859-1")
    c.decoy("company_iban", own, doc, "T00")

    # ------------------------------------------------------------ EDIFACT IFTMIN
    ship = [p for p in selfp if r.random() < 0.8] + hear
    ship.sort(key=lambda p: p.tid)
    for part in range(3):
        chunk = ship[part::3]
        day = datetime.date(2023, 9, 18 + part)
        doc = f"edi/out/IFTMIN_{day:%Y%m%d}_{part + 1:03d}.edi"
        segs = ["UNA:+.? '", f"UNB+UNOC:3+003712345678:30+003710987654:30+{day:%y%m%d}:0615+{700 + part}'"]
        for k, p in enumerate(chunk, 1):
            m = [f"UNH+{k}+IFTMIN:D:04A:UN'", f"BGM+610+KJ{day:%y%m%d}{k:04d}+9'", f"DTM+137:{day:%Y%m%d}0600:203'",
                 "TSR+30+2'", f"NAD+CZ+003712345678:100++{edi(PROC)}+Varastotie 12+Lahti++15700+FI'",
                 f"NAD+CN+++{edi(p.surname + ' ' + p.given)}+{edi(p.addr['street'])}+{edi(p.addr['city'])}++{p.addr['zip']}+FI'",
                 f"CTA+IC+:{edi(p.given + ' ' + p.surname)}'"]
            c.nm(p, doc, "NAD+CN", p.surname + " " + p.given)
            c.el(p, "postal_address", doc, "NAD+CN", p.addr["street"])
            raw = P.render_phone(p.phone, r.choice(["intl", "e164", "nat_tight"]))
            m.append(f"COM+{edi(raw)}:TE'")
            c.ident(p, "phone", p.phone, raw, doc, "COM TE")
            if getattr(p, "email", None):
                m.append(f"COM+{edi(p.email)}:EM'")
                c.ident(p, "email", p.email, p.email, doc, "COM EM")
            note = r.choice(["Soita ennen toimitusta", "Jätä oven taakse", "Toimitus klo 9:00-12:00",
                             "Kolmas kerros, ei hissiä"])
            m.append(f"FTX+DEL+++{edi(note)}'")
            c.el(p, "delivery_info", doc, "FTX+DEL", note)
            m.append(f"GID+1+{r.randint(1, 4)}:PK'")
            m.append(f"FTX+AAA+++{edi(p.product)}'")
            if p in hear:
                c.opt(p, "health_data", doc, "FTX+AAA", p.product)
                m.append(f"RFF+CU:{edi(p.firm)}'")
            else:
                c.el(p, "health_data", doc, "FTX+AAA", p.product)
                m.append(f"RFF+CU:{p.kno}'")
            m.append(f"MEA+WT+AAB+KGM:{r.randint(2, 14)}.{r.randint(0, 9)}'")
            m.append(f"UNT+{len(m) + 1}+{k}'")
            segs += m
        segs.append(f"UNZ+{len(chunk)}+{700 + part}'")
        c.add(doc, "\n".join(segs) + "\n", "iso-8859-1", views=("edifact",))

    # any region customer not yet exposed with a name? (all are in SharePoint)
    c.extra["processor"] = PROC
    c.extra["controllers"] = list(REGIONS.values()) + [MAN] + HA
    c.extra["health_inference"] = {"products": PRODUCTS, "rule": "an incontinence product next to a person reveals a "
                                   "health condition (required); hearing-aid supplies are optional"}
    return c
