import pytest
from django.urls import reverse

from carepath.audit.models import AuditEvent
from carepath.cases.models import Case
from carepath.notes.models import ProgressNote
from carepath.referrals.models import Referral
from carepath.testing.factories import CaseFactory, GoalFactory, StepFactory
from carepath.testing.forms import assert_form_error
from carepath.testing.roles import provider_staff_on, someone, stranger

pytestmark = pytest.mark.django_db


def _url(case):
    return reverse("notes:note_new", args=[case.pk])


@pytest.mark.parametrize(
    "who", ["case worker", "provider, pending referral", "provider, accepted referral", "team leader"]
)
def test_everyone_who_sees_the_open_case_writes_a_note(client, who):
    case = CaseFactory()
    user = someone(who, case)
    client.force_login(user)
    assert client.get(_url(case)).status_code == 200
    response = client.post(_url(case), {"text": "Went to the club for the first time."})
    assert response.status_code == 302
    assert response["Location"].endswith(f"/cases/{case.pk}/#notes")
    note = ProgressNote.objects.get()
    assert (note.case, note.written_by, note.is_restricted) == (case, user, False)
    assert AuditEvent.objects.filter(user=user, action=AuditEvent.Action.CREATE, what="notes.progressnote").exists()


def test_a_note_on_a_goal_and_its_step(client):
    step = StepFactory()
    case = step.goal.case
    client.force_login(case.signal.received_by)
    response = client.post(_url(case), {"text": "Ticket bought.", "goal": step.goal_id, "step": step.pk})
    assert response.status_code == 302
    note = ProgressNote.objects.get()
    assert (note.goal, note.step) == (step.goal, step)


def test_a_step_alone_brings_its_goal(client):
    step = StepFactory()
    client.force_login(step.created_by)
    client.post(_url(step.goal.case), {"text": "Ticket bought.", "step": step.pk})
    assert ProgressNote.objects.get().goal == step.goal


def test_a_step_of_another_goal_answers_400_with_a_clear_error(client):
    case = CaseFactory()
    goal = GoalFactory(case=case, title="Travel")
    other_step = StepFactory(goal=GoalFactory(case=case, title="Work"))
    client.force_login(case.signal.received_by)
    response = client.post(_url(case), {"text": "Kept text", "goal": goal.pk, "step": other_step.pk})
    assert_form_error(response, "step", "This step belongs to another goal.", kept=["Kept text"])
    assert not ProgressNote.objects.exists()


def test_goals_and_steps_of_other_cases_are_refused(client):
    case = CaseFactory()
    foreign_step = StepFactory()
    client.force_login(case.signal.received_by)
    response = client.post(_url(case), {"text": "x", "goal": foreign_step.goal_id, "step": foreign_step.pk})
    assert_form_error(response, "goal", "Select a valid choice.")
    assert_form_error(response, "step", "Select a valid choice.")


def test_a_restricted_note_needs_a_reason(client):
    case = CaseFactory()
    client.force_login(case.signal.received_by)
    response = client.post(_url(case), {"text": "About the brother.", "is_restricted": "on"})
    assert_form_error(
        response, "restriction_reason", "Say why the person may not read this note.", kept=["About the brother."]
    )
    response = client.post(_url(case), {"text": "About the brother.", "is_restricted": "on",
                                        "restriction_reason": "Concerns a third person"})
    assert response.status_code == 302
    assert ProgressNote.objects.get().restriction_reason == "Concerns a third person"


def test_a_reason_without_restriction_is_not_kept(client):
    case = CaseFactory()
    client.force_login(case.signal.received_by)
    client.post(_url(case), {"text": "Shared note.", "restriction_reason": "typed by mistake"})
    assert ProgressNote.objects.get().restriction_reason == ""


def test_an_empty_note_answers_400(client):
    case = CaseFactory()
    client.force_login(case.signal.received_by)
    response = client.post(_url(case), {})
    assert_form_error(response, "text", "Write the note.")


def test_stranger_gets_404(client):
    case = CaseFactory()
    client.force_login(stranger())
    assert client.post(_url(case), {"text": "x"}).status_code == 404


def test_provider_whose_referral_was_declined_gets_404(client):
    case = CaseFactory()
    client.force_login(provider_staff_on(case, Referral.Status.DECLINED))
    assert client.get(_url(case)).status_code == 404


def test_no_notes_on_a_closed_case(client):
    case = CaseFactory()
    Case.objects.filter(pk=case.pk).update(status=Case.Status.CLOSED)
    client.force_login(case.signal.received_by)
    assert client.post(_url(case), {"text": "x"}).status_code == 403
    assert not ProgressNote.objects.exists()
