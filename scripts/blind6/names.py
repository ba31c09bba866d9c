"""Invented name pools (common given names and surnames combined at random; no real person intended)."""

ET_M = ["Jaan", "Andres", "Toomas", "Rein", "Margus", "Priit", "Tarmo", "Urmas", "Kalle", "Mart", "Siim", "Rasmus", "Karl",
        "Oskar", "Tõnis", "Jüri", "Indrek", "Märt", "Aivar", "Lauri", "Kristjan", "Madis", "Sander", "Ülo", "Peeter", "Raivo"]
ET_F = ["Mari", "Kadri", "Tiina", "Liis", "Kersti", "Anu", "Piret", "Eve", "Merike", "Triin", "Kärt", "Helen", "Maarja",
        "Külli", "Ülle", "Signe", "Reet", "Pille", "Katrin", "Tiiu", "Annika", "Liisa", "Grete", "Mirjam", "Õie", "Elo"]
ET_S = ["Tamm", "Saar", "Sepp", "Mägi", "Kask", "Kukk", "Rebane", "Ilves", "Pärn", "Koppel", "Kuusk", "Lepik", "Oja", "Raud",
        "Vaher", "Kallas", "Lõhmus", "Jõgi", "Kütt", "Põder", "Luik", "Org", "Kivi", "Laur", "Toom", "Mets", "Nõmm", "Hunt",
        "Karu", "Paju", "Väli", "Uibo", "Jürgens", "Teder", "Valk", "Tooming", "Sild", "Aavik", "Maasik", "Rätsep"]
# Russian names: (latin, cyrillic)
RU_M = [("Ivan", "Иван"), ("Sergei", "Сергей"), ("Dmitri", "Дмитрий"), ("Aleksandr", "Александр"), ("Nikolai", "Николай"),
        ("Andrei", "Андрей"), ("Vladimir", "Владимир"), ("Pavel", "Павел"), ("Oleg", "Олег"), ("Maksim", "Максим"),
        ("Artjom", "Артём"), ("Igor", "Игорь"), ("Juri", "Юрий"), ("Mihhail", "Михаил")]
RU_F = [("Olga", "Ольга"), ("Jelena", "Елена"), ("Tatjana", "Татьяна"), ("Natalja", "Наталья"), ("Irina", "Ирина"),
        ("Svetlana", "Светлана"), ("Anna", "Анна"), ("Marina", "Марина"), ("Jekaterina", "Екатерина"), ("Ljudmila", "Людмила"),
        ("Galina", "Галина"), ("Julia", "Юлия"), ("Anastassia", "Анастасия"), ("Valentina", "Валентина")]
RU_S = [("Ivanov", "Иванов"), ("Petrov", "Петров"), ("Smirnov", "Смирнов"), ("Kuznetsov", "Кузнецов"), ("Popov", "Попов"),
        ("Sokolov", "Соколов"), ("Volkov", "Волков"), ("Morozov", "Морозов"), ("Vassiljev", "Васильев"), ("Pavlov", "Павлов"),
        ("Fjodorov", "Фёдоров"), ("Nikolajev", "Николаев"), ("Orlov", "Орлов"), ("Makarov", "Макаров"), ("Zaitsev", "Зайцев"),
        ("Belov", "Белов"), ("Gusev", "Гусев"), ("Lebedev", "Лебедев")]
EN_M = ["James", "Oliver", "Thomas", "Daniel", "Michael", "Peter", "George", "Samuel", "Henry", "Arthur"]
EN_F = ["Emily", "Sarah", "Laura", "Charlotte", "Hannah", "Grace", "Alice", "Lucy", "Rachel", "Olivia"]
EN_S = ["Smith", "Brown", "Taylor", "Wilson", "Clarke", "Walker", "Wright", "Hughes", "Green", "Hall", "Wood", "Turner"]

