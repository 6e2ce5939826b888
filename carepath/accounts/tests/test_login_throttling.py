"""django-axes pauses logins after too many wrong passwords for one user name from one address."""

import pytest
from django.test import Client
from django.urls import reverse

from carepath.accounts.throttling import client_address
from carepath.testing.factories import UserFactory

pytestmark = pytest.mark.django_db


def _try(client, username, password):
    return client.post(reverse("login"), {"username": username, "password": password})


def test_after_the_limit_even_the_right_password_meets_a_clear_page(settings):
    settings.AXES_FAILURE_LIMIT = 3
    user = UserFactory()
    client = Client()
    for _ in range(2):
        assert _try(client, user.username, "wrong").status_code == 200
    response = _try(client, user.username, "wrong")
    assert response.status_code == 429
    response = _try(client, user.username, "pw")
    assert response.status_code == 429
    body = response.content.decode()
    assert "Too many tries" in body and "Try again in 15 minutes" in body
    assert user.username not in body
    assert "_auth_user_id" not in client.session


def test_failures_for_one_user_name_do_not_pause_another(settings):
    settings.AXES_FAILURE_LIMIT = 2
    victim, other = UserFactory(), UserFactory()
    client = Client()
    for _ in range(2):
        _try(client, victim.username, "wrong")
    assert _try(client, other.username, "pw").status_code == 302


def test_limit_and_pause_come_from_the_environment():
    from carepath.settings import base

    assert base.AXES_FAILURE_LIMIT == 5 and base.AXES_COOLOFF_TIME.total_seconds() == 15 * 60
    assert base.AXES_LOCKOUT_PARAMETERS == [["username", "ip_address"]]


def test_client_address_trusts_only_our_own_proxies(rf, settings):
    request = rf.get("/", HTTP_X_FORWARDED_FOR="6.6.6.6, 203.0.113.7", REMOTE_ADDR="10.0.0.1")
    settings.CAREPATH_PROXY_COUNT = 0
    assert client_address(request) == "10.0.0.1"
    settings.CAREPATH_PROXY_COUNT = 1
    assert client_address(request) == "203.0.113.7"
