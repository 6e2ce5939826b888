"""The REST API's routers, one module per area; `carepath/api/api.py` mounts them at /api/v1/.

Each endpoint does what the matching UI view does: it reaches the record through
`carepath.access.policy` (404 for a stranger, 403 beyond their rights, a `view` in the audit log),
then reads with the app's selectors or writes with the app's services, which audit their changes.
"""

from http import HTTPStatus
from typing import Any, NoReturn

from django.http import HttpRequest
from ninja.errors import ValidationError

from carepath.accounts.models import User
from carepath.api.schemas.common import ProblemDetails

PROBLEM_CONTENT_TYPE = "application/problem+json"


def _inline(schema: dict[str, Any], defs: dict[str, Any]) -> Any:
    """The JSON schema with its local `$ref`s replaced by what they point to (one self-contained schema)."""
    if isinstance(schema, dict):
        ref = schema.get("$ref", "")
        if ref.startswith("#/$defs/"):
            return _inline(defs[ref.removeprefix("#/$defs/")], defs)
        return {key: _inline(value, defs) for key, value in schema.items() if key != "$defs"}
    if isinstance(schema, list):
        return [_inline(item, defs) for item in schema]
    return schema


def _problem_schema() -> dict[str, Any]:
    schema = ProblemDetails.model_json_schema(mode="serialization")
    return _inline(schema, schema.get("$defs", {}))


PROBLEM_SCHEMA = _problem_schema()

WHEN = {
    401: "No token, or a token that is unknown, revoked or of a locked account",
    403: "The case is visible but your role may not do this (e.g. a provider without consent to share)",
    404: "No such record, or not one you may see",
    409: "Someone changed the record since you read it: read it again and send the new version",
    422: "The request is not valid: `errors` says where",
}


def problems(*codes: int) -> dict[str, Any]:
    """The `openapi_extra` that documents the error answers an endpoint gives, as problem details.

    Errors are written by `carepath/api/problems.py` as `application/problem+json`; ninja's own
    `response=` would document them as `application/json`, so they are declared here instead.
    """
    every = sorted({401, 422, *codes})
    return {
        "responses": {
            code: {
                "description": f"{HTTPStatus(code).phrase}: {WHEN[code]}",
                "content": {PROBLEM_CONTENT_TYPE: {"schema": PROBLEM_SCHEMA}},
            }
            for code in every
        }
    }


def user_of(request: HttpRequest) -> User:
    """The token's user (carepath/api/auth.py), whom the policy and the audit log act for."""
    assert isinstance(request.auth, User)  # type: ignore[attr-defined]  # set by ninja's auth
    return request.auth  # type: ignore[attr-defined]


class With:
    """A record seen with a few more attributes, for a schema that shows what the policy says of it,
    without setting anything on the record itself."""

    def __init__(self, record: object, **more: object) -> None:
        self._record = record
        self.__dict__.update(more)

    def __getattr__(self, name: str) -> Any:
        return getattr(self._record, name)


def invalid(field: str, message: str) -> NoReturn:
    """Refuse the request body's `field` with 422, the way a rule of the UI's form refuses it."""
    raise ValidationError([{"loc": ["body", "payload", field], "msg": message}])
