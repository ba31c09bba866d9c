"""Invented people: names (blind6's pools plus blind8's own extensions), addresses, unique identifiers and contacts."""
import datetime

from shared import check, ids, names

# blind8's own extra pools (invented combinations; widen the name space so that names stay unique in a case)
ET_M_X = ["Tõnis", "Märt", "Ülo", "Heino", "Aivar", "Raivo", "Lauri", "Sten", "Kristjan", "Oskar", "Joosep", "Madis",
          "Arvo", "Peeter", "Vello", "Erki", "Taavi", "Indrek"]
ET_F_X = ["Külli", "Ülle", "Reet", "Sirje", "Malle", "Katrin", "Kaja", "Pille", "Riina", "Aet", "Ene", "Grete", "Kertu",
          "Liina", "Ragne", "Egle", "Helje", "Signe"]
ET_S_X = ["Õunapuu", "Jõgi", "Lõhmus", "Kõiv", "Põder", "Tõnisson", "Valk", "Mets", "Kivi", "Rätsep", "Laur", "Kallas",
          "Vaher", "Org", "Luik", "Nõmm", "Sild", "Tuisk", "Karu", "Hunt", "Põld", "Aavik", "Kütt", "Liiv", "Männik",
          "Ots", "Pihlak", "Roos", "Soosaar", "Teder", "Uibo", "Viira", "Allik", "Kruus", "Leppik", "Meister"]
FI_M_X = ["Eero", "Veikko", "Tapio", "Olavi", "Reijo", "Raimo", "Aarne", "Eino", "Väinö", "Kalevi", "Onni", "Lauri"]
FI_F_X = ["Raija", "Leena", "Tellervo", "Hilkka", "Eila", "Oili", "Aila", "Kyllikki", "Irja", "Elina", "Satu", "Päivi"]
FI_S_X = ["Räsänen", "Lehtonen", "Kärkkäinen", "Savolainen", "Salminen", "Tuominen", "Rantanen", "Karjalainen",
          "Hiltunen", "Jokinen", "Leinonen", "Pitkänen", "Väisänen", "Ahonen", "Laaksonen", "Kettunen", "Peltonen",
          "Sirviö", "Hyvönen", "Mustonen", "Partanen", "Toivonen", "Lindqvist", "Öhman", "Kemppainen", "Huttunen",
          "Ylönen", "Nurmi", "Vesterinen", "Söderholm"]
SV_S_X = ["Westerlund", "Ekholm", "Backman", "Lindroos", "Sundström", "Granqvist", "Wikström", "Östman", "Blomqvist",
          "Fagerström", "Håkansson", "Strömberg"]
PL_M_X = ["Wojciech", "Zbigniew", "Jerzy", "Tadeusz", "Ryszard", "Stanisław", "Bogdan", "Kazimierz", "Mirosław",
          "Dariusz", "Sławomir", "Witold"]
PL_F_X = ["Krystyna", "Danuta", "Halina", "Jadwiga", "Teresa", "Bożena", "Grażyna", "Urszula", "Beata", "Dorota",
          "Jolanta", "Iwona"]
PL_S_X = [("Lewandowski", "Lewandowska"), ("Zieliński", "Zielińska"), ("Szymański", "Szymańska"), ("Woźniak", "Woźniak"),
          ("Dąbrowski", "Dąbrowska"), ("Kozłowski", "Kozłowska"), ("Jankowski", "Jankowska"), ("Mazur", "Mazur"),
          ("Kwiatkowski", "Kwiatkowska"), ("Krawczyk", "Krawczyk"), ("Piotrowski", "Piotrowska"), ("Grabowski", "Grabowska"),
          ("Nowakowski", "Nowakowska"), ("Pawłowski", "Pawłowska"), ("Michalski", "Michalska"), ("Król", "Król"),
          ("Wieczorek", "Wieczorek"), ("Jabłoński", "Jabłońska"), ("Wróbel", "Wróbel"), ("Majewski", "Majewska"),
          ("Olszewski", "Olszewska"), ("Stępień", "Stępień"), ("Malinowski", "Malinowska"), ("Jaworski", "Jaworska"),
          ("Adamczyk", "Adamczyk"), ("Dudek", "Dudek"), ("Nowicki", "Nowicka"), ("Pawlak", "Pawlak"), ("Górski", "Górska"),
          ("Sikora", "Sikora"), ("Walczak", "Walczak"), ("Baran", "Baran"), ("Rutkowski", "Rutkowska"), ("Michalak", "Michalak")]
