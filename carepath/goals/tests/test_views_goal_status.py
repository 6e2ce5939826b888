import pytest
from django.urls import reverse

from carepath.audit.models import AuditEvent
from carepath.goals.models import Goal
from carepath.testing.factories import GoalFactory
from carepath.testing.roles import DECISION_PAGE_ANSWERS, someone

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


@pytest.mark.parametrize(("who", "get", "post"), DECISION_PAGE_ANSWERS)
def test_only_who_manages_the_case_changes_the_status(client, who, get, post):
    goal = GoalFactory()
    client.force_login(someone(who, goal.case))
    assert client.get(_url(goal)).status_code == get
    assert client.post(_url(goal), {"status": Goal.Status.STOPPED, "seen_version": "1"}).status_code == post
    assert (Goal.objects.get().status == Goal.Status.STOPPED) == (post == 302)
