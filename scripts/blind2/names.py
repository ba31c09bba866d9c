# Invented-name building blocks (common first names and surnames, combined at random).
EE_M = ["Andres", "Margus", "Tiit", "Toomas", "Jaan", "Peeter", "Urmas", "Rein", "Priit", "Kalev", "Ants", "Mart", "Siim",
        "Rasmus", "Karl", "Markus", "Oliver", "Kristjan", "Indrek", "Raivo", "Heino", "Tõnu", "Jüri", "Ülo", "Aivar", "Erki",
        "Meelis", "Sander", "Martin", "Kaspar", "Hendrik", "Taavi", "Lauri", "Madis", "Tõnis"]
EE_F = ["Mari", "Kadri", "Tiina", "Anne", "Kristiina", "Triin", "Liis", "Katrin", "Piret", "Ene", "Malle", "Helle", "Sirje",
        "Maie", "Eha", "Külli", "Merike", "Kärt", "Laura", "Grete", "Anu", "Marika", "Ülle", "Siiri", "Heli", "Reet", "Pille",
        "Tuuli", "Õie", "Elo", "Kaja", "Maarja", "Liina", "Egle", "Riina"]
EE_L = ["Tamm", "Saar", "Sepp", "Mägi", "Kask", "Kukk", "Rebane", "Ilves", "Pärn", "Koppel", "Lepp", "Kallas", "Oja", "Vaher",
        "Lill", "Raudsepp", "Kuusk", "Karu", "Põld", "Kangur", "Mölder", "Luik", "Lõhmus", "Laur", "Õunapuu", "Jõgi", "Kivi",
        "Teder", "Sild", "Rätsep", "Kõiv", "Järv", "Paju", "Aas", "Nurm", "Vares", "Kütt", "Toom", "Org", "Hunt", "Männik",
        "Kivistik", "Nõmm", "Pihlak", "Ploom", "Hein", "Kaasik", "Uibo"]
# Russian speakers in Estonia: (Latin as in the Estonian register, Cyrillic)
RU_M = [("Sergei", "Сергей"), ("Aleksandr", "Александр"), ("Dmitri", "Дмитрий"), ("Andrei", "Андрей"), ("Vladimir", "Владимир"),
        ("Igor", "Игорь"), ("Nikolai", "Николай"), ("Maksim", "Максим"), ("Pavel", "Павел"), ("Oleg", "Олег"), ("Artjom", "Артём"),
        ("Roman", "Роман"), ("Denis", "Денис"), ("Viktor", "Виктор"), ("Juri", "Юрий"), ("Konstantin", "Константин")]
RU_F = [("Jelena", "Елена"), ("Olga", "Ольга"), ("Tatjana", "Татьяна"), ("Natalja", "Наталья"), ("Svetlana", "Светлана"),
        ("Irina", "Ирина"), ("Anna", "Анна"), ("Marina", "Марина"), ("Julia", "Юлия"), ("Galina", "Галина"),
        ("Ljudmila", "Людмила"), ("Jekaterina", "Екатерина"), ("Valentina", "Валентина"), ("Anastassia", "Анастасия"),
        ("Oksana", "Оксана"), ("Larissa", "Лариса")]
RU_L = [("Ivanov", "Иванов"), ("Smirnov", "Смирнов"), ("Kuznetsov", "Кузнецов"), ("Popov", "Попов"), ("Vassiljev", "Васильев"),
        ("Petrov", "Петров"), ("Sokolov", "Соколов"), ("Mihhailov", "Михайлов"), ("Fjodorov", "Фёдоров"), ("Morozov", "Морозов"),
        ("Volkov", "Волков"), ("Aleksejev", "Алексеев"), ("Lebedev", "Лебедев"), ("Semjonov", "Семёнов"), ("Jegorov", "Егоров"),
        ("Pavlov", "Павлов"), ("Kozlov", "Козлов"), ("Stepanov", "Степанов"), ("Nikolajev", "Николаев"), ("Orlov", "Орлов"),
        ("Makarov", "Макаров"), ("Zahharov", "Захаров"), ("Belov", "Белов"), ("Gromov", "Громов")]
EN_M = ["James", "Daniel", "Michael", "Thomas", "Oliver", "William", "Samuel", "David", "Peter", "Robert", "Luke", "Ethan"]
EN_F = ["Emily", "Sarah", "Laura", "Hannah", "Sophie", "Rachel", "Emma", "Charlotte", "Lucy", "Amy", "Grace", "Megan"]
EN_L = ["Smith", "Brown", "Wilson", "Taylor", "Clarke", "Walker", "Murphy", "O'Neill", "Evans", "Hughes", "Wright", "Green",
        "Baker", "Cooper", "Bennett", "Foster", "Ward", "Price"]
