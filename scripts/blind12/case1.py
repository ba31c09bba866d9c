"""Case 1: a pharmacy/beauty/pet loyalty system (Estonia).

Shapes: Keycloak realm export (Smart-ID federated identities), Microsoft Access XML export with inline XSD,
clickhouse-client session in FORMAT Vertical, Facebook Page Messenger export (latin-1 mojibake escapes),
Thunderbird/Lightning VTODO callback tasks.
"""
import datetime
import uuid

import people as P
from common import Case, dump_json, epoch
from shared import check, ids

CHAINS = [("Apteek", "2900", "Ravim+ Apteek"), ("Ilu", "2910", "Roosi Ilusalongid"), ("Lemmik", "2920", "Lemmik Zoo")]
STORES = {"Apteek": ["Ravim+ Kristiine", "Ravim+ Tartu Lõunakeskus", "Ravim+ Narva Fama", "Ravim+ Pärnu Port Artur"],
          "Ilu": ["Roosi Ülemiste", "Roosi Tasku"], "Lemmik": ["Lemmik Zoo Mustamäe", "Lemmik Zoo Jõhvi"]}
PRODUCTS = {"Apteek": [("Ibuprofen 400 mg N20", 1), ("Nasaalne sprei 0,1% 10 ml", 1), ("D-vitamiin 2000 IU N90", 1),
                       ("Kurgupastillid N24", 1), ("Paratsetamool 500 mg N20", 1), ("Allergiatabletid N30", 1),
                       ("Päikesekreem SPF50 200 ml", 0), ("Huulepalsam", 0), ("Silmatilgad 10 ml", 1)],
            "Ilu": [("Šampoon 250 ml", 0), ("Küünelakk 12", 0), ("Näokreem 50 ml", 0), ("Parfüüm 30 ml", 0)],
            "Lemmik": [("Kassitoit 2 kg", 0), ("Koera maiustused 200 g", 0), ("Kassiliiv 10 l", 0)]}
CONDITIONS = [("diabeet", "сахарный диабет", "diabetes"), ("astma", "астма", "asthma"),
              ("kõrgvererõhutõbi", "гипертония", "high blood pressure"), ("psoriaas", "псориаз", "psoriasis"),
              ("migreen", "мигрень", "migraine")]


def luhn_bad_receipt(rng):
    while True:
        s = "1" + "".join(str(rng.randint(0, 9)) for _ in range(10))
        if not check.any_person_id(s):
            return s


def mistype(rng, code):
    for _ in range(50):
        i = rng.randint(3, len(code) - 1)
        s = code[:i] + str((int(code[i]) + rng.randint(1, 9)) % 10) + code[i + 1:]
        if not check.any_person_id(s):
            return s
    return None


def moji(s):
    """Facebook's export: every UTF-8 byte written as a \\u00XX escape."""
    out = []
    for ch in s:
        if ord(ch) < 128:
            if ch == '"':
                out.append('\\"')
            elif ch == "\\":
                out.append("\\\\")
            elif ch == "\n":
                out.append("\\n")
            else:
                out.append(ch)
        else:
            out.extend("\\u%04x" % b for b in ch.encode("utf-8"))
    return "".join(out)


def ical_fold(line):
    b = line.encode("utf-8")
    out, cur = [], b""
    first = True
    for ch in line:
        e = ch.encode("utf-8")
        lim = 75 if first else 74
        if len(cur) + len(e) > lim:
            out.append(cur.decode("utf-8"))
            cur, first = b"", False
        cur += e
    out.append(cur.decode("utf-8"))
    return "\r\n ".join(out)


def ical_esc(s):
    return s.replace("\\", "\\\\").replace(",", "\\,").replace(";", "\\;").replace("\n", "\\n")


