"""Case 2: genetic testing laboratory (Estonia, with Latvian, Lithuanian and Finnish patients)."""
import base64
import datetime as dt
import json

import people
from common import Case
from shared import ids, check

PROVIDERS = [
    ("tyk", "Tartu Ülikooli Kliinikum", "EE", "90006399"), ("regionaal", "Põhja-Eesti Regionaalhaigla", "EE", "90006422"),
    ("itk", "Ida-Tallinna Keskhaigla", "EE", "90009173"), ("ltkh", "Lääne-Tallinna Keskhaigla", "EE", "90002340"),
    ("parnu", "Pärnu Haigla", "EE", "90004585"), ("idaviru", "Ida-Viru Keskhaigla", "EE", "90013934"),
    ("viljandi", "Viljandi Haigla", "EE", "90004941"), ("kuressaare", "Kuressaare Haigla", "EE", "90003217"),
    ("fertilitas", "Fertilitas AS", "EE", "10310917"), ("nova", "Nova Vita Kliinik", "EE", "11102230"),
    ("elite", "Elite Kliinik", "EE", "10117776"), ("qvalitas", "Qvalitas Arstikeskus", "EE", "10231390"),
    ("medicum", "Medicum Tervisekeskus", "EE", "10264823"), ("rakvere", "Rakvere Haigla", "EE", "90002304"),
    ("lõuna", "Lõuna-Eesti Haigla", "EE", "90003932"), ("järva", "Järvamaa Haigla", "EE", "90002298"),
    ("confido", "Confido Meditsiinikeskus", "EE", "11183393"), ("terve", "Terve Pere Arstikeskus", "EE", "10900811"),
    ("valga", "Valga Haigla", "EE", "90003688"), ("narva", "Narva Haigla", "EE", "90001930"),
    ("stradins", "Paula Stradiņa klīniskā universitātes slimnīca", "LV", "40003457109"),
    ("austrumu", "Rīgas Austrumu klīniskā universitātes slimnīca", "LV", "40003951628"),
    ("santaros", "Vilniaus universiteto ligoninė Santaros klinikos", "LT", "124364561"),
    ("kauno", "Kauno klinikos", "LT", "135163185"),
    ("husd", "HUS Diagnostiikkakeskus", "FI", "1567535-0"), ("vaesto", "Väestöliiton klinikat", "FI", "0201518-0"),
]
OID = {"EE": "1.3.6.1.4.1.28284.6.2.2.1", "LV": "1.3.6.1.4.1.38760.3.1.1", "LT": "1.3.6.1.4.1.27394.1.1", "FI": "1.2.246.21"}
TESTS = [("BRCA1/BRCA2 geenipaneel", "BRCA panel", "Z80.3", "Rinnavähk perekonna anamneesis", ["BRCA1", "BRCA2"]),
         ("Päriliku kardiomüopaatia paneel", "Cardiomyopathy panel", "I42.0", "Dilatatiivne kardiomüopaatia", ["MYH7", "TTN", "LMNA"]),
         ("Tsüstiline fibroos, CFTR", "CFTR analysis", "E84.9", "Tsüstiline fibroos, täpsustamata", ["CFTR"]),
         ("Kromosoomne mikrokiibi analüüs", "Chromosomal microarray", "Q99.9", "Kromosoomianomaalia, täpsustamata", ["CMA"]),
         ("Lynchi sündroomi paneel", "Lynch syndrome panel", "Z80.0", "Seedeelundite pahaloomuline kasvaja perekonnas", ["MLH1", "MSH2", "MSH6"]),
         ("Viljatuse geneetiline uuring", "Infertility work-up", "N97.9", "Naise viljatus, täpsustamata", ["CFTR", "FMR1"]),
         ("Perekondlik hüperkolesteroleemia", "Familial hypercholesterolaemia", "E78.0", "Puhas hüperkolesterooleemia", ["LDLR", "APOB", "PCSK9"]),
         ("Eksoomi sekveneerimine", "Exome sequencing", "R62.0", "Hilinenud arengu verstapost", ["WES"])]
