"""Case 5: mail-order pharmacy whose patients' names and e-mails were publicly visible after an account migration (US)."""
import datetime as dt
import json
import urllib.parse

from common import Case, csv_line, guid, hexid
from people import Contacts, Namer
from shared import ids

PHARMACY = "Cascade Mail-Order Pharmacy"
PDOM = "cascade-rx.example.com"
GROCER = "Evergreen Markets"
GDOM = "evergreen.example.com"
WINDOW = ("2014-07-18", "2023-01-11")
STATES = [("Portland", "OR", "Oregon"), ("Salem", "OR", "Oregon"), ("Eugene", "OR", "Oregon"), ("Seattle", "WA", "Washington"),
          ("Spokane", "WA", "Washington"), ("Boise", "ID", "Idaho"), ("Sacramento", "CA", "California"),
          ("Medford", "OR", "Oregon"), ("Tacoma", "WA", "Washington")]
STAFF = [("Kim", "Osborne"), ("Derek", "Vance"), ("Priya", "Raman"), ("Tom", "Whitaker")]
MEDS = ["my insulin pens", "my metformin", "my blood pressure pills", "my levothyroxine", "my inhalers",
        "my sertraline refills", "my warfarin", "my HIV meds"]
COMMENTS = ["Works fine now.", "I could not find the login page.", "Why do I need a new account at all?",
            "The old site was easier.", "Please keep mail-order going.", "", "", "Took me three tries to reset the password."]


def js_str(s):
    """A string as mongosh prints it: single quotes unless the string holds one."""
    if "'" in s:
        return json.dumps(s, ensure_ascii=False)
    return "'" + s.replace("\\", "\\\\") + "'"


