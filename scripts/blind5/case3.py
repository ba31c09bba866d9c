"""Case 3: logistics processor delivering incontinence products to homes (Finland) for many controllers.

Every controller's register has its own shape: Windows-1252 with the header in row 3 (Päijät-Häme),
header-less pipe file in ISO-8859-15 (North Karelia), Swedish-headed UTF-8-BOM TSV (Östra Nyland), JSON
with contact arrays, relatives and phone numbers as JSON numbers (Länsi-Uusimaa), contact_1/contact_2
columns (Kymenlaakso), XML (Keski-Uusimaa), CSV with multi-line quoted delivery notes and birth dates
(Helsinki), and a printed report with page headers and upper-case blocks (HUS).  Plus: a webshop JSON keyed
by order id with HETUs (incl. 2023 century signs) for self-payers, header-only-joinable order lines, route
sheets written `SURNAME Given`, relatives' complaint mails (base64 / 8bit) with quoted replies, and
call-centre transcripts in Finnish and Swedish.
"""
import base64
import datetime as dt
import email.message
import email.policy
import json
from xml.sax.saxutils import escape

import ids
import names as N
from check import name_tokens
from common import Case

REGIONS = {
    "PH": ("Päijät-Hämeen hyvinvointialue", 0.17, [("Lahti", 15100, 15950), ("Heinola", 18100, 18300), ("Orimattila", 16300, 16350)], 0.0),
    "PK": ("Pohjois-Karjalan hyvinvointialue", 0.14, [("Joensuu", 80100, 80260), ("Lieksa", 81700, 81720), ("Outokumpu", 83500, 83550)], 0.0),
    "IU": ("Itä-Uudenmaan hyvinvointialue", 0.10, [("Porvoo", 6100, 6500), ("Loviisa", 7900, 7910), ("Sipoo", 4130, 4170)], 0.5),
    "LU": ("Länsi-Uudenmaan hyvinvointialue", 0.17, [("Espoo", 2100, 2980), ("Lohja", 8100, 8700), ("Raasepori", 10600, 10660), ("Kirkkonummi", 2400, 2440)], 0.35),
    "KY": ("Kymenlaakson hyvinvointialue", 0.14, [("Kotka", 48100, 48900), ("Kouvola", 45100, 45910), ("Hamina", 49400, 49420)], 0.0),
    "KU": ("Keski-Uudenmaan hyvinvointialue", 0.10, [("Hyvinkää", 5800, 5900), ("Järvenpää", 4400, 4440), ("Kerava", 4200, 4260), ("Tuusula", 4300, 4340)], 0.03),
    "HKI": ("Helsingin kaupunki", 0.09, [("Helsinki", 100, 990)], 0.06),
    "HUS": ("HUS-yhtymä", 0.04, [("Helsinki", 100, 990), ("Espoo", 2100, 2980), ("Vantaa", 1300, 1770)], 0.06),
    "SELF": ("Essi Care Oy (itse maksavat asiakkaat)", 0.05, [("Tampere", 33100, 33900), ("Turku", 20100, 20900), ("Helsinki", 100, 990)], 0.05),
    "KUULO": ("Kuulo-Apu Oy", 0.04, [("Lahti", 15100, 15950), ("Helsinki", 100, 990), ("Espoo", 2100, 2980)], 0.05),
}
FI_STREETS = ["Koivukuja", "Kauppakatu", "Rantatie", "Mäntytie", "Asemakatu", "Kirkkokatu", "Urheilukatu", "Pihlajatie", "Myllytie",
              "Kalliokatu", "Peltolantie", "Vanha Porvoontie", "Sairaalakatu", "Ahertajantie", "Sepänkatu"]
SV_STREETS = ["Runebergsgatan", "Strandvägen", "Skolgatan", "Kyrkogatan", "Bastuvägen", "Mannerheimgatan", "Åkervägen"]
PRODUCTS_FI = [("ESS-101", "Essi Pants Maxi L"), ("ESS-102", "Essi Aluspehmuste 60x90"), ("ESS-103", "Essi Iltavaippa Super M"),
               ("ESS-104", "Essi Lady Normal -suojat"), ("ESS-105", "Essi Men Level 2 -suojat"), ("ESS-106", "Essi Slip Plus XL teippivaippa"),
               ("ESS-107", "Essi Vuodesuoja kertakäyttöinen")]
PRODUCTS_SV = [("ESS-101", "Essi Pants Maxi L (inkontinensbyxa)"), ("ESS-103", "Essi Nattblöja Super M"), ("ESS-104", "Essi Lady Normal inlägg"),
               ("ESS-106", "Essi Slip Plus XL tejpblöja")]
