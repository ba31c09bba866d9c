"""Case 2: genetic testing laboratory (Estonia) with ~40 ordering providers, some abroad.

Shapes: one JSON order per order with the subject as a key/value attribute list (ID codes as JSON numbers),
per-sample result reports (SURNAME, Given / NFD names), pivoted genotype matrices and sample sheets that carry
only pseudonymous sample ids, a trio table with proband + mother + father in one row (ISO-8859-4), a UTF-16BE
invoice table where the payer is often the spouse, QP-encoded .eml threads with quoted replies and base64
CSV attachments, and foreign referral letters in Latvian, Lithuanian, Finnish, Swedish, Norwegian, Danish,
English and German with each country's ID and phone conventions.
"""
import base64
import datetime as dt
import email.charset
import email.message
import email.policy
import json
import unicodedata

import ids
import names as N
from check import any_person_id, name_tokens
from common import Case

EE_PROVIDERS = ["Toompea Geneetikakeskus", "Emajõe Naistekliinik", "Fertilis Kliinik", "Pirita Perekliinik", "Lõunaranniku Haigla",
                "Kadrioru Kliinik", "Mustamäe Meditsiinikeskus", "Tähtvere Tervisekeskus", "Narva-Jõesuu Kliinik", "Viljandi Vana Haigla",
                "Rakvere Tervisemaja", "Saaremaa Perekliinik", "Haapsalu Rannakliinik", "Jõhvi Meditsiinikeskus", "Paide Tervisekeskus",
                "Valga Piirikliinik", "Tartu Viljakuskeskus", "Kalamaja Lastekliinik", "Nõmme Perearstid", "Kopli Tervisekoda",
                "Ülemiste Kliinik", "Kesklinna Naistenõuandla", "Pärnu Rannahaigla", "Võru Tervisekeskus", "Põlva Perekliinik",
                "Kuressaare Lastehaigla", "Keila Tervisekeskus", "Maardu Perearstikeskus", "Sillamäe Kliinik", "Elva Tervisemaja",
                "Tallinna Lastegeneetika OÜ"]
FOREIGN = {"LV": ("Rīgas Iedzimtības klīnika", "lv"), "LT": ("Vilniaus genetikos centras", "lt"),
           "FI": ("Helsingin Perinnöllisyyslääkärit Oy", "fi"), "SE": ("Göteborgs Fertilitetsklinik AB", "sv"),
           "NO": ("Oslo Fertilitetssenter AS", "no"), "DK": ("Aarhus Fertilitetsklinik ApS", "da"),
           "UK": ("Thames Reproductive Clinic", "en"), "DE": ("Praxis für Humangenetik Berlin-Mitte", "de")}
TESTS = [("CFTR", "CFTR kandlusuuring", "Z31.4", "Viljatusuuring / fertility work-up", "c.1521_1523del p.(Phe508del)"),
         ("BRCA", "BRCA1/BRCA2 paneel", "Z80.3", "Perekonnas rinnavähk", "BRCA1 c.5266dupC p.(Gln1756Profs*74)"),
         ("KARY", "Karüotüüp", "N96", "Korduv raseduse katkemine", "46,XX,t(11;22)(q23;q11.2)"),
         ("FRAX", "FMR1 korduste analüüs", "Z31.4", "Munasarjade enneaegne puudulikkus", "FMR1 premutatsioon 78 CGG kordust"),
         ("HFE", "HFE genotüpiseerimine", "E83.1", "Rauaülekoormus", "HFE c.845G>A p.(Cys282Tyr) homosügootne"),
         ("LYNCH", "Lynchi sündroomi paneel", "Z80.0", "Perekonnas jämesoolevähk", "MLH1 c.1852_1854del"),
         ("PGT", "Preimplantatsiooniline testimine", "Z31.8", "IVF tsükkel", "euploidne, 2 embrüot"),
         ("THROMB", "Trombofiilia paneel (F5, F2)", "D68.5", "Süvaveenitromboos anamneesis", "F5 c.1601G>A (Leiden) heterosügootne"),
         ("SMA", "SMN1 koopiaarv", "Z31.4", "Kandlussõeluuring", "SMN1 1 koopia (kandja)"),
         ("NEURO", "Laiendatud neuroloogiline paneel", "G71.0", "Lihasdüstroofia kahtlus", "DMD c.3940C>T p.(Arg1314*)")]
RSIDS = ["rs1801133", "rs1799963", "rs6025", "rs1800562", "rs1799945", "rs113993960", "rs80357906", "rs28897696", "rs121908745",
         "rs334", "rs1042522", "rs4680", "rs762551", "rs1801131", "rs9939609"]
STREETS = {"EE": ["Pärna tn", "Tähe tn", "Riia mnt", "Kalda tee", "Vabriku tn"], "LV": ["Brīvības iela", "Krišjāņa Barona iela", "Elizabetes iela"],
           "LT": ["Gedimino pr.", "Žalgirio g.", "Savanorių pr."], "FI": ["Mannerheimintie", "Hämeentie", "Kauppakatu"],
           "SE": ["Storgatan", "Kungsgatan", "Vasagatan"], "NO": ["Storgata", "Kirkeveien", "Thereses gate"],
           "DK": ["Nørregade", "Søndergade", "Vestergade"], "UK": ["Harrow Road", "Mill Lane", "Church Street"],
           "DE": ["Torstraße", "Invalidenstraße", "Kastanienallee"]}
