"""Outcome reports: goal attainment, quality-of-life change per life domain, satisfaction.

Every figure is an aggregate computed by the database; Python only lays the few aggregate rows
out as tables. Definitions: docs/outcomes.md.
"""

from typing import Any

from django.db.models import Avg, Count, F, OuterRef, Q, QuerySet, Subquery, Window
from django.db.models.functions import RowNumber
from django.utils.translation import gettext as _

from carepath.core.choices import LifeDomain
from carepath.evaluations.models import EvaluationMoment, GoalAttainment, QualityOfLifeRating
from carepath.reports.figures import percent, rounded
from carepath.reports.scope import Scope
from carepath.reports.tables import Table

LEVELS = GoalAttainment.Level
GAS_SCORES = (-2, -1, 0, 1, 2)


def latest_attainments(scope: Scope) -> QuerySet[GoalAttainment]:
    """For each goal in scope evaluated in the period, its latest attainment at a moment held in the period."""
    # One pass numbering each goal's attainments newest first (a window function), rather than a
    # correlated subquery per attainment: the difference between seconds and a minute at a million goals.
    newest_first = Window(
        RowNumber(), partition_by=[F("goal_id")], order_by=[F("evaluation__held_on").desc(), F("evaluation_id").desc()]
    )
    ranked = (
        GoalAttainment.objects.filter(evaluation__held_on__range=scope.period, goal__in=scope.goals.values("pk"))
        .annotate(newest=newest_first)
        .filter(newest=1)
    )
    return GoalAttainment.objects.filter(pk__in=ranked.values("pk"))


def attainment_counts(scope: Scope) -> dict[str, Any]:
    """Evaluated goals, per level, with GAS: one query."""
    return latest_attainments(scope).aggregate(
        total=Count("pk"),
        fully=Count("pk", filter=Q(level=LEVELS.FULLY)),
        partially=Count("pk", filter=Q(level=LEVELS.PARTIALLY)),
        not_achieved=Count("pk", filter=Q(level=LEVELS.NOT)),
        gas_scored=Count("gas_score"),
        gas_at_least_0=Count("pk", filter=Q(gas_score__gte=0)),
        gas_mean=Avg("gas_score"),
        **{f"gas_{i}": Count("pk", filter=Q(gas_score=score)) for i, score in enumerate(GAS_SCORES)},
    )


def goal_attainment_tables(scope: Scope) -> list[Table]:
    counts = attainment_counts(scope)
    total = counts["total"]
    levels = [
        (LEVELS.FULLY.label, counts["fully"]),
        (LEVELS.PARTIALLY.label, counts["partially"]),
        (LEVELS.NOT.label, counts["not_achieved"]),
    ]
    gas_total = counts["gas_scored"]
    return [
        Table(
            title=_("Goals by attainment"),
            columns=[_("Attainment"), _("Goals"), "%"],
            rows=[[str(label), n, percent(n, total)] for label, n in levels],
            chart="bar",
            note=_(
                "%(n)s goals evaluated in the period; each goal counts once, at its latest evaluation in the period."
            )
            % {"n": total},
        ),
        Table(
            title=_("Goal Attainment Scale"),
            columns=[_("Score"), _("Goals"), "%"],
            rows=[
                [f"{score:+d}" if score else "0", counts[f"gas_{i}"], percent(counts[f"gas_{i}"], gas_total)]
                for i, score in enumerate(GAS_SCORES)
            ],
            chart="bar",
            note=_("%(n)s evaluated goals have a score; -2 much less than expected, 0 as expected, +2 much more.")
            % {"n": gas_total},
        ),
        Table(
            title=_("Summary"),
            columns=[_("Figure"), _("Value")],
            rows=[
                [_("Goals evaluated in the period"), total],
                [_("Goals with a Goal Attainment Scale score"), gas_total],
                [_("Mean Goal Attainment Scale score"), rounded(counts["gas_mean"])],
            ],
        ),
    ]


