"""Case 1: loyalty system of a pharmacy chain, a beauty chain and a pet-store chain (Estonia).

Shapes: Debezium CDC change events as dumped by kafka-console-consumer (one topic plain, one with print.key=true, so
each line is `key<TAB>value`); log4j2 JsonLayout logs (one compact eventEol file, one default pretty-printed stream
of comma-separated objects without brackets); psql \\x expanded output and psql aligned output pasted into .txt
files; ARTS POSLog XML from the tills; a Jira Service Management RSS/XML export; a forwarded .eml whose XLSX
attachment has a hidden column and a hidden sheet.
"""
import collections
import re
import datetime
import json
import uuid

import fmt
import people
from common import Case
from shared import check, ids

DESC = ("Loyalty system of a pharmacy chain (Kaskapteek), a beauty chain (Ilumaailm) and a pet-store chain (Karvik), "
        "run by Lojaalsusprogrammid OÜ; phishing gave access to the CDC stream, the API logs, query outputs, till logs, "
        "the support Jira and a marketing mailbox.")
BRANDS = {"2900": "Kaskapteek AS", "2910": "Ilumaailm OÜ", "2920": "Karvik OÜ"}
PHARMA = [("4740012000017", "Ibumetin 400 mg N20", "3.49"), ("4740012000024", "Paracetamol 500 mg N20", "1.99"),
          ("4740012000031", "Strepsils Mesi-sidrun N24", "6.90"), ("4740012000048", "Nasivin 0,05% ninasprei", "5.20"),
          ("4740012000055", "Vitamiin D3 2000 IU N90", "8.95"), ("4740012000062", "Magneesium B6 N50", "7.40"),
          ("4740012000079", "Fenistil geel 30 g", "9.80"), ("4740012000086", "Rasedustest Clearblue", "11.50"),
          ("4740012000093", "Glükoosi testribad N50", "24.90"), ("4740012000109", "Tena Lady Normal N24", "8.60"),
          ("4740012000116", "Bepanthen salv 30 g", "8.20"), ("4740012000123", "Loratadin 10 mg N30", "4.10")]
BEAUTY = [("4740013000016", "Niisutav näokreem 50 ml", "18.90"), ("4740013000023", "Šampoon Argan 250 ml", "9.50"),
          ("4740013000030", "Huulepulk Rose 04", "14.00"), ("4740013000047", "Küünelakk Nude", "6.90"),
          ("4740013000054", "Päikesekreem SPF50", "16.40")]
PET = [("4740014000015", "Kassitoit kana 2 kg", "12.90"), ("4740014000022", "Koera maiuspalad 200 g", "3.90"),
       ("4740014000039", "Kassiliiv 10 l", "7.50"), ("4740014000046", "Kirbukaelarihm koerale", "15.90")]
STORES = {"2900": [("A014", "Kaskapteek Kristiine", "+372 640 1414"), ("A022", "Kaskapteek Tartu Lõunakeskus", "+372 730 2222"),
                   ("A031", "Kaskapteek Narva Astri", "+372 356 3131")],
          "2910": [("B003", "Ilumaailm Viru", "+372 640 3303")], "2920": [("C007", "Karvik Ülemiste", "+372 640 7707")]}
AGENTS = [("Tiina Kask", "tiina.kask@lojaalsus.example.ee"), ("Sergei Orlov", "sergei.orlov@lojaalsus.example.ee"),
          ("Helen Saar", "helen.saar@lojaalsus.example.ee")]
SUPPORT_PHONE = "+372 640 1234"


