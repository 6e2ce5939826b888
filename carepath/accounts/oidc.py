"""Login with a national eID through OpenID Connect: the extension point for real deployments.

On only when the CAREPATH_OIDC_* variables are set (carepath/settings/oidc.py). The eID proves who
someone is; it never creates an account. An administrator links an existing account by filling in
its `eid_subject`, and the login finds the account by the claim CAREPATH_OIDC_SUBJECT_CLAIM names.

An eID login at a level listed in CAREPATH_OIDC_ACR_VALUES (by default eIDAS substantial or high)
counts as the second factor: such eIDs already combine two factors. A lower level is refused.
"""

import logging
from typing import Any

from django.conf import settings
from django.contrib.auth.signals import user_logged_in
from django.db.models import QuerySet
from django.dispatch import receiver
from django.http import HttpRequest
from mozilla_django_oidc.auth import OIDCAuthenticationBackend

from carepath.accounts.models import User
from carepath.accounts.two_factor import EID_SESSION_KEY

log = logging.getLogger(__name__)


class EidBackend(OIDCAuthenticationBackend):  # type: ignore[misc]
    """Finds an active account by its eID subject; refuses unknown subjects and weak levels."""

    @property
    def subject_claim(self) -> str:
        return str(settings.CAREPATH_OIDC["subject_claim"])

    def verify_claims(self, claims: dict[str, Any]) -> bool:
        return bool(claims.get(self.subject_claim))

    def filter_users_by_claims(self, claims: dict[str, Any]) -> QuerySet[User]:
        subject = claims.get(self.subject_claim)
        if not subject:
            return User.objects.none()
        return User.objects.filter(eid_subject=str(subject), is_active=True)

    def describe_user_by_claims(self, claims: dict[str, Any]) -> str:
        # Goes into a log line: name the claim, never its value.
        return f"the {self.subject_claim} claim"

    def create_user(self, claims: dict[str, Any]) -> None:
        """An eID never creates an account (OIDC_CREATE_USER is off as well)."""
        return None

    def get_or_create_user(self, access_token: str, id_token: str, payload: dict[str, Any]) -> User | None:
        if not level_is_accepted(payload):
            log.warning("eID login refused: level of assurance not accepted")
            return None
        user = super().get_or_create_user(access_token, id_token, payload)
        if user is None:
            log.info("eID login refused: no active account linked to this eID")
            return None
        user.eid_second_factor = bool(settings.CAREPATH_OIDC["acr_values"])
        return user  # type: ignore[no-any-return]

    def get_user(self, user_id: int) -> User | None:
        # mozilla-django-oidc's get_user skips the is_active check ModelBackend makes: a locked
        # account's open session must stop at once whichever backend signed it in.
        user = super().get_user(user_id)
        return user if user is not None and self.user_can_authenticate(user) else None


def level_is_accepted(payload: dict[str, Any]) -> bool:
    """Whether the ID token's level of assurance (`acr`) is one we accept. No list: any level."""
    accepted = settings.CAREPATH_OIDC["acr_values"]
    return not accepted or payload.get("acr") in accepted


@receiver(user_logged_in)
def _eid_counts_as_second_factor(sender: type, request: HttpRequest, user: User, **kwargs: Any) -> None:
    if getattr(user, "eid_second_factor", False):
        request.session[EID_SESSION_KEY] = True