CITY = {"EE": ("Tallinn", "1{:04d}"), "LV": ("Rīga", "LV-10{:02d}"), "LT": ("Vilnius", "LT-0{:04d}"), "FI": ("Helsinki", "00{:03d}"),
        "SE": ("Göteborg", "41{:01d} {:02d}"), "NO": ("Oslo", "0{:03d}"), "DK": ("Aarhus C", "8000"), "UK": ("Reading", "RG1 {:01d}AB"),
        "DE": ("Berlin", "101{:02d}")}
LAB_STAFF = [("Kristiina", "Ojasoo", "laborigeneetik"), ("Martin", "Lepasaar", "laborigeneetik"), ("Anu", "Kaljuste", "bioanalüütik"),
             ("Pavel", "Grigorjev", "bioanalüütik"), ("Eveli", "Tamberg", "bioinformaatik")]
LAB_DOMAIN = "geneetikalabor.example.com"


def _uniq_name(used, pick):
    for _ in range(500):
        g, s, f = pick()
        k = name_tokens(f"{g} {s}")
        if k not in used:
            used.add(k)
            return g, s, f
    raise RuntimeError("names")


def _uniq_phone(rng, used, country):
    while True:
        n = ids.phone_nsn(rng, country)
        if n not in used:
            used.add(n)
            return n


def _addr(rng, cc):
    st = rng.choice(STREETS[cc])
    city, zf = CITY[cc]
    no = f"{rng.randint(1, 120)}"
    if cc in ("EE", "LV", "LT"):
        no += f"-{rng.randint(1, 40)}"
    if cc == "SE":
        z = zf.format(rng.randint(1, 7), rng.randint(10, 99))
    elif cc == "DK":
        z = zf
    else:
        z = zf.format(rng.randint(1, 99 if cc in ("LV", "DE") else 999 if cc in ("FI", "NO") else 9 if cc == "UK" else 9999))
    if cc in ("UK",):
        return f"{no} {st}, {city} {z}"
    if cc in ("DE", "SE", "NO", "DK", "FI"):
        return f"{st} {no}, {z} {city}"
    return f"{st} {no}, {city}, {z}" if cc in ("LV", "LT") else f"{st} {no}, {z} {city}"


def _make_id(rng, cc, dob, female, p):
    if cc == "EE":
        return "ee_isikukood", ids.ee_like(rng, dob, female)
    if cc == "LT":
        return "lt_asmens_kodas", ids.ee_like(rng, dob, female)
    if cc == "LV":
        return "lv_personas_kods", ids.lv_new(rng) if rng.random() < 0.4 else ids.lv_old(rng, dob)
    if cc == "FI":
        return "fi_hetu", ids.fi_hetu(rng, dob, new_sign=rng.random() < 0.2)
    if cc == "SE":
        sam = rng.random() < 0.2
        if sam:
            p.note.append("samordningsnummer")
        return "se_personnummer", ids.se_pnr(rng, dob, samordning=sam)
    if cc == "NO":
        dn = rng.random() < 0.25
        if dn:
            p.note.append("D-nummer")
        return "no_fodselsnummer", ids.no_fnr(rng, dob, d_number=dn)
    if cc == "DK":
        return "dk_cpr", ids.dk_cpr(rng, dob)
    if cc == "UK":
        return "uk_nhs_number", ids.uk_nhs(rng)
    return None


def _render_id(rng, t, v):
    """How the ID is written in a letter of its own country."""
    if t == "se_personnummer":
        full = v.replace("-", "")
        yy = int(full[:4])
        if 2023 - yy >= 100:
            return f"{full[2:8]}+{full[8:]}"
        return rng.choice([v, f"{full[2:8]}-{full[8:]}", full, f"{full[:8]} {full[8:]}"])
    if t == "no_fodselsnummer":
        return rng.choice([v, f"{v[:6]} {v[6:]}"])
    if t == "dk_cpr":
        return rng.choice([v, v.replace("-", "")])
    if t == "uk_nhs_number":
        return rng.choice([f"{v[:3]} {v[3:6]} {v[6:]}", v, f"{v[:3]}-{v[3:6]}-{v[6:]}"])
    if t == "lv_personas_kods":
        return rng.choice([v, v, v.replace("-", "")])
    return v


