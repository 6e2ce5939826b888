"""The fixed lists of the European Social Network's good-practice form (seed 000) and WIT's eight
criteria (seed 004), worded as on the form so that a practice reads the same here and there."""

from django.db import models
from django.utils.translation import gettext_lazy as _


class Theme(models.TextChoices):
    """The form's themes: "choose at least one option"."""

    AGEING_CARE = "ageing_care", _("Ageing & Care")
    ASYLUM_MIGRATION = "asylum_migration", _("Asylum & Migration")
    YOUNG_PEOPLE = "young_people", _("Young People")
    CHILDREN_FAMILIES = "children_families", _("Support for Children & Families")
    COMMUNITY_CARE = "community_care", _("Community Care")
    INTEGRATED_CARE = "integrated_care", _("Integrated Care & Support")
    CO_PRODUCTION = "co_production", _("Co-Production")
    DISABILITY = "disability", _("Disability")
    HOUSING_HOMELESSNESS = "housing_homelessness", _("Housing & Homelessness")
    ARTIFICIAL_INTELLIGENCE = "artificial_intelligence", _("Artificial Intelligence")
    DIGITALISATION = "digitalisation", _("Digitalisation")
    QUALITY_CARE = "quality_care", _("Quality Care")
    LABOUR_MARKET = "labour_market", _("Labour Market Inclusion")
    SOCIAL_INCLUSION = "social_inclusion", _("Social Inclusion")
    TECHNOLOGY = "technology", _("Technology")
    WORKFORCE_LEADERSHIP = "workforce_leadership", _("Workforce and Leadership")
    SOCIAL_BENEFITS = "social_benefits", _("Social Benefits")
    EU_FUNDING = "eu_funding", _("EU Funding")
    RESILIENCE = "resilience", _("Social Service's Resilience")
    MENTAL_HEALTH = "mental_health", _("Mental Health")
    PERSON_CENTRED = "person_centred", _("Person-Centred Care")
    RESEARCH_EVIDENCE = "research_evidence", _("Research & Use of Evidence")
    MANAGEMENT_PLANNING = "management_planning", _("Management & Planning")
    OTHER = "other", _("Other")


class Principle(models.IntegerChoices):
    """The 20 principles of the European Pillar of Social Rights."""

    EDUCATION = 1, _("1. Education, training, life-long learning")
    GENDER_EQUALITY = 2, _("2. Gender equality")
    EQUAL_OPPORTUNITIES = 3, _("3. Equal opportunities")
    ACTIVE_SUPPORT_EMPLOYMENT = 4, _("4. Active support to employment")
    SECURE_EMPLOYMENT = 5, _("5. Secure and adaptable employment")
    FAIR_WAGES = 6, _("6. Fair Wages")
    TRANSPARENT_CONDITIONS = 7, _("7. Transparent employment conditions")
    SOCIAL_DIALOGUE = 8, _("8. Social dialogue")
    WORK_LIFE_BALANCE = 9, _("9. Work-life balance")
    SAFE_WORK = 10, _("10. Healthy, safe work environment")
    CHILDCARE = 11, _("11. Childcare and child support")
    SOCIAL_PROTECTION = 12, _("12. Social protection")
    UNEMPLOYMENT_BENEFITS = 13, _("13. Unemployment benefits")
    MINIMUM_INCOME = 14, _("14. Minimum income")
    PENSIONS = 15, _("15. Old age income and pensions")
    HEALTH_CARE = 16, _("16. Health care")
    DISABILITY_INCLUSION = 17, _("17. Inclusion of people with disabilities")
    LONG_TERM_CARE = 18, _("18. Long-term care")
    HOUSING = 19, _("19. Housing and assistance to homeless")
    ESSENTIAL_SERVICES = 20, _("20. Access to essential services")


class Status(models.TextChoices):
    """The form's "current status of the practice"."""

    CONCEPT = "concept", _("Concept and Design Phase")
    PILOT = "pilot", _("Testing or pilot phase")
    TERMINATED = "terminated", _("Temporary practice that has terminated")
    TEMPORARY_ONGOING = "temporary_ongoing", _("Temporary practice that is ongoing and has a termination date")
    ESTABLISHED = "established", _("Established and ongoing practice")
    SCALING_UP = "scaling_up", _("Scaling Up and Transformation Phase")
    OTHER = "other", _("Other")


class Criterion(models.IntegerChoices):
    """WIT's reference list of criteria for assessing a practice (seed 004)."""

    NEW_NEEDS = 1, _("New emerging societal needs or new vulnerable groups")
    EXPERIENCE = 2, _("Experience of the implementing organisation")
    SKILLS = 3, _("Formal and informal skills strengthened")
    INNOVATION = 4, _("Innovative aspects (methodologies and tools used)")
    SUSTAINABILITY = 5, _("Sustainability after its first implementation")
    TRANSFERABILITY = 6, _("Transferability (transnational and cross-sectoral) and derived benefits")
    RESULTS = 7, _("Main results and impact of the practice")
    SATISFACTION = 8, _("Final users' satisfaction")


class Score(models.IntegerChoices):
    """A reviewer's score per criterion."""

    ONE = 1, _("1: not met")
    TWO = 2, _("2: weakly met")
    THREE = 3, _("3: partly met")
    FOUR = 4, _("4: largely met")
    FIVE = 5, _("5: fully met")


# Countries of the European Social Network's members and neighbours, by ISO 3166-1 code.
COUNTRIES = [
    ("AL", _("Albania")),
    ("AT", _("Austria")),
    ("BE", _("Belgium")),
    ("BA", _("Bosnia and Herzegovina")),
    ("BG", _("Bulgaria")),
    ("HR", _("Croatia")),
    ("CY", _("Cyprus")),
    ("CZ", _("Czechia")),
    ("DK", _("Denmark")),
    ("EE", _("Estonia")),
    ("FI", _("Finland")),
    ("FR", _("France")),
    ("DE", _("Germany")),
    ("GR", _("Greece")),
    ("HU", _("Hungary")),
    ("IS", _("Iceland")),
    ("IE", _("Ireland")),
    ("IT", _("Italy")),
    ("XK", _("Kosovo")),
    ("LV", _("Latvia")),
    ("LI", _("Liechtenstein")),
    ("LT", _("Lithuania")),
    ("LU", _("Luxembourg")),
    ("MT", _("Malta")),
    ("MD", _("Moldova")),
    ("ME", _("Montenegro")),
    ("NL", _("Netherlands")),
    ("MK", _("North Macedonia")),
    ("NO", _("Norway")),
    ("PL", _("Poland")),
    ("PT", _("Portugal")),
    ("RO", _("Romania")),
    ("RS", _("Serbia")),
    ("SK", _("Slovakia")),
    ("SI", _("Slovenia")),
    ("ES", _("Spain")),
    ("SE", _("Sweden")),
    ("CH", _("Switzerland")),
    ("TR", _("Türkiye")),
    ("UA", _("Ukraine")),
    ("GB", _("United Kingdom")),
]
