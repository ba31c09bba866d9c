"""Case 2: genetic testing laboratory (Estonia, patients also from LV/LT/FI), ~40 ordering providers.

Shapes: HL7 v2.5 **XML encoding** (urn:hl7-org:v2xml) ORU^R01 per order, AsciiDoc result letters with document
attributes (`:patsient: Tamm, Mari` used as `{patsient}` in the table), Windows Security event logs (4663
object access, one <Event> per line, no root, UTF-16LE) whose file paths carry names and ID codes, TOML run
sheets with `[[samples]]` / `[samples.patient]` sub-tables and native TOML dates, a report builder's Python log
with repr() dicts (`datetime.date(1980, 1, 8)`, `None`), CNVkit `.cnr` files with sample ids only, and a Zendesk
JSON export (users.json + tickets.json NDJSON, custom fields, comments).
"""
import datetime as dt
import json

import fmt
import people
from shared import check, ids

SLUG = "ee_genetics_lab"
DESCRIPTION = "Genetic testing laboratory (EE + LV/LT/FI patients), ordering providers as controllers"
LAB = "GenLab OÜ"

PROVIDERS = [
    ("EE", "Mustamäe Tervisekeskus"), ("EE", "Kadrioru Naistekliinik"), ("EE", "Pärnu Perearstid"), ("EE", "Viljandi Tervisemaja"),
    ("EE", "Narva Meditsiinikeskus"), ("EE", "Viljakuskliinik Ova"), ("EE", "Rakvere Tervisekoda"), ("EE", "Kuressaare Perearstikeskus"),
    ("EE", "Haapsalu Tervisemaja"), ("EE", "Lastekliinik Päike"), ("EE", "Tartu Südamekeskus"), ("EE", "Jõhvi Polikliinik"),
    ("EE", "Valga Tervisekeskus"), ("EE", "Võru Perearstid"), ("EE", "Paide Tervisekeskus"), ("EE", "Kardioloogiakeskus Rütm"),
    ("EE", "Onkoloogiakliinik Lootus"), ("EE", "Neuroloogiakeskus Närv"), ("EE", "Silmakliinik Selge"), ("EE", "Rapla Perearstikeskus"),
    ("EE", "Keila Tervisemaja"), ("EE", "Maardu Perearstid"), ("EE", "Saue Tervisekeskus"), ("EE", "Tallinna Geneetikakliinik"),
    ("EE", "Tartu Naistekeskus"), ("EE", "Kohtla-Järve Tervisekeskus"), ("EE", "Põlva Perearstid"), ("EE", "Elva Tervisemaja"),
    ("EE", "Sillamäe Polikliinik"), ("EE", "Türi Tervisekeskus"), ("EE", "Kesklinna Perearstikeskus"), ("EE", "Lõuna Kliinik"),
    ("LV", "Rīgas Ģimenes veselības centrs"), ("LV", "Jelgavas klīnika Vesels"), ("LT", "Vilniaus šeimos klinika"),
    ("LT", "Kauno genetikos centras"), ("FI", "Lääkärikeskus Terveys Helsinki"), ("FI", "Tampereen perinnöllisyysklinikka"),
]
# gene, transcript, c., p., class (en, et), ICD-10, indication (et, en), for children
VARIANTS = [
    ("BRCA1", "NM_007294.4", "c.5266dupC", "p.(Gln1756Profs*74)", ("Pathogenic", "Patogeenne"), "Z80.3",
     ("Perekondlik rinnavähi anamnees", "Family history of breast cancer"), False),
    ("BRCA2", "NM_000059.4", "c.5946delT", "p.(Ser1982Argfs*22)", ("Pathogenic", "Patogeenne"), "Z80.3",
     ("Perekondlik rinnavähi anamnees", "Family history of breast cancer"), False),
    ("CFTR", "NM_000492.4", "c.1521_1523del", "p.(Phe508del)", ("Pathogenic", "Patogeenne"), "Z31.5",
     ("Geneetiline nõustamine viljatuse korral", "Genetic counselling for infertility"), False),
    ("HFE", "NM_000410.4", "c.845G>A", "p.(Cys282Tyr)", ("Pathogenic", "Patogeenne"), "E83.1",
     ("Raua ainevahetuse häire", "Disorder of iron metabolism"), False),
    ("MLH1", "NM_000249.4", "c.1852_1854del", "p.(Lys618del)", ("Likely pathogenic", "Tõenäoliselt patogeenne"), "Z80.0",
     ("Perekondlik jämesoolevähi anamnees", "Family history of colorectal cancer"), False),
    ("F5", "NM_000130.5", "c.1601G>A", "p.(Arg534Gln)", ("Pathogenic", "Patogeenne"), "D68.5",
     ("Primaarne trombofiilia", "Primary thrombophilia"), False),
    ("LDLR", "NM_000527.5", "c.1775G>A", "p.(Gly592Glu)", ("Pathogenic", "Patogeenne"), "E78.0",
     ("Perekondlik hüperkolesteroleemia", "Familial hypercholesterolaemia"), False),
    ("MYH7", "NM_000257.4", "c.1208G>A", "p.(Arg403Gln)", ("Pathogenic", "Patogeenne"), "I42.1",
     ("Hüpertroofiline obstruktiivne kardiomüopaatia", "Obstructive hypertrophic cardiomyopathy"), False),
    ("TP53", "NM_000546.6", "c.743G>A", "p.(Arg248Gln)", ("Pathogenic", "Patogeenne"), "Z80.9",
     ("Perekondlik pahaloomulise kasvaja anamnees", "Family history of malignant neoplasm"), False),
    ("PAH", "NM_000277.3", "c.1222C>T", "p.(Arg408Trp)", ("Pathogenic", "Patogeenne"), "E70.0",
     ("Klassikaline fenüülketonuuria", "Classical phenylketonuria"), True),
    ("GJB2", "NM_004004.6", "c.35delG", "p.(Gly12Valfs*2)", ("Pathogenic", "Patogeenne"), "H90.3",
     ("Kahepoolne sensorineuraalne kuulmislangus", "Bilateral sensorineural hearing loss"), True),
    ("SMN1", "NM_000344.4", "c.840C>T", "p.(Phe280=)", ("Pathogenic", "Patogeenne"), "G12.0",
     ("Spinaalne lihasatroofia", "Spinal muscular atrophy"), True),
    ("DMD", "NM_004006.3", "c.10171C>T", "p.(Arg3391*)", ("Pathogenic", "Patogeenne"), "G71.0",
     ("Lihasdüstroofia", "Muscular dystrophy"), True),
]
ID_TYPE = {"EE": "ee_isikukood", "LV": "lv_personas_kods", "LT": "lt_asmens_kodas", "FI": "fi_hetu"}
OID = {"EE": "1.3.6.1.4.1.28284.6.2.2.1", "LV": "1.3.6.1.4.1.38760.2.1", "LT": "1.3.6.1.4.1.34863.1.1", "FI": "1.2.246.21"}
ISO3 = {"EE": "EST", "LV": "LVA", "LT": "LTU", "FI": "FIN"}


