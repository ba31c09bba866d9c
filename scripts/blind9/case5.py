"""Case 5: mail-order pharmacy account migration (USA): names and e-mails exposed 2014-07 .. 2023-01."""
import datetime as dt
import json
import quopri

import people
from common import Case
from shared import ids, check

STAFF = [("Rebecca", "Tran", "pharmacist"), ("Gary", "Whitfield", "it-admin"), ("Monica", "Delgado", "pharmacist")]


def build(seed):
    c = Case(5, "us_pharmacy", seed, "Mail-order pharmacy patients' accounts exposed at a grocery chain (USA): DynamoDB S3 export "
             "(typed JSON, gzip), Rails production log with Ruby-hash parameters, Django dumpdata fixtures, Excel 'Unicode text' "
             "migration file, an MHTML saved page, a legacy .xls")
    rng = c.rng
    for g, s, _ in STAFF:
        c.used_names.add(check.name_tokens(f"{g} {s}"))
    used_e = set()
    pats = []
    N = rng.randint(700, 780)
    for i in range(N):
        nm = c.unique_name(lambda: people.make_name(rng, "us"))
        mi = rng.choice("ABCDEFGHJKLMNPRSTW") if rng.random() < 0.3 else None
        suf = rng.choice(["Jr.", "Sr.", "II", "III"]) if (not nm["female"] and rng.random() < 0.06) else None
        full = nm["given"] + (f" {mi}." if mi else "") + f" {nm['surname']}" + (f" {suf}" if suf else "")
        pt = {"n": nm, "mi": mi, "suf": suf, "full": full,
              "email": c.unique("email", lambda: ids.email_for(rng, nm["given"], nm["surname"], used_e)),
              "alt": None, "phone": None, "pno": f"PPS-{rng.randint(1000000, 9999999)}"}
        if rng.random() < 0.06:
            pt["alt"] = c.unique("email", lambda: ids.email_for(rng, nm["given"], nm["surname"], used_e))
        if rng.random() < 0.15:
            pt["phone"] = c.unique("phone", lambda: ids.e164("US", ids.phone_nsn(rng, "US")))
        pats.append(pt)
    # households: the spouse uses the partner's inbox
    hh = {}
    cand = pats[:]
    rng.shuffle(cand)
    k = 0
    while len(hh) < 12 and k + 1 < len(cand):
        a, b = cand[k], cand[k + 1]
        k += 2
        if a["alt"] or b["alt"]:
            continue
        c.used_keys.pop(check.key_of("email", b["email"]), None)
        b["email"] = a["email"]
        hh[a["email"]] = [a, b]
    for pt in pats:
        v = []
        if pt["mi"] or pt["suf"]:
            v.append(f"{pt['n']['given']} {pt['n']['surname']}")
        pt["p"] = c.person(pt["full"], "en", v)
        pt["p"].controllers = ["Postal Prescription Services (synthetic)"]
    for e, (a, b) in hh.items():
        a["p"].note = f"household inbox shared with {b['p'].tid}"
        b["p"].note = f"household inbox shared with {a['p'].tid}"
    c.extra["household_emails"] = {e: [a["p"].tid, b["p"].tid] for e, (a, b) in hh.items()}
    for pt in pats:
        r = rng.random()
        pt["src"] = {"dynamo"} if r < 0.5 else {"django"} if r < 0.7 else {"excel"} if r < 0.85 else {"rails"}
        for s, pr in (("dynamo", 0.2), ("excel", 0.25), ("rails", 0.15), ("django", 0.1)):
            if rng.random() < pr:
                pt["src"].add(s)
        if pt["phone"]:
            pt["src"].add("django")
        if pt["alt"]:
            pt["src"].add("dynamo")
    for a, b in hh.values():
        a["src"].add("excel")
        b["src"].add("excel")
    write_dynamo(c, [p for p in pats if "dynamo" in p["src"]])
    only_email = write_rails(c, [p for p in pats if "rails" in p["src"]], used_e)
    write_django(c, [p for p in pats if "django" in p["src"]])
    write_excel(c, [p for p in pats if "excel" in p["src"]])
    write_mht(c, [p for p in pats if len(p["src"]) > 1 and rng.random() < 0.35])
    c.put("exports/pps_patient_migration_2014.xls", b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + bytes(rng.randrange(256) for _ in range(1500)), kind="binary")
    for p in c.persons:
        if p.req:
            p.el("health_data", next(iter(p.req.values()))[0].split(" [")[0], "being a pharmacy patient", opt=True)
    c.persons = [p for p in c.persons if p.req]
    c.extra["exposure_window"] = {"from": "2014-07-18", "to": "2023-01-11"}
    c.extra["controller"] = "Postal Prescription Services (synthetic)"
    return c