def build(rng):
    c = Case("case2_asper_genetics", "Genetic testing laboratory (Estonia) — blind5", rng)
    used_names, used_emails, used_phones = set(), set(), set()
    c.scratch.update(used_names=used_names, used_emails=used_emails, used_phones=used_phones)
    providers = [{"code": f"P{i + 1:02d}", "name": n, "cc": "EE", "domain": f"{ids.ascii_fold(n.split()[0]).lower()}{i + 1}.example.org"}
                 for i, n in enumerate(EE_PROVIDERS)]
    for cc, (n, lang) in FOREIGN.items():
        providers.append({"code": f"X{cc}", "name": n, "cc": cc, "lang": lang,
                          "domain": f"{ids.ascii_fold(n.split()[0]).lower()}.example.org"})
    for pr in providers:
        g, s, _ = N.pick_et(rng) if pr["cc"] == "EE" else N.pick_simple(rng, N.EN_M, N.EN_F, N.EN_S)
        pr["doctor"] = (f"{g} {s}", f"D{rng.randint(10000, 99999)}", f"{ids.ascii_fold(g).lower()}.{ids.ascii_fold(s).lower().replace(' ', '')}@{pr['domain']}")
    c.scratch["providers"] = providers
    ee_prov = [p for p in providers if p["cc"] == "EE"]
    n = rng.randint(300, 360)
    dist = [("EE", 0.68), ("LV", 0.07), ("LT", 0.05), ("FI", 0.06), ("SE", 0.05), ("NO", 0.03), ("DK", 0.03), ("UK", 0.02), ("DE", 0.01)]
    patients = []
    for i in range(n):
        r, acc, cc = rng.random(), 0.0, "EE"
        for k, w in dist:
            acc += w
            if r < acc:
                cc = k
                break
        if i < 9:
            cc = [k for k, _ in dist][i]          # every country at least once
        p = _new_person(c, rng, cc, used_names)
        if cc == "SE" and i % 7 == 0:
            p.a["dob"] = ids.rand_date(rng, 1919, 1922)      # over 100: personnummer with '+'
        elif rng.random() < 0.08:
            p.a["dob"] = ids.rand_date(rng, 2008, 2021)
        else:
            p.a["dob"] = ids.rand_date(rng, 1955, 2000)
        if cc == "FI" and p.a["dob"].year < 1900:
            p.a["dob"] = ids.rand_date(rng, 1960, 1990)
        _finish_person(c, rng, p, cc, used_emails, used_phones)
        prov = [rng.choice(ee_prov) if cc == "EE" else next(x for x in providers if x["code"] == "X" + cc)]
        if rng.random() < 0.11:
            prov.append(rng.choice(ee_prov))
        p.a["orders"] = []
        for pr in prov:
            p.a["orders"].append(_new_order(c, rng, pr))
            p.controllers.add(pr["name"])
        patients.append(p)
    # trio families: proband is a child patient, parents are persons of their own
    trios = []
    kids = [p for p in patients if p.country == "EE" and p.a["dob"].year >= 2008]
    extra_kids = rng.randint(20, 30)
    for _ in range(extra_kids):
        p = _new_person(c, rng, "EE", used_names)
        p.a["dob"] = ids.rand_date(rng, 2010, 2022)
        _finish_person(c, rng, p, "EE", used_emails, used_phones, contact=False)
        pr = next(x for x in providers if x["name"] == "Kalamaja Lastekliinik")
        p.a["orders"] = [_new_order(c, rng, pr, test=rng.choice([t for t in TESTS if t[0] in ("NEURO", "KARY", "SMA")]))]
        p.controllers.add(pr["name"])
        patients.append(p)
        kids.append(p)
    for kid in kids:
        if rng.random() < 0.8:
            fam = []
            for female in (True, False):
                if kid.lang == "ru":
                    base = kid.surname[:-1] if kid.female else kid.surname
                    g, s, _ = _uniq_name(used_names, lambda: (rng.choice(N.RU_F if female else N.RU_M)[0],
                                                              (base if rng.random() < 0.7 else rng.choice(N.RU_S)[0]) + ("a" if female else ""), female))
                else:
                    g, s, _ = _uniq_name(used_names, lambda: (rng.choice(N.ET_F if female else N.ET_M), kid.surname if rng.random() < 0.7 else rng.choice(N.ET_S), female))
                par = c.person(g, s, kid.lang, female=female, country="EE")
                par.a["dob"] = ids.rand_date(rng, kid.a["dob"].year - 42, kid.a["dob"].year - 22)
                par.a["nid"] = ("ee_isikukood", ids.ee_like(rng, par.a["dob"], female))
                par.controllers |= kid.controllers
                par.note.append("parent in trio study")
                fam.append(par)
            trios.append((kid, fam[0], fam[1]))
    c.scratch["patients"] = patients
    _orders_json(c, rng)
    _reports(c, rng)
    _runs(c, rng)
    _trio(c, rng, trios)
    _referrals(c, rng)
    _invoices(c, rng, used_names, used_emails)
    _mail(c, rng)
    _lims_log(c, rng)
    return c


def _new_person(c, rng, cc, used_names):
    cyr = None
    if cc == "EE":
        if rng.random() < 0.3:
            while True:
                g, s, f, cyr = N.pick_ru(rng)
                if name_tokens(f"{g} {s}") not in used_names:
                    used_names.add(name_tokens(f"{g} {s}"))
                    break
            lang = "ru"
        else:
            g, s, f = _uniq_name(used_names, lambda: N.pick_et(rng))
            lang = "et"
    elif cc == "LV":
        g, s, f = _uniq_name(used_names, lambda: N.pick_gendered(rng, N.LV_M, N.LV_F, N.LV_S, 0.7))
        lang = "lv"
    elif cc == "LT":
        g, s, f = _uniq_name(used_names, lambda: N.pick_gendered(rng, N.LT_M, N.LT_F, N.LT_S, 0.7))
        lang = "lt"
    elif cc == "FI":
        g, s, f = _uniq_name(used_names, lambda: N.pick_simple(rng, N.FI_M, N.FI_F, N.FI_S, 0.7))
        lang = "fi"
    elif cc == "SE":
        g, s, f = _uniq_name(used_names, lambda: N.pick_simple(rng, N.SE_M, N.SE_F, N.SE_S, 0.7))
        lang = "sv"
    elif cc == "NO":
        g, s, f = _uniq_name(used_names, lambda: N.pick_simple(rng, N.NO_M, N.NO_F, N.NO_S, 0.7))
        lang = "no"
    elif cc == "DK":
        g, s, f = _uniq_name(used_names, lambda: N.pick_simple(rng, N.DK_M, N.DK_F, N.DK_S, 0.7))
        lang = "da"
    elif cc == "UK":
        g, s, f = _uniq_name(used_names, lambda: N.pick_simple(rng, N.EN_M, N.EN_F, N.EN_S, 0.7))
        lang = "en"
    else:
        g, s, f = _uniq_name(used_names, lambda: N.pick_simple(rng, N.DE_M, N.DE_F, N.DE_S, 0.7))
        lang = "de"
    p = c.person(g, s, lang, female=f, country=cc)
    if cyr:
        p.a["cyr"] = cyr
    return p