def make_id(case, country, p):
    rng = case.rng
    if country == "EE":
        return case.unique(lambda: ids.ee_like(rng, p.dob, p.female))
    if country == "LT":
        return case.unique(lambda: ids.ee_like(rng, p.dob, p.female))
    if country == "LV":
        return case.unique(lambda: ids.lv_new(rng) if rng.random() < 0.3 else ids.lv_old(rng, p.dob))
    return case.unique(lambda: ids.fi_hetu(rng, p.dob, new_sign=rng.random() < 0.1))


def address(rng, country):
    return {"EE": people.ee_address, "LV": people.lv_address, "LT": people.lt_address}.get(country, _fi_addr)(rng)


def _fi_addr(rng):
    c, z = rng.choice([("Helsinki", (100, 990)), ("Tampere", (33100, 33900)), ("Espoo", (2100, 2940))])
    return {"street": people.fi_street(rng), "city": c, "zip": f"{rng.randint(*z):05d}", "country": "FI"}


def build(case):
    rng = case.rng
    provs = []
    for i, (country, name) in enumerate(PROVIDERS):
        docs = []
        for _ in range(rng.randint(1, 3)):
            g, s, _c = people.pick_name(case, {"EE": "et", "LV": "lv", "LT": "lt", "FI": "fi"}[country], rng.random() < 0.6)
            ph = people.phone(case, country if country != "FI" else "FI", "landline" if country in ("EE", "FI") else "mobile")
            docs.append({"given": g, "surname": s, "code": f"D{rng.randint(10000, 99999)}", "phone": ph})
        provs.append({"country": country, "name": name, "code": f"P{i + 101:03d}", "docs": docs})
    genet = []
    for _ in range(4):
        g, s, _c = people.pick_name(case, "et", rng.random() < 0.6)
        genet.append({"name": f"{g} {s}", "email": f"{people.fold(g).lower()}.{people.fold(s).lower()}@genlab.example.com"})
    case.extra["providers"] = [p["name"] for p in provs]
    case.extra["lab"] = LAB
    case.extra["special_categories"] = ["genetic_data", "health_data"]

    n = rng.randint(255, 285)
    patients = []
    orders = []
    ono = rng.randint(1000, 2000)
    sno = rng.randint(100, 400)
    for i in range(n):
        pr = rng.choices(provs, [6 if p["country"] == "EE" else 4 for p in provs])[0]
        country = pr["country"]
        child = country == "EE" and rng.random() < 0.13
        lang = {"EE": rng.choices(["et", "ru"], [78, 22])[0], "LV": "lv", "LT": "lt", "FI": "fi"}[country]
        p = people.new_person(case, lang, y0=2008 if child else 1945, y1=2022 if child else 2002)
        p.country = country
        p.child = child
        p.nid = make_id(case, country, p)
        p.addr = address(rng, country) if rng.random() < 0.8 else None
        p.phone = people.phone(case, country if country != "FI" else "FI") if (not child and rng.random() < 0.65) else None
        p.email = people.email(case, people.fold(p.given), people.fold(p.surname)) if (not child and rng.random() < 0.45) else None
        p.parent = None
        if child:
            pf = rng.random() < 0.7
            ps = p.surname
            if lang == "ru":
                ps = (ps if ps.endswith("a") else ps + "a") if pf else (ps[:-1] if ps.endswith("a") else ps)
            par = people.new_person(case, lang, female=pf, y0=1972, y1=1995, surname=ps)
            par.country = "EE"
            par.nid = make_id(case, "EE", par)
            par.phone = people.phone(case, "EE")
            par.email = people.email(case, people.fold(par.given), people.fold(par.surname)) if rng.random() < 0.6 else None
            par.child_of = p
            par.relation = "MTH" if par.female else "FTH"
            p.parent = par
            par.note(f"legal representative of {p.tid}")
            p.note(f"child; legal representative {par.tid}")
        patients.append(p)
        k = 2 if rng.random() < 0.1 else 1
        used_pr = []
        for j in range(k):
            prj = pr if j == 0 else rng.choice([q for q in provs if q["country"] == country and q is not pr] or provs)
            used_pr.append(prj)
            cands = [v for v in VARIANTS if v[7] == child]
            var = rng.choice(cands)
            negative = rng.random() < 0.25
            day = dt.date(2023, 1, 2) + dt.timedelta(days=rng.randint(0, 250))
            ono += rng.randint(1, 9)
            sno += rng.randint(1, 4)
            o = {"p": p, "prov": prj, "doc": rng.choice(prj["docs"]), "var": var, "neg": negative, "no": f"G2023-{ono:05d}",
                 "sample": f"S23-{sno:04d}", "taken": day, "done": day + dt.timedelta(days=rng.randint(7, 30)),
                 "mrn": f"GL{rng.randint(100000, 999999)}", "lang": "et" if prj["country"] == "EE" else "en"}
            orders.append(o)
        for prj in used_pr:
            if prj["name"] not in p.controllers:
                p.controllers.append(prj["name"])
            if p.parent and prj["name"] not in p.parent.controllers:
                p.parent.controllers.append(prj["name"])
        if len(used_pr) > 1:
            p.note("two ordering providers (two controllers)")
    orders.sort(key=lambda o: (o["taken"], o["p"].tid))
    ono = rng.randint(1000, 2000)
    sno = rng.randint(100, 400)
    for o in orders:
        ono += rng.randint(1, 9)
        sno += rng.randint(1, 4)
        o["no"], o["sample"] = f"G2023-{ono:05d}", f"S23-{sno:04d}"
    orders.sort(key=lambda o: (o["done"], o["no"]))
    for o in orders:
        hl7xml(case, o)
    for o in orders:
        if rng.random() < 0.86:
            adoc(case, o, rng.choice(genet))
    eventlogs(case, orders)
    runs(case, orders)
    pylog(case, orders)
    zendesk(case, patients, genet)


