"""Case 4: medical laboratory network (Poland), leaked in three batches.

batch1: Firebird `isql` output (SET ECHO ON, `=====` underlines, `<null>`, windows-1250, CRLF) of a patient query
and a results query joined only through ID_PACJENTA; a dBase III `PACJENCI.DBF` (code page 852) of the same
patients; the gang's note.
batch2: a `mongoexport --jsonFormat=canonical` of the results portal (`$oid`, `{"$date":{"$numberLong":…}}`,
phones as `$numberLong`, bcrypt hashes, Cyrillic names of Ukrainian patients); Graylog GELF 1.1 messages of the
notification service (`_pesel`, `_pacjent`, `_telefon`, validation errors with mistyped PESELs).
batch3: an MT940 statement in the Polish structured `:86:` layout (`~20`…`~63` sub-fields, SWIFT character set,
names split over ~32/~33); a tar.gz holding a byte-identical copy of the batch-1 isql file and a zip with a
non-ASCII name (`archiwum_Łódź_2018.zip`) nested inside it.
"""
import datetime as dt
import json

import fmt
import people
from common import tar_bytes, zip_bytes
from shared import check, ids

SLUG = "pl_lab_batches"
DESCRIPTION = "Medical laboratory network (PL), leaked in three batches"
LAB = "Laboratorium Diagnostyczne ALFA-MED sp. z o.o."
TESTS = [("Morfologia - WBC", "tys/µl", (4.0, 10.0)), ("Morfologia - HGB", "g/dl", (12.0, 16.0)), ("Glukoza na czczo", "mg/dl", (70, 99)),
         ("Cholesterol całkowity", "mg/dl", (120, 190)), ("TSH", "µIU/ml", (0.27, 4.2)), ("Kreatynina", "mg/dl", (0.6, 1.2)),
         ("ALT", "U/l", (5, 40)), ("CRP", "mg/l", (0, 5)), ("Witamina D3 (25-OH)", "ng/ml", (30, 50)), ("Ferrytyna", "ng/ml", (15, 150))]
B1, B2, B3 = "batch1", "batch2", "batch3"


def failing(rng, n, dated=False):
    for _ in range(1000):
        if dated:
            d = ids.rand_date(rng, 2017, 2023)
            v = f"{d:%y%m%d}" + "".join(str(rng.randint(0, 9)) for _ in range(n - 6))
        else:
            v = str(rng.randint(10 ** (n - 1), 10 ** n - 1))
        if not check.any_person_id(v):
            return v
    raise RuntimeError("failing")


def bad_pesel(rng, good):
    for _ in range(300):
        i = rng.randrange(11)
        v = good[:i] + str((int(good[i]) + rng.randint(1, 9)) % 10) + good[i + 1:]
        if not check.any_person_id(v):
            return v
    raise RuntimeError("bad pesel")


def swift(s):
    """SWIFT MT character set: upper case, Polish letters transliterated."""
    return people.fold(s).upper()


