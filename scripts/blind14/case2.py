"""Case 2: a genetic testing laboratory (EE) with ~30 ordering providers in EE, LV, LT and FI, shaped like Asper Biogene.

Files per order: a Clarity LIMS REST API sample (XML with user-defined fields; 2022 orders inside a tar.gz), a
DigiDoc ASiC-E container (`.asice`) holding the signed consent, a flat OpenDocument (`.fodt`) result letter, a
`bcftools stats` QC file that holds only the sample id. Monthly PayPal activity downloads of self-paid tests.
"""
import base64
import datetime
import html

from common import Case, csv_line, failing_digits, hexid, id_key, uuid4
from people import Emails, Names, Phones, ee_address, lt_address, lv_address, fi_address, render_phone
from shared import ids

LAB = "Heliks Geneetikalabor OÜ"
PROVIDERS = [
    ("EE", "Põhjaranniku Haigla SA"), ("EE", "Lõunaranniku Kliinik"), ("EE", "Emajõe Viljakuskeskus"), ("EE", "Nõmme Naistekliinik"),
    ("EE", "Kesklinna Perearstikeskus"), ("EE", "Ida-Virumaa Keskhaigla SA"), ("EE", "Pärnulahe Haigla"), ("EE", "Saarte Haigla SA"),
    ("EE", "Vooremaa Tervisekeskus"), ("EE", "Kadrioru Lastekliinik"), ("EE", "Tähtvere Geneetikanõustamine"), ("EE", "Rakvere Kliinik"),
    ("EE", "Mustamäe Perearstid OÜ"), ("EE", "Viljandimaa Haigla"), ("EE", "Kuressaare Naistearst OÜ"), ("EE", "Narva Tervisekeskus"),
    ("EE", "Haapsalu Kliinik"), ("EE", "Valga Perearstikeskus"), ("EE", "Järvamaa Haigla"), ("EE", "Tartu Lastearstid OÜ"),
    ("EE", "Läänemere Kardioloogiakeskus"), ("EE", "Maardu Perearstid"),
    ("LV", "Daugavas Veselības centrs"), ("LV", "Ziemeļu Ģimenes klīnika"), ("LV", "Jūrmalas Medicīnas centrs"),
    ("LT", "Vilniaus Šeimos klinika"), ("LT", "Kauno Sveikatos centras"), ("LT", "Klaipėdos medicinos centras"),
    ("FI", "Lääkärikeskus Aalto Oy"), ("FI", "Perheklinikka Kaarna"),
]
PANELS = [("BRCA1/2 pärilik rinna- ja munasarjavähk", "Z80.3", [("BRCA1", "c.5266dupC", "p.(Gln1756Profs*74)", "patogeenne"),
                                                               ("BRCA2", "c.7007G>A", "p.(Arg2336His)", "patogeenne")]),
          ("Lynchi sündroomi paneel", "Z80.0", [("MLH1", "c.1852_1854del", "p.(Lys618del)", "patogeenne"),
                                                ("MSH2", "c.942+3A>T", "p.?", "tõenäoliselt patogeenne")]),
          ("Kardiomüopaatia paneel", "I42.0", [("MYBPC3", "c.1504C>T", "p.(Arg502Trp)", "patogeenne"),
                                               ("TTN", "c.59926+1G>A", "p.?", "tõenäoliselt patogeenne")]),
          ("Epilepsia geenipaneel", "G40.9", [("SCN1A", "c.2836C>T", "p.(Arg946Cys)", "patogeenne")]),
          ("Tsüstiline fibroos (CFTR)", "E84.9", [("CFTR", "c.1521_1523del", "p.(Phe508del)", "patogeenne")]),
          ("Hemokromatoos (HFE)", "E83.1", [("HFE", "c.845G>A", "p.(Cys282Tyr)", "patogeenne")]),
          ("Trombofiilia (F5, F2)", "D68.5", [("F5", "c.1601G>A", "p.(Arg534Gln)", "riskialleel")]),
          ("Kandlusskriining (viljakus)", "N97.9", [("GJB2", "c.35delG", "p.(Gly12Valfs*2)", "patogeenne")]),
          ("Eksoomi sekveneerimine", "Q89.9", [("KMT2D", "c.5645C>G", "p.(Ser1882*)", "patogeenne")]),
          ("NIPT (mitteinvasiivne sünnieelne test)", "Z36.0", [("T21", "madal risk", "", "negatiivne")])]
