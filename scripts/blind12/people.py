"""Names, addresses, phones and e-mails for blind12 (blind6's pools plus some of blind12's own)."""
import datetime

from shared import ids, names as N

# extra invented pools (blind12's own)
ET_S_X = ["Kallas", "Lepik", "Ilves", "Rebane", "Oja", "Pärn", "Kuusk", "Raudsepp", "Valk", "Lõhmus", "Laur",
          "Org", "Põder", "Kivi", "Jõgi", "Väli", "Toom", "Hunt", "Luik", "Rätsep", "Sild", "Aavik"]
FI_S_X = ["Heikkilä", "Koskinen", "Järvinen", "Lehtonen", "Salminen", "Hämäläinen", "Laaksonen", "Kettunen",
          "Rantanen", "Huttunen", "Pesonen", "Räsänen", "Väisänen", "Kärkkäinen", "Ahonen", "Manninen"]
SV_S_X = ["Ekholm", "Grönroos", "Forsblom", "Westerlund", "Björkqvist", "Sundström", "Lindqvist", "Öhman"]
PL_S_X = [("Zieliński", "Zielińska"), ("Szymański", "Szymańska"), ("Woźniak", "Woźniak"), ("Dąbrowski", "Dąbrowska"),
          ("Kozłowski", "Kozłowska"), ("Jankowski", "Jankowska"), ("Mazur", "Mazur"), ("Kwiatkowski", "Kwiatkowska"),
          ("Krawczyk", "Krawczyk"), ("Piotrowski", "Piotrowska"), ("Grabowski", "Grabowska"), ("Pawłowski", "Pawłowska"),
          ("Michalski", "Michalska"), ("Król", "Król"), ("Wieczorek", "Wieczorek"), ("Jabłoński", "Jabłońska"),
          ("Wróbel", "Wróbel"), ("Nowakowski", "Nowakowska"), ("Majewski", "Majewska"), ("Olszewski", "Olszewska"),
          ("Stępień", "Stępień"), ("Jaworski", "Jaworska"), ("Malinowski", "Malinowska"), ("Górski", "Górska")]
US_S_X = ["O'Brien", "McAllister", "De la Cruz", "Nguyen", "Okafor", "Kowalczyk", "Lindqvist", "St. John", "Van Buren",
          "Ramirez", "Patel", "Goldberg", "Fitzgerald", "Yamamoto", "Schultz", "Delgado"]
US_M_X = ["Tyrone", "Dwayne", "Marcus", "Ethan", "Caleb", "Luis", "Darnell", "Wesley"]
US_F_X = ["Keisha", "Brittany", "Latoya", "Megan", "Rosa", "Tamika", "Heather", "Shanice"]

CYR = {"a": "а", "b": "б", "v": "в", "g": "г", "d": "д", "e": "е", "z": "з", "i": "и", "k": "к", "l": "л", "m": "м",
       "n": "н", "o": "о", "p": "п", "r": "р", "s": "с", "t": "т", "u": "у", "f": "ф", "h": "х", "y": "ы"}


def _ru_female(lat, cyr):
    if lat.endswith(("ov", "ev", "in")):
        return lat + "a", cyr + "а"
    if lat.endswith("ski") or lat.endswith("skii"):
        return lat[:-1] + "aja", cyr[:-1] + "ая"
    return lat, cyr


def pick_name(c, lang, female):
    """(given, surname, cyrillic full name or None); unique full name within the case."""
    r = c.rng
    for _ in range(400):
        cyr = None
        if lang == "et":
            g = r.choice(N.ET_F if female else N.ET_M)
            s = r.choice(N.ET_S + ET_S_X)
        elif lang == "ru" or lang == "uk":
            gl, gc = r.choice((N.RU_F if female else N.RU_M) if lang == "ru" else (N.UA_F if female else N.UA_M))
            sl, sc = r.choice(N.RU_S if lang == "ru" else N.UA_S)
            if female and lang == "ru":
                sl, sc = _ru_female(sl, sc)
            g, s, cyr = gl, sl, f"{gc} {sc}"
        elif lang == "fi":
            g = r.choice(N.FI_F if female else N.FI_M)
            s = r.choice(N.FI_S + FI_S_X)
        elif lang == "sv":
            g = r.choice(N.SV_F if female else N.SV_M)
            s = r.choice(N.SV_S + SV_S_X)
        elif lang == "pl":
            g = r.choice(N.PL_F if female else N.PL_M)
            m, f = r.choice(N.PL_S + PL_S_X)
            s = f if female else m
        elif lang == "lv":
            g = r.choice(N.LV_F if female else N.LV_M)
            s = r.choice(N.LV_S_F if female else N.LV_S_M)
        elif lang == "lt":
            g = r.choice(N.LT_F if female else N.LT_M)
            s = r.choice(N.LT_S_F if female else N.LT_S_M)
        elif lang == "en":
            g = r.choice((N.EN_F if female else N.EN_M))
            s = r.choice(N.EN_S)
        elif lang == "us":
            g = r.choice((N.US_F + US_F_X) if female else (N.US_M + US_M_X))
            s = r.choice(N.US_S + US_S_X)
        else:
            raise ValueError(lang)
        full = f"{g} {s}"
        if full not in c.used_names:
            c.used_names.add(full)
            return g, s, cyr
    raise RuntimeError("name pool exhausted for " + lang)


