"""Evaluation moments of a case, with how far each goal was reached."""

from django.db.models import Prefetch, QuerySet
from django.http import HttpRequest
from ninja import Router
from ninja.pagination import paginate

from carepath.access import policy
from carepath.api.pagination import Page
from carepath.api.routers import problems, user_of
from carepath.api.schemas.evaluations import Evaluation
from carepath.evaluations import models, selectors

router = Router(tags=["evaluations"])


@router.get(
    "/cases/{case_id}/evaluations",
    response=list[Evaluation],
    openapi_extra=problems(403, 404),
    operation_id="list_evaluations",
)
@paginate(Page)
def list_evaluations(request: HttpRequest, case_id: int) -> QuerySet[models.EvaluationMoment]:
    """The evaluation moments of the case, planned and held, in date order."""
    case = policy.get_case(user_of(request), case_id, policy.Do.VIEW)
    attainments = models.GoalAttainment.objects.select_related("goal").order_by("goal__due_on", "goal_id")
    return selectors.with_quality_of_life(
        case.evaluations.prefetch_related(Prefetch("attainments", queryset=attainments)).order_by("planned_on", "pk")
    )