VARIANTS = {"BRCA1": ["c.5266dupC (p.Gln1756ProfsTer74)", "c.4035delA (p.Glu1346LysfsTer20)", "c.181T>G (p.Cys61Gly)"],
            "BRCA2": ["c.9097dupA (p.Thr3033AsnfsTer11)", "c.5946delT (p.Ser1982ArgfsTer22)"],
            "MYH7": ["c.1208G>A (p.Arg403Gln)"], "TTN": ["c.59926+1G>A"], "LMNA": ["c.1130G>A (p.Arg377His)"],
            "CFTR": ["c.1521_1523delCTT (p.Phe508del)", "c.3909C>G (p.Asn1303Lys)"], "CMA": ["arr[GRCh38] 22q11.21(18912231_21465672)x1"],
            "MLH1": ["c.1852_1854delAAG (p.Lys618del)"], "MSH2": ["c.942+3A>T"], "MSH6": ["c.3261dupC (p.Phe1088LeufsTer5)"],
            "FMR1": ["CGG-kordusi 35/102 (premutatsioon)"], "LDLR": ["c.654_656delTGG (p.Gly219del)"], "APOB": ["c.10580G>A (p.Arg3527Gln)"],
            "PCSK9": ["c.381T>A (p.Ser127Arg)"], "WES": ["SCN2A c.5645G>A (p.Arg1882Gln)"]}
GENETICISTS = [("Liis", "Kukk"), ("Andres", "Ilves"), ("Reet", "Teder"), ("Madis", "Uibo"), ("Kärt", "Aavik")]
PHYSICIANS = [("Kadri", "Sepp"), ("Toomas", "Kallas"), ("Helen", "Kivi"), ("Urmas", "Põder"), ("Signe", "Valk"), ("Indrek", "Karu"),
              ("Ilze", "Ozoliņa"), ("Asta", "Petrauskienė"), ("Päivi", "Laitinen"), ("Maarja", "Raud"), ("Siim", "Lõhmus")]


def ident(c, rng, nat, d, female):
    if nat == "EE":
        return "ee_isikukood", c.unique("ee_isikukood", lambda: ids.ee_like(rng, d, female))
    if nat == "LT":
        return "lt_asmens_kodas", c.unique("lt_asmens_kodas", lambda: ids.ee_like(rng, d, female))
    if nat == "LV":
        return "lv_personas_kods", c.unique("lv_personas_kods", lambda: ids.lv_old(rng, d) if rng.random() < 0.8 else ids.lv_new(rng))
    return "fi_hetu", c.unique("fi_hetu", lambda: ids.fi_hetu(rng, d, new_sign=rng.random() < 0.2))


