"""Changes to evaluation moments. Each function is one transaction and writes the audit log."""

import datetime
from collections.abc import Sequence
from typing import NamedTuple

from django.db import transaction
from django.db.models import Q
from django.utils import timezone

from carepath.access import policy
from carepath.accounts.models import User
from carepath.audit.models import AuditEvent
from carepath.cases.models import Case
from carepath.evaluations.models import EvaluationMoment, GoalAttainment
from carepath.goals.models import Goal


class AttainmentAnswer(NamedTuple):
    """How far one goal was reached at an evaluation moment."""

    goal: Goal
    level: str
    comment: str = ""


@transaction.atomic
def plan_evaluation(*, case: Case, by: User, planned_on: datetime.date) -> EvaluationMoment:
    """Plan a moment, agreed with the citizen or family, to look together at what was achieved."""
    evaluation = EvaluationMoment.objects.create(case=case, planned_on=planned_on, created_by=by)
    policy.record(by, AuditEvent.Action.CREATE, evaluation, case=case)
    return evaluation


@transaction.atomic
def record_evaluation(
    *,
    evaluation: EvaluationMoment,
    by: User,
    held_on: datetime.date,
    citizen_words: str,
    answers: Sequence[AttainmentAnswer],
) -> EvaluationMoment:
    """Record that the moment was held and how far each goal was reached.

    Recording again updates the same attainments (one per evaluation and goal), never duplicates.
    """
    if held_on > timezone.localdate():
        raise ValueError("an evaluation cannot be held in the future")
    if any(a.level not in GoalAttainment.Level.values for a in answers):
        raise ValueError("unknown attainment level")
    evaluation = EvaluationMoment.objects.select_for_update().select_related("case").get(pk=evaluation.pk)
    case = evaluation.case
    goal_ids = {a.goal.pk for a in answers}
    of_case = Goal.objects.filter(Q(case=case) | Q(group_cases=case), pk__in=goal_ids).values("pk")
    if len(goal_ids) != len({row["pk"] for row in of_case}):
        raise ValueError("every goal must belong to the evaluated case")
    evaluation.held_on = held_on
    evaluation.citizen_words = citizen_words.strip()
    evaluation.save(update_fields=["held_on", "citizen_words"])
    for answer in answers:
        GoalAttainment.objects.update_or_create(
            evaluation=evaluation,
            goal=answer.goal,
            defaults={"level": answer.level, "comment": answer.comment},
        )
    policy.record(by, AuditEvent.Action.UPDATE, evaluation, case=case)
    return evaluation
