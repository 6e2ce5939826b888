"""Administrators manage organisations, units, services, case types, users and people in the admin."""

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

MANAGED = ["organisation", "unit", "service", "casetype", "user", "person", "household"]


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


def test_opening_a_person_in_the_admin_is_audited(client, administrator):
    from carepath.audit.models import AuditEvent

    person = PersonFactory()
    client.force_login(administrator)
    assert client.get(reverse("admin:people_person_change", args=[person.pk])).status_code == 200
    assert AuditEvent.objects.filter(user=administrator, person_id=person.pk, action="view").count() == 1
