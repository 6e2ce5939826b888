"""Every row of case data carries its authority (carepath/organisations/authority.py)."""

import datetime

import pytest
from django.apps import apps
from django.utils import timezone

from carepath.access import policy
from carepath.audit.models import AuditEvent
from carepath.audit.verify import verify_chain
from carepath.cases.models import CaseTeamMember
from carepath.consents import services as consents
from carepath.consents.models import Consent, ConsentProvider
from carepath.core.choices import LifeDomain
from carepath.goals import selectors as goal_selectors
from carepath.goals import services as goals
from carepath.goals.models import Goal, GoalGroupCase
from carepath.goals.tests.factories import case_of
from carepath.learning import services as learning
from carepath.learning.models import FocusGroupCase, FocusGroupGoal
from carepath.notes import services as notes
from carepath.organisations.authority import add_links, set_links
from carepath.organisations.tests.chains import chains
from carepath.plans import services as plans
from carepath.referrals import services as referrals
from carepath.referrals.models import ReferralGoal
from carepath.testing.factories import CaseFactory, GoalFactory, ProviderFactory, ServiceFactory, SignalFactory

pytestmark = pytest.mark.django_db


def test_every_model_that_reaches_a_case_or_a_signal_carries_an_authority():
    """A new model of case data cannot forget the column: the walk of docs/scaling.md finds it."""
    models = apps.get_models(include_auto_created=True)
    carrying = {m._meta.label_lower for m in models if any(f.name == "authority" for f in m._meta.concrete_fields)}
    reaching = {m._meta.label_lower for m in chains()}
    assert reaching == carrying
    assert len(reaching) == 33  # the table of docs/scaling.md, section 4


def test_a_signal_and_its_case_take_their_units_organisation():
    case = CaseFactory()
    authority = case.unit.organisation
    assert (case.authority, case.signal.authority) == (authority, authority)
    assert [d.authority for d in case.signal.deadlines.all()] == [authority] * case.signal.deadlines.count()
    assert CaseTeamMember.objects.get(case=case).authority == authority


def test_a_row_copies_its_loaded_parent_without_a_query(django_assert_num_queries):
    case = CaseFactory()
    goal = GoalFactory.build(case=case)
    with django_assert_num_queries(1):  # the insert only
        goal.save()
    assert goal.authority_id == case.authority_id


def test_a_row_given_its_parents_id_asks_for_the_parents_authority_once(django_assert_num_queries):
    case = CaseFactory()
    goal = GoalFactory.build(case_id=case.pk, created_by=case.signal.received_by)
    with django_assert_num_queries(2):
        goal.save()
    assert goal.authority_id == case.authority_id


def test_the_authority_is_never_changed_by_a_later_save():
    goal = GoalFactory()
    first = goal.authority_id
    goal.case = CaseFactory()  # not something a service does: a transfer is a new case
    goal.save()
    goal.refresh_from_db()
    assert goal.authority_id == first


# Through the services.


def _goal_fields(**changes):
    return {
        "citizen_words": "I want to go to a concert.",
        "title": "Go to a concert",
        "indicator": "Concert attended",
        "target": "One concert",
        "due_on": timezone.localdate() + datetime.timedelta(days=60),
        "life_domain": LifeDomain.LEISURE,
        "proposed_by": Goal.ProposedBy.CITIZEN,
    } | changes


def test_a_goal_and_its_shares_take_the_cases_authority():
    case = CaseFactory()
    worker = case.signal.received_by
    other = case_of(worker)
    goal = goals.create_goal(case=case, by=worker, **_goal_fields(is_group_goal=True, group_cases=[other]))
    assert goal.authority_id == case.authority_id
    assert list(GoalGroupCase.objects.values_list("authority_id", flat=True)) == [case.authority_id]


def test_a_group_goal_is_not_shared_with_a_case_of_another_authority():
    case = CaseFactory()
    worker = case.signal.received_by
    same = case_of(worker)
    elsewhere = CaseFactory()  # another authority's case the worker also works on
    CaseTeamMember.objects.create(case=elsewhere, user=worker)
    assert elsewhere.authority_id != case.authority_id
    assert set(policy.visible_cases(worker)) == {case, same, elsewhere}
    assert list(goal_selectors.shareable_cases(worker, case=case)) == [same]
    with pytest.raises(goals.GroupGoalRuleBroken, match="own authority"):
        goals.create_goal(case=case, by=worker, **_goal_fields(is_group_goal=True, group_cases=[same, elsewhere]))


