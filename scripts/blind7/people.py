"""Invented people: names per language, dates of birth, addresses and phones (no real person intended)."""
import datetime as dt

from shared import ids, names as N

# Norwegian and Danish pools (blind6's pools have none)
NO_M = ["Ole", "Lars", "Knut", "Bjørn", "Arne", "Håkon", "Sindre", "Eirik", "Terje", "Øyvind"]
NO_F = ["Kari", "Ingrid", "Solveig", "Marit", "Ragnhild", "Sigrid", "Tone", "Åse", "Hilde", "Randi"]
NO_S = ["Hansen", "Johansen", "Olsen", "Berg", "Haugen", "Solberg", "Bakken", "Dahl", "Lie", "Strand", "Halvorsen", "Sæther"]
DK_M = ["Søren", "Jens", "Niels", "Mads", "Rasmus", "Henrik", "Poul", "Jørgen", "Anders", "Morten"]
DK_F = ["Mette", "Hanne", "Birgitte", "Lone", "Susanne", "Pernille", "Signe", "Karen", "Inge", "Dorthe"]
DK_S = ["Jensen", "Nielsen", "Sørensen", "Rasmussen", "Petersen", "Christensen", "Møller", "Kristensen", "Thomsen",
        "Mikkelsen", "Dalgaard", "Østergaard"]


class Name:
    def __init__(self, given, surname, female, lang, cyr=None, middle=None, suffix=None):
        self.given, self.surname, self.female, self.lang = given, surname, female, lang
        self.cyr, self.middle, self.suffix = cyr, middle, suffix

    @property
    def full(self):
        parts = [self.given]
        if self.middle:
            parts.append(self.middle)
        parts.append(self.surname)
        if self.suffix:
            parts.append(self.suffix)
        return " ".join(parts)


def make_name(rng, lang, female=None):
    female = rng.random() < 0.54 if female is None else female
    cyr = None
    if lang == "et":
        g, s = rng.choice(N.ET_F if female else N.ET_M), rng.choice(N.ET_S)
        if rng.random() < 0.06:
            g = g + "-" + rng.choice(N.ET_F if female else N.ET_M)
    elif lang == "ru":
        (g, gc), (s, sc) = rng.choice(N.RU_F if female else N.RU_M), rng.choice(N.RU_S)
        if female:
            s, sc = s + "a", sc + "а"
        cyr = f"{gc} {sc}"
    elif lang == "uk":
        (g, gc), (s, sc) = rng.choice(N.UA_F if female else N.UA_M), rng.choice(N.UA_S)
        cyr = f"{gc} {sc}"
    elif lang == "en":
        g, s = rng.choice(N.EN_F if female else N.EN_M), rng.choice(N.EN_S)
    elif lang == "fi":
        g, s = rng.choice(N.FI_F if female else N.FI_M), rng.choice(N.FI_S)
    elif lang == "sv":
        g, s = rng.choice(N.SV_F if female else N.SV_M), rng.choice(N.SV_S)
    elif lang == "pl":
        g = rng.choice(N.PL_F if female else N.PL_M)
        m, f = rng.choice(N.PL_S)
        s = f if female else m
    elif lang == "lv":
        g, s = rng.choice(N.LV_F if female else N.LV_M), rng.choice(N.LV_S_F if female else N.LV_S_M)
    elif lang == "lt":
        g, s = rng.choice(N.LT_F if female else N.LT_M), rng.choice(N.LT_S_F if female else N.LT_S_M)
    elif lang == "no":
        g, s = rng.choice(NO_F if female else NO_M), rng.choice(NO_S)
    elif lang == "da":
        g, s = rng.choice(DK_F if female else DK_M), rng.choice(DK_S)
    elif lang == "us":
        g, s = rng.choice(N.US_F if female else N.US_M), rng.choice(N.US_S)
    else:
        raise ValueError(lang)
    return Name(g, s, female, lang, cyr)


def unique_name(rng, case, lang, female=None, tries=400):
    for _ in range(tries):
        n = make_name(rng, lang, female)
        if case.claim_name(n.full):
            return n
    raise RuntimeError(f"no unique {lang} name left")


def dob(rng, y0=1932, y1=2004):
    return ids.rand_date(rng, y0, y1)


# ---------------------------------------------------------------------------------------------- addresses

EE_STREETS = ["Tamme", "Pärna", "Kase", "Vahtra", "Männi", "Kuuse", "Lille", "Aia", "Pikk", "Lai", "Posti", "Jaama",
              "Kooli", "Mere", "Ranna", "Kalda", "Vabriku", "Tuukri", "Sõpruse", "Mustamäe", "Lõõtsa", "Ehitajate"]
EE_TOWNS = [("Tallinn", "Harju maakond", "10"), ("Tartu", "Tartu maakond", "50"), ("Narva", "Ida-Viru maakond", "20"),
            ("Pärnu", "Pärnu maakond", "80"), ("Kohtla-Järve", "Ida-Viru maakond", "30"), ("Viljandi", "Viljandi maakond", "71"),
            ("Rakvere", "Lääne-Viru maakond", "44"), ("Maardu", "Harju maakond", "74"), ("Kuressaare", "Saare maakond", "93"),
            ("Võru", "Võru maakond", "65"), ("Haapsalu", "Lääne maakond", "90"), ("Sillamäe", "Ida-Viru maakond", "40")]


def ee_address(rng):
    town, county, zp = rng.choice(EE_TOWNS)
    street = rng.choice(EE_STREETS) + rng.choice([" tn", " tänav", " pst", " tee"])
    no = str(rng.randint(1, 140)) + (f"-{rng.randint(1, 90)}" if rng.random() < 0.7 else "")
    return {"street": f"{street} {no}", "town": town, "county": county, "zip": f"{zp}{rng.randint(100, 999)}", "country": "EE"}


