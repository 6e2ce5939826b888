"""Referrals of a case. Whoever sees the whole file reads them all; a provider without consent to share
reads only the referrals to its own organisation, with the goals they are about, as in the UI."""

from django.db.models import QuerySet
from django.http import HttpRequest
from ninja import Router
from ninja.pagination import paginate

from carepath.access import policy
from carepath.api.pagination import Page
from carepath.api.routers import problems, user_of
from carepath.api.schemas.referrals import Referral
from carepath.referrals import models

router = Router(tags=["referrals"])


@router.get(
    "/cases/{case_id}/referrals", response=list[Referral], openapi_extra=problems(404), operation_id="list_referrals"
)
@paginate(Page)
def list_referrals(request: HttpRequest, case_id: int) -> QuerySet[models.Referral]:
    """The referrals of the case, newest first."""
    user = user_of(request)
    case = policy.get_case(user, case_id, policy.Do.REFERRAL)
    referrals = case.referrals.all()
    if not policy.may(user, policy.Do.VIEW, case):
        referrals = referrals.filter(service__provider_id=user.organisation_id)
    return (
        referrals.select_related("service__provider", "referred_by", "answered_by")
        .prefetch_related("goals")
        .order_by("-referred_at", "-pk")
    )
