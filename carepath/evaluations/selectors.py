"""Reads for evaluation moments. The moment or case always comes from carepath.access.policy."""

from collections import Counter
from collections.abc import Iterable

from django.db.models import Q
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from carepath.evaluations.models import EvaluationMoment, GoalAttainment
from carepath.goals.models import Goal

EVALUATED_STATUSES = (Goal.Status.ACTIVE, Goal.Status.ACHIEVED)


def goals_to_evaluate(*, evaluation: EvaluationMoment) -> list[Goal]:
    """The case's own and shared group goals that are worked on or achieved, plus any goal this
    moment already rated (so re-recording after a goal was stopped keeps its answer)."""
    case_id = evaluation.case_id
    rated = GoalAttainment.objects.filter(evaluation=evaluation).values("goal_id")
    return list(
        Goal.objects.filter(Q(case_id=case_id) | Q(group_cases__id=case_id))
        .filter(Q(status__in=EVALUATED_STATUSES) | Q(pk__in=rated))
        .distinct()
        .order_by("due_on", "pk")
    )


def attainment_summary(attainments: Iterable[GoalAttainment]) -> str:
    """'3 goals: 2 fully, 1 partially' from attainments already loaded; runs no query."""
    counts = Counter(a.level for a in attainments)
    total = sum(counts.values())
    if not total:
        return ""
    short = {
        GoalAttainment.Level.FULLY: _("%(n)s fully"),
        GoalAttainment.Level.PARTIALLY: _("%(n)s partially"),
        GoalAttainment.Level.NOT: _("%(n)s not achieved"),
    }
    parts = ", ".join(short[level] % {"n": counts[level]} for level in GoalAttainment.Level if counts[level])
    return ngettext("%(total)s goal: %(parts)s", "%(total)s goals: %(parts)s", total) % {
        "total": total,
        "parts": parts,
    }
