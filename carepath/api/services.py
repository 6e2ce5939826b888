"""Creating and checking API tokens."""

import secrets

from django.db.models import Q
from django.utils import timezone

from carepath.accounts.models import STAFF_ROLES, User
from carepath.api.models import ApiToken, digest


def create_token(*, user: User, name: str) -> str:
    """A new token for `user`; returns the token itself, which is not stored and cannot be shown again."""
    token = secrets.token_urlsafe(32)
    ApiToken.objects.create(user=user, name=name, key_hash=digest(token), prefix=token[:8])
    return token


def revoke_token(*, prefix: str) -> int:
    """Revoke the one active token starting with `prefix`; returns how many matched (nothing is
    revoked unless exactly one does)."""
    active = ApiToken.objects.filter(prefix=prefix, revoked_at__isnull=True)
    if active.count() != 1:
        return active.count()
    return active.update(revoked_at=timezone.now())


def user_for_token(token: str) -> User | None:
    """The active staff user the token belongs to, or None (unknown, revoked, or the account locked)."""
    found = (
        ApiToken.objects.select_related("user")
        .filter(Q(revoked_at__isnull=True), key_hash=digest(token), user__is_active=True)
        .first()
    )
    if found is None or found.user.role not in STAFF_ROLES:
        return None
    ApiToken.objects.filter(pk=found.pk).update(last_used_at=timezone.now())
    return found.user
