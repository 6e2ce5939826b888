"""The model list: every model that can hold data about a person is in the registry, or says why not."""

import pytest
from django.apps import apps
from django.db.models import Model

from carepath.accounts.models import User
from carepath.cases.models import Case
from carepath.people.models import Household, Person
from carepath.privacy.registry import HOLDERS, NO_PERSONAL_DATA

ABOUT_A_PERSON = (Person, Case, Household, User)


def carepath_models() -> list[type[Model]]:
    return [m for m in apps.get_models() if m.__module__.startswith("carepath.") and not m._meta.proxy]


def reaches_a_person(model: type[Model], seen: frozenset[type[Model]] = frozenset()) -> bool:
    """Whether the model is a person, case, household or user, or points at one through its own fields."""
    if model in ABOUT_A_PERSON:
        return True
    for field in model._meta.get_fields():
        target = field.related_model
        forward = field.is_relation and not field.auto_created  # reverse relations are auto-created
        if forward and isinstance(target, type) and target not in seen and target is not model:
            if reaches_a_person(target, seen | {model}):
                return True
    return False


def unclassified(registered: set[str], exempt: set[str]) -> list[str]:
    return [
        m._meta.label_lower
        for m in carepath_models()
        if reaches_a_person(m) and m._meta.label_lower not in registered | exempt
    ]


def test_every_model_that_reaches_a_person_is_in_the_registry_or_says_why_not():
    missing = unclassified({h.label for h in HOLDERS}, set(NO_PERSONAL_DATA))
    assert missing == [], f"add these to carepath/privacy/registry.py (HOLDERS or NO_PERSONAL_DATA): {missing}"


def test_a_model_left_out_of_the_registry_is_named():
    registered = {h.label for h in HOLDERS} - {"portal.wish", "plans.savingsdeposit"}
    assert sorted(unclassified(registered, set(NO_PERSONAL_DATA))) == ["plans.savingsdeposit", "portal.wish"]


def test_the_check_itself_sees_the_models_it_must():
    labels = {m._meta.label_lower for m in carepath_models() if reaches_a_person(m)}
    assert {"plans.savingsdeposit", "evaluations.goalattainment", "portal.wish", "organisations.unit"} <= labels
    assert "organisations.organisation" not in labels  # it points at nobody


def test_no_model_is_listed_twice_or_both_ways():
    registered = [h.label for h in HOLDERS]
    assert len(registered) == len(set(registered))
    assert not set(registered) & set(NO_PERSONAL_DATA)
    assert all(reason.strip() for reason in NO_PERSONAL_DATA.values())


def test_every_listed_model_exists():
    existing = {m._meta.label_lower for m in carepath_models()}
    assert {h.label for h in HOLDERS} | set(NO_PERSONAL_DATA) <= existing


@pytest.mark.django_db
def test_every_path_leads_to_a_person():
    for holder in HOLDERS:
        holder.model._default_manager.filter(holder.of_person(1)).exists()  # a wrong lookup raises FieldError
        for name in holder.withheld:
            holder.model._meta.get_field(name)
