"""The focus group pages pass axe-core's WCAG 2.2 AA checks in a real browser."""

import pytest
from django.urls import reverse

from carepath.learning.tests.factories import focus_group_of, material_of
from carepath.testing.browser import assert_accessible, sign_in
from carepath.testing.factories import GoalFactory

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_focus_group_form_and_its_errors_are_accessible(page, client, live_server):
    group = focus_group_of()
    GoalFactory(case=group.cases.get())
    sign_in(page, client, live_server, group.created_by)
    page.goto(live_server.url + reverse("learning:focus_group_new"))
    assert_accessible(page)
    page.get_by_role("button", name="Save the focus group").click()
    page.locator(".govuk-error-summary").wait_for()
    assert_accessible(page)


def test_focus_group_detail_is_accessible(page, client, live_server):
    group = focus_group_of()
    material_of(group)
    sign_in(page, client, live_server, group.created_by)
    page.goto(live_server.url + reverse("learning:focus_group_detail", args=[group.pk]))
    page.get_by_role("img", name="The group at the bank counter").wait_for()
    assert_accessible(page)


def test_learning_is_in_the_navigation(page, client, live_server):
    group = focus_group_of()
    sign_in(page, client, live_server, group.created_by)
    page.goto(live_server.url + reverse("dashboard:home"))
    page.get_by_role("link", name="Learning").click()
    page.get_by_role("link", name="The visit to the bank").wait_for()
    assert_accessible(page)