FI_STREETS = ["Koivukuja", "Kirkkotie", "Rantatie", "Myllytie", "Kauppakatu", "Asematie", "Pihlajatie", "Mäntytie",
              "Koulukatu", "Puistokatu", "Harjukatu", "Sahantie", "Tehtaankatu", "Peltotie", "Kuusitie", "Ojatie"]
SV_STREETS = ["Strandvägen", "Skolgatan", "Kyrkvägen", "Byvägen", "Ängsvägen", "Björkvägen", "Storgatan", "Åkervägen"]


def fi_address(rng, towns, swedish=False):
    town, zp = rng.choice(towns)
    street = rng.choice(SV_STREETS if swedish else FI_STREETS)
    no = str(rng.randint(1, 60))
    r = rng.random()
    if r < 0.45:
        no += f" {rng.choice('ABCD')} {rng.randint(1, 40)}"
    elif r < 0.6:
        no += f" as {rng.randint(1, 30)}" if not swedish else f" bst {rng.randint(1, 30)}"
    return {"street": f"{street} {no}", "town": town, "zip": zp[:3] + f"{rng.randint(0, 9)}0", "country": "FI"}


PL_STREETS = ["Długa", "Krótka", "Polna", "Leśna", "Słoneczna", "Szkolna", "Ogrodowa", "Lipowa", "Kwiatowa", "Brzozowa",
              "Mickiewicza", "Kościuszki", "Sienkiewicza", "Piłsudskiego", "Żeromskiego", "Wojska Polskiego", "3 Maja"]
PL_TOWNS = [("Kraków", "31"), ("Warszawa", "02"), ("Wrocław", "50"), ("Gdańsk", "80"), ("Poznań", "60"), ("Łódź", "90"),
            ("Katowice", "40"), ("Lublin", "20"), ("Szczecin", "70"), ("Białystok", "15"), ("Rzeszów", "35"), ("Toruń", "87")]


def pl_address(rng, town=None):
    t, zp = town or rng.choice(PL_TOWNS)
    no = str(rng.randint(1, 120)) + (f" m. {rng.randint(1, 60)}" if rng.random() < 0.4 else (f"/{rng.randint(1, 60)}" if rng.random() < 0.5 else ""))
    return {"street": f"ul. {rng.choice(PL_STREETS)} {no}", "town": t, "zip": f"{zp}-{rng.randint(0, 999):03d}", "country": "PL"}


US_STREETS = ["Maple Ave", "Oak St", "Pine Rd", "Cedar Ln", "Elm St", "Washington Blvd", "Lakeview Dr", "Hillcrest Rd",
              "Sunset Blvd", "Park Ave", "Main St", "2nd St", "Jefferson Ave", "Ridge Rd", "Meadow Ln"]
US_CITIES = [("Columbus", "OH", "432"), ("Cincinnati", "OH", "452"), ("Louisville", "KY", "402"), ("Indianapolis", "IN", "462"),
             ("Nashville", "TN", "372"), ("Atlanta", "GA", "303"), ("Houston", "TX", "770"), ("Denver", "CO", "802"),
             ("Portland", "OR", "972"), ("Phoenix", "AZ", "850"), ("Memphis", "TN", "381"), ("Dayton", "OH", "454")]


def us_address(rng):
    city, st, zp = rng.choice(US_CITIES)
    line = f"{rng.randint(100, 9899)} {rng.choice(US_STREETS)}" + (f" Apt {rng.randint(1, 40)}" if rng.random() < 0.3 else "")
    return {"street": line, "town": city, "state": st, "zip": f"{zp}{rng.randint(0, 99):02d}", "country": "US"}


# ---------------------------------------------------------------------------------------------- identifiers

def nid(rng, case, country, d, female):
    """A unique national ID for the country; returns (type, value)."""
    for _ in range(200):
        if country == "EE":
            t, v = "ee_isikukood", ids.ee_like(rng, d, female)
        elif country == "LT":
            t, v = "lt_asmens_kodas", ids.ee_like(rng, d, female)
        elif country == "LV":
            t, v = "lv_personas_kods", ids.lv_old(rng, d) if rng.random() < 0.8 else ids.lv_new(rng)
        elif country == "FI":
            t, v = "fi_hetu", ids.fi_hetu(rng, d, new_sign=rng.random() < 0.12)
        elif country == "SE":
            t, v = "se_personnummer", ids.se_pnr(rng, d)
        elif country == "NO":
            t, v = "no_fodselsnummer", ids.no_fnr(rng, d)
        elif country == "DK":
            t, v = "dk_cpr", ids.dk_cpr(rng, d)
        elif country == "PL":
            t, v = "pl_pesel", ids.pl_pesel(rng, d, female)
        else:
            raise ValueError(country)
        if case.claim(t, v):
            return t, v
    raise RuntimeError("nid")


def phone(rng, case, country, kind="mobile"):
    for _ in range(200):
        n = ids.phone_nsn(rng, country, kind)
        e = ids.e164(country, n)
        if case.claim("phone", e):
            return n, e
    raise RuntimeError("phone")


def email(rng, case, given, surname, domains=None):
    used = set()
    for _ in range(200):
        e = ids.email_for(rng, given, surname, used, domains)
        if case.claim("email", e):
            return e
    raise RuntimeError("email")


def card(rng, case, prefix):
    for _ in range(200):
        v = ids.ean13(prefix, rng)
        if case.claim("loyalty_card", v):
            return v
    raise RuntimeError("card")


def d_eu(d):
    return f"{d:%d.%m.%Y}"
