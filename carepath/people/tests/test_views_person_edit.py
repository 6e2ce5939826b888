"""Correcting a person's details: the authority's decision, audited, with stale edits detected."""

import pytest
from django.urls import reverse

from carepath.audit.models import AuditEvent
from carepath.people.models import Person
from carepath.testing.factories import CaseFactory
from carepath.testing.roles import DECISION_PAGE_ANSWERS, someone

pytestmark = pytest.mark.django_db


def _url(case):
    return reverse("people:person_edit", args=[case.pk])


def _data(person, **changes):
    data = {
        "given_name": person.given_name,
        "family_name": person.family_name,
        "birth_date": person.birth_date.isoformat() if person.birth_date else "",
        "address": "12 New Street, Rivertown",
        "phone": "",
        "email": "",
        "preferred_language": "",
        "seen_version": person.version,
    }
    return data | changes


def test_the_case_worker_corrects_the_address_and_it_is_logged(client):
    case = CaseFactory()
    worker = case.signal.received_by
    client.force_login(worker)
    assert client.get(_url(case)).status_code == 200
    assert client.post(_url(case), _data(case.person)).status_code == 302
    person = Person.objects.get(pk=case.person_id)
    assert person.address == "12 New Street, Rivertown" and person.version == 2
    assert AuditEvent.objects.filter(user=worker, action="update", what="people.person", person=person).exists()


def test_a_stale_correction_is_refused_and_keeps_what_was_typed(client):
    case = CaseFactory()
    client.force_login(case.signal.received_by)
    stale = _data(case.person, address="Old form's address")
    Person.objects.filter(pk=case.person_id).update(version=5)
    response = client.post(_url(case), stale)
    assert response.status_code == 409
    assert "Old form&#x27;s address" in response.content.decode()
    assert Person.objects.get(pk=case.person_id).address != "Old form's address"


def test_an_empty_name_is_refused_with_a_message(client):
    case = CaseFactory()
    client.force_login(case.signal.received_by)
    response = client.post(_url(case), _data(case.person, given_name=""))
    assert response.status_code == 400


@pytest.mark.parametrize(("who", "get", "post"), DECISION_PAGE_ANSWERS)
def test_only_who_manages_the_case_corrects_details(client, who, get, post):
    case = CaseFactory()
    client.force_login(someone(who, case))
    assert client.get(_url(case)).status_code == get
    before = Person.objects.get(pk=case.person_id).address
    assert client.post(_url(case), _data(case.person)).status_code in (post, 400)
    if post != 302:
        assert Person.objects.get(pk=case.person_id).address == before
