import datetime

import pytest
from django.utils import timezone

from carepath.audit.models import AuditEvent
from carepath.core.concurrency import StaleEdit
from carepath.linkage.encoding import BYTES
from carepath.support import services
from carepath.support.forms import SupportRecordForm
from carepath.support.models import SupportEncoding, SupportRecord
from carepath.support.tests.factories import food_bank_staff, municipality_staff, support
from carepath.testing import factories as f

pytestmark = pytest.mark.django_db


def test_recording_support_stores_its_encoding_and_no_name_beside_it():
    worker = municipality_staff()
    record = support(worker, given_on=datetime.date(2026, 3, 14))
    encoding = SupportEncoding.objects.get(link_key=record.link_key)
    assert (encoding.institution_id, encoding.kind, encoding.period) == (worker.organisation_id, "food", "2026-03")
    assert len(bytes(encoding.clk)) == BYTES
    stored = [str(getattr(encoding, field.attname)) for field in SupportEncoding._meta.concrete_fields]
    assert not any("Ana" in value or "Ferreira" in value or "1984" in value for value in stored)


def test_recording_support_is_audited_by_id():
    worker = municipality_staff()
    record = support(worker)
    event = AuditEvent.objects.get(action="create", what="support.supportrecord")
    assert (event.user_id, event.object_id) == (worker.pk, record.pk)


def test_without_a_shared_secret_the_record_is_kept_but_not_encoded(settings):
    settings.CAREPATH_LINKAGE_SECRET = ""
    record = support(municipality_staff())
    assert SupportRecord.objects.filter(pk=record.pk).exists()
    assert not SupportEncoding.objects.exists()


def test_a_malformed_secret_counts_as_not_configured(settings):
    settings.CAREPATH_LINKAGE_SECRET = "not-hex"
    support(municipality_staff())
    assert not SupportEncoding.objects.exists()


def test_a_citizen_or_a_user_of_no_organisation_keeps_no_register():
    with pytest.raises(ValueError):
        support(f.CitizenFactory())
    with pytest.raises(ValueError):
        support(f.UserFactory(unit=None, organisation=None))


def test_a_person_is_linked_only_when_the_institution_sees_them_in_a_case():
    case = f.CaseFactory()
    worker = case.signal.received_by
    assert support(worker, person=case.person).person == case.person
    with pytest.raises(ValueError):
        support(food_bank_staff(), person=case.person)


def test_correcting_a_record_encodes_it_again_and_is_audited():
    worker = municipality_staff()
    record = support(worker, given_on=datetime.date(2026, 3, 14))
    services.update_support(support=record, by=worker, expected_version=1, given_on=datetime.date(2026, 4, 2))
    assert SupportEncoding.objects.get(link_key=record.link_key).period == "2026-04"
    assert AuditEvent.objects.filter(action="update", what="support.supportrecord", object_id=record.pk).exists()


def test_a_stale_correction_is_refused():
    worker = municipality_staff()
    record = support(worker)
    services.update_support(support=record, by=worker, expected_version=1, place="Town hall")
    with pytest.raises(StaleEdit):
        services.update_support(
            support=SupportRecord.objects.get(pk=record.pk), by=worker, expected_version=1, place="Elsewhere"
        )
    assert SupportRecord.objects.get(pk=record.pk).place == "Town hall"


def test_support_cannot_be_recorded_for_the_future():
    tomorrow = timezone.localdate() + datetime.timedelta(days=1)
    form = SupportRecordForm({"given_names": "A", "family_names": "B", "kind": "food", "given_on": tomorrow})
    assert "given_on" in form.errors


def test_correcting_a_record_without_the_secret_removes_its_old_encoding(settings):
    worker = municipality_staff()
    record = support(worker)
    settings.CAREPATH_LINKAGE_SECRET = ""
    services.update_support(support=record, by=worker, expected_version=1, family_names="Ferreira Santos")
    assert not SupportEncoding.objects.filter(link_key=record.link_key).exists()
