"""Case 5: mail-order pharmacy account migration (USA): names and e-mails exposed 2014-07 … 2023-01.

Shapes: a SQL Server `bcp … queryout -c -t"|"` data file (header-less, windows-1252, CRLF) with its XML format file
(`<BCPFORMAT>` FIELD/COLUMN) that alone names the columns; SCIM 2.0 `/Users` ListResponse pages of the grocer's
identity system (`name.givenName/middleName/familyName/honorificSuffix`, `emails[]`, `phoneNumbers[]` as `tel:`
URIs); a WARC 1.0 web archive (`.warc.gz`, one gzip member per record, `warcinfo`/`request`/`response` records
with HTTP headers) of the public account-directory pages; ANSI X12 270 eligibility inquiries (005010X279A1,
`NM1*IL`, `DMG*D8`, `N3`/`N4`; one file with a newline after each `~`, one on a single line); a Postfix mail log
of the welcome mails (`to=<…>`, `status=sent|deferred|bounced`).
"""
import base64
import datetime as dt
import hashlib
import json

import people
from common import gzip_bytes
from shared import check

SLUG = "us_pharmacy_migration"
DESCRIPTION = "Mail-order pharmacy (US) whose patients' names and e-mails were exposed during an account migration"
CTRL = "Postal Rx Services (mail-order pharmacy)"
SUFFIXES = ["Jr.", "Sr.", "II", "III"]


def full_name(p):
    s = p.given + (f" {p.mi}." if p.mi else "") + f" {p.surname}" + (f" {p.suffix}" if p.suffix else "")
    return s


def build(case):
    rng = case.rng
    case.extra["controller"] = CTRL
    case.extra["exposure_window"] = {"from": "2014-07-18", "to": "2023-01-11",
                                     "note": "first and last capture of the public account directory in the WARC file"}
    pats = []
    n = rng.randint(560, 600)
    for i in range(n):
        p = people.new_person(case, "us", y0=1935, y1=2003)
        setup(case, p, i)
        pats.append(p)
    for h in rng.sample(pats, 10):
        q = people.new_person(case, "us", female=not h.female, y0=1940, y1=2000, surname=h.surname)
        setup(case, q, len(pats))
        q.email = h.email
        case.household_emails[h.email] = [h.tid, q.tid]
        h.note(f"shares the inbox {h.email} with {q.tid}")
        q.note(f"gave the household inbox {h.email} of {h.tid}")
        pats.append(q)
    for p in rng.sample(pats, 7):
        s = p.surname
        if len(s) > 4 and " " not in s and "'" not in s:
            i = rng.randint(1, len(s) - 3)
            p.typo = s[:i] + s[i + 1] + s[i] + s[i + 2:]
    pats.sort(key=lambda p: p.patno)
    only_mail = []
    for _ in range(rng.randint(36, 44)):
        q = people.Person(case, "en", name="")
        q.controllers.append(CTRL)
        g, s, _c = people.pick_name(case, "us", rng.random() < 0.5)
        case.used_names.discard(people.name_tokens(f"{g} {s}"))
        q.email = people.email(case, people.fold(g).replace("'", ""), people.fold(s).replace("'", "").replace(" ", ""))
        q.note("known only from a welcome-mail line in the Postfix log")
        only_mail.append(q)
    in_bcp = [p for p in pats if rng.random() < 0.92]
    bcp(case, in_bcp)
    scim(case, [p for p in pats if rng.random() < 0.7])
    warc(case, pats, in_bcp)
    x12(case, [p for p in in_bcp if p.dob_known])
    maillog(case, pats, only_mail)


