"""Case 2: a genetic testing laboratory (Estonia) with providers in EE, LV, LT and FI.

Shapes: openEHR EHRbase export (ehr_status with PARTY_SELF external_ref, demographic PERSON, canonical JSON
COMPOSITIONs), Word 2003 XML (WordprocessingML) referrals of Latvian and Lithuanian providers, EDIFACT MEDRPT result
messages to the Finnish provider (ISO-8859-1, PNA/ADR/RSL segments), a Jira CSV export of the help desk with
multi-line cells and repeated Comment columns, Picard CollectHsMetrics files (sample ids only).
"""
import datetime
import uuid

import people as P
from common import Case, dump_json
from shared import check, ids

LAB = "Helix Geenilabor OÜ"
EE_PROV = ["Põhja-Eesti Kliinik", "Lõuna-Eesti Haigla", "Viru Tervisekeskus", "Pärnu Naistekliinik", "Tartu Perearstikeskus",
           "Rakvere Haigla", "Kuressaare Kliinik", "Viljandi Haigla", "Ida-Tallinna Polikliinik", "Haapsalu Tervisemaja",
           "Fertilitas Kliinik", "Elite Naistekliinik", "Jõhvi Tervisekeskus", "Valga Haigla", "Narva Polikliinik",
           "Kardioloogiakeskus Süda", "Lastehaigla Tallinn", "Onkoloogiakliinik Tartu", "Paide Perearstid",
           "Võru Haigla", "Keila Tervisekeskus", "Rapla Perearstikeskus"]
LV_PROV = ["Rīgas Ģenētikas centrs", "Daugavpils reģionālā slimnīca", "Liepājas klīnika Jūra"]
LT_PROV = ["Vilniaus sveikatos centras", "Kauno klinikos Genetika", "Klaipėdos šeimos klinika"]
FI_PROV = ["Helsingin Perinnöllisyyspoliklinikka", "Tampereen Geenikeskus"]
TESTS = [("BRCA1/BRCA2 paneel", "BRCA1", "NM_007294.4:c.5266dupC", "p.(Gln1756Profsfs*74)", "C50.9",
          "Rinnanäärme pahaloomuline kasvaja"),
         ("BRCA1/BRCA2 paneel", "BRCA2", "NM_000059.4:c.9097dupA", "p.(Thr3033Asnfs*11)", "Z80.3",
          "Rinnavähk suguvõsas"),
         ("Hüperkolesteroleemia paneel", "LDLR", "NM_000527.5:c.1775G>A", "p.(Gly592Glu)", "E78.0",
          "Puhas hüperkolesteroleemia"),
         ("Kardiomüopaatia paneel", "MYBPC3", "NM_000256.3:c.1504C>T", "p.(Arg502Trp)", "I42.1",
          "Obstruktiivne hüpertroofiline kardiomüopaatia"),
         ("Tsüstiline fibroos", "CFTR", "NM_000492.4:c.1521_1523del", "p.(Phe508del)", "E84.9", "Tsüstiline fibroos"),
         ("Lynchi sündroomi paneel", "MLH1", "NM_000249.4:c.1731G>A", "p.(Ser577=)", "Z80.0",
          "Seedeelundite pahaloomuline kasvaja suguvõsas"),
         ("Hemokromatoos", "HFE", "NM_000410.4:c.845G>A", "p.(Cys282Tyr)", "E83.1", "Raua ainevahetuse häired"),
         ("Fragiilse X sündroom", "FMR1", "NM_002024.6:c.-129CGG[55]", "premutatsioon", "F84.0", "Lapsepõlve autism")]
ACMG = ["Patogeenne", "Tõenäoliselt patogeenne", "Ebaselge tähendusega variant (VUS)", "Variante ei leitud"]


