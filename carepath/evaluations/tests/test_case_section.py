import datetime

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from carepath.evaluations.tests.factories import GoalAttainmentFactory
from carepath.testing.factories import CaseFactory, EvaluationMomentFactory, GoalFactory
from carepath.testing.pages import case_page
from carepath.testing.roles import provider_staff_on

pytestmark = pytest.mark.django_db


def _held(case, levels, words="I liked the trip most."):
    evaluation = EvaluationMomentFactory(
        case=case,
        planned_on=timezone.localdate() - datetime.timedelta(days=10),
        held_on=timezone.localdate() - datetime.timedelta(days=7),
        citizen_words=words,
    )
    for level in levels:
        GoalAttainmentFactory(evaluation=evaluation, goal=GoalFactory(case=case), level=level)
    return evaluation


def _section(client, case, user=None):
    body = case_page(client, case, user)
    return body[body.index('id="evaluations"') : body.index('id="timeline"')]


def test_held_moment_shows_summary_tags_and_the_citizens_words(client):
    case = CaseFactory()
    held = _held(case, ["fully", "fully", "partially"], words="I went to Riga & back!")
    section = _section(client, case)
    assert "3 goals: 2 fully, 1 partially" in section
    assert section.count("govuk-tag--green") == 2
    assert section.count("govuk-tag--yellow") == 1
    assert "I went to Riga &amp; back!" in section
    assert "<blockquote" in section
    assert reverse("evaluations:evaluation_record", args=[held.pk]) in section


def test_planned_moment_offers_to_record_it_and_to_plan_another(client):
    case = CaseFactory()
    planned = EvaluationMomentFactory(case=case)
    section = _section(client, case)
    assert "Planned for" in section
    assert "Overdue" not in section
    assert reverse("evaluations:evaluation_record", args=[planned.pk]) in section
    assert reverse("evaluations:evaluation_plan", args=[case.pk]) in section


def test_planned_moment_whose_date_passed_is_marked_overdue(client):
    case = CaseFactory()
    EvaluationMomentFactory(case=case, planned_on=timezone.localdate() - datetime.timedelta(days=1))
    _held(case, ["fully"])  # held moments are never overdue
    section = _section(client, case)
    assert section.count("Overdue") == 1
    assert "has not been recorded yet" in section


def test_provider_sees_the_evaluations_but_no_links_to_change_them(client):
    case = CaseFactory()
    _held(case, ["not"])
    EvaluationMomentFactory(case=case)
    section = _section(client, case, provider_staff_on(case))
    assert "1 goal: 1 not achieved" in section
    assert "/record/" not in section
    assert reverse("evaluations:evaluation_plan", args=[case.pk]) not in section


def test_case_without_moments_says_so(client):
    section = _section(client, CaseFactory())
    assert "No evaluation moments planned yet." in section


def test_case_page_query_count_does_not_grow_with_evaluations(client):
    case = CaseFactory()
    _held(case, ["fully"])
    client.force_login(case.signal.received_by)
    url = reverse("cases:case_detail", args=[case.pk])
    with CaptureQueriesContext(connection) as before:
        client.get(url)
    for _ in range(4):
        _held(case, ["fully", "partially", "not"])
        EvaluationMomentFactory(case=case)
    with CaptureQueriesContext(connection) as after:
        client.get(url)
    assert len(after) == len(before)