def setup(case, p, i):
    rng = case.rng
    p.patno = 100000 + i * 7 + rng.randint(0, 6)
    p.mi = chr(rng.randint(65, 90)) if rng.random() < 0.45 else None
    p.suffix = rng.choice(SUFFIXES) if (not p.female and rng.random() < 0.06) else None
    p.name = full_name(p)
    for v in (f"{p.given} {p.surname}", f"{p.given} {p.mi}. {p.surname}" if p.mi else None,
              f"{p.given} {p.surname} {p.suffix}" if p.suffix else None):
        if v:
            p.variant(v)
    p.email = people.email(case, people.fold(p.given).replace("'", ""), people.fold(p.surname).replace("'", "").replace(" ", ""))
    p.dob_known = rng.random() < 0.7
    p.phone = people.phone(case, "US") if rng.random() < 0.25 else None
    p.addr = people.us_address(rng)
    p.typo = None
    p.controllers.append(CTRL)


def _check_written(p, parts):
    from common import name_tokens
    full = " ".join(parts)
    if name_tokens(full) != name_tokens(p.name) and all(name_tokens(full) != name_tokens(v) for v in p.variants):
        p.variant(full)


# ---------------------------------------------------------------- bcp data file + XML format file

def bcp(case, pats):
    rng = case.rng
    doc = "bcp/pps_patient_export_20230112.dat"
    fmtdoc = "bcp/pps_patient_export_20230112.fmt"
    cols = [("PATIENT_NO", "SQLINT", 12), ("LAST_NAME", "SQLVARYCHAR", 60), ("FIRST_NAME", "SQLVARYCHAR", 40),
            ("MIDDLE_INIT", "SQLCHAR", 1), ("NAME_SUFFIX", "SQLVARYCHAR", 10), ("EMAIL_ADDR", "SQLVARYCHAR", 254),
            ("BIRTH_DATE", "SQLDATE", 11), ("CREATED_DT", "SQLDATETIME", 24), ("PHARMACY_ID", "SQLINT", 12)]
    F = ['<?xml version="1.0"?>',
         '<BCPFORMAT xmlns="http://schemas.microsoft.com/sqlserver/2004/bulkload/format" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">',
         " <RECORD>"]
    for i, (c, t, w) in enumerate(cols):
        term = "\\r\\n" if i == len(cols) - 1 else "|"
        coll = ' COLLATION="SQL_Latin1_General_CP1_CI_AS"' if t in ("SQLVARYCHAR", "SQLCHAR") else ""
        F.append(f'  <FIELD ID="{i + 1}" xsi:type="CharTerm" TERMINATOR="{term}" MAX_LENGTH="{w}"{coll}/>')
    F += [" </RECORD>", " <ROW>"]
    for i, (c, t, w) in enumerate(cols):
        F.append(f'  <COLUMN SOURCE="{i + 1}" NAME="{c}" xsi:type="{t}"' + (' NULLABLE="YES"' if c not in ("PATIENT_NO",) else "") + "/>")
    F += [" </ROW>", "</BCPFORMAT>", ""]
    case.put(fmtdoc, "\r\n".join(F), "utf-8")
    rows = []
    for p in pats:
        upper = rng.random() < 0.4
        typo = p.typo is not None
        last = (p.typo or p.surname)
        first, mi, suf = p.given, p.mi or "", p.suffix or ""
        if upper:
            last, first, mi, suf = last.upper(), first.upper(), mi.upper(), suf.upper()
        em = p.email if rng.random() < 0.8 else (p.email.upper() if rng.random() < 0.3 else " " + p.email)
        created = dt.datetime(2014, 7, 18, 9) + dt.timedelta(minutes=rng.randint(0, 6 * 24 * 60))
        dob = f"{p.dob:%Y-%m-%d}" if p.dob_known else ""
        rows.append("|".join([str(p.patno), last, first, mi, suf, em, dob, f"{created:%Y-%m-%d %H:%M:%S}.000", str(rng.choice([7, 7, 12, 31]))]))
        parts = [last, first] + ([mi] if mi else []) + ([suf] if suf else [])
        _check_written(p, parts)
        p.named(doc, parts, "LAST_NAME+FIRST_NAME+MIDDLE_INIT+NAME_SUFFIX")
        p.ident("email", p.email, em, doc, "EMAIL_ADDR")
        if dob:
            p.el("date_of_birth", doc, "BIRTH_DATE", ev=dob)
        p.el("health_data", doc, "(pharmacy patient list)", optional=True)
        if typo:
            p.note(f"surname mistyped as {p.typo!r} in the bcp export, correct elsewhere")
    case.put(doc, ("\r\n".join(rows) + "\r\n").encode("cp1252"), "cp1252")


