"""The pilot pages pass axe-core's WCAG 2.2 AA checks in a real browser."""

import pytest
from django.urls import reverse

from carepath.learning.tests.factories import AfterActionReviewFactory
from carepath.pilots.tests.factories import PilotFactory
from carepath.testing.browser import assert_accessible, sign_in

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_pilot_form_and_its_errors_are_accessible(page, client, live_server):
    pilot = PilotFactory()
    sign_in(page, client, live_server, pilot.created_by)
    page.goto(live_server.url + reverse("pilots:pilot_new"))
    assert_accessible(page)
    page.get_by_role("button", name="Save the pilot").click()
    page.locator(".govuk-error-summary").wait_for()
    assert_accessible(page)


def test_pilot_list_and_detail_are_accessible(page, client, live_server):
    pilot = PilotFactory(title="Residents plan the garden")
    AfterActionReviewFactory(unit=pilot.unit, pilot=pilot, subject="First harvest")
    sign_in(page, client, live_server, pilot.created_by)
    page.goto(live_server.url + reverse("learning:focus_group_list"))
    page.get_by_role("link", name="Pilots").click()
    assert_accessible(page)
    page.get_by_role("link", name="Residents plan the garden").click()
    page.get_by_role("link", name="First harvest").wait_for()
    assert_accessible(page)
