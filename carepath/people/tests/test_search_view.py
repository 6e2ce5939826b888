"""The "Find a person" page: the search is a POST (no name in a URL), the results link to the cases."""

import pytest
from django.urls import reverse

from carepath.audit.models import AuditEvent
from carepath.testing.factories import CaseFactory, CitizenFactory, PersonFactory
from carepath.testing.forms import assert_form_error

pytestmark = pytest.mark.django_db

URL = "/people/search/"


def test_the_url_is_named():
    assert reverse("people:search") == URL


def test_get_shows_the_empty_form_and_searches_nothing(client):
    case = CaseFactory(signal__person=PersonFactory(given_name="Jonas", family_name="Petraitis"))
    client.force_login(case.signal.received_by)
    response = client.get(URL, {"name": "Jonas Petraitis"})
    body = response.content.decode()
    assert response.status_code == 200
    assert 'name="name"' in body and 'name="birth_date"' in body
    assert "People found" not in body and 'value="Jonas' not in body
    assert not AuditEvent.objects.filter(action=AuditEvent.Action.LISTED).exists()
    assert response["Cache-Control"] == "private, no-store"


def test_a_post_lists_the_people_found_with_links_to_their_cases(client):
    case = CaseFactory(signal__person=PersonFactory(given_name="Søren", family_name="Kierkegaard"))
    worker = case.signal.received_by
    client.force_login(worker)
    response = client.post(URL, {"name": "soren kierkegard", "birth_date": ""})
    body = response.content.decode()
    assert response.status_code == 200
    assert "Søren Kierkegaard" in body
    assert f'href="{case.get_absolute_url()}"' in body and case.reference in body
    assert 'value="soren kierkegard"' in body  # what was typed is kept
    assert AuditEvent.objects.filter(user=worker, action="listed", person_id=case.person_id).count() == 1


def test_nobody_found_says_so(client):
    case = CaseFactory()
    client.force_login(case.signal.received_by)
    response = client.post(URL, {"name": "Maria Silva", "birth_date": ""})
    assert response.status_code == 200
    assert "Nobody you may find matches" in response.content.decode()


@pytest.mark.parametrize("name", ["", "   ", "- . -"])
def test_neither_name_nor_birth_date_is_refused_with_a_message(client, name):
    client.force_login(CaseFactory().signal.received_by)
    response = client.post(URL, {"name": name, "birth_date": ""})
    kept = [f'value="{name}"'] if name.strip() else []
    assert_form_error(response, "name", "Enter a name or a date of birth.", kept=kept)


def test_a_wrong_date_is_refused_and_the_name_kept(client):
    client.force_login(CaseFactory().signal.received_by)
    response = client.post(URL, {"name": "Jonas", "birth_date": "31-31-1990"})
    assert_form_error(response, "birth_date", "Enter a valid date.", kept=['value="Jonas"'])


def test_a_citizen_is_refused(client):
    client.force_login(CitizenFactory())
    assert client.get(URL).status_code == 403
    assert client.post(URL, {"name": "Jonas"}).status_code == 403
