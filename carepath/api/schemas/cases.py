"""Cases: the list a user may see, and one case."""

import datetime
from typing import Any, Literal

from ninja import Schema

from carepath.api.schemas.common import PersonRef

CaseStatus = Literal["open", "closed"]
CaseOutcome = Literal["goals_reached", "autonomous", "partly", "declined", "moved", "died", "other"]
Access = Literal["full", "referral"]


class UnitRef(Schema):
    id: int
    name: str
    organisation: str

    @staticmethod
    def resolve_organisation(obj: Any) -> str:
        return str(obj.organisation.name)


class CaseSummary(Schema):
    id: int
    reference: str
    status: CaseStatus
    case_type: str
    unit: UnitRef
    opened_at: datetime.datetime
    closed_at: datetime.datetime | None
    person: PersonRef

    @staticmethod
    def resolve_case_type(obj: Any) -> str:
        return str(obj.case_type.name)


class Permissions(Schema):
    """What the token's user may do with the case (carepath/access/policy.py's `Do`)."""

    view: bool
    manage: bool
    plan: bool


class CaseDetail(CaseSummary):
    version: int
    access: Access
    may: Permissions
    outcome: CaseOutcome | None
    closure_reason: str | None