def build(seed):
    c = Case(2, "ee_genetics", seed, "Genetic testing laboratory (Estonia + LV/LT/FI patients): X-Road SOAP with IHE XDS.b "
             "metadata, Markdown results with YAML front matter, samtools BAM headers, PLINK pedigrees, Mattermost bulk export")
    rng = c.rng
    for g, s in GENETICISTS + PHYSICIANS:
        c.used_names.add(check.name_tokens(f"{g} {s}"))
    lab_phone = ids.e164("EE", ids.phone_nsn(rng, "EE", "fixed"))
    phys = []
    for g, s in PHYSICIANS:
        phys.append((g, s, ids.e164("EE", ids.phone_nsn(rng, "EE", "fixed"))))
    pats = []
    used_e = set()
    N = rng.randint(250, 290)
    for i in range(N):
        r = rng.random()
        nat = "EE" if r < 0.78 else "LV" if r < 0.86 else "LT" if r < 0.92 else "FI"
        lang = {"LV": "lv", "LT": "lt", "FI": "fi"}.get(nat) or ("ru" if rng.random() < 0.25 else "et")
        child = nat == "EE" and rng.random() < 0.13
        d = people.dob(rng, 2007, 2022) if child else people.dob(rng, 1950, 2000)
        nm = c.unique_name(lambda: people.make_name(rng, lang))
        t, v = ident(c, rng, nat, d, nm["female"])
        pt = {"n": nm, "nat": nat, "lang": lang, "dob": d, "idt": t, "idv": v, "child": child}
        pt["email"] = c.unique("email", lambda: ids.email_for(rng, nm["given"], nm["surname"], used_e)) if not child and rng.random() < 0.55 else None
        cc = nat if nat != "FI" else "FI"
        pt["phone"] = c.unique("phone", lambda: ids.e164(cc, ids.phone_nsn(rng, cc))) if not child and rng.random() < 0.7 else None
        pt["addr"] = (people.ee_address(rng) if nat == "EE" else people.lv_address(rng) if nat == "LV" else
                      people.lt_address(rng) if nat == "LT" else people.fi_address(rng, "hus"))
        if child:
            pl = "et" if lang == "et" else "ru"
            pn = c.unique_name(lambda: people.make_name(rng, pl))
            pn["surname"] = nm["surname"] if rng.random() < 0.7 else pn["surname"]
            pn["full"] = f"{pn['given']} {pn['surname']}"
            if check.name_tokens(pn["full"]) in c.used_names and pn["surname"] == nm["surname"]:
                pass
            c.used_names.add(check.name_tokens(pn["full"]))
            pdob = people.dob(rng, 1970, 1995)
            rep = {"n": pn, "rel": "ema" if pn["female"] else "isa",
                   "ik": c.unique("ee_isikukood", lambda: ids.ee_like(rng, pdob, pn["female"])) if rng.random() < 0.5 else None,
                   "phone": c.unique("phone", lambda: ids.e164("EE", ids.phone_nsn(rng, "EE"))),
                   "email": c.unique("email", lambda: ids.email_for(rng, pn["given"], pn["surname"], used_e)) if rng.random() < 0.5 else None}
            pt["rep"] = rep
        home = [p for p in PROVIDERS if p[2] == nat]
        if nat == "EE" and rng.random() < 0.15:
            home = [p for p in PROVIDERS if p[0] in ("fertilitas", "nova", "elite")]
        provs = [rng.choice(home)]
        if rng.random() < 0.09:
            other = rng.choice([p for p in PROVIDERS if p[2] == nat and p != provs[0]])
            provs.append(other)
        pt["orders"] = []
        for pv in provs:
            tst = rng.choice(TESTS)
            pt["orders"].append({"prov": pv, "test": tst, "oid": None, "sample": None, "result": rng.random() < 0.87,
                                 "phys": rng.choice(phys)})
        pats.append(pt)
    # order ids and sample ids in date order
    orders = [(pt, o) for pt in pats for o in pt["orders"]]
    rng.shuffle(orders)
    for k, (pt, o) in enumerate(orders):
        o["oid"] = f"G2023-{4100 + k * 3 + rng.randint(0, 2):05d}"
        o["sample"] = f"S23-{400 + k * 2 + rng.randint(0, 1):05d}"
        o["date"] = dt.datetime(2023, 3, 1, 8) + dt.timedelta(minutes=k * 600 + rng.randint(0, 500))
        o["gene"] = rng.choice(o["test"][4])
        o["variant"] = rng.choice(VARIANTS[o["gene"]]) if rng.random() < 0.55 else None
    for pt in pats:
        pt["p"] = c.person(pt["n"]["full"], pt["lang"])
        pt["p"].controllers = [o["prov"][1] for o in pt["orders"]]
        if len(pt["orders"]) > 1:
            pt["p"].note = "two ordering providers"
        if pt.get("rep"):
            rep = pt["rep"]
            rep["p"] = c.person(rep["n"]["full"], "et")
            rep["p"].controllers = pt["p"].controllers[:]
            rep["p"].note = f"legal representative ({rep['rel']}) of {pt['p'].tid}"
            pt["p"].note = (pt["p"].note + "; " if pt["p"].note else "") + f"child; representative {rep['p'].tid}"
    for pt, o in orders:
        write_xds(c, pt, o)
        if o["result"]:
            write_md(c, pt, o)
            write_sam(c, pt, o)
    write_ped(c, orders)
    write_chat(c, orders, pats, used_e)
    c.persons = [p for p in c.persons if p.req]
    c.extra["providers"] = [{"key": k, "name": n, "country": cc} for k, n, cc, _ in PROVIDERS]
    c.extra["special_categories"] = ["genetic_data", "health_data"]
    c.extra["lab_phone"] = lab_phone
    return c


