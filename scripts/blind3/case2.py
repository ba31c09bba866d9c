"""Case 2: genetic testing laboratory (Estonia) - ~10 files per person, ~40 ordering providers."""
import datetime
import json

import ids
from fmt import Factory, addr_ee, addr_other, csv_row, email_messy, phone_fmt
from model import Leak, Truth

LAB = "Geneetikakeskus Helix OÜ"
SELF = "Geneetikakeskus Helix OÜ (eraklient)"
TESTS = [  # (code, et name, en name, icd, indication et, result options)
    ("BRCA", "BRCA1/BRCA2 geenide paneel", "BRCA1/BRCA2 gene panel", "Z80.3", "rinnavähk perekonnas",
     ["BRCA1 c.5266dupC (p.Gln1756Profs*74), heterosügootne, patogeenne", "BRCA2 c.9097dupA (p.Thr3033Asnfs*11), heterosügootne, patogeenne", None]),
    ("CARD", "Kardiomüopaatia geenipaneel (98 geeni)", "Cardiomyopathy panel (98 genes)", "I42.0", "dilatatiivne kardiomüopaatia",
     ["TTN c.59926+1G>A, heterosügootne, tõenäoliselt patogeenne", "MYH7 c.1208G>A (p.Arg403Gln), heterosügootne, patogeenne", None]),
    ("NIPT", "Mitteinvasiivne loote kromosoomianalüüs (NIPT)", "Non-invasive prenatal test (NIPT)", "Z36.0", "sünnieelne sõeluuring",
     ["kõrge risk: trisoomia 21", None, None]),
    ("CFTR", "CFTR geeni analüüs", "CFTR gene analysis", "E84.9", "tsüstilise fibroosi kahtlus",
     ["CFTR c.1521_1523del (p.Phe508del), homosügootne", "CFTR c.1521_1523del (p.Phe508del), heterosügootne kandlus", None]),
    ("KARY", "Kromosoomianalüüs (karüotüüp)", "Karyotype", "Z31.4", "viljatuse uuring",
     ["47,XXY", "46,XX,t(11;22)(q23;q11.2)", None]),
    ("PGX", "Farmakogeneetika CYP2C19/CYP2D6", "Pharmacogenetics CYP2C19/CYP2D6", "Z51.8", "ravimivastuse hindamine",
     ["CYP2C19 *2/*2 (aeglane metaboliseerija)", "CYP2D6 *4/*4 (aeglane metaboliseerija)", None]),
]
FOREIGN = {  # country: (provider, lang, id type, id label, maker)
    "FI": ("Perheklinikka Kuura Oy", "fi", "fi_hetu", "Henkilötunnus"),
    "LV": ("Ārstu centrs Liepa SIA", "lv", "lv_personas_kods", "Personas kods"),
    "LT": ("Klinika Ąžuolas UAB", "lt", "lt_asmens_kodas", "Asmens kodas"),
    "SE": ("Kliniken Ekbacken AB", "sv", "se_personnummer", "Personnummer"),
    "NO": ("Fjordklinikken AS", "no", "no_fodselsnummer", "Fødselsnummer"),
    "DK": ("Klinik Nørrebro ApS", "da", "dk_cpr", "CPR-nr."),
    "UK": ("Harbour Fertility Clinic Ltd", "en", "uk_nhs_number", "NHS Number"),
}
REF_LABELS = {  # language: title, patient, dob, address, phone, email, indication, doctor
    "et": ("SAATEKIRI geneetilisele analüüsile", "Patsient", "Sünniaeg", "Aadress", "Telefon", "E-post", "Näidustus", "Arst"),
    "fi": ("LÄHETE geneettiseen tutkimukseen", "Potilas", "Syntymäaika", "Osoite", "Puhelin", "Sähköposti", "Indikaatio", "Lääkäri"),
    "lv": ("NOSŪTĪJUMS ģenētiskai izmeklēšanai", "Pacients", "Dzimšanas datums", "Adrese", "Tālrunis", "E-pasts", "Indikācijas", "Ārsts"),
    "lt": ("SIUNTIMAS genetiniam tyrimui", "Pacientas", "Gimimo data", "Adresas", "Telefonas", "El. paštas", "Indikacijos", "Gydytojas"),
    "sv": ("REMISS för genetisk analys", "Patient", "Födelsedatum", "Adress", "Telefon", "E-post", "Indikation", "Läkare"),
    "no": ("HENVISNING til genetisk analyse", "Pasient", "Fødselsdato", "Adresse", "Telefon", "E-post", "Indikasjon", "Lege"),
    "da": ("HENVISNING til genetisk analyse", "Patient", "Fødselsdato", "Adresse", "Telefon", "E-mail", "Indikation", "Læge"),
    "en": ("REFERRAL for genetic testing", "Patient", "Date of birth", "Address", "Phone", "Email", "Indication", "Clinician"),
}


