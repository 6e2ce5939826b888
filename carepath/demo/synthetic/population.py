"""Households and the people in them: families share a family name, an address and a language."""

import datetime
import random
from collections.abc import Iterator
from dataclasses import dataclass, field

from carepath.demo.synthetic.names import LANGUAGE_WEIGHTS, LANGUAGES, STREETS, Language
from carepath.demo.synthetic.rows import Rows
from carepath.people.models import Household, Person

# A district per this many citizens, each with its own adult and children's units: a unit of a real
# municipality serves a neighbourhood, not a million people (issue 6: realistic caseloads per unit).
DISTRICT_CITIZENS = 10_000
SIZES, SIZE_WEIGHTS = (1, 2, 3, 4, 5), (36, 28, 15, 14, 7)
CALLING_CODES = {"lt": "370", "pt": "351", "da": "45", "it": "39", "bg": "359", "de": "49", "pl": "48",
                 "cs": "420", "es": "34", "fr": "33", "hu": "36"}


def districts_for(citizens: int) -> int:
    return max(2, -(-citizens // DISTRICT_CITIZENS))


def district_name(district: int, districts: int) -> str:
    """North and South while there are two (the demo's size), then numbered."""
    return ("North", "South")[district] if districts == 2 else f"District {district + 1}"


@dataclass
class Member:
    pk: int
    given: str
    family: str
    born: datetime.date
    male: bool
    is_child: bool

    @property
    def name(self) -> str:
        return f"{self.given} {self.family}"

    def age(self, on: datetime.date) -> int:
        return on.year - self.born.year - ((on.month, on.day) < (self.born.month, self.born.day))


@dataclass
class Home:
    pk: int | None  # a person living alone has no household
    district: int  # which of the municipality's districts, and so which of its units, serve them
    members: list[Member] = field(default_factory=list)

    @property
    def adults(self) -> list[Member]:
        return [m for m in self.members if not m.is_child]

    @property
    def children(self) -> list[Member]:
        return [m for m in self.members if m.is_child]


class Population:
    """Makes households one by one until the number of citizens is reached."""

    def __init__(self, rng: random.Random, rows: Rows, anchor: datetime.date, districts: int) -> None:
        self.rng, self.rows, self.anchor, self.districts = rng, rows, anchor, districts

    def homes(self, citizens: int) -> Iterator[Home]:
        made = 0
        while made < citizens:
            size = min(self.rng.choices(SIZES, SIZE_WEIGHTS)[0], citizens - made)
            made += size
            yield self.home(size)

    def home(self, size: int) -> Home:
        rng = self.rng
        language = rng.choices(LANGUAGES, LANGUAGE_WEIGHTS)[0]
        family = rng.choice(language.family)
        street = rng.randrange(len(STREETS))
        district = rng.randrange(self.districts)
        address = f"{rng.randint(1, 180)} {STREETS[street]}, {district_name(district, self.districts)} district"
        if size == 1:
            home = Home(None, district)
            self.person(home, language, family, rng.randint(18, 95), rng.random() < 0.5, False, address, "")
            return home
        home = Home(self.rows.add(Household, name=f"The {family[0]} family", address=address).pk, district)
        with_children = size > 2 or rng.random() < 0.4
        children = size - (2 if size > 2 and rng.random() < 0.8 else 1) if with_children else 0
        oldest = rng.randint(0, 17)
        parent_age = oldest + rng.randint(20, 40) if children else rng.randint(25, 90)
        first_is_man = rng.random() < 0.5
        for n in range(size - children):
            role = "parent" if children else "partner"
            age = max(18, parent_age + rng.randint(-4, 4))
            self.person(home, language, family, age, first_is_man if n == 0 else not first_is_man, False,
                        address, role)
        for n in range(children):
            age = oldest if n == 0 else rng.randint(0, oldest)
            self.person(home, language, family, age, rng.random() < 0.5, True, address, "child")
        return home

    def person(self, home: Home, language: Language, family: tuple[str, str, str], age: int, male: bool,
               is_child: bool, address: str, role: str) -> None:
        rng = self.rng
        given = rng.choice(language.male if male else language.female)
        # Men carry the male form; a mother the married form; girls and single women the unmarried one.
        family_name = family[0] if male else family[1] if role in ("parent", "partner") else family[2]
        born = self.anchor - datetime.timedelta(days=age * 365 + rng.randint(0, 364))
        phone = ""
        if not is_child and rng.random() < 0.6:
            phone = f"+{CALLING_CODES[language.code]} {rng.randint(100_000_000, 999_999_999)}"
        person = self.rows.add(
            Person, given_name=given, family_name=family_name, birth_date=born, address=address,
            phone=phone, preferred_language=language.code, household_id=home.pk, household_role=role,
        )
        home.members.append(Member(person.pk, given, family_name, born, male, is_child))
