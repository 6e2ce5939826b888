"""The staff pages every role uses daily pass axe-core's WCAG 2.2 AA checks, on a desktop and a phone."""

import pytest
from django.urls import reverse

from carepath.meetings.tests.factories import held_meeting_of
from carepath.testing.browser import assert_accessible, sign_in
from carepath.testing.factories import (
    AgreementActionFactory,
    AssessmentFactory,
    CaseFactory,
    ConsentFactory,
    DeadlineRuleFactory,
    EvaluationMomentFactory,
    GoalFactory,
    ProgressNoteFactory,
    ReferralFactory,
    SavingsPlanFactory,
    SignalFactory,
    StepFactory,
)

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def _full_case():
    case = CaseFactory()
    ConsentFactory(case=case)
    AssessmentFactory(case=case)
    AssessmentFactory(case=case, physical_level=0)
    goal = GoalFactory(case=case)
    StepFactory(goal=goal)
    SavingsPlanFactory(goal=goal)
    AgreementActionFactory(version__case=case)
    ReferralFactory(case=case)
    ProgressNoteFactory(case=case, goal=goal, is_restricted=True, restriction_reason="Family conflict")
    EvaluationMomentFactory(case=case)
    held_meeting_of(case, by=case.signal.received_by, goal=goal)
    return case


@pytest.mark.parametrize("width", [1024, 360])
def test_dashboard_case_page_and_signal_pages_are_accessible(page, client, live_server, width):
    page.set_viewport_size({"width": width, "height": 800})
    case = _full_case()
    worker = case.signal.received_by
    signal = SignalFactory(received_by=worker, case_type=DeadlineRuleFactory().case_type)
    sign_in(page, client, live_server, worker)
    for url in [
        reverse("dashboard:home"),
        reverse("cases:case_detail", args=[case.pk]),
        reverse("cases:case_list"),
        reverse("cases:signal_new"),
        reverse("cases:signal_detail", args=[signal.pk]),
        reverse("cases:case_close", args=[case.pk]),
        reverse("meetings:meeting_new", args=[case.pk]),
        reverse("meetings:meeting_detail", args=[case.meetings.get().pk]),
        reverse("meetings:meeting_edit", args=[case.meetings.get().pk]),
    ]:
        page.goto(live_server.url + url)
        assert_accessible(page)


def test_signal_form_with_errors_is_accessible(page, client, live_server):
    case = CaseFactory()
    sign_in(page, client, live_server, case.signal.received_by)
    page.goto(live_server.url + reverse("cases:signal_new"))
    page.click("main form button.govuk-button[type=submit]")
    assert page.locator(".govuk-error-summary").is_visible()
    assert_accessible(page)


def test_sign_in_page_and_its_error_are_accessible(page, live_server):
    page.goto(live_server.url + reverse("login"))
    assert_accessible(page)
    page.fill("#id_username", "nobody")
    page.fill("#id_password", "wrong")
    page.click("main button[type=submit]")
    assert page.locator(".govuk-error-summary").is_visible()
    assert_accessible(page)
