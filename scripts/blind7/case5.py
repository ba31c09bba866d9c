"""Case 5 — mail-order pharmacy patients exposed while their accounts were linked to a grocery chain (USA).

Shapes: an S3 ListBucketResult XML of the public bucket (the exposure window), a Salesforce Data Loader contact
extract (upper-case API-name header, every field quoted, padded and mixed-case e-mails, `__c` custom fields),
a mongoexport of the grocery's account collection (relaxed extended JSON: $oid, $date, $numberLong, a unique
e-mail index so a household inbox has one account, null profiles), a Thunderbird mbox of the migration help desk
(Gmail-style forwarded chains, HTML-only or multipart/alternative, patients reporting someone else's welcome mail),
pharmacy label print spools (.prn, fixed columns, form feeds) and a QA seed TSV.
"""
import csv
import datetime as dt
import io
import json
import random

from common import Case
import fmt
import people as P
from shared import ids, check, names as N

PHARMACY = "Harbor Mail Pharmacy"
GROCER = "FreshCart Stores"
WINDOW = {"start": "2014-07-18", "end": "2023-01-12"}
HELP = [("Dana Whitfield", "RPh", "dana.whitfield@harbormail.test", "(513) 555-0142", "+15135550142"),
        ("Marcus Lee", "Patient Care Specialist", "marcus.lee@harbormail.test", "(513) 555-0157", "+15135550157")]
DRUGS = [("LISINOPRIL 10 MG TABLET", "TAKE ONE TABLET BY MOUTH DAILY", "68180-0513-09"),
         ("METFORMIN HCL 500 MG TABLET", "TAKE ONE TABLET BY MOUTH TWICE DAILY WITH MEALS", "00093-1048-01"),
         ("ATORVASTATIN 20 MG TABLET", "TAKE ONE TABLET BY MOUTH AT BEDTIME", "00378-2016-77"),
         ("LEVOTHYROXINE 50 MCG TABLET", "TAKE ONE TABLET BY MOUTH EVERY MORNING", "00378-1803-01"),
         ("SERTRALINE 50 MG TABLET", "TAKE ONE TABLET BY MOUTH DAILY", "16714-0612-01"),
         ("AMLODIPINE 5 MG TABLET", "TAKE ONE TABLET BY MOUTH DAILY", "00093-7156-98"),
         ("OMEPRAZOLE DR 20 MG CAPSULE", "TAKE ONE CAPSULE BY MOUTH BEFORE BREAKFAST", "62175-0118-37")]


class Pt:
    pass


def oid(rng, when):
    return "%08x%016x" % (int(when.timestamp()), rng.getrandbits(64))


def iso(when):
    return when.strftime("%Y-%m-%dT%H:%M:%S.000Z")


