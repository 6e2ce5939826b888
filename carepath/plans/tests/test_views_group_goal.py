import pytest
from django.urls import reverse

from carepath.audit.models import AuditEvent
from carepath.organisations.authority import add_links
from carepath.plans.models import Step
from carepath.testing.factories import CaseFactory, GoalFactory, UserFactory

pytestmark = pytest.mark.django_db


def test_worker_of_a_member_case_plans_the_shared_group_goal(client):
    goal = GoalFactory(is_group_goal=True)
    member_case = CaseFactory()
    add_links(goal.group_cases, member_case)
    client.force_login(member_case.signal.received_by)
    response = client.post(
        reverse("plans:step_new", args=[goal.pk]),
        {"what": "Buy tickets together", "who": "The residents", "due_on": "2030-01-10"},
    )
    assert response.status_code == 302
    step = Step.objects.get(goal=goal)
    assert AuditEvent.objects.filter(what="plans.step", object_id=step.pk, case_id=member_case.pk).exists()


def test_stranger_cannot_plan_a_group_goal(client):
    goal = GoalFactory(is_group_goal=True)
    add_links(goal.group_cases, CaseFactory())
    client.force_login(UserFactory())
    response = client.post(reverse("plans:step_new", args=[goal.pk]), {"what": "x", "who": "y", "due_on": "2030-01-10"})
    assert response.status_code == 404
    assert not Step.objects.exists()
