import datetime

import pytest
from django.urls import reverse
from django.utils import timezone

from carepath.cases.models import Case, Deadline
from carepath.testing.factories import CaseFactory, ProviderStaffFactory, SignalFactory, UserFactory
from carepath.testing.roles import provider_staff_on, stranger, team_leader_of

pytestmark = pytest.mark.django_db


def _close_url(case):
    return reverse("cases:case_close", args=[case.pk])


def _team_url(case):
    return reverse("cases:team_add", args=[case.pk])


def _done_url(deadline):
    return reverse("cases:deadline_done", args=[deadline.pk])


def _deadline(signal, days=-1):
    return Deadline.objects.create(
        signal=signal, label="Social information", due_on=timezone.localdate() + datetime.timedelta(days=days)
    )


# closing a case


def test_case_manager_closes_the_case(client):
    case = CaseFactory()
    client.force_login(case.signal.received_by)
    assert client.get(_close_url(case)).status_code == 200
    data = {"outcome": Case.Outcome.AUTONOMOUS, "closure_reason": "Manages on her own.", "seen_version": 1}
    response = client.post(_close_url(case), data)
    assert response.status_code == 302
    assert response["Location"] == case.get_absolute_url()
    case.refresh_from_db()
    assert (case.status, case.outcome, case.closure_reason) == (
        Case.Status.CLOSED,
        Case.Outcome.AUTONOMOUS,
        "Manages on her own.",
    )


@pytest.mark.parametrize("missing", ["outcome", "closure_reason"])
def test_closing_needs_outcome_and_reason(client, missing):
    case = CaseFactory()
    client.force_login(case.signal.received_by)
    data = {"outcome": Case.Outcome.AUTONOMOUS, "closure_reason": "Manages on her own.", "seen_version": 1}
    data[missing] = ""
    response = client.post(_close_url(case), data)
    assert response.status_code == 400
    body = response.content.decode()
    assert f'<a href="#id_{missing}">This field is required.</a>' in body
    assert f'id="{missing}-error"' in body
    case.refresh_from_db()
    assert case.status == Case.Status.OPEN


def test_closing_a_case_someone_else_changed_answers_409_and_keeps_the_text(client):
    case = CaseFactory()
    client.force_login(case.signal.received_by)
    Case.objects.filter(pk=case.pk).update(version=2)
    data = {"outcome": Case.Outcome.MOVED, "closure_reason": "Moved to Kaunas in May.", "seen_version": 1}
    response = client.post(_close_url(case), data)
    assert response.status_code == 409
    body = response.content.decode()
    assert "Someone else changed this record while you were editing it." in body
    assert "Moved to Kaunas in May.</textarea>" in body
    case.refresh_from_db()
    assert (case.status, case.version) == (Case.Status.OPEN, 2)


def test_provider_staff_may_not_close_the_case(client):
    case = CaseFactory()
    client.force_login(provider_staff_on(case))
    data = {"outcome": Case.Outcome.OTHER, "closure_reason": "x", "seen_version": 1}
    assert client.post(_close_url(case), data).status_code == 403
    case.refresh_from_db()
    assert case.status == Case.Status.OPEN


def test_a_closed_case_cannot_be_closed_again(client):
    case = CaseFactory(status=Case.Status.CLOSED)
    client.force_login(case.signal.received_by)
    assert client.get(_close_url(case)).status_code == 403


# the case team


def test_case_manager_adds_a_professional_of_a_provider(client):
    case = CaseFactory()
    psychologist = ProviderStaffFactory()
    client.force_login(case.signal.received_by)
    assert client.get(_team_url(case)).status_code == 200
    response = client.post(_team_url(case), {"user": psychologist.pk, "role_in_team": "psychologist"})
    assert response.status_code == 302
    assert case.team.get(user=psychologist).role_in_team == "psychologist"


def test_team_add_without_a_person_answers_400_and_keeps_the_role(client):
    case = CaseFactory()
    client.force_login(case.signal.received_by)
    response = client.post(_team_url(case), {"user": "", "role_in_team": "psychologist"})
    assert response.status_code == 400
    body = response.content.decode()
    assert '<a href="#id_user">This field is required.</a>' in body
    assert 'value="psychologist"' in body
    assert case.team.count() == 1


def test_unit_leader_moves_the_case_manager(client):
    case = CaseFactory()
    colleague = UserFactory(unit=case.unit)
    client.force_login(team_leader_of(case))
    client.post(_team_url(case), {"user": colleague.pk, "is_case_manager": "on"})
    assert list(case.team.filter(is_case_manager=True).values_list("user", flat=True)) == [colleague.pk]


def test_provider_staff_may_not_change_the_team(client):
    case = CaseFactory()
    staff = provider_staff_on(case)
    client.force_login(staff)
    assert client.post(_team_url(case), {"user": staff.pk}).status_code == 403
    assert case.team.count() == 1


# deadlines


def test_case_manager_marks_a_deadline_as_met_and_returns_to_the_case(client):
    case = CaseFactory()
    deadline = _deadline(case.signal)
    client.force_login(case.signal.received_by)
    response = client.post(_done_url(deadline), {"next": case.get_absolute_url()})
    assert response.status_code == 302
    assert response["Location"] == case.get_absolute_url()
    deadline.refresh_from_db()
    assert deadline.done_on == timezone.localdate()


def test_deadline_of_a_signal_waiting_for_triage_can_be_met_by_the_unit(client):
    signal = SignalFactory()
    deadline = _deadline(signal)
    client.force_login(UserFactory(unit=signal.unit))
    assert client.post(_done_url(deadline)).status_code == 302
    deadline.refresh_from_db()
    assert deadline.done_on is not None


@pytest.mark.parametrize("next_url", ["https://evil.example/", "//evil.example/x", "javascript:alert(1)"])
def test_deadline_done_never_redirects_off_site(client, next_url):
    case = CaseFactory()
    deadline = _deadline(case.signal)
    client.force_login(case.signal.received_by)
    response = client.post(_done_url(deadline), {"next": next_url})
    assert response.status_code == 302
    assert response["Location"] == reverse("dashboard:home")


def test_deadline_done_by_a_stranger_gets_404(client):
    case = CaseFactory()
    deadline = _deadline(case.signal)
    client.force_login(stranger())
    assert client.post(_done_url(deadline)).status_code == 404
    deadline.refresh_from_db()
    assert deadline.done_on is None


def test_deadline_done_only_answers_post(client):
    case = CaseFactory()
    deadline = _deadline(case.signal)
    client.force_login(case.signal.received_by)
    assert client.get(_done_url(deadline)).status_code == 405


def test_provider_staff_may_not_mark_the_authoritys_deadline_as_met(client):
    # The case page offers the button only to those who may manage the case (o.can_manage).
    case = CaseFactory()
    deadline = _deadline(case.signal)
    client.force_login(provider_staff_on(case))
    assert client.post(_done_url(deadline)).status_code == 403
    deadline.refresh_from_db()
    assert deadline.done_on is None