SELF_PAY = ("NIPT (mitteinvasiivne sünnieelne test)", "Kandlusskriining (viljakus)")
STAFF = ["Liis Allas", "Tõnu Vaher", "Kaia Mänd", "Rein Saarepuu", "Olga Belova", "Janek Pruul", "Ülle Koort", "Margit Hein"]
GENETICISTS = [("Dr. Liis Allas", "kliiniline geneetik"), ("Dr. Tõnu Vaher", "laborigeneetik"), ("Dr. Kaia Mänd", "kliiniline geneetik")]
CONSENT = {
    "et": ("Informeeritud nõusolek geneetiliseks uuringuks", "Mina, <b>{n}</b> (isikukood {c}), sündinud {d}, kinnitan, et mulle on selgitatud uuringu <i>{t}</i> eesmärki ja võimalikke tulemusi ning annan nõusoleku uuringu tegemiseks.",
           "Mina, <b>{r}</b> (isikukood {rc}), olen lapse <b>{n}</b> (isikukood {c}, sündinud {d}) seaduslik esindaja ja annan nõusoleku uuringu <i>{t}</i> tegemiseks.", "Kontakt"),
    "ru": ("Информированное согласие на генетическое исследование", "Я, <b>{n}</b> (личный код {c}), дата рождения {d}, подтверждаю, что мне разъяснены цель и возможные результаты исследования <i>{t}</i>, и даю согласие на его проведение.",
           "Я, <b>{r}</b> (личный код {rc}), являюсь законным представителем ребёнка <b>{n}</b> (личный код {c}, дата рождения {d}) и даю согласие на исследование <i>{t}</i>.", "Контакт"),
    "lv": ("Informēta piekrišana ģenētiskajai izmeklēšanai", "Es, <b>{n}</b> (personas kods {c}), dzimis(-usi) {d}, apliecinu, ka man ir izskaidrots izmeklējuma <i>{t}</i> mērķis, un piekrītu tā veikšanai.", None, "Kontakti"),
    "lt": ("Informuoto asmens sutikimas genetiniam tyrimui", "Aš, <b>{n}</b> (asmens kodas {c}), gimęs(-usi) {d}, patvirtinu, kad man paaiškintas tyrimo <i>{t}</i> tikslas, ir sutinku, kad jis būtų atliktas.", None, "Kontaktai"),
    "fi": ("Tietoon perustuva suostumus geenitutkimukseen", "Minä, <b>{n}</b> (henkilötunnus {c}), syntynyt {d}, vahvistan, että minulle on selitetty tutkimuksen <i>{t}</i> tarkoitus, ja annan suostumukseni tutkimukseen.", None, "Yhteystiedot"),
}


class Pat:
    pass


