"""The goal pages pass axe-core's WCAG 2.2 AA checks in a real browser."""

import pytest
from django.urls import reverse

from carepath.goals.tests.factories import case_of
from carepath.testing.browser import AXE, AXE_TAGS, axe_violations
from carepath.testing.factories import CaseFactory, GoalFactory

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def _login(page, client, live_server, user):
    client.force_login(user)
    session = client.cookies["sessionid"].value
    page.context.add_cookies([{"name": "sessionid", "value": session, "url": live_server.url}])


def _violations_in(page, selector):
    page.add_script_tag(path=str(AXE))
    return page.evaluate(
        """async ([selector, tags]) => (await axe.run(selector, {runOnly: {type: 'tag', values: tags}})).violations
        .map(v => ({id: v.id, nodes: v.nodes.map(n => n.target.join(' '))}))""",
        [selector, AXE_TAGS],
    )


def test_goal_cards_are_accessible(page, client, live_server):
    goal = GoalFactory(is_group_goal=True)
    goal.group_cases.set([case_of(goal.case.signal.received_by)])
    _login(page, client, live_server, goal.case.signal.received_by)
    page.goto(live_server.url + reverse("cases:case_detail", args=[goal.case.pk]))
    assert _violations_in(page, "#goals") == []


def test_goal_form_and_its_errors_are_accessible(page, client, live_server):
    case = CaseFactory()
    case_of(case.signal.received_by)
    _login(page, client, live_server, case.signal.received_by)
    page.goto(live_server.url + reverse("goals:goal_new", args=[case.pk]))
    assert axe_violations(page) == []
    page.get_by_label("This is a group goal, shared with other people").check()
    page.get_by_role("button", name="Save the goal").click()
    assert page.locator(".govuk-error-summary").get_by_text("Choose at least one other person").is_visible()
    assert axe_violations(page) == []
