"""Identifier generators and *independent* validators (standard library only).

Generators build a value with its check digit(s); validators recompute from scratch and are what
the self-checks use.  Only synthetic values are produced.
"""
import datetime
import re

# ------------------------------------------------------------------ Estonia / Lithuania (same scheme)

def _ee_check(d10):
    w1 = [1, 2, 3, 4, 5, 6, 7, 8, 9, 1]
    w2 = [3, 4, 5, 6, 7, 8, 9, 1, 2, 3]
    s = sum(int(a) * b for a, b in zip(d10, w1)) % 11
    if s == 10:
        s = sum(int(a) * b for a, b in zip(d10, w2)) % 11
        if s == 10:
            s = 0
    return s


def _ee_first(dob, male):
    c = dob.year // 100
    base = {18: 1, 19: 3, 20: 5}[c]
    return base + (0 if male else 1)


def ee_isikukood(dob, male, serial):
    d10 = f"{_ee_first(dob, male)}{dob:%y%m%d}{serial % 1000:03d}"
    return d10 + str(_ee_check(d10))


lt_asmens_kodas = ee_isikukood


def valid_ee(v):
    if not re.fullmatch(r"[1-6]\d{10}", v):
        return False
    c = int(v[0])
    year = {1: 1800, 2: 1800, 3: 1900, 4: 1900, 5: 2000, 6: 2000}[c] + int(v[1:3])
    try:
        datetime.date(year, int(v[3:5]), int(v[5:7]))
    except ValueError:
        return False
    return _ee_check(v[:10]) == int(v[10])


valid_lt = valid_ee

# ------------------------------------------------------------------ Latvia (old format DDMMYY-CNNNNZ)

def _lv_check(d10):
    w = [1, 6, 3, 7, 9, 10, 5, 8, 4, 2]
    return (1101 - sum(int(a) * b for a, b in zip(d10, w))) % 11


