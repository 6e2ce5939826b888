"""Answers in FHIR's JSON: resources, searchset bundles, and errors as OperationOutcome."""

from collections.abc import Sequence

from django.http import HttpResponse
from fhir.resources.R4B.bundle import Bundle
from fhir.resources.R4B.operationoutcome import OperationOutcome
from fhir.resources.R4B.resource import Resource

CONTENT_TYPE = "application/fhir+json"


def resource_response(resource: Resource, status: int = 200) -> HttpResponse:
    return HttpResponse(resource.model_dump_json(), status=status, content_type=CONTENT_TYPE)


def outcome(status: int, code: str, diagnostics: str) -> HttpResponse:
    """An OperationOutcome with one error; `diagnostics` names no person, only what went wrong."""
    issue = {"severity": "error", "code": code, "diagnostics": diagnostics}
    response = resource_response(OperationOutcome.model_validate({"issue": [issue]}), status)
    if status == 401:
        response["WWW-Authenticate"] = 'Bearer realm="carepath"'
    return response


def searchset(resources: Sequence[Resource], *, self_url: str, full_url: dict[str, str]) -> Bundle:
    """A search's answer; `full_url` gives each resource's absolute URL, keyed "Type/id"."""
    entries = [
        {
            "fullUrl": full_url[f"{resource.get_resource_type()}/{resource.id}"],
            "resource": resource,
            "search": {"mode": "match"},
        }
        for resource in resources
    ]
    return Bundle.model_validate(
        {"type": "searchset", "total": len(entries), "link": [{"relation": "self", "url": self_url}], "entry": entries}
    )
