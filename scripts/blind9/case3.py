"""Case 3: logistics processor of home deliveries of incontinence products (Finland)."""
import datetime as dt
import json

import people
from common import Case, csv_line
from shared import ids, check

REGIONS = [("phhva", "Päijät-Hämeen hyvinvointialue", 0.0), ("pkhva", "Pohjois-Karjalan hyvinvointialue", 0.0),
           ("iuhva", "Itä-Uudenmaan hyvinvointialue", 0.45), ("luhva", "Länsi-Uudenmaan hyvinvointialue", 0.3),
           ("kyhva", "Kymenlaakson hyvinvointialue", 0.02), ("kuhva", "Keski-Uudenmaan hyvinvointialue", 0.05),
           ("hki", "Helsingin kaupunki", 0.1), ("hus", "HUS-yhtymä", 0.08)]
MANUFACTURER = "Essity Finland Oy (itsemaksavat asiakkaat)"
HEARING = [("kuuloplus", "KuuloPlus Oy"), ("audiotuki", "Audiotuki Oy")]
PRODUCTS = ["TENA Slip Maxi L", "TENA Pants Plus M", "TENA Flex Super L", "Abena Abri-Form L4", "Inkontinenssivaippa aikuisten L",
            "Inkontinenssisuoja Lady Normal", "TENA Men Level 2", "Vuoteensuoja 60x90", "Housuvaippa XL"]
HEARING_PRODUCTS = ["Kuulokojeen paristot 312 (60 kpl)", "Kuulokojeen paristot 13 (60 kpl)", "Korvakappaleet M (10 kpl)"]
DRIVERS = [("Jari", "Laine"), ("Mikko", "Salo"), ("Esa", "Niemi"), ("Timo", "Ahonen"), ("Nils", "Ekholm"), ("Kari", "Mattila")]
COORDS = [("Tuula", "Heinonen", "Aluekoordinaattori"), ("Britt", "Backman", "Regionkoordinator"), ("Leena", "Turunen", "Asiakaspalvelupäällikkö")]
REL_FI = {"F": ["tytär", "sisko", "vaimo", "miniä"], "M": ["poika", "veli", "mies", "vävy"]}
REL_SV = {"F": ["dotter", "syster", "hustru"], "M": ["son", "bror", "make"]}


def phone_raw(rng, e, style=None):
    return ids.render_phone(rng, "FI", e[4:], style)[0]


