"""Changes to referrals: the triangle of citizen, authority and provider. Each writes the audit log."""

from collections.abc import Iterable

from django.core.exceptions import PermissionDenied
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from carepath.access import policy
from carepath.accounts.models import User
from carepath.audit.models import AuditEvent
from carepath.cases.models import Case, CaseTeamMember
from carepath.goals.models import Goal
from carepath.organisations.authority import set_links
from carepath.organisations.models import Service
from carepath.practices.models import Practice
from carepath.referrals import load
from carepath.referrals.models import Referral

CREATE = AuditEvent.Action.CREATE
UPDATE = AuditEvent.Action.UPDATE
OPEN_STATUSES = (Referral.Status.PENDING, Referral.Status.ACCEPTED)


class ReferralRefused(Exception):
    """A referral change that the rules do not allow; `message` says why, for the user."""

    def __init__(self, message: str) -> None:
        super().__init__(message)
        self.message = message


def may_answer(user: User, referral: Referral) -> bool:
    """Only staff of the organisation that offers the service answer a referral."""
    return user.organisation_id is not None and user.organisation_id == referral.service.provider_id


def already_referred(*, case: Case, service: Service) -> bool:
    """Whether the case already waits for, or is in, this service."""
    return Referral.objects.filter(case=case, service=service, status__in=OPEN_STATUSES).exists()


@transaction.atomic
def refer(*, case: Case, by: User, service: Service, goals: Iterable[Goal], message: str = "") -> Referral:
    """The authority refers the citizen to a service for some of the case's goals."""
    # Lock the case so that two workers cannot refer to the same service at the same moment.
    Case.objects.select_for_update().filter(pk=case.pk).first()
    if already_referred(case=case, service=service):
        raise ReferralRefused(_("This case already has a pending or accepted referral to this service."))
    referral = Referral.objects.create(
        case=case, service=service, message=message, referred_by=by, referred_at=timezone.now()
    )
    set_links(referral.goals, goals)
    load.forget(service.pk)
    policy.record(by, CREATE, referral, case=case)
    return referral


def _lock_pending(referral: Referral, by: User) -> Referral:
    if not may_answer(by, referral):
        raise PermissionDenied()
    locked = Referral.objects.select_for_update(of=("self",)).select_related("service", "case").get(pk=referral.pk)
    if locked.status != Referral.Status.PENDING:
        raise ReferralRefused(
            _("This referral was already answered (%(status)s). Only a pending referral can be answered.")
            % {"status": locked.get_status_display()}
        )
    return locked


@transaction.atomic
def accept_referral(*, referral: Referral, by: User) -> Referral:
    """The provider accepts; whoever accepts joins the case team, so they keep access to the case."""
    referral = _lock_pending(referral, by)
    referral.status = Referral.Status.ACCEPTED
    referral.answered_by, referral.answered_at = by, timezone.now()
    referral.save(update_fields=["status", "answered_by", "answered_at"])
    load.forget(referral.service_id)
    role = referral.service.name[: CaseTeamMember._meta.get_field("role_in_team").max_length]
    member, created = CaseTeamMember.objects.get_or_create(
        case_id=referral.case_id, user=by, defaults={"role_in_team": role}
    )
    case = referral.case
    policy.record(by, UPDATE, referral, case=case)
    if created:
        policy.record(by, CREATE, member, case=case)
    return referral


@transaction.atomic
def decline_referral(*, referral: Referral, by: User, reason: str) -> Referral:
    """The provider declines, always with a reason the authority can act on."""
    if not reason.strip():
        raise ReferralRefused(_("Say why the referral is declined."))
    referral = _lock_pending(referral, by)
    referral.status = Referral.Status.DECLINED
    referral.decline_reason = reason.strip()
    referral.answered_by, referral.answered_at = by, timezone.now()
    referral.save(update_fields=["status", "decline_reason", "answered_by", "answered_at"])
    load.forget(referral.service_id)
    policy.record(by, UPDATE, referral, case=referral.case)
    return referral


@transaction.atomic
def end_referral(*, referral: Referral, by: User) -> Referral:
    """The authority withdraws a pending referral or ends an accepted one."""
    referral = Referral.objects.select_for_update(of=("self",)).select_related("case", "service").get(pk=referral.pk)
    if referral.status not in OPEN_STATUSES:
        raise ReferralRefused(_("Only a pending or accepted referral can be ended."))
    referral.status = Referral.Status.ENDED
    referral.ended_at = timezone.now()
    referral.save(update_fields=["status", "ended_at"])
    load.forget(referral.service_id)
    # The provider's access ends with its referral, unless another one of theirs is still open.
    if not Referral.objects.filter(
        case=referral.case, service__provider_id=referral.service.provider_id, status__in=OPEN_STATUSES
    ).exists():
        CaseTeamMember.objects.filter(
            case=referral.case, user__organisation_id=referral.service.provider_id, is_case_manager=False
        ).delete()
    policy.record(by, UPDATE, referral, case=referral.case)
    return referral


@transaction.atomic
def name_practice(*, referral: Referral, practice: Practice | None, by: User) -> Referral:
    """Say which practice from the library the provider's plan applies (None: none)."""
    referral.practice = practice
    referral.save(update_fields=["practice"])
    policy.record(by, UPDATE, referral, case=referral.case)
    return referral
