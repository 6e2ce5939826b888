"""Signing in for tests: a test client that also passes the second step, and TOTP codes on demand.

Most tests are about what a signed-in user may see or do, not about logging in, so the root
conftest's `client` is a TwoStepClient: `force_login` and `login` leave the session verified the
way django-otp's `otp_login` does after a right code. Tests of the login itself use a plain
`django.test.Client` and `totp_code`.
"""

from typing import Any

from django.contrib.auth import authenticate
from django.test import Client, RequestFactory
from django_otp import DEVICE_ID_SESSION_KEY
from django_otp.plugins.otp_totp.models import TOTPDevice

from carepath.accounts import two_factor
from carepath.accounts.models import User


def confirmed_authenticator(user: User) -> TOTPDevice:
    """The user's authenticator app, set up and confirmed (made if they have none)."""
    device = TOTPDevice.objects.filter(user=user, confirmed=True).order_by("-pk").first()
    return device or TOTPDevice.objects.create(user=user, name="Test authenticator", confirmed=True)


def totp_code(device: TOTPDevice) -> str:
    """The code the user's app shows now; the next one if this one was already used (codes work once)."""
    return two_factor.code_shown_by(device)


def wrong_code(device: TOTPDevice) -> str:
    right = totp_code(device)
    return next(c for c in ("000000", "111111", "222222") if c != right)


def pass_second_step(client: Client, user: User) -> None:
    """Mark the client's session as two-step verified, as a right code would (nothing for a citizen without it)."""
    if not two_factor.requires_second_factor(user):
        return
    session = client.session
    session[DEVICE_ID_SESSION_KEY] = confirmed_authenticator(user).persistent_id
    session.save()


class TwoStepClient(Client):
    """A test client whose force_login() and login() also pass the second step of the login."""

    def login(self, **credentials: Any) -> bool:
        # django-axes needs the request to count failures; Client.login passes none.
        request = RequestFactory().post("/accounts/login/")
        user = authenticate(request, **credentials)
        if user is None:
            return False
        self._login(user)
        return True

    def _login(self, user: Any, backend: str | None = None) -> None:
        super()._login(user, backend)  # type: ignore[misc]
        pass_second_step(self, user)