US_S_X = ["O'Brien", "O'Neil", "McAllister", "De la Cruz", "Van Buren", "Nguyen", "Patel", "Kowalczyk", "Okafor",
          "Abernathy", "Castellanos", "Delacroix", "Fitzgerald", "Gallagher", "Hoffmann", "Ibarra", "Jablonski", "Kaur",
          "Lindqvist", "Mahoney", "Nakamura", "Ortega", "Pappas", "Quintero", "Rasmussen", "Sandoval", "Takahashi",
          "Underwood", "Valdez", "Whitaker", "Yamamoto", "Zimmerman", "Brennan", "Calloway", "Donnelly", "Esposito"]
US_M_X = ["Kevin", "Brian", "Gary", "Timothy", "Jose", "Larry", "Jeffrey", "Frank", "Scott", "Eric", "Raymond", "Gregory"]
US_F_X = ["Deborah", "Stephanie", "Rebecca", "Sharon", "Cynthia", "Kathleen", "Amy", "Angela", "Shirley", "Brenda",
          "Pamela", "Nicole", "Renée", "Zoë"]
RU_S_X = [("Volkov", "Волков"), ("Sokolov", "Соколов"), ("Lebedev", "Лебедев"), ("Kozlov", "Козлов"), ("Novikov", "Новиков"),
          ("Morozov", "Морозов"), ("Pavlov", "Павлов"), ("Semjonov", "Семёнов"), ("Golubev", "Голубев"), ("Vinogradov", "Виноградов")]


def _ru_fem(lat, cyr):
    if lat.endswith("ov") or lat.endswith("ev") or lat.endswith("in"):
        return lat + "a", cyr + "а"
    return lat, cyr


class NameMaker:
    def __init__(self, rng):
        self.rng = rng
        self.used = set()

    def _key(self, given, surname):
        return check.name_tokens(given + " " + surname)

    def make(self, lang, female=None):
        """-> dict(given, surname, female, cyr_given, cyr_surname, lang). Unique in this maker."""
        r = self.rng
        for attempt in range(400):
            f = r.random() < 0.55 if female is None else female
            cg = cs = None
            if lang == "et":
                given = r.choice((names.ET_F + ET_F_X) if f else (names.ET_M + ET_M_X))
                surname = r.choice(names.ET_S + ET_S_X)
                if attempt > 30 and r.random() < 0.5:
                    given = given + "-" + r.choice((names.ET_F + ET_F_X) if f else (names.ET_M + ET_M_X))
            elif lang == "ru":
                g = r.choice(names.RU_F if f else names.RU_M)
                s = r.choice(names.RU_S + RU_S_X)
                given, cg = g
                surname, cs = _ru_fem(*s) if f else s
            elif lang == "en":
                given = r.choice(names.EN_F if f else names.EN_M)
                surname = r.choice(names.EN_S)
            elif lang == "fi":
                given = r.choice((names.FI_F + FI_F_X) if f else (names.FI_M + FI_M_X))
                surname = r.choice(names.FI_S + FI_S_X)
                if attempt > 20 or r.random() < 0.25:
                    given = given + " " + r.choice((names.FI_F + FI_F_X) if f else (names.FI_M + FI_M_X))
            elif lang == "sv":
                given = r.choice(names.SV_F if f else names.SV_M)
                surname = r.choice(names.SV_S + SV_S_X)
                if attempt > 20 or r.random() < 0.3:
                    given = given + " " + r.choice(names.SV_F if f else names.SV_M)
            elif lang == "pl":
                given = r.choice((names.PL_F + PL_F_X) if f else (names.PL_M + PL_M_X))
                pair = r.choice(names.PL_S + PL_S_X)
                surname = pair[1] if f else pair[0]
                if attempt > 25:
                    given = given + " " + r.choice((names.PL_F + PL_F_X) if f else (names.PL_M + PL_M_X))
            elif lang == "uk":
                given, cg = r.choice(names.UA_F if f else names.UA_M)
                surname, cs = r.choice(names.UA_S)
            elif lang == "lv":
                given = r.choice(names.LV_F if f else names.LV_M)
                surname = r.choice(names.LV_S_F if f else names.LV_S_M)
            elif lang == "lt":
                given = r.choice(names.LT_F if f else names.LT_M)
                surname = r.choice(names.LT_S_F if f else names.LT_S_M)
            elif lang == "us":
                given = r.choice((names.US_F + US_F_X) if f else (names.US_M + US_M_X))
                surname = r.choice(names.US_S + US_S_X)
            else:
                raise ValueError(lang)
            k = self._key(given, surname)
            if k in self.used:
                continue
            if cg:
                ck = self._key(cg, cs)
                if ck in self.used:
                    continue
                self.used.add(ck)
            self.used.add(k)
            return {"given": given, "surname": surname, "female": f, "cyr_given": cg, "cyr_surname": cs, "lang": lang}
        raise RuntimeError("name space exhausted for " + lang)