def quality_of_life_changes(scope: Scope) -> QuerySet[QualityOfLifeRating]:
    """Per case and life domain, the latest rating in the period (the "after") annotated with the
    case's first rating of that domain (the "before"); only pairs rated at two different moments."""
    ratings = QualityOfLifeRating.objects.filter(
        evaluation__case__in=scope.cases.values("pk"), evaluation__held_on__lte=scope.date_to
    )
    if scope.filter.life_domain:
        ratings = ratings.filter(domain=scope.filter.life_domain)
    same = ratings.filter(evaluation__case_id=OuterRef("evaluation__case_id"), domain=OuterRef("domain"))
    latest = same.order_by("-evaluation__held_on", "-evaluation_id").values("pk")[:1]
    first = same.order_by("evaluation__held_on", "evaluation_id")
    return (
        ratings.filter(evaluation__held_on__gte=scope.date_from, pk=Subquery(latest))
        .annotate(
            before_score=Subquery(first.values("score")[:1]),
            before_evaluation=Subquery(first.values("evaluation_id")[:1]),
        )
        .exclude(before_evaluation=F("evaluation_id"))
    )


def quality_of_life_rows(scope: Scope) -> list[dict[str, Any]]:
    """One aggregate row per life domain: cases, before and after means, mean change, improved count."""
    per_domain = (
        quality_of_life_changes(scope)
        .values("domain")
        .annotate(
            cases=Count("pk"),
            before=Avg("before_score"),
            after=Avg("score"),
            change=Avg(F("score") - F("before_score")),
            improved=Count("pk", filter=Q(score__gt=F("before_score"))),
        )
        .order_by("domain")
    )
    return [dict(row) for row in per_domain]  # at most one row per life domain


def quality_of_life_tables(scope: Scope) -> list[Table]:
    labels = dict(LifeDomain.choices)
    rows = quality_of_life_rows(scope)
    return [
        Table(
            title=_("Quality-of-life change per life domain"),
            columns=[_("Life domain"), _("Cases"), _("Before (mean)"), _("After (mean)"), _("Change (mean)")],
            rows=[
                [str(labels[r["domain"]]), r["cases"], rounded(r["before"]), rounded(r["after"]), rounded(r["change"])]
                for r in rows
            ],
            chart="bar",
            note=_(
                "Ratings 1 (very bad) to 5 (very good). Per case: the latest rating in the period minus the first "
                "ever rating of the domain, for cases rated at two moments."
            ),
        )
    ]


def satisfaction_counts(scope: Scope, *, domain_cases: bool = True) -> dict[str, Any]:
    """Evaluation moments held in the period with a satisfaction rating, per face, and the mean: one query."""
    cases = scope.domain_cases if domain_cases else scope.cases
    moments = EvaluationMoment.objects.filter(
        case__in=cases.values("pk"), held_on__range=scope.period, satisfaction__isnull=False
    )
    faces = {f"face_{face.value}": Count("pk", filter=Q(satisfaction=face.value)) for face in EvaluationMoment.Scale}
    return moments.aggregate(
        total=Count("pk"),
        satisfied=Count("pk", filter=Q(satisfaction__gte=4)),
        mean=Avg("satisfaction"),
        **faces,
    )


def satisfaction_tables(scope: Scope) -> list[Table]:
    counts = satisfaction_counts(scope)
    total = counts["total"]
    return [
        Table(
            title=_("Satisfaction with the service"),
            columns=[_("Answer"), _("Evaluation moments"), "%"],
            rows=[
                [
                    f"{face.value}: {face.label}",
                    counts[f"face_{face.value}"],
                    percent(counts[f"face_{face.value}"], total),
                ]
                for face in EvaluationMoment.Scale
            ],
            chart="bar",
            note=_("%(n)s evaluation moments held in the period with a satisfaction answer.") % {"n": total},
        ),
        Table(
            title=_("Summary"),
            columns=[_("Figure"), _("Value")],
            rows=[
                [_("Mean satisfaction (1 to 5)"), rounded(counts["mean"])],
                [_("Happy or very happy (%)"), percent(counts["satisfied"], total)],
            ],
        ),
    ]
