"""Case 4: medical laboratory network (Poland), leaked in three batches.

batch1: ASTM E1394 / LIS2-A2 host-query dumps per analyser and day (H/P/O/R/C/L records, `^` components, CR or CRLF
record ends, ASCII-only names); attribute-only XML order exports in windows-1250 (`<Pacjent pesel=".." imie=".."/>`).
batch2: monthly collection-point reports saved from a spreadsheet as CSV with merged-cell artefacts (patient cells
only on a patient's first result row); Markdown result reports saved as .txt (tables, bold labels, passport numbers
for patients without PESEL).
batch3: SMS-gateway application log with URL-encoded GET query strings; a YAML dump of patient-portal accounts with
bcrypt hashes; a zip re-posting some batch1 XML files unchanged.
"""
import datetime as dt
import urllib.parse

import check
import ids
import names as N
import people
from common import Archive, Case, Doc, csv_text

TESTS = [("GLU", "Glukoza", "mmol/l", 3.9, 5.8, 3.5, 9.0, 1), ("CHOL", "Cholesterol całkowity", "mg/dl", 0, 190, 140, 290, 0),
         ("HDL", "Cholesterol HDL", "mg/dl", 40, 999, 30, 90, 0), ("TG", "Triglicerydy", "mg/dl", 0, 150, 60, 400, 0),
         ("TSH", "TSH", "µIU/ml", 0.27, 4.2, 0.1, 9.0, 2), ("FT4", "FT4", "ng/dl", 0.93, 1.7, 0.7, 2.1, 2),
         ("CRP", "CRP", "mg/l", 0, 5, 0.2, 60, 1), ("HGB", "Hemoglobina", "g/dl", 12, 16, 9, 17.5, 1),
         ("WBC", "Leukocyty", "tys/µl", 4, 10, 2.5, 16, 2), ("ALT", "ALT", "U/l", 0, 35, 8, 120, 0),
         ("CREA", "Kreatynina", "mg/dl", 0.5, 1.1, 0.4, 2.4, 2), ("HBA1C", "Hemoglobina glikowana HbA1c", "%", 4, 5.7, 4.2, 10.5, 1),
         ("PSA", "PSA całkowity", "ng/ml", 0, 4, 0.2, 12, 2), ("FERR", "Ferrytyna", "ng/ml", 13, 150, 5, 400, 0),
         ("VITD", "Witamina D3 (25-OH)", "ng/ml", 30, 50, 8, 70, 1)]
PP = [("PP-014", "Kraków"), ("PP-031", "Warszawa"), ("PP-052", "Wrocław"), ("PP-077", "Poznań"), ("PP-090", "Gdańsk"),
      ("PP-112", "Łódź")]


def fmt(v, d, comma=True):
    s = f"{v:.{d}f}"
    return s.replace(".", ",") if comma else s


def flag(t, v):
    return "H" if v > t[4] else ("L" if v < t[3] else "N")


def results(rng):
    out = []
    for t in rng.sample(TESTS, rng.randint(1, 5)):
        out.append((t, round(rng.uniform(t[5], t[6]), t[7])))
    return out


def make(case, rng):
    ps = []
    for i in range(950):
        ua = rng.random() < 0.03
        female = rng.random() < 0.6
        for _ in range(100):
            if ua:
                gl, gc = rng.choice(N.UA_F if female else N.UA_M)
                sl, sc = rng.choice(N.UA_S)
                nm = {"given": gl, "surname": sl, "lang": "uk"}
            else:
                nm = people.pl_name(rng, female)
            k = check.name_tokens(people.full(nm))
            if k not in case.used_names:
                case.used_names.add(k)
                break
        c = dict(nm)
        c["female"], c["ua"] = female, ua
        c["dob"] = ids.rand_date(rng, 1935, 2012)
        if ua:
            c["pass"] = f"{rng.choice(['FE', 'FK', 'EK', 'GA'])}{rng.randint(100000, 999999)}"
            while True:
                nsn, e = people.phone(rng, rng.choice(["UA", "PL"]))
                if case.claim("phone", e):
                    c["phone"] = (nsn, e, "UA" if e.startswith("+380") else "PL")
                    break
        else:
            while True:
                v = ids.pl_pesel(rng, c["dob"], female)
                if case.claim("pl_pesel", v):
                    c["pesel"] = v
                    break
            c["phone"] = None
            if rng.random() < 0.6:
                while True:
                    nsn, e = people.phone(rng, "PL")
                    if case.claim("phone", e):
                        c["phone"] = (nsn, e, "PL")
                        break
        c["email"] = ids.email_for(rng, c["given"], c["surname"], case.emails) if rng.random() < 0.45 else None
        c["addr"] = people.pl_address(rng)
        c["p"] = case.person(people.full(c), c["lang"], ["ALAB laboratoria Sp. z o.o."])
        # batch plan: which batches show this person
        r = rng.random()
        c["plan"] = "1" if r < 0.3 else "12" if r < 0.5 else "2" if r < 0.7 else "13" if r < 0.8 else "23" if r < 0.9 else "3"
        ps.append(c)
    return ps


