"""Case 2: genetic testing laboratory (Estonia; patients from EE, LV, LT, FI; ~30 ordering providers).

Shapes: a Notion workspace export (zip of Markdown pages + database CSV), per-order result e-mails (.eml with a
quoted-printable text part and a base64 HTML part), per-sample VCF 4.2 files (sample ids only), FileMaker
FMPXMLRESULT reception registers (columns named only in METADATA), a Stata QC log (sample ids only) and a
Freshdesk ticket export of a hospital help desk.
"""
import datetime

import people as P
from common import Case, b64lines, csv_line, dt, hexid, jdump, mistype, qp, rand_dt, uuid4
from shared import ids

PROVIDERS = [
    ("EE", "Tartu Ülikooli Kliinikum"), ("EE", "Põhja-Eesti Regionaalhaigla"), ("EE", "Ida-Tallinna Keskhaigla"),
    ("EE", "Lääne-Tallinna Keskhaigla"), ("EE", "Pärnu Haigla"), ("EE", "Ida-Viru Keskhaigla"), ("EE", "Viljandi Haigla"),
    ("EE", "Kuressaare Haigla"), ("EE", "Nova Vita Kliinik"), ("EE", "Elite Kliinik"), ("EE", "Fertilitase Kliinik"),
    ("EE", "Medicum Tervisekeskus"), ("EE", "Qvalitas Arstikeskus"), ("EE", "Tallinna Lastehaigla"),
    ("EE", "Lõuna-Eesti Haigla"), ("EE", "Rakvere Haigla"), ("EE", "Järvamaa Haigla"), ("EE", "Valga Haigla"),
    ("EE", "Meliva Perearstikeskus"), ("EE", "Kliinik 32"), ("EE", "Confido Erakliinik"), ("EE", "Läänemaa Haigla"),
    ("LV", "Paula Stradiņa klīniskā universitātes slimnīca"), ("LV", "Bērnu klīniskā universitātes slimnīca"),
    ("LV", "Rīgas Austrumu klīniskā universitātes slimnīca"),
    ("LT", "Vilniaus universiteto ligoninė Santaros klinikos"), ("LT", "Kauno klinikos"),
    ("FI", "HUS Diagnostiikkakeskus"), ("FI", "Tays Genetiikan yksikkö"), ("FI", "OYS Perinnöllisyyslääketiede")]
TESTS = [("BRCA1/2 paneel", "Z80.3", "BRCA1", "c.5266dupC", "p.(Gln1756Profs*74)"),
         ("Kardiomüopaatia paneel", "I42.0", "MYH7", "c.1208G>A", "p.(Arg403Gln)"),
         ("Pärilik hemokromatoos (HFE)", "E83.1", "HFE", "c.845G>A", "p.(Cys282Tyr)"),
         ("Tsüstiline fibroos (CFTR)", "E84.9", "CFTR", "c.1521_1523del", "p.(Phe508del)"),
         ("Lynchi sündroomi paneel", "Z80.0", "MLH1", "c.350C>T", "p.(Thr117Met)"),
         ("Perekondlik hüperkolesteroleemia", "E78.0", "LDLR", "c.1775G>A", "p.(Gly592Glu)"),
         ("Fragiilse X sündroom", "F84.0", "FMR1", "CGG >200", "täismutatsioon"),
         ("Spinaalne lihasatroofia (SMN1)", "G12.0", "SMN1", "ekson 7 deletsioon", "homosügootne"),
         ("Mitteinvasiivne sünnieelne test", "Z36.0", "NIPT", "trisoomia 21 madal risk", "-"),
         ("Trombofiilia (F5, F2)", "D68.5", "F5", "c.1601G>A", "p.(Arg534Gln)")]
GENETICISTS = ["dr Tiina Raudsepp", "dr Marek Kangur", "dr Kaja Soosaar", "dr Heino Vares"]
LAB = "Geneetikalabor OÜ"