# ------------------------------------------------------------------ addresses

EE_STREETS = ["Pärnu mnt", "Tartu mnt", "Narva mnt", "Kase tn", "Lille tn", "Vabriku tn", "Männi tn", "Kalda tee",
              "Mustamäe tee", "Sõpruse pst", "Ehitajate tee", "Riia tn", "Kalevi tn", "Jõe tn", "Pikk tn", "Aia tn",
              "Kooli tn", "Vahtra tn", "Tähe tn", "Ülikooli tn", "Lõuna tn", "Sääse tn", "Akadeemia tee"]
EE_CITIES = [("Tallinn", "10115"), ("Tallinn", "13516"), ("Tallinn", "12618"), ("Tartu", "50407"), ("Tartu", "51014"),
             ("Pärnu", "80010"), ("Narva", "20307"), ("Kohtla-Järve", "30322"), ("Viljandi", "71020"),
             ("Rakvere", "44310"), ("Maardu", "74114"), ("Kuressaare", "93815"), ("Võru", "65608"), ("Haapsalu", "90502")]
FI_STREETS = ["Koivukuja", "Rantatie", "Kirkkokatu", "Mäntytie", "Puistokatu", "Kauppakatu", "Myllytie", "Peltotie",
              "Sepänkatu", "Harjutie", "Kalliokuja", "Niittytie", "Satamakatu", "Kuusitie", "Asemantie", "Rinnetie"]
SV_STREETS = ["Skolgatan", "Strandvägen", "Kyrkogatan", "Björkvägen", "Ågatan", "Torggatan", "Backvägen", "Sjövägen"]
PL_STREETS = ["ul. Długa", "ul. Kwiatowa", "ul. Lipowa", "ul. Słoneczna", "ul. Polna", "ul. Leśna", "ul. Ogrodowa",
              "ul. Mickiewicza", "ul. Kościuszki", "ul. Sienkiewicza", "al. Jana Pawła II", "ul. Żeromskiego",
              "ul. Piłsudskiego", "ul. Wrocławska", "os. Tysiąclecia"]
PL_CITIES = [("Warszawa", "00-238"), ("Warszawa", "02-677"), ("Kraków", "31-042"), ("Wrocław", "50-077"),
             ("Poznań", "60-101"), ("Łódź", "90-001"), ("Gdańsk", "80-244"), ("Szczecin", "70-410"),
             ("Lublin", "20-001"), ("Katowice", "40-001"), ("Bydgoszcz", "85-001"), ("Białystok", "15-001")]
