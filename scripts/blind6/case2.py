"""Case 2: genetic testing laboratory (Estonia) with ~40 ordering providers.

Shapes: one FHIR R4 Bundle per order (Patient with identifier systems, telecom arrays, address, RelatedPerson for
partners/parents, Practitioner, ServiceRequest.reasonCode, Observation components with HGVS, DiagnosticReport);
HTML result reports saved from the LIMS (some with named entities such as &otilde;); monthly iCalendar exports of the
genetic-counselling calendar (folded lines, TEXT escapes, ATTENDEE;CN=...:mailto:); Markdown helpdesk tickets
saved as .txt with patient tables; Estonian e-invoice XML per provider and month (patients only inside free-text
item descriptions); MultiQC-style YAML run statistics with sample ids only.
"""
import datetime as dt
import html
import json
import uuid

import check
import ids
import names as N
import people
from common import Case, Doc, fold, ics_escape

EE_PROV = ["Põhja-Eesti Regionaalhaigla", "Tartu Ülikooli Kliinikum", "Ida-Tallinna Keskhaigla", "Lääne-Tallinna Keskhaigla",
           "Pärnu Haigla", "Ida-Viru Keskhaigla", "Viljandi Haigla", "Kuressaare Haigla", "Rakvere Haigla", "Järvamaa Haigla",
           "Läänemaa Haigla", "Valga Haigla", "Põlva Haigla", "Lõuna-Eesti Haigla", "Narva Haigla", "Tallinna Lastehaigla",
           "Fertilitas AS", "Nova Vita Kliinik", "Elite Kliinik", "Qvalitas Arstikeskus", "Confido Erakliinik",
           "Medicum Tervisekeskus", "Kliinik 32", "Viimsi Perearstikeskus", "Kalamaja Perearstikeskus", "Tartu Tähe Perearstikeskus",
           "Pelgulinna Sünnitusmaja", "Tervisekeskus Vesta", "Haapsalu Neuroloogiline Rehabilitatsioonikeskus",
           "Perearst Kask OÜ", "Perearst Ilves OÜ", "Nõmme Perearstikeskus", "Merimetsa Tervisekeskus", "Pärnu Perearstikeskus",
           "Rapla Maakonnahaigla", "Jõgeva Haigla"]
FOREIGN_PROV = [("Rīgas Austrumu klīniskā universitātes slimnīca", "LV"), ("Santaros klinikos (Vilnius)", "LT"),
                ("HUS Diagnostiikkakeskus", "FI"), ("Paula Stradiņa klīniskā universitātes slimnīca", "LV")]
TESTS = [("GT-BRCA", "BRCA1/2 paneel", "Hereditary breast and ovarian cancer panel", ["BRCA1", "BRCA2"], 420,
          [("Z80.3", "perekonnas rinnavähk"), ("C50.9", "rinnavähk"), ("Z80.4", "perekonnas munasarjavähk")]),
         ("GT-CFTR", "CFTR geeni analüüs", "CFTR gene analysis", ["CFTR"], 260, [("E84.9", "tsüstiline fibroos, kahtlus"), ("N97.9", "viljatus")]),
         ("GT-LYNCH", "Lynchi sündroomi paneel", "Lynch syndrome panel", ["MLH1", "MSH2", "MSH6", "PMS2"], 480,
          [("Z80.0", "perekonnas jämesoolevähk"), ("C18.9", "jämesoolevähk")]),
         ("GT-NIPT", "Mitteinvasiivne sünnieelne test (NIPT)", "Non-invasive prenatal test", ["chr21", "chr18", "chr13"], 390,
          [("Z36.0", "sünnieelne sõeluuring"), ("O09.5", "vanemaealine esmasünnitaja")]),
         ("GT-EXOM", "Kliiniline eksoomi sekveneerimine", "Clinical exome sequencing", ["exome"], 990,
          [("F84.0", "autismispektri häire"), ("Q87.8", "kaasasündinud väärarendite sündroom"), ("G71.0", "lihasdüstroofia")]),
         ("GT-PGX", "Farmakogeneetiline paneel", "Pharmacogenetic panel", ["CYP2C19", "CYP2D6", "SLCO1B1"], 180,
          [("Z51.8", "ravimivaliku hindamine")]),
         ("GT-KAR", "Karüotüüp", "Karyotype", ["karyotype"], 210, [("N96", "korduvad raseduse katkemised"), ("Q96.9", "Turneri sündroomi kahtlus")])]
