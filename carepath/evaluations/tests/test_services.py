import datetime

import pytest
from django.utils import timezone

from carepath.audit.models import AuditEvent
from carepath.evaluations import services
from carepath.evaluations.models import EvaluationMoment, GoalAttainment
from carepath.evaluations.services import AttainmentAnswer
from carepath.testing.factories import CaseFactory, EvaluationMomentFactory, GoalFactory

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
    shared.group_cases.add(evaluation.case)
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
