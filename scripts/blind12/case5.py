"""Case 5: a mail-order pharmacy's patients exposed by an account migration to a grocery chain (USA).

Shapes: an Auth0 bulk user export (gzipped NDJSON, `name` defaulting to the e-mail), CloudFront standard access logs
(gzipped W3C, `cs-uri-query` double percent-encoded), Mailgun Events API pages, a Google Contacts CSV export
(` ::: ` multi-value cells, group memberships), a GitLab project export `issues.ndjson` with Markdown tables inside
JSON strings.
"""
import datetime
import json
import urllib.parse
import uuid

import people as P
from common import Case, dump_json, epoch
from shared import ids

PHARM = "Parcel Rx Mail Pharmacy"
GROCER = "FreshMart"
US_DOM = ["example.com", "example.net", "example.org", "mail.example.com", "inbox.test", "webmail.test"]


def fullname(p, mi=True, suffix=True):
    s = p.given
    if mi and p.mi:
        s += f" {p.mi}."
    s += f" {p.surname}"
    if suffix and p.suffix:
        s += f" {p.suffix}"
    return s


def build(seed, rng):
    c = Case(5, "us_mailorder_pharmacy", seed, rng,
             "Mail-order pharmacy patients' names and e-mails exposed by an account migration (US), 2014-07 to 2023-01")
    r = rng
    pats = []
    n = r.randint(360, 390)
    for i in range(n):
        female = r.random() < 0.55
        g, s, _ = P.pick_name(c, "us", female)
        p = c.person("", "en", given=g, surname=s, female=female)
        p.mi = r.choice("ABCDEFGHJKLMNPRSTW") if r.random() < 0.55 else None
        p.suffix = r.choice(["Jr.", "Sr.", "II", "III"]) if (not female and r.random() < 0.06) else None
        p.name = fullname(p)
        p.variants = [f"{g} {s}"] if (p.mi or p.suffix) else []
        p.email = P.new_email(c, g, s, US_DOM)
        p.email2 = P.new_email(c, g, s, US_DOM) if r.random() < 0.08 else None
        p.phone = P.new_phone(c, "US") if r.random() < 0.3 else None
        p.dob = P.dob(r, 1935, 2001)
        p.pps = f"PPS-{r.randint(1000000, 9999999)}"
        p.controllers = [PHARM]
        pats.append(p)
    # households: a second adult with the same inbox
    house = []
    for k in range(10):
        a = pats[k * 9 + 2]
        g, s, _ = P.pick_name(c, "us", not a.female)
        c.used_names.discard(f"{g} {s}")
        s = a.surname
        c.used_names.add(f"{g} {s}")
        b = c.person("", "en", given=g, surname=s, female=not a.female)
        b.mi = r.choice("ABCDEFGH") if r.random() < 0.4 else None
        b.suffix = None
        b.name = fullname(b)
        b.variants = [f"{g} {s}"] if b.mi else []
        b.email, b.email2, b.phone, b.dob = a.email, None, None, P.dob(r, 1935, 2001)
        b.pps = f"PPS-{r.randint(1000000, 9999999)}"
        b.controllers = [PHARM]
        a.note = b.note = "household: shares an inbox"
        c.households["email:" + a.email] = "household"
        house.append((a, b))
        pats.append(b)
    c.extra["household_emails"] = [a.email for a, _ in house]
    # namesakes: same name, different e-mails
    for k in range(3):
        a = pats[k * 13 + 5]
        b = c.person(a.name, "en", given=a.given, surname=a.surname, female=a.female)
        b.mi, b.suffix, b.variants = a.mi, a.suffix, list(a.variants)
        b.email = P.new_email(c, a.given, a.surname, US_DOM)
        b.email2, b.phone, b.dob = None, None, P.dob(r, 1935, 2001)
        b.pps = f"PPS-{r.randint(1000000, 9999999)}"
        b.controllers = [PHARM]
        a.note = b.note = "namesake pair (same name, different e-mails)"
        pats.append(b)
    hh_second = {id(b) for _, b in house}
    for p in pats:
        p.w = r.random()
    auth0_set = [p for p in pats if id(p) not in hh_second and p.w < 0.72]
    cf_only = [p for p in pats if 0.72 <= p.w < 0.77 and id(p) not in hh_second]
    gl_only = [p for p in pats if 0.77 <= p.w < 0.80 and id(p) not in hh_second]

    def win(rng_):
        d0 = datetime.datetime(2014, 7, 18)
        return d0 + datetime.timedelta(seconds=rng_.randint(0, int((datetime.datetime(2023, 1, 11) - d0).total_seconds())))

    # ------------------------------------------------------------ Auth0 export
    doc = "auth0/users-export-2023-01-12T04-10-33.json.gz"
    lines = []
    email_only = []
    for k in range(r.randint(22, 28)):
        g, s, _ = P.pick_name(c, "us", r.random() < 0.5)
        c.used_names.discard(f"{g} {s}")
        q = c.person("", "en")
        q.email = P.new_email(c, g, s, US_DOM)
        q.controllers = [PHARM]
        q.note = "account with an e-mail only"
        email_only.append(q)
    rows = [(p, False) for p in auth0_set] + [(q, True) for q in email_only]
    rows.sort(key=lambda x: x[0].email)
    for p, eo in rows:
        created = win(r)
        raw = p.email
        x = r.random()
        if x < 0.2:
            raw = p.email.capitalize()
        elif x < 0.25:
            raw = p.email.upper()
        u = {"user_id": f"auth0|{r.getrandbits(96):024x}", "email": raw, "email_verified": r.random() < 0.7}
        c.ident(p, "email", p.email, raw, doc, "email")
        if eo:
            u["name"] = raw
            u["nickname"] = raw.split("@")[0]
        else:
            u["given_name"] = p.given
            u["family_name"] = p.surname
            u["name"] = fullname(p) if r.random() < 0.8 else f"{p.given} {p.surname}"
            u["nickname"] = raw.split("@")[0]
            c.nm(p, doc, "name", u["name"])
            um = {}
            if p.mi:
                um["middle_initial"] = p.mi
            if p.suffix:
                um["suffix"] = p.suffix
            if um:
                u["user_metadata"] = um
            u["app_metadata"] = {"pps_patient_id": p.pps, "migrated_from": "pps", "migration_batch": r.randint(1, 40)}
            c.opt(p, "health_data", doc, "app_metadata.pps_patient_id")
        u["created_at"] = created.strftime("%Y-%m-%dT%H:%M:%S.") + f"{r.randint(0, 999):03d}Z"
        u["updated_at"] = "2023-01-11T22:0%d:%02d.000Z" % (r.randint(0, 9), r.randint(0, 59))
        u["logins_count"] = r.randint(0, 300)
        u["identities"] = [{"connection": "Username-Password-Authentication", "provider": "auth0", "isSocial": False,
                            "user_id": u["user_id"].split("|")[1]}]
        lines.append(json.dumps(u, ensure_ascii=False))
    for k in range(3):
        em = ["ops.admin@freshmart.example.com", "migration-bot@freshmart.example.com", "qa+pps01@freshmart.example.com"][k]
        lines.insert(r.randint(0, len(lines)), json.dumps({"user_id": f"auth0|{r.getrandbits(96):024x}", "email": em,
                                                           "email_verified": True, "name": em, "nickname": em.split("@")[0],
                                                           "app_metadata": {"roles": ["admin"] if k == 0 else ["service"]},
                                                           "created_at": "2014-07-01T12:00:00.000Z", "logins_count": 999}))
        c.decoy("staff_email", em, doc, "email")
    c.add_gzip(doc, "\n".join(lines) + "\n")

    # ------------------------------------------------------------ CloudFront logs
    cf = r.sample(auth0_set, 60) + cf_only
    cf.sort(key=lambda p: p.tid)
    r.shuffle(cf)
    nfiles = 12
    groups = [cf[i::nfiles] for i in range(nfiles)]
    for gi, grp in enumerate(groups):
        hour = datetime.datetime(2014, 7, 18, 10) + datetime.timedelta(days=int(gi * (3100 / nfiles)), hours=r.randint(0, 12))
        doc = f"cloudfront/E2QWRUHAPOMQZL.{hour:%Y-%m-%d-%H}.{r.getrandbits(32):08x}.gz"
        out = ["#Version: 1.0",
               "#Fields: date time x-edge-location sc-bytes c-ip cs-method cs(Host) cs-uri-stem sc-status cs(Referer) "
               "cs(User-Agent) cs-uri-query cs(Cookie) x-edge-result-type x-edge-request-id x-host-header cs-protocol "
               "cs-bytes time-taken x-forwarded-for ssl-protocol ssl-cipher x-edge-response-result-type "
               "cs-protocol-version fle-status fle-encrypted-fields c-port time-to-first-byte x-edge-detailed-result-type "
               "sc-content-type sc-content-len sc-range-start sc-range-end"]
        t = hour
        for p in grp:
            t += datetime.timedelta(seconds=r.randint(1, 300))
            q = urllib.parse.urlencode({"email": p.email, "first": p.given, "last": p.surname})
            q = urllib.parse.quote(q, safe="=&")
            ip = f"198.51.100.{r.randint(1, 254)}"
            ua = urllib.parse.quote("Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36", safe="/;()")
            out.append("\t".join([f"{t:%Y-%m-%d}", f"{t:%H:%M:%S}", r.choice(["SEA19-C1", "PDX50-C1", "SFO5-C3"]),
                                  str(r.randint(900, 2400)), ip, "GET", "d1x2y3z4example.cloudfront.net",
                                  "/api/v1/accounts/lookup", "200", "https://www.freshmart.example.com/pharmacy/link",
                                  ua, q, "-", r.choice(["Miss", "RefreshHit"]),
                                  f"{r.getrandbits(160):040x}"[:56], "www.freshmart.example.com", "https",
                                  str(r.randint(300, 700)), f"0.{r.randint(10, 999):03d}", "-", "TLSv1.2",
                                  "ECDHE-RSA-AES128-GCM-SHA256", "Miss", "HTTP/1.1", "-", "-", str(r.randint(40000, 65000)),
                                  f"0.{r.randint(10, 999):03d}", "Miss", "application/json", str(r.randint(300, 900)), "-", "-"]))
            c.ident(p, "email", p.email, p.email, doc, "cs-uri-query email")
            c.nm(p, doc, "cs-uri-query first/last", "first=" + p.given, "last=" + p.surname)
            c.opt(p, "health_data", doc, "cs-uri-query")
            if r.random() < 0.3:
                out.append("\t".join([f"{t:%Y-%m-%d}", f"{t:%H:%M:%S}", "SEA19-C1", "512", ip, "GET",
                                      "d1x2y3z4example.cloudfront.net", "/static/js/app.min.js", "304", "-", ua, "-", "-",
                                      "Hit", f"{r.getrandbits(160):040x}"[:56], "www.freshmart.example.com", "https", "310",
                                      "0.002", "-", "TLSv1.2", "ECDHE-RSA-AES128-GCM-SHA256", "Hit", "HTTP/1.1", "-", "-",
                                      str(r.randint(40000, 65000)), "0.001", "Hit", "-", "-", "-", "-"]))
        c.add_gzip(doc, "\n".join(out) + "\n", views=("pct",))

    # ------------------------------------------------------------ Mailgun events
    mg = [p for p in pats if not (0.72 <= p.w < 0.80) or id(p) in hh_second]
    mg.sort(key=lambda p: (p.email, p.tid))
    page_size = 100
    for pg in range(0, (len(mg) + page_size - 1) // page_size):
        doc = f"mailgun/events_{pg + 1:03d}.json"
        items = []
        for p in mg[pg * page_size:(pg + 1) * page_size]:
            t = win(r)
            disp = fullname(p) if r.random() < 0.7 else f"{p.given} {p.surname}"
            to_raw = p.email if r.random() < 0.7 else p.email.capitalize()
            mid = f"{t:%Y%m%d%H%M%S}.{r.getrandbits(40):010x}@mg.freshmart.example.com"
            ev = r.choices(["delivered", "opened", "failed"], [70, 22, 8])[0]
            it = {"event": ev, "timestamp": round(epoch(t) + r.random(), 3), "id": f"{r.getrandbits(64):016x}",
                  "log-level": "error" if ev == "failed" else "info", "recipient": p.email,
                  "recipient-domain": p.email.split("@")[1], "tags": ["pps-migration"],
                  "envelope": {"sender": f"bounce+{r.getrandbits(24):06x}@mg.freshmart.example.com",
                               "transport": "smtp", "targets": p.email},
                  "message": {"headers": {"to": f"\"{disp}\" <{to_raw}>", "message-id": mid,
                                          "from": f"{GROCER} Pharmacy <no-reply@freshmart.example.com>",
                                          "subject": "Your Parcel Rx prescriptions are moving to FreshMart Pharmacy"},
                              "attachments": [], "size": r.randint(9000, 30000)},
                  "user-variables": {"patient_id": p.pps}}
            if ev == "failed":
                it["severity"] = r.choice(["permanent", "temporary"])
                it["delivery-status"] = {"code": 550, "message": "5.1.1 The email account that you tried to reach does not exist"}
            else:
                it["delivery-status"] = {"code": 250, "message": "OK", "tls": True}
            items.append(it)
            c.ident(p, "email", p.email, p.email, doc, "recipient")
            c.ident(p, "email", p.email, to_raw, doc, "message.headers.to")
            c.nm(p, doc, "message.headers.to", disp)
            c.opt(p, "health_data", doc, "subject")
        body = {"items": items, "paging": {
            "next": f"https://api.mailgun.net/v3/mg.freshmart.example.com/events/W3siYiI6ICIyMDIzLTAxLTEx{pg + 2:03d}",
            "previous": f"https://api.mailgun.net/v3/mg.freshmart.example.com/events/W3siYiI6ICIyMDE0LTA3LTE4{pg:03d}",
            "first": "https://api.mailgun.net/v3/mg.freshmart.example.com/events/W3siYiI6ICIyMDE0LTA3LTE4LCJwIjp0cnVlfV0=",
            "last": "https://api.mailgun.net/v3/mg.freshmart.example.com/events/W3siYiI6ICIyMDIzLTAxLTExLCJwIjpmYWxzZX1d"}}
        c.add(doc, dump_json(body, indent=2) + "\n")

    # ------------------------------------------------------------ Google Contacts CSV
    doc = "support/contacts.csv"
    hdr = ["Name", "Given Name", "Additional Name", "Family Name", "Yomi Name", "Given Name Yomi", "Additional Name Yomi",
           "Family Name Yomi", "Name Prefix", "Name Suffix", "Initials", "Nickname", "Short Name", "Maiden Name",
           "Birthday", "Gender", "Location", "Billing Information", "Directory Server", "Mileage", "Occupation", "Hobby",
           "Sensitivity", "Priority", "Subject", "Notes", "Language", "Photo", "Group Membership", "E-mail 1 - Type",
           "E-mail 1 - Value", "Phone 1 - Type", "Phone 1 - Value", "Organization 1 - Type", "Organization 1 - Name",
           "Organization 1 - Title"]
    out = [",".join(hdr)]
    gc = [p for p in pats if p.phone and p.name] + r.sample([p for p in pats if not p.phone and p.name], 30)
    gc.sort(key=lambda p: (p.surname, p.given, p.tid))
    for p in gc:
        row = {h: "" for h in hdr}
        row["Name"] = fullname(p, suffix=True)
        row["Given Name"], row["Family Name"] = p.given, p.surname
        row["Additional Name"] = f"{p.mi}." if p.mi else ""
        row["Name Suffix"] = p.suffix or ""
        c.nm(p, doc, "Name", fullname(p, suffix=True))
        if r.random() < 0.4:
            row["Birthday"] = p.dob.isoformat()
            c.el(p, "date_of_birth", doc, "Birthday", p.dob.isoformat())
        ems = [p.email] + ([p.email2] if p.email2 else [])
        raw = " ::: ".join(ems)
        row["E-mail 1 - Type"] = "* Home" if len(ems) == 1 else "* Home ::: Other"
        row["E-mail 1 - Value"] = raw
        for e in ems:
            c.ident(p, "email", e, e, doc, "E-mail 1 - Value")
        if p.phone:
            row["Phone 1 - Type"] = "Mobile"
            row["Phone 1 - Value"] = P.render_phone(p.phone, r.choice(["paren", "dash", "intl", "dot", "one"]))
            c.ident(p, "phone", p.phone, row["Phone 1 - Value"], doc, "Phone 1 - Value")
        row["Notes"] = r.choice(["Called about refill transfer", "Wants paper statements", "Asked about FreshMart account link",
                                 "Callback requested re: migration e-mail"])
        row["Group Membership"] = "PPS patients ::: * myContacts"
        c.opt(p, "health_data", doc, "Group Membership")
        out.append(",".join('"' + v.replace('"', '""') + '"' if ("," in v or '"' in v) else v for v in row.values()))
    staff = []
    for k in range(5):
        g, s, _ = P.pick_name(c, "us", r.random() < 0.5)
        em = f"{g.lower()}.{s.lower().replace(' ', '').replace('.', '')}@freshmart.example.com".replace("'", "")
        tel = P.new_phone(c, "US")
        staff.append((g, s, em))
        row = {h: "" for h in hdr}
        row.update({"Name": f"{g} {s}", "Given Name": g, "Family Name": s, "Group Membership": "Coworkers ::: * myContacts",
                    "E-mail 1 - Type": "* Work", "E-mail 1 - Value": em, "Phone 1 - Type": "Work",
                    "Phone 1 - Value": P.render_phone(tel, "dash"), "Organization 1 - Type": "",
                    "Organization 1 - Name": f"{GROCER} Pharmacy", "Organization 1 - Title": "Patient Care Specialist"})
        out.append(",".join('"' + v.replace('"', '""') + '"' if ("," in v or '"' in v) else v for v in row.values()))
        c.decoy("staff_email", em, doc, "E-mail 1 - Value")
        c.decoy("staff_phone", P.render_phone(tel, "dash"), doc, "Phone 1 - Value")
    c.add(doc, "\n".join(out) + "\n")

    # ------------------------------------------------------------ GitLab project export issues.ndjson
    base = "gitlab/2023-01-13_pps-account-migration_export/tree/project"
    doc = base + "/issues.ndjson"
    titles = ["Duplicate accounts for shared household inbox", "Welcome e-mail shows another patient's name",
              "Lookup endpoint returns profile without auth", "Bounce list after batch {b}", "Name suffix dropped on import",
              "Middle initial duplicated in display name", "Patients report receiving someone else's link"]
    pool = gl_only + r.sample([p for p in pats if p.name and p not in gl_only], 50)
    r.shuffle(pool)
    issues = []
    iid = 0
    while pool:
        iid += 1
        k = r.randint(4, 9)
        take, pool = pool[:k], pool[k:]
        t = r.choice(titles).format(b=r.randint(1, 40))
        table = ["| Patient | E-mail | PPS id |", "|---|---|---|"]
        for p in take:
            table.append(f"| {fullname(p)} | `{p.email}` | {p.pps} |")
            c.nm(p, doc, "description (table)", fullname(p))
            c.ident(p, "email", p.email, p.email, doc, "description (table)")
        desc = (f"Seen in prod after the migration run of {r.randint(1, 28)} Dec 2022.\n\nAffected accounts:\n\n" +
                "\n".join(table) + "\n\n/cc @" + staff[iid % 5][0].lower())
        created = datetime.datetime(2022, 12, r.randint(1, 31), r.randint(8, 18), r.randint(0, 59))
        issues.append({"title": t, "author_id": 10 + iid % 5, "project_id": 41, "created_at": created.isoformat() + ".000Z",
                       "updated_at": created.isoformat() + ".000Z", "description": desc, "state": r.choice(["opened", "closed"]),
                       "iid": iid, "confidential": False, "weight": None, "discussion_locked": None,
                       "label_links": [{"label": {"title": "pii", "color": "#d9534f"}}, {"label": {"title": "migration"}}],
                       "notes": [{"note": f"Reproduced. The lookup endpoint echoes `{take[0].email}` back with the full name.",
                                  "noteable_type": "Issue", "author_id": 10 + (iid + 1) % 5,
                                  "created_at": (created + datetime.timedelta(hours=2)).isoformat() + ".000Z",
                                  "system": False}],
                       "events": [], "timelogs": [], "issue_assignees": [{"user_id": 10 + (iid + 2) % 5}]})
    c.add(doc, "\n".join(json.dumps(i, ensure_ascii=False) for i in issues) + "\n", views=("json",))
    mem = []
    for k, (g, s, em) in enumerate(staff):
        mem.append(json.dumps({"access_level": 30 if k else 40, "source_type": "Project", "user_id": 10 + k,
                               "user": {"id": 10 + k, "public_email": em, "username": f"{g.lower()}.{s.lower()}"}}))
    c.add(base + "/project_members.ndjson", "\n".join(mem) + "\n")
    c.add(base + "/project.json", dump_json({"description": "FreshMart ⇄ Parcel Rx account migration",
                                              "visibility_level": 0, "archived": False}) + "\n")
    # households' second members and anybody not exposed yet: they are all in Mailgun
    for p in pats:
        if not p.req:
            raise RuntimeError(f"{p.tid} not exposed")
    c.extra["exposure_window"] = {"from": "2014-07-18", "to": "2023-01-11"}
    c.extra["pharmacy"] = PHARM
    return c