def dyn_s(v):
    return {"NULL": True} if v is None else {"S": v}


def write_dynamo(c, pts):
    rng = c.rng
    base = "dynamodb/AWSDynamoDB/01695900412345-4b1d9e2f"
    parts = [[], [], [], []]
    for pt in pts:
        parts[rng.randrange(4)].append(pt)
    files = []
    for i, lst in enumerate(parts):
        L = []
        recs = []
        for pt in lst:
            nm = pt["n"]
            created = 1405641600 + rng.randint(0, 3000) * 86400 + rng.randint(0, 86399)
            item = {"pk": {"S": f"PAT#{pt['pno'][4:]}"}, "sk": {"S": "PROFILE"}, "email": {"S": pt["email"]},
                    "givenName": {"S": nm["given"]}, "familyName": {"S": nm["surname"]}, "middleInitial": dyn_s(pt["mi"]),
                    "suffix": dyn_s(pt["suf"]), "createdAt": {"N": str(created)}, "migratedFrom": {"S": "pps"},
                    "marketingOptIn": {"BOOL": rng.random() < 0.3}}
            if pt["alt"]:
                item["altEmails"] = {"SS": [pt["alt"]]}
            L.append(json.dumps({"Item": item}, separators=(",", ":")))
            recs.append(pt)
        inner = "".join(rng.choice("abcdefghijklmnopqrstuvwxyz0123456789") for _ in range(26))
        data = ("\n".join(L) + "\n").encode("utf-8")
        name = c.gz(f"{base}/data/{inner}.json.gz", f"{inner}.json", data)
        files.append((inner, len(L)))
        for pt in recs:
            p = pt["p"]
            p.nm(name, [pt["n"]["given"], pt["n"]["surname"]] + ([pt["mi"]] if pt["mi"] else []) + ([pt["suf"]] if pt["suf"] else []),
                 "givenName+middleInitial+familyName", variant=True)
            p.id("email", pt["email"], pt["email"], name, "email.S")
            if pt["alt"]:
                p.id("email", pt["alt"], pt["alt"], name, "altEmails.SS")
    man = "\n".join(json.dumps({"itemCount": n, "md5Checksum": "".join(rng.choice("0123456789abcdef") for _ in range(32)),
                                "dataFileS3Key": f"AWSDynamoDB/01695900412345-4b1d9e2f/data/{f}.json.gz"}) for f, n in files) + "\n"
    c.text(f"{base}/manifest-files.json", man)
    c.text(f"{base}/manifest-summary.json", json.dumps({"version": "2020-06-30", "exportArn": "arn:aws:dynamodb:us-east-1:000000000000:table/patient_accounts/export/01695900412345-4b1d9e2f",
                                                         "startTime": "2023-09-28T11:00:12.345Z", "endTime": "2023-09-28T11:06:40.101Z",
                                                         "tableArn": "arn:aws:dynamodb:us-east-1:000000000000:table/patient_accounts",
                                                         "exportTime": "2023-09-28T11:00:12.345Z", "s3Bucket": "pps-migration-exports",
                                                         "s3Prefix": None, "s3SseAlgorithm": "AES256", "manifestFilesS3Key": "AWSDynamoDB/01695900412345-4b1d9e2f/manifest-files.json",
                                                         "billedSizeBytes": 1048576, "itemCount": sum(n for _, n in files), "outputFormat": "DYNAMODB_JSON"}, indent=2) + "\n")


