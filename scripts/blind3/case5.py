"""Case 5: mail-order pharmacy patients' names and e-mails exposed by an account migration (USA)."""
import datetime
import json

from fmt import Factory, csv_row
from model import Leak, Truth

PHARMACY = "Cascade Mail Pharmacy"
GROCER = "Greenfield Markets"
WINDOW = {"start": "2014-07-22", "end": "2023-01-13"}


def generate(rng, outdir, name):
    leak = Leak(f"{outdir}/{name}/leak")
    T = Truth(name, leak)
    F = Factory(rng)

    people = []
    N = rng.randint(430, 470)
    for i in range(N):
        female = rng.random() < .55
        g, s, _a, _b, dob = F.unique_person("us", female, 1930, 2000)
        p = T.person(f"c5p{i + 1:04d}", given=g, family=s, lang="en", female=female, dob=dob)
        p.mi = rng.choice("ABCDEFGHJKLMNPRSTW") if rng.random() < .5 else None
        p.email = F.email(g, s, "US")
        p.migrated = datetime.datetime(2014, 7, 22, 13, 0) + datetime.timedelta(minutes=rng.randint(0, 60 * 24 * 9)) \
            if rng.random() < .7 else datetime.datetime(rng.randint(2016, 2022), rng.randint(1, 12), rng.randint(1, 28), rng.randint(0, 23))
        p.nameless = rng.random() < .04
        p.controllers = [PHARMACY]
        people.append(p)
    # homonyms: two different people with the same common name (different e-mails)
    for a, b in zip(people[10:16:2], people[11:16:2]):
        b.given, b.family = a.given, a.family
        b.email = F.email(b.given, b.family, "US")
        a.notes.append(f"same name as {b.tid}, different person (different e-mail)")
        b.notes.append(f"same name as {a.tid}, different person (different e-mail)")
    # households sharing one e-mail
    for a, b in zip(people[20:36:2], people[21:36:2]):
        b.family = a.family
        fam = "".join(ch for ch in a.family.lower() if ch.isalpha())
        shared = f"{fam}family{rng.randint(1, 99)}@{rng.choice(['example.com', 'example.net'])}"
        a.email = b.email = shared
        a.nameless = b.nameless = False
        T.shared.add("email:" + shared)
        a.notes.append(f"household e-mail shared with {b.tid}: two persons")
        b.notes.append(f"household e-mail shared with {a.tid}: two persons")
    for p in people:
        if p.nameless:
            p.notes.append("e-mail only, no name anywhere in the leak")

    def disp(p, style):
        m = f" {p.mi}" if p.mi else ""
        return {0: f"{p.given}{m} {p.family}", 1: f"{p.family.upper()}, {p.given.upper()}{m}", 2: f"{p.given} {p.family}",
                3: f"{p.family}, {p.given}{(m + '.') if p.mi else ''}", 4: f"{p.given.upper()} {p.family.upper()}"}[style]

    def rec_name(r, p, written, field):
        if not p.nameless:
            r.name(written, field)
        return r

    # ---------------------------------------------------------------- 2014 migration export
    M = leak.doc("exports/pps_migration_2014-07.csv", encoding="utf-8", bom=True, newline="\r\n")
    M.ln("PPS_PATIENT_ID,LAST_NAME,FIRST_NAME,MIDDLE_INIT,EMAIL,MIGRATED_TS,STORE_BANNER")
    pid = {}
    first = sorted([p for p in people if p.migrated.year == 2014], key=lambda p: p.migrated)
    for p in first:
        pid[p.tid] = rng.randint(100000, 999999)
        em = p.email.upper() if rng.random() < .3 else p.email
        if p.nameless:
            M.ln(csv_row([pid[p.tid], "", "", "", em, p.migrated.strftime("%Y-%m-%d %H:%M:%S"), GROCER], ","))
            T.rec(M, p).id("email", p.email, em, "EMAIL").el("health_data", "STORE_BANNER", opt=True)
            continue
        M.ln(csv_row([pid[p.tid], p.family.upper(), p.given.upper(), p.mi or "", em, p.migrated.strftime("%Y-%m-%d %H:%M:%S"), GROCER], ","))
        r = T.rec(M, p).id("email", p.email, em, "EMAIL").name2(p.given.upper(), p.family.upper(), "FIRST_NAME", "LAST_NAME")
        r.el("health_data", "PPS_PATIENT_ID", opt=True)

    # ---------------------------------------------------------------- later migrations (quoted "Last, First M.")
    D = leak.doc("exports/pps_migration_2016-2022_delta.csv", encoding="cp1252", newline="\r\n")
    D.ln('"Patient Name";"E-mail";"Linked";"Source"')
    later = sorted([p for p in people if p.migrated.year > 2014], key=lambda p: p.migrated)
    for p in later:
        nm = "" if p.nameless else disp(p, 3)
        em = " " + p.email if rng.random() < .1 else p.email
        D.ln(f'"{nm}";"{em}";"{p.migrated:%m/%d/%Y}";"PPS mail order"')
        rec_name(T.rec(D, p).id("email", p.email, p.email, "E-mail"), p, nm, "Patient Name").el("health_data", "Source", opt=True)

    # ---------------------------------------------------------------- error log of the 2014 migration (households)
    E = leak.doc("exports/migration_errors_2014.log")
    E.ln("2014-07-22 12:58:01 INFO  migration run 1 started (source=PPS, target=Greenfield accounts)")
    hh = [p for p in people if "household" in " ".join(p.notes)]
    for a, b in zip(hh[0::2], hh[1::2]):
        E.ln(f"2014-07-22 13:{rng.randint(10, 59):02d}:{rng.randint(10, 59):02d} WARN  duplicate email {a.email} for patients "
             f"{rng.randint(100000, 999999)} ({disp(a, 1)}) and {rng.randint(100000, 999999)} ({disp(b, 1)}); both linked to one account")
        T.rec(E, a).id("email", a.email, a.email, "WARN").name(disp(a, 1), "WARN")
        T.rec(E, b).id("email", b.email, b.email, "WARN").name(disp(b, 1), "WARN")
    for k in range(6):
        E.ln(f"2014-07-2{3 + k % 5} 0{k}:12:44 ERROR invalid email 'patient{k}@localhost' for patient {rng.randint(100000, 999999)}, skipped")
    E.ln("2014-07-31 23:59:59 INFO  migration finished: accounts linked")

    # ---------------------------------------------------------------- crawled account directory pages (HTML)
    crawl = [p for p in people if p.migrated.year <= 2016 and rng.random() < .6]
    for k in range(0, len(crawl), 40):
        pg = k // 40 + 1
        H = leak.doc(f"crawl/2016-03-02/account_directory_p{pg:02d}.html")
        H.ln("<!DOCTYPE html><html><head><meta charset=\"utf-8\"><title>Greenfield Pharmacy - Linked accounts</title></head><body>")
        H.ln("<table class=\"acct\"><tr><th>Name</th><th>Email</th><th>Service</th></tr>")
        for p in crawl[k:k + 40]:
            nm = "" if p.nameless else disp(p, 0)
            weak = rng.random() < .08
            shown = p.email.replace("@", "&#64;") if weak else p.email
            H.ln(f"<tr><td>{nm}</td><td><a href=\"mailto:{shown}\">{shown}</a></td><td>Mail-order pharmacy</td></tr>")
            rec_name(T.rec(H, p).id("email", p.email, shown, "td"), p, nm, "td").el("health_data", "Service", opt=True)
        H.ln("</table><p>Questions? Call our pharmacy at (503) 555-0100.</p></body></html>")
        if pg == 1:
            T.decoy("+15035550100", "pharmacy_phone", H, "footer", raw="(503) 555-0100")
    # a later capture, gzip-compressed
    G = leak.member("crawl/2021-08-19/account_directory.html.gz", "account_directory.html")
    G.ln("<html><body><ul class='linked-accounts'>")
    cap2 = [p for p in people if rng.random() < .3]
    for p in cap2:
        nm = "" if p.nameless else disp(p, 2)
        G.ln(f"  <li>{nm} &lt;{p.email}&gt; <span>Rx mail order</span></li>")
        rec_name(T.rec(G, p).id("email", p.email, p.email, "li"), p, nm, "li").el("health_data", "span", opt=True)
    G.ln("</ul></body></html>")
    leak.gz("crawl/2021-08-19/account_directory.html.gz", G)

    # ---------------------------------------------------------------- API captures
    A = leak.doc("crawl/api/pharmacy_accounts_2019-05.json")
    arr = []
    sel = [p for p in people if p.migrated.year <= 2019 and rng.random() < .6]
    for p in sel:
        em = p.email if rng.random() < .6 else p.email[0].upper() + p.email[1:]
        o = {"accountId": rng.randint(10**7, 10**8), "displayName": None if p.nameless else disp(p, 1), "emailAddress": em,
             "pharmacyLinked": True, "linkedSince": p.migrated.strftime("%Y-%m-%dT%H:%M:%SZ"), "loyaltyId": None}
        arr.append(o)
        rec_name(T.rec(A, p).id("email", p.email, em, "emailAddress"), p, o["displayName"] or "", "displayName").el("health_data", "pharmacyLinked", opt=True)
    A.w(json.dumps(arr, indent=2))
    for o in arr[:3]:
        T.decoy(str(o["accountId"]), "account_id", A, "accountId")
    N2 = leak.doc("crawl/api/pharmacy_accounts_2022-11.ndjson")
    for p in people:
        if rng.random() > .55:
            continue
        o = {"account_id": rng.randint(10**7, 10**8), "display_name": None if p.nameless else disp(p, rng.choice([0, 2, 4])),
             "email": p.email.lower(), "pharmacy_linked": "Y", "linked_since": p.migrated.strftime("%Y-%m-%d")}
        N2.ln(json.dumps(o))
        rec_name(T.rec(N2, p).id("email", p.email, p.email, "email"), p, o["display_name"] or "", "display_name").el("health_data", "pharmacy_linked", opt=True)

    # ---------------------------------------------------------------- web-archive index (URL-encoded e-mails)
    X = leak.doc("crawl/cdx_index_2014-2023.txt")
    caps = [("20140722", None)] + [(f"{rng.randint(2015, 2022)}{rng.randint(1, 12):02d}{rng.randint(10, 28)}", p)
                                   for p in rng.sample([q for q in people if "household" not in " ".join(q.notes)], 30)] + [("20230113", None)]
    caps.sort(key=lambda x: x[0])
    for ts, p in caps:
        if p is None:
            X.ln(f"greenfield.test/pharmacy/accounts {ts}120000 https://greenfield.test/pharmacy/accounts text/html 200")
        else:
            enc = p.email.replace("@", "%40")
            X.ln(f"greenfield.test/pharmacy/profile?email={enc} {ts}093000 https://greenfield.test/pharmacy/profile?email={enc} text/html 200")
            T.rec(X, p).id("email", p.email, enc, "url")

    # ---------------------------------------------------------------- complaints (mails)
    for k, p in enumerate(rng.sample([p for p in people if not p.nameless and "household" not in " ".join(p.notes)], 4)):
        path = f"complaints/2023-01-{14 + k}_customer_complaint.eml"
        B = leak.member(path, "body.txt")
        B.ln("Hello,")
        B.ln("")
        B.ln(f"my name is {p.given} {p.family} and I just found my name and my e-mail address ({p.email}) on a public page of your website.")
        B.ln("I only ever used your mail-order pharmacy. Why can anybody see that I am a pharmacy patient?")
        B.ln("")
        B.ln(f"{p.given}")
        T.rec(B, p).name(f"{p.given} {p.family}", "body").id("email", p.email, p.email, "body").el("health_data", "body", opt=True)
        leak.eml(path, [("From", f"{p.given} {p.family} <{p.email}>"), ("To", "privacy@greenfield.test"),
                        ("Subject", "My data is public on your site"), ("Date", datetime.date(2023, 1, 14 + k).strftime("%a, %d %b %Y") + f" 20:1{k}:00 -0800")], B)
    # ---------------------------------------------------------------- files without patients
    Q = leak.doc("qa/seed_accounts.csv")
    Q.ln("login,display_name,ssn_test,notes")
    Q.ln("test.user+1@greenfield.test,Test User One,078-05-1120,do not delete")
    Q.ln("test.user+2@greenfield.test,Test User Two,219-09-9999,do not delete")
    T.decoy("test.user+1@greenfield.test", "test_account", Q, "login")
    T.decoy("078-05-1120", "famous_invalid_ssn", Q, "ssn_test")
    T.decoy("219-09-9999", "advertising_ssn", Q, "ssn_test")
    FAQ = leak.doc("crawl/faq.html")
    FAQ.ln("<html><body><h1>Mail-order pharmacy FAQ</h1><p>Pharmacist on duty: <a href='mailto:pharmacist@cascade-pharmacy.test'>pharmacist@cascade-pharmacy.test</a>,"
           " phone (503) 555-0142.</p><p>Orders ship within 2 business days.</p></body></html>")
    T.decoy("pharmacist@cascade-pharmacy.test", "staff_mailbox", FAQ, "mailto")
    T.decoy("+15035550142", "pharmacy_phone", FAQ, "p", raw="(503) 555-0142")
    RB = leak.doc("crawl/robots.txt")
    RB.ln("User-agent: *\nDisallow: /checkout/\nAllow: /pharmacy/")

    errs = T.check()
    truth = T.to_json(title="Mail-order pharmacy account migration (USA)", organisation=PHARMACY, role="controller",
                      exposure_window=WINDOW, also=GROCER,
                      note="health_data is optional for everyone: being on the list reveals a pharmacy patient")
    return leak, truth, errs