def build(seed):
    c = Case(1, "ee_loyalty", seed, DESC)
    r = c.rng
    u = people.Uniq(r)
    nm = people.NameMaker(r)
    u.reserve("37605030299")
    c.extra["controller"] = "Lojaalsusprogrammid OÜ (processor for the three chains)"
    c.extra["not_exposed"] = ["credentials", "iban", "payment_card", "prescription"]

    # ------------------------------------------------------------------ population
    N = 820
    P = []
    for i in range(N):
        lang = r.choices(["et", "ru", "en"], [68, 22, 10])[0]
        n = nm.make(lang)
        p = c.person(f"{n['given']} {n['surname']}", lang)
        p.a.update(n)
        if n["cyr_given"]:
            p.a["cyr"] = f"{n['cyr_given']} {n['cyr_surname']}"
            c.variant(p, p.a["cyr"])
        dob = u.dob(1938, 2005)
        p.a["dob"] = dob
        p.a["ik"] = u.ee(dob, n["female"])
        p.a["email"] = u.email(n["given"], n["surname"], ["example.com", "example.net", "example.org", "mail.example.com", "kodu.test", "post.example.net"]) if r.random() < 0.86 else None
        if r.random() < 0.36:
            nsn, e = u.phone("EE", "mobile")
            p.a["phone"] = (nsn, e)
        else:
            p.a["phone"] = None
        p.a["addr"] = people.ee_address(r) if r.random() < 0.2 else None
        p.a["cards"] = {}
        if r.random() < 0.9:
            p.a["cards"]["2900"] = u.card("2900")
        if r.random() < 0.22:
            p.a["cards"]["2910"] = u.card("2910")
        if r.random() < 0.13:
            p.a["cards"]["2920"] = u.card("2920")
        if not p.a["cards"]:
            p.a["cards"]["2900"] = u.card("2900")
        p.a["cid"] = 10000 + i * 3 + r.randint(0, 2)
        P.append(p)
    # households: two adults with their own ID codes share one inbox
    households = []
    for k in range(10):
        a, b = P[40 + 2 * k], P[41 + 2 * k]
        a.a["surname"] = a.a["surname"]
        if not a.a["email"]:
            a.a["email"] = u.email(a.a["given"], a.a["surname"])
        b.a["email"] = a.a["email"]
        households.append((a, b))
        c.shared_keys.add("email:" + a.a["email"])
        a.notes.append(f"shares the family inbox with {b.tid}")
        b.notes.append(f"shares the family inbox with {a.tid}")
    c.extra["household_emails"] = {a.a["email"]: [a.tid, b.tid] for a, b in households}


    cdc_people = [p for p in P if r.random() < 0.78 or any(p in h for h in households)]
    cdc_set = set(id(p) for p in cdc_people)
    rest = [p for p in P if id(p) not in cdc_set]
    beauty_only = rest[: len(rest) // 3]
    jira_only = rest[len(rest) // 3: len(rest) // 3 + 30]
    xlsx_only = rest[len(rest) // 3 + 30: len(rest) // 3 + 55]
    log_only_phone = []

    def ph_raw(p):
        return ids.render_phone(r, "EE", p.a["phone"][0])[0]

    # ------------------------------------------------------------------ CDC customer topic
    lines = []
    ts0 = 1695800000000
    for n, p in enumerate(cdc_people):
        op = "r" if n < len(cdc_people) * 0.7 else r.choice(["c", "u", "u", "d"])
        phone_raw = ph_raw(p) if p.a["phone"] else None
        after = collections.OrderedDict([
            ("id", p.a["cid"]), ("isikukood", p.a["ik"] if r.random() < 0.8 else int(p.a["ik"])),
            ("eesnimi", p.a["given"]), ("perenimi", p.a["surname"]),
            ("sunnikuupaev", people.epoch_days(p.a["dob"])), ("email", p.a["email"]), ("telefon", phone_raw),
            ("keel", p.lang.upper()), ("kaart_nr", p.a["cards"].get("2900")),
            ("aadress", people.one_line(p.a["addr"]) if p.a["addr"] else None),
            ("loodud", (1500000000 + r.randint(0, 190000000)) * 1000000), ("turundusnousolek", r.random() < 0.6)])
        before = None
        old_email = None
        if op == "u":
            before = collections.OrderedDict(after)
            if p.a["email"] and r.random() < 0.7 and not any(p in h for h in households):
                old_email = u.email(p.a["given"], p.a["surname"], ["example.com", "inbox.test", "webmail.test"])
                before["email"] = old_email
            else:
                before["turundusnousolek"] = not after["turundusnousolek"]
        if op == "d":
            before, after = after, None
        ev = collections.OrderedDict([("before", before), ("after", after),
                                      ("source", {"version": "2.3.4.Final", "connector": "postgresql", "name": "loyalty",
                                                  "ts_ms": ts0 + n * 137, "db": "loyalty", "schema": "public", "table": "customer",
                                                  "txId": 5512000 + n, "lsn": 88123456 + n * 512, "snapshot": "true" if op == "r" else "false"}),
                                      ("op", op), ("ts_ms", ts0 + n * 137 + 45)])
        lines.append(json.dumps(ev, ensure_ascii=False, separators=(",", ":")))
        rec = after or before
        p.a["cdc_phone"] = phone_raw
        p.a["cdc"] = (rec, old_email)
    # QA record with the public test code
    qa = {"before": None, "after": {"id": 1, "isikukood": "37605030299", "eesnimi": "Test", "perenimi": "Klient",
                                    "sunnikuupaev": -1, "email": "qa.loyalty@lojaalsus.example.ee", "telefon": None, "keel": "ET",
                                    "kaart_nr": None, "aadress": None, "loodud": 1500000000000000, "turundusnousolek": False},
          "source": {"version": "2.3.4.Final", "connector": "postgresql", "name": "loyalty", "ts_ms": ts0, "db": "loyalty",
                     "schema": "public", "table": "customer", "txId": 5511999, "lsn": 88123000, "snapshot": "true"},
          "op": "r", "ts_ms": ts0 + 1}
    lines.insert(3, json.dumps(qa, ensure_ascii=False, separators=(",", ":")))
    doc = c.file("kafka/loyalty.public.customer.jsonl", "\n".join(lines) + "\n", "json")
    c.decoy("qa_test_person", "37605030299", doc, "after.isikukood", "QA record with the public test code", raw="37605030299")
    c.decoy("role_mailbox", "qa.loyalty@lojaalsus.example.ee", doc, "after.email", "QA mailbox")
    for p in cdc_people:
        rec, old = p.a["cdc"]
        c.nid(p, doc, "ee_isikukood", p.a["ik"], field="isikukood")
        c.name(p, doc, f"{p.a['given']} {p.a['surname']}", "eesnimi+perenimi", parts=[p.a["given"], p.a["surname"]])
        c.el(p, doc, "date_of_birth", "sunnikuupaev", optional=True)
        if p.a["email"]:
            c.email(p, doc, p.a["email"], field="email")
        if old:
            c.email(p, doc, old, field="before.email")
            p.notes.append("CDC update shows an older e-mail")
        if p.a["phone"]:
            c.phone(p, doc, p.a["phone"][1], p.a["cdc_phone"], "telefon")
        if p.a["cards"].get("2900"):
            c.expose(p, doc, "loyalty_card", "kaart_nr", idtype="loyalty_card", value=p.a["cards"]["2900"])
        if p.a["addr"]:
            c.el(p, doc, "postal_address", "aadress", people.one_line(p.a["addr"]))
        p.a["known_card"] = set(k for k in ["2900"] if p.a["cards"].get(k))

    # ------------------------------------------------------------------ CDC card topic, kafka-console-consumer --property print.key=true
    lines = []
    kid = 50000
    for p in cdc_people:
        for pre in ("2910", "2920"):
            if pre in p.a["cards"]:
                kid += r.randint(1, 9)
                val = {"before": None, "after": {"id": kid, "klient_id": p.a["cid"], "kaardi_nr": p.a["cards"][pre],
                                                 "brand": {"2910": "ILUMAAILM", "2920": "KARVIK"}[pre], "staatus": "AKTIIVNE"},
                       "source": {"connector": "postgresql", "table": "card", "ts_ms": ts0 + kid}, "op": "r", "ts_ms": ts0 + kid + 3}
                lines.append(json.dumps({"id": kid}) + "\t" + json.dumps(val, ensure_ascii=False))
                p.a.setdefault("card_lines", []).append(pre)
    doc = c.file("kafka/loyalty.public.card.keyed.txt", "\n".join(lines) + "\n", "json")
    for p in cdc_people:
        for pre in p.a.get("card_lines", []):
            c.expose(p, doc, "loyalty_card", "after.kaardi_nr", idtype="loyalty_card", value=p.a["cards"][pre])
            p.a["known_card"].add(pre)
            p.notes.append("secondary card known through card.klient_id = customer.id (CDC)")

    # ------------------------------------------------------------------ psql expanded output: beauty chain customers
    beauty = [p for p in cdc_people if "2910" in p.a["cards"]][:160] + beauty_only
    r.shuffle(beauty)
    recs = []
    for p in beauty:
        if "2910" not in p.a["cards"]:
            p.a["cards"]["2910"] = u.card("2910")
        a = p.a["addr"] or (people.ee_address(r) if r.random() < 0.5 else None)
        p.a["b_addr"] = a
        praw = ph_raw(p) if p.a["phone"] else ""
        p.a["b_phone"] = praw
        recs.append([("klient_id", str(p.a["cid"])), ("isikukood", p.a["ik"]), ("nimi", f"{p.a['given']} {p.a['surname']}"),
                     ("e_post", p.a["email"] or ""), ("telefon", praw), ("aadress", a["street"] if a else ""),
                     ("postiindeks", a["zip"] if a else ""), ("linn", a["city"] if a else ""), ("kaart", p.a["cards"]["2910"]),
                     ("sunnipaev", p.a["dob"].isoformat()), ("viimane_ost", f"2023-09-{r.randint(1, 28):02d} {r.randint(8, 21):02d}:{r.randint(0, 59):02d}:00+03")])
    head = ("loyalty=> \\x\nExpanded display is on.\nloyalty=> SELECT k.id AS klient_id, k.isikukood, k.eesnimi || ' ' || k.perenimi AS nimi, "
            "k.email AS e_post, k.telefon, a.tanav AS aadress, a.indeks AS postiindeks, a.linn, c.kaardi_nr AS kaart, k.sunnikuupaev AS sunnipaev, "
            "max(o.aeg) AS viimane_ost\nloyalty-> FROM customer k JOIN card c ON c.klient_id = k.id LEFT JOIN address a ON a.klient_id = k.id "
            "LEFT JOIN purchase o ON o.kaart = c.kaardi_nr\nloyalty-> WHERE c.brand = 'ILUMAAILM' GROUP BY 1,2,3,4,5,6,7,8,9,10;\n")
    doc = c.file("andmebaas/ilumaailm_kliendid_x.txt", head + fmt.psql_expanded(recs), "text")
    for p in beauty:
        c.nid(p, doc, "ee_isikukood", p.a["ik"], field="isikukood")
        c.name(p, doc, f"{p.a['given']} {p.a['surname']}", "nimi")
        if p.a["email"]:
            c.email(p, doc, p.a["email"], field="e_post")
        if p.a["b_phone"]:
            c.phone(p, doc, p.a["phone"][1], p.a["b_phone"], "telefon")
        if p.a["b_addr"]:
            c.el(p, doc, "postal_address", "aadress", p.a["b_addr"]["street"])
        c.expose(p, doc, "loyalty_card", "kaart", idtype="loyalty_card", value=p.a["cards"]["2910"])
        c.el(p, doc, "date_of_birth", "sunnipaev", p.a["dob"].isoformat())
        p.a.setdefault("known_card", set()).add("2910")

    # ------------------------------------------------------------------ Jira Service Management export
    jira_people = jira_only + r.sample(cdc_people, 90)
    r.shuffle(jira_people)
    items = []
    jdoc = "jira/SUP-export-2023-09.xml"
    jira_exp = []
    for k, p in enumerate(jira_people):
        key = f"SUP-{4100 + k * 2 + r.randint(0, 1)}"
        agent = r.choice(AGENTS)
        lang = p.lang
        card = p.a["cards"].get("2900") or next(iter(p.a["cards"].values()))
        cyr = lang == "ru" and p.a.get("cyr") and r.random() < 0.6
        disp = p.a["cyr"] if cyr else f"{p.a['given']} {p.a['surname']}"
        if not p.a["email"]:
            p.a["email"] = u.email(p.a["given"], p.a["surname"])
        em = p.a["email"]
        show_ik = r.random() < 0.55
        show_phone = p.a["phone"] and r.random() < 0.5
        praw = ph_raw(p) if show_phone else None
        cgroup = " ".join([card[:4], card[4:8], card[8:12], card[12:]]) if r.random() < 0.4 else card
        if lang == "ru":
            title = "Не начисляются бонусы на карту"
            body = (f"<p>Здравствуйте! Меня зовут {disp}.</p><p>Номер карты: {cgroup}" +
                    (f"<br/>Личный код: {p.a['ik']}" if show_ik else "") + (f"<br/>Телефон: {praw}" if show_phone else "") +
                    "</p><p>Бонусы за покупку 23.09 не начислены.</p>")
        elif lang == "en":
            title = "Loyalty card not recognised at till"
            body = (f"<p>Hello, my name is {disp}. My card {cgroup} was declined at the till." +
                    (f" Personal code {p.a['ik']}." if show_ik else "") + (f" Call me at {praw}." if show_phone else "") + "</p>")
        else:
            title = r.choice(["Kaart ei tööta", "Boonuspunktid puudu", "Andmete muutmine"])
            body = (f"<p>Tere! Olen {disp}" + (f" (isikukood {p.a['ik']})" if show_ik else "") +
                    f".</p><p>Kliendikaart {cgroup} ei anna soodustust.</p>" + (f"<p>Tel {praw}</p>" if show_phone else ""))
        comment = (f"<p>Tere! Kontrollisime kaarti, punktid on lisatud.</p><p>Lugupidamisega<br/>{agent[0]}<br/>Klienditeenindus, "
                   f"Lojaalsusprogrammid OÜ<br/>{SUPPORT_PHONE}<br/>{agent[1]}</p>")
        items.append(
            f"""    <item>
      <title>[{key}] {fmt.x(title)}</title>
      <link>https://lojaalsus.atlassian.example.net/browse/{key}</link>
      <project id="10011" key="SUP">Klienditugi</project>
      <description>{fmt.x(body)}</description>
      <environment></environment>
      <key id="{20000 + k}">{key}</key>
      <summary>{fmt.x(title)}</summary>
      <type id="10003" iconUrl="https://lojaalsus.atlassian.example.net/images/icons/issuetypes/task.png">Päring</type>
      <priority id="3">Medium</priority>
      <status id="10002" description="">Lahendatud</status>
      <assignee accountid="5f{k:05d}a1b2c3">{fmt.x(agent[0])}</assignee>
      <reporter accountid="qm:{uuid.UUID(int=r.getrandbits(128))}">{fmt.x(disp)}</reporter>
      <created>Tue, {r.randint(1, 28):02d} Sep 2023 {r.randint(8, 18):02d}:{r.randint(0, 59):02d}:00 +0300</created>
      <comments>
        <comment id="{30000 + k}" author="5f{k:05d}a1b2c3" created="Wed, 27 Sep 2023 09:00:00 +0300">{fmt.x(comment)}</comment>
      </comments>
      <customfields>
        <customfield id="customfield_10040" key="com.atlassian.servicedesk:vp-origin">
          <customfieldname>Kliendi e-post</customfieldname>
          <customfieldvalues><customfieldvalue>{fmt.x(em)}</customfieldvalue></customfieldvalues>
        </customfield>
        <customfield id="customfield_10051" key="com.atlassian.jira.plugin.system.customfieldtypes:textfield">
          <customfieldname>Keel</customfieldname>
          <customfieldvalues><customfieldvalue>{lang}</customfieldvalue></customfieldvalues>
        </customfield>
      </customfields>
    </item>""")
        jira_exp.append((p, disp, em, show_ik, praw, card, cgroup))
    xml = ('<?xml version="1.0" encoding="UTF-8"?>\n<!-- RSS generated by JIRA (9.4.2#940002-sha1:5e5f3b1) at Fri Sep 29 10:00:00 EEST 2023 -->\n'
           '<rss version="0.92">\n  <channel>\n    <title>Lojaalsusprogrammid Jira</title>\n'
           '    <link>https://lojaalsus.atlassian.example.net/issues/?jql=project%3DSUP</link>\n    <language>et-ee</language>\n'
           f'    <issue start="0" end="{len(items)}" total="{len(items)}"/>\n' + "\n".join(items) + "\n  </channel>\n</rss>\n")
    doc = c.file(jdoc, xml, "xml")
    for agent in AGENTS:
        c.decoy("staff_email", agent[1], doc, "comment signature", "support agent")
    c.decoy("organisation_phone", SUPPORT_PHONE, doc, "comment signature", "support line")
    for p, disp, em, show_ik, praw, card, cgroup in jira_exp:
        c.name(p, doc, disp, "reporter")
        c.email(p, doc, em, field="Kliendi e-post")
        if show_ik:
            c.nid(p, doc, "ee_isikukood", p.a["ik"], field="description")
        if praw:
            c.phone(p, doc, p.a["phone"][1], praw, "description")
        c.expose(p, doc, "loyalty_card", "description", cgroup, idtype="loyalty_card", value=card)
        p.a.setdefault("known_card", set()).add(card[:4])

    # ------------------------------------------------------------------ marketing mail with an XLSX (hidden column, hidden sheet)
    part = [p for p in cdc_people if p.a["email"] and "2900" in p.a["cards"]]
    part = r.sample(part, 170) + [p for p in xlsx_only]
    for p in xlsx_only:
        if not p.a["email"]:
            p.a["email"] = u.email(p.a["given"], p.a["surname"])
        if "2900" not in p.a["cards"]:
            p.a["cards"]["2900"] = u.card("2900")
    r.shuffle(part)
    rows = [["Jõulukampaania 2022 – osalejad", None, None, None, None], ["Nimi", "E-post", "Kliendikaart", "Isikukood", "Osales"]]
    for p in part:
        rows.append([f"{p.a['surname'].upper()} {p.a['given']}", p.a["email"], p.a["cards"]["2900"],
                     int(p.a["ik"]) if r.random() < 0.5 else p.a["ik"], r.choice(["jah", "jah", "ei"])])
    winners = r.sample(part, 20)
    wrows = [["Nimi", "Telefon", "Aadress", "Auhind"]]
    win_exp = []
    for p in winners:
        if not p.a["phone"]:
            nsn, e = u.phone("EE", "mobile")
            p.a["phone"] = (nsn, e)
        a = p.a["addr"] or people.ee_address(r)
        p.a["w_addr"] = a
        praw = ph_raw(p)
        wrows.append([f"{p.a['given']} {p.a['surname']}", praw, people.one_line(a), r.choice(["Kinkekaart 50 €", "Vitamiinipakett", "Spaapakett"])])
        win_exp.append((p, praw, people.one_line(a)))
    book = fmt.xlsx([{"name": "Osalejad", "rows": rows, "hidden_cols": [3], "widths": {0: 28, 1: 30, 2: 16, 3: 14}},
                     {"name": "Võitjad", "rows": wrows, "hidden": True},
                     {"name": "Kokkuvõte", "rows": [["Osalejaid", len(part)], ["Võitjaid", 20]]}])
    body = ("Tere!\n\nEdastan kampaania osalejate faili, palun valmistage ette auhindade saatmine.\n\n"
            "Lugupidamisega\nKatrin Põld\nTurundusjuht, Kaskapteek AS\n+372 640 5500\nkatrin.pold@kaskapteek.example.ee\n")
    hdrs = [("From", fmt.addr("Katrin Põld", "katrin.pold@kaskapteek.example.ee")),
            ("To", "Agentuur <tiim@reklaam.example.com>"), ("Subject", fmt.hdr("FW: Jõulukampaania võitjad")),
            ("Date", "Mon, 09 Jan 2023 10:12:44 +0200"), ("Message-ID", "<AM0PR07MB1234.kaskapteek@example.ee>")]
    data = fmt.eml(hdrs, body, attachments=[("joulukampaania_2022_osalejad.xlsx",
                                              "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", book)],
                   boundary=f"_004_AM0PR07MB{r.getrandbits(40):010x}_")
    mail = c.file("turundus/FW_ Jõulukampaania võitjad.eml", data, "eml")
    att = c.member(mail, "joulukampaania_2022_osalejad.xlsx", book, "xlsx")
    c.decoy("staff_email", "katrin.pold@kaskapteek.example.ee", mail, "signature", "marketing manager")
    c.decoy("organisation_phone", "+372 640 5500", mail, "signature", "company switchboard")
    for p in part:
        c.name(p, att, f"{p.a['surname'].upper()} {p.a['given']}", "Nimi")
        c.email(p, att, p.a["email"], field="E-post")
        c.expose(p, att, "loyalty_card", "Kliendikaart", idtype="loyalty_card", value=p.a["cards"]["2900"])
        c.nid(p, att, "ee_isikukood", p.a["ik"], field="Isikukood (hidden column)")
        p.a.setdefault("known_card", set()).add("2900")
    for p, praw, line in win_exp:
        c.name(p, att, f"{p.a['given']} {p.a['surname']}", "Võitjad/Nimi")
        c.phone(p, att, p.a["phone"][1], praw, "Võitjad/Telefon")
        c.el(p, att, "postal_address", "Võitjad/Aadress", line)

    # ------------------------------------------------------------------ log4j2 JsonLayout logs
    def ev(t, lvl, logger, msg, ctx, thrown=None):
        e = collections.OrderedDict([("instant", {"epochSecond": t, "nanoOfSecond": r.randint(0, 999) * 1000000}),
                                     ("thread", f"http-nio-8080-exec-{r.randint(1, 40)}"), ("level", lvl), ("loggerName", logger),
                                     ("message", msg)])
        if thrown:
            e["thrown"] = thrown
        e["endOfBatch"] = False
        e["loggerFqcn"] = "org.apache.logging.slf4j.Log4jLogger"
        e["contextMap"] = ctx
        e["threadId"] = r.randint(30, 90)
        e["threadPriority"] = 5
        return e

    # only customers whose customer number is in the leak (CDC id, psql klient_id): the log ties a line to them by it
    known = [p for p in P if p.req and (id(p) in cdc_set or p in beauty_only)]
    for fi, (fname, pretty) in enumerate([("logs/loyalty-api-2023-09-27.json.log", True), ("logs/loyalty-api-2023-09-28.json", False)]):
        evs, exp = [], []
        t = 1695772800 + fi * 86400
        for k in range(260):
            t += r.randint(5, 300)
            rid = str(uuid.UUID(int=r.getrandbits(128)))
            kind = r.random()
            p = r.choice(known)
            ctx = {"requestId": rid, "customerId": str(p.a["cid"])}
            if kind < 0.25:
                evs.append(ev(t, "INFO", "ee.lojaalsus.api.CustomerController", f"Lookup personalCode={p.a['ik']} result=FOUND", ctx))
                exp.append(("nid", p, None))
            elif kind < 0.45:
                card = next(iter(p.a["cards"].values()))
                evs.append(ev(t, "INFO", "ee.lojaalsus.card.CardService",
                              f"Card {card} linked to customer {p.a['cid']} ({p.a['given']} {p.a['surname']})", ctx))
                exp.append(("card", p, card))
            elif kind < 0.6 and p.a["phone"]:
                praw = "+" + p.a["phone"][1][1:]
                evs.append(ev(t, "INFO", "ee.lojaalsus.sms.OtpSender", f"OTP sent to {praw} via gateway=telia", ctx))
                exp.append(("phone", p, praw))
            elif kind < 0.72 and p.a["email"]:
                body = json.dumps({"personalCode": p.a["ik"], "email": p.a["email"], "marketingConsent": True}, ensure_ascii=False)
                thrown = {"commonElementCount": 0, "localizedMessage": "Unrecognized field \"marketingConsent\"",
                          "message": "Unrecognized field \"marketingConsent\"", "name": "com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException",
                          "extendedStackTrace": [{"class": "com.fasterxml.jackson.databind.DeserializationContext", "method": "handleUnknownProperty",
                                                  "file": "DeserializationContext.java", "line": 1138, "exact": False, "location": "jackson-databind-2.14.2.jar", "version": "2.14.2"}]}
                evs.append(ev(t, "WARN", "ee.lojaalsus.api.ConsentController", "Cannot parse request body: " + body, ctx, thrown))
                exp.append(("body", p, None))
            elif kind < 0.8:
                while True:
                    bad = "".join(str(r.randint(0, 9)) for _ in range(11))
                    if bad[0] in "3456" and not check.any_person_id(bad):
                        break
                evs.append(ev(t, "WARN", "ee.lojaalsus.api.CustomerController", f"Lookup personalCode={bad} result=INVALID_CHECKSUM",
                              {"requestId": rid}))
                exp.append(("decoy", None, bad))
            else:
                evs.append(ev(t, "DEBUG", "org.hibernate.SQL", "select c1_0.id,c1_0.isikukood from customer c1_0 where c1_0.id=?", ctx))
        # phone-only persons: OTP requests at card activation from numbers nobody else in the leak has
        for k in range(8 if fi == 0 else 7):
            nsn, e = u.phone("EE", "mobile")
            lp = c.person("", "et")
            lp.a["phone"] = (nsn, e)
            lp.notes.append("only an OTP request at card activation (phone only)")
            log_only_phone.append(lp)
            t += r.randint(5, 300)
            evs.insert(r.randint(0, len(evs)), ev(t, "INFO", "ee.lojaalsus.sms.OtpSender", f"OTP sent to +{e[1:]} via gateway=telia",
                                                  {"requestId": str(uuid.UUID(int=r.getrandbits(128))), "flow": "card-activation"}))
            exp.append(("phone", lp, "+" + e[1:]))
        if pretty:
            text = ",\n".join(json.dumps(e_, ensure_ascii=False, indent=2) for e_ in evs) + "\n"
        else:
            text = "\n".join(json.dumps(e_, ensure_ascii=False) for e_ in evs) + "\n"
        doc = c.file(fname, text, "json")
        for what, p, v in exp:
            if what == "nid":
                c.nid(p, doc, "ee_isikukood", p.a["ik"], field="message")
            elif what == "card":
                c.expose(p, doc, "loyalty_card", "message", idtype="loyalty_card", value=v)
                c.name(p, doc, f"{p.a['given']} {p.a['surname']}", "message")
                p.a.setdefault("known_card", set()).add(v[:4])
            elif what == "phone":
                c.phone(p, doc, p.a["phone"][1], v, "message")
            elif what == "body":
                c.nid(p, doc, "ee_isikukood", p.a["ik"], field="message body")
                c.email(p, doc, p.a["email"], field="message body")
            elif what == "decoy":
                c.decoy("mistyped_id", v, doc, "message", "lookup with a wrong check digit", must_fail=True)

    # ------------------------------------------------------------------ purchases: psql aligned output and POSLog XML
    owners = {}
    for p in P:
        if not p.req:
            continue
        for pre, card in p.a["cards"].items():
            if pre in p.a.get("known_card", set()):
                owners[card] = (p, pre)
    cards = sorted(owners)
    orphan = []
    for k in range(12):
        orphan.append(u.card(r.choice(["2900", "2900", "2910", "2920"])))
    prods = {"2900": PHARMA, "2910": BEAUTY, "2920": PET}
    rows, exp = [], []
    for card in r.sample(cards, min(len(cards), 420)) + orphan[:6]:
        pre = card[:4]
        for _ in range(r.randint(1, 6)):
            ean, name, price = r.choice(prods[pre])
            st = r.choice(STORES[pre])
            q = r.randint(1, 3)
            rows.append([card, f"2023-09-{r.randint(1, 28):02d}", st[1], name, str(q), f"{float(price) * q:.2f}"])
            exp.append(card)
    rows.sort(key=lambda x: (x[1], x[0]))
    sql = ("loyalty=> SELECT o.kaart AS kaart_nr, o.aeg::date AS kuupaev, s.nimi AS pood, t.nimetus AS toode, o.kogus, o.summa\n"
           "loyalty-> FROM purchase o JOIN store s ON s.id = o.pood JOIN product t ON t.ean = o.ean\n"
           "loyalty-> WHERE o.aeg >= '2023-09-01' ORDER BY 2, 1;\n")
    doc = c.file("andmebaas/ostud_2023-09.txt", sql + fmt.psql_aligned(["kaart_nr", "kuupaev", "pood", "toode", "kogus", "summa"], rows, numeric=(4, 5)), "text")
    for card in sorted(set(exp)):
        if card in owners:
            p, pre = owners[card]
            c.expose(p, doc, "purchase_history", "toode", card)
            c.expose(p, doc, "loyalty_card", "kaart_nr", idtype="loyalty_card", value=card)
            if pre == "2900":
                c.el(p, doc, "health_data", "toode", optional=True)
        else:
            c.decoy("orphan_loyalty_card", card, doc, "kaart_nr", "purchases of a card whose owner is not in the leak")

    runs = [("2900", STORES["2900"][0]), ("2900", STORES["2900"][1]), ("2900", STORES["2900"][2]),
            ("2910", STORES["2910"][0]), ("2920", STORES["2920"][0]), ("2900", STORES["2900"][0])]
    phones_seen = set()
    for si, (pre, (sid, sname, sphone)) in enumerate(runs):
        day = f"2023-09-{20 + si:02d}"
        tx, exp = [], []
        seq = r.randint(10000, 90000)
        for k in range(70):
            seq += 1
            lines_ = []
            for li in range(r.randint(1, 4)):
                ean, name, price = r.choice(prods[pre])
                lines_.append(f"""      <LineItem EntryMethod="Scanned">
        <SequenceNumber>{li + 1}</SequenceNumber>
        <Sale ItemType="Stock">
          <ItemID Type="GTIN">{ean}</ItemID>
          <Description>{fmt.x(name)}</Description>
          <RegularSalesUnitPrice>{price}</RegularSalesUnitPrice>
          <Quantity UnitOfMeasureCode="EA">1</Quantity>
          <ExtendedAmount>{price}</ExtendedAmount>
        </Sale>
      </LineItem>""")
            loyalty = ""
            roll = r.random()
            pool = [cd for cd in cards if cd.startswith(pre)]
            if roll < 0.55 and pool:
                card = r.choice(pool)
                loyalty = f"""      <LoyaltyAccount>
        <LoyaltyAccountID>{card}</LoyaltyAccountID>
        <LoyaltyProgramID>{pre}</LoyaltyProgramID>
      </LoyaltyAccount>
"""
                exp.append(card)
            elif roll < 0.6:
                card = r.choice([o for o in orphan if o.startswith(pre)] or [orphan[0]])
                loyalty = f"      <LoyaltyAccount>\n        <LoyaltyAccountID>{card}</LoyaltyAccountID>\n      </LoyaltyAccount>\n"
                exp.append(card)
            while True:
                rid = "".join(str(r.randint(0, 9)) for _ in range(11))
                if not check.any_person_id(rid) and rid[0] in "3456":
                    break
            tx.append(f"""  <Transaction>
    <BusinessUnit><UnitID Name="{fmt.x(sname)}">{sid}</UnitID></BusinessUnit>
    <WorkstationID>{r.randint(1, 4)}</WorkstationID>
    <SequenceNumber>{seq}</SequenceNumber>
    <TransactionID>{rid}</TransactionID>
    <OperatorID OperatorName="Kassa {r.randint(1, 4)}">{r.randint(1000, 1099)}</OperatorID>
    <CurrencyCode>EUR</CurrencyCode>
    <BeginDateTime>{day}T{r.randint(8, 20):02d}:{r.randint(0, 59):02d}:{r.randint(0, 59):02d}</BeginDateTime>
    <RetailTransaction TransactionStatus="Finished">
{chr(10).join(lines_)}
{loyalty}    </RetailTransaction>
  </Transaction>""")
            if k == 0:
                first_rid, first_ean = rid, re.search(r"<ItemID Type=\"GTIN\">(\d+)<", lines_[0]).group(1)
        xml = ('<?xml version="1.0" encoding="UTF-8"?>\n<POSLog xmlns="http://www.nrf-arts.org/IXRetail/namespace/" '
               'xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" MajorVersion="6" MinorVersion="0" FixVersion="0">\n'
               f'  <!-- {fmt.x(sname)}, tel {sphone} -->\n' + "\n".join(tx) + "\n</POSLog>\n")
        doc = c.file(f"pos/POSLog_{sid}_{day}.xml", xml, "xml")
        c.decoy("receipt_id", first_rid, doc, "TransactionID", "11-digit transaction id that fails every ID check", must_fail=True)
        c.decoy("product_ean", first_ean, doc, "ItemID", "product GTIN")
        if sphone not in phones_seen:
            phones_seen.add(sphone)
            c.decoy("organisation_phone", sphone, doc, "comment", "store phone")
        for card in sorted(set(exp)):
            if card in owners:
                p, pre_ = owners[card]
                c.expose(p, doc, "purchase_history", "LineItem", card)
                c.expose(p, doc, "loyalty_card", "LoyaltyAccountID", idtype="loyalty_card", value=card)
                if pre_ == "2900":
                    c.el(p, doc, "health_data", "LineItem/Description", optional=True)
            elif not any(d["value"] == card and d["file"] == doc for d in c.decoys):
                c.decoy("orphan_loyalty_card", card, doc, "LoyaltyAccountID", "card whose owner is not in the leak")
    # controllers: the chains whose cards of the person are in the leak
    for p in P + log_only_phone:
        p.controllers = []
        for pre in sorted(p.a.get("known_card", set())):
            p.control(BRANDS[pre])
        if not p.controllers:
            p.control("Lojaalsusprogrammid OÜ (chain unknown)")
    return c
