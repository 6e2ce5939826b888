import datetime

import pytest
from django.utils import timezone

from carepath.agreements import services
from carepath.agreements.models import AgreementAction, AgreementVersion
from carepath.audit.models import AuditEvent
from carepath.testing.factories import AgreementVersionFactory, CaseFactory

pytestmark = pytest.mark.django_db

ACTION = {"who": "Maria", "what": "Takes the children to school.", "by_when": datetime.date(2030, 1, 31)}


def _accept(case, *, seen_version, actions=(ACTION,)):
    return services.accept_version(
        case=case,
        by=case.signal.received_by,
        accepted_by_family="Maria Silva",
        accepted_on=timezone.localdate(),
        actions=list(actions),
        seen_version=seen_version,
    )


def test_first_version_is_number_one_with_its_actions_and_audited():
    case = CaseFactory()
    version = _accept(case, seen_version=0)
    assert (version.number, version.accepted_by_staff) == (1, case.signal.received_by)
    assert [a.who for a in version.actions.all()] == ["Maria"]
    event = AuditEvent.objects.get(action=AuditEvent.Action.CREATE, what="agreements.agreementversion")
    assert (event.object_id, event.case_id) == (version.pk, case.pk)


def test_renegotiating_adds_the_next_version_and_keeps_the_old_one():
    case = CaseFactory()
    first = _accept(case, seen_version=0)
    second = _accept(case, seen_version=1, actions=[ACTION, ACTION | {"who": "João"}])
    assert second.number == 2
    assert AgreementVersion.objects.filter(case=case).count() == 2
    assert first.actions.count() == 1 and second.actions.count() == 2


def test_numbers_count_per_case():
    AgreementVersionFactory(number=1)
    assert _accept(CaseFactory(), seen_version=0).number == 1


def test_a_version_saved_meanwhile_raises_version_taken():
    case = CaseFactory()
    _accept(case, seen_version=0)
    with pytest.raises(services.VersionTaken):
        _accept(case, seen_version=0)  # the second click of a double submit
    assert AgreementVersion.objects.filter(case=case).count() == 1


def test_a_race_on_the_unique_number_raises_version_taken_and_saves_nothing(monkeypatch):
    case = CaseFactory()
    _accept(case, seen_version=0)
    # Both requests read "1" before either wrote: the database's unique (case, number) decides.
    monkeypatch.setattr(services, "latest_number", lambda case: 0)
    with pytest.raises(services.VersionTaken):
        _accept(case, seen_version=0)
    assert AgreementVersion.objects.filter(case=case).count() == 1
    assert AgreementAction.objects.count() == 1


def test_an_agreement_without_actions_is_refused():
    with pytest.raises(services.NoActions):
        _accept(CaseFactory(), seen_version=0, actions=[])
    assert not AgreementVersion.objects.exists()
