"""(adapted from scripts/blind5/check.py) Independent validators and the self-checks run before anything is written.

The validators here are written from the published rules, without calling ids.py, so that a bug in a
generator is caught rather than repeated.
"""
import datetime as dt
import email
import email.policy
import json
import re
import unicodedata


def _date_ok(y, m, d):
    try:
        dt.date(y, m, d)
        return True
    except ValueError:
        return False


def v_ee(s):            # also LT
    s = re.sub(r"\D", "", s)
    if len(s) != 11 or s[0] not in "123456":
        return False
    century = {"1": 1800, "2": 1800, "3": 1900, "4": 1900, "5": 2000, "6": 2000}[s[0]]
    if not _date_ok(century + int(s[1:3]), int(s[3:5]), int(s[5:7])):
        return False
    d = list(map(int, s))
    r = sum(x * w for x, w in zip(d, (1, 2, 3, 4, 5, 6, 7, 8, 9, 1))) % 11
    if r == 10:
        r = sum(x * w for x, w in zip(d, (3, 4, 5, 6, 7, 8, 9, 1, 2, 3))) % 11
        r = 0 if r == 10 else r
    return r == d[10]


def v_lv(s):
    t = s.replace("-", "")
    if not re.fullmatch(r"\d{11}", t):
        return False
    if not t.startswith("32"):
        if t[6] not in "012" or not _date_ok({"0": 1800, "1": 1900, "2": 2000}[t[6]] + int(t[4:6]), int(t[2:4]), int(t[0:2])):
            return False
    # sum of all 11 digits with weights 1 6 3 7 9 10 5 8 4 2 1 is 1 (mod 11)
    return sum(int(c) * w for c, w in zip(t, (1, 6, 3, 7, 9, 10, 5, 8, 4, 2, 1))) % 11 == 1


def v_fi(s):
    m = re.fullmatch(r"(\d{2})(\d{2})(\d{2})([-+A-FU-Y])(\d{3})([0-9A-Y])", s.upper())
    if not m:
        return False
    dd, mm, yy, sign, n, c = m.groups()
    cent = 1800 if sign == "+" else 1900 if sign in "-YXWVU" else 2000
    if not _date_ok(cent + int(yy), int(mm), int(dd)) or not (2 <= int(n) <= 899):
        return False
    return "0123456789ABCDEFHJKLMNPRSTUVWXY"[int(dd + mm + yy + n) % 31] == c


def _luhn_ok(digits):
    tot = 0
    for i, ch in enumerate(reversed(digits)):
        x = int(ch) * (2 if i % 2 else 1)
        tot += x // 10 + x % 10
    return tot % 10 == 0


def v_se(s):
    t = re.sub(r"[-+\s]", "", s)
    if len(t) == 12:
        cent, t = int(t[:2]) * 100, t[2:]
    else:
        cent = None
    if not re.fullmatch(r"\d{10}", t):
        return False
    day = int(t[4:6])
    day = day - 60 if day > 60 else day
    years = [cent + int(t[:2])] if cent is not None else [1900 + int(t[:2]), 2000 + int(t[:2])]
    if not any(_date_ok(y, int(t[2:4]), day) for y in years):
        return False
    return _luhn_ok(t)


def v_no(s):
    t = re.sub(r"\s", "", s)
    if not re.fullmatch(r"\d{11}", t):
        return False
    d = list(map(int, t))
    day = int(t[:2])
    day = day - 40 if day > 40 else day
    if not _date_ok(2000, int(t[2:4]), day):      # 2000 is a leap year, good enough for day/month
        return False
    w1 = (3, 7, 6, 1, 8, 9, 4, 5, 2, 1)
    w2 = (5, 4, 3, 2, 7, 6, 5, 4, 3, 2, 1)
    return sum(a * b for a, b in zip(d, w1)) % 11 == 0 and sum(a * b for a, b in zip(d, w2)) % 11 == 0


def v_dk(s):
    t = s.replace("-", "")
    if not re.fullmatch(r"\d{10}", t):
        return False
    if not _date_ok(2000, int(t[2:4]), int(t[:2])):
        return False
    return sum(int(c) * w for c, w in zip(t, (4, 3, 2, 7, 6, 5, 4, 3, 2, 1))) % 11 == 0


