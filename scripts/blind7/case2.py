"""Case 2 — genetic testing laboratory (Estonia) with ~40 ordering providers.

Shapes: HL7 CDA R2 result documents (recordTarget with the national ID by OID, birthTime, telecom tel:/mailto:,
a guardian for children, author/legalAuthenticator/informationRecipient staff, a result table with HGVS and a
specimen id); referral forms and result letters as PDF (text layer, one page, et/lv/lt/fi/sv/no/da/en); monthly
sample-reception registers as XLSX (ID codes stored as numbers); nf-core/sarek sample sheets and IGV .seg files
that hold only sample ids; a Microsoft Teams channel export (Graph JSON with HTML message bodies).
"""
import datetime as dt
import json
import random

from common import Case
import fmt
import people as P
from shared import ids, check

LAB = "Helix Geneetikakeskus OÜ"
EE_PROV = ["Tartu Ülikooli Kliinikum", "Põhja-Eesti Regionaalhaigla", "Ida-Tallinna Keskhaigla", "Lääne-Tallinna Keskhaigla",
           "Tallinna Lastehaigla", "Pärnu Haigla", "Ida-Viru Keskhaigla", "Viljandi Haigla", "Kuressaare Haigla",
           "Järvamaa Haigla", "Rakvere Haigla", "Valga Haigla", "Põlva Haigla", "Läänemaa Haigla", "Hiiumaa Haigla",
           "Narva Haigla", "Jõgeva Haigla", "Raplamaa Haigla", "Fertilitas AS", "Nova Vita Kliinik", "Elite Kliinik",
           "Qvalitas Arstikeskus", "Medicum Tervisekeskus", "Confido Meditsiinikeskus", "Kliinik 32", "Innomed Kliinik",
           "Perearstikeskus Kristiine", "Perearstikeskus Annelinn", "Mustamäe Perearstikeskus", "Tartu Kesklinna Perearstid",
           "Pärnu Perearstikeskus", "Lasnamäe Tervisemaja", "Haapsalu Neuroloogiline Rehabilitatsioonikeskus"]
FOREIGN = [("LV", "lv", "Rīgas Austrumu klīniskā universitātes slimnīca"), ("LT", "lt", "Vilniaus universiteto ligoninė Santaros klinikos"),
           ("FI", "fi", "HUS Diagnostiikkakeskus"), ("SE", "sv", "Karolinska Universitetssjukhuset"),
           ("NO", "no", "Oslo universitetssykehus"), ("DK", "da", "Rigshospitalet")]

TESTS = [
    ("BRCA1/BRCA2 järjestamine", "Z80.3", "Rinnavähk perekonna anamneesis", [("BRCA1", "NM_007294.4:c.68_69del", "p.(Glu23ValfsTer17)"),
     ("BRCA1", "NM_007294.4:c.5266dup", "p.(Gln1756ProfsTer74)"), ("BRCA2", "NM_000059.4:c.9097dup", "p.(Thr3033AsnfsTer11)")]),
    ("Päriliku hemokromatoosi test (HFE)", "E83.1", "Raua ainevahetuse häire", [("HFE", "NM_000410.4:c.845G>A", "p.(Cys282Tyr)"),
     ("HFE", "NM_000410.4:c.187C>G", "p.(His63Asp)")]),
    ("Tsüstilise fibroosi test (CFTR)", "E84.9", "Tsüstiline fibroos, täpsustamata", [("CFTR", "NM_000492.4:c.1521_1523del", "p.(Phe508del)")]),
    ("Kardiomüopaatia geenipaneel", "I42.1", "Obstruktiivne hüpertroofiline kardiomüopaatia", [("MYBPC3", "NM_000256.3:c.1504C>T", "p.(Arg502Trp)"),
     ("MYH7", "NM_000257.4:c.1208G>A", "p.(Arg403Gln)")]),
    ("Trombofiilia (F5, F2)", "D68.5", "Primaarne trombofiilia", [("F5", "NM_000130.5:c.1601G>A", "p.(Arg534Gln)"),
     ("F2", "NM_000506.5:c.*97G>A", "")]),
    ("Laktoositalumatus (MCM6)", "E73.9", "Laktoositalumatus, täpsustamata", [("MCM6", "NM_005916.5:c.1917+326C>T", "")]),
    ("Kromosoomne mikrokiipanalüüs", "Q89.7", "Mitmesed kaasasündinud väärarendid", [("22q11.21", "arr[GRCh38] 22q11.21(18912231_21465672)x1", "")]),
    ("Fragiilse X sündroomi test (FMR1)", "F84.0", "Lapseea autism", [("FMR1", "NM_002024.6:c.-129CGG[55_200]", "")]),
]
NIPT = ("Mitteinvasiivne sünnieelne test (NIPT)", "Z36.0", "Sünnieelne sõeluuring kromosoomianomaaliate suhtes",
        [("T21/T18/T13", "madal risk (< 1:10000)", "")])