def _inv(v, neg, lang):
    return v[4][0 if lang == "en" else 1] if not neg else ("Negative" if lang == "en" else "Negatiivne")


# ---------------------------------------------------------------- HL7 v2 XML

def hl7xml(case, o):
    rng = case.rng
    p = o["p"]
    doc = f"hl7xml/{o['done']:%Y-%m}/ORU_{o['no']}.xml"
    pr, d, v = o["prov"], o["doc"], o["var"]
    X = fmt.x
    L = ['<?xml version="1.0" encoding="UTF-8"?>', '<ORU_R01 xmlns="urn:hl7-org:v2xml">', "  <MSH>",
         "    <MSH.1>|</MSH.1>", "    <MSH.2>^~\\&amp;</MSH.2>", "    <MSH.3><HD.1>GENLIMS</HD.1></MSH.3>",
         "    <MSH.4><HD.1>GENLAB</HD.1></MSH.4>", f"    <MSH.5><HD.1>{pr['code']}</HD.1></MSH.5>",
         f"    <MSH.6><HD.1>{X(pr['name'])}</HD.1></MSH.6>",
         f"    <MSH.7><TS.1>{o['done']:%Y%m%d}{rng.randint(8, 17):02d}{rng.randint(0, 59):02d}{rng.randint(0, 59):02d}</TS.1></MSH.7>",
         "    <MSH.9><MSG.1>ORU</MSG.1><MSG.2>R01</MSG.2><MSG.3>ORU_R01</MSG.3></MSH.9>",
         f"    <MSH.10>{o['no']}-R{rng.randint(1, 3)}</MSH.10>", "    <MSH.11><PT.1>P</PT.1></MSH.11>",
         "    <MSH.12><VID.1>2.5</VID.1></MSH.12>", "    <MSH.18>UNICODE UTF-8</MSH.18>", "  </MSH>",
         "  <ORU_R01.PATIENT_RESULT>", "    <ORU_R01.PATIENT>", "      <PID>", "        <PID.1>1</PID.1>"]
    t = ID_TYPE[p.country]
    L.append(f"        <PID.3><CX.1>{p.nid}</CX.1><CX.4><HD.1>{p.country}</HD.1><HD.2>{OID[p.country]}</HD.2><HD.3>ISO</HD.3></CX.4>"
             f"<CX.5>NN{ISO3[p.country]}</CX.5></PID.3>")
    L.append(f"        <PID.3><CX.1>{o['mrn']}</CX.1><CX.4><HD.1>GENLAB</HD.1></CX.4><CX.5>MR</CX.5></PID.3>")
    p.ident(t, p.nid, p.nid, doc, "PID.3/CX.1")
    L.append(f"        <PID.5><XPN.1><FN.1>{X(p.surname)}</FN.1></XPN.1><XPN.2>{X(p.given)}</XPN.2><XPN.7>L</XPN.7></PID.5>")
    p.named(doc, [p.surname, p.given], "PID.5")
    L.append(f"        <PID.7><TS.1>{p.dob:%Y%m%d}</TS.1></PID.7>")
    p.el("date_of_birth", doc, "PID.7", ev=f"{p.dob:%Y%m%d}")
    L.append(f"        <PID.8>{'F' if p.female else 'M'}</PID.8>")
    if p.addr:
        a = p.addr
        L.append(f"        <PID.11><XAD.1><SAD.1>{X(a['street'])}</SAD.1></XAD.1><XAD.3>{X(a['city'])}</XAD.3><XAD.5>{a['zip']}</XAD.5>"
                 f"<XAD.6>{ISO3[p.country]}</XAD.6><XAD.7>H</XAD.7></PID.11>")
        p.el("postal_address", doc, "PID.11", ev=a["street"])
    if p.phone:
        raw = p.phone["e164"] if rng.random() < 0.7 else people.render_phone(case, p.phone)
        L.append(f"        <PID.13><XTN.2>PRN</XTN.2><XTN.3>CP</XTN.3><XTN.12>{raw}</XTN.12></PID.13>")
        p.ident("phone", p.phone["e164"], raw, doc, "PID.13/XTN.12")
    if p.email and rng.random() < 0.7:
        L.append(f"        <PID.13><XTN.2>NET</XTN.2><XTN.3>Internet</XTN.3><XTN.4>{p.email}</XTN.4></PID.13>")
        p.ident("email", p.email, p.email, doc, "PID.13/XTN.4")
    L.append("      </PID>")
    if p.parent:
        q = p.parent
        rel = {"MTH": "Mother", "FTH": "Father"}[q.relation]
        L.append("      <NK1>")
        L.append("        <NK1.1>1</NK1.1>")
        L.append(f"        <NK1.2><XPN.1><FN.1>{X(q.surname)}</FN.1></XPN.1><XPN.2>{X(q.given)}</XPN.2></NK1.2>")
        L.append(f"        <NK1.3><CE.1>{q.relation}</CE.1><CE.2>{rel}</CE.2><CE.3>HL70063</CE.3></NK1.3>")
        L.append(f"        <NK1.5><XTN.2>PRN</XTN.2><XTN.3>CP</XTN.3><XTN.12>{q.phone['e164']}</XTN.12></NK1.5>")
        L.append("        <NK1.7><CE.1>LR</CE.1><CE.2>Legal representative</CE.2></NK1.7>")
        L.append(f"        <NK1.33><CX.1>{q.nid}</CX.1><CX.4><HD.1>EE</HD.1></CX.4><CX.5>NNEST</CX.5></NK1.33>")
        L.append("      </NK1>")
        q.named(doc, [q.surname, q.given], "NK1.2")
        q.ident("phone", q.phone["e164"], q.phone["e164"], doc, "NK1.5")
        q.ident("ee_isikukood", q.nid, q.nid, doc, "NK1.33")
    L.append("    </ORU_R01.PATIENT>")
    L.append("    <ORU_R01.ORDER_OBSERVATION>")
    dphone = d["phone"]["e164"]
    case.decoy("physician_phone", dphone, doc, "ORC.14", note="ordering physician's work phone")
    xcn = f"<XCN.1>{d['code']}</XCN.1><XCN.2><FN.1>{X(d['surname'])}</FN.1></XCN.2><XCN.3>{X(d['given'])}</XCN.3>"
    L.append(f"      <ORC><ORC.1>RE</ORC.1><ORC.2><EI.1>{o['no']}</EI.1></ORC.2><ORC.12>{xcn}</ORC.12>"
             f"<ORC.14><XTN.12>{dphone}</XTN.12></ORC.14><ORC.21><XON.1>{X(pr['name'])}</XON.1></ORC.21></ORC>")
    ind = v[6][1]
    L.append(f"      <OBR><OBR.1>1</OBR.1><OBR.2><EI.1>{o['no']}</EI.1></OBR.2><OBR.3><EI.1>{o['sample']}</EI.1></OBR.3>"
             f"<OBR.4><CE.1>GP-{v[0]}</CE.1><CE.2>{v[0]} gene analysis</CE.2><CE.3>L</CE.3></OBR.4>"
             f"<OBR.7><TS.1>{o['taken']:%Y%m%d}</TS.1></OBR.7><OBR.16>{xcn}</OBR.16><OBR.25>F</OBR.25>"
             f"<OBR.31><CE.1>{v[5]}</CE.1><CE.2>{X(ind)}</CE.2><CE.3>I10</CE.3></OBR.31></OBR>")
    p.el("health_data", doc, "OBR.31", ev=v[5])
    obx = [("CWE", "48018-6", "Gene studied [ID]", v[0])]
    if o["neg"]:
        obx.append(("CWE", "51968-6", "Genetic disease analysis overall interpretation", "Negative"))
    else:
        obx += [("ST", "51958-7", "Transcript reference sequence [ID]", v[1]), ("ST", "48004-6", "DNA change (c.HGVS)", v[2]),
                ("ST", "48005-3", "Amino acid change (pHGVS)", v[3]), ("CWE", "53034-5", "Allelic state", "Heterozygous"),
                ("CWE", "53037-8", "Genetic variation clinical significance [Imp]", v[4][0])]
    for k, (vt, code, label, val) in enumerate(obx):
        L.append(f"      <ORU_R01.OBSERVATION><OBX><OBX.1>{k + 1}</OBX.1><OBX.2>{vt}</OBX.2><OBX.3><CE.1>{code}</CE.1>"
                 f"<CE.2>{X(label)}</CE.2><CE.3>LN</CE.3></OBX.3><OBX.5>{X(val)}</OBX.5><OBX.11>F</OBX.11></OBX></ORU_R01.OBSERVATION>")
    p.el("genetic_data", doc, "OBX.5", ev=v[0] if o["neg"] else v[2])
    p.el("lab_result", doc, "OBX", optional=True)
    L += ["    </ORU_R01.ORDER_OBSERVATION>", "  </ORU_R01.PATIENT_RESULT>", "</ORU_R01>"]
    case.put(doc, "\n".join(L) + "\n", "utf-8", views=("xml",))


