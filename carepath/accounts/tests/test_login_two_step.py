"""The two-step login with a plain test client: password, then a code from the authenticator app."""

import pytest
from django.test import Client
from django.urls import reverse

from carepath.accounts.models import Role
from carepath.testing.auth import confirmed_authenticator, totp_code, wrong_code
from carepath.testing.factories import UserFactory

pytestmark = pytest.mark.django_db

HOME = reverse("dashboard:home")


def _password_step(client, user):
    return client.post(reverse("login"), {"username": user.username, "password": "pw"})


def test_staff_password_alone_does_not_reach_the_dashboard():
    client = Client()
    user = UserFactory()
    confirmed_authenticator(user)
    response = _password_step(client, user)
    assert response.status_code == 302 and response["Location"].startswith(reverse("two_factor"))
    page = client.get(HOME)
    assert page.status_code == 302 and page["Location"].startswith(reverse("two_factor"))


def test_staff_with_the_right_code_reaches_the_dashboard():
    client = Client()
    user = UserFactory()
    device = confirmed_authenticator(user)
    _password_step(client, user)
    response = client.post(reverse("two_factor"), {"code": totp_code(device), "next": HOME})
    assert response.status_code == 302 and response["Location"] == HOME
    assert client.get(HOME).status_code == 200


def test_a_wrong_code_is_refused_and_shown_with_the_input_kept():
    client = Client()
    user = UserFactory()
    device = confirmed_authenticator(user)
    _password_step(client, user)
    code = wrong_code(device)
    response = client.post(reverse("two_factor"), {"code": code})
    assert response.status_code == 200
    body = response.content.decode()
    assert "The code is not right" in body and f'value="{code}"' in body
    assert client.get(HOME).status_code == 302


def test_a_code_that_is_not_six_digits_gets_a_plain_error():
    client = Client()
    user = UserFactory()
    confirmed_authenticator(user)
    _password_step(client, user)
    response = client.post(reverse("two_factor"), {"code": "12ab"})
    assert "Enter the code as 6 digits" in response.content.decode()


def test_wrong_codes_are_throttled():
    client = Client()
    user = UserFactory()
    device = confirmed_authenticator(user)
    _password_step(client, user)
    client.post(reverse("two_factor"), {"code": wrong_code(device)})
    # Even the right code waits: django-otp doubles the wait after each failure.
    response = client.post(reverse("two_factor"), {"code": totp_code(device)})
    assert "Too many wrong codes" in response.content.decode()
    assert client.get(HOME).status_code == 302


def test_staff_without_an_app_is_taken_to_set_one_up_and_confirms_it_with_a_code():
    client = Client()
    user = UserFactory()
    response = _password_step(client, user)
    assert response["Location"].startswith(reverse("two_factor_setup"))
    page = client.get(response["Location"])
    body = page.content.decode()
    assert "<svg" in body and 'class="cp-qr-code"' in body and 'id="secret"' in body
    from django_otp.plugins.otp_totp.models import TOTPDevice

    pending = TOTPDevice.objects.get(user=user, confirmed=False)
    assert client.get(HOME)["Location"].startswith(reverse("two_factor_setup"))
    response = client.post(reverse("two_factor_setup"), {"code": totp_code(pending), "next": HOME})
    assert response["Location"] == HOME
    assert client.get(HOME).status_code == 200
    assert TOTPDevice.objects.get(user=user).confirmed


def test_the_setup_page_keeps_the_same_secret_until_it_is_confirmed():
    client = Client()
    user = UserFactory()
    _password_step(client, user)
    first = client.get(reverse("two_factor_setup")).context["secret"]
    assert client.get(reverse("two_factor_setup")).context["secret"] == first


def test_a_citizen_without_an_app_gets_in_with_the_password():
    client = Client()
    citizen = UserFactory(role=Role.CITIZEN, unit=None)
    response = _password_step(client, citizen)
    assert response.status_code == 302
    assert not response["Location"].startswith("/accounts/two-factor")
    assert client.get(reverse("two_factor_setup")).status_code == 200  # they may turn it on


def test_a_citizen_with_an_app_is_asked_for_the_code():
    client = Client()
    citizen = UserFactory(role=Role.CITIZEN, unit=None)
    device = confirmed_authenticator(citizen)
    response = _password_step(client, citizen)
    assert response["Location"].startswith(reverse("two_factor"))
    response = client.post(reverse("two_factor"), {"code": totp_code(device)})
    assert response.status_code == 302 and not response["Location"].startswith("/accounts/")


def test_logout_stays_reachable_before_the_second_step():
    client = Client()
    user = UserFactory()
    confirmed_authenticator(user)
    _password_step(client, user)
    response = client.post(reverse("logout"))
    assert response.status_code == 302 and response["Location"] == reverse("login")


def test_the_admin_login_does_not_skip_the_second_step():
    client = Client()
    user = UserFactory(role=Role.ADMINISTRATOR, is_staff=True, is_superuser=True)
    confirmed_authenticator(user)
    client.post(reverse("admin:login"), {"username": user.username, "password": "pw"})
    response = client.get(reverse("admin:index"))
    assert response.status_code == 302 and response["Location"].startswith(reverse("two_factor"))


def test_next_outside_the_site_is_ignored():
    client = Client()
    user = UserFactory()
    device = confirmed_authenticator(user)
    _password_step(client, user)
    response = client.post(reverse("two_factor"), {"code": totp_code(device), "next": "https://evil.example/"})
    assert response["Location"] == HOME


def test_the_test_client_fixture_passes_the_second_step(client):
    client.force_login(UserFactory())
    assert client.get(HOME).status_code == 200
