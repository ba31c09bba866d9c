"""Names, addresses, phones and e-mails for blind14 (pools from blind6's names.py plus a few of its own; adapted from blind13's people.py)."""
import datetime
import re

from common import name_tokens
from shared import ids, names as N

EXTRA = {
    "ET_F": ["Hele-Mai", "Aili", "Malle", "Sirje", "Riina", "Maie", "Evelin", "Kaja"],
    "ET_M": ["Heino", "Arvo", "Enn", "Valdo", "Kaupo", "Tanel", "Ragnar", "Erki"],
    "ET_S": ["Pihlak", "Kangur", "Raudsepp", "Lill", "Ots", "Vares", "Rand", "Soosaar", "Allik", "Kübar", "Ploom", "Õun"],
    "LV_F": ["Dace", "Sandra", "Baiba", "Zane"],
    "LV_M": ["Edgars", "Guntis", "Raimonds", "Kaspars"],
    "LT_F": ["Vaida", "Rūta", "Daiva", "Eglė"],
    "LT_M": ["Darius", "Saulius", "Vytautas", "Gintaras"],
    "FI_S": ["Honkanen", "Kettunen", "Laaksonen", "Manninen", "Ojala", "Pulkkinen", "Rautio", "Tuovinen", "Vainio"],
    "PL_F": ["Bożena", "Grażyna", "Jadwiga", "Halina", "Żaneta", "Urszula"],
    "PL_M": ["Zdzisław", "Ryszard", "Bogdan", "Leszek", "Mirosław", "Sławomir"],
    "US_S": ["Nguyen", "Patel", "Okafor", "Kowalczyk", "Rivera", "Sullivan", "Hernandez", "McAllister", "Yamamoto",
             "Delgado", "Fitzgerald", "Washington"],
}


def pool(key):
    return list(getattr(N, key, [])) + EXTRA.get(key, [])


class Names:
    """Unique names per case (name tokens never repeat unless a namesake is asked for)."""

    def __init__(self, rng):
        self.rng = rng
        self.used = set()

    def reserve(self, full_names):
        """staff names: no person gets one of them"""
        for n in full_names:
            self.used.add(name_tokens(n))

    def _pick(self, lang, female):
        r = self.rng
        if lang == "et":
            return r.choice(pool("ET_F" if female else "ET_M")), r.choice(pool("ET_S")), None
        if lang == "ru":
            g = r.choice(pool("RU_F" if female else "RU_M"))
            s = r.choice(pool("RU_S"))
            sl, sc = s
            if female:
                sl, sc = sl + "a", sc + "а"
            return g[0], sl, f"{g[1]} {sc}"
        if lang == "uk":
            g = r.choice(pool("UA_F" if female else "UA_M"))
            s = r.choice(pool("UA_S"))
            return g[0], s[0], f"{g[1]} {s[1]}"
        if lang == "fi":
            return r.choice(pool("FI_F" if female else "FI_M")), r.choice(pool("FI_S")), None
        if lang == "sv":
            return r.choice(pool("SV_F" if female else "SV_M")), r.choice(pool("SV_S")), None
        if lang == "lv":
            return r.choice(pool("LV_F" if female else "LV_M")), r.choice(pool("LV_S_F" if female else "LV_S_M")), None
        if lang == "lt":
            return r.choice(pool("LT_F" if female else "LT_M")), r.choice(pool("LT_S_F" if female else "LT_S_M")), None
        if lang == "pl":
            s = r.choice(pool("PL_S"))
            return r.choice(pool("PL_F" if female else "PL_M")), (s[1] if female else s[0]), None
        if lang in ("en", "us"):
            key = "EN" if lang == "en" else "US"
            return r.choice(pool(key + ("_F" if female else "_M"))), r.choice(pool(key + "_S")), None
        raise ValueError(lang)

    def new(self, lang, female, middle=False):
        """-> (given, surname, cyrillic_or_None, middle_initial_or_'')"""
        for _ in range(5000):
            g, s, cyr = self._pick(lang, female)
            mi = ""
            if middle and self.rng.random() < 0.55:
                mi = self.rng.choice("ABCDEFGHJKLMNPRSTW")
            key = name_tokens(f"{g} {s}")
            if key in self.used:
                continue
            self.used.add(key)
            return g, s, cyr, mi
        raise RuntimeError("name pool exhausted for " + lang)


# ---------------------------------------------------------------- addresses

EE_STREETS = ["Tamme", "Pärna", "Kase", "Lille", "Mere pst", "Pikk", "Narva mnt", "Tartu mnt", "Riia", "Jaama", "Kalda",
              "Vabriku", "Männi", "Kooli", "Aia", "Põllu", "Väike-Kaare", "Ülikooli", "Rüütli", "Vee"]
