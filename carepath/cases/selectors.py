"""Reads of signals and cases. Every query starts from carepath.access.policy."""

import datetime
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from typing import Any

from django.db import connections, router
from django.db.models import Exists, Model, OuterRef, Prefetch, QuerySet, prefetch_related_objects
from django.utils import timezone
from django.utils.translation import gettext as _

from carepath.access import policy
from carepath.accounts.models import User
from carepath.agreements.models import AgreementVersion
from carepath.assessments.models import Assessment
from carepath.cases.models import Case, CaseTeamMember, Deadline, Signal
from carepath.consents.models import Consent
from carepath.evaluations import selectors as evaluation_selectors
from carepath.evaluations.models import EvaluationMoment, GoalAttainment
from carepath.goals import selectors as goal_selectors
from carepath.goals.models import Goal
from carepath.meetings import selectors as meeting_selectors
from carepath.meetings.models import NetworkMeeting
from carepath.notes.models import ProgressNote
from carepath.plans.models import Step, StepAttachment
from carepath.portal.models import Wish
from carepath.referrals import selectors as referral_selectors
from carepath.referrals.models import Referral


def caseload_for(user: User, *, status: str = Case.Status.OPEN) -> QuerySet[Case]:
    """The cases `user` sees, with what a list shows, newest first."""
    return (
        policy.visible_cases(user)
        .filter(status=status)
        .select_related("person", "case_type", "unit")
        .order_by("-opened_at", "-pk")
    )


def open_deadlines_for(user: User) -> QuerySet[Deadline]:
    """Deadlines not met yet on the user's signals and cases, earliest first."""
    # Of the unit's signals, those still waiting for triage; once a case is opened its deadlines are
    # its team's (and the unit leader's, who sees every case of the unit). A provider's staff see
    # those of the cases whose team they are on, not of every case referred to their organisation.
    signals = policy.visible_signals(user).filter(status=Signal.Status.NEW).order_by().values("pk")
    cases = policy.responsible_cases(user).filter(status=Case.Status.OPEN).order_by().values("signal_id")
    return (
        Deadline.objects.filter(done_on__isnull=True)
        .filter(signal_id__in=signals.union(cases))  # a UNION, not an OR: see policy.visible_cases
        .exclude(signal__status=Signal.Status.CLOSED)
        .select_related("signal__person", "signal__case")
        .order_by("due_on", "pk")
    )


def signals_waiting_for(user: User) -> QuerySet[Signal]:
    """Signals of the user's unit that still wait for triage."""
    return (
        policy.visible_signals(user)
        .filter(status=Signal.Status.NEW)
        .select_related("person", "case_type")
        .order_by("received_at")
    )


@dataclass
class TimelineEntry:
    at: datetime.datetime
    what: str
    detail: str = ""


NOTES_ON_CASE_PAGE = 10  # the latest notes; the notes page has them all
TIMELINE_ON_CASE_PAGE = 10  # the latest entries; the history page has them all


