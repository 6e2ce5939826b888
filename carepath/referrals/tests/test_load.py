"""A service's load is counted once and kept a while; the writes that change it forget it."""

import pytest

from carepath.cases import services as case_services
from carepath.referrals import load, services
from carepath.referrals.models import Referral
from carepath.referrals.tests.factories import case_with_goals, service
from carepath.referrals.tests.factories import load as give_load
from carepath.testing.factories import ProviderStaffFactory, ReferralFactory, ServiceFactory

pytestmark = pytest.mark.django_db


def test_loads_of_several_services_are_counted_in_one_query_then_kept(django_assert_num_queries):
    club, centre, empty = service(), service(), service()
    give_load(club, in_service=2, waiting=1, declined=3)
    give_load(centre, waiting=4)
    with django_assert_num_queries(1):
        first = load.loads([club.pk, centre.pk, empty.pk])
    assert first == {club.pk: load.Load(2, 1), centre.pk: load.Load(0, 4), empty.pk: load.Load(0, 0)}
    give_load(club, waiting=5)  # not through the services: nothing forgets the kept figures
    with django_assert_num_queries(0):
        assert load.loads([centre.pk, club.pk]) == {club.pk: load.Load(2, 1), centre.pk: load.Load(0, 4)}


def test_a_referral_made_accepted_declined_or_ended_is_counted_at_once():
    staff = ProviderStaffFactory()
    club = ServiceFactory(provider=staff.organisation)
    case = case_with_goals()
    assert load.loads([club.pk])[club.pk] == load.Load(0, 0)
    referral = services.refer(case=case, by=case.signal.received_by, service=club, goals=case.goals.all())
    assert load.loads([club.pk])[club.pk] == load.Load(0, 1)
    services.accept_referral(referral=referral, by=staff)
    assert load.loads([club.pk])[club.pk] == load.Load(1, 0)
    services.end_referral(referral=referral, by=case.signal.received_by)
    assert load.loads([club.pk])[club.pk] == load.Load(0, 0)
    other = services.refer(case=case, by=case.signal.received_by, service=club, goals=case.goals.all())
    assert load.loads([club.pk])[club.pk] == load.Load(0, 1)
    services.decline_referral(referral=other, by=staff, reason="Full")
    assert load.loads([club.pk])[club.pk] == load.Load(0, 0)


def test_closing_a_case_frees_its_place_at_once():
    referral = ReferralFactory(status=Referral.Status.ACCEPTED)
    assert load.loads([referral.service_id])[referral.service_id] == load.Load(1, 0)
    case = referral.case
    case_services.close_case(case=case, by=case.signal.received_by, outcome="goals_reached",
                             closure_reason="Managing on her own.", seen_version=case.version)
    assert load.loads([referral.service_id])[referral.service_id] == load.Load(0, 0)