def xesc(s):
    return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace('"', "&quot;")


def write_xds(c, pt, o):
    rng = c.rng
    nm = pt["n"]
    pv = o["prov"]
    oid = OID[pt["nat"]]
    idv = pt["idv"]
    a = pt["addr"]
    cc3 = {"EE": "EST", "LV": "LVA", "LT": "LTU", "FI": "FIN"}[pt["nat"]]
    pid = [f"PID-3|{xesc(idv)}^^^&amp;{oid}&amp;ISO", f"PID-5|{xesc(nm['surname'])}^{xesc(nm['given'])}^^^",
           f"PID-7|{pt['dob']:%Y%m%d}", f"PID-8|{'F' if nm['female'] else 'M'}",
           f"PID-11|{xesc(a['street'])}^^{xesc(a['city'])}^^{a['zip']}^{cc3}"]
    ph_raw = None
    if pt["phone"] and rng.random() < 0.6:
        ph_raw = pt["phone"]
        pid.append(f"PID-13|^PRN^CP^^^^^^^^^{ph_raw}")
    test_name = o["test"][0] if pt["nat"] == "EE" else o["test"][1]
    g, s, pph = o["phys"]
    uid = "".join(rng.choice("0123456789abcdef") for _ in range(32))
    uid = f"{uid[:8]}-{uid[8:12]}-{uid[12:16]}-{uid[16:20]}-{uid[20:]}"
    pdf = base64.b64encode(b"%PDF-1.4\n% saatekiri " + o["oid"].encode() + b"\n" + bytes(rng.randrange(256) for _ in range(90))).decode()
    slot = lambda n, vals: (f'        <rim:Slot name="{n}"><rim:ValueList>' + "".join(f"<rim:Value>{v}</rim:Value>" for v in vals) +
                            "</rim:ValueList></rim:Slot>")
    L = ['<?xml version="1.0" encoding="UTF-8"?>',
         '<SOAP-ENV:Envelope xmlns:SOAP-ENV="http://schemas.xmlsoap.org/soap/envelope/" xmlns:xrd="http://x-road.eu/xsd/xroad.xsd"',
         '    xmlns:id="http://x-road.eu/xsd/identifiers" xmlns:xdsb="urn:ihe:iti:xds-b:2007"',
         '    xmlns:lcm="urn:oasis:names:tc:ebxml-regrep:xsd:lcm:3.0" xmlns:rim="urn:oasis:names:tc:ebxml-regrep:xsd:rim:3.0">',
         "  <SOAP-ENV:Header>",
         '    <xrd:client id:objectType="SUBSYSTEM"><id:xRoadInstance>EE</id:xRoadInstance><id:memberClass>' +
         ("GOV" if pv[3].startswith("9") else "COM") + f"</id:memberClass><id:memberCode>{pv[3]}</id:memberCode>"
         "<id:subsystemCode>saatekiri</id:subsystemCode></xrd:client>",
         '    <xrd:service id:objectType="SERVICE"><id:xRoadInstance>EE</id:xRoadInstance><id:memberClass>COM</id:memberClass>'
         "<id:memberCode>12345678</id:memberCode><id:subsystemCode>lims</id:subsystemCode>"
         "<id:serviceCode>ProvideAndRegisterDocumentSet-b</id:serviceCode><id:serviceVersion>v1</id:serviceVersion></xrd:service>",
         f"    <xrd:id>{uid}</xrd:id>",
         "    <xrd:protocolVersion>4.0</xrd:protocolVersion>",
         "  </SOAP-ENV:Header>",
         "  <SOAP-ENV:Body>",
         "    <xdsb:ProvideAndRegisterDocumentSetRequest>",
         "      <lcm:SubmitObjectsRequest>",
         "       <rim:RegistryObjectList>",
         '        <rim:ExtrinsicObject id="Document01" mimeType="application/pdf" objectType="urn:uuid:7edca82f-054d-47f2-a032-9b2a5b5186c1">',
         slot("creationTime", [f"{o['date']:%Y%m%d%H%M%S}"]),
         slot("languageCode", ["et-EE" if pt["nat"] == "EE" else "en-GB"]),
         slot("sourcePatientId", [f"{xesc(idv)}^^^&amp;{oid}&amp;ISO"]),
         slot("sourcePatientInfo", pid),
         f'        <rim:Name><rim:LocalizedString xml:lang="et" charset="UTF-8" value="Saatekiri: {xesc(test_name)}"/></rim:Name>',
         '        <rim:Classification classificationScheme="urn:uuid:93606bcf-9494-43ec-9b4e-a7748d1a838d" classifiedObject="Document01" nodeRepresentation="" id="cl01">',
         slot("authorPerson", [f"^{xesc(s)}^{xesc(g)}^^^dr"]),
         slot("authorInstitution", [f"{xesc(pv[1])}^^^^^^^^^1.3.6.1.4.1.28284.1.{pv[3]}"]),
         slot("authorTelecommunication", [f"^WPN^PH^^^^^^^^^{pph}"]),
         "        </rim:Classification>",
         f'        <rim:Classification classificationScheme="urn:uuid:2c6b8cb7-8b2a-4051-b291-b1ae6a575ef4" classifiedObject="Document01" nodeRepresentation="{o["test"][2]}" id="cl02">',
         slot("codingScheme", ["1.3.6.1.4.1.28284.6.2.1.16.1"]),
         f'          <rim:Name><rim:LocalizedString value="{xesc(o["test"][3])}"/></rim:Name>',
         "        </rim:Classification>",
         f'        <rim:ExternalIdentifier identificationScheme="urn:uuid:58a6f841-87b3-4a3e-92fd-a8ffeff98427" value="{xesc(idv)}^^^&amp;{oid}&amp;ISO" id="ei01" registryObject="Document01">'
         '<rim:Name><rim:LocalizedString value="XDSDocumentEntry.patientId"/></rim:Name></rim:ExternalIdentifier>',
         f'        <rim:ExternalIdentifier identificationScheme="urn:uuid:2e82c1f6-a085-4c72-9da3-8640a32e42ab" value="1.3.6.1.4.1.28284.9.{o["oid"][6:]}" id="ei02" registryObject="Document01">'
         '<rim:Name><rim:LocalizedString value="XDSDocumentEntry.uniqueId"/></rim:Name></rim:ExternalIdentifier>',
         "        </rim:ExtrinsicObject>",
         "       </rim:RegistryObjectList>",
         "      </lcm:SubmitObjectsRequest>",
         f'      <xdsb:Document id="Document01">{pdf}</xdsb:Document>',
         "    </xdsb:ProvideAndRegisterDocumentSetRequest>",
         "  </SOAP-ENV:Body>",
         "</SOAP-ENV:Envelope>", ""]
    name = c.text(f"xroad/saatekirjad/{o['oid']}.xml", "\n".join(L))
    p = pt["p"]
    p.nm(name, [nm["surname"], nm["given"]], "sourcePatientInfo PID-5")
    p.id(pt["idt"], idv, idv, name, "sourcePatientInfo PID-3")
    p.el("date_of_birth", name, "PID-7", ev=f"{pt['dob']:%Y%m%d}")
    p.el("postal_address", name, "PID-11", ev=a["street"])
    if ph_raw:
        p.id("phone", pt["phone"], ph_raw, name, "PID-13")
    p.el("health_data", name, "eventCodeList (ICD-10 indication)", ev=o["test"][2])
    p.el("genetic_data", name, "Name (test ordered)", opt=True)
    c.decoy("staff_phone", pph, name, "authorTelecommunication", f"ordering physician dr {g} {s} (staff)")


