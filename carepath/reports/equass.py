"""The EQUASS outcome report: indicators for the 12 outcome areas, from the data Carepath holds.

Each indicator is a numerator over a denominator counted by the database (conditional aggregation,
Exists/Subquery); docs/outcomes.md defines every one precisely.
"""

import datetime
from collections.abc import Callable
from decimal import Decimal
from typing import Any

from django.db.models import Count, DurationField, Exists, ExpressionWrapper, F, OuterRef, Q, QuerySet, Subquery
from django.db.models.functions import TruncDate
from django.utils.translation import gettext as _
from django.utils.translation import pgettext

from carepath.cases.models import Case, CaseTeamMember
from carepath.consents.models import Consent
from carepath.evaluations.models import EvaluationMoment
from carepath.goals.models import Goal
from carepath.learning.models import AfterActionReview, AppreciativeInquiry, FocusGroup
from carepath.notes.models import ProgressNote
from carepath.plans.models import SavingsDeposit, SavingsPlan, Step
from carepath.referrals.models import Referral
from carepath.reports import operations, outcomes
from carepath.reports.figures import percent, rounded
from carepath.reports.scope import Scope
from carepath.reports.tables import Cell, Table

ACCEPTED_WITHIN = datetime.timedelta(days=14)
USEFUL_CLOSURES = (Case.Outcome.GOALS_REACHED, Case.Outcome.AUTONOMOUS)


def share(label: str, part: int, whole: int) -> list[Cell]:
    """An indicator row whose value is a percentage."""
    return [label, part, whole, percent(part, whole)]


def ratio(label: str, part: int, whole: int) -> list[Cell]:
    """An indicator row whose value is a number per unit of the denominator."""
    return [label, part, whole, rounded(part / whole) if whole else None]


def cases_open_in_period(scope: Scope) -> QuerySet[Case]:
    return scope.domain_cases.filter(Q(closed_at__isnull=True) | Q(closed_at__gte=scope.start), opened_at__lt=scope.end)


def goals_set_in_period(scope: Scope) -> QuerySet[Goal]:
    return scope.goals.filter(created_at__gte=scope.start, created_at__lt=scope.end)


def goal_figures(scope: Scope) -> dict[str, Any]:
    """The goals set in the period, counted once for the areas that ask about them (one scan of the goals)."""
    by_citizens = (Goal.ProposedBy.CITIZEN, Goal.ProposedBy.RESIDENTS_COUNCIL)
    # EXISTS, an index probe per goal. `pk IN (all steps' goal ids)` was faster while the steps fit
    # in work_mem as one hash; at 1.7 million steps they do not, PostgreSQL falls back to rescanning
    # the steps for every goal, and the report never ended (issue 6).
    has_steps = Exists(Step.objects.filter(goal_id=OuterRef("pk")))
    return goals_set_in_period(scope).alias(has_steps=has_steps).aggregate(
        total=Count("pk"),
        proposed=Count("pk", filter=Q(proposed_by__in=by_citizens)),
        involved=Count("pk", filter=Q(has_steps=True) & ~Q(citizen_words="")),
    )


def staff_learning(scope: Scope) -> list[list[Cell]]:
    units = scope.units.count()
    held = {"unit__in": scope.units, "held_on__range": scope.period}
    groups = FocusGroup.objects.filter(**held).count()
    reviews = AfterActionReview.objects.filter(**held).count() + AppreciativeInquiry.objects.filter(**held).count()
    return [
        ratio(_("Focus groups held per unit"), groups, units),
        ratio(_("After Action Reviews and Appreciative Inquiries per unit"), reviews, units),
    ]


def rights(scope: Scope) -> list[list[Cell]]:
    first_referral = Referral.objects.filter(case_id=OuterRef("pk")).order_by("referred_at", "pk")
    consent_before = Consent.objects.filter(
        case_id=OuterRef("pk"), withdrawn_on__isnull=True, given_on__lte=OuterRef("first_referral_day")
    )
    referred = scope.domain_cases.annotate(
        first_referral_at=Subquery(first_referral.values("referred_at")[:1]),
        first_referral_day=Subquery(first_referral.annotate(day=TruncDate("referred_at")).values("day")[:1]),
    ).filter(first_referral_at__gte=scope.start, first_referral_at__lt=scope.end)
    # Two counts rather than one conditional aggregate: Django 5.2 drops an Exists annotation that
    # refers to another annotation from the subquery it wraps an aggregate in.
    first_referrals = {"total": referred.count(), "consented": referred.filter(Exists(consent_before)).count()}
    notes = ProgressNote.objects.filter(
        case__in=scope.domain_cases.values("pk"), written_at__gte=scope.start, written_at__lt=scope.end
    ).aggregate(total=Count("pk"), shared=Count("pk", filter=Q(is_restricted=False)))
    return [
        share(
            _("Cases first referred in the period with an active consent before the referral (%)"),
            first_referrals["consented"],
            first_referrals["total"],
        ),
        share(_("Progress notes written in the period shared with the citizen (%)"), notes["shared"], notes["total"]),
    ]