def providers(rng):
    pre = ["Kalju", "Emajõe", "Pirita", "Tähe", "Linnu", "Vahtra", "Männi", "Kase", "Ranna", "Järve", "Kesklinna", "Lõuna", "Põhja",
           "Saare", "Vooremaa", "Peipsi", "Kadaka", "Nõmme", "Toome", "Kuninga", "Vaksali", "Mõisa", "Kivi", "Jõe"]
    kinds = ["Haigla SA", "Kliinik OÜ", "Perearstikeskus OÜ", "Tervisekeskus OÜ", "Naistekliinik OÜ", "Viljakuskeskus OÜ"]
    out, seen = [], set()
    while len(out) < 32:
        n = f"{rng.choice(pre)} {rng.choice(kinds)}"
        if n not in seen:
            seen.add(n)
            out.append(n)
    return out


def fmt_date(d, lang):
    return {"et": d.strftime("%d.%m.%Y"), "fi": f"{d.day}.{d.month}.{d.year}", "lv": d.strftime("%d.%m.%Y."), "lt": d.isoformat(),
            "sv": d.isoformat(), "no": d.strftime("%d.%m.%Y"), "da": d.strftime("%d-%m-%Y"), "en": d.strftime("%d/%m/%Y"),
            "ru": d.strftime("%d.%m.%Y")}[lang]


