"""Operational reports: deadlines kept, caseloads, time from signal to first contact.

Aggregates in the database; definitions in docs/outcomes.md.
"""

import datetime
from typing import Any

from django.db.models import Avg, Count, DurationField, ExpressionWrapper, F, Q
from django.utils import timezone
from django.utils.translation import gettext as _

from carepath.cases.models import Case, CaseTeamMember, Deadline
from carepath.reports.figures import percent, rounded
from carepath.reports.scope import Scope
from carepath.reports.tables import Table

WAIT = ExpressionWrapper(F("opened_at") - F("signal__received_at"), output_field=DurationField())
SECONDS_A_DAY = 86400


def deadline_rows(scope: Scope) -> list[dict[str, Any]]:
    """Per deadline label: deadlines due in the period (and before today) and how many were met on time."""
    last_day = min(scope.date_to, timezone.localdate() - datetime.timedelta(days=1))  # today's may still be met
    deadlines = Deadline.objects.filter(
        signal__case__in=scope.domain_cases.values("pk"), due_on__gte=scope.date_from, due_on__lte=last_day
    )
    met = Q(done_on__isnull=False, done_on__lte=F("due_on"))
    by_label = deadlines.values("label").annotate(due=Count("pk"), met=Count("pk", filter=met)).order_by("label")
    rows: list[dict[str, Any]] = [dict(row) for row in by_label]  # at most one row per label
    return rows


def deadlines_kept(scope: Scope) -> tuple[int, int]:
    """(met on time, due) over every label."""
    rows = deadline_rows(scope)
    return sum(r["met"] for r in rows), sum(r["due"] for r in rows)


def deadline_tables(scope: Scope) -> list[Table]:
    rows = deadline_rows(scope)
    met, due = sum(r["met"] for r in rows), sum(r["due"] for r in rows)
    return [
        Table(
            title=_("Deadlines kept"),
            columns=[_("Deadline"), _("Due"), _("Met on time"), "%"],
            rows=[[r["label"], r["due"], r["met"], percent(r["met"], r["due"])] for r in rows]
            + [[_("All deadlines"), due, met, percent(met, due)]],
            chart="bar",
            note=_("Deadlines due in the period (up to yesterday) met on or before their due date."),
        )
    ]


def open_cases_at_end(scope: Scope) -> Any:
    """Cases in scope open at the end of the period's last day."""
    end = scope.end
    return scope.domain_cases.filter(Q(closed_at__isnull=True) | Q(closed_at__gte=end), opened_at__lt=end)


def caseload_tables(scope: Scope) -> list[Table]:
    open_cases = open_cases_at_end(scope).values("pk")
    per_manager = (
        CaseTeamMember.objects.filter(is_case_manager=True, case__in=open_cases)
        .values("user_id", "user__first_name", "user__last_name", "user__username")
        .annotate(cases=Count("case_id"))
        .order_by("-cases", "user__last_name", "user__first_name", "user_id")
    )
    per_unit = (
        Case.objects.filter(pk__in=open_cases)
        .values("unit_id", "unit__organisation__name", "unit__name")
        .annotate(cases=Count("pk"))
        .order_by("unit__organisation__name", "unit__name")
    )
    note = _("Cases open at the end of the period; the case manager is today's.")
    return [
        Table(
            title=_("Open cases per case manager"),
            columns=[_("Case manager"), _("Open cases")],
            rows=[
                [f"{m['user__first_name']} {m['user__last_name']}".strip() or m["user__username"], m["cases"]]
                for m in per_manager
            ],
            chart="bar",
            note=note,
        ),
        Table(
            title=_("Open cases per unit"),
            columns=[_("Unit"), _("Open cases")],
            rows=[[f"{u['unit__organisation__name']}: {u['unit__name']}", u["cases"]] for u in per_unit],
            chart="bar",
            note=note,
        ),
    ]


def first_contact_figures(scope: Scope) -> dict[str, Any]:
    """Cases opened in the period: how many, the mean and the median wait in days (two queries).

    The median is the middle wait (the mean of the two middle ones for an even count), read from the
    database in order: no percentile function is needed, so it runs on SQLite and PostgreSQL alike.
    """
    opened = scope.domain_cases.filter(opened_at__gte=scope.start, opened_at__lt=scope.end).annotate(wait=WAIT)
    figures = opened.aggregate(cases=Count("pk"), mean=Avg("wait"))
    n = figures["cases"]
    median = None
    if n:
        middle = list(opened.order_by("wait", "pk").values_list("wait", flat=True)[(n - 1) // 2 : n // 2 + 1])
        median = sum((w.total_seconds() for w in middle), 0.0) / len(middle) / SECONDS_A_DAY
    mean = figures["mean"].total_seconds() / SECONDS_A_DAY if figures["mean"] is not None else None
    return {"cases": n, "mean": mean, "median": median}


def first_contact_tables(scope: Scope) -> list[Table]:
    figures = first_contact_figures(scope)
    per_unit = (
        scope.domain_cases.filter(opened_at__gte=scope.start, opened_at__lt=scope.end)
        .annotate(wait=WAIT)
        .values("unit_id", "unit__organisation__name", "unit__name")
        .annotate(cases=Count("pk"), mean=Avg("wait"))
        .order_by("unit__organisation__name", "unit__name")
    )
    return [
        Table(
            title=_("Time from signal to first contact"),
            columns=[_("Figure"), _("Value")],
            rows=[
                [_("Cases opened in the period"), figures["cases"]],
                [_("Median days"), rounded(figures["median"])],
                [_("Mean days"), rounded(figures["mean"])],
            ],
            note=_("First contact: the case opened at triage, after the signal was received."),
        ),
        Table(
            title=_("Mean days to first contact per unit"),
            columns=[_("Unit"), _("Cases opened"), _("Mean days")],
            rows=[
                [
                    f"{u['unit__organisation__name']}: {u['unit__name']}",
                    u["cases"],
                    rounded(u["mean"].total_seconds() / SECONDS_A_DAY if u["mean"] is not None else None),
                ]
                for u in per_unit
            ],
            chart="bar",
        ),
    ]