def partnership(scope: Scope) -> list[list[Cell]]:
    cases = (
        cases_open_in_period(scope)
        .annotate(organisations=Count("team__user__organisation", distinct=True))
        .aggregate(total=Count("pk"), shared=Count("pk", filter=Q(organisations__gt=1)))
    )
    return [
        share(
            _("Cases open in the period with team members from more than one organisation (%)"),
            cases["shared"],
            cases["total"],
        )
    ]


def user_involvement(scope: Scope, goals: dict[str, Any]) -> list[list[Cell]]:
    own_view = Q(citizen_view__isnull=False) | ~Q(citizen_words="")
    moments = EvaluationMoment.objects.filter(
        case__in=scope.domain_cases.values("pk"), held_on__range=scope.period
    ).aggregate(total=Count("pk"), heard=Count("pk", filter=own_view))
    return [
        share(
            _("Goals set in the period proposed by the citizen or the residents' council (%)"),
            goals["proposed"],
            goals["total"],
        ),
        share(
            _("Evaluation moments held in the period with the citizen's own view (%)"),
            moments["heard"],
            moments["total"],
        ),
    ]


def empowerment(scope: Scope, attainment: dict[str, Any]) -> list[list[Cell]]:
    deposits = SavingsDeposit.objects.filter(savings_plan_id=OuterRef("pk"), deposited_on__range=scope.period)
    plans = (
        SavingsPlan.objects.filter(goal__in=scope.goals.values("pk"))
        .annotate(saved_in_period=Exists(deposits))
        .filter(Q(goal__status=Goal.Status.ACTIVE) | Q(saved_in_period=True))
        .aggregate(total=Count("pk"), progressing=Count("pk", filter=Q(saved_in_period=True)))
    )
    return [
        share(
            _("Evaluated goals with a Goal Attainment Scale score of 0 or more (%)"),
            attainment["gas_at_least_0"],
            attainment["gas_scored"],
        ),
        share(_("Savings plans with a deposit in the period (%)"), plans["progressing"], plans["total"]),
    ]


def quality_of_life(scope: Scope) -> list[list[Cell]]:
    rows = outcomes.quality_of_life_rows(scope)  # one aggregate row per life domain
    improved, total = sum(r["improved"] for r in rows), sum(r["cases"] for r in rows)
    return [share(_("Life domains rated better than the first rating, per case (%)"), improved, total)]


def personal_plans(goals: dict[str, Any]) -> list[list[Cell]]:
    return [
        share(
            _("Goals set in the period with the citizen's own words and at least one step (%)"),
            goals["involved"],
            goals["total"],
        )
    ]


def continuity(scope: Scope) -> list[list[Cell]]:
    same_manager = CaseTeamMember.objects.filter(
        case_id=OuterRef("pk"), is_case_manager=True, user_id=OuterRef("signal__triaged_by_id")
    )
    cases = (
        cases_open_in_period(scope)
        .annotate(same_manager=Exists(same_manager))
        .aggregate(total=Count("pk"), kept=Count("pk", filter=Q(same_manager=True)))
    )
    waited = ExpressionWrapper(F("answered_at") - F("referred_at"), output_field=DurationField())
    referrals = (
        Referral.objects.filter(
            case__in=scope.domain_cases.values("pk"),
            status__in=(Referral.Status.ACCEPTED, Referral.Status.ENDED),
            answered_at__gte=scope.start,
            answered_at__lt=scope.end,
        )
        .annotate(waited=waited)
        .aggregate(total=Count("pk"), quick=Count("pk", filter=Q(waited__lte=ACCEPTED_WITHIN)))
    )
    return [
        share(
            _("Cases open in the period still with the case manager who opened them (%)"), cases["kept"], cases["total"]
        ),
        share(
            _("Referrals accepted in the period within 14 days of the referral (%)"),
            referrals["quick"],
            referrals["total"],
        ),
    ]


