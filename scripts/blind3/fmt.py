"""Invented people, addresses, phones and e-mails, and the messy ways files write them."""
import datetime
import re

import ids
from model import fold, name_key

# ------------------------------------------------------------------ name pools (invented combinations)
# (given, sex) ; surnames: (masculine, feminine)
NAMES = {
    "et": {
        "m": "Andres Jaan Tõnu Margus Rein Priit Siim Mart Toomas Urmas Kalev Indrek Ülo Jüri Raivo Peeter Madis Ott Kaarel Rasmus Hendrik Karl-Erik Tarmo Meelis Sulev Vello".split(),
        "f": "Mari Kadri Liis Tiina Kristiina Pille Ülle Maarja Triin Anneli Kersti Helen Merike Eha Sirje Katrin Ene Marju Anu Reet Mari-Liis Hille Õie Eve Laura Grete".split(),
        "s": [(s, s) for s in "Tamm Saar Sepp Mägi Kask Kukk Rebane Ilves Pärn Koppel Lepik Kuusk Luik Oja Raud Kallas Vaher Karu Lõhmus Jõgi Mölder Põder Sild Org Kuusik Laur Teder Valk Aavik Nõmm Rätsep Männik Pärtel Tõnisson Kivi Mets Laas Lill Vares Kõiv Soosaar Tuisk Kärner Uibo Reinsalu".split()],
    },
    "ru": {   # (latin, cyrillic)
        "m": [("Ivan", "Иван"), ("Sergei", "Сергей"), ("Dmitri", "Дмитрий"), ("Aleksandr", "Александр"), ("Andrei", "Андрей"),
              ("Vladimir", "Владимир"), ("Nikolai", "Николай"), ("Jevgeni", "Евгений"), ("Pavel", "Павел"), ("Oleg", "Олег"),
              ("Viktor", "Виктор"), ("Maksim", "Максим"), ("Igor", "Игорь"), ("Roman", "Роман"), ("Artjom", "Артём")],
        "f": [("Olga", "Ольга"), ("Jelena", "Елена"), ("Natalja", "Наталья"), ("Tatjana", "Татьяна"), ("Svetlana", "Светлана"),
              ("Irina", "Ирина"), ("Anna", "Анна"), ("Marina", "Марина"), ("Julia", "Юлия"), ("Galina", "Галина"),
              ("Ljudmila", "Людмила"), ("Valentina", "Валентина"), ("Oksana", "Оксана"), ("Darja", "Дарья"), ("Jekaterina", "Екатерина")],
        "s": [(("Ivanov", "Иванов"), ("Ivanova", "Иванова")), (("Smirnov", "Смирнов"), ("Smirnova", "Смирнова")),
              (("Kuznetsov", "Кузнецов"), ("Kuznetsova", "Кузнецова")), (("Popov", "Попов"), ("Popova", "Попова")),
              (("Vassiljev", "Васильев"), ("Vassiljeva", "Васильева")), (("Petrov", "Петров"), ("Petrova", "Петрова")),
              (("Sokolov", "Соколов"), ("Sokolova", "Соколова")), (("Mihhailov", "Михайлов"), ("Mihhailova", "Михайлова")),
              (("Fjodorov", "Фёдоров"), ("Fjodorova", "Фёдорова")), (("Morozov", "Морозов"), ("Morozova", "Морозова")),
              (("Volkov", "Волков"), ("Volkova", "Волкова")), (("Aleksejev", "Алексеев"), ("Aleksejeva", "Алексеева")),
              (("Lebedev", "Лебедев"), ("Lebedeva", "Лебедева")), (("Semjonov", "Семёнов"), ("Semjonova", "Семёнова")),
              (("Jegorov", "Егоров"), ("Jegorova", "Егорова")), (("Pavlov", "Павлов"), ("Pavlova", "Павлова")),
              (("Kozlov", "Козлов"), ("Kozlova", "Козлова")), (("Stepanov", "Степанов"), ("Stepanova", "Степанова")),
              (("Nikolajev", "Николаев"), ("Nikolajeva", "Николаева")), (("Orlov", "Орлов"), ("Orlova", "Орлова"))],
    },
    "en": {
        "m": "James Oliver Thomas Daniel Michael David Mark Paul Andrew Peter Simon Robert".split(),
        "f": "Emma Sarah Laura Rachel Emily Sophie Hannah Claire Kate Lucy Megan Alice".split(),
        "s": [(s, s) for s in "Smith Brown Taylor Wilson Walker Wright Hughes Clarke Turner Hill Cooper Ward Moore Evans Harris Collins Bennett Price".split()],
    },
    "fi": {
        "m": "Matti Juha Timo Kari Mikko Jari Pekka Antti Heikki Markku Seppo Tapio Erkki Veikko Jukka Ilkka Pentti Lauri Eino Väinö Aatos Onni".split(),
        "f": "Anna Pirjo Marja Tuula Leena Sirpa Ritva Päivi Liisa Aino Helmi Eeva Sinikka Hilkka Raija Kaarina Anneli Tuulikki Elina Sari Hanna Saara".split(),
        "s": [(s, s) for s in "Virtanen Korhonen Mäkinen Nieminen Mäkelä Hämäläinen Laine Heikkinen Koskinen Järvinen Lehtonen Lehtinen Saarinen Salminen Heinonen Niemi Heikkilä Kinnunen Salonen Turunen Salo Laitinen Tuominen Rantanen Karjalainen Jokinen Mattila Savolainen Lahtinen Ahonen Hiltunen Pesonen Räsänen Väisänen Ström Öhman".split()],
    },
    "sv": {
        "m": "Johan Lars Mikael Anders Henrik Kaj Bengt Göran Stig Ralf Bo Tor Rolf Ulf".split(),
        "f": "Anna Kristina Margareta Birgitta Ulla Gunilla Marianne Solveig Ingrid Britt Elisabeth Karin Maj-Britt Siv".split(),
        "s": [(s, s) for s in "Lindqvist Lindholm Karlsson Nyberg Holmström Eriksson Sjöberg Forsman Grönroos Åberg Backman Lindström Westerlund Sundqvist Blomqvist Ekholm Nordström Björklund".split()],
    },
    "pl": {
        "m": "Jan Piotr Krzysztof Andrzej Tomasz Paweł Michał Marcin Grzegorz Józef Łukasz Adam Zbigniew Jerzy Tadeusz Mateusz Dawid Wojciech Stanisław Kamil".split(),
        "f": "Anna Maria Katarzyna Małgorzata Agnieszka Barbara Ewa Krystyna Magdalena Elżbieta Joanna Zofia Aleksandra Monika Teresa Danuta Natalia Beata Dorota Halina".split(),
        "s": [("Nowak", "Nowak"), ("Kowalski", "Kowalska"), ("Wiśniewski", "Wiśniewska"), ("Wójcik", "Wójcik"), ("Kowalczyk", "Kowalczyk"),
              ("Kamiński", "Kamińska"), ("Lewandowski", "Lewandowska"), ("Zieliński", "Zielińska"), ("Szymański", "Szymańska"),
              ("Woźniak", "Woźniak"), ("Dąbrowski", "Dąbrowska"), ("Kozłowski", "Kozłowska"), ("Jankowski", "Jankowska"), ("Mazur", "Mazur"),
              ("Kwiatkowski", "Kwiatkowska"), ("Krawczyk", "Krawczyk"), ("Piotrowski", "Piotrowska"), ("Grabowski", "Grabowska"),
              ("Nowakowski", "Nowakowska"), ("Pawłowski", "Pawłowska"), ("Michalski", "Michalska"), ("Król", "Król"), ("Wieczorek", "Wieczorek"),
              ("Jabłoński", "Jabłońska"), ("Wróbel", "Wróbel"), ("Majewski", "Majewska"), ("Olszewski", "Olszewska"), ("Stępień", "Stępień"),
              ("Jaworski", "Jaworska"), ("Malinowski", "Malinowska"), ("Górski", "Górska"), ("Sikora", "Sikora"), ("Baran", "Baran"),
              ("Duda", "Duda"), ("Szewczyk", "Szewczyk"), ("Tomaszewski", "Tomaszewska"), ("Pietrzak", "Pietrzak"), ("Zając", "Zając")],
    },
    "uk": {   # Ukrainian: (polish-style latin, cyrillic)
        "m": [("Ołeksandr", "Олександр"), ("Andrij", "Андрій"), ("Serhij", "Сергій"), ("Wołodymyr", "Володимир"), ("Mykoła", "Микола"), ("Taras", "Тарас")],
        "f": [("Ołena", "Олена"), ("Natalija", "Наталія"), ("Iryna", "Ірина"), ("Tetiana", "Тетяна"), ("Oksana", "Оксана"), ("Julija", "Юлія")],
        "s": [(("Szewczenko", "Шевченко"), ("Szewczenko", "Шевченко")), (("Bondarenko", "Бондаренко"), ("Bondarenko", "Бондаренко")),
              (("Kowalenko", "Коваленко"), ("Kowalenko", "Коваленко")), (("Tkaczenko", "Ткаченко"), ("Tkaczenko", "Ткаченко")),
              (("Kraweć", "Кравець"), ("Kraweć", "Кравець")), (("Ołijnyk", "Олійник"), ("Ołijnyk", "Олійник")),
              (("Melnyk", "Мельник"), ("Melnyk", "Мельник")), (("Moroz", "Мороз"), ("Moroz", "Мороз"))],
    },
    "lv": {"m": "Jānis Andris Māris Edgars Valdis Guntis".split(), "f": "Ilze Inese Kristīne Līga Dace Baiba".split(),
           "s": [("Bērziņš", "Bērziņa"), ("Kalniņš", "Kalniņa"), ("Ozoliņš", "Ozoliņa"), ("Liepiņš", "Liepiņa"), ("Krūmiņš", "Krūmiņa"), ("Vītols", "Vītola")]},
    "lt": {"m": "Tomas Mantas Darius Vytautas Mindaugas Rimas".split(), "f": "Rūta Asta Jurgita Ieva Laima Eglė".split(),
           "s": [("Kazlauskas", "Kazlauskienė"), ("Jankauskas", "Jankauskienė"), ("Petrauskas", "Petrauskaitė"), ("Stankevičius", "Stankevičienė"), ("Žukauskas", "Žukauskienė"), ("Butkus", "Butkutė")]},
    "no": {"m": "Ola Lars Knut Øyvind Bjørn".split(), "f": "Ingrid Kari Solveig Marit Åse".split(),
           "s": [(s, s) for s in "Hansen Johansen Olsen Larsen Berg Haugen Bakken Søreide".split()]},
    "da": {"m": "Søren Mads Jens Niels".split(), "f": "Mette Hanne Line Birthe".split(),
           "s": [(s, s) for s in "Jensen Nielsen Pedersen Sørensen Rasmussen Jørgensen".split()]},
    "us": {"m": "John Michael Robert William David Richard Joseph Thomas Charles Christopher Daniel Matthew Anthony Mark Donald Steven Paul Andrew Joshua Kenneth Kevin Brian George Timothy Ronald Jason Edward Jeffrey Ryan Jacob Gary Nicholas Eric Jonathan Stephen Larry Justin Scott Brandon Benjamin".split(),
           "f": "Mary Patricia Jennifer Linda Elizabeth Barbara Susan Jessica Sarah Karen Lisa Nancy Betty Margaret Sandra Ashley Kimberly Emily Donna Michelle Carol Amanda Dorothy Melissa Deborah Stephanie Rebecca Sharon Laura Cynthia Kathleen Amy Angela Shirley Anna Brenda Pamela Emma Nicole Helen".split(),
           "s": [(s, s) for s in "Smith Johnson Williams Brown Jones Garcia Miller Davis Rodriguez Martinez Hernandez Lopez Gonzalez Wilson Anderson Thomas Taylor Moore Jackson Martin Lee Perez Thompson White Harris Sanchez Clark Ramirez Lewis Robinson Walker Young Allen King Wright Scott Torres Nguyen Hill Flores Green Adams Nelson Baker Hall Rivera Campbell Mitchell Carter Roberts O'Brien McAllister Van der Berg".split()]},
}
NAMES["se"] = NAMES["sv"]


