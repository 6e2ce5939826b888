"""`carepath fhir export`: a person and their cases as one FHIR transaction Bundle, audited as an export."""

import uuid
from typing import Any

from django.core.exceptions import PermissionDenied
from fhir.resources.R4B.bundle import Bundle
from fhir.resources.R4B.domainresource import DomainResource

from carepath.access import policy
from carepath.accounts.models import Role, User
from carepath.audit.models import AuditEvent
from carepath.cases.models import Case
from carepath.fhir.mapping import codes
from carepath.fhir.mapping.patient import patient
from carepath.fhir.records import KINDS, consents
from carepath.people.models import Person


class NoSuchCase(ValueError):
    """The case asked for is not one of the person's."""


def export_person(*, person: Person, by: User, case_id: int | None = None) -> Bundle:
    """The person with their cases' plans, teams, goals, consents (with the scans), referrals, functional
    observations and evaluations; only case `case_id` when given.

    An administrator's act, audited like the subject-access export: one "export" of the person.
    """
    if not by.is_active or by.role != Role.ADMINISTRATOR:
        raise PermissionDenied("only an active administrator exports")
    cases = Case.objects.filter(person=person)
    if case_id is not None:
        cases = cases.filter(pk=case_id)
        if not cases.exists():
            raise NoSuchCase(case_id)
    ids = list(cases.values_list("pk", flat=True))
    resources: list[DomainResource] = [patient(person)]
    for name, kind in KINDS.items():
        of_cases = kind.of_cases(ids)
        found = consents(of_cases, with_documents=True) if name == "Consent" else kind.load(of_cases)
        resources += [resource for _, resource in found]
    policy.record(by, AuditEvent.Action.EXPORT, person, person_id=person.pk)
    return transaction_bundle(resources)


def transaction_bundle(resources: list[DomainResource]) -> Bundle:
    """A transaction that creates every resource on another server: each entry gets a urn:uuid as its
    name, references between them use it, and the patient is created only if its identifier is new."""
    names = {_key(resource): f"urn:uuid:{uuid.uuid4()}" for resource in resources}
    entries = []
    for resource in resources:
        data = _renamed(resource.model_dump(mode="json"), names)
        data.pop("id", None)
        request = {"method": "POST", "url": resource.get_resource_type()}
        if resource.get_resource_type() == "Patient":
            request["ifNoneExist"] = f"identifier={codes.PERSON_IDENTIFIER}|{resource.id}"
        entries.append({"fullUrl": names[_key(resource)], "resource": data, "request": request})
    return Bundle.model_validate({"type": "transaction", "entry": entries})


def _key(resource: DomainResource) -> str:
    return f"{resource.get_resource_type()}/{resource.id}"


def _renamed(data: Any, names: dict[str, str]) -> Any:
    """`data` with every reference to an exported resource replaced by that resource's urn:uuid."""
    if isinstance(data, list):
        return [_renamed(item, names) for item in data]
    if not isinstance(data, dict):
        return data
    renamed = {key: _renamed(value, names) for key, value in data.items()}
    if isinstance(renamed.get("reference"), str) and renamed["reference"] in names:
        renamed["reference"] = names[renamed["reference"]]
    return renamed