LABELS = {
    "et": ("SAATEKIRI GENEETILISELE UURINGULE", "Patsient", "Isikukood", "Sünniaeg", "Aadress", "Telefon", "E-post", "Näidustus",
           "Tellitud uuring", "Saatja", "Asutus", "Kuupäev", "Seaduslik esindaja"),
    "lv": ("NOSŪTĪJUMS ĢENĒTISKAJAI IZMEKLĒŠANAI", "Pacients", "Personas kods", "Dzimšanas datums", "Adrese", "Tālrunis", "E-pasts",
           "Indikācijas", "Pieprasītais izmeklējums", "Nosūtītājs", "Iestāde", "Datums", "Likumiskais pārstāvis"),
    "lt": ("SIUNTIMAS GENETINIAM TYRIMUI", "Pacientas", "Asmens kodas", "Gimimo data", "Adresas", "Telefonas", "El. paštas",
           "Indikacijos", "Užsakytas tyrimas", "Siuntėjas", "Įstaiga", "Data", "Atstovas pagal įstatymą"),
    "fi": ("LÄHETE GENEETTISEEN TUTKIMUKSEEN", "Potilas", "Henkilötunnus", "Syntymäaika", "Osoite", "Puhelin", "Sähköposti",
           "Indikaatio", "Pyydetty tutkimus", "Lähettäjä", "Yksikkö", "Päivämäärä", "Laillinen edustaja"),
    "sv": ("REMISS FÖR GENETISK UNDERSÖKNING", "Patient", "Personnummer", "Födelsedatum", "Adress", "Telefon", "E-post",
           "Indikation", "Begärd undersökning", "Remittent", "Enhet", "Datum", "Vårdnadshavare"),
    "no": ("HENVISNING TIL GENETISK UNDERSØKELSE", "Pasient", "Fødselsnummer", "Fødselsdato", "Adresse", "Telefon", "E-post",
           "Indikasjon", "Ønsket undersøkelse", "Henvisende lege", "Enhet", "Dato", "Foresatt"),
    "da": ("HENVISNING TIL GENETISK UNDERSØGELSE", "Patient", "CPR-nummer", "Fødselsdato", "Adresse", "Telefon", "E-mail",
           "Indikation", "Ønsket undersøgelse", "Henvisende læge", "Afdeling", "Dato", "Værge"),
}
OID = {"EE": ("1.3.6.1.4.1.28284.6.2.2.1", "Eesti isikukood"), "FI": ("1.2.246.21", "Henkilötunnus"),
       "SE": ("1.2.752.129.2.1.3.1", "Personnummer"), "NO": ("2.16.578.1.12.4.1.4.1", "Fødselsnummer"),
       "DK": ("1.2.208.176.1.2", "CPR"), "LV": ("1.3.6.1.4.1.28284.6.2.9.428", "LV personas kods"),
       "LT": ("1.3.6.1.4.1.28284.6.2.9.440", "LT asmens kodas")}
STREETS = {"LV": (["Brīvības iela", "Elizabetes iela", "Krasta iela", "Lāčplēša iela"], [("Rīga", "LV-10"), ("Jelgava", "LV-30"), ("Valmiera", "LV-42")]),
           "LT": (["Gedimino pr.", "Savanorių pr.", "Žirmūnų g.", "Laisvės al."], [("Vilnius", "LT-0"), ("Kaunas", "LT-4"), ("Klaipėda", "LT-9")]),
           "SE": (["Storgatan", "Kungsgatan", "Drottninggatan", "Sveavägen"], [("Stockholm", "11"), ("Uppsala", "75"), ("Västerås", "72")]),
           "NO": (["Storgata", "Kirkeveien", "Bygdøy allé", "Trondheimsveien"], [("Oslo", "0"), ("Bergen", "5"), ("Drammen", "3")]),
           "DK": (["Nørrebrogade", "Vesterbrogade", "Østerbrogade", "Amagerbrogade"], [("København N", "22"), ("Aarhus C", "80"), ("Odense C", "50")])}
FI_TOWNS = [("Helsinki", "00100"), ("Espoo", "02100"), ("Vantaa", "01300"), ("Turku", "20100"), ("Tampere", "33100")]
STAFF = [("dr", "Kadri", "Saar", "kadri.saar@helix.test", "+372 640 9911"), ("dr", "Sander", "Mägi", "sander.magi@helix.test", "+372 640 9912"),
         ("dr", "Piret", "Kuusk", "piret.kuusk@helix.test", "+372 640 9913"), ("MSc", "Triin", "Org", "triin.org@helix.test", "+372 640 9920")]


class Pt:
    pass


def foreign_address(rng, country):
    if country == "FI":
        a = P.fi_address(rng, FI_TOWNS)
        return a["street"], f"{a['zip']} {a['town']}", a["town"], a["zip"]
    streets, towns = STREETS[country]
    town, zp = rng.choice(towns)
    z = {"LV": f"{zp}{rng.randint(10, 99)}", "LT": f"{zp}{rng.randint(1000, 9999)}", "SE": f"{zp}{rng.randint(1, 9)} {rng.randint(10, 99)}",
         "NO": f"{zp}{rng.randint(100, 999)}", "DK": f"{zp}{rng.randint(0, 9)}0"}[country]
    st = f"{rng.choice(streets)} {rng.randint(1, 90)}" + (f"-{rng.randint(1, 40)}" if country in ("LV", "LT") else "")
    return st, f"{z} {town}", town, z


def raw_nid(t, v):
    if t == "se_personnummer" and len(v) == 13:
        return v[2:]
    return v