@dataclass
class CaseOverview:
    """Everything the case page shows, loaded with a fixed number of queries."""

    case: Case
    team: list[CaseTeamMember]
    deadlines: list[Deadline]
    consents: list[Consent]
    assessments: list[Assessment]
    goals: list[Goal]
    agreement_versions: list[AgreementVersion]
    referrals: list[Referral]
    notes: list[ProgressNote]  # newest first; on the case page only the latest (see more_notes)
    evaluations: list[EvaluationMoment]
    wishes: list[Wish]  # written by the citizen in the portal, not yet taken up as a goal
    meetings: list[NetworkMeeting]  # network meetings, newest first
    can_manage: bool
    more_notes: bool = False  # the case has more notes than `notes` holds
    timeline: list[TimelineEntry] = field(default_factory=list)
    # The step status choices, built and translated once per page rather than once per step.
    step_statuses: list[tuple[str, str]] = field(
        default_factory=lambda: [(value, str(label)) for value, label in Step.Status.choices]
    )

    @property
    def latest_timeline(self) -> list[TimelineEntry]:
        return self.timeline[:TIMELINE_ON_CASE_PAGE]

    @property
    def more_timeline(self) -> bool:
        return self.more_notes or len(self.timeline) > TIMELINE_ON_CASE_PAGE

    @property
    def latest_assessment(self) -> Assessment | None:
        return self.assessments[-1] if self.assessments else None

    @property
    def case_manager(self) -> CaseTeamMember | None:
        return next((m for m in self.team if m.is_case_manager), None)

    @property
    def pathway(self) -> list[tuple[str, str, bool]]:
        """The steps of the pathway as (anchor, label, done): where the case stands at a glance."""
        referred = any(r.status == Referral.Status.ACCEPTED for r in self.referrals)
        return [
            ("consent", _("Consent"), any(c.is_active for c in self.consents)),
            ("assessment", _("Functional ability assessed"), bool(self.assessments)),
            ("goals", _("Goals set with the citizen"), bool(self.goals)),
            ("agreement", _("Agreement accepted"), bool(self.agreement_versions)),
            ("referrals", _("Referred to a service"), referred),
            ("goals", _("Plan made with steps"), any(g.steps.all() for g in self.goals)),
            ("evaluations", _("Evaluation held"), any(e.held_on for e in self.evaluations)),
            ("closure", _("Case closed"), self.case.status == Case.Status.CLOSED),
        ]


def case_overview(*, case: Case, user: User, notes: int | None = None) -> CaseOverview:
    """The case page's data. `case` comes from policy.get_case, so the look is already audited.

    `notes`: how many of the latest progress notes to load (None: all). The timeline is built from
    what is loaded, so its latest entries are right either way: a note among the newest entries of
    the whole history is among the newest notes.
    """
    note_rows = case.notes.select_related("written_by", "goal", "step")
    latest_notes = list(note_rows if notes is None else note_rows[: notes + 1])
    # Most steps have no picture or easy-read text and most goals are the case's own: the step rows say
    # whether they have any, and only those that do (and only group goals) cost a query of their own.
    steps = Step.objects.select_related("practice").annotate(
        has_attachments=Exists(StepAttachment.objects.filter(step=OuterRef("pk")))
    )
    goals = list(
        Goal.objects.filter(pk__in=goal_selectors.ids_of_case(case.pk))
        .select_related("savings_plan", "case__person")
        .prefetch_related(Prefetch("steps", queryset=steps), "savings_plan__deposits")
    )
    prefetch_related_objects([g for g in goals if g.is_group_goal], "group_cases__person")
    prefetch_related_objects([s for g in goals for s in g.steps.all() if s.has_attachments], "attachments")  # type: ignore[attr-defined]
    present = _sections_present(case)

    def section(name: str, rows: Callable[[], Iterable[Any]]) -> list[Any]:
        return list(rows()) if name in present else []

    overview = CaseOverview(
        case=case,
        team=list(case.team.select_related("user__organisation").order_by("-is_case_manager", "added_at")),
        deadlines=list(Deadline.objects.filter(signal_id=case.signal_id).order_by("due_on", "pk")),
        consents=section("consents", lambda: case.consents.select_related("recorded_by")),
        assessments=section("assessments", lambda: case.assessments.select_related("assessed_by")),
        goals=goals,
        agreement_versions=section(
            "agreement_versions",
            lambda: case.agreement_versions.select_related("accepted_by_staff").prefetch_related("actions"),
        ),
        referrals=section(
            "referrals",
            lambda: referral_selectors.with_service_load(
                case.referrals.select_related(
                    "service__provider", "referred_by", "answered_by", "practice"
                ).prefetch_related("goals")
            ),
        ),
        notes=latest_notes[:notes],
        wishes=section("wishes", lambda: case.wishes.filter(taken_up_in__isnull=True).select_related("written_by")),
        meetings=section("meetings", lambda: meeting_selectors.meetings_of_case(case)),
        evaluations=section(
            "evaluations",
            lambda: evaluation_selectors.with_quality_of_life(
                case.evaluations.prefetch_related(
                    Prefetch("attainments", queryset=GoalAttainment.objects.select_related("goal"))
                )
            ),
        ),
        can_manage=policy.may(user, policy.Do.MANAGE, case),
        more_notes=notes is not None and len(latest_notes) > notes,
    )
    overview.timeline = _timeline(overview)
    return overview


