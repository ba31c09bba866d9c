"""Case 4: medical laboratory network (Poland) published in three batches.

batch1: a Neo4j `apoc.export.cypher.all` dump (cypher-shell format) and a Grafana Loki `query_range` JSON with logfmt
lines; batch2: BigQuery NDJSON export shards (gzip) and an InsERT Subiekt EDI++ (.epp) file in windows-1250;
batch3: a Splunk CSV export whose `_raw` is JSON, and a tar.gz re-posting the batch-1 dump with an older 2017 dump.
"""
import datetime

import people as P
from common import Case, csv_line, dt, epoch, failing_digits, hexid, jdump, mistype, rand_dt
from shared import ids

LAB = "Diagnolab Laboratoria Medyczne Sp. z o.o."
TESTS = [("Glukoza", "mg/dl", "70-99", (70, 160)), ("TSH", "mIU/l", "0,27-4,2", (0.1, 9.0)),
         ("Cholesterol całkowity", "mg/dl", "<190", (130, 320)), ("Hemoglobina", "g/dl", "12-16", (9.0, 17.5)),
         ("Kreatynina", "mg/dl", "0,5-1,1", (0.4, 2.5)), ("CRP", "mg/l", "<5", (0.2, 60.0)),
         ("HbA1c", "%", "<5,7", (4.5, 11.0)), ("Witamina D3", "ng/ml", "30-50", (8.0, 70.0)),
         ("ALT", "U/l", "<35", (8, 140)), ("Ferrytyna", "ng/ml", "13-150", (5, 400))]
DOCTORS = [("Marek Wróblewski", "1234567"), ("Agnieszka Sikora", "2345678"), ("Tomasz Pietrzak", "3456789")]
PUBLISHED = {"batch1": "2023-11-03T18:00:00Z", "batch2": "2023-11-17T18:00:00Z", "batch3": "2023-12-08T18:00:00Z"}


def val(rng, t):
    lo, hi = t[3]
    v = rng.uniform(lo, hi)
    s = f"{v:.0f}" if hi > 50 else f"{v:.2f}".replace(".", ",")
    return s