def ascii_name(s):
    return ids.ascii_fold(s)


def build(rng, slug):
    case = Case(slug, "PL medical laboratory network (ALAB-like), three published batches", rng)
    ps = make(case, rng)
    doctors = []
    for _ in range(10):
        g, s = rng.choice(N.PL_M + N.PL_F), rng.choice(N.PL_S)[0]
        case.used_names.add(check.name_tokens(f"{g} {s}"))
        doctors.append((g, s, f"{rng.randint(1000000, 9999999)}"))
    in1 = [c for c in ps if "1" in c["plan"]]
    in2 = [c for c in ps if "2" in c["plan"]]
    in3 = [c for c in ps if "3" in c["plan"]]

    # ------------------------------------------------------------ batch1: ASTM dumps
    astm_people = [c for c in in1 if not c["ua"] and rng.random() < 0.65]
    xml_people = [c for c in in1 if c not in astm_people or rng.random() < 0.3]
    rng.shuffle(astm_people)
    analysers = ["COBAS-PRO-01", "ALINITY-CI-02", "SYSMEX-XN-03", "ATELLICA-04"]
    day = dt.date(2023, 4, 3)
    for fi in range(0, len(astm_people), 30):
        grp = astm_people[fi:fi + 30]
        an = analysers[(fi // 30) % 4]
        day += dt.timedelta(days=1)
        fn = f"batch1/lis/astm/{an}_{day:%Y%m%d}.astm"
        eol = "\r" if (fi // 30) % 4 == 3 else "\r\n"
        R = [f"H|\\^&|||ALAB-LIS^3.2.7|||||{an}|||P|1394-97|{day:%Y%m%d}060000"]
        for k, c in enumerate(grp, 1):
            p = c["p"]
            sur = ascii_name(c["surname"]).upper() if rng.random() < 0.5 else ascii_name(c["surname"])
            giv = ascii_name(c["given"])
            a = c["addr"]
            addr = f"{ascii_name(a['street'])}^{ascii_name(a['city'])}^^{a['zip']}" if rng.random() < 0.6 else ""
            ph = ""
            if c["phone"] and rng.random() < 0.6:
                ph = rng.choice([c["phone"][0], f"+48{c['phone'][0]}", f"{c['phone'][0][:3]}-{c['phone'][0][3:6]}-{c['phone'][0][6:]}"])
            R.append(f"P|{k}||{c['pesel']}||{sur}^{giv}||{c['dob']:%Y%m%d}|{'F' if c['female'] else 'M'}|||{addr}||{ph}||||||||||||")
            p.ident("pl_pesel", c["pesel"], c["pesel"], fn, "P.3")
            p.named([sur, giv], fn, "P.6")
            p.el("date_of_birth", fn, "P.8")
            if addr:
                p.el("postal_address", fn, "P.11")
            if ph:
                p.ident("phone", c["phone"][1], ph, fn, "P.13")
            while True:
                sid = f"{rng.randint(1, 9)}{rng.randint(0, 999999999):09d}"
                if not check.any_person_id(sid):
                    break
            res = results(rng)
            R.append(f"O|1|{sid}||" + "\\".join(f"^^^{t[0]}" for t, _ in res) + f"|R|{day:%Y%m%d}0715|||||||||SER||||||||||F")
            for j, (t, v) in enumerate(res, 1):
                R.append(f"R|{j}|^^^{t[0]}|{fmt(v, t[7], False)}|{t[2]}|{t[3]} to {t[4]}|{flag(t, v)}||F||||{day:%Y%m%d}08{j:02d}00")
            if rng.random() < 0.1:
                R.append("C|1|L|Probka lekko zhemolizowana|G")
            p.el("lab_result", fn, "R records")
            p.el("health_data", fn, "R records", required=False)
            if k <= 2:
                case.decoy("sample_barcode", sid, fn, "O.3", "specimen barcode (fails every ID check)", must_fail=True)
        R.append("L|1|N")
        case.add(Doc(fn, eol.join(R) + eol))

    # ------------------------------------------------------------ batch1: attribute XML order exports (cp1250)
    xml_docs = []
    by_pp = {}
    for c in xml_people:
        by_pp.setdefault(rng.choice(PP), []).append(c)
    for (pp, city), grp in sorted(by_pp.items()):
        fn = f"batch1/zlecenia/zlecenia_{pp}_2023-04.xml"
        L = ['<?xml version="1.0" encoding="windows-1250"?>', f'<Zlecenia punkt="{pp}" miasto="{city}" okres="2023-04" system="ALAB-LIS">']
        for c in grp:
            p = c["p"]
            d = dt.datetime(2023, 4, rng.randint(1, 28), rng.randint(6, 11), rng.randint(0, 59))
            L.append(f'  <Zlecenie nr="Z/2023/04/{rng.randint(1, 999999):06d}" data="{d:%Y-%m-%dT%H:%M}" kanal="{rng.choice(["punkt", "sklep", "NFZ"])}">')
            att = []
            if c["ua"]:
                att.append(f'paszport="{c["pass"]}"')
                case.decoy("passport", c["pass"], fn, "Pacjent/@paszport", "passport number (not a national ID)")
            else:
                att.append(f'pesel="{c["pesel"]}"')
                p.ident("pl_pesel", c["pesel"], c["pesel"], fn, "Pacjent/@pesel")
            att += [f'imie="{c["given"]}"', f'nazwisko="{c["surname"]}"', f'dataUr="{c["dob"]:%Y-%m-%d}"',
                    f'plec="{"K" if c["female"] else "M"}"']
            p.named([c["given"], c["surname"]], fn, "Pacjent/@imie,@nazwisko")
            p.el("date_of_birth", fn, "Pacjent/@dataUr")
            if c["phone"]:
                nsn, e, cc = c["phone"]
                raw = ids.render_phone(rng, cc, nsn)[0]
                att.append(f'tel="{raw}"')
                p.ident("phone", e, raw, fn, "Pacjent/@tel")
            if c["email"]:
                att.append(f'email="{c["email"]}"')
                p.ident("email", c["email"], c["email"], fn, "Pacjent/@email")
            L.append("    <Pacjent " + " ".join(att) + "/>")
            a = c["addr"]
            L.append(f'    <Adres ulica="{a["street"]}" kod="{a["zip"]}" miasto="{a["city"]}"/>')
            p.el("postal_address", fn, "Adres")
            for t, _ in results(rng):
                L.append(f'    <Badanie kod="{t[0]}" nazwa="{t[1]}" cena="{rng.randint(9, 60)},00"/>')
            p.el("health_data", fn, "Badanie (ordered tests)", required=False)
            L.append("  </Zlecenie>")
        L.append("</Zlecenia>")
        d = Doc(fn, "\r\n".join(L) + "\r\n", enc="cp1250")
        case.add(d)
        xml_docs.append(d)

    # ------------------------------------------------------------ batch2: merged-cell CSV reports
    csv_people = [c for c in in2 if not c["ua"] and rng.random() < 0.55]
    md_people = [c for c in in2 if c not in csv_people or rng.random() < 0.25]
    by_pp = {}
    for c in csv_people:
        by_pp.setdefault(rng.choice(PP), []).append(c)
    for (pp, city), grp in sorted(by_pp.items()):
        fn = f"batch2/raporty_zbiorcze/{pp}_maj_2023.csv"
        R = [[f"ALAB laboratoria – Punkt Pobrań {pp} {city}", "", "", "", "", "", "", ""],
             ["Raport zbiorczy wyników – maj 2023", "", "", "", "", "", "", ""],
             ["Lp.", "Pacjent", "PESEL", "Data pobrania", "Badanie", "Wynik", "Jednostka", "Zakres ref."]]
        for n, c in enumerate(grp, 1):
            p = c["p"]
            d = dt.date(2023, 5, rng.randint(2, 31))
            nm = f"{c['surname']} {c['given']}"
            for j, (t, v) in enumerate(results(rng)):
                rr = [str(n), nm, c["pesel"], f"{d:%d.%m.%Y}"] if j == 0 else ["", "", "", ""]
                R.append(rr + [t[1], fmt(v, t[7]), t[2], f"{fmt(t[3], t[7])} - {fmt(t[4], t[7])}"])
            p.named(nm, fn, "Pacjent")
            p.ident("pl_pesel", c["pesel"], c["pesel"], fn, "PESEL")
            p.el("lab_result", fn, "Badanie/Wynik (incl. merged-cell continuation rows)")
            p.el("health_data", fn, "Wynik", required=False)
        case.add(Doc(fn, csv_text(R, ";"), enc="cp1250"))

    # ------------------------------------------------------------ batch2: Markdown result reports
    for c in md_people:
        p = c["p"]
        order = f"{rng.randint(2300000000, 2399999999)}"
        fn = f"batch2/sprawozdania/{order}.txt"
        d = dt.date(2023, 5, rng.randint(2, 31))
        doc = rng.choice(doctors)
        strip = rng.random() < 0.25
        nm = f"{c['surname']} {c['given']}"
        nm_r = ascii_name(nm) if strip else nm
        a = c["addr"]
        L = [f"# Sprawozdanie z badań laboratoryjnych nr {order}", "", f"**Pacjent:** {nm_r}  "]
        p.named(nm_r, fn, "Pacjent")
        if c["ua"]:
            L.append(f"**Nr paszportu:** {c['pass']} · **Data urodzenia:** {c['dob']:%d.%m.%Y}  ")
            nsn, e, cc = c["phone"]
            raw = ids.render_phone(rng, cc, nsn)[0]
            L.append(f"**Telefon:** {raw}  ")
            p.ident("phone", e, raw, fn, "Telefon")
            case.decoy("passport", c["pass"], fn, "Nr paszportu", "passport number (not a national ID)")
        else:
            L.append(f"**PESEL:** {c['pesel']} · **Data urodzenia:** {c['dob']:%d.%m.%Y}  ")
            p.ident("pl_pesel", c["pesel"], c["pesel"], fn, "PESEL")
        p.el("date_of_birth", fn, "Data urodzenia")
        L += [f"**Adres:** {a['street']}, {a['zip']} {a['city']}  ", f"**Zlecający:** lek. {doc[0]} {doc[1]} (PWZ {doc[2]})  ",
              f"**Data pobrania:** {d:%d.%m.%Y} 07:{rng.randint(10, 59)}", "", "| Badanie | Wynik | Jedn. | Zakres ref. | |",
              "|---|---:|---|---|---|"]
        p.el("postal_address", fn, "Adres")
        for t, v in results(rng):
            fl = flag(t, v)
            L.append(f"| {t[1]} | {fmt(v, t[7])} | {t[2]} | {fmt(t[3], t[7])}–{fmt(t[4], t[7])} | {'' if fl == 'N' else fl} |")
        L += ["", "_Wynik autoryzował: mgr Ewa Lis, diagnosta laboratoryjny (nr 04512)_", ""]
        p.el("lab_result", fn, "tabela wyników")
        p.el("health_data", fn, "tabela wyników", required=False)
        case.add(Doc(fn, "\n".join(L)))
        case.decoy("licence_number", doc[2], fn, "PWZ", "ordering physician's licence number")

    # ------------------------------------------------------------ batch3: SMS gateway log with URL-encoded queries
    fn = "batch3/sms/sms-gateway.2023-06-12.log"
    L = []
    ts = dt.datetime(2023, 6, 12, 7, 0, 0)
    sms = [c for c in ps if c["phone"] and ("3" in c["plan"] or rng.random() < 0.25)]
    rng.shuffle(sms)
    for c in sms:
        p = c["p"]
        ts += dt.timedelta(seconds=rng.randint(2, 90))
        nsn, e, cc = c["phone"]
        to = rng.choice([f"%2B{e[1:]}", nsn if cc == "PL" else f"%2B{e[1:]}", f"00{e[1:]}"])
        hon = "Pani" if c["female"] else "Pan"
        text = f"{hon} {c['given']} {c['surname']}, wyniki zlecenia Z/2023/06/{rng.randint(1, 999999):06d} są gotowe. Sprawdź: https://wyniki.alab.test"
        q = f"login=alab_pp&to={to}&from=ALAB&text=" + urllib.parse.quote(text, safe="")
        L.append(f"{ts:%Y-%m-%d %H:%M:%S},{rng.randint(0, 999):03d} INFO  [http-nio-8080-exec-{rng.randint(1, 9)}] "
                 f"c.a.sms.GatewayClient - GET https://sms.operator.test/api/v2/send?{q} -> 200 ({rng.randint(20, 400)} ms)")
        p.ident("phone", e, to, fn, "query to")
        p.el("name", fn, "query text (URL-encoded)", required=False)
        if rng.random() < 0.05:
            L.append(f"{ts:%Y-%m-%d %H:%M:%S},{rng.randint(0, 999):03d} WARN  [scheduler-1] c.a.sms.Retry - retry queue size={rng.randint(1, 30)}")
    case.add(Doc(fn, "\n".join(L) + "\n", views=("url",)))

    # ------------------------------------------------------------ batch3: patient-portal accounts (YAML)
    fn = "batch3/portal/uzytkownicy_dump.yaml"
    L = ["# pacjent.alab.test – users table dump 2023-06-01 (YAML fixture export)", "users:"]
    acc = [c for c in in3 if rng.random() < 0.85] + [c for c in in1 + in2 if rng.random() < 0.1]
    seen = set()
    salt = "./ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789"
    for c in acc:
        if c["p"].tid in seen:
            continue
        seen.add(c["p"].tid)
        p = c["p"]
        if not c["email"]:
            c["email"] = ids.email_for(rng, c["given"], c["surname"], case.emails)
        h = "$2y$10$" + "".join(rng.choice(salt) for _ in range(53))
        L += [f"- id: {rng.randint(10000, 99999)}", f"  login: {c['email']}"]
        p.ident("email", c["email"], c["email"], fn, "login")
        if not c["ua"]:
            L.append(f"  pesel: '{c['pesel']}'")
            p.ident("pl_pesel", c["pesel"], c["pesel"], fn, "pesel")
        L += [f"  imie: {c['given']}", f"  nazwisko: {c['surname']}"]
        p.named([c["given"], c["surname"]], fn, "imie/nazwisko")
        if c["phone"]:
            nsn, e, cc = c["phone"]
            raw = ids.render_phone(rng, cc, nsn)[0]
            L.append(f"  telefon: '{raw}'")
            p.ident("phone", e, raw, fn, "telefon")
        L += [f"  haslo: '{h}'", f"  ostatnie_logowanie: 2023-05-{rng.randint(1, 31):02d} {rng.randint(0, 23):02d}:{rng.randint(0, 59):02d}:00",
              f"  zgoda_marketing: {str(rng.random() < 0.3).lower()}"]
        p.el("credentials", fn, "haslo (bcrypt)")
    L += ["- id: 1", "  login: admin@alab.test", "  imie: Administrator", "  nazwisko: Systemu", "  rola: ADMIN",
          "  haslo: '$2y$10$" + "".join(rng.choice(salt) for _ in range(53)) + "'"]
    case.decoy("staff", "admin@alab.test", fn, "login", "portal administrator account")
    case.add(Doc(fn, "\n".join(L) + "\n"))

    # batch3 persons that got no document yet (plan '3' without portal account and without phone)
    rest = [c for c in ps if not c["p"].elements]
    if rest:
        fn = "batch3/portal/uzytkownicy_nieaktywni.yaml"
        L = ["# inactive accounts (deactivated 2022)", "users:"]
        for c in rest:
            p = c["p"]
            if not c["email"]:
                c["email"] = ids.email_for(rng, c["given"], c["surname"], case.emails)
            L += [f"- login: {c['email']}", f"  imie: {c['given']}", f"  nazwisko: {c['surname']}"]
            p.ident("email", c["email"], c["email"], fn, "login")
            p.named([c["given"], c["surname"]], fn, "imie/nazwisko")
            if not c["ua"]:
                L.append(f"  pesel: '{c['pesel']}'")
                p.ident("pl_pesel", c["pesel"], c["pesel"], fn, "pesel")
            L.append("  aktywny: false")
        case.add(Doc(fn, "\n".join(L) + "\n"))

    # ------------------------------------------------------------ batch3: re-posted batch1 XML (unchanged bytes)
    members = []
    for d in xml_docs[:3]:
        members.append(Doc(d.name.split("/")[-1], d.text, d.enc))
        inner = f"batch3/repost/paczka_1.zip!/{d.name.split('/')[-1]}"
        for p in case.persons:
            for el, srcs in list(p.elements.items()) + list(p.optional.items()):
                req = el in p.elements
                for s in list(srcs):
                    if s.startswith(d.name + " ["):
                        p.el(el, inner, s.split(" [", 1)[1][:-1], required=req)
            for o in list(p.occ):
                if o["file"] == d.name:
                    p.occ.append(dict(o, file=inner))
    case.add(Archive("batch3/repost/paczka_1.zip", "zip", members))

    bnames = ["batch1", "batch2", "batch3"]
    bt = case.batch_truth(bnames)
    return case, case.truth(bt, {"batch1": "2023-11-03", "batch2": "2023-11-17", "batch3": "2023-12-08"})
