"""Case 4: a medical laboratory network (PL) whose stolen data is published in three batches, shaped like ALAB.

batch1: an Informix `dbexport` directory (`LABDB.exp/*.unl` data files named only by the `.sql` schema beside them;
ISO-8859-2, DBDATE=DMY4.), the gang's note.
batch2: a CouchDB `_all_docs?include_docs=true` dump of the results portal (bcrypt hashes), fluentd `out_file` logs
of the SMS notifier, Apache Solr select responses of the patient index.
batch3: Microsoft Graph message pages of the data-protection officer's inbox, a LimeSurvey response export, and a
tar.gz re-posting the batch-1 patient file byte for byte with a nested zip of the 2017 export.
"""
import datetime
import json

from common import Case, csv_line, failing_digits, hexid, id_key, mistype, name_tokens, uuid4
from people import Emails, Names, Phones, pl_address, render_phone
from shared import ids

LAB = "LabMed Centrum Diagnostyczne Sp. z o.o."
TESTS = [("TSH", "mIU/l", "0,27-4,20", (0.1, 9.0)), ("Glukoza", "mg/dl", "70-99", (60, 240)), ("Cholesterol całkowity", "mg/dl", "<190", (120, 320)),
         ("Kreatynina", "mg/dl", "0,5-1,1", (0.4, 2.8)), ("CRP", "mg/l", "<5", (0.2, 90)), ("HbA1c", "%", "4,0-6,0", (4.2, 11.5)),
         ("Hemoglobina", "g/dl", "12,0-16,0", (8.5, 17.5)), ("ALT", "U/l", "<35", (8, 160)), ("Ferrytyna", "ng/ml", "13-150", (3, 600)),
         ("Witamina D3 (25-OH)", "ng/ml", "30-50", (6, 80)), ("PSA całkowity", "ng/ml", "<4", (0.2, 14)), ("Beta-HCG", "mIU/ml", "<5", (0.5, 90000))]
CONDITIONS = [("cukrzycę", "Choruję na cukrzycę i boję się, że moje wyniki trafiły do internetu."),
              ("ciąży", "Jestem w ciąży i robiłam u Państwa badania prenatalne."),
              ("Hashimoto", "Mam Hashimoto, regularnie badam TSH."),
              ("nowotwór", "Leczę się onkologicznie (nowotwór piersi), wyniki są dla mnie bardzo wrażliwe.")]
STAFF = ["Ewa Zalewska", "Tomasz Górecki", "Katarzyna Lis", "Marek Dąbrowski", "Agnieszka Wrona"]


class Pt:
    pass


def fmt_num(x):
    return (f"{x:.2f}" if x < 10 else f"{x:.1f}" if x < 100 else f"{x:.0f}").replace(".", ",")


