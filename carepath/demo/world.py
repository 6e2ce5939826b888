"""The demo's fictional municipality: its organisations, units, service catalogue and logins."""

from dataclasses import dataclass, field

from django.contrib.auth.hashers import make_password

from carepath.accounts.models import Role, User
from carepath.cases.models import CaseType
from carepath.core.choices import FunctionalLevel, LifeDomain
from carepath.demo import two_step
from carepath.demo.catalogue import demo_password, ensure_case_types
from carepath.organisations.models import Organisation, Service, Unit

# Its name marks the demo as present: `carepath demo` does nothing when it exists.
MUNICIPALITY = "Municipality of Rivertown"
FOOD_BANK = "Rivertown Food Bank"
FOOD_BANK_UNIT = "Food bank counter"

L = FunctionalLevel
D = LifeDomain


@dataclass(frozen=True)
class Login:
    role: str
    username: str
    first_name: str
    last_name: str
    try_first: str


LOGINS = {
    "caseworker": Login(
        Role.CASE_WORKER, "caseworker", "Laura", "Mendes",
        "Dashboard: a deadline due soon (Silva family), one overdue (Petrauskas family), "
        "a signal waiting for triage; the Silva family's network meeting with the school and the parents "
        "(Meetings on their case page); then the case of Tomas Vaitkus (trip to Spain). Home visits: take "
        "the Silva case along, go offline (browser tools), write a note, come back online and send it.",
    ),
    "teamleader": Login(
        Role.TEAM_LEADER, "teamleader", "Henrik", "Dahl",
        "Leads both units: every case and both signals waiting for triage; overdue deadlines and steps "
        "(Due and overdue, on the dashboard).",
    ),
    "quality": Login(
        Role.QUALITY_COORDINATOR, "quality", "Sofia", "Marino",
        "The case of Mette Sørensen: three assessments improving and the evaluation held.",
    ),
    "admin": Login(
        Role.ADMINISTRATOR, "admin", "Petra", "Novak",
        "/admin/: organisations, units, the service catalogue and case types with deadline rules.",
    ),
    "living": Login(
        Role.PROVIDER_STAFF, "living", "Ieva", "Stankevičienė",
        "Tomas's plan: steps with pictures, an easy-read text, the savings plan; the group goal.",
    ),
    "centre": Login(
        Role.PROVIDER_STAFF, "centre", "Karen", "Holm",
        "Mette Sørensen's progress notes (one restricted, with its reason) and steps.",
    ),
    "boys": Login(
        Role.PROVIDER_STAFF, "boys", "Jonas", "Keller",
        "Dashboard: the referral of Lukas Brandt waiting for an answer; accept or decline it.",
    ),
    "early": Login(
        Role.PROVIDER_STAFF, "early", "Greta", "Lindqvist",
        "The Petrauskas family: you are the case manager of a team from three organisations.",
    ),
    "foodbank": Login(
        Role.PROVIDER_STAFF, "foodbank", "Marta", "Oliveira",
        "/support/: the Rivertown Food Bank's support register; /support/matches/: a family also helped "
        "by the municipality this month (seed 002), a reason to talk about fairness.",
    ),
    "tomas": Login(
        Role.CITIZEN, "tomas", "Tomas", "Vaitkus",
        "/portal/: the citizen's own view: his dream of a trip, today's steps with pictures, his "
        "savings, who looked at his file; he can let his mother follow his progress.",
    ),
    "mother": Login(
        Role.CITIZEN, "mother", "Rūta", "Vaitkienė",
        "/portal/: Tomas's mother; Tomas gave her a proxy to follow his progress.",
    ),
}


@dataclass
class World:
    """Everything the stories hang on, by short names."""

    municipality: Organisation
    units: dict[str, Unit]
    providers: dict[str, Organisation]
    services: dict[str, Service]
    case_types: dict[str, CaseType]
    users: dict[str, User] = field(default_factory=dict)


PROVIDERS = {
    "living": ("Riverside Independent Living Home", ["Residents' houses"]),
    "centre": ("Rivertown Social Services Centre", ["Adult support at home", "Family helpers"]),
    "boys": ("Help for Boys Rivertown", ["Mobile trauma help"]),
    "early": ("Rivertown Early Intervention Team", ["Early intervention team"]),
}

