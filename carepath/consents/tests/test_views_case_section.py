import pytest
from django.urls import reverse
from django.utils import timezone

from carepath.referrals.models import Referral
from carepath.testing.factories import CaseFactory, ConsentFactory
from carepath.testing.pages import case_page
from carepath.testing.roles import provider_staff_on

pytestmark = pytest.mark.django_db


def test_case_without_consent_shows_a_warning_and_the_record_link(client):
    case = CaseFactory()
    body = case_page(client, case)
    assert "No consent is recorded yet." in body
    assert reverse("consents:consent_new", args=[case.pk]) in body


def test_case_whose_consents_are_all_withdrawn_shows_a_warning(client):
    consent = ConsentFactory(withdrawn_on=timezone.localdate(), withdrawal_reason="Moved away")
    body = case_page(client, consent.case)
    assert "No consent is active" in body
    assert "Withdrawn" in body and "Moved away" in body


def test_active_consent_shows_no_warning_and_a_withdraw_link(client):
    consent = ConsentFactory()
    body = case_page(client, consent.case)
    assert "No consent is" not in body
    assert reverse("consents:consent_withdraw", args=[consent.pk]) in body


def test_provider_sees_consents_without_manage_links(client):
    consent = ConsentFactory()
    body = case_page(client, consent.case, provider_staff_on(consent.case, Referral.Status.ACCEPTED))
    assert "Maria Silva" in body
    assert reverse("consents:consent_new", args=[consent.case.pk]) not in body
    assert reverse("consents:consent_withdraw", args=[consent.pk]) not in body


def test_case_page_queries_do_not_grow_with_consents(client, django_assert_max_num_queries):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    case = CaseFactory()
    ConsentFactory(case=case)
    client.force_login(case.signal.received_by)
    url = reverse("cases:case_detail", args=[case.pk])
    with CaptureQueriesContext(connection) as before:
        client.get(url)
    ConsentFactory.create_batch(4, case=case)
    ConsentFactory(case=case, withdrawn_on=timezone.localdate())
    with django_assert_max_num_queries(len(before)):
        client.get(url)
