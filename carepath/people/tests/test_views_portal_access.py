"""Case workers open portal accounts for the citizen and their relatives; the owner chooses the password."""

import pytest
from django.urls import reverse

from carepath.accounts.models import Role, User
from carepath.audit.models import AuditEvent
from carepath.testing.factories import CaseFactory, CitizenFactory, ProxyFactory
from carepath.testing.roles import DECISION_PAGE_ANSWERS, someone

pytestmark = pytest.mark.django_db


def _url(case):
    return reverse("people:portal_access", args=[case.pk])


def _account(which, **changes):
    data = {
        "which": which,
        f"{which}-first_name": "Tomas",
        f"{which}-last_name": "Vaitkus",
        f"{which}-email": "tomas@example.org",
        f"{which}-username": "tomas.v",
    }
    return data | {f"{which}-{k}": v for k, v in changes.items()}


def test_a_portal_account_for_the_citizen_and_the_owner_sets_the_password(client):
    case = CaseFactory()
    worker = case.signal.received_by
    client.force_login(worker)
    response = client.post(_url(case), _account("citizen"))
    page = response.content.decode()
    assert response.status_code == 200 and 'id="account-opened"' in page
    account = User.objects.get(username="tomas.v")
    assert account.role == Role.CITIZEN and account.person == case.person and not account.has_usable_password()
    assert response["Cache-Control"] == "private, no-store"
    assert AuditEvent.objects.filter(user=worker, action="create", what="accounts.user", object_id=account.pk).exists()

    link = page.split('class="cp-link-to-hand-over">')[1].split("</code>")[0].removeprefix("http://testserver")
    owner = type(client)()
    set_password = owner.get(link)
    assert set_password.status_code == 302  # Django moves the token out of the URL first
    new = {"new_password1": "a-long-and-new-pass-2026", "new_password2": "a-long-and-new-pass-2026"}
    assert owner.post(set_password.url, new).status_code == 302
    assert owner.login(username="tomas.v", password="a-long-and-new-pass-2026")
    assert "This link does not work any more" in owner.get(link).content.decode()  # it worked once


def test_a_citizen_has_one_portal_account(client):
    case = CaseFactory()
    CitizenFactory(person=case.person, username="first")
    client.force_login(case.signal.received_by)
    page = client.get(_url(case)).content.decode()
    assert "first" in page and 'id="open-citizen"' not in page
    assert client.post(_url(case), _account("citizen")).status_code == 409
    assert not User.objects.filter(username="tomas.v").exists()


def test_a_relative_gets_an_account_without_a_file(client):
    case = CaseFactory()
    client.force_login(case.signal.received_by)
    response = client.post(_url(case), _account("relative", username="rasa", email="rasa@example.org"))
    assert response.status_code == 200
    relative = User.objects.get(username="rasa")
    assert relative.role == Role.CITIZEN and relative.person is None


def test_a_taken_user_name_or_email_keeps_the_input_and_says_why(client):
    case = CaseFactory()
    CitizenFactory(username="tomas.v", email="tomas@example.org")
    client.force_login(case.signal.received_by)
    response = client.post(_url(case), _account("relative", first_name="Rasa"))
    page = response.content.decode()
    assert response.status_code == 400
    assert "This user name is taken." in page and "with this e-mail address exists already" in page
    assert 'value="Rasa"' in page


def test_the_page_lists_who_follows_the_file(client):
    case = CaseFactory()
    ProxyFactory(person=case.person, relation="My sister")
    client.force_login(case.signal.received_by)
    assert "My sister" in client.get(_url(case)).content.decode()


@pytest.mark.parametrize(("who", "get", "post"), DECISION_PAGE_ANSWERS)
def test_only_who_manages_the_case_opens_accounts(client, who, get, post):
    case = CaseFactory()
    client.force_login(someone(who, case))
    assert client.get(_url(case)).status_code == get
    response = client.post(_url(case), _account("citizen"))
    assert User.objects.filter(username="tomas.v").exists() == (response.status_code == 200)