# key: provider, unit, name, purpose, life domains, lowest level, highest level, capacity
SERVICES = {
    "independent_living": (
        "living", "Residents' houses", "Independent living with person-centred support",
        "A home for people with intellectual disabilities. With a staff member, residents draw up "
        "a plan to realise their dreams and wishes: steps, easy-read communication, pictures and "
        "money-saving plans. The Residents' Council can propose group activities.",
        [D.HOUSING, D.DAILY_LIVING, D.LEISURE, D.FINANCES], L.LIGHT, L.SEVERE, 24,
    ),
    "home_support": (
        "centre", "Adult support at home", "Adult support in your own home",
        "Support in your own home so that you can master your daily life: shopping, cooking, "
        "structure for the day, and taking part in the activities you want.",
        [D.DAILY_LIVING, D.HEALTH, D.SOCIAL_RELATIONS], L.NONE, L.SEVERE, 40,
    ),
    "video_support": (
        "centre", "Adult support at home", "Video support at home",
        "Call the centre's staff on a screen, for example every morning, to get through the day "
        "without depending on visits. Helps people with anxiety to be more social.",
        [D.DAILY_LIVING, D.HEALTH], L.NONE, L.MODERATE, 60,
    ),
    "family_helper": (
        "centre", "Family helpers", "Family helper at home",
        "A family helper visits the family at home to support the parents with the children's "
        "daily routine, in the family's own rhythm.",
        [D.DAILY_LIVING, D.EDUCATION, D.SOCIAL_RELATIONS], L.NONE, L.COMPLETE, 20,
    ),
    "trauma_help": (
        "boys", "Mobile trauma help", "Mobile trauma help for boys",
        "Counselling and support in motion (while walking, exercising or playing) where the boys "
        "live, for boys and young men aged 5 to 27 who experienced sexual violence. Help with "
        "insomnia, aggression or nightmares, without needing to talk about what happened.",
        [D.HEALTH, D.SOCIAL_RELATIONS, D.LEISURE], L.NONE, L.COMPLETE, 12,
    ),
    "early_intervention": (
        "early", "Early intervention team", "Early intervention for children and families",
        "Professionals of several disciplines coordinate support for a child at risk of disability "
        "and the family, at home or in the day care institution, with the parents as experts.",
        [D.HEALTH, D.EDUCATION, D.DAILY_LIVING], L.NONE, L.COMPLETE, 15,
    ),
}


def build_world() -> World:
    """Create the municipality, providers, units, services, case types and one login per role."""
    municipality = Organisation.objects.create(name=MUNICIPALITY, kind=Organisation.Kind.AUTHORITY)
    units = {
        name: Unit.objects.create(organisation=municipality, name=name)
        for name in ("Adult social services", "Children and families", "Quality and development")
    }
    providers: dict[str, Organisation] = {}
    for key, (name, unit_names) in PROVIDERS.items():
        providers[key] = Organisation.objects.create(name=name, kind=Organisation.Kind.PROVIDER)
        for unit_name in unit_names:
            units[unit_name] = Unit.objects.create(organisation=providers[key], name=unit_name)
    # A charity that gives material support (seed 002); it offers no referred service.
    food_bank = Organisation.objects.create(name=FOOD_BANK, kind=Organisation.Kind.CHARITY)
    units[FOOD_BANK_UNIT] = Unit.objects.create(organisation=food_bank, name=FOOD_BANK_UNIT)
    services = {}
    for key, (provider, unit, name, purpose, domains, low, high, capacity) in SERVICES.items():
        services[key] = Service.objects.create(
            provider=providers[provider], unit=units[unit], name=name, purpose=purpose,
            life_domains=[d.value for d in domains], level_min=low, level_max=high, capacity=capacity,
        )
    world = World(municipality, units, providers, services, ensure_case_types())
    world.users = _logins(world)
    return world


def _logins(world: World) -> dict[str, User]:
    home_unit = {
        "caseworker": world.units["Children and families"],
        "teamleader": world.units["Adult social services"],
        "quality": world.units["Quality and development"],
        "admin": None,
        "living": world.units["Residents' houses"],
        "centre": world.units["Adult support at home"],
        "boys": world.units["Mobile trauma help"],
        "early": world.units["Early intervention team"],
        "foodbank": world.units[FOOD_BANK_UNIT],
        "tomas": None,
        "mother": None,
    }
    password = make_password(demo_password())  # one slow hash for all: they share the password
    users = {}
    for key, login in LOGINS.items():
        unit = home_unit[key]
        user = User(
            username=login.username, first_name=login.first_name, last_name=login.last_name,
            role=login.role, unit=unit,
            organisation=unit.organisation if unit else (None if login.role == Role.CITIZEN else world.municipality),
            email=f"{login.username}@rivertown.example",
            is_staff=key == "admin", is_superuser=key == "admin",
        )
        user.password = password
        user.save()
        users[key] = user
    two_step.give_authenticators(list(users.values()))
    # The team leader leads the municipality's two case units.
    for name in ("Adult social services", "Children and families"):
        world.units[name].leader = users["teamleader"]
        world.units[name].save(update_fields=["leader"])
    return users
