import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from carepath.organisations.authority import add_links
from carepath.referrals.models import Referral
from carepath.referrals.tests.factories import load
from carepath.testing.factories import (
    GoalFactory,
    ProviderStaffFactory,
    ReferralFactory,
    ServiceFactory,
    UserFactory,
)

pytestmark = pytest.mark.django_db
URL = reverse("referrals:inbox")


def _provider_with_referrals(n=1):
    staff = ProviderStaffFactory()
    service = ServiceFactory(provider=staff.organisation, name="Day centre", capacity=7)
    for _ in range(n):
        referral = ReferralFactory(service=service)
        add_links(referral.goals, GoalFactory(case=referral.case, title="Learn to cook"))
    return staff, service


def test_provider_staff_sees_pending_referrals_with_capacity_and_waiting_list(client):
    staff, service = _provider_with_referrals(2)
    load(service, in_service=3, declined=1)
    ReferralFactory(status=Referral.Status.PENDING)  # to another provider
    client.force_login(staff)
    response = client.get(URL)
    assert response.status_code == 200
    referrals = response.context["referrals"]
    assert len(referrals) == 2
    assert (referrals[0].service_in_service, referrals[0].service_waiting) == (3, 2)
    [mine] = response.context["services"]
    assert (mine.capacity, mine.in_service, mine.waiting) == (7, 3, 2)
    body = response.content.decode()
    assert "Learn to cook" in body
    assert reverse("referrals:referral_answer", args=[referrals[0].pk]) in body


def test_answered_referrals_leave_the_inbox(client):
    staff, service = _provider_with_referrals(1)
    Referral.objects.update(status=Referral.Status.ACCEPTED)
    client.force_login(staff)
    assert client.get(URL).context["referrals"] == []


def test_authority_staff_have_an_empty_inbox(client):
    _provider_with_referrals(1)
    client.force_login(UserFactory())
    response = client.get(URL)
    assert response.status_code == 200
    assert "No referrals are waiting for your answer." in response.content.decode()


def test_inbox_queries_do_not_grow_with_referrals(client, django_assert_max_num_queries):
    staff, service = _provider_with_referrals(1)
    client.force_login(staff)
    with CaptureQueriesContext(connection) as before:
        client.get(URL)
    for _ in range(5):
        referral = ReferralFactory(service=service)
        add_links(referral.goals, GoalFactory(case=referral.case))
    with django_assert_max_num_queries(len(before)):
        client.get(URL)


def test_a_long_inbox_is_paged_oldest_first_and_every_referral_is_reached(client, monkeypatch):
    from carepath.referrals import selectors

    monkeypatch.setattr(selectors, "INBOX_PAGE", 2)
    staff, service = _provider_with_referrals(5)
    client.force_login(staff)
    seen, url, pages = [], URL, 0
    while url:
        response = client.get(url)
        seen += [r.pk for r in response.context["referrals"]]
        after = response.context["page"].next_after
        url = f"{URL}?after={after}" if after else None
        pages += 1
    waiting = Referral.objects.filter(service=service, status=Referral.Status.PENDING).order_by("referred_at", "pk")
    assert seen == [r.pk for r in waiting] and pages == 3
    assert "More referrals" in client.get(URL).content.decode()
