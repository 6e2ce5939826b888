"""Outcome reports: goal attainment, quality-of-life change per life domain, satisfaction.

Every figure is an aggregate computed by the database; Python only lays the few aggregate rows
out as tables. Definitions: docs/outcomes.md.
"""

from decimal import Decimal
from typing import Any

from django.core.exceptions import EmptyResultSet
from django.db import connection
from django.db.models import Avg, Count, F, Q, QuerySet, Window
from django.db.models.functions import FirstValue, RowNumber
from django.utils.translation import gettext as _

from carepath.core.choices import LifeDomain
from carepath.evaluations.models import EvaluationMoment, GoalAttainment, QualityOfLifeRating
from carepath.reports.figures import percent, rounded
from carepath.reports.scope import Scope
from carepath.reports.tables import Table

LEVELS = GoalAttainment.Level
GAS_SCORES = (-2, -1, 0, 1, 2)


def _ranked_attainments(scope: Scope) -> QuerySet[GoalAttainment]:
    """Attainments of goals in scope at moments held in the period, numbered newest first per goal
    (a window function: one pass, rather than a correlated subquery per attainment)."""
    newest_first = Window(
        RowNumber(), partition_by=[F("goal_id")], order_by=[F("evaluation__held_on").desc(), F("evaluation_id").desc()]
    )
    # Through the evaluation moment's case (a few thousand moments), not each goal's (a million goals);
    # the goal is joined only when the filter asks about it (life domain, service).
    attained = GoalAttainment.objects.filter(
        evaluation__case__in=scope.cases.values("pk"), evaluation__held_on__range=scope.period
    )
    if scope.narrows_goals:
        attained = attained.filter(scope.goals_q("goal__"))
    return attained.annotate(newest=newest_first)


def attainment_counts(scope: Scope) -> dict[str, Any]:
    """Evaluated goals, per level, with GAS: one query.

    A goal counts with its latest attainment at a moment held in the period (`newest` = 1). Counted
    straight over the ranked rows: Django cannot aggregate over a filtered window annotation, and going
    back to the table by id costs a million index lookups at a million goals, so the ORM builds the
    ranked query and one SQL aggregate wraps it (docs/performance.md).
    """
    ranked = _ranked_attainments(scope).values("level", "gas_score", "newest")  # type: ignore[misc]  # an annotation
    try:
        inner, params = ranked.query.sql_with_params()
    except EmptyResultSet:  # no reportable case at all (e.g. a user outside any organisation)
        return {
            "total": 0,
            "fully": 0,
            "partially": 0,
            "not_achieved": 0,
            "gas_scored": 0,
            "gas_at_least_0": 0,
            "gas_mean": None,
            **{f"gas_{i}": 0 for i in range(len(GAS_SCORES))},
        }
    columns = [
        "COUNT(*)",
        *("COALESCE(SUM(CASE WHEN r.level = %s THEN 1 ELSE 0 END), 0)" for _ in LEVELS),
        "COUNT(r.gas_score)",
        "COALESCE(SUM(CASE WHEN r.gas_score >= 0 THEN 1 ELSE 0 END), 0)",
        "AVG(r.gas_score)",
        *("COALESCE(SUM(CASE WHEN r.gas_score = %s THEN 1 ELSE 0 END), 0)" for _ in GAS_SCORES),
    ]
    sql = f"SELECT {', '.join(columns)} FROM ({inner}) r WHERE r.newest = 1"  # noqa: S608  (no user input: ids and dates are parameters)
    with connection.cursor() as cursor:
        cursor.execute(sql, [*(level.value for level in LEVELS), *GAS_SCORES, *params])
        row = cursor.fetchone()
    total, fully, partially, not_achieved, gas_scored, gas_at_least_0, gas_mean, *gas = row
    counts: dict[str, Any] = {
        "total": total,
        "fully": fully,
        "partially": partially,
        "not_achieved": not_achieved,
        "gas_scored": gas_scored,
        "gas_at_least_0": gas_at_least_0,
        "gas_mean": float(gas_mean) if gas_mean is not None else None,  # as Avg() gives it
    }
    counts.update({f"gas_{i}": n for i, n in enumerate(gas)})
    return counts


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


def _ranked_ratings(scope: Scope) -> QuerySet[QualityOfLifeRating]:
    """Ratings of cases in scope up to the period's end, each with its case's first rating of the same
    domain (the "before") and numbered newest first per case and domain: window functions, one pass."""
    ratings = QualityOfLifeRating.objects.filter(
        evaluation__case__in=scope.cases.values("pk"), evaluation__held_on__lte=scope.date_to
    )
    if scope.filter.life_domain:
        ratings = ratings.filter(domain=scope.filter.life_domain)
    pair = [F("evaluation__case_id"), F("domain")]
    oldest_first = [F("evaluation__held_on").asc(), F("evaluation_id").asc()]
    newest_first = [F("evaluation__held_on").desc(), F("evaluation_id").desc()]
    return ratings.annotate(
        before_score=Window(FirstValue("score"), partition_by=pair, order_by=oldest_first),
        before_evaluation=Window(FirstValue("evaluation_id"), partition_by=pair, order_by=oldest_first),
        newest=Window(RowNumber(), partition_by=pair, order_by=newest_first),
        held_on=F("evaluation__held_on"),
    )


def quality_of_life_rows(scope: Scope) -> list[dict[str, Any]]:
    """One aggregate row per life domain: cases, before and after means, mean change, improved count.

    A case counts in a domain when its latest rating was at a moment held in the period and it was
    rated at an earlier moment too (the first rating is the "before"). Counted in one SQL aggregate
    over the window-ranked ratings (Django cannot aggregate over filtered window annotations).
    """
    columns = ("domain", "score", "before_score", "before_evaluation", "evaluation_id", "held_on", "newest")
    try:
        inner, params = _ranked_ratings(scope).values(*columns).query.sql_with_params()  # type: ignore[misc]
    except EmptyResultSet:  # no reportable case at all
        return []
    sql = (
        "SELECT r.domain, COUNT(*), AVG(r.before_score), AVG(r.score), AVG(r.score - r.before_score),"  # noqa: S608
        " COALESCE(SUM(CASE WHEN r.score > r.before_score THEN 1 ELSE 0 END), 0)"
        f" FROM ({inner}) r WHERE r.newest = 1 AND r.held_on >= %s AND r.before_evaluation <> r.evaluation_id"
        " GROUP BY r.domain ORDER BY r.domain"
    )
    with connection.cursor() as cursor:
        cursor.execute(sql, [*params, scope.date_from])
        rows = cursor.fetchall()
    names = ("domain", "cases", "before", "after", "change", "improved")

    def number(value: Any) -> Any:
        return float(value) if isinstance(value, Decimal) else value  # as Avg() gives it, on both databases

    return [dict(zip(names, map(number, row), strict=True)) for row in rows]  # at most one row per life domain


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
