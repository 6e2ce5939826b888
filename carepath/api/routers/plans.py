"""The plan: steps under a goal. Shared work (`Do.PLAN`) of everyone who sees an open case and its file;
a group goal's plan is reached through any case it is shared with, as in the UI."""

from django.db.models import QuerySet
from django.http import HttpRequest
from ninja import Router, Status
from ninja.pagination import paginate

from carepath.access import policy
from carepath.accounts.models import User
from carepath.api.pagination import Page
from carepath.api.routers import problems, user_of
from carepath.api.schemas.plans import Step, StepIn, StepStatusIn
from carepath.cases.models import Case
from carepath.goals.models import Goal
from carepath.plans import models, services

router = Router(tags=["plans"])


def _goal(user: User, goal_id: int, do: policy.Do) -> tuple[Goal, Case]:
    return policy.get_in_case(user, Goal, goal_id, do, shared_via="group_cases")


def _step(user: User, step_id: int, do: policy.Do) -> tuple[models.Step, Case]:
    return policy.get_in_case(user, models.Step, step_id, do, case_path="goal__case", shared_via="goal__group_cases")


@router.get("/goals/{goal_id}/steps", response=list[Step], openapi_extra=problems(403, 404), operation_id="list_steps")
@paginate(Page)
def list_steps(request: HttpRequest, goal_id: int) -> QuerySet[models.Step]:
    """The steps of a goal's plan, by date."""
    goal, _ = _goal(user_of(request), goal_id, policy.Do.VIEW)
    return (
        models.Step.objects.filter(goal=goal)
        .select_related("created_by")
        .prefetch_related("attachments")
        .order_by("due_on", "pk")
    )


@router.post("/goals/{goal_id}/steps", response={201: Step}, openapi_extra=problems(403, 404), operation_id="add_step")
def add_step(request: HttpRequest, goal_id: int, payload: StepIn) -> Status[models.Step]:
    """Break the goal down: one more step of the plan (on an open case whose file you share)."""
    user = user_of(request)
    goal, case = _goal(user, goal_id, policy.Do.PLAN)
    return Status(201, services.add_step(goal=goal, case=case, by=user, **payload.model_dump()))


@router.get("/steps/{step_id}", response=Step, openapi_extra=problems(403, 404), operation_id="get_step")
def get_step(request: HttpRequest, step_id: int) -> models.Step:
    """One step with its supports."""
    step, _ = _step(user_of(request), step_id, policy.Do.VIEW)
    return step


@router.patch(
    "/steps/{step_id}", response=Step, openapi_extra=problems(403, 404, 409), operation_id="change_step_status"
)
def change_step_status(request: HttpRequest, step_id: int, payload: StepStatusIn) -> models.Step:
    """Mark a step planned, in progress, done or dropped. Send the version you read: if someone changed
    the step since, nothing is saved and the answer is 409."""
    user = user_of(request)
    step, case = _step(user, step_id, policy.Do.PLAN)
    return services.change_step_status(
        step=step, case=case, by=user, seen_version=payload.version, status=payload.status
    )
