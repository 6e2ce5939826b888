"""A session ends after CAREPATH_SESSION_IDLE_SECONDS without a request, and when the browser closes."""

import datetime
from unittest import mock

import pytest
from django.urls import reverse
from django.utils import timezone

from carepath.testing.factories import UserFactory

pytestmark = pytest.mark.django_db

HOME = reverse("dashboard:home")


def test_session_settings():
    from carepath.settings import base

    assert base.SESSION_COOKIE_AGE == 1800
    assert base.SESSION_SAVE_EVERY_REQUEST and base.SESSION_EXPIRE_AT_BROWSER_CLOSE


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
