"""Shared helpers for the second blind generator: identifiers with valid checksums, phones,
the truth model (Person / Case) and file writers.  Python 3 standard library only."""
import collections
import csv
import datetime
import io
import json
import os
import re
import shutil
import unicodedata

# ----------------------------------------------------------------- identifiers

def luhn_check_digit(payload):
    """Luhn check digit for a digit string (the digit that is appended)."""
    total = 0
    for i, ch in enumerate(reversed(payload)):
        d = int(ch)
        if i % 2 == 0:
            d *= 2
            if d > 9:
                d -= 9
        total += d
    return str((10 - total % 10) % 10)


def luhn_ok(s):
    s = re.sub(r"\D", "", s)
    return len(s) >= 2 and luhn_check_digit(s[:-1]) == s[-1]


def ee_check(d10):
    """Estonian isikukood / Lithuanian asmens kodas check digit."""
    w1 = (1, 2, 3, 4, 5, 6, 7, 8, 9, 1)
    w2 = (3, 4, 5, 6, 7, 8, 9, 1, 2, 3)
    s = sum(int(a) * b for a, b in zip(d10, w1)) % 11
    if s == 10:
        s = sum(int(a) * b for a, b in zip(d10, w2)) % 11
        if s == 10:
            s = 0
    return str(s)


def _valid_date(y, m, d):
    try:
        datetime.date(y, m, d)
        return True
    except ValueError:
        return False


def ee_valid(s):
    """isikukood / asmens kodas: G YYMMDD SSS C."""
    if not re.fullmatch(r"[1-6]\d{10}", s):
        return False
    g = int(s[0])
    century = {1: 1800, 2: 1800, 3: 1900, 4: 1900, 5: 2000, 6: 2000}[g]
    if not _valid_date(century + int(s[1:3]), int(s[3:5]), int(s[5:7])):
        return False
    return ee_check(s[:10]) == s[10]