LV_ADDR = [("Brīvības iela", "Rīga", "LV-1010"), ("Elizabetes iela", "Rīga", "LV-1050"), ("Lielā iela", "Jelgava", "LV-3001")]
LT_ADDR = [("Gedimino pr.", "Vilnius", "LT-01103"), ("Laisvės al.", "Kaunas", "LT-44238"), ("Tilžės g.", "Šiauliai", "LT-76200")]


def ee_address(r):
    city, z = r.choice(EE_CITIES)
    street = f"{r.choice(EE_STREETS)} {r.randint(1, 120)}" + (f"-{r.randint(1, 80)}" if r.random() < 0.6 else "")
    return {"street": street, "zip": z, "city": city, "country": "EE"}


def fi_address(r, city, zip_, lang="fi"):
    st = r.choice(SV_STREETS if lang == "sv" else FI_STREETS)
    street = f"{st} {r.randint(1, 60)}"
    if r.random() < 0.5:
        street += f" {r.choice('ABCD')} {r.randint(1, 40)}"
    return {"street": street, "zip": zip_, "city": city, "country": "FI"}


def pl_address(r):
    city, z = r.choice(PL_CITIES)
    street = f"{r.choice(PL_STREETS)} {r.randint(1, 150)}" + (f"/{r.randint(1, 90)}" if r.random() < 0.6 else "")
    return {"street": street, "zip": z, "city": city, "country": "PL"}


def one_line(a, comma=", "):
    return f"{a['street']}{comma}{a['zip']} {a['city']}"


# ------------------------------------------------------------------ unique identifiers

class Uniq:
    """Keeps national IDs, phones, e-mails, cards and IBANs unique within a case (and apart from decoys)."""

    def __init__(self, rng):
        self.r = rng
        self.seen = set()
        self.email_used = set()

    def take(self, fn, *a, **k):
        for _ in range(500):
            v = fn(self.r, *a, **k)
            key = v if isinstance(v, str) else repr(v)
            if key not in self.seen:
                self.seen.add(key)
                return v
        raise RuntimeError("could not make a unique value")

    def reserve(self, v):
        self.seen.add(v)

    def dob(self, y0, y1):
        return ids.rand_date(self.r, y0, y1)

    def ee(self, dob, female):
        while True:
            v = self.take(ids.ee_like, dob, female)
            if check.v_ee(v) and v != "37605030299":
                return v

    def pesel(self, dob, female):
        while True:
            v = self.take(ids.pl_pesel, dob, female)
            if check.v_pl(v):
                return v

    def hetu(self, dob, new_sign=False):
        while True:
            v = self.take(ids.fi_hetu, dob, new_sign)
            if check.v_fi(v):
                return v

    def lv(self, dob):
        while True:
            v = self.take(ids.lv_old, dob)
            if check.v_lv(v):
                return v

    def phone(self, country, kind="mobile"):
        while True:
            nsn = self.take(ids.phone_nsn, country, kind)
            e = ids.e164(country, nsn)
            if check.v_phone(e):
                return nsn, e

    def email(self, given, surname, domains=None):
        while True:
            e = ids.email_for(self.r, given, surname, self.email_used, domains)
            e = e.strip().lower()
            if check.v_email(e) and e not in self.seen:
                self.seen.add(e)
                self.email_used.add(e)
                return e

    def card(self, prefix):
        while True:
            v = ids.ean13(prefix, self.r)
            if v not in self.seen and check.v_ean(v) and not check.any_person_id(v):
                self.seen.add(v)
                return v

    def iban(self, cc):
        while True:
            v = self.take(ids.iban, cc)
            if check.v_iban(v):
                return v


def fmt_date(d, style):
    if style == "iso":
        return d.isoformat()
    if style == "dot":
        return f"{d.day:02d}.{d.month:02d}.{d.year}"
    if style == "dot1":
        return f"{d.day}.{d.month}.{d.year}"
    if style == "us":
        return f"{d.month:02d}/{d.day:02d}/{d.year}"
    if style == "compact":
        return d.strftime("%Y%m%d")
    raise ValueError(style)


def epoch_days(d):
    return (d - datetime.date(1970, 1, 1)).days
