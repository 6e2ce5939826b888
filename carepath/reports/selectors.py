"""The reports: which exist, and `build_report`, the one way to compute one (pages and exports).

Access: only team leaders, quality coordinators and administrators report, and only on the cases
`policy.reportable_cases` gives them. A report holds aggregates and unnamed quotes; the records the
quotes come from are audited (one entry per quoted record, with its case and person).
"""

from collections.abc import Callable, Mapping
from dataclasses import dataclass
from typing import Any

from django.core.exceptions import PermissionDenied
from django.http import Http404
from django.utils.functional import Promise
from django.utils.translation import gettext_lazy as _

from carepath.access import policy
from carepath.accounts.models import User
from carepath.audit import log
from carepath.audit.models import AuditEvent
from carepath.reports import equass, operations, outcomes
from carepath.reports.filters import ReportFilter, filter_from
from carepath.reports.scope import Scope
from carepath.reports.tables import Report, Table
from carepath.reports.voices import report_voices


@dataclass(frozen=True)
class ReportKind:
    slug: str
    title: Promise
    summary: Promise
    tables: Callable[[Scope], list[Table]]


REPORTS = {
    kind.slug: kind
    for kind in (
        ReportKind(
            "goal-attainment",
            _("Goal attainment"),
            _("Goals fully, partially or not achieved, and the Goal Attainment Scale."),
            outcomes.goal_attainment_tables,
        ),
        ReportKind(
            "quality-of-life",
            _("Quality of life"),
            _("Change in the citizens' own ratings per life domain, before and after."),
            outcomes.quality_of_life_tables,
        ),
        ReportKind(
            "satisfaction",
            _("Satisfaction"),
            _("How satisfied citizens are with the service, on the five faces."),
            outcomes.satisfaction_tables,
        ),
        ReportKind(
            "deadlines",
            _("Deadlines kept"),
            _("Legal and agreed deadlines met on time, per deadline."),
            operations.deadline_tables,
        ),
        ReportKind(
            "caseloads", _("Caseloads"), _("Open cases per case manager and per unit."), operations.caseload_tables
        ),
        ReportKind(
            "first-contact",
            _("Time to first contact"),
            _("Days from the signal to the case opened."),
            operations.first_contact_tables,
        ),
        ReportKind(
            "equass",
            _("EQUASS outcome report"),
            _("Indicators for the 12 EQUASS outcome areas, and this period against the previous one."),
            equass.equass_tables,
        ),
    )
}


def may_report(user: User) -> bool:
    return user.is_authenticated and user.is_active and user.role in policy.REPORTING_ROLES


def report_kind(user: User, slug: str) -> ReportKind:
    """The kind of report: 403 for a user who does not report, 404 for an unknown slug."""
    if not may_report(user):
        raise PermissionDenied()
    if slug not in REPORTS:
        raise Http404()
    return REPORTS[slug]


def report_for(
    slug: str, user: User, report_filter: ReportFilter, *, audit_action: str = AuditEvent.Action.VIEW
) -> Report:
    """The report `slug` for a valid filter. Each quoted record is audited with `audit_action`
    (a page writes `view`, an export `export`)."""
    kind = report_kind(user, slug)
    scope = Scope(user, report_filter)
    voices, quoted = report_voices(scope)
    # One batch (one lock, one insert) for the few quoted records: the same entries policy.record writes.
    log.append_many(log.Entry(user.pk, audit_action, q.what, q.object_id, q.case_id, q.person_id) for q in quoted)
    return Report(
        slug=kind.slug,
        title=str(kind.title),
        filter_description=report_filter.describe(),
        tables=kind.tables(scope),
        voices=voices,
    )


def build_report(
    slug: str, user: User, filter_data: Mapping[str, Any] | None, *, audit_action: str = AuditEvent.Action.VIEW
) -> Report:
    """The report `slug` for raw filter data (a request's GET; empty for the defaults).

    PermissionDenied for a user who does not report, Http404 for an unknown slug, ValidationError
    for an invalid filter.
    """
    report_kind(user, slug)
    return report_for(slug, user, filter_from(user, filter_data), audit_action=audit_action)
