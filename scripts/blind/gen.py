#!/usr/bin/env python3
"""Synthetic leak-folder generator for a blind test of BreachScope.

Standard library only, deterministic for a given --seed.  All persons, identifiers,
addresses, e-mails and phone numbers are generated (fictitious); e-mail domains are
example.* domains.  One folder per case (see /work/shared/docs/cases.md) is written under
--out, each with the leaked files under <case>/leak/ and the ground truth in <case>/truth.json.

Usage:  python3 gen.py --seed 1 --out /work/blind/out/seed1
"""
import argparse
import codecs
import csv
import datetime as dt
import io
import json
import os
import random
import shutil
import unicodedata

# ----------------------------------------------------------------------------------------
# identifier algorithms
# ----------------------------------------------------------------------------------------

def ee_lt_check(d10):
    """Estonian isikukood / Lithuanian asmens kodas check digit (two-stage mod 11)."""
    w1 = [1, 2, 3, 4, 5, 6, 7, 8, 9, 1]
    w2 = [3, 4, 5, 6, 7, 8, 9, 1, 2, 3]
    s = sum(int(c) * w for c, w in zip(d10, w1)) % 11
    if s < 10:
        return s
    s = sum(int(c) * w for c, w in zip(d10, w2)) % 11
    return s if s < 10 else 0


