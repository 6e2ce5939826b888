import datetime

import pytest
from django.urls import reverse
from django.utils import timezone

from carepath.accounts.models import Role
from carepath.cases.models import Case, Signal
from carepath.testing.factories import CaseFactory, CaseTypeFactory, SignalFactory, UnitFactory, UserFactory
from carepath.testing.roles import provider_staff_on

pytestmark = pytest.mark.django_db

NEW = reverse("cases:signal_new")


def _form(**overrides):
    data = {
        "given_name": "Ona",
        "family_name": "Silva",
        "birth_date": "2012-03-04",
        "household_name": "The Silva family",
        "received_on": timezone.localdate().isoformat(),
        "case_type": CaseTypeFactory().pk,
        "signaller_kind": Signal.SignallerKind.SCHOOL,
        "signaller_name": "Vilnius school 12",
        "problems": "Often absent from school.",
        "request": "Support for the family.",
    }
    data.update(overrides)
    return data


def _triage_url(signal):
    return reverse("cases:signal_detail", args=[signal.pk])


# the signalling form


def test_case_worker_sees_the_signalling_form(client):
    client.force_login(UserFactory())
    response = client.get(NEW)
    assert response.status_code == 200
    assert 'name="problems"' in response.content.decode()


def test_case_worker_records_a_signal_and_goes_to_its_page(client):
    worker = UserFactory()
    client.force_login(worker)
    response = client.post(NEW, _form())
    signal = Signal.objects.get()
    assert response.status_code == 302
    assert response["Location"] == _triage_url(signal)
    assert (signal.unit, signal.received_by, str(signal.person)) == (worker.unit, worker, "Ona Silva")


@pytest.mark.parametrize("role", [Role.PROVIDER_STAFF, Role.QUALITY_COORDINATOR, Role.ADMINISTRATOR])
def test_other_roles_may_not_record_signals(client, role):
    client.force_login(UserFactory(role=role))
    assert client.get(NEW).status_code == 403
    assert client.post(NEW, _form()).status_code == 403
    assert not Signal.objects.exists()


def test_case_worker_without_unit_may_not_record_signals(client):
    client.force_login(UserFactory(unit=None, organisation=None))
    assert client.get(NEW).status_code == 403


def test_missing_problems_answers_400_with_the_message_and_keeps_the_text(client):
    client.force_login(UserFactory())
    response = client.post(NEW, _form(problems="", request="Help with mornings & school"))
    assert response.status_code == 400
    body = response.content.decode()
    assert 'class="govuk-error-summary"' in body
    assert '<a href="#id_problems">This field is required.</a>' in body  # in the summary
    assert '<p id="problems-error" class="govuk-error-message">This field is required.' in body  # beside
    assert "Help with mornings &amp; school</textarea>" in body
    assert 'value="Ona"' in body
    assert not Signal.objects.exists()


def test_received_date_in_the_future_is_refused(client):
    client.force_login(UserFactory())
    tomorrow = (timezone.localdate() + datetime.timedelta(days=1)).isoformat()
    response = client.post(NEW, _form(received_on=tomorrow))
    assert response.status_code == 400
    body = response.content.decode()
    assert body.count("The date the signal arrived cannot be in the future.") == 2
    assert f'value="{tomorrow}"' in body
    assert not Signal.objects.exists()


# triage


def test_case_worker_of_the_unit_sees_the_signal(client):
    signal = SignalFactory()
    client.force_login(UserFactory(unit=signal.unit))
    response = client.get(_triage_url(signal))
    assert response.status_code == 200
    assert "Often absent from school." in response.content.decode()


def test_opening_a_case_redirects_to_the_case_page(client):
    signal = SignalFactory()
    client.force_login(signal.received_by)
    response = client.post(_triage_url(signal), {"decision": "open"})
    case = Case.objects.get()
    assert response.status_code == 302
    assert response["Location"] == case.get_absolute_url()
    assert case.team.get().user == signal.received_by


def test_closing_a_signal_with_a_reason_returns_to_the_list(client):
    signal = SignalFactory()
    client.force_login(signal.received_by)
    response = client.post(_triage_url(signal), {"decision": "close", "reason": "Referred to the nurse"})
    assert response.status_code == 302
    assert response["Location"] == reverse("cases:signal_list")
    signal.refresh_from_db()
    assert (signal.status, signal.closed_reason) == (Signal.Status.CLOSED, "Referred to the nurse")


def test_closing_without_a_reason_answers_400_with_the_message(client):
    signal = SignalFactory()
    client.force_login(signal.received_by)
    response = client.post(_triage_url(signal), {"decision": "close", "reason": "  "})
    assert response.status_code == 400
    body = response.content.decode()
    assert body.count("Say why the signal is closed without a case.") == 2
    assert '<a href="#id_reason">' in body
    signal.refresh_from_db()
    assert signal.status == Signal.Status.NEW


def test_a_missing_decision_is_linked_from_the_summary_to_the_first_radio(client):
    # The error summary must lead to the field in error; for radios that is the first option.
    signal = SignalFactory()
    client.force_login(signal.received_by)
    response = client.post(_triage_url(signal), {"reason": ""})
    assert response.status_code == 400
    body = response.content.decode()
    assert 'id="id_decision_0"' in body
    assert '<a href="#id_decision_0">This field is required.</a>' in body


def test_a_triaged_signal_cannot_be_triaged_again(client):
    case = CaseFactory()
    client.force_login(case.signal.received_by)
    response = client.post(_triage_url(case.signal), {"decision": "open"})
    assert response.status_code == 403
    assert Case.objects.count() == 1


def test_triage_by_a_user_of_another_unit_gets_404(client):
    signal = SignalFactory()
    client.force_login(UserFactory(unit=UnitFactory(organisation=signal.unit.organisation)))
    assert client.get(_triage_url(signal)).status_code == 404
    assert client.post(_triage_url(signal), {"decision": "open"}).status_code == 404
    assert not Case.objects.exists()


def test_provider_staff_cannot_see_the_signal_even_with_a_referral_for_its_case(client):
    case = CaseFactory()
    client.force_login(provider_staff_on(case))
    assert client.get(_triage_url(case.signal)).status_code == 404


def test_unit_leader_triages_the_units_signals(client):
    signal = SignalFactory()
    leader = UserFactory(role=Role.TEAM_LEADER, unit=UnitFactory(organisation=signal.unit.organisation))
    signal.unit.leader = leader
    signal.unit.save()
    client.force_login(leader)
    assert client.post(_triage_url(signal), {"decision": "open"}).status_code == 302


def test_signal_list_shows_only_the_units_waiting_signals(client):
    waiting = SignalFactory()
    triaged = CaseFactory(signal__received_by=UserFactory(unit=waiting.unit)).signal
    elsewhere = SignalFactory()
    client.force_login(UserFactory(unit=waiting.unit))
    body = client.get(reverse("cases:signal_list")).content.decode()
    assert _triage_url(waiting) in body
    assert _triage_url(triaged) not in body
    assert _triage_url(elsewhere) not in body