# ------------------------------------------------------------------ addresses

STREETS = {
    "EE": "Tamme Kase Pärna Vahtra Kooli Pikk Lai Aia Mere Jaama Posti Lille Karja Ranna Tartu Narva Riia Pärnu Kalda Männi Sõpruse Kesk Veski Uus Vana-Kalamaja Koidu".split(),
    "FI": "Koivukuja Mäntytie Kuusitie Rantatie Kirkkokatu Koulukatu Asematie Myllytie Puistokatu Hakatie Pajutie Ojakuja Lehtotie Kalliotie Rinnetie Aleksanterinkatu Väinölänkatu".split(),
    "FI_sv": "Björkgränd Strandvägen Kyrkogatan Skolgatan Stationsvägen Kvarnvägen Parkgatan Ängsvägen Tallvägen Åsvägen".split(),
    "PL": "Lipowa Polna Leśna Słoneczna Krótka Szkolna Ogrodowa Kościuszki Mickiewicza Sienkiewicza Kwiatowa Długa Wiejska Łąkowa Żeromskiego Piłsudskiego".split(),
    "LV": ["Brīvības iela", "Elizabetes iela", "Krišjāņa Barona iela", "Tērbatas iela"],
    "LT": ["Gedimino pr.", "Vilniaus g.", "Laisvės al.", "Savanorių pr."],
    "NO": ["Storgata", "Kirkeveien", "Parkveien"], "SE": ["Storgatan", "Kungsgatan", "Drottninggatan"],
    "DK": ["Nørregade", "Vestergade", "Østergade"], "UK": ["Acacia Avenue", "Church Road", "Station Road", "High Street"],
}
CITIES = {
    "EE": [("Tallinn", 10111, 13999), ("Tartu", 50101, 51999), ("Narva", 20101, 21999), ("Pärnu", 80010, 80099),
           ("Kohtla-Järve", 30301, 31099), ("Viljandi", 71001, 71099), ("Rakvere", 44301, 44399), ("Maardu", 74111, 74199),
           ("Sillamäe", 40231, 40299), ("Jõhvi", 41531, 41599), ("Haapsalu", 90501, 90599), ("Võru", 65601, 65699)],
    # (fi name, sv name, first postcode, last postcode, region)
    "FI": [("Helsinki", "Helsingfors", 100, 990, "Helsinki"), ("Espoo", "Esbo", 2100, 2980, "Länsi-Uusimaa"),
           ("Lohja", "Lojo", 8100, 8700, "Länsi-Uusimaa"), ("Raasepori", "Raseborg", 10300, 10900, "Länsi-Uusimaa"),
           ("Kirkkonummi", "Kyrkslätt", 2400, 2490, "Länsi-Uusimaa"), ("Porvoo", "Borgå", 6100, 6500, "Itä-Uusimaa"),
           ("Loviisa", "Lovisa", 7900, 7999, "Itä-Uusimaa"), ("Sipoo", "Sibbo", 4130, 4170, "Itä-Uusimaa"),
           ("Lahti", "Lahtis", 15100, 15900, "Päijät-Häme"), ("Heinola", "Heinola", 18100, 18300, "Päijät-Häme"),
           ("Joensuu", "Joensuu", 80100, 80400, "Pohjois-Karjala"), ("Lieksa", "Lieksa", 81700, 81750, "Pohjois-Karjala"),
           ("Kotka", "Kotka", 48100, 48900, "Kymenlaakso"), ("Kouvola", "Kouvola", 45100, 45700, "Kymenlaakso"),
           ("Hyvinkää", "Hyvinge", 5800, 5950, "Keski-Uusimaa"), ("Järvenpää", "Träskända", 4400, 4480, "Keski-Uusimaa"),
           ("Tuusula", "Tusby", 4300, 4380, "Keski-Uusimaa"), ("Vantaa", "Vanda", 1200, 1770, "Vantaa-Kerava")],
    "PL": [("Warszawa", "00", "04"), ("Kraków", "30", "31"), ("Łódź", "90", "94"), ("Wrocław", "50", "54"), ("Poznań", "60", "61"),
           ("Gdańsk", "80", "80"), ("Lublin", "20", "20"), ("Katowice", "40", "40"), ("Białystok", "15", "15"), ("Rzeszów", "35", "35")],
    "LV": [("Rīga", "LV-1010"), ("Jelgava", "LV-3001")], "LT": [("Vilnius", "LT-01103"), ("Kaunas", "LT-44280")],
    "NO": [("Oslo", "0155"), ("Bergen", "5003")], "SE": [("Göteborg", "411 38"), ("Stockholm", "111 22")],
    "DK": [("København K", "1165"), ("Aarhus C", "8000")], "UK": [("Leeds", "LS6 2AB"), ("York", "YO1 7HH")],
}