def generate(rng, outdir, name):
    leak = Leak(f"{outdir}/{name}/leak")
    T = Truth(name, leak)
    F = Factory(rng)
    provs = providers(rng)
    pcode = {p: f"P{rng.randint(10000, 99999)}" for p in provs}
    for c, (pv, *_r) in FOREIGN.items():
        pcode[pv] = f"X{c}{rng.randint(100, 999)}"
    pcode[SELF] = "P00001"
    doctors = {}
    for pv in pcode:
        g, s, *_x = F.name("et" if pv in provs or pv == SELF else "en", rng.random() < .6)
        doctors[pv] = (f"dr {g} {s}", f"D{rng.randint(10000, 99999)}", f"{s.lower()}@{pcode[pv].lower()}.example.ee")

    # ---------------------------------------------------------------- patients and orders
    people = []
    n = 0
    plan = [("EE", None)] * rng.randint(265, 285) + [(c, None) for c in ["FI"] * 7 + ["LV"] * 5 + ["LT"] * 5 + ["SE"] * 3 + ["NO"] * 3 + ["DK"] * 2 + ["UK"] * 3]
    for country, _ in plan:
        n += 1
        if country == "EE":
            lang = rng.choices(["et", "ru"], [75, 25])[0]
        else:
            lang = FOREIGN[country][1]
        nl = {"et": "et", "ru": "ru", "fi": "fi", "lv": "lv", "lt": "lt", "sv": "se", "no": "no", "da": "da", "en": "en"}[lang]
        test = rng.choice(TESTS)
        female = True if test[0] == "NIPT" else rng.random() < .6
        lo, hi = (1981, 2000) if test[0] == "NIPT" else ((2008, 2022) if rng.random() < .1 else (1940, 2003))
        if country == "DK" and hi > 1999:
            lo, hi = 1940, 1999
        g, s, gc, sc, dob = F.unique_person(nl, female, lo, hi)
        p = T.person(f"c2p{n:04d}", given=g, family=s, cyr=(gc, sc) if gc else None, lang=lang, female=female, dob=dob, country=country)
        if country == "EE":
            p.idtype, p.code = "ee_isikukood", F.nid(ids.ee_make, dob, female)
        elif country == "FI":
            p.idtype, p.code = "fi_hetu", F.nid(ids.fi_make, dob, female, rng.random() < .3)
        elif country == "LV":
            p.idtype, p.code = "lv_personas_kods", F.nid(ids.lv_make, dob)
        elif country == "LT":
            p.idtype, p.code = "lt_asmens_kodas", F.nid(ids.lt_make, dob, female)
        elif country == "SE":
            p.idtype, p.code = "se_personnummer", F.nid(ids.se_make, dob, female)
        elif country == "NO":
            p.idtype, p.code = "no_fodselsnummer", F.nid(ids.no_make, dob, female)
        elif country == "DK":
            p.idtype, p.code = "dk_cpr", F.nid(ids.dk_make, dob, female)
        else:
            p.idtype, p.code = "uk_nhs_number", F.nid(lambda r: ids.nhs_make(r))
        p.addr = F.address(country) if rng.random() < .6 else None
        p.phone = F.phone(country) if rng.random() < .5 else None
        p.email = F.email(g, s, country if country in ("EE", "FI") else "*") if rng.random() < .25 else None
        prov = FOREIGN[country][0] if country != "EE" else (SELF if test[0] == "NIPT" and rng.random() < .4 else rng.choice(provs))
        p.orders = [{"prov": prov, "test": test}]
        if rng.random() < .2:
            prov2 = rng.choice(provs) if country == "EE" else prov
            p.orders.append({"prov": prov2, "test": rng.choice(TESTS) if test[0] != "NIPT" else test})
        people.append(p)
    order_no = rng.randint(1000, 3000)
    sample_no = rng.randint(10000, 20000)
    for p in people:
        for o in p.orders:
            order_no += rng.randint(1, 9)
            sample_no += rng.randint(1, 5)
            o["no"] = f"G2023-{order_no:05d}"
            o["sample"] = f"S23-{sample_no:05d}"
            o["date"] = datetime.date(2023, rng.randint(1, 8), rng.randint(1, 28))
            o["result"] = rng.choice(o["test"][5])
            o["has_ref"] = rng.random() < .85
            o["has_res"] = rng.random() < .7
            o["ref_noid"] = o["has_ref"] and rng.random() < .08
            if o["ref_noid"]:
                o["has_res"] = True
            o["in_manifest"] = rng.random() < .85
            o["analysis"] = rng.random() < .85
            p.controllers.append(o["prov"])
        o0 = p.orders[0]
        if not (o0["has_ref"] or o0["has_res"] or o0["in_manifest"]):
            o0["has_res"] = True
        if len(set(p.controllers)) > 1:
            p.notes.append("two ordering providers")

    def idstr(p, style=0):
        if p.idtype == "se_personnummer" and style == 1:
            return ("19" if p.dob.year < 2000 else "20") + p.code
        if p.idtype == "uk_nhs_number" and style == 1:
            return f"{p.code[:3]} {p.code[3:6]} {p.code[6:]}"
        return p.code

    def addr_str(p, style=None):
        return addr_ee(rng, p.addr, style) if p.country == "EE" else addr_other(p.addr)

    # ---------------------------------------------------------------- referrals (one file per order)
    old_refs = []
    for p in people:
        for o in p.orders:
            if not o["has_ref"]:
                continue
            lang = p.lang if p.lang != "ru" else "et"
            L = REF_LABELS[lang]
            in_zip = o["date"].month <= 2 and rng.random() < .5
            path = f"saatekirjad/{pcode[o['prov']]}/SK_{o['no']}.txt"
            D = leak.member("arhiiv/saatekirjad_2023-01_02.zip", path) if in_zip else leak.doc(path, newline="\r\n" if rng.random() < .3 else "\n")
            if in_zip:
                old_refs.append(D)
            r = T.rec(D, p)
            nm = rng.choice([f"{p.family.upper()}, {p.given}", f"{p.given} {p.family}", f"{p.family} {p.given}"])
            D.ln(L[0])
            D.ln(f"{o['prov']} ({pcode[o['prov']]})")
            D.ln(f"Tellimus / Order: {o['no']}")
            D.ln("")
            r.key("order:" + o["no"])
            D.ln(f"{L[1]}: {nm}")
            r.name(nm, L[1])
            idl = FOREIGN[p.country][3] if p.country != "EE" else "Isikukood"
            if o["ref_noid"]:
                D.ln(f"{idl}: —")
                p.notes.append("a referral without ID code (linked by name + birth date)")
            else:
                v = idstr(p, 1 if rng.random() < .5 else 0)
                D.ln(f"{idl}: {v}")
                r.id(p.idtype, p.code, v, idl)
            ds = fmt_date(p.dob, lang)
            D.ln(f"{L[2]}: {ds}")
            r.dob(p.dob, ds, L[2])
            if p.addr and rng.random() < .9:
                a = addr_str(p)
                D.ln(f"{L[3]}: {a}")
                r.addr(p.addr["id"], a, L[3])
            if p.phone:
                ph = phone_fmt(rng, p.phone)
                D.ln(f"{L[4]}: {ph}")
                r.id("phone", p.phone, ph, L[4])
            if p.email and rng.random() < .7:
                em = email_messy(rng, p.email)
                D.ln(f"{L[5]}: {em}")
                r.id("email", p.email, em, L[5])
            t = o["test"]
            D.ln("")
            D.ln(f"{L[6]}: {t[3]} {t[4] if lang == 'et' else t[2]}")
            r.el("health_data", L[6])
            D.ln(f"Analüüs / Test: {t[1] if lang == 'et' else t[2]}")
            if t[0] == "NIPT":
                D.ln(f"Rasedusnädal: {rng.randint(10, 20)}+{rng.randint(0, 6)}")
            D.ln("")
            doc = doctors[o["prov"]]
            D.ln(f"{L[7]}: {doc[0]} ({doc[1]}), {doc[2]}")
            D.ln(f"Kuupäev: {o['date'].strftime('%d.%m.%Y')}")
            if rng.random() < .2:
                T.decoy(doc[2], "staff_ordering_doctor", D, L[7])
    if old_refs:
        leak.zip("arhiiv/saatekirjad_2023-01_02.zip", old_refs)

    # ---------------------------------------------------------------- result reports (one per order, 70 %)
    for p in people:
        for o in p.orders:
            if not o["has_res"]:
                continue
            D = leak.doc(f"vastused/2023/{o['no']}_vastus.txt")
            r = T.rec(D, p)
            en = p.country != "EE"
            t = o["test"]
            D.ln("GENETIC TEST REPORT" if en else "GENEETILISE ANALÜÜSI VASTUS")
            D.ln(f"{LAB}, Tartu mnt 99, Tallinn | akrediteeritud labor L{rng.randint(100, 999)}")
            D.ln("=" * 60)
            nm = f"{p.given} {p.family}" if rng.random() < .6 else f"{p.family.upper()} {p.given.upper()}"
            D.ln(f"{'Patient' if en else 'Patsient'}:      {nm}")
            r.name(nm, "Patsient")
            v = idstr(p)
            D.ln(f"{'Personal ID' if en else 'Isikukood'}:    {v}")
            r.id(p.idtype, p.code, v, "Isikukood")
            ds = p.dob.strftime("%d.%m.%Y")
            D.ln(f"{'Date of birth' if en else 'Sünniaeg'}:     {ds}")
            r.dob(p.dob, ds, "Sünniaeg")
            D.ln(f"{'Sample' if en else 'Proov'}:         {o['sample']} ({'veri EDTA' if t[0] != 'NIPT' else 'ema veri, Streck'})")
            r.key("sample:" + o["sample"])
            D.ln(f"{'Ordered by' if en else 'Tellija'}:      {o['prov']} / {o['no']}")
            r.key("order:" + o["no"])
            D.ln(f"{'Test' if en else 'Analüüs'}:        {t[2] if en else t[1]}")
            D.ln("")
            res = o["result"] or ("Patogeenseid ega tõenäoliselt patogeenseid variante ei tuvastatud." if t[0] not in ("NIPT", "KARY") else
                                  ("madal risk (T21, T18, T13)" if t[0] == "NIPT" else "46,XX" if p.female else "46,XY"))
            D.ln(f"{'RESULT' if en else 'TULEMUS'}: {res}")
            D.ln("")
            D.ln("Tõlgendus: tulemust tuleb hinnata koos kliinilise info ja perekonnaanamneesiga. Geneetiline nõustamine on soovitatav.")
            D.ln(f"Kinnitas: {doctors[SELF][0]}, laborigeneetik")
            r.el("genetic_data", "TULEMUS").el("lab_result", "TULEMUS", opt=True).el("health_data", "TULEMUS", opt=True)

    # ---------------------------------------------------------------- sample manifest (links pseudonymous sample ids to persons)
    M = leak.doc("proovid/proovide_register_2023.csv", encoding="cp1257", newline="\r\n")
    M.ln("Proovi ID;Isikukood;Patsient;Võtmise kpv;Tellija kood;Analüüs")
    rows = [(o, p) for p in people for o in p.orders if o["in_manifest"]]
    rows.sort(key=lambda x: x[0]["sample"])
    for o, p in rows:
        nm = f"{p.family} {p.given}"
        try:
            nm.encode("cp1257")
        except UnicodeEncodeError:
            nm = f"{p.family} {p.given}".encode("cp1257", "replace").decode("cp1257")
        M.ln(csv_row([o["sample"], p.code, nm, o["date"].strftime("%d.%m.%Y"), pcode[o["prov"]], o["test"][0]], ";"))
        r = T.rec(M, p).id(p.idtype, p.code, p.code, "Isikukood").key("sample:" + o["sample"])
        if "?" not in nm:
            r.name(nm, "Patsient")
        r.el("health_data", "Analüüs", opt=True)

    # ---------------------------------------------------------------- pseudonymous analysis files (sample id only)
    def variants_file(D, sample, t):
        D.ln(f"##sample={sample}")
        D.ln("#CHROM\tPOS\tREF\tALT\tGENE\tHGVS\tZYG\tDP\tQUAL")
        for _ in range(rng.randint(3, 9)):
            D.ln(f"chr{rng.randint(1, 22)}\t{rng.randint(10**6, 2 * 10**8)}\t{rng.choice('ACGT')}\t{rng.choice('ACGT')}\t"
                 f"{rng.choice(['BRCA1', 'BRCA2', 'TTN', 'MYH7', 'CFTR', 'CYP2C19'])}\tc.{rng.randint(100, 9000)}{rng.choice('ACGT')}>{rng.choice('ACGT')}\t"
                 f"{rng.choice(['het', 'hom'])}\t{rng.randint(30, 400)}\t{rng.randint(50, 3000)}")
    for p in people:
        for o in p.orders:
            if not o["analysis"]:
                continue
            D = leak.doc(f"analuus/{o['sample']}/variants.tsv")
            variants_file(D, o["sample"], o["test"])
            if o["in_manifest"] or o["has_res"]:
                T.rec(D, p).key("sample:" + o["sample"]).el("genetic_data", "variants", opt=True)
            if rng.random() < .25:
                V = leak.doc(f"analuus/{o['sample']}/{o['sample']}.vcf")
                V.ln("##fileformat=VCFv4.2")
                V.ln(f"##reference=GRCh38")
                V.ln(f"#CHROM\tPOS\tID\tREF\tALT\tQUAL\tFILTER\tINFO\tFORMAT\t{o['sample']}")
                for _ in range(rng.randint(4, 12)):
                    V.ln(f"chr{rng.randint(1, 22)}\t{rng.randint(10**6, 2 * 10**8)}\t.\t{rng.choice('ACGT')}\t{rng.choice('ACGT')}\t{rng.randint(50, 999)}\tPASS\tDP={rng.randint(20, 300)}\tGT\t0/1")
                if o["in_manifest"] or o["has_res"]:
                    T.rec(V, p).key("sample:" + o["sample"]).el("genetic_data", "GT", opt=True)
    for k in range(rng.randint(35, 45)):      # samples of persons who are nowhere else in the leak
        sample_no += rng.randint(1, 5)
        s = f"S23-{sample_no:05d}"
        D = leak.doc(f"analuus/{s}/variants.tsv")
        variants_file(D, s, None)
        if k < 10:
            T.decoy(s, "pseudonymous_sample_id_only", D, "sample")

    # ---------------------------------------------------------------- invoices to providers (one per provider)
    byprov = {}
    for p in people:
        for o in p.orders:
            byprov.setdefault(o["prov"], []).append((o, p))
    for pv, lst in sorted(byprov.items()):
        if pv == SELF or rng.random() < .15:
            continue
        D = leak.doc(f"arved/{pcode[pv]}_2023_I-III.csv", encoding="cp1257", newline="\r\n")
        D.ln("sep=;")
        D.ln(f"Arve saaja;{pv};;;;")
        D.ln("Arve nr;Tellimus;Patsient;Isikukood;Teenus;Hind (EUR)")
        for o, p in sorted(lst, key=lambda x: x[0]["no"]):
            nm = f"{p.given} {p.family}"
            try:
                nm.encode("cp1257")
            except UnicodeEncodeError:
                nm = None
            inv = f"{rng.randint(230000, 239999)}"
            D.ln(csv_row([inv, o["no"], nm or "", p.code, o["test"][1], f"{rng.randint(90, 900)},00"], ";"))
            r = T.rec(D, p).id(p.idtype, p.code, p.code, "Isikukood").el("health_data", "Teenus", opt=True)
            if nm:
                r.name(nm, "Patsient")

    # ---------------------------------------------------------------- mails between lab and doctors
    cand = [p for p in people if p.country == "EE"]
    for k, p in enumerate(rng.sample(cand, 12)):
        o = p.orders[0]
        doc = doctors[o["prov"]]
        path = f"kirjavahetus/{o['date']:%Y%m%d}_{k:02d}_kordusproov.eml"
        B = leak.member(path, "body.txt")
        r = T.rec(B, p)
        nm = f"{p.given} {p.family}"
        B.ln(f"Lugupeetud {doc[0]},")
        B.ln("")
        B.ln(f"patsiendi {nm} (isikukood {p.code}) proov {o['sample']} oli hemolüüsunud ja analüüsi ei saa teha.")
        B.ln("Palun võtke uus proov ja saatke see meile koos uue saatekirjaga.")
        if p.phone and rng.random() < .5:
            ph = phone_fmt(rng, p.phone, 1)
            B.ln(f"Patsiendi telefon meie andmetel: {ph}")
            r.id("phone", p.phone, ph, "body")
        B.ln("")
        B.ln("Parimate soovidega")
        B.ln(f"{doctors[SELF][0]}, {LAB}")
        r.name(nm, "body").id(p.idtype, p.code, p.code, "body").key("sample:" + o["sample"])
        leak.eml(path, [("From", f"labor@helix.example.ee"), ("To", doc[2]), ("Subject", f"Kordusproov {o['sample']}"),
                        ("Date", f"{o['date']:%a, %d %b %Y} 10:{k:02d}:00 +0300")], B, qp=(k % 3 == 0))

    # ---------------------------------------------------------------- bank statement of self-paying patients (and spouses who paid)
    S = leak.doc("maksed/pangavaljavote_2023-01-08.csv", encoding="cp1257", newline="\r\n")
    S.ln('"Kliendi konto";"Kuupäev";"Saaja/Maksja";"Saaja/Maksja konto";"Summa";"Selgitus";"Viitenumber";"Valuuta"')
    lab_iban = ids.iban_ee(rng)
    payers = [p for p in people if any(o["prov"] == SELF for o in p.orders)] or people[:5]
    extra_n = len(people)
    for p in payers:
        o = next((o for o in p.orders if o["prov"] == SELF), p.orders[0])
        ref = f"{rng.randint(10000, 99999)}"
        ref = ref + ids._ee_731(ref)
        if rng.random() < .25:        # the spouse paid: another person, name + IBAN
            extra_n += 1
            female = not p.female
            g, s, *_x = F.name("et" if p.lang == "et" else "ru", female)
            q = T.person(f"c2p{extra_n:04d}", given=g, family=p.family if p.lang == "et" and rng.random() < .5 else s, lang=p.lang, female=female)
            q.iban = ids.iban_ee(rng)
            q.controllers = [LAB]
            q.notes.append(f"payer only (paid for {p.tid}), not a patient")
            payer_nm, payer_iban, payer = f"{q.given.upper()} {q.family.upper()}", q.iban, q
        else:
            p.iban = ids.iban_ee(rng)
            payer_nm, payer_iban, payer = f"{p.given.upper()} {p.family.upper()}", p.iban, p
            p.controllers.append(LAB)
        expl = f"NIPT {p.given} {p.family} {p.code}" if rng.random() < .6 or not (o["has_ref"] or o["has_res"]) else f"Arve {o['no']}"
        S.ln(";".join(f'"{x}"' for x in [lab_iban, o["date"].strftime("%d.%m.%Y"), payer_nm, payer_iban, f"{rng.choice([290, 350, 420])},00",
                                         expl, ref, "EUR"]))
        r = T.rec(S, payer).name(payer_nm, "Saaja/Maksja").id("iban", payer_iban, payer_iban, "Saaja/Maksja konto")
        if payer is not p:
            if expl.startswith("NIPT"):
                T.rec(S, p).name(f"{p.given} {p.family}", "Selgitus").id(p.idtype, p.code, p.code, "Selgitus").el("health_data", "Selgitus", opt=True)
        elif expl.startswith("NIPT"):
            r.id(p.idtype, p.code, p.code, "Selgitus").el("health_data", "Selgitus", opt=True)
        else:
            p.notes.append("payment linked only by name to the patient (no ID in the payment); IBAN row has the payer name")
            # the row is linkable to the patient only through name + order number: record the order as a key
            r.key("order:" + o["no"])
        if len([d for d in T.decoys if d["kind"] == "payment_reference"]) < 4:
            T.decoy(ref, "payment_reference", S, "Viitenumber")
    T.decoy(lab_iban, "organisation_iban", S, "Kliendi konto")

    # ---------------------------------------------------------------- patient portal log
    P = leak.doc("portaal/tulemuste_vaatamised_2023.ndjson")
    evs = []
    for p in people:
        if p.country != "EE" or rng.random() > .3:
            continue
        o = rng.choice(p.orders)
        em = p.email or (F.email(p.given, p.family, "EE") if rng.random() < .5 else None)
        if em and not p.email:
            p.email = em
            p.notes.append("e-mail only in the portal log")
        t = datetime.datetime(2023, rng.randint(3, 9), rng.randint(1, 28), rng.randint(6, 23), rng.randint(0, 59), rng.randint(0, 59))
        evs.append((t, p, o, em))
    for k in range(rng.randint(200, 260)):
        t = datetime.datetime(2023, rng.randint(3, 9), rng.randint(1, 28), rng.randint(0, 23), rng.randint(0, 59), rng.randint(0, 59))
        evs.append((t, None, None, None))
    evs.sort(key=lambda x: (x[0], x[1].tid if x[1] else ""))
    for t, p, o, em in evs:
        if p is None:
            P.ln(json.dumps({"ts": t.isoformat(), "event": rng.choice(["HEALTHCHECK", "SESSION_EXPIRED", "LOGIN_FAILED"]), "ip": f"10.8.{rng.randint(0, 255)}.{rng.randint(1, 254)}"}))
            continue
        ev = {"ts": t.isoformat(), "event": "RESULT_VIEW", "auth": rng.choice(["ID-kaart", "Mobiil-ID", "Smart-ID"]), "idCode": p.code,
              "orderNo": o["no"], "email": em}
        P.ln(json.dumps(ev))
        r = T.rec(P, p).id(p.idtype, p.code, p.code, "idCode").key("order:" + o["no"])
        if em:
            r.id("email", p.email, em, "email")

    # ---------------------------------------------------------------- files without persons
    X = leak.doc("protokollid/SOP_NGS_raamatukogu_v3.txt")
    X.ln("SOP-NGS-014 v3  Raamatukogu ettevalmistus (Illumina DNA Prep)")
    for i in range(1, 16):
        X.ln(f"{i}. Pipeteeri {rng.randint(5, 50)} µl reagenti {rng.choice(['TB1', 'EPM', 'RSB', 'SPB'])}, inkubeeri {rng.randint(2, 15)} min {rng.choice(['RT', '37 °C', '65 °C'])}.")
    H = leak.doc("hinnakiri_2023.csv", encoding="cp1257", newline="\r\n")
    H.ln("Kood;Analüüs;Hind;Tähtaeg (päeva)")
    for t in TESTS:
        H.ln(f"{t[0]}-{rng.randint(100, 999)};{t[1]};{rng.randint(90, 900)},00;{rng.randint(7, 45)}")
    R = leak.doc("seadmed/sekveneerija_run_log.txt")
    for i in range(80):
        R.ln(f"2023-0{rng.randint(1, 9)}-{rng.randint(10, 28)}T{rng.randint(10, 23)}:{rng.randint(10, 59)}:00 NB{rng.randint(500000, 599999)} run {rng.randint(100, 999)} "
             f"flowcell H{rng.randint(10**6, 10**7)}XY cluster PF {rng.randint(70, 95)}.{rng.randint(0, 9)}%")
    ppl = list(T.persons.values())
    for p in ppl:
        p.controllers = sorted(set(p.controllers))
    errs = T.check()
    return leak, T.to_json(title="Genetic testing laboratory (Estonia)", organisation=LAB, role="processor",
                           note="controllers are the ordering healthcare providers (SELF = the lab's own private clinic)",
                           providers={pv: c for pv, c in pcode.items()}), errs
