"""Case 5: a mail-order pharmacy's patients exposed by an account migration (US), shaped like PPS / Kroger.

Files: Amazon SES notifications as delivered through SNS (JSON inside a JSON string; gzipped per period, spanning the
exposure window), NCPDP SCRIPT 10.6 NewRx messages (loose and in a zip; SSNs only under `SocialSecurity`), a
ServiceNow XML unload of migration incidents, a Marketo lead export, and a gzipped nginx log of Mandrill webhooks
whose bodies are form-encoded JSON.
"""
import datetime
import json
import urllib.parse
import html

from common import Case, csv_line, failing_digits, gen_ssn, hexid, id_key, name_tokens, uuid4
from people import Emails, Names, Phones, render_phone, us_address
from shared import ids

PHARMACY = "Cascade Mail Pharmacy (PPS)"
GROCER = "FreshWay Markets"
SUBJECT = "Your prescriptions are moving to FreshWay Pharmacy"
DRUGS = [("Metformin HCl 500 MG Oral Tablet", "diabetes"), ("Lisinopril 10 MG Oral Tablet", "blood pressure"),
         ("Atorvastatin Calcium 20 MG Oral Tablet", "cholesterol"), ("Levothyroxine Sodium 75 MCG Oral Tablet", "thyroid"),
         ("Sertraline HCl 50 MG Oral Tablet", "depression"), ("Insulin Glargine 100 UNIT/ML Pen", "diabetes"),
         ("Albuterol Sulfate HFA 90 MCG/ACT Inhaler", "asthma"), ("Emtricitabine/Tenofovir DF 200-300 MG Tablet", "HIV PrEP"),
         ("Omeprazole 20 MG Delayed Release Capsule", "reflux"), ("Amlodipine Besylate 5 MG Oral Tablet", "blood pressure")]
STAFF = ["Laura Chen", "Marcus Webb", "Dana Kowalski", "Priya Raman", "Tom Becker", "Angela Ruiz"]
DOMAINS = ["example.com", "example.net", "example.org", "mail.example.com", "inbox.test", "webmail.test"]


class Pa:
    pass


