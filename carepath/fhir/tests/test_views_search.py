"""GET /fhir/r4/<Type>?patient=<person id>: a searchset Bundle whose every resource validates."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from fhir.resources.R4B.bundle import Bundle
from fhir.resources.R4B.operationoutcome import OperationOutcome

from carepath.audit.models import AuditEvent
from carepath.fhir.tests.helpers import MODELS, case_worker_of, fhir_case, token_client
from carepath.referrals.models import Referral
from carepath.testing import factories as f
from carepath.testing.roles import provider_staff_on, stranger

pytestmark = pytest.mark.django_db

# How many resources of each type fhir_case() holds.
EXPECTED_TOTAL = {
    "Patient": 1,
    "CarePlan": 1,
    "CareTeam": 1,
    "Goal": 2,
    "Consent": 4,
    "ServiceRequest": 1,
    "Observation": 3,
    "QuestionnaireResponse": 1,
}


def _search(client, resource_type: str, person_id: int, parameter: str = ""):
    parameter = parameter or ("_id" if resource_type == "Patient" else "patient")
    return client.get(f"/fhir/r4/{resource_type}", {parameter: person_id})


@pytest.mark.parametrize("resource_type", list(MODELS))
def test_each_type_search_is_a_searchset_of_valid_resources(resource_type):
    world = fhir_case()
    response = _search(token_client(case_worker_of(world)), resource_type, world.case.person_id)
    assert response.status_code == 200
    assert response["Content-Type"] == "application/fhir+json"
    data = response.json()
    bundle = Bundle.model_validate(data)
    assert bundle.type == "searchset"
    assert bundle.total == EXPECTED_TOTAL[resource_type] == len(data["entry"])
    for entry in data["entry"]:
        resource = MODELS[resource_type].model_validate(entry["resource"])
        assert entry["fullUrl"] == f"http://testserver/fhir/r4/{resource_type}/{resource.id}"
        assert entry["search"] == {"mode": "match"}


def test_subject_and_a_reference_work_as_the_patient_parameter():
    world = fhir_case()
    client = token_client(case_worker_of(world))
    by_subject = client.get("/fhir/r4/Goal", {"subject": f"Patient/{world.case.person_id}"})
    assert Bundle.model_validate(by_subject.json()).total == 2


def test_the_search_covers_every_case_of_the_person_the_user_sees():
    world = fhir_case()
    user = case_worker_of(world)
    earlier = f.CaseFactory(signal__person=world.case.person, signal__received_by=user)
    f.GoalFactory(case=earlier)
    elsewhere = f.CaseFactory(signal__person=world.case.person)  # another authority's case: not seen
    f.GoalFactory(case=elsewhere)
    bundle = Bundle.model_validate(_search(token_client(user), "Goal", world.case.person_id).json())
    assert bundle.total == 3
    assert bundle.entry is not None
    assert str(elsewhere.goals.get().pk) not in {entry.resource.id for entry in bundle.entry}


@pytest.mark.parametrize("resource_type", list(MODELS))
def test_a_user_with_no_relation_to_the_person_gets_404(resource_type):
    world = fhir_case()
    response = _search(token_client(stranger()), resource_type, world.case.person_id)
    assert response.status_code == 404
    assert OperationOutcome.model_validate(response.json()).issue[0].code == "not-found"
    assert world.case.person.family_name not in response.content.decode()


def test_an_unknown_person_gets_404():
    world = fhir_case()
    assert _search(token_client(case_worker_of(world)), "Goal", 999999).status_code == 404


def test_a_provider_without_consent_to_share_gets_403():
    world = fhir_case()
    provider = provider_staff_on(world.case, Referral.Status.PENDING, consent=False)
    assert _search(token_client(provider), "Goal", world.case.person_id).status_code == 403


def test_without_a_token_the_search_is_401(client):
    world = fhir_case()
    response = client.get("/fhir/r4/Goal", {"patient": world.case.person_id})
    assert response.status_code == 401
    OperationOutcome.model_validate(response.json())


@pytest.mark.parametrize("query", ["", "?patient=", "?_id=1", "?patient=1&subject=1"])
def test_a_search_needs_exactly_one_patient_parameter(query):
    world = fhir_case()
    response = token_client(case_worker_of(world)).get(f"/fhir/r4/Goal{query}")
    assert response.status_code == 400
    assert OperationOutcome.model_validate(response.json()).issue[0].code == "required"


def test_each_record_found_is_audited_as_a_view():
    world = fhir_case()
    user = case_worker_of(world)
    before = AuditEvent.objects.order_by("-pk").values_list("pk", flat=True).first() or 0
    _search(token_client(user), "Observation", world.case.person_id)
    entries = list(AuditEvent.objects.filter(pk__gt=before).values_list("user", "action", "what", "object_id"))
    # Three observations, one assessment: the record looked at is written once.
    assert entries == [(user.pk, "view", "assessments.assessment", world.assessment.pk)]


def test_a_refused_search_is_audited_as_denied():
    world = fhir_case()
    outsider = stranger()
    _search(token_client(outsider), "Goal", world.case.person_id)
    last = AuditEvent.objects.order_by("-pk").first()
    assert (last.user_id, last.action, last.what, last.person_id) == (
        outsider.pk,
        "denied",
        "people.person",
        world.case.person_id,
    )


@pytest.mark.parametrize("resource_type", ["CarePlan", "QuestionnaireResponse"])
def test_queries_do_not_grow_with_the_steps_and_answers(resource_type):
    world = fhir_case()
    client = token_client(case_worker_of(world))
    # The token, the units the user leads, the cases, the records, the audit entry (one more on
    # PostgreSQL: the chain's lock).
    with CaptureQueriesContext(connection) as few:
        _search(client, resource_type, world.case.person_id)
    for _ in range(5):
        f.StepFactory(goal=world.goal)
        f.GoalFactory(case=world.case)
    with CaptureQueriesContext(connection) as many:
        _search(client, resource_type, world.case.person_id)
    assert len(many) == len(few) <= 10
