"""Invented name pools (combinations of common given names and surnames; no real persons intended)."""

ET_M = "Andres Aivar Ants Arvo Indrek Jaan Jüri Kalev Kaido Lauri Madis Margus Mart Meelis Priit Rein Siim Taavi Tõnu Urmas Veiko Ülo Hillar Tarmo Raivo Erkki Kristjan Rasmus Karl-Erik Märt".split()
ET_F = "Anneli Ene Eve Helle Kadri Kaja Katrin Külli Liina Maarja Mari Merike Piret Pille Reet Riina Sirje Tiina Triin Ülle Õie Maris Kärt Liis Heli Grete-Liis Ly Ave Signe Mai".split()
ET_S = ("Tamm Saar Sepp Mägi Kask Kukk Rebane Ilves Pärn Koppel Lepik Kuusk Õunapuu Jõgi Kõiv Raudsepp Vaher Lõhmus Mänd Kivi "
        "Põder Sild Org Laur Männik Tõnisson Kallas Ojala Rätsep Luik Nõmm Järv Kaasik Tali Viira Põldma Allik Vällik Kütt Hallik "
        "Pihlak Roos Väli Teder Susi Aasa Uibo Kõrts Lill-Rebane Hüva").split()
RU_M = [("Sergei", "Сергей"), ("Aleksandr", "Александр"), ("Dmitri", "Дмитрий"), ("Igor", "Игорь"), ("Andrei", "Андрей"),
        ("Nikolai", "Николай"), ("Vladimir", "Владимир"), ("Pavel", "Павел"), ("Maksim", "Максим"), ("Roman", "Роман"),
        ("Jevgeni", "Евгений"), ("Oleg", "Олег"), ("Viktor", "Виктор"), ("Anton", "Антон"), ("Juri", "Юрий")]
RU_F = [("Jelena", "Елена"), ("Olga", "Ольга"), ("Tatjana", "Татьяна"), ("Natalja", "Наталья"), ("Svetlana", "Светлана"),
        ("Irina", "Ирина"), ("Marina", "Марина"), ("Julia", "Юлия"), ("Anastassia", "Анастасия"), ("Ljudmila", "Людмила"),
        ("Galina", "Галина"), ("Valentina", "Валентина"), ("Jekaterina", "Екатерина"), ("Oksana", "Оксана"), ("Nadežda", "Надежда")]
RU_S = [("Smirnov", "Смирнов"), ("Ivanov", "Иванов"), ("Kuznetsov", "Кузнецов"), ("Popov", "Попов"), ("Vassiljev", "Васильев"),
        ("Sokolov", "Соколов"), ("Morozov", "Морозов"), ("Volkov", "Волков"), ("Lebedev", "Лебедев"), ("Kozlov", "Козлов"),
        ("Novikov", "Новиков"), ("Fjodorov", "Фёдоров"), ("Pavlov", "Павлов"), ("Semjonov", "Семёнов"), ("Golubev", "Голубев"),
        ("Vinogradov", "Виноградов"), ("Bogdanov", "Богданов"), ("Orlov", "Орлов"), ("Zahharov", "Захаров"), ("Beljajev", "Беляев")]
EN_M = "Oliver James Thomas Daniel Samuel Henry Benjamin Edward Hugh Rory".split()
EN_F = "Olivia Charlotte Eleanor Priya Siobhan Harriet Imogen Grace Megan Niamh".split()
EN_S = "Pemberton Whitcombe Raman O'Donnell Ashdown Fairbairn Hollis Kettering Marlow Prendergast Thistlewood de_Lacy".replace("_", "\x00").split()
EN_S = [x.replace("\x00", " ") for x in EN_S]
LV_M = "Jānis Andris Kristaps Edgars Māris Raivis Gatis Uldis Artūrs Oskars".split()
LV_F = "Līga Inese Ilze Dace Kristīne Zane Baiba Anete Sanita Ieva".split()
LV_S = [("Bērziņš", "Bērziņa"), ("Kalniņš", "Kalniņa"), ("Ozols", "Ozola"), ("Liepiņš", "Liepiņa"), ("Jansons", "Jansone"),
        ("Krūmiņš", "Krūmiņa"), ("Zariņš", "Zariņa"), ("Vītols", "Vītola"), ("Siliņš", "Siliņa"), ("Kļaviņš", "Kļaviņa")]
