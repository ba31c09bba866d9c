"""Identifier makers and validators (standard library only).

Every maker returns a value that its validator accepts; `selftest()` checks the validators
against published reference numbers and is run by gen.py before anything is generated.
"""
import datetime


# ------------------------------------------------------------------ Estonia / Lithuania (same scheme)

def _ee_check(d10):
    w1 = [1, 2, 3, 4, 5, 6, 7, 8, 9, 1]
    w2 = [3, 4, 5, 6, 7, 8, 9, 1, 2, 3]
    s = sum(int(c) * w for c, w in zip(d10, w1)) % 11
    if s == 10:
        s = sum(int(c) * w for c, w in zip(d10, w2)) % 11
        if s == 10:
            s = 0
    return s


def ee_valid(v):
    v = str(v)
    if len(v) != 11 or not v.isdigit() or v[0] not in "123456":
        return False
    try:
        _ee_dob(v)
    except ValueError:
        return False
    return _ee_check(v[:10]) == int(v[10])


def _ee_dob(v):
    c = int(v[0])
    century = {1: 1800, 2: 1800, 3: 1900, 4: 1900, 5: 2000, 6: 2000}[c]
    return datetime.date(century + int(v[1:3]), int(v[3:5]), int(v[5:7]))


def ee_make(rng, dob, female):
    g = {18: 1, 19: 3, 20: 5}[dob.year // 100] + (1 if female else 0)
    base = f"{g}{dob:%y%m%d}{rng.randint(0, 999):03d}"
    return base + str(_ee_check(base))


lt_make, lt_valid = ee_make, ee_valid


# ------------------------------------------------------------------ Latvia (old format with birth date)

_LV_W = [1, 6, 3, 7, 9, 10, 5, 8, 4, 2]


def lv_valid(v):
    s = str(v).replace("-", "")
    if len(s) != 11 or not s.isdigit():
        return False
    chk = (1101 - sum(int(c) * w for c, w in zip(s[:10], _LV_W))) % 11
    return chk == int(s[10])


def lv_make(rng, dob):
    c = {18: 0, 19: 1, 20: 2}[dob.year // 100]
    while True:
        base = f"{dob:%d%m%y}{c}{rng.randint(0, 999):03d}"
        chk = (1101 - sum(int(ch) * w for ch, w in zip(base, _LV_W))) % 11
        if chk < 10:
            return f"{base[:6]}-{base[6:]}{chk}"


# ------------------------------------------------------------------ Finland HETU (incl. 2023 century signs)

_FI_CH = "0123456789ABCDEFHJKLMNPRSTUVWXY"
FI_SIGNS = {18: "+", 19: "-YXWVU", 20: "ABCDEF"}


def fi_valid(v):
    v = str(v).upper()
    if len(v) != 11 or v[6] not in "+-YXWVUABCDEF":
        return False
    d, n = v[:6], v[7:10]
    if not (d.isdigit() and n.isdigit()) or not 2 <= int(n) <= 999:
        return False
    return _FI_CH[int(d + n) % 31] == v[10]


def fi_make(rng, dob, female, new_sign=False):
    signs = FI_SIGNS[dob.year // 100]
    sign = rng.choice(signs[1:]) if new_sign and len(signs) > 1 else signs[0]
    while True:
        n = rng.randint(2, 899)
        if (n % 2 == 0) == female:
            break
    d = f"{dob:%d%m%y}"
    return f"{d}{sign}{n:03d}{_FI_CH[int(d + f'{n:03d}') % 31]}"


# ------------------------------------------------------------------ Luhn (Swedish personnummer, cards)

def luhn_ok(digits):
    s = 0
    for i, c in enumerate(reversed(digits)):
        d = int(c)
        if i % 2 == 1:
            d *= 2
            if d > 9:
                d -= 9
        s += d
    return s % 10 == 0


def luhn_digit(body):
    for d in "0123456789":
        if luhn_ok(body + d):
            return d


def se_valid(v):
    s = str(v).replace("-", "").replace("+", "")
    if len(s) == 12:
        s = s[2:]
    return len(s) == 10 and s.isdigit() and luhn_ok(s)


def se_make(rng, dob, female):
    while True:
        n = rng.randint(0, 999)
        if (n % 10 % 2 == 0) == female:
            break
    body = f"{dob:%y%m%d}{n:03d}"
    return f"{body[:6]}-{body[6:]}{luhn_digit(body)}"


# ------------------------------------------------------------------ Norway fødselsnummer

def _no_k(digits, w):
    r = 11 - sum(int(c) * x for c, x in zip(digits, w)) % 11
    return 0 if r == 11 else r


def no_valid(v):
    s = str(v)
    if len(s) != 11 or not s.isdigit():
        return False
    k1 = _no_k(s[:9], [3, 7, 6, 1, 8, 9, 4, 5, 2])
    k2 = _no_k(s[:9] + str(k1 % 10), [5, 4, 3, 2, 7, 6, 5, 4, 3, 2])
    return k1 < 10 and k2 < 10 and s[9] == str(k1) and s[10] == str(k2)


def no_make(rng, dob, female):
    lo, hi = (0, 499) if dob.year < 2000 else (500, 999)
    while True:
        ind = rng.randint(lo, hi)
        if (ind % 10 % 2 == 0) != female:   # 3rd individual digit odd = male
            continue
        base = f"{dob:%d%m%y}{ind:03d}"
        k1 = _no_k(base, [3, 7, 6, 1, 8, 9, 4, 5, 2])
        if k1 == 10:
            continue
        k2 = _no_k(base + str(k1), [5, 4, 3, 2, 7, 6, 5, 4, 3, 2])
        if k2 == 10:
            continue
        return f"{base}{k1}{k2}"


# ------------------------------------------------------------------ Denmark CPR (mod-11 satisfying)

_DK_W = [4, 3, 2, 7, 6, 5, 4, 3, 2, 1]


def dk_valid(v):
    s = str(v).replace("-", "")
    return len(s) == 10 and s.isdigit() and sum(int(c) * w for c, w in zip(s, _DK_W)) % 11 == 0


def dk_make(rng, dob, female):
    assert 1900 <= dob.year <= 1999
    while True:
        seq = f"{rng.randint(0, 3)}{rng.randint(0, 99):02d}"
        body = f"{dob:%d%m%y}{seq}"
        for last in range(10):
            if (last % 2 == 0) != female:
                continue
            if dk_valid(body + str(last)):
                return f"{body[:6]}-{body[6:]}{last}"


# ------------------------------------------------------------------ Poland PESEL

_PL_W = [1, 3, 7, 9, 1, 3, 7, 9, 1, 3]


def pesel_valid(v):
    s = str(v)
    if len(s) != 11 or not s.isdigit():
        return False
    return (10 - sum(int(c) * w for c, w in zip(s[:10], _PL_W)) % 10) % 10 == int(s[10])


def pesel_make(rng, dob, female):
    m = dob.month + {18: 80, 19: 0, 20: 20}[dob.year // 100]
    while True:
        ser = rng.randint(0, 999)
        sex = rng.choice([0, 2, 4, 6, 8] if female else [1, 3, 5, 7, 9])
        base = f"{dob:%y}{m:02d}{dob:%d}{ser:03d}{sex}"
        return base + str((10 - sum(int(c) * w for c, w in zip(base, _PL_W)) % 10) % 10)


# ------------------------------------------------------------------ UK NHS number

def nhs_valid(v):
    s = str(v).replace(" ", "").replace("-", "")
    if len(s) != 10 or not s.isdigit():
        return False
    r = 11 - sum(int(c) * w for c, w in zip(s[:9], range(10, 1, -1))) % 11
    r = 0 if r == 11 else r
    return r != 10 and r == int(s[9])


def nhs_make(rng):
    while True:
        body = f"{rng.randint(400000000, 799999999)}"
        r = 11 - sum(int(c) * w for c, w in zip(body, range(10, 1, -1))) % 11
        r = 0 if r == 11 else r
        if r != 10:
            return body + str(r)


# ------------------------------------------------------------------ US SSN (structural rules)

def ssn_valid(v):
    s = str(v).replace("-", "")
    if len(s) != 9 or not s.isdigit():
        return False
    a, g, n = int(s[:3]), int(s[3:5]), int(s[5:])
    return 0 < a < 900 and a != 666 and g > 0 and n > 0


# ------------------------------------------------------------------ IBAN, EAN, business ids

def iban_valid(v):
    s = str(v).replace(" ", "").upper()
    r = s[4:] + s[:4]
    n = "".join(str(int(c, 36)) for c in r)
    return int(n) % 97 == 1


def iban_make(country, bban):
    r = bban + country + "00"
    n = "".join(str(int(c, 36)) for c in r)
    return f"{country}{98 - int(n) % 97:02d}{bban}"


def _ee_731(digits):
    w = [7, 3, 1]
    s = sum(int(c) * w[i % 3] for i, c in enumerate(reversed(digits)))
    return str((10 - s % 10) % 10)


def iban_ee(rng):
    bank = rng.choice(["22", "10", "17", "77"])          # bank codes of Estonian banks
    acc = f"{bank}{rng.randint(10**9, 10**11 - 1)}"
    acc = acc + _ee_731(acc)
    return iban_make("EE", bank + acc.zfill(14))


def iban_fi(rng):
    body = f"{rng.choice(['1', '4', '5', '8'])}{rng.randint(10**11, 10**12 - 1)}"[:13]
    return iban_make("FI", body + luhn_digit(body))


def iban_pl(rng):
    while True:
        bank = f"{rng.choice(['102', '105', '109', '114', '116', '124'])}{rng.randint(0, 9999):04d}"
        w = [3, 9, 7, 1, 3, 9, 7]
        c = (10 - sum(int(a) * b for a, b in zip(bank, w)) % 10) % 10
        acc = f"{rng.randint(0, 10**16 - 1):016d}"
        return iban_make("PL", bank + str(c) + acc)


def ean13_digit(body12):
    s = sum(int(c) * (3 if i % 2 else 1) for i, c in enumerate(body12))
    return str((10 - s % 10) % 10)


def ean13_valid(v):
    return len(v) == 13 and v.isdigit() and ean13_digit(v[:12]) == v[12]


def card_make(rng, brand):
    if brand == "visa":
        body = "4" + "".join(str(rng.randint(0, 9)) for _ in range(14))
    elif brand == "mc":
        body = str(rng.choice([51, 52, 53, 54, 55])) + "".join(str(rng.randint(0, 9)) for _ in range(13))
    else:   # Maestro-like debit range of Polish banks? keep to Mastercard 2-series
        body = str(rng.randint(2221, 2720)) + "".join(str(rng.randint(0, 9)) for _ in range(11))
    return body + luhn_digit(body)


def fi_ytunnus(rng):
    while True:
        b = f"{rng.randint(1000000, 3299999):07d}"
        r = sum(int(c) * w for c, w in zip(b, [7, 9, 10, 5, 8, 4, 2])) % 11
        if r == 1:
            continue
        return f"{b}-{0 if r == 0 else 11 - r}"


def dob_of_ee(v):
    return _ee_dob(v)


# ------------------------------------------------------------------ self-test

def selftest():
    ok = {
        "ee": [ee_valid("37605030299"), ee_valid("38001085718"), not ee_valid("37605030298")],
        "lt": [lt_valid("33309240064"), not lt_valid("33309240065")],
        "lv": [lv_valid("161175-19997"), not lv_valid("161175-19996")],
        "fi": [fi_valid("131052-308T"), fi_valid("010594Y9021"), fi_valid("020594X903P"), fi_valid("010516B903X"),
               fi_valid("020516C902J"), not fi_valid("131052-308U")],
        "se": [se_valid("811218-9876"), se_valid("19811218-9876"), not se_valid("811218-9875")],
        "no": [no_valid("01010750160"), not no_valid("01010750161")],
        "dk": [dk_valid("070761-4285"), not dk_valid("070761-4286")],
        "pl": [pesel_valid("44051401359"), pesel_valid("02070803628"), not pesel_valid("44051401358")],
        "nhs": [nhs_valid("943 476 5919"), nhs_valid("4010232137"), not nhs_valid("9434765918")],
        "iban": [iban_valid("GB82WEST12345698765432"), iban_valid("EE382200221020145685"), iban_valid("FI2112345600000785"),
                 iban_valid("PL61109010140000071219812874"), iban_valid("DE89370400440532013000"),
                 not iban_valid("EE382200221020145686"), _ee_731("22102014568") == "5"],
        "luhn": [luhn_ok("4111111111111111"), luhn_ok("79927398713"), not luhn_ok("79927398710")],
        "ean": [ean13_valid("4006381333931"), not ean13_valid("4006381333932")],
        "ssn": [ssn_valid("123-45-6789"), not ssn_valid("666-12-3456"), not ssn_valid("900-12-3456")],
        "ytunnus": [_yt_ok("0737546-2"), _yt_ok("1572860-0")],
    }
    bad = {k: v for k, v in ok.items() if not all(v)}
    if bad:
        raise SystemExit(f"identifier self-test failed: {bad}")
    # makers round-trip
    import random
    rng = random.Random(1)
    for _ in range(300):
        d = datetime.date(rng.randint(1925, 2019), rng.randint(1, 12), rng.randint(1, 28))
        f = rng.random() < .5
        assert ee_valid(ee_make(rng, d, f)) and ee_valid(lt_make(rng, d, f))
        assert lv_valid(lv_make(rng, d))
        assert fi_valid(fi_make(rng, d, f)) and fi_valid(fi_make(rng, d, f, True))
        assert se_valid(se_make(rng, d, f)) and no_valid(no_make(rng, d, f)) and pesel_valid(pesel_make(rng, d, f))
        if d.year < 2000:
            assert dk_valid(dk_make(rng, d, f))
        assert nhs_valid(nhs_make(rng))
        assert iban_valid(iban_ee(rng)) and iban_valid(iban_fi(rng)) and iban_valid(iban_pl(rng))
        assert luhn_ok(card_make(rng, "visa")) and luhn_ok(card_make(rng, "mc")) and luhn_ok(card_make(rng, "mc2"))
        assert _yt_ok(fi_ytunnus(rng))
    return True


def _yt_ok(v):
    b, c = v.split("-")
    r = sum(int(x) * w for x, w in zip(b, [7, 9, 10, 5, 8, 4, 2])) % 11
    return r != 1 and int(c) == (0 if r == 0 else 11 - r)


if __name__ == "__main__":
    selftest()
    print("identifier self-test ok")