VARIANTS = {"BRCA1": ["NM_007294.4:c.5266dupC (p.Gln1756ProfsTer74)", "NM_007294.4:c.4035delA (p.Glu1346LysfsTer20)"],
            "BRCA2": ["NM_000059.4:c.7913_7917del (p.Phe2638Ter)"], "CFTR": ["NM_000492.4:c.1521_1523del (p.Phe508del)"],
            "MLH1": ["NM_000249.4:c.1852_1854del (p.Lys618del)"], "MSH2": ["NM_000251.3:c.942+3A>T"],
            "CYP2C19": ["*1/*2 (intermediate metabolizer)"], "CYP2D6": ["*4/*4 (poor metabolizer)"], "SLCO1B1": ["c.521T>C heterozygous"]}
SYS = {"EE": "https://fhir.ee/sid/pid/est/ni", "LV": "https://fhir.ee/sid/pid/lva/ni", "LT": "https://fhir.ee/sid/pid/ltu/ni",
       "FI": "urn:oid:1.2.246.21"}
TYPE = {"EE": "ee_isikukood", "LV": "lv_personas_kods", "LT": "lt_asmens_kodas", "FI": "fi_hetu"}
ENT = {"õ": "&otilde;", "ä": "&auml;", "ö": "&ouml;", "ü": "&uuml;", "Õ": "&Otilde;", "Ä": "&Auml;", "Ö": "&Ouml;", "Ü": "&Uuml;",
       "š": "&scaron;", "ž": "&#382;"}


def ent(s):
    return "".join(ENT.get(ch, ch) for ch in s)


def make_person_attrs(case, rng, country, female, dob, lang=None):
    if country == "EE":
        nm = people.ru_name(rng, female) if rng.random() < 0.22 else people.et_name(rng, female)
    elif country == "LV":
        nm = {"given": rng.choice(N.LV_F if female else N.LV_M), "surname": rng.choice(N.LV_S_F if female else N.LV_S_M), "lang": "lv"}
    elif country == "LT":
        nm = {"given": rng.choice(N.LT_F if female else N.LT_M), "surname": rng.choice(N.LT_S_F if female else N.LT_S_M), "lang": "lt"}
    else:
        nm = people.fi_name(rng, female, rng.random() < 0.15)
    for _ in range(50):
        k = check.name_tokens(people.full(nm))
        if k not in case.used_names:
            break
        nm["given"] = nm["given"].split()[0] + " " + rng.choice(N.ET_F if female else N.ET_M) if country == "EE" else nm["given"] + "a"
    case.used_names.add(check.name_tokens(people.full(nm)))
    c = dict(nm)
    c["country"], c["female"], c["dob"] = country, female, dob
    while True:
        if country in ("EE", "LT"):
            v = ids.ee_like(rng, dob, female)
        elif country == "LV":
            v = ids.lv_old(rng, dob) if rng.random() < 0.8 else ids.lv_new(rng)
        else:
            v = ids.fi_hetu(rng, dob, rng.random() < 0.15)
        if case.claim(TYPE[country], v):
            c["nid"] = v
            break
    cc = {"EE": "EE", "LV": "LV", "LT": "LT", "FI": "FI"}[country]
    c["phone"] = None
    if rng.random() < 0.7:
        while True:
            nsn, e = people.phone(rng, cc)
            if case.claim("phone", e):
                c["phone"] = (nsn, e)
                break
    c["email"] = ids.email_for(rng, c["given"].split()[0], c["surname"], case.emails) if rng.random() < 0.55 else None
    if country == "EE":
        c["addr"] = people.ee_address(rng) if rng.random() < 0.6 else None
    else:
        c["addr"] = {"street": rng.choice(["Brīvības iela 12-4", "Gedimino pr. 21-3", "Mannerheimintie 40 B 7", "Elizabetes iela 33"]),
                     "zip": rng.choice(["LV-1010", "LT-01103", "00100"]), "city": rng.choice(["Rīga", "Vilnius", "Helsinki"]),
                     "country": country} if rng.random() < 0.5 else None
    return c