FI_M = ["Matti", "Juha", "Timo", "Kari", "Mikko", "Jari", "Pekka", "Antti", "Heikki", "Seppo", "Esa", "Raimo", "Eero",
        "Veikko", "Pentti", "Tapani", "Erkki", "Lauri", "Ilkka", "Jorma", "Reijo", "Arvo", "Väinö", "Aarne", "Keijo", "Unto"]
FI_F = ["Anneli", "Pirjo", "Tuula", "Leena", "Ritva", "Sirkka", "Marjatta", "Aino", "Eila", "Helena", "Kaarina", "Liisa",
        "Hilkka", "Raija", "Terttu", "Maija", "Sinikka", "Irja", "Aune", "Päivi", "Elina", "Tellervo", "Hellevi", "Sisko"]
FI_L = ["Virtanen", "Korhonen", "Mäkinen", "Nieminen", "Mäkelä", "Hämäläinen", "Laine", "Heikkinen", "Koskinen", "Järvinen",
        "Lehtonen", "Lehtinen", "Saarinen", "Salminen", "Heinonen", "Niemi", "Heikkilä", "Kinnunen", "Salonen", "Turunen",
        "Salo", "Laitinen", "Tuominen", "Rantanen", "Karjalainen", "Jokinen", "Mattila", "Savolainen", "Lahtinen", "Ahonen",
        "Räsänen", "Hyvönen", "Pesonen", "Kettunen", "Leinonen", "Väisänen", "Pölönen", "Öhman", "Kärkkäinen", "Ylönen"]
FS_M = ["Bo", "Göran", "Lars", "Stig", "Rolf", "Håkan", "Kjell", "Bengt", "Ulf", "Nils", "Sven", "Gunnar", "Tor"]
FS_F = ["Birgitta", "Gunilla", "Margareta", "Ulla", "Karin", "Solveig", "Ingrid", "Britt", "Marianne", "Astrid", "Gun", "Siv"]
FS_L = ["Lindholm", "Nyström", "Lindqvist", "Holmström", "Sjöberg", "Karlsson", "Åberg", "Wikström", "Grönroos", "Forsman",
        "Blomqvist", "Ekholm", "Söderlund", "Björklund", "Strandberg", "Westerlund", "Backman", "Åkerman"]
PL_M = ["Jan", "Andrzej", "Piotr", "Krzysztof", "Stanisław", "Tomasz", "Paweł", "Józef", "Marcin", "Marek", "Michał",
        "Grzegorz", "Jerzy", "Tadeusz", "Adam", "Łukasz", "Zbigniew", "Ryszard", "Dariusz", "Henryk", "Wojciech", "Kazimierz"]
PL_F = ["Anna", "Maria", "Katarzyna", "Małgorzata", "Agnieszka", "Barbara", "Ewa", "Krystyna", "Elżbieta", "Zofia", "Teresa",
        "Magdalena", "Joanna", "Danuta", "Janina", "Beata", "Jadwiga", "Aleksandra", "Halina", "Irena", "Grażyna", "Bożena"]
# (masculine, feminine)
PL_L = [("Nowak", "Nowak"), ("Kowalski", "Kowalska"), ("Wiśniewski", "Wiśniewska"), ("Wójcik", "Wójcik"),
        ("Kowalczyk", "Kowalczyk"), ("Kamiński", "Kamińska"), ("Lewandowski", "Lewandowska"), ("Zieliński", "Zielińska"),
        ("Szymański", "Szymańska"), ("Woźniak", "Woźniak"), ("Dąbrowski", "Dąbrowska"), ("Kozłowski", "Kozłowska"),
        ("Jankowski", "Jankowska"), ("Mazur", "Mazur"), ("Kwiatkowski", "Kwiatkowska"), ("Krawczyk", "Krawczyk"),
        ("Piotrowski", "Piotrowska"), ("Grabowski", "Grabowska"), ("Nowakowski", "Nowakowska"), ("Pawłowski", "Pawłowska"),
        ("Michalski", "Michalska"), ("Król", "Król"), ("Wieczorek", "Wieczorek"), ("Jabłoński", "Jabłońska"),
        ("Wróbel", "Wróbel"), ("Majewski", "Majewska"), ("Olszewski", "Olszewska"), ("Stępień", "Stępień"),
        ("Malinowski", "Malinowska"), ("Górski", "Górska"), ("Sikora", "Sikora"), ("Baran", "Baran"), ("Żak", "Żak")]
