"""Names per language (blind6's pools plus a few of blind11's own), addresses, phones and e-mails, all unique."""
import datetime as dt

from shared import ids, names as N

# blind11's own additions, to widen the small pools
ET_M2 = ["Karl-Erik", "Hendrik", "Taavi", "Meelis", "Heino", "Arvo", "Enn", "Villem", "Joosep", "Mihkel"]
ET_F2 = ["Mari-Liis", "Kai", "Ene", "Krista", "Helje", "Marju", "Sirje", "Epp", "Laine", "Hille"]
ET_S2 = ["Ots", "Pihlak", "Vares", "Kangur", "Lill", "Kuusik", "Reinsalu", "Kruus", "Ojala", "Allik", "Mänd",
         "Tuisk", "Rand", "Külv", "Saarma", "Parts"]
RU_M2 = [("Roman", "Роман"), ("Viktor", "Виктор"), ("Konstantin", "Константин"), ("Denis", "Денис")]
RU_F2 = [("Oksana", "Оксана"), ("Larissa", "Лариса"), ("Nadežda", "Надежда"), ("Vera", "Вера")]
RU_S2 = [("Jakovlev", "Яковлев"), ("Stepanov", "Степанов"), ("Semjonov", "Семёнов"), ("Kozlov", "Козлов"),
         ("Titov", "Титов"), ("Baranov", "Баранов")]
UA_M2 = [("Mykola", "Микола"), ("Ihor", "Ігор"), ("Volodymyr", "Володимир"), ("Yurii", "Юрій"), ("Bohdan", "Богдан"),
         ("Taras", "Тарас"), ("Roman", "Роман")]
UA_F2 = [("Kateryna", "Катерина"), ("Tetiana", "Тетяна"), ("Halyna", "Галина"), ("Svitlana", "Світлана"),
         ("Mariia", "Марія"), ("Liudmyla", "Людмила"), ("Anastasiia", "Анастасія")]
UA_S2 = [("Kovalchuk", "Ковальчук"), ("Oliinyk", "Олійник"), ("Shevchuk", "Шевчук"), ("Polishchuk", "Поліщук"),
         ("Lysenko", "Лисенко"), ("Marchenko", "Марченко"), ("Savchenko", "Савченко"), ("Rudenko", "Руденко"),
         ("Moroz", "Мороз"), ("Pavlenko", "Павленко")]
LV_M2 = ["Guntis", "Raimonds", "Aivars", "Ivars"]
LV_F2 = ["Baiba", "Zane", "Gunta", "Ieva"]
LV_S2 = [("Vītols", "Vītola"), ("Jansons", "Jansone"), ("Kļaviņš", "Kļaviņa"), ("Eglītis", "Eglīte")]
LT_M2 = ["Andrius", "Rimantas", "Giedrius", "Saulius"]
LT_F2 = ["Daiva", "Laima", "Vilma", "Eglė"]
LT_S2 = [("Vasiliauskas", "Vasiliauskienė"), ("Paulauskas", "Paulauskienė"), ("Urbonas", "Urbonienė"),
         ("Navickas", "Navickienė")]
FI_M2 = ["Ossi", "Raimo", "Arto", "Lasse", "Jorma", "Unto"]
FI_F2 = ["Outi", "Tarja", "Marketta", "Soile", "Hannele", "Vuokko"]
FI_S2 = ["Manninen", "Kettunen", "Leinonen", "Hakala", "Halonen", "Koivisto", "Kokkonen", "Huttunen", "Ojala", "Vainio"]
SV_M2 = ["Bengt", "Rolf", "Henrik", "Kurt", "Leif"]
SV_F2 = ["Marianne", "Siv", "Gun", "Barbro", "Inger"]
SV_S2 = ["Eklund", "Lindberg", "Westerlund", "Sundqvist", "Granström", "Öhman", "Hägg"]
US_MID = "ABCDEFGHJKLMNPRSTW"