def build(seed, rng):
    c = Case(2, "ee_genetics", seed, rng, "Genetic testing laboratory (EE) with ~30 ordering providers, ransomware")
    r = rng
    providers = [(p, "EE") for p in EE_PROV] + [(p, "LV") for p in LV_PROV] + [(p, "LT") for p in LT_PROV] + \
                [(p, "FI") for p in FI_PROV]
    pw = [6] * len(EE_PROV) + [5] * 3 + [5] * 3 + [8] * 2
    staff = {}
    for pv, cc in providers:
        lang = {"EE": "et", "LV": "lv", "LT": "lt", "FI": "fi"}[cc]
        g, s, _ = P.pick_name(c, lang, r.random() < 0.6)
        dom = ids.ascii_fold(pv.split()[0]).lower().replace("-", "")
        staff[pv] = (g, s, f"{ids.ascii_fold(g).lower()}.{ids.ascii_fold(s).lower()}@{dom}.example.com",
                     P.new_phone(c, cc, "landline"))
    genet = []
    for k in range(3):
        g, s, _ = P.pick_name(c, "et", True)
        genet.append((g, s, f"{ids.ascii_fold(g).lower()}.{ids.ascii_fold(s).lower()}@helix.example.com"))

    pats = []
    n = r.randint(215, 240)
    for i in range(n):
        pv, cc = r.choices(providers, pw)[0]
        if cc == "EE":
            lang = "ru" if r.random() < 0.2 else "et"
        else:
            lang = {"LV": "lv", "LT": "lt", "FI": "fi"}[cc]
        female = r.random() < 0.62
        g, s, cyr = P.pick_name(c, lang, female)
        p = c.person(f"{g} {s}", lang, given=g, surname=s, cyr=cyr, female=female, cc=cc)
        if cyr:
            p.variants.append(cyr)
        child = cc == "EE" and r.random() < 0.12
        p.dob = P.dob(r, 2008, 2021) if child else P.dob(r, 1945, 2003)
        p.child = child
        if cc in ("EE",):
            p.nid, p.ntype = ids.ee_like(r, p.dob, female), "ee_isikukood"
        elif cc == "LT":
            p.nid, p.ntype = ids.ee_like(r, p.dob, female), "lt_asmens_kodas"
        elif cc == "LV":
            p.nid, p.ntype = ids.lv_old(r, p.dob), "lv_personas_kods"
        else:
            p.nid, p.ntype = ids.fi_hetu(r, p.dob, new_sign=p.dob.year >= 2000 and r.random() < 0.3), "fi_hetu"
        p.phone = P.new_phone(c, cc) if (r.random() < 0.6 and not child) else None
        p.email = P.new_email(c, g, s) if (r.random() < 0.5 and not child) else None
        p.addr = {"EE": P.ee_address, "LV": None, "LT": None, "FI": None}[cc](r) if cc == "EE" and r.random() < 0.6 else None
        if cc == "FI":
            p.addr = P.fi_address(r, r.choice(["HKI", "LU", "KU"])) if r.random() < 0.7 else None
        if cc in ("LV", "LT") and r.random() < 0.6:
            city = "Rīga" if cc == "LV" else "Vilnius"
            st = r.choice(["Brīvības iela", "Elizabetes iela", "Kr. Valdemāra iela"] if cc == "LV" else
                          ["Gedimino pr.", "Savanorių pr.", "Žirmūnų g."])
            p.addr = {"street": f"{st} {r.randint(1, 120)}-{r.randint(1, 40)}",
                      "zip": (f"LV-{r.randint(1001, 1084)}" if cc == "LV" else f"LT-{r.randint(1000, 9999):05d}"),
                      "city": city, "country": cc}
        p.orders = [(pv, cc)]
        if r.random() < 0.09:
            same = [x for x in providers if x[1] == cc and x[0] != pv]
            p.orders.append(r.choice(same))
            p.note = "two ordering providers"
        p.controllers = [o[0] for o in p.orders]
        p.rep = None
        if child:
            rg, rs, rcyr = P.pick_name(c, lang, True)
            rep = c.person(f"{rg} {s}" if r.random() < 0.8 and f"{rg} {s}" not in c.used_names else f"{rg} {rs}",
                           lang, female=True)
            rep.given, rep.surname = rep.name.split(" ", 1)
            c.used_names.add(rep.name)
            rep.cyr = None
            rep.dob = P.dob(r, 1975, 1995)
            rep.nid = ids.ee_like(r, rep.dob, True)
            rep.phone = P.new_phone(c, "EE")
            rep.controllers = list(p.controllers)
            rep.note = f"legal representative of {p.tid}"
            p.rep = rep
            p.note = (p.note + "; " if p.note else "") + "child with a legal representative"
        pats.append(p)

    sample_only = []
    ordno = 4000
    hs_runs = {}
    for p in pats:
        ehr = str(uuid.UUID(int=r.getrandbits(128), version=4))
        ns = {"ee_isikukood": "ee.isikukood", "lt_asmens_kodas": "lt.asmens_kodas",
              "lv_personas_kods": "lv.personas_kods", "fi_hetu": "fi.hetu"}[p.ntype]
        # ---- ehr_status
        doc = f"ehrbase/ehr/{ehr}/ehr_status.json"
        st = {"_type": "EHR_STATUS", "archetype_node_id": "openEHR-EHR-EHR_STATUS.generic.v1",
              "name": {"_type": "DV_TEXT", "value": "EHR Status"},
              "uid": {"_type": "OBJECT_VERSION_ID", "value": f"{uuid.UUID(int=r.getrandbits(128), version=4)}::helix.ehrbase::1"},
              "subject": {"_type": "PARTY_SELF", "external_ref": {
                  "id": {"_type": "GENERIC_ID", "value": p.nid, "scheme": ns.split(".")[1]},
                  "namespace": ns, "type": "PERSON"}},
              "is_queryable": True, "is_modifiable": True}
        c.add(doc, dump_json(st, indent=2) + "\n")
        c.ident(p, p.ntype, p.nid, p.nid, doc, "subject.external_ref.id.value")
        c.opt(p, "date_of_birth", doc, "subject.external_ref.id.value")
        # ---- demographics PERSON
        doc = f"ehrbase/ehr/{ehr}/demographics.json"
        lab = {"et": ("eesnimi", "perekonnanimi", "sünniaeg"), "ru": ("eesnimi", "perekonnanimi", "sünniaeg"),
               "lv": ("vārds", "uzvārds", "dzimšanas datums"), "lt": ("vardas", "pavardė", "gimimo data"),
               "fi": ("etunimi", "sukunimi", "syntymäaika")}[p.lang]

        def el(name, typ, **v):
            d = {"_type": "ELEMENT", "name": {"_type": "DV_TEXT", "value": name}, "value": {"_type": typ}}
            d["value"].update(v)
            return d
        details = [el("isikukood" if p.cc == "EE" else "personal identifier", "DV_IDENTIFIER", id=p.nid,
                      issuer=p.cc, type=ns.split(".")[1]),
                   el(lab[2], "DV_DATE", value=p.dob.isoformat()),
                   el("sugu", "DV_CODED_TEXT", value="naine" if p.female else "mees",
                      defining_code={"terminology_id": {"value": "local"}, "code_string": "F" if p.female else "M"})]
        contacts = []
        items = []
        if p.phone:
            raw = P.render_phone(p.phone, r.choice(["e164", "intl", "nat"]) if p.cc == "EE" else "intl")
            items.append(el("telefon", "DV_TEXT", value=raw))
            c.ident(p, "phone", p.phone, raw, doc, "contacts/telefon")
        if p.email:
            items.append(el("e-post", "DV_URI", value="mailto:" + p.email))
            c.ident(p, "email", p.email, p.email, doc, "contacts/e-post")
        if p.addr:
            items.append(el("aadress", "DV_TEXT", value=P.fmt_addr(p.addr)))
            c.el(p, "postal_address", doc, "contacts/aadress", p.addr["street"])
        if items:
            contacts.append({"_type": "CONTACT", "archetype_node_id": "openEHR-DEMOGRAPHIC-ADDRESS.address.v1",
                             "name": {"_type": "DV_TEXT", "value": "kontakt"},
                             "addresses": [{"_type": "ADDRESS", "details": {"_type": "ITEM_TREE", "items": items}}]})
        person = {"_type": "PERSON", "archetype_node_id": "openEHR-DEMOGRAPHIC-PERSON.person.v1",
                  "name": {"_type": "DV_TEXT", "value": "patsient"},
                  "uid": {"_type": "HIER_OBJECT_ID", "value": ehr},
                  "identities": [{"_type": "PARTY_IDENTITY", "archetype_node_id": "openEHR-DEMOGRAPHIC-PARTY_IDENTITY.person_name.v1",
                                  "name": {"_type": "DV_TEXT", "value": "ametlik nimi"},
                                  "details": {"_type": "ITEM_TREE", "items": [
                                      el(lab[0], "DV_TEXT", value=p.given), el(lab[1], "DV_TEXT", value=p.surname)]}}],
                  "details": {"_type": "ITEM_TREE", "items": details},
                  "contacts": contacts}
        if p.rep:
            q = p.rep
            raw = P.render_phone(q.phone, r.choice(["nat", "intl"]))
            person["relationships"] = [{"_type": "PARTY_RELATIONSHIP", "name": {"_type": "DV_TEXT", "value": "seaduslik esindaja"},
                                        "details": {"_type": "ITEM_TREE", "items": [
                                            el("esindaja nimi", "DV_TEXT", value=q.name),
                                            el("esindaja isikukood", "DV_IDENTIFIER", id=q.nid, issuer="EE", type="isikukood"),
                                            el("esindaja telefon", "DV_TEXT", value=raw)]}}]
            c.nm(q, doc, "relationships/esindaja nimi", q.name)
            c.ident(q, "ee_isikukood", q.nid, q.nid, doc, "relationships/esindaja isikukood")
            c.opt(q, "date_of_birth", doc, "relationships/esindaja isikukood")
            c.ident(q, "phone", q.phone, raw, doc, "relationships/esindaja telefon")
        txt = dump_json(person, ascii_=r.random() < 0.3, indent=1)
        c.add(doc, txt + "\n", views=("json",))
        c.nm(p, doc, "identities", f'"value": "{p.given}"' if '"' not in p.given else p.given, p.surname)
        c.ident(p, p.ntype, p.nid, p.nid, doc, "details/isikukood")
        c.el(p, "date_of_birth", doc, "details/" + lab[2], p.dob.isoformat())
        # ---- one composition per order
        for pv, cc in p.orders:
            ordno += r.randint(1, 9)
            sid = f"S23-{ordno:05d}"
            t = r.choice(TESTS)
            issued = r.random() < 0.94
            cls = r.choice(ACMG)
            when = datetime.datetime(2023, r.randint(1, 8), r.randint(1, 28), r.randint(8, 17), r.randint(0, 59))
            gg, gs, gem = r.choice(genet)
            doc = f"ehrbase/ehr/{ehr}/compositions/{uuid.UUID(int=r.getrandbits(128), version=4)}.json"
            obs_items = [el("Uuring", "DV_TEXT", value=t[0]), el("Proovi ID", "DV_IDENTIFIER", id=sid, type="LIMS")]
            if issued:
                obs_items += [el("Geen", "DV_TEXT", value=t[1]),
                              el("Variant", "DV_TEXT", value=(f"{t[2]} {t[3]}" if cls != ACMG[3] else "—")),
                              el("Klassifikatsioon", "DV_CODED_TEXT", value=cls,
                                 defining_code={"terminology_id": {"value": "ACMG"}, "code_string": str(ACMG.index(cls) + 3)})]
            comp = {"_type": "COMPOSITION", "name": {"_type": "DV_TEXT", "value": "Geneetilise analüüsi vastus"},
                    "archetype_details": {"archetype_id": {"value": "openEHR-EHR-COMPOSITION.report-result.v1"},
                                          "template_id": {"value": "helix_geneetika_vastus.v2"}, "rm_version": "1.0.4"},
                    "archetype_node_id": "openEHR-EHR-COMPOSITION.report-result.v1",
                    "language": {"terminology_id": {"value": "ISO_639-1"}, "code_string": "et"},
                    "territory": {"terminology_id": {"value": "ISO_3166-1"}, "code_string": "EE"},
                    "category": {"value": "event", "defining_code": {"terminology_id": {"value": "openehr"}, "code_string": "433"}},
                    "composer": {"_type": "PARTY_IDENTIFIED", "name": f"{gg} {gs}",
                                 "identifiers": [{"_type": "DV_IDENTIFIER", "id": gem, "type": "email"}]},
                    "context": {"start_time": {"_type": "DV_DATE_TIME", "value": when.isoformat() + "+03:00"},
                                "setting": {"value": "secondary medical care"},
                                "health_care_facility": {"_type": "PARTY_IDENTIFIED", "name": pv}},
                    "content": [
                        {"_type": "OBSERVATION", "archetype_node_id": "openEHR-EHR-OBSERVATION.laboratory_test_result.v1",
                         "name": {"_type": "DV_TEXT", "value": "Geneetiline analüüs"},
                         "subject": {"_type": "PARTY_SELF", "external_ref": {
                             "id": {"_type": "GENERIC_ID", "value": p.nid, "scheme": ns.split(".")[1]},
                             "namespace": ns, "type": "PERSON"}},
                         "data": {"_type": "HISTORY", "origin": {"value": when.isoformat()},
                                  "events": [{"_type": "POINT_EVENT", "time": {"value": when.isoformat()},
                                              "data": {"_type": "ITEM_TREE", "items": obs_items}}]}},
                        {"_type": "EVALUATION", "archetype_node_id": "openEHR-EHR-EVALUATION.problem_diagnosis.v1",
                         "name": {"_type": "DV_TEXT", "value": "Näidustus"},
                         "subject": {"_type": "PARTY_SELF"},
                         "data": {"_type": "ITEM_TREE", "items": [
                             el("Diagnoos", "DV_CODED_TEXT", value=t[5],
                                defining_code={"terminology_id": {"value": "ICD-10"}, "code_string": t[4]})]}}]}
            c.add(doc, dump_json(comp, ascii_=r.random() < 0.3, indent=2) + "\n", views=("json",))
            c.ident(p, p.ntype, p.nid, p.nid, doc, "content[0].subject.external_ref")
            c.el(p, "health_data", doc, "Näidustus/Diagnoos", t[4])
            if issued:
                c.el(p, "genetic_data", doc, "Geen/Variant/Klassifikatsioon", t[1])
                c.opt(p, "lab_result", doc, "Klassifikatsioon")
            else:
                c.opt(p, "genetic_data", doc, "Uuring", t[0])
            c.decoy("staff_email", gem, doc, "composer") if r.random() < 0.05 else None
            if r.random() < 0.4:
                run = f"230{r.randint(1, 8)}{r.randint(10, 28)}_NB501{r.randint(100, 999)}_0{r.randint(100, 999)}_AH{r.randint(1000, 9999)}BGXY"
                hs_runs.setdefault(run, []).append(sid)
            # ---- LV/LT referral as Word 2003 XML, FI result as EDIFACT MEDRPT
            if cc in ("LV", "LT"):
                wordxml_referral(c, r, p, pv, cc, t, sid, staff[pv])
            if cc == "FI":
                medrpt(c, r, p, pv, t, sid, cls, issued, when)
    # ---- Picard HsMetrics (pseudonymous)
    for run in sorted(hs_runs):
        for sid in hs_runs[run]:
            doc = f"qc/{run}/{sid}.hs_metrics.txt"
            tot = r.randint(18_000_000, 60_000_000)
            c.add(doc, "\n".join([
                "## htsjdk.samtools.metrics.StringHeader",
                f"# CollectHsMetrics BAIT_INTERVALS=[/ref/panels/helix_v4.baits.interval_list] TARGET_INTERVALS=[/ref/panels/helix_v4.targets.interval_list] INPUT=/data/{run}/{sid}.dedup.bam OUTPUT={sid}.hs_metrics.txt REFERENCE_SEQUENCE=/ref/GRCh38.fa",
                "## htsjdk.samtools.metrics.StringHeader",
                f"# Started on: {r.choice(['Mon', 'Tue', 'Wed', 'Thu'])} Sep 14 0{r.randint(1, 9)}:{r.randint(10, 59)}:{r.randint(10, 59)} EEST 2023",
                "", "## METRICS CLASS\tpicard.analysis.directed.HsMetrics",
                "BAIT_SET\tBAIT_TERRITORY\tTARGET_TERRITORY\tTOTAL_READS\tPF_READS\tPF_UNIQUE_READS\tPCT_PF_UQ_READS_ALIGNED\tMEAN_TARGET_COVERAGE\tPCT_TARGET_BASES_20X\tFOLD_80_BASE_PENALTY\tSAMPLE\tLIBRARY\tREAD_GROUP",
                f"helix_v4\t1843211\t1503377\t{tot}\t{tot - r.randint(1000, 90000)}\t{int(tot * 0.87)}\t0.99{r.randint(10, 99)}\t{r.randint(120, 420)}.{r.randint(10, 99)}\t0.98{r.randint(10, 99)}\t1.{r.randint(20, 60)}\t{sid}\t{sid}_L1\t",
                "", "## HISTOGRAM\tjava.lang.Integer", "coverage_or_base_quality\thigh_quality_coverage_count\tunfiltered_baseq_count"] +
                [f"{k}\t{r.randint(0, 9000)}\t{r.randint(0, 90000)}" for k in range(12)]) + "\n")
            sample_only.append(doc)
    jira(c, r, pats, staff, genet)
    c.extra["lab"] = LAB
    c.extra["providers"] = [p for p, _ in providers]
    c.extra["special_categories"] = ["genetic_data", "health_data"]
    c.extra["sample_only_documents"] = sample_only
    return c