def _finish_person(c, rng, p, cc, used_emails, used_phones, contact=True):
    idt = _make_id(rng, cc, p.a["dob"], p.female, p)
    if idt:
        p.a["nid"] = idt
    if contact or rng.random() < 0.3:
        if rng.random() < 0.55 or cc == "DE":
            p.a["phone"] = _uniq_phone(rng, used_phones, cc)
        if rng.random() < 0.4:
            p.a["email"] = ids.email_for(rng, p.given, p.surname, used_emails)
    p.a["addr"] = _addr(rng, cc)


def _new_order(c, rng, pr, test=None):
    k = c.scratch.setdefault("order_seq", [rng.randint(1000, 3000)])
    k[0] += rng.randint(1, 9)
    return {"order": f"T2023-{k[0]:05d}", "sample": f"S23-{k[0] + 40000:05d}", "provider": pr, "test": test or rng.choice(TESTS),
            "received": dt.datetime(2023, rng.randint(1, 4), rng.randint(1, 28), rng.randint(7, 16), rng.randint(0, 59)),
            "report": rng.random() < 0.86}


# ------------------------------------------------------------------------------------------ order JSON

def _orders_json(c, rng):
    for p in c.scratch["patients"]:
        for o in p.a["orders"]:
            pr = o["provider"]
            d = c.doc(f"lims/tellimused/{pr['code']}/{o['order']}.json")
            attrs = []
            if "nid" in p.a:
                t, v = p.a["nid"]
                c.ident(p, t, v, v, d, "subject.attributes[personal_code]")
                val = int(v) if t in ("ee_isikukood", "lt_asmens_kodas") and rng.random() < 0.6 else v
                attrs.append({"name": "personal_code" if t in ("ee_isikukood",) else "foreign_id", "value": val,
                              **({"issuer": p.country} if t != "ee_isikukood" else {})})
            attrs.append({"name": "first_name", "value": p.given})
            attrs.append({"name": "last_name", "value": p.surname})
            c.name(p, [p.given, p.surname], d, "subject.attributes[first_name+last_name]")
            attrs.append({"name": "birth_date", "value": p.a["dob"].isoformat()})
            c.expose(p, "date_of_birth", d, "subject.attributes[birth_date]")
            attrs.append({"name": "sex", "value": "F" if p.female else "M"})
            if "phone" in p.a and rng.random() < 0.6:
                raw, _ = ids.render_phone(rng, p.country, p.a["phone"], rng.choice([1, 2]) if p.country != "US" else None)
                attrs.append({"name": "phone", "value": c.ident(p, "phone", ids.e164(p.country, p.a["phone"]), raw, d, "subject.attributes[phone]")})
            if "email" in p.a and rng.random() < 0.5:
                attrs.append({"name": "email", "value": c.ident(p, "email", p.a["email"], p.a["email"], d, "subject.attributes[email]")})
            code, tname, icd, indication, _ = o["test"]
            c.expose(p, "health_data", d, "indication")
            c.expose(p, "genetic_data", d, "tests", optional=True)
            doc_name, doc_code, doc_mail = pr["doctor"]
            c.decoy(doc_mail, "ordering physician (staff)", d, "orderedBy.email")
            obj = {"orderId": o["order"], "received": o["received"].isoformat() + "+02:00",
                   "provider": {"code": pr["code"], "name": pr["name"]},
                   "orderedBy": {"name": f"dr. {doc_name}", "code": doc_code, "email": doc_mail},
                   "subject": {"attributes": attrs},
                   "indication": {"icd10": icd, "text": indication},
                   "tests": [{"code": f"GEN-{code}", "name": tname}],
                   "sampleId": o["sample"], "priority": rng.choice(["routine", "routine", "urgent"]), "consent": {"research": rng.random() < 0.4}}
            d.w(json.dumps(obj, ensure_ascii=False, indent=2))


# ------------------------------------------------------------------------------------------ reports

def _report_name(rng, p):
    form = rng.randrange(4)
    if form == 0:
        return f"{p.surname.upper()}, {p.given}"
    if form == 1:
        return f"{p.given} {p.surname.upper()}"
    if form == 2:
        return f"{p.surname} {p.given}"
    return f"{p.given} {p.surname}"


