"""Case 2: genetic testing laboratory (Estonia) with ~37 ordering providers in EE, LV, LT and FI.

Shapes: a FHIR bulk-data $export (manifest.json + Patient/RelatedPerson/Practitioner/Organization/ServiceRequest/
Observation .ndjson); ODT referrals per order; RTF result letters (cp1257 \\'hh escapes, \\uN for other scripts);
GA4GH Phenopacket v2 JSON per sample (pseudonymous); ISO 20022 camt.053 bank statements (payers, sometimes the
spouse); Jupyter notebooks whose DataFrame outputs join sample ids to patients; provider-portal pages saved with
"Web page, complete" (HTML + _files folder); OCR text of scanned consent forms with recognition errors.
"""
import collections
import datetime
import json

import fmt
import people
from common import Case
from shared import check, ids

DESC = ("Genetic testing laboratory (Geenilabor OÜ, Tartu): ransomware exfiltrated the FHIR server's bulk export, referrals, "
        "result letters, phenopackets, bank statements, analysis notebooks, saved portal pages and consent scans.")
TESTS = [
    ("BRCA1/2 paneel", "BRCA2", "NM_000059.4(BRCA2):c.5946del (p.Ser1982ArgfsTer22)", "Z80.3", "Rinnavähi perekonnaanamnees"),
    ("CFTR analüüs", "CFTR", "NM_000492.4(CFTR):c.1521_1523del (p.Phe508del)", "E84.9", "Tsüstilise fibroosi kahtlus"),
    ("HFE hemokromatoos", "HFE", "NM_000410.4(HFE):c.845G>A (p.Cys282Tyr)", "E83.1", "Raua ainevahetuse häire"),
    ("Faktor V Leiden", "F5", "NM_000130.5(F5):c.1601G>A (p.Arg534Gln)", "D68.5", "Trombofiilia"),
    ("Kardiomüopaatia geenipaneel", "MYH7", "NM_000257.4(MYH7):c.1208G>A (p.Arg403Gln)", "I42.1", "Hüpertroofiline kardiomüopaatia"),
    ("Lynchi sündroomi paneel", "MLH1", "NM_000249.4(MLH1):c.1852_1854del (p.Lys618del)", "Z80.0", "Kolorektaalvähi perekonnaanamnees"),
    ("Karüotüüp", "-", "46,XX,t(11;22)(q23;q11.2)", "N97.9", "Viljatus"),
]
CHILD_TESTS = [
    ("Kaasasündinud kurtuse paneel", "GJB2", "NM_004004.6(GJB2):c.35del (p.Gly12ValfsTer2)", "H90.3", "Sensorineuraalne kuulmislangus"),
    ("Fragiilse X sündroom", "FMR1", "FMR1 CGG-kordusi 210 (täismutatsioon)", "F84.9", "Arengupeetus"),
]
NEG = "Patogeenseid ega tõenäoliselt patogeenseid variante ei tuvastatud"
EE_PROV = ["Tartu Ülikooli Kliinikum", "Põhja-Eesti Regionaalhaigla", "Ida-Tallinna Keskhaigla", "Lääne-Tallinna Keskhaigla",
           "Pärnu Haigla", "Ida-Viru Keskhaigla", "Viljandi Haigla", "Kuressaare Haigla", "Rakvere Haigla", "Narva Haigla",
           "Tallinna Lastehaigla", "Lõuna-Eesti Haigla", "Järvamaa Haigla", "Valga Haigla", "Raplamaa Haigla",
           "Kliinik Elite", "Nova Vita Kliinik", "Fertilitas", "Qvalitas Arstikeskus", "Confido Erakliinik",
           "Medicum Tervisekeskus", "Kesklinna Perearstikeskus", "Mustamäe Perearstikeskus", "Tammsaare Perearstikeskus",
           "Annelinna Perearstikeskus", "Pärnu Perearstikeskus", "Kuressaare Perearstikeskus", "Haapsalu Perearstikeskus"]
FOREIGN = {"lv": ["Paula Stradiņa klīniskā universitātes slimnīca", "Rīgas Dzemdību nams", "Liepājas reģionālā slimnīca"],
           "lt": ["Vilniaus universiteto ligoninė Santaros klinikos", "Kauno klinikos", "Klaipėdos universitetinė ligoninė"],
           "fi": ["Helsingin Perheklinikka", "Turun Geenikeskus Oy", "Väestöliiton Klinikka"]}
LAB_IBAN = "EE382200221020145685"
GENETICISTS = [("dr Kai Muru", "kai.muru@geenilabor.example.ee"), ("dr Tiia Reimand", "tiia.reimand@geenilabor.example.ee")]
OCR = {"õ": "6", "o": "0", "i": "1", "l": "1", "e": "c", "rn": "m", "ü": "u"}
SYS = {"ee": "https://fhir.ee/sid/pid/est/ni", "lv": "https://fhir.ee/sid/pid/lva/ni", "lt": "https://fhir.ee/sid/pid/ltu/ni",
       "fi": "urn:oid:1.2.246.21"}
NTYPE = {"ee": "ee_isikukood", "lv": "lv_personas_kods", "lt": "lt_asmens_kodas", "fi": "fi_hetu"}


