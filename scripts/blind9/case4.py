"""Case 4: medical laboratory network (Poland), leaked in three batches."""
import datetime as dt
import json

import people
from common import Case, csv_line
from shared import ids, check

TESTS = [("Hemoglobina", "718-7", "g/dl", 11.5, 17.5, 1), ("Glukoza", "2345-7", "mg/dl", 70, 99, 0), ("TSH", "3016-3", "µIU/ml", 0.27, 4.2, 2),
         ("Cholesterol całkowity", "2093-3", "mg/dl", 115, 190, 0), ("Kreatynina", "2160-0", "mg/dl", 0.5, 1.2, 2),
         ("Leukocyty", "6690-2", "tys/µl", 4.0, 10.0, 1), ("ALT", "1742-6", "U/l", 5, 40, 0), ("CRP", "1988-5", "mg/l", 0, 5, 1),
         ("Witamina D3 (25-OH)", "1989-3", "ng/ml", 30, 50, 1), ("Ferrytyna", "2276-4", "ng/ml", 13, 150, 0)]
PHYS = [("Tomasz", "Zieliński"), ("Ewa", "Mazur"), ("Marek", "Wróbel"), ("Joanna", "Majewska"), ("Rafał", "Olszewski")]
POINTS = ["Warszawa-Mokotow", "Krakow-Podgorze", "Lodz-Baluty", "Wroclaw-Krzyki", "Poznan-Jezyce", "Gdansk-Wrzeszcz"]
COMPLAINTS = ["Wynik nie dotarł e-mailem", "Prośba o korektę adresu", "Reklamacja: pobranie krwi, siniak", "Brak wyniku TSH w portalu",
              "Prośba o duplikat faktury", "Błędne nazwisko na wyniku"]


def build(seed):
    c = Case(4, "pl_lab_batches", seed, "Medical laboratory network (Poland) in three batches: FHIR XML search bundles, "
             "'CSV (Macintosh)' exports with CR line ends, JSON-RPC SMS-notification logs, a Confluence HTML export, "
             "a Firestore REST export, a re-posted tar")
    rng = c.rng
    for g, s in PHYS:
        c.used_names.add(check.name_tokens(f"{g} {s}"))
    used_e = set()
    pats = []
    N = rng.randint(440, 500)
    for i in range(N):
        ua = rng.random() < 0.09
        nm = c.unique_name(lambda: people.make_name(rng, "uk" if ua else "pl"))
        d = people.dob(rng, 1940, 2012)
        pt = {"n": nm, "ua": ua, "dob": d, "addr": people.pl_address(rng)}
        pt["pesel"] = None if ua else c.unique("pl_pesel", lambda: ids.pl_pesel(rng, d, nm["female"]))
        pt["passport"] = None
        if ua:
            pt["passport"] = rng.choice(["FX", "FY", "EK", "FK"]) + f"{rng.randint(0, 999999):06d}"
        pcc = "UA" if ua and rng.random() < 0.5 else "PL"
        pt["phone"] = c.unique("phone", lambda: ids.e164(pcc, ids.phone_nsn(rng, pcc))) if rng.random() < 0.8 else None
        pt["email"] = c.unique("email", lambda: ids.email_for(rng, nm["given"], nm["surname"], used_e)) if rng.random() < 0.65 else None
        pt["tests"] = rng.sample(TESTS, rng.randint(2, 5))
        pats.append(pt)
    for pt in pats:
        pt["p"] = c.person(pt["n"]["full"], "uk" if pt["ua"] else "pl")
        pt["p"].controllers = ["ALAB Laboratoria (synthetic)"]
        if pt["ua"]:
            pt["p"].note = "Ukrainian patient with a passport number only (no PESEL)"
    # who appears where
    for pt in pats:
        r = rng.random()
        pt["b1"] = r < 0.55
        pt["b1csv"] = (not pt["b1"] and r < 0.72) or (pt["b1"] and rng.random() < 0.15)
        pt["b2sms"] = bool(pt["pesel"]) and rng.random() < 0.35
        pt["b2conf"] = rng.random() < 0.13
        pt["b3fs"] = bool(pt["pesel"]) and rng.random() < 0.3
        if not (pt["b1"] or pt["b1csv"] or pt["b2sms"] or pt["b2conf"] or pt["b3fs"]):
            pt["b1"] = True
        if pt["ua"] and not pt["b1"] and not pt["b1csv"] and not pt["b2conf"]:
            pt["b1"] = True
    bundles = write_fhir(c, [pt for pt in pats if pt["b1"]])
    write_mac_csv(c, [pt for pt in pats if pt["b1csv"]])
    write_jsonrpc(c, [pt for pt in pats if pt["b2sms"]])
    write_confluence(c, [pt for pt in pats if pt["b2conf"]])
    write_firestore(c, [pt for pt in pats if pt["b3fs"]])
    # batch 3 re-posts three batch-1 bundles byte for byte in an uncompressed tar
    members = []
    for fname, data, recs in bundles[:3]:
        members.append((fname.split("/", 1)[1], data, "utf-8", "text"))
    tname = c.tar("batch3/repost/alab_part2.tar", members)
    for fname, data, recs in bundles[:3]:
        apply_fhir(c, f"{tname}!/{fname.split('/', 1)[1]}", recs)
    c.text("batch3/README_PRZECZYTAJ.txt", "Wszystkie Wasze pliki zostały opublikowane. Kolejna część wkrótce.\n"
           "Kontakt: tor (adres usunięty). Ta notatka nie zawiera danych pacjentów.\n")
    c.persons = [p for p in c.persons if p.req]
    c.batch_truth(["batch1", "batch2", "batch3"], {"batch1": "2023-11-03", "batch2": "2023-11-17", "batch3": "2023-12-08"})
    return c


