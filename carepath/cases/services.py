"""Changes to signals and cases. Each function is one transaction and writes the audit log."""

import datetime

from django.db import transaction
from django.utils import timezone

from carepath.access import policy
from carepath.accounts.models import User
from carepath.audit.models import AuditEvent
from carepath.cases.models import Case, CaseTeamMember, CaseType, Deadline, Signal
from carepath.core.concurrency import save_versioned
from carepath.organisations.models import Unit
from carepath.people.models import Household, Person
from carepath.referrals import load
from carepath.referrals.models import Referral

CREATE = AuditEvent.Action.CREATE
UPDATE = AuditEvent.Action.UPDATE


def find_or_create_person(
    *, given_name: str, family_name: str, birth_date: datetime.date | None
) -> Person:
    """The same name and date of birth is the same person: nothing is typed twice."""
    person = Person.objects.filter(
        given_name__iexact=given_name.strip(),
        family_name__iexact=family_name.strip(),
        birth_date=birth_date,
    ).first()
    return person or Person.objects.create(
        given_name=given_name.strip(), family_name=family_name.strip(), birth_date=birth_date
    )


@transaction.atomic
def receive_signal(
    *,
    by: User,
    unit: Unit,
    case_type: CaseType,
    given_name: str,
    family_name: str,
    birth_date: datetime.date | None,
    household_name: str = "",
    received_on: datetime.date | None = None,
    **fields: str,
) -> Signal:
    """Record a signal and start the clocks of its case type's deadline rules."""
    person = find_or_create_person(given_name=given_name, family_name=family_name, birth_date=birth_date)
    household = None
    if household_name.strip():
        household = person.household or Household.objects.create(name=household_name.strip())
        if person.household_id is None:
            person.household = household
            person.save(update_fields=["household"])
    now = timezone.now()
    received_at = now
    if received_on and received_on != timezone.localdate(now):
        received_at = timezone.make_aware(datetime.datetime.combine(received_on, datetime.time(9)))
    signal = Signal.objects.create(
        received_at=received_at,
        received_by=by,
        unit=unit,
        case_type=case_type,
        person=person,
        household=household,
        **fields,
    )
    day = timezone.localdate(received_at)
    Deadline.objects.bulk_create(
        Deadline(signal=signal, authority_id=signal.authority_id, label=rule.label,
                 due_on=day + datetime.timedelta(days=rule.days))
        for rule in case_type.deadline_rules.all()
    )
    policy.record(by, CREATE, signal, person_id=person.pk)
    return signal


@transaction.atomic
def open_case(*, signal: Signal, by: User) -> Case:
    """Triage: open a case for the signal; whoever opens it becomes its case manager."""
    signal = Signal.objects.select_for_update().get(pk=signal.pk)
    if signal.status != Signal.Status.NEW:
        raise ValueError("signal already triaged")
    now = timezone.now()
    case = Case.objects.create(
        signal=signal,
        person=signal.person,
        household=signal.household,
        case_type=signal.case_type,
        unit=signal.unit,
        opened_at=now,
    )
    CaseTeamMember.objects.create(case=case, user=by, role_in_team="", is_case_manager=True)
    signal.status = Signal.Status.CASE_OPENED
    signal.triaged_by, signal.triaged_at = by, now
    signal.save(update_fields=["status", "triaged_by", "triaged_at"])
    policy.record(by, CREATE, case, case=case)
    return case


@transaction.atomic
def close_signal(*, signal: Signal, by: User, reason: str) -> Signal:
    """Triage: close the signal without a case, with a reason."""
    signal = Signal.objects.select_for_update().get(pk=signal.pk)
    if signal.status != Signal.Status.NEW:
        raise ValueError("signal already triaged")
    signal.status = Signal.Status.CLOSED
    signal.closed_reason = reason
    signal.triaged_by, signal.triaged_at = by, timezone.now()
    signal.save(update_fields=["status", "closed_reason", "triaged_by", "triaged_at"])
    policy.record(by, UPDATE, signal, person_id=signal.person_id)
    return signal


@transaction.atomic
def close_case(*, case: Case, by: User, outcome: str, closure_reason: str, seen_version: int) -> Case:
    """Close the case with its outcome; raises StaleEdit if someone changed it meanwhile."""
    case.status = Case.Status.CLOSED
    case.outcome = outcome
    case.closure_reason = closure_reason
    case.closed_at = timezone.now()
    save_versioned(
        case,
        expected_version=seen_version,
        fields=["status", "outcome", "closure_reason", "closed_at"],
    )
    Deadline.objects.filter(signal_id=case.signal_id, done_on__isnull=True).update(
        done_on=timezone.localdate(), done_by=by
    )
    # Its accepted referrals no longer take a place in their services.
    load.forget(*case.referrals.filter(status=Referral.Status.ACCEPTED).values_list("service_id", flat=True))
    policy.record(by, UPDATE, case, case=case)
    return case


@transaction.atomic
def add_team_member(
    *, case: Case, by: User, user: User, role_in_team: str = "", is_case_manager: bool = False
) -> CaseTeamMember:
    """Add a professional of any organisation; making them case manager moves the role to them."""
    if is_case_manager:
        CaseTeamMember.objects.filter(case=case, is_case_manager=True).exclude(user=user).update(
            is_case_manager=False
        )
    # Unticking the box for the current case manager must not leave the case without one.
    defaults: dict[str, object] = {"role_in_team": role_in_team}
    if is_case_manager:
        defaults["is_case_manager"] = True
    member, created = CaseTeamMember.objects.update_or_create(
        case=case,
        user=user,
        defaults=defaults,
        create_defaults={"role_in_team": role_in_team, "is_case_manager": is_case_manager},
    )
    policy.record(by, CREATE if created else UPDATE, member, case=case)
    return member


@transaction.atomic
def complete_deadline(*, deadline: Deadline, by: User) -> Deadline:
    """Mark a deadline as met today."""
    deadline.done_on = timezone.localdate()
    deadline.done_by = by
    deadline.save(update_fields=["done_on", "done_by"])
    case = getattr(deadline.signal, "case", None)
    policy.record(by, UPDATE, deadline, case=case, person_id=deadline.signal.person_id)
    return deadline
