import datetime

import pytest
from django.utils import timezone

from carepath.api.tests.client import api_as
from carepath.goals.models import Goal
from carepath.organisations.authority import add_links
from carepath.referrals.models import Referral
from carepath.testing import factories as f
from carepath.testing.roles import provider_staff_on, stranger

pytestmark = pytest.mark.django_db


def goal(**changes: object) -> dict[str, object]:
    due = (timezone.localdate() + datetime.timedelta(days=90)).isoformat()
    return {
        "citizen_words": "I want to go to Riga",
        "title": "Travel to Riga by bus",
        "indicator": "Trip made",
        "target": "One trip",
        "due_on": due,
        "life_domain": "leisure",
        "proposed_by": "citizen",
    } | changes


def test_the_goals_of_a_case_include_the_group_goals_shared_with_it(case, worker, audit_mark):
    own = f.GoalFactory.create(case=case)
    other_case = f.CaseFactory.create(signal__received_by=worker)
    shared = f.GoalFactory.create(case=other_case, is_group_goal=True)
    add_links(shared.group_cases, case)
    f.GoalFactory.create(case=other_case)  # not shared
    body = api_as(worker).get(f"/cases/{case.pk}/goals").json()
    assert {g["id"] for g in body["items"]} == {own.pk, shared.pk}
    by_id = {g["id"]: g for g in body["items"]}
    assert by_id[shared.pk]["group_case_ids"] == [case.pk]
    assert by_id[own.pk]["citizen_words"] == "I want to travel abroad."
    assert audit_mark() == [("view", "cases.case", case.pk, case.pk)]


def test_a_goal_is_set_with_the_citizen_and_audited(case, worker, audit_mark):
    response = api_as(worker).post(f"/cases/{case.pk}/goals", goal())
    assert response.status_code == 201, response.content
    saved = Goal.objects.get()
    assert response.json()["id"] == saved.pk and response.json()["version"] == 1
    assert (saved.case, saved.created_by, saved.citizen_words) == (case, worker, "I want to go to Riga")
    assert audit_mark()[-1] == ("create", "goals.goal", saved.pk, case.pk)


def test_a_group_goal_is_shared_with_another_open_case_the_user_sees(case, worker):
    other = f.CaseFactory.create(signal__received_by=worker)
    response = api_as(worker).post(f"/cases/{case.pk}/goals", goal(is_group_goal=True, group_case_ids=[other.pk]))
    assert response.status_code == 201, response.content
    assert response.json()["group_case_ids"] == [other.pk]


@pytest.mark.parametrize(
    ("changes", "field"),
    [
        ({"due_on": "2000-01-01"}, "due_on"),
        ({"title": "x" * 301}, "title"),
        ({"life_domain": "dreams"}, "life_domain"),
        ({"is_group_goal": True}, "group_case_ids"),  # shared with nobody
        ({"group_case_ids": [1]}, "group_case_ids"),  # shared, but no group goal
    ],
)
def test_an_invalid_goal_is_refused(case, worker, changes, field):
    response = api_as(worker).post(f"/cases/{case.pk}/goals", goal(**changes))
    assert response.status_code == 422, response.content
    assert field in [error["loc"][2] for error in response.json()["errors"]]
    assert not Goal.objects.exists()


def test_a_group_goal_is_not_shared_with_a_case_the_user_does_not_see(case, worker):
    unseen = f.CaseFactory.create()
    response = api_as(worker).post(f"/cases/{case.pk}/goals", goal(is_group_goal=True, group_case_ids=[unseen.pk]))
    assert response.status_code == 422
    assert not Goal.objects.exists()


def test_one_goal_is_reached_through_its_case_and_audited(case, worker, audit_mark):
    saved = f.GoalFactory.create(case=case)
    body = api_as(worker).get(f"/goals/{saved.pk}").json()
    assert (body["id"], body["case_id"], body["status"]) == (saved.pk, case.pk, "active")
    assert audit_mark() == [("view", "goals.goal", saved.pk, case.pk)]


def test_a_shared_group_goal_is_reached_through_the_case_it_is_shared_with(case):
    shared = f.GoalFactory.create(is_group_goal=True)
    add_links(shared.group_cases, case)
    assert api_as(case.signal.received_by).get(f"/goals/{shared.pk}").status_code == 200
    assert api_as(stranger()).get(f"/goals/{shared.pk}").status_code == 404


def test_a_provider_may_read_goals_but_not_set_one(case):
    api = api_as(provider_staff_on(case, Referral.Status.ACCEPTED))
    assert api.get(f"/cases/{case.pk}/goals").status_code == 200
    assert api.post(f"/cases/{case.pk}/goals", goal()).status_code == 403


def test_the_status_of_a_goal_changes_with_the_version_read(case, worker, audit_mark):
    saved = f.GoalFactory.create(case=case)
    api = api_as(worker)
    response = api.patch(f"/goals/{saved.pk}", {"status": "achieved", "version": 1})
    assert response.status_code == 200, response.content
    assert (response.json()["status"], response.json()["version"]) == ("achieved", 2)
    assert audit_mark()[-1] == ("update", "goals.goal", saved.pk, case.pk)
    stale = api.patch(f"/goals/{saved.pk}", {"status": "stopped", "version": 1})
    assert stale.status_code == 409
    saved.refresh_from_db()
    assert (saved.status, saved.version) == ("achieved", 2)


def test_a_provider_may_not_change_the_status_of_a_goal(case):
    saved = f.GoalFactory.create(case=case)
    api = api_as(provider_staff_on(case, Referral.Status.ACCEPTED))
    assert api.patch(f"/goals/{saved.pk}", {"status": "achieved", "version": 1}).status_code == 403
