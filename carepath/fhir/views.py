"""The FHIR R4 server at /fhir/r4/: read (GET Type/id), search by patient (GET Type?patient=id), metadata.

Authentication is the REST API's token (`Authorization: Bearer <token>`); a session does not count.
Errors are OperationOutcome resources; their text names no person.
"""

from collections.abc import Callable
from typing import Any

from django.core.exceptions import PermissionDenied
from django.http import Http404, HttpRequest, HttpResponse
from django.urls import reverse
from django.utils import translation
from django.views.decorators.csrf import csrf_exempt

from carepath.accounts.models import User
from carepath.api.auth import TokenAuth
from carepath.fhir import selectors
from carepath.fhir.capability import capability_statement
from carepath.fhir.responses import outcome, resource_response, searchset

# The search parameters naming the person, per type (FHIR's own names); other parameters are ignored.
PATIENT_PARAMETERS = ("patient", "subject")


def fhir_endpoint(view: Callable[..., HttpResponse]) -> Callable[..., HttpResponse]:
    """GET only, with a valid token (the view gets its user); the policy's refusals become OperationOutcomes.

    Code displays are the code systems' own (English), whatever language the request asks for.
    """

    @csrf_exempt  # nothing is written; an unsafe method gets its 405 as an OperationOutcome
    def wrapped(request: HttpRequest, resource_type: str, **kwargs: Any) -> HttpResponse:
        if request.method != "GET":
            return outcome(405, "not-supported", "This server only reads: use GET.")
        user = TokenAuth()(request)
        if user is None:
            return outcome(401, "login", "Send a valid token: Authorization: Bearer <token>.")
        if resource_type not in selectors.TYPES:
            return outcome(404, "not-supported", f"This server serves {', '.join(selectors.TYPES)}.")
        try:
            with translation.override("en"):
                return view(request, user, resource_type, **kwargs)
        except Http404:
            return outcome(404, "not-found", "No such resource, or not one you may see.")
        except PermissionDenied:
            return outcome(403, "forbidden", "Only what a referral needs is shared with your organisation.")

    return wrapped


@fhir_endpoint
def read(request: HttpRequest, user: User, resource_type: str, resource_id: str) -> HttpResponse:
    return resource_response(selectors.read(user, resource_type, resource_id))


@fhir_endpoint
def search(request: HttpRequest, user: User, resource_type: str) -> HttpResponse:
    names = ("_id",) if resource_type == "Patient" else PATIENT_PARAMETERS
    given = [request.GET[name] for name in names if request.GET.get(name)]
    if len(given) != 1:
        return outcome(400, "required", f"Search {resource_type} by one of: {', '.join(names)}.")
    patient_id = (
        given[0].rsplit("Patient/", 1)[-1] if resource_type != "Patient" else given[0]
    )  # 12, Patient/12 or a URL
    resources = selectors.search(user, resource_type, patient_id)
    urls = {
        f"{r.get_resource_type()}/{r.id}": request.build_absolute_uri(
            reverse("fhir:read", kwargs={"resource_type": r.get_resource_type(), "resource_id": r.id})
        )
        for r in resources
    }
    return resource_response(searchset(resources, self_url=request.build_absolute_uri(), full_url=urls))


@csrf_exempt
def metadata(request: HttpRequest) -> HttpResponse:
    """What this server can do; open to everyone, as FHIR clients ask it before they authenticate."""
    if request.method != "GET":
        return outcome(405, "not-supported", "This server only reads: use GET.")
    base_url = request.build_absolute_uri(reverse("fhir:metadata")).removesuffix("metadata")
    return resource_response(capability_statement(base_url=base_url))