# ---------------------------------------------------------------- AsciiDoc result letters

ADOC = {
    "et": {"title": "Geneetilise analüüsi vastus", "pat": "Patsient", "id": "Isikukood", "dob": "Sünniaeg", "ord": "Tellija",
           "ind": "Näidustus", "smp": "Proov", "blood": "veri EDTA, võetud", "res": "Tulemus",
           "hdr": "|Geen |Transkript |DNA muutus |Valgu muutus |Klass", "concl": "Järeldus", "rep": "Seaduslik esindaja",
           "pos": "Patsiendil leiti heterosügootne {cls} variant geenis {g}. Soovitame geneetilist nõustamist ja sugulaste kaskaadtestimist.",
           "neg": "Uuritud geenis {g} kliiniliselt olulisi variante ei leitud.", "data": "Andmed", "sig": "laboriarst-geneetik",
           "mother": "ema", "father": "isa"},
    "en": {"title": "Genetic test report", "pat": "Patient", "id": "Personal code", "dob": "Date of birth", "ord": "Ordered by",
           "ind": "Indication", "smp": "Sample", "blood": "EDTA blood, taken", "res": "Result",
           "hdr": "|Gene |Transcript |DNA change |Protein change |Class", "concl": "Conclusion", "rep": "Legal representative",
           "pos": "A heterozygous {cls} variant was found in {g}. Genetic counselling and cascade testing of relatives are recommended.",
           "neg": "No clinically significant variants were found in {g}.", "data": "Details", "sig": "clinical laboratory geneticist",
           "mother": "mother", "father": "father"},
}


