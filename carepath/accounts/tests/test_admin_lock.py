"""Administrators lock and unlock accounts, and reset two-step login, from the user list."""

import pytest
from axes.models import AccessAttempt
from django.test import Client
from django.urls import reverse
from django_otp.plugins.otp_totp.models import TOTPDevice

from carepath.accounts.models import Role
from carepath.testing.auth import TwoStepClient
from carepath.testing.factories import UserFactory

pytestmark = pytest.mark.django_db

CHANGELIST = reverse("admin:accounts_user_changelist")
HOME = reverse("dashboard:home")


@pytest.fixture
def admin_client(client):
    client.force_login(UserFactory(role=Role.ADMINISTRATOR, is_staff=True, is_superuser=True))
    return client


def _act(admin_client, action, *users):
    return admin_client.post(CHANGELIST, {"action": action, "_selected_action": [u.pk for u in users]}, follow=True)


def test_locking_stops_an_open_session_at_once_and_the_password_login(admin_client):
    worker = UserFactory()
    theirs = TwoStepClient()
    theirs.force_login(worker)
    assert theirs.get(HOME).status_code == 200
    response = _act(admin_client, "lock_accounts", worker)
    assert "1 account locked." in response.content.decode()
    worker.refresh_from_db()
    assert not worker.is_active
    assert theirs.get(HOME)["Location"].startswith(reverse("login"))
    login = Client().post(reverse("login"), {"username": worker.username, "password": "pw"})
    assert login.status_code == 200 and "_auth_user_id" not in login.client.session


def test_an_administrator_cannot_lock_themself(admin_client):
    me = admin_client.session["_auth_user_id"]
    from carepath.accounts.models import User

    _act(admin_client, "lock_accounts", User.objects.get(pk=me))
    assert User.objects.get(pk=me).is_active


def test_unlocking_opens_the_account_and_forgets_failed_logins(admin_client):
    worker = UserFactory(is_active=False)
    AccessAttempt.objects.create(username=worker.username, ip_address="127.0.0.1", failures_since_start=9)
    _act(admin_client, "unlock_accounts", worker)
    worker.refresh_from_db()
    assert worker.is_active
    assert not AccessAttempt.objects.filter(username=worker.username).exists()


def test_reset_two_step_login_sends_them_to_set_it_up_again(admin_client):
    worker = UserFactory()
    theirs = TwoStepClient()
    theirs.force_login(worker)
    assert theirs.get(HOME).status_code == 200
    _act(admin_client, "reset_two_step_login", worker)
    assert not TOTPDevice.objects.filter(user=worker).exists()
    assert theirs.get(HOME)["Location"].startswith(reverse("two_factor_setup"))


def test_device_secrets_are_not_in_the_admin(admin_client):
    assert admin_client.get("/admin/otp_totp/totpdevice/").status_code == 404