def build(seed):
    c = Case(3, "fi_deliveries", seed, "Home-delivery logistics processor (Finland): Excel 'Unicode text' registers, protobuf "
             "text-format route plans, Outlook contacts CSV, Twilio SMS log, Stripe customer export, GPX waypoints")
    rng = c.rng
    for g, s in DRIVERS:
        c.used_names.add(check.name_tokens(f"{g} {s}"))
    for g, s, _ in COORDS:
        c.used_names.add(check.name_tokens(f"{g} {s}"))
    used_e = set()
    custs = []
    N = rng.randint(470, 520)

    def new_cust(region, sv_share, kind):
        sv = rng.random() < sv_share
        nm = c.unique_name(lambda: people.make_name(rng, "sv" if sv else "fi"))
        cu = {"n": nm, "sv": sv, "region": region, "kind": kind, "dob": people.dob(rng, 1925, 1962),
              "addr": people.fi_address(rng, region if region in people.FI_PLACES else rng.choice(list(people.FI_PLACES)), swedish=sv),
              "product": rng.choice(PRODUCTS if kind != "hearing" else HEARING_PRODUCTS), "door": None, "controllers": []}
        r = rng.random()
        if r < 0.13 and kind == "region":
            cu["phone"] = None
        elif r < 0.35:
            cu["phone"] = c.unique("phone", lambda: ids.e164("FI", ids.phone_nsn(rng, "FI", "fixed")))
        else:
            cu["phone"] = c.unique("phone", lambda: ids.e164("FI", ids.phone_nsn(rng, "FI", "mobile")))
        if rng.random() < 0.4:
            cu["door"] = f"{rng.randint(0, 9999):04d}" if rng.random() < 0.7 else f"{rng.choice('ABC')}{rng.randint(100, 999)}"
        return cu

    for i in range(N):
        key, rname, sv_share = rng.choice(REGIONS)
        cu = new_cust(key, sv_share, "region")
        cu["controllers"] = [rname]
        custs.append(cu)
    # spouses: second customer at the same address with the same landline
    spouses = {}
    cand = [x for x in custs if x["phone"] and not x["phone"].startswith("+3584") and not x["phone"].startswith("+35850")]
    rng.shuffle(cand)
    for a in cand[:14]:
        b = new_cust(a["region"], 1.0 if a["sv"] else 0.0, "region")
        b["n"]["surname"] = a["n"]["surname"]
        b["n"]["full"] = f"{b['n']['given']} {b['n']['surname']}"
        if check.name_tokens(b["n"]["full"]) in c.used_names:
            continue
        c.used_names.add(check.name_tokens(b["n"]["full"]))
        c.used_keys.pop(check.key_of("phone", b["phone"]), None) if b["phone"] else None
        b["phone"] = a["phone"]
        b["addr"] = a["addr"]
        b["controllers"] = a["controllers"][:]
        b["door"] = a["door"]
        spouses[a["phone"]] = [a, b]
        custs.append(b)
    # movers between regions: second register row with another address, same mobile
    movers = [x for x in custs if x["phone"] and x["phone"][4:6] in ("40", "41", "44", "45", "46", "50") and x["phone"] not in spouses]
    rng.shuffle(movers)
    for m in movers[:8]:
        other = rng.choice([r for r in REGIONS if r[0] != m["region"]])
        m["moved"] = (other[0], people.fi_address(rng, other[0], swedish=m["sv"]), other[1])
        m["controllers"].append(other[1])
    # self-payers (some of them also region customers)
    selfp = []
    for i in range(rng.randint(50, 60)):
        key = rng.choice(REGIONS)[0]
        cu = new_cust(key, 0.12, "self")
        cu["controllers"] = [MANUFACTURER]
        selfp.append(cu)
    for cu in rng.sample([x for x in custs if x["phone"] and x["phone"] not in spouses and not x.get("moved")], 9):
        cu["controllers"].append(MANUFACTURER)
        selfp.append(cu)
    for cu in selfp:
        cu["hetu"] = c.unique("fi_hetu", lambda: ids.fi_hetu(rng, cu["dob"], new_sign=rng.random() < 0.15))
        cu["email"] = c.unique("email", lambda: ids.email_for(rng, cu["n"]["given"], cu["n"]["surname"], used_e))
        if not cu["phone"]:
            cu["phone"] = c.unique("phone", lambda: ids.e164("FI", ids.phone_nsn(rng, "FI", "mobile")))
    hearing = []
    for i in range(rng.randint(36, 44)):
        f = rng.choice(HEARING)
        cu = new_cust(rng.choice(REGIONS)[0], 0.1, "hearing")
        cu["firm"] = f
        cu["controllers"] = [f[1]]
        hearing.append(cu)
    for cu in rng.sample([x for x in custs if x["phone"] and x["phone"] not in spouses], 5):
        f = rng.choice(HEARING)
        cu["firm"] = f
        cu["controllers"].append(f[1])
        cu["hearing_product"] = rng.choice(HEARING_PRODUCTS)
        hearing.append(cu)
    everyone = []
    for cu in custs + [x for x in selfp if x["kind"] == "self"] + [x for x in hearing if x["kind"] == "hearing"]:
        cu["p"] = c.person(cu["n"]["full"], "sv" if cu["sv"] else "fi")
        cu["p"].controllers = cu["controllers"]
        everyone.append(cu)
    for ph, (a, b) in spouses.items():
        a["p"].note = f"spouse {b['p'].tid} shares the landline and the address"
        b["p"].note = f"spouse {a['p'].tid} shares the landline and the address"
    for m in movers[:8]:
        m["p"].note = "moved between welfare regions (two controllers, two addresses)"
    c.extra["household_phones"] = {ph: [a["p"].tid, b["p"].tid] for ph, (a, b) in spouses.items()}
    # relatives with their own phone (persons of their own)
    for cu in rng.sample(custs, 45):
        fem = rng.random() < 0.6
        rn = c.unique_name(lambda: people.make_name(rng, "sv" if cu["sv"] else "fi", fem))
        rel = {"n": rn, "rel": rng.choice((REL_SV if cu["sv"] else REL_FI)["F" if fem else "M"]),
               "phone": c.unique("phone", lambda: ids.e164("FI", ids.phone_nsn(rng, "FI", "mobile")))}
        rel["p"] = c.person(rn["full"], "sv" if cu["sv"] else "fi")
        rel["p"].note = f"relative ({rel['rel']}) of {cu['p'].tid}"
        rel["p"].controllers = cu["controllers"][:]
        cu["rel"] = rel
    for k, cu in enumerate(everyone):
        cu["cno"] = 4400000 + k * 13 + rng.randint(0, 12)

    write_registers(c, [x for x in custs], [x for x in hearing])
    write_routes(c, [x for x in everyone if x["kind"] != "hearing"])
    write_contacts(c, custs)
    write_sms(c, everyone)
    write_stripe(c, selfp)
    write_gpx(c, custs)
    c.put("gpx/kartta_2023-09.png", b"\x89PNG\r\n\x1a\n" + bytes(rng.randrange(256) for _ in range(400)), kind="binary")
    c.persons = [p for p in c.persons if p.req]
    c.extra["processor"] = "Westlog Oy"
    c.extra["health_inference"] = "incontinence products next to a person reveal a continence condition (required health_data); hearing-aid batteries are optional"
    return c


