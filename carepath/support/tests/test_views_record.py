import datetime
from decimal import Decimal

import pytest
from django.urls import reverse

from carepath.audit.models import AuditEvent
from carepath.support.models import SupportEncoding, SupportRecord
from carepath.support.tests.factories import municipality_staff, support
from carepath.testing.forms import assert_form_error

pytestmark = pytest.mark.django_db


def test_recording_support_from_the_form(client):
    worker = municipality_staff()
    client.force_login(worker)
    response = client.post(reverse("support:record_new"), {
        "given_names": "Ana", "family_names": "Ferreira", "kind": "food", "given_on": "2026-03-14",
        "amount": "12.50", "unit": "EUR", "place": "Town hall",
    })
    record = SupportRecord.objects.get()
    assert response.status_code == 302 and response["Location"] == reverse("support:record_detail", args=[record.pk])
    assert (record.institution_id, record.recorded_by, record.source) == (worker.organisation_id, worker, "form")
    assert SupportEncoding.objects.filter(link_key=record.link_key).exists()
    assert AuditEvent.objects.filter(action="create", what="support.supportrecord", object_id=record.pk).exists()


def test_bad_input_shows_the_error_summary_and_keeps_what_was_typed(client):
    client.force_login(municipality_staff())
    response = client.post(reverse("support:record_new"), {
        "given_names": "Ana", "family_names": "", "kind": "food", "given_on": "2026-03-14", "amount": "lots",
    })
    assert_form_error(response, "family_names", "Enter the family names.", kept=['value="Ana"'])
    assert_form_error(response, "amount", "Enter the amount as a number, for example 25 or 12.50.")
    assert not SupportRecord.objects.exists()


def test_correcting_a_record_with_a_stale_version_answers_409_and_keeps_the_text(client):
    worker = municipality_staff()
    record = support(worker, given_on=datetime.date(2026, 3, 14))
    client.force_login(worker)
    form = {
        "given_names": "Ana", "family_names": "Ferreira", "kind": "food", "given_on": "2026-03-14",
        "place": "Church hall", "seen_version": "1",
    }
    assert client.post(reverse("support:record_edit", args=[record.pk]), form).status_code == 302
    stale = client.post(reverse("support:record_edit", args=[record.pk]), {**form, "place": "Mine"})
    assert stale.status_code == 409 and 'value="Mine"' in stale.content.decode()
    assert SupportRecord.objects.get(pk=record.pk).place == "Church hall"


def test_an_amount_is_read_with_the_decimal_comma_of_the_users_language(client):
    client.force_login(municipality_staff())
    client.post(reverse("support:record_new"), {
        "given_names": "Ana", "family_names": "Ferreira", "kind": "food", "given_on": "2026-03-14", "amount": "12,50",
    }, headers={"accept-language": "da"})
    assert SupportRecord.objects.get().amount == Decimal("12.50")
