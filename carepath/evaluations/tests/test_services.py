import datetime

import pytest
from django.utils import timezone

from carepath.audit.models import AuditEvent
from carepath.evaluations import services
from carepath.evaluations.models import EvaluationMoment, GoalAttainment, QualityOfLifeRating
from carepath.evaluations.services import AttainmentAnswer
from carepath.organisations.authority import add_links
from carepath.testing.factories import (
    CaseFactory,
    CitizenFactory,
    EvaluationMomentFactory,
    GoalFactory,
    RelativeFactory,
)

pytestmark = pytest.mark.django_db

FULLY = GoalAttainment.Level.FULLY
PARTIALLY = GoalAttainment.Level.PARTIALLY


def test_plan_evaluation_creates_the_moment_and_audits_it():
    case = CaseFactory()
    worker = case.signal.received_by
    day = timezone.localdate() + datetime.timedelta(days=90)
    evaluation = services.plan_evaluation(case=case, by=worker, planned_on=day)
    assert (evaluation.case, evaluation.planned_on, evaluation.held_on, evaluation.created_by) == (
        case,
        day,
        None,
        worker,
    )
    event = AuditEvent.objects.get(action=AuditEvent.Action.CREATE)
    assert (event.what, event.object_id, event.case_id, event.person_id) == (
        "evaluations.evaluationmoment",
        evaluation.pk,
        case.pk,
        case.person_id,
    )


def test_record_evaluation_stores_held_date_words_and_one_attainment_per_goal():
    evaluation = EvaluationMomentFactory()
    own = GoalFactory(case=evaluation.case)
    shared = GoalFactory(case=CaseFactory(), is_group_goal=True)
    add_links(shared.group_cases, evaluation.case)
    worker = evaluation.case.signal.received_by
    services.record_evaluation(
        evaluation=evaluation,
        by=worker,
        held_on=timezone.localdate(),
        citizen_words="  I went to Riga with my friends!  ",
        answers=[AttainmentAnswer(own, FULLY, "Trip made"), AttainmentAnswer(shared, PARTIALLY)],
    )
    evaluation.refresh_from_db()
    assert evaluation.held_on == timezone.localdate()
    assert evaluation.citizen_words == "I went to Riga with my friends!"
    levels = {a.goal_id: (a.level, a.comment) for a in evaluation.attainments.all()}
    assert levels == {own.pk: (FULLY, "Trip made"), shared.pk: (PARTIALLY, "")}
    event = AuditEvent.objects.get(action=AuditEvent.Action.UPDATE)
    assert (event.object_id, event.case_id, event.user) == (evaluation.pk, evaluation.case_id, worker)


def test_recording_twice_updates_the_same_attainments():
    evaluation = EvaluationMomentFactory()
    goal = GoalFactory(case=evaluation.case)
    worker = evaluation.case.signal.received_by
    today = timezone.localdate()
    for level, words in [(PARTIALLY, "first"), (FULLY, "second")]:
        services.record_evaluation(
            evaluation=evaluation,
            by=worker,
            held_on=today,
            citizen_words=words,
            answers=[AttainmentAnswer(goal, level, words)],
        )
    attainment = GoalAttainment.objects.get()
    assert (attainment.level, attainment.comment) == (FULLY, "second")
    assert EvaluationMoment.objects.get().citizen_words == "second"


def test_held_date_in_the_future_is_refused():
    evaluation = EvaluationMomentFactory()
    with pytest.raises(ValueError):
        services.record_evaluation(
            evaluation=evaluation,
            by=evaluation.created_by,
            held_on=timezone.localdate() + datetime.timedelta(days=1),
            citizen_words="",
            answers=[],
        )
    evaluation.refresh_from_db()
    assert evaluation.held_on is None


def test_goal_of_another_case_is_refused_and_nothing_is_saved():
    evaluation = EvaluationMomentFactory()
    own = GoalFactory(case=evaluation.case)
    foreign = GoalFactory()
    with pytest.raises(ValueError):
        services.record_evaluation(
            evaluation=evaluation,
            by=evaluation.created_by,
            held_on=timezone.localdate(),
            citizen_words="words",
            answers=[AttainmentAnswer(own, FULLY), AttainmentAnswer(foreign, FULLY)],
        )
    evaluation.refresh_from_db()
    assert evaluation.held_on is None
    assert not GoalAttainment.objects.exists()
    assert not AuditEvent.objects.exists()


def test_unknown_level_is_refused():
    evaluation = EvaluationMomentFactory()
    goal = GoalFactory(case=evaluation.case)
    with pytest.raises(ValueError):
        services.record_evaluation(
            evaluation=evaluation,
            by=evaluation.created_by,
            held_on=timezone.localdate(),
            citizen_words="",
            answers=[AttainmentAnswer(goal, "brilliant")],
        )
    assert not GoalAttainment.objects.exists()


