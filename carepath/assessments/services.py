"""Changes to assessments. An assessment is never edited: a new one shows the trajectory."""

import datetime

from django.db import transaction

from carepath.access import policy
from carepath.accounts.models import User
from carepath.assessments.models import Assessment
from carepath.audit.models import AuditEvent
from carepath.cases.models import Case


@transaction.atomic
def assess(
    *,
    case: Case,
    by: User,
    assessed_on: datetime.date,
    physical_level: int,
    communication_level: int,
    social_level: int,
    physical_description: str = "",
    communication_description: str = "",
    social_description: str = "",
    strengths: str = "",
    resources: str = "",
) -> Assessment:
    """Record the functional ability of the case's person, by level on three dimensions, never by diagnosis."""
    assessment = Assessment.objects.create(
        case=case,
        assessed_by=by,
        assessed_on=assessed_on,
        physical_level=physical_level,
        physical_description=physical_description,
        communication_level=communication_level,
        communication_description=communication_description,
        social_level=social_level,
        social_description=social_description,
        strengths=strengths,
        resources=resources,
    )
    policy.record(by, AuditEvent.Action.CREATE, assessment, case=case)
    return assessment