def nat_id(rng, country, d, female):
    if country == "EE":
        return "ee_isikukood", ids.ee_like(rng, d, female)
    if country == "LT":
        return "lt_asmens_kodas", ids.ee_like(rng, d, female)
    if country == "LV":
        return "lv_personas_kods", (ids.lv_old(rng, d) if rng.random() < 0.75 else ids.lv_new(rng))
    return "fi_hetu", ids.fi_hetu(rng, d, new_sign=d.year >= 2000 and rng.random() < 0.5)


def address(rng, country):
    if country == "EE":
        return P.ee_address(rng)
    if country == "LV":
        return P.lv_address(rng)
    if country == "LT":
        return P.lt_address(rng)
    return P.fi_address(rng, rng.choice(["Helsinki", "Tampere", "Oulu", "Espoo"]), ["00100", "33100", "90100", "02100"])


def build(seed, rng):
    c = Case(2, "ee_genetic_lab", seed, rng,
             "Genetic testing laboratory (Estonia) with patients from EE, LV, LT and FI ordered by ~30 providers; "
             "Notion export, result e-mails, VCF files, FileMaker registers, a Stata QC log and a Freshdesk export.")
    names, phones, emails = P.Names(rng), P.Phones(rng), P.Emails(rng)
    names.reserve([g.replace("dr ", "") for g in GENETICISTS] + ["Riina Allik", "Erki Rand"])
    pats = []
    n = rng.randint(240, 262)
    seq = rng.randint(1000, 2000)
    for i in range(n):
        country = rng.choices(["EE", "LV", "LT", "FI"], [70, 11, 10, 9])[0]
        lang = {"EE": rng.choice(["et", "et", "et", "ru"]), "LV": "lv", "LT": "lt", "FI": "fi"}[country]
        female = rng.random() < 0.62
        child = rng.random() < 0.1
        d = P.child_dob(rng) if child else P.dob(rng, 1945, 2003)
        g, s, cyr, _ = names.new(lang, female)
        t, code = nat_id(rng, country, d, female)
        p = c.person(f"{g} {s}", lang)
        if cyr:
            p.variants.append(cyr)
        x = {"p": p, "g": g, "s": s, "country": country, "female": female, "dob": d, "idt": t, "code": code,
             "child": child, "phone": phones.new(country) if rng.random() < 0.55 else None,
             "email": emails.new(g, s) if rng.random() < 0.4 and not child else None,
             "addr": address(rng, country) if rng.random() < 0.5 else None}
        local = [pr for pr in PROVIDERS if pr[0] == country]
        provs = [rng.choice(local if country != "EE" or rng.random() < 0.95 else PROVIDERS)]
        if rng.random() < 0.09:
            other = rng.choice([pr for pr in local if pr != provs[0]] or [pr for pr in PROVIDERS if pr != provs[0]])
            provs.append(other)
        if child:
            provs = [("EE", "Tallinna Lastehaigla")] if country == "EE" else provs
        x["orders"] = []
        for pr in provs:
            seq += rng.randint(1, 9)
            test = rng.choice(TESTS[:8] if child else TESTS)
            when = rand_dt(rng, dt(2022, 9, 1), dt(2023, 8, 31))
            x["orders"].append({"prov": pr, "sample": f"G{when.year}-{seq:05d}", "test": test, "when": when,
                                "issued": rng.random() < 0.93})
        p.controllers = sorted({pr[1] for pr in provs})
        if child:
            pg, ps, pcyr, _ = names.new(lang, rng.random() < 0.7)
            pd = P.dob(rng, 1970, 1995)
            pt, pcode = nat_id(rng, country, pd, True)
            rp = c.person(f"{pg} {ps}", lang, note=f"legal representative of {p.tid}")
            if pcyr:
                rp.variants.append(pcyr)
            rp.controllers = list(p.controllers)
            x["rep"] = {"p": rp, "g": pg, "s": ps, "idt": pt, "code": pcode, "phone": phones.new(country)}
            p.note = f"child; legal representative {rp.tid}"
        pats.append(x)
    orders = [(x, o) for x in pats for o in x["orders"]]
    orders.sort(key=lambda xo: xo[1]["sample"])
    notion(c, rng, orders)
    mails(c, rng, orders)
    vcfs = vcf(c, rng, orders)
    filemaker(c, rng, orders)
    stata = stata_log(c, rng, orders)
    freshdesk(c, rng, pats, names, phones, emails)
    c.extra["lab"] = LAB
    c.extra["providers"] = [p[1] for p in PROVIDERS]
    c.extra["special_categories"] = ["genetic_data", "health_data"]
    c.extra["sample_only_documents"] = vcfs + stata
    c.extra["staff"] = GENETICISTS
    return c


