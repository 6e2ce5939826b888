import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from carepath.goals.tests.factories import case_of
from carepath.organisations.authority import set_links
from carepath.referrals.models import Referral
from carepath.testing.factories import CaseFactory, GoalFactory, PersonFactory
from carepath.testing.pages import case_page
from carepath.testing.roles import provider_staff_on

pytestmark = pytest.mark.django_db


def test_goal_card_shows_the_citizens_words_and_the_smart_goal(client):
    goal = GoalFactory()
    body = case_page(client, goal.case)
    assert "<blockquote" in body and "I want to travel abroad." in body
    for text in ["Travel to Riga by bus", "Trip made", "One trip", "Leisure", "The citizen", "Working on it"]:
        assert text in body
    assert reverse("goals:goal_edit", args=[goal.pk]) in body
    assert reverse("goals:goal_new", args=[goal.case.pk]) in body


def test_group_goal_shows_who_shares_it_on_each_case(client):
    goal = GoalFactory(is_group_goal=True)
    worker = goal.case.signal.received_by
    other = case_of(worker, person=PersonFactory(given_name="Rasa"), signal__person=PersonFactory(given_name="Rasa"))
    set_links(goal.group_cases, [other])
    own = case_page(client, goal.case)
    assert "Group goal" in own and "Rasa Kazlauskas" in own
    shared = case_page(client, other)
    assert "Travel to Riga by bus" in shared
    assert str(goal.case.person) in shared
    assert reverse("goals:goal_edit", args=[goal.pk]) not in shared  # edited on its own case only


def test_provider_sees_goals_without_change_links(client):
    goal = GoalFactory()
    body = case_page(client, goal.case, provider_staff_on(goal.case, Referral.Status.ACCEPTED))
    assert "Travel to Riga by bus" in body
    assert reverse("goals:goal_edit", args=[goal.pk]) not in body
    assert reverse("goals:goal_new", args=[goal.case.pk]) not in body


def test_case_page_queries_do_not_grow_with_group_goals(client, django_assert_max_num_queries):
    case = CaseFactory()
    worker = case.signal.received_by
    goal = GoalFactory(case=case, is_group_goal=True)
    set_links(goal.group_cases, [case_of(worker)])
    client.force_login(worker)
    url = reverse("cases:case_detail", args=[case.pk])
    with CaptureQueriesContext(connection) as before:
        client.get(url)
    for _ in range(4):
        more = GoalFactory(case=case, is_group_goal=True)
        set_links(more.group_cases, [case_of(worker), case_of(worker)])
        set_links(GoalFactory(case=case_of(worker), is_group_goal=True).group_cases, [case])
    with django_assert_max_num_queries(len(before)):
        client.get(url)