HEARING = [("KA-312", "Kuulokojeen paristo 312 (60 kpl)"), ("KA-13", "Kuulokojeen paristo 13 (60 kpl)"), ("KA-DOME8", "Kuulokojeen kupu 8 mm")]
INSTR_FI = ["Jätä ulko-ovelle", "Soita ennen toimitusta", "Ovikoodi {code}", "Toimitus naapuriin (as. 3)", "Kannetaan varastoon",
            "Asiakas kuulee huonosti, soita omaiselle", "Ei toimituksia heinäkuussa", ""]
INSTR_SV = ["Lämna vid dörren", "Ring före leverans", "Portkod {code}", "Leverera till grannen", ""]
RELATIONS_FI = ["tytär", "poika", "puoliso", "sisar", "veli", "miniä"]
RELATIONS_SV = ["dotter", "son", "make", "maka", "syster"]
DRIVERS = [("Jari", "Kinnunen"), ("Mika", "Lampinen"), ("Sami", "Heino"), ("Petri", "Vainio"), ("Tuomas", "Kallio")]
AGENTS = [("Sanna", "Westlog"), ("Johanna", "Westlog"), ("Patrik", "Westlog")]
MIDDLE_F = ["Marjatta", "Kaarina", "Helena", "Annikki", "Tellervo", "Sofia", "Elisabet"]
MIDDLE_M = ["Olavi", "Johannes", "Kalervo", "Ilmari", "Mikael", "Antero"]


def _uniq_phone(rng, used, kind="mobile"):
    while True:
        n = ids.phone_nsn(rng, "FI", kind)
        if n not in used:
            used.add(n)
            return n


def _addr(rng, region, sv):
    city, a, b = rng.choice(REGIONS[region][2])
    st = rng.choice(SV_STREETS if sv else FI_STREETS)
    no = f"{rng.randint(1, 60)}"
    r = rng.random()
    if r < 0.45:
        no += f" {rng.choice('ABCDEF')} {rng.randint(1, 40)}"
    elif r < 0.55:
        no += f" as. {rng.randint(1, 12)}"
    return {"street": f"{st} {no}", "zip": f"{rng.randint(a, b):05d}", "city": city}


