"""Progress notes: dated entries tied to goals and steps. Each writes the audit log."""

import datetime

from django.db import transaction
from django.utils import timezone

from carepath.access import policy
from carepath.accounts.models import User
from carepath.audit.models import AuditEvent
from carepath.cases.models import Case
from carepath.goals.models import Goal
from carepath.notes.models import ProgressNote
from carepath.plans.models import Step


@transaction.atomic
def write_note(
    *,
    case: Case,
    by: User,
    text: str,
    goal: Goal | None = None,
    step: Step | None = None,
    is_restricted: bool = False,
    restriction_reason: str = "",
    device_at: datetime.datetime | None = None,
) -> ProgressNote:
    """Write a progress note; shared with the person unless restricted, and a restriction needs a reason.

    A note written offline on a device (issue 11) keeps the device's time as its own and in the audit log.
    """
    if step is not None and goal is not None and step.goal_id != goal.pk:
        raise ValueError("the step is not a step of the goal")
    if is_restricted and not restriction_reason.strip():
        raise ValueError("a restricted note needs a reason")
    note = ProgressNote.objects.create(
        case=case,
        goal=goal or (step.goal if step else None),
        step=step,
        text=text,
        written_by=by,
        written_at=device_at or timezone.now(),
        is_restricted=is_restricted,
        restriction_reason=restriction_reason.strip() if is_restricted else "",
    )
    policy.record(by, AuditEvent.Action.CREATE, note, case=case, device_at=device_at)
    return note
