import pytest
from django.urls import reverse

from carepath.audit.models import AuditEvent
from carepath.cases.models import CaseTeamMember
from carepath.organisations.authority import add_links
from carepath.referrals.models import Referral
from carepath.testing.factories import CaseFactory, GoalFactory, ProviderStaffFactory
from carepath.testing.forms import assert_form_error
from carepath.testing.roles import provider_staff_on, stranger, team_leader_of

pytestmark = pytest.mark.django_db


def _pending():
    """A case, its pending referral, and staff of the referred provider."""
    case = CaseFactory()
    staff = provider_staff_on(case)
    referral = case.referrals.get()
    add_links(referral.goals, GoalFactory(case=case, title="Join a football team"))
    return case, referral, staff


def _url(referral):
    return reverse("referrals:referral_answer", args=[referral.pk])


def test_provider_staff_sees_the_referral_with_goals_and_load(client):
    case, referral, staff = _pending()
    client.force_login(staff)
    response = client.get(_url(referral))
    assert response.status_code == 200
    body = response.content.decode()
    assert "Join a football team" in body and str(case.person) in body
    assert response.context["load"].waiting == 1
    assert AuditEvent.objects.filter(user=staff, action=AuditEvent.Action.VIEW, case_id=case.pk).exists()


def test_provider_staff_accepts_and_joins_the_team(client):
    case, referral, staff = _pending()
    client.force_login(staff)
    response = client.post(_url(referral), {"decision": "accept"})
    assert response.status_code == 302
    assert response["Location"] == case.get_absolute_url()
    referral.refresh_from_db()
    assert (referral.status, referral.answered_by) == ("accepted", staff)
    assert CaseTeamMember.objects.get(case=case, user=staff).role_in_team == referral.service.name
    # The provider keeps access to the case page through the team.
    assert client.get(case.get_absolute_url()).status_code == 200


def test_provider_staff_declines_with_a_reason(client):
    _case, referral, staff = _pending()
    client.force_login(staff)
    response = client.post(_url(referral), {"decision": "decline", "reason": "No place before spring"})
    assert response.status_code == 302
    assert response["Location"] == reverse("referrals:inbox")
    referral.refresh_from_db()
    assert (referral.status, referral.decline_reason) == ("declined", "No place before spring")


def test_declining_without_a_reason_answers_400_and_keeps_the_choice(client):
    _case, referral, staff = _pending()
    client.force_login(staff)
    response = client.post(_url(referral), {"decision": "decline", "reason": ""})
    assert_form_error(
        response,
        "reason",
        "Say why the referral is declined.",
        kept=['value="decline" class="govuk-radios__input" id="id_decision_1" required checked'],
    )
    referral.refresh_from_db()
    assert referral.status == "pending"


def test_no_decision_answers_400(client):
    _case, referral, staff = _pending()
    client.force_login(staff)
    response = client.post(_url(referral), {})
    assert_form_error(response, "decision", "Choose whether you accept or decline the referral.")


def test_a_second_answer_is_refused_with_a_clear_message(client):
    _case, referral, staff = _pending()
    colleague = ProviderStaffFactory(organisation=staff.organisation, unit=staff.unit)
    client.force_login(staff)
    client.post(_url(referral), {"decision": "accept"})
    client.force_login(colleague)
    response = client.post(_url(referral), {"decision": "decline", "reason": "Too late"})
    assert response.status_code == 409
    assert "Only a pending referral can be answered" in response.content.decode()
    referral.refresh_from_db()
    assert (referral.status, referral.answered_by) == ("accepted", staff)


def test_an_answered_referral_shows_no_form(client):
    _case, referral, staff = _pending()
    client.force_login(staff)
    client.post(_url(referral), {"decision": "accept"})
    response = client.get(_url(referral))
    assert response.status_code == 200
    body = response.content.decode()
    assert "no longer waiting for an answer" in body
    assert 'name="decision"' not in body


def test_provider_of_another_organisation_gets_404(client):
    _case, referral, _staff = _pending()
    client.force_login(ProviderStaffFactory())
    assert client.get(_url(referral)).status_code == 404
    assert client.post(_url(referral), {"decision": "accept"}).status_code == 404
    referral.refresh_from_db()
    assert referral.status == "pending"


def test_provider_that_sees_the_case_through_its_own_referral_may_not_answer_another(client):
    case, referral, _staff = _pending()
    other = provider_staff_on(case)
    client.force_login(other)
    assert client.post(_url(referral), {"decision": "accept"}).status_code == 403


@pytest.mark.parametrize("who", ["case_worker", "unit_leader"])
def test_authority_staff_answering_gets_403_and_it_is_audited(client, who):
    case, referral, _staff = _pending()
    user = case.signal.received_by if who == "case_worker" else team_leader_of(case)
    client.force_login(user)
    assert client.post(_url(referral), {"decision": "accept"}).status_code == 403
    assert AuditEvent.objects.filter(user=user, action=AuditEvent.Action.DENIED, what="referrals.referral").exists()
    referral.refresh_from_db()
    assert referral.status == Referral.Status.PENDING


def test_stranger_gets_404(client):
    _case, referral, _staff = _pending()
    client.force_login(stranger())
    assert client.get(_url(referral)).status_code == 404
