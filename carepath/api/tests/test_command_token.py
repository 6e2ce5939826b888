"""`carepath token create|list|revoke`: a token printed once, listed by its first characters, revoked at once."""

from io import StringIO

import pytest
from django.core.management import CommandError, call_command

from carepath.api.models import ApiToken
from carepath.api.services import user_for_token
from carepath.testing.factories import CitizenFactory, UserFactory

pytestmark = pytest.mark.django_db


def _run(*args: str) -> str:
    out = StringIO()
    call_command("token", *args, stdout=out)
    return out.getvalue().strip()


def test_a_created_token_works_is_listed_and_stops_when_revoked():
    worker = UserFactory()
    token = _run("create", worker.username, "--name", "Old case system")
    assert user_for_token(token) == worker
    stored = ApiToken.objects.get(user=worker)
    assert token not in (stored.key_hash, stored.prefix) and stored.prefix == token[:8]  # only a hash is kept
    assert f"{token[:8]}  active" in _run("list", worker.username)
    assert _run("revoke", token[:8]) == "Revoked."
    assert user_for_token(token) is None
    assert "revoked" in _run("list", worker.username)


def test_revoking_an_unknown_prefix_or_creating_for_a_citizen_is_refused():
    with pytest.raises(CommandError):
        _run("revoke", "nosuchpr")
    with pytest.raises(CommandError):
        _run("create", CitizenFactory().username)