# ---------------------------------------------------------------- SCIM 2.0 ListResponse pages

def scim(case, pats):
    rng = case.rng
    pats = sorted(pats, key=lambda p: p.email + p.tid)
    total = len(pats)
    seen_user = set()
    for start in range(0, total, 100):
        doc = f"scim/Users_startIndex={start + 1:04d}.json"
        res = []
        for p in pats[start:start + 100]:
            uid = "-".join(x[a:b] for a, b in ((0, 8), (8, 12), (12, 16), (16, 20), (20, 32)) for x in [f"{rng.getrandbits(128):032x}"])
            user = p.email if p.email not in seen_user else f"{people.fold(p.given).lower()}{people.fold(p.surname).lower().replace(' ', '').replace(chr(39), '')}.pps{p.patno}"
            seen_user.add(p.email)
            formatted = full_name(p)
            r = {"schemas": ["urn:ietf:params:scim:schemas:core:2.0:User",
                             "urn:ietf:params:scim:schemas:extension:enterprise:2.0:User"],
                 "id": uid, "externalId": f"PPS-{p.patno}", "userName": user,
                 "name": {"formatted": formatted, "familyName": p.surname, "givenName": p.given, "middleName": p.mi,
                          "honorificSuffix": p.suffix},
                 "displayName": f"{p.given} {p.surname}", "emails": [{"value": p.email, "type": "home", "primary": True}]}
            if p.phone:
                n = p.phone["nsn"]
                r["phoneNumbers"] = [{"value": f"tel:+1-{n[:3]}-{n[3:6]}-{n[6:]}", "type": "mobile"}]
                p.ident("phone", p.phone["e164"], r["phoneNumbers"][0]["value"], doc, "phoneNumbers[].value")
            r["active"] = rng.random() < 0.93
            r["urn:ietf:params:scim:schemas:extension:enterprise:2.0:User"] = {"employeeNumber": None, "organization": "Postal Rx"}
            created = dt.datetime(2022, 11, 1) + dt.timedelta(minutes=rng.randint(0, 70 * 24 * 60))
            r["meta"] = {"resourceType": "User", "created": f"{created:%Y-%m-%dT%H:%M:%S}Z", "lastModified": f"{created:%Y-%m-%dT%H:%M:%S}Z",
                         "location": f"https://id.grocer.example.com/scim/v2/Users/{uid}", "version": f'W/"{rng.randint(1, 9)}"'}
            res.append(r)
            p.named(doc, [formatted], "name.formatted")
            p.ident("email", p.email, p.email, doc, "emails[].value")
            if user == p.email:
                p.ident("email", p.email, p.email, doc, "userName")
        body = {"schemas": ["urn:ietf:params:scim:api:messages:2.0:ListResponse"], "totalResults": total, "startIndex": start + 1,
                "itemsPerPage": len(res), "Resources": res}
        case.put(doc, json.dumps(body, ensure_ascii=False, indent=2) + "\n", "utf-8", views=("json",))


# ---------------------------------------------------------------- WARC web archive

