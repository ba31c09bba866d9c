"""Case 5: mail-order pharmacy account migration (USA): names and e-mails exposed 2014-07-18 … 2023-01-11.

Shapes: a mysqldump of Magento 2's `customer_entity` and `customer_address_entity` (addresses joined by `parent_id`),
Postmark Messages API pages of the welcome mails, `curl -v` traces of the public patient-directory API, and an
NCPDP-style pipe transfer file with HDR/FLD/PAT/TRL records (windows-1252, CRLF; SSN only under its FLD label).
"""
import datetime

import people as P
from common import Case, csv_line, dt, gen_ssn, hexid, jdump, rand_dt, uuid4
from shared import ids

PHARMACY = "Postal Rx Services (mail-order pharmacy)"
GROCER = "grocery chain pharmacy accounts"
WINDOW = {"start": "2014-07-18", "end": "2023-01-11"}
DRUGS = [("00093-7146-56", "Metformin HCl 500 mg tab"), ("00378-1805-10", "Lisinopril 10 mg tab"),
         ("00071-0155-23", "Atorvastatin 20 mg tab"), ("68180-0513-01", "Levothyroxine 50 mcg tab"),
         ("00173-0682-20", "Albuterol HFA inhaler"), ("00002-8215-01", "Insulin lispro 100 U/mL"),
         ("60505-2653-3", "Sertraline 50 mg tab"), ("00591-0405-01", "Amlodipine 5 mg tab")]
STAFF = [("Megan Caldwell", "mcaldwell@pps-pharmacy.example.com"), ("Darnell Brooks", "dbrooks@pps-pharmacy.example.com")]


def build(seed, rng):
    c = Case(5, "us_mailorder_pharmacy", seed, rng,
             "Mail-order pharmacy patients given accounts at a grocery chain; names and e-mails public 2014-07-18 … "
             "2023-01-11. Magento 2 mysqldump, Postmark message pages, curl -v traces, NCPDP-style pipe transfer file.")
    names, phones, emails = P.Names(rng), P.Phones(rng), P.Emails(rng)
    names.reserve([s[0] for s in STAFF])
    pats = []
    for i in range(rng.randint(330, 360)):
        female = rng.random() < 0.55
        g, s, _, mi = names.new("us", female, middle=True)
        suf = rng.choice(["Jr.", "Sr.", "II", "III"]) if not female and rng.random() < 0.07 else ""
        x = {"g": g, "s": s, "mi": mi, "suf": suf, "female": female, "dob": P.dob(rng, 1935, 2002),
             "email": emails.new(g, s), "phone": phones.new("US") if rng.random() < 0.4 else None,
             "addr": P.us_address(rng) if rng.random() < 0.5 else None, "pid": None}
        full = " ".join(t for t in [g, mi + "." if mi else "", s, suf] if t)
        x["p"] = c.person(full, "en")
        x["p"].controllers = [PHARMACY]
        x["p"].variants += [f"{g} {s}"] + ([f"{g} {s} {suf}"] if suf else [])
        pats.append(x)
    # households: one spouse gives the partner's inbox
    hh = []
    for k in range(10):
        a, b = pats[5 + 2 * k], pats[6 + 2 * k]
        nt = P.name_tokens(f"{b['g']} {a['s']}")
        if nt in names.used or a["suf"] or b["suf"]:
            continue
        names.used.add(nt)
        b["s"] = a["s"]
        full = " ".join(t for t in [b["g"], b["mi"] + "." if b["mi"] else "", b["s"], b["suf"]] if t)
        b["p"].name = full
        b["p"].variants = [f"{b['g']} {b['s']}"]
        b["email"] = a["email"]
        b["addr"] = a["addr"]
        c.households["email:" + a["email"]] = "household inbox"
        a["p"].note = f"shares the inbox {a['email']} with {b['p'].tid}"
        b["p"].note = f"shares the inbox {a['email']} with {a['p'].tid}"
        hh.append((a["email"], [a["p"].tid, b["p"].tid]))
    c.extra["household_emails"] = {e: t for e, t in hh}
    # namesakes: same first and last name, different e-mails
    for k in range(3):
        a = pats[40 + k]
        female = a["female"]
        b = {"g": a["g"], "s": a["s"], "mi": "", "suf": "", "female": female, "dob": P.dob(rng, 1940, 2000),
             "email": emails.new(a["g"], a["s"]), "phone": None, "addr": P.us_address(rng), "pid": None}
        b["p"] = c.person(f"{a['g']} {a['s']}", "en", note=f"namesake of {a['p'].tid}")
        b["p"].controllers = [PHARMACY]
        a["p"].note = f"namesake of {b['p'].tid}"
        pats.append(b)
        if a["mi"]:
            c.namesakes.add(P.name_tokens(f"{a['g']} {a['s']}"))
        c.namesakes.add(P.name_tokens(f"{a['g']} {a['s']}"))
        c.namesakes.add(P.name_tokens(a["p"].name))
    pid = 700000 + rng.randint(0, 9999)
    for x in pats:
        pid += rng.randint(1, 37)
        x["pid"] = f"PPS{pid}"
    rng.shuffle(pats)
    only_curl = pats[:18]
    rest = pats[18:]
    magento(c, rng, rest)
    email_only = postmark(c, rng, rest, emails)
    curl(c, rng, only_curl + rng.sample(rest, 60))
    pipe(c, rng, [x for x in rest if rng.random() < 0.45])
    for x in pats:
        c.opt(x["p"], "health_data", next(iter(x["p"].req.values()))[0].rsplit(" [", 1)[0], "on a pharmacy's patient list")
    c.extra["pharmacy"] = PHARMACY
    c.extra["exposure_window"] = WINDOW
    c.extra["email_only_postmark"] = email_only
    c.extra["staff"] = [s[0] for s in STAFF]
    return c


