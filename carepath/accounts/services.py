"""Administrators lock and unlock accounts."""

from axes.utils import reset as reset_login_failures

from carepath.accounts.models import User


def lock_accounts(*, users: list[User]) -> int:
    """Nobody can log in to a locked account, and its open sessions stop working at once.

    The session side needs nothing more: every request loads the user through the authentication
    backend, which refuses inactive users (see oidc.EidBackend.get_user for the eID backend).
    """
    return User.objects.filter(pk__in=[u.pk for u in users]).update(is_active=False)


def unlock_accounts(*, users: list[User]) -> int:
    """Open the accounts again, and forget their failed logins so django-axes lets them try at once."""
    for user in users:
        reset_login_failures(username=user.get_username())
    return User.objects.filter(pk__in=[u.pk for u in users]).update(is_active=True)