def _reports(c, rng):
    for p in c.scratch["patients"]:
        for o in p.a["orders"]:
            if not o["report"]:
                continue
            pr = o["provider"]
            en = pr["cc"] != "EE"
            d = c.doc(f"aruanded/2023/{o['received']:%m}/{o['sample']}_{'report' if en else 'aruanne'}_v{rng.randint(1, 3)}.txt")
            nm = _report_name(rng, p)
            if rng.random() < 0.18:
                nm = unicodedata.normalize("NFD", nm)
                if "NFD name in report" not in p.note:
                    p.note.append("NFD name in report")
            c.name(p, nm, d, "Patient" if en else "Patsient")
            code, tname, icd, indication, result = o["test"]
            lines = []
            if en:
                lines += ["GENETIC TEST REPORT", "=" * 60, f"Patient:        {nm}"]
                if "nid" in p.a:
                    t, v = p.a["nid"]
                    lines.append(f"ID number:      {c.ident(p, t, v, _render_id(rng, t, v), d, 'ID number')}")
                lines += [f"Date of birth:  {p.a['dob']:%d.%m.%Y}", f"Referring unit: {pr['name']}", f"Sample:         {o['sample']}  (order {o['order']})",
                          f"Test:           {tname}", "", "RESULT", f"  {result}", "", "INTERPRETATION",
                          f"  Finding consistent with the clinical indication ({indication}).", ""]
            else:
                lines += ["GENEETILISE ANALÜÜSI VASTUS", "=" * 60, f"Patsient:       {nm}"]
                if "nid" in p.a:
                    t, v = p.a["nid"]
                    lines.append(f"Isikukood:      {c.ident(p, t, v, v, d, 'Isikukood')}")
                lines += [f"Sünniaeg:       {p.a['dob']:%d.%m.%Y}", f"Tellija:        {pr['name']} ({pr['code']})", f"Proov:          {o['sample']}  (tellimus {o['order']})",
                          f"Analüüs:        {tname}", "", "TULEMUS", f"  {result}", "", "KOMMENTAAR",
                          f"  Leid on kooskõlas kliinilise näidustusega ({indication}).", ""]
            c.expose(p, "date_of_birth", d, "Sünniaeg" if not en else "Date of birth")
            c.expose(p, "genetic_data", d, "TULEMUS" if not en else "RESULT")
            c.expose(p, "lab_result", d, "TULEMUS" if not en else "RESULT", optional=True)
            c.expose(p, "health_data", d, "KOMMENTAAR" if not en else "INTERPRETATION", optional=True)
            st = rng.choice([s for s in LAB_STAFF if s[2] == "laborigeneetik"])
            lines += [f"Allkirjastatud digitaalselt: {st[0]} {st[1]}, {st[2]}", f"{st[0].lower()}.{st[1].lower()}@{LAB_DOMAIN}"]
            c.decoy(f"{st[0].lower()}.{st[1].lower()}@{LAB_DOMAIN}", "lab geneticist (staff)", d, "signature")
            d.w("\n".join(lines) + "\n")


# ------------------------------------------------------------------------------------------ sample-only runs

def _runs(c, rng):
    samples = [(p, o) for p in c.scratch["patients"] for o in p.a["orders"]]
    rng.shuffle(samples)
    runs = [samples[i:i + 64] for i in range(0, min(len(samples), 64 * 5), 64)]
    for k, run in enumerate(runs):
        rid = f"run_2023_{17 + k:02d}"
        ss = c.doc(f"analüüs/{rid}/SampleSheet.csv", newline="\r\n")
        ss.w("[Header]\nIEMFileVersion,5\nInvestigator Name,EvT\nExperiment Name," + rid + "\nDate,2023-04-0" + str(k + 1) +
             "\nWorkflow,GenerateFASTQ\nChemistry,Amplicon\n\n[Reads]\n151\n151\n\n[Data]\n")
        rows = [["Sample_ID", "Sample_Name", "Sample_Plate", "Sample_Well", "I7_Index_ID", "index", "Description"]]
        for j, (p, o) in enumerate(run):
            rows.append([o["sample"], o["sample"], f"PL{k + 1}", f"{'ABCDEFGH'[j % 8]}{j // 8 + 1:02d}", f"N7{j:02d}",
                         "".join(rng.choice("ACGT") for _ in range(8)), o["provider"]["code"]])
            c.decoy(o["sample"], "pseudonymous sample id", ss, "Sample_ID")
        ss.csv_rows(rows)
        gm = c.doc(f"analüüs/{rid}/genotype_matrix.tsv")
        head = ["variant"] + [o["sample"] for _, o in run]
        out = ["\t".join(head)]
        for rs in RSIDS:
            out.append("\t".join([rs] + [rng.choice(["0/0", "0/0", "0/1", "1/1", "./."]) for _ in run]))
        gm.w("\n".join(out) + "\n")
        for p, o in run:
            c.expose(p, "genetic_data", gm, o["sample"], optional=True)


# ------------------------------------------------------------------------------------------ trio table