def build(seed):
    rng = random.Random(f"blind7-case2-{seed}")
    case = Case(2, "ee_genetics_cda", "Genetic testing laboratory (EE): CDA result documents, referral and result-letter PDFs, "
                "XLSX reception registers, sample-only sequencing files, a Teams export", rng)
    case.extra["providers"] = EE_PROV + [f for _, _, f in FOREIGN]
    case.extra["special_categories"] = ["genetic_data", "health_data"]
    physicians = {}
    for pv in EE_PROV:
        nm = P.make_name(rng, "et")
        physicians[pv] = (f"dr {nm.given} {nm.surname}", f"+372 {rng.choice(['7', '6', '4'])}{rng.randint(10, 99)} {rng.randint(1000, 9999)}")
    for cc, lang, pv in FOREIGN:
        nm = P.make_name(rng, lang)
        physicians[pv] = (f"dr {nm.given} {nm.surname}", None)

    # ------------------------------------------------------------ patients and orders
    n = rng.randint(300, 360)
    pts = []
    for i in range(n):
        t = Pt()
        r = rng.random()
        if r < 0.85:
            t.country = "EE"
            t.lang = rng.choices(["et", "ru", "en"], [70, 25, 5])[0]
            t.provs = [rng.choice(EE_PROV)]
        else:
            cc, lang, pv = FOREIGN[int((r - 0.85) / 0.15 * len(FOREIGN))]
            t.country, t.lang, t.provs = cc, lang, [pv]
        child = t.country == "EE" and rng.random() < 0.08
        t.nm = P.unique_name(rng, case, t.lang)
        t.dob = P.dob(rng, 2009, 2021) if child else P.dob(rng, 1940, 2003)
        t.child = child
        t.nid_t, t.nid = P.nid(rng, case, t.country, t.dob, t.nm.female)
        t.p = case.person(t.nm.full, t.lang)
        if t.nm.cyr:
            t.p.variant(t.nm.cyr)
        t.phone = P.phone(rng, case, t.country) if rng.random() < 0.75 and not child else None
        t.email = P.email(rng, case, t.nm.given, t.nm.surname) if rng.random() < 0.45 and not child else None
        if t.country == "EE":
            a = P.ee_address(rng)
            t.street, t.town_line = a["street"], f"{a['zip']} {a['town']}"
            t.city, t.zip = a["town"], a["zip"]
        else:
            t.street, t.town_line, t.city, t.zip = foreign_address(rng, t.country)
        if t.country == "EE" and rng.random() < 0.08:
            t.provs.append(rng.choice([x for x in EE_PROV if x != t.provs[0]]))
        t.guardian = None
        if child:
            g = Pt()
            g.nm = P.unique_name(rng, case, t.lang if t.lang != "en" else "et")
            if rng.random() < 0.7:
                for _t in range(50):
                    cand = P.make_name(rng, g.nm.lang)
                    cand.surname = t.nm.surname if t.lang != "ru" else (t.nm.surname if t.nm.female == cand.female else
                                                                         (t.nm.surname[:-1] if t.nm.female else t.nm.surname + "a"))
                    cand.cyr = None
                    if case.claim_name(cand.full):
                        g.nm = cand
                        break
            g.nm_surname = g.nm.surname
            g.p = case.person(g.nm.full, g.nm.lang)
            g.phone = P.phone(rng, case, "EE")
            g.email = P.email(rng, case, g.nm.given, g.nm.surname) if rng.random() < 0.5 else None
            g.p.note = f"legal guardian of {t.p.tid}"
            t.guardian = g
        for pv in t.provs:
            t.p.ctrl(pv)
            if t.guardian:
                t.guardian.p.ctrl(pv)
        female_adult = t.nm.female and not child and 1975 <= t.dob.year <= 2001
        t.orders = []
        for pv in t.provs:
            o = Pt()
            o.prov = pv
            o.test = NIPT if female_adult and pv in ("Fertilitas AS", "Nova Vita Kliinik") and rng.random() < 0.6 else \
                rng.choice(TESTS[6:] if child else TESTS[:6])
            o.date = dt.date(2023, 1, 2) + dt.timedelta(days=rng.randint(0, 250))
            o.id = f"GEN-2023-{rng.randint(1000, 99999):05d}"
            o.sample = f"S23-{rng.randint(100000, 999999)}"
            o.result = rng.random() < 0.94
            o.variant = rng.choice(o.test[3])
            o.positive = rng.random() < 0.35
            t.orders.append(o)
        pts.append(t)

    orders = [(t, o) for t in pts for o in t.orders]
    orders.sort(key=lambda x: (x[1].date, x[1].id))

    # ------------------------------------------------------------ referral PDFs
    for t, o in orders:
        if rng.random() > 0.9:
            continue
        p = t.p
        lang = t.lang if t.country != "EE" else "et"
        L = LABELS[lang]
        path = f"saatekirjad/{ids.ascii_fold(o.prov).replace(' ', '_')}/{o.id}.pdf"
        y = 60
        lines = [(50, y, 14, True, L[0]), (50, y + 18, 9, False, f"{LAB} · Tellimus {o.id}")]
        y += 50
        name_w = f"{t.nm.surname.upper()} {t.nm.given}" if rng.random() < 0.4 else t.nm.full

        def row(label, value):
            nonlocal y
            lines.append((50, y, 10, True, f"{label}:"))
            lines.append((190, y, 10, False, value))
            y += 16
        row(L[1], name_w)
        p.nm(name_w, path, L[1])
        nraw = raw_nid(t.nid_t, t.nid)
        row(L[2], nraw)
        p.ident(t.nid_t, t.nid, nraw, path, L[2])
        row(L[3], P.d_eu(t.dob))
        p.val("date_of_birth", P.d_eu(t.dob), path, L[3])
        row(L[4], f"{t.street}, {t.town_line}")
        p.val("postal_address", t.street, path, L[4])
        if t.phone:
            praw = ids.render_phone(rng, t.country, t.phone[0])[0]
            row(L[5], praw)
            p.ident("phone", t.phone[1], praw, path, L[5])
        if t.email:
            row(L[6], t.email)
            p.ident("email", t.email, t.email, path, L[6])
        if t.guardian:
            g = t.guardian
            graw = ids.render_phone(rng, "EE", g.phone[0])[0]
            row(L[12], f"{g.nm.full}, tel {graw}")
            g.p.nm(g.nm.full, path, L[12])
            g.p.ident("phone", g.phone[1], graw, path, L[12])
        y += 8
        row(L[7], f"{o.test[1]} {o.test[2]}")
        p.el("health_data", path, L[7])
        row(L[8], o.test[0])
        p.el("genetic_data", path, L[8] + " (ordered only)", req=False)
        doc, ph = physicians[o.prov]
        y += 8
        row(L[9], doc + (f", tel {ph}" if ph else ""))
        row(L[10], o.prov)
        row(L[11], P.d_eu(o.date))
        case.add(path, fmt.pdf_bytes(lines, title=L[0], author=o.prov, created=f"D:{o.date:%Y%m%d}101500+02'00'"), kind="pdf")
        if ph and not any(d["value"] == "+372" + ph[5:].replace(" ", "") for d in case.decoys):
            case.decoy("physician_phone", "+372" + ph[5:].replace(" ", ""), path, L[9], "ordering physician's work phone", raw=ph)

    # ------------------------------------------------------------ consent forms (PDF)
    for t, o in orders:
        if rng.random() > 0.8:
            continue
        path = f"nousolekud/{o.date:%Y-%m}/{o.id}_nousolek.pdf"
        foreign = t.country != "EE"
        nraw = raw_nid(t.nid_t, t.nid)
        if foreign:
            head = "INFORMED CONSENT FOR GENETIC TESTING"
            if t.guardian:
                s1 = f"I, {t.guardian.nm.full}, legal guardian of {t.nm.full} (personal ID {nraw}),"
            else:
                s1 = f"I, {t.nm.full} (personal ID {nraw}),"
            body = [s1, f"agree to the test \"{o.test[0]}\" ordered by {o.prov}.",
                    "I have been informed that the results may be relevant to my relatives.", "",
                    f"Signed electronically on {P.d_eu(o.date)}."]
        else:
            head = "INFORMEERITUD NÕUSOLEK GENEETILISEKS UURINGUKS"
            if t.guardian:
                s1 = f"Mina, {t.guardian.nm.full}, lapse {t.nm.full} (isikukood {nraw}) seaduslik esindaja,"
            else:
                s1 = f"Mina, {t.nm.full} (isikukood {nraw}),"
            body = [s1, f"olen tutvunud uuringu „{o.test[0]}“ eesmärgi ja võimalike tulemustega",
                    f"ning annan nõusoleku uuringu tegemiseks. Tellija: {o.prov}.",
                    "Olen teadlik, et tulemused võivad puudutada ka minu sugulasi.", "",
                    f"Allkirjastatud digitaalselt {P.d_eu(o.date)}."]
        ls = [(50, 70, 12, True, head)] + [(50, 110 + 16 * i, 10, False, b) for i, b in enumerate(body)]
        case.add(path, fmt.pdf_bytes(ls, title=head, author=LAB, created=f"D:{o.date:%Y%m%d}093000+03'00'"), kind="pdf")
        t.p.nm(t.nm.full, path, "consent text")
        t.p.ident(t.nid_t, t.nid, nraw, path, "consent text")
        t.p.el("genetic_data", path, "test consented to (ordered only)", req=False)
        if t.guardian:
            t.guardian.p.nm(t.guardian.nm.full, path, "consent text (guardian)")

    # ------------------------------------------------------------ XLSX reception registers, one per month
    months = {}
    for t, o in orders:
        months.setdefault(o.date.month, []).append((t, o))
    for m, lst in sorted(months.items()):
        path = f"proovide_vastuvott/registreerimine_2023-{m:02d}.xlsx"
        rows = [["Proovi ID", "Saabunud", "Patsient", "Isikukood", "Sünniaeg", "Tellija", "Haigusloo nr", "Uuring", "Proovi tüüp", "Märkus"]]
        hl_decoys = 0
        for t, o in lst:
            while True:
                hl = str(rng.choice([3, 4, 5, 6])) + "".join(str(rng.randint(0, 9)) for _ in range(10))
                if not check.any_person_id(hl):
                    break
            if hl_decoys < 2:
                case.decoy("case_history_number", hl, path, "Haigusloo nr", "provider's case-history number shaped like an ID code; fails every check",
                           must_fail=True)
                hl_decoys += 1
            nraw = raw_nid(t.nid_t, t.nid)
            idcell = int(nraw) if t.nid_t == "ee_isikukood" else nraw
            who = f"{t.nm.surname.upper()}, {t.nm.given}"
            rows.append([o.sample, f"{o.date + dt.timedelta(days=rng.randint(1, 4)):%d.%m.%Y}", who, idcell, P.d_eu(t.dob), o.prov, int(hl),
                         o.test[0], rng.choice(["EDTA veri", "EDTA veri", "sülg", "bukaalne epiteel"] if o.test is not NIPT else ["Streck veri"]),
                         rng.choice(["", "", "", "kordusproov", "CITO", "proov hemolüüsunud"])])
            t.p.nm(who, path, "Patsient")
            t.p.ident(t.nid_t, t.nid, nraw, path, "Isikukood")
            t.p.val("date_of_birth", P.d_eu(t.dob), path, "Sünniaeg")
            t.p.el("genetic_data", path, "Uuring (ordered)", req=False)
        rows.append([])
        rows.append(["Kokku proove", len(lst)])
        case.add(path, fmt.xlsx_bytes([("Registreerimine", rows)], creator="Kätlin Vaher", modified=f"2023-{m:02d}-28T17:05:00Z"), kind="xlsx")
        case.decoy("sample_id", lst[0][1].sample, path, "Proovi ID", "pseudonymous sample id")

    # ------------------------------------------------------------ CDA result documents
    staff_decoyed = set()
    cda_jobs = []
    for t, o in orders:
        if not o.result:
            continue
        cda_jobs.append((t, o, None))
        if rng.random() < 0.25:
            cda_jobs.append((t, o, "RPLC"))
    for t, o, repl in cda_jobs:
        p = t.p
        uid = "%08x-%04x-%04x-%04x-%012x" % (rng.getrandbits(32), rng.getrandbits(16), rng.getrandbits(16), rng.getrandbits(16), rng.getrandbits(48))
        if repl is None:
            rdate = o.date + dt.timedelta(days=rng.randint(10, 40))
            o.rdate, o.uid = rdate, uid
        else:
            rdate = o.rdate + dt.timedelta(days=rng.randint(1, 9))
        path = f"tulemused/cda/{rdate:%Y}/{rdate:%m}/{uid}.xml"
        foreign = t.country != "EE"
        lang = "en" if foreign else "et"
        oid, aname = OID[t.country]
        au = rng.choice(STAFF[:3])
        la = STAFF[3]
        gene, hgvs, prot = o.variant
        x = ['<?xml version="1.0" encoding="UTF-8"?>', '<?xml-stylesheet type="text/xsl" href="CDA.xsl"?>',
             '<ClinicalDocument xmlns="urn:hl7-org:v3" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" xmlns:sdtc="urn:hl7-org:sdtc">',
             '  <realmCode code="EE"/>', '  <typeId root="2.16.840.1.113883.1.3" extension="POCD_HD000040"/>',
             '  <templateId root="1.3.6.1.4.1.28284.6.1.1.60"/>', f'  <id root="1.3.6.1.4.1.28284.1.5.771" extension="{uid}"/>',
             '  <code code="51969-4" codeSystem="2.16.840.1.113883.6.1" codeSystemName="LOINC" displayName="Genetic analysis report"/>',
             f'  <title>{"Genetic test report" if foreign else "Geneetilise uuringu vastus"}</title>',
             f'  <effectiveTime value="{rdate:%Y%m%d}{rng.randint(8, 17):02d}{rng.randint(0, 59):02d}00+0300"/>',
             '  <confidentialityCode code="R" codeSystem="2.16.840.1.113883.5.25"/>', f'  <languageCode code="{lang}"/>',
             '  <recordTarget>', '    <patientRole>',
             f'      <id root="{oid}" extension="{raw_nid(t.nid_t, t.nid)}" assigningAuthorityName="{fmt.xe(aname)}"/>']
        p.ident(t.nid_t, t.nid, raw_nid(t.nid_t, t.nid), path, "recordTarget/patientRole/id")
        if rng.random() < 0.85:
            x += ['      <addr use="HP">', f'        <streetAddressLine>{fmt.xe(t.street)}</streetAddressLine>',
                  f'        <city>{fmt.xe(t.city)}</city>', f'        <postalCode>{t.zip}</postalCode>', f'        <country>{t.country}</country>',
                  '      </addr>']
            p.val("postal_address", fmt.xe(t.street), path, "patientRole/addr")
        if t.phone:
            x.append(f'      <telecom use="MC" value="tel:{t.phone[1]}"/>')
            p.ident("phone", t.phone[1], t.phone[1], path, "patientRole/telecom tel:")
        if t.email and rng.random() < 0.7:
            x.append(f'      <telecom use="HP" value="mailto:{t.email}"/>')
            p.ident("email", t.email, t.email, path, "patientRole/telecom mailto:")
        x += ['      <patient>', f'        <name><given>{fmt.xe(t.nm.given)}</given><family>{fmt.xe(t.nm.surname)}</family></name>',
              f'        <administrativeGenderCode code="{"F" if t.nm.female else "M"}" codeSystem="2.16.840.1.113883.5.1"/>',
              f'        <birthTime value="{t.dob:%Y%m%d}"/>']
        p.nm([fmt.xe(t.nm.given), fmt.xe(t.nm.surname)], path, "patient/name")
        p.val("date_of_birth", f"{t.dob:%Y%m%d}", path, "patient/birthTime")
        if t.guardian:
            g = t.guardian
            x += ['        <guardian>', '          <code code="PRN" codeSystem="2.16.840.1.113883.5.111" displayName="parent"/>',
                  f'          <telecom use="MC" value="tel:{g.phone[1]}"/>']
            g.p.ident("phone", g.phone[1], g.phone[1], path, "guardian/telecom tel:")
            if g.email:
                x.append(f'          <telecom use="HP" value="mailto:{g.email}"/>')
                g.p.ident("email", g.email, g.email, path, "guardian/telecom mailto:")
            x += [f'          <guardianPerson><name><given>{fmt.xe(g.nm.given)}</given><family>{fmt.xe(g.nm.surname)}</family></name></guardianPerson>',
                  '        </guardian>']
            g.p.nm([fmt.xe(g.nm.given), fmt.xe(g.nm.surname)], path, "guardian/guardianPerson/name")
        x += [f'        <languageCommunication><languageCode code="{t.lang}"/></languageCommunication>', '      </patient>',
              '    </patientRole>', '  </recordTarget>',
              '  <author>', f'    <time value="{rdate:%Y%m%d}"/>', '    <assignedAuthor>',
              f'      <id root="1.3.6.1.4.1.28284.6.2.4.9" extension="D{rng.randint(10000, 99999)}"/>',
              f'      <telecom use="WP" value="tel:{au[4].replace(" ", "")}"/>', f'      <telecom use="WP" value="mailto:{au[3]}"/>',
              f'      <assignedPerson><name><prefix>{au[0]}</prefix><given>{au[1]}</given><family>{fmt.xe(au[2])}</family></name></assignedPerson>',
              f'      <representedOrganization><name>{fmt.xe(LAB)}</name></representedOrganization>', '    </assignedAuthor>', '  </author>',
              '  <custodian><assignedCustodian><representedCustodianOrganization>',
              f'    <id root="1.3.6.1.4.1.28284.6.2.1.1" extension="12345678"/><name>{fmt.xe(LAB)}</name>',
              '  </representedCustodianOrganization></assignedCustodian></custodian>',
              '  <informationRecipient><intendedRecipient>',
              f'    <informationRecipient><name>{fmt.xe(physicians[o.prov][0])}</name></informationRecipient>',
              f'    <receivedOrganization><name>{fmt.xe(o.prov)}</name></receivedOrganization>',
              '  </intendedRecipient></informationRecipient>',
              '  <legalAuthenticator>', f'    <time value="{rdate:%Y%m%d}"/>', '    <signatureCode code="S"/>', '    <assignedEntity>',
              '      <id root="1.3.6.1.4.1.28284.6.2.4.9" extension="D20117"/>', f'      <telecom use="WP" value="mailto:{la[3]}"/>',
              f'      <assignedPerson><name><prefix>{la[0]}</prefix><given>{la[1]}</given><family>{la[2]}</family></name></assignedPerson>',
              '    </assignedEntity>', '  </legalAuthenticator>',
              f'  <inFulfillmentOf><order><id root="1.3.6.1.4.1.28284.1.5.772" extension="{o.id}"/></order></inFulfillmentOf>',
              *([f'  <relatedDocument typeCode="RPLC"><parentDocument><id root="1.3.6.1.4.1.28284.1.5.771" extension="{o.uid}"/></parentDocument></relatedDocument>']
                if repl else []),
              '  <component>', '    <structuredBody>', '      <component>', '        <section>',
              '          <code code="29308-4" codeSystem="2.16.840.1.113883.6.1" displayName="Diagnosis"/>',
              f'          <title>{"Indication" if foreign else "Uuringu näidustus"}</title>',
              f'          <text>{o.test[1]} {fmt.xe(o.test[2])}</text>',
              f'          <entry><observation classCode="OBS" moodCode="EVN"><code code="{o.test[1]}" codeSystem="2.16.840.1.113883.6.3" codeSystemName="ICD-10"/></observation></entry>',
              '        </section>', '      </component>', '      <component>', '        <section>',
              '          <code code="51969-4" codeSystem="2.16.840.1.113883.6.1"/>', f'          <title>{"Result" if foreign else "Tulemus"}</title>',
              '          <text>', '            <table border="1">',
              '              <thead><tr><th>' + ('</th><th>'.join(["Gene", "Variant (HGVS)", "Protein", "Zygosity", "Classification"] if foreign else
                                                                     ["Geen", "Variant (HGVS)", "Valk", "Sügotsüsus", "Klassifikatsioon"])) + '</th></tr></thead>']
        if o.positive:
            cls = rng.choice(["patogeenne (ACMG klass 5)", "tõenäoliselt patogeenne (klass 4)", "VUS (klass 3)"]) if not foreign else \
                rng.choice(["pathogenic (ACMG class 5)", "likely pathogenic (class 4)", "VUS (class 3)"])
            zyg = rng.choice(["heterosügootne", "homosügootne"]) if not foreign else rng.choice(["heterozygous", "homozygous"])
            x.append(f'              <tbody><tr><td>{gene}</td><td>{fmt.xe(hgvs)}</td><td>{fmt.xe(prot)}</td><td>{zyg}</td><td>{cls}</td></tr></tbody>')
            concl = (f"Leiti {gene} geeni variant {hgvs}. Soovitame geneetilist nõustamist." if not foreign else
                     f"A {gene} variant {hgvs} was detected. Genetic counselling is recommended.")
        else:
            x.append('              <tbody><tr><td>' + gene + '</td><td colspan="4">' + ("patogeenseid variante ei leitud" if not foreign else
                                                                                        "no pathogenic variants detected") + '</td></tr></tbody>')
            concl = "Analüüsitud geenides kliiniliselt olulisi variante ei tuvastatud." if not foreign else "No clinically relevant variants were identified."
        x += ['            </table>', f'            <paragraph>{fmt.xe(concl)}</paragraph>', '          </text>',
              '          <entry><observation classCode="OBS" moodCode="EVN">',
              '            <code code="48004-6" codeSystem="2.16.840.1.113883.6.1" displayName="DNA change (c.HGVS)"/>',
              f'            <value xsi:type="ST">{fmt.xe(hgvs) if o.positive else "N/A"}</value>',
              f'            <specimen><specimenRole><id root="1.3.6.1.4.1.28284.99.1" extension="{o.sample}"/></specimenRole></specimen>',
              '          </observation></entry>', '        </section>', '      </component>', '    </structuredBody>', '  </component>',
              '</ClinicalDocument>']
        case.add(path, "\n".join(x) + "\n", kind="xml")
        p.el("genetic_data", path, "Tulemus section")
        p.el("health_data", path, "Uuringu näidustus (ICD-10)")
        p.el("lab_result", path, "Tulemus section", req=False)
        if au[3] not in staff_decoyed:
            staff_decoyed.add(au[3])
            case.decoy("staff_email", au[3], path, "assignedAuthor/telecom", "laboratory geneticist")
            case.decoy("staff_phone", "+372" + au[4][5:].replace(" ", ""), path, "assignedAuthor/telecom", "laboratory geneticist", raw=au[4].replace(" ", ""))
        if la[3] not in staff_decoyed:
            staff_decoyed.add(la[3])
            case.decoy("staff_email", la[3], path, "legalAuthenticator/telecom", "signing laboratory specialist")

        # ------------------------------------------------------------ result letter PDF (half of the results)
        if repl is None and rng.random() < 0.5:
            lp = f"tulemused/vastuskirjad/{o.id}_vastus.pdf"
            y = 70
            if foreign:
                ls = [(50, y, 13, True, "GENETIC TEST RESULT"), (50, y + 30, 10, False, f"Dear {t.nm.full},"),
                      (50, y + 50, 10, False, f"Personal identity number: {raw_nid(t.nid_t, t.nid)}   Date of birth: {P.d_eu(t.dob)}"),
                      (50, y + 70, 10, False, f"Test: {o.test[0]} (ordered by {o.prov})")]
                res = f"Result: {gene} {hgvs} detected." if o.positive else f"Result: no pathogenic variants were detected ({gene})."
            else:
                ls = [(50, y, 13, True, "GEENIUURINGU VASTUS"), (50, y + 30, 10, False, f"Lugupeetud {t.nm.full}"),
                      (50, y + 50, 10, False, f"Isikukood: {raw_nid(t.nid_t, t.nid)}"),
                      (50, y + 70, 10, False, f"Uuring: {o.test[0]} (tellija {o.prov})")]
                res = f"Tulemus: leiti variant {gene} {hgvs}." if o.positive else f"Tulemus: patogeenseid variante ei leitud ({gene})."
            ls += [(50, y + 100, 10, False, res), (50, y + 130, 10, False, f"{au[0]} {au[1]} {au[2]}, {LAB}"),
                   (50, y + 145, 9, False, f"{au[3]} · {au[4]}")]
            case.add(lp, fmt.pdf_bytes(ls, title="Vastuskiri", author=LAB, created=f"D:{rdate:%Y%m%d}120000+03'00'"), kind="pdf")
            t.p.nm(t.nm.full, lp, "salutation")
            t.p.ident(t.nid_t, t.nid, raw_nid(t.nid_t, t.nid), lp, "Isikukood")
            t.p.el("genetic_data", lp, "Tulemus")
            if foreign:
                t.p.val("date_of_birth", P.d_eu(t.dob), lp, "Date of birth")

    # ------------------------------------------------------------ sequencing runs: sample ids only
    with_sample = [(t, o) for t, o in orders if o.result]
    runs = [with_sample[i:i + 14] for i in range(0, len(with_sample), 14)]
    for k, run in enumerate(runs, 1):
        rid = f"23{(run[0][1].date + dt.timedelta(days=5)):%m%d}_A01{k:03d}_0{100 + k}_BH{rng.getrandbits(28):07X}"
        rows = ["patient,sex,status,sample,lane,fastq_1,fastq_2"]
        for t, o in run:
            pseudo = "P%06d" % rng.randint(0, 999999)
            for lane in (1, 2):
                rows.append(f"{pseudo},{'XX' if t.nm.female else 'XY'},0,{o.sample},L00{lane},"
                            f"/data/{rid}/fastq/{o.sample}_S{lane}_L00{lane}_R1_001.fastq.gz,/data/{rid}/fastq/{o.sample}_S{lane}_L00{lane}_R2_001.fastq.gz")
            seg = ["ID\tchrom\tloc.start\tloc.end\tnum.mark\tseg.mean"]
            for ch in range(1, 23):
                start = rng.randint(10000, 900000)
                seg.append(f"{o.sample}\tchr{ch}\t{start}\t{start + rng.randint(10 ** 7, 9 * 10 ** 7)}\t{rng.randint(200, 9000)}\t{rng.uniform(-0.08, 0.08):.4f}")
            if o.positive and o.test[0].startswith("Kromosoomne"):
                seg.append(f"{o.sample}\tchr22\t18912231\t21465672\t812\t-0.9871")
            sp = f"sekveneerimine/{rid}/cnv/{o.sample}.seg"
            case.add(sp, "\n".join(seg) + "\n")
            mos = ["chrom\tlength\tbases\tmean\tmin\tmax"]
            tot = 0
            for ch in range(1, 23):
                ln = rng.randint(46, 249) * 10 ** 6
                mean = rng.uniform(28, 160)
                tot += ln
                mos.append(f"chr{ch}\t{ln}\t{int(ln * mean)}\t{mean:.2f}\t0\t{rng.randint(400, 3000)}")
            mos.append(f"total\t{tot}\t{int(tot * 80)}\t80.00\t0\t3000")
            case.add(f"sekveneerimine/{rid}/mosdepth/{o.sample}.mosdepth.summary.txt", "\n".join(mos) + "\n")
            t.p.el("genetic_data", sp, "seg (sample id only; joined through the CDA specimen id)", req=False)
        rows.append(f"CTRL_NA12878,XX,0,NA12878,L001,/data/{rid}/fastq/NA12878_S99_L001_R1_001.fastq.gz,/data/{rid}/fastq/NA12878_S99_L001_R2_001.fastq.gz")
        sp = f"sekveneerimine/{rid}/samplesheet.csv"
        case.add(sp, "\n".join(rows) + "\n")
        case.decoy("sample_id", run[0][1].sample, sp, "sample", "pseudonymous sample id (no person in this file)")

    # ------------------------------------------------------------ Teams channel export
    talk = [(t, o) for t, o in orders if o.result and o.positive and t.country == "EE" and rng.random() < 0.55]
    by_month = {}
    for t, o in talk:
        by_month.setdefault(o.date.month, []).append((t, o))
    users = [(f"{s[0]}. {s[1]} {s[2]}" if s[0] == "dr" else f"{s[1]} {s[2]}", "%08x-%04x-4%03x-8%03x-%012x" % (rng.getrandbits(32), rng.getrandbits(16), rng.getrandbits(12), rng.getrandbits(12), rng.getrandbits(48)))
             for s in STAFF]
    for m, lst in sorted(by_month.items()):
        path = f"teams-eksport/Kliiniline geneetika/Konsiilium/messages_2023-{m:02d}.json"
        msgs = []
        for t, o in lst:
            gene, hgvs, prot = o.variant
            disp, uidu = rng.choice(users)
            when = dt.datetime.combine(o.date, dt.time(9)) + dt.timedelta(days=rng.randint(12, 30), minutes=rng.randint(0, 480))
            nraw = t.nid
            if rng.random() < 0.5:
                content = (f"<p>Konsiiliumi: patsient <b>{fmt.xe(t.nm.full)}</b> (IK {nraw}), {fmt.xe(o.prov)} saatekiri {o.id}. "
                           f"{gene} {fmt.xe(hgvs)} {fmt.xe(prot)} kinnitatud Sangeriga, palun nõustamisaeg.</p>")
            else:
                content = (f"<div>Kas keegi vaatas üle {fmt.xe(t.nm.given)} {fmt.xe(t.nm.surname)} ({nraw}) CNV/SNV tulemuse? "
                           f"Leid: {gene} {fmt.xe(hgvs)}. Näidustus {o.test[1]}.</div>")
            mid = str(int(when.timestamp() * 1000))
            msgs.append({"id": mid, "replyToId": None, "etag": mid, "messageType": "message",
                         "createdDateTime": when.strftime("%Y-%m-%dT%H:%M:%S.000Z"), "lastModifiedDateTime": when.strftime("%Y-%m-%dT%H:%M:%S.000Z"),
                         "deletedDateTime": None, "subject": None, "importance": "normal", "locale": "en-us",
                         "from": {"application": None, "device": None, "user": {"id": uidu, "displayName": disp, "userIdentityType": "aadUser"}},
                         "body": {"contentType": "html", "content": content}, "attachments": [], "mentions": [], "reactions": []})
            t.p.nm(t.nm.full, path, "body.content")
            t.p.ident(t.nid_t, t.nid, nraw, path, "body.content")
            t.p.el("genetic_data", path, "body.content (variant)")
            if "Näidustus" in content:
                t.p.el("health_data", path, "body.content (ICD-10)")
            # replies
            if rng.random() < 0.5:
                d2, u2 = rng.choice(users)
                w2 = when + dt.timedelta(minutes=rng.randint(5, 300))
                msgs.append({"id": str(int(w2.timestamp() * 1000)), "replyToId": mid, "etag": str(int(w2.timestamp() * 1000)), "messageType": "message",
                             "createdDateTime": w2.strftime("%Y-%m-%dT%H:%M:%S.000Z"), "lastModifiedDateTime": None, "deletedDateTime": None,
                             "subject": None, "importance": "normal", "locale": "en-us",
                             "from": {"application": None, "device": None, "user": {"id": u2, "displayName": d2, "userIdentityType": "aadUser"}},
                             "body": {"contentType": "html", "content": rng.choice(["<p>Vaatan täna üle.</p>", "<p>Ok, panen aja kalendrisse.</p>",
                                                                                     "<p>Kinnitan, klass 5.</p>"])},
                             "attachments": [], "mentions": [], "reactions": []})
        msgs.sort(key=lambda d: d["createdDateTime"])
        doc = {"@odata.context": "https://graph.microsoft.com/v1.0/$metadata#teams('…')/channels('19%3A…%40thread.tacv2')/messages",
               "@odata.count": len(msgs), "value": msgs}
        case.add(path, json.dumps(doc, ensure_ascii=False, indent=2) + "\n", json_esc=1)
    # persons with nothing written about them do not exist: drop guardians whose child had no referral and no CDA
    case.drop_unwritten()
    return case