UA_M = ["Oleksandr", "Andrii", "Serhii", "Volodymyr", "Mykola", "Taras", "Bohdan"]
UA_F = ["Olena", "Iryna", "Oksana", "Nataliia", "Tetiana", "Yuliia", "Halyna"]
UA_L = ["Kovalenko", "Shevchenko", "Bondarenko", "Tkachenko", "Kravchenko", "Melnyk", "Boiko", "Moroz", "Lysenko", "Marchenko"]
US_M = ["James", "Robert", "John", "Michael", "David", "William", "Richard", "Joseph", "Thomas", "Christopher", "Charles",
        "Daniel", "Matthew", "Anthony", "Mark", "Donald", "Steven", "Andrew", "Kenneth", "Joshua", "Kevin", "Brian", "George",
        "Timothy", "Ronald", "Jason", "Edward", "Jeffrey", "Ryan", "Jacob", "Gary", "Nicholas", "Eric", "Jonathan", "Luis",
        "Carlos", "Minh", "Dwayne"]
US_F = ["Mary", "Patricia", "Jennifer", "Linda", "Elizabeth", "Barbara", "Susan", "Jessica", "Karen", "Nancy", "Lisa",
        "Betty", "Sandra", "Ashley", "Kimberly", "Donna", "Emily", "Michelle", "Carol", "Amanda", "Melissa", "Deborah",
        "Stephanie", "Rebecca", "Laura", "Sharon", "Cynthia", "Kathleen", "Amy", "Angela", "Shirley", "Brenda", "Emma", "Anna",
        "Maria", "Guadalupe", "Mai", "LaToya"]
US_L = ["Smith", "Johnson", "Williams", "Brown", "Jones", "Garcia", "Miller", "Davis", "Rodriguez", "Martinez", "Hernandez",
        "Lopez", "Gonzalez", "Wilson", "Anderson", "Thomas", "Taylor", "Moore", "Jackson", "Martin", "Lee", "Perez", "Thompson",
        "White", "Harris", "Sanchez", "Clark", "Ramirez", "Lewis", "Robinson", "Walker", "Young", "Allen", "King", "Wright",
        "Scott", "Torres", "Nguyen", "Hill", "Flores", "Green", "Adams", "Nelson", "Baker", "Hall", "Rivera", "Campbell",
        "Mitchell", "Carter", "Roberts", "O'Brien", "McDonald", "Van Dyke", "St. John", "Kowalski-Reed", "Okafor", "Yamamoto"]
LV_M = [("Jānis", "Bērziņš"), ("Andris", "Ozols"), ("Mārtiņš", "Kalniņš"), ("Pēteris", "Jansons"), ("Edgars", "Liepiņš"),
        ("Kārlis", "Krūmiņš"), ("Artūrs", "Vītols"), ("Raimonds", "Zariņš")]
LV_F = [("Anna", "Kalniņa"), ("Ilze", "Liepa"), ("Inese", "Ozola"), ("Līga", "Jansone"), ("Kristīne", "Bērziņa"),
        ("Dace", "Krūmiņa"), ("Sanita", "Vītola"), ("Zane", "Zariņa")]
LT_M = [("Jonas", "Kazlauskas"), ("Tomas", "Jankauskas"), ("Mindaugas", "Vasiliauskas"), ("Darius", "Petrauskas"),
        ("Andrius", "Žukauskas"), ("Vytautas", "Butkus"), ("Paulius", "Stankevičius")]
LT_F = [("Rūta", "Petrauskienė"), ("Asta", "Stankevičienė"), ("Eglė", "Žukauskaitė"), ("Jurgita", "Kazlauskienė"),
        ("Inga", "Jankauskaitė"), ("Laima", "Butkienė"), ("Neringa", "Vasiliauskienė")]
SE_M = [("Anders", "Johansson"), ("Erik", "Karlsson"), ("Lars", "Eriksson"), ("Johan", "Nilsson"), ("Per", "Larsson"),
        ("Mikael", "Olsson"), ("Fredrik", "Persson"), ("Magnus", "Svensson")]
SE_F = [("Maria", "Andersson"), ("Karin", "Nilsson"), ("Eva", "Larsson"), ("Anna", "Gustafsson"), ("Sara", "Pettersson"),
        ("Lena", "Jonsson"), ("Emma", "Lindberg"), ("Ingrid", "Sjögren")]