def build(rng):
    c = Case("case3_westlog_deliveries", "Logistics processor of home deliveries (Finland) — blind5", rng)
    used_names, used_phones, used_emails = set(), set(), set()
    c.scratch.update(used_phones=used_phones, used_emails=used_emails, used_names=used_names)
    n = rng.randint(1000, 1200)
    regs = list(REGIONS)
    weights = [REGIONS[r][1] for r in regs]
    namesake_src = []
    for i in range(n):
        region = rng.choices(regs, weights)[0]
        sv = rng.random() < REGIONS[region][3]
        namesake = i % 170 == 5 and bool(namesake_src)
        if namesake:
            # a namesake: same name as an earlier person, another region, another phone
            src = rng.choice(namesake_src)
            g, s, f = src.given, src.surname, src.female
            sv = src.lang == "sv"
            region = rng.choice([r for r in ("PH", "PK", "KY", "LU") if r not in src.a["regions"]])
        else:
            for _ in range(300):
                g, s, f = N.pick_simple(rng, N.FS_M, N.FS_F, N.FS_S, 0.62) if sv else N.pick_simple(rng, N.FI_M, N.FI_F, N.FI_S, 0.62)
                if name_tokens(f"{g} {s}") not in used_names:
                    break
            used_names.add(name_tokens(f"{g} {s}"))
        p = c.person(g, s, "sv" if sv else "fi", female=f, country="FI")
        p.a["regions"] = [region]
        p.a["dob"] = ids.rand_date(rng, 1926, 1962) if region not in ("SELF",) else ids.rand_date(rng, 1940, 1985)
        p.a["phones"] = []
        if rng.random() < 0.86 or region in ("SELF", "KUULO"):
            p.a["phones"].append(_uniq_phone(rng, used_phones, "mobile" if rng.random() < 0.7 else "landline"))
            if rng.random() < 0.12:
                p.a["phones"].append(_uniq_phone(rng, used_phones))
        if namesake and not p.a["phones"]:
            p.a["phones"].append(_uniq_phone(rng, used_phones))
        if p.a["phones"] and rng.random() < 0.35 and region not in ("KUULO",):
            mid = rng.choice(MIDDLE_F if f else MIDDLE_M)
            p.a["given_all"] = f"{g} {mid}"
            p.name = f"{g} {mid} {s}"
            p.name_variants.append(f"{g} {s}")
        else:
            p.a["given_all"] = g
        p.a["addr"] = {region: _addr(rng, region, sv)}
        prods = PRODUCTS_SV if sv else PRODUCTS_FI
        p.a["product"] = rng.choice(HEARING) if region == "KUULO" else rng.choice(prods)
        p.a["instr"] = rng.choice(INSTR_SV if sv else INSTR_FI).format(code=f"{rng.randint(1000, 9999)}")
        p.a["custno"] = {region: f"{region}-{rng.randint(100000, 999999)}"}
        if region == "SELF":
            p.a["hetu"] = ids.fi_hetu(rng, p.a["dob"], new_sign=rng.random() < 0.15)
            p.a["email"] = ids.email_for(rng, g, s, used_emails)
        if len(namesake_src) < 12 and p.a["phones"] and region in ("PH", "PK", "KY", "LU") and not namesake:
            namesake_src.append(p)
        if namesake:
            p.note.append("namesake of another person (different region and phone)")
    # moves: a person under two controllers (same name and phone, new address)
    for p in rng.sample([p for p in c.persons if p.a["phones"] and p.a["regions"][0] in ("HKI", "KU", "PH", "LU", "KY")], 45):
        other = rng.choice([r for r in ("HKI", "KU", "HUS", "LU", "PH") if r != p.a["regions"][0]])
        p.a["regions"].append(other)
        p.a["addr"][other] = _addr(rng, other, p.lang == "sv")
        p.a["custno"][other] = f"{other}-{rng.randint(100000, 999999)}"
        p.note.append(f"under two controllers ({p.a['regions'][0]}, {other})")
    # some self-payers were earlier region customers
    for p in rng.sample([p for p in c.persons if p.a["regions"] == ["SELF"]], 8):
        other = rng.choice(["HKI", "LU"])
        p.a["regions"].append(other)
        p.a["addr"][other] = p.a["addr"]["SELF"]
        p.a["custno"][other] = f"{other}-{rng.randint(100000, 999999)}"
        p.note.append(f"self-payer also in {other}")
    for p in c.persons:
        for r in p.a["regions"]:
            p.controllers.add(REGIONS[r][0])
    # relatives (persons of their own: name + phone, sometimes e-mail)
    rels = []
    for p in rng.sample(c.persons, int(len(c.persons) * 0.14)):
        sv = p.lang == "sv"
        for _ in range(300):
            g, s, f = (N.pick_simple(rng, N.FS_M, N.FS_F, N.FS_S) if sv else N.pick_simple(rng, N.FI_M, N.FI_F, N.FI_S))
            if rng.random() < 0.5:
                s = p.surname
            if name_tokens(f"{g} {s}") not in used_names:
                break
        used_names.add(name_tokens(f"{g} {s}"))
        r = c.person(g, s, p.lang, female=f, country="FI")
        r.a["phones"] = [_uniq_phone(rng, used_phones)]
        r.a["relation"] = rng.choice(RELATIONS_SV if sv else RELATIONS_FI)
        r.a["of"] = p
        if rng.random() < 0.5:
            r.a["email"] = ids.email_for(rng, g, s, used_emails)
        r.note.append(f"relative ({r.a['relation']}) of {p.tid}")
        r.controllers |= p.controllers
        p.a.setdefault("relatives", []).append(r)
        rels.append(r)
    c.scratch["customers"] = [p for p in c.persons if "of" not in p.a]
    for fn in (_ph, _pk, _iu, _lu, _ky, _ku, _hki, _hus, _webshop, _order_lines, _routes, _complaints, _calls):
        fn(c, rng)
    # a relative that no document happened to name is not a person of the leak
    c.persons = [p for p in c.persons if p.elements]
    return c


# ------------------------------------------------------------------------------------------ helpers

def _members(c, region):
    return [p for p in c.scratch["customers"] if region in p.a["regions"]]


def _ph_raw(c, p, i, doc, field, style=None):
    nsn = p.a["phones"][i]
    raw, _ = ids.render_phone(c.rng, "FI", nsn, style)
    return c.ident(p, "phone", ids.e164("FI", nsn), raw, doc, field)


def _health(c, p, doc, field):
    if p.a["product"][0].startswith("KA-"):
        c.expose(p, "health_data", doc, field, optional=True)       # hearing-aid supplies: weaker inference
    else:
        c.expose(p, "health_data", doc, field)
    c.expose(p, "purchase_history", doc, field, optional=True)


def _deliv(c, p, doc, field):
    c.expose(p, "delivery_info", doc, field)


def _addr_el(c, p, doc, field):
    c.expose(p, "postal_address", doc, field)


# ------------------------------------------------------------------------------------------ registers

