"""The OpenAPI document tells the truth: every operation, its errors as problem details, the models' choices."""

from typing import get_args

import jsonschema
import pytest
from django.test import Client

from carepath.api.routers import PROBLEM_CONTENT_TYPE, PROBLEM_SCHEMA
from carepath.api.schemas import cases, common, consents, evaluations, goals, plans, referrals
from carepath.api.tests.client import api_as
from carepath.cases.models import Case
from carepath.consents.models import Consent
from carepath.core.choices import LifeDomain
from carepath.evaluations.models import GoalAttainment
from carepath.goals.models import Goal
from carepath.plans.models import Step, StepAttachment
from carepath.referrals.models import Referral
from carepath.testing import factories as f

OPERATIONS = {
    ("get", "/api/v1/cases"),
    ("get", "/api/v1/cases/{case_id}"),
    ("get", "/api/v1/cases/{case_id}/person"),
    ("get", "/api/v1/cases/{case_id}/consents"),
    ("post", "/api/v1/cases/{case_id}/consents"),
    ("get", "/api/v1/cases/{case_id}/assessments"),
    ("post", "/api/v1/cases/{case_id}/assessments"),
    ("get", "/api/v1/cases/{case_id}/goals"),
    ("post", "/api/v1/cases/{case_id}/goals"),
    ("get", "/api/v1/goals/{goal_id}"),
    ("patch", "/api/v1/goals/{goal_id}"),
    ("get", "/api/v1/goals/{goal_id}/steps"),
    ("post", "/api/v1/goals/{goal_id}/steps"),
    ("get", "/api/v1/steps/{step_id}"),
    ("patch", "/api/v1/steps/{step_id}"),
    ("get", "/api/v1/cases/{case_id}/referrals"),
    ("get", "/api/v1/cases/{case_id}/notes"),
    ("post", "/api/v1/cases/{case_id}/notes"),
    ("get", "/api/v1/cases/{case_id}/evaluations"),
}


@pytest.fixture(scope="module")
def document() -> dict:
    response = Client().get("/api/v1/openapi.json")
    assert response.status_code == 200
    return response.json()


def _operations(document: dict) -> dict[tuple[str, str], dict]:
    return {(method, path): op for path, item in document["paths"].items() for method, op in item.items()}


def test_the_document_is_served_without_a_token_and_names_every_operation(document):
    assert OPERATIONS <= set(_operations(document))
    assert document["components"]["securitySchemes"]["TokenAuth"] == {"type": "http", "scheme": "bearer"}


def test_every_operation_needs_the_token_and_declares_its_errors_as_problem_details(document):
    for (method, path), operation in _operations(document).items():
        if (method, path) not in OPERATIONS:
            continue  # another area's endpoints
        assert operation["security"] == [{"TokenAuth": []}], path
        errors = {code: r for code, r in operation["responses"].items() if code.startswith("4")}
        assert {"401", "422"} <= set(errors), (method, path)
        if "{" in path:
            assert "404" in errors, (method, path)
        for code, response in errors.items():
            assert response["content"] == {PROBLEM_CONTENT_TYPE: {"schema": PROBLEM_SCHEMA}}, (method, path, code)
        successes = [r for code, r in operation["responses"].items() if code.startswith("2")]
        assert len(successes) == 1 and list(successes[0]["content"]) == ["application/json"], (method, path)


def test_only_the_versioned_changes_declare_a_conflict(document):
    conflicts = {key for key, op in _operations(document).items() if "409" in op["responses"]}
    assert conflicts == {("patch", "/api/v1/steps/{step_id}"), ("patch", "/api/v1/goals/{goal_id}")}


@pytest.mark.django_db
def test_the_problems_the_api_answers_match_the_declared_schema():
    api = api_as(f.CaseFactory.create().signal.received_by)
    answers = [
        api_as(None).get("/cases"),
        api.get("/cases/0"),
        api.get("/cases", limit=1000),
    ]
    for answer in answers:
        assert answer["Content-Type"] == PROBLEM_CONTENT_TYPE
        jsonschema.validate(answer.json(), PROBLEM_SCHEMA)
    assert [a.status_code for a in answers] == [401, 404, 422]


@pytest.mark.parametrize(
    ("literal", "choices"),
    [
        (cases.CaseStatus, Case.Status),
        (cases.CaseOutcome, Case.Outcome),
        (common.LifeDomain, LifeDomain),
        (consents.ConsentScope, Consent.Scope),
        (consents.ConsentMethod, Consent.Method),
        (goals.GoalStatus, Goal.Status),
        (goals.ProposedBy, Goal.ProposedBy),
        (plans.StepStatus, Step.Status),
        (plans.SupportKind, StepAttachment.Kind),
        (referrals.ReferralStatus, Referral.Status),
        (evaluations.AttainmentLevel, GoalAttainment.Level),
    ],
)
def test_the_documented_choices_are_the_models_choices(literal, choices):
    assert list(get_args(literal)) == list(choices.values)
