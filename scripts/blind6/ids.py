"""Generators for identifiers, phones, e-mails, IBANs and cards (standard library only).

Every generator returns a canonical value; `render_*` helpers return the ways people write it.
Validation lives in check.py and is written independently of these generators.
"""
import datetime as dt
import unicodedata

# ------------------------------------------------------------------ national identifiers


def _w(digits, weights):
    return sum(int(d) * w for d, w in zip(digits, weights))


def ee_like(rng, dob, female):
    """Estonian isikukood / Lithuanian asmens kodas (same construction)."""
    cent = {18: 1, 19: 3, 20: 5}[dob.year // 100] + (1 if female else 0)
    while True:
        base = f"{cent}{dob:%y%m%d}{rng.randint(0, 999):03d}"
        c = _w(base, [1, 2, 3, 4, 5, 6, 7, 8, 9, 1]) % 11
        if c == 10:
            c = _w(base, [3, 4, 5, 6, 7, 8, 9, 1, 2, 3]) % 11
            if c == 10:
                c = 0
        return base + str(c)


def lv_old(rng, dob):
    cent = {18: 0, 19: 1, 20: 2}[dob.year // 100]
    while True:
        base = f"{dob:%d%m%y}{cent}{rng.randint(0, 999):03d}"
        r = (1101 - _w(base, [1, 6, 3, 7, 9, 10, 5, 8, 4, 2])) % 11
        if r != 10:
            return base[:6] + "-" + base[6:] + str(r)


def lv_new(rng):
    while True:
        base = "32" + f"{rng.randint(0, 99999999):08d}"
        r = (1101 - _w(base, [1, 6, 3, 7, 9, 10, 5, 8, 4, 2])) % 11
        if r != 10:
            return base[:6] + "-" + base[6:] + str(r)


HETU_CHARS = "0123456789ABCDEFHJKLMNPRSTUVWXY"


def fi_hetu(rng, dob, new_sign=False):
    if dob.year < 1900:
        sign = "+"
    elif dob.year < 2000:
        sign = rng.choice("YXWVU") if new_sign else "-"
    else:
        sign = rng.choice("BCDEF") if new_sign else "A"
    n = rng.randint(2, 899)
    chk = HETU_CHARS[int(f"{dob:%d%m%y}{n:03d}") % 31]
    return f"{dob:%d%m%y}{sign}{n:03d}{chk}"


def _luhn_digit(payload):
    s = 0
    for i, ch in enumerate(reversed(payload)):
        d = int(ch)
        if i % 2 == 0:
            d *= 2
            if d > 9:
                d -= 9
        s += d
    return str((10 - s % 10) % 10)


def se_pnr(rng, dob, samordning=False):
    """canonical: YYYYMMDD-NNNC (12 digits with century, '-' separator)."""
    day = dob.day + (60 if samordning else 0)
    core = f"{dob:%y%m}{day:02d}{rng.randint(0, 999):03d}"
    return f"{dob.year // 100}{core[:6]}-{core[6:]}{_luhn_digit(core)}"


def no_fnr(rng, dob, d_number=False):
    day = dob.day + (40 if d_number else 0)
    while True:
        if 1900 <= dob.year <= 1999:
            ind = rng.randint(0, 499)
        elif 2000 <= dob.year <= 2039:
            ind = rng.randint(500, 999)
        else:
            raise ValueError("year")
        base = f"{day:02d}{dob:%m%y}{ind:03d}"
        k1 = 11 - _w(base, [3, 7, 6, 1, 8, 9, 4, 5, 2]) % 11
        k1 = 0 if k1 == 11 else k1
        if k1 == 10:
            continue
        k2 = 11 - _w(base + str(k1), [5, 4, 3, 2, 7, 6, 5, 4, 3, 2]) % 11
        k2 = 0 if k2 == 11 else k2
        if k2 == 10:
            continue
        return base + str(k1) + str(k2)


def dk_cpr(rng, dob):
    while True:
        if 1900 <= dob.year <= 1999:
            c7 = rng.randint(0, 3)
        elif 2000 <= dob.year <= 2036:
            c7 = 4
        else:
            raise ValueError("year")
        base = f"{dob:%d%m%y}{c7}{rng.randint(0, 99):02d}"
        d = (-_w(base, [4, 3, 2, 7, 6, 5, 4, 3, 2])) % 11
        if d < 10:
            return base[:6] + "-" + base[6:] + str(d)


def pl_pesel(rng, dob, female):
    m = dob.month + {18: 80, 19: 0, 20: 20}[dob.year // 100]
    sex = rng.choice([0, 2, 4, 6, 8] if female else [1, 3, 5, 7, 9])
    base = f"{dob:%y}{m:02d}{dob:%d}{rng.randint(0, 999):03d}{sex}"
    c = (10 - _w(base, [1, 3, 7, 9, 1, 3, 7, 9, 1, 3]) % 10) % 10
    return base + str(c)


def uk_nhs(rng):
    while True:
        base = str(rng.choice([4, 6, 7])) + f"{rng.randint(0, 99999999):08d}"
        r = 11 - _w(base, [10, 9, 8, 7, 6, 5, 4, 3, 2]) % 11
        r = 0 if r == 11 else r
        if r != 10:
            return base + str(r)


# ------------------------------------------------------------------ IBAN / cards / loyalty

IBAN_LEN = {"EE": 20, "LT": 20, "LV": 21, "FI": 18, "SE": 24, "NO": 15, "DK": 18, "PL": 28, "DE": 22, "GB": 22}


def _iban_num(s):
    return int("".join(str(int(c, 36)) for c in s))


def iban(rng, cc):
    n = IBAN_LEN[cc] - 4
    if cc == "EE":
        bban = rng.choice(["22", "10", "77", "17"]) + "".join(str(rng.randint(0, 9)) for _ in range(n - 2))
    elif cc == "LT":
        bban = rng.choice(["73000", "70440", "40100"]) + "".join(str(rng.randint(0, 9)) for _ in range(n - 5))
    elif cc == "LV":
        bban = rng.choice(["HABA", "UNLA", "RIKO"]) + "".join(str(rng.randint(0, 9)) for _ in range(n - 4))
    elif cc == "GB":
        bban = rng.choice(["NWBK", "MIDL", "BARC"]) + "".join(str(rng.randint(0, 9)) for _ in range(n - 4))
    elif cc == "FI":
        bban = rng.choice(["1", "5", "8"]) + "".join(str(rng.randint(0, 9)) for _ in range(n - 1))
    elif cc == "PL":
        bban = rng.choice(["10201026", "11402004", "10501445", "24901044"]) + "".join(str(rng.randint(0, 9)) for _ in range(n - 8))
    else:
        bban = str(rng.randint(1, 9)) + "".join(str(rng.randint(0, 9)) for _ in range(n - 1))
    chk = 98 - _iban_num(bban + cc + "00") % 97
    return f"{cc}{chk:02d}{bban}"


def iban_grouped(v):
    return " ".join(v[i:i + 4] for i in range(0, len(v), 4))


def card(rng, brand):
    prefix, length = {"visa": ("400005", 16), "mc": (rng.choice(["555555", "222300"]), 16), "amex": ("378282", 15)}[brand]
    body = prefix + "".join(str(rng.randint(0, 9)) for _ in range(length - len(prefix) - 1))
    return body + _luhn_digit(body)


def card_grouped(v, sep=" "):
    if len(v) == 15:
        return sep.join([v[:4], v[4:10], v[10:]])
    return sep.join(v[i:i + 4] for i in range(0, 16, 4))


def ean13(prefix, rng, length=13):
    body = prefix + "".join(str(rng.randint(0, 9)) for _ in range(length - 1 - len(prefix)))
    s = sum(int(d) * (3 if i % 2 else 1) for i, d in enumerate(body))
    return body + str((10 - s % 10) % 10)


# ------------------------------------------------------------------ phones
# national significant numbers (NSN) by country; the canonical value is E.164.

CC = {"EE": "372", "LV": "371", "LT": "370", "FI": "358", "SE": "46", "NO": "47", "DK": "45", "PL": "48",
      "DE": "49", "UK": "44", "US": "1", "UA": "380"}


def _digits(rng, n):
    return "".join(str(rng.randint(0, 9)) for _ in range(n))


def phone_nsn(rng, country, kind="mobile"):
    if country == "EE":
        return ("5" + _digits(rng, 7)) if kind == "mobile" else (rng.choice(["6", "7"]) + _digits(rng, 6))
    if country == "LV":
        return "2" + _digits(rng, 7) if kind == "mobile" else "67" + _digits(rng, 6)
    if country == "LT":
        return "6" + _digits(rng, 7) if kind == "mobile" else "5" + _digits(rng, 7)
    if country == "FI":
        if kind == "mobile":
            return rng.choice(["40", "41", "44", "45", "46", "50"]) + _digits(rng, 7)
        return rng.choice(["9" + _digits(rng, 7), "3" + _digits(rng, 7), "13" + _digits(rng, 6), "19" + _digits(rng, 6)])
    if country == "SE":
        return rng.choice(["70", "72", "73", "76", "79"]) + _digits(rng, 7) if kind == "mobile" else "8" + _digits(rng, 7)
    if country == "NO":
        return rng.choice(["4", "9"]) + _digits(rng, 7)
    if country == "DK":
        return rng.choice(["2" + _digits(rng, 1), "30", "31", "40", "41", "42", "50", "51", "52", "53", "60", "61"]) + _digits(rng, 6)
    if country == "PL":
        if kind == "mobile":
            return rng.choice(["50", "51", "53", "57", "60", "66", "69", "72", "73", "78", "79", "88"]) + _digits(rng, 7)
        return rng.choice(["22", "12", "61", "71", "58", "42"]) + _digits(rng, 7)
    if country == "DE":
        return ("30" + _digits(rng, 8)) if kind != "mobile" else rng.choice(["151" + _digits(rng, 8), "176" + _digits(rng, 8), "170" + _digits(rng, 7), "171" + _digits(rng, 7)])
    if country == "UK":
        return "7700900" + _digits(rng, 3)
    if country == "US":
        return rng.choice(["212", "312", "415", "503", "513", "614", "704", "801", "919", "971"]) + "55501" + _digits(rng, 2)
    if country == "UA":
        return rng.choice(["67", "50", "63", "66", "73", "93", "95", "96", "97", "98"]) + _digits(rng, 7)
    raise ValueError(country)


def e164(country, nsn):
    return "+" + CC[country] + nsn


def render_phone(rng, country, nsn, style=None):
    """A way a person types the number.  Returns (raw, style)."""
    cc = CC[country]
    n = nsn
    styles = {
        "EE": [lambda: f"{n[:4]} {n[4:]}", lambda: f"+372 {n[:4]} {n[4:]}", lambda: f"+372{n}", lambda: f"00372 {n[:4]} {n[4:]}",
               lambda: f"+372 {n[:3]} {n[3:]}", lambda: n, lambda: f"(+372) {n}"],
        "LV": [lambda: f"+371 {n[:4]} {n[4:]}", lambda: n, lambda: f"+371 {n[:2]} {n[2:5]} {n[5:]}", lambda: f"00371{n}"],
        "LT": [lambda: f"+370 {n[:3]} {n[3:]}", lambda: f"8 {n[:3]} {n[3:]}", lambda: f"+370{n}", lambda: f"8-{n[:3]}-{n[3:]}",
               lambda: f"(8 {n[:3]}) {n[3:]}"],
        "FI": [lambda: _fi_nat(n, " "), lambda: _fi_nat(n, "-"), lambda: f"+358 {_fi_grp(n)}", lambda: f"+358{n}",
               lambda: f"00358 {_fi_grp(n)}", lambda: f"+358 (0){_fi_grp(n)}", lambda: "0" + n],
        "SE": [lambda: f"0{n[:2]}-{n[2:5]} {n[5:7]} {n[7:]}", lambda: f"+46 {n[:2]} {n[2:5]} {n[5:7]} {n[7:]}", lambda: f"+46{n}",
               lambda: f"0046 {n[:2]}-{n[2:]}", lambda: f"+46 (0){n[:2]}-{n[2:5]} {n[5:7]} {n[7:]}"],
        "NO": [lambda: f"{n[:3]} {n[3:5]} {n[5:]}", lambda: f"+47 {n[:3]} {n[3:5]} {n[5:]}", lambda: f"0047 {n}", lambda: f"+47{n}"],
        "DK": [lambda: f"{n[:2]} {n[2:4]} {n[4:6]} {n[6:]}", lambda: f"+45 {n[:2]} {n[2:4]} {n[4:6]} {n[6:]}", lambda: f"+45{n}",
               lambda: f"0045 {n[:4]} {n[4:]}"],
        "PL": [lambda: (f"{n[:3]} {n[3:6]} {n[6:]}" if n[:2] not in ("22", "12", "61", "71", "58", "42") else f"({n[:2]}) {n[2:5]} {n[5:7]} {n[7:]}"),
               lambda: f"{n[:3]}-{n[3:6]}-{n[6:]}", lambda: f"+48 {n[:3]} {n[3:6]} {n[6:]}", lambda: f"0048{n}", lambda: f"+48{n}",
               lambda: f"+48 ({n[:2]}) {n[2:5]}-{n[5:7]}-{n[7:]}"],
        "DE": [lambda: f"+49 (0){n[:2]} {n[2:]}" if n.startswith("30") else f"+49 (0){n[:3]} {n[3:]}",
               lambda: f"0{n[:2]}/{n[2:]}" if n.startswith("30") else f"0{n[:3]}/{n[3:]}",
               lambda: f"+49 {n[:2]} {n[2:]}" if n.startswith("30") else f"+49 {n[:3]} {n[3:]}"],
        "UK": [lambda: f"0{n[:4]} {n[4:]}", lambda: f"+44 {n[:4]} {n[4:]}", lambda: f"+44 (0){n[:4]} {n[4:]}", lambda: f"0{n}"],
        "US": [lambda: f"({n[:3]}) {n[3:6]}-{n[6:]}", lambda: f"{n[:3]}-{n[3:6]}-{n[6:]}", lambda: f"+1 {n[:3]}-{n[3:6]}-{n[6:]}",
               lambda: f"{n[:3]}.{n[3:6]}.{n[6:]}", lambda: f"1-{n[:3]}-{n[3:6]}-{n[6:]}"],
        "UA": [lambda: f"+380 {n[:2]} {n[2:5]} {n[5:7]} {n[7:]}", lambda: f"+380{n}", lambda: f"0{n[:2]} {n[2:5]} {n[5:]}"],
    }[country]
    i = style if style is not None else rng.randrange(len(styles))
    return styles[i](), i


def _fi_grp(n):
    if n[:2] in ("40", "41", "44", "45", "46", "50"):       # mobile 40 123 4567
        return f"{n[:2]} {n[2:5]} {n[5:]}"
    if n.startswith(("13", "19")):
        return f"{n[:2]} {n[2:]}"
    return f"{n[:1]} {n[1:4]} {n[4:]}"


def _fi_nat(n, sep):
    if n[:2] in ("40", "41", "44", "45", "46", "50"):
        return f"0{n[:2]}{sep}{n[2:5]} {n[5:]}" if sep == " " else f"0{n[:2]}-{n[2:]}"
    if n.startswith(("13", "19")):
        return f"0{n[:2]}{sep}{n[2:]}"
    return f"(0{n[:1]}) {n[1:4]} {n[4:]}" if sep == " " else f"0{n[:1]}-{n[1:]}"


# ------------------------------------------------------------------ e-mail

DOMAINS = ["example.com", "example.net", "example.org", "mail.example.com", "post.example.net", "inbox.test",
           "kodu.test", "posti.test", "webmail.test", "example.org"]


def ascii_fold(s):
    s = s.replace("ø", "o").replace("Ø", "O").replace("æ", "ae").replace("Æ", "Ae").replace("ł", "l").replace("Ł", "L")
    s = s.replace("ß", "ss").replace("đ", "d")
    s = unicodedata.normalize("NFKD", s)
    return "".join(c for c in s if not unicodedata.combining(c))


def email_for(rng, given, surname, used, domains=None):
    g = "".join(c for c in ascii_fold(given).lower() if c.isalnum() or c == "-").replace("-", "")
    s = "".join(c for c in ascii_fold(surname).lower() if c.isalnum())
    domains = domains or DOMAINS
    for attempt in range(50):
        pat = rng.randrange(8)
        local = [f"{g}.{s}", f"{g}{s}", f"{g[:1]}.{s}", f"{g}_{s}", f"{s}.{g}", f"{g}.{s}{rng.randint(1, 99)}",
                 f"{g}{rng.randint(1950, 2005)}", f"{s}{g[:1]}{rng.randint(1, 999)}"][pat]
        if attempt > 20:
            local += str(rng.randint(100, 9999))
        e = f"{local}@{rng.choice(domains)}"
        if e not in used:
            used.add(e)
            return e
    raise RuntimeError("email")


def render_email(rng, e, caps=0.15):
    r = rng.random()
    if r < caps:
        local, dom = e.split("@")
        return ".".join(x[:1].upper() + x[1:] for x in local.split(".")) + "@" + dom
    if r < caps + 0.03:
        return e.upper()
    return e


# ------------------------------------------------------------------ dates


def rand_date(rng, y0, y1):
    a = dt.date(y0, 1, 1).toordinal()
    b = dt.date(y1, 12, 31).toordinal()
    return dt.date.fromordinal(rng.randint(a, b))