# ------------------------------------------------------------------ phones

CC = {"EE": "372", "FI": "358", "PL": "48", "LV": "371", "LT": "370", "SE": "46", "NO": "47", "DK": "45", "UK": "44", "US": "1"}


def phone_make(rng, country):
    """A mobile number valid in the national plan, as E.164."""
    if country == "EE":
        n = "5" + "".join(str(rng.randint(0, 9)) for _ in range(7 if rng.random() < .8 else 6))
    elif country == "FI":
        n = rng.choice(["40", "41", "44", "45", "46", "50"]) + "".join(str(rng.randint(0, 9)) for _ in range(7))
    elif country == "PL":
        n = rng.choice(["50", "51", "53", "57", "60", "66", "69", "72", "73", "78", "79", "88"]) + "".join(str(rng.randint(0, 9)) for _ in range(7))
    elif country == "LV":
        n = "2" + "".join(str(rng.randint(0, 9)) for _ in range(7))
    elif country == "LT":
        n = "6" + "".join(str(rng.randint(0, 9)) for _ in range(7))
    elif country == "SE":
        n = rng.choice(["70", "72", "73", "76"]) + "".join(str(rng.randint(0, 9)) for _ in range(7))
    elif country == "NO":
        n = rng.choice(["4", "9"]) + "".join(str(rng.randint(0, 9)) for _ in range(7))
    elif country == "DK":
        n = rng.choice(["2", "3", "4", "5", "6"]) + "".join(str(rng.randint(0, 9)) for _ in range(7))
    elif country == "UK":
        n = "7700900" + f"{rng.randint(0, 999):03d}"
    elif country == "US":
        n = rng.choice(["503", "971", "206", "360"]) + "55501" + f"{rng.randint(0, 99):02d}"
    else:
        raise ValueError(country)
    return "+" + CC[country] + n