FI_M = ["Matti", "Juhani", "Pekka", "Timo", "Jari", "Mikko", "Kari", "Antti", "Heikki", "Seppo", "Esa", "Markku", "Pentti",
        "Veikko", "Tapani", "Olavi", "Ilmari", "Väinö", "Erkki", "Reijo", "Aarne", "Tauno", "Eino", "Kalevi"]
FI_F = ["Maria", "Helena", "Anneli", "Johanna", "Kaarina", "Marjatta", "Liisa", "Aino", "Sirkka", "Tuula", "Pirjo", "Ritva",
        "Eeva", "Leena", "Hilkka", "Elina", "Kyllikki", "Sinikka", "Aila", "Raija", "Päivi", "Irmeli", "Terttu", "Aili"]
FI_S = ["Virtanen", "Korhonen", "Mäkinen", "Nieminen", "Mäkelä", "Hämäläinen", "Laine", "Heikkinen", "Koskinen", "Järvinen",
        "Lehtonen", "Lehtinen", "Saarinen", "Salminen", "Heinonen", "Niemi", "Heikkilä", "Kinnunen", "Salonen", "Turunen",
        "Salo", "Laitinen", "Tuominen", "Rantanen", "Karjalainen", "Jokinen", "Mattila", "Savolainen", "Lahtinen", "Ahonen",
        "Pesonen", "Hyvönen", "Räsänen", "Väisänen", "Kärkkäinen", "Lindqvist", "Peltonen", "Miettinen", "Hirvonen", "Ylönen"]
SV_M = ["Lars", "Anders", "Johan", "Per", "Erik", "Karl", "Nils", "Bo", "Göran", "Stig", "Gunnar", "Sven", "Åke", "Ragnar"]
SV_F = ["Anna", "Eva", "Karin", "Kristina", "Birgitta", "Margareta", "Ingrid", "Elisabeth", "Gunilla", "Ulla", "Britt",
        "Märta", "Solveig", "Agneta"]
SV_S = ["Lindholm", "Karlsson", "Nyström", "Holmberg", "Sjöberg", "Åberg", "Lindström", "Forsman", "Björklund", "Grönroos",
        "Wikström", "Blomqvist", "Ekholm", "Söderlund", "Backman", "Strandberg"]

PL_M = ["Jan", "Piotr", "Krzysztof", "Andrzej", "Tomasz", "Paweł", "Michał", "Marcin", "Łukasz", "Grzegorz", "Marek",
        "Wojciech", "Jakub", "Mateusz", "Zbigniew", "Stanisław", "Rafał", "Dariusz", "Kamil", "Józef"]
PL_F = ["Anna", "Maria", "Katarzyna", "Małgorzata", "Agnieszka", "Barbara", "Ewa", "Elżbieta", "Zofia", "Joanna", "Magdalena",
        "Monika", "Dorota", "Beata", "Aleksandra", "Jadwiga", "Halina", "Grażyna", "Łucja", "Urszula"]
# (masculine, feminine)
PL_S = [("Nowak", "Nowak"), ("Kowalski", "Kowalska"), ("Wiśniewski", "Wiśniewska"), ("Wójcik", "Wójcik"),
        ("Kowalczyk", "Kowalczyk"), ("Kamiński", "Kamińska"), ("Lewandowski", "Lewandowska"), ("Zieliński", "Zielińska"),
        ("Szymański", "Szymańska"), ("Woźniak", "Woźniak"), ("Dąbrowski", "Dąbrowska"), ("Kozłowski", "Kozłowska"),
        ("Jankowski", "Jankowska"), ("Mazur", "Mazur"), ("Kwiatkowski", "Kwiatkowska"), ("Krawczyk", "Krawczyk"),
        ("Piotrowski", "Piotrowska"), ("Grabowski", "Grabowska"), ("Nowakowski", "Nowakowska"), ("Pawłowski", "Pawłowska"),
        ("Michalski", "Michalska"), ("Król", "Król"), ("Wieczorek", "Wieczorek"), ("Jabłoński", "Jabłońska"),
        ("Wróbel", "Wróbel"), ("Majewski", "Majewska"), ("Olszewski", "Olszewska"), ("Stępień", "Stępień"),
        ("Łuczak", "Łuczak"), ("Żak", "Żak"), ("Ślusarczyk", "Ślusarczyk"), ("Gołębiowski", "Gołębiowska")]