def lv_personas_kods(dob, serial):
    """Returns None when the serial gives check value 10 (not issuable)."""
    cent = {18: 0, 19: 1, 20: 2}[dob.year // 100]
    d10 = f"{dob:%d%m%y}{cent}{serial % 1000:03d}"
    z = _lv_check(d10)
    if z == 10:
        return None
    return f"{d10[:6]}-{d10[6:]}{z}"


def valid_lv(v):
    s = v.replace("-", "")
    if not re.fullmatch(r"\d{11}", s):
        return False
    if s.startswith("32"):
        return True
    try:
        datetime.date({0: 1800, 1: 1900, 2: 2000}[int(s[6])] + int(s[4:6]), int(s[2:4]), int(s[0:2]))
    except (ValueError, KeyError):
        return False
    return _lv_check(s[:10]) == int(s[10])

# ------------------------------------------------------------------ Finland HETU (incl. 2023 signs)

HETU_CHARS = "0123456789ABCDEFHJKLMNPRSTUVWXY"
HETU_CENT = {"+": 1800, "-": 1900, "Y": 1900, "X": 1900, "W": 1900, "V": 1900, "U": 1900,
             "A": 2000, "B": 2000, "C": 2000, "D": 2000, "E": 2000, "F": 2000}


def fi_hetu(dob, serial, sign=None):
    if sign is None:
        sign = {18: "+", 19: "-", 20: "A"}[dob.year // 100]
    assert HETU_CENT[sign] == dob.year // 100 * 100
    nnn = 2 + serial % 898
    q = HETU_CHARS[int(f"{dob:%d%m%y}{nnn:03d}") % 31]
    return f"{dob:%d%m%y}{sign}{nnn:03d}{q}"


def valid_fi(v):
    m = re.fullmatch(r"(\d{6})([+\-YXWVUABCDEF])(\d{3})([0-9A-Y])", v)
    if not m:
        return False
    d, sign, n, q = m.groups()
    try:
        datetime.date(HETU_CENT[sign] + int(d[4:6]), int(d[2:4]), int(d[0:2]))
    except ValueError:
        return False
    return HETU_CHARS[int(d + n) % 31] == q

# ------------------------------------------------------------------ Sweden personnummer (Luhn)

def _luhn_digit(body):
    s = 0
    for i, ch in enumerate(reversed(body)):
        d = int(ch)
        if i % 2 == 0:
            d *= 2
            if d > 9:
                d -= 9
        s += d
    return (10 - s % 10) % 10


def luhn_ok(num):
    return _luhn_digit(num[:-1]) == int(num[-1])


def se_personnummer(dob, serial, plus=False):
    body = f"{dob:%y%m%d}{serial % 1000:03d}"
    return f"{body[:6]}{'+' if plus else '-'}{body[6:]}{_luhn_digit(body)}"


def valid_se(v):
    s = re.sub(r"[\-+]", "", v)
    if len(s) == 12:
        s = s[2:]
    return bool(re.fullmatch(r"\d{10}", s)) and luhn_ok(s)

# ------------------------------------------------------------------ Norway fødselsnummer

def no_fodselsnummer(dob, serial):
    """Returns None when a check digit would be 10."""
    y = dob.year
    if 1900 <= y <= 1999:
        ind = serial % 500
    elif 2000 <= y <= 2039:
        ind = 500 + serial % 500
    else:
        ind = 500 + serial % 250
    d9 = f"{dob:%d%m%y}{ind:03d}"
    w1 = [3, 7, 6, 1, 8, 9, 4, 5, 2]
    k1 = 11 - sum(int(a) * b for a, b in zip(d9, w1)) % 11
    k1 = 0 if k1 == 11 else k1
    if k1 == 10:
        return None
    w2 = [5, 4, 3, 2, 7, 6, 5, 4, 3, 2]
    d10 = d9 + str(k1)
    k2 = 11 - sum(int(a) * b for a, b in zip(d10, w2)) % 11
    k2 = 0 if k2 == 11 else k2
    if k2 == 10:
        return None
    return d10 + str(k2)


def valid_no(v):
    if not re.fullmatch(r"\d{11}", v):
        return False
    w1 = [3, 7, 6, 1, 8, 9, 4, 5, 2, 1]
    w2 = [5, 4, 3, 2, 7, 6, 5, 4, 3, 2, 1]
    return sum(int(a) * b for a, b in zip(v, w1)) % 11 == 0 and sum(int(a) * b for a, b in zip(v, w2)) % 11 == 0

# ------------------------------------------------------------------ Denmark CPR (mod-11 variant)

def dk_cpr(dob, serial):
    w = [4, 3, 2, 7, 6, 5, 4, 3, 2]
    for k in range(1000):
        seq = (serial + k) % 1000
        d9 = f"{dob:%d%m%y}{seq:03d}"
        r = sum(int(a) * b for a, b in zip(d9, w)) % 11
        c = (11 - r) % 11
        if c < 10:
            return f"{d9[:6]}-{d9[6:]}{c}"
    return None


def valid_dk(v):
    s = v.replace("-", "")
    w = [4, 3, 2, 7, 6, 5, 4, 3, 2, 1]
    return bool(re.fullmatch(r"\d{10}", s)) and sum(int(a) * b for a, b in zip(s, w)) % 11 == 0

# ------------------------------------------------------------------ Poland PESEL

def pl_pesel(dob, male, serial):
    off = {18: 80, 19: 0, 20: 20, 21: 40, 22: 60}[dob.year // 100]
    sex = (serial % 5) * 2 + (1 if male else 0)
    d10 = f"{dob.year % 100:02d}{dob.month + off:02d}{dob.day:02d}{serial // 5 % 1000:03d}{sex}"
    w = [1, 3, 7, 9, 1, 3, 7, 9, 1, 3]
    q = (10 - sum(int(a) * b for a, b in zip(d10, w)) % 10) % 10
    return d10 + str(q)


def valid_pl(v):
    if not re.fullmatch(r"\d{11}", v):
        return False
    mm = int(v[2:4])
    base = {0: 1900, 20: 2000, 40: 2100, 60: 2200, 80: 1800}[mm // 20 * 20]
    try:
        datetime.date(base + int(v[:2]), mm % 20, int(v[4:6]))
    except ValueError:
        return False
    w = [1, 3, 7, 9, 1, 3, 7, 9, 1, 3, 1]
    return sum(int(a) * b for a, b in zip(v, w)) % 10 == 0

# ------------------------------------------------------------------ UK NHS number

def uk_nhs(serial):
    for k in range(100):
        d9 = f"{(400000000 + (serial + k) * 7919) % 1000000000:09d}"
        c = 11 - sum(int(a) * (10 - i) for i, a in enumerate(d9)) % 11
        c = 0 if c == 11 else c
        if c != 10:
            return d9 + str(c)
    return None


def valid_nhs(v):
    s = re.sub(r"\s", "", v)
    if not re.fullmatch(r"\d{10}", s):
        return False
    c = 11 - sum(int(a) * (10 - i) for i, a in enumerate(s[:9])) % 11
    c = 0 if c == 11 else c
    return c != 10 and c == int(s[9])

# ------------------------------------------------------------------ IBAN, card, EAN

def _iban_num(s):
    return int("".join(str(int(ch, 36)) for ch in s))


def iban(country, bban):
    chk = 98 - _iban_num(bban + country + "00") % 97
    return f"{country}{chk:02d}{bban}"


def valid_iban(v):
    s = re.sub(r"\s", "", v).upper()
    if not re.fullmatch(r"[A-Z]{2}\d{2}[A-Z0-9]{10,30}", s):
        return False
    return _iban_num(s[4:] + s[:4]) % 97 == 1


def card(prefix, body_digits):
    body = (prefix + body_digits)[:15]
    return body + str(_luhn_digit(body))


def ean13(d12):
    s = sum(int(c) * (3 if i % 2 else 1) for i, c in enumerate(d12))
    return d12 + str((10 - s % 10) % 10)


def valid_ean13(v):
    return bool(re.fullmatch(r"\d{13}", v)) and ean13(v[:12]) == v


VALIDATORS = {
    "ee_isikukood": valid_ee, "lt_asmens_kodas": valid_lt, "lv_personas_kods": valid_lv,
    "fi_hetu": valid_fi, "se_personnummer": valid_se, "no_fodselsnummer": valid_no,
    "dk_cpr": valid_dk, "pl_pesel": valid_pl, "uk_nhs_number": valid_nhs,
    "iban": valid_iban, "payment_card": lambda v: luhn_ok(re.sub(r"\D", "", v)),
    "loyalty_card": valid_ean13,
}


def any_nid_valid(v):
    """True when the digits of v pass any national-ID scheme (for decoy checks)."""
    s = re.sub(r"[\s\-+]", "", v)
    for name, f in VALIDATORS.items():
        if name in ("iban", "payment_card", "loyalty_card"):
            continue
        try:
            if f(v) or f(s):
                return name
        except Exception:
            pass
    return None