def pools(lang, female):
    """(given list, surname list); entries are str or (latin, cyrillic) tuples."""
    if lang == "et":
        return (N.ET_F + ET_F2) if female else (N.ET_M + ET_M2), N.ET_S + ET_S2
    if lang == "ru":
        return (N.RU_F + RU_F2) if female else (N.RU_M + RU_M2), N.RU_S + RU_S2
    if lang == "en":
        return (N.EN_F if female else N.EN_M), N.EN_S
    if lang == "fi":
        return (N.FI_F + FI_F2) if female else (N.FI_M + FI_M2), N.FI_S + FI_S2
    if lang == "sv":
        return (N.SV_F + SV_F2) if female else (N.SV_M + SV_M2), N.SV_S + SV_S2
    if lang == "pl":
        return (N.PL_F if female else N.PL_M), [s[1] if female else s[0] for s in N.PL_S]
    if lang == "uk":
        return (N.UA_F + UA_F2) if female else (N.UA_M + UA_M2), N.UA_S + UA_S2
    if lang == "lv":
        return (N.LV_F + LV_F2) if female else (N.LV_M + LV_M2), \
            (N.LV_S_F + [s[1] for s in LV_S2]) if female else (N.LV_S_M + [s[0] for s in LV_S2])
    if lang == "lt":
        return (N.LT_F + LT_F2) if female else (N.LT_M + LT_M2), \
            (N.LT_S_F + [s[1] for s in LT_S2]) if female else (N.LT_S_M + [s[0] for s in LT_S2])
    if lang == "us":
        return (N.US_F if female else N.US_M), N.US_S
    raise ValueError(lang)


def _latin(x):
    return x[0] if isinstance(x, tuple) else x


def _cyr(x):
    return x[1] if isinstance(x, tuple) else None


class Namer:
    """Unique full names within a case (namesakes only when asked for)."""

    def __init__(self, rng):
        self.rng = rng
        self.used = set()

    def make(self, lang, female, surname=None, middle=False, suffix=False):
        from common import name_tokens
        gp, sp = pools(lang, female)
        for attempt in range(400):
            g = self.rng.choice(gp)
            s = surname if surname is not None else self.rng.choice(sp)
            given, sur = _latin(g), _latin(s)
            if lang == "ru" and female and isinstance(s, tuple):
                sur, cs = s[0] + "a", s[1] + "а"
            else:
                cs = _cyr(s) if isinstance(s, tuple) else None
            mid = self.rng.choice(US_MID) if middle else ""
            suf = self.rng.choice(N.US_SUFFIX) if suffix else ""
            full = " ".join(x for x in (given, (mid + ".") if mid else "", sur, suf) if x)
            key = name_tokens(f"{given} {sur}")
            if key in self.used:
                continue
            self.used.add(key)
            cyr = None
            if _cyr(g) and cs:
                cyr = f"{_cyr(g)} {cs}"
            return {"given": given, "surname": sur, "middle": mid, "suffix": suf, "full": full,
                    "cyr": cyr, "cyr_given": _cyr(g), "cyr_surname": cs, "female": female, "lang": lang}
        raise RuntimeError("no free name")

    def reserve(self, full):
        from common import name_tokens
        self.used.add(name_tokens(full))


# ---------------------------------------------------------------- addresses

EE_STREETS = ["Tamme", "Pärna", "Kase", "Männi", "Kuuse", "Lille", "Aia", "Pikk", "Lai", "Vabriku", "Kooli", "Jõe",
              "Mere pst", "Sõpruse pst", "Narva mnt", "Pärnu mnt", "Tartu mnt", "Raja", "Ehitajate tee", "Mustamäe tee",
              "Sõle", "Akadeemia tee", "Kalda", "Rahu", "Turu", "Kastani", "Linnu tee", "Vilde tee", "Ravila",
              "Kreutzwaldi", "Jaama", "Posti"]
EE_CITIES = [("Tallinn", 10111, 13999, 40), ("Tartu", 50101, 51014, 14), ("Narva", 20101, 21020, 8),
             ("Pärnu", 80010, 80050, 6), ("Kohtla-Järve", 30320, 31040, 4), ("Viljandi", 71001, 71030, 3),
             ("Rakvere", 44301, 44320, 3), ("Maardu", 74111, 74120, 3), ("Kuressaare", 93811, 93820, 2),
             ("Võru", 65601, 65610, 2), ("Sillamäe", 40231, 40233, 3)]
FI_STREETS = ["Koulukatu", "Rantatie", "Kauppakatu", "Mäkitie", "Koivukuja", "Kirkkokatu", "Puistokatu", "Asemantie",
              "Myllytie", "Pihlajatie", "Vanhatie", "Metsätie", "Harjukatu", "Kalliokuja", "Urheilutie", "Saarikatu",
              "Tehtaankatu", "Lähteentie", "Kuusitie", "Sepänkatu"]
