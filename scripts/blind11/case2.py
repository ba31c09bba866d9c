"""Case 2: genetic testing laboratory (Estonia) with ~38 ordering providers (EE, LV, LT, FI)."""
import calendar
import datetime as dt

from common import Case, addr, csv_line, hexid, mime, mistype, text_part
from people import Contacts, Namer, ee_address
from shared import check, ids

LAB = "Heeliks Geenilabor OÜ"
LAB_DOM = "heeliks.example.com"
LAB_PHONE = "+372 730 0400"
GENETICISTS = [("Helle", "Raudsepp", "hraudsepp"), ("Andrus", "Kõiv", "akoiv"), ("Marina", "Golubeva", "mgolubeva")]
EE_PROVIDERS = ["Põhja-Eesti Kliinikum", "Tartu Linnakliinik", "Ida-Viru Keskhaigla", "Pärnu Maakonnahaigla",
                "Lääne-Tallinna Haigla", "Viljandi Tervisekeskus", "Fertiliteedikliinik Loode", "Naistekliinik Kesklinn",
                "Lastekliinik Päikseke", "Kardioloogiakeskus Süda", "Rakvere Maakonnahaigla", "Kuressaare Tervisekeskus",
                "Võru Perearstikeskus", "Narva Linnahaigla", "Haapsalu Tervisekeskus", "Jõhvi Perearstid",
                "Mustamäe Perearstikeskus", "Kristiine Perearstikeskus", "Nõmme Tervisekeskus", "Onkoloogiakeskus Elu",
                "Neuroloogiakliinik Närv", "Lasnamäe Tervisekeskus", "Valga Haigla", "Paide Tervisekeskus",
                "Rapla Perearstikeskus", "Jõgeva Tervisekeskus", "Põlva Haigla", "Viimsi Perearstid",
                "Maardu Tervisekeskus", "Keila Tervisekeskus", "Saue Perearstikeskus", "Elva Tervisekeskus",
                "Tapa Perearstid", "Geenikliinik Lõuna", "Sünnitusmaja Pelgulinn"]
FOREIGN = [("Rīgas Ģimenes klīnika", "LV", "lv"), ("Vilniaus šeimos klinika", "LT", "lt"),
           ("Helsingin Perinnöllisyyslääkärit Oy", "FI", "fi")]
TESTS = [
    ("Pärilik rinna- ja munasarjavähk (BRCA1, BRCA2)", "Hereditary breast and ovarian cancer (BRCA1, BRCA2)", "Z80.3",
     "perekonnas rinnavähk", "family history of breast cancer", ["BRCA1", "BRCA2"], "onco"),
    ("Kardiomüopaatia geenipaneel", "Cardiomyopathy gene panel", "I42.0", "dilatatiivne kardiomüopaatia",
     "dilated cardiomyopathy", ["TTN", "LMNA", "MYH7"], "cardio"),
    ("Tsüstilise fibroosi analüüs (CFTR)", "Cystic fibrosis (CFTR)", "E84.9", "tsüstilise fibroosi kahtlus",
     "suspected cystic fibrosis", ["CFTR"], "other"),
    ("Päriliku trombofiilia analüüs (F5, F2)", "Inherited thrombophilia (F5, F2)", "D68.5", "korduvad tromboosid",
     "recurrent venous thrombosis", ["F5", "F2"], "other"),
    ("Hemokromatoosi analüüs (HFE)", "Haemochromatosis (HFE)", "E83.1", "kõrgenenud ferritiin", "raised ferritin",
     ["HFE"], "other"),
    ("Lynchi sündroomi geenipaneel", "Lynch syndrome panel", "Z80.0", "perekonnas jämesoolevähk",
     "family history of colorectal cancer", ["MLH1", "MSH2", "MSH6"], "onco"),
    ("Pika QT sündroomi paneel", "Long QT syndrome panel", "I45.8", "pikenenud QT-intervall", "prolonged QT interval",
     ["KCNQ1", "KCNH2", "SCN5A"], "cardio"),
    ("Kromosoomne mikrokiip", "Chromosomal microarray", "F84.0", "arengu mahajäämus", "developmental delay",
     ["CMA"], "child"),
    ("Fragiilse X sündroomi analüüs (FMR1)", "Fragile X syndrome (FMR1)", "F79", "vaimse arengu mahajäämus",
     "intellectual disability", ["FMR1"], "child"),
]
TRANSCRIPT = {"BRCA1": "NM_007294.4", "BRCA2": "NM_000059.4", "TTN": "NM_001267550.2", "LMNA": "NM_170707.4",
              "MYH7": "NM_000257.4", "CFTR": "NM_000492.4", "F5": "NM_000130.5", "F2": "NM_000506.5",
              "HFE": "NM_000410.4", "MLH1": "NM_000249.4", "MSH2": "NM_000251.3", "MSH6": "NM_000179.3",
              "KCNQ1": "NM_000218.3", "KCNH2": "NM_000238.4", "SCN5A": "NM_198056.3", "FMR1": "NM_002024.6"}
AA = ["Ala", "Arg", "Asn", "Asp", "Cys", "Gln", "Glu", "Gly", "His", "Ile", "Leu", "Lys", "Met", "Phe", "Pro", "Ser",
      "Thr", "Trp", "Tyr", "Val"]
CLASS_ET = {5: "patogeenne", 4: "tõenäoliselt patogeenne", 3: "ebaselge tähtsusega variant (VUS)"}
CLASS_EN = {5: "pathogenic", 4: "likely pathogenic", 3: "variant of uncertain significance (VUS)"}
ID_TYPE = {"EE": "ee_isikukood", "LV": "lv_personas_kods", "LT": "lt_asmens_kodas", "FI": "fi_hetu"}
ID_LABEL = {"EE": "isikukood", "LV": "personas kods", "LT": "asmens kodas", "FI": "henkilötunnus"}
LV_CITIES = [("Rīga", "LV-10"), ("Jūrmala", "LV-20"), ("Jelgava", "LV-30")]
LT_CITIES = [("Vilnius", "LT-0"), ("Kaunas", "LT-4"), ("Klaipėda", "LT-9")]
FI_CITIES = [("Helsinki", "00"), ("Espoo", "02"), ("Vantaa", "01")]
LATEX_ACC = {"õ": "\\~{o}", "Õ": "\\~{O}", "ä": '\\"{a}', "Ä": '\\"{A}', "ö": '\\"{o}', "Ö": '\\"{O}', "ü": '\\"{u}',
             "Ü": '\\"{U}', "š": "\\v{s}", "Š": "\\v{S}", "ž": "\\v{z}", "Ž": "\\v{Z}", "ā": "\\={a}", "ē": "\\={e}",
             "ī": "\\={\\i}", "ū": "\\={u}", "ģ": "\\c{g}", "ķ": "\\c{k}", "ļ": "\\c{l}", "ņ": "\\c{n}", "č": "\\v{c}",
             "Č": "\\v{C}", "ą": "\\k{a}", "ę": "\\k{e}", "ė": "\\.{e}", "į": "\\k{i}", "ų": "\\k{u}"}
