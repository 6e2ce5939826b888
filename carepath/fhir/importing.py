"""Reading a Bundle for `carepath fhir import`: everything is checked before anything is written.

A bundle holds one Patient, their Goals and Consents, and at most one CarePlan (one case) whose
activities are the steps of the goals. Other resources are counted and left out (docs/fhir.md).
"""

import json
from collections import Counter
from dataclasses import dataclass, field
from typing import Any

import pydantic
from django.core.exceptions import FieldDoesNotExist
from django.db.models import Model
from fhir.resources.R4B.bundle import Bundle
from fhir.resources.R4B.careplan import CarePlan
from fhir.resources.R4B.consent import Consent as FhirConsent
from fhir.resources.R4B.goal import Goal as FhirGoal
from fhir.resources.R4B.patient import Patient

from carepath.consents.models import Consent
from carepath.fhir.mapping.base import NotImportable
from carepath.fhir.mapping.care_plan import step_fields
from carepath.fhir.mapping.consent import consent_fields
from carepath.fhir.mapping.goal import goal_fields
from carepath.fhir.mapping.patient import person_fields
from carepath.goals.models import Goal
from carepath.people.models import Person
from carepath.plans.models import Step


@dataclass
class ImportPlan:
    """What the bundle asks to create, in the words of the apps' services."""

    person: dict[str, Any]
    goals: list[dict[str, Any]] = field(default_factory=list)
    consents: list[dict[str, Any]] = field(default_factory=list)
    steps: list[tuple[int, dict[str, Any]]] = field(default_factory=list)  # (index in goals, step)
    case_type_name: str = ""  # the CarePlan's category, if any
    left_out: Counter[str] = field(default_factory=Counter)  # resource type -> how many


def read_bundle(text: str) -> ImportPlan:
    """The plan of a bundle given as JSON text; NotImportable names the first problem (never a value)."""
    try:
        data = json.loads(text)
    except json.JSONDecodeError as error:
        raise NotImportable(f"the file is not JSON (line {error.lineno}, column {error.colno})") from None
    if not isinstance(data, dict) or data.get("resourceType") != "Bundle":
        raise NotImportable("the file is not a FHIR Bundle (resourceType must be Bundle)")
    bundle = _validated(data)
    if bundle.type not in ("transaction", "collection"):
        raise NotImportable("Bundle.type must be transaction or collection")
    return _plan(bundle)


def _validated(data: dict[str, Any]) -> Bundle:
    try:
        return Bundle.model_validate(data)
    except pydantic.ValidationError as error:
        problems = "; ".join(f"{'.'.join(str(part) for part in e['loc'])}: {e['msg']}" for e in error.errors()[:5])
        raise NotImportable(f"the bundle is not valid FHIR R4: {problems}") from None
    except (KeyError, ValueError, TypeError):  # e.g. an unknown resourceType
        raise NotImportable("the bundle is not valid FHIR R4: an entry has an unknown resourceType") from None


def _plan(bundle: Bundle) -> ImportPlan:
    entries = [
        (f"entry[{number}] {entry.resource.get_resource_type()}", entry.fullUrl, entry.resource)
        for number, entry in enumerate(bundle.entry or [])
        if entry.resource is not None
    ]
    patients = [(where, url, r) for where, url, r in entries if isinstance(r, Patient)]
    if len(patients) != 1:
        raise NotImportable(f"the bundle must hold exactly one Patient (it holds {len(patients)})")
    where, url, patient = patients[0]
    patient_names = _names(url, patient)
    plan = ImportPlan(person=_checked(Person, person_fields(patient), where))  # type: ignore[arg-type]
    goal_index: dict[str, int] = {}
    care_plans: list[tuple[str, CarePlan]] = []
    for where, url, resource in entries:
        if isinstance(resource, FhirGoal):
            _about_patient(resource.subject, patient_names, where)
            fields = goal_fields(resource, patient=str(resource.subject.reference), where=where)
            goal_index.update((name, len(plan.goals)) for name in _names(url, resource))
            plan.goals.append(_checked(Goal, fields, where))
        elif isinstance(resource, FhirConsent):
            _about_patient(resource.patient, patient_names, where)
            plan.consents.append(_checked(Consent, consent_fields(resource, where=where), where))
        elif isinstance(resource, CarePlan):
            _about_patient(resource.subject, patient_names, where)
            care_plans.append((where, resource))
        elif not isinstance(resource, Patient):
            plan.left_out[resource.get_resource_type()] += 1
    if len(care_plans) > 1:
        raise NotImportable(
            f"the bundle holds {len(care_plans)} CarePlans: import one case at a time (carepath fhir export --case)"
        )
    for where, care_plan in care_plans:
        _add_steps(plan, care_plan, goal_index, where)
    return plan


def _add_steps(plan: ImportPlan, care_plan: CarePlan, goal_index: dict[str, int], where: str) -> None:
    plan.case_type_name = next((c.text for c in care_plan.category or [] if c.text), "")
    for step in step_fields(care_plan, where=where):
        goal = step.pop("goal")
        if goal not in goal_index:
            raise NotImportable(f"{where}: an activity's goal is not a Goal of the bundle")
        plan.steps.append((goal_index[goal], _checked(Step, step, where)))


def _names(full_url: str | None, resource: Any) -> set[str]:
    """How other entries may refer to this one: by its fullUrl, or as Type/id."""
    names = {full_url} if full_url else set()
    if resource.id:
        names.add(f"{resource.get_resource_type()}/{resource.id}")
    return names


def _about_patient(reference: Any, patient_names: set[str], where: str) -> None:
    if reference is None or reference.reference not in patient_names:
        raise NotImportable(f"{where}: it is not about the bundle's Patient")


def _checked(model: type[Model], fields: dict[str, Any], where: str) -> dict[str, Any]:
    """`fields` if each text fits its column; the database would refuse it half-way otherwise."""
    for name, value in fields.items():
        try:
            limit = getattr(model._meta.get_field(name), "max_length", None)
        except FieldDoesNotExist:  # not a column: providers by name, the scan
            continue
        if limit and isinstance(value, str) and len(value) > limit:
            raise NotImportable(f"{where}: {name} is longer than {limit} characters")
    return fields
