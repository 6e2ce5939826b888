import pytest

from carepath.api.tests.client import api_as
from carepath.cases.models import Case
from carepath.organisations.authority import add_links
from carepath.plans.models import Step
from carepath.referrals.models import Referral
from carepath.testing import factories as f
from carepath.testing.roles import provider_staff_on, stranger

pytestmark = pytest.mark.django_db


@pytest.fixture
def goal(case):
    return f.GoalFactory.create(case=case)


@pytest.fixture
def step(goal):
    return f.StepFactory.create(goal=goal)


def test_the_steps_of_a_goal_are_listed_with_their_supports(goal, step, worker, audit_mark):
    picture = f.StepPictureFactory.create(step=step)
    body = api_as(worker).get(f"/goals/{goal.pk}/steps").json()
    assert body["count"] == 1
    listed = body["items"][0]
    assert (listed["id"], listed["version"], listed["status"]) == (step.pk, 1, "planned")
    assert listed["supports"] == [
        {"id": picture.pk, "kind": "image", "description": picture.description, "text": "", "has_file": True}
    ]
    assert audit_mark() == [("view", "goals.goal", goal.pk, goal.case_id)]


def test_a_step_is_added_to_the_plan_and_audited(goal, worker, audit_mark):
    body = {"what": "Buy a bus ticket", "who": "Jonas with Ona", "due_on": "2030-01-01"}
    response = api_as(worker).post(f"/goals/{goal.pk}/steps", body)
    assert response.status_code == 201, response.content
    saved = Step.objects.get()
    assert (saved.goal, saved.what, saved.created_by) == (goal, "Buy a bus ticket", worker)
    assert audit_mark()[-1] == ("create", "plans.step", saved.pk, goal.case_id)


def test_one_step_is_shown_and_the_look_audited(step, worker, audit_mark):
    assert api_as(worker).get(f"/steps/{step.pk}").json()["what"] == step.what
    assert audit_mark() == [("view", "plans.step", step.pk, step.goal.case_id)]


def test_the_status_of_a_step_changes_with_the_version_read(step, worker, audit_mark):
    response = api_as(worker).patch(f"/steps/{step.pk}", {"status": "done", "version": 1})
    assert response.status_code == 200, response.content
    assert (response.json()["status"], response.json()["version"]) == ("done", 2)
    step.refresh_from_db()
    assert (step.status, step.version) == ("done", 2)
    assert audit_mark()[-1] == ("update", "plans.step", step.pk, step.goal.case_id)


def test_a_stale_version_is_a_409_and_changes_nothing(step, worker, audit_mark):
    api = api_as(worker)
    api.patch(f"/steps/{step.pk}", {"status": "in_progress", "version": 1})
    response = api.patch(f"/steps/{step.pk}", {"status": "dropped", "version": 1})
    assert response.status_code == 409
    assert response["Content-Type"] == "application/problem+json"
    assert response.json()["title"] == "Conflict"
    step.refresh_from_db()
    assert (step.status, step.version) == ("in_progress", 2)
    assert [action for action, *_ in audit_mark()].count("update") == 1


@pytest.mark.parametrize(
    "body", [{"status": "finished", "version": 1}, {"status": "done"}, {"status": "done", "version": 0}]
)
def test_an_invalid_status_change_is_refused(step, worker, body):
    assert api_as(worker).patch(f"/steps/{step.pk}", body).status_code == 422


def test_a_provider_with_consent_works_on_the_plan(step):
    api = api_as(provider_staff_on(step.goal.case, Referral.Status.ACCEPTED))
    assert api.patch(f"/steps/{step.pk}", {"status": "done", "version": 1}).status_code == 200


def test_the_plan_of_a_closed_case_is_read_only(step, worker):
    Case.objects.filter(pk=step.goal.case_id).update(status=Case.Status.CLOSED)
    api = api_as(worker)
    assert api.get(f"/steps/{step.pk}").status_code == 200
    assert api.patch(f"/steps/{step.pk}", {"status": "done", "version": 1}).status_code == 403
    assert (
        api.post(f"/goals/{step.goal_id}/steps", {"what": "a", "who": "b", "due_on": "2030-01-01"}).status_code == 403
    )


def test_a_group_goals_plan_is_reached_through_the_shared_case(case, worker):
    shared = f.GoalFactory.create(is_group_goal=True)
    add_links(shared.group_cases, case)
    step = f.StepFactory.create(goal=shared)
    assert api_as(worker).patch(f"/steps/{step.pk}", {"status": "done", "version": 1}).status_code == 200
    assert api_as(stranger()).get(f"/goals/{shared.pk}/steps").status_code == 404
