"""The organisations, service catalogue and staff of one synthetic municipality.

Each seed gets its own municipality ("Synthetic municipality (seed 1)") with its providers and
staff, so generated data never mixes with the demo's stories, and a second seed adds a second
municipality. The municipality has an adult and a children's unit per district, a district per
10,000 citizens (at least two). Logins: s<seed>-leader1, 2, ... lead the units and see all their
cases; the password is the demo's (CAREPATH_DEMO_PASSWORD or demo-pass-2026).
"""

import random
from dataclasses import dataclass, field

from django.contrib.auth.hashers import make_password
from django.db.models import Max

from carepath.accounts.models import Role, User
from carepath.demo.catalogue import demo_password
from carepath.demo.synthetic.names import LANGUAGES
from carepath.demo.synthetic.population import district_name, districts_for
from carepath.organisations.models import Organisation, Service, Unit

AUTHORITY_UNITS = (("Adult social services", "adult"), ("Children and families", "child"))
CASE_WORKERS_PER_CITIZEN = 0.006  # about 37 open or recent cases each

# provider: its units (seed 003: "the interventions are mainly delivered by 7 social services centres")
PROVIDERS = (
    ("Independent living home", ("Residents' houses",), "living"),
    ("Social services centres", tuple(f"Centre {n}" for n in range(1, 8)), "centre"),
    ("Mobile trauma help for boys", ("Mobile team",), "boys"),
    ("Early intervention team", ("Early intervention",), "early"),
    ("Tailoring cooperative", ("Workshop",), "coop"),
    ("Adult education centre", ("Courses",), "courses"),
)

# (provider index, unit index, name, for whom, life domains, lowest level, highest level)
SERVICES = (
    (0, 0, "Independent living with person-centred support", "adult",
     ("housing", "daily_living", "leisure", "finances"), 1, 3),
    *[(1, n, f"Adult support in your own home (Centre {n + 1})", "adult",
       ("daily_living", "health", "social_relations"), 0, 3) for n in range(7)],
    (1, 0, "Video support at home", "adult", ("daily_living", "health"), 0, 2),
    (1, 1, "Activity and meeting place", "adult", ("leisure", "social_relations"), 0, 4),
    (1, 3, "Family helper at home", "child", ("daily_living", "education", "social_relations"), 0, 4),
    (2, 0, "Mobile trauma help for boys", "boy", ("health", "social_relations", "leisure"), 0, 4),
    (3, 0, "Early intervention for children and families", "small_child",
     ("health", "education", "daily_living"), 0, 4),
    (4, 0, "Supported work at the tailoring cooperative", "adult", ("work", "finances"), 0, 3),
    (5, 0, "Courses in English and everyday skills", "adult", ("education", "work"), 0, 3),
)

PURPOSES = {
    "adult": "Support for adults to master their own life as much as possible, with the least "
    "possible intervention.",
    "child": "Support for the family at home, in the family's own rhythm, with the parents.",
    "boy": "Counselling and support in motion where the boys live, without needing to talk about "
    "what happened.",
    "small_child": "Coordinated support for a child at risk of disability and the family, with the "
    "parents as experts.",
}


@dataclass(frozen=True)
class ServiceInfo:
    pk: int
    unit_id: int
    name: str
    audience: str
    domains: tuple[str, ...]
    level_min: int
    level_max: int


@dataclass
class SyntheticWorld:
    authority: Organisation
    units: dict[tuple[str, int], Unit]  # (adult|child, district) -> unit
    case_workers: dict[int, list[int]]  # unit id -> user ids
    staff: dict[int, list[int]]  # provider unit id -> user ids
    services: list[ServiceInfo] = field(default_factory=list)


def authority_name(seed: int) -> str:
    return f"Synthetic municipality (seed {seed})"


def build(*, seed: int, citizens: int, rng: random.Random) -> SyntheticWorld:
    """Create the municipality, providers, services and staff, scaled to the number of citizens."""
    authority = Organisation.objects.create(name=authority_name(seed), kind=Organisation.Kind.AUTHORITY)
    districts = districts_for(citizens)
    units = {(kind, d): Unit.objects.create(organisation=authority, name=f"{name} {district_name(d, districts)}")
             for d in range(districts) for name, kind in AUTHORITY_UNITS}
    provider_units: list[list[Unit]] = []
    for name, unit_names, _slug in PROVIDERS:
        provider = Organisation.objects.create(name=f"{name} (seed {seed})", kind=Organisation.Kind.PROVIDER)
        provider_units.append([Unit.objects.create(organisation=provider, name=n) for n in unit_names])
    capacity = max(10, citizens // 200)
    services = []
    for p, u, name, audience, domains, low, high in SERVICES:
        unit = provider_units[p][u]
        made = Service.objects.create(
            provider_id=unit.organisation_id, unit=unit, name=name, purpose=PURPOSES[audience],
            life_domains=list(domains), level_min=low, level_max=high, capacity=capacity,
        )
        services.append(ServiceInfo(made.pk, unit.pk, name, audience, domains, low, high))
    users = _Staff(seed, rng)
    per_unit = max(1, round(citizens * CASE_WORKERS_PER_CITIZEN / len(units)))
    case_workers = {unit.pk: users.add(unit, Role.CASE_WORKER, "cw", per_unit)
                    for unit in units.values()}
    for unit in units.values():
        unit.leader_id = users.add(unit, Role.TEAM_LEADER, "leader", 1, width=1)[0]
        unit.save(update_fields=["leader"])
    staff = {}
    for (_name, _units, slug), unit_list in zip(PROVIDERS, provider_units, strict=True):
        for unit in unit_list:
            staff[unit.pk] = users.add(unit, Role.PROVIDER_STAFF, slug, max(1, round(citizens * 0.0004)))
    users.add(units[("adult", 0)], Role.QUALITY_COORDINATOR, "quality", 1)
    users.save()
    return SyntheticWorld(authority, units, case_workers, staff, services)


class _Staff:
    """Staff logins, made in one insert with one shared password hash."""

    def __init__(self, seed: int, rng: random.Random) -> None:
        self.seed, self.rng, self.languages = seed, rng, LANGUAGES
        self.next_pk = (User.objects.aggregate(m=Max("pk"))["m"] or 0) + 1
        self.password = make_password(demo_password(), salt=f"synthetic{seed}")
        self.users: list[User] = []
        self.numbers: dict[str, int] = {}

    def add(self, unit: Unit, role: str, prefix: str, count: int, width: int = 3) -> list[int]:
        pks = []
        for _ in range(count):
            self.numbers[prefix] = number = self.numbers.get(prefix, 0) + 1
            language = self.rng.choice(self.languages)
            first = self.rng.choice(self.rng.choice((language.male, language.female)))
            family = self.rng.choice(language.family)[0]
            self.users.append(User(
                pk=self.next_pk, username=f"s{self.seed}-{prefix}{number:0{width}d}", first_name=first,
                last_name=family, role=role, unit_id=unit.pk, organisation_id=unit.organisation_id,
                password=self.password,
            ))
            pks.append(self.next_pk)
            self.next_pk += 1
        return pks

    def save(self) -> None:
        User.objects.bulk_create(self.users, batch_size=500)