def build(seed, rng):
    c = Case(1, "ee_loyalty", seed, rng, "Loyalty-card system of a pharmacy, a beauty and a pet chain (EE), phished")
    r = rng
    custs = []
    n = r.randint(300, 330)
    for i in range(n):
        lang = r.choices(["et", "ru", "en"], [62, 28, 10])[0]
        female = r.random() < 0.58
        g, s, cyr = P.pick_name(c, lang if lang != "en" else "en", female)
        p = c.person(f"{g} {s}", lang, given=g, surname=s, cyr=cyr, female=female)
        if cyr:
            p.variants.append(cyr)
        p.dob = P.dob(r, 1940, 2004)
        p.nid = ids.ee_like(r, p.dob, female) if r.random() < 0.9 else None
        chains = [ch for ch in CHAINS if r.random() < {"Apteek": 0.8, "Ilu": 0.3, "Lemmik": 0.22}[ch[0]]] or [CHAINS[0]]
        p.cards = [(ch[0], ids.ean13(ch[1], r)) for ch in chains]
        p.email = P.new_email(c, g, s) if r.random() < 0.85 else None
        p.phone = P.new_phone(c, "EE") if r.random() < 0.35 else None
        p.addr = P.ee_address(r) if r.random() < 0.3 else None
        p.controllers = ["Ravim+ Lojaalsus OÜ"]
        custs.append(p)
    # households: the second adult shares the first one's inbox (each has an own ID code)
    households = []
    for k in range(10):
        a = custs[k * 3]
        if not a.nid:
            a.nid = ids.ee_like(r, a.dob, a.female)
        g, s, cyr = P.pick_name(c, a.lang if a.lang != "en" else "et", not a.female)
        b = c.person(f"{g} {s}", a.lang, given=g, surname=s, cyr=cyr, female=not a.female)
        if cyr:
            b.variants.append(cyr)
        b.dob = P.dob(r, 1945, 2000)
        b.nid = ids.ee_like(r, b.dob, b.female)
        b.cards = [("Apteek", ids.ean13("2900", r))]
        fam = f"perekond.{ids.ascii_fold(a.surname).lower()}{r.randint(1, 99)}@{r.choice(ids.DOMAINS)}"
        c.used_emails.add(fam)
        a.email = b.email = fam
        b.phone, b.addr = None, a.addr
        b.controllers = list(a.controllers)
        a.note = b.note = "household: shares an inbox"
        c.households["email:" + fam] = "household"
        households.append((a, b))
        custs.append(b)
    c.extra["household_emails"] = [a.email for a, _ in households]

    # who is where
    for p in custs:
        p.in_kc = p.email is not None and r.random() < 0.55
        p.in_acc = r.random() < 0.62 or not p.in_kc
    for a, b in households:
        a.in_acc = b.in_acc = True

    # ------------------------------------------------------------ Access XML export
    doc = "arhiiv/Kliendiregister_2023-09-24.xml"
    rows = []
    kid = 10400
    for p in custs:
        if not p.in_acc:
            continue
        kid += r.randint(1, 4)
        p.kid = kid
        x = ["  <Kliendid>", f"    <KliendiID>{kid}</KliendiID>"]
        if p.nid:
            x.append(f"    <Isikukood>{p.nid}</Isikukood>")
            c.ident(p, "ee_isikukood", p.nid, p.nid, doc, "Isikukood")
            c.opt(p, "date_of_birth", doc, "Isikukood")
        x.append(f"    <Eesnimi>{p.given}</Eesnimi>")
        x.append(f"    <Perenimi>{p.surname}</Perenimi>")
        c.nm(p, doc, "Eesnimi+Perenimi", f"<Eesnimi>{p.given}</Eesnimi>", f"<Perenimi>{p.surname}</Perenimi>")
        if r.random() < 0.5:
            d = p.dob.strftime("%Y-%m-%dT00:00:00")
            x.append(f"    <Synniaeg>{d}</Synniaeg>")
            c.el(p, "date_of_birth", doc, "Synniaeg", d)
        if p.email:
            raw = p.email if r.random() < 0.85 else p.email.capitalize()
            x.append(f"    <Epost>{raw}</Epost>")
            c.ident(p, "email", p.email, raw, doc, "Epost")
        if p.phone and r.random() < 0.8:
            raw = P.render_phone(p.phone, r.choice(["nat", "nat_sp", "intl", "e164"]))
            x.append(f"    <Telefon>{raw}</Telefon>")
            c.ident(p, "phone", p.phone, raw, doc, "Telefon")
        if p.addr:
            x.append(f"    <Tanav>{p.addr['street']}</Tanav>")
            x.append(f"    <Postiindeks>{p.addr['zip']}</Postiindeks>")
            x.append(f"    <Linn>{p.addr['city']}</Linn>")
            c.el(p, "postal_address", doc, "Tanav", p.addr["street"], p.addr["zip"])
        ch, card = p.cards[0]
        x.append(f"    <Kaart>{card}</Kaart>")
        x.append(f"    <Kett>{ch}</Kett>")
        c.ident(p, "loyalty_card", card, card, doc, "Kaart")
        x.append(f"    <Liitunud>{P.dob(r, 2012, 2023).strftime('%Y-%m-%dT00:00:00')}</Liitunud>")
        x.append(f"    <Turundusnous>{r.choice(['1', '0'])}</Turundusnous>")
        x.append("  </Kliendid>")
        rows.append("\n".join(x))
    # QA row with the public test code
    rows.insert(r.randint(0, len(rows)), "\n".join([
        "  <Kliendid>", "    <KliendiID>99999</KliendiID>", "    <Isikukood>37605030299</Isikukood>",
        "    <Eesnimi>TEST</Eesnimi>", "    <Perenimi>KASUTAJA</Perenimi>",
        "    <Epost>qa-test@ravimpluss.example.com</Epost>", "    <Kaart>2900000000008</Kaart>",
        "    <Kett>Apteek</Kett>", "  </Kliendid>"]))
    c.decoy("qa_test_code", "37605030299", doc, "Isikukood", note="QA row with the public test code")
    c.decoy("qa_mailbox", "qa-test@ravimpluss.example.com", doc, "Epost")
    staff = []
    for k in range(4):
        g, s, _ = P.pick_name(c, "et", r.random() < 0.7)
        tel = P.new_phone(c, "EE", "landline")
        em = f"{ids.ascii_fold(g).lower()}.{ids.ascii_fold(s).lower()}@ravimpluss.example.com"
        staff.append((g, s, tel, em))
        c.decoy("staff_email", em, doc, "Tootajad/Epost")
        c.decoy("staff_phone", P.render_phone(tel, "nat"), doc, "Tootajad/Telefon")
    for g, s, tel, em in staff:
        rows.append("\n".join(["  <Tootajad>", f"    <Nimi>{g} {s}</Nimi>", "    <Roll>Klienditeenindaja</Roll>",
                               f"    <Epost>{em}</Epost>", f"    <Telefon>{P.render_phone(tel, 'nat')}</Telefon>",
                               "  </Tootajad>"]))
    xsd = """<xsd:schema>
<xsd:element name="dataroot">
<xsd:complexType>
<xsd:sequence>
<xsd:element ref="Kliendid" minOccurs="0" maxOccurs="unbounded"/>
<xsd:element ref="Tootajad" minOccurs="0" maxOccurs="unbounded"/>
</xsd:sequence>
<xsd:attribute name="generated" type="xsd:dateTime"/>
</xsd:complexType>
</xsd:element>
<xsd:element name="Kliendid">
<xsd:annotation>
<xsd:appinfo>
<od:index index-name="PrimaryKey" index-key="KliendiID " primary="yes" unique="yes" clustered="no" order="asc"/>
<od:index index-name="Isikukood" index-key="Isikukood " primary="no" unique="no" clustered="no" order="asc"/>
</xsd:appinfo>
</xsd:annotation>
<xsd:complexType>
<xsd:sequence>
<xsd:element name="KliendiID" minOccurs="1" od:jetType="autonumber" od:sqlSType="int" od:autoUnique="yes" od:nonNullable="yes" type="xsd:int"/>
<xsd:element name="Isikukood" minOccurs="0" od:jetType="text" od:sqlSType="nvarchar"><xsd:simpleType><xsd:restriction base="xsd:string"><xsd:maxLength value="11"/></xsd:restriction></xsd:simpleType></xsd:element>
<xsd:element name="Eesnimi" minOccurs="0" od:jetType="text" od:sqlSType="nvarchar"><xsd:simpleType><xsd:restriction base="xsd:string"><xsd:maxLength value="50"/></xsd:restriction></xsd:simpleType></xsd:element>
<xsd:element name="Perenimi" minOccurs="0" od:jetType="text" od:sqlSType="nvarchar"><xsd:simpleType><xsd:restriction base="xsd:string"><xsd:maxLength value="50"/></xsd:restriction></xsd:simpleType></xsd:element>
<xsd:element name="Synniaeg" minOccurs="0" od:jetType="datetime" od:sqlSType="datetime" type="xsd:dateTime"/>
<xsd:element name="Epost" minOccurs="0" od:jetType="text" od:sqlSType="nvarchar"/>
<xsd:element name="Telefon" minOccurs="0" od:jetType="text" od:sqlSType="nvarchar"/>
<xsd:element name="Tanav" minOccurs="0" od:jetType="text" od:sqlSType="nvarchar"/>
<xsd:element name="Postiindeks" minOccurs="0" od:jetType="text" od:sqlSType="nvarchar"/>
<xsd:element name="Linn" minOccurs="0" od:jetType="text" od:sqlSType="nvarchar"/>
<xsd:element name="Kaart" minOccurs="0" od:jetType="text" od:sqlSType="nvarchar"/>
<xsd:element name="Kett" minOccurs="0" od:jetType="text" od:sqlSType="nvarchar"/>
<xsd:element name="Liitunud" minOccurs="0" od:jetType="datetime" od:sqlSType="datetime" type="xsd:dateTime"/>
<xsd:element name="Turundusnous" minOccurs="0" od:jetType="yesno" od:sqlSType="bit" od:nonNullable="yes" type="xsd:boolean"/>
</xsd:sequence>
</xsd:complexType>
</xsd:element>
</xsd:schema>"""
    text = ('<?xml version="1.0" encoding="UTF-8"?>\n<root xmlns:xsd="http://www.w3.org/2001/XMLSchema" '
            'xmlns:od="urn:schemas-microsoft-com:officedata">\n' + xsd + '\n<dataroot xmlns:xsi="http://www.w3.org/2001/'
            'XMLSchema-instance" generated="2023-09-24T22:41:07">\n' + "\n".join(rows) + "\n</dataroot>\n</root>\n")
    c.add(doc, text, "utf-8-sig", newline="\r\n")

    # ------------------------------------------------------------ Keycloak realm export
    doc = "keycloak/loyalty-realm.json"
    users = []
    base = datetime.datetime(2019, 3, 1)
    for p in custs:
        if not p.in_kc:
            continue
        u = {"id": str(uuid.UUID(int=r.getrandbits(128), version=4)),
             "createdTimestamp": epoch(base + datetime.timedelta(minutes=r.randint(0, 2_000_000))) * 1000 + r.randint(0, 999),
             "username": p.email, "enabled": True, "totp": False, "emailVerified": r.random() < 0.8}
        cyr = p.cyr and r.random() < 0.5
        if cyr:
            gc, sc = p.cyr.split(" ", 1)
            u["firstName"], u["lastName"] = gc, sc
            c.nm(p, doc, "firstName+lastName", gc, sc)
        else:
            u["firstName"], u["lastName"] = p.given, p.surname
            c.nm(p, doc, "firstName+lastName", f'"firstName": "{p.given}"', f'"lastName": "{p.surname}"')
        raw = p.email if r.random() < 0.8 else p.email.upper()
        u["email"] = raw
        c.ident(p, "email", p.email, raw, doc, "email")
        attrs = {"locale": [{"et": "et", "ru": "ru", "en": "en"}[p.lang]]}
        if p.phone and r.random() < 0.7:
            raw = P.render_phone(p.phone, r.choice(["e164", "intl", "nat"]))
            attrs["telefon"] = [raw]
            c.ident(p, "phone", p.phone, raw, doc, "attributes.telefon")
        attrs["kliendikaardid"] = [cd for _, cd in p.cards]
        for _, cd in p.cards:
            c.ident(p, "loyalty_card", cd, cd, doc, "attributes.kliendikaardid")
        u["attributes"] = attrs
        if p.nid and r.random() < 0.75:
            prov = r.choice(["smart-id", "mobiil-id", "id-kaart"])
            u["federatedIdentities"] = [{"identityProvider": prov, "userId": f"PNOEE-{p.nid}",
                                         "userName": f"PNOEE-{p.nid}"}]
            c.ident(p, "ee_isikukood", p.nid, p.nid, doc, "federatedIdentities.userId")
            c.opt(p, "date_of_birth", doc, "federatedIdentities.userId")
        u["disableableCredentialTypes"] = []
        u["requiredActions"] = []
        u["realmRoles"] = ["default-roles-loyalty"]
        u["notBefore"] = 0
        u["groups"] = ["/kliendid/" + p.cards[0][0].lower()]
        users.append(u)
    # e-mail-only registrations (never completed)
    for k in range(r.randint(8, 12)):
        lang = r.choice(["et", "ru"])
        g, s, _ = P.pick_name(c, lang, r.random() < 0.5)
        c.used_names.discard(f"{g} {s}")
        em = P.new_email(c, g, s)
        p = c.person("", lang)
        p.controllers = ["Ravim+ Lojaalsus OÜ"]
        p.note = "registration without a name (e-mail only)"
        u = {"id": str(uuid.UUID(int=r.getrandbits(128), version=4)),
             "createdTimestamp": epoch(base + datetime.timedelta(minutes=r.randint(0, 2_000_000))) * 1000,
             "username": em, "enabled": True, "totp": False, "emailVerified": False, "email": em,
             "attributes": {"locale": [lang]}, "disableableCredentialTypes": [],
             "requiredActions": ["VERIFY_EMAIL", "UPDATE_PROFILE"], "realmRoles": ["default-roles-loyalty"],
             "notBefore": 0, "groups": []}
        c.ident(p, "email", em, em, doc, "email")
        users.insert(r.randint(0, len(users)), u)
    for g, s, tel, em in staff[:3]:
        users.append({"id": str(uuid.UUID(int=r.getrandbits(128), version=4)), "createdTimestamp": 1546300800000,
                      "username": em.split("@")[0], "enabled": True, "totp": True, "emailVerified": True,
                      "firstName": g, "lastName": s, "email": em, "attributes": {"ametikoht": ["Klienditeenindaja"]},
                      "credentials": [{"id": str(uuid.UUID(int=r.getrandbits(128), version=4)), "type": "otp",
                                       "userLabel": "telefon", "createdDate": 1546300800000}],
                      "realmRoles": ["default-roles-loyalty", "admin"], "clientRoles": {"realm-management": ["manage-users"]},
                      "notBefore": 0, "groups": ["/tootajad"]})
    users.append({"id": str(uuid.UUID(int=r.getrandbits(128), version=4)), "createdTimestamp": 1546300800000,
                  "username": "service-account-pos-sync", "enabled": True, "totp": False, "emailVerified": False,
                  "serviceAccountClientId": "pos-sync", "realmRoles": ["default-roles-loyalty"], "notBefore": 0, "groups": []})
    realm = {"id": "loyalty", "realm": "loyalty", "displayName": "Ravim+ Püsikliendid", "notBefore": 0,
             "defaultSignatureAlgorithm": "RS256", "enabled": True, "sslRequired": "external",
             "registrationAllowed": True, "registrationEmailAsUsername": True, "loginWithEmailAllowed": True,
             "internationalizationEnabled": True, "supportedLocales": ["et", "ru", "en"], "defaultLocale": "et",
             "smtpServer": {"from": "noreply@ravimpluss.example.com", "host": "smtp.ravimpluss.example.com", "port": "587"},
             "identityProviders": [{"alias": a, "providerId": "oidc", "enabled": True,
                                    "config": {"clientId": "ravimpluss-" + a, "issuer": "https://tara.example.ee"}}
                                   for a in ("smart-id", "mobiil-id", "id-kaart")],
             "users": users}
    c.add(doc, dump_json(realm, indent=2) + "\n")

    # ------------------------------------------------------------ clickhouse-client Vertical session
    owned = []
    for p in custs:
        for ch, cd in p.cards:
            if any(o["raw"] == cd for o in p.occ):
                owned.append((p, ch, cd))
    buyers = r.sample(owned, int(len(owned) * 0.7))
    buyers.sort(key=lambda x: x[2])
    orphans = [(None, r.choice(CHAINS)[0], ids.ean13(r.choice(["2900", "2910"]), r)) for _ in range(8)]
    events = []
    for p, ch, cd in buyers + orphans:
        for _ in range(r.randint(1, 4)):
            when = datetime.datetime(2023, 9, r.randint(1, 30), r.randint(8, 20), r.randint(0, 59), r.randint(0, 59))
            prod, med = r.choice(PRODUCTS[ch])
            events.append((when, p, ch, cd, prod, med))
    events.sort(key=lambda e: (e[0], e[3]))
    for part, (lo, hi) in enumerate([(1, 15), (16, 30)]):
        doc = f"clickhouse/ostud_2023-09_{part + 1}.txt"
        sel = [e for e in events if lo <= e[0].day <= hi]
        lines = [f"ClickHouse client version 23.8.2.7 (official build).",
                 "Connecting to clickhouse-prod-02:9000 as user analyytik.",
                 "Connected to ClickHouse server version 23.8.2 revision 54465.", "",
                 f"clickhouse-prod-02 :) SELECT kaart, toStartOfSecond(aeg) AS aeg, kauplus, tsekk, toode, kogus, summa "
                 f"FROM lojaalsus.ostud WHERE aeg BETWEEN '2023-09-{lo:02d}' AND '2023-09-{hi:02d} 23:59:59' "
                 f"ORDER BY aeg FORMAT Vertical", "",
                 f"Query id: {uuid.UUID(int=r.getrandbits(128), version=4)}", ""]
        for k, (when, p, ch, cd, prod, med) in enumerate(sel, 1):
            rc = luhn_bad_receipt(r)
            q = r.randint(1, 3)
            lines += [f"Row {k}:", "─" * (5 + len(str(k))),
                      f"kaart:   {cd}", f"aeg:     {when:%Y-%m-%d %H:%M:%S}", f"kauplus: {r.choice(STORES[ch])}",
                      f"tsekk:   {rc}", f"toode:   {prod}", f"kogus:   {q}",
                      f"summa:   {r.randint(150, 4999) / 100:.2f}", ""]
            if k % 9 == 1:
                c.decoy("receipt_number", rc, doc, "tsekk", must_fail=True)
            if p is not None:
                c.el(p, "purchase_history", doc, "kaart→toode", f"kaart:   {cd}", prod)
                c.ident(p, "loyalty_card", cd, cd, doc, "kaart")
                if med:
                    c.opt(p, "health_data", doc, "toode", prod)
        lines += [f"{len(sel)} rows in set. Elapsed: 0.0{r.randint(10, 99)} sec. Processed 1.{r.randint(10, 99)} million rows, "
                  f"{r.randint(40, 90)}.{r.randint(10, 99)} MB ({r.randint(20, 60)}.{r.randint(10, 99)} million rows/s.)", "",
                  "clickhouse-prod-02 :) Bye."]
        c.add(doc, "\n".join(lines) + "\n")

    # ------------------------------------------------------------ Facebook Page Messenger export
    page = "Ravim+ Apteek"
    support_tel = "6 123 456"
    cands = [p for p in custs if p.name and p.lang in ("et", "ru")]
    writers = r.sample(cands, 26)
    only = []
    for k in range(12):
        lang = r.choice(["et", "ru", "et"])
        female = r.random() < 0.6
        g, s, cyr = P.pick_name(c, lang, female)
        q = c.person(f"{g} {s}", lang, given=g, surname=s, cyr=cyr, female=female)
        if cyr:
            q.variants.append(cyr)
        q.controllers = ["Ravim+ Lojaalsus OÜ"]
        q.note = "known only from a Messenger thread"
        if r.random() < 0.5:
            q.phone, q.email = P.new_phone(c, "EE"), None
        else:
            q.phone, q.email = None, P.new_email(c, g, s)
        q.nid, q.cards = None, []
        only.append(q)
    for q in writers + only:
        ru = q.lang == "ru"
        fbname = q.cyr if (ru and q.cyr and r.random() < 0.6) else q.name
        slug = ids.ascii_fold(q.given + q.surname).lower().replace(" ", "")
        tid = str(10150000000000000 + r.randint(0, 10 ** 13))
        doc = f"messenger/inbox/{slug}_{tid}/message_1.json"
        msgs = []
        t0 = epoch(datetime.datetime(2023, 8, 1) + datetime.timedelta(minutes=r.randint(0, 50 * 24 * 60))) * 1000
        c.nm(q, doc, "participants/sender_name", fbname)
        parts = []
        if q.cards and r.random() < 0.7:
            cd = q.cards[0][1]
            raw = f"{cd[:4]} {cd[4:8]} {cd[8:12]} {cd[12]}" if r.random() < 0.6 else cd
            parts.append(("Minu kaart on " if not ru else "Моя карта ") + raw + ".")
            c.ident(q, "loyalty_card", cd, raw, doc, "content")
        if q.nid and r.random() < 0.6:
            bad = mistype(r, q.nid)
            if bad and r.random() < 0.35:
                parts.append(("Isikukood " if not ru else "Личный код ") + bad)
                c.decoy("mistyped_id_code", bad, doc, "content", must_fail=True, note="corrected in the next message")
                parts.append(("Vabandust, õige on " if not ru else "Извините, правильный ") + q.nid)
            else:
                parts.append(("Isikukood " if not ru else "Личный код ") + q.nid)
            c.ident(q, "ee_isikukood", q.nid, q.nid, doc, "content")
            c.opt(q, "date_of_birth", doc, "content")
        if q.phone and r.random() < (1.0 if q in only else 0.5):
            raw = P.render_phone(q.phone, r.choice(["nat", "nat_sp", "intl"]))
            parts.append(("Helistage mulle " if not ru else "Позвоните мне ") + raw)
            c.ident(q, "phone", q.phone, raw, doc, "content")
        if q.email and (q in only or r.random() < 0.3):
            parts.append(("Minu e-post: " if not ru else "Мой e-mail: ") + q.email)
            c.ident(q, "email", q.email, q.email, doc, "content")
        if r.random() < 0.3:
            cond = r.choice(CONDITIONS)
            w = cond[1] if ru else cond[0]
            parts.append(("Mul on " + w + ", kas teil on sobivaid tooteid?") if not ru else
                         ("У меня " + w + ", есть ли у вас подходящие товары?"))
            c.el(q, "health_data", doc, "content", w)
        if not any(o["file"] == doc for o in q.occ):
            cd = q.cards[0][1]
            parts.append(("Kaart " if not ru else "Карта ") + cd + (", kas boonuspunktid aeguvad?" if not ru else
                                                                    ", сгорают ли бонусы?"))
            c.ident(q, "loyalty_card", cd, cd, doc, "content")
        open_ = ("Tere! " if not ru else "Здравствуйте! ") + ("Mu kaardiga on probleem." if not ru else "Проблема с картой.")
        body = [(fbname, open_)] + [(fbname, x) for x in parts]
        body.append((page, ("Aitäh, vaatame üle. Kiireloomulistes küsimustes helistage " if not ru else
                            "Спасибо, проверим. По срочным вопросам звоните ") + support_tel + ". Kati / klienditugi"))
        t = t0
        for who, txt in body:
            msgs.append((who, t, txt))
            t += r.randint(20, 900) * 1000
        msgs.reverse()
        js = ['{', '  "participants": [', f'    {{"name": "{moji(fbname)}"}},', f'    {{"name": "{moji(page)}"}}', '  ],',
              '  "messages": [']
        items = []
        for who, t, txt in msgs:
            items.append('    {\n' + f'      "sender_name": "{moji(who)}",\n      "timestamp_ms": {t},\n'
                         f'      "content": "{moji(txt)}",\n      "is_geoblocked_for_viewer": false\n    }}')
        js.append(",\n".join(items))
        js += ['  ],', f'  "title": "{moji(fbname)}",', '  "is_still_participant": true,',
               f'  "thread_path": "inbox/{slug}_{tid}",', '  "magic_words": []', '}']
        c.add(doc, "\n".join(js) + "\n", "ascii", views=("mojibake",))
        c.decoy("support_phone", support_tel, doc, "content", note="the page's own support line")

    # ------------------------------------------------------------ Lightning VTODO callbacks
    doc = "kalender/Tagasihelistamised.ics"
    cal = ["BEGIN:VCALENDAR", "PRODID:-//Mozilla.org/NONSGML Mozilla Calendar V1.1//EN", "VERSION:2.0",
           "X-WR-CALNAME:Tagasihelistamised"]
    callers = [p for p in custs if p.phone and p.name][:] + [q for q in only if q.phone]
    callers = r.sample(callers, min(34, len(callers)))
    for k, p in enumerate(callers):
        ru = p.lang == "ru"
        due = datetime.date(2023, 9, 1) + datetime.timedelta(days=r.randint(0, 28))
        nm = p.cyr if (ru and p.cyr and r.random() < 0.5) else p.name
        summ = ("Перезвонить: " if ru else "Helistada: ") + nm
        raw = P.render_phone(p.phone, r.choice(["nat", "nat_sp", "intl", "paren"]))
        desc = ("Тел. " if ru else "Tel ") + raw
        c.nm(p, doc, "SUMMARY", nm)
        known_phone = any(o["type"] == "phone" and o["file"] != doc for o in p.occ)
        if p.cards and (r.random() < 0.6 or not known_phone):
            cd = p.cards[0][1]
            desc += (", карта " if ru else ", kaart ") + cd
            c.ident(p, "loyalty_card", cd, cd, doc, "DESCRIPTION")
        c.ident(p, "phone", p.phone, raw, doc, "DESCRIPTION")
        if r.random() < 0.35:
            cond = r.choice(CONDITIONS)
            w = cond[1] if ru else cond[0]
            desc += (f". Диагноз: {w}, спрашивает про скидку на тест-полоски." if ru else
                     f". Diagnoos: {w}, küsib testribade soodustuse kohta.")
            c.el(p, "health_data", doc, "DESCRIPTION", w)
        else:
            desc += (". Вопрос о бонусных баллах." if ru else ". Küsimus boonuspunktide kohta.")
        st = r.choice(["NEEDS-ACTION", "COMPLETED", "IN-PROCESS"])
        sg, ss, stel, sem = r.choice(staff)
        ev = ["BEGIN:VTODO", f"CREATED:{due - datetime.timedelta(days=2):%Y%m%d}T08{k % 60:02d}00Z",
              f"LAST-MODIFIED:{due:%Y%m%d}T12{k % 60:02d}00Z", f"DTSTAMP:{due:%Y%m%d}T12{k % 60:02d}00Z",
              f"UID:{uuid.UUID(int=r.getrandbits(128), version=4)}", ical_fold("SUMMARY:" + ical_esc(summ)),
              f"STATUS:{st}", f"DUE;VALUE=DATE:{due:%Y%m%d}", "CATEGORIES:Tagasihelistamine",
              ical_fold(f"ORGANIZER;CN={sg} {ss}:mailto:{sem}"),
              ical_fold("DESCRIPTION:" + ical_esc(desc))]
        if st == "COMPLETED":
            ev += [f"COMPLETED:{due:%Y%m%d}T14{k % 60:02d}00Z", "PERCENT-COMPLETE:100"]
        ev.append("END:VTODO")
        cal += ev
    cal.append("END:VCALENDAR")
    c.add(doc, "\r\n".join(cal) + "\r\n", views=("ical",))

    c.extra["controller"] = "Ravim+ Lojaalsus OÜ"
    c.extra["chains"] = [x[2] for x in CHAINS]
    c.extra["not_exposed"] = ["passwords", "bank details", "prescriptions"]
    return c