def write_md(c, pt, o):
    rng = c.rng
    nm = pt["n"]
    p = pt["p"]
    en = pt["nat"] != "EE"
    g0, g1 = rng.choice(GENETICISTS)
    form = rng.random()
    written = f"{nm['surname'].upper()}, {nm['given']}" if form < 0.5 else nm["full"] if form < 0.8 else f"{nm['surname']} {nm['given']}"
    L = ["---", f'title: "{"Genetic test report" if en else "Geneetilise analüüsi vastus"}"',
         f"{'order' if en else 'tellimus'}: {o['oid']}", f"{'sample' if en else 'proov'}: {o['sample']}",
         f"{'patient' if en else 'patsient'}:", f'  {"name" if en else "nimi"}: "{written}"']
    if pt["lang"] == "ru" and nm["cyr"]:
        L.append(f'  nimi_kirillitsas: "{nm["cyr_surname"]} {nm["cyr_given"]}"')
    idlabel = {"EE": "isikukood", "LV": "personal_code", "LT": "personal_code", "FI": "henkilotunnus"}[pt["nat"]]
    q = rng.choice(['"', "'", ""])
    L.append(f"  {idlabel}: {q}{pt['idv']}{q}")
    L.append(f"  {'birth_date' if en else 'sünniaeg'}: {pt['dob']:%Y-%m-%d}")
    em = ph = None
    if pt["email"] or pt["phone"]:
        if rng.random() < 0.6:
            L.append(f"  {'contact' if en else 'kontakt'}:")
            if pt["phone"]:
                cc = pt["nat"]
                ph = ids.render_phone(rng, cc, pt["phone"][len(ids.CC[cc]) + 1:])[0]
                L.append(f'    {"phone" if en else "telefon"}: "{ph}"')
            if pt["email"]:
                em = pt["email"]
                L.append(f"    {'email' if en else 'e-post'}: {em}")
    rep = pt.get("rep")
    if rep:
        L += ["esindaja:", f"  nimi: {rep['n']['full']}", f"  suhe: {rep['rel']}"]
        rph = ids.render_phone(rng, "EE", rep["phone"][4:])[0]
        L.append(f'  telefon: "{rph}"')
        if rep["ik"]:
            L.append(f'  isikukood: "{rep["ik"]}"')
        if rep["email"]:
            L.append(f"  e-post: {rep['email']}")
    L += [f'{"ordering_provider" if en else "tellija"}: "{o["prov"][1]}"', f'{"physician" if en else "arst"}: "dr {o["phys"][0]} {o["phys"][1]}"',
          f'{"signed_by" if en else "allkirjastas"}: "{g0} {g1}, {"clinical laboratory geneticist" if en else "laborigeneetik"}"', "---", ""]
    L.append("# " + ("Result" if en else "Vastus"))
    L.append("")
    L.append(f"**{'Test' if en else 'Analüüs'}:** {o['test'][1] if en else o['test'][0]}  ")
    L.append(f"**{'Indication' if en else 'Näidustus'}:** {o['test'][2]} {o['test'][3]}")
    L.append("")
    if o["variant"]:
        L += ["| Gene | Variant | Zygosity | Class |" if en else "| Geen | Variant | Zügoodsus | Klass |", "|---|---|---|---|",
              f"| {o['gene']} | {o['variant']} | {'heterozygous' if en else 'heterosügootne'} | "
              f"{rng.choice(['pathogenic', 'likely pathogenic']) if en else rng.choice(['patogeenne', 'tõenäoliselt patogeenne'])} |", ""]
        L.append("Conclusion: a clinically significant variant was found." if en else "Kokkuvõte: leiti kliiniliselt oluline variant.")
    else:
        L.append("Conclusion: no pathogenic variants were found in the analysed genes." if en else
                 "Kokkuvõte: analüüsitud geenides patogeenseid variante ei tuvastatud.")
    L.append("")
    name = c.text(f"vastused/{o['oid']}.md", "\n".join(L))
    p.nm(name, written, "patient.name")
    if pt["lang"] == "ru" and nm["cyr"]:
        p.nm(name, [nm["cyr_surname"], nm["cyr_given"]], "patsient.nimi_kirillitsas", variant=True)
    p.id(pt["idt"], pt["idv"], pt["idv"], name, idlabel)
    p.el("date_of_birth", name, "birth_date", ev=f"{pt['dob']:%Y-%m-%d}")
    if ph:
        p.id("phone", pt["phone"], ph, name, "contact.phone")
    if em:
        p.id("email", em, em, name, "contact.email")
    p.el("genetic_data", name, "result table" if o["variant"] else "conclusion", ev=o["variant"] or o["gene"] if o["variant"] else None)
    p.el("lab_result", name, "result", opt=True)
    p.el("health_data", name, "indication", ev=o["test"][2])
    if rep:
        rp = rep["p"]
        rp.nm(name, rep["n"]["full"], "esindaja.nimi")
        rp.id("phone", rep["phone"], rph, name, "esindaja.telefon")
        if rep["ik"]:
            rp.id("ee_isikukood", rep["ik"], rep["ik"], name, "esindaja.isikukood")
        if rep["email"]:
            rp.id("email", rep["email"], rep["email"], name, "esindaja.e-post")


