"""Case 5: mail-order pharmacy account migration (USA): names and e-mails exposed 2014-07 … 2023-01.

Shapes: SendGrid event-webhook batches (NDJSON); a Postman v2.1 collection whose saved example responses hold patient
search results as JSON inside JSON strings; an Okta System Log export (JSON array, `target[]` users, admin actors);
a mysqldump with extended INSERTs, `\\'` escapes and an e-mail history table joined by `patient_account_id`; a zip
of the 2014 export (windows-1252 CSV, `LAST, FIRST M.`, CRLF) with a README; a PowerShell Export-Clixml of the
grocer's B2C directory users (UTF-16LE with BOM).
"""
import collections
import datetime
import json

import fmt
import people
from common import Case
from shared import check, ids

DESC = ("Postal Prescription Services-style mail-order pharmacy: when patients were given accounts at a grocery chain, "
        "names and e-mail addresses were exposed publicly from July 2014 to January 2023.")
DOMAINS = ["example.com", "example.net", "example.org", "mail.example.com", "inbox.test", "webmail.test"]


def build(seed):
    c = Case(5, "us_mailorder_pharmacy", seed, DESC)
    r = c.rng
    u = people.Uniq(r)
    nm = people.NameMaker(r)
    c.extra["exposure_window"] = {"from": "2014-07-18", "to": "2023-01-11"}

    P = []
    for i in range(900):
        n = nm.make("us")
        mi = r.choice("ABCDEFGHJKLMNPRSTW") if r.random() < 0.35 else None
        suf = r.choice(["Jr.", "Sr.", "III"]) if (not n["female"] and r.random() < 0.05) else None
        full = n["given"] + (f" {mi}." if mi else "") + f" {n['surname']}" + (f" {suf}" if suf else "")
        p = c.person(full, "en")
        p.a.update(n)
        p.a["mi"], p.a["suf"] = mi, suf
        p.a["email"] = u.email(ids.ascii_fold(n["given"]), ids.ascii_fold(n["surname"]).replace("'", "").replace(" ", ""), DOMAINS)
        p.a["old_email"] = u.email(ids.ascii_fold(n["given"]), ids.ascii_fold(n["surname"]).replace("'", "").replace(" ", ""), DOMAINS) if r.random() < 0.12 else None
        if mi or suf:
            c.variant(p, f"{n['given']} {n['surname']}")
        if mi and suf:
            c.variant(p, f"{n['given']} {mi}. {n['surname']}")
        p.control("PPS Mail-Order Pharmacy")
        P.append(p)
    # households: a spouse uses the partner's inbox
    hh = []
    for k in range(8):
        a, b = P[100 + 2 * k], P[101 + 2 * k]
        b.a["email"] = a.a["email"]
        c.shared_keys.add("email:" + a.a["email"])
        a.notes.append(f"household inbox shared with {b.tid}")
        b.notes.append(f"household inbox shared with {a.tid}")
        hh.append((a, b))
    c.extra["household_emails"] = {a.a["email"]: [a.tid, b.tid] for a, b in hh}

    def full(p, mi=True, suf=True):
        return p.a["given"] + (f" {p.a['mi']}." if mi and p.a["mi"] else "") + f" {p.a['surname']}" + (f" {p.a['suf']}" if suf and p.a["suf"] else "")

    def remail(e):
        v = ids.render_email(r, e)
        return v if isinstance(v, str) else v[0]

    # ------------------------------------------------------------------ mysqldump
    sql_people = P[:520]
    rows, hist = [], []
    for k, p in enumerate(sql_people, 1):
        p.a["acct"] = k
        def q(s):
            return "NULL" if s is None else "'" + str(s).replace("\\", "\\\\").replace("'", "\\'") + "'"
        rows.append(f"({k},{q(p.a['given'])},{q(p.a['mi'])},{q(p.a['surname'])},{q(p.a['suf'])},{q(p.a['email'])},"
                    f"'{2014 + k % 5}-0{1 + k % 9}-{10 + k % 18} 0{k % 10}:12:00',{1 if r.random() < 0.9 else 0})")
        if p.a["old_email"]:
            hist.append(f"({len(hist) + 1},{k},{q(p.a['old_email'])},'2016-03-{1 + k % 28:02d} 10:00:00')")
    def inserts(table, vals, per=60):
        return "".join(f"INSERT INTO `{table}` VALUES " + ",".join(vals[i:i + per]) + ";\n" for i in range(0, len(vals), per))
    dump = ("-- MySQL dump 10.13  Distrib 5.7.44, for Linux (x86_64)\n--\n-- Host: pps-db-02    Database: pps_accounts\n"
            "-- ------------------------------------------------------\n-- Server version\t5.7.44-log\n\n"
            "/*!40101 SET @OLD_CHARACTER_SET_CLIENT=@@CHARACTER_SET_CLIENT */;\n/*!40101 SET NAMES utf8mb4 */;\n\n"
            "--\n-- Table structure for table `patient_account`\n--\n\nDROP TABLE IF EXISTS `patient_account`;\n"
            "CREATE TABLE `patient_account` (\n  `id` int(11) NOT NULL AUTO_INCREMENT,\n  `first_name` varchar(64) NOT NULL,\n"
            "  `middle_initial` char(1) DEFAULT NULL,\n  `last_name` varchar(64) NOT NULL,\n  `suffix` varchar(8) DEFAULT NULL,\n"
            "  `email` varchar(254) NOT NULL,\n  `created_at` datetime NOT NULL,\n  `active` tinyint(1) NOT NULL DEFAULT '1',\n"
            "  PRIMARY KEY (`id`)\n) ENGINE=InnoDB AUTO_INCREMENT=521 DEFAULT CHARSET=utf8mb4;\n\n"
            "LOCK TABLES `patient_account` WRITE;\n/*!40000 ALTER TABLE `patient_account` DISABLE KEYS */;\n"
            + inserts("patient_account", rows) +
            "/*!40000 ALTER TABLE `patient_account` ENABLE KEYS */;\nUNLOCK TABLES;\n\n"
            "DROP TABLE IF EXISTS `patient_email_history`;\nCREATE TABLE `patient_email_history` (\n  `id` int(11) NOT NULL AUTO_INCREMENT,\n"
            "  `patient_account_id` int(11) NOT NULL,\n  `email` varchar(254) NOT NULL,\n  `changed_at` datetime NOT NULL,\n  PRIMARY KEY (`id`),\n"
            "  KEY `fk_hist_acct` (`patient_account_id`)\n) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4;\n\n"
            "LOCK TABLES `patient_email_history` WRITE;\n" + inserts("patient_email_history", hist) + "UNLOCK TABLES;\n\n-- Dump completed on 2014-07-17 23:58:02\n")
    doc = c.file("db/pps_accounts_2014-07-17.sql", dump, "text")
    for p in sql_people:
        parts = [p.a["given"], p.a["surname"].replace("'", "\\'")] + ([p.a["mi"]] if p.a["mi"] else [])
        c.name(p, doc, full(p), "first_name+middle_initial+last_name", parts=parts)
        c.email(p, doc, p.a["email"], field="email")
        if p.a["old_email"]:
            c.email(p, doc, p.a["old_email"], field="patient_email_history.email")
            p.notes.append("older e-mail in patient_email_history (joined by patient_account_id)")

    # ------------------------------------------------------------------ zip of the 2014 export (cp1252 CSV)
    zp = P[300:650]
    lines = ['"PATIENT_NAME","EMAIL","PATIENT_SINCE","STORE_PREF"']
    zexp = []
    for p in zp:
        nmw = f"{p.a['surname'].upper()}, {p.a['given'].upper()}" + (f" {p.a['mi']}." if p.a["mi"] else "") + (f" {p.a['suf'].upper()}" if p.a["suf"] else "")
        e = remail(p.a["email"])
        lines.append(f'"{nmw}","{e}","{r.randint(1, 12):02d}/{r.randint(1, 28):02d}/{r.randint(2001, 2013)}","{r.choice(["MAIL", "MAIL", "PICKUP"])}"')
        zexp.append((p, nmw, e))
    csv_b = ("\r\n".join(lines) + "\r\n").encode("cp1252")
    readme = b"PPS patient export for account linking.\r\nGenerated 2014-07-18 by the migration job. Contact: it-migration@pps.example.com\r\n"
    zdata = fmt.zip_bytes([("pps_patients_2014-07-18.csv", csv_b), ("README.txt", readme)], time=(2014, 7, 18, 2, 0, 0))
    z = c.file("exports/pps_patients_2014-07-18.zip", zdata, "zip")
    m = c.member(z, "pps_patients_2014-07-18.csv", csv_b, "csv", "cp1252")
    c.member(z, "README.txt", readme, "text")
    c.decoy("role_mailbox", "it-migration@pps.example.com", f"{z}!/README.txt", "contact", "IT mailbox")
    for p, nmw, e in zexp:
        c.name(p, m, nmw, "PATIENT_NAME")
        c.email(p, m, p.a["email"], raw=e, field="EMAIL")

    # ------------------------------------------------------------------ Okta System Log export
    okta_people = r.sample(P, 380)
    evs = []
    t0 = datetime.datetime(2022, 12, 1, 3, 0, 0)
    for k, p in enumerate(okta_people):
        t = t0 + datetime.timedelta(seconds=k * 97 + r.randint(0, 50))
        evs.append(collections.OrderedDict([
            ("actor", {"id": "00u1svcmig0001", "type": "User", "alternateId": "svc-migration@grocer-it.example.com", "displayName": "Migration Service", "detailEntry": None}),
            ("client", {"userAgent": {"rawUserAgent": "okta-sdk-java/8.2.2", "os": "Linux", "browser": "UNKNOWN"}, "zone": "null", "ipAddress": "10.40.2.17"}),
            ("authenticationContext", {"authenticationStep": 0, "externalSessionId": "trs" + f"{r.getrandbits(64):016x}"}),
            ("displayMessage", r.choice(["Create Okta user", "Update user profile for Okta", "Add user to application membership"])),
            ("eventType", r.choice(["user.lifecycle.create", "user.account.update_profile", "application.user_membership.add"])),
            ("outcome", {"result": "SUCCESS", "reason": None}),
            ("published", t.isoformat(timespec="milliseconds") + "Z"),
            ("severity", "INFO"),
            ("target", [{"id": f"00u{r.getrandbits(56):014x}", "type": "User", "alternateId": p.a["email"],
                         "displayName": full(p, mi=False, suf=False), "detailEntry": None}]),
            ("uuid", f"{r.getrandbits(128):032x}"), ("version", "0"),
            ("debugContext", {"debugData": {"requestUri": "/api/v1/users", "legacyPharmacyId": f"PPS{r.randint(1000000, 9999999)}"}})]))
    doc = c.file("okta/system_log_2022-12.json", json.dumps(evs, indent=2) + "\n", "json")
    c.decoy("staff_email", "svc-migration@grocer-it.example.com", doc, "actor.alternateId", "service account")
    for p in okta_people:
        c.name(p, doc, full(p, mi=False, suf=False), "target.displayName")
        c.email(p, doc, p.a["email"], field="target.alternateId")

    # ------------------------------------------------------------------ Postman collection with saved example responses
    items = []
    pm_people = []
    pool = P[:]
    r.shuffle(pool)
    for k in range(16):
        res = pool[k * 9:(k + 1) * 9]
        q = res[0]
        body = {"results": [{"patientId": f"PPS{1000000 + P.index(x) * 37}", "firstName": x.a["given"], "middleInitial": x.a["mi"],
                             "lastName": x.a["surname"], "suffix": x.a["suf"], "email": x.a["email"], "pharmacyPatient": True,
                             "linkedAccount": None} for x in res], "total": len(res), "page": 1}
        items.append({"name": f"Search patients by last name ({q.a['surname']})",
                      "request": {"method": "POST", "header": [{"key": "Content-Type", "value": "application/json"},
                                                               {"key": "Authorization", "value": "Bearer {{pps_token}}"}],
                                  "body": {"mode": "raw", "raw": json.dumps({"lastName": q.a["surname"], "limit": 10}, indent=2),
                                           "options": {"raw": {"language": "json"}}},
                                  "url": {"raw": "{{pps_base}}/api/v2/patients/search", "host": ["{{pps_base}}"], "path": ["api", "v2", "patients", "search"]}},
                      "response": [{"name": "200 OK – example", "originalRequest": {"method": "POST", "url": "{{pps_base}}/api/v2/patients/search"},
                                    "status": "OK", "code": 200, "_postman_previewlanguage": "json",
                                    "header": [{"key": "Content-Type", "value": "application/json; charset=utf-8"}],
                                    "body": json.dumps(body, indent=4)}]})
        pm_people.extend(res)
    coll = {"info": {"_postman_id": "6f1e2b1c-9a55-4d2b-8f7e-2a1b3c4d5e6f", "name": "PPS ↔ Grocer account migration",
                     "schema": "https://schema.getpostman.com/json/collection/v2.1.0/collection.json"},
            "item": items, "variable": [{"key": "pps_base", "value": "https://api-staging.pps.example.com"}]}
    doc = c.file("postman/PPS-Grocer-Migration.postman_collection.json", json.dumps(coll, indent="\t", ensure_ascii=False) + "\n", "json")
    for p in pm_people:
        c.name(p, doc, full(p), "firstName+middleInitial+lastName", parts=[p.a["given"], p.a["surname"]])
        c.email(p, doc, p.a["email"], field="response.body.results[].email")

    # ------------------------------------------------------------------ PowerShell Export-Clixml of directory users (UTF-16LE)
    ad = P[600:880]
    objs = []
    for k, p in enumerate(ad):
        other = f'<Obj N="OtherMails" RefId="{2 * k + 2}"><TNRef RefId="1" /><LST><S>{fmt.x(p.a["old_email"])}</S></LST></Obj>' if p.a["old_email"] else \
                f'<Obj N="OtherMails" RefId="{2 * k + 2}"><TNRef RefId="1" /><LST /></Obj>'
        upn = p.a["email"].replace("@", "_") + "#EXT#@grocerb2c.onmicrosoft.example.com"
        objs.append(f'  <Obj RefId="{2 * k + 1}">\r\n    <TNRef RefId="0" />\r\n    <Props>\r\n'
                    f'      <S N="DisplayName">{fmt.x(full(p, mi=False, suf=False))}</S>\r\n      <S N="GivenName">{fmt.x(p.a["given"])}</S>\r\n'
                    f'      <S N="Surname">{fmt.x(p.a["surname"])}</S>\r\n      <S N="Mail">{fmt.x(p.a["email"])}</S>\r\n      {other}\r\n'
                    f'      <S N="UserPrincipalName">{fmt.x(upn)}</S>\r\n      <S N="Id">{r.getrandbits(128):032x}</S>\r\n'
                    f'      <B N="AccountEnabled">true</B>\r\n      <DT N="CreatedDateTime">2023-01-{1 + k % 11:02d}T0{k % 9}:00:00Z</DT>\r\n    </Props>\r\n  </Obj>')
    objs[0] = objs[0].replace('<TNRef RefId="0" />', '<TN RefId="0">\r\n      <T>Microsoft.Graph.PowerShell.Models.MicrosoftGraphUser</T>\r\n      <T>System.Object</T>\r\n    </TN>', 1)
    xml = ('<Objs Version="1.1.0.1" xmlns="http://schemas.microsoft.com/powershell/2004/04">\r\n' + "\r\n".join(objs) + "\r\n</Objs>")
    doc = c.file("directory/b2c_users_export.clixml", ("\ufeff" + xml).encode("utf-16-le"), "xml", "utf-16")
    for p in ad:
        c.name(p, doc, full(p, mi=False, suf=False), "DisplayName")
        c.email(p, doc, p.a["email"], field="Mail")
        if p.a["old_email"]:
            c.email(p, doc, p.a["old_email"], field="OtherMails")

    # ------------------------------------------------------------------ SendGrid event webhook batches
    sg = r.sample(P, 520)
    extra = []
    for k in range(40):          # persons known only by an e-mail address
        e = u.email(r.choice(["jdoe", "mike", "gardenlady", "tiger", "pharmfan", "sunny", "b.walker", "kc"]), str(r.randint(1950, 2005)), DOMAINS)
        q = c.person("", "en")
        q.a["email"] = e
        q.notes.append("e-mail only (SendGrid events)")
        q.control("PPS Mail-Order Pharmacy")
        extra.append(q)
    allp = sg + extra
    r.shuffle(allp)
    for fi in range(3):
        chunk = allp[fi::3]
        lines = []
        ts = 1672704000 + fi * 86400
        for p in chunk:
            for evn in ["processed", "delivered"] + (["open"] if r.random() < 0.5 else []) + (["bounce"] if r.random() < 0.03 else []):
                ts += r.randint(1, 40)
                e = collections.OrderedDict([("email", p.a["email"]), ("timestamp", ts), ("event", evn),
                                             ("sg_event_id", f"{r.getrandbits(96):024x}"), ("sg_message_id", f"{r.getrandbits(64):016x}.filterdrecv-5bd6d6d7-2023"),
                                             ("smtp-id", f"<{r.getrandbits(48):012x}@ismtpd0041p1iad2.sendgrid.net>"),
                                             ("category", ["account-migration", "pps-welcome"]), ("asm_group_id", 18512)])
                if evn == "open":
                    e["useragent"] = "Mozilla/5.0 (iPhone; CPU iPhone OS 16_2 like Mac OS X)"
                    e["ip"] = f"198.51.100.{r.randint(1, 254)}"
                if evn == "bounce":
                    e["reason"] = "550 5.1.1 The email account that you tried to reach does not exist."
                    e["type"] = "bounce"
                lines.append(json.dumps(e))
        doc = c.file(f"sendgrid/events_2023-01-{3 + fi:02d}.ndjson", "\n".join(lines) + "\n", "json")
        for p in chunk:
            c.email(p, doc, p.a["email"], field="email")
            c.el(p, doc, "health_data", "category pps-welcome", optional=True)
    for p in P + extra:
        if p.req:
            c.el(p, next(iter(p.prov["email"])).split(" [")[0], "health_data", "patient list", optional=True)
    return c
