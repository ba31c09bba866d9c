"""Shared person-attribute makers (names per language, addresses)."""
import ids
import names as N


def ru_fem(s):
    return s + "а" if s[-1] in "вн" else (s + "a" if s[-1] in "vn" else s)


def et_name(rng, female):
    g = rng.choice(N.ET_F if female else N.ET_M)
    if rng.random() < 0.08:
        g2 = rng.choice(N.ET_F if female else N.ET_M)
        if g2 != g:
            g = f"{g}-{g2}" if rng.random() < 0.5 else f"{g} {g2}"
    return {"given": g, "surname": rng.choice(N.ET_S), "lang": "et"}


def ru_name(rng, female):
    gl, gc = rng.choice(N.RU_F if female else N.RU_M)
    sl, sc = rng.choice(N.RU_S)
    if female:
        sl, sc = ru_fem(sl), ru_fem(sc)
    return {"given": gl, "surname": sl, "given_cyr": gc, "surname_cyr": sc, "lang": "ru"}


def en_name(rng, female):
    return {"given": rng.choice(N.EN_F if female else N.EN_M), "surname": rng.choice(N.EN_S), "lang": "en"}


def fi_name(rng, female, swedish=False):
    if swedish:
        g = rng.choice(N.SV_F if female else N.SV_M)
        s = rng.choice(N.SV_S)
        lang = "sv"
    else:
        g = rng.choice(N.FI_F if female else N.FI_M)
        s = rng.choice(N.FI_S)
        lang = "fi"
    if rng.random() < 0.35:
        pool = (N.SV_F if female else N.SV_M) if swedish else (N.FI_F if female else N.FI_M)
        g2 = rng.choice(pool)
        if g2 != g:
            g = f"{g} {g2}"
    return {"given": g, "surname": s, "lang": lang}


def pl_name(rng, female):
    g = rng.choice(N.PL_F if female else N.PL_M)
    m, f = rng.choice(N.PL_S)
    return {"given": g, "surname": f if female else m, "lang": "pl"}


def full(n):
    return f"{n['given']} {n['surname']}"


EE_STREETS = ["Tähe", "Pikk", "Narva mnt", "Sõpruse pst", "Kalda tee", "Mustamäe tee", "Riia", "Jõe", "Lõuna", "Vabriku",
              "Pärnu mnt", "Männi", "Kase", "Aia", "Kooli", "Rüütli", "Lai", "Ehitajate tee", "Paldiski mnt", "Kreutzwaldi"]
EE_CITIES = [("Tallinn", "10"), ("Tallinn", "11"), ("Tallinn", "13"), ("Tartu", "50"), ("Tartu", "51"), ("Pärnu", "80"),
             ("Narva", "20"), ("Kohtla-Järve", "30"), ("Viljandi", "71"), ("Rakvere", "44"), ("Maardu", "74"),
             ("Kuressaare", "93"), ("Võru", "65"), ("Haapsalu", "90")]


def ee_address(rng):
    city, z = rng.choice(EE_CITIES)
    street = f"{rng.choice(EE_STREETS)} {rng.randint(1, 140)}" + (f"-{rng.randint(1, 90)}" if rng.random() < 0.6 else "")
    return {"street": street, "zip": z + f"{rng.randint(0, 999):03d}", "city": city, "country": "Eesti"}


FI_STREETS = ["Kotikatu", "Koivukuja", "Rantatie", "Mäntytie", "Kirkkokatu", "Asemakatu", "Puistokatu", "Koulukatu",
              "Myllytie", "Peltotie", "Harjutie", "Kuusikuja", "Satamakatu", "Teollisuuskatu", "Rauhankatu", "Hämeenkatu"]
SV_STREETS = ["Ågatan", "Strandvägen", "Skolgatan", "Kyrkovägen", "Björkvägen", "Storgatan", "Hamngatan", "Furuvägen"]


def fi_street(rng, swedish=False):
    s = f"{rng.choice(SV_STREETS if swedish else FI_STREETS)} {rng.randint(1, 60)}"
    r = rng.random()
    if r < 0.45:
        s += f" {rng.choice('ABCD')} {rng.randint(1, 40)}"
    elif r < 0.6:
        s += f" as {rng.randint(1, 30)}" if not swedish else f" bst {rng.randint(1, 30)}"
    return s


PL_STREETS = ["Lipowa", "Polna", "Leśna", "Słoneczna", "Krótka", "Szkolna", "Ogrodowa", "Kościuszki", "Mickiewicza",
              "Piłsudskiego", "Długa", "Kwiatowa", "Zielona", "Wrzosowa", "Żeromskiego", "3 Maja"]
PL_CITIES = [("Warszawa", "0"), ("Kraków", "3"), ("Wrocław", "5"), ("Poznań", "6"), ("Gdańsk", "8"), ("Łódź", "9"),
             ("Katowice", "4"), ("Lublin", "2"), ("Szczecin", "7"), ("Bydgoszcz", "8"), ("Białystok", "1"), ("Kielce", "2")]


def pl_address(rng):
    city, d = rng.choice(PL_CITIES)
    street = f"ul. {rng.choice(PL_STREETS)} {rng.randint(1, 120)}" + (f"/{rng.randint(1, 60)}" if rng.random() < 0.6 else "")
    return {"street": street, "zip": f"{d}{rng.randint(0, 9)}-{rng.randint(0, 999):03d}", "city": city}


def phone(rng, cc, kind="mobile"):
    nsn = ids.phone_nsn(rng, cc, kind)
    return nsn, ids.e164(cc, nsn)
