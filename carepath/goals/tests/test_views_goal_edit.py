import pytest
from django.urls import reverse

from carepath.audit.models import AuditEvent
from carepath.goals.models import Goal
from carepath.goals.tests.factories import case_of
from carepath.organisations.authority import set_links
from carepath.testing.factories import GoalFactory, UserFactory
from carepath.testing.forms import assert_form_error
from carepath.testing.roles import DECISION_PAGE_ANSWERS, someone

pytestmark = pytest.mark.django_db


def _url(goal):
    return reverse("goals:goal_edit", args=[goal.pk])


def _data(goal, **changes):
    data = {
        "citizen_words": goal.citizen_words,
        "title": goal.title,
        "indicator": goal.indicator,
        "target": goal.target,
        "due_on": goal.due_on.isoformat(),
        "life_domain": goal.life_domain,
        "proposed_by": goal.proposed_by,
        "seen_version": str(goal.version),
    }
    return data | changes


def test_form_shows_the_goal_as_saved(client):
    goal = GoalFactory()
    client.force_login(goal.case.signal.received_by)
    response = client.get(_url(goal))
    assert response.status_code == 200
    body = response.content.decode()
    assert "I want to travel abroad." in body
    assert 'name="seen_version" value="1"' in body


def test_case_worker_changes_the_goal(client):
    goal = GoalFactory()
    client.force_login(goal.case.signal.received_by)
    response = client.post(_url(goal), _data(goal, target="Two trips"))
    assert response.status_code == 302
    goal.refresh_from_db()
    assert (goal.target, goal.version) == ("Two trips", 2)
    assert AuditEvent.objects.filter(action=AuditEvent.Action.UPDATE, what="goals.goal").exists()


def test_stale_edit_answers_409_keeps_input_and_can_be_saved_again(client):
    goal = GoalFactory()
    client.force_login(goal.case.signal.received_by)
    first = client.post(_url(goal), _data(goal, title="Saved first"))
    assert first.status_code == 302
    response = client.post(_url(goal), _data(goal, title="My own text"))  # still the version 1 form
    assert response.status_code == 409
    body = response.content.decode()
    assert "Someone else changed this record" in body
    assert 'value="My own text"' in body
    assert "What is saved now" in body and "Saved first" in body
    assert 'name="seen_version" value="2"' in body
    goal.refresh_from_db()
    assert goal.title == "Saved first"
    again = client.post(_url(goal), _data(goal, title="My own text"))
    assert again.status_code == 302


def test_bad_input_answers_400_and_keeps_input(client):
    goal = GoalFactory()
    client.force_login(goal.case.signal.received_by)
    response = client.post(_url(goal), _data(goal, title="", target="Three trips"))
    assert_form_error(response, "title", "Enter the specific goal.", kept=['value="Three trips"'])


def test_unticking_group_goal_stops_sharing(client):
    goal = GoalFactory(is_group_goal=True)
    set_links(goal.group_cases, [case_of(goal.case.signal.received_by)])
    client.force_login(goal.case.signal.received_by)
    assert client.post(_url(goal), _data(goal)).status_code == 302
    goal.refresh_from_db()
    assert not goal.is_group_goal and not goal.group_cases.exists()


@pytest.mark.parametrize(("who", "get", "post"), DECISION_PAGE_ANSWERS)
def test_only_who_manages_the_case_changes_the_goal(client, who, get, post):
    goal = GoalFactory()
    client.force_login(someone(who, goal.case))
    assert client.get(_url(goal)).status_code == get
    assert client.post(_url(goal), _data(goal, title="Changed")).status_code == post
    assert (Goal.objects.get().title == "Changed") == (post == 302)


def test_worker_who_sees_only_a_group_case_cannot_edit_the_goal(client):
    goal = GoalFactory(is_group_goal=True)
    other_worker = UserFactory(unit=goal.case.unit)
    set_links(goal.group_cases, [case_of(other_worker)])
    client.force_login(other_worker)
    assert client.get(_url(goal)).status_code == 404