def usefulness(scope: Scope, attainment: dict[str, Any]) -> list[list[Cell]]:
    closed = scope.domain_cases.filter(closed_at__gte=scope.start, closed_at__lt=scope.end).aggregate(
        total=Count("pk"), useful=Count("pk", filter=Q(outcome__in=USEFUL_CLOSURES))
    )
    return [
        share(
            _("Evaluated goals fully or partially achieved (%)"),
            attainment["fully"] + attainment["partially"],
            attainment["total"],
        ),
        share(
            _("Cases closed in the period with the goals reached or the person managing on their own (%)"),
            closed["useful"],
            closed["total"],
        ),
    ]


def satisfaction(satisfied: dict[str, Any]) -> list[list[Cell]]:
    return [
        share(
            _("Evaluation moments with the answer happy or very happy (%)"), satisfied["satisfied"], satisfied["total"]
        ),
        [_("Mean satisfaction (1 to 5)"), None, satisfied["total"], rounded(satisfied["mean"])],
    ]


def efficiency(scope: Scope) -> list[list[Cell]]:
    met, due = operations.deadlines_kept(scope)
    contact = operations.first_contact_figures(scope)
    return [
        share(_("Deadlines due in the period met on time (%)"), met, due),
        [_("Median days from signal to first contact"), None, contact["cases"], rounded(contact["median"])],
    ]


def headline_figures(scope: Scope, attainment: dict[str, Any] | None = None) -> dict[str, Decimal | None]:
    """The figures compared between periods (`attainment`: the scope's counts, when already computed)."""
    attainment = attainment or outcomes.attainment_counts(scope)
    satisfied = outcomes.satisfaction_counts(scope)
    met, due = operations.deadlines_kept(scope)
    contact = operations.first_contact_figures(scope)
    return {
        "fully": percent(attainment["fully"], attainment["total"]),
        "satisfied": percent(satisfied["satisfied"], satisfied["total"]),
        "deadlines": percent(met, due),
        "first_contact": rounded(contact["median"]),
    }


def comparison(now: dict[str, Decimal | None], before: dict[str, Decimal | None]) -> Table:
    labels = {
        "fully": _("Evaluated goals fully achieved (%)"),
        "satisfied": _("Evaluation moments with the answer happy or very happy (%)"),
        "deadlines": _("Deadlines due in the period met on time (%)"),
        "first_contact": _("Median days from signal to first contact"),
    }
    rows: list[list[Cell]] = []
    for key, label in labels.items():
        this, previous = now[key], before[key]
        change = this - previous if this is not None and previous is not None else None
        rows.append([label, this, previous, change])
    return Table(
        title=_("Comparison of results"),
        columns=[
            _("Indicator"),
            _("This period"),
            _("Previous period"),
            pgettext("a difference between two figures", "Change"),
        ],
        rows=rows,
        note=_("The previous period has the same length and ends the day before this one starts."),
    )


AreaRows = Callable[[], list[list[Cell]]]


def equass_tables(scope: Scope) -> list[Table]:
    attainment = outcomes.attainment_counts(scope)
    satisfied = outcomes.satisfaction_counts(scope)
    goals = goal_figures(scope)
    areas: list[tuple[str, AreaRows]] = [
        (_("Staff learning and development"), lambda: staff_learning(scope)),
        (_("Rights of the service user"), lambda: rights(scope)),
        (_("Partnership"), lambda: partnership(scope)),
        (_("User involvement in planning, delivery and evaluation"), lambda: user_involvement(scope, goals)),
        (_("Empowerment"), lambda: empowerment(scope, attainment)),
        (_("Quality of life"), lambda: quality_of_life(scope)),
        (_("Involvement in personal plans"), lambda: personal_plans(goals)),
        (_("Continuity"), lambda: continuity(scope)),
        (_("Usefulness"), lambda: usefulness(scope, attainment)),
        (_("Satisfaction of users and stakeholders"), lambda: satisfaction(satisfied)),
        (_("Operational efficiency"), lambda: efficiency(scope)),
    ]
    tables = [
        Table(title=title, columns=[_("Indicator"), _("Numerator"), _("Denominator"), _("Value")], rows=rows())
        for title, rows in areas
    ]
    tables.append(comparison(headline_figures(scope, attainment), headline_figures(scope.previous())))
    return tables
