import pytest
from django.urls import reverse

from carepath.audit.models import AuditEvent
from carepath.cases.models import Case
from carepath.meetings.models import MeetingParticipant, NetworkMeeting
from carepath.meetings.tests.posts import action, meeting_post
from carepath.plans.models import Step
from carepath.referrals.models import Referral
from carepath.testing.factories import CaseFactory, GoalFactory
from carepath.testing.forms import assert_form_error
from carepath.testing.roles import provider_staff_on, someone

pytestmark = pytest.mark.django_db


def _url(case):
    return reverse("meetings:meeting_new", args=[case.pk])


def test_the_case_worker_records_a_meeting_with_family_decisions_and_actions(client):
    case = CaseFactory()
    goal = GoalFactory(case=case)
    worker = case.signal.received_by
    client.force_login(worker)
    form = client.get(_url(case))
    assert form.status_code == 200
    post = meeting_post(
        professionals=[worker.pk],
        guests="Marta Costa, Rivertown Primary School",
        **action(0, what="Walk to school together", goal=goal.pk, owner_name="Ana Silva"),
    )
    response = client.post(_url(case), post)
    assert response.status_code == 302
    assert response["Location"].endswith(f"/cases/{case.pk}/#meetings")
    meeting = NetworkMeeting.objects.get()
    kinds = sorted(meeting.participants.values_list("kind", "name", "relation"))
    assert kinds == [
        ("citizen", str(case.person), ""),
        ("family", "Ana Silva", "mother"),
        ("family", "João Silva", "father"),
        ("guest", "Marta Costa", "Rivertown Primary School"),
        ("professional", "", ""),
    ]
    assert meeting.participants.get(kind=MeetingParticipant.Kind.PROFESSIONAL).user == worker
    decisions = ["The school calls the mother first", "We meet again in a month"]
    assert [d.text for d in meeting.decisions.all()] == decisions
    step = Step.objects.get()
    assert (step.goal, step.who, str(step.due_on)) == (goal, "Ana Silva", "2031-03-20")
    assert AuditEvent.objects.filter(user=worker, action="create", what="meetings.networkmeeting").count() == 1


def test_a_provider_on_the_case_with_consent_records_a_meeting(client):
    case = CaseFactory()
    provider = someone("provider, accepted referral", case)
    client.force_login(provider)
    assert client.post(_url(case), meeting_post()).status_code == 302
    assert NetworkMeeting.objects.get().created_by == provider


def test_a_provider_without_consent_to_share_gets_403(client):
    case = CaseFactory()
    client.force_login(provider_staff_on(case, Referral.Status.ACCEPTED, consent=False))
    assert client.get(_url(case)).status_code == 403
    assert client.post(_url(case), meeting_post()).status_code == 403
    assert not NetworkMeeting.objects.exists()


def test_an_unrelated_user_gets_404_and_the_refusal_is_audited(client):
    case = CaseFactory()
    stranger = someone("stranger", case)
    client.force_login(stranger)
    assert client.post(_url(case), meeting_post()).status_code == 404
    assert not NetworkMeeting.objects.exists()
    assert AuditEvent.objects.filter(user=stranger, action="denied", case_id=case.pk).exists()


def test_a_closed_case_answers_403(client):
    case = CaseFactory(status=Case.Status.CLOSED)
    client.force_login(case.signal.received_by)
    assert client.post(_url(case), meeting_post()).status_code == 403
    assert not NetworkMeeting.objects.exists()


def test_restricted_minutes_without_reason_answer_400_and_keep_the_text(client):
    case = CaseFactory()
    client.force_login(case.signal.received_by)
    response = client.post(_url(case), meeting_post(is_restricted="on", minutes="Typed minutes kept"))
    assert_form_error(
        response, "restriction_reason", "Say why the citizen may not read the minutes.", kept=["Typed minutes kept"]
    )
    assert not NetworkMeeting.objects.exists()


def test_an_end_before_the_start_answers_400(client):
    case = CaseFactory()
    client.force_login(case.signal.received_by)
    response = client.post(_url(case), meeting_post(starts="15:00", ends="14:00", agenda="Kept agenda"))
    assert_form_error(response, "ends", "The meeting must end after it starts.", kept=["Kept agenda"])


def test_an_action_without_an_owner_answers_400_and_no_step_is_made(client):
    case = CaseFactory()
    goal = GoalFactory(case=case)
    client.force_login(case.signal.received_by)
    response = client.post(_url(case), meeting_post(**action(0, what="Ownerless action", goal=goal.pk)))
    assert response.status_code == 400
    body = response.content.decode()
    assert "Action 1: Say who does it" in body
    assert "Ownerless action" in body
    assert not NetworkMeeting.objects.exists()
    assert not Step.objects.exists()


def test_an_empty_post_shows_the_error_summary(client):
    case = CaseFactory()
    client.force_login(case.signal.received_by)
    response = client.post(_url(case), {})
    assert_form_error(response, "title", "Give the meeting a title.")