EE_TOWNS = [("Tallinn", 10111, 13999), ("Tartu", 50101, 51999), ("Narva", 20101, 21999), ("Pärnu", 80010, 80099),
            ("Jõhvi", 41531, 41599), ("Viljandi", 71001, 71099), ("Rakvere", 44301, 44399), ("Kuressaare", 93801, 93899),
            ("Maardu", 74111, 74199), ("Kohtla-Järve", 30301, 31099)]
LV_STREETS = ["Brīvības iela", "Dzirnavu iela", "Lāčplēša iela", "Krasta iela", "Ganību dambis", "Ūdens iela"]
LV_TOWNS = [("Rīga", 1001, 1099), ("Jelgava", 3001, 3099), ("Daugavpils", 5401, 5499), ("Liepāja", 3401, 3499)]
LT_STREETS = ["Gedimino pr.", "Savanorių pr.", "Žalgirio g.", "Taikos pr.", "Kęstučio g.", "Šilo g."]
LT_TOWNS = [("Vilnius", 1100, 14999), ("Kaunas", 44001, 52999), ("Klaipėda", 91001, 95999), ("Šiauliai", 76001, 78999)]
FI_STREETS = ["Rantatie", "Koulukatu", "Mäkitie", "Kirkkokatu", "Puistokatu", "Koivukuja", "Myllytie", "Asemakatu",
              "Pajutie", "Vähäjärventie", "Kyläkatu", "Sähkötie", "Ketotie", "Hämeenkatu"]
SV_STREETS = ["Strandvägen", "Skolgatan", "Kyrkogatan", "Björkvägen", "Åkervägen", "Mjölnarvägen", "Tallbacken"]
PL_STREETS = ["ul. Leśna", "ul. Polna", "ul. Słoneczna", "ul. Krótka", "ul. Szkolna", "ul. Ogrodowa", "ul. Lipowa",
              "ul. Łąkowa", "ul. Żeromskiego", "al. Niepodległości", "ul. Kościuszki", "os. Piastów"]
PL_TOWNS = [("Warszawa", "0"), ("Łódź", "9"), ("Kraków", "3"), ("Wrocław", "5"), ("Poznań", "6"), ("Gdańsk", "8"),
            ("Oleśnica", "56"), ("Lublin", "2"), ("Białystok", "15"), ("Częstochowa", "42")]
US_STREETS = ["NE Alberta St", "SE Division St", "N Mississippi Ave", "Oak Grove Rd", "W Burnside St", "Maple Ave",
              "Cedar Hills Blvd", "E Main St", "Lakeview Dr", "Willow Creek Ln", "Pine St", "Elm Ct"]
US_TOWNS = [("Portland", "OR", "972"), ("Salem", "OR", "973"), ("Eugene", "OR", "974"), ("Vancouver", "WA", "986"),
            ("Boise", "ID", "837"), ("Cincinnati", "OH", "452"), ("Columbus", "OH", "432"), ("Atlanta", "GA", "303"),
            ("Houston", "TX", "770"), ("Denver", "CO", "802")]


def ee_address(rng, town=None):
    t = town or rng.choice(EE_TOWNS)
    street = f"{rng.choice(EE_STREETS)} {rng.randint(1, 120)}" + (f"-{rng.randint(1, 60)}" if rng.random() < 0.6 else "")
    return {"street": street, "zip": str(rng.randint(t[1], t[2])), "city": t[0], "country": "EE"}


def lv_address(rng):
    t = rng.choice(LV_TOWNS)
    street = f"{rng.choice(LV_STREETS)} {rng.randint(1, 90)}-{rng.randint(1, 40)}"
    return {"street": street, "zip": f"LV-{rng.randint(t[1], t[2])}", "city": t[0], "country": "LV"}


def lt_address(rng):
    t = rng.choice(LT_TOWNS)
    street = f"{rng.choice(LT_STREETS)} {rng.randint(1, 90)}-{rng.randint(1, 40)}"
    return {"street": street, "zip": f"LT-{rng.randint(t[1], t[2]):05d}", "city": t[0], "country": "LT"}


def fi_address(rng, town, zips, sv=False):
    st = rng.choice(SV_STREETS if sv else FI_STREETS)
    street = f"{st} {rng.randint(1, 80)}" + (f" {rng.choice('ABC')} {rng.randint(1, 30)}" if rng.random() < 0.45 else "")
    return {"street": street, "zip": rng.choice(zips), "city": town, "country": "FI"}