# ------------------------------------------------------------------ Excel "Unicode text" registers

def tab_cell(v):
    v = "" if v is None else str(v)
    if any(ch in v for ch in '\t\n"'):
        v = '"' + v.replace('"', '""') + '"'
    return v


def write_registers(c, custs, hearing):
    rng = c.rng
    by = {}
    for cu in custs:
        by.setdefault(cu["region"], []).append((cu, cu["region"], cu["addr"]))
        if cu.get("moved"):
            by.setdefault(cu["moved"][0], []).append((cu, cu["moved"][0], cu["moved"][1]))
    for key, rname, _ in REGIONS:
        rows = by.get(key, [])
        rng.shuffle(rows)
        sv = key == "iuhva"
        hdr = (["Kundnummer", "Efternamn", "Förnamn", "Gatuadress", "Postnummer", "Postanstalt", "Telefon", "Produkt", "Leveransintervall", "Anteckningar"]
               if sv else ["Asiakasnumero", "Sukunimi", "Etunimet", "Lähiosoite", "Postinumero", "Postitoimipaikka", "Puhelin", "Tuote", "Toimitusväli", "Lisätiedot"])
        L = ["\t".join(hdr)]
        out = []
        for cu, rk, addr in rows:
            ph = phone_raw(rng, cu["phone"], rng.choice([0, 1, 6])) if cu["phone"] else ""
            notes = []
            if cu["door"] and rng.random() < 0.8:
                notes.append(("Portkod " if sv else "Ovikoodi ") + cu["door"])
            if rng.random() < 0.25:
                notes.append("Jätetään oven taakse" if not sv else "Lämnas vid dörren")
            note = "\n".join(notes)
            interval = rng.choice(["4 vk", "8 vk", "kuukausittain"]) if not sv else rng.choice(["4 v", "8 v", "månatligen"])
            L.append("\t".join(tab_cell(x) for x in [cu["cno"], cu["n"]["surname"], cu["n"]["given"], addr["street"], addr["zip"],
                                                         addr["city"], ph, cu["product"], interval, note]))
            out.append((cu, addr, ph, note))
        name = c.text(f"rekisterit/{key}_asiakkaat_2023-09.txt", "\n".join(L) + "\n", enc="utf-16", bom=True, nl="\r\n")
        for cu, addr, ph, note in out:
            p = cu["p"]
            p.nm(name, [cu["n"]["given"], cu["n"]["surname"]], "Etunimet+Sukunimi")
            p.el("postal_address", name, "Lähiosoite", ev=addr["street"])
            if ph:
                p.id("phone", cu["phone"], ph, name, "Puhelin")
            p.el("health_data", name, "Tuote (incontinence product)", ev=cu["product"])
            p.el("purchase_history", name, "Tuote", opt=True)
            if cu["door"] and cu["door"] in note:
                p.el("delivery_info", name, "Lisätiedot (door code)", ev=cu["door"])
            else:
                p.el("delivery_info", name, "Toimitusväli", opt=True)
    # hearing-aid companies' exports (same program, other firm)
    for fk, fname in HEARING:
        rows = [x for x in hearing if x["firm"][0] == fk]
        L = ["\t".join(["Asiakasnro", "Nimi", "Osoite", "Postinro", "Kunta", "Puhelin", "Tilattu"])]
        out = []
        for cu in rows:
            ph = phone_raw(rng, cu["phone"], rng.choice([0, 2])) if cu["phone"] else ""
            prod = cu.get("hearing_product") or cu["product"]
            nimi = f"{cu['n']['surname']} {cu['n']['given']}"
            L.append("\t".join(tab_cell(x) for x in [f"K{cu['cno']}", nimi, cu["addr"]["street"], cu["addr"]["zip"], cu["addr"]["city"], ph, prod]))
            out.append((cu, ph, nimi, prod))
        name = c.text(f"kuulolaitteet/{fk}_asiakkaat.txt", "\n".join(L) + "\n", enc="utf-16", bom=True, nl="\r\n")
        for cu, ph, nimi, prod in out:
            p = cu["p"]
            p.nm(name, nimi, "Nimi")
            p.el("postal_address", name, "Osoite", ev=cu["addr"]["street"])
            if ph:
                p.id("phone", cu["phone"], ph, name, "Puhelin")
            p.el("health_data", name, "Tilattu (hearing-aid supplies)", opt=True)
            p.el("purchase_history", name, "Tilattu", opt=True)