# ------------------------------------------------------------------ FHIR XML search bundles

def xa(s):
    return s.replace("&", "&amp;").replace('"', "&quot;").replace("<", "&lt;")


def write_fhir(c, pts):
    rng = c.rng
    phys = [(g, s, f"{rng.randint(1000000, 9999999)}", ids.e164("PL", ids.phone_nsn(rng, "PL", "fixed"))) for g, s in PHYS]
    out = []
    k = 0
    while pts:
        n = rng.randint(14, 22)
        chunk, pts = pts[:n], pts[n:]
        k += 1
        L = ['<?xml version="1.0" encoding="UTF-8"?>', '<Bundle xmlns="http://hl7.org/fhir">',
             f'  <id value="wyniki-{k:04d}"/>', '  <meta><lastUpdated value="2023-10-2{0}T0{0}:14:00+02:00"/></meta>'.format(k % 9),
             '  <type value="searchset"/>', f'  <total value="{len(chunk)}"/>',
             f'  <link><relation value="self"/><url value="https://lis.example.pl/fhir/Patient?_revinclude=Observation:subject&amp;_page={k}"/></link>']
        recs = []
        ph = rng.choice(phys)
        L += ["  <entry>", f'    <fullUrl value="https://lis.example.pl/fhir/Practitioner/pr{ph[2]}"/>', "    <resource>", "      <Practitioner>",
              f'        <id value="pr{ph[2]}"/>',
              '        <identifier><system value="urn:oid:2.16.840.1.113883.3.4424.1.6.2"/><value value="' + ph[2] + '"/></identifier>',
              f'        <name><family value="{xa(ph[1])}"/><given value="{xa(ph[0])}"/><prefix value="lek."/></name>',
              f'        <telecom><system value="phone"/><value value="{ph[3]}"/><use value="work"/></telecom>',
              "      </Practitioner>", "    </resource>", '    <search><mode value="include"/></search>', "  </entry>"]
        for pt in chunk:
            nm = pt["n"]
            pid = f"pat{rng.randint(100000, 999999)}"
            L += ["  <entry>", f'    <fullUrl value="https://lis.example.pl/fhir/Patient/{pid}"/>', "    <resource>", "      <Patient>",
                  f'        <id value="{pid}"/>']
            if pt["pesel"]:
                L.append('        <identifier><system value="urn:oid:2.16.840.1.113883.3.4424.1.1.616"/><value value="' + pt["pesel"] + '"/></identifier>')
            else:
                L.append('        <identifier><type><text value="Paszport UA"/></type><value value="' + pt["passport"] + '"/></identifier>')
            L.append(f'        <name><use value="official"/><family value="{xa(nm["surname"])}"/><given value="{xa(nm["given"])}"/></name>')
            cyr = pt["ua"] and nm["cyr"]
            if cyr:
                L.append(f'        <name><use value="usual"/><text value="{xa(nm["cyr_surname"] + " " + nm["cyr_given"])}"/></name>')
            ph_raw = em = None
            if pt["phone"]:
                cc = "UA" if pt["phone"].startswith("+380") else "PL"
                ph_raw = ids.render_phone(rng, cc, pt["phone"][len(ids.CC[cc]) + 1:], 2 if cc == "PL" else 0)[0]
                L.append(f'        <telecom><system value="phone"/><value value="{ph_raw}"/><use value="mobile"/></telecom>')
            if pt["email"] and rng.random() < 0.45:
                em = pt["email"]
                L.append(f'        <telecom><system value="email"/><value value="{em}"/></telecom>')
            a = pt["addr"]
            L += [f'        <gender value="{"female" if nm["female"] else "male"}"/>', f'        <birthDate value="{pt["dob"]:%Y-%m-%d}"/>',
                  f'        <address><line value="{xa(a["street"])}"/><city value="{xa(a["city"])}"/><postalCode value="{a["zip"]}"/><country value="PL"/></address>',
                  "      </Patient>", "    </resource>", '    <search><mode value="match"/></search>', "  </entry>"]
            for tname, loinc, unit, lo, hi, dec in pt["tests"]:
                v = round(rng.uniform(lo * 0.7, hi * 1.3), dec)
                flag = "H" if v > hi else "L" if v < lo else "N"
                oid = f"obs{rng.randint(10 ** 8, 10 ** 9 - 1)}"
                L += ["  <entry>", "    <resource>", "      <Observation>", f'        <id value="{oid}"/>', '        <status value="final"/>',
                      f'        <code><coding><system value="http://loinc.org"/><code value="{loinc}"/><display value="{xa(tname)}"/></coding></code>',
                      f'        <subject><reference value="Patient/{pid}"/></subject>',
                      f'        <performer><reference value="Practitioner/pr{ph[2]}"/></performer>',
                      f'        <valueQuantity><value value="{v}"/><unit value="{xa(unit)}"/></valueQuantity>',
                      f'        <interpretation><coding><code value="{flag}"/></coding></interpretation>',
                      f'        <referenceRange><low><value value="{lo}"/></low><high><value value="{hi}"/></high></referenceRange>',
                      "      </Observation>", "    </resource>", '    <search><mode value="include"/></search>', "  </entry>"]
            recs.append((pt, ph_raw, em, bool(cyr)))
        L.append("</Bundle>")
        fname = f"batch1/fhir/Bundle_wyniki_{k:04d}.xml"
        text = "\n".join(L) + "\n"
        c.text(fname, text)
        c.decoy("pwz_number", ph[2], fname, "Practitioner.identifier", f"ordering physician lek. {ph[0]} {ph[1]} (staff)")
        c.decoy("staff_phone", ph[3], fname, "Practitioner.telecom", "physician's work phone")
        apply_fhir(c, fname, recs)
        out.append((fname, text.encode("utf-8"), recs))
    return out