LT_M = "Jonas Mindaugas Tomas Darius Gintaras Arūnas Vytautas Žilvinas Rimantas Šarūnas".split()
LT_F = "Rūta Eglė Asta Jurgita Rasa Gintarė Lina Aušra Dalia Živilė".split()
LT_S = [("Kazlauskas", "Kazlauskienė"), ("Jankauskas", "Jankauskienė"), ("Petrauskas", "Petrauskaitė"), ("Stankevičius", "Stankevičiūtė"),
        ("Žukauskas", "Žukauskienė"), ("Vasiliauskas", "Vasiliauskienė"), ("Butkus", "Butkutė"), ("Paulauskas", "Paulauskienė"),
        ("Urbonas", "Urbonienė"), ("Navickas", "Navickaitė")]
FI_M = "Eino Matti Tapani Veikko Pentti Seppo Kalevi Jorma Erkki Raimo Tauno Pertti Heikki Olavi Juhani Antero Lauri Väinö Aarne Reijo".split()
FI_F = "Aino Pirjo Raili Sirkka Terttu Marjatta Eila Helvi Kaarina Tuula Ritva Anneli Leena Liisa Sinikka Hilkka Irma Mirja Sointu Päivi".split()
FI_S = ("Virtanen Korhonen Mäkinen Nieminen Mäkelä Hämäläinen Laine Heikkinen Koskinen Järvinen Lehtonen Räsänen Kärkkäinen "
        "Äijälä Pulkkinen Salminen Tuominen Rantanen Karjalainen Hyvönen Savolainen Jääskeläinen Lindholm Österberg Kettunen "
        "Hakala Väisänen Peltonen Ahonen Mustonen Hirvonen Leinonen Huttunen Turunen Sirviö Nykänen Ikonen Pesonen Öhman").split()
FS_M = "Karl-Erik Bo Ragnar Stig Göran Henrik Kaj Rolf Ulf Torsten".split()
FS_F = "Ulla-Britt Gunnel Solveig Gun-Maj Birgitta Margareta Ingegerd Siv Barbro Elsa".split()
FS_S = ["Lindqvist", "Holmström", "Sjöberg", "Åkerlund", "af Forselles", "von Bonsdorff", "Lindroos", "Wikström", "Nyberg", "Ekholm",
        "Grönroos", "Söderlund"]
SE_M = "Lars Per Anders Mikael Johan Björn Nils Gustav".split()
SE_F = "Anna Karin Ingrid Maja Elin Sofia Åsa Linnea".split()
SE_S = ["Lindgren", "Andersson", "Sjöström", "Åberg", "af Klercker", "Nyström", "Bergqvist", "Ödmark"]
NO_M = "Ola Sindre Kjetil Håkon Øyvind Bjørn Espen Torstein".split()
NO_F = "Kari Ingrid Solveig Marit Siri Åse Hege Tone".split()
NO_S = "Nordvik Haugen Bakke Løvås Østby Bråten Sæther Kvam".split()
DK_M = "Søren Jens Anders Mads Niels Rasmus Troels".split()
DK_F = "Mette Line Frederikke Signe Birgitte Ditte Hanne".split()
DK_S = "Østergaard Kjær Bøgh Dalsgaard Holm Skovgaard Vestergaard Lykke".split()
DE_M = "Jürgen Klaus Matthias Stefan".split()
DE_F = "Anke Sabine Ute Birgit".split()
PL_M = "Krzysztof Andrzej Piotr Tomasz Paweł Grzegorz Łukasz Wojciech Marek Michał Jakub Kamil Stanisław Zbigniew Jerzy Mateusz Rafał Dariusz Sławomir Przemysław".split()
PL_F = "Anna Katarzyna Małgorzata Agnieszka Zofia Jadwiga Barbara Ewa Magdalena Joanna Aleksandra Beata Dorota Elżbieta Grażyna Halina Irena Justyna Urszula Żaneta".split()
PL_S = [("Kowalski", "Kowalska"), ("Wiśniewski", "Wiśniewska"), ("Wójcik", "Wójcik"), ("Kamiński", "Kamińska"), ("Lewandowski", "Lewandowska"),
        ("Zieliński", "Zielińska"), ("Szymański", "Szymańska"), ("Woźniak", "Woźniak"), ("Dąbrowski", "Dąbrowska"), ("Kozłowski", "Kozłowska"),
        ("Jankowski", "Jankowska"), ("Mazur", "Mazur"), ("Krawczyk", "Krawczyk"), ("Piotrowski", "Piotrowska"), ("Grabowski", "Grabowska"),
        ("Pawłowski", "Pawłowska"), ("Michalski", "Michalska"), ("Król", "Król"), ("Wieczorek", "Wieczorek"), ("Jabłoński", "Jabłońska"),
        ("Wróbel", "Wróbel"), ("Majewski", "Majewska"), ("Olszewski", "Olszewska"), ("Stępień", "Stępień"), ("Malinowski", "Malinowska"),
        ("Adamczyk", "Adamczyk"), ("Dudek", "Dudek"), ("Górski", "Górska"), ("Pietrzak", "Pietrzak"), ("Sikora", "Sikora"),
        ("Walczak", "Walczak"), ("Rutkowski", "Rutkowska"), ("Michalak", "Michalak"), ("Szewczyk", "Szewczyk"), ("Ostrowski", "Ostrowska"),
        ("Tomaszewski", "Tomaszewska"), ("Zalewski", "Zalewska"), ("Jasiński", "Jasińska"), ("Czarnecki", "Czarnecka"), ("Sawicki", "Sawicka"),
        ("Sokołowski", "Sokołowska"), ("Urbański", "Urbańska"), ("Kubiak", "Kubiak"), ("Gołębiowski", "Gołębiowska"), ("Ślusarczyk", "Ślusarczyk")]
