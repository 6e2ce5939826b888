import pytest

from carepath.access import policy
from carepath.cases.models import Case
from carepath.core.choices import LifeDomain
from carepath.goals.models import Goal
from carepath.organisations.authority import add_links
from carepath.organisations.models import Service
from carepath.referrals import selectors
from carepath.referrals.models import Referral
from carepath.referrals.tests.factories import case_with_goals, load, service
from carepath.testing.factories import (
    AssessmentFactory,
    CaseFactory,
    GoalFactory,
    ProviderStaffFactory,
    ReferralFactory,
    ServiceFactory,
    UserFactory,
)
from carepath.testing.roles import provider_staff_on

pytestmark = pytest.mark.django_db

LEISURE, WORK, HOUSING = LifeDomain.LEISURE, LifeDomain.WORK, LifeDomain.HOUSING


def _names(suggestions):
    return [s.service.name for s in suggestions]


def test_suggests_only_services_whose_domains_overlap_the_active_goals():
    case = case_with_goals(LEISURE)
    GoalFactory(case=case, life_domain=HOUSING, status=Goal.Status.ACHIEVED)
    service(LEISURE, name="Sports club")
    service(HOUSING, name="Housing support")
    service(WORK, name="Job coach")
    assert _names(selectors.suggest_services(case)) == ["Sports club"]


def test_services_whose_level_range_misses_the_latest_assessment_are_left_out():
    case = case_with_goals(LEISURE, level=3)
    service(LEISURE, level_min=0, level_max=2, name="Light support")
    service(LEISURE, level_min=3, level_max=4, name="Intensive support")
    service(LEISURE, level_min=2, level_max=3, name="Middle support")
    assert sorted(_names(selectors.suggest_services(case))) == ["Intensive support", "Middle support"]


def test_the_latest_assessment_decides_the_level():
    case = case_with_goals(LEISURE, level=4)
    AssessmentFactory(case=case, assessed_on=case.assessments.get().assessed_on, physical_level=1,
                      communication_level=1, social_level=1)
    service(LEISURE, level_min=0, level_max=1, name="Light support")
    assert _names(selectors.suggest_services(case)) == ["Light support"]


def test_without_assessment_the_level_is_not_used():
    case = case_with_goals(LEISURE, level=None)
    service(LEISURE, level_min=0, level_max=0, name="Light support")
    service(LEISURE, level_min=4, level_max=4, name="Intensive support")
    assert sorted(_names(selectors.suggest_services(case))) == ["Intensive support", "Light support"]


def test_without_active_goals_nothing_is_suggested():
    case = CaseFactory()
    service(LEISURE)
    assert selectors.suggest_services(case) == []


def test_a_suggestion_names_its_matching_and_other_domains():
    case = case_with_goals(LEISURE)
    service(WORK, LEISURE)
    [suggestion] = selectors.suggest_services(case)
    assert (suggestion.matching_labels, suggestion.other_labels) == (["Leisure"], ["Work"])


def test_inactive_services_are_not_suggested():
    case = case_with_goals(LEISURE)
    service(LEISURE, is_active=False)
    assert selectors.suggest_services(case) == []


def test_ranked_by_matching_domains_then_free_places_then_waiting_list():
    case = case_with_goals(LEISURE, WORK)
    both = service(LEISURE, WORK, name="Both domains, full", capacity=1)
    load(both, in_service=1)
    service(LEISURE, name="One domain, roomy", capacity=10)
    tight = service(LEISURE, name="One domain, tight", capacity=10)
    load(tight, in_service=8)
    queue = service(LEISURE, name="One domain, roomy, queue", capacity=10)
    load(queue, waiting=3)
    assert _names(selectors.suggest_services(case)) == [
        "Both domains, full",
        "One domain, roomy",
        "One domain, roomy, queue",
        "One domain, tight",
    ]
    first = selectors.suggest_services(case)[0]
    assert first.matching_labels == ["Leisure", "Work"]
    assert first.free_places == 0


def test_group_goals_of_the_case_count():
    case = case_with_goals(LEISURE)
    group_goal = GoalFactory(life_domain=HOUSING, is_group_goal=True)
    add_links(group_goal.group_cases, case)
    service(HOUSING, name="Housing support")
    assert "Housing support" in _names(selectors.suggest_services(case))


def test_a_service_already_referred_is_flagged():
    case = case_with_goals(LEISURE)
    club = service(LEISURE)
    ReferralFactory(case=case, service=club)
    assert selectors.suggest_services(case)[0].already_referred is True


def test_capacity_figures_count_accepted_on_open_cases_and_pending():
    club = service(LEISURE)
    load(club, in_service=2, waiting=3, declined=4)
    closed = ReferralFactory(service=club, status=Referral.Status.ACCEPTED)
    Case.objects.filter(pk=closed.case_id).update(status=Case.Status.CLOSED)
    ReferralFactory(service=club, status=Referral.Status.ENDED)
    [figures] = selectors.with_load(Service.objects.filter(pk=club.pk))
    assert (figures.in_service, figures.waiting) == (2, 3)
    referral = selectors.with_service_load(Referral.objects.filter(service=club, status="pending"))[0]
    assert (referral.service_in_service, referral.service_waiting) == (2, 3)


def test_suggestions_take_a_fixed_number_of_queries(django_assert_num_queries):
    case = case_with_goals(LEISURE)
    for _ in range(3):
        load(service(LEISURE), in_service=1, waiting=1)
    with django_assert_num_queries(5):  # four, and one counting the services' loads
        first = selectors.suggest_services(case)
    for _ in range(10):
        load(service(LEISURE), in_service=2, waiting=1)
    with django_assert_num_queries(5):  # the loads of the ten new services, in one query
        more = selectors.suggest_services(case)
    assert (len(first), len(more)) == (3, 13)


def test_waiting_for_answer_lists_pending_referrals_to_my_organisation():
    case = CaseFactory()
    staff = provider_staff_on(case)
    ReferralFactory(status=Referral.Status.PENDING)  # another provider
    assert [r.case for r in selectors.waiting_for_answer(staff)] == [case]
    assert list(selectors.sent_and_waiting(case.signal.received_by))[0].case == case


def test_what_waits_for_an_answer_is_always_visible_and_only_pending():
    staff = ProviderStaffFactory()
    mine = ServiceFactory(provider=staff.organisation)
    pending = ReferralFactory(service=mine, status=Referral.Status.PENDING)
    ReferralFactory(service=mine, status=Referral.Status.DECLINED)
    ReferralFactory(service=mine, status=Referral.Status.ACCEPTED)
    waiting = list(selectors.waiting_for_answer(staff))
    assert waiting == [pending]
    assert {r.case for r in waiting} <= set(policy.visible_cases(staff))
    assert not selectors.waiting_for_answer(UserFactory(organisation=None)).exists()


def test_a_provider_sees_no_sent_referrals_of_cases_it_only_receives():
    staff = ProviderStaffFactory()
    received = ReferralFactory(service=ServiceFactory(provider=staff.organisation))
    ReferralFactory(case=received.case, status=Referral.Status.PENDING)  # the authority also asked elsewhere
    assert not selectors.sent_and_waiting(staff).exists()
    assert len(selectors.sent_and_waiting(received.case.signal.received_by)) == 2
