import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from carepath.referrals.models import Referral
from carepath.testing.factories import AgreementActionFactory, AgreementVersionFactory, CaseFactory
from carepath.testing.pages import case_page
from carepath.testing.roles import provider_staff_on

pytestmark = pytest.mark.django_db


def test_section_shows_the_version_in_force_with_history_and_renegotiate_links(client):
    first = AgreementActionFactory(what="Old action").version
    AgreementActionFactory(version__case=first.case, version__number=2, what="New action")
    body = case_page(client, first.case)
    assert "Version 2, accepted by Maria Silva" in body
    assert "New action" in body and "Old action" not in body
    assert "See the version history (2 versions)" in body
    assert reverse("agreements:agreement_new", args=[first.case.pk]) in body


def test_case_without_agreement_offers_to_record_one(client):
    case = CaseFactory()
    body = case_page(client, case)
    assert "No agreement yet." in body
    assert reverse("agreements:agreement_new", args=[case.pk]) in body


def test_provider_sees_the_agreement_without_renegotiate_link(client):
    version = AgreementActionFactory().version
    body = case_page(client, version.case, provider_staff_on(version.case, Referral.Status.ACCEPTED))
    assert "Takes the children to school" in body
    assert reverse("agreements:agreement_history", args=[version.case.pk]) in body
    assert reverse("agreements:agreement_new", args=[version.case.pk]) not in body


def test_case_page_queries_do_not_grow_with_versions(client, django_assert_max_num_queries):
    case = CaseFactory()
    AgreementActionFactory(version__case=case)
    client.force_login(case.signal.received_by)
    url = reverse("cases:case_detail", args=[case.pk])
    with CaptureQueriesContext(connection) as before:
        client.get(url)
    for number in range(2, 6):
        version = AgreementVersionFactory(case=case, number=number)
        AgreementActionFactory.create_batch(3, version=version)
    with django_assert_max_num_queries(len(before)):
        client.get(url)
