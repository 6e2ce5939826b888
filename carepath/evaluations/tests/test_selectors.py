import datetime

import pytest
from django.utils import timezone

from carepath.cases.models import Case
from carepath.evaluations.models import GoalAttainment, QualityOfLifeRating
from carepath.evaluations.selectors import (
    attainment_summary,
    goals_to_evaluate,
    moment_for_citizen_view,
    plan_prompt,
    previous_quality_of_life,
    quality_of_life_change,
    with_quality_of_life,
)
from carepath.evaluations.tests.factories import GoalAttainmentFactory
from carepath.goals.models import Goal
from carepath.organisations.authority import add_links
from carepath.testing.factories import CaseFactory, EvaluationMomentFactory, GoalFactory, StepFactory


def _levels(*levels):
    return [GoalAttainment(level=level) for level in levels]


@pytest.mark.parametrize(
    ("levels", "summary"),
    [
        (["fully", "partially", "fully"], "3 goals: 2 fully, 1 partially"),
        (["not"], "1 goal: 1 not achieved"),
        (["not", "partially", "fully"], "3 goals: 1 fully, 1 partially, 1 not achieved"),
        ([], ""),
    ],
)
def test_attainment_summary_counts_each_level(levels, summary):
    assert attainment_summary(_levels(*levels)) == summary


@pytest.mark.django_db
def test_goals_to_evaluate_are_own_and_shared_goals_worked_on_or_achieved():
    evaluation = EvaluationMomentFactory()
    case = evaluation.case
    own = GoalFactory(case=case)
    achieved = GoalFactory(case=case, status=Goal.Status.ACHIEVED)
    GoalFactory(case=case, status=Goal.Status.STOPPED)
    shared = GoalFactory(case=CaseFactory(), is_group_goal=True)
    add_links(shared.group_cases, case, CaseFactory())
    add_links(own.group_cases, case)  # listed on its own case too: still asked once
    GoalFactory()  # another case's goal
    assert goals_to_evaluate(evaluation=evaluation) == sorted([own, achieved, shared], key=lambda g: (g.due_on, g.pk))


@pytest.mark.django_db
def test_goals_to_evaluate_keep_a_stopped_goal_this_moment_already_rated():
    attainment = GoalAttainmentFactory()
    Goal.objects.filter(pk=attainment.goal_id).update(status=Goal.Status.STOPPED)
    assert goals_to_evaluate(evaluation=attainment.evaluation) == [attainment.goal]


def _moment(case, *, held_days_ago=None, planned_in=30, **scores):
    today = timezone.localdate()
    evaluation = EvaluationMomentFactory(
        case=case,
        planned_on=today + datetime.timedelta(days=planned_in),
        held_on=None if held_days_ago is None else today - datetime.timedelta(days=held_days_ago),
    )
    for domain, score in scores.items():
        QualityOfLifeRating.objects.create(evaluation=evaluation, domain=domain, score=score)
    return evaluation


@pytest.mark.django_db
def test_previous_quality_of_life_is_the_moments_own_else_the_latest_held_before():
    case = CaseFactory()
    _moment(case, held_days_ago=100, planned_in=-100, housing=1)
    latest = _moment(case, held_days_ago=50, planned_in=-50, housing=3, health=2)
    _moment(case, housing=5)  # planned, not held: its ratings are not a "previous" one
    planned = _moment(case)
    assert previous_quality_of_life(evaluation=planned) == {"housing": 3, "health": 2}
    assert previous_quality_of_life(evaluation=latest) == {"housing": 3, "health": 2}  # its own
    earlier_unrated = _moment(case, held_days_ago=70, planned_in=-70)
    assert previous_quality_of_life(evaluation=earlier_unrated) == {"housing": 1}
    assert previous_quality_of_life(evaluation=_moment(CaseFactory())) == {}


@pytest.mark.django_db
def test_the_citizens_view_goes_to_the_next_talk_else_to_the_latest_held_moment():
    case = CaseFactory()
    person = case.person
    assert moment_for_citizen_view(person=person) is None
    _moment(case, held_days_ago=200, planned_in=-200)
    held = _moment(case, held_days_ago=20, planned_in=-20)
    assert moment_for_citizen_view(person=person) == held
    _moment(case, planned_in=90)
    overdue = _moment(case, planned_in=-2)
    assert moment_for_citizen_view(person=person) == overdue  # not held yet: still the next talk
    _moment(CaseFactory(signal__person=person, status=Case.Status.CLOSED), planned_in=-1)  # a closed case's
    assert moment_for_citizen_view(person=person) == overdue
    assert moment_for_citizen_view(person=CaseFactory().person) is None


def _prefetched(case):
    return list(with_quality_of_life(case.evaluations.all()))


@pytest.mark.django_db
def test_quality_of_life_change_compares_the_first_and_the_latest_rated_moment():
    case = CaseFactory()
    _moment(case, held_days_ago=100, planned_in=-100, housing=2, health=3)
    _moment(case, held_days_ago=70, planned_in=-70, housing=5)  # in between: not shown
    _moment(case, held_days_ago=10, planned_in=-10)  # not rated
    latest = _moment(case, held_days_ago=20, planned_in=-20, housing=4, leisure=3)
    change = quality_of_life_change(_prefetched(case))
    assert change.after_on == latest.held_on
    rows = {(r.domain, r.before, r.after, r.change) for r in change.rows}
    assert rows == {("housing", 2, 4, 2), ("health", 3, None, None), ("leisure", None, 3, None)}
    assert [r.domain for r in change.rows] == ["leisure", "housing", "health"]  # in the domains' order


@pytest.mark.django_db
def test_quality_of_life_change_with_one_rated_moment_has_no_after_and_none_without_ratings():
    case = CaseFactory()
    assert quality_of_life_change(_prefetched(case)) is None
    _moment(case, held_days_ago=5, planned_in=-5, work=2)
    change = quality_of_life_change(_prefetched(case))
    assert change.after_on is None
    assert [(r.domain, r.before, r.after) for r in change.rows] == [("work", 2, None)]


@pytest.mark.django_db
def test_plan_prompt_first_when_the_plan_started_next_when_every_moment_is_held():
    case = CaseFactory()
    goal = GoalFactory(case=case)

    def prompt():
        goals = list(case.goals.prefetch_related("steps"))
        return plan_prompt(case=case, goals=goals, evaluations=list(case.evaluations.all()))

    assert prompt() == ""  # no steps yet: the plan has not started
    StepFactory(goal=goal)
    assert prompt() == "first"
    held = _moment(case, planned_in=10)
    assert prompt() == ""
    held.held_on = timezone.localdate()
    held.save()
    assert prompt() == "next"
    case.status = Case.Status.CLOSED
    case.save()
    assert prompt() == ""
