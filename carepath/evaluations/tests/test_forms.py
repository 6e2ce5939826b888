import pytest
from django.utils import timezone

from carepath.evaluations.forms import CitizenViewForm, RecordEvaluationForm
from carepath.evaluations.tests.factories import GoalAttainmentFactory
from carepath.testing.factories import EvaluationMomentFactory, GoalFactory

pytestmark = pytest.mark.django_db


def _form(data=None, **kwargs):
    evaluation = kwargs.pop("evaluation", None) or EvaluationMomentFactory()
    goals = kwargs.pop("goals", None)
    if goals is None:
        goals = [GoalFactory(case=evaluation.case)]
    return RecordEvaluationForm(data, evaluation=evaluation, goals=goals, **kwargs), goals


def test_answers_carry_level_comment_and_the_optional_gas_score():
    form, (goal,) = _form()
    data = {"held_on": timezone.localdate().isoformat(), f"goal_{goal.pk}_level": "partially"}
    form, _ = _form({**data, f"goal_{goal.pk}_gas": "-2", f"goal_{goal.pk}_comment": " Slow "}, goals=[goal])
    assert form.is_valid(), form.errors
    assert form.answers()[0][1:] == ("partially", "Slow", -2)
    form, _ = _form(data, goals=[goal])
    assert form.is_valid()
    assert form.answers()[0].gas_score is None


def test_quality_of_life_keeps_only_the_rated_domains():
    form, _ = _form(
        {"held_on": timezone.localdate().isoformat(), "quality_of_life_work": "5", "quality_of_life_health": ""},
        goals=[],
    )
    assert form.is_valid(), form.errors
    assert form.quality_of_life() == {"work": 5}
    assert form.cleaned_data["satisfaction"] is None and form.cleaned_data["citizen_view"] is None


def test_initial_values_come_from_the_previous_ratings_and_this_moments_answers():
    attainment = GoalAttainmentFactory(level="not", gas_score=1, comment="Later")
    evaluation = attainment.evaluation
    evaluation.satisfaction, evaluation.citizen_view, evaluation.citizen_words = 3, 2, "Tired"
    form, _ = _form(evaluation=evaluation, goals=[attainment.goal], quality_of_life={"housing": 2})
    goal = attainment.goal
    assert form.initial[f"goal_{goal.pk}_level"] == "not"
    assert form.initial[f"goal_{goal.pk}_gas"] == 1
    assert form.initial["quality_of_life_housing"] == 2
    assert form.initial["quality_of_life_work"] is None
    assert (form.initial["satisfaction"], form.initial["citizen_view"], form.initial["citizen_words"]) == (
        3,
        2,
        "Tired",
    )


@pytest.mark.parametrize("field,value", [("goal_gas", "3"), ("quality_of_life_work", "6"), ("satisfaction", "0")])
def test_values_outside_the_scales_are_errors(field, value):
    form, (goal,) = _form()
    name = f"goal_{goal.pk}_gas" if field == "goal_gas" else field
    data = {"held_on": timezone.localdate().isoformat(), f"goal_{goal.pk}_level": "fully", name: value}
    form, _ = _form(data, goals=[goal])
    assert not form.is_valid()
    assert name in form.errors


def test_the_citizens_view_needs_a_face_but_not_words():
    assert CitizenViewForm({"view": "5"}).is_valid()
    form = CitizenViewForm({"words": "Fine"})
    assert not form.is_valid()
    assert form.errors["view"] == ["Choose the face that fits best."]
