"""Case 5: mail-order pharmacy patients' accounts exposed by a migration (USA), names and e-mails only.

Shapes: header-less Windows-1252 CSV parts with `LAST, FIRST M` names, an LDIF directory export (base64
`cn::` values for non-ASCII names, folded long lines, multi-valued `mail`), a HAR capture whose response
bodies are JSON text inside JSON strings, a TSV with comment lines before the header and a mapping JSON keyed
by patient id.  Decoys: QA test accounts, pharmacy staff and system mailboxes, Rx and order numbers, epoch
timestamps from the exposure window (July 2014 - January 2023).
"""
import base64
import datetime as dt
import json

import ids
import names as N
from check import name_tokens
from common import Case

DOMAINS = ["example.com", "example.net", "example.org", "mail.example.com", "inbox.test", "webmail.test", "family.example.net"]
T0 = int(dt.datetime(2014, 7, 14, tzinfo=dt.timezone.utc).timestamp())
T1 = int(dt.datetime(2023, 1, 9, tzinfo=dt.timezone.utc).timestamp())


def build(rng):
    c = Case("case5_pps_migration", "Mail-order pharmacy account migration (USA) — blind5", rng)
    c.extra["exposure_window"] = {"from": "2014-07-14", "to": "2023-01-09"}
    used_names, used_emails = set(), set()
    n = rng.randint(1300, 1600)
    for i in range(n):
        for _ in range(400):
            f = rng.random() < 0.55
            g = rng.choice(N.US_F if f else N.US_M)
            s = rng.choice(N.US_S)
            mi = rng.choice("ABCDEFGHJKLMNPRSTW") if rng.random() < 0.45 else None
            suffix = rng.choice(["Jr.", "Sr.", "III"]) if (not f and rng.random() < 0.04) else None
            if name_tokens(f"{g} {s}") not in used_names:
                break
        used_names.add(name_tokens(f"{g} {s}"))
        p = c.person(g, s, "en", female=f, country="US")
        p.a["mi"], p.a["suffix"] = mi, suffix
        full = " ".join(x for x in (g, f"{mi}." if mi else None, s, suffix) if x)
        p.name = full
        p.name_variants += [f"{g} {s}"] + ([f"{g} {mi} {s}"] if mi else []) + ([f"{g} {s} {suffix}"] if suffix else [])
        if mi and suffix:
            p.name_variants.append(f"{g} {mi} {s}")
        p.a["email"] = ids.email_for(rng, g, s, used_emails, DOMAINS)
        p.a["acct"] = f"A{rng.randint(1000000, 9999999)}"
        p.a["created"] = rng.randint(T0, T1 - 86400 * 30)
        p.controllers.add("Postal Rx Services")
        p.note.append("pharmacy patient list: health_data optional")
    for fn in (_csv_parts, _ldif, _har, _reset_tsv, _mapping):
        fn(c, rng, used_emails)
    for p in c.persons:
        if p.elements:
            # being on a pharmacy's patient list reveals a health relationship; the docs leave the label open
            for prov in p.elements.get("email", [])[:1]:
                p.optional.setdefault("health_data", []).append(prov)
    c.persons = [p for p in c.persons if p.elements]
    return c


def _name_last_first(p, upper):
    s = f"{p.surname}, {p.given}" + (f" {p.a['mi']}" if p.a["mi"] else "") + (f" {p.a['suffix']}" if p.a["suffix"] else "")
    return s.upper() if upper else s


def _csv_parts(c, rng, used_emails):
    ps = list(c.persons)
    rng.shuffle(ps)
    cut = int(len(ps) * 0.55)
    parts = [ps[:cut], ps[cut:int(len(ps) * 0.85)]]
    for k, chunk in enumerate(parts):
        d = c.doc(f"exposed/accounts_public_export_part{k + 1}.csv", encoding="windows-1252", newline="\r\n")
        rows = []
        for p in sorted(chunk, key=lambda p: p.a["created"]):
            up = rng.random() < 0.5
            nm = _name_last_first(p, up)
            c.name(p, nm, d, "col1")
            em = c.ident(p, "email", p.a["email"], ids.render_email(rng, p.a["email"], 0.2), d, "col2")
            ts = dt.datetime.fromtimestamp(p.a["created"], dt.timezone.utc).strftime("%Y-%m-%dT%H:%M:%SZ")
            rows.append([nm, em, ts, rng.choice(["MIGRATED", "MIGRATED", "PENDING", "LOCKED"]), p.a["acct"]])
        if k == 0:
            for j in range(6):
                qa = f"qa.tester+{j:02d}@pps.example.com"
                c.decoy(qa, "QA test account", d, "col2")
                rows.append([f"TEST, ACCOUNT {j}", qa, "2014-07-14T00:00:00Z", "TEST", f"A000000{j}"])
        d.csv_rows(rows, delimiter=",", quoting=1)


def _fold(line):
    out = [line[:76]]
    rest = line[76:]
    while rest:
        out.append(" " + rest[:75])
        rest = rest[75:]
    return "\n".join(out)


