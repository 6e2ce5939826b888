"""A goal's lifecycleStatus follows its status; achievementStatus also the latest evaluation moment."""

import datetime

import pytest
from fhir.resources.R4B.goal import Goal as FhirGoal

from carepath.evaluations.models import GoalAttainment
from carepath.fhir.records import goals
from carepath.goals.models import Goal
from carepath.testing import factories as f

pytestmark = pytest.mark.django_db


def statuses(goal):
    [(_, resource)] = goals(Goal.objects.filter(pk=goal.pk))
    assert isinstance(resource, FhirGoal)
    return resource.lifecycleStatus, resource.achievementStatus.coding[0].code


def attain(goal: Goal, level: str, *, held_days_ago: int) -> None:
    held = datetime.date(2025, 6, 1) - datetime.timedelta(days=held_days_ago)
    moment = f.EvaluationMomentFactory.create(case=goal.case, planned_on=held, held_on=held)
    GoalAttainment.objects.create(evaluation=moment, goal=goal, level=level)


@pytest.mark.parametrize(
    "status, expected",
    [
        (Goal.Status.ACTIVE, ("active", "in-progress")),
        (Goal.Status.ACHIEVED, ("completed", "achieved")),
        (Goal.Status.STOPPED, ("cancelled", "not-achieved")),
    ],
)
def test_lifecycle_and_achievement_follow_the_status(status, expected):
    assert statuses(f.GoalFactory.create(status=status)) == expected


@pytest.mark.parametrize(
    "level, achievement",
    [("fully", "achieved"), ("partially", "improving"), ("not", "no-progress")],
)
def test_an_active_goal_shows_the_latest_attainment(level, achievement):
    goal = f.GoalFactory.create()
    attain(goal, "not" if level != "not" else "fully", held_days_ago=60)
    attain(goal, level, held_days_ago=10)
    assert statuses(goal) == ("active", achievement)


def test_the_citizens_words_are_a_note_by_the_patient():
    goal = f.GoalFactory.create(citizen_words="I want to swim in the sea.")
    [(_, resource)] = goals(Goal.objects.filter(pk=goal.pk))
    assert resource.note[0].text == "I want to swim in the sea."
    assert resource.note[0].authorReference.reference == f"Patient/{goal.case.person_id}"
