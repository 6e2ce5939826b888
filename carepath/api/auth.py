"""`Authorization: Bearer <token>` for the REST API and the FHIR server (tokens: `carepath token create`)."""

from django.http import HttpRequest
from ninja.security import HttpBearer

from carepath.accounts.models import User
from carepath.api.services import user_for_token


class TokenAuth(HttpBearer):
    def authenticate(self, request: HttpRequest, token: str) -> User | None:
        user = user_for_token(token)
        if user is not None:
            request.user = user  # the access policy and the audit log read request.user, as in the UI
        return user