def apply_fhir(c, fname, recs):
    for pt, ph_raw, em, cyr in recs:
        p = pt["p"]
        nm = pt["n"]
        p.nm(fname, [nm["given"], nm["surname"]], "Patient.name")
        if cyr:
            p.nm(fname, [nm["cyr_surname"], nm["cyr_given"]], "Patient.name (usual)", variant=True)
        if pt["pesel"]:
            p.id("pl_pesel", pt["pesel"], pt["pesel"], fname, "Patient.identifier")
        p.el("date_of_birth", fname, "Patient.birthDate", ev=f"{pt['dob']:%Y-%m-%d}")
        p.el("postal_address", fname, "Patient.address", ev=pt["addr"]["street"])
        if ph_raw:
            p.id("phone", pt["phone"], ph_raw, fname, "Patient.telecom")
        if em:
            p.id("email", em, em, fname, "Patient.telecom")
        p.el("lab_result", fname, "Observation", ev=pt["tests"][0][0])
        p.el("health_data", fname, "Observation", opt=True)


# ------------------------------------------------------------------ "CSV (Macintosh)": cp1250, CR line ends

def write_mac_csv(c, pts):
    rng = c.rng
    by = {}
    for pt in pts:
        by.setdefault(rng.choice(POINTS), []).append(pt)
    for pnt in POINTS:
        lst = by.get(pnt, [])
        if not lst:
            continue
        L = ["Nazwisko;Imię;PESEL / paszport;Data urodzenia;Badanie;Wynik;Jednostka;Zakres"]
        recs = []
        for pt in lst:
            nm = pt["n"]
            dob = f"{pt['dob']:%d.%m.%Y}"
            for tname, loinc, unit, lo, hi, dec in pt["tests"][:3]:
                v = round(rng.uniform(lo * 0.7, hi * 1.3), dec)
                L.append(csv_line([nm["surname"].upper(), nm["given"], pt["pesel"] or pt["passport"], dob, tname,
                                   f"{v}".replace(".", ","), unit.replace("µ", "u"), f"{lo}-{hi}".replace(".", ",")], sep=";"))
            recs.append((pt, dob))
        name = c.text(f"batch1/punkty_pobran/{pnt}_2023-10.csv", "\r".join(L) + "\r", enc="cp1250")
        for pt, dob in recs:
            p = pt["p"]
            p.nm(name, [pt["n"]["given"], pt["n"]["surname"].upper()], "Imię+Nazwisko")
            if pt["pesel"]:
                p.id("pl_pesel", pt["pesel"], pt["pesel"], name, "PESEL / paszport")
            p.el("date_of_birth", name, "Data urodzenia", ev=dob)
            p.el("lab_result", name, "Badanie+Wynik", ev=pt["tests"][0][0])
            p.el("health_data", name, "Wynik", opt=True)