def ee_code(dob, sex, rng):
    g = {(1900, "M"): 3, (1900, "F"): 4, (2000, "M"): 5, (2000, "F"): 6}[(dob.year // 100 * 100, sex)]
    while True:
        body = f"{g}{dob:%y%m%d}{rng.randint(1, 999):03d}"
        return body + ee_check(body)


HETU_CHARS = "0123456789ABCDEFHJKLMNPRSTUVWXY"
HETU_SIGNS = {"+": 1800, "-": 1900, "Y": 1900, "X": 1900, "W": 1900, "V": 1900, "U": 1900,
              "A": 2000, "B": 2000, "C": 2000, "D": 2000, "E": 2000, "F": 2000}


def fi_hetu(dob, sex, rng, new_sign=False):
    if dob.year >= 2000:
        sign = rng.choice("BCDEF") if new_sign else "A"
    elif dob.year >= 1900:
        sign = rng.choice("YXWVU") if new_sign else "-"
    else:
        sign = "+"
    n = rng.randint(2, 899)
    if (n % 2 == 1) != (sex == "M"):
        n = n + 1 if n < 899 else n - 1
    num = f"{dob:%d%m%y}{n:03d}"
    return f"{dob:%d%m%y}{sign}{n:03d}" + HETU_CHARS[int(num) % 31]


def fi_hetu_valid(s):
    m = re.fullmatch(r"(\d{2})(\d{2})(\d{2})([-+A-FU-Y])(\d{3})([0-9A-Y])", s)
    if not m:
        return False
    d, mo, y, sign, n, q = m.groups()
    if sign not in HETU_SIGNS or not _valid_date(HETU_SIGNS[sign] + int(y), int(mo), int(d)):
        return False
    if not 2 <= int(n) <= 999:
        return False
    return HETU_CHARS[int(d + mo + y + n) % 31] == q


def se_pnr(dob, sex, rng):
    """Swedish personnummer YYMMDD-NNNC (10-digit form; '+' when 100 or older)."""
    n = rng.randint(0, 999)
    if (n % 2 == 1) != (sex == "M"):   # 9th digit: odd for men
        n = (n + 1) % 1000
    body = f"{dob:%y%m%d}{n:03d}"
    return f"{dob:%y%m%d}-{n:03d}" + luhn_check_digit(body)


def se_valid(s):
    m = re.fullmatch(r"(\d{2})?(\d{6})[-+]?(\d{4})", s)
    if not m:
        return False
    body = m.group(2) + m.group(3)
    y, mo, d = int(body[:2]), int(body[2:4]), int(body[4:6])
    if not (_valid_date(1900 + y, mo, d) or _valid_date(2000 + y, mo, d)):
        return False
    return luhn_check_digit(body[:9]) == body[9]


def pl_pesel(dob, sex, rng):
    off = {1800: 80, 1900: 0, 2000: 20}[dob.year // 100 * 100]
    mm = dob.month + off
    while True:
        serial = rng.randint(0, 999)
        sx = rng.choice([1, 3, 5, 7, 9] if sex == "M" else [0, 2, 4, 6, 8])
        body = f"{dob:%y}{mm:02d}{dob:%d}{serial:03d}{sx}"
        return body + pesel_check(body)


def pesel_check(b10):
    w = (1, 3, 7, 9, 1, 3, 7, 9, 1, 3)
    return str((10 - sum(int(a) * b for a, b in zip(b10, w)) % 10) % 10)


def pesel_valid(s):
    if not re.fullmatch(r"\d{11}", s):
        return False
    yy, mm, dd = int(s[:2]), int(s[2:4]), int(s[4:6])
    cent = {0: 1900, 1: 1900, 2: 2000, 3: 2000, 4: 2100, 5: 2100, 6: 2200, 7: 2200, 8: 1800, 9: 1800}[mm // 10]
    if not _valid_date(cent + yy, mm % 20, dd):
        return False
    return pesel_check(s[:10]) == s[10]


def lv_check(d10):
    w = (10, 5, 8, 4, 2, 1, 6, 3, 7, 9)
    return (1 + sum(a * int(n) for a, n in zip(w, d10))) % 11      # 10 -> unusable


def lv_code(dob, rng):
    c = {1800: 0, 1900: 1, 2000: 2}[dob.year // 100 * 100]
    while True:
        body = f"{dob:%d%m%y}{c}{rng.randint(0, 999):03d}"
        k = lv_check(body)
        if k != 10:
            return f"{body[:6]}-{body[6:]}{k}"


def lv_valid(s):
    m = re.fullmatch(r"(\d{6})-?(\d{5})", s)
    if not m:
        return False
    b = m.group(1) + m.group(2)
    if b[6] not in "012" or not _valid_date({"0": 1800, "1": 1900, "2": 2000}[b[6]] + int(b[4:6]), int(b[2:4]), int(b[:2])):
        return False
    return lv_check(b[:10]) == int(b[10])


def lt_code(dob, sex, rng):
    return ee_code(dob, sex, rng)          # same structure and checksum as the Estonian code


def us_ssn(rng):
    while True:
        a = rng.randint(1, 899)
        if a == 666:
            continue
        return f"{a:03d}-{rng.randint(1, 99):02d}-{rng.randint(1, 9999):04d}"


def us_ssn_valid(s):
    m = re.fullmatch(r"(\d{3})-?(\d{2})-?(\d{4})", s)
    if not m:
        return False
    a, g, n = m.groups()
    return a not in ("000", "666") and a[0] != "9" and g != "00" and n != "0000"


def iban_make(cc, bban):
    chk = 98 - int(_iban_num(bban + cc + "00")) % 97
    return f"{cc}{chk:02d}{bban}"


def _iban_num(s):
    return "".join(str(int(ch, 36)) for ch in s)


def iban_valid(s):
    s = re.sub(r"\s", "", s).upper()
    return bool(re.fullmatch(r"[A-Z]{2}\d{2}[A-Z0-9]{10,30}", s)) and int(_iban_num(s[4:] + s[:4])) % 97 == 1


def fi_iban(rng):
    bank = rng.choice(["1", "2", "5", "8", "3"])
    body = bank + f"{rng.randint(0, 99999):05d}" + f"{rng.randint(0, 9999999):07d}"
    return iban_make("FI", body + luhn_check_digit(body))


def pl_iban(rng):
    bank = rng.choice(["102", "105", "109", "114", "124", "116", "175"])
    sort7 = bank + f"{rng.randint(0, 9999):04d}"
    w = (3, 9, 7, 1, 3, 9, 7)
    sort8 = sort7 + str((10 - sum(int(a) * b for a, b in zip(sort7, w)) % 10) % 10)
    return iban_make("PL", sort8 + "".join(str(rng.randint(0, 9)) for _ in range(16)))


def card_number(rng, brand=None):
    brand = brand or rng.choice(["visa", "mc"])
    p = "4" + "".join(str(rng.randint(0, 9)) for _ in range(14)) if brand == "visa" else \
        str(rng.randint(51, 55)) + "".join(str(rng.randint(0, 9)) for _ in range(13))
    return p + luhn_check_digit(p)


def ean13(prefix, rng):
    body = prefix + "".join(str(rng.randint(0, 9)) for _ in range(12 - len(prefix)))
    s = sum(int(d) * (1 if i % 2 == 0 else 3) for i, d in enumerate(body))
    return body + str((10 - s % 10) % 10)


def ean13_valid(s):
    if not re.fullmatch(r"\d{13}", s):
        return False
    return sum(int(d) * (1 if i % 2 == 0 else 3) for i, d in enumerate(s[:12])) % 10 == (10 - int(s[12])) % 10


def nip_make(rng):
    w = (6, 5, 7, 2, 3, 4, 5, 6, 7)
    while True:
        b = "".join(str(rng.randint(1 if i == 0 else 0, 9)) for i in range(9))
        c = sum(int(a) * x for a, x in zip(b, w)) % 11
        if c != 10:
            return b + str(c)


def shape_hits(s):
    """Which national-ID schemes a bare digit string would pass (used to annotate decoys)."""
    d = re.sub(r"[\s-]", "", s)
    hits = []
    if ee_valid(d):
        hits.append("ee_isikukood/lt_asmens_kodas")
    if pesel_valid(d):
        hits.append("pl_pesel")
    if re.fullmatch(r"\d{11}", d) and lv_valid(d):
        hits.append("lv_personas_kods")
    if re.fullmatch(r"\d{10}", d) and se_valid(d):
        hits.append("se_personnummer")
    return hits


# ----------------------------------------------------------------- phones

def phone_e164(cc, national):
    """national: digits without trunk prefix."""
    return "+" + cc + national


def ee_mobile(rng):
    return "+372" + "5" + "".join(str(rng.randint(0, 9)) for _ in range(7))


def ee_landline(rng):
    return "+372" + rng.choice(["6", "7"]) + str(rng.randint(1, 9)) + "".join(str(rng.randint(0, 9)) for _ in range(5))


def fi_mobile(rng):
    return "+358" + rng.choice(["40", "41", "44", "45", "50", "46"]) + "".join(str(rng.randint(0, 9)) for _ in range(7))


def fi_landline(rng, area):
    n = {"9": 7, "19": 6, "3": 7, "13": 6, "5": 7}[area]
    return "+358" + area + str(rng.randint(2, 8)) + "".join(str(rng.randint(0, 9)) for _ in range(n - 1))


def pl_mobile(rng):
    p = rng.choice(["50", "51", "53", "57", "60", "66", "69", "72", "73", "78", "79", "88"])
    return "+48" + p + "".join(str(rng.randint(0, 9)) for _ in range(7))


def pl_landline(rng, area):
    return "+48" + area + str(rng.randint(2, 8)) + "".join(str(rng.randint(0, 9)) for _ in range(6))


def lv_mobile(rng):
    return "+3712" + "".join(str(rng.randint(0, 9)) for _ in range(7))


def lt_mobile(rng):
    return "+3706" + "".join(str(rng.randint(0, 9)) for _ in range(7))


def se_mobile(rng):
    return "+467" + rng.choice(["0", "2", "3", "6"]) + "".join(str(rng.randint(0, 9)) for _ in range(7))


def us_phone(rng):
    npa = rng.choice(["503", "971", "360", "206", "208", "775", "916", "541", "425"])
    nxx = f"{rng.randint(2, 9)}{rng.randint(0, 9)}{rng.randint(0, 9)}"
    while nxx[1:] == "11" or nxx == "555":
        nxx = f"{rng.randint(2, 9)}{rng.randint(0, 9)}{rng.randint(0, 9)}"
    return "+1" + npa + nxx + f"{rng.randint(0, 9999):04d}"


PHONE_RX = {
    "372": r"\+372(5\d{7}|[67]\d{6})",
    "358": r"\+358(4\d{8}|50\d{7}|9\d{7}|19\d{6}|3\d{7}|13\d{6}|5\d{7})",
    "48": r"\+48[1-9]\d{8}",
    "371": r"\+3712\d{7}",
    "370": r"\+3706\d{7}",
    "46": r"\+467\d{8}",
    "1": r"\+1[2-9]\d{2}[2-9]\d{6}",
}


def phone_valid(e):
    for cc, rx in PHONE_RX.items():
        if e.startswith("+" + cc) and re.fullmatch(rx, e):
            return True
    return False


def fmt_phone(e164, style, cc):
    """Write an E.164 number the way a person or a system might."""
    nat = e164[len(cc) + 1:]
    trunk = {"372": "", "358": "0", "48": "", "371": "", "370": "8", "46": "0", "1": ""}[cc]
    if style == "e164":
        return e164
    if style == "intl_space":
        if cc == "1":
            return f"+1 {nat[:3]} {nat[3:6]} {nat[6:]}"
        return f"+{cc} " + _group(nat, cc)
    if style == "plain_cc":
        return cc + nat
    if style == "00":
        return "00" + cc + nat
    if style == "paren_cc":
        return f"(+{cc}) " + _group(nat, cc)
    if style == "local":
        return trunk + nat
    if style == "local_space":
        return _group_local(trunk + nat, cc)
    if style == "local_dash":
        s = trunk + nat
        if cc == "358":
            k = 3 if s.startswith(("019", "013", "04", "050")) else 2
            return s[:k] + "-" + s[k:]
        if cc == "1":
            return f"({nat[:3]}) {nat[3:6]}-{nat[6:]}"
        return s[:3] + "-" + s[3:]
    if style == "intl_zero":        # +358 (0)40 123 4567
        return f"+{cc} (0)" + _group(nat, cc)
    raise ValueError(style)


def _group(nat, cc):
    if cc == "372":
        return nat[:4] + " " + nat[4:] if len(nat) == 8 else nat[:3] + " " + nat[3:]
    if cc == "358":
        k = 2 if nat.startswith(("19", "13", "4", "50")) else 1
        r = nat[k:]
        return nat[:k] + " " + r[:3] + " " + r[3:]
    if cc == "48":
        return nat[:3] + " " + nat[3:6] + " " + nat[6:]
    if cc == "46":
        return nat[:2] + " " + nat[2:5] + " " + nat[5:7] + " " + nat[7:]
    return nat[:3] + " " + nat[3:]


def _group_local(s, cc):
    if cc == "358":
        if s.startswith(("019", "013")):
            return s[:3] + " " + s[3:]
        if s[:2] in ("09", "03", "05") and not s.startswith("050"):
            return s[:2] + " " + s[2:5] + " " + s[5:]
        return s[:3] + " " + s[3:6] + " " + s[6:]
    if cc == "372":
        return s[:4] + " " + s[4:] if len(s) == 8 else s[:3] + " " + s[3:]
    if cc == "48":
        return s[:3] + " " + s[3:6] + " " + s[6:]
    if cc == "1":
        return f"{s[:3]}.{s[3:6]}.{s[6:]}"
    if cc == "46":
        return s[:3] + "-" + s[3:6] + " " + s[6:8] + " " + s[8:]
    return s[:3] + " " + s[3:]


# ----------------------------------------------------------------- names

def name_tokens(s):
    if not s:
        return ()
    s = unicodedata.normalize("NFKD", s.casefold())
    s = "".join(ch for ch in s if not unicodedata.combining(ch))
    return tuple(sorted(t for t in re.split(r"[^\w]+", s) if t and t != "_"))


def ascii_fold(s):
    s = unicodedata.normalize("NFKD", s)
    return "".join(ch for ch in s if not unicodedata.combining(ch)).replace("ł", "l").replace("Ł", "L")


def rand_date(rng, y0, y1):
    a = datetime.date(y0, 1, 1).toordinal()
    b = datetime.date(y1, 12, 31).toordinal()
    return datetime.date.fromordinal(rng.randint(a, b))


def email_for(rng, first, last, domains, style=None):
    f = re.sub(r"[^a-z]", "", ascii_fold(first).lower())
    l = re.sub(r"[^a-z]", "", ascii_fold(last).lower())
    style = style or rng.choice(["f.l", "f.l", "fl", "f_l", "f.l99", "fl99", "l.f", "initial", "nick"])
    n = rng.randint(1, 99)
    local = {"f.l": f"{f}.{l}", "fl": f + l, "f_l": f"{f}_{l}", "f.l99": f"{f}.{l}{n}", "fl99": f"{f}{l}{n}",
             "l.f": f"{l}.{f}", "initial": f"{f[:1]}{l}", "nick": f"{f[:3]}{l[:3]}{rng.randint(60, 99)}"}[style]
    return local + "@" + rng.choice(domains)


# ----------------------------------------------------------------- truth model

ELEM_OF = {"ee_isikukood": "national_id", "lt_asmens_kodas": "national_id", "lv_personas_kods": "national_id",
           "fi_hetu": "national_id", "se_personnummer": "national_id", "pl_pesel": "national_id", "us_ssn": "national_id",
           "email": "email", "phone": "phone", "loyalty_card": "loyalty_card", "iban": "iban", "payment_card": "payment_card"}
DOB_IDS = {"ee_isikukood", "lt_asmens_kodas", "lv_personas_kods", "fi_hetu", "se_personnummer", "pl_pesel"}


class Person:
    def __init__(self, case, first, last, sex=None, dob=None, lang="en", name=None):
        self.case = case
        self.first, self.last, self.sex, self.dob, self.lang = first, last, sex, dob, lang
        self.name = name if name is not None else f"{first} {last}".strip()
        self.variants = []
        self.ids = []
        self.els = collections.OrderedDict()
        self.opt = collections.OrderedDict()
        self.occ = []
        self.ctrl = []
        self.notes = []
        self.bel = collections.defaultdict(set)
        self.tid = None
        case.persons.append(self)

    def expose(self, elem, rel, field):
        lst = self.els.setdefault(elem, [])
        s = f"{rel} [{field}]"
        if s not in lst:
            lst.append(s)
        if self.case.batch:
            self.bel[self.case.batch].add(elem)

    def ident(self, typ, value, rel, field, raw):
        if (typ, value) not in self.ids:
            self.ids.append((typ, value))
        self.occ.append({"type": typ, "value": value, "file": rel, "field": field, "raw": raw})
        self.expose(ELEM_OF[typ], rel, field)
        return raw

    def named(self, text, rel, field):
        self.expose("name", rel, field)
        self.case.name_writes.append((self, rel, text))
        if name_tokens(text) != name_tokens(self.name) and text not in self.variants:
            self.variants.append(text)
        return text

    def optional(self, elem, reason):
        self.opt.setdefault(elem, reason)

    def control(self, c):
        if c and c not in self.ctrl:
            self.ctrl.append(c)

    def note(self, s):
        if s not in self.notes:
            self.notes.append(s)


class Case:
    def __init__(self, key, description, rng):
        self.key, self.description, self.rng = key, description, rng
        self.files = collections.OrderedDict()
        self.persons = []
        self.decoys = []
        self.batch = None
        self.extra = {}
        self.used_names = set()
        self.name_writes = []
        self.enc = {}

    def unique_name(self, make, allow_dup=False):
        """make() -> (first, last, *extra); returns the tuple, with a full name not used before in this case."""
        for _ in range(2000):
            t = make()
            k = name_tokens(f"{t[0]} {t[1]}")
            if allow_dup or k not in self.used_names:
                self.used_names.add(k)
                return t
        raise RuntimeError("name space exhausted")

    def write(self, rel, text, enc="utf-8", bom=False, newline="\n"):
        assert rel not in self.files, rel
        if newline != "\n":
            text = text.replace("\r\n", "\n").replace("\n", newline)
        data = text.encode(enc)                      # strict: fails if a character does not fit the encoding
        if bom:
            data = {"utf-8": b"\xef\xbb\xbf", "utf-16-le": b"\xff\xfe"}[enc] + data
        self.files[rel] = data
        self.enc[rel] = enc

    def decoy(self, kind, value, rel, field, note=""):
        self.decoys.append({"kind": kind, "value": value, "file": rel, "field": field, "note": note})

    def maybe_decoy_number(self, value, rel, field, kind_prefix):
        """Annotate a non-personal number that happens to pass a national-ID check."""
        h = shape_hits(value)
        if h:
            self.decoy(f"{kind_prefix}_valid_{h[0].split('/')[0]}_shape", value, rel, field, "passes " + ", ".join(h))
        return value

    def text_of(self, rel):
        enc = self.enc.get(rel, "utf-8")
        data = self.files[rel]
        if data[:3] == b"\xef\xbb\xbf" or data[:2] == b"\xff\xfe":
            data = data[3:] if data[:3] == b"\xef\xbb\xbf" else data[2:]
        return data.decode(enc)

    def verify(self):
        """Self-check of the truth: every identifier occurrence and every written name is really in its file,
        every identifier passes its checksum, every phone is a valid E.164 number of its plan."""
        cache = {}
        for p in self.persons:
            for o in p.occ:
                rel = o["file"]
                if rel not in cache:
                    cache[rel] = self.text_of(rel)
                assert o["raw"] in cache[rel], (self.key, rel, o)
                t, v = o["type"], o["value"]
                ok = {"ee_isikukood": ee_valid, "lt_asmens_kodas": ee_valid, "lv_personas_kods": lv_valid,
                      "fi_hetu": fi_hetu_valid, "se_personnummer": se_valid, "pl_pesel": pesel_valid, "us_ssn": us_ssn_valid,
                      "phone": phone_valid, "iban": iban_valid, "payment_card": luhn_ok,
                      "email": lambda e: e == e.strip().lower() and re.fullmatch(r"[^@\s]+@[^@\s]+\.(example\.[a-z]+|example|test|[a-z]+)", e)
                      and (".example." in e or e.endswith((".test", "example.com", "example.net", "example.org")) or "@example." in e),
                      "loyalty_card": lambda x: True}[t](v)
                assert ok, (self.key, o)
                digits = re.sub(r"\D", "", o["raw"])
                if t == "phone":
                    assert digits.endswith(v[-7:].lstrip("+")), o
                if t == "email":
                    assert o["raw"].strip().lower() == v, o
        for p, rel, text in self.name_writes:
            if rel not in cache:
                cache[rel] = self.text_of(rel)
            assert all(tok in cache[rel] for tok in text.split()), (self.key, rel, text)
        self.check_links()

    def check_links(self):
        """Every file that the truth gives to one person must be tied to that person's other files by a shared
        identifier value, or by the name together with a birth date, an address or a phone in both files.
        (A name alone never supports the link.)"""
        bad = []
        for p in self.persons:
            files = {}
            for e, provs in p.els.items():
                for s in provs:
                    rel = s.split(" [")[0]
                    files.setdefault(rel, {"ids": set(), "name": False, "dob": False, "addr": False})
                    files[rel]["name"] |= e == "name"
                    files[rel]["dob"] |= e == "date_of_birth"
                    files[rel]["addr"] |= e == "postal_address"
            for o in p.occ:
                files[o["file"]]["ids"].add((o["type"], o["value"]))
            rels = list(files)
            if len(rels) < 2:
                continue
            seen, todo = {rels[0]}, [rels[0]]
            while todo:
                a = todo.pop()
                for b in rels:
                    if b in seen:
                        continue
                    fa, fb = files[a], files[b]
                    if fa["ids"] & fb["ids"] or (fa["name"] and fb["name"] and (
                            (fa["dob"] and fb["dob"]) or (fa["addr"] and fb["addr"]))):
                        seen.add(b)
                        todo.append(b)
            if len(seen) != len(rels):
                bad.append((p.name, sorted(set(rels) - seen)[:3], sorted(seen)[:3]))
        assert not bad, (self.key, len(bad), bad[:5])

    # ------------------------------------------------------------- output
    def finalize(self, out_dir, extra_top=None, person_extra=None):
        cdir = os.path.join(out_dir, self.key)
        if os.path.exists(cdir):
            shutil.rmtree(cdir)
        for rel, data in self.files.items():
            path = os.path.join(cdir, "leak", rel)
            os.makedirs(os.path.dirname(path), exist_ok=True)
            with open(path, "wb") as fh:
                fh.write(data)
        persons = [p for p in self.persons]
        for p in persons:
            assert p.els, f"{self.key}: person {p.name!r} written nowhere"
        self.verify()
        for n, p in enumerate(persons, 1):
            p.tid = f"T{n:04d}"
        out = []
        per_el = collections.Counter()
        per_ctl = collections.Counter()
        for p in persons:
            if any(t in DOB_IDS for t, _ in p.ids) and "date_of_birth" not in p.els:
                p.optional("date_of_birth", "derivable from the national ID (no date-of-birth field)")
            opt = {e: r for e, r in p.opt.items() if e not in p.els}
            for e in p.els:
                per_el[e] += 1
            for c in p.ctrl:
                per_ctl[c] += 1
            d = {"tid": p.tid, "name": p.name, "name_variants": p.variants, "language": p.lang,
                 "identifiers": [{"type": t, "value": v} for t, v in p.ids],
                 "elements": sorted(p.els), "optional_elements": opt,
                 "provenance": {e: v for e, v in sorted(p.els.items())},
                 "occurrences": p.occ, "controllers": p.ctrl,
                 "note": "; ".join(n() if callable(n) else n for n in p.notes)}
            if person_extra:
                d.update(person_extra(p))
            out.append(d)
        truth = {"case": self.key, "description": self.description, "files": len(self.files),
                 "expected": {"persons": len(persons), "per_element": dict(sorted(per_el.items())),
                              "per_controller": dict(sorted(per_ctl.items()))},
                 "persons": out, "decoys": self.decoys}
        if extra_top:
            truth.update(extra_top)
        with open(os.path.join(cdir, "truth.json"), "w", encoding="utf-8") as fh:
            json.dump(truth, fh, ensure_ascii=False, indent=1)
        return truth


def csv_text(rows, delim=",", lt="\r\n", quoting=csv.QUOTE_MINIMAL):
    buf = io.StringIO()
    w = csv.writer(buf, delimiter=delim, lineterminator=lt, quoting=quoting)
    w.writerows(rows)
    return buf.getvalue()


def jdump(obj, indent=None):
    return json.dumps(obj, ensure_ascii=False, indent=indent)


# ----------------------------------------------------------------- self-checks

def self_check():
    import random
    assert ee_valid("37605030299"), "isikukood reference"
    assert not ee_valid("37605030298")
    assert ee_valid("33309240064"), "asmens kodas reference"
    assert fi_hetu_valid("131052-308T"), "HETU reference"
    assert not fi_hetu_valid("131052-308U")
    assert se_valid("811218-9876") and se_valid("19811218-9876"), "personnummer reference"
    assert pesel_valid("44051401359") and not pesel_valid("44051401358"), "PESEL reference"
    assert lv_valid("161175-19997"), "personas kods reference"
    assert iban_valid("GB82WEST12345698765432") and iban_valid("FI2112345600000785")
    assert iban_valid("PL61109010140000071219812874")
    assert luhn_ok("4111111111111111") and not luhn_ok("4111111111111112")
    assert ean13_valid("4006381333931")
    rng = random.Random(7)
    for _ in range(3000):
        dob = rand_date(rng, 1899, 2022)
        sex = rng.choice("MF")
        if dob.year >= 1900:
            assert ee_valid(ee_code(dob, sex, rng))
            h = fi_hetu(dob, sex, rng, new_sign=rng.random() < 0.3)
            assert fi_hetu_valid(h), h
        p = pl_pesel(dob, sex, rng)
        assert pesel_valid(p), p
        if dob.year >= 1900:
            assert lv_valid(lv_code(dob, rng))
            s = se_pnr(dob, sex, rng)
            assert se_valid(s), s
        assert iban_valid(fi_iban(rng)) and iban_valid(pl_iban(rng))
        assert luhn_ok(card_number(rng))
        assert us_ssn_valid(us_ssn(rng))
        for f in (ee_mobile, ee_landline, fi_mobile, pl_mobile, lv_mobile, lt_mobile, se_mobile, us_phone):
            assert phone_valid(f(rng)), f
        for a in ("9", "19", "3", "13", "5"):
            assert phone_valid(fi_landline(rng, a))
        assert phone_valid(pl_landline(rng, rng.choice(["22", "12", "71", "61", "58", "42"])))
    # the phone writer round-trips
    for e, cc in (("+37251234567", "372"), ("+358401234567", "358"), ("+358195234567", "358"), ("+48601234567", "48"),
                  ("+15035551234", "1")):
        for st in ("e164", "intl_space", "plain_cc", "00", "paren_cc", "local", "local_space", "local_dash"):
            raw = fmt_phone(e, st, cc)
            digits = re.sub(r"\D", "", raw)
            if st in ("local", "local_space", "local_dash"):
                trunk = {"372": "", "358": "0", "48": "", "1": ""}[cc]
                assert digits == trunk + e[len(cc) + 1:], (raw, e)
            else:
                assert digits.lstrip("0") == e[1:], (raw, e)
    return True
