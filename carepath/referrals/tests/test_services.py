import pytest
from django.core.exceptions import PermissionDenied

from carepath.audit.models import AuditEvent
from carepath.cases.models import CaseTeamMember
from carepath.referrals import services
from carepath.referrals.models import Referral
from carepath.testing.factories import CaseFactory, GoalFactory, ProviderStaffFactory, ReferralFactory, ServiceFactory
from carepath.testing.roles import provider_staff_on

pytestmark = pytest.mark.django_db


def _audited(action, what="referrals.referral"):
    return AuditEvent.objects.filter(action=action, what=what).count()


def test_refer_creates_a_pending_referral_for_the_goals_and_audits_it():
    case = CaseFactory()
    goal = GoalFactory(case=case)
    worker = case.signal.received_by
    referral = services.refer(case=case, by=worker, service=ServiceFactory(), goals=[goal], message="Starts in May")
    assert (referral.status, referral.referred_by, referral.message) == ("pending", worker, "Starts in May")
    assert list(referral.goals.all()) == [goal]
    assert _audited(AuditEvent.Action.CREATE) == 1


@pytest.mark.parametrize("status", [Referral.Status.PENDING, Referral.Status.ACCEPTED])
def test_a_second_open_referral_to_the_same_service_is_refused(status):
    existing = ReferralFactory(status=status)
    with pytest.raises(services.ReferralRefused, match="already has a pending or accepted referral"):
        services.refer(case=existing.case, by=existing.referred_by, service=existing.service, goals=[])
    assert Referral.objects.count() == 1


@pytest.mark.parametrize("status", [Referral.Status.DECLINED, Referral.Status.ENDED])
def test_a_new_referral_after_a_declined_or_ended_one_is_allowed(status):
    old = ReferralFactory(status=status)
    services.refer(case=old.case, by=old.referred_by, service=old.service, goals=[])
    assert Referral.objects.filter(case=old.case, service=old.service).count() == 2


def test_accepting_puts_the_provider_on_the_case_team():
    case = CaseFactory()
    staff = provider_staff_on(case)
    referral = case.referrals.get()
    services.accept_referral(referral=referral, by=staff)
    referral.refresh_from_db()
    assert (referral.status, referral.answered_by) == ("accepted", staff)
    assert referral.answered_at is not None
    member = CaseTeamMember.objects.get(case=case, user=staff)
    assert (member.role_in_team, member.is_case_manager) == (referral.service.name, False)
    assert _audited(AuditEvent.Action.UPDATE) == 1
    assert _audited(AuditEvent.Action.CREATE, "cases.caseteammember") == 1


def test_accepting_keeps_an_existing_team_membership():
    case = CaseFactory()
    staff = provider_staff_on(case)
    CaseTeamMember.objects.create(case=case, user=staff, role_in_team="Psychologist")
    services.accept_referral(referral=case.referrals.get(), by=staff)
    assert CaseTeamMember.objects.get(case=case, user=staff).role_in_team == "Psychologist"


def test_declining_needs_a_reason():
    case = CaseFactory()
    staff = provider_staff_on(case)
    referral = case.referrals.get()
    with pytest.raises(services.ReferralRefused, match="Say why"):
        services.decline_referral(referral=referral, by=staff, reason="  ")
    services.decline_referral(referral=referral, by=staff, reason="No place before spring")
    referral.refresh_from_db()
    assert (referral.status, referral.decline_reason) == ("declined", "No place before spring")
    assert not CaseTeamMember.objects.filter(user=staff).exists()


def test_a_referral_is_answered_only_once():
    case = CaseFactory()
    staff = provider_staff_on(case)
    referral = case.referrals.get()
    services.accept_referral(referral=referral, by=staff)
    with pytest.raises(services.ReferralRefused, match="Only a pending referral can be answered"):
        services.decline_referral(referral=referral, by=staff, reason="Changed our mind")
    with pytest.raises(services.ReferralRefused):
        services.accept_referral(referral=referral, by=staff)
    referral.refresh_from_db()
    assert referral.status == "accepted"


def test_only_the_referred_provider_answers():
    referral = ReferralFactory()
    with pytest.raises(PermissionDenied):
        services.accept_referral(referral=referral, by=ProviderStaffFactory())
    with pytest.raises(PermissionDenied):
        services.accept_referral(referral=referral, by=referral.referred_by)


@pytest.mark.parametrize("status", [Referral.Status.PENDING, Referral.Status.ACCEPTED])
def test_the_authority_ends_an_open_referral(status):
    referral = ReferralFactory(status=status)
    services.end_referral(referral=referral, by=referral.referred_by)
    referral.refresh_from_db()
    assert referral.status == "ended"
    assert referral.ended_at is not None
    assert _audited(AuditEvent.Action.UPDATE) == 1


@pytest.mark.parametrize("status", [Referral.Status.DECLINED, Referral.Status.ENDED])
def test_a_closed_referral_cannot_be_ended(status):
    referral = ReferralFactory(status=status)
    with pytest.raises(services.ReferralRefused, match="Only a pending or accepted referral"):
        services.end_referral(referral=referral, by=referral.referred_by)