def phone_fmt(rng, e164, style=None):
    """One of the ways people and systems write the number."""
    for c, cc in CC.items():
        if e164.startswith("+" + cc):
            nat = e164[len(cc) + 1:]
            break
    styles = {
        "EE": ["+372 {a4} {r}", "{a4} {r}", "{n}", "+372{n}", "00372{n}", "(+372) {n}", "+372 {a3} {r3}", "372 {n}"],
        "FI": ["0{a2} {a3} {r4}", "0{a2}-{a3} {r4}", "0{n}", "+358 {a2} {a3} {r4}", "+358{n}", "00358 {a2} {n7}", "0{a2} {n7}", "+358 (0){a2} {n7}"],
        "PL": ["{p3} {p3b} {p3c}", "{p3}-{p3b}-{p3c}", "{n}", "+48 {p3} {p3b} {p3c}", "+48{n}", "0048 {n}", "(+48) {p3}-{p3b}-{p3c}", "tel. {n}"],
        "LV": ["+371 {a4} {r}", "{n}", "+371{n}"], "LT": ["+370 {a3} {r3}", "8 {a3} {r3}", "8{n}", "+370{n}"],
        "SE": ["0{a2}-{a3} {s2} {s2b}", "+46 {a2} {a3} {s2} {s2b}", "+46{n}"], "NO": ["+47 {a3} {s2} {r3x}", "{n}", "+47{n}"],
        "DK": ["+45 {s2} {s2b} {s2c} {s2d}", "{s2} {s2b} {s2c} {s2d}", "+45{n}"], "UK": ["0{u4} {u6}", "+44 {u4} {u6}", "+44 (0){u4} {u6}"],
        "US": ["({u3}) {u3b}-{u4b}", "{u3}-{u3b}-{u4b}", "+1 {u3} {u3b} {u4b}", "1-{u3}-{u3b}-{u4b}", "{u3}.{u3b}.{u4b}"],
    }[c]
    f = style if isinstance(style, str) else (styles[style] if isinstance(style, int) else rng.choice(styles))
    v = {"n": nat, "a4": nat[:4], "a3": nat[:3], "a2": nat[:2], "r": nat[4:], "r3": nat[3:], "r4": nat[5:], "n7": nat[2:],
         "p3": nat[:3], "p3b": nat[3:6], "p3c": nat[6:], "s2": nat[:2] if c == "DK" else nat[5:7], "s2b": nat[2:4] if c == "DK" else nat[7:],
         "s2c": nat[4:6], "s2d": nat[6:], "r3x": nat[5:], "u4": nat[:4], "u6": nat[4:], "u3": nat[:3], "u3b": nat[3:6], "u4b": nat[6:]}
    if c == "FI":
        v.update({"a3": nat[2:5], "r4": nat[5:]})
    if c == "SE":
        v.update({"a2": nat[:2], "a3": nat[2:5], "s2": nat[5:7], "s2b": nat[7:]})
    if c == "NO":
        v.update({"a3": nat[:3], "s2": nat[3:5], "r3x": nat[5:]})
    return f.format(**v)


