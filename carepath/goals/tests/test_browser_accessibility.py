"""The goal pages pass axe-core's WCAG 2.2 AA checks in a real browser."""

import pytest
from django.urls import reverse

from carepath.goals.tests.factories import case_of
from carepath.organisations.authority import set_links
from carepath.testing.browser import assert_accessible, sign_in
from carepath.testing.factories import CaseFactory, GoalFactory

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_goal_cards_are_accessible(page, client, live_server):
    goal = GoalFactory(is_group_goal=True)
    set_links(goal.group_cases, [case_of(goal.case.signal.received_by)])
    sign_in(page, client, live_server, goal.case.signal.received_by)
    page.goto(live_server.url + reverse("cases:case_detail", args=[goal.case.pk]))
    assert_accessible(page, within="#goals")


def test_goal_form_and_its_errors_are_accessible(page, client, live_server):
    case = CaseFactory()
    case_of(case.signal.received_by)
    sign_in(page, client, live_server, case.signal.received_by)
    page.goto(live_server.url + reverse("goals:goal_new", args=[case.pk]))
    assert_accessible(page)
    page.get_by_label("This is a group goal, shared with other people").check()
    page.get_by_role("button", name="Save the goal").click()
    assert page.locator(".govuk-error-summary").get_by_text("Choose at least one other person").is_visible()
    assert_accessible(page)