def _trio(c, rng, trios):
    d = c.doc("perekonnad/trio_uuringud_2022-2023.csv", encoding="iso-8859-4", newline="\r\n")
    rows = [["perekond", "proband_nimi", "proband_ik", "ema_nimi", "ema_ik", "isa_nimi", "isa_ik", "geen", "variant",
             "proband_gt", "ema_gt", "isa_gt", "järeldus", "arst"]]
    genes = [("DMD", "c.3940C>T"), ("SMN1", "del ex7"), ("SCN1A", "c.2836C>T"), ("MECP2", "c.473C>T"), ("CFTR", "c.1521_1523del")]
    for i, (kid, mom, dad) in enumerate(trios):
        g, v = rng.choice(genes)
        row = [f"F{2022 + i % 2}-{i + 1:03d}"]
        for who in (kid, mom, dad):
            nm = f"{who.surname.upper()} {who.given}" if rng.random() < 0.5 else f"{who.given} {who.surname}"
            c.name(who, nm, d, "nimi")
            t, val = who.a["nid"]
            row += [nm, c.ident(who, t, val, val, d, "ik")]
            c.expose(who, "genetic_data", d, "gt")
            c.expose(who, "health_data", d, "järeldus", optional=True)
        gts = rng.choice([("het", "het", "wt"), ("hom", "het", "het"), ("het", "wt", "wt"), ("hemi", "het", "wt")])
        concl = {"het": "kandja", "hom": "haige", "wt": "normaalne", "hemi": "haige"}
        dr = rng.choice(LAB_STAFF[:2])
        row += [g, v, *gts, f"proband {concl[gts[0]]}; {'de novo' if gts[1:] == ('wt', 'wt') else 'päritud'}", f"dr. {dr[0]} {dr[1]}"]
        rows.append(row)
    d.csv_rows(rows, delimiter=";")


# ------------------------------------------------------------------------------------------ referral letters

REF = {
    "lv": ("NOSŪTĪJUMS ĢENĒTISKAJAI IZMEKLĒŠANAI", "Pacients", "Personas kods", "Dzimšanas datums", "Adrese", "Tālrunis", "E-pasts",
           "Diagnoze / indikācija", "Nosūtītājs", "iso-8859-13"),
    "lt": ("SIUNTIMAS GENETINIAM TYRIMUI", "Pacientas", "Asmens kodas", "Gimimo data", "Adresas", "Telefonas", "El. paštas",
           "Diagnozė / indikacija", "Siuntėjas", "iso-8859-13"),
    "fi": ("LÄHETE PERINNÖLLISYYSTUTKIMUKSEEN", "Potilas", "Henkilötunnus", "Syntymäaika", "Osoite", "Puhelin", "Sähköposti",
           "Diagnoosi / indikaatio", "Lähettävä lääkäri", "iso-8859-15"),
    "sv": ("REMISS FÖR GENETISK UTREDNING", "Patient", "Personnummer", "Födelsedatum", "Adress", "Telefon", "E-post",
           "Diagnos / frågeställning", "Remitterande läkare", "windows-1252"),
    "no": ("HENVISNING TIL GENETISK UTREDNING", "Pasient", "Fødselsnummer", "Fødselsdato", "Adresse", "Telefon", "E-post",
           "Diagnose / problemstilling", "Henvisende lege", "windows-1252"),
    "da": ("HENVISNING TIL GENETISK UNDERSØGELSE", "Patient", "CPR-nr.", "Fødselsdato", "Adresse", "Telefon", "E-mail",
           "Diagnose / indikation", "Henvisende læge", "utf-8"),
    "en": ("REFERRAL FOR GENETIC TESTING", "Patient", "NHS number", "Date of birth", "Address", "Telephone", "Email",
           "Diagnosis / indication", "Referring clinician", "utf-8"),
    "de": ("ÜBERWEISUNG ZUR HUMANGENETISCHEN DIAGNOSTIK", "Patient/in", "Versichertennummer", "Geburtsdatum", "Anschrift", "Telefon",
           "E-Mail", "Diagnose / Fragestellung", "Überweisende/r Ärztin/Arzt", "iso-8859-15"),
}


def _kvnr(rng):
    """German health-insurance number (Krankenversichertennummer): letter + 8 digits + check digit (a decoy here)."""
    letter = rng.choice("ABCDEFGHKLMNPRSTUVWZ")
    body = f"{ord(letter) - 64:02d}" + "".join(str(rng.randint(0, 9)) for _ in range(8))
    s = 0
    for i, ch in enumerate(body):
        x = int(ch) * (1 if i % 2 == 0 else 2)
        s += x // 10 + x % 10
    return letter + body[2:] + str(s % 10)


def _referrals(c, rng):
    for p in c.scratch["patients"]:
        for o in p.a["orders"]:
            pr = o["provider"]
            if pr["cc"] == "EE":
                continue
            lang = pr["lang"]
            title, l_pat, l_id, l_dob, l_adr, l_tel, l_mail, l_dx, l_ref, enc = REF[lang]
            d = c.doc(f"saatekirjad/{pr['cc']}/{o['order']}_{lang}.txt", encoding=enc, newline="\r\n" if enc.startswith("windows") else "\n")
            lines = [title, "", f"{pr['name']}", ""]
            nm = f"{p.given} {p.surname}" if lang not in ("lv", "lt") else f"{p.surname.upper()} {p.given}"
            c.name(p, nm, d, l_pat)
            lines.append(f"{l_pat}: {nm}")
            if "nid" in p.a:
                t, v = p.a["nid"]
                lines.append(f"{l_id}: {c.ident(p, t, v, _render_id(rng, t, v), d, l_id)}")
            else:
                kv = _kvnr(rng)
                lines.append(f"{l_id}: {c.decoy(kv, 'German health-insurance number (not a supported national ID)', d, l_id)}")
            lines.append(f"{l_dob}: {p.a['dob']:%d.%m.%Y}" if lang != "en" else f"{l_dob}: {p.a['dob']:%d/%m/%Y}")
            c.expose(p, "date_of_birth", d, l_dob)
            lines.append(f"{l_adr}: {p.a['addr']}")
            c.expose(p, "postal_address", d, l_adr)
            if "phone" in p.a:
                raw, _ = ids.render_phone(rng, p.country, p.a["phone"])
                lines.append(f"{l_tel}: {c.ident(p, 'phone', ids.e164(p.country, p.a['phone']), raw, d, l_tel)}")
            if "email" in p.a:
                lines.append(f"{l_mail}: {c.ident(p, 'email', p.a['email'], ids.render_email(rng, p.a['email']), d, l_mail)}")
            code, tname, icd, indication, _ = o["test"]
            lines += ["", f"{l_dx}: {icd} - {indication}", f"Test: {tname}", ""]
            c.expose(p, "health_data", d, l_dx)
            dn, dc, dm = pr["doctor"]
            lines += [f"{l_ref}: {dn} ({dc})", dm]
            c.decoy(dm, "referring physician (staff)", d, l_ref)
            if lang == "de":
                lines.append("Praxis: +49 (0)30 " + "".join(str(rng.randint(0, 9)) for _ in range(8)))
            d.w("\n".join(lines) + "\n")