# ------------------------------------------------------------------ protobuf text-format route plans

def pb_str(s, utf8):
    s = s.replace("\\", "\\\\").replace('"', '\\"')
    if utf8:
        return '"' + s + '"'
    out = []
    for ch in s:
        if ord(ch) < 128:
            out.append(ch)
        else:
            out.extend(f"\\{b:03o}" for b in ch.encode("utf-8"))
    return '"' + "".join(out) + '"'


def write_routes(c, custs):
    rng = c.rng
    drivers = []
    for g, s in DRIVERS:
        drivers.append((g, s, ids.e164("FI", ids.phone_nsn(rng, "FI", "mobile"))))
    depot = ids.e164("FI", ids.phone_nsn(rng, "FI", "fixed"))
    pool = []
    for cu in custs:
        k = 1 if rng.random() < 0.6 else 2 if rng.random() < 0.5 else 0
        if cu["kind"] == "self":
            k = max(k, 1)
        pool += [cu] * k
    rng.shuffle(pool)
    c.text("reitit/routeplan.proto", 'syntax = "proto3";\npackage westlog.routing.v2;\n\nmessage RoutePlan {\n  string route_id = 1;\n'
           "  Driver driver = 2;\n  Depot depot = 3;\n  repeated Stop stops = 4;\n}\nmessage Stop {\n  int32 seq = 1;\n  int64 customer_no = 2;\n"
           "  string recipient = 3;\n  Address address = 4;\n  string phone = 5;\n  string door_code = 6;\n  Window window = 7;\n"
           "  repeated Item items = 8;\n  string notes = 9;\n}\n")
    day = dt.date(2023, 9, 4)
    fileno = 0
    while pool:
        n = rng.randint(12, 18)
        chunk, pool = pool[:n], pool[n:]
        g, s, dph = rng.choice(drivers)
        fileno += 1
        utf8 = rng.random() < 0.5
        rid = f"R-{day:%Y%m%d}-{fileno:02d}"
        L = ["# proto-file: westlog/routing/v2/routeplan.proto", "# proto-message: RoutePlan", f'route_id: "{rid}"',
             "driver {", f"  name: {pb_str(g + ' ' + s, utf8)}", f'  phone: "{dph}"', "}",
             "depot {", '  name: "Westlog Lahti"', f'  phone: "{depot}"', "}"]
        recs = []
        seen = set()
        for seq, cu in enumerate(chunk, 1):
            if id(cu) in seen:
                continue
            seen.add(id(cu))
            nm = cu["n"]
            rec = f"{nm['surname']} {nm['given']}" if rng.random() < 0.6 else nm["full"]
            addr = cu["addr"]
            L += ["stops {", f"  seq: {seq}", f"  customer_no: {cu['cno']}", f"  recipient: {pb_str(rec, utf8)}", "  address {",
                  f"    street: {pb_str(addr['street'], utf8)}", f'    postal_code: "{addr["zip"]}"', f"    city: {pb_str(addr['city'], utf8)}", "  }"]
            ph = None
            if cu["phone"]:
                ph = phone_raw(rng, cu["phone"], rng.choice([0, 3, 6]))
                L.append(f'  phone: "{ph}"')
            if cu["door"]:
                L.append(f'  door_code: "{cu["door"]}"')
            w0 = rng.choice([8, 9, 10, 12, 13])
            L += [f'  window {{ from: "{w0:02d}:00" to: "{w0 + 3:02d}:00" }}']
            prod = cu["product"]
            L.append(f'  items {{ sku: "TN-{rng.randint(1000, 9999)}" name: {pb_str(prod, utf8)} qty: {rng.randint(1, 4)} }}')
            rel = cu.get("rel") if rng.random() < 0.5 else None
            rph = None
            if rel:
                rph = phone_raw(rng, rel["phone"], 0)
                txt = (f"Soita ennen, {rel['rel']} {rel['n']['full']} {rph} avaa oven" if not cu["sv"] else
                       f"Ring före, {rel['rel']} {rel['n']['full']} {rph} öppnar dörren")
                L.append(f"  notes: {pb_str(txt, utf8)}")
            L.append("}")
            recs.append((cu, rec, ph, rel, rph, f'window {{ from: "{w0:02d}:00"'))
        name = c.text(f"reitit/{day:%Y-%m-%d}_{ids.ascii_fold(g).lower()}_{fileno:02d}.textproto", "\n".join(L) + "\n")
        c.decoy("staff_phone", dph, name, "driver.phone", f"driver {g} {s}")
        c.decoy("company_phone", depot, name, "depot.phone", "depot switchboard")
        for cu, rec, ph, rel, rph, win in recs:
            p = cu["p"]
            esc_name = not utf8 and any(ord(ch) > 127 for ch in rec)
            esc_addr = not utf8 and any(ord(ch) > 127 for ch in cu["addr"]["street"])
            p.nm(name, rec, "stops.recipient", opt=esc_name)
            p.el("postal_address", name, "stops.address", ev=cu["addr"]["street"], opt=esc_addr)
            if ph:
                p.id("phone", cu["phone"], ph, name, "stops.phone")
            p.el("delivery_info", name, "stops (route plan: window, door code)", ev=win)
            p.el("health_data", name, "stops.items", ev=cu["product"])
            p.el("purchase_history", name, "stops.items", opt=True)
            if rel:
                rp = rel["p"]
                rp.nm(name, rel["n"]["full"], "stops.notes", opt=not utf8 and any(ord(ch) > 127 for ch in rel["n"]["full"]))
                rp.id("phone", rel["phone"], rph, name, "stops.notes")
        day += dt.timedelta(days=1 if day.weekday() < 4 else 3)