def build(seed, rng):
    c = Case(2, "ee_genetic_lab", seed, rng,
             "Genetic testing laboratory (EE) with ~30 ordering providers (EE, LV, LT, FI): LIMS samples, signed consents, result letters, QC, payments")
    names, phones, emails = Names(rng), Phones(rng), Emails(rng)
    names.reserve(STAFF)
    prov_by_cc = {}
    for cc, pn in PROVIDERS:
        prov_by_cc.setdefault(cc, []).append(pn)
    prov_cc = {pn: cc for cc, pn in PROVIDERS}

    pats = []
    for i in range(226):
        cc = rng.choices(["EE", "LV", "LT", "FI"], [78, 8, 7, 7])[0]
        k = Pat()
        k.cc = cc
        k.lang = {"EE": "et", "LV": "lv", "LT": "lt", "FI": "fi"}[cc]
        if cc == "EE" and rng.random() < 0.3:
            k.lang = "ru"
        k.female = rng.random() < 0.62
        k.child = cc == "EE" and rng.random() < 0.1
        k.given, k.surname, k.cyr, _ = names.new(k.lang, k.female)
        k.dob = ids.rand_date(rng, 2008, 2021) if k.child else ids.rand_date(rng, 1950, 2000)
        if cc == "EE":
            k.code, k.typ = ids.ee_like(rng, k.dob, k.female), "ee_isikukood"
        elif cc == "LT":
            k.code, k.typ = ids.ee_like(rng, k.dob, k.female), "lt_asmens_kodas"
        elif cc == "LV":
            k.code, k.typ = (ids.lv_old(rng, k.dob) if rng.random() < 0.7 else ids.lv_new(rng)), "lv_personas_kods"
        else:
            k.code, k.typ = ids.fi_hetu(rng, k.dob, rng.random() < 0.2), "fi_hetu"
        k.phone = None if k.child or rng.random() < 0.35 else phones.new(cc)
        k.email = None if k.child or rng.random() < 0.45 else emails.new(k.given, k.surname)
        k.addr = None
        if rng.random() < 0.7:
            k.addr = {"EE": lambda: ee_address(rng), "LV": lambda: lv_address(rng), "LT": lambda: lt_address(rng),
                      "FI": lambda: fi_address(rng, "Helsinki", ["00100", "00250", "00530", "00940"])}[cc]()
        provs = [rng.choice(prov_by_cc[cc])]
        if rng.random() < 0.09:
            others = [x for x in prov_by_cc["EE" if cc == "EE" else rng.choice(["EE", cc])] if x not in provs]
            provs.append(rng.choice(others))
        k.orders = []
        k.p = c.person(f"{k.given} {k.surname}", k.lang, controllers=list(provs))
        if k.cyr:
            k.p.variants.append(k.cyr)
        if len(provs) > 1:
            k.p.note = "two ordering providers (two controllers)"
        k.rep = None
        if k.child:
            r = Pat()
            r.female = rng.random() < 0.7
            r.given, r.surname, r.cyr, _ = names.new(k.lang, r.female)
            r.dob = ids.rand_date(rng, 1970, 1992)
            r.code = ids.ee_like(rng, r.dob, r.female)
            r.phone = phones.new("EE")
            r.p = c.person(f"{r.given} {r.surname}", k.lang, controllers=list(provs))
            r.p.note = f"legal representative of {k.p.tid}"
            k.rep = r
        for pv in provs:
            k.orders.append({"prov": pv})
        pats.append(k)

    # orders, samples, panels
    used_lims = set()

    def new_limsid():
        while True:
            v = f"HEL{rng.randint(100, 999)}A{rng.randint(1, 99)}"
            if v not in used_lims:
                used_lims.add(v)
                return v
    orders = []
    num = {2022: 3100, 2023: 1200}
    for k in pats:
        for o in k.orders:
            yr = 2022 if rng.random() < 0.25 else 2023
            num[yr] += rng.randint(1, 9)
            o["id"] = f"G{yr % 100}-{num[yr]:05d}"
            o["year"] = yr
            panel = rng.choice(PANELS if not k.child else [x for x in PANELS if x[1] in ("G40.9", "Q89.9", "E84.9")])
            if k.child is False and not k.female and panel[1] in ("Z36.0",):
                panel = PANELS[2]
            o["panel"] = panel
            o["issued"] = rng.random() < 0.92
            o["pos"] = rng.random() < 0.45 and panel[1] != "Z36.0"
            o["var"] = rng.choice(panel[2])
            o["limsid"] = new_limsid()
            o["recv"] = datetime.date(yr, rng.randint(1, 12 if yr == 2022 else 9), rng.randint(1, 28))
            o["phys"] = (rng.choice(["Anneli", "Tiit", "Kristi", "Urmo", "Signe", "Aivar"]) + " " +
                         rng.choice(["Sillaste", "Pajula", "Ruusmaa", "Kõrvits", "Loog", "Tohver"]))
            o["k"] = k
            orders.append(o)
    for o in orders:
        names.reserve([o["phys"]])
    research = [{"limsid": new_limsid(), "recv": datetime.date(2023, rng.randint(1, 9), rng.randint(1, 28))}
                for _ in range(15)]

    def dstr(d, style):
        return d.strftime("%d.%m.%Y") if style == 0 else d.isoformat()

    # ------------------------------------------------------------ Clarity LIMS API samples
    tar22 = []
    sample_docs = {}
    for o in orders + research:
        k = o.get("k")
        path = f"lims/api_v2/samples/{o['limsid']}.xml"
        if o.get("year") == 2022:
            doc = f"lims/api_v2/samples_2022.tar.gz!/samples/{o['limsid']}.xml"
        else:
            doc = path
        udf = []
        if k is not None:
            p = k.p
            udf.append(("String", "Patient Name", f"{k.surname}, {k.given}"))
            c.nm(p, doc, "udf:Patient Name", k.surname, k.given)
            udf.append(("String", "Patient ID", k.code))
            udf.append(("String", "Patient ID Type", {"ee_isikukood": "EE isikukood", "lt_asmens_kodas": "LT asmens kodas",
                                                      "lv_personas_kods": "LV personas kods", "fi_hetu": "FI HETU"}[k.typ]))
            c.ident(p, k.typ, k.code, k.code, doc, "udf:Patient ID")
            udf.append(("Date", "Date of Birth", k.dob.isoformat()))
            c.el(p, "date_of_birth", doc, "udf:Date of Birth", k.dob.isoformat())
            udf.append(("String", "Ordering Provider", o["prov"]))
            udf.append(("String", "Ordering Physician", "Dr. " + o["phys"]))
            pe = f"{ids.ascii_fold(o['phys']).lower().replace(' ', '.')}@{ids.ascii_fold(o['prov'].split()[0]).lower()}.example.com"
            udf.append(("String", "Physician E-mail", pe))
            c.decoy("physician_email", pe, doc, "udf:Physician E-mail")
            udf.append(("String", "Indication (ICD-10)", o["panel"][1]))
            c.el(p, "health_data", doc, "udf:Indication (ICD-10)", o["panel"][1])
            udf.append(("String", "Test Panel", o["panel"][0]))
            c.opt(p, "genetic_data", doc, "udf:Test Panel")
            if k.phone and rng.random() < 0.5:
                raw = render_phone(rng, k.phone)
                udf.append(("String", "Patient Phone", raw))
                c.ident(p, "phone", k.phone, raw, doc, "udf:Patient Phone")
            udf.append(("String", "Order Number", o["id"]))
        else:
            udf.append(("String", "Project Type", "Research / validation"))
            udf.append(("String", "Subject Code", f"VAL-{rng.randint(100, 999)}"))
        udf.append(("Numeric", "Concentration (ng/ul)", f"{rng.randint(80, 900) / 10}"))
        udf.append(("String", "Sample Type", rng.choice(["Blood EDTA", "Saliva", "Buccal swab", "cfDNA"])))
        x = ['<?xml version="1.0" encoding="UTF-8" standalone="yes"?>',
             f'<smp:sample xmlns:udf="http://genologics.com/ri/userdefined" xmlns:ri="http://genologics.com/ri" '
             f'xmlns:file="http://genologics.com/ri/file" xmlns:smp="http://genologics.com/ri/sample" '
             f'uri="https://lims.heliks.example.com/api/v2/samples/{o["limsid"]}" limsid="{o["limsid"]}">',
             f'    <name>{o.get("id", o["limsid"])}</name>',
             f'    <date-received>{o["recv"].isoformat()}</date-received>',
             f'    <project limsid="HEL{o["limsid"][3:6]}" uri="https://lims.heliks.example.com/api/v2/projects/HEL{o["limsid"][3:6]}"/>',
             f'    <submitter uri="https://lims.heliks.example.com/api/v2/researchers/{rng.randint(3, 40)}">',
             f'        <first-name>{html.escape(rng.choice(["Kaia", "Janek", "Margit"]))}</first-name>',
             f'        <last-name>{rng.choice(["Mänd", "Pruul", "Hein"])}</last-name>',
             '    </submitter>',
             f'    <artifact limsid="{o["limsid"]}PA1" uri="https://lims.heliks.example.com/api/v2/artifacts/{o["limsid"]}PA1?state={rng.randint(1000, 99999)}"/>']
        for t, n, v in udf:
            x.append(f'    <udf:field type="{t}" name="{n}">{html.escape(v, quote=False)}</udf:field>')
        x.append('</smp:sample>')
        text = "\n".join(x) + "\n"
        if o.get("year") == 2022:
            tar22.append((f"samples/{o['limsid']}.xml", text.encode("utf-8"), "utf-8", ("xml",)))
        else:
            c.add(doc, text, views=("xml",))
        sample_docs[o["limsid"]] = doc
    tar22.sort(key=lambda m: m[0])
    c.add_targz("lims/api_v2/samples_2022.tar.gz", tar22)

    # ------------------------------------------------------------ ASiC-E consent containers
    for o in orders:
        k = o["k"]
        p = k.p
        zpath = f"nousolekud/{o['recv'].year}/{o['id']}.asice"
        lang = k.lang if k.lang in CONSENT else "et"
        title, adult, childt, kont = CONSENT[lang]
        hname = f"nousolek_{o['id']}.html"
        doc = zpath + "!/" + hname
        ds = k.dob.strftime("%d.%m.%Y")
        nm = f"{k.given} {k.surname}"
        c.nm(p, doc, "consent text", nm)
        c.ident(p, k.typ, k.code, k.code, doc, "consent text")
        c.el(p, "date_of_birth", doc, "consent text", ds)
        c.opt(p, "genetic_data", doc, "consent text")
        test = o["panel"][0]
        if k.child and k.rep:
            r = k.rep
            rn = f"{r.given} {r.surname}"
            para = childt.format(r=rn, rc=r.code, n=nm, c=k.code, d=ds, t=html.escape(test))
            c.nm(r.p, doc, "consent text (representative)", rn)
            c.ident(r.p, "ee_isikukood", r.code, r.code, doc, "consent text (representative)")
            c.opt(r.p, "date_of_birth", doc, "consent text (representative)")
            raw = render_phone(rng, r.phone)
            contact = f"tel {raw}"
            c.ident(r.p, "phone", r.phone, raw, doc, "Kontakt")
        else:
            para = adult.format(n=nm, c=k.code, d=ds, t=html.escape(test))
            bits = []
            if k.phone:
                raw = render_phone(rng, k.phone)
                bits.append(f"tel {raw}")
                c.ident(p, "phone", k.phone, raw, doc, kont)
            if k.email:
                bits.append(f"e-post {k.email}" if lang == "et" else f"e-mail {k.email}")
                c.ident(p, "email", k.email, k.email, doc, kont)
            contact = ", ".join(bits) or "—"
        when = o["recv"] - datetime.timedelta(days=rng.randint(0, 6))
        body = (f'<!DOCTYPE html>\n<html lang="{lang}"><head><meta charset="utf-8"><title>{title}</title></head>\n<body>\n'
                f'<h1>{title}</h1>\n<p>{para}</p>\n<p>{kont}: {html.escape(contact)}</p>\n'
                f'<p>Tellija: {html.escape(o["prov"])} · Tellimus {o["id"]}</p>\n<p>{when.strftime("%d.%m.%Y")}</p>\n</body></html>\n')
        manifest = ('<?xml version="1.0" encoding="UTF-8" standalone="no" ?>\n'
                    '<manifest:manifest xmlns:manifest="urn:oasis:names:tc:opendocument:xmlns:manifest:1.0" manifest:version="1.2">\n'
                    '  <manifest:file-entry manifest:full-path="/" manifest:media-type="application/vnd.etsi.asic-e+zip"/>\n'
                    f'  <manifest:file-entry manifest:full-path="{hname}" manifest:media-type="text/html"/>\n'
                    '</manifest:manifest>\n')
        cert = base64.b64encode(bytes(rng.randrange(256) for _ in range(540))).decode()
        sig_t = datetime.datetime(when.year, when.month, when.day, rng.randint(8, 18), rng.randint(0, 59), rng.randint(0, 59))
        sig = ('<?xml version="1.0" encoding="UTF-8" standalone="no"?>'
               '<asic:XAdESSignatures xmlns:asic="http://uri.etsi.org/02918/v1.2.1#" xmlns:ds="http://www.w3.org/2000/09/xmldsig#" '
               'xmlns:xades="http://uri.etsi.org/01903/v1.3.2#">'
               f'<ds:Signature Id="S0"><ds:SignedInfo><ds:CanonicalizationMethod Algorithm="http://www.w3.org/2006/12/xml-c14n11"/>'
               f'<ds:SignatureMethod Algorithm="http://www.w3.org/2001/04/xmldsig-more#ecdsa-sha384"/>'
               f'<ds:Reference Id="S0-ref-0" URI="{hname}"><ds:DigestMethod Algorithm="http://www.w3.org/2001/04/xmlenc#sha256"/>'
               f'<ds:DigestValue>{base64.b64encode(bytes(rng.randrange(256) for _ in range(32))).decode()}</ds:DigestValue></ds:Reference>'
               f'</ds:SignedInfo><ds:SignatureValue Id="S0-SIG">{base64.b64encode(bytes(rng.randrange(256) for _ in range(96))).decode()}</ds:SignatureValue>'
               f'<ds:KeyInfo><ds:X509Data><ds:X509Certificate>{cert}</ds:X509Certificate></ds:X509Data></ds:KeyInfo>'
               f'<ds:Object><xades:QualifyingProperties Target="#S0"><xades:SignedProperties Id="S0-SignedProperties">'
               f'<xades:SignedSignatureProperties><xades:SigningTime>{sig_t.strftime("%Y-%m-%dT%H:%M:%SZ")}</xades:SigningTime>'
               f'<xades:SigningCertificateV2><xades:Cert><xades:CertDigest><ds:DigestMethod Algorithm="http://www.w3.org/2001/04/xmlenc#sha256"/>'
               f'<ds:DigestValue>{base64.b64encode(bytes(rng.randrange(256) for _ in range(32))).decode()}</ds:DigestValue></xades:CertDigest>'
               f'<xades:IssuerSerialV2>{base64.b64encode(bytes(rng.randrange(256) for _ in range(40))).decode()}</xades:IssuerSerialV2>'
               f'</xades:Cert></xades:SigningCertificateV2></xades:SignedSignatureProperties></xades:SignedProperties></xades:QualifyingProperties>'
               f'</ds:Object></ds:Signature></asic:XAdESSignatures>')
        c.add_zip(zpath, [("mimetype", b"application/vnd.etsi.asic-e+zip", "ascii", (), True),
                          (hname, body.encode("utf-8"), "utf-8", ("tags_sp",)),
                          ("META-INF/manifest.xml", manifest.encode("utf-8"), "utf-8", ()),
                          ("META-INF/signatures0.xml", sig.encode("utf-8"), "utf-8", ())])

    # ------------------------------------------------------------ flat ODT result letters
    for o in orders:
        if not o["issued"]:
            continue
        k = o["k"]
        p = k.p
        doc = f"vastused/{o['recv'].year}/{o['id']}_vastus.fodt"
        en = prov_cc[o["prov"]] != "EE"
        gene, cdna, prot, cls = o["var"]
        surname_first = rng.random() < 0.5
        nm = f"{k.surname.upper()}, {k.given}" if surname_first else f"{k.given} {k.surname}"
        if surname_first:
            c.nm(p, doc, "Patsient", k.surname.upper(), k.given)
        else:
            c.nm(p, doc, "Patsient", nm)
        ds = k.dob.strftime("%d.%m.%Y")
        c.ident(p, k.typ, k.code, k.code, doc, "Isikukood")
        c.el(p, "date_of_birth", doc, "Sünniaeg", ds)
        c.el(p, "health_data", doc, "Näidustus", o["panel"][1])
        if o["pos"]:
            res = (gene, cdna, prot, cls)
            c.el(p, "genetic_data", doc, "Tulemus", cdna)
        else:
            res = ("—", "patogeenseid variante ei leitud" if not en else "no pathogenic variants detected", "", "")
            c.el(p, "genetic_data", doc, "Tulemus", res[1])
        c.opt(p, "lab_result", doc, "Tulemus")
        L = (lambda e, t: t if en else e)
        paras = [(L("Geneetilise uuringu vastus", "Genetic test report"), "H"),
                 (f"{L('Patsient', 'Patient')}: {nm}", "P"),
                 (f"{L('Isikukood', 'Personal code')}: {k.code}", "P"),
                 (f"{L('Sünniaeg', 'Date of birth')}: {ds}", "P")]
        if k.addr and rng.random() < 0.6:
            a = f"{k.addr['street']}, {k.addr['zip']} {k.addr['city']}"
            paras.append((f"{L('Aadress', 'Address')}: {a}", "P"))
            c.el(p, "postal_address", doc, "Aadress", k.addr["street"])
        paras += [(f"{L('Tellija', 'Ordering provider')}: {o['prov']}, Dr. {o['phys']}", "P"),
                  (f"{L('Tellimus', 'Order')}: {o['id']} · {L('Proov', 'Sample')}: {o['limsid']}", "P"),
                  (f"{L('Näidustus', 'Indication')}: {o['panel'][1]}", "P"),
                  (f"{L('Uuring', 'Test')}: {o['panel'][0]}", "P")]
        g = rng.choice(GENETICISTS)
        x = ['<?xml version="1.0" encoding="UTF-8"?>',
             '<office:document xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" '
             'xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0" xmlns:table="urn:oasis:names:tc:opendocument:xmlns:table:1.0" '
             'xmlns:style="urn:oasis:names:tc:opendocument:xmlns:style:1.0" xmlns:meta="urn:oasis:names:tc:opendocument:xmlns:meta:1.0" '
             'office:version="1.3" office:mimetype="application/vnd.oasis.opendocument.text">',
             f' <office:meta><meta:generator>LibreOffice/7.5.4.2$Linux_X86_64</meta:generator><meta:initial-creator>{g[0][4:]}</meta:initial-creator>'
             f'<meta:creation-date>{o["recv"].isoformat()}T10:00:00</meta:creation-date></office:meta>',
             ' <office:body>', '  <office:text>']
        for t, kind in paras:
            if kind == "H":
                x.append(f'   <text:h text:style-name="Heading_20_1" text:outline-level="1">{html.escape(t)}</text:h>')
            else:
                lab, val = t.split(": ", 1)
                x.append(f'   <text:p text:style-name="P1">{html.escape(lab)}:<text:tab/><text:span text:style-name="T1">{html.escape(val)}</text:span></text:p>')
        x.append('   <table:table table:name="Tulemused">')
        x.append('    <table:table-column table:number-columns-repeated="4"/>')
        for row in ((L("Geen", "Gene"), "cDNA", L("Valk", "Protein"), L("Klass", "Class")), res):
            x.append('    <table:table-row>' + "".join(
                f'<table:table-cell office:value-type="string"><text:p>{html.escape(v)}</text:p></table:table-cell>' for v in row) +
                '</table:table-row>')
        x.append('   </table:table>')
        x.append(f'   <text:p text:style-name="P2">{html.escape(g[0])}, {g[1]}</text:p>')
        x.append(f'   <text:p text:style-name="P2">{LAB}, Tel +372 730 0000</text:p>')
        x += ['  </office:text>', ' </office:body>', '</office:document>']
        c.add(doc, "\n".join(x) + "\n", views=("xml", "tags_sp"))
    c.decoy("lab_phone", "+372 730 0000", doc, "signature")

    # ------------------------------------------------------------ bcftools stats (sample id only)
    for o in orders:
        if not o["issued"]:
            continue
        doc = f"qc/bcftools_stats/{o['limsid']}.vchk"
        sn = rng.randint(18000, 90000)
        lines = ["# This file was produced by bcftools stats (1.17+htslib-1.17) and can be plotted using plot-vcfstats.",
                 "# The command line was:\tbcftools stats  -F /ref/GRCh38.fa -s - " + f"/data/runs/{o['recv'].strftime('%y%m%d')}_A01234/{o['limsid']}.vcf.gz",
                 "#", "# Definition of sets:", "# ID\t[2]id\t[3]tab-separated file names",
                 f"ID\t0\t/data/runs/{o['recv'].strftime('%y%m%d')}_A01234/{o['limsid']}.vcf.gz",
                 "# SN, Summary numbers:", "# SN\t[2]id\t[3]key\t[4]value",
                 "SN\t0\tnumber of samples:\t1", f"SN\t0\tnumber of records:\t{sn}", "SN\t0\tnumber of no-ALTs:\t0",
                 f"SN\t0\tnumber of SNPs:\t{int(sn * 0.86)}", f"SN\t0\tnumber of MNPs:\t0", f"SN\t0\tnumber of indels:\t{sn - int(sn * 0.86)}",
                 "# TSTV, transitions/transversions:", "# TSTV\t[2]id\t[3]ts\t[4]tv\t[5]ts/tv\t[6]ts (1st ALT)\t[7]tv (1st ALT)\t[8]ts/tv (1st ALT)",
                 f"TSTV\t0\t{int(sn * 0.58)}\t{int(sn * 0.28)}\t{0.58 / 0.28:.2f}\t{int(sn * 0.58)}\t{int(sn * 0.28)}\t{0.58 / 0.28:.2f}",
                 "# PSC, Per-sample counts.", "# PSC\t[2]id\t[3]sample\t[4]nRefHom\t[5]nNonRefHom\t[6]nHets\t[7]nTransitions\t[8]nTransversions\t[9]nIndels\t[10]average depth\t[11]nSingletons",
                 f"PSC\t0\t{o['limsid']}\t0\t{int(sn * 0.4)}\t{int(sn * 0.6)}\t{int(sn * 0.58)}\t{int(sn * 0.28)}\t{sn - int(sn * 0.86)}\t{rng.randint(900, 2400) / 10}\t{rng.randint(10, 99)}"]
        c.add(doc, "\n".join(lines) + "\n")
    c.extra["sample_only_documents"] = "qc/bcftools_stats/*.vchk (sample ids only; the LIMS samples resolve them)"

    # ------------------------------------------------------------ PayPal activity downloads (self-paid tests)
    hdr = ["Date", "Time", "TimeZone", "Name", "Type", "Status", "Currency", "Gross", "Fee", "Net", "From Email Address",
           "To Email Address", "Transaction ID", "Shipping Address", "Address Status", "Item Title", "Item ID",
           "Shipping and Handling Amount", "Insurance Amount", "Sales Tax", "Option 1 Name", "Option 1 Value",
           "Option 2 Name", "Option 2 Value", "Reference Txn ID", "Invoice Number", "Custom Number", "Quantity",
           "Receipt ID", "Balance", "Address Line 1", "Address Line 2/District/Neighborhood", "Town/City",
           "State/Province/Region/County/Territory/Prefecture/Republic", "Zip/Postal Code", "Country",
           "Contact Phone Number", "Subject", "Note", "Country Code", "Balance Impact"]
    mine = "arved@heliks.example.com"
    by_month = {}
    for o in orders:
        k = o["k"]
        if o["panel"][0] not in SELF_PAY or o["year"] != 2023 or k.child:
            continue
        by_month.setdefault(o["recv"].strftime("%Y-%m"), []).append(o)
    bal = 0.0
    for month in sorted(by_month):
        doc = f"maksed/PayPal/Download_{month.replace('-', '')}.CSV"
        out = [csv_line(hdr, quote_all=True, crlf=True)]
        for o in sorted(by_month[month], key=lambda o: o["recv"]):
            k = o["k"]
            payer_self = k.email is not None and rng.random() < 0.6
            if payer_self:
                pay = k
            else:
                pay = Pat()
                pay.female = not k.female
                pay.given, pay.surname, pay.cyr, _ = names.new(k.lang if k.lang != "ru" else "et", pay.female)
                pay.email = emails.new(pay.given, pay.surname)
                pay.addr = k.addr
                pay.phone = phones.new("EE") if rng.random() < 0.3 else None
                pay.p = c.person(f"{pay.given} {pay.surname}", k.lang, controllers=[o["prov"]])
                pay.p.note = f"spouse who paid the test of {k.p.tid}; known only from PayPal"
            gross = {"NIPT (mitteinvasiivne sünnieelne test)": 390.0, "Kandlusskriining (viljakus)": 290.0}[o["panel"][0]]
            fee = round(gross * 0.034 + 0.35, 2)
            bal += gross - fee
            row = {h: "" for h in hdr}
            row.update({"Date": o["recv"].strftime("%d/%m/%Y"), "Time": f"{rng.randint(8, 22):02d}:{rng.randint(0, 59):02d}:{rng.randint(0, 59):02d}",
                        "TimeZone": "EEST" if 4 <= o["recv"].month <= 10 else "EET", "Name": f"{pay.given} {pay.surname}", "Type": "Website Payment", "Status": "Completed",
                        "Currency": "EUR", "Gross": f"{gross:.2f}".replace(".", ","), "Fee": f"-{fee:.2f}".replace(".", ","),
                        "Net": f"{gross - fee:.2f}".replace(".", ","), "From Email Address": pay.email, "To Email Address": mine,
                        "Transaction ID": "".join(rng.choice("0123456789ABCDEFGHJKLMNPRSTUVWXY") for _ in range(17)),
                        "Item Title": o["panel"][0].split(" (")[0], "Item ID": o["id"], "Quantity": "1",
                        "Invoice Number": o["id"], "Balance": f"{bal:.2f}".replace(".", ","), "Balance Impact": "Credit",
                        "Country": "Estonia", "Country Code": "EE"})
            c.nm(pay.p, doc, "Name", row["Name"])
            c.ident(pay.p, "email", pay.email, pay.email, doc, "From Email Address")
            if pay is k:
                c.opt(k.p, "purchase_history", doc, "Item Title")
                c.opt(k.p, "genetic_data", doc, "Item Title")
            if pay.addr and pay.addr["country"] == "EE" and rng.random() < 0.8:
                row["Shipping Address"] = f"{pay.given} {pay.surname}, {pay.addr['street']}, {pay.addr['city']}, {pay.addr['zip']}, EE"
                row["Address Status"] = "Confirmed"
                row["Address Line 1"], row["Town/City"], row["Zip/Postal Code"] = pay.addr["street"], pay.addr["city"], pay.addr["zip"]
                c.el(pay.p, "postal_address", doc, "Address Line 1", pay.addr["street"])
            if pay is not k and pay.phone:
                raw = render_phone(rng, pay.phone)
                row["Contact Phone Number"] = raw
                c.ident(pay.p, "phone", pay.phone, raw, doc, "Contact Phone Number")
            if pay is not k:
                row["Note"] = rng.choice(["Tasun abikaasa testi eest"] + (["Maksan naise eest", "Payment for my wife's test"] if k.female
                                                                          else ["Mehe eest", "Payment for my husband's test"]))
            out.append(csv_line([row[h] for h in hdr], quote_all=True, crlf=True))
        # the monthly withdrawal to the lab's bank account
        row = {h: "" for h in hdr}
        row.update({"Date": f"28/{month[5:]}/{month[:4]}", "Time": "23:59:01", "TimeZone": "EEST" if 4 <= int(month[5:]) <= 10 else "EET", "Type": "General Withdrawal",
                    "Status": "Completed", "Currency": "EUR", "Gross": f"-{bal:.2f}".replace(".", ","), "Fee": "0,00",
                    "Net": f"-{bal:.2f}".replace(".", ","), "Transaction ID": "".join(rng.choice("0123456789ABCDEFGHJKLMNPRSTUVWXY") for _ in range(17)),
                    "Balance": "0,00", "Balance Impact": "Debit", "Name": "Bank Account"})
        bal = 0.0
        out.append(csv_line([row[h] for h in hdr], quote_all=True, crlf=True))
        c.add(doc, "".join(out), "utf-8-sig")
        c.decoy("lab_mailbox", mine, doc, "To Email Address")

    # the consent's contact e-mail is every self-paying patient's; payers' e-mails link only through PayPal
    c.extra["lab"] = LAB
    c.extra["providers"] = [{"name": pn, "country": cc} for cc, pn in PROVIDERS]
    c.extra["special_categories"] = ["genetic_data", "health_data"]
    c.extra["staff"] = STAFF
    return c
