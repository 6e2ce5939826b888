"""Referrals: the authority refers the citizen to a provider's service, which accepts or declines."""

import datetime
from typing import Literal

from ninja import Schema

from carepath.api.schemas.common import GoalRef, UserRef
from carepath.api.schemas.consents import OrganisationRef

ReferralStatus = Literal["pending", "accepted", "declined", "ended"]


class ServiceRef(Schema):
    id: int
    name: str
    provider: OrganisationRef


class Referral(Schema):
    id: int
    service: ServiceRef
    status: ReferralStatus
    goals: list[GoalRef]
    message: str
    referred_by: UserRef
    referred_at: datetime.datetime
    answered_by: UserRef | None
    answered_at: datetime.datetime | None
    decline_reason: str
    ended_at: datetime.datetime | None
