"""Person -> Patient, and back for the import."""

from typing import Any

from fhir.resources.R4B.patient import Patient

from carepath.fhir.mapping import codes
from carepath.fhir.mapping.base import compact, date, required
from carepath.people.models import Person


def patient(person: Person) -> Patient:
    """The person's details; the household is not mapped."""
    telecom = [{"system": "phone", "value": person.phone}] if person.phone else []
    if person.email:
        telecom.append({"system": "email", "value": person.email})
    language = person.preferred_language
    return Patient.model_validate(
        compact(
            {
                "resourceType": "Patient",
                "id": str(person.pk),
                "identifier": [{"system": codes.PERSON_IDENTIFIER, "value": str(person.pk)}],
                "active": True,
                "name": [
                    {
                        "use": "official",
                        "text": f"{person.given_name} {person.family_name}",
                        "family": person.family_name,
                        "given": [person.given_name],
                    }
                ],
                "telecom": telecom,
                "birthDate": date(person.birth_date),
                "address": [{"text": person.address}] if person.address else [],
                "communication": (
                    [{"language": {"coding": [{"system": codes.BCP47, "code": language}]}, "preferred": True}]
                    if language
                    else []
                ),
            }
        )
    )


def person_fields(resource: Patient) -> dict[str, Any]:
    """What `receive_signal` and `correct_details` need from a Patient (the first name given)."""
    name = required(resource.name[0] if resource.name else None, "Patient.name")
    fields: dict[str, Any] = {
        "given_name": " ".join(required(name.given, "Patient.name.given")),
        "family_name": required(name.family, "Patient.name.family"),
        "birth_date": resource.birthDate,
    }
    for point in resource.telecom or []:
        if point.system in ("phone", "email") and point.value and point.system not in fields:
            fields[point.system] = point.value
    address = resource.address[0] if resource.address else None
    if address is not None:
        lines = [*(address.line or []), address.postalCode, address.city]
        fields["address"] = address.text or ", ".join(str(part) for part in lines if part)
    for communication in resource.communication or []:
        language = next((c.code for c in communication.language.coding or [] if c.system == codes.BCP47), None)
        if language and (communication.preferred or "preferred_language" not in fields):
            fields["preferred_language"] = language
    return {key: value for key, value in fields.items() if value not in (None, "") or key == "birth_date"}
