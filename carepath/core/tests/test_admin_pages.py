"""Administrators manage organisations, units, services, case types and users in the admin; never people."""

import pytest
from django.contrib import admin
from django.urls import reverse

from carepath.testing.factories import (
    CaseTypeFactory,
    DeadlineRuleFactory,
    PersonFactory,
    ServiceFactory,
    UnitFactory,
    UserFactory,
)

pytestmark = pytest.mark.django_db

MANAGED = ["organisation", "unit", "service", "casetype", "user"]


def _models():
    return [m for m in admin.site._registry if m._meta.model_name in MANAGED]


@pytest.fixture
def administrator():
    return UserFactory(role="administrator", is_staff=True, is_superuser=True)


def test_every_managed_model_is_registered():
    assert sorted(m._meta.model_name for m in _models()) == sorted(MANAGED)


@pytest.mark.parametrize("page", ["changelist", "add"])
def test_admin_pages_render_for_the_administrator(client, administrator, page):
    ServiceFactory(unit=UnitFactory())
    DeadlineRuleFactory(case_type=CaseTypeFactory())
    PersonFactory()
    client.force_login(administrator)
    for model in _models():
        url = reverse(f"admin:{model._meta.app_label}_{model._meta.model_name}_{page}")
        assert client.get(url).status_code == 200, url


def test_staff_without_admin_rights_cannot_enter(client):
    client.force_login(UserFactory())
    response = client.get(reverse("admin:organisations_service_changelist"))
    assert response.status_code == 302 and "/admin/login/" in response["Location"]


def test_people_and_households_are_not_in_the_admin():
    """Their data is reached only through the access policy (corrected on the case: people:person_edit)."""
    registered = {m._meta.label for m in admin.site._registry}
    assert not registered & {"people.Person", "people.Household"}