def _run(t, bold=False):
    rpr = "<w:rPr><w:b/></w:rPr>" if bold else ""
    return f"<w:r>{rpr}<w:t>{t}</w:t></w:r>"


def _par(*runs):
    return "<w:p>" + "".join(runs) + "</w:p>"


def _row(label, value_runs):
    return (f"<w:tr><w:tc><w:tcPr><w:tcW w:w=\"3000\" w:type=\"dxa\"/></w:tcPr>{_par(_run(label, True))}</w:tc>"
            f"<w:tc><w:tcPr><w:tcW w:w=\"6000\" w:type=\"dxa\"/></w:tcPr>{_par(*value_runs)}</w:tc></w:tr>")


def wordxml_referral(c, r, p, pv, cc, t, sid, stf):
    lv = cc == "LV"
    L = {"title": "NOSŪTĪJUMS ĢENĒTISKAJAI IZMEKLĒŠANAI" if lv else "SIUNTIMAS GENETINIAM TYRIMUI",
         "name": "Pacients" if lv else "Pacientas", "code": "Personas kods" if lv else "Asmens kodas",
         "dob": "Dzimšanas datums" if lv else "Gimimo data", "addr": "Adrese" if lv else "Adresas",
         "tel": "Tālrunis" if lv else "Telefonas", "dx": "Diagnoze (SSK-10)" if lv else "Diagnozė (TLK-10)",
         "test": "Pieprasītais izmeklējums" if lv else "Prašomas tyrimas", "doc": "Nosūtītājs ārsts" if lv else "Siuntęs gydytojas"}
    doc = f"saatekirjad/{ids.ascii_fold(pv).replace(' ', '_')}/{sid}_nosutijums.xml" if lv else \
        f"saatekirjad/{ids.ascii_fold(pv).replace(' ', '_')}/{sid}_siuntimas.xml"
    if r.random() < 0.4 and len(p.surname) > 3:
        k = r.randint(1, len(p.surname) - 1)
        nruns = [_run(p.given + " "), _run(p.surname[:k]), _run(p.surname[k:])]
    else:
        nruns = [_run(f"{p.given} {p.surname}")]
    c.nm(p, doc, L["name"], p.given, p.surname)
    dob = p.dob.strftime("%d.%m.%Y")
    rows = [_row(L["name"] + ":", nruns), _row(L["code"] + ":", [_run(p.nid)]), _row(L["dob"] + ":", [_run(dob)])]
    c.ident(p, p.ntype, p.nid, p.nid, doc, L["code"])
    c.el(p, "date_of_birth", doc, L["dob"], dob)
    if p.addr:
        a = f"{p.addr['street']}, {p.addr['city']}, {p.addr['zip']}"
        rows.append(_row(L["addr"] + ":", [_run(a)]))
        c.el(p, "postal_address", doc, L["addr"], p.addr["street"])
    if p.phone:
        raw = P.render_phone(p.phone, r.choice(["intl", "nat"]))
        rows.append(_row(L["tel"] + ":", [_run(raw)]))
        c.ident(p, "phone", p.phone, raw, doc, L["tel"])
    rows.append(_row(L["dx"] + ":", [_run(t[4])]))
    c.el(p, "health_data", doc, L["dx"], t[4])
    rows.append(_row(L["test"] + ":", [_run(f"{t[1]} ({t[0]})")]))
    c.opt(p, "genetic_data", doc, L["test"])
    rows.append(_row(L["doc"] + ":", [_run(f"Dr. {stf[0]} {stf[1]}, {stf[2]}")]))
    c.decoy("staff_email", stf[2], doc, L["doc"])
    body = (_par(_run(pv, True)) + _par(_run(L["title"], True)) +
            "<w:tbl><w:tblPr><w:tblStyle w:val=\"TableGrid\"/><w:tblW w:w=\"9000\" w:type=\"dxa\"/></w:tblPr>" +
            "".join(rows) + "</w:tbl>" + _par(_run(f"Paraugs: {sid}")) +
            _par(_run(("Datums: " if lv else "Data: ") + f"2023-0{r.randint(1, 8)}-{r.randint(10, 28)}")))
    xml = ('<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<?mso-application progid="Word.Document"?>\n'
           '<w:wordDocument xmlns:w="http://schemas.microsoft.com/office/word/2003/wordml" '
           'xmlns:wx="http://schemas.microsoft.com/office/word/2003/auxHint" '
           'xmlns:o="urn:schemas-microsoft-com:office:office" w:macrosPresent="no" w:embeddedObjPresent="no" '
           'w:ocxPresent="no" xml:space="preserve"><o:DocumentProperties><o:Author>' + f"{stf[0]} {stf[1]}" +
           '</o:Author><o:Created>2023-05-02T08:11:00Z</o:Created><o:Version>16</o:Version></o:DocumentProperties>'
           '<w:fonts><w:defaultFonts w:ascii="Calibri" w:fareast="Calibri" w:h-ansi="Calibri" w:cs="Times New Roman"/>'
           '</w:fonts><w:body><wx:sect>' + body + '<w:sectPr><w:pgSz w:w="11906" w:h="16838"/></w:sectPr></wx:sect>'
           '</w:body></w:wordDocument>\n')
    c.add(doc, xml, views=("tags",))