def ee_code(dob, male, seq):
    """isikukood / asmens kodas: G YYMMDD SSS C."""
    g = {18: 1, 19: 3, 20: 5}[dob.year // 100] + (0 if male else 1)
    d10 = f"{g}{dob.year % 100:02d}{dob.month:02d}{dob.day:02d}{seq:03d}"
    return d10 + str(ee_lt_check(d10))


def lv_code(dob, seq):
    """Latvian personas kods DDMMYY-CNNNX (old, date-bearing form); None if check would be 10."""
    c = {18: 0, 19: 1, 20: 2}[dob.year // 100]
    d = f"{dob.day:02d}{dob.month:02d}{dob.year % 100:02d}{c}{seq:03d}"
    w = [1, 6, 3, 7, 9, 10, 5, 8, 4, 2]
    x = (1101 - sum(int(a) * b for a, b in zip(d, w))) % 11
    if x == 10:
        return None
    return f"{d[:6]}-{d[6:]}{x}"


HETU_CHARS = "0123456789ABCDEFHJKLMNPRSTUVWXY"


def fi_hetu(dob, male, rng, new_sign=False):
    """Finnish HETU DDMMYY C NNN K, incl. the 2023 century signs."""
    cen = dob.year // 100
    if cen == 18:
        sign = "+"
    elif cen == 19:
        sign = rng.choice("YXWVU") if new_sign else "-"
    else:
        sign = rng.choice("BCDEF") if new_sign else "A"
    n = rng.randrange(2, 899)
    if (n % 2 == 1) != male:
        n += 1
    base = f"{dob.day:02d}{dob.month:02d}{dob.year % 100:02d}"
    return f"{base}{sign}{n:03d}{HETU_CHARS[int(base + f'{n:03d}') % 31]}"


def pesel(dob, male, rng):
    m = dob.month + {18: 80, 19: 0, 20: 20, 21: 40, 22: 60}[dob.year // 100]
    serial = rng.randrange(0, 1000)
    sx = rng.choice([1, 3, 5, 7, 9] if male else [0, 2, 4, 6, 8])
    d = f"{dob.year % 100:02d}{m:02d}{dob.day:02d}{serial:03d}{sx}"
    w = [1, 3, 7, 9, 1, 3, 7, 9, 1, 3]
    return d + str((10 - sum(int(a) * b for a, b in zip(d, w)) % 10) % 10)


def luhn_check_digit(s):
    """Check digit to append to s (standard Luhn)."""
    total = 0
    for i, ch in enumerate(reversed(s)):
        v = int(ch) * (2 if i % 2 == 0 else 1)
        total += v // 10 + v % 10
    return (10 - total % 10) % 10


def se_pnr(dob, male, rng):
    """Swedish personnummer YYMMDD-NNNC (Luhn over 9 digits)."""
    n = rng.randrange(0, 1000)
    if ((n % 10) % 2 == 1) != male:
        n = (n + 1) % 1000
    body = f"{dob.year % 100:02d}{dob.month:02d}{dob.day:02d}{n:03d}"
    return f"{body[:6]}-{body[6:]}{luhn_check_digit(body)}"


def iban(cc, bban):
    rearr = bban + cc + "00"
    num = "".join(str(int(ch, 36)) for ch in rearr)
    return f"{cc}{98 - int(num) % 97:02d}{bban}"


def ee_iban(rng):
    bank = rng.choice(["22", "10", "17", "77"])
    return iban("EE", bank + "".join(str(rng.randrange(10)) for _ in range(14)))


def fi_iban(rng):
    body = rng.choice(["5", "1", "8"]) + "".join(str(rng.randrange(10)) for _ in range(12))
    return iban("FI", body + str(luhn_check_digit(body)))


def pl_iban(rng):
    sort7 = rng.choice(["1020", "1140", "1050", "1090"]) + "".join(str(rng.randrange(10)) for _ in range(3))
    w = [3, 9, 7, 1, 3, 9, 7]
    sc = sort7 + str((10 - sum(int(a) * b for a, b in zip(sort7, w)) % 10) % 10)
    return iban("PL", sc + "".join(str(rng.randrange(10)) for _ in range(16)))


def ean13(rng, prefix):
    body = prefix + "".join(str(rng.randrange(10)) for _ in range(12 - len(prefix)))
    s = sum(int(c) * (3 if i % 2 else 1) for i, c in enumerate(body))
    return body + str((10 - s % 10) % 10)


def nip(rng):
    while True:
        d = "".join(str(rng.randrange(10)) for _ in range(9))
        if d[0] == "0":
            continue
        c = sum(int(a) * b for a, b in zip(d, [6, 5, 7, 2, 3, 4, 5, 6, 7])) % 11
        if c < 10:
            s = d + str(c)
            return f"{s[:3]}-{s[3:6]}-{s[6:8]}-{s[8:]}"


def group4(s):
    return " ".join(s[i:i + 4] for i in range(0, len(s), 4))


def rand_date(rng, y0, y1):
    a = dt.date(y0, 1, 1).toordinal()
    b = dt.date(y1, 12, 31).toordinal()
    return dt.date.fromordinal(rng.randint(a, b))


def rand_ts(rng, y0, y1):
    d = rand_date(rng, y0, y1)
    return dt.datetime(d.year, d.month, d.day, rng.randrange(7, 22), rng.randrange(60), rng.randrange(60))


def wchoice(rng, pairs):
    tot = sum(w for _, w in pairs)
    r = rng.uniform(0, tot)
    for v, w in pairs:
        r -= w
        if r <= 0:
            return v
    return pairs[-1][0]


def wrong_check(code):
    """Same code with the last digit changed (wrong checksum)."""
    last = code[-1]
    if last.isdigit():
        return code[:-1] + str((int(last) + 3) % 10)
    return code[:-1] + ("A" if last != "A" else "B")


# ----------------------------------------------------------------------------------------
# phones: canonical E.164 + the shapes people type
# ----------------------------------------------------------------------------------------

def ee_mobile(rng):
    return "+3725" + "".join(str(rng.randrange(10)) for _ in range(7))


def fmt_ee(e, rng, style=None):
    n = e[4:]
    if len(n) == 8:
        a, b = n[:4], n[4:]
    else:
        a, b = n[:3], n[3:]
    styles = ["+372 {a} {b}", "{a} {b}", "{n}", "+372{n}", "(+372) {n}", "00372 {n}", "{a}-{b}", "+372 {n}"]
    s = style if style is not None else rng.choice(styles)
    return s.format(a=a, b=b, n=n)


def fi_mobile(rng):
    return "+358" + rng.choice(["40", "41", "44", "45", "50", "46"]) + "".join(str(rng.randrange(10)) for _ in range(7))


def fi_landline(rng, area):
    return "+358" + area + "".join(str(rng.randrange(10)) for _ in range(7 if area in ("9", "3", "2", "5") else 6))


def fmt_fi(e, rng, style=None):
    n = e[4:]
    mobile = n[:2] in ("40", "41", "44", "45", "46", "50")
    ac = n[:2] if mobile else n[:1]
    if n[:2] in ("13", "17", "14", "15", "16", "19"):
        ac = n[:2]
    sub = n[len(ac):]
    if mobile:
        styles = ["0{ac} {s1} {s2}", "0{ac}-{s1} {s2}", "0{ac}{sub}", "+358 {ac} {s1} {s2}", "+358{ac}{sub}", "0{ac}-{sub}",
                  "+358 {ac} {sub}", "0{ac} {sub}"]
    else:
        styles = ["(0{ac}) {s1} {s2}", "0{ac} {s1} {s2}", "0{ac}-{sub}", "+358 {ac} {sub}", "0{ac} {sub}"]
    s = style if style is not None else rng.choice(styles)
    return s.format(ac=ac, sub=sub, s1=sub[:3], s2=sub[3:])


def pl_mobile(rng):
    return "+48" + rng.choice(["50", "51", "53", "60", "66", "69", "72", "78", "79", "88"]) + "".join(
        str(rng.randrange(10)) for _ in range(7))


def fmt_pl(e, rng, style=None):
    n = e[3:]
    styles = ["+48 {a} {b} {c}", "{a} {b} {c}", "{a}-{b}-{c}", "{n}", "+48{n}", "(+48) {a} {b} {c}", "0048 {n}", "+48 {a}-{b}-{c}"]
    s = style if style is not None else rng.choice(styles)
    return s.format(a=n[:3], b=n[3:6], c=n[6:], n=n)


def fmt_intl(e, cc):
    n = e[len(cc) + 1:]
    return f"+{cc} {n[:2]} {n[2:5]} {n[5:]}"


# ----------------------------------------------------------------------------------------
# names, e-mails, addresses
# ----------------------------------------------------------------------------------------

NAMES = {
    "et": (["Jaan", "Andres", "Toomas", "Mart", "Rein", "Tõnu", "Priit", "Margus", "Siim", "Kristjan", "Rasmus", "Märt",
            "Urmas", "Ülo", "Indrek", "Tarmo", "Aivar", "Peeter", "Lauri", "Karl", "Jüri", "Raivo", "Meelis", "Oskar"],
           ["Mari", "Kadri", "Liis", "Tiina", "Kersti", "Maarja", "Anu", "Piret", "Triin", "Helen", "Kristiina", "Ülle",
            "Merike", "Eha", "Laura", "Grete", "Kätlin", "Mirjam", "Ene", "Reet", "Heli", "Marje", "Siiri", "Õie"],
           ["Tamm", "Saar", "Sepp", "Mägi", "Kask", "Kukk", "Rebane", "Ilves", "Pärn", "Koppel", "Lepik", "Kallas", "Oja",
            "Raudsepp", "Kõiv", "Luik", "Lõhmus", "Laur", "Vaher", "Järv", "Põder", "Kuusk", "Teder", "Jõgi", "Karu",
            "Paju", "Org", "Nurm", "Toom", "Lill", "Mets", "Aavik", "Sild", "Kivi", "Valk", "Männik", "Tooming", "Õunapuu"],
           None),
    "ru": (["Aleksandr", "Sergei", "Dmitri", "Andrei", "Vladimir", "Igor", "Nikolai", "Mihhail", "Jevgeni", "Oleg",
            "Aleksei", "Juri", "Viktor", "Pavel", "Roman"],
           ["Jelena", "Olga", "Tatjana", "Natalja", "Svetlana", "Irina", "Ljudmila", "Anna", "Julia", "Marina", "Galina",
            "Valentina", "Jekaterina", "Oksana", "Nadežda"],
           ["Ivanov", "Smirnov", "Kuznetsov", "Popov", "Vassiljev", "Petrov", "Sokolov", "Mihhailov", "Fjodorov", "Morozov",
            "Volkov", "Aleksejev", "Lebedev", "Semjonov", "Jegorov", "Pavlov", "Kozlov", "Stepanov", "Nikolajev", "Orlov"],
           "ru"),
    "en": (["John", "James", "David", "Michael", "Daniel", "Thomas", "Paul", "Mark"],
           ["Emma", "Olivia", "Sarah", "Laura", "Hannah", "Rachel", "Claire", "Sophie"],
           ["Smith", "Brown", "Wilson", "Taylor", "Johnson", "Walker", "Clarke", "Hughes", "Evans", "Wright", "O'Neill",
            "Murphy"], None),
    "fi": (["Matti", "Juha", "Timo", "Kari", "Mikko", "Jari", "Pekka", "Antti", "Heikki", "Eero", "Väinö", "Aarne",
            "Erkki", "Pentti", "Seppo", "Raimo", "Tapio", "Esko"],
           ["Maija", "Anna-Liisa", "Helena", "Tuula", "Ritva", "Pirjo", "Aino", "Sirkka", "Eila", "Marjatta", "Hilkka",
            "Päivi", "Leena", "Raili", "Terttu", "Aili", "Kaarina", "Irmeli"],
           ["Virtanen", "Korhonen", "Mäkinen", "Nieminen", "Mäkelä", "Hämäläinen", "Laine", "Heikkinen", "Koskinen",
            "Järvinen", "Lehtonen", "Saarinen", "Salminen", "Heinonen", "Niemi", "Kinnunen", "Salonen", "Turunen", "Salo",
            "Laitinen", "Tuominen", "Rantanen", "Karjalainen", "Jokinen", "Mattila", "Savolainen", "Lahtinen", "Ahonen",
            "Pölönen", "Hyvärinen", "Väisänen", "Räsänen"], None),
    "sv": (["Johan", "Erik", "Lars", "Karl-Gustav", "Björn", "Henrik", "Stig", "Göran", "Rolf", "Bengt"],
           ["Ulla", "Birgitta", "Margareta", "Kristina", "Solveig", "Gunilla", "Ingrid", "Britt-Marie", "Astrid", "Märta"],
           ["Lindqvist", "Nyström", "Sjöberg", "Holmström", "Lindholm", "Eriksson", "Andersson", "Johansson", "Wikström",
            "Backman", "Åberg", "Grönroos", "Lindroos", "Sundström", "Östman", "Fagerström"], None),
    "pl": (["Jan", "Piotr", "Krzysztof", "Andrzej", "Tomasz", "Paweł", "Michał", "Marcin", "Łukasz", "Grzegorz", "Józef",
            "Stanisław", "Zbigniew", "Wojciech"],
           ["Anna", "Maria", "Katarzyna", "Małgorzata", "Agnieszka", "Barbara", "Ewa", "Krystyna", "Magdalena", "Joanna",
            "Zofia", "Elżbieta", "Grażyna", "Bożena"],
           ["Nowak", "Kowalsk*", "Wiśniewsk*", "Wójcik", "Kowalczyk", "Kamińsk*", "Lewandowsk*", "Zielińsk*", "Szymańsk*",
            "Woźniak", "Dąbrowsk*", "Kozłowsk*", "Jankowsk*", "Mazur", "Krawczyk", "Piotrowsk*", "Grabowsk*",
            "Nowakowsk*", "Pawłowsk*", "Michalsk*", "Król", "Wieczorek", "Jabłońsk*", "Wróbel", "Zając", "Stępień"],
           "pl"),
    "ua": (["Oleksandr", "Andrii", "Mykola", "Taras", "Serhii"], ["Olena", "Oksana", "Iryna", "Nataliia", "Yuliia"],
           ["Shevchenko", "Bondarenko", "Kovalenko", "Tkachenko", "Kravchenko", "Melnyk", "Boiko", "Oliinyk"], None),
    "lv": (["Jānis", "Andris", "Mārtiņš", "Pēteris", "Edgars"], ["Ilze", "Kristīne", "Inese", "Līga", "Dace"],
           ["Bērziņ*", "Kalniņ*", "Ozoliņ*", "Jans*", "Liepiņ*", "Krūmiņ*"], "lv"),
    "lt": (["Jonas", "Tomas", "Mindaugas", "Darius", "Paulius"], ["Rūta", "Asta", "Eglė", "Jurgita", "Inga"],
           ["Kazlausk*", "Jankausk*", "Petrausk*", "Stankevič*", "Vasiliausk*"], "lt"),
    "us": (["James", "Robert", "Michael", "William", "David", "Richard", "Joseph", "Thomas", "Charles", "Christopher",
            "Daniel", "Matthew", "Anthony", "Mark", "Jose", "Luis", "Wei", "Raj", "Kevin", "Brian"],
           ["Mary", "Patricia", "Jennifer", "Linda", "Elizabeth", "Barbara", "Susan", "Jessica", "Sarah", "Karen", "Nancy",
            "Lisa", "Betty", "Margaret", "Sandra", "Maria", "Priya", "Mei", "Ashley", "Dorothy"],
           ["Smith", "Johnson", "Williams", "Brown", "Jones", "Garcia", "Miller", "Davis", "Rodriguez", "Martinez",
            "Hernandez", "Lopez", "Gonzalez", "Wilson", "Anderson", "Thomas", "Taylor", "Moore", "Jackson", "Martin",
            "Lee", "Perez", "Thompson", "White", "Harris", "Sanchez", "Clark", "Ramirez", "Lewis", "Robinson", "Walker",
            "Young", "Allen", "King", "Wright", "Scott", "Torres", "Nguyen", "Hill", "Flores", "O'Brien", "McDonald",
            "Van Dyke", "De la Cruz"], None),
}

CYR = {"Aleksandr": "Александр", "Sergei": "Сергей", "Dmitri": "Дмитрий", "Andrei": "Андрей", "Vladimir": "Владимир",
       "Igor": "Игорь", "Nikolai": "Николай", "Mihhail": "Михаил", "Jevgeni": "Евгений", "Oleg": "Олег",
       "Aleksei": "Алексей", "Juri": "Юрий", "Viktor": "Виктор", "Pavel": "Павел", "Roman": "Роман",
       "Jelena": "Елена", "Olga": "Ольга", "Tatjana": "Татьяна", "Natalja": "Наталья", "Svetlana": "Светлана",
       "Irina": "Ирина", "Ljudmila": "Людмила", "Anna": "Анна", "Julia": "Юлия", "Marina": "Марина", "Galina": "Галина",
       "Valentina": "Валентина", "Jekaterina": "Екатерина", "Oksana": "Оксана", "Nadežda": "Надежда",
       "Ivanov": "Иванов", "Smirnov": "Смирнов", "Kuznetsov": "Кузнецов", "Popov": "Попов", "Vassiljev": "Васильев",
       "Petrov": "Петров", "Sokolov": "Соколов", "Mihhailov": "Михайлов", "Fjodorov": "Фёдоров", "Morozov": "Морозов",
       "Volkov": "Волков", "Aleksejev": "Алексеев", "Lebedev": "Лебедев", "Semjonov": "Семёнов", "Jegorov": "Егоров",
       "Pavlov": "Павлов", "Kozlov": "Козлов", "Stepanov": "Степанов", "Nikolajev": "Николаев", "Orlov": "Орлов"}


def cyr_name(first, last):
    fem = last.endswith("a") and last[:-1] in CYR
    lc = CYR.get(last[:-1], None)
    lc = (lc + "а") if (fem and lc) else CYR.get(last, last)
    return CYR.get(first, first), lc


def make_name(rng, lang, male):
    m, f, s, rule = NAMES[lang]
    first = rng.choice(m if male else f)
    last = rng.choice(s)
    if rule == "ru" and not male:
        last = last + "a"
    elif rule == "pl" and last.endswith("*"):
        last = last[:-1] + ("i" if male else "a")
    elif rule == "lv" and last.endswith("*"):
        if last.endswith("ņ*"):
            last = last[:-1] + ("š" if male else "a")
        else:
            last = last[:-1] + ("ons" if male else "one")
    elif rule == "lt" and last.endswith("*"):
        stem = last[:-1]
        if stem.endswith("č"):
            last = stem + ("ius" if male else ("ienė" if rng.random() < 0.5 else "iūtė"))
        else:
            last = stem + ("as" if male else ("ienė" if rng.random() < 0.5 else "aitė"))
    return first, last


TRANS = {"ł": "l", "Ł": "L", "ß": "ss", "æ": "ae", "ø": "o", "đ": "d", "'": "", " ": ""}


def asciify(s):
    s = "".join(TRANS.get(ch, ch) for ch in s)
    s = unicodedata.normalize("NFKD", s)
    return "".join(ch for ch in s if not unicodedata.combining(ch))


def make_email(rng, first, last, domains, used, yob=None):
    f = asciify(first).lower().replace("-", "")
    la = asciify(last).lower().replace("-", "")
    yy = f"{(yob or rng.randrange(1950, 2005)) % 100:02d}"
    pats = [f"{f}.{la}", f"{f[0]}{la}", f"{la}.{f}", f"{f}{yy}", f"{f}.{la}{yy}", f"{f}_{la}", f"{f}{la}",
            f"{f[0]}.{la}"]
    base = rng.choice(pats)
    dom = rng.choice(domains)
    e = f"{base}@{dom}"
    k = 2
    while e in used:
        e = f"{base}{k}@{dom}"
        k += 1
    used.add(e)
    return e


def email_variant(rng, e, p=0.15):
    """How the same address is sometimes typed: capitalised, padded."""
    r = rng.random()
    if r < p / 2:
        loc, dom = e.split("@")
        return loc.capitalize() + "@" + dom.upper()
    if r < p:
        return " " + e + " "
    return e


EE_STREETS = ["Tamme tn", "Pärnu mnt", "Narva mnt", "Tartu mnt", "Vabriku tn", "Kooli tn", "Aia tn", "Pikk tn",
              "Ravila tn", "Riia tn", "Jaama tn", "Kesk tn", "Mustamäe tee", "Sõpruse pst", "Lille tn", "Kalda tee"]
EE_CITIES = [("Tallinn", 10111, 13999), ("Tartu", 50101, 51999), ("Narva", 20101, 21099), ("Pärnu", 80010, 80099),
             ("Kohtla-Järve", 30101, 31099), ("Viljandi", 71001, 71099), ("Rakvere", 44301, 44399),
             ("Maardu", 74111, 74199), ("Haapsalu", 90501, 90599)]


def ee_address(rng):
    st = rng.choice(EE_STREETS)
    city, a, b = rng.choice(EE_CITIES)
    house = rng.randrange(1, 120)
    flat = f"-{rng.randrange(1, 90)}" if rng.random() < 0.6 else ""
    pc = rng.randrange(a, b)
    return {"street": f"{st} {house}{flat}", "postcode": f"{pc}", "city": city}


def ee_addr_str(a, rng):
    return rng.choice(["{street}, {postcode} {city}", "{street}, {city} {postcode}", "{street}, {city}, {postcode}"]).format(**a)


FI_STREETS = ["Koivukuja", "Mannerheimintie", "Rantatie", "Kirkkokatu", "Hämeenkatu", "Asemantie", "Myllytie",
              "Koulukatu", "Puistokatu", "Kauppakatu", "Pihlajatie", "Vanha Porvoontie", "Kalliotie", "Niittypolku"]
SV_STREETS = ["Storgatan", "Skolvägen", "Strandvägen", "Kyrkogatan", "Ågatan", "Björkvägen", "Mannerheimvägen",
              "Sjövägen"]


def fi_address(rng, places, sv=False):
    city, city_sv, pcs = rng.choice(places)
    st = rng.choice(SV_STREETS if sv else FI_STREETS)
    house = rng.randrange(1, 80)
    r = rng.random()
    if r < 0.4:
        extra = f" {rng.choice('ABCDEF')} {rng.randrange(1, 40)}"
    elif r < 0.55:
        extra = f" as {rng.randrange(1, 30)}" if not sv else f" bst {rng.randrange(1, 30)}"
    else:
        extra = ""
    return {"street": f"{st} {house}{extra}", "postcode": rng.choice(pcs), "city": city_sv if (sv and city_sv) else city}


PL_STREETS = ["ul. Marszałkowska", "ul. Długa", "al. Jana Pawła II", "ul. Piłsudskiego", "ul. Mickiewicza",
              "ul. Kościuszki", "ul. Słowackiego", "os. Piastów", "ul. Lipowa", "ul. Polna", "ul. Żeromskiego"]
PL_CITIES = [("Warszawa", "00-5", "02-7"), ("Kraków", "30-0", "31-5"), ("Wrocław", "50-0", "54-1"),
             ("Gdańsk", "80-2", "80-8"), ("Łódź", "90-0", "94-1"), ("Poznań", "60-1", "61-8"), ("Lublin", "20-0", "20-8"),
             ("Katowice", "40-0", "40-8")]


def pl_address(rng):
    city, p1, p2 = rng.choice(PL_CITIES)
    pre = rng.choice([p1, p2])
    pc = f"{pre}{rng.randrange(10, 99)}"
    house = f"{rng.randrange(1, 150)}" + (f"/{rng.randrange(1, 80)}" if rng.random() < 0.6 else "")
    return {"street": f"{rng.choice(PL_STREETS)} {house}", "postcode": pc, "city": city}


# ----------------------------------------------------------------------------------------
# truth bookkeeping
# ----------------------------------------------------------------------------------------

ELEMENTS = ["national_id", "name", "email", "phone", "postal_address", "date_of_birth", "health_data", "genetic_data",
            "lab_result", "prescription", "purchase_history", "loyalty_card", "delivery_info", "iban", "payment_card",
            "credentials"]


class Person:
    def __init__(self, tid, **kw):
        self.tid = tid
        self.__dict__.update(kw)
        self.exp = {}          # element -> [source]
        self.occ = []          # identifier occurrences
        self.opt = {}          # optional element -> reason
        self.controllers = []

    def x(self, elem, f, col):
        assert elem in ELEMENTS, elem
        lst = self.exp.setdefault(elem, [])
        src = f"{f} [{col}]"
        if src not in lst:
            lst.append(src)

    def xid(self, typ, value, f, col, raw, elem=None):
        self.occ.append({"type": typ, "value": value, "file": f, "field": col, "raw": raw})
        if elem is None:
            elem = {"email": "email", "phone": "phone", "iban": "iban", "loyalty_card": "loyalty_card"}.get(typ, "national_id")
        self.x(elem, f, col)

    def ctrl(self, c):
        if c not in self.controllers:
            self.controllers.append(c)


class Case:
    def __init__(self, name, root, rng, description):
        self.name = name
        self.root = os.path.join(root, name)
        self.leak = os.path.join(self.root, "leak")
        self.rng = rng
        self.persons = []
        self.decoys = []
        self.description = description
        self.files = 0
        os.makedirs(self.leak, exist_ok=True)

    def person(self, **kw):
        p = Person(f"T{len(self.persons) + 1:04d}", **kw)
        self.persons.append(p)
        return p

    def decoy(self, kind, value, f, field, note=""):
        self.decoys.append({"kind": kind, "value": value, "file": f, "field": field, "note": note})

    def write(self, rel, text, encoding="utf-8", bom=False):
        path = os.path.join(self.leak, rel)
        os.makedirs(os.path.dirname(path), exist_ok=True)
        data = text.encode(encoding)
        if bom:
            data = codecs.BOM_UTF8 + data
        with open(path, "wb") as fh:
            fh.write(data)
        self.files += 1

    def write_csv(self, rel, header, rows, delim=",", crlf=False, bom=False, encoding="utf-8", quote_all=False):
        buf = io.StringIO()
        w = csv.writer(buf, delimiter=delim, lineterminator="\r\n" if crlf else "\n",
                       quoting=csv.QUOTE_ALL if quote_all else csv.QUOTE_MINIMAL)
        w.writerow(header)
        for r in rows:
            w.writerow(r)
        self.write(rel, buf.getvalue(), encoding=encoding, bom=bom)

    def write_text(self, rel, text, crlf=False, encoding="utf-8"):
        if crlf:
            text = text.replace("\n", "\r\n")
        self.write(rel, text, encoding=encoding)

    def finish(self, extra=None):
        persons = []
        for p in self.persons:
            if not p.exp:
                continue
            if "national_id" in p.exp and "date_of_birth" not in p.exp and p.__dict__.get("dob_in_id", True):
                p.opt.setdefault("date_of_birth", "derivable from the national ID (no date-of-birth field)")
            ids, seen = [], set()
            for o in p.occ:
                k = (o["type"], o["value"])
                if k not in seen:
                    seen.add(k)
                    ids.append({"type": o["type"], "value": o["value"]})
            d = {"tid": p.tid, "name": p.name, "language": p.__dict__.get("lang"), "identifiers": ids,
                 "elements": sorted(p.exp), "optional_elements": {k: v for k, v in sorted(p.opt.items()) if k not in p.exp},
                 "provenance": {k: v[:6] for k, v in sorted(p.exp.items())}, "occurrences": p.occ,
                 "controllers": p.controllers, "note": p.__dict__.get("note", ""),
                 "name_variants": sorted(set(p.__dict__.get("name_variants", [])))}
            if hasattr(p, "batch_elems"):
                d["batches"] = p.batch_elems
            persons.append(d)
        per_el = {e: sum(1 for p in persons if e in p["elements"]) for e in ELEMENTS}
        per_el = {k: v for k, v in per_el.items() if v}
        per_ctrl = {}
        for p in persons:
            for c in p["controllers"]:
                per_ctrl[c] = per_ctrl.get(c, 0) + 1
        truth = {"case": self.name, "description": self.description, "files": self.files,
                 "expected": {"persons": len(persons), "per_element": per_el, "per_controller": dict(sorted(per_ctrl.items()))},
                 "persons": persons, "decoys": self.decoys}
        if extra:
            truth.update(extra)
        with open(os.path.join(self.root, "truth.json"), "w", encoding="utf-8") as fh:
            json.dump(truth, fh, ensure_ascii=False, indent=1)
        return truth


def unique(rng, used, fn):
    for _ in range(1000):
        v = fn()
        if v is not None and v not in used:
            used.add(v)
            return v
    raise RuntimeError("could not make a unique value")


# ----------------------------------------------------------------------------------------
# case 1: pharmacy-chain loyalty system (Estonia)
# ----------------------------------------------------------------------------------------

PHARM_PRODUCTS = [("Ibuprofen 400 mg, 20 tk", "4740001"), ("Paracetamol 500 mg tabletid, 20 tk", "4740002"),
                  ("C-vitamiin 1000 mg, 60 tk", "4740003"), ("Päikesekreem SPF50, 200 ml", "6411001"),
                  ("Ninasprei 0,1%; 10 ml", "5901234"), ("D-vitamiin 2000 IU, 120 tk", "4740004"),
                  ("Kätekreem, 75 ml", "4752001"), ("Plaastrid, erinevad suurused", "4740005"),
                  ("Kurgupastillid mentooliga", "6414001"), ("Omega-3, 90 kapslit", "7041001"),
                  ("Rasedustest", "4740006"), ("Allergiatabletid (loratadiin 10 mg), 30 tk", "4740007")]
BEAUTY_PRODUCTS = [("Näokreem 50 ml", "3600523"), ("Šampoon 250ml", "4005808"), ("Huulepulk nr 12", "3614272"),
                   ("Parfüüm EDT 30ml", "3348901"), ("Ripsmetušš", "3600531")]
PET_PRODUCTS = ["Koeratoit 12 kg", "Kassiliiv 10 l", "Närimisluu", "Kassitoit konserv 85 g", "Rihm 2 m", "Puuriliiv"]


def case1(root, rng):
    c = Case("case1_ee_pharmacy_loyalty", root, rng,
             "Estonian pharmacy/beauty/pet loyalty system export; purchases join to owners via loyalty-card numbers.")
    used_ids, used_emails, used_cards, used_names = set(), set(), set(), set()
    doms = ["example.ee", "mail.example.ee", "example.com", "example.org", "hot.example.ee", "example.net"]
    n = rng.randint(330, 420)
    for _ in range(n):
        lang = wchoice(rng, [("et", 62), ("ru", 30), ("en", 8)])
        male = rng.random() < 0.42
        dob = rand_date(rng, 1936, 2006)
        first, last = make_name(rng, lang, male)
        while (first, last) in used_names:
            first, last = make_name(rng, lang, male)
        used_names.add((first, last))
        p = c.person(name=f"{first} {last}", first=first, last=last, lang=lang, male=male, dob=dob)
        p.idcode = unique(rng, used_ids, lambda: ee_code(dob, male, rng.randrange(0, 1000))) if rng.random() < (
            0.97 if lang != "en" else 0.65) else None
        p.email = make_email(rng, first, last, doms, used_emails, dob.year) if rng.random() < 0.88 else None
        p.phone = (ee_mobile(rng) if rng.random() < 0.9 else "+3726" + "".join(str(rng.randrange(10)) for _ in range(6))) \
            if rng.random() < 0.32 else None
        p.addr = ee_address(rng) if rng.random() < 0.16 else None
        p.kind = wchoice(rng, [("member", 90), ("newsletter_only", 5), ("text_only", 5)])
        p.cards = {}
        p.bad_id = False
        if p.kind == "member":
            if rng.random() < 0.85:
                p.cards["pharm"] = unique(rng, used_cards, lambda: ean13(rng, "29"))
            if rng.random() < (0.45 if not male else 0.1):
                p.cards["beauty"] = unique(rng, used_cards, lambda: "7" + "".join(str(rng.randrange(10)) for _ in range(9)))
            if rng.random() < 0.2 or not p.cards:
                p.cards["pet"] = unique(rng, used_cards, lambda: f"LP-{rng.randrange(1000000, 9999999)}")
        if p.kind == "newsletter_only" and not p.email:
            p.email = make_email(rng, first, last, doms, used_emails, dob.year)
        if p.kind == "text_only" and not p.idcode:
            p.idcode = unique(rng, used_ids, lambda: ee_code(dob, male, rng.randrange(0, 1000)))
    P = c.persons
    members = [p for p in P if p.kind == "member"]
    # families sharing one e-mail (two different isikukoods)
    cand = [p for p in members if p.idcode and p.lang != "en"]
    rng.shuffle(cand)
    fam = 0
    for a, b in zip(cand[0:20:2], cand[1:20:2]):
        shared = f"{asciify(a.last).lower()}.pere{rng.randrange(1, 99)}@{rng.choice(doms)}"
        if shared in used_emails:
            continue
        used_emails.add(shared)
        b.last = a.last
        b.name = f"{b.first} {b.last}"
        a.email = b.email = shared
        a.note = b.note = "family sharing one e-mail"
        fam += 1
    # same name, different persons
    cand2 = [p for p in members if p.idcode and not p.__dict__.get("note")]
    for a, b in zip(cand2[40:46:2], cand2[41:46:2]):
        b.first, b.last, b.name = a.first, a.last, a.name
        a.note = b.note = "same name as another person (different ID)"
    # typo'd isikukood (wrong checksum), person still has an e-mail
    cand3 = [p for p in members if p.idcode and p.email and not p.__dict__.get("note")]
    for p in cand3[60:66]:
        p.bad_id = True
        p.note = "isikukood only appears with a wrong checksum"

    # ---- pharmacy customers: main export (et headers, ';', BOM, CRLF) and old base (windows-1257)
    main_rows, old_rows = [], []
    lang_code = {"et": "EST", "ru": "RUS", "en": "ENG"}
    for p in members:
        if "pharm" not in p.cards:
            continue
        old = rng.random() < 0.28
        f = "Allium_eksport/vana_baas/kliendid_2019.csv" if old else "Allium_eksport/kliendid_apteek.csv"
        card = p.cards["pharm"]
        p.xid("loyalty_card", card, f, "kaart" if old else "Kaardi nr", card)
        idv = ""
        if p.idcode:
            if p.bad_id:
                idv = wrong_check(p.idcode)
                c.decoy("ee_isikukood_bad_checksum", idv, f, "isikukood" if old else "Isikukood", "typo of " + p.tid)
            else:
                idv = p.idcode
                p.xid("ee_isikukood", idv, f, "isikukood" if old else "Isikukood", idv)
        em = ""
        if p.email:
            em = email_variant(rng, p.email)
            p.xid("email", p.email, f, "e_post" if old else "E-post", em)
        ph = ""
        if p.phone:
            ph = fmt_ee(p.phone, rng)
            p.xid("phone", p.phone, f, "Tel.nr" if old else "Telefon", ph)
        ad = ""
        if p.addr:
            ad = ee_addr_str(p.addr, rng)
            p.x("postal_address", f, "aadress" if old else "Aadress")
        if old:
            p.x("name", f, "nimi")
            old_rows.append([idv, f"{p.last.upper()} {p.first.upper()}", em, ph, card, ad])
        else:
            p.x("name", f, "Eesnimi+Perenimi")
            note = ""
            r = rng.random()
            if r < 0.08:
                note = "Soovib SMS-e; e-kirju mitte\nKaart asendatud " + rand_date(rng, 2019, 2023).strftime("%d.%m.%Y")
            elif r < 0.15:
                note = f"Tellimus nr {rng.randrange(2020000000, 2023999999)}; kohaletoimetus \"pakiautomaat\""
            joined = rand_ts(rng, 2012, 2023)
            main_rows.append([card, idv, p.first, p.last, em, ph, ad, lang_code[p.lang],
                              joined.strftime("%d.%m.%Y %H:%M:%S"), note])
    c.write_csv("Allium_eksport/kliendid_apteek.csv",
                ["Kaardi nr", "Isikukood", "Eesnimi", "Perenimi", "E-post", "Telefon", "Aadress", "Suhtluskeel",
                 "Liitumise aeg", "Märkused"], main_rows, delim=";", crlf=True, bom=True)
    c.write_csv("Allium_eksport/vana_baas/kliendid_2019.csv", ["isikukood", "nimi", "e_post", "Tel.nr", "kaart", "aadress"],
                old_rows, delim=",", encoding="cp1257")

    # ---- beauty chain CRM (JSON array, English camelCase keys, nested)
    beauty = []
    for p in members:
        if "beauty" not in p.cards:
            continue
        f = "beauty_crm/customers.json"
        card = p.cards["beauty"]
        p.xid("loyalty_card", card, f, "cardNumber", card)
        rec = {"id": 100000 + len(beauty) * 7 + rng.randrange(7), "cardNumber": card}
        if p.idcode and not p.bad_id:
            rec["personalCode"] = p.idcode
            p.xid("ee_isikukood", p.idcode, f, "personalCode", p.idcode)
        rec["firstName"], rec["lastName"] = p.first, p.last
        p.x("name", f, "firstName+lastName")
        contact = {}
        if p.email:
            contact["email"] = p.email
            p.xid("email", p.email, f, "contact.email", p.email)
        if p.phone:
            contact["mobile"] = fmt_ee(p.phone, rng, "+372 {a} {b}" if rng.random() < 0.5 else None)
            p.xid("phone", p.phone, f, "contact.mobile", contact["mobile"])
        rec["contact"] = contact
        if p.addr:
            rec["address"] = {"street": p.addr["street"], "city": p.addr["city"], "zip": p.addr["postcode"], "country": "EE"}
            p.x("postal_address", f, "address")
        else:
            rec["address"] = None
        rec["consents"] = {"sms": rng.random() < 0.3, "email": rng.random() < 0.6}
        rec["createdAt"] = rand_ts(rng, 2015, 2023).strftime("%Y-%m-%dT%H:%M:%SZ")
        rec["preferredLanguage"] = p.lang
        rec["lastVisitStore"] = f"B{rng.randrange(1, 40):03d}"
        beauty.append(rec)
    c.write("beauty_crm/customers.json", json.dumps(beauty, ensure_ascii=True, indent=2))

    # ---- pet chain (NDJSON, Estonian keys)
    lines = []
    for p in members:
        if "pet" not in p.cards:
            continue
        f = "lemmikloom/kliendid.ndjson"
        card = p.cards["pet"]
        p.xid("loyalty_card", card, f, "kaart", card)
        rec = {"kaart": card, "nimi": p.name}
        p.x("name", f, "nimi")
        if p.idcode and not p.bad_id:
            rec["isikukood"] = p.idcode
            p.xid("ee_isikukood", p.idcode, f, "isikukood", p.idcode)
        if p.email:
            rec["epost"] = p.email
            p.xid("email", p.email, f, "epost", p.email)
        if p.phone:
            rec["telefon"] = fmt_ee(p.phone, rng)
            p.xid("phone", p.phone, f, "telefon", rec["telefon"])
        rec["lemmikloomad"] = [{"liik": rng.choice(["koer", "kass", "küülik"]), "nimi": rng.choice(["Muri", "Miisu", "Pontu", "Liisu", "Max"])}
                               for _ in range(rng.randrange(1, 3))]
        rec["keel"] = p.lang
        lines.append(json.dumps(rec, ensure_ascii=False))
    c.write("lemmikloom/kliendid.ndjson", "\n".join(lines) + "\n")

    # ---- Russian-language marketing list (tab, Cyrillic headers) and English newsletter list
    ru_rows = []
    for p in members:
        if p.lang != "ru" or rng.random() > 0.6 or not p.cards:
            continue
        f = "turundus/рассылка_ru.tsv"
        card = next(iter(sorted(p.cards.values())))
        p.xid("loyalty_card", card, f, "Номер карты", card)
        fi, la = (cyr_name(p.first, p.last) if rng.random() < 0.25 else (p.first, p.last))
        if fi != p.first:
            p.__dict__.setdefault("name_variants", []).append(f"{fi} {la}")
        p.x("name", f, "Имя+Фамилия")
        em = ""
        if p.email:
            em = p.email
            p.xid("email", p.email, f, "Эл. почта", em)
        ph = ""
        if p.phone:
            ph = fmt_ee(p.phone, rng)
            p.xid("phone", p.phone, f, "Телефон", ph)
        idv = ""
        if p.idcode and not p.bad_id and rng.random() < 0.7:
            idv = p.idcode
            p.xid("ee_isikukood", idv, f, "Личный код", idv)
        ru_rows.append([card, la, fi, em, ph, idv, rng.choice(["да", "нет"])])
    c.write_csv("turundus/рассылка_ru.tsv", ["Номер карты", "Фамилия", "Имя", "Эл. почта", "Телефон", "Личный код",
                                             "Согласие на рассылку"], ru_rows, delim="\t")
    nl_rows = []
    fam_seen = set()
    for p in P:
        if not p.email:
            continue
        fam = p.__dict__.get("note") == "family sharing one e-mail"
        if fam:
            # a family subscribes once, under one member's name
            if p.email in fam_seen:
                continue
            fam_seen.add(p.email)
        if p.kind == "newsletter_only" or fam or (p.kind == "member" and rng.random() < 0.2 and not p.__dict__.get("note")):
            f = "turundus/newsletter_subscribers.csv"
            em = email_variant(rng, p.email, 0.3)
            if fam:
                p.note += "; the family's newsletter row carries this member's name"
            p.xid("email", p.email, f, "Email", em)
            p.x("name", f, "First name+Last name")
            nl_rows.append([em, p.first, p.last, p.lang.upper(), rand_ts(rng, 2018, 2023).isoformat(sep=" ")])
    rng.shuffle(nl_rows)
    c.write_csv("turundus/newsletter_subscribers.csv", ["Email", "First name", "Last name", "Language", "Subscribed at"],
                nl_rows, quote_all=True)

    # ---- purchases: only the card number
    cardowner = {}
    for p in members:
        for k, v in p.cards.items():
            cardowner[v] = p
    ph_rows, b_lines, pet_rows = [], [], []
    for p in members:
        for chain, card in sorted(p.cards.items()):
            if rng.random() > 0.75:
                continue
            for _ in range(rng.randint(1, 10)):
                ts = rand_ts(rng, 2021, 2023)
                if chain == "pharm":
                    f = "Allium_eksport/ostud/apteek_ostud_2023.csv"
                    prod, pre = rng.choice(PHARM_PRODUCTS)
                    if rng.random() < 0.03:
                        rc = ee_code(rand_date(rng, 1950, 2000), rng.random() < 0.5, rng.randrange(1000))
                        c.decoy("receipt_no_valid_isikukood_shape", rc, f, "tšeki_nr")
                    else:
                        rc = str(rng.randrange(30000000000, 69999999999))
                    ean = ean13(rng, pre)
                    ph_rows.append([card, rc, ts.strftime("%Y-%m-%d %H:%M:%S"), f"A{rng.randrange(1, 90):03d}", ean, prod,
                                    rng.randint(1, 3), f"{rng.uniform(1.5, 40):.2f}".replace(".", ",")])
                    p.x("purchase_history", f, "kaardi_nr (join)")
                    p.opt["health_data"] = "pharmacy OTC purchases could be read as health data"
                elif chain == "beauty":
                    f = "beauty_crm/purchases.ndjson"
                    items = []
                    for _ in range(rng.randint(1, 3)):
                        prod, pre = rng.choice(BEAUTY_PRODUCTS)
                        items.append({"sku": f"SKU-{rng.randrange(10000, 99999)}", "ean": ean13(rng, pre), "name": prod,
                                      "qty": rng.randint(1, 2)})
                    b_lines.append(json.dumps({"orderId": f"BO-{ts.year}-{rng.randrange(0, 999999):06d}",
                                               "cardNumber": int(card), "ts": int(ts.timestamp() * 1000),
                                               "store": f"B{rng.randrange(1, 40):03d}", "items": items,
                                               "total": round(rng.uniform(5, 120), 2)}, ensure_ascii=False))
                    p.x("purchase_history", f, "cardNumber (join, JSON number)")
                else:
                    f = "lemmikloom/ostud.psv"
                    raw = card if rng.random() < 0.75 else card.replace("-", "")
                    pet_rows.append([raw, f"K{rng.randrange(100000000, 999999999)}", ts.strftime("%d.%m.%Y %H:%M"),
                                     rng.choice(PET_PRODUCTS), f"{rng.uniform(2, 80):.2f}"])
                    p.x("purchase_history", f, "kaart (join)" + ("" if raw == card else " [card written without hyphen]"))
    # orphan cards (owner not in the leak)
    for _ in range(rng.randint(15, 30)):
        card = ean13(rng, "29")
        if card in cardowner:
            continue
        prod, pre = rng.choice(PHARM_PRODUCTS)
        ph_rows.append([card, str(rng.randrange(30000000000, 69999999999)), rand_ts(rng, 2021, 2023).strftime("%Y-%m-%d %H:%M:%S"),
                        "A001", ean13(rng, pre), prod, 1, "4,99"])
        c.decoy("orphan_loyalty_card", card, "Allium_eksport/ostud/apteek_ostud_2023.csv", "kaardi_nr", "card with no owner in the leak")
    rng.shuffle(ph_rows)
    rng.shuffle(b_lines)
    rng.shuffle(pet_rows)
    c.write_csv("Allium_eksport/ostud/apteek_ostud_2023.csv",
                ["kaardi_nr", "tšeki_nr", "kuupäev", "kauplus", "ean", "toode", "kogus", "summa"], ph_rows)
    c.write("beauty_crm/purchases.ndjson", "\n".join(b_lines) + "\n")
    c.write_csv("lemmikloom/ostud.psv", ["kaart", "kviitung", "aeg", "toode", "summa"], pet_rows, delim="|")

    # ---- stores (no persons) and an export log (no persons)
    st_rows = []
    for i in range(1, 25):
        a = ee_address(rng)
        st_rows.append([f"A{i:03d}", f"Apteek {a['city']} {i}", ee_addr_str(a, rng), fmt_ee("+3726" + str(rng.randrange(100000, 999999)), rng),
                        f"apteek{i:02d}@apteek.example.ee", ean13(rng, "474")])
        c.decoy("store_email", f"apteek{i:02d}@apteek.example.ee", "Allium_eksport/kauplused.csv", "e-post")
    c.write_csv("Allium_eksport/kauplused.csv", ["kood", "nimi", "aadress", "telefon", "e-post", "GLN"], st_rows, delim=";")
    log = []
    t = dt.datetime(2023, 10, 14, 2, 0, 0)
    for i in range(60):
        t += dt.timedelta(seconds=rng.randrange(1, 400))
        log.append(f"{t:%Y-%m-%d %H:%M:%S},{rng.randrange(1000):03d} INFO  [job {rng.randrange(10**10, 10**11)}] "
                   f"export table={rng.choice(['kliendid', 'ostud', 'kaardid'])} rows={rng.randrange(1000, 400000)} "
                   f"from 10.20.{rng.randrange(256)}.{rng.randrange(256)} session={rng.randrange(10**12, 10**13)}")
    c.write_text("logs/export_2023-10-14.log", "\n".join(log) + "\n")

    # ---- customer-service letters (et / ru / en plain text)
    letter_people = [p for p in P if p.kind == "text_only"] + rng.sample([p for p in members if not p.bad_id], 22)
    for i, p in enumerate(letter_people):
        lang = p.lang
        f = f"klienditeenindus/{['poordumine', 'obrashchenie', 'request'][['et', 'ru', 'en'].index(lang)]}_{1000 + i}.txt"
        L = {"et": ("Kliendi pöördumine", "Nimi", "Isikukood", "E-post", "Telefon", "Kliendikaart",
                    "Klient teatab, et kaart on kadunud ja palub uue kaardi. Tellimus nr {o} ei jõudnud pakiautomaati."),
             "ru": ("Обращение клиента", "Имя", "Личный код", "Эл. почта", "Телефон", "Карта клиента",
                    "Клиент сообщает, что карта утеряна. Заказ № {o} не доставлен."),
             "en": ("Customer request", "Name", "Personal code", "E-mail", "Phone", "Loyalty card",
                    "Customer reports a lost card and asks for a replacement. Order no. {o} was not delivered.")}[lang]
        order = f"{rng.randrange(2023000000, 2023999999)}"
        c.decoy("order_number", order, f, "body")
        nm = p.name
        if lang == "ru" and rng.random() < 0.5:
            nm = " ".join(cyr_name(p.first, p.last))
            p.__dict__.setdefault("name_variants", []).append(nm)
        lines = [f"{L[0]} #{rng.randrange(10000, 99999)}", f"Kuupäev / Date: {rand_date(rng, 2022, 2023):%d.%m.%Y}", "",
                 f"{L[1]}: {nm}"]
        p.x("name", f, L[1])
        if p.idcode:
            lines.append(f"{L[2]}: {p.idcode}")
            p.xid("ee_isikukood", p.idcode, f, L[2], p.idcode)
        if p.email:
            lines.append(f"{L[3]}: {p.email}")
            p.xid("email", p.email, f, L[3], p.email)
        if p.phone:
            raw = fmt_ee(p.phone, rng)
            lines.append(f"{L[4]}: {raw}")
            p.xid("phone", p.phone, f, L[4], raw)
        if p.cards and rng.random() < 0.5:
            card = sorted(p.cards.values())[0]
            lines.append(f"{L[5]}: {card}")
            p.xid("loyalty_card", card, f, L[5], card)
        lines += ["", L[6].format(o=order), "", "-- ", "Klienditeenindus / Customer service"]
        c.write_text(f, "\n".join(lines) + "\n", crlf=rng.random() < 0.3)
    for p in P:
        p.name = f"{p.first} {p.last}"
    return c.finish({"not_exposed": ["iban", "payment_card", "credentials", "prescription"]})


# ----------------------------------------------------------------------------------------
# case 2: genetic testing laboratory (Estonia)
# ----------------------------------------------------------------------------------------

PROVIDERS = [("Läänemere Kliinik", "EE"), ("Emajõe Haigla SA", "EE"), ("Kesklinna Perearstikeskus OÜ", "EE"),
             ("Fertilitas Kliinik", "EE"), ("Pärnu Ranna Haigla", "EE"), ("Ida-Viru Tervisekeskus", "EE"),
             ("Saaremaa Perearstid OÜ", "EE"), ("Naistekliinik Elu", "EE"), ("Lastehaigla Päike", "EE"),
             ("Meditsiinikeskus Kalju", "EE"), ("Rīgas Ģimenes Klīnika", "LV"), ("Vilniaus Šeimos Klinika", "LT"),
             ("Helsingin Hedelmällisyysklinikka Oy", "FI"), ("Stockholms Fertilitetsklinik AB", "SE")]
TESTS = [("BRCA12", "BRCA1/BRCA2 geenide järjestamine", "BRCA1/BRCA2 gene sequencing", "Z80.3",
          "Perekonnas esinenud rinnanäärme pahaloomuline kasvaja", "Family history of malignant neoplasm of breast"),
         ("CFTR", "CFTR geeni analüüs", "CFTR gene analysis", "Z31.5", "Geneetiline nõustamine", "Genetic counselling"),
         ("PGT-A", "Embrüote aneuploidsuse test", "Preimplantation aneuploidy testing", "N97.9",
          "Naise viljatus, täpsustamata", "Female infertility, unspecified"),
         ("EXOME", "Kliiniline eksoom", "Clinical exome", "Q87.8", "Muud kaasasündinud väärarendite sündroomid",
          "Other specified congenital malformation syndromes"),
         ("HFE", "Hemokromatoosi geenitest", "Haemochromatosis gene test", "E83.1", "Rauaainevahetuse häire",
          "Disorder of iron metabolism"),
         ("NIPT", "Mitteinvasiivne sünnieelne test", "Non-invasive prenatal test", "O09.5", "Vanemaealise esmasraseda jälgimine",
          "Supervision of elderly primigravida")]
VARIANTS = [("BRCA2", "c.5946delT", "p.Ser1982fs", "heterosügootne", "patogeenne"),
            ("BRCA1", "c.5266dupC", "p.Gln1756fs", "heterosügootne", "patogeenne"),
            ("CFTR", "c.1521_1523delCTT", "p.Phe508del", "heterosügootne", "patogeenne"),
            ("HFE", "c.845G>A", "p.Cys282Tyr", "homosügootne", "patogeenne"),
            ("MUTYH", "c.536A>G", "p.Tyr179Cys", "heterosügootne", "tõenäoliselt patogeenne"),
            ("-", "-", "-", "-", "kliiniliselt olulisi variante ei tuvastatud")]


def slug(s):
    return "".join(ch if ch.isalnum() else "_" for ch in asciify(s)).strip("_").lower()[:30]


def case2(root, rng):
    c = Case("case2_ee_genetic_lab", root, rng,
             "Estonian genetic lab: ~10 files per person, ordering providers as controllers, pseudonymous sample-only files.")
    used_ids, used_emails, used_names, used_samples = set(), set(), set(), set()
    n = rng.randint(120, 160)
    nat_lang = {"EE": "et", "LV": "lv", "LT": "lt", "FI": "fi", "SE": "sv"}
    for _ in range(n):
        nat = wchoice(rng, [("EE", 80), ("LV", 6), ("LT", 5), ("FI", 6), ("SE", 3)])
        male = rng.random() < 0.35
        dob = rand_date(rng, 1950, 2004)
        lang = nat_lang[nat] if nat != "EE" else wchoice(rng, [("et", 75), ("ru", 25)])
        first, last = make_name(rng, lang, male)
        while (first, last) in used_names:
            first, last = make_name(rng, lang, male)
        used_names.add((first, last))
        p = c.person(name=f"{first} {last}", first=first, last=last, lang=lang, male=male, dob=dob, nat=nat)
        if nat in ("EE", "LT"):
            p.idtype = "ee_isikukood" if nat == "EE" else "lt_asmens_kodas"
            p.idcode = unique(rng, used_ids, lambda: ee_code(dob, male, rng.randrange(1000)))
        elif nat == "LV":
            p.idtype = "lv_personas_kods"
            p.idcode = unique(rng, used_ids, lambda: lv_code(dob, rng.randrange(1000)))
        elif nat == "FI":
            p.idtype = "fi_hetu"
            p.idcode = unique(rng, used_ids, lambda: fi_hetu(dob, male, rng))
        else:
            p.idtype = "se_personnummer"
            p.idcode = unique(rng, used_ids, lambda: se_pnr(dob, male, rng))
        cc = {"EE": "372", "LV": "371", "LT": "370", "FI": "358", "SE": "46"}[nat]
        if nat == "EE":
            p.phone = ee_mobile(rng)
        elif nat == "LV":
            p.phone = "+3712" + "".join(str(rng.randrange(10)) for _ in range(7))
        elif nat == "LT":
            p.phone = "+3706" + "".join(str(rng.randrange(10)) for _ in range(7))
        elif nat == "FI":
            p.phone = fi_mobile(rng)
        else:
            p.phone = "+467" + rng.choice("0236") + "".join(str(rng.randrange(10)) for _ in range(7))
        p.cc = cc
        if rng.random() > 0.7:
            p.phone = None
        tld = {"EE": "ee", "LV": "lv", "LT": "lt", "FI": "fi", "SE": "se"}[nat]
        p.email = make_email(rng, first, last, [f"example.{tld}", "example.com"], used_emails, dob.year) if rng.random() < 0.55 else None
        prov = [pr for pr in PROVIDERS if pr[1] == nat] if nat != "EE" else [pr for pr in PROVIDERS if pr[1] == "EE"]
        p.orders = [rng.choice(prov)]
        if rng.random() < 0.2:
            p.orders.append(rng.choice(prov))
    # mother + child pairs sharing contact phone/e-mail
    ee_adult_f = [p for p in c.persons if p.nat == "EE" and not p.male and p.dob.year < 1995]
    for mother in ee_adult_f[:9]:
        male = rng.random() < 0.5
        dob = rand_date(rng, 2012, 2022)
        first, _ = make_name(rng, "et", male)
        ch = c.person(name=f"{first} {mother.last}", first=first, last=mother.last, lang=mother.lang, male=male, dob=dob,
                      nat="EE", idtype="ee_isikukood", cc="372", note=f"child; shares contact phone/e-mail with {mother.tid}")
        ch.idcode = unique(rng, used_ids, lambda: ee_code(dob, male, rng.randrange(1000)))
        if not mother.phone:
            mother.phone = ee_mobile(rng)
        if not mother.email:
            mother.email = make_email(rng, mother.first, mother.last, ["example.ee"], used_emails)
        ch.phone, ch.email = mother.phone, mother.email
        ch.contact_label = True
        ch.orders = [("Lastehaigla Päike", "EE")]
        mother.note = f"mother; shares contact phone/e-mail with {ch.tid}"

    def fmt_phone(p):
        if p.nat == "EE":
            return fmt_ee(p.phone, rng)
        if p.nat == "FI":
            return fmt_fi(p.phone, rng)
        if p.nat == "LT":
            return rng.choice(["+370 " + p.phone[4:7] + " " + p.phone[7:], "8 " + p.phone[4:7] + " " + p.phone[7:], p.phone])
        if p.nat == "LV":
            return rng.choice(["+371 " + p.phone[4:], p.phone[4:], "+371 " + p.phone[4:8] + " " + p.phone[8:]])
        return rng.choice(["+46 " + p.phone[3:5] + "-" + p.phone[5:8] + " " + p.phone[8:10] + " " + p.phone[10:],
                           "0" + p.phone[3:5] + "-" + p.phone[5:8] + " " + p.phone[8:10] + " " + p.phone[10:]])

    def id_raw(p):
        if p.idtype == "se_personnummer" and rng.random() < 0.5:
            return ("19" if p.dob.year < 2000 else "20") + p.idcode
        return p.idcode

    invoices = {}
    runsheets = {}
    provider_mail = []
    seq = 4000
    for p in list(c.persons):
        for prov, pc in p.orders:
            p.ctrl(prov)
            seq += rng.randrange(1, 30)
            year = rng.choice([2021, 2022, 2023])
            order = f"G{year}-{seq:05d}"
            sample = unique(rng, used_samples, lambda: f"S{year % 100}-{rng.randrange(100000, 999999)}")
            test = rng.choice(TESTS if p.dob.year < 2005 else TESTS[1:2] + TESTS[3:4])
            var = rng.choice(VARIANTS)
            foreign = p.nat != "EE"
            ps = slug(prov)
            # 1. referral
            f = f"saatekirjad/{ps}/{order}.txt"
            lab = {"EE": ("SAATEKIRI", "Patsient", "Isikukood", "Sünniaeg", "Telefon", "E-post", "Diagnoos", "Suunav arst", "Asutus"),
                   "LV": ("NOSŪTĪJUMS", "Pacients", "Personas kods", "Dzimšanas datums", "Tālrunis", "E-pasts", "Diagnoze", "Nosūtītājs", "Iestāde"),
                   "LT": ("SIUNTIMAS", "Pacientas", "Asmens kodas", "Gimimo data", "Tel.", "El. paštas", "Diagnozė", "Siuntęs gydytojas", "Įstaiga"),
                   "FI": ("LÄHETE", "Potilas", "Henkilötunnus", "Syntymäaika", "Puhelin", "Sähköposti", "Diagnoosi", "Lähettävä lääkäri", "Yksikkö"),
                   "SE": ("REMISS", "Patient", "Personnummer", "Födelsedatum", "Telefon", "E-post", "Diagnos", "Remitterande läkare", "Enhet")}[p.nat]
            raw = id_raw(p)
            doc_first, doc_last = make_name(rng, "et" if not foreign else nat_lang[p.nat], rng.random() < 0.5)
            lines = [lab[0], f"{lab[8]}: {prov}", "", f"{lab[1]}: {p.name}", f"{lab[2]}: {raw}",
                     f"{lab[3]}: {p.dob:%d.%m.%Y}"]
            p.x("name", f, lab[1])
            p.xid(p.idtype, p.idcode, f, lab[2], raw)
            p.x("date_of_birth", f, lab[3])
            if p.phone:
                r = fmt_phone(p)
                lines.append(f"{'Kontakttelefon (ema)' if getattr(p, 'contact_label', False) else lab[4]}: {r}")
                p.xid("phone", p.phone, f, lab[4], r)
            if p.email:
                lines.append(f"{lab[5]}: {p.email}")
                p.xid("email", p.email, f, lab[5], p.email)
            dx = f"{test[3]} {test[4] if not foreign else test[5]}"
            lines += [f"{lab[6]}: {dx}", f"{'Uuring' if not foreign else 'Test'}: {test[0]} {test[1] if not foreign else test[2]}",
                      f"{lab[7]}: dr {doc_first} {doc_last} (D{rng.randrange(10000, 99999)})",
                      f"{'Kuupäev' if not foreign else 'Date'}: {rand_date(rng, year, year):%d.%m.%Y}"]
            p.x("health_data", f, lab[6])
            c.decoy("doctor_name", f"{doc_first} {doc_last}", f, lab[7], "ordering physician, not a data subject of the results")
            c.write_text(f, "\n".join(lines) + "\n", crlf=rng.random() < 0.4)
            # 2. sample intake JSON
            f = f"lims/proovid/{sample}.json"
            obj = {"sampleId": sample, "orderId": order, "received": f"{rand_ts(rng, year, year):%Y-%m-%dT%H:%M:%S}+02:00",
                   "material": rng.choice(["veri EDTA", "sülg", "DNA"]),
                   "patient": {"idCode": raw, "idCountry": p.nat, "firstName": p.first, "lastName": p.last,
                               "birthDate": p.dob.isoformat(), "sex": "M" if p.male else "F"},
                   "orderingProvider": {"name": prov, "registryCode": str(rng.randrange(10000000, 99999999))},
                   "tests": [{"code": test[0], "name": test[1]}]}
            p.x("name", f, "patient.firstName+lastName")
            p.xid(p.idtype, p.idcode, f, "patient.idCode", raw)
            p.x("date_of_birth", f, "patient.birthDate")
            c.write(f, json.dumps(obj, ensure_ascii=False, indent=2))
            # 3/4. pseudonymous VCF + variant table
            c.write_text(f"lims/vcf/{sample}.vcf", vcf_text(rng, sample, var))
            c.write_csv(f"lims/variandid/{sample}_variants.tsv", ["sample_id", "gene", "hgvs_c", "hgvs_p", "zygosity", "classification", "depth"],
                        [[sample, var[0], var[1], var[2], var[3], var[4], rng.randrange(30, 300)]], delim="\t")
            # 5. result report (genetic data)
            f = f"vastused/{order}_{'vastus' if not foreign else 'report'}.txt"
            if not foreign:
                lines = ["GEENITESTI VASTUS", f"Tellija: {prov}", f"Tellimus: {order}   Proov: {sample}", "",
                         f"Patsient: {p.last.upper()}, {p.first}", f"Isikukood: {p.idcode}", "",
                         f"Uuring: {test[1]}", f"Tulemus: {var[0]} {var[1]} ({var[2]}), {var[3]}, {var[4]}" if var[0] != "-"
                         else f"Tulemus: {var[4]}", "", "Vastuse kinnitas: laborigeneetik"]
                p.x("name", f, "Patsient")
                p.xid(p.idtype, p.idcode, f, "Isikukood", p.idcode)
                p.x("genetic_data", f, "Tulemus")
            else:
                lines = ["GENETIC TEST REPORT", f"Ordered by: {prov}", f"Order: {order}   Sample: {sample}", "",
                         f"Patient name: {p.name}", f"Personal ID: {raw}", f"Date of birth: {p.dob:%Y-%m-%d}", "",
                         f"Test: {test[2]}", f"Result: {var[0]} {var[1]} ({var[2]}) {var[3]} - {var[4]}" if var[0] != "-"
                         else "Result: no clinically significant variants detected"]
                p.x("name", f, "Patient name")
                p.xid(p.idtype, p.idcode, f, "Personal ID", raw)
                p.x("date_of_birth", f, "Date of birth")
                p.x("genetic_data", f, "Result")
            c.write_text(f, "\n".join(lines) + "\n")
            # 6. portal JSON
            f = f"portaal/{order}.json"
            c.write(f, json.dumps({"order": order, "patient": {"personal_code": p.idcode, "name": p.name},
                                   "provider": prov, "status": "VALMIS",
                                   "summary": (f"{var[4]}: {var[0]} {var[1]}" if var[0] != "-" else var[4]),
                                   "updated": f"{rand_ts(rng, year, year):%Y-%m-%dT%H:%M:%S}"}, ensure_ascii=True))
            p.xid(p.idtype, p.idcode, f, "patient.personal_code", p.idcode)
            p.x("name", f, "patient.name")
            p.x("genetic_data", f, "summary")
            # 7. consent form
            f = f"nousolekud/{order}_nousolek.txt"
            c.write_text(f, "\n".join(["INFORMEERITUD NÕUSOLEK GENEETILISEKS UURINGUKS", "",
                                      f"Mina, {p.name}, isikukood {p.idcode}, olen nõus, et minu proovist tehakse uuring {test[0]}.",
                                      f"Allkiri: ____________   Kuupäev: {rand_date(rng, year, year):%d.%m.%Y}"]) + "\n")
            p.x("name", f, "Mina, …")
            p.xid(p.idtype, p.idcode, f, "isikukood (in sentence)", p.idcode)
            # 8. invoices / 9. run sheets
            month = rng.randrange(1, 13)
            inv = f"{year}{month:02d}{rng.randrange(1000, 9999)}"
            invoices.setdefault(f"arved/arved_{year}-{month:02d}.csv", []).append(
                [inv, f"{rand_date(rng, year, year):%d.%m.%Y}", prov, sample, p.idcode, test[0], f"{rng.uniform(150, 1200):.2f}"])
            c.decoy("invoice_number", inv, f"arved/arved_{year}-{month:02d}.csv", "Arve nr")
            p.xid(p.idtype, p.idcode, f"arved/arved_{year}-{month:02d}.csv", "Patsiendi isikukood", p.idcode)
            runsheets.setdefault(f"sekveneerimine/run_{year}_{rng.randrange(1, 9)}.csv", []).append(sample)
            if rng.random() < 0.2:
                provider_mail.append((p, prov, order))
    # research / anonymised samples only carrying a sample id
    for i in range(rng.randint(15, 25)):
        year = rng.choice([2021, 2022, 2023])
        sample = unique(rng, used_samples, lambda: f"S{year % 100}-{rng.randrange(100000, 999999)}")
        var = rng.choice(VARIANTS)
        c.write(f"lims/proovid/{sample}.json", json.dumps({"sampleId": sample, "cohort": "BIOPANK-R2", "sex": rng.choice("MF"),
                                                           "birthYear": rng.randrange(1950, 2000), "tests": [{"code": "EXOME"}]}, indent=2))
        c.write_text(f"lims/vcf/{sample}.vcf", vcf_text(rng, sample, var))
        c.write_csv(f"lims/variandid/{sample}_variants.tsv", ["sample_id", "gene", "hgvs_c", "hgvs_p", "zygosity", "classification", "depth"],
                    [[sample, var[0], var[1], var[2], var[3], var[4], rng.randrange(30, 300)]], delim="\t")
        runsheets.setdefault(f"sekveneerimine/run_{year}_{rng.randrange(1, 9)}.csv", []).append(sample)
        c.decoy("pseudonymous_sample_only", sample, f"lims/proovid/{sample}.json", "sampleId")
    for f, rows in sorted(invoices.items()):
        c.write_csv(f, ["Arve nr", "Kuupäev", "Tellija", "Proovi ID", "Patsiendi isikukood", "Uuringu kood", "Summa"], rows, delim=";")
    for f, samples in sorted(runsheets.items()):
        rows = [[s, f"{'ABCDEFGH'[i % 8]}{i // 8 + 1:02d}", "".join(rng.choice("ACGT") for _ in range(8)),
                 "".join(rng.choice("ACGT") for _ in range(8)), f"{rng.uniform(5, 80):.1f}"] for i, s in enumerate(samples)]
        c.write_csv(f, ["Sample_ID", "Well", "Index1", "Index2", "Conc_ng_ul"], rows)
    # master patient list (one 'isikukood' column for every country's ID, plus a country column)
    rows = []
    for p in c.persons:
        f = "lims/patsiendid.csv"
        raw = id_raw(p)
        ph = fmt_phone(p) if p.phone else ""
        rows.append([raw, p.first, p.last, p.dob.strftime("%d.%m.%Y"), "M" if p.male else "N", ph, p.email or "", p.nat])
        p.xid(p.idtype, p.idcode, f, "isikukood", raw)
        p.x("name", f, "eesnimi+perenimi")
        p.x("date_of_birth", f, "sünniaeg")
        if p.phone:
            p.xid("phone", p.phone, f, "telefon", ph)
        if p.email:
            p.xid("email", p.email, f, "e-post", p.email)
    rng.shuffle(rows)
    c.write_csv("lims/patsiendid.csv", ["isikukood", "eesnimi", "perenimi", "sünniaeg", "sugu", "telefon", "e-post", "riik"], rows)
    # provider e-mails asking about results
    for i, (p, prov, order) in enumerate(provider_mail):
        f = f"kirjad/paring_{i + 1:03d}.txt"
        sender = f"registratuur@{slug(prov)[:12]}.example.ee"
        body = [f"From: {sender}", "To: info@geenilabor.example.ee", f"Subject: Päring – tellimus {order}",
                f"Date: {rand_ts(rng, 2023, 2023):%a, %d %b %Y %H:%M:%S} +0200", "",
                "Tere,", "", f"palun saatke patsiendi {p.name} (isikukood {p.idcode}) uuringu vastus.",
                "Patsient helistas ja soovib teada, millal vastus valmib.", "", "Lugupidamisega", "Registratuur", prov]
        c.write_text(f, "\n".join(body) + "\n")
        p.x("name", f, "body")
        p.xid(p.idtype, p.idcode, f, "body 'isikukood'", p.idcode)
        c.decoy("role_email", sender, f, "From", "provider front-desk mailbox, not a patient")
    for p in c.persons:
        p.opt["lab_result"] = "genetic test results may also be counted as lab results"
        p.dob_in_id = True
    return c.finish()


def vcf_text(rng, sample, var):
    lines = ["##fileformat=VCFv4.2", f"##fileDate={rng.randrange(2021, 2024)}{rng.randrange(1, 13):02d}{rng.randrange(1, 28):02d}",
             "##source=GeeniPipe v3.1", "##reference=GRCh38",
             '##INFO=<ID=DP,Number=1,Type=Integer,Description="Total Depth">',
             '##FORMAT=<ID=GT,Number=1,Type=String,Description="Genotype">',
             "\t".join(["#CHROM", "POS", "ID", "REF", "ALT", "QUAL", "FILTER", "INFO", "FORMAT", sample])]
    for _ in range(rng.randint(5, 15)):
        chrom = rng.choice(["chr13", "chr17", "chr7", "chr6", "chr1"])
        pos = rng.randrange(10000000, 99999999)
        lines.append("\t".join([chrom, str(pos), rng.choice([".", f"rs{rng.randrange(10**6, 10**9)}"]), rng.choice("ACGT"),
                                rng.choice("ACGT"), str(rng.randrange(50, 999)), "PASS", f"DP={rng.randrange(20, 300)}", "GT", rng.choice(["0/1", "1/1"])]))
    return "\n".join(lines) + "\n"


# ----------------------------------------------------------------------------------------
# case 3: logistics processor of home deliveries (Finland)
# ----------------------------------------------------------------------------------------

REGIONS = [  # controller, weight, places [(city, city_sv, [postcodes])], sv share, slug, landline area
    ("Päijät-Hämeen hyvinvointialue", 62, [("Lahti", None, ["15100", "15140", "15500", "15700"]), ("Heinola", None, ["18100"]),
                                            ("Hollola", None, ["15870"])], 0.02, "paijat-hame", "3"),
    ("Pohjois-Karjalan hyvinvointialue", 50, [("Joensuu", None, ["80100", "80200", "80130"]), ("Lieksa", None, ["81700"])], 0.01,
     "pohjois-karjala", "13"),
    ("Itä-Uudenmaan hyvinvointialue", 33, [("Porvoo", "Borgå", ["06100", "06150"]), ("Loviisa", "Lovisa", ["07900"])], 0.45,
     "ita-uusimaa", "19"),
    ("Länsi-Uudenmaan hyvinvointialue", 98, [("Espoo", "Esbo", ["02100", "02230", "02600"]), ("Lohja", "Lojo", ["08100"]),
                                              ("Raasepori", "Raseborg", ["10600", "10300"])], 0.25, "lansi-uusimaa", "9"),
    ("Kymenlaakson hyvinvointialue", 76, [("Kotka", None, ["48100", "48600"]), ("Kouvola", None, ["45100", "45200"])], 0.02,
     "kymenlaakso", "5"),
    ("Keski-Uudenmaan hyvinvointialue", 40, [("Hyvinkää", None, ["05800"]), ("Järvenpää", "Träskända", ["04400"]),
                                              ("Kerava", "Kervo", ["04200"])], 0.05, "keski-uusimaa", "9"),
    ("Helsingin kaupunki", 50, [("Helsinki", "Helsingfors", ["00100", "00530", "00810", "00940"])], 0.12, "helsinki", "9"),
]
SELFPAY = "Hygieniatuote Oy (itse maksavat asiakkaat)"
HEARING = ["Kuulopiste Oy", "Hörselcenter Sund Ab"]
INCO_PRODUCTS = [("INK-1204", "Inkontinenssivaippa L, 28 kpl", "Inkontinensskydd L, 28 st"),
                 ("INK-1102", "Inkontinenssisuoja Normal, 30 kpl", "Inkontinensskydd Normal, 30 st"),
                 ("INK-2210", "Housuvaippa M (Pants), 14 kpl", "Byxblöja M (Pants), 14 st"),
                 ("INK-3300", "Vuodesuoja 60x90, 30 kpl", "Sängskydd 60x90, 30 st"),
                 ("INK-4100", "Virtsankarkailusuoja miehille, 14 kpl", "Inkontinensskydd för män, 14 st")]


def case3(root, rng):
    c = Case("case3_fi_logistics_processor", root, rng,
             "Finnish logistics processor of incontinence-product home deliveries; HETU only for self-payers; many controllers.")
    used_ids, used_emails, used_names, used_phones = set(), set(), set(), set()
    n = rng.randint(260, 340)
    for _ in range(n):
        kind = wchoice(rng, [("region", 80), ("selfpay", 13), ("hearing", 7)])
        reg = wchoice(rng, [(r, r[1]) for r in REGIONS])
        sv = rng.random() < reg[3]
        lang = "sv" if sv else "fi"
        male = rng.random() < 0.45
        dob = rand_date(rng, 1926, 1965) if rng.random() < 0.85 else rand_date(rng, 1966, 2004)
        first, last = make_name(rng, lang, male)
        while (first, last) in used_names:
            first, last = make_name(rng, lang, male)
        used_names.add((first, last))
        p = c.person(name=f"{first} {last}", first=first, last=last, lang=lang, male=male, dob=dob, kind=kind, reg=reg)
        p.addr = fi_address(rng, reg[2], sv)
        r = rng.random()
        p.phone = None
        if r < 0.55:
            p.phone = unique(rng, used_phones, lambda: fi_mobile(rng))
        elif r < 0.88:
            p.phone = unique(rng, used_phones, lambda: fi_landline(rng, reg[5]))
        p.hetu = None
        p.email = None
        p.iban = None
        if kind == "selfpay":
            p.hetu = unique(rng, used_ids, lambda: fi_hetu(dob, male, rng, new_sign=rng.random() < 0.1))
            p.email = make_email(rng, first, last, ["example.fi", "posti.example.fi", "example.com"], used_emails, dob.year) \
                if rng.random() < 0.8 else None
            p.ctrl(SELFPAY)
        elif kind == "hearing":
            p.ctrl(rng.choice(HEARING))
        else:
            p.ctrl(reg[0])
        p.bad_hetu = False
    P = c.persons
    # couples sharing address + landline, no HETU
    regs = [p for p in P if p.kind == "region" and p.phone and len(p.phone) <= 12]
    for a in regs[:10]:
        male = not a.male
        first, _ = make_name(rng, a.lang, male)
        b = c.person(name=f"{first} {a.last}", first=first, last=a.last, lang=a.lang, male=male, dob=rand_date(rng, 1930, 1955),
                     kind="region", reg=a.reg, addr=a.addr, phone=a.phone, hetu=None, email=None, iban=None, bad_hetu=False,
                     note=f"spouse of {a.tid}: same address and landline, no HETU")
        b.ctrl(a.reg[0])
        a.note = f"spouse of {b.tid}: same address and landline, no HETU"
    # persons under two controllers
    regs = [p for p in P if p.kind == "region" and not p.__dict__.get("note")]
    for p in regs[20:32]:
        p.second = rng.choice(HEARING)
        p.ctrl(p.second)
        p.note = "under two controllers (region + hearing-aid company)"
    for p in [q for q in P if q.kind == "region" and q.reg[0] == "Helsingin kaupunki" and not q.__dict__.get("note")][:4]:
        p.second = "HUS-yhtymä"
        p.ctrl(p.second)
        p.note = "under two controllers (City of Helsinki + HUS), two customer numbers"
    # self-payers: some refunds with IBAN; a few typo'd HETUs
    sp = [p for p in P if p.kind == "selfpay"]
    for p in sp:
        if rng.random() < 0.35:
            p.iban = fi_iban(rng)
    for p in [q for q in sp if q.email][:3]:
        p.bad_hetu = True
        p.note = "HETU only appears with a wrong check character"

    def ph(p, style=None):
        return fmt_fi(p.phone, rng, style)

    # ---- WMS customer register
    rows, cust_no = [], {}
    no = 100000
    for p in P:
        if p.kind == "hearing":
            continue
        ctrls = [p.reg[0] if p.kind == "region" else SELFPAY] + ([p.second] if p.__dict__.get("second") == "HUS-yhtymä" else [])
        for ctrl in ctrls:
            no += rng.randrange(1, 40)
            cust_no.setdefault(p.tid, []).append(str(no))
            f = "WMS_export/asiakkaat.csv"
            r = ph(p) if p.phone else ""
            hv = ""
            if p.hetu:
                if p.bad_hetu:
                    hv = wrong_check(p.hetu)
                    c.decoy("fi_hetu_bad_checksum", hv, f, "Henkilötunnus", "typo of " + p.tid)
                else:
                    hv = p.hetu
                    p.xid("fi_hetu", hv, f, "Henkilötunnus", hv)
            if p.phone:
                p.xid("phone", p.phone, f, "Puhelin", r)
            p.x("name", f, "Sukunimi+Etunimi")
            p.x("postal_address", f, "Katuosoite+Postinumero+Postitoimipaikka")
            extra = ""
            if rng.random() < 0.15:
                extra = f"Ovikoodi {rng.randrange(1000, 9999)}{rng.choice('AB')}; soita ennen toimitusta\n2. kerros, ei hissiä"
                p.x("delivery_info", f, "Lisätiedot")
            rows.append([str(no), p.last, p.first, p.addr["street"], p.addr["postcode"], p.addr["city"].upper(), r, hv, ctrl,
                         "ruotsi" if p.lang == "sv" else "suomi", rand_ts(rng, 2015, 2022).strftime("%d.%m.%Y"), extra])
    c.write_csv("WMS_export/asiakkaat.csv", ["Asiakasnumero", "Sukunimi", "Etunimi", "Katuosoite", "Postinumero",
                                             "Postitoimipaikka", "Puhelin", "Henkilötunnus", "Tilaaja", "Asiointikieli",
                                             "Luotu", "Lisätiedot"], rows, delim=";", crlf=True, bom=True)
    # ---- order lines (join only through the customer number)
    rows = []
    for p in P:
        for cn in cust_no.get(p.tid, []):
            for _ in range(rng.randint(1, 4)):
                code, pfi, psv = rng.choice(INCO_PRODUCTS)
                on = str(rng.randrange(20000000, 29999999))
                rows.append([on, cn, code, ean13(rng, "6414"), pfi, rng.randint(1, 6), "ps",
                             rand_date(rng, 2022, 2023).strftime("%d.%m.%Y"), f"R{rng.randrange(1, 40):02d}"])
                p.opt["purchase_history"] = "order lines of deliveries (paid by region or self)"
    rng.shuffle(rows)
    c.write_csv("WMS_export/tilausrivit.csv", ["Tilausnumero", "Asiakasnumero", "Tuotekoodi", "EAN", "Tuotenimi", "Määrä",
                                                "Yksikkö", "Toimituspäivä", "Reitti"], rows)
    c.write_csv("WMS_export/tuotteet.csv", ["Tuotekoodi", "EAN", "Nimi", "Kategoria"],
                [[code, ean13(rng, "6414"), pfi, "Inkontinenssi"] for code, pfi, _ in INCO_PRODUCTS], delim=";")
    # ---- route sheets (plain text)
    routes = {}
    for p in P:
        if p.kind != "region":
            continue
        for _ in range(rng.randint(1, 3)):
            d = rand_date(rng, 2023, 2023)
            key = (p.reg[4], d.strftime("%Y-%m-%d"), rng.randrange(1, 4))
            routes.setdefault(key, []).append(p)
    for (rs, d, rn), people in sorted(routes.items()):
        f = f"Kuljetus/ajolistat/{d}_{rs}_reitti{rn}.txt"
        sv = rs == "ita-uusimaa"
        L = ("Körlista", "Stopp", "Kund", "Adress", "Tfn", "Portkod", "Produkter", "Obs") if sv else \
            ("Ajolista", "Pysäkki", "Asiakas", "Osoite", "Puh", "Ovikoodi", "Tuotteet", "Huom")
        out = [f"{L[0]} {d} – reitti {rs.upper()}-{rn}", f"Auto: {rng.choice('ABCGKL')}{rng.choice('ABCDEFGHIJKLM')}{rng.choice('ABCDEFGHIJKLM')}-{rng.randrange(100, 999)}", ""]
        for i, p in enumerate(people, 1):
            code, pfi, psv = rng.choice(INCO_PRODUCTS)
            nm = f"{p.last} {p.first}" if rng.random() < 0.7 else f"{p.last.upper()} {p.first.upper()}"
            out += [f"{L[1]} {i}", f"{L[2]}: {nm}", f"{L[3]}: {p.addr['street']}, {p.addr['postcode']} {p.addr['city'].upper()}"]
            p.x("name", f, L[2])
            p.x("postal_address", f, L[3])
            p.x("health_data", f, L[6] + " (inferred from incontinence products)")
            p.x("delivery_info", f, "route stop")
            if p.phone:
                r = ph(p)
                out.append(f"{L[4]}: {r}")
                p.xid("phone", p.phone, f, L[4], r)
            dc = f"{rng.randrange(1000, 9999)}{rng.choice('AB')}"
            if rng.random() < 0.4:
                out.append(f"{L[5]}: {dc}")
            out.append(f"{L[6]}: {rng.randint(1, 4)} x {psv if sv else pfi}")
            if rng.random() < 0.3:
                out.append(f"{L[7]}: {'Lämna vid dörren' if sv else 'Jätä ovelle, asiakas huonokuuloinen'}")
            out.append("")
        c.write_text(f, "\n".join(out), crlf=True)
    # ---- per-controller delivery reports
    byreg = {}
    for p in P:
        if p.kind == "region" and rng.random() < 0.7:
            byreg.setdefault(p.reg[4], (p.reg, []))[1].append(p)
    for _, (reg, people) in sorted(byreg.items()):
        rows = []
        sv = reg[4] == "ita-uusimaa"
        f = f"Raportit/{reg[4]}_toimitukset_2023-01.{'tsv' if sv else 'csv'}"
        for p in people:
            code, pfi, psv = rng.choice(INCO_PRODUCTS)
            r = ph(p) if p.phone else ""
            rows.append([p.name, p.addr["street"], p.addr["postcode"], p.addr["city"], r, psv if sv else pfi, rng.randint(1, 6),
                         rand_date(rng, 2023, 2023).strftime("%d.%m.%Y")])
            p.x("name", f, "Namn" if sv else "Nimi")
            p.x("postal_address", f, "Adress" if sv else "Osoite")
            if p.phone:
                p.xid("phone", p.phone, f, "Telefon" if sv else "Puhelin", r)
            p.x("health_data", f, "Produkt" if sv else "Tuote")
            p.x("delivery_info", f, "Levererad" if sv else "Toimitettu")
        hdr = ["Namn", "Adress", "Postnummer", "Postort", "Telefon", "Produkt", "Antal", "Levererad"] if sv else \
            ["Nimi", "Osoite", "Postinumero", "Toimipaikka", "Puhelin", "Tuote", "Määrä", "Toimitettu"]
        c.write_csv(f, hdr, rows, delim="\t" if sv else "|")
    # ---- web shop (self-payers)
    lines = []
    for p in sp:
        for k in range(rng.randint(1, 3)):
            f = "Verkkokauppa/tilaukset.ndjson"
            cust = {"nimi": p.name}
            p.x("name", f, "asiakas.nimi")
            if p.hetu and not p.bad_hetu and (k == 0 or rng.random() < 0.5):
                cust["hetu"] = p.hetu
                p.xid("fi_hetu", p.hetu, f, "asiakas.hetu", p.hetu)
            if p.email:
                cust["sähköposti"] = email_variant(rng, p.email)
                p.xid("email", p.email, f, "asiakas.sähköposti", cust["sähköposti"])
            if p.phone:
                cust["puhelin"] = ph(p, "+358{ac}{sub}" if rng.random() < 0.6 else None)
                p.xid("phone", p.phone, f, "asiakas.puhelin", cust["puhelin"])
            code, pfi, psv = rng.choice(INCO_PRODUCTS)
            lines.append(json.dumps({"tilaus_id": f"W-{rng.randrange(100000, 999999)}",
                                     "luotu": f"{rand_ts(rng, 2022, 2023):%Y-%m-%dT%H:%M:%S}+02:00", "asiakas": cust,
                                     "toimitusosoite": {"katu": p.addr["street"], "postinumero": p.addr["postcode"],
                                                        "kaupunki": p.addr["city"]},
                                     "rivit": [{"tuote": pfi, "ean": ean13(rng, "6414"), "kpl": rng.randint(1, 4),
                                                "hinta": round(rng.uniform(9, 60), 2)}],
                                     "maksutapa": rng.choice(["lasku", "verkkopankki", "kortti"])}, ensure_ascii=False))
            p.x("postal_address", f, "toimitusosoite")
            p.x("health_data", f, "rivit.tuote (inferred)")
            p.x("delivery_info", f, "toimitusosoite")
    rng.shuffle(lines)
    c.write("Verkkokauppa/tilaukset.ndjson", "\n".join(lines) + "\n")
    # customer-service exports of self-payers (fi and sv headers)
    fi_rows, sv_rows = [], []
    for p in sp:
        if rng.random() > 0.5:
            continue
        sv = p.lang == "sv"
        f = "Verkkokauppa/kundtjanst_sv.csv" if sv else "Verkkokauppa/asiakaspalvelu_export.csv"
        hv = ""
        if p.hetu and not p.bad_hetu:
            hv = p.hetu
            p.xid("fi_hetu", hv, f, "Personbeteckning" if sv else "hetu", hv)
        em = p.email or ""
        if em:
            p.xid("email", p.email, f, "E-post" if sv else "sähköposti", em)
        r = ph(p) if p.phone else ""
        if r:
            p.xid("phone", p.phone, f, "Telefon" if sv else "puhelin", r)
        p.x("name", f, "Namn" if sv else "nimi")
        (sv_rows if sv else fi_rows).append([hv, p.name, em, r, rand_ts(rng, 2022, 2023).strftime("%d.%m.%Y %H.%M")])
    c.write_csv("Verkkokauppa/asiakaspalvelu_export.csv", ["hetu", "nimi", "sähköposti", "puhelin", "yhteydenotto"], fi_rows)
    c.write_csv("Verkkokauppa/kundtjanst_sv.csv", ["Personbeteckning", "Namn", "E-post", "Telefon", "Kontakt"], sv_rows, delim=";")
    refunds = []
    for p in sp:
        if not p.iban:
            continue
        f = "Verkkokauppa/hyvitykset.json"
        raw = group4(p.iban) if rng.random() < 0.6 else p.iban
        rec = {"id": f"H-{rng.randrange(10000, 99999)}", "saaja": p.name, "IBAN": raw, "BIC": rng.choice(["OKOYFIHH", "NDEAFIHH"]),
               "summa": f"{rng.uniform(5, 90):.2f}".replace(".", ","), "syy": "Palautettu tuote"}
        if p.hetu and not p.bad_hetu:
            rec["asiakas_hetu"] = p.hetu
            p.xid("fi_hetu", p.hetu, f, "asiakas_hetu", p.hetu)
        p.xid("iban", p.iban, f, "IBAN", raw)
        p.x("name", f, "saaja")
        refunds.append(rec)
    c.write("Verkkokauppa/hyvitykset.json", json.dumps({"hyvitykset": refunds, "luotu": "2023-03-01T08:00:00+02:00"},
                                                      ensure_ascii=False, indent=1))
    # ---- hearing-aid battery deliveries
    rows = []
    for p in P:
        hear = p.kind == "hearing" or p.__dict__.get("second") in HEARING
        if not hear:
            continue
        f = "Kuulokeskus/paristotoimitukset.tsv"
        r = ph(p) if p.phone else ""
        comp = p.__dict__.get("second") or p.controllers[0]
        rows.append([p.name, p.addr["street"], p.addr["postcode"], p.addr["city"], r,
                     rng.choice(["Oticon More 1 miniRITE", "Phonak Audéo P90", "Signia Pure 7X"]), rng.choice(["312", "13", "675"]),
                     rand_date(rng, 2022, 2023).strftime("%Y-%m-%d"), comp])
        p.x("name", f, "Asiakas")
        p.x("postal_address", f, "Lähiosoite")
        if p.phone:
            p.xid("phone", p.phone, f, "Puhelin", r)
        p.x("health_data", f, "Kuulokoje (hearing aid)")
        p.x("delivery_info", f, "Toimitus")
    c.write_csv("Kuulokeskus/paristotoimitukset.tsv", ["Asiakas", "Lähiosoite", "Postinro", "Kaupunki", "Puhelin", "Kuulokoje",
                                                        "Paristo", "Toimitus", "Asiakkuus"], rows, delim="\t")
    # ---- coordinator e-mails (plain text, fi / sv)
    regp = [p for p in P if p.kind == "region"]
    for i, p in enumerate(rng.sample(regp, min(20, len(regp)))):
        f = f"Sähköposti/viesti_{i + 1:03d}.txt"
        sv = p.lang == "sv"
        sender = f"hoitotarvikejakelu@{p.reg[4]}.example.fi"
        c.decoy("role_email", sender, f, "From")
        give_hetu = rng.random() < 0.5
        if give_hetu and not p.hetu:
            p.hetu = unique(rng, used_ids, lambda: fi_hetu(p.dob, p.male, rng))
        newaddr = fi_address(rng, p.reg[2], sv)
        lines = [f"From: {sender}", "To: asiakaspalvelu@logistiikka.example.fi",
                 f"Subject: {'Adressändring' if sv else 'Osoitteenmuutos'}", ""]
        if sv:
            lines += ["Hej,", "", f"Kunden {p.name}" + (f" (personbeteckning {p.hetu})" if give_hetu else "") + " har flyttat.",
                      f"Ny adress: {newaddr['street']}, {newaddr['postcode']} {newaddr['city']}"]
        else:
            lines += ["Hei,", "", f"Asiakkaan {p.name}" + (f" (hetu {p.hetu})" if give_hetu else "") + " osoite on muuttunut.",
                      f"Uusi osoite: {newaddr['street']}, {newaddr['postcode']} {newaddr['city']}"]
        p.x("name", f, "body")
        p.x("postal_address", f, "Uusi osoite / Ny adress")
        if give_hetu:
            p.xid("fi_hetu", p.hetu, f, "body 'hetu'", p.hetu)
        if p.phone:
            r = ph(p)
            lines.append(f"{'Telefon' if sv else 'Puhelin'}: {r}")
            p.xid("phone", p.phone, f, "Puhelin", r)
        lines += ["", "Ystävällisin terveisin / Med vänliga hälsningar", "Hoitotarvikejakelu", p.reg[0]]
        c.write_text(f, "\n".join(lines) + "\n")
    for p in P:
        if "health_data" in p.exp:
            p.health_reason = "incontinence / hearing-aid products"
    return c.finish()


# ----------------------------------------------------------------------------------------
# case 4: medical laboratory network (Poland), three batches
# ----------------------------------------------------------------------------------------

PL_TESTS = [("Morfologia krwi (HGB)", "g/dl", 11.0, 17.0, "12,0 - 16,0"), ("TSH", "µIU/ml", 0.2, 6.0, "0,27 - 4,20"),
            ("Glukoza", "mg/dl", 60, 160, "70 - 99"), ("Cholesterol całkowity", "mg/dl", 120, 300, "< 190"),
            ("CRP", "mg/l", 0.1, 40, "< 5,0"), ("Witamina D3 (25-OH)", "ng/ml", 8, 80, "30 - 50"),
            ("HbA1c", "%", 4.5, 9.5, "< 5,7"), ("ALT", "U/l", 5, 120, "< 35")]


def case4(root, rng):
    c = Case("case4_pl_lab_batches", root, rng,
             "Polish lab network; stolen data published in three batches (batch1..batch3 subfolders).")
    used_ids, used_emails, used_names = set(), set(), set()
    n = rng.randint(200, 260)
    for _ in range(n):
        ua = rng.random() < 0.07
        male = rng.random() < 0.45
        dob = rand_date(rng, 1940, 2003) if rng.random() < 0.9 else rand_date(rng, 2004, 2020)
        first, last = make_name(rng, "ua" if ua else "pl", male)
        while (first, last) in used_names:
            first, last = make_name(rng, "ua" if ua else "pl", male)
        used_names.add((first, last))
        p = c.person(name=f"{first} {last}", first=first, last=last, lang="uk" if ua else "pl", male=male, dob=dob, ua=ua)
        p.pesel = None if ua else unique(rng, used_ids, lambda: pesel(dob, male, rng))
        p.addr = pl_address(rng)
        p.phone = ("+38067" + "".join(str(rng.randrange(10)) for _ in range(7))) if ua else pl_mobile(rng)
        p.email = make_email(rng, first, last, ["example.pl", "poczta.example.pl", "example.com"], used_emails, dob.year)
        p.iban = pl_iban(rng) if (not ua and rng.random() < 0.12) else None
        p.b0 = wchoice(rng, [(1, 50), (2, 30), (3, 20)])
        p.ctrl("ALAB-like laboratorium (controller)")
    P = c.persons
    LAB_NIP = nip(rng)
    reports = {1: [], 2: [], 3: []}
    pat_rows, json_orders, contacts, nd_lines, refunds = [], [], [], [], []

    def pl_order_no():
        if rng.random() < 0.05:
            v = pesel(rand_date(rng, 1950, 2000), rng.random() < 0.5, rng)
            return v, True
        return str(rng.randrange(10**10, 10**11)), False

    for p in P:
        appear = {p.b0}
        for b in (2, 3):
            if b > p.b0 and rng.random() < 0.45 and not p.ua:
                appear.add(b)
        for b in sorted(appear):
            first_time = b == p.b0
            if p.ua:
                reports[b].append((p, {"addr": first_time, "phone": True}))
                continue
            if b == 1:
                if rng.random() < 0.65:
                    reports[1].append((p, {"addr": rng.random() < 0.5}))
                else:
                    pat_rows.append(p)
            elif b == 2:
                if rng.random() < 0.55:
                    json_orders.append(p)
                else:
                    reports[2].append((p, {"addr": rng.random() < 0.5}))
            else:
                r = rng.random()
                if r < 0.45:
                    contacts.append(p)
                elif r < 0.85:
                    nd_lines.append(p)
                else:
                    reports[3].append((p, {"addr": True}))
                if p.iban and rng.random() < 0.8:
                    refunds.append(p)

    def result_lines(k):
        out = []
        for t in rng.sample(PL_TESTS, k):
            v = rng.uniform(t[2], t[3])
            out.append(f"{t[0]:<28}{(f'{v:.2f}').replace('.', ','):>8} {t[1]:<8} {t[4]}")
        return out

    for b in (1, 2, 3):
        for p, opts in reports[b]:
            order, fake = pl_order_no()
            f = f"batch{b}/wyniki/{order}.txt"
            if fake:
                c.decoy("order_number_valid_pesel_shape", order, f, "Nr zlecenia")
            nm = f"{p.last.upper()} {p.first.upper()}" if rng.random() < 0.5 else p.name
            lines = ["LABORATORIUM DIAGNOSTYCZNE – SPRAWOZDANIE Z BADAŃ", f"NIP: {LAB_NIP}   REGON: {rng.randrange(10**8, 10**9)}",
                     f"Nr zlecenia: {order}", f"Data pobrania: {rand_ts(rng, 2017, 2023):%Y-%m-%d %H:%M}", "",
                     f"Pacjent: {nm}"]
            c.decoy("nip", LAB_NIP, f, "NIP")
            p.x("name", f, "Pacjent")
            if p.pesel:
                lines.append(f"PESEL: {p.pesel}")
                p.xid("pl_pesel", p.pesel, f, "PESEL", p.pesel)
            else:
                lines.append(f"Nr paszportu: {rng.choice(['FE', 'FK', 'EA'])}{rng.randrange(100000, 999999)}")
            lines.append(f"Data urodzenia: {p.dob:%d.%m.%Y}")
            p.x("date_of_birth", f, "Data urodzenia")
            if opts.get("addr"):
                lines.append(f"Adres: {p.addr['street']}, {p.addr['postcode']} {p.addr['city']}")
                p.x("postal_address", f, "Adres")
            if opts.get("phone"):
                raw = rng.choice([f"+380 67 {p.phone[6:9]} {p.phone[9:11]} {p.phone[11:]}", p.phone, f"+380 (67) {p.phone[6:]}"])
                lines.append(f"Telefon: {raw}")
                p.xid("phone", p.phone, f, "Telefon", raw)
            lines += ["", f"{'Badanie':<28}{'Wynik':>8} {'Jedn.':<8} Zakres referencyjny"] + result_lines(rng.randint(2, 5)) + \
                     ["", "Autoryzował: diagnosta laboratoryjny nr PWZDL " + str(rng.randrange(1000, 9999))]
            p.x("lab_result", f, "Badanie/Wynik")
            c.write_text(f, "\n".join(lines) + "\n", crlf=rng.random() < 0.5, encoding="utf-8")
    # batch1 patient table (windows-1250, ';', CRLF)
    rows = []
    for p in pat_rows:
        f = "batch1/pacjenci_2019.csv"
        raw = fmt_pl(p.phone, rng)
        rows.append([p.last, p.first, p.pesel, p.dob.strftime("%Y-%m-%d"), p.addr["street"], p.addr["postcode"], p.addr["city"], raw])
        p.x("name", f, "Nazwisko+Imię")
        p.xid("pl_pesel", p.pesel, f, "PESEL", p.pesel)
        p.x("date_of_birth", f, "Data ur.")
        p.x("postal_address", f, "Ulica+Kod+Miejscowość")
        p.xid("phone", p.phone, f, "Telefon", raw)
    c.write_csv("batch1/pacjenci_2019.csv", ["Nazwisko", "Imię", "PESEL", "Data ur.", "Ulica", "Kod", "Miejscowość", "Telefon"],
                rows, delim=";", crlf=True, encoding="cp1250")
    # batch2 orders JSON
    arr = []
    for p in json_orders:
        f = "batch2/zlecenia_2021.json"
        order, fake = pl_order_no()
        if fake:
            c.decoy("order_number_valid_pesel_shape", order, f, "nr_zlecenia")
        tests = []
        for t in rng.sample(PL_TESTS, rng.randint(1, 3)):
            tests.append({"kod": t[0].split()[0].upper()[:6], "nazwa": t[0],
                          "wynik": round(rng.uniform(t[2], t[3]), 2), "jednostka": t[1], "norma": t[4]})
        pat = {"pesel": p.pesel, "imie": p.first, "nazwisko": p.last, "data_urodzenia": p.dob.strftime("%d.%m.%Y")}
        if rng.random() < 0.6:
            pat["adres"] = {"ulica": p.addr["street"], "kod_pocztowy": p.addr["postcode"], "miejscowosc": p.addr["city"]}
            p.x("postal_address", f, "pacjent.adres")
        arr.append({"nr_zlecenia": int(order), "kod_kreskowy": str(rng.randrange(10**9, 10**10)),
                    "data_rejestracji": f"{rand_ts(rng, 2020, 2021):%Y-%m-%dT%H:%M:%S}", "pacjent": pat, "badania": tests,
                    "punkt_pobran": f"PP-{rng.randrange(100, 999)}"})
        p.xid("pl_pesel", p.pesel, f, "pacjent.pesel", p.pesel)
        p.x("name", f, "pacjent.imie+nazwisko")
        p.x("date_of_birth", f, "pacjent.data_urodzenia")
        p.x("lab_result", f, "badania[].wynik")
    c.write("batch2/zlecenia_2021.json", json.dumps(arr, ensure_ascii=False, indent=2))
    # batch3 contacts TSV, results NDJSON, refunds CSV
    rows = []
    for p in contacts:
        f = "batch3/kontakty_pacjentow.tsv"
        raw = fmt_pl(p.phone, rng)
        rows.append([p.pesel, f"{p.first} {p.last}", p.email, raw, rng.choice(["TAK", "NIE"])])
        p.xid("pl_pesel", p.pesel, f, "PESEL", p.pesel)
        p.x("name", f, "Imię i nazwisko")
        p.xid("email", p.email, f, "E-mail", p.email)
        p.xid("phone", p.phone, f, "Telefon komórkowy", raw)
    c.write_csv("batch3/kontakty_pacjentow.tsv", ["PESEL", "Imię i nazwisko", "E-mail", "Telefon komórkowy", "Zgoda SMS"], rows, delim="\t")
    lines = []
    for p in nd_lines:
        f = "batch3/wyniki_2023.ndjson"
        for t in rng.sample(PL_TESTS, rng.randint(1, 3)):
            lines.append(json.dumps({"id_wyniku": rng.randrange(10**7, 10**8), "pesel": p.pesel, "pacjent": p.name,
                                     "data_urodzenia": p.dob.isoformat(), "badanie": t[0],
                                     "wynik": f"{rng.uniform(t[2], t[3]):.2f}".replace(".", ","), "jednostka": t[1], "norma": t[4],
                                     "data_wykonania": f"{rand_ts(rng, 2023, 2023):%Y-%m-%dT%H:%M:%S}"}, ensure_ascii=False))
        p.xid("pl_pesel", p.pesel, f, "pesel", p.pesel)
        p.x("name", f, "pacjent")
        p.x("date_of_birth", f, "data_urodzenia")
        p.x("lab_result", f, "badanie/wynik")
    rng.shuffle(lines)
    c.write("batch3/wyniki_2023.ndjson", "\n".join(lines) + "\n")
    rows = []
    for p in refunds:
        f = "batch3/zwroty.csv"
        raw = group4(p.iban) if rng.random() < 0.5 else p.iban
        rows.append([p.pesel, p.first, p.last, raw, f"{rng.uniform(20, 200):.2f}", f"Zwrot za badanie {rng.randrange(10**5, 10**6)}"])
        p.xid("pl_pesel", p.pesel, f, "PESEL", p.pesel)
        p.x("name", f, "Imię+Nazwisko")
        p.xid("iban", p.iban, f, "Numer rachunku", raw)
    c.write_csv("batch3/zwroty.csv", ["PESEL", "Imię", "Nazwisko", "Numer rachunku", "Kwota", "Tytuł"], rows)
    # per-batch truth
    batches = {}
    for p in P:
        be = {}
        for el, srcs in p.exp.items():
            for s in srcs:
                b = s.split("/")[0]
                be.setdefault(b, set()).add(el)
        p.batch_elems = {b: sorted(v) for b, v in sorted(be.items())}
        p.opt["health_data"] = "lab results are health data"
    seen = {}
    for b in ("batch1", "batch2", "batch3"):
        new, known_new, unchanged = [], {}, []
        for p in P:
            if b not in p.batch_elems:
                continue
            els = set(p.batch_elems[b])
            if p.tid not in seen:
                new.append(p.tid)
                seen[p.tid] = set(els)
            else:
                add = els - seen[p.tid]
                if add:
                    known_new[p.tid] = sorted(add)
                else:
                    unchanged.append(p.tid)
                seen[p.tid] |= els
        batches[b] = {"new": new, "known_with_new_elements": known_new, "unchanged": unchanged, "cumulative": len(seen)}
    return c.finish({"batches": batches, "batch_published": {"batch1": "2023-11-14", "batch2": "2023-11-28", "batch3": "2023-12-12"}})


# ----------------------------------------------------------------------------------------
# case 5: mail-order pharmacy account migration (USA)
# ----------------------------------------------------------------------------------------

def case5(root, rng):
    c = Case("case5_us_mailorder_pharmacy", root, rng,
             "US mail-order pharmacy patients' names and e-mails exposed by an account migration (2014-2023).")
    used_emails, used_names = set(), set()
    doms = ["example.com", "example.org", "example.net", "mail.example.com", "example.us"]
    n = rng.randint(250, 380)
    for _ in range(n):
        male = rng.random() < 0.45
        first, last = make_name(rng, "us", male)
        while (first, last) in used_names:
            first, last = make_name(rng, "us", male)
        used_names.add((first, last))
        p = c.person(name=f"{first} {last}", first=first, last=last, lang="en", male=male)
        p.email = make_email(rng, first, last, doms, used_emails)
        p.email2 = make_email(rng, first, last, doms, used_emails) if rng.random() < 0.06 else None
        p.created = rand_ts(rng, 2014, 2022)
        if p.created < dt.datetime(2014, 7, 1):
            p.created = p.created.replace(year=2015)
        p.opt["health_data"] = "being a pharmacy patient can be read as health data"
        p.dob_in_id = False
    P = c.persons
    # accounts export CSV
    rows = []
    for p in P:
        if rng.random() < 0.7:
            f = "pps_migration/accounts_export.csv"
            em = email_variant(rng, p.email, 0.25)
            rows.append([p.first, p.last, em, p.email2 or "", p.created.strftime("%m/%d/%Y %I:%M %p"),
                         f"PPS{rng.randrange(10**7, 10**8)}", rng.choice(["Y", "N"])])
            p.x("name", f, "First Name+Last Name")
            p.xid("email", p.email, f, "Email Address", em)
            if p.email2:
                p.xid("email", p.email2, f, "Alternate Email", p.email2)
            p.in_csv = True
    c.write_csv("pps_migration/accounts_export.csv", ["First Name", "Last Name", "Email Address", "Alternate Email",
                                                       "Account Created", "Member ID", "Migrated"], rows, crlf=True)
    # paged API dump
    sel = [p for p in P if not getattr(p, "in_csv", False) or rng.random() < 0.35]
    rng.shuffle(sel)
    for k in range(0, len(sel), 50):
        page = []
        for p in sel[k:k + 50]:
            f = f"api_dump/customers_page_{k // 50 + 1}.json"
            page.append({"customerId": rng.randrange(10**6, 10**7), "name": {"first": p.first, "last": p.last},
                         "emailAddress": p.email, "created": p.created.strftime("%Y-%m-%dT%H:%M:%S.000Z"),
                         "storeNumber": f"{rng.randrange(100, 999)}", "marketingOptIn": rng.random() < 0.4})
            p.x("name", f, "name.first+last")
            p.xid("email", p.email, f, "emailAddress", p.email)
        c.write(f"api_dump/customers_page_{k // 50 + 1}.json",
                json.dumps({"page": k // 50 + 1, "perPage": 50, "total": len(sel), "results": page}, indent=2))
    # public directory NDJSON (display names abbreviated)
    lines = []
    for p in P:
        if rng.random() < 0.4:
            f = "public/customer_directory.ndjson"
            lines.append(json.dumps({"displayName": f"{p.first} {p.last[0]}.", "email": p.email.upper() if rng.random() < 0.1 else p.email,
                                     "since": p.created.strftime("%Y-%m")}))
            p.xid("email", p.email, f, "email", p.email)
    c.write("public/customer_directory.ndjson", "\n".join(lines) + "\n")
    # migration logs
    roles = ["noreply@pps-pharmacy.example.com", "support@pps-pharmacy.example.com", "pharmacist@pps-pharmacy.example.com"]
    for r in roles:
        c.decoy("role_email", r, "logs/migration-2023-01.log", "log line")
    log = []
    t = dt.datetime(2023, 1, 3, 1, 0, 0)
    for p in rng.sample(P, len(P) // 2):
        t += dt.timedelta(seconds=rng.randrange(1, 90))
        em = p.email
        log.append(f"{t:%Y-%m-%dT%H:%M:%S}.{rng.randrange(1000):03d}Z INFO  migrate.account id={rng.randrange(10**6, 10**7)} "
                   f"email={em} status=LINKED store={rng.randrange(100, 999)}")
        p.xid("email", p.email, "logs/migration-2023-01.log", "email=", em)
        if rng.random() < 0.05:
            log.append(f"{t:%Y-%m-%dT%H:%M:%S}.{rng.randrange(1000):03d}Z WARN  mailer from={rng.choice(roles)} bounce "
                       f"queue={rng.randrange(10**9, 10**10)}")
    log.append(f"{t:%Y-%m-%dT%H:%M:%S}.000Z INFO  notify {roles[0]} -> {roles[1]} summary sent")
    c.write_text("logs/migration-2023-01.log", "\n".join(log) + "\n")
    return c.finish({"exposure_window": {"from": "2014-07-01", "to": "2023-01-31"}})


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--seed", type=int, default=1)
    ap.add_argument("--out", required=True)
    ap.add_argument("--cases", default="1,2,3,4,5")
    a = ap.parse_args()
    if os.path.exists(a.out):
        shutil.rmtree(a.out)
    os.makedirs(a.out)
    fns = {"1": case1, "2": case2, "3": case3, "4": case4, "5": case5}
    for k in a.cases.split(","):
        rng = random.Random(f"{a.seed}-{k}")
        t = fns[k](a.out, rng)
        print(f"{t['case']}: {t['files']} files, {t['expected']['persons']} persons, per element {t['expected']['per_element']}")


if __name__ == "__main__":
    main()