def write_sam(c, pt, o):
    rng = c.rng
    s = o["sample"]
    fc = "".join(rng.choice("ABCDEFGHJKLMNPRSTUVWXY0123456789") for _ in range(9))
    L = ["@HD\tVN:1.6\tSO:coordinate"]
    for chrom, ln in (("chr1", 248956422), ("chr2", 242193529), ("chr7", 159345973), ("chr13", 114364328), ("chr17", 83257441),
                      ("chrX", 156040895), ("chrM", 16569)):
        L.append(f"@SQ\tSN:{chrom}\tLN:{ln}\tAS:GRCh38")
    L.append(f"@RG\tID:{s}.L001\tSM:{s}\tLB:{s}-lib1\tPL:ILLUMINA\tPU:{fc}.1\tCN:GeeniLabor\tDT:{o['date']:%Y-%m-%d}")
    L.append(f"@PG\tID:bwa\tPN:bwa\tVN:0.7.17-r1188\tCL:bwa mem -t 16 -R @RG\\tID:{s}.L001\\tSM:{s} GRCh38.fa {s}_R1.fastq.gz {s}_R2.fastq.gz")
    L.append("@PG\tID:samtools\tPN:samtools\tPP:bwa\tVN:1.17\tCL:samtools view -H " + s + ".bam")
    named = rng.random() < 0.22
    nm = pt["n"]
    if named:
        L.append(f"@CO\tLIMS: {s} | {nm['surname'].upper()} {nm['given'].upper()} | {pt['idv']} | {o['test'][1]}")
    name = c.text(f"bam_headers/{s}.header.sam", "\n".join(L) + "\n")
    if named:
        p = pt["p"]
        p.nm(name, f"{nm['surname'].upper()} {nm['given'].upper()}", "@CO")
        p.id(pt["idt"], pt["idv"], pt["idv"], name, "@CO")
        p.el("genetic_data", name, "@CO (sequencing of the named person)", opt=True)


