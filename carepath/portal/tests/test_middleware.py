"""Citizens never reach staff pages, and staff never reach the portal."""

import pytest
from django.urls import reverse

from carepath.testing.factories import CaseFactory, CitizenFactory

pytestmark = pytest.mark.django_db


def test_a_citizen_going_to_the_start_page_lands_in_the_portal(client):
    client.force_login(CitizenFactory())
    assert client.get("/").url == reverse("portal:start")


@pytest.mark.parametrize("url", ["/cases/", "/signals/new/", "/referrals/", "/admin/"])
def test_a_citizen_is_refused_staff_pages(client, url):
    client.force_login(CitizenFactory())
    assert client.get(url).status_code == 403


def test_staff_are_refused_the_portal(client):
    case = CaseFactory()
    client.force_login(case.signal.received_by)
    assert client.get(reverse("portal:start")).status_code == 403
    assert client.get(reverse("portal:home", args=[case.person_id])).status_code == 403


def test_a_citizen_can_still_sign_out(client):
    client.force_login(CitizenFactory())
    assert client.post(reverse("logout")).status_code == 302