def _ldif(c, rng, used_emails):
    d = c.doc("exposed/directory_patients.ldif")
    out = ["version: 1", ""]
    for p in rng.sample(c.persons, int(len(c.persons) * 0.5)):
        uid = (ids.ascii_fold(p.given)[:1] + ids.ascii_fold(p.surname).replace(" ", "").replace("'", "").replace(".", "")).lower() + str(rng.randint(1, 999))
        out.append(f"dn: uid={uid},ou=patients,dc=pps,dc=example")
        out.append("objectClass: inetOrgPerson")
        cn = " ".join(x for x in (p.given, p.a["mi"], p.surname) if x)
        if all(ord(ch) < 128 for ch in cn):
            out.append(f"cn: {cn}")
            c.name(p, cn, d, "cn")
        else:
            out.append("cn:: " + base64.b64encode(cn.encode("utf-8")).decode("ascii"))
            # the name is present only base64-encoded here: optional for this document
            p.optional.setdefault("name", []).append(f"{d.name} [cn::]")
        if all(ord(ch) < 128 for ch in p.surname):
            out.append(f"sn: {p.surname}")
        else:
            out.append("sn:: " + base64.b64encode(p.surname.encode("utf-8")).decode("ascii"))
        em = c.ident(p, "email", p.a["email"], ids.render_email(rng, p.a["email"], 0.3), d, "mail")
        out.append(f"mail: {em}")
        if rng.random() < 0.04:
            e2 = ids.email_for(rng, p.given, p.surname, used_emails, DOMAINS)
            out.append(f"mail: {c.ident(p, 'email', e2, e2, d, 'mail (second value)')}")
            p.note.append("two mail values in one LDIF entry")
        ts = dt.datetime.fromtimestamp(p.a["created"], dt.timezone.utc).strftime("%Y%m%d%H%M%SZ")
        out.append(f"createTimestamp: {ts}")
        out.append(f"employeeNumber: {p.a['acct']}")
        out.append(_fold("description: migrated from PPS legacy patient portal; preferences: paperless statements, refill reminders "
                         "by e-mail, large-print labels not requested"))
        out.append("")
    out += ["dn: uid=rx.support,ou=staff,dc=pps,dc=example", "objectClass: inetOrgPerson", "cn: Pharmacy Support Desk",
            "mail: rx.support@pps.example.com", "", "dn: uid=noreply,ou=system,dc=pps,dc=example", "cn: noreply",
            "mail: noreply@pps.example.com", ""]
    c.decoy("rx.support@pps.example.com", "pharmacy staff mailbox", d, "mail")
    c.decoy("noreply@pps.example.com", "system mailbox", d, "mail")
    d.w("\n".join(out) + "\n")


def _har(c, rng, used_emails):
    d = c.doc("exposed/har/accounts_api_capture_2022-11-03.har", json_ascii=2)
    ps = rng.sample(c.persons, int(len(c.persons) * 0.3))
    entries = []
    for page in range(0, len(ps), 25):
        chunk = ps[page:page + 25]
        body = {"page": page // 25 + 1, "pageSize": 25, "patients": []}
        for p in chunk:
            c.name(p, [p.given, p.surname], d, "response.content.text → patients[].firstName+lastName")
            body["patients"].append({"patientId": p.a["acct"], "firstName": p.given, "lastName": p.surname,
                                     "email": c.ident(p, "email", p.a["email"], p.a["email"], d, "response.content.text → patients[].email"),
                                     "rxCount": rng.randint(0, 14), "lastRefill": f"20{rng.randint(15, 22)}-{rng.randint(1, 12):02d}-{rng.randint(1, 28):02d}"})
        text = json.dumps(body, ensure_ascii=True, separators=(",", ":"))
        entries.append({"startedDateTime": f"2022-11-03T18:{page // 25:02d}:11.412Z", "time": rng.randint(40, 300),
                        "request": {"method": "GET", "url": f"https://accounts.pharmacy.example.com/api/v2/patients?page={page // 25 + 1}",
                                    "headers": [{"name": "Accept", "value": "application/json"}]},
                        "response": {"status": 200, "statusText": "OK",
                                     "content": {"size": len(text), "mimeType": "application/json", "text": text}}})
    d.w(json.dumps({"log": {"version": "1.2", "creator": {"name": "WebInspector", "version": "537.36"}, "entries": entries}}, indent=1))


def _reset_tsv(c, rng, used_emails):
    d = c.doc("exposed/welcome_mail_queue.tsv", encoding="utf-8", bom=True)
    out = ["# welcome-mail queue dump", "# generated 2023-01-09T03:00:00Z by migrate-accounts.py", "",
           "\t".join(["queued_at_epoch", "email", "first_name", "last_name", "template", "rx_number"])]
    for p in rng.sample(c.persons, int(len(c.persons) * 0.25)):
        t = rng.randint(p.a["created"], T1)
        c.decoy(str(t), "epoch timestamp", d, "queued_at_epoch")
        rx = f"RX{rng.randint(1000000, 9999999)}"
        c.decoy(rx, "prescription number", d, "rx_number")
        em = c.ident(p, "email", p.a["email"], p.a["email"].upper() if rng.random() < 0.1 else p.a["email"], d, "email")
        c.name(p, [p.given, p.surname], d, "first_name+last_name")
        out.append("\t".join([str(t), em, p.given, p.surname, rng.choice(["welcome_v2", "welcome_v2_es", "reminder"]), rx]))
    d.w("\n".join(out) + "\n")


def _mapping(c, rng, used_emails):
    d = c.doc("exposed/pps_to_grocer_mapping.json", json_ascii=1)
    obj = {}
    for p in rng.sample(c.persons, int(len(c.persons) * 0.35)):
        c.name(p, [p.given, p.surname], d, "name.first+last")
        obj[f"PPS{rng.randint(10000000, 99999999)}"] = {
            "name": {"first": p.given, "middle": p.a["mi"], "last": p.surname, "suffix": p.a["suffix"]},
            "email": c.ident(p, "email", p.a["email"], p.a["email"], d, "email"),
            "grocerAccount": p.a["acct"], "linkedAt": p.a["created"] + rng.randint(86400, 86400 * 400),
            "flags": {"optOut": rng.random() < 0.1, "emailVerified": rng.random() < 0.7}}
    d.w(json.dumps(obj, ensure_ascii=True, indent=2, sort_keys=True))