def test_a_step_and_a_note_take_their_parents_authority():
    goal = GoalFactory()
    case, worker = goal.case, goal.case.signal.received_by
    step = plans.add_step(goal=goal, case=case, by=worker, what="Buy the tickets", who="Jonas",
                          due_on=timezone.localdate())
    note = notes.write_note(case=case, by=worker, text="Tickets bought.", step=step)
    assert step.authority_id == note.authority_id == case.authority_id


def test_a_referral_and_the_goals_it_carries_take_the_cases_authority():
    goal = GoalFactory()
    case = goal.case
    referral = referrals.refer(case=case, by=case.signal.received_by, service=ServiceFactory(), goals=[goal])
    assert referral.authority_id == case.authority_id
    assert list(ReferralGoal.objects.values_list("authority_id", flat=True)) == [case.authority_id]


def test_a_consent_and_the_providers_it_covers_take_the_cases_authority():
    case = CaseFactory()
    consent = consents.record_consent(
        case=case, by=case.signal.received_by, given_by="Maria Silva", relation="mother",
        scope=Consent.Scope.SHARE_PROVIDERS, method=Consent.Method.IN_PERSON, given_on=timezone.localdate(),
        providers=[ProviderFactory(), ProviderFactory()],
    )
    assert consent.authority_id == case.authority_id
    assert list(ConsentProvider.objects.values_list("authority_id", flat=True)) == [case.authority_id] * 2


def test_a_focus_group_links_each_case_and_goal_with_its_own_authority():
    here, there = GoalFactory(), GoalFactory()
    assert here.authority_id != there.authority_id
    worker = here.case.signal.received_by
    group = learning.record_focus_group(
        by=worker, unit=here.case.unit, service=None, held_on=timezone.localdate(), activity="The bank",
        staff=[worker], cases=[here.case, there.case], impressions="Proud.", goals=[here, there],
    )
    assert set(FocusGroupCase.objects.filter(focusgroup=group).values_list("case_id", "authority_id")) == {
        (here.case_id, here.authority_id), (there.case_id, there.authority_id)}
    assert set(FocusGroupGoal.objects.filter(focusgroup=group).values_list("goal_id", "authority_id")) == {
        (here.pk, here.authority_id), (there.pk, there.authority_id)}
    set_links(group.cases, [there.case])
    assert list(FocusGroupCase.objects.filter(focusgroup=group).values_list("case_id", flat=True)) == [there.case_id]


def test_links_added_from_either_side_take_the_side_the_through_model_copies():
    goal = GoalFactory(is_group_goal=True)
    other = case_of(goal.case.signal.received_by)
    add_links(other.shared_goals, goal)  # from the case's side: the link still takes the goal's authority
    assert GoalGroupCase.objects.get().authority_id == goal.authority_id


# The audit log.


def test_an_audit_entry_about_a_case_carries_its_authority_and_one_about_a_person_none():
    case = CaseFactory()
    user = case.signal.received_by
    policy.record(user, AuditEvent.Action.VIEW, case, case=case)  # the case at hand
    policy.record(user, AuditEvent.Action.DENIED, what="cases.case", object_id=case.pk, case_id=case.pk)  # its id
    policy.record_listed(user, [(case.person_id, case), (SignalFactory().person_id, None)])
    policy.record(user, AuditEvent.Action.VIEW, case.person, person_id=case.person_id)
    assert list(AuditEvent.objects.order_by("id").values_list("authority_id", flat=True)) == [
        case.authority_id, case.authority_id, case.authority_id, None, None]
    assert verify_chain().broken is None  # the authority is not part of the hash


def test_reading_the_authority_from_the_case_costs_no_query(django_assert_max_num_queries):
    case = CaseFactory()
    user = case.signal.received_by
    policy.record(user, AuditEvent.Action.VIEW, case, case=case)
    with django_assert_max_num_queries(3) as given:  # PostgreSQL's lock, the last hash, the insert
        policy.record(user, AuditEvent.Action.VIEW, case, case=case)
    with django_assert_max_num_queries(len(given.captured_queries)):
        policy.record(user, AuditEvent.Action.VIEW, what="cases.case", object_id=case.pk, case_id=case.pk)
    assert AuditEvent.objects.order_by("-id").values_list("authority_id", flat=True).first() == case.authority_id
