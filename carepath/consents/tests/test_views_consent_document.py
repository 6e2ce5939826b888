import pytest
from django.urls import reverse
from django.utils import timezone

from carepath.audit.models import AuditEvent
from carepath.consents import services
from carepath.consents.models import Consent
from carepath.referrals.models import Referral
from carepath.testing.factories import CaseFactory, ConsentFactory, UserFactory
from carepath.testing.files import PDF, scan
from carepath.testing.roles import provider_staff_on, team_leader_of

pytestmark = pytest.mark.django_db


def _paper_consent():
    case = CaseFactory()
    return services.record_consent(
        case=case,
        by=case.signal.received_by,
        given_by="Maria Silva",
        relation="mother",
        scope=Consent.Scope.INTERVENTION,
        method=Consent.Method.PAPER,
        given_on=timezone.localdate(),
        document=scan(),
    )


def _url(consent):
    return reverse("consents:consent_document", args=[consent.pk])


def test_case_worker_downloads_the_scan_and_the_look_is_audited(client):
    consent = _paper_consent()
    user = consent.case.signal.received_by
    client.force_login(user)
    response = client.get(_url(consent))
    assert response.status_code == 200
    assert b"".join(response.streaming_content) == PDF
    assert response["Content-Type"] == "application/pdf"
    assert response["Content-Disposition"] == f'attachment; filename="consent-{consent.pk}.pdf"'
    assert response["Cache-Control"] == "private, no-store"
    event = AuditEvent.objects.get(action=AuditEvent.Action.VIEW, what="consents.consent")
    assert (event.user, event.object_id, event.case_id) == (user, consent.pk, consent.case_id)


@pytest.mark.parametrize("status", [Referral.Status.PENDING, Referral.Status.ACCEPTED])
def test_provider_staff_on_the_case_may_download(client, status):
    consent = _paper_consent()
    client.force_login(provider_staff_on(consent.case, status))
    assert client.get(_url(consent)).status_code == 200


def test_unit_leader_may_download(client):
    consent = _paper_consent()
    client.force_login(team_leader_of(consent.case))
    assert client.get(_url(consent)).status_code == 200


def test_stranger_gets_404_and_nothing_is_served(client):
    consent = _paper_consent()
    client.force_login(UserFactory())
    response = client.get(_url(consent))
    assert response.status_code == 404
    assert not AuditEvent.objects.filter(action=AuditEvent.Action.VIEW, what="consents.consent").exists()


def test_provider_after_a_declined_referral_gets_404(client):
    consent = _paper_consent()
    client.force_login(provider_staff_on(consent.case, Referral.Status.DECLINED))
    assert client.get(_url(consent)).status_code == 404


def test_consent_without_scan_gets_404(client):
    consent = ConsentFactory()
    client.force_login(consent.case.signal.received_by)
    assert client.get(_url(consent)).status_code == 404