def dob(rng, y0, y1):
    return ids.rand_date(rng, y0, y1)


# ---------------------------------------------------------------- phones

def new_phone(c, country, kind="mobile"):
    for _ in range(200):
        nsn = ids.phone_nsn(c.rng, country, kind)
        e = ids.e164(country, nsn)
        if e not in c.used_phones:
            c.used_phones.add(e)
            return e
    raise RuntimeError("phones")


def _grp(s, sizes):
    out, i = [], 0
    for n in sizes:
        out.append(s[i:i + n])
        i += n
    if i < len(s):
        out.append(s[i:])
    return " ".join(x for x in out if x)


def render_phone(e, style):
    """Write an E.164 number the way a given system or person would."""
    for cc in ("372", "371", "370", "358", "380", "48", "1"):
        if e[1:].startswith(cc):
            break
    nsn = e[1 + len(cc):]
    if style == "e164":
        return e
    if style == "digits":
        return cc + nsn
    if cc == "372":
        return {"nat": nsn, "nat_sp": _grp(nsn, [4, 4]) if len(nsn) == 8 else _grp(nsn, [3, 4]),
                "intl": "+372 " + (_grp(nsn, [4, 4]) if len(nsn) == 8 else _grp(nsn, [3, 4])),
                "00": "00372 " + nsn, "paren": "(+372) " + nsn}[style]
    if cc == "358":
        a = 2 if nsn.startswith(("4", "50", "1", "2")) else 1
        area, rest = nsn[:a], nsn[a:]
        return {"nat": "0" + area + " " + _grp(rest, [3, 4]), "nat_dash": "0" + area + "-" + rest,
                "nat_tight": "0" + nsn, "intl": "+358 " + area + " " + _grp(rest, [3, 4]),
                "intl0": "+358 (0)" + area + " " + rest, "00": "00358 " + area + " " + rest}[style]
    if cc == "48":
        return {"nat": _grp(nsn, [3, 3, 3]), "nat_dash": "-".join([nsn[:3], nsn[3:6], nsn[6:]]), "nat_tight": nsn,
                "intl": "+48 " + _grp(nsn, [3, 3, 3]), "00": "0048 " + nsn, "paren": "(+48) " + _grp(nsn, [3, 3, 3])}[style]
    if cc == "1":
        a, b, d = nsn[:3], nsn[3:6], nsn[6:]
        return {"paren": f"({a}) {b}-{d}", "dash": f"{a}-{b}-{d}", "dot": f"{a}.{b}.{d}", "intl": f"+1 {a} {b} {d}",
                "one": f"1-{a}-{b}-{d}", "nat_tight": nsn}[style]
    if cc == "380":
        return {"intl": "+380 " + nsn[:2] + " " + _grp(nsn[2:], [3, 4]), "00": "00380 " + nsn}.get(style, e)
    if cc == "371":
        return {"intl": "+371 " + _grp(nsn, [4, 4]), "nat": nsn}.get(style, e)
    if cc == "370":
        return {"intl": "+370 " + _grp(nsn, [3, 5]), "nat": "8 " + _grp(nsn, [3, 5])}.get(style, e)
    return e


def new_email(c, given, surname, domains=None):
    return ids.email_for(c.rng, ids.ascii_fold(given), ids.ascii_fold(surname).replace(" ", "").replace("'", ""),
                         c.used_emails, domains)


# ---------------------------------------------------------------- addresses

EE_STREETS = ["Tamme", "Pärna", "Kase", "Lille", "Mere pst", "Pikk", "Vabriku", "Tartu mnt", "Narva mnt", "Jõe", "Kooli",
              "Aia", "Nurme", "Sõpruse pst", "Raja", "Männi", "Kalda", "Rüütli", "Vaksali", "Linnu tee"]
