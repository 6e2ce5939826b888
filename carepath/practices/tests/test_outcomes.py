"""A practice shows the outcomes of the cases that apply it, computed as the outcome reports compute them."""

import datetime

import pytest
from django.utils import timezone

from carepath.core.choices import LifeDomain
from carepath.evaluations.models import GoalAttainment, QualityOfLifeRating
from carepath.practices.outcomes import cases_applying, practice_outcomes
from carepath.practices.tests.factories import PracticeFactory
from carepath.referrals.models import ReferralGoal
from carepath.testing import factories as f

pytestmark = pytest.mark.django_db
LEVEL = GoalAttainment.Level


def case_of(organisation):
    worker = f.UserFactory(unit=f.UnitFactory(organisation=organisation))
    return f.CaseFactory(signal__received_by=worker)


def moment(case, days_ago, satisfaction=None, ratings=(), attainments=()):
    held = timezone.localdate() - datetime.timedelta(days=days_ago)
    evaluation = f.EvaluationMomentFactory(case=case, planned_on=held, held_on=held, satisfaction=satisfaction)
    for domain, score in ratings:
        QualityOfLifeRating.objects.create(evaluation=evaluation, domain=domain, score=score)
    for goal, level in attainments:
        GoalAttainment.objects.create(evaluation=evaluation, goal=goal, level=level)
    return evaluation


@pytest.fixture
def world():
    practice = PracticeFactory()
    sharing = f.AuthorityFactory(shares_practice_outcomes=True)
    silent = f.AuthorityFactory(shares_practice_outcomes=False)

    # Case 1 applies the practice in a step of one goal; its other goal does not count.
    case1 = case_of(sharing)
    g1 = f.GoalFactory(case=case1)
    g1_other = f.GoalFactory(case=case1)
    f.StepFactory(goal=g1, practice=practice)
    moment(case1, 60, ratings=[(LifeDomain.LEISURE, 2)], attainments=[(g1, LEVEL.PARTIALLY)])
    moment(
        case1,
        10,
        satisfaction=5,
        ratings=[(LifeDomain.LEISURE, 4)],
        attainments=[(g1, LEVEL.FULLY), (g1_other, LEVEL.FULLY)],
    )

    # Case 2: a referral whose plan applies it, working on goal 2.
    case2 = case_of(sharing)
    g2 = f.GoalFactory(case=case2)
    referral = f.ReferralFactory(case=case2, practice=practice)
    ReferralGoal.objects.create(referral=referral, goal=g2)
    moment(case2, 5, attainments=[(g2, LEVEL.NOT)])

    # Case 3: a referral with no goal named; its quality of life and satisfaction count.
    case3 = case_of(sharing)
    f.ReferralFactory(case=case3, practice=practice)
    moment(case3, 90, ratings=[(LifeDomain.LEISURE, 3)])
    moment(case3, 20, satisfaction=3, ratings=[(LifeDomain.LEISURE, 3)])

    # Not counted: the same practice in an organisation that does not share; a sharing case without it.
    case4 = case_of(silent)
    g4 = f.GoalFactory(case=case4)
    f.StepFactory(goal=g4, practice=practice)
    moment(case4, 80, ratings=[(LifeDomain.LEISURE, 1)])
    moment(case4, 8, satisfaction=5, ratings=[(LifeDomain.LEISURE, 5)], attainments=[(g4, LEVEL.FULLY)])
    case5 = case_of(sharing)
    g5 = f.GoalFactory(case=case5)
    f.StepFactory(goal=g5)
    moment(case5, 8, satisfaction=1, attainments=[(g5, LEVEL.NOT)])
    return practice, [case1, case2, case3], case4, case5


def test_cases_applying_are_those_of_sharing_organisations_whose_plan_or_step_names_it(world):
    practice, counted, silent, other = world
    assert set(cases_applying(practice)) == set(counted)


def test_outcomes_equal_those_computed_from_the_cases_that_use_it(world, settings):
    settings.CAREPATH_PRACTICE_MIN_CASES = 3
    practice, counted, _silent, _other = world
    result = practice_outcomes(practice, user=f.UserFactory())
    assert result.shown
    assert result.cases == 3
    assert result.organisations == 1
    # Goal 1 at its latest evaluation (fully) and goal 2 (not); goal 1's sibling and others' goals do not count.
    a = result.attainment
    assert (a["total"], a["fully"], a["partially"], a["not_achieved"]) == (2, 1, 0, 1)
    # Leisure: case 1 from 2 to 4, case 3 from 3 to 3.
    [leisure] = result.quality_of_life
    assert leisure["domain"] == LifeDomain.LEISURE
    assert leisure["cases"] == 2
    assert leisure["before"] == pytest.approx(2.5)
    assert leisure["after"] == pytest.approx(3.5)
    assert leisure["change"] == pytest.approx(1.0)
    assert leisure["improved"] == 1
    # Satisfaction: 5 (case 1) and 3 (case 3).
    s = result.satisfaction
    assert s["total"] == 2
    assert s["satisfied"] == 1
    assert float(s["mean"]) == pytest.approx(4.0)


def test_figures_are_withheld_below_the_minimum_number_of_cases(world, settings):
    settings.CAREPATH_PRACTICE_MIN_CASES = 4
    practice, *_ = world
    result = practice_outcomes(practice, user=f.UserFactory())
    assert result.cases == 3
    assert not result.shown
    assert result.attainment == {} and result.quality_of_life == [] and result.satisfaction == {}


def test_a_practice_nobody_applies_has_no_cases():
    result = practice_outcomes(PracticeFactory(), user=f.UserFactory())
    assert result.cases == 0
    assert not result.shown
