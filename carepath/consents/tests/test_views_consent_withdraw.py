import datetime

import pytest
from django.urls import reverse
from django.utils import timezone

from carepath.audit.models import AuditEvent
from carepath.referrals.models import Referral
from carepath.testing.factories import ConsentFactory, UserFactory
from carepath.testing.roles import provider_staff_on, team_leader_of

pytestmark = pytest.mark.django_db

TODAY = timezone.localdate


def _consent(**kwargs):
    return ConsentFactory(given_on=TODAY() - datetime.timedelta(days=30), **kwargs)


def _url(consent):
    return reverse("consents:consent_withdraw", args=[consent.pk])


def _data(**changes):
    return {"withdrawn_on": TODAY().isoformat(), "reason": "The family moved to another town."} | changes


def test_case_worker_withdraws_consent(client):
    consent = _consent()
    client.force_login(consent.case.signal.received_by)
    assert client.get(_url(consent)).status_code == 200
    response = client.post(_url(consent), _data(), follow=True)
    assert "The consent is withdrawn." in response.content.decode()
    consent.refresh_from_db()
    assert consent.withdrawn_on == TODAY()
    assert AuditEvent.objects.filter(action=AuditEvent.Action.UPDATE, what="consents.consent").exists()


def test_missing_reason_answers_400_and_keeps_the_date(client):
    consent = _consent()
    client.force_login(consent.case.signal.received_by)
    day = (TODAY() - datetime.timedelta(days=2)).isoformat()
    response = client.post(_url(consent), _data(reason="  ", withdrawn_on=day))
    assert response.status_code == 400
    body = response.content.decode()
    assert "Say why the consent is withdrawn." in body
    assert f'value="{day}"' in body
    consent.refresh_from_db()
    assert consent.is_active


def test_withdrawal_before_the_consent_was_given_is_refused(client):
    consent = _consent()
    client.force_login(consent.case.signal.received_by)
    before = (consent.given_on - datetime.timedelta(days=1)).isoformat()
    response = client.post(_url(consent), _data(withdrawn_on=before))
    assert response.status_code == 400
    assert "cannot be before the consent was given" in response.content.decode()


def test_withdrawing_a_withdrawn_consent_answers_409_and_keeps_the_text(client):
    consent = _consent(withdrawn_on=TODAY(), withdrawal_reason="First reason")
    client.force_login(consent.case.signal.received_by)
    response = client.post(_url(consent), _data(reason="Second reason"))
    assert response.status_code == 409
    body = response.content.decode()
    assert "This consent was withdrawn meanwhile" in body
    assert "Second reason" in body
    consent.refresh_from_db()
    assert consent.withdrawal_reason == "First reason"


def test_unit_leader_may_withdraw(client):
    consent = _consent()
    client.force_login(team_leader_of(consent.case))
    assert client.post(_url(consent), _data()).status_code == 302


@pytest.mark.parametrize("status", [Referral.Status.PENDING, Referral.Status.ACCEPTED])
def test_provider_staff_gets_403(client, status):
    consent = _consent()
    client.force_login(provider_staff_on(consent.case, status))
    assert client.post(_url(consent), _data()).status_code == 403
    consent.refresh_from_db()
    assert consent.is_active


def test_stranger_gets_404(client):
    consent = _consent()
    client.force_login(UserFactory())
    assert client.get(_url(consent)).status_code == 404