def sqlq(v):
    if v is None:
        return "NULL"
    if isinstance(v, int):
        return str(v)
    return "'" + str(v).replace("\\", "\\\\").replace("'", "\\'") + "'"


def magento(c, rng, pats):
    doc = "db/magento2_customers_20230111.sql"
    head = ["-- MySQL dump 10.13  Distrib 8.0.31, for Linux (x86_64)", "--",
            "-- Host: 10.12.0.8    Database: magento_accounts", "-- ------------------------------------------------------",
            "-- Server version\t8.0.31", "", "/*!40101 SET NAMES utf8mb4 */;", "/*!40103 SET TIME_ZONE='+00:00' */;", ""]
    ce_cols = ["entity_id", "website_id", "email", "group_id", "increment_id", "store_id", "created_at", "updated_at",
               "is_active", "disable_auto_group_change", "created_in", "prefix", "firstname", "middlename", "lastname",
               "suffix", "dob", "password_hash", "rp_token", "rp_token_created_at", "default_billing",
               "default_shipping", "taxvat", "confirmation", "gender", "failures_num", "first_failure", "lock_expires"]
    ca_cols = ["entity_id", "increment_id", "parent_id", "created_at", "updated_at", "is_active", "city", "company",
               "country_id", "fax", "firstname", "lastname", "middlename", "postcode", "prefix", "region", "region_id",
               "street", "suffix", "telephone", "vat_id", "vat_is_valid", "vat_request_date", "vat_request_id",
               "vat_request_success"]
    lines = head + ["DROP TABLE IF EXISTS `customer_entity`;", "CREATE TABLE `customer_entity` (",
                    ",\n".join(f"  `{col}` {'int unsigned' if col.endswith('id') and col != 'increment_id' else 'varchar(255)'} DEFAULT NULL" for col in ce_cols),
                    ") ENGINE=InnoDB DEFAULT CHARSET=utf8mb3 COMMENT='Customer Entity';", "",
                    "LOCK TABLES `customer_entity` WRITE;"]
    rows, arows, regs = [], [], []
    eid, aid = 1, 1
    for x in pats:
        created = rand_dt(rng, dt(2014, 7, 18), dt(2022, 12, 31))
        em_raw = x["email"].upper() if rng.random() < 0.05 else x["email"]
        has_dob = rng.random() < 0.45
        has_addr = x["addr"] is not None and rng.random() < 0.8
        rows.append([eid, 1, em_raw, 1, None, 1, created.strftime("%Y-%m-%d %H:%M:%S"), created.strftime("%Y-%m-%d %H:%M:%S"),
                     1, 0, "PPS Migration", None, x["g"], x["mi"] or None, x["s"], x["suf"] or None,
                     x["dob"].isoformat() if has_dob else None, None, None, None, aid if has_addr else None,
                     aid if has_addr else None, None, None, 2 if x["female"] else 1, 0, None, None])
        if has_addr:
            a = x["addr"]
            ph = P.render_phone(rng, x["phone"]) if x["phone"] else "N/A"
            arows.append([aid, None, eid, created.strftime("%Y-%m-%d %H:%M:%S"), created.strftime("%Y-%m-%d %H:%M:%S"), 1,
                          a["city"], None, "US", None, x["g"], x["s"], x["mi"] or None, a["zip"], None, a["state"],
                          rng.randint(12, 60), a["street"], x["suf"] or None, ph, None, None, None, None, None])
            aid += 1
        else:
            ph = None
        regs.append((x, em_raw, has_dob, has_addr, ph))
        eid += 1

    def inserts(table, cols, rs):
        out = []
        for i in range(0, len(rs), 50):
            vals = ",".join("(" + ",".join(sqlq(v) for v in r) + ")" for r in rs[i:i + 50])
            out.append(f"INSERT INTO `{table}` VALUES {vals};")
        return out
    lines += inserts("customer_entity", ce_cols, rows) + ["UNLOCK TABLES;", "",
                                                           "DROP TABLE IF EXISTS `customer_address_entity`;",
                                                           "CREATE TABLE `customer_address_entity` (",
                                                           ",\n".join(f"  `{col}` varchar(255) DEFAULT NULL" for col in ca_cols),
                                                           ") ENGINE=InnoDB DEFAULT CHARSET=utf8mb3 COMMENT='Customer Address Entity';",
                                                           "", "LOCK TABLES `customer_address_entity` WRITE;"]
    lines += inserts("customer_address_entity", ca_cols, arows) + ["UNLOCK TABLES;", "", "-- Dump completed on 2023-01-11  6:02:11", ""]
    c.add(doc, "\n".join(lines))
    for x, em_raw, has_dob, has_addr, ph in regs:
        p = x["p"]
        c.nm(p, doc, "customer_entity.firstname/lastname", sqlq(x["g"])[1:-1], sqlq(x["s"])[1:-1])
        c.ident(p, "email", x["email"], em_raw, doc, "customer_entity.email")
        if has_dob:
            c.el(p, "date_of_birth", doc, "customer_entity.dob", x["dob"].isoformat())
        if has_addr:
            c.el(p, "postal_address", doc, "customer_address_entity.street", x["addr"]["street"])
            if x["phone"]:
                c.ident(p, "phone", x["phone"], ph, doc, "customer_address_entity.telephone")