def _ph(c, rng):
    d = c.doc("asiakasrekisterit/PHHYVA_asiakkaat_2023-03.csv", encoding="windows-1252", newline="\r\n")
    rows = [["Päijät-Hämeen hyvinvointialue – kotiin toimitettavat hoitotarvikkeet, asiakasrekisteri 03/2023"], [],
            ["Asiakasnro", "Sukunimi", "Etunimet", "Lähiosoite", "Postinro", "Postitoimipaikka", "Puhelin", "Puhelin 2", "Sopimustuote",
             "Kulutus/vrk", "Toimitusohje", "Alue"]]
    for p in _members(c, "PH"):
        a = p.a["addr"]["PH"]
        row = [p.a["custno"]["PH"], p.surname, p.a["given_all"], a["street"], a["zip"], a["city"]]
        c.name(p, [p.surname, p.a["given_all"]], d, "Sukunimi+Etunimet")
        _addr_el(c, p, d, "Lähiosoite+Postinro+Postitoimipaikka")
        row.append(_ph_raw(c, p, 0, d, "Puhelin") if p.a["phones"] else "")
        row.append(_ph_raw(c, p, 1, d, "Puhelin 2") if len(p.a["phones"]) > 1 else "")
        row += [p.a["product"][1], str(rng.randint(2, 6)), p.a["instr"], rng.choice(["Lahti", "Heinola", "Orimattila"])]
        _health(c, p, d, "Sopimustuote")
        if p.a["instr"]:
            _deliv(c, p, d, "Toimitusohje")
        rows.append(row)
    d.csv_rows(rows, delimiter=";")


def _pk(c, rng):
    d = c.doc("asiakasrekisterit/pkarjala_export_20230315.txt", encoding="iso-8859-15")
    out = []
    for p in _members(c, "PK"):
        a = p.a["addr"]["PK"]
        tel = _ph_raw(c, p, 0, d, "col7") if p.a["phones"] else ""
        c.name(p, [p.surname.upper(), p.given], d, "col2+col3")
        _addr_el(c, p, d, "col4-6")
        _health(c, p, d, "col8")
        _deliv(c, p, d, "col9")
        out.append("|".join([p.a["custno"]["PK"], p.surname.upper(), p.given, a["street"], a["zip"], a["city"].upper(), tel,
                             p.a["product"][1], f"{rng.choice([2, 4, 6, 8])} vk välein", p.a["instr"]]))
    d.w("\n".join(out) + "\n")


def _iu(c, rng):
    d = c.doc("asiakasrekisterit/Östra_Nyland_kunder.tsv", encoding="utf-8", bom=True, newline="\r\n")
    rows = [["Kundnummer", "Efternamn", "Förnamn", "Gatuadress", "Postnummer", "Postanstalt", "Telefon", "Produkt", "Leveransanvisning", "Modersmål"]]
    for p in _members(c, "IU"):
        a = p.a["addr"]["IU"]
        city = {"Porvoo": "Borgå", "Loviisa": "Lovisa", "Sipoo": "Sibbo"}.get(a["city"], a["city"]) if p.lang == "sv" else a["city"]
        c.name(p, [p.surname, p.a["given_all"]], d, "Efternamn+Förnamn")
        _addr_el(c, p, d, "Gatuadress+Postnummer+Postanstalt")
        _health(c, p, d, "Produkt")
        if p.a["instr"]:
            _deliv(c, p, d, "Leveransanvisning")
        rows.append([p.a["custno"]["IU"], p.surname, p.a["given_all"], a["street"], a["zip"], city,
                     _ph_raw(c, p, 0, d, "Telefon") if p.a["phones"] else "", p.a["product"][1], p.a["instr"], p.lang])
    d.csv_rows(rows, delimiter="\t")


def _lu(c, rng):
    d = c.doc("asiakasrekisterit/lansi-uusimaa_asiakkaat.json")
    arr = []
    for p in _members(c, "LU"):
        a = p.a["addr"]["LU"]
        contacts = []
        for i, nsn in enumerate(p.a["phones"]):
            e = ids.e164("FI", nsn)
            if rng.random() < 0.3:
                val = int(e[1:])
                c.ident(p, "phone", e, e[1:], d, "contacts[].value (JSON number)")
            else:
                val = _ph_raw(c, p, i, d, "contacts[].value")
            contacts.append({"type": "mobile" if nsn[:2] in ("40", "41", "44", "45", "46", "50") else "landline", "value": val})
        for r in p.a.get("relatives", []):
            if rng.random() < 0.6:
                rv = r.a["phones"][0]
                re164 = ids.e164("FI", rv)
                if rng.random() < 0.3:
                    val = int(re164[1:])
                    c.ident(r, "phone", re164, re164[1:], d, "contacts[relative].phone (JSON number)")
                else:
                    raw, _ = ids.render_phone(rng, "FI", rv)
                    val = c.ident(r, "phone", re164, raw, d, "contacts[relative].phone")
                contacts.append({"type": "relative", "name": c.name(r, f"{r.given} {r.surname}", d, "contacts[relative].name"),
                                 "relation": r.a["relation"], "phone": val})
        c.name(p, [p.surname, p.a["given_all"]], d, "name.family+given")
        _addr_el(c, p, d, "address")
        _health(c, p, d, "product.name")
        rec = {"customerNo": p.a["custno"]["LU"], "name": {"family": p.surname, "given": p.a["given_all"]},
               "address": {"street": a["street"], "postalCode": a["zip"], "city": a["city"]}, "contacts": contacts,
               "product": {"code": p.a["product"][0], "name": p.a["product"][1], "dailyUse": rng.randint(2, 6)},
               "language": p.lang, "active": True}
        if p.a["instr"]:
            rec["deliveryNote"] = p.a["instr"]
            _deliv(c, p, d, "deliveryNote")
        arr.append(rec)
    d.w(json.dumps(arr, ensure_ascii=False, indent=1))


