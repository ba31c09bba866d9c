"""Invented-name pools (random combinations of common given names and composed surnames)."""

EE_F = ["Mari", "Kadri", "Liis", "Triin", "Kersti", "Ülle", "Maarja", "Piret", "Eha", "Helgi", "Anu", "Tiina",
        "Reet", "Kristiina", "Merle", "Ene", "Külli", "Siiri", "Helje", "Aino", "Kärt", "Mirjam", "Signe", "Õie"]
EE_M = ["Tiit", "Jaan", "Priit", "Margus", "Toomas", "Andres", "Rein", "Jüri", "Mart", "Urmas", "Indrek", "Tõnu",
        "Kalev", "Ülo", "Aivar", "Raivo", "Meelis", "Hillar", "Lauri", "Siim", "Rasmus", "Kaarel", "Märt", "Peeter"]
EE_S1 = ["Kase", "Kuuse", "Männi", "Tamme", "Saare", "Lepa", "Pihla", "Kivi", "Järve", "Mäe", "Metsa", "Raua",
         "Sepa", "Laane", "Oja", "Põllu", "Rebase", "Kure", "Lõhmus", "Vahtra", "Sõmer", "Künnapuu", "Rohu", "Lille"]
EE_S2 = ["mets", "oja", "pere", "salu", "lill", "puu", "väli", "aru", "vere", "soo", "nurm", "maa", "kõrv", "lo"]

RU_F = [("Jelena", "Елена"), ("Olga", "Ольга"), ("Tatjana", "Татьяна"), ("Svetlana", "Светлана"),
        ("Natalja", "Наталья"), ("Irina", "Ирина"), ("Galina", "Галина"), ("Ljudmila", "Людмила"),
        ("Marina", "Марина"), ("Valentina", "Валентина")]
RU_M = [("Sergei", "Сергей"), ("Andrei", "Андрей"), ("Dmitri", "Дмитрий"), ("Aleksandr", "Александр"),
        ("Vladimir", "Владимир"), ("Nikolai", "Николай"), ("Igor", "Игорь"), ("Pavel", "Павел"),
        ("Oleg", "Олег"), ("Viktor", "Виктор")]
RU_S = [("Ivanov", "Иванов"), ("Smirnov", "Смирнов"), ("Kuznetsov", "Кузнецов"), ("Popov", "Попов"),
        ("Sokolov", "Соколов"), ("Lebedev", "Лебедев"), ("Kozlov", "Козлов"), ("Novikov", "Новиков"),
        ("Morozov", "Морозов"), ("Volkov", "Волков"), ("Solovjov", "Соловьёв"), ("Vassiljev", "Васильев"),
        ("Zaitsev", "Зайцев"), ("Pavlov", "Павлов"), ("Semjonov", "Семёнов"), ("Golubev", "Голубев"),
        ("Vinogradov", "Виноградов"), ("Bogdanov", "Богданов"), ("Orlov", "Орлов"), ("Belov", "Белов")]

LV_F = ["Ilze", "Inese", "Līga", "Dace", "Sandra", "Kristīne", "Anita", "Ieva"]
LV_M = ["Jānis", "Andris", "Māris", "Edgars", "Guntis", "Aivars", "Raimonds", "Kārlis"]
LV_S = [("Bērziņš", "Bērziņa"), ("Kalniņš", "Kalniņa"), ("Ozoliņš", "Ozoliņa"), ("Liepiņš", "Liepiņa"),
        ("Krūmiņš", "Krūmiņa"), ("Vītols", "Vītola"), ("Kļaviņš", "Kļaviņa"), ("Zariņš", "Zariņa")]

FI_F = ["Pirjo", "Aila", "Raili", "Sirkka", "Eeva", "Marjatta", "Tuula", "Leena", "Hilkka", "Anneli", "Kaarina",
        "Helvi", "Irja", "Terttu", "Seija", "Ritva", "Maija", "Aune", "Elli", "Orvokki"]
FI_M = ["Pentti", "Matti", "Juhani", "Eino", "Veikko", "Tapani", "Kalevi", "Erkki", "Heikki", "Olavi", "Antero",
        "Reijo", "Arvo", "Onni", "Väinö", "Toivo", "Aarne", "Raimo", "Unto", "Lauri"]
FI_S1 = ["Kivi", "Metsä", "Järvi", "Lehto", "Koski", "Niemi", "Salo", "Mäki", "Ranta", "Vuori", "Harju", "Aho",
         "Laakso", "Pelto", "Suo", "Hirvi", "Kallio", "Lampi", "Karhu", "Koivu", "Pajunen", "Rinne", "Hiltu"]
FI_S2 = ["nen", "la", "lä", "mäki", "niemi", "lahti", "vaara", "korpi", "salo", "oja", "harju", "kangas"]