# Sections of the case page that many cases do not have (yet): one query says which ones a case has,
# and an empty one costs no query of its own. Building a query costs Django about as much as
# PostgreSQL takes to answer it (issue 6, docs/performance.md). Extra conditions are SQL on the table.
_OPTIONAL_SECTIONS: dict[str, tuple[type[Model], str]] = {
    "consents": (Consent, ""),
    "assessments": (Assessment, ""),
    "agreement_versions": (AgreementVersion, ""),
    "referrals": (Referral, ""),
    "wishes": (Wish, " AND taken_up_in_id IS NULL"),
    "meetings": (NetworkMeeting, ""),
    "evaluations": (EvaluationMoment, ""),
}


def _sections_present(case: Case) -> set[str]:
    """The names of the optional sections this case has rows in."""
    connection = connections[router.db_for_read(Case)]
    quote = connection.ops.quote_name
    # Table names from the models, the case as a parameter: nothing from a request is in the SQL.
    probes = ", ".join(
        f"EXISTS (SELECT 1 FROM {quote(model._meta.db_table)} WHERE case_id = %s{extra})"  # noqa: S608
        for model, extra in _OPTIONAL_SECTIONS.values()
    )
    with connection.cursor() as cursor:
        cursor.execute(f"SELECT {probes}", [case.pk] * len(_OPTIONAL_SECTIONS))
        row = cursor.fetchone()
    return {name for name, present in zip(_OPTIONAL_SECTIONS, row, strict=True) if present}


def _at(day: datetime.date) -> datetime.datetime:
    return timezone.make_aware(datetime.datetime.combine(day, datetime.time(12)))


def _timeline(o: CaseOverview) -> list[TimelineEntry]:
    """The whole history of the case, newest first, built from what the page already loaded."""
    case = o.case
    entries: list[Any] = [
        TimelineEntry(case.signal.received_at, _("Signal received"), case.signal.get_signaller_kind_display()),
        TimelineEntry(case.opened_at, _("Case opened")),
    ]
    entries += [TimelineEntry(_at(c.given_on), _("Consent given"), c.get_scope_display()) for c in o.consents]
    entries += [
        TimelineEntry(_at(c.withdrawn_on), _("Consent withdrawn"), c.get_scope_display())
        for c in o.consents
        if c.withdrawn_on
    ]
    entries += [TimelineEntry(_at(a.assessed_on), _("Functional ability assessed")) for a in o.assessments]
    entries += [TimelineEntry(g.created_at, _("Goal set"), g.title) for g in o.goals]
    entries += [
        TimelineEntry(_at(v.accepted_on), _("Agreement version %(n)s accepted") % {"n": v.number})
        for v in o.agreement_versions
    ]
    for r in o.referrals:
        entries.append(TimelineEntry(r.referred_at, _("Referred"), r.service.name))
        if r.answered_at:
            answer = _("Declined") if r.decline_reason else _("Accepted")
            entries.append(TimelineEntry(r.answered_at, answer, r.service.name))
        if r.ended_at:
            entries.append(TimelineEntry(r.ended_at, _("Referral ended"), r.service.name))
    entries += [TimelineEntry(n.written_at, _("Progress note"), n.goal.title if n.goal else "") for n in o.notes]
    entries += [
        TimelineEntry(_at(e.held_on), _("Evaluation held")) for e in o.evaluations if e.held_on
    ]
    entries += [
        TimelineEntry(m.starts_at, _("Network meeting held"), m.title)
        for m in o.meetings
        if m.status == NetworkMeeting.Status.HELD
    ]
    if case.closed_at:
        entries.append(TimelineEntry(case.closed_at, _("Case closed"), case.get_outcome_display()))
    return sorted(entries, key=lambda e: e.at, reverse=True)
