"""Reading the practice library. Practices name no citizen: every professional reads them
(`policy.reads_practice_library`); outcome figures come from `practices.outcomes`."""

from collections import defaultdict
from dataclasses import dataclass
from typing import Any

from django.core.exceptions import PermissionDenied
from django.db.models import Avg, Count, Prefetch, QuerySet
from django.shortcuts import get_object_or_404

from carepath.access import policy
from carepath.accounts.models import User
from carepath.practices import search
from carepath.practices.choices import Criterion
from carepath.practices.models import CriterionScore, Practice, PracticePrinciple, PracticeTheme

LIBRARY_LIMIT = 200


def _readable(user: User) -> None:
    if not policy.reads_practice_library(user):
        raise PermissionDenied()


def library(
    user: User, *, q: str = "", theme: str = "", principle: int | None = None, country: str = "", status: str = ""
) -> list[Practice]:
    """Practices matching the words (best first) and the filters; without words, by title."""
    _readable(user)
    practices = _with_labels(Practice.objects.select_related("owner"))
    if theme:
        practices = practices.filter(pk__in=PracticeTheme.objects.filter(theme=theme).values("practice_id"))
    if principle is not None:
        practices = practices.filter(pk__in=PracticePrinciple.objects.filter(principle=principle).values("practice_id"))
    if country:
        practices = practices.filter(country=country)
    if status:
        practices = practices.filter(status=status)
    if not q.strip():
        return list(practices[:LIBRARY_LIMIT])
    ranked = search.matching_ids(q)[: LIBRARY_LIMIT * 5]
    found = practices.in_bulk(ranked)
    return [found[pk] for pk in ranked if pk in found][:LIBRARY_LIMIT]


def _with_labels(practices: QuerySet[Practice]) -> QuerySet[Practice]:
    return practices.prefetch_related(
        Prefetch("themes", queryset=PracticeTheme.objects.order_by("pk")),
        Prefetch("principles", queryset=PracticePrinciple.objects.order_by("principle")),
    )


def all_for_export(user: User) -> QuerySet[Practice]:
    """The whole library, for the CSV export, with what each row shows."""
    _readable(user)
    return _with_labels(Practice.objects.select_related("owner")).prefetch_related("assessments__scores")


def get_practice(user: User, practice_id: int) -> Practice:
    _readable(user)
    return get_object_or_404(_with_labels(Practice.objects.select_related("owner")), pk=practice_id)


@dataclass(frozen=True)
class CriterionSummary:
    criterion: Criterion
    mean: float | None
    reviewers: int
    comments: list[dict[str, Any]]  # reviewer's name, score, comment


def assessment_summary(practice: Practice) -> tuple[list[CriterionSummary], int]:
    """Per WIT criterion the mean score over reviewers and each reviewer's comment; and how many reviewed."""
    scores = CriterionScore.objects.filter(assessment__practice=practice).select_related("assessment__reviewer")
    means = {
        row["criterion"]: row
        for row in scores.values("criterion").annotate(mean=Avg("score"), n=Count("pk")).order_by()
    }
    comments: dict[int, list[dict[str, Any]]] = defaultdict(list)
    for s in scores.order_by("criterion", "assessment__assessed_on", "pk"):
        reviewer = s.assessment.reviewer
        comments[s.criterion].append(
            {
                "reviewer": reviewer.get_full_name() or reviewer.username,
                "score": s.score,
                "comment": s.comment,
                "on": s.assessment.assessed_on,
            }
        )
    summary = [
        CriterionSummary(
            criterion=c,
            mean=float(means[c.value]["mean"]) if c.value in means else None,
            reviewers=means[c.value]["n"] if c.value in means else 0,
            comments=comments[c.value],
        )
        for c in Criterion
    ]
    reviewers = practice.assessments.count()
    return summary, reviewers


def practice_choices() -> QuerySet[Practice]:
    """The practices a plan or step may name: the whole library, by title."""
    return Practice.objects.only("pk", "title").order_by("title", "pk")