SV_F = ["Britt", "Gunilla", "Margareta", "Ulla", "Birgitta", "Solveig", "Karin", "Ingrid", "Astrid", "Gun"]
SV_M = ["Bengt", "Göran", "Lars", "Nils", "Stig", "Rolf", "Kjell", "Sven", "Ragnar", "Håkan"]
SV_S = ["Lindqvist", "Lindholm", "Ekström", "Söderberg", "Holmström", "Nyström", "Sjöblom", "Grönroos",
        "Wikström", "Åkerman", "Blomqvist", "Forsman", "Sundqvist", "Lindroos", "Westerlund", "Björkman",
        "Strandberg", "Enqvist", "Åström", "Hägglund", "Öhman", "Kronqvist", "Backman", "Sandell"]

PL_F = ["Anna", "Maria", "Katarzyna", "Małgorzata", "Agnieszka", "Barbara", "Ewa", "Krystyna", "Elżbieta",
        "Zofia", "Joanna", "Magdalena", "Jadwiga", "Halina", "Urszula", "Grażyna", "Dorota", "Beata"]
PL_M = ["Piotr", "Krzysztof", "Andrzej", "Tomasz", "Paweł", "Jan", "Michał", "Marcin", "Grzegorz", "Józef",
        "Łukasz", "Zbigniew", "Stanisław", "Wojciech", "Mirosław", "Jerzy", "Ryszard", "Kazimierz"]
PL_S = [("Nowak", "Nowak"), ("Kowalski", "Kowalska"), ("Wiśniewski", "Wiśniewska"), ("Wójcik", "Wójcik"),
        ("Kowalczyk", "Kowalczyk"), ("Kamiński", "Kamińska"), ("Lewandowski", "Lewandowska"),
        ("Zieliński", "Zielińska"), ("Szymański", "Szymańska"), ("Woźniak", "Woźniak"),
        ("Dąbrowski", "Dąbrowska"), ("Kozłowski", "Kozłowska"), ("Jankowski", "Jankowska"), ("Mazur", "Mazur"),
        ("Kwiatkowski", "Kwiatkowska"), ("Krawczyk", "Krawczyk"), ("Piotrowski", "Piotrowska"),
        ("Grabowski", "Grabowska"), ("Pawłowski", "Pawłowska"), ("Michalski", "Michalska"),
        ("Adamczyk", "Adamczyk"), ("Dudek", "Dudek"), ("Zając", "Zając"), ("Wieczorek", "Wieczorek"),
        ("Jabłoński", "Jabłońska"), ("Król", "Król"), ("Majewski", "Majewska"), ("Olszewski", "Olszewska"),
        ("Wróbel", "Wróbel"), ("Malinowski", "Malinowska"), ("Pawlak", "Pawlak"), ("Górski", "Górska"),
        ("Sikora", "Sikora"), ("Stępień", "Stępień"), ("Chmielewski", "Chmielewska"), ("Sobczak", "Sobczak"),
        ("Gołębiowski", "Gołębiowska"), ("Żak", "Żak"), ("Błaszczyk", "Błaszczyk"), ("Ślusarczyk", "Ślusarczyk")]

US_F = ["Mary", "Patricia", "Jennifer", "Linda", "Elizabeth", "Barbara", "Susan", "Jessica", "Sarah", "Karen",
        "Nancy", "Lisa", "Betty", "Sandra", "Ashley", "Donna", "Carol", "Michelle", "Dorothy", "Rosa", "Mei",
        "Aaliyah", "Guadalupe", "Siobhan", "Renée"]
US_M = ["James", "Robert", "John", "Michael", "David", "William", "Richard", "Joseph", "Thomas", "Charles",
        "Daniel", "Matthew", "Anthony", "Mark", "Donald", "Steven", "Kenneth", "Kevin", "Darnell", "José",
        "Tuan", "Jamal", "Sean"]
US_S = ["Smith", "Johnson", "Williams", "Brown", "Jones", "Garcia", "Miller", "Davis", "Rodriguez", "Martinez",
        "Hernandez", "Lopez", "Gonzalez", "Wilson", "Anderson", "Taylor", "Moore", "Jackson", "Martin", "Lee",
        "Perez", "Thompson", "White", "Harris", "Sanchez", "Clark", "Ramirez", "Lewis", "Robinson", "Walker",
        "Young", "Allen", "King", "Wright", "Scott", "Torres", "Nguyen", "Hill", "Flores", "Green", "Adams",
        "Nelson", "Baker", "Hall", "Rivera", "Campbell", "Mitchell", "Carter", "Roberts", "O'Brien",
        "Garcia-Lopez", "McAllister", "Van der Berg", "Okafor", "Kowalczyk", "Haddad"]
