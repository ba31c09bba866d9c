"""Case 2: Estonian genetic-testing laboratory; ~10 files per person, ordering providers are the controllers."""
import datetime

from common import *
from names import *
from case1 import ee_addr, email_raw

LAB = "Helix Geenidiagnostika OÜ"
PROV = [  # name, slug, country, form language, weight
    ("Emajõe Kliinikum SA", "emajoe", "ee", "et", 16), ("Põhja-Tallinna Haigla SA", "pohjatallinna", "ee", "et", 16),
    ("Pärnu Rannahaigla SA", "parnuranna", "ee", "et", 8), ("Narva Jõe Haigla SA", "narvajoe", "ee", "ru", 9),
    ("Fertilis Viljakuskliinik OÜ", "fertilis", "ee", "et", 10), ("Naistearst Kuusk OÜ", "kuusk", "ee", "et", 6),
    ("Lasteneuroloogia Keskus OÜ", "lasteneuro", "ee", "et", 6), ("Saare Perearstikeskus OÜ", "saareperearst", "ee", "et", 4),
    ("Viljandi Tervisemaja OÜ", "viljanditervis", "ee", "et", 4), ("Rīgas Dzemdību Klīnika SIA", "rigasdzemdibu", "lv", "lv", 4),
    ("Kauno Šeimos Klinika UAB", "kaunoseimos", "lt", "lt", 3), ("Göteborgs Fertilitetscentrum AB", "gbgfertilitet", "se", "sv", 3),
    ("Turun Perhesuunnitteluklinikka Oy", "turunperhe", "fi", "fi", 4)]
DOCTORS = {"et": ["Kati Saar", "Jaan Oja", "Piret Lill", "Marko Kask", "Helen Teder"], "ru": ["Ирина Козлова", "Олег Смирнов"],
           "lv": ["Ilze Ozola", "Jānis Liepa"], "lt": ["Rasa Jonaitienė"], "sv": ["Karin Berg"], "fi": ["Sari Laine", "Mika Ojala"]}

TESTS = [  # name (et), name (en), code, genes, sex restriction
    ("BRCA1/BRCA2 geenide järjestamine", "BRCA1/BRCA2 sequencing", "GEN-BRCA", ["BRCA1", "BRCA2"], None),
    ("Tsüstilise fibroosi kandluse uuring (CFTR)", "Cystic fibrosis carrier test (CFTR)", "GEN-CFTR", ["CFTR"], None),
    ("Mitteinvasiivne sünnieelne test (NIPT)", "Non-invasive prenatal test (NIPT)", "GEN-NIPT", [], "F"),
    ("Karüotüüp", "Karyotype", "GEN-KAR", [], None),
    ("Kardiomüopaatia geenipaneel", "Cardiomyopathy gene panel", "GEN-CMP", ["MYH7", "MYBPC3", "TNNT2"], None),
    ("Fragiilse X sündroomi uuring (FMR1)", "Fragile X testing (FMR1)", "GEN-FMR1", ["FMR1"], None),
    ("Farmakogeneetika CYP2C19", "Pharmacogenetics CYP2C19", "GEN-PGX", ["CYP2C19"], None),
    ("Pärilik hemokromatoos (HFE)", "Hereditary haemochromatosis (HFE)", "GEN-HFE", ["HFE"], None),
    ("Trombofiilia (F5, F2)", "Thrombophilia (F5, F2)", "GEN-TROMB", ["F5", "F2"], None)]
