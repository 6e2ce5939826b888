"""The idle timeout: a session ends after CAREPATH_SESSION_IDLE_SECONDS without a request.

Django's SESSION_SAVE_EVERY_REQUEST would write the session row on every request (three queries
and a write lock on SQLite, on every page). Here a request pushes the session's end forward only
when the last push is older than CAREPATH_SESSION_REFRESH_SECONDS (a minute): the session then
ends between that much and the full timeout after the last request, never later.
"""

from collections.abc import Callable
from typing import Any

from django.conf import settings
from django.contrib.auth.signals import user_logged_in
from django.dispatch import receiver
from django.http import HttpRequest, HttpResponse
from django.utils import timezone

REFRESHED_AT = "carepath_refreshed_at"  # session key: when the session's end was last pushed forward


def _now() -> int:
    return int(timezone.now().timestamp())


def mark_refreshed(request: HttpRequest) -> None:
    request.session[REFRESHED_AT] = _now()  # setting a key makes SessionMiddleware save the session


class IdleSessionMiddleware:
    """After SessionMiddleware: marks the session for saving when its end is due to be pushed forward."""

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        response = self.get_response(request)
        session = request.session
        # No key: no session to keep alive (a visitor, or one who just logged out).
        if session.session_key and not session.is_empty():
            if _now() - session.get(REFRESHED_AT, 0) >= settings.CAREPATH_SESSION_REFRESH_SECONDS:
                mark_refreshed(request)
        return response


@receiver(user_logged_in)
def _refreshed_at_login(sender: type, request: HttpRequest, user: Any, **kwargs: Any) -> None:
    mark_refreshed(request)  # login saves the session anyway
