import base64
import datetime

import pytest
from django.utils import timezone

from carepath.api.tests.client import api_as
from carepath.cases.models import Case
from carepath.consents.models import Consent
from carepath.organisations.authority import add_links
from carepath.referrals.models import Referral
from carepath.testing import factories as f
from carepath.testing.files import PDF, PNG
from carepath.testing.roles import provider_staff_on

pytestmark = pytest.mark.django_db


def consent(**changes: object) -> dict[str, object]:
    today = timezone.localdate().isoformat()
    body = {"given_by": "Maria Silva", "relation": "mother", "scope": "intervention", "method": "in_person"}
    return body | {"given_on": today} | changes


def scan(content: bytes, name: str = "signed.pdf") -> dict[str, str]:
    return {"file_name": name, "content_base64": base64.b64encode(content).decode()}


def test_the_consents_of_a_case_are_listed_newest_first(case, worker, audit_mark):
    older = f.ConsentFactory.create(case=case, given_on=timezone.localdate() - datetime.timedelta(days=3))
    newer = f.ConsentFactory.create(case=case, scope=Consent.Scope.SHARE_PROVIDERS)
    provider = f.ProviderFactory.create()
    add_links(newer.providers, provider)
    body = api_as(worker).get(f"/cases/{case.pk}/consents").json()
    assert [c["id"] for c in body["items"]] == [newer.pk, older.pk]
    assert body["items"][0]["providers"] == [{"id": provider.pk, "name": provider.name}]
    assert body["items"][0]["is_active"] is True and body["items"][0]["has_scan"] is False
    assert audit_mark() == [("view", "cases.case", case.pk, case.pk)]


def test_a_consent_given_in_person_is_recorded_and_audited(case, worker, audit_mark):
    provider = f.ProviderFactory.create()
    response = api_as(worker).post(
        f"/cases/{case.pk}/consents", consent(scope="share_providers", provider_ids=[provider.pk])
    )
    assert response.status_code == 201, response.content
    saved = Consent.objects.get()
    assert response.json()["id"] == saved.pk
    assert (saved.case, saved.recorded_by, saved.scope) == (case, worker, "share_providers")
    assert list(saved.providers.all()) == [provider]
    assert audit_mark()[-1] == ("create", "consents.consent", saved.pk, case.pk)


def test_a_consent_signed_on_paper_is_recorded_with_its_scan(case, worker):
    response = api_as(worker).post(f"/cases/{case.pk}/consents", consent(method="paper", scan=scan(PDF)))
    assert response.status_code == 201, response.content
    assert response.json()["has_scan"] is True
    stored = Consent.objects.get().document
    assert stored.name.endswith(".pdf") and "signed" not in stored.name  # a random name


@pytest.mark.parametrize(
    ("changes", "field"),
    [
        ({"method": "paper"}, None),
        ({"method": "paper", "scan": scan(PNG)}, "scan"),  # a PNG named .pdf
        ({"method": "paper", "scan": {"file_name": "a.pdf", "content_base64": "%%%"}}, "scan"),
        ({"method": "paper", "scan": scan(PDF, "a.exe")}, "scan"),
        ({"scan": scan(PDF)}, None),  # a scan only for paper
        ({"given_on": "2999-01-01"}, "given_on"),
        ({"given_by": "   "}, "given_by"),
        ({"scope": "everything"}, "scope"),
    ],
)
def test_an_invalid_consent_is_refused_and_nothing_recorded(case, worker, changes, field):
    response = api_as(worker).post(f"/cases/{case.pk}/consents", consent(**changes))
    assert response.status_code == 422, response.content
    if field:
        assert field in [error["loc"][2] for error in response.json()["errors"]]
    assert not Consent.objects.exists()


def test_only_providers_are_named_in_a_consent(case, worker):
    authority = case.unit.organisation
    response = api_as(worker).post(f"/cases/{case.pk}/consents", consent(provider_ids=[authority.pk]))
    assert response.status_code == 422
    assert response.json()["errors"][0]["loc"] == ["body", "payload", "provider_ids"]


def test_a_provider_may_read_but_not_record_consent(case):
    provider = provider_staff_on(case, Referral.Status.ACCEPTED)
    api = api_as(provider)
    assert api.get(f"/cases/{case.pk}/consents").status_code == 200
    assert api.post(f"/cases/{case.pk}/consents", consent()).status_code == 403


def test_no_consent_is_recorded_on_a_closed_case(case, worker):
    Case.objects.filter(pk=case.pk).update(status=Case.Status.CLOSED)
    assert api_as(worker).post(f"/cases/{case.pk}/consents", consent()).status_code == 403