INDIC = {  # test code -> (ICD, {lang: text})
    "GEN-BRCA": ("Z80.3", {"et": "Rinnanäärme pahaloomuline kasvaja perekonnas", "ru": "Рак молочной железы в семейном анамнезе",
                          "lv": "Krūts vēzis ģimenes anamnēzē", "lt": "Krūties vėžys šeimos anamnezėje",
                          "sv": "Bröstcancer i släkten", "fi": "Rintasyöpä suvussa"}),
    "GEN-CFTR": ("Z31.4", {"et": "Viljakusravi eelne kandlusuuring", "ru": "Обследование перед лечением бесплодия",
                          "lv": "Izmeklēšana pirms neauglības ārstēšanas", "lt": "Tyrimas prieš nevaisingumo gydymą",
                          "sv": "Utredning inför fertilitetsbehandling", "fi": "Hedelmöityshoitoa edeltävä tutkimus"}),
    "GEN-NIPT": ("O09.5", {"et": "Rasedus, vanus üle 35 aasta", "ru": "Беременность, возраст старше 35 лет",
                          "lv": "Grūtniecība, vecums virs 35 gadiem", "lt": "Nėštumas, vyresnė nei 35 metų",
                          "sv": "Graviditet, ålder över 35 år", "fi": "Raskaus, ikä yli 35 vuotta"}),
    "GEN-KAR": ("N97.9", {"et": "Naise viljatus", "ru": "Женское бесплодие", "lv": "Sievietes neauglība", "lt": "Moters nevaisingumas",
                         "sv": "Infertilitet", "fi": "Lapsettomuus"}),
    "GEN-CMP": ("I42.1", {"et": "Hüpertroofiline kardiomüopaatia", "ru": "Гипертрофическая кардиомиопатия",
                         "lv": "Hipertrofiska kardiomiopātija", "lt": "Hipertrofinė kardiomiopatija",
                         "sv": "Hypertrofisk kardiomyopati", "fi": "Hypertrofinen kardiomyopatia"}),
    "GEN-FMR1": ("R62.0", {"et": "Arengu hilistumine", "ru": "Задержка развития", "lv": "Attīstības aizkavēšanās",
                          "lt": "Raidos sulėtėjimas", "sv": "Försenad utveckling", "fi": "Kehityksen viivästymä"}),
    "GEN-PGX": ("I25.1", {"et": "Südame isheemiatõbi, klopidogreeli ravi", "ru": "Ишемическая болезнь сердца, терапия клопидогрелем",
                         "lv": "Sirds išēmiskā slimība", "lt": "Išeminė širdies liga", "sv": "Ischemisk hjärtsjukdom",
                         "fi": "Sepelvaltimotauti, klopidogreelihoito"}),
    "GEN-HFE": ("E83.1", {"et": "Rauaainevahetuse häire", "ru": "Нарушение обмена железа", "lv": "Dzelzs vielmaiņas traucējumi",
                         "lt": "Geležies apykaitos sutrikimas", "sv": "Rubbning i järnomsättningen", "fi": "Raudan aineenvaihdunnan häiriö"}),
    "GEN-TROMB": ("I82.9", {"et": "Veenitromboos anamneesis", "ru": "Венозный тромбоз в анамнезе", "lv": "Vēnu tromboze anamnēzē",
                           "lt": "Venų trombozė anamnezėje", "sv": "Tidigare ventrombos", "fi": "Aiempi laskimotukos"}),
}
FORM = {
    "et": dict(title="SAATEKIRI GENEETILISELE UURINGULE", prov="Tellija", doc="Suunav arst", date="Kuupäev", pat="Patsient",
               nid="Isikukood", dob="Sünniaeg", addr="Elukoht", tel="Telefon", mail="E-post", test="Uuring", dx="Diagnoos/näidustus",
               mat="Proovimaterjal: EDTA veri"),
    "ru": dict(title="НАПРАВЛЕНИЕ НА ГЕНЕТИЧЕСКОЕ ИССЛЕДОВАНИЕ", prov="Учреждение", doc="Направляющий врач", date="Дата",
               pat="Пациент", nid="Личный код", dob="Дата рождения", addr="Адрес", tel="Телефон", mail="Эл. почта",
               test="Исследование", dx="Диагноз", mat="Материал: кровь EDTA"),
    "lv": dict(title="NOSŪTĪJUMS ĢENĒTISKAJAI IZMEKLĒŠANAI", prov="Iestāde", doc="Nosūtītājs", date="Datums", pat="Pacients",
               nid="Personas kods", dob="Dzimšanas datums", addr="Adrese", tel="Tālrunis", mail="E-pasts", test="Izmeklējums",
               dx="Diagnoze", mat="Materiāls: EDTA asinis"),
    "lt": dict(title="SIUNTIMAS GENETINIAM TYRIMUI", prov="Įstaiga", doc="Siuntęs gydytojas", date="Data", pat="Pacientas",
               nid="Asmens kodas", dob="Gimimo data", addr="Adresas", tel="Telefonas", mail="El. paštas", test="Tyrimas",
               dx="Diagnozė", mat="Mėginys: EDTA kraujas"),
    "sv": dict(title="REMISS FÖR GENETISK ANALYS", prov="Remittent", doc="Remitterande läkare", date="Datum", pat="Patient",
               nid="Personnummer", dob="Födelsedatum", addr="Adress", tel="Telefon", mail="E-post", test="Analys",
               dx="Diagnos/indikation", mat="Provmaterial: EDTA-blod"),
    "fi": dict(title="LÄHETE GENEETTISEEN TUTKIMUKSEEN", prov="Lähettävä yksikkö", doc="Lähettävä lääkäri", date="Päivämäärä",
               pat="Potilas", nid="Henkilötunnus", dob="Syntymäaika", addr="Osoite", tel="Puhelin", mail="Sähköposti",
               test="Tutkimus", dx="Diagnoosi", mat="Näyte: EDTA-veri"),
}
ID_TYPE = {"ee": "ee_isikukood", "lv": "lv_personas_kods", "lt": "lt_asmens_kodas", "se": "se_personnummer", "fi": "fi_hetu"}