def warc(case, pats, in_bcp):
    rng = case.rng
    gzname = "webarchive/pps-account-directory-2014-2023.warc.gz"
    inner = "pps-account-directory-2014-2023.warc"
    caps = [dt.datetime(2014, 7, 18, 14, 2, 11), dt.datetime(2015, 3, 2, 8, 41, 7), dt.datetime(2016, 11, 23, 19, 3, 55),
            dt.datetime(2018, 5, 9, 2, 17, 40), dt.datetime(2019, 8, 30, 12, 0, 1), dt.datetime(2020, 12, 14, 6, 44, 29),
            dt.datetime(2021, 10, 2, 21, 30, 12), dt.datetime(2022, 6, 17, 10, 5, 58), dt.datetime(2023, 1, 11, 23, 48, 3)]
    shown = [p for p in pats if rng.random() < 0.55 or p not in in_bcp]
    rng.shuffle(shown)
    pages = [shown[i:i + 40] for i in range(0, len(shown), 40)]
    members = []
    records_text = []

    def uuid():
        h = f"{rng.getrandbits(128):032x}"
        return f"<urn:uuid:{h[:8]}-{h[8:12]}-{h[12:16]}-{h[16:20]}-{h[20:]}>"

    def record(headers, block):
        head = "WARC/1.0\r\n" + "".join(f"{k}: {v}\r\n" for k, v in headers) + f"Content-Length: {len(block)}\r\n\r\n"
        rec = head.encode("utf-8") + block + b"\r\n\r\n"
        members.append(gzip_bytes(rec))
        records_text.append(rec)

    info = ("software: Heritrix/3.4.0\r\nhostname: crawl-07\r\nformat: WARC File Format 1.0\r\n"
            "description: capture of pharmacy.example.com/account/directory (public, no login)\r\n").encode()
    record([("WARC-Type", "warcinfo"), ("WARC-Date", "2014-07-18T14:02:11Z"), ("WARC-Filename", inner + ".gz"),
            ("WARC-Record-ID", uuid()), ("Content-Type", "application/warc-fields")], info)
    for pi, page in enumerate(pages):
        when = caps[pi % len(caps)] + dt.timedelta(minutes=pi)
        url = f"https://pharmacy.example.com/account/directory?page={pi + 1}"
        req = (f"GET /account/directory?page={pi + 1} HTTP/1.1\r\nHost: pharmacy.example.com\r\n"
               "User-Agent: Mozilla/5.0 (compatible; archive.org_bot +http://archive.org/details/archive.org_bot)\r\n\r\n").encode()
        rid = uuid()
        rows = []
        for p in page:
            parts = [p.surname + ",", p.given] + ([p.mi + "."] if p.mi else []) + ([p.suffix] if p.suffix else [])
            nm = " ".join(parts)
            em = p.email.replace("@", "&#64;") if rng.random() < 0.35 else p.email
            rows.append(f"<tr><td>{nm.replace('&', '&amp;')}</td><td><a href=\"mailto:{em}\">{em}</a></td><td>{rng.choice(['Migrated', 'Pending', 'Migrated'])}</td></tr>")
            p.named(f"{gzname}!/{inner}", [nm], "td[Patient]")
            p.ident("email", p.email, p.email, f"{gzname}!/{inner}", "td[E-mail]")
            p.el("health_data", f"{gzname}!/{inner}", "(pharmacy patient directory)", optional=True)
        html = ("<!DOCTYPE html>\n<html><head><meta charset=\"utf-8\"><title>Account migration – patient directory</title></head>\n"
                "<body><h1>Postal Rx – account migration status</h1>\n<p>Patients whose accounts were moved to the grocer's "
                "online pharmacy.</p>\n<table class=\"dir\"><tr><th>Patient</th><th>E-mail</th><th>Status</th></tr>\n" +
                "\n".join(rows) + f"\n</table>\n<p><a href=\"?page={pi + 2}\">next</a> · Questions: "
                "<a href=\"mailto:webmaster@pharmacy.example.com\">webmaster@pharmacy.example.com</a></p>\n</body></html>\n").encode("utf-8")
        http = (f"HTTP/1.1 200 OK\r\nDate: {when:%a, %d %b %Y %H:%M:%S} GMT\r\nServer: Apache/2.2.15 (CentOS)\r\n"
                f"Content-Type: text/html; charset=utf-8\r\nContent-Length: {len(html)}\r\n\r\n").encode() + html
        digest = base64.b32encode(hashlib.sha1(html).digest()).decode()
        record([("WARC-Type", "response"), ("WARC-Record-ID", rid), ("WARC-Warcinfo-ID", "<urn:uuid:00000000-0000-0000-0000-000000000000>"),
                ("WARC-Date", f"{when:%Y-%m-%dT%H:%M:%S}Z"), ("WARC-Target-URI", url), ("WARC-IP-Address", "192.0.2.44"),
                ("WARC-Payload-Digest", f"sha1:{digest}"), ("Content-Type", "application/http;msgtype=response")], http)
        record([("WARC-Type", "request"), ("WARC-Record-ID", uuid()), ("WARC-Date", f"{when:%Y-%m-%dT%H:%M:%S}Z"),
                ("WARC-Target-URI", url), ("WARC-Concurrent-To", rid), ("Content-Type", "application/http;msgtype=request")], req)
    case.decoy("role_mailbox", "webmaster@pharmacy.example.com", f"{gzname}!/{inner}", "footer")
    case.put(f"{gzname}!/{inner}", b"".join(records_text), "utf-8", views=("xml",), disk=False)
    case.put(gzname, b"".join(members), "binary")


