"""Names per language (blind6's pools), addresses per country, unique phones, e-mails and identifiers."""
from common import Person, name_tokens
from shared import ids, names as N

EXTRA_ET_F = ["Anne-Mari", "Kaia", "Laura", "Marju", "Sirje", "Tuuli", "Evelin", "Hille", "Aino", "Maie"]
EXTRA_ET_M = ["Hannes", "Jaanus", "Ahto", "Erkki", "Heino", "Villu", "Kaido", "Arvo", "Tõnu", "Veiko"]
EXTRA_ET_S = ["Saks", "Allik", "Tamme", "Kangur", "Lill", "Sarv", "Mänd", "Ots", "Tõnisson", "Kaasik", "Rand", "Mölder"]
EXTRA_FI_S = ["Lappalainen", "Hakala", "Leppänen", "Nurmi", "Halonen", "Anttila", "Koivisto", "Rautio", "Vainio",
              "Kettunen", "Oksanen", "Manninen", "Seppälä", "Ketola", "Honkanen", "Pitkänen"]
EXTRA_US_F = ["Brenda", "Pamela", "Cynthia", "Angela", "Tamara", "Denise", "Gloria", "Yolanda"]
EXTRA_US_M = ["Gregory", "Raymond", "Frank", "Harold", "Wayne", "Terrence", "Marcus", "Curtis"]


def _ru_fem(s):
    return s + "a"


def pick_name(case, lang, female):
    """(given, surname, cyrillic full name or None) unique in the case (by name tokens)."""
    rng = case.rng
    for _ in range(400):
        cyr = None
        if lang == "et":
            g = rng.choice((N.ET_F + EXTRA_ET_F) if female else (N.ET_M + EXTRA_ET_M))
            s = rng.choice(N.ET_S + EXTRA_ET_S)
        elif lang == "ru":
            gl, gc = rng.choice(N.RU_F if female else N.RU_M)
            sl, sc = rng.choice(N.RU_S)
            if female:
                sl, sc = _ru_fem(sl), sc + "а"
            g, s, cyr = gl, sl, (gc, sc)
        elif lang == "ua":
            gl, gc = rng.choice(N.UA_F if female else N.UA_M)
            sl, sc = rng.choice(N.UA_S)
            g, s, cyr = gl, sl, (gc, sc)
        elif lang == "en":
            g = rng.choice(N.EN_F if female else N.EN_M)
            s = rng.choice(N.EN_S)
        elif lang == "fi":
            g = rng.choice(N.FI_F if female else N.FI_M)
            s = rng.choice(N.FI_S + EXTRA_FI_S)
        elif lang == "sv":
            g = rng.choice(N.SV_F if female else N.SV_M)
            s = rng.choice(N.SV_S)
        elif lang == "pl":
            g = rng.choice(N.PL_F if female else N.PL_M)
            m, f = rng.choice(N.PL_S)
            s = f if female else m
        elif lang == "lv":
            g = rng.choice(N.LV_F if female else N.LV_M)
            s = rng.choice(N.LV_S_F if female else N.LV_S_M)
        elif lang == "lt":
            g = rng.choice(N.LT_F if female else N.LT_M)
            s = rng.choice(N.LT_S_F if female else N.LT_S_M)
        elif lang == "us":
            g = rng.choice((N.US_F + EXTRA_US_F) if female else (N.US_M + EXTRA_US_M))
            s = rng.choice(N.US_S)
        else:
            raise ValueError(lang)
        k = name_tokens(f"{g} {s}")
        if k not in case.used_names:
            case.used_names.add(k)
            return g, s, cyr
    raise RuntimeError("names exhausted for " + lang)