def code_label(x):
    return {"ee_isikukood": "Isikukood", "lt_asmens_kodas": "Isikukood (LT)", "lv_personas_kods": "Isikukood (LV)",
            "fi_hetu": "Isikukood (FI)"}[x["idt"]]


def notion(c, rng, orders):
    root = f"Export-{uuid4(rng)}.zip"
    dbhex = hexid(rng, 32)
    members = []
    regs = []
    rows = [csv_line(["Nimi", "Isikukood", "Tellija", "Test", "Proov", "Staatus", "Sünniaeg", "Loodud"])]
    for x, o in orders:
        p = x["p"]
        name = f"{x['g']} {x['s']}"
        page = f"Tellimused {dbhex}/{name} {hexid(rng, 32)}.md"
        test, icd, gene, cdna, prot = o["test"]
        lines = [f"# {name}", "", f"{code_label(x)}: {x['code']}",
                 f"Sünniaeg: {x['dob'].day:02d}.{x['dob'].month:02d}.{x['dob'].year}",
                 f"Tellija: {o['prov'][1]}", f"Test: {test}", f"Näidustus: {icd}", f"Proov: {o['sample']}",
                 f"Staatus: {'Vastus väljastatud' if o['issued'] else 'Analüüsimisel'}"]
        if x["phone"]:
            ph = P.render_phone(rng, x["phone"])
            lines.append(f"Telefon: {ph}")
        else:
            ph = None
        if x["email"]:
            lines.append(f"E-post: {x['email']}")
        if x["addr"]:
            a = x["addr"]
            lines.append(f"Aadress: {a['street']}, {a['zip']} {a['city']}")
        rep = x.get("rep")
        rph = None
        if rep:
            rph = P.render_phone(rng, rep["phone"])
            lines.append(f"Esindaja: {rep['g']} {rep['s']} ({rep['code']}), tel {rph}")
        lines.append(f"Loodud: {o['when'].strftime('%B %d, %Y %I:%M %p')}")
        lines += ["", "## Tulemus", ""]
        if o["issued"]:
            lines += [f"| Geen | cDNA | Valk | Klass |", "| --- | --- | --- | --- |",
                      f"| {gene} | {cdna} | {prot} | {rng.choice(['patogeenne', 'tõenäoliselt patogeenne', 'VUS'])} |", "",
                      f"Kokkuvõte: leitud {gene} variant {cdna}. Vastutav: {rng.choice(GENETICISTS)}"]
        else:
            lines.append("Analüüs pooleli.")
        members.append((page, "\n".join(lines).encode("utf-8") + b"\n", "utf-8", ()))
        regs.append((x, o, page, ph, rph))
        rows.append(csv_line([name, x["code"], o["prov"][1], test, o["sample"],
                              "Vastus väljastatud" if o["issued"] else "Analüüsimisel",
                              f"{x['dob'].day:02d}.{x['dob'].month:02d}.{x['dob'].year}",
                              o["when"].strftime("%B %d, %Y %I:%M %p")]))
    dbcsv = f"Tellimused {dbhex}.csv"
    members.insert(0, (dbcsv, "".join(rows).encode("utf-8-sig"), "utf-8-sig", ()))
    c.add_zip("notion/" + root, members)
    dbdoc = "notion/" + root + "!/" + dbcsv
    for x, o, page, ph, rph in regs:
        doc = "notion/" + root + "!/" + page
        p = x["p"]
        c.nm(p, doc, "title", p.name)
        c.ident(p, x["idt"], x["code"], x["code"], doc, code_label(x))
        c.el(p, "date_of_birth", doc, "Sünniaeg", f"{x['dob'].day:02d}.{x['dob'].month:02d}.{x['dob'].year}")
        c.el(p, "health_data", doc, "Näidustus", o["test"][1])
        if o["issued"]:
            c.el(p, "genetic_data", doc, "Tulemus", o["test"][3])
            c.opt(p, "lab_result", doc, "Tulemus")
        else:
            c.opt(p, "genetic_data", doc, "Test", o["test"][0])
        if ph:
            c.ident(p, "phone", x["phone"], ph, doc, "Telefon")
        if x["email"]:
            c.ident(p, "email", x["email"], x["email"], doc, "E-post")
        if x["addr"]:
            c.el(p, "postal_address", doc, "Aadress", x["addr"]["street"])
        rep = x.get("rep")
        if rep:
            rp = rep["p"]
            c.nm(rp, doc, "Esindaja", f"{rep['g']} {rep['s']}")
            c.ident(rp, rep["idt"], rep["code"], rep["code"], doc, "Esindaja")
            c.opt(rp, "date_of_birth", doc, "Esindaja")
            c.ident(rp, "phone", rep["phone"], rph, doc, "Esindaja")
        c.nm(p, dbdoc, "Nimi", p.name)
        c.ident(p, x["idt"], x["code"], x["code"], dbdoc, "Isikukood")
        c.el(p, "date_of_birth", dbdoc, "Sünniaeg")
        c.opt(p, "genetic_data", dbdoc, "Test")