def adoc(case, o, gen):
    rng = case.rng
    p, v, lang = o["p"], o["var"], o["lang"]
    T = ADOC[lang]
    doc = f"vastused/{o['done']:%Y}/{o['done']:%m}/{o['no']}_vastus.adoc"
    nm = f"{p.surname}, {p.given}" if rng.random() < 0.6 else f"{p.given} {p.surname}"
    cls = v[4][0 if lang == "en" else 1]
    d = o["doc"]
    L = [f"= {T['title']}", f"{LAB} geneetikalabor" if lang == "et" else f"{LAB} genetics laboratory", ":doctype: article",
         f":lang: {lang}", f":tellimus: {o['no']}", f":proov: {o['sample']}", f":patsient: {nm}", f":isikukood: {p.nid}",
         f":revdate: {o['done']:%d.%m.%Y}", ":toc!:", "", '[cols="1,2",options="header",frame=none]', "|===",
         f"|{T['data']} |", "|" + T["pat"] + " |{patsient}", "|" + T["id"] + " |{isikukood}",
         f"|{T['dob']} |{p.dob:%d.%m.%Y}", f"|{T['ord']} |Dr {d['given']} {d['surname']}, {pr_name(o)}",
         f"|{T['ind']} |{v[5]} – {v[6][0 if lang == 'et' else 1]}", "|" + T["smp"] + " |{proov}, " + f"{T['blood']} {o['taken']:%d.%m.%Y}"]
    if p.parent:
        q = p.parent
        rel = T["mother"] if q.relation == "MTH" else T["father"]
        raw = people.render_phone(case, q.phone)
        L.append(f"|{T['rep']} |{q.given} {q.surname} ({rel}), {raw}")
        q.named(doc, [q.given, q.surname], T["rep"])
        q.ident("phone", q.phone["e164"], raw, doc, T["rep"])
    L += ["|===", "", f"== {T['res']}", "", '[cols="1,2,2,2,1",options="header"]', "|===", T["hdr"]]
    if o["neg"]:
        L.append(f"|{v[0]} |{v[1]} |– |– |{'Negative' if lang == 'en' else 'Negatiivne'}")
    else:
        L.append(f"|{v[0]} |{v[1]} |{v[2]} |{v[3]} |{cls}")
    L += ["|===", "", f"== {T['concl']}", "", (T["neg"] if o["neg"] else T["pos"]).format(cls=cls.lower(), g=v[0]), "",
          "[.signature]", f"{gen['name']} +", f"{T['sig']} +", gen["email"], ""]
    case.decoy("staff_email", gen["email"], doc, "signature")
    p.named(doc, [nm], ":patsient:")
    p.ident(ID_TYPE[p.country], p.nid, p.nid, doc, ":isikukood:")
    p.el("date_of_birth", doc, T["dob"], ev=f"{p.dob:%d.%m.%Y}")
    p.el("health_data", doc, T["ind"], ev=v[5])
    p.el("genetic_data", doc, T["res"], ev=v[0] if o["neg"] else v[2])
    p.el("lab_result", doc, T["res"], optional=True)
    case.put(doc, "\n".join(L), "utf-8")


def pr_name(o):
    return o["prov"]["name"]


# ---------------------------------------------------------------- Windows Security log (4663)