def build(case):
    rng = case.rng
    case.batches = {B1: "2023-11-03", B2: "2023-11-17", B3: "2023-12-08"}
    case.extra["controller"] = LAB
    pid = rng.randint(20000, 30000)

    def patient(ua=False, y0=1940, y1=2005):
        nonlocal pid
        if ua:
            p = people.new_person(case, "ua", y0=1960, y1=2003)
            p.pesel = None
            p.passport = case.unique(lambda: rng.choice(["FX", "FE", "FA", "EK"]) + f"{rng.randint(100000, 999999)}")
            p.phone = people.phone(case, rng.choice(["UA", "PL"]))
        else:
            p = people.new_person(case, "pl", y0=y0, y1=y1)
            p.pesel = case.unique(lambda: ids.pl_pesel(rng, p.dob, p.female))
            p.passport = None
            p.phone = people.phone(case, "PL", "mobile" if rng.random() < 0.85 else "landline") if rng.random() < 0.7 else None
        pid += rng.randint(1, 30)
        p.pid = pid
        p.addr = people.pl_address(rng)
        p.email = None
        p.controllers.append(LAB)
        p.iban = None
        return p

    b1 = [patient() for _ in range(rng.randint(205, 225))] + [patient(ua=True) for _ in range(rng.randint(18, 24))]
    rng.shuffle(b1)
    b1.sort(key=lambda p: p.pid)
    known = list(b1)
    # --- batch 1 ------------------------------------------------------------------------------------
    text, rec = isql_file(case, b1, (2017, 2019), "LAB_WAW")
    doc1 = case.put(f"{B1}/firebird/wyniki_2017-2019_isql.txt", text, "cp1250")
    rec(doc1)
    dbf_file(case, [p for p in b1 if p.pesel and rng.random() < 0.5])
    case.put(f"{B1}/README_ALFA-MED.txt", NOTE1, "utf-8")
    # --- batch 2 ------------------------------------------------------------------------------------
    new2 = [patient() for _ in range(rng.randint(95, 110))] + [patient(ua=True) for _ in range(rng.randint(7, 10))]
    portal = rng.sample([p for p in known], 130) + new2
    for p in portal:
        p.email = people.email(case, people.fold(p.given), people.fold(p.surname))
        if not p.phone and rng.random() < 0.5:
            p.phone = people.phone(case, "PL")
    mongo(case, portal)
    only_gelf = [patient() for _ in range(rng.randint(42, 52))]
    for p in only_gelf:
        if rng.random() < 0.5 or not p.phone:
            p.email = people.email(case, people.fold(p.given), people.fold(p.surname))
    gelf(case, rng.sample([p for p in known + new2 if p.pesel], 150) + only_gelf)
    known += new2 + only_gelf
    # --- batch 3 ------------------------------------------------------------------------------------
    new3 = [patient() for _ in range(rng.randint(26, 34))]
    payers = rng.sample([p for p in known if p.pesel], 85) + new3
    mt940(case, payers)
    known += new3
    lodz_new = [patient() for _ in range(rng.randint(32, 38))]
    for p in lodz_new:
        p.addr = people.pl_address(rng, "Łódź")
    lodz_known = rng.sample([p for p in new2 + only_gelf if p.pesel], 10)
    lodz = sorted(lodz_new + lodz_known, key=lambda p: p.pid)
    ltext, lrec = isql_file(case, lodz, (2018, 2018), "LAB_LDZ")
    lbytes = ltext.encode("cp1250")
    tname = f"{B3}/repost/paczka_2.tar.gz"
    inner_zip = "paczka_2/łódź/archiwum_Łódź_2018.zip"
    zmember = "pacjenci_Łódź_2018.txt"
    zdoc = case.put(f"{tname}!/{inner_zip}!/{zmember}", lbytes, "cp1250", disk=False)
    lrec(zdoc)
    zb = zip_bytes([(zmember, lbytes)])
    case.put(f"{tname}!/{inner_zip}", zb, "binary", disk=False)
    again = f"{tname}!/paczka_2/stare/wyniki_2017-2019_isql.txt"
    case.put(again, case.docs[doc1].data, "cp1250", disk=False)
    rec(again)
    tb = tar_bytes([("paczka_2/CZYTAJ.txt", NOTE3.encode("utf-8")), ("paczka_2/stare/wyniki_2017-2019_isql.txt", case.docs[doc1].data),
                    (inner_zip, zb)], mtime=1701820800)
    case.put(f"{tname}!/paczka_2/CZYTAJ.txt", NOTE3, "utf-8", disk=False)
    case.put(tname, tb, "binary")
    for p in case.persons:
        if any(s.startswith(again) for v in p.req.values() for s in v):
            p.note("batch-1 rows re-posted byte for byte in batch 3")


NOTE1 = ("ALFA-MED DATA LEAK - PART 1\n\nYou did not want to talk. Here is the first part: patients and results 2017-2019.\n"
         "More will follow every two weeks until you pay.\nContact: tox-chat (see onion link on our blog)\n")
