"""Invented people: names per language (blind6's pools), addresses per country, identifiers through blind5's ids."""
import datetime as dt

from shared import ids, names

EXTRA_ET_F = ["Mari-Liis", "Anne-Ly", "Kaja", "Riina", "Marju"]
EXTRA_ET_M = ["Hans-Erik", "Vello", "Ants", "Enn"]


def make_name(rng, lang, female=None):
    """Returns a dict: given, surname, female, full (natural order), cyr (Cyrillic full or None)."""
    if female is None:
        female = rng.random() < 0.55
    cyr = None
    cg = cs = None
    if lang == "et":
        g = rng.choice((names.ET_F + EXTRA_ET_F) if female else (names.ET_M + EXTRA_ET_M))
        s = rng.choice(names.ET_S)
    elif lang == "ru":
        g, cg = rng.choice(names.RU_F if female else names.RU_M)
        s, cs = rng.choice(names.RU_S)
        if female:
            s, cs = s + "a", cs + "а"
    elif lang == "uk":
        g, cg = rng.choice(names.UA_F if female else names.UA_M)
        s, cs = rng.choice(names.UA_S)
    elif lang == "en":
        g = rng.choice(names.EN_F if female else names.EN_M)
        s = rng.choice(names.EN_S)
    elif lang == "fi":
        g = rng.choice(names.FI_F if female else names.FI_M)
        if rng.random() < 0.3:
            g2 = rng.choice(names.FI_F if female else names.FI_M)
            if g2 != g:
                g = g + " " + g2
        s = rng.choice(names.FI_S)
    elif lang == "sv":
        g = rng.choice(names.SV_F if female else names.SV_M)
        s = rng.choice(names.SV_S)
    elif lang == "pl":
        g = rng.choice(names.PL_F if female else names.PL_M)
        sm, sf = rng.choice(names.PL_S)
        s = sf if female else sm
    elif lang == "lv":
        g = rng.choice(names.LV_F if female else names.LV_M)
        s = rng.choice(names.LV_S_F if female else names.LV_S_M)
    elif lang == "lt":
        g = rng.choice(names.LT_F if female else names.LT_M)
        s = rng.choice(names.LT_S_F if female else names.LT_S_M)
    elif lang == "us":
        g = rng.choice(names.US_F if female else names.US_M)
        s = rng.choice(names.US_S)
    else:
        raise ValueError(lang)
    if cg:
        cyr = f"{cg} {cs}"
    return {"given": g, "surname": s, "female": female, "full": f"{g} {s}", "cyr": cyr, "cyr_given": cg, "cyr_surname": cs,
            "lang": lang}


EE_PLACES = [("Tallinn", ["10111", "10115", "10130", "11315", "12618", "13516"]), ("Tartu", ["50101", "50104", "50411", "51005"]),
             ("Narva", ["20103", "20308"]), ("Pärnu", ["80010", "80042"]), ("Viljandi", ["71020"]), ("Rakvere", ["44310"]),
             ("Kohtla-Järve", ["30322"]), ("Haapsalu", ["90502"]), ("Kuressaare", ["93815"]), ("Maardu", ["74111"])]
EE_STREETS = ["Pärnu mnt", "Tartu mnt", "Narva mnt", "Kase", "Männi", "Kuuse", "Tamme", "Vabaduse pst", "Pikk", "Lai", "Mõisa",
              "Jõe", "Kooli", "Lille", "Pae", "Sõpruse pst", "Ehitajate tee", "Mustamäe tee", "Rüütli", "Õuna", "Ülikooli", "Linnu tee"]
FI_PLACES = {
    "phhva": [("Lahti", "15100"), ("Lahti", "15140"), ("Hollola", "15870"), ("Heinola", "18100"), ("Orimattila", "16300")],
    "pkhva": [("Joensuu", "80100"), ("Joensuu", "80220"), ("Kitee", "82500"), ("Lieksa", "81700"), ("Nurmes", "75500")],
    "iuhva": [("Porvoo", "06100", "Borgå"), ("Loviisa", "07900", "Lovisa"), ("Sipoo", "04130", "Sibbo"), ("Askola", "07500")],
    "luhva": [("Lohja", "08100", "Lojo"), ("Espoo", "02100", "Esbo"), ("Kirkkonummi", "02400", "Kyrkslätt"), ("Raasepori", "10600", "Raseborg")],
    "kyhva": [("Kotka", "48100"), ("Kouvola", "45100"), ("Hamina", "49400"), ("Kouvola", "45200")],
    "kuhva": [("Järvenpää", "04400"), ("Kerava", "04200"), ("Tuusula", "04300"), ("Nurmijärvi", "01900")],
    "hki": [("Helsinki", "00100", "Helsingfors"), ("Helsinki", "00530", "Helsingfors"), ("Helsinki", "00700", "Helsingfors"),
            ("Helsinki", "00940", "Helsingfors")],
    "hus": [("Vantaa", "01300", "Vanda"), ("Espoo", "02600", "Esbo"), ("Helsinki", "00290", "Helsingfors")],
}
FI_STREETS = ["Kotikatu", "Koulukatu", "Rantatie", "Mäntytie", "Koivukuja", "Puistokatu", "Kirkkokatu", "Asemakatu", "Pihlajatie",
              "Myllytie", "Kauppakatu", "Sairaalankatu", "Harjutie", "Lehtokuja", "Ahotie", "Vähäjärventie", "Torikatu"]