def mails(c, rng, orders):
    for x, o in orders:
        if not o["issued"]:
            continue
        p = x["p"]
        prov = o["prov"][1]
        gen = rng.choice(GENETICISTS)
        sender = P.slug(gen.replace("dr ", "")).replace("_", ".") + "@geneetikalabor.example.ee"
        to = f"saatekirjad@{P.slug(prov).replace('_', '-')[:24].strip('-')}.example.org"
        test, icd, gene, cdna, prot = o["test"]
        when = o["when"] + datetime.timedelta(days=rng.randint(10, 40), hours=rng.randint(0, 5))
        plain = (f"Tere!\n\nPatsiendi {p.name} ({o['sample']}) vastus on valmis ja lisatud portaali.\n"
                 f"Test: {test}\n\nLugupidamisega\n{gen}\n{LAB}\n")
        htmlb = (f"<html><body><p>Tere!</p><table border=\"1\"><tr><th>Patsient</th><td>{p.name}</td></tr>"
                 f"<tr><th>{code_label(x)}</th><td>{x['code']}</td></tr><tr><th>Proov</th><td>{o['sample']}</td></tr>"
                 f"<tr><th>Test</th><td>{test}</td></tr><tr><th>Tulemus</th><td>{gene} {cdna} {prot}</td></tr></table>"
                 f"<p>Lugupidamisega<br>{gen}<br>{LAB}</p></body></html>\n")
        bnd = "----=_Part_" + hexid(rng, 16)
        msg = "\r\n".join([
            f"From: \"{gen}\" <{sender}>", f"To: <{to}>",
            f"Subject: =?UTF-8?B?{__import__('base64').b64encode(('Vastus valmis: ' + o['sample']).encode()).decode()}?=",
            f"Date: {when.strftime('%a, %d %b %Y %H:%M:%S')} +0300",
            f"Message-ID: <{hexid(rng, 20)}@geneetikalabor.example.ee>", "MIME-Version: 1.0",
            f"Content-Type: multipart/alternative; boundary=\"{bnd}\"", "", f"--{bnd}",
            "Content-Type: text/plain; charset=utf-8", "Content-Transfer-Encoding: quoted-printable", "",
            qp(plain).replace("\n", "\r\n"), f"--{bnd}", "Content-Type: text/html; charset=utf-8",
            "Content-Transfer-Encoding: base64", "", b64lines(htmlb.encode("utf-8")).replace("\n", "\r\n"),
            f"--{bnd}--", ""])
        doc = f"vastused/{o['sample']}_{P.slug(prov)[:20]}.eml"
        c.add(doc, msg.encode("ascii"), "mime")
        c.nm(p, doc, "text/html Patsient", p.name)
        c.ident(p, x["idt"], x["code"], x["code"], doc, "text/html " + code_label(x))
        c.el(p, "genetic_data", doc, "text/html Tulemus", cdna)
        c.opt(p, "lab_result", doc, "text/html Tulemus")
        c.decoy("geneticist e-mail (staff)", sender, doc, "From")
        c.decoy("provider role mailbox", to, doc, "To")