MON = ["JAN", "FEB", "MAR", "APR", "MAY", "JUN", "JUL", "AUG", "SEP", "OCT", "NOV", "DEC"]
ORG_DOW = ["E", "T", "K", "N", "R", "L", "P"]


def latex_plain(s):
    return s.replace("\\", "\\textbackslash{}").replace("_", "\\_").replace("&", "\\&").replace("%", "\\%").replace("#", "\\#")


def latex_legacy(s):
    return "".join(LATEX_ACC.get(ch, ch) for ch in latex_plain(s))


def is_ascii(s):
    return all(ord(ch) < 128 for ch in s)


def slug(s):
    return "".join(ch for ch in ids.ascii_fold(s).lower() if ch.isalnum())[:18]


def ged_date(d):
    return f"{d.day} {MON[d.month - 1]} {d.year}"


def build(seed):
    c = Case(2, "ee_genetics_lab", seed, f"Genetic testing laboratory {LAB} (EE); controllers are the ~38 ordering "
                                          "providers. New shapes: LaTeX result letters (UTF-8 and legacy accent macros), "
                                          "GEDCOM 5.5.1 pedigrees, REDCap raw export with data dictionary and R script, "
                                          "SPSS syntax with inline data (windows-1257), Emacs org-mode counselling notes, "
                                          "Apple Mail .emlx, Nextflow execution traces (sample ids only).")
    rng = c.rng
    namer = Namer(rng)
    con = Contacts(rng)
    for g, s, _ in GENETICISTS:
        namer.reserve(f"{g} {s}")
    providers = [(n, "EE", "et") for n in EE_PROVIDERS] + FOREIGN
    physicians = {}
    for pv, cc, lang in providers:
        nm = namer.make(lang if lang != "fi" else "fi", rng.random() < 0.6)
        physicians[pv] = (nm["full"], f"{slug(nm['given'])}.{slug(nm['surname'])}@{slug(pv)}.example.com")

    def nid_for(cc, dob, female):
        while True:
            if cc in ("EE", "LT"):
                v = ids.ee_like(rng, dob, female)
            elif cc == "LV":
                v = ids.lv_old(rng, dob)
            else:
                v = ids.fi_hetu(rng, dob, dob.year >= 2000 and rng.random() < 0.3)
            if v not in con.other:
                con.other.add(v)
                return v

    def foreign_addr(cc):
        if cc == "LV":
            city, pre = rng.choice(LV_CITIES)
            st = f"{rng.choice(['Brīvības iela', 'Elizabetes iela', 'Lāčplēša iela', 'Kr. Barona iela'])} {rng.randint(1, 140)}-{rng.randint(1, 40)}"
            z = f"{pre}{rng.randint(10, 99)}"
        elif cc == "LT":
            city, pre = rng.choice(LT_CITIES)
            st = f"{rng.choice(['Gedimino pr.', 'Savanorių pr.', 'Žalgirio g.', 'Vilniaus g.'])} {rng.randint(1, 140)}-{rng.randint(1, 40)}"
            z = f"{pre}{rng.randint(1000, 9999)}"
        else:
            city, pre = rng.choice(FI_CITIES)
            st = f"{rng.choice(['Mannerheimintie', 'Itäkatu', 'Länsiväylä', 'Tikkurilantie'])} {rng.randint(1, 90)} A {rng.randint(1, 30)}"
            z = f"{pre}{rng.randint(100, 990):03d}"
        return {"street": st, "zip": z, "city": city, "full": f"{st}, {z} {city}"}

    def make_person(lang, cc, female, dob, controllers, note="", surname=None):
        nm = namer.make(lang, female, surname=surname)
        p = c.person(nm["full"], lang, controllers, note)
        p.a.update(nm=nm, cc=cc, dob=dob, nid=nid_for(cc, dob, female), female=female)
        p.a["phone"] = con.phone(cc)[0] if rng.random() < 0.45 else None
        p.a["email"] = con.email(nm["given"], nm["surname"]) if rng.random() < 0.3 else None
        p.a["addr"] = (ee_address(rng) if cc == "EE" else foreign_addr(cc)) if rng.random() < 0.6 else None
        return p

    # ------------------------------------------------------------ patients and orders
    patients, orders = [], []
    onum, snum = 1000 + rng.randint(0, 200), 4000 + rng.randint(0, 300)
    for i in range(268):
        pv = rng.choices(providers, [10] * len(EE_PROVIDERS) + [6, 6, 6])[0]
        cc = pv[1]
        lang = pv[2] if cc != "EE" else rng.choices(["et", "ru", "en"], [70, 25, 5])[0]
        test = rng.choices(TESTS, [20, 14, 8, 8, 8, 10, 8, 5, 4])[0]
        if test[6] == "child" or (test[6] != "onco" and rng.random() < 0.05):
            dob = ids.rand_date(rng, 2008, 2021)
        else:
            dob = ids.rand_date(rng, 1948, 1999)
        female = rng.random() < (0.85 if test[6] == "onco" and "BRCA" in test[0] else 0.5)
        p = make_person(lang, cc, female, dob, [pv[0]])
        p.a["child"] = dob.year >= 2006
        patients.append(p)
        n_orders = 2 if (cc == "EE" and rng.random() < 0.09) else 1
        for k in range(n_orders):
            pvk = pv if k == 0 else rng.choice([x for x in providers[:len(EE_PROVIDERS)] if x != pv])
            if k == 1:
                p.controllers.append(pvk[0])
                p.note = "two ordering providers (two controllers)"
                test = rng.choice([t for t in TESTS if t[6] == test[6]] or TESTS)
            onum += rng.randint(1, 9)
            snum += rng.randint(1, 7)
            r = rng.random()
            cls = 5 if r < 0.22 else 4 if r < 0.3 else 3 if r < 0.45 else 0
            gene = rng.choice(test[5])
            if gene == "CMA":
                var = (f"arr[GRCh38] {rng.randint(1, 22)}q{rng.randint(11, 35)}.{rng.randint(1, 3)}"
                       f"({rng.randint(10, 99) * 10 ** 6}_{rng.randint(100, 199) * 10 ** 6})x{rng.choice([1, 3])}", "")
            else:
                pos = rng.randint(50, 9000)
                ref, alt = rng.sample("ACGT", 2)
                var = (f"{TRANSCRIPT[gene]}:c.{pos}{ref}>{alt}",
                       f"p.({rng.choice(AA)}{pos // 3 + 1}{rng.choice(AA + ['Ter'])})")
            o = {"id": f"G2023-{onum:05d}", "sample": f"S23-{snum:05d}", "p": p, "prov": pvk, "test": test,
                 "cls": cls, "gene": gene, "var": var, "issued": rng.random() < 0.94,
                 "date": dt.date(2023, rng.randint(1, 9), rng.randint(1, 28))}
            if p.a["child"]:
                o["issued"] = True
            orders.append(o)
        if p.a["child"]:
            # the legal representative (a parent) is a person of their own
            rf = rng.random() < 0.7
            sur = p.a["nm"]["surname"]
            if lang == "ru":
                base = sur[:-1] if sur.endswith("a") else sur
                sur = base + "a" if rf else base
            elif lang in ("lv", "lt"):
                sur = None
            rep = make_person(lang, cc, rf, ids.rand_date(rng, 1975, 1995), [pv[0]],
                              note=f"legal representative of {p.tid}", surname=sur)
            if not rep.a["phone"]:
                rep.a["phone"] = con.phone(cc)[0]
            p.a["rep"] = rep
    orders.sort(key=lambda o: o["id"])

    def id_raw(p):
        return p.a["nid"]

    def phone_raw(p):
        return ids.render_phone(rng, p.a["cc"], p.a["phone"])[0]

    def cc_num(p):
        return ids.CC[p.a["cc"]]

    # ============================================================ 1. LaTeX result letters
    signer_of = {}
    for o in orders:
        if not o["issued"]:
            continue
        p, pv, test = o["p"], o["prov"], o["test"]
        en = pv[1] != "EE"
        legacy = (not en) and rng.random() < 0.22
        esc = latex_plain
        path = f"vastused/2023/{o['date'].month:02d}/{o['id']}_vastus.tex"
        g = GENETICISTS[(o["date"].day + o["date"].month) % 3]
        signer_of[o["id"]] = g
        dob_s = o["p"].a["dob"].strftime("%d.%m.%Y")
        L = [f"% {LAB} LIMS 4.2 -- automaatselt genereeritud {o['date'] + dt.timedelta(days=rng.randint(7, 30))}",
             "\\documentclass[11pt,a4paper]{scrlttr2}" if not legacy else "\\documentclass[11pt,a4paper]{letter}"]
        if not legacy:
            L += ["\\usepackage[utf8]{inputenc}", "\\usepackage[T1]{fontenc}",
                  "\\usepackage[" + ("english" if en else "estonian") + "]{babel}", "\\usepackage{booktabs}",
                  f"\\setkomavar{{fromname}}{{{esc(LAB)}}}", "\\setkomavar{fromaddress}{Teaduspargi 7, 50411 Tartu}",
                  f"\\setkomavar{{fromphone}}{{{LAB_PHONE}}}", f"\\setkomavar{{fromemail}}{{vastused@{LAB_DOM}}}",
                  f"\\setkomavar{{signature}}{{dr {esc(g[0] + ' ' + g[1])}\\\\{'clinical geneticist' if en else 'kliiniline geneetik'}}}"]
        else:
            L += ["\\usepackage[T1]{fontenc}", "\\address{" + latex_legacy(LAB) + "\\\\Teaduspargi 7\\\\50411 Tartu}",
                  f"\\signature{{dr {latex_legacy(g[0] + ' ' + g[1])}\\\\kliiniline geneetik}}"]
        L += [f"\\newcommand{{\\patsient}}{{{esc(p.name)}}}", f"\\newcommand{{\\isikukood}}{{{id_raw(p)}}}",
              f"\\newcommand{{\\tellimus}}{{{o['id']}}}", f"\\newcommand{{\\proov}}{{{o['sample']}}}",
              "\\begin{document}", f"\\begin{{letter}}{{{esc(pv[0])}}}",
              f"\\opening{{{'Dear colleague,' if en else 'Lugupeetud kolleeg!'}}}", "",
              "\\begin{tabular}{@{}ll@{}}"]
        lab = (lambda e, t: e if en else t)
        L.append(f"{lab('Patient', 'Patsient')}: & \\patsient \\\\")
        L.append(f"{lab('Personal code (' + ID_LABEL[pv[1]] + ')', 'Isikukood')}: & \\isikukood \\\\")
        L.append(f"{lab('Date of birth', 'Sünniaeg')}: & {dob_s} \\\\")
        if p.a["addr"]:
            L.append(f"{lab('Address', 'Aadress')}: & {esc(p.a['addr']['full'])} \\\\")
        if p.a["phone"] and rng.random() < 0.8:
            ph = phone_raw(p)
            L.append(f"{lab('Phone', 'Telefon')}: & {ph} \\\\")
        else:
            ph = None
        rep = p.a.get("rep")
        if rep:
            rph = phone_raw(rep)
            L.append(f"{lab('Legal representative', 'Seaduslik esindaja')}: & {esc(rep.name)} "
                     f"({lab(ID_LABEL[pv[1]], 'isikukood')} {rep.a['nid']}, tel. {rph}) \\\\")
        L.append(f"{lab('Sample', 'Proov')}: & \\proov{{}} ({lab('blood, EDTA', 'veri, EDTA')}), "
                 f"{lab('collected', 'võetud')} {o['date'].strftime('%d.%m.%Y')} \\\\")
        L.append(f"{lab('Indication', 'Näidustus')}: & {test[2]} -- {esc(lab(test[4], test[3]))} \\\\")
        L.append(f"{lab('Test', 'Uuring')}: & {esc(lab(test[1], test[0]))} \\\\")
        L += ["\\end{tabular}", "", f"\\section*{{{lab('Result', 'Tulemus')}}}"]
        if o["cls"]:
            cls = (CLASS_EN if en else CLASS_ET)[o["cls"]]
            L += ["\\begin{tabular}{@{}llll@{}}\\toprule" if not legacy else "\\begin{tabular}{|l|l|l|l|}\\hline",
                  f"{lab('Gene', 'Geen')} & Variant & {lab('Protein', 'Valgu muutus')} & {lab('Class', 'Klass')} \\\\ "
                  + ("\\midrule" if not legacy else "\\hline"),
                  f"\\textit{{{o['gene']}}} & {latex_plain(o['var'][0]).replace('>', chr(92) + 'textgreater{}')} & "
                  f"{o['var'][1]} & {esc(cls)} \\\\ " + ("\\bottomrule" if not legacy else "\\hline"), "\\end{tabular}", ""]
            summ = lab(f"A heterozygous {cls} variant was detected in \\textit{{{o['gene']}}}.",
                       f"Patsiendil tuvastati geenis \\textit{{{o['gene']}}} {esc(cls)}.")
            if o["cls"] >= 4:
                summ += lab(" Genetic counselling and cascade testing of relatives are recommended.",
                            " Soovitame geneetilist nõustamist ja sugulaste kaskaadtestimist.")
        else:
            summ = lab("No pathogenic or likely pathogenic variants were detected in the analysed genes "
                       f"({', '.join(test[5])}).",
                       "Uuritud geenides (" + ", ".join(test[5]) + ") patogeenseid ega tõenäoliselt patogeenseid "
                       "variante ei tuvastatud.")
        L += [f"\\section*{{{lab('Summary', 'Kokkuvõte')}}}", summ, "",
              f"\\closing{{{lab('Yours sincerely,', 'Lugupidamisega')}}}", "\\end{letter}", "\\end{document}", ""]
        body = "\n".join(L)
        if legacy:
            body = "".join(LATEX_ACC.get(ch, ch) for ch in body)
        c.text(path, body, enc="utf-8" if not legacy else "ascii")
        t = ID_TYPE[p.a["cc"]]
        c.ident(p, t, p.a["nid"], id_raw(p), path, "\\isikukood")
        if legacy and not is_ascii(p.name):
            c.expose(p, "name", path, "\\patsient (accent macros)", req=False)
        else:
            c.name(p, path, "\\patsient", p.name)
        c.dob(p, path, "Sünniaeg" if not en else "Date of birth", dob_s)
        if p.a["addr"]:
            a = p.a["addr"]["full"]
            if legacy and not is_ascii(a):
                c.expose(p, "postal_address", path, "Aadress (accent macros)", req=False)
            else:
                c.address(p, path, "Aadress" if not en else "Address", esc(a))
        if ph:
            c.ident(p, "phone", ids.e164(p.a["cc"], p.a["phone"]), ph, path, "Telefon", cc=cc_num(p))
        c.expose(p, "health_data", path, "Näidustus", ev=test[2])
        c.expose(p, "genetic_data", path, "Tulemus", ev=o["gene"] if o["cls"] else test[5][0])
        c.expose(p, "lab_result", path, "Tulemus", req=False)
        c.link(p, path, "sample:" + o["sample"])
        if rep:
            c.ident(rep, ID_TYPE[rep.a["cc"]], rep.a["nid"], rep.a["nid"], path, "Seaduslik esindaja")
            if legacy and not is_ascii(rep.name):
                c.expose(rep, "name", path, "Seaduslik esindaja (accent macros)", req=False)
            else:
                c.name(rep, path, "Seaduslik esindaja", rep.name)
            c.ident(rep, "phone", ids.e164(rep.a["cc"], rep.a["phone"]), rph, path, "Seaduslik esindaja", cc=cc_num(rep))
    c.decoy("lab_phone", LAB_PHONE, next(d for d in c.docs if d.startswith("vastused/") and "scrlttr2" in c.docs[d].data.decode("utf-8", "replace")),
            "fromphone", "the laboratory's switchboard", must_fail=False)

    # ============================================================ 2. GEDCOM pedigrees
    ged_orders = [o for o in orders if o["test"][6] in ("onco", "cardio") and o["p"].a["cc"] == "EE"
                  and not o["p"].a["child"] and o["p"].language in ("et", "ru")]
    ged_orders = [o for o in ged_orders if rng.random() < 0.2]
    seen_ged = set()
    for o in ged_orders:
        p = o["p"]
        if p.tid in seen_ged:
            continue
        seen_ged.add(p.tid)
        path = f"sugupuud/{o['id']}.ged"
        ansi = rng.random() < 0.25
        lang = p.language
        pv = o["prov"][0]
        male_sur = p.a["nm"]["surname"]
        if lang == "ru" and p.a["female"] and male_sur.endswith("a"):
            male_sur = male_sur[:-1]

        def sur_for(female):
            return male_sur + "a" if (lang == "ru" and female) else male_sur

        indis = []      # (ref, dict)
        pb = p.a["dob"]
        g = GENETICISTS[rng.randrange(3)]
        G = ["0 HEAD", "1 SOUR HELIKS_PEDIGREE", "2 VERS 2.3", "2 NAME Heeliks Pedigree", "1 DEST ANY",
             f"1 DATE {ged_date(o['date'] + dt.timedelta(days=rng.randint(1, 20)))}", "1 SUBM @U1@",
             "1 GEDC", "2 VERS 5.5.1", "2 FORM LINEAGE-LINKED", f"1 CHAR {'ANSI' if ansi else 'UTF-8'}",
             f"1 NOTE Tellimus {o['id']}, {pv}", "0 @U1@ SUBM", f"1 NAME {g[0]} {g[1]}", f"1 EMAIL {g[2]}@{LAB_DOM}"]
        rel_specs = [("isa", False, pb.year - rng.randint(22, 38)), ("ema", True, pb.year - rng.randint(20, 36))]
        for _ in range(rng.randint(1, 2)):
            rel_specs.append(("õde" if rng.random() < 0.5 else "vend", None, pb.year + rng.randint(-8, 8)))
        if pb.year < 1985 and rng.random() < 0.5:
            rel_specs.append(("laps", None, pb.year + rng.randint(22, 34)))
        refs = {"proband": "@I1@"}
        G += ["0 @I1@ INDI", f"1 NAME {p.a['nm']['given']} /{p.a['nm']['surname']}/"]
        if rng.random() < 0.6:
            G += [f"2 GIVN {p.a['nm']['given']}", f"2 SURN {p.a['nm']['surname']}"]
        G += [f"1 SEX {'F' if p.a['female'] else 'M'}", "1 BIRT", f"2 DATE {ged_date(pb)}",
              f"1 IDNO {p.a['nid']}", "2 TYPE Isikukood"]
        note = (f"1 NOTE Probandi. {o['gene']} {o['var'][0]} {CLASS_ET[o['cls']]}" if o["cls"]
                else f"1 NOTE Probandi. {', '.join(o['test'][5])}: patogeenseid variante ei leitud")
        G.append(note)
        c.name(p, path, "INDI @I1@ NAME", f"{p.a['nm']['given']} /{p.a['nm']['surname']}/")
        c.dob(p, path, "BIRT DATE", ged_date(pb))
        c.ident(p, "ee_isikukood", p.a["nid"], p.a["nid"], path, "IDNO")
        c.expose(p, "genetic_data", path, "NOTE", ev=o["gene"] if o["cls"] else o["test"][5][0])
        c.expose(p, "health_data", path, "NOTE", req=False)
        fam_children = ["@I1@"]
        n = 2
        recs = []
        for role, female, year in rel_specs:
            female = (rng.random() < 0.5) if female is None else female
            if role in ("õde", "vend"):
                role = "õde" if female else "vend"
            if year > 2020:
                continue
            ref = f"@I{n}@"
            n += 1
            living = not (role in ("isa", "ema") and (year < 1946 or rng.random() < 0.35))
            try:
                nm = namer.make(lang, female, surname=sur_for(female) if role != "ema" or rng.random() < 0.7 else None)
            except RuntimeError:
                continue
            dob = dt.date(year, rng.randint(1, 12), rng.randint(1, 28))
            G += [f"0 {ref} INDI", f"1 NAME {nm['given']} /{nm['surname']}/", f"1 SEX {'F' if female else 'M'}", "1 BIRT"]
            full_date = rng.random() < 0.7
            G.append(f"2 DATE {ged_date(dob) if full_date else year}")
            rec = {"ref": ref, "role": role, "nm": nm, "female": female, "dob": dob, "full": full_date, "living": living}
            if not living:
                dy = min(2022, year + rng.randint(45, 75))
                if o["test"][6] == "onco":
                    cause = rng.choice(["Rinnavähk", "Munasarjavähk", "Jämesoolevähk"] if female else
                                       ["Jämesoolevähk", "Eesnäärmevähk", "Kõhunäärmevähk"])
                else:
                    cause = rng.choice(["Äkksurm", "Südamepuudulikkus"])
                G += ["1 DEAT Y", f"2 DATE {dy}", f"2 CAUS {cause} {dy - year}-aastaselt"]
                c.not_persons.append({"name": nm["full"], "file": path, "reason": "deceased relative in a pedigree"})
            else:
                if rng.random() < 0.4:
                    rec["nid"] = nid_for("EE", dob, female)
                    G += [f"1 IDNO {rec['nid']}", "2 TYPE Isikukood"]
                if rng.random() < 0.2 and dob.year < 2000:
                    if o["test"][6] == "onco":
                        diag = rng.choice(["rinnavähk 2019", "munasarjavähk 2021", "jämesoolevähk 2018"] if female else
                                          ["jämesoolevähk 2018", "eesnäärmevähk 2020", "kõhunäärmevähk 2022"])
                    else:
                        diag = rng.choice(["DCM, ICD 2021", "kodade virvendus 2020", "pikk QT 2017"])
                    rec["diag"] = diag
                    G.append(f"1 NOTE Diagnoos: {diag}")
                if rng.random() < 0.3:
                    rec["phone"] = con.phone("EE")[0]
                    rec["phone_raw"] = ids.render_phone(rng, "EE", rec["phone"])[0]
                    G.append(f"1 NOTE Kaskaadtestimine soovitatud, tel {rec['phone_raw']}")
            G.append(f"1 {'FAMS' if role in ('isa', 'ema') else 'FAMC' if role != 'laps' else 'FAMC'} "
                     f"{'@F1@' if role != 'laps' else '@F2@'}")
            if role in ("õde", "vend"):
                fam_children.append(ref)
            recs.append(rec)
        G.insert(G.index(note) + 1, "1 FAMC @F1@")
        fa = next((r for r in recs if r["role"] == "isa"), None)
        mo = next((r for r in recs if r["role"] == "ema"), None)
        G += ["0 @F1@ FAM"] + ([f"1 HUSB {fa['ref']}"] if fa else []) + ([f"1 WIFE {mo['ref']}"] if mo else []) + \
            [f"1 CHIL {r}" for r in fam_children]
        kids = [r for r in recs if r["role"] == "laps"]
        if kids:
            G.insert(G.index("1 FAMC @F1@") + 1, "1 FAMS @F2@")
            G += ["0 @F2@ FAM", f"1 {'WIFE' if p.a['female'] else 'HUSB'} @I1@"] + [f"1 CHIL {r['ref']}" for r in kids]
        G.append("0 TRLR")
        c.text(path, "\n".join(G) + "\n", enc="cp1252" if ansi else "utf-8")
        for r in recs:
            if not r["living"]:
                continue
            q = c.person(r["nm"]["full"], lang, [pv], f"living relative ({r['role']}) of {p.tid} in a pedigree")
            c.name(q, path, f"INDI {r['ref']} NAME", f"{r['nm']['given']} /{r['nm']['surname']}/")
            if r["full"]:
                c.dob(q, path, "BIRT DATE", ged_date(r["dob"]))
            else:
                c.expose(q, "date_of_birth", path, "BIRT DATE (year only)", req=False)
            if r.get("nid"):
                c.ident(q, "ee_isikukood", r["nid"], r["nid"], path, "IDNO")
            if r.get("diag"):
                c.expose(q, "health_data", path, "NOTE Diagnoos", ev=r["diag"])
            if r.get("phone"):
                c.ident(q, "phone", ids.e164("EE", r["phone"]), r["phone_raw"], path, "NOTE", cc="372")
            c.expose(q, "genetic_data", path, "pedigree of a variant carrier", req=False)

    # ============================================================ 3. REDCap cohort export
    cardio = [o for o in orders if o["test"][6] == "cardio" and o["p"].a["cc"] == "EE" and o["issued"]]
    cohort = []
    for o in cardio:
        if o["p"] not in [x["p"] for x in cohort] and rng.random() < 0.75:
            cohort.append(o)
    sites = sorted({o["prov"][0] for o in cohort})
    doc = "uuringud/GENKARDIO/GENKARDIO_DATA_2023-09-20_1422.csv"
    hdr = ["record_id", "redcap_event_name", "redcap_repeat_instrument", "redcap_repeat_instance", "nimi", "isikukood",
           "synniaeg", "sugu", "telefon", "email", "saatja", "icd10", "kliiniline_info", "demograafia_complete",
           "geen", "hgvs_c", "hgvs_p", "acmg", "tulemus", "tulemus_complete", "jalg_kuupaev", "ef_protsent", "nyha",
           "jalgimine_complete"]
    R = [",".join(hdr)]
    for i, o in enumerate(cohort):
        p = o["p"]
        rid = f"{i + 1}"
        ph = phone_raw(p) if p.a["phone"] else ""
        res = "positiivne" if o["cls"] >= 4 else "VUS" if o["cls"] == 3 else "negatiivne"
        info = rng.choice(["EF 35%, NYHA II", "sünkoobid koormusel", "vend äkksurm 42-a", "QTc 510 ms", "EF 28%, ICD"])
        R.append(csv_line([rid, "baseline_arm_1", "", "", p.name, p.a["nid"], p.a["dob"].isoformat(),
                           "2" if p.a["female"] else "1", ph, p.a["email"] or "", sites.index(o["prov"][0]) + 1,
                           o["test"][2], info, "2", o["gene"] if o["cls"] else "", o["var"][0] if o["cls"] else "",
                           o["var"][1] if o["cls"] else "", str(o["cls"]) if o["cls"] else "", res, "2", "", "", "", ""]))
        fu = o["date"] + dt.timedelta(days=rng.randint(90, 150))
        if rng.random() < 0.7 and fu <= dt.date(2023, 9, 15):
            R.append(csv_line([rid, "followup_3m_arm_1", "", "", "", "", "", "", "", "", "", "", "", "", "", "", "", "",
                               "", "", fu.isoformat(),
                               str(rng.randint(20, 60)), str(rng.randint(1, 4)), rng.choice(["0", "1", "2"])]))
            c.expose(p, "health_data", doc, "followup_3m_arm_1 [ef_protsent, nyha]", req=False)
        c.name(p, doc, "nimi", p.name)
        c.ident(p, "ee_isikukood", p.a["nid"], p.a["nid"], doc, "isikukood")
        c.dob(p, doc, "synniaeg", p.a["dob"].isoformat())
        if ph:
            c.ident(p, "phone", ids.e164("EE", p.a["phone"]), ph, doc, "telefon", cc="372")
        if p.a["email"]:
            c.ident(p, "email", p.a["email"], p.a["email"], doc, "email")
        c.expose(p, "health_data", doc, "icd10, kliiniline_info", ev=info)
        c.expose(p, "genetic_data", doc, "geen, hgvs_c, tulemus", ev=res)
    c.text(doc, "\n".join(R) + "\n")
    dd = ['"Variable / Field Name","Form Name","Section Header","Field Type","Field Label","Choices, Calculations, OR Slider Labels",'
          '"Field Note","Text Validation Type OR Show Slider Number","Text Validation Min","Text Validation Max",Identifier?,'
          '"Branching Logic (Show field only if...)","Required Field?","Custom Alignment","Question Number (surveys only)",'
          '"Matrix Group Name","Matrix Ranking?","Field Annotation"']
    fields = [("record_id", "demograafia", "text", "Uuritava ID", "", ""), ("nimi", "demograafia", "text", "Nimi", "", "y"),
              ("isikukood", "demograafia", "text", "Isikukood", "", "y"),
              ("synniaeg", "demograafia", "text", "Sünniaeg", "", "y"), ("sugu", "demograafia", "radio", "Sugu", "1, mees | 2, naine", ""),
              ("telefon", "demograafia", "text", "Telefon", "", "y"), ("email", "demograafia", "text", "E-post", "", "y"),
              ("saatja", "demograafia", "dropdown", "Saatja asutus", " | ".join(f"{i + 1}, {s}" for i, s in enumerate(sites)), ""),
              ("icd10", "demograafia", "text", "Diagnoos (RHK-10)", "", ""), ("kliiniline_info", "demograafia", "notes", "Kliiniline info", "", ""),
              ("geen", "tulemus", "text", "Geen", "", ""), ("hgvs_c", "tulemus", "text", "HGVS c.", "", ""),
              ("hgvs_p", "tulemus", "text", "HGVS p.", "", ""),
              ("acmg", "tulemus", "dropdown", "ACMG klass", "3, VUS | 4, tõenäoliselt patogeenne | 5, patogeenne", ""),
              ("tulemus", "tulemus", "text", "Kokkuvõte", "", ""), ("jalg_kuupaev", "jalgimine", "text", "Jälgimise kuupäev", "", ""),
              ("ef_protsent", "jalgimine", "text", "EF (%)", "", ""), ("nyha", "jalgimine", "radio", "NYHA klass", "1, I | 2, II | 3, III | 4, IV", "")]
    for f, form, ft, label, ch, ident in fields:
        dd.append(csv_line([f, form, "", ft, label, ch, "", "date_ymd" if f in ("synniaeg", "jalg_kuupaev") else "", "", "",
                            ident, "", "y" if f == "record_id" else "", "", "", "", "", ""]))
    c.text("uuringud/GENKARDIO/GENKARDIO_DataDictionary_2023-09-20.csv", "\n".join(dd) + "\n")
    rs = ["#Clear existing Data", "rm(list=ls())", "#Load Hmisc library", "library(Hmisc)", "#Read Data",
          "data=read.csv('GENKARDIO_DATA_2023-09-20_1422.csv')", "#Setting Labels"]
    for f, form, ft, label, ch, ident in fields:
        rs.append(f'label(data${f})="{label}"')
    rs += ["#Setting Factors(will create new variable for factors)",
           "data$sugu.factor = factor(data$sugu,levels=c(\"1\",\"2\"))",
           "levels(data$sugu.factor)=c(\"mees\",\"naine\")"]
    c.text("uuringud/GENKARDIO/GENKARDIO_R_2023-09-20_1422.r", "\n".join(rs) + "\n")

    # ============================================================ 4. SPSS syntax with inline data
    doc = "statistika/valideerimine_NGS_Sanger_2023Q3.sps"
    val = [o for o in orders if o["issued"] and o["cls"] and o["p"].a["cc"] == "EE" and o["gene"] != "CMA"]
    val = rng.sample(val, min(36, len(val)))
    S = ["* Encoding: windows-1257.", "* NGS vs Sanger valideerimine, III kvartal 2023. Koostas: A. Kõiv.",
         "SET DECIMAL=COMMA.", "DATA LIST LIST /proov (A9) isikukood (A11) nimi (A40) synd (ADATE10) geen (A8) "
         "ngs (F1.0) sanger (F1.0).", "BEGIN DATA"]
    for o in val:
        p = o["p"]
        nm = f"{p.a['nm']['surname']}, {p.a['nm']['given']}"
        S.append(f"{o['sample']} {p.a['nid']} \"{nm}\" {p.a['dob'].strftime('%m/%d/%Y')} {o['gene']} 1 "
                 f"{1 if rng.random() < 0.95 else 0}")
        c.name(p, doc, "nimi", nm)
        c.ident(p, "ee_isikukood", p.a["nid"], p.a["nid"], doc, "isikukood")
        c.dob(p, doc, "synd (ADATE10)", p.a["dob"].strftime("%m/%d/%Y"))
        c.expose(p, "genetic_data", doc, "geen, ngs, sanger", ev=f"{o['gene']} 1 ")
        c.link(p, doc, "sample:" + o["sample"])
    S += ["END DATA.", "VARIABLE LABELS proov 'Proovi number' /isikukood 'Isikukood' /nimi 'Patsient' /synd 'Sünniaeg'",
          "  /geen 'Geen' /ngs 'NGS tulemus' /sanger 'Sangeri kinnitus'.",
          "VALUE LABELS ngs sanger 0 'negatiivne' 1 'positiivne'.", "CROSSTABS /TABLES=ngs BY sanger /CELLS=COUNT.",
          "EXECUTE.", ""]
    c.text(doc, "\r\n".join(S), enc="cp1257")

    # ============================================================ 5. org-mode counselling notes
    counselled = [o for o in orders if o["issued"] and o["p"].a["cc"] == "EE"]
    counselled = rng.sample(counselled, 96)
    waiting = [o for o in orders if not o["issued"]] + rng.sample([o for o in orders if o["issued"]], 6)
    for gi, (gname, gsur, login) in enumerate(GENETICISTS):
        doc = f"noustamine/{login}_2023.org"
        O = [f"#+TITLE: Nõustamised 2023", f"#+AUTHOR: {gname} {gsur}", f"#+EMAIL: {login}@{LAB_DOM}",
             "#+STARTUP: overview", "#+TODO: TODO OOTEL | DONE", "", "* 2023"]
        mine = [o for k, o in enumerate(counselled) if k % 3 == gi]
        mine.sort(key=lambda o: o["date"])
        for o in mine:
            p = o["p"]
            d = o["date"] + dt.timedelta(days=rng.randint(20, 60))
            if d.year > 2023 or d > dt.date(2023, 9, 22):
                d = dt.date(2023, 9, rng.randint(1, 22))
            stamp = f"[{d.isoformat()} {ORG_DOW[d.weekday()]} {rng.randint(8, 16)}:{rng.choice(['00', '15', '30', '45'])}]"
            cyr = p.language == "ru" and gi == 2 and p.a["nm"]["cyr"]
            shown = p.a["nm"]["cyr"] if cyr else p.name
            tag = ":" + ("BRCA" if "BRCA" in o["test"][0] else o["test"][6].upper()) + ":"
            kind = rng.random()
            if kind < 0.75:
                head = (f"** DONE {shown} — разъяснение результата" if cyr else
                        f"** DONE {shown} – {o['gene'] if o['cls'] else 'negatiivse'} vastuse selgitamine")
                O += [f"{head:<70}{tag}", f"   CLOSED: {stamp}", "   :PROPERTIES:"]
                has_ik = rng.random() < 0.75
                if has_ik:
                    O.append(f"   :ISIKUKOOD: {p.a['nid']}")
                ph = phone_raw(p) if (p.a["phone"] and rng.random() < 0.6) else None
                if ph:
                    O.append(f"   :TELEFON:  {ph}")
                if p.a["email"] and rng.random() < 0.5:
                    O.append(f"   :EPOST:    {p.a['email']}")
                    c.ident(p, "email", p.a["email"], p.a["email"], doc, ":EPOST:")
                O += [f"   :TELLIMUS: {o['id']}", "   :END:"]
                c.link(p, doc, "order:" + o["id"])
                if o["cls"]:
                    txt = f"   {o['gene']} {o['var'][0]} – {CLASS_ET[o['cls']]}. Selgitasin pärilikkust, " \
                          f"kaskaadtestimine sugulastele soovitatud."
                else:
                    txt = "   Vastus negatiivne. Perekonna anamneesi alusel jälgimine perearsti juures."
                O += [txt, ""]
                if not has_ik and not ph:
                    O.insert(len(O) - 2, f"   Tellimus {o['id']}, sünd {p.a['dob'].strftime('%d.%m.%Y')}.")
                    c.dob(p, doc, "body", p.a["dob"].strftime("%d.%m.%Y"))
                c.name(p, doc, "headline", shown)
                if has_ik:
                    c.ident(p, ID_TYPE[p.a["cc"]], p.a["nid"], p.a["nid"], doc, ":ISIKUKOOD:")
                if ph:
                    c.ident(p, "phone", ids.e164("EE", p.a["phone"]), ph, doc, ":TELEFON:", cc="372")
                c.expose(p, "genetic_data", doc, "body", ev=(o["gene"] if o["cls"] else "Vastus negatiivne"))
                c.expose(p, "health_data", doc, "body", req=False)
            else:
                if not p.a["phone"]:
                    p.a["phone"] = con.phone("EE")[0]
                ph = phone_raw(p)
                O += [f"** TODO Helistada: {shown} (tel {ph}) – vastus {o['id']} ootel", f"   SCHEDULED: <{d.isoformat()} {ORG_DOW[d.weekday()]}>", ""]
                c.name(p, doc, "headline", shown)
                c.ident(p, "phone", ids.e164("EE", p.a["phone"]), ph, doc, "headline", cc="372")
                c.link(p, doc, "order:" + o["id"])
                c.expose(p, "genetic_data", doc, "headline", req=False)
        mine_w = [o for k, o in enumerate(waiting) if k % 3 == gi]
        if mine_w:
            O += ["* Ootejärjekord", "| Nimi | Isikukood | Uuring | Saatja |", "|------+-----------+--------+--------|"]
            for o in mine_w:
                p = o["p"]
                O.append(f"| {p.name} | {p.a['nid']} | {o['test'][0]} | {o['prov'][0]} |")
                c.name(p, doc, "Ootejärjekord [Nimi]", p.name)
                c.ident(p, ID_TYPE[p.a["cc"]], p.a["nid"], p.a["nid"], doc, "Ootejärjekord [Isikukood]")
                c.link(p, doc, "order:" + o["id"])
                c.expose(p, "genetic_data", doc, "Ootejärjekord [Uuring]", req=False)
        O.append("")
        c.text(doc, "\n".join(O))
    # the TODO headlines carry only a name and a phone: make sure the order id links them
    for o in orders:
        for d in list(o["p"].links):
            if d.startswith("vastused/") and o["id"] in d:
                c.link(o["p"], d, "order:" + o["id"])

    # ============================================================ 6. Apple Mail .emlx
    n = 4100
    t = dt.datetime(2023, 9, 18, 8, 0)
    ask = rng.sample([o for o in orders if o["issued"]], 26)
    worried = rng.sample([p for p in patients if p.a["cc"] == "EE" and not p.a["child"]], 20)
    msgs = []
    phys_decoys = []
    mistyped = []
    for o in ask:
        p = o["p"]
        pv = o["prov"][0]
        doctor, dmail = physicians[pv]
        body = {True: f"Hello,\n\nplease resend the result of our patient {p.name} ({ID_LABEL[o['prov'][1]]} {p.a['nid']}), "
                      f"order {o['id']}. The PDF did not open.\n\nBest regards\n{doctor}\n{pv}\n",
                False: f"Tere!\n\nPalun saatke uuesti patsiendi {p.name} (isikukood {p.a['nid']}) vastus, tellimus {o['id']}.\n"
                       f"Eelmine fail ei avanenud.\n\nParimate soovidega\n{doctor}\n{pv}\n"}[o["prov"][1] != "EE"]
        msgs.append(("doc", p, o, doctor, dmail, body))
        if len([m for m in msgs if m[0] == "doc"]) <= 10:
            phys_decoys.append(dmail)
    for p in worried:
        if not p.a["email"]:
            p.a["email"] = con.email(p.a["nm"]["given"], p.a["nm"]["surname"])
        o = next(x for x in orders if x["p"] is p)
        if not p.a["phone"] and rng.random() < 0.5:
            p.a["phone"] = con.phone("EE")[0]
        ph = phone_raw(p) if p.a["phone"] else None
        bad = mistype(rng, p.a["nid"], check.v_ee) if rng.random() < 0.3 else None
        if bad:
            mistyped.append(bad)
        if p.language == "ru":
            body = (f"Здравствуйте!\n\nЯ {'сдавала' if p.a['female'] else 'сдавал'} у вас генетический анализ ({o['test'][0]}), заказ {o['id']}.\n"
                    f"{'Прочитала' if p.a['female'] else 'Прочитал'} в новостях об утечке данных. Какие мои данные были украдены?\n"
                    + (f"Личный код {bad} (извините, правильно: {p.a['nid']})" if bad else f"Личный код {p.a['nid']}")
                    + (f", телефон {ph}" if ph else "") + f".\n\n{p.a['nm']['cyr'] or p.name}\n")
        else:
            body = (f"Tere!\n\nTegin teie laboris geeniuuringu ({o['test'][0]}), tellimus {o['id']}.\n"
                    f"Lugesin uudistest andmelekkest. Milliseid minu andmeid see puudutab?\n"
                    + (f"Isikukood {bad}, vabandust, õige on {p.a['nid']}" if bad else f"Isikukood {p.a['nid']}")
                    + (f", telefon {ph}" if ph else "") + f".\n\n{p.name}\n")
        msgs.append(("pat", p, o, None, None, (body, ph)))
    rng.shuffle(msgs)
    for kind, p, o, doctor, dmail, body in msgs:
        t += dt.timedelta(minutes=rng.randint(10, 500))
        n += rng.randint(1, 5)
        path = f"post/Postkast.mbox/Messages/{n}.emlx"
        if kind == "doc":
            frm = addr(doctor, dmail)
            subj = "Vastuse uuesti saatmine" if o["prov"][1] == "EE" else "Resend of result"
            text = body
        else:
            shown = p.a["nm"]["cyr"] if (p.language == "ru" and p.a["nm"]["cyr"]) else p.name
            frm = addr(shown, p.a["email"])
            subj = "Andmeleke" if p.language != "ru" else "Утечка данных"
            text, ph = body
        from email.header import Header
        try:
            subj.encode("ascii")
        except UnicodeEncodeError:
            subj = Header(subj, "utf-8").encode()
        cte = "base64" if (kind == "pat" and p.language == "ru") else "quoted-printable"
        headers = [("Return-Path", f"<{dmail or p.a['email']}>"), ("From", frm), ("To", f"Heeliks vastused <vastused@{LAB_DOM}>"),
                   ("Subject", subj), ("Date", t.strftime("%a, %d %b %Y %H:%M:%S +0300")),
                   ("Message-Id", f"<{hexid(rng, 16).upper()}@{(dmail or p.a['email']).split('@')[1]}>"),
                   ("X-Mailer", "Apple Mail (2.3731.700.6)")]
        msg = mime(headers, [text_part(text, "utf-8", cte)]).encode("ascii")
        epoch = calendar.timegm(t.timetuple()) - 3 * 3600
        plist = ('<?xml version="1.0" encoding="UTF-8"?>\n<!DOCTYPE plist PUBLIC "-//Apple//DTD PLIST 1.0//EN" '
                 '"http://www.apple.com/DTDs/PropertyList-1.0.dtd">\n<plist version="1.0">\n<dict>\n'
                 f'\t<key>date-last-viewed</key>\n\t<integer>{epoch + rng.randint(60, 9000)}</integer>\n'
                 f'\t<key>date-received</key>\n\t<integer>{epoch}</integer>\n'
                 f'\t<key>flags</key>\n\t<integer>{rng.choice([8590195713, 8590195717, 8623750145])}</integer>\n'
                 f'\t<key>remote-id</key>\n\t<string>{n - 4000}</string>\n</dict>\n</plist>\n').encode()
        data = f"{len(msg):<10}\n".encode() + msg + plist
        c.add_file(path, data)
        c.register(path, data, kind="emlx")
        if kind == "doc":
            c.name(p, path, "body", p.name)
            c.ident(p, ID_TYPE[p.a["cc"]], p.a["nid"], p.a["nid"], path, "body")
            c.expose(p, "genetic_data", path, "body (order of a genetic test)", req=False)
        else:
            c.name(p, path, "From / signature", shown)
            c.ident(p, "email", p.a["email"], p.a["email"], path, "From")
            c.ident(p, "ee_isikukood", p.a["nid"], p.a["nid"], path, "body")
            if ph:
                c.ident(p, "phone", ids.e164("EE", p.a["phone"]), ph, path, "body", cc="372")
            c.expose(p, "genetic_data", path, "body (genetic test taken)", req=False)
        c.link(p, path, "order:" + o["id"])
    # physician decoys point to the first message that names them
    for v in mistyped:
        doc = next(name for name, d in c.docs.items() if name.startswith("post/") and d.has(v))
        c.decoy("mistyped_isikukood", v, doc, "body", "mistyped ID code, corrected in the same message")
    for v in phys_decoys:
        doc = next(name for name, d in c.docs.items() if name.startswith("post/") and d.has(v))
        c.decoy("physician_email", v, doc, "From", "ordering physician (staff of a controller)", must_fail=False)

    # ============================================================ 7. Nextflow execution traces (sample ids only)
    runs = {}
    for o in orders:
        if o["issued"]:
            runs.setdefault(o["date"].isocalendar()[1] // 3, []).append(o)
    for k in sorted(runs):
        batch = runs[k]
        d = batch[0]["date"]
        run = f"run_2023-{d.month:02d}-{d.day:02d}_NX{rng.randint(500000, 599999)}"
        T = ["task_id\thash\tnative_id\tname\tstatus\texit\tsubmit\tduration\trealtime\t%cpu\tpeak_rss\tpeak_vmem\trchar\twchar"]
        tid = 1
        for proc in ("FASTQC", "BWAMEM2_MEM", "GATK4_HAPLOTYPECALLER"):
            for o in batch + ([{"sample": "NA12878"}] if proc == "FASTQC" else []):
                h = hexid(rng, 8)
                T.append(f"{tid}\t{h[:2]}/{h[2:]}\t{rng.randint(100000, 999999)}\tNFCORE_SAREK:SAREK:{proc} ({o['sample']})"
                         f"\tCOMPLETED\t0\t2023-{d.month:02d}-{d.day:02d} 21:{rng.randint(10, 59)}:{rng.randint(10, 59)}.{rng.randint(100, 999)}"
                         f"\t{rng.randint(1, 59)}m {rng.randint(1, 59)}s\t{rng.randint(1, 59)}m\t{rng.randint(90, 790)}.{rng.randint(0, 9)}%"
                         f"\t{rng.randint(1, 30)}.{rng.randint(0, 9)} GB\t{rng.randint(2, 40)}.{rng.randint(0, 9)} GB"
                         f"\t{rng.randint(1, 90)}.{rng.randint(0, 9)} GB\t{rng.randint(1, 20)}.{rng.randint(0, 9)} GB")
                tid += 1
        c.text(f"analuus/{run}/pipeline_info/execution_trace_{d.isoformat()}_21-04-11.txt", "\n".join(T) + "\n")

    c.decoy("role_mailbox", f"vastused@{LAB_DOM}", next(n for n in c.docs if n.startswith("post/")), "To",
            "the laboratory's results mailbox", must_fail=False)
    c.extra["lab"] = LAB
    c.extra["providers"] = [pv[0] for pv in providers]
    c.extra["special_categories"] = ["genetic_data", "health_data"]
    c.extra["sample_only_documents"] = "analuus/*/pipeline_info/execution_trace_*.txt (pseudonymous sample ids, no person)"
    return c
