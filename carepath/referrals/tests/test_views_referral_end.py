import pytest
from django.urls import reverse

from carepath.audit.models import AuditEvent
from carepath.referrals.models import Referral
from carepath.testing.factories import CaseFactory, ReferralFactory
from carepath.testing.roles import provider_staff_on, stranger, team_leader_of

pytestmark = pytest.mark.django_db


def _url(referral):
    return reverse("referrals:referral_end", args=[referral.pk])


def test_case_worker_withdraws_a_pending_referral(client):
    referral = ReferralFactory()
    client.force_login(referral.referred_by)
    page = client.get(_url(referral))
    assert page.status_code == 200
    assert "Withdraw the referral" in page.content.decode()
    response = client.post(_url(referral), {})
    assert response.status_code == 302
    assert response["Location"].endswith("#referrals")
    referral.refresh_from_db()
    assert referral.status == Referral.Status.ENDED
    assert AuditEvent.objects.filter(action=AuditEvent.Action.UPDATE, what="referrals.referral").exists()


def test_unit_leader_ends_an_accepted_referral(client):
    referral = ReferralFactory(status=Referral.Status.ACCEPTED)
    client.force_login(team_leader_of(referral.case))
    assert "End the referral" in client.get(_url(referral)).content.decode()
    assert client.post(_url(referral), {}).status_code == 302
    referral.refresh_from_db()
    assert referral.status == Referral.Status.ENDED


def test_ending_an_ended_referral_answers_409_with_a_message(client):
    referral = ReferralFactory(status=Referral.Status.ENDED)
    client.force_login(referral.referred_by)
    response = client.post(_url(referral), {})
    assert response.status_code == 409
    assert "Only a pending or accepted referral can be ended." in response.content.decode()


def test_provider_may_not_end_a_referral(client):
    case = CaseFactory()
    staff = provider_staff_on(case, Referral.Status.ACCEPTED)
    client.force_login(staff)
    assert client.post(_url(case.referrals.get()), {}).status_code == 403


def test_stranger_gets_404(client):
    referral = ReferralFactory()
    client.force_login(stranger())
    assert client.post(_url(referral), {}).status_code == 404