def result_for(rng, test, sex):
    """-> (positive?, estonian text, english text, findings[])"""
    code, genes = test[2], test[3]
    if code == "GEN-NIPT":
        return False, "Madal risk trisoomiate 21, 18 ja 13 osas.", "Low risk for trisomies 21, 18 and 13.", []
    if code == "GEN-KAR":
        k = "46,XX" if sex == "F" else "46,XY"
        if rng.random() < 0.15:
            k = "45,XX,der(13;14)(q10;q10)" if sex == "F" else "45,XY,der(13;14)(q10;q10)"
            return True, f"Karüotüüp {k}: tasakaalustatud Robertsoni translokatsioon.", f"Karyotype {k}: balanced Robertsonian translocation.", \
                [{"gene": None, "hgvs": k, "zygosity": None, "class": "pathogenic"}]
        return False, f"Karüotüüp {k}, struktuurseid ega arvulisi muutusi ei leitud.", f"Karyotype {k}, no structural or numerical changes.", []
    if code == "GEN-PGX":
        g = rng.choice(["*1/*1", "*1/*2", "*2/*2", "*1/*17"])
        ph = {"*1/*1": ("normaalne metaboliseerija", "normal metaboliser"), "*1/*2": ("keskmine metaboliseerija", "intermediate metaboliser"),
              "*2/*2": ("aeglane metaboliseerija", "poor metaboliser"), "*1/*17": ("kiire metaboliseerija", "rapid metaboliser")}[g]
        return True, f"CYP2C19 genotüüp {g} ({ph[0]}).", f"CYP2C19 genotype {g} ({ph[1]}).", \
            [{"gene": "CYP2C19", "hgvs": g, "zygosity": None, "class": "drug response"}]
    if rng.random() < 0.3:
        gene = rng.choice(genes)
        hg = {"BRCA1": "c.5266dupC (p.Gln1756fs)", "BRCA2": "c.9097dupA (p.Thr3033fs)", "CFTR": "c.1521_1523del (p.Phe508del)",
              "MYH7": "c.1208G>A (p.Arg403Gln)", "MYBPC3": "c.2373dupG (p.Trp792fs)", "TNNT2": "c.274C>T (p.Arg92Trp)",
              "FMR1": "CGG-kordusi 210 (täismutatsioon)", "HFE": "c.845G>A (p.Cys282Tyr)", "F5": "c.1601G>A (p.Arg534Gln)",
              "F2": "c.*97G>A"}[gene]
        zyg = rng.choice(["heterosügootne", "homosügootne"]) if gene in ("HFE", "F5", "F2", "CFTR") else "heterosügootne"
        zen = {"heterosügootne": "heterozygous", "homosügootne": "homozygous"}[zyg]
        return True, f"Leiti {zyg} patogeenne variant geenis {gene}: {hg}.", f"A {zen} pathogenic variant was found in {gene}: {hg}.", \
            [{"gene": gene, "hgvs": hg, "zygosity": zen, "class": "pathogenic"}]
    return False, "Kliiniliselt olulisi variante ei leitud.", "No clinically significant variants were found.", []


