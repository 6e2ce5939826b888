import pytest
from django.urls import reverse

from carepath.audit.models import AuditEvent
from carepath.referrals.models import Referral
from carepath.testing.factories import AgreementActionFactory, AgreementVersionFactory, CaseFactory, UserFactory
from carepath.testing.roles import provider_staff_on, team_leader_of

pytestmark = pytest.mark.django_db


def _case_with_two_versions():
    first = AgreementActionFactory(what="Old action").version
    AgreementActionFactory(version__case=first.case, version__number=2, what="New action")
    return first.case


def _url(case):
    return reverse("agreements:agreement_history", args=[case.pk])


def test_case_worker_sees_every_version_newest_first_and_the_look_is_audited(client):
    case = _case_with_two_versions()
    client.force_login(case.signal.received_by)
    response = client.get(_url(case))
    assert response.status_code == 200
    body = response.content.decode()
    assert body.index("Version 2") < body.index("Version 1")
    assert "New action" in body and "Old action" in body
    assert "In force" in body and "Replaced" in body
    assert reverse("agreements:agreement_new", args=[case.pk]) in body
    assert AuditEvent.objects.filter(action=AuditEvent.Action.VIEW, case_id=case.pk).exists()


@pytest.mark.parametrize("status", [Referral.Status.PENDING, Referral.Status.ACCEPTED])
def test_provider_staff_reads_the_history_without_renegotiate_link(client, status):
    case = _case_with_two_versions()
    client.force_login(provider_staff_on(case, status))
    response = client.get(_url(case))
    assert response.status_code == 200
    assert reverse("agreements:agreement_new", args=[case.pk]) not in response.content.decode()


def test_unit_leader_reads_the_history(client):
    case = _case_with_two_versions()
    client.force_login(team_leader_of(case))
    assert client.get(_url(case)).status_code == 200


def test_case_without_agreement_says_so(client):
    case = CaseFactory()
    client.force_login(case.signal.received_by)
    assert "No agreement yet." in client.get(_url(case)).content.decode()


def test_stranger_gets_404(client):
    version = AgreementVersionFactory()
    client.force_login(UserFactory())
    assert client.get(_url(version.case)).status_code == 404