def build(rng, slug):
    case = Case(slug, "EE genetic testing laboratory (Asper-like): FHIR, LIMS HTML, counselling calendar, helpdesk, e-invoices", rng)
    provs = [(p, "EE") for p in EE_PROV] + FOREIGN_PROV
    pcode = {p: f"P{i + 1:03d}" for i, (p, _) in enumerate(provs)}
    staff = {}
    for p, cc in provs:
        g, s = rng.choice(N.ET_F + N.ET_M), rng.choice(N.ET_S)
        code = f"D{rng.randint(10000, 99999)}"
        em = f"{ids.ascii_fold(g).lower()}.{ids.ascii_fold(s).lower()}@{pcode[p].lower()}.kliinik.test"
        staff[p] = (g, s, code, em)
        case.used_names.add(check.name_tokens(f"{g} {s}"))
    orders = []
    patients = []
    seq = 4000
    for i in range(430):
        r = rng.random()
        country = "EE" if r < 0.86 else ("LV" if r < 0.92 else ("LT" if r < 0.96 else "FI"))
        t = rng.choice(TESTS)
        female = True if t[0] == "GT-NIPT" else rng.random() < 0.6
        child = t[0] in ("GT-EXOM", "GT-KAR") and rng.random() < 0.45
        dob = ids.rand_date(rng, 2008, 2021) if child else (ids.rand_date(rng, 1980, 2001) if t[0] == "GT-NIPT" else ids.rand_date(rng, 1940, 2002))
        c = make_person_attrs(case, rng, country, female, dob)
        c["child"] = child
        if child:
            c["phone"] = c["email"] = None
        cands = [p for p, cc in provs if cc == country] if country != "EE" else [p for p, cc in provs if cc == "EE"]
        if t[0] == "GT-NIPT":
            cands = ["Fertilitas AS", "Pelgulinna Sünnitusmaja", "Elite Kliinik", "Nova Vita Kliinik"]
        if child:
            cands = ["Tallinna Lastehaigla", "Tartu Ülikooli Kliinikum"]
        p = case.person(people.full(c), c["lang"], [])
        c["p"] = p
        patients.append(c)
        n_orders = 2 if rng.random() < 0.09 else 1
        prov_used = []
        for k in range(n_orders):
            prov = rng.choice([x for x in cands if x not in prov_used] or cands)
            prov_used.append(prov)
            seq += rng.randint(1, 9)
            tt = t if k == 0 else rng.choice(TESTS)
            d = dt.date(2022, 9, 1) + dt.timedelta(days=rng.randint(0, 180))
            o = {"c": c, "prov": prov, "test": tt, "sample": f"S{d:%y}-{seq:06d}", "date": d,
                 "icd": rng.choice(tt[5]), "result": rng.random() < 0.88}
            o["variant"] = None
            if o["result"] and tt[3][0] in VARIANTS and rng.random() < 0.35:
                o["variant"] = (tt[3][0], rng.choice(VARIANTS[tt[3][0]]))
            orders.append(o)
            p.add_controller(prov)
        # relative (partner for NIPT, parent for children)
        c["rel"] = None
        if t[0] == "GT-NIPT" or child:
            rf = child and rng.random() < 0.7
            rc = make_person_attrs(case, rng, country, rf if child else False, ids.rand_date(rng, 1970, 1995))
            if rc["phone"] is None and rc["email"] is None:
                while True:
                    nsn, e = people.phone(rng, country)
                    if case.claim("phone", e):
                        rc["phone"] = (nsn, e)
                        break
            rc["role"] = ("MTH" if rf else "FTH") if child else "SPS"
            rp = case.person(people.full(rc), rc["lang"], list(p.controllers),
                             note=f"{'parent' if child else 'partner'} of {p.tid} (FHIR RelatedPerson)")
            rc["p"] = rp
            c["rel"] = rc

    # ------------------------------------------------------------ FHIR bundles
    for o in orders:
        c, p, prov = o["c"], o["c"]["p"], o["prov"]
        pc = pcode[prov]
        fn = f"fhir/{pc}/Bundle-{uuid.UUID(int=rng.getrandbits(128))}.json"
        pid = str(uuid.UUID(int=rng.getrandbits(128)))
        patient = {"resourceType": "Patient", "id": pid,
                   "identifier": [{"system": SYS[c["country"]], "value": c["nid"]},
                                  {"system": "https://geenilabor.test/fhir/sid/patient", "value": f"GL{rng.randint(100000, 999999)}"}],
                   "name": [{"use": "official", "family": c["surname"], "given": c["given"].replace("-", " - ").split() if False else c["given"].split()}],
                   "gender": "female" if c["female"] else "male", "birthDate": f"{c['dob']:%Y-%m-%d}"}
        p.ident(TYPE[c["country"]], c["nid"], c["nid"], fn, "Patient.identifier")
        p.named(c["given"].split() + [c["surname"]], fn, "Patient.name")
        p.el("date_of_birth", fn, "Patient.birthDate")
        tel = []
        if c["phone"]:
            raw, _ = ids.render_phone(rng, c["country"], c["phone"][0])
            tel.append({"system": "phone", "value": raw, "use": "mobile"})
            p.ident("phone", c["phone"][1], raw, fn, "Patient.telecom")
        if c["email"]:
            tel.append({"system": "email", "value": c["email"]})
            p.ident("email", c["email"], c["email"], fn, "Patient.telecom")
        if tel:
            patient["telecom"] = tel
        if c["addr"]:
            a = c["addr"]
            patient["address"] = [{"use": "home", "line": [a["street"]], "city": a["city"], "postalCode": a["zip"],
                                   "country": c["country"]}]
            p.el("postal_address", fn, "Patient.address")
        entries = [{"fullUrl": f"urn:uuid:{pid}", "resource": patient}]
        rc = c["rel"]
        if rc:
            rp = rc["p"]
            rel = {"resourceType": "RelatedPerson", "id": str(uuid.UUID(int=rng.getrandbits(128))),
                   "patient": {"reference": f"Patient/{pid}"},
                   "relationship": [{"coding": [{"system": "http://terminology.hl7.org/CodeSystem/v3-RoleCode", "code": rc["role"]}]}],
                   "name": [{"text": f"{rc['given']} {rc['surname']}"}]}
            rp.named(f"{rc['given']} {rc['surname']}", fn, "RelatedPerson.name")
            if rng.random() < 0.5:
                rel["identifier"] = [{"system": SYS[rc["country"]], "value": rc["nid"]}]
                rp.ident(TYPE[rc["country"]], rc["nid"], rc["nid"], fn, "RelatedPerson.identifier")
            rt = []
            if rc["phone"]:
                raw, _ = ids.render_phone(rng, rc["country"], rc["phone"][0])
                rt.append({"system": "phone", "value": raw})
                rp.ident("phone", rc["phone"][1], raw, fn, "RelatedPerson.telecom")
            if rc["email"]:
                rt.append({"system": "email", "value": rc["email"]})
                rp.ident("email", rc["email"], rc["email"], fn, "RelatedPerson.telecom")
            rel["telecom"] = rt
            entries.append({"fullUrl": f"urn:uuid:{rel['id']}", "resource": rel})
        g, s, code, em = staff[prov]
        pr = {"resourceType": "Practitioner", "id": code, "identifier": [{"system": "https://fhir.ee/sid/pro/est/pho", "value": code}],
              "name": [{"family": s, "given": [g], "prefix": ["Dr."]}], "telecom": [{"system": "email", "value": em, "use": "work"}]}
        entries.append({"fullUrl": f"urn:uuid:{code}", "resource": pr})
        entries.append({"fullUrl": f"urn:uuid:{pc}", "resource": {"resourceType": "Organization", "id": pc, "name": prov}})
        t = o["test"]
        sr = {"resourceType": "ServiceRequest", "id": o["sample"], "status": "completed", "intent": "order",
              "code": {"coding": [{"system": "https://geenilabor.test/tests", "code": t[0], "display": t[1]}]},
              "subject": {"reference": f"Patient/{pid}"}, "requester": {"reference": f"Practitioner/{code}"},
              "authoredOn": f"{o['date']:%Y-%m-%d}",
              "reasonCode": [{"coding": [{"system": "http://hl7.org/fhir/sid/icd-10", "code": o["icd"][0], "display": o["icd"][1]}]}]}
        entries.append({"resource": sr})
        p.el("health_data", fn, "ServiceRequest.reasonCode")
        entries.append({"resource": {"resourceType": "Specimen", "id": o["sample"], "accessionIdentifier": {"value": o["sample"]},
                                     "type": {"text": "EDTA veri"}, "subject": {"reference": f"Patient/{pid}"}}})
        if o["result"]:
            comps = [{"code": {"coding": [{"system": "http://loinc.org", "code": "48018-6", "display": "Gene studied"}]},
                      "valueCodeableConcept": {"text": ", ".join(t[3])}}]
            if o["variant"]:
                comps.append({"code": {"coding": [{"system": "http://loinc.org", "code": "48004-6", "display": "DNA change (c.HGVS)"}]},
                              "valueCodeableConcept": {"text": f"{o['variant'][0]} {o['variant'][1]}"}})
                interp = "Pathogenic variant detected"
            else:
                interp = "No pathogenic variant detected"
            entries.append({"resource": {"resourceType": "Observation", "status": "final",
                                         "code": {"coding": [{"system": "http://loinc.org", "code": "69548-6",
                                                              "display": "Genetic variant assessment"}]},
                                         "subject": {"reference": f"Patient/{pid}"}, "valueCodeableConcept": {"text": interp},
                                         "component": comps}})
            entries.append({"resource": {"resourceType": "DiagnosticReport", "status": "final", "code": {"text": t[2]},
                                         "subject": {"reference": f"Patient/{pid}"}, "conclusion": interp,
                                         "performer": [{"display": "Geenilabor OÜ"}]}})
            p.el("genetic_data", fn, "Observation")
            p.el("lab_result", fn, "Observation", required=False)
        else:
            p.el("genetic_data", fn, "ServiceRequest (test ordered, no result)", required=False)
        bundle = {"resourceType": "Bundle", "id": str(uuid.UUID(int=rng.getrandbits(128))), "type": "collection",
                  "timestamp": f"{o['date']:%Y-%m-%d}T{rng.randint(7, 18):02d}:{rng.randint(0, 59):02d}:00+02:00", "entry": entries}
        asc = rng.random() < 0.3
        case.add(Doc(fn, json.dumps(bundle, ensure_ascii=asc, indent=2) + "\n", views=("json",) if asc else ()))
        case.decoy("staff", em, fn, "Practitioner.telecom", "ordering physician")
        if rng.random() < 0.1:
            case.decoy("sample_id", o["sample"], fn, "Specimen")

    # ------------------------------------------------------------ HTML result reports
    signers = [("Dr. Triin Valk", "laborigeneetik"), ("Dr. Andres Kuusk", "laborigeneetik"), ("Dr. Jelena Orlova", "molekulaarbioloog")]
    for o in orders:
        if not o["result"] or rng.random() > 0.85:
            continue
        c, p = o["c"], o["c"]["p"]
        fn = f"vastused/{o['date']:%Y-%m}/{o['sample']}_vastus.html"
        g, s, code, em = staff[o["prov"]]
        use_ent = rng.random() < 0.4
        nm = f"{c['given']} {c['surname']}"
        rows = [("Patsient", ent(nm) if use_ent else html.escape(nm)), ("Isikukood", c["nid"]),
                ("S&uuml;nniaeg", f"{c['dob']:%d.%m.%Y}"), ("Suunaja", f"Dr. {g} {s} ({ent(o['prov']) if use_ent else o['prov']})"),
                ("Proovi nr", o["sample"]), ("Proov v&otilde;etud", f"{o['date']:%d.%m.%Y}")]
        t = o["test"]
        if o["variant"]:
            res = f"Leitud heterosügootne patogeenne variant geenis <i>{o['variant'][0]}</i>: {html.escape(o['variant'][1])}."
        else:
            res = f"Analüüsitud geenides ({', '.join(t[3])}) patogeenseid ega tõenäoliselt patogeenseid variante ei leitud."
        sg = rng.choice(signers)
        body = ("<!DOCTYPE html>\n<html lang=\"et\"><head><meta charset=\"utf-8\">"
                f"<title>Geneetilise anal&uuml;&uuml;si vastus {o['sample']}</title></head>\n<body>\n"
                "<div class=\"hdr\">Geenilabor O&Uuml; &middot; Akadeemia tee 3, Tallinn</div>\n"
                f"<h1>Geneetilise anal&uuml;&uuml;si vastus &ndash; {html.escape(t[1])}</h1>\n<table class=\"patient\">\n" +
                "".join(f"<tr><th>{k}</th><td>{v}</td></tr>\n" for k, v in rows) +
                f"</table>\n<h2>N&auml;idustus</h2>\n<p>{o['icd'][0]} &ndash; {html.escape(o['icd'][1])}</p>\n"
                f"<h2>Tulemus</h2>\n<p>{res}</p>\n<p class=\"sign\">Allkirjastanud: {sg[0]}, {sg[1]}</p>\n</body></html>\n")
        case.add(Doc(fn, body, views=("html",)))
        p.named(nm, fn, "Patsient")
        p.ident(TYPE[c["country"]], c["nid"], c["nid"], fn, "Isikukood")
        p.el("date_of_birth", fn, "Sünniaeg")
        p.el("health_data", fn, "Näidustus")
        p.el("genetic_data", fn, "Tulemus")
        p.el("lab_result", fn, "Tulemus", required=False)

    # ------------------------------------------------------------ counselling calendar (.ics)
    months = {}
    for c in patients:
        if rng.random() < 0.4:
            o = next(o for o in orders if o["c"] is c)
            months.setdefault(f"{o['date']:%Y-%m}", []).append(o)
    for m in sorted(months):
        fn = f"noustamine/noustamine_{m}.ics"
        L = ["BEGIN:VCALENDAR", "VERSION:2.0", "PRODID:-//Microsoft Corporation//Outlook 16.0 MIMEDIR//EN", "METHOD:PUBLISH",
             "X-WR-CALNAME:Geneetiline nõustamine", "X-WR-TIMEZONE:Europe/Tallinn"]
        for o in months[m]:
            c, p = o["c"], o["c"]["p"]
            nm = f"{c['given']} {c['surname']}"
            start = dt.datetime.combine(o["date"] - dt.timedelta(days=rng.randint(1, 10)), dt.time(rng.randint(8, 15), rng.choice([0, 30])))
            g, s, code, em = staff[o["prov"]]
            desc = [f"Isikukood: {c['nid']}"]
            p.ident(TYPE[c["country"]], c["nid"], c["nid"], fn, "DESCRIPTION")
            if c["phone"]:
                raw, _ = ids.render_phone(rng, c["country"], c["phone"][0])
                desc.append(f"Tel: {raw}")
                p.ident("phone", c["phone"][1], raw, fn, "DESCRIPTION")
            desc += [f"Suunaja: Dr. {g} {s}, {o['prov']}", f"Põhjus: {o['icd'][0]} {o['icd'][1]}", f"Test: {o['test'][1]}"]
            L += ["BEGIN:VEVENT", f"UID:{uuid.UUID(int=rng.getrandbits(128))}", f"DTSTAMP:{start:%Y%m%d}T070000Z",
                  f"DTSTART;TZID=Europe/Tallinn:{start:%Y%m%dT%H%M%S}",
                  f"DTEND;TZID=Europe/Tallinn:{start + dt.timedelta(minutes=45):%Y%m%dT%H%M%S}",
                  fold("SUMMARY:" + ics_escape(f"Geneetiline nõustamine – {nm}")),
                  fold("DESCRIPTION:" + ics_escape("\n".join(desc))), fold("LOCATION:" + ics_escape("Kabinet 214, Akadeemia tee 3, Tallinn"))]
            p.named(nm, fn, "SUMMARY")
            p.el("health_data", fn, "DESCRIPTION Põhjus")
            p.el("genetic_data", fn, "DESCRIPTION Test (ordered)", required=False)
            if c["email"]:
                L.append(fold(f'ATTENDEE;CN="{nm}";ROLE=REQ-PARTICIPANT;PARTSTAT=ACCEPTED;RSVP=TRUE:mailto:{c["email"]}'))
                p.ident("email", c["email"], c["email"], fn, "ATTENDEE")
            L += [fold("ORGANIZER;CN=Geneetilise nõustamise kabinet:mailto:noustamine@geenilabor.test"), "STATUS:CONFIRMED",
                  "END:VEVENT"]
        L.append("END:VCALENDAR")
        case.add(Doc(fn, "\r\n".join(L) + "\r\n", views=("unfold", "ics")))

    # ------------------------------------------------------------ helpdesk tickets (Markdown saved as .txt)
    pool = [c for c in patients]
    rng.shuffle(pool)
    k = 0
    for n in range(70):
        grp = pool[k:k + rng.choice([1, 1, 2, 3, 4])]
        k += len(grp)
        if not grp:
            break
        prov = next(o["prov"] for o in orders if o["c"] is grp[0])
        g, s, code, em = staff[prov]
        fn = f"helpdesk/LAB-{1400 + n * 3 + rng.randint(0, 2)}.txt"
        topic = rng.choice(["Tulemus ei jõua portaali", "Vale suunaja vastusel", "Proovi staatus 'ootel' üle 6 nädala",
                            "Topeltpatsient LIMS-is", "Arve rida puudu"])
        L = [f"# {fn.split('/')[-1][:-4]}: {topic}", "", f"**Reporter:** Dr. {g} {s} ({em})  ", f"**Organisatsioon:** {prov}  ",
             f"**Priority:** {rng.choice(['Low', 'Medium', 'High'])} | **Status:** {rng.choice(['Done', 'In progress', 'Waiting for customer'])}",
             "", "## Kirjeldus", ""]
        if len(grp) == 1:
            c = grp[0]
            o = next(o for o in orders if o["c"] is c)
            L.append(f"Patsient **{c['given']} {c['surname']}** (IK {c['nid']}), proov {o['sample']} ({o['test'][1]}). "
                     "Palun kontrollida ja anda teada.")
        else:
            L += ["Järgmised patsiendid:", "", "| Proov | Patsient | Isikukood | Test |", "|---|---|---|---|"]
            for c in grp:
                o = next(o for o in orders if o["c"] is c)
                L.append(f"| {o['sample']} | {c['surname']}, {c['given']} | {c['nid']} | {o['test'][1]} |")
        L += ["", "## Kommentaarid", "", f"> **Laborisüsteemide tugi** ({rng.randint(1, 28)}.0{rng.randint(1, 3)}.2023): "
              "parandatud, palun kontrollige uuesti.", ""]
        case.add(Doc(fn, "\n".join(L)))
        case.decoy("staff", em, fn, "Reporter", "clinic physician reporting the ticket")
        for c in grp:
            p = c["p"]
            nm = f"{c['given']} {c['surname']}" if len(grp) == 1 else f"{c['surname']}, {c['given']}"
            p.named(nm, fn, "Patsient")
            p.ident(TYPE[c["country"]], c["nid"], c["nid"], fn, "Isikukood")
            p.el("genetic_data", fn, "Test (ordered)", required=False)

    # ------------------------------------------------------------ e-invoice XML per provider & month
    seller_iban = ids.iban(rng, "EE")
    groups = {}
    for o in orders:
        groups.setdefault((o["prov"], f"{o['date']:%Y-%m}"), []).append(o)
    for (prov, m), os_ in sorted(groups.items()):
        if rng.random() < 0.35:
            continue
        fn = f"arveldus/{m}/e-arve_{pcode[prov]}_{m}.xml"
        inv = f"GL-{m.replace('-', '')}-{pcode[prov][1:]}"
        L = ['<?xml version="1.0" encoding="UTF-8"?>', '<E_Invoice xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">',
             f'  <Header><Date>{m}-28</Date><FileId>{inv}</FileId><Version>1.2</Version></Header>',
             f'  <Invoice invoiceId="{inv}" regNumber="{rng.randint(10000000, 19999999)}" sellerRegnumber="12873640">',
             '    <InvoiceParties>',
             f'      <SellerParty><Name>Geenilabor OÜ</Name><RegNumber>12873640</RegNumber><AccountInfo><AccountNumber>{seller_iban}'
             '</AccountNumber></AccountInfo></SellerParty>',
             f'      <BuyerParty><Name>{html.escape(prov)}</Name></BuyerParty>', '    </InvoiceParties>',
             f'    <InvoiceInformation><Type type="DEB"/><DocumentName>Arve</DocumentName><InvoiceNumber>{inv}</InvoiceNumber>'
             f'<InvoiceDate>{m}-28</InvoiceDate></InvoiceInformation>', '    <InvoiceItem>', '      <InvoiceItemGroup>']
        tot = 0
        for o in os_:
            c, p = o["c"], o["c"]["p"]
            t = o["test"]
            tot += t[4]
            L.append(f'        <ItemEntry><SellerProductId>{t[0]}</SellerProductId><Description>{html.escape(t[1])}; patsient '
                     f'{html.escape(c["given"])} {html.escape(c["surname"])} ({c["nid"]}); proov {o["sample"]}</Description>'
                     f'<ItemDetailInfo><ItemUnit>tk</ItemUnit><ItemAmount>1</ItemAmount><ItemPrice>{t[4]}.00</ItemPrice>'
                     f'</ItemDetailInfo><ItemSum>{t[4]}.00</ItemSum></ItemEntry>')
            p.named(f"{c['given']} {c['surname']}", fn, "ItemEntry/Description")
            p.ident(TYPE[c["country"]], c["nid"], c["nid"], fn, "ItemEntry/Description")
            p.el("genetic_data", fn, "Description (test ordered)", required=False)
        L += ['      </InvoiceItemGroup>', '    </InvoiceItem>',
              f'    <InvoiceSumGroup><InvoiceSum>{tot}.00</InvoiceSum><TotalSum>{tot}.00</TotalSum><Currency>EUR</Currency></InvoiceSumGroup>',
              '  </Invoice>', '  <Footer><TotalNumberInvoices>1</TotalNumberInvoices></Footer>', '</E_Invoice>']
        case.add(Doc(fn, "\n".join(L) + "\n", views=("html",)))
        if not any(d["kind"] == "company_iban" for d in case.decoys):
            case.decoy("company_iban", seller_iban, fn, "SellerParty/AccountNumber", "the laboratory's own account")

    # ------------------------------------------------------------ MultiQC-style run statistics (sample ids only)
    runs = {}
    for o in orders:
        runs.setdefault(f"{o['date']:%y%m}", []).append(o)
    for r in sorted(runs):
        fn = f"analuus/run_{r}_NVX/multiqc_general_stats.yaml"
        L = ["# MultiQC general statistics (pseudonymous sample ids)", "report_saved_raw_data:", "  multiqc_general_stats:"]
        for o in runs[r]:
            L += [f"    {o['sample']}:", f"      FastQC_mqc-generalstats-fastqc-percent_duplicates: {rng.uniform(5, 30):.2f}",
                  f"      FastQC_mqc-generalstats-fastqc-total_sequences: {rng.randint(8, 90) * 1000000}.0",
                  f"      Picard_mqc-generalstats-picard-PCT_TARGET_BASES_20X: {rng.uniform(0.9, 0.999):.4f}"]
        for _ in range(rng.randint(2, 5)):
            L += [f"    QC-{rng.randint(1000, 9999)}:", "      FastQC_mqc-generalstats-fastqc-percent_duplicates: 9.10"]
        case.add(Doc(fn, "\n".join(L) + "\n"))
    case.extra["providers"] = len(provs)
    for c in patients:
        if not c["p"].elements:
            raise RuntimeError("patient without element")
    return case, case.truth()