def build(seed, rng):
    c = Case(4, "pl_lab_batches", seed, rng,
             "Medical laboratory network (Poland) whose stolen data was published in three batches; Neo4j Cypher "
             "dump, Loki query JSON, BigQuery NDJSON shards, Subiekt EDI++ file, Splunk CSV export, re-posted tar.gz.")
    names, phones, emails = P.Names(rng), P.Phones(rng), P.Emails(rng)
    names.reserve([d[0] for d in DOCTORS])
    pats = []

    def new_pat(ukr=False):
        female = rng.random() < 0.57
        g, s, cyr, _ = names.new("uk" if ukr else "pl", female)
        d = P.dob(rng, 1940, 2015)
        x = {"g": g, "s": s, "cyr": cyr, "female": female, "dob": d, "ukr": ukr,
             "pesel": None if ukr else ids.pl_pesel(rng, d, female),
             "passport": ("F" + rng.choice("EJKM") + f"{rng.randint(100000, 999999)}") if ukr else None,
             "addr": P.pl_address(rng), "addr2": None,
             "phone": phones.new("PL") if rng.random() < 0.6 else None,
             "email": emails.new(P.fold(g), P.fold(s)) if rng.random() < 0.45 else None}
        x["p"] = c.person(f"{g} {s}", "uk" if ukr else "pl")
        x["p"].controllers = [LAB]
        if cyr:
            x["p"].variants.append(cyr)
        pats.append(x)
        return x

    total = rng.randint(380, 410)
    for i in range(total):
        new_pat(ukr=rng.random() < 0.04)
    # namesakes: three pairs with the same name and their own PESEL
    for k in range(3):
        a = [x for x in pats if not x["ukr"]][k * 7]
        b = new_pat()
        names.used.discard(P.name_tokens(b["p"].name))
        b["g"], b["s"] = a["g"], a["s"]
        b["p"].name = a["p"].name
        c.namesakes.add(P.name_tokens(a["p"].name))
        a["p"].note = f"namesake of {b['p'].tid}"
        b["p"].note = f"namesake of {a['p'].tid}"
    for x in pats:
        if x["ukr"]:
            x["p"].note = "Ukrainian patient with a passport only (no PESEL)"
    rng.shuffle(pats)
    n = len(pats)
    b1 = pats[:int(n * 0.5)]
    b2_new = pats[int(n * 0.5):int(n * 0.78)]
    b3_new = pats[int(n * 0.78):int(n * 0.9)]
    old2017 = pats[int(n * 0.9):]
    cy = cypher(c, rng, b1, "batch1/neo4j/alab_export.cypher", 2023)
    loki(c, rng, b1, names)
    b2 = b2_new + rng.sample(b1, len(b1) // 3)
    bigquery(c, rng, b2)
    epp(c, rng, [x for x in b2 if not x["ukr"] and rng.random() < 0.35] + [x for x in b1 if not x["ukr"]][:15])
    b3 = [x for x in b3_new if not x["ukr"]] + rng.sample([x for x in b1 + b2_new if not x["ukr"]], 30)
    splunk(c, rng, b3)
    for x in b3_new:
        if x["ukr"]:
            old2017.append(x)
    # older dump: new patients and known ones at an older address
    known_old = rng.sample(b1, 25)
    for x in known_old:
        x["addr2"] = P.pl_address(rng)
    old_text = cypher_text(c, rng, old2017 + known_old, 2017, use_old=True)
    c.add_targz("batch3/paczka_3.tar.gz", [("cypher/alab_export.cypher", cy, "utf-8", ("cypher",)),
                                            ("cypher/alab_export_2017.cypher", old_text[0].encode("utf-8"), "utf-8", ("cypher",))])
    register_cypher(c, "batch3/paczka_3.tar.gz!/cypher/alab_export.cypher", c._cy_regs)
    register_cypher(c, "batch3/paczka_3.tar.gz!/cypher/alab_export_2017.cypher", old_text[1])
    for x in pats:
        if not x["p"].req:
            raise RuntimeError("patient never exposed " + x["p"].tid)
    c.batch_truth(["batch1", "batch2", "batch3"], PUBLISHED)
    c.extra["lab"] = LAB
    c.extra["batch_rule"] = ("new = first batch with a required element; known_with_new_elements = required elements "
                             "of this batch neither required nor optional earlier (a birth date is never new once the "
                             "PESEL was exposed); unchanged = seen again with nothing new; cumulative = persons so far")
    c.extra["staff"] = [d[0] for d in DOCTORS]
    return c


def cq(s):
    return s.replace("\\", "\\\\").replace('"', '\\"')


def cypher_text(c, rng, plist, year, use_old=False):
    lines = [":begin",
             "CREATE CONSTRAINT UNIQUE_IMPORT_NAME FOR (node:`UNIQUE IMPORT LABEL`) REQUIRE (node.`UNIQUE IMPORT ID`) IS UNIQUE;",
             ":commit", "CALL db.awaitIndexes(300);", ":begin"]
    regs = []
    uid = 0
    rels = []
    for d in DOCTORS:
        lines.append(f"UNWIND [{{_id:{uid}, properties:{{imie:\"{d[0].split()[0]}\", nazwisko:\"{d[0].split()[1]}\", pwz:\"{d[1]}\"}}}}] AS row")
        lines.append("CREATE (n:`UNIQUE IMPORT LABEL`{`UNIQUE IMPORT ID`: row._id}) SET n += row.properties SET n:Lekarz;")
        uid += 1
    for x in plist:
        a = x["addr2"] if use_old and x["addr2"] else x["addr"]
        t = rng.choice(TESTS)
        v = val(rng, t)
        res = f"{t[0]} {v} {t[1]}"
        props = []
        if x["pesel"]:
            props.append(f'pesel:"{x["pesel"]}"')
        else:
            props.append(f'paszport:"{x["passport"]}"')
        props += [f'imie:"{cq(x["g"])}"', f'nazwisko:"{cq(x["s"])}"', f'dataUrodzenia:date("{x["dob"].isoformat()}")',
                  f'adres:"{cq(a["street"] + ", " + a["zip"] + " " + a["city"])}"']
        ph = None
        if x["phone"] and rng.random() < 0.6:
            ph = P.render_phone(rng, x["phone"], style=rng.choice([0, 2, 3]))
            props.append(f'telefon:"{ph}"')
        props.append(f'ostatnieBadanie:"{cq(res)}"')
        order = failing_digits(rng, 10, str(year % 100))
        props.append(f'zlecenie:"{order}"')
        lines.append(f"UNWIND [{{_id:{uid}, properties:{{{', '.join(props)}}}}}] AS row")
        lines.append("CREATE (n:`UNIQUE IMPORT LABEL`{`UNIQUE IMPORT ID`: row._id}) SET n += row.properties SET n:Pacjent;")
        rels.append((uid, rng.randrange(len(DOCTORS))))
        regs.append((x, a, ph, res, order))
        uid += 1
    lines.append(":commit")
    lines.append(":begin")
    for u, d in rels:
        lines.append(f"MATCH (n1:`UNIQUE IMPORT LABEL`{{`UNIQUE IMPORT ID`:{d}}}), (n2:`UNIQUE IMPORT LABEL`{{`UNIQUE IMPORT ID`:{u}}}) CREATE (n1)-[r:ZLECIL]->(n2);")
    lines += [":commit", ":begin",
              "MATCH (n:`UNIQUE IMPORT LABEL`)  WITH n LIMIT 20000 REMOVE n:`UNIQUE IMPORT LABEL` REMOVE n.`UNIQUE IMPORT ID`;",
              ":commit", ":begin", "DROP CONSTRAINT UNIQUE_IMPORT_NAME;", ":commit", ""]
    return "\n".join(lines), regs


def register_cypher(c, doc, regs):
    for x, a, ph, res, order in regs:
        p = x["p"]
        c.nm(p, doc, "imie/nazwisko", x["g"], x["s"])
        if x["pesel"]:
            c.ident(p, "pl_pesel", x["pesel"], x["pesel"], doc, "pesel")
        else:
            c.decoy("Ukrainian passport number", x["passport"], doc, "paszport")
        c.el(p, "date_of_birth", doc, "dataUrodzenia", x["dob"].isoformat())
        c.el(p, "postal_address", doc, "adres", a["street"])
        if ph:
            c.ident(p, "phone", x["phone"], ph, doc, "telefon")
        c.el(p, "lab_result", doc, "ostatnieBadanie", res)
        c.opt(p, "health_data", doc, "ostatnieBadanie")
        c.decoy("date-shaped order number", order, doc, "zlecenie", must_fail=True)
    for d in DOCTORS:
        c.decoy("physician PWZ number (staff)", d[1], doc, "pwz", must_fail=True)


def cypher(c, rng, plist, doc, year):
    text, regs = cypher_text(c, rng, plist, year)
    c.add(doc, text, views=("cypher",))
    register_cypher(c, doc, regs)
    c._cy_regs = regs
    return text.encode("utf-8")


def loki(c, rng, plist, names):
    doc = "batch1/loki/powiadomienia_query_range.json"
    values_sms, values_mail, values_warn = [], [], []
    regs = []
    for x in plist:
        if x["ukr"] or rng.random() < 0.45:
            continue
        when = rand_dt(rng, dt(2023, 10, 1), dt(2023, 10, 30))
        ns = str(epoch(when)) + f"{rng.randint(0, 999999999):09d}"
        name = f"{x['g']} {x['s']}"
        order = failing_digits(rng, 10, "23")
        if x["phone"]:
            tel = "+" + x["phone"].lstrip("+") if rng.random() < 0.6 else x["phone"][3:]
            line = f'level=info ts={when.strftime("%Y-%m-%dT%H:%M:%S")}Z caller=sms.go:88 msg="SMS wysłany" pesel={x["pesel"]} tel={tel} pacjent="{name}" zlecenie={order}'
            values_sms.append([ns, line])
            regs.append((x, "tel", tel, name, order))
        if x["email"]:
            line = f'level=info ts={when.strftime("%Y-%m-%dT%H:%M:%S")}Z caller=mail.go:41 msg="e-mail z wynikami" pesel={x["pesel"]} email={x["email"]} pacjent="{name}" zlecenie={order}'
            values_mail.append([ns[:-3] + "001", line])
            regs.append((x, "email", x["email"], name, order))
        if rng.random() < 0.08:
            wrong = mistype(rng, x["pesel"])
            if wrong:
                values_warn.append([ns[:-3] + "002", f'level=warn ts={when.strftime("%Y-%m-%dT%H:%M:%S")}Z caller=pesel.go:17 msg="niepoprawny PESEL, odrzucono" pesel={wrong}'])
                c._loki_wrong = getattr(c, "_loki_wrong", []) + [wrong]
    res = []
    for lbl, vals in (({"app": "powiadomienia", "channel": "sms", "level": "info"}, values_sms),
                      ({"app": "powiadomienia", "channel": "email", "level": "info"}, values_mail),
                      ({"app": "powiadomienia", "level": "warn"}, values_warn)):
        vals.sort(key=lambda v: v[0], reverse=True)
        res.append({"stream": lbl, "values": vals})
    data = {"status": "success", "data": {"resultType": "streams", "result": res,
                                          "stats": {"summary": {"bytesProcessedPerSecond": 18233811, "linesProcessedPerSecond": 70211,
                                                                "totalBytesProcessed": 9120771, "totalLinesProcessed": 35116,
                                                                "execTime": 0.5002}}}}
    c.add(doc, jdump(data, ascii_=rng.random() < 0.5) + "\n", views=("json",))
    for x, kind, v, name, order in regs:
        p = x["p"]
        c.nm(p, doc, "pacjent", name)
        c.ident(p, "pl_pesel", x["pesel"], x["pesel"], doc, "pesel")
        if kind == "tel":
            c.ident(p, "phone", x["phone"], v, doc, "tel")
        else:
            c.ident(p, "email", x["email"], v, doc, "email")
        c.decoy("date-shaped order number", order, doc, "zlecenie", must_fail=True)
    for w in getattr(c, "_loki_wrong", []):
        c.decoy("mistyped PESEL (rejected)", w, doc, "pesel", must_fail=True)


def bigquery(c, rng, plist):
    rows = []
    regs = []
    for x in plist:
        tests = rng.sample(TESTS, rng.randint(1, 3))
        wy = [{"badanie": t[0], "wartosc": val(rng, t), "jednostka": t[1], "norma": t[2]} for t in tests]
        when = rand_dt(rng, dt(2023, 9, 1), dt(2023, 11, 10))
        pac = {"pesel": x["pesel"], "paszport": x["passport"], "imie": x["cyr"].split(" ")[0] if x["ukr"] and x["cyr"] and rng.random() < 0.5 else x["g"]}
        pac["nazwisko"] = x["cyr"].split(" ", 1)[1] if pac["imie"] != x["g"] else x["s"]
        pac["data_urodzenia"] = x["dob"].isoformat()
        em = x["email"] if x["email"] and rng.random() < 0.8 else None
        pac["email"] = em
        pac["adres"] = {"ulica": x["addr"]["street"], "kod": x["addr"]["zip"], "miasto": x["addr"]["city"]}
        order = failing_digits(rng, 10, "23")
        rows.append({"zlecenie_id": order, "pacjent": pac, "wyniki": wy,
                     "pobrano": when.strftime("%Y-%m-%d %H:%M:%S.000000 UTC"),
                     "punkt": rng.choice(["PP Łódź Piotrkowska", "PP Warszawa Mokotów", "PP Kraków Kazimierz", "PP Wrocław Rynek"]),
                     "kwota": str(rng.randint(19, 250)) + ".00"})
        regs.append((x, pac, em, wy, order))
    half = (len(rows) + 1) // 2
    for k, chunk in enumerate((rows[:half], rows[half:])):
        doc = f"batch2/bigquery/wyniki-{k:012d}.json.gz"
        c.add_gzip(doc, "".join(jdump(r) + "\n" for r in chunk), views=("json",))
        for x, pac, em, wy, order in regs[k * half:(k + 1) * half]:
            p = x["p"]
            c.nm(p, doc, "pacjent.imie/nazwisko", pac["imie"], pac["nazwisko"])
            if x["pesel"]:
                c.ident(p, "pl_pesel", x["pesel"], x["pesel"], doc, "pacjent.pesel")
            else:
                c.decoy("Ukrainian passport number", x["passport"], doc, "pacjent.paszport")
            c.el(p, "date_of_birth", doc, "pacjent.data_urodzenia", x["dob"].isoformat())
            if em:
                c.ident(p, "email", em, em, doc, "pacjent.email")
            c.el(p, "postal_address", doc, "pacjent.adres", x["addr"]["street"])
            c.el(p, "lab_result", doc, "wyniki", wy[0]["wartosc"])
            c.opt(p, "health_data", doc, "wyniki")
            c.decoy("date-shaped order number", order, doc, "zlecenie_id", must_fail=True)


def epp(c, rng, plist):
    """InsERT Subiekt EDI++ file: [INFO], invoice headers and contents, then the contractors section."""
    doc = "batch2/subiekt/FS_2023-10_kontrahenci.epp"
    seen = []
    for x in plist:
        if x not in seen:
            seen.append(x)
    lines = ['[INFO]', '"1.05",3,1250,"Subiekt GT","DIAGNOLAB","DIAGNOLAB","Diagnolab Laboratoria Medyczne Sp. z o.o.",'
             '"Łódź","90-001","ul. Piotrkowska 100","7251234567","MAG","Główny","Magazyn główny",,1,20231001000000,'
             '20231031000000,"Administrator",20231101101500,"Polska","PL","PL7251234567",1', ""]
    regs = []
    for i, x in enumerate(seen):
        sym = P.fold(x["g"][0] + x["s"]).upper()[:12] + str(i)
        t = rng.choice(TESTS)
        amount = f"{rng.randint(19, 250)}.0000"
        a = x["addr"]
        ph = P.render_phone(rng, x["phone"], style=0) if x["phone"] else ""
        name = f"{x['g']} {x['s']}"
        lines += ["[NAGLOWEK]", f'"FS",1,0,{100 + i},"FS {100 + i}/10/2023",,"FS {100 + i}/10/2023",,,,,"{sym}","{name}",'
                  f'"{name}","{a["city"]}","{a["zip"]}","{a["street"]}","",'
                  f'"Sprzedaż","Sprzedaż detaliczna","Łódź",20231015000000,20231015000000,20231015000000,1,1,"Detaliczna",{amount},0,{amount}',
                  "", "[ZAWARTOSC]", f'1,1,"BAD{rng.randint(100, 999)}",1,0,0,1,0,0,"szt.",1.0000,1.0000,,{amount},{amount},"{t[0]}"', ""]
        regs.append((x, sym, name, ph, t))
    lines += ["[NAGLOWEK]", '"KONTRAHENCI"', "", "[ZAWARTOSC]"]
    for x, sym, name, ph, t in regs:
        a = x["addr"]
        lines.append(f'0,"{sym}","{name}","{name}","{a["city"]}","{a["zip"]}","{a["street"]}","","","",'
                     f'"{ph}","","","","{x["pesel"]}","","Polska","PL",0')
    lines.append("")
    c.add(doc, "\n".join(lines), "cp1250", newline="\r\n")
    for x, sym, name, ph, t in regs:
        p = x["p"]
        c.nm(p, doc, "nazwa kontrahenta", name)
        c.ident(p, "pl_pesel", x["pesel"], x["pesel"], doc, "KONTRAHENCI pesel")
        c.el(p, "postal_address", doc, "KONTRAHENCI ulica", x["addr"]["street"])
        if ph:
            c.ident(p, "phone", x["phone"], ph, doc, "KONTRAHENCI telefon")
        c.opt(p, "purchase_history", doc, "ZAWARTOSC", t[0])
        c.opt(p, "health_data", doc, "ZAWARTOSC")
    c.decoy("the lab's NIP", "7251234567", doc, "INFO")


def splunk(c, rng, plist):
    doc = "batch3/splunk/portal_rejestracje_2023-11.csv"
    out = [csv_line(["_time", "host", "source", "sourcetype", "_raw"], quote_all=True)]
    regs = []
    for x in plist:
        when = rand_dt(rng, dt(2023, 11, 1), dt(2023, 11, 30))
        em = x["email"] or None
        ph = ("+" + x["phone"].lstrip("+")) if x["phone"] and rng.random() < 0.7 else None
        h = "$2b$12$" + "".join(rng.choice("./ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789") for _ in range(53))
        raw = jdump({"ts": when.strftime("%Y-%m-%dT%H:%M:%S.%f")[:-3] + "Z", "event": "account.created", "level": "INFO",
                     "user": {"pesel": x["pesel"], "imie": x["g"], "nazwisko": x["s"], "email": em, "telefon": ph,
                              "password_hash": h, "zgoda_marketing": rng.random() < 0.3}},
                    ascii_=rng.random() < 0.3)
        out.append(csv_line([when.strftime("%Y-%m-%dT%H:%M:%S.000+0100"), "portal-web-02", "/var/log/portal/audit.json",
                             "_json", raw], quote_all=True))
        regs.append((x, em, ph, h))
    c.add(doc, "".join(out), views=("csvq", "csvjson"))
    for x, em, ph, h in regs:
        p = x["p"]
        c.nm(p, doc, "_raw.user.imie/nazwisko", x["g"], x["s"])
        c.ident(p, "pl_pesel", x["pesel"], x["pesel"], doc, "_raw.user.pesel")
        if em:
            c.ident(p, "email", em, em, doc, "_raw.user.email")
        if ph:
            c.ident(p, "phone", x["phone"], ph, doc, "_raw.user.telefon")
        c.el(p, "credentials", doc, "_raw.user.password_hash", h)
