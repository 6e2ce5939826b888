"""Every endpoint: 401 without a valid token, 404 for staff with no relation to the case (audited as
denied, nothing written), errors as problem details."""

import pytest
from django.utils import timezone

from carepath.api.models import ApiToken
from carepath.api.tests.client import ApiClient, api_as
from carepath.testing import factories as f
from carepath.testing.roles import stranger

pytestmark = pytest.mark.django_db

# (method, path with the world's ids filled in by _path, a valid body for writes)
ROUTES = [
    ("get", "/cases", None),
    ("get", "/cases/{case}", None),
    ("get", "/cases/{case}/person", None),
    ("get", "/cases/{case}/consents", None),
    (
        "post",
        "/cases/{case}/consents",
        {
            "given_by": "Maria",
            "relation": "mother",
            "scope": "intervention",
            "method": "in_person",
            "given_on": "2025-01-02",
        },
    ),
    ("get", "/cases/{case}/assessments", None),
    (
        "post",
        "/cases/{case}/assessments",
        {"assessed_on": "2025-01-02", "physical_level": 1, "communication_level": 2, "social_level": 0},
    ),
    ("get", "/cases/{case}/goals", None),
    (
        "post",
        "/cases/{case}/goals",
        {
            "citizen_words": "A job",
            "title": "Work two days a week",
            "indicator": "Days worked",
            "target": "Two days",
            "due_on": "2099-01-01",
            "life_domain": "work",
            "proposed_by": "citizen",
        },
    ),
    ("get", "/goals/{goal}", None),
    ("patch", "/goals/{goal}", {"status": "achieved", "version": 1}),
    ("get", "/goals/{goal}/steps", None),
    ("post", "/goals/{goal}/steps", {"what": "Buy a ticket", "who": "Jonas", "due_on": "2099-01-01"}),
    ("get", "/steps/{step}", None),
    ("patch", "/steps/{step}", {"status": "done", "version": 1}),
    ("get", "/cases/{case}/referrals", None),
    ("get", "/cases/{case}/notes", None),
    ("post", "/cases/{case}/notes", {"text": "We met."}),
    ("get", "/cases/{case}/evaluations", None),
]
IDS = [f"{method} {path}" for method, path, _ in ROUTES]
OF_A_CASE = [route for route in ROUTES if "{" in route[1]]


@pytest.fixture
def world():
    case = f.CaseFactory.create()
    goal = f.GoalFactory.create(case=case)
    step = f.StepFactory.create(goal=goal)
    return {"case": case.pk, "goal": goal.pk, "step": step.pk}


def _call(api: ApiClient, method: str, path: str, body: object, world: dict[str, int]):
    url = path.format(**world)
    return api.get(url) if method == "get" else getattr(api, method)(url, body)


@pytest.mark.parametrize(("method", "path", "body"), ROUTES, ids=IDS)
def test_without_a_token_every_endpoint_answers_401_as_a_problem(method, path, body, world):
    response = _call(api_as(None), method, path, body, world)
    assert response.status_code == 401
    assert response["Content-Type"] == "application/problem+json"
    assert response["WWW-Authenticate"] == 'Bearer realm="carepath"'
    assert response.json()["status"] == 401


@pytest.mark.parametrize("token", ["", "not-a-token", "revoked", "citizen", "locked"])
def test_only_an_active_staff_token_is_accepted(token, world):
    worker = f.CaseFactory.create().signal.received_by
    api = api_as(worker)
    if token == "revoked":
        ApiToken.objects.update(revoked_at=timezone.now())
    elif token == "citizen":
        api = api_as(f.CitizenFactory.create())
    elif token == "locked":
        worker.is_active = False
        worker.save(update_fields=["is_active"])
    else:
        api = ApiClient(None, token=token)
    assert api.get("/cases").status_code == 401


def test_a_good_token_is_accepted_and_its_use_remembered():
    worker = f.CaseFactory.create().signal.received_by
    response = api_as(worker).get("/cases")
    assert response.status_code == 200
    assert ApiToken.objects.get().last_used_at is not None


@pytest.mark.parametrize(("method", "path", "body"), OF_A_CASE, ids=[f"{m} {p}" for m, p, _ in OF_A_CASE])
def test_staff_with_no_relation_to_the_case_get_404_and_change_nothing(method, path, body, world, audit_mark):
    response = _call(api_as(stranger()), method, path, body, world)
    assert response.status_code == 404
    assert response["Content-Type"] == "application/problem+json"
    assert response.json()["title"] == "Not Found"
    written = audit_mark()
    assert [action for action, *_ in written] == ["denied"]  # the refusal, and nothing else
    assert written[0][3] == world["case"]


def test_an_unknown_id_is_a_404_without_an_audit_entry(worker, audit_mark):
    api = api_as(worker)
    for path in ("/cases/999999", "/goals/999999", "/steps/999999", "/cases/99999999999999999999999"):
        assert api.get(path).status_code == 404, path
    assert audit_mark() == []


def test_an_invalid_body_is_a_422_problem_naming_the_field(case, worker):
    response = api_as(worker).post(f"/cases/{case.pk}/notes", {"text": ""})
    assert response.status_code == 422
    problem = response.json()
    assert problem["title"] == "Unprocessable Entity"
    assert [error["loc"] for error in problem["errors"]] == [["body", "payload", "text"]]