def make(rng, out_dir):
    c = Case("case2_ee_genetic_lab",
             "Estonian genetic-testing lab (ransomware): ~10 files per person keyed by personal code or by a pseudonymous "
             "sample id; the ordering healthcare providers are the controllers.", rng)
    used_ids = set()

    def pname(country, lang, sex):
        if country == "ee":
            if lang == "ru":
                f = rng.choice(RU_M if sex == "M" else RU_F)
                l = rng.choice(RU_L)
                ll, lc = (l[0] + "a", l[1] + "а") if sex == "F" else l
                return f[0], ll, f"{f[1]} {lc}"
            if lang == "en":
                return rng.choice(EN_M if sex == "M" else EN_F), rng.choice(EN_L), None
            return rng.choice(EE_M if sex == "M" else EE_F), rng.choice(EE_L), None
        pool = {"lv": (LV_M, LV_F), "lt": (LT_M, LT_F), "se": (SE_M, SE_F)}.get(country)
        if pool:
            f = rng.choice(pool[0] if sex == "M" else pool[1])[0]
            l = rng.choice(pool[0] if sex == "M" else pool[1])[1]
            return f, l, None
        return rng.choice(FI_M if sex == "M" else FI_F), rng.choice(FI_L), None

    def foreign_addr(country):
        if country == "lv":
            return {"street": f"{rng.choice(['Brīvības iela', 'Čaka iela', 'Dzirnavu iela', 'Ganību dambis'])} {rng.randint(1, 120)}-{rng.randint(1, 40)}",
                    "zip": f"LV-{rng.randint(1001, 1084)}", "city": "Rīga"}
        if country == "lt":
            return {"street": f"{rng.choice(['Laisvės al.', 'Savanorių pr.', 'Vilniaus g.', 'Kęstučio g.'])} {rng.randint(1, 120)}-{rng.randint(1, 40)}",
                    "zip": f"LT-{rng.randint(44000, 52000)}", "city": "Kaunas"}
        if country == "se":
            return {"street": f"{rng.choice(['Storgatan', 'Vasagatan', 'Linnégatan', 'Övre Husargatan'])} {rng.randint(1, 80)}",
                    "zip": f"4{rng.randint(11, 17)} {rng.randint(10, 99)}", "city": "Göteborg"}
        return {"street": f"{rng.choice(['Aurakatu', 'Linnankatu', 'Hämeenkatu', 'Yliopistonkatu'])} {rng.randint(1, 60)} B {rng.randint(1, 40)}",
                "zip": f"20{rng.randint(100, 900)}", "city": "Turku"}

    def addr_line(a, country):
        if country == "se":
            return f"{a['street']}, {a['zip']} {a['city']}"
        if country in ("lv", "lt"):
            return f"{a['street']}, {a['city']}, {a['zip']}"
        return f"{a['street']}, {a['zip']} {a['city']}"

    def nid_for(country, dob, sex):
        while True:
            if country == "ee":
                v = ee_code(dob, sex, rng)
            elif country == "lt":
                v = lt_code(dob, sex, rng)
            elif country == "lv":
                v = lv_code(dob, rng)
            elif country == "se":
                v = se_pnr(dob, sex, rng)
            else:
                v = fi_hetu(dob, sex, rng, new_sign=rng.random() < 0.25)
            if v not in used_ids:
                used_ids.add(v)
                return v

    def nid_raw(p):
        v = p.nid
        if p.country == "se":
            return (("19" if p.dob.year < 2000 else "20") + v) if rng.random() < 0.6 else v
        if p.country == "lv" and rng.random() < 0.3:
            return v.replace("-", "")
        return v

    def mobile(country):
        return {"ee": ee_mobile, "lv": lv_mobile, "lt": lt_mobile, "se": se_mobile, "fi": fi_mobile}[country](rng)

    def phone_raw(p):
        cc = {"ee": "372", "lv": "371", "lt": "370", "se": "46", "fi": "358"}[p.country]
        styles = ["e164", "intl_space"] + (["local", "local_space"] if p.country in ("ee", "fi", "se") else [])
        return fmt_phone(p.phone, rng.choice(styles), cc)

    provs_by_country = {}
    for pr in PROV:
        provs_by_country.setdefault(pr[2], []).append(pr)
    persons = []
    n = rng.randint(150, 180)
    forced = [pr for pr in PROV for _ in range(3)]          # every provider has a few patients
    for k in range(n):
        prov = forced[k] if k < len(forced) else rng.choices(PROV, [x[4] for x in PROV])[0]
        country = prov[2]
        lang = {"lv": "lv", "lt": "lt", "se": "sv", "fi": "fi"}.get(country)
        if not lang:
            lang = "ru" if prov[3] == "ru" and rng.random() < 0.85 else rng.choices(["et", "ru", "en"], [72, 23, 5])[0]
        test = rng.choice([t for t in TESTS])
        sex = "F" if test[4] == "F" or prov[1] in ("fertilis", "kuusk", "gbgfertilitet", "rigasdzemdibu") and rng.random() < 0.8 \
            else rng.choice("MF")
        if prov[1] == "lasteneuro":
            dob = rand_date(rng, 2008, 2021)
        elif test[2] in ("GEN-NIPT", "GEN-CFTR", "GEN-KAR"):
            dob = rand_date(rng, 1980, 2000)
        else:
            dob = rand_date(rng, 1945, 2004)
        first, last, cyr = c.unique_name(lambda: pname(country, lang, sex))
        p = Person(c, first, last, sex, dob, lang)
        p.cyr, p.country = cyr, country
        p.nid = nid_for(country, dob, sex)
        p.nid_type = ID_TYPE[country]
        p.phone = mobile(country) if rng.random() < 0.6 else None
        dom = {"ee": ["example.ee", "example.com", "mail.example.ee"], "lv": ["example.lv", "example.com"], "lt": ["example.lt"],
               "se": ["example.se", "example.com"], "fi": ["example.fi", "example.com"]}[country]
        p.email = email_for(rng, first, last, dom) if rng.random() < 0.5 else None
        p.addr = (ee_addr(rng, lang) if country == "ee" else foreign_addr(country)) if rng.random() < 0.35 else None
        orders = [(prov, test)]
        if country == "ee" and rng.random() < 0.09:
            other = rng.choice([x for x in provs_by_country["ee"] if x != prov])
            orders.append((other, rng.choice([t for t in TESTS if t != test and (t[4] is None or t[4] == sex)])))
        p.orders = []
        for pr, t in orders:
            yr = rng.choice([2021, 2022, 2023])
            d = datetime.date(yr, rng.randint(1, 12 if yr < 2023 else 4), rng.randint(1, 28))
            o = {"prov": pr, "test": t, "date": d, "id": f"T{yr}-{rng.randint(10000, 99999)}",
                 "sample": f"HX-{yr % 100}-{rng.randint(100000, 999999)}", "dx": rng.random() < 0.9,
                 "issued": rng.random() > 0.05, "doctor": rng.choice(DOCTORS[pr[3]])}
            o["res"] = result_for(rng, t, sex)
            p.orders.append(o)
            p.control(pr[0])
        if len(p.orders) > 1:
            p.note("two ordering providers (two controllers)")
        persons.append(p)

    orders = [(p, o) for p in persons for o in p.orders]
    orders.sort(key=lambda x: x[1]["date"])
    staff = ["Kadri Männik", "Tõnis Raud", "Eve Sepp"]

    def dt(d, lang):
        return f"{d:%d.%m.%Y}" if lang != "sv" else f"{d:%Y-%m-%d}"

    for p, o in orders:
        pr, t = o["prov"], o["test"]
        flang = pr[3] if not (pr[3] == "et" and False) else "et"
        if pr[3] == "ru" and p.lang != "ru":
            flang = "et"
        F = FORM[flang]
        icd, txt = INDIC[t[2]]
        # -------------------------------------------------- 1 referral
        rel = f"saatekirjad/{pr[1]}/{o['id']}.txt"
        nm = p.cyr.split()[1] + " " + p.cyr.split()[0] if flang == "ru" and p.cyr else f"{p.first} {p.last}"
        L = [F["title"], "", f"{F['prov']}: {pr[0]}", f"{F['doc']}: dr {o['doctor']}", f"{F['date']}: {dt(o['date'], flang)}", "",
             f"{F['pat']}: {p.named(nm, rel, F['pat'])}",
             f"{F['nid']}: {p.ident(p.nid_type, p.nid, rel, F['nid'], nid_raw(p))}",
             f"{F['dob']}: {dt(p.dob, flang)}"]
        p.expose("date_of_birth", rel, F["dob"])
        c.decoy("staff_name", o["doctor"], rel, F["doc"], "ordering physician, not a data subject of the test")
        if p.addr and rng.random() < 0.8:
            L.append(f"{F['addr']}: {addr_line(p.addr, p.country)}")
            p.expose("postal_address", rel, F["addr"])
        if p.phone and rng.random() < 0.8:
            L.append(f"{F['tel']}: {p.ident('phone', p.phone, rel, F['tel'], phone_raw(p))}")
        o["notify"] = bool(p.email and o["issued"] and rng.random() < 0.6)
        if p.email and (o["notify"] or rng.random() < 0.6):   # a notified e-mail is always also on the referral
            L.append(f"{F['mail']}: {p.ident('email', p.email, rel, F['mail'], email_raw(rng, p.email))}")
        L += ["", f"{F['test']}: {t[0] if flang == 'et' else t[1]}"]
        if o["dx"]:
            L.append(f"{F['dx']}: {icd} {txt[flang]}")
            p.expose("health_data", rel, F["dx"])
        else:
            L.append(f"{F['dx']}: -")
        L += [F["mat"], ""]
        enc = {"lv": "windows-1257", "lt": "windows-1257", "sv": "iso-8859-1"}.get(flang, "utf-8")
        if flang == "et" and rng.random() < 0.2 and fits("\n".join(L), "windows-1257"):
            enc = "windows-1257"
        c.write(rel, "\n".join(L), enc=enc, newline="\r\n" if enc != "utf-8" else "\n")

        # -------------------------------------------------- 2 sample label (name + birth date + sample id)
        rel = f"sildid/{o['sample']}.txt"
        lab = f"{p.last.upper()} {p.first.upper()}"
        c.write(rel, f"{o['sample']}\n{p.named(lab, rel, 'line 2')}\n{'sünd' if p.country == 'ee' else 'DOB'} {p.dob:%d.%m.%Y}\n"
                     f"EDTA 4 ml  {o['date']:%d.%m.%Y}\n*{o['sample'].replace('-', '')}*\n")
        p.expose("date_of_birth", rel, "line 3")

        # -------------------------------------------------- 3-5 pseudonymous files (sample id only)
        pos, r_et, r_en, findings = o["res"]
        c.write(f"analüüs/{o['sample']}.variants.tsv", variants_tsv(rng, t, findings))
        c.write(f"tulemused/{o['sample']}.json", jdump({"sampleId": o["sample"], "panel": t[2], "genes": t[3],
                                                         "findings": findings, "interpretation": r_en,
                                                         "status": "signed" if o["issued"] else "in review"}, 2))
        c.write(f"kvaliteet/{o['sample']}_qc.txt", qc_text(rng, o["sample"]))
        p.optional("lab_result", "genetic test results may also be counted as lab results")
        if not o["issued"]:
            p.optional("genetic_data", "result only in pseudonymous sample-id files (linkable through the reception log)")
            p.note("result not issued yet: genetic data only under the sample id")

        # -------------------------------------------------- 6 result letter
        if o["issued"]:
            rel = f"vastused/{o['id']}_vastus.txt"
            en = pr[2] != "ee"
            L = [LAB, "Tartu mnt 80, 10112 Tallinn", ""]
            if en:
                L += ["GENETIC TEST REPORT", f"Requested by: {pr[0]}", "",
                      f"Patient: {p.named(f'{p.first} {p.last}', rel, 'Patient')}",
                      f"Personal code: {p.ident(p.nid_type, p.nid, rel, 'Personal code', nid_raw(p))}",
                      f"Date of birth: {p.dob:%d.%m.%Y}", f"Sample: {o['sample']}", f"Test: {t[1]}", ""]
                if o["dx"] and rng.random() < 0.6:
                    L.insert(-1, f"Indication: {icd}")
                    p.expose("health_data", rel, "Indication")
                L += [f"Result: {r_en}", "", f"Reviewed by: {staff[0]}, laboratory geneticist"]
            else:
                L += ["GENEETILISE UURINGU VASTUS", f"Tellija: {pr[0]}", "",
                      f"Patsient: {p.named(f'{p.first} {p.last}', rel, 'Patsient')}",
                      f"Isikukood: {p.ident(p.nid_type, p.nid, rel, 'Isikukood', nid_raw(p))}",
                      f"Sünniaeg: {p.dob:%d.%m.%Y}", f"Proov: {o['sample']}", f"Uuring: {t[0]}", ""]
                if o["dx"] and rng.random() < 0.6:
                    L.insert(-1, f"Näidustus: {icd} {txt['et']}")
                    p.expose("health_data", rel, "Näidustus")
                L += [f"Tulemus: {r_et}", "", f"Vastuse kinnitas: {staff[0]}, laborigeneetik"]
            p.expose("date_of_birth", rel, "Date of birth" if en else "Sünniaeg")
            p.expose("genetic_data", rel, "Result" if en else "Tulemus")
            c.write(rel, "\n".join(L) + "\n", enc="windows-1257" if not en and rng.random() < 0.2 and fits("\n".join(L), "windows-1257") else "utf-8")
            c.decoy("staff_name", staff[0], rel, "signature", "lab employee signing the report")
            # archived copy of the same letter
            if rng.random() < 0.5:
                rel2 = f"arhiiv/{o['date']:%Y}/{o['id']}_vastus_koopia.txt"
                c.files[rel2] = c.files[rel]
                c.enc[rel2] = c.enc[rel]
                for e, lst in list(p.els.items()):
                    for s in list(lst):
                        if s.startswith(rel + " ["):
                            p.expose(e, rel2, s[len(rel) + 2:-1])
                for oc in [x for x in p.occ if x["file"] == rel]:
                    p.occ.append(dict(oc, file=rel2))

        # -------------------------------------------------- 7 consent (identity in a sentence)
        if rng.random() < 0.7:
            rel = f"nõusolekud/{o['id']}_nõusolek.txt"
            raw = nid_raw(p)
            if pr[2] == "ee":
                body = (f"INFORMEERITUD NÕUSOLEK\n\nMina, {p.named(f'{p.first} {p.last}', rel, 'Mina, … (in sentence)')}, "
                        f"isikukood {p.ident(p.nid_type, p.nid, rel, 'isikukood (in sentence)', raw)}, olen saanud teavet uuringu "
                        f"\"{t[0]}\" kohta ja annan nõusoleku proovi analüüsimiseks.\n")
            else:
                body = (f"INFORMED CONSENT\n\nI, {p.named(f'{p.first} {p.last}', rel, 'I, … (in sentence)')}, personal identity number "
                        f"{p.ident(p.nid_type, p.nid, rel, 'identity number (in sentence)', raw)}, have been informed about the test "
                        f"\"{t[1]}\" and consent to the analysis of my sample.\n")
            if p.phone and rng.random() < 0.5:
                body += f"\nKontakttelefon / phone: {p.ident('phone', p.phone, rel, 'Kontakttelefon', phone_raw(p))}\n"
            body += f"\nAllkiri: ____________   {o['date']:%d.%m.%Y}\n"
            c.write(rel, body)

        # -------------------------------------------------- 8 notification e-mail to the patient
        if o["notify"]:
            rel = f"teavitused/{o['id']}.txt"
            raw = email_raw(rng, p.email)
            c.write(rel, f"From: Helix teavitus <teavitus@helix.example.ee>\nTo: {p.ident('email', p.email, rel, 'To', raw)}\n"
                         f"Subject: Teie uuringu vastus on valmis / Your result is ready\nDate: {o['date'] + datetime.timedelta(days=21):%d.%m.%Y}\n\n"
                         f"Lugupeetud {p.named(f'{p.first} {p.last}', rel, 'greeting')}!\n\nTeie uuringu vastus on edastatud "
                         f"raviarstile ({pr[0]}). Vastuse sisu arutab teiega arst.\n\nHelix Geenidiagnostika\n")
            c.decoy("role_email", "teavitus@helix.example.ee", rel, "From", "lab's notification mailbox")

        # -------------------------------------------------- 9 correspondence about the sample
        if rng.random() < 0.12:
            rel = f"kirjavahetus/{o['id']}_proov.txt"
            c.write(rel, f"From: labor@helix.example.ee\nTo: info@{pr[1]}.example.ee\nSubject: Proov {o['sample']} / {o['id']}\n\n"
                         f"Tere!\n\nPatsiendi {p.named(f'{p.first} {p.last}', rel, 'body (in text)')} "
                         f"({p.ident(p.nid_type, p.nid, rel, 'body (in text)', nid_raw(p))}) proov {o['sample']} oli hemolüüsunud. "
                         f"Palume uut proovi.\n\nLabor\n")
            c.decoy("role_email", f"info@{pr[1]}.example.ee", rel, "To", "clinic mailbox")

    # ------------------------------------------------------ shared monthly files
    by_month = {}
    for p, o in orders:
        by_month.setdefault(f"{o['date']:%Y-%m}", []).append((p, o))
    for ym, lst in sorted(by_month.items()):
        rel = f"vastuvõtt/proovid_{ym}.csv"
        rows = [["proovi_id", "tellimus", "isikuk", "patsient", "materjal", "saabunud", "tellija"]]
        for p, o in lst:
            rows.append([o["sample"], o["id"], p.ident(p.nid_type, p.nid, rel, "isikuk", nid_raw(p)),
                         p.named(f"{p.last.upper()} {p.first}", rel, "patsient"), "EDTA veri",
                         f"{o['date'] + datetime.timedelta(days=rng.randint(1, 4)):%d.%m.%Y}", o["prov"][0]])
        c.write(rel, csv_text(rows, ";"), bom=True)
    # invoices per provider and month (personal code + test code only)
    inv = {}
    for p, o in orders:
        inv.setdefault((f"{o['date']:%Y-%m}", o["prov"][1]), []).append((p, o))
    for (ym, slug), lst in sorted(inv.items()):
        rel = f"arved/{ym}_{slug}.csv"
        no = "2" + ym.replace("-", "")[2:] + f"{rng.randint(0, 999999):06d}"
        c.maybe_decoy_number(no, rel, "Arve nr", "invoice_number")
        rows = [["Arve nr", "Kuupäev", "Tellija", "Patsiendi isikukood", "Uuringu kood", "Summa"]]
        for p, o in lst:
            rows.append([no, f"{ym}-28", o["prov"][0], p.ident(p.nid_type, p.nid, rel, "Patsiendi isikukood", nid_raw(p)),
                         o["test"][2], f"{rng.choice([180, 240, 420, 650, 890])}.00"])
        c.write(rel, csv_text(rows, ","))
    # provider portal exports
    for pr in PROV:
        lst = [(p, o) for p, o in orders if o["prov"] == pr]
        if not lst:
            continue
        rel = f"portaal/{pr[1]}_tellimused.json"
        ee = pr[2] == "ee"
        arr = []
        for p, o in lst:
            pos, r_et, r_en, _ = o["res"]
            pat = {}
            if ee:
                pat["nimi"] = p.named(f"{p.first} {p.last}", rel, "[].patsient.nimi")
                pat["isikukood"] = p.ident(p.nid_type, p.nid, rel, "[].patsient.isikukood", p.nid)
                if p.email and rng.random() < 0.5:
                    pat["email"] = p.ident("email", p.email, rel, "[].patsient.email", email_raw(rng, p.email))
                if p.phone and rng.random() < 0.5:
                    pat["telefon"] = p.ident("phone", p.phone, rel, "[].patsient.telefon", phone_raw(p))
                rec = {"tellimus": o["id"], "patsient": pat, "uuring": o["test"][0],
                       "staatus": "VALMIS" if o["issued"] else "OOTEL", "kokkuvõte": r_et if o["issued"] else None}
                if o["issued"]:
                    p.expose("genetic_data", rel, "[].kokkuvõte")
            else:
                pat["name"] = p.named(f"{p.first} {p.last}", rel, "[].patient.name")
                pat["nationalId"] = p.ident(p.nid_type, p.nid, rel, "[].patient.nationalId", nid_raw(p))
                if p.email and rng.random() < 0.5:
                    pat["email"] = p.ident("email", p.email, rel, "[].patient.email", email_raw(rng, p.email))
                rec = {"order": o["id"], "patient": pat, "test": o["test"][1], "status": "DONE" if o["issued"] else "PENDING",
                       "summary": r_en if o["issued"] else None}
                if o["issued"]:
                    p.expose("genetic_data", rel, "[].summary")
            arr.append(rec)
        c.write(rel, jdump(arr, 1))
    # sequencing runs: sample sheets with linked samples, unlinked research samples and a public control
    samples = [o["sample"] for _, o in orders]
    extra = []
    for _ in range(rng.randint(18, 26)):
        yr = rng.choice([21, 22, 23])
        s = f"HX-{yr}-{rng.randint(100000, 999999)}"
        extra.append(s)
        t = rng.choice(TESTS)
        res = result_for(rng, t, rng.choice("MF"))
        c.write(f"analüüs/{s}.variants.tsv", variants_tsv(rng, t, res[3]))
        c.write(f"tulemused/{s}.json", jdump({"sampleId": s, "panel": t[2], "genes": t[3], "findings": res[3],
                                               "interpretation": res[2], "status": "validation"}, 2))
        c.decoy("pseudonymous_sample_only", s, f"tulemused/{s}.json", "sampleId",
                "validation/research sample: its id appears in no identifying file")
    allsamples = samples + extra
    rng.shuffle(allsamples)
    for k in range(0, len(allsamples), 24):
        chunk = allsamples[k:k + 24] + ["NA12878"]
        rel = f"sekveneerimine/run_{230 + k // 24:03d}/SampleSheet.csv"
        L = ["[Header]", "IEMFileVersion,5", f"Date,{rand_date(rng, 2021, 2023):%m/%d/%Y}", "Workflow,GenerateFASTQ",
             "Application,NovaSeq FASTQ Only", "", "[Reads]", "151", "151", "", "[Data]",
             "Sample_ID,Sample_Name,Sample_Plate,Sample_Well,I7_Index_ID,index,Sample_Project"]
        for j, s in enumerate(chunk):
            L.append(f"{s.replace('-', '')},{s},P{k // 24 + 1},{'ABCDEFGH'[j % 8]}{j // 8 + 1:02d},UDI{j + 1:04d},"
                     f"{''.join(rng.choice('ACGT') for _ in range(8))},{'Control' if s == 'NA12878' else 'Diagnostics'}")
        c.write(rel, "\n".join(L) + "\n")
    c.decoy("public_reference_sample", "NA12878", "sekveneerimine/*/SampleSheet.csv", "Sample_Name", "public reference cell line")
    for p in persons:
        if "health_data" not in p.els:
            p.optional("health_data", "no diagnosis text; the genetic result itself can be read as health data")
    return c.finalize(out_dir)