def eventlogs(case, orders):
    rng = case.rng
    months = sorted({o["done"].strftime("%Y-%m") for o in orders})
    rec = rng.randint(4000000, 6000000)
    sid = f"S-1-5-21-{rng.randint(10 ** 9, 4 * 10 ** 9)}-{rng.randint(10 ** 9, 4 * 10 ** 9)}-{rng.randint(10 ** 8, 10 ** 9)}"
    for m in months:
        doc = f"windows/LABFS01_Security_4663_{m}.xml"
        evs = []
        for o in [o for o in orders if o["done"].strftime("%Y-%m") == m]:
            p = o["p"]
            up = lambda s: s.upper().replace(" ", "_")  # noqa: E731
            if rng.random() < 0.75:
                path = f"D:\\Shares\\Vastused\\{o['done']:%Y}\\{o['done']:%m}\\{o['no']}_{up(p.surname)}_{up(p.given)}.pdf"
                evs.append((o["done"], path))
                p.named(doc, [up(p.surname), up(p.given)], "EventData/ObjectName")
                p.el("genetic_data", doc, "EventData/ObjectName", optional=True)
            if rng.random() < 0.55:
                path = f"D:\\Shares\\Saatekirjad\\{o['taken']:%Y}\\{p.nid}_{p.surname}_{p.given}_saatekiri.pdf"
                evs.append((o["taken"], path))
                p.named(doc, [p.surname, p.given], "EventData/ObjectName")
                p.ident(ID_TYPE[p.country], p.nid, p.nid, doc, "EventData/ObjectName")
        for _ in range(rng.randint(20, 40)):
            day = dt.date(int(m[:4]), int(m[5:]), rng.randint(1, 28))
            evs.append((day, rng.choice([f"D:\\Shares\\Arved\\{m}\\arve_{rng.randint(1000, 9999)}.pdf",
                                         f"D:\\Shares\\SOP\\SOP-{rng.randint(10, 99)}_v{rng.randint(1, 9)}.docx",
                                         "D:\\Shares\\Hinnakiri\\hinnakiri_2023.xlsx"])))
        evs.sort(key=lambda e: (e[0], e[1]))
        lines = []
        for day, path in evs:
            rec += rng.randint(1, 400)
            user, proc = rng.choice([("svc_backup", "C:\\Program Files\\Veeam\\Backup\\VeeamAgent.exe"),
                                     ("adm_tmp", "C:\\ProgramData\\sync\\rclone.exe"),
                                     ("adm_tmp", "C:\\ProgramData\\sync\\rclone.exe")])
            ts = f"{day:%Y-%m-%d}T{rng.randint(0, 23):02d}:{rng.randint(0, 59):02d}:{rng.randint(0, 59):02d}.{rng.randint(0, 9999999):07d}Z"
            lines.append(
                "<Event xmlns='http://schemas.microsoft.com/win/2004/08/events/event'><System><Provider Name='Microsoft-Windows-Security-Auditing' "
                "Guid='{54849625-5478-4994-a5ba-3e3b0328c30d}'/><EventID>4663</EventID><Version>1</Version><Level>0</Level>"
                "<Task>12800</Task><Opcode>0</Opcode><Keywords>0x8020000000000000</Keywords>"
                f"<TimeCreated SystemTime='{ts}'/><EventRecordID>{rec}</EventRecordID><Correlation/>"
                f"<Execution ProcessID='4' ThreadID='{rng.randint(1000, 9000)}'/><Channel>Security</Channel>"
                "<Computer>LABFS01.genlab.local</Computer><Security/></System><EventData>"
                f"<Data Name='SubjectUserSid'>{sid}-{rng.choice([1107, 1309])}</Data><Data Name='SubjectUserName'>{user}</Data>"
                f"<Data Name='SubjectDomainName'>GENLAB</Data><Data Name='SubjectLogonId'>0x{rng.randint(0x100000, 0xffffff):x}</Data>"
                f"<Data Name='ObjectServer'>Security</Data><Data Name='ObjectType'>File</Data><Data Name='ObjectName'>{fmt.x(path)}</Data>"
                f"<Data Name='HandleId'>0x{rng.randint(0x100, 0xffff):x}</Data><Data Name='AccessList'>%%4416\n\t\t\t\t</Data>"
                f"<Data Name='AccessMask'>0x1</Data><Data Name='ProcessId'>0x{rng.randint(0x100, 0xffff):x}</Data>"
                f"<Data Name='ProcessName'>{proc}</Data><Data Name='ResourceAttributes'>S:AI</Data></EventData></Event>")
        text = "\r\n".join(lines) + "\r\n"
        case.put(doc, "\ufeff".encode("utf-16-le") + text.encode("utf-16-le"), "utf-16", views=("xml",))


# ---------------------------------------------------------------- TOML run sheets + CNV files

def runs(case, orders):
    rng = case.rng
    seq = sorted(orders, key=lambda o: (o["taken"], o["sample"]))
    i = 0
    rn = rng.randint(100, 200)
    while i < len(seq):
        chunk = seq[i:i + rng.randint(16, 24)]
        i += len(chunk)
        rn += 1
        day = max(o["taken"] for o in chunk) + dt.timedelta(days=2)
        fc = "".join(rng.choice("ABCDEFGHJKLMNPRSTUVWXY0123456789") for _ in range(9))
        rid = f"{day:%y%m%d}_A01234_{rn:04d}_{fc}"
        doc = f"bioinf/runs/{rid}/samples.toml"
        L = ["# generated by lims2toml 0.4.1 - do not edit by hand", "[run]", f'id = "{rid}"', 'instrument = "NovaSeq 6000"',
             f'operator = "{rng.choice(["kask", "luik", "tamm_k"])}"', f"started = {day:%Y-%m-%d}T08:{rng.randint(10, 59)}:00+03:00",
             'panel_version = "GEN-HC v3.2"', ""]
        for o in chunk + [None]:
            if o is None:
                L += ["[[samples]]", 'sample_id = "NA12878"', 'order = "QC"', 'panel = "control"', ""]
                continue
            p, v = o["p"], o["var"]
            L += ["[[samples]]", f'sample_id = "{o["sample"]}"', f'order = "{o["no"]}"', f'panel = "{v[0]}"',
                  f'index = "{"".join(rng.choice("ACGT") for _ in range(6))}-{"".join(rng.choice("ACGT") for _ in range(6))}"']
            if rng.random() < 0.35:
                nm = f"{p.surname}, {p.given}"
                pid = p.nid.replace("-", "") if p.country == "LV" else p.nid
                L += ["[samples.patient]", f"name = {fmt.toml_str(nm)}", f'pid = "{pid}"', f"born = {p.dob:%Y-%m-%d}"]
                p.named(doc, [nm], "samples.patient.name")
                p.ident(ID_TYPE[p.country], p.nid, pid, doc, "samples.patient.pid")
                p.el("date_of_birth", doc, "samples.patient.born", ev=f"born = {p.dob:%Y-%m-%d}")
                if not o["neg"] and rng.random() < 0.7:
                    L += ["[samples.result]", f'gene = "{v[0]}"', f'hgvs = "{v[1]}:{v[2]}"', f'acmg = "{"P" if v[4][0] == "Pathogenic" else "LP"}"']
                    p.el("genetic_data", doc, "samples.result", ev=f"{v[1]}:{v[2]}")
                else:
                    p.el("genetic_data", doc, "samples", optional=True)
            L.append("")
            cnv(case, o)
        case.put(doc, "\n".join(L), "utf-8")


