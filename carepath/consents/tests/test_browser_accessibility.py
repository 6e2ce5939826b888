"""The consent pages pass axe-core's WCAG 2.2 AA checks in a real browser."""

import pytest
from django.urls import reverse

from carepath.testing.browser import assert_accessible, sign_in
from carepath.testing.factories import CaseFactory, ConsentFactory

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_consent_section_with_its_warning_is_accessible(page, client, live_server):
    case = CaseFactory()
    sign_in(page, client, live_server, case.signal.received_by)
    page.goto(live_server.url + reverse("cases:case_detail", args=[case.pk]))
    assert page.locator("#consent .govuk-warning-text").is_visible()
    ConsentFactory(case=case)
    page.reload()
    assert_accessible(page, within="#consent")


def test_consent_form_and_its_errors_are_accessible(page, client, live_server):
    case = CaseFactory()
    sign_in(page, client, live_server, case.signal.received_by)
    page.goto(live_server.url + reverse("consents:consent_new", args=[case.pk]))
    assert_accessible(page)
    page.get_by_label("Signed on paper (scan uploaded)").check()
    page.get_by_role("button", name="Record the consent").click()
    assert page.locator(".govuk-error-summary").get_by_text("Upload the scan of the signed paper.").is_visible()
    assert_accessible(page)