def slug(s):
    t = ids.ascii_fold(s).lower()
    return "".join(ch if ch.isalnum() else "_" for ch in t).strip("_")[:28]


def ocr_noise(r, text, keep):
    """Recognition errors in the boilerplate words only; the kept values stay intact."""
    out = []
    for w in text.split(" "):
        if any(k in w for k in keep) or r.random() > 0.18:
            out.append(w)
            continue
        for a, b in OCR.items():
            if a in w:
                w = w.replace(a, b, 1)
                break
        out.append(w)
    return " ".join(out)


def build(seed):
    c = Case(2, "ee_genetic_lab", seed, DESC)
    r = c.rng
    u = people.Uniq(r)
    nm = people.NameMaker(r)
    u.reserve(LAB_IBAN)
    providers = [(p_, "ee") for p_ in EE_PROV] + [(p_, k) for k in ("lv", "lt", "fi") for p_ in FOREIGN[k]]

    # ------------------------------------------------------------------ patients, orders
    pts, orders = [], []
    for i in range(300):
        country = r.choices(["ee", "lv", "lt", "fi"], [80, 7, 6, 7])[0]
        lang = {"ee": r.choices(["et", "ru"], [80, 20])[0], "lv": "lv", "lt": "lt", "fi": "fi"}[country]
        child = r.random() < 0.1
        n = nm.make(lang)
        p = c.person(f"{n['given']} {n['surname']}", lang)
        p.a.update(n)
        p.a["country"] = country
        dob = u.dob(2010, 2021) if child else u.dob(1950, 2002)
        p.a["dob"] = dob
        p.a["nid"] = {"ee": lambda: u.ee(dob, n["female"]), "lt": lambda: u.ee(dob, n["female"]),
                      "lv": lambda: u.lv(dob), "fi": lambda: u.hetu(dob, dob.year >= 2000 and r.random() < 0.5)}[country]()
        p.a["ntype"] = NTYPE[country]
        p.a["child"] = child
        cc = {"ee": "EE", "lv": "LV", "lt": "LT", "fi": "FI"}[country]
        p.a["cc"] = cc
        p.a["phone"] = u.phone(cc, "mobile") if (not child and r.random() < 0.75) else None
        p.a["email"] = u.email(ids.ascii_fold(n["given"]), ids.ascii_fold(n["surname"])) if (not child and r.random() < 0.5) else None
        if country == "ee":
            p.a["addr"] = people.ee_address(r)
        elif country == "lv":
            st, city, z = r.choice(people.LV_ADDR)
            p.a["addr"] = {"street": f"{st} {r.randint(1, 90)}-{r.randint(1, 40)}", "zip": z, "city": city}
        elif country == "lt":
            st, city, z = r.choice(people.LT_ADDR)
            p.a["addr"] = {"street": f"{st} {r.randint(1, 90)}-{r.randint(1, 40)}", "zip": z, "city": city}
        else:
            p.a["addr"] = people.fi_address(r, r.choice(["Helsinki", "Turku", "Espoo"]), r.choice(["00100", "20100", "02100"]))
        if cyr := (n["cyr_given"] and f"{n['cyr_given']} {n['cyr_surname']}"):
            p.a["cyr"] = cyr
        if country == "ee":
            prov_pool = [pr for pr in providers if pr[1] == "ee"]
        else:
            prov_pool = [pr for pr in providers if pr[1] == country]
        test = r.choice(CHILD_TESTS) if child else r.choice(TESTS)
        if child:
            prov_pool = [pr for pr in prov_pool if "Lastehaigla" in pr[0] or "Kliinikum" in pr[0]] or prov_pool
        n_orders = 2 if r.random() < 0.08 else 1
        chosen = r.sample(prov_pool, n_orders)
        for k, prov in enumerate(chosen):
            t2 = test if k == 0 else r.choice(TESTS if not child else CHILD_TESTS)
            o = {"p": p, "prov": prov, "test": t2, "id": f"G2023-{len(orders) * 7 + 10311 + r.randint(0, 5):05d}",
                 "sample": f"S23-{r.randint(10000, 99999)}{chr(65 + len(orders) % 26)}", "result": r.random() < 0.93,
                 "positive": r.random() < 0.35, "date": datetime.date(2023, 1, 1) + datetime.timedelta(days=r.randint(0, 230)),
                 "doctor": f"dr {nm.make('et')['given']} {nm.make('et')['surname']}"}
            orders.append(o)
            p.control(prov[0])
        if child:
            g = nm.make(lang if lang != "lt" else "lt", female=r.random() < 0.7)
            if lang in ("et", "fi") and check.name_tokens(g["given"] + " " + n["surname"]) not in nm.used:
                nm.used.add(check.name_tokens(g["given"] + " " + n["surname"]))
                g["surname"] = n["surname"]
            gp = c.person(f"{g['given']} {g['surname']}", lang)
            gp.a.update(g)
            if g["cyr_given"]:
                gp.a["cyr"] = f"{g['cyr_given']} {g['cyr_surname']}"
            gdob = u.dob(1975, 1995)
            gp.a["nid"] = {"ee": lambda: u.ee(gdob, g["female"]), "lt": lambda: u.ee(gdob, g["female"]),
                           "lv": lambda: u.lv(gdob), "fi": lambda: u.hetu(gdob)}[country]()
            gp.a["ntype"] = NTYPE[country]
            gp.a["phone"] = u.phone(cc, "mobile")
            gp.a["cc"] = cc
            gp.notes.append(f"parent/guardian of {p.tid}")
            p.notes.append(f"child; guardian {gp.tid}")
            p.a["guardian"] = gp
            for o in orders:
                if o["p"] is p:
                    gp.control(o["prov"][0])
        pts.append(p)
    c.extra["providers"] = sorted({o["prov"][0] for o in orders})

    def disp_name(p, style):
        if style == "sg":
            return f"{p.a['surname'].upper()}, {p.a['given']}"
        if style == "gs":
            return f"{p.a['given']} {p.a['surname']}"
        return f"{p.a['surname']} {p.a['given']}"

    def prender(p):
        return ids.render_phone(r, p.a["cc"], p.a["phone"][0])[0]

    # ------------------------------------------------------------------ ODT referrals
    for o in orders:
        p = o["p"]
        prov, pc = o["prov"]
        en = pc != "ee"
        t = o["test"]
        rows = [["Patient" if en else "Patsient", disp_name(p, "gs")],
                ["Personal code" if en else "Isikukood", p.a["nid"]],
                ["Date of birth" if en else "Sünniaeg", p.a["dob"].strftime("%d.%m.%Y")],
                ["Address" if en else "Aadress", people.one_line(p.a["addr"])]]
        if p.a["phone"]:
            praw = prender(p)
            rows.append(["Phone" if en else "Telefon", praw])
        if p.a["email"]:
            rows.append(["E-mail" if en else "E-post", p.a["email"]])
        g = p.a.get("guardian")
        if g:
            graw = ids.render_phone(r, g.a["cc"], g.a["phone"][0])[0]
            rows.append(["Legal representative" if en else "Seaduslik esindaja", f"{g.a['given']} {g.a['surname']}, {g.a['nid']}, tel {graw}"])
        rows += [["Indication (ICD-10)" if en else "Näidustus (RHK-10)", f"{t[3]} {t[4]}"],
                 ["Requested test" if en else "Tellitud uuring", t[0]],
                 ["Ordering physician" if en else "Suunav arst", f"{o['doctor']}, {prov}"],
                 ["Order no." if en else "Tellimuse nr", o["id"]]]
        data = fmt.odt([("h", "REFERRAL FOR GENETIC TESTING" if en else "SAATEKIRI GENEETILISEKS UURINGUKS"),
                        ("p", prov), ("table", rows),
                        ("p", ("Date: " if en else "Kuupäev: ") + o["date"].strftime("%d.%m.%Y"))], title=o["id"])
        doc = c.file(f"saatekirjad/{slug(prov)}/{o['id']}_saatekiri.odt", data, "odt")
        c.name(p, doc, disp_name(p, "gs"), "Patsient")
        c.nid(p, doc, p.a["ntype"], p.a["nid"], field="Isikukood")
        c.el(p, doc, "date_of_birth", "Sünniaeg", p.a["dob"].strftime("%d.%m.%Y"))
        c.el(p, doc, "postal_address", "Aadress", people.one_line(p.a["addr"]))
        if p.a["phone"]:
            c.phone(p, doc, p.a["phone"][1], praw, "Telefon")
        if p.a["email"]:
            c.email(p, doc, p.a["email"], field="E-post")
        c.el(p, doc, "health_data", "Näidustus", t[3])
        c.el(p, doc, "genetic_data", "Tellitud uuring", t[0], optional=True)
        if g:
            c.name(g, doc, f"{g.a['given']} {g.a['surname']}", "Seaduslik esindaja")
            c.nid(g, doc, g.a["ntype"], g.a["nid"], field="Seaduslik esindaja")
            c.phone(g, doc, g.a["phone"][1], graw, "Seaduslik esindaja")
        o["ref_doc"] = doc

    # ------------------------------------------------------------------ RTF result letters
    for o in orders:
        if not o["result"]:
            continue
        p = o["p"]
        t = o["test"]
        en = o["prov"][1] != "ee"
        gen = GENETICISTS[len(o["id"]) % 2 if r.random() < 0.5 else 0]
        found = t[2] if o["positive"] else NEG
        nstyle = r.choice(["sg", "gs"])
        if en:
            blocks = [("p", "GEENILABOR OÜ – GENETIC TEST REPORT", True), ("p", f"Report no. {o['id']}-R1   Sample {o['sample']}"),
                      ("table", [["Patient", disp_name(p, nstyle)], ["Personal code", p.a["nid"]],
                                 ["Date of birth", p.a["dob"].isoformat()], ["Referring institution", o["prov"][0]]]),
                      ("p", f"Test: {t[0]} ({t[1]})"),
                      ("p", "Result: " + (f"heterozygous pathogenic variant {found}" if o["positive"] else "No pathogenic or likely pathogenic variants detected")),
                      ("p", "Genetic counselling is recommended." if o["positive"] else "The result does not exclude other hereditary causes."),
                      ("p", f"Signed electronically: {gen[0]}, clinical geneticist, {gen[1]}")]
        else:
            blocks = [("p", "GEENILABOR OÜ – GENEETILISE UURINGU VASTUS", True), ("p", f"Vastus nr {o['id']}-V1   Proov {o['sample']}"),
                      ("table", [["Patsient", disp_name(p, nstyle)], ["Isikukood", p.a["nid"]],
                                 ["Sünniaeg", p.a["dob"].strftime("%d.%m.%Y")], ["Tellija", o["prov"][0]]]),
                      ("p", f"Uuring: {t[0]} ({t[1]})"),
                      ("p", "Leid: " + (f"tuvastati heterosügootne patogeenne variant {found}" if o["positive"] else NEG + ".")),
                      ("p", "Soovitame geneetilist nõustamist." if o["positive"] else "Tulemus ei välista teisi pärilikke põhjuseid."),
                      ("p", f"Allkirjastatud digitaalselt: {gen[0]}, kliiniline geneetik, {gen[1]}")]
        if p.lang == "ru" and p.a.get("cyr") and not en:
            blocks.insert(3, ("p", f"Пациент: {p.a['cyr']}"))
            c.variant(p, p.a["cyr"])
        data = fmt.rtf(blocks, cp="cp1257")
        doc = c.file(f"vastused/{o['id']}_vastus.rtf", data, "rtf")
        c.name(p, doc, disp_name(p, nstyle), "Patsient")
        if p.lang == "ru" and p.a.get("cyr") and not en:
            c.name(p, doc, p.a["cyr"], "Пациент")
        c.nid(p, doc, p.a["ntype"], p.a["nid"], field="Isikukood")
        c.el(p, doc, "date_of_birth", "Sünniaeg")
        c.el(p, doc, "genetic_data", "Leid", found if o["positive"] else None)
        c.el(p, doc, "lab_result", "Leid", optional=True)
        c.el(p, doc, "health_data", "Leid", optional=True)
        c.decoy("staff_email", gen[1], doc, "signature", "clinical geneticist")

    # ------------------------------------------------------------------ phenopackets (sample id only)
    for o in orders:
        if not o["result"]:
            continue
        t = o["test"]
        pp = collections.OrderedDict([
            ("id", f"phenopacket.{o['sample']}"),
            ("subject", {"id": o["sample"], "timeAtLastEncounter": {"age": {"iso8601duration": f"P{(o['date'] - o['p'].a['dob']).days // 365}Y"}},
                         "sex": "FEMALE" if o["p"].a["female"] else "MALE"}),
            ("phenotypicFeatures", [{"type": {"id": "HP:0003002", "label": "Breast carcinoma"}, "excluded": True}]),
            ("interpretations", [{"id": f"int-{o['sample']}", "progressStatus": "SOLVED" if o["positive"] else "UNSOLVED",
                                  "diagnosis": {"disease": {"id": "ICD10:" + t[3], "label": t[4]},
                                                "genomicInterpretations": ([{"subjectOrBiosampleId": o["sample"], "interpretationStatus": "CAUSATIVE",
                                                                             "variantInterpretation": {"variationDescriptor": {"id": t[1] + "-var", "geneContext": {"symbol": t[1]},
                                                                                                                               "expressions": [{"syntax": "hgvs.c", "value": t[2].split(" ")[0]}]}}}]
                                                                           if o["positive"] else [])}}]),
            ("metaData", {"created": o["date"].isoformat() + "T12:00:00Z", "createdBy": "geenilabor-pipeline 3.2.1",
                          "phenopacketSchemaVersion": "2.0", "resources": [{"id": "hp", "name": "human phenotype ontology", "namespacePrefix": "HP"}]}),
        ])
        doc = c.file(f"phenopackets/{o['sample']}.json", json.dumps(pp, indent=2, ensure_ascii=False) + "\n", "json")
        if r.random() < 0.15:
            c.decoy("sample_id", o["sample"], doc, "subject.id", "pseudonymous sample id; only the notebooks and FHIR join it to a patient")

    # ------------------------------------------------------------------ FHIR bulk $export
    fx = [o for o in orders if r.random() < 0.7]
    fx_pts = []
    for o in fx:
        if o["p"] not in fx_pts:
            fx_pts.append(o["p"])
    pid_of = {p.tid: f"{r.getrandbits(48):012x}" for p in fx_pts}
    lines = {k: [] for k in ("Patient", "RelatedPerson", "Practitioner", "Organization", "ServiceRequest", "Observation")}
    fexp = []
    for p in fx_pts:
        res = collections.OrderedDict([("resourceType", "Patient"), ("id", pid_of[p.tid]),
                                       ("meta", {"versionId": "3", "lastUpdated": "2023-08-30T21:04:11.120+03:00"}),
                                       ("identifier", [{"system": SYS[p.a["country"]], "value": p.a["nid"]},
                                                       {"system": "urn:oid:1.3.6.1.4.1.28284.1.9.3", "value": f"MRN{r.randint(100000, 999999)}"}]),
                                       ("active", True),
                                       ("name", [{"use": "official", "family": p.a["surname"], "given": p.a["given"].split(" ")}]),
                                       ("gender", "female" if p.a["female"] else "male"), ("birthDate", p.a["dob"].isoformat())])
        tel = []
        praw = None
        if p.a["phone"]:
            praw = p.a["phone"][1]
            tel.append({"system": "phone", "value": praw, "use": "mobile"})
        if p.a["email"]:
            tel.append({"system": "email", "value": p.a["email"]})
        if tel:
            res["telecom"] = tel
        res["address"] = [{"use": "home", "line": [p.a["addr"]["street"]], "city": p.a["addr"]["city"], "postalCode": p.a["addr"]["zip"],
                           "country": p.a["country"].upper()}]
        lines["Patient"].append(json.dumps(res, ensure_ascii=r.random() < 0.3, separators=(",", ":")))
        fexp.append((p, praw))
        g = p.a.get("guardian")
        if g:
            rp = {"resourceType": "RelatedPerson", "id": f"{r.getrandbits(48):012x}", "patient": {"reference": f"Patient/{pid_of[p.tid]}"},
                  "relationship": [{"coding": [{"system": "http://terminology.hl7.org/CodeSystem/v3-RoleCode", "code": "PRN", "display": "parent"}]}],
                  "identifier": [{"system": SYS[p.a["country"]], "value": g.a["nid"]}],
                  "name": [{"family": g.a["surname"], "given": g.a["given"].split(" ")}],
                  "telecom": [{"system": "phone", "value": g.a["phone"][1]}]}
            lines["RelatedPerson"].append(json.dumps(rp, ensure_ascii=False, separators=(",", ":")))
    orgs = {}
    for o in fx:
        if o["prov"][0] not in orgs:
            orgs[o["prov"][0]] = f"org-{len(orgs) + 1:03d}"
            lines["Organization"].append(json.dumps({"resourceType": "Organization", "id": orgs[o["prov"][0]], "name": o["prov"][0],
                                                     "telecom": [{"system": "phone", "value": "+372 7" + f"{len(orgs):03d} 000"}]}, ensure_ascii=False))
        prid = "pr-" + "".join(ch for ch in ids.ascii_fold(o["doctor"]).lower() if ch.isalpha())[:16]
        lines["Practitioner"].append(json.dumps({"resourceType": "Practitioner", "id": prid,
                                                 "name": [{"text": o["doctor"], "prefix": ["dr"]}],
                                                 "telecom": [{"system": "email", "value": prid[3:] + "@" + slug(o["prov"][0])[:12] + ".example.org"}]}, ensure_ascii=False))
        t = o["test"]
        lines["ServiceRequest"].append(json.dumps({"resourceType": "ServiceRequest", "id": o["id"], "status": "completed", "intent": "order",
                                                   "code": {"text": t[0]}, "subject": {"reference": f"Patient/{pid_of[o['p'].tid]}"},
                                                   "requester": {"reference": f"Practitioner/{prid}"},
                                                   "performer": [{"reference": f"Organization/{orgs[o['prov'][0]]}"}],
                                                   "reasonCode": [{"coding": [{"system": "http://hl7.org/fhir/sid/icd-10", "code": t[3], "display": t[4]}]}],
                                                   "specimen": [{"display": o["sample"]}], "authoredOn": o["date"].isoformat()}, ensure_ascii=False))
        if o["result"]:
            lines["Observation"].append(json.dumps({"resourceType": "Observation", "id": f"obs-{o['sample']}", "status": "final",
                                                    "code": {"coding": [{"system": "http://loinc.org", "code": "69548-6", "display": "Genetic variant assessment"}]},
                                                    "subject": {"reference": f"Patient/{pid_of[o['p'].tid]}"},
                                                    "valueCodeableConcept": {"text": "Present" if o["positive"] else "Absent"},
                                                    "component": [{"code": {"text": "gene studied"}, "valueString": t[1]},
                                                                  {"code": {"text": "HGVS"}, "valueString": t[2] if o["positive"] else "-"}]}, ensure_ascii=False))
    pr_seen = set()
    lines["Practitioner"] = [x for x in lines["Practitioner"] if not (x in pr_seen or pr_seen.add(x))]
    base = "fhir_export_2023-08-31"
    docs = {}
    for k, ls in lines.items():
        docs[k] = c.file(f"{base}/{k}.ndjson", "\n".join(ls) + "\n", "json")
    manifest = {"transactionTime": "2023-08-31T02:00:04.117+03:00", "request": "https://fhir.geenilabor.example.ee/fhir/$export?_type=Patient,RelatedPerson,Practitioner,Organization,ServiceRequest,Observation",
                "requiresAccessToken": True, "output": [{"type": k, "url": f"https://fhir.geenilabor.example.ee/bulk/8f1c/{k}.ndjson", "count": len(v)} for k, v in lines.items()],
                "error": []}
    c.file(f"{base}/manifest.json", json.dumps(manifest, indent=2) + "\n", "json")
    for p, praw in fexp:
        d = docs["Patient"]
        c.name(p, d, p.name, "name", parts=[p.a["surname"]] + p.a["given"].split(" "))
        c.nid(p, d, p.a["ntype"], p.a["nid"], field="identifier")
        c.el(p, d, "date_of_birth", "birthDate", p.a["dob"].isoformat())
        c.el(p, d, "postal_address", "address")
        if praw:
            c.phone(p, d, p.a["phone"][1], praw, "telecom")
        if p.a["email"]:
            c.email(p, d, p.a["email"], field="telecom")
        g = p.a.get("guardian")
        if g:
            d2 = docs["RelatedPerson"]
            c.name(g, d2, g.name, "name", parts=[g.a["surname"]] + g.a["given"].split(" "))
            c.nid(g, d2, g.a["ntype"], g.a["nid"], field="identifier")
            c.phone(g, d2, g.a["phone"][1], g.a["phone"][1], "telecom")
    for o in fx:
        p = o["p"]
        c.el(p, docs["ServiceRequest"], "health_data", "reasonCode", optional=True)
        if o["result"]:
            c.el(p, docs["Observation"], "genetic_data", "component", optional=True)

    # ------------------------------------------------------------------ camt.053 bank statements
    paid = [o for o in orders if r.random() < 0.35]
    months = collections.defaultdict(list)
    for o in paid:
        months[o["date"].month].append(o)
    spouses = []
    for m in sorted(months):
        entries, exp = [], []
        bal = 15000.0
        for o in months[m]:
            p = o["p"]
            amt = r.choice([120.0, 180.0, 250.0, 390.0])
            roll = r.random()
            if p.a["child"] and p.a.get("guardian"):
                payer = p.a["guardian"]
                payer_name = f"{payer.a['given']} {payer.a['surname']}".upper()
                who = "guardian"
            elif roll < 0.25 and p.lang in ("et", "ru"):
                sn = nm.make(p.lang, female=not p.a["female"])
                if p.lang == "et" and check.name_tokens(sn["given"] + " " + p.a["surname"]) not in nm.used:
                    nm.used.add(check.name_tokens(sn["given"] + " " + p.a["surname"]))
                    sn["surname"] = p.a["surname"]
                payer = c.person(f"{sn['given']} {sn['surname']}", p.lang)
                payer.a.update(sn)
                payer.notes.append(f"paid the test of {p.tid} (spouse); only a name and an IBAN")
                payer.control(o["prov"][0])
                payer_name = f"{sn['given']} {sn['surname']}".upper()
                spouses.append(payer)
                who = "spouse"
            else:
                payer = p
                payer_name = f"{p.a['given']} {p.a['surname']}".upper()
                who = "self"
            if "iban" not in payer.a:
                payer.a["iban"] = u.iban("EE" if p.a["country"] == "ee" else p.a["cc"])
            ustrd = f"Arve {o['id']} {p.a['given']} {p.a['surname']}" if who != "self" else f"Arve {o['id']}"
            ref = f"{r.randint(10 ** 9, 10 ** 10 - 1)}"
            entries.append(f"""      <Ntry>
        <Amt Ccy="EUR">{amt:.2f}</Amt>
        <CdtDbtInd>CRDT</CdtDbtInd>
        <Sts>BOOK</Sts>
        <BookgDt><Dt>2023-{m:02d}-{r.randint(1, 28):02d}</Dt></BookgDt>
        <ValDt><Dt>2023-{m:02d}-{r.randint(1, 28):02d}</Dt></ValDt>
        <AcctSvcrRef>{ref}</AcctSvcrRef>
        <BkTxCd><Domn><Cd>PMNT</Cd><Fmly><Cd>RCDT</Cd><SubFmlyCd>ESCT</SubFmlyCd></Fmly></Domn></BkTxCd>
        <NtryDtls>
          <TxDtls>
            <Refs><EndToEndId>NOTPROVIDED</EndToEndId></Refs>
            <RltdPties>
              <Dbtr><Nm>{fmt.x(payer_name)}</Nm></Dbtr>
              <DbtrAcct><Id><IBAN>{payer.a['iban']}</IBAN></Id></DbtrAcct>
            </RltdPties>
            <RmtInf><Ustrd>{fmt.x(ustrd)}</Ustrd></RmtInf>
          </TxDtls>
        </NtryDtls>
      </Ntry>""")
            bal += amt
            exp.append((payer, payer_name, who, p, ustrd))
        # an insurer's bulk payment: an organisation, not a person
        entries.append(f"""      <Ntry>
        <Amt Ccy="EUR">{r.randint(20, 90) * 100:.2f}</Amt>
        <CdtDbtInd>CRDT</CdtDbtInd>
        <Sts>BOOK</Sts>
        <BookgDt><Dt>2023-{m:02d}-28</Dt></BookgDt>
        <NtryDtls><TxDtls><RltdPties><Dbtr><Nm>EESTI TERVISEKINDLUSTUS</Nm></Dbtr></RltdPties>
          <RmtInf><Ustrd>Koondarve {m:02d}/2023</Ustrd></RmtInf></TxDtls></NtryDtls>
      </Ntry>""")
        xml = f"""<?xml version="1.0" encoding="UTF-8"?>
<Document xmlns="urn:iso:std:iso:20022:tech:xsd:camt.053.001.02" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">
  <BkToCstmrStmt>
    <GrpHdr><MsgId>STMT2023{m:02d}LAB</MsgId><CreDtTm>2023-{m + 1 if m < 12 else 12:02d}-01T06:00:00</CreDtTm></GrpHdr>
    <Stmt>
      <Id>2023-{m:02d}</Id>
      <CreDtTm>2023-{m + 1 if m < 12 else 12:02d}-01T06:00:00</CreDtTm>
      <FrToDt><FrDtTm>2023-{m:02d}-01T00:00:00</FrDtTm><ToDtTm>2023-{m:02d}-28T23:59:59</ToDtTm></FrToDt>
      <Acct><Id><IBAN>{LAB_IBAN}</IBAN></Id><Ccy>EUR</Ccy><Ownr><Nm>GEENILABOR OÜ</Nm></Ownr></Acct>
      <Bal><Tp><CdOrPrtry><Cd>CLBD</Cd></CdOrPrtry></Tp><Amt Ccy="EUR">{bal:.2f}</Amt><CdtDbtInd>CRDT</CdtDbtInd><Dt><Dt>2023-{m:02d}-28</Dt></Dt></Bal>
{chr(10).join(entries)}
    </Stmt>
  </BkToCstmrStmt>
</Document>
"""
        doc = c.file(f"pank/camt053_{LAB_IBAN}_2023-{m:02d}.xml", xml, "xml")
        if m == min(months):
            c.decoy("organisation_iban", LAB_IBAN, doc, "Acct/IBAN", "the laboratory's own account")
        for payer, payer_name, who, p, ustrd in exp:
            c.name(payer, doc, payer_name, "Dbtr/Nm")
            c.expose(payer, doc, "iban", "DbtrAcct/IBAN", idtype="iban", value=payer.a["iban"])
            if who != "self":
                c.name(p, doc, f"{p.a['given']} {p.a['surname']}", "RmtInf/Ustrd")

    # ------------------------------------------------------------------ Jupyter notebooks: sample id -> patient
    runs = collections.defaultdict(list)
    for o in orders:
        if o["result"]:
            runs[o["date"].month].append(o)
    for m in sorted(runs)[::2]:
        rows = runs[m][:30]
        hdr = ["sample_id", "patsient", "isikukood", "tellija", "mean_cov", "leid"]
        data = []
        for o in rows:
            p = o["p"]
            data.append([o["sample"], f"{p.a['surname'].upper()} {p.a['given']}", p.a["nid"], o["prov"][0][:24],
                         f"{r.uniform(80, 260):.1f}", o["test"][2].split(" ")[0] if o["positive"] else "neg"])
        w = [max(len(str(x[i])) for x in data + [hdr]) for i in range(len(hdr))]
        txt = ["    " + "  ".join(h.rjust(w[i]) for i, h in enumerate(hdr))]
        for k, row in enumerate(data):
            txt.append(f"{k:<4}" + "  ".join(str(v).rjust(w[i]) for i, v in enumerate(row)))
        html_rows = "".join("<tr><th>%d</th>%s</tr>\n" % (k, "".join(f"<td>{fmt.x(v)}</td>" for v in row)) for k, row in enumerate(data))
        html_t = ('<div>\n<style scoped>\n    .dataframe tbody tr th:only-of-type {\n        vertical-align: middle;\n    }\n</style>\n'
                  '<table border="1" class="dataframe">\n  <thead>\n    <tr style="text-align: right;">\n      <th></th>\n'
                  + "".join(f"      <th>{h}</th>\n" for h in hdr) + "    </tr>\n  </thead>\n  <tbody>\n" + html_rows + "  </tbody>\n</table>\n</div>")
        nb = {"cells": [
            {"cell_type": "markdown", "metadata": {}, "source": [f"# Jooks 2023-{m:02d} – QC ja LIMS-i sidumine\n", "Ära jaga väljaspool laborit!"]},
            {"cell_type": "code", "execution_count": 3, "metadata": {}, "outputs": [],
             "source": ["import pandas as pd\n", f"lims = pd.read_csv('/mnt/lims/export_2023{m:02d}.csv', sep=';')\n",
                        f"qc = pd.read_csv('/data/runs/2023-{m:02d}/mosdepth_summary.tsv', sep='\\t')\n", "df = lims.merge(qc, on='sample_id')"]},
            {"cell_type": "code", "execution_count": 4, "metadata": {},
             "outputs": [{"data": {"text/html": html_t.splitlines(True), "text/plain": [l + "\n" for l in txt[:-1]] + [txt[-1]]},
                          "execution_count": 4, "metadata": {}, "output_type": "execute_result"}],
             "source": ["df[['sample_id','patsient','isikukood','tellija','mean_cov','leid']]"]}],
              "metadata": {"kernelspec": {"display_name": "Python 3 (ipykernel)", "language": "python", "name": "python3"},
                           "language_info": {"name": "python", "version": "3.10.12"}},
              "nbformat": 4, "nbformat_minor": 5}
        doc = c.file(f"analuus/jooks_2023-{m:02d}_QC.ipynb", json.dumps(nb, indent=1, ensure_ascii=False) + "\n", "json")
        for o in rows:
            p = o["p"]
            c.name(p, doc, f"{p.a['surname'].upper()} {p.a['given']}", "patsient")
            c.nid(p, doc, p.a["ntype"], p.a["nid"], field="isikukood")
            if o["positive"]:
                c.el(p, doc, "genetic_data", "leid", o["test"][2].split(" ")[0])
            else:
                c.el(p, doc, "genetic_data", "leid", optional=True)

    # ------------------------------------------------------------------ provider portal pages saved from the browser
    by_prov = collections.defaultdict(list)
    for o in orders:
        by_prov[o["prov"][0]].append(o)
    for prov in sorted(by_prov, key=lambda k: -len(by_prov[k]))[:8]:
        os_ = by_prov[prov]
        s = slug(prov)
        trs = []
        for o in os_:
            p = o["p"]
            trs.append(f"""        <tr class="order-row" data-order="{o['id']}">
          <td><a href="https://portaal.geenilabor.example.ee/tellimus/{o['id']}">{o['id']}</a></td>
          <td class="pt-name">{fmt.x(p.a['surname'])},&nbsp;{fmt.x(p.a['given'])}</td>
          <td>{p.a['nid']}</td>
          <td>{p.a['dob'].strftime('%d.%m.%Y')}</td>
          <td>{fmt.x(o['test'][0])}</td>
          <td><span class="badge">{'Vastus valmis' if o['result'] else 'Analüüsimisel'}</span></td>
        </tr>""")
        page = f"""<!DOCTYPE html>
<!-- saved from url=(0061)https://portaal.geenilabor.example.ee/tellimused?asutus={s[:10]} -->
<html lang="et"><head><meta http-equiv="Content-Type" content="text/html; charset=UTF-8">
<title>Tellimused – Geenilabori portaal</title>
<link rel="stylesheet" href="./Tellimused – Geenilabori portaal_files/main.css">
<script src="./Tellimused – Geenilabori portaal_files/app.js"></script>
</head>
<body>
  <header><span class="user">Sisse logitud: {fmt.x(os_[0]['doctor'])} ({fmt.x(prov)})</span></header>
  <main>
    <h1>Minu asutuse tellimused</h1>
    <table class="orders">
      <thead><tr><th>Tellimus</th><th>Patsient</th><th>Isikukood</th><th>Sünniaeg</th><th>Uuring</th><th>Staatus</th></tr></thead>
      <tbody>
{chr(10).join(trs)}
      </tbody>
    </table>
  </main>
</body></html>
"""
        doc = c.file(f"portaal/{s}/Tellimused – Geenilabori portaal.html", page, "html")
        c.file(f"portaal/{s}/Tellimused – Geenilabori portaal_files/main.css",
               "body{font-family:Arial,sans-serif}table.orders td{padding:4px 8px}.badge{background:#e0f0e0}\n", "text")
        c.file(f"portaal/{s}/Tellimused – Geenilabori portaal_files/app.js",
               "window.dataLayer=window.dataLayer||[];function gtag(){dataLayer.push(arguments)}\n", "text")
        for o in os_:
            p = o["p"]
            c.name(p, doc, f"{p.a['surname']},\u00a0{p.a['given']}", "Patsient")
            c.nid(p, doc, p.a["ntype"], p.a["nid"], field="Isikukood")
            c.el(p, doc, "date_of_birth", "Sünniaeg", p.a["dob"].strftime("%d.%m.%Y"))
            c.el(p, doc, "genetic_data", "Uuring", optional=True)

    # ------------------------------------------------------------------ OCR text of scanned consent forms
    for o in orders:
        if r.random() > 0.3 or o["prov"][1] != "ee":
            continue
        p = o["p"]
        name = f"{p.a['given']} {p.a['surname']}"
        garble = r.random() < 0.08
        nid = p.a["nid"]
        if garble:
            nid_w = nid[:3] + {"0": "O", "1": "l", "5": "S", "8": "B"}.get(nid[3], "?") + nid[4:]
        else:
            nid_w = nid
        lines_ = ["GEENILABOR OÜ", "NÕUSOLEK GENEETILISEKS UURINGUKS", "",
                  f"Mina, {name} (isikukood {nid_w}), annan nõusoleku minult võetud proovi geneetiliseks uurimiseks.",
                  f"Uuring: {o['test'][0]}",
                  "Olen teadlik, et tulemused edastatakse suunavale arstile ning neid säilitatakse 25 aastat.",
                  "", f"Kuupäev: {o['date'].strftime('%d.%m.%Y')}", "Allkiri: ____________________", "",
                  f"Tellimus {o['id']}"]
        txt = "\n".join(ocr_noise(r, ln, [name.split(" ")[0], p.a["surname"], nid_w, o["id"]]) for ln in lines_) + "\n"
        txt = txt.replace(name, name)
        doc = c.file(f"nousolekud/{o['id']}_nousolek_ocr.txt", txt, "text")
        if name not in txt:
            continue
        c.name(p, doc, name, "Mina")
        if garble:
            ok = not any(f(nid_w) for f in (check.v_ee,)) and not check.any_person_id("".join(ch for ch in nid_w if ch.isdigit()))
            c.decoys.append({"kind": "ocr_garbled_id", "value": nid_w, "file": doc, "field": "isikukood",
                             "note": "isikukood with an OCR error (letter for a digit); the person is still named", "must_fail": False})
            c.see(doc, nid_w, "garbled id")
        else:
            c.nid(p, doc, p.a["ntype"], nid, field="isikukood")
        c.el(p, doc, "genetic_data", "Uuring", optional=True)
    return c
