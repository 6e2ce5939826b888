import pytest
from django.contrib import admin
from django.test import RequestFactory

from carepath.audit.models import AuditEvent
from carepath.audit.tests.helpers import chain_of
from carepath.testing.factories import UserFactory

pytestmark = pytest.mark.django_db


def _request_by_superuser():
    request = RequestFactory().get("/admin/audit/auditevent/")
    request.user = UserFactory(is_staff=True, is_superuser=True)
    return request


def test_nobody_may_add_change_or_delete_entries_not_even_a_superuser():
    model_admin = admin.site._registry[AuditEvent]
    request = _request_by_superuser()
    entry, = chain_of(1)
    assert not model_admin.has_add_permission(request)
    assert not model_admin.has_change_permission(request, entry)
    assert not model_admin.has_delete_permission(request, entry)
    assert model_admin.has_view_permission(request, entry)
    assert "delete_selected" not in model_admin.get_actions(request)


def test_list_shows_ids_only_and_filters_by_action_and_date():
    model_admin = admin.site._registry[AuditEvent]
    entry, = chain_of(1)
    response = model_admin.changelist_view(_request_by_superuser())
    response.render()
    body = response.content.decode()
    assert response.status_code == 200
    assert str(entry.person_id) in body
    person = entry.person
    assert person.family_name not in body
    assert {"action", "at"} <= set(model_admin.list_filter)