# ------------------------------------------------------------------ e-mails

DOMAINS = {"EE": ["example.ee", "mail.example.ee", "post.test", "example.com"], "FI": ["example.fi", "posti.test", "example.com"],
           "PL": ["example.pl", "poczta.test", "wp.test", "example.com"], "US": ["example.com", "example.net", "example.org", "mail.test"],
           "*": ["example.com", "example.org", "mail.test"]}


def ascii_fold(s):
    return re.sub(r"[^a-z0-9]", "", fold(s))


def email_make(rng, given, family, country, used, year=None):
    g, f = ascii_fold(given.split("-")[0].split()[0]), ascii_fold(family)
    forms = [f"{g}.{f}", f"{g}{f}", f"{g[0]}{f}", f"{g}.{f}{(year or rng.randint(50, 99)) % 100:02d}", f"{f}.{g}", f"{g}_{f}",
             f"{g}{rng.randint(1, 999)}", f"{g[0]}.{f}{rng.randint(1, 99)}"]
    dom = DOMAINS.get(country, DOMAINS["*"])
    for _ in range(50):
        e = f"{rng.choice(forms)}@{rng.choice(dom)}"
        if e not in used:
            used.add(e)
            return e
    e = f"{g}.{f}.{len(used)}@{dom[0]}"
    used.add(e)
    return e


