"""Case 5: mail-order pharmacy account migration to a grocery chain (USA): names and e-mails exposed 2014-2023.

Shapes: an SQLite `.dump` (CREATE TABLE + one `INSERT INTO "t" VALUES(...)` per row, no column list, `''`-escaped
apostrophes, NULLs); a gzipped Apache combined log whose confirmation URLs carry `email=`/`fn=`/`ln=` query
parameters (percent-encoded `@`, apostrophes, spaces as `+`); JSON:API pages (`data[].attributes`, `included` store
and pharmacist resources, `links.next`); mail-merge welcome messages saved as .txt from an outbox; a CRM vCard
export (`N:` with middle initial and suffix, two EMAIL lines); a support-ticket CSV with a JSON requester object in
one cell (some with a phone); a migration YAML config holding only staff, store and QA accounts.
"""
import datetime as dt
import gzip
import json
import urllib.parse
import uuid

import check
import ids
import names as N
from common import Archive, Case, Doc, csv_text

DOMAINS = ["example.com", "example.net", "example.org", "mail.example.com", "inbox.test", "webmail.test", "home.example.net"]


def make(case, rng):
    ps = []
    for i in range(1350):
        female = rng.random() < 0.58
        for _ in range(100):
            g = rng.choice(N.US_F if female else N.US_M)
            s = rng.choice(N.US_S)
            mi = rng.choice("ABCDEFGHJKLMNPRSTW") if rng.random() < 0.3 else ""
            suf = rng.choice(N.US_SUFFIX) if (not female and rng.random() < 0.05) else ""
            k = check.name_tokens(f"{g} {s}")
            if k not in case.used_names or (i % 97 == 0 and not mi):
                case.used_names.add(k)
                break
        c = {"given": g, "surname": s, "mi": mi, "suf": suf, "female": female}
        full = " ".join(x for x in [g, (mi + ".") if mi else "", s, suf] if x)
        c["full"] = full
        c["emails"] = [ids.email_for(rng, g, s.replace("'", "").replace(" ", ""), case.emails, DOMAINS)]
        if rng.random() < 0.1:
            c["emails"].append(ids.email_for(rng, g, s.replace("'", "").replace(" ", ""), case.emails, DOMAINS))
        c["phone"] = None
        c["p"] = case.person(full, "en", ["Postal Prescription Services (PPS)"])
        ps.append(c)
    return ps


def short(c):
    return f"{c['given']} {c['surname']}"