def ruby_str(s):
    return '"' + s.replace("\\", "\\\\").replace('"', '\\"') + '"'


def write_rails(c, pts, used_e):
    rng = c.rng
    t = dt.datetime(2022, 11, 2, 8, 0, 0)
    L = []
    recs = []
    only = []
    for k in range(rng.randint(45, 55)):
        nm = people.make_name(rng, "us")
        e = c.unique("email", lambda: ids.email_for(rng, nm["given"], nm["surname"], used_e))
        p = c.person("", "en")
        p.note = "known only by e-mail (password reset request in the Rails log)"
        p.controllers = ["Postal Prescription Services (synthetic)"]
        only.append((e, p))
    events = [("link", pt) for pt in pts] + [("reset", x) for x in only]
    rng.shuffle(events)
    admin = "gary.whitfield@grocer-synthetic.test"
    for kind, x in events:
        t += dt.timedelta(seconds=rng.randint(20, 4000))
        ip = f"10.0.{rng.randint(0, 9)}.{rng.randint(2, 250)}"
        rid = "".join(rng.choice("0123456789abcdef") for _ in range(8)) + "-" + "".join(rng.choice("0123456789abcdef") for _ in range(4))
        stamp = f"{t:%Y-%m-%d %H:%M:%S} -0500"
        if kind == "link":
            pt = x
            nm = pt["n"]
            params = (f'{{"authenticity_token"=>"[FILTERED]", "account"=>{{"email"=>{ruby_str(pt["email"])}, "first_name"=>{ruby_str(nm["given"])}, '
                      f'"last_name"=>{ruby_str(nm["surname"])}, "pps_patient_no"=>{ruby_str(pt["pno"])}}}, "commit"=>"Link my account"}}')
            L += [f"I, [{t:%Y-%m-%dT%H:%M:%S}.{rng.randint(0, 999999):06d} #{rng.randint(1000, 9999)}]  INFO -- : [{rid}] Started POST \"/accounts/link\" for {ip} at {stamp}",
                  f"I, [{t:%Y-%m-%dT%H:%M:%S}.{rng.randint(0, 999999):06d} #{rng.randint(1000, 9999)}]  INFO -- : [{rid}] Processing by AccountLinksController#create as HTML",
                  f"I, [{t:%Y-%m-%dT%H:%M:%S}.{rng.randint(0, 999999):06d} #{rng.randint(1000, 9999)}]  INFO -- : [{rid}]   Parameters: {params}",
                  f"I, [{t:%Y-%m-%dT%H:%M:%S}.{rng.randint(0, 999999):06d} #{rng.randint(1000, 9999)}]  INFO -- : [{rid}] Redirected to https://shop.grocer-synthetic.test/pharmacy/welcome",
                  f"I, [{t:%Y-%m-%dT%H:%M:%S}.{rng.randint(0, 999999):06d} #{rng.randint(1000, 9999)}]  INFO -- : [{rid}] Completed 302 Found in {rng.randint(20, 300)}ms (ActiveRecord: {rng.randint(2, 40)}.{rng.randint(0, 9)}ms | Allocations: {rng.randint(3000, 20000)})"]
            recs.append(pt)
        else:
            e, p = x
            L += [f"I, [{t:%Y-%m-%dT%H:%M:%S}.{rng.randint(0, 999999):06d} #{rng.randint(1000, 9999)}]  INFO -- : [{rid}] Started POST \"/users/password\" for {ip} at {stamp}",
                  f"I, [{t:%Y-%m-%dT%H:%M:%S}.{rng.randint(0, 999999):06d} #{rng.randint(1000, 9999)}]  INFO -- : [{rid}] Processing by Users::PasswordsController#create as HTML",
                  f"I, [{t:%Y-%m-%dT%H:%M:%S}.{rng.randint(0, 999999):06d} #{rng.randint(1000, 9999)}]  INFO -- : [{rid}]   Parameters: {{\"authenticity_token\"=>\"[FILTERED]\", \"user\"=>{{\"email\"=>{ruby_str(e)}}}, \"commit\"=>\"Send me reset password instructions\"}}",
                  f"I, [{t:%Y-%m-%dT%H:%M:%S}.{rng.randint(0, 999999):06d} #{rng.randint(1000, 9999)}]  INFO -- : [{rid}] Completed 302 Found in {rng.randint(20, 300)}ms"]
        if rng.random() < 0.03:
            L.append(f"I, [{t:%Y-%m-%dT%H:%M:%S}.000000 #1001]  INFO -- : [{rid}]   Parameters: {{\"admin_user\"=>{{\"email\"=>\"{admin}\", \"password\"=>\"[FILTERED]\"}}}}")
    name = c.text("rails/log/production.log", "\n".join(L) + "\n")
    c.decoy("staff_email", admin, name, "admin_user.email", "IT administrator (staff)")
    for pt in recs:
        p = pt["p"]
        p.nm(name, [pt["n"]["given"], pt["n"]["surname"]], "account.first_name+last_name", variant=True)
        p.id("email", pt["email"], pt["email"], name, "account.email")
    for e, p in only:
        p.id("email", e, e, name, "user.email")
    return only