def _ky(c, rng):
    d = c.doc("asiakasrekisterit/kymenlaakso_asiakkaat_yhteyshenkilot.csv")
    head = ["asiakas_nro", "sukunimi", "etunimi", "katuosoite", "postinumero", "postitoimipaikka", "puhelin",
            "yhteyshenkilo_1_nimi", "yhteyshenkilo_1_puhelin", "yhteyshenkilo_1_suhde",
            "yhteyshenkilo_2_nimi", "yhteyshenkilo_2_puhelin", "yhteyshenkilo_2_suhde", "tuote", "toimitusohje"]
    rows = [head]
    for p in _members(c, "KY"):
        a = p.a["addr"]["KY"]
        c.name(p, [p.surname, p.given], d, "sukunimi+etunimi")
        _addr_el(c, p, d, "katuosoite+postinumero+postitoimipaikka")
        _health(c, p, d, "tuote")
        if p.a["instr"]:
            _deliv(c, p, d, "toimitusohje")
        row = [p.a["custno"]["KY"], p.surname, p.given, a["street"], a["zip"], a["city"],
               _ph_raw(c, p, 0, d, "puhelin") if p.a["phones"] else ""]
        rs = p.a.get("relatives", [])[:2]
        for k in range(2):
            if k < len(rs):
                r = rs[k]
                row += [c.name(r, f"{r.surname} {r.given}", d, f"yhteyshenkilo_{k + 1}_nimi"),
                        _ph_raw(c, r, 0, d, f"yhteyshenkilo_{k + 1}_puhelin"), r.a["relation"]]
            else:
                row += ["", "", ""]
        row += [p.a["product"][1], p.a["instr"]]
        rows.append(row)
    d.csv_rows(rows, delimiter=",", quoting=1)


def _ku(c, rng):
    d = c.doc("asiakasrekisterit/keski-uusimaa_toimitusasiakkaat.xml", encoding="iso-8859-15")
    out = ['<?xml version="1.0" encoding="ISO-8859-15"?>', '<Toimitusasiakkaat alue="Keski-Uusimaa" ajettu="2023-03-14T06:00:00">']
    for p in _members(c, "KU"):
        a = p.a["addr"]["KU"]
        c.name(p, [p.surname, p.a["given_all"]], d, "Nimi/Suku+Etu")
        _addr_el(c, p, d, "Osoite")
        _health(c, p, d, "Tuote")
        out.append(f'  <Asiakas nro="{p.a["custno"]["KU"]}">')
        out.append(f"    <Nimi><Suku>{escape(p.surname)}</Suku><Etu>{escape(p.a['given_all'])}</Etu></Nimi>")
        out.append(f"    <Osoite><Katu>{escape(a['street'])}</Katu><Postinumero>{a['zip']}</Postinumero><Kunta>{a['city']}</Kunta></Osoite>")
        for i in range(len(p.a["phones"])):
            out.append(f"    <Puhelin tyyppi=\"{'ensisijainen' if i == 0 else 'muu'}\">{escape(_ph_raw(c, p, i, d, 'Puhelin'))}</Puhelin>")
        out.append(f"    <Tuote koodi=\"{p.a['product'][0]}\">{escape(p.a['product'][1])}</Tuote>")
        if p.a["instr"]:
            out.append(f"    <Toimitusohje>{escape(p.a['instr'])}</Toimitusohje>")
            _deliv(c, p, d, "Toimitusohje")
        out.append("  </Asiakas>")
    out.append("</Toimitusasiakkaat>")
    d.w("\n".join(out) + "\n")


