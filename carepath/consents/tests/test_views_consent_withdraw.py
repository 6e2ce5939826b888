import datetime

import pytest
from django.urls import reverse
from django.utils import timezone

from carepath.audit.models import AuditEvent
from carepath.testing.factories import ConsentFactory
from carepath.testing.forms import assert_form_error
from carepath.testing.roles import DECISION_PAGE_ANSWERS, someone

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
    assert_form_error(response, "reason", "Say why the consent is withdrawn.", kept=[f'value="{day}"'])
    consent.refresh_from_db()
    assert consent.is_active


def test_withdrawal_before_the_consent_was_given_is_refused(client):
    consent = _consent()
    client.force_login(consent.case.signal.received_by)
    before = (consent.given_on - datetime.timedelta(days=1)).isoformat()
    response = client.post(_url(consent), _data(withdrawn_on=before))
    assert_form_error(response, "withdrawn_on", "cannot be before the consent was given")


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


@pytest.mark.parametrize(("who", "get", "post"), DECISION_PAGE_ANSWERS)
def test_only_who_manages_the_case_withdraws_consent(client, who, get, post):
    consent = _consent()
    client.force_login(someone(who, consent.case))
    assert client.get(_url(consent)).status_code == get
    assert client.post(_url(consent), _data()).status_code == post
    consent.refresh_from_db()
    assert consent.is_active == (post != 302)
