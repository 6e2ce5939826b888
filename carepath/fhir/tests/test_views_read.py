"""GET /fhir/r4/<Type>/<id>: each type validates as its FHIR R4 model; refusals are OperationOutcomes."""

import pytest
from fhir.resources.R4B.operationoutcome import OperationOutcome

from carepath.audit.models import AuditEvent
from carepath.fhir.tests.helpers import MODELS, case_worker_of, fhir_case, token_client
from carepath.referrals.models import Referral
from carepath.testing.roles import provider_staff_on, stranger

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize("resource_type", list(MODELS))
def test_each_type_read_validates_as_its_fhir_model(resource_type):
    world = fhir_case()
    resource_id = world.id_of(resource_type)
    response = token_client(case_worker_of(world)).get(f"/fhir/r4/{resource_type}/{resource_id}")
    assert response.status_code == 200
    assert response["Content-Type"] == "application/fhir+json"
    resource = MODELS[resource_type].model_validate(response.json())
    assert resource.id == resource_id


@pytest.mark.parametrize("resource_type", list(MODELS))
def test_a_user_with_no_relation_to_the_case_gets_404(resource_type):
    world = fhir_case()
    response = token_client(stranger()).get(f"/fhir/r4/{resource_type}/{world.id_of(resource_type)}")
    assert response.status_code == 404
    outcome = OperationOutcome.model_validate(response.json())
    assert outcome.issue[0].code == "not-found"
    assert world.case.person.family_name not in response.content.decode()


def test_without_a_token_the_answer_is_401_even_when_signed_in(client):
    world = fhir_case()
    client.force_login(case_worker_of(world))  # a session is not a token
    response = client.get(f"/fhir/r4/Goal/{world.goal.pk}")
    assert response.status_code == 401
    assert response["WWW-Authenticate"].startswith("Bearer")
    assert OperationOutcome.model_validate(response.json()).issue[0].code == "login"


def test_an_unknown_token_gets_401():
    world = fhir_case()
    from django.test import Client

    response = Client(HTTP_AUTHORIZATION="Bearer not-a-token").get(f"/fhir/r4/Goal/{world.goal.pk}")
    assert response.status_code == 401


def test_a_provider_without_consent_to_share_gets_403():
    world = fhir_case()
    provider = provider_staff_on(world.case, Referral.Status.ACCEPTED, consent=False)
    response = token_client(provider).get(f"/fhir/r4/Goal/{world.goal.pk}")
    assert response.status_code == 403
    assert OperationOutcome.model_validate(response.json()).issue[0].code == "forbidden"


def test_a_provider_with_consent_to_share_reads_the_goal():
    world = fhir_case()
    provider = provider_staff_on(world.case, Referral.Status.ACCEPTED, consent=True)
    assert token_client(provider).get(f"/fhir/r4/Goal/{world.goal.pk}").status_code == 200


@pytest.mark.parametrize(
    "path",
    [
        "/fhir/r4/Goal/999999",
        "/fhir/r4/Goal/abc",
        "/fhir/r4/Goal/012",
        "/fhir/r4/Observation/1-mood",
        "/fhir/r4/Observation/999999-physical",
        "/fhir/r4/Patient/999999",
        "/fhir/r4/Encounter/1",
    ],
)
def test_unknown_ids_and_types_are_404_outcomes(path):
    world = fhir_case()
    response = token_client(case_worker_of(world)).get(path)
    assert response.status_code == 404
    assert response["Content-Type"] == "application/fhir+json"
    OperationOutcome.model_validate(response.json())


def test_a_read_is_audited_as_a_view_of_the_record():
    world = fhir_case()
    user = case_worker_of(world)
    before = AuditEvent.objects.count()
    token_client(user).get(f"/fhir/r4/Goal/{world.goal.pk}")
    entries = list(AuditEvent.objects.order_by("pk")[before:].values("user", "action", "what", "object_id", "case"))
    assert entries == [
        {"user": user.pk, "action": "view", "what": "goals.goal", "object_id": world.goal.pk, "case": world.case.pk}
    ]


def test_a_patient_read_is_audited_as_a_view_of_the_person():
    world = fhir_case()
    user = case_worker_of(world)
    token_client(user).get(f"/fhir/r4/Patient/{world.case.person_id}")
    last = AuditEvent.objects.order_by("-pk").first()
    assert (last.action, last.what, last.object_id, last.person_id) == (
        "view",
        "people.person",
        world.case.person_id,
        world.case.person_id,
    )


def test_a_refused_read_is_audited_as_denied():
    world = fhir_case()
    outsider = stranger()
    token_client(outsider).get(f"/fhir/r4/Consent/{world.consent.pk}")
    last = AuditEvent.objects.order_by("-pk").first()
    assert (last.user_id, last.action, last.case_id) == (outsider.pk, "denied", world.case.pk)


@pytest.mark.parametrize("method", ["post", "put", "delete"])
def test_the_server_only_reads(method):
    world = fhir_case()
    response = getattr(token_client(case_worker_of(world)), method)(f"/fhir/r4/Goal/{world.goal.pk}")
    assert response.status_code == 405
    assert OperationOutcome.model_validate(response.json()).issue[0].code == "not-supported"