def _hki(c, rng):
    d = c.doc("asiakasrekisterit/helsinki_kotiinkuljetus_2023.csv")
    rows = [["Asiakasnumero", "Nimi", "Syntymäaika", "Osoite", "Puhelin", "Tuote", "Toimitusohje", "Viimeisin toimitus"]]
    for p in _members(c, "HKI"):
        a = p.a["addr"]["HKI"]
        nm = f"{p.surname}, {p.a['given_all']}"
        c.name(p, nm, d, "Nimi")
        c.expose(p, "date_of_birth", d, "Syntymäaika")
        _addr_el(c, p, d, "Osoite")
        _health(c, p, d, "Tuote")
        instr = p.a["instr"]
        if instr or rng.random() < 0.3:
            instr = (instr + "\n" if instr else "") + rng.choice(["Soita ensin, asiakas liikkuu hitaasti", "Kotihoito paikalla aamuisin",
                                                                   "Pihalla koira!"])
        if instr:
            _deliv(c, p, d, "Toimitusohje")
        rows.append([p.a["custno"]["HKI"], nm, p.a["dob"].strftime("%-d.%-m.%Y"), f"{a['street']}\n{a['zip']} {a['city'].upper()}",
                     _ph_raw(c, p, 0, d, "Puhelin") if p.a["phones"] else "", p.a["product"][1], instr,
                     f"2023-0{rng.randint(1, 3)}-{rng.randint(1, 28):02d}"])
    d.csv_rows(rows, delimiter=";", quoting=1)