def write_django(c, pts):
    rng = c.rng
    objs = []
    for i, (g, s, role) in enumerate(STAFF):
        objs.append({"model": "auth.user", "pk": i + 1, "fields": {"username": f"{g[0].lower()}{s.lower()}", "first_name": g, "last_name": s,
                                                                  "email": f"{g.lower()}.{s.lower()}@pps-synthetic.test", "is_staff": True,
                                                                  "date_joined": "2013-05-02T14:00:00Z"}})
    store_ph = ids.e164("US", ids.phone_nsn(rng, "US"))
    objs.append({"model": "pharmacy.store", "pk": 1, "fields": {"name": "PPS Mail Order – Portland", "phone": ids.render_phone(rng, "US", store_ph[2:], 0)[0]}})
    recs = []
    for k, pt in enumerate(pts):
        nm = pt["n"]
        ph = ids.render_phone(rng, "US", pt["phone"][2:])[0] if pt["phone"] else ""
        joined = dt.datetime(2014, 7, 18) + dt.timedelta(seconds=rng.randint(0, 8 * 365 * 86400))
        em_raw = ids.render_email(rng, pt["email"], 0.1)
        objs.append({"model": "pharmacy.patient", "pk": 1201 + k * 3, "fields": {
            "first_name": nm["given"], "middle_name": pt["mi"] or "", "last_name": nm["surname"], "suffix": pt["suf"] or "",
            "email": em_raw, "phone": ph, "pps_number": pt["pno"], "date_joined": f"{joined:%Y-%m-%dT%H:%M:%SZ}", "store": 1}})
        recs.append((pt, ph, em_raw))
    name = c.text("django/fixtures/pharmacy_patients.json", json.dumps(objs, indent=2, ensure_ascii=False) + "\n")
    c.decoy("store_phone", store_ph, name, "pharmacy.store.phone", "pharmacy's own phone", raw=ids.render_phone(rng, "US", store_ph[2:], 0)[0])
    for g, s, role in STAFF:
        c.decoy("staff_email", f"{g.lower()}.{s.lower()}@pps-synthetic.test", name, "auth.user.email", f"{role} (staff)")
    for pt, ph, em_raw in recs:
        p = pt["p"]
        p.nm(name, [pt["n"]["given"], pt["n"]["surname"]] + ([pt["mi"]] if pt["mi"] else []) + ([pt["suf"]] if pt["suf"] else []),
             "first_name+middle_name+last_name+suffix", variant=True)
        p.id("email", pt["email"], em_raw, name, "email")
        if ph:
            p.id("phone", pt["phone"], ph, name, "phone")