def build(seed, rng):
    c = Case(4, "pl_lab_batches", seed, rng,
             "Medical laboratory network (PL); stolen data published in three batches (scan each leak/batchN with --batch batchN)")
    names, phones, emails = Names(rng), Phones(rng), Emails(rng)
    names.reserve(STAFF)
    published = {"batch1": "2023-11-03", "batch2": "2023-11-17", "batch3": "2023-12-08"}

    pts = []
    used_pass = set()

    def new_pt(ua=False):
        k = Pt()
        k.ua = ua
        k.female = rng.random() < 0.58
        k.given, k.surname, k.cyr, _ = names.new("uk" if ua else "pl", k.female)
        k.dob = ids.rand_date(rng, 1940, 2010)
        k.pesel = None if ua else ids.pl_pesel(rng, k.dob, k.female)
        k.passport = None
        if ua:
            while True:
                k.passport = rng.choice(["FE", "FC", "EK", "FA"]) + f"{rng.randint(100000, 999999)}"
                if k.passport not in used_pass:
                    used_pass.add(k.passport)
                    break
        k.phone = phones.new("UA" if ua else "PL") if (ua or rng.random() < 0.78) else None
        k.email = emails.new(k.given, k.surname, ["o2.example.net", "poczta.example.com", "example.com", "skrzynka.test"]) if rng.random() < 0.6 else None
        k.addr = pl_address(rng)
        k.old_addr = pl_address(rng)
        k.pid = None
        k.results = []
        k.p = c.person(f"{k.given} {k.surname}", "uk" if ua else "pl", controllers=[LAB])
        if k.cyr:
            k.p.variants.append(k.cyr)
        if ua:
            k.p.note = "Ukrainian patient with a passport only"
        pts.append(k)
        return k

    b1 = [new_pt(ua=(i % 17 == 5)) for i in range(222)]
    # namesakes: three pairs with the same name and different PESELs
    pl_b1 = [k for k in b1 if not k.ua]
    for a, b in ((pl_b1[3], pl_b1[40]), (pl_b1[11], pl_b1[90]), (pl_b1[20], pl_b1[150])):
        if a.female != b.female:
            b.female = a.female
            b.pesel = ids.pl_pesel(rng, b.dob, b.female)
        b.given, b.surname = a.given, a.surname
        b.p.name = a.p.name
        c.namesakes.add(name_tokens(a.p.name))
        a.p.note = b.p.note = "namesake (same name, different PESEL)"
    pid = 1000
    for k in b1:
        pid += rng.randint(1, 6)
        k.pid = pid

    # ------------------------------------------------------------ batch1: Informix dbexport
    unl_p = "batch1/LABDB.exp/pacje00100.unl"
    unl_w = "batch1/LABDB.exp/wynik00101.unl"
    sql = "batch1/LABDB.exp/LABDB.sql"

    def pacjent_line(k, doc, addr, with_email, register=True):
        p = k.p
        tel = render_phone(rng, k.phone) if k.phone else ""
        em = k.email if (with_email and k.email) else ""
        created = datetime.datetime(2017, 1, 1) + datetime.timedelta(seconds=rng.randrange(6 * 365 * 86400))
        f = [str(k.pid), k.pesel or "", k.surname, k.given, k.dob.strftime("%d.%m.%Y"), addr["street"], addr["zip"], addr["city"],
             tel, em, k.passport or "", created.strftime("%Y-%m-%d %H:%M:%S")]
        k.written = (tel, em)
        if register:
            c.nm(p, doc, "nazwisko/imie", k.surname, k.given)
            c.el(p, "date_of_birth", doc, "data_ur", k.dob.strftime("%d.%m.%Y"))
            c.el(p, "postal_address", doc, "ulica", addr["street"])
            if k.pesel:
                c.ident(p, "pl_pesel", k.pesel, k.pesel, doc, "pesel")
            if tel:
                c.ident(p, "phone", k.phone, tel, doc, "telefon")
            if em:
                c.ident(p, "email", k.email, em, doc, "email")
            if k.passport:
                c.decoy("passport_number", k.passport, doc, "nr_paszportu", note="a passport number is not a national ID")
        return "|".join(x.replace("|", "\\|") for x in f) + "|\n"

    b1_email = {id(k): rng.random() < 0.4 for k in b1}
    text_p = "".join(pacjent_line(k, unl_p, k.addr, b1_email[id(k)]) for k in b1)
    b1_written = {id(k): k.written for k in b1}
    pac_bytes = text_p.encode("iso-8859-2")
    c.add(unl_p, pac_bytes, "iso-8859-2")
    wl = []
    wid = 55000
    orders_dec = []
    for k in b1:
        for _ in range(rng.randint(1, 5)):
            t = rng.choice(TESTS)
            if t[0] == "PSA całkowity" and k.female:
                t = TESTS[0]
            if t[0] == "Beta-HCG" and not k.female:
                t = TESTS[1]
            d = datetime.date(2023, rng.randint(1, 10), rng.randint(1, 28)) if rng.random() < 0.7 else datetime.date(rng.randint(2017, 2022), rng.randint(1, 12), rng.randint(1, 28))
            nz = failing_digits(rng, 10, d.strftime("%y%m%d"))
            orders_dec.append(nz)
            val = rng.uniform(*t[3])
            wid += rng.randint(1, 4)
            pwz = f"{rng.randint(1000000, 9999999)}"
            wl.append(f"{wid}|{k.pid}|{nz}|{d.strftime('%d.%m.%Y')}|{t[0]}|{fmt_num(val)}|{t[1]}|{t[2]}|{pwz}|\n")
            c.el(k.p, "lab_result", unl_w, "badanie/wynik (pacjent_id)", t[0])
            c.opt(k.p, "health_data", unl_w, "badanie/wynik")
            k.results.append((t, val, d))
    c.add(unl_w, "".join(wl).encode("iso-8859-2"), "iso-8859-2")
    for nz in orders_dec[:25]:
        c.decoy("order_number", nz, unl_w, "nr_zlecenia", must_fail=True, note="date-shaped order number")
    schema = f"""{{ DATABASE labdb  delimiter | }}

grant dba to "informix";
grant connect to "public";

{{ TABLE "informix".pacjent row size = 412 number of columns = 12 index size = 33 }}
{{ unload file name = pacje00100.unl number of rows = {len(b1)} }}

create table "informix".pacjent
  (
    id serial not null ,
    pesel char(11),
    nazwisko varchar(60),
    imie varchar(40),
    data_ur date,
    ulica varchar(80),
    kod_poczt char(6),
    miasto varchar(40),
    telefon varchar(20),
    email varchar(80),
    nr_paszportu char(12),
    utworzony datetime year to second,
    primary key (id)
  );

revoke all on "informix".pacjent from "public" as "informix";

{{ TABLE "informix".wynik row size = 203 number of columns = 9 index size = 27 }}
{{ unload file name = wynik00101.unl number of rows = {len(wl)} }}

create table "informix".wynik
  (
    id serial not null ,
    pacjent_id integer not null ,
    nr_zlecenia char(10),
    data_pobrania date,
    badanie varchar(60),
    wynik varchar(20),
    jednostka varchar(16),
    norma varchar(30),
    lekarz_pwz char(7),
    primary key (id)
  );

revoke all on "informix".wynik from "public" as "informix";

alter table "informix".wynik add constraint (foreign key (pacjent_id)
    references "informix".pacjent  constraint "informix".fk_wynik_pacjent);

create index "informix".ix_pacjent_pesel on "informix".pacjent (pesel) using btree ;
"""
    c.add(sql, schema.encode("iso-8859-2"), "iso-8859-2")
    c.add("batch1/!!!_CRYPTOWOLF_README_!!!.txt",
          "YOUR NETWORK WAS ENCRYPTED BY CRYPTOWOLF.\n\nWe downloaded 480 GB of your data: patients, results, invoices.\n"
          "This is batch 1. Next batches will be published every two weeks until you contact us.\n\n"
          "Contact: cryptowolf-support.onion (Tor)\nYour ID: 6f1c0e55a9d24b1c\n")

    # ------------------------------------------------------------ batch2
    known = [k for k in b1]
    new2 = [new_pt(ua=(i % 15 == 7)) for i in range(62)]
    for k in new2:
        pid += rng.randint(1, 6)
        k.pid = pid
    # CouchDB portal accounts
    doc = "batch2/portal/couchdb_konta_all_docs.json"
    acc = [k for k in rng.sample([k for k in known if k.pesel], 85)] + [k for k in new2[:22] if k.pesel]
    rows = []
    for k in acc:
        p = k.p
        if not k.email:
            k.email = emails.new(k.given, k.surname, ["o2.example.net", "poczta.example.com"])
        h = "$2b$12$" + "".join(rng.choice("./ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789") for _ in range(53))
        res = []
        for t in rng.sample(TESTS, rng.randint(1, 3)):
            v = rng.uniform(*t[3])
            res.append({"badanie": t[0], "wynik": fmt_num(v), "jednostka": t[1], "norma": t[2],
                        "data": datetime.date(2023, rng.randint(6, 10), rng.randint(1, 28)).isoformat()})
            c.el(p, "lab_result", doc, "ostatnie_wyniki.badanie", t[0])
            c.opt(p, "health_data", doc, "ostatnie_wyniki")
        d_id = "konto:" + hexid(rng, 24)
        tel = render_phone(rng, k.phone) if k.phone else None
        d = {"_id": d_id, "_rev": f"{rng.randint(1, 9)}-{hexid(rng, 32)}", "typ": "konto", "pesel": k.pesel, "imie": k.given,
             "nazwisko": k.surname, "email": k.email, "telefon": tel, "haslo_bcrypt": h, "zgoda_sms": tel is not None,
             "utworzono": (datetime.datetime(2020, 1, 1) + datetime.timedelta(seconds=rng.randrange(3 * 365 * 86400))).strftime("%Y-%m-%dT%H:%M:%S.000Z"),
             "ostatnie_wyniki": res}
        rows.append({"id": d_id, "key": d_id, "value": {"rev": d["_rev"]}, "doc": d})
        c.nm(p, doc, "imie/nazwisko", k.given, k.surname)
        c.ident(p, "pl_pesel", k.pesel, k.pesel, doc, "pesel")
        c.opt(p, "date_of_birth", doc, "pesel")
        c.ident(p, "email", k.email, k.email, doc, "email")
        if tel:
            c.ident(p, "phone", k.phone, tel, doc, "telefon")
        c.el(p, "credentials", doc, "haslo_bcrypt", h)
    rows.append({"id": "_design/konta", "key": "_design/konta", "value": {"rev": "4-" + hexid(rng, 32)},
                 "doc": {"_id": "_design/konta", "_rev": "4-" + hexid(rng, 32), "language": "javascript",
                         "views": {"po_peselu": {"map": "function (doc) { if (doc.typ === 'konto') emit(doc.pesel, null); }"},
                                   "po_emailu": {"map": "function (doc) { if (doc.email) emit(doc.email.toLowerCase(), doc.pesel); }"}}}})
    rows.sort(key=lambda r: r["id"])
    c.add(doc, '{"total_rows":%d,"offset":0,"rows":[\n' % len(rows) + ",\n".join(json.dumps(r, ensure_ascii=False, separators=(",", ":")) for r in rows) + "\n]}\n",
          views=("json",))
    # fluentd out_file logs of the SMS notifier
    sms_k = rng.sample([k for k in known if k.phone and k.pesel], 60) + [k for k in new2[22:44] if k.phone and k.pesel]
    rng.shuffle(sms_k)
    typo = set(id(k) for k in rng.sample(sms_k, 5))
    for di, day in enumerate((10, 11)):
        doc = f"batch2/logi/fluentd/sms.202311{day}_0.log"
        part = sms_k[di::2]
        t = datetime.datetime(2023, 11, day, 7, 0, 0)
        L = []
        for k in part:
            p = k.p
            t += datetime.timedelta(seconds=rng.randint(20, 600))
            nz = failing_digits(rng, 10, t.strftime("%y%m%d"))
            tel = "+" + k.phone.lstrip("+") if rng.random() < 0.6 else render_phone(rng, k.phone)
            nm = f"{k.given} {k.surname}"
            if id(k) in typo:
                bad = mistype(rng, k.pesel)
                if bad:
                    L.append(t.strftime("%Y-%m-%dT%H:%M:%S+01:00") + "\tlab.sms.error\t" +
                             json.dumps({"level": "warn", "error": "pesel_invalid", "pesel": bad, "telefon": tel, "zlecenie": nz}, ensure_ascii=False, separators=(",", ":")))
                    c.decoy("mistyped_pesel", bad, doc, "pesel", must_fail=True, note="corrected in the next line")
                    t += datetime.timedelta(seconds=rng.randint(30, 200))
            L.append(t.strftime("%Y-%m-%dT%H:%M:%S+01:00") + "\tlab.sms.sent\t" +
                     json.dumps({"level": "info", "pesel": k.pesel, "telefon": tel, "pacjent": nm, "zlecenie": nz,
                                 "szablon": "wyniki_gotowe", "tresc": "LabMed: wyniki Twoich badan sa gotowe. Zaloguj sie na e-wyniki."},
                                ensure_ascii=False, separators=(",", ":")))
            c.nm(p, doc, "pacjent", nm)
            c.ident(p, "pl_pesel", k.pesel, k.pesel, doc, "pesel")
            c.opt(p, "date_of_birth", doc, "pesel")
            c.ident(p, "phone", k.phone, tel, doc, "telefon")
            if rng.random() < 0.1:
                t += datetime.timedelta(seconds=5)
                L.append(t.strftime("%Y-%m-%dT%H:%M:%S+01:00") + "\tfluent.warn\t" +
                         json.dumps({"message": "failed to flush the buffer. retry_times=0 next_retry_time=" + t.strftime("%Y-%m-%d %H:%M:%S") + " +0100 chunk=\"" + hexid(rng, 32) + "\" error_class=Errno::ECONNRESET"}))
        c.add(doc, "\n".join(L) + "\n")
    # Solr select responses of the patient index
    solr_new = new2[44:]
    picks = []
    for city_i in range(2):
        pick = rng.sample([k for k in known], 38) + solr_new[city_i::2]
        rng.shuffle(pick)
        picks.append(pick)
    for city_i, pick in enumerate(picks):
        doc = f"batch2/solr/pacjenci_select_{city_i + 1}.json"
        docs = []
        for k in pick:
            p = k.p
            d = {"id": f"P-{k.pid:06d}"}
            use_cyr = k.ua and k.cyr and rng.random() < 0.5
            if use_cyr:
                im, na = k.cyr.split(" ", 1)
            else:
                im, na = k.given, k.surname
            if k.pesel:
                d["pesel_s"] = k.pesel
                c.ident(p, "pl_pesel", k.pesel, k.pesel, doc, "pesel_s")
            else:
                d["paszport_s"] = k.passport
                c.decoy("passport_number", k.passport, doc, "paszport_s")
            d["nazwisko_t"] = [na]
            d["imie_s"] = im
            c.nm(p, doc, "imie_s/nazwisko_t", im, na)
            d["data_ur_dt"] = k.dob.strftime("%Y-%m-%dT00:00:00Z")
            c.el(p, "date_of_birth", doc, "data_ur_dt", k.dob.isoformat())
            a = f"{k.addr['street']}, {k.addr['zip']} {k.addr['city']}"
            d["adres_txt"] = [a]
            c.el(p, "postal_address", doc, "adres_txt", k.addr["street"])
            if k.phone:
                d["telefon_s"] = render_phone(rng, k.phone)
                c.ident(p, "phone", k.phone, d["telefon_s"], doc, "telefon_s")
            if k.email and rng.random() < 0.5:
                d["email_s"] = k.email
                c.ident(p, "email", k.email, k.email, doc, "email_s")
            tests = sorted({t[0][0] for t in k.results} or {rng.choice(TESTS)[0]})
            d["badania_ss"] = tests
            c.opt(p, "lab_result", doc, "badania_ss")
            d["_version_"] = 1780000000000000000 + rng.randrange(10 ** 16)
            docs.append(d)
        resp = {"responseHeader": {"zkConnected": True, "status": 0, "QTime": rng.randint(2, 40),
                                   "params": {"q": "*:*", "indent": "true", "fl": "*", "start": str(city_i * len(picks[0])),
                                              "rows": str(len(picks[0])), "wt": "json"}},
                "response": {"numFound": len(picks[0]) + len(picks[1]), "start": city_i * len(picks[0]), "numFoundExact": True, "docs": docs}}
        c.add(doc, json.dumps(resp, ensure_ascii=False, indent=2), views=("json",))

    # ------------------------------------------------------------ batch3
    new3 = [new_pt(ua=(i % 13 == 4)) for i in range(64)]
    # Graph messages of the DPO inbox
    mail_k = rng.sample([k for k in known + new2 if k.email], 26) + [k for k in new3[:16]]
    for k in mail_k:
        if not k.email:
            k.email = emails.new(k.given, k.surname, ["o2.example.net", "poczta.example.com"])
    rng.shuffle(mail_k)
    cond = set(id(k) for k in rng.sample(mail_k, 10))
    typo = set(id(k) for k in rng.sample([k for k in mail_k if k.pesel], 4))
    msgs = []
    t = datetime.datetime(2023, 11, 20, 8, 0, 0)
    for k in mail_k:
        p = k.p
        pages = []
        t += datetime.timedelta(minutes=rng.randint(20, 600))
        nm = f"{k.given} {k.surname}"
        code = k.pesel
        shown = code
        if code and id(k) in typo:
            shown = mistype(rng, code) or code
        body = [f"Dzień dobry,", f"nazywam się {nm}."]
        if code:
            body.append(f"Mój PESEL: {shown}.")
        else:
            body.append(f"Nie mam numeru PESEL, numer paszportu: {k.passport}.")
        if k.phone and (rng.random() < 0.6 or not k.pesel):
            tel = render_phone(rng, k.phone)
            body.append(f"Proszę o kontakt pod numerem {tel}.")
            c.ident(p, "phone", k.phone, tel, f"batch3/skrzynka_iod/graph_inbox_messages_p{1 if len(msgs) < 21 else 2}.json", "body.content")
        if rng.random() < 0.4:
            a = f"{k.addr['street']}, {k.addr['zip']} {k.addr['city']}"
            body.append(f"Mój adres do korespondencji: {a}.")
            c.el(p, "postal_address", f"batch3/skrzynka_iod/graph_inbox_messages_p{1 if len(msgs) < 21 else 2}.json", "body.content", k.addr["street"])
        if id(k) in cond:
            word, sent = rng.choice(CONDITIONS if k.female else [CONDITIONS[0], CONDITIONS[2]])
            body.append(sent)
            c.el(p, "health_data", f"batch3/skrzynka_iod/graph_inbox_messages_p{1 if len(msgs) < 21 else 2}.json", "body.content", word)
        body.append("Czy moje dane i wyniki badań zostały opublikowane przez przestępców? Proszę o informację, jakie dane wyciekły.")
        body.append(f"Z poważaniem<br>{nm}")
        msgs.append((k, t, body, shown != code))
        if shown != code:
            t2 = t + datetime.timedelta(minutes=rng.randint(3, 50))
            msgs.append((k, t2, [f"Przepraszam, pomyliłem się w numerze PESEL. Prawidłowy numer to {code}.", nm], False))
    for pg in (1, 2):
        doc = f"batch3/skrzynka_iod/graph_inbox_messages_p{pg}.json"
        chunk = msgs[:21] if pg == 1 else msgs[21:]
        vals = []
        for k, tt, body, is_typo in chunk:
            p = k.p
            nm = f"{k.given} {k.surname}"
            content = "<html><head><meta http-equiv=\"Content-Type\" content=\"text/html; charset=utf-8\"></head><body><div dir=\"ltr\">" + \
                      "".join(f"<p>{b}</p>" for b in body) + "</div></body></html>"
            preview = " ".join(b.replace("<br>", " ") for b in body)[:255]
            ea = {"emailAddress": {"name": nm, "address": k.email}}
            vals.append({"@odata.etag": 'W/"CQAAABYAAAD' + hexid(rng, 20) + '"', "id": "AAMkAGI2" + hexid(rng, 40) + "AAA=",
                         "createdDateTime": tt.strftime("%Y-%m-%dT%H:%M:%SZ"), "receivedDateTime": tt.strftime("%Y-%m-%dT%H:%M:%SZ"),
                         "hasAttachments": False, "subject": "Wyciek danych – prośba o informację", "bodyPreview": preview,
                         "importance": "normal", "isRead": rng.random() < 0.6,
                         "body": {"contentType": "html", "content": content}, "sender": ea, "from": ea,
                         "toRecipients": [{"emailAddress": {"name": "Inspektor Ochrony Danych", "address": "iod@labmed.example.com"}}],
                         "ccRecipients": [], "replyTo": []})
            c.nm(p, doc, "from.emailAddress.name", nm)
            c.ident(p, "email", k.email, k.email, doc, "from.emailAddress.address")
            if k.pesel and not is_typo:
                c.ident(p, "pl_pesel", k.pesel, k.pesel, doc, "body.content")
                c.opt(p, "date_of_birth", doc, "body.content")
            if is_typo:
                bad = [b for b in body if b.startswith("Mój PESEL")][0][len("Mój PESEL: "):-1]
                c.decoy("mistyped_pesel", bad, doc, "body.content", must_fail=True, note="corrected in the next message")
            if k.passport:
                c.decoy("passport_number", k.passport, doc, "body.content")
        page = {"@odata.context": "https://graph.microsoft.com/v1.0/$metadata#users('iod%40labmed.example.com')/mailFolders('inbox')/messages",
                "value": vals}
        if pg == 1:
            page["@odata.nextLink"] = "https://graph.microsoft.com/v1.0/users/iod@labmed.example.com/mailFolders/inbox/messages?%24top=21&%24skip=21"
        c.add(doc, json.dumps(page, ensure_ascii=False, indent=2), views=("json", "json_tags"))
        c.decoy("dpo_mailbox", "iod@labmed.example.com", doc, "toRecipients")
    # LimeSurvey responses of the complaint form
    doc = "batch3/ankiety/limesurvey_survey_738512_results.csv"
    hdr = ["id", "submitdate", "lastpage", "startlanguage", "seed", "token", "imie", "nazwisko", "pesel", "email", "telefon",
           "kanal[SQ001]", "kanal[SQ002]", "opis", "zgoda"]
    ls_k = rng.sample([k for k in known + new2], 22) + new3[16:40]
    rng.shuffle(ls_k)
    out = [csv_line(hdr, quote_all=True)]
    for n, k in enumerate(ls_k, 1):
        p = k.p
        complete = rng.random() < 0.85
        if k not in new3 and not any(o["type"] == "email" and o["value"] == k.email for o in p.occ):
            complete = True     # an e-mail first seen here must sit beside the PESEL or phone that joins it
        sub = datetime.datetime(2023, 11, 22) + datetime.timedelta(seconds=rng.randrange(12 * 86400))
        row = {h: "" for h in hdr}
        row.update({"id": str(n), "submitdate": sub.strftime("%Y-%m-%d %H:%M:%S") if complete else "", "lastpage": "2" if complete else "1",
                    "startlanguage": "pl", "seed": str(rng.randint(10 ** 8, 10 ** 9)), "imie": k.given, "nazwisko": k.surname})
        c.nm(p, doc, "imie/nazwisko", k.given, k.surname)
        if not k.email:
            k.email = emails.new(k.given, k.surname, ["o2.example.net", "skrzynka.test"])
        em = k.email if rng.random() < 0.85 else k.email.capitalize()
        row["email"] = em
        c.ident(p, "email", k.email, em, doc, "email")
        if complete:
            if k.pesel:
                pr = k.pesel if rng.random() < 0.7 else f"{k.pesel[:6]} {k.pesel[6:]}"
                row["pesel"] = pr
                c.ident(p, "pl_pesel", k.pesel, pr, doc, "pesel")
                c.opt(p, "date_of_birth", doc, "pesel")
            if k.phone:
                tel = render_phone(rng, k.phone)
                row["telefon"] = tel
                c.ident(p, "phone", k.phone, tel, doc, "telefon")
            row["kanal[SQ001]"] = "Y" if rng.random() < 0.6 else ""
            row["kanal[SQ002]"] = "Y" if rng.random() < 0.4 else ""
            txt = "Proszę o informację, czy moje dane wyciekły."
            if rng.random() < 0.25:
                word, sent = rng.choice(CONDITIONS if k.female else [CONDITIONS[0], CONDITIONS[2]])
                txt += " " + sent
                c.el(p, "health_data", doc, "opis", word)
            row["opis"] = txt
            row["zgoda"] = "Y"
        out.append(csv_line([row[h] for h in hdr], quote_all=True))
    c.add(doc, "".join(out))
    # the re-post: batch-1 patient file byte for byte, and the 2017 export in a nested zip
    old17_known = rng.sample([k for k in known if not k.ua], 20)
    old17_new = new3[40:]
    pid17 = 200
    lines17 = []
    zpath = "batch3/paczka_3.tar.gz!/stare/LABDB_2017.zip"
    zdoc = zpath + "!/LABDB.exp/pacje00100.unl"
    for k in sorted(old17_known + old17_new, key=lambda k: (k.surname, k.given)):
        if k.pid is None:
            pid17 += rng.randint(1, 5)
            k.pid = pid17
        lines17.append(pacjent_line(k, zdoc, k.old_addr if k in old17_known else k.addr, False))
    schema17 = schema.replace(f"number of rows = {len(b1)}", f"number of rows = {len(lines17)}").split("{ TABLE \"informix\".wynik")[0]
    zbytes = c.zip_bytes(zpath, [("LABDB.exp/pacje00100.unl", "".join(lines17).encode("iso-8859-2"), "iso-8859-2", ()),
                                 ("LABDB.exp/LABDB.sql", schema17.encode("iso-8859-2"), "iso-8859-2", ())])
    tdoc = "batch3/paczka_3.tar.gz"
    repost = tdoc + "!/LABDB.exp/pacje00100.unl"
    c.add_targz(tdoc, [("LABDB.exp/pacje00100.unl", pac_bytes, "iso-8859-2", ()),
                       ("LABDB.exp/LABDB.sql", schema.encode("iso-8859-2"), "iso-8859-2", ()),
                       ("stare/LABDB_2017.zip", zbytes, "archive", ())])
    for k in b1:   # the re-post exposes again what batch1 exposed
        p = k.p
        c.nm(p, repost, "nazwisko/imie", k.surname, k.given)
        if k.pesel:
            c.ident(p, "pl_pesel", k.pesel, k.pesel, repost, "pesel")
        c.el(p, "postal_address", repost, "ulica", k.addr["street"])
        c.el(p, "date_of_birth", repost, "data_ur", k.dob.strftime("%d.%m.%Y"))
        tel, em = b1_written[id(k)]
        if tel:
            c.ident(p, "phone", k.phone, tel, repost, "telefon")
        if em:
            c.ident(p, "email", k.email, em, repost, "email")
    # drop persons never written anywhere (a new patient drawn for a file that had no room for them)
    c.persons = [p for p in c.persons if p.req]
    c.batch_truth(["batch1", "batch2", "batch3"], published)
    c.extra["lab"] = LAB
    c.extra["batch_rule"] = ("new = first batch with a required element; known_with_new_elements = required elements of the batch "
                             "neither required nor optional in an earlier batch (a birth date is never new once the PESEL was exposed); "
                             "unchanged = seen again with nothing new; cumulative = persons with a required element so far")
    return c