def edi_esc(s):
    return s.replace("?", "??").replace("'", "?'").replace("+", "?+").replace(":", "?:")


def medrpt(c, r, p, pv, t, sid, cls, issued, when):
    ref = f"{r.randint(10 ** 9, 10 ** 10 - 1)}"
    doc = f"medrpt/{pv.split()[0][:8].upper()}_{sid}.edi"
    hetu = p.nid if r.random() < 0.85 else p.nid.lower()
    segs = ["UNA:+.? '", f"UNB+UNOC:3+HELIXLAB:ZZZ+{ids.ascii_fold(pv.split()[0]).upper()[:12]}:ZZZ+{when:%y%m%d}:{when:%H%M}+{ref}'",
            "UNH+1+MEDRPT:D:96A:UN:FI0201'", f"BGM+LSR+{sid}+9'", f"DTM+137:{when:%Y%m%d%H%M}:203'",
            "NAD+MS+HELIXLAB::ZZZ++Helix Geenilabor OY'", f"NAD+MR+++{edi_esc(pv)}'", "GIS+N'",
            f"PNA+PAT+{hetu}:OFI+++SU:{edi_esc(p.surname)}+FO:{edi_esc(p.given)}'",
            f"DTM+329:{p.dob:%Y%m%d}:102'"]
    c.ident(p, "fi_hetu", p.nid, hetu, doc, "PNA+PAT")
    c.nm(p, doc, "PNA+PAT SU/FO", "SU:" + p.surname, "FO:" + p.given)
    c.el(p, "date_of_birth", doc, "DTM+329", f"{p.dob:%Y%m%d}")
    if p.addr:
        segs.append(f"ADR++1:{edi_esc(p.addr['street'])}+{edi_esc(p.addr['city'])}++{p.addr['zip']}'")
        c.el(p, "postal_address", doc, "ADR", p.addr["street"])
    if p.phone:
        raw = P.render_phone(p.phone, r.choice(["nat_tight", "e164"]))
        segs.append(f"COM+{edi_esc(raw)}:TE'")
        c.ident(p, "phone", p.phone, raw, doc, "COM")
    segs += [f"RFF+SRI:{sid}'", f"FTX+CLI+++{edi_esc('Indikaatio: ' + t[4] + ' ' + t[5])}'"]
    c.el(p, "health_data", doc, "FTX+CLI", t[4])
    segs.append(f"INV+MIN+{edi_esc(t[0])}'")
    if issued:
        segs += [f"RSL+C+{edi_esc(t[1] + ' ' + t[2] + ' ' + t[3])}'", f"FTX+RPD+++{edi_esc('Luokitus: ' + cls)}'"]
        c.el(p, "genetic_data", doc, "RSL", t[1])
        c.opt(p, "lab_result", doc, "RSL")
    else:
        segs.append("FTX+RPD+++Tulos ei ole vielä valmis'")
        c.opt(p, "genetic_data", doc, "INV")
    segs += [f"UNT+{len(segs) - 1}+1'", f"UNZ+1+{ref}'"]
    c.add(doc, "\n".join(segs) + "\n", "iso-8859-1", views=("edifact",))