def cnv(case, o):
    rng = case.rng
    doc = f"bioinf/cnv/{o['sample']}.cnr"
    L = ["chromosome\tstart\tend\tgene\tdepth\tlog2\tweight"]
    pos = rng.randint(10 ** 6, 10 ** 7)
    for _ in range(rng.randint(8, 16)):
        end = pos + rng.randint(100, 400)
        L.append(f"chr{rng.randint(1, 22)}\t{pos}\t{end}\t{o['var'][0]}\t{rng.uniform(80, 900):.3f}\t{rng.uniform(-0.6, 0.5):.5f}\t{rng.uniform(0.3, 1):.4f}")
        pos = end + rng.randint(1000, 50000)
    case.put(doc, "\n".join(L) + "\n", "utf-8")


# ---------------------------------------------------------------- report builder log (Python repr)

def pylog(case, orders):
    rng = case.rng
    months = sorted({o["done"].strftime("%Y-%m") for o in orders})
    for m in months:
        doc = f"bioinf/logs/report-builder_{m}.log"
        L = []
        for o in [o for o in orders if o["done"].strftime("%Y-%m") == m]:
            p, v = o["p"], o["var"]
            t = dt.datetime.combine(o["done"], dt.time(rng.randint(7, 18), rng.randint(0, 59), rng.randint(0, 59)))
            ms = rng.randint(0, 999)
            L.append(f"{t:%Y-%m-%d %H:%M:%S},{ms:03d} INFO     report_builder.main: building report for {o['no']}")
            if rng.random() < 0.55:
                pat = {"name": f"{p.given} {p.surname}", "pid": p.nid, "dob": p.dob,
                       "phone": p.phone["e164"] if p.phone else None, "email": p.email}
                ctx = {"order": o["no"], "sample": o["sample"], "patient": pat,
                       "variants": [] if o["neg"] else [{"gene": v[0], "hgvs_c": v[2], "acmg": "P" if v[4][0] == "Pathogenic" else "LP"}],
                       "provider": o["prov"]["name"], "lang": o["lang"]}
                L.append(f"{t:%Y-%m-%d %H:%M:%S},{ms + 1:03d} DEBUG    report_builder.context: ctx={ctx!r}")
                p.named(doc, [pat["name"]], "ctx.patient.name")
                p.ident(ID_TYPE[p.country], p.nid, p.nid, doc, "ctx.patient.pid")
                p.el("date_of_birth", doc, "ctx.patient.dob", ev=repr(p.dob))
                if p.phone:
                    p.ident("phone", p.phone["e164"], p.phone["e164"], doc, "ctx.patient.phone")
                if p.email:
                    p.ident("email", p.email, p.email, doc, "ctx.patient.email")
                if o["neg"]:
                    p.el("genetic_data", doc, "ctx.variants", optional=True)
                else:
                    p.el("genetic_data", doc, "ctx.variants", ev=v[2])
                if p.email and rng.random() < 0.25:
                    L.append(f"{t:%Y-%m-%d %H:%M:%S},{ms + 7:03d} ERROR    report_builder.mail: SMTPRecipientsRefused: "
                             f"{{{p.email!r}: (550, b'5.1.1 Mailbox unavailable')}}")
            if rng.random() < 0.1:
                L.append(f"{t:%Y-%m-%d %H:%M:%S},{ms + 3:03d} WARNING  report_builder.pdf: font fallback for glyph 'Õ' (DejaVuSans)")
            L.append(f"{t:%Y-%m-%d %H:%M:%S},{ms + 9:03d} INFO     report_builder.main: {o['no']} done in {rng.uniform(0.4, 3):.2f}s")
        case.put(doc, "\n".join(L) + "\n", "utf-8")


# ---------------------------------------------------------------- Zendesk export

ZD = {
    "et": ("Millised minu andmed lekkisid?", "Tere! Lugesin uudistest, et teie laborist varastati faile. Minu isikukood on {id}. "
           "Millised minu andmed lekkisid?", "Tere! Lekkinud failide hulgas olid teie nimi, isikukood, sünniaeg ja geenianalüüsi "
           "vastus. Teid teavitab ka teie analüüsi tellinud raviasutus ({prov})."),
    "ru": ("Какие мои данные утекли?", "Здравствуйте! Мой личный код {id}. Какие мои данные были украдены?",
           "Здравствуйте! В украденных файлах были ваше имя, личный код, дата рождения и результат генетического анализа. "
           "Вас также уведомит учреждение, направившее анализ ({prov})."),
    "en": ("Was my data stolen?", "Hello, my personal code is {id}. Was my data in the stolen files?",
           "Hello! The stolen files contained your name, personal code, date of birth and genetic test result. "
           "The provider who ordered your test ({prov}) will also contact you."),
}


