import pytest
from django.urls import reverse

from carepath.audit.models import AuditEvent
from carepath.goals.models import Goal
from carepath.referrals.models import Referral
from carepath.testing.factories import GoalFactory, UserFactory
from carepath.testing.roles import provider_staff_on, team_leader_of

pytestmark = pytest.mark.django_db


def _url(goal):
    return reverse("goals:goal_status", args=[goal.pk])


def test_case_worker_marks_a_goal_achieved(client):
    goal = GoalFactory()
    client.force_login(goal.case.signal.received_by)
    assert client.get(_url(goal)).status_code == 200
    response = client.post(_url(goal), {"status": Goal.Status.ACHIEVED, "seen_version": "1"}, follow=True)
    assert "The status of the goal is saved." in response.content.decode()
    goal.refresh_from_db()
    assert (goal.status, goal.version) == (Goal.Status.ACHIEVED, 2)
    assert AuditEvent.objects.filter(action=AuditEvent.Action.UPDATE, what="goals.goal").exists()


def test_stale_status_answers_409(client):
    goal = GoalFactory()
    client.force_login(goal.case.signal.received_by)
    client.post(_url(goal), {"status": Goal.Status.ACHIEVED, "seen_version": "1"})
    response = client.post(_url(goal), {"status": Goal.Status.STOPPED, "seen_version": "1"})
    assert response.status_code == 409
    assert 'value="stopped" class="govuk-radios__input" id="id_status_2" required checked' in response.content.decode()
    goal.refresh_from_db()
    assert goal.status == Goal.Status.ACHIEVED


def test_unknown_status_answers_400(client):
    goal = GoalFactory()
    client.force_login(goal.case.signal.received_by)
    assert client.post(_url(goal), {"status": "forgotten", "seen_version": "1"}).status_code == 400


def test_unit_leader_may_change_status(client):
    goal = GoalFactory()
    client.force_login(team_leader_of(goal.case))
    assert client.post(_url(goal), {"status": Goal.Status.STOPPED, "seen_version": "1"}).status_code == 302


@pytest.mark.parametrize("status", [Referral.Status.PENDING, Referral.Status.ACCEPTED])
def test_provider_staff_gets_403(client, status):
    goal = GoalFactory()
    client.force_login(provider_staff_on(goal.case, status))
    assert client.post(_url(goal), {"status": Goal.Status.STOPPED, "seen_version": "1"}).status_code == 403


def test_stranger_gets_404(client):
    goal = GoalFactory()
    client.force_login(UserFactory())
    assert client.get(_url(goal)).status_code == 404