def build(rng, slug):
    case = Case(slug, "US mail-order pharmacy migration (PPS/Kroger-like): names and e-mails exposed 2014-07..2023-01", rng)
    ps = make(case, rng)

    # ------------------------------------------------------------ 1. SQLite .dump
    fn = "db/pps_link_2014.sql"
    L = ["PRAGMA foreign_keys=OFF;", "BEGIN TRANSACTION;",
         'CREATE TABLE "patient_link" (id INTEGER PRIMARY KEY, pps_patient_no TEXT NOT NULL, first_name TEXT, last_name TEXT, '
         'email TEXT, alt_email TEXT, linked_at TEXT, kroger_guid TEXT);']
    sel = [c for c in ps if rng.random() < 0.6]
    for i, c in enumerate(sel, 1):
        p = c["p"]
        pno = f"P{rng.randint(10 ** 7, 10 ** 8 - 1)}"
        alt = f"'{c['emails'][1]}'" if len(c["emails"]) > 1 else "NULL"
        e0 = ids.render_email(rng, c["emails"][0], 0.2)
        first = c["given"] + (f" {c['mi']}" if c["mi"] and rng.random() < 0.5 else "")
        last = c["surname"] + (f" {c['suf']}" if c["suf"] else "")
        L.append(f"INSERT INTO \"patient_link\" VALUES({i},'{pno}','{first}','{last.replace(chr(39), chr(39) * 2)}','{e0}',{alt},"
                 f"'2014-07-{rng.randint(18, 31):02d} {rng.randint(0, 23):02d}:{rng.randint(0, 59):02d}:{rng.randint(0, 59):02d}',"
                 f"'{uuid.UUID(int=rng.getrandbits(128))}');")
        p.named([first, last.replace("'", "''")] if "'" in last else [first, last], fn, "first_name/last_name")
        p.ident("email", c["emails"][0], e0, fn, "email")
        if len(c["emails"]) > 1:
            p.ident("email", c["emails"][1], c["emails"][1], fn, "alt_email")
        if i < 6:
            case.decoy("patient_number", pno, fn, "pps_patient_no", "internal patient number")
    L += ['CREATE INDEX "ix_link_email" ON "patient_link"(email);', "COMMIT;"]
    case.add(Doc(fn, "\n".join(L) + "\n"))

    # ------------------------------------------------------------ 2. gzipped Apache log with query strings
    inner = "access_log.2019-03"
    L = []
    ts = dt.datetime(2019, 3, 1, 0, 0, 3)
    conf = [c for c in ps if rng.random() < 0.3]
    ev = [("c", c) for c in conf] + [("n", None)] * len(conf)
    rng.shuffle(ev)
    m = f"web/{inner}.gz!/{inner}"
    for kind, c in ev:
        ts += dt.timedelta(seconds=rng.randint(10, 900))
        ip = f"{rng.randint(11, 220)}.{rng.randint(0, 255)}.{rng.randint(0, 255)}.{rng.randint(1, 254)}"
        st = ts.strftime("%d/%b/%Y:%H:%M:%S -0500")
        if kind == "n":
            path = rng.choice(["/pharmacy/static/app.css", "/robots.txt", "/pharmacy/faq", "/pharmacy/img/logo.svg"])
            L.append(f'{ip} - - [{st}] "GET {path} HTTP/1.1" 200 {rng.randint(200, 30000)} "-" "Mozilla/5.0 (compatible; bingbot/2.0)"')
            continue
        p = c["p"]
        e = c["emails"][0]
        enc = urllib.parse.quote(e, safe="")
        fn_q = urllib.parse.quote_plus(c["given"])
        ln_q = urllib.parse.quote_plus(c["surname"])
        L.append(f'{ip} - - [{st}] "GET /pharmacy/account/confirm?email={enc}&fn={fn_q}&ln={ln_q}&src=pps&t={rng.getrandbits(40):x} HTTP/1.1" '
                 f'200 {rng.randint(3000, 9000)} "https://mail.example.com/" "Mozilla/5.0 (Windows NT 10.0; Win64; x64)"')
        p.ident("email", e, enc, m, "query email")
        if fn_q == c["given"] and ln_q == c["surname"]:
            p.named([fn_q, ln_q], m, "query fn/ln")
        else:
            p.el("name", m, "query fn/ln (percent-encoded)", required=False)
    case.add(Archive(f"web/{inner}.gz", "gz", [Doc(inner, "\n".join(L) + "\n", views=("url",))]))

    # ------------------------------------------------------------ 3. JSON:API pages
    pool = [c for c in ps if rng.random() < 0.45]
    pharm = [("Dana", "Whitfield", "dwhitfield.rph@pps-pharmacy.test"), ("Omar", "Haddad", "ohaddad.rph@pps-pharmacy.test")]
    for g, s, e in pharm:
        case.used_names.add(check.name_tokens(f"{g} {s}"))
    per = 100
    pages = (len(pool) + per - 1) // per
    for pg in range(pages):
        fn = f"api/patients_page_{pg + 1:02d}.json"
        data = []
        for c in pool[pg * per:(pg + 1) * per]:
            p = c["p"]
            em = [ids.render_email(rng, e, 0.1) for e in c["emails"]]
            attrs = {"givenName": c["given"], "familyName": c["surname"], "sortName": f"{c['surname']}, {c['given']}",
                     "emailAddresses": em, "rxCount": rng.randint(1, 14), "migrated": True}
            if c["mi"]:
                attrs["middleInitial"] = c["mi"]
            data.append({"type": "patient", "id": str(uuid.UUID(int=rng.getrandbits(128))), "attributes": attrs,
                         "relationships": {"pharmacy": {"data": {"type": "store", "id": "pps-or-01"}},
                                           "pharmacist": {"data": {"type": "pharmacist", "id": f"rph-{rng.randint(1, 2)}"}}}})
            p.named(f"{c['surname']}, {c['given']}", fn, "attributes.sortName")
            for e, r in zip(c["emails"], em):
                p.ident("email", e, r, fn, "attributes.emailAddresses")
        doc = {"data": data, "included": [
            {"type": "store", "id": "pps-or-01", "attributes": {"name": "PPS Mail Order – Portland", "phone": "(503) 555-0100",
                                                                "email": "rx-help@pps-pharmacy.test"}}] +
               [{"type": "pharmacist", "id": f"rph-{i + 1}", "attributes": {"name": f"{g} {s}, RPh", "email": e}} for i, (g, s, e) in enumerate(pharm)],
               "links": {"self": f"/api/v1/patients?page[number]={pg + 1}",
                         "next": f"/api/v1/patients?page[number]={pg + 2}" if pg + 1 < pages else None},
               "meta": {"total": len(pool)}}
        case.add(Doc(fn, json.dumps(doc, indent=2) + "\n"))
    for g, s, e in pharm:
        case.decoy("staff", e, "api/patients_page_01.json", "included.pharmacist", "pharmacist")
    case.decoy("store", "rx-help@pps-pharmacy.test", "api/patients_page_01.json", "included.store", "store mailbox")

    # ------------------------------------------------------------ 4. mail-merge welcome messages (outbox .txt)
    for i, c in enumerate([c for c in ps if rng.random() < 0.12]):
        p = c["p"]
        fn = f"outbox/welcome_{i + 1:05d}.txt"
        e = c["emails"][0]
        body = [f"To: \"{c['full']}\" <{e}>", "From: Kroger Health <noreply@krogerhealth.test>",
                "Subject: Your PPS prescriptions are moving to Kroger Health", f"Date: {dt.date(2014, 7, rng.randint(18, 31)):%a, %d %b %Y} 09:00:00 -0500",
                "", f"Dear {c['given']},", "",
                "Beginning August 1, your Postal Prescription Services account will be managed through your new",
                f"Kroger Health account. We have linked the e-mail address {e} to your prescriptions.", "",
                "If you did not request this, call us at 1-800-555-0199.", "", "Sincerely,", "Kroger Health Pharmacy Team", ""]
        case.add(Doc(fn, "\n".join(body)))
        p.named(c["full"], fn, "To")
        p.ident("email", e, e, fn, "To")

    # ------------------------------------------------------------ 5. CRM vCard export
    fn = "crm/contacts_export.vcf"
    V = []
    for c in [c for c in ps if rng.random() < 0.2]:
        p = c["p"]
        fnv = " ".join(x for x in [c["given"], (c["mi"] + ".") if c["mi"] else "", c["surname"], c["suf"]] if x)
        V += ["BEGIN:VCARD", "VERSION:3.0", f"N:{c['surname']};{c['given']};{c['mi']};;{c['suf']}", f"FN:{fnv}"]
        for j, e in enumerate(c["emails"]):
            V.append(f"EMAIL;TYPE=INTERNET{',PREF' if j == 0 else ''}:{e}")
            p.ident("email", e, e, fn, "EMAIL")
        V += ["ORG:PPS Patient", "CATEGORIES:migrated-2014", "END:VCARD"]
        p.named(fnv, fn, "FN")
    case.add(Doc(fn, "\r\n".join(V) + "\r\n"))

    # ------------------------------------------------------------ 6. support tickets with a JSON cell
    fn = "support/tickets_2022.csv"
    R = [["ticket_id", "opened", "channel", "requester", "subject", "status"]]
    for c in [c for c in ps if rng.random() < 0.1]:
        p = c["p"]
        req = {"name": short(c), "email": ids.render_email(rng, c["emails"][0], 0.2)}
        if rng.random() < 0.3:
            while True:
                nsn = ids.phone_nsn(rng, "US")
                e164 = ids.e164("US", nsn)
                if case.claim("phone", e164):
                    break
            req["phone"] = ids.render_phone(rng, "US", nsn)[0]
            p.ident("phone", e164, req["phone"], fn, "requester.phone")
        R.append([f"SUP-{rng.randint(100000, 999999)}", f"2022-{rng.randint(1, 12):02d}-{rng.randint(1, 28):02d}",
                  rng.choice(["web", "email", "phone"]), json.dumps(req),
                  rng.choice(["Can't see my refills after migration", "Wrong email on my account", "Unsubscribe me",
                              "Who can see my prescriptions?"]), rng.choice(["closed", "solved", "open"])])
        p.named(short(c), fn, "requester.name")
        p.ident("email", c["emails"][0], req["email"], fn, "requester.email")
    case.add(Doc(fn, csv_text(R, ",")))

    # ------------------------------------------------------------ 7. migration config (decoys only)
    fn = "config/migration.yaml"
    Y = ["# PPS -> Kroger Health account migration", "source: pps_link_2014", "window:", "  start: 2014-07-18", "  end: 2023-01-12",
         "notify:", "  - pharmacy-ops@krogerhealth.test", "  - rx-help@pps-pharmacy.test", "qa_accounts:"]
    for k in range(4):
        e = f"qa+mig{k:02d}@krogerhealth.test"
        Y += [f"  - email: {e}", f"    name: QA Tester {k:02d}", "    ssn: 078-05-1120" if k == 0 else "    ssn: null"]
        case.decoy("test_account", e, fn, "qa_accounts.email", "QA account")
    case.decoy("test_account", "078-05-1120", fn, "qa_accounts.ssn", "famous void SSN on a QA account")
    case.decoy("staff", "pharmacy-ops@krogerhealth.test", fn, "notify", "role mailbox")
    case.add(Doc(fn, "\n".join(Y) + "\n"))

    rest = [c for c in ps if not c["p"].elements]
    if rest:
        fn = "db/pps_link_2014_late.sql"
        L = ["BEGIN TRANSACTION;"]
        for i, c in enumerate(rest, 90001):
            e = c["emails"][0]
            last = c["surname"].replace("'", "''")
            L.append(f"INSERT INTO \"patient_link\" VALUES({i},'P{rng.randint(10 ** 7, 10 ** 8 - 1)}','{c['given']}','{last}','{e}',NULL,NULL,NULL);")
            c["p"].named([c["given"], last], fn, "first_name/last_name")
            c["p"].ident("email", e, e, fn, "email")
        L.append("COMMIT;")
        case.add(Doc(fn, "\n".join(L) + "\n"))
    for c in ps:
        first = next(iter(c["p"].elements.values()))[0].split(" [")[0]
        c["p"].el("health_data", first, "being a pharmacy patient", required=False)
    case.extra["exposure_window"] = {"start": "2014-07-18", "end": "2023-01-12"}
    return case, case.truth()
