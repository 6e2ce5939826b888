"""What is due: the deadlines and steps due within the lead time (or overdue), each with who is reminded.

Who answers for what (docs/guide/administrator.md, "Reminders"):
- a deadline of a signal still waiting for triage: the receiving unit's case workers and team
  leaders, and the unit's leader (those who see the signal and triage it);
- a deadline of an open case: its case manager (who answers for the case's legal time limits);
- an open step of an open case: every active member of the case team whose organisation may see the
  whole file (policy.shares_file: a provider without consent to share sees the referral, not the plan).
Closed signals, closed cases, deadlines met and steps done or dropped remind no one.
"""

import datetime
from collections.abc import Iterator
from dataclasses import dataclass

from django.db.models import Q
from django.urls import reverse
from django.utils.translation import gettext as _

from carepath.access import policy
from carepath.accounts.models import User
from carepath.cases.models import Case, CaseTeamMember, Deadline, Signal
from carepath.organisations.models import Unit
from carepath.plans.models import Step
from carepath.reminders.models import Reminder


@dataclass(frozen=True)
class Due:
    """One reminder to make: who, about what, for which due date, and what it may show."""

    user: User
    subject: str
    object_id: int
    due_on: datetime.date
    reference: str
    label: str
    path: str

    def as_reminder(self) -> Reminder:
        # Staff without an e-mail address get the reminder in the app only.
        channel = Reminder.Channel.EMAIL if self.user.email else Reminder.Channel.IN_APP
        return Reminder(
            user=self.user, subject=self.subject, object_id=self.object_id, due_on=self.due_on,
            reference=self.reference, label=self.label, path=self.path, channel=channel,
        )


def due_until(horizon: datetime.date) -> Iterator[Due]:
    """Every reminder due on or before `horizon` (today plus the lead time), overdue ones included."""
    yield from _deadlines(horizon)
    yield from _steps(horizon)


def _deadlines(horizon: datetime.date) -> Iterator[Due]:
    deadlines = list(
        Deadline.objects.filter(done_on__isnull=True, due_on__lte=horizon)
        .exclude(signal__status=Signal.Status.CLOSED)
        .select_related("signal__case")
        .order_by("due_on", "pk")
    )
    waiting = [d for d in deadlines if d.signal.status == Signal.Status.NEW]
    of_cases = [d for d in deadlines if getattr(d.signal, "case", None) is not None and d.signal.case.is_open]
    unit_staff = _unit_staff({d.signal.unit_id for d in waiting})
    managers = {
        m.case_id: m.user
        for m in CaseTeamMember.objects.filter(
            case_id__in={d.signal.case.pk for d in of_cases}, is_case_manager=True, user__is_active=True
        ).select_related("user")
    }
    for d in waiting:
        path = reverse("cases:signal_detail", kwargs={"signal_id": d.signal_id})
        for user in unit_staff.get(d.signal.unit_id, []):
            yield Due(user, Reminder.Subject.DEADLINE, d.pk, d.due_on, str(d.signal), d.label, path)
    for d in of_cases:
        case = d.signal.case
        if case.pk in managers:
            yield Due(managers[case.pk], Reminder.Subject.DEADLINE, d.pk, d.due_on, case.reference, d.label,
                      case.get_absolute_url())


def _unit_staff(unit_ids: set[int]) -> dict[int, list[User]]:
    """The active authority staff of each unit, and the unit's leader (who may belong to another unit)."""
    leaders = dict(Unit.objects.filter(pk__in=unit_ids).values_list("pk", "leader_id"))
    users = User.objects.filter(
        Q(unit_id__in=unit_ids, role__in=policy.AUTHORITY_ROLES) | Q(pk__in=[pk for pk in leaders.values() if pk]),
        is_active=True,
    ).order_by("pk")
    staff: dict[int, list[User]] = {unit_id: [] for unit_id in leaders}
    for user in users:
        for unit_id, leader_id in leaders.items():
            if (user.unit_id == unit_id and user.role in policy.AUTHORITY_ROLES) or user.pk == leader_id:
                staff[unit_id].append(user)
    return staff


def _steps(horizon: datetime.date) -> Iterator[Due]:
    steps = list(
        Step.objects.filter(
            status__in=(Step.Status.PLANNED, Step.Status.IN_PROGRESS),
            due_on__lte=horizon,
            goal__case__status=Case.Status.OPEN,
        )
        .select_related("goal__case__unit__organisation")
        .order_by("due_on", "pk")
    )
    team: dict[int, list[User]] = {}
    for member in CaseTeamMember.objects.filter(
        case_id__in={s.goal.case_id for s in steps}, user__is_active=True
    ).select_related("user"):
        team.setdefault(member.case_id, []).append(member.user)
    shares: dict[tuple[int, int], bool] = {}
    for step in steps:
        case = step.goal.case
        for user in team.get(case.pk, []):
            key = (user.pk, case.pk)
            if key not in shares:
                shares[key] = policy.shares_file(user, case)
            if shares[key]:
                # A step's text is free text about the person: it stays in the app (see models.Reminder).
                yield Due(user, Reminder.Subject.STEP, step.pk, step.due_on, case.reference, "",
                          case.get_absolute_url())


def describe(reminder: Reminder) -> str:
    """What the reminder is about, in words safe outside the app: a deadline's label, or "a step of the plan"."""
    return reminder.label or _("A step of the plan")
