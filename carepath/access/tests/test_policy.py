import pytest
from django.core.exceptions import PermissionDenied
from django.http import Http404

from carepath.access import policy
from carepath.accounts.models import Role
from carepath.audit.models import AuditEvent
from carepath.consents.models import Consent
from carepath.organisations.authority import add_links
from carepath.referrals.models import Referral
from carepath.testing.factories import (
    CaseFactory,
    ConsentFactory,
    ProviderStaffFactory,
    ReferralFactory,
    ServiceFactory,
    SignalFactory,
    UnitFactory,
    UserFactory,
)

pytestmark = pytest.mark.django_db


def test_team_member_sees_case_and_the_look_is_audited():
    case = CaseFactory()
    manager = case.signal.received_by
    assert policy.get_case(manager, case.pk) == case
    event = AuditEvent.objects.get(action=AuditEvent.Action.VIEW)
    assert (event.user, event.case_id, event.person_id) == (manager, case.pk, case.person_id)


def test_case_worker_without_relation_gets_404_and_denial_is_audited():
    case = CaseFactory()
    stranger = UserFactory(unit=case.unit)  # same unit, not on the team, not leader
    assert case not in policy.visible_cases(stranger)
    with pytest.raises(Http404):
        policy.get_case(stranger, case.pk)
    assert AuditEvent.objects.filter(user=stranger, action=AuditEvent.Action.DENIED).count() == 1


def test_unit_leader_sees_the_units_cases():
    case = CaseFactory()
    leader = UserFactory(role=Role.TEAM_LEADER, unit=case.unit)
    case.unit.leader = leader
    case.unit.save()
    assert list(policy.visible_cases(leader)) == [case]


@pytest.mark.parametrize(
    ("status", "visible"),
    [
        (Referral.Status.PENDING, True),
        (Referral.Status.ACCEPTED, True),
        (Referral.Status.DECLINED, False),
        (Referral.Status.ENDED, False),
    ],
)
def test_provider_sees_case_only_while_referral_is_open(status, visible):
    staff = ProviderStaffFactory()
    service = ServiceFactory(provider=staff.organisation)
    referral = ReferralFactory(service=service, status=status)
    assert (referral.case in policy.visible_cases(staff)) is visible


def test_provider_of_another_organisation_gets_404():
    referral = ReferralFactory()
    other_provider_staff = ProviderStaffFactory()
    with pytest.raises(Http404):
        policy.get_case(other_provider_staff, referral.case.pk)


def test_provider_may_plan_but_not_manage():
    staff = ProviderStaffFactory()
    referral = ReferralFactory(service=ServiceFactory(provider=staff.organisation))
    ConsentFactory(case=referral.case, scope=Consent.Scope.SHARE_PROVIDERS)
    assert policy.get_case(staff, referral.case.pk, policy.Do.PLAN) == referral.case
    with pytest.raises(PermissionDenied):
        policy.get_case(staff, referral.case.pk, policy.Do.MANAGE)


def test_visible_cases_has_no_duplicates_with_several_relations():
    case = CaseFactory()
    manager = case.signal.received_by
    case.unit.leader = manager
    case.unit.save()
    assert list(policy.visible_cases(manager)) == [case]


def test_signals_seen_by_own_unit_only():
    signal = SignalFactory()
    colleague = UserFactory(unit=signal.unit)
    other = UserFactory(unit=UnitFactory())
    provider = ProviderStaffFactory()
    assert signal in policy.visible_signals(colleague)
    assert signal not in policy.visible_signals(other)
    assert signal not in policy.visible_signals(provider)
    with pytest.raises(Http404):
        policy.get_signal(other, signal.pk)


def test_group_goal_reached_through_a_shared_case_only_when_asked():
    from carepath.goals.models import Goal
    from carepath.testing.factories import GoalFactory

    goal = GoalFactory(is_group_goal=True)
    member_case = CaseFactory()
    add_links(goal.group_cases, member_case)
    member_worker = member_case.signal.received_by
    found, via = policy.get_in_case(member_worker, Goal, goal.pk, policy.Do.PLAN, shared_via="group_cases")
    assert (found, via) == (goal, member_case)
    with pytest.raises(Http404):
        policy.get_in_case(member_worker, Goal, goal.pk, policy.Do.PLAN)
    with pytest.raises(Http404):
        policy.get_in_case(UserFactory(), Goal, goal.pk, policy.Do.PLAN, shared_via="group_cases")


def test_responsible_cases_are_the_team_and_led_units_not_the_referred_ones():
    case, referred, elsewhere = CaseFactory(), CaseFactory(), CaseFactory()
    leader = UserFactory(role=Role.TEAM_LEADER, unit=case.unit)
    case.unit.leader = leader
    case.unit.save()
    staff = ProviderStaffFactory()
    ReferralFactory(case=referred, service=ServiceFactory(provider=staff.organisation))
    assert list(policy.responsible_cases(leader)) == [case]
    assert list(policy.responsible_cases(case.signal.received_by)) == [case]
    assert referred in policy.visible_cases(staff) and not policy.responsible_cases(staff).exists()
    assert not policy.responsible_cases(UserFactory(unit=elsewhere.unit)).exists()
    # Always within what the user sees.
    for user in (leader, staff, case.signal.received_by):
        assert set(policy.responsible_cases(user)) <= set(policy.visible_cases(user))