def build(seed, rng):
    c = Case(5, "us_mailorder_pharmacy", seed, rng,
             "Mail-order pharmacy patients exposed through an account migration to a grocery chain (US), 2014-07 to 2023-01")
    names, phones, emails = Names(rng), Phones(rng), Emails(rng)
    names.reserve(STAFF)
    pats = []
    for i in range(282):
        k = Pa()
        k.female = rng.random() < 0.55
        k.given, k.surname, _, k.mi = names.new("us", k.female, middle=True)
        k.suffix = "" if k.female or rng.random() > 0.07 else rng.choice(["Jr.", "Sr.", "III"])
        k.email = emails.new(k.given, k.surname, DOMAINS)
        k.dob = ids.rand_date(rng, 1935, 1998)
        k.phone = phones.new("US") if rng.random() < 0.55 else None
        k.addr = us_address(rng) if rng.random() < 0.7 else None
        k.ssn = None
        k.pno = f"PPS-{rng.randint(100000, 999999):07d}"
        pats.append(k)
    # namesakes: three pairs with the same name and different e-mails
    for a, b in ((pats[2], pats[60]), (pats[9], pats[120]), (pats[30], pats[200])):
        b.given, b.surname, b.female = a.given, a.surname, a.female
        b.mi, b.suffix = "", ""
        a.mi, a.suffix = "", ""
        c.namesakes.add(name_tokens(f"{a.given} {a.surname}"))
    # households: couples sharing one inbox
    hh = []
    cand = [k for k in pats[210:]]
    for a, b in zip(cand[0:20:2], cand[1:20:2]):
        b.surname = a.surname
        if name_tokens(f"{b.given} {b.surname}") in names.used:
            b.given = b.given + "ne" if b.female else b.given + "son"
        names.used.add(name_tokens(f"{b.given} {b.surname}"))
        b.email = a.email
        b.addr = a.addr
        c.households[id_key("email", a.email)] = "household_email"
        hh.append(a.email)
    c.extra["household_emails"] = hh
    for k in pats:
        full = " ".join(x for x in (k.given, (k.mi + ".") if k.mi else "", k.surname, k.suffix) if x)
        k.full = full
        k.p = c.person(full, "en", controllers=[PHARMACY])
        k.p.variants.append(f"{k.given} {k.surname}")
        if k.email in hh:
            k.p.note = "shares a household inbox"
        if name_tokens(f"{k.given} {k.surname}") in c.namesakes:
            k.p.note = "namesake (same name, different e-mail)"
    only = []
    for i in range(30):
        k = Pa()
        g, s, _, _ = names.new("us", rng.random() < 0.5)
        k.email = emails.new(g, s, DOMAINS)
        k.p = c.person("", "en", controllers=[PHARMACY])
        k.p.note = "known only by e-mail (SES or Mandrill)"
        only.append(k)

    def disp(k, with_mi):
        return " ".join(x for x in (k.given, (k.mi + ".") if (k.mi and with_mi) else "", k.surname, k.suffix if with_mi else "") if x)

    # ------------------------------------------------------------ SES notifications through SNS
    periods = [("2014", datetime.datetime(2014, 7, 18, 16, 0), datetime.datetime(2014, 12, 31)),
               ("2015-2017", datetime.datetime(2015, 1, 1), datetime.datetime(2017, 12, 31)),
               ("2018-2020", datetime.datetime(2018, 1, 1), datetime.datetime(2020, 12, 31)),
               ("2021-2023", datetime.datetime(2021, 1, 1), datetime.datetime(2023, 1, 11, 9, 0))]
    hh_members = [k for k in pats if k.email in hh]
    ses_pick = hh_members + rng.sample([k for k in pats if k.email not in hh], 170) + only[:20]
    rng.shuffle(ses_pick)
    firsts, lasts = [], []
    for pi, (lab, t0, t1) in enumerate(periods):
        doc = f"ses/notifications-{lab}.jsonl.gz"
        grp = ses_pick[pi::4]
        span = int((t1 - t0).total_seconds())
        times = sorted(t0 + datetime.timedelta(seconds=rng.randrange(span)) for _ in grp)
        if pi == 0:
            times[0] = t0 + datetime.timedelta(minutes=3)
        if pi == 3:
            times[-1] = t1 - datetime.timedelta(minutes=7)
        L = []
        for k, t in zip(grp, times):
            p = k.p
            named = hasattr(k, "given") and (rng.random() < 0.8 or k.email in hh)
            to = f"{disp(k, rng.random() < 0.7)} <{k.email}>" if named else k.email
            ts = t.strftime("%Y-%m-%dT%H:%M:%S.") + f"{rng.randrange(1000):03d}Z"
            mid = f"0100{hexid(rng, 12)}-{uuid4(rng)}-000000"
            bounce = rng.random() < 0.08
            msg = {"notificationType": "Bounce" if bounce else "Delivery",
                   "mail": {"timestamp": ts, "source": "FreshWay Pharmacy <noreply@freshway.example.com>",
                            "sourceArn": "arn:aws:ses:us-west-2:111122223333:identity/freshway.example.com",
                            "messageId": mid, "destination": [k.email], "headersTruncated": False,
                            "commonHeaders": {"from": ["FreshWay Pharmacy <noreply@freshway.example.com>"], "to": [to],
                                              "messageId": mid, "subject": SUBJECT}}}
            if bounce:
                msg["bounce"] = {"bounceType": "Permanent", "bounceSubType": "General",
                                 "bouncedRecipients": [{"emailAddress": k.email, "action": "failed", "status": "5.1.1",
                                                        "diagnosticCode": "smtp; 550 5.1.1 user unknown"}],
                                 "timestamp": ts, "feedbackId": f"0100{hexid(rng, 12)}-{uuid4(rng)}-000000"}
            else:
                msg["delivery"] = {"timestamp": ts, "processingTimeMillis": rng.randint(300, 4000), "recipients": [k.email],
                                   "smtpResponse": "250 2.0.0 OK", "reportingMTA": "a27-30.smtp-out.us-west-2.amazonses.com"}
            env = {"Type": "Notification", "MessageId": uuid4(rng),
                   "TopicArn": "arn:aws:sns:us-west-2:111122223333:ses-freshway-notifications",
                   "Message": json.dumps(msg, separators=(",", ":")), "Timestamp": ts,
                   "SignatureVersion": "1", "Signature": "".join(rng.choice("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/") for _ in range(172)) + "==",
                   "SigningCertURL": "https://sns.us-west-2.amazonaws.com/SimpleNotificationService-" + hexid(rng, 32) + ".pem",
                   "UnsubscribeURL": "https://sns.us-west-2.amazonaws.com/?Action=Unsubscribe&SubscriptionArn=arn:aws:sns:us-west-2:111122223333:ses-freshway-notifications:" + uuid4(rng)}
            L.append(json.dumps(env, separators=(",", ":")))
            c.ident(p, "email", k.email, k.email, doc, "Message.mail.destination")
            c.opt(p, "health_data", doc, "Message (pharmacy patient)")
            if named:
                c.nm(p, doc, "Message.mail.commonHeaders.to", to.split(" <")[0])
        c.add_gzip(doc, "\n".join(L) + "\n", views=("json", "json2"))
        if pi == 0:
            firsts.append(times[0])
        if pi == 3:
            lasts.append(times[-1])
    c.extra["exposure_window"] = {"first": firsts[0].strftime("%Y-%m-%dT%H:%M:%SZ"), "last": lasts[0].strftime("%Y-%m-%dT%H:%M:%SZ")}

    # ------------------------------------------------------------ NCPDP SCRIPT 10.6 NewRx messages
    rx_k = rng.sample(pats, 150)
    for k in rng.sample(rx_k, 45):
        k.ssn = gen_ssn(rng)
    prescribers = []
    for i in range(8):
        g, s, _, _ = names.new("us", rng.random() < 0.5)
        npi = failing_digits(rng, 10, "1")
        prescribers.append((g, s, npi, phones.new("US")))
    zmembers = []
    ndc_dec = []
    pr_doc = {}
    for k in rx_k:
        for _ in range(rng.randint(1, 2)):
            p = k.p
            yr = rng.randint(2016, 2022)
            sent = datetime.datetime(yr, rng.randint(1, 12), rng.randint(1, 28), rng.randint(8, 18), rng.randint(0, 59))
            msgid = hexid(rng, 32)
            if yr <= 2019:
                name_ = f"NEWRX_{msgid}.xml"
                doc = "erx/archive/newrx_2016-2019.zip!/" + name_
            else:
                doc = f"erx/inbound/{sent.year}/NEWRX_{msgid}.xml"
            pr = rng.choice(prescribers)
            pr_doc.setdefault(pr[2], doc)
            drug, cond = rng.choice(DRUGS)
            ndc = failing_digits(rng, 11, "00")
            ndc_dec.append((ndc, doc))
            ids_x = ""
            if k.ssn:
                ids_x += f"<SocialSecurity>{k.ssn.replace('-', '')}</SocialSecurity>"
                c.ident(p, "us_ssn", k.ssn, k.ssn.replace("-", ""), doc, "Patient/Identification/SocialSecurity")
            ids_x += f"<MedicalRecordIdentificationNumberEHR>{k.pno[4:]}</MedicalRecordIdentificationNumberEHR>"
            comm = []
            if k.phone:
                comm.append(f"<Communication><Number>{k.phone[2:]}</Number><Qualifier>TE</Qualifier></Communication>")
                c.ident(p, "phone", k.phone, k.phone[2:], doc, "Patient/CommunicationNumbers/TE")
            if True:
                comm.append(f"<Communication><Number>{k.email}</Number><Qualifier>EM</Qualifier></Communication>")
                c.ident(p, "email", k.email, k.email, doc, "Patient/CommunicationNumbers/EM")
            addr = ""
            if k.addr:
                a = k.addr
                addr = (f"<Address><AddressLine1>{a['street']}</AddressLine1><City>{a['city']}</City><State>{a['state']}</State>"
                        f"<ZipCode>{a['zip']}</ZipCode></Address>")
                c.el(p, "postal_address", doc, "Patient/Address", a["street"])
            mid = f"<MiddleName>{k.mi}</MiddleName>" if k.mi else ""
            suf = f"<Suffix>{k.suffix.rstrip('.')}</Suffix>" if k.suffix else ""
            c.nm(p, doc, "Patient/Name", k.surname, k.given)
            c.el(p, "date_of_birth", doc, "Patient/DateOfBirth", k.dob.isoformat())
            c.el(p, "prescription", doc, "MedicationPrescribed/DrugDescription", drug)
            c.opt(p, "health_data", doc, "MedicationPrescribed")
            x = ('<?xml version="1.0" encoding="UTF-8"?>\n'
                 '<Message xmlns="http://www.ncpdp.org/schema/SCRIPT" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" version="010" release="006">\n'
                 f'  <Header>\n    <To Qualifier="P">{3800000 + rng.randint(1000, 9999)}</To>\n    <From Qualifier="C">{pr[2]}001</From>\n'
                 f'    <MessageID>{msgid}</MessageID>\n    <SentTime>{sent.strftime("%Y-%m-%dT%H:%M:%S")}.0Z</SentTime>\n'
                 '    <Security><Sender><TertiaryIdentification>SURESCRIPTS</TertiaryIdentification></Sender></Security>\n  </Header>\n'
                 '  <Body>\n    <NewRx>\n'
                 '      <Pharmacy><Identification><NCPDPID>3801234</NCPDPID><NPI>1003000126</NPI></Identification>'
                 '<StoreName>Cascade Mail Pharmacy</StoreName><Address><AddressLine1>4000 SW Mailorder Way</AddressLine1><City>Portland</City>'
                 '<State>OR</State><ZipCode>97201</ZipCode></Address><CommunicationNumbers><Communication><Number>5035550100</Number>'
                 '<Qualifier>TE</Qualifier></Communication></CommunicationNumbers></Pharmacy>\n'
                 f'      <Prescriber><Identification><NPI>{pr[2]}</NPI></Identification><Name><LastName>{pr[1]}</LastName>'
                 f'<FirstName>{pr[0]}</FirstName></Name><CommunicationNumbers><Communication><Number>{pr[3][2:]}</Number>'
                 '<Qualifier>TE</Qualifier></Communication></CommunicationNumbers></Prescriber>\n'
                 f'      <Patient><Identification>{ids_x}</Identification><Name><LastName>{html.escape(k.surname)}</LastName>'
                 f'<FirstName>{k.given}</FirstName>{mid}{suf}</Name><Gender>{"F" if k.female else "M"}</Gender>'
                 f'<DateOfBirth><Date>{k.dob.isoformat()}</Date></DateOfBirth>{addr}'
                 + (f'<CommunicationNumbers>{"".join(comm)}</CommunicationNumbers>' if comm else "") + '</Patient>\n'
                 f'      <MedicationPrescribed><DrugDescription>{drug}</DrugDescription><DrugCoded><ProductCode>{ndc}</ProductCode>'
                 '<ProductCodeQualifier>ND</ProductCodeQualifier></DrugCoded><Quantity><Value>90</Value><CodeListQualifier>38</CodeListQualifier>'
                 f'<UnitSourceCode>AC</UnitSourceCode><PotencyUnitCode>C48542</PotencyUnitCode></Quantity><Directions>Take 1 tablet by mouth daily</Directions>'
                 f'<Refills><Qualifier>R</Qualifier><Value>{rng.randint(0, 5)}</Value></Refills><Substitutions>0</Substitutions>'
                 f'<WrittenDate><Date>{sent.date().isoformat()}</Date></WrittenDate></MedicationPrescribed>\n'
                 '    </NewRx>\n  </Body>\n</Message>\n')
            if yr <= 2019:
                zmembers.append((name_, x.encode("utf-8"), "utf-8", ("xml",)))
            else:
                c.add(doc, x, views=("xml",))
    zmembers.sort(key=lambda m: m[0])
    c.add_zip("erx/archive/newrx_2016-2019.zip", zmembers)
    for ndc, doc in ndc_dec[:30]:
        c.decoy("ndc_product_code", ndc, doc, "DrugCoded/ProductCode", must_fail=True)
    for pr in prescribers:
        if pr[2] in pr_doc:
            c.decoy("prescriber_npi", pr[2], pr_doc[pr[2]], "Prescriber/NPI", must_fail=True)
            c.decoy("prescriber_phone", pr[3][2:], pr_doc[pr[2]], "Prescriber/CommunicationNumbers")

    # ------------------------------------------------------------ ServiceNow XML unload of migration incidents
    doc = "servicenow/incident_pharmacy_migration_unload.xml"
    agents = [("Marcus Webb", hexid(rng, 32)), ("Dana Kowalski", hexid(rng, 32)), ("Priya Raman", hexid(rng, 32))]
    inc_k = rng.sample([k for k in pats if k.email not in hh], 62)
    others = [k for k in pats if k not in inc_k and k.email not in hh]
    rng.shuffle(others)
    x = ['<?xml version="1.0" encoding="UTF-8"?>', f'<unload unload_date="2023-01-12 18:04:11">']
    num = 10230
    for i, k in enumerate(inc_k):
        p = k.p
        num += rng.randint(1, 30)
        opened = datetime.datetime(rng.randint(2014, 2022), rng.randint(1, 12), rng.randint(1, 28), rng.randint(8, 20), rng.randint(0, 59))
        nm = disp(k, False)
        desc = [f"Caller {nm} says they got the FreshWay account e-mail for their PPS prescriptions."]
        c.nm(p, doc, "caller_id@display_value", nm)
        c.ident(p, "email", k.email, k.email, doc, "u_caller_email")
        if i < 14:
            o = others[i]
            on = disp(o, True)
            desc.append(f"They say the message was addressed to someone else: {on} <{o.email}>. Asked to delete it.")
            c.nm(o.p, doc, "description", on)
            c.ident(o.p, "email", o.email, o.email, doc, "description")
            c.opt(o.p, "health_data", doc, "description")
        if rng.random() < 0.25:
            drug, cond = rng.choice(DRUGS)
            desc.append(f"Worried the new account shows their {drug.split()[0].lower()} refills ({cond}).")
            c.el(p, "health_data", doc, "description", cond)
        phone_x = ""
        if k.phone:
            raw = render_phone(rng, k.phone)
            phone_x = f"    <u_caller_phone>{raw}</u_caller_phone>\n"
            c.ident(p, "phone", k.phone, raw, doc, "u_caller_phone")
        ag = rng.choice(agents)
        work = f"{opened.strftime('%Y-%m-%d %H:%M:%S')} - {ag[0]} (Work notes)\nCalled back, explained the migration. Closed."
        x.append(f'  <incident action="INSERT_OR_UPDATE">\n    <active>false</active>\n'
                 f'    <assigned_to display_value="{ag[0]}" name="{ag[0]}">{ag[1]}</assigned_to>\n'
                 f'    <caller_id display_value="{html.escape(nm)}">{hexid(rng, 32)}</caller_id>\n'
                 f'    <category>inquiry</category>\n    <contact_type>phone</contact_type>\n'
                 f'    <description>{html.escape(" ".join(desc), quote=False)}</description>\n'
                 f'    <number>INC00{num}</number>\n    <opened_at>{opened.strftime("%Y-%m-%d %H:%M:%S")}</opened_at>\n'
                 f'    <short_description>PPS migration - account e-mail question</short_description>\n'
                 f'    <state>7</state>\n    <sys_id>{hexid(rng, 32)}</sys_id>\n    <u_caller_email>{k.email}</u_caller_email>\n{phone_x}'
                 f'    <u_pps_patient_number>{k.pno}</u_pps_patient_number>\n'
                 f'    <work_notes>{html.escape(work, quote=False)}</work_notes>\n  </incident>')
    x.append('</unload>')
    c.add(doc, "\n".join(x) + "\n", views=("xml",))

    # ------------------------------------------------------------ Marketo lead export
    doc = "marketing/marketo_leads_pps_migration_2014.csv"
    hdr = ["Id", "First Name", "Middle Name", "Last Name", "Email Address", "Phone Number", "Address", "City", "State",
           "Postal Code", "Lead Source", "Created At", "Updated At", "Unsubscribed", "Email Invalid", "PPS Patient Number"]
    out = [csv_line(hdr)]
    seen = set()
    mk = [k for k in pats if rng.random() < 0.72 or not k.p.req]
    lid = 1002000
    for k in mk:
        if k.email in seen:
            continue
        seen.add(k.email)
        p = k.p
        lid += rng.randint(1, 40)
        em = emails.raw_form(k.email, caps=0.2, pad=0.05)
        row = [str(lid), k.given, k.mi, k.surname + (" " + k.suffix if k.suffix else ""), em, "", "", "", "", "", "PPS Migration",
               (datetime.datetime(2014, 7, 17) + datetime.timedelta(seconds=rng.randrange(86400 * 20))).strftime("%Y-%m-%d %H:%M:%S"),
               "2014-08-30 02:11:09", rng.choice(["false", "false", "true"]), "false", k.pno]
        c.nm(p, doc, "First Name/Last Name", k.given, k.surname)
        c.ident(p, "email", k.email, em, doc, "Email Address")
        c.opt(p, "health_data", doc, "Lead Source (pharmacy patient)")
        if k.phone and rng.random() < 0.6:
            row[5] = render_phone(rng, k.phone)
            c.ident(p, "phone", k.phone, row[5], doc, "Phone Number")
        if k.addr and rng.random() < 0.6:
            a = k.addr
            row[6], row[7], row[8], row[9] = a["street"], a["city"], a["state"], a["zip"]
            c.el(p, "postal_address", doc, "Address", a["street"])
        out.append(csv_line(row))
    c.add(doc, "".join(out))

    # ------------------------------------------------------------ nginx log of Mandrill webhooks (form-encoded JSON)
    doc = "webhooks/access_mandrill_2015.log.gz"
    mk2 = rng.sample(pats, 70) + only[20:] + rng.sample(only[:20], 4)
    rng.shuffle(mk2)
    L = []
    t = datetime.datetime(2015, 3, 2, 9, 0)
    i = 0
    while i < len(mk2):
        n = rng.randint(1, 4)
        grp, i = mk2[i:i + n], i + n
        t += datetime.timedelta(seconds=rng.randint(30, 20000))
        evs = []
        for k in grp:
            p = k.p
            ts = int((t - datetime.datetime(1970, 1, 1)).total_seconds())
            msg = {"ts": ts - 5, "subject": SUBJECT, "email": k.email, "sender": "noreply@freshway.example.com",
                   "tags": ["pps-migration"], "state": "sent", "_id": hexid(rng, 32), "_version": hexid(rng, 22)}
            if hasattr(k, "given") and rng.random() < 0.6:
                nm = disp(k, True)
                msg["metadata"] = {"patient_name": nm, "pps": k.pno}
                c.nm(p, doc, "mandrill_events.msg.metadata.patient_name", nm)
            ev = rng.choice(["send", "send", "open", "click"]) if rng.random() < 0.95 else "hard_bounce"
            evs.append({"event": ev, "msg": msg, "_id": msg["_id"], "ts": ts})
            c.ident(p, "email", k.email, k.email, doc, "mandrill_events.msg.email")
            c.opt(p, "health_data", doc, "mandrill_events")
        body = "mandrill_events=" + urllib.parse.quote_plus(json.dumps(evs, separators=(",", ":")))
        L.append(f'198.2.{rng.randint(128, 191)}.{rng.randint(1, 254)} - - [{t.strftime("%d/%b/%Y:%H:%M:%S")} +0000] '
                 f'"POST /hooks/mandrill HTTP/1.1" 200 2 "-" "Mandrill-Webhook/1.0" rt=0.0{rng.randint(10, 99)} "{body}"')
    c.add_gzip(doc, "\n".join(L) + "\n", views=("pct",))

    c.extra["pharmacy"] = PHARMACY
    c.extra["grocer"] = GROCER
    c.extra["staff"] = STAFF
    return c