# ------------------------------------------------------------------ Outlook contacts CSV

OUTLOOK_HDR = ["Title", "First Name", "Middle Name", "Last Name", "Suffix", "Company", "Department", "Job Title", "Business Street",
               "Business Street 2", "Business Street 3", "Business City", "Business State", "Business Postal Code",
               "Business Country/Region", "Home Street", "Home Street 2", "Home Street 3", "Home City", "Home State",
               "Home Postal Code", "Home Country/Region", "Other Street", "Other Street 2", "Other Street 3", "Other City",
               "Other State", "Other Postal Code", "Other Country/Region", "Assistant's Phone", "Business Fax", "Business Phone",
               "Business Phone 2", "Callback", "Car Phone", "Company Main Phone", "Home Fax", "Home Phone", "Home Phone 2", "ISDN",
               "Mobile Phone", "Other Fax", "Other Phone", "Pager", "Primary Phone", "Radio Phone", "TTY/TDD Phone", "Telex",
               "Account", "Anniversary", "Assistant's Name", "Billing Information", "Birthday", "Business Address PO Box",
               "Categories", "Children", "Directory Server", "E-mail Address", "E-mail Type", "E-mail Display Name",
               "E-mail 2 Address", "E-mail 2 Type", "E-mail 2 Display Name", "E-mail 3 Address", "E-mail 3 Type",
               "E-mail 3 Display Name", "Gender", "Government ID Number", "Hobby", "Home Address PO Box", "Initials",
               "Internet Free Busy", "Keywords", "Language", "Location", "Manager's Name", "Mileage", "Notes",
               "Office Location", "Organizational ID Number", "Other Address PO Box", "Priority", "Private", "Referred By",
               "Sensitivity", "Spouse", "User 1", "User 2", "User 3", "User 4", "Web Page"]