def new_person(case, lang, female=None, dob=None, y0=1938, y1=2003, surname=None):
    rng = case.rng
    if female is None:
        female = rng.random() < 0.55
    if surname is None:
        g, s, cyr = pick_name(case, lang, female)
    else:
        for _ in range(200):
            g2, _s, cyr = pick_name(case, lang, female)
            case.used_names.discard(name_tokens(f"{g2} {_s}"))
            k = name_tokens(f"{g2} {surname}")
            if k not in case.used_names:
                case.used_names.add(k)
                g, s = g2, surname
                if cyr:
                    cyr = (cyr[0], None)
                break
        else:
            raise RuntimeError("no household name")
    p = Person(case, lang, g, s, female, dob or ids.rand_date(rng, y0, y1))
    if cyr and cyr[1]:
        p.cyr = cyr
        p.variant(f"{cyr[0]} {cyr[1]}")
    else:
        p.cyr = None
    return p


# ------------------------------------------------------------------ addresses

EE_STREETS = ["Pärnu mnt", "Narva mnt", "Tartu mnt", "Mustamäe tee", "Sõpruse pst", "Kaare", "Lille", "Jõe", "Vabriku",
              "Kesk", "Põllu", "Aia", "Rüütli", "Riia", "Tähe", "Kalda", "Ehitajate tee", "Õismäe tee", "Männi", "Kuuse",
              "Lõõtsa", "Väike-Ameerika", "Ülikooli", "Jaama", "Posti"]
EE_CITIES = [("Tallinn", 10110, 13999, 40), ("Tartu", 50101, 51999, 14), ("Narva", 20101, 21020, 7), ("Pärnu", 80010, 80050, 7),
             ("Kohtla-Järve", 30101, 31050, 4), ("Viljandi", 71001, 71030, 3), ("Rakvere", 44301, 44320, 3),
             ("Maardu", 74111, 74120, 3), ("Jõhvi", 41531, 41540, 2), ("Haapsalu", 90501, 90509, 2), ("Kuressaare", 93811, 93820, 2)]


def ee_address(rng):
    city, a, b, _ = rng.choices(EE_CITIES, [c[3] for c in EE_CITIES])[0]
    st = rng.choice(EE_STREETS)
    house = rng.randint(1, 120)
    apt = f"-{rng.randint(1, 90)}" if rng.random() < 0.6 else ""
    return {"street": f"{st} {house}{apt}", "city": city, "zip": f"{rng.randint(a, b):05d}", "country": "EE"}


LV_STREETS = ["Brīvības iela", "Lāčplēša iela", "Elizabetes iela", "Krišjāņa Barona iela", "Tērbatas iela", "Dzirnavu iela"]
LT_STREETS = ["Gedimino pr.", "Vilniaus g.", "Pylimo g.", "Savanorių pr.", "Žalgirio g.", "Laisvės al."]


def lv_address(rng):
    city, z = rng.choice([("Rīga", (1001, 1084)), ("Jelgava", (3001, 3008)), ("Liepāja", (3401, 3416)), ("Daugavpils", (5401, 5422))])
    return {"street": f"{rng.choice(LV_STREETS)} {rng.randint(1, 90)}-{rng.randint(1, 40)}", "city": city,
            "zip": f"LV-{rng.randint(*z)}", "country": "LV"}


def lt_address(rng):
    city, z = rng.choice([("Vilnius", (1100, 14200)), ("Kaunas", (44100, 52500)), ("Klaipėda", (91100, 95000))])
    return {"street": f"{rng.choice(LT_STREETS)} {rng.randint(1, 90)}-{rng.randint(1, 40)}", "city": city,
            "zip": f"LT-{rng.randint(*z):05d}", "country": "LT"}


FI_STREETS = ["Kauppakatu", "Rautatienkatu", "Koulukatu", "Kirkkokatu", "Mäkikatu", "Rantatie", "Myllytie", "Koivukuja",
              "Pihlajatie", "Hämeenkatu", "Kalevankatu", "Sibeliuksenkatu", "Keskuskatu", "Vanha Porvoontie", "Kuusitie",
              "Satamakatu", "Puistokatu", "Männikkötie", "Ahomäentie", "Länsiväylä"]