# ------------------------------------------------------------------ JSON-RPC 2.0 SMS-notification logs

def write_jsonrpc(c, pts):
    rng = c.rng
    days = {}
    for pt in pts:
        days.setdefault(rng.randint(2, 9), []).append(pt)
    for day in sorted(days):
        lst = days[day]
        t = dt.datetime(2023, 11, day, 7, 0)
        L = []
        recs = []
        rid = 1000 * day
        for pt in lst:
            t += dt.timedelta(seconds=rng.randint(5, 600))
            rid += 1
            order = c.failing_number(10, "2311")
            params = {"patient": {"pesel": pt["pesel"]}, "orderNo": order, "channel": "sms"}
            ph = em = None
            if pt["phone"]:
                ph = pt["phone"]
                params["patient"]["phone"] = ph
            if pt["email"] and rng.random() < 0.7:
                em = pt["email"]
                params["patient"]["email"] = em
                params["channel"] = "sms+email"
            wrong = None
            if rng.random() < 0.06:
                for dgt in "0123456789":
                    w = pt["pesel"][:10] + dgt
                    if not check.any_person_id(w):
                        wrong = w
                        break
            if wrong:
                bad = dict(params, patient=dict(params["patient"], pesel=wrong))
                L.append(f"{t:%Y-%m-%dT%H:%M:%S}.{rng.randint(0, 999):03d}Z INFO  rpc --> " +
                         json.dumps({"jsonrpc": "2.0", "method": "notify.resultsReady", "params": bad, "id": rid}, ensure_ascii=False))
                L.append(f"{t:%Y-%m-%dT%H:%M:%S}.{rng.randint(0, 999):03d}Z WARN  rpc <-- " +
                         json.dumps({"jsonrpc": "2.0", "error": {"code": -32602, "message": "Invalid params: PESEL checksum",
                                                                 "data": {"field": "patient.pesel"}}, "id": rid}))
                rid += 1
            L.append(f"{t:%Y-%m-%dT%H:%M:%S}.{rng.randint(0, 999):03d}Z INFO  rpc --> " +
                     json.dumps({"jsonrpc": "2.0", "method": "notify.resultsReady", "params": params, "id": rid}, ensure_ascii=False))
            L.append(f"{t:%Y-%m-%dT%H:%M:%S}.{rng.randint(0, 999):03d}Z INFO  rpc <-- " +
                     json.dumps({"jsonrpc": "2.0", "result": {"messageId": "".join(rng.choice("0123456789abcdef") for _ in range(24)),
                                                              "status": "queued"}, "id": rid}))
            recs.append((pt, ph, em, wrong, order))
        name = c.text(f"batch2/sms_gateway/jsonrpc_2023-11-{day:02d}.log", "\n".join(L) + "\n")
        n = 0
        for pt, ph, em, wrong, order in recs:
            p = pt["p"]
            p.id("pl_pesel", pt["pesel"], pt["pesel"], name, "params.patient.pesel")
            if ph:
                p.id("phone", ph, ph, name, "params.patient.phone")
            if em:
                p.id("email", em, em, name, "params.patient.email")
            if wrong:
                c.decoy("wrong_checksum_pesel", wrong, name, "params.patient.pesel", "rejected request with a mistyped PESEL")
            if n < 4:
                c.decoy("order_number", order, name, "params.orderNo", "date-shaped order number")
                n += 1


