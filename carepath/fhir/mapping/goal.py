"""Goal -> Goal (lifecycleStatus, achievementStatus, the citizen's words), and back for the import."""

from typing import Any

from django.utils import timezone
from fhir.resources.R4B.goal import Goal as FhirGoal

from carepath.core.choices import LifeDomain
from carepath.evaluations.models import GoalAttainment
from carepath.fhir.mapping import codes
from carepath.fhir.mapping.base import (
    NotImportable,
    as_date,
    choice,
    code_in,
    compact,
    concept,
    date,
    extension,
    extension_value,
    patient_ref,
    required,
)
from carepath.goals.models import Goal

LIFECYCLE = {Goal.Status.ACTIVE: "active", Goal.Status.ACHIEVED: "completed", Goal.Status.STOPPED: "cancelled"}
# Back from FHIR: every lifecycleStatus, to the nearest of Carepath's three.
STATUS_OF_LIFECYCLE = {
    "proposed": Goal.Status.ACTIVE,
    "planned": Goal.Status.ACTIVE,
    "accepted": Goal.Status.ACTIVE,
    "active": Goal.Status.ACTIVE,
    "on-hold": Goal.Status.ACTIVE,
    "completed": Goal.Status.ACHIEVED,
    "cancelled": Goal.Status.STOPPED,
    "entered-in-error": Goal.Status.STOPPED,
    "rejected": Goal.Status.STOPPED,
}
ACHIEVEMENT_DISPLAY = {
    "in-progress": "In Progress",
    "improving": "Improving",
    "achieved": "Achieved",
    "not-achieved": "Not Achieved",
    "no-progress": "No Progress",
}
# An active goal shows how far the latest evaluation moment found it.
ACHIEVEMENT_OF_ATTAINMENT = {
    GoalAttainment.Level.FULLY: "achieved",
    GoalAttainment.Level.PARTIALLY: "improving",
    GoalAttainment.Level.NOT: "no-progress",
}


def achievement(goal: Goal, latest_attainment: str | None) -> str:
    if goal.status == Goal.Status.ACHIEVED:
        return "achieved"
    if goal.status == Goal.Status.STOPPED:
        return "not-achieved"
    return ACHIEVEMENT_OF_ATTAINMENT.get(latest_attainment or "", "in-progress")  # type: ignore[call-overload]


def goal(goal: Goal, *, person_id: int, latest_attainment: str | None = None) -> FhirGoal:
    """The goal; the citizen's own words are a note written by the patient. Group sharing is not mapped."""
    code = achievement(goal, latest_attainment)
    return FhirGoal.model_validate(
        compact(
            {
                "resourceType": "Goal",
                "id": str(goal.pk),
                "extension": [extension(codes.GOAL_PROPOSED_BY_EXTENSION, valueCode=goal.proposed_by)],
                "lifecycleStatus": LIFECYCLE[goal.status],  # type: ignore[index]
                "achievementStatus": concept(codes.GOAL_ACHIEVEMENT, code, ACHIEVEMENT_DISPLAY[code]),
                "category": [concept(codes.LIFE_DOMAIN, goal.life_domain, goal.get_life_domain_display())],
                "description": {"text": goal.title},
                "subject": patient_ref(person_id),
                "startDate": date(timezone.localdate(goal.created_at)) if goal.created_at else None,
                "target": [
                    compact(
                        {"measure": {"text": goal.indicator}, "detailString": goal.target, "dueDate": date(goal.due_on)}
                    )
                ],
                "expressedBy": patient_ref(person_id) if goal.proposed_by == Goal.ProposedBy.CITIZEN else None,
                "note": [{"authorReference": patient_ref(person_id), "text": goal.citizen_words}],
            }
        )
    )


def goal_fields(resource: FhirGoal, *, patient: str, where: str) -> dict[str, Any]:
    """What `create_goal` needs (and the status), from a Goal; `patient` is how the bundle names the patient.

    The citizen's words are the note the patient wrote (else the only note).
    """
    notes = resource.note or []
    by_patient = [n for n in notes if n.authorReference is not None and n.authorReference.reference == patient]
    candidates = by_patient or (notes if len(notes) == 1 else [])
    target = required(resource.target[0] if resource.target else None, f"{where}: target")
    proposed_by = extension_value(resource, codes.GOAL_PROPOSED_BY_EXTENSION, "valueCode")
    if proposed_by is None:
        expressed = resource.expressedBy.reference if resource.expressedBy else None
        proposed_by = Goal.ProposedBy.CITIZEN if expressed in (None, patient) else Goal.ProposedBy.STAFF
    return {
        "citizen_words": required(candidates[0].text if candidates else None, f"{where}: note (the citizen's words)"),
        "title": required(resource.description.text, f"{where}: description.text"),
        "indicator": required(target.measure.text if target.measure else None, f"{where}: target.measure.text"),
        "target": required(target.detailString, f"{where}: target.detailString"),
        "due_on": as_date(required(target.dueDate, f"{where}: target.dueDate"), f"{where}: target.dueDate"),
        "life_domain": choice(
            code_in(resource.category or [], codes.LIFE_DOMAIN), LifeDomain.values, f"{where}: category"
        ),
        "proposed_by": choice(proposed_by, Goal.ProposedBy.values, f"{where}: proposed-by extension"),
        "status": _status(resource, where),
    }


def _status(resource: FhirGoal, where: str) -> str:
    status = STATUS_OF_LIFECYCLE.get(str(resource.lifecycleStatus))
    if status is None:
        raise NotImportable(f"{where}: lifecycleStatus")
    return status
