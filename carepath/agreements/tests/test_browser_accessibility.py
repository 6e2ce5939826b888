"""The agreement pages pass axe-core's WCAG 2.2 AA checks in a real browser."""

import pytest
from django.urls import reverse

from carepath.testing.browser import assert_accessible, sign_in
from carepath.testing.factories import AgreementActionFactory

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_agreement_section_and_history_are_accessible(page, client, live_server):
    case = AgreementActionFactory().version.case
    sign_in(page, client, live_server, case.signal.received_by)
    page.goto(live_server.url + reverse("cases:case_detail", args=[case.pk]))
    assert_accessible(page, within="#agreement")
    page.get_by_role("link", name="See the version history").click()
    assert page.get_by_role("heading", name="Version 1").is_visible()
    assert_accessible(page)


def test_agreement_form_and_its_row_errors_are_accessible(page, client, live_server):
    case = AgreementActionFactory().version.case
    sign_in(page, client, live_server, case.signal.received_by)
    page.goto(live_server.url + reverse("agreements:agreement_new", args=[case.pk]))
    assert_accessible(page)
    page.locator("#id_actions-1-who").fill("João")
    page.get_by_role("button", name="Save as a new version").click()
    summary = page.locator(".govuk-error-summary")
    assert summary.get_by_text("Action 2: Say what they do.").is_visible()
    assert_accessible(page)
