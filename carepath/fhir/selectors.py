"""What the FHIR server answers: every read through the access policy, every look audited as in the UI.

The server shares whole files only (`policy.Do.VIEW`): a provider whose organisation no consent to
share covers gets 403 here, and the referral-only view in the UI. A record outside the user's cases
is a 404, so a stranger cannot learn that it exists.
"""

import re

from django.core.exceptions import PermissionDenied
from django.http import Http404
from fhir.resources.R4B.domainresource import DomainResource

from carepath.access import policy
from carepath.accounts.models import User
from carepath.audit.models import AuditEvent
from carepath.cases.models import Case
from carepath.fhir.mapping.observation import DIMENSIONS
from carepath.fhir.mapping.patient import patient
from carepath.fhir.records import KINDS, Found
from carepath.people.models import Person

TYPES = ("Patient", *KINDS)
NUMBER = re.compile(r"[1-9][0-9]{0,17}")
OBSERVATION_ID = re.compile(rf"({NUMBER.pattern})-({'|'.join(DIMENSIONS)})")
VIEW = AuditEvent.Action.VIEW
DENIED = AuditEvent.Action.DENIED


def cases_of_patient(user: User, person_id: int) -> list[Case]:
    """The person's cases whose whole file `user` may see: 404 when they see none (refusal audited),
    403 when they see one only as far as a referral needs."""
    cases = list(policy.visible_cases(user).filter(person_id=person_id).select_related("person", "unit__organisation"))
    if not cases:
        if user.is_authenticated and Person.objects.filter(pk=person_id).exists():
            policy.record(user, DENIED, what="people.person", object_id=person_id, person_id=person_id)
        raise Http404()
    whole_files = [case for case in cases if policy.may(user, policy.Do.VIEW, case)]
    if not whole_files:
        policy.record(user, DENIED, what="people.person", object_id=person_id, person_id=person_id)
        raise PermissionDenied()
    return whole_files


def read(user: User, resource_type: str, resource_id: str) -> DomainResource:
    """One resource by its id; the look at its record is audited by the policy."""
    if resource_type == "Patient":
        return _patient(user, _number(resource_id))
    kind = KINDS[resource_type]
    wanted = resource_id
    if resource_type == "Observation":
        match = OBSERVATION_ID.fullmatch(resource_id)
        if match is None:
            raise Http404()
        resource_id = match.group(1)
    pk = _number(resource_id)
    if kind.model is Case:
        policy.get_case(user, pk, policy.Do.VIEW)
    else:
        policy.get_in_case(user, kind.model, pk, policy.Do.VIEW)
    found = kind.load(kind.model._default_manager.filter(pk=pk))
    resource = next((resource for _, resource in found if resource.id == wanted), None)
    if resource is None:
        raise Http404()
    return resource


def search(user: User, resource_type: str, patient_id: str) -> list[DomainResource]:
    """Every resource of the type about the person, from the cases whose file `user` sees; each record audited."""
    person_id = _number(patient_id)
    if resource_type == "Patient":
        return [_patient(user, person_id)]
    cases = cases_of_patient(user, person_id)
    kind = KINDS[resource_type]
    found = kind.load(kind.of_cases([case.pk for case in cases]))
    _record_views(user, found, person_id)
    return [resource for _, resource in found]


def _patient(user: User, person_id: int) -> DomainResource:
    cases = cases_of_patient(user, person_id)
    person = cases[0].person
    policy.record(user, VIEW, person, person_id=person.pk)
    return patient(person)


def _record_views(user: User, found: list[Found], person_id: int) -> None:
    """One "view" per record shown, as opening it in the UI writes; an assessment once for its three observations."""
    seen = set()
    for record, _ in found:
        if record.pk in seen:
            continue
        seen.add(record.pk)
        case_id = record.pk if isinstance(record, Case) else record.case_id  # type: ignore[attr-defined]
        policy.record(user, VIEW, record, case_id=case_id, person_id=person_id)


def _number(value: str) -> int:
    """A record number from an id; anything else is not found."""
    if not NUMBER.fullmatch(value):
        raise Http404()
    return int(value)
