import pytest
from django.urls import reverse

from carepath.audit.models import AuditEvent
from carepath.meetings.models import NetworkMeeting
from carepath.meetings.tests.factories import held_meeting_of
from carepath.meetings.tests.posts import action, meeting_post
from carepath.plans.models import Step
from carepath.testing.factories import CaseFactory, GoalFactory
from carepath.testing.roles import stranger

pytestmark = pytest.mark.django_db


def _url(meeting):
    return reverse("meetings:meeting_edit", args=[meeting.pk])


def test_the_form_shows_what_was_recorded(client):
    case = CaseFactory()
    meeting = held_meeting_of(case, by=case.signal.received_by, goal=GoalFactory(case=case))
    client.force_login(case.signal.received_by)
    body = client.get(_url(meeting)).content.decode()
    assert "Ana, mother" in body
    assert "The school calls the mother first" in body
    assert "Walk to school together" in body  # the action already agreed, listed above the new rows


def test_an_edit_saves_and_adds_new_actions_as_steps(client):
    case = CaseFactory()
    goal = GoalFactory(case=case)
    worker = case.signal.received_by
    meeting = held_meeting_of(case, by=worker, goal=goal)
    client.force_login(worker)
    post = meeting_post(
        title="Second look",
        seen_version=str(meeting.version),
        **action(0, what="Visit at home", goal=goal.pk, owner=str(worker.pk)),
    )
    response = client.post(_url(meeting), post)
    assert response.status_code == 302
    assert NetworkMeeting.objects.get().title == "Second look"
    assert sorted(Step.objects.values_list("what", flat=True)) == ["Visit at home", "Walk to school together"]
    assert AuditEvent.objects.filter(user=worker, action="update", what="meetings.networkmeeting").count() == 1


def test_a_stale_edit_answers_409_and_keeps_the_text(client):
    case = CaseFactory()
    worker = case.signal.received_by
    meeting = held_meeting_of(case, by=worker)
    client.force_login(worker)
    first = client.post(_url(meeting), meeting_post(title="First", seen_version="1"))
    assert first.status_code == 302
    response = client.post(_url(meeting), meeting_post(title="Second", minutes="My typed minutes", seen_version="1"))
    assert response.status_code == 409
    body = response.content.decode()
    assert "Someone else changed this record" in body
    assert "My typed minutes" in body
    assert 'name="seen_version" value="2"' in body  # saving again applies to the current version
    assert NetworkMeeting.objects.get().title == "First"


def test_an_unrelated_user_gets_404(client):
    case = CaseFactory()
    meeting = held_meeting_of(case, by=case.signal.received_by)
    client.force_login(stranger())
    assert client.get(_url(meeting)).status_code == 404
    assert client.post(_url(meeting), meeting_post(title="Hijacked", seen_version="1")).status_code == 404
    assert NetworkMeeting.objects.get().title != "Hijacked"


def test_after_the_meeting_who_did_not_come_is_recorded(client):
    case = CaseFactory()
    worker = case.signal.received_by
    meeting = held_meeting_of(case, by=worker)
    client.force_login(worker)
    post = meeting_post(seen_version=str(meeting.version), professionals=[worker.pk], absent=["citizen"])
    assert client.post(_url(meeting), post).status_code == 302
    attended = dict(NetworkMeeting.objects.get().participants.values_list("kind", "attended"))
    assert attended["citizen"] is False and attended["professional"] is True
    page = client.get(reverse("meetings:meeting_detail", args=[meeting.pk])).content.decode()
    assert "did not come" in page