# ------------------------------------------------------------------ Confluence HTML export

def he(s):
    return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


def write_confluence(c, pts):
    rng = c.rng
    rows = []
    recs = []
    for pt in pts:
        nm = pt["n"]
        a = pt["addr"]
        ph = ""
        if pt["phone"]:
            cc = "UA" if pt["phone"].startswith("+380") else "PL"
            ph = ids.render_phone(rng, cc, pt["phone"][len(ids.CC[cc]) + 1:], 0)[0]
        em = pt["email"] or ""
        addr = f"{a['street']}, {a['zip']} {a['city']}"
        disp = nm["full"] if rng.random() < 0.6 else f"{nm['surname']} {nm['given']}"
        ident = pt["pesel"] or (pt["passport"] + " (paszport)")
        cells = [disp, ident, ph, em, addr, rng.choice(COMPLAINTS), rng.choice(["Otwarta", "Zamknięta", "W toku"])]
        rows.append("<tr>" + "".join(f'<td class="confluenceTd">{he(x)}</td>' for x in cells) + "</tr>")
        recs.append((pt, disp, ph, em))
    head = ["Pacjent", "PESEL", "Telefon", "E-mail", "Adres", "Opis reklamacji", "Status"]
    html = ("<!DOCTYPE html>\n<html>\n<head>\n<title>Laboratorium : Reklamacje pacjentów 2023</title>\n"
            '<link rel="stylesheet" href="styles/site.css" type="text/css" />\n<META http-equiv="Content-Type" content="text/html; charset=UTF-8">\n'
            '</head>\n<body class="theme-default aui-theme-default">\n<div id="page">\n<div id="main" class="aui-page-panel">\n'
            '<div id="main-header"><div id="breadcrumb-section"><ol id="breadcrumbs"><li class="first"><span><a href="index.html">Laboratorium</a></span></li>'
            '<li><span><a href="Obsluga-klienta_983041.html">Obsługa klienta</a></span></li></ol></div>\n'
            '<h1 id="title-heading" class="pagetitle"><span id="title-text">Laboratorium : Reklamacje pacjentów 2023</span></h1></div>\n'
            '<div id="content" class="view"><div class="page-metadata">Created by <span class=\'author\'> Katarzyna Dąbrowska</span>, '
            'last modified on paź 20, 2023</div>\n<div id="main-content" class="wiki-content group">\n'
            "<p>Kontakt w sprawie reklamacji: reklamacje@lab-synthetic.test</p>\n"
            '<div class="table-wrap"><table class="confluenceTable"><colgroup><col/><col/><col/><col/><col/><col/><col/></colgroup><tbody>\n'
            "<tr>" + "".join(f'<th class="confluenceTh">{h}</th>' for h in head) + "</tr>\n" + "\n".join(rows) +
            "\n</tbody></table></div>\n</div>\n</div>\n</div>\n"
            '<div id="footer" role="contentinfo"><section class="footer-body"><p>Document generated by Confluence on lis 02, 2023 14:08</p>'
            '<div id="footer-logo"><a href="http://www.atlassian.com/">Atlassian</a></div></section></div>\n</div>\n</body>\n</html>\n')
    name = c.text("batch2/confluence/LAB/Reklamacje-pacjentow-2023_1146889.html", html)
    c.text("batch2/confluence/LAB/styles/site.css", "body{font-family:Arial}\n.confluenceTd{border:1px solid #ccc}\n")
    c.decoy("role_mailbox", "reklamacje@lab-synthetic.test", name, "page text", "complaints mailbox")
    for pt, disp, ph, em in recs:
        p = pt["p"]
        p.nm(name, disp, "Pacjent")
        if pt["pesel"]:
            p.id("pl_pesel", pt["pesel"], pt["pesel"], name, "PESEL")
        if ph:
            p.id("phone", pt["phone"], ph, name, "Telefon")
        if em:
            p.id("email", em, em, name, "E-mail")
        p.el("postal_address", name, "Adres", ev=pt["addr"]["street"])


