"""The record form (also with errors), the case section's chart and the portal's faces page pass axe-core
at 360 px, without breaking the Content-Security-Policy."""

import datetime

import pytest
from django.urls import reverse
from django.utils import timezone

from carepath.evaluations.models import QualityOfLifeRating
from carepath.evaluations.tests.factories import GoalAttainmentFactory
from carepath.testing.browser import assert_accessible, csp_violations, sign_in, watch_csp_violations
from carepath.testing.factories import CaseFactory, CitizenFactory, EvaluationMomentFactory, GoalFactory

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

PHONE = {"width": 360, "height": 740}


def _submit(page):
    page.click("main form button.govuk-button[type=submit]")
    page.wait_for_load_state()


def _rated_case():
    case = CaseFactory()
    today = timezone.localdate()
    for days, score in [(60, 2), (5, 4)]:
        held = EvaluationMomentFactory(
            case=case, planned_on=today - datetime.timedelta(days=days), held_on=today - datetime.timedelta(days=days)
        )
        GoalAttainmentFactory(evaluation=held, goal=GoalFactory(case=case), gas_score=1)
        QualityOfLifeRating.objects.create(evaluation=held, domain="housing", score=score)
        QualityOfLifeRating.objects.create(evaluation=held, domain="social_relations", score=3)
    return case


def test_record_form_and_case_section_are_accessible_on_a_phone(page, client, live_server):
    page.set_viewport_size(PHONE)
    watch_csp_violations(page)
    case = _rated_case()
    planned = EvaluationMomentFactory(case=case)
    sign_in(page, client, live_server, case.signal.received_by)
    page.goto(live_server.url + reverse("evaluations:evaluation_record", args=[planned.pk]))
    assert_accessible(page)
    _submit(page)  # no answer for the goals: the error summary and messages
    assert page.locator(".govuk-error-summary").is_visible()
    assert_accessible(page)
    page.goto(live_server.url + reverse("cases:case_detail", args=[case.pk]))
    assert page.locator("#evaluations svg[role=img]").count() == 1
    assert_accessible(page, "#evaluations")
    assert csp_violations(page) == []


def test_portal_faces_page_is_accessible_on_a_phone_and_answers(page, client, live_server):
    page.set_viewport_size(PHONE)
    watch_csp_violations(page)
    citizen = CitizenFactory()
    moment = EvaluationMomentFactory(case=CaseFactory(signal__person=citizen.person))
    sign_in(page, client, live_server, citizen)
    page.goto(live_server.url + reverse("portal:my_view", args=[citizen.person_id]))
    faces = page.locator("main img")
    assert faces.count() == 5
    assert all(faces.nth(i).evaluate("img => img.complete && img.naturalWidth > 0") for i in range(5))
    assert_accessible(page)
    _submit(page)  # no face chosen
    assert page.locator(".govuk-error-summary").is_visible()
    assert_accessible(page)
    page.get_by_label("Happy", exact=True).check()  # the label (face and words) names the radio
    _submit(page)
    assert "/my-view/" not in page.url
    moment.refresh_from_db()
    assert moment.citizen_view == 4 and moment.citizen_view_in_portal
    assert csp_violations(page) == []