def _hus(c, rng):
    d = c.doc("asiakasrekisterit/HUS_apuvalinekeskus_asiakasluettelo.txt", encoding="utf-8")
    mem = _members(c, "HUS")
    pages = max(1, (len(mem) + 11) // 12)
    out = []
    for k, p in enumerate(mem):
        if k % 12 == 0:
            out += ["\f" if k else "", f"HUS Apuvälinekeskus — Kotiin toimitettavat tarvikkeet — ASIAKASLUETTELO{' ' * 10}Sivu {k // 12 + 1}/{pages}",
                    f"Tulostettu 14.03.2023 klo 07.12  käyttäjä: WL-INTEGRAATIO", "-" * 96]
        a = p.a["addr"]["HUS"]
        nm = f"{p.surname.upper()} {p.a['given_all'].upper()}"
        c.name(p, nm, d, "nimirivi")
        c.expose(p, "date_of_birth", d, "Syntymäaika")
        _addr_el(c, p, d, "osoiterivi")
        _health(c, p, d, "Tuote")
        out.append(f"{nm:<44}Syntymäaika {p.a['dob']:%d.%m.%Y}   Asiakasnro {p.a['custno']['HUS']}")
        out.append(f"    {a['street'].upper()}, {a['zip']} {a['city'].upper()}")
        tel = _ph_raw(c, p, 0, d, "Puh.") if p.a["phones"] else "-"
        out.append(f"    Puh. {tel:<22}Tuote: {p.a['product'][0]} {p.a['product'][1]}")
        if p.a["instr"]:
            out.append(f"    Huom: {p.a['instr']}")
            _deliv(c, p, d, "Huom")
        out.append("")
    d.w("\n".join(out) + "\n")


# ------------------------------------------------------------------------------------------ self-payers' webshop

def _webshop(c, rng):
    d = c.doc("verkkokauppa/tilaukset_export_2023Q1.json")
    obj = {}
    for p in _members(c, "SELF"):
        for k in range(rng.randint(1, 3)):
            oid = f"WS{rng.randint(1000000, 9999999)}"
            a = p.a["addr"]["SELF"]
            hetu = p.a["hetu"]
            c.ident(p, "fi_hetu", hetu, hetu, d, "asiakas.hetu")
            c.name(p, [p.given, p.surname], d, "asiakas.etunimi+sukunimi")
            _addr_el(c, p, d, "toimitusosoite")
            _health(c, p, d, "rivit[].tuote")
            c.expose(p, "purchase_history", d, "rivit[]")
            c.expose(p, "delivery_info", d, "toimitustapa")
            obj[oid] = {"tila": rng.choice(["toimitettu", "toimitettu", "käsittelyssä"]),
                        "asiakas": {"hetu": hetu, "etunimi": p.given, "sukunimi": p.surname,
                                    "email": c.ident(p, "email", p.a["email"], ids.render_email(rng, p.a["email"], 0.2), d, "asiakas.email"),
                                    "puhelin": _ph_raw(c, p, 0, d, "asiakas.puhelin")},
                        "toimitusosoite": {"katu": a["street"], "postinumero": a["zip"], "kaupunki": a["city"]},
                        "toimitustapa": rng.choice(["kotiinkuljetus", "kotiinkuljetus, ilta", "noutopiste"]),
                        "rivit": [{"tuote": p.a["product"][1], "koodi": p.a["product"][0], "kpl": rng.randint(1, 4),
                                   "hinta": round(rng.uniform(12, 80), 2)}],
                        "maksutapa": rng.choice(["lasku", "verkkopankki", "kortti"]),
                        "luotu": f"2023-0{rng.randint(1, 3)}-{rng.randint(1, 28):02d}T{rng.randint(0, 23):02d}:{rng.randint(0, 59):02d}:00+02:00"}
    d.w(json.dumps(obj, ensure_ascii=False, indent=2, sort_keys=True))


# ------------------------------------------------------------------------------------------ order lines (join only)

def _order_lines(c, rng):
    for m in (1, 2, 3):
        d = c.doc(f"tilaukset/tilausrivit_2023-0{m}.csv")
        rows = [["Tilausnro", "Asiakasnro", "Rivi", "Tuotekoodi", "Tuotenimi", "Määrä", "Yksikkö", "Toimituspäivä", "Hinta"]]
        for p in c.scratch["customers"]:
            if rng.random() < 0.6:
                reg = rng.choice(p.a["regions"])
                on = f"{m}{rng.randint(100000, 999999)}"
                for ln in range(1, rng.randint(1, 3) + 1):
                    code, pname = p.a["product"] if ln == 1 else rng.choice(PRODUCTS_FI)
                    rows.append([on, p.a["custno"][reg], str(ln), code, pname, str(rng.randint(1, 12)), "pkt",
                                 f"{rng.randint(1, 28)}.{m}.2023", f"{rng.uniform(3, 40):.2f}".replace(".", ",")])
                # the customer number is no identifier: these rows only add to what is known through a join
                c.expose(p, "health_data", d, "Tuotenimi (via Asiakasnro)", optional=True)
                c.expose(p, "delivery_info", d, "Toimituspäivä (via Asiakasnro)", optional=True)
                c.expose(p, "purchase_history", d, "rivit (via Asiakasnro)", optional=True)
        d.csv_rows(rows, delimiter=";")


# ------------------------------------------------------------------------------------------ route sheets

def _routes(c, rng):
    cust = [p for p in c.scratch["customers"] if not set(p.a["regions"]) & {"SELF", "KUULO"}]
    for k in range(rng.randint(32, 40)):
        day = dt.date(2023, 3, 1) + dt.timedelta(days=rng.randint(0, 20))
        drv = rng.choice(DRIVERS)
        drv_tel = ids.phone_nsn(rng, "FI")
        while drv_tel in c.scratch["used_phones"]:
            drv_tel = ids.phone_nsn(rng, "FI")
        c.scratch["used_phones"].add(drv_tel)
        d = c.doc(f"reitit/{day.isoformat()}_reitti_{k + 1:02d}.csv", encoding="windows-1252", newline="\r\n")
        drv_raw, _ = ids.render_phone(rng, "FI", drv_tel, 0)
        c.decoy(ids.e164("FI", drv_tel), "driver (staff) phone", d, "Kuljettajan puh.", raw=drv_raw)
        rows = [["Pysäkki", "Aikaikkuna", "Asiakas", "Osoite", "Puhelin", "Kolleja", "Tuote", "Ohje", "Kuljettaja", "Kuljettajan puh."]]
        stops = rng.sample(cust, rng.randint(18, 30))
        t = 8 * 60
        for j, p in enumerate(stops):
            reg = rng.choice(p.a["regions"])
            a = p.a["addr"][reg]
            nm = f"{p.surname.upper()} {p.given}"
            c.name(p, nm, d, "Asiakas")
            _addr_el(c, p, d, "Osoite")
            _health(c, p, d, "Tuote")
            _deliv(c, p, d, "Aikaikkuna/Ohje")
            tel = _ph_raw(c, p, 0, d, "Puhelin", rng.choice([0, 1, 6])) if p.a["phones"] else ""
            rows.append([str(j + 1), f"{t // 60:02d}:{t % 60:02d}-{(t + 60) // 60:02d}:{t % 60:02d}", nm,
                         f"{a['street']}, {a['zip']} {a['city']}", tel, str(rng.randint(1, 4)), p.a["product"][1],
                         p.a["instr"], f"{drv[0]} {drv[1]}", drv_raw])
            t += rng.randint(10, 25)
        d.csv_rows(rows, delimiter=";")


# ------------------------------------------------------------------------------------------ complaint mails

def _complaints(c, rng):
    cands = [p for p in c.scratch["customers"] if any("email" in r.a for r in p.a.get("relatives", []))]
    for k, p in enumerate(rng.sample(cands, min(len(cands), 34))):
        r = next(r for r in p.a["relatives"] if "email" in r.a)
        sv = p.lang == "sv"
        reg = p.a["regions"][0]
        a = p.a["addr"][reg]
        d = c.doc(f"reklamaatiot/{2023031000 + k * 7}.eml", encoding="ascii", mail=True, newline="\r\n")
        pnm = f"{p.given} {p.surname}"
        rnm = f"{r.given} {r.surname}"
        rtel = ids.render_phone(rng, "FI", r.a["phones"][0])[0]
        if sv:
            orig = (f"Hej,\n\nmin {'mor' if p.female else 'far'} {pnm}, {a['street']}, {a['zip']} {a['city']}, har inte fått "
                    f"sina {p.a['product'][1]} på tre veckor. Kan ni kontrollera leveransen?\n\nMed vänlig hälsning\n{rnm}\n{rtel}")
        else:
            orig = (f"Hei,\n\n{'äitini' if p.female else 'isäni'} {pnm} ({a['street']}, {a['zip']} {a['city']}) ei ole saanut "
                    f"tuotteita {p.a['product'][1]} kolmeen viikkoon. Voitteko tarkistaa toimituksen?\n\nYstävällisin terveisin\n{rnm}\n{rtel}")
        c.name(p, pnm, d, "body")
        _addr_el(c, p, d, "body")
        _health(c, p, d, "body")
        _deliv(c, p, d, "body")
        c.name(r, rnm, d, "body/From")
        c.ident(r, "phone", ids.e164("FI", r.a["phones"][0]), rtel, d, "signature")
        agent = rng.choice(AGENTS)
        ag_mail = f"asiakaspalvelu@westlog.example.com"
        c.decoy(ag_mail, "processor customer service (staff)", d, "From/To")
        m1 = email.message.EmailMessage(policy=email.policy.SMTP)
        m1["From"] = f"{agent[0]} / Westlog <{ag_mail}>"
        m1["To"] = f"{rnm} <{r.a['email']}>"
        c.ident(r, "email", r.a["email"], r.a["email"], d, "To")
        m1["Subject"] = ("SV: " if sv else "VS: ") + ("Leverans saknas" if sv else "Toimitus puuttuu")
        m1["Date"] = f"Mon, {rng.randint(1, 28):02d} Mar 2023 {rng.randint(8, 16):02d}:{rng.randint(0, 59):02d}:00 +0200"
        m1["Message-ID"] = f"<reply-{k}@westlog.example.com>"
        quoted = "\n".join("> " + ln if ln else ">" for ln in orig.split("\n"))
        reply = (("Hej,\n\ntack för ert meddelande. Leveransen är nu bokad.\n\n" if sv else
                  "Hei,\n\nkiitos viestistä. Toimitus on nyt varattu.\n\n") + f"{agent[0]}\nWestlog asiakaspalvelu\n\n"
                 f"{rnm} <{r.a['email']}> kirjoitti:\n{quoted}\n")
        m1.set_content(reply, charset="utf-8", cte="base64" if k % 2 else "8bit")
        d.w(m1.as_bytes(policy=email.policy.SMTP).decode("utf-8" if k % 2 == 0 else "ascii").replace("\r\n", "\n"))
        if k % 2 == 0:
            d.encoding = "utf-8"


# ------------------------------------------------------------------------------------------ call transcripts

def _calls(c, rng):
    d = c.doc("asiakaspalvelu/puhelut_2023-03_litteroinnit.txt")
    hear = _members(c, "KUULO")
    others = rng.sample([p for p in c.scratch["customers"] if p.a["phones"] and "KUULO" not in p.a["regions"]], 40)
    out = []
    for k, p in enumerate(hear + others):
        sv = p.lang == "sv"
        reg = p.a["regions"][0]
        a = p.a["addr"][reg]
        ag = rng.choice(AGENTS)
        ts = dt.datetime(2023, 3, rng.randint(1, 28), rng.randint(8, 16), rng.randint(0, 59))
        pnm = f"{p.given} {p.surname}"
        c.name(p, pnm, d, "Soittaja")
        tel = _ph_raw(c, p, 0, d, "Soittaja (numero)", rng.choice([0, 2, 6])) if p.a["phones"] else None
        out.append(f"=== Puhelu {ts:%Y-%m-%d %H:%M}  kesto {rng.randint(1, 9):02d}:{rng.randint(0, 59):02d}  jono: {REGIONS[reg][0]}")
        if sv:
            out += [f"Agent ({ag[0]}): Westlog kundtjänst, {ag[0]}.", f"Uppringare: Hej, det är {pnm}. Jag väntar på {p.a['product'][1]}.",
                    "Agent: Kan ni bekräfta adressen?", f"Uppringare: {a['street']}, {a['zip']} {a['city']}."]
            if tel:
                out.append(f"Agent: Och ert telefonnummer? Uppringare: {tel}.")
        else:
            out += [f"Agentti ({ag[0]}): Westlog asiakaspalvelu, {ag[0]}.", f"Soittaja: Hei, tässä {pnm}. Odotan tuotetta {p.a['product'][1]}.",
                    "Agentti: Voitteko vahvistaa osoitteen?", f"Soittaja: {a['street']}, {a['zip']} {a['city']}."]
            if tel:
                out.append(f"Agentti: Entä puhelinnumero? Soittaja: {tel}.")
        _addr_el(c, p, d, "transcript")
        _health(c, p, d, "transcript")
        c.expose(p, "delivery_info", d, "transcript")
        out.append("Agentti: Kirjattu, toimitus ensi viikolla." if not sv else "Agent: Noterat, leverans nästa vecka.")
        out.append("")
    d.w("\n".join(out) + "\n")
