"""Every staff page, rendered as each role: what they may see, what they may not, what they never learn of."""

import pytest
from django.urls import reverse

from carepath.testing import roles
from carepath.testing.factories import CaseFactory

pytestmark = pytest.mark.django_db

ROLES = ["case_worker", "provider_staff", "team_leader", "quality_coordinator", "administrator"]

# page -> expected status per role, in the order of ROLES
EXPECTED = {
    "dashboard": [200, 200, 200, 200, 200],
    "case_list": [200, 200, 200, 200, 200],
    "signal_list": [200, 403, 200, 403, 403],
    "signal_new": [200, 403, 200, 403, 403],
    "case_detail": [200, 200, 200, 404, 404],
    "case_close": [200, 403, 200, 404, 404],
    "team_add": [200, 403, 200, 404, 404],
    "signal_detail": [200, 404, 200, 404, 404],
}

CASE_PAGES = ["case_detail", "case_close", "team_add", "signal_detail"]


def _url(page, case):
    if page in ("dashboard",):
        return reverse("dashboard:home")
    if page in ("case_list", "signal_list", "signal_new"):
        return reverse(f"cases:{page}")
    if page == "signal_detail":
        return reverse("cases:signal_detail", args=[case.signal_id])
    return reverse(f"cases:{page}", args=[case.pk])


def _user(role, case):
    return {
        "case_worker": lambda: case.signal.received_by,
        "provider_staff": lambda: roles.provider_staff_on(case),
        "team_leader": lambda: roles.team_leader_of(case),
        "quality_coordinator": lambda: roles.quality_coordinator_of(case),
        "administrator": roles.administrator,
    }[role]()


@pytest.mark.parametrize("page", EXPECTED)
@pytest.mark.parametrize("role", ROLES)
def test_page_as_role(client, page, role):
    case = CaseFactory()
    client.force_login(_user(role, case))
    expected = EXPECTED[page][ROLES.index(role)]
    assert client.get(_url(page, case)).status_code == expected


@pytest.mark.parametrize("page", CASE_PAGES)
def test_stranger_gets_404_on_every_case_page(client, page):
    case = CaseFactory()
    client.force_login(roles.stranger())
    assert client.get(_url(page, case)).status_code == 404


@pytest.mark.parametrize("page", ["case_list", "signal_list", "dashboard"])
def test_lists_never_show_a_strangers_case(client, page):
    case = CaseFactory()
    client.force_login(roles.stranger())
    body = client.get(_url(page, case)).content.decode()
    assert case.reference not in body
    assert str(case.person) not in body


def test_provider_whose_referral_was_declined_no_longer_sees_the_case(client):
    case = CaseFactory()
    client.force_login(roles.provider_staff_on(case, status="declined"))
    assert client.get(_url("case_detail", case)).status_code == 404


def test_case_list_shows_the_case_to_those_related_to_it(client):
    case = CaseFactory()
    for role in ("case_worker", "provider_staff", "team_leader"):
        client.force_login(_user(role, case))
        assert case.reference in client.get(_url("case_list", case)).content.decode(), role