def email_messy(rng, e):
    r = rng.random()
    if r < .12:
        return e.upper()
    if r < .3:
        local, dom = e.split("@")
        return ".".join(x.capitalize() for x in local.split(".")) + "@" + dom.capitalize()
    return e


# ------------------------------------------------------------------ people

class Factory:
    def __init__(self, rng):
        self.rng = rng
        self.used_names = set()
        self.used_emails = set()
        self.used_ids = set()
        self.used_phones = set()
        self.used_addr = set()

    def dob(self, lo=1932, hi=2004):
        r = self.rng
        return datetime.date(r.randint(lo, hi), r.randint(1, 12), r.randint(1, 28))

    def name(self, lang, female):
        r = self.rng
        pool = NAMES[lang]
        g = r.choice(pool["f" if female else "m"])
        s = r.choice(pool["s"])[1 if female else 0]
        if isinstance(g, tuple):      # ru/uk: (latin, cyrillic)
            return g[0], s[0], g[1], s[1]
        return g, s, None, None

    def unique_person(self, lang, female, lo=1932, hi=2004):
        for _ in range(200):
            g, s, gc, sc = self.name(lang, female)
            d = self.dob(lo, hi)
            k = (name_key(f"{g} {s}"), d)
            if k not in self.used_names:
                self.used_names.add(k)
                return g, s, gc, sc, d
        raise RuntimeError("no unique name")

    def phone(self, country):
        while True:
            p = phone_make(self.rng, country)
            if p not in self.used_phones:
                self.used_phones.add(p)
                return p

    def email(self, given, family, country, year=None):
        return email_make(self.rng, given, family, country, self.used_emails, year)

    def nid(self, fn, *a):
        while True:
            v = fn(self.rng, *a)
            k = re.sub(r"[\s\-+]", "", v).upper()
            if k not in self.used_ids:
                self.used_ids.add(k)
                return v

    def address(self, country, sv=False, city=None):
        r = self.rng
        while True:
            if country == "EE":
                c = city or r.choice(CITIES["EE"])
                a = {"country": "EE", "street": r.choice(STREETS["EE"]), "no": str(r.randint(1, 120)),
                     "apt": str(r.randint(1, 60)) if r.random() < .7 else "", "city": c[0], "zip": str(r.randint(c[1], c[2])),
                     "kind": r.choice(["tn", "tn", "tn", "mnt", "pst"])}
            elif country == "FI":
                c = city or r.choice(CITIES["FI"])
                a = {"country": "FI", "street": r.choice(STREETS["FI_sv" if sv else "FI"]), "no": str(r.randint(1, 60)),
                     "stair": r.choice(["", "", "A", "B", "C"]), "apt": str(r.randint(1, 40)) if r.random() < .6 else "",
                     "city": c[1] if sv else c[0], "city_fi": c[0], "zip": f"{r.randint(c[2], c[3]) // 10 * 10:05d}", "region": c[4]}
            elif country == "PL":
                c = city or r.choice(CITIES["PL"])
                a = {"country": "PL", "street": r.choice(STREETS["PL"]), "no": str(r.randint(1, 150)),
                     "apt": str(r.randint(1, 80)) if r.random() < .65 else "", "city": c[0],
                     "zip": f"{r.randint(int(c[1]), int(c[2])):02d}-{r.randint(1, 999):03d}"}
            else:
                c = r.choice(CITIES[country])
                a = {"country": country, "street": r.choice(STREETS[country]), "no": str(r.randint(1, 90)),
                     "apt": str(r.randint(1, 30)) if country in ("LV", "LT") else "", "city": c[0], "zip": c[1]}
            key = (a["country"], a["street"], a["no"], a.get("stair", ""), a["apt"], a["city"])
            if key not in self.used_addr:
                self.used_addr.add(key)
                a["id"] = "|".join(key)
                return a