def build(seed):
    c = Case(5, "us_mailorder_pharmacy", seed,
             f"Mail-order pharmacy {PHARMACY}: patients migrated to {GROCER} accounts; names and e-mails publicly visible "
             f"{WINDOW[0]} .. {WINDOW[1]}. New shapes: a mongosh session (JS object literals, ISODate, 'Type \"it\" for "
             "more'), Mixpanel people export ($-prefixed properties), Qualtrics CSV with three header rows, S3 server "
             "access logs (e-mails URL-encoded in object keys), an OpenAPI 3 YAML with examples copied from production, "
             "a Google Chat Takeout (messages.json).")
    rng = c.rng
    namer = Namer(rng)
    con = Contacts(rng)
    for g, s in STAFF:
        namer.reserve(f"{g} {s}")
    pats = []
    pno = [12000]

    def new_patient(namesake=None, surname=None, female=None):
        female = rng.random() < 0.58 if female is None else female
        if namesake is not None:
            nm = dict(namesake.a["nm"])
        else:
            nm = namer.make("us", female, surname=surname, middle=rng.random() < 0.4, suffix=(not female and rng.random() < 0.06))
        p = c.person(nm["full"], "en", [PHARMACY])
        pno[0] += rng.randint(1, 30)
        city = rng.choice(STATES)
        p.a.update(nm=nm, female=female, pno=f"PPS-{pno[0]:07d}", city=city,
                   email=con.email(nm["given"], nm["surname"].replace(" ", "").replace("'", "").replace(".", "")),
                   phone=con.phone("US")[0] if rng.random() < 0.22 else None,
                   dob=ids.rand_date(rng, 1935, 2001), created=dt.datetime(2014, 7, 18, 21, 0) + dt.timedelta(
                       minutes=rng.randint(0, 60 * 24 * 200)))
        pats.append(p)
        return p

    for _ in range(440):
        new_patient()
    for _ in range(3):
        src = rng.choice(pats)
        q = new_patient(namesake=src)
        q.note = f"namesake of {src.tid} (different e-mail)"
        src.note = f"namesake of {q.tid} (different e-mail)"
    households = []
    for _ in range(10):
        a = rng.choice([p for p in pats if not p.a.get("hh") and not p.note])
        b = new_patient(surname=a.a["nm"]["surname"], female=not a.a["female"])
        con.emails.discard(b.a["email"])
        b.a["email"] = a.a["email"]
        a.a["hh"] = b
        b.a["hh"] = a
        c.household_emails[a.a["email"]] = [a.tid, b.tid]
        a.note = f"shares the inbox {a.a['email']} with {b.tid}"
        b.note = f"shares the inbox {a.a['email']} with {a.tid}; has no account of their own"
        households.append((a, b))
    hh_second = [b for _, b in households]

    def raw_email(p):
        return ids.render_email(rng, p.a["email"], caps=0.12)

    def phone_raw(p):
        return ids.render_phone(rng, "US", p.a["phone"])[0]

    def disp(p):
        nm = p.a["nm"]
        return f"{nm['surname']}, {nm['given']}" + (f" {nm['middle']}." if nm["middle"] else "") + \
            (f" {nm['suffix']}" if nm["suffix"] else "")

    def pharmacy_patient(p, doc, field):
        c.expose(p, "health_data", doc, field + " (being a pharmacy patient)", req=False)

    # ============================================================ 1. mongosh session
    doc = "dev/mongosh_accounts_2019-03-02.txt"
    accts = [p for p in pats if p not in hh_second and rng.random() < 0.78]
    accts.sort(key=lambda p: p.a["created"])
    M = [f"Current Mongosh Log ID:\t{hexid(rng, 24)}",
         "Connecting to:\t\tmongodb://<credentials>@10.8.0.21:27017/evergreen?directConnection=true&authSource=admin&appName=mongosh+1.10.6",
         "Using MongoDB:\t\t4.4.24", "Using Mongosh:\t\t1.10.6", "",
         "For mongosh info see: https://docs.mongodb.com/mongodb-shell/", "",
         "evergreen> db.accounts.countDocuments({ migratedFrom: 'PPS' })", str(len(accts)),
         "evergreen> db.accounts.find({ migratedFrom: 'PPS' }, { passwordHash: 0 }).sort({ createdAt: 1 })"]
    for i in range(0, len(accts), 20):
        page = accts[i:i + 20]
        M.append("[")
        for j, p in enumerate(page):
            nm = p.a["nm"]
            em = raw_email(p)
            oid = f"5c7a{hexid(rng, 20)}"
            d = ["  {", f"    _id: ObjectId(\"{oid}\"),", f"    email: {js_str(em)},",
                 f"    name: {{ first: {js_str(nm['given'])}, middle: {js_str(nm['middle']) if nm['middle'] else 'null'}, "
                 f"last: {js_str(nm['surname'])}, suffix: {js_str(nm['suffix']) if nm['suffix'] else 'null'} }},",
                 f"    displayName: {js_str(disp(p))},", f"    ppsPatientNo: '{p.a['pno']}',"]
            if p.a["phone"]:
                ph = phone_raw(p)
                d.append(f"    phones: [ {{ type: '{rng.choice(['mobile', 'home'])}', number: '{ph}' }} ],")
            else:
                d.append("    phones: [],")
            has_dob = rng.random() < 0.5
            if has_dob:
                d.append(f"    birthDate: ISODate(\"{p.a['dob'].isoformat()}T00:00:00.000Z\"),")
            d += [f"    createdAt: ISODate(\"{p.a['created']:%Y-%m-%dT%H:%M:%S}.000Z\"),", "    migratedFrom: 'PPS',",
                  f"    directory: {{ visible: true, listedSince: ISODate(\"{p.a['created']:%Y-%m-%dT%H:%M:%S}.000Z\") }}",
                  "  }" + ("," if j < len(page) - 1 else "")]
            M += d
            c.ident(p, "email", p.a["email"], em, doc, "email")
            c.name(p, doc, "name.first/middle/last", p.name,
                   parts=[nm["given"], nm["surname"]] + ([nm["middle"]] if nm["middle"] else []))
            c.name(p, doc, "displayName", disp(p))
            if p.a["phone"]:
                c.ident(p, "phone", ids.e164("US", p.a["phone"]), ph, doc, "phones[].number", cc="1")
            if has_dob:
                c.dob(p, doc, "birthDate", p.a["dob"].isoformat())
            c.link(p, doc, "pno:" + p.a["pno"])
            pharmacy_patient(p, doc, "accounts")
        M.append("]")
        if i + 20 < len(accts):
            M += ['Type "it" for more', "evergreen> it"]
    M += ["evergreen> exit", ""]
    c.text(doc, "\n".join(M))

    # ============================================================ 2. Mixpanel people export
    doc = "analytics/mixpanel_people_2023-01-20.json"
    prof = [p for p in pats if rng.random() < 0.72] + [b for b in hh_second if rng.random() < 0.2]
    prof = list(dict.fromkeys(prof))
    for a, b in households:
        for x in (a, b):
            if x not in prof:
                prof.append(x)
    rng.shuffle(prof)
    out = []
    for p in prof:
        nm = p.a["nm"]
        em = raw_email(p)
        if rng.random() < 0.04:
            em = " " + em + " "
        props = {"$email": em, "$first_name": nm["given"], "$last_name": nm["surname"],
                 "$name": p.name, "$city": p.a["city"][0], "$region": p.a["city"][2], "$country_code": "US",
                 "$timezone": "America/Los_Angeles", "$created": f"{p.a['created']:%Y-%m-%dT%H:%M:%S}",
                 "$last_seen": f"2022-{rng.randint(1, 12):02d}-{rng.randint(1, 28):02d}T{rng.randint(0, 23):02d}:{rng.randint(0, 59):02d}:{rng.randint(0, 59):02d}",
                 "pps_patient_no": p.a["pno"] if p not in hh_second else None, "migrated": True,
                 "$ios_devices": [hexid(rng, 64)] if rng.random() < 0.2 else []}
        if p.a["phone"] and rng.random() < 0.7:
            props["$phone"] = "+1" + p.a["phone"] if rng.random() < 0.5 else phone_raw(p)
        out.append({"$distinct_id": p.a["pno"] if p not in hh_second else guid(rng), "$properties": props})
        c.ident(p, "email", p.a["email"], em, doc, "$properties.$email")
        c.name(p, doc, "$first_name/$last_name/$name", p.name, parts=[nm["given"], nm["surname"]])
        if "$phone" in props:
            c.ident(p, "phone", ids.e164("US", p.a["phone"]), props["$phone"], doc, "$properties.$phone", cc="1")
        c.expose(p, "postal_address", doc, "$city/$region (city only)", req=False)
        if p not in hh_second:
            c.link(p, doc, "pno:" + p.a["pno"])
        pharmacy_patient(p, doc, "people")
    for k in range(3):
        qa = f"qa+{k + 1:02d}@{GDOM}"
        out.append({"$distinct_id": f"qa-{k + 1}", "$properties": {"$email": qa, "$first_name": "QA", "$last_name": f"Tester {k + 1}",
                                                                    "$name": f"QA Tester {k + 1}", "migrated": False}})
        c.decoy("qa_account", qa, doc, "$properties.$email", "QA test profile", must_fail=False)
    c.text(doc, json.dumps(out, ensure_ascii=False, indent=2) + "\n")

    # ============================================================ 3. Qualtrics export (three header rows)
    doc = "surveys/Account_Migration_Survey_January 20, 2023_09.14.csv"
    cols = ["StartDate", "EndDate", "Status", "IPAddress", "Progress", "Duration (in seconds)", "Finished", "RecordedDate",
            "ResponseId", "RecipientLastName", "RecipientFirstName", "RecipientEmail", "ExternalReference",
            "LocationLatitude", "LocationLongitude", "DistributionChannel", "UserLanguage", "Q1", "Q2", "Q3", "Q4_1", "Q4_2"]
    qtext = ["Start Date", "End Date", "Response Type", "IP Address", "Progress", "Duration (in seconds)", "Finished",
             "Recorded Date", "Response ID", "Recipient Last Name", "Recipient First Name", "Recipient Email",
             "External Data Reference", "Location Latitude", "Location Longitude", "Distribution Channel", "User Language",
             "How satisfied are you with your new Evergreen account?", "Did you know your name was listed in the member directory?",
             "Is there anything else you would like us to know?",
             "May we contact you about your answers? - Phone number", "May we contact you about your answers? - Best time to call"]
    imp = [{"ImportId": "startDate", "timeZone": "America/Los_Angeles"}, {"ImportId": "endDate", "timeZone": "America/Los_Angeles"},
           {"ImportId": "status"}, {"ImportId": "ipAddress"}, {"ImportId": "progress"}, {"ImportId": "duration"},
           {"ImportId": "finished"}, {"ImportId": "recordedDate", "timeZone": "America/Los_Angeles"}, {"ImportId": "_recordId"},
           {"ImportId": "recipientLastName"}, {"ImportId": "recipientFirstName"}, {"ImportId": "recipientEmail"},
           {"ImportId": "externalDataReference"}, {"ImportId": "locationLatitude"}, {"ImportId": "locationLongitude"},
           {"ImportId": "distributionChannel"}, {"ImportId": "userLanguage"}, {"ImportId": "QID1"}, {"ImportId": "QID2"},
           {"ImportId": "QID3_TEXT"}, {"ImportId": "QID4_1"}, {"ImportId": "QID4_2"}]
    Q = [csv_line(cols), csv_line(qtext), csv_line([json.dumps(x, separators=(",", ":")) for x in imp])]
    resp = rng.sample([p for p in pats if p not in hh_second], 150)
    t = dt.datetime(2023, 1, 16, 8, 0)
    n_health = 0
    for p in resp:
        t += dt.timedelta(minutes=rng.randint(3, 90))
        nm = p.a["nm"]
        comment = rng.choice(COMMENTS)
        health = False
        if n_health < 10 and rng.random() < 0.1:
            comment = f"Please make sure {rng.choice(MEDS)} still ship on time, I can't go without them."
            health = True
            n_health += 1
        ph = phone_raw(p) if (p.a["phone"] and rng.random() < 0.5) else ""
        em = p.a["email"]
        Q.append(csv_line([f"{t:%Y-%m-%d %H:%M:%S}", f"{t + dt.timedelta(seconds=rng.randint(60, 900)):%Y-%m-%d %H:%M:%S}",
                           "0", "", "100", str(rng.randint(60, 900)), "1", f"{t:%Y-%m-%d %H:%M:%S}",
                           "R_" + "".join(rng.choice("abcdefghijkmnopqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ0123456789") for _ in range(15)),
                           nm["surname"], nm["given"], em, p.a["pno"], f"{45 + rng.random():.4f}", f"{-122 - rng.random():.4f}",
                           "email", "EN", str(rng.randint(1, 5)), rng.choice(["1", "2"]), comment, ph,
                           rng.choice(["Morning", "Afternoon", "Evening"]) if ph else ""]))
        c.ident(p, "email", p.a["email"], em, doc, "RecipientEmail")
        c.name(p, doc, "RecipientFirstName/RecipientLastName", p.name, parts=[nm["given"], nm["surname"]])
        c.link(p, doc, "pno:" + p.a["pno"])
        if ph:
            c.ident(p, "phone", ids.e164("US", p.a["phone"]), ph, doc, "Q4_1", cc="1")
        if health:
            c.expose(p, "health_data", doc, "Q3 (free text naming a medicine)", ev=comment)
        else:
            pharmacy_patient(p, doc, "survey panel")
    for _ in range(12):          # anonymous-link responses: no person
        t += dt.timedelta(minutes=rng.randint(3, 90))
        Q.append(csv_line([f"{t:%Y-%m-%d %H:%M:%S}", f"{t:%Y-%m-%d %H:%M:%S}", "0", f"198.51.100.{rng.randint(2, 250)}",
                           "100", str(rng.randint(60, 900)), "1", f"{t:%Y-%m-%d %H:%M:%S}",
                           "R_" + hexid(rng, 15), "", "", "", "", "", "", "anonymous", "EN", str(rng.randint(1, 5)),
                           rng.choice(["1", "2"]), rng.choice(COMMENTS), "", ""]))
    c.text(doc, "\n".join(Q) + "\n", bom=True)

    # ============================================================ 4. S3 server access logs
    s3_only = []
    for _ in range(40):
        nm = namer.make("us", rng.random() < 0.5)
        q = c.person("", "en", [PHARMACY], "patient known only from an S3 access-log object key (e-mail URL-encoded)")
        q.a["email"] = con.email(nm["given"], nm["surname"].replace(" ", "").replace("'", "").replace(".", ""))
        s3_only.append(q)
    seen_in_s3 = rng.sample(pats, 260) + s3_only
    rng.shuffle(seen_in_s3)
    start = dt.datetime(2014, 7, 18, 21, 32, 16)
    end = dt.datetime(2023, 1, 11, 16, 5, 41)
    n_files = 40
    span = (end - start).total_seconds()
    owner = "79a59df900b949e55d96a1e698fbacedfd6e09d98eacf8f8d5218e7cd47ef2be"
    for k in range(n_files):
        ts = start + dt.timedelta(seconds=int(span * k / (n_files - 1))) if k not in (0, n_files - 1) else (start if k == 0 else end)
        name = f"s3-logs/evergreen-pps-migration/{ts:%Y-%m-%d-%H-%M-%S}-{hexid(rng, 16).upper()}"
        chunk = seen_in_s3[k::n_files]
        lines = []
        t = ts - dt.timedelta(minutes=59)
        if k == 0 or k == n_files - 1 or rng.random() < 0.3:
            lines.append(f"{owner} evergreen-pps-migration [{t:%d/%b/%Y:%H:%M:%S} +0000] 198.51.100.{rng.randint(2, 250)} - "
                         f"{hexid(rng, 16).upper()} REST.GET.BUCKET - \"GET /evergreen-pps-migration/?list-type=2&prefix=profiles%2F HTTP/1.1\" "
                         f"200 - {rng.randint(2000, 90000)} - {rng.randint(10, 90)} {rng.randint(5, 40)} \"-\" \"curl/7.35.0\" - "
                         f"{hexid(rng, 40)}= SigV2 ECDHE-RSA-AES128-SHA - evergreen-pps-migration.s3.amazonaws.com TLSv1.2")
        for p in chunk:
            t += dt.timedelta(seconds=rng.randint(1, 200))
            key = "profiles/" + urllib.parse.quote(p.a["email"], safe="") + ".json"
            ua = rng.choice(["Mozilla/5.0 (Windows NT 6.1; WOW64) AppleWebKit/537.36", "Googlebot/2.1 (+http://www.google.com/bot.html)",
                             "python-requests/2.25.1", "Mozilla/5.0 (Macintosh; Intel Mac OS X 10_15_7) Safari/605.1.15"])
            lines.append(f"{owner} evergreen-pps-migration [{t:%d/%b/%Y:%H:%M:%S} +0000] "
                         f"{rng.choice(['192.0.2', '198.51.100', '203.0.113'])}.{rng.randint(1, 254)} - "
                         f"{hexid(rng, 16).upper()} REST.GET.OBJECT {key} "
                         f"\"GET /evergreen-pps-migration/{key} HTTP/1.1\" 200 - {rng.randint(600, 2400)} {rng.randint(600, 2400)} "
                         f"{rng.randint(8, 90)} {rng.randint(5, 40)} \"-\" \"{ua}\" - {hexid(rng, 40)}= - ECDHE-RSA-AES128-GCM-SHA256 - "
                         f"evergreen-pps-migration.s3.amazonaws.com TLSv1.2")
            c.ident(p, "email", p.a["email"], p.a["email"], name, "object key (%40-encoded)")
            if p.name:
                pharmacy_patient(p, name, "object key")
            else:
                c.expose(p, "health_data", name, "object key (being a pharmacy patient)", req=False)
        c.text(name, "\n".join(lines) + "\n", dec=("url",))

    # ============================================================ 5. OpenAPI 3 YAML with production examples
    doc = "dev/openapi/patient-migration-api.yaml"
    ex_people = rng.sample([p for p in pats if p not in hh_second], 14)
    Y = ["openapi: 3.0.3", "info:", "  title: PPS → Evergreen patient migration API", "  version: 1.4.2",
         "  description: |", "    Internal API used by the account migration job. Examples were copied from",
         "    production on 2014-07-21 to make the docs realistic (TODO: replace with fake data).", "  contact:",
         f"    name: {STAFF[1][0]} {STAFF[1][1]}", f"    email: {STAFF[1][0].lower()}.{STAFF[1][1].lower()}@{PDOM}",
         "servers:", f"  - url: https://migration-api.{GDOM}/v1", "paths:", "  /patients/{ppsPatientNo}:", "    get:",
         "      summary: Fetch one migrated patient", "      parameters:", "        - name: ppsPatientNo", "          in: path",
         "          required: true", "          schema:", "            type: string", "            pattern: '^PPS-\\d{7}$'",
         "      responses:", "        '200':", "          description: The patient", "          content:",
         "            application/json:", "              schema:", "                $ref: '#/components/schemas/Patient'",
         "              examples:"]
    for p in ex_people:
        Y += [f"                {p.a['nm']['given']}{p.a['nm']['surname'].replace(' ', '').replace(chr(39), '')}:",
              f"                  $ref: '#/components/examples/Patient{p.a['pno'][4:]}'"]
    Y += ["        '404':", "          description: Unknown patient number", "        '422':",
          "          description: Validation error", "          content:", "            application/json:", "              example:",
          "                error: ssn_not_allowed",
          "                detail: \"Field 'ssn' must not be sent (got 078-05-1120)\"",
          "components:", "  schemas:", "    Patient:", "      type: object", "      properties:",
          "        ppsPatientNo: {type: string}", "        firstName: {type: string}", "        middleInitial: {type: string, nullable: true}",
          "        lastName: {type: string}", "        email: {type: string, format: email}",
          "        dateOfBirth: {type: string, format: date}", "        phone: {type: string, nullable: true}",
          "        directoryVisible: {type: boolean}", "  examples:"]
    for p in ex_people:
        nm = p.a["nm"]
        quote = "'" if rng.random() < 0.5 else ""
        Y += [f"    Patient{p.a['pno'][4:]}:", f"      summary: {disp(p)} (migrated {p.a['created']:%Y-%m-%d})", "      value:",
              f"        ppsPatientNo: {p.a['pno']}", f"        firstName: {nm['given']}",
              f"        middleInitial: {nm['middle'] if nm['middle'] else 'null'}",
              f"        lastName: {json.dumps(nm['surname']) if (chr(39) in nm['surname']) else nm['surname']}",
              f"        email: {p.a['email']}", f"        dateOfBirth: {quote}{p.a['dob'].isoformat()}{quote}"]
        if p.a["phone"]:
            ph = phone_raw(p)
            Y.append(f"        phone: '{ph}'")
            c.ident(p, "phone", ids.e164("US", p.a["phone"]), ph, doc, "examples.value.phone", cc="1")
        else:
            Y.append("        phone: null")
        Y.append("        directoryVisible: true")
        c.name(p, doc, "examples.value.firstName/lastName", p.name, parts=[nm["given"], nm["surname"]])
        c.name(p, doc, "examples.summary", disp(p))
        c.ident(p, "email", p.a["email"], p.a["email"], doc, "examples.value.email")
        c.dob(p, doc, "examples.value.dateOfBirth", p.a["dob"].isoformat())
        c.link(p, doc, "pno:" + p.a["pno"])
        pharmacy_patient(p, doc, "examples")
    c.text(doc, "\n".join(Y) + "\n")
    c.decoy("specimen_ssn", "078-05-1120", doc, "responses.422.example.detail", "the well-known specimen SSN", must_fail=False)
    c.decoy("staff_email", f"{STAFF[1][0].lower()}.{STAFF[1][1].lower()}@{PDOM}", doc, "info.contact.email",
            "developer (staff)", must_fail=False)

    # ============================================================ 6. Google Chat Takeout
    base = "helpdesk/Takeout/Google Chat/Groups/Space AAAAq3Zk1pE"
    members = [{"name": f"{g} {s}", "email": f"{g.lower()}.{s.lower()}@{PDOM}", "user_type": "Human"} for g, s in STAFF[:3]] + \
              [{"name": "Migration Bot", "email": f"migration-bot@{PDOM}", "user_type": "Bot"}]
    c.text(f"{base}/group_info.json", json.dumps({"name": "PPS migration – patient complaints", "members": members},
                                                 ensure_ascii=False, indent=2) + "\n")
    chat_people = rng.sample([p for p in pats if p not in hh_second], 40)
    for _ in range(8):
        q = new_patient()
        q.note = "known only from the help-desk chat"
        chat_people.append(q)
    rng.shuffle(chat_people)
    msgs = []
    t = dt.datetime(2023, 1, 12, 15, 0, 0)
    for p in chat_people:
        t += dt.timedelta(minutes=rng.randint(2, 180))
        st = rng.choice(members[:3])
        nm = p.a["nm"]
        title = rng.choice(["Mrs", "Ms", "Mr"]) if rng.random() < 0.3 else ""
        shown = (f"{'Mr' if not p.a['female'] else rng.choice(['Mrs', 'Ms'])} {nm['given']} {nm['surname']}" if title else p.name)
        kind = rng.random()
        extra = ""
        dob_s = None
        ph = None
        if kind < 0.25:
            dob_s = p.a["dob"].strftime("%m/%d/%Y")
            extra = f", DOB {dob_s}"
        if p.a["phone"] and rng.random() < 0.4:
            ph = phone_raw(p)
            extra += f", callback {ph}"
        med = None
        if rng.random() < 0.12:
            med = rng.choice(MEDS).replace("my ", "")
            extra += f" – worried because the directory page showed she gets {med}" if p.a["female"] else \
                f" – worried because the directory page showed he gets {med}"
        text = (f"Patient {shown} ({p.a['email']}{extra}) says their name shows up in the Evergreen member directory. "
                f"Can someone check {p.a['pno']}?")
        created = f"{t:%A, %B} {t.day}, {t:%Y} at {t.hour % 12 or 12}:{t:%M:%S} {'AM' if t.hour < 12 else 'PM'} UTC"
        msgs.append({"creator": st, "created_date": created, "text": text, "topic_id": hexid(rng, 11),
                     "message_id": f"{hexid(rng, 11)}/{hexid(rng, 11)}/{hexid(rng, 11)}"})
        if rng.random() < 0.4:
            t += dt.timedelta(minutes=rng.randint(1, 30))
            msgs.append({"creator": members[3], "created_date": f"{t:%A, %B} {t.day}, {t:%Y} at {t.hour % 12 or 12}:{t:%M:%S} "
                                                                   f"{'AM' if t.hour < 12 else 'PM'} UTC",
                         "text": f"Directory flag cleared for {p.a['pno']}.", "topic_id": msgs[-1]["topic_id"],
                         "message_id": f"{hexid(rng, 11)}/{hexid(rng, 11)}/{hexid(rng, 11)}"})
        doc = f"{base}/messages.json"
        c.name(p, doc, "messages[].text", shown if not title else f"{nm['given']} {nm['surname']}")
        c.ident(p, "email", p.a["email"], p.a["email"], doc, "messages[].text")
        c.link(p, doc, "pno:" + p.a["pno"])
        if dob_s:
            c.dob(p, doc, "messages[].text (DOB)", dob_s)
        if ph:
            c.ident(p, "phone", ids.e164("US", p.a["phone"]), ph, doc, "messages[].text", cc="1")
        if med:
            c.expose(p, "health_data", doc, "messages[].text (medicine named)", ev=med)
        else:
            pharmacy_patient(p, doc, "messages")
    c.text(f"{base}/messages.json", json.dumps({"messages": msgs}, ensure_ascii=False, indent=2) + "\n")
    for m in members[:3]:
        c.decoy("staff_email", m["email"], f"{base}/group_info.json", "members[].email", "help-desk agent", must_fail=False)

    # persons not placed anywhere (a household's second member always is in Mixpanel; others may be unplaced)
    placed = [p for p in c.persons if p.req]
    unplaced = [p for p in c.persons if not p.req]
    if unplaced:
        doc = "exports/directory_delta_2015-02.tsv"
        D = ["display_name\temail\tlisted"]
        for p in unplaced:
            em = raw_email(p)
            D.append(f"{disp(p)}\t{em}\ttrue")
            c.name(p, doc, "display_name", disp(p))
            c.ident(p, "email", p.a["email"], em, doc, "email")
            pharmacy_patient(p, doc, "directory listing")
        c.text(doc, "\n".join(D) + "\n")
    c.extra["controller"] = PHARMACY
    c.extra["exposure_window"] = {"start": WINDOW[0], "end": WINDOW[1],
                                  "evidence": "first and last S3 access-log files under s3-logs/evergreen-pps-migration/"}
    return c