def pl_address(rng):
    t = rng.choice(PL_TOWNS)
    pre = t[1]
    z = pre + "".join(rng.choice("0123456789") for _ in range(5 - len(pre)))
    street = f"{rng.choice(PL_STREETS)} {rng.randint(1, 140)}" + (f"/{rng.randint(1, 60)}" if rng.random() < 0.6 else "")
    return {"street": street, "zip": f"{z[:2]}-{z[2:]}", "city": t[0], "country": "PL"}


def us_address(rng):
    t = rng.choice(US_TOWNS)
    street = f"{rng.randint(100, 9899)} {rng.choice(US_STREETS)}" + (f" Apt {rng.randint(1, 40)}" if rng.random() < 0.25 else "")
    return {"street": street, "zip": t[2] + f"{rng.randint(1, 99):02d}", "city": t[0], "state": t[1], "country": "US"}


# ---------------------------------------------------------------- phones

class Phones:
    def __init__(self, rng):
        self.rng = rng
        self.used = set()

    def new(self, country, kind="mobile"):
        for _ in range(1000):
            nsn = ids.phone_nsn(self.rng, country, kind)
            e = ids.e164(country, nsn)
            if e not in self.used:
                self.used.add(e)
                return e
        raise RuntimeError("phones exhausted")


def nsn_of(e164):
    for cc in ("372", "371", "370", "358", "48", "1", "380"):
        if e164.startswith("+" + cc):
            return cc, e164[1 + len(cc):]
    raise ValueError(e164)


def render_phone(rng, e164, style=None):
    """one way a person or a system writes the number; always normalisable to the E.164 value"""
    cc, n = nsn_of(e164)
    styles = {
        "372": [n, f"{n[:4]} {n[4:]}", f"+372 {n[:4]} {n[4:]}", f"+372{n}", f"00372{n}", f"+372 {n}"],
        "371": [n, f"+371 {n[:2]} {n[2:5]} {n[5:]}", f"+371{n}", f"00371 {n}"],
        "370": [f"8 {n[:3]} {n[3:]}", f"+370 {n[:3]} {n[3:]}", f"+370{n}", f"8{n}"],
        "358": [f"0{n}", f"0{n[:2]} {n[2:5]} {n[5:]}", f"+358 {n[:2]} {n[2:]}", f"+358{n}", f"0{n[:2]}-{n[2:]}",
                f"00358 {n}"],
        "48": [f"{n[:3]} {n[3:6]} {n[6:]}", f"+48 {n[:3]} {n[3:6]} {n[6:]}", f"{n[:3]}-{n[3:6]}-{n[6:]}", f"+48{n}",
               f"0048{n}", n],
        "1": [f"({n[:3]}) {n[3:6]}-{n[6:]}", f"{n[:3]}-{n[3:6]}-{n[6:]}", f"+1 {n[:3]} {n[3:6]} {n[6:]}",
              f"{n[:3]}.{n[3:6]}.{n[6:]}", f"1-{n[:3]}-{n[3:6]}-{n[6:]}", f"+1{n}"],
        "380": [f"+380 {n[:2]} {n[2:5]} {n[5:]}", f"+380{n}"],
    }[cc]
    if style is not None:
        return styles[style % len(styles)]
    return rng.choice(styles)


# ---------------------------------------------------------------- e-mails

class Emails:
    def __init__(self, rng):
        self.rng = rng
        self.used = set()

    def new(self, given, surname, domains=None):
        e = ids.email_for(self.rng, given, surname, self.used, domains)
        self.used.add(e)
        return e

    def raw_form(self, e, caps=0.12, pad=0.04):
        r = self.rng
        x = e
        if r.random() < caps:
            x = x.upper() if r.random() < 0.4 else x[:1].upper() + x[1:]
        if r.random() < pad:
            x = " " + x + " "
        return x


def fold(s):
    return ids.ascii_fold(s)


def dob(rng, y0=1935, y1=2005):
    return ids.rand_date(rng, y0, y1)


def child_dob(rng):
    return ids.rand_date(rng, 2008, 2021)


def fmt_date(d, style):
    if style == "iso":
        return d.isoformat()
    if style == "dmy.":
        return f"{d.day:02d}.{d.month:02d}.{d.year}"
    if style == "mdy/":
        return f"{d.month:02d}/{d.day:02d}/{d.year}"
    if style == "ymd":
        return f"{d.year}{d.month:02d}{d.day:02d}"
    raise ValueError(style)


def is_valid_date(y, m, d):
    try:
        datetime.date(y, m, d)
        return True
    except ValueError:
        return False


def slug(s):
    return re.sub(r"[^a-z0-9]+", "_", fold(s).lower()).strip("_")
