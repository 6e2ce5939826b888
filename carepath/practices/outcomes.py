"""The outcomes a practice produced: goal attainment, quality-of-life change and satisfaction in the
cases that apply it, counted exactly as the outcome reports count them (`reports.outcomes`).

A case applies a practice when a referral's plan or a step names it. Its figures count only when the
organisation responsible for the case shares its figures with the library, and only when enough
cases count that nobody can be recognised: aggregates, never a name, a case or a quote.
"""

import datetime
from dataclasses import dataclass
from functools import cached_property
from typing import Any

from django.conf import settings
from django.db.models import Q, QuerySet
from django.utils import timezone

from carepath.accounts.models import User
from carepath.cases.models import Case
from carepath.core.choices import LifeDomain
from carepath.goals.models import Goal
from carepath.plans.models import Step
from carepath.practices.models import Practice
from carepath.referrals.models import Referral, ReferralGoal
from carepath.reports import outcomes
from carepath.reports.filters import ReportFilter
from carepath.reports.scope import Scope

# Every evaluation ever held counts: a practice's record is its whole history.
SINCE = datetime.date(1900, 1, 1)


def min_cases() -> int:
    """Fewer cases than this and the figures are withheld (CAREPATH_PRACTICE_MIN_CASES, default 5)."""
    return int(getattr(settings, "CAREPATH_PRACTICE_MIN_CASES", 5))


def goals_applying(practice: Practice) -> Q:
    """Goals the practice was applied to: a step of the goal names it, or a referral naming it works on the goal."""
    stepped = Step.objects.filter(practice=practice).values("goal_id")
    referred = ReferralGoal.objects.filter(referral__practice=practice).values("goal_id")
    return Q(pk__in=stepped) | Q(pk__in=referred)


def cases_applying(practice: Practice) -> QuerySet[Case]:
    """Cases that apply the practice, of organisations that share their figures with the library."""
    stepped = Step.objects.filter(practice=practice).values("goal__case_id")
    referred = Referral.objects.filter(practice=practice).values("case_id")
    return Case.objects.filter(
        Q(pk__in=stepped) | Q(pk__in=referred), unit__organisation__shares_practice_outcomes=True
    )


@dataclass(frozen=True)
class PracticeScope(Scope):
    """A report scope over the cases applying one practice (whoever reads it), all time."""

    practice: Practice | None = None

    @cached_property
    def cases(self) -> QuerySet[Case]:
        assert self.practice is not None
        return cases_applying(self.practice)

    @property
    def narrows_goals(self) -> bool:
        return True

    def goals_q(self, to_goal: str = "") -> Q:
        """Goals the practice was applied to, in the cases that count."""
        assert self.practice is not None
        applied = Goal.objects.filter(goals_applying(self.practice)).values("pk")
        return Q(**{f"{to_goal}case__in": self.cases.values("pk")}) & Q(**{f"{to_goal}pk__in": applied})


@dataclass(frozen=True)
class PracticeOutcomes:
    cases: int
    shown: bool  # False when fewer than `min_cases()` cases count
    attainment: dict[str, Any]
    quality_of_life: list[dict[str, Any]]
    satisfaction: dict[str, Any]
    organisations: int


def practice_outcomes(practice: Practice, *, user: User) -> PracticeOutcomes:
    """The practice's figures, or only the number of cases when too few count to show them."""
    scope = PracticeScope(user, ReportFilter(date_from=SINCE, date_to=timezone.localdate()), practice=practice)
    cases = scope.cases.count()
    organisations = scope.cases.values("unit__organisation_id").distinct().count()
    labels = dict(LifeDomain.choices)
    if cases < min_cases():
        return PracticeOutcomes(cases, False, {}, [], {}, organisations)
    return PracticeOutcomes(
        cases=cases,
        shown=True,
        attainment=outcomes.attainment_counts(scope),
        quality_of_life=[{**row, "label": labels[row["domain"]]} for row in outcomes.quality_of_life_rows(scope)],
        satisfaction=outcomes.satisfaction_counts(scope),
        organisations=organisations,
    )
