"""Whom a staff member may find by name: the people of their cases and of their authority's signals."""

import pytest
from django.contrib.auth.models import AnonymousUser

from carepath.access import policy
from carepath.accounts.models import Role
from carepath.referrals.models import Referral
from carepath.testing.factories import (
    CaseFactory,
    CitizenFactory,
    ProviderStaffFactory,
    SignalFactory,
    UnitFactory,
    UserFactory,
)
from carepath.testing.roles import provider_staff_on, stranger, team_leader_of

pytestmark = pytest.mark.django_db


def test_the_case_worker_on_the_team_finds_the_person_of_the_case():
    case = CaseFactory()
    assert list(policy.searchable_people(case.signal.received_by)) == [case.person]


def test_authority_staff_find_the_people_of_signals_of_every_unit_of_their_authority():
    signal = SignalFactory()
    colleague = UserFactory(unit=UnitFactory(organisation=signal.unit.organisation))
    assert list(policy.searchable_people(colleague)) == [signal.person]


def test_the_team_leader_finds_the_people_of_the_units_signals():
    case = CaseFactory()
    leader = team_leader_of(case)
    waiting = SignalFactory(received_by=case.signal.received_by)
    assert set(policy.searchable_people(leader)) == {case.person, waiting.person}


def test_a_leader_of_a_unit_finds_its_signals_whatever_their_role():
    signal = SignalFactory()
    leader = ProviderStaffFactory()  # an unusual set-up, but leading the unit is what counts
    signal.unit.leader = leader
    signal.unit.save(update_fields=["leader"])
    assert list(policy.searchable_people(leader)) == [signal.person]


@pytest.mark.parametrize("status", [Referral.Status.PENDING, Referral.Status.ACCEPTED])
def test_a_provider_finds_the_person_while_the_referral_is_open(status):
    case = CaseFactory()
    assert list(policy.searchable_people(provider_staff_on(case, status))) == [case.person]


@pytest.mark.parametrize("status", [Referral.Status.DECLINED, Referral.Status.ENDED])
def test_a_provider_does_not_find_the_person_once_the_referral_is_closed(status):
    case = CaseFactory()
    assert list(policy.searchable_people(provider_staff_on(case, status))) == []


def test_provider_staff_do_not_find_an_authoritys_signals():
    SignalFactory()
    assert list(policy.searchable_people(ProviderStaffFactory())) == []


def test_only_an_authoritys_staff_find_the_signals_of_their_whole_organisation():
    provider_unit = ProviderStaffFactory().unit
    SignalFactory(received_by=UserFactory(unit=provider_unit))  # a signal filed at a provider's unit
    colleague = UserFactory(role=Role.CASE_WORKER, unit=UnitFactory(organisation=provider_unit.organisation))
    assert list(policy.searchable_people(colleague)) == []


@pytest.mark.parametrize("who", ["stranger", "provider without referral", "citizen", "anonymous", "inactive"])
def test_people_without_a_relation_find_no_one(who):
    case = CaseFactory()
    SignalFactory(received_by=case.signal.received_by)
    user = {
        "stranger": stranger,
        "provider without referral": ProviderStaffFactory,
        "citizen": lambda: CitizenFactory(person=case.person),
        "anonymous": AnonymousUser,
        "inactive": lambda: UserFactory(unit=case.unit, is_active=False),
    }[who]()
    assert list(policy.searchable_people(user)) == []


def test_a_person_with_several_cases_and_signals_is_found_once_in_one_query(django_assert_num_queries):
    case = CaseFactory()
    worker = case.signal.received_by
    SignalFactory(received_by=worker, person=case.person)
    CaseFactory(signal__received_by=worker, signal__person=case.person)
    with django_assert_num_queries(1):
        assert list(policy.searchable_people(worker)) == [case.person]


def test_the_person_of_every_visible_case_is_findable():
    """searchable_people writes visible_cases' rule out in parts (for the planner): the same people."""
    case = CaseFactory()
    other = CaseFactory()
    users = [
        case.signal.received_by,
        team_leader_of(case),
        provider_staff_on(case, Referral.Status.PENDING),
        provider_staff_on(case, Referral.Status.ACCEPTED, consent=False),
        provider_staff_on(other, Referral.Status.DECLINED),
        stranger(),
        UserFactory(role=Role.QUALITY_COORDINATOR, unit=case.unit),
    ]
    for user in users:
        seen = set(policy.visible_cases(user).values_list("person_id", flat=True))
        assert seen <= set(policy.searchable_people(user).values_list("pk", flat=True)), user.username