SV_STREETS = ["Skolgatan", "Strandvägen", "Kyrkogatan", "Åsgränd", "Björkvägen", "Mannerheimgatan", "Stationsvägen",
              "Sjögatan", "Kvarnvägen", "Lärkstigen", "Tallbacken", "Ängsvägen"]
PL_STREETS = ["ul. Lipowa", "ul. Polna", "ul. Leśna", "ul. Słoneczna", "ul. Krótka", "ul. Szkolna", "ul. Ogrodowa",
              "ul. Długa", "ul. Kościuszki", "ul. Mickiewicza", "ul. Sienkiewicza", "al. Jana Pawła II",
              "ul. Piłsudskiego", "ul. Żeromskiego", "ul. Kwiatowa", "ul. Źródlana", "os. Tysiąclecia"]
PL_CITIES = [("Warszawa", "0", 30), ("Kraków", "3", 14), ("Łódź", "9", 10), ("Wrocław", "5", 9), ("Poznań", "6", 8),
             ("Gdańsk", "8", 7), ("Katowice", "4", 6), ("Lublin", "2", 6), ("Białystok", "15", 4),
             ("Rzeszów", "35", 4), ("Kielce", "25", 3)]


def weighted(rng, items, w_index=-1):
    tot = sum(x[w_index] for x in items)
    r = rng.uniform(0, tot)
    for x in items:
        r -= x[w_index]
        if r <= 0:
            return x
    return items[-1]


def ee_address(rng):
    city, lo, hi, _ = weighted(rng, EE_CITIES)
    street = rng.choice(EE_STREETS)
    num = rng.randint(1, 120)
    apt = rng.randint(1, 80) if rng.random() < 0.6 else None
    zipc = rng.randint(lo, hi)
    st = f"{street} {num}" + (f"-{apt}" if apt else "")
    return {"street": st, "zip": str(zipc), "city": city, "full": f"{st}, {zipc} {city}"}


def fi_address(rng, city, zips, swedish=False):
    street = rng.choice(SV_STREETS if swedish else FI_STREETS)
    num = rng.randint(1, 90)
    r = rng.random()
    if r < 0.35:
        st = f"{street} {num} {rng.choice('ABCDE')} {rng.randint(1, 40)}"
    elif r < 0.5:
        st = f"{street} {num} as {rng.randint(1, 12)}" if not swedish else f"{street} {num} bost {rng.randint(1, 12)}"
    else:
        st = f"{street} {num}"
    z = rng.choice(zips)
    return {"street": st, "zip": z, "city": city, "full": f"{st}, {z} {city}"}


def pl_address(rng):
    city, pre, _ = weighted(rng, PL_CITIES)
    if len(pre) == 1:
        z = f"{pre}{rng.randint(0, 9)}-{rng.randint(0, 999):03d}"
    else:
        z = f"{pre}-{rng.randint(0, 999):03d}"
    street = rng.choice(PL_STREETS)
    num = f"{rng.randint(1, 150)}" + (f"/{rng.randint(1, 60)}" if rng.random() < 0.55 else "")
    st = f"{street} {num}"
    return {"street": st, "zip": z, "city": city, "full": f"{st}, {z} {city}"}


# ---------------------------------------------------------------- contact data

class Contacts:
    """Unique phones, e-mails, cards, IBANs and national IDs within a case."""

    def __init__(self, rng):
        self.rng = rng
        self.emails = set()
        self.phones = set()
        self.other = set()

    def phone(self, country, kind="mobile"):
        for _ in range(200):
            nsn = ids.phone_nsn(self.rng, country, kind)
            e = ids.e164(country, nsn)
            if e not in self.phones:
                self.phones.add(e)
                return nsn, e
        raise RuntimeError("phone")

    def email(self, given, surname, domains=None):
        return ids.email_for(self.rng, given or "info", surname or "x", self.emails, domains)

    def take_email(self, e):
        if e in self.emails:
            return False
        self.emails.add(e)
        return True

    def unique(self, make):
        for _ in range(500):
            v = make()
            if v not in self.other:
                self.other.add(v)
                return v
        raise RuntimeError("unique")


def dob_between(rng, y0, y1):
    return ids.rand_date(rng, y0, y1)


def age_on(dob, day=dt.date(2023, 9, 25)):
    return day.year - dob.year - ((day.month, day.day) < (dob.month, dob.day))