def write_ped(c, orders):
    rng = c.rng
    L = []
    fam = 0
    for pt, o in orders:
        if pt["child"] and o["result"]:
            fam += 1
            L.append(f"FAM{fam:03d}\t{o['sample']}\t{o['sample']}-F\t{o['sample']}-M\t{2 if pt['n']['female'] else 1}\t2")
            L.append(f"FAM{fam:03d}\t{o['sample']}-F\t0\t0\t1\t1")
            L.append(f"FAM{fam:03d}\t{o['sample']}-M\t0\t0\t2\t1")
    c.text("ped/trios_2023.ped", "\n".join(L) + "\n")
    c.text("ped/README.txt", "PLINK .ped: FID IID PAT MAT SEX PHENO. Ainult proovikoodid, isikuandmed LIMS-is.\n")


def write_chat(c, orders, pats, used_e):
    rng = c.rng
    L = [json.dumps({"type": "version", "version": 1, "info": {"generator": "mattermost", "version": "7.8.5", "created": "2023-09-29T22:10:04Z"}}),
         json.dumps({"type": "team", "team": {"name": "geenilabor", "display_name": "GeeniLabor", "type": "I"}}),
         json.dumps({"type": "channel", "channel": {"team": "geenilabor", "name": "vastused", "display_name": "Vastused", "type": "P"}}, ensure_ascii=False)]
    staff = []
    for g, s in GENETICISTS:
        u = f"{ids.ascii_fold(g).lower()}.{ids.ascii_fold(s).lower()}"
        e = f"{u}@geenilabor.test"
        staff.append((u, e, g, s))
        L.append(json.dumps({"type": "user", "user": {"username": u, "email": e, "first_name": g, "last_name": s,
                                                     "position": "Laborigeneetik", "roles": "system_user", "locale": "et"}}, ensure_ascii=False))
    posts = []
    picks = [x for x in orders if x[1]["result"]]
    rng.shuffle(picks)
    for pt, o in picks[:int(len(picks) * 0.3)]:
        nm = pt["n"]
        u = rng.choice(staff)
        kind = rng.random()
        if kind < 0.6 and o["variant"]:
            msg = f"Patsient {nm['full']} ({pt['idv']}) – {o['gene']} {o['variant']} kinnitatud Sangeriga, vastus ootab allkirja."
            posts.append((u, msg, pt, "variant", o))
        elif kind < 0.85 and pt["email"]:
            msg = f"Helistas patsient {nm['full']}, palub vastuse koopiat ka e-postiga: {pt['email']}"
            posts.append((u, msg, pt, "email", o))
        else:
            msg = f"Proov {o['sample']} vajab kordust (madal DNA kontsentratsioon), tellija {o['prov'][1]}."
            posts.append((u, msg, None, "none", o))
    # cascade testing: relatives known only from the chat (name + ID code)
    cascade = []
    for pt, o in picks[:int(len(picks) * 0.3)]:
        if pt["nat"] == "EE" and o["variant"] and rng.random() < 0.25:
            rel = c.unique_name(lambda: people.make_name(rng, pt["lang"] if pt["lang"] in ("et", "ru") else "et"))
            rdob = people.dob(rng, 1945, 2000)
            rik = c.unique("ee_isikukood", lambda: ids.ee_like(rng, rdob, rel["female"]))
            msg = (f"Kaskaadtestimine: patsiendi {o['oid']} sugulane {rel['full']} (isikukood {rik}) soovib testida "
                   f"{o['gene']} {o['variant']} suhtes, saatekiri tuleb perearstilt.")
            posts.append((rng.choice(staff), msg, None, "cascade", (rel, rik, pt)))
    rng.shuffle(posts)
    t = 1693555200000
    for u, msg, pt, kind, extra in posts:
        t += rng.randint(60000, 9000000)
        L.append(json.dumps({"type": "post", "post": {"team": "geenilabor", "channel": "vastused", "user": u[0], "message": msg,
                                                     "create_at": t, "flagged_by": [], "reactions": []}}, ensure_ascii=False))
    name = c.text("chat/mattermost_bulk_export.jsonl", "\n".join(L) + "\n")
    for u, e, g, s in staff:
        c.decoy("staff_email", e, name, "user.email", f"laboratory geneticist {g} {s}")
    for u, msg, pt, kind, extra in posts:
        if kind == "variant":
            p = pt["p"]
            p.nm(name, pt["n"]["full"], "post.message")
            p.id(pt["idt"], pt["idv"], pt["idv"], name, "post.message")
            p.el("genetic_data", name, "post.message", ev=extra["variant"])
        elif kind == "email":
            p = pt["p"]
            p.nm(name, pt["n"]["full"], "post.message")
            p.id("email", pt["email"], pt["email"], name, "post.message")
        elif kind == "cascade":
            rel, rik, src = extra
            rp = c.person(rel["full"], src["lang"])
            rp.controllers = []
            rp.note = f"relative of {src['p'].tid} asking for cascade testing (known only from the chat)"
            rp.nm(name, rel["full"], "post.message")
            rp.id("ee_isikukood", rik, rik, name, "post.message")
            rp.el("genetic_data", name, "post.message (family variant)", opt=True)
            rp.el("health_data", name, "post.message (family variant)", opt=True)
