"""Reads of referrals, always through the access policy."""

from django.db.models import QuerySet

from carepath.access import policy
from carepath.accounts.models import User
from carepath.referrals.models import Referral


def waiting_for_answer(user: User) -> QuerySet[Referral]:
    """Pending referrals to the user's organisation (a provider's inbox)."""
    if user.organisation_id is None:
        return Referral.objects.none()
    return (
        Referral.objects.filter(
            status=Referral.Status.PENDING,
            service__provider_id=user.organisation_id,
            case__in=policy.visible_cases(user),
        )
        .select_related("case__person", "service")
        .order_by("referred_at")
    )


def sent_and_waiting(user: User) -> QuerySet[Referral]:
    """Pending referrals on cases the user works on, still waiting for the provider."""
    return (
        Referral.objects.filter(status=Referral.Status.PENDING, case__in=policy.visible_cases(user))
        .exclude(service__provider_id=user.organisation_id)
        .select_related("case__person", "service__provider")
        .order_by("referred_at")
    )