def write_contacts(c, custs):
    rng = c.rng
    staff = []
    for g, s, title in COORDS:
        staff.append((g, s, title, f"{ids.ascii_fold(g).lower()}.{ids.ascii_fold(s).lower()}@westlog.test",
                      ids.e164("FI", ids.phone_nsn(rng, "FI", "mobile"))))
    for g, s in DRIVERS[:3]:
        staff.append((g, s, "Kuljettaja", "", ids.e164("FI", ids.phone_nsn(rng, "FI", "mobile"))))
    pick = rng.sample(custs, min(len(custs), 130))
    per = [pick[0::3], pick[1::3], pick[2::3]]
    for ci, (g0, s0, title0, e0, ph0) in enumerate(staff[:3]):
        rows = []
        entries = []
        for g, s, title, e, ph in staff:
            if g == g0:
                continue
            raw = phone_raw(rng, ph, 2)
            d = {"First Name": g, "Last Name": s, "Company": "Westlog Oy", "Job Title": title, "Business Phone": raw,
                 "E-mail Address": e, "E-mail Type": "SMTP" if e else "", "E-mail Display Name": f"{g} {s} ({e})" if e else "",
                 "Categories": "Työ", "Sensitivity": "Normal", "Priority": "Normal", "Private": "False"}
            rows.append(d)
            entries.append(("staff", (g, s, title, e, ph, raw)))
        for cu in per[ci]:
            nm = cu["n"]
            d = {"First Name": nm["given"], "Last Name": nm["surname"], "Home Street": cu["addr"]["street"], "Home City": cu["addr"]["city"],
                 "Home Postal Code": cu["addr"]["zip"], "Home Country/Region": "Suomi" if not cu["sv"] else "Finland",
                 "Categories": "Asiakkaat", "Sensitivity": "Normal", "Priority": "Normal", "Private": "False"}
            ph = None
            if cu["phone"]:
                ph = phone_raw(rng, cu["phone"], rng.choice([0, 2, 4]))
                d["Mobile Phone" if cu["phone"][4:6] in ("40", "41", "44", "45", "46", "50") else "Home Phone"] = ph
            note = f"Asiakas – {cu['product']}, toimitus 4 vk välein."
            if cu["door"]:
                note += f"\r\nOvikoodi {cu['door']}."
            d["Notes"] = note
            rows.append(d)
            entries.append(("cust", (cu, ph)))
            rel = cu.get("rel")
            if rel and rng.random() < 0.6:
                rph = phone_raw(rng, rel["phone"], 4)
                poss = cu["n"]["full"] + ("n" if not cu["sv"] else "s")
                rows.append({"First Name": rel["n"]["given"], "Last Name": rel["n"]["surname"], "Mobile Phone": rph,
                             "Notes": f"{poss} {rel['rel']}, yhteyshenkilö", "Categories": "Omaiset", "Sensitivity": "Normal",
                             "Priority": "Normal", "Private": "False"})
                entries.append(("rel", (rel, rph)))
        L = [csv_line(OUTLOOK_HDR, quote_all=True)]
        for d in rows:
            L.append(csv_line([d.get(h, "") for h in OUTLOOK_HDR], quote_all=True))
        name = c.text(f"koordinaattorit/{ids.ascii_fold(s0).lower()}_yhteystiedot.CSV", "\r\n".join(L) + "\r\n", enc="cp1252")
        for kind, x in entries:
            if kind == "staff":
                g, s, title, e, ph, raw = x
                c.decoy("staff_phone", ph, name, "Business Phone", f"{title} {g} {s} (staff)", raw=raw)
                if e:
                    c.decoy("staff_email", e, name, "E-mail Address", f"{title} {g} {s} (staff)")
            elif kind == "cust":
                cu, ph = x
                p = cu["p"]
                p.nm(name, [cu["n"]["given"], cu["n"]["surname"]], "First Name+Last Name")
                p.el("postal_address", name, "Home Street", ev=cu["addr"]["street"])
                if ph:
                    p.id("phone", cu["phone"], ph, name, "Mobile/Home Phone")
                p.el("health_data", name, "Notes (product)", ev=cu["product"])
                if cu["door"]:
                    p.el("delivery_info", name, "Notes (door code)", ev=f"Ovikoodi {cu['door']}")
                else:
                    p.el("delivery_info", name, "Notes (delivery interval)", opt=True)
            else:
                rel, rph = x
                rel["p"].nm(name, [rel["n"]["given"], rel["n"]["surname"]], "First Name+Last Name")
                rel["p"].id("phone", rel["phone"], rph, name, "Mobile Phone")