def fits(text, enc):
    try:
        text.encode(enc)
        return True
    except UnicodeEncodeError:
        return False


def variants_tsv(rng, t, findings):
    L = ["##source=helix-pipeline-3.2", "#CHROM\tPOS\tREF\tALT\tGENE\tHGVSc\tZYG\tACMG"]
    chrom = {"BRCA1": "17", "BRCA2": "13", "CFTR": "7", "MYH7": "14", "MYBPC3": "11", "TNNT2": "1", "FMR1": "X", "CYP2C19": "10",
             "HFE": "6", "F5": "1", "F2": "11"}
    for f in findings:
        if f["gene"]:
            L.append(f"chr{chrom[f['gene']]}\t{rng.randint(1000000, 99999999)}\t{rng.choice('ACGT')}\t{rng.choice('ACGT')}\t{f['gene']}\t"
                     f"{f['hgvs']}\t{'HET' if f['zygosity'] == 'heterozygous' else 'HOM'}\t{f['class']}")
    for g in t[3]:
        if rng.random() < 0.6:
            L.append(f"chr{chrom[g]}\t{rng.randint(1000000, 99999999)}\t{rng.choice('ACGT')}\t{rng.choice('ACGT')}\t{g}\t"
                     f"c.{rng.randint(100, 4000)}{rng.choice('ACGT')}>{rng.choice('ACGT')}\tHET\tbenign")
    return "\n".join(L) + "\n"


def qc_text(rng, s):
    return (f"Sample: {s}\nReads: {rng.randint(20, 90)}.{rng.randint(0, 9)} M\nMean coverage: {rng.randint(120, 420)}x\n"
            f"Bases >= 20x: {rng.randint(95, 100)}.{rng.randint(0, 9)} %\nContamination: 0.{rng.randint(0, 9)} %\nQC: PASS\n")
