"""Synthetic people with valid national identifiers, phones, e-mails and IBANs.

Everything here is fictitious. The check-digit algorithms are written independently of the Swift
detectors, so fixtures made here also cross-check them. Used by make-examples.py and bench.
"""
import random

FIRST = {
    "et": ["Mari", "Kati", "Tiina", "Jaan", "Peeter", "Andres", "Liis", "Kristjan", "Kadri", "Toomas", "Mart", "Triin"],
    "ru": ["Ivan", "Olga", "Sergei", "Natalja", "Dmitri", "Jelena", "Aleksei", "Tatjana"],
    "fi": ["Matti", "Liisa", "Juha", "Aino", "Pekka", "Sanna", "Mikko", "Kaisa", "Eero", "Helmi"],
    "sv": ["Anna", "Erik", "Karin", "Lars", "Ingrid", "Johan", "Maja", "Nils"],
    "pl": ["Anna", "Piotr", "Katarzyna", "Tomasz", "Małgorzata", "Paweł", "Agnieszka", "Krzysztof", "Zofia", "Michał"],
    "en": ["John", "Mary", "Linda", "James", "Susan", "Robert", "Karen", "David"],
}
LAST = {
    "et": ["Tamm", "Saar", "Sepp", "Mägi", "Kask", "Kukk", "Rebane", "Ilves", "Pärn", "Koppel", "Lepik", "Õunapuu"],
    "ru": ["Ivanov", "Smirnova", "Kuznetsov", "Popova", "Volkov", "Sokolova"],
    "fi": ["Korhonen", "Virtanen", "Mäkinen", "Nieminen", "Hämäläinen", "Laine", "Heikkinen", "Koskinen", "Järvinen"],
    "sv": ["Andersson", "Johansson", "Karlsson", "Nilsson", "Eriksson", "Lindström"],
    "pl": ["Nowak", "Kowalski", "Wiśniewska", "Wójcik", "Kowalczyk", "Kamińska", "Lewandowski", "Zieliński", "Szymańska"],
    "en": ["Smith", "Johnson", "Williams", "Brown", "Jones", "Miller", "Davis"],
}
STREETS = {
    "et": ["Pärnu mnt", "Narva mnt", "Tartu mnt", "Mustamäe tee", "Õismäe tee", "Lai tn"],
    "fi": ["Mannerheimintie", "Hämeentie", "Aleksanterinkatu", "Itäväylä", "Kauppakatu"],
    "pl": ["ul. Marszałkowska", "ul. Długa", "ul. Piękna", "al. Jerozolimskie", "ul. Kościuszki"],
}
CITIES = {"et": ["Tallinn", "Tartu", "Pärnu", "Narva"], "fi": ["Helsinki", "Lahti", "Joensuu", "Porvoo", "Kotka"],
          "pl": ["Warszawa", "Kraków", "Łódź", "Wrocław", "Gdańsk"]}


def _date(rng, y0=1935, y1=2012):
    y = rng.randint(y0, y1)
    m = rng.randint(1, 12)
    d = rng.randint(1, 28)
    return y, m, d


def ee_isikukood(rng, lt=False):
    y, m, d = _date(rng)
    female = rng.random() < 0.5
    g = (3 if y < 2000 else 5) + (1 if female else 0)
    base = f"{g}{y % 100:02d}{m:02d}{d:02d}{rng.randint(0, 999):03d}"
    w1 = [1, 2, 3, 4, 5, 6, 7, 8, 9, 1]
    w2 = [3, 4, 5, 6, 7, 8, 9, 1, 2, 3]
    s = sum(int(c) * w for c, w in zip(base, w1)) % 11
    if s == 10:
        s = sum(int(c) * w for c, w in zip(base, w2)) % 11
        if s == 10:
            s = 0
    return base + str(s), (y, m, d)


def fi_hetu(rng):
    y, m, d = _date(rng)
    sign = "-" if y < 2000 else "A"
    n = rng.randint(2, 899)
    num = int(f"{d:02d}{m:02d}{y % 100:02d}{n:03d}")
    check = "0123456789ABCDEFHJKLMNPRSTUVWXY"[num % 31]
    return f"{d:02d}{m:02d}{y % 100:02d}{sign}{n:03d}{check}", (y, m, d)


def pl_pesel(rng):
    y, m, d = _date(rng)
    mm = m + (20 if y >= 2000 else 0)
    base = f"{y % 100:02d}{mm:02d}{d:02d}{rng.randint(0, 9999):04d}"
    w = [1, 3, 7, 9, 1, 3, 7, 9, 1, 3]
    s = sum(int(c) * x for c, x in zip(base, w))
    return base + str((10 - s % 10) % 10), (y, m, d)


def se_personnummer(rng):
    y, m, d = _date(rng)
    base = f"{y % 100:02d}{m:02d}{d:02d}{rng.randint(0, 999):03d}"
    total = 0
    for i, c in enumerate(base):
        v = int(c) * (2 if i % 2 == 0 else 1)
        total += v - 9 if v > 9 else v
    check = (10 - total % 10) % 10
    return f"{base[:6]}-{base[6:]}{check}", (y, m, d)


def luhn_ok(digits):
    total = 0
    for i, c in enumerate(reversed(digits)):
        v = int(c) * (2 if i % 2 == 1 else 1)
        total += v - 9 if v > 9 else v
    return total % 10 == 0


def ee_phone(rng):
    n = "5" + "".join(str(rng.randint(0, 9)) for _ in range(7))
    return f"+372 {n[:4]} {n[4:]}", "+372" + n


def fi_phone(rng):
    n = "40" + "".join(str(rng.randint(0, 9)) for _ in range(7))
    return f"0{n[:2]}-{n[2:5]} {n[5:]}", "+358" + n


def pl_phone(rng):
    n = "5" + "".join(str(rng.randint(0, 9)) for _ in range(8))
    return f"+48 {n[:3]} {n[3:6]} {n[6:]}", "+48" + n


def ascii_fold(s):
    table = str.maketrans("äöüõšžåéóąęłńśźżćÄÖÜÕŠŽÅ", "aouoszaeoaelnszzcAOUOSZA")
    return s.translate(table)


def email(rng, first, last, domain):
    sep = rng.choice([".", "_", ""])
    local = ascii_fold(f"{first}{sep}{last}").lower()
    return f"{local}{rng.randint(1, 9999)}@{domain}"


def iban_ee(rng):
    bban = "22" + "".join(str(rng.randint(0, 9)) for _ in range(14))
    num = int(bban + "1414" + "00")  # E=14, E=14
    check = 98 - num % 97
    return f"EE{check:02d}{bban}"