# ------------------------------------------------------------------ Twilio message log

def write_sms(c, everyone):
    rng = c.rng
    sender = ids.e164("FI", ids.phone_nsn(rng, "FI", "mobile"))
    acct = "AC" + "".join(rng.choice("0123456789abcdef") for _ in range(32))
    hdr = ["Sid", "From", "To", "Body", "Status", "SentDate", "ApiVersion", "NumSegments", "Direction", "Price", "PriceUnit", "AccountSid"]
    L = [",".join(hdr)]
    recs = []
    mob = [cu for cu in everyone if cu["phone"] and cu["phone"][4:6] in ("40", "41", "44", "45", "46", "50") and rng.random() < 0.55]
    t = dt.datetime(2023, 9, 1, 7, 0)
    for cu in mob:
        t += dt.timedelta(minutes=rng.randint(1, 90))
        d = t.date() + dt.timedelta(days=1)
        w0 = rng.choice([8, 9, 10, 12, 13])
        named = rng.random() < 0.3
        nm = cu["n"]["full"]
        if cu["sv"]:
            body = (f"Hej {nm}! " if named else "Hej! ") + f"Er leverans från Westlog kommer {d:%d.%m.} kl {w0}-{w0 + 3}. Svara NEJ om ni inte är hemma."
        else:
            body = (f"Hei {nm}! " if named else "Hei! ") + f"Westlog-toimituksenne saapuu {d:%d.%m.} klo {w0}-{w0 + 3}. Vastaa PERU, jos ette ole kotona."
        sid = "SM" + "".join(rng.choice("0123456789abcdef") for _ in range(32))
        L.append(csv_line([sid, "Westlog" if rng.random() < 0.7 else sender, cu["phone"], body, "delivered",
                           f"{t:%Y-%m-%d %H:%M:%S}+00:00", "2010-04-01", 1, "outbound-api", "-0.07990", "USD", acct]))
        recs.append((cu, named, body))
        if rng.random() < 0.08:
            t2 = t + dt.timedelta(minutes=rng.randint(3, 200))
            sid = "SM" + "".join(rng.choice("0123456789abcdef") for _ in range(32))
            L.append(csv_line([sid, cu["phone"], sender, "PERU" if not cu["sv"] else "NEJ", "received", f"{t2:%Y-%m-%d %H:%M:%S}+00:00",
                               "2010-04-01", 1, "inbound", "-0.00750", "USD", acct]))
    name = c.text("sms/twilio_message_log_2023-09.csv", "\n".join(L) + "\n")
    c.decoy("company_phone", sender, name, "From", "Westlog's SMS sender number")
    for cu, named, body in recs:
        p = cu["p"]
        p.id("phone", cu["phone"], cu["phone"], name, "To")
        p.el("delivery_info", name, "Body (delivery time)", ev=body[-40:])
        if named:
            p.nm(name, cu["n"]["full"], "Body")


# ------------------------------------------------------------------ Stripe customers export