# ------------------------------------------------------------------ Firestore REST export

def write_firestore(c, pts):
    rng = c.rng
    L = []
    recs = []
    alnum = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789"
    for pt in pts:
        nm = pt["n"]
        f = {"pesel": {"stringValue": pt["pesel"]}, "firstName": {"stringValue": nm["given"]}, "lastName": {"stringValue": nm["surname"]},
             "birthDate": {"timestampValue": f"{pt['dob']:%Y-%m-%d}T00:00:00Z"}}
        em = ph = None
        if pt["email"] and rng.random() < 0.85:
            em = pt["email"]
            f["email"] = {"stringValue": em}
        if pt["phone"] and rng.random() < 0.5:
            ph = pt["phone"]
            f["phone"] = {"stringValue": ph}
        hashv = "$2b$12$" + "".join(rng.choice(alnum + "./") for _ in range(53))
        f["passwordHash"] = {"stringValue": hashv}
        addr = None
        if rng.random() < 0.4:
            a = pt["addr"]
            addr = a
            f["address"] = {"mapValue": {"fields": {"street": {"stringValue": a["street"]}, "city": {"stringValue": a["city"]},
                                                    "zip": {"stringValue": a["zip"]}}}}
        f["consents"] = {"arrayValue": {"values": [{"stringValue": x} for x in rng.sample(["marketing", "sms", "email", "regulamin"], 2)]}}
        f["failedLogins"] = {"integerValue": str(rng.randint(0, 4))}
        doc = {"name": f"projects/lab-portal-prod/databases/(default)/documents/patients/{''.join(rng.choice(alnum) for _ in range(20))}",
               "fields": f, "createTime": f"2022-{rng.randint(1, 12):02d}-{rng.randint(1, 28):02d}T10:{rng.randint(10, 59)}:00.123456Z",
               "updateTime": "2023-10-30T21:04:11.000001Z"}
        L.append(json.dumps(doc, ensure_ascii=rng.random() < 0.3))
        recs.append((pt, em, ph, addr))
    name = c.text("batch3/firestore/patients_export_2023-11-28.ndjson", "\n".join(L) + "\n")
    for pt, em, ph, addr in recs:
        p = pt["p"]
        p.nm(name, [pt["n"]["given"], pt["n"]["surname"]], "fields.firstName+lastName")
        p.id("pl_pesel", pt["pesel"], pt["pesel"], name, "fields.pesel.stringValue")
        p.el("date_of_birth", name, "fields.birthDate.timestampValue", ev=f"{pt['dob']:%Y-%m-%d}")
        if em:
            p.id("email", em, em, name, "fields.email")
        if ph:
            p.id("phone", ph, ph, name, "fields.phone")
        if addr:
            p.el("postal_address", name, "fields.address.mapValue", ev=addr["street"])
        p.el("credentials", name, "fields.passwordHash (bcrypt)", ev='"passwordHash": {"stringValue": "$2b$12$')