def addr_ee(rng, a, style=None):
    apt = f"-{a['apt']}" if a["apt"] else ""
    styles = [f"{a['street']} {a['kind']} {a['no']}{apt}, {a['zip']} {a['city']}",
              f"{a['street']} {a['no']}{apt}, {a['city']}",
              f"{a['street']} {a['kind']}. {a['no']}{apt}, {a['city']}, {a['zip']}",
              f"{a['street'].upper()} {a['kind'].upper()} {a['no']}{apt.upper()} {a['city'].upper()} {a['zip']}",
              f"{a['city']}, {a['street']} {a['no']}" + (f" kr {a['apt']}" if a["apt"] else "")]
    return styles[style] if style is not None else rng.choice(styles)


def addr_fi_street(a):
    s = f"{a['street']} {a['no']}"
    if a["stair"]:
        s += f" {a['stair']}"
    if a["apt"]:
        s += f" {a['apt']}" if a["stair"] else f" as {a['apt']}" if a["street"] not in STREETS["FI_sv"] else f" bst {a['apt']}"
    return s


def addr_pl_street(rng, a, style=None):
    apt = a["apt"]
    styles = [f"ul. {a['street']} {a['no']}" + (f"/{apt}" if apt else ""),
              f"{a['street']} {a['no']}" + (f" m. {apt}" if apt else ""),
              f"UL. {a['street'].upper()} {a['no']}" + (f"/{apt}" if apt else ""),
              f"ul.{a['street']} {a['no']}" + (f" lok. {apt}" if apt else "")]
    return styles[style] if style is not None else rng.choice(styles)


def addr_other(a):
    apt = f"-{a['apt']}" if a["apt"] else ""
    if a["country"] == "UK":
        return f"{a['no']} {a['street']}, {a['city']} {a['zip']}"
    if a["country"] == "LT":
        return f"{a['street']} {a['no']}{apt}, {a['zip']} {a['city']}"
    if a["country"] == "LV":
        return f"{a['street']} {a['no']}{apt}, {a['city']}, {a['zip']}"
    return f"{a['street']} {a['no']}, {a['zip']} {a['city']}"


# ------------------------------------------------------------------ CSV helpers

def csv_cell(v, sep):
    v = "" if v is None else str(v)
    if any(ch in v for ch in (sep, '"', "\n", "\r")):
        return '"' + v.replace('"', '""') + '"'
    return v


def csv_row(cells, sep):
    return sep.join(csv_cell(c, sep) if not (isinstance(c, str) and c.startswith('="')) else c for c in cells)


def nbsp_pad(rng, s):
    r = rng.random()
    if r < .05:
        return s + "\u00a0"
    if r < .12:
        return s + " "
    if r < .15:
        return " " + s
    return s