# ---------------------------------------------------------------- X12 270 eligibility inquiries

def npi(rng):
    while True:
        base = "1" + "".join(str(rng.randint(0, 9)) for _ in range(8))
        s = "80840" + base
        tot = 0
        for i, ch in enumerate(reversed(s)):
            d = int(ch) * (2 if i % 2 == 0 else 1)
            tot += d // 10 + d % 10
        v = base + str((10 - tot % 10) % 10)
        if not check.any_person_id(v):
            return v


def x12(case, pats):
    rng = case.rng
    pharm_npi = npi(rng)
    for fi, (name, when, nl) in enumerate([("270_elig_2021-06-14.x12", dt.datetime(2021, 6, 14, 9, 30), True),
                                           ("270_elig_2022-11-15.x12", dt.datetime(2022, 11, 15, 9, 30), False)]):
        doc = f"x12/{name}"
        sel = rng.sample(pats, min(len(pats), rng.randint(55, 70)))
        ctrl = f"{rng.randint(1, 999999999):09d}"
        S = [f"ISA*00*{' ' * 10}*00*{' ' * 10}*ZZ*{'POSTALRX'.ljust(15)}*ZZ*{'CLEARINGHSE01'.ljust(15)}*{when:%y%m%d}*{when:%H%M}*^*00501*{ctrl}*0*P*:",
             f"GS*HS*POSTALRX*CLEARINGHSE01*{when:%Y%m%d}*{when:%H%M}*{int(ctrl) % 10000}*X*005010X279A1",
             "ST*270*0001*005010X279A1", f"BHT*0022*13*{rng.randint(10 ** 7, 10 ** 8)}*{when:%Y%m%d}*{when:%H%M}",
             "HL*1**20*1", "NM1*PR*2*CASCADE HEALTH PLAN*****PI*842610001", "HL*2*1*21*1",
             f"NM1*1P*2*POSTAL RX SERVICES*****XX*{pharm_npi}"]
        hl = 2
        for p in sel:
            hl += 1
            mid = "W" + "".join(str(rng.randint(0, 9)) for _ in range(9))
            a = p.addr
            S.append(f"HL*{hl}*2*22*0")
            S.append(f"TRN*1*{rng.randint(10 ** 6, 10 ** 7)}-{hl:04d}*9877281234")
            last = p.surname.upper()
            S.append(f"NM1*IL*1*{last}*{p.given.upper()}*{p.mi or ''}**{(p.suffix or '').upper().replace('.', '')}*MI*{mid}")
            street = a["street"].upper()
            unit = ""
            if " APT " in street:
                street, unit = street.split(" APT ")
                unit = "APT " + unit
            S.append(f"N3*{street}" + (f"*{unit}" if unit else ""))
            S.append(f"N4*{a['city'].upper()}*{a['state']}*{a['zip']}")
            S.append(f"DMG*D8*{p.dob:%Y%m%d}*{'F' if p.female else 'M'}")
            S.append(f"DTP*291*D8*{when:%Y%m%d}")
            S.append("EQ*88")
            parts = [last, p.given.upper()] + ([p.mi] if p.mi else []) + ([(p.suffix or "").upper().replace(".", "")] if p.suffix else [])
            _check_written(p, parts)
            p.named(doc, parts, "NM1*IL")
            p.el("date_of_birth", doc, "DMG*D8", ev=f"DMG*D8*{p.dob:%Y%m%d}")
            p.el("postal_address", doc, "N3+N4", ev=street)
            p.el("health_data", doc, "EQ*88 (pharmacy eligibility)", optional=True)
            if p is sel[0]:
                case.decoy("member_id", mid, doc, "NM1*IL*…*MI", must_fail=True, note="insurance member id")
        S.append(f"SE*{len(S) - 1}*0001")
        S += [f"GE*1*{int(ctrl) % 10000}", f"IEA*1*{ctrl}"]
        text = ("~\n".join(S) + "~\n") if nl else ("~".join(S) + "~")
        case.put(doc, text, "ascii")
        case.decoy("npi", pharm_npi, doc, "NM1*1P*…*XX", must_fail=True, note="the pharmacy's NPI")