UA_M = [("Oleksandr", "Олександр"), ("Andrii", "Андрій"), ("Serhii", "Сергій"), ("Dmytro", "Дмитро"), ("Vasyl", "Василь")]
UA_F = [("Olena", "Олена"), ("Iryna", "Ірина"), ("Oksana", "Оксана"), ("Nataliia", "Наталія"), ("Yuliia", "Юлія")]
UA_S = [("Shevchenko", "Шевченко"), ("Bondarenko", "Бондаренко"), ("Kovalenko", "Коваленко"), ("Tkachenko", "Ткаченко"),
        ("Kravchenko", "Кравченко"), ("Melnyk", "Мельник"), ("Boiko", "Бойко")]

LV_M = ["Jānis", "Andris", "Māris", "Edgars", "Uldis", "Kārlis"]
LV_F = ["Inese", "Ilze", "Līga", "Kristīne", "Dace", "Sandra"]
LV_S_M = ["Bērziņš", "Kalniņš", "Ozoliņš", "Liepiņš", "Krūmiņš", "Zariņš"]
LV_S_F = ["Bērziņa", "Kalniņa", "Ozoliņa", "Liepiņa", "Krūmiņa", "Zariņa"]
LT_M = ["Jonas", "Tomas", "Mantas", "Darius", "Vytautas", "Paulius"]
LT_F = ["Rasa", "Jurgita", "Asta", "Rūta", "Dalia", "Inga"]
LT_S_M = ["Kazlauskas", "Jankauskas", "Petrauskas", "Stankevičius", "Žukauskas", "Butkus"]
LT_S_F = ["Kazlauskienė", "Jankauskienė", "Petrauskienė", "Stankevičienė", "Žukauskienė", "Butkienė"]

US_M = ["James", "Robert", "John", "Michael", "David", "William", "Richard", "Joseph", "Thomas", "Charles", "Daniel",
        "Matthew", "Anthony", "Mark", "Donald", "Steven", "Paul", "Andrew", "Joshua", "Kenneth", "Kevin", "Brian",
        "George", "Timothy", "Ronald", "Edward", "Jason", "Jeffrey", "Ryan", "Gary", "Sean", "Luis", "Carlos", "Dwayne"]
US_F = ["Mary", "Patricia", "Jennifer", "Linda", "Elizabeth", "Barbara", "Susan", "Jessica", "Sarah", "Karen", "Lisa",
        "Nancy", "Betty", "Margaret", "Sandra", "Ashley", "Kimberly", "Emily", "Donna", "Michelle", "Carol", "Amanda",
        "Dorothy", "Melissa", "Deborah", "Stephanie", "Rebecca", "Sharon", "Laura", "Maria", "Rosa", "Keisha"]
US_S = ["Smith", "Johnson", "Williams", "Brown", "Jones", "Garcia", "Miller", "Davis", "Rodriguez", "Martinez", "Hernandez",
        "Lopez", "Gonzalez", "Wilson", "Anderson", "Thomas", "Taylor", "Moore", "Jackson", "Martin", "Lee", "Perez",
        "Thompson", "White", "Harris", "Sanchez", "Clark", "Ramirez", "Lewis", "Robinson", "Walker", "Young", "Allen",
        "King", "Wright", "Scott", "Torres", "Nguyen", "Hill", "Flores", "Green", "Adams", "Nelson", "Baker", "Hall",
        "O'Brien", "O'Connor", "D'Angelo", "McDonald", "MacKenzie", "De la Cruz", "Van Buren", "St. John", "Ruiz-Ortega",
        "Washington", "Kowalczyk", "Nakamura", "Schmidt", "Fitzgerald", "Le Blanc"]
US_SUFFIX = ["Jr.", "Sr.", "II", "III"]
