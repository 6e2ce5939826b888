import pytest

from carepath.evaluations.models import GoalAttainment
from carepath.evaluations.selectors import attainment_summary, goals_to_evaluate
from carepath.evaluations.tests.factories import GoalAttainmentFactory
from carepath.goals.models import Goal
from carepath.testing.factories import CaseFactory, EvaluationMomentFactory, GoalFactory


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
    shared.group_cases.add(case, CaseFactory())
    own.group_cases.add(case)  # listed on its own case too: still asked once
    GoalFactory()  # another case's goal
    assert goals_to_evaluate(evaluation=evaluation) == sorted([own, achieved, shared], key=lambda g: (g.due_on, g.pk))


@pytest.mark.django_db
def test_goals_to_evaluate_keep_a_stopped_goal_this_moment_already_rated():
    attainment = GoalAttainmentFactory()
    Goal.objects.filter(pk=attainment.goal_id).update(status=Goal.Status.STOPPED)
    assert goals_to_evaluate(evaluation=attainment.evaluation) == [attainment.goal]