def build(seed):
    rng = random.Random(f"blind7-case5-{seed}")
    case = Case(5, "us_pharmacy_bucket", "Mail-order pharmacy patients exposed in a grocery chain's public bucket (US): S3 listing, "
                "Salesforce extract, mongoexport, help-desk mbox, label print spools", rng)
    case.extra["exposure_window"] = WINDOW
    case.extra["controller"] = PHARMACY

    def mkname(middle=None, suffix=None, female=None):
        for _ in range(400):
            nm = P.make_name(rng, "us", female)
            if middle is None:
                nm.middle = rng.choice("ABCDEFGHJKLMNPRSTW") + "." if rng.random() < 0.35 else None
            if suffix is None and not nm.female and rng.random() < 0.05:
                nm.suffix = rng.choice(N.US_SUFFIX)
            if case.claim_name(nm.full) and case.claim_name(f"{nm.given} {nm.surname}"):
                return nm
        raise RuntimeError("names")

    n = rng.randint(1180, 1300)
    pts = []
    for i in range(n):
        t = Pt()
        t.nm = mkname()
        t.p = case.person(t.nm.full, "en")
        t.p.ctrl(PHARMACY)
        t.email = P.email(rng, case, t.nm.given, t.nm.surname)
        t.alt = P.email(rng, case, t.nm.given, t.nm.surname) if rng.random() < 0.1 else None
        t.created = dt.datetime(2014, 7, 18, 9) + dt.timedelta(minutes=rng.randint(0, 60 * 24 * 40))
        t.ppsno = str(10000000 + rng.randint(0, 8999999))
        t.sf = rng.random() < 0.62
        t.mongo = rng.random() < 0.78 or not t.sf
        t.noprofile = t.mongo and not t.sf and rng.random() < 0.12
        t.phone = P.phone(rng, case, "US")[0] if t.sf and rng.random() < 0.03 else None
        t.shared = None
        pts.append(t)
    # households: a spouse who gives the partner's inbox (Salesforce lists both; mongo's unique index keeps one account)
    heads = [t for t in pts if t.sf and t.mongo and not t.noprofile]
    rng.shuffle(heads)
    for h in heads[:20]:
        m = Pt()
        m.nm = None
        for _ in range(200):
            cand = P.make_name(rng, "us", not h.nm.female)
            cand.surname = h.nm.surname
            cand.middle = None
            if case.claim_name(cand.full):
                m.nm = cand
                break
        if m.nm is None:
            continue
        m.p = case.person(m.nm.full, "en")
        m.p.ctrl(PHARMACY)
        m.email = h.email
        m.alt = None
        m.created = h.created + dt.timedelta(minutes=rng.randint(1, 600))
        m.ppsno = str(10000000 + rng.randint(0, 8999999))
        m.sf, m.mongo, m.noprofile, m.phone = True, False, False, None
        m.shared = h
        if rng.random() < 0.5:
            m.own = P.email(rng, case, m.nm.given, m.nm.surname)
            m.mongo = True
        else:
            m.own = None
        pts.append(m)
        case.household(h.email, [h.p, m.p])
    # namesakes: same full name, different inboxes
    for a in rng.sample([t for t in pts if t.shared is None and t.nm.suffix is None], 4):
        b = Pt()
        b.nm = P.Name(a.nm.given, a.nm.surname, a.nm.female, "us", middle=a.nm.middle)
        b.p = case.person(b.nm.full, "en")
        b.p.ctrl(PHARMACY)
        b.email = P.email(rng, case, b.nm.given, b.nm.surname)
        b.alt, b.phone, b.shared, b.own = None, None, None, None
        b.created = dt.datetime(2014, 8, 1, 9) + dt.timedelta(minutes=rng.randint(0, 60 * 24 * 300))
        b.ppsno = str(10000000 + rng.randint(0, 8999999))
        b.sf, b.mongo, b.noprofile = True, True, False
        a.p.note = f"namesake of {b.p.tid} (different e-mail)"
        b.p.note = f"namesake of {a.p.tid} (different e-mail)"
        pts.append(b)
    for t in pts:
        if not hasattr(t, "own"):
            t.own = None

    def name_forms(t):
        """(written name, parts) — the fullest form most of the time, sometimes without the middle initial or suffix."""
        nm = t.nm
        short = f"{nm.given} {nm.surname}"
        if (nm.middle or nm.suffix) and rng.random() < 0.25:
            t.p.variant(short)
            return short
        return nm.full

    # ------------------------------------------------------------ Salesforce Data Loader extract
    path = "public-bucket/exports/sfdc/Contact_extract_2016-03-01.csv"
    cols = ["ID", "ACCOUNTID", "FIRSTNAME", "LASTNAME", "MIDDLENAME", "SUFFIX", "EMAIL", "NPE01__ALTERNATEEMAIL__C", "HOMEPHONE",
            "MOBILEPHONE", "BIRTHDATE", "MAILINGSTREET", "MAILINGCITY", "MAILINGSTATE", "MAILINGPOSTALCODE", "PPS_PATIENT_NUMBER__C",
            "CREATEDDATE", "LASTMODIFIEDDATE", "ISDELETED"]
    rows = [cols]
    recs = []
    alnum = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz"
    for t in sorted([t for t in pts if t.sf], key=lambda t: t.created):
        sid = "0033600000" + "".join(rng.choice(alnum) for _ in range(5)) + "".join(rng.choice("ABCDEFGHIJKLMNOPQRSTUVWXYZ012345") for _ in range(3))
        raw = t.email
        r = rng.random()
        if r < 0.12:
            raw = ids.render_email(rng, t.email, caps=1.0)
        elif r < 0.17:
            raw = " " + t.email + " "
        elif r < 0.2:
            raw = t.email.upper()
        mid = t.nm.middle.rstrip(".") if t.nm.middle else ""
        ph = ""
        if t.phone:
            ph = f"({t.phone[:3]}) {t.phone[3:6]}-{t.phone[6:]}"
        rows.append([sid, "0013600000" + "".join(rng.choice(alnum) for _ in range(8)), t.nm.given, t.nm.surname, mid, t.nm.suffix or "",
                     raw, t.alt or "", "", ph, "", "", "", "", "", t.ppsno, iso(t.created), iso(t.created + dt.timedelta(days=rng.randint(0, 500))),
                     "false" if rng.random() < 0.97 else "true"])
        recs.append((t, raw, ph, mid))
    b = io.StringIO()
    csv.writer(b, quoting=csv.QUOTE_ALL, lineterminator="\n").writerows(rows)
    case.add(path, b.getvalue())
    for t, raw, ph, mid in recs:
        parts = [t.nm.given] + ([mid] if mid else []) + [t.nm.surname] + ([t.nm.suffix] if t.nm.suffix else [])
        t.p.nm(parts, path, "FIRSTNAME/MIDDLENAME/LASTNAME/SUFFIX")
        t.p.ident("email", t.email, raw, path, "EMAIL")
        if t.alt:
            t.p.ident("email", t.alt, t.alt, path, "NPE01__ALTERNATEEMAIL__C")
        if ph:
            t.p.ident("phone", "+1" + t.phone, ph, path, "MOBILEPHONE")
        t.p.el("health_data", path, "on the pharmacy's patient list", req=False)
    case.decoy("patient_number", recs[0][0].ppsno, path, "PPS_PATIENT_NUMBER__C", "pharmacy patient number", must_fail=True)

    # ------------------------------------------------------------ mongoexport of the grocery's accounts
    path = "public-bucket/exports/mongo/accounts_2019-11.json"
    lines = []
    recs = []
    for t in sorted([t for t in pts if t.mongo], key=lambda t: t.created):
        mail = t.own if t.shared is not None else t.email
        if t.shared is not None and t.own is None:
            continue
        raw = ids.render_email(rng, mail, caps=0.2)
        upd = t.created + dt.timedelta(days=rng.randint(10, 1900))
        doc = {"_id": {"$oid": oid(rng, t.created)}, "email": raw, "emailLower": mail}
        if t.alt and rng.random() < 0.7:
            doc["emails"] = [{"address": raw, "primary": True, "verified": True}, {"address": t.alt, "primary": False, "verified": False}]
        if t.noprofile:
            doc["profile"] = None
        else:
            disp = f"{t.nm.surname}, {t.nm.given}" + (f" {t.nm.middle}" if t.nm.middle else "")
            doc["profile"] = {"name": {"first": t.nm.given, "middle": t.nm.middle.rstrip(".") if t.nm.middle else None,
                                       "last": t.nm.surname, "suffix": t.nm.suffix}, "displayName": disp}
        doc["pps"] = {"patientNumber": {"$numberLong": t.ppsno}, "linkedAt": {"$date": iso(t.created)}, "source": "PPS_MIGRATION"}
        doc["marketing"] = {"optIn": rng.random() < 0.3}
        doc["createdAt"] = {"$date": iso(t.created)}
        doc["updatedAt"] = {"$date": iso(upd)}
        doc["__v"] = 0
        lines.append(json.dumps(doc, separators=(",", ":")))
        recs.append((t, mail, raw, doc))
    case.add(path, "\n".join(lines) + "\n")
    for t, mail, raw, doc in recs:
        t.p.ident("email", mail, raw, path, "email")
        t.p.ident("email", mail, mail, path, "emailLower")
        if "emails" in doc:
            t.p.ident("email", t.alt, t.alt, path, "emails[1].address")
        if doc["profile"]:
            nmd = doc["profile"]["name"]
            t.p.nm([x for x in (nmd["first"], nmd["middle"], nmd["last"], nmd["suffix"]) if x], path, "profile.name.first/middle/last/suffix")
            t.p.variant(doc["profile"]["displayName"])
            t.p.nm([doc["profile"]["displayName"]], path, "profile.displayName")
        t.p.el("health_data", path, "linked pharmacy patient (pps.patientNumber)", req=False)

    # ------------------------------------------------------------ help-desk mbox
    writers = [t for t in pts if t.shared is None and not t.noprofile and rng.random() < 0.08][:85]
    others = [t for t in pts if t.shared is None and not t.noprofile and t not in writers]
    msgs = []
    recs = []
    for k, t in enumerate(writers):
        staff = HELP[k % 2]
        when = dt.datetime(2014, 7, 20, 9) + dt.timedelta(days=rng.randint(0, 3000), minutes=rng.randint(0, 480))
        orig = when - dt.timedelta(hours=rng.randint(2, 60))
        disp = name_forms(t)
        cs = "windows-1252" if rng.random() < 0.3 else "utf-8"
        third = rng.choice(others) if rng.random() < 0.3 else None
        if third:
            subj = "Got someone else's welcome email"
            body = ["Hello,", "", f"today I received a FreshCart welcome email that was addressed to {third.nm.full} ({third.email}).",
                    "I am a Harbor Mail Pharmacy patient myself and I am worried that my information went to someone else as well.",
                    f"My email on file is {t.email}.", "", "Thank you,", disp]
        else:
            subj = rng.choice(["Problem linking my Harbor Mail account", "Why is my pharmacy account at FreshCart?", "Please remove my email"])
            body = ["Hi,", "", "I am a Harbor Mail Pharmacy patient. I got a message that my pharmacy account was linked to FreshCart.",
                    "I never asked for this. Please remove my email address from the shared list.", "", disp]
            if rng.random() < 0.4:
                body += ["", "Sent from my iPhone"]
        fwd = ["---------- Forwarded message ---------", f"From: {disp} <{t.email}>",
               f"Date: {orig.strftime('%a, %b %d, %Y at %I:%M %p').replace(' 0', ' ')}", f"Subject: {subj}",
               "To: <rxhelp@harbormail.test>", ""] + body
        note = ["Privacy team,", "", "forwarding this patient's message for your review.", "", "Thanks,", f"{staff[0]}, {staff[1]}",
                f"{PHARMACY} Help Desk | {staff[3]} | {staff[2]}"]
        plain = "\n".join(note + ["", ""] + fwd) + "\n"
        esc = fmt.xt
        html_body = ('<div dir="ltr">' + "".join(f"<div>{esc(x)}</div>" if x else "<div><br></div>" for x in note) +
                     '<br><div class="gmail_quote"><div dir="ltr" class="gmail_attr">---------- Forwarded message ---------<br>'
                     f'From: <strong class="gmail_sendername" dir="auto">{esc(disp)}</strong> <span dir="auto">&lt;<a href="mailto:{t.email}">{t.email}</a>&gt;</span><br>'
                     f'Date: {esc(fwd[2][6:])}<br>Subject: {esc(subj)}<br>To: &lt;<a href="mailto:rxhelp@harbormail.test">rxhelp@harbormail.test</a>&gt;<br></div><br><br>'
                     + "".join(f"<div>{esc(x)}</div>" if x else "<div><br></div>" for x in body) + "</div></div>\n")
        mid = "%030x" % rng.getrandbits(120)
        headers = [("From", fmt.addr(f"{staff[0]}", staff[2], cs)), ("To", "Privacy Office <privacy@freshcart.test>"),
                   ("Subject", fmt.hdr("Fwd: " + subj, cs)), ("Date", when.strftime("%a, %d %b %Y %H:%M:%S -0400")),
                   ("Message-ID", f"<CA+{mid}@mail.gmail.com>")]
        if rng.random() < 0.55:
            text = fmt.mime_message(headers, html_body=html_body, charset=cs)
        else:
            text = fmt.mime_message(headers, plain=plain, html_body=html_body, charset=cs, boundary=f"0000000000{mid[:18]}")
        msgs.append((f"From - {when.strftime('%a %b %d %H:%M:%S %Y')}", text))
        recs.append((t, disp, third))
    path = "public-bucket/mail/pharmacy-migration.mbox"
    case.add(path, fmt.mbox_bytes(msgs), kind="mail", enc="ascii")
    for t, disp, third in recs:
        t.p.nm([disp], path, "forwarded From / signature")
        t.p.ident("email", t.email, t.email, path, "forwarded From")
        t.p.el("health_data", path, "says she/he is a pharmacy patient", req=False)
        if third:
            third.p.nm([third.nm.full], path, "body (someone else's welcome mail)")
            third.p.ident("email", third.email, third.email, path, "body (someone else's welcome mail)")
    for s in HELP:
        case.decoy("staff_email", s[2], path, "From / signature", f"help-desk staff ({s[1]})")
        case.decoy("staff_phone", s[4], path, "signature", "help-desk line", raw=s[3])
    case.decoy("role_mailbox", "rxhelp@harbormail.test", path, "forwarded To", "pharmacy help desk")
    case.decoy("role_mailbox", "privacy@freshcart.test", path, "To", "grocer's privacy office")

    # ------------------------------------------------------------ label print spools (.prn)
    lab = []
    for _ in range(rng.randint(36, 48)):
        t = Pt()
        t.nm = mkname()
        t.p = case.person(t.nm.full, "en")
        t.p.ctrl(PHARMACY)
        t.dob = P.dob(rng, 1930, 1990)
        t.addr = P.us_address(rng)
        t.p.note = "appears only on a printed prescription label"
        lab.append(t)
    rx_decoys = 0
    for k in range(0, len(lab), 4):
        batch = lab[k:k + 4]
        when = dt.datetime(2014, 7, 21, 8) + dt.timedelta(days=rng.randint(0, 30), minutes=rng.randint(0, 500))
        path = f"public-bucket/print/spool/LBL_{when:%Y%m%d_%H%M}_{k // 4:02d}.prn"
        out = []
        recs = []
        for t in batch:
            drug, sig, ndc = rng.choice(DRUGS)
            rx = str(rng.randint(6000000, 6999999))
            doc = P.make_name(rng, "us")
            nm_w = f"{t.nm.surname.upper()}, {t.nm.given.upper()}" + (f" {t.nm.middle.rstrip('.').upper()}" if t.nm.middle else "") + \
                (f" {t.nm.suffix.upper()}" if t.nm.suffix else "")
            a = t.addr
            out += [f"{'HARBOR MAIL PHARMACY':<30}{'(800) 555-0199':>14}", f"{'4100 ROSSLYN DR  CINCINNATI OH 45209':<44}",
                    f"{'RX# ' + rx:<21}{'DATE ' + when.strftime('%m/%d/%Y'):>23}", f"{nm_w:<44}", f"{a['street'].upper():<44}",
                    f"{(a['town'] + ' ' + a['state'] + ' ' + a['zip']).upper():<44}", f"{'DOB ' + t.dob.strftime('%m/%d/%Y'):<44}",
                    f"{drug:<33}{'QTY ' + str(rng.choice([30, 60, 90])):>11}", f"{sig[:44]:<44}",
                    f"{'REFILLS: ' + str(rng.randint(0, 5)) + '   DR. ' + doc.given[0] + ' ' + doc.surname.upper():<44}",
                    f"{'NDC ' + ndc:<44}", "\f"]
            recs.append((t, nm_w, a, drug))
            if rx_decoys < 6:
                case.decoy("rx_number", rx, path, "RX#", "prescription number", must_fail=True)
                rx_decoys += 1
        case.add(path, "\r\n".join(out) + "\r\n", enc="ascii")
        if k == 0:
            case.decoy("pharmacy_phone", "+18005550199", path, "header", "pharmacy's toll-free line", raw="(800) 555-0199")
        for t, nm_w, a, drug in recs:
            t.p.nm([nm_w], path, "label name")
            t.p.val("postal_address", a["street"].upper(), path, "label address")
            t.p.val("date_of_birth", t.dob.strftime("%m/%d/%Y"), path, "DOB")
            t.p.val("prescription", drug, path, "drug / sig")
            t.p.el("health_data", path, "dispensed medicine", req=False)

    # ------------------------------------------------------------ QA seed accounts and the bucket listing
    path = "public-bucket/exports/qa/test_accounts.tsv"
    qa = ["# seeded by migration job for UAT - do not use in production", "email\tfirst_name\tlast_name\tssn\tnote"]
    for i in range(1, 6):
        qa.append(f"qa.tester+{i:02d}@freshcart.test\tTest\tPatient{i:02d}\t078-05-1120\tUAT account")
    case.add(path, "\n".join(qa) + "\n")
    for i in range(1, 3):
        case.decoy("test_account", f"qa.tester+{i:02d}@freshcart.test", path, "email", "UAT test account")
    case.decoy("void_ssn", "078-05-1120", path, "ssn", "the famous specimen SSN on test rows")
    keys = sorted(o for o in case.outputs if o.startswith("public-bucket/") and "/_listing/" not in o)
    lm = {}
    for kk in keys:
        if "spool" in kk:
            lm[kk] = dt.datetime.strptime(kk.split("LBL_")[1][:13], "%Y%m%d_%H%M")
        elif "sfdc" in kk:
            lm[kk] = dt.datetime(2016, 3, 1, 6, 12)
        elif "mongo" in kk:
            lm[kk] = dt.datetime(2019, 11, 30, 2, 0)
        elif "mail" in kk:
            lm[kk] = dt.datetime(2023, 1, 11, 17, 44)
        else:
            lm[kk] = dt.datetime(2014, 7, 18, 14, 2)
    lm["public-bucket/README.txt"] = dt.datetime(2014, 7, 18, 13, 55)
    case.add("public-bucket/README.txt", "PPS -> FreshCart account migration exports. Internal use only.\n")
    x = ['<?xml version="1.0" encoding="UTF-8"?>', '<ListBucketResult xmlns="http://s3.amazonaws.com/doc/2006-03-01/">',
         "<Name>fc-pps-migration-exports</Name><Prefix></Prefix><Marker></Marker><MaxKeys>1000</MaxKeys><IsTruncated>false</IsTruncated>"]
    for kk in sorted(lm):
        size = len(case.outputs[kk].data)
        x.append(f"<Contents><Key>{fmt.xe(kk[len('public-bucket/'):])}</Key><LastModified>{iso(lm[kk])}</LastModified>"
                 f"<ETag>&quot;{rng.getrandbits(128):032x}&quot;</ETag><Size>{size}</Size><StorageClass>STANDARD</StorageClass></Contents>")
    x.append("</ListBucketResult>")
    case.add("public-bucket/_listing/ListBucketResult.xml", "\n".join(x) + "\n", kind="xml")
    case.drop_unwritten()
    return case