def vcf(c, rng, orders):
    docs = []
    for x, o in orders:
        if not o["issued"]:
            continue
        test, icd, gene, cdna, prot = o["test"]
        chrom = {"BRCA1": "17", "MYH7": "14", "HFE": "6", "CFTR": "7", "MLH1": "3", "LDLR": "19", "FMR1": "X",
                 "SMN1": "5", "NIPT": "21", "F5": "1"}[gene]
        lines = ["##fileformat=VCFv4.2", f"##fileDate={o['when'].strftime('%Y%m%d')}",
                 "##source=DRAGEN 4.2.4", "##reference=GRCh38",
                 f"##SAMPLE=<ID={o['sample']},Assay=\"{test}\">" if rng.random() < 0.4 else f"##DRAGENCommandLine=<ID=dragen,Version=\"SW: 07.021.624\">",
                 "##INFO=<ID=DP,Number=1,Type=Integer,Description=\"Total Depth\">",
                 "##FORMAT=<ID=GT,Number=1,Type=String,Description=\"Genotype\">",
                 "##FORMAT=<ID=AD,Number=R,Type=Integer,Description=\"Allelic depths\">",
                 "\t".join(["#CHROM", "POS", "ID", "REF", "ALT", "QUAL", "FILTER", "INFO", "FORMAT", o["sample"]])]
        pos = rng.randint(1000000, 90000000)
        for k in range(rng.randint(4, 12)):
            pos += rng.randint(50, 5000)
            ref = rng.choice("ACGT")
            alt = rng.choice([b for b in "ACGT" if b != ref])
            lines.append("\t".join([f"chr{chrom}", str(pos), ".", ref, alt, f"{rng.uniform(30, 99):.1f}", "PASS",
                                    f"DP={rng.randint(20, 400)}", "GT:AD", f"{rng.choice(['0/1', '1/1'])}:{rng.randint(5, 90)},{rng.randint(5, 90)}"]))
        doc = f"vcf/{o['sample']}.hard-filtered.vcf"
        c.add(doc, "\n".join(lines) + "\n")
        docs.append(doc)
    return docs


