"""A test client that calls the API with a real token, through the whole middleware stack."""

import json
from typing import Any

from django.test import Client

from carepath.accounts.models import User
from carepath.api.services import create_token

PREFIX = "/api/v1"


class ApiClient:
    def __init__(self, user: User | None, *, token: str | None = None) -> None:
        self.client = Client()
        self.token = token or (create_token(user=user, name="tests") if user is not None else "")

    def _headers(self) -> dict[str, str]:
        return {"Authorization": f"Bearer {self.token}"} if self.token else {}

    def get(self, path: str, **params: Any) -> Any:
        return self.client.get(PREFIX + path, params, headers=self._headers())

    def post(self, path: str, body: Any) -> Any:
        return self.client.post(
            PREFIX + path, json.dumps(body, default=str), "application/json", headers=self._headers()
        )

    def patch(self, path: str, body: Any) -> Any:
        return self.client.patch(
            PREFIX + path, json.dumps(body, default=str), "application/json", headers=self._headers()
        )


def api_as(user: User | None) -> ApiClient:
    return ApiClient(user)