SV_STREETS = ["Storgatan", "Kyrkogatan", "Strandvägen", "Skolgatan", "Bäckvägen", "Mannerheimgatan", "Åbovägen", "Byvägen",
              "Sjöviksvägen", "Tallbacken"]


def fi_street(rng, sv=False):
    st = rng.choice(SV_STREETS if sv else FI_STREETS)
    n = rng.randint(1, 60)
    r = rng.random()
    if r < 0.45:
        return f"{st} {n} {rng.choice('ABCD')} {rng.randint(1, 40)}"
    if r < 0.55:
        return f"{st} {n} as. {rng.randint(1, 20)}" if not sv else f"{st} {n} bst. {rng.randint(1, 20)}"
    return f"{st} {n}"


PL_STREETS = ["ul. Lipowa", "ul. Polna", "ul. Leśna", "ul. Słoneczna", "ul. Krótka", "ul. Szkolna", "ul. Ogrodowa",
              "ul. Mickiewicza", "ul. Kościuszki", "ul. Żeromskiego", "al. Jana Pawła II", "ul. Piłsudskiego", "ul. Wiśniowa",
              "ul. Łąkowa", "ul. Kwiatowa", "ul. Długa"]
PL_CITIES = [("Warszawa", 0, 4), ("Kraków", 30, 31), ("Łódź", 90, 94), ("Wrocław", 50, 54), ("Poznań", 60, 61),
             ("Gdańsk", 80, 80), ("Szczecin", 70, 71), ("Lublin", 20, 20), ("Katowice", 40, 40), ("Białystok", 15, 15)]


def pl_address(rng, city=None):
    c = [x for x in PL_CITIES if x[0] == city][0] if city else rng.choice(PL_CITIES)
    z = f"{rng.randint(c[1], c[2]):02d}-{rng.randint(1, 999):03d}"
    apt = f"/{rng.randint(1, 80)}" if rng.random() < 0.6 else ""
    return {"street": f"{rng.choice(PL_STREETS)} {rng.randint(1, 150)}{apt}", "city": c[0], "zip": z, "country": "PL"}


US_STREETS = ["Main St", "Oak Ave", "Maple Dr", "Cedar Ln", "Pine St", "Elm St", "Washington Blvd", "Lake Rd", "Hillcrest Dr",
              "Sunset Blvd", "Division St", "Burnside Rd", "Madison Ave", "Jefferson St"]
US_CITIES = [("Portland", "OR", 97201, 97299), ("Cincinnati", "OH", 45201, 45299), ("Seattle", "WA", 98101, 98199),
             ("Columbus", "OH", 43201, 43299), ("Salt Lake City", "UT", 84101, 84199), ("Charlotte", "NC", 28201, 28299),
             ("Boise", "ID", 83701, 83799), ("Denver", "CO", 80201, 80299), ("Dallas", "TX", 75201, 75299)]


def us_address(rng):
    c = rng.choice(US_CITIES)
    unit = f" Apt {rng.randint(1, 40)}" if rng.random() < 0.25 else ""
    return {"street": f"{rng.randint(100, 9899)} {rng.choice(US_STREETS)}{unit}", "city": c[0], "state": c[1],
            "zip": f"{rng.randint(c[2], c[3])}", "country": "US"}


# ------------------------------------------------------------------ phones / e-mails

def phone(case, country, kind="mobile"):
    rng = case.rng
    for _ in range(300):
        nsn = ids.phone_nsn(rng, country, kind)
        e = ids.e164(country, nsn)
        if e not in case.used_phones:
            case.used_phones.add(e)
            return {"country": country, "nsn": nsn, "e164": e}
    raise RuntimeError("phones exhausted")


def render_phone(case, ph, style=None):
    return ids.render_phone(case.rng, ph["country"], ph["nsn"], style)[0]


def email(case, given, surname, domains=None):
    return ids.email_for(case.rng, given, surname, case.used_emails, domains)


def fold(s):
    return ids.ascii_fold(s)