def zendesk(case, patients, genet):
    rng = case.rng
    udoc = "zendesk/export_2023-09-25/users.json"
    tdoc = "zendesk/export_2023-09-25/tickets.json"
    users, tickets = [], []
    uid = 390000000000 + rng.randint(1000, 9000)
    agents = []
    for g in genet[:2] + [{"name": "Andmekaitse Tugi", "email": "andmekaitse@genlab.example.com"}]:
        uid += rng.randint(10, 999)
        ph = people.phone(case, "EE", "landline")
        agents.append(uid)
        users.append({"id": uid, "url": f"https://genlab.zendesk.example.com/api/v2/users/{uid}.json", "name": g["name"], "email": g["email"],
                      "created_at": "2021-03-01T08:00:00Z", "time_zone": "Tallinn", "phone": ph["e164"], "locale": "et",
                      "role": "agent", "verified": True, "user_fields": {"isikukood": None}, "tags": [], "active": True})
        case.decoy("agent_phone", ph["e164"], udoc, "phone")
        case.decoy("staff_email", g["email"], udoc, "email")
    adults = [p for p in patients if not p.child and p.email]
    kids = [p for p in patients if p.child and p.parent]
    writers = [(p, None) for p in rng.sample(adults, min(40, len(adults)))]
    writers += [(k.parent, k) for k in rng.sample(kids, min(9, len(kids)))]
    rng.shuffle(writers)
    tid = rng.randint(1200, 1900)
    for p, kid in writers:
        if not p.email:
            p.email = people.email(case, people.fold(p.given), people.fold(p.surname))
        uid += rng.randint(10, 999)
        lang = p.lang if p.lang in ZD else ("et" if p.country == "EE" else "en")
        phone_raw = people.render_phone(case, p.phone) if p.phone and rng.random() < 0.6 else None
        u = {"id": uid, "url": f"https://genlab.zendesk.example.com/api/v2/users/{uid}.json", "name": f"{p.given} {p.surname}",
             "email": p.email, "created_at": f"2023-09-{rng.randint(19, 24)}T{rng.randint(6, 20):02d}:{rng.randint(0, 59):02d}:00Z",
             "time_zone": "Tallinn", "phone": phone_raw, "locale": lang, "role": "end-user", "verified": False,
             "user_fields": {"isikukood": p.nid if rng.random() < 0.5 else None}, "tags": ["andmeleke"], "active": True}
        users.append(u)
        p.named(udoc, [u["name"]], "name")
        p.ident("email", p.email, p.email, udoc, "email")
        if phone_raw:
            p.ident("phone", p.phone["e164"], phone_raw, udoc, "phone")
        if u["user_fields"]["isikukood"]:
            p.ident(ID_TYPE[p.country], p.nid, p.nid, udoc, "user_fields.isikukood")
        subj, body, ans = ZD[lang]
        prov = p.controllers[0]
        if kid is None:
            desc = body.format(id=p.nid)
            p.ident(ID_TYPE[p.country], p.nid, p.nid, tdoc, "description")
            p.el("genetic_data", tdoc, "description", optional=True)
            cf = p.nid
        else:
            wrong = None
            if rng.random() < 0.35:
                wrong = _bad(rng, kid.nid)
                case.decoy("mistyped_id_code", wrong, tdoc, "description", must_fail=True,
                           note=f"a parent's first writing of the child's code ({kid.tid}), corrected in the next comment")
            desc = {"et": f"Tere! Minu {'tütre' if kid.female else 'poja'} {kid.given} {kid.surname} (isikukood {wrong or kid.nid}) "
                          f"geenianalüüs tehti teie laboris. Kas tema andmed lekkisid? Olen tema {'ema' if p.female else 'isa'}.",
                    "ru": f"Здравствуйте! Анализ моего ребёнка {kid.given} {kid.surname} (личный код {wrong or kid.nid}) делали "
                          f"в вашей лаборатории. Утекли ли его данные?",
                    "en": f"Hello, my child {kid.given} {kid.surname} (personal code {wrong or kid.nid}) was tested in your lab. "
                          f"Was the data leaked?"}[lang]
            kid.named(tdoc, [kid.given, kid.surname], "description")
            if wrong:
                desc_fix = {"et": f"Vabandust, õige isikukood on {kid.nid}.", "ru": f"Извините, правильный код {kid.nid}.",
                            "en": f"Sorry, the correct code is {kid.nid}."}[lang]
            kid.ident("ee_isikukood", kid.nid, kid.nid, tdoc, "description" if not wrong else "comments[].body")
            kid.el("genetic_data", tdoc, "description", optional=True)
            cf = kid.nid
            subj = {"et": "Lapse andmed", "ru": "Данные ребёнка", "en": "My child's data"}[lang]
        tid += rng.randint(1, 12)
        created = u["created_at"]
        agent = rng.choice(agents)
        comments = [{"id": tid * 1000 + 1, "type": "Comment", "author_id": uid, "body": desc, "public": True, "created_at": created}]
        if kid is not None and wrong:
            comments.append({"id": tid * 1000 + 2, "type": "Comment", "author_id": uid, "body": desc_fix, "public": True,
                             "created_at": created})
        comments.append({"id": tid * 1000 + 5, "type": "Comment", "author_id": agent, "body": ans.format(prov=prov), "public": True,
                         "created_at": created.replace("Z", "").rsplit(":", 1)[0] + ":59Z"})
        tickets.append({"id": tid, "url": f"https://genlab.zendesk.example.com/api/v2/tickets/{tid}.json", "external_id": None,
                        "via": {"channel": "email", "source": {"from": {"address": p.email, "name": f"{p.given} {p.surname}"},
                                                               "to": {"address": "andmekaitse@genlab.example.com", "name": "GenLab"},
                                                               "rel": None}},
                        "created_at": created, "subject": subj, "description": desc, "priority": "normal", "status": "solved",
                        "requester_id": uid, "submitter_id": uid, "assignee_id": agent,
                        "custom_fields": [{"id": 360011112222, "value": cf}, {"id": 360011113333, "value": None}],
                        "tags": ["andmeleke", lang], "comments": comments})
        p.ident("email", p.email, p.email, tdoc, "via.source.from.address")
        p.named(tdoc, [p.given, p.surname], "via.source.from.name")
    case.put(udoc, "\n".join(json.dumps(u, ensure_ascii=False) for u in users) + "\n", "utf-8", views=("json",))
    case.put(tdoc, "\n".join(json.dumps(t, ensure_ascii=False) for t in tickets) + "\n", "utf-8", views=("json",))


def _bad(rng, good):
    for _ in range(200):
        i = rng.randrange(len(good))
        v = good[:i] + str((int(good[i]) + rng.randint(1, 9)) % 10) + good[i + 1:]
        if not check.any_person_id(v):
            return v
    raise RuntimeError("bad")