def postmark(c, rng, pats, emails):
    sends = [(x, "p") for x in pats if rng.random() < 0.75]
    only = []
    for i in range(rng.randint(18, 26)):
        e = emails.new(rng.choice(["rx", "patient", "mail", "home", "fam"]), rng.choice(["user", "box", "inbox"]))
        p = c.person("", "en", note="known only as a Postmark recipient without a display name")
        p.controllers = [PHARMACY]
        only.append(p.tid)
        sends.append(({"email": e, "p": p, "pid": f"PPS{rng.randint(100000, 699999)}"}, "e"))
    rng.shuffle(sends)
    per = 100
    regs = []
    for page in range((len(sends) + per - 1) // per):
        chunk = sends[page * per:(page + 1) * per]
        doc = f"mail/postmark_outbound_messages_offset{page * per}.json"
        msgs = []
        for x, kind in chunk:
            when = rand_dt(rng, dt(2014, 7, 18, 9), dt(2022, 12, 30))
            if kind == "e":
                name = ""
            else:
                name = rng.choice([f"{x['g']} {x['mi']}. {x['s']}" if x["mi"] else f"{x['g']} {x['s']}", f"{x['g']} {x['s']}"])
                if x["suf"] and rng.random() < 0.5:
                    name += " " + x["suf"]
            msgs.append({"Tag": "account-migration", "MessageID": uuid4(rng),
                         "To": [{"Email": x["email"], "Name": name or None}], "Cc": [], "Bcc": [],
                         "Recipients": [x["email"]],
                         "ReceivedAt": when.strftime("%Y-%m-%dT%H:%M:%S.") + f"{rng.randint(0, 9999999):07d}-05:00",
                         "From": "\"Pharmacy Accounts\" <accounts@grocer-pharmacy.example.com>",
                         "Subject": "Your pharmacy account is ready", "Attachments": [],
                         "Status": rng.choice(["Sent", "Sent", "Sent", "Processed"]), "TrackOpens": True,
                         "TrackLinks": "None", "Metadata": {"pps_patient_id": x["pid"]}, "Sandboxed": False,
                         "MessageStream": "outbound"})
            regs.append((doc, x, kind, name))
        c.add(doc, jdump({"TotalCount": len(sends), "Messages": msgs}, indent=2) + "\n", views=("json",))
    for doc, x, kind, name in regs:
        p = x["p"]
        c.ident(p, "email", x["email"], x["email"], doc, "To.Email")
        if name:
            c.nm(p, doc, "To.Name", name)
            if name != p.name and name not in p.variants:
                p.variants.append(name)
        c.decoy("sender mailbox", "accounts@grocer-pharmacy.example.com", doc, "From")
    return only


def curl(c, rng, pats):
    pats = sorted(pats, key=lambda x: x["pid"])
    per = 40
    for page in range((len(pats) + per - 1) // per):
        chunk = pats[page * per:(page + 1) * per]
        doc = f"api/curl_v_patients_page{page + 1:02d}.txt"
        data = [{"id": x["pid"], "displayName": f"{x['s']}, {x['g']}" + (f" {x['mi']}." if x["mi"] else "") + (f" {x['suf']}" if x["suf"] else ""),
                 "givenName": x["g"], "familyName": x["s"], "email": x["email"],
                 "memberSince": rand_dt(rng, dt(2014, 7, 18), dt(2022, 12, 1)).strftime("%Y-%m-%d")} for x in chunk]
        body = jdump({"data": data, "meta": {"page": page + 1, "perPage": per, "total": len(pats)},
                      "links": {"next": f"/api/v2/patients?page={page + 2}"}}, indent=2 if page % 2 else None)
        req = rand_dt(rng, dt(2022, 12, 1), dt(2023, 1, 10))
        lines = [f"$ curl -v 'https://accounts.grocer-pharmacy.example.com/api/v2/patients?page={page + 1}&per_page={per}'",
                 "*   Trying 203.0.113.40:443...", "* Connected to accounts.grocer-pharmacy.example.com (203.0.113.40) port 443 (#0)",
                 "* ALPN: offers h2,http/1.1", "* TLSv1.3 (OUT), TLS handshake, Client hello (1):",
                 "* TLSv1.3 (IN), TLS handshake, Server hello (2):", "* SSL connection using TLSv1.3 / TLS_AES_256_GCM_SHA384",
                 "* using HTTP/2", f"> GET /api/v2/patients?page={page + 1}&per_page={per} HTTP/2",
                 "> Host: accounts.grocer-pharmacy.example.com", "> User-Agent: curl/7.88.1", "> Accept: */*", ">",
                 "< HTTP/2 200", f"< date: {req.strftime('%a, %d %b %Y %H:%M:%S')} GMT",
                 "< content-type: application/json; charset=utf-8", f"< content-length: {len(body.encode())}",
                 "< cache-control: public, max-age=300", f"< x-request-id: {uuid4(rng)}", "<",
                 "{ [" + str(len(body.encode())) + " bytes data]", body, "* Connection #0 to host accounts.grocer-pharmacy.example.com left intact", ""]
        c.add(doc, "\n".join(lines), views=("json",))
        for x, d in zip(chunk, data):
            p = x["p"]
            c.nm(p, doc, "displayName", d["displayName"])
            c.ident(p, "email", x["email"], x["email"], doc, "email")


def pipe(c, rng, pats):
    doc = "transfer/PPS_PATIENT_XFER_20140718.txt"
    flds = ["REC", "PATIENT_ID", "LAST_NAME", "FIRST_NAME", "MI", "SUFFIX", "DOB", "GENDER", "EMAIL", "PHONE", "SSN",
            "ADDR1", "CITY", "STATE", "ZIP", "LAST_FILL_NDC", "LAST_FILL_DRUG", "LAST_FILL_DATE"]
    lines = ["HDR|PPS|GROCER-RX|20140718|PATIENT_XFER|3.0", "FLD|" + "|".join(flds[1:])]
    regs = []
    qa_at = rng.randrange(len(pats))
    for i, x in enumerate(pats):
        if i == qa_at:
            lines.append("PAT|PPS000001|TEST|PATIENT|||01011970|U|qa.rx@pps-pharmacy.example.com||078-05-1120|1 TEST WAY|PORTLAND|OR|97201|||")
            c.decoy("specimen SSN (QA record)", "078-05-1120", doc, "SSN")
            c.decoy("QA mailbox", "qa.rx@pps-pharmacy.example.com", doc, "EMAIL")
        ssn = gen_ssn(rng) if rng.random() < 0.18 else ""
        x["ssn"] = ssn
        drug = rng.choice(DRUGS) if rng.random() < 0.4 else None
        a = x["addr"]
        ph = P.render_phone(rng, x["phone"], style=1) if x["phone"] else ""
        lines.append("|".join(["PAT", x["pid"], x["s"].upper(), x["g"].upper(), x["mi"], x["suf"].upper().rstrip("."),
                               x["dob"].strftime("%m%d%Y"), "F" if x["female"] else "M", x["email"], ph, ssn,
                               a["street"].upper() if a else "", a["city"].upper() if a else "", a["state"] if a else "",
                               a["zip"] if a else "", drug[0] if drug else "", drug[1].upper() if drug else "",
                               rand_dt(rng, dt(2014, 1, 1), dt(2014, 7, 10)).strftime("%m%d%Y") if drug else ""]))
        regs.append((x, ssn, drug, ph))
    lines.append(f"TRL|{len(pats) + 1:07d}")
    c.add(doc, "\n".join(lines) + "\n", "cp1252", newline="\r\n")
    for x, ssn, drug, ph in regs:
        p = x["p"]
        c.nm(p, doc, "LAST_NAME/FIRST_NAME", x["s"].upper(), x["g"].upper())
        c.ident(p, "email", x["email"], x["email"], doc, "EMAIL")
        c.el(p, "date_of_birth", doc, "DOB", x["dob"].strftime("%m%d%Y"))
        if ph:
            c.ident(p, "phone", x["phone"], ph, doc, "PHONE")
        if ssn:
            c.ident(p, "us_ssn", ssn, ssn, doc, "SSN")
        if x["addr"]:
            c.el(p, "postal_address", doc, "ADDR1", x["addr"]["street"].upper())
        if drug:
            c.el(p, "prescription", doc, "LAST_FILL_DRUG", drug[1].upper())
            c.opt(p, "health_data", doc, "LAST_FILL_DRUG")