# ---------------------------------------------------------------- Postfix mail log

def maillog(case, pats, only_mail):
    rng = case.rng
    doc = "maillog/mx2-maillog-20230112"
    sel = rng.sample(pats, 300) + only_mail
    rng.shuffle(sel)
    t = dt.datetime(2023, 1, 11, 3, 0, 0)
    L = []
    hexd = "0123456789ABCDEF"
    sent_to = set()
    for p in sel:
        t += dt.timedelta(seconds=rng.randint(1, 40))
        if p.email in sent_to:
            continue
        sent_to.add(p.email)
        qid = "".join(rng.choice(hexd) for _ in range(10))
        pid1, pid2 = rng.randint(20000, 30000), rng.randint(20000, 30000)
        ts = f"{t:%b %d %H:%M:%S}".replace(" 0", "  ", 1) if t.day < 10 else f"{t:%b %d %H:%M:%S}"
        L.append(f"{ts} mx2 postfix/pickup[{pid1}]: {qid}: uid=998 from=<no-reply>")
        L.append(f"{ts} mx2 postfix/cleanup[{pid2}]: {qid}: message-id=<{rng.getrandbits(64):016x}@pharmacy.example.com>")
        L.append(f"{ts} mx2 postfix/qmgr[1021]: {qid}: from=<no-reply@pharmacy.example.com>, size={rng.randint(8000, 14000)}, nrcpt=1 (queue active)")
        r = rng.random()
        dom = p.email.split("@")[1]
        if r < 0.88:
            st = f"status=sent (250 2.0.0 OK {rng.randint(10 ** 9, 10 ** 10)} {''.join(rng.choice('abcdefghij') for _ in range(6))})"
            dsn = "2.0.0"
        elif r < 0.96:
            st = f"status=deferred (connect to mx.{dom}[192.0.2.{rng.randint(2, 250)}]:25: Connection timed out)"
            dsn = "4.4.1"
        else:
            st = f"status=bounced (host mx.{dom}[192.0.2.{rng.randint(2, 250)}] said: 550 5.1.1 <{p.email}>: Recipient address rejected: User unknown)"
            dsn = "5.1.1"
        L.append(f"{ts} mx2 postfix/smtp[{rng.randint(20000, 30000)}]: {qid}: to=<{p.email}>, relay=mx.{dom}[192.0.2.{rng.randint(2, 250)}]:25, "
                 f"delay={rng.uniform(0.2, 3):.1f}, delays=0.1/0/{rng.uniform(0, 1):.1f}/{rng.uniform(0, 1):.1f}, dsn={dsn}, {st}")
        if dsn == "2.0.0":
            L.append(f"{ts} mx2 postfix/qmgr[1021]: {qid}: removed")
        for q in [x for x in pats + only_mail if x.email == p.email]:
            q.ident("email", q.email, q.email, doc, "to=<>")
            if q in pats:
                q.el("health_data", doc, "(pharmacy welcome mail)", optional=True)
    case.decoy("role_mailbox", "no-reply@pharmacy.example.com", doc, "from=<>")
    case.put(doc, "\n".join(L) + "\n", "ascii")
