import pytest
from django.urls import reverse

from carepath.audit.models import AuditEvent
from carepath.practices.tests.factories import PracticeFactory
from carepath.referrals.models import Referral
from carepath.testing.factories import ReferralFactory
from carepath.testing.roles import provider_staff_on, stranger

pytestmark = pytest.mark.django_db


def _url(referral):
    return reverse("referrals:referral_practice", args=[referral.pk])


def test_provider_names_the_practice_its_plan_applies_audited_and_shown_on_the_case(client):
    case = ReferralFactory(status=Referral.Status.ENDED).case
    staff = provider_staff_on(case, Referral.Status.ACCEPTED)
    referral = Referral.objects.get(case=case, status=Referral.Status.ACCEPTED)
    practice = PracticeFactory(title="Mobile trauma help")
    client.force_login(staff)
    assert "Mobile trauma help" in client.get(_url(referral)).content.decode()
    response = client.post(_url(referral), {"practice": practice.pk})
    assert response.status_code == 302
    assert response["Location"].endswith("#referrals")
    referral.refresh_from_db()
    assert referral.practice == practice
    assert AuditEvent.objects.filter(
        action=AuditEvent.Action.UPDATE, what="referrals.referral", user=staff
    ).exists()
    case_page = client.get(referral.case.get_absolute_url()).content.decode()
    assert "Practice applied:" in case_page
    assert reverse("practices:practice_detail", args=[practice.pk]) in case_page


def test_an_unknown_practice_is_refused_with_400(client):
    referral = ReferralFactory(status=Referral.Status.ACCEPTED)
    client.force_login(referral.referred_by)
    assert client.post(_url(referral), {"practice": "999999"}).status_code == 400


def test_a_stranger_gets_404(client):
    referral = ReferralFactory(status=Referral.Status.ACCEPTED)
    client.force_login(stranger())
    assert client.get(_url(referral)).status_code == 404
