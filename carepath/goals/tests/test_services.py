import datetime

import pytest
from django.utils import timezone

from carepath.audit.models import AuditEvent
from carepath.core.choices import LifeDomain
from carepath.core.concurrency import StaleEdit
from carepath.goals import services
from carepath.goals.models import Goal
from carepath.goals.tests.factories import case_of
from carepath.organisations.authority import set_links
from carepath.testing.factories import CaseFactory, GoalFactory

pytestmark = pytest.mark.django_db


def _create(case, **changes):
    fields = {
        "citizen_words": "I want to go to a concert.",
        "title": "Go to a concert in Vilnius",
        "indicator": "Concert attended",
        "target": "One concert",
        "due_on": timezone.localdate() + datetime.timedelta(days=60),
        "life_domain": LifeDomain.LEISURE,
        "proposed_by": Goal.ProposedBy.CITIZEN,
    }
    return services.create_goal(case=case, by=case.signal.received_by, **(fields | changes))


def _fields(goal, **changes):
    names = services.EDITABLE
    return {name: getattr(goal, name) for name in names} | changes


def test_create_goal_writes_the_audit_log():
    case = CaseFactory()
    goal = _create(case)
    assert (goal.case, goal.created_by, goal.version) == (case, case.signal.received_by, 1)
    event = AuditEvent.objects.get(action=AuditEvent.Action.CREATE, what="goals.goal")
    assert (event.object_id, event.case_id) == (goal.pk, case.pk)


def test_group_goal_is_shared_with_the_other_cases():
    case = CaseFactory()
    other = case_of(case.signal.received_by)
    goal = _create(case, is_group_goal=True, group_cases=[other])
    assert list(goal.group_cases.all()) == [other]


def test_group_goal_without_other_cases_is_refused():
    with pytest.raises(services.GroupGoalRuleBroken):
        _create(CaseFactory(), is_group_goal=True, group_cases=[])
    assert not Goal.objects.exists()


def test_group_goal_with_a_case_the_user_cannot_see_is_refused():
    with pytest.raises(services.GroupGoalRuleBroken):
        _create(CaseFactory(), is_group_goal=True, group_cases=[CaseFactory()])
    assert not Goal.objects.exists()


def test_goal_is_not_shared_with_its_own_case():
    case = CaseFactory()
    with pytest.raises(services.GroupGoalRuleBroken):
        _create(case, is_group_goal=True, group_cases=[case])


def test_goal_that_is_no_group_goal_is_shared_with_nobody():
    case = CaseFactory()
    goal = _create(case, is_group_goal=False, group_cases=[case_of(case.signal.received_by)])
    assert not goal.group_cases.exists()


def test_update_goal_saves_a_new_version_and_audits():
    goal = GoalFactory()
    user = goal.case.signal.received_by
    services.update_goal(goal=goal, by=user, seen_version=1, **_fields(goal, title="Travel to Tallinn"))
    goal.refresh_from_db()
    assert (goal.title, goal.version) == ("Travel to Tallinn", 2)
    assert AuditEvent.objects.filter(action=AuditEvent.Action.UPDATE, what="goals.goal").exists()


def test_stale_update_raises_and_changes_nothing():
    goal = GoalFactory()
    user = goal.case.signal.received_by
    services.update_goal(goal=goal, by=user, seen_version=1, **_fields(goal, title="First"))
    stale = Goal.objects.get(pk=goal.pk)
    with pytest.raises(StaleEdit):
        services.update_goal(goal=stale, by=user, seen_version=1, **_fields(stale, title="Second"))
    goal.refresh_from_db()
    assert (goal.title, goal.version) == ("First", 2)


def test_update_keeps_shares_the_editor_cannot_see():
    goal = GoalFactory(is_group_goal=True)
    worker = goal.case.signal.received_by
    seen, unseen = case_of(worker), CaseFactory()
    set_links(goal.group_cases, [seen, unseen])
    services.update_goal(goal=goal, by=worker, seen_version=1, group_cases=[], **_fields(goal))
    assert set(goal.group_cases.all()) == {unseen}


def test_unticking_group_goal_removes_every_share():
    goal = GoalFactory(is_group_goal=True)
    set_links(goal.group_cases, [case_of(goal.case.signal.received_by), CaseFactory()])
    user = goal.case.signal.received_by
    services.update_goal(goal=goal, by=user, seen_version=1, **_fields(goal, is_group_goal=False))
    assert not goal.group_cases.exists()


def test_update_refuses_fields_that_are_not_editable():
    goal = GoalFactory()
    with pytest.raises(TypeError):
        services.update_goal(goal=goal, by=goal.created_by, seen_version=1, case=CaseFactory())


def test_change_status_and_stale_status():
    goal = GoalFactory()
    user = goal.case.signal.received_by
    services.change_status(goal=goal, by=user, status=Goal.Status.ACHIEVED, seen_version=1)
    with pytest.raises(StaleEdit):
        services.change_status(goal=goal, by=user, status=Goal.Status.STOPPED, seen_version=1)
    goal.refresh_from_db()
    assert (goal.status, goal.version) == (Goal.Status.ACHIEVED, 2)