def write_excel(c, pts):
    rng = c.rng
    L = ["LAST_NAME\tFIRST_NAME\tMI\tSUFFIX\tEMAIL_ADDR\tENROLL_DT\tSTATUS"]
    for pt in pts:
        nm = pt["n"]
        em = pt["email"] if rng.random() < 0.8 else (" " + pt["email"].upper() if rng.random() < 0.5 else pt["email"] + " ")
        pt["_xl"] = em
        d = dt.date(2008, 1, 1) + dt.timedelta(days=rng.randint(0, 2300))
        L.append("\t".join([nm["surname"].upper(), nm["given"].upper(), pt["mi"] or "", (pt["suf"] or "").upper(), em,
                            f"{d.month}/{d.day}/{d.year}", rng.choice(["ACTIVE", "ACTIVE", "INACTIVE"])]))
    name = c.text("exports/pps_patient_migration_2014.txt", "\r\n".join(L) + "\r\n", enc="utf-16", bom=True)
    for pt in pts:
        p = pt["p"]
        p.nm(name, [pt["n"]["surname"].upper(), pt["n"]["given"].upper()] + ([pt["mi"]] if pt["mi"] else []) +
             ([pt["suf"].upper()] if pt["suf"] else []), "FIRST_NAME+MI+LAST_NAME", variant=True)
        p.id("email", pt["email"], pt["_xl"], name, "EMAIL_ADDR")


def write_mht(c, pts):
    rng = c.rng
    rows = []
    for pt in pts:
        disp = f"{pt['n']['surname']}, {pt['n']['given']}" + (f" {pt['mi']}." if pt["mi"] else "")
        rows.append(f"<tr><td>{disp}</td><td><a href=\"mailto:{pt['email']}\">{pt['email']}</a></td><td>{pt['pno']}</td></tr>")
    html = ("<!DOCTYPE html><html><head><meta charset=\"utf-8\"><title>Pharmacy patient directory</title></head><body>"
            "<h1>Linked pharmacy patients</h1><table><tr><th>Patient</th><th>E-mail</th><th>PPS #</th></tr>" + "".join(rows) +
            "</table></body></html>")
    # quoted-printable body, written the way Chrome's "Save as single file" does
    raw_html = html
    qp = quopri.encodestring(raw_html.encode("utf-8")).decode("ascii")
    boundary = "----MultipartBoundary--" + "".join(rng.choice("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789") for _ in range(42)) + "----"
    text = ("From: <Saved by Blink>\r\nSnapshot-Content-Location: https://shop.grocer-synthetic.test/pharmacy/admin/patients?page=all\r\n"
            "Subject: Pharmacy patient directory\r\nDate: Wed, 11 Jan 2023 16:20:05 -0000\r\nMIME-Version: 1.0\r\n"
            f"Content-Type: multipart/related;\r\n\ttype=\"text/html\";\r\n\tboundary=\"{boundary}\"\r\n\r\n\r\n"
            f"--{boundary}\r\nContent-Type: text/html\r\nContent-ID: <frame-1@mhtml.blink>\r\nContent-Transfer-Encoding: quoted-printable\r\n"
            "Content-Location: https://shop.grocer-synthetic.test/pharmacy/admin/patients?page=all\r\n\r\n" + qp.replace("\n", "\r\n") +
            f"\r\n--{boundary}--\r\n")
    name = c.put("web/pharmacy_patient_directory.mht", text.encode("ascii"), kind="mail")
    for pt in pts:
        p = pt["p"]
        p.nm(name, [pt["n"]["surname"], pt["n"]["given"]] + ([pt["mi"]] if pt["mi"] else []), "Patient", variant=True)
        p.id("email", pt["email"], pt["email"], name, "E-mail")
