"""Given and family names of several European languages, written by hand, diacritics kept.

A family name is (male form, married female form, unmarried female form): Lithuanian,
Polish, Czech and Bulgarian names change with gender (Kazlauskas, Kazlauskienė, Kazlauskaitė).
"""

from dataclasses import dataclass

FamilyName = tuple[str, str, str]


def same(*names: str) -> list[FamilyName]:
    return [(n, n, n) for n in names]


def gendered(*pairs: tuple[str, str]) -> list[FamilyName]:
    return [(male, female, female) for male, female in pairs]


def lithuanian(*stems: tuple[str, str, str]) -> list[FamilyName]:
    """(stem, male ending, unmarried ending): Kazlausk + as / ienė / aitė."""
    return [(stem + male, stem + "ienė", stem + girl) for stem, male, girl in stems]


@dataclass(frozen=True)
class Language:
    code: str
    male: tuple[str, ...]
    female: tuple[str, ...]
    family: tuple[FamilyName, ...]


LANGUAGES = (
    Language(
        "lt",
        ("Jonas", "Tomas", "Mindaugas", "Darius", "Žygimantas", "Šarūnas", "Rokas", "Matas", "Lukas",
         "Dovydas", "Kęstutis", "Vytautas", "Algirdas", "Giedrius", "Justinas", "Mantas", "Aurimas"),
        ("Rūta", "Aistė", "Emilija", "Gabija", "Ieva", "Austėja", "Ugnė", "Dalia", "Jūratė", "Eglė",
         "Goda", "Živilė", "Laima", "Giedrė", "Kotryna", "Urtė", "Skaistė"),
        tuple(lithuanian(
            ("Kazlausk", "as", "aitė"), ("Petrausk", "as", "aitė"), ("Jankausk", "as", "aitė"),
            ("Stankevič", "ius", "iūtė"), ("Vasiliausk", "as", "aitė"), ("Žukausk", "as", "aitė"),
            ("Butkevič", "ius", "iūtė"), ("Paulausk", "as", "aitė"), ("Urbon", "as", "aitė"),
            ("Kavaliausk", "as", "aitė"), ("Baranausk", "as", "aitė"), ("Šimk", "us", "ūtė"),
            ("Vaitk", "us", "utė"), ("Jonait", "is", "ytė"), ("Gudait", "is", "ytė"),
        )),
    ),
    Language(
        "pt",
        ("João", "Tiago", "Rui", "Gonçalo", "Simão", "André", "Tomás", "Martim", "Duarte", "Sebastião",
         "Luís", "Nuno", "Vítor", "Afonso", "Rodrigo"),
        ("Ana", "Beatriz", "Inês", "Leonor", "Matilde", "Conceição", "Luísa", "Mariana", "Constança",
         "Joana", "Margarida", "Sónia", "Lúcia", "Carolina", "Íris"),
        tuple(same("Silva", "Santos", "Ferreira", "Pereira", "Gonçalves", "Simões", "Magalhães",
                   "Conceição", "Araújo", "Brandão", "Gião", "Assunção", "Falcão", "Lourenço", "Romão")),
    ),
    Language(
        "da",
        ("Søren", "Jørgen", "Mads", "Rasmus", "Anders", "Bjørn", "Frederik", "Mikkel", "Jesper",
         "Thøger", "Niels", "Kasper", "Asbjørn", "Emil", "Lars"),
        ("Mette", "Sørine", "Ida", "Freja", "Astrid", "Ingrid", "Maja", "Signe", "Karen", "Bodil",
         "Birgitte", "Line", "Åse", "Trine", "Kirstine"),
        tuple(same("Sørensen", "Jørgensen", "Nielsen", "Hansen", "Pedersen", "Mølgaard", "Østergaard",
                   "Kjær", "Søndergaard", "Lauridsen", "Højgaard", "Bækgaard", "Holm", "Dahl", "Friis")),
    ),
    Language(
        "it",
        ("Niccolò", "Nicolò", "Luca", "Matteo", "Lorenzo", "Giuseppe", "Paolo", "Andrea", "Marco",
         "Giovanni", "Francesco", "Raffaele", "Salvatore", "Gianluca", "Tommaso"),
        ("Giulia", "Chiara", "Francesca", "Sofia", "Aurora", "Martina", "Noemi", "Maria", "Lucia",
         "Benedetta", "Ludovica", "Elena", "Greta", "Alessia", "Carlotta"),
        tuple(same("Rossi", "Bianchi", "Romano", "Esposito", "Colombo", "Ricci", "Marino", "Greco",
                   "D'Angelo", "De Luca", "Lo Russo", "Mancini", "Fabbri", "Conte", "Galli")),
    ),
    Language(
        "bg",
        ("Georgi", "Dimitar", "Ivan", "Nikolai", "Stoyan", "Hristo", "Todor", "Petar", "Yordan",
         "Kaloyan", "Zhivko", "Boyan", "Vasil", "Aleksandar", "Plamen"),
        ("Maria", "Elena", "Desislava", "Tsvetelina", "Yordanka", "Radka", "Gergana", "Snezhana",
         "Viktoria", "Zhana", "Rositsa", "Stefka", "Milena", "Borislava", "Ani"),
        tuple(gendered(("Ivanov", "Ivanova"), ("Georgiev", "Georgieva"), ("Dimitrov", "Dimitrova"),
                       ("Petrov", "Petrova"), ("Stoyanov", "Stoyanova"), ("Todorov", "Todorova"),
                       ("Kolev", "Koleva"), ("Zhelev", "Zheleva"), ("Hristov", "Hristova"),
                       ("Angelov", "Angelova"), ("Nikolov", "Nikolova"), ("Tsvetkov", "Tsvetkova"))),
    ),
    Language(
        "bg",  # the same names in Cyrillic, as they are written at home
        ("Георги", "Димитър", "Иван", "Николай", "Стоян", "Христо", "Тодор", "Петър", "Йордан",
         "Калоян", "Живко", "Боян", "Васил", "Александър", "Пламен"),
        ("Мария", "Елена", "Десислава", "Цветелина", "Йорданка", "Радка", "Гергана", "Снежана",
         "Виктория", "Жана", "Росица", "Стефка", "Милена", "Борислава", "Ани"),
        tuple(gendered(("Иванов", "Иванова"), ("Георгиев", "Георгиева"), ("Димитров", "Димитрова"),
                       ("Петров", "Петрова"), ("Стоянов", "Стоянова"), ("Тодоров", "Тодорова"),
                       ("Колев", "Колева"), ("Желев", "Желева"), ("Христов", "Христова"),
                       ("Ангелов", "Ангелова"), ("Николов", "Николова"), ("Цветков", "Цветкова"))),
    ),
    Language(
        "de",
        ("Lukas", "Jürgen", "Günter", "Matthias", "Jörg", "Tobias", "Stefan", "Felix", "Maximilian",
         "Björn", "Uwe", "Lennart", "Rüdiger", "Sören", "Fabian"),
        ("Katrin", "Jülide", "Hannah", "Lena", "Jana", "Sabine", "Käthe", "Lea", "Mia", "Anja",
         "Ursula", "Brigitte", "Jördis", "Charlotte", "Annegret"),
        tuple(same("Müller", "Schröder", "Brandt", "Weiß", "Groß", "Köhler", "Krüger", "Böhm",
                   "Günther", "Schäfer", "Hoffmann", "Fuchs", "Keßler", "Jäger", "Möller")),
    ),
    Language(
        "pl",
        ("Jan", "Łukasz", "Michał", "Paweł", "Wojciech", "Stanisław", "Grzegorz", "Bartłomiej",
         "Jakub", "Mikołaj", "Przemysław", "Tomasz", "Krzysztof", "Zbigniew", "Maciej"),
        ("Agnieszka", "Małgorzata", "Zofia", "Katarzyna", "Joanna", "Bożena", "Jadwiga", "Łucja",
         "Urszula", "Grażyna", "Żaneta", "Weronika", "Alicja", "Ewa", "Halina"),
        tuple(gendered(("Kowalski", "Kowalska"), ("Wiśniewski", "Wiśniewska"), ("Wójcik", "Wójcik"),
                       ("Kamiński", "Kamińska"), ("Lewandowski", "Lewandowska"), ("Zieliński", "Zielińska"),
                       ("Woźniak", "Woźniak"), ("Dąbrowski", "Dąbrowska"), ("Kozłowski", "Kozłowska"),
                       ("Jankowski", "Jankowska"), ("Mazur", "Mazur"), ("Krawczyk", "Krawczyk"),
                       ("Piątek", "Piątek"), ("Grabowski", "Grabowska"), ("Pawłowski", "Pawłowska"))),
    ),
    Language(
        "cs",
        ("Jiří", "Tomáš", "Lukáš", "Ondřej", "Petr", "Václav", "Matěj", "Jaroslav", "Vojtěch",
         "Radek", "Miloš", "Zdeněk", "Dušan", "Štěpán", "Bořek"),
        ("Tereza", "Lucie", "Kateřina", "Markéta", "Věra", "Zuzana", "Jitka", "Božena", "Hana",
         "Růžena", "Šárka", "Eliška", "Dagmar", "Alžběta", "Klára"),
        tuple(gendered(("Novák", "Nováková"), ("Dvořák", "Dvořáková"), ("Černý", "Černá"),
                       ("Procházka", "Procházková"), ("Kučera", "Kučerová"), ("Veselý", "Veselá"),
                       ("Horák", "Horáková"), ("Němec", "Němcová"), ("Růžička", "Růžičková"),
                       ("Pokorný", "Pokorná"), ("Král", "Králová"), ("Šťastný", "Šťastná"))),
    ),
    Language(
        "es",
        ("José", "Álvaro", "Íñigo", "Sergio", "Raúl", "Martín", "Jesús", "Andrés", "Nicolás", "Rubén",
         "Óscar", "Joaquín", "Adrián", "Iván", "Hugo"),
        ("María", "Lucía", "Begoña", "Inés", "Sofía", "Mónica", "Raquel", "Ángela", "Nuria",
         "Maite", "Rocío", "Pilar", "Marta", "Verónica", "Irene"),
        tuple(same("García", "Fernández", "González", "Rodríguez", "López", "Martínez", "Sánchez",
                   "Pérez", "Gómez", "Jiménez", "Muñoz", "Álvarez", "Núñez", "Ibáñez", "Peña")),
    ),
    Language(
        "fr",
        ("Jérôme", "François", "Léo", "Théo", "Noël", "Hervé", "Benoît", "Gaëtan", "Loïc", "Mathéo",
         "Clément", "Stéphane", "Aurélien", "Rémi", "Étienne"),
        ("Chloé", "Léa", "Zoé", "Hélène", "Françoise", "Anaïs", "Mélanie", "Noémie", "Cécile",
         "Agnès", "Maëlle", "Josée", "Inès", "Gaëlle", "Émilie"),
        tuple(same("Lefèvre", "Dubois", "Moreau", "Girard", "Mercier", "Lefèbvre", "Bézier",
                   "Fournier", "Gérard", "Rousseau", "Chevalier", "Boucher", "Bérenger", "Lemaître",
                   "Faure")),
    ),
    Language(
        "hu",
        ("Bence", "Gergő", "Ádám", "Levente", "Máté", "Dániel", "Zoltán", "István", "Péter",
         "Tamás", "Ákos", "Balázs", "Győző", "Ödön", "Csaba"),
        ("Réka", "Zsófia", "Anna", "Eszter", "Lili", "Júlia", "Boglárka", "Krisztina", "Ildikó",
         "Nóra", "Erzsébet", "Tünde", "Kinga", "Ágnes", "Dóra"),
        tuple(same("Nagy", "Kovács", "Tóth", "Szabó", "Horváth", "Varga", "Kiss", "Molnár",
                   "Németh", "Farkas", "Balogh", "Papp", "Takács", "Juhász", "Lakatos", "Szűcs")),
    ),
)

# How often each language is heard in the synthetic municipality (same order as LANGUAGES).
LANGUAGE_WEIGHTS = (16, 10, 10, 10, 5, 4, 10, 10, 6, 7, 6, 6)

STREETS = (
    "Mill Lane", "Chestnut Road", "Linden Avenue", "Station Road", "Harbour Street", "Willow Street",
    "Orchard Close", "Birch Road", "Quay Street", "Market Square", "Church Street", "Meadow Way",
    "River Walk", "School Lane", "Bridge Street", "Garden Row", "Park Road", "Castle Hill",
    "Elm Grove", "Baker Street", "Wharf Road", "Tannery Lane", "Weavers Yard", "Poplar Avenue",
)