def filemaker(c, rng, orders):
    fields = [("Proov", "TEXT"), ("Perenimi", "TEXT"), ("Eesnimi", "TEXT"), ("Isikukood", "TEXT"),
              ("Synniaeg", "DATE"), ("Tellija", "TEXT"), ("Saabunud", "TIMESTAMP")]
    bymonth = {}
    for x, o in orders:
        bymonth.setdefault(o["when"].strftime("%Y-%m"), []).append((x, o))
    for month in sorted(bymonth):
        rows = []
        for i, (x, o) in enumerate(bymonth[month]):
            vals = [o["sample"], x["s"], x["g"], x["code"], x["dob"].strftime("%m/%d/%Y"), o["prov"][1],
                    o["when"].strftime("%m/%d/%Y %H:%M:%S")]
            cols = "".join(f"<COL><DATA>{_x(v)}</DATA></COL>" for v in vals)
            rows.append(f"<ROW MODID=\"{rng.randint(0, 9)}\" RECORDID=\"{rng.randint(1000, 99999)}\">{cols}</ROW>")
        meta = "".join(f"<FIELD EMPTYOK=\"YES\" MAXREPEAT=\"1\" NAME=\"{n}\" TYPE=\"{t}\"/>" for n, t in fields)
        text = ("<?xml version=\"1.0\" encoding=\"UTF-8\" ?>\n"
                "<FMPXMLRESULT xmlns=\"http://www.filemaker.com/fmpxmlresult\"><ERRORCODE>0</ERRORCODE>"
                "<PRODUCT BUILD=\"03-21-2023\" NAME=\"FileMaker\" VERSION=\"ProAdvanced 19.6.3\"/>"
                f"<DATABASE DATEFORMAT=\"M/d/yyyy\" LAYOUT=\"Vastuvott\" NAME=\"Proovid.fmp12\" RECORDS=\"{len(rows)}\" "
                "TIMEFORMAT=\"h:mm:ss a\"/>"
                f"<METADATA>{meta}</METADATA><RESULTSET FOUND=\"{len(rows)}\">" + "\n".join(rows) +
                "</RESULTSET></FMPXMLRESULT>\n")
        doc = f"register/Vastuvott_{month}.xml"
        c.add(doc, text, views=("xml",))
        for x, o in bymonth[month]:
            p = x["p"]
            c.nm(p, doc, "Perenimi/Eesnimi", _x(x["s"]), _x(x["g"]))
            c.ident(p, x["idt"], x["code"], x["code"], doc, "Isikukood")
            c.el(p, "date_of_birth", doc, "Synniaeg", x["dob"].strftime("%m/%d/%Y"))
            c.opt(p, "genetic_data", doc, "Proov")


def _x(s):
    return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


def stata_log(c, rng, orders):
    doc = "analysis/qc_2023.log"
    sel = [o for x, o in orders if o["issued"]][:60]
    lines = ["-" * 78, "      name:  <unnamed>", "       log:  D:\\analyys\\qc_2023.log", "  log type:  text",
             " opened on:  14 Sep 2023, 10:02:17", "", ". use proovid_qc, clear", "",
             ". list sample gene coverage q30 flag in 1/60, clean noobs", "",
             "          sample    gene   coverage    q30   flag  "]
    for o in sel:
        lines.append(f"    {o['sample']:>12}   {o['test'][2]:>5}   {rng.uniform(80, 650):8.1f}   {rng.uniform(85, 97):4.1f}   {rng.choice(['ok', 'ok', 'low'])}  ")
    lines += ["", ". summarize coverage q30", "", "    Variable |        Obs        Mean    Std. dev.       Min        Max",
              "-------------+---------------------------------------------------------",
              f"    coverage |         {len(sel)}    {rng.uniform(200, 400):8.3f}    {rng.uniform(50, 150):8.3f}    80.4       649.7",
              "", ". log close", "      name:  <unnamed>", "       log:  D:\\analyys\\qc_2023.log", ""]
    c.add(doc, "\n".join(lines), "cp1252", newline="\r\n")
    return [doc]


