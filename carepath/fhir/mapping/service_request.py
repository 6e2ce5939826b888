"""Referral -> ServiceRequest."""

from fhir.resources.R4B.servicerequest import ServiceRequest

from carepath.fhir.mapping import codes
from carepath.fhir.mapping.base import compact, concept, date_time, extension, named, patient_ref, ref, staff
from carepath.goals.models import Goal
from carepath.referrals.models import Referral

STATUS = {
    Referral.Status.PENDING: "active",
    Referral.Status.ACCEPTED: "active",
    Referral.Status.DECLINED: "revoked",
    Referral.Status.ENDED: "completed",
}


def service_request(referral: Referral, *, person_id: int, goals: list[Goal]) -> ServiceRequest:
    """The referral to a provider's service; the goals it works on are its supporting information.

    Carepath's own status (pending and accepted are both active in FHIR) is an extension.
    """
    service = referral.service
    return ServiceRequest.model_validate(
        compact(
            {
                "resourceType": "ServiceRequest",
                "id": str(referral.pk),
                "extension": [extension(codes.REFERRAL_STATUS_EXTENSION, valueCode=referral.status)],
                "status": STATUS[referral.status],  # type: ignore[index]
                "intent": "order",
                "category": [concept(codes.SNOMED, "3457005", "Patient referral")],
                "code": concept(codes.SERVICE, str(service.pk), service.name, text=service.name),
                "subject": patient_ref(person_id),
                "authoredOn": date_time(referral.referred_at),
                "requester": staff(referral.referred_by),
                "performer": [named("Organization", service.provider.name)],
                "supportingInfo": [ref("Goal", goal.pk, goal.title) for goal in goals],
                "note": [{"text": referral.message}] if referral.message else [],
            }
        )
    )
