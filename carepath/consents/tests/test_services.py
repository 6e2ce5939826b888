import datetime

import pytest
from django.utils import timezone

from carepath.audit.models import AuditEvent
from carepath.consents import services
from carepath.consents.models import Consent
from carepath.testing.factories import CaseFactory, ConsentFactory
from carepath.testing.files import scan

pytestmark = pytest.mark.django_db


def _record(case, **changes):
    fields = {
        "given_by": "Maria Silva",
        "relation": "mother",
        "scope": Consent.Scope.INTERVENTION,
        "method": Consent.Method.IN_PERSON,
        "given_on": timezone.localdate(),
    }
    return services.record_consent(case=case, by=case.signal.received_by, **(fields | changes))


def test_record_consent_in_person_writes_the_audit_log():
    case = CaseFactory()
    consent = _record(case)
    assert consent.is_active and not consent.document
    event = AuditEvent.objects.get(action=AuditEvent.Action.CREATE, what="consents.consent")
    assert (event.object_id, event.case_id, event.person_id) == (consent.pk, case.pk, case.person_id)


def test_paper_consent_keeps_the_scan_under_a_name_without_the_person():
    consent = _record(CaseFactory(), method=Consent.Method.PAPER, document=scan())
    assert consent.document.name.endswith(".pdf")
    assert "Silva" not in consent.document.name
    assert consent.document.read().startswith(b"%PDF")


def test_paper_consent_without_scan_is_refused_and_nothing_saved():
    with pytest.raises(services.ScanRequired):
        _record(CaseFactory(), method=Consent.Method.PAPER)
    assert not Consent.objects.exists()


def test_consent_in_person_keeps_no_file():
    consent = _record(CaseFactory(), document=scan())
    assert not consent.document


def test_withdraw_consent_keeps_date_and_reason_and_audits():
    consent = ConsentFactory(given_on=timezone.localdate() - datetime.timedelta(days=10))
    user = consent.case.signal.received_by
    services.withdraw_consent(consent=consent, by=user, withdrawn_on=timezone.localdate(), reason="Moved away")
    consent.refresh_from_db()
    assert not consent.is_active
    assert (consent.withdrawn_on, consent.withdrawal_reason) == (timezone.localdate(), "Moved away")
    assert AuditEvent.objects.filter(action=AuditEvent.Action.UPDATE, object_id=consent.pk).exists()


def test_withdrawing_a_withdrawn_consent_raises_already_withdrawn():
    consent = ConsentFactory(withdrawn_on=timezone.localdate(), withdrawal_reason="First")
    with pytest.raises(services.AlreadyWithdrawn):
        services.withdraw_consent(
            consent=consent, by=consent.case.signal.received_by, withdrawn_on=timezone.localdate(), reason="Again"
        )
    consent.refresh_from_db()
    assert consent.withdrawal_reason == "First"
