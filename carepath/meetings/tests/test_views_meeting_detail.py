import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from carepath.audit.models import AuditEvent
from carepath.meetings.models import MeetingParticipant
from carepath.meetings.tests.factories import held_meeting_of
from carepath.referrals.models import Referral
from carepath.testing.factories import CaseFactory, GoalFactory, ProviderStaffFactory
from carepath.testing.pages import case_page
from carepath.testing.roles import provider_staff_on, stranger

pytestmark = pytest.mark.django_db


def _url(meeting):
    return reverse("meetings:meeting_detail", args=[meeting.pk])


def test_the_page_shows_the_meeting_and_audits_the_look(client):
    case = CaseFactory()
    worker = case.signal.received_by
    meeting = held_meeting_of(
        case, by=worker, goal=GoalFactory(case=case), is_restricted=True, restriction_reason="About the father's health"
    )
    client.force_login(worker)
    before = AuditEvent.objects.count()
    response = client.get(_url(meeting))
    assert response.status_code == 200
    body = response.content.decode()
    for text in [
        "Escola Básica, room 4",
        "Ana, mother",
        "Expert of their own situation",
        "The school calls the mother first",
        "One plan for the mornings",
        "Walk to school together",
        "Not shown to the citizen because:",
        "About the father&#x27;s health",
    ]:
        assert text in body, text
    written = list(AuditEvent.objects.order_by("pk")[before:].values_list("action", "what", "object_id"))
    assert written == [("view", "meetings.networkmeeting", meeting.pk)]


def test_an_unrelated_user_gets_404_and_learns_nothing(client):
    case = CaseFactory(signal__person__family_name="Quarshie")
    meeting = held_meeting_of(case, by=case.signal.received_by)
    client.force_login(stranger())
    response = client.get(_url(meeting))
    assert response.status_code == 404
    assert "Quarshie" not in response.content.decode()


def test_a_provider_without_consent_to_share_gets_403(client):
    case = CaseFactory()
    meeting = held_meeting_of(case, by=case.signal.received_by)
    client.force_login(provider_staff_on(case, Referral.Status.ACCEPTED, consent=False))
    assert client.get(_url(meeting)).status_code == 403


def test_the_query_count_does_not_grow_with_participants_decisions_or_actions(client, django_assert_max_num_queries):
    case = CaseFactory()
    goal = GoalFactory(case=case)
    worker = case.signal.received_by
    meeting = held_meeting_of(case, by=worker, goal=goal)
    client.force_login(worker)
    with CaptureQueriesContext(connection) as before:
        assert client.get(_url(meeting)).status_code == 200
    for n in range(6):
        MeetingParticipant.objects.create(meeting=meeting, kind="professional", user=ProviderStaffFactory())
        MeetingParticipant.objects.create(meeting=meeting, kind="family", name=f"Aunt {n}", relation="aunt")
        meeting.decisions.create(position=10 + n, text=f"Decision {n}")
    more = held_meeting_of(case, by=worker, goal=goal)
    more.actions.update(meeting=meeting)
    with django_assert_max_num_queries(len(before)):
        response = client.get(_url(meeting))
    assert "Aunt 5" in response.content.decode()


def test_the_case_page_lists_the_meetings(client):
    case = CaseFactory()
    held_meeting_of(case, by=case.signal.received_by, title="Round table with the school")
    body = case_page(client, case)
    assert 'id="meetings"' in body
    assert "Round table with the school" in body
    assert "Network meeting held" in body  # in the timeline


def test_the_list_page_shows_the_meetings_of_the_case(client):
    case = CaseFactory()
    held_meeting_of(case, by=case.signal.received_by, title="Round table with the school")
    client.force_login(case.signal.received_by)
    response = client.get(reverse("meetings:meeting_list", args=[case.pk]))
    assert response.status_code == 200
    assert "Round table with the school" in response.content.decode()


def test_the_case_page_query_count_does_not_grow_with_meetings(client, django_assert_max_num_queries):
    case = CaseFactory()
    worker = case.signal.received_by
    held_meeting_of(case, by=worker)
    client.force_login(worker)
    url = reverse("cases:case_detail", args=[case.pk])
    with CaptureQueriesContext(connection) as before:
        assert client.get(url).status_code == 200
    for n in range(4):
        held_meeting_of(case, by=worker, title=f"Meeting {n}")
    with django_assert_max_num_queries(len(before)):
        response = client.get(url)
    assert "Meeting 3" in response.content.decode()
