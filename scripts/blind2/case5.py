"""Case 5: US mail-order pharmacy patients' names and e-mails exposed by an account migration (2014-2023)."""
import datetime

from common import *
from names import *

PHARM = "Cascade Mail Rx"
DOMS = ["example.com", "example.net", "example.org", "mail.test", "inbox.test", "example.us"]


def make(rng, out_dir):
    c = Case("case5_us_mailorder_pharmacy",
             "US mail-order pharmacy: patients' names and e-mail addresses exposed publicly by an account migration to a "
             "grocery chain's web accounts, July 2014 - January 2023.", rng)
    used_emails = set()

    def new_email(first, last):
        while True:
            e = email_for(rng, first, last, DOMS)
            if e not in used_emails:
                used_emails.add(e)
                return e

    def new_person(first=None, last=None, sex=None, email=None, named=True):
        sex = sex or rng.choice("MF")
        if first is None:
            first, last = c.unique_name(lambda: (rng.choice(US_M if sex == "M" else US_F), rng.choice(US_L)))
        p = Person(c, first, last, sex, None, "en", name=None if named else "")
        p.email = email or new_email(first, last)
        p.middle = rng.choice("ABCDEFGHJKLMRST") + "." if rng.random() < 0.12 else None
        p.ssn = p.phone = None
        p.control(PHARM)
        return p

    persons = [new_person() for _ in range(rng.randint(270, 310))]
    for a in rng.sample(persons, 3):
        sx = "M" if a.sex == "F" else "F"
        first = a.last
        while name_tokens(f"{first} {a.last}") in c.used_names or first == a.last:
            first = rng.choice(US_M if sx == "M" else US_F)
        c.used_names.add(name_tokens(f"{first} {a.last}"))
        b = new_person(first=first, last=a.last, sex=sx, email=a.email)
        a.note(lambda b=b: f"shares the e-mail address with {b.tid} (household)")
        b.note(lambda a=a: f"shares the e-mail address with {a.tid} (household)")
        persons.append(b)
    for a in rng.sample(persons, 3):
        b = new_person(first=a.first, last=a.last, sex=a.sex)
        a.note(lambda b=b: f"namesake of {b.tid} (different e-mail, a different person)")
        b.note(lambda a=a: f"namesake of {a.tid} (different e-mail, a different person)")
        persons.append(b)
    log_only = []
    for _ in range(rng.randint(8, 12)):
        f, l = rng.choice(US_M + US_F), rng.choice(US_L)
        p = new_person(first=f, last=l, named=False)
        p.note("appears only in the account-link log (e-mail only)")
        log_only.append(p)
    named = [p for p in persons]
    shared = {p.email for p in named if sum(1 for q in named if q.email == p.email) > 1}

    def eraw(e, caps=0.12, pad=0.08):
        raw = e
        r = rng.random()
        if r < caps / 2:
            loc, dom = e.split("@")
            raw = ".".join(x[:1].upper() + x[1:] for x in loc.split(".")) + "@" + dom[:1].upper() + dom[1:]
        elif r < caps:
            raw = e.upper()
        if rng.random() < pad:
            raw = rng.choice([" " + raw, raw + " ", "  " + raw + " ", raw + "\u00a0"])
        return raw

    # guarantee that every named person is in at least one list
    files = {p: set() for p in named}
    for p in named:
        for k, pr in (("csv", 0.55), ("psv", 0.35), ("json", 0.6), ("aud", 0.4)):
            if rng.random() < pr:
                files[p].add(k)
        if not files[p]:
            files[p].add(rng.choice(["csv", "json"]))

    # ---------------------------------------------------------------- 1 migration CSV (upper-case header)
    rel = "migration/pps_accounts_2014-07.csv"
    rows = [["FIRST_NAME", "LAST_NAME", "EMAIL_ADDR", "RX_PATIENT_SINCE", "MIGRATED_AT"]]
    lst = [p for p in named if "csv" in files[p]]
    rng.shuffle(lst)
    for p in lst:
        rows.append([p.first.upper(), p.last.upper(), p.ident("email", p.email, rel, "EMAIL_ADDR", eraw(p.email)),
                     f"{rng.randint(1998, 2014)}", f"2014-07-{rng.randint(1, 31):02d}T0{rng.randint(0, 5)}:{rng.randint(10, 59)}:00Z"])
        p.named(f"{p.first.upper()} {p.last.upper()}", rel, "FIRST_NAME+LAST_NAME")
        if rng.random() < 0.03:           # exported twice
            rows.append(rows[-1])
    c.write(rel, csv_text(rows, ","))

    # ---------------------------------------------------------------- 2 pipe-separated batch with display names
    rel = "migration/accounts_batch_02.psv"
    L = ["acct_id|display_name|login_email|created"]
    lst = [p for p in named if "psv" in files[p]]
    rng.shuffle(lst)
    for n, p in enumerate(lst):
        if p.middle and rng.random() < 0.8:
            dn = f"{p.first} {p.middle} {p.last}"
        else:
            dn = rng.choice([f"{p.last}, {p.first}", f"{p.first} {p.last}"])
        L.append(f"FW{7_000_000 + n * 37}|{p.named(dn, rel, 'display_name')}|{p.ident('email', p.email, rel, 'login_email', eraw(p.email).replace('|', ''))}|"
                 f"{rand_date(rng, 2014, 2022):%m/%d/%Y}")
    c.write(rel, "\n".join(L) + "\n")

    # ---------------------------------------------------------------- 3 paged JSON from the public profile API
    lst = [p for p in named if "json" in files[p]]
    rng.shuffle(lst)
    per = 40
    pages = (len(lst) + per - 1) // per
    for pg in range(pages):
        rel = f"public_profiles/profiles_page_{pg + 1:02d}.json"
        res = []
        for p in lst[pg * per:(pg + 1) * per]:
            prof = {"givenName": p.first, "familyName": p.last}
            if p.middle and rng.random() < 0.5:
                prof["middleInitial"] = p.middle[0]
                p.named(f"{p.first} {p.middle[0]} {p.last}", rel, "results[].profile")
            else:
                p.named(f"{p.first} {p.last}", rel, "results[].profile.givenName+familyName")
            res.append({"uid": f"u_{rng.randint(16 ** 9, 16 ** 10):x}", "profile": prof,
                        "contactEmail": p.ident("email", p.email, rel, "results[].contactEmail", eraw(p.email)),
                        "homeStore": f"FreshWay #{rng.randint(100, 999):04d}", "rxLinked": True,
                        "updatedAt": f"{rand_date(rng, 2015, 2022)}T12:00:00Z"})
        c.write(rel, jdump({"page": pg + 1, "per_page": per, "total": len(lst), "results": res}, 2))

    # ---------------------------------------------------------------- 4 mailing-list audience export
    rel = "mailing/audience_export_2022-11.csv"
    rows = [["Email Address", "First Name", "Last Name", "Address", "Phone Number", "MEMBER_RATING", "OPTIN_TIME", "LEID", "TAGS"]]
    lst = [p for p in named if "aud" in files[p]]
    rng.shuffle(lst)
    for p in lst:
        rows.append([p.ident("email", p.email, rel, "Email Address", eraw(p.email, caps=0.2, pad=0.15)), p.first, p.last, "", "",
                     str(rng.randint(1, 5)), f"{rand_date(rng, 2014, 2022)} 10:{rng.randint(10, 59)}:00", str(rng.randint(10 ** 8, 10 ** 9)),
                     '"rx-migrated"' if rng.random() < 0.7 else '"rx-migrated","refill-reminders"'])
        p.named(f"{p.first} {p.last}", rel, "First Name+Last Name")
    c.write(rel, csv_text(rows, ",", quoting=csv.QUOTE_ALL))

    # ---------------------------------------------------------------- 5 unsubscribe list without a header
    rel = "mailing/unsubscribed_2021.txt"
    L = []
    for p in named:
        if rng.random() < 0.1:
            if rng.random() < 0.5 and p.email not in shared:
                L.append(f"{p.ident('email', p.email, rel, 'line', eraw(p.email).strip())},{p.named(f'{p.first} {p.last}', rel, 'line')}")
            else:
                L.append(p.ident("email", p.email, rel, "line", eraw(p.email)))
    c.write(rel, "\n".join(L) + "\n")

    # ---------------------------------------------------------------- 6 account-link log (e-mails only)
    rel = "logs/account-link-2016-03.log"
    L = []
    t = datetime.datetime(2016, 3, 2, 1, 0, 0)
    inlog = [p for p in named if rng.random() < 0.25] + log_only
    rng.shuffle(inlog)
    for n, p in enumerate(inlog):
        t += datetime.timedelta(seconds=rng.randint(2, 400))
        L.append(f"{t:%Y-%m-%dT%H:%M:%S}Z INFO  link-service linked rx_patient=RX{rng.randint(10 ** 6, 10 ** 7 - 1)} "
                 f"email=<{p.ident('email', p.email, rel, 'email=<>', eraw(p.email, pad=0).strip())}> status=ok")
        if n % 40 == 7:
            L.append(f"{t:%Y-%m-%dT%H:%M:%S}Z WARN  mailer notify from=no-reply@freshway.example.com bounce=postmaster@example.net")
    c.write(rel, "\n".join(L) + "\n")
    c.decoy("role_email", "no-reply@freshway.example.com", rel, "log line", "sender address of the grocery chain")
    c.decoy("role_email", "postmaster@example.net", rel, "log line", "mail system address")

    # ---------------------------------------------------------------- 7 support tickets (a few with SSN / phone in free text)
    rel = "support/tickets_2019-2022.ndjson"
    L = []
    cand = [p for p in named if p.email not in shared]
    for n, p in enumerate(rng.sample(cand, rng.randint(14, 20))):
        body = f"Hello, I have been a patient of {PHARM} for years and now I cannot log in to my FreshWay account."
        if n % 3 == 0:
            p.ssn = us_ssn(rng)
            raw = p.ssn if rng.random() < 0.6 else p.ssn.replace("-", "")
            body += f" You asked for verification: my SSN is {p.ident('us_ssn', p.ssn, rel, 'description (in text)', raw)}."
        if n % 4 == 1:
            p.phone = us_phone(rng)
            body += f" Please call me at {p.ident('phone', p.phone, rel, 'description (in text)', fmt_phone(p.phone, rng.choice(['local_dash', 'local_space', 'intl_space']), '1'))}."
        body += f"\n\nThanks,\n{p.named(f'{p.first} {p.last}', rel, 'description (signature)')}"
        L.append(jdump({"id": 48000 + n * 13, "created_at": f"{rand_date(rng, 2019, 2022)}T15:{rng.randint(10, 59)}:00Z",
                        "requester": {"name": p.named(f"{p.first} {p.last}", rel, "requester.name"),
                                      "email": p.ident("email", p.email, rel, "requester.email", eraw(p.email))},
                        "subject": "Cannot access my account", "description": body, "assignee": "Support Team",
                        "tags": ["migration", "login"]}))
    c.write(rel, "\n".join(L) + "\n")

    for p in c.persons:
        p.optional("health_data", "being on a pharmacy's patient list reveals that the person is a pharmacy patient")
    return c.finalize(out_dir, {"exposure_window": {"from": "2014-07-01", "to": "2023-01-31"}})
