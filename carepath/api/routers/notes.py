"""Progress notes of a case. Staff who see the file read every note, restricted ones marked with their
reason, as on the case page; the portal never shows a restricted note."""

from django.db.models import QuerySet
from django.http import HttpRequest
from ninja import Router, Status
from ninja.pagination import paginate

from carepath.access import policy
from carepath.api.pagination import Page
from carepath.api.routers import invalid, problems, user_of
from carepath.api.schemas.notes import ProgressNote, ProgressNoteIn
from carepath.notes import models, services
from carepath.plans.models import Step
from carepath.referrals.selectors import case_goals

router = Router(tags=["notes"])


@router.get(
    "/cases/{case_id}/notes", response=list[ProgressNote], openapi_extra=problems(403, 404), operation_id="list_notes"
)
@paginate(Page)
def list_notes(request: HttpRequest, case_id: int) -> QuerySet[models.ProgressNote]:
    """The progress notes of the case, newest first."""
    case = policy.get_case(user_of(request), case_id, policy.Do.VIEW)
    return case.notes.select_related("written_by").order_by("-written_at", "-pk")


@router.post(
    "/cases/{case_id}/notes", response={201: ProgressNote}, openapi_extra=problems(403, 404), operation_id="write_note"
)
def write_note(request: HttpRequest, case_id: int, payload: ProgressNoteIn) -> Status[models.ProgressNote]:
    """Write a progress note (on an open case whose file you share); restrict it only with a reason."""
    user = user_of(request)
    case = policy.get_case(user, case_id, policy.Do.PLAN)
    goals = case_goals(case)
    goal = goals.filter(pk=payload.goal_id).first() if payload.goal_id is not None else None
    if payload.goal_id is not None and goal is None:
        invalid("goal_id", "not a goal of this case")
    step = None
    if payload.step_id is not None:
        step = Step.objects.filter(pk=payload.step_id, goal__in=goals.values("pk")).select_related("goal").first()
        if step is None:
            invalid("step_id", "not a step of a goal of this case")
        if goal is not None and step.goal_id != goal.pk:
            invalid("step_id", "this step belongs to another goal")
    data = payload.model_dump(exclude={"goal_id", "step_id"})
    return Status(201, services.write_note(case=case, by=user, goal=goal, step=step, **data))