def csv_cell(s):
    if any(ch in s for ch in ',"\n\r'):
        return '"' + s.replace('"', '""') + '"'
    return s


def jira(c, r, pats, staff, genet):
    doc = "jira/HELIX_klienditugi_2023-09-25.csv"
    header = ["Summary", "Issue key", "Issue id", "Issue Type", "Status", "Priority", "Resolution", "Assignee",
              "Reporter", "Creator", "Created", "Updated", "Description", "Custom field (Isikukood)",
              "Custom field (Tellimuse nr)", "Custom field (Kontakttelefon)", "Custom field (Request participants)",
              "Comment", "Comment", "Comment", "Watchers", "Watchers"]
    rows = [header]
    agents = [(g, s, em) for g, s, em in genet]
    key = 1200
    adults = [p for p in pats if not p.child]
    kids = [p for p in pats if p.child]
    cases = [("patient", p) for p in r.sample(adults, 28)] + [("clinic", p) for p in r.sample(adults, 12)] + \
            [("parent", p) for p in kids[:10]]
    r.shuffle(cases)
    for kind, p in cases:
        key += r.randint(1, 7)
        created = datetime.datetime(2023, 9, r.randint(11, 24), r.randint(8, 18), r.randint(0, 59))
        ag = r.choice(agents)
        cmts = []
        phone_cell = ""
        if kind == "patient":
            summ = "Kas minu andmed lekkisid?" if p.lang != "ru" else "Утекли ли мои данные?"
            reporter = p.name
            if p.lang in ("lv", "lt", "fi"):
                summ = "Was my data part of the breach?"
            desc = (f"Hello,\n\nI read about the data breach. Which of my data is affected?\n"
                    f"Personal code: {p.nid}\n\nKind regards,\n{p.name}") if p.lang in ("lv", "lt", "fi") else \
                (f"Tere,\n\nlugesin uudistest andmelekkest. Palun öelge, milliseid minu andmeid see puudutab.\n"
                    f"Isikukood {p.nid}.\n\nLugupidamisega\n{p.name}") if p.lang != "ru" else \
                (f"Здравствуйте,\n\nпрочитал(а) об утечке. Какие мои данные затронуты?\nЛичный код {p.nid}.\n\nС уважением,\n{p.name}")
            c.nm(p, doc, "Reporter/Description", p.name)
            c.ident(p, p.ntype, p.nid, p.nid, doc, "Description")
            c.opt(p, "date_of_birth", doc, "Description")
            idcell = p.nid if r.random() < 0.5 else ""
            if idcell:
                c.ident(p, p.ntype, p.nid, p.nid, doc, "Custom field (Isikukood)")
            if p.email:
                raw = p.email if r.random() < 0.7 else p.email.capitalize()
                part = raw
                c.ident(p, "email", p.email, raw, doc, "Custom field (Request participants)")
            else:
                part = ""
            if p.phone:
                phone_cell = P.render_phone(p.phone, r.choice(["nat", "intl", "e164"]))
                c.ident(p, "phone", p.phone, phone_cell, doc, "Custom field (Kontakttelefon)")
            cmts.append(f"{created + datetime.timedelta(hours=3):%d/%b/%y %I:%M %p};{ids.ascii_fold(ag[0]).lower()};"
                        f"Tere! Teie andmed (nimi, isikukood, uuringu vastus) olid lekkinud failide hulgas. Teid teavitab ka Teie arst.\n{ag[0]} {ag[1]}, Helix")
            order = ""
        elif kind == "clinic":
            pv = p.orders[0][0]
            sg, ss, sem, stel = staff[pv]
            summ = f"Vastuse korduv saatmine – {p.surname}"
            reporter = f"{sg} {ss}"
            desc = (f"Palun saatke uuesti patsiendi {p.given} {p.surname} (isikukood {p.nid}) vastus, "
                    f"eelmine ei jõudnud kohale.\n\n{sg} {ss}\n{pv}\ntel {P.render_phone(stel, 'nat') if p.cc == 'EE' else P.render_phone(stel, 'intl')}")
            c.nm(p, doc, "Description", f"{p.given} {p.surname}")
            c.ident(p, p.ntype, p.nid, p.nid, doc, "Description")
            c.opt(p, "date_of_birth", doc, "Description")
            c.decoy("staff_email", sem, doc, "Custom field (Request participants)")
            part = sem
            idcell = ""
            order = ""
            cmts.append(f"{created + datetime.timedelta(hours=1):%d/%b/%y %I:%M %p};{ids.ascii_fold(ag[0]).lower()};Saadetud turvalise kanali kaudu.")
        else:
            q = p.rep
            summ = "Lapse analüüsi vastus"
            reporter = q.name
            em = P.new_email(c, q.given, q.surname)
            q.email = em
            desc = (f"Tere\nMinu tütre/poja {p.given} {p.surname} (isikukood {p.nid}) vastusega seoses: kas ka tema "
                    f"andmed lekkisid?\n{q.name}")
            c.nm(q, doc, "Reporter", q.name)
            phone_cell = P.render_phone(q.phone, r.choice(["nat", "intl"]))
            c.ident(q, "phone", q.phone, phone_cell, doc, "Custom field (Kontakttelefon)")
            c.ident(q, "email", em, em, doc, "Custom field (Request participants)")
            c.nm(p, doc, "Description", f"{p.given} {p.surname}")
            c.ident(p, p.ntype, p.nid, p.nid, doc, "Description")
            part = em
            idcell = ""
            order = ""
            cmts.append(f"{created + datetime.timedelta(hours=5):%d/%b/%y %I:%M %p};{ids.ascii_fold(ag[0]).lower()};"
                        f"Jah, lapse andmed olid lekkinud failides.")
        row = [summ, f"HELIX-{key}", str(30000 + key), "Service Request", r.choice(["Done", "Waiting for customer", "Open"]),
               "Medium", r.choice(["Done", ""]), f"{ag[0]} {ag[1]}", reporter, reporter,
               f"{created:%d/%b/%y %I:%M %p}", f"{created + datetime.timedelta(days=1):%d/%b/%y %I:%M %p}", desc,
               idcell, order, phone_cell, part] + (cmts + ["", "", ""])[:3] + [ids.ascii_fold(ag[0]).lower(), ""]
        rows.append(row)
    c.add(doc, "\r\n".join(",".join(csv_cell(x) for x in row) for row in rows) + "\r\n")