UA_M = "Andrii Oleksandr Serhii Mykola Bohdan Taras".split()
UA_F = "Oksana Olena Iryna Nataliia Halyna Yuliia".split()
UA_S = "Melnyk Bondarenko Shevchuk Kovalenko Tkachenko Kravchenko Boiko Marchenko Savchenko Rudenko".split()
US_M = ("James Robert Michael William David Richard Joseph Charles Christopher Daniel Matthew Anthony Mark Donald Steven Paul Andrew "
        "Joshua Kenneth Kevin Brian George Timothy Ronald Jason Edward Jeffrey Ryan Jacob Gary Nicholas Eric José Luis Darnell Tyrone "
        "Wei Raj Mohammed Dmitri").split()
US_F = ("Mary Patricia Jennifer Linda Elizabeth Barbara Susan Jessica Sarah Karen Lisa Nancy Betty Margaret Sandra Ashley Kimberly "
        "Emily Donna Michelle Carol Amanda Dorothy Melissa Deborah Stephanie Rebecca Sharon Laura Cynthia Zoë Renée María Chloé "
        "Aaliyah Keisha Mei Priya Fatima Ingrid").split()
# keep multi-word surnames together
US_S = [s.replace("_", " ") for s in ("Smith Johnson Williams Brown Jones Garcia Miller Davis Rodriguez Martinez Hernandez Lopez "
        "Gonzalez Wilson Anderson Thomas Taylor Moore Jackson Martin Lee Perez Thompson White Harris Sanchez Clark Ramirez Lewis "
        "Robinson Walker Young Allen King Wright Scott Torres Nguyen Hill Flores Green Adams Nelson Baker Hall Rivera Campbell "
        "Mitchell Carter Roberts O'Brien McDonald Van_Buren St._John de_la_Cruz Smith-Jones Nuñez Kowalczyk Okafor Yamamoto "
        "Schneider D'Angelo MacLeod Van_der_Berg Peña Abernathy Whitfield Castellanos Delgado Fitzgerald Haddad").split()]
DE_S = ["Weißmüller", "von der Heide", "Brückner", "Schäfer-Lenz", "Großkopf"]


def pick_et(rng):
    f = rng.random() < 0.55
    return rng.choice(ET_F if f else ET_M), rng.choice(ET_S), f


def pick_ru(rng):
    """returns (given, surname, female, cyrillic full name)"""
    f = rng.random() < 0.58
    g = rng.choice(RU_F if f else RU_M)
    s = rng.choice(RU_S)
    sl, sc = s
    if f:
        sl = sl + "a"
        sc = sc + "а"
    return g[0], sl, f, f"{g[1]} {sc}"


def pick_simple(rng, m, fpool, s, fshare=0.5):
    f = rng.random() < fshare
    return rng.choice(fpool if f else m), rng.choice(s), f


def pick_gendered(rng, m, fpool, s, fshare=0.5):
    f = rng.random() < fshare
    sm, sf = rng.choice(s)
    return rng.choice(fpool if f else m), (sf if f else sm), f
