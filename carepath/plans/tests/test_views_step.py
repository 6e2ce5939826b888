import datetime

import pytest
from django.urls import reverse
from django.utils import timezone

from carepath.audit.models import AuditEvent
from carepath.cases.models import Case
from carepath.plans.models import Step
from carepath.referrals.models import Referral
from carepath.testing.factories import GoalFactory, StepFactory
from carepath.testing.forms import assert_form_error
from carepath.testing.roles import provider_staff_on, stranger, team_leader_of

pytestmark = pytest.mark.django_db
NEXT_WEEK = (timezone.localdate() + datetime.timedelta(days=7)).isoformat()


def _people(case):
    """Everyone who may plan on an open case."""
    return {
        "case worker": case.signal.received_by,
        "provider, pending referral": provider_staff_on(case, Referral.Status.PENDING),
        "provider, accepted referral": provider_staff_on(case, Referral.Status.ACCEPTED),
        "unit leader": team_leader_of(case),
    }


def test_everyone_who_sees_the_case_adds_a_step(client):
    goal = GoalFactory()
    for who, user in _people(goal.case).items():
        client.force_login(user)
        url = reverse("plans:step_new", args=[goal.pk])
        assert client.get(url).status_code == 200, who
        response = client.post(url, {"what": f"Step by {who}", "who": "Jonas", "due_on": NEXT_WEEK})
        assert response.status_code == 302, who
        assert response["Location"].endswith(f"/cases/{goal.case_id}/#plan-{goal.pk}")
        assert Step.objects.get(what=f"Step by {who}").created_by == user
    assert AuditEvent.objects.filter(action=AuditEvent.Action.CREATE, what="plans.step").count() == 4


def test_a_step_without_what_answers_400_and_keeps_the_input(client):
    goal = GoalFactory()
    client.force_login(goal.created_by)
    response = client.post(reverse("plans:step_new", args=[goal.pk]), {"what": "", "who": "Jonas with Ona"})
    assert_form_error(response, "what", "This field is required.", kept=["Jonas with Ona"])
    assert not Step.objects.exists()


def test_stranger_gets_404(client):
    step = StepFactory()
    client.force_login(stranger())
    for url in [reverse("plans:step_new", args=[step.goal_id]), reverse("plans:step_edit", args=[step.pk]),
                reverse("plans:step_status", args=[step.pk])]:
        assert client.get(url).status_code == 404


def test_provider_whose_referral_was_declined_gets_404(client):
    step = StepFactory()
    client.force_login(provider_staff_on(step.goal.case, Referral.Status.DECLINED))
    assert client.get(reverse("plans:step_edit", args=[step.pk])).status_code == 404


def test_no_planning_on_a_closed_case(client):
    step = StepFactory()
    Case.objects.filter(pk=step.goal.case_id).update(status=Case.Status.CLOSED)
    client.force_login(step.created_by)
    assert client.get(reverse("plans:step_new", args=[step.goal_id])).status_code == 403
    assert client.post(reverse("plans:step_status", args=[step.pk]), {}).status_code == 403
    assert AuditEvent.objects.filter(action=AuditEvent.Action.DENIED).count() == 2


def test_edit_a_step(client):
    step = StepFactory()
    client.force_login(step.created_by)
    url = reverse("plans:step_edit", args=[step.pk])
    assert 'name="seen_version" value="1"' in client.get(url).content.decode()
    response = client.post(url, {"what": "Get a passport photo", "who": "Jonas", "due_on": NEXT_WEEK,
                                 "status": "in_progress", "seen_version": 1})
    assert response.status_code == 302
    step.refresh_from_db()
    assert (step.what, step.status, step.version) == ("Get a passport photo", "in_progress", 2)
    assert AuditEvent.objects.filter(action=AuditEvent.Action.UPDATE, what="plans.step").count() == 1


def test_a_stale_edit_answers_409_and_keeps_the_input(client):
    step = StepFactory()
    Step.objects.filter(pk=step.pk).update(version=2)
    client.force_login(step.created_by)
    response = client.post(reverse("plans:step_edit", args=[step.pk]), {
        "what": "My version of the step", "who": "Jonas", "due_on": NEXT_WEEK, "status": "done", "seen_version": 1})
    assert response.status_code == 409
    body = response.content.decode()
    assert "Someone else changed this record" in body and "My version of the step" in body
    step.refresh_from_db()
    assert step.what == "Get a passport"


def test_quick_status_change_is_a_plain_form_post(client):
    step = StepFactory()
    client.force_login(provider_staff_on(step.goal.case, Referral.Status.ACCEPTED))
    response = client.post(reverse("plans:step_status", args=[step.pk]),
                           {f"step-{step.pk}-status": "done", f"step-{step.pk}-seen_version": 1}, follow=True)
    assert response.redirect_chain[-1][0].endswith(f"#plan-{step.goal_id}")
    assert "The step is now: Done." in response.content.decode()
    step.refresh_from_db()
    assert (step.status, step.version) == ("done", 2)


def test_quick_status_change_on_a_stale_step_answers_409(client):
    step = StepFactory()
    Step.objects.filter(pk=step.pk).update(version=3)
    client.force_login(step.created_by)
    response = client.post(reverse("plans:step_status", args=[step.pk]),
                           {f"step-{step.pk}-status": "done", f"step-{step.pk}-seen_version": 1})
    assert response.status_code == 409
    step.refresh_from_db()
    assert step.status == "planned"


def test_quick_status_change_with_a_wrong_status_answers_400(client):
    step = StepFactory()
    client.force_login(step.created_by)
    response = client.post(reverse("plans:step_status", args=[step.pk]),
                           {f"step-{step.pk}-status": "finished", f"step-{step.pk}-seen_version": 1})
    assert_form_error(response, "status", "Select a valid choice.")


def test_a_step_names_the_practice_it_applies_and_a_change_keeps_or_clears_it(client):
    from carepath.practices.tests.factories import PracticeFactory

    practice = PracticeFactory(title="I Believe in the Unbelievable")
    goal = GoalFactory()
    client.force_login(goal.created_by)
    page = client.get(reverse("plans:step_new", args=[goal.pk]))
    assert "I Believe in the Unbelievable" in page.content.decode()
    data = {"what": "Plan the trip", "who": "Jonas", "due_on": NEXT_WEEK, "practice": practice.pk}
    assert client.post(reverse("plans:step_new", args=[goal.pk]), data).status_code == 302
    step = Step.objects.get(what="Plan the trip")
    assert step.practice == practice
    edit = reverse("plans:step_edit", args=[step.pk])
    data = {"what": "Plan the trip", "who": "Jonas", "due_on": NEXT_WEEK, "status": "planned", "practice": ""}
    assert client.post(edit, {**data, "seen_version": step.version}).status_code == 302
    step.refresh_from_db()
    assert step.practice is None