def _record(evaluation, **kwargs):
    defaults = {"by": evaluation.created_by, "held_on": timezone.localdate(), "citizen_words": "", "answers": []}
    return services.record_evaluation(evaluation=evaluation, **{**defaults, **kwargs})


def test_record_evaluation_stores_gas_quality_of_life_satisfaction_and_view():
    evaluation = EvaluationMomentFactory()
    goal = GoalFactory(case=evaluation.case)
    _record(
        evaluation,
        answers=[AttainmentAnswer(goal, FULLY, "", 2)],
        quality_of_life={"housing": 2, "health": 4},
        satisfaction=4,
        citizen_view=5,
    )
    evaluation.refresh_from_db()
    assert GoalAttainment.objects.get().gas_score == 2
    assert dict(evaluation.quality_of_life.values_list("domain", "score")) == {"housing": 2, "health": 4}
    assert (evaluation.satisfaction, evaluation.citizen_view) == (4, 5)
    assert AuditEvent.objects.filter(action=AuditEvent.Action.UPDATE).count() == 1


def test_recording_again_replaces_the_quality_of_life_ratings():
    evaluation = EvaluationMomentFactory()
    _record(evaluation, quality_of_life={"housing": 2, "health": 4})
    _record(evaluation, quality_of_life={"housing": 3})
    assert dict(QualityOfLifeRating.objects.values_list("domain", "score")) == {"housing": 3}


def test_a_view_given_in_the_portal_stays_the_citizens_unless_staff_change_it():
    evaluation = EvaluationMomentFactory(citizen_view=2, citizen_view_in_portal=True)
    _record(evaluation, citizen_view=2)
    evaluation.refresh_from_db()
    assert evaluation.citizen_view_in_portal
    _record(evaluation, citizen_view=3)
    evaluation.refresh_from_db()
    assert (evaluation.citizen_view, evaluation.citizen_view_in_portal) == (3, False)


@pytest.mark.parametrize(
    "wrong",
    [
        {"answers_gas": 3},
        {"quality_of_life": {"housing": 6}},
        {"quality_of_life": {"moon": 3}},
        {"satisfaction": 0},
        {"citizen_view": 6},
    ],
)
def test_values_outside_their_scales_are_refused_and_nothing_is_saved(wrong):
    evaluation = EvaluationMomentFactory()
    goal = GoalFactory(case=evaluation.case)
    answers = [AttainmentAnswer(goal, FULLY, "", wrong.pop("answers_gas", None))]
    with pytest.raises(ValueError):
        _record(evaluation, answers=answers, **wrong)
    assert not GoalAttainment.objects.exists()
    assert not QualityOfLifeRating.objects.exists()
    assert not AuditEvent.objects.exists()


def test_give_citizen_view_sets_the_face_the_words_and_marks_it_given_in_the_portal():
    citizen = CitizenFactory()
    evaluation = EvaluationMomentFactory(case=CaseFactory(signal__person=citizen.person), citizen_words="old")
    services.give_citizen_view(evaluation=evaluation, by=citizen, view=4, words="  Going well, I take the bus.  ")
    evaluation.refresh_from_db()
    assert (evaluation.citizen_view, evaluation.citizen_view_in_portal, evaluation.citizen_words) == (
        4,
        True,
        "Going well, I take the bus.",
    )
    event = AuditEvent.objects.get()
    assert (event.action, event.user, event.object_id, event.person_id) == (
        AuditEvent.Action.UPDATE,
        citizen,
        evaluation.pk,
        citizen.person_id,
    )


@pytest.mark.parametrize("who", ["another citizen", "relative", "case worker"])
def test_only_the_citizen_gives_their_own_view(who):
    citizen = CitizenFactory()
    evaluation = EvaluationMomentFactory(case=CaseFactory(signal__person=citizen.person))
    by = {
        "another citizen": CitizenFactory,
        "relative": RelativeFactory,
        "case worker": lambda: evaluation.case.signal.received_by,
    }[who]()
    with pytest.raises(ValueError):
        services.give_citizen_view(evaluation=evaluation, by=by, view=4, words="")
    evaluation.refresh_from_db()
    assert evaluation.citizen_view is None
    assert not AuditEvent.objects.exists()


def test_a_face_outside_the_scale_is_refused():
    citizen = CitizenFactory()
    evaluation = EvaluationMomentFactory(case=CaseFactory(signal__person=citizen.person))
    with pytest.raises(ValueError):
        services.give_citizen_view(evaluation=evaluation, by=citizen, view=0, words="")