NOTE3 = "Part 3. Old stuff from Lodz branch + what you already saw. Last warning.\n"


# ---------------------------------------------------------------- Firebird isql output

def isql_table(cols, rows):
    """cols: [(name, width, right_aligned)]; rows: lists of str or None."""
    head = " ".join(n.ljust(w) if not r else n.rjust(w) for n, w, r in cols)
    und = " ".join("=" * w for n, w, r in cols)
    out = [head.rstrip(), und]
    for row in rows:
        cells = []
        for (n, w, r), v in zip(cols, row):
            v = "<null>" if v is None else v
            cells.append(v.rjust(w) if r else v.ljust(w))
        out.append(" ".join(cells).rstrip())
    return out


def isql_file(case, persons, years, db):
    rng = case.rng
    recs = []
    L = ["SQL> SET ECHO ON;", f"SQL> CONNECT 'srv-lab01:/data/{db}.FDB' USER 'RAPORT';", f"Database: 'srv-lab01:/data/{db}.FDB', User: RAPORT",
         "SQL> SELECT p.ID_PACJENTA, p.PESEL, p.NAZWISKO, p.IMIE, p.DATA_UR, p.ULICA, p.KOD, p.MIASTO, p.TELEFON, p.NR_PASZPORTU",
         "CON>   FROM PACJENCI p ORDER BY p.ID_PACJENTA;", ""]
    cols = [("ID_PACJENTA", 12, True), ("PESEL", 11, False), ("NAZWISKO", 30, False), ("IMIE", 20, False), ("DATA_UR", 11, False),
            ("ULICA", 32, False), ("KOD", 6, False), ("MIASTO", 16, False), ("TELEFON", 18, False), ("NR_PASZPORTU", 15, False)]
    rows = []
    for p in persons:
        upper = rng.random() < 0.5
        sn = p.surname.upper() if upper else p.surname
        gn = p.given.upper() if upper else p.given
        tel = people.render_phone(case, p.phone) if p.phone and rng.random() < 0.85 else None
        rows.append([str(p.pid), p.pesel, sn, gn, f"{p.dob:%Y-%m-%d}", p.addr["street"], p.addr["zip"], p.addr["city"], tel, p.passport])
        recs.append(("patient", p, sn, gn, tel))
    L += isql_table(cols, rows)
    L += ["", "SQL> SELECT w.NR_ZLECENIA, w.ID_PACJENTA, w.DATA_POBRANIA, w.BADANIE, w.WYNIK, w.JEDNOSTKA, w.NORMA, w.LEKARZ_PWZ",
          "CON>   FROM WYNIKI w WHERE w.DATA_POBRANIA BETWEEN '" + f"{years[0]}-01-01' AND '{years[1]}-12-31'" + " ORDER BY 1;", ""]
    rcols = [("NR_ZLECENIA", 13, False), ("ID_PACJENTA", 12, True), ("DATA_POBRANIA", 24, False), ("BADANIE", 28, False),
             ("WYNIK", 10, False), ("JEDNOSTKA", 10, False), ("NORMA", 14, False), ("LEKARZ_PWZ", 10, False)]
    rrows = []
    orders = []
    for p in persons:
        for _ in range(rng.randint(1, 3)):
            d = dt.datetime(years[0], 1, 1) + dt.timedelta(minutes=rng.randint(0, (years[1] - years[0] + 1) * 364 * 24 * 60))
            no = failing(rng, 11, dated=True)
            pwz = f"{rng.randint(1, 9)}{rng.randint(0, 999999):06d}"
            for t, unit, (lo, hi) in rng.sample(TESTS, rng.randint(1, 3)):
                val = rng.uniform(lo * 0.7, hi * 1.3)
                vs = (f"{val:.2f}" if hi < 20 else f"{val:.0f}").replace(".", ",")
                rrows.append([no, str(p.pid), f"{d:%Y-%m-%d %H:%M:%S}.0000", t, vs, unit, f"{lo}-{hi}".replace(".", ","), pwz])
                orders.append((p, t))
    rrows.sort(key=lambda r: r[0])
    L += isql_table(rcols, rrows)
    L += ["", "SQL> EXIT;", ""]
    sample_no = rrows[0][0]
    sample_pwz = rrows[0][7]

    def record(doc):
        for kind, p, sn, gn, tel in recs:
            p.named(doc, [sn, gn], "NAZWISKO+IMIE")
            if p.pesel:
                p.ident("pl_pesel", p.pesel, p.pesel, doc, "PESEL")
            p.el("date_of_birth", doc, "DATA_UR", ev=f"{p.dob:%Y-%m-%d}")
            p.el("postal_address", doc, "ULICA+KOD+MIASTO", ev=[p.addr["street"], p.addr["zip"]])
            if tel:
                p.ident("phone", p.phone["e164"], tel, doc, "TELEFON")
        for p, t in orders:
            p.el("lab_result", doc, "WYNIKI.ID_PACJENTA", ev=t)
            p.el("health_data", doc, "WYNIKI.BADANIE", optional=True)
        case.decoy("order_number", sample_no, doc, "NR_ZLECENIA", must_fail=True, note="date-shaped 11-digit order numbers")
        case.decoy("pwz_number", sample_pwz, doc, "LEKARZ_PWZ", must_fail=True)
        for kind, p, sn, gn, tel in recs:
            if p.passport:
                case.decoy("passport_number", p.passport, doc, "NR_PASZPORTU", note=f"passport of {p.tid}, not a national ID")
    return "\r\n".join(L), record


