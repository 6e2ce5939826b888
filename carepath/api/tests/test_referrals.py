import pytest

from carepath.api.tests.client import api_as
from carepath.organisations.authority import add_links
from carepath.referrals.models import Referral
from carepath.testing import factories as f
from carepath.testing.roles import provider_staff_on

pytestmark = pytest.mark.django_db


def test_whoever_sees_the_file_reads_every_referral_with_its_goals(case, worker, audit_mark):
    goal = f.GoalFactory.create(case=case)
    first = f.ReferralFactory.create(case=case, message="Please call the mother first")
    add_links(first.goals, goal)
    second = f.ReferralFactory.create(case=case, status=Referral.Status.DECLINED, decline_reason="Full")
    body = api_as(worker).get(f"/cases/{case.pk}/referrals").json()
    by_id = {r["id"]: r for r in body["items"]}
    assert set(by_id) == {first.pk, second.pk}
    assert by_id[first.pk]["goals"] == [{"id": goal.pk, "title": goal.title}]
    assert by_id[first.pk]["service"]["provider"]["id"] == first.service.provider_id
    assert (by_id[second.pk]["status"], by_id[second.pk]["decline_reason"]) == ("declined", "Full")
    assert audit_mark() == [("view", "cases.case", case.pk, case.pk)]


def test_a_provider_without_consent_reads_only_the_referrals_to_its_organisation(case):
    f.ReferralFactory.create(case=case)  # to another provider
    provider = provider_staff_on(case, Referral.Status.ACCEPTED, consent=False)
    body = api_as(provider).get(f"/cases/{case.pk}/referrals").json()
    assert body["count"] == 1
    assert body["items"][0]["service"]["provider"]["id"] == provider.organisation_id
