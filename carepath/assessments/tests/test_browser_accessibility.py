"""The assessment pages pass axe-core's WCAG 2.2 AA checks in a real browser."""

import datetime

import pytest
from django.urls import reverse

from carepath.testing.browser import assert_accessible, sign_in
from carepath.testing.factories import AssessmentFactory, CaseFactory

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_trajectory_section_is_accessible(page, client, live_server):
    case = CaseFactory()
    for i, level in enumerate([4, 3, 1]):
        AssessmentFactory(case=case, assessed_on=datetime.date(2024, 1, 1) + datetime.timedelta(days=60 * i),
                          physical_level=level)
    sign_in(page, client, live_server, case.signal.received_by)
    page.goto(live_server.url + reverse("cases:case_detail", args=[case.pk]))
    assert page.locator("#assessment svg[role=img]").count() == 1
    assert_accessible(page, within="#assessment")


def test_assessment_form_and_its_errors_are_accessible(page, client, live_server):
    case = CaseFactory()
    sign_in(page, client, live_server, case.signal.received_by)
    page.goto(live_server.url + reverse("assessments:assessment_new", args=[case.pk]))
    assert_accessible(page)
    page.get_by_role("button", name="Record the assessment").click()
    assert page.locator(".govuk-error-summary").is_visible()
    assert_accessible(page)
