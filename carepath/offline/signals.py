from typing import Any

from django.contrib.auth.signals import user_logged_out
from django.dispatch import receiver
from django.http import HttpRequest

from carepath.accounts.models import User
from carepath.offline import devices


@receiver(user_logged_out)
def destroy_key_at_logout(sender: Any, request: HttpRequest | None, user: User | None, **kwargs: Any) -> None:
    """What this browser took along can no longer be opened once its user signs out."""
    if request is not None and isinstance(user, User):
        devices.signed_out(user, request.COOKIES.get(devices.COOKIE))
