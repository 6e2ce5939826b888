"""Vocabulary shared by several apps, in the domain's own words (see docs/ARCHITECTURE.md)."""

from django.db import models
from django.utils.translation import gettext_lazy as _


class LifeDomain(models.TextChoices):
    WORK = "work", _("Work")
    EDUCATION = "education", _("Education")
    LEISURE = "leisure", _("Leisure")
    HOUSING = "housing", _("Housing")
    SOCIAL_RELATIONS = "social_relations", _("Social relations")
    HEALTH = "health", _("Health")
    DAILY_LIVING = "daily_living", _("Daily living")
    FINANCES = "finances", _("Finances")


class FunctionalLevel(models.IntegerChoices):
    """ICF-style qualifier: assessed by functional level, never by diagnosis."""

    NONE = 0, _("No difficulty")
    LIGHT = 1, _("Light difficulty")
    MODERATE = 2, _("Moderate difficulty")
    SEVERE = 3, _("Severe difficulty")
    COMPLETE = 4, _("Complete difficulty")