# ---------------------------------------------------------------- dBase III (cp852)

def dbf_file(case, persons):
    rng = case.rng
    doc = f"{B1}/archiwum_dos/PACJENCI.DBF"
    fields = [("NAZWISKO", "C", 30), ("IMIE", "C", 20), ("PESEL", "C", 11), ("DATA_UR", "D", 8), ("KOD", "C", 6), ("MIASTO", "C", 20),
              ("ULICA", "C", 32)]
    recs = []
    for p in persons:
        recs.append([p.surname.upper(), p.given.upper(), p.pesel, f"{p.dob:%Y%m%d}", p.addr["zip"], p.addr["city"].upper(), p.addr["street"]])
    data = fmt.dbf(fields, recs)
    case.put(doc, data, "cp852")
    for p in persons:
        p.named(doc, [p.surname.upper(), p.given.upper()], "NAZWISKO+IMIE")
        p.ident("pl_pesel", p.pesel, p.pesel, doc, "PESEL")
        p.el("date_of_birth", doc, "DATA_UR", ev=f"{p.dob:%Y%m%d}")
        p.el("postal_address", doc, "ULICA+KOD+MIASTO", ev=p.addr["street"])


# ---------------------------------------------------------------- mongoexport (canonical extended JSON)

B64 = "./ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789"


def epoch_ms(d):
    return int((dt.datetime(d.year, d.month, d.day) - dt.datetime(1970, 1, 1)).total_seconds() * 1000)