EE_TOWNS = [("Tallinn", "10", 11, 15), ("Tartu", "50", 101, 120), ("Narva", "20", 101, 110), ("Pärnu", "80", 10, 45),
            ("Viljandi", "71", 1, 30), ("Rakvere", "44", 301, 320), ("Kohtla-Järve", "30", 320, 330),
            ("Haapsalu", "90", 501, 510), ("Jõhvi", "41", 531, 540), ("Maardu", "74", 111, 116)]


def ee_address(rng):
    street = rng.choice(EE_STREETS)
    no = str(rng.randint(1, 140)) + (f"-{rng.randint(1, 60)}" if rng.random() < 0.55 else "")
    town, pre, a, b = rng.choice(EE_TOWNS)
    z = pre + "%03d" % rng.randint(a, b)
    return {"street": f"{street} {no}", "zip": z, "city": town, "country": "EE"}


FI_STREETS = ["Rantatie", "Koulukatu", "Mäntytie", "Kirkkokatu", "Koivukuja", "Myllytie", "Asematie", "Puistokatu",
              "Harjutie", "Kivikatu", "Peltotie", "Lähdekuja", "Niittykatu", "Sepäntie"]
SV_STREETS = ["Strandvägen", "Skolgatan", "Kyrkogatan", "Björkvägen", "Kvarngränd", "Stationsvägen", "Parkgatan",
              "Ängsvägen"]
FI_TOWNS = {
    "PH": [("Lahti", "15", (100, 950)), ("Heinola", "18", (100, 300)), ("Orimattila", "16", (300, 320)),
           ("Hollola", "15", (870, 880))],
    "PK": [("Joensuu", "80", (100, 260)), ("Kitee", "82", (500, 510)), ("Lieksa", "81", (700, 720))],
    "IU": [("Porvoo", "06", (100, 500)), ("Loviisa", "07", (900, 910)), ("Sipoo", "04", (130, 170))],
    "LU": [("Espoo", "02", (100, 970)), ("Lohja", "08", (100, 700)), ("Kirkkonummi", "02", (400, 440))],
    "KY": [("Kotka", "48", (100, 800)), ("Kouvola", "45", (100, 200)), ("Hamina", "49", (400, 420))],
    "KU": [("Hyvinkää", "05", (800, 900)), ("Järvenpää", "04", (400, 480)), ("Tuusula", "04", (300, 380))],
    "HKI": [("Helsinki", "00", (100, 990))],
}
SV_TOWN = {"Porvoo": "Borgå", "Loviisa": "Lovisa", "Sipoo": "Sibbo", "Helsinki": "Helsingfors", "Espoo": "Esbo",
           "Kirkkonummi": "Kyrkslätt", "Lohja": "Lojo"}


def fi_address(rng, region, sv=False):
    town, pre, (a, b) = rng.choice(FI_TOWNS[region])
    z = pre + "%03d" % (rng.randint(a // 10, b // 10) * 10)
    if sv:
        street = rng.choice(SV_STREETS)
        town = SV_TOWN.get(town, town)
    else:
        street = rng.choice(FI_STREETS)
    no = str(rng.randint(1, 60))
    if rng.random() < 0.4:
        no += f" {rng.choice('ABC')} {rng.randint(1, 30)}"
    return {"street": f"{street} {no}", "zip": z, "city": town, "country": "FI"}


PL_STREETS = ["Lipowa", "Leśna", "Polna", "Słoneczna", "Krótka", "Szkolna", "Ogrodowa", "Mickiewicza", "Kościuszki",
              "Sienkiewicza", "Kwiatowa", "Brzozowa", "Łąkowa", "Żeromskiego"]
PL_CITIES = [("Wrocław", "5", 0, 4), ("Łódź", "9", 0, 4), ("Warszawa", "0", 0, 4), ("Kraków", "3", 0, 1),
             ("Poznań", "6", 0, 1), ("Gdańsk", "8", 0, 0), ("Katowice", "4", 0, 0), ("Opole", "4", 5, 5)]


def pl_address(rng):
    city, d1, a, b = rng.choice(PL_CITIES)
    z = f"{d1}{rng.randint(a, b)}-{rng.randint(1, 999):03d}"
    no = str(rng.randint(1, 120)) + (f"/{rng.randint(1, 80)}" if rng.random() < 0.6 else "")
    pre = "al." if rng.random() < 0.08 else "ul."
    return {"street": f"{pre} {rng.choice(PL_STREETS)} {no}", "zip": z, "city": city, "country": "PL"}


def fmt_addr(a, sep=", "):
    return f"{a['street']}{sep}{a['zip']} {a['city']}"