# ------------------------------------------------------------------------------------------ invoices (UTF-16BE)

def _ref_no(rng):
    while True:
        body = "".join(str(rng.randint(0, 9)) for _ in range(10))
        w = [7, 3, 1]
        s = sum(int(ch) * w[i % 3] for i, ch in enumerate(reversed(body)))
        v = body + str((10 - s % 10) % 10)
        if not any_person_id(v) and v[0] != "0":
            return v


def _invoices(c, rng, used_names, used_emails):
    d = c.doc("arved/eraarved_2023.tsv", encoding="utf-16-be", bom=True, newline="\r\n")
    head = ["Arve nr", "Kuupäev", "Patsient", "Patsiendi isikukood", "Maksja", "Maksja isikukood", "Maksja e-post", "Maksja IBAN",
            "Summa (EUR)", "Viitenumber", "Staatus"]
    out = ["\t".join(head)]
    cands = [p for p in c.scratch["patients"] if p.country in ("EE", "LV", "LT", "FI") and p.a["dob"].year < 2005 and "nid" in p.a]
    for i, p in enumerate(rng.sample(cands, min(len(cands), 95))):
        t, v = p.a["nid"]
        row = [f"2023-{i * 3 + 101:05d}", f"{rng.randint(1, 28):02d}.{rng.randint(1, 4):02d}.2023"]
        row.append(c.name(p, f"{p.given} {p.surname}", d, "Patsient"))
        row.append(c.ident(p, t, v, v, d, "Patsiendi isikukood"))
        cc = {"EE": "EE", "LV": "LV", "LT": "LT", "FI": "FI"}[p.country]
        if rng.random() < 0.6:
            payer = p
            row += [c.name(p, f"{p.given} {p.surname}", d, "Maksja"), c.ident(p, t, v, v, d, "Maksja isikukood")]
        else:
            fem = not p.female
            def ru_spouse():
                base = p.surname[:-1] if p.female else p.surname       # Smirnova -> Smirnov
                g = rng.choice(N.RU_F if fem else N.RU_M)[0]
                if rng.random() < 0.5:
                    base = rng.choice(N.RU_S)[0]
                return g, base + ("a" if fem else ""), fem
            pick = {"EE": (ru_spouse if p.lang == "ru" else
                           lambda: (rng.choice(N.ET_F if fem else N.ET_M), p.surname if rng.random() < 0.5 else rng.choice(N.ET_S), fem)),
                    "LV": lambda: (rng.choice(N.LV_F if fem else N.LV_M), rng.choice(N.LV_S)[1 if fem else 0], fem),
                    "LT": lambda: (rng.choice(N.LT_F if fem else N.LT_M), rng.choice(N.LT_S)[1 if fem else 0], fem),
                    "FI": lambda: (rng.choice(N.FI_F if fem else N.FI_M), p.surname, fem)}[p.country]
            g, s, _ = _uniq_name(used_names, pick)
            payer = c.person(g, s, p.lang, female=fem, country=p.country)
            payer.note.append(f"spouse paying for {p.tid}")
            payer.controllers.add("Geneetikalabor (own billing)")
            payer.a["dob"] = ids.rand_date(rng, 1965, 1998)
            row.append(c.name(payer, f"{g} {s}", d, "Maksja"))
            if rng.random() < 0.5:
                pt, pv = _make_id(rng, p.country, payer.a["dob"], fem, payer)
                row.append(c.ident(payer, pt, pv, pv, d, "Maksja isikukood"))
            else:
                row.append("")
        if "email" not in payer.a:
            payer.a["email"] = ids.email_for(rng, payer.given, payer.surname, used_emails)
        row.append(c.ident(payer, "email", payer.a["email"], ids.render_email(rng, payer.a["email"]), d, "Maksja e-post"))
        ib = ids.iban(rng, cc)
        ibr = ids.iban_grouped(ib) if rng.random() < 0.5 else ib
        row.append(c.ident(payer, "iban", ib, ibr, d, "Maksja IBAN"))
        row.append(f"{rng.choice([89, 145, 189, 240, 420])},00")
        ref = _ref_no(rng)
        row.append(c.decoy(ref, "payment reference number (7-3-1)", d, "Viitenumber", must_fail=True))
        row.append(rng.choice(["tasutud", "tasutud", "ootel", "meeldetuletus saadetud"]))
        out.append("\t".join(row))
    d.w("\n".join(out) + "\n")