def write_stripe(c, selfp):
    rng = c.rng
    data = []
    recs = []
    for cu in selfp:
        nm = cu["n"]
        created = 1672531200 + rng.randint(0, 200) * 86400 + rng.randint(0, 86399)
        addr = {"city": cu["addr"]["city"], "country": "FI", "line1": cu["addr"]["street"], "line2": None,
                "postal_code": cu["addr"]["zip"], "state": None}
        ph = phone_raw(rng, cu["phone"], 3)
        hetu_raw = cu["hetu"] if rng.random() < 0.85 else cu["hetu"].lower()
        obj = {"id": "cus_" + "".join(rng.choice("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789") for _ in range(14)),
               "object": "customer", "address": addr, "balance": 0, "created": created, "currency": "eur", "default_source": None,
               "delinquent": False, "description": f"Itsemaksava asiakas – {cu['product']}, {rng.randint(1, 4)} ps/kk",
               "discount": None, "email": cu["email"], "invoice_prefix": "".join(rng.choice("ABCDEF0123456789") for _ in range(8)),
               "invoice_settings": {"custom_fields": None, "default_payment_method": None, "footer": None},
               "livemode": True, "metadata": {"asiakasnro": str(cu["cno"]), "hetu": hetu_raw},
               "name": nm["full"], "phone": ph, "preferred_locales": ["sv" if cu["sv"] else "fi"],
               "shipping": {"address": addr, "name": nm["full"], "phone": ph}, "tax_exempt": "none", "test_clock": None}
        data.append(obj)
        recs.append((cu, ph, hetu_raw, created))
    doc = {"object": "list", "data": data, "has_more": False, "url": "/v1/customers"}
    name = c.text("itsemaksajat/stripe_customers_2023-09-29.json", json.dumps(doc, ensure_ascii=False, indent=2) + "\n")
    n = 0
    for cu, ph, hetu_raw, created in recs:
        p = cu["p"]
        p.nm(name, cu["n"]["full"], "name")
        p.id("fi_hetu", cu["hetu"], hetu_raw, name, "metadata.hetu")
        p.id("email", cu["email"], cu["email"], name, "email")
        p.id("phone", cu["phone"], ph, name, "phone")
        p.el("postal_address", name, "address.line1", ev=cu["addr"]["street"])
        p.el("health_data", name, "description (product)", ev=cu["product"])
        p.el("purchase_history", name, "description", opt=True)
        p.el("delivery_info", name, "shipping", opt=True)
        if n < 3 and not check.any_person_id(str(created)):
            c.decoy("timestamp", str(created), name, "created", "epoch seconds")
            n += 1


# ------------------------------------------------------------------ GPX waypoints

def xe(s):
    return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


def write_gpx(c, custs):
    rng = c.rng
    pool = [cu for cu in custs if cu["region"] in ("phhva", "pkhva", "kyhva")]
    rng.shuffle(pool)
    pool = pool[:int(len(pool) * 0.45)]
    k = 0
    day = dt.date(2023, 9, 11)
    while pool:
        chunk, pool = pool[:14], pool[14:]
        g, s = rng.choice(DRIVERS)
        L = ['<?xml version="1.0" encoding="UTF-8"?>',
             '<gpx version="1.1" creator="OsmAnd~ 4.5.7" xmlns="http://www.topografix.com/GPX/1/1">',
             f"  <metadata><name>Reitti {day:%d.%m.%Y} {g}</name><time>{day:%Y-%m-%d}T05:12:00Z</time></metadata>"]
        recs = []
        for cu in chunk:
            lat = 60 + rng.random() * 3
            lon = 24 + rng.random() * 6
            nm = f"{cu['n']['surname']} {cu['n']['given']}"
            desc = f"{cu['addr']['street']}, {cu['addr']['zip']} {cu['addr']['city']}"
            ph = None
            if cu["door"]:
                desc += f" | ovikoodi {cu['door']}"
            if cu["phone"]:
                ph = phone_raw(rng, cu["phone"], 0)
                desc += f" | {ph}"
            L += [f'  <wpt lat="{lat:.6f}" lon="{lon:.6f}">', f"    <time>{day:%Y-%m-%d}T{rng.randint(6, 13):02d}:{rng.randint(0, 59):02d}:00Z</time>",
                  f"    <name>{xe(nm)}</name>", f"    <desc>{xe(desc)}</desc>", "    <type>toimitus</type>", "  </wpt>"]
            recs.append((cu, nm, ph))
        L.append("</gpx>")
        k += 1
        name = c.text(f"gpx/{day:%Y-%m-%d}_{ids.ascii_fold(g).lower()}.gpx", "\n".join(L) + "\n")
        for cu, nm, ph in recs:
            p = cu["p"]
            p.nm(name, nm, "wpt/name")
            p.el("postal_address", name, "wpt/desc", ev=cu["addr"]["street"])
            if ph:
                p.id("phone", cu["phone"], ph, name, "wpt/desc")
            p.el("delivery_info", name, "wpt (delivery stop)", ev="<type>toimitus</type>")
        day += dt.timedelta(days=1)
