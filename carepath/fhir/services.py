"""`carepath fhir import`: a person and their case from a Bundle, through the apps' own services.

One transaction: a bundle that fails half-way leaves nothing behind. Every record is created by the
service the UI uses, so each write is audited as done by `by`, who becomes the case manager.
"""

from collections import Counter
from dataclasses import dataclass
from typing import Any

from django.core.exceptions import PermissionDenied
from django.core.files.uploadedfile import SimpleUploadedFile
from django.db import transaction
from django.forms import ValidationError

from carepath.access.policy import AUTHORITY_ROLES
from carepath.accounts.models import User
from carepath.cases.models import Case, CaseType, Signal
from carepath.cases.services import open_case, receive_signal
from carepath.consents.models import Consent
from carepath.consents.services import ScanRequired, record_consent, withdraw_consent
from carepath.fhir.importing import ImportPlan
from carepath.fhir.mapping.base import NotImportable
from carepath.goals.models import Goal
from carepath.goals.services import change_status, create_goal
from carepath.organisations.models import Organisation, Unit
from carepath.people.models import Person
from carepath.people.services import correct_details
from carepath.plans.models import Step
from carepath.plans.services import add_step, change_step_status

# The signal every imported case starts from: the record says where it came from, not why.
SIGNAL_TEXT = "Imported from a FHIR Bundle (carepath fhir import)."


@dataclass(frozen=True)
class Imported:
    person: Person
    person_is_new: bool  # False: the same name and date of birth was known already (the same person)
    case: Case
    created: Counter[str]  # what was created, by kind


@transaction.atomic
def import_bundle(*, plan: ImportPlan, by: User, unit: Unit, case_type: CaseType) -> Imported:
    """Create the person (or find them: the same name and date of birth), a case of `case_type` at
    `unit` with `by` as case manager, and the bundle's goals, consents and steps."""
    _check_may_open(by, unit)
    details = dict(plan.person)
    names = {key: details.pop(key) for key in ("given_name", "family_name", "birth_date")}
    known = Person.objects.filter(
        given_name__iexact=names["given_name"].strip(),
        family_name__iexact=names["family_name"].strip(),
        birth_date=names["birth_date"],
    ).exists()  # the rule of cases.services.find_or_create_person, which receive_signal applies
    signal = receive_signal(
        by=by,
        unit=unit,
        case_type=case_type,
        signaller_kind=Signal.SignallerKind.OTHER,
        problems=SIGNAL_TEXT,
        request=SIGNAL_TEXT,
        **names,
    )
    case = open_case(signal=signal, by=by)
    person = case.person
    if details and not known:  # a known person's details are corrected on their case, not overwritten
        correct_details(person=person, case=case, by=by, seen_version=person.version, **details)
    created: Counter[str] = Counter()
    goals = [_goal(case, by, dict(fields)) for fields in plan.goals]
    created["goals"] = len(goals)
    for goal_index, fields in plan.steps:
        _step(case, by, goals[goal_index], dict(fields))
        created["steps"] += 1
    for number, fields in enumerate(plan.consents):
        _consent(case, by, dict(fields), where=f"consent {number + 1}")
        created["consents"] += 1
    return Imported(person=person, person_is_new=not known, case=case, created=created)


def _check_may_open(by: User, unit: Unit) -> None:
    """The one who imports opens the case: authority staff of the responsible unit's organisation."""
    if (
        not by.is_active
        or by.role not in AUTHORITY_ROLES
        or unit.organisation.kind != Organisation.Kind.AUTHORITY
        or by.organisation_id != unit.organisation_id
    ):
        raise PermissionDenied("the case is opened by a case worker or team leader of the unit's authority")


def _goal(case: Case, by: User, fields: dict[str, Any]) -> Goal:
    status = fields.pop("status")
    goal = create_goal(case=case, by=by, **fields)
    if status != Goal.Status.ACTIVE:
        goal = change_status(goal=goal, by=by, status=status, seen_version=goal.version)
    return goal


def _step(case: Case, by: User, goal: Goal, fields: dict[str, Any]) -> Step:
    status = fields.pop("status")
    step = add_step(goal=goal, case=case, by=by, **fields)
    if status != Step.Status.PLANNED:
        step = change_step_status(step=step, case=case, by=by, seen_version=step.version, status=status)
    return step


def _consent(case: Case, by: User, fields: dict[str, Any], *, where: str) -> Consent:
    names = fields.pop("provider_names")
    providers = list(Organisation.objects.filter(kind=Organisation.Kind.PROVIDER, name__in=names))
    if len(providers) != len(set(names)):
        # Leaving one out would widen the consent: one naming no provider covers every provider.
        raise NotImportable(f"{where}: a provider it names is not a provider organisation here")
    scan, scan_name = fields.pop("document"), fields.pop("document_name")
    withdrawn_on, reason = fields.pop("withdrawn_on"), fields.pop("withdrawal_reason")
    document = SimpleUploadedFile(scan_name or "consent.pdf", scan) if scan else None
    try:
        consent = record_consent(case=case, by=by, providers=providers, document=document, **fields)
    except ScanRequired:
        raise NotImportable(f"{where}: signed on paper, but the bundle holds no scan (sourceAttachment.data)") from None
    except ValidationError:
        raise NotImportable(f"{where}: the scan is not a PDF, JPEG or PNG file") from None
    if withdrawn_on is not None:
        consent = withdraw_consent(consent=consent, by=by, withdrawn_on=withdrawn_on, reason=reason)
    return consent
