"""Case 2 — genetic testing laboratory (Estonia, Asper-Biogene-like): LIMS, HL7, reports, referrals, VCF."""
import datetime
import json

import idcodes
import names as N
from common import Case
from util import rdate, rdt, csv_text, email_for

DOMAINS = ["example.com", "example.net", "example.org", "post.test"]
REG = ["Harju", "Tartu", "Pärnu", "Ida-Viru", "Lääne", "Saare", "Võru", "Viljandi", "Järva", "Rapla", "Valga",
       "Jõgeva", "Põlva", "Hiiu", "Lääne-Viru"]
KIND = ["Näidishaigla", "Testkliinik", "Perearstikeskus Proov", "Naistekliinik Demo", "Lastekliinik Näide"]
STREETS = ["Tamme tn", "Pikk tn", "Kase tn", "Jõe tn", "Lille tn", "Pärnu mnt", "Narva mnt", "Kalda tee"]
CITIES = [("Tallinn", "10115"), ("Tartu", "50105"), ("Pärnu", "80010"), ("Narva", "20104"), ("Viljandi", "71004")]
TESTS = [
    ("GP-BRCA", "BRCA1/2 paneel", [("BRCA1", "c.5266dupC p.(Gln1756Profs*74)"), ("BRCA2", "c.5946delT p.(Ser1982Argfs*22)")], "Z80.3", "Rinnanäärme kasvaja perekonnaanamnees"),
    ("GP-CARD", "Kardiomüopaatia paneel", [("MYH7", "c.1208G>A p.(Arg403Gln)"), ("MYBPC3", "c.1504C>T p.(Arg502Trp)")], "I42.1", "Obstruktiivne hüpertroofiline kardiomüopaatia"),
    ("GT-CFTR", "CFTR geeni analüüs", [("CFTR", "c.1521_1523delCTT p.(Phe508del)")], "E84.9", "Tsüstiline fibroos, täpsustamata"),
    ("GT-THR", "Trombofiilia (F5, F2)", [("F5", "c.1601G>A p.(Arg534Gln) (FV Leiden)"), ("F2", "c.*97G>A (G20210A)")], "D68.5", "Primaarne trombofiilia"),
    ("GT-HFE", "Hemokromatoos (HFE)", [("HFE", "c.845G>A p.(Cys282Tyr)")], "E83.1", "Raua ainevahetuse häire"),
    ("GP-FERT", "Kandlusskriining (fertiilsus)", [("CFTR", "c.1521_1523delCTT"), ("SMN1", "eksonite 7-8 deletsioon, 1 koopia"), ("GJB2", "c.35delG p.(Gly12Valfs*2)")], "N97.9", "Naise viljatus, täpsustamata"),
    ("GT-NBS", "Vastsündinu laiendatud sõeluuring", [("PAH", "c.1222C>T p.(Arg408Trp)")], "P96.8", "Perinataalperioodi seisund, muu"),
]
ZYG = ["heterosügootne", "homosügootne", "hemisügootne"]
CLS = ["patogeenne (ACMG klass 5)", "tõenäoliselt patogeenne (klass 4)", "ebaselge tähendusega (VUS, klass 3)"]


