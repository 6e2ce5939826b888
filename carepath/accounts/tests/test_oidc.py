"""The national eID extension point: off without its variables; finds accounts by eid_subject; no network."""

import pytest
from django.contrib.auth.signals import user_logged_in
from django.core.exceptions import SuspiciousOperation
from django.test import override_settings
from django.urls import reverse

from carepath.accounts.oidc import EidBackend
from carepath.accounts.two_factor import EID_SESSION_KEY
from carepath.settings.oidc import EIDAS_SUBSTANTIAL_OR_HIGH, oidc_settings
from carepath.testing.factories import UserFactory

pytestmark = pytest.mark.django_db

ENV = {
    "CAREPATH_OIDC_AUTHORIZATION_ENDPOINT": "https://eid.example/authorize",
    "CAREPATH_OIDC_TOKEN_ENDPOINT": "https://eid.example/token",
    "CAREPATH_OIDC_USER_ENDPOINT": "https://eid.example/userinfo",
    "CAREPATH_OIDC_JWKS_ENDPOINT": "https://eid.example/jwks",
    "CAREPATH_OIDC_CLIENT_ID": "carepath",
    "CAREPATH_OIDC_CLIENT_SECRET": "from-the-environment",
    "CAREPATH_OIDC_SUBJECT_CLAIM": "personal_code",
    "CAREPATH_OIDC_NAME": "Smart-ID",
}
SUBSTANTIAL = {"acr": "http://eidas.europa.eu/LoA/substantial"}


def test_settings_stay_off_without_the_variables():
    assert oidc_settings({}) == {}
    assert oidc_settings({k: v for k, v in ENV.items() if k != "CAREPATH_OIDC_CLIENT_SECRET"}) == {}
    from carepath.settings import base

    assert base.CAREPATH_OIDC_ENABLED is False
    assert "carepath.accounts.oidc.EidBackend" not in base.AUTHENTICATION_BACKENDS


def test_settings_from_the_variables():
    made = oidc_settings(ENV)
    assert made["OIDC_RP_CLIENT_SECRET"] == "from-the-environment"
    assert made["OIDC_CREATE_USER"] is False
    assert made["CAREPATH_OIDC"]["subject_claim"] == "personal_code"
    assert made["OIDC_AUTH_REQUEST_EXTRA_PARAMS"] == {"acr_values": EIDAS_SUBSTANTIAL_OR_HIGH}


@pytest.fixture
def backend():
    with override_settings(**oidc_settings(ENV)):
        yield EidBackend()


def _login(backend, claims, payload=SUBSTANTIAL):
    backend.get_userinfo = lambda access_token, id_token, payload: claims  # the eID's answer, no network
    return backend.get_or_create_user("access", "id", payload)


def test_the_subject_claim_finds_the_linked_account(backend):
    UserFactory(eid_subject="39001010000")
    citizen = UserFactory(eid_subject="48705050000")
    user = _login(backend, {"personal_code": "48705050000", "sub": "39001010000"})
    assert user == citizen
    assert user.eid_second_factor is True


def test_an_unknown_subject_is_refused_and_no_account_is_made(backend):
    from carepath.accounts.models import User

    before = User.objects.count()
    assert _login(backend, {"personal_code": "50001010000"}) is None
    with pytest.raises(SuspiciousOperation):  # authenticate() turns this into a refused login
        _login(backend, {"sub": "no-personal-code"})
    assert User.objects.count() == before


def test_a_locked_account_is_refused(backend):
    UserFactory(eid_subject="48705050000", is_active=False)
    assert _login(backend, {"personal_code": "48705050000"}) is None


def test_a_low_level_of_assurance_is_refused(backend):
    UserFactory(eid_subject="48705050000")
    assert _login(backend, {"personal_code": "48705050000"}, payload={"acr": "http://eidas.europa.eu/LoA/low"}) is None


def test_a_locked_account_loses_its_eid_session(backend):
    user = UserFactory(eid_subject="48705050000")
    assert backend.get_user(user.pk) == user
    user.is_active = False
    user.save()
    assert backend.get_user(user.pk) is None


def test_a_strong_eid_login_counts_as_the_second_factor(rf, backend):
    UserFactory(eid_subject="48705050000")
    user = _login(backend, {"personal_code": "48705050000"})
    request = rf.get("/")
    request.session = {}
    user_logged_in.send(sender=type(user), request=request, user=user)
    assert request.session[EID_SESSION_KEY] is True


def test_the_login_page_offers_the_eid_only_when_it_is_on(client, settings):
    assert "Log in with" not in client.get(reverse("login")).content.decode()
    settings.CAREPATH_OIDC_ENABLED = True
    settings.CAREPATH_OIDC = {"name": "Smart-ID"}
    settings.ROOT_URLCONF = "carepath.accounts.tests.urls_with_eid"
    body = client.get("/accounts/login/?next=/cases/").content.decode()
    assert "Log in with Smart-ID" in body
    assert 'href="/accounts/oidc/authenticate/?next=/cases/"' in body
