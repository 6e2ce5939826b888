"""Errors as RFC 9457 problem details: `application/problem+json` with type, title, status, detail.

Every error the API answers goes through here, so a client handles one shape. The detail never
holds personal data: ids and field names only.
"""

from http import HTTPStatus
from typing import Any

from django.core.exceptions import PermissionDenied
from django.http import Http404, HttpRequest, HttpResponse, JsonResponse
from ninja import NinjaAPI
from ninja.errors import AuthenticationError, HttpError, ValidationError

from carepath.core.concurrency import StaleEdit

CONTENT_TYPE = "application/problem+json"


def problem(status: int, detail: str = "", **extra: Any) -> HttpResponse:
    body = {"type": "about:blank", "title": HTTPStatus(status).phrase, "status": status, **extra}
    if detail:
        body["detail"] = detail
    response = JsonResponse(body, status=status, content_type=CONTENT_TYPE)
    if status == 401:
        response["WWW-Authenticate"] = 'Bearer realm="carepath"'
    return response


def install(api: NinjaAPI) -> None:
    """Answer every error of `api` as problem details."""

    @api.exception_handler(AuthenticationError)
    def unauthenticated(request: HttpRequest, exc: Exception) -> HttpResponse:
        return problem(401, "Send a valid token: Authorization: Bearer <token>.")

    @api.exception_handler(PermissionDenied)
    def forbidden(request: HttpRequest, exc: Exception) -> HttpResponse:
        return problem(403, "Your role may not do this.")

    @api.exception_handler(Http404)
    def not_found(request: HttpRequest, exc: Exception) -> HttpResponse:
        return problem(404, "No such record, or not one you may see.")

    @api.exception_handler(StaleEdit)
    def conflict(request: HttpRequest, exc: Exception) -> HttpResponse:
        return problem(409, "Someone changed the record since you read it: read it again.")

    @api.exception_handler(ValidationError)
    def invalid(request: HttpRequest, exc: ValidationError) -> HttpResponse:
        errors = [{"loc": list(e.get("loc", [])), "msg": str(e.get("msg", ""))} for e in exc.errors]
        return problem(422, "The request is not valid.", errors=errors)

    @api.exception_handler(HttpError)
    def http_error(request: HttpRequest, exc: HttpError) -> HttpResponse:
        return problem(exc.status_code, str(exc))
