"""Changes to a goal's plan: steps, their supports, savings. Each writes the audit log."""

import datetime
from decimal import Decimal

from django.core.files.uploadedfile import UploadedFile
from django.db import transaction

from carepath.access import policy
from carepath.accounts.models import User
from carepath.audit.models import AuditEvent
from carepath.cases.models import Case
from carepath.core import uploads
from carepath.core.concurrency import save_versioned
from carepath.goals.models import Goal
from carepath.plans.models import SavingsDeposit, SavingsPlan, Step, StepAttachment
from carepath.practices.models import Practice

CREATE = AuditEvent.Action.CREATE
UPDATE = AuditEvent.Action.UPDATE


class SavingsPlanExists(Exception):
    """A goal has one savings plan; deposits go to it."""


@transaction.atomic
def add_step(
    *,
    goal: Goal,
    case: Case,
    by: User,
    what: str,
    who: str,
    due_on: datetime.date,
    practice: Practice | None = None,
) -> Step:
    """Break a goal down: one more step of the plan, which may apply a practice from the library."""
    step = Step.objects.create(goal=goal, what=what, who=who, due_on=due_on, practice=practice, created_by=by)
    policy.record(by, CREATE, step, case=case)
    return step


@transaction.atomic
def update_step(
    *,
    step: Step,
    case: Case,
    by: User,
    seen_version: int,
    what: str,
    who: str,
    due_on: datetime.date,
    status: str,
    practice: Practice | None = None,
) -> Step:
    """Change a step; raises StaleEdit if someone saved it since `seen_version`."""
    step.what, step.who, step.due_on, step.status, step.practice = what, who, due_on, status, practice
    save_versioned(step, expected_version=seen_version, fields=["what", "who", "due_on", "status", "practice"])
    policy.record(by, UPDATE, step, case=case)
    return step


@transaction.atomic
def change_step_status(
    *,
    step: Step,
    case: Case,
    by: User,
    seen_version: int,
    status: str,
    device_at: datetime.datetime | None = None,
) -> Step:
    """Mark a step planned, in progress, done or dropped; raises StaleEdit on a stale form.

    `device_at`: the change was made offline on a device at that time (issue 11), synced now.
    """
    step.status = status
    save_versioned(step, expected_version=seen_version, fields=["status"])
    policy.record(by, UPDATE, step, case=case, device_at=device_at)
    return step


@transaction.atomic
def add_attachment(
    *,
    step: Step,
    case: Case,
    by: User,
    kind: str,
    description: str = "",
    file: UploadedFile | None = None,
    text: str = "",
    for_offline: bool = False,
    device_at: datetime.datetime | None = None,
) -> StepAttachment:
    """Attach a picture, video or easy-read text to a step.

    The file is stored under a random name: an uploaded file's name may carry a person's name.
    """
    attachment = StepAttachment(
        step=step, kind=kind, description=description.strip(), text=text, added_by=by, for_offline=for_offline
    )
    if file is not None:
        attachment.file.save(uploads.anonymous_name(file.name or ""), file, save=False)
    try:
        attachment.save()
        policy.record(by, CREATE, attachment, case=case, device_at=device_at)
    except Exception:
        # Never keep a file without its record.
        if attachment.file:
            attachment.file.delete(save=False)
        raise
    return attachment


@transaction.atomic
def start_savings_plan(
    *, goal: Goal, case: Case, by: User, target_amount: Decimal, currency: str = "EUR"
) -> SavingsPlan:
    """Start saving towards a goal (a trip, a bicycle)."""
    if SavingsPlan.objects.filter(goal=goal).exists():
        raise SavingsPlanExists()
    plan = SavingsPlan.objects.create(goal=goal, target_amount=target_amount, currency=currency)
    policy.record(by, CREATE, plan, case=case)
    return plan


@transaction.atomic
def add_deposit(
    *, savings_plan: SavingsPlan, case: Case, by: User, amount: Decimal, deposited_on: datetime.date
) -> SavingsDeposit:
    """Record money put aside for the goal."""
    deposit = SavingsDeposit.objects.create(
        savings_plan=savings_plan, amount=amount, deposited_on=deposited_on, recorded_by=by
    )
    policy.record(by, CREATE, deposit, case=case)
    return deposit