def build(rng):
    c = Case("case2_genetic_lab", rng)
    # ---------------------------------------------------------------- providers (controllers) and their physicians (not subjects)
    provs = []
    for i in range(40):
        nm = f"{REG[i % len(REG)]} {KIND[(i * 7) % len(KIND)]}" + ("" if i < 15 else f" {['AS', 'OÜ', 'SA'][i % 3]} {i}")
        if i % 10 == 9:
            nm = f"Viljakuskeskus Fertilitas-{i} OÜ"
        code = f"P{100 + i * 3}"
        docs = []
        for _ in range(rng.randint(1, 3)):
            male = rng.random() < 0.5
            dg = rng.choice(N.EE_M if male else N.EE_F)
            ds = rng.choice(N.EE_S1) + rng.choice(N.EE_S2)
            docs.append((dg, ds, f"D{rng.randint(10000, 99999)}"))
        provs.append({"name": nm, "code": code, "docs": docs, "iban": idcodes.iban("EE", f"22{rng.randrange(10**14):014d}"),
                      "fert": "Fertilitas" in nm, "child": "Lastekliinik" in nm, "dom": f"{code.lower()}-haigla.test"})
    fert = [p for p in provs if p["fert"]]
    childp = [p for p in provs if p["child"]] or provs[:3]

    def mk(nat, dob=None, surname=None, male=None):
        male = rng.random() < 0.5 if male is None else male
        for _ in range(500):
            if nat == "lv":
                g = rng.choice(N.LV_M if male else N.LV_F)
                s = rng.choice(N.LV_S)[0 if male else 1]
            elif nat == "fi":
                g = rng.choice(N.FI_M if male else N.FI_F)
                s = rng.choice(N.FI_S1) + rng.choice(N.FI_S2)
            elif nat == "ru":
                g = rng.choice(N.RU_M if male else N.RU_F)[0]
                s = rng.choice(N.RU_S)[0] + ("" if male else "a")
            elif nat == "xx":
                g = rng.choice(N.US_M if male else N.US_F)
                s = rng.choice(N.US_S[:48])
            else:
                g = rng.choice(N.EE_M if male else N.EE_F)
                s = surname or (rng.choice(N.EE_S1) + rng.choice(N.EE_S2))
            if f"{g} {s}" not in c.used["name"]:
                break
        c.used["name"].add(f"{g} {s}")
        p = c.person(f"{g} {s}")
        p["given"], p["sur"], p["male"], p["nat"] = g, s, male, nat
        p["lang"] = {"ru": "ru", "lv": "lv", "fi": "fi", "xx": "en"}.get(nat, "et")
        p["dob"] = dob or rdate(rng, 1940, 2004)
        if nat in ("ee", "ru"):
            p["nid"] = ("ee_isikukood", c.unique("nid", lambda: idcodes.ee_isikukood(p["dob"], male, rng.randrange(1000))))
        elif nat == "lv":
            p["nid"] = ("lv_personas_kods", c.unique("nid", lambda: idcodes.lv_personas_kods(p["dob"], rng.randrange(1000))))
        elif nat == "fi":
            sign = rng.choice(["-", "-", "Y"]) if p["dob"].year < 2000 else "A"
            p["nid"] = ("fi_hetu", c.unique("nid", lambda: idcodes.fi_hetu(p["dob"], rng.randrange(900), sign)))
        else:
            p["nid"] = None
            p.note = "no national ID: name + date of birth only"
        p["phone"] = c.unique("phone", lambda: f"+3725{rng.randrange(10**7):07d}") if rng.random() < 0.5 else None
        p["email"] = c.unique("email", lambda: email_for(rng, g, s, DOMAINS)) if rng.random() < 0.35 else None
        p["addr"] = (f"{rng.choice(STREETS)} {rng.randint(1, 99)}", *rng.choice(CITIES)) if rng.random() < 0.6 else None
        p["orders"] = []
        return p

    pats = []
    for i in range(300):
        nat = rng.choices(["ee", "ru", "lv", "fi", "xx"], [70, 16, 7, 4, 3])[0]
        pats.append(mk(nat))
    # couples at fertility clinics
    couples = []
    for i in range(18):
        a = mk("ee", male=False)
        b = mk("ee", male=True)
        couples.append((a, b))
        pats += [a, b]
    # children with a guardian (the guardian is exposed through the child's documents)
    kids = []
    for i in range(22):
        k = mk("ee", dob=rdate(rng, 2016, 2023))
        k["phone"] = k["email"] = None
        g = mk("ee", surname=k["sur"], male=False)
        g["phone"] = g["phone"] or c.unique("phone", lambda: f"+3725{rng.randrange(10**7):07d}")
        g["addr"] = None
        g["email"] = None
        g.note = f"guardian of {k.tid} (named in the child's documents)"
        k["guardian"] = g
        kids.append(k)
        pats.append(k)
    guardians = {k["guardian"].tid for k in kids}

    # ---------------------------------------------------------------- orders
    seq = [4000]
    orders = []

    def order(p, prov, test):
        seq[0] += rng.randint(1, 9)
        o = {"p": p, "prov": prov, "doc": rng.choice(prov["docs"]), "test": test, "sample": f"AB23-{seq[0]:06d}",
             "order": f"TL{rng.randrange(10**7):07d}", "dt": rdt(rng, 2023, 1, 9, 110), "run": None}
        g, var = rng.choice(test[2])
        o["gene"], o["var"] = g, var
        o["neg"] = rng.random() < 0.35
        o["zyg"], o["cls"] = rng.choice(ZYG), rng.choice(CLS)
        p["orders"].append(o)
        p.controllers.add(prov["name"])
        orders.append(o)
        return o

    for p in pats:
        if p.tid in guardians:
            continue
        if p.get("guardian"):
            order(p, rng.choice(childp), TESTS[6])
            continue
        if any(p is a or p is b for a, b in couples):
            continue
        order(p, rng.choice([x for x in provs if not x["fert"]]), rng.choice(TESTS[:5]))
        if rng.random() < 0.15:
            order(p, rng.choice([x for x in provs if not x["fert"] and x["name"] not in p.controllers]), rng.choice(TESTS[:5]))
            p.note = (p.note + "; " if p.note else "") + "two ordering providers"
    for a, b in couples:
        pv = rng.choice(fert)
        oa, ob = order(a, pv, TESTS[5]), order(b, pv, TESTS[5])
        oa["partner"], ob["partner"] = b, a
        a.note = f"fertility couple with {b.tid}"
        b.note = f"fertility couple with {a.tid}"
    orders.sort(key=lambda o: o["sample"])
    for i, o in enumerate(orders):
        o["run"] = f"NS{230100 + i // 40}"

    def nidraw(p):
        return p["nid"][1]

    # ---------------------------------------------------------------- per-order documents
    for o in orders:
        p, prov, t = o["p"], o["prov"], o["test"]
        dg, ds, dcode = o["doc"]
        res_txt = "Patogeenseid ega tõenäoliselt patogeenseid variante ei tuvastatud." if o["neg"] else \
            f"{o['gene']} {o['var']}, {o['zyg']}; {o['cls']}"
        # HL7 v2 ORU^R01 (segments separated by CR, as HL7 requires)
        rel = f"hl7/{o['dt']:%Y%m}/ORU_R01_{o['sample']}.hl7"
        pid3 = (f"{nidraw(p)}^^^{ {'ee_isikukood': 'EE', 'lv_personas_kods': 'LV', 'fi_hetu': 'FI'}[p['nid'][0]] }^NI~" if p["nid"] else "") + \
            f"MRN{rng.randrange(10**6):06d}^^^{prov['code']}^MR"
        pid3 = pid3.replace("{ ", "").replace(" }", "")
        addr = f"{p['addr'][0]}^^{p['addr'][1]}^^{p['addr'][2]}^EST" if p["addr"] else ""
        phone = f"{p['phone']}^PRN^CP" if p["phone"] else ""
        segs = [f"MSH|^~\\&|GENLIMS|ASPERTEST|{prov['code']}|{prov['name']}|{o['dt']:%Y%m%d%H%M%S}||ORU^R01^ORU_R01|M{o['sample'][5:]}|P|2.5|||AL|NE||UNICODE UTF-8",
                f"PID|1||{pid3}||{p['sur']}^{p['given']}^^^^^L||{p['dob']:%Y%m%d}|{'M' if p['male'] else 'F'}|||{addr}||{phone}"]
        c.name(p, rel, "PID-5", f"{p['sur']}^{p['given']}")
        c.el(p, rel, "PID-7", "date_of_birth")
        if p["nid"]:
            c.ident(p, rel, "PID-3", p["nid"][0], p["nid"][1], nidraw(p))
        if p["addr"]:
            c.el(p, rel, "PID-11", "postal_address")
        if p["phone"]:
            c.ident(p, rel, "PID-13", "phone", p["phone"], p["phone"])
        if p.get("guardian"):
            g = p["guardian"]
            segs.append(f"NK1|1|{g['sur']}^{g['given']}|MTH^Ema^HL70063|||{g['phone']}^PRN^CP")
            c.name(g, rel, "NK1-2", f"{g['sur']}^{g['given']}")
            c.ident(g, rel, "NK1-5", "phone", g["phone"], g["phone"])
        segs += [f"ORC|RE|{o['order']}|{o['sample']}||CM||||{o['dt']:%Y%m%d%H%M}|||{dcode}^{ds}^{dg}^^^^^^{prov['code']}",
                 f"OBR|1|{o['order']}|{o['sample']}|{t[0]}^{t[1]}^L|||{o['dt']:%Y%m%d%H%M}|||||||{o['dt']:%Y%m%d%H%M}|BLD^Veri|{dcode}^{ds}^{dg}",
                 f"OBX|1|ST|GENE^Geen^L||{o['gene']}||||||F",
                 f"OBX|2|ST|VAR^Variant^L||{'ei tuvastatud' if o['neg'] else o['var']}||||||F",
                 f"OBX|3|ST|INT^Tõlgendus^L||{res_txt}||||||F"]
        c.el(p, rel, "OBX", "genetic_data")
        c.el(p, rel, "OBX", "lab_result", optional=True)
        c.el(p, rel, "OBX", "health_data", optional=True)
        c.add_file(rel, "\r".join(segs) + "\r")

        # human-readable report, Estonian or English
        en = p["lang"] in ("en", "lv", "fi") or rng.random() < 0.15
        rel = f"{'reports' if en else 'vastused'}/{prov['code']}/{o['sample']}_{'report' if en else 'vastus'}.txt"
        nmraw = f"{p['sur'].upper()}, {p['given']}" if rng.random() < 0.5 else f"{p['given']} {p['sur']}"
        c.name(p, rel, "Patient", nmraw)
        dob_raw = p["dob"].strftime("%d.%m.%Y")
        c.el(p, rel, "Date of birth", "date_of_birth")
        L = []
        if en:
            L += ["ASPERTEST GENETICS CENTRE - GENETIC TEST REPORT", "=" * 52,
                  f"Sample no: {o['sample']:<22}Report date: {o['dt'] + datetime.timedelta(days=21):%d.%m.%Y}",
                  f"Patient:   {nmraw}",
                  f"ID code:   {nidraw(p) if p['nid'] else '(none - foreign patient)'}", f"Born:      {dob_raw}",
                  f"Ordered by: {prov['name']} ({prov['code']}), Dr {dg} {ds} ({dcode})",
                  f"Test: {t[1]} [{t[0]}]", "", "RESULT", f"  {res_txt if not o['neg'] else 'No pathogenic or likely pathogenic variants detected.'}"]
        else:
            L += ["ASPERTEST GENEETIKAKESKUS — GENEETILISE ANALÜÜSI VASTUS", "=" * 52,
                  f"Proovi nr: {o['sample']:<22}Vastuse kuupäev: {o['dt'] + datetime.timedelta(days=21):%d.%m.%Y}",
                  f"Patsient:  {nmraw}",
                  f"Isikukood: {nidraw(p) if p['nid'] else '(puudub)'}", f"Sünniaeg:  {dob_raw}",
                  f"Saatja:    {prov['name']} ({prov['code']}), dr {dg} {ds} ({dcode})",
                  f"Analüüs:   {t[1]} [{t[0]}]", "", "TULEMUS", f"  {res_txt}"]
        if p["nid"]:
            c.ident(p, rel, "ID code", p["nid"][0], p["nid"][1], nidraw(p))
        c.el(p, rel, "RESULT", "genetic_data")
        c.el(p, rel, "RESULT", "lab_result", optional=True)
        c.el(p, rel, "RESULT", "health_data", optional=True)
        if o.get("partner"):
            q = o["partner"]
            L += ["", f"{'Partner' if en else 'Partner'}: {q['given']} {q['sur']}, {'ID code' if en else 'isikukood'} {nidraw(q)}"
                      f" ({'sample' if en else 'proov'} {q['orders'][0]['sample']})"]
            c.name(q, rel, "Partner", f"{q['given']} {q['sur']}")
            c.ident(q, rel, "Partner", q["nid"][0], q["nid"][1], nidraw(q))
        if p.get("guardian"):
            g = p["guardian"]
            L += ["", f"Seaduslik esindaja: {g['given']} {g['sur']}, tel {g['phone'][4:8]} {g['phone'][8:]}"]
            c.name(g, rel, "Seaduslik esindaja", f"{g['given']} {g['sur']}")
            c.ident(g, rel, "Seaduslik esindaja", "phone", g["phone"], f"{g['phone'][4:8]} {g['phone'][8:]}")
        L += ["", "Vastuse kinnitas / Approved by: laborigeneetik dr Eva Näidis-Proov, AsperTest OÜ",
              "Konfidentsiaalne terviseandmeid sisaldav dokument.", ""]
        c.add_file(rel, "\n".join(L))

        # referral (saatekiri) with diagnosis — health data
        if rng.random() < 0.6:
            rel = f"saatekirjad/{o['dt']:%Y-%m}/{o['sample']}_saatekiri.txt"
            L = ["SAATEKIRI GENEETILISELE UURINGULE", f"Saatja asutus: {prov['name']}  Registrikood: 9{rng.randrange(10**7):07d}",
                 f"Saatja arst: {dg} {ds}, kood {dcode}, {dg.lower()}.{ds.lower()}@{prov['dom']}".replace("õ", "o").replace("ä", "a").replace("ö", "o").replace("ü", "u"), "",
                 f"Patsient: {p['given']} {p['sur']}" + (f", ik {nidraw(p)}" if p["nid"] else f", sünd. {dob_raw}")]
            c.name(p, rel, "Patsient", f"{p['given']} {p['sur']}")
            if p["nid"]:
                c.ident(p, rel, "Patsient", p["nid"][0], p["nid"][1], nidraw(p))
            else:
                c.el(p, rel, "Patsient", "date_of_birth")
            kont = []
            if p["phone"] and rng.random() < 0.7:
                raw = f"{p['phone'][4:8]} {p['phone'][8:]}"
                kont.append(f"tel {raw}")
                c.ident(p, rel, "Kontakt", "phone", p["phone"], raw)
            if p["email"]:
                raw = p["email"] if rng.random() < 0.7 else p["email"].upper()
                kont.append(f"e-post {raw}")
                c.ident(p, rel, "Kontakt", "email", p["email"], raw)
            if kont:
                L.append("Kontakt: " + ", ".join(kont))
            if p["addr"] and rng.random() < 0.5:
                L.append(f"Elukoht: {p['addr'][0]}, {p['addr'][2]} {p['addr'][1]}")
                c.el(p, rel, "Elukoht", "postal_address")
            L += [f"Diagnoos: {t[3]} {t[4]}", f"Kliiniline info: {rng.choice(['ema haigestus 45-aastaselt', 'õde diagnoositud 2019', 'korduvad raseduse katkemised', 'sümptomid alates lapseeast', 'perekonnas äkksurm'])}",
                  f"Soovitud uuring: {t[1]} ({t[0]})", f"Kuupäev: {o['dt']:%d.%m.%Y}"]
            c.el(p, rel, "Diagnoos", "health_data")
            if p.get("guardian"):
                g = p["guardian"]
                L.append(f"Lapsevanem: {g['given']} {g['sur']}, {g['phone']}")
                c.name(g, rel, "Lapsevanem", f"{g['given']} {g['sur']}")
                c.ident(g, rel, "Lapsevanem", "phone", g["phone"], g["phone"])
            c.add_file(rel, "\n".join(L) + "\n")
            c.decoy(f"{dg.lower()}.{ds.lower()}@{prov['dom']}".replace("õ", "o").replace("ä", "a").replace("ö", "o").replace("ü", "u"),
                    "physician_work_email_not_subject", rel, "Saatja arst")

        # VCF: pseudonymous sample id only
        rel = f"raw/{o['run']}/{o['sample']}.vcf"
        V = ["##fileformat=VCFv4.2", f"##fileDate={o['dt']:%Y%m%d}", "##source=GenLIMS-pipeline-3.4", "##reference=GRCh38",
             '##INFO=<ID=DP,Number=1,Type=Integer,Description="Total Depth">',
             '##FORMAT=<ID=GT,Number=1,Type=String,Description="Genotype">',
             f"#CHROM\tPOS\tID\tREF\tALT\tQUAL\tFILTER\tINFO\tFORMAT\t{o['sample']}"]
        for _ in range(rng.randint(3, 8)):
            V.append(f"chr{rng.randint(1, 22)}\t{rng.randint(10**6, 2 * 10**8)}\trs{rng.randint(10**5, 10**8)}\t"
                     f"{rng.choice('ACGT')}\t{rng.choice('ACGT')}\t{rng.randint(30, 99)}\tPASS\tDP={rng.randint(20, 400)}\tGT\t{rng.choice(['0/1', '1/1'])}")
        c.add_file(rel, "\n".join(V) + "\n")
        c.decoy(o["sample"], "pseudonymous_sample_id", rel, "header")

    # ---------------------------------------------------------------- QC sheets per sequencing run (sample ids only)
    runs = {}
    for o in orders:
        runs.setdefault(o["run"], []).append(o)
    for r, os_ in runs.items():
        rel = f"qc/{r}_qc.json"
        c.add_file(rel, json.dumps({"run": r, "instrument": "NovaSeq-SIM-01", "samples": [
            {"sampleId": o["sample"], "meanCoverage": round(rng.uniform(80, 250), 1), "q30": round(rng.uniform(88, 96), 2),
             "contamination": round(rng.uniform(0, 0.02), 4)} for o in os_]}, indent=1))

    # ---------------------------------------------------------------- LIMS order export (all orders)
    rel = "lims/tellimused_2023_eksport.csv"
    rows = [["Tellimuse ID", "Proovi ID", "Isikukood", "Patsient", "Sünniaeg", "Sugu", "Saatja kood", "Saatja asutus",
             "Arst", "Arsti kood", "Analüüs", "Saabunud", "Staatus"]]
    for o in orders:
        p = o["p"]
        nm = f"{p['sur'].upper()} {p['given']}"
        c.name(p, rel, "Patsient", nm)
        if p["nid"]:
            c.ident(p, rel, "Isikukood", p["nid"][0], p["nid"][1], nidraw(p))
        c.el(p, rel, "Sünniaeg", "date_of_birth")
        c.el(p, rel, "Analüüs", "genetic_data", optional=True)
        c.el(p, rel, "Analüüs", "health_data", optional=True)
        rows.append([o["order"], o["sample"], nidraw(p) if p["nid"] else "", nm, p["dob"].isoformat(), "M" if p["male"] else "N",
                     o["prov"]["code"], o["prov"]["name"], f"{o['doc'][0]} {o['doc'][1]}", o["doc"][2], o["test"][1],
                     o["dt"].strftime("%d.%m.%Y %H:%M"), "VASTUS VÄLJASTATUD"])
    c.add_file(rel, csv_text(rows, ";"), "utf-8", bom=True)

    # ---------------------------------------------------------------- invoices per provider (organisation IBAN = decoy)
    for prov in provs:
        os_ = [o for o in orders if o["prov"] is prov]
        if not os_:
            continue
        rel = f"arved/arve_{prov['code']}_2023-Q2.csv"
        rows = [[f"AsperTest OÜ arve nr 2023-{prov['code']}-{rng.randint(100, 999)}"], [f"Maksja: {prov['name']}", f"IBAN: {prov['iban']}"], [],
                ["Rida", "Patsiendi nimi", "Isikukood/sünniaeg", "Teenuse kood", "Teenus", "Hind EUR"]]
        c.decoy(prov["iban"], "organisation_iban", rel, "IBAN")
        for k, o in enumerate(os_):
            p = o["p"]
            nm = f"{p['given']} {p['sur']}"
            c.name(p, rel, "Patsiendi nimi", nm)
            if p["nid"]:
                c.ident(p, rel, "Isikukood/sünniaeg", p["nid"][0], p["nid"][1], nidraw(p))
            else:
                c.el(p, rel, "Isikukood/sünniaeg", "date_of_birth")
            c.el(p, rel, "Teenus", "genetic_data", optional=True)
            c.el(p, rel, "Teenus", "health_data", optional=True)
            rows.append([k + 1, nm, nidraw(p) if p["nid"] else p["dob"].strftime("%d.%m.%Y"), o["test"][0], o["test"][1],
                         f"{rng.choice([180, 240, 390, 650, 820])},00"])
        c.add_file(rel, csv_text(rows, ";"), "cp1257")

    # ---------------------------------------------------------------- clinic <-> lab mails (physicians are not subjects)
    sel = rng.sample([o for o in orders if o["p"]["nid"] and not o["p"].get("guardian")], 30)
    for i, o in enumerate(sel):
        p, prov = o["p"], o["prov"]
        dg, ds, dcode = o["doc"]
        dmail = f"{dg.lower()}.{ds.lower()}@{prov['dom']}".replace("õ", "o").replace("ä", "a").replace("ö", "o").replace("ü", "u")
        rel = f"kirjavahetus/{o['dt']:%Y%m%d}_{i:03d}.eml"
        body = (f"Tere,\n\npalun lisage patsiendi {p['given']} {p['sur']} (isikukood {nidraw(p)}) proovile {o['sample']} "
                f"ka {rng.choice(['CNV analüüs', 'vanemate segregatsioonianalüüs', 'korduv sekveneerimine'])}. ")
        c.name(p, rel, "body", f"{p['given']} {p['sur']}")
        c.ident(p, rel, "body", p["nid"][0], p["nid"][1], nidraw(p))
        if p["phone"]:
            body += f"Patsient on kättesaadav telefonil {p['phone']}. "
            c.ident(p, rel, "body", "phone", p["phone"], p["phone"])
        if not o["neg"]:
            body += f"Eelmine vastus näitas {o['gene']} varianti {o['var']}."
            c.el(p, rel, "body", "genetic_data")
        body += f"\n\nLugupidamisega\ndr {dg} {ds}\n{prov['name']}\n{dmail}\n"
        c.decoy(dmail, "physician_work_email_not_subject", rel, "signature")
        c.add_file(rel, f"From: dr {dg} {ds} <{dmail}>\nTo: labor@aspertest.test\nSubject: Proov {o['sample']}\n"
                        f"Date: {o['dt'] + datetime.timedelta(days=3):%a, %d %b %Y %H:%M:%S} +0300\nMIME-Version: 1.0\n"
                        f"Content-Type: text/plain; charset=utf-8\nContent-Transfer-Encoding: 8bit\n\n{body}")
    for p in c.persons:
        if "national_id" in p.elements:
            c.el(p, p.prov["national_id"][0].split(" [")[0], "national_id (birth date encoded)", "date_of_birth", optional=True)
        if p.tid in guardians:
            p.controllers |= next(k for k in kids if k["guardian"] is p).controllers
    return c
