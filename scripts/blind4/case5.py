"""Case 5 — mail-order pharmacy patient accounts exposed by a migration (USA, PPS/Kroger-like). Names + e-mails."""
import json

import names as N
from common import Case
from util import rdt, csv_text, email_for

DOMAINS = ["example.com", "example.net", "example.org", "mail.test", "inbox.test", "family.test"]


def build(rng):
    c = Case("case5_pharmacy_accounts", rng)
    persons = []

    def mk(surname=None, male=None):
        male = rng.random() < 0.45 if male is None else male
        for _ in range(1000):
            g = rng.choice(N.US_M if male else N.US_F)
            s = surname or rng.choice(N.US_S)
            mi = rng.choice("ABCDEJKLMRST") if rng.random() < 0.3 else ""
            if f"{g} {s}" not in c.used["name"]:
                break
        c.used["name"].add(f"{g} {s}")
        p = c.person(f"{g} {s}")
        p["given"], p["sur"], p["mi"], p["lang"] = g, s, mi, "en"
        p["email"] = c.unique("email", lambda: email_for(rng, g, s, DOMAINS))
        p["alt"] = None
        p["phone"] = None
        p["ppsid"] = f"{rng.randint(1000000, 9999999)}"
        persons.append(p)
        return p

    for i in range(1350):
        mk()
    # households: one family e-mail used by 2-3 patients
    for i in range(40):
        a = rng.choice([p for p in persons if not p.household and "'" not in p["sur"]])
        fam = [a]
        for _ in range(rng.randint(1, 2)):
            b = mk(surname=a["sur"])
            fam.append(b)
        shared = c.unique("email", lambda: f"the{a['sur'].lower().replace(' ', '').replace('-', '')}family{rng.randint(1, 99)}@{rng.choice(DOMAINS)}")
        for q in fam:
            q["email"] = shared
            q.household = True
            q.note = "household e-mail shared with " + ", ".join(x.tid for x in fam if x is not q)
        c.households.add(shared)
    # alternate (old) e-mail addresses
    for p in rng.sample([p for p in persons if not p.household], 45):
        p["alt"] = c.unique("email", lambda: email_for(rng, p["given"], p["sur"], DOMAINS, style=4))
        p.note = "two e-mail addresses (old + new)"
    for p in rng.sample(persons, 60):
        p["phone"] = c.unique("phone", lambda: "+1" + rng.choice(["212", "312", "513", "614", "859", "901"]) + "55501" + f"{rng.randint(0, 99):02d}")

    def hd(p, rel, field):
        c.el(p, rel, field, "health_data", optional=True)

    # ---------------------------------------------------------------- migration export (all persons except bounce-only)
    rel = "migration/pps_patient_accounts_export.csv"
    rows = [["PPS_PATIENT_ID", "LAST_NAME", "FIRST_NAME", "MI", "EMAIL_ADDR", "ALT_EMAIL_ADDR", "ENROLL_DT", "MIGR_BATCH",
             "KROGER_ACCT_STATUS", "RX_ON_FILE"]]
    bounce_only = set(p.tid for p in rng.sample([p for p in persons if not p.household and not p["alt"]], 25))
    for p in persons:
        if p.tid in bounce_only:
            continue
        if rng.random() < 0.2 and not p.household:
            continue
        em = rng.choice([p["email"], p["email"], p["email"].upper(), " " + p["email"] + " "])
        c.ident(p, rel, "EMAIL_ADDR", "email", p["email"], em)
        if p["alt"]:
            c.ident(p, rel, "ALT_EMAIL_ADDR", "email", p["alt"], p["alt"])
        c.name(p, rel, "LAST_NAME", p["sur"].upper(), variant=False)
        hd(p, rel, "RX_ON_FILE")
        rx = f"{rng.randint(1000000, 9999999)}"
        c.decoy(rx, "rx_number", rel, "RX_ON_FILE")
        rows.append([p["ppsid"], p["sur"].upper(), p["given"].upper(), p["mi"], em, p["alt"] or "",
                     rdt(rng, 2008, 1, 1, 2300).strftime("%m/%d/%Y"), f"MB{rng.randint(1, 40):03d}",
                     rng.choice(["LINKED", "LINKED", "PENDING", "EXPOSED_PUBLIC"]), rx])
        p["in_csv"] = True
    c.add_file(rel, csv_text(rows, ","))

    # ---------------------------------------------------------------- publicly reachable profile pages (JSON), display names "Last, First"
    pub = [p for p in persons if rng.random() < 0.55 and p.tid not in bounce_only]
    for pg in range(0, len(pub), 120):
        rel = f"web_cache/api/v1/member-profiles/page-{pg // 120 + 1:03d}.json"
        res = []
        for p in pub[pg:pg + 120]:
            disp = rng.choice([f"{p['sur']}, {p['given']}" + (f" {p['mi']}." if p["mi"] else ""), f"{p['given']} {p['sur']}"])
            em = p["email"] if rng.random() < 0.7 else p["email"].upper()
            c.name(p, rel, "profile.displayName", disp)
            c.ident(p, rel, "profile.emailAddress", "email", p["email"], em)
            hd(p, rel, "profile.pharmacy")
            item = {"profile": {"displayName": disp, "name": {"first": p["given"], "last": p["sur"]}, "emailAddress": em,
                                "memberSince": rdt(rng, 2014, 7, 1, 3000).strftime("%Y-%m-%d"),
                                "pharmacy": {"type": "mail-order", "program": "PPS-SIM Home Delivery"}},
                    "links": {"self": f"/api/v1/member-profiles/{rng.randrange(16**12):012x}"}}
            if p["phone"] and rng.random() < 0.5:
                item["profile"]["phone"] = f"({p['phone'][2:5]}) {p['phone'][5:8]}-{p['phone'][8:]}"
                c.ident(p, rel, "profile.phone", "phone", p["phone"], item["profile"]["phone"])
            res.append(item)
        c.add_file(rel, json.dumps({"page": pg // 120 + 1, "results": res, "generated": "2022-12-31T23:59:59Z"}, ensure_ascii=False, indent=1))

    # ---------------------------------------------------------------- account-link log (NDJSON, e-mail inside message)
    rel = "logs/account_link_2014-2015.ndjson"
    L = []
    for p in rng.sample([p for p in persons if p.tid not in bounce_only], 420):
        t = rdt(rng, 2014, 7, 15, 500)
        L.append(json.dumps({"time": t.strftime("%Y-%m-%dT%H:%M:%S-05:00"), "level": "INFO", "component": "acct-migrator",
                             "message": f"linked PPS patient {p['ppsid']} to grocery account for <{p['email']}> (name='{p['given']} {p['sur']}')"}, ensure_ascii=False))
        c.ident(p, rel, "message", "email", p["email"], p["email"])
        c.name(p, rel, "message", f"{p['given']} {p['sur']}")
        hd(p, rel, "message")
    for _ in range(80):
        t = rdt(rng, 2014, 7, 15, 500)
        L.append(json.dumps({"time": t.strftime("%Y-%m-%dT%H:%M:%S-05:00"), "level": "WARN", "component": "mailer",
                             "message": f"noreply@pps-pharmacy.test: rate limit hit, {rng.randint(10, 90)} messages deferred"}))
    rng.shuffle(L)
    c.add_file(rel, "\n".join(L) + "\n")

    # ---------------------------------------------------------------- bounce mails (mbox); some persons appear only here
    rel = "mail/bounces_2022-12.mbox"
    M = []
    bl = [p for p in persons if p.tid in bounce_only] + rng.sample([p for p in persons if p.tid not in bounce_only], 60)
    for p in bl:
        t = rdt(rng, 2022, 12, 1, 30)
        named = p.tid not in bounce_only or rng.random() < 0.5
        to = f"\"{p['sur']}, {p['given']}\" <{p['email']}>" if named else p["email"]
        if named:
            c.name(p, rel, "To", f"{p['sur']}, {p['given']}")
        c.ident(p, rel, "Final-Recipient", "email", p["email"], p["email"])
        hd(p, rel, "Subject")
        M.append(f"From MAILER-DAEMON {t:%a %b %d %H:%M:%S %Y}\nFrom: Mail Delivery System <MAILER-DAEMON@mx.pps-pharmacy.test>\n"
                 f"To: noreply@pps-pharmacy.test\nSubject: Undelivered Mail Returned to Sender\nDate: {t:%a, %d %b %Y %H:%M:%S} -0600\n"
                 f"Content-Type: multipart/report; report-type=delivery-status; boundary=\"b{t:%H%M%S}\"\n\n--b{t:%H%M%S}\n"
                 f"Content-Type: text/plain\n\nThis is the mail system at host mx.pps-pharmacy.test.\n"
                 f"I'm sorry to have to inform you that your message could not be delivered.\n\n--b{t:%H%M%S}\n"
                 f"Content-Type: message/delivery-status\n\nReporting-MTA: dns; mx.pps-pharmacy.test\n"
                 f"Final-Recipient: rfc822; {p['email']}\nAction: failed\nStatus: 5.1.1\n\n--b{t:%H%M%S}\n"
                 f"Content-Type: text/rfc822-headers\n\nTo: {to}\nSubject: Your prescription refill is ready to ship\n\n--b{t:%H%M%S}--\n")
    c.add_file(rel, "\n".join(M))

    # ---------------------------------------------------------------- support cases CSV, multi-line notes; pharmacists are staff
    rel = "crm/support_cases_2019-2022.csv"
    rows = [["Case Number", "Created", "Contact Name", "Contact Email", "Subject", "Description", "Owner", "Status"]]
    owners = ["R. Patel, PharmD", "K. Osei (Pharmacist)", "Support Tier 1"]
    for p in rng.sample([p for p in persons if p.tid not in bounce_only], 110):
        t = rdt(rng, 2019, 1, 1, 1400)
        desc = f"Patient called about the new grocery account.\nSays she/he never asked for it."
        if p["phone"]:
            ph = rng.choice([f"({p['phone'][2:5]}) {p['phone'][5:8]}-{p['phone'][8:]}", f"{p['phone'][2:5]}-{p['phone'][5:8]}-{p['phone'][8:]}",
                             f"+1 {p['phone'][2:5]} {p['phone'][5:8]} {p['phone'][8:]}"])
            desc += f"\nCall back at {ph}."
            c.ident(p, rel, "Description", "phone", p["phone"], ph)
        desc += f"\nRx refill status checked - OK."
        cn = f"{p['given']} {p['mi'] + '. ' if p['mi'] else ''}{p['sur']}"
        c.name(p, rel, "Contact Name", cn)
        em = p["email"].capitalize() if rng.random() < 0.3 else p["email"]
        c.ident(p, rel, "Contact Email", "email", p["email"], em)
        hd(p, rel, "Description")
        rows.append([f"0{rng.randint(1000000, 9999999)}", t.strftime("%Y-%m-%d %H:%M"), cn, em,
                     rng.choice(["Account migration question", "Unsubscribe", "Refill status"]), desc, rng.choice(owners), "Closed"])
    c.add_file(rel, csv_text(rows, ","))
    for p in persons:
        if "name" not in p.elements:
            p.name = "" if not p.variants else p.name
    c.persons[:] = [p for p in persons if p.elements]
    return c
