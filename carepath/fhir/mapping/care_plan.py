"""A case's plan -> CarePlan (one per case, its activities the steps), and the steps back for the import."""

from collections.abc import Iterable
from typing import Any

from fhir.resources.R4B.careplan import CarePlan

from carepath.cases.models import Case
from carepath.fhir.mapping import codes
from carepath.fhir.mapping.base import NotImportable, as_date, compact, date, date_time, named, patient_ref, ref
from carepath.goals.models import Goal
from carepath.plans.models import Step

ACTIVITY_STATUS = {
    Step.Status.PLANNED: "not-started",
    Step.Status.IN_PROGRESS: "in-progress",
    Step.Status.DONE: "completed",
    Step.Status.DROPPED: "cancelled",
}
STEP_STATUS = {fhir: carepath for carepath, fhir in ACTIVITY_STATUS.items()} | {
    "scheduled": Step.Status.PLANNED,
    "on-hold": Step.Status.PLANNED,
    "stopped": Step.Status.DROPPED,
    "entered-in-error": Step.Status.DROPPED,
}


def care_plan(case: Case, *, goals: Iterable[Goal], steps: Iterable[Step]) -> CarePlan:
    """The case's plan: its goals, and each step of a goal as an activity. Supports and savings are not mapped."""
    return CarePlan.model_validate(
        compact(
            {
                "resourceType": "CarePlan",
                "id": str(case.pk),
                "identifier": [{"system": codes.CASE_IDENTIFIER, "value": case.reference}],
                "status": "active" if case.status == Case.Status.OPEN else "completed",
                "intent": "plan",
                "category": [{"text": case.case_type.name}],
                "title": case.reference,
                "subject": patient_ref(case.person_id),
                "period": compact({"start": date_time(case.opened_at), "end": date_time(case.closed_at)}),
                "author": named("Organization", case.unit.organisation.name),
                "careTeam": [ref("CareTeam", case.pk)],
                "goal": [ref("Goal", goal.pk) for goal in goals],
                "activity": [{"detail": _activity(step)} for step in steps],
            }
        )
    )


def _activity(step: Step) -> dict[str, Any]:
    return {
        "status": ACTIVITY_STATUS[step.status],  # type: ignore[index]
        "description": step.what,
        "goal": [ref("Goal", step.goal_id)],
        "scheduledPeriod": {"end": date(step.due_on)},
        "performer": [{"display": step.who}],
    }


def step_fields(resource: CarePlan, *, where: str) -> list[dict[str, Any]]:
    """What `add_step` needs for each activity, with `goal` the reference to its goal as the bundle writes it."""
    steps = []
    for number, activity in enumerate(resource.activity or []):
        at = f"{where}: activity[{number}]"
        detail = activity.detail
        if detail is None:
            raise NotImportable(f"{at}: only activities with a detail are imported (a step)")
        goals = [goal.reference for goal in detail.goal or [] if goal.reference]
        if len(goals) != 1:
            raise NotImportable(f"{at}: detail.goal must name exactly one goal (a step belongs to a goal)")
        when = detail.scheduledPeriod.end if detail.scheduledPeriod else detail.scheduledString
        if not when:
            raise NotImportable(f"{at}: detail.scheduledPeriod.end (when) is missing")
        who = [performer.display for performer in detail.performer or [] if performer.display]
        status = STEP_STATUS.get(str(detail.status))
        if not detail.description or not who or status is None:
            raise NotImportable(
                f"{at}: detail.description (what), detail.performer.display (who) and status are needed"
            )
        steps.append(
            {
                "goal": goals[0],
                "what": detail.description,
                "who": ", ".join(who),
                "due_on": as_date(when, f"{at}: detail.scheduledPeriod.end"),
                "status": status,
            }
        )
    return steps