def freshdesk(c, rng, pats, names, phones, emails):
    """A hospital help desk (Tartu) where patients ask which of their data was stolen; parents ask about children."""
    doc = "helpdesk/freshdesk_tickets_2023-10.json"
    agents = [("Riina Allik", "riina.allik@haigla.example.ee"), ("Erki Rand", "erki.rand@haigla.example.ee")]
    tickets = []
    regs = []
    ee = [x for x in pats if x["country"] == "EE" and not x["child"]]
    rng.shuffle(ee)
    askers = ee[:30]
    kids = [x for x in pats if x.get("rep") and x["country"] == "EE"][:6]
    tid = 21000 + rng.randint(0, 500)
    for x in askers + kids:
        tid += rng.randint(1, 7)
        when = rand_dt(rng, dt(2023, 10, 2), dt(2023, 10, 20))
        if x.get("rep"):
            rep = x["rep"]
            who, whop = rep["p"], rep
            rep.setdefault("email", emails.new(rep["g"], rep["s"]))
            em = rep["email"]
            ph = P.render_phone(rng, rep["phone"])
            wrong = mistype(rng, x["code"]) if rng.random() < 0.3 else None
            desc = (f"<div>Tere! Minu tütre/poja {x['g']} {x['s']} (isikukood {wrong or x['code']}) proov oli teie laboris. "
                    f"Mis andmed temast lekkisid?</div><div>Minu telefon {ph}</div><div>{rep['g']} {rep['s']}</div>")
            notes = []
            if wrong:
                notes.append({"body": f"<div>Vabandust, õige kood on {x['code']}.</div>", "user_id": 1000 + tid,
                              "private": False, "incoming": True, "created_at": (when + datetime.timedelta(hours=1)).strftime("%Y-%m-%dT%H:%M:%SZ")})
            regs.append(("kid", x, rep, em, ph, wrong))
            req_name = f"{rep['g']} {rep['s']}"
        else:
            x.setdefault("email2", x["email"] or emails.new(x["g"], x["s"]))
            em = x["email2"]
            ph = P.render_phone(rng, x["phone"]) if x["phone"] and rng.random() < 0.6 else None
            desc = (f"<div>Tere, lugesin uudistest geneetikalabori lekkest. Minu isikukood on {x['code']}. "
                    f"Kas minu {x['orders'][0]['test'][0]} tulemus lekkis?</div>" + (f"<div>Tel {ph}</div>" if ph else "") +
                    f"<div>{x['g']} {x['s']}</div>")
            notes = []
            regs.append(("self", x, None, em, ph, None))
            req_name = f"{x['g']} {x['s']}"
        ag = rng.choice(agents)
        notes.append({"body": f"<div>Tere! Kontrollime ja vastame 30 päeva jooksul.</div><div>{ag[0]}<br>Andmekaitse</div>",
                      "user_id": 9001, "private": False, "incoming": False,
                      "created_at": (when + datetime.timedelta(hours=5)).strftime("%Y-%m-%dT%H:%M:%SZ")})
        tickets.append({"helpdesk_ticket": {"display_id": tid, "subject": "Andmeleke / геномные данные",
                                            "description": _strip(desc), "description_html": desc,
                                            "requester_name": req_name, "requester_email": em,
                                            "responder_name": ag[0], "responder_email": ag[1],
                                            "status_name": "Resolved", "priority_name": "Medium",
                                            "created_at": when.strftime("%Y-%m-%dT%H:%M:%SZ"),
                                            "custom_field": {"haigla_1": x["orders"][0]["prov"][1]}, "notes": [{"note": nn} for nn in notes]}})
    c.add(doc, jdump(tickets, ascii_=True, indent=1) + "\n", views=("json", "json_tags"))
    for kind, x, rep, em, ph, wrong in regs:
        if kind == "kid":
            rp = rep["p"]
            c.nm(rp, doc, "requester_name", rp.name)
            c.ident(rp, "email", em, em, doc, "requester_email")
            c.ident(rp, "phone", rep["phone"], ph, doc, "description")
            c.nm(x["p"], doc, "description", x["p"].name)
            c.ident(x["p"], x["idt"], x["code"], x["code"], doc, "notes" if wrong else "description")
            if wrong:
                c.decoy("mistyped child ID code (corrected in a note)", wrong, doc, "description", must_fail=True)
        else:
            p = x["p"]
            c.nm(p, doc, "requester_name", p.name)
            c.ident(p, "email", em, em, doc, "requester_email")
            c.ident(p, x["idt"], x["code"], x["code"], doc, "description")
            c.opt(p, "genetic_data", doc, "description")
            if ph:
                c.ident(p, "phone", x["phone"], ph, doc, "description")
            if "Tartu Ülikooli Kliinikum" not in p.controllers:
                pass
    for a in agents:
        c.decoy("help-desk agent e-mail (staff)", a[1], doc, "responder_email")


def _strip(h):
    import re
    return re.sub(r"<[^>]+>", " ", h).replace("<br>", " ").strip()