def mongo(case, persons):
    rng = case.rng
    doc = f"{B2}/mongo/eportal.pacjenci.json"
    lines = []
    for p in sorted(persons, key=lambda p: p.email):
        oid = f"{rng.randint(0x64000000, 0x65200000):08x}" + "".join(rng.choice("0123456789abcdef") for _ in range(16))
        d = {"_id": {"$oid": oid}, "login": p.email, "email": p.email}
        if p.pesel:
            d["pesel"] = p.pesel
        else:
            d["pesel"] = None
            d["paszport"] = p.passport
        cyr = p.lang == "ua" and p.cyr and rng.random() < 0.6
        d["imie"] = p.cyr[0] if cyr else p.given
        d["nazwisko"] = p.cyr[1] if cyr else p.surname
        d["dataUrodzenia"] = {"$date": {"$numberLong": str(epoch_ms(p.dob))}}
        tel_raw = None
        if p.phone:
            digits = p.phone["e164"][1:]
            if rng.random() < 0.45 and not check.any_person_id(digits):
                d["telefon"] = {"$numberLong": digits}
                tel_raw = digits
            else:
                tel_raw = people.render_phone(case, p.phone)
                d["telefon"] = tel_raw
        d["haslo"] = "$2b$12$" + "".join(rng.choice(B64) for _ in range(53))
        d["zgody"] = {"regulamin": True, "marketing": rng.random() < 0.3}
        created = dt.datetime(2020, 1, 1) + dt.timedelta(minutes=rng.randint(0, 3 * 365 * 24 * 60))
        d["utworzono"] = {"$date": {"$numberLong": str(int((created - dt.datetime(1970, 1, 1)).total_seconds() * 1000))}}
        d["liczbaLogowan"] = {"$numberInt": str(rng.randint(1, 60))}
        lines.append(json.dumps(d, ensure_ascii=False, separators=(",", ":")))
        p.ident("email", p.email, p.email, doc, "email")
        p.named(doc, [d["imie"], d["nazwisko"]], "imie+nazwisko")
        if p.pesel:
            p.ident("pl_pesel", p.pesel, p.pesel, doc, "pesel")
        else:
            case.decoy("passport_number", p.passport, doc, "paszport", note=f"passport of {p.tid}, not a national ID")
        if tel_raw:
            p.ident("phone", p.phone["e164"], tel_raw, doc, "telefon")
        p.el("credentials", doc, "haslo")
        p.el("date_of_birth", doc, "dataUrodzenia", optional=True)
    case.put(doc, "\n".join(lines) + "\n", "utf-8", views=("json",))


# ---------------------------------------------------------------- Graylog GELF

def gelf(case, persons):
    rng = case.rng
    doc = f"{B2}/graylog/notify-2023-10.gelf.json"
    lines = []
    t = 1696111200.0
    seq = list(persons)
    rng.shuffle(seq)
    nbad = 0
    for p in seq:
        t += rng.uniform(30, 9000)
        no = failing(rng, 11, dated=True)
        name = f"{p.given} {p.surname}"
        if nbad < 12 and rng.random() < 0.1:
            nbad += 1
            bad = bad_pesel(rng, p.pesel)
            lines.append({"version": "1.1", "host": "notify-01", "short_message": "Walidacja PESEL nie powiodła się",
                          "full_message": f"ValidationError: PESEL {bad} ma niepoprawną sumę kontrolną (zlecenie {no})",
                          "timestamp": round(t, 3), "level": 3, "_app": "notify", "_pesel": bad, "_zlecenie": no})
            case.decoy("mistyped_pesel", bad, doc, "_pesel", must_fail=True, note=f"typed again correctly for {p.tid} a minute later")
            t += rng.uniform(20, 120)
        chans = []
        if p.phone and p.phone["nsn"][:2] not in ("22", "12", "61", "71", "58", "42"):
            chans.append("sms")
        if p.email:
            chans.append("email")
        if not chans:
            p.email = people.email(case, people.fold(p.given), people.fold(p.surname))
            chans = ["email"]
        ch = rng.choice(chans)
        m = {"version": "1.1", "host": "notify-01", "short_message": "Wyniki gotowe - powiadomienie wysłane", "timestamp": round(t, 3),
             "level": 6, "_app": "notify", "_kanal": ch, "_pacjent": name, "_pesel": p.pesel, "_zlecenie": no}
        if ch == "sms":
            raw = p.phone["e164"] if rng.random() < 0.6 else people.render_phone(case, p.phone)
            m["_telefon"] = raw
            m["full_message"] = (f"SMS do {raw}: Dzień dobry, wyniki badań (zlecenie {no}) są dostępne na e-wyniki.alfamed.example.com. "
                                 "ALFA-MED")
            p.ident("phone", p.phone["e164"], raw, doc, "_telefon")
        else:
            m["_email"] = p.email
            m["full_message"] = f"Mail do {p.email}: Wyniki badań - zlecenie {no}"
            p.ident("email", p.email, p.email, doc, "_email")
        lines.append(m)
        p.named(doc, [name], "_pacjent")
        p.ident("pl_pesel", p.pesel, p.pesel, doc, "_pesel")
        p.el("lab_result", doc, "short_message", optional=True)
        p.el("health_data", doc, "short_message", optional=True)
    case.decoy("order_number", lines[-1]["_zlecenie"], doc, "_zlecenie", must_fail=True)
    case.put(doc, "\n".join(json.dumps(x, ensure_ascii=False) for x in lines) + "\n", "utf-8", views=("json",))


