"""Goals of a case: read them (the whole file), set one with the citizen (an authority decision)."""

from django.db.models import QuerySet
from django.http import HttpRequest
from ninja import Router, Status
from ninja.pagination import paginate

from carepath.access import policy
from carepath.api.pagination import Page
from carepath.api.routers import invalid, problems, user_of
from carepath.api.schemas.goals import Goal, GoalIn, GoalStatusIn
from carepath.goals import models, selectors, services
from carepath.referrals.selectors import case_goals

router = Router(tags=["goals"])

GOAL_RELATED = ("created_by",)


@router.get("/cases/{case_id}/goals", response=list[Goal], openapi_extra=problems(403, 404), operation_id="list_goals")
@paginate(Page)
def list_goals(request: HttpRequest, case_id: int) -> QuerySet[models.Goal]:
    """The goals of the case: its own and the group goals shared with it, by due date."""
    case = policy.get_case(user_of(request), case_id, policy.Do.VIEW)
    return case_goals(case).select_related(*GOAL_RELATED).prefetch_related("group_cases").order_by("due_on", "pk")


@router.post("/cases/{case_id}/goals", response={201: Goal}, openapi_extra=problems(403, 404), operation_id="set_goal")
def set_goal(request: HttpRequest, case_id: int, payload: GoalIn) -> Status[models.Goal]:
    """Set a goal with the citizen (the responsible authority's staff, on an open case)."""
    user = user_of(request)
    case = policy.get_case(user, case_id, policy.Do.MANAGE)
    ids = set(payload.group_case_ids)
    if ids and not payload.is_group_goal:
        invalid("group_case_ids", "only a group goal is shared with other cases")
    group_cases = list(selectors.shareable_cases(user, case=case).filter(pk__in=ids))
    if len(group_cases) != len(ids):
        invalid("group_case_ids", "every id must be another open case you see")
    data = payload.model_dump(exclude={"group_case_ids"})
    try:
        goal = services.create_goal(case=case, by=user, group_cases=group_cases, **data)
    except services.GroupGoalRuleBroken:
        invalid("group_case_ids", "a group goal is shared with at least one other case you see")
    return Status(201, goal)


@router.get("/goals/{goal_id}", response=Goal, openapi_extra=problems(403, 404), operation_id="get_goal")
def get_goal(request: HttpRequest, goal_id: int) -> models.Goal:
    """One goal, reached through its case or a case its group goal is shared with."""
    goal, _ = policy.get_in_case(user_of(request), models.Goal, goal_id, policy.Do.VIEW, shared_via="group_cases")
    return goal


@router.patch(
    "/goals/{goal_id}", response=Goal, openapi_extra=problems(403, 404, 409), operation_id="change_goal_status"
)
def change_goal_status(request: HttpRequest, goal_id: int, payload: GoalStatusIn) -> models.Goal:
    """Mark a goal as worked on, achieved or stopped (the responsible authority's staff, on an open case).
    Send the version you read: if someone changed the goal since, nothing is saved and the answer is 409."""
    user = user_of(request)
    goal, _ = policy.get_in_case(user, models.Goal, goal_id, policy.Do.MANAGE)
    return services.change_status(goal=goal, by=user, status=payload.status, seen_version=payload.version)
