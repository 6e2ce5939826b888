"""Assessments of a case: read the trajectory (the whole file) and record a new one (an authority decision)."""

from django.db.models import QuerySet
from django.http import HttpRequest
from ninja import Router, Status
from ninja.pagination import paginate

from carepath.access import policy
from carepath.api.pagination import Page
from carepath.api.routers import problems, user_of
from carepath.api.schemas.assessments import Assessment, AssessmentIn
from carepath.assessments import models, services

router = Router(tags=["assessments"])


@router.get(
    "/cases/{case_id}/assessments",
    response=list[Assessment],
    openapi_extra=problems(403, 404),
    operation_id="list_assessments",
)
@paginate(Page)
def list_assessments(request: HttpRequest, case_id: int) -> QuerySet[models.Assessment]:
    """The assessments of the case, oldest first: together they show the trajectory."""
    case = policy.get_case(user_of(request), case_id, policy.Do.VIEW)
    return case.assessments.select_related("assessed_by").order_by("assessed_on", "pk")


@router.post(
    "/cases/{case_id}/assessments",
    response={201: Assessment},
    openapi_extra=problems(403, 404),
    operation_id="record_assessment",
)
def record_assessment(request: HttpRequest, case_id: int, payload: AssessmentIn) -> Status[models.Assessment]:
    """Record the functional ability of the case's person (the responsible authority's staff, on an open case)."""
    user = user_of(request)
    case = policy.get_case(user, case_id, policy.Do.MANAGE)
    return Status(201, services.assess(case=case, by=user, **payload.model_dump()))