# ---------------------------------------------------------------- MT940 with structured :86:

def mt940(case, persons):
    rng = case.rng
    own = ids.iban(rng, "PL")
    doc = f"{B3}/bank/MT940_{own[-8:]}_2023-10.sta"
    bal = rng.uniform(200000, 600000)
    L = [":20:ST231031/0001", f":25:/{own}", ":28C:00210/001", f":60F:C230930PLN{bal:.2f}".replace(".", ",")]
    case.decoy("org_iban", own, doc, ":25:", raw=own, note="the laboratory's own account")
    seq = sorted(persons, key=lambda p: p.pid)
    rng.shuffle(seq)
    day = dt.date(2023, 10, 2)
    for p in seq:
        day = min(day + dt.timedelta(days=rng.choice([0, 0, 1])), dt.date(2023, 10, 31))
        if p.iban is None:
            p.iban = case.unique(lambda: ids.iban(rng, "PL"))
        refund = rng.random() < 0.45
        amt = rng.choice([35, 49, 79, 120, 180, 240]) + rng.choice([0, 0.5, 0.99])
        L.append(f":61:{day:%y%m%d}{day:%m%d}{'D' if refund else 'C'}N{amt:.2f}".replace(".", ",") + f"NTRFNONREF//{rng.randint(10 ** 9, 10 ** 10 - 1)}")
        name = swift(f"{p.surname} {p.given}")
        addr1 = swift(p.addr["street"])
        addr2 = swift(f"{p.addr['zip']} {p.addr['city']}")
        with_pesel = p.pesel and rng.random() < 0.7
        title = ("ZWROT NADPLATY ZA BADANIA" if refund else "OPLATA ZA BADANIA") + (f" PESEL {p.pesel}" if with_pesel else "")
        subs = [("00", "TR02" if refund else "TR01")]
        tparts, cur = [], ""
        for w in title.split(" "):
            if cur and len(cur) + 1 + len(w) > 27:
                tparts.append(cur)
                cur = w
            else:
                cur = f"{cur} {w}" if cur else w
        tparts.append(cur)
        for i, tp in enumerate(tparts):
            subs.append((f"2{i}", tp))
        nrb = p.iban[4:]
        subs += [("30", nrb[2:10]), ("31", nrb[10:])]
        if len(name) > 27:
            cut = name.rfind(" ", 0, 28)
            nparts = [name[:cut], name[cut + 1:]]
        else:
            nparts = [name]
        subs.append(("32", nparts[0]))
        if len(nparts) > 1:
            subs.append(("33", nparts[1]))
        subs += [("38", p.iban), ("62", addr1[:27]), ("63", addr2[:27])]
        out, cur = [], ":86:" + ("073" if refund else "020")
        for k, v in subs:
            piece = f"~{k}{v}"
            if len(cur) + len(piece) > 65:
                out.append(cur)
                cur = piece
            else:
                cur += piece
        out.append(cur)
        L += out
        p.variant(name)
        p.named(doc, nparts, "~32+~33")
        p.ident("iban", p.iban, p.iban, doc, "~38")
        p.el("postal_address", doc, "~62+~63", ev=addr1[:27])
        if with_pesel:
            p.ident("pl_pesel", p.pesel, p.pesel, doc, "~20..~23")
        bal += -amt if refund else amt
    L.append(f":62F:C231031PLN{bal:.2f}".replace(".", ","))
    L.append("-")
    case.put(doc, "\r\n".join(L) + "\r\n", "ascii")
