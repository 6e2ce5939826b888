"""Reads for evaluation moments. The moment or case always comes from carepath.access.policy."""

import datetime
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from django.db.models import Prefetch, Q, QuerySet
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from carepath.cases.models import Case
from carepath.core.choices import LifeDomain
from carepath.evaluations.models import EvaluationMoment, GoalAttainment, QualityOfLifeRating
from carepath.goals import selectors as goal_selectors
from carepath.goals.models import Goal
from carepath.people.models import Person

EVALUATED_STATUSES = (Goal.Status.ACTIVE, Goal.Status.ACHIEVED)


def goals_to_evaluate(*, evaluation: EvaluationMoment) -> list[Goal]:
    """The case's own and shared group goals that are worked on or achieved, plus any goal this
    moment already rated (so re-recording after a goal was stopped keeps its answer)."""
    case_id = evaluation.case_id
    rated = GoalAttainment.objects.filter(evaluation=evaluation).values("goal_id")
    return list(
        Goal.objects.filter(pk__in=goal_selectors.ids_of_case(case_id))
        .filter(Q(status__in=EVALUATED_STATUSES) | Q(pk__in=rated))
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


def previous_quality_of_life(*, evaluation: EvaluationMoment) -> dict[str, int]:
    """The ratings to start the form from: this moment's own, else those of the case's latest other
    rated moment held before it (or at all, while this one is not held yet)."""
    own = dict(evaluation.quality_of_life.values_list("domain", "score"))
    if own:
        return own
    earlier = QualityOfLifeRating.objects.filter(
        evaluation__case_id=evaluation.case_id, evaluation__held_on__isnull=False
    ).exclude(evaluation=evaluation)
    if evaluation.held_on:
        earlier = earlier.filter(evaluation__held_on__lte=evaluation.held_on)
    latest = earlier.order_by("-evaluation__held_on", "-evaluation_id").values_list("evaluation_id", flat=True).first()
    return dict(earlier.filter(evaluation_id=latest).values_list("domain", "score")) if latest else {}


def moment_for_citizen_view(*, person: Person) -> EvaluationMoment | None:
    """The moment a citizen's own view in the portal is about: the next talk of an open case (held
    soon, so staff see the view when they record it), else the latest moment already held."""
    moments = EvaluationMoment.objects.filter(case__person=person).select_related("case")
    coming = moments.filter(held_on__isnull=True, case__status=Case.Status.OPEN).order_by("planned_on", "pk").first()
    return coming or moments.filter(held_on__isnull=False).order_by("-held_on", "-pk").first()


@dataclass(frozen=True)
class QualityOfLifeRow:
    domain: str
    label: str
    before: int | None
    after: int | None

    @property
    def change(self) -> int | None:
        return None if self.before is None or self.after is None else self.after - self.before


@dataclass(frozen=True)
class QualityOfLifeChange:
    """Quality of life per domain at the first rated moment ("before") and the latest ("after")."""

    before_on: datetime.date
    after_on: datetime.date | None  # None while only one moment is rated
    rows: list[QualityOfLifeRow]


def _day(evaluation: EvaluationMoment) -> datetime.date:
    return evaluation.held_on or evaluation.planned_on


def with_quality_of_life(evaluations: QuerySet[EvaluationMoment]) -> QuerySet[EvaluationMoment]:
    """The moments with their ratings per life domain, read in one query beside the moments'.

    (Issue 6: a subquery per domain in the moments' query was one query fewer, but building eight
    subqueries on every case page cost more than the one simple query.)"""
    return evaluations.prefetch_related(
        Prefetch("quality_of_life", queryset=QualityOfLifeRating.objects.only("evaluation_id", "domain", "score"))
    )


def ratings(evaluation: EvaluationMoment) -> dict[str, int]:
    """The rated domains of a moment loaded through with_quality_of_life, in the order of LifeDomain."""
    scores = {r.domain: r.score for r in evaluation.quality_of_life.all()}
    return {domain.value: scores[domain.value] for domain in LifeDomain if domain.value in scores}


def quality_of_life_change(evaluations: Sequence[EvaluationMoment]) -> QualityOfLifeChange | None:
    """Before and after from moments loaded through with_quality_of_life; runs no query."""
    rated = sorted(((e, ratings(e)) for e in evaluations if ratings(e)), key=lambda pair: (_day(pair[0]), pair[0].pk))
    if not rated:
        return None
    (first, before), (latest, after) = rated[0], rated[-1]
    if latest is first:
        after = {}
    rows = [
        QualityOfLifeRow(domain.value, str(domain.label), before.get(domain.value), after.get(domain.value))
        for domain in LifeDomain
        if domain.value in before or domain.value in after
    ]
    return QualityOfLifeChange(_day(first), _day(latest) if latest is not first else None, rows)


def plan_prompt(*, case: Case, goals: Iterable[Goal], evaluations: Sequence[EvaluationMoment]) -> str:
    """'first' when the plan has started (a goal has steps) and no moment was ever planned, 'next'
    when every planned moment is held, '' otherwise. Uses prefetched steps; runs no query."""
    if case.status != Case.Status.OPEN or not any(g.steps.all() for g in goals):
        return ""
    if not evaluations:
        return "first"
    return "" if any(e.held_on is None for e in evaluations) else "next"