def v_pl(s):
    if not re.fullmatch(r"\d{11}", s):
        return False
    m = int(s[2:4])
    cent = {0: 1900, 1: 1900, 2: 2000, 3: 2000, 4: 2100, 5: 2100, 6: 2200, 7: 2200, 8: 1800, 9: 1800}[m // 10]
    if not _date_ok(cent + int(s[:2]), m % 20, int(s[4:6])):
        return False
    return sum(int(c) * w for c, w in zip(s, (1, 3, 7, 9, 1, 3, 7, 9, 1, 3, 1))) % 10 == 0


def v_nhs(s):
    t = re.sub(r"[\s-]", "", s)
    if not re.fullmatch(r"\d{10}", t):
        return False
    r = (11 - sum(int(c) * w for c, w in zip(t, range(10, 1, -1))) % 11) % 11
    return r != 10 and r == int(t[9])


IBAN_LEN = {"EE": 20, "LT": 20, "LV": 21, "FI": 18, "SE": 24, "NO": 15, "DK": 18, "PL": 28, "DE": 22, "GB": 22}


def v_iban(s):
    t = s.replace(" ", "").upper()
    if IBAN_LEN.get(t[:2]) != len(t):
        return False
    r = t[4:] + t[:4]
    n = "".join(str(ord(c) - 55) if c.isalpha() else c for c in r)
    return int(n) % 97 == 1


def v_card(s):
    t = re.sub(r"[\s-]", "", s)
    if not re.fullmatch(r"\d{13,19}", t):
        return False
    issuer = t[0] == "4" and len(t) in (13, 16, 19) or (51 <= int(t[:2]) <= 55 or 2221 <= int(t[:4]) <= 2720) and len(t) == 16 \
        or t[:2] in ("34", "37") and len(t) == 15
    return issuer and _luhn_ok(t)


def v_ean(s):
    return bool(re.fullmatch(r"\d{13}", s)) and sum(int(c) * (3 if i % 2 else 1) for i, c in enumerate(s)) % 10 == 0


PHONE_RULES = {   # country code -> regex of the national significant number
    "372": r"5\d{6,7}|[67]\d{6}",
    "371": r"2\d{7}|6\d{7}",
    "370": r"6\d{7}|5\d{7}",
    "358": r"(40|41|44|45|46|50)\d{6,7}|9\d{7}|3\d{7}|1[39]\d{6}",
    "46": r"7[02369]\d{7}|8\d{7}",
    "47": r"[49]\d{7}",
    "45": r"[2-6]\d{7}",
    "48": r"(50|51|53|57|60|66|69|72|73|78|79|88)\d{7}|(22|12|61|71|58|42)\d{7}",
    "49": r"30\d{8}|1(51|76)\d{8}|1(70|71)\d{7}",
    "44": r"7700900\d{3}",
    "1": r"[2-9]\d{2}55501\d{2}",
    "380": r"(67|50|63|66|73|93|95|96|97|98)\d{7}",
}


def v_phone(e):
    if not e.startswith("+"):
        return False
    for cc, rx in PHONE_RULES.items():
        if e[1:].startswith(cc) and re.fullmatch(rx, e[1 + len(cc):]):
            return True
    return False


def v_email(e):
    return bool(re.fullmatch(r"[a-z0-9._+\-]+@[a-z0-9.\-]+", e)) and \
        (e.endswith((".test",)) or re.search(r"(^|\.)example\.(com|net|org)$", e.split("@")[1]) is not None)


VALIDATORS = {"ee_isikukood": v_ee, "lt_asmens_kodas": v_ee, "lv_personas_kods": v_lv, "fi_hetu": v_fi, "se_personnummer": v_se,
              "no_fodselsnummer": v_no, "dk_cpr": v_dk, "pl_pesel": v_pl, "uk_nhs_number": v_nhs, "iban": v_iban,
              "payment_card": v_card, "loyalty_card": v_ean, "phone": v_phone, "email": v_email}

ELEVEN = (v_ee, v_lv, v_pl, v_no)
TEN = (v_se, v_dk, v_nhs)


def any_person_id(s):
    """True when the digits would pass any national-ID scheme (used to keep decoys honest)."""
    t = re.sub(r"[\s\-+]", "", s)
    if re.fullmatch(r"\d{11}", t):
        return any(v(t) for v in ELEVEN)
    if re.fullmatch(r"\d{10}", t):
        return any(v(t) for v in TEN)
    if re.fullmatch(r"\d{12}", t):
        return v_se(t)
    return False


# ------------------------------------------------------------------ document views

def views(doc):
    """The decoded text(s) of a document, for presence checks."""
    import html
    import urllib.parse
    text = doc.decoded()
    out = [text]
    if "unfold" in doc.views:
        text = text.replace("\r\n ", "").replace("\r\n\t", "")
        out.append(text)
    if "ics" in doc.views:
        out.append(text.replace("\\n", "\n").replace("\\,", ",").replace("\\;", ";").replace("\\\\", "\\"))
    if "url" in doc.views:
        out.append(urllib.parse.unquote(text))
        out.append(urllib.parse.unquote_plus(text))
    if "html" in doc.views:
        out.append(html.unescape(text))
    if "edi" in doc.views:
        out.append(text.replace("?+", "+").replace("?:", ":").replace("?'", "'").replace("??", "?"))
    if doc.mail:
        msg = email.message_from_bytes(doc.render(), policy=email.policy.default)
        parts = [str(v) for k, v in msg.items()]
        for part in msg.walk():
            if part.get_content_maintype() == "text":
                parts.append(part.get_content())
        out = ["\n".join(parts)]
    return out


def contains(doc, raw, cache):
    vs = cache.get(doc.name)
    if vs is None:
        vs = views(doc)
        cache[doc.name] = vs
    cands = [raw, unicodedata.normalize("NFC", raw), unicodedata.normalize("NFD", raw)]
    if doc.json_ascii >= 1:
        cands += [json.dumps(c)[1:-1] for c in list(cands)]
    if doc.json_ascii >= 2:
        cands += [json.dumps(c)[1:-1] for c in list(cands)]
    return any(c in v for c in cands for v in vs)


def name_tokens(s):
    s = unicodedata.normalize("NFKD", s.casefold())
    s = "".join(ch for ch in s if not unicodedata.combining(ch))
    return tuple(sorted(t for t in re.split(r"[^\w]+", s) if t and t != "_"))


def self_check(case):
    errs = []
    docs = {d.name: d for d in case.all_docs()}
    cache = {}
    owner = {}
    for p in case.persons:
        if not p.elements:
            errs.append(f"{p.tid}: no required element")
        for o in p.occ:
            v = VALIDATORS.get(o["type"])
            if v is None:
                errs.append(f"{p.tid}: no validator for {o['type']}")
            elif not v(o["value"]):
                errs.append(f"{p.tid}: {o['type']} {o['value']!r} fails its check")
            d = docs.get(o["file"])
            if d is None:
                errs.append(f"{p.tid}: occurrence in unknown file {o['file']}")
            elif not contains(d, o["raw"], cache):
                errs.append(f"{p.tid}: raw {o['raw']!r} not in {o['file']}")
            k = key_of(o["type"], o["value"])
            if owner.setdefault(k, p.tid) != p.tid:
                errs.append(f"identifier {k} shared by {owner[k]} and {p.tid}")
        for rendered, fname in p.name_occ:
            d = docs.get(fname)
            parts = rendered if isinstance(rendered, (list, tuple)) else [rendered]
            for part in parts:
                if d is None or not contains(d, part, cache):
                    errs.append(f"{p.tid}: name part {part!r} not in {fname}")
            full = " ".join(parts)
            if name_tokens(full) != name_tokens(p.name) and all(name_tokens(full) != name_tokens(v) for v in p.name_variants):
                errs.append(f"{p.tid}: rendered name {full!r} does not match {p.name!r} or its variants")
        for el, srcs in list(p.elements.items()) + list(p.optional.items()):
            for s in srcs:
                if s.split(" [")[0] not in docs:
                    errs.append(f"{p.tid}: provenance {s} names an unknown document")
    keys_all = set(owner)
    for d in case.decoys:
        v = d["value"]
        ks = {key_of("email", v)} if "@" in v else {key_of("nid", v), key_of("iban", v), key_of("loyalty_card", v),
                                                      key_of("payment_card", v), key_of("phone", v)}
        if ks & keys_all:
            errs.append(f"decoy {v!r} ({d['kind']}) equals a person's identifier")
        if d.get("must_fail") and any_person_id(v):
            errs.append(f"decoy {v!r} ({d['kind']}) passes a national-ID check")
        doc = docs.get(d["file"])
        if doc is None or not contains(doc, d.get("raw", v), cache):
            errs.append(f"decoy {v!r} not in {d['file']}")
    return errs


def key_of(t, v):
    if t == "email" or (t not in ("phone",) and "@" in v):
        return "email:" + v.strip().lower()
    if t == "phone":
        return "phone:+" + re.sub(r"\D", "", v)
    if t in ("iban", "loyalty_card", "payment_card"):
        return "acct:" + re.sub(r"[\s\-]", "", v).upper()
    s = re.sub(r"[\s\-+]", "", v).upper()
    if len(s) == 12 and s.isdigit() and s[:2] in ("19", "20"):
        s = s[2:]
    return "nid:" + s
