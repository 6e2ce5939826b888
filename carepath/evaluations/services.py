"""Changes to evaluation moments. Each function is one transaction and writes the audit log."""

import datetime
from collections.abc import Mapping, Sequence
from typing import NamedTuple

from django.db import transaction
from django.utils import timezone

from carepath.access import policy
from carepath.accounts.models import User
from carepath.audit.models import AuditEvent
from carepath.cases.models import Case
from carepath.core.choices import LifeDomain
from carepath.evaluations.models import EvaluationMoment, GoalAttainment, QualityOfLifeRating
from carepath.goals import selectors as goal_selectors
from carepath.goals.models import Goal

GAS_SCORES = range(-2, 3)
ONE_TO_FIVE = range(1, 6)


class AttainmentAnswer(NamedTuple):
    """How far one goal was reached at an evaluation moment, and on the Goal Attainment Scale (optional)."""

    goal: Goal
    level: str
    comment: str = ""
    gas_score: int | None = None


@transaction.atomic
def plan_evaluation(*, case: Case, by: User, planned_on: datetime.date) -> EvaluationMoment:
    """Plan a moment, agreed with the citizen or family, to look together at what was achieved."""
    evaluation = EvaluationMoment.objects.create(case=case, planned_on=planned_on, created_by=by)
    policy.record(by, AuditEvent.Action.CREATE, evaluation, case=case)
    return evaluation


def _check_answers(
    answers: Sequence[AttainmentAnswer],
    quality_of_life: Mapping[str, int],
    scales: Sequence[int | None],
) -> None:
    if any(a.level not in GoalAttainment.Level.values for a in answers):
        raise ValueError("unknown attainment level")
    if any(a.gas_score is not None and a.gas_score not in GAS_SCORES for a in answers):
        raise ValueError("a Goal Attainment Scale score is -2 to +2")
    if any(domain not in LifeDomain.values for domain in quality_of_life):
        raise ValueError("unknown life domain")
    if any(score not in ONE_TO_FIVE for score in quality_of_life.values()):
        raise ValueError("a quality-of-life rating is 1 to 5")
    if any(value is not None and value not in ONE_TO_FIVE for value in scales):
        raise ValueError("the faces scale is 1 to 5")


@transaction.atomic
def record_evaluation(
    *,
    evaluation: EvaluationMoment,
    by: User,
    held_on: datetime.date,
    citizen_words: str,
    answers: Sequence[AttainmentAnswer],
    quality_of_life: Mapping[str, int] | None = None,
    satisfaction: int | None = None,
    citizen_view: int | None = None,
    device_at: datetime.datetime | None = None,
) -> EvaluationMoment:
    """Record that the moment was held: how far each goal was reached, the quality-of-life ratings
    (domain -> 1..5; a domain left out is not rated), satisfaction and the citizen's view (faces, 1..5).

    Recording again updates the same attainments (one per evaluation and goal), never duplicates.
    A citizen's view given in the portal stays marked as theirs unless staff change it.
    """
    quality_of_life = dict(quality_of_life or {})
    if held_on > timezone.localdate():
        raise ValueError("an evaluation cannot be held in the future")
    _check_answers(answers, quality_of_life, [satisfaction, citizen_view])
    evaluation = EvaluationMoment.objects.select_for_update().select_related("case").get(pk=evaluation.pk)
    case = evaluation.case
    goal_ids = {a.goal.pk for a in answers}
    of_case = Goal.objects.filter(pk__in=goal_selectors.ids_of_case(case.pk)).filter(pk__in=goal_ids).values("pk")
    if len(goal_ids) != len({row["pk"] for row in of_case}):
        raise ValueError("every goal must belong to the evaluated case")
    if citizen_view != evaluation.citizen_view:
        evaluation.citizen_view_in_portal = False
    evaluation.held_on = held_on
    evaluation.citizen_words = citizen_words.strip()
    evaluation.satisfaction = satisfaction
    evaluation.citizen_view = citizen_view
    evaluation.version += 1  # a device that recorded this moment offline sees it changed (issue 11)
    evaluation.save(
        update_fields=["held_on", "citizen_words", "satisfaction", "citizen_view", "citizen_view_in_portal", "version"]
    )
    for answer in answers:
        GoalAttainment.objects.update_or_create(
            evaluation=evaluation,
            goal=answer.goal,
            defaults={"level": answer.level, "comment": answer.comment, "gas_score": answer.gas_score},
        )
    evaluation.quality_of_life.all().delete()
    QualityOfLifeRating.objects.bulk_create(
        QualityOfLifeRating(evaluation=evaluation, authority_id=evaluation.authority_id, domain=domain, score=score)
        for domain, score in quality_of_life.items()
    )
    policy.record(by, AuditEvent.Action.UPDATE, evaluation, case=case, device_at=device_at)
    return evaluation


@transaction.atomic
def give_citizen_view(*, evaluation: EvaluationMoment, by: User, view: int, words: str) -> EvaluationMoment:
    """The citizen's own view in the portal: one question on the faces scale, and words if they like.

    Only the citizen whose case it is may give it (a representative speaks for themselves elsewhere).
    """
    if view not in ONE_TO_FIVE:
        raise ValueError("the faces scale is 1 to 5")
    evaluation = EvaluationMoment.objects.select_for_update().select_related("case").get(pk=evaluation.pk)
    if by.person_id is None or by.person_id != evaluation.case.person_id:
        raise ValueError("only the citizen gives their own view")
    evaluation.citizen_view = view
    evaluation.citizen_view_in_portal = True
    evaluation.citizen_words = words.strip()
    evaluation.version += 1
    evaluation.save(update_fields=["citizen_view", "citizen_view_in_portal", "citizen_words", "version"])
    policy.record(by, AuditEvent.Action.UPDATE, evaluation, case=evaluation.case)
    return evaluation
