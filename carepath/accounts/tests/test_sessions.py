"""A session ends after CAREPATH_SESSION_IDLE_SECONDS without a request, and when the browser closes."""

import datetime
from unittest import mock

import pytest
from django.contrib.sessions.models import Session
from django.urls import reverse
from django.utils import timezone

from carepath.testing.factories import UserFactory

pytestmark = pytest.mark.django_db

HOME = reverse("dashboard:home")


def test_session_settings():
    from carepath.settings import base

    assert base.SESSION_COOKIE_AGE == 1800 and base.CAREPATH_SESSION_REFRESH_SECONDS == 60
    assert base.SESSION_EXPIRE_AT_BROWSER_CLOSE
    assert "carepath.accounts.idle_sessions.IdleSessionMiddleware" in base.MIDDLEWARE


def _at(seconds_from_now):
    moment = timezone.now() + datetime.timedelta(seconds=seconds_from_now)
    return mock.patch("django.utils.timezone.now", return_value=moment)


def test_a_session_idle_longer_than_the_timeout_is_refused(client, settings):
    client.force_login(UserFactory())
    assert client.get(HOME).status_code == 200
    with _at(settings.SESSION_COOKIE_AGE + 60):
        response = client.get(HOME)
    assert response.status_code == 302 and response["Location"].startswith(reverse("login"))


def test_each_request_moves_the_end_of_the_session_forward(client, settings):
    client.force_login(UserFactory())
    idle = settings.SESSION_COOKIE_AGE
    with _at(idle * 2 // 3):
        assert client.get(HOME).status_code == 200
    with _at(idle * 4 // 3):  # longer than the timeout since login, shorter since the last request
        assert client.get(HOME).status_code == 200


def _session_ends(client):
    return Session.objects.get(session_key=client.session.session_key).expire_date


def test_requests_within_a_minute_do_not_write_the_session(client, settings):
    client.force_login(UserFactory())
    ends = _session_ends(client)
    with _at(settings.CAREPATH_SESSION_REFRESH_SECONDS - 5):
        assert client.get(HOME).status_code == 200
    assert _session_ends(client) == ends
    with _at(settings.CAREPATH_SESSION_REFRESH_SECONDS + 5):
        assert client.get(HOME).status_code == 200
    assert _session_ends(client) > ends


def test_a_session_idle_for_the_timeout_minus_the_refresh_interval_still_works(client, settings):
    """The end moves forward at most a minute late: the session lasts at least timeout - refresh."""
    client.force_login(UserFactory())
    with _at(settings.CAREPATH_SESSION_REFRESH_SECONDS - 1):
        assert client.get(HOME).status_code == 200  # not pushed forward: within the minute
    with _at(settings.SESSION_COOKIE_AGE - 2):
        assert client.get(HOME).status_code == 200


def test_logging_out_leaves_no_session_behind(client):
    client.force_login(UserFactory())
    client.post(reverse("logout"))
    assert not Session.objects.exists()