SV_STREETS = ["Skolgatan", "Strandvägen", "Kyrkogatan", "Stationsvägen", "Björkvägen", "Åsvägen", "Mannerheimgatan", "Parkgatan"]
PL_PLACES = [("Warszawa", "02-"), ("Kraków", "31-"), ("Łódź", "90-"), ("Wrocław", "50-"), ("Poznań", "60-"), ("Gdańsk", "80-"),
             ("Szczecin", "70-"), ("Lublin", "20-"), ("Białystok", "15-"), ("Katowice", "40-")]
PL_STREETS = ["Długa", "Kwiatowa", "Polna", "Leśna", "Słoneczna", "Krótka", "Szkolna", "Ogrodowa", "Lipowa", "Brzozowa",
              "Łąkowa", "Mickiewicza", "Kościuszki", "Żeromskiego", "Piłsudskiego", "Wąska"]
LV_PLACES = [("Rīga", "LV-1010"), ("Daugavpils", "LV-5401"), ("Jelgava", "LV-3001")]
LV_STREETS = ["Brīvības iela", "Elizabetes iela", "Rīgas iela", "Lāčplēša iela"]
LT_PLACES = [("Vilnius", "LT-01100"), ("Kaunas", "LT-44280"), ("Klaipėda", "LT-92123")]
LT_STREETS = ["Gedimino pr.", "Vilniaus g.", "Laisvės al.", "Žalgirio g."]


def ee_address(rng):
    city, zips = rng.choice(EE_PLACES)
    street = rng.choice(EE_STREETS)
    house = str(rng.randint(1, 120))
    apt = str(rng.randint(1, 60)) if rng.random() < 0.6 else ""
    line = f"{street} {house}" + (f"-{apt}" if apt else "")
    return {"street": line, "city": city, "zip": rng.choice(zips), "country": "EE"}


def fi_address(rng, region, swedish=False):
    pl = rng.choice(FI_PLACES[region])
    city, z = pl[0], pl[1]
    if swedish and len(pl) > 2:
        city = pl[2]
    street = rng.choice(SV_STREETS if swedish else FI_STREETS)
    house = str(rng.randint(1, 60))
    r = rng.random()
    if r < 0.35:
        line = f"{street} {house} {rng.choice('ABCD')} {rng.randint(1, 40)}"
    elif r < 0.5:
        line = f"{street} {house} as {rng.randint(1, 20)}" if not swedish else f"{street} {house} bost {rng.randint(1, 20)}"
    else:
        line = f"{street} {house}"
    return {"street": line, "city": city, "zip": z, "country": "FI"}


def pl_address(rng):
    city, z = rng.choice(PL_PLACES)
    street = rng.choice(PL_STREETS)
    line = f"ul. {street} {rng.randint(1, 150)}" + (f"/{rng.randint(1, 80)}" if rng.random() < 0.6 else "")
    return {"street": line, "city": city, "zip": f"{z}{rng.randint(1, 999):03d}", "country": "PL"}


def lv_address(rng):
    city, z = rng.choice(LV_PLACES)
    return {"street": f"{rng.choice(LV_STREETS)} {rng.randint(1, 90)}-{rng.randint(1, 40)}", "city": city, "zip": z, "country": "LV"}


def lt_address(rng):
    city, z = rng.choice(LT_PLACES)
    return {"street": f"{rng.choice(LT_STREETS)} {rng.randint(1, 90)}-{rng.randint(1, 40)}", "city": city, "zip": z, "country": "LT"}


def dob(rng, y0=1935, y1=2004):
    return ids.rand_date(rng, y0, y1)


def age_on(d, ref=dt.date(2023, 9, 30)):
    return ref.year - d.year - ((ref.month, ref.day) < (d.month, d.day))
