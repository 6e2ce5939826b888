"""A case's team -> CareTeam (one per case)."""

from fhir.resources.R4B.careteam import CareTeam

from carepath.cases.models import Case, CaseTeamMember
from carepath.fhir.mapping import codes
from carepath.fhir.mapping.base import compact, date_time, named, patient_ref, staff


def care_team(case: Case, *, members: list[CaseTeamMember]) -> CareTeam:
    """The professionals of every organisation on the case; the case manager's role is coded."""
    return CareTeam.model_validate(
        compact(
            {
                "resourceType": "CareTeam",
                "id": str(case.pk),
                "identifier": [{"system": codes.CASE_IDENTIFIER, "value": case.reference}],
                "status": "active" if case.status == Case.Status.OPEN else "inactive",
                "name": case.reference,
                "subject": patient_ref(case.person_id),
                "period": compact({"start": date_time(case.opened_at), "end": date_time(case.closed_at)}),
                "participant": [_participant(member) for member in members],
                "managingOrganization": [named("Organization", case.unit.organisation.name)],
            }
        )
    )


def _participant(member: CaseTeamMember) -> dict[str, object]:
    role = compact(
        {
            "coding": (
                [{"system": codes.CARE_TEAM_ROLE, "code": "case-manager", "display": "Case manager"}]
                if member.is_case_manager
                else []
            ),
            "text": member.role_in_team,
        }
    )
    organisation = member.user.organisation
    return compact(
        {
            "role": [role] if role else [],
            "member": staff(member.user),
            "onBehalfOf": named("Organization", organisation.name) if organisation else None,
            "period": {"start": date_time(member.added_at)},
        }
    )
