import datetime
import re

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from carepath.evaluations.tests.factories import GoalAttainmentFactory
from carepath.testing.factories import CaseFactory, EvaluationMomentFactory, GoalFactory, StepFactory
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


def _rated(case, days_ago, **scores):
    from carepath.evaluations.models import QualityOfLifeRating

    evaluation = _held(case, ["fully"])
    evaluation.held_on = timezone.localdate() - datetime.timedelta(days=days_ago)
    evaluation.save()
    for domain, score in scores.items():
        QualityOfLifeRating.objects.create(evaluation=evaluation, domain=domain, score=score)
    return evaluation


def test_held_moment_shows_gas_satisfaction_and_the_citizens_view_with_faces(client):
    case = CaseFactory()
    held = _held(case, ["partially"])
    held.attainments.update(gas_score=-1)
    held.satisfaction, held.citizen_view, held.citizen_view_in_portal = 4, 2, True
    held.save()
    section = _section(client, case)
    assert "−1 less than expected" in section
    assert "Satisfaction with the service" in section
    assert 'src="/static/evaluations/faces/face-4.svg" alt=""' in section and "Happy" in section
    assert 'src="/static/evaluations/faces/face-2.svg" alt=""' in section and "Unhappy" in section
    assert "given in the portal" in section


def test_quality_of_life_before_and_after_as_a_chart_with_the_same_figures_in_a_table(client):
    case = CaseFactory()
    _rated(case, 100, housing=2, health=3)
    _rated(case, 10, housing=4, health=3)
    section = _section(client, case)
    assert section.count("<svg") >= 1 and 'role="img"' in section
    assert "Housing: 2, then 4." in section  # the chart's description
    table = section[section.index("Quality of life, first and latest rating") :]
    table = re.sub(r"\s+", " ", table[: table.index("</table>")])
    assert re.search(r"Housing</th> <td[^>]*>2</td> <td[^>]*>4</td> <td[^>]*>\+2</td>", table)
    assert re.search(r"Health</th> <td[^>]*>3</td> <td[^>]*>3</td> <td[^>]*>0</td>", table)
    assert "style=" not in section  # the Content-Security-Policy allows no inline style


def test_one_rated_moment_shows_the_table_without_a_chart(client):
    case = CaseFactory()
    _rated(case, 10, housing=2)
    section = _section(client, case)
    assert "Quality of life, first and latest rating" in section
    assert 'role="img"' not in section


def test_a_plan_with_steps_and_no_moment_prompts_to_plan_it(client):
    case = CaseFactory()
    StepFactory(goal=GoalFactory(case=case))
    section = _section(client, case)
    assert 'id="evaluation-prompt"' in section
    assert "The plan has started: plan the evaluation moment with the citizen now." in section
    assert "No evaluation moments planned yet." not in section
    assert section.count(reverse("evaluations:evaluation_plan", args=[case.pk])) == 1


def test_when_every_moment_is_held_the_next_is_prompted(client):
    case = CaseFactory()
    StepFactory(goal=GoalFactory(case=case))
    _held(case, ["fully"])
    assert "No next evaluation moment is planned." in _section(client, case)
    EvaluationMomentFactory(case=case)
    assert 'id="evaluation-prompt"' not in _section(client, case)


def test_no_prompt_without_steps_or_for_those_who_may_not_plan(client):
    case = CaseFactory()
    assert 'id="evaluation-prompt"' not in _section(client, case)
    StepFactory(goal=GoalFactory(case=case))
    assert 'id="evaluation-prompt"' not in _section(client, case, provider_staff_on(case))


def test_case_page_query_count_does_not_grow_with_ratings_and_views(client):
    case = CaseFactory()
    _rated(case, 50, housing=2)
    client.force_login(case.signal.received_by)
    url = reverse("cases:case_detail", args=[case.pk])
    with CaptureQueriesContext(connection) as before:
        client.get(url)
    for days in (40, 30, 20):
        rated = _rated(case, days, housing=3, health=4, leisure=2)
        rated.satisfaction = rated.citizen_view = 4
        rated.save()
        rated.attainments.update(gas_score=1)
    with CaptureQueriesContext(connection) as after:
        client.get(url)
    assert len(after) == len(before)