# ------------------------------------------------------------------------------------------ e-mail threads

def _mail(c, rng):
    pats = [p for p in c.scratch["patients"] if "nid" in p.a and p.country == "EE"]
    cs = email.charset.Charset("utf-8")
    cs.body_encoding = email.charset.QP
    for k in range(rng.randint(40, 50)):
        p = rng.choice(pats)
        o = p.a["orders"][0]
        pr = o["provider"]
        dn, dc, dm = pr["doctor"]
        st = rng.choice(LAB_STAFF)
        lab_mail = f"{st[0].lower()}.{st[1].lower()}@{LAB_DOMAIN}"
        d = c.doc(f"postkast/INBOX/{1000 + k}.eml", encoding="ascii", mail=True)
        t, v = p.a["nid"]
        nm = f"{p.given} {p.surname}"
        q1 = (f"Tere,\n\npalun andke teada, kas patsiendi {nm} (isikukood {v}) analüüsi {o['test'][1]} vastus on valmis.\n"
              f"Tellimus {o['order']}, proov {o['sample']}.\n\nLugupidamisega\n{dn}\n{pr['name']}")
        q2 = (f"Tere,\n\nvastus on valideerimisel, saadame homme.\n\n{st[0]} {st[1]}\n\n" +
              "\n".join("> " + ln if ln else ">" for ln in q1.split("\n")))
        body = (f"Aitäh! Palun saatke vastus ka patsiendile e-postiga.\n\n{dn}\n\n" +
                "\n".join("> " + ln if ln else ">" for ln in q2.split("\n")))
        c.name(p, nm, d, "body (quoted)")
        c.ident(p, t, v, v, d, "body (quoted)")
        c.expose(p, "genetic_data", d, "body", optional=True)
        c.expose(p, "health_data", d, "body", optional=True)
        c.decoy(dm, "ordering physician (staff)", d, "From")
        c.decoy(lab_mail, "lab staff", d, "To")
        msg = email.message.EmailMessage(policy=email.policy.SMTP)
        msg["From"] = f"{dn} <{dm}>"
        msg["To"] = f"{st[0]} {st[1]} <{lab_mail}>"
        msg["Subject"] = f"Re: Re: Päring: {o['order']}"
        msg["Date"] = f"Tue, {rng.randint(1, 28):02d} Mar 2023 {rng.randint(8, 17):02d}:{rng.randint(0, 59):02d}:00 +0200"
        msg["Message-ID"] = f"<{o['order']}.{k}@{pr['domain']}>"
        attach = k % 4 == 0
        if attach:
            msg.set_content(body, charset="utf-8", cte="quoted-printable")
            rows = ["nimi;isikukood;analüüs;tulemus"]
            group = rng.sample(pats, 6)
            for q in group:
                qt, qv = q.a["nid"]
                qo = q.a["orders"][0]
                rows.append(f"{q.given} {q.surname};{qv};{qo['test'][1]};{qo['test'][4]}")
                c.name(q, f"{q.given} {q.surname}", d, "attachment vastused.csv")
                c.ident(q, qt, qv, qv, d, "attachment vastused.csv")
                c.expose(q, "genetic_data", d, "attachment vastused.csv")
                c.expose(q, "lab_result", d, "attachment vastused.csv", optional=True)
                c.expose(q, "health_data", d, "attachment vastused.csv", optional=True)
            msg.add_attachment("\n".join(rows).encode("utf-8"), maintype="text", subtype="csv", filename="vastused.csv")
            for part in msg.iter_attachments():
                part.set_param("charset", "utf-8")
            msg.set_boundary(f"=_b5_{o['order']}_{k:03d}")
        else:
            msg.set_content(body, charset="utf-8", cte="quoted-printable")
        d.w(msg.as_bytes(policy=email.policy.SMTP).decode("ascii").replace("\r\n", "\n"))
        d.newline = "\r\n"


# ------------------------------------------------------------------------------------------ LIMS log (no persons)

def _lims_log(c, rng):
    d = c.doc("lims/proovide_logi_2023.csv")
    rows = [["proov", "tellimus", "vöötkood", "saabunud", "bioanalüütik", "DNA (ng/µl)", "A260/280", "asukoht"]]
    for p in c.scratch["patients"]:
        for o in p.a["orders"]:
            st = rng.choice([s for s in LAB_STAFF if s[2] == "bioanalüütik"])
            bc = ids.ean13("20", rng, 12)
            while any_person_id(bc):
                bc = ids.ean13("20", rng, 12)
            c.decoy(bc, "sample barcode", d, "vöötkood", must_fail=True)
            rows.append([o["sample"], o["order"], bc, o["received"].strftime("%d.%m.%Y %H:%M"), f"{st[0][0]}. {st[1]}",
                         f"{rng.uniform(5, 80):.1f}".replace(".", ","), f"{rng.uniform(1.6, 2.1):.2f}".replace(".", ","),
                         f"-80/{rng.randint(1, 9)}/{rng.choice('ABCDEF')}{rng.randint(1, 12)}"])
    d.csv_rows(rows, delimiter=";")
