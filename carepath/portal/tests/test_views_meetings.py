import pytest
from django.urls import reverse

from carepath.audit.models import AuditEvent
from carepath.meetings.tests.factories import held_meeting_of
from carepath.testing.factories import CaseFactory, CitizenFactory, GoalFactory, ProxyFactory

pytestmark = pytest.mark.django_db

MINUTES = "The parents told how the mornings go."


@pytest.fixture
def citizen():
    return CitizenFactory()


@pytest.fixture
def case(citizen):
    return CaseFactory(signal__person=citizen.person)


def _list(citizen):
    return reverse("portal:meetings", args=[citizen.person_id])


def _page(citizen, meeting):
    return reverse("portal:meeting", args=[citizen.person_id, meeting.pk])


def test_the_citizen_sees_when_where_who_what_was_decided_and_who_does_what(client, citizen, case):
    meeting = held_meeting_of(case, by=case.signal.received_by, goal=GoalFactory(case=case))
    client.force_login(citizen)
    assert meeting.title in client.get(_list(citizen)).content.decode()
    body = client.get(_page(citizen, meeting)).content.decode()
    for text in [
        "Escola Básica, room 4",
        "You",
        "Ana (mother)",
        "The school calls the mother first",
        "One plan for the mornings",
        "Ana (mother)</strong>: Walk to school together",
        MINUTES,
    ]:
        assert text in body, text


def test_restricted_minutes_are_not_shown_and_the_page_says_so(client, citizen, case):
    meeting = held_meeting_of(
        case, by=case.signal.received_by, is_restricted=True, restriction_reason="About the father's health"
    )
    client.force_login(citizen)
    body = client.get(_page(citizen, meeting)).content.decode()
    assert MINUTES not in body
    assert "The notes of this meeting are not shared with you." in body
    assert "father" not in body.split('id="minutes-not-shared"')[1].split("</p>")[0]  # the reason is not shown
    assert "The school calls the mother first" in body  # the rest of the meeting is


def test_the_look_is_audited_and_a_relatives_look_is_in_the_citizens_access_log(client, citizen, case):
    meeting = held_meeting_of(case, by=case.signal.received_by)
    relative = ProxyFactory(person=citizen.person, granted_by=citizen, scope="plan_notes").representative
    client.force_login(relative)
    assert client.get(_page(citizen, meeting)).status_code == 200
    assert AuditEvent.objects.filter(
        user=relative, action="view", what="meetings.networkmeeting", object_id=meeting.pk, person=citizen.person
    ).exists()
    client.force_login(citizen)
    looked = client.get(reverse("portal:who_looked", args=[citizen.person_id])).content.decode()
    assert relative.get_full_name() in looked


def test_a_progress_only_relative_gets_403(client, citizen, case):
    meeting = held_meeting_of(case, by=case.signal.received_by)
    relative = ProxyFactory(person=citizen.person, granted_by=citizen).representative
    client.force_login(relative)
    assert client.get(_page(citizen, meeting)).status_code == 403


def test_a_meeting_of_another_person_is_404(client, citizen, case):
    other_case = CaseFactory()
    meeting = held_meeting_of(other_case, by=other_case.signal.received_by)
    client.force_login(citizen)
    assert client.get(_page(citizen, meeting)).status_code == 404
    assert client.get(reverse("portal:meeting", args=[other_case.person_id, meeting.pk])).status_code == 404
